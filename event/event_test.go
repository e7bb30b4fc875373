package event

import (
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
)

// want is what a test expects of one event; empty fields are not checked.
type want struct {
	typ, trigger       string
	actors, targets    []string
	location, date     string
	mode, issue        string
	polarity, modality newsgraph.Polarity
	mod                newsgraph.Modality
	noTargets          bool
}

func names(d *newsgraph.Document, idx []int) []string {
	var out []string
	for _, i := range idx {
		out = append(out, d.Entities[i].Name)
	}
	return out
}

func findEvent(d *newsgraph.Document, w want) (*newsgraph.Event, string) {
	var seen []string
	for i := range d.Events {
		v := &d.Events[i]
		seen = append(seen, v.Type+" "+v.TriggerText+" "+strings.Join(names(d, v.Actors), ",")+"→"+strings.Join(names(d, v.Targets), ","))
		if v.Type == w.typ && (w.trigger == "" || v.TriggerText == w.trigger) {
			return v, ""
		}
	}
	return nil, strings.Join(seen, "; ")
}

func TestFind(t *testing.T) {
	tests := []struct {
		name      string
		text      string
		published string
		times     []testTime
		quotes    [][2]string // quote text, and "" (the quote is found in the text)
		want      []want
		absent    []string // event types that must not be found
	}{
		{name: "coordinated subjects have met in the lead take the publication date",
			text:      "US President Donald Trump and Volodymyr Zelensky have met for the first time since the scandal in the White House.",
			published: "2025-04-26",
			want: []want{{typ: "CONSULT", trigger: "met", actors: []string{"Donald Trump"}, targets: []string{"Volodymyr Zelensky"},
				date: "2025-04-26", location: "-"}}},
		{name: "meeting on the sidelines is third-party, past tense keeps no date",
			text:      "Intro.\n\nMore.\n\nLater.\n\nTrump and Zelensky met in Rome for talks on the sidelines of the funeral.",
			published: "2025-04-26",
			want: []want{{typ: "CONSULT", trigger: "met", actors: []string{"Donald Trump"}, targets: []string{"Volodymyr Zelensky"},
				location: "Rome", mode: "third-party", date: "-"}}},
		{name: "between a list splits into actors and the last as target, with a sentence-initial time",
			text:  "At the end of February, a meeting between Trump, US Vice President JD Vance and Selensky led to a scandal in the White House.",
			times: []testTime{{"the end of February", "2025-02"}},
			want: []want{{typ: "CONSULT", trigger: "meeting", actors: []string{"Donald Trump", "JD Vance"},
				targets: []string{"Volodymyr Zelensky"}, location: "White House", date: "2025-02"}}},
		{name: "possessor and with-phrase of a nominal trigger",
			text: "Trump's meeting with Ukrainian President Zelensky in Washington got out of hand.",
			want: []want{{typ: "CONSULT", trigger: "meeting", actors: []string{"Donald Trump"}, targets: []string{"Volodymyr Zelensky"},
				location: "Washington"}}},
		{name: "refused to relinquish takes the complement's object as issue",
			text:  "Selensky had previously categorically refused to relinquish the Black Sea peninsula of Crimea, which Russia annexed in 2014.",
			times: []testTime{{"2014", "2014"}},
			want: []want{{typ: "REJECT", trigger: "refused", actors: []string{"Volodymyr Zelensky"}, issue: "Crimea", date: "-"},
				{typ: "ASSAULT", trigger: "annexed", actors: []string{"Russia"}, targets: []string{"Crimea"}, date: "2014"}},
			absent: []string{"CONCEDE"}},
		{name: "press for with from-target",
			text: "Zelensky continues to press for security guarantees from the USA.",
			want: []want{{typ: "REQUEST", actors: []string{"Volodymyr Zelensky"}, targets: []string{"United States"}, issue: "security guarantees"}}},
		{name: "expect with a state modifier as target",
			text: "Despite several statements to the contrary from Washington, Zelensky continues to expect US security guarantees for his country.",
			want: []want{{typ: "REQUEST", trigger: "expect", actors: []string{"Volodymyr Zelensky"}, targets: []string{"United States"},
				issue: "security guarantees"}}},
		{name: "urged delivery of weapons is a request for military aid",
			text:   "Zelensky also urged the delivery of further US-made Patriot air defense systems.",
			want:   []want{{typ: "REQUEST", trigger: "urged", actors: []string{"Volodymyr Zelensky"}, issue: "military aid"}},
			absent: []string{"AID"}},
		{name: "demanded that X makes X the target",
			text: "However, Kremlin leader Vladimir Putin has always demanded that Zelensky withdraw his decree prohibiting such negotiations.",
			want: []want{{typ: "REQUEST", trigger: "demanded", actors: []string{"Vladimir Putin"}, targets: []string{"Volodymyr Zelensky"},
				issue: "decree"}}},
		{name: "agreement that fell through is negative and its parties come from its topic",
			text: "An agreement on US access to Ukrainian raw materials, including rare earths, also fell through.",
			want: []want{{typ: "AGREE", trigger: "agreement", actors: []string{"United States"}, targets: []string{"Ukraine"},
				polarity: newsgraph.Negative, issue: "raw materials deal"}}},
		{name: "both sides would sign takes the parties of the previous event and is intended",
			text:  "The US and Ukraine held talks. Both sides had recently announced that they would sign a raw materials deal this week.",
			times: []testTime{{"this week", "2025-W17"}},
			want: []want{{typ: "AGREE", trigger: "sign", actors: []string{"United States"}, targets: []string{"Ukraine"},
				mod: newsgraph.Intended, issue: "raw materials deal", date: "2025-W17"}}},
		{name: "talks held by an envoy in a capital are talks with its state",
			text:  "According to Trump, the negotiations are close to a result after talks also held by his special envoy Steve Witkoff in Moscow on Friday.",
			times: []testTime{{"on Friday", "2025-04-25"}},
			want: []want{{typ: "CONSULT", trigger: "talks", actors: []string{"Steve Witkoff"}, targets: []string{"Russia"},
				location: "Moscow", date: "2025-04-25", mod: newsgraph.Reported}}},
		{name: "did not accept is a rejection",
			text: "Zelensky did not accept the proposal.",
			want: []want{{typ: "REJECT", trigger: "accept", actors: []string{"Volodymyr Zelensky"}, issue: "proposal",
				polarity: newsgraph.Positive}}},
		{name: "does not insist on joining NATO is a concession on NATO membership",
			text: "Ukraine also does not insist on joining NATO.",
			want: []want{{typ: "CONCEDE", actors: []string{"Ukraine"}, issue: "NATO membership"}}},
		{name: "a capital as subject acts for its state",
			text: "Moscow attacked Kyiv overnight.",
			want: []want{{typ: "ASSAULT", actors: []string{"Russia"}, targets: []string{"Ukraine"}}}},
		{name: "passive with by-agent",
			text: "Kyiv was shelled by Russian forces.",
			want: []want{{typ: "ASSAULT", actors: []string{"Russia"}, targets: []string{"Ukraine"}}}},
		{name: "could is hypothetical",
			text: "Putin could meet Trump in Rome.",
			want: []want{{typ: "CONSULT", actors: []string{"Vladimir Putin"}, targets: []string{"Donald Trump"}, mod: newsgraph.Hypothetical}}},
		{name: "will is intended",
			text: "Poland will send weapons to Ukraine.",
			want: []want{{typ: "AID", actors: []string{"Poland"}, targets: []string{"Ukraine"}, mod: newsgraph.Intended}}},
		{name: "inside a quote is reported",
			text:   `Trump said: "Putin attacked Ukraine."`,
			quotes: [][2]string{{"Putin attacked Ukraine."}},
			want:   []want{{typ: "ASSAULT", actors: []string{"Vladimir Putin"}, targets: []string{"Ukraine"}, mod: newsgraph.Reported}}},
		{name: "a trigger with no actor makes no event",
			text:   "The talks were productive and further meetings are planned.",
			absent: []string{"CONSULT"}},
		{name: "dateline gives the place when the sentence has none",
			text: "KYIV, April 26 (Reuters) - Ukraine and Poland signed an agreement on grain exports.",
			want: []want{{typ: "AGREE", actors: []string{"Ukraine"}, targets: []string{"Poland"}, location: "Kyiv",
				issue: "grain exports"}}},
		{name: "withdraw a decree is not a retreat, withdraw troops is",
			text:   "Russia withdrew its troops from Kherson. Kyiv withdrew the decree.",
			want:   []want{{typ: "RETREAT", actors: []string{"Russia"}}},
			absent: []string{"CONCEDE"}},
		{name: "criticised with an object target",
			text: "Trump criticised Zelensky sharply.",
			want: []want{{typ: "ACCUSE", actors: []string{"Donald Trump"}, targets: []string{"Volodymyr Zelensky"}}}},
		{name: "sanctions on a state",
			text: "The US imposed sanctions on Russia.",
			want: []want{{typ: "SANCTION", actors: []string{"United States"}, targets: []string{"Russia"}}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := makeDoc(t, tc.text, tc.published, world, tc.times)
			for _, q := range tc.quotes {
				i := strings.Index(d.Text, q[0])
				d.Quotes = append(d.Quotes, newsgraph.Quote{Kind: newsgraph.Direct, Start: i, End: i + len(q[0]), Text: q[0], Speaker: -1})
			}
			Find(d)
			for _, w := range tc.want {
				v, seen := findEvent(d, w)
				if v == nil {
					t.Fatalf("no %s event %q; found: %s", w.typ, w.trigger, seen)
				}
				check := func(what string, got, exp []string) {
					if exp != nil && !slices.Equal(got, exp) {
						t.Errorf("%s %s: %s = %v, want %v", w.typ, v.TriggerText, what, got, exp)
					}
				}
				check("actors", names(d, v.Actors), w.actors)
				check("targets", names(d, v.Targets), w.targets)
				if w.location != "" {
					got := "-"
					if v.Location >= 0 {
						got = d.Entities[v.Location].Name
					}
					if got != w.location {
						t.Errorf("%s: location = %s, want %s", w.typ, got, w.location)
					}
				}
				if w.date != "" && (w.date == "-" && v.Date != "" || w.date != "-" && v.Date != w.date) {
					t.Errorf("%s: date = %q, want %q", w.typ, v.Date, w.date)
				}
				if w.mode != "" && v.Mode != w.mode {
					t.Errorf("%s: mode = %q, want %q", w.typ, v.Mode, w.mode)
				}
				if w.issue != "" && v.Issue != w.issue {
					t.Errorf("%s: issue = %q, want %q", w.typ, v.Issue, w.issue)
				}
				if w.polarity != "" && v.Polarity != w.polarity {
					t.Errorf("%s: polarity = %q, want %q", w.typ, v.Polarity, w.polarity)
				}
				if w.mod != "" && v.Modality != w.mod {
					t.Errorf("%s: modality = %q, want %q", w.typ, v.Modality, w.mod)
				}
			}
			for _, typ := range tc.absent {
				for _, v := range d.Events {
					if v.Type == typ {
						t.Errorf("unexpected %s event %q", typ, v.TriggerText)
					}
				}
			}
			checkInvariants(t, d)
		})
	}
}

// checkInvariants asserts what every event must satisfy.
func checkInvariants(t testing.TB, d *newsgraph.Document) {
	t.Helper()
	ne := len(d.Entities)
	for i, v := range d.Events {
		if !slices.Contains(newsgraph.EventTypes, v.Type) {
			t.Fatalf("event %d: type %q", i, v.Type)
		}
		if v.Trigger.Start < 0 || v.Trigger.End > len(d.Text) || v.Trigger.Start >= v.Trigger.End ||
			d.Text[v.Trigger.Start:v.Trigger.End] != v.TriggerText {
			t.Fatalf("event %d: trigger %v %q", i, v.Trigger, v.TriggerText)
		}
		if len(v.Actors) == 0 {
			t.Fatalf("event %d: no actor", i)
		}
		for _, x := range append(slices.Clone(v.Actors), v.Targets...) {
			if x < 0 || x >= ne {
				t.Fatalf("event %d: participant %d of %d", i, x, ne)
			}
		}
		if v.Location < -1 || v.Location >= ne || v.Time < -1 || v.Time >= len(d.Times) || v.Quote < -1 || v.Quote >= len(d.Quotes) {
			t.Fatalf("event %d: bad index %+v", i, v)
		}
		if v.Polarity != newsgraph.Positive && v.Polarity != newsgraph.Negative {
			t.Fatalf("event %d: polarity %q", i, v.Polarity)
		}
		switch v.Modality {
		case newsgraph.Asserted, newsgraph.Intended, newsgraph.Demanded, newsgraph.Hypothetical, newsgraph.Reported:
		default:
			t.Fatalf("event %d: modality %q", i, v.Modality)
		}
		if i > 0 && d.Events[i-1].Trigger.Start > v.Trigger.Start {
			t.Fatalf("events out of order at %d", i)
		}
	}
	checkPositions(t, d)
}

func TestLexiconCoversAllTypes(t *testing.T) {
	l := lex()
	seen := map[string]int{}
	for _, e := range l.entries {
		seen[e.typ]++
	}
	for _, typ := range newsgraph.EventTypes {
		if seen[typ] < 3 {
			t.Errorf("%s has %d triggers", typ, seen[typ])
		}
	}
	if _, err := parseIssueRules(issuesTSV); err != nil {
		t.Fatal(err)
	}
}

func TestInflections(t *testing.T) {
	l := lex()
	for form, lemma := range map[string]string{"met": "meet", "agreed": "agree", "urged": "urge", "banned": "ban",
		"denied": "deny", "withdrew": "withdraw", "criticises": "criticise", "talks": "talks", "meetings": "meeting",
		"expelled": "expel", "attacking": "attack", "refuses": "refuse"} {
		id, ok := l.lemmaID[lemma]
		if !ok || !hasLemma(l.forms[form], id) {
			t.Errorf("%q is not a form of %q", form, lemma)
		}
	}
}

func TestParseLexiconErrors(t *testing.T) {
	for name, src := range map[string]string{
		"fields":   "meet\tCONSULT\t-\tV\n",
		"bad type": "meet\tCHAT\t-\tV\t-\n",
		"bad flag": "meet\tCONSULT\t-\tV\tfoo\n",
		"bad neg":  "meet\tCONSULT\t-\tV\tneg=NOPE\n",
	} {
		if _, err := parseLexicon(src); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}
