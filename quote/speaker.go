package quote

import (
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/entity"
)

// plainVerbCues gives a quotation that no reporting verb of the lexicon
// took the speaker written right by it with a verb of any kind, as news
// writing varies its verbs of speech: `"Go home," Smith barked.`,
// `"This is great!" beamed Ann Lee.`, `Jones fired back: "…"`. The verb
// must stand at the quotation's closing mark or end at the colon before
// its opening one, and its subject must name an entity: a quotation with
// no speaker written by it keeps the speaker of the quotation it goes on
// from (continueSpeakers).
func (a *analyzer) plainVerbCues() {
	for qi := range a.quotes {
		q := &a.quotes[qi]
		if q.hasCue || q.span < 0 || q.Kind != newsgraph.Direct {
			continue
		}
		sp := &a.spans[q.span]
		if sp.kind != fullSpan {
			continue
		}
		c, ok := a.verbAfterClose(sp)
		if !ok {
			c, ok = a.verbBeforeColon(sp)
		}
		if !ok {
			c, ok = a.putItCredit(sp)
		}
		if !ok && !a.fragment(sp) && isDoubleMark(a.toks[sp.open].Text) {
			c, ok = a.labelBeforeColon(sp)
		}
		if !ok {
			continue
		}
		a.cues = append(a.cues, c)
		c = a.cues[len(a.cues)-1]
		q.hasCue = true
		q.Speaker, q.SpeakerAt = c.speaker, c.speakerAt
		cs := a.span(c.tok, c.endTok)
		q.Cue, q.CueAt = a.d.Text[cs.Start:cs.End], cs
	}
}

// verbAfterClose reads `"…," NP verb` and `"…," verb Name` after the
// closing mark, with at most two marks of punctuation between.
func (a *analyzer) verbAfterClose(sp *qspan) (cue, bool) {
	if sp.close < 0 {
		return cue{}, false
	}
	// a quotation that ends in a period ends its sentence: the name
	// after it opens the next one (`"…." Smith smiled and left.`), unless
	// that sentence only says who said it (`"…." Smith said.`)
	if a.textIs(sp.close-1, ".") {
		return a.creditSentence(sp)
	}
	para := a.sentenceOf(sp.close).Paragraph
	k := sp.close + 1
	for n := 0; n < 2 && k < len(a.toks) && a.toks[k].Kind == newsgraph.Punct && !isDash(a.toks[k].Text); n++ {
		k++
	}
	if k >= len(a.toks) || a.sentenceOf(k).Paragraph != para || !a.word(k) {
		return cue{}, false
	}
	end := a.sentenceOf(k).EndToken
	// `"…," Smith barked.`; `"…," Smith notes.` (a verb in -s that the
	// tagger read as a plural noun, when the sentence or clause ends there)
	if s, e, ok := a.npRight(k, end); ok && e < end && ((a.plainVerb(e) || a.toks[e].POS == "VBP" && !a.is(e, auxVerbs)) && a.noObject(e+1, end) || a.nounReadVerb(e, end)) {
		c := cue{tok: e, endTok: e + 1, subjS: s, subjE: e, addrS: -1, speaker: -1, sentence: a.toks[e].Sentence}
		a.resolveSpeaker(&c)
		if a.creditable(&c) {
			return c, true
		}
	}
	// `"…," the two write.`: the noun phrase read took in the verb
	if s, e, ok := a.npRight(k, end); ok && e-1 > s && a.nounReadVerb(e-1, end) {
		c := cue{tok: e - 1, endTok: e, subjS: s, subjE: e - 1, addrS: -1, speaker: -1, sentence: a.toks[e-1].Sentence}
		a.resolveSpeaker(&c)
		if a.creditable(&c) {
			return c, true
		}
	}
	// `"…," Ann Rowe, 30, who was polled, said.`: a reporting verb after
	// the comma that closes words describing a name
	for j := k + 1; j < end && j-sp.close <= 40; j++ {
		if !a.textIs(j-1, ",") || !a.isCueForm(j) {
			continue
		}
		if s, e, ok := a.appositiveName(sp, j); ok {
			c := cue{tok: j, endTok: j + 1, subjS: s, subjE: e, addrS: -1, speaker: -1, sentence: a.toks[j].Sentence}
			a.resolveSpeaker(&c)
			if c.speaker >= 0 {
				return c, true
			}
		}
		break
	}
	// `"…!" beamed Ann Lee.`: an inverted subject must be a name
	if a.plainVerb(k) || a.toks[k].POS == "VBN" && !a.capitalised(k) {
		if s, e, ok := a.npRight(k+1, end); ok && a.capitalised(s) && !a.is(s, pronouns) {
			c := cue{tok: k, endTok: k + 1, subjS: s, subjE: e, inverted: true, addrS: -1, speaker: -1, sentence: a.toks[k].Sentence}
			a.resolveSpeaker(&c)
			if a.creditable(&c) {
				return c, true
			}
		}
	}
	return cue{}, false
}

// nounReadVerb reports whether token k, in the sentence ending at end,
// is a lowercase word in -s or a reporting verb right before the end of
// its clause, as `notes` in `"…," Smith notes.` and `write` in `"…," the
// two write.`, which a tagger may read as nouns.
func (a *analyzer) nounReadVerb(k, end int) bool {
	if !a.word(k) || a.capitalised(k) || a.is(k, auxVerbs) {
		return false
	}
	if _, cueWord := cueWords[string(a.low(k))]; !cueWord && !a.is(k, textVerbs) && !strings.HasSuffix(a.toks[k].Text, "s") {
		return false
	}
	if k+1 >= end || a.textIs(k+1, ".") || a.textIs(k+1, ",") {
		return true
	}
	// `Rowe concludes on the radio`, `Rowe points out`: a particle or
	// a preposition of where or when, and no object after it
	if !a.word(k+1) || a.capitalised(k+1) {
		return false
	}
	return a.is(k+1, afterTrailingCue) || a.is(k+1, verbParticles) && a.noObject(k+1, end)
}

// noObject reports whether what follows a verb at token k (before end)
// says how, where or when, not what: the sentence's end, punctuation,
// a particle, an adverb or a preposition (`Smith barked at the crowd`,
// not `Smith broke his silence`).
func (a *analyzer) noObject(k, end int) bool {
	for k < end && a.word(k) && a.adverbOrParticle(k) {
		k++
	}
	return k >= end || !a.word(k) || a.is(k, afterTrailingCue)
}

// creditSentence reads the sentence after a quotation that ends in a
// period when it only credits it: `"…." Smith said.`, `"…." Smith wrote
// in a statement.` The verb is a reporting verb and nothing but where,
// when or to whom follows it.
func (a *analyzer) creditSentence(sp *qspan) (cue, bool) {
	k := sp.close + 1
	if k >= len(a.toks) || a.toks[k].Sentence == a.toks[sp.close].Sentence || a.sentenceOf(k).Paragraph != a.sentenceOf(sp.close).Paragraph {
		return cue{}, false
	}
	s := a.sentenceOf(k)
	if k != s.FirstToken {
		return cue{}, false
	}
	ns, ne, ok := a.npRight(k, s.EndToken)
	if !ok || ne >= s.EndToken || !a.isCueForm(ne) || !a.onlyCircumstance(ne+1, a.contentEnd(ne+1, s.EndToken)) {
		return cue{}, false
	}
	c := cue{tok: ne, endTok: ne + 1, subjS: ns, subjE: ne, addrS: -1, speaker: -1, sentence: a.toks[ne].Sentence}
	a.resolveSpeaker(&c)
	if !a.creditable(&c) {
		return cue{}, false
	}
	return c, true
}

// creditable reports whether the subject read for a verb that credits a
// quotation may be its speaker: an entity that speaks (a person, a body, a
// state), or a noun phrase with no mention that describeSpeakers will make
// one of (`"…," the two write`, `"…," a voice over says`).
func (a *analyzer) creditable(c *cue) bool {
	if c.speaker >= 0 {
		return a.speakerType(c.speakerAt)
	}
	return len(a.mentionsIn(c.speakerAt.Start, c.speakerAt.End)) == 0 && a.describable(c.speakerAt)
}

// labelBeforeColon reads a name right before the colon that opens a
// quotation as its speaker: `- Jane Roe: "…"`, `More from Roe and Doe:
// "…"`, `doesn't surprise pollster Jane Roe: "…"`.
func (a *analyzer) labelBeforeColon(sp *qspan) (cue, bool) {
	colon := sp.open - 1
	// `Smith shot back, "…"`: a comma serves as the colon
	if colon <= 0 || !a.textIs(colon, ":") && !a.textIs(colon, ",") || a.toks[colon].Sentence != a.toks[sp.open].Sentence && !a.opensParagraph(sp.open) {
		return cue{}, false
	}
	end := a.toks[colon-1].End
	best := -1
	for _, mi := range a.mentionsIn(a.toks[colon-1].Start, end) {
		m := a.d.Mentions[mi]
		if m.End != end || m.Kind != newsgraph.NameMention {
			continue
		}
		if best < 0 || m.Start < a.d.Mentions[best].Start {
			best = mi
		}
	}
	if best < 0 {
		return cue{}, false
	}
	m := a.d.Mentions[best]
	if t := a.d.Entities[m.Entity].Type; t != newsgraph.Person && t != newsgraph.Org {
		return cue{}, false
	}
	ms, me := a.tokenRange(m.Start, m.End)
	if ms < 0 {
		return cue{}, false
	}
	c := cue{tok: colon, endTok: colon + 1, subjS: ms, subjE: me, addrS: -1, speaker: m.Entity,
		speakerAt: newsgraph.Span{Start: m.Start, End: m.End}, sentence: a.toks[colon].Sentence}
	return c, true
}

// verbBeforeColon reads `NP verb …: "…"`: a clause of a few words whose
// subject opens it and whose verb follows the subject, ending in the
// colon right before the opening mark.
func (a *analyzer) verbBeforeColon(sp *qspan) (cue, bool) {
	colon := sp.open - 1
	// `Smith shot back, "…"`: a comma serves as the colon
	if colon <= 0 || !a.textIs(colon, ":") && !a.textIs(colon, ",") || a.toks[colon].Sentence != a.toks[sp.open].Sentence && !a.opensParagraph(sp.open) {
		return cue{}, false
	}
	s := a.sentenceOf(colon)
	lo := s.FirstToken
	for k := colon - 1; k >= s.FirstToken; k-- {
		if a.inQuote[k] != 0 {
			return cue{}, false
		}
		if a.textIs(k, ",") || a.textIs(k, ";") || isDash(a.toks[k].Text) {
			lo = k + 1
			break
		}
	}
	for lo < colon && a.is(lo, introWords) && a.word(lo) {
		lo++
	}
	ns, ne, ok := a.npRight(lo, colon)
	// `Ann Smith shot back:`: a tagger takes a verb after a name for a
	// noun, and the noun phrase runs over it; a name, a lowercase word and
	// particles or adverbs up to the colon read as subject and verb (when
	// a tagger ran: the text is English)
	if ok && (ne >= colon || !a.plainVerb(ne)) {
		if me := a.nameEnd(ns); me > ns && me < colon && a.word(me) && a.toks[me].POS != "" && !a.capitalised(me) && !a.is(me, auxVerbs) && !a.adverbOrParticle(me) {
			ne = me
			for k := me + 1; k < colon; k++ {
				if !a.word(k) || !a.adverbOrParticle(k) {
					ok = false
				}
			}
			if ok {
				goto verb
			}
		}
	}
	if !ok || ne >= colon || !a.plainVerb(ne) || colon-ne > 5 {
		return cue{}, false
	}
verb:
	// what stands between the verb and the colon says how, not what:
	// particles and adverbs (`fired back forcefully:`)
	for k := ne + 1; k < colon; k++ {
		if !a.word(k) || a.capitalised(k) || a.plainVerb(k) && !a.adverbOrParticle(k) {
			return cue{}, false
		}
		if !a.adverbOrParticle(k) {
			return cue{}, false
		}
	}
	c := cue{tok: ne, endTok: ne + 1, subjS: ns, subjE: ne, addrS: -1, speaker: -1, sentence: a.toks[ne].Sentence}
	a.resolveSpeaker(&c)
	if c.speaker < 0 || !a.speakerType(c.speakerAt) {
		return cue{}, false
	}
	return c, true
}

// putItCredit reads `As Professor Lee put it: "…"` and `Ann Lee, a
// professor of law, put it, "…"`: the idiom credits the quotation after
// its colon or comma to the noun phrase that opens the clause (after
// "as"), past words that describe it.
func (a *analyzer) putItCredit(sp *qspan) (cue, bool) {
	colon := sp.open - 1
	if colon < 3 || !a.textIs(colon, ":") && !a.textIs(colon, ",") || !a.lowIs(colon-1, "it") || !a.lowIs(colon-2, "put") ||
		a.toks[colon].Sentence != a.toks[sp.open].Sentence {
		return cue{}, false
	}
	verb := colon - 2
	s := a.sentenceOf(verb)
	lo := s.FirstToken
	for k := verb - 1; k >= s.FirstToken; k-- {
		if a.inQuote[k] != 0 {
			return cue{}, false
		}
		if a.lowIs(k, "as") || a.textIs(k, ";") {
			lo = k + 1
			break
		}
	}
	for lo < verb && (a.is(lo, introWords) && a.word(lo) || a.textIs(lo, ",")) {
		lo++
	}
	ns, ne, ok := a.npRight(lo, verb)
	if !ok {
		return cue{}, false
	}
	// only an appositive set off by commas or an adverb may stand between
	if ne < verb && !a.textIs(ne, ",") && !(ne == verb-1 && a.adverbOrParticle(ne)) {
		return cue{}, false
	}
	c := cue{tok: verb, endTok: colon, subjS: ns, subjE: ne, addrS: -1, speaker: -1, sentence: a.toks[verb].Sentence}
	a.resolveSpeaker(&c)
	if !a.creditable(&c) {
		return cue{}, false
	}
	return c, true
}

// plainVerb reports whether token k is a finite verb in the past or the
// present third person, not a form of be, have or do: by its tag when a
// tagger ran, else by its ending.
func (a *analyzer) plainVerb(k int) bool {
	if !a.word(k) || a.capitalised(k) || a.is(k, auxVerbs) {
		return false
	}
	if pos := a.toks[k].POS; pos != "" {
		return pos == "VBD" || pos == "VBZ"
	}
	t := a.toks[k].Text
	return strings.HasSuffix(t, "ed")
}

// adverbOrParticle reports whether token k is an adverb or a particle of
// a phrasal verb (`shot back`, `went even further`).
func (a *analyzer) adverbOrParticle(k int) bool {
	if a.is(k, verbParticles) {
		return true
	}
	if pos := a.toks[k].POS; pos != "" {
		return strings.HasPrefix(pos, "RB") || pos == "RP"
	}
	return strings.HasSuffix(a.toks[k].Text, "ly")
}

// speakerType reports whether the mention read at span is a person's, an
// organisation's or a country's: those speak.
func (a *analyzer) speakerType(at newsgraph.Span) bool {
	for _, mi := range a.mentionsIn(at.Start, at.End) {
		m := a.d.Mentions[mi]
		if m.Start == at.Start && m.End == at.End {
			switch a.d.Entities[m.Entity].Type {
			case newsgraph.Person, newsgraph.Org, newsgraph.GPE:
				return true
			}
			return false
		}
	}
	return false
}

// auxVerbs are forms of be, have and do: not verbs of speech alone.
var auxVerbs = set("is", "was", "are", "were", "has", "had", "have", "do", "does", "did", "seemed", "seems", "seem",
	"appeared", "appears", "became", "becomes")

// textVerbs say what a sign, a page or a banner carries (`"…," the sign
// read`); a tagger often takes them for nouns after one.
var textVerbs = set("read", "reads", "said", "says", "stated", "states", "proclaimed", "proclaims", "declared", "declares")

// verbParticles complete a phrasal verb of speech.
var verbParticles = set("back", "up", "out", "on", "in", "off", "again", "further", "even", "then", "later",
	"also", "simply", "quickly", "angrily")

// describeSpeakers gives the quotes whose cue has a subject that no
// mention stands for (`the heckler yelled`, `a new poll found`, `The ad
// says`) the entity of that noun phrase as a description (entity.Describe):
// the speaker is what the text says it is, even when the entity layer knew
// no actor there; so does the writer's I (or a we or you) outside the
// quotation marks. Other pronouns, times and phrases with no noun for a
// head stay without a speaker.
func (a *analyzer) describeSpeakers() {
	var spans []newsgraph.Span
	var which []int // per quote: its span in spans, or -1 (made on the first)
	for qi := range a.quotes {
		q := &a.quotes[qi]
		if q.Speaker >= 0 || !q.hasCue || q.impersonal || q.SpeakerAt.End <= q.SpeakerAt.Start {
			continue
		}
		if !a.describable(q.SpeakerAt) {
			continue
		}
		// `according to a media report`: a source the writer leaves unnamed
		if q.Cue != "" && a.indefiniteSource(q) {
			continue
		}
		if which == nil {
			which = make([]int, len(a.quotes))
			for i := range which {
				which[i] = -1
			}
		}
		i := -1
		for j, sp := range spans {
			if sp == q.SpeakerAt {
				i = j
			}
		}
		if i < 0 {
			i = len(spans)
			spans = append(spans, q.SpeakerAt)
		}
		which[qi] = i
	}
	if len(spans) == 0 {
		return
	}
	ents, remap := entity.Describe(a.d, spans)
	for ci := range a.cues {
		if c := &a.cues[ci]; c.speaker >= 0 && c.speaker < len(remap) {
			c.speaker = remap[c.speaker]
		}
	}
	for qi := range a.quotes {
		q := &a.quotes[qi]
		if q.Speaker >= 0 && q.Speaker < len(remap) {
			q.Speaker = remap[q.Speaker]
		}
		if which[qi] >= 0 {
			q.Speaker = ents[which[qi]]
		}
	}
}

// describable reports whether the tokens at span are a noun phrase that
// may name a speaker: a few words, none of them a pronoun, headed by a
// noun that is no time.
func (a *analyzer) describable(sp newsgraph.Span) bool {
	s, e := a.tokenRange(sp.Start, sp.End)
	if s < 0 || e-s > 6 || e <= s {
		return false
	}
	// the writer's I (or we, or a you addressed) outside the quotation
	// marks: a speaker no other mention names
	if e-s == 1 && a.inQuote[s] == 0 && a.is(s, ownPronouns) {
		return true
	}
	for k := s; k < e; k++ {
		if a.inQuote[k] != 0 || a.is(k, pronouns) || a.is(k, relativeWords) {
			return false
		}
	}
	// `both sides`, `each side`: more than one actor, or one not told
	if a.is(s, groupQuantifiers) {
		return false
	}
	// `Some say`, `many believe`: the quantifier alone is the group that
	// speaks, as the text gives it
	if e-s == 1 && a.is(s, loneQuantifiers) {
		return true
	}
	h := e - 1
	// `47% say`, `4 in 10 said`, `Two in three said`: the share of those
	// polled is who answered
	if a.textIs(h, "%") || a.toks[h].Kind == newsgraph.Number || a.is(h, numberWords) {
		return true
	}
	if !a.word(h) || a.is(h, timeNouns) || a.is(h, weekdays) {
		return false
	}
	// (a capitalised head after other words is a name's, whatever its
	// tag: `the Post`)
	if pos := a.toks[h].POS; pos != "" && !strings.HasPrefix(pos, "NN") && !(h > s && a.capitalised(h)) {
		return false
	}
	// a lone lowercase word with no determiner is no phrase the text
	// gives as an actor (`suddenly`, `climate`) unless tagged a common
	// noun (`expert after expert says`)
	if e-s == 1 && !a.capitalised(s) && !strings.HasSuffix(a.toks[s].Text, "s") && a.toks[s].POS != "NN" {
		return false
	}
	return true
}

// timeNouns head a time, never a speaker (timeWords also holds the
// audiences and statements a cue may name, which may speak: `the crowd
// yelled`, `the statement said`).
var timeNouns = set("week", "month", "year", "morning", "afternoon", "evening", "night", "weekend", "day",
	"days", "weeks", "months", "years", "ago", "time", "times", "a.m.", "p.m.", "am", "pm", "earlier", "later",
	"once", "past", "next", "recent", "first", "second")

// loneQuantifiers stand alone as a subject for those who speak.
var loneQuantifiers = set("some", "many", "most", "others", "few", "several")

// ownPronouns name a speaker by themselves outside a quotation: the
// writer and those the writer speaks for or to.
var ownPronouns = set("i", "we", "you")

// numberWords head a share of those polled (`two in three`).
var numberWords = set("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")

// groupQuantifiers open a phrase of several actors taken one by one or
// together (`both sides`), which no one entity stands for.
var groupQuantifiers = set("both", "each", "either", "neither")

// relativeWords open a relative clause; as subjects they stand for a noun
// before them.
var relativeWords = set("who", "which", "that", "whom", "whose")

// weekdays and months are times, not speakers.
var weekdays = set("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
	"yesterday", "tonight", "january", "february", "march", "april", "may", "june", "july", "august",
	"september", "october", "november", "december")

// indefiniteSource reports whether a quote's source is given by "according
// to" and an indefinite article (`according to a media report`): a source
// the writer leaves unnamed.
func (a *analyzer) indefiniteSource(q *draft) bool {
	if len(q.Cue) < 9 || !strings.EqualFold(q.Cue[:9], "according") {
		return false
	}
	s, _ := a.tokenRange(q.SpeakerAt.Start, q.SpeakerAt.End)
	return s >= 0 && (a.lowIs(s, "a") || a.lowIs(s, "an"))
}

// dropUncredited drops the quoted passages that no cue, credit or earlier
// quotation gave a speaker and that read as names, slogans or headlines
// rather than statements: a short passage that does not end as a sentence
// does (`"Carnage on the road"`, names of shows and campaigns) unless a
// colon introduces it, a passage after a dash (the items of a list of links or of
// posters: `— "No to free lawyers"`), and one in single marks in the
// headline.
func (a *analyzer) dropUncredited() {
	for qi := range a.quotes {
		q := &a.quotes[qi]
		if q.Kind != newsgraph.Direct || q.span < 0 || q.hasCue || q.Speaker >= 0 || q.impersonal {
			continue
		}
		sp := &a.spans[q.span]
		if a.fragment(sp) && !(sp.open > 0 && a.textIs(sp.open-1, ":")) || sp.open > 0 && isDash(a.toks[sp.open-1].Text) ||
			a.toks[sp.open].Sentence == 0 && !isDoubleMark(a.toks[sp.open].Text) {
			q.dropped = true
		}
	}
}

// fragment reports whether a quoted passage is at most eight words and
// does not end in punctuation.
func (a *analyzer) fragment(sp *qspan) bool {
	words, last := 0, -1
	for k := sp.first; k < sp.last; k++ {
		if a.word(k) {
			words++
		}
		last = k
	}
	return words <= 8 && last >= 0 && a.word(last)
}

// pronounSpeakers gives a cue whose subject is a pronoun that the entity
// layer left without an entity the speaker of the quote before it, when
// that quote is in the same paragraph or the one before and its speaker
// fits the pronoun: `"…," the company wrote. It added, "…"`; `They argued
// …` after a group's statement; a he or she after a person's. The pronoun
// becomes a mention of that speaker (entity.Attach).
func (a *analyzer) pronounSpeakers() {
	found := false
	for qi := range a.quotes {
		if q := &a.quotes[qi]; q.Speaker < 0 && q.hasCue && !q.dropped && a.pronounAt(q.SpeakerAt) >= 0 {
			found = true
			break
		}
	}
	if !found {
		return
	}
	order := make([]int, len(a.quotes))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool { return a.quotes[order[i]].Start < a.quotes[order[j]].Start })
	var last *draft
	for _, qi := range order {
		q := &a.quotes[qi]
		if q.dropped {
			continue
		}
		if q.Speaker < 0 && q.hasCue && last != nil && q.SpeakerAt.End > q.SpeakerAt.Start {
			if mi := a.pronounAt(q.SpeakerAt); mi >= 0 {
				para := a.sentenceOf(q.firstTok).Paragraph
				lastPara := a.sentenceOf(last.firstTok).Paragraph
				if para-lastPara <= 1 && a.pronounFits(a.d.Mentions[mi].Text, last.Speaker) && entity.Attach(a.d, mi, last.Speaker) {
					q.Speaker = last.Speaker
				}
			}
		}
		if q.Speaker >= 0 {
			last = q
		}
	}
}

// pronounAt returns the pronoun mention with no entity written exactly at
// span, or -1.
func (a *analyzer) pronounAt(sp newsgraph.Span) int {
	ms := a.d.Mentions
	i := sort.Search(len(ms), func(i int) bool { return ms[i].Start >= sp.Start })
	for ; i < len(ms) && ms[i].Start == sp.Start; i++ {
		if ms[i].End == sp.End && ms[i].Kind == newsgraph.PronounMention && ms[i].Entity < 0 {
			return i
		}
	}
	return -1
}

// pronounFits reports whether a subject pronoun may stand for entity ei:
// it for no person, they for a group or a body, he and she for a person.
func (a *analyzer) pronounFits(pron string, ei int) bool {
	if ei < 0 || ei >= len(a.d.Entities) {
		return false
	}
	t := a.d.Entities[ei].Type
	switch strings.ToLower(pron) {
	case "it":
		return t == newsgraph.Org || t == newsgraph.GPE
	case "they":
		return t == newsgraph.NORP || t == newsgraph.Org || t == newsgraph.Person && strings.HasPrefix(a.d.Entities[ei].Key, "description:")
	case "he", "she":
		return t == newsgraph.Person && !strings.HasPrefix(a.d.Entities[ei].Key, "description:")
	}
	return false
}

// nameEnd returns the token after the name mention that starts at token
// k, or k when none starts there.
func (a *analyzer) nameEnd(k int) int {
	for _, mi := range a.mentionsIn(a.toks[k].Start, a.toks[k].End) {
		m := a.d.Mentions[mi]
		if m.Start == a.toks[k].Start && m.Kind == newsgraph.NameMention {
			if _, e := a.tokenRange(m.Start, m.End); e > k {
				return e
			}
		}
	}
	return k
}
