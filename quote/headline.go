package quote

import (
	"strings"

	"github.com/newsgraph/newsgraph"
)

// headlines reads a paragraph that opens with a speaker's label and a
// colon, as headlines and transcripts credit what follows: `Graham: Trump's
// rhetoric is destroying the party`, `Poll: Wealthy voters abandon the
// party`, `Clinton to Planned Parenthood: Trump will reverse Roe v. Wade`,
// `TAPPER: Donald Trump released a video on Friday.` The label is a short
// name or description (a mention of a person, organisation or place, or a
// noun of a source such as poll or report); the content runs to the end of
// the paragraph.
func (a *analyzer) headlines() {
	for si, s := range a.d.Sentences {
		k := s.FirstToken
		if k >= s.EndToken || a.claimed[k] || !a.opensParagraph(k) {
			continue
		}
		colon := -1
		for j := k; j < s.EndToken && j-k <= 6; j++ {
			if a.textIs(j, ":") {
				colon = j
				break
			}
			if !a.word(j) && !a.abbrevDot(j) && !a.textIs(j, "-") && !a.textIs(j, "–") && !a.textIs(j, "—") {
				break
			}
		}
		if colon <= k || colon+1 >= len(a.toks) || a.toks[colon].Start != a.toks[colon-1].End {
			continue
		}
		// the label: past a leading tag (`EXCLUSIVE – Roger Stone:`)
		first := k
		for j := k; j < colon; j++ {
			if isDash(a.toks[j].Text) || a.textIs(j, "-") {
				first = j + 1
			}
		}
		end := colon
		for j := first + 1; j < colon; j++ {
			if a.lowIs(j, "to") { // `Clinton to Planned Parenthood:`
				end = j
				break
			}
		}
		if first >= end || !a.capitalised(first) || !a.headlineLabel(first, end) {
			continue
		}
		// the content: the rest of the paragraph, not a quotation made already
		para := s.Paragraph
		last := s.EndToken
		for sj := si + 1; sj < len(a.d.Sentences) && a.d.Sentences[sj].Paragraph == para; sj++ {
			last = a.d.Sentences[sj].EndToken
		}
		start := colon + 1
		// a headline's line ends it (`…'dangerously wrong'; ¶In speech …`)
		for j := start + 1; j < last; j++ {
			if strings.ContainsRune(a.d.Text[a.toks[j-1].End:a.toks[j].Start], '\n') {
				last = j
				break
			}
		}
		if a.nameList(start, last) {
			continue
		}
		if start >= last || a.toks[start].Sentence != si && a.toks[start].Kind != newsgraph.Word {
			continue
		}
		c := cue{tok: colon, endTok: colon + 1, subjS: first, subjE: end, addrS: -1, speaker: -1, sentence: si}
		if q := a.inQuote[start]; q != 0 && a.spans[q-1].quote >= 0 {
			// `Reid: 'Never underestimate him.'`: the quotation that
			// nothing credited is the label's; PolNeAR counts the
			// headline's words as the writer's report of it (indirect)
			if sp := &a.spans[q-1]; sp.close >= 0 && a.contentEnd(start, last) <= sp.close+1 {
				if d := &a.quotes[sp.quote]; !d.hasCue && d.Speaker < 0 {
					a.resolveSpeaker(&c)
					if c.speaker >= 0 || a.is(end-1, sourceNouns) {
						a.cues = append(a.cues, c)
						a.credit(d, &a.cues[len(a.cues)-1])
						d.Kind = newsgraph.Indirect
					}
				}
			}
			continue
		}
		if a.claimed[start] {
			continue
		}
		a.resolveSpeaker(&c)
		if c.speaker < 0 && !a.is(end-1, sourceNouns) {
			continue
		}
		a.cues = append(a.cues, c)
		a.addIndirect(&a.cues[len(a.cues)-1], start, last)
	}
}

// headlineLabel reports whether tokens [s, e) can name who is credited
// with a headline: a few words, each capitalised or a title's small word,
// none a verb, not a time ("6 p.m.") nor a tag (UPDATE, WATCH, VIDEO).
func (a *analyzer) headlineLabel(s, e int) bool {
	if e-s > 5 {
		return false
	}
	for j := s; j < e; j++ {
		if a.abbrevDot(j) {
			continue
		}
		if !a.word(j) || a.is(j, headlineTags) || a.toks[j].Kind == newsgraph.Number {
			return false
		}
		if !a.capitalised(j) && !a.is(j, titleSmallWords) {
			return false
		}
		if pos := a.toks[j].POS; strings.HasPrefix(pos, "VB") && pos != "VBN" && !a.capitalised(j) {
			return false
		}
	}
	return true
}

// headlineTags open a headline without naming a source.
var headlineTags = set("update", "updated", "updates", "watch", "video", "videos", "photos", "photo", "live",
	"breaking", "exclusive", "opinion", "editorial", "analysis", "review", "correction", "note", "editor",
	"editors", "transcript", "abstract", "summary", "related", "read", "more", "see", "also", "listen",
	"q", "a", "question", "answer", "full", "text", "partial", "sources", "source", "credit", "image",
	"caption", "graphic", "chart", "map", "top", "stories", "story", "news", "today", "tonight", "here",
	"what", "why", "how", "who", "when", "where", "day", "week", "part", "chapter", "step", "bottom", "line",
	"follow", "contact", "email", "reach", "subscribe", "sign", "click", "download", "share")

// sourceNouns name a source that is not a named actor: `Poll: …`,
// `Report: …`.
var sourceNouns = set("poll", "polls", "report", "reports", "survey", "surveys", "study", "studies", "sources",
	"officials", "experts", "analysts", "critics", "insiders", "newspaper", "documents", "memo", "audit",
	"probe", "investigation", "lawsuit", "court", "judge", "police", "prosecutors", "aides", "allies")

// nameList reports whether tokens [s, e) are a list of names (`Iowa: Tim
// Albrecht, Brad Anderson, …`) rather than a statement.
func (a *analyzer) nameList(s, e int) bool {
	commas, words, caps := 0, 0, 0
	for j := s; j < e; j++ {
		switch {
		case a.textIs(j, ","):
			commas++
		case a.word(j):
			words++
			if a.capitalised(j) {
				caps++
			}
		}
	}
	return commas >= 3 && 5*caps >= 4*words
}

// credit gives quote q, made with no cue, the cue c and its speaker.
func (a *analyzer) credit(q *draft, c *cue) {
	q.hasCue = true
	q.Speaker, q.SpeakerAt = c.speaker, c.speakerAt
	cs := a.span(c.tok, c.endTok)
	q.Cue, q.CueAt = a.d.Text[cs.Start:cs.End], cs
	c.used = true
}
