package ner

import (
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/segment"
)

// TestGazetteerMatch checks the longest match of the gazetteer, in any
// case, with connectors inside a name and not across a lowercase word.
func TestGazetteerMatch(t *testing.T) {
	b := NewGazetteerBuilder()
	add := func(name string, typ int) {
		d := &newsgraph.Document{Text: name}
		segment.Segment(d)
		h, ok := NameHash(d, 0, len(d.Tokens))
		if !ok {
			t.Fatalf("%q is not a name", name)
		}
		b.Add(h, typ)
	}
	add("Bank of England", 1)
	add("England", 2)
	add("Wigan", 1)
	add("Wigan", 2)
	add("Wigan", 2)
	add("Wigan", 2)
	add("Wigan", 2)
	add("Wigan", 2) // ORG in one of six: below a share of 0.2
	m := &Model{gaz: newGazetteer(b.Entries(0.2, nil))}
	cases := []struct {
		text string
		want []uint8 // gazPos<<4 | gazTypes of each token
	}{
		{"The Bank of England said", []uint8{0, 1<<4 | 2, 2<<4 | 2, 3<<4 | 2, 0}},
		{"THE BANK OF ENGLAND SAID", []uint8{0, 1<<4 | 2, 2<<4 | 2, 3<<4 | 2, 0}},
		{"Bank of the England", []uint8{0, 0, 0, 4<<4 | 4}},
		{"Wigan won", []uint8{4<<4 | 4, 0}},
		{"England", []uint8{4<<4 | 4}},
	}
	for _, c := range cases {
		d := &newsgraph.Document{Text: c.text}
		segment.Segment(d)
		sc := new(scratch)
		m.sentenceInfo(d.Text, d.Tokens, sc)
		for i, w := range c.want {
			if got := sc.info[i].gazPos<<4 | sc.info[i].gazTypes; got != w {
				t.Errorf("%q token %d %q: got %#x, want %#x", c.text, i, d.Tokens[i].Text, got, w)
			}
		}
	}
}

// TestCaseTable checks the classes of the case table: a word mostly in
// lowercase, mostly capitalised inside a sentence, or both.
func TestCaseTable(t *testing.T) {
	c := NewCaseCounts()
	d := &newsgraph.Document{Text: "The market fell. Shares in Brown fell as the market fell. " +
		"Markets rose. The brown dog saw Brown and Smith and Smith."}
	segment.Segment(d)
	c.AddDocument(d)
	m := &Model{cases: newGazetteer(c.Entries(1))}
	class := func(w string) uint8 {
		var buf [64]byte
		tok := newsgraph.Token{Text: w}
		return m.infoOf(&tok, &buf, false, nil).caseClass
	}
	cases := []struct {
		word string
		want uint8
	}{
		{"Market", caseLower}, // "market" twice, never capitalised inside a sentence
		{"Smith", caseUpper},
		{"Brown", caseMixed},
		{"Zanzibar", 0}, // not seen
		{"market", 0},   // a lowercase word is not looked up
	}
	for _, k := range cases {
		if got := class(k.word); got != k.want {
			t.Errorf("%s: class %d, want %d", k.word, got, k.want)
		}
	}
}
