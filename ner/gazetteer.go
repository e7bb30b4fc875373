package ner

import (
	"slices"

	"github.com/newsgraph/newsgraph"
)

// A gazetteer is the set of names the training data holds (WikiANN, GUM,
// MEANTIME), each as a 28-bit hash of its lowercase words and a mask of the
// types it was annotated with (PER, ORG, LOC, MISC: bits 0-3). A name the
// tagger has never seen in context is still known when a list knows it, and
// the lowercase key makes a headline in capitals ("ROME TALKS") match as
// well as running text.
//
// It is an open-addressing table of 32-bit words (hash in the upper 28
// bits, type mask in the low 4; a zero word is an empty slot), built once at
// load and only read after: one or two cache lines a lookup, no allocation.
type gazetteer struct {
	slots []uint32
	mask  uint32 // len(slots)-1
}

// maxGazWords is the longest name, in tokens, that the gazetteer matches.
const maxGazWords = 6

// gazSeed starts the hash of a name; gazAdd adds a word's lowercase hash.
const gazSeed = 0x6a09e667f3bcc908

func gazAdd(h, lower uint64) uint64 { return mix(h, lower) }

// gazKey is the 28-bit key of a name hash, in the upper bits of a word.
func gazKey(h uint64) uint32 { return uint32(h>>32) &^ 0xf }

// newGazetteer builds the table from entries (key | type mask).
func newGazetteer(entries []uint32) *gazetteer {
	size := 1
	for size < 2*len(entries)+1 {
		size <<= 1
	}
	g := &gazetteer{slots: make([]uint32, size), mask: uint32(size - 1)}
	for _, e := range entries {
		if e&0xf == 0 {
			continue
		}
		i := (e >> 4) * 0x9E3779B1 & g.mask
		for g.slots[i] != 0 && g.slots[i]&^0xf != e&^0xf {
			i = (i + 1) & g.mask
		}
		g.slots[i] |= e
	}
	return g
}

// lookup returns the type mask of the name whose hash is h, or 0.
func (g *gazetteer) lookup(h uint64) uint8 {
	k := gazKey(h)
	i := (k >> 4) * 0x9E3779B1 & g.mask
	for {
		s := g.slots[i]
		if s == 0 {
			return 0
		}
		if s&^0xf == k {
			return uint8(s & 0xf)
		}
		i = (i + 1) & g.mask
	}
}

// entries returns the table's entries sorted, as Encode writes them.
func (g *gazetteer) entries() []uint32 {
	var out []uint32
	for _, s := range g.slots {
		if s != 0 {
			out = append(out, s)
		}
	}
	slices.Sort(out)
	return out
}

// gazMatch marks in sc.info the names of the sentence that the gazetteer
// holds: the longest match of up to maxGazWords tokens starting at a
// capitalised word and ending at a capitalised word or a number, left to
// right. gazPos is 1 (begin), 2 (inside), 3 (end) or 4 (single word);
// gazTypes is the type mask; gazWord is the mask of the word alone.
func (m *Model) gazMatch(toks []newsgraph.Token, sc *scratch) {
	g := m.gaz
	if g == nil {
		return
	}
	info := sc.info
	n := len(toks)
	for i := 0; i < n; i++ {
		if info[i].flags&fCap == 0 {
			continue
		}
		h := uint64(gazSeed)
		best, bestMask := 0, uint8(0)
		for k := 0; k < maxGazWords && i+k < n; k++ {
			h = gazAdd(h, info[i+k].lower)
			if info[i+k].flags&(fCap|fDigit) == 0 && k > 0 {
				// lowercase words inside a name ("Bank of England") are
				// kept in the hash; the name cannot end on one
				if !isNameConnector(info[i+k].lower) {
					break
				}
				continue
			}
			if mk := g.lookup(h); mk != 0 {
				best, bestMask = k+1, mk
				if k == 0 {
					info[i].gazWord = mk
				}
			}
		}
		switch best {
		case 0:
			continue
		case 1:
			info[i].gazPos, info[i].gazTypes = 4, bestMask
		default:
			for k := 0; k < best; k++ {
				p := uint8(2)
				if k == 0 {
					p = 1
				} else if k == best-1 {
					p = 3
				}
				info[i+k].gazPos, info[i+k].gazTypes = p, bestMask
			}
			i += best - 1
		}
	}
}

// connectors are the lowercase words that may stand inside a name.
var connectors = func() map[uint64]bool {
	out := map[uint64]bool{}
	for _, w := range []string{"of", "the", "and", "de", "for", "on", "in", "du", "la", "le", "van", "von", "der", "den", "del", "da", "di", "y", "&", "-", ".", "'", "at", "to", "al", "bin", "el"} {
		out[hashString(w)] = true
	}
	return out
}()

func isNameConnector(lower uint64) bool { return connectors[lower] }

// GazetteerBuilder counts the names of training data by type; Entries
// turns the counts into gazetteer entries. Used by tools/train-ner.
type GazetteerBuilder struct {
	counts map[uint64]*[4]int32
}

// NewGazetteerBuilder returns an empty builder.
func NewGazetteerBuilder() *GazetteerBuilder {
	return &GazetteerBuilder{counts: map[uint64]*[4]int32{}}
}

// NameHash returns the gazetteer hash of the tokens d.Tokens[first:last]
// (their lowercase forms, as the tagger computes them), and whether it may
// be a gazetteer name: at most maxGazWords tokens, starting with a capital.
func NameHash(d *newsgraph.Document, first, last int) (h uint64, ok bool) {
	if last-first < 1 || last-first > maxGazWords {
		return 0, false
	}
	var m Model
	var buf [64]byte
	h = uint64(gazSeed)
	ok = true
	for i := first; i < last; i++ {
		ti := m.infoOf(&d.Tokens[i], &buf, false, nil)
		if i == first && ti.flags&fCap == 0 {
			ok = false
		}
		h = gazAdd(h, ti.lower)
	}
	return h, ok
}

// AddAll adds the counts of o.
func (b *GazetteerBuilder) AddAll(o *GazetteerBuilder) {
	for h, c := range o.counts {
		for t, v := range c {
			if v > 0 {
				b.addN(h, t, v)
			}
		}
	}
}

// Add counts one occurrence of a name of type t (0 PER, 1 ORG, 2 LOC, 3
// MISC) whose hash NameHash returned.
func (b *GazetteerBuilder) Add(h uint64, t int) { b.addN(h, t, 1) }

func (b *GazetteerBuilder) addN(h uint64, t int, n int32) {
	c := b.counts[h]
	if c == nil {
		c = new([4]int32)
		b.counts[h] = c
	}
	c[t] += n
}

// Entries returns the gazetteer entries, sorted: a name keeps every type
// that at least a share minShare of its occurrences have. skip, if not
// nil, leaves a name out (a common lowercase word).
func (b *GazetteerBuilder) Entries(minShare float64, skip func(h uint64) bool) []uint32 {
	var out []uint32
	for h, c := range b.counts {
		if skip != nil && skip(h) {
			continue
		}
		total := c[0] + c[1] + c[2] + c[3]
		var mk uint32
		for t, v := range c {
			if float64(v) >= minShare*float64(total) && v > 0 {
				mk |= 1 << t
			}
		}
		if mk != 0 {
			out = append(out, gazKey(h)|mk)
		}
	}
	slices.Sort(out)
	return out
}

// How the training texts write a word that a text writes with a capital:
// the classes of the case table.
const (
	caseLower = 1 // mostly in lowercase: an ordinary word capitalised at a sentence's start or in a headline
	caseUpper = 2 // mostly with a capital inside a sentence: a name
	caseMixed = 3 // both often ("Bill", "Brown")
)

// CaseCounts counts how a word is written; used by tools/train-ner.
type CaseCounts struct {
	lower, upper map[uint64]int32
}

// NewCaseCounts returns empty counts.
func NewCaseCounts() *CaseCounts {
	return &CaseCounts{lower: map[uint64]int32{}, upper: map[uint64]int32{}}
}

// AddDocument counts the words of d: in lowercase anywhere, or with a
// capital after another word of the same sentence.
func (c *CaseCounts) AddDocument(d *newsgraph.Document) {
	var m Model
	var buf [64]byte
	for i := range d.Tokens {
		t := &d.Tokens[i]
		if t.Kind != newsgraph.Word || t.Text == "" {
			continue
		}
		ti := m.infoOf(t, &buf, false, nil)
		if ti.flags&fDigit != 0 {
			continue
		}
		h := gazAdd(gazSeed, ti.lower)
		switch {
		case ti.flags&fCap == 0:
			c.lower[h]++
		case ti.flags&fAllCaps == 0 && i > 0 && d.Tokens[i-1].Sentence == t.Sentence && d.Tokens[i-1].Kind == newsgraph.Word:
			c.upper[h]++
		}
	}
}

// AddAll adds the counts of o.
func (c *CaseCounts) AddAll(o *CaseCounts) {
	for h, v := range o.lower {
		c.lower[h] += v
	}
	for h, v := range o.upper {
		c.upper[h] += v
	}
}

// Common reports whether the one-word name of hash h is written more often
// in lowercase than with a capital: no evidence of a name.
func (c *CaseCounts) Common(h uint64) bool { return c.lower[h] > c.upper[h] }

// Entries returns the case table: the words seen at least min times, with
// their class.
func (c *CaseCounts) Entries(min int32) []uint32 {
	var out []uint32
	add := func(h uint64, lo, up int32) {
		if lo+up < min {
			return
		}
		cl := uint32(caseMixed)
		switch {
		case lo >= 4*up:
			cl = caseLower
		case up >= 4*lo:
			cl = caseUpper
		}
		out = append(out, gazKey(h)|cl)
	}
	for h, lo := range c.lower {
		add(h, lo, c.upper[h])
	}
	for h, up := range c.upper {
		if _, ok := c.lower[h]; !ok {
			add(h, 0, up)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}
