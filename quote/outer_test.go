package quote_test

import (
	"strings"
	"testing"
)

// TestOuterCues checks that a cue reads the whole clause it reports, so a
// cue-like word inside that clause does not claim a tail of it.
func TestOuterCues(t *testing.T) {
	cases := []struct {
		name, text, quote, speaker string
	}{
		{"subject-before-appositive-with-participle",
			`Ruth Adeyemi, 58, a nurse raised in Leeds, said she wanted a new clinic in town.`,
			"she wanted a new clinic in town", "Adeyemi"},
		{"subject-before-comma-that-clause",
			`The chief planner, Dana Whitfield, indicated that her review is not finished.`,
			"her review is not finished", "Whitfield"},
		{"trailing-according-before-inner-cue",
			`On Monday, Governor Ellen Park said she would veto the levy, according to two aides.`,
			"On Monday, Governor Ellen Park said she would veto the levy", "aides"},
		{"trailing-cue-before-inner-cue",
			`Most voters think the levy will fail, the pollster said.`,
			"Most voters think the levy will fail", ""},
		{"trailing-said-before-inner-participle",
			`Ten riders were hurt after refusing to leave the bridge during the storm, the police said.`,
			"Ten riders were hurt after refusing to leave the bridge during the storm", "police"},
		{"that-while-phrase-then-main-clause",
			`Dana Whitfield said that while she disliked the levy, she was backing the mayor because the schools needed it.`,
			"while she disliked the levy, she was backing the mayor because the schools needed it", "Whitfield"},
		{"that-despite-phrase-then-main-clause",
			`Dana Whitfield told the Daily Ledger that despite the crowds at the opening, she didn't think the market would last.`,
			"despite the crowds at the opening, she didn't think the market would last", "Whitfield"},
		{"that-while-phrase-then-speech-cue",
			`Dana Whitfield said that while the levy was never popular, she argued the schools could not open without it.`,
			"the schools could not open without it", ""},
		{"demonstrative-that-before-noun",
			`The mayor rejected that idea.`,
			"that idea", "mayor"},
		{"demonstrative-that-before-verb",
			`Dana Whitfield believes that won't happen.`,
			"that won't happen", "Whitfield"},
		{"complementizer-that-before-title",
			`Union leaders said that Mr. Lopez could win the county.`,
			"Mr. Lopez could win the county", ""},
		{"plural-noun-tagged-as-verb-before-say",
			`In addition to paid leave, aides say Dana Whitfield also advises the governor on schools.`,
			"Dana Whitfield also advises the governor on schools", ""},
		{"inverted-subject-stays",
			`The bridge will reopen in May, said Dana Whitfield.`,
			"The bridge will reopen in May", "Whitfield"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := analyze(t, c.text)
			var got []string
			for _, q := range d.Quotes {
				got = append(got, q.Text)
				if q.Text != c.quote {
					continue
				}
				if c.speaker != "" && (q.Speaker < 0 || !strings.Contains(d.Entities[q.Speaker].Name, c.speaker)) {
					t.Fatalf("quote %q has speaker %d, want %q", q.Text, q.Speaker, c.speaker)
				}
				return
			}
			t.Fatalf("no quote %q; got %q", c.quote, got)
		})
	}
}
