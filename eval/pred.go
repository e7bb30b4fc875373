package eval

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph"
	"golang.org/x/text/unicode/norm"
)

// Pred is what the pipeline found in one article, reduced to what the
// scorers compare, with code-point offsets into the gold text.
type Pred struct {
	Mentions []PredMention
	Entities []PredEntity
	Quotes   []PredQuote
	Times    []PredTime
	Events   []PredEvent
}

// PredMention is a predicted mention; Entity indexes Pred.Entities (-1: none).
type PredMention struct {
	Start, End int
	Kind       string
	Type       string
	Entity     int
}

// PredEntity is a predicted entity: its names (canonical, aliases, name
// mentions; folded), its mentions (indexes into Pred.Mentions) and the
// entity of the state it stands for (-1: none).
type PredEntity struct {
	Names     []string
	Mentions  []int
	StandsFor int
}

// PredQuote is a predicted quote; Speaker indexes Pred.Entities (-1: none).
type PredQuote struct {
	Start, End int
	Kind       string
	Speaker    int
}

// PredTime is a predicted time expression.
type PredTime struct {
	Start, End int
	Value      string
}

// PredEvent is a predicted event; Actors index Pred.Entities.
type PredEvent struct {
	Type   string
	Actors []int
	Date   string
}

// FromDocument reduces an analysed document to a Pred whose offsets are code
// points into goldText. The pipeline's clean stage may drop or change parts
// of the gold text (whitespace, residue), so when the texts differ the
// document's characters are aligned to the gold's (see align).
func FromDocument(d *newsgraph.Document, goldText string) Pred {
	rs := newsgraph.NewRunes(d.Text)
	at := func(b int) int { return rs.At(b) }
	if d.Text != goldText {
		m := align([]rune(d.Text), []rune(goldText))
		at = func(b int) int { return m[rs.At(b)] }
	}
	var p Pred
	p.Mentions = make([]PredMention, len(d.Mentions))
	for i, m := range d.Mentions {
		typ := string(m.Type)
		if typ == "" && m.Entity >= 0 && m.Entity < len(d.Entities) {
			typ = string(d.Entities[m.Entity].Type)
		}
		ent := m.Entity
		if ent >= len(d.Entities) {
			ent = -1
		}
		p.Mentions[i] = PredMention{Start: at(m.Start), End: at(m.End), Kind: string(m.Kind), Type: typ, Entity: ent}
	}
	p.Entities = make([]PredEntity, len(d.Entities))
	for i, e := range d.Entities {
		pe := PredEntity{StandsFor: e.StandsFor, Mentions: append([]int(nil), e.Mentions...)}
		if pe.StandsFor >= len(d.Entities) {
			pe.StandsFor = -1
		}
		pe.Names = append(pe.Names, Fold(e.Name))
		for _, a := range e.Aliases {
			pe.Names = append(pe.Names, Fold(a))
		}
		for _, mi := range e.Mentions {
			if mi >= 0 && mi < len(d.Mentions) && d.Mentions[mi].Kind == newsgraph.NameMention {
				pe.Names = append(pe.Names, Fold(d.Mentions[mi].Text))
			}
		}
		p.Entities[i] = pe
	}
	// Mentions may name their entity without the entity listing them.
	for i, m := range p.Mentions {
		if m.Entity >= 0 && !contains(p.Entities[m.Entity].Mentions, i) {
			p.Entities[m.Entity].Mentions = append(p.Entities[m.Entity].Mentions, i)
		}
	}
	for _, q := range d.Quotes {
		sp := q.Speaker
		if sp >= len(d.Entities) {
			sp = -1
		}
		p.Quotes = append(p.Quotes, PredQuote{Start: at(q.Start), End: at(q.End), Kind: string(q.Kind), Speaker: sp})
	}
	for _, t := range d.Times {
		p.Times = append(p.Times, PredTime{Start: at(t.Start), End: at(t.End), Value: t.Value})
	}
	for _, v := range d.Events {
		var actors []int
		for _, a := range v.Actors {
			if a >= 0 && a < len(d.Entities) {
				actors = append(actors, a)
			}
		}
		p.Events = append(p.Events, PredEvent{Type: v.Type, Actors: actors, Date: v.Date})
	}
	return p
}

func contains(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// alignWindow is how far ahead in the gold text align looks for a
// predicted character before it takes the two as a substitution; alignRun
// is how many characters must agree for a jump to be taken.
const (
	alignWindow = 512
	alignRun    = 8
)

// align maps each code point of pred (and the end, len(pred)) to a code
// point of gold, for a pred that is gold with parts dropped and a few
// characters changed (what cleaning does). It walks both texts: equal
// characters map to each other; at a difference, a changed character (the
// texts agree again right after it) is a substitution, and otherwise the
// gold text is searched a little further on for the place where the next
// characters of pred agree (gold text dropped).
func align(pred, gold []rune) []int {
	m := make([]int, len(pred)+1)
	agree := func(i, g, n int) bool {
		for k := 0; k < n; k++ {
			if i+k >= len(pred) {
				return true
			}
			if g+k >= len(gold) || pred[i+k] != gold[g+k] {
				return false
			}
		}
		return true
	}
	g := 0
	for i, r := range pred {
		if g < len(gold) && gold[g] != r && !agree(i+1, g+1, alignRun) {
			for k := g + 1; k < len(gold) && k <= g+alignWindow; k++ {
				if gold[k] == r && agree(i, k, alignRun) {
					g = k
					break
				}
			}
		}
		m[i] = g
		if g < len(gold) {
			g++
		}
	}
	m[len(pred)] = g
	return m
}

// Fold is the form in which names are compared: Unicode compatibility
// decomposition without combining marks, lower case, typographic
// apostrophes made straight, surrounding punctuation trimmed, inner spaces
// collapsed. It is the fold of the project's check scripts.
func Fold(s string) string {
	if isPlainLower(s) {
		return s
	}
	s = norm.NFKD.String(s)
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == '’' || r == '‘':
			r = '\''
		case unicode.IsSpace(r):
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(unicode.ToLower(r))
	}
	return strings.TrimFunc(b.String(), func(r rune) bool {
		return strings.ContainsRune(" \t\n.,;:!?\"'“”", r)
	})
}

// isPlainLower reports whether s is already folded: lower-case ASCII
// letters and digits separated by single spaces.
func isPlainLower(s string) bool {
	if s == "" {
		return true
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == ' ' && i > 0 && i < len(s)-1 && s[i-1] != ' ') {
			return false
		}
	}
	return true
}
