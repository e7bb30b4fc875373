// Package feature computes the features of the part-of-speech tagger and
// reads and writes its model file. The trainer and the run-time tagger share
// it, so that a token is described in exactly the same way in both.
//
// Features are 32-bit hashes. Each template mixes its own seed with hashes
// of the bytes it looks at, so no feature string is ever built. A model is
// only valid with this exact hashing: formatVersion in model.go changes
// whenever it does.
//
// # Concurrency
// Everything here is a pure function of its arguments.
package feature

import (
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph"
)

const (
	fnvOffset = 2166136261
	fnvPrime  = 16777619
)

// template seeds; their values are arbitrary but fixed.
const (
	tBias uint32 = iota + 0x51ed27
	tLower
	tSuf1
	tSuf2
	tSuf3
	tSuf4
	tPre1
	tPre2
	tPre3
	tPre4
	tShape
	tFlags
	tInitShape
	tPrev
	tPrev2
	tPrevWord
	tWordM1
	tSuf3M1
	tWordM2
	tWordP1
	tSuf3P1
	tWordP2
	tShapeP1
	tBigramM1
	tClass
	tClassP1
	tLowerClass
)

// NWord is how many features depend on the word alone (WordFeatures);
// NContext how many on its neighbours, the tags before it and its place in
// the sentence. The first NTags of the context features look at the two
// tags before the token only, so that the tagger can sum them once per
// pair of tags; the last NToken look at the token itself and whether it
// starts the sentence only (TokenFeatures), so that the tagger can sum them
// once per vocabulary word, as the word features.
const (
	NWord    = 11
	NContext = 16
	NTags    = 2
	NToken   = 4
	N        = NWord + NContext
)

// StartTag stands for the tags before the first token.
const StartTag = 0xff

// Info holds the hashes of one token that its own features and its
// neighbours' features use.
type Info struct {
	lower uint32    // lowercased form
	pre   [4]uint32 // lowercased prefixes of 1–4 runes
	suf   [4]uint32 // lowercased suffixes of 1–4 runes
	shape uint32
	flags uint32
	// Class is the hash of the word's ambiguity class: the set of tags it
	// took in training (ClassHash), or 0 for a rare or unknown word. The
	// caller sets it from the model's vocabulary; it gives the tagger a
	// view of the tags the words to the right may take.
	Class uint32
	// LowerClass is the ambiguity class of the lowercased form of a word
	// with capitals, 0 if none: it tells a capitalised common word
	// (Building, Cheap) from a name.
	LowerClass uint32
}

// ClassHash is the value of Info.Class for a set of tags (bit i = tag i).
func ClassHash(mask uint64) uint32 {
	if mask == 0 {
		return 0
	}
	return mix(uint32(mask), uint32(mask>>32))
}

// mix combines two hashes (a murmur3-style finaliser over their xor) so that
// templates and values do not collide by accident.
func mix(a, b uint32) uint32 {
	h := a*0x9e3779b1 ^ b
	h ^= h >> 16
	h *= 0x85ebca6b
	h ^= h >> 13
	h *= 0xc2b2ae35
	h ^= h >> 16
	if h == 0 {
		h = 1 // 0 marks an empty slot in the weight table
	}
	return h
}

func mix3(a, b, c uint32) uint32 { return mix(mix(a, b), c) }

func fnvBytes(b []byte) uint32 {
	h := uint32(fnvOffset)
	for _, c := range b {
		h ^= uint32(c)
		h *= fnvPrime
	}
	return h
}

// boundary words outside the sentence.
var (
	startInfo = Info{lower: 0x5a17, suf: [4]uint32{0x5a17, 0x5a17, 0x5a17, 0x5a17}, shape: 0x5a17, Class: 0x5a17}
	endInfo   = Info{lower: 0xe0d, suf: [4]uint32{0xe0d, 0xe0d, 0xe0d, 0xe0d}, shape: 0xe0d, Class: 0xe0d}
)

const (
	flagHyphen = 1 << iota
	flagDigit
	flagUpper
	flagAllUpper
	flagInitUpper
	flagDot
	flagApos
	flagNonASCII
)

// HasUpper reports whether the word has a capital letter.
func (wi *Info) HasUpper() bool { return wi.flags&flagUpper != 0 }

// Describe fills wi from the form of a token. It lowercases into a stack
// buffer; only forms longer than the buffer allocate.
func Describe(form string, wi *Info) {
	var stack [96]byte
	low := stack[:0]
	// the hash of low is computed as it grows: the hash of its first k
	// runes is the prefix hash pre[k-1] (FNV reads bytes in order)
	h := uint32(fnvOffset)
	var pre [4]uint32
	nr := 0
	flags := uint32(0)
	letters, uppers := 0, 0
	var shape [24]byte
	ns := 0
	var lastClass byte
	run := 0
	for i := 0; i < len(form); {
		c := form[i]
		var r rune
		w := 1
		if c < utf8.RuneSelf {
			r = rune(c)
		} else {
			r, w = utf8.DecodeRuneInString(form[i:])
			flags |= flagNonASCII
		}
		i += w
		var class byte
		switch {
		case 'a' <= r && r <= 'z':
			class = 'x'
			letters++
		case 'A' <= r && r <= 'Z':
			class = 'X'
			letters++
			uppers++
			if nr == 0 {
				flags |= flagInitUpper
			}
			r += 'a' - 'A'
		case '0' <= r && r <= '9':
			class = 'd'
			flags |= flagDigit
		case r < utf8.RuneSelf:
			class = byte(r)
			switch r {
			case '-':
				flags |= flagHyphen
			case '.':
				flags |= flagDot
			case '\'':
				flags |= flagApos
			}
		case unicode.IsUpper(r):
			class = 'X'
			letters++
			uppers++
			if nr == 0 {
				flags |= flagInitUpper
			}
			r = unicode.ToLower(r)
		case unicode.IsLetter(r):
			class = 'x'
			letters++
		case unicode.IsDigit(r):
			class = 'd'
			flags |= flagDigit
		case r == '’':
			class = '\''
			flags |= flagApos
		case r == '‐' || r == '–' || r == '—':
			class = '-'
			flags |= flagHyphen
		default:
			class = 'o'
		}
		if class == lastClass {
			run++
		} else {
			run = 1
			lastClass = class
		}
		// runs of letters collapse to one mark; digits keep up to four
		// so that years (dddd) differ from small numbers.
		if (run == 1 || class == 'd' && run <= 4) && ns < len(shape) {
			shape[ns] = class
			ns++
		}
		if r < utf8.RuneSelf {
			low = append(low, byte(r))
			h = (h ^ uint32(r)) * fnvPrime
		} else {
			n := len(low)
			low = utf8.AppendRune(low, r)
			for _, c := range low[n:] {
				h = (h ^ uint32(c)) * fnvPrime
			}
		}
		if nr < len(pre) {
			pre[nr] = h
		}
		nr++
	}
	if letters > 0 && uppers > 0 {
		flags |= flagUpper
		if uppers == letters {
			flags |= flagAllUpper
		}
	}
	wi.lower = h
	wi.Class = 0
	wi.LowerClass = 0
	wi.shape = fnvBytes(shape[:ns])
	wi.flags = flags
	// prefixes: the first k runes (all of the word when shorter).
	for k := 0; k < 4; k++ {
		if k < nr {
			wi.pre[k] = pre[k]
		} else {
			wi.pre[k] = h
		}
	}
	// suffixes: the last k runes, bytes in ASCII
	if flags&flagNonASCII == 0 {
		for k := 0; k < 4; k++ {
			wi.suf[k] = fnvBytes(low[max(0, len(low)-k-1):])
		}
		return
	}
	for k := 0; k < 4; k++ {
		start := len(low)
		for j := 0; j <= k && start > 0; j++ {
			_, w := utf8.DecodeLastRune(low[:start])
			start -= w
		}
		wi.suf[k] = fnvBytes(low[start:])
	}
}

// DescribeSentence fills infos[i] for every token.
func DescribeSentence(toks []newsgraph.Token, infos []Info) {
	for i := range toks {
		Describe(toks[i].Text, &infos[i])
	}
}

// WordFeatures writes the features that depend on the word alone; they are
// the same wherever the word occurs, so the tagger can sum them once per
// frequent word.
func WordFeatures(wi *Info, out *[N]uint32) {
	out[0] = mix(tBias, 1)
	out[1] = mix(tLower, wi.lower)
	out[2] = mix(tSuf1, wi.suf[0])
	out[3] = mix(tSuf2, wi.suf[1])
	out[4] = mix(tSuf3, wi.suf[2])
	out[5] = mix(tSuf4, wi.suf[3])
	out[6] = mix(tPre1, wi.pre[0])
	out[7] = mix(tPre2, wi.pre[1])
	out[8] = mix(tPre3, wi.pre[2])
	out[9] = mix(tPre4, wi.pre[3])
	out[10] = mix(tShape, wi.shape)
}

// ContextFeatures writes the features of token i that look at its
// neighbours and at the two tags before it (p1 the previous, p2 the one
// before; StartTag at the sentence start).
func ContextFeatures(infos []Info, i int, p1, p2 uint8, out *[N]uint32) {
	wi := &infos[i]
	m1, m2, n1, n2 := &startInfo, &startInfo, &endInfo, &endInfo
	if i >= 1 {
		m1 = &infos[i-1]
	}
	if i >= 2 {
		m2 = &infos[i-2]
	}
	if i+1 < len(infos) {
		n1 = &infos[i+1]
	}
	if i+2 < len(infos) {
		n2 = &infos[i+2]
	}
	o := out[NWord:]
	o[0] = mix(tPrev, uint32(p1))
	o[1] = mix3(tPrev2, uint32(p1), uint32(p2))
	o[2] = mix3(tPrevWord, uint32(p1), wi.lower)
	o[3] = mix(tWordM1, m1.lower)
	o[4] = mix(tSuf3M1, m1.suf[2])
	o[5] = mix(tWordM2, m2.lower)
	o[6] = mix(tWordP1, n1.lower)
	o[7] = mix(tSuf3P1, n1.suf[2])
	o[8] = mix(tWordP2, n2.lower)
	o[9] = mix(tShapeP1, n1.shape)
	o[10] = mix3(tBigramM1, m1.lower, wi.lower)
	o[11] = mix(tClassP1, n1.Class)
	TokenFeatures(wi, i == 0, (*[NToken]uint32)(o[NContext-NToken:]))
}

// PrevFeatures and NextFeatures are the indexes, in the output of
// ContextFeatures, of the features that look at the token before (after)
// the current one alone, whose features they are: the tagger sums them once
// per vocabulary word, as it sums the word features.
var (
	PrevFeatures = [...]int{NWord + 3, NWord + 4}
	NextFeatures = [...]int{NWord + 6, NWord + 7, NWord + 9, NWord + 11}
)

// TokenFeatures writes the context features that depend on the token and
// on whether it starts the sentence (initial) only: the last NToken of
// ContextFeatures.
func TokenFeatures(wi *Info, initial bool, out *[NToken]uint32) {
	init := uint32(0)
	if initial {
		init = 1
	}
	// the flags generalise across shapes (any hyphen, any digit); with the
	// sentence-initial bit they tell a capitalised name from a capitalised
	// first word.
	out[0] = mix(tFlags, wi.flags<<1|init)
	out[1] = mix3(tInitShape, init, wi.shape)
	out[2] = mix(tClass, wi.Class)
	out[3] = mix3(tLowerClass, wi.LowerClass, init)
}
