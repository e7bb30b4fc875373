package quote_test

import (
	"os"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/internal/shared"
	"github.com/newsgraph/newsgraph/quote"
	"github.com/newsgraph/newsgraph/segment"
)

// ent says which entity a surface form refers to in a test document.
type ent struct {
	entity string
	typ    newsgraph.EntityType
	kind   newsgraph.MentionKind
}

// testDoc segments text and adds a mention for every occurrence (as a
// whole word) of each surface form, as the mention and entity stages would.
func testDoc(text string, forms map[string]ent) *newsgraph.Document {
	d := &newsgraph.Document{Text: text}
	segment.Segment(d)
	index := map[string]int{}
	keys := make([]string, 0, len(forms))
	for k := range forms {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, form := range keys {
		e := forms[form]
		ei, ok := index[e.entity]
		if !ok {
			ei = len(d.Entities)
			index[e.entity] = ei
			d.Entities = append(d.Entities, newsgraph.Entity{Name: e.entity, Type: e.typ, StandsFor: -1})
		}
		kind := e.kind
		if kind == "" {
			kind = newsgraph.NameMention
		}
		for off := 0; ; {
			i := strings.Index(text[off:], form)
			if i < 0 {
				break
			}
			s, en := off+i, off+i+len(form)
			off = en
			if s > 0 && isWordByte(text[s-1]) || en < len(text) && isWordByte(text[en]) {
				continue
			}
			d.Entities[ei].Mentions = append(d.Entities[ei].Mentions, len(d.Mentions))
			d.Mentions = append(d.Mentions, newsgraph.Mention{Start: s, End: en, Text: text[s:en], Kind: kind,
				Type: e.typ, Entity: ei, Sentence: d.SentenceOf(s)})
		}
	}
	sort.SliceStable(d.Mentions, func(i, j int) bool { return d.Mentions[i].Start < d.Mentions[j].Start })
	for i := range d.Entities {
		d.Entities[i].Mentions = d.Entities[i].Mentions[:0]
	}
	for mi, m := range d.Mentions {
		d.Entities[m.Entity].Mentions = append(d.Entities[m.Entity].Mentions, mi)
	}
	return d
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}

// want is one expected quote: its text, kind, speaker entity name ("" for
// none), cue and venue.
type want struct {
	text, kind, speaker, cue, venue string
}

var trump = ent{"Donald Trump", newsgraph.Person, ""}
var zelensky = ent{"Volodymyr Zelensky", newsgraph.Person, ""}
var he = ent{"Volodymyr Zelensky", newsgraph.Person, newsgraph.PronounMention}

func TestFind(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		forms map[string]ent
		want  []want
	}{
		{"cue before with colon", `In an interview with "Time Magazine", Trump said: "Crimea will remain with Russia".`,
			map[string]ent{"Trump": trump},
			[]want{{"Crimea will remain with Russia", "direct", "Donald Trump", "said", "Time Magazine"}}},
		{"cue after, subject first", `"We absolutely want them to be strong, at least as strong as Israel's," the head of state told Interfax-Ukraine journalists in Kiev.`,
			map[string]ent{"the head of state": {"Volodymyr Zelensky", newsgraph.Person, newsgraph.DescriptionMention}},
			[]want{{"We absolutely want them to be strong, at least as strong as Israel's,", "direct", "Volodymyr Zelensky", "told", "Interfax-Ukraine"}}},
		{"cue after, inverted", `"We will not give up," said Zelensky.`, map[string]ent{"Zelensky": zelensky},
			[]want{{"We will not give up,", "direct", "Volodymyr Zelensky", "said", ""}}},
		{"split around the cue", `"We will win," he said, "and we will rebuild."`, map[string]ent{"he": he},
			[]want{{"We will win,", "direct", "Volodymyr Zelensky", "said", ""}, {"and we will rebuild.", "direct", "Volodymyr Zelensky", "said", ""}}},
		{"curly marks and emphasis cue", "Zelensky spoke. “Even where there are European troops, we need backing,” he emphasized.",
			map[string]ent{"Zelensky": zelensky, "he": he},
			[]want{{"Even where there are European troops, we need backing,", "direct", "Volodymyr Zelensky", "emphasized", ""}}},
		{"continuation in next paragraph", "\"The talks went well,\" Zelensky said.\n\n\"We expect more meetings soon.\"",
			map[string]ent{"Zelensky": zelensky},
			[]want{{"The talks went well,", "direct", "Volodymyr Zelensky", "said", ""}, {"We expect more meetings soon.", "direct", "Volodymyr Zelensky", "said", ""}}},
		{"no speaker when none is written", "The weather was cold.\n\n\"We expect more meetings soon.\"", nil,
			[]want{{"We expect more meetings soon.", "direct", "", "", ""}}},
		{"quote over paragraphs", "Zelensky said: \"The first part goes on.\n\n\"And the second part ends here.\"",
			map[string]ent{"Zelensky": zelensky},
			[]want{{"The first part goes on.", "direct", "Volodymyr Zelensky", "said", ""}, {"And the second part ends here.", "direct", "Volodymyr Zelensky", "said", ""}}},
		{"naming verb with partial quote", `The White House described the meeting as "very productive", with details to follow.`,
			map[string]ent{"White House": {"White House", newsgraph.Org, ""}},
			[]want{{`the meeting as "very productive"`, "mixed", "White House", "described", ""}}},
		{"writer's words before the quotation", `With many systems, "there is no single point of failure," he said.`, map[string]ent{"he": he},
			[]want{{`With many systems, "there is no single point of failure,"`, "mixed", "Volodymyr Zelensky", "said", ""}}},
		{"that before the quotation", `Trump tweeted that, "at least I will be there."`, map[string]ent{"Trump": trump},
			[]want{{`"at least I will be there."`, "mixed", "Donald Trump", "tweeted", ""}}},
		{"sentence goes on after the quotation", `Zelensky spoke. "You squeezed them" to drive up the price, he said.`,
			map[string]ent{"Zelensky": zelensky, "he": he},
			[]want{{`"You squeezed them" to drive up the price`, "mixed", "Volodymyr Zelensky", "said", ""}}},
		{"question mark ends the sentence before the cue", "“Does anybody know what the platform is?” Graham asked. “Neither do I.”",
			map[string]ent{"Graham": {"Lindsey Graham", newsgraph.Person, ""}},
			[]want{{"Does anybody know what the platform is?", "direct", "Lindsey Graham", "asked", ""}, {"Neither do I.", "direct", "Lindsey Graham", "asked", ""}}},
		{"headline partial quote", `Trump sees agreement on "most important points"`, map[string]ent{"Trump": trump},
			[]want{{`agreement on "most important points"`, "mixed", "Donald Trump", "sees", ""}}},
		{"section head in single marks", "The rules changed.\n\n'All Bets Are Off.'\n\nEight years ago it was different.", nil, nil},
		{"writer's words between cue and quotation", `Clinton said on the other hand, "the current system works fine."`,
			map[string]ent{"Clinton": {"Bill Clinton", newsgraph.Person, ""}},
			[]want{{`on the other hand, "the current system works fine."`, "mixed", "Bill Clinton", "said", ""}}},
		{"dash credit", "Readers wrote in.\n\n“He scares me.” ― Karen Bobadilla", map[string]ent{"Karen Bobadilla": {"Karen Bobadilla", newsgraph.Person, ""}},
			[]want{{"He scares me.", "direct", "Karen Bobadilla", "―", ""}}},
		{"dash credits in a row", "Readers wrote in.\n\n“He scares me.” ― Karen Bobadilla “We must vote.” ― Jorge Falcon",
			map[string]ent{"Karen Bobadilla": {"Karen Bobadilla", newsgraph.Person, ""}, "Jorge Falcon": {"Jorge Falcon", newsgraph.Person, ""}},
			[]want{{"He scares me.", "direct", "Karen Bobadilla", "―", ""}, {"We must vote.", "direct", "Jorge Falcon", "―", ""}}},
		{"cue in the paragraph above", "He spoke first. Trump said:\n\n\"We will win.\"", map[string]ent{"Trump": trump},
			[]want{{"We will win.", "direct", "Donald Trump", "said", ""}}},
		{"cue set off by commas", `The museum, Obama said, would make visitors face hard truths.`,
			map[string]ent{"Obama": {"Barack Obama", newsgraph.Person, ""}},
			[]want{{`The museum, Obama said, would make visitors face hard truths`, "indirect", "Barack Obama", "said", ""}}},
		{"a joined clause ends the content", `Republicans said they were sure of it and Democrats accused them of lying.`,
			map[string]ent{"Republicans": {"Republicans", newsgraph.NORP, ""}, "Democrats": {"Democrats", newsgraph.NORP, ""}},
			[]want{{"they were sure of it", "indirect", "Republicans", "said", ""}, {"them of lying", "indirect", "Democrats", "accused", ""}}},
		{"a noun of statement owned by its speaker", `Politifact checked Trump's claim that shootings were up this year.`,
			map[string]ent{"Trump": trump, "Politifact": {"Politifact", newsgraph.Org, ""}},
			[]want{{"shootings were up this year", "indirect", "Donald Trump", "claim", ""}}},
		{"doubled apostrophes as marks", `''It's a mess,'' said Mr. Burman.`, map[string]ent{"Burman": {"Len Burman", newsgraph.Person, ""}},
			[]want{{"It's a mess,", "direct", "Len Burman", "said", ""}}},
		{"title dot inside the subject", `"Yes," Mr. Alexander said in an interview.`, map[string]ent{"Alexander": {"Lamar Alexander", newsgraph.Person, ""}},
			[]want{{"Yes,", "direct", "Lamar Alexander", "said", "an interview"}}},
		{"verb and particle", `Trump has called for the complete repeal of the law.`, map[string]ent{"Trump": trump},
			[]want{{"the complete repeal of the law", "indirect", "Donald Trump", "called for", ""}}},
		{"stance object ends at its comma", `Warren criticized the bank's behavior, and called for new rules.`,
			map[string]ent{"Warren": {"Elizabeth Warren", newsgraph.Person, ""}},
			[]want{{"the bank's behavior", "indirect", "Elizabeth Warren", "criticized", ""}, {"new rules", "indirect", "Elizabeth Warren", "called for", ""}}},
		{"a poll finds", `A new poll found that voters are angry about taxes.`, nil,
			[]want{{"voters are angry about taxes", "indirect", "new poll", "found", ""}}},
		{"scare quote is dropped", `Work is being done on the "infrastructure" of security guarantees.`, nil, nil},
		{"according to", `According to Trump, the negotiations to end the war are close to a result.`, map[string]ent{"Trump": trump},
			[]want{{"the negotiations to end the war are close to a result", "indirect", "Donald Trump", "According to", ""}}},
		{"said that", `Trump said on Friday that the talks had gone very well.`, map[string]ent{"Trump": trump},
			[]want{{"the talks had gone very well", "indirect", "Donald Trump", "said", ""}}},
		{"pronoun points out", `Although the leadership in Moscow speaks of progress, it points out that detailed questions still need to be clarified.`,
			map[string]ent{"the leadership in Moscow": {"Russia", newsgraph.GPE, newsgraph.DescriptionMention}, "it": {"Russia", newsgraph.GPE, newsgraph.PronounMention}},
			[]want{{"progress", "", "", "", ""}, {"detailed questions still need to be clarified", "indirect", "Russia", "points out", ""}}},
		{"trailing cue", `The economy will recover next year, the minister said in a statement.`,
			map[string]ent{"the minister": {"Minister", newsgraph.Person, newsgraph.RoleMention}},
			[]want{{"The economy will recover next year", "indirect", "Minister", "said", "a statement"}}},
		{"mixed", `Trump told the BBC that the plan was "a disgrace" and would fail.`, map[string]ent{"Trump": trump},
			[]want{{`the plan was "a disgrace" and would fail`, "mixed", "Donald Trump", "told", "BBC"}}},
		{"venue on platform", `Zelensky wrote on Telegram that the army had held the line.`, map[string]ent{"Zelensky": zelensky},
			[]want{{"the army had held the line", "indirect", "Volodymyr Zelensky", "wrote", "Telegram"}}},
		{"passive is no cue", `He was told to leave the building at once.`, nil, nil},
		{"noun is no cue", `The claims of the government were rejected by the court today.`, nil, nil},
		{"headline credit", "Graham: Trump's rhetoric is destroying the party.\n\nGraham spoke on Thursday.",
			map[string]ent{"Graham": {"Lindsey Graham", newsgraph.Person, ""}},
			[]want{{"Trump's rhetoric is destroying the party", "indirect", "Lindsey Graham", ":", ""}}},
		{"headline credit to an audience", "Clinton to Planned Parenthood: Trump will reverse Roe v. Wade\n\nShe spoke.",
			map[string]ent{"Clinton": {"Hillary Clinton", newsgraph.Person, ""}, "Planned Parenthood": {"Planned Parenthood", newsgraph.Org, ""}},
			[]want{{"Trump will reverse Roe v. Wade", "indirect", "Hillary Clinton", ":", ""}}},
		{"a list of names under a heading is no quote", "Iowa: Tim Albrecht, Brad Anderson, Rob Barron, Jeff Boeyink.\n\nThey voted.",
			map[string]ent{"Iowa": {"Iowa", newsgraph.GPE, ""}}, nil},
		{"appositive after an inverted cue", "The race is close, said Dante Scala, a political science professor at the university.",
			map[string]ent{"Dante Scala": {"Dante Scala", newsgraph.Person, ""}},
			[]want{{"The race is close", "indirect", "Dante Scala", "said", ""}}},
		{"expected, with no source", "But the senator is expected to announce his run on Monday.", nil,
			[]want{{"the senator is expected to announce his run on Monday", "indirect", "", "is expected", ""}}},
		{"it appears that", "It appears, though, that the game was not boring to everyone.", nil,
			[]want{{"the game was not boring to everyone", "indirect", "", "appears", ""}}},
		{"appeared on a show is no cue", "The senator appeared on Fox News on Sunday.", nil, nil},
		{"the question put to a speaker", "Asked whether he would run again, Smith said he had not decided.",
			map[string]ent{"Smith": {"John Smith", newsgraph.Person, ""}},
			[]want{{"whether he would run again", "indirect", "", "Asked", ""}, {"he had not decided", "indirect", "John Smith", "said", ""}}},
		{"a quotation goes on after an indirect quote", "The plan will fail, Clinton said.\n\n\"He voted against it twice.\"",
			map[string]ent{"Clinton": {"Hillary Clinton", newsgraph.Person, ""}},
			[]want{{"The plan will fail", "indirect", "Hillary Clinton", "said", ""}, {"He voted against it twice.", "direct", "Hillary Clinton", "said", ""}}},
		{"a participle after a cue keeps its subject", `Ryan and Trump will meet next week, Spicer said, adding, "They need to talk."`,
			map[string]ent{"Spicer": {"Sean Spicer", newsgraph.Person, ""}, "Ryan": {"Paul Ryan", newsgraph.Person, ""}, "Trump": trump},
			[]want{{"Ryan and Trump will meet next week", "indirect", "Sean Spicer", "said", ""}, {"They need to talk.", "direct", "Sean Spicer", "adding", ""}}},
		{"a cue further back reports the clause holding the quotation", `She argued that it would be better to wait, "because nothing will change."`,
			map[string]ent{"She": {"Ann Coulter", newsgraph.Person, newsgraph.PronounMention}},
			[]want{{`it would be better to wait, "because nothing will change."`, "mixed", "Ann Coulter", "argued", ""}}},
		{"the writer's clause goes on into the quotation", `It is time to lead, he said, "not only by strength, but by decency."`,
			map[string]ent{"he": he},
			[]want{{`It is time to lead, he said, "not only by strength, but by decency."`, "mixed", "Volodymyr Zelensky", "said", ""}}},
		{"a partial quotation before its cue", `But the plan "has been challenged," Solomon said.`,
			map[string]ent{"Solomon": {"Ezra Solomon", newsgraph.Person, ""}},
			[]want{{`the plan "has been challenged,"`, "mixed", "Ezra Solomon", "said", ""}}},
		{"what a picture shows is no statement", "A picture shows the statesmen in the middle of the basilica.", nil, nil},
		{"referring to after a cue", `"It is the market," Hedge said, referring to the two resorts.`,
			map[string]ent{"Hedge": {"Michael Hedge", newsgraph.Person, ""}},
			[]want{{"It is the market,", "direct", "Michael Hedge", "said", ""}, {"the two resorts", "indirect", "Michael Hedge", "referring to", ""}}},
		{"a poll that opens the sentence", "In a CBS News poll, she led Sanders 56 percent to 32 percent.",
			map[string]ent{"CBS News": {"CBS News", newsgraph.Org, ""}},
			[]want{{"she led Sanders 56 percent to 32 percent", "indirect", "CBS News", "In", ""}}},
		{"a share of those polled", "On this issue, 47% say the country should send troops.", nil,
			[]want{{"the country should send troops", "indirect", "47%", "say", ""}}},
		{"a subordinate clause before a cue set off by commas", "When she got inside, she said, there were no ballots left.",
			map[string]ent{"she": {"Jane Doe", newsgraph.Person, newsgraph.PronounMention}},
			[]want{{"When she got inside, she said, there were no ballots left", "indirect", "Jane Doe", "said", ""}}},
		{"reportedly, with no source", "The club is reportedly spending $1.5 million on advertisements.", nil,
			[]want{{"The club is reportedly spending $1.5 million on advertisements", "indirect", "", "reportedly", ""}}},
		{"agreed to", "The company agreed to pay $325 million to settle the charges.",
			map[string]ent{"The company": {"Ameriquest", newsgraph.Org, newsgraph.DescriptionMention}},
			[]want{{"to pay $325 million to settle the charges", "indirect", "Ameriquest", "agreed", ""}}},
		{"a title as its own mention before the name", "The program has a loyal following, said Ms. Gil, with games of all kinds.",
			map[string]ent{"Ms.": {"Arianna Gil", newsgraph.Person, newsgraph.RoleMention}, "Gil": {"Arianna Gil", newsgraph.Person, ""}},
			[]want{{"The program has a loyal following", "indirect", "Arianna Gil", "said", ""}}},
		{"a relative clause after an inverted subject is no content", "They would not contest the shoal, said an official who was briefed.",
			map[string]ent{"an official": {"official", newsgraph.Person, newsgraph.DescriptionMention}},
			[]want{{"They would not contest the shoal", "indirect", "official", "said", ""}}},
		{"a cue that reports nothing itself names the next quotation's speaker", "Weaver said in a statement. \"Working Americans are winning.\"",
			map[string]ent{"Weaver": {"Jeff Weaver", newsgraph.Person, ""}},
			[]want{{"Working Americans are winning.", "direct", "Jeff Weaver", "said", "a statement"}}},
		{"a title named by its star", "“Broad City” star Arturo Castro turned the tables.", nil, nil},
		{"a title named by its kind", "''Tales From the Crypt,'' an HBO series, returns.", nil, nil},
		{"tell after a phrase set off by commas", `Clinton, shortly after the result, told her supporters, "I still love this state."`,
			map[string]ent{"Clinton": {"Hillary Clinton", newsgraph.Person, ""}, "her supporters": {"supporters", newsgraph.NORP, newsgraph.DescriptionMention}},
			[]want{{"I still love this state.", "direct", "Hillary Clinton", "told", ""}}},
		{"a participle phrase before the cue", `Another source speaking to Fox News said, "The agents are investigating."`,
			map[string]ent{"Another source": {"source", newsgraph.Person, newsgraph.DescriptionMention}, "Fox News": {"Fox News", newsgraph.Org, ""}},
			[]want{{"The agents are investigating.", "direct", "source", "said", ""}}},
		{"a show's name before a cue is not woven into the sentence", `Sunday on Fox News channel's "Sunday Morning Futures," Issa said Democrats were wrong.`,
			map[string]ent{"Issa": {"Darrell Issa", newsgraph.Person, ""}},
			[]want{{"Democrats were wrong", "indirect", "Darrell Issa", "said", ""}}},
		{"a headline in title case", "Rubio Says Abandoning Reform Was A Sign Of Leadership\n\nMarco Rubio defended himself.",
			map[string]ent{"Rubio": {"Marco Rubio", newsgraph.Person, ""}},
			[]want{{"Abandoning Reform Was A Sign Of Leadership", "indirect", "Marco Rubio", "Says", ""}, {"himself", "", "", "", ""}}},
		{"a partial quotation after the subject's own verb", `Jacobs credited the mayor with holding "the whole city together" for years.`,
			map[string]ent{"Jacobs": {"Ann Jacobs", newsgraph.Person, ""}},
			[]want{{`the mayor with holding "the whole city together"`, "mixed", "Ann Jacobs", "credited", ""}}},
		{"a clause that introduces the quotation with a colon", `He had lost his patience: "We are done with this," he wrote.`,
			map[string]ent{"He": he, "he": he},
			[]want{{"We are done with this,", "direct", "Volodymyr Zelensky", "wrote", ""}}},
		{"a quotation after a connective goes on with the speaker before", "\"The talks went well,\" Zelensky said. But \"Nothing is signed yet.\"",
			map[string]ent{"Zelensky": zelensky},
			[]want{{"The talks went well,", "direct", "Volodymyr Zelensky", "said", ""}, {"Nothing is signed yet.", "direct", "Volodymyr Zelensky", "said", ""}}},
		{"guillemets", `Peskov sagte: «Wir sind bereit»`, map[string]ent{"Peskov": {"Dmitry Peskov", newsgraph.Person, ""}},
			[]want{{"Wir sind bereit", "direct", "", "", ""}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := testDoc(tt.text, tt.forms)
			quote.Find(d)
			checkInvariants(t, d)
			var got []want
			for _, q := range d.Quotes {
				spk := ""
				if q.Speaker >= 0 {
					spk = d.Entities[q.Speaker].Name
				}
				got = append(got, want{q.Text, string(q.Kind), spk, q.Cue, q.Venue})
			}
			// a want with an empty kind only says that some quote may be there
			var wants []want
			for _, w := range tt.want {
				if w.kind != "" {
					wants = append(wants, w)
				}
			}
			var filtered []want
			for _, g := range got {
				skip := false
				for _, w := range tt.want {
					if w.kind == "" && strings.Contains(g.text, w.text) {
						skip = true
					}
				}
				if !skip {
					filtered = append(filtered, g)
				}
			}
			if len(filtered) != len(wants) {
				t.Fatalf("got %d quotes %+v, want %+v", len(filtered), filtered, wants)
			}
			for i := range wants {
				if filtered[i] != wants[i] {
					t.Errorf("quote %d: got %+v, want %+v", i, filtered[i], wants[i])
				}
			}
		})
	}
}

// checkInvariants asserts what every output of the stage must hold.
func checkInvariants(t *testing.T, d *newsgraph.Document) {
	t.Helper()
	end := 0
	for i, q := range d.Quotes {
		if q.Start < end || q.End <= q.Start || q.End > len(d.Text) {
			t.Fatalf("quote %d [%d,%d) out of order, empty or out of bounds (previous end %d, text %d)", i, q.Start, q.End, end, len(d.Text))
		}
		if d.Text[q.Start:q.End] != q.Text {
			t.Fatalf("quote %d: Text %q != text at its span %q", i, q.Text, d.Text[q.Start:q.End])
		}
		if !utf8.ValidString(q.Text) && utf8.ValidString(d.Text) {
			t.Fatalf("quote %d cuts a character", i)
		}
		if q.Speaker < -1 || q.Speaker >= len(d.Entities) {
			t.Fatalf("quote %d: speaker %d of %d entities", i, q.Speaker, len(d.Entities))
		}
		for _, sp := range []struct {
			at   newsgraph.Span
			text string
		}{{q.CueAt, q.Cue}, {q.VenueAt, q.Venue}} {
			if sp.at == (newsgraph.Span{}) {
				continue
			}
			if sp.at.Start < 0 || sp.at.End > len(d.Text) || sp.at.Start > sp.at.End || d.Text[sp.at.Start:sp.at.End] != sp.text {
				t.Fatalf("quote %d: span %v does not hold %q", i, sp.at, sp.text)
			}
		}
		if q.SpeakerAt.Start < 0 || q.SpeakerAt.End > len(d.Text) || q.SpeakerAt.Start > q.SpeakerAt.End {
			t.Fatalf("quote %d: speaker span %v out of bounds", i, q.SpeakerAt)
		}
		end = q.End
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		`"We will win," he said, "and we will rebuild."`,
		"Zelensky said: \"The first part.\n\n\"And the second.\"",
		`According to Trump, the talks are close. "A" 'b' ‘c’ “d” „e“ «f» ‹g›`,
		`He said "`, `"`, `'`, `said`, `, said`, `According to`, `told`, "\"\"\"\"", `X: "a" b: c`,
		"The \"infrastructure\" of it, the minister said in a statement on X.",
	} {
		f.Add(s)
	}
	if p := shared.Dir(); p != "" {
		if b, err := os.ReadFile(p + "/examples/rome-meeting.txt"); err == nil {
			f.Add(string(b))
		}
	}
	f.Fuzz(func(t *testing.T, text string) {
		d := testDoc(text, map[string]ent{"he": he, "Trump": trump, "the minister": {"Minister", newsgraph.Person, newsgraph.RoleMention}})
		quote.Find(d)
		checkInvariants(t, d)
	})
}

func BenchmarkFind(b *testing.B) {
	p := shared.Path(b, "examples/rome-meeting.txt")
	raw, err := os.ReadFile(p)
	if err != nil {
		b.Fatal(err)
	}
	d := testDoc(string(raw), map[string]ent{"Trump": trump, "Zelensky": zelensky, "he": he, "He": he})
	b.SetBytes(int64(len(d.Text)))
	b.ReportAllocs()
	for b.Loop() {
		quote.Find(d)
	}
}
