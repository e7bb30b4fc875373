package quote

import (
	"strings"

	"github.com/newsgraph/newsgraph"
)

// adjunctOpeners open the phrase of time or place after a stance verb's
// object (`endorsed Canova in late May`, `blamed them on Friday`).
var adjunctOpeners = set("in", "on", "at", "during", "after", "before", "when", "while", "monday", "tuesday",
	"wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today", "tonight", "last", "this", "earlier",
	"later", "recently")

// endContents cuts the content of each indirect or mixed quote whose cue
// comes before it where the clause the cue reports ends, as PolNeAR draws
// it: before ", and" that opens a clause with a subject of its own (`said
// she would stay, and her rival left`), before a second verb of the same
// subject (`thanked Miami and said …`, `blasted the plan and went home`),
// before a comma and a link to a clause with a cue of its own (`…,
// although he supports …`),
// and, when a stance verb's object
// is a pronoun or a name, before the phrase of time or place after it
// (`endorsed Canova in late May`), and before the writer's own words
// after it: a comment (`…, a loss bigger than any before`, `…, who
// worked …`, a quotation closed on its comma and a participle after it)
// or a comparison (`…, compared with …`). The tokens cut are given back, and
// the cues they held are read again. Cutting before `, which`, `, but`, a
// dash, or a stance verb's adverbial (`attacked the plan from the floor`)
// (after longer objects too) was measured and lost more matches than it
// made on PolNeAR train.
func (a *analyzer) endContents() {
	a.lateAccording()
	a.byAgentQuotes()
	if len(a.quotes) == 0 {
		return
	}
	a.objectsPastCommas()
	a.objectsToQuotations()
	a.namedAntecedents()
	a.dropVerbEnds()
	a.dropCircumstances()
	a.skipLeadCircumstances()
	// per token: 1 + the index of the cue whose verb starts there, and
	// bit flags of where a cue stands and where its own clause opens
	// (its subject, or the cue when no subject stands before it)
	cueOf := make([]int32, len(a.toks))
	opens := make([]uint8, len(a.toks))
	for ci := range a.cues {
		d := &a.cues[ci]
		cueOf[d.tok] = int32(ci + 1)
		opens[d.tok] |= cueHere
		if !d.inverted && d.subjS >= 0 && d.subjS < d.tok {
			opens[d.subjS] |= clauseHere
		} else {
			opens[d.tok] |= clauseHere
		}
	}
	from := 0
	for round := 0; round < 3; round++ {
		cut := false
		for i := from; i < len(a.quotes); i++ {
			q := &a.quotes[i]
			if q.Kind == newsgraph.Direct || !q.hasCue || q.span >= 0 || q.CueAt.End > q.Start {
				continue
			}
			t := searchTok(a.toks, q.CueAt.Start)
			if t >= len(a.toks) || a.toks[t].Start != q.CueAt.Start || cueOf[t] == 0 {
				continue
			}
			c := &a.cues[cueOf[t]-1]
			e := a.clauseCut(c, q.firstTok, q.lastTok, opens)
			if e >= q.lastTok {
				continue
			}
			e = a.contentEnd(q.firstTok, e)
			if e <= q.firstTok {
				continue
			}
			a.shorten(q, e)
			cut = true
		}
		if !cut {
			return
		}
		from = len(a.quotes)
		a.indirectQuotes()
	}
}

// flags of endContents' opens
const (
	cueHere    = 1 << iota // a cue's verb stands at the token
	clauseHere             // a cue's own clause opens at the token
)

// shorten ends quote q before token e, giving back the tokens after it and
// the quotations among them.
func (a *analyzer) shorten(q *draft, e int) {
	for k := e; k < q.lastTok; k++ {
		a.claimed[k] = false
		if sp := a.inQuote[k]; sp != 0 {
			a.spans[sp-1].absorbed = false
		}
	}
	q.lastTok = e
	q.End = a.toks[e-1].End
	q.Kind = newsgraph.Indirect
	for k := q.firstTok; k < e; k++ {
		if sp := a.inQuote[k]; sp != 0 && a.spans[sp-1].kind != titleSpan {
			q.Kind = newsgraph.Mixed
			a.spans[sp-1].absorbed = true
		}
	}
}

// clauseLinks join a clause to the one before it after a comma.
var clauseLinks = set("and", "but", "although", "though", "while", "whereas", "because", "as", "since", "yet", "so",
	"even", "if", "when", "after", "before")

// clauseCut returns where the clause reported by cue c in tokens
// [first, end) ends (end when it runs to the end).
func (a *analyzer) clauseCut(c *cue, first, end int, opens []uint8) int {
	cueAt := func(k int) bool { return k < len(opens) && opens[k]&cueHere != 0 }
	clauseAt := func(k int) bool { return k < len(opens) && opens[k]&clauseHere != 0 }
	if c.word.class == objectCue {
		if e := a.objectEnd(first, end); e < end && a.is(e, adjunctOpeners) {
			return e
		}
	}
	if e := a.trailingDay(first, end); e < end && (c.word.class == speechCue || c.word.class == tellCue) && !c.according {
		return e
	}
	if e := a.trailingComment(c, first, end); e < end {
		return e
	}
	for k := first + 1; k < end; k++ {
		// `said the plan was "a mistake," a word she chose with care`: a
		// quotation closed on its comma ends the content before a
		// participle, a comment or a contrast
		if a.closesOnComma(k) && k > first+2 && k+1 < end && a.word(k+1) &&
			(a.toks[k+1].POS == "VBG" || a.is(k+1, afterQuotation)) {
			return k + 1
		}
		// `52 percent say they back the levy, compared with 40 percent
		// in May`: the writer's comparison of figures, not what was said
		if a.inQuote[k] == 0 && a.textIs(k, ",") && a.lowIs(k+1, "compared") {
			return k
		}
		if a.inQuote[k] == 0 && a.textIs(k, ",") && a.lowIs(k+1, "and") && a.clauseAt(k+2, end) {
			return k
		}
		// `…, although he supports …`: a clause with a cue of its own
		if a.inQuote[k] == 0 && (a.textIs(k, ",") || a.textIs(k, ";")) &&
			a.word(k+1) && a.is(k+1, clauseLinks) && (clauseAt(k+2) || a.clauseAfterPhrase(k+2, end, clauseAt)) {
			return k
		}
		// `thanked Miami and said …`: a second verb of the same subject
		// that is a cue, or any finite verb after a stance's or a name's
		// object or after a content without a verb
		if a.inQuote[k] == 0 && (a.lowIs(k, "and") || a.lowIs(k, "but")) && !a.textIs(k-1, ",") &&
			(cueAt(k+1) || (a.noSubject(c, first) || a.noVerb(first, k)) && a.finiteVerb(k+1)) {
			return k
		}
		// `thanking Miami and praising …`: a second participle of the
		// same subject after a participle's content, when no participle
		// stands inside the content (`proposing projects like building
		// roads and giving …` keeps its list)
		if a.inQuote[k] == 0 && a.lowIs(k, "and") && !a.textIs(k-1, ",") && a.toks[c.tok].POS == "VBG" {
			j := k + 1
			if a.word(j) && a.toks[j].POS == "RB" {
				j++
			}
			if j < end && a.word(j) && a.toks[j].POS == "VBG" && !a.hasTag(first, k, "VBG") {
				return k
			}
		}
		// `believe X is possible and have been calling on …`: the
		// second verb after its auxiliaries
		if a.inQuote[k] == 0 && (a.lowIs(k, "and") || a.lowIs(k, "but")) && !a.textIs(k-1, ",") {
			j := k + 1
			for j < end && j < k+4 && a.word(j) && a.is(j, skipBeforeCue) && !a.is(j, pronouns) {
				j++
			}
			if j > k+1 && j < end && cueAt(j) {
				return k
			}
		}
	}
	return end
}

// hasTag reports whether a token in [s, e) has the tag pos.
func (a *analyzer) hasTag(s, e int, pos string) bool {
	for k := s; k < e; k++ {
		if a.toks[k].POS == pos {
			return true
		}
	}
	return false
}

// trailingComment returns where the writer's comment after what cue c
// reports in tokens [first, end) begins (end when there is none): a
// relative clause on a name (`said the FBI had the help of Bryan Lane,
// who worked on the campaign`), or, after a whole clause, a noun phrase
// with no verb of its own that closes the content (`said it would cut
// 3,000 jobs, a loss bigger than any before`).
func (a *analyzer) trailingComment(c *cue, first, end int) int {
	stance := c.word.class == objectCue || c.word.class == namingCue
	finite := false // a finite verb in [first, k)
	for k := first + 1; k < end; k++ {
		finite = finite || a.finiteVerb(k-1)
		if a.inQuote[k] != 0 || !a.textIs(k, ",") {
			continue
		}
		if a.lowIs(k+1, "who") && strings.HasPrefix(a.toks[k-1].POS, "NNP") && (c.word.class == objectCue || finite) {
			return k
		}
		if (a.lowIs(k+1, "a") || a.lowIs(k+1, "an") || a.lowIs(k+1, "the")) && !stance && finite && a.plainPhrase(k+1, end) {
			return k
		}
	}
	return end
}

// plainPhrase reports whether tokens [s, e) hold no finite verb, comma or
// quotation.
func (a *analyzer) plainPhrase(s, e int) bool {
	for j := s; j < e; j++ {
		if a.finiteVerb(j) || a.textIs(j, ",") || a.inQuote[j] != 0 {
			return false
		}
	}
	return true
}

// noSubject reports whether the content at first that cue c reports has
// no subject of its own, so that a finite verb after "and" is the cue's
// subject's: a stance's or a name's object (`called him a genius and
// left`). An infinitive (`pledged to cut taxes and said …`) was measured
// too: PolNeAR train +1, dev −1.
func (a *analyzer) noSubject(c *cue, first int) bool {
	return c.word.class == objectCue || c.word.class == namingCue
}

// afterQuotation open, after a quotation closed on its comma, what is
// said of it or against it rather than more of it. Subordinators of time
// and cause (`as`, `when`, `because`) were measured too and lost on
// PolNeAR dev.
var afterQuotation = set("though", "although", "while", "which", "who", "a", "an", "the")

// closesOnComma reports whether token k closes a quotation whose last
// token is a comma (`"a mistake,"`).
func (a *analyzer) closesOnComma(k int) bool {
	sp := a.inQuote[k]
	return sp != 0 && a.spans[sp-1].close == k && a.textIs(k-1, ",")
}

// clauseAfterPhrase reports whether a cue's own clause opens after a
// phrase without a verb from k (`…, but in the course of their report
// they noted …`).
func (a *analyzer) clauseAfterPhrase(k, end int, clauseAt func(int) bool) bool {
	if !a.is(k, prepositions) {
		return false
	}
	for j := k + 1; j < end && j < k+10; j++ {
		if a.inQuote[j] != 0 || !a.word(j) || strings.HasPrefix(a.toks[j].POS, "VB") || a.toks[j].POS == "MD" {
			return false
		}
		if clauseAt(j) {
			return true
		}
	}
	return false
}

// clauseAt reports whether a clause with its own subject opens at k: a
// pronoun, or a name or noun phrase followed within a few words by a
// finite verb.
func (a *analyzer) clauseAt(k, end int) bool {
	if k >= end || !a.word(k) || a.lowIs(k, "that") {
		return false
	}
	if a.is(k, pronouns) && !a.lowIs(k, "who") {
		return true
	}
	for j := k + 1; j < end && j < k+6; j++ {
		if !a.word(j) {
			return false
		}
		if a.finiteVerb(j) {
			return true
		}
	}
	return false
}

// finiteVerb reports whether token k is a finite verb by its tag.
func (a *analyzer) finiteVerb(k int) bool {
	if !a.word(k) {
		return false
	}
	switch a.toks[k].POS {
	case "VBD", "VBZ", "VBP", "MD":
		return true
	}
	return false
}

// objectPronouns stand alone as an object.
var objectPronouns = set("him", "them", "it", "that", "this", "me", "us", "you")

// objectEnd returns where a stance verb's object ends when it is a
// pronoun or a name: `endorsed Canova in late May`.
func (a *analyzer) objectEnd(first, end int) int {
	if a.is(first, objectPronouns) || a.lowIs(first, "her") && !a.word(first+1) {
		return first + 1
	}
	best := end
	for _, mi := range a.mentionsIn(a.toks[first].Start, a.toks[first].End) {
		m := a.d.Mentions[mi]
		if m.Start == a.toks[first].Start && m.Kind == newsgraph.NameMention {
			if _, me := a.tokenRange(m.Start, m.End); me > first && me < end {
				best = me
			}
		}
	}
	return best
}

// lateAccording reads an "according to" that ends its sentence with no
// comma of its own before it: the comma stands inside the closing mark
// (`…a “root canal,” according to his memoir`) or is left out (`82 percent
// of whom view him unfavorably according to the poll`). The content is
// the sentence before it.
func (a *analyzer) lateAccording() {
	for ci := range a.cues {
		c := &a.cues[ci]
		if !c.according || c.used || c.subjS < 0 || a.claimed[c.tok] {
			continue
		}
		s := a.d.Sentences[c.sentence]
		if c.tok <= s.FirstToken+1 || a.textIs(c.tok-1, ",") || c.subjE < s.EndToken-1 && !a.isTerminalPunct(c.subjE) {
			continue
		}
		first := s.FirstToken
		for k := c.tok - 1; k >= s.FirstToken; k-- {
			if a.claimed[k] {
				first = k + 1
				break
			}
		}
		a.addIndirect(c, first, c.tok)
	}
}

// byAgentQuotes makes the quote of each cue read as a participle with its
// source after "by" (`candidates backed by super PACs`): the noun phrase
// before the participle is what the source stands for.
func (a *analyzer) byAgentQuotes() {
	for ci := range a.cues {
		c := &a.cues[ci]
		if c.objE == 0 || a.claimed[c.tok] {
			continue
		}
		free := true
		for k := c.objS; k < c.objE; k++ {
			if a.claimed[k] {
				free = false
			}
		}
		if free {
			a.addIndirect(c, c.objS, c.objE)
		}
	}
}

// leadingCue returns the token of the cue of q when q is a reported
// content after its cue, with no quotation of its own, and how the lexicon
// reads that cue (a phrasal cue over its first word); t < 0 otherwise.
func (a *analyzer) leadingCue(q *draft) (t int, w cueWord, ok bool) {
	if q.Kind == newsgraph.Direct || !q.hasCue || q.span >= 0 || q.CueAt.End > q.Start {
		return -1, w, false
	}
	t = searchTok(a.toks, q.CueAt.Start)
	if t >= len(a.toks) || a.toks[t].Start != q.CueAt.Start {
		return -1, w, false
	}
	w, ok = cueWords[string(a.low(t))]
	if p, ok2 := phrasalCues[a.lowPair(t)]; ok2 {
		w, ok = p, true
	}
	return t, w, ok
}

// objectsPastCommas carries the object of a stance verb, which ends at
// the clause's first comma, past a comma that stands inside its noun
// phrase: after an adjective (`criticized the angry, divisive rhetoric`)
// or before the last items of a list (`accusations of fraud, theft and
// arson`).
func (a *analyzer) objectsPastCommas() {
	for i := range a.quotes {
		q := &a.quotes[i]
		t, w, ok := a.leadingCue(q)
		if t < 0 || !ok && !nounCues[string(a.low(t))] || ok && w.class != objectCue {
			continue
		}
		s := a.sentenceOf(q.firstTok)
		e := q.lastTok
		for n := 0; n < 3 && e < s.EndToken && a.textIs(e, ",") && a.inQuote[e] == 0 && (a.innerComma(e, s.EndToken) || a.exampleComma(e) || n > 0 && a.lastItem(e)); n++ {
			k := e + 1
			for k < s.EndToken && a.inQuote[k] == 0 && !a.claimed[k] && !a.stopPunct(k) {
				k++
			}
			if k < s.EndToken && (a.claimed[k] || a.inQuote[k] != 0) {
				break
			}
			k = a.contentEnd(e, k)
			if k <= e+1 {
				break
			}
			for j := e; j < k; j++ {
				a.claimed[j] = true
			}
			e = k
		}
		if e > q.lastTok {
			q.lastTok = e
			q.End = a.toks[e-1].End
		}
	}
}

// objectsToQuotations carries the object of a stance or naming verb,
// which ends at the clause's first comma, on to a quotation a few words
// after it that no quote holds and that starts in lowercase (a capital
// opens a quotation of its own): the quoted words are what the object is
// called or blamed for (`called the chief executive, Tom Hale, "a
// genius"`, `portraying migrants, in particular, as "criminals"`).
func (a *analyzer) objectsToQuotations() {
	for i := range a.quotes {
		q := &a.quotes[i]
		if t, w, ok := a.leadingCue(q); t < 0 || !ok || w.class != objectCue && w.class != namingCue {
			continue
		}
		s := a.sentenceOf(q.firstTok)
		e := q.lastTok
		if e >= s.EndToken || !a.textIs(e, ",") || a.inQuote[e] != 0 {
			continue
		}
		for k := e + 1; k < s.EndToken && k < e+16; k++ {
			if a.claimed[k] || a.finiteVerb(k) || a.stopPunct(k) && !a.textIs(k, ",") {
				break
			}
			sp := a.inQuote[k]
			if sp == 0 {
				continue
			}
			x := &a.spans[sp-1]
			if x.open != k || x.close < 0 || x.quote >= 0 || x.kind == titleSpan || !a.lowerStart(x) || x.close >= s.EndToken && x.close != s.EndToken-1 {
				break
			}
			end := x.close + 1
			for j := e; j < end; j++ {
				a.claimed[j] = true
			}
			x.absorbed = true
			q.Kind = newsgraph.Mixed
			q.lastTok = end
			q.End = a.toks[end-1].End
			break
		}
	}
}

// lowPair is the lookup key in phrasalCues of token k and the next.
func (a *analyzer) lowPair(k int) string {
	if k+1 >= len(a.toks) || !a.word(k+1) {
		return ""
	}
	var kb [48]byte
	return string(phrasalKey(&kb, a.toks[k].Text, a.toks[k+1].Text))
}

// stopPunct reports whether token k is punctuation that ends a stance
// verb's object.
func (a *analyzer) stopPunct(k int) bool {
	if a.toks[k].Kind != newsgraph.Punct {
		return false
	}
	switch a.toks[k].Text {
	case ",", ";", "—", "–", "(", ":", ".", "!", "?":
		return true
	}
	return false
}

// exampleLinks open, after a comma, examples or a companion of the noun
// phrase before it (`blamed several factors, including the budget`);
// `, with` also (`showed a tie, with 40 percent each`).
var exampleLinks = set("including", "like", "especially", "particularly", "notably")

// exampleComma reports whether the comma at k opens examples or a
// companion of the noun phrase before it: `, including …`, `, such as …`,
// `, along with …`, `, with …`.
func (a *analyzer) exampleComma(k int) bool {
	return a.is(k+1, exampleLinks) || a.lowIs(k+1, "such") && a.lowIs(k+2, "as") ||
		a.lowIs(k+1, "along") && a.lowIs(k+2, "with") || a.lowIs(k+1, "with")
}

// lastItem reports whether the comma at k opens the last item of a list
// (`voters, lawmakers, and thinkers`).
func (a *analyzer) lastItem(k int) bool {
	return (a.lowIs(k+1, "and") || a.lowIs(k+1, "or")) && a.word(k+2) && !a.is(k+2, pronouns) && !a.finiteVerb(k+2)
}

// innerComma reports whether the comma at k stands inside a noun phrase:
// after an adjective and before a word, or before the last items of a
// list (a few words with no verb, then "and" or "or").
func (a *analyzer) innerComma(k, hi int) bool {
	if a.toks[k-1].POS == "JJ" && a.word(k+1) && strings.HasPrefix(a.toks[k+1].POS, "JJ") {
		return true
	}
	for j := k + 1; j < hi && j <= k+4; j++ {
		if a.textIs(j, ",") && j > k+1 && (a.lowIs(j+1, "and") || a.lowIs(j+1, "or")) {
			continue // `voters, lawmakers, and thinkers`
		}
		if !a.word(j) || a.inQuote[j] != 0 {
			return false
		}
		if a.lowIs(j, "and") || a.lowIs(j, "or") {
			return j > k+1 && a.word(j+1) && !a.is(j+1, pronouns) && !a.finiteVerb(j+1)
		}
		if pos := a.toks[j].POS; strings.HasPrefix(pos, "VB") || pos == "MD" || pos == "IN" || pos == "WDT" || pos == "WP" {
			return false
		}
	}
	return false
}

// namedAntecedents starts the content of a naming verb in a relative
// clause at what the clause names, as PolNeAR draws it: `a bill that
// critics called anti-union`, `what officials called a hate crime`, `the
// treaty, which Smith had called a disaster`.
func (a *analyzer) namedAntecedents() {
	for i := range a.quotes {
		q := &a.quotes[i]
		if q.Kind == newsgraph.Direct || !q.hasCue || q.span >= 0 || q.CueAt.End > q.Start {
			continue
		}
		t := searchTok(a.toks, q.CueAt.Start)
		if t >= len(a.toks) || a.toks[t].Start != q.CueAt.Start {
			continue
		}
		var c *cue
		for ci := range a.cues {
			if a.cues[ci].tok == t {
				c = &a.cues[ci]
				break
			}
		}
		if c == nil || c.word.class != namingCue || c.inverted || c.subjS < 0 || c.subjS >= t {
			continue
		}
		s := a.sentenceOf(t)
		r := c.subjS - 1
		if r <= s.FirstToken || !a.word(r) {
			continue
		}
		start := -1
		switch string(a.low(r)) {
		case "what":
			start = r
		case "that", "which", "whom":
			p := r - 1
			if a.textIs(p, ",") {
				p--
			}
			if ns, _, ok := a.npLeft(p, s.FirstToken); ok {
				start = ns
			}
		}
		if start < s.FirstToken {
			continue
		}
		free := true
		for k := start; k < q.firstTok; k++ {
			if a.claimed[k] || a.inQuote[k] != 0 {
				free = false
				break
			}
		}
		if !free {
			continue
		}
		for k := start; k < q.firstTok; k++ {
			a.claimed[k] = true
		}
		q.firstTok = start
		q.Start = a.toks[start].Start
	}
}

// dropVerbEnds drops the quote of a cue after its content (`…, according
// to X`) whose content stops at a verb because the verb's complement is
// the content of another quote already (`Trump said ⟨he was happy …⟩,
// according to aides`): what is left, `Trump said`, reports nothing.
func (a *analyzer) dropVerbEnds() {
	for i := range a.quotes {
		q := &a.quotes[i]
		if q.Kind == newsgraph.Direct || !q.hasCue || q.span >= 0 || q.CueAt.Start < q.End || q.lastTok >= len(a.toks) {
			continue
		}
		last := q.lastTok - 1
		for last > q.firstTok && !a.word(last) {
			last--
		}
		if !a.word(last) || !strings.HasPrefix(a.toks[last].POS, "VB") && !a.lowIs(last, "that") {
			continue
		}
		if n := q.lastTok; a.claimed[n] || a.inQuote[n] != 0 && a.spans[a.inQuote[n]-1].quote >= 0 {
			q.dropped = true
		}
	}
}

// dayNames name the day a statement was made.
var dayNames = set("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

// trailingDay returns where a phrase of the day at the end of a content
// begins (`said Obama was its founder on Wednesday at a rally`): the
// day belongs to the cue, not to what it reports. It returns end when
// there is none.
func (a *analyzer) trailingDay(first, end int) int {
	for k := end - 1; k > first+3 && k > end-9; k-- {
		if a.inQuote[k] != 0 || !a.word(k) && !a.textIs(k, ".") || a.finiteVerb(k) {
			return end
		}
		if a.is(k, dayNames) {
			if a.lowIs(k-1, "on") || a.lowIs(k-1, "last") {
				k--
			} else if a.is(k-1, prepositions) || a.lowIs(k-1, "until") || a.lowIs(k-1, "next") {
				return end // `by Friday`: a deadline of what is reported
			}
			// `would close on Friday`: the day of what is foreseen
			for j := first; j < k; j++ {
				if a.toks[j].POS == "MD" {
					return end
				}
			}
			return k
		}
	}
	return end
}

// circumstanceOpeners open a phrase of where, when or how a statement
// was made.
var circumstanceOpeners = set("in", "from", "during", "while", "through", "via", "outside", "inside", "near", "when",
	"amid", "upon")

// dropCircumstances drops the quote of a speech verb whose content is only
// the circumstance of the statement, with no verb of its own (`Hedge said
// from his office in Orlando`, `said in a wide-ranging interview with the
// Post`): what was said is elsewhere, in a quotation or not at all.
func (a *analyzer) dropCircumstances() {
	for i := range a.quotes {
		q := &a.quotes[i]
		if q.Kind != newsgraph.Indirect || !q.hasCue || q.span >= 0 || q.CueAt.End > q.Start || q.dropped {
			continue
		}
		t := searchTok(a.toks, q.CueAt.Start)
		w, ok := cueWords[string(a.low(t))]
		if ok && w.class == objectCue && a.onlyTime(q.firstTok, q.lastTok) {
			q.dropped = true // `a statement issued Tuesday morning`
			continue
		}
		if !ok || w.class != speechCue || !a.word(q.firstTok) || !a.is(q.firstTok, circumstanceOpeners) ||
			a.lowIs(q.firstTok-1, "that") || a.lowIs(q.firstTok, "in") && a.lowIs(q.firstTok+1, "favor") {
			continue
		}
		verb := false
		for k := q.firstTok; k < q.lastTok; k++ {
			if a.word(k) && (strings.HasPrefix(a.toks[k].POS, "VB") || a.toks[k].POS == "MD") {
				verb = true
				break
			}
		}
		if !verb {
			q.dropped = true
		}
	}
}

// onlyTime reports whether tokens [s, e) are only words of time.
func (a *analyzer) onlyTime(s, e int) bool {
	for k := s; k < e; k++ {
		if !a.is(k, whenWords) && a.toks[k].Kind != newsgraph.Number {
			return false
		}
	}
	return e > s
}

// skipLeadCircumstances starts what a speech or thought verb reports
// after the "that" that follows a long phrase of when or where (`said
// Thursday during a town hall meeting in Buffalo, New York, that …`,
// `said on ABC's "This Week" that …`), which the cue's own look-ahead
// for "that" does not reach.
func (a *analyzer) skipLeadCircumstances() {
	for i := range a.quotes {
		q := &a.quotes[i]
		if q.Kind == newsgraph.Direct || q.dropped || !q.hasCue || q.span >= 0 || q.CueAt.End > q.Start {
			continue
		}
		t := searchTok(a.toks, q.CueAt.Start)
		w, ok := cueWords[string(a.low(t))]
		if !ok || w.class == objectCue || w.class == namingCue || !a.word(q.firstTok) ||
			!(a.is(q.firstTok, circumstanceOpeners) || a.lowIs(q.firstTok, "on") || a.lowIs(q.firstTok, "at") || a.is(q.firstTok, whenWords)) {
			continue
		}
		for k := q.firstTok + 1; k < q.lastTok-2 && k < q.firstTok+25; k++ {
			if q := a.inQuote[k]; q != 0 && a.spans[q-1].kind != titleSpan {
				break
			}
			// `promised Monday to hold …`: what is promised starts at "to"
			if a.lowIs(k, "to") && a.word(k+1) && a.toks[k+1].POS == "VB" && a.onlyWhen(q.firstTok, k) {
				a.dropLead(q, k)
				break
			}
			// a verb ends the circumstance: a "that" after it opens a
			// clause inside the content (`promised Monday to hold a vote
			// that would …`)
			if a.finiteVerb(k) || a.word(k) && (a.toks[k].POS == "VB" || a.toks[k].POS == "TO") {
				break
			}
			if a.lowIs(k, "that") && a.inQuote[k] == 0 {
				a.dropLead(q, k+1)
				break
			}
		}
	}
}

// dropLead starts quote q at token k, giving back the tokens before it.
func (a *analyzer) dropLead(q *draft, k int) {
	for j := q.firstTok; j < k; j++ {
		a.claimed[j] = false
		if sp := a.inQuote[j]; sp != 0 {
			a.spans[sp-1].absorbed = false
		}
	}
	q.firstTok = k
	q.Start = a.toks[k].Start
}

// onlyWhen reports whether tokens [s, e) only say when (`Monday`, `on
// Monday`, `last week`).
func (a *analyzer) onlyWhen(s, e int) bool {
	for k := s; k < e; k++ {
		if !a.is(k, whenWords) && !a.lowIs(k, "on") && !a.lowIs(k, "this") && a.toks[k].Kind != newsgraph.Number {
			return false
		}
	}
	return e > s
}

// nounBeforeVerb reports whether a noun comes before any verb in the words
// from k: a description (`head of the union`), not the rest of a clause
// (`would close`).
func (a *analyzer) nounBeforeVerb(k, end int) bool {
	for j := k; j < end && a.word(j); j++ {
		pos := a.toks[j].POS
		if strings.HasPrefix(pos, "VB") || pos == "MD" {
			return false
		}
		if strings.HasPrefix(pos, "NN") {
			return true
		}
	}
	return false
}

// noVerb reports whether tokens [s, e) hold no verb: a noun phrase, so
// that a finite verb after it and "and" is the cue's subject's
// (`claimed self-defense and was acquitted`).
func (a *analyzer) noVerb(s, e int) bool {
	for k := s; k < e; k++ {
		if pos := a.toks[k].POS; a.word(k) && (strings.HasPrefix(pos, "VB") || pos == "MD" || pos == "TO") {
			return false
		}
	}
	return e > s
}
