package event

import (
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph"
)

// positions fills d.Positions (see the package doc, # Positions) from the
// events of the position types and from quoted statements about what will
// become of a place.
func (s *state) positions() {
	d := s.d
	d.Positions = d.Positions[:0]
	d.Positions = append(d.Positions, s.quotePositions()...)
	fromQuotes := len(d.Positions)
	for i := range d.Events {
		v := &d.Events[i]
		m := &s.meta[i]
		if !positionTypes[v.Type] || v.Modality == newsgraph.Hypothetical {
			continue
		}
		issue := v.Issue
		if issue == "" && m.thisObject {
			issue = s.recentIssue(v.Trigger.Start, v.Sentence)
		}
		if issue == "" || v.Polarity == newsgraph.Negative && m.failed {
			continue
		}
		st, ok := stanceOf(v.Type, v.Polarity == newsgraph.Negative)
		if !ok {
			continue
		}
		date := v.Date
		if date == "" && !d.Date.IsZero() {
			date = d.Date.Format("2006-01-02")
		}
		parties := v.Actors
		if m.recip && v.Type == "AGREE" {
			// "both sides would sign a deal": each party agrees
			parties = append(slices.Clone(v.Actors), v.Targets...)
		}
		for _, a := range parties {
			targets := slices.DeleteFunc(slices.Clone(v.Targets), func(x int) bool { return x == a })
			if m.recip && v.Type == "AGREE" && !slices.Contains(v.Actors, a) {
				targets = append(targets, v.Actors...)
			}
			d.Positions = append(d.Positions, newsgraph.Position{Actor: a, Targets: targets,
				Issue: issue, Stance: st, Date: date, Event: i, Quote: v.Quote,
				Trigger: v.Trigger, TriggerText: v.TriggerText,
				Evidence: m.evidence, EvidenceText: d.Text[m.evidence.Start:m.evidence.End]})
		}
	}
	if fromQuotes > 0 {
		slices.SortStableFunc(d.Positions, func(a, b newsgraph.Position) int { return a.Trigger.Start - b.Trigger.Start })
	}
}

// stanceOf maps an event type to the stance it states; negated, a request
// becomes a concession and an agreement a refusal, and the other way round.
// A negated accusation or support states no stance of its own.
func stanceOf(typ string, negative bool) (newsgraph.Stance, bool) {
	switch typ {
	case "REQUEST":
		if negative {
			return newsgraph.StanceConcede, true
		}
		return newsgraph.StanceDemand, true
	case "REJECT":
		if negative {
			return newsgraph.StanceAgree, true
		}
		return newsgraph.StanceReject, true
	case "AGREE":
		if negative {
			return newsgraph.StanceReject, true
		}
		return newsgraph.StanceAgree, true
	case "CONCEDE":
		if negative {
			return newsgraph.StanceReject, true
		}
		return newsgraph.StanceConcede, true
	case "SUPPORT":
		if negative {
			return "", false
		}
		return newsgraph.StanceSupport, true
	case "ACCUSE":
		if negative {
			return "", false
		}
		return newsgraph.StanceAccuse, true
	}
	return "", false
}

// recentIssue is the issue of the latest position stated before byte off in
// the sentence of the event or the two before it: what "this" in "does not
// want to accept this" stands for.
func (s *state) recentIssue(off, sentence int) string {
	best := -1
	for i := range s.d.Positions {
		p := &s.d.Positions[i]
		if p.Trigger.Start < off && (best < 0 || p.Trigger.Start > s.d.Positions[best].Trigger.Start) {
			best = i
		}
	}
	if best < 0 || s.d.SentenceOf(s.d.Positions[best].Trigger.Start) < sentence-2 {
		return ""
	}
	return s.d.Positions[best].Issue
}

// quotePositions reads the speaker's position from a quote that says what
// will become of a place: "Crimea will remain with Russia" is the speaker's
// position on Crimea, addressed to Russia.
func (s *state) quotePositions() []newsgraph.Position {
	d := s.d
	var out []newsgraph.Position
	for qi := range d.Quotes {
		q := &d.Quotes[qi]
		if q.Speaker < 0 || q.Speaker >= len(d.Entities) || q.End <= q.Start {
			continue
		}
		k := s.tokenAt(q.Start)
		end := s.tokenAt(q.End)
		for k < end && s.is(k, cDet) {
			k++
		}
		if k >= end || s.tokMent[k] < 0 {
			continue
		}
		subject := s.ments[s.tokMent[k]].Entity
		switch d.Entities[subject].Type {
		case newsgraph.GPE, newsgraph.Loc:
		default:
			continue
		}
		if d.Entities[subject].StandsFor >= 0 {
			continue // a capital acting for its state
		}
		mi := s.tokMent[k]
		for k < end && s.tokMent[k] == mi {
			k++
		}
		for k < end && s.is(k, cAux|cAdv|cNeg) {
			k++
		}
		if k >= end || !s.is(k, cStatus) {
			continue
		}
		verb := k
		owner := -1
		for j := verb + 1; j < end && j < verb+5; j++ {
			if x := s.ent(j); x >= 0 && x != subject {
				if t := d.Entities[x].Type; t == newsgraph.GPE || t == newsgraph.NORP || t == newsgraph.Org {
					owner = x
				}
				break
			}
			if w := s.w(j); !s.is(j, cDet|cPrep) && w != "part" && w != "back" {
				break
			}
		}
		if owner < 0 {
			continue
		}
		date := ""
		if !d.Date.IsZero() {
			date = d.Date.Format("2006-01-02")
		}
		vt := d.Tokens[verb]
		out = append(out, newsgraph.Position{Actor: q.Speaker, Targets: []int{owner}, Issue: d.Entities[subject].Name,
			Stance: newsgraph.StanceAssert, Date: date, Event: -1, Quote: qi,
			Trigger: newsgraph.Span{Start: vt.Start, End: vt.End}, TriggerText: vt.Text,
			Evidence: newsgraph.Span{Start: q.Start, End: q.End}, EvidenceText: q.Text})
	}
	return out
}

// planAuthor returns the author of the plan that the pronoun "it" at token
// j stands for, or -1. The antecedent is taken to be the subject of the
// sentence before when that is a plan, proposal or document and nothing
// but an attribution ("According to the newspaper,") comes before the
// pronoun in its own sentence: a source named in an attribution is not what
// "it" refers to. The author is the plan's possessor or modifier ("Kiev's
// plan", "the US plans"), its "by X", or the subject of the verb that made
// it ("Kiev has drawn up a counter-proposal"), found on the antecedent or on
// the latest earlier plan noun of the same number.
func (s *state) planAuthor(j int) int {
	d := s.d
	si := d.Tokens[j].Sentence
	if si <= 0 {
		return -1
	}
	sent := d.Sentences[si]
	for k := sent.FirstToken; k < j; k++ {
		if s.w(k) == "according" && k+1 < j && s.w(k+1) == "to" {
			for k < j && s.w(k) != "," {
				k++
			}
			continue
		}
		if s.tokMent[k] >= 0 || strings.HasPrefix(d.Tokens[k].POS, "NN") || d.Tokens[k].POS == "PRP" {
			return -1
		}
	}
	ant := s.subjectNoun(si - 1)
	if ant < 0 || !s.is(ant, cPlan) {
		return -1
	}
	if a := s.authorOf(ant); a >= 0 {
		return a
	}
	plural := strings.HasSuffix(s.w(ant), "s")
	lo := d.Sentences[max(0, si-4)].FirstToken
	for k := ant - 1; k >= lo; k-- {
		if s.is(k, cPlan) && strings.HasSuffix(s.w(k), "s") == plural && s.nounUse(k) {
			if a := s.authorOf(k); a >= 0 {
				return a
			}
		}
	}
	return -1
}

// nounUse reports whether token k is used as a noun (the tagger says so, or
// a determiner comes before it when there is no tagger).
func (s *state) nounUse(k int) bool {
	if p := s.d.Tokens[k].POS; p != "" {
		return strings.HasPrefix(p, "NN")
	}
	return k > 0 && (s.is(k-1, cDet) || s.tokMent[k-1] >= 0)
}

// subjectNoun returns the head noun of the first noun phrase of sentence
// si, after an opening adverbial ended by a comma ("For example, the plan
// …"), or -1.
func (s *state) subjectNoun(si int) int {
	d := s.d
	sent := d.Sentences[si]
	k := sent.FirstToken
	for j := k; j < sent.EndToken && j < k+6; j++ {
		if s.w(j) == "," {
			k = j + 1
			break
		}
		if lexVerb(s, j) {
			break
		}
	}
	for k < sent.EndToken && (s.is(k, cDet) || d.Tokens[k].POS == "JJ") {
		k++
	}
	head := -1
	for k < sent.EndToken && s.isWord(k) && s.tokMent[k] < 0 && s.nounUse(k) {
		head = k
		k++
	}
	return head
}

// authorOf returns the author of the plan noun at token k, or -1.
func (s *state) authorOf(k int) int {
	d := s.d
	sent := d.Sentences[d.Tokens[k].Sentence]
	// "Kiev's plan", "the Ukrainian counter-proposal", "the US plans"
	j := k - 1
	for j >= sent.FirstToken && s.tokMent[j] < 0 && s.modifierWord(j) {
		j--
	}
	if j >= sent.FirstToken && (s.w(j) == "'s" || s.w(j) == "’s") {
		j--
	}
	if j >= sent.FirstToken && s.tokMent[j] >= 0 {
		if x := s.ent(j); x >= 0 {
			return x
		}
	}
	// "a plan by France", "a proposal from Kyiv"
	if n := k + 1; n+1 < sent.EndToken && (s.w(n) == "by" || s.w(n) == "from") {
		if x := s.ent(n + 1 + s.detSkip(n+1, sent.EndToken)); x >= 0 {
			return x
		}
	}
	// "Kiev has drawn up a counter-proposal": the subject of the verb that made it
	for j >= sent.FirstToken && s.is(j, cDet) {
		j--
	}
	for j >= sent.FirstToken && (s.w(j) == "up" || s.w(j) == "forward" || s.w(j) == "out") {
		j--
	}
	if j < sent.FirstToken || !s.is(j, cCreate) {
		return -1
	}
	g := j
	for g > sent.FirstToken && (s.is(g-1, cAux|cAdv|cNeg)) {
		g--
	}
	if g-1 >= sent.FirstToken && s.tokMent[g-1] >= 0 {
		return s.ent(g - 1)
	}
	return -1
}

// detSkip counts the determiners at token k (at most one).
func (s *state) detSkip(k, end int) int {
	if k < end && s.is(k, cDet) {
		return 1
	}
	return 0
}

// isGerund reports whether token k is an -ing verb form.
func (s *state) isGerund(k int) bool {
	if k >= len(s.d.Tokens) || !s.isWord(k) {
		return false
	}
	if p := s.d.Tokens[k].POS; p != "" {
		return p == "VBG"
	}
	return strings.HasSuffix(s.w(k), "ing")
}

// aimOwner returns whose aim the nominal act ending at token from is, when
// the act is the subject of "is/are … aim(s)|goal(s)|demand(s)|…": the
// possessor of the aim noun ("Russia's key demands"), "for X" or "of X"
// after it, or an opening "For X," of the sentence; -1 otherwise.
func (s *state) aimOwner(from int) int {
	d := s.d
	sent := s.sent
	be := -1
	for j := from; j < sent.EndToken && j < from+20; j++ {
		if !s.isWord(j) || s.is(j, cClause) || s.w(j) == "that" {
			return -1
		}
		if s.is(j, cBe) || s.w(j) == "remain" || s.w(j) == "remains" {
			be = j
			break
		}
		if lexVerb(s, j) {
			return -1
		}
	}
	if be < 0 {
		return -1
	}
	aim := -1
	for j := be + 1; j < sent.EndToken && j < be+8; j++ {
		if s.is(j, cAim) {
			aim = j
			break
		}
		if w := s.w(j); (w == "one" || w == "among") && j == be+1 {
			continue // "is one of Russia's demands", "is among the aims"
		} else if w == "of" && j == be+2 && s.w(j-1) == "one" {
			continue
		}
		if w := s.w(j); w == "'s" || w == "’s" {
			continue
		}
		if !s.isWord(j) || s.is(j, cPrep) && s.tokMent[j] < 0 {
			return -1
		}
	}
	if aim < 0 {
		return -1
	}
	// possessor before the aim noun: "Russia's key demands"
	for j := aim - 1; j > be; j-- {
		if s.tokMent[j] >= 0 {
			if x := s.ent(j); x >= 0 {
				return x
			}
		}
	}
	if n := aim + 1; n+1 < sent.EndToken && (s.w(n) == "for" || s.w(n) == "of") {
		if x := s.ent(n + 1 + s.detSkip(n+1, sent.EndToken)); x >= 0 {
			return x
		}
	}
	// "For Russia, … are key war aims"
	f := sent.FirstToken
	if f+2 < sent.EndToken && s.w(f) == "for" && s.tokMent[f+1] >= 0 {
		x := s.ent(f + 1)
		j := f + 1
		for j < sent.EndToken && s.tokMent[j] == s.tokMent[f+1] {
			j++
		}
		if x >= 0 && j < sent.EndToken && s.w(j) == "," {
			return x
		}
	}
	_ = d
	return -1
}
