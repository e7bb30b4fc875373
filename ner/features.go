package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/kb"
)

// Labels are the BIO labels of the tagger, in the order of the weight rows.
// MISC names (events, works, products, nationalities used as names) are
// learned so that they are not taken for people or organisations; they are
// not reported.
var Labels = [NumLabels]string{"O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"}

// NumLabels is the number of BIO labels.
const NumLabels = 9

const (
	labelO = 0
)

// LabelIndex returns the index of a label ("B-PER") in Labels, or -1.
func LabelIndex(l string) int {
	for i, s := range Labels {
		if s == l {
			return i
		}
	}
	return -1
}

// allowed reports whether label cur may follow label prev (prev = -1 at the
// start of a sentence): an I- label only continues a name of its type.
func allowed(prev, cur int) bool {
	if cur == 0 || cur%2 == 1 {
		return true
	}
	return prev == cur || prev == cur-1
}

// Feature templates: every token has exactly NumFeatures features, one per
// template, so that the features of a sentence are a flat array.
const (
	tBias = iota
	tLower
	tLowerM1
	tLowerP1
	tLowerM2
	tLowerP2
	tShape
	tShapeM1
	tShapeP1
	tShape3
	tPre2
	tPre3
	tPre4
	tSuf1
	tSuf2
	tSuf3
	tSuf4
	tPOS
	tPOSM1
	tPOSP1
	tBigramM1
	tBigramP1
	tInitialShape
	tKB
	tGaz
	tFirstName
	tFirstNameM1
	tTitleM1
	tTitle
	tLowerM1Shape
	tShapeLowerP1
	tHeadlineShape
	tDocLower
	tGazName
	tGazWord
	tGazNameM1
	tGazNameP1
	tCase
	tCaseM1P1
	NumFeatures
)

// token flags
const (
	fCap = 1 << iota
	fAllCaps
	fDigit
	fHyphen
	fPossessive
	fFirstName
	fTitle
	fInitial
	fLowerSeen // the document writes this word in lowercase somewhere
)

// tokInfo is what the features need of one token, computed once.
type tokInfo struct {
	lower, shape uint64
	pre, suf     [4]uint64
	pos          uint64
	flags        uint32
	kb           uint8 // 1 + index of the type in kbTypes, or 0
	gaz          uint8 // multiword knowledge-base match: 0, or 2*type+1 (B) / 2*type+2 (I)
	// the training data's names (gazetteer.go): position in the longest
	// match (0 none, 1 begin, 2 inside, 3 end, 4 single word), its type
	// mask, and the type mask of the word alone
	gazPos, gazTypes, gazWord uint8
	// how the training texts write a capitalised word (caseLower...), 0
	// for a lowercase or unknown word
	caseClass uint8
}

var kbTypes = [...]newsgraph.EntityType{newsgraph.Person, newsgraph.Org, newsgraph.GPE, newsgraph.Loc,
	newsgraph.Fac, newsgraph.NORP, newsgraph.EventT}

func kbTypeIndex(t newsgraph.EntityType) uint8 {
	for i, k := range kbTypes {
		if k == t {
			return uint8(i + 1)
		}
	}
	return 0
}

// hashing: FNV-1a over bytes, then a multiplicative mix to combine.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
	mixA      = 0x9E3779B97F4A7C15
	mixB      = 0xC2B2AE3D27D4EB4F
)

func mix(a, b uint64) uint64 {
	h := (a ^ (b * mixA)) * mixB
	return h ^ (h >> 29)
}

func hashString(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

func hashBytes(s []byte) uint64 {
	h := uint64(fnvOffset)
	for _, c := range s {
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h
}

// boundary values of the neighbour features outside the sentence
var (
	hashBOS = hashString("<s>")
	hashEOS = hashString("</s>")
)

// possessiveLen returns the length of a possessive ending of w ("'s", "’s").
func possessiveLen(w string) int {
	n := len(w)
	switch {
	case n > 2 && w[n-2] == '\'' && (w[n-1] == 's' || w[n-1] == 'S'):
		return 2
	case n > 4 && w[n-1] == 's' && w[n-4:n-1] == "’":
		return 4
	}
	return 0
}

// infoOf fills the token-level part of the features of one token. lowerBuf
// is scratch for the lowercase form (no allocation).
// titleCheck says whether to ask if the word is a title word: only a title
// before a capitalised word or capitalised itself matters to the features.
// memo (may be nil) keeps the knowledge-base facts of words (lookupFacts).
func (m *Model) infoOf(t *newsgraph.Token, lowerBuf *[64]byte, titleCheck bool, memo map[string]kbFacts) tokInfo {
	var ti tokInfo
	w := t.Text
	if n := possessiveLen(w); n > 0 {
		w = w[:len(w)-n]
		ti.flags |= fPossessive
	}
	// lowercase with digits folded to 0, and the shape, in one pass
	lower := lowerBuf[:0]
	var shape [16]byte
	ns := 0
	var last byte
	upper, letters := 0, 0
	for i, r := range w {
		var c byte
		switch {
		case r < utf8.RuneSelf && r >= 'a' && r <= 'z':
			c = 'x'
			letters++
			if len(lower) < cap(lower) {
				lower = append(lower, byte(r))
			}
		case r < utf8.RuneSelf && r >= 'A' && r <= 'Z':
			c = 'X'
			letters++
			upper++
			if i == 0 {
				ti.flags |= fCap
			}
			if len(lower) < cap(lower) {
				lower = append(lower, byte(r)+'a'-'A')
			}
		case r >= '0' && r <= '9':
			c = 'd'
			ti.flags |= fDigit
			if len(lower) < cap(lower) {
				lower = append(lower, '0')
			}
		case r >= utf8.RuneSelf && unicode.IsLetter(r):
			letters++
			if unicode.IsUpper(r) {
				c = 'X'
				upper++
				if i == 0 {
					ti.flags |= fCap
				}
			} else {
				c = 'x'
			}
			if len(lower)+4 <= cap(lower) {
				lower = utf8.AppendRune(lower, unicode.ToLower(r))
			}
		default:
			c = '.'
			if r == '-' {
				ti.flags |= fHyphen
				c = '-'
			} else if r < utf8.RuneSelf {
				c = byte(r)
			}
			if r < utf8.RuneSelf && len(lower) < cap(lower) {
				lower = append(lower, byte(r))
			}
		}
		if c != last && ns < len(shape) {
			shape[ns] = c
			ns++
			last = c
		}
	}
	if letters > 0 && upper == letters {
		ti.flags |= fAllCaps
	}
	ti.lower = hashBytes(lower)
	ti.shape = hashBytes(shape[:ns])
	if letters > 1 && upper == letters {
		ti.shape = mix(ti.shape, uint64(min(letters, 5))) // acronyms by length
	}
	for k := 1; k <= 4 && ti.flags&(fCap|fDigit) != 0; k++ {
		if k <= len(lower) {
			ti.pre[k-1] = hashBytes(lower[:k])
			ti.suf[k-1] = hashBytes(lower[len(lower)-k:])
		}
	}
	if t.POS != "" {
		ti.pos = hashString(t.POS)
	}
	if ti.flags&fCap != 0 || titleCheck {
		f := lookupFacts(w, ti.flags&fCap != 0, titleCheck, memo)
		ti.kb = f.kb
		if f.first {
			ti.flags |= fFirstName
		}
		if titleCheck && f.title == titleYes {
			ti.flags |= fTitle
		}
	}
	if ti.flags&fCap != 0 && m.cases != nil {
		ti.caseClass = m.cases.lookup(gazAdd(gazSeed, ti.lower))
	}
	return ti
}

// kbFacts is what the knowledge base says of one word: its type (as
// tokInfo.kb) and whether it is a first name, both asked of capitalised
// words only, and whether it is a title word, asked when titleUnknown.
type kbFacts struct {
	kb    uint8
	first bool
	title uint8 // titleUnknown, titleNo or titleYes
}

const (
	titleUnknown = iota
	titleNo
	titleYes
)

// maxMemo bounds a scratch's kbFacts memo; a full one is emptied.
const maxMemo = 1 << 13

// lookupFacts returns the kbFacts of w (capital says whether it starts
// with a capital, a function of w) through memo, which may be nil. The
// knowledge base is immutable, so a word's facts are the same in every
// document; memo saves the folding and the several lookups of the words
// that come back (names, sentence-initial words).
func lookupFacts(w string, capital, titleCheck bool, memo map[string]kbFacts) kbFacts {
	f, ok := memo[w]
	if !ok && capital {
		if e, found := kb.Lookup(w); found {
			f.kb = kbTypeIndex(e.Type)
		}
		f.first = kb.IsFirstName(w)
	}
	if titleCheck && f.title == titleUnknown {
		f.title = titleNo
		if kb.IsTitleWord(w) {
			f.title = titleYes
		}
		ok = false
	}
	if !ok && memo != nil {
		if len(memo) >= maxMemo {
			clear(memo)
		}
		memo[strings.Clone(w)] = f
	}
	return f
}

// scratch is the per-document working memory of the tagger, kept in a pool.
type scratch struct {
	info    []tokInfo
	feats   []uint32
	scores  []int32
	back    []int8
	lower   map[uint64]struct{}
	facts   map[string]kbFacts  // lookupFacts' memo, kept across documents
	votes   map[string][4]int32 // name → label counts, for consistent
	head    uint64              // headline() of the sentence last featured
	names   []string            // names of several words, for missedNames
	covered []bool              // tokens inside a name, for missedNames
}

// sentenceInfo fills sc.info for the tokens of one sentence.
func (m *Model) sentenceInfo(text string, toks []newsgraph.Token, sc *scratch) {
	if cap(sc.info) < len(toks) {
		sc.info = make([]tokInfo, len(toks), len(toks)+len(toks)/2)
	}
	sc.info = sc.info[:len(toks)]
	var buf [64]byte
	afterOpen := true
	for i := range toks {
		t := &toks[i]
		titleCheck := startsCapital(t.Text) || i+1 < len(toks) && startsCapital(toks[i+1].Text)
		ti := m.infoOf(t, &buf, titleCheck, sc.facts)
		if afterOpen && t.Kind == newsgraph.Word {
			ti.flags |= fInitial
			afterOpen = false
		}
		if t.Kind == newsgraph.QuoteMark && t.Quote != newsgraph.CloseQuote || t.Text == ":" || t.Text == "(" || t.Text == "-" || t.Text == "—" {
			afterOpen = true
		}
		if sc.lower != nil && ti.flags&fCap != 0 {
			if _, ok := sc.lower[ti.lower]; ok {
				ti.flags |= fLowerSeen
			}
		}
		sc.info[i] = ti
	}
	// multiword knowledge-base names: the longest match of up to four
	// tokens that starts with a capital
	for i := 0; i < len(toks); i++ {
		if sc.info[i].flags&fCap == 0 {
			continue
		}
		for n := min(4, len(toks)-i); n >= 2; n-- {
			if toks[i+n-1].Kind != newsgraph.Word || sc.info[i+n-1].flags&fCap == 0 {
				continue // a name ends in a capitalised word
			}
			e, ok := kb.Lookup(text[toks[i].Start:toks[i+n-1].End])
			if !ok {
				continue
			}
			ty := kbTypeIndex(e.Type)
			sc.info[i].gaz = 2*ty + 1
			for k := i + 1; k < i+n; k++ {
				sc.info[k].gaz = 2*ty + 2
			}
			i += n - 1
			break
		}
		if sc.info[i].gaz == 0 && sc.info[i].kb != 0 {
			sc.info[i].gaz = 2*sc.info[i].kb + 1
		}
	}
	m.gazMatch(toks, sc)
}

// documentLower collects the words that the document writes in lowercase
// (not at the start of a sentence), for the fLowerSeen flag: a capitalised
// word that the text also writes in lowercase is an ordinary word in a
// headline or at the start of a sentence.
func documentLower(d *newsgraph.Document, sc *scratch) {
	if sc.lower == nil {
		sc.lower = make(map[uint64]struct{}, 256)
	}
	if sc.facts == nil {
		sc.facts = make(map[string]kbFacts, 1024)
	}
	clear(sc.lower)
	var buf [64]byte
	for i := range d.Tokens {
		t := &d.Tokens[i]
		if t.Kind != newsgraph.Word || t.Text == "" || len(t.Text) > len(buf) {
			continue
		}
		c := t.Text[0]
		if !(c >= 'a' && c <= 'z') {
			continue
		}
		b := buf[:0]
		for j := 0; j < len(t.Text); j++ {
			c := t.Text[j]
			if c >= '0' && c <= '9' {
				c = '0'
			}
			b = append(b, c)
		}
		if n := possessiveLen(t.Text); n > 0 {
			b = b[:len(b)-n]
		}
		sc.lower[hashBytes(b)] = struct{}{}
	}
}

// headline reports whether a sentence is in capitals or title case, where
// capitals say little about names.
func headline(toks []newsgraph.Token, info []tokInfo) uint64 {
	words, caps, all := 0, 0, 0
	for i := range toks {
		if toks[i].Kind != newsgraph.Word {
			continue
		}
		words++
		if info[i].flags&fCap != 0 {
			caps++
		}
		if info[i].flags&fAllCaps != 0 {
			all++
		}
	}
	switch {
	case words >= 3 && all*5 >= words*4:
		return 2
	case words >= 3 && caps*4 >= words*3:
		return 1
	}
	return 0
}

// features fills sc.feats with the NumFeatures feature indexes of every
// token of the sentence (sc.info already filled).
func (m *Model) features(toks []newsgraph.Token, sc *scratch) {
	n := len(toks)
	need := n * NumFeatures
	if cap(sc.feats) < need {
		sc.feats = make([]uint32, need, need+need/2)
	}
	sc.feats = sc.feats[:need]
	info := sc.info
	head := headline(toks, info)
	sc.head = head
	shift := 64 - m.bits
	lowerAt := func(i int) uint64 {
		switch {
		case i < 0:
			return hashBOS
		case i >= n:
			return hashEOS
		}
		return info[i].lower
	}
	at := func(i int) *tokInfo {
		if i < 0 || i >= n {
			return &boundary
		}
		return &info[i]
	}
	// the affix features of a lowercase word, the same for every one
	var noAffix [tSuf4 + 1 - tPre2]uint32
	for k := range noAffix {
		noAffix[k] = uint32(mix(uint64(tPre2+k)+1, 0) >> shift)
	}
	for i := 0; i < n; i++ {
		ti := &info[i]
		p1, n1 := at(i-1), at(i+1)
		f := sc.feats[i*NumFeatures : (i+1)*NumFeatures]
		set := func(tmpl int, v uint64) {
			f[tmpl] = uint32(mix(uint64(tmpl)+1, v) >> shift)
		}
		set(tBias, 0)
		set(tLower, mix(ti.lower, uint64(ti.flags&(fCap|fAllCaps))))
		set(tLowerM1, lowerAt(i-1))
		set(tLowerP1, lowerAt(i+1))
		set(tLowerM2, lowerAt(i-2))
		set(tLowerP2, lowerAt(i+2))
		set(tShape, ti.shape)
		set(tShapeM1, p1.shape)
		set(tShapeP1, n1.shape)
		set(tShape3, mix(mix(p1.shape, ti.shape), n1.shape))
		// prefixes and suffixes tell unknown names apart ("-ski", "-stan",
		// "-corp"); a lowercase word is known well enough by itself, and a
		// constant there saves seven cache misses a token
		if ti.flags&(fCap|fDigit) != 0 {
			for k := 1; k < 4; k++ {
				set(tPre2+k-1, ti.pre[k])
			}
			for k := 0; k < 4; k++ {
				set(tSuf1+k, ti.suf[k])
			}
		} else {
			copy(f[tPre2:], noAffix[:])
		}
		set(tPOS, ti.pos)
		set(tPOSM1, p1.pos)
		set(tPOSP1, n1.pos)
		// the word pairs matter around capitalised words; elsewhere they
		// would only cost a cache miss each
		if ti.flags&fCap != 0 || p1.flags&fCap != 0 || n1.flags&fCap != 0 {
			set(tBigramM1, mix(lowerAt(i-1), ti.lower))
			set(tBigramP1, mix(ti.lower, lowerAt(i+1)))
			set(tLowerM1Shape, mix(lowerAt(i-1), ti.shape))
			set(tShapeLowerP1, mix(ti.shape, lowerAt(i+1)))
		} else {
			set(tBigramM1, 0)
			set(tBigramP1, 0)
			set(tLowerM1Shape, 0)
			set(tShapeLowerP1, 0)
		}
		set(tInitialShape, mix(uint64(ti.flags&(fInitial|fPossessive)), ti.shape))
		set(tKB, uint64(ti.kb)|uint64(p1.kb)<<4|uint64(n1.kb)<<8)
		set(tGaz, uint64(ti.gaz))
		set(tFirstName, uint64(ti.flags&(fFirstName|fCap)))
		set(tFirstNameM1, mix(uint64(p1.flags&fFirstName), uint64(ti.flags&fCap)))
		set(tTitleM1, mix(uint64(p1.flags&fTitle), uint64(ti.flags&fCap)))
		set(tTitle, uint64(ti.flags&(fTitle|fCap)))
		set(tHeadlineShape, mix(head, ti.shape))
		set(tDocLower, mix(uint64(ti.flags&(fLowerSeen|fInitial)), head))
		set(tGazName, uint64(ti.gazPos)|uint64(ti.gazTypes)<<4)
		set(tGazWord, uint64(ti.gazWord)|uint64(ti.flags&fCap)<<8)
		set(tGazNameM1, uint64(p1.gazPos)|uint64(p1.gazTypes)<<4|uint64(ti.flags&fCap)<<8)
		set(tGazNameP1, uint64(n1.gazPos)|uint64(n1.gazTypes)<<4|uint64(ti.flags&fCap)<<8)
		set(tCase, uint64(ti.caseClass)|uint64(ti.flags&(fInitial|fAllCaps))<<4|head<<16)
		set(tCaseM1P1, uint64(p1.caseClass)|uint64(n1.caseClass)<<4|uint64(ti.caseClass)<<8)
	}
}

var boundary = tokInfo{lower: hashBOS, shape: hashBOS, pos: hashBOS}

// startsCapital reports whether w starts with a capital letter (ASCII), or
// with any non-ASCII letter, which the caller checks further.
func startsCapital(w string) bool {
	return w != "" && (w[0] >= 'A' && w[0] <= 'Z' || w[0] >= utf8.RuneSelf)
}
