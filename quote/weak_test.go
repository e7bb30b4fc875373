package quote_test

import (
	"strings"
	"testing"
)

// TestWeakForms checks that the forms of reporting verbs that describe
// their subject rather than report it make no quote of the words given.
func TestWeakForms(t *testing.T) {
	cases := []struct{ name, text, not string }{
		{"infinitive-of-see",
			`Farmers in the valley have waited years to see the new dam finished.`, "the new dam finished"},
		{"infinitive-of-decide",
			`The council met on Tuesday to decide the future of the harbour.`, "the future of the harbour"},
		{"participle-of-support-after-noun",
			`Turnout among voters supporting Mayor Ruth Adeyemi rose in the east.`, "Mayor Ruth Adeyemi"},
		{"participle-of-seek-after-noun",
			`Four candidates seeking the nomination will meet in Dover.`, "the nomination"},
		{"relative-endorse",
			`Governor Ellen Park, who endorsed the levy last spring, left office in May.`, "the levy last spring"},
		{"saw-of-a-trip",
			`Governor Ellen Park saw the flooded farms from a helicopter.`, "the flooded farms from a helicopter"},
		{"ownerless-support-for",
			`Support for the levy has grown among younger voters.`, "the levy"},
		{"rise-in-the-polls-has-no-verb",
			`Governor Ellen Park's steady rise in the polls worried her rivals.`, "rise"},
		{"challenge-an-object",
			`The young striker challenged the goalkeeper for every high ball.`, "the goalkeeper"},
		{"knew-an-object",
			`Governor Ellen Park knew the back roads of the county well.`, "the back roads"},
		{"cast-a-ballot",
			`Voters in the valley cast their ballots as the sun rose.`, "their ballots"},
		{"said-only-where",
			`"It was a hard year," Hank Miller said from his office in Dover.`, "from his office in Dover"},
		{"in-their-eyes-is-no-view",
			`The old sailors had tears in their eyes, and the harbour fell silent.`, "the harbour fell silent"},
		{"noun-cue-before-a-day",
			`Governor Ellen Park's remarks on Saturday drew a large crowd.`, "Saturday drew"},
		{"stance-object-only-a-time",
			`In a statement issued Tuesday morning, the mayor thanked the firefighters.`, "Tuesday morning"},
		{"added-to",
			`The sudden storm added to the confusion at the harbour.`, "the confusion at the harbour"},
		{"blasted-out",
			`Her campaign blasted out an email to supporters on Friday.`, "an email to supporters"},
		{"gerund-of-back-after-preposition",
			`After backing the harbour bill, the council adjourned.`, "the harbour bill"},
		{"progressive-talk-about",
			`The children are talking about the snow in the school yard.`, "the snow in the school yard"},
		{"maintain-an-object",
			`The county maintained the old roads for decades.`, "the old roads for decades"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := analyze(t, c.text)
			for _, q := range d.Quotes {
				if strings.Contains(q.Text, c.not) {
					t.Fatalf("quote %q made; want none of %q", q.Text, c.not)
				}
			}
		})
	}
}
