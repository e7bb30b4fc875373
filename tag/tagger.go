package tag

import (
	"fmt"
	"slices"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/tag/internal/feature"
)

// Tagger is a trained part-of-speech model. It is immutable after loading
// and safe for concurrent use.
type Tagger struct {
	tags []string // Penn tags; Token.POS points at these strings

	// lex holds what the model knows of a word form: its tag when it
	// always takes one (the tag dictionary), its row of wordScores, and
	// its ambiguity class. One lookup per token.
	lex map[string]lexEntry
	// forms holds lex again for fast lookup (lookupForm): the forms of
	// up to formKeyBytes bytes inline in the slots of an open-addressing
	// table, so that a lookup reads one slot instead of a map's control
	// word, slot and key bytes; the longer forms stay in lex alone.
	forms    []formSlot
	formMask uint32

	// the weight table: open addressing over feature hashes. A slot holds
	// the hash in its low 32 bits (0 = empty) and offset<<8 | count of the
	// feature's entries in its high 32 bits, so that a probe touches one
	// cache line; entries[k] = tag<<16 | uint16(weight).
	slots   []uint64
	entries []uint32
	mask    uint32

	// wordScores holds, for each vocabulary word, the sum of the weights of
	// the features that depend on the word alone (feature.WordFeatures) and
	// of its token features (feature.TokenFeatures) where it does not start
	// the sentence, so that a known word costs one lookup instead of
	// feature.NWord+feature.NToken. The sums are exact (integers): the
	// scores are those of adding the features one by one.
	wordScores []int32

	// tagScores holds, for each pair of tags before a token (the
	// previous one p1 and the one before it p2, either also the sentence
	// start), the sum of the weights of the features of that pair alone
	// (the first feature.NTags context features): row p1*(nt+1)+p2, with
	// the start as tag nt.
	tagScores []int32

	// prevScores and nextScores hold, for each word of the lexicon, the
	// sum of the weights of the features that it gives the token after it
	// (feature.PrevFeatures) and the token before it
	// (feature.NextFeatures): two rows instead of six feature lookups a
	// token. Row 0 is zeros, row 1 holds the sentence boundary's. The sums
	// are exact; they are kept in int16, half the memory, except for the
	// words whose sums do not fit (one in ten, frequent ones: to, I, have),
	// whose rows are in prevWide and nextWide. lexEntry.nb is the row, with
	// wideRow set for those.
	prevScores, nextScores []int16
	prevWide, nextWide     []int32
	boundary               uint16 // the nb of the sentence boundary
}

// wideRow marks the rows of Tagger.prevWide and nextWide in lexEntry.nb.
const wideRow = 1 << 15

type lexEntry struct {
	row   int32  // row of wordScores, -1 if none
	class uint32 // feature.ClassHash of its ambiguity class
	tag   int16  // its only tag, -1 if it may take several
	nb    uint16 // row of prevScores and nextScores (or of the wide ones)
}

// formKeyBytes is the longest form kept inline in a formSlot, chosen so
// that a slot takes 32 bytes, two to a cache line.
const formKeyBytes = 15

// formSlot is a slot of Tagger.forms; n == 0 marks an empty one.
type formSlot struct {
	hash  uint32
	entry lexEntry
	n     uint8
	key   [formKeyBytes]byte
}

// formHash is FNV-1a over the bytes of a form.
func formHash[S string | []byte](w S) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(w); i++ {
		h = (h ^ uint32(w[i])) * 16777619
	}
	return h
}

// buildForms fills t.forms from t.lex.
func (t *Tagger) buildForms() {
	size := 1
	for size < 2*len(t.lex)+1 {
		size <<= 1
	}
	t.forms = make([]formSlot, size)
	t.formMask = uint32(size - 1)
	for w, e := range t.lex {
		if len(w) == 0 || len(w) > formKeyBytes {
			continue
		}
		h := formHash(w)
		i := h & t.formMask
		for t.forms[i].n != 0 {
			i = (i + 1) & t.formMask
		}
		s := &t.forms[i]
		s.hash, s.entry, s.n = h, e, uint8(len(w))
		copy(s.key[:], w)
	}
}

// lookupForm returns t.lex[string(w)].
func lookupForm[S string | []byte](t *Tagger, w S) (lexEntry, bool) {
	if len(w) == 0 || len(w) > formKeyBytes {
		e, ok := t.lex[string(w)]
		return e, ok
	}
	h := formHash(w)
	for i := h & t.formMask; ; i = (i + 1) & t.formMask {
		s := &t.forms[i]
		if s.n == 0 {
			return lexEntry{}, false
		}
		if s.hash == h && int(s.n) == len(w) && string(s.key[:len(w)]) == string(w) {
			return s.entry, true
		}
	}
}

// scratch is the per-sentence working memory of the tagger.
type scratch struct {
	infos []feature.Info
	lex   []lexEntry
}

// newTagger builds the run-time tables of a model.
func newTagger(m *feature.Model) (*Tagger, error) {
	if len(m.Tags) == 0 || len(m.Tags) > feature.MaxTags {
		return nil, fmt.Errorf("%w: %d tags", feature.ErrBadModel, len(m.Tags))
	}
	t := &Tagger{tags: m.Tags, lex: make(map[string]lexEntry, len(m.Vocab)+len(m.Dict))}
	size := 1
	for size < 2*len(m.Features)+1 {
		size <<= 1
	}
	t.slots = make([]uint64, size)
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
		for t.slots[slot] != 0 {
			if uint32(t.slots[slot]) == f.Hash {
				return nil, fmt.Errorf("%w: feature %08x twice", feature.ErrBadModel, f.Hash)
			}
			slot = (slot + 1) & t.mask
		}
		t.slots[slot] = uint64(uint32(len(t.entries))<<8|uint32(len(f.Tags)))<<32 | uint64(f.Hash)
		for k, tg := range f.Tags {
			t.entries = append(t.entries, uint32(tg)<<16|uint32(uint16(f.Weights[k])))
		}
	}
	if len(m.Classes) != len(m.Vocab) {
		return nil, fmt.Errorf("%w: %d classes for %d words", feature.ErrBadModel, len(m.Classes), len(m.Vocab))
	}
	nt := len(t.tags)
	t.wordScores = make([]int32, 0, len(m.Vocab)*nt)
	var wi feature.Info
	var feats [feature.N]uint32
	var scores [feature.MaxTags]int32
	for i, w := range m.Vocab {
		if _, dup := t.lex[w]; dup {
			continue
		}
		feature.Describe(w, &wi)
		feature.WordFeatures(&wi, &feats)
		clear(scores[:])
		t.addAll(feats[:feature.NWord], &scores)
		t.lex[w] = lexEntry{row: int32(len(t.wordScores) / nt), class: feature.ClassHash(m.Classes[i]), tag: -1}
		t.wordScores = append(t.wordScores, scores[:nt]...)
	}
	for w, tg := range m.Dict {
		e, ok := t.lex[w]
		if !ok {
			e = lexEntry{row: -1}
		}
		e.tag = int16(tg)
		t.lex[w] = e
	}
	t.tagScores = make([]int32, 0, (nt+1)*(nt+1)*nt)
	var ctx [feature.N]uint32
	for p1 := range nt + 1 {
		for p2 := range nt + 1 {
			feature.ContextFeatures([]feature.Info{{}}, 0, tagByte(p1, nt), tagByte(p2, nt), &ctx)
			clear(scores[:])
			t.addAll(ctx[feature.NWord:feature.NWord+feature.NTags], &scores)
			t.tagScores = append(t.tagScores, scores[:nt]...)
		}
	}
	if err := t.buildNeighbours(); err != nil {
		return nil, err
	}
	t.buildForms()
	// the token features need the classes of the whole lexicon (the
	// lowercased form's too), so they are added once it is complete
	var tokenFeats [feature.NToken]uint32
	for w, e := range t.lex {
		if e.row < 0 {
			continue
		}
		t.describe(w, e, &wi)
		feature.TokenFeatures(&wi, false, &tokenFeats)
		row := t.wordScores[int(e.row)*nt : int(e.row+1)*nt]
		clear(scores[:])
		t.addAll(tokenFeats[:], &scores)
		for k := range row {
			row[k] += scores[k]
		}
	}
	return t, nil
}

// prevMask and nextMask are feature.PrevFeatures and feature.NextFeatures
// as bit sets.
var prevMask, nextMask = func() (p, n uint32) {
	for _, k := range feature.PrevFeatures {
		p |= 1 << k
	}
	for _, k := range feature.NextFeatures {
		n |= 1 << k
	}
	return p, n
}()

// buildNeighbours fills prevScores and nextScores (and the wide ones) and
// gives the words of t.lex their rows.
func (t *Tagger) buildNeighbours() error {
	nt := len(t.tags)
	if len(t.lex)+2 > wideRow {
		return fmt.Errorf("%w: %d words", feature.ErrBadModel, len(t.lex))
	}
	t.prevScores = make([]int16, nt, (len(t.lex)+2)*nt)
	t.nextScores = make([]int16, nt, (len(t.lex)+2)*nt)
	var ctx [feature.N]uint32
	var prev, next [feature.MaxTags]int32
	// add gives the neighbour sums of ctx a row and returns its nb
	add := func() uint16 {
		clear(prev[:])
		clear(next[:])
		var fs [len(feature.NextFeatures)]uint32
		for k, i := range feature.PrevFeatures {
			fs[k] = ctx[i]
		}
		t.addAll(fs[:len(feature.PrevFeatures)], &prev)
		for k, i := range feature.NextFeatures {
			fs[k] = ctx[i]
		}
		t.addAll(fs[:], &next)
		fits := true
		for k := range nt {
			fits = fits && prev[k] == int32(int16(prev[k])) && next[k] == int32(int16(next[k]))
		}
		if !fits {
			nb := uint16(len(t.prevWide)/nt) | wideRow
			t.prevWide = append(t.prevWide, prev[:nt]...)
			t.nextWide = append(t.nextWide, next[:nt]...)
			return nb
		}
		nb := uint16(len(t.prevScores) / nt)
		for k := range nt {
			t.prevScores = append(t.prevScores, int16(prev[k]))
			t.nextScores = append(t.nextScores, int16(next[k]))
		}
		return nb
	}
	// the boundary: a one-token sentence has it on either side
	feature.ContextFeatures([]feature.Info{{}}, 0, 0, 0, &ctx)
	t.boundary = add()
	// in sorted order, so that the rows do not depend on the map's order
	words := make([]string, 0, len(t.lex))
	for w := range t.lex {
		words = append(words, w)
	}
	slices.Sort(words)
	infos := make([]feature.Info, 3)
	for _, w := range words {
		e := t.lex[w]
		feature.Describe(w, &infos[1])
		infos[1].Class = e.class
		infos[0], infos[2] = infos[1], infos[1]
		// the middle token's neighbours are both w
		feature.ContextFeatures(infos, 1, 0, 0, &ctx)
		e.nb = add()
		t.lex[w] = e
	}
	return nil
}

// addNeighbour adds to scores the row nb of prev (or of wide).
func addNeighbour(scores *[feature.MaxTags]int32, nb uint16, prev []int16, wide []int32, nt int) {
	if nb&wideRow != 0 {
		for k, v := range wide[int(nb&^wideRow)*nt:][:nt] {
			scores[k] += v
		}
		return
	}
	for k, v := range prev[int(nb)*nt:][:nt] {
		scores[k] += int32(v)
	}
}

// tagByte is the tag index that ContextFeatures takes for row index i of
// tagScores: the start for nt.
func tagByte(i, nt int) uint8 {
	if i == nt {
		return feature.StartTag
	}
	return uint8(i)
}

// Tags returns the tag set of the model.
func (t *Tagger) Tags() []string { return t.tags }

// addAll adds the weights of the features fs to scores. It first finds
// every feature's slot and loads the first of its entries, then adds the
// entries: the slot and entry loads of different features do not depend on
// each other, so the processor overlaps their cache misses, where adding
// the entries of one feature after the other would wait for each in turn.
func (t *Tagger) addAll(fs []uint32, scores *[feature.MaxTags]int32) {
	var found [feature.N]uint32 // offset<<8 | count of each found feature
	var first [feature.N]uint32 // its first entry
	n := 0
	for _, f := range fs {
		slot := f & t.mask
		e := t.slots[slot]
		for uint32(e) != f && e != 0 {
			slot = (slot + 1) & t.mask
			e = t.slots[slot]
		}
		if e != 0 {
			v := uint32(e >> 32)
			found[n] = v
			first[n] = t.entries[v>>8]
			n++
		}
	}
	for k, v := range found[:n] {
		e := first[k]
		scores[e>>16&(feature.MaxTags-1)] += int32(int16(e))
		for _, e := range t.entries[v>>8+1 : v>>8+v&0xff] {
			scores[e>>16&(feature.MaxTags-1)] += int32(int16(e))
		}
	}
}

// TagSentence sets POS on each token of one sentence.
func (t *Tagger) TagSentence(toks []newsgraph.Token) {
	var infos [64]feature.Info
	var lex [64]lexEntry
	sc := scratch{infos[:0], lex[:0]}
	t.tagSentence(toks, &sc)
}

// tagSentence tags one sentence, describing its tokens in sc (grown when
// too short, and kept for the next call).
func (t *Tagger) tagSentence(toks []newsgraph.Token, sc *scratch) {
	if cap(sc.infos) < len(toks) {
		sc.infos = make([]feature.Info, len(toks)+16)
		sc.lex = make([]lexEntry, len(toks)+16)
	}
	infos := sc.infos[:len(toks)]
	lex := sc.lex[:len(toks)]
	for i := range toks {
		e, ok := lookupForm(t, toks[i].Text)
		if !ok {
			e = lexEntry{row: -1, tag: -1}
		}
		lex[i] = e
		feature.Describe(toks[i].Text, &infos[i])
		infos[i].Class = e.class
		// LowerClass is read by the token's own features only: a
		// vocabulary word after the first has them in its row
		if (i == 0 || e.row < 0) && e.tag < 0 && infos[i].HasUpper() {
			infos[i].LowerClass = t.lowerClass(toks[i].Text)
		}
	}
	nt := len(t.tags)
	p1, p2 := uint8(feature.StartTag), uint8(feature.StartTag)
	r1, r2 := nt, nt // p1 and p2 as rows of tagScores
	var scores [feature.MaxTags]int32
	for i := range toks {
		e := lex[i]
		if e.tag >= 0 {
			toks[i].POS = t.tags[e.tag]
			p2, p1 = p1, uint8(e.tag)
			r2, r1 = r1, int(e.tag)
			continue
		}
		t.score(infos, lex, i, p1, p2, r1*(nt+1)+r2, &scores)
		best, top := 0, scores[0]
		for k := 1; k < nt; k++ {
			if scores[k] > top {
				best, top = k, scores[k]
			}
		}
		toks[i].POS = t.tags[best]
		p2, p1 = p1, uint8(best)
		r2, r1 = r1, best
	}
}

// score sets scores[:len(t.tags)] to the scores of token i of a sentence
// described by infos and lex, after the tags p1 and p2 (pairRow the row of
// tagScores for the two).
func (t *Tagger) score(infos []feature.Info, lex []lexEntry, i int, p1, p2 uint8, pairRow int, scores *[feature.MaxTags]int32) {
	nt := len(t.tags)
	e := lex[i]
	var feats, fs [feature.N]uint32
	feature.ContextFeatures(infos, i, p1, p2, &feats)
	n := 0
	if e.row >= 0 && i > 0 {
		copy(scores[:nt], t.wordScores[int(e.row)*nt:int(e.row+1)*nt])
	} else {
		// an unknown word, or a known one starting the sentence, whose
		// token features differ from its row's
		clear(scores[:nt])
		feature.WordFeatures(&infos[i], &feats)
		n = copy(fs[:], feats[:feature.NWord])
		n += copy(fs[n:], feats[feature.N-feature.NToken:])
	}
	// the neighbours' rows, or their features when they have none
	prevRow, nextRow := t.boundary, t.boundary
	if i > 0 {
		prevRow = lex[i-1].nb
	}
	if i+1 < len(lex) {
		nextRow = lex[i+1].nb
	}
	skip := uint32(0)
	if prevRow != 0 {
		skip |= prevMask
	}
	if nextRow != 0 {
		skip |= nextMask
	}
	for k := feature.NWord + feature.NTags; k < feature.N-feature.NToken; k++ {
		if skip>>k&1 == 0 {
			fs[n] = feats[k]
			n++
		}
	}
	t.addAll(fs[:n], scores)
	pair := t.tagScores[pairRow*nt:][:nt]
	if (prevRow|nextRow)&wideRow == 0 {
		prev := t.prevScores[int(prevRow)*nt:][:nt]
		next := t.nextScores[int(nextRow)*nt:][:nt]
		for k, v := range pair {
			scores[k] += v + int32(prev[k]) + int32(next[k])
		}
	} else {
		for k, v := range pair {
			scores[k] += v
		}
		addNeighbour(scores, prevRow, t.prevScores, t.prevWide, nt)
		addNeighbour(scores, nextRow, t.nextScores, t.nextWide, nt)
	}
}

// describe fills wi for the vocabulary word w with lexicon entry e as
// tagSentence does for a token w.
func (t *Tagger) describe(w string, e lexEntry, wi *feature.Info) {
	feature.Describe(w, wi)
	wi.Class = e.class
	if wi.HasUpper() {
		wi.LowerClass = t.lowerClass(w)
	}
}

// lowerClass returns the ambiguity class of the lowercased form of w, 0
// when unknown. It lowercases ASCII letters only, into a stack buffer.
func (t *Tagger) lowerClass(w string) uint32 {
	var buf [48]byte
	if len(w) > len(buf) {
		return 0
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	e, _ := lookupForm(t, buf[:len(w)])
	return e.class
}

// Tag sets POS on every token of every sentence of d.
func (t *Tagger) Tag(d *newsgraph.Document) {
	longest := 0
	for _, s := range d.Sentences {
		longest = max(longest, s.EndToken-s.FirstToken)
	}
	sc := &scratch{make([]feature.Info, longest), make([]lexEntry, longest)}
	covered := 0
	for _, s := range d.Sentences {
		if s.FirstToken < covered || s.EndToken > len(d.Tokens) || s.FirstToken > s.EndToken {
			continue // malformed segmentation; tagged below as a whole
		}
		if s.FirstToken > covered {
			t.tagSentence(d.Tokens[covered:s.FirstToken], sc)
		}
		t.tagSentence(d.Tokens[s.FirstToken:s.EndToken], sc)
		covered = s.EndToken
	}
	if covered < len(d.Tokens) {
		t.tagSentence(d.Tokens[covered:], sc)
	}
}
