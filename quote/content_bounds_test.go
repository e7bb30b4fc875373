package quote_test

import "testing"

// TestContentBounds checks where the content of an indirect quote starts
// and ends, on sentences of the shapes the rules of content.go read: the
// quote text must be exactly the one given.
func TestContentBounds(t *testing.T) {
	cases := []struct {
		name, text, quote string
	}{
		{"stance-object-past-including",
			`Mayor Ruth Adeyemi blamed several factors, including the late budget and the storm in March.`,
			"several factors, including the late budget and the storm in March"},
		{"stance-object-past-such-as",
			`Senator Dana Whitfield wants new rules for small lenders, such as caps on the fees they charge.`,
			"new rules for small lenders, such as caps on the fees they charge"},
		{"stance-object-past-along-with",
			`The council asked for the harbour records, along with the minutes of every meeting since May.`,
			"the harbour records, along with the minutes of every meeting since May"},
		{"poll-object-past-with",
			`The county survey showed the levy ahead by six points, with 12 percent of voters still undecided.`,
			"the levy ahead by six points, with 12 percent of voters still undecided"},
		{"second-participle-ends-object",
			`Mayor Ruth Adeyemi toured the harbour, thanking the volunteers and visiting the shelters by the river.`,
			"the volunteers"},
		{"participle-inside-object-keeps-list",
			`Senator Dana Whitfield is proposing new projects like building roads and giving towns more money for buses.`,
			"new projects like building roads and giving towns more money for buses"},
		{"that-after-infinitive-stays-in-content",
			`Senator Maria Lopez promised Monday to hold hearings on the budget and a vote that would cut the levy.`,
			"to hold hearings on the budget and a vote that would cut the levy"},
		{"relative-clause-on-name-is-comment",
			`The inspector said the police had the help of Martin Hale, who worked for the county until May.`,
			"the police had the help of Martin Hale"},
		{"closing-appositive-is-comment",
			`Mayor Ruth Adeyemi said the plant would cut 3,000 jobs, a loss bigger than any in the county's history.`,
			"the plant would cut 3,000 jobs"},
		{"inner-appositive-stays",
			`Mayor Ruth Adeyemi said the plant, a relic of the old harbour, would close in the spring.`,
			"the plant, a relic of the old harbour, would close in the spring"},
		{"naming-object-past-appositive-to-quotation",
			`Senator Dana Whitfield called the new treasurer, Tom Hale, "a careful steward of our money."`,
			`the new treasurer, Tom Hale, "a careful steward of our money."`},
		{"stance-object-past-aside-to-quotation",
			`The mayor has spent the year portraying the harbour board, above all, as "a club for insiders" and a drain on the town.`,
			`the harbour board, above all, as "a club for insiders"`},
		{"second-verb-ends-naming-object",
			`Governor Ellen Park called the levy "a fair deal" and left the hall before the vote.`,
			`the levy "a fair deal"`},
		{"quotation-closed-on-comma-before-comment",
			`Governor Ellen Park said the levy was "a fair deal," a phrase her rivals mocked for weeks.`,
			`the levy was "a fair deal,"`},
		{"quotation-closed-on-comma-before-participle",
			`Governor Ellen Park said the talks were "going nowhere," shaking her head at the empty table.`,
			`the talks were "going nowhere,"`},
		{"quotation-closed-on-comma-before-time-clause",
			`Governor Ellen Park said the levy was "fair to all," when the council met in May.`,
			`the levy was "fair to all," when the council met in May`},
		{"stance-object-list-with-serial-comma",
			`Senator Dana Whitfield has thanked farmers, grocers, and truckers from the northern valleys.`,
			"farmers, grocers, and truckers from the northern valleys"},
		{"stance-verb-with-that-clause-runs-past-comma",
			`The county survey showed that older voters, above all in the north, backed the levy.`,
			"older voters, above all in the north, backed the levy"},
		{"linked-clause-with-own-cue-after-phrase",
			`Governor Ellen Park said the levy was fair, but in a letter to the council her deputy argued that it would fail.`,
			"the levy was fair"},
		{"inverted-cue-before-description-of-speaker",
			`"We are very glad" about the vote, said Ann Lee, head of the nurses union.`,
			`"We are very glad" about the vote`},
		{"inverted-cue-inside-clause",
			`The museum, said the mayor, would open its doors in the spring.`,
			"The museum, said the mayor, would open its doors in the spring"},
		{"comparison-of-figures-is-not-content",
			`Most farmers say they would back the levy, compared with a third of city voters.`,
			"they would back the levy"},
		{"finite-verb-after-verbless-content",
			`Councillor Ruth Adeyemi claimed self-defence and was cleared by the court in May.`,
			"self-defence"},
		{"and-inside-reported-clause-stays",
			`Councillor Ruth Adeyemi said the court met in May and cleared her.`,
			"the court met in May and cleared her"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := analyze(t, c.text)
			var got []string
			for _, q := range d.Quotes {
				if q.Text == c.quote {
					return
				}
				got = append(got, q.Text)
			}
			t.Fatalf("no quote %q; got %q", c.quote, got)
		})
	}
}
