package entity_test

import (
	"testing"

	"github.com/newsgraph/newsgraph"
)

// TestSpeakerReferents: the subject of a verb of speech refers to the
// speaker the article has been quoting, further back than other mentions
// of its kind look.
func TestSpeakerReferents(t *testing.T) {
	const pron = newsgraph.PronounMention
	cases := []struct {
		name string
		text string
		kind newsgraph.MentionKind
		form string // the mention, the first of its kind written so
		want string // the name mention of the entity it joins; "" for none
	}{
		{"a speaking she after quoted paragraphs", "Maria Lopez runs the shelter on Fifth Street.\n\n" +
			"\"We opened in the spring.\"\n\n\"The city gave us the building.\"\n\n\"Money came later.\"\n\n" +
			"\"Nobody expected so many families.\"\n\n\"Every bed is taken.\"\n\n\"It is hard, but it works,\" she said.",
			pron, "she", "Maria Lopez"},
		{"who after a name and a comma", "Ann Smith, who said the plan would fail, left early.", pron, "who", "Ann Smith"},
		{"who after a name and its place", "Senator John Reed of Ohio, who opposed the bill, spoke last.", pron, "who", "John Reed"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := analyzeTagged(t, c.text)
			got := descEntity(d, c.kind, c.form)
			want := -1
			if c.want != "" {
				want = descEntity(d, newsgraph.NameMention, c.want)
			}
			if got != want {
				t.Fatalf("%q joined entity %d, want %d (%q); entities:\n%s", c.form, got, want, c.want, dump(d))
			}
		})
	}
}
