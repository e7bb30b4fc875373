package quote_test

import (
	"testing"

	"github.com/newsgraph/newsgraph"
)

// TestDescriptionSpeakers runs the stages up to quote: a speaker given by
// an appositive after a name, or only by a description, is found.
func TestDescriptionSpeakers(t *testing.T) {
	cases := []struct {
		name, text, quote string
		speaker           string // a mention of the speaker's entity, as written
	}{
		{"appositive-after-name",
			`"It's an invasion of the state regulatory domain," Scott Pruitt, the Republican attorney general of Oklahoma, said.`,
			"It's an invasion of the state regulatory domain,", "Scott Pruitt"},
		{"age-appositive",
			`"We're not going to stop," Quina Jones, 25, said.`,
			"We're not going to stop,", "Quina Jones"},
		{"bracket-and-appositive",
			`"It's the strangest stuff I have ever seen," Rep. Jim Jordan (R-Ohio), an oversight panel member, said.`,
			"It's the strangest stuff I have ever seen,", "Jim Jordan"},
		{"possessive-description",
			`"If he thinks that makes him smart," the ad’s narrator says.`,
			"If he thinks that makes him smart,", "the ad’s narrator"},
		{"plural-description",
			`Officials said the plant would close on Friday.`,
			"the plant would close on Friday", "Officials"},
		{"document-description",
			`"Companies report only significant subsidiaries," the report says.`,
			"Companies report only significant subsidiaries,", "the report"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := analyze(t, c.text)
			var q *newsgraph.Quote
			for i := range d.Quotes {
				if d.Quotes[i].Text == c.quote {
					q = &d.Quotes[i]
				}
			}
			if q == nil {
				t.Fatalf("no quote %q in %+v", c.quote, d.Quotes)
			}
			if q.Speaker < 0 {
				t.Fatalf("quote %q has no speaker", c.quote)
			}
			for _, mi := range d.Entities[q.Speaker].Mentions {
				if d.Mentions[mi].Text == c.speaker {
					return
				}
			}
			t.Fatalf("quote %q spoken by %q, want the entity of %q", c.quote, d.Entities[q.Speaker].Name, c.speaker)
		})
	}
}
