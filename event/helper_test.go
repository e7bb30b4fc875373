package event

import (
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/segment"
)

// testEntity describes an entity for a hand-built document: every
// occurrence of one of its forms (as whole words) becomes a mention.
type testEntity struct {
	name      string
	typ       newsgraph.EntityType
	standsFor string // name of the state it acts for, or ""
	forms     []string
}

type testTime struct{ text, value string }

// makeDoc segments text and adds mentions, entities and times by hand, as
// the earlier stages would.
func makeDoc(tb testing.TB, text, published string, ents []testEntity, times []testTime) *newsgraph.Document {
	tb.Helper()
	d := &newsgraph.Document{ID: "test", Text: text, Published: published, Language: "en"}
	if published != "" {
		t, err := time.Parse("2006-01-02", published)
		if err != nil {
			tb.Fatal(err)
		}
		d.Date = t
	}
	segment.Segment(d)
	index := map[string]int{}
	for i, e := range ents {
		index[e.name] = i
		d.Entities = append(d.Entities, newsgraph.Entity{Name: e.name, Type: e.typ, StandsFor: -1})
	}
	for i, e := range ents {
		if e.standsFor != "" {
			d.Entities[i].StandsFor = index[e.standsFor]
		}
	}
	taken := make([]bool, len(text))
	type form struct {
		s string
		e int
	}
	var forms []form
	for i, e := range ents {
		for _, f := range e.forms {
			forms = append(forms, form{f, i})
		}
	}
	// longest forms first, so that "the White House" wins over "White House"
	for i := range forms {
		for j := i + 1; j < len(forms); j++ {
			if len(forms[j].s) > len(forms[i].s) {
				forms[i], forms[j] = forms[j], forms[i]
			}
		}
	}
	for _, f := range forms {
		for off := 0; ; {
			i := strings.Index(text[off:], f.s)
			if i < 0 {
				break
			}
			st, en := off+i, off+i+len(f.s)
			off = en
			if !boundary(text, st, en) || anyTaken(taken, st, en) {
				continue
			}
			for k := st; k < en; k++ {
				taken[k] = true
			}
			d.Mentions = append(d.Mentions, newsgraph.Mention{Start: st, End: en, Text: text[st:en],
				Kind: newsgraph.NameMention, Type: ents[f.e].typ, Entity: f.e, Sentence: d.SentenceOf(st)})
		}
	}
	for _, tt := range times {
		i := strings.Index(text, tt.text)
		if i < 0 {
			tb.Fatalf("time %q not in text", tt.text)
		}
		d.Times = append(d.Times, newsgraph.Time{Start: i, End: i + len(tt.text), Text: tt.text, Type: newsgraph.Date,
			Value: tt.value, Sentence: d.SentenceOf(i)})
	}
	return d
}

func boundary(text string, st, en int) bool {
	if st > 0 {
		r, _ := utf8.DecodeLastRuneInString(text[:st])
		if unicode.IsLetter(r) {
			return false
		}
	}
	if en < len(text) {
		r, _ := utf8.DecodeRuneInString(text[en:])
		if unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

func anyTaken(taken []bool, st, en int) bool {
	for k := st; k < en; k++ {
		if taken[k] {
			return true
		}
	}
	return false
}

// world is a small cast for the tests.
var world = []testEntity{
	{name: "Donald Trump", typ: newsgraph.Person, forms: []string{"Donald Trump", "Trump"}},
	{name: "Volodymyr Zelensky", typ: newsgraph.Person, forms: []string{"Volodymyr Zelensky", "Zelensky", "Selensky"}},
	{name: "JD Vance", typ: newsgraph.Person, forms: []string{"JD Vance", "Vance"}},
	{name: "Vladimir Putin", typ: newsgraph.Person, forms: []string{"Vladimir Putin", "Putin"}},
	{name: "Steve Witkoff", typ: newsgraph.Person, forms: []string{"Steve Witkoff", "Witkoff"}},
	{name: "United States", typ: newsgraph.GPE, forms: []string{"United States", "USA", "US"}},
	{name: "Ukraine", typ: newsgraph.GPE, forms: []string{"Ukraine", "Ukrainian"}},
	{name: "Russia", typ: newsgraph.GPE, forms: []string{"Russia", "Russian"}},
	{name: "Poland", typ: newsgraph.GPE, forms: []string{"Poland"}},
	{name: "Crimea", typ: newsgraph.GPE, forms: []string{"Crimea"}},
	{name: "Moscow", typ: newsgraph.GPE, standsFor: "Russia", forms: []string{"Moscow", "the Kremlin"}},
	{name: "Kyiv", typ: newsgraph.GPE, standsFor: "Ukraine", forms: []string{"Kyiv", "KYIV", "Kiev"}},
	{name: "Washington", typ: newsgraph.GPE, standsFor: "United States", forms: []string{"Washington"}},
	{name: "White House", typ: newsgraph.Fac, standsFor: "United States", forms: []string{"White House"}},
	{name: "Rome", typ: newsgraph.GPE, forms: []string{"Rome"}},
	{name: "NATO", typ: newsgraph.Org, forms: []string{"NATO", "Nato"}},
}
