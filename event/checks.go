package event

import "github.com/newsgraph/newsgraph"

// Checks that keep a trigger from being reported as an act it does not
// report: a question, an opinion, a characterisation, a statement, a refusal
// to speak. Each reads only the trigger's sentence.

// questioned reports whether the trigger ending at token end stands in a
// direct question: the first sentence-final mark after it is "?" ("How hard
// will Clinton attack?", "Should the UK approve the treaty?").
func (s *state) questioned(end int) bool {
	for j := end; j < s.sent.EndToken; j++ {
		switch s.d.Tokens[j].Text {
		case "?":
			return true
		case ".", "!":
			return false
		}
	}
	return false
}

// agreesOn reports whether a verbal AGREE followed by "with" at token j
// says what was agreed: "on X", a to-infinitive or an agreement noun in its
// clause ("agreed with Kyiv on a ceasefire", "agreed with Hamas to exchange
// prisoners"). Without one, "he agrees with me" is an opinion.
func (s *state) agreesOn(j int) bool {
	cl := s.clauseOf(j)
	end := j
	for end < s.sent.EndToken && end < j+15 && s.clauseOf(end) == cl {
		end++
	}
	for k := j + 1; k < end; k++ {
		switch s.w(k) {
		case "on", "over":
			return true
		case "to":
			if k+1 < s.sent.EndToken && s.isVerbLike(k+1) && !s.is(k+1, cDet) {
				return true
			}
		}
	}
	return s.hasAgreementNoun(j+1, end)
}

// characterisingVerbs say what a threat is, not that it was made: "posed a
// threat to", "is a threat", "represents a threat".
var characterisingVerbs = set("pose", "poses", "posed", "posing", "represent", "represents", "represented",
	"representing", "is", "are", "was", "were", "be", "been", "being", "'s", "’s", "remain", "remains",
	"remained", "see", "sees", "saw", "seen", "consider", "considers", "considered", "view", "views", "viewed")

// characterised reports a nominal trigger at k that is the object of a
// verb of being or seeming, across at most three determiners or modifiers:
// "Kilroy-Silk posed a threat to UKIP", "Russia is a threat".
func (s *state) characterised(k int) bool {
	for j, n := k-1, 0; j >= s.sent.FirstToken && n < 4; j, n = j-1, n+1 {
		if characterisingVerbs[s.w(j)] {
			return true
		}
		if !s.is(j, cDet) && !s.modifierWord(j) {
			return false
		}
	}
	return false
}

// warnedAgainst reports "warned (X) against …" after a verbal warning
// ending at token end: advice, not a threat ("warned his supporters
// against complacency").
func (s *state) warnedAgainst(end int) bool {
	cl := s.clauseOf(min(end, s.sent.EndToken-1))
	for j := end; j < s.sent.EndToken && j < end+6 && s.clauseOf(j) == cl; j++ {
		if s.w(j) == "against" {
			return true
		}
		if lexVerb(s, j) || s.w(j) == "that" || s.w(j) == "to" {
			return false
		}
	}
	return false
}

// obligation words of a demand's clause.
var obligation = set("must", "should", "shall", "need", "needs", "ought", "has", "have", "be")

// demandMood reports whether the clause after a verb of insisting that ends
// at token end demands: its first verb is a modal of obligation, "has to",
// "needs to", or a bare verb form ("insisted that he resign"); "insisted he
// did not know" and "insisted the talks were going well" state.
func (s *state) demandMood(end int) bool {
	for j := end; j < s.sent.EndToken && j < end+12; j++ {
		w := s.w(j)
		if w == "," || w == ";" || w == ":" {
			return false
		}
		p := s.d.Tokens[j].POS
		if obligation[w] && (w != "has" && w != "have" && w != "need" && w != "needs" || j+1 < s.sent.EndToken && s.w(j+1) == "to") {
			return true
		}
		if (p == "VB" || p == "VBP") && j > end && !s.is(j-1, cDet) && !s.is(j, cAux) {
			return true // "insisted that he resign", "insisted that they withdraw"
		}
		if s.is(j, cAux) || lexVerb(s, j) {
			return false
		}
	}
	return false
}

// speechVerbs after a refusal make it a refusal to comment, not the
// rejection of a demand or proposal ("refused to discuss the reports").
var speechVerbs = set("comment", "discuss", "say", "answer", "elaborate", "confirm", "speculate", "talk", "reveal",
	"disclose", "name", "identify", "specify", "explain", "respond", "detail", "divulge", "address", "give", "provide",
	"release", "share", "describe", "speak", "deny", "rule", "define", "label", "acknowledge", "admit", "characterize",
	"characterise", "mention", "answer")

// refusesToSpeak reports a to-infinitive of a verb of saying right after the
// trigger ending at token end.
func (s *state) refusesToSpeak(end int) bool {
	return end+1 < s.sent.EndToken && s.w(end) == "to" && speechVerbs[s.w(end+1)]
}

// patientNouns are acts whose possessor is who undergoes them: "Kilroy-Silk's
// expulsion", "Navalny's arrest", "Khashoggi's killing".
var patientNouns = set("expulsion", "expulsions", "arrest", "arrests", "detention", "deportation", "deportations",
	"killing", "killings", "assassination", "imprisonment", "jailing", "prosecution")

// avoidWords before a nominal trigger say the act was not done: "avoided
// direct criticism of Trump".
var avoidWords = set("avoid", "avoids", "avoided", "avoiding", "refrain", "refrains", "refrained", "refraining",
	"shun", "shuns", "shunned", "shunning", "eschew", "eschews", "eschewed", "spurn", "spurned")

// avoided reports an avoid verb before the nominal trigger at k, across at
// most three determiners, modifiers or "from".
func (s *state) avoided(k int) bool {
	for j, n := k-1, 0; j >= s.sent.FirstToken && n < 4; j, n = j-1, n+1 {
		if avoidWords[s.w(j)] {
			return true
		}
		if !s.is(j, cDet) && !s.modifierWord(j) && s.w(j) != "from" {
			return false
		}
	}
	return false
}

// participleBetween reports a participle or past verb between tokens a and
// b: "by X" after it is that verb's agent ("the meeting was first reported
// by Politico"), not the nominal trigger's.
func (s *state) participleBetween(a, b int) bool {
	for j := a; j < b; j++ {
		if s.is(j, cLight) || partyVerbs[s.w(j)] || s.is(j, cAux) {
			continue // "the treaty was signed by all members": the light verb's agent is the act's
		}
		switch p := s.d.Tokens[j].POS; {
		case p == "VBN" || p == "VBD":
			return true
		case p == "" && s.isWord(j) && !s.isCap(j) && len(s.w(j)) > 4 && s.w(j)[len(s.w(j))-2:] == "ed":
			return true
		}
	}
	return false
}

// easeWords judge how easy an act would be: "harder for X to attack Y" does
// not say that X attacked.
var easeWords = set("hard", "harder", "hardest", "easy", "easier", "easiest", "difficult", "tough", "tougher",
	"possible", "simpler", "simple", "impossible", "unlikely", "likely", "costly", "risky")

// easeFor reports a to-infinitive verb group at group whose subject is
// given by "for X" after an adjective of ease: "it becomes harder for the
// Republicans to attack".
func (s *state) easeFor(group int) bool {
	if group >= s.sent.EndToken || s.w(group) != "to" {
		return false
	}
	for j := group - 1; j > s.sent.FirstToken && j >= group-8; j-- {
		if s.w(j) == "for" {
			return easeWords[s.w(j-1)] || j-2 >= s.sent.FirstToken && easeWords[s.w(j-2)]
		}
		if s.is(j, cClause) || s.w(j) == "," {
			return false
		}
	}
	return false
}

// passiveClause reports a passive verb group at token j, after at most a
// modal or a negation: "… be implemented", "… is not repealed".
func (s *state) passiveClause(j int) bool {
	be := false
	for n := 0; j < s.sent.EndToken && n < 5; j, n = j+1, n+1 {
		w := s.w(j)
		switch {
		case beForms[w]:
			be = true
		case s.is(j, cNeg) || s.is(j, cAux) || s.is(j, cAdv):
		case be && (s.d.Tokens[j].POS == "VBN" || s.d.Tokens[j].POS == "" && len(w) > 4 && w[len(w)-2:] == "ed"):
			return true
		default:
			return false
		}
	}
	return false
}

// norpModifier reports whether every mention of the NORP entity x in the
// sentence is an adjective before a common noun of a thing: "the European
// constitution" is what is at stake, not the Europeans; "Ukrainian
// soldiers" are people.
func (s *state) norpModifier(x int) bool {
	seen := false
	for j := s.sent.FirstToken; j < s.sent.EndToken; j++ {
		if s.tokMent[j] < 0 || s.ent(j) != x {
			continue
		}
		mi := s.tokMent[j]
		for j+1 < s.sent.EndToken && s.tokMent[j+1] == mi {
			j++
		}
		n := j + 1
		if n >= s.sent.EndToken || !s.isWord(n) || s.isCap(n) || s.tokMent[n] >= 0 || s.personNoun(n) || s.is(n, cGroupNoun) {
			return false
		}
		if p := s.d.Tokens[n].POS; p != "NN" && p != "NNS" {
			return false
		}
		seen = true
	}
	return seen
}

var wantWords = set("want", "wants", "wanted", "wanting")

// wanted reports a verb of wanting before the nominal trigger at k, across
// at most three determiners or modifiers: "they want a ban on …".
func (s *state) wanted(k int) bool {
	for j, n := k-1, 0; j >= s.sent.FirstToken && n < 4; j, n = j-1, n+1 {
		if wantWords[s.w(j)] {
			return true
		}
		if !s.is(j, cDet) && !s.modifierWord(j) {
			return false
		}
	}
	return false
}

// partyVerbs are participles whose agent takes part in the act they apply
// to: "the deal was approved by the board", "talks hosted by Turkey".
var partyVerbs = set("approved", "signed", "ratified", "reached", "accepted", "endorsed", "backed", "negotiated",
	"brokered", "agreed", "concluded", "struck", "hosted", "organized", "organised", "chaired", "led", "attended",
	"launched", "carried", "conducted", "staged", "mediated", "requested", "proposed", "initiated", "ordered")

// citingVerbs report an act of someone else: "he cited criticism of Lauer".
var citingVerbs = set("cite", "cites", "cited", "citing", "mention", "mentions", "mentioned", "mentioning",
	"ignore", "ignores", "ignored", "ignoring", "dismiss", "dismisses", "dismissed", "dismissing", "face", "faces",
	"faced", "facing", "recall", "recalls", "recalled", "recalling", "survive", "survives", "survived")

// undoVerbs end or break an agreement that exists: "tear up the NATO
// treaty", "violated the ceasefire".
var undoVerbs = set("tear", "tears", "tore", "torn", "tearing", "scrap", "scraps", "scrapped", "scrapping",
	"abandon", "abandons", "abandoned", "abandoning", "violate", "violates", "violated", "violating", "breach",
	"breaches", "breached", "breaching", "break", "breaks", "broke", "broken", "breaking", "quit", "quits",
	"exit", "exits", "exited", "leave", "leaves", "left", "leaving", "renegotiate", "renegotiated", "rip",
	"ripped", "end", "ends", "ended", "cancel", "cancels", "cancelled", "canceled", "terminate", "terminated")

// governedBy reports a verb of set verbs before the nominal trigger at k,
// across at most five determiners, modifiers, particles ("tear up") and
// name words ("the NATO treaty").
func (s *state) governedBy(k int, verbs map[string]bool) bool {
	for j, n := k-1, 0; j >= s.sent.FirstToken && n < 6; j, n = j-1, n+1 {
		w := s.w(j)
		if verbs[w] {
			return true
		}
		if !s.is(j, cDet) && !s.modifierWord(j) && s.tokMent[j] < 0 && !s.isCap(j) && !particles[w] && w != "of" &&
			!s.possessive(j) && w != "'s" && w != "’s" {
			return false
		}
	}
	return false
}

// bareWarning reports a verbal warning with nothing after it that says whom
// or what: the end of the clause, a place or a time ("Trump warned in
// Everett"); what was warned is in a quote before it, and whether it
// threatens the speaker's own act is not said.
func (s *state) bareWarning(end int) bool {
	if end >= s.sent.EndToken {
		return true
	}
	t := &s.d.Tokens[end]
	if t.Kind != newsgraph.Word {
		return t.Text != "\"" && t.Text != "“"
	}
	switch s.w(end) {
	case "in", "at", "on", "during", "recently", "last", "earlier", "yesterday", "today", "while", "as":
		return true
	}
	return false
}

var subjectPronouns = set("he", "she", "they", "it", "we", "i", "you", "there")

// clauseAfter reports a that-clause or a clause with its own subject right
// after the verb ending at token end: "conceded that …", "conceded he had
// fallen short", "conceded the plan was flawed".
func (s *state) clauseAfter(end int) bool {
	if end >= s.sent.EndToken {
		return false
	}
	if s.w(end) == "that" || subjectPronouns[s.w(end)] {
		return true
	}
	for j := end; j < s.sent.EndToken && j < end+5; j++ {
		if s.is(j, cAux) || lexVerb(s, j) {
			return j > end
		}
		if !s.isWord(j) || s.is(j, cPrep) {
			return false
		}
	}
	return false
}

// placeNouns are objects of an occupation.
var placeNouns = set("territory", "territories", "town", "towns", "city", "cities", "village", "villages",
	"building", "buildings", "land", "lands", "area", "areas", "region", "regions", "part", "parts", "country",
	"island", "islands", "capital", "square", "office", "offices", "headquarters", "embassy", "airport", "port",
	"base", "bases", "province", "provinces", "district", "districts", "border", "ground", "campus",
	"parliament", "plant", "street", "streets", "lobby", "site", "sites", "zone", "zones", "peninsula", "coast")

// placeObject reports a place after the verb ending at token end: a place
// name, or a place noun within four tokens ("occupied parts of the east").
func (s *state) placeObject(end int) bool {
	for j := end; j < s.sent.EndToken && j < end+4; j++ {
		if x := s.ent(j); x >= 0 {
			switch s.d.Entities[x].Type {
			case newsgraph.GPE, newsgraph.Loc, newsgraph.Fac:
				return true
			}
			return false
		}
		if placeNouns[s.w(j)] {
			return true
		}
		if lexVerb(s, j) || s.is(j, cClause) {
			return false
		}
	}
	return false
}

// agreeObjects are what one agrees to when an agreement is made.
var agreeObjects = set("terms", "term", "plan", "plans", "proposal", "proposals", "demand", "demands", "condition",
	"conditions", "request", "requests", "offer", "offers", "compromise", "framework", "principle", "principles",
	"exchange", "swap", "release", "talks", "negotiations", "meeting", "summit", "deal", "pact", "truce", "it",
	"this", "that", "them", "changes", "reforms", "cuts", "increase", "package", "budget", "settlement")

// agreesToThing reports "agree to" followed by a noun phrase that is no
// proposal, demand or act ("agreed to a 30-minute interview"); "agreed to
// withdraw", "agreed to a ceasefire" and "agreed to the terms" are
// agreements.
func (s *state) agreesToThing(end int) bool {
	if end+1 >= s.sent.EndToken || s.w(end) != "to" || s.isVerbLike(end+1) && !s.is(end+1, cDet) && s.d.Tokens[end+1].POS != "NN" {
		return false
	}
	stop := s.phraseEnd(end + 1)
	for j := end + 1; j < stop; j++ {
		if agreeObjects[s.w(j)] || s.is(j, cLexForm) || s.tokMent[j] >= 0 {
			return false
		}
	}
	return stop > end+1
}
