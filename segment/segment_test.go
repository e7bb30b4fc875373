package segment

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/internal/shared"
)

func segment(text string) *newsgraph.Document {
	d := &newsgraph.Document{Text: text}
	Segment(d)
	return d
}

func sentences(text string) []string {
	d := segment(text)
	var out []string
	for _, s := range d.Sentences {
		out = append(out, text[s.Start:s.End])
	}
	return out
}

func tokens(text string) []string {
	d := segment(text)
	var out []string
	for _, t := range d.Tokens {
		out = append(out, t.Text)
	}
	return out
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"simple", "He came. She left.", []string{"He came.", "She left."}},
		{"question and exclamation", "Why? Because! Fine.", []string{"Why?", "Because!", "Fine."}},
		{"U.S. inside a sentence", "The U.S. military left.", []string{"The U.S. military left."}},
		{"U.S. before a name", "The U.S. Senate voted.", []string{"The U.S. Senate voted."}},
		{"U.S. ends a sentence", "He flew to the U.S. The talks began.", []string{"He flew to the U.S.", "The talks began."}},
		{"U.K. ends before pronoun", "She lives in the U.K. She works there.", []string{"She lives in the U.K.", "She works there."}},
		{"title Gen.", "Gen. Mark Milley spoke.", []string{"Gen. Mark Milley spoke."}},
		{"title Mr. mid sentence", "He met Mr. Smith and Mrs. Jones.", []string{"He met Mr. Smith and Mrs. Jones."}},
		{"titles Dr. Prof. Sen. Rep. Gov.", "Dr. A met Prof. B, Sen. C, Rep. D and Gov. E. Then they left.",
			[]string{"Dr. A met Prof. B, Sen. C, Rep. D and Gov. E.", "Then they left."}},
		{"month Jan.", "On Jan. 6 the mob came.", []string{"On Jan. 6 the mob came."}},
		{"month Sept.", "It began Sept. 11, 2001.", []string{"It began Sept. 11, 2001."}},
		{"St. Peter's", "They sat in St. Peter's Basilica. It was full.", []string{"They sat in St. Peter's Basilica.", "It was full."}},
		{"initials", "J. K. Rowling wrote it. So did George R. R. Martin.", []string{"J. K. Rowling wrote it.", "So did George R. R. Martin."}},
		{"initial with middle name", "John F. Kennedy was shot.", []string{"John F. Kennedy was shot."}},
		{"e.g. and i.e.", "Some, e.g. Paris, agreed, i.e. most. Others not.", []string{"Some, e.g. Paris, agreed, i.e. most.", "Others not."}},
		{"No. before number", "He is No. 1 now.", []string{"He is No. 1 now."}},
		{"decimal number", "It grew 2.5 percent. Good.", []string{"It grew 2.5 percent.", "Good."}},
		{"lowercase after period stays", "It cost 5 bn. dollars in total.", []string{"It cost 5 bn. dollars in total."}},
		{"ellipsis", "Well... He left. Then… She came.", []string{"Well...", "He left.", "Then…", "She came."}},
		{"closing quote taken", "He said: \"No.\" Then he left.", []string{"He said: \"No.\"", "Then he left."}},
		{"curly closing quote taken", "He said: “No.” Then he left.", []string{"He said: “No.”", "Then he left."}},
		{"quote spanning sentences", "“We will win. They will lose,” he said. Then he left.",
			[]string{"“We will win.", "They will lose,” he said.", "Then he left."}},
		{"sentence starts with quote", "He left. “No,” she said.", []string{"He left.", "“No,” she said."}},
		{"german quotes", "Er sagte: „Wir schaffen das.“ Dann ging er.", []string{"Er sagte: „Wir schaffen das.“", "Dann ging er."}},
		{"guillemets", "Il a dit: « Non. » Puis il est parti.", []string{"Il a dit: « Non. »", "Puis il est parti."}},
		{"closing bracket taken", "It ended (finally.) Then more.", []string{"It ended (finally.)", "Then more."}},
		{"paragraph break ends sentence", "A heading\n\nThe body starts", []string{"A heading", "The body starts"}},
		{"windows line endings", "One line.\r\n\r\nTwo lines.\r\nThree.", []string{"One line.", "Two lines.", "Three."}},
		{"hard wrapped line continues", "The talks\nwent on.", []string{"The talks\nwent on."}},
		{"nbsp after period", "He left.\u00a0She came.", []string{"He left.", "She came."}},
		{"cyrillic", "Путин приехал. Зеленский уехал.", []string{"Путин приехал.", "Зеленский уехал."}},
		{"emoji", "Great news 🎉. Next 👍 one.", []string{"Great news 🎉.", "Next 👍 one."}},
		{"combining accent at start", "He left. E\u0301mile came.", []string{"He left.", "E\u0301mile came."}},
		{"digit starts sentence", "He left. 2024 was hard.", []string{"He left.", "2024 was hard."}},
		{"camel-case name starts a sentence", "He founded it. eHow was his first site.", []string{"He founded it.", "eHow was his first site."}},
		{"lowercase word does not start one", "It cost 5 bn. dollars.", []string{"It cost 5 bn. dollars."}},
		{"no space after period", "See example.com for more.", []string{"See example.com for more."}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := sentences(tc.text); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("\n got %q\nwant %q", got, tc.want)
			}
		})
	}
}

func TestTokens(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"abbreviation keeps dots", "The U.S. and e.g. U.K.", []string{"The", "U.S.", "and", "e.g.", "U.K."}},
		{"title dot separate", "Mr. Smith", []string{"Mr", ".", "Smith"}},
		{"apostrophes inside words", "It's Israel’s O'Brien", []string{"It's", "Israel’s", "O'Brien"}},
		{"hyphenated", "non-negotiable COVID-19", []string{"non-negotiable", "COVID-19"}},
		{"numbers", "1,200.5 and 10:30 on 26/04", []string{"1,200.5", "and", "10:30", "on", "26/04"}},
		{"ordinals and units", "the 26th at 5pm", []string{"the", "26th", "at", "5pm"}},
		{"number ends sentence", "It was 2014.", []string{"It", "was", "2014", "."}},
		{"ellipsis token", "So...", []string{"So", "..."}},
		{"cyrillic word", "Зеленський сказав", []string{"Зеленський", "сказав"}},
		{"combining accent kept in word", "Me\u0301lanie", []string{"Me\u0301lanie"}},
		{"emoji is a symbol", "ok 👍 fine", []string{"ok", "👍", "fine"}},
		{"zwj emoji stays whole", "we 👩‍👩‍👧 go", []string{"we", "👩‍👩‍👧", "go"}},
		{"flag stays whole", "go 🇺🇦 now", []string{"go", "🇺🇦", "now"}},
		{"nbsp separates", "5\u00a0000 euros", []string{"5", "000", "euros"}},
		{"plural possessive", "the troops' families", []string{"the", "troops", "'", "families"}},
		{"quote marks split", "“Yes,” he said", []string{"“", "Yes", ",", "”", "he", "said"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tokens(tc.text); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("\n got %q\nwant %q", got, tc.want)
			}
		})
	}
}

func TestQuoteDirections(t *testing.T) {
	const (
		o = newsgraph.OpenQuote
		c = newsgraph.CloseQuote
		a = newsgraph.AmbiguousQuote
	)
	tests := []struct {
		name string
		text string
		want []newsgraph.QuoteDir
	}{
		{"straight double", `He said "yes" today.`, []newsgraph.QuoteDir{o, c}},
		{"straight double after colon", `He said:"yes."`, []newsgraph.QuoteDir{o, c}},
		{"curly double", "He said “yes” today.", []newsgraph.QuoteDir{o, c}},
		{"curly double with punctuation inside", "“Yes,” he said, “no.”", []newsgraph.QuoteDir{o, c, o, c}},
		{"straight single", "He said 'yes' today.", []newsgraph.QuoteDir{o, c}},
		{"curly single", "He said ‘yes’ today.", []newsgraph.QuoteDir{o, c}},
		{"apostrophe is no quote", "It’s John’s.", nil},
		{"plural possessive is ambiguous or closing", "The troops’ return.", []newsgraph.QuoteDir{c}},
		{"elision at word start", "rock ’n’ roll", []newsgraph.QuoteDir{o, c}},
		{"guillemets", "Il dit « oui » hier.", []newsgraph.QuoteDir{o, c}},
		{"reversed guillemets", "Er sagte »ja« gestern.", []newsgraph.QuoteDir{c, o}},
		{"german low-high", "Er sagte „ja“ gestern.", []newsgraph.QuoteDir{o, c}},
		{"german low-high before comma", "„Ja“, sagte er.", []newsgraph.QuoteDir{o, c}},
		{"single guillemets", "‹oui›", []newsgraph.QuoteDir{o, c}},
		{"quote inside quote", "“He said ‘no’ twice.”", []newsgraph.QuoteDir{o, o, c, c}},
		{"mark after dash", "He—“no”—left.", []newsgraph.QuoteDir{o, c}},
		{"straight between letters", `a"b`, []newsgraph.QuoteDir{a}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := segment(tc.text)
			var got []newsgraph.QuoteDir
			for _, tok := range d.Tokens {
				if tok.Kind == newsgraph.QuoteMark {
					got = append(got, tok.Quote)
				}
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("%q:\n got %v\nwant %v", tc.text, got, tc.want)
			}
		})
	}
}

func TestParagraphs(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"blank lines", "A.\n\nB.\n \nC.", []string{"A.", "B.", "C."}},
		{"windows blank lines", "A.\r\n\r\nB.", []string{"A.", "B."}},
		{"single break after complete line", "A.\nB.", []string{"A.", "B."}},
		{"line without end punctuation joins the next", "Heading\nBody.", []string{"Heading\nBody."}},
		{"hard wrap joins", "the talks\nwent on", []string{"the talks\nwent on"}},
		{"surrounding space trimmed", "  A.  \n\n\u00a0B.\u00a0", []string{"A.", "B."}},
		{"only space", " \n \n", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, p := range Paragraphs(tc.text) {
				got = append(got, tc.text[p.Start:p.End])
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("\n got %q\nwant %q", got, tc.want)
			}
		})
	}
}

// checkInvariants asserts what the package doc promises.
func checkInvariants(t *testing.T, d *newsgraph.Document) {
	t.Helper()
	text := d.Text
	prevEnd := 0
	for i, p := range d.Paragraphs {
		if p.Start < prevEnd || p.End <= p.Start || p.End > len(text) {
			t.Fatalf("paragraph %d %v out of order or bounds (prev end %d, len %d)", i, p, prevEnd, len(text))
		}
		prevEnd = p.End
	}
	prevEnd = 0
	for i, tok := range d.Tokens {
		if tok.Start < prevEnd || tok.End <= tok.Start || tok.End > len(text) {
			t.Fatalf("token %d %v overlaps or out of bounds", i, tok)
		}
		if text[tok.Start:tok.End] != tok.Text {
			t.Fatalf("token %d: Text %q != text %q", i, tok.Text, text[tok.Start:tok.End])
		}
		if utf8.ValidString(text) && !utf8.ValidString(tok.Text) {
			t.Fatalf("token %d splits a character: %q", i, tok.Text)
		}
		prevEnd = tok.End
	}
	next := 0 // the next token to be claimed by a sentence
	prevEnd = 0
	for i, s := range d.Sentences {
		if s.FirstToken != next || s.EndToken <= s.FirstToken || s.EndToken > len(d.Tokens) {
			t.Fatalf("sentence %d tokens [%d,%d) do not follow %d", i, s.FirstToken, s.EndToken, next)
		}
		next = s.EndToken
		if s.Start < prevEnd || s.Start != d.Tokens[s.FirstToken].Start || s.End != d.Tokens[s.EndToken-1].End {
			t.Fatalf("sentence %d span [%d,%d) does not match its tokens", i, s.Start, s.End)
		}
		prevEnd = s.End
		if s.Paragraph < 0 || s.Paragraph >= len(d.Paragraphs) ||
			!d.Paragraphs[s.Paragraph].Contains(newsgraph.Span{Start: s.Start, End: s.End}) {
			t.Fatalf("sentence %d not inside its paragraph %d", i, s.Paragraph)
		}
		for k := s.FirstToken; k < s.EndToken; k++ {
			if d.Tokens[k].Sentence != i {
				t.Fatalf("token %d says sentence %d, lies in %d", k, d.Tokens[k].Sentence, i)
			}
		}
	}
	if next != len(d.Tokens) {
		t.Fatalf("tokens %d.. belong to no sentence", next)
	}
}

func TestInvariantsOnNastyText(t *testing.T) {
	for _, text := range []string{
		"", " ", "\n\n", ".", "\"", "U.S.", "...", "Mr.", "A. B. C.",
		"„Wir schaffen das“, sagte Me\u0301lanie. « Non », dit-il.\r\n\r\nЗеленський 👩‍👩‍👧 🇺🇦 ‘ok’\u00a0— 5\u00a0000 €.",
		"He said \"\u00a0\" '' ‚x‘ ‟y” ＂z＂.",
	} {
		checkInvariants(t, segment(text))
	}
}

func TestModelArticle(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join(shared.Path(t, "examples"), "rome-meeting.txt"))
	if err != nil {
		t.Fatal(err)
	}
	d := segment(string(raw))
	checkInvariants(t, d)
	for _, s := range d.Sentences {
		st := d.Text[s.Start:s.End]
		if strings.HasSuffix(st, "St.") {
			t.Errorf("sentence ends at a title: %q", st)
		}
	}
	var found bool
	for _, s := range d.Sentences {
		if d.Text[s.Start:s.End] == "A picture shows the statesmen in the middle of St. Peter's Basilica - sitting on just one chair." {
			found = true
		}
	}
	if !found {
		t.Errorf("St. Peter's sentence split")
	}
}

func FuzzSegment(f *testing.F) {
	for _, s := range []string{
		"He said: “We will win. They will lose,” and left. The U.S. Gen. J. K. Rowling…",
		"„Wir schaffen das“, sagte Me\u0301lanie.\r\n\r\n« Non » 👩‍👩‍👧",
		"'' \" ‘’ ‚‘ ‹› 1,2.3 26th U.S.A. e.g.. ...",
		"a\xffb. C\xe2\x80",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkInvariants(t, segment(text))
	})
}

// meantimeTexts reads the texts of the MEANTIME articles, or skips.
func meantimeTexts(tb testing.TB) []string {
	f, err := os.Open(shared.Path(tb, "data/meantime-english/meantime-articles.jsonl"))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		var a struct{ Text string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			tb.Fatal(err)
		}
		out = append(out, a.Text)
	}
	return out
}

func TestInvariantsOnMeantime(t *testing.T) {
	for _, text := range meantimeTexts(t) {
		checkInvariants(t, segment(text))
	}
}

func BenchmarkSegment(b *testing.B) {
	b.Run("model-article", func(b *testing.B) {
		raw, err := os.ReadFile(filepath.Join(shared.Path(b, "examples"), "rome-meeting.txt"))
		if err != nil {
			b.Fatal(err)
		}
		b.SetBytes(int64(len(raw)))
		b.ReportAllocs()
		for b.Loop() {
			Segment(&newsgraph.Document{Text: string(raw)})
		}
	})
	b.Run("meantime", func(b *testing.B) {
		texts := meantimeTexts(b)
		n := 0
		for _, t := range texts {
			n += len(t)
		}
		b.SetBytes(int64(n))
		b.ReportAllocs()
		for b.Loop() {
			for _, t := range texts {
				Segment(&newsgraph.Document{Text: t})
			}
		}
	})
}
