package eval

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
)

func sp(s string) *string { return &s }
func ip(i int) *int       { return &i }

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestPRF(t *testing.T) {
	for _, c := range []struct {
		name     string
		s        PRF
		p, r, f1 float64
	}{
		{"no predictions", PRF{Gold: 3}, 0, 0, 0},
		{"no gold", PRF{Pred: 2}, 0, 0, 0},
		{"nothing at all", PRF{}, 0, 0, 0},
		{"perfect", PRF{4, 4, 4}, 1, 1, 1},
		{"half precision full recall", PRF{2, 4, 2}, 0.5, 1, 2.0 / 3},
		{"no match", PRF{2, 2, 0}, 0, 0, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			if !near(c.s.P(), c.p) || !near(c.s.R(), c.r) || !near(c.s.F1(), c.f1) {
				t.Errorf("P/R/F1 = %v/%v/%v, want %v/%v/%v", c.s.P(), c.s.R(), c.s.F1(), c.p, c.r, c.f1)
			}
		})
	}
}

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"Volodymyr Zelensky": "volodymyr zelensky",
		"  Zelenskyy's ":     "zelenskyy's",
		"Zelens’kyi":         "zelens'kyi",
		"Élysée  Palace.":    "elysee palace",
		"\"White House\"":    "white house",
		"ŁÓDŹ":               "łodz", // Ł has no decomposition: lower-cased, kept
		"":                   "",
	} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

// ents is a gold of two entities over the text "Ann met Bob. Ann left. He".
var ents = []GoldEntity{
	{Name: "Ann Lee", Type: "PERSON", Mentions: []GoldMention{{Start: 0, End: 3, Text: "Ann"}, {Start: 13, End: 16, Text: "Ann"}}},
	{Name: "Bob", Type: "PERSON|ORG", Mentions: []GoldMention{{Start: 8, End: 11, Text: "Bob"}, {Start: 23, End: 25, Text: "He", Kind: "pronoun"}}},
}

func TestScoreMentions(t *testing.T) {
	for _, c := range []struct {
		name string
		pred []PredMention
		want PRF
	}{
		{"no predictions", nil, PRF{Gold: 3}},
		{"all right", []PredMention{{0, 3, "name", "PERSON", 0}, {8, 11, "name", "PERSON", 1}, {13, 16, "name", "PERSON", 0}}, PRF{3, 3, 3}},
		{"type alternative accepted", []PredMention{{8, 11, "name", "ORG", 1}}, PRF{3, 1, 1}},
		{"wrong type", []PredMention{{0, 3, "name", "GPE", 0}}, PRF{3, 1, 0}},
		{"span off by one", []PredMention{{0, 4, "name", "PERSON", 0}}, PRF{3, 1, 0}},
		{"pronouns are not scored", []PredMention{{23, 25, "pronoun", "PERSON", 1}}, PRF{Gold: 3}},
		{"one prediction matches one gold", []PredMention{{0, 3, "name", "PERSON", 0}, {0, 3, "name", "PERSON", 0}}, PRF{3, 2, 1}},
		{"type the gold does not annotate", []PredMention{{0, 3, "name", "PERSON", 0}, {30, 35, "name", "NORP", 2}}, PRF{3, 1, 1}},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := ScoreMentions(ents, Pred{Mentions: c.pred}, "PERSON", "ORG", "GPE"); got != c.want {
				t.Errorf("got %+v, want %+v", got, c.want)
			}
		})
	}
}

func TestScoreIdentity(t *testing.T) {
	// 4 gold mentions: 6 pairs, 2 positive (Ann-Ann, Bob-He).
	for _, c := range []struct {
		name string
		pred []PredMention
		want PRF
	}{
		{"no predictions", nil, PRF{Gold: 2}},
		{"all right", []PredMention{{0, 3, "name", "PERSON", 0}, {8, 11, "name", "PERSON", 1}, {13, 16, "name", "PERSON", 0}, {23, 25, "pronoun", "PERSON", 1}}, PRF{2, 2, 2}},
		{"pronoun missed", []PredMention{{0, 3, "name", "PERSON", 0}, {8, 11, "name", "PERSON", 1}, {13, 16, "name", "PERSON", 0}}, PRF{2, 1, 1}},
		{"pronoun given to the wrong entity", []PredMention{{0, 3, "name", "PERSON", 0}, {8, 11, "name", "PERSON", 1}, {13, 16, "name", "PERSON", 0}, {23, 25, "pronoun", "PERSON", 0}}, PRF{2, 3, 1}},
		{"everything one entity", []PredMention{{0, 3, "", "", 0}, {8, 11, "", "", 0}, {13, 16, "", "", 0}, {23, 25, "", "", 0}}, PRF{2, 6, 2}},
		{"mentions without entity", []PredMention{{0, 3, "", "", -1}, {13, 16, "", "", -1}}, PRF{Gold: 2}},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := ScoreIdentity(ents, Pred{Mentions: c.pred}); got != c.want {
				t.Errorf("got %+v, want %+v", got, c.want)
			}
		})
	}
}

func TestScoreQuotes(t *testing.T) {
	// Entities of the prediction: 0 Ann Lee (aliases), 1 Moscow standing for 2 Russia.
	ents := []PredEntity{
		{Names: []string{"ann lee", "ann"}, Mentions: []int{0, 1}, StandsFor: -1},
		{Names: []string{"moscow"}, StandsFor: 2},
		{Names: []string{"russia"}, StandsFor: -1},
	}
	ments := []PredMention{{0, 3, "name", "PERSON", 0}, {40, 42, "pronoun", "PERSON", 0}}
	gold := []GoldQuote{
		{Start: 10, End: 30, Kind: "direct", Speaker: sp("Ann Lee")},
		{Start: 50, End: 70, Kind: "indirect", Speaker: sp("Russia")},
		{Start: 80, End: 90, Kind: "direct", Speaker: nil},
		{Start: 100, End: 120, Kind: "mixed", Speaker: sp("Someone"), SpeakerStart: ip(40), SpeakerEnd: ip(42)},
	}
	for _, c := range []struct {
		name       string
		kind       string
		pred       []PredQuote
		want       PRF
		wantAcc    Acc
		goldSubset []GoldQuote
	}{
		{name: "no predictions", pred: nil, want: PRF{Gold: 4}},
		{name: "all right", pred: []PredQuote{{10, 30, "direct", 0}, {50, 70, "indirect", 1}, {80, 90, "direct", -1}, {100, 120, "mixed", 0}},
			want: PRF{4, 4, 4}, wantAcc: Acc{4, 4}},
		{name: "overlap of exactly half the union matches", pred: []PredQuote{{20, 40, "direct", 0}},
			want: PRF{4, 1, 0}},
		{name: "overlap of more than half matches", pred: []PredQuote{{12, 30, "direct", 0}},
			want: PRF{4, 1, 1}, wantAcc: Acc{1, 1}},
		{name: "wrong speaker", pred: []PredQuote{{10, 30, "direct", 1}},
			want: PRF{4, 1, 1}, wantAcc: Acc{1, 0}},
		{name: "speaker missing", pred: []PredQuote{{10, 30, "direct", -1}},
			want: PRF{4, 1, 1}, wantAcc: Acc{1, 0}},
		{name: "speaker where the gold has none", pred: []PredQuote{{80, 90, "direct", 0}},
			want: PRF{4, 1, 1}, wantAcc: Acc{1, 0}},
		{name: "capital stands for the state", pred: []PredQuote{{50, 70, "indirect", 1}},
			want: PRF{4, 1, 1}, wantAcc: Acc{1, 1}},
		{name: "speaker by span through a pronoun", pred: []PredQuote{{100, 120, "mixed", 0}},
			want: PRF{4, 1, 1}, wantAcc: Acc{1, 1}},
		{name: "one to one", pred: []PredQuote{{10, 30, "direct", 0}, {11, 30, "direct", 0}},
			want: PRF{4, 2, 1}, wantAcc: Acc{1, 1}},
		{name: "kind direct only", kind: "direct", pred: []PredQuote{{10, 30, "direct", 0}, {50, 70, "direct", 1}},
			want: PRF{2, 2, 1}, wantAcc: Acc{1, 1}},
		{name: "kind indirect: a direct prediction does not count", kind: "indirect", pred: []PredQuote{{50, 70, "direct", 1}},
			want: PRF{1, 0, 0}},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := Pred{Entities: ents, Mentions: ments, Quotes: c.pred}
			got, acc := ScoreQuotes(gold, p, c.kind)
			if got != c.want || acc != c.wantAcc {
				t.Errorf("got %+v %+v, want %+v %+v", got, acc, c.want, c.wantAcc)
			}
		})
	}
}

func TestScoreTimes(t *testing.T) {
	gold := []GoldTime{
		{Start: 0, End: 9, Text: "on Friday", Value: sp("2025-04-25")},
		{Start: 20, End: 29, Text: "this week", Value: sp("2025-W17")},
		{Start: 40, End: 45, Text: "later", Value: nil},
	}
	for _, c := range []struct {
		name        string
		pred        []PredTime
		exact, over PRF
		values      Acc
	}{
		{"no predictions", nil, PRF{Gold: 3}, PRF{Gold: 3}, Acc{}},
		{"all right", []PredTime{{0, 9, "2025-04-25"}, {20, 29, "2025-W17"}, {40, 45, ""}}, PRF{3, 3, 3}, PRF{3, 3, 3}, Acc{3, 3}},
		{"preposition left out", []PredTime{{3, 9, "2025-04-25"}}, PRF{3, 1, 0}, PRF{3, 1, 1}, Acc{1, 1}},
		{"wrong value", []PredTime{{20, 29, "2025-04-21"}}, PRF{3, 1, 1}, PRF{3, 1, 1}, Acc{1, 0}},
		{"value where the gold has none", []PredTime{{40, 45, "2025-04-26"}}, PRF{3, 1, 1}, PRF{3, 1, 1}, Acc{1, 0}},
		{"one to one, best overlap first", []PredTime{{5, 9, "x"}, {0, 9, "2025-04-25"}}, PRF{3, 2, 1}, PRF{3, 2, 1}, Acc{1, 1}},
		{"spurious", []PredTime{{10, 15, "2025"}}, PRF{3, 1, 0}, PRF{3, 1, 0}, Acc{}},
	} {
		t.Run(c.name, func(t *testing.T) {
			e, o, v := ScoreTimes(gold, Pred{Times: c.pred})
			if e != c.exact || o != c.over || v != c.values {
				t.Errorf("got %+v %+v %+v, want %+v %+v %+v", e, o, v, c.exact, c.over, c.values)
			}
		})
	}
}

func TestScoreEvents(t *testing.T) {
	ents := []PredEntity{
		{Names: []string{"donald trump", "trump"}, StandsFor: -1},
		{Names: []string{"volodymyr zelensky", "zelenskyi"}, StandsFor: -1},
		{Names: []string{"moscow"}, StandsFor: 3},
		{Names: []string{"russia"}, StandsFor: -1},
	}
	gold := []GoldEvent{
		{Type: "CONSULT", Actors: []string{"Donald Trump"}, Targets: []string{"Volodymyr Zelensky"}, Date: sp("2025-04-26")},
		{Type: "REQUEST", Actors: []string{"Russia"}},
		{Type: "REJECT", Actors: []string{"Zelenskyi", "Donald Trump"}, Date: sp("2025-02")},
	}
	for _, c := range []struct {
		name string
		pred []PredEvent
		want PRF
	}{
		{"no predictions", nil, PRF{Gold: 3}},
		{"all right", []PredEvent{{"CONSULT", []int{0}, "2025-04-26"}, {"REQUEST", []int{2}, ""}, {"REJECT", []int{1, 0}, "2025-02-28"}}, PRF{3, 3, 3}},
		{"targets are not required", []PredEvent{{"CONSULT", []int{0, 1}, "2025-04-26"}}, PRF{3, 1, 1}},
		{"wrong type", []PredEvent{{"AGREE", []int{0}, "2025-04-26"}}, PRF{3, 1, 0}},
		{"wrong date", []PredEvent{{"CONSULT", []int{0}, "2025-04-25"}}, PRF{3, 1, 0}},
		{"date missing when gold gives one", []PredEvent{{"CONSULT", []int{0}, ""}}, PRF{3, 1, 0}},
		{"date less precise than gold", []PredEvent{{"CONSULT", []int{0}, "2025-04"}}, PRF{3, 1, 0}},
		{"any date when gold gives none", []PredEvent{{"REQUEST", []int{3}, "2025-04-20"}}, PRF{3, 1, 1}},
		{"one actor missing", []PredEvent{{"REJECT", []int{1}, "2025-02"}}, PRF{3, 1, 0}},
		{"one to one", []PredEvent{{"REQUEST", []int{3}, ""}, {"REQUEST", []int{3}, ""}}, PRF{3, 2, 1}},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := ScoreEvents(gold, Pred{Entities: ents, Events: c.pred}); got != c.want {
				t.Errorf("got %+v, want %+v", got, c.want)
			}
		})
	}
}

func TestScoreSkipsLayersTheGoldLeavesOut(t *testing.T) {
	g := &Gold{Text: "x", Quotes: []GoldQuote{}}
	s := Score(g, Pred{Quotes: []PredQuote{{0, 1, "direct", -1}}, Times: []PredTime{{0, 1, ""}}}, nil)
	if s.QuoteFiles != 1 || s.Quotes != (PRF{0, 1, 0}) {
		t.Errorf("empty quote layer: got files %d %+v, want every prediction a false positive", s.QuoteFiles, s.Quotes)
	}
	if s.TimeFiles != 0 || s.TimesExact != (PRF{}) {
		t.Errorf("missing time layer was scored: %+v", s.TimesExact)
	}
	s = Score(g, Pred{Quotes: []PredQuote{{0, 1, "direct", -1}}}, map[string]bool{"times": true})
	if s.QuoteFiles != 0 {
		t.Errorf("--only times scored quotes")
	}
}

func TestFromDocumentConvertsOffsets(t *testing.T) {
	text := "Łukasz said „no” to Zoë."
	b := strings.Index(text, "Zoë")
	d := &newsgraph.Document{Text: text,
		Mentions: []newsgraph.Mention{{Start: b, End: b + len("Zoë"), Text: "Zoë", Kind: newsgraph.NameMention, Entity: 0}},
		Entities: []newsgraph.Entity{{Name: "Zoë Ball", Type: newsgraph.Person, Mentions: []int{0}, StandsFor: -1}},
	}
	p := FromDocument(d, text)
	r := []rune(text)
	m := p.Mentions[0]
	if string(r[m.Start:m.End]) != "Zoë" || m.Type != "PERSON" {
		t.Errorf("mention at [%d,%d) type %q slices %q", m.Start, m.End, m.Type, string(r[m.Start:m.End]))
	}
	if !p.hasName(0, "zoe ball") || !p.hasName(0, "zoe") {
		t.Errorf("names %v", p.Entities[0].Names)
	}
}

func TestAlign(t *testing.T) {
	for _, c := range []struct {
		name, gold, pred, sub string
	}{
		{"same text", "Ann met Bob.", "Ann met Bob.", "Bob"},
		{"caption dropped before", "Photo. AFP\n\nAnn met Bob.", "Ann met Bob.", "Bob"},
		{"residue dropped between", "Ann left. Show more\n\nAnn met Bob.", "Ann left.\n\nAnn met Bob.", "Bob"},
		{"space changed", "Ann\u00a0met Bob.", "Ann met Bob.", "Bob"},
	} {
		t.Run(c.name, func(t *testing.T) {
			pr, gr := []rune(c.pred), []rune(c.gold)
			m := align(pr, gr)
			i := len([]rune(c.pred[:strings.LastIndex(c.pred, c.sub)]))
			j := i + len([]rune(c.sub))
			if got := string(gr[m[i]:m[j]]); got != c.sub {
				t.Errorf("aligned span is %q, want %q", got, c.sub)
			}
		})
	}
}

func TestReadGoldChecksSpans(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, g any) string {
		b, _ := json.Marshal(g)
		p := filepath.Join(dir, name)
		os.WriteFile(p, b, 0o644)
		return p
	}
	good := write("good.json", map[string]any{"text": "Zoë met Ann.", "entities": []any{
		map[string]any{"name": "Ann", "type": "PERSON", "mentions": []any{map[string]any{"start": 8, "end": 11, "text": "Ann"}}}}})
	g, err := ReadGold(good)
	if err != nil {
		t.Fatal(err)
	}
	if g.Quotes != nil || g.Entities == nil {
		t.Errorf("layers: quotes %v entities %v", g.Quotes, g.Entities)
	}
	bad := write("bad.json", map[string]any{"text": "Zoë met Ann.", "times": []any{
		map[string]any{"start": 8, "end": 12, "text": "Ann"}}})
	if _, err := ReadGold(bad); !errors.Is(err, ErrBadSpan) {
		t.Errorf("bad span: err = %v, want ErrBadSpan", err)
	}
}

func TestWriteTable(t *testing.T) {
	var buf bytes.Buffer
	s := Scores{Files: 2, QuoteFiles: 2, Quotes: PRF{4, 2, 2}, Speakers: Acc{2, 1}}
	if err := WriteTable(&buf, s); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{"quotes", "1.000", "0.500", "0.667", "speaker accuracy"} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "times") || strings.Contains(out, "entity") {
		t.Errorf("table shows layers no gold annotated:\n%s", out)
	}
}

// TestModelArticleGold checks the project's own gold file: it reads, its
// spans slice its text, and it holds what the model article's expected
// facts list.
func TestModelArticleGold(t *testing.T) {
	g, err := ReadGold(filepath.Join("..", "testdata", "gold", "rome-meeting.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Quotes) < 8 || len(g.Events) != 8 || len(g.Times) < 5 || g.Published != "2025-04-26" {
		t.Errorf("quotes %d, events %d, times %d, published %q", len(g.Quotes), len(g.Events), len(g.Times), g.Published)
	}
	if strings.Contains(g.Text, "Show more") || strings.Contains(g.Text, "AFP") {
		t.Errorf("gold text is not the cleaned body")
	}
}

func TestPolNeARQuotes(t *testing.T) {
	text := "Ann Lee said that taxes will rise. “We will win,” Bob told CNN, “and soon.” " +
		"Critics called it “a disaster” on Monday. Voters are angry, a poll found."
	idx := func(s string) int { return len([]rune(text[:strings.Index(text, s)])) }
	end := func(s string) int { return idx(s) + len([]rune(s)) }
	ann := "T1\tSource " + itoa(idx("Ann Lee")) + " " + itoa(end("Ann Lee")) + "\tAnn Lee\n" +
		"T2\tCue " + itoa(idx("said")) + " " + itoa(end("said")) + "\tsaid\n" +
		"T3\tContent " + itoa(idx("that taxes")) + " " + itoa(end("will rise")) + "\tthat taxes will rise\n" +
		"T4\tAttribution " + itoa(idx("said")) + " " + itoa(end("said")) + "\tsaid\n" +
		"E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n" +
		"T5\tContent " + itoa(idx("“We")) + " " + itoa(end("soon.”")) + "\t“We will win,” Bob told CNN, “and soon.”\n" +
		"T6\tSource " + itoa(idx("Bob")) + " " + itoa(end("Bob")) + "\tBob\n" +
		"T7\tAttribution " + itoa(idx("told")) + " " + itoa(end("told")) + "\ttold\n" +
		"E2\tAttribution:T7 Content:T5 Source:T6\n" +
		"T8\tContent " + itoa(idx("it “a")) + " " + itoa(end("disaster”")) + "\tit “a disaster”\n" +
		"T9\tAttribution-no-source " + itoa(idx("called")) + " " + itoa(end("called")) + "\tcalled\n" +
		"E3\tAttribution-no-source:T9 Content:T8\n" +
		"T10\tContent " + itoa(idx("Voters")) + " " + itoa(end("angry")) + ";" + itoa(idx("Voters")) + " " + itoa(end("Voters")) + "\tVoters are angry\n" +
		"T11\tSource " + itoa(idx("a poll")) + " " + itoa(end("a poll")) + "\ta poll\n" +
		"T12\tAttribution " + itoa(idx("found")) + " " + itoa(end("found")) + "\tfound\n" +
		"E4\tAttribution:T12 Content:T10 Source:T11\n" +
		"#1\tAnnotatorNotes T3\ta note\n"
	b, err := ParseBrat(strings.NewReader(ann))
	if err != nil {
		t.Fatal(err)
	}
	qs := PolNeARQuotes(text, b)
	want := []struct{ kind, text, speaker string }{
		{"indirect", "that taxes will rise", "Ann Lee"},
		{"direct", "We will win,", "Bob"},
		{"direct", "and soon.", "Bob"},
		{"mixed", "it “a disaster”", ""},
		{"indirect", "Voters are angry", "a poll"},
	}
	if len(qs) != len(want) {
		t.Fatalf("got %d quotes, want %d: %+v", len(qs), len(want), qs)
	}
	g := &Gold{Text: text, Quotes: qs}
	if err := g.Check(); err != nil {
		t.Fatal(err)
	}
	for i, w := range want {
		q := qs[i]
		sp := ""
		if q.Speaker != nil {
			sp = *q.Speaker
			if string([]rune(text)[*q.SpeakerStart:*q.SpeakerEnd]) != sp {
				t.Errorf("quote %d: speaker span does not slice to %q", i, sp)
			}
		}
		if q.Kind != w.kind || q.Text != w.text || sp != w.speaker {
			t.Errorf("quote %d = %s %q by %q, want %s %q by %q", i, q.Kind, q.Text, sp, w.kind, w.text, w.speaker)
		}
	}
}

func itoa(i int) string { return strconv.Itoa(i) }

func TestParseBratRejectsBadOffsets(t *testing.T) {
	for _, in := range []string{"T1\tSource 5 2\tx\n", "T1\tSource five 6\tx\n", "T1\tSource\tx\n", "E1\tAttribution\n"} {
		if _, err := ParseBrat(strings.NewReader(in)); !errors.Is(err, ErrBadAnnotation) {
			t.Errorf("ParseBrat(%q): err = %v, want ErrBadAnnotation", in, err)
		}
	}
}

func FuzzPolNeARQuotes(f *testing.F) {
	f.Add("He said “yes” today.", "T1\tContent 8 13\t“yes”\nT2\tAttribution 3 7\tsaid\nE1\tAttribution:T2 Content:T1\n")
	f.Add("x", "T1\tContent 0 9;2 1\tx\nE1\tAttribution:T9 Content:T1 Source:T1\n")
	f.Fuzz(func(t *testing.T, text, ann string) {
		b, err := ParseBrat(strings.NewReader(ann))
		if err != nil {
			return
		}
		prev := -1
		for _, q := range PolNeARQuotes(text, b) {
			r := []rune(text)
			if q.Start < 0 || q.End > len(r) || q.Start >= q.End || string(r[q.Start:q.End]) != q.Text {
				t.Fatalf("quote [%d,%d) %q does not slice the text", q.Start, q.End, q.Text)
			}
			if q.Start < prev {
				t.Fatalf("quotes out of order")
			}
			prev = q.Start
		}
	})
}

// catXML is a tiny MEANTIME document in the CAT format.
const catXML = `<?xml version="1.0" ?><Document doc_id="7" doc_name="7_Acme_hires" lang="en">
<token number="0" sentence="0" t_id="1">Acme</token>
<token number="1" sentence="0" t_id="2">hires</token>
<token number="0" sentence="1" t_id="3">US</token>
<token number="1" sentence="1" t_id="4">carmaker</token>
<token number="2" sentence="1" t_id="5">Acme</token>
<token number="3" sentence="1" t_id="6">Motors</token>
<token number="4" sentence="1" t_id="7">said</token>
<token number="5" sentence="1" t_id="8">on</token>
<token number="6" sentence="1" t_id="9">Monday</token>
<token number="7" sentence="1" t_id="10">it</token>
<token number="8" sentence="1" t_id="11">hired</token>
<token number="9" sentence="1" t_id="12">` + "``" + `</token>
<token number="10" sentence="1" t_id="13">Jo</token>
<token number="11" sentence="1" t_id="14">''</token>
<token number="12" sentence="1" t_id="15">.</token>
<Markables>
<ENTITY_MENTION m_id="1" syntactic_type="NAM"><token_anchor t_id="1"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="2" syntactic_type="NAM"><token_anchor t_id="3"/><token_anchor t_id="4"/><token_anchor t_id="5"/><token_anchor t_id="6"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="3" syntactic_type=""><token_anchor t_id="10"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="4" syntactic_type="NAM"><token_anchor t_id="13"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="5" syntactic_type="NOM"><token_anchor t_id="4"/></ENTITY_MENTION>
<TIMEX3 m_id="20" type="DATE" value="2008-03-01" functionInDocument="CREATION_TIME"/>
<TIMEX3 m_id="21" type="DATE" value="2008-02-25" functionInDocument="NONE"><token_anchor t_id="9"/></TIMEX3>
<ENTITY m_id="30" ent_type="ORG" TAG_DESCRIPTOR="Acme Motors"/>
<ENTITY m_id="31" ent_type="PER" TAG_DESCRIPTOR="Jo"/>
<ENTITY m_id="32" ent_type="PRO" TAG_DESCRIPTOR="cars"/>
</Markables>
<Relations>
<REFERS_TO r_id="1"><source m_id="1"/><source m_id="2"/><source m_id="3"/><target m_id="30"/></REFERS_TO>
<REFERS_TO r_id="2"><source m_id="4"/><target m_id="31"/></REFERS_TO>
<REFERS_TO r_id="3"><source m_id="5"/><target m_id="32"/></REFERS_TO>
</Relations>
</Document>`

func TestConvertMEANTIME(t *testing.T) {
	g, err := ConvertMEANTIME(strings.NewReader(catXML))
	if err != nil {
		t.Fatal(err)
	}
	if want := "Acme hires\n\nUS carmaker Acme Motors said on Monday it hired “Jo”."; g.Text != want {
		t.Errorf("text = %q, want %q", g.Text, want)
	}
	if g.Published != "2008-03-01" || g.ID != "7_Acme_hires" {
		t.Errorf("published %q id %q", g.Published, g.ID)
	}
	if len(g.Entities) != 2 {
		t.Fatalf("entities %+v, want Acme Motors and Jo (the product left out)", g.Entities)
	}
	var got []string
	for _, m := range g.Entities[0].Mentions {
		got = append(got, m.Text+"/"+m.Kind)
	}
	if want := "Acme/name Acme Motors/name it/pronoun"; strings.Join(got, " ") != want {
		t.Errorf("mentions of Acme: %q, want %q", strings.Join(got, " "), want)
	}
	if g.Entities[1].Type != "PERSON" || g.Entities[0].Type != "ORG" {
		t.Errorf("types %q %q", g.Entities[0].Type, g.Entities[1].Type)
	}
	if len(g.Times) != 1 || g.Times[0].Text != "Monday" || *g.Times[0].Value != "2008-02-25" {
		t.Errorf("times %+v", g.Times)
	}
	if g.Quotes != nil {
		t.Errorf("MEANTIME annotates no quotes")
	}
	if g.Events == nil || len(g.Events) != 0 {
		t.Errorf("events %+v, want an annotated, empty layer (hiring is no PLOVER act)", g.Events)
	}
}

// catEventsXML has a lawsuit (a PLOVER act, ACCUSE) with its agent and
// patient, a hiring (no PLOVER act) and a meeting outside the fully
// annotated sentences.
const catEventsXML = `<Document doc_id="8" doc_name="8_Acme_sues">
<token sentence="0" t_id="1">Acme</token><token sentence="0" t_id="2">sues</token><token sentence="0" t_id="3">Jo</token>
<token sentence="1" t_id="4">Acme</token><token sentence="1" t_id="5">hired</token><token sentence="1" t_id="6">Jo</token>
<token sentence="7" t_id="7">Acme</token><token sentence="7" t_id="8">met</token><token sentence="7" t_id="9">Jo</token>
<Markables>
<ENTITY_MENTION m_id="1" syntactic_type="NAM"><token_anchor t_id="1"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="2" syntactic_type="NAM"><token_anchor t_id="3"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="3" syntactic_type="NAM"><token_anchor t_id="4"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="4" syntactic_type="NAM"><token_anchor t_id="6"/></ENTITY_MENTION>
<EVENT_MENTION m_id="10" pred="sue" polarity="POS"><token_anchor t_id="2"/></EVENT_MENTION>
<EVENT_MENTION m_id="11" pred="hire" polarity="POS"><token_anchor t_id="5"/></EVENT_MENTION>
<EVENT_MENTION m_id="12" pred="meet" polarity="POS"><token_anchor t_id="8"/></EVENT_MENTION>
<ENTITY m_id="30" ent_type="ORG" TAG_DESCRIPTOR="Acme"/>
<ENTITY m_id="31" ent_type="PER" TAG_DESCRIPTOR="Jo"/>
</Markables>
<Relations>
<REFERS_TO r_id="1"><source m_id="1"/><source m_id="3"/><target m_id="30"/></REFERS_TO>
<REFERS_TO r_id="2"><source m_id="2"/><source m_id="4"/><target m_id="31"/></REFERS_TO>
<HAS_PARTICIPANT r_id="3" sem_role="Arg0"><source m_id="10"/><target m_id="1"/></HAS_PARTICIPANT>
<HAS_PARTICIPANT r_id="4" sem_role="Arg1"><source m_id="10"/><target m_id="2"/></HAS_PARTICIPANT>
<HAS_PARTICIPANT r_id="5" sem_role="Arg0"><source m_id="11"/><target m_id="3"/></HAS_PARTICIPANT>
</Relations>
</Document>`

func TestConvertMEANTIMEEvents(t *testing.T) {
	g, err := ConvertMEANTIME(strings.NewReader(catEventsXML))
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Events) != 1 {
		t.Fatalf("events %+v, want only the lawsuit", g.Events)
	}
	e := g.Events[0]
	if e.Type != "ACCUSE" || strings.Join(e.Actors, ",") != "Acme" || strings.Join(e.Targets, ",") != "Jo" {
		t.Errorf("event %+v, want ACCUSE Acme → Jo", e)
	}
}

func FuzzConvertMEANTIME(f *testing.F) {
	f.Add(catXML)
	f.Add(catEventsXML)
	f.Add(`<Document><token t_id="1" sentence="0">a</token><Markables><TIMEX3 m_id="1"><token_anchor t_id="9"/></TIMEX3></Markables></Document>`)
	f.Fuzz(func(t *testing.T, in string) {
		g, err := ConvertMEANTIME(strings.NewReader(in))
		if err != nil {
			return
		}
		if err := g.Check(); err != nil {
			t.Fatal(err)
		}
	})
}

const timeML = `<?xml version="1.0" ?>
<TimeML><DOCID>wsj_0001</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-02-13" functionInDocument="CREATION_TIME">02/13/1998</TIMEX3></DCT>
<TITLE>Zoë wins</TITLE>
<TEXT>Zoë <EVENT eid="e1" class="OCCURRENCE">won</EVENT> on <TIMEX3 tid="t1" type="DATE" value="1998-02-12">Thursday</TIMEX3> after <TIMEX3 tid="t2" type="DURATION" value="P3Y">three years</TIMEX3>.</TEXT>
</TimeML>`

func TestConvertTimeML(t *testing.T) {
	g, err := ConvertTimeML(strings.NewReader(timeML))
	if err != nil {
		t.Fatal(err)
	}
	if g.Text != "Zoë won on Thursday after three years." || g.Published != "1998-02-13" || g.ID != "wsj_0001" {
		t.Errorf("text %q published %q id %q", g.Text, g.Published, g.ID)
	}
	if len(g.Times) != 2 || g.Times[0].Text != "Thursday" || *g.Times[0].Value != "1998-02-12" || g.Times[1].Type != "DURATION" {
		t.Errorf("times %+v", g.Times)
	}
	if g.Entities != nil || g.Quotes != nil {
		t.Errorf("TimeML annotates times only")
	}
}

func FuzzConvertTimeML(f *testing.F) {
	f.Add(timeML)
	f.Add(`<TEXT><TIMEX3 value="x"><TIMEX3>a</TIMEX3>b</TIMEX3></TEXT>`)
	f.Fuzz(func(t *testing.T, in string) {
		g, err := ConvertTimeML(strings.NewReader(in))
		if err != nil {
			return
		}
		if err := g.Check(); err != nil {
			t.Fatal(err)
		}
	})
}

// The New York Times writes a double quotation mark as two apostrophes.
func TestPolNeARDoubledApostrophes(t *testing.T) {
	text := "''It's a mess,'' said Al. ''Still, we won.'' Bo said the plan was ''a mess'' today."
	idx := func(s string) int { return len([]rune(text[:strings.Index(text, s)])) }
	end := func(s string) int { return idx(s) + len([]rune(s)) }
	ann := "T1\tContent " + itoa(idx("''It's")) + " " + itoa(end("won.''")) + "\tx\n" +
		"T2\tAttribution " + itoa(idx("said Al")) + " " + itoa(idx("said Al")+4) + "\tsaid\n" +
		"E1\tAttribution:T2 Content:T1\n" +
		"T3\tContent " + itoa(idx("the plan")) + " " + itoa(end("mess'' today")) + "\tx\n" +
		"T4\tAttribution " + itoa(idx("said the")) + " " + itoa(idx("said the")+4) + "\tsaid\n" +
		"E2\tAttribution:T4 Content:T3\n" +
		"T5\tContent " + itoa(idx("''Still")+1) + " " + itoa(end("won.''")) + "\tx\n" +
		"E3\tAttribution:T2 Content:T5\n"
	b, err := ParseBrat(strings.NewReader(ann))
	if err != nil {
		t.Fatal(err)
	}
	qs := PolNeARQuotes(text, b)
	want := []struct{ kind, text string }{
		{"direct", "It's a mess,"},
		{"direct", "Still, we won."},
		{"direct", "Still, we won."},
		{"mixed", "the plan was ''a mess'' today"},
	}
	if len(qs) != len(want) {
		t.Fatalf("got %d quotes, want %d: %+v", len(qs), len(want), qs)
	}
	for i, w := range want {
		if qs[i].Kind != w.kind || qs[i].Text != w.text {
			t.Errorf("quote %d = %s %q, want %s %q", i, qs[i].Kind, qs[i].Text, w.kind, w.text)
		}
	}
}
