package entity

import (
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph"
)

// reportingWords are the verbs after which a pronoun is the speaker of a
// quotation ("he said", "she told reporters"). News writing may run a
// speaker's quotations over several sentences between the name and the
// pronoun, so such a pronoun looks further back than others.
var reportingWords = map[string]bool{
	"said": true, "says": true, "told": true, "tells": true, "added": true, "adds": true, "asked": true,
	"asks": true, "continued": true, "continues": true, "wrote": true, "writes": true, "explained": true,
	"noted": true, "argued": true, "insisted": true, "recalled": true, "replied": true, "responded": true,
	"warned": true, "stressed": true, "admitted": true, "acknowledged": true, "concluded": true,
	"joked": true, "declared": true, "remarked": true, "observed": true, "tweeted": true, "went": true,
	"also": true, "later": true, "then": true,
}

// speechSubject reports whether pronoun mention i stands right before a
// reporting verb.
func (r *resolver) speechSubject(i int) bool {
	m := &r.d.Mentions[i]
	toks := r.d.Tokens
	k := sort.Search(len(toks), func(k int) bool { return toks[k].Start >= m.End })
	return k < len(toks) && toks[k].Kind == newsgraph.Word && reportingWords[strings.ToLower(toks[k].Text)]
}

// farSpeaker returns the person a speaking "he" or "she" refers to when no
// person of that gender stands in the sentences just before: the nearest
// one within eight sentences whose mention is not inside quotation marks
// (a person quoted as talking about someone is not the speaker).
func (r *resolver) farSpeaker(i int, g byte) int {
	si := r.d.Mentions[i].Sentence
	for j := i - 1; j >= 0; j-- {
		n := &r.d.Mentions[j]
		if n.Sentence < si-8 {
			break
		}
		if n.Entity < 0 || r.d.Entities[n.Entity].Type != newsgraph.Person || n.End > r.d.Mentions[i].Start {
			continue
		}
		if p := r.people[n.Entity]; p != nil && p.gender != 0 && p.gender != g {
			continue
		}
		if r.quoted(j) {
			continue
		}
		return n.Entity
	}
	return -1
}

// quoted reports whether mention j stands inside quotation marks: an odd
// number of double marks between its paragraph's start and it.
func (r *resolver) quoted(j int) bool {
	d := r.d
	m := &d.Mentions[j]
	if m.Sentence < 0 || m.Sentence >= len(d.Sentences) {
		return false
	}
	para := d.Sentences[m.Sentence].Paragraph
	open := false
	for s := m.Sentence; s >= 0 && d.Sentences[s].Paragraph == para; s-- {
		sent := d.Sentences[s]
		for k := sent.EndToken - 1; k >= sent.FirstToken; k-- {
			t := &d.Tokens[k]
			if t.Start >= m.Start || t.Kind != newsgraph.QuoteMark {
				continue
			}
			switch t.Text {
			case "\"", "“", "”", "«", "»", "„":
				open = !open
			}
		}
	}
	return open
}

// relativeMentions adds a pronoun mention for each "who" that opens a
// relative clause right after a mention (`Beck, who said …`, `an official
// who was briefed`): the relative pronoun is the subject of its clause, and
// a report made in that clause (`…, who said that …`) has it as its
// speaker's mention. Its entity is set by relativeAntecedent. The mentions
// stay ordered by Start.
func relativeMentions(d *newsgraph.Document) {
	var add []newsgraph.Mention
	var had map[int]bool // starts of the mentions already there (Resolve run again)
	j := 0               // the first mention that ends after the token before "who"
	for k := 1; k < len(d.Tokens); k++ {
		t := &d.Tokens[k]
		if t.Kind != newsgraph.Word || t.Text != "who" {
			continue
		}
		if had == nil {
			had = make(map[int]bool, len(d.Mentions))
			for _, m := range d.Mentions {
				had[m.Start] = true
			}
		}
		if had[t.Start] {
			continue
		}
		p := k - 1
		if d.Tokens[p].Text == "," && p > 0 {
			p--
		}
		end := d.Tokens[p].End
		for j < len(d.Mentions) && d.Mentions[j].End < end {
			j++
		}
		found := false
		for i := j; i < len(d.Mentions) && d.Mentions[i].Start < end; i++ {
			if d.Mentions[i].End == end {
				found = true
				break
			}
		}
		if !found {
			continue
		}
		add = append(add, newsgraph.Mention{Start: t.Start, End: t.End, Text: t.Text, Kind: newsgraph.PronounMention,
			Type: newsgraph.Person, Entity: -1, Sentence: t.Sentence})
	}
	if len(add) == 0 {
		return
	}
	ms := make([]newsgraph.Mention, 0, len(d.Mentions)+len(add))
	i := 0
	for _, m := range d.Mentions {
		for i < len(add) && add[i].Start < m.Start {
			ms = append(ms, add[i])
			i++
		}
		ms = append(ms, m)
	}
	ms = append(ms, add[i:]...)
	d.Mentions = ms
}

// relativeAntecedent returns the entity a relative "who" (mention i)
// refers to: that of the mention ending right before it (past a comma),
// or, when that one is a place or body after "of", "from" or "in" (`Bernie
// Sanders of Vermont, who`), that of the person before the preposition.
func (r *resolver) relativeAntecedent(i int) int {
	d := r.d
	m := &d.Mentions[i]
	k := sort.Search(len(d.Tokens), func(k int) bool { return d.Tokens[k].Start >= m.Start })
	p := k - 1
	if p > 0 && d.Tokens[p].Text == "," {
		p--
	}
	if p < 0 {
		return -1
	}
	ante := r.mentionEndingAt(d.Tokens[p].End, i)
	if ante < 0 {
		return -1
	}
	ei := d.Mentions[ante].Entity
	if ei >= 0 && d.Entities[ei].Type != newsgraph.Person && d.Entities[ei].Type != newsgraph.NORP {
		q := sort.Search(len(d.Tokens), func(k int) bool { return d.Tokens[k].Start >= d.Mentions[ante].Start }) - 1
		if q > 0 && prepositionOfPlace[strings.ToLower(d.Tokens[q].Text)] {
			if b := r.mentionEndingAt(d.Tokens[q-1].End, ante); b >= 0 && d.Mentions[b].Entity >= 0 &&
				d.Entities[d.Mentions[b].Entity].Type == newsgraph.Person {
				return d.Mentions[b].Entity
			}
		}
	}
	return ei
}

// prepositionOfPlace joins a person's name to where or what the person
// is of: `Sanders of Vermont`, `Driscoll from Manchester`.
var prepositionOfPlace = map[string]bool{"of": true, "from": true, "in": true, "at": true}

// mentionEndingAt returns the longest mention before mention i that ends
// at byte end, or -1.
func (r *resolver) mentionEndingAt(end, i int) int {
	best := -1
	for j := i - 1; j >= 0 && j >= i-8; j-- {
		n := &r.d.Mentions[j]
		if n.End == end && (best < 0 || n.Start < r.d.Mentions[best].Start) {
			best = j
		}
	}
	return best
}
