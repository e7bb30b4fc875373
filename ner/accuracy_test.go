package ner_test

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/internal/shared"
	"github.com/newsgraph/newsgraph/kb"
	"github.com/newsgraph/newsgraph/mention"
	"github.com/newsgraph/newsgraph/ner"
	"github.com/newsgraph/newsgraph/ner/corpus"
	"github.com/newsgraph/newsgraph/segment"
	"github.com/newsgraph/newsgraph/tag"
)

// counts are exact-span matches of one type.
type counts struct{ tp, fp, fn int }

func (c counts) prf() (p, r, f float64) {
	p = float64(c.tp) / float64(max(1, c.tp+c.fp))
	r = float64(c.tp) / float64(max(1, c.tp+c.fn))
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return
}

type score struct {
	byType map[string]*counts
	all    counts
	errors []string
}

func newScore() *score {
	return &score{byType: map[string]*counts{"PER": {}, "ORG": {}, "LOC": {}}}
}

// add compares predicted and gold spans of one document (types PER, ORG,
// LOC; others are not scored).
func (s *score) add(text string, gold, pred map[[2]int]string) {
	for sp, g := range gold {
		if p, ok := pred[sp]; ok && p == g {
			s.byType[g].tp++
			s.all.tp++
		} else {
			s.byType[g].fn++
			s.all.fn++
			s.errors = append(s.errors, fmt.Sprintf("FN %s (pred %q) %q%s", g, p, text[sp[0]:sp[1]], errContext(text, sp)))
		}
	}
	for sp, p := range pred {
		if g, ok := gold[sp]; !ok || g != p {
			s.byType[p].fp++
			s.all.fp++
			s.errors = append(s.errors, fmt.Sprintf("FP %s (gold %q) %q%s", p, g, text[sp[0]:sp[1]], errContext(text, sp)))
		}
	}
}

// errContext is the line around an error when NER_ERRORS=context.
func errContext(text string, sp [2]int) string {
	if os.Getenv("NER_ERRORS") != "context" {
		return ""
	}
	a := strings.LastIndexByte(text[:sp[0]], '\n') + 1
	b := strings.IndexByte(text[sp[1]:], '\n')
	if b < 0 {
		b = len(text)
	} else {
		b += sp[1]
	}
	return " in " + strconv.Quote(text[a:b])
}

func (s *score) report(t *testing.T, name string) float64 {
	t.Helper()
	var b strings.Builder
	fmt.Fprintf(&b, "%s, exact span:\n  type      P      R      F1   gold\n", name)
	for _, k := range []string{"PER", "ORG", "LOC"} {
		c := *s.byType[k]
		p, r, f := c.prf()
		fmt.Fprintf(&b, "  %-4s  %.3f  %.3f  %.3f  %5d\n", k, p, r, f, c.tp+c.fn)
	}
	p, r, f := s.all.prf()
	fmt.Fprintf(&b, "  all   %.3f  %.3f  %.3f  %5d", p, r, f, s.all.tp+s.all.fn)
	t.Log(b.String())
	if os.Getenv("NER_ERRORS") != "" {
		sort.Strings(s.errors)
		for _, e := range s.errors {
			t.Log(e)
		}
	}
	return f
}

func conllLabel(t newsgraph.EntityType) string {
	switch t {
	case newsgraph.Person:
		return "PER"
	case newsgraph.Org:
		return "ORG"
	case newsgraph.GPE, newsgraph.Loc, newsgraph.Fac:
		return "LOC"
	}
	return ""
}

// mentionDocs runs segment, tag and the mention stage (which uses the
// tagger) over docs and scores its name mentions.
func mentionDocs(t *testing.T, docs []corpus.Doc) *score {
	t.Helper()
	s := newScore()
	for _, cd := range docs {
		d := &newsgraph.Document{Text: cd.Text}
		segment.Segment(d)
		if err := tag.Stage.Process(d); err != nil {
			t.Fatal(err)
		}
		mention.Find(d)
		gold := map[[2]int]string{}
		for _, g := range cd.Spans {
			if g.Type != "MISC" {
				gold[[2]int{g.Start, g.End}] = g.Type
			}
		}
		pred := map[[2]int]string{}
		for _, m := range d.Mentions {
			if l := conllLabel(m.Type); l != "" && m.Kind == newsgraph.NameMention {
				pred[[2]int{m.Start, m.End}] = l
			}
		}
		s.add(cd.Text, gold, pred)
	}
	return s
}

// tagDocs runs segment, tag and the tagger over docs and scores the spans.
func tagDocs(t *testing.T, docs []corpus.Doc) *score {
	t.Helper()
	m := testModel(t)
	tagger, err := tag.Default()
	if err != nil {
		t.Fatal(err)
	}
	s := newScore()
	for _, cd := range docs {
		d := &newsgraph.Document{Text: cd.Text}
		segment.Segment(d)
		tagger.Tag(d)
		gold := map[[2]int]string{}
		for _, g := range cd.Spans {
			if g.Type != "MISC" {
				gold[[2]int{g.Start, g.End}] = g.Type
			}
		}
		pred := map[[2]int]string{}
		for _, sp := range m.Find(d) {
			if l := conllLabel(sp.Type); l != "" {
				pred[[2]int{sp.Start, sp.End}] = l
			}
		}
		s.add(cd.Text, gold, pred)
	}
	return s
}

// The floors below are the figures measured when the model was trained,
// less a margin, so that a regression fails the test.

// TestCoNLL2003 measures the tagger on the CoNLL-2003 English test set, which
// it was not trained on (evaluation only: nothing of it is kept).
func TestCoNLL2003(t *testing.T) {
	docs, err := corpus.ReadCoNLL(shared.Path(t, "data/conll2003-english/test.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if f := tagDocs(t, docs).report(t, "CoNLL-2003 test (tagger alone)"); f < conllFloor {
		t.Errorf("F1 %.3f fell below %.3f", f, conllFloor)
	}
	mentionDocs(t, docs).report(t, "CoNLL-2003 test (mention stage; its own test checks the floor)")
}

// TestCoNLLValid measures the tagger on the CoNLL-2003 English validation
// set: the figure the trainer's settings are chosen by (the test set is
// measured, not tuned on). Evaluation only: nothing of it is kept.
func TestCoNLLValid(t *testing.T) {
	docs, err := corpus.ReadCoNLL(shared.Path(t, "data/conll2003-english/valid.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if f := tagDocs(t, docs).report(t, "CoNLL-2003 valid (tagger alone)"); f < conllValidFloor {
		t.Errorf("F1 %.3f fell below %.3f", f, conllValidFloor)
	}
	mentionDocs(t, docs).report(t, "CoNLL-2003 valid (mention stage)")
}

// TestMEANTIMEHeldOut measures the tagger on the MEANTIME articles held out
// of training.
func TestMEANTIMEHeldOut(t *testing.T) {
	all, err := corpus.ReadMEANTIME(shared.Path(t, "data/meantime-english"), guessType)
	if err != nil {
		t.Fatal(err)
	}
	var docs []corpus.Doc
	for _, d := range all {
		if corpus.MEANTIMEHeldOut(d.ID) {
			docs = append(docs, d)
		}
	}
	if f := tagDocs(t, docs).report(t, fmt.Sprintf("MEANTIME held out (%d articles)", len(docs))); f < meantimeFloor {
		t.Errorf("F1 %.3f fell below %.3f", f, meantimeFloor)
	}
	mentionDocs(t, docs).report(t, "MEANTIME held out (mention stage)")
}

// TestGUMHeldOut measures the tagger on the Wikinews documents of the GUM
// test split, held out of training.
func TestGUMHeldOut(t *testing.T) {
	dir := shared.Path(t, "data/gum")
	ids, err := corpus.GUMWikinews(dir)
	if err != nil {
		t.Fatal(err)
	}
	test, err := corpus.GUMTest(dir)
	if err != nil {
		t.Fatal(err)
	}
	var docs []corpus.Doc
	for _, id := range ids {
		if !test[id] {
			continue
		}
		d, err := corpus.ReadGUM(dir, id, kb.IsTitleWord)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	if f := tagDocs(t, docs).report(t, fmt.Sprintf("GUM Wikinews test split (%d documents)", len(docs))); f < gumFloor {
		t.Errorf("F1 %.3f fell below %.3f", f, gumFloor)
	}
	mentionDocs(t, docs).report(t, "GUM Wikinews test split (mention stage)")
}

func guessType(name string) string {
	e, ok := kb.Lookup(name)
	if !ok {
		return ""
	}
	return conllLabel(e.Type)
}

// testModel is the embedded model, or the model file named by $NER_MODEL
// (for comparing models before one is committed).
func testModel(t testing.TB) *ner.Model {
	t.Helper()
	if p := os.Getenv("NER_MODEL"); p != "" {
		data, err := os.ReadFile(filepath.Clean(p))
		if err != nil {
			t.Fatal(err)
		}
		m, err := ner.Load(data)
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	m, err := ner.Default()
	if err != nil {
		t.Fatal(err)
	}
	return m
}
