package quote

import "github.com/newsgraph/newsgraph"

// appositiveSubject reads the subject of a cue whose verb follows a comma
// that closes an appositive: `Scott Pruitt, the Republican attorney general
// of Oklahoma, said`, `Mr. King, 82, told me`, `Rep. Jim Jordan (R-Ohio),
// an oversight panel member, said`. comma is the token before the verb. The
// subject is the noun phrase before the appositive's opening comma, and it
// must hold a mention with an entity (a name or a description), since only
// then is the reading safe. It returns the tokens [s, e) of that phrase.
func (a *analyzer) appositiveSubject(comma, lo int) (int, int, bool) {
	if comma-1 <= lo || a.inQuote[comma] != 0 && a.spans[a.inQuote[comma]-1].kind != titleSpan {
		return 0, 0, false
	}
	open := -1
	sawCue := false
	for p := comma - 1; p > lo && p >= comma-40; p-- {
		t := &a.toks[p]
		if q := a.inQuote[p]; q != 0 && a.spans[q-1].kind == titleSpan {
			continue // `Ann Rowe, a host of "The Tide," said`: a title in the appositive
		}
		if a.inQuote[p] != 0 || t.Kind == newsgraph.QuoteMark && !a.possessiveMark(p) {
			return 0, 0, false
		}
		if t.Kind == newsgraph.Punct {
			switch t.Text {
			case ",":
				open = p
			case ";", ":", ".", "!", "?":
				if !a.abbrevDot(p) && !(p > 0 && a.toks[p-1].End == t.Start && p+1 < len(a.toks) && a.toks[p+1].Start == t.End) {
					return 0, 0, false
				}
			}
		}
		if open >= 0 {
			break
		}
		if a.word(p) && a.isCueForm(p) {
			sawCue = true
		}
	}
	if open < 0 || open == comma-1 {
		return 0, 0, false
	}
	// a clause of its own (`X, he said,`), unless a relative one that
	// describes the subject (`Sanders, who on Tuesday endorsed Clinton,
	// said`)
	if sawCue && !a.lowIs(open+1, "who") {
		return 0, 0, false
	}
	// the appositive is no clause with a subject of its own
	if a.is(open+1, pronouns) && !a.lowIs(open+1, "who") {
		return 0, 0, false
	}
	end := open - 1
	if a.textIs(end, ")") {
		// a bracket after the name: `(R-Ohio)`
		for p := end - 1; p > lo && p > end-10; p-- {
			if a.textIs(p, "(") {
				end = p - 1
				break
			}
		}
	}
	ns, ne, ok := a.npLeft(end, lo)
	if !ok {
		return 0, 0, false
	}
	for _, mi := range a.mentionsIn(a.toks[ns].Start, a.toks[ne-1].End) {
		m := a.d.Mentions[mi]
		if m.End == a.toks[ne-1].End || m.End+4 >= a.toks[ne-1].End && m.End > a.toks[ne-1].Start {
			switch m.Type {
			case newsgraph.Person, newsgraph.Org, newsgraph.GPE, newsgraph.NORP:
				return ns, ne, true
			}
		}
	}
	return 0, 0, false
}

// hasAppositive sets the subject of c from an appositive before the comma
// at j (see appositiveSubject) and reports whether there was one.
func (a *analyzer) hasAppositive(j, lo int, c *cue) bool {
	ns, ne, ok := a.appositiveSubject(j, lo)
	if ok {
		c.subjS, c.subjE = ns, ne
	}
	return ok
}

// possessiveMark reports whether the mark at token k, outside any quoted
// passage, is the apostrophe of a plural possessive (`the dockers' families`):
// glued to the word before it and followed by a space.
func (a *analyzer) possessiveMark(k int) bool {
	t := a.toks[k].Text
	if a.inQuote[k] != 0 || t != "'" && t != "’" || k == 0 || k+1 >= len(a.toks) {
		return false
	}
	return a.toks[k-1].End == a.toks[k].Start && a.word(k-1) && a.toks[k+1].Start > a.toks[k].End
}
