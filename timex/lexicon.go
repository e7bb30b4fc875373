package timex

import "strings"

// class is what a word can contribute to a time expression. The scanner
// looks each token up once, lowercased, in the lexicon and then works on
// classes and small integers only.
type class uint8

const (
	cNone     class = iota
	cMonth          // val 1..12
	cWeekday        // val 1..7, Monday = 1 (ISO)
	cWeekdays       // plural weekday (Mondays): a set
	cUnit           // val unit
	cUnits          // plural unit: val unit
	cNumWord        // val the number
	cOrdWord        // val the ordinal (first = 1)
	cDeictic        // val deictic code
	cRel            // val rel code
	cAgo            // val ago code
	cEdge           // val edge code
	cPOD            // part of day: val pod code
	cSeason         // val season code
	cEvery          // every, each
	cFreqAdv        // daily, weekly…: val unit
	cThe
	cA // a, an
	cOf
	cFew    // few, several, some, many, a couple
	cAmPm   // val 0 = a.m., 12 = p.m.
	cHalf   // half
	cFiscal // fiscal
	cTenseFut
	cTensePast
	cTensePres
)

// units of time.
const (
	uNone = iota
	uSecond
	uMinute
	uHour
	uDay
	uWeek
	uWeekend
	uFortnight
	uMonth
	uQuarter
	uYear
	uDecade
	uCentury
)

// relative words.
const (
	relLast = iota + 1
	relNext
	relThis
	relPast
	relComing
	relPrevious
	relFollowing
	relRecent
	relLatest
	relCurrent
)

// ago-like words that turn a duration into a point relative to the anchor.
const (
	agoAgo = iota + 1
	agoEarlier
	agoLater
	agoBefore
	agoAfter
)

// edges of a period.
const (
	edgeEarly = iota + 1
	edgeLate
	edgeMid
	edgeEnd
	edgeBeginning
	edgeMiddle
	edgeEarlier
	edgeLater
)

// deictic words.
const (
	dToday = iota + 1
	dYesterday
	dTomorrow
	dTonight
	dNow
	dRecently
	dSoon
	dOvernight
	dFuture
	dPastRef
	dCurrent
)

// parts of day, in TIMEX3 order.
var podCode = [...]string{"", "MO", "AF", "EV", "NI", "12:00", "24:00"}

const (
	podMorning = iota + 1
	podAfternoon
	podEvening
	podNight
	podNoon
	podMidnight
)

var seasonCode = [...]string{"", "SP", "SU", "FA", "WI"}

type lexEntry struct {
	cls class
	val int
}

// lexicon maps a lowercased token to its class. Built once at init and
// read-only afterwards.
var lexicon = buildLexicon()

func buildLexicon() map[string]lexEntry {
	m := map[string]lexEntry{}
	add := func(c class, v int, words ...string) {
		for _, w := range words {
			m[w] = lexEntry{c, v}
		}
	}
	months := [][]string{
		{"january", "jan", "jan."}, {"february", "feb", "feb."}, {"march", "mar."},
		{"april", "apr", "apr."}, {"may"}, {"june", "jun."}, {"july", "jul."},
		{"august", "aug", "aug."}, {"september", "sept", "sept.", "sep."},
		{"october", "oct", "oct."}, {"november", "nov", "nov."}, {"december", "dec", "dec."},
	}
	for i, ws := range months {
		add(cMonth, i+1, ws...)
	}
	days := []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
	for i, w := range days {
		add(cWeekday, i+1, w)
		add(cWeekdays, i+1, w+"s")
	}
	units := []struct {
		u      int
		sg, pl string
	}{
		{uSecond, "", "seconds"}, {uMinute, "minute", "minutes"}, {uHour, "hour", "hours"},
		{uDay, "day", "days"}, {uWeek, "week", "weeks"}, {uWeekend, "weekend", "weekends"},
		{uFortnight, "fortnight", "fortnights"}, {uMonth, "month", "months"},
		{uQuarter, "quarter", "quarters"}, {uYear, "year", "years"}, {uDecade, "decade", "decades"},
		{uCentury, "century", "centuries"},
	}
	for _, u := range units {
		if u.sg != "" {
			add(cUnit, u.u, u.sg)
		}
		add(cUnits, u.u, u.pl)
	}
	add(cUnit, uHour, "hrs")
	add(cUnit, uMinute, "mins")
	nums := []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
		"eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"}
	for i, w := range nums {
		add(cNumWord, i, w)
	}
	tens := []string{"thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}
	for i, w := range tens {
		add(cNumWord, 30+10*i, w)
	}
	add(cNumWord, 100, "hundred")
	add(cNumWord, 12, "dozen")
	ords := []string{"", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
		"eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
		"nineteenth", "twentieth"}
	for i, w := range ords[1:] {
		add(cOrdWord, i+1, w)
	}
	add(cOrdWord, 30, "thirtieth")
	add(cDeictic, dToday, "today")
	add(cDeictic, dYesterday, "yesterday")
	add(cDeictic, dTomorrow, "tomorrow")
	add(cDeictic, dTonight, "tonight")
	add(cDeictic, dNow, "now", "currently", "nowadays")
	add(cDeictic, dRecently, "recently", "lately")
	add(cDeictic, dOvernight, "overnight")
	add(cDeictic, dFuture, "future")
	add(cRel, relLast, "last")
	add(cRel, relNext, "next")
	add(cRel, relThis, "this")
	add(cRel, relPast, "past")
	add(cRel, relComing, "coming", "upcoming")
	add(cRel, relPrevious, "previous", "preceding", "prior")
	add(cRel, relFollowing, "following", "subsequent")
	add(cRel, relRecent, "recent")
	add(cRel, relLatest, "latest")
	add(cAgo, agoAgo, "ago")
	add(cAgo, agoEarlier, "earlier")
	add(cAgo, agoLater, "later")
	add(cAgo, agoBefore, "before")
	add(cAgo, agoAfter, "after")
	add(cEdge, edgeEarly, "early")
	add(cEdge, edgeLate, "late")
	add(cEdge, edgeMid, "mid")
	add(cEdge, edgeEnd, "end", "close")
	add(cEdge, edgeBeginning, "beginning", "start")
	add(cEdge, edgeMiddle, "middle")
	add(cPOD, podMorning, "morning")
	add(cPOD, podAfternoon, "afternoon")
	add(cPOD, podEvening, "evening")
	add(cPOD, podNight, "night")
	add(cPOD, podNoon, "noon", "midday")
	add(cPOD, podMidnight, "midnight")
	add(cSeason, 1, "spring")
	add(cSeason, 2, "summer")
	add(cSeason, 3, "autumn", "fall")
	add(cSeason, 4, "winter")
	add(cEvery, 0, "every", "each", "per")
	add(cFreqAdv, uDay, "daily", "nightly")
	add(cFreqAdv, uWeek, "weekly")
	add(cFreqAdv, uMonth, "monthly")
	add(cFreqAdv, uYear, "annually", "yearly")
	add(cFreqAdv, uHour, "hourly")
	add(cThe, 0, "the")
	add(cA, 1, "a", "an")
	add(cOf, 0, "of")
	add(cFew, 0, "few", "several", "many", "some", "couple")
	add(cAmPm, 0, "a.m.", "am", "a.m")
	add(cAmPm, 12, "p.m.", "pm", "p.m")
	add(cHalf, 0, "half")
	add(cFiscal, 0, "fiscal")
	add(cTenseFut, 0, "will", "'ll", "’ll", "shall", "wo")
	add(cTensePast, 0, "was", "were", "had", "did", "said", "told", "met", "held", "went", "came", "took",
		"gave", "made", "saw", "left", "began", "fell", "rose", "won", "lost", "spoke", "announced",
		"reported", "signed", "killed", "died", "wrote", "got", "became", "sent", "brought", "led", "ran",
		"paid", "sold", "bought", "struck", "hit", "agreed", "visited", "arrived", "ended", "started",
		"according", "wasn't", "weren't", "didn't", "hadn't")
	add(cTensePres, 0, "is", "are", "am", "does", "do", "says", "isn't", "aren't", "doesn't", "don't")
	return m
}

// lexiconEnds[f][l] has bit n set when the lexicon holds a word of n bytes
// (up to 24) whose first and last bytes lowercased are of class f and l
// (endClass): most tokens are passed over without a map lookup.
var lexiconEnds = func() (ends [27][27]uint32) {
	for w := range lexicon {
		if len(w) > 0 && len(w) <= 24 {
			ends[endClass(w[0])][endClass(w[len(w)-1])] |= 1 << len(w)
		}
	}
	return ends
}()

// endClass is 0–25 for an ASCII letter of either case, 26 for any other
// byte.
func endClass(c byte) int {
	if c >= 'A' && c <= 'Z' {
		c += 'a' - 'A'
	}
	if c >= 'a' && c <= 'z' {
		return int(c - 'a')
	}
	return 26
}

// lookup returns the lexicon entry of a token, lowercasing ASCII into a
// stack buffer so that the map lookup does not allocate.
func lookup(s string) lexEntry {
	if len(s) > 24 {
		return lexEntry{}
	}
	if len(s) > 0 && lexiconEnds[endClass(s[0])][endClass(s[len(s)-1])]&(1<<len(s)) == 0 {
		return lexEntry{} // no word of the lexicon starts, ends and is as long as s
	}
	var buf [24]byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return lexicon[string(buf[:len(s)])]
}

// lowerEq reports whether s equals the lowercase ASCII word w, ignoring case.
func lowerEq(s, w string) bool {
	return len(s) == len(w) && strings.EqualFold(s, w)
}
