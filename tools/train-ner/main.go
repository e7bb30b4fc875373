// Command train-ner trains the named-entity model of package ner and writes
// it to ner/model/ner.bin.gz:
//
//	go run ./tools/train-ner -data ../shared/data -out ner/model/ner.bin.gz
//
// It learns only from data whose licence allows shipping what is learned:
// WikiANN English (all three files), the Wikinews documents of GUM (news and
// interviews) less the GUM test split, and MEANTIME English less every
// fourth article (corpus.MEANTIMEHeldOut); the held-out documents measure
// the model in package ner's tests. The texts are segmented and POS-tagged
// by the project's own stages, so that the model sees at training time the
// tokens it sees at run time. A share of the documents is added again in
// capitals, as news headlines are written.
//
// It also builds the two lists the model carries: a gazetteer of the
// training data's names by type, and a case table of how the training texts
// (and the sentences of UD English EWT train) write each word. The data is
// cut into four parts by document id; the features of each part are
// computed with lists built from the other three, so that the model learns
// how far a list is to be trusted for a name it may not hold (at run time
// the lists hold the names of all four parts).
//
// Training is deterministic: documents are read in sorted order and the
// sentences shuffled with a fixed seed.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/kb"
	"github.com/newsgraph/newsgraph/ner"
	"github.com/newsgraph/newsgraph/ner/corpus"
	"github.com/newsgraph/newsgraph/segment"
	"github.com/newsgraph/newsgraph/tag"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "train-ner:", err)
		os.Exit(1)
	}
}

type options struct {
	data, out          string
	epochs             int
	seed               uint64
	bits               uint
	prune              int
	upper              float64
	wikiann, fragments bool
	meantime           bool
	newsRepeat         int
	gazetteer          bool
	gazFolds           int
	gazShare           float64
	caseMin            int
	ewt                bool
	gazFragments       bool
	misc               string
}

func run(args []string) error {
	fs := flag.NewFlagSet("train-ner", flag.ContinueOnError)
	var o options
	fs.StringVar(&o.data, "data", "../shared/data", "folder of the public data sets")
	fs.StringVar(&o.out, "out", "ner/model/ner.bin.gz", "model file to write")
	fs.IntVar(&o.epochs, "epochs", 2, "passes over the training sentences")
	fs.Uint64Var(&o.seed, "seed", 1, "seed of the shuffle and of the choice of documents put in capitals")
	fs.UintVar(&o.bits, "bits", 17, "log2 of the number of feature rows")
	fs.IntVar(&o.prune, "prune", 1, "drop quantised weights smaller than this in magnitude (1: none)")
	fs.Float64Var(&o.upper, "upper", 0.2, "share of documents added again in capitals")
	fs.BoolVar(&o.wikiann, "wikiann", true, "train on WikiANN")
	fs.BoolVar(&o.meantime, "meantime", true, "train on MEANTIME (its names are annotated only in part: capitalised words outside them count as unknown)")
	fs.BoolVar(&o.fragments, "fragments", false, "keep the WikiANN sentences that are nothing but names")
	fs.IntVar(&o.newsRepeat, "news-repeat", 25, "times each GUM and MEANTIME document is trained on")
	fs.BoolVar(&o.gazetteer, "gazetteer", true, "gazetteer features from the names of the training data")
	fs.IntVar(&o.gazFolds, "gaz-folds", 4, "parts of the data whose features are computed with a gazetteer of the other parts")
	fs.Float64Var(&o.gazShare, "gaz-share", 0.2, "share of a name's occurrences a type needs to be in its gazetteer mask")
	fs.IntVar(&o.caseMin, "case-min", 2, "times a word must be seen to enter the case table (0: no case table)")
	fs.BoolVar(&o.gazFragments, "gaz-fragments", false, "take the names of the WikiANN sentences that are nothing but names (lists, titles) into the gazetteer")
	fs.StringVar(&o.misc, "misc", "keep", "MISC names in training: keep, o (trained as no name) or unknown (no update on them)")
	fs.BoolVar(&o.ewt, "ewt", true, "count the words of UD English EWT (train) in the case table too")
	if err := fs.Parse(args); err != nil {
		return err
	}
	start := time.Now()
	docs, err := trainingDocs(o)
	if err != nil {
		return err
	}
	tagger, err := tag.Default()
	if err != nil {
		return err
	}
	rng := rand.New(rand.NewPCG(o.seed, o.seed^0x5eed))
	tr := ner.NewTrainer(o.bits)
	// segment, tag and label every document once; a share again in capitals
	var prepared []preparedDoc
	names := 0
	for _, cd := range docs {
		names += len(cd.Spans)
		p := prepare(tagger, cd)
		miscLabels(p.gold, o.misc)
		p.fold = foldOf(cd.ID, o.gazFolds)
		prepared = append(prepared, p)
		if rng.Float64() < o.upper {
			up := cd
			up.Text = asciiUpper(cd.Text)
			pu := prepare(tagger, up)
			miscLabels(pu.gold, o.misc)
			pu.fold, pu.upper = p.fold, true
			prepared = append(prepared, pu)
		}
	}
	// the gazetteer and case table of each part are built from the names
	// and words of the others
	nf := max(1, o.gazFolds)
	folds := make([]*ner.GazetteerBuilder, nf)
	foldCases := make([]*ner.CaseCounts, nf)
	for f := range folds {
		folds[f] = ner.NewGazetteerBuilder()
		foldCases[f] = ner.NewCaseCounts()
	}
	for _, p := range prepared {
		addNames(folds[p.fold], p)
		if !p.upper {
			foldCases[p.fold].AddDocument(p.d)
		}
	}
	if o.gazFragments {
		n := 0
		for _, f := range []string{"train", "dev", "test"} {
			all, err := corpus.ReadWikiANN(filepath.Join(o.data, "wikiann-english", f), 40, true)
			if err != nil {
				return err
			}
			for _, cd := range all {
				p := prepare(nil, cd)
				addNames(folds[foldOf(cd.ID, o.gazFolds)], p)
				n++
			}
		}
		fmt.Fprintf(os.Stderr, "gazetteer: names of %d WikiANN documents with lists\n", n)
	}
	extraCases := ner.NewCaseCounts()
	if o.ewt {
		if err := ewtCases(filepath.Join(o.data, "ud-english-ewt", "en_ewt-ud-train.conllu"), extraCases); err != nil {
			return err
		}
	}
	lists := func(skip int) (names, cases []uint32) {
		b, c := ner.NewGazetteerBuilder(), ner.NewCaseCounts()
		c.AddAll(extraCases)
		for f := range folds {
			if f != skip {
				b.AddAll(folds[f])
				c.AddAll(foldCases[f])
			}
		}
		if o.gazetteer {
			names = b.Entries(o.gazShare, c.Common)
		}
		if o.caseMin > 0 {
			cases = c.Entries(int32(o.caseMin))
		}
		return names, cases
	}
	gazAll, casesAll := lists(-1)
	var examples []ner.Example
	for f := range folds {
		tr.SetLists(lists(f))
		for _, p := range prepared {
			if p.fold == f {
				examples = append(examples, tr.Examples(p.d, p.gold)...)
			}
		}
	}
	fmt.Fprintf(os.Stderr, "gazetteer: %d names; case table: %d words\n", len(gazAll), len(casesAll))
	fmt.Fprintf(os.Stderr, "%d documents, %d names, %d sentences with capitals copies (%.1fs)\n",
		len(docs), names, len(examples), time.Since(start).Seconds())
	for e := 1; e <= o.epochs; e++ {
		t0 := time.Now()
		acc := tr.Epoch(examples, rng)
		fmt.Fprintf(os.Stderr, "epoch %2d: token accuracy %.4f (%.1fs)\n", e, acc, time.Since(t0).Seconds())
	}
	m := tr.Model(o.prune, gazAll, casesAll)
	if err := os.MkdirAll(filepath.Dir(o.out), 0o755); err != nil {
		return err
	}
	fh, err := os.Create(o.out)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(fh)
	if err := m.Encode(bw); err != nil {
		fh.Close()
		return err
	}
	if err := bw.Flush(); err != nil {
		fh.Close()
		return err
	}
	if err := fh.Close(); err != nil {
		return err
	}
	st, _ := os.Stat(o.out)
	fmt.Fprintf(os.Stderr, "wrote %s (%d bytes) in %.1fs\n", o.out, st.Size(), time.Since(start).Seconds())
	return nil
}

// trainingDocs reads the training part of every allowed corpus.
func trainingDocs(o options) ([]corpus.Doc, error) {
	var docs []corpus.Doc
	if o.wikiann {
		for _, f := range []string{"train", "dev", "test"} {
			d, err := corpus.ReadWikiANN(filepath.Join(o.data, "wikiann-english", f), 40, o.fragments)
			if err != nil {
				return nil, err
			}
			docs = append(docs, d...)
		}
	}
	gumDir := filepath.Join(o.data, "gum")
	ids, err := corpus.GUMWikinews(gumDir)
	if err != nil {
		return nil, err
	}
	held, err := corpus.GUMTest(gumDir)
	if err != nil {
		return nil, err
	}
	for _, id := range ids {
		if held[id] {
			continue
		}
		d, err := corpus.ReadGUM(gumDir, id, kb.IsTitleWord)
		if err != nil {
			return nil, err
		}
		for range o.newsRepeat {
			docs = append(docs, d)
		}
	}
	mt, err := corpus.ReadMEANTIME(filepath.Join(o.data, "meantime-english"), GuessType)
	if err != nil {
		return nil, err
	}
	for _, d := range mt {
		if o.meantime && !corpus.MEANTIMEHeldOut(d.ID) {
			d.Partial = true
			for range o.newsRepeat {
				docs = append(docs, d)
			}
		}
	}
	return docs, nil
}

// GuessType types a MEANTIME name that refers to no typed entity by the
// knowledge base.
func GuessType(name string) string {
	e, ok := kb.Lookup(name)
	if !ok {
		return ""
	}
	switch e.Type {
	case newsgraph.Person:
		return "PER"
	case newsgraph.Org:
		return "ORG"
	case newsgraph.GPE, newsgraph.Loc, newsgraph.Fac:
		return "LOC"
	}
	return "MISC"
}

// foldOf assigns a document to one of n parts by its id, so that the copies
// of a document trained on several times stay in one part.
func foldOf(id string, n int) int {
	h := fnv.New32a()
	h.Write([]byte(id))
	return int(h.Sum32() % uint32(max(1, n)))
}

// miscLabels rewrites the MISC labels of gold as mode says: "o" makes them
// no name, "unknown" unknown; "keep" keeps them.
func miscLabels(gold []int8, mode string) {
	b := int8(ner.LabelIndex("B-MISC"))
	for i, g := range gold {
		if g == b || g == b+1 {
			switch mode {
			case "o":
				gold[i] = 0
			case "unknown":
				gold[i] = -1
			}
		}
	}
}

// preparedDoc is a corpus document segmented, tagged and labelled.
type preparedDoc struct {
	d     *newsgraph.Document
	gold  []int8
	fold  int
	upper bool // a copy put in capitals
}

// prepare segments and tags (with a nil tagger: does not tag) a corpus
// document and labels its tokens.
func prepare(tagger *tag.Tagger, cd corpus.Doc) preparedDoc {
	d := &newsgraph.Document{Text: cd.Text}
	segment.Segment(d)
	if tagger != nil {
		tagger.Tag(d)
	}
	gold := corpus.Labels(d, cd.Spans)
	if cd.Partial {
		// a capitalised word outside the annotated names may be a name
		// that the corpus left out: its label is unknown
		for i, t := range d.Tokens {
			if gold[i] == 0 && t.Kind == newsgraph.Word && t.Text[0] >= 'A' && t.Text[0] <= 'Z' {
				gold[i] = -1
			}
		}
	}
	return preparedDoc{d: d, gold: gold}
}

// addNames counts the labelled names of a document in b.
func addNames(b *ner.GazetteerBuilder, p preparedDoc) {
	for i := 0; i < len(p.gold); i++ {
		g := p.gold[i]
		if g <= 0 || g%2 == 0 {
			continue
		}
		j := i + 1
		for j < len(p.gold) && p.gold[j] == g+1 {
			j++
		}
		if h, ok := ner.NameHash(p.d, i, j); ok {
			b.Add(h, int(g-1)/2)
		}
		i = j - 1
	}
}

// ewtCases counts the words of the sentences of a UD file ("# text =")
// in c, a hundred sentences to a document.
func ewtCases(path string, c *ner.CaseCounts) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var b strings.Builder
	n := 0
	flush := func() {
		d := &newsgraph.Document{Text: b.String()}
		segment.Segment(d)
		c.AddDocument(d)
		b.Reset()
	}
	for _, line := range strings.Split(string(data), "\n") {
		if text, ok := strings.CutPrefix(line, "# text = "); ok {
			b.WriteString(text)
			b.WriteString("\n\n")
			if n++; n%100 == 0 {
				flush()
			}
		}
	}
	flush()
	return nil
}

func asciiUpper(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'a' && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
	}
	return string(b)
}
