package quote

import (
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph"
)

// spanKind says what a passage in quotation marks is.
type spanKind uint8

const (
	fullSpan    spanKind = iota // a quotation that stands as its own clause or sentences
	partialSpan                 // words quoted inside the writer's sentence
	scareSpan                   // one or two lowercase words: the writer's distance, not a statement
	titleSpan                   // the title of a work or an outlet, or a name
)

// qspan is a passage between paired quotation marks, outermost marks only.
type qspan struct {
	open, close int // token indexes of the marks; close == -1 when the paragraph ends first
	first, last int // the content tokens: toks[first:last]
	start, end  int // the content in bytes, trimmed of space
	para        int
	chainPrev   int // the span of the previous paragraph that this one continues, or -1
	kind        spanKind
	quote       int // index of the quote made from it, or -1
	absorbed    bool
	runOn       bool // a lowercase quotation inside the writer's clause that runs over sentences
}

func isDoubleMark(s string) bool {
	switch s {
	case "\"", "“", "”", "„", "‟", "«", "»", "＂":
		return true
	}
	return false
}

// pairMarks finds the outermost quoted passages of each paragraph. Double
// marks (" “ ” „ « ») pair with each other; single marks (' ‘ ’ ‹ ›) pair
// only outside double ones, as the quotation marks of a headline or of
// British style, and only when the segmenter saw them open and close —
// an apostrophe inside a word is never a mark, and one after a plural
// (troops') is taken as a mark only to close an open single quotation.
// A paragraph that ends inside a quotation continues in the next paragraph
// when that one opens with a mark, as news style writes long quotations.
func (a *analyzer) pairMarks() {
	d := a.d
	toks := a.toks
	prevUnclosed := -1 // span index of the previous paragraph's unclosed quotation
	pi := 0
	for ps := 0; ps < len(d.Sentences); {
		para := d.Sentences[ps].Paragraph
		pe := ps
		for pe < len(d.Sentences) && d.Sentences[pe].Paragraph == para {
			pe++
		}
		t0, t1 := d.Sentences[ps].FirstToken, d.Sentences[pe-1].EndToken
		dOpen, sOpen := -1, -1
		carried := prevUnclosed
		prevUnclosed = -1
		for k := t0; k < t1; k++ {
			t := &toks[k]
			if t.Kind != newsgraph.QuoteMark {
				continue
			}
			if k+1 < t1 && a.doubledSingle(k) {
				// '' written for ": one double mark of two tokens
				if dOpen < 0 {
					if !a.doubledCloses(k) {
						dOpen = k
					}
				} else if a.doubledCloses(k) || k > dOpen+2 && !a.doubledOpens(k) {
					a.addSpanPair(dOpen, k, para, &carried)
					dOpen = -1
				} else {
					dOpen = k
				}
				sOpen = -1
				k++
				continue
			}
			if isDoubleMark(t.Text) {
				sOpen = -1
				if dOpen < 0 {
					if t.Quote == newsgraph.CloseQuote {
						continue // a stray closing mark
					}
					dOpen = k
					continue
				}
				if t.Quote == newsgraph.OpenQuote && k > dOpen+1 && t.Text == toks[dOpen].Text && t.Text != "\"" {
					// two opening marks of the same shape: the first was never closed
					dOpen = k
					continue
				}
				a.addSpan(dOpen, k, para, &carried)
				dOpen = -1
				continue
			}
			if dOpen >= 0 {
				continue // nested single quotation: inside the outer one anyway
			}
			switch {
			case sOpen < 0 && t.Quote == newsgraph.OpenQuote:
				sOpen = k
			case sOpen >= 0 && t.Quote == newsgraph.CloseQuote:
				a.addSpan(sOpen, k, para, &carried)
				sOpen = -1
			case sOpen >= 0 && t.Quote == newsgraph.OpenQuote:
				sOpen = k
			}
		}
		if dOpen >= 0 && a.opensClause(dOpen) {
			n := len(a.spans)
			a.addSpan(dOpen, -1, para, &carried)
			if len(a.spans) > n && pe < len(d.Sentences) {
				nt := d.Sentences[pe].FirstToken
				if nt+1 < len(toks) && toks[nt].Kind == newsgraph.QuoteMark && (isDoubleMark(toks[nt].Text) || a.doubledSingle(nt)) &&
					toks[nt].Quote != newsgraph.CloseQuote {
					prevUnclosed = n
				}
			}
		}
		ps = pe
		pi++
	}
}

// opensClause reports whether an unclosed mark at token k looks like the
// start of a quotation (at a sentence start or after : , — ) rather than a
// stray mark such as the inch sign.
func (a *analyzer) opensClause(k int) bool {
	t := a.toks[k]
	s := a.d.Sentences[t.Sentence]
	if k == s.FirstToken {
		return true
	}
	switch a.toks[k-1].Text {
	case ":", ",", "—", "–", "-":
		return true
	}
	return false
}

// doubledSingle reports whether tokens k and k+1 are two straight or curly
// single marks written together (” or ’’) as some papers write a double
// quotation mark.
func (a *analyzer) doubledSingle(k int) bool {
	t, u := a.toks[k], a.toks[k+1]
	return u.Kind == newsgraph.QuoteMark && t.End == u.Start && t.Text == u.Text &&
		(t.Text == "'" || t.Text == "’" || t.Text == "‘")
}

// doubledCloses reports whether the doubled mark at k closes: it is glued
// to the word or punctuation before it.
func (a *analyzer) doubledCloses(k int) bool {
	if k == 0 || a.toks[k-1].End != a.toks[k].Start {
		return false
	}
	return a.toks[k-1].Kind != newsgraph.QuoteMark && a.toks[k-1].Text != "(" && a.toks[k-1].Text != "—"
}

// doubledOpens reports whether the doubled mark at k opens: a word follows
// it with no space.
func (a *analyzer) doubledOpens(k int) bool {
	return k+2 < len(a.toks) && a.toks[k+1].End == a.toks[k+2].Start && !a.doubledCloses(k)
}

// addSpanPair records a passage whose opening mark (at open) is two tokens
// and whose closing mark (at close) is two tokens too.
func (a *analyzer) addSpanPair(open, close, para int, carried *int) {
	first := open + 1
	if a.doubledSingle(open) {
		first = open + 2
	}
	a.addSpanAt(open, first, close+1, close, para, carried)
}

// addSpan records the passage between the marks at open and close (close
// -1: to the end of the paragraph).
func (a *analyzer) addSpan(open, close, para int, carried *int) {
	first := open + 1
	if open+1 < len(a.toks) && a.doubledSingle(open) {
		first = open + 2
	}
	a.addSpanAt(open, first, close, close, para, carried)
}

// addSpanAt records the passage whose opening mark is toks[open:first] and
// whose closing mark ends at close and starts at closeFirst.
func (a *analyzer) addSpanAt(open, first, close, closeFirst, para int, carried *int) {
	toks := a.toks
	last := closeFirst
	var start, end int
	start = toks[first-1].End
	if close < 0 {
		s := a.d.Sentences[toks[open].Sentence]
		// the paragraph's last token
		p := a.d.Paragraphs[a.d.Sentences[toks[open].Sentence].Paragraph]
		last = s.EndToken
		for last < len(toks) && toks[last].End <= p.End {
			last++
		}
		end = toks[last-1].End
	} else {
		end = toks[closeFirst].Start
	}
	text := a.d.Text
	for start < end {
		r, w := utf8.DecodeRuneInString(text[start:])
		if !unicode.IsSpace(r) {
			break
		}
		start += w
	}
	for end > start {
		r, w := utf8.DecodeLastRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= w
	}
	if end <= start || first >= last {
		return
	}
	sp := qspan{open: open, close: close, first: first, last: last, start: start, end: end,
		para: para, chainPrev: -1, quote: -1}
	if *carried >= 0 && open == a.d.Sentences[toks[open].Sentence].FirstToken &&
		a.d.Sentences[toks[open].Sentence].FirstToken == a.paraFirstToken(para) {
		sp.chainPrev = *carried
	}
	*carried = -1
	idx := int32(len(a.spans) + 1)
	a.spans = append(a.spans, sp)
	endTok := last
	if close >= 0 {
		endTok = close + 1
	}
	for k := open; k < endTok; k++ {
		a.inQuote[k] = idx
	}
}

func (a *analyzer) paraFirstToken(para int) int {
	p := a.d.Paragraphs[para]
	s := a.d.SentenceOf(p.Start)
	if s < 0 {
		return -1
	}
	return a.d.Sentences[s].FirstToken
}
