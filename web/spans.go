package web

import (
	"html/template"
	"slices"
	"strings"
	"unicode/utf8"
)

// span is one highlighted stretch of a document's text, in code points as
// the record gives it (end exclusive).
type span struct {
	Start, End int
	Rank       int    // nesting order when two spans cover the same text: lower is outer
	Class      string // CSS classes
	ID         string // anchor id, on the first piece only; "" for none
	Title      string // tooltip
	Speaker    string // shown beside a quote on hover and focus
}

// Ranks of the kinds of span, outermost first.
const (
	rankQuote = iota
	rankPosition
	rankMention
	rankTime
	rankTrigger
)

// codePointBytes returns the byte offset of every code point of text, with
// len(text) appended, so that offsets[i] is where code point i starts.
func codePointBytes(text string) []int {
	offs := make([]int, 0, len(text)+1)
	for i := range text {
		offs = append(offs, i)
	}
	return append(offs, len(text))
}

// highlight renders text as HTML with spans wrapped in <span> elements.
// Spans may nest and overlap in any way: where one crosses the end of
// another, it is closed and opened again, so the markup always nests; the
// anchor id stays on the first piece. Offsets outside the text are clamped
// and empty or inverted spans are dropped, so any record renders.
func highlight(text string, spans []span) template.HTML {
	var offs []int
	ascii := true
	for i := 0; i < len(text); i++ {
		if text[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	n := len(text)
	if !ascii {
		offs = codePointBytes(text)
		n = len(offs) - 1
	}
	toByte := func(cp int) int {
		cp = min(max(cp, 0), n)
		if offs == nil {
			return cp
		}
		return offs[cp]
	}
	type bspan struct {
		span
		s, e  int // bytes
		order int
	}
	var bs []bspan
	bounds := []int{0, len(text)}
	for _, sp := range spans {
		s, e := toByte(sp.Start), toByte(sp.End)
		if s >= e {
			continue
		}
		bs = append(bs, bspan{span: sp, s: s, e: e})
		bounds = append(bounds, s, e)
	}
	slices.SortStableFunc(bs, func(a, b bspan) int {
		if a.s != b.s {
			return a.s - b.s
		}
		if a.e != b.e {
			return b.e - a.e
		}
		return a.Rank - b.Rank
	})
	for i := range bs {
		bs[i].order = i
	}
	slices.Sort(bounds)
	bounds = slices.Compact(bounds)

	var sb strings.Builder
	sb.Grow(len(text) + len(bs)*80)
	var open []int                  // indexes into bs, outermost first
	opened := make([]bool, len(bs)) // whether a piece has been written (the id goes on the first)
	var active []int
	next := 0 // first span of bs not yet active
	for k := 0; k+1 < len(bounds); k++ {
		a, b := bounds[k], bounds[k+1]
		// Spans are active on [a, b) when they start at or before a and end at or after b.
		active = slices.DeleteFunc(active, func(i int) bool { return bs[i].e <= a })
		for next < len(bs) && bs[next].s <= a {
			if bs[next].e > a {
				active = append(active, next)
			}
			next++
		}
		// active is in bs order already (appended in order, deletions keep it).
		common := 0
		for common < len(open) && common < len(active) && open[common] == active[common] {
			common++
		}
		for j := len(open) - 1; j >= common; j-- {
			sb.WriteString("</span>")
		}
		open = append(open[:common], active[common:]...)
		for _, i := range active[common:] {
			writeOpen(&sb, &bs[i].span, !opened[i])
			opened[i] = true
		}
		template.HTMLEscape(&sb, []byte(text[a:b]))
	}
	for range open {
		sb.WriteString("</span>")
	}
	return template.HTML(sb.String())
}

func writeOpen(sb *strings.Builder, sp *span, first bool) {
	sb.WriteString(`<span class="`)
	sb.WriteString(template.HTMLEscapeString(sp.Class))
	if !first {
		sb.WriteString(" cont")
	}
	sb.WriteByte('"')
	if first && sp.ID != "" {
		sb.WriteString(` id="`)
		sb.WriteString(template.HTMLEscapeString(sp.ID))
		sb.WriteByte('"')
	}
	if sp.Title != "" {
		sb.WriteString(` title="`)
		sb.WriteString(template.HTMLEscapeString(sp.Title))
		sb.WriteByte('"')
	}
	if sp.Speaker != "" {
		sb.WriteString(` data-speaker="`)
		sb.WriteString(template.HTMLEscapeString(sp.Speaker))
		sb.WriteByte('"')
	}
	sb.WriteByte('>')
}
