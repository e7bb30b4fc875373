package timex

import (
	"strconv"
	"time"

	"github.com/newsgraph/newsgraph"
)

// gran is the granularity of a resolved point in time; it decides how the
// value is written.
type gran uint8

const (
	gNone    gran = iota
	gLit          // lit holds the whole value (durations, sets, references)
	gCentury      // y holds the first two digits (19 for the 1900s)
	gDecade       // y holds the first three digits (199 for the 1990s)
	gYear         // y
	gHalf         // y, q = 1 or 2
	gQuarter      // y, q = 1..4
	gSeason       // y, q = season (1 spring … 4 winter)
	gMonth        // y, m
	gWeek         // y, w (ISO week-numbering year and week)
	gWeekend      // y, w
	gDay          // y, m, d
	gDayPOD       // y, m, d, pod
	gTime         // y, m, d, hh, mm
)

// tv is a time expression's meaning before it is written as a TIMEX3 value.
type tv struct {
	typ        newsgraph.TimeType
	g          gran
	y, m, d, w int
	q, pod     int
	hh, mm     int
	noYear     bool   // the year is unknown: written XXXX
	utc        bool   // a clock time given in UTC: written with Z
	lit        string // the value when g == gLit
	unresolved bool   // relative to an anchor that is unknown: value ""
}

func (v tv) value() string {
	if v.unresolved {
		return ""
	}
	var b []byte
	year := func() {
		if v.noYear {
			b = append(b, "XXXX"...)
			return
		}
		b = pad(b, v.y, 4)
	}
	switch v.g {
	case gLit:
		return v.lit
	case gCentury:
		b = pad(b, v.y, 2)
	case gDecade:
		return strconv.Itoa(v.y)
	case gYear:
		year()
	case gHalf:
		year()
		b = append(b, "-H"...)
		b = strconv.AppendInt(b, int64(v.q), 10)
	case gQuarter:
		year()
		b = append(b, "-Q"...)
		b = strconv.AppendInt(b, int64(v.q), 10)
	case gSeason:
		year()
		b = append(b, '-')
		b = append(b, seasonCode[v.q]...)
	case gMonth:
		year()
		b = append(b, '-')
		b = pad(b, v.m, 2)
	case gWeek, gWeekend:
		year()
		b = append(b, "-W"...)
		b = pad(b, v.w, 2)
		if v.g == gWeekend {
			b = append(b, "-WE"...)
		}
	case gDay, gDayPOD, gTime:
		year()
		b = append(b, '-')
		b = pad(b, v.m, 2)
		b = append(b, '-')
		b = pad(b, v.d, 2)
		if v.g == gDayPOD {
			b = append(b, 'T')
			b = append(b, podCode[v.pod]...)
		}
		if v.g == gTime {
			b = append(b, 'T')
			b = pad(b, v.hh, 2)
			b = append(b, ':')
			b = pad(b, v.mm, 2)
			if v.utc {
				b = append(b, 'Z')
			}
		}
	default:
		return ""
	}
	return string(b)
}

func pad(b []byte, n, width int) []byte {
	if n < 0 {
		n = -n
	}
	s := strconv.Itoa(n)
	for i := len(s); i < width; i++ {
		b = append(b, '0')
	}
	return append(b, s...)
}

// day makes a day value from a date.
func day(t time.Time) tv {
	return tv{typ: newsgraph.Date, g: gDay, y: t.Year(), m: int(t.Month()), d: t.Day()}
}

func week(t time.Time) tv {
	y, w := t.ISOWeek()
	return tv{typ: newsgraph.Date, g: gWeek, y: y, w: w}
}

func month(y, m int) tv {
	for m < 1 {
		m += 12
		y--
	}
	for m > 12 {
		m -= 12
		y++
	}
	return tv{typ: newsgraph.Date, g: gMonth, y: y, m: m}
}

func quarterOf(t time.Time) int { return (int(t.Month())-1)/3 + 1 }

func lit(typ newsgraph.TimeType, s string) tv { return tv{typ: typ, g: gLit, lit: s} }

// unitCode is the TIMEX3 duration letter of a unit, with the multiplier that
// turns it into years for decades and centuries.
func unitCode(u int) (code string, mult int, timePart bool) {
	switch u {
	case uSecond:
		return "S", 1, true
	case uMinute:
		return "M", 1, true
	case uHour:
		return "H", 1, true
	case uDay:
		return "D", 1, false
	case uWeek:
		return "W", 1, false
	case uWeekend:
		return "D", 2, false
	case uFortnight:
		return "W", 2, false
	case uMonth:
		return "M", 1, false
	case uQuarter:
		return "Q", 1, false
	case uYear:
		return "Y", 1, false
	case uDecade:
		return "Y", 10, false
	case uCentury:
		return "Y", 100, false
	}
	return "", 0, false
}

// durationValue writes P<n><unit>; n < 0 means an unknown number (PXY).
func durationValue(n, u int) string {
	code, mult, timePart := unitCode(u)
	if code == "" {
		return ""
	}
	b := make([]byte, 0, 8)
	b = append(b, 'P')
	if timePart {
		b = append(b, 'T')
	}
	if n < 0 {
		b = append(b, 'X')
		if mult == 10 {
			code = "DE"
		} else if mult == 100 {
			code = "CE"
		}
	} else {
		b = strconv.AppendInt(b, int64(n*mult), 10)
	}
	b = append(b, code...)
	return string(b)
}

// shift moves the anchor t by n units and returns the point at the unit's
// granularity ("two days ago" is a day, "three weeks ago" a week).
func shift(t time.Time, n, u int) tv {
	switch u {
	case uSecond, uMinute, uHour, uDay:
		if u == uDay {
			return day(t.AddDate(0, 0, n))
		}
		return day(t)
	case uWeek, uWeekend:
		return week(t.AddDate(0, 0, 7*n))
	case uFortnight:
		return week(t.AddDate(0, 0, 14*n))
	case uMonth:
		return month(t.Year(), int(t.Month())+n)
	case uQuarter:
		q := quarterOf(t) - 1 + n
		y := t.Year()
		for q < 0 {
			q += 4
			y--
		}
		for q > 3 {
			q -= 4
			y++
		}
		return tv{typ: newsgraph.Date, g: gQuarter, y: y, q: q + 1}
	case uYear:
		return tv{typ: newsgraph.Date, g: gYear, y: t.Year() + n}
	case uDecade:
		return tv{typ: newsgraph.Date, g: gDecade, y: (t.Year() + 10*n) / 10}
	case uCentury:
		return tv{typ: newsgraph.Date, g: gCentury, y: (t.Year() + 100*n) / 100}
	}
	return tv{}
}

// direction of a reference that the text leaves open (a weekday, a month
// without a year): the tense of the clause decides.
const (
	dirNearest = 0
	dirPast    = -1
	dirFuture  = 1
)

// weekdayNear returns the date of ISO weekday wd (Monday = 1) in direction
// dir from t: the latest on or before t, the earliest on or after t, or the
// nearest.
func weekdayNear(t time.Time, wd, dir int) time.Time {
	cur := int(t.Weekday())
	if cur == 0 {
		cur = 7
	}
	back := (cur - wd + 7) % 7 // days back to the latest on or before t
	fwd := (wd - cur + 7) % 7  // days forward to the earliest on or after t
	switch dir {
	case dirPast:
		return t.AddDate(0, 0, -back)
	case dirFuture:
		return t.AddDate(0, 0, fwd)
	}
	if fwd < back {
		return t.AddDate(0, 0, fwd)
	}
	return t.AddDate(0, 0, -back)
}

// yearFor returns the year of a month (and day, when d > 0) whose year the
// text leaves out, read in direction dir from t. A month alone in a past
// clause is the latest such month not after t (and the earliest not before
// t in a future clause). A day and month is read a little more freely,
// since writers drop the year only for dates close to the present: a past
// clause takes it within eleven months before to a month after t ("the
// offer was extended to Nov. 16"), a future clause the mirror image.
func yearFor(t time.Time, m, d, dir int) int {
	y := t.Year()
	if d == 0 {
		cm := int(t.Month())
		switch dir {
		case dirPast:
			if m > cm {
				return y - 1
			}
			return y
		case dirFuture:
			if m < cm {
				return y + 1
			}
			return y
		}
		diff := m - cm
		if diff > 6 {
			return y - 1
		}
		if diff < -6 {
			return y + 1
		}
		return y
	}
	lo, hi := -182, 183
	switch dir {
	case dirPast:
		lo, hi = -330, 35
	case dirFuture:
		lo, hi = -35, 330
	}
	for _, cy := range [3]int{y - 1, y, y + 1} {
		dd := int(time.Date(cy, time.Month(m), d, 0, 0, 0, 0, time.UTC).Sub(t).Hours() / 24)
		if dd > lo && dd <= hi {
			return cy
		}
	}
	return y
}
