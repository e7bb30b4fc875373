package event

import (
	"os"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/segment"
)

// fuzzDoc segments text and makes every capitalised word a mention of one
// of a few entities (some standing for others), and every number a time, so
// that the rules see arguments everywhere.
func fuzzDoc(text string) *newsgraph.Document {
	d := &newsgraph.Document{ID: "fuzz", Text: text}
	segment.Segment(d)
	d.Entities = []newsgraph.Entity{
		{Name: "A", Type: newsgraph.Person, StandsFor: -1},
		{Name: "B", Type: newsgraph.GPE, StandsFor: -1},
		{Name: "C", Type: newsgraph.GPE, StandsFor: 1},
		{Name: "D", Type: newsgraph.Org, StandsFor: -1},
		{Name: "E", Type: newsgraph.Fac, StandsFor: 1},
	}
	for _, t := range d.Tokens {
		r, _ := utf8.DecodeRuneInString(t.Text)
		switch {
		case t.Kind == newsgraph.Word && unicode.IsUpper(r):
			e := int(t.Text[len(t.Text)-1]) % len(d.Entities)
			d.Mentions = append(d.Mentions, newsgraph.Mention{Start: t.Start, End: t.End, Text: t.Text,
				Kind: newsgraph.NameMention, Type: d.Entities[e].Type, Entity: e, Sentence: t.Sentence})
		case t.Kind == newsgraph.Number:
			d.Times = append(d.Times, newsgraph.Time{Start: t.Start, End: t.End, Text: t.Text, Type: newsgraph.Date,
				Value: "2020", Sentence: t.Sentence})
		}
	}
	if len(d.Tokens) > 2 {
		a, b := d.Tokens[1].Start, d.Tokens[len(d.Tokens)-1].End
		d.Quotes = append(d.Quotes, newsgraph.Quote{Kind: newsgraph.Direct, Start: a, End: b, Text: text[a:b], Speaker: -1})
	}
	return d
}

func FuzzFind(f *testing.F) {
	if b, err := os.ReadFile("../../shared/examples/rome-meeting.txt"); err == nil {
		f.Add(string(b))
	}
	for _, s := range []string{
		"Trump and Zelensky have met in Rome.",
		"KYIV, April 26 (Reuters) - Ukraine and Poland signed an agreement on grain exports.",
		"A meeting between A, B and C led to a scandal in the White House.",
		"Putin has always demanded that Zelensky withdraw his decree.",
		"Crimea, which Russia annexed in 2014, or territories annexed by Moscow.",
		"„Kyiv was shelled“, said Ms. Ölgärd — «the Kremlin» did not accept it.\r\n\r\nBoth sides would sign.",
		"Ukraine also does not insist on joining NATO. No agreement.",
		"met", "the talks between", "Both sides", "X's meeting", "urged B to",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) || len(text) > 1<<16 {
			return
		}
		d := fuzzDoc(text)
		Find(d)
		checkInvariants(t, d)
		// running twice gives the same events
		n := len(d.Events)
		Find(d)
		if len(d.Events) != n {
			t.Fatalf("second run: %d events, first %d", len(d.Events), n)
		}
	})
}

func BenchmarkFind(b *testing.B) {
	raw, err := os.ReadFile("../../shared/examples/rome-meeting.txt")
	if err != nil {
		b.Skip("model article not present")
	}
	text := strings.Repeat(string(raw)+"\n\n", 20)
	d := makeDoc(b, text, "2025-04-26", world, nil)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		Find(d)
	}
}
