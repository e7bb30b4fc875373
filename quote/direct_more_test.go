package quote_test

import (
	"testing"

	"github.com/newsgraph/newsgraph"
)

var ortiz = ent{"Lena Ortiz", newsgraph.Person, ""}

// TestDirectNotQuotes checks passages in quotation marks that are no
// quotation: section heads, titles of works.
func TestDirectNotQuotes(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{"a lowercase section head in single marks",
			"\"We will build it,\" Ortiz said.\n\n'A harbour for everyone.'\n\nThe plan costs more than the town spends in a year.",
			map[string]ent{"Ortiz": ortiz},
			[]want{{"We will build it,", "direct", "Lena Ortiz", "said", ""}}},
		{"a quotation in single marks that goes on in its paragraph",
			"\"We will build it,\" Ortiz said.\n\n'A harbour for everyone,' she added, smiling.",
			map[string]ent{"Ortiz": ortiz, "she": {"Lena Ortiz", newsgraph.Person, newsgraph.PronounMention}},
			[]want{{"We will build it,", "direct", "Lena Ortiz", "said", ""}, {"A harbour for everyone,", "direct", "Lena Ortiz", "added", ""}}},
	})
}
