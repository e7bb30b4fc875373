package eval

import (
	"encoding/json"
	"slices"
	"sort"
	"strings"
)

// PRF counts what a scorer compared: gold items, predicted items and
// matches. Precision, recall and F1 are computed from the counts, so that
// counts from many files add up to micro-averages.
type PRF struct {
	Gold, Pred, Match int
}

// P is the precision, 0 when nothing was predicted.
func (s PRF) P() float64 { return ratio(s.Match, s.Pred) }

// R is the recall, 0 when the gold holds nothing.
func (s PRF) R() float64 { return ratio(s.Match, s.Gold) }

// F1 is the harmonic mean of P and R, 0 when both are 0.
func (s PRF) F1() float64 {
	p, r := s.P(), s.R()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Add sums two sets of counts.
func (s PRF) Add(o PRF) PRF { return PRF{s.Gold + o.Gold, s.Pred + o.Pred, s.Match + o.Match} }

// MarshalJSON writes the counts and the figures.
func (s PRF) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Gold  int     `json:"gold"`
		Pred  int     `json:"pred"`
		Match int     `json:"match"`
		P     float64 `json:"p"`
		R     float64 `json:"r"`
		F1    float64 `json:"f1"`
	}{s.Gold, s.Pred, s.Match, round4(s.P()), round4(s.R()), round4(s.F1())})
}

// Acc counts correct decisions among N.
type Acc struct {
	N, Correct int
}

// Value is the accuracy, 0 when N is 0.
func (a Acc) Value() float64 { return ratio(a.Correct, a.N) }

// Add sums two accuracies' counts.
func (a Acc) Add(o Acc) Acc { return Acc{a.N + o.N, a.Correct + o.Correct} }

// MarshalJSON writes the counts and the accuracy.
func (a Acc) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		N        int     `json:"n"`
		Correct  int     `json:"correct"`
		Accuracy float64 `json:"accuracy"`
	}{a.N, a.Correct, round4(a.Value())})
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func round4(x float64) float64 { return float64(int(x*10000+0.5)) / 10000 }

// Scores holds every figure of an evaluation; the Files counts say how many
// gold files annotated each layer.
type Scores struct {
	Files       int `json:"files"`
	EntityFiles int `json:"entity_files"`
	QuoteFiles  int `json:"quote_files"`
	TimeFiles   int `json:"time_files"`
	EventFiles  int `json:"event_files"`
	Mentions    PRF `json:"mentions"`
	Identity    PRF `json:"identity"`
	// identity split by the kinds of the two mentions of a pair: both names;
	// one a pronoun; one a description or role and neither a pronoun
	IdentityNames        PRF `json:"identity_names"`
	IdentityNamesFound   PRF `json:"identity_names_found"`
	IdentityPronouns     PRF `json:"identity_pronouns"`
	IdentityDescriptions PRF `json:"identity_descriptions"`
	// Pronouns is the share of third-person pronouns whose predicted entity
	// is that of their nearest gold antecedent (see ScorePronouns)
	Pronouns      Acc `json:"pronouns"`
	Quotes        PRF `json:"quotes"`
	DirectQuotes  PRF `json:"quotes_direct"`
	IndirectQuote PRF `json:"quotes_indirect"`
	MixedQuotes   PRF `json:"quotes_mixed"`
	Speakers      Acc `json:"speakers"`
	// speakers over the quotes matched within each kind
	DirectSpeakers   Acc `json:"speakers_direct"`
	IndirectSpeakers Acc `json:"speakers_indirect"`
	MixedSpeakers    Acc `json:"speakers_mixed"`
	TimesExact       PRF `json:"times_exact"`
	TimesOverlap     PRF `json:"times_overlap"`
	TimeValues       Acc `json:"time_values"`
	Events           PRF `json:"events"`
}

// Add sums the counts of o into s (micro-averaging).
func (s *Scores) Add(o Scores) {
	s.Files += o.Files
	s.EntityFiles += o.EntityFiles
	s.QuoteFiles += o.QuoteFiles
	s.TimeFiles += o.TimeFiles
	s.EventFiles += o.EventFiles
	s.Mentions = s.Mentions.Add(o.Mentions)
	s.Identity = s.Identity.Add(o.Identity)
	s.IdentityNames = s.IdentityNames.Add(o.IdentityNames)
	s.IdentityNamesFound = s.IdentityNamesFound.Add(o.IdentityNamesFound)
	s.IdentityPronouns = s.IdentityPronouns.Add(o.IdentityPronouns)
	s.IdentityDescriptions = s.IdentityDescriptions.Add(o.IdentityDescriptions)
	s.Pronouns = s.Pronouns.Add(o.Pronouns)
	s.Quotes = s.Quotes.Add(o.Quotes)
	s.DirectQuotes = s.DirectQuotes.Add(o.DirectQuotes)
	s.IndirectQuote = s.IndirectQuote.Add(o.IndirectQuote)
	s.MixedQuotes = s.MixedQuotes.Add(o.MixedQuotes)
	s.Speakers = s.Speakers.Add(o.Speakers)
	s.DirectSpeakers = s.DirectSpeakers.Add(o.DirectSpeakers)
	s.IndirectSpeakers = s.IndirectSpeakers.Add(o.IndirectSpeakers)
	s.MixedSpeakers = s.MixedSpeakers.Add(o.MixedSpeakers)
	s.TimesExact = s.TimesExact.Add(o.TimesExact)
	s.TimesOverlap = s.TimesOverlap.Add(o.TimesOverlap)
	s.TimeValues = s.TimeValues.Add(o.TimeValues)
	s.Events = s.Events.Add(o.Events)
}

// Layers names the layers that Score can compare, for --only.
var Layers = []string{"entities", "quotes", "times", "events"}

// Score compares one article's prediction with its gold, on the layers that
// the gold annotates and that only allows (nil: all).
func Score(g *Gold, p Pred, only map[string]bool) Scores {
	want := func(l string) bool { return only == nil || only[l] }
	s := Scores{Files: 1}
	if g.Entities != nil && want("entities") {
		s.EntityFiles = 1
		s.Mentions = ScoreMentions(g.Entities, p, g.EntityTypes...)
		s.Identity = ScoreIdentity(g.Entities, p)
		k := ScoreIdentityByKind(g.Entities, p)
		s.IdentityNames, s.IdentityPronouns, s.IdentityDescriptions = k.Names, k.Pronouns, k.Descriptions
		s.IdentityNamesFound = k.NamesFound
		s.Pronouns = ScorePronouns(g.Entities, p)
	}
	if g.Quotes != nil && want("quotes") {
		s.QuoteFiles = 1
		s.Quotes, s.Speakers = ScoreQuotes(g.Quotes, p, "")
		s.DirectQuotes, s.DirectSpeakers = ScoreQuotes(g.Quotes, p, "direct")
		s.IndirectQuote, s.IndirectSpeakers = ScoreQuotes(g.Quotes, p, "indirect")
		s.MixedQuotes, s.MixedSpeakers = ScoreQuotes(g.Quotes, p, "mixed")
	}
	if g.Times != nil && want("times") {
		s.TimeFiles = 1
		s.TimesExact, s.TimesOverlap, s.TimeValues = ScoreTimes(g.Times, p)
	}
	if g.Events != nil && want("events") {
		s.EventFiles = 1
		s.Events = ScoreEvents(g.Events, p)
	}
	return s
}

func isName(kind string) bool { return kind == "" || kind == "name" }

// typeOK reports whether a predicted type is one of the gold's alternatives.
func typeOK(gold, pred string) bool {
	for t := range strings.SplitSeq(gold, "|") {
		if strings.TrimSpace(t) == pred {
			return true
		}
	}
	return false
}

// ScoreMentions compares name mentions by exact span and type, one to one.
// When types are given, predicted mentions of other types are not counted.
func ScoreMentions(gold []GoldEntity, p Pred, types ...string) PRF {
	var s PRF
	used := make([]bool, len(p.Mentions))
	for i, m := range p.Mentions {
		if isName(m.Kind) && (len(types) == 0 || slices.Contains(types, m.Type)) {
			s.Pred++
		} else {
			used[i] = true
		}
	}
	for _, e := range gold {
		for _, m := range e.Mentions {
			if !isName(m.Kind) {
				continue
			}
			s.Gold++
			typ := e.Type
			if m.Type != "" {
				typ = m.Type
			}
			for i, pm := range p.Mentions {
				if !used[i] && pm.Start == m.Start && pm.End == m.End && typeOK(typ, pm.Type) {
					used[i] = true
					s.Match++
					break
				}
			}
		}
	}
	return s
}

// ScoreIdentity is the pairwise score of entity identity: over every pair
// of gold mentions, "same entity" in the gold against "same entity" in the
// prediction, where a gold mention's predicted entity is that of the
// predicted mention at exactly its span (none when there is no such
// mention, so that a pair with a missed mention is never a predicted pair).
func ScoreIdentity(gold []GoldEntity, p Pred) PRF {
	return ScoreIdentityByKind(gold, p).All
}

// IdentityKinds is the pairwise identity score, over all pairs and split by
// the kinds of the two gold mentions.
type IdentityKinds struct {
	All   PRF
	Names PRF // both mentions are names
	// NamesFound is Names over the pairs whose two spans the prediction
	// found as mentions: the identity decisions alone, apart from missed
	// or mis-spanned names
	NamesFound   PRF
	Pronouns     PRF // at least one is a pronoun
	Descriptions PRF // at least one is a description or role, neither a pronoun
}

// identityMention is a gold mention with its gold and predicted entities.
type identityMention struct {
	start, end, gold, pred int
	kind                   string
	text                   string
	found                  bool // a predicted mention has exactly this span
}

// identityMentions lists the gold mentions once per span, in text order,
// each with the predicted entity at exactly its span (-1: none).
func identityMentions(gold []GoldEntity, p Pred) []identityMention {
	at := make(map[[2]int]int, len(p.Mentions))
	for _, m := range p.Mentions {
		if pe, ok := at[[2]int{m.Start, m.End}]; !ok || pe < 0 {
			at[[2]int{m.Start, m.End}] = m.Entity
		}
	}
	var ms []identityMention
	seen := map[[2]int]bool{}
	for gi, e := range gold {
		for _, m := range e.Mentions {
			k := [2]int{m.Start, m.End}
			if seen[k] {
				continue // a span annotated twice counts once
			}
			seen[k] = true
			pe, ok := at[k]
			if !ok {
				pe = -1
			}
			kind := m.Kind
			if kind == "" {
				kind = "name"
			}
			ms = append(ms, identityMention{m.Start, m.End, gi, pe, kind, m.Text, ok})
		}
	}
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].start < ms[j].start })
	return ms
}

// ScoreIdentityByKind is ScoreIdentity with the pairs also counted by the
// kinds of their two mentions, so that names, pronouns and descriptions can
// be judged apart.
func ScoreIdentityByKind(gold []GoldEntity, p Pred) IdentityKinds {
	ms := identityMentions(gold, p)
	var s IdentityKinds
	for i := range ms {
		for j := i + 1; j < len(ms); j++ {
			var c PRF
			gs := ms[i].gold == ms[j].gold
			ps := ms[i].pred >= 0 && ms[i].pred == ms[j].pred
			if gs {
				c.Gold++
			}
			if ps {
				c.Pred++
			}
			if gs && ps {
				c.Match++
			}
			s.All = s.All.Add(c)
			a, b := ms[i].kind, ms[j].kind
			switch {
			case a == "name" && b == "name":
				s.Names = s.Names.Add(c)
				if ms[i].found && ms[j].found {
					s.NamesFound = s.NamesFound.Add(c)
				}
			case a == "pronoun" || b == "pronoun":
				s.Pronouns = s.Pronouns.Add(c)
			default:
				s.Descriptions = s.Descriptions.Add(c)
			}
		}
	}
	return s
}

// thirdPersonPronouns are the pronouns whose antecedent the text must
// supply; first and second person refer to the speaker and the addressee.
var thirdPersonPronouns = map[string]bool{"he": true, "him": true, "his": true, "himself": true,
	"she": true, "her": true, "hers": true, "herself": true, "it": true, "its": true, "itself": true,
	"they": true, "them": true, "their": true, "theirs": true, "themselves": true}

// ScorePronouns judges the third-person pronouns of the gold that have a
// name, description or role before them in their gold entity: a pronoun is
// resolved correctly when its predicted entity is not none and the nearest
// earlier non-pronoun gold mention whose predicted entity is that entity
// belongs to the pronoun's gold entity (the antecedent the prediction chose
// is a right one).
func ScorePronouns(gold []GoldEntity, p Pred) Acc {
	ms := identityMentions(gold, p)
	var a Acc
	for i, m := range ms {
		if m.kind != "pronoun" || !thirdPersonPronouns[strings.ToLower(m.text)] {
			continue
		}
		hasAntecedent := false
		for j := i - 1; j >= 0; j-- {
			if ms[j].gold == m.gold && ms[j].kind != "pronoun" && ms[j].end <= m.start {
				hasAntecedent = true
				break
			}
		}
		if !hasAntecedent {
			continue
		}
		a.N++
		if m.pred < 0 {
			continue
		}
		for j := i - 1; j >= 0; j-- {
			if ms[j].kind != "pronoun" && ms[j].pred == m.pred && ms[j].end <= m.start {
				if ms[j].gold == m.gold {
					a.Correct++
				}
				break
			}
		}
	}
	return a
}

// pair is a candidate match of gold item g and predicted item p.
type pair struct {
	g, p  int
	score float64
}

// greedy matches pairs one to one, best score first (ties: earlier gold,
// then earlier prediction, so that results do not depend on map order).
func greedy(cands []pair, ng, np int) []pair {
	sort.SliceStable(cands, func(i, j int) bool {
		if cands[i].score != cands[j].score {
			return cands[i].score > cands[j].score
		}
		if cands[i].g != cands[j].g {
			return cands[i].g < cands[j].g
		}
		return cands[i].p < cands[j].p
	})
	gu, pu := make([]bool, ng), make([]bool, np)
	var out []pair
	for _, c := range cands {
		if gu[c.g] || pu[c.p] {
			continue
		}
		gu[c.g], pu[c.p] = true, true
		out = append(out, c)
	}
	return out
}

func overlap(s1, e1, s2, e2 int) int {
	lo, hi := max(s1, s2), min(e1, e2)
	if hi <= lo {
		return 0
	}
	return hi - lo
}

// halfUnion reports the overlap of two spans as a share of their union.
func halfUnion(s1, e1, s2, e2 int) float64 {
	o := overlap(s1, e1, s2, e2)
	u := max(e1, e2) - min(s1, s2)
	if u <= 0 {
		return 0
	}
	return float64(o) / float64(u)
}

// ScoreQuotes matches quotes of one kind ("" for all) by overlap of at least
// half their union and, over the matches, judges the speakers.
func ScoreQuotes(gold []GoldQuote, p Pred, kind string) (PRF, Acc) {
	var gi, pi []int
	for i, q := range gold {
		if kind == "" || q.Kind == kind {
			gi = append(gi, i)
		}
	}
	for i, q := range p.Quotes {
		if kind == "" || q.Kind == kind {
			pi = append(pi, i)
		}
	}
	var cands []pair
	for a, g := range gi {
		for b, q := range pi {
			if r := halfUnion(gold[g].Start, gold[g].End, p.Quotes[q].Start, p.Quotes[q].End); r >= 0.5 {
				cands = append(cands, pair{a, b, r})
			}
		}
	}
	ms := greedy(cands, len(gi), len(pi))
	s := PRF{Gold: len(gi), Pred: len(pi), Match: len(ms)}
	var acc Acc
	for _, m := range ms {
		acc.N++
		if speakerOK(gold[gi[m.g]], p, p.Quotes[pi[m.p]].Speaker) {
			acc.Correct++
		}
	}
	return s, acc
}

// speakerOK judges a predicted speaker against the gold one: by name, by
// span, or both null.
func speakerOK(g GoldQuote, p Pred, speaker int) bool {
	hasName := g.Speaker != nil && strings.TrimSpace(*g.Speaker) != ""
	hasSpan := g.SpeakerStart != nil && g.SpeakerEnd != nil
	if !hasName && !hasSpan {
		return speaker < 0
	}
	if speaker < 0 || speaker >= len(p.Entities) {
		return false
	}
	if hasName && p.hasName(speaker, Fold(*g.Speaker)) {
		return true
	}
	if hasSpan {
		for _, mi := range p.Entities[speaker].Mentions {
			if mi < 0 || mi >= len(p.Mentions) {
				continue
			}
			m := p.Mentions[mi]
			if overlap(m.Start, m.End, *g.SpeakerStart, *g.SpeakerEnd) > 0 {
				return true
			}
		}
	}
	return false
}

// hasName reports whether entity e is called name (folded), directly or
// through the state it stands for.
func (p Pred) hasName(e int, name string) bool {
	for hop := 0; hop < 2 && e >= 0 && e < len(p.Entities); hop++ {
		for _, n := range p.Entities[e].Names {
			if n == name {
				return true
			}
		}
		e = p.Entities[e].StandsFor
	}
	return false
}

// ScoreTimes compares time expressions by exact span, by overlapping span
// (one to one, largest overlap first) and, over the overlap matches, by
// value.
func ScoreTimes(gold []GoldTime, p Pred) (exact, over PRF, values Acc) {
	exact = PRF{Gold: len(gold), Pred: len(p.Times)}
	over = exact
	used := make([]bool, len(p.Times))
	for _, g := range gold {
		for i, t := range p.Times {
			if !used[i] && t.Start == g.Start && t.End == g.End {
				used[i] = true
				exact.Match++
				break
			}
		}
	}
	var cands []pair
	for a, g := range gold {
		for b, t := range p.Times {
			if o := overlap(g.Start, g.End, t.Start, t.End); o > 0 {
				cands = append(cands, pair{a, b, halfUnion(g.Start, g.End, t.Start, t.End)})
			}
		}
	}
	for _, m := range greedy(cands, len(gold), len(p.Times)) {
		over.Match++
		values.N++
		gv := ""
		if gold[m.g].Value != nil {
			gv = *gold[m.g].Value
		}
		if gv == p.Times[m.p].Value {
			values.Correct++
		}
	}
	return exact, over, values
}

// dateAgrees reports whether a predicted date fits the gold one: equal, or
// more precise inside it (2025-02-28 inside 2025-02).
func dateAgrees(gold, pred string) bool {
	return gold == pred || strings.HasPrefix(pred, gold+"-") || strings.HasPrefix(pred, gold+"T")
}

// ScoreEvents matches events by type, actor names and date, one to one, in
// gold order.
func ScoreEvents(gold []GoldEvent, p Pred) PRF {
	s := PRF{Gold: len(gold), Pred: len(p.Events)}
	used := make([]bool, len(p.Events))
	for _, g := range gold {
		for i, v := range p.Events {
			if used[i] || v.Type != g.Type {
				continue
			}
			if g.Date != nil && *g.Date != "" && !dateAgrees(*g.Date, v.Date) {
				continue
			}
			ok := true
			for _, a := range g.Actors {
				name, found := Fold(a), false
				for _, e := range v.Actors {
					if p.hasName(e, name) {
						found = true
						break
					}
				}
				if !found {
					ok = false
					break
				}
			}
			if ok {
				used[i] = true
				s.Match++
				break
			}
		}
	}
	return s
}

// QuoteMiss is one disagreement between gold and predicted quotes, as
// ScoreQuotes (all kinds) counts it: a gold quote with no match (Pred
// -1), a prediction with no match (Gold -1), or a match whose kind or
// speaker is wrong. Best is, for an unmatched quote, the quote on the
// other side that overlaps it most (-1: none), so that a span drawn too
// wide or too narrow can be told from a quote not found at all.
type QuoteMiss struct {
	Gold, Pred int
	Best       int
	KindWrong  bool
	SpeakerBad bool
}

// QuoteMisses lists the quote errors of one article for reading.
func QuoteMisses(gold []GoldQuote, p Pred) []QuoteMiss {
	var cands []pair
	for g := range gold {
		for q := range p.Quotes {
			if r := halfUnion(gold[g].Start, gold[g].End, p.Quotes[q].Start, p.Quotes[q].End); r >= 0.5 {
				cands = append(cands, pair{g, q, r})
			}
		}
	}
	ms := greedy(cands, len(gold), len(p.Quotes))
	gm, pm := make([]int, len(gold)), make([]int, len(p.Quotes))
	for i := range gm {
		gm[i] = -1
	}
	for i := range pm {
		pm[i] = -1
	}
	for _, m := range ms {
		gm[m.g], pm[m.p] = m.p, m.g
	}
	var out []QuoteMiss
	for g, q := range gm {
		if q < 0 {
			best, bo := -1, 0
			for i, pq := range p.Quotes {
				if o := overlap(gold[g].Start, gold[g].End, pq.Start, pq.End); o > bo {
					best, bo = i, o
				}
			}
			out = append(out, QuoteMiss{Gold: g, Pred: -1, Best: best})
			continue
		}
		kw := gold[g].Kind != p.Quotes[q].Kind
		sb := !speakerOK(gold[g], p, p.Quotes[q].Speaker)
		if kw || sb {
			out = append(out, QuoteMiss{Gold: g, Pred: q, Best: q, KindWrong: kw, SpeakerBad: sb})
		}
	}
	for q, g := range pm {
		if g < 0 {
			best, bo := -1, 0
			for i, gq := range gold {
				if o := overlap(gq.Start, gq.End, p.Quotes[q].Start, p.Quotes[q].End); o > bo {
					best, bo = i, o
				}
			}
			out = append(out, QuoteMiss{Gold: -1, Pred: q, Best: best})
		}
	}
	return out
}
