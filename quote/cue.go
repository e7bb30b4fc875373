package quote

import (
	"strings"

	"github.com/newsgraph/newsgraph"
)

// cue is a reporting verb (or "according to") outside quotation marks, with
// the noun phrase that is its subject.
type cue struct {
	tok, endTok     int // the verb and its particle: toks[tok:endTok]
	word            cueWord
	according       bool
	subjS, subjE    int  // subject tokens [subjS, subjE); subjS < 0 when none
	inverted        bool // the subject follows the verb ("said Trump")
	addrS, addrE    int  // the addressee of tell ("told the BBC"); addrS < 0 when none
	speaker         int
	speakerAt       newsgraph.Span
	venue           string
	venueAt         newsgraph.Span
	used            bool
	sentence        int
	participleComma bool // ", saying …": the subject is the sentence's
	objS, objE      int  // `candidates backed by X`: the content before the cue; objE == 0 when none
	adjective       bool // `is confident that`: an adjective cue (adjectiveCue)
	relative        bool // `X, who said …, …`: the cue opens a relative clause set off by a comma
}

// auxModal are the words after which a verb's base form is finite.
var auxModal = set("will", "would", "did", "does", "do", "can", "could", "may", "might", "should", "must",
	"shall", "to", "n't", "not", "doesn't", "don't", "didn't", "won't", "wouldn't", "can't", "cannot", "couldn't",
	"shouldn't", "mustn't")

// subjectPronounsBase take a verb's base form ("we say", "they tell").
var subjectPronounsBase = set("i", "we", "they", "you")

// findCues finds the reporting verbs of every sentence and their subjects.
func (a *analyzer) findCues() {
	for si, s := range a.d.Sentences {
		for k := s.FirstToken; k < s.EndToken; k++ {
			if a.inQuote[k] != 0 || a.toks[k].Kind != newsgraph.Word {
				continue
			}
			if len(a.toks[k].Text) == 2 && a.lowIs(k, "in") {
				if c, ok := a.viewCue(k, s, si); ok {
					a.cues = append(a.cues, c)
					k = c.endTok - 1
				}
				continue
			}
			if low := a.low(k); !mayBeCueHead(low) || !cueHeads[string(low)] {
				continue
			}
			if a.lowIs(k, "according") && a.lowIs(k+1, "to") && k+2 < s.EndToken {
				c := cue{tok: k, endTok: k + 2, according: true, sentence: si, subjS: -1, addrS: -1, speaker: -1}
				if ns, ne, ok := a.npRight(k+2, s.EndToken); ok {
					c.subjS, c.subjE, c.inverted = ns, ne, true
				}
				a.resolveSpeaker(&c)
				if c.subjS >= 0 && !a.textIs(c.subjE, ",") {
					a.sourceToComma(&c, s)
				}
				a.cues = append(a.cues, c)
				k += 1
				continue
			}
			if w, n, ok := a.makeClear(k); ok {
				if c, ok := a.makeCue(k, w, s, si); ok {
					c.endTok = k + n
					a.cues = append(a.cues, c)
					k = c.endTok - 1
					continue
				}
			}
			if k+1 < s.EndToken && a.word(k+1) {
				var kb [48]byte
				if w, ok := phrasalCues[string(phrasalKey(&kb, a.toks[k].Text, a.toks[k+1].Text))]; ok {
					if c, ok := a.makeCue(k, w, s, si); ok {
						a.cues = append(a.cues, c)
						k = c.endTok - 1
						continue
					}
				}
			}
			if nounCues[string(a.low(k))] {
				if c, ok := a.nounCue(k, s, si); ok {
					a.cues = append(a.cues, c)
					k = c.endTok - 1
					continue
				}
			}
			if _, ok := adjectiveCues[string(a.low(k))]; ok {
				if c, ok := a.adjectiveCue(k, s, si); ok {
					a.cues = append(a.cues, c)
					k = c.endTok - 1
					continue
				}
			}
			w, ok := cueWords[string(a.low(k))]
			if !ok {
				continue
			}
			if c, ok := a.makeCue(k, w, s, si); ok {
				a.cues = append(a.cues, c)
				k = c.endTok - 1
			}
		}
	}
	a.dropNestedAdjectives()
}

// dropNestedAdjectives drops the adjective cues of a sentence that has a
// cue of another kind: there the adjective most often stands inside what
// that cue reports (`The team may be reluctant to act, she said`).
func (a *analyzer) dropNestedAdjectives() {
	n := 0
	for i, c := range a.cues {
		if c.adjective {
			nested := false
			for j := i - 1; j >= 0 && a.cues[j].sentence == c.sentence; j-- {
				nested = nested || !a.cues[j].adjective
			}
			for j := i + 1; j < len(a.cues) && a.cues[j].sentence == c.sentence; j++ {
				nested = nested || !a.cues[j].adjective
			}
			if nested {
				continue
			}
		}
		a.cues[n] = c
		n++
	}
	a.cues = a.cues[:n]
}

// viewNouns stand for a stated view in `in his view, …`, `in the words
// of an adviser, …`.
var viewNouns = set("view", "opinion", "estimation", "words", "telling", "account", "judgment", "judgement",
	"assessment", "mind")

// viewCue reads `in X's view,` and `in the view of X,` at k as the cue of
// what the sentence says, as "according to X," is: the source runs to the
// comma after it.
func (a *analyzer) viewCue(k int, s newsgraph.Sentence, si int) (cue, bool) {
	c := cue{tok: k, according: true, sentence: si, subjS: -1, addrS: -1, speaker: -1}
	comma := func(from int) int {
		for j := from; j < s.EndToken && j < from+12; j++ {
			if a.textIs(j, ",") {
				return j
			}
			if !a.word(j) && !a.abbrevDot(j) {
				return -1
			}
		}
		return -1
	}
	if a.lowIs(k+1, "the") && a.is(k+2, viewNouns) && a.lowIs(k+3, "of") {
		// in the words of a senior adviser,
		e := comma(k + 4)
		if e < 0 || e == k+4 {
			return c, false
		}
		c.endTok, c.subjS, c.subjE = k+4, k+4, e
	} else {
		n := -1
		for j := k + 1; j < s.EndToken && j <= k+4; j++ {
			if a.is(j, viewNouns) {
				n = j
				break
			}
		}
		if n < 0 || !a.possessive(n-1) || !a.textIs(n+1, ",") {
			return c, false
		}
		for j := k + 1; j < n; j++ {
			if !a.word(j) && !a.abbrevDot(j) {
				return c, false
			}
		}
		c.endTok, c.subjS, c.subjE = n+1, k+1, n+1
	}
	a.resolveSpeaker(&c)
	return c, true
}

// sourceToComma stretches the source of "according to" over the words
// that describe it up to the comma that sets it off: `According to a
// 2016 study by the Pew Research Center based on census data, …`. The
// speaker stays the one of the noun phrase read first.
func (a *analyzer) sourceToComma(c *cue, s newsgraph.Sentence) {
	for k := c.subjE; k < s.EndToken && k < c.subjE+25; k++ {
		if a.inQuote[k] != 0 {
			return
		}
		if a.textIs(k, ",") {
			c.subjE = k
			return
		}
		if a.toks[k].Kind == newsgraph.Punct && !a.textIs(k, ".") && !a.textIs(k, "-") && !a.textIs(k, "'s") &&
			!a.textIs(k, "/") && !a.textIs(k, "&") {
			return
		}
	}
}

// nounCues are nouns of statement and stance that report what their
// owner says or wants: "Trump's claim that …", "his promise to …", "her
// support for …".
var nounCues = set("claim", "claims", "statement", "statements", "assertion", "assertions", "argument",
	"arguments", "warning", "warnings", "suggestion", "belief", "beliefs", "view", "views", "promise",
	"promises", "pledge", "pledges", "proposal", "proposals", "criticism", "contention", "insistence",
	"allegation", "allegations", "accusation", "accusations", "announcement", "remarks", "comments",
	"comment", "demand", "demands", "fear", "fears", "hope", "hopes", "concern", "concerns", "support",
	"opposition", "attack", "attacks", "call", "calls", "emphasis", "vow", "threat", "threats", "plan",
	"plans", "assurance", "assurances", "denial", "admission", "complaint", "complaints", "prediction",
	"charge", "charges", "insinuation", "suggestions", "recommendation", "endorsement", "praise",
	"condemnation", "defense", "defence", "rejection", "characterization", "description", "portrayal", "dismissal",
	"doubts", "skepticism", "explanation", "rationale", "estimate", "estimates", "forecast", "projection",
	"findings", "conclusion", "assessment", "opinion", "opinions", "positions",
	"response", "reply", "rebuttal", "reaction", "apology", "criticisms", "questions", "question",
	"pitch", "agenda", "idea", "ideas", "desire", "focus", "refusal", "request", "requests")

// nounPreps may follow a noun cue before its object ("support for the
// plan", "attacks on the press").
var nounPreps = set("for", "of", "on", "about", "against")

// nounCue reads a noun cue at k owned by a possessive just before it
// (past one modifier: "Stumpf's repeated emphasis"), with "that", "to" or
// a preposition after it.
func (a *analyzer) nounCue(k int, s newsgraph.Sentence, si int) (cue, bool) {
	c := cue{tok: k, endTok: k + 1, sentence: si, subjS: -1, addrS: -1, speaker: -1,
		word: cueWord{lemma: string(a.low(k)), class: objectCue, form: baseForm}}
	if pos := a.toks[k].POS; pos != "" && !strings.HasPrefix(pos, "NN") {
		return c, false
	}
	next := k + 1
	switch {
	case a.lowIs(next, "that") || a.lowIs(next, "to") && a.word(next+1) && a.toks[next+1].POS == "VB":
	case a.is(next, nounPreps) && a.word(next+1) && !a.is(next+1, whenWords):
		c.endTok = next + 1
	default:
		return c, false
	}
	p := k - 1
	if p > s.FirstToken && a.word(p) && !a.possessive(p) && !a.capitalised(p) && a.possessive(p-1) {
		p-- // one modifier
	}
	if p < s.FirstToken || !a.possessive(p) {
		return a.ownerlessNounCue(c, k, next)
	}
	c.subjS, c.subjE = p, p+1
	a.resolveSpeaker(&c)
	return c, true
}

// weakForms are written forms of reporting verbs that report nothing far
// more often than they do on PolNeAR train (the form is the cue of under
// a third of the quotes made from it): "find" (what polls find is in
// "found", "finds"), "states" (mostly the noun), "seeing", "nominating".
var weakForms = set("find", "states", "seeing", "nominating", "back", "saw", "seen", "felt", "feels", "considered",
	"offers", "decide", "knew", "known")

// weakInfinitives, weakNounParticiples and weakRelatives are the
// reporting verbs that report nothing far more often than they do
// (under a third of the quotes made on PolNeAR train) in one form only:
// an infinitive (`to see the country thrive`, `decided to support the
// bill`), a participle after a noun (`voters supporting Clinton`,
// `candidates seeking office`) or a relative clause (`X, who endorsed
// Trump last year, …`), where they describe the subject rather than
// report it.
var (
	weakInfinitives = set("see", "support", "decide", "ask", "answer", "vote for", "nominate", "announce", "oppose",
		"attack", "highlight")
	weakNounParticiples = set("support", "seek", "rule")
	weakRelatives       = set("pledge", "endorse", "support")
	// a gerund after a preposition (`after backing the bill`) and a
	// progressive (`is talking about the weather`)
	weakGerunds      = set("back", "attack", "declare")
	weakProgressives = set("talk about")
)

// asideWords make up a connective or an aside set off by commas between
// a subject and its verb (`however`, `in turn`, `among others`).
var asideWords = set("however", "though", "meanwhile", "too", "instead", "among", "others", "of", "course", "for",
	"example", "instance", "in", "turn", "also", "then", "therefore", "moreover", "furthermore", "likewise",
	"similarly", "nonetheless", "nevertheless", "indeed", "apparently", "again", "meantime", "so", "far")

// asideOpen returns the mark that opens the aside closed by the mark at
// token j (the same mark, within 30 tokens, outside any quotation), when
// a plural noun, a number or a name stands before it and no finite verb
// between the sentence's start and it; else -1.
func (a *analyzer) asideOpen(j, lo int) int {
	mark := a.toks[j].Text
	for p := j - 1; p > lo && p > j-30; p-- {
		if a.inQuote[p] != 0 || a.textIs(p, ".") || a.textIs(p, ";") {
			return -1
		}
		if !a.textIs(p, mark) {
			continue
		}
		if p-1 < lo || !(a.word(p-1) || a.textIs(p-1, "%")) {
			return -1
		}
		for k := lo; k < p; k++ {
			if a.finiteVerb(k) {
				return -1
			}
		}
		if a.pluralNoun(p-1) || a.toks[p-1].Kind == newsgraph.Number || a.textIs(p-1, "%") || a.nounBeforeBase(p-1) {
			return p
		}
		return -1
	}
	return -1
}

// quantifierSubjects stand as the subject of a cue on their own (`Some
// say`, `Many argue`).
var quantifierSubjects = set("some", "many", "most", "others", "both", "all", "few", "several")

// nounBeforeBase reports whether token j, right before a verb's base form
// with no auxiliary, ends a subject: a noun or a name (`Aides to Clinton
// say`, `Rubio and Bush argue`); a singular subject would have taken the
// third-person form.
func (a *analyzer) nounBeforeBase(j int) bool {
	if !a.word(j) || a.is(j, npStop) || a.is(j, determiners) {
		return false
	}
	return strings.HasPrefix(a.toks[j].POS, "NN")
}

// aspectVerbs before "to" say how long or how often the subject does what
// the verb after says (`continues to expect`), not that it is reported.
var aspectVerbs = set("continue", "continues", "continued", "continuing", "begin", "begins", "began", "start",
	"starts", "started", "keep", "keeps", "kept")

// gerundPreps take a gerund whose subject is the clause's: `by saying`,
// `after criticising`.
var gerundPreps = set("by", "on", "of", "in", "after", "before", "without", "while", "for", "about", "from", "upon", "when")

// thatNouns report a statement or a belief in the clause after "that"
// even with no owner written before them: `the claim that …`, `fears that
// …`; PolNeAR counts them, the source being given elsewhere or nowhere.
var thatNouns = set("claim", "claims", "belief", "fear", "fears", "hope", "hopes", "view", "warning", "warnings",
	"promise", "assertion", "suggestion", "allegation", "allegations", "accusation", "accusations", "contention",
	"insistence", "assurance", "assurances", "argument", "statement", "complaint", "complaints", "prediction",
	"concern", "concerns", "insinuation", "admission", "denial")

// prepNouns take what they are about after a preposition with no owner
// written: `support for the plan`, `questions about his health`.
var prepNouns = map[string]map[string]bool{
	"opposition": set("to"), "questions": set("about"), "criticism": set("of", "on"),
	"calls": set("for"), "call": set("for"), "concerns": set("about", "over"), "comments": set("about", "on"),
	"comment": set("on"), "endorsement": set("of"), "mention": set("of"), "accusations": set("of"),
	"complaints": set("about"), "demands": set("for"), "warnings": set("about", "of"),
}

// ownerlessNounCue reads a noun cue with no possessive before it: a noun
// of thatNouns before "that", or of prepNouns before its preposition. Its
// subject is the noun itself, so that the quote is made; no entity stands
// there, and the speaker stays -1.
func (a *analyzer) ownerlessNounCue(c cue, k, next int) (cue, bool) {
	w := string(a.low(k))
	switch {
	case thatNouns[w] && a.lowIs(next, "that") && a.word(next+1):
	case prepNouns[w] != nil && a.word(next) && prepNouns[w][string(a.low(next))] && a.word(next+1):
	default:
		return c, false
	}
	c.subjS, c.subjE = k, k+1
	return c, true
}

// possessive reports whether token k owns the noun after it: "Trump's",
// "his", "their".
func (a *analyzer) possessive(k int) bool {
	if !a.word(k) {
		return false
	}
	switch string(a.low(k)) {
	case "his", "her", "their", "its":
		return true
	}
	t := a.toks[k].Text
	return len(t) > 3 && (strings.HasSuffix(t, "'s") || strings.HasSuffix(t, "’s")) && a.capitalised(k)
}

// makeCue checks that the reporting word at k stands as a verb and finds
// its subject.
func (a *analyzer) makeCue(k int, w cueWord, s newsgraph.Sentence, si int) (cue, bool) {
	c := cue{tok: k, endTok: k + 1, word: w, sentence: si, subjS: -1, addrS: -1, speaker: -1}
	if a.is(k, weakForms) {
		return c, false
	}
	if w.particle != "" {
		if !a.lowIs(k+1, w.particle) || k+1 >= s.EndToken {
			return c, false
		}
		c.endTok = k + 2
	}
	if pos := a.toks[k].POS; pos != "" && !strings.HasPrefix(pos, "VB") && !a.verbInContext(k, c.endTok, w) {
		return c, false
	}
	// words that make it no statement: "respond to a request", "said to be"
	next := c.endTok
	if (w.lemma == "respond" || w.lemma == "reply" || w.lemma == "answer" || w.lemma == "object" ||
		w.lemma == "continue" || w.lemma == "charge" || w.lemma == "post" ||
		w.lemma == "protest" || w.lemma == "add") && a.lowIs(next, "to") {
		return c, false // `added to the uncertainty`
	}
	if w.lemma == "blast" && a.lowIs(next, "out") || w.lemma == "call" && a.lowIs(next, "to") && a.lowIs(next+1, "mind") {
		return c, false // `blasted out an email`, `called to mind`
	}
	// `cast her rival as a friend of Wall Street`; not `cast a ballot`
	if w.lemma == "cast" && !a.asLater(next, s) {
		return c, false
	}
	if w.lemma == "call" && (a.lowIs(next, "for") || a.lowIs(next, "on") || a.lowIs(next, "off") || a.lowIs(next, "up")) {
		return c, false
	}
	// walk left over auxiliaries and adverbs
	j := k - 1
	sawAux, sawPassive := false, false
	for j >= s.FirstToken && a.word(j) && (a.is(j, skipBeforeCue) || a.lyAdverb(j)) {
		if a.is(j, auxModal) {
			sawAux = true
		}
		if a.is(j, passiveAux) {
			sawPassive = true
		}
		j--
	}
	if j >= s.FirstToken && a.word(j) && a.is(j, auxModal) {
		sawAux = true
	}
	// `Others, however, say`: past a connective set off by commas
	aside := false
	if j-2 > s.FirstToken && a.textIs(j, ",") && a.word(j-1) {
		p := j - 1
		for p > s.FirstToken && p > j-4 && a.word(p) && a.is(p, asideWords) {
			p--
		}
		if p < j-1 && p > s.FirstToken && a.textIs(p, ",") && a.word(p-1) && !a.is(p-1, npStop) {
			j = p - 1
			aside = true
		}
	}
	// `Farmers, like their neighbours upriver, say the dam …`: a base form
	// of speech or thought after a longer aside set off by commas or
	// dashes takes the plural noun before the aside, when a clause follows
	if !aside && w.form == baseForm && (w.class == speechCue || w.class == thoughtCue) && j > s.FirstToken+2 &&
		(a.textIs(j, ",") || a.textIs(j, "—")) && a.clauseFollows(c.endTok, s.EndToken) {
		if p := a.asideOpen(j, s.FirstToken); p > 0 {
			j = p - 1
			aside = true
		}
	}
	// `Ann Rowe, a host of "The Tide," said`: the comma that closes the
	// appositive stands inside the title's marks
	if j > s.FirstToken+1 && a.toks[j].Kind == newsgraph.QuoteMark && a.inQuote[j] != 0 &&
		a.spans[a.inQuote[j]-1].kind == titleSpan && a.spans[a.inQuote[j]-1].close == j && a.textIs(j-1, ",") {
		j--
	}
	// "Rep. Gwen Moore (D-Wis.) said": past the bracket to the name
	if j > s.FirstToken && a.textIs(j, ")") {
		for p := j - 1; p > s.FirstToken && p > j-10; p-- {
			if a.textIs(p, "(") {
				if a.word(p - 1) {
					j = p - 1
				}
				break
			}
		}
	}
	if sawPassive && w.form == pastForm {
		return c, false
	}
	if j >= s.FirstToken && a.word(j) && (w.form == baseForm && a.lowIs(j, "to") && weakInfinitives[w.lemma] ||
		w.form == ingForm && j == k-1 && strings.HasPrefix(a.toks[j].POS, "NN") && weakNounParticiples[w.lemma] ||
		a.lowIs(j, "who") && weakRelatives[w.lemma] ||
		w.form == ingForm && a.is(j, gerundPreps) && weakGerunds[w.lemma]) {
		return c, false
	}
	if w.form == ingForm && sawPassive && weakProgressives[w.lemma] {
		return c, false
	}
	// `candidates backed by super PACs`: the noun before is the content,
	// the phrase after "by" the source
	if w.form == pastForm && w.class == objectCue && j == k-1 && c.endTok == k+1 && a.lowIs(k+1, "by") &&
		strings.HasPrefix(a.toks[j].POS, "NN") && !a.is(j, npStop) {
		objStart, _, ok1 := a.npLeft(j, s.FirstToken)
		ns, ne, ok2 := a.npRight(k+2, s.EndToken)
		if !ok1 || !ok2 {
			return c, false
		}
		c.subjS, c.subjE, c.inverted = ns, ne, true
		c.objS, c.objE = objStart, j+1
		c.used = true // its quote is made by byAgentQuotes
		a.resolveSpeaker(&c)
		return c, true
	}
	// "to say", "by saying": the clause's subject (below)
	clausal := (j > s.FirstToken || j == s.FirstToken && w.form == ingForm) && a.word(j) && (w.form == baseForm && a.lowIs(j, "to") && !a.is(j-1, aspectVerbs) ||
		w.form == ingForm && (a.is(j, gerundPreps) || strings.HasPrefix(a.toks[j].POS, "VB") && !a.is(j, passiveAux)))
	// `Some say`, `many argue`: a quantifier standing alone is the subject
	quantifier := (j == k-1 || aside) && j >= s.FirstToken && a.is(j, quantifierSubjects) && w.form != ingForm &&
		(j == s.FirstToken || !a.word(j-1) || a.is(j-1, introWords))
	// `groups that endorsed him`: a relative "that" before a finite verb
	// stands for the noun before it
	relThat := j > s.FirstToken && a.lowIs(j, "that") && (w.form == pastForm || w.form == thirdForm) &&
		strings.HasPrefix(a.toks[j-1].POS, "NN") && !a.is(j-1, npStop)
	// `the board, which ruled that …`: a relative "which" after a comma
	// stands for the noun before it, as "who" does
	relWhich := j > s.FirstToken && a.lowIs(j, "which") && a.textIs(j-1, ",")
	if j >= s.FirstToken && a.word(j) && a.is(j, determiners) && !clausal && !quantifier && !relThat && !relWhich {
		return c, false // "the claims", "his statement", "in saying"
	}
	switch w.form {
	case baseForm:
		if !sawAux && a.toks[k].POS != "VBP" && !quantifier && !(j >= s.FirstToken && (a.is(j, subjectPronounsBase) || a.pluralNoun(j) ||
			a.toks[j].Kind == newsgraph.Number || a.textIs(j, "%") || a.nounBeforeBase(j))) {
			return c, false
		}
	case ingForm:
		if j >= s.FirstToken && a.textIs(j, ",") {
			c.participleComma = true
		} else if !sawPassive && !a.nounParticiple(j, k, w, s) && !(a.word(j) && (a.is(j, gerundPreps) || strings.HasPrefix(a.toks[j].POS, "VB") ||
			(a.lowIs(j, "and") || a.lowIs(j, "or")))) {
			return c, false
		}
	}
	// the subject
	// `Trump earlier Tuesday backed`, `the board on Monday rejected`, `a
	// poll released last week showed`, `who has long opposed`: a time
	// between the subject and its verb is no subject; the subject is read
	// before it
	sj := j
	if t := a.skipTimeBefore(j, s.FirstToken); t < j && (w.form == pastForm || w.form == thirdForm) {
		sj = t
		for sj >= s.FirstToken && a.word(sj) && (a.is(sj, skipBeforeCue) || a.lyAdverb(sj)) {
			sj--
		}
	}
	switch {
	case c.participleComma:
		// `Spicer said, adding, "…"`: the subject of the cue before
		if n := len(a.cues); n > 0 && a.cues[n-1].sentence == si && a.cues[n-1].subjS >= 0 && !a.cues[n-1].according {
			c.subjS, c.subjE = a.cues[n-1].subjS, a.cues[n-1].subjE
		} else if ns, ne, ok := a.clauseSubject(s.FirstToken, sj); ok {
			c.subjS, c.subjE = ns, ne
		}
	case sj >= s.FirstToken && a.word(sj) && (a.lowIs(sj, "who") || a.lowIs(sj, "which") && a.textIs(sj-1, ",") || relThat):
		p := sj - 1
		if a.textIs(p, ",") {
			p--
			c.relative = true
		}
		if ns, ne, ok := a.npLeft(p, s.FirstToken); ok {
			c.subjS, c.subjE = ns, ne
		}
	case sj >= s.FirstToken && a.word(sj) && (a.lowIs(sj, "and") || a.lowIs(sj, "but")):
		if ns, ne, ok := a.clauseSubject(s.FirstToken, sj); ok {
			c.subjS, c.subjE = ns, ne
		}
	case sj >= s.FirstToken && a.textIs(sj, ",") && w.form != baseForm && a.hasAppositive(sj, s.FirstToken, &c):
	case sj >= s.FirstToken && (a.word(sj) || a.textIs(sj, "%")):
		if ns, ne, ok := a.npLeft(sj, s.FirstToken); ok {
			c.subjS, c.subjE = ns, ne
			// `Another source speaking to Fox News said`, `Fishermen
			// waiting along the pier said`: the phrase after a participle
			// is not the subject
			p := ns - 1
			if ns+1 < ne && a.toks[ns].POS == "IN" && !a.lowIs(ns, "of") && !a.lowIs(ns, "that") {
				p = ns // the noun phrase read took in the preposition
			}
			if p-2 >= s.FirstToken && (a.lowIs(p, "to") || a.lowIs(p, "with") ||
				a.toks[p].POS == "IN" && !a.lowIs(p, "of") && !a.lowIs(p, "that")) && a.word(p-1) &&
				(a.toks[p-1].POS == "VBG" || strings.HasSuffix(a.toks[p-1].Text, "ing")) {
				if ns2, ne2, ok := a.npLeft(p-2, s.FirstToken); ok {
					c.subjS, c.subjE = ns2, ne2
				}
			}
		} else if w.form == pastForm || w.form == thirdForm {
			return c, false
		}
	default:
		// after punctuation, a quotation mark or at the start: "…," said X
		if w.form == baseForm {
			return c, false
		}
		if w.class == tellCue && sj > s.FirstToken && a.textIs(sj, ",") {
			// `Clinton, shortly after …, told her supporters`: what follows
			// tell is its addressee, the subject opens the clause
			if ns, ne, ok := a.clauseSubject(s.FirstToken, sj); ok {
				c.subjS, c.subjE = ns, ne
				break
			}
		}
		if sj > s.FirstToken && a.textIs(sj, ",") && a.clauseFollows(c.endTok, s.EndToken) {
			// `Ann Lee, 63, a voter raised in Ohio, said she wanted …`:
			// a clause follows, so the subject opens the sentence
			if ns, ne, ok := a.clauseSubject(s.FirstToken, sj); ok {
				c.subjS, c.subjE = ns, ne
				break
			}
		}
		if ns, ne, ok := a.npRight(c.endTok, s.EndToken); ok {
			c.subjS, c.subjE, c.inverted = ns, ne, true
		} else if sj >= s.FirstToken {
			return c, false
		}
	}
	// `led Republicans to say …`, `eager to talk about …`, `by saying
	// …`: an infinitive, or a gerund after a preposition, takes the
	// subject of its clause
	if c.subjS < 0 && clausal {
		if j == s.FirstToken {
			// `After talking about security, Mr. Netanyahu …`: the subject
			// of the clause after the phrase
			for p := c.endTok; p < s.EndToken; p++ {
				if a.textIs(p, ",") && a.inQuote[p] == 0 {
					if ns, ne, ok := a.clauseSubject(p+1, s.EndToken); ok {
						c.subjS, c.subjE = ns, ne
					}
					break
				}
			}
		} else if ns, ne, ok := a.clauseSubject(s.FirstToken, j); ok {
			c.subjS, c.subjE = ns, ne
		}
	}
	// `A picture shows the statesmen …`, `Moscow had shown itself open`:
	// what an image shows, or a subject shows of itself, is no statement
	if w.class == objectCue && (w.lemma == "show" || w.lemma == "see") {
		if c.subjS >= 0 && a.is(c.subjE-1, imageNouns) || a.is(c.endTok, reflexives) {
			return c, false
		}
	}
	if w.class == tellCue {
		start := c.endTok
		if c.inverted {
			start = c.subjE
		}
		if ns, ne, ok := a.npRight(start, s.EndToken); ok {
			c.addrS, c.addrE = ns, ne
		}
	}
	a.resolveSpeaker(&c)
	a.findVenue(&c, s)
	return c, true
}

// nounParticiple reports whether the participle at k describes the noun
// at j that does what it says: `super PACs backing Mr. Cruz`, `a
// Democrat supporting Clinton`, `a statement saying …`.
func (a *analyzer) nounParticiple(j, k int, w cueWord, s newsgraph.Sentence) bool {
	if j < s.FirstToken || j != k-1 || !a.word(j) || a.is(j, npStop) || a.is(j, determiners) {
		return false
	}
	if !(w.class == objectCue || w.class == speechCue || w.class == tellCue) {
		return false
	}
	switch a.toks[j].POS {
	case "NN", "NNS", "NNP", "NNPS":
		return true
	}
	return false
}

// clauseFollows reports whether a clause opens at token k, after a verb:
// "that", or a noun phrase and a finite verb (`said she wanted`), which
// an inverted subject (`…, said Ann Lee.`) does not have after it.
func (a *analyzer) clauseFollows(k, hi int) bool {
	if a.lowIs(k, "that") {
		return true
	}
	_, ne, ok := a.npRight(k, hi)
	return ok && ne < hi && a.finiteVerb(ne)
}

// pluralNoun reports whether token j looks like a plural noun subject
// ("officials say", "Democrats argue").
func (a *analyzer) pluralNoun(j int) bool {
	t := a.toks[j].Text
	if pos := a.toks[j].POS; pos != "" {
		// `aides say`: a verb's "-s" form right before a base form is
		// a plural noun the tagger took for a verb
		return pos == "NNS" || pos == "NNPS" || pos == "VBZ" && strings.HasSuffix(t, "s") && !strings.HasSuffix(t, "ss") &&
			j+1 < len(a.toks) && (a.toks[j+1].POS == "VB" || a.toks[j+1].POS == "VBP") && !a.is(j, npStop)
	}
	return len(t) > 3 && strings.HasSuffix(t, "s") && !strings.HasSuffix(t, "ss") && !a.is(j, npStop)
}

// clauseSubject finds the subject of the clause in toks[lo:hi]: the first
// mention of a person, organisation or place, or the noun phrase that opens
// the sentence.
func (a *analyzer) clauseSubject(lo, hi int) (int, int, bool) {
	if hi <= lo {
		return 0, 0, false
	}
	for _, mi := range a.mentionsIn(a.toks[lo].Start, a.toks[hi-1].End) {
		m := a.d.Mentions[mi]
		if m.Start < a.toks[lo].Start {
			continue
		}
		switch m.Type {
		case newsgraph.Person, newsgraph.Org, newsgraph.GPE, newsgraph.NORP, "":
			s, e := a.tokenRange(m.Start, m.End)
			// a name inside a quotation is the quoted speaker's word, not
			// the subject of the writer's clause (`"He lied," the man, Tom
			// Jones, told …`)
			if s >= 0 && a.inQuote[s] == 0 {
				return s, e, true
			}
		}
	}
	for lo < hi && a.inQuote[lo] != 0 {
		lo++
	}
	return a.npRight(lo, hi)
}

// tokenRange returns the tokens covering bytes [s, e), or -1.
func (a *analyzer) tokenRange(s, e int) (int, int) {
	i := searchTok(a.toks, s)
	if i >= len(a.toks) || a.toks[i].Start > s {
		return -1, -1
	}
	j := i
	for j < len(a.toks) && a.toks[j].Start < e {
		j++
	}
	return i, j
}

// searchTok returns the first token that ends after off.
func searchTok(toks []newsgraph.Token, off int) int {
	lo, hi := 0, len(toks)
	for lo < hi {
		m := (lo + hi) / 2
		if toks[m].End <= off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// npLeft reads the noun phrase that ends at token j, going left no further
// than lo. It returns the tokens [s, e).
func (a *analyzer) npLeft(j, lo int) (int, int, bool) {
	if j > lo && a.textIs(j, "%") && a.toks[j-1].Kind == newsgraph.Number && a.inQuote[j] == 0 {
		return j - 1, j + 1, true // "47% say"
	}
	if j < lo || !a.word(j) || a.inQuote[j] != 0 {
		return 0, 0, false
	}
	if a.is(j, pronouns) {
		return j, j + 1, true
	}
	if a.is(j, npStop) || a.isCueForm(j) {
		return 0, 0, false
	}
	s := j
	// a mention that ends here takes its whole span
	for _, mi := range a.mentionsIn(a.toks[j].Start, a.toks[j].End) {
		m := a.d.Mentions[mi]
		if m.End == a.toks[j].End && m.Start >= a.toks[lo].Start {
			if ms, _ := a.tokenRange(m.Start, m.End); ms >= 0 && ms < s {
				s = ms
			}
		}
	}
	for n := 0; s-1 >= lo && n < 10; n++ {
		p := s - 1
		if a.abbrevDot(p) && p-1 >= lo {
			s = p - 1 // "Mr. Smith": the title's dot
			continue
		}
		if !a.word(p) || a.inQuote[p] != 0 {
			break
		}
		if pos := a.toks[p].POS; pos != "" && (strings.HasPrefix(pos, "VB") || pos == "MD" || pos == "WDT" || pos == "WP") {
			break
		}
		if a.is(p, npInner) {
			if p-1 < lo || !a.word(p-1) || a.is(p-1, npStop) || a.is(p-1, determiners) || a.isCueForm(p-1) {
				break
			}
			s = p
			continue
		}
		if a.is(p, npStop) || a.isCueForm(p) || a.is(p, pronouns) && !a.lowIs(p, "his") {
			break
		}
		s = p
	}
	for s < j && a.is(s, npInner) {
		s++
	}
	return s, j + 1, true
}

// abbrevDot reports whether token k is the dot of an abbreviation inside a
// sentence ("Mr. Smith", "Sen. Warren"): glued to a capitalised word and
// not the sentence's last token.
func (a *analyzer) abbrevDot(k int) bool {
	if k <= 0 || k+1 >= len(a.toks) || a.toks[k].Text != "." || a.toks[k-1].End != a.toks[k].Start {
		return false
	}
	return a.toks[k+1].Sentence == a.toks[k].Sentence && a.capitalised(k-1) && len(a.toks[k-1].Text) <= 5
}

// isCueForm reports whether token k is a finite form of a reporting verb
// (said, told, says), which never belongs to a noun phrase.
func (a *analyzer) isCueForm(k int) bool {
	w, ok := cueWords[string(a.low(k))]
	return ok && (w.form == pastForm || w.form == thirdForm && w.lemma == "say")
}

// npRight reads the noun phrase that starts at token k, before hi.
func (a *analyzer) npRight(k, hi int) (int, int, bool) {
	if k >= hi || !a.word(k) || a.inQuote[k] != 0 {
		return 0, 0, false
	}
	if a.is(k, pronouns) {
		return k, k + 1, true
	}
	e := k
	for _, mi := range a.mentionsIn(a.toks[k].Start, a.toks[k].End) {
		m := a.d.Mentions[mi]
		if m.Start == a.toks[k].Start {
			if _, me := a.tokenRange(m.Start, m.End); me > e && me <= hi {
				e = me
			}
		}
	}
	// `said Ms. Gil`: a title read as a mention of its own takes the name
	// after it
	if e > k && e < hi && a.textIs(e-1, ".") && a.capitalised(e) {
		for _, mi := range a.mentionsIn(a.toks[e].Start, a.toks[e].End) {
			if m := a.d.Mentions[mi]; m.Start == a.toks[e].Start {
				if _, me := a.tokenRange(m.Start, m.End); me > e && me <= hi {
					e = me
				}
			}
		}
	}
	content := 0
	if e > k {
		// `said Democratic strategist Hank Miller`: a mention that is a
		// modifier of the noun after it does not end the phrase
		if !(e < hi && e-k < 4 && a.word(e) && a.inQuote[e] == 0 && strings.HasPrefix(a.toks[e].POS, "NN") &&
			!a.is(e, npStop) && !a.is(e, npInner) && !a.isCueForm(e)) {
			return k, e, true
		}
		content = 1
	} else if a.is(k, npStop) && !a.is(k, determiners) || a.isCueForm(k) || a.is(k, prepositions) {
		return 0, 0, false
	}
	for e < hi && e-k < 8 {
		if a.abbrevDot(e) && e > k && e+1 < hi && a.capitalised(e+1) {
			e++
			continue
		}
		if !a.word(e) || a.inQuote[e] != 0 {
			break
		}
		if pos := a.toks[e].POS; pos != "" && e > k && (strings.HasPrefix(pos, "VB") || pos == "MD" || pos == "WDT" || pos == "WP") {
			break
		}
		if e > k && a.is(e, npInner) {
			if a.lowIs(e, "of") || a.lowIs(e, "for") || a.lowIs(e, "&") {
				if a.word(e+1) && !a.is(e+1, npStop) {
					e++
					continue
				}
			}
			break
		}
		if e > k && (a.is(e, npStop) || a.isCueForm(e) || a.is(e, pronouns)) {
			break
		}
		if !a.is(e, determiners) {
			content++
		}
		e++
	}
	if content == 0 {
		return 0, 0, false
	}
	return k, e, true
}

// resolveSpeaker picks the entity of the subject: the mention that covers
// the head of the noun phrase (the word before its first "of"/"in"), else a
// person, organisation or place named in it.
func (a *analyzer) resolveSpeaker(c *cue) {
	c.speaker = -1
	if c.subjS < 0 {
		return
	}
	sp := a.span(c.subjS, c.subjE)
	c.speakerAt = sp
	head := c.subjE - 1
	for k := c.subjS + 1; k < c.subjE; k++ {
		if a.is(k, npInner) && !a.lowIs(k, "and") && !a.lowIs(k, "&") {
			head = k - 1
			break
		}
	}
	hs, he := a.toks[head].Start, a.toks[head].End
	best, bestScore := -1, -1
	for _, mi := range a.mentionsIn(sp.Start, sp.End) {
		m := a.d.Mentions[mi]
		score := 0
		if m.Start <= hs && m.End >= he {
			score += 16
		}
		switch m.Type {
		case newsgraph.Person:
			score += 8
		case newsgraph.Org:
			score += 6
		case newsgraph.GPE:
			score += 4
		}
		if m.Start >= sp.Start && m.End <= sp.End {
			score += 2
		}
		if score > bestScore || score == bestScore && m.End-m.Start > a.d.Mentions[best].End-a.d.Mentions[best].Start {
			best, bestScore = mi, score
		}
	}
	if best >= 0 {
		m := a.d.Mentions[best]
		c.speaker = m.Entity
		c.speakerAt = newsgraph.Span{Start: m.Start, End: m.End}
		return
	}
	// no mention here: a name written the same way elsewhere in the
	// document names the same entity (never a pronoun or a lone title)
	if c.subjE-c.subjS > 4 || a.is(c.subjS, pronouns) || !a.capitalised(c.subjS) {
		return
	}
	np := a.d.Text[sp.Start:sp.End]
	for _, mi := range a.mentions {
		m := a.d.Mentions[mi]
		if m.Kind == newsgraph.NameMention && m.Text == np {
			c.speaker = m.Entity
			return
		}
	}
}

// findVenue looks in the cue's sentence for where the statement was made.
// Named outlets and platforms come before kinds of statement.
func (a *analyzer) findVenue(c *cue, s newsgraph.Sentence) {
	bestPrio, bestDist := 0, 1<<30
	set := func(prio int, text string, at newsgraph.Span, k int) {
		dist := k - c.tok
		if dist < 0 {
			dist = -dist
		}
		if prio > bestPrio || prio == bestPrio && dist < bestDist {
			bestPrio, bestDist = prio, dist
			c.venue, c.venueAt = text, at
		}
	}
	// told X journalists / told the BBC
	if c.addrS >= 0 {
		if v, at, ok := a.outletIn(c.addrS, c.addrE); ok {
			set(4, v, at, c.addrS)
		}
	}
	for k := s.FirstToken; k < s.EndToken; k++ {
		if a.toks[k].Kind != newsgraph.Word {
			continue
		}
		switch string(a.low(k)) {
		case "interview", "interviews", "conversation", "talk", "chat":
			if (a.lowIs(k+1, "with") || a.lowIs(k+1, "to") || a.lowIs(k+1, "on")) && k+2 < s.EndToken {
				if v, at, ok := a.nameAt(k+2, s.EndToken); ok {
					set(5, v, at, k)
				}
			}
		case "on", "via":
			if v, at, ok := a.platformAt(k+1, s.EndToken); ok {
				set(3, v, at, k)
			}
		case "to":
			if c.word.class == speechCue && k > c.tok && k < c.tok+4 {
				if v, at, ok := a.nameAt(k+1, s.EndToken); ok && a.isOutletText(v) {
					set(4, v, at, k)
				}
			}
		case "in", "at", "during", "through":
			if v, at, ok := a.statementAt(k+1, s.EndToken); ok {
				set(2, v, at, k)
			}
			if c.word.lemma == "write" && k == c.endTok {
				if v, at, ok := a.nameAt(k+1, s.EndToken); ok && a.isOutletText(v) {
					set(4, v, at, k)
				}
			}
		}
	}
}

// nameAt reads a name at token k: a title in quotation marks, a mention, or
// a run of capitalised words.
func (a *analyzer) nameAt(k, hi int) (string, newsgraph.Span, bool) {
	if k < hi && a.lowIs(k, "the") {
		k++
	}
	if k >= hi {
		return "", newsgraph.Span{}, false
	}
	if q := a.inQuote[k]; q != 0 && a.toks[k].Kind == newsgraph.QuoteMark {
		sp := a.spans[q-1]
		if sp.kind == titleSpan {
			at := newsgraph.Span{Start: sp.start, End: sp.end}
			return a.d.Text[at.Start:at.End], at, true
		}
		return "", newsgraph.Span{}, false
	}
	for _, mi := range a.mentionsIn(a.toks[k].Start, a.toks[k].End) {
		m := a.d.Mentions[mi]
		if m.Start == a.toks[k].Start && (m.Type == newsgraph.Org || m.Type == "") {
			return m.Text, newsgraph.Span{Start: m.Start, End: m.End}, true
		}
	}
	e := k
	for e < hi && e-k < 6 && (a.capitalised(e) || e > k && a.is(e, titleSmallWords) && a.capitalised(e+1) && !a.lowIs(e, "the")) {
		e++
	}
	if e == k {
		return "", newsgraph.Span{}, false
	}
	at := a.span(k, e)
	return a.d.Text[at.Start:at.End], at, true
}

// outletIn finds a news outlet in the addressee of tell: an organisation,
// a known outlet, or capitalised words before "journalists", "reporters".
func (a *analyzer) outletIn(s, e int) (string, newsgraph.Span, bool) {
	for _, mi := range a.mentionsIn(a.toks[s].Start, a.toks[e-1].End) {
		m := a.d.Mentions[mi]
		if m.Type == newsgraph.Org {
			return m.Text, newsgraph.Span{Start: m.Start, End: m.End}, true
		}
	}
	k := s
	if a.lowIs(k, "the") {
		k++
	}
	if k >= e {
		return "", newsgraph.Span{}, false
	}
	last := e - 1
	if a.is(last, mediaWords) && last > k {
		at := a.span(k, last)
		if a.capitalised(k) {
			return a.d.Text[at.Start:at.End], at, true
		}
		return "", newsgraph.Span{}, false
	}
	at := a.span(k, e)
	if v := a.d.Text[at.Start:at.End]; a.isOutletText(v) {
		return v, at, true
	}
	return "", newsgraph.Span{}, false
}

func (a *analyzer) isOutletText(v string) bool {
	if len(v) > 40 {
		return false
	}
	var buf [48]byte
	return mediaOutlets[string(lower(&buf, v))]
}

// platformAt reads a platform name at k ("Twitter", "X", "Truth Social",
// "social media").
func (a *analyzer) platformAt(k, hi int) (string, newsgraph.Span, bool) {
	if k >= hi || !a.word(k) {
		return "", newsgraph.Span{}, false
	}
	if k+1 < hi && a.word(k+1) {
		at := a.span(k, k+2)
		var buf [48]byte
		if v := a.d.Text[at.Start:at.End]; len(v) < 40 && platforms[string(lower(&buf, v))] {
			return v, at, true
		}
	}
	t := a.toks[k].Text
	if t == "X" || t != "x" && a.is(k, platforms) && a.capitalised(k) && t != "Signal" && t != "Fox" && t != "Truth" {
		return t, a.span(k, k+1), true
	}
	return "", newsgraph.Span{}, false
}

// statementAt reads a kind of statement at k: "a statement", "his evening
// video message" (→ "video message"), "a press conference".
func (a *analyzer) statementAt(k, hi int) (string, newsgraph.Span, bool) {
	if k >= hi || !a.word(k) {
		return "", newsgraph.Span{}, false
	}
	det := -1
	if a.lowIs(k, "a") || a.lowIs(k, "an") {
		det = k
		k++
	} else if a.is(k, determiners) {
		k++
	}
	first := -1
	for e := k; e < hi && e-k < 5 && a.word(e); e++ {
		if a.is(e, venueNouns) && !a.is(e+1, venueNouns) {
			if first < 0 {
				first = e
			}
			if a.lowIs(e+1, "on") {
				if v, at, ok := a.platformAt(e+2, hi); ok {
					return v, at, true
				}
			}
			if det >= 0 && first == det+1 {
				first = det
			}
			at := a.span(first, e+1)
			return a.d.Text[at.Start:at.End], at, true
		}
		if a.is(e, venueModifiers) || a.is(e, venueNouns) {
			if first < 0 {
				first = e
			}
		} else {
			first = -1
		}
	}
	return "", newsgraph.Span{}, false
}

// imageNouns show what they depict, not what anyone says.
var imageNouns = set("picture", "pictures", "photo", "photos", "photograph", "photographs", "image", "images",
	"video", "videos", "footage", "clip", "clips", "screenshot", "screenshots", "map", "maps", "graphic",
	"graphics", "caption", "scene", "scenes", "camera", "cameras", "livestream", "broadcast", "painting")

// reflexives after "show" describe the subject ("shown itself open").
var reflexives = set("itself", "himself", "herself", "themselves", "ourselves", "myself", "yourself")

// verbInContext reports whether a cue word the tagger did not read as a
// verb stands as one all the same: a finite form between a subject (the
// end of a name, a pronoun, a number: `Clinton plans to`, `Six in 10 say
// he`) and a complement ("that", "to" and a verb, a pronoun).
func (a *analyzer) verbInContext(k, next int, w cueWord) bool {
	if w.form != thirdForm && w.form != baseForm && w.form != pastForm {
		return false
	}
	p := k - 1
	if p < 0 || a.toks[p].Sentence != a.toks[k].Sentence || a.possessive(p) {
		return false
	}
	subject := a.is(p, pronouns) || a.toks[p].Kind == newsgraph.Number || a.textIs(p, "%")
	if !subject && a.capitalised(p) {
		for _, mi := range a.mentionsIn(a.toks[p].Start, a.toks[p].End) {
			if a.d.Mentions[mi].End == a.toks[p].End {
				subject = true
			}
		}
	}
	// `Polling of union voters shows that Clinton …`: a form in -s after
	// a noun and before "that" and a clause's subject
	if !subject && w.form == thirdForm && (w.class != objectCue || w.lemma == "show" || w.lemma == "find") &&
		strings.HasPrefix(a.toks[p].POS, "NN") && !a.is(p, npStop) &&
		a.lowIs(next, "that") && next+1 < len(a.toks) && a.word(next+1) {
		switch pos := a.toks[next+1].POS; {
		case strings.HasPrefix(pos, "NN"), pos == "DT", pos == "PRP", pos == "CD", pos == "PRP$", pos == "EX":
			return true
		}
	}
	if !subject || next >= len(a.toks) {
		return false
	}
	if a.capitalised(k) && w.form == thirdForm && a.capitalised(next) {
		return true // a headline in title case: `Rubio Says Abandoning Reform Was …`
	}
	switch {
	case a.lowIs(next, "that"):
		return true
	case a.lowIs(next, "to"):
		return next+1 < len(a.toks) && a.toks[next+1].POS == "VB"
	}
	if w.lemma == "cast" && a.is(next, objectPronounsOfPeople) {
		return true // `Lopez cast herself as …`
	}
	return a.is(next, pronouns) && !a.lowIs(next, "who")
}

// prepositions never open a noun phrase read as a subject ("said of
// life before Fox News").
var prepositions = set("of", "in", "for", "on", "by", "with", "to", "at", "from", "about", "into", "after",
	"before", "during", "over", "under")

// lyAdverb reports whether token k is an adverb in -ly, which may stand
// between a subject or an auxiliary and its verb (`is widely seen`, `she
// pointedly said`).
func (a *analyzer) lyAdverb(k int) bool {
	t := a.toks[k].Text
	return a.toks[k].POS == "RB" && len(t) > 4 && strings.HasSuffix(t, "ly")
}

// asLater reports whether "as" follows within the clause from k (past a
// short object, before any punctuation).
func (a *analyzer) asLater(k int, s newsgraph.Sentence) bool {
	for j := k + 1; j < s.EndToken && j < k+12; j++ {
		if !a.word(j) {
			return false
		}
		if a.lowIs(j, "as") {
			return true
		}
		if a.is(j, castObjects) {
			return false
		}
	}
	return false
}

// castObjects are what is cast that is no portrayal (`cast their
// ballots as …`, `cast doubt on`).
var castObjects = set("ballot", "ballots", "vote", "votes", "doubt", "doubts", "shadow", "shadows", "spell", "aside",
	"net", "light", "eye", "eyes", "lots", "die", "pall", "blame")

// objectPronounsOfPeople stand as a verb's object right after it.
var objectPronounsOfPeople = set("him", "her", "them", "us", "me", "himself", "herself", "themselves", "itself",
	"ourselves", "myself")

// whenWords say when, not what: `his remarks on Saturday`, `a statement
// issued Tuesday morning`.
var whenWords = set("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
	"tonight", "tomorrow", "morning", "afternoon", "evening", "night", "week", "weekend", "month", "year", "last",
	"next", "earlier", "later", "january", "february", "march", "april", "june", "july", "august", "september",
	"october", "november", "december")

// skipTimeBefore returns the token before a phrase of time that ends at
// token j (`on Tuesday`, `earlier Tuesday`, `last month`, `this week`, the
// long of `has long opposed`), and before a participle that the time
// completes (`a poll released Sunday`), or j when none ends there.
func (a *analyzer) skipTimeBefore(j, lo int) int {
	if j <= lo || !a.word(j) {
		return j
	}
	p := j
	switch {
	case a.is(p, weekdays) && a.capitalised(p) || a.lowIs(p, "today") || a.lowIs(p, "yesterday"):
		p--
		if p >= lo && (a.lowIs(p, "on") || a.lowIs(p, "earlier") || a.lowIs(p, "later") || a.lowIs(p, "late") || a.lowIs(p, "early")) {
			p--
		}
	case a.is(p, periodWords) && p-1 >= lo && (a.lowIs(p-1, "last") || a.lowIs(p-1, "this") || a.lowIs(p-1, "earlier")):
		p -= 2
	case a.lowIs(p, "long") && p-1 >= lo && (a.lowIs(p-1, "has") || a.lowIs(p-1, "have") || a.lowIs(p-1, "had")):
		p--
	default:
		return j
	}
	if p < lo || a.inQuote[p] != 0 {
		return j
	}
	if !a.word(p) {
		// `Ann Rowe, who chairs the board, on Sunday defended`: the
		// comma that closes an appositive
		if a.textIs(p, ",") {
			return p
		}
		return j
	}
	// the participle the time completes, after its noun
	if p-1 >= lo && (a.toks[p].POS == "VBN" || a.lowIs(p, "out")) && strings.HasPrefix(a.toks[p-1].POS, "NN") {
		p--
	}
	return p
}

// periodWords are what "last" or "this" makes a time of.
var periodWords = set("week", "month", "year", "weekend", "night", "spring", "summer", "fall", "winter", "morning",
	"afternoon", "evening")

// adjComplement says what may follow an adjective cue: a clause ("that"
// or a clause with its own subject), an infinitive, or one of the
// prepositions.
type adjComplement struct {
	clause, infinitive bool
	preps              map[string]bool
}

// adjectiveCues are adjectives of belief and stance that report what
// their subject holds when a copula links them (`she is confident that
// …`, `Democrats are critical of the plan`, `he was eager to leave`):
// PolNeAR counts them as attributions as it counts the verbs.
var adjectiveCues = map[string]adjComplement{
	"confident":  {clause: true},
	"sure":       {clause: true},
	"certain":    {clause: true},
	"convinced":  {clause: true},
	"aware":      {clause: true, preps: set("of")},
	"optimistic": {clause: true, preps: set("about")},
	"hopeful":    {clause: true},
	"adamant":    {clause: true},
	"worried":    {clause: true, preps: set("about")},
	"concerned":  {clause: true, preps: set("about")},
	"skeptical":  {clause: true, preps: set("of", "about")},
	"sceptical":  {clause: true, preps: set("of", "about")},
	"critical":   {preps: set("of")},
	"supportive": {preps: set("of")},
	"opposed":    {preps: set("to")},
	"proud":      {preps: set("of")},
	"angry":      {preps: set("at", "about", "with")},
	"upset":      {clause: true, preps: set("about", "with")},
	"unhappy":    {preps: set("with", "about")},
	"eager":      {infinitive: true},
	"willing":    {infinitive: true},
	"determined": {infinitive: true},
	"reluctant":  {infinitive: true},
	"keen":       {infinitive: true},
	"quick":      {infinitive: true},
	"happy":      {clause: true, infinitive: true},
	"glad":       {clause: true, infinitive: true},
	"pleased":    {clause: true, infinitive: true, preps: set("with")},
	"satisfied":  {clause: true, preps: set("with")},
	"frustrated": {clause: true, preps: set("with", "by")},
	"nervous":    {clause: true, preps: set("about")},
	"doubtful":   {clause: true},
	"fond":       {preps: set("of")},
	"open":       {preps: set("to")},
}

// copulas link a subject to an adjective cue (`is`, `remains`); "seem"
// and "appear" are left to impersonalQuotes, which reads them as cues.
var copulas = set("is", "was", "are", "were", "be", "been", "'s", "'re", "'m", "am", "remain", "remains",
	"remained", "feel", "feels", "felt", "become",
	"becomes", "became", "grew", "stay", "stays", "stayed", "isn't", "wasn't", "aren't", "weren't")

// degreeWords may stand between a copula and its adjective (`is not so
// sure`, `was deeply skeptical`).
var degreeWords = set("not", "n't", "very", "so", "too", "more", "less", "most", "also", "still", "quite", "all",
	"both", "now", "increasingly", "always", "never", "even", "already", "particularly", "especially", "fairly",
	"pretty", "far", "much", "no", "longer", "equally", "just")

// adjectiveCue reads an adjective cue at k after its copula, with the
// complement adjectiveCues allows, and finds its subject before the
// copula.
func (a *analyzer) adjectiveCue(k int, s newsgraph.Sentence, si int) (cue, bool) {
	adj := string(a.low(k))
	comp := adjectiveCues[adj]
	c := cue{tok: k, endTok: k + 1, sentence: si, subjS: -1, addrS: -1, speaker: -1, adjective: true,
		word: cueWord{lemma: adj, class: objectCue, form: baseForm}}
	next := k + 1
	switch {
	case comp.clause && (a.lowIs(next, "that") && a.word(next+1) || a.clauseAt(next, s.EndToken)):
		c.word.class = thoughtCue
	case comp.infinitive && a.lowIs(next, "to") && a.word(next+1) && a.toks[next+1].POS == "VB":
	case comp.preps != nil && a.word(next) && comp.preps[string(a.low(next))] && a.word(next+1):
		c.word.particle = string(a.low(next))
		c.endTok = next + 1
	default:
		return c, false
	}
	j := k - 1
	for j >= s.FirstToken && a.word(j) && (a.is(j, degreeWords) || a.lyAdverb(j)) {
		j--
	}
	if j < s.FirstToken || !a.word(j) || !a.is(j, copulas) {
		return c, false
	}
	for j >= s.FirstToken && a.word(j) && (a.is(j, skipBeforeCue) || a.is(j, copulas) || a.lyAdverb(j)) {
		j--
	}
	if j < s.FirstToken || !a.word(j) {
		return c, false
	}
	if a.lowIs(j, "who") || a.lowIs(j, "which") && a.textIs(j-1, ",") {
		p := j - 1
		if a.textIs(p, ",") {
			p--
		}
		ns, ne, ok := a.npLeft(p, s.FirstToken)
		if !ok {
			return c, false
		}
		c.subjS, c.subjE = ns, ne
	} else {
		if a.is(j, determiners) && !a.is(j, quantifierSubjects) {
			return c, false
		}
		ns, ne, ok := a.npLeft(j, s.FirstToken)
		if !ok {
			return c, false
		}
		c.subjS, c.subjE = ns, ne
	}
	a.resolveSpeaker(&c)
	return c, true
}

// makeForms are the forms of "make" in `made (it) clear that …`, a cue
// of speech made of a verb and an adjective.
var makeForms = map[string]verbForm{"make": baseForm, "makes": thirdForm, "made": pastForm, "making": ingForm}

// makeClear reads `made clear` or `made it clear` at k: the cue word and
// the number of its tokens.
func (a *analyzer) makeClear(k int) (cueWord, int, bool) {
	f, ok := makeForms[string(a.low(k))]
	if !ok {
		return cueWord{}, 0, false
	}
	n := 2
	if a.lowIs(k+1, "it") {
		n = 3
	}
	if !a.lowIs(k+n-1, "clear") {
		return cueWord{}, 0, false
	}
	return cueWord{lemma: "make clear", class: speechCue, form: f}, n, true
}

// asClause makes the quote of a cue of speech or thought in a clause that
// "as" opens and a comma closes: the rest of the sentence when the clause
// opens it (`As the Post reported on Monday, the deal collapsed`), what
// comes before when it ends it (`The deal collapsed, as the Post
// reported`). The clause must end at the verb or after a few words of
// time or place, not an object: `As she announced the plan, …` is a time.
func (a *analyzer) asClause(c *cue, s newsgraph.Sentence) bool {
	if c.inverted || c.according || c.subjS <= s.FirstToken || !a.lowIs(c.subjS-1, "as") ||
		c.word.class == objectCue || c.word.class == namingCue {
		return false
	}
	as := c.subjS - 1
	after := c.endTok
	if c.addrS >= 0 && c.addrE > after {
		after = c.addrE
	}
	// the words after the verb up to the comma: a time or a place only
	comma := -1
	for k := after; k < s.EndToken && k < after+8; k++ {
		if a.textIs(k, ",") && a.inQuote[k] == 0 {
			comma = k
			break
		}
		if !a.word(k) || a.inQuote[k] != 0 || a.finiteVerb(k) || a.lowIs(k, "that") ||
			!a.is(k, afterTrailingCue) && !a.is(k, determiners) && !a.capitalised(k) && !a.is(k, whenWords) {
			break
		}
	}
	lead := s.FirstToken
	for lead < as && a.word(lead) && a.is(lead, introWords) {
		lead++
	}
	switch {
	case as == lead && comma >= 0 && comma+1 < s.EndToken:
		return a.addIndirect(c, comma+1, s.EndToken)
	case as-1 > s.FirstToken && a.textIs(as-1, ",") && a.contentEnd(after, s.EndToken) == after:
		first := s.FirstToken
		for k := as - 1; k >= s.FirstToken; k-- {
			if a.claimed[k] {
				first = k + 1
				break
			}
		}
		return a.addIndirect(c, first, as-1)
	}
	return false
}
