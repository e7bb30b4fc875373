package web

import (
	"strconv"
	"time"
)

// dateRange reads the dates that records and merged events carry — a year
// (2014), a month (2025-02), a day (2025-04-26), an ISO week (2025-W17) or
// a time (2025-04-26T10:00:00Z) — as the days they cover, [start, end).
// Anything else (unresolved TIMEX values such as XXXX-04) is not ok.
func dateRange(s string) (start, end time.Time, ok bool) {
	num := func(s string) (int, bool) {
		n, err := strconv.Atoi(s)
		return n, err == nil && n >= 0
	}
	if len(s) < 4 {
		return start, end, false
	}
	y, ok := num(s[:4])
	if !ok {
		return start, end, false
	}
	switch {
	case len(s) == 4:
		start = time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
		return start, start.AddDate(1, 0, 0), true
	case len(s) == 7 && s[4] == '-':
		m, ok := num(s[5:7])
		if !ok || m < 1 || m > 12 {
			return start, end, false
		}
		start = time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC)
		return start, start.AddDate(0, 1, 0), true
	case len(s) == 8 && s[4] == '-' && s[5] == 'W':
		w, ok := num(s[6:8])
		if !ok || w < 1 || w > 53 {
			return start, end, false
		}
		// ISO week 1 holds 4 January; weeks start on Monday.
		jan4 := time.Date(y, 1, 4, 0, 0, 0, 0, time.UTC)
		monday := jan4.AddDate(0, 0, -((int(jan4.Weekday()) + 6) % 7))
		start = monday.AddDate(0, 0, 7*(w-1))
		return start, start.AddDate(0, 0, 7), true
	case len(s) >= 10 && s[4] == '-' && s[7] == '-':
		t, err := time.Parse("2006-01-02", s[:10])
		if err != nil {
			return start, end, false
		}
		return t, t.AddDate(0, 0, 1), true
	}
	return start, end, false
}

// dateKey is a sortable day for a date ("" sorts first when unreadable).
func dateKey(s string) string {
	st, _, ok := dateRange(s)
	if !ok {
		return ""
	}
	return st.Format("2006-01-02")
}

// inWindow reports whether a date (as stored: a prefix of YYYY-MM-DD or a
// week) falls in [from, to], both prefixes of YYYY-MM-DD and optional, the
// way the store filters events.
func inWindow(date, from, to string) bool {
	if from == "" && to == "" {
		return true
	}
	day := dateKey(date)
	if day == "" {
		return false
	}
	if from != "" && day < from {
		return false
	}
	if to != "" && len(to) <= len(day) && day[:len(to)] > to {
		return false
	}
	return true
}
