// Package timex finds time expressions in a document and normalises them to
// TIMEX3 values (TimeML) against the publication date.
//
// A fast scanner walks the tokens of each sentence and looks every token up
// once, lowercased, in a table of time words (months, weekdays, units,
// number words, last/next/this, ago, early/late, …). Only where a token can
// start a time expression does a small hand-written grammar read on; it
// both delimits the span and says what it means, and a resolver turns that
// meaning into a value:
//
//   - absolute dates keep their value (April 26, 2025 → 2025-04-26;
//     the 1990s → 199; 2014 → 2014);
//   - relative ones are resolved against the publication date (last week →
//     the ISO week before; two days ago; this week → 2025-W17), and against
//     the last date the text mentioned for those that count from it
//     (the day before, a year earlier);
//   - where the text leaves the direction open (on Friday, in February,
//     April 26) the tense of the clause decides: the Friday before the
//     publication date in a past-tense clause, the one after in a future
//     clause, the nearest otherwise. Tense comes from the Penn tags when the
//     tag stage has run and from word lists when it has not.
//
// With no publication date, relative expressions keep their span and type
// but get the value "" (unresolved); absolute ones keep their value, and a
// month or weekday without a year is written with XXXX. Nothing is
// invented without an anchor. References to the present, past and future
// (now, recently, soon) get PRESENT_REF, PAST_REF and FUTURE_REF.
//
// Spans follow TimeML: they hold the expression with its determiner and
// modifiers (the end of February, two days ago, the past five years) but not
// the preposition before it (on, in, at, for).
//
// General parsers (go-dateparser, when) were measured for this and are not
// used: run over whole text they are four orders of magnitude too slow, and
// over the spans found here every form they would parse is already read by
// the grammar, which also knows the tense and the anchor that they lack.
//
// # Invariants
// Document.Times is ordered by Start, spans do not overlap, lie inside one
// sentence, and Text[t.Start:t.End] == t.Text. Values are well-formed TIMEX3
// values or "".
//
// # Concurrency
// The lexicon is built once at init and only read afterwards; Find keeps no
// state between calls and is safe for concurrent use.
//
// # Performance
// At most one map lookup per token on a stack-lowercased copy (none for
// a token whose first and last letters and length match no lexicon word,
// which is most of them: MEANTIME 50 → 54 MB/s, median of 6 runs on the
// shared machine), no regular expressions, one allocation per document for the token view plus one
// string per value. BenchmarkFind (go test -bench Find -run XXX ./timex),
// the stage alone after segmentation, on the 2-core development machine
// when idle: about 50 MB/s on the model article and 44 MB/s on the 120
// MEANTIME articles (65 MB/s counted in thread CPU time); 40 KB and 30
// allocations per article-sized document.
//
// # Accuracy
// TestTempEval3 and TestMeantime (go test -v -run 'TempEval|Meantime'
// ./timex) measure against the TimeML gold of TempEval-3 (tuned on TBAQ;
// platinum test: relaxed span F1 0.95, strict 0.91, value accuracy on
// matched spans 0.91) and MEANTIME (relaxed F1 0.88, value accuracy 0.87).
package timex

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph"
)

// Stage is the timex stage of the pipeline. It needs sentences and tokens;
// it uses part-of-speech tags when present.
var Stage = newsgraph.StageFunc{StageName: "timex", Fn: func(d *newsgraph.Document) error {
	d.Times = Find(d, d.Times[:0])
	return nil
}}

// tok is the scanner's view of one token, kept small: one is made for
// every token of the document.
type tok struct {
	text   string
	start  int32
	end    int32
	val    int   // the lexicon value (a month's number, a unit …)
	num    int   // the leading digits' value for a number token, else -1
	nd     uint8 // how many leading digits
	cls    class
	kind   newsgraph.TokenKind
	capit  bool // starts with an uppercase letter
	hyphen bool // a word with an inner hyphen
}

// rest is what follows the leading digits of a number token.
func (t *tok) rest() string {
	if t.num < 0 {
		return ""
	}
	return t.text[t.nd:]
}

// scanner holds what the grammar needs while it reads one document.
type scanner struct {
	text   string
	doc    []newsgraph.Token // for the part-of-speech tags
	toks   []tok
	lo, hi int // the current sentence: toks[lo:hi]
	dct    time.Time
	hasDCT bool
	// anchor is the last day-level date the text gave (for "the day
	// before"); it starts at the publication date. coarse is the last date
	// of any granularity (for "a year earlier" after "in 2023").
	anchor     time.Time
	hasAnchor  bool
	coarse     time.Time
	coarseGran gran
	// sentDay is a day named earlier in the same sentence, for clock times.
	sentDay    time.Time
	hasSentDay bool
}

// Find appends the time expressions of d to out and returns it. It needs
// d.Sentences and d.Tokens (the segment stage).
func Find(d *newsgraph.Document, out []newsgraph.Time) []newsgraph.Time {
	if len(d.Tokens) == 0 {
		return out
	}
	s := scanner{text: d.Text, doc: d.Tokens, toks: make([]tok, len(d.Tokens))}
	if !d.Date.IsZero() {
		s.dct = time.Date(d.Date.Year(), d.Date.Month(), d.Date.Day(), 0, 0, 0, 0, time.UTC)
		s.hasDCT = true
		s.anchor, s.hasAnchor = s.dct, true
		s.coarse, s.coarseGran = s.dct, gDay
	}
	for i := range d.Tokens {
		s.toks[i] = makeTok(&d.Tokens[i])
	}
	for si, sent := range d.Sentences {
		s.lo, s.hi = sent.FirstToken, sent.EndToken
		if s.lo < 0 || s.hi > len(s.toks) || s.lo >= s.hi {
			continue
		}
		s.hasSentDay = false
		for i := s.lo; i < s.hi; {
			if !s.toks[i].maybeStart() {
				i++
				continue
			}
			end, v, ok := s.match(i)
			if !ok || end <= i {
				i++
				continue
			}
			start, stop := int(s.toks[i].start), int(s.toks[end-1].end)
			if k := s.approximator(i); k < i && (len(out) == 0 || out[len(out)-1].End <= int(s.toks[k].start)) {
				start = int(s.toks[k].start)
			}
			if start < 0 || stop > len(d.Text) || start >= stop {
				i++
				continue
			}
			s.note(v)
			out = append(out, newsgraph.Time{Start: start, End: stop, Text: d.Text[start:stop],
				Type: v.typ, Value: v.value(), Sentence: si})
			i = end
		}
	}
	return out
}

// approximator returns the index where a hedge before a count begins
// (nearly two years, more than four decades ago, right now), which TimeML
// keeps in the span, or i when there is none.
func (s *scanner) approximator(i int) int {
	t := &s.toks[i]
	p := s.at(i - 1)
	if p.kind != newsgraph.Word {
		return i
	}
	if t.cls == cDeictic && t.val == dNow {
		if lowerEq(p.text, "right") {
			return i - 1
		}
		return i
	}
	if !(t.cls == cNumWord || t.cls == cA || t.num >= 0 && t.rest() == "") {
		return i
	}
	switch strings.ToLower(p.text) {
	case "nearly", "almost":
		return i - 1
	case "than":
		if q := s.at(i - 2); lowerEq(q.text, "more") || lowerEq(q.text, "less") {
			if r := s.at(i - 3); lowerEq(r.text, "no") {
				return i - 3
			}
			return i - 2
		}
	case "least":
		if lowerEq(s.at(i-2).text, "at") {
			return i - 2
		}
	}
	return i
}

// note remembers a resolved day as the anchor for later relative
// expressions.
func (s *scanner) note(v tv) {
	if v.unresolved || v.noYear {
		return
	}
	switch v.g {
	case gDay, gDayPOD, gTime:
		t := time.Date(v.y, time.Month(v.m), v.d, 0, 0, 0, 0, time.UTC)
		s.anchor, s.hasAnchor = t, true
		s.sentDay, s.hasSentDay = t, true
		s.coarse, s.coarseGran = t, gDay
	case gMonth:
		s.coarse, s.coarseGran = time.Date(v.y, time.Month(v.m), 1, 0, 0, 0, 0, time.UTC), gMonth
	case gQuarter:
		s.coarse, s.coarseGran = time.Date(v.y, time.Month(3*v.q-2), 1, 0, 0, 0, 0, time.UTC), gQuarter
	case gYear:
		s.coarse, s.coarseGran = time.Date(v.y, 1, 1, 0, 0, 0, 0, time.UTC), gYear
	}
}

func makeTok(t *newsgraph.Token) tok {
	k := tok{text: t.Text, start: int32(t.Start), end: int32(t.End), kind: t.Kind, num: -1}
	if t.Text == "" {
		return k
	}
	r, _ := utf8.DecodeRuneInString(t.Text)
	k.capit = unicode.IsUpper(r)
	if r >= '0' && r <= '9' {
		n, nd := 0, 0
		for nd < len(t.Text) && t.Text[nd] >= '0' && t.Text[nd] <= '9' && nd < 9 {
			n = n*10 + int(t.Text[nd]-'0')
			nd++
		}
		k.num, k.nd = n, uint8(nd)
		return k
	}
	if t.Kind != newsgraph.Word && t.Kind != newsgraph.Symbol {
		return k
	}
	e := lookup(t.Text)
	if e.cls == cNone && len(t.Text) > 3 {
		// Friday's, last year's: the possessive is not part of the expression
		base := ""
		if strings.HasSuffix(t.Text, "'s") {
			base = t.Text[:len(t.Text)-2]
		} else if strings.HasSuffix(t.Text, "’s") {
			base = t.Text[:len(t.Text)-4]
		}
		if base != "" {
			if b := lookup(base); b.cls != cNone {
				e = b
				k.text, k.end = base, int32(t.Start+len(base))
			}
		}
	}
	k.cls, k.val = e.cls, e.val
	if e.cls == cNone {
		for i := 1; i < len(t.Text)-1; i++ {
			if t.Text[i] == '-' {
				k.hyphen = true
				break
			}
		}
	}
	return k
}

// maybeStart is the quick test that keeps the grammar off most tokens.
func (t *tok) maybeStart() bool {
	if t.num >= 0 {
		return true
	}
	switch t.cls {
	case cNone:
		return t.hyphen || isQuarterToken(t)
	case cTenseFut, cTensePast, cTensePres, cOf, cAmPm, cHalf, cUnit:
		return false
	}
	return true
}

// at returns the token at i when it lies in the current sentence.
func (s *scanner) at(i int) *tok {
	if i < s.lo || i >= s.hi {
		return &noTok
	}
	return &s.toks[i]
}

var noTok = tok{num: -1}

// adjacent reports whether tokens i and i+1 touch (no space between).
func (s *scanner) adjacent(i int) bool {
	return i+1 < s.hi && i >= s.lo && s.toks[i].end == s.toks[i+1].start
}
