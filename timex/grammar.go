package timex

import (
	"strings"
	"time"

	"github.com/newsgraph/newsgraph"
)

// match reads the longest time expression starting at token i.
func (s *scanner) match(i int) (int, tv, bool) {
	t := s.at(i)
	switch t.cls {
	case cThe:
		return s.matchThe(i)
	case cEdge:
		return s.matchEdge(i, i)
	case cAgo:
		// earlier this month, later this year
		if t.val == agoEarlier || t.val == agoLater {
			if n := s.at(i + 1); n.cls == cRel && (n.val == relThis || n.val == relNext || n.val == relLast) {
				if end, v, ok := s.matchRel(i + 1); ok && v.g != gLit && v.typ != newsgraph.Duration {
					return end, v, true
				}
			}
			if n := s.at(i + 1); n.cls == cDeictic && (n.val == dToday || n.val == dTonight) {
				return s.matchDeictic(i + 1)
			}
		}
		return 0, tv{}, false
	case cRel:
		return s.matchRel(i)
	case cDeictic:
		return s.matchDeictic(i)
	case cWeekday:
		return s.matchWeekday(i)
	case cUnits:
		// for weeks, within days: an unknown number of units
		if p := s.at(i - 1); lowerEq(p.text, "for") || lowerEq(p.text, "within") {
			if t.val >= uDay && t.val != uQuarter && t.val != uWeekend && s.at(i+1).cls != cOf && s.at(i+1).cls != cAgo {
				return i + 1, lit(newsgraph.Duration, durationValue(-1, t.val)), true
			}
		}
		if t.val == uQuarter || t.val == uWeekend {
			return 0, tv{}, false
		}
		// minutes before the vote, days after the attack: a gap of unknown
		// size (not "a matter of days before", "the first days after")
		if a := s.at(i + 1); a.cls == cAgo && (a.val == agoBefore || a.val == agoAfter) {
			if p := s.at(i - 1); p.cls != cOf && p.cls != cOrdWord && p.kind != newsgraph.Number && p.cls != cNumWord {
				return i + 1, lit(newsgraph.Duration, durationValue(-1, t.val)), true
			}
		}
		// could take weeks, took years
		if p := s.at(i - 1); t.val >= uDay && (lowerEq(p.text, "take") || lowerEq(p.text, "takes") || lowerEq(p.text, "took") || lowerEq(p.text, "taken") || lowerEq(p.text, "taking")) {
			return i + 1, lit(newsgraph.Duration, durationValue(-1, t.val)), true
		}
		return 0, tv{}, false
	case cWeekdays:
		v := lit(newsgraph.Set, "XXXX-WXX-"+string(rune('0'+t.val)))
		if p := s.at(i + 1); p.cls == cPOD && p.val <= podNight {
			v.lit += "T" + podCode[p.val]
			return i + 2, v, true
		}
		return i + 1, v, true
	case cMonth:
		return s.matchMonth(i)
	case cNumWord, cA, cFew:
		return s.matchCount(i)
	case cEvery:
		return s.matchEvery(i)
	case cFreqAdv:
		if t.val == uDay && lowerEq(t.text, "nightly") {
			return i + 1, lit(newsgraph.Set, "P1D"), true
		}
		return i + 1, lit(newsgraph.Set, durationValue(1, t.val)), true
	case cOrdWord:
		return s.matchOrdinal(i, i)
	case cFiscal:
		if n := s.at(i + 1); isYear(n) {
			return i + 2, tv{typ: newsgraph.Date, g: gYear, y: n.num}, true
		}
		// fiscal first quarter, fiscal second-quarter: the modifier is in
		// the span, as TimeML tags it
		if n := s.at(i + 1); n.cls == cOrdWord {
			if u := s.at(i + 2); u.cls == cUnit && u.val == uQuarter || u.cls == cHalf {
				return s.matchOrdinal(i, i+1)
			}
		}
		if n := s.at(i + 1); n.hyphen {
			if end, v, ok := s.matchHyphen(i + 1); ok && v.typ == newsgraph.Date {
				return end, v, true
			}
		}
		return 0, tv{}, false
	case cPOD:
		if t.val == podNoon || t.val == podMidnight {
			return s.matchClockWord(i)
		}
		return 0, tv{}, false
	case cSeason:
		return s.matchSeason(i, i, 0)
	case cNone:
		if t.num >= 0 {
			return s.matchNumber(i)
		}
		if t.hyphen {
			return s.matchHyphen(i)
		}
		if isQuarterToken(t) { // Q3
			q := int(t.text[1] - '0')
			if n := s.at(i + 1); isYear(n) {
				return i + 2, tv{typ: newsgraph.Date, g: gQuarter, y: n.num, q: q}, true
			}
			return i + 1, s.quarterNoYear(q, i), true
		}
	}
	return 0, tv{}, false
}

func isQuarterToken(t *tok) bool {
	return len(t.text) == 2 && (t.text[0] == 'Q' || t.text[0] == 'q') && t.text[1] >= '1' && t.text[1] <= '4'
}

func isYear(t *tok) bool {
	return t.num >= 1000 && t.num <= 2199 && t.nd == 4 && t.rest() == ""
}

// matchThe reads expressions that begin with "the".
func (s *scanner) matchThe(i int) (int, tv, bool) {
	n := s.at(i + 1)
	switch n.cls {
	case cEdge:
		return s.matchEdge(i, i+1)
	case cOrdWord:
		return s.matchOrdinal(i, i+1)
	case cFiscal:
		// the fiscal year ended June 30
		if u := s.at(i + 2); u.cls == cUnit && u.val == uYear && (lowerEq(s.at(i+3).text, "ended") || lowerEq(s.at(i+3).text, "ending")) {
			return i + 3, lit(newsgraph.Duration, "P1Y"), true
		}
		// the fiscal first quarter
		if s.at(i+2).cls == cOrdWord {
			if u := s.at(i + 3); u.cls == cUnit && u.val == uQuarter || u.cls == cHalf {
				return s.matchOrdinal(i, i+2)
			}
		}
	}
	switch n.cls {
	case cRel:
		end, v, ok := s.matchRel(i + 1)
		if ok {
			return end, v, true
		}
		// the past → PAST_REF
		if n.val == relPast && !s.nounFollows(i+2) {
			return i + 2, lit(newsgraph.Date, "PAST_REF"), true
		}
		return 0, tv{}, false
	case cDeictic:
		if n.val == dFuture {
			return i + 2, lit(newsgraph.Date, "FUTURE_REF"), true
		}
	case cUnit:
		// the day before, the week after
		if a := s.at(i + 2); a.cls == cAgo && (a.val == agoBefore || a.val == agoAfter) && s.clauseEnds(i+3) {
			dir := -1
			if a.val == agoAfter {
				dir = 1
			}
			return i + 3, s.fromAnchor(dir, n.val), true
		}
		if n.val == uWeekend {
			return i + 2, s.weekend(i), true
		}
		// the day a market report is about: ended the day, later in the day
		if n.val == uDay && s.dayOfReport(i) {
			if !s.hasAnchor {
				return i + 2, tv{typ: newsgraph.Date, unresolved: true}, true
			}
			return i + 2, day(s.anchor), true
		}
		// the year ended Sept. 30: a span of a year; the date that ends it
		// is its own expression
		if n.val == uYear && (lowerEq(s.at(i+2).text, "ended") || lowerEq(s.at(i+2).text, "ending")) {
			return i + 2, lit(newsgraph.Duration, "P1Y"), true
		}
		// the day before the vote: a date, tied to an event the text does
		// not date; the signal is left out and no value is guessed
		if a := s.at(i + 2); n.val == uDay && a.cls == cAgo && (a.val == agoBefore || a.val == agoAfter) {
			return i + 2, tv{typ: newsgraph.Date, unresolved: true}, true
		}
		// the quarter: the one a report is about
		if n.val == uQuarter && s.at(i+2).cls != cOf {
			return i + 2, s.theQuarter(i), true
		}
	case cSeason:
		return s.matchSeason(i, i+1, 0)
	case cNone:
		if n.num >= 0 {
			// the 1990s, the 20th century
			if end, v, ok := s.matchNumber(i + 1); ok && (v.g == gDecade || v.g == gCentury) {
				return end, v, true
			}
		}
		// the '90s
		if (n.text == "'" || n.text == "’") && s.at(i+2).nd == 2 && s.at(i+2).rest() == "s" {
			return i + 3, tv{typ: newsgraph.Date, g: gDecade, y: 190 + s.at(i+2).num/10}, true
		}
		// the 1988 third quarter
		if isYear(n) {
			if o := s.at(i + 2); o.cls == cOrdWord && o.val <= 4 && s.at(i+3).cls == cUnit && s.at(i+3).val == uQuarter {
				return i + 4, tv{typ: newsgraph.Date, g: gQuarter, y: n.num, q: o.val}, true
			}
		}
		// the 1988 period: the article and head noun are part of the span
		if isYear(n) && strings.EqualFold(s.at(i+2).text, "period") {
			return i + 3, tv{typ: newsgraph.Date, g: gYear, y: n.num}, true
		}
		// the year-ago quarter, the mid-1990s: the article belongs to the
		// noun phrase TimeML tags
		if n.hyphen {
			if end, v, ok := s.matchHyphen(i + 1); ok && (end > i+2 || v.g == gDecade) {
				return end, v, true
			}
		}
		if n.num >= 0 && n.rest() == "" {
			return s.theCount(i)
		}
	case cNumWord, cFew:
		// the nine months, the four days: a duration with its article
		return s.theCount(i)
	}
	return 0, tv{}, false
}

// theCount reads "the" before a count of units (the nine months).
func (s *scanner) theCount(i int) (int, tv, bool) {
	end, v, ok := s.matchCount(i + 1)
	if ok && v.typ == newsgraph.Duration && s.at(end-1).cls == cUnits {
		return end, v, true
	}
	return 0, tv{}, false
}

// dayOfReport reports whether "the day" at i is the day being reported
// on (the index ended the day up, for the day, later in the day) rather
// than a day described by what follows ("the day before", "the day the
// war began").
func (s *scanner) dayOfReport(i int) bool {
	switch strings.ToLower(s.at(i - 1).text) {
	case "end", "ended", "ending", "ends", "finish", "finished", "finishing", "close", "closed", "closing", "for", "during":
		return s.clauseEnds(i+2) || s.at(i+2).kind == newsgraph.Word && (lowerEq(s.at(i+2).text, "up") || lowerEq(s.at(i+2).text, "down") || lowerEq(s.at(i+2).text, "with"))
	case "in":
		switch strings.ToLower(s.at(i - 2).text) {
		case "later", "earlier", "late", "early":
			return true
		}
	}
	return false
}

// theQuarter resolves "the quarter": the quarter the text last named, or
// else the last one that ended before the publication date (the quarter
// being reported on).
func (s *scanner) theQuarter(at int) tv {
	if !s.hasDCT {
		return tv{typ: newsgraph.Date, unresolved: true}
	}
	if s.coarseGran == gQuarter {
		return shift(s.coarse, 0, uQuarter)
	}
	return shift(s.dct, -1, uQuarter)
}

// nounFollows reports whether a word that could head a noun phrase follows,
// so that "the past" is an adjective ("the past decision") rather than the
// past itself.
func (s *scanner) nounFollows(i int) bool {
	t := s.at(i)
	return t.kind == newsgraph.Word && t.cls != cTensePast && t.cls != cTensePres && t.cls != cTenseFut &&
		!(len(t.text) <= 4 && isFunctionWord(t.text))
}

func isFunctionWord(w string) bool {
	switch strings.ToLower(w) {
	case "and", "or", "but", "to", "in", "on", "at", "of", "as", "for", "by", "with", "has", "have", "had", "is", "was", "are", "were", "when", "that":
		return true
	}
	return false
}

// clauseEnds reports whether token i ends the clause (punctuation, the end
// of the sentence, or a conjunction), so that "the day before" stands alone
// rather than being "the day before the vote".
func (s *scanner) clauseEnds(i int) bool {
	t := s.at(i)
	if i >= s.hi {
		return true
	}
	if t.kind == newsgraph.Punct || t.kind == newsgraph.QuoteMark {
		return true
	}
	switch strings.ToLower(t.text) {
	case "and", "but", "or", "when", "as", "while", "because", "after", "before", "in", "at", "on", "to":
		return true
	}
	return false
}

// fromAnchor is the day (or week, month…) dir units from the date the
// text last gave: days and weeks count from the last day named; months,
// quarters and years from the last date of any granularity, and keep a
// quarter's granularity (the quarter a year earlier).
func (s *scanner) fromAnchor(dir, u int) tv {
	if !s.hasAnchor {
		return tv{typ: newsgraph.Date, unresolved: true}
	}
	switch u {
	case uSecond, uMinute, uHour, uDay, uWeek, uWeekend, uFortnight:
		return shift(s.anchor, dir, u)
	}
	if u == uYear && s.coarseGran == gQuarter {
		return shift(s.coarse, 4*dir, uQuarter)
	}
	return shift(s.coarse, dir, u)
}

// matchEdge reads "the end of February", "early next year", "late November",
// "mid-2014" handled in matchHyphen. first is where the span starts (at
// "the" when there is one), i the edge word.
func (s *scanner) matchEdge(first, i int) (int, tv, bool) {
	e := s.at(i)
	if n := s.at(i + 1); n.cls == cOf {
		// the end of February, the beginning of the year
		j := i + 2
		if s.at(j).cls == cThe {
			if u := s.at(j + 1); u.cls == cUnit && (u.val == uYear || u.val == uMonth || u.val == uWeek || u.val == uDecade || u.val == uCentury || u.val == uQuarter) {
				return j + 2, s.relUnit(relThis, u.val, j), true
			}
		}
		// the end of year, end of month: the same without the article
		if u := s.at(j); u.cls == cUnit && (u.val == uYear || u.val == uMonth || u.val == uWeek || u.val == uQuarter) && !s.at(j+1).hyphen && s.at(j+1).cls != cOf {
			return j + 1, s.relUnit(relThis, u.val, j), true
		}
		if end, v, ok := s.match(j); ok && v.typ != newsgraph.Duration && v.typ != newsgraph.Set && v.g != gLit {
			return end, v, true
		}
		return 0, tv{}, false
	}
	if e.val == edgeEarly || e.val == edgeLate || e.val == edgeMid || e.val == edgeEarlier || e.val == edgeLater {
		j := i + 1
		if s.at(j).cls == cEdge || s.at(j).cls == cNone && s.at(j).text == "-" {
			j++
		}
		n := s.at(j)
		switch n.cls {
		case cMonth, cRel, cSeason, cWeekday, cDeictic:
			if end, v, ok := s.match(j); ok && v.typ != newsgraph.Duration && v.typ != newsgraph.Set && v.g != gLit {
				return end, v, true
			}
		case cPOD:
			if n.val <= podNight {
				v := s.today(n.val)
				return j + 1, v, true
			}
		case cNone:
			if n.num >= 0 {
				if end, v, ok := s.matchNumber(j); ok && (v.g == gYear || v.g == gDecade || v.g == gCentury) {
					return end, v, true
				}
			}
		}
	}
	return 0, tv{}, false
}

// today is the publication date, at a part of day when pod > 0.
func (s *scanner) today(pod int) tv {
	if !s.hasDCT {
		return tv{typ: newsgraph.Date, unresolved: true}
	}
	v := day(s.dct)
	if pod > 0 {
		v.g, v.pod, v.typ = gDayPOD, pod, newsgraph.TimeOfDay
	}
	return v
}

// matchRel reads last/next/this/past/coming … followed by what they modify.
func (s *scanner) matchRel(i int) (int, tv, bool) {
	r := s.at(i).val
	j := i + 1
	// this past spring, this coming Sunday
	if r == relThis {
		if n := s.at(j); n.cls == cRel && (n.val == relPast || n.val == relComing) {
			r = relLast
			if n.val == relComing {
				r = relNext
			}
			j++
		}
	}
	// this fiscal year, the current fiscal quarter
	if f := s.at(j); lowerEq(f.text, "fiscal") {
		if u := s.at(j + 1); u.cls == cUnit && (u.val == uYear || u.val == uQuarter) {
			j++
		}
	}
	n := s.at(j)
	switch n.cls {
	case cWeekday:
		d, ok := s.relWeekday(r, n.val)
		if !ok {
			return 0, tv{}, false
		}
		end := j + 1
		if p := s.at(end); p.cls == cPOD && p.val <= podNight {
			d.g, d.pod, d.typ = gDayPOD, p.val, newsgraph.TimeOfDay
			end++
		}
		return end, d, true
	case cMonth:
		if !s.monthOK(j) {
			return 0, tv{}, false
		}
		if !s.hasDCT {
			return j + 1, tv{typ: newsgraph.Date, unresolved: true}, true
		}
		m := n.val
		cm := int(s.dct.Month())
		y := s.dct.Year()
		switch r {
		case relLast, relPast, relPrevious:
			if m >= cm {
				y--
			}
		case relNext, relComing, relFollowing:
			if m <= cm {
				y++
			}
		case relThis:
		default:
			return 0, tv{}, false
		}
		return j + 1, month(y, m), true
	case cSeason:
		return s.matchSeason(i, j, r)
	case cPOD:
		if r == relThis && n.val <= podNight {
			return j + 1, s.today(n.val), true
		}
		if r == relLast && n.val == podNight {
			if !s.hasDCT {
				return j + 1, tv{typ: newsgraph.TimeOfDay, unresolved: true}, true
			}
			v := day(s.dct.AddDate(0, 0, -1))
			v.g, v.pod, v.typ = gDayPOD, podNight, newsgraph.TimeOfDay
			return j + 1, v, true
		}
	case cUnit:
		if n.val == uHour || n.val == uMinute {
			return 0, tv{}, false
		}
		switch r {
		case relPast:
			if n.val == uDecade || n.val == uCentury {
				return j + 1, lit(newsgraph.Duration, durationValue(1, n.val)), true
			}
			return j + 1, s.relUnit(relLast, n.val, i), true
		case relNext, relComing, relFollowing:
			// the next decade, the following century: a stretch of that length
			if (n.val == uDecade || n.val == uCentury) && s.at(i-1).cls == cThe {
				return j + 1, lit(newsgraph.Duration, durationValue(1, n.val)), true
			}
		}
		switch r {
		case relLast, relNext, relThis, relComing, relPrevious, relFollowing, relLatest:
			if n.val == uDay && (r == relLast || r == relThis) {
				return 0, tv{}, false
			}
			if r == relLatest && n.val != uQuarter {
				return 0, tv{}, false
			}
			if r == relPrevious || r == relFollowing || (r == relNext && s.at(i-1).cls == cThe) {
				// the previous day, the following week: counted from the anchor
				dir := -1
				if r != relPrevious {
					dir = 1
				}
				return j + 1, s.fromAnchor(dir, n.val), true
			}
			v := s.relUnit(r, n.val, i)
			// this year's third quarter, next year's first half
			if n.val == uYear && v.g == gYear {
				if o := s.at(j + 1); o.cls == cOrdWord && o.val <= 4 {
					if u := s.at(j + 2); u.cls == cUnit && u.val == uQuarter {
						return j + 3, tv{typ: newsgraph.Date, g: gQuarter, y: v.y, q: o.val}, true
					}
					if u := s.at(j + 2); u.cls == cHalf && o.val <= 2 {
						return j + 3, tv{typ: newsgraph.Date, g: gHalf, y: v.y, q: o.val}, true
					}
				}
			}
			return j + 1, v, true
		}
	case cUnits:
		// past years: some time before; recent weeks, the coming months: a
		// stretch of unknown length, as TimeML values them
		if r == relPast {
			return j + 1, lit(newsgraph.Date, "PAST_REF"), true
		}
		if r == relComing || r == relLast || r == relNext || r == relRecent {
			return j + 1, lit(newsgraph.Duration, durationValue(-1, n.val)), true
		}
	case cNumWord, cFew, cA:
		// the past five years, the next few weeks
		if r == relPast || r == relLast || r == relNext || r == relComing || r == relPrevious || r == relFollowing || r == relRecent {
			cnt, k, ok := s.count(j)
			if ok {
				if u := s.at(k); u.cls == cUnits || u.cls == cUnit {
					return k + 1, lit(newsgraph.Duration, durationValue(cnt, u.val)), true
				}
			}
		}
	case cNone:
		if n.num >= 0 && n.rest() == "" && n.nd <= 3 {
			if u := s.at(j + 1); u.cls == cUnits && (r == relPast || r == relLast || r == relNext || r == relComing || r == relPrevious || r == relFollowing) {
				return j + 2, lit(newsgraph.Duration, durationValue(n.num, u.val)), true
			}
		}
	}
	return 0, tv{}, false
}

// relUnit resolves last/this/next week, month, year, quarter, weekend.
func (s *scanner) relUnit(r, u, _ int) tv {
	typ := newsgraph.Date
	if !s.hasDCT {
		return tv{typ: typ, unresolved: true}
	}
	off := 0
	switch r {
	case relLast, relPrevious:
		off = -1
	case relNext, relComing, relFollowing:
		off = 1
	case relLatest:
		off = -1
	}
	if u == uWeekend {
		return s.weekendOff(off)
	}
	return shift(s.dct, off, u)
}

func (s *scanner) weekendOff(off int) tv {
	v := week(s.dct.AddDate(0, 0, 7*off))
	v.g = gWeekend
	return v
}

// weekend resolves "the weekend" by tense: the last one in a past clause.
func (s *scanner) weekend(at int) tv {
	if !s.hasDCT {
		return tv{typ: newsgraph.Date, unresolved: true}
	}
	wd := int(s.dct.Weekday())
	if s.tense(at, at+2) == dirPast && wd >= 1 && wd <= 5 {
		return s.weekendOff(-1)
	}
	return s.weekendOff(0)
}

// relWeekday resolves last Friday, next Friday, this Friday.
func (s *scanner) relWeekday(r, wd int) (tv, bool) {
	if !s.hasDCT {
		return tv{typ: newsgraph.Date, unresolved: true}, true
	}
	switch r {
	case relLast, relPast, relPrevious:
		return day(weekdayNear(s.dct.AddDate(0, 0, -1), wd, dirPast)), true
	case relNext, relComing, relFollowing:
		return day(weekdayNear(s.dct.AddDate(0, 0, 1), wd, dirFuture)), true
	case relThis:
		cur := int(s.dct.Weekday())
		if cur == 0 {
			cur = 7
		}
		return day(s.dct.AddDate(0, 0, wd-cur)), true
	}
	return tv{}, false
}

// matchDeictic reads today, yesterday, tomorrow, tonight, now, recently …
func (s *scanner) matchDeictic(i int) (int, tv, bool) {
	t := s.at(i)
	switch t.val {
	case dToday, dYesterday, dTomorrow:
		off := 0
		if t.val == dYesterday {
			off = -1
		} else if t.val == dTomorrow {
			off = 1
		}
		if !s.hasDCT {
			if p := s.at(i + 1); p.cls == cPOD && p.val <= podNight {
				return i + 2, tv{typ: newsgraph.TimeOfDay, unresolved: true}, true
			}
			return i + 1, tv{typ: newsgraph.Date, unresolved: true}, true
		}
		v := day(s.dct.AddDate(0, 0, off))
		if p := s.at(i + 1); p.cls == cPOD && p.val <= podNight {
			v.g, v.pod, v.typ = gDayPOD, p.val, newsgraph.TimeOfDay
			return i + 2, v, true
		}
		return i + 1, v, true
	case dTonight, dOvernight:
		if !s.hasDCT {
			return i + 1, tv{typ: newsgraph.TimeOfDay, unresolved: true}, true
		}
		v := day(s.dct)
		if t.val == dOvernight {
			v = day(s.dct.AddDate(0, 0, -1))
		}
		v.g, v.pod, v.typ = gDayPOD, podNight, newsgraph.TimeOfDay
		return i + 1, v, true
	case dNow, dCurrent:
		if t.val == dCurrent && s.at(i+1).kind != newsgraph.Word {
			return 0, tv{}, false
		}
		return i + 1, lit(newsgraph.Date, "PRESENT_REF"), true
	case dRecently:
		return i + 1, lit(newsgraph.Date, "PAST_REF"), true
	case dSoon:
		return i + 1, lit(newsgraph.Date, "FUTURE_REF"), true
	}
	return 0, tv{}, false
}

// matchWeekday reads Friday, Friday morning, Friday, April 25 (2025).
func (s *scanner) matchWeekday(i int) (int, tv, bool) {
	t := s.at(i)
	if !t.capit {
		return 0, tv{}, false
	}
	// Friday, April 25: the explicit date wins
	j := i + 1
	if s.at(j).text == "," {
		j++
	}
	if m := s.at(j); m.cls == cMonth {
		if end, v, ok := s.matchMonth(j); ok && v.g == gDay {
			return end, v, true
		}
	}
	if n := s.at(j); n.num >= 0 && n.num <= 31 && n.nd <= 2 {
		if end, v, ok := s.matchNumber(j); ok && v.g == gDay {
			return end, v, true
		}
	}
	var v tv
	if !s.hasDCT {
		v = lit(newsgraph.Date, "XXXX-WXX-"+string(rune('0'+t.val)))
	} else {
		v = day(weekdayNear(s.dct, t.val, s.tense(i, i+1)))
	}
	end := i + 1
	if p := s.at(end); p.cls == cPOD && p.val <= podNight {
		end++
		if v.g == gDay {
			v.g, v.pod, v.typ = gDayPOD, p.val, newsgraph.TimeOfDay
		}
	}
	return end, v, true
}

// monthOK filters the months that are also ordinary words (May, March) and
// abbreviations that need their capital.
func (s *scanner) monthOK(i int) bool {
	t := s.at(i)
	if !t.capit {
		return false
	}
	w := strings.ToLower(t.text)
	if w != "may" && w != "march" {
		return true
	}
	if n := s.at(i + 1); n.num >= 0 {
		return true
	}
	p := s.at(i - 1)
	switch p.cls {
	case cRel, cEdge, cOf, cMonth:
		return true
	}
	switch strings.ToLower(p.text) {
	case "in", "since", "until", "till", "by", "from", "through", "during", "before", "after", "between", "and", "to", "mid":
		return true
	}
	return false
}

// matchMonth reads April, April 26, April 26, 2025, April 2025, April this year.
func (s *scanner) matchMonth(i int) (int, tv, bool) {
	t := s.at(i)
	if !s.monthOK(i) {
		return 0, tv{}, false
	}
	m := t.val
	j := i + 1
	if s.at(j).text == "." && s.adjacent(i) && s.at(j+1).num >= 0 {
		j++ // Aug. 2, when the abbreviation's dot is a token of its own
	}
	if n := s.at(j); n.num >= 1 && n.num <= 31 && n.nd <= 2 && (n.rest() == "" || isOrdSuffix(n.rest())) {
		d := n.num
		end := j + 1
		k := end
		if s.at(k).text == "," {
			k++
		}
		if y := s.at(k); isYear(y) {
			return k + 1, tv{typ: newsgraph.Date, g: gDay, y: y.num, m: m, d: d}, true
		}
		return end, s.monthDayNoYear(m, d, i), true
	}
	if s.at(j).text == "," && isYear(s.at(j+1)) {
		j++
	}
	if n := s.at(j); isYear(n) {
		return j + 1, month(n.num, m), true
	}
	// February of last year / February this year
	k := j
	if s.at(k).cls == cOf {
		k++
	}
	if r := s.at(k); r.cls == cRel && s.at(k+1).cls == cUnit && s.at(k+1).val == uYear {
		if !s.hasDCT {
			return k + 2, tv{typ: newsgraph.Date, unresolved: true}, true
		}
		y := s.dct.Year()
		switch r.val {
		case relLast, relPrevious:
			y--
		case relNext, relComing, relFollowing:
			y++
		}
		return k + 2, month(y, m), true
	}
	if !s.hasDCT {
		return j, tv{typ: newsgraph.Date, g: gMonth, m: m, noYear: true}, true
	}
	y := yearFor(s.dct, m, 0, s.tense(i, j))
	return j, month(y, m), true
}

func isOrdSuffix(r string) bool {
	switch strings.ToLower(r) {
	case "st", "nd", "rd", "th":
		return true
	}
	return false
}

func (s *scanner) monthDayNoYear(m, d, at int) tv {
	if !s.hasDCT {
		return tv{typ: newsgraph.Date, g: gDay, m: m, d: d, noYear: true}
	}
	y := yearFor(s.dct, m, d, s.tense(at, at+2))
	return tv{typ: newsgraph.Date, g: gDay, y: y, m: m, d: d}
}

// count reads a number of units: a number word, a digit number, "a", "a few".
// It returns the count (-1 for few/several) and the index after it.
func (s *scanner) count(i int) (int, int, bool) {
	t := s.at(i)
	switch t.cls {
	case cA:
		if n := s.at(i + 1); n.cls == cFew {
			return -1, i + 2, true
		}
		if n := s.at(i + 1); n.cls == cHalf || n.cls == cNumWord && n.val == 12 {
			return 0, 0, false
		}
		return 1, i + 1, true
	case cFew:
		return -1, i + 1, true
	case cNumWord:
		n := t.val
		if n >= 20 && n < 100 {
			if o := s.at(i + 1); o.cls == cNumWord && o.val < 10 && o.val > 0 {
				return n + o.val, i + 2, true
			}
		}
		if o := s.at(i + 1); o.cls == cNumWord && o.val == 100 {
			return n * 100, i + 2, true
		}
		return n, i + 1, true
	case cNone:
		if t.num >= 0 && t.rest() == "" && t.nd <= 4 {
			return t.num, i + 1, true
		}
		if t.hyphen {
			if n, ok := hyphenNumber(t.text); ok {
				return n, i + 1, true
			}
		}
	}
	return 0, 0, false
}

// hyphenNumber reads twenty-five.
func hyphenNumber(w string) (int, bool) {
	k := strings.IndexByte(w, '-')
	if k <= 0 {
		return 0, false
	}
	a, b := lookup(w[:k]), lookup(w[k+1:])
	if a.cls == cNumWord && b.cls == cNumWord && a.val >= 20 && a.val < 100 && b.val > 0 && b.val < 10 {
		return a.val + b.val, true
	}
	return 0, false
}

// matchCount reads "three years", "two days ago", "a year earlier",
// "several years ago", "a few weeks".
func (s *scanner) matchCount(i int) (int, tv, bool) {
	n, j, ok := s.count(i)
	if !ok {
		return 0, tv{}, false
	}
	// "a year" after once/twice/times/per: a set
	u := s.at(j)
	// "more than" / "about" before are left out of the span, as TimeML does.
	if u.cls == cNone && u.text == "-" && s.adjacent(j-1) && s.adjacent(j) {
		// two - year: written with spaces around the hyphen only in odd text
		return 0, tv{}, false
	}
	if u.cls != cUnit && u.cls != cUnits {
		return 0, tv{}, false
	}
	if n == 0 {
		return 0, tv{}, false
	}
	if n != 1 && u.cls == cUnit && s.at(i).cls != cNone {
		// "two year" (singular after a number word) is rare; "a year" fine
		if !(n > 1 && s.at(j+1).kind == newsgraph.Word) {
			return 0, tv{}, false
		}
	}
	if u.val == uQuarter && n == 1 && s.at(i).cls == cA && s.at(j+1).cls != cAgo {
		// "a quarter" is more often a fraction (about a quarter of the votes)
		return 0, tv{}, false
	}
	end := j + 1
	if s.at(i).cls == cA {
		if p := s.at(i - 1); strings.EqualFold(p.text, "once") || strings.EqualFold(p.text, "twice") || strings.EqualFold(p.text, "times") {
			return end, lit(newsgraph.Set, durationValue(1, u.val)), true
		}
	}
	if a := s.at(end); a.cls == cAgo {
		switch a.val {
		case agoAgo:
			if n < 0 {
				return end + 1, lit(newsgraph.Date, "PAST_REF"), true
			}
			if !s.hasDCT {
				return end + 1, tv{typ: newsgraph.Date, unresolved: true}, true
			}
			if n == 1 && u.val == uYear {
				return end + 1, s.yearAgo(), true
			}
			return end + 1, shift(s.dct, -n, u.val), true
		case agoEarlier, agoLater, agoBefore, agoAfter:
			if (a.val == agoBefore || a.val == agoAfter) && !s.clauseEnds(end+1) {
				break // "two days before the vote": a duration and a signal
			}
			if n < 0 {
				break
			}
			if a.val == agoEarlier || a.val == agoLater {
				if strings.EqualFold(s.at(end+1).text, "than") {
					break // "a month earlier than usual": the size of a gap
				}
				if a.val == agoLater {
					break // "three days later": TimeML tags the duration alone
				}
			}
			dir := n
			if a.val == agoEarlier || a.val == agoBefore {
				dir = -n
			}
			if n == 1 && u.val == uYear && dir < 0 && s.coarseGran == gQuarter {
				return end + 1, s.yearAgo(), true
			}
			return end + 1, s.fromAnchor(dir, u.val), true
		}
	}
	return end, lit(newsgraph.Duration, durationValue(n, u.val)), true
}

// yearAgo is "a year ago" in the sense of the same period a year before:
// the quarter the text last named, a year back, when it named one (as
// earnings reports do), else the year before the publication.
func (s *scanner) yearAgo() tv {
	if !s.hasDCT {
		return tv{typ: newsgraph.Date, unresolved: true}
	}
	if s.coarseGran == gQuarter {
		return shift(s.coarse, -4, uQuarter)
	}
	return tv{typ: newsgraph.Date, g: gYear, y: s.dct.Year() - 1}
}

// matchEvery reads every week, each Monday, every two years, each July.
func (s *scanner) matchEvery(i int) (int, tv, bool) {
	j := i + 1
	if strings.EqualFold(s.at(j).text, "other") {
		if u := s.at(j + 1); u.cls == cUnit {
			return j + 2, lit(newsgraph.Set, durationValue(2, u.val)), true
		}
		return 0, tv{}, false
	}
	n := s.at(j)
	switch n.cls {
	case cUnit:
		if strings.EqualFold(s.at(i).text, "per") && s.at(i-1).kind != newsgraph.Number && s.at(i-1).cls != cNumWord {
			return 0, tv{}, false
		}
		return j + 1, lit(newsgraph.Set, durationValue(1, n.val)), true
	case cWeekday:
		v := lit(newsgraph.Set, "XXXX-WXX-"+string(rune('0'+n.val)))
		return j + 1, v, true
	case cMonth:
		if !n.capit {
			return 0, tv{}, false
		}
		return j + 1, lit(newsgraph.Set, "XXXX-"+string(rune('0'+n.val/10))+string(rune('0'+n.val%10))), true
	case cSeason:
		return j + 1, lit(newsgraph.Set, "XXXX-"+seasonCode[n.val]), true
	case cPOD:
		if n.val <= podNight {
			return j + 1, lit(newsgraph.Set, "XXXX-XX-XXT"+podCode[n.val]), true
		}
	case cNumWord, cNone:
		if cnt, k, ok := s.count(j); ok && cnt > 1 {
			if u := s.at(k); u.cls == cUnits {
				return k + 1, lit(newsgraph.Set, durationValue(cnt, u.val)), true
			}
		}
	}
	return 0, tv{}, false
}

// matchOrdinal reads the third quarter, the first half of 2014, the first
// nine months, the 20th century (with the ordinal as a word).
func (s *scanner) matchOrdinal(first, i int) (int, tv, bool) {
	o := s.at(i).val
	return s.ordinalUnit(first, i+1, o)
}

func (s *scanner) ordinalUnit(first, j, o int) (int, tv, bool) {
	if o < 1 {
		return 0, tv{}, false
	}
	n := s.at(j)
	// the first nine months
	if o == 1 && first < j-1 {
		if cnt, k, ok := s.count(j); ok && cnt > 1 {
			if u := s.at(k); u.cls == cUnits {
				return k + 1, lit(newsgraph.Duration, durationValue(cnt, u.val)), true
			}
		}
	}
	if n.cls == cHalf && o <= 2 {
		if y, end, ok := s.ofYear(j + 1); ok {
			return end, tv{typ: newsgraph.Date, g: gHalf, y: y, q: o}, true
		}
		if first == j-1 {
			return 0, tv{}, false // "first half" without "the" is too often not a time
		}
		if !s.hasDCT {
			return j + 1, tv{typ: newsgraph.Date, unresolved: true}, true
		}
		y := s.dct.Year()
		if o == 2 && s.dct.Month() <= 6 && s.tense(first, j+1) == dirPast {
			y--
		}
		return j + 1, tv{typ: newsgraph.Date, g: gHalf, y: y, q: o}, true
	}
	if n.cls == cUnit && n.val == uQuarter && o <= 4 {
		if y, end, ok := s.ofYear(j + 1); ok {
			return end, tv{typ: newsgraph.Date, g: gQuarter, y: y, q: o}, true
		}
		return j + 1, s.quarterNoYear(o, first), true
	}
	if n.cls == cUnit && n.val == uCentury && o >= 1 && o <= 21 {
		return j + 1, tv{typ: newsgraph.Date, g: gCentury, y: o - 1}, true
	}
	return 0, tv{}, false
}

// ofYear reads "of 2014" or "2014" after a quarter or half.
func (s *scanner) ofYear(j int) (int, int, bool) {
	if s.at(j).cls == cOf && isYear(s.at(j+1)) {
		return s.at(j + 1).num, j + 2, true
	}
	if isYear(s.at(j)) {
		return s.at(j).num, j + 1, true
	}
	if s.at(j).cls == cOf && s.at(j+1).cls == cRel && s.at(j+2).cls == cUnit && s.at(j+2).val == uYear && s.hasDCT {
		v := s.relUnit(s.at(j+1).val, uYear, j)
		return v.y, j + 3, true
	}
	return 0, 0, false
}

// quarterNoYear resolves "the third quarter": the latest such quarter not
// after the publication date (reports look back at closed quarters).
func (s *scanner) quarterNoYear(q, at int) tv {
	if !s.hasDCT {
		return tv{typ: newsgraph.Date, g: gQuarter, q: q, noYear: true}
	}
	y := s.dct.Year()
	cq := quarterOf(s.dct)
	if q > cq && s.tense(at, at+2) != dirFuture {
		y--
	}
	return tv{typ: newsgraph.Date, g: gQuarter, y: y, q: q}
}

// matchSeason reads summer, last summer, the summer of 2014. first is where
// the span starts, i the season word; r the relative word before, if any.
func (s *scanner) matchSeason(first, i, r int) (int, tv, bool) {
	t := s.at(i)
	if t.cls != cSeason {
		return 0, tv{}, false
	}
	q := t.val
	if y, end, ok := s.ofYear(i + 1); ok && s.at(i+1).cls == cOf || ok && r == 0 {
		return end, tv{typ: newsgraph.Date, g: gSeason, y: y, q: q}, true
	}
	if r == 0 {
		// a bare season needs something that makes it one: in/during/since
		// (the) summer, not "the fall of the city" or "spring water".
		p := s.at(first - 1)
		if first == i && p.cls != cEdge {
			switch strings.ToLower(p.text) {
			case "in", "during", "since", "until", "by", "over", "through", "this", "next", "last":
			default:
				return 0, tv{}, false
			}
		}
		if first < i {
			switch strings.ToLower(s.at(first - 1).text) {
			case "in", "during", "since", "until", "by", "over", "through":
			default:
				return 0, tv{}, false
			}
		}
		if s.at(i+1).cls == cOf || lowerEq(t.text, "fall") && first == i {
			return 0, tv{}, false
		}
	}
	if !s.hasDCT {
		if r == 0 {
			return i + 1, tv{typ: newsgraph.Date, g: gSeason, q: q, noYear: true}, true
		}
		return i + 1, tv{typ: newsgraph.Date, unresolved: true}, true
	}
	// the season the publication date falls in (winter counts from December)
	y := s.dct.Year()
	cm := int(s.dct.Month())
	cur := 4
	switch {
	case cm >= 3 && cm <= 5:
		cur = 1
	case cm >= 6 && cm <= 8:
		cur = 2
	case cm >= 9 && cm <= 11:
		cur = 3
	}
	curY := y
	if cm <= 2 {
		curY = y - 1
	}
	idx := func(yy, qq int) int { return yy*4 + qq - 1 }
	c := idx(curY, cur)
	var target int
	switch r {
	case relLast, relPast, relPrevious:
		target = idx(curY, q)
		if target >= c {
			target -= 4
		}
	case relNext, relComing, relFollowing:
		target = idx(curY, q)
		if target <= c {
			target += 4
		}
	case relThis:
		target = idx(curY, q)
		if target < c-1 {
			target += 4
		}
	default:
		target = idx(curY, q)
		switch s.tense(first, i+1) {
		case dirPast:
			if target > c {
				target -= 4
			}
		case dirFuture:
			if target < c {
				target += 4
			}
		}
	}
	return i + 1, tv{typ: newsgraph.Date, g: gSeason, y: target / 4, q: target%4 + 1}, true
}

// matchClockWord reads noon and midnight (optionally followed by a weekday).
func (s *scanner) matchClockWord(i int) (int, tv, bool) {
	t := s.at(i)
	h := 12
	if t.val == podMidnight {
		h = 24
	}
	return s.clock(i, i+1, h, 0)
}

// clock builds a time of day at hour h, minute m on the day named next to
// it (5 p.m. Friday) or earlier in the sentence, or the publication date.
func (s *scanner) clock(first, end, h, m int) (int, tv, bool) {
	// a time zone; UTC and GMT make the value a UTC time (…T18:00Z)
	utc := false
	if z := s.at(end); z.kind == newsgraph.Word && isZone(z.text) {
		utc = z.text == "UTC" || z.text == "GMT"
		end++
	}
	var base time.Time
	has := false
	k := end
	if s.at(k).text == "," {
		k++
	}
	if s.at(k).cls == cMonth {
		if e, v, ok := s.matchMonth(k); ok && v.g == gDay {
			v.g, v.hh, v.mm, v.typ = gTime, h, m, newsgraph.TimeOfDay
			return e, v, true
		}
	}
	if w := s.at(end); w.cls == cWeekday && w.capit {
		if s.hasDCT {
			base, has = weekdayNear(s.dct, w.val, s.tense(first, end+1)), true
		}
		end++
	} else if w := s.at(end); w.cls == cDeictic && (w.val == dToday || w.val == dYesterday || w.val == dTomorrow) {
		if s.hasDCT {
			off := 0
			if w.val == dYesterday {
				off = -1
			} else if w.val == dTomorrow {
				off = 1
			}
			base, has = s.dct.AddDate(0, 0, off), true
		}
		end++
	} else if s.hasSentDay {
		base, has = s.sentDay, true
	} else if s.hasDCT {
		base, has = s.dct, true
	}
	if !has {
		return end, tv{typ: newsgraph.TimeOfDay, unresolved: true}, true
	}
	v := day(base)
	v.g, v.hh, v.mm, v.typ, v.utc = gTime, h, m, newsgraph.TimeOfDay, utc
	return end, v, true
}

func isZone(w string) bool {
	switch w {
	case "GMT", "UTC", "EST", "EDT", "ET", "PST", "PDT", "PT", "CST", "CDT", "CET", "CEST", "BST", "MSK":
		return true
	}
	return false
}

// matchNumber reads what starts with digits: years, days before months,
// clock times, decades, numeric dates, counts of units.
func (s *scanner) matchNumber(i int) (int, tv, bool) {
	t := s.at(i)
	rest := t.rest()
	switch {
	case rest == "" || isOrdSuffix(rest):
		// 26 April (2025), 26th of April
		if t.num >= 1 && t.num <= 31 && t.nd <= 2 {
			j := i + 1
			if s.at(j).cls == cOf {
				j++
			}
			if m := s.at(j); m.cls == cMonth && m.capit {
				if y := s.at(j + 1); isYear(y) {
					return j + 2, tv{typ: newsgraph.Date, g: gDay, y: y.num, m: m.val, d: t.num}, true
				}
				return j + 1, s.monthDayNoYear(m.val, t.num, i), true
			}
		}
		if isOrdSuffix(rest) {
			// the 20th century, 3rd quarter
			return s.ordinalUnit(i-btoi(s.at(i-1).cls == cThe), i+1, t.num)
		}
		// 5 p.m.
		if a := s.at(i + 1); a.cls == cAmPm && t.num >= 1 && t.num <= 12 {
			return s.clock(i, i+2, ampm(t.num, a.val), 0)
		}
		// 2025-04-26
		if t.nd == 4 && s.adjacent(i) && s.at(i+1).text == "-" && s.adjacent(i+1) {
			mo, dd := s.at(i+2), s.at(i+4)
			if mo.nd == 2 && mo.rest() == "" && mo.num >= 1 && mo.num <= 12 && s.adjacent(i+2) && s.at(i+3).text == "-" && s.adjacent(i+3) &&
				dd.nd == 2 && dd.rest() == "" && dd.num >= 1 && dd.num <= 31 {
				return i + 5, tv{typ: newsgraph.Date, g: gDay, y: t.num, m: mo.num, d: dd.num}, true
			}
		}
		if isYear(t) && rest == "" {
			if !s.yearOK(i) {
				return 0, tv{}, false
			}
			// 2014 Q3
			if q := s.at(i + 1); isQuarterToken(q) {
				return i + 2, tv{typ: newsgraph.Date, g: gQuarter, y: t.num, q: int(q.text[1] - '0')}, true
			}
			return i + 1, tv{typ: newsgraph.Date, g: gYear, y: t.num}, true
		}
		// 30-year, 16-hour
		if rest == "" && s.at(i+1).text == "-" && s.adjacent(i) && s.adjacent(i+1) {
			if u := s.at(i + 2); u.cls == cUnit && t.num > 0 {
				return i + 3, lit(newsgraph.Duration, durationValue(t.num, u.val)), true
			}
			return 0, tv{}, false
		}
		if rest == "" {
			return s.matchCount(i)
		}
	case rest == "s" || rest == "S":
		// 1990s, 90s
		if t.nd == 4 && t.num%10 == 0 && t.num >= 1000 && t.num <= 2190 {
			return i + 1, tv{typ: newsgraph.Date, g: gDecade, y: t.num / 10}, true
		}
		return 0, tv{}, false
	case rest[0] == ':':
		// 10:35 (a.m.)
		if t.num <= 24 && len(rest) == 3 && rest[1] >= '0' && rest[1] <= '5' && rest[2] >= '0' && rest[2] <= '9' {
			mm := int(rest[1]-'0')*10 + int(rest[2]-'0')
			if a := s.at(i + 1); a.cls == cAmPm && t.num >= 1 && t.num <= 12 {
				return s.clock(i, i+2, ampm(t.num, a.val), mm)
			}
			p := strings.ToLower(s.at(i - 1).text)
			if p == "at" || p == "by" || p == "until" || p == "around" || p == "from" || isZone(s.at(i+1).text) {
				return s.clock(i, i+1, t.num, mm)
			}
		}
		return 0, tv{}, false
	case rest[0] == '/':
		return s.slashDate(i)
	default:
		// 5pm, 5am
		if a := lookup(rest); a.cls == cAmPm && t.num >= 1 && t.num <= 12 {
			return s.clock(i, i+1, ampm(t.num, a.val), 0)
		}
	}
	return 0, tv{}, false
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

func ampm(h, add int) int {
	if h == 12 {
		h = 0
	}
	return h + add
}

// yearOK keeps four-digit numbers that are years and drops amounts, flight
// numbers and the like.
func (s *scanner) yearOK(i int) bool {
	t := s.at(i)
	p := s.at(i - 1)
	if p.kind == newsgraph.Symbol || p.text == "$" || p.text == "#" || p.text == "€" || p.text == "£" {
		return false
	}
	if p.text == "." || p.text == "," && s.adjacent(i-1) {
		return false
	}
	n := s.at(i + 1)
	if n.text == "%" || n.cls == cUnit || n.cls == cUnits {
		return false
	}
	switch strings.ToLower(n.text) {
	case "percent", "per", "people", "km", "kilometers", "kilometres", "miles", "metres", "meters", "feet", "tons", "tonnes", "dollars", "euros", "troops", "soldiers":
		return false
	}
	if t.num >= 1900 && t.num <= 2100 {
		return true
	}
	switch strings.ToLower(p.text) {
	case "in", "since", "until", "by", "of", "from", "to", "between", "and", "during", "before", "after", "year", "fiscal", "early", "late", "mid", "around", "circa":
		return true
	}
	return false
}

// slashDate reads 26/04/2025 (day first when the first number cannot be a
// month) and 4/26/2025 (month first otherwise, as in American news).
func (s *scanner) slashDate(i int) (int, tv, bool) {
	t := s.at(i)
	var parts [3]int
	k := 0
	n, nd := 0, 0
	w := t.text
	for x := 0; x <= len(w); x++ {
		if x == len(w) || w[x] == '/' {
			if nd == 0 || k == 3 {
				return 0, tv{}, false
			}
			parts[k] = n
			k++
			n, nd = 0, 0
			continue
		}
		c := w[x]
		if c < '0' || c > '9' {
			return 0, tv{}, false
		}
		n = n*10 + int(c-'0')
		nd++
		if nd > 4 {
			return 0, tv{}, false
		}
	}
	if k != 3 {
		return 0, tv{}, false
	}
	a, b, y := parts[0], parts[1], parts[2]
	if y < 100 {
		y += 2000
		if y > 2069 {
			y -= 100
		}
	}
	if y < 1000 || y > 2199 {
		return 0, tv{}, false
	}
	m, d := a, b
	if a > 12 {
		m, d = b, a
	}
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return 0, tv{}, false
	}
	return i + 1, tv{typ: newsgraph.Date, g: gDay, y: y, m: m, d: d}, true
}

// matchHyphen reads words joined by a hyphen: third-quarter, two-year,
// year-earlier, mid-2014, mid-February, twenty-five years.
func (s *scanner) matchHyphen(i int) (int, tv, bool) {
	w := s.at(i).text
	k := strings.IndexByte(w, '-')
	if k <= 0 || k == len(w)-1 {
		return 0, tv{}, false
	}
	a, b := w[:k], w[k+1:]
	if strings.IndexByte(b, '-') >= 0 {
		return 0, tv{}, false
	}
	la, lb := lookup(a), lookup(b)
	// twenty-five years
	if _, ok := hyphenNumber(w); ok {
		return s.matchCount(i)
	}
	switch {
	case la.cls == cNumWord && lb.cls == cUnit && la.val > 0:
		return i + 1, lit(newsgraph.Duration, durationValue(la.val, lb.val)), true
	case la.cls == cOrdWord && lb.cls == cUnit && lb.val == uQuarter && la.val <= 4:
		if y, end, ok := s.ofYear(i + 1); ok && s.at(i+1).cls == cOf {
			return end, tv{typ: newsgraph.Date, g: gQuarter, y: y, q: la.val}, true
		}
		return i + 1, s.quarterNoYear(la.val, i), true
	case la.cls == cOrdWord && lb.cls == cHalf && la.val <= 2:
		if !s.hasDCT {
			return i + 1, tv{typ: newsgraph.Date, unresolved: true}, true
		}
		return i + 1, tv{typ: newsgraph.Date, g: gHalf, y: s.dct.Year(), q: la.val}, true
	case la.cls == cUnit && la.val == uYear && lb.cls == cAgo && (lb.val == agoAgo || lb.val == agoEarlier):
		// the year-ago quarter, year-earlier results: the same period a year
		// before the one the text is about
		end := i + 1
		n := s.at(end)
		if n.cls == cOrdWord && s.at(end+1).cls == cUnit && s.at(end+1).val == uQuarter {
			if !s.hasDCT {
				return end + 2, tv{typ: newsgraph.Date, unresolved: true}, true
			}
			q := s.quarterNoYear(n.val, i)
			q.y--
			return end + 2, q, true
		}
		if n.cls == cUnit && n.val == uQuarter || strings.EqualFold(n.text, "period") {
			end++
		}
		return end, s.yearAgo(), true
	case la.cls == cEdge && la.val == edgeMid:
		lt := tok{text: b, num: -1}
		if b[0] >= '0' && b[0] <= '9' {
			n, nd := 0, 0
			for nd < len(b) && b[nd] >= '0' && b[nd] <= '9' && nd < 9 {
				n = n*10 + int(b[nd]-'0')
				nd++
			}
			lt.num, lt.nd = n, uint8(nd)
			if isYear(&lt) {
				return i + 1, tv{typ: newsgraph.Date, g: gYear, y: n}, true
			}
			if lt.rest() == "s" && nd == 4 {
				return i + 1, tv{typ: newsgraph.Date, g: gDecade, y: n / 10}, true
			}
			return 0, tv{}, false
		}
		switch lb.cls {
		case cMonth:
			if !s.hasDCT {
				return i + 1, tv{typ: newsgraph.Date, g: gMonth, m: lb.val, noYear: true}, true
			}
			return i + 1, month(yearFor(s.dct, lb.val, 0, s.tense(i, i+1)), lb.val), true
		case cPOD:
			return i + 1, s.today(lb.val), true
		}
	}
	return 0, tv{}, false
}
