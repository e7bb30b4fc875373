package quote_test

import (
	"strings"
	"testing"
)

// TestMoreCueForms checks the cues read beyond the reporting verbs: each
// case gives a text, the content of the quote its cue must make ("" when
// none may be made at all) and, when given, a word of the speaker's name.
func TestMoreCueForms(t *testing.T) {
	cases := []struct {
		name, text, quote, speaker string
	}{
		{"adjective-that-clause",
			`Governor Ellen Park is confident that the levy will pass in March.`,
			"the levy will pass in March", "Park"},
		{"adjective-bare-clause",
			`Mayor Ruth Adeyemi was not sure the bridge would reopen before winter.`,
			"the bridge would reopen before winter", "Adeyemi"},
		{"adjective-preposition",
			`Senator Dana Whitfield has been sharply critical of the new tariff on grain.`,
			"the new tariff on grain", "Whitfield"},
		{"adjective-infinitive",
			`Governor Ellen Park remains eager to sign the water bill.`,
			"to sign the water bill", "Park"},
		{"adjective-relative-subject",
			`The vote split Councillor Tom Brandt, who is opposed to the new stadium, from his allies.`,
			"the new stadium", "Brandt"},
		{"adjective-open-to",
			`Mayor Ruth Adeyemi is open to a shorter school week.`,
			"a shorter school week", "Adeyemi"},
		{"adjective-no-complement",
			`Governor Ellen Park was confident and cheerful at the fair on Sunday.`,
			"", ""},
		{"relative-who-content-ends-at-comma",
			`Councillor Tom Brandt, who said the levy was unfair, voted against it.`,
			"the levy was unfair", "Brandt"},
		{"made-it-clear",
			`Governor Ellen Park made it clear on Monday that she would veto the levy.`,
			"she would veto the levy", "Park"},
		{"made-clear-no-that",
			`Mayor Ruth Adeyemi has made clear the bridge will stay closed.`,
			"the bridge will stay closed", "Adeyemi"},
		{"made-clear-passive",
			`The rules were made clear to every farmer in the valley.`,
			"", ""},
		{"relative-which-after-comma",
			`The county board, which ruled that the levy was lawful, met again in May.`,
			"the levy was lawful", "board"},
		{"stance-verb-like",
			`Governor Ellen Park would like to see the levy cut by half.`,
			"to see the levy cut by half", "Park"},
		{"stance-verb-congratulate",
			`Mayor Ruth Adeyemi congratulated the volunteers on the quick cleanup.`,
			"the volunteers on the quick cleanup", "Adeyemi"},
		{"thought-verb-recognize",
			`Senator Dana Whitfield recognized that the levy had failed.`,
			"the levy had failed", "Whitfield"},
		{"phrasal-touch-on",
			`Senator Dana Whitfield touched on the new grain tariff.`,
			"the new grain tariff", "Whitfield"},
		{"owned-noun-refusal",
			`Governor Ellen Park's refusal to sign the levy, first reported on Monday, angered the council.`,
			"to sign the levy", "Park"},
		{"as-clause-leading",
			`As the Daily Ledger reported on Monday, the mayor had already left the city.`,
			"the mayor had already left the city", "Ledger"},
		{"as-clause-trailing",
			`The levy failed in every county, as Governor Ellen Park noted.`,
			"The levy failed in every county", "Park"},
		{"as-clause-of-time",
			`As Senator Dana Whitfield announced the plan, a storm rolled in.`,
			"", ""},
		{"phrasal-respond-to",
			`Governor Ellen Park did not respond to a request for comment.`,
			"a request for comment", "Park"},
		{"like-as-preposition",
			`Towns like Dover have seen their mills close.`,
			"", ""},
		{"adjective-inside-reported-clause",
			`The council may be reluctant to act before the audit, Governor Ellen Park said.`,
			"The council may be reluctant to act before the audit", "Park"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			expectQuote(t, c.text, c.quote, c.speaker)
		})
	}
}

// expectQuote checks that text gives a quote whose text is quote, with a
// speaker whose name holds speaker (when speaker is not ""); or, when
// quote is "", no quote at all.
func expectQuote(t *testing.T, text, quote, speaker string) {
	t.Helper()
	d := analyze(t, text)
	var got []string
	for _, q := range d.Quotes {
		got = append(got, q.Text)
	}
	if quote == "" {
		if len(got) > 0 {
			t.Fatalf("got quotes %q, want none", got)
		}
		return
	}
	for _, q := range d.Quotes {
		if q.Text != quote {
			continue
		}
		if speaker != "" && (q.Speaker < 0 || !strings.Contains(d.Entities[q.Speaker].Name, speaker)) {
			t.Fatalf("quote %q has speaker %d, want %q", q.Text, q.Speaker, speaker)
		}
		return
	}
	t.Fatalf("no quote %q; got %q", quote, got)
}
