package quote

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph"
)

// newDraft makes a quote of bytes [s, e) with cue c (nil: none).
func (a *analyzer) newDraft(kind newsgraph.QuoteKind, s, e, firstTok, lastTok, span int, c *cue) draft {
	q := draft{Quote: newsgraph.Quote{Kind: kind, Start: s, End: e, Speaker: -1}, span: span,
		firstTok: firstTok, lastTok: lastTok}
	if c != nil {
		q.hasCue = true
		q.Speaker = c.speaker
		q.SpeakerAt = c.speakerAt
		cs := a.span(c.tok, c.endTok)
		q.Cue, q.CueAt = a.d.Text[cs.Start:cs.End], cs
		q.Venue, q.VenueAt = c.venue, c.venueAt
		c.used = true
	}
	for k := firstTok; k < lastTok; k++ {
		a.claimed[k] = true
	}
	return q
}

// directQuotes makes a quote of every quoted passage that stands as a
// quotation, with the cue right after it (`"…," he said`) or before it
// (`He said: "…"`), and of quoted labels after naming verbs (`described
// the meeting as "very productive"`).
func (a *analyzer) directQuotes() {
	for i := range a.spans {
		sp := &a.spans[i]
		switch sp.kind {
		case fullSpan:
			c := a.cueAfter(sp)
			if c != nil {
				// `With many systems, "there is no single point of
				// failure," he said`: the writer's words and the
				// quotation are one statement
				// (`He had lost his patience: "…," he wrote.` is the
				// writer's introduction and a quotation of its own)
				if lead := a.leadWord(sp); lead >= 0 && a.hasLowerWord(sp) && !a.introducedByColon(sp) && a.addIndirect(c, lead, sp.close+1) {
					continue
				}
				// `Sunday on Fox News channel's "Sunday Morning Futures," Issa
				// said …`: a name in title case after the writer's words
				if a.leadWord(sp) >= 0 && !a.hasLowerWord(sp) && a.cueBefore(sp, false) == nil {
					sp.kind = titleSpan
					continue
				}
			} else {
				// a credit after the quotation is its own (`"…" ― Ann
				// Lee`); the credit before it belongs to the one before
				c = a.dashCredit(sp)
				if c == nil {
					c = a.cueBefore(sp, true)
				}
				if c == nil {
					c = a.cueAbove(sp)
				}
				if c != nil && a.thatBefore(c, sp) && !a.splitQuotation(c) {
					continue // `X said that, "…"`: the clause is the content
				}
				if c == nil && a.wordAfterClose(sp) {
					continue // `"…" to drive up the price, she said`
				}
				if c == nil && a.leadWord(sp) >= 0 {
					// `She argued that it would be better, "because …"`: a
					// cue further back in the sentence reports the clause
					// that holds the quotation (forward makes it mixed)
					if b := a.cueBefore(sp, false); b != nil && b.word.class != thoughtCue && !b.used {
						continue
					}
				}
				// `It is time to lead, he said, "not only by a strong
				// leader, but …"`: the quotation goes on with the writer's
				// clause around the cue
				if c != nil && !c.according && a.lowerStart(sp) && a.textIs(sp.open-1, ",") {
					if lead := a.leadWord(sp); lead >= 0 && lead < min(c.tok, c.subjS) && a.addIndirect(c, lead, sp.close+1) {
						continue
					}
				}
			}
			a.addDirect(i, c)
		}
	}
}

func (a *analyzer) addDirect(i int, c *cue) {
	sp := &a.spans[i]
	endTok := sp.last
	if sp.close >= 0 {
		endTok = sp.close + 1
	}
	q := a.newDraft(newsgraph.Direct, sp.start, sp.end, sp.open, endTok, i, c)
	sp.quote = len(a.quotes)
	a.quotes = append(a.quotes, q)
}

// cueAbove finds the cue of a paragraph that ends in a colon for the
// quotation opening the next one: `He said:` ¶ `"…"`.
func (a *analyzer) cueAbove(sp *qspan) *cue {
	if sp.open == 0 || !a.opensParagraph(sp.open) || !a.textIs(sp.open-1, ":") {
		return nil
	}
	si := a.toks[sp.open-1].Sentence
	var best *cue
	for ci := range a.cues {
		c := &a.cues[ci]
		if c.sentence == si && (c.subjS >= 0 || c.according) && c.word.class != thoughtCue {
			best = c
		}
	}
	return best
}

// dashCredit reads a credit after a quotation, as features print them:
// `"…" ― Karen Smith`. The name must be a person's mention.
func (a *analyzer) dashCredit(sp *qspan) *cue {
	if sp.close < 0 {
		return nil
	}
	k := sp.close + 1
	for k < len(a.toks) && k < sp.close+3 && a.toks[k].Kind == newsgraph.Punct && !isDash(a.toks[k].Text) {
		k++
	}
	if k+1 >= len(a.toks) || !isDash(a.toks[k].Text) {
		return nil
	}
	for _, mi := range a.mentionsIn(a.toks[k+1].Start, a.toks[k+1].End) {
		m := a.d.Mentions[mi]
		if m.Start != a.toks[k+1].Start || m.Type != newsgraph.Person {
			continue
		}
		ms, me := a.tokenRange(m.Start, m.End)
		if ms < 0 {
			return nil
		}
		c := cue{tok: k, endTok: k + 1, subjS: ms, subjE: me, inverted: true, addrS: -1, speaker: -1,
			sentence: a.toks[k].Sentence}
		a.resolveSpeaker(&c)
		a.cues = append(a.cues, c)
		return &a.cues[len(a.cues)-1]
	}
	return nil
}

func isDash(s string) bool { return s == "―" || s == "—" || s == "–" }

// leadWord returns the first word of the writer's own before a quotation
// in its sentence (past opening connectives), or -1 when the quotation
// opens the sentence.
func (a *analyzer) leadWord(sp *qspan) int {
	s := a.sentenceOf(sp.open)
	k := s.FirstToken
	for k < sp.open && (a.toks[k].Kind != newsgraph.Word || a.is(k, introWords) || a.claimed[k] || a.inQuote[k] != 0) {
		k++
	}
	if k >= sp.open {
		return -1
	}
	return k
}

// thatBefore reports whether the writer's own words stand between cue c
// and the quotation: `tweeted that, "…"`, `said on the other hand, "…"`
// report a clause holding a quotation, not a quotation. An addressee, a
// venue, a time or a name may stand there (`told reporters on Friday:`).
func (a *analyzer) thatBefore(c *cue, sp *qspan) bool {
	k := c.endTok
	if c.inverted && c.subjE > k {
		k = c.subjE
	}
	if c.addrS >= 0 && c.addrE > k {
		k = c.addrE
	}
	for ; k < sp.open; k++ {
		if a.inQuote[k] != 0 || a.toks[k].Kind != newsgraph.Word {
			continue
		}
		if a.lowIs(k, "that") {
			return true
		}
		if a.capitalised(k) || a.is(k, afterTrailingCue) || a.is(k, determiners) || a.is(k, venueNouns) ||
			a.is(k, venueModifiers) || a.is(k, timeWords) {
			continue
		}
		return true
	}
	return false
}

// timeWords may stand in a time phrase between a cue and its quotation.
var timeWords = set("week", "month", "year", "morning", "afternoon", "evening", "night", "weekend", "day",
	"days", "weeks", "months", "years", "ago", "time", "times", "statement", "interview", "reporters",
	"journalists", "audience", "crowd", "supporters", "a.m.", "p.m.", "am", "pm", "recent", "past", "next",
	"first", "second", "once", "speech", "remarks", "earlier", "later")

// wordAfterClose reports whether the writer's sentence goes on after the
// quotation's closing mark with a word.
func (a *analyzer) wordAfterClose(sp *qspan) bool {
	if sp.close < 0 || sp.close+1 >= len(a.toks) {
		return false
	}
	k := sp.close + 1
	return a.toks[k].Sentence == a.toks[sp.close].Sentence && a.toks[k].Kind == newsgraph.Word &&
		!a.capitalised(k)
}

// cueAfter finds the cue that follows a quotation's closing mark in the same
// sentence with only punctuation between: `"…," he said`, `"…," said X`.
func (a *analyzer) cueAfter(sp *qspan) *cue {
	if sp.close < 0 {
		return nil
	}
	si := a.toks[sp.close].Sentence
	// "…?" Graham asked: the segmenter may end the sentence at the mark
	next := -1
	// (a quotation that ends in a period ends the sentence: `"…campaign."
	// Ohio Gov. John Kasich said he …` is the next speaker's)
	// (nor does one that a cue before it introduces: `Rowe replied: "…?"
	// Her rivals quoted it`)
	if s := a.d.Sentences[si]; s.EndToken == sp.close+1 && si+1 < len(a.d.Sentences) &&
		a.d.Sentences[si+1].Paragraph == s.Paragraph && !a.textIs(sp.close-1, ".") && !a.introducedByCue(sp) {
		next = si + 1
	}
	for ci := range a.cues {
		c := &a.cues[ci]
		if c.sentence != si && c.sentence != next || c.tok <= sp.close || c.used && !c.according {
			continue
		}
		first := c.tok
		if !c.inverted && c.subjS >= 0 && c.subjS < first {
			first = c.subjS
		}
		if c.according {
			first = c.tok
		}
		ok := true
		for k := sp.close + 1; k < first; k++ {
			if a.toks[k].Kind != newsgraph.Punct {
				ok = false
				break
			}
		}
		if ok && first-sp.close <= 3 {
			return c
		}
		// `"…," the tall, 60-year-old clerk said`, `"…," the
		// harbour master, Ann Rowe, told`: the subject read is the end of a
		// noun phrase that starts after the closing mark
		if !ok && !c.inverted && !c.according && first-sp.close <= 10 && a.nounPhraseWords(sp.close+1, first) {
			return c
		}
		// `"…," Ann Rowe, 30, who was polled, said`: the cue may come
		// after words that describe the name (and a verb of theirs)
		for cj := ci; cj < len(a.cues); cj++ {
			if d := &a.cues[cj]; d.sentence == c.sentence && !d.used && a.nameBeforeAppositive(sp, d) {
				return d
			}
		}
		return nil
	}
	return nil
}

// nounPhraseWords reports whether tokens [lo, hi) may open a noun phrase
// that goes on at hi: a determiner or a capitalised word first, then words
// that are no verb, preposition, relative or "that", and commas or hyphens
// (a phrase after the quotation with a preposition is the writer's: `"…"
// at the convention`).
func (a *analyzer) nounPhraseWords(lo, hi int) bool {
	for lo < hi && a.toks[lo].Kind == newsgraph.Punct && lo <= hi-1 && (a.textIs(lo, ",") || a.textIs(lo, "?") || a.textIs(lo, "!")) {
		lo++
	}
	if lo >= hi || !a.word(lo) || !a.is(lo, determiners) && !a.capitalised(lo) {
		return false
	}
	for k := lo; k < hi; k++ {
		if a.inQuote[k] != 0 {
			return false
		}
		if a.toks[k].Kind == newsgraph.Punct {
			if !a.textIs(k, ",") && !a.textIs(k, "-") && !a.abbrevDot(k) {
				return false
			}
			continue
		}
		if !a.word(k) || a.isCueForm(k) || a.is(k, relativeWords) || a.lowIs(k, "that") || a.is(k, pronouns) ||
			strings.HasPrefix(a.toks[k].POS, "VB") && a.toks[k].POS != "VBN" && a.toks[k].POS != "VBG" || a.toks[k].POS == "MD" ||
			a.toks[k].POS == "IN" || a.toks[k].POS == "TO" || a.is(k, afterTrailingCue) {
			return false
		}
	}
	return true
}

// nameType returns the type of the entity of the name mention that starts
// at token k, or "" when none starts there.
func (a *analyzer) nameType(k int) newsgraph.EntityType {
	for _, mi := range a.mentionsIn(a.toks[k].Start, a.toks[k].End) {
		m := a.d.Mentions[mi]
		if m.Start == a.toks[k].Start && m.Kind == newsgraph.NameMention {
			return a.d.Entities[m.Entity].Type
		}
	}
	return ""
}

// nameBeforeAppositive reads `"…," Ann Rowe, 30, of Dover, Del., who
// was polled, said`: a person's name right after the closing mark, set off
// by a comma from words that describe it, then the cue c after a comma.
// The name becomes the subject of c.
func (a *analyzer) nameBeforeAppositive(sp *qspan, c *cue) bool {
	if c.according || c.inverted || c.tok <= sp.close || !a.textIs(c.tok-1, ",") {
		return false
	}
	s, e, ok := a.appositiveName(sp, c.tok)
	if !ok {
		return false
	}
	saved := *c
	c.subjS, c.subjE = s, e
	a.resolveSpeaker(c)
	if c.speaker < 0 {
		*c = saved
		return false
	}
	return true
}

// appositiveName returns the tokens [s, e) of a person's name that follows
// the closing mark of sp (past its punctuation, a title such as `Mr.`
// included) and a comma after it that opens words describing the name up
// to token verb: no sentence end, no quotation, at most 40 tokens.
func (a *analyzer) appositiveName(sp *qspan, verb int) (int, int, bool) {
	if sp.close < 0 || verb-sp.close > 40 {
		return 0, 0, false
	}
	k := sp.close + 1
	for k < verb && k <= sp.close+2 && a.toks[k].Kind == newsgraph.Punct && !isDash(a.toks[k].Text) {
		k++
	}
	if k >= verb || !a.word(k) {
		return 0, 0, false
	}
	ns := k
	if a.nameEnd(ns) == ns && a.abbrevDot(ns+1) {
		ns += 2 // `Ms. Rowe`: a title before the name
	}
	me := a.nameEnd(ns)
	if me <= ns || me >= verb-1 || !a.textIs(me, ",") || a.nameType(ns) != newsgraph.Person {
		return 0, 0, false
	}
	for j := me; j < verb; j++ {
		if a.inQuote[j] != 0 || a.toks[j].Sentence != a.toks[verb].Sentence {
			return 0, 0, false
		}
		switch a.toks[j].Text {
		case ";", "!", "?", ":":
			return 0, 0, false
		case ".":
			if !a.abbrevDot(j) {
				return 0, 0, false
			}
		}
	}
	return k, me, true
}

// introducedByCue reports whether a reporting verb of the quotation's
// sentence ends right before its opening mark, past a colon or comma
// (`Rowe replied: "…"`).
func (a *analyzer) introducedByCue(sp *qspan) bool {
	p := sp.open - 1
	if p < 1 || !a.textIs(p, ":") && !a.textIs(p, ",") {
		return false
	}
	si := a.toks[sp.open].Sentence
	for ci := range a.cues {
		c := &a.cues[ci]
		if c.sentence == si && c.endTok == p && (c.subjS >= 0 || c.according) {
			return true
		}
	}
	return false
}

// cueBefore finds the nearest cue before a quotation's opening mark in its
// sentence. For a full quotation only a few words may stand between (`told
// reporters on Friday:`); a partial one may sit anywhere in the cue's
// clause.
func (a *analyzer) cueBefore(sp *qspan, full bool) *cue {
	si := a.toks[sp.open].Sentence
	var best *cue
	for ci := range a.cues {
		c := &a.cues[ci]
		if c.sentence != si || c.tok >= sp.open {
			continue
		}
		if c.subjS < 0 && !c.according {
			continue
		}
		best = c
	}
	if best == nil || best.used && best.word.class != speechCue && best.word.class != tellCue {
		return nil
	}
	if best.word.class == thoughtCue {
		return nil
	}
	// no other full quotation between
	end := best.endTok
	if best.inverted && best.subjE > end {
		end = best.subjE
	}
	if best.addrS >= 0 && best.addrE > end {
		end = best.addrE
	}
	if full {
		// `"…," said Ann Rowe, a clerk at the harbour office, "…"`: the
		// second part of a split quotation shares its cue past the words
		// that describe the speaker
		split := best.inverted && a.splitQuotation(best) && (a.textIs(sp.open-1, ",") || a.abbrevDot(sp.open-1))
		if sp.open-end > 10 && !(split && sp.open-end <= 40) {
			return nil
		}
		for k := end; k < sp.open; k++ {
			if split && a.abbrevDot(k) {
				continue // `said Sen. Ann Rowe, R-Del. "…"`
			}
			if q := a.inQuote[k]; q != 0 && a.spans[q-1].kind == fullSpan {
				// a split quotation: `"…," he said, "…"` shares the cue only
				// when the first part took it
				if a.spans[q-1].quote < 0 || !a.quotes[a.spans[q-1].quote].hasCue {
					return nil
				}
			}
			switch a.toks[k].Text {
			case ".", "!", "?", ";":
				return nil
			}
		}
	}
	return best
}

// indirectQuotes makes a quote of the clause that each unused cue reports:
// forward (`X said (that) …`, `According to X, …`) or backward (`…, X said.`).
func (a *analyzer) indirectQuotes() {
	// first a cue that ends its sentence reports all of it before it: it
	// claims its content before a cue inside that content claims a tail of
	// it (`Most voters think the plan will fail, the pollster said.`); then
	// every cue left looks both ways
	for pass := range 2 {
		for ci := range a.cues {
			c := &a.cues[ci]
			if c.used || c.subjS < 0 || a.claimed[c.tok] {
				continue
			}
			s := a.d.Sentences[c.sentence]
			switch {
			case c.according:
				a.according(c, s)
			case pass == 1 && a.asClause(c, s):
			case a.parenthetical(c, s), a.backward(c, s):
			case pass == 1:
				a.forward(c, s, ci)
			}
		}
	}
}

// parenthetical handles a cue set off by commas inside its content: `The
// museum, Mr. Obama said, would make visitors face hard truths`. The
// content is the whole sentence around it.
func (a *analyzer) parenthetical(c *cue, s newsgraph.Sentence) bool {
	first, last := c.subjS, c.endTok
	if c.inverted {
		first, last = c.tok, c.subjE
	}
	if c.addrS >= 0 && c.addrE > last {
		last = c.addrE
	}
	if first-1 <= s.FirstToken || !a.textIs(first-1, ",") || !a.textIs(last, ",") || last+1 >= s.EndToken ||
		!a.word(last+1) || a.lowIs(last+1, "that") {
		return false
	}
	// `…, said Dante Scala, a professor at …`: an appositive of the
	// speaker follows, not the rest of the content
	if w, ok := cueWords[string(a.low(last+1))]; ok && w.form == ingForm {
		return false // `…, Spicer said, adding, "…"`
	}
	if c.inverted && (a.is(last+1, determiners) || a.is(last+1, appositiveOpeners) || a.capitalised(last+1) && !a.textIs(last+1, "I") ||
		a.nounBeforeVerb(last+1, s.EndToken)) {
		return false // `…, said Ann Lee, head of the union`
	}
	start := s.FirstToken
	for k := c.tok - 1; k >= s.FirstToken; k-- {
		if a.claimed[k] {
			start = k + 1
			break
		}
	}
	for start < first && a.is(start, introWords) && a.word(start) {
		start++
	}
	if start < first && a.textIs(start, ",") {
		start++
	}
	// the part before must be a clause's start, not an introduction
	words := 0
	for k := start; k < first-1; k++ {
		if a.word(k) {
			words++
		}
	}
	if words == 0 {
		return false
	}
	return a.addIndirect(c, start, s.EndToken)
}

// appositiveOpeners open a phrase that describes the speaker.
var appositiveOpeners = set("who", "whose", "one", "himself", "herself")

// contentEnd trims a clause's last tokens of sentence-final punctuation.
func (a *analyzer) contentEnd(first, end int) int {
	for end > first && a.toks[end-1].Kind == newsgraph.Punct {
		switch a.toks[end-1].Text {
		case ".", "!", "?", ",", ";", ":", "—", "–", "-", "…", "...", "(", ")":
			end--
			continue
		}
		break
	}
	return end
}

// addIndirect makes an indirect (or mixed) quote of tokens [first, end).
func (a *analyzer) addIndirect(c *cue, first, end int) bool {
	end = a.contentEnd(first, end)
	for k := first; k < end; k++ {
		if a.claimed[k] {
			end = k
			break
		}
	}
	end = a.contentEnd(first, end)
	// a leading "that", comma or colon is not content
	for first < end && (a.lowIs(first, "that") && !a.demonstrativeThat(first, end) || a.toks[first].Kind == newsgraph.Punct) {
		first++
	}
	words := 0
	for k := first; k < end; k++ {
		if a.word(k) {
			words++
		}
	}
	if words < 3 && !((c.word.class == objectCue || c.word.class == namingCue) && words >= 1) {
		return false
	}
	// an unclosed mark is not content to stop in
	kind := newsgraph.Indirect
	for k := first; k < end; k++ {
		if q := a.inQuote[k]; q != 0 {
			sp := &a.spans[q-1]
			if sp.quote >= 0 {
				return false
			}
			if sp.kind != titleSpan {
				kind = newsgraph.Mixed
				sp.absorbed = true
			}
			// keep whole passages: extend to the closing mark
			if sp.close >= 0 && sp.close >= end {
				end = sp.close + 1
			}
		}
	}
	sp := a.span(first, end)
	a.quotes = append(a.quotes, a.newDraft(kind, sp.Start, sp.End, first, end, -1, c))
	return true
}

// according handles "according to X, …", "…, according to X".
func (a *analyzer) according(c *cue, s newsgraph.Sentence) {
	if c.tok == s.FirstToken || c.tok == s.FirstToken+1 && a.word(s.FirstToken) {
		// According to X, content.
		k := c.subjE
		if a.textIs(k, ",") {
			a.addIndirect(c, k+1, s.EndToken)
		}
		return
	}
	if a.textIs(c.tok-1, ",") {
		after := c.subjE
		if after >= s.EndToken-1 || !a.textIs(after, ",") {
			a.addIndirect(c, s.FirstToken, c.tok-1)
			return
		}
		// A, according to X, B: the longer part
		if c.tok-1-s.FirstToken >= s.EndToken-after {
			a.addIndirect(c, s.FirstToken, c.tok-1)
		} else {
			a.addIndirect(c, after+1, s.EndToken)
		}
	}
}

// afterTrailingCue may follow a cue that ends its sentence: a venue, a
// time or a manner, not an object ("…, he said in a statement on Friday").
var afterTrailingCue = set("in", "on", "at", "during", "to", "after", "before", "while", "last", "this",
	"earlier", "later", "recently", "yesterday", "today", "tonight", "via", "through", "from", "when",
	"as", "late", "early", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"again", "also", "too", "then", "afterward", "afterwards", "previously", "shortly", "told", "according",
	"of", "with", "adding", "noting", "saying", "citing", "but", "and", "over", "about", "for", "under",
	"without", "by", "inside", "outside", "near", "amid", "following", "privately", "publicly", "repeatedly",
	"once", "twice", "here", "there", "now", "quietly", "bluntly", "simply", "flatly", "firmly", "since")

// introWords may open a sentence before the content of a trailing cue.
var introWords = set("but", "and", "so", "yet", "still", "however", "now", "also", "instead")

// backward handles a cue that ends its sentence: `…, X said (in a
// statement).` and `…, said X.`
func (a *analyzer) backward(c *cue, s newsgraph.Sentence) bool {
	var lead int
	if c.inverted {
		lead = c.tok - 1
	} else {
		lead = c.subjS - 1
	}
	if lead <= s.FirstToken || !(a.textIs(lead, ",") || a.textIs(lead, "—") || a.textIs(lead, "–")) {
		return false
	}
	// what follows the cue must not be a clause of its own
	after := c.endTok
	if c.inverted {
		after = c.subjE
	}
	if c.addrS >= 0 {
		after = c.addrE
	}
	// "…, said Dante Scala, a professor at …": an appositive of the
	// speaker after the inverted cue, however long, is not content
	appositive := c.inverted && (a.textIs(after, ",") && a.word(after+1) && !a.lowIs(after+1, "that") ||
		a.lowIs(after, "who") || a.lowIs(after, "whose"))
	// `…, Spicer said, adding, "…"`: what follows is the participle's
	if w, ok := cueWords[string(a.low(min(after+1, len(a.toks)-1)))]; ok && w.form == ingForm && a.textIs(after, ",") {
		appositive = true
	}
	if !appositive {
		if a.lowIs(after, "that") || s.EndToken-after > 12 {
			return false
		}
		if after < s.EndToken && a.word(after) && !a.is(after, afterTrailingCue) {
			return false // "…, Zelensky announced unspecified meetings": an object follows
		}
	}
	for k := after; k < s.EndToken && !appositive; k++ {
		if a.inQuote[k] != 0 && a.spans[a.inQuote[k]-1].kind != titleSpan {
			return false
		}
	}
	first := s.FirstToken
	for k := c.tok - 1; k >= s.FirstToken; k-- {
		if a.claimed[k] {
			first = k + 1
			break
		}
	}
	for first < lead && a.is(first, introWords) && a.word(first) {
		first++
	}
	if first < lead && a.textIs(first, ",") {
		first++
	}
	return a.addIndirect(c, first, lead)
}

// partialInClause makes one mixed quote of a partial quotation and the
// words between its cue and it (`urged voters to "send a message"`,
// `credited the win to "a closed primary"`), when nothing another quote
// took and no sentence end stands between.
func (a *analyzer) partialInClause(c *cue, sp *qspan) bool {
	if sp.close < 0 || c.according {
		return false
	}
	start, ok := a.contentStart(c, a.sentenceOf(sp.open))
	if !ok || start > sp.open {
		return false
	}
	for k := start; k < sp.open; k++ {
		if a.claimed[k] || a.inQuote[k] != 0 && a.spans[a.inQuote[k]-1].quote >= 0 {
			return false
		}
	}
	return a.addIndirect(c, start, sp.close+1)
}

// contentStart returns the first token of what cue c reports forward: past
// the verb, its inverted subject, its addressee and a "that" a few words
// on. It is false when an inverted subject is followed by its appositive.
func (a *analyzer) contentStart(c *cue, s newsgraph.Sentence) (int, bool) {
	start := c.endTok
	if c.inverted {
		start = c.subjE
		if a.textIs(start, ",") || a.lowIs(start, "who") || a.lowIs(start, "which") {
			return start, false // `said X, a professor at …`, `said an official who …`: no content follows
		}
	}
	if c.addrS >= 0 && c.addrE > start {
		start = c.addrE
	}
	// "said on Friday that": look a few words ahead for "that"
	for k := start; k < s.EndToken && k < start+8; k++ {
		if a.lowIs(k, "that") {
			if !a.demonstrativeThat(k, s.EndToken) {
				start = k + 1
			}
			break
		}
		if !a.word(k) || a.inQuote[k] != 0 || a.isCueForm(k) || a.is(k, pronouns) ||
			!a.is(k, afterTrailingCue) && !a.is(k, determiners) && !a.capitalised(k) && !a.is(k, venueNouns) && !a.is(k, venueModifiers) {
			break
		}
	}
	return start, true
}

// demonstrativeThat reports whether the "that" at k points at something
// said before (`rejected that idea.`, `denied that.`, `said that won't
// happen`) rather than opening a clause: nothing follows it in tokens
// [k, end) but a phrase of up to three words with no verb, or a finite
// verb of a singular subject follows it right away, where a clause would
// have its subject.
func (a *analyzer) demonstrativeThat(k, end int) bool {
	j := k + 1
	for j < end && j < k+4 && a.word(j) && a.inQuote[j] == 0 {
		pos := a.toks[j].POS
		if strings.HasPrefix(pos, "VB") || pos == "MD" || pos == "IN" || pos == "WDT" || pos == "WP" || a.is(j, pronouns) {
			break
		}
		j++
	}
	// a singular subject's verb: "VBP" after "that" is a noun mistagged
	// (`that aid would arrive`)
	if j == k+1 && a.finiteVerb(j) && a.toks[j].POS != "VBP" {
		return true
	}
	// the phrase ends the sentence or its clause (`Mr.` is no end)
	for ; j < end && !a.textIs(j, ";"); j++ {
		if a.word(j) || a.inQuote[j] != 0 {
			return false
		}
	}
	return true
}

// forward handles `X said (that) …`: the content runs from the verb (past
// its addressee and any "that") to the end of the clause.
func (a *analyzer) forward(c *cue, s newsgraph.Sentence, ci int) {
	start, ok := a.contentStart(c, s)
	if !ok {
		return
	}
	end := s.EndToken
	// a clause opened by "although", "while" ends at its comma
	if a.is(s.FirstToken, subordinators) && a.word(s.FirstToken) {
		for k := start; k < s.EndToken; k++ {
			if a.textIs(k, ",") && a.inQuote[k] == 0 {
				end = k
				break
			}
		}
	}
	// a later cue with its own subject after a comma ends this content,
	// unless the comma closes the phrase the content opens with
	lead := a.openingPhraseEnd(start, end)
	for cj := ci + 1; cj < len(a.cues); cj++ {
		d := &a.cues[cj]
		if d.sentence != c.sentence || d.tok >= end {
			break
		}
		first := d.tok
		if !d.inverted && d.subjS >= start && d.subjS < first {
			first = d.subjS
		}
		p := first - 1
		if p <= lead && d.word.class != speechCue && d.word.class != tellCue {
			continue // `that while he opposed it, he backs …`, not `…, he argued …`
		}
		joined := false
		for p > start && a.word(p) && (a.lowIs(p, "and") || a.lowIs(p, "but") || a.lowIs(p, "while")) {
			p--
			joined = true
		}
		// `…, and Democrats accused`, `— and he noted`, `and said`: a
		// clause of its own
		if p > start && (a.textIs(p, ",") || a.textIs(p, ";") || isDash(a.toks[p].Text)) {
			end = p
			break
		}
		if joined && p > start {
			end = p + 1
			break
		}
	}
	// `Brown, who said the tax was unfair, voted no`: what a relative
	// clause set off by commas reports ends at its closing comma
	if c.relative {
		for k := start + 1; k < end; k++ {
			if a.textIs(k, ",") && a.inQuote[k] == 0 {
				end = k
				break
			}
		}
	}
	// the object of a stance ends with its clause; a that-clause after
	// the verb (`the poll showed that …`) is a clause, not an object
	if (c.word.class == objectCue || c.word.class == namingCue) && !(a.lowIs(start-1, "that") && start-1 >= c.endTok) {
	stance:
		for k := start + 1; k < end; k++ {
			if a.inQuote[k] == 0 && a.toks[k].Kind == newsgraph.Punct {
				switch a.toks[k].Text {
				case ",", ";", "—", "–", "(", ":":
					end = k
					break stance
				}
			}
			// `calling Trump "an orange buffoon," Susan said`: the comma
			// inside the closing mark ends the clause too
			if q := a.inQuote[k]; q != 0 && a.spans[q-1].close == k && a.textIs(k-1, ",") {
				end = k + 1
				break stance
			}
		}
	}
	// `Her support for the levy has angered the board`: the object of a
	// noun cue in the subject of its sentence ends before the sentence's verb
	if a.subjectNounCue(c, s) {
		for k := start + 1; k < end; k++ {
			if a.inQuote[k] == 0 && a.finiteVerb(k) {
				if !a.lowIs(k-1, "that") && !a.lowIs(k-1, "who") && !a.lowIs(k-1, "which") {
					end = k
				}
				break
			}
		}
	}
	// the content stops before a full quotation already made
	for k := start; k < end; k++ {
		if q := a.inQuote[k]; q != 0 && a.spans[q-1].quote >= 0 {
			end = k
			break
		}
	}
	if c.word.class == speechCue && a.onlyCircumstance(start, end) {
		return // `Boistard said in a statement.`: where, not what
	}
	a.addIndirect(c, start, end)
}

// subjectNounCue reports whether cue c is a noun cue with a preposition
// (`his support for`; a that-clause has a verb of its own) with no finite
// verb before it in its sentence: it stands in the
// sentence's subject, so the first finite verb after it is the
// sentence's own.
func (a *analyzer) subjectNounCue(c *cue, s newsgraph.Sentence) bool {
	if !nounCues[string(a.low(c.tok))] || !strings.HasPrefix(a.toks[c.tok].POS, "NN") || c.subjS < 0 || c.subjE > c.tok ||
		c.endTok != c.tok+2 || !a.is(c.tok+1, nounPreps) {
		return false
	}
	for k := s.FirstToken; k < c.tok; k++ {
		if a.finiteVerb(k) || a.inQuote[k] != 0 {
			return false
		}
	}
	return true
}

// contentOpeners open a phrase before the main clause of a content
// (`said that while he opposed the plan, he would …`, `that despite the
// rain, …`).
var contentOpeners = set("while", "although", "though", "whereas", "because", "since", "if", "when", "after", "before",
	"even", "unless", "once", "until", "despite", "given")

// openingPhraseEnd returns the comma that closes a phrase opening the
// content at start after "that" (`that while he opposed it, he …`), or -1:
// what a cue after that comma says is the content's main clause.
func (a *analyzer) openingPhraseEnd(start, end int) int {
	if !a.lowIs(start-1, "that") || !a.word(start) || !a.is(start, contentOpeners) {
		return -1
	}
	for k := start + 1; k < end; k++ {
		if a.inQuote[k] != 0 {
			continue
		}
		switch a.toks[k].Text {
		case ",":
			return k
		case ";", ":", ".":
			return -1
		}
	}
	return -1
}

// leftoverSpans gives quoted passages that no cue took a quote of their
// own: a partial quotation is the sentence subject's (`X sees agreement on
// "most important points"`); a quotation standing alone keeps Speaker -1
// until continueSpeakers links it; scare quotes are dropped.
func (a *analyzer) leftoverSpans() {
	for i := range a.spans {
		sp := &a.spans[i]
		if sp.quote >= 0 || sp.absorbed || sp.kind == titleSpan || sp.kind == scareSpan {
			continue
		}
		if a.claimed[sp.open] {
			continue
		}
		if sp.kind == fullSpan {
			var c *cue
			if h, ok := a.heading(sp.first, sp.last); ok {
				c = &h
			}
			a.addDirect(i, c)
			continue
		}
		// `But Mr. Kim's "execution has been challenged," Mr. Solomon
		// said`: the writer's words and the quotation are one statement
		if c := a.cueAfter(sp); c != nil && a.hasLowerWord(sp) {
			if lead := a.leadWord(sp); lead >= 0 && a.addIndirect(c, lead, sp.close+1) {
				continue
			}
		}
		// `Moore thanked him for "stepping up …"`: the quotation is part
		// of the clause its cue reports, one mixed quote from the cue's
		// content to the closing mark; a cue whose content cannot be
		// read that way still gives the speaker
		if c := a.cueBefore(sp, false); c != nil && c.word.class != thoughtCue {
			if a.partialInClause(c, sp) {
				continue
			}
			a.addDirect(i, c)
			continue
		}
		// with no cue, a partial quotation is kept only as the words of the
		// sentence's subject, when that subject is a known actor
		// (one that runs over sentences stays a quotation of its own)
		s := a.sentenceOf(sp.open)
		ns, ne, ok := a.clauseSubject(s.FirstToken, sp.open)
		if !ok || ns != s.FirstToken && !(ns == s.FirstToken+1 && a.is(s.FirstToken, determiners)) {
			a.keepRunOn(i)
			continue
		}
		// the verb right after the subject is the cue
		if ne >= sp.open || !a.word(ne) || a.capitalised(ne) || a.is(ne, npStop) {
			a.keepRunOn(i)
			continue
		}
		c := cue{tok: ne, endTok: ne + 1, subjS: ns, subjE: ne, addrS: -1, speaker: -1, sentence: a.toks[ne].Sentence}
		a.resolveSpeaker(&c)
		if c.speaker < 0 {
			a.keepRunOn(i)
			continue
		}
		a.findVenue(&c, s)
		if a.partialInClause(&c, sp) {
			continue
		}
		a.addDirect(i, &c)
	}
}

// keepRunOn makes a direct quote of the quoted span i when it runs over
// sentences (classifySpans took it for a partial one only for its
// lowercase start): a passage that long is a quotation even when no
// clause around it reads as its cue.
func (a *analyzer) keepRunOn(i int) {
	if sp := &a.spans[i]; sp.runOn {
		a.addDirect(i, nil)
	}
}

// continueSpeakers gives a quotation with no cue the speaker of the
// quotation it continues: the earlier part of a quotation running over
// paragraphs, or a quotation in the sentence right before.
func (a *analyzer) continueSpeakers() {
	// chains over paragraphs: any part's cue serves all parts
	for i := range a.spans {
		sp := a.spans[i]
		if sp.chainPrev < 0 || sp.quote < 0 {
			continue
		}
		prev := a.spans[sp.chainPrev].quote
		if prev < 0 {
			continue
		}
		p, q := &a.quotes[prev], &a.quotes[sp.quote]
		if !q.hasCue && p.Speaker >= 0 || !q.hasCue && p.hasCue {
			inherit(q, p)
		}
	}
	for i := len(a.spans) - 1; i >= 0; i-- {
		sp := a.spans[i]
		if sp.chainPrev < 0 || sp.quote < 0 {
			continue
		}
		prev := a.spans[sp.chainPrev].quote
		if prev >= 0 && !a.quotes[prev].hasCue && a.quotes[sp.quote].hasCue {
			inherit(&a.quotes[prev], &a.quotes[sp.quote])
		}
	}
	// adjacency: a quotation opening the sentence after a quote (direct,
	// mixed or indirect: `…, Clinton said.` ¶ `"He voted …"`) continues it
	order := make([]int, len(a.quotes))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool { return a.quotes[order[i]].Start < a.quotes[order[j]].Start })
	var last, lastDirect *draft
	for _, qi := range order {
		q := &a.quotes[qi]
		if q.impersonal {
			continue // a question put or a forecast has no speaker to go on
		}
		if q.span >= 0 && !q.hasCue && q.Speaker < 0 {
			sp := a.spans[q.span]
			if sp.chainPrev < 0 && sp.kind == fullSpan && (a.opensSentence(sp.open) || a.afterClosingAbbrev(sp)) {
				s := a.toks[sp.open].Sentence
				lastSent := -1
				if last != nil {
					lastSent = a.toks[last.lastTok-1].Sentence
				}
				// `Weaver said in a statement.` `"Working Americans …"`: a
				// cue that reported nothing itself, in the sentence right
				// before, names the speaker
				if c := a.bareCue(s - 1); c != nil && lastSent < s-1 &&
					a.d.Sentences[s-1].Paragraph >= a.d.Sentences[s].Paragraph-1 {
					q.Speaker, q.SpeakerAt = c.speaker, c.speakerAt
					cs := a.span(c.tok, c.endTok)
					q.Cue, q.CueAt = a.d.Text[cs.Start:cs.End], cs
					q.Venue, q.VenueAt = c.venue, c.venueAt
					q.hasCue = true
				} else if last != nil {
					para, lastPara := a.d.Sentences[s].Paragraph, a.d.Sentences[lastSent].Paragraph
					// a quotation that opens a sentence in the paragraph of the
					// quote before, or opens the next paragraph, goes on with the
					// same speaker, as news writing runs a speaker's quotations
					if last.Speaker >= 0 &&
						(s == lastSent+1 || s == lastSent || para == lastPara || para == lastPara+1 && a.opensParagraph(sp.open)) {
						from := last
						// `"…," Smith said in a film that showed the house. "…"`:
						// a quote inside the clause that credits a quotation
						// does not take over its speaker
						if last.Kind != newsgraph.Direct && lastDirect != nil && lastDirect.CueAt.End > 0 && last.CueAt.End > 0 &&
							a.d.SentenceOf(lastDirect.CueAt.Start) == a.d.SentenceOf(last.CueAt.Start) && lastDirect.Speaker >= 0 {
							from = lastDirect
						}
						inherit(q, from)
					}
				}
			}
		}
		last = q
		if q.Kind == newsgraph.Direct && !q.dropped {
			lastDirect = q
		}
	}
}

// opensSentence reports whether token k opens its sentence, past a
// connective (`But "…"`, `And, "…"`).
func (a *analyzer) opensSentence(k int) bool {
	for j := a.sentenceOf(k).FirstToken; j < k; j++ {
		if !(a.word(j) && a.is(j, introWords)) && !a.textIs(j, ",") {
			return false
		}
	}
	return true
}

// opensParagraph reports whether token k is the first of its paragraph.
func (a *analyzer) opensParagraph(k int) bool {
	s := a.d.Sentences[a.toks[k].Sentence]
	return k == s.FirstToken && a.paraFirstToken(s.Paragraph) == k
}

func inherit(q, from *draft) {
	q.Speaker, q.SpeakerAt = from.Speaker, from.SpeakerAt
	q.Cue, q.CueAt = from.Cue, from.CueAt
	q.Venue, q.VenueAt = from.Venue, from.VenueAt
	q.hasCue = from.hasCue
}

// heading reads a speaker label that opens a passage, as transcripts and
// interviews write them: "WALLACE: …", "Peskov: …". The label is one to
// three capitalised words followed by a colon.
func (a *analyzer) heading(first, last int) (cue, bool) {
	c := cue{subjS: -1, addrS: -1, speaker: -1}
	k := first
	for k < last && k-first < 3 && a.capitalised(k) && !a.is(k, npStop) {
		k++
	}
	if k == first || k >= last || !a.textIs(k, ":") || a.toks[k].Start != a.toks[k-1].End {
		return c, false
	}
	c.tok, c.endTok = k, k+1
	c.subjS, c.subjE = first, k
	c.sentence = a.toks[k].Sentence
	a.resolveSpeaker(&c)
	return c, true
}

// lowerStart reports whether the quotation's first word is lowercase: it
// goes on with a sentence begun outside the marks.
func (a *analyzer) lowerStart(sp *qspan) bool {
	for k := sp.first; k < sp.last; k++ {
		if a.word(k) {
			return !a.capitalised(k)
		}
	}
	return false
}

// bareCue returns the speech cue of sentence si that made no quote and
// ends it (`Weaver said in a statement.`, `she told reporters:`), with a
// speaker, or nil.
func (a *analyzer) bareCue(si int) *cue {
	if si < 0 {
		return nil
	}
	var best *cue
	for ci := range a.cues {
		c := &a.cues[ci]
		if c.sentence != si || c.used || c.speaker < 0 || c.according || c.word.class != speechCue && c.word.class != tellCue {
			continue
		}
		best = c
	}
	if best == nil {
		return nil
	}
	// only a venue, a time or an addressee may follow it
	k := best.endTok
	if best.inverted && best.subjE > k {
		k = best.subjE
	}
	if best.addrS >= 0 && best.addrE > k {
		k = best.addrE
	}
	if !a.onlyCircumstance(k, a.d.Sentences[si].EndToken) {
		return nil
	}
	return best
}

// onlyCircumstance reports whether tokens [k, end) say only where, when or
// to whom something was said (`in a statement on Friday`, `in a recent
// interview`, `to Fox News`), not what.
func (a *analyzer) onlyCircumstance(k, end int) bool {
	for start := k; k < end; k++ {
		if a.claimed[k] || a.inQuote[k] != 0 {
			return false
		}
		// a name counts after a preposition or another name (`to Fox
		// News`, `on Friday`), not as the first word (`Says Abandoning …`)
		name := a.capitalised(k) && k > start
		if a.word(k) && !a.is(k, afterTrailingCue) && !a.is(k, determiners) && !name &&
			!a.is(k, venueNouns) && !a.is(k, venueModifiers) && !a.is(k, timeWords) {
			return false
		}
	}
	return true
}

// hasLowerWord reports whether a quoted passage holds a lowercase word: a
// passage in title case ("Sunday Morning Futures") is a name, not words
// woven into the writer's sentence.
func (a *analyzer) hasLowerWord(sp *qspan) bool {
	for k := sp.first; k < sp.last; k++ {
		if a.word(k) && !a.capitalised(k) && !a.is(k, titleSmallWords) {
			return true
		}
	}
	return false
}

// introducedByColon reports whether a quotation that opens with a capital
// follows a colon: the writer's sentence before it introduces it.
func (a *analyzer) introducedByColon(sp *qspan) bool {
	return sp.open > 0 && a.textIs(sp.open-1, ":") && !a.lowerStart(sp)
}

// afterClosingAbbrev reports whether the quotation of sp opens a sentence
// that the segmenter ran on from an abbreviation ending the one before
// (`… told reporters in Fort Mill, S.C. "It seems …"`): the token before
// the mark ends in a dot and the quotation opens with a capital.
func (a *analyzer) afterClosingAbbrev(sp qspan) bool {
	k := sp.open
	if k < 1 || sp.first >= sp.last || a.inQuote[k-1] != 0 || !a.word(k-1) || !strings.HasSuffix(a.toks[k-1].Text, ".") && !a.abbrevDot(k-1) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(a.toks[sp.first].Text)
	return unicode.IsUpper(r)
}

// splitQuotation reports whether cue c credits a quotation that ends right
// before it (`"…," he said two days later, "…"`): what stands between c
// and the next quotation is then a circumstance of the statement, and the
// next quotation goes on with it.
func (a *analyzer) splitQuotation(c *cue) bool {
	p := c.tok
	if c.subjS >= 0 && c.subjS < p {
		p = c.subjS
	}
	p--
	for p >= 0 && (a.textIs(p, ",") || a.toks[p].Kind != newsgraph.Word && a.inQuote[p] == 0) {
		p--
	}
	if p < 0 || a.inQuote[p] == 0 {
		return false
	}
	sp := a.spans[a.inQuote[p]-1]
	return sp.kind == fullSpan && sp.quote >= 0 && a.quotes[sp.quote].hasCue && a.quotes[sp.quote].CueAt == a.span(c.tok, c.endTok)
}
