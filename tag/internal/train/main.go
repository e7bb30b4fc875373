// Command train trains the part-of-speech model of package tag: an averaged
// perceptron with greedy left-to-right decoding, on the train split of UD
// English EWT re-tokenised by our segmenter (see package ud). It picks the
// number of epochs on the dev split, reports accuracy on dev and test (and on
// GUM when given), and writes the model file.
//
//	go run ./tag/internal/train -ud ../shared/data/ud-english-ewt \
//	    -gum ../shared/data/ud-english-gum -out tag/model/pos.bin.gz
//
// Training is deterministic: the sentences are shuffled with a fixed seed and
// every map is walked in sorted order.
package main

import (
	"bytes"
	"cmp"
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/tag"
	"github.com/newsgraph/newsgraph/tag/internal/feature"
	"github.com/newsgraph/newsgraph/tag/internal/ud"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		os.Exit(1)
	}
}

type options struct {
	udDir, gumDir, out string
	epochs             int
	seed               uint64
	dictMin            int
	dictRatio          float64
	vocabSize          int
	prune              int
	extra              string
	confusions         int
	classMin           int
	classShare         float64
}

func run(args []string) error {
	fs := flag.NewFlagSet("train", flag.ContinueOnError)
	var o options
	fs.StringVar(&o.udDir, "ud", "", "folder of UD English EWT (en_ewt-ud-{train,dev,test}.conllu)")
	fs.StringVar(&o.gumDir, "gum", "", "folder of UD English GUM, for an out-of-domain test (optional)")
	fs.StringVar(&o.extra, "extra", "", "comma-separated extra CoNLL-U training files (optional)")
	fs.StringVar(&o.out, "out", "", "model file to write")
	fs.IntVar(&o.epochs, "epochs", 10, "most epochs; the best on dev is kept")
	fs.Uint64Var(&o.seed, "seed", 1, "seed of the shuffle")
	fs.IntVar(&o.dictMin, "dict-min", 20, "least count of a word for the tag dictionary")
	fs.Float64Var(&o.dictRatio, "dict-ratio", 0.995, "least share of its main tag for a word in the tag dictionary")
	fs.IntVar(&o.vocabSize, "vocab", 30000, "most words in the vocabulary (word features summed at load, ambiguity classes)")
	fs.IntVar(&o.classMin, "class-min", 3, "least count of a word for the vocabulary")
	fs.Float64Var(&o.classShare, "class-share", 0.05, "least share of a tag of a word for its ambiguity class")
	fs.IntVar(&o.prune, "prune", 400, "drop quantised weights (largest = 32000) smaller than this in magnitude")
	fs.IntVar(&o.confusions, "confusions", 0, "print the most frequent dev errors (gold→guess) and this many of each")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if o.udDir == "" || o.out == "" {
		return fmt.Errorf("need -ud and -out")
	}
	load := func(path string) ([]ud.Sentence, error) {
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		s, err := ud.Read(f)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", path, err)
		}
		return s, nil
	}
	train, err := load(filepath.Join(o.udDir, "en_ewt-ud-train.conllu"))
	if err != nil {
		return err
	}
	if o.extra != "" {
		for _, p := range strings.Split(o.extra, ",") {
			s, err := load(p)
			if err != nil {
				return err
			}
			train = append(train, s...)
		}
	}
	dev, err := load(filepath.Join(o.udDir, "en_ewt-ud-dev.conllu"))
	if err != nil {
		return err
	}
	test, err := load(filepath.Join(o.udDir, "en_ewt-ud-test.conllu"))
	if err != nil {
		return err
	}
	fmt.Printf("train %d sentences, dev %d, test %d\n", len(train), len(dev), len(test))

	m := newModelSkeleton(train, o)
	fmt.Printf("%d tags, %d dictionary words, %d vocabulary words\n", len(m.Tags), len(m.Dict), len(m.Vocab))
	p := newPerceptron(m)
	p.sentClasses = jackknifeClasses(train, m, o)
	rng := rand.New(rand.NewPCG(o.seed, o.seed^0x9e3779b97f4a7c15))
	order := make([]int, len(train))
	for i := range order {
		order[i] = i
	}
	var best []byte
	bestAcc, bestEpoch := -1.0, 0
	for epoch := 1; epoch <= o.epochs; epoch++ {
		start := time.Now()
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		correct, total := 0, 0
		for _, i := range order {
			c, n := p.trainSentence(&train[i], i)
			correct += c
			total += n
		}
		data, err := p.encode(o.prune, header(o))
		if err != nil {
			return err
		}
		tg, err := tag.Load(data)
		if err != nil {
			return err
		}
		acc := accuracy(tg, dev)
		fmt.Printf("epoch %2d: train %.4f  dev %.4f  (%d features, %d bytes, %s)\n",
			epoch, float64(correct)/float64(total), acc, p.rows(), len(data), time.Since(start).Round(time.Millisecond))
		if acc > bestAcc {
			best, bestAcc, bestEpoch = data, acc, epoch
		}
	}
	tg, err := tag.Load(best)
	if err != nil {
		return err
	}
	fmt.Printf("kept epoch %d: dev %.4f  test %.4f\n", bestEpoch, bestAcc, accuracy(tg, test))
	fmt.Printf("without pieces of longer treebank words: dev %.4f  test %.4f\n", accuracyOf(tg, dev, true), accuracyOf(tg, test, true))
	if o.confusions > 0 {
		printConfusions(tg, dev, o.confusions)
	}
	if o.gumDir != "" {
		for _, split := range []string{"dev", "test"} {
			g, err := load(filepath.Join(o.gumDir, "en_gum-ud-"+split+".conllu"))
			if err != nil {
				return err
			}
			fmt.Printf("GUM %s (out of domain): %.4f\n", split, accuracy(tg, g))
		}
	}
	if err := os.WriteFile(o.out, best, 0o644); err != nil {
		return err
	}
	fmt.Printf("wrote %s (%d bytes)\n", o.out, len(best))
	return nil
}

func header(o options) string {
	return "Part-of-speech model (Penn tags) for github.com/newsgraph/newsgraph/tag.\n" +
		"Trained on UD English EWT (Universal Dependencies English Web Treebank), train split,\n" +
		"licence CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/); this model is shared under the same licence.\n" +
		fmt.Sprintf("Command: go run ./tag/internal/train -ud <ud-english-ewt> -out <file> -epochs %d -seed %d -dict-min %d -dict-ratio %g -vocab %d -class-min %d -class-share %g -prune %d",
			o.epochs, o.seed, o.dictMin, o.dictRatio, o.vocabSize, o.classMin, o.classShare, o.prune) + extraNote(o) + "\n"
}

func extraNote(o options) string {
	if o.extra == "" {
		return ""
	}
	var names []string
	for _, p := range strings.Split(o.extra, ",") {
		names = append(names, filepath.Base(p))
	}
	return " -extra " + strings.Join(names, ",")
}

// accuracy tags the sentences with tg and returns the share of tokens whose
// tag is the gold one.
func accuracy(tg *tag.Tagger, sents []ud.Sentence) float64 {
	return accuracyOf(tg, sents, false)
}

// accuracyOf is accuracy, leaving out the tokens that are pieces of a
// longer treebank word when skipPartial is set.
func accuracyOf(tg *tag.Tagger, sents []ud.Sentence, skipPartial bool) float64 {
	correct, total := 0, 0
	for _, s := range sents {
		toks := slices.Clone(s.Tokens)
		tg.TagSentence(toks)
		for i := range toks {
			if s.Partial[i] && skipPartial {
				continue
			}
			if toks[i].POS == s.Gold[i] {
				correct++
			}
			total++
		}
	}
	return float64(correct) / float64(max(total, 1))
}

// newModelSkeleton chooses the tag set, the tag dictionary and the
// vocabulary from the training data.
func newModelSkeleton(train []ud.Sentence, o options) *feature.Model {
	tagCount := map[string]int{}
	wordTags := map[string]map[string]int{}
	wordCount := map[string]int{}
	for _, s := range train {
		for i, t := range s.Tokens {
			g := s.Gold[i]
			tagCount[g]++
			wordCount[t.Text]++
			if wordTags[t.Text] == nil {
				wordTags[t.Text] = map[string]int{}
			}
			wordTags[t.Text][g]++
		}
	}
	m := &feature.Model{Dict: map[string]uint8{}}
	for t := range tagCount {
		m.Tags = append(m.Tags, t)
	}
	slices.Sort(m.Tags)
	index := map[string]uint8{}
	for i, t := range m.Tags {
		index[t] = uint8(i)
	}
	words := make([]string, 0, len(wordCount))
	for w := range wordCount {
		words = append(words, w)
	}
	slices.SortFunc(words, func(a, b string) int {
		return cmp.Or(cmp.Compare(wordCount[b], wordCount[a]), cmp.Compare(a, b))
	})
	for _, w := range words {
		n := wordCount[w]
		if n < o.dictMin {
			break
		}
		tag, most := "", 0
		for t, c := range wordTags[w] {
			if c > most || c == most && t < tag {
				tag, most = t, c
			}
		}
		if float64(most)/float64(n) >= o.dictRatio {
			m.Dict[w] = index[tag]
		}
	}
	for _, w := range words {
		n := wordCount[w]
		if len(m.Vocab) >= o.vocabSize || n < o.classMin {
			break
		}
		var mask uint64
		for t, c := range wordTags[w] {
			if float64(c) >= o.classShare*float64(n) {
				mask |= 1 << index[t]
			}
		}
		m.Vocab = append(m.Vocab, w)
		m.Classes = append(m.Classes, mask)
	}
	return m
}

// perceptron is an averaged perceptron with lazy averaging: each weight
// remembers the step of its last change, and its running total is brought
// up to date only when it changes or when the model is written.
type perceptron struct {
	model *feature.Model
	index map[string]uint8 // tag → index
	ntags int
	row   map[uint32]int32 // feature → row of w, total, stamp
	w     []int32
	total []int64
	stamp []int32
	step  int32
	infos []feature.Info
	// sentClasses are the ambiguity classes of the tokens of each training
	// sentence, as learnt from the other sentences (jackknifing), so that
	// training sees classes as unreliable as at run time.
	sentClasses [][]uint32
}

func newPerceptron(m *feature.Model) *perceptron {
	p := &perceptron{model: m, index: map[string]uint8{}, ntags: len(m.Tags), row: map[uint32]int32{}}
	for i, t := range m.Tags {
		p.index[t] = uint8(i)
	}
	return p
}

func (p *perceptron) rows() int { return len(p.row) }

// trainSentence tags one sentence greedily with the current weights and
// corrects the weights where the guess is wrong. It returns how many of the
// tokens it tagged right and how many it tagged.
func (p *perceptron) trainSentence(s *ud.Sentence, si int) (correct, total int) {
	if cap(p.infos) < len(s.Tokens) {
		p.infos = make([]feature.Info, len(s.Tokens)*2)
	}
	infos := p.infos[:len(s.Tokens)]
	feature.DescribeSentence(s.Tokens, infos)
	for i := range infos {
		infos[i].Class = p.sentClasses[si][2*i]
		infos[i].LowerClass = p.sentClasses[si][2*i+1]
	}
	p1, p2 := uint8(feature.StartTag), uint8(feature.StartTag)
	var feats [feature.N]uint32
	var scores [feature.MaxTags]int64
	for i := range s.Tokens {
		gold := p.index[s.Gold[i]]
		if tg, ok := p.model.Dict[s.Tokens[i].Text]; ok {
			p2, p1 = p1, tg
			continue
		}
		feature.WordFeatures(&infos[i], &feats)
		feature.ContextFeatures(infos, i, p1, p2, &feats)
		clear(scores[:])
		for _, f := range feats {
			if r, ok := p.row[f]; ok {
				base := int(r) * p.ntags
				for k := range p.ntags {
					scores[k] += int64(p.w[base+k])
				}
			}
		}
		guess := 0
		for k := 1; k < p.ntags; k++ {
			if scores[k] > scores[guess] {
				guess = k
			}
		}
		p.step++
		if uint8(guess) != gold {
			for _, f := range feats {
				base := p.rowOf(f)
				p.bump(base+int(gold), 1)
				p.bump(base+guess, -1)
			}
		} else {
			correct++
		}
		total++
		p2, p1 = p1, uint8(guess)
	}
	return correct, total
}

func (p *perceptron) rowOf(f uint32) int {
	r, ok := p.row[f]
	if !ok {
		r = int32(len(p.row))
		p.row[f] = r
		p.w = append(p.w, make([]int32, p.ntags)...)
		p.total = append(p.total, make([]int64, p.ntags)...)
		p.stamp = append(p.stamp, make([]int32, p.ntags)...)
	}
	return int(r) * p.ntags
}

func (p *perceptron) bump(k int, by int32) {
	p.total[k] += int64(p.step-p.stamp[k]) * int64(p.w[k])
	p.stamp[k] = p.step
	p.w[k] += by
}

// encode writes the averaged weights, scaled to int16 and pruned, as a
// model file.
func (p *perceptron) encode(prune int, hdr string) ([]byte, error) {
	avg := make([]float64, len(p.w))
	maxAbs := 0.0
	for k := range p.w {
		t := p.total[k] + int64(p.step-p.stamp[k])*int64(p.w[k])
		avg[k] = float64(t) / float64(max(p.step, 1))
		maxAbs = max(maxAbs, math.Abs(avg[k]))
	}
	scale := 32000 / max(maxAbs, 1e-9)
	feats := make([]uint32, 0, len(p.row))
	for f := range p.row {
		feats = append(feats, f)
	}
	slices.Sort(feats)
	m := *p.model
	m.Header = hdr
	m.Features = m.Features[:0:0]
	for _, f := range feats {
		base := int(p.row[f]) * p.ntags
		var fw feature.Weights
		for k := range p.ntags {
			q := math.Round(avg[base+k] * scale)
			if math.Abs(q) < float64(prune) {
				continue
			}
			fw.Tags = append(fw.Tags, uint8(k))
			fw.Weights = append(fw.Weights, int16(q))
		}
		if len(fw.Tags) > 0 {
			fw.Hash = f
			m.Features = append(m.Features, fw)
		}
	}
	var buf bytes.Buffer
	if err := m.Write(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// printConfusions prints the commonest kinds of error on sents, with
// examples, to guide the choice of features.
func printConfusions(tg *tag.Tagger, sents []ud.Sentence, examples int) {
	type pair struct{ gold, guess string }
	count := map[pair]int{}
	words := map[pair]map[string]int{}
	for _, s := range sents {
		toks := slices.Clone(s.Tokens)
		tg.TagSentence(toks)
		for i := range toks {
			if toks[i].POS != s.Gold[i] {
				k := pair{s.Gold[i], toks[i].POS}
				count[k]++
				if words[k] == nil {
					words[k] = map[string]int{}
				}
				words[k][toks[i].Text]++
			}
		}
	}
	pairs := make([]pair, 0, len(count))
	for k := range count {
		pairs = append(pairs, k)
	}
	slices.SortFunc(pairs, func(a, b pair) int {
		return cmp.Or(cmp.Compare(count[b], count[a]), cmp.Compare(a.gold, b.gold), cmp.Compare(a.guess, b.guess))
	})
	for _, k := range pairs[:min(25, len(pairs))] {
		ws := make([]string, 0, len(words[k]))
		for w := range words[k] {
			ws = append(ws, w)
		}
		slices.SortFunc(ws, func(a, b string) int { return cmp.Or(cmp.Compare(words[k][b], words[k][a]), cmp.Compare(a, b)) })
		fmt.Printf("%5d %s→%s: %s\n", count[k], k.gold, k.guess, strings.Join(ws[:min(examples, len(ws))], " "))
	}
}

// jackknifeClasses gives each token of the training data the ambiguity
// class its word would have if its tenth of the data had not been seen.
func jackknifeClasses(train []ud.Sentence, m *feature.Model, o options) [][]uint32 {
	const folds = 10
	index := map[string]uint8{}
	for i, t := range m.Tags {
		index[t] = uint8(i)
	}
	type counts struct {
		n    int
		tags [feature.MaxTags]int
	}
	total := map[string]*counts{}
	add := func(dst map[string]*counts, w, t string) {
		c := dst[w]
		if c == nil {
			c = &counts{}
			dst[w] = c
		}
		c.n++
		c.tags[index[t]]++
	}
	for _, s := range train {
		for i, t := range s.Tokens {
			add(total, t.Text, s.Gold[i])
		}
	}
	out := make([][]uint32, len(train))
	minCount := max(1, o.classMin*(folds-1)/folds)
	for k := range folds {
		fold := map[string]*counts{}
		for si := k; si < len(train); si += folds {
			for i, t := range train[si].Tokens {
				add(fold, t.Text, train[si].Gold[i])
			}
		}
		class := func(w string) uint32 {
			all, mine := total[w], fold[w]
			if all == nil {
				return 0
			}
			n := all.n
			if mine != nil {
				n -= mine.n
			}
			if n < minCount {
				return 0
			}
			var mask uint64
			for g := range m.Tags {
				c := all.tags[g]
				if mine != nil {
					c -= mine.tags[g]
				}
				if c > 0 && float64(c) >= o.classShare*float64(n) {
					mask |= 1 << g
				}
			}
			return feature.ClassHash(mask)
		}
		for si := k; si < len(train); si += folds {
			cl := make([]uint32, 2*len(train[si].Tokens))
			for i, t := range train[si].Tokens {
				cl[2*i] = class(t.Text)
				if low := strings.ToLower(t.Text); low != t.Text {
					cl[2*i+1] = class(low)
				}
			}
			out[si] = cl
		}
	}
	return out
}
