package ner_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/ner"
	"github.com/newsgraph/newsgraph/segment"
	"github.com/newsgraph/newsgraph/tag"
)

// spansOf segments, tags and runs the tagger over text, and returns the
// names as "Type:text".
func spansOf(t testing.TB, m *ner.Model, text string) []string {
	d := &newsgraph.Document{Text: text}
	segment.Segment(d)
	if err := tag.Stage.Process(d); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, s := range m.Find(d) {
		if s.Type != "" {
			out = append(out, fmt.Sprintf("%s:%s", s.Type, s.Text(d.Text)))
		}
	}
	return out
}

func TestFind(t *testing.T) {
	m := testModel(t)
	cases := []struct {
		name, text string
		want       []string
	}{
		{"people and a place", "Barack Obama met Mitt Romney in Texas on Monday.",
			[]string{"PERSON:Barack Obama", "PERSON:Mitt Romney", "GPE:Texas"}},
		{"organisation with of", "He studied at the University of Oxford before joining Goldman Sachs.",
			[]string{"ORG:University of Oxford", "ORG:Goldman Sachs"}},
		{"company and city", "Shares of General Motors fell 3 percent in New York.",
			[]string{"ORG:General Motors", "GPE:New York"}},
		{"possessive left outside", "The meeting with Vladimir Putin's envoy took place in Moscow.",
			[]string{"PERSON:Vladimir Putin", "GPE:Moscow"}},
		{"title outside the name", "President Vladimir Putin spoke to reporters in the Kremlin.",
			[]string{"PERSON:Vladimir Putin", "FAC:Kremlin"}},
		{"company and spokesman", "A spokesman for Microsoft Corp said the company would appeal.",
			[]string{"ORG:Microsoft Corp"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := spansOf(t, m, c.text)
			if strings.Join(got, "|") != strings.Join(c.want, "|") {
				t.Errorf("%q:\n got %q\nwant %q", c.text, got, c.want)
			}
		})
	}
}
