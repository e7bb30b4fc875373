package ner

import (
	"slices"
	"strings"
	"sync"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/kb"
	"github.com/newsgraph/newsgraph/ner/model"
)

// Default returns the model embedded in package ner/model, decoded at the
// first call.
var Default = sync.OnceValues(func() (*Model, error) { return Load(model.NER) })

// Span is a name found by the tagger.
type Span struct {
	Start, End  int // byte offsets into Document.Text
	First, Last int // the tokens d.Tokens[First:Last] it covers
	Label       string
	// Type is PERSON, ORG, or for a place the knowledge base's type of the
	// name (GPE, LOC, FAC), GPE when it does not know it; "" for MISC.
	Type newsgraph.EntityType

	// Team is true for an organisation named as a team in a line of
	// sports results ("Derbyshire 471 and 71-1", "Colorado 4 ST LOUIS 7"),
	// and for the same name elsewhere in the document: it is the club,
	// though the knowledge base knows a place of that name.
	Team bool

	// sure keeps the label against the document's votes (the town of a
	// dateline or the place of a game is a place, whatever the same word
	// is elsewhere)
	sure bool
}

var pool = sync.Pool{New: func() any { return new(scratch) }}

// Find returns the names in d (which must be segmented; POS tags help).
func (m *Model) Find(d *newsgraph.Document) []Span {
	return m.AppendSpans(nil, d)
}

// AppendSpans appends the names in d to dst.
func (m *Model) AppendSpans(dst []Span, d *newsgraph.Document) []Span {
	sc := pool.Get().(*scratch)
	defer pool.Put(sc)
	documentLower(d, sc)
	base := len(dst)
	var labels [256]int8
	for si := range d.Sentences {
		s := &d.Sentences[si]
		toks := d.Tokens[s.FirstToken:s.EndToken]
		// very long "sentences" (tables, lists) are tagged in pieces
		for off := 0; off < len(toks); off += len(labels) {
			part := toks[off:min(len(toks), off+len(labels))]
			out := labels[:len(part)]
			m.tagSentence(d.Text, part, sc, out)
			trimNames(part, sc.info, out)
			knownPlaces(d.Text, part, sc.info, sc.head, out)
			sure := off == 0 && dateline(part, sc.info, out)
			venue, teams := teamLine(part, sc.info, out)
			titledPerson(d.Text, part, sc.info, out)
			initials(part, sc.info, out)

			orgOfPlace(part, out)
			knownTail(d.Text, part, sc.info, sc.head, out)
			n0 := len(dst)
			dst = appendSpans(dst, d.Text, part, s.FirstToken+off, out)
			if sure && len(dst) > n0 {
				dst[n0].sure = true
			}
			for k := n0; k < len(dst) && teams; k++ {
				dst[k].Team = dst[k].Label == "ORG"
			}
			if !teams {
				teamCue(d, dst[n0:])
			}
			for k := n0; k < len(dst) && venue >= 0; k++ {
				if dst[k].First == s.FirstToken+off+venue {
					dst[k].sure = true
				}
			}
		}
	}
	return consistent(dst, base, d, sc)
}

// consistent makes the names of one document agree: a name written the same
// way several times takes the label most of its occurrences have, and a
// single capitalised word that the document uses elsewhere as a name (or as
// the last word of a person's name: "Obama" after "Barack Obama") is that
// name wherever the tagger missed it. Names are read with their context
// only once; the document as a whole often says more.
func consistent(dst []Span, base int, d *newsgraph.Document, sc *scratch) []Span {
	spans := dst[base:]
	if len(spans) == 0 {
		return dst
	}
	if sc.votes == nil {
		sc.votes = make(map[string][4]int32, 64)
	}
	clear(sc.votes)
	vote := func(text, label string, n int32) {
		v := sc.votes[text]
		v[labelSlot(label)] += n
		sc.votes[text] = v
	}
	teams := false
	for i := range spans {
		s := &spans[i]
		if s.Team {
			// a team in a results line is a team in the report below it
			vote(d.Text[s.Start:s.End], s.Label, 4)
			teams = true
			continue
		}
		vote(d.Text[s.Start:s.End], s.Label, 2)
		if s.Label == "PER" && s.Last-s.First >= 2 {
			last := &d.Tokens[s.Last-1]
			if last.Start >= s.Start && startsCapital(last.Text) {
				vote(d.Text[last.Start:s.End], "PER", 6)
			}
		}
		// a company named in full is named without its legal form too
		// ("Mercantile Bancorp Inc." → "Mercantile Bancorp")
		if s.Label == "ORG" && s.Last-s.First >= 2 {
			k := s.Last - 1
			if d.Tokens[k].Text == "." && k-1 > s.First {
				k--
			}
			if legalForm(d.Tokens[k].Text) && k-1 >= s.First {
				vote(d.Text[s.Start:d.Tokens[k-1].End], "ORG", 6)
			}
		}
	}
	for i := range spans {
		s := &spans[i]
		if s.sure {
			continue
		}
		v := sc.votes[d.Text[s.Start:s.End]]
		if s.Last-s.First == 1 {
			var buf [32]byte
			if tc, isCaps := titleCase(buf[:0], d.Text[s.Start:s.End]); isCaps {
				if tv, ok := sc.votes[string(tc)]; ok {
					v = tv
				}
			}
		}
		// a name of two or three words that ends in the surname of a
		// person named in full elsewhere is that person, misspelt or
		// mistyped ("Voldymyr Zelensky" after "Volodymyr Zelensky")
		if n := s.Last - s.First; s.Label != "PER" && n >= 2 && n <= 3 {
			if last := &d.Tokens[s.Last-1]; last.Start > s.Start && startsCapital(last.Text) {
				if sv := sc.votes[d.Text[last.Start:s.End]]; sv[0] >= 6 && sv[0] > sv[1]+sv[2]+sv[3] {
					v[0] += sv[0]
				}
			}
		}
		best := labelSlot(s.Label)
		for k := range v {
			if v[k] > v[best] {
				best = k
			}
		}
		if lab := slotLabels[best]; lab != s.Label {
			s.Label, s.Type = lab, spanType(lab, d.Text[s.Start:s.End])
		}
	}
	// single words the tagger missed
	added := false
	next := 0 // index in spans of the first name that ends after the token
	for ti := range d.Tokens {
		t := &d.Tokens[ti]
		for next < len(spans) && spans[next].End <= t.Start {
			next++
		}
		if next < len(spans) && spans[next].Start < t.End {
			continue // inside a name
		}
		if t.Kind != newsgraph.Word || !startsCapital(t.Text) {
			continue
		}
		w := t.Text[:len(t.Text)-possessiveLen(t.Text)]
		v, ok := sc.votes[w]
		if !ok {
			// a headline in capitals names what the text names in
			// mixed case ("KLINSMANN" for "Klinsmann")
			var buf [32]byte
			tc, isCaps := titleCase(buf[:0], w)
			if !isCaps {
				continue
			}
			if v, ok = sc.votes[string(tc)]; !ok {
				continue
			}
		}
		best := 0
		for k := range v {
			if v[k] > v[best] {
				best = k
			}
		}
		lab := slotLabels[best]
		dst = append(dst, Span{Start: t.Start, End: t.Start + len(w), First: ti, Last: ti + 1, Label: lab, Type: spanType(lab, w)})
		added = true
	}
	if added {
		spans = dst[base:]
		slices.SortStableFunc(spans, func(a, b Span) int { return a.Start - b.Start })
	}
	if teams {
		teamNames(spans, d, sc)
	}
	return dst
}

// teamNames types as organisations the names of a document that a line of
// sports results names as teams, wherever the document reads them as
// organisations: the knowledge base's place of that name (a state, a city)
// is not what is meant, unless it is a country or a region with a people of
// its own (national teams: "England", "Scotland").
func teamNames(spans []Span, d *newsgraph.Document, sc *scratch) {
	for i := range spans {
		s := &spans[i]
		if s.Label != "ORG" || s.Type == newsgraph.Org {
			continue
		}
		if !s.Team {
			v := sc.votes[d.Text[s.Start:s.End]]
			if v[labelSlot("ORG")] < 4 {
				continue
			}
		}
		if e, ok := kb.Lookup(d.Text[s.Start:s.End]); ok && (strings.HasPrefix(e.Key, "country:") || kb.HasDemonym(e.Key)) {
			continue
		}
		s.Type, s.Team = newsgraph.Org, true
	}
}

// legalForm reports whether w is the legal form that ends a company's name.
func legalForm(w string) bool {
	switch w {
	case "Inc", "Inc.", "Corp", "Corp.", "Co", "Co.", "Ltd", "Ltd.", "Plc", "plc", "PLC", "AG", "SA", "NV", "BV",
		"GmbH", "SpA", "AB", "ASA", "Oyj", "LLC", "LLP", "Limited", "Corporation", "Incorporated", "Bhd", "Tbk", "KK":
		return true
	}
	return false
}

// titleCase appends to dst the word w, in ASCII capitals, with all but its
// first letter in lowercase, and reports whether w was such a word (two
// letters or more, all capitals, fitting dst).
func titleCase(dst []byte, w string) ([]byte, bool) {
	if len(w) < 2 || len(w) > cap(dst) {
		return dst, false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= 'A' && c <= 'Z':
			if i > 0 {
				c += 'a' - 'A'
			}
		case c == '.' || c == '-' || c == '\'':
		default:
			return dst, false
		}
		dst = append(dst, c)
	}
	return dst, true
}

var slotLabels = [4]string{"PER", "ORG", "LOC", "MISC"}

func labelSlot(label string) int {
	switch label {
	case "PER":
		return 0
	case "ORG":
		return 1
	case "LOC":
		return 2
	}
	return 3
}

// tagSentence labels the tokens of one sentence.
func (m *Model) tagSentence(text string, toks []newsgraph.Token, sc *scratch, out []int8) {
	m.sentenceInfo(text, toks, sc)
	m.features(toks, sc)
	n := len(toks)
	if cap(sc.scores) < n*NumLabels {
		sc.scores = make([]int32, n*NumLabels, n*NumLabels*3/2)
	}
	scores := sc.scores[:n*NumLabels]
	m.score(sc.feats[:n*NumFeatures], scores)
	if cap(sc.back) < n*NumLabels {
		sc.back = make([]int8, n*NumLabels, n*NumLabels*3/2)
	}
	viterbi(scores, &m.trans, n, sc.back[:n*NumLabels], out)
}

// score sets scores[i*NumLabels:(i+1)*NumLabels] to the label scores of
// the token with the features feats[i*NumFeatures:(i+1)*NumFeatures].
func (m *Model) score(feats []uint32, scores []int32) {
	// Each feature adds one packed row: its bytes of weight+128 spread
	// into 16-bit lanes (labels 0, 2, 4, 6 in a0; 1, 3, 5, 7 in a1), which
	// cannot overflow (NumFeatures×255 < 65536), so one addition sums four
	// labels; the bias is taken off when the lanes are read.
	packed := m.packed
	const bias = NumFeatures * 128
	const even = 0x00ff00ff00ff00ff
	for i := range len(feats) / NumFeatures {
		var a0, a1, a2 uint64
		for _, f := range feats[i*NumFeatures : (i+1)*NumFeatures] {
			r := (*[packWords]uint64)(packed[int(f)*packWords:])
			a0 += r[0] & even
			a1 += r[0] >> 8 & even
			a2 += r[1]
		}
		row := (*[NumLabels]int32)(scores[i*NumLabels:])
		row[0] = int32(a0&0xffff) - bias
		row[1] = int32(a1&0xffff) - bias
		row[2] = int32(a0>>16&0xffff) - bias
		row[3] = int32(a1>>16&0xffff) - bias
		row[4] = int32(a0>>32&0xffff) - bias
		row[5] = int32(a1>>32&0xffff) - bias
		row[6] = int32(a0>>48) - bias
		row[7] = int32(a1>>48) - bias
		row[8] = int32(a2) - bias
	}
}

type number interface{ ~int32 | ~float32 }

// viterbi finds the best label sequence under the BIO constraints.
func viterbi[T number](scores []T, trans *[NumLabels + 1][NumLabels]T, n int, back []int8, out []int8) {
	if n == 0 {
		return
	}
	var prev, cur [NumLabels]T
	for l := 0; l < NumLabels; l++ {
		prev[l] = scores[l] + trans[NumLabels][l]
	}
	// an I- label cannot start a sentence: give it a score that no path
	// through it can win back (scores are far smaller than 1<<24)
	for l := 2; l < NumLabels; l += 2 {
		prev[l] -= 1 << 28
	}
	for i := 1; i < n; i++ {
		row := (*[NumLabels]T)(scores[i*NumLabels:])
		bk := (*[NumLabels]int8)(back[i*NumLabels:])
		for l := 0; l < NumLabels; l++ {
			// the predecessors that allowed lets a label have, in
			// increasing order (the first best wins): any label before O
			// or a B- label, the B- and I- labels of its type before an
			// I- label; spelt out, without a table, the loop bounds are
			// constants
			var best T
			arg := 0
			if l == 0 || l%2 == 1 {
				best = prev[0] + trans[0][l]
				for p := 1; p < NumLabels; p++ {
					if v := prev[p] + trans[p][l]; v > best {
						best, arg = v, p
					}
				}
			} else {
				best, arg = prev[l-1]+trans[l-1][l], l-1
				if v := prev[l] + trans[l][l]; v > best {
					best, arg = v, l
				}
			}
			cur[l] = best + row[l]
			bk[l] = int8(arg)
		}
		prev = cur
	}
	arg := 0
	for l := 1; l < NumLabels; l++ {
		if prev[l] > prev[arg] {
			arg = l
		}
	}
	out[n-1] = int8(arg)
	for i := n - 1; i > 0; i-- {
		out[i-1] = back[i*NumLabels+int(out[i])]
	}
}

// appendSpans turns labels into spans; first is the index of toks[0] in the
// document.
func appendSpans(dst []Span, text string, toks []newsgraph.Token, first int, labels []int8) []Span {
	for i := 0; i < len(toks); i++ {
		l := labels[i]
		if l == labelO {
			continue
		}
		if l%2 == 0 { // an I- label with no B- (cannot happen after Viterbi)
			l--
		}
		j := i + 1
		for j < len(toks) && labels[j] == l+1 {
			j++
		}
		// a leading article or, before a person's name, a title is not
		// part of the name ("The Bank of England", "President Putin")
		a := i
		for a < j-1 && (isArticle(toks[a].Text) || Labels[l] == "B-PER" && (kb.IsTitleWord(toks[a].Text) || hyphenTitle(toks[a].Text))) {
			a++
		}
		lab := Labels[l][2:]
		// a person's title inside a name ("Bosnian President Alija
		// Izetbegovic", "Bank of England Governor Eddie George"): what
		// follows it is the person, what goes before it a name of its own
		// if the knowledge base knows it
		if k := personTitleAt(toks, a, j); k >= 0 {
			if k > a {
				if e, ok := kb.Lookup(text[toks[a].Start:toks[k-1].End]); ok {
					if kl := kbLabel(e.Type); kl != "" {
						dst = appendSpan(dst, text, toks, first, a, k, kl)
					}
				}
			}
			a, lab = k+1, "PER"
		}
		dst = appendSpan(dst, text, toks, first, a, j, lab)
		i = j - 1
	}
	return dst
}

// appendSpan appends the name of tokens toks[a:j] (less a possessive
// ending) with label lab.
func appendSpan(dst []Span, text string, toks []newsgraph.Token, first, a, j int, lab string) []Span {
	start, end := toks[a].Start, toks[j-1].End
	end -= possessiveLen(toks[j-1].Text)
	if end > start {
		dst = append(dst, Span{Start: start, End: end, First: first + a, Last: first + j, Label: lab,
			Type: spanType(lab, text[start:end])})
	}
	return dst
}

// personTitles are the title words that only ever stand before a person's
// name; "General" or "National" also start the names of companies and
// bodies, so they are not here.
var personTitles = map[string]bool{
	"President": true, "King": true, "Queen": true, "Prince": true, "Princess": true, "Cardinal": true,
	"Emperor": true, "Empress": true, "Duke": true, "Duchess": true, "Sultan": true, "Tsar": true,
	"Bishop": true, "Archbishop": true, "Pope": true, "Minister": true, "Secretary": true, "Governor": true,
	"Senator": true, "Mayor": true, "Chairman": true, "Chairwoman": true, "Sheikh": true, "Sir": true,
	"Mr": true, "Mr.": true, "Mrs": true, "Mrs.": true, "Ms": true, "Ms.": true, "Dr": true, "Dr.": true,
	"Judge": true, "Coach": true, "Colonel": true, "Captain": true, "Commissioner": true, "Premier": true,
	"Chancellor": true, "Ambassador": true, "Spokesman": true, "Spokeswoman": true, "Sen.": true,
	"Rep.": true, "Gov.": true, "Gen.": true, "Lt.": true, "Col.": true, "Capt.": true, "Sgt.": true,
	"Envoy": true, "Emir": true, "Ayatollah": true, "Rabbi": true, "Reverend": true, "Rev.": true,
	"PRESIDENT": true, "KING": true, "MINISTER": true, "CEO": true, "CFO": true, "MP": true, "MEP": true,
}

// personTitleAt returns the index of the last person title in toks[a:j-1]
// after which only capitalised words that are not titles follow (one to
// three of them), or -1.
func personTitleAt(toks []newsgraph.Token, a, j int) int {
	for k := j - 2; k >= a && k >= j-4; k-- {
		if !personTitles[toks[k].Text] {
			continue
		}
		for m := k + 1; m < j; m++ {
			if toks[m].Kind != newsgraph.Word || !startsCapital(toks[m].Text) || kb.IsTitleWord(toks[m].Text) {
				return -1
			}
		}
		return k
	}
	return -1
}

// hyphenTitle reports whether w is a title joined by hyphens
// ("Major-General", "Lieutenant-Colonel", "Vice-President").
func hyphenTitle(w string) bool {
	k := strings.IndexByte(w, '-')
	if k <= 0 || k == len(w)-1 || !startsCapital(w) {
		return false
	}
	for w != "" {
		part := w
		if k >= 0 {
			part, w = w[:k], w[k+1:]
		} else {
			w = ""
		}
		if !kb.IsTitleWord(part) && part != "Vice" && part != "Deputy" {
			return false
		}
		k = strings.IndexByte(w, '-')
	}
	return true
}

// kbLabel is the tagger's label of a knowledge-base type, "" for none.
func kbLabel(t newsgraph.EntityType) string {
	switch t {
	case newsgraph.Person:
		return "PER"
	case newsgraph.Org:
		return "ORG"
	case newsgraph.GPE, newsgraph.Loc, newsgraph.Fac:
		return "LOC"
	case newsgraph.NORP:
		return "MISC"
	}
	return ""
}

// isCountryOrRegion reports whether a knowledge-base key names a country
// or a region (Scotland, Crimea): places that a name never means anything
// but, a national team included.
func isCountryOrRegion(key string) bool {
	return strings.HasPrefix(key, "country:") || strings.HasPrefix(key, "region:")
}

// spanType maps a label to an entity type. The knowledge base overrules the
// tagger where it is sure: a nationality word is NORP ("Swiss", "Lebanese")
// and a country or region a GPE, whatever the tagger says (national teams are named
// after their country); a place takes the base's type (GPE, LOC, FAC), GPE
// when it does not know the name.
func spanType(label, name string) newsgraph.EntityType {
	if label == "MISC" {
		return ""
	}
	e, known := kb.Lookup(name)
	if known && (e.Type == newsgraph.NORP || isCountryOrRegion(e.Key)) {
		return e.Type
	}
	switch label {
	case "PER":
		return newsgraph.Person
	case "ORG":
		return newsgraph.Org
	}
	if known {
		switch e.Type {
		case newsgraph.GPE, newsgraph.Loc, newsgraph.Fac:
			return e.Type
		}
	}
	return newsgraph.GPE
}

func isArticle(w string) bool { return w == "The" || w == "the" || w == "THE" }

// Text returns the span's text in the document's text.
func (s Span) Text(text string) string { return text[s.Start:s.End] }
