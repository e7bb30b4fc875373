package event

import (
	"fmt"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
)

// wantPosition is what a test expects of one position; empty fields are not
// checked.
type wantPosition struct {
	actor, stance, issue, target, evidence string
	fromQuote                              bool
}

func positionLine(d *newsgraph.Document, p newsgraph.Position) string {
	return fmt.Sprintf("%s %s %q → %s «%s»", d.Entities[p.Actor].Name, p.Stance, p.Issue,
		strings.Join(names(d, p.Targets), ","), p.EvidenceText)
}

func TestPositions(t *testing.T) {
	cast := append(append([]testEntity(nil), world...),
		testEntity{name: "The New York Times", typ: newsgraph.Org, forms: []string{"New York Times", "it"}})
	tests := []struct {
		name   string
		text   string
		quotes []newsgraph.Quote // Text is looked up in the text; Speaker is an index into cast
		want   []wantPosition
		absent []string // "actor stance issue" lines that must not be found
	}{
		{name: "refusal to give up a place is a rejection",
			text: "Selensky had previously categorically refused to relinquish the Black Sea peninsula of Crimea.",
			want: []wantPosition{{actor: "Volodymyr Zelensky", stance: "reject", issue: "Crimea",
				evidence: "had previously categorically refused to relinquish the Black Sea peninsula of Crimea"}}},
		{name: "a request with a state modifier names it as target",
			text: "Zelensky continues to expect US security guarantees for his country.",
			want: []wantPosition{{actor: "Volodymyr Zelensky", stance: "demand", issue: "security guarantees", target: "United States"}}},
		{name: "it after an attribution stands for the plan and acts as the plan's author",
			text: "According to a media report, Kiev has drawn up a counter-proposal to the US plans for ending the war. " +
				"For example, the plan, which is available to the New York Times, makes no mention of Crimea. " +
				"According to the newspaper, it also does not insist on Ukraine joining NATO.",
			want: []wantPosition{{actor: "Ukraine", stance: "concede", issue: "NATO membership",
				evidence: "also does not insist on Ukraine joining NATO"}},
			absent: []string{"The New York Times concede NATO membership"}},
		{name: "it with a possessive plan author",
			text: "Poland's plan was sent to Brussels on Monday. The plan does not say much. It also rejects the sanctions.",
			want: []wantPosition{{actor: "Poland", stance: "reject", issue: "sanctions"}}},
		{name: "it with its own antecedent in the sentence is left to the entity layer",
			text: "The plan was drawn up by Poland. The New York Times said it rejects the sanctions.",
			want: []wantPosition{{actor: "The New York Times", stance: "reject", issue: "sanctions"}}},
		{name: "acts named as someone's war aims are their demands",
			text: "For Russia, on the other hand, the renunciation of Ukrainian Nato membership and the cession of territory by Kiev are key war aims.",
			want: []wantPosition{{actor: "Russia", stance: "demand", issue: "NATO membership", target: "Ukraine"},
				{actor: "Russia", stance: "demand", issue: "territorial concessions", target: "Ukraine"}},
			absent: []string{"Ukraine concede NATO membership"}},
		{name: "a possessed demand noun names the demander",
			text: "The withdrawal of troops from Crimea is one of Ukraine's main conditions.",
			want: []wantPosition{{actor: "Ukraine", stance: "demand", issue: "troop withdrawal"}}},
		{name: "a quote that says what will become of a place is the speaker's position on it",
			text:   `In an interview, Trump said: "Crimea will remain with Russia".`,
			quotes: []newsgraph.Quote{{Kind: newsgraph.Direct, Text: "Crimea will remain with Russia", Speaker: 0}},
			want: []wantPosition{{actor: "Donald Trump", stance: "assert", issue: "Crimea", target: "Russia",
				evidence: "Crimea will remain with Russia", fromQuote: true}}},
		{name: "a quote about a state acting is not a position on it",
			text:   `Trump said: "Russia will remain strong".`,
			quotes: []newsgraph.Quote{{Kind: newsgraph.Direct, Text: "Russia will remain strong", Speaker: 0}},
			absent: []string{"Donald Trump assert Russia"}},
		{name: "this takes the issue of what was just said",
			text:   `Trump said: "Crimea will remain with Russia". Selensky does not want to accept this.`,
			quotes: []newsgraph.Quote{{Kind: newsgraph.Direct, Text: "Crimea will remain with Russia", Speaker: 0}},
			want:   []wantPosition{{actor: "Volodymyr Zelensky", stance: "reject", issue: "Crimea", evidence: "does not want to accept this"}}},
		{name: "a negated insistence is a concession",
			text: "Zelensky no longer insists on NATO membership.",
			want: []wantPosition{{actor: "Volodymyr Zelensky", stance: "concede", issue: "NATO membership"}}},
		{name: "both parties of a deal they will sign agree",
			text: "Both sides had announced in a memorandum that the US and Ukraine would sign a raw materials deal.",
			want: []wantPosition{{actor: "United States", stance: "agree", issue: "raw materials deal", target: "Ukraine"},
				{actor: "Ukraine", stance: "agree", issue: "raw materials deal", target: "United States"}}},
		{name: "a deal that fell through states no stance",
			text:   "An agreement on US access to Ukrainian raw materials, including the rare earths, also fell through.",
			absent: []string{"United States reject raw materials deal", "United States agree raw materials deal"}},
		{name: "a hypothetical demand is no position",
			text:   "Zelensky could demand security guarantees.",
			absent: []string{"Volodymyr Zelensky demand security guarantees"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := makeDoc(t, tc.text, "2025-04-26", cast, nil)
			for _, q := range tc.quotes {
				i := strings.Index(tc.text, q.Text)
				if i < 0 {
					t.Fatalf("quote %q not in text", q.Text)
				}
				q.Start, q.End = i, i+len(q.Text)
				d.Quotes = append(d.Quotes, q)
			}
			Find(d)
			var got []string
			for _, p := range d.Positions {
				got = append(got, positionLine(d, p))
			}
			for _, w := range tc.want {
				found := false
				for _, p := range d.Positions {
					if d.Entities[p.Actor].Name != w.actor || string(p.Stance) != w.stance || (w.issue != "" && p.Issue != w.issue) {
						continue
					}
					if w.target != "" && !strings.Contains(","+strings.Join(names(d, p.Targets), ",")+",", ","+w.target+",") {
						continue
					}
					if w.evidence != "" && p.EvidenceText != w.evidence {
						continue
					}
					if w.fromQuote && (p.Event >= 0 || p.Quote < 0) {
						continue
					}
					found = true
				}
				if !found {
					t.Errorf("missing %+v; got %v", w, got)
				}
			}
			for _, a := range tc.absent {
				for _, p := range d.Positions {
					if d.Entities[p.Actor].Name+" "+string(p.Stance)+" "+p.Issue == a {
						t.Errorf("unexpected position %s", positionLine(d, p))
					}
				}
			}
			checkPositions(t, d)
		})
	}
}

// checkPositions asserts what every position must satisfy.
func checkPositions(t testing.TB, d *newsgraph.Document) {
	t.Helper()
	for i, p := range d.Positions {
		if p.Actor < 0 || p.Actor >= len(d.Entities) || p.Issue == "" || p.Stance == "" {
			t.Fatalf("position %d: %+v", i, p)
		}
		for _, x := range p.Targets {
			if x < 0 || x >= len(d.Entities) || x == p.Actor {
				t.Fatalf("position %d: target %d", i, x)
			}
		}
		if p.Event < -1 || p.Event >= len(d.Events) || p.Quote < -1 || p.Quote >= len(d.Quotes) || p.Event < 0 && p.Quote < 0 {
			t.Fatalf("position %d: evidence indexes %d %d", i, p.Event, p.Quote)
		}
		for _, sp := range []struct {
			s    newsgraph.Span
			text string
		}{{p.Trigger, p.TriggerText}, {p.Evidence, p.EvidenceText}} {
			if sp.s.Start < 0 || sp.s.End > len(d.Text) || sp.s.Start >= sp.s.End || d.Text[sp.s.Start:sp.s.End] != sp.text {
				t.Fatalf("position %d: span %v %q", i, sp.s, sp.text)
			}
		}
		if !p.Evidence.Contains(p.Trigger) && p.Event >= 0 {
			t.Fatalf("position %d: evidence %q does not hold trigger %q", i, p.EvidenceText, p.TriggerText)
		}
		if i > 0 && d.Positions[i-1].Trigger.Start > p.Trigger.Start {
			t.Fatalf("positions out of order at %d", i)
		}
	}
}

func TestStanceOf(t *testing.T) {
	tests := []struct {
		typ      string
		negative bool
		want     newsgraph.Stance
	}{
		{"REQUEST", false, newsgraph.StanceDemand}, {"REQUEST", true, newsgraph.StanceConcede},
		{"REJECT", false, newsgraph.StanceReject}, {"REJECT", true, newsgraph.StanceAgree},
		{"AGREE", false, newsgraph.StanceAgree}, {"AGREE", true, newsgraph.StanceReject},
		{"CONCEDE", false, newsgraph.StanceConcede}, {"CONCEDE", true, newsgraph.StanceReject},
		{"SUPPORT", false, newsgraph.StanceSupport}, {"SUPPORT", true, ""},
		{"ACCUSE", false, newsgraph.StanceAccuse}, {"ACCUSE", true, ""},
		{"CONSULT", false, ""}, {"ASSAULT", false, ""},
	}
	for _, tc := range tests {
		got, ok := stanceOf(tc.typ, tc.negative)
		if got != tc.want || ok != (tc.want != "") {
			t.Errorf("stanceOf(%s, %v) = %q, %v; want %q", tc.typ, tc.negative, got, ok, tc.want)
		}
	}
}
