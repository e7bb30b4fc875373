package event

import (
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph"
)

// build makes the event of the trigger at tokens [k, end) and appends it to
// the document when it has an actor.
func (s *state) build(k, end int, e *entry, nominal bool) {
	d := s.d
	v := newsgraph.Event{Type: e.typ, Mode: e.mode, Location: -1, Time: -1, Quote: -1,
		Polarity: newsgraph.Positive, Modality: newsgraph.Asserted,
		Sentence: d.Tokens[k].Sentence}
	v.Trigger = newsgraph.Span{Start: d.Tokens[k].Start, End: d.Tokens[end-1].End}
	v.TriggerText = d.Text[v.Trigger.Start:v.Trigger.End]
	meta := eventMeta{paragraph: s.sent.Paragraph}

	// the verb that carries tense, modality and the subject: the trigger
	// itself, or the light verb of a nominal trigger ("held talks")
	verb := k
	light := -1
	if nominal {
		light = s.lightVerb(k)
		verb = light
	}
	var group int // start of the verb group
	passive := false
	if verb >= 0 {
		group = s.verbGroup(verb)
		passive = !nominal && s.isPassive(group, verb)
	}

	var actors, targets []int
	addTo := func(list *[]int, es ...int) {
		for _, x := range es {
			if x >= 0 && !slices.Contains(actors, x) && !slices.Contains(targets, x) && !s.isInstrument(x) {
				*list = append(*list, x)
			}
		}
	}

	// subject
	subjStart := -1
	if verb >= 0 {
		subj, grp, st := s.subject(group, passive)
		meta.group = grp
		subjStart = st
		if passive {
			if st >= s.sent.EndToken || s.w(st) != "it" {
				addTo(&targets, subj...) // not "it is ratified by": "it" is the treaty, not a party
			}
		} else {
			addTo(&actors, subj...)
		}
	}
	if nominal && (len(actors) == 0 || k == 0 || !s.is(k-1, cDet)) {
		// "X and Y sealed their agreement": the pronoun is the subject again;
		// "Kilroy-Silk's expulsion": a person undergoes the act
		if ps := s.possessor(k); patientNouns[s.w(k)] && len(ps) > 0 && d.Entities[ps[0]].Type == newsgraph.Person {
			actors = slices.DeleteFunc(actors, func(x int) bool { return slices.Contains(ps, x) })
			addTo(&targets, ps...)
		} else {
			addTo(&actors, ps...)
		}
	}

	// complement and object
	after := end
	objEnd := end
	var issueFrom, issueEnd int = -1, -1
	if e.comp || e.typ == "REJECT" || e.typ == "REQUEST" || e.typ == "CONCEDE" || e.typ == "AGREE" || e.typ == "SUPPORT" || e.typ == "ACCUSE" || e.typ == "THREATEN" {
		// "urged X to …", "called on X to …", "demanded that X …", "refused to …"
		j := after
		if j < s.sent.EndToken && s.w(j) == "that" {
			ts, next := s.nounPhrases(j + 1)
			if len(ts) > 0 {
				if !s.passiveClause(next) {
					addTo(&targets, ts...) // not "demand that HB2 not be implemented"
				}
				issueFrom, issueEnd = s.complementObject(next)
				objEnd = max(next, issueEnd)
			}
		} else if j < s.sent.EndToken && s.w(j) == "to" && j+1 < s.sent.EndToken && s.isVerbLike(j+1) {
			issueFrom, issueEnd = s.complementObject(j + 1)
			objEnd = max(j+1, issueEnd)
			if e.typ == "THREATEN" {
				// "threatened to sue the newspaper": whom the threatened act is against
				ts, _ := s.nounPhrases(issueFrom)
				addTo(&targets, ts...)
			}
		} else if !nominal {
			ts, next := s.nounPhrases(j)
			if len(ts) > 0 && !s.isGerund(j) && next < s.sent.EndToken && s.w(next) == "to" && next+1 < s.sent.EndToken && s.isVerbLike(next+1) {
				addTo(&targets, ts...)
				issueFrom, issueEnd = s.complementObject(next + 1)
				objEnd = max(next+1, issueEnd)
			}
		}
	}
	if issueFrom < 0 {
		j := after
		if nominal && j < s.sent.EndToken && (s.w(j) == "on" || s.w(j) == "of" || s.w(j) == "over" || s.w(j) == "about") &&
			(e.typ == "AGREE" || e.typ == "REQUEST" || e.typ == "REJECT" || e.typ == "CONCEDE" || e.typ == "ACCUSE" || e.typ == "SUPPORT" || e.typ == "CONSULT") {
			issueFrom, issueEnd = j+1, s.phraseEnd(j+1)
		} else if !nominal {
			issueFrom, issueEnd = j, s.phraseEnd(j)
			// "signed an agreement on grain exports": the agreement's topic
			if issueEnd > issueFrom && issueEnd+1 < s.sent.EndToken && s.is(issueEnd-1, cLexForm) {
				switch s.w(issueEnd) {
				case "on", "over", "about", "regarding":
					issueFrom, issueEnd = issueEnd+1, s.phraseEnd(issueEnd+1)
				}
			}
		}
		if issueEnd > objEnd {
			objEnd = issueEnd
		}
	}
	if !nominal && !passive && issueFrom >= 0 {
		// a direct object that names an actor is a target: "attacked Kyiv",
		// "met Putin"; but not the subject of a gerund ("insist on Ukraine
		// joining NATO"), which is what the act is about
		if ts, next := s.nounPhrases(after); !s.isGerund(next) && !s.isGerund(after) {
			addTo(&targets, ts...)
		}
	}

	if !nominal && !passive && len(targets) == 0 && subjStart >= 0 {
		addTo(&targets, s.antecedent(subjStart)...)
	}

	// prepositional arguments within the clause
	s.prepArgs(k, end, e, nominal, &actors, &targets, addTo)

	// "Trump has drawn criticism from X", "faced sanctions": the subject
	// undergoes the act; only "from X" or "by X" names who does it
	if nominal && s.received(k) {
		undergo := s.clauseSubject(k)
		actors = actors[:0]
		targets = targets[:0]
		addTo(&targets, undergo...)
		for j := end; j+1 < s.sent.EndToken && j < end+8 && s.clauseOf(j) == s.clauseOf(k); j++ {
			if s.w(j) == "from" || s.w(j) == "by" {
				ts, _ := s.nounPhrases(j + 1)
				addTo(&actors, ts...)
				break
			}
		}
	}

	// a nominal subject of "X and Y" with no possessor: "talks between …" handled above;
	// reciprocal acts with several actors and no target: "X and Y met"
	if e.recip && len(targets) == 0 && len(actors) > 1 {
		targets = append(targets, actors[len(actors)-1])
		actors = actors[:len(actors)-1]
	}
	// an agreement on "US access to Ukrainian raw materials": its parties
	if nominal && e.recip && len(actors) == 0 && len(targets) == 0 && issueFrom >= 0 {
		for j := issueFrom; j < s.extendPhrase(issueEnd); j++ {
			if x := s.ent(j); x >= 0 {
				if en := d.Entities[x]; en.Type == newsgraph.GPE || en.Type == newsgraph.NORP || en.Type == newsgraph.Org {
					if len(actors) == 0 {
						addTo(&actors, x)
					} else {
						addTo(&targets, x)
					}
				}
			}
		}
	}
	// a nominal with targets and no actor: the subject of its clause
	if nominal && len(actors) == 0 && len(targets) > 0 && light < 0 && !s.governedBy(k, citingVerbs) {
		addTo(&actors, s.clauseSubject(k)...) // not "he cited criticism of Lauer"
	}

	// polarity and modality
	neg := false
	if verb >= 0 {
		neg = s.negated(group, verb)
	}
	if nominal {
		if k > s.sent.FirstToken && s.w(k-1) == "no" {
			neg = true
		}
		if !neg && s.avoided(k) {
			neg = true // "avoided direct criticism of Trump"
		}
		if !neg && s.failsAfter(end) {
			neg = true
			meta.failed = true
		}
	}
	v.Modality = s.modality(k, group, verb)
	if neg {
		if e.neg != "" {
			// "does not want to accept" states a refusal, not a wish
			v.Type = e.neg
			if v.Modality == newsgraph.Demanded {
				v.Modality = newsgraph.Asserted
			}
		} else {
			v.Polarity = newsgraph.Negative
		}
	}
	for qi, q := range d.Quotes {
		if q.Start <= v.Trigger.Start && v.Trigger.End <= q.End {
			v.Quote = qi
			if v.Modality == newsgraph.Asserted {
				v.Modality = newsgraph.Reported
			}
			break
		}
	}

	// place and time
	v.Location = s.location(k, end)
	if v.Location < 0 {
		v.Location = s.dateline
	}
	if v.Type == "CONSULT" && len(targets) == 0 && len(actors) > 0 && v.Location >= 0 && !s.thingObject(end) &&
		!slices.ContainsFunc(actors, func(x int) bool { return d.Entities[x].Type == newsgraph.Org }) {
		// talks held in Moscow by a visitor are talks with Russia; not
		// U.N. talks in Paris, and not "meet the target"
		if st := d.Entities[v.Location].StandsFor; st >= 0 && st < len(d.Entities) && !slices.Contains(actors, st) {
			targets = append(targets, st)
		}
	}
	if v.Type == "CONSULT" && v.Mode == "" && s.thirdParty(k) {
		v.Mode = "third-party"
	}
	v.Time = s.timeOf(k)
	if v.Time >= 0 {
		v.Date = d.Times[v.Time].Value
		meta.dated = v.Date != ""
	} else if verb >= 0 && s.sent.Paragraph <= 1 && !d.Date.IsZero() && s.presentPerfect(group, verb) &&
		v.Modality != newsgraph.Hypothetical && v.Modality != newsgraph.Intended {
		v.Date = d.Date.Format("2006-01-02")
		meta.dated = true
	}

	// an act named as someone's aim is their demand: "the renunciation of
	// NATO membership is a key war aim for Russia"
	if nominal && light < 0 {
		if owner := s.aimOwner(max(end, objEnd)); owner >= 0 {
			v.Type, v.Mode, v.Polarity, v.Modality = "REQUEST", "", newsgraph.Positive, newsgraph.Asserted
			targets = slices.DeleteFunc(append(targets, actors...), func(x int) bool { return x == owner })
			actors = []int{owner}
			meta.failed = false
			if issueFrom < 0 {
				issueFrom, issueEnd = k, s.phraseEnd(k) // "the withdrawal of troops"
			}
		}
	}
	// "voters want a ban on Muslims": a demand for the act, not the act
	if pe := s.phraseEnd(k); nominal && light < 0 && v.Type != "REQUEST" && s.wanted(k) && (pe >= s.sent.EndToken || s.w(pe) != "to") {
		v.Type, v.Mode = "REQUEST", ""
		targets = targets[:0]
		if len(actors) == 0 {
			addTo(&actors, s.clauseSubject(k)...)
		}
		issueFrom, issueEnd = k, s.extendPhrase(s.phraseEnd(k))
	}
	// "approve the deal" is an agreement, not praise
	if v.Type == "SUPPORT" && issueFrom >= 0 && s.hasAgreementNoun(issueFrom, issueEnd) {
		v.Type = "AGREE"
	}
	// issue
	if issueFrom >= 0 && issueEnd > issueFrom && positionTypes[v.Type] {
		var modifiers []int
		v.Issue, modifiers = s.issue(issueFrom, issueEnd)
		for _, x := range targets {
			if d.Entities[x].Name == v.Issue {
				v.Issue = "" // "sued Apple": the object is the target, not an issue
			}
		}
		if v.Type == "REQUEST" && len(targets) == 0 {
			addTo(&targets, modifiers...)
		}
	}
	if issueFrom >= 0 && issueEnd == issueFrom+1 {
		switch s.w(issueFrom) {
		case "this", "that", "it", "these", "those", "so":
			meta.thisObject = true
		}
	}
	evFrom := k
	if verb >= 0 && group < k {
		evFrom = group
	}
	evEnd := max(end, objEnd)
	if evEnd < s.sent.EndToken && s.isGerund(evEnd) && s.clauseOf(evEnd) == s.clauseOf(k) {
		evEnd = s.phraseEnd(evEnd + 1) // "insist on Ukraine | joining NATO"
	}
	// the phrase rules may look one token past the sentence ("demand that A"
	// at its very end); the evidence stays inside it
	evEnd = min(evEnd, s.sent.EndToken)
	if evEnd <= evFrom {
		evEnd = evFrom + 1
	}
	meta.recip = e.recip
	meta.evidence = newsgraph.Span{Start: d.Tokens[evFrom].Start, End: d.Tokens[evEnd-1].End}

	// a REQUEST's "from X": security guarantees from the USA
	if objEnd > end {
		s.consumed = append(s.consumed, span{end, objEnd})
	}

	if !s.plausible(&v, e, nominal, end, meta.group, actors, &targets) {
		return
	}
	if len(actors) == 0 && !meta.group {
		return
	}
	v.Actors, v.Targets = actors, targets
	meta.participant = append(append([]int(nil), actors...), targets...)
	d.Events = append(d.Events, v)
	s.meta = append(s.meta, meta)
}

var positionTypes = map[string]bool{"REQUEST": true, "REJECT": true, "AGREE": true, "CONCEDE": true, "SUPPORT": true, "ACCUSE": true}

// extendPhrase returns the end of the prepositional phrases that follow a
// noun phrase ending at end, up to the end of the clause and at most eight
// tokens: "access | to Ukrainian raw materials".
func (s *state) extendPhrase(end int) int {
	if end >= s.sent.EndToken {
		return end
	}
	switch s.w(end) {
	case "of", "to", "on", "for", "with", "including", "over", "about", "in":
	default:
		return end
	}
	cl := s.clauseOf(end)
	k := end
	for k < s.sent.EndToken && k < end+8 && s.clauseOf(k) == cl && s.isWord(k) {
		k++
	}
	return k
}

// verbGroup returns the first token of the verb group ending at verb:
// auxiliaries, modals, negations, adverbs and catenatives with their "to".
func (s *state) verbGroup(verb int) int {
	j := verb
	for j > s.sent.FirstToken {
		p := s.w(j - 1)
		if s.is(j-1, cAux) || s.is(j-1, cAdv) || s.is(j-1, cCaten) || s.is(j-1, cNeg) || s.is(j-1, cIntended) ||
			(strings.HasSuffix(p, "ly") && !s.isCap(j-1) && s.tokMent[j-1] < 0) {
			j--
			continue
		}
		break
	}
	return j
}

func (s *state) isPassive(group, verb int) bool {
	w := s.w(verb)
	participle := strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "en") || w == "held" || w == "met" || w == "struck" ||
		w == "sent" || w == "shot" || w == "sought" || w == "made"
	if !participle {
		return false
	}
	for j := group; j < verb; j++ {
		if s.is(j, cBe) {
			return true
		}
	}
	// reduced relative: "talks held by X", "territories annexed by Moscow"
	if verb+1 < s.sent.EndToken && s.w(verb+1) == "by" && group == verb && verb > s.sent.FirstToken &&
		!s.is(verb-1, cAux) {
		return true
	}
	// the tagger's participle after a noun: "people accused of rape"
	if s.d.Tokens[verb].POS == "VBN" && group == verb && verb > s.sent.FirstToken && !s.is(verb-1, cAux) &&
		strings.HasPrefix(s.d.Tokens[verb-1].POS, "NN") && verb+1 < s.sent.EndToken && s.w(verb+1) == "of" {
		return true
	}
	return false
}

// subject finds the subject entities of the verb group starting at group.
// grp reports a subject that names the parties of an earlier event ("both
// sides", an unresolved "they").
func (s *state) subject(group int, passive bool) (ents []int, grp bool, start int) {
	j := group - 1
	start = group
	if j < s.sent.FirstToken {
		return nil, false, start
	}
	switch s.w(j) {
	case "who", "which", "that":
		// "Putin, who demanded …": the phrase before the relative pronoun
		j--
		if j >= s.sent.FirstToken && s.w(j) == "," {
			j--
		}
		if j < s.sent.FirstToken {
			return nil, false, start
		}
	}
	if s.w(j) == "they" {
		// "X and Y say they do not support …": the pair named before
		if ents := s.namedPair(j); len(ents) > 0 {
			return ents, false, j
		}
	}
	if s.w(j) == "it" {
		// "the plan … it does not insist on": the plan's author acts
		if a := s.planAuthor(j); a >= 0 {
			return []int{a}, false, j
		}
	}
	if s.tokMent[j] < 0 {
		w := s.w(j)
		if s.is(j, cGroupNoun) && j > s.sent.FirstToken && (s.is(j-1, cGroupQ) || s.w(j-1) == "the") {
			return nil, true, j - 1
		}
		if w == "they" || w == "both" {
			if ents := s.namedPair(j); len(ents) > 0 {
				return ents, false, j
			}
			return nil, true, j
		}
		return nil, false, start
	}
	ents, start = s.phraseLeft(j)
	if s.afterPrep(start, group) && !passive {
		// "the scandal in the White House", "a memo to the State Department
		// seeking …": not a subject. "X, the reporter who is credited with
		// … Y, has called for": the relative clause's antecedent is
		if a := s.relativeAntecedent(start, group); len(a) > 0 {
			return a, false, start
		}
		return nil, false, start
	}
	// coordination: "X, Y and Z met"; the conjunction comes last, so the
	// first separator met going left must be "and"
	for j, n := start-1, 0; j > s.sent.FirstToken; n++ {
		c := s.w(j)
		if c != "and" && c != "&" && (c != "," || n == 0) {
			break
		}
		if s.tokMent[j-1] < 0 {
			break
		}
		more, st := s.phraseLeft(j - 1)
		if s.afterPrep(st, -1) {
			break // "beside the Forbidden City, X and Y met"
		}
		ents = append(more, ents...)
		j = st - 1
		start = st
	}
	return ents, false, start
}

// antecedent returns the name phrase that a relative pronoun just before
// token start refers to: "Crimea, which Russia annexed".
func (s *state) antecedent(start int) []int {
	j := start - 1
	if j <= s.sent.FirstToken {
		return nil
	}
	switch s.w(j) {
	case "which", "whom", "that":
	default:
		return nil
	}
	j--
	if s.w(j) == "," {
		j--
	}
	if j < s.sent.FirstToken || s.tokMent[j] < 0 {
		return nil
	}
	ents, _ := s.phraseLeft(j)
	return ents
}

// phraseLeft reads the name phrase ending at token j (which is inside a
// mention) leftwards; it returns its head entity and its first token.
func (s *state) phraseLeft(j int) ([]int, int) {
	head := s.ent(j)
	k := j
	for k > s.sent.FirstToken {
		p := k - 1
		if s.tokMent[p] >= 0 || (s.isCap(p) && !s.is(p, cDet)) || s.is(p, cTitle) || s.w(p) == "-" {
			k = p
			if head < 0 {
				head = s.ent(p)
			}
			continue
		}
		break
	}
	if head < 0 {
		return nil, k
	}
	return []int{head}, k
}

// nounPhrases reads one name phrase, or several coordinated ones, starting
// at token j after at most a determiner and three modifiers; it returns
// their head entities and the token after them. Nothing is returned when no
// mention comes first.
func (s *state) nounPhrases(j int) ([]int, int) {
	var out []int
	closed := false // an "and" was read: "X and Y, the treaty" is not a list of three
	for {
		k := j
		for skip := 0; k < s.sent.EndToken && s.tokMent[k] < 0 && skip < 4; skip++ {
			w := s.w(k)
			if !s.isWord(k) || s.is(k, cPrep) || s.is(k, cAux) || s.is(k, cClause) || w == "and" || w == "or" ||
				w == "that" || w == "to" || lexVerb(s, k) {
				break
			}
			k++
		}
		if k >= s.sent.EndToken || s.tokMent[k] < 0 {
			return out, j
		}
		head := -1
		for k < s.sent.EndToken && (s.tokMent[k] >= 0 || (s.isCap(k) && s.isWord(k)) || (s.is(k, cTitle) && s.w(k) != "of")) {
			if x := s.ent(k); x >= 0 {
				head = x
			}
			k++
		}
		if k+1 < s.sent.EndToken && (s.w(k) == "'s" || s.w(k) == "’s") && relationNouns[s.w(k+1)] {
			head = -1 // "Clinton's accusers" are other people
			k += 2
		} else if k < s.sent.EndToken && k > j && s.possessive(k-1) && relationNouns[s.w(k)] {
			head = -1
			k++
		}
		if head >= 0 && !slices.Contains(out, head) {
			out = append(out, head)
		}
		j = k
		if k+1 < s.sent.EndToken && (s.w(k) == "and" || s.w(k) == "," && !closed || s.w(k) == "&") {
			n := k + 1
			if s.w(n) == "and" {
				n++
			}
			closed = closed || s.w(k) != ","
			if n < s.sent.EndToken && (s.tokMent[n] >= 0 || s.is(n, cDet) && s.w(k) != ",") {
				if more, _ := s.nounPhrases(n); len(more) > 0 {
					j = n
					continue
				}
			}
		}
		return out, j
	}
}

// lexVerb reports whether token k looks like a finite verb form from the
// tagger, when there is one.
func lexVerb(s *state, k int) bool {
	p := s.d.Tokens[k].POS
	return p == "VBD" || p == "VBZ" || p == "VBP" || p == "MD"
}

// isVerbLike reports whether token k can be the verb of a to-infinitive.
func (s *state) isVerbLike(k int) bool {
	if !s.isWord(k) || s.isCap(k) {
		return false
	}
	p := s.d.Tokens[k].POS
	if p != "" {
		return strings.HasPrefix(p, "VB")
	}
	return !s.is(k, cDet|cPrep) && s.tokMent[k] < 0
}

// complementObject returns the tokens of the object of the verb at j (the
// verb of a complement clause), skipping the verb and particles.
func (s *state) complementObject(j int) (int, int) {
	// skip the verb, its particle and adverbs: "withdraw", "give up", "take back"
	k := j + 1
	for k < s.sent.EndToken {
		w := s.w(k)
		if w == "up" || w == "back" || w == "down" || w == "off" || w == "out" || s.is(k, cAdv) {
			k++
			continue
		}
		break
	}
	return k, s.phraseEnd(k)
}

// phraseEnd returns the end of the noun phrase that starts at j: it stops at
// punctuation, prepositions (except "of" after a head that names what
// follows it), clause words and verbs. A phrase has at most 10 tokens.
func (s *state) phraseEnd(j int) int {
	k := j
	for k < s.sent.EndToken && k < j+10 {
		t := &s.d.Tokens[k]
		if t.Kind != newsgraph.Word && t.Kind != newsgraph.Number && !(t.Text == "-" && k > j) {
			break
		}
		w := s.w(k)
		if w == "of" && k > j && s.is(k-1, cOfHead) {
			k++
			continue
		}
		if s.is(k, cPrep) || s.is(k, cClause) || w == "and" || w == "or" || w == "that" || s.is(k, cAux) && k > j {
			break
		}
		if p := s.d.Tokens[k].POS; k > j && (lexVerb(s, k) || (p == "VBG" || p == "VBN") && !s.is(k-1, cDet) ||
			(p == "" && strings.HasSuffix(w, "ing") && !s.nounIng(k))) {
			break
		}
		k++
	}
	return k
}

// nounIng reports whether an -ing word is a noun inside a phrase ("the
// shelling", "peacekeeping forces") rather than a participle after it.
func (s *state) nounIng(k int) bool {
	p := s.d.Tokens[k].POS
	if p != "" {
		return strings.HasPrefix(p, "NN") || p == "JJ"
	}
	return k > s.sent.FirstToken && s.is(k-1, cDet)
}

// lightVerb returns the light verb whose object the nominal trigger at k is
// ("held talks", "signed a deal", "launched an attack"), or -1.
func (s *state) lightVerb(k int) int {
	for j, n := k-1, 0; j >= s.sent.FirstToken && n < 4; j, n = j-1, n+1 {
		if s.is(j, cLight) {
			if j > s.sent.FirstToken && (s.is(j-1, cDet) || s.w(j-1) == "'s") {
				return -1 // "the planned talks", "Trump's offer": not a verb
			}
			return j
		}
		if !s.isWord(j) || s.tokMent[j] >= 0 && !s.is(j, cDet) || s.is(j, cPrep) || s.is(j, cClause) {
			return -1 // a possessive pronoun may stand between: "sealed their agreement"
		}
	}
	return -1
}

// possessor returns the actor of a nominal trigger written before it:
// "Trump's meeting", "the US sanctions", "Russian attacks".
func (s *state) possessor(k int) []int {
	j := k - 1
	// adjectives between: "Trump's first meeting", "the latest Russian attack"
	for n := 0; j >= s.sent.FirstToken && n < 2 && s.modifierWord(j); n++ {
		j--
	}
	poss := false
	if j >= s.sent.FirstToken && (s.w(j) == "'s" || s.w(j) == "’s") {
		j--
		poss = true
	}
	if j < s.sent.FirstToken || s.tokMent[j] < 0 {
		return nil
	}
	if !poss && !s.possessive(j) {
		// "the Warsaw summit", "the Paris accord", "the Tulsa protest": a
		// city names where, not who
		en := &s.d.Entities[s.ments[s.tokMent[j]].Entity]
		if en.Type == newsgraph.GPE && !strings.HasPrefix(en.Key, "country:") {
			return nil
		}
	}
	ents, _ := s.phraseLeft(j)
	return ents
}

// modifierWord reports whether token j may stand between a possessor and
// its noun: an adjective or a noun modifier ("first", "peace", "planned").
func (s *state) modifierWord(j int) bool {
	if s.tokMent[j] >= 0 || !s.isWord(j) || s.isCap(j) {
		return false
	}
	if p := s.d.Tokens[j].POS; p != "" {
		return strings.HasPrefix(p, "JJ") || p == "NN" || p == "VBN" || p == "CD"
	}
	w := s.w(j)
	return !s.is(j, cDet) && !s.is(j, cPrep) && !s.is(j, cAux) && !s.is(j, cClause) && w != "and" && w != "or" &&
		w != "'s" && w != "’s" && !s.is(j, cLexForm) && !strings.HasSuffix(w, "ed")
}

// prepArgs reads "with X", "between X and Y", "by X", "from X", "on X",
// "against X", "to X" and "of X" after the trigger, within its clause.
func (s *state) prepArgs(k, end int, e *entry, nominal bool, actors, targets *[]int, addTo func(*[]int, ...int)) {
	cl := s.clauseOf(k)
	for j := end; j < s.sent.EndToken && j < end+15; j++ {
		if s.clauseOf(j) != cl && s.w(j) != "," {
			break
		}
		w := s.w(j)
		var role byte // 'a' actor, 't' target, 'b' between
		switch w {
		case "with":
			if e.typ == "CONSULT" || e.typ == "AGREE" || e.typ == "COOPERATE" || e.typ == "SUPPORT" {
				role = 't'
			}
		case "between", "among":
			if e.recip {
				role = 'b'
			}
		case "by":
			if nominal && !s.participleBetween(end, j) || !nominal && s.isPassive(s.verbGroup(k), k) {
				role = 'a' // not "the meeting was first reported by Politico"
			}
		case "from":
			if e.typ == "REQUEST" || e.typ == "RETREAT" {
				role = 't'
			}
			if e.typ == "AID" && nominal {
				role = 'a' // "aid from the British government": the donor
			}
		case "on", "against", "upon":
			switch e.typ {
			case "SANCTION", "ASSAULT", "COERCE", "ACCUSE", "THREATEN", "PROTEST", "REQUEST", "MOBILIZE":
				role = 't'
			}
		case "to":
			if e.typ == "AID" || (e.typ == "CONSULT" && e.mode == "visit") || (e.typ == "CONCEDE") ||
				e.typ == "REQUEST" && nominal && j == end { // "an appeal to Republicans"
				role = 't'
			}
			if e.mode == "visit" && !s.directName(j+1) {
				role = 0 // "a visit to the Brooklyn apartment": where, not whom
			}
		case "of":
			if nominal && j == end {
				switch e.typ {
				case "ASSAULT", "COERCE", "SANCTION", "ACCUSE", "SUPPORT", "CONSULT":
					role = 't'
				}
			}
		}
		if role == 0 {
			continue
		}
		ents, next := s.nounPhrases(j + 1)
		if len(ents) == 0 {
			// "criticism of trading partners such as China"
			ents, next = s.examples(j+1, cl)
		}
		if len(ents) == 0 {
			continue
		}
		switch role {
		case 'a':
			addTo(actors, ents...)
		case 't':
			addTo(targets, ents...)
		case 'b':
			if len(*actors) == 0 && len(ents) > 1 {
				addTo(actors, ents[:len(ents)-1]...)
				addTo(targets, ents[len(ents)-1])
			} else {
				addTo(targets, ents...)
			}
		}
		j = next - 1
	}
}

// clauseSubject returns the subject of the clause holding token k: the name
// phrase nearest before k in its clause that follows no preposition.
func (s *state) clauseSubject(k int) []int {
	cl := s.clauseOf(k)
	for j := k - 1; j >= s.sent.FirstToken && s.clauseOf(j) == cl; j-- {
		if s.tokMent[j] < 0 {
			continue
		}
		ents, start := s.phraseLeft(j)
		first := s.coordStart(start)
		if first > s.sent.FirstToken && s.is(first-1, cPrep) || s.afterPrep(first, -1) {
			j = first
			continue
		}
		if m := s.ments[s.tokMent[j]]; m.Type == newsgraph.NORP && j+1 < s.sent.EndToken && s.isWord(j+1) && !s.isCap(j+1) &&
			!s.is(j+1, cTitle) && s.tokMent[j+1] < 0 {
			j = first
			continue // "Finnish waters": a modifier, not a subject
		}
		return ents
	}
	return nil
}

// coordStart returns the first token of the coordination of name phrases
// that ends with the phrase starting at start: "Georgia and | Ukraine".
func (s *state) coordStart(start int) int {
	for start-2 >= s.sent.FirstToken {
		c := s.w(start - 1)
		if c != "and" && c != "or" && c != "," || s.tokMent[start-2] < 0 {
			break
		}
		_, st := s.phraseLeft(start - 2)
		start = st
	}
	return start
}

// refusalWords before a to-infinitive say that its act is not done: "the
// refusal of Congress to ratify it", "impossible for the EU to approve".
var refusalWords = set("refusal", "refuse", "refuses", "refused", "refusing", "impossible", "unable", "failure",
	"failed", "fails", "fail", "reluctance", "reluctant", "unwilling", "unwillingness", "declined", "declines")

// negated looks for a negation or a failure verb in the verb group, or a
// refusal before a verb group that is a to-infinitive.
func (s *state) negated(group, verb int) bool {
	if s.w(group) == "to" {
		for j := group - 1; j >= s.sent.FirstToken && j >= group-8; j-- {
			if refusalWords[s.w(j)] {
				return true
			}
			if s.is(j, cClause) || s.w(j) == "," {
				break
			}
		}
	}
	for j := group; j < verb; j++ {
		w := s.w(j)
		if s.is(j, cNeg) || s.is(j, cFailure) || w == "longer" {
			return true
		}
	}
	return false
}

// failsAfter looks after a nominal trigger for what says it did not happen:
// "the deal … fell through", "talks collapsed".
func (s *state) failsAfter(end int) bool {
	for j := end; j < s.sent.EndToken && j < end+25; j++ {
		if !s.is(j, cFailStart|cClause) && s.d.Tokens[j].POS == "" && s.isWord(j) {
			continue
		}
		w := s.w(j)
		if w == ";" || w == ":" || s.is(j, cClause) && w != "despite" {
			return false
		}
	phrases:
		for _, p := range failurePhrases {
			if j+len(p) > s.sent.EndToken {
				continue
			}
			for i, x := range p {
				if s.w(j+i) != x {
					continue phrases
				}
			}
			return true
		}
		if lexVerb(s, j) {
			return false // the sentence's verb says something else
		}
	}
	return false
}

// modality applies the cues of the package doc in their order.
func (s *state) modality(k, group, verb int) newsgraph.Modality {
	// "if" or "unless" earlier in the sentence's clause chain
	for j := s.sent.FirstToken; j < k; j++ {
		w := s.w(j)
		if w == "if" || w == "unless" {
			return newsgraph.Hypothetical
		}
		if (w == "providing" || w == "provided") && j+1 < k && (s.w(j+1) == "that" || s.is(j+1, cDet) || s.w(j+1) == "it" || s.w(j+1) == "they") {
			return newsgraph.Hypothetical // "providing it is ratified by all member states"
		}
	}
	var intended, demanded bool
	if verb >= 0 && s.easeFor(group) {
		return newsgraph.Hypothetical // "harder for the Republicans to attack Obama"
	}
	if verb >= 0 {
		for j := group; j < verb; j++ {
			switch {
			case s.is(j, cHypo):
				return newsgraph.Hypothetical
			case s.is(j, cIntended):
				intended = true
			case s.is(j, cDemanded):
				demanded = true
			}
		}
		// embedded under a demand: "demanded that Zelensky withdraw", "urged X to"
		if !demanded && group > s.sent.FirstToken {
			cl := s.clauseOf(group)
			for j := group - 1; j >= s.sent.FirstToken && j >= group-6; j-- {
				if s.is(j, cDemanded) {
					demanded = true
					break
				}
				if s.clauseOf(j) != cl && s.w(j) != "that" {
					break
				}
			}
		}
	}
	switch {
	case intended:
		return newsgraph.Intended
	case demanded:
		return newsgraph.Demanded
	}
	for j := s.sent.FirstToken; j+1 < s.sent.EndToken; j++ {
		if s.w(j) == "according" && s.w(j+1) == "to" {
			return newsgraph.Reported
		}
	}
	return newsgraph.Asserted
}

func (s *state) presentPerfect(group, verb int) bool {
	for j := group; j < verb; j++ {
		if s.is(j, cPerfect) {
			return true
		}
		if s.w(j) == "had" {
			return false
		}
	}
	return false
}

// location returns the place after "in" or "at" in the trigger's clause,
// preferring one after the trigger.
func (s *state) location(k, end int) int {
	cl := s.clauseOf(k)
	find := func(j int) int {
		w := s.w(j)
		if w != "in" && w != "at" {
			return -1
		}
		n := j + 1
		if n < s.sent.EndToken && s.w(n) == "the" {
			n++
		}
		if n < s.sent.EndToken {
			return s.place(n)
		}
		return -1
	}
	for j := end; j < s.sent.EndToken && s.clauseOf(j) == cl; j++ {
		if p := find(j); p >= 0 {
			return p
		}
	}
	for j := k - 1; j >= s.sent.FirstToken && s.clauseOf(j) == cl; j-- {
		if p := find(j); p >= 0 {
			return p
		}
	}
	return -1
}

// thirdParty reports a meeting on the sidelines of something else or in a
// third country.
func (s *state) thirdParty(k int) bool {
	for j := s.sent.FirstToken; j < s.sent.EndToken; j++ {
		switch s.w(j) {
		case "sidelines", "sideline", "margins":
			return true
		case "third":
			if j+1 < s.sent.EndToken && (s.w(j+1) == "country" || s.w(j+1) == "countries") {
				return true
			}
		}
	}
	return false
}

// timeOf returns the time expression of the trigger's clause, or of a
// sentence-initial clause that holds a time and nothing else of note.
func (s *state) timeOf(k int) int {
	d := s.d
	cl := s.clauseOf(k)
	best, bestDist := -1, 1<<30
	first := -1
	for ti := range d.Times {
		t := &d.Times[ti]
		if t.Start < s.sent.Start || t.End > s.sent.End || t.Type == newsgraph.Duration || t.Type == newsgraph.Set {
			continue
		}
		j := s.tokenAt(t.Start)
		if j >= s.sent.EndToken {
			continue
		}
		c := s.clauseOf(j)
		if c == cl {
			dist := j - k
			if dist < 0 {
				dist = -dist
			}
			if dist < bestDist {
				best, bestDist = ti, dist
			}
		} else if c == 0 && cl > 0 && first < 0 && s.initialAdverbial(j) {
			first = ti
		}
	}
	if best >= 0 {
		return best
	}
	return first
}

// initialAdverbial reports whether the sentence opens with a clause that is
// only a time phrase ended by a comma: "At the end of February, …".
func (s *state) initialAdverbial(j int) bool {
	for k := s.sent.FirstToken; k < s.sent.EndToken; k++ {
		if s.w(k) == "," {
			return true
		}
		if lexVerb(s, k) || s.tokMent[k] >= 0 {
			return false
		}
	}
	return false
}

// instrumentWords end the names of laws, treaties and plans: such an entity
// is what an act is about, never who acts or whom it is aimed at.
var instrumentWords = set("treaty", "agreement", "accord", "act", "pact", "partnership", "convention", "protocol",
	"deal", "plan", "law", "bill", "amendment", "charter", "resolution", "doctrine", "initiative")

// isInstrument reports whether entity x is named as a law, treaty or plan
// ("the CETA Treaty", "the Freedom of Information Act").
func (s *state) isInstrument(x int) bool {
	en := &s.d.Entities[x]
	if en.Type == newsgraph.Person && len(en.Aliases) == 0 && !strings.Contains(en.Name, " ") && instrumentWords[strings.ToLower(en.Name)] {
		return true // "Act" taken for a surname
	}
	for i := -1; i < len(en.Aliases); i++ {
		n := en.Name
		if i >= 0 {
			n = en.Aliases[i]
		}
		if j := strings.LastIndexByte(n, ' '); j >= 0 && instrumentWords[strings.ToLower(n[j+1:])] {
			return true
		}
	}
	return false
}

// agreementNouns name agreements: approving one is agreeing to it.
var agreementNouns = set("deal", "deals", "treaty", "treaties", "agreement", "agreements", "accord", "accords", "pact",
	"pacts", "contract", "contracts", "ceasefire", "truce", "settlement")

func (s *state) hasAgreementNoun(from, end int) bool {
	for j := from; j < end && j < s.sent.EndToken; j++ {
		if agreementNouns[s.w(j)] {
			return true
		}
	}
	return false
}

// receiveVerbs make the subject of a nominal act the one who undergoes it:
// "has drawn criticism", "faces sanctions", "came under attack".
var receiveVerbs = set("draw", "draws", "drew", "drawn", "drawing", "receive", "receives", "received", "receiving",
	"face", "faces", "faced", "facing", "earn", "earns", "earned", "attract", "attracts", "attracted", "suffer",
	"suffers", "suffered", "under", "endure", "endured", "weather", "weathered", "incur", "incurred", "provoke",
	"provoked", "sparked", "spark", "sparks", "prompted", "triggered")

// received reports a receive verb (or "under") within three words before
// the nominal trigger at k, with only modifiers between.
func (s *state) received(k int) bool {
	for j, n := k-1, 0; j >= s.sent.FirstToken && n < 4; j, n = j-1, n+1 {
		if receiveVerbs[s.w(j)] {
			return true
		}
		if !s.isWord(j) || s.tokMent[j] >= 0 || s.is(j, cClause) || s.is(j, cPrep) && s.w(j) != "under" {
			return false
		}
	}
	return false
}

// violenceWords in a sentence say that an attack or a clash is physical.
var violenceWords = set("troops", "forces", "army", "military", "missile", "missiles", "rocket", "rockets", "bomb",
	"bombs", "bombing", "drone", "drones", "shell", "shells", "shelling", "artillery", "gun", "guns", "gunman", "gunmen",
	"killed", "kill", "killing", "wounded", "injured", "died", "shot", "soldiers", "weapons", "weapon",
	"airstrike", "airstrikes", "air", "invasion", "offensive", "terrorist", "terrorists", "militants", "militant",
	"police", "knife", "stabbed", "violence", "violent", "beaten", "physically", "war", "fighters", "fighting",
	"explosion", "explosive", "casualties", "civilians", "cyber", "cyberattack", "hackers", "hacking", "hacked",
	"nuclear", "fire", "fired", "raid", "raids", "protesters", "mob", "riot", "arson", "armed")

// physical reports whether the current sentence has a word of violence.
func (s *state) physical() bool {
	for j := s.sent.FirstToken; j < s.sent.EndToken; j++ {
		if violenceWords[s.w(j)] {
			return true
		}
	}
	return false
}

// plausible applies the checks that an event needs beyond its trigger, and
// may retype it:
//
//   - a verb of visiting or hosting needs a name right after it, not a name
//     that modifies a noun ("visit the Sunshine state", "hosted his Labor
//     Day cookout"); a verb of meeting with a thing for its object and no
//     "with X" is not a meeting ("did not meet the threshold");
//   - an agreement verb with no party, object or complement is an opinion
//     ("62 percent of Republicans agreed");
//   - a meeting, talk, visit or hosting names whom it is with: without a
//     target (and no group subject to inherit one) it is an organisation's
//     own meeting or a talk with nobody named, not a CONSULT; a region or a
//     city visited is where, not whom ("visited Colorado");
//   - an attack or a clash by people on no place, on people, or by anyone
//     but a state on no one named, in a sentence without a word of violence,
//     is a verbal one: ACCUSE ("clashed with party
//     leaders", "attacks on Republican candidates");
//   - a warning (lexicon flag self) threatens only the actor's own act: not
//     "warned of …" or "warned about …", and "warned that …" only when the
//     actor, or "we", "it", "they", is the clause's subject.
func (s *state) plausible(v *newsgraph.Event, e *entry, nominal bool, end int, group bool, actors []int, targets *[]int) bool {
	d := s.d
	if !nominal && (v.Mode == "visit" || v.Mode == "host") && !s.directName(end) {
		return false
	}
	k := k0(v, s)
	if nominal && v.Type == "AGREE" && s.governedBy(k, undoVerbs) && !(end < s.sent.EndToken && (partyVerbs[s.w(end)] || s.is(end, cLight))) {
		return false // "tear up the NATO treaty": an existing agreement, not one made
	}
	if e.self && !nominal && s.bareWarning(end) {
		return false // "“Bad things are going to happen,” Trump warned in Everett"
	}
	if s.questioned(end) {
		return false // "How hard will Clinton attack?": asked, not reported
	}
	if !nominal && v.Type == "AGREE" && end < s.sent.EndToken && s.w(end) == "with" && !s.agreesOn(end) {
		return false // "he agrees with me": an opinion
	}
	if v.Mode == "investigate" && len(*targets) == 0 {
		return false // "investigating the situation": no one is accused
	}
	if nominal && v.Type == "THREATEN" && s.characterised(k) {
		return false // "posed a threat to UKIP": what someone is, not a threat made
	}
	if e.self && !nominal && s.warnedAgainst(end) {
		return false // "warned his supporters against complacency": advice
	}
	if e.place && !nominal && !s.placeObject(end) {
		return false // "occupies one of the key positions"
	}
	if !nominal && v.Type == "AGREE" && e.recip && s.agreesToThing(end) {
		return false // "agreed to a 30-minute interview"
	}
	if e.nostate && !nominal && s.clauseAfter(end) {
		return false // "conceded he had fallen short": an admission
	}
	if e.mood && !nominal && !s.demandMood(end) {
		return false // "insisted he did not know": a statement
	}
	if v.Type == "REJECT" && s.refusesToSpeak(end) {
		return false // "refused to discuss the reports"
	}
	switch v.Type {
	case "ACCUSE", "SUPPORT", "REQUEST", "AGREE", "REJECT", "CONCEDE":
		// "criticized Tulsa, Okla., police officer X": a town is where the
		// person is from, not a party to a statement
		*targets = slices.DeleteFunc(*targets, func(x int) bool {
			en := &d.Entities[x]
			return en.Type == newsgraph.GPE && en.StandsFor < 0 && (strings.HasPrefix(en.Key, "city:") || strings.HasPrefix(en.Key, "region:")) ||
				en.Type == newsgraph.NORP && s.norpModifier(x) // "reject the European constitution"
		})
	}
	if !nominal && v.Type == "CONSULT" && s.possessedObject(end) {
		return false // "did not meet the Commission's threshold"
	}
	if e.compreq && !s.asksFor(k0(v, s), end, nominal) {
		return false
	}
	if !nominal && e.noobj && s.thingObject(end) && !s.withTarget(end) {
		return false // "meet the threshold", "discussed her history"
	}
	if !nominal && v.Type == "AGREE" && len(*targets) == 0 && !group &&
		(end >= s.sent.EndToken || s.d.Tokens[end].Kind == newsgraph.Punct || s.is(end, cClause)) {
		return false // "62 percent of Republicans agreed": an opinion
	}
	if v.Type == "CONSULT" && v.Mode != "multilateral" && v.Mode != "third-party" {
		if v.Mode == "visit" || v.Mode == "host" {
			*targets = slices.DeleteFunc(*targets, func(x int) bool {
				en := &d.Entities[x]
				return (en.Type == newsgraph.GPE || en.Type == newsgraph.Loc || en.Type == newsgraph.Fac) && en.StandsFor < 0 &&
					(strings.HasPrefix(en.Key, "region:") || strings.HasPrefix(en.Key, "city:") || strings.HasPrefix(en.Key, "gpe:") ||
						en.Type != newsgraph.GPE)
			})
		}
		orgs := len(actors) > 0 && !slices.ContainsFunc(actors, func(x int) bool { return d.Entities[x].Type != newsgraph.Org })
		if len(*targets) == 0 && !group && !(nominal && orgs) {
			return false // an organisation's own meeting ("the Eurogroup meeting") stays
		}
	}
	if v.Type == "ASSAULT" && !s.physical() {
		people := func(es []int) bool {
			for _, x := range es {
				if d.Entities[x].Type != newsgraph.Person {
					return false
				}
			}
			return len(es) > 0
		}
		places := slices.ContainsFunc(*targets, func(x int) bool {
			t := d.Entities[x].Type
			return t != newsgraph.Person && t != newsgraph.Org && t != newsgraph.NORP
		})
		state := slices.ContainsFunc(actors, func(x int) bool { return d.Entities[x].Type == newsgraph.GPE })
		if people(actors) && !places || people(*targets) || len(*targets) == 0 && !state {
			v.Type, v.Mode = "ACCUSE", ""
		}
	}
	if e.self && !nominal && end < s.sent.EndToken {
		switch s.w(end) {
		case "of", "about":
			return false
		case "that":
			j := end + 1
			for j < s.sent.EndToken && s.is(j, cDet) {
				j++
			}
			if j >= s.sent.EndToken {
				return false
			}
			switch s.w(j) {
			case "we", "it", "they":
				return true
			}
			x := s.ent(j)
			return x >= 0 && slices.Contains(actors, x)
		}
	}
	return true
}

// afterPrep reports whether the phrase starting at token start is the
// object of a preposition: a preposition right before it, or before its
// determiner or one modifier ("with intern Monica Lewinsky"). Two
// prepositions still introduce a subject: "for" or "of" before a verb
// group that opens with "to" ("for the EU to approve", "the refusal of
// Congress to ratify"), and "of" after a word for members or leaders
// ("members of the House called on").
func (s *state) afterPrep(start, group int) bool {
	j := start - 1
	for n := 0; j >= s.sent.FirstToken && n < 2 && (s.is(j, cDet) || s.modifierBefore(j)); n++ {
		j--
	}
	if j < s.sent.FirstToken || !s.is(j, cPrep) || s.w(j) == "as" {
		return false
	}
	switch s.w(j) {
	case "for", "of", "from":
		if s.w(j) != "from" && group >= 0 && group < s.sent.EndToken && s.w(group) == "to" {
			return false
		}
		if s.w(j) != "for" && j > s.sent.FirstToken && (s.is(j-1, cTitle) || memberWords[s.w(j-1)]) {
			return false // "members of the House", "officials from China"
		}
	}
	return true
}

var memberWords = set("members", "member", "representatives", "representative", "lawmakers", "leaders", "leadership",
	"heads", "spokesmen", "aides", "aide", "staff", "officials")

// modifierBefore reports a lowercase noun or adjective that may stand
// between a preposition and a name ("with intern Monica Lewinsky").
func (s *state) modifierBefore(j int) bool {
	if !s.isWord(j) || s.isCap(j) || s.tokMent[j] >= 0 || s.is(j, cPrep|cAux|cClause|cDet) {
		return false
	}
	if p := s.d.Tokens[j].POS; p != "" {
		return p == "NN" || p == "JJ"
	}
	switch s.w(j) {
	case "what", "who", "whom", "which", "that", "and", "or", "but", "when", "where", "how", "why":
		return false
	}
	return !strings.HasSuffix(s.w(j), "ed")
}

// relativeAntecedent finds the subject of a verb group at group whose
// nearest name phrase (at start) lies inside a relative clause: "Michael
// Isikoff, the reporter who is credited with … Monica Lewinsky, has called
// for …". It needs "who" or "which" before start with a finite verb of its
// own between them, and a name right before the relative pronoun or before
// a comma and a description ("X, the reporter who").
func (s *state) relativeAntecedent(start, group int) []int {
	rel := -1
	for j := start - 1; j >= s.sent.FirstToken && j >= start-30; j-- {
		if w := s.w(j); w == "who" || w == "which" {
			rel = j
			break
		}
	}
	if rel < 0 {
		return nil
	}
	for j := rel + 1; j < start; j++ {
		if s.w(j) == "," {
			return nil // the relative clause closed before: "Crimea, which Russia annexed in 2014, or …"
		}
	}
	verb := false
	for j := rel + 1; j < start; j++ {
		if lexVerb(s, j) || s.is(j, cAux) {
			verb = true
			break
		}
	}
	if !verb {
		return nil
	}
	j := rel - 1
	for n := 0; j >= s.sent.FirstToken && n < 5 && s.tokMent[j] < 0 && s.w(j) != ","; n++ {
		j-- // the description: "the reporter"
	}
	if j >= s.sent.FirstToken && s.w(j) == "," {
		j--
	}
	if j < s.sent.FirstToken || s.tokMent[j] < 0 {
		return nil
	}
	ents, st := s.phraseLeft(j)
	if s.afterPrep(st, -1) {
		return nil
	}
	return ents
}

// examples reads the names after "such as", "including" or "like" that
// follow a common noun phrase within six tokens of j, in clause cl.
func (s *state) examples(j int, cl int32) ([]int, int) {
	for k := j; k < s.sent.EndToken && k < j+7 && s.clauseOf(k) == cl; k++ {
		if s.tokMent[k] >= 0 {
			return nil, j
		}
		w := s.w(k)
		if w == "such" && k+1 < s.sent.EndToken && s.w(k+1) == "as" {
			return s.nounPhrases(k + 2)
		}
		if w == "including" || w == "like" {
			return s.nounPhrases(k + 1)
		}
	}
	return nil, j
}

// relationNouns name people by their relation to someone: "Clinton's
// accusers" are not Clinton.
var relationNouns = set("accusers", "accuser", "supporters", "supporter", "aides", "aide", "wife", "husband", "son",
	"daughter", "family", "lawyers", "lawyer", "attorney", "attorneys", "staff", "allies", "ally", "critics", "critic",
	"opponents", "opponent", "rivals", "rival", "donors", "friends", "friend", "advisers", "advisors", "adviser",
	"spokesman", "spokeswoman", "campaign", "voters", "followers", "backers", "victims", "children", "mother", "father",
	"brother", "sister", "envoy", "successor", "predecessor", "running", "team", "associates", "employees")

// namedPair returns the people or organisations of the first coordination
// of two or more names in the current sentence before the plural pronoun at
// token j: "both candidates, Hillary Clinton and Donald Trump, say they …".
func (s *state) namedPair(j int) []int {
	for k := s.sent.FirstToken; k < j; k++ {
		if s.tokMent[k] < 0 || k > s.sent.FirstToken && s.tokMent[k-1] >= 0 || s.afterPrep(k, -1) {
			continue
		}
		ents, next := s.nounPhrases(k)
		if len(ents) >= 2 && next <= j {
			for _, x := range ents {
				if t := s.d.Entities[x].Type; t != newsgraph.Person && t != newsgraph.Org && t != newsgraph.GPE {
					return nil
				}
			}
			return ents
		}
	}
	return nil
}

// possessive reports a token written with its possessive ending ("Clinton’s"
// as one token).
func (s *state) possessive(k int) bool {
	w := s.w(k)
	return len(w) > 2 && (strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s"))
}

// directName reports a name right after token j (after a determiner) that
// is not the modifier of a common noun.
func (s *state) directName(j int) bool {
	if j < s.sent.EndToken && s.is(j, cDet) {
		j++
	}
	if j >= s.sent.EndToken || s.tokMent[j] < 0 {
		return false
	}
	mi := s.tokMent[j]
	for j < s.sent.EndToken && (s.tokMent[j] == mi || s.isCap(j)) {
		j++
	}
	return j >= s.sent.EndToken || !s.isWord(j) || s.isCap(j) || !s.modifiesNounLoose(j)
}

// modifiesNounLoose is modifiesNoun without a tagger: a lowercase word that
// is no preposition, clause word, verb form or adverb.
func (s *state) modifiesNounLoose(j int) bool {
	if s.d.Tokens[j].POS != "" {
		return s.modifiesNoun(j)
	}
	w := s.w(j)
	return !s.is(j, cPrep|cClause|cAux|cAdv|cNeg) && w != "and" && w != "or" && !strings.HasSuffix(w, "ly") &&
		!strings.HasSuffix(w, "ed")
}

// thingObject reports a direct object after a verbal trigger at j that is
// a common noun phrase, not a name ("meet the emissions target").
func (s *state) thingObject(j int) bool {
	for n := 0; j < s.sent.EndToken && n < 3 && s.is(j, cDet); n++ {
		j++
	}
	if j >= s.sent.EndToken || !s.isWord(j) || s.isCap(j) || s.tokMent[j] >= 0 || s.is(j, cTitle) {
		return false
	}
	if p := s.d.Tokens[j].POS; p != "" {
		return strings.HasPrefix(p, "NN") || p == "JJ" || p == "CD" || p == "PRP$"
	}
	return false
}

// withTarget reports "with" or "between" after the trigger in its clause.
func (s *state) withTarget(j int) bool {
	cl := s.clauseOf(min(j, s.sent.EndToken-1))
	for ; j < s.sent.EndToken && s.clauseOf(j) == cl; j++ {
		if w := s.w(j); w == "with" || w == "between" {
			return true
		}
	}
	return false
}

// possessedObject reports a direct object after token j that is a name
// with a possessive ending: "the Commission on Presidential Debates' …".
func (s *state) possessedObject(j int) bool {
	if j < s.sent.EndToken && s.is(j, cDet) {
		j++
	}
	if j >= s.sent.EndToken || s.tokMent[j] < 0 {
		return false
	}
	for n := 0; j < s.sent.EndToken && n < 8 && (s.tokMent[j] >= 0 || s.isCap(j) || s.w(j) == "on" || s.w(j) == "of"); n++ {
		if s.possessive(j) {
			return !s.personNoun(j + 1)
		}
		j++
	}
	return j+1 < s.sent.EndToken && (s.w(j) == "'s" || s.w(j) == "’s" || s.w(j) == "'" || s.w(j) == "’") && !s.personNoun(j+1)
}

// personNoun reports a title or a word for people at token j ("Mexico's
// president", "Putin's envoy").
func (s *state) personNoun(j int) bool {
	return j < s.sent.EndToken && (s.is(j, cTitle) || relationNouns[s.w(j)])
}

// k0 is the first token of the event's trigger.
func k0(v *newsgraph.Event, s *state) int { return s.tokenAt(v.Trigger.Start) }

// asksFor reports what a compreq trigger at k needs: "for", a
// to-infinitive or "that" after it in its clause, or, for a noun, the
// article "a" or "an" before it ("a direct appeal to voters").
func (s *state) asksFor(k, end int, nominal bool) bool {
	cl := s.clauseOf(k)
	for j := end; j < s.sent.EndToken && j < end+10 && s.clauseOf(j) == cl; j++ {
		if s.is(j, cAux) || lexVerb(s, j) {
			break // "his appeal is going to take hold": the to-infinitive is another verb's
		}
		switch s.w(j) {
		case "for", "that":
			return true
		case "to":
			if j+1 < s.sent.EndToken && s.isVerbLike(j+1) && !s.is(j+1, cDet) {
				return true
			}
		}
	}
	if nominal {
		for j, n := k-1, 0; j >= s.sent.FirstToken && n < 3; j, n = j-1, n+1 {
			if w := s.w(j); w == "a" || w == "an" {
				return true
			}
			if s.is(j, cDet) || s.tokMent[j] >= 0 {
				return false
			}
		}
	}
	return false
}
