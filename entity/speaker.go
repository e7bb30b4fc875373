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
