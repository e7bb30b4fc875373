package timex

import "strings"

// tense returns the direction that the clause around toks[i:end] points in:
// dirPast, dirFuture or dirNearest (present tense or no evidence). The
// nearest tense-bearing word wins, looking left first within a short
// window, because the verb that a time expression modifies is usually
// close to it ("held … on Friday", "on Friday, Zelensky announced").
func (s *scanner) tense(i, end int) int {
	const window = 12
	// a deadline (by, until, through, due) is read as the nearest date
	if p := s.at(i - 1); p.kind == 0 {
		switch strings.ToLower(p.text) {
		case "by", "until", "till", "through", "due", "effective", "payable", "before":
			return dirNearest
		}
	}
	for d := 1; d <= window; d++ {
		if l := i - d; l >= s.lo {
			if t, ok := s.tenseOf(l); ok {
				return t
			}
		}
		if r := end - 1 + d; r < s.hi {
			if t, ok := s.tenseOf(r); ok {
				return t
			}
		}
	}
	return dirNearest
}

// tenseOf reads the tense signal of one token, from its Penn tag when the
// tagger has run and from word lists otherwise.
func (s *scanner) tenseOf(k int) (int, bool) {
	t := &s.toks[k]
	if t.kind != 0 { // only words carry tense
		return 0, false
	}
	switch t.cls {
	case cTenseFut:
		return dirFuture, true
	case cTensePast:
		return s.auxOf(k, dirPast), true
	case cTensePres:
		// is going to / is expected to / is due to: future
		if n := s.at(k + 1); n.kind == 0 {
			switch strings.ToLower(n.text) {
			case "going", "expected", "due", "scheduled", "set", "slated", "poised", "planning", "to":
				return dirFuture, true
			}
		}
		return dirNearest, true
	case cDeictic:
		switch t.val {
		case dYesterday:
			return dirPast, true
		case dTomorrow:
			return dirFuture, true
		}
	}
	switch strings.ToLower(t.text) {
	case "expected", "scheduled", "planned", "slated", "planning", "plans", "expects", "intends", "tomorrow", "upcoming":
		return dirFuture, true
	}
	if pos := s.doc[k].POS; pos != "" {
		switch pos {
		case "VBD":
			return dirPast, true
		case "VBN":
			return s.auxOf(k, dirPast), true
		case "MD":
			switch strings.ToLower(t.text) {
			case "will", "shall", "'ll", "’ll", "wo":
				return dirFuture, true
			}
			return dirNearest, true
		case "VBZ", "VBP":
			return dirNearest, true
		}
		return 0, false
	}
	w := t.text
	if len(w) > 4 && t.capit == false && strings.HasSuffix(w, "ed") {
		switch strings.ToLower(w) {
		case "expected", "scheduled", "planned", "slated":
			return dirFuture, true
		case "indeed", "need", "speed", "breed", "proceed", "exceed", "succeed", "bleed", "feed", "seed", "shed":
			return 0, false
		}
		return s.auxOf(k, dirPast), true
	}
	return 0, false
}

// auxOf finds the auxiliary that governs a participle at k ("will be
// held", "is expected"): a future auxiliary makes the group future, a
// present one present; otherwise the participle's own reading stands.
func (s *scanner) auxOf(k, own int) int {
	for j := k - 1; j >= s.lo && j >= k-4; j-- {
		t := &s.toks[j]
		if t.kind != 0 {
			return own
		}
		switch t.cls {
		case cTenseFut:
			return dirFuture
		case cTensePres:
			switch strings.ToLower(t.text) {
			case "is", "are", "am":
				return dirNearest
			}
			return own
		case cTensePast:
			return own
		}
		switch strings.ToLower(t.text) {
		case "be", "been", "being", "not", "also", "still", "already", "have", "never", "n't", "just":
			continue
		case "would", "could", "might", "should", "must", "can", "may", "to":
			return dirNearest
		}
		return own
	}
	return own
}
