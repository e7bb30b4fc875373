package tag

import (
	"fmt"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/tag/internal/feature"
)

// Tagger is a trained part-of-speech model. It is immutable after loading
// and safe for concurrent use.
type Tagger struct {
	tags []string         // Penn tags; Token.POS points at these strings
	dict map[string]uint8 // frequent words that always take one tag

	// the weight table: open addressing over feature hashes (0 = empty).
	// vals[slot] = offset<<8 | count of the feature's entries;
	// entries[k] = tag<<16 | uint16(weight).
	keys    []uint32
	vals    []uint32
	entries []uint32
	mask    uint32

	// wordIndex maps frequent word forms to a row of wordScores: the sum of
	// the weights of the features that depend on the word alone, so that a
	// known word costs one lookup instead of feature.NWord.
	wordIndex  map[string]int32
	wordScores []int32
}

// newTagger builds the run-time tables of a model.
func newTagger(m *feature.Model) (*Tagger, error) {
	if len(m.Tags) == 0 || len(m.Tags) > feature.MaxTags {
		return nil, fmt.Errorf("%w: %d tags", feature.ErrBadModel, len(m.Tags))
	}
	t := &Tagger{tags: m.Tags, dict: m.Dict}
	size := 1
	for size < 2*len(m.Features)+1 {
		size <<= 1
	}
	t.keys = make([]uint32, size)
	t.vals = make([]uint32, size)
	t.mask = uint32(size - 1)
	n := 0
	for _, f := range m.Features {
		n += len(f.Tags)
	}
	if n >= 1<<24 {
		return nil, fmt.Errorf("%w: %d weights", feature.ErrBadModel, n)
	}
	t.entries = make([]uint32, 0, n)
	for _, f := range m.Features {
		if f.Hash == 0 || len(f.Tags) == 0 {
			continue
		}
		slot := f.Hash & t.mask
		for t.keys[slot] != 0 {
			if t.keys[slot] == f.Hash {
				return nil, fmt.Errorf("%w: feature %08x twice", feature.ErrBadModel, f.Hash)
			}
			slot = (slot + 1) & t.mask
		}
		t.keys[slot] = f.Hash
		t.vals[slot] = uint32(len(t.entries))<<8 | uint32(len(f.Tags))
		for k, tg := range f.Tags {
			t.entries = append(t.entries, uint32(tg)<<16|uint32(uint16(f.Weights[k])))
		}
	}
	t.wordIndex = make(map[string]int32, len(m.Vocab))
	nt := len(t.tags)
	t.wordScores = make([]int32, 0, len(m.Vocab)*nt)
	var wi feature.Info
	var feats [feature.N]uint32
	var scores [feature.MaxTags]int32
	for _, w := range m.Vocab {
		if _, dup := t.wordIndex[w]; dup {
			continue
		}
		feature.Describe(w, &wi)
		feature.WordFeatures(&wi, &feats)
		clear(scores[:])
		for _, f := range feats[:feature.NWord] {
			t.add(f, &scores)
		}
		t.wordIndex[w] = int32(len(t.wordScores) / nt)
		t.wordScores = append(t.wordScores, scores[:nt]...)
	}
	return t, nil
}

// Tags returns the tag set of the model.
func (t *Tagger) Tags() []string { return t.tags }

// add adds the weights of feature f to scores.
func (t *Tagger) add(f uint32, scores *[feature.MaxTags]int32) {
	slot := f & t.mask
	for {
		k := t.keys[slot]
		if k == f {
			break
		}
		if k == 0 {
			return
		}
		slot = (slot + 1) & t.mask
	}
	v := t.vals[slot]
	for _, e := range t.entries[v>>8 : v>>8+v&0xff] {
		scores[e>>16&(feature.MaxTags-1)] += int32(int16(e))
	}
}

// TagSentence sets POS on each token of one sentence.
func (t *Tagger) TagSentence(toks []newsgraph.Token) {
	var buf [64]feature.Info
	t.tagSentence(toks, buf[:0])
}

// tagSentence tags one sentence, describing its tokens in scratch (grown
// when too short) and returning the scratch for the next call.
func (t *Tagger) tagSentence(toks []newsgraph.Token, scratch []feature.Info) []feature.Info {
	if cap(scratch) < len(toks) {
		scratch = make([]feature.Info, len(toks)+16)
	}
	infos := scratch[:len(toks)]
	feature.DescribeSentence(toks, infos)
	nt := len(t.tags)
	p1, p2 := uint8(feature.StartTag), uint8(feature.StartTag)
	var feats [feature.N]uint32
	var scores [feature.MaxTags]int32
	for i := range toks {
		if tg, ok := t.dict[toks[i].Text]; ok {
			toks[i].POS = t.tags[tg]
			p2, p1 = p1, tg
			continue
		}
		if row, ok := t.wordIndex[toks[i].Text]; ok {
			copy(scores[:nt], t.wordScores[int(row)*nt:int(row+1)*nt])
		} else {
			clear(scores[:nt])
			feature.WordFeatures(&infos[i], &feats)
			for _, f := range feats[:feature.NWord] {
				t.add(f, &scores)
			}
		}
		feature.ContextFeatures(infos, i, p1, p2, &feats)
		for _, f := range feats[feature.NWord:] {
			t.add(f, &scores)
		}
		best := 0
		for k := 1; k < nt; k++ {
			if scores[k] > scores[best] {
				best = k
			}
		}
		toks[i].POS = t.tags[best]
		p2, p1 = p1, uint8(best)
	}
	return scratch
}

// Tag sets POS on every token of every sentence of d.
func (t *Tagger) Tag(d *newsgraph.Document) {
	longest := 0
	for _, s := range d.Sentences {
		longest = max(longest, s.EndToken-s.FirstToken)
	}
	scratch := make([]feature.Info, longest)
	covered := 0
	for _, s := range d.Sentences {
		if s.FirstToken < covered || s.EndToken > len(d.Tokens) || s.FirstToken > s.EndToken {
			continue // malformed segmentation; tagged below as a whole
		}
		if s.FirstToken > covered {
			scratch = t.tagSentence(d.Tokens[covered:s.FirstToken], scratch)
		}
		scratch = t.tagSentence(d.Tokens[s.FirstToken:s.EndToken], scratch)
		covered = s.EndToken
	}
	if covered < len(d.Tokens) {
		t.tagSentence(d.Tokens[covered:], scratch)
	}
}
