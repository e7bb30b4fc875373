package quote_test

import "testing"

// TestCuesPastAsides checks cues read past what stands between them and their
// subject: each case gives a text, the content of the quote its cue must
// make ("" when none may be made at all) and, when given, a word of the
// speaker's name.
func TestCuesPastAsides(t *testing.T) {
	cases := []struct {
		name, text, quote, speaker string
	}{
		{"base-form-after-comma-aside",
			`Local farmers, like their neighbors in the valley, say the new dam will ruin the river.`,
			"the new dam will ruin the river", "farmers"},
		{"base-form-after-number-aside",
			`A third of the nurses, 40%, say the ward should close.`,
			"the ward should close", "nurses"},
		{"base-form-after-dash-aside",
			`Bakers — and some millers — believe the price of flour will rise.`,
			"the price of flour will rise", "Bakers"},
		{"noun-cue-object-ends-before-verb",
			`Mayor Ruth Adeyemi's support for a longer school day has angered the union.`,
			"a longer school day", "Adeyemi"},
		{"noun-cue-after-the-verb-keeps-its-object",
			`The strike followed Mayor Ruth Adeyemi's support for the levy farmers hate.`,
			"the levy farmers hate", "Adeyemi"},
		{"base-form-after-aside-no-clause",
			`Local farmers, like their neighbors in the valley, say hello to the mayor.`,
			"", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			expectQuote(t, c.text, c.quote, c.speaker)
		})
	}
}
