package quote

import (
	"strings"

	"github.com/newsgraph/newsgraph"
)

// impersonalQuotes reads what the writer reports as expected, apparent or
// reported without a source, as PolNeAR annotates it: `Trump is expected
// to deliver a victory speech`, `the race appears closer in Ohio`, `It
// seems that …`, `The club is reportedly spending $1.5 million`, a
// judgement in the passive with no judge (`Rubio is widely seen as the
// favourite`, `he is said to be ill`),
// and the question put to a speaker: `Asked whether he would run, …`,
// `when asked what Mr. Clinton would do`. The content is the clause
// (subject, cue and complement; after an expletive "it" only the
// complement), or the question; the speaker is -1: the text names none.
func (a *analyzer) impersonalQuotes() {
	// the indirect quotes are all made now: end their contents where
	// PolNeAR does before the impersonal cues read what is left
	a.endContents()
	for si, s := range a.d.Sentences {
		a.pollFinding(si, s)
		for k := s.FirstToken; k < s.EndToken; k++ {
			if a.toks[k].Kind != newsgraph.Word || a.inQuote[k] != 0 || a.claimed[k] {
				continue
			}
			switch string(a.low(k)) {
			case "expected":
				if a.is(k-1, passiveAux) && k-1 >= s.FirstToken && a.lowIs(k+1, "to") {
					a.impersonal(si, s, k-1, k)
				}
			case "seem", "seems", "seemed":
				if k > s.FirstToken && !a.is(k-1, determiners) {
					a.impersonal(si, s, k, k)
				}
			case "appear", "appears", "appeared":
				if k > s.FirstToken && a.appearsJudgement(k) {
					a.impersonal(si, s, k, k)
				}
			case "seen", "viewed", "regarded", "considered", "believed", "thought", "perceived", "deemed",
				"rumored", "rumoured", "described", "known", "said", "reported", "predicted", "projected",
				"suspected", "criticized", "criticised", "accused", "charged", "condemned", "praised", "remembered",
				"blamed", "credited", "alleged", "portrayed", "labeled", "labelled", "branded", "hailed":
				if v, ok := a.passiveJudgement(k, s); ok {
					a.impersonal(si, s, v, k)
				}
			case "reportedly":
				if k > s.FirstToken {
					a.impersonal(si, s, k, k)
				}
			case "asked":
				a.askedQuestion(si, s, k)
			case "in":
				a.trailingPoll(si, s, k)
			}
		}
	}
}

// judgedBy are participles of blame and praise whose passive clause
// PolNeAR counts as the content (`he was suspected of plotting`, `she has
// been criticized by bankers for …`).
var judgedBy = set("suspected", "criticized", "criticised", "accused", "charged", "condemned", "praised", "remembered",
	"blamed", "credited", "alleged", "portrayed", "labeled", "labelled", "branded", "hailed")

// passiveAdverbs may stand between the auxiliary and the participle of a
// passive judgement (`is widely seen as`).
var passiveAdverbs = set("widely", "often", "generally", "largely", "also", "still", "long", "increasingly",
	"now", "broadly", "commonly", "frequently", "being", "been", "not", "already", "usually")

// passiveJudgement reports whether the participle at k is a judgement in
// the passive with no judge named (`Rubio is seen as the favourite`, `the
// plan was considered too costly`, `he is said to be ill`) and returns the
// auxiliary that opens it.
func (a *analyzer) passiveJudgement(k int, s newsgraph.Sentence) (int, bool) {
	v := k - 1
	for v > s.FirstToken && a.word(v) && a.is(v, passiveAdverbs) && !a.is(v, passiveAux) {
		v--
	}
	if v < s.FirstToken || !a.is(v, passiveAux) || a.lowIs(v, "get") || a.lowIs(v, "got") || a.lowIs(v, "gets") {
		return 0, false
	}
	for v-1 > s.FirstToken && a.is(v-1, passiveAux) {
		v-- // "has been", "is being"
	}
	n := k + 1
	switch {
	case a.lowIs(n, "as") || a.lowIs(n, "to") && a.word(n+1) && a.toks[n+1].POS == "VB":
		return v, true
	case a.lowIs(n, "by"):
		return v, judgedBy[string(a.low(k))]
	case judgedBy[string(a.low(k))] && (a.lowIs(n, "of") || a.lowIs(n, "for") || a.lowIs(n, "with")):
		return v, true
	}
	switch string(a.low(k)) {
	case "known", "described", "reported", "said":
		return 0, false
	}
	return v, n < s.EndToken && (strings.HasPrefix(a.toks[n].POS, "JJ") || a.lowIs(n, "a") || a.lowIs(n, "an") || a.lowIs(n, "the"))
}

// appearsJudgement reports whether "appear" at k judges (`appears to be`,
// `appears weak`, `it appears that`) rather than shows up (`appeared on
// Fox News`).
func (a *analyzer) appearsJudgement(k int) bool {
	n := k + 1
	if a.lowIs(n, "to") {
		return a.word(n+1) && !a.capitalised(n+1) && !a.is(n+1, determiners)
	}
	if a.lowIs(n, "that") || a.textIs(n, ",") && a.lowIs(k-1, "it") {
		return true
	}
	pos := a.toks[min(n, len(a.toks)-1)].POS
	return n < len(a.toks) && (strings.HasPrefix(pos, "JJ") || a.lowIs(n, "likely") || a.lowIs(n, "unlikely"))
}

// impersonal makes the quote of a cue whose first word is at v and last
// at k.
func (a *analyzer) impersonal(si int, s newsgraph.Sentence, v, k int) {
	c := cue{tok: v, endTok: k + 1, sentence: si, subjS: -1, addrS: -1, speaker: -1}
	var first, end int
	expletive := a.lowIs(v-1, "it") || a.lowIs(v-1, "there") && v-1 == s.FirstToken
	if expletive {
		// `It is expected to rise`, `It appears, though, that …`
		first = k + 1
		for first < s.EndToken && (a.textIs(first, ",") || a.is(first, introWords) || a.lowIs(first, "though") ||
			a.lowIs(first, "that") || a.lowIs(first, "likely")) {
			first++
		}
		if a.lowIs(v-1, "there") {
			first = v - 1
		}
	} else {
		first = a.clauseStart(s, v)
	}
	end = s.EndToken
	for j := k + 1; j < s.EndToken; j++ {
		if a.claimed[j] || a.textIs(j, ";") || a.textIs(j, ",") && (a.lowIs(j+1, "according") || a.isCueForm(j+1) ||
			a.isCueForm(j+2) && !a.lowIs(j+1, "that")) {
			end = j
			break
		}
		// `others appeared ready to abandon him, throwing the party …`:
		// the judgement ends at its comma
		if a.textIs(j, ",") && a.inQuote[j] == 0 && !expletive {
			end = j
			break
		}
	}
	if first >= end || !expletive && first > v {
		return
	}
	a.cues = append(a.cues, c)
	if a.addIndirect(&a.cues[len(a.cues)-1], first, end) {
		a.quotes[len(a.quotes)-1].impersonal = true
	}
}

// clauseStart finds where the clause of the verb at v begins: after the
// last break before it (a semicolon, colon or dash, a conjunction after a
// comma, a subordinator), past an opening adverb or phrase set off by a
// comma (`Indeed, …`, `In the past few days, …`). A relative pronoun
// stays in (`which is expected to draw …`).
func (a *analyzer) clauseStart(s newsgraph.Sentence, v int) int {
	start := s.FirstToken
	for j := s.FirstToken; j < v; j++ {
		switch {
		case a.inQuote[j] != 0:
		case a.textIs(j, ";") || a.textIs(j, ":") || isDash(a.toks[j].Text):
			start = j + 1
		case a.word(j) && (a.is(j, subordinators) || a.lowIs(j, "that") || a.lowIs(j, "if")):
			start = j + 1
		case a.word(j) && (a.lowIs(j, "but") || a.lowIs(j, "and") || a.lowIs(j, "so") || a.lowIs(j, "yet")) &&
			(j == s.FirstToken || a.textIs(j-1, ",")):
			start = j + 1
		case a.word(j) && (a.lowIs(j, "which") || a.lowIs(j, "who")) && a.textIs(j-1, ","):
			start = j
		}
	}
	for start < v && (a.word(start) && a.is(start, introWords) || a.textIs(start, ",")) {
		start++
	}
	// an opening phrase set off by a comma, when the subject follows it
	// (the comma does not close an appositive of the subject)
	if !a.textIs(v-1, ",") {
		for j := v - 1; j > start; j-- {
			if a.textIs(j, ",") && a.inQuote[j] == 0 {
				if !a.lowIs(j+1, "which") && !a.lowIs(j+1, "who") {
					start = j + 1
				}
				break
			}
		}
	}
	return start
}

// askedQuestion reads the question put to someone: `Asked whether he
// would run, …`, `when asked what Mr. Clinton would do`, `was asked about
// the plan`. The content runs from the question word to the clause's end.
func (a *analyzer) askedQuestion(si int, s newsgraph.Sentence, k int) {
	p := k - 1
	if !(k == s.FirstToken || a.lowIs(p, "when") || a.lowIs(p, "after") || a.lowIs(p, "if") ||
		a.is(p, passiveAux) || a.textIs(p, ",") || a.lowIs(p, "being")) {
		return
	}
	q := -1
	for j := k + 1; j < s.EndToken && j <= k+7; j++ {
		if a.is(j, questionWords) {
			q = j
			break
		}
		if !a.word(j) || a.inQuote[j] != 0 {
			break
		}
	}
	if q < 0 {
		return
	}
	end := s.EndToken
	for j := q + 1; j < s.EndToken; j++ {
		if a.claimed[j] || a.textIs(j, ",") || a.textIs(j, ";") || isDash(a.toks[j].Text) ||
			a.inQuote[j] != 0 && a.spans[a.inQuote[j]-1].kind == fullSpan {
			end = j
			break
		}
	}
	if a.lowIs(q, "about") {
		q++
	}
	c := cue{tok: k, endTok: k + 1, sentence: si, subjS: -1, addrS: -1, speaker: -1}
	a.cues = append(a.cues, c)
	if a.addIndirect(&a.cues[len(a.cues)-1], q, end) {
		a.quotes[len(a.quotes)-1].impersonal = true
	}
}

// questionWords open the question after "asked".
var questionWords = set("if", "whether", "what", "why", "how", "who", "whom", "which", "when", "where", "about")

// pollFinding reads a sentence that opens with the poll it reports: `In an
// early-October CBS News poll, she led Mr. Sanders 56 percent to 32
// percent.` The poll is the source.
func (a *analyzer) pollFinding(si int, s newsgraph.Sentence) {
	k := s.FirstToken
	if !a.lowIs(k, "in") || a.claimed[k] || a.inQuote[k] != 0 {
		return
	}
	head := -1
	for j := k + 1; j < s.EndToken && j <= k+8 && (a.word(j) || a.textIs(j, "/") || a.textIs(j, "&") || a.textIs(j, "-")); j++ {
		if a.is(j, pollNouns) {
			head = j
			break
		}
	}
	if head < 0 {
		return
	}
	comma := -1
	for j := head + 1; j < s.EndToken && j <= head+7; j++ {
		if a.textIs(j, ",") {
			comma = j
			break
		}
		if !a.word(j) && !a.textIs(j, "/") && !a.textIs(j, "&") && !a.textIs(j, "-") {
			return
		}
	}
	if comma < 0 || comma+1 >= s.EndToken || a.claimed[comma+1] {
		return
	}
	c := cue{tok: k, endTok: k + 1, sentence: si, subjS: k + 1, subjE: head + 1, addrS: -1, speaker: -1}
	a.resolveSpeaker(&c)
	a.cues = append(a.cues, c)
	a.addIndirect(&a.cues[len(a.cues)-1], comma+1, s.EndToken)
}

// pollNouns name a survey that finds what it reports.
var pollNouns = set("poll", "polls", "survey", "surveys", "polling")

// trailingPoll reads a clause that ends with the poll it reports: `Trump
// has a decisive lead in the polls`, `she trails by nine points in the
// latest CNN poll.` The poll is the source, the clause before "in" the
// content.
func (a *analyzer) trailingPoll(si int, s newsgraph.Sentence, k int) {
	if k < s.FirstToken+3 {
		return
	}
	head := -1
	for j := k + 1; j < s.EndToken && j <= k+7 && a.inQuote[j] == 0 && (a.word(j) || a.textIs(j, "/") || a.textIs(j, "&") || a.textIs(j, "-")); j++ {
		if a.is(j, pollNouns) {
			head = j
			break
		}
		if a.word(j) && (strings.HasPrefix(a.toks[j].POS, "VB") || a.is(j, prepositions) && !a.lowIs(j, "of")) {
			return
		}
	}
	if head < 0 || head+1 < s.EndToken && a.word(head+1) && a.toks[head+1].POS != "VBN" && !a.is(head+1, adjunctOpeners) {
		return
	}
	first := a.clauseStart(s, k)
	words, finite := 0, false
	for j := first; j < k; j++ {
		if a.claimed[j] || a.inQuote[j] != 0 || a.isCueForm(j) {
			return
		}
		if a.word(j) {
			words++
		}
		finite = finite || a.finiteVerb(j)
	}
	if words < 3 || !finite || a.is(first, relatives) || a.is(first, subordinators) {
		return
	}
	c := cue{tok: k, endTok: k + 1, sentence: si, subjS: k + 1, subjE: head + 1, addrS: -1, speaker: -1}
	a.resolveSpeaker(&c)
	a.cues = append(a.cues, c)
	a.addIndirect(&a.cues[len(a.cues)-1], first, k)
}

// relatives open a relative clause, which reports nothing of its own.
var relatives = set("who", "which", "where", "whom", "whose", "what")
