package ner

import (
	"math/rand/v2"

	"github.com/newsgraph/newsgraph"
)

// Example is one training sentence: its features and gold labels.
type Example struct {
	feats   []uint32
	gold    []int8 // -1: unknown (a corpus that annotates only some names)
	partial bool
}

// Trainer learns a Model with the averaged structured perceptron. It is
// used by tools/train-ner; it is not safe for concurrent use.
type Trainer struct {
	m     Model // its bits; the features are computed with it
	w     []float32
	u     []float64 // sum of step*update, for averaging
	trans [NumLabels + 1][NumLabels]float32
	tu    [NumLabels + 1][NumLabels]float64
	step  float64
}

// NewTrainer returns a trainer with a table of 1<<bits feature rows.
func NewTrainer(bits uint) *Trainer {
	rows := 1 << bits
	return &Trainer{
		m: Model{bits: bits},
		w: make([]float32, rows*NumLabels),
		u: make([]float64, rows*NumLabels),
	}
}

// SetLists sets the gazetteer entries (GazetteerBuilder.Entries) and the
// case table (CaseEntries) that the features of the next examples are
// computed with. The trainer gives each part of the data lists built from
// the other parts, so that the model learns how far a list is to be
// trusted for a word it may not hold, as at run time.
func (tr *Trainer) SetLists(names, cases []uint32) {
	tr.m.gaz, tr.m.cases = table(names), table(cases)
}

func table(entries []uint32) *gazetteer {
	if len(entries) == 0 {
		return nil
	}
	return newGazetteer(entries)
}

// Examples turns a segmented (and POS-tagged) document into training
// sentences; gold holds the label index of every token of d, or -1 where
// the label is unknown.
func (tr *Trainer) Examples(d *newsgraph.Document, gold []int8) []Example {
	sc := new(scratch)
	documentLower(d, sc)
	var out []Example
	for si := range d.Sentences {
		s := &d.Sentences[si]
		toks := d.Tokens[s.FirstToken:s.EndToken]
		if len(toks) == 0 || len(toks) > 256 {
			continue
		}
		tr.m.sentenceInfo(d.Text, toks, sc)
		tr.m.features(toks, sc)
		ex := Example{
			feats: append([]uint32(nil), sc.feats...),
			gold:  append([]int8(nil), gold[s.FirstToken:s.EndToken]...),
		}
		for _, g := range ex.gold {
			if g < 0 {
				ex.partial = true
			}
		}
		out = append(out, ex)
	}
	return out
}

// Epoch makes one pass over examples in an order shuffled by rng and returns
// the share of tokens labelled correctly before each update.
func (tr *Trainer) Epoch(examples []Example, rng *rand.Rand) float64 {
	order := rng.Perm(len(examples))
	var scores []float32
	var back, pred, goldBuf []int8
	right, all := 0, 0
	for _, k := range order {
		ex := &examples[k]
		n := len(ex.gold)
		scores = tr.score(ex.feats, n, scores)
		if cap(back) < n*NumLabels {
			back = make([]int8, n*NumLabels)
			pred = make([]int8, n)
		}
		pred = pred[:n]
		viterbi(scores, &tr.trans, n, back[:n*NumLabels], pred)
		tr.step++
		gold := ex.gold
		if ex.partial {
			// tokens of unknown label take the guess: no update there
			gold = append(goldBuf[:0], ex.gold...)
			goldBuf = gold
			for i, g := range gold {
				if g < 0 {
					gold[i] = pred[i]
				}
			}
		}
		for i := 0; i < n; i++ {
			all++
			if pred[i] == gold[i] {
				right++
			} else {
				for _, f := range ex.feats[i*NumFeatures : (i+1)*NumFeatures] {
					tr.update(int(f)*NumLabels+int(gold[i]), 1)
					tr.update(int(f)*NumLabels+int(pred[i]), -1)
				}
			}
			gp, pp := NumLabels, NumLabels
			if i > 0 {
				gp, pp = int(gold[i-1]), int(pred[i-1])
			}
			if gp != pp || gold[i] != pred[i] {
				tr.updateTrans(gp, int(gold[i]), 1)
				tr.updateTrans(pp, int(pred[i]), -1)
			}
		}
	}
	return float64(right) / float64(max(1, all))
}

func (tr *Trainer) score(feats []uint32, n int, scores []float32) []float32 {
	if cap(scores) < n*NumLabels {
		scores = make([]float32, n*NumLabels)
	}
	scores = scores[:n*NumLabels]
	clear(scores)
	for i := 0; i < n; i++ {
		row := scores[i*NumLabels : (i+1)*NumLabels]
		for _, f := range feats[i*NumFeatures : (i+1)*NumFeatures] {
			w := tr.w[int(f)*NumLabels : int(f)*NumLabels+NumLabels]
			for l := range row {
				row[l] += w[l]
			}
		}
	}
	return scores
}

func (tr *Trainer) update(i int, d float32) {
	tr.w[i] += d
	tr.u[i] += tr.step * float64(d)
}

func (tr *Trainer) updateTrans(p, c int, d float32) {
	tr.trans[p][c] += d
	tr.tu[p][c] += tr.step * float64(d)
}

// Model returns the averaged weights as a model with the gazetteer and
// case table given; quantised weights smaller than prune in magnitude are
// dropped.
func (tr *Trainer) Model(prune int, names, cases []uint32) *Model {
	avg := make([]float32, len(tr.w))
	c := tr.step + 1
	for i, w := range tr.w {
		avg[i] = float32(float64(w) - tr.u[i]/c)
	}
	var trans [NumLabels + 1][NumLabels]float32
	for i := range trans {
		for j := range trans[i] {
			trans[i][j] = float32(float64(tr.trans[i][j]) - tr.tu[i][j]/c)
		}
	}
	return quantize(tr.m.bits, avg, &trans, prune, table(names), table(cases))
}
