// Package mention finds the places in a document that refer to people,
// organisations, places and groups: names, titles and roles, descriptions
// and pronouns.
//
// Names are runs of capitalised words, with the connectors that names hold
// inside ("Bank of England", "Osama bin Laden"), abbreviations with their dot
// ("St. Peter's Basilica") and a possessive only where a building or body
// follows it; the possessive itself stays outside ("Trump's" → "Trump").
// Capitalised words that start a sentence or make up a title-case headline
// are names only when they are not common English words (a list built from
// UD English EWT and the GUM news documents) or when the knowledge base or
// the part-of-speech tags say so. A name is typed, in this order, by the
// knowledge base (countries, capitals, seats of government, organisations,
// demonyms → NORP), by quotation marks around it (the title of a publication
// → ORG), by its last word (Ministry, Times → ORG; Basilica → FAC; Sea → LOC;
// Province → GPE), by a known first name or a title before it (PERSON), by
// the words around it ("said" after it → PERSON, "journalists" → ORG, "in"
// before it → GPE) and finally by the other mentions of the same name in the
// document.
//
// The statistical tagger of package ner reads each sentence as well: where
// the rules can only guess a name's type, the tagger's type is taken (still
// a guess that the other mentions of the name may overrule); a guess the
// tagger does not support at all, or reads as a name of no type (an event,
// a product: "Patriot" missiles), is no name mention; a guess the document
// gives no other support is kept when the tagger reads it as a name; a run
// of capitalised words that the tagger reads as several names ("Hamid
// Algabid of Niger") or as a name after a describing word ("Defender Hassan
// Abbas") is split as the tagger reads it, and a guessed name that covers
// part of a tagger's name or more than it takes the tagger's bounds ("A.
// Stewart", "Kim In-so"); a city or a name ending in a place word that the
// tagger reads as an organisation (a club named after it: "Leeds", "Crystal
// Palace") is one, unless it is a capital; and names the rules did not reach
// are added with the tagger's type, or the knowledge base's when it knows
// the name.
//
// Titles written before a name ("US President Donald Trump", "Kremlin leader
// Vladimir Putin", "his special envoy Steve Witkoff") become a role mention
// beside the name mention, and the names inside the title ("US", "Kremlin")
// are name mentions of their own. A title with no name after it ("the head
// of state", "the minister") is a description of a person; "the leadership
// in Moscow" and "the Ukrainian side" are descriptions of a state, keyed to
// it. Descriptions by a common noun ("officials", "the company", "a
// spokesman for Clinton", "the ad's narrator", "police", "the report" where
// it speaks) are found by description.go: Kind description, Type PERSON,
// ORG or NORP by the head noun, no Role and no Key; the entity stage joins
// them. Pronouns are reported as they are; the entity stage resolves them.
//
// # Invariants
// Mentions are ordered by Start, then by End descending; each satisfies
// Text[m.Start:m.End] == m.Text, lies inside one sentence and has Entity -1.
// Mentions may nest (the GPE "US" inside the role "US President") but never
// cross.
//
// # Concurrency
// The word lists and the knowledge base are built once and never changed:
// Find is safe for concurrent use on different documents.
//
// # Performance
// One pass over the tokens with map lookups; no regular expressions and no
// allocation per token beyond the mentions themselves. BenchmarkMentionEntity
// (mention and entity stages over the model article and the 120 MEANTIME
// texts) measured about 11 ms of CPU per 210 KB, roughly 19 MB/s on one core,
// by the rules alone; with the tagger of package ner, which now takes most
// of the time, about 31 ms of CPU, roughly 6.5 MB/s.
package mention

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/kb"
	"github.com/newsgraph/newsgraph/ner"
)

// Stage is the mention stage of the pipeline.
var Stage = newsgraph.StageFunc{StageName: "mention", Fn: func(d *newsgraph.Document) error {
	Find(d)
	return nil
}}

// Find fills d.Mentions from d.Tokens and d.Sentences.
func Find(d *newsgraph.Document) {
	f := finder{d: d, toks: d.Tokens}
	f.out = d.Mentions[:0]
	if m, err := ner.Default(); err == nil {
		f.names = m.Find(d)
	}
	for si := range d.Sentences {
		before := len(f.out)
		f.sentence(si)
		f.taggerBounds(si, before)
		f.taggedNames(si, before)
		f.descriptions(si, before)
	}
	f.resolveWeak()
	sort.SliceStable(f.out, func(i, j int) bool {
		if f.out[i].Start != f.out[j].Start {
			return f.out[i].Start < f.out[j].Start
		}
		return f.out[i].End > f.out[j].End
	})
	// a name may be reached twice (as a run and inside a role): keep one
	out := f.out[:0]
	for _, m := range f.out {
		if m.Kind == "" {
			continue // replaced by the tagger's name (taggerBounds)
		}
		if len(out) > 0 {
			p := &out[len(out)-1]
			if p.Start == m.Start && p.End == m.End && p.Kind == m.Kind {
				continue
			}
		}
		out = append(out, m)
	}
	d.Mentions = out
}

// guess says how a name's type was found, so that the document-level pass
// can overrule weak guesses with the evidence of other mentions.
type guess uint8

const (
	strong    guess = iota
	weakMulti       // several capitalised words, nothing more known
	weakPlace       // after "in", "from"…
	weakAcronym
	weakSingle
	weakInitial // one unknown word at the start of a sentence
)

type finder struct {
	d    *newsgraph.Document
	toks []newsgraph.Token
	out  []newsgraph.Mention
	weak []int // indexes into out of names typed by a guess
	// headline is true while a title-case sentence is read: its guesses
	// need the support of other mentions
	headline bool
	guess    []guess
	// names are the spans of the statistical tagger, in text order
	names []ner.Span
}

// tagged returns the tagger's name with exactly the bytes [start, end).
func (f *finder) tagged(start, end int) (ner.Span, bool) {
	i := sort.Search(len(f.names), func(i int) bool { return f.names[i].Start >= start })
	if i < len(f.names) && f.names[i].Start == start && f.names[i].End == end && f.names[i].Type != "" {
		return f.names[i], true
	}
	return ner.Span{}, false
}

// taggedAny returns the tagger's name with exactly the bytes [start, end),
// typed or not (MISC: an event, a product, a nationality used as a noun).
func (f *finder) taggedAny(start, end int) (ner.Span, bool) {
	i := sort.Search(len(f.names), func(i int) bool { return f.names[i].Start >= start })
	if i < len(f.names) && f.names[i].Start == start && f.names[i].End == end {
		return f.names[i], true
	}
	return ner.Span{}, false
}

// taggerOverlaps reports whether a typed name of the tagger overlaps
// [start, end).
func (f *finder) taggerOverlaps(start, end int) bool {
	i := sort.Search(len(f.names), func(i int) bool { return f.names[i].End > start })
	for ; i < len(f.names) && f.names[i].Start < end; i++ {
		if f.names[i].Type != "" {
			return true
		}
	}
	return false
}

// splitByTagger reports the tagger's names inside the run [start, end) when
// the tagger reads the run otherwise than as one name ("Hamid Algabid of
// Niger" → two names; "Defender Hassan Abbas" → the name after the word
// that describes him). It reports whether it did.
func (f *finder) splitByTagger(start, end, si int) bool {
	i := sort.Search(len(f.names), func(i int) bool { return f.names[i].End > start })
	j := i
	for j < len(f.names) && f.names[j].Start < end {
		j++
	}
	inside := f.names[i:j]
	if len(inside) == 0 || len(inside) == 1 && inside[0].Start == start && inside[0].End == end {
		return false
	}
	for _, n := range inside {
		if n.Start < start || n.End > end || n.Type == "" {
			return false // the tagger's name crosses the run, or is not typed
		}
	}
	// a word the tagger leaves out must be an ordinary one ("Defender");
	// a name word it missed keeps the run whole ("Ahmed Mohamed" read as
	// "Ahmed")
	k := f.tokenAt(start)
	for _, n := range inside {
		for ; k < len(f.toks) && f.toks[k].End <= n.Start; k++ {
			if f.uncoveredNameWord(k) {
				return false
			}
		}
		k = f.tokenAt(n.End)
	}
	for ; k < len(f.toks) && f.toks[k].End <= end; k++ {
		if f.uncoveredNameWord(k) {
			return false
		}
	}
	for _, n := range inside {
		typ, key := f.taggedType(n)
		f.emit(n.Start, n.End, newsgraph.NameMention, typ, key, "", si)
	}
	return true
}

// taggerBounds lets the tagger's names in sentence si decide where a name
// starts and ends when the rules found only part of it or more than it
// ("Kim In-so", "A. Stewart", "Jan Allan Mueller"): the names the rules
// typed by a guess (no knowledge-base key, no title) that overlap one name
// of the tagger, and none exactly, become that name.
func (f *finder) taggerBounds(si, before int) {
	s := f.d.Sentences[si]
	i := sort.Search(len(f.names), func(i int) bool { return f.names[i].Start >= s.Start })
	for ; i < len(f.names) && f.names[i].End <= s.End; i++ {
		n := f.names[i]
		if n.Type == "" {
			// a guessed name inside an event or a product ("Day" of
			// "Labor Day") is part of it, no name of its own
			for j := before; j < len(f.out); j++ {
				m := &f.out[j]
				if m.Kind == newsgraph.NameMention && m.Key == "" && m.Role == "" && m.Start >= n.Start && m.End <= n.End && f.isWeak(j) {
					m.Kind = ""
				}
			}
			continue
		}
		sp := newsgraph.Span{Start: n.Start, End: n.End}
		first, ok := -1, true
		for j := before; j < len(f.out) && ok; j++ {
			m := &f.out[j]
			if m.Kind == "" || !sp.Overlaps(newsgraph.Span{Start: m.Start, End: m.End}) {
				continue
			}
			if m.Kind != newsgraph.NameMention || m.Key != "" || m.Role != "" || m.Start == n.Start && m.End == n.End {
				ok = false
				break
			}
			// a rule name reaching past the tagger's may hold another name
			if m.Start < n.Start || m.End > n.End {
				if f.otherTagged(m.Start, m.End, i) {
					ok = false
					break
				}
			}
			if first < 0 {
				first = j
			}
		}
		if !ok || first < 0 {
			continue
		}
		for j := first + 1; j < len(f.out); j++ {
			m := &f.out[j]
			if m.Kind != "" && sp.Overlaps(newsgraph.Span{Start: m.Start, End: m.End}) {
				m.Kind = ""
			}
		}
		typ, key := f.taggedType(n)
		m := &f.out[first]
		m.Start, m.End, m.Text, m.Type, m.Key = n.Start, n.End, f.d.Text[n.Start:n.End], typ, key
	}
}

// isWeak reports whether f.out[i] was typed by a guess.
func (f *finder) isWeak(i int) bool {
	for _, w := range f.weak {
		if w == i {
			return true
		}
	}
	return false
}

// otherTagged reports whether a name of the tagger other than names[skip]
// overlaps [start, end).
func (f *finder) otherTagged(start, end, skip int) bool {
	i := sort.Search(len(f.names), func(i int) bool { return f.names[i].End > start })
	for ; i < len(f.names) && f.names[i].Start < end; i++ {
		if i != skip {
			return true
		}
	}
	return false
}

// uncoveredNameWord reports whether token k is a capitalised word that no
// list says is an ordinary word: a name word.
func (f *finder) uncoveredNameWord(k int) bool {
	t := &f.toks[k]
	if t.Kind != newsgraph.Word || !startsUpper(t.Text) || len(t.Text) < 2 || allUpper(t.Text) {
		return false
	}
	w := t.Text[:len(t.Text)-possessiveLen(t.Text)]
	if _, ok := lowerLookup(common, w); ok {
		return false
	}
	if kb.IsTitleWord(w) {
		return false
	}
	_, known := kb.Lookup(w)
	return !known
}

// taggedNames adds the tagger's names in sentence si that no mention found
// by the rules (f.out[before:]) overlaps.
func (f *finder) taggedNames(si, before int) {
	s := f.d.Sentences[si]
	headline := isHeadline(f.toks[s.FirstToken:s.EndToken])
	i := sort.Search(len(f.names), func(i int) bool { return f.names[i].Start >= s.Start })
	for ; i < len(f.names) && f.names[i].End <= s.End; i++ {
		n := f.names[i]
		if n.Type == "" || headline && f.headlineWords(n.Start, n.End) {
			continue
		}
		sp := newsgraph.Span{Start: n.Start, End: n.End}
		covered := false
		for _, m := range f.out[before:] {
			if sp.Overlaps(newsgraph.Span{Start: m.Start, End: m.End}) {
				covered = true
				break
			}
		}
		if covered {
			continue
		}
		typ, key := f.taggedType(n)
		f.emit(n.Start, n.End, newsgraph.NameMention, typ, key, "", si)
	}
}

func (f *finder) emit(start, end int, kind newsgraph.MentionKind, typ newsgraph.EntityType, key, role string, si int) int {
	f.out = append(f.out, newsgraph.Mention{Start: start, End: end, Text: f.d.Text[start:end], Kind: kind,
		Type: typ, Key: key, Role: role, Entity: -1, Sentence: si})
	return len(f.out) - 1
}

func (f *finder) sentence(si int) {
	s := f.d.Sentences[si]
	lo, hi := s.FirstToken, s.EndToken
	if lo >= hi {
		return
	}
	headline := isHeadline(f.toks[lo:hi])
	f.headline = headline
	covered := -1 // tokens before this index belong to a description already
	for k := lo; k < hi; k++ {
		t := &f.toks[k]
		if t.Kind != newsgraph.Word {
			continue
		}
		if k >= covered && isThe(t.Text) {
			if end := f.description(k, hi, si); end > k {
				covered = end
			}
			continue
		}
		if len(t.Text) <= 5 {
			if _, ok := lowerLookup(pronouns, t.Text); ok {
				typ := newsgraph.EntityType("")
				switch t.Text[0] | 0x20 {
				case 'h', 's':
					typ = newsgraph.Person
				}
				f.emit(t.Start, t.End, newsgraph.PronounMention, typ, "", "", si)
				continue
			}
		}
	}
	for k := lo; k < hi; {
		if !f.nameWord(k, headline) {
			if f.toks[k].Kind == newsgraph.Word {
				f.hyphenParts(k, si)
			}
			k++
			continue
		}
		end := f.extendRun(k, lo, hi, headline)
		f.run(k, end, lo, hi, si)
		k = end
	}
}

// isHeadline reports whether a sentence is written in title case or in
// capitals, where capitals say nothing about names.
func isHeadline(toks []newsgraph.Token) bool {
	words, caps := 0, 0
	for i := range toks {
		t := &toks[i]
		if t.Kind != newsgraph.Word {
			continue
		}
		words++
		if startsUpper(t.Text) {
			caps++
		}
	}
	if words < 3 || caps*4 < words*3 {
		return false
	}
	// a list of names ("Manchester United 2 Leeds 0") is capitalised too, but
	// a headline capitalises ordinary words as well. Counted only for the
	// few capitalised sentences: it takes a lookup a word.
	commonCaps, k := 0, 0
	for i := range toks {
		t := &toks[i]
		if t.Kind != newsgraph.Word {
			continue
		}
		k++
		if k > 1 && startsUpper(t.Text) {
			if _, ok := lowerLookup(common, t.Text); ok {
				commonCaps++
			}
		}
	}
	return commonCaps*3 >= caps
}

// nameWord reports whether token k can be a word of a name.
func (f *finder) nameWord(k int, headline bool) bool {
	t := &f.toks[k]
	if t.Kind != newsgraph.Word || !capWord(t.Text) {
		return false
	}
	if notNames[t.Text] || len(t.Text) == 1 && !(k+1 < len(f.toks) && f.toks[k+1].Text == "." && f.toks[k+1].Start == t.End) {
		return false // a single letter is a name only as an initial ("J. Smith")
	}
	if t.POS != "" && headline {
		return t.POS == "NNP" || t.POS == "NNPS"
	}
	if headline {
		if _, ok := lowerLookup(common, t.Text); ok {
			_, known := kb.Lookup(t.Text)
			return known || kb.IsFirstName(t.Text) && allUpper(t.Text) == false
		}
	}
	return true
}

// capWord reports whether w starts with a capital letter, or is a name with
// a lowercase particle glued to it ("al-Ani", "el-Sisi").
func capWord(w string) bool {
	if startsUpper(w) {
		return true
	}
	for _, p := range [...]string{"al-", "el-", "ad-", "as-", "ash-", "bin-", "ibn-"} {
		if len(w) > len(p) && strings.HasPrefix(w, p) && startsUpper(w[len(p):]) {
			return true
		}
	}
	return false
}

func startsUpper(w string) bool {
	if w == "" {
		return false
	}
	c := w[0]
	if c < utf8.RuneSelf {
		return c >= 'A' && c <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

func allUpper(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n > 0
}

func isThe(w string) bool { return w == "the" || w == "The" || w == "THE" }

// possessiveLen returns the length of a possessive ending of w ("'s", "’s"),
// or 0.
func possessiveLen(w string) int {
	switch {
	case len(w) > 2 && (strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "'S")):
		return 2
	case len(w) > 4 && strings.HasSuffix(w, "’s"):
		return 4
	}
	return 0
}

// adjacent reports whether token k+1 follows token k with only a space.
func (f *finder) gapIsSpace(k int) bool {
	a, b := f.toks[k].End, f.toks[k+1].Start
	if b-a > 3 {
		return false
	}
	for i := a; i < b; i++ {
		if c := f.d.Text[i]; c != ' ' && c != '\t' && c != 0xc2 && c != 0xa0 { // space, tab, no-break space
			return false
		}
	}
	return true
}

// extendRun returns the index after the last token of the name that starts
// at token k.
func (f *finder) extendRun(k, lo, hi int, headline bool) int {
	j := k
	for {
		t := &f.toks[j]
		if (abbrevDot[t.Text] || len(t.Text) == 1 && startsUpper(t.Text)) && j+1 < hi &&
			f.toks[j+1].Text == "." && f.toks[j+1].Start == t.End {
			j++ // the dot of St. or of an initial
		}
		if possessiveLen(t.Text) > 0 {
			if j+1 < hi && capWord(f.toks[j+1].Text) && continuesAfterPossessive(f.toks[j+1].Text) && f.gapIsSpace(j) {
				j++
				continue
			}
			return j + 1
		}
		if hyphenTail(t.Text) > 0 {
			return j + 1
		}
		n := j + 1
		if n >= hi || !f.gapIsSpace(j) {
			return j + 1
		}
		nt := &f.toks[n]
		if f.nameWord(n, headline) && !f.initialWord(n, lo) {
			j = n
			continue
		}
		if nt.Kind == newsgraph.Word && connectors[nt.Text] && n+1 < hi && f.gapIsSpace(n) && !f.allTitles(k, j) {
			if f.nameWord(n+1, headline) {
				j = n + 1
				continue
			}
			if nt.Text == "of" && n+2 < hi && isThe(f.toks[n+1].Text) && f.nameWord(n+2, headline) {
				j = n + 2
				continue
			}
		}
		if nt.Text == "&" && n+1 < hi && f.nameWord(n+1, headline) {
			j = n + 1
			continue
		}
		return j + 1
	}
}

// initialWord reports whether token k starts a sentence or a quotation, where
// capitals do not mark names.
func (f *finder) initialWord(k, lo int) bool {
	if k == lo {
		return true
	}
	p := &f.toks[k-1]
	switch {
	case p.Kind == newsgraph.QuoteMark && p.Quote != newsgraph.CloseQuote:
		return true
	case p.Text == ":" || p.Text == "(" || p.Text == "[" || p.Text == "—" || p.Text == "–":
		return true
	}
	// a sentence that starts with punctuation or numbers only
	for i := lo; i < k; i++ {
		if f.toks[i].Kind == newsgraph.Word {
			return false
		}
	}
	return true
}

// commonInitial reports whether token k, at the start of a sentence, is an
// ordinary word capitalised only because of its place.
func (f *finder) commonInitial(k, next int) bool {
	t := &f.toks[k]
	if _, known := kb.Lookup(t.Text); known {
		return false // "Ukrainian President Zelensky spoke", "Israel said"
	}
	if t.POS != "" {
		return t.POS != "NNP" && t.POS != "NNPS"
	}
	if _, ok := lowerLookup(common, t.Text); !ok {
		return false
	}
	// "Will Smith said": a first name followed by another name word
	if next > k+1 && kb.IsFirstName(t.Text) {
		return false
	}
	return true
}

func (f *finder) allTitles(a, b int) bool {
	for i := a; i <= b; i++ {
		if !kb.IsTitleWord(f.toks[i].Text) {
			return false
		}
	}
	return true
}

// hyphenTail returns the length of a lowercase part after the last hyphen of
// a capitalised word ("US-made" → len("-made")), or 0.
func hyphenTail(w string) int {
	i := strings.LastIndexByte(w, '-')
	if i <= 0 || i == len(w)-1 {
		return 0
	}
	r, _ := utf8.DecodeRuneInString(w[i+1:])
	if !unicode.IsLower(r) {
		return 0
	}
	return len(w) - i
}

// hyphenParts reports the names glued into a lowercase hyphenated word:
// "pro-Russian", "anti-NATO".
func (f *finder) hyphenParts(k, si int) {
	t := &f.toks[k]
	i := strings.IndexByte(t.Text, '-')
	if i <= 0 || i == len(t.Text)-1 || !startsUpper(t.Text[i+1:]) {
		return
	}
	rest := t.Text[i+1:]
	if e, ok := kb.Lookup(rest); ok {
		f.emit(t.Start+i+1, t.End, newsgraph.NameMention, e.Type, e.Key, "", si)
	}
}

// run handles the capitalised words toks[a:b].
func (f *finder) run(a, b, lo, hi, si int) {
	// a known name that starts with a common word: "New Zealand", "The Hague"
	if b-a >= 2 && f.initialWord(a, lo) {
		st, en := f.toks[a].Start, f.toks[b-1].End-possessiveLen(f.toks[b-1].Text)
		if isThe(f.toks[a].Text) {
			st = f.toks[a+1].Start
		}
		if e, ok := kb.Lookup(f.d.Text[st:en]); ok && en > st {
			typ, key := f.clubOrPlace(st, en, e)
			f.emit(st, en, newsgraph.NameMention, typ, key, "", si)
			return
		}
	}
	// ordinary words capitalised at the start of a sentence
	for a < b && f.initialWord(a, lo) && f.commonInitial(a, b) {
		a++
		for a < b && !capWord(f.toks[a].Text) {
			a++ // a connector left at the front
		}
	}
	if a >= b {
		return
	}
	last := &f.toks[b-1]
	start, end := f.toks[a].Start, last.End
	if n := possessiveLen(last.Text); n > 0 {
		end -= n
	}
	placeCue := false
	if n := hyphenTail(last.Text); n > 0 {
		end = last.End - n
		placeCue = placeHyphenSuffixes[last.Text[len(last.Text)-n+1:]]
		if a == b-1 {
			// "US-made", "Rome-based": only a known name or a place
			if e, ok := kb.Lookup(f.d.Text[start:end]); ok {
				f.emit(start, end, newsgraph.NameMention, e.Type, e.Key, "", si)
			} else if placeCue {
				f.emit(start, end, newsgraph.NameMention, newsgraph.GPE, "", "", si)
			}
			return
		}
	}
	if end <= start {
		return
	}
	// a single ordinary word inside a sentence ("Patriot" missiles) is not
	// taken for a name unless something says it is one
	if a == b-1 && !f.initialWord(a, lo) && !allUpper(f.toks[a].Text) {
		if _, ok := lowerLookup(common, f.d.Text[start:end]); ok {
			if _, known := kb.Lookup(f.d.Text[start:end]); !known && !f.quoted(a, b, hi) && !kb.IsTitleWord(f.toks[a].Text) {
				return
			}
		}
	}
	text := f.d.Text[start:end]
	if e, ok := kb.Lookup(text); ok {
		typ, key := f.clubOrPlace(start, end, e)
		f.emit(start, end, newsgraph.NameMention, typ, key, "", si)
		return
	}
	if a < b-1 && f.splitDemonym(a, b, end, si) {
		return
	}
	if f.titledName(a, b, start, end, lo, hi, si) {
		return
	}
	if f.splitByTagger(start, end, si) {
		return
	}
	f.plainName(a, b, start, end, lo, hi, si, placeCue)
}

// clubOrPlace types the known name [start, end): a city that the tagger
// reads as an organisation is a club or a company named after it ("Leeds
// beat Chelsea 2-0"), not the city; a capital stays the state it stands for
// ("Kiev said"); a state named as a team in a results line is the team
// ("Colorado 4 ST LOUIS 7").
func (f *finder) clubOrPlace(start, end int, e kb.Entry) (newsgraph.EntityType, string) {
	if n, ok := f.tagged(start, end); ok && n.Type == newsgraph.Org && (n.Team || strings.HasPrefix(e.Key, "city:") && e.StandsFor == "") {
		return newsgraph.Org, ""
	}
	return e.Type, e.Key
}

// taggedType types a name of the tagger: by the knowledge base when it
// knows the name (a club named after a city or a state excepted), else as
// the tagger does.
func (f *finder) taggedType(n ner.Span) (newsgraph.EntityType, string) {
	if e, ok := kb.Lookup(f.d.Text[n.Start:n.End]); ok {
		return f.clubOrPlace(n.Start, n.End, e)
	}
	// an abbreviation whose last dot ends the sentence too ("the U.S.")
	if n.End < len(f.d.Text) && f.d.Text[n.End] == '.' && strings.IndexByte(f.d.Text[n.Start:n.End], '.') > 0 {
		if e, ok := kb.Lookup(f.d.Text[n.Start : n.End+1]); ok {
			return f.clubOrPlace(n.Start, n.End, e)
		}
	}
	return n.Type, ""
}

// splitDemonym splits a leading demonym off a name that it only describes:
// "Ukrainian Nato (membership)", "Russian Vladimir Putin". It reports whether
// it did.
func (f *finder) splitDemonym(a, b, end, si int) bool {
	t := &f.toks[a]
	e, ok := kb.Lookup(t.Text)
	if !ok || e.Type != newsgraph.NORP {
		return false
	}
	restStart := f.toks[a+1].Start
	r, known := kb.Lookup(f.d.Text[restStart:end])
	if !known && !kb.IsFirstName(f.toks[a+1].Text) {
		return false
	}
	f.emit(t.Start, t.End, newsgraph.NameMention, e.Type, e.Key, "", si)
	if known {
		f.emit(restStart, end, newsgraph.NameMention, r.Type, r.Key, "", si)
		return true
	}
	f.run(a+1, b, f.d.Sentences[si].FirstToken, f.d.Sentences[si].EndToken, si)
	return true
}

// quoted reports whether toks[a:b] is all that stands between two quotation
// marks: the title of a publication or a work.
func (f *finder) quoted(a, b, hi int) bool {
	if a == 0 || b >= len(f.toks) {
		return false
	}
	p, n := &f.toks[a-1], &f.toks[b]
	return p.Kind == newsgraph.QuoteMark && p.Quote != newsgraph.CloseQuote && p.End == f.toks[a].Start &&
		n.Kind == newsgraph.QuoteMark && n.Quote != newsgraph.OpenQuote && n.Start == f.toks[b-1].End && b-a <= 6
}

// titledName splits "US Vice President JD Vance" into the role "US Vice
// President", the names inside it, and the person's name. It reports
// whether the run was handled.
func (f *finder) titledName(a, b, start, end, lo, hi, si int) bool {
	lastWord := f.toks[b-1].Text
	if n := possessiveLen(lastWord); n > 0 {
		lastWord = lastWord[:len(lastWord)-n]
	}
	if st := suffixType[lastWord]; st != "" {
		return false // "General Motors", "Prime Minister's Office"
	}
	// the last title word that has a name word after it
	j := -1
	for i := b - 1; i >= a; i-- {
		w := f.toks[i].Text
		if w == "." {
			continue
		}
		if kb.IsTitleWord(w) {
			j = i
			break
		}
	}
	if j < 0 {
		return false
	}
	// a title word inside a name the tagger reads as something else than
	// a person ("Labor Day", "Minister Hotel") is no title
	if f.taggedAcross(j, b) {
		return false
	}
	// a title word inside the person's name ("Prime Minister John Major"):
	// the title is the one before the name the tagger reads
	if p := f.personEndingAt(end); p >= 0 && f.names[p].Start > start && f.names[p].Start <= f.toks[j].Start {
		if k := f.tokenAt(f.names[p].Start) - 1; k >= a && kb.IsTitleWord(f.toks[k].Text) {
			j = k
		}
	}
	nameFrom := j + 1
	for nameFrom < b && (f.toks[nameFrom].Text == "." || connectors[f.toks[nameFrom].Text]) {
		nameFrom++
	}
	if nameFrom >= b {
		// only a title: "Culture Minister", "the US President"; not a
		// name the tagger reads as a person's ("Hun Sen")
		if !f.titleEnds(a, b) {
			return false
		}
		if n, ok := f.tagged(start, end); ok && n.Type == newsgraph.Person {
			return false
		}
		ds := start
		if a > lo && isThe(f.toks[a-1].Text) {
			ds = f.toks[a-1].Start
		}
		f.kbInside(a, b, si)
		f.emit(ds, end, newsgraph.DescriptionMention, newsgraph.Person, "", f.d.Text[start:end], si)
		return true
	}
	nameStart := f.toks[nameFrom].Start
	roleEnd := f.toks[j].End
	if f.toks[j+1].Text == "." && j+1 < b {
		roleEnd = f.toks[j+1].End
	}
	// "Pope Francis", "King Charles": the title is part of the name
	if j == a {
		if _, ok := lowerLookup(nameTitles, f.toks[j].Text); ok {
			f.emit(start, end, newsgraph.NameMention, newsgraph.Person, "", f.toks[j].Text, si)
			return true
		}
	}
	if roleStart := f.roleClear(f.roleStart(a, lo), roleEnd, si); roleStart < start {
		start = roleStart
	}
	role := f.d.Text[start:roleEnd]
	f.kbInside(a, j+1, si)
	f.emit(start, roleEnd, newsgraph.RoleMention, newsgraph.Person, "", role, si)
	typ, key := newsgraph.Person, ""
	if e, ok := kb.Lookup(f.d.Text[nameStart:end]); ok && e.Type != newsgraph.NORP {
		typ, key = e.Type, e.Key
	} else if f.splitByTagger(nameStart, end, si) {
		// "President Tono Eitel of Germany": the person and a place; the
		// first of the tagger's names is the person with the title
		for i := len(f.out) - 1; i >= 0 && f.out[i].Start >= nameStart; i-- {
			if f.out[i].Start == nameStart && f.out[i].Type == newsgraph.Person {
				f.out[i].Role = role
			}
		}
		return true
	}
	f.emit(nameStart, end, newsgraph.NameMention, typ, key, role, si)
	return true
}

// personEndingAt returns the index in f.names of the tagger's person whose
// name ends at byte end, or -1.
func (f *finder) personEndingAt(end int) int {
	i := sort.Search(len(f.names), func(i int) bool { return f.names[i].End >= end })
	if i < len(f.names) && f.names[i].End == end && f.names[i].Type == newsgraph.Person {
		return i
	}
	return -1
}

// taggedAcross reports whether a name of the tagger other than a person's
// holds token j and the token after it.
func (f *finder) taggedAcross(j, b int) bool {
	if j+1 >= b {
		return false
	}
	st, en := f.toks[j].Start, f.toks[j+1].End
	i := sort.Search(len(f.names), func(i int) bool { return f.names[i].End > st })
	return i < len(f.names) && f.names[i].Start <= st && f.names[i].End >= en && f.names[i].Type != newsgraph.Person
}

// titleEnds reports whether toks[a:b] ends in a title ("Culture Minister",
// "Secretary of State").
func (f *finder) titleEnds(a, b int) bool {
	for i := max(a, b-kb.MaxTitleWords); i < b; i++ {
		if _, ok := kb.LookupTitle(f.d.Text[f.toks[i].Start:f.toks[b-1].End]); ok {
			return true
		}
	}
	return false
}

// kbInside reports the known names inside a title: "US" in "US President",
// "Kremlin" in "Kremlin leader".
func (f *finder) kbInside(a, b, si int) {
	for i := a; i < b; i++ {
		t := &f.toks[i]
		if !capWord(t.Text) || kb.IsTitleWord(t.Text) {
			continue
		}
		// the longest known name starting here
		for e2 := min(b, i+4); e2 > i; e2-- {
			end := f.toks[e2-1].End
			txt := f.d.Text[t.Start:end]
			if n := possessiveLen(txt); n > 0 {
				txt = txt[:len(txt)-n]
				end -= n
			}
			if e, ok := kb.Lookup(txt); ok {
				f.emit(t.Start, end, newsgraph.NameMention, e.Type, e.Key, "", si)
				i = e2 - 1
				break
			}
		}
	}
}

// roleStart extends a role backwards from token a over the lowercase title
// words, modifiers, known names and possessive determiners before it:
// "Ukrainian head of state", "his special envoy". It returns the byte offset
// where the role starts (the start of token a when nothing precedes).
func (f *finder) roleStart(a, lo int) int {
	start := f.toks[a].Start
	k := a - 1
	for k >= lo {
		if !f.gapIsSpace(k) {
			break
		}
		// a title of several words ending at k: "head of state"
		matched := false
		for n := min(kb.MaxTitleWords, k-lo+1); n >= 1; n-- {
			if f.toks[k-n+1].Kind != newsgraph.Word {
				continue
			}
			if _, ok := kb.LookupTitle(f.d.Text[f.toks[k-n+1].Start:f.toks[k].End]); ok {
				start = f.toks[k-n+1].Start
				k -= n
				matched = true
				break
			}
		}
		if matched {
			continue
		}
		t := &f.toks[k]
		if t.Kind != newsgraph.Word {
			break
		}
		if _, ok := lowerLookup(roleModifiers, t.Text); ok && !startsUpper(t.Text) {
			start = t.Start
			k--
			continue
		}
		if _, ok := lowerLookup(possessiveDeterminers, t.Text); ok && !startsUpper(t.Text) {
			start = t.Start
			break
		}
		if capWord(t.Text) {
			txt := t.Text
			if n := possessiveLen(txt); n > 0 {
				txt = txt[:len(txt)-n]
			}
			if e, ok := kb.Lookup(txt); ok && e.Type != newsgraph.Person {
				start = t.Start
				k--
				continue
			}
		}
		break
	}
	return start
}

// lowercaseRole finds a role written in lowercase before a name ("Kremlin
// leader", "his special envoy", "Ukrainian head of state") and returns its
// start, or -1 when there is none.
func (f *finder) lowercaseRole(a, lo int) int {
	if a <= lo || !f.gapIsSpace(a-1) {
		return -1
	}
	k := a - 1
	for n := min(kb.MaxTitleWords, k-lo+1); n >= 1; n-- {
		first := &f.toks[k-n+1]
		if first.Kind != newsgraph.Word || startsUpper(first.Text) && n == 1 && !allUpper(first.Text) {
			continue
		}
		if _, ok := kb.LookupTitle(f.d.Text[first.Start:f.toks[k].End]); ok {
			if k-n+1 > lo {
				return min(first.Start, f.roleStart(k-n+1, lo))
			}
			return first.Start
		}
	}
	return -1
}

// roleClear moves the start of a role read backwards from a name past a
// mention of sentence si found before it that the role would cross ("the
// ms" found as a description before "ms aide A0"): mentions never cross.
func (f *finder) roleClear(start, end, si int) int {
	for i := len(f.out) - 1; i >= 0 && f.out[i].Sentence == si; i-- {
		if m := &f.out[i]; m.Start < start && start < m.End && m.End < end {
			start = f.toks[f.tokenAt(m.End)].Start
		}
	}
	return start
}

// plainName types a name that has no title inside it.
func (f *finder) plainName(a, b, start, end, lo, hi, si int, placeCue bool) {
	text := f.d.Text[start:end]
	lastWord := f.toks[b-1].Text
	if n := possessiveLen(lastWord); n > 0 {
		lastWord = lastWord[:len(lastWord)-n]
	}
	var typ newsgraph.EntityType
	g := strong
	// the cues that are only likely: a first name can start a company's
	// name ("Paris Saint-Germain"), and organisations say things too
	const (
		cueOther = iota
		cueFirstName
		cueSays
	)
	cue := cueOther
	role := ""
	roleAt := f.lowercaseRole(a, lo)
	next := ""
	if b < hi && f.toks[b].Kind == newsgraph.Word && f.gapIsSpace(b-1) {
		next = f.toks[b].Text
	}
	prev := ""
	if a > lo && f.toks[a-1].Kind == newsgraph.Word {
		prev = f.toks[a-1].Text
	}
	switch {
	case f.quoted(a, b, hi):
		typ = newsgraph.Org
	case suffixType[lastWord] != "":
		typ = suffixType[lastWord]
		// a place word ends the names of clubs too ("Crystal Palace", "Notts
		// County"): the tagger, which reads the line, decides
		if n, ok := f.tagged(start, end); ok && n.Type == newsgraph.Org && typ != newsgraph.EventT {
			typ = newsgraph.Org
		}
	case roleAt >= 0:
		typ = newsgraph.Person
		roleAt = f.roleClear(roleAt, f.toks[a-1].End, si)
		role = f.d.Text[roleAt:f.toks[a-1].End]
		f.kbInside(f.tokenAt(roleAt), a, si)
		f.emit(roleAt, f.toks[a-1].End, newsgraph.RoleMention, newsgraph.Person, "", role, si)
	case b-a >= 2 && kb.IsFirstName(f.toks[a].Text) && !allUpper(f.toks[a].Text):
		typ, cue = newsgraph.Person, cueFirstName
	case b-a >= 2 && allUpper(f.toks[a].Text) && len(f.toks[a].Text) <= 3 && kb.IsFirstName(f.toks[a].Text):
		typ = newsgraph.Person // "JD Vance"
	case isHonorific(prev):
		typ = newsgraph.Person
	case saysVerbs[next]:
		typ, cue = newsgraph.Person, cueSays
		if allUpper(text) {
			typ = newsgraph.Org
		}
	case orgFollowers[next]:
		typ = newsgraph.Org
	case placeCue || placePrepositions[prev] && b-a == 1:
		typ, g = newsgraph.GPE, weakPlace
	case allUpper(text) && utf8.RuneCountInString(text) >= 2:
		typ, g = newsgraph.Org, weakAcronym
	case b-a >= 2:
		typ, g = newsgraph.Person, weakMulti
	case f.initialWord(a, lo):
		typ, g = newsgraph.Person, weakInitial
	default:
		typ, g = newsgraph.Person, weakSingle
	}
	if f.headline && g != strong {
		g = weakInitial
	}
	// a guess yields to the tagger, which has seen the words around the
	// name; it stays a guess that the other mentions of the same name in
	// the document may overrule (resolveWeak)
	if n, ok := f.taggedAny(start, end); ok && (g != strong || cue == cueFirstName || cue == cueSays) {
		if n.Type == "" {
			return // an event, a product or a nationality used as a noun
		}
		typ = n.Type
	}
	if g != strong && !f.taggerOverlaps(start, end) {
		return // a guess that the tagger does not support
	}
	i := f.emit(start, end, newsgraph.NameMention, typ, "", role, si)
	if g != strong {
		f.weak = append(f.weak, i)
		f.guess = append(f.guess, g)
	}
}

func isHonorific(w string) bool {
	if w == "" {
		return false
	}
	_, ok := lowerLookup(honorifics, strings.TrimSuffix(w, "."))
	return ok
}

// tokenAt returns the index of the token that starts at byte off.
func (f *finder) tokenAt(off int) int {
	return sort.Search(len(f.toks), func(i int) bool { return f.toks[i].Start >= off })
}

// description finds a description that starts with "the" at token k: a
// title with no name after it ("the head of state") or a state's leadership
// ("the leadership in Moscow", "the Ukrainian side"). It returns the index
// after the description, or k when there is none.
func (f *finder) description(k, hi, si int) int {
	// "the NORP side"
	if k+2 < hi && f.gapIsSpace(k) && f.gapIsSpace(k+1) {
		adj, noun := &f.toks[k+1], &f.toks[k+2]
		if _, ok := lowerLookup(stateNouns, noun.Text); ok && capWord(adj.Text) {
			if e, ok := kb.Lookup(adj.Text); ok && (e.Type == newsgraph.NORP || e.Type == newsgraph.GPE) {
				key := e.Key
				if e.StandsFor != "" {
					key = e.StandsFor
				}
				f.emit(f.toks[k].Start, noun.End, newsgraph.DescriptionMention, newsgraph.GPE, key, "", si)
				return k + 1 // the demonym itself is read as a name
			}
		}
	}
	// "the leadership in Moscow"
	if k+3 < hi && f.gapIsSpace(k) && f.gapIsSpace(k+1) && f.gapIsSpace(k+2) {
		noun, prep := &f.toks[k+1], f.toks[k+2].Text
		if ok := stateNouns[noun.Text]; ok && (prep == "in" || prep == "of") && capWord(f.toks[k+3].Text) {
			place := &f.toks[k+3]
			if e, ok := kb.Lookup(place.Text); ok && e.Type == newsgraph.GPE {
				key := e.Key
				if e.StandsFor != "" {
					key = e.StandsFor
				}
				f.emit(f.toks[k].Start, place.End, newsgraph.DescriptionMention, newsgraph.GPE, key, "", si)
				return k + 3 // the place itself is read as a name
			}
		}
	}
	// "the (Ukrainian) (former) head of state" with no name after it
	best := -1
	for j := k + 1; j < hi && j <= k+1+kb.MaxTitleWords+2; j++ {
		t := &f.toks[j]
		if t.Kind != newsgraph.Word || !f.gapIsSpace(j-1) {
			break
		}
		w := t.Text
		if n := possessiveLen(w); n > 0 {
			w = w[:len(w)-n]
		}
		if !kb.IsTitleWord(w) && !f.modifiersOnly(j, j+1) && w != "of" && w != "for" {
			break
		}
		// a title ending at j, starting anywhere after "the"
		for i := k + 1; i <= j; i++ {
			txt := f.d.Text[f.toks[i].Start : f.toks[j].End-possessiveLen(t.Text)]
			if _, ok := kb.LookupTitle(txt); ok && f.modifiersOnly(k+1, i) {
				best = j
				break
			}
		}
		if possessiveLen(t.Text) > 0 {
			break
		}
	}
	if best < 0 {
		return k
	}
	after := best + 1
	if after < hi && f.nameWord(after, false) && f.gapIsSpace(best) {
		return k // a name follows: the title is a role, found with the name
	}
	if f.toks[k].Text == "The" && best < hi && allCapsRun(f.toks[k+1:best+1]) && after < hi && capWord(f.toks[after].Text) {
		return k
	}
	end := f.toks[best].End - possessiveLen(f.toks[best].Text)
	f.kbInside(k+1, best+1, si)
	f.emit(f.toks[k].Start, end, newsgraph.DescriptionMention, newsgraph.Person, "", f.d.Text[f.toks[k+1].Start:end], si)
	return after
}

func allCapsRun(toks []newsgraph.Token) bool {
	for i := range toks {
		if !startsUpper(toks[i].Text) {
			return false
		}
	}
	return true
}

// modifiersOnly reports whether toks[a:b] are words that may stand between
// "the" and a title: modifiers and known demonyms or countries.
func (f *finder) modifiersOnly(a, b int) bool {
	for i := a; i < b; i++ {
		w := f.toks[i].Text
		if _, ok := lowerLookup(roleModifiers, w); ok {
			continue
		}
		if capWord(w) {
			if e, ok := kb.Lookup(w); ok && e.Type != newsgraph.Person {
				continue
			}
		}
		return false
	}
	return true
}

// resolveWeak retypes names that were typed by a guess, from the names in
// the document whose type is certain: a single word that is part of a
// person's full name is that person; the same name typed elsewhere keeps
// that type.
func (f *finder) resolveWeak() {
	if len(f.weak) == 0 {
		return
	}
	byText := map[string]newsgraph.EntityType{}
	personWord := map[string]bool{}
	weakSet := make(map[int]bool, len(f.weak))
	for _, i := range f.weak {
		weakSet[i] = true
	}
	for i := range f.out {
		m := &f.out[i]
		if m.Kind != newsgraph.NameMention || weakSet[i] || m.Type == "" {
			continue
		}
		byText[m.Text] = m.Type
		if m.Type == newsgraph.Person {
			for _, w := range strings.Fields(m.Text) {
				if startsUpper(w) && !kb.IsTitleWord(w) {
					personWord[w] = true
				}
			}
		}
	}
	// the weak single words whose fate depends on how the document writes
	// them elsewhere
	var asked map[string]*usage
	for n, i := range f.weak {
		m := &f.out[i]
		if f.guess[n] != weakInitial && f.guess[n] != weakSingle {
			continue
		}
		if _, ok := byText[m.Text]; ok || !strings.Contains(m.Text, " ") && personWord[m.Text] {
			continue
		}
		if asked == nil {
			asked = map[string]*usage{}
		}
		w, _, _ := strings.Cut(m.Text, " ")
		asked[w] = &usage{}
	}
	if asked != nil {
		f.usages(asked)
	}
	drop := map[int]bool{}
	for n, i := range f.weak {
		m := &f.out[i]
		if t, ok := byText[m.Text]; ok {
			m.Type = t
			continue
		}
		if !strings.Contains(m.Text, " ") && personWord[m.Text] {
			m.Type = newsgraph.Person
			continue
		}
		if f.guess[n] != weakInitial && f.guess[n] != weakSingle {
			continue
		}
		firstWord, _, _ := strings.Cut(m.Text, " ")
		u := asked[firstWord]
		// a word the document also writes in lowercase is an ordinary word;
		// one found only at the start of a sentence has nothing for it
		if u.lower && !strings.Contains(m.Text, " ") || f.guess[n] == weakInitial && !u.midCaps {
			// the tagger, which read the words around it, may still say it
			// is a name, unless it holds a verb or a function word (a
			// headline in title case)
			if _, ok := f.tagged(m.Start, m.End); !ok || f.headlineWords(m.Start, m.End) {
				drop[i] = true
			}
		}
	}
	if len(drop) > 0 {
		out := f.out[:0]
		for i, m := range f.out {
			if !drop[i] {
				out = append(out, m)
			}
		}
		f.out = out
	}
}

// headlineWords reports whether the words in [start, end) hold a verb or a
// capitalised function word, which a headline in title case has and a name
// does not ("Report Speculates About Territorial Cessions").
func (f *finder) headlineWords(start, end int) bool {
	for k := f.tokenAt(start); k < len(f.toks) && f.toks[k].End <= end; k++ {
		t := &f.toks[k]
		if !startsUpper(t.Text) {
			continue
		}
		if strings.HasPrefix(t.POS, "VB") && t.POS != "VBN" {
			return true
		}
		if _, ok := lowerLookup(headlineFunctionWords, t.Text); ok && t.Start > start {
			return true
		}
	}
	return false
}

// headlineFunctionWords are words that a headline in title case capitalises
// and names write in lowercase.
var headlineFunctionWords = map[string]bool{"about": true, "after": true, "against": true, "amid": true,
	"as": true, "at": true, "by": true, "for": true, "from": true, "in": true, "into": true, "is": true,
	"on": true, "over": true, "says": true, "to": true, "with": true, "are": true, "was": true, "were": true}

// usage says how the document writes a word: in lowercase somewhere, and
// capitalised away from the start of a sentence and outside headlines.
type usage struct{ lower, midCaps bool }

// usages fills in how the document writes each word of asked.
func (f *finder) usages(asked map[string]*usage) {
	var buf [40]byte
	for si := range f.d.Sentences {
		s := f.d.Sentences[si]
		headline := isHeadline(f.toks[s.FirstToken:s.EndToken])
		for k := s.FirstToken; k < s.EndToken; k++ {
			t := &f.toks[k]
			if t.Kind != newsgraph.Word || len(t.Text) > len(buf) {
				continue
			}
			w := t.Text
			if n := possessiveLen(w); n > 0 {
				w = w[:len(w)-n]
			}
			if !startsUpper(w) {
				// compare with the capitalised form that was asked about
				b := append(buf[:0], w...)
				if b[0] >= 'a' && b[0] <= 'z' {
					b[0] -= 'a' - 'A'
				}
				if u := asked[string(b)]; u != nil {
					u.lower = true
				}
				continue
			}
			if headline {
				continue
			}
			if u := asked[w]; u != nil && !f.initialWord(k, s.FirstToken) {
				u.midCaps = true
			}
		}
	}
}

// notNames are capitalised words that never start a name of their own.
var notNames = map[string]bool{
	"I": true, "Monday": true, "Tuesday": true, "Wednesday": true, "Thursday": true, "Friday": true,
	"Saturday": true, "Sunday": true, "January": true, "February": true, "March": true, "April": true,
	"June": true, "July": true, "August": true, "September": true, "October": true, "November": true,
	"December": true, "Jan": true, "Feb": true, "Mar": true, "Apr": true, "Jun": true, "Jul": true,
	"Aug": true, "Sep": true, "Sept": true, "Oct": true, "Nov": true, "Dec": true, "He": true, "She": true,
	"It": true, "They": true, "We": true, "You": true, "His": true, "Her": true, "Its": true, "Their": true,
	"Our": true, "My": true, "Mon": true, "Tue": true, "Wed": true, "Thu": true, "Fri": true, "Sat": true, "Sun": false,
}

// lowerLookup looks w up in m by its ASCII lowercase form without
// allocating.
func lowerLookup[V any](m map[string]V, w string) (V, bool) {
	var buf [40]byte
	if len(w) > len(buf) {
		v, ok := m[strings.ToLower(w)]
		return v, ok
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	v, ok := m[string(buf[:len(w)])]
	return v, ok
}
