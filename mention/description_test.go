package mention_test

import (
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/mention"
	"github.com/newsgraph/newsgraph/segment"
	"github.com/newsgraph/newsgraph/tag"
)

// findTagged runs the stages before mention as the pipeline does (with
// part-of-speech tags) and returns the mentions.
func findTagged(t *testing.T, text string) []newsgraph.Mention {
	t.Helper()
	d := &newsgraph.Document{Text: text}
	if err := (newsgraph.Pipeline{segment.Stage, tag.Stage, mention.Stage}).Run(d); err != nil {
		t.Fatal(err)
	}
	return d.Mentions
}

func TestDescriptions(t *testing.T) {
	cases := []struct {
		name    string
		text    string
		want    []string
		notWant []string
	}{
		{"bare-plural-subject", "Officials said the plant would close.",
			[]string{"description/NORP/Officials"}, nil},
		{"definite-company", "Ford cut jobs. The company said sales fell.",
			[]string{"description/ORG/The company"}, nil},
		{"indefinite-with-name-after-preposition", "A spokesman for Clinton declined to comment.",
			[]string{"description/PERSON/A spokesman for Clinton", "name/PERSON/Clinton"}, nil},
		{"possessive-noun-before-head", "The ad’s narrator says it plainly.",
			[]string{"description/PERSON/The ad’s narrator"}, nil},
		{"name-and-noun-modifiers", "Trump's campaign aides said nothing. U.S. officials agreed.",
			[]string{"description/NORP/Trump's campaign aides", "description/NORP/U.S. officials"}, nil},
		{"possessor-description-nests", "The Clinton campaign's spokesman spoke.",
			[]string{"description/PERSON/The Clinton campaign's spokesman", "description/ORG/The Clinton campaign"}, nil},
		{"members-of-a-body", "He told reporters that members of Congress agreed.",
			[]string{"description/NORP/reporters", "description/NORP/members of Congress"},
			[]string{"description/PERSON/that members of Congress"}},
		{"collective-subject", "Police arrested two men.",
			[]string{"description/ORG/Police", "description/NORP/two men"}, nil},
		{"document-that-speaks", "The report says taxes rose. According to the poll, most voters agree.",
			[]string{"description/ORG/The report", "description/ORG/the poll", "description/NORP/most voters"}, nil},
		{"document-that-does-not-speak", "The report was late.",
			nil, []string{"description/ORG/The report"}},
		{"head-of-a-compound-comes-later", "The company policy changed.",
			nil, []string{"description/ORG/The company"}},
		{"singular-needs-a-determiner", "Campaign finance matters.",
			nil, []string{"description/ORG/Campaign"}},
		{"verb-not-noun", "Zelensky continues to press for guarantees.",
			nil, []string{"description/ORG/press"}},
		{"adjective-not-collective", "He expects a military presence.",
			nil, []string{"description/ORG/a military"}},
		{"group-by-nation", "Zelensky expects help from the European allies.",
			[]string{"description/NORP/the European allies"}, nil},
		{"inverted-document", `"A state cannot avoid it," said the ruling.`,
			[]string{"description/ORG/the ruling"}, nil},
		{"according-to-collective", "According to police, officers saw him.",
			[]string{"description/ORG/police", "description/NORP/officers"}, nil},
		{"title-before-name-stays-a-role", "White House spokesman Sean Spicer said so.",
			[]string{"name/PERSON/Sean Spicer"}, []string{"description/PERSON/White House spokesman"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ms := findTagged(t, c.text)
			for _, w := range c.want {
				if !has(ms, w) {
					t.Errorf("missing %s in %s", w, list(ms))
				}
			}
			for _, w := range c.notWant {
				if has(ms, w) {
					t.Errorf("unexpected %s in %s", w, list(ms))
				}
			}
		})
	}
}

// TestDescriptionsNeverCross checks that a description nests names and
// other descriptions but never crosses them, on phrases that tempt it to.
func TestDescriptionsNeverCross(t *testing.T) {
	for _, text := range []string{
		"Hillary Clinton's campaign spokesman Brian Fallon said the Clinton campaign's aides left.",
		"The Ukrainian government and the government of Russia met officials from the Kremlin.",
		"The 34-year-old mother of three replied that U.S. Senate Majority Leader aides said so.",
	} {
		d := &newsgraph.Document{Text: text}
		if err := (newsgraph.Pipeline{segment.Stage, tag.Stage, mention.Stage}).Run(d); err != nil {
			t.Fatal(err)
		}
		checkInvariants(t, d)
		noCrossing(t, d)
	}
}

func noCrossing(t *testing.T, d *newsgraph.Document) {
	t.Helper()
	for i, a := range d.Mentions {
		for _, b := range d.Mentions[i+1:] {
			if b.Start >= a.End {
				break
			}
			if b.End > a.End {
				t.Fatalf("mentions cross: %q %d-%d and %q %d-%d", a.Text, a.Start, a.End, b.Text, b.Start, b.End)
			}
		}
		if a.Sentence >= 0 && a.Sentence < len(d.Sentences) {
			s := d.Sentences[a.Sentence]
			if a.Start < s.Start || a.End > s.End {
				t.Fatalf("mention %q leaves its sentence", a.Text)
			}
		}
	}
}

// FuzzDescriptions checks the invariants of the mention stage, with
// descriptions, on any text: spans inside the text and their sentence,
// ordered, Text as written, never crossing.
func FuzzDescriptions(f *testing.F) {
	for _, s := range []string{
		"Officials said the company's chief executive, a former governor of Ohio, quit.",
		"The ad’s narrator says: “the report,” the firm's aides told members of Congress.",
		"the the a an officials's 's 34 - year-old -- police police police",
		"A spokesman for for the the Clinton campaign's campaign's aides at Boeing",
		"",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		d := &newsgraph.Document{Text: text}
		if err := (newsgraph.Pipeline{segment.Stage, mention.Stage}).Run(d); err != nil {
			t.Fatal(err)
		}
		checkInvariants(t, d)
		noCrossing(t, d)
	})
}
