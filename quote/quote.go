// Package quote finds what people are reported to have said, thought or
// stood for, as PolNeAR annotates attributions: direct quotes in quotation
// marks, indirect ones (`X said that …`, `according to X, …`, `a poll
// found …`, `Trump attacked the plan`, `his promise to …`) and mixed ones
// (the writer's clause holding a quoted part), each with its speaker entity,
// the cue as written and the venue (`in an interview with Time Magazine`,
// `told the BBC`, `on Telegram`, `in a statement`).
//
// It reads the tokens and sentences of segment/, the part-of-speech tags of
// tag/ when present, and the mentions and entities of mention/ and entity/.
// Quotation marks are paired per paragraph (two apostrophes together count as one
// double mark, as the New York Times writes them); a cue is a reporting
// verb of a broad lexicon in all its inflections (say, warn; tell; call,
// describe; believe; and stance verbs with an object: support, cite, call
// for, complain about), a verb with its particle, or a noun of statement
// owned by a possessive (`Trump's claim that`). A verb must stand where a
// verb can (not after a determiner, not a passive); its subject is the noun
// phrase before it (or after it: `"…," said X`; a title's dot and a
// bracket such as `(D-Wis.)` stay inside), and the speaker is the entity of
// the mention heading that phrase.
//
// A quotation is direct when it stands as its own clause next to its cue;
// when the writer's words share the clause (`With many systems, "…," he
// said`, `tweeted that, "…"`, `"…" to drive up the price, she said`,
// `called the plan "a disgrace"`) the clause is one mixed quote. A stance
// verb's content is its object up to the clause's comma; a cue set off by
// commas (`The museum, Obama said, would …`) reports the whole sentence.
// A quotation with no cue takes the cue of a paragraph ending in a colon,
// a dash credit after it (`"…" ― Karen Smith`), a verb of any kind right by
// it (`"…," Smith snapped`, `Jones fired back: "…"`, `"…." Smith said.`),
// a name labelling it before a colon (speaker.go), or continues the
// speaker of the quote before it when it opens a sentence (past a
// connective: `But "…"`) of that paragraph or the next paragraph;
// otherwise its speaker is -1: the stage never guesses. A partial
// quotation inside the clause of its cue (`credited him with holding
// "…"`) is one mixed quote with that clause.
//
// The speaker is the entity of the cue's subject, read past a time between
// it and the verb (`the board on Monday rejected`, `a poll released last
// week found`) and never inside a quotation. A subject that no
// mention stands for (`the heckler yelled`, `a new poll found`), and the
// writer's I, we or you outside the quotation marks, becomes a
// description entity of its own (entity.Describe); a subject pronoun the
// entity layer left alone takes the speaker of the quote before when the
// kinds fit (`"…," the company wrote. It added, "…"`; entity.Attach). The
// entity layer makes a speaking he or she look further back than other
// pronouns, and a relative "who" a mention of the name before it, so that
// `X, who said …` has its speaker's mention at the source.
//
// Titles of works in quotation marks (`an interview with "Time Magazine"`),
// names, section heads in single marks, scare quotes (one or two
// lowercase words with no cue), and passages that nothing credits and
// that read as names or slogans (eight words or fewer not ending as a
// sentence, a passage after a dash, single marks in the headline) are not
// quotes.
//
// Headlines and transcripts credit a paragraph to the label before its
// colon (`Graham: …`, `Poll: …`; headline.go). What the writer reports as
// expected, apparent or reported with no source (`X is expected to …`, `it
// appears that …`, `X is reportedly …`) and the question put to a speaker
// (`Asked whether …`) are quotes with speaker -1 (impersonal.go), as PolNeAR
// annotates them; so is a sentence that opens with the poll it reports
// (`In a CBS News poll, …`), with the poll as source.
//
// Measured with `newsgraph eval --only quotes` on PolNeAR converted by
// `newsgraph convert polnear` (evaluation only; rules tuned on train and
// dev), test split, 84 articles: all attributions P 0.786 R 0.681 F1 0.730,
// speaker accuracy 0.895; direct P 0.892 R 0.942 F1 0.917, speaker 0.931
// (486 of 522); indirect F1 0.608, speaker 0.879; mixed F1 0.690, speaker
// 0.893. Dev: all P 0.802 R 0.686 F1 0.739, speaker 0.912; direct F1 0.923,
// speaker 0.946; indirect F1 0.619; mixed F1 0.758. Train: all F1 0.715,
// direct 0.918, indirect 0.585, speaker 0.898.
// Indirect recall (0.55) is what limits it most: PolNeAR counts a long
// tail of verbs, nouns and participles as cues (`a group backing Bush`,
// `support for`, `in the polls`), and a content span that differs from
// PolNeAR's by a trailing phrase or a leading clause fails the half-union
// match. Direct precision is bounded by quotations PolNeAR leaves out (of
// the direct quotes that match no gold quote on train, most have a cue and
// a speaker) and by quotations it joins with the writer's clause or with
// the next one. Speakers still fail for quotations with no cue by them that
// follow a sentence naming no speaker (most of the direct errors), where a
// cue's words run past an aside before the quotation (`Beck joked, again
// using an accent, "…"`), where PolNeAR credits the outlet of `according
// to` rather than the person quoted, and where a pronoun is resolved to the
// wrong person.
//
// # Invariants
// Quotes are ordered by Start and do not overlap; Text[q.Start:q.End] ==
// q.Text; Speaker is -1 or a valid entity index; CueAt and VenueAt, when not
// zero, hold Cue and Venue as written. SpeakerAt is the mention used for the
// speaker, or, when no mention stands there, the noun phrase read as the
// subject of the cue (then Speaker is -1). The stage may add description
// mentions and entities and attach pronoun mentions (entity.Describe,
// entity.Attach), keeping mentions in text order and entities in order of
// first mention.
//
// # Concurrency
// Find keeps no state between documents; the lexicons are built once and
// never changed, so the stage is safe for concurrent use.
//
// # Performance
// One pass over the tokens for the marks, one for the cues, at most one map
// lookup per token lowered into a stack buffer (cueHeads) before any
// other, and none for the words whose first and last letters and length
// match no cue head (mayBeCueHead): no allocation per token. 25 to 40 MB/s
// on the model article on one loaded core (BenchmarkFind) with a lookup
// for every word; median of 6 runs 32 → 44 MB/s with the filter.
package quote

import (
	"sort"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph"
)

// Stage is the quote stage of the pipeline.
var Stage = newsgraph.StageFunc{StageName: "quote", Fn: func(d *newsgraph.Document) error {
	Find(d)
	return nil
}}

// Find fills d.Quotes from the tokens, sentences, mentions and entities of d.
func Find(d *newsgraph.Document) {
	d.Quotes = d.Quotes[:0]
	if len(d.Tokens) == 0 || len(d.Sentences) == 0 {
		return
	}
	a := &analyzer{d: d, toks: d.Tokens}
	a.inQuote = make([]int32, len(d.Tokens))
	a.claimed = make([]bool, len(d.Tokens))
	a.indexMentions()
	a.pairMarks()
	a.classifySpans()
	a.findCues()
	a.directQuotes()
	a.headlines()
	a.indirectQuotes()
	a.impersonalQuotes()
	a.leftoverSpans()
	a.plainVerbCues()
	a.describeSpeakers()
	a.continueSpeakers()
	a.dropUncredited()
	a.pronounSpeakers()
	a.emit()
}

// analyzer holds the working state for one document.
type analyzer struct {
	d        *newsgraph.Document
	toks     []newsgraph.Token
	inQuote  []int32 // per token: 1 + the index of the quoted span holding it (marks included), 0 if none
	claimed  []bool  // per token: inside the content of a quote already made
	spans    []qspan
	cues     []cue
	mentions []int // indexes of mentions with an entity, by Start
	quotes   []draft
	buf      [48]byte
	lows     []byte // the lowercase forms of the tokens (lowerTokens), token k's ending at lowEnds[k+1]
	lowEnds  []int
}

// draft is a quote under construction.
type draft struct {
	newsgraph.Quote
	span   int // the quoted span it was made from, or -1
	hasCue bool
	// impersonal: a quote with no source by its nature (a forecast, a
	// question put), which no later quotation continues
	impersonal bool
	// dropped: found to be no quote after all (dropUncredited)
	dropped  bool
	firstTok int
	lastTok  int // exclusive
}

func (a *analyzer) indexMentions() {
	ms := a.d.Mentions
	for i := range ms {
		m := &ms[i]
		if m.Entity >= 0 && m.Entity < len(a.d.Entities) && m.Start < m.End && m.End <= len(a.d.Text) {
			a.mentions = append(a.mentions, i)
		}
	}
	sort.SliceStable(a.mentions, func(i, j int) bool {
		return ms[a.mentions[i]].Start < ms[a.mentions[j]].Start
	})
}

// low returns the lowercase form of token k's text for a map lookup, empty
// for a k outside the document (rules look a few tokens ahead). The result
// aliases a.lows: read it, do not change it.
func (a *analyzer) low(k int) []byte {
	if k < 0 || k >= len(a.toks) {
		return nil
	}
	if a.lowEnds == nil {
		a.lowerTokens()
	}
	lo, hi := a.lowEnds[k], a.lowEnds[k+1]
	return a.lows[lo:hi:hi]
}

// lowerTokens fills a.lows and a.lowEnds with the lowercase form (lower) of
// every token, once a document: the rules ask for the same tokens' forms
// many times over.
func (a *analyzer) lowerTokens() {
	n := 0
	for i := range a.toks {
		n += min(len(a.toks[i].Text), len(a.buf))
	}
	a.lows = make([]byte, 0, n)
	a.lowEnds = make([]int, len(a.toks)+1)
	for i := range a.toks {
		a.lows = append(a.lows, lower(&a.buf, a.toks[i].Text)...)
		a.lowEnds[i+1] = len(a.lows)
	}
}

func (a *analyzer) is(k int, m map[string]bool) bool {
	if k < 0 || k >= len(a.toks) {
		return false
	}
	return m[string(a.low(k))]
}

func (a *analyzer) word(k int) bool {
	return k >= 0 && k < len(a.toks) && (a.toks[k].Kind == newsgraph.Word || a.toks[k].Kind == newsgraph.Number)
}

func (a *analyzer) textIs(k int, s string) bool {
	return k >= 0 && k < len(a.toks) && a.toks[k].Text == s
}

func (a *analyzer) lowIs(k int, s string) bool {
	return k >= 0 && k < len(a.toks) && string(a.low(k)) == s
}

func (a *analyzer) capitalised(k int) bool {
	if !a.word(k) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(a.toks[k].Text)
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

func (a *analyzer) sentenceOf(k int) newsgraph.Sentence { return a.d.Sentences[a.toks[k].Sentence] }

// span returns the bytes of tokens [s, e).
func (a *analyzer) span(s, e int) newsgraph.Span {
	return newsgraph.Span{Start: a.toks[s].Start, End: a.toks[e-1].End}
}

func (a *analyzer) isTerminalPunct(k int) bool {
	switch a.toks[k].Text {
	case ".", "!", "?", "…", "...", ";", ":", ",", "—", "–", "-":
		return a.toks[k].Kind == newsgraph.Punct
	}
	return false
}

// classifySpans tells quotations from titles, names and scare quotes.
func (a *analyzer) classifySpans() {
	for i := range a.spans {
		sp := &a.spans[i]
		words, capWords, lowerFirst := 0, 0, false
		for k := sp.first; k < sp.last; k++ {
			if !a.word(k) {
				continue
			}
			if words == 0 {
				r, _ := utf8.DecodeRuneInString(a.toks[k].Text)
				lowerFirst = unicode.IsLower(r)
			}
			words++
			if a.capitalised(k) || a.is(k, titleSmallWords) {
				capWords++
			}
		}
		lastTok := sp.last - 1
		endsPunct := a.toks[lastTok].Kind == newsgraph.Punct && a.isTerminalPunct(lastTok) ||
			a.toks[lastTok].Kind == newsgraph.QuoteMark
		prev := sp.open - 1
		sent := a.sentenceOf(sp.open)
		atStart := sp.open == sent.FirstToken
		if prev < sent.FirstToken {
			prev = -1
		}
		multi := sp.close < 0 || a.toks[sp.close].Sentence != a.toks[sp.open].Sentence || sp.chainPrev >= 0
		switch {
		case words == 0:
			sp.kind = titleSpan
		case a.sectionHead(sp, words):
			sp.kind = titleSpan
		case (!endsPunct || words <= 6 && a.titlePunct(lastTok)) && words <= 7 && capWords == words && !lowerFirst && !atStart &&
			(prev >= 0 && (a.is(prev, titleLeads) || a.capitalised(prev)) || a.coveredByName(sp)):
			sp.kind = titleSpan
		case words <= 10 && capWords == words && !lowerFirst && sp.close >= 0 && a.namedWork(sp):
			sp.kind = titleSpan
		case words <= 8 && sp.close >= 0 && a.titleAfterWorkNoun(sp, capWords == words):
			sp.kind = titleSpan
		case multi && lowerFirst && prev >= 0 && a.word(prev) && sp.chainPrev < 0:
			// `she said Rowe "knows the tides. She has never lost a boat."`: a
			// lowercase quotation that goes on with the writer's clause is
			// part of it, however many sentences it runs
			sp.kind, sp.runOn = partialSpan, true
		case multi || atStart:
			sp.kind = fullSpan
		case prev >= 0 && (a.textIs(prev, ":") || a.textIs(prev, ",") || a.textIs(prev, "—") || a.textIs(prev, "–")) &&
			(!lowerFirst || endsPunct || words >= 4):
			sp.kind = fullSpan
		case !lowerFirst && endsPunct && words >= 3:
			sp.kind = fullSpan
		case words <= 2 && lowerFirst:
			sp.kind = scareSpan
		default:
			sp.kind = partialSpan
		}
	}
}

// sectionHead reports whether a passage in single marks, or one in
// capitals in double marks, fills its paragraph as a short line: a section
// head ('All Bets Are Off.', 'A quiet harbour.', a phrase of the section
// below, "A QUIET HARBOUR"), not a quotation.
func (a *analyzer) sectionHead(sp *qspan, words int) bool {
	t := a.toks[sp.open].Text
	single := t == "'" || t == "‘" || t == "’"
	if words > 8 || !a.opensParagraph(sp.open) || !single && !a.allCaps(sp) {
		return false
	}
	if sp.close < 0 {
		// `"(CROSSTALK.)` in a transcript: a stage note the paragraph holds
		// alone (an unclosed passage runs to the paragraph's end), never
		// closed
		return !single
	}
	last := sp.close + 1
	for last < len(a.toks) && a.toks[last].Kind == newsgraph.Punct && a.toks[last].Sentence == a.toks[sp.close].Sentence {
		last++
	}
	return last >= len(a.toks) || a.opensParagraph(last)
}

// allCaps reports whether the letters of a quoted passage are all
// capitals, at least two of them: a head or a stage note (`"DIVISIVE AND
// WRONG"`), not words said.
func (a *analyzer) allCaps(sp *qspan) bool {
	n := 0
	for _, r := range a.d.Text[sp.start:sp.end] {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n >= 2
}

// titlePunct reports whether a title may end in the punctuation at k, as
// American style puts a comma or period inside the marks ("on "Face the
// Nation," she said").
func (a *analyzer) titlePunct(k int) bool {
	return a.textIs(k, ",") || a.textIs(k, ".")
}

// titleSmallWords may stand lowercase inside a title ("Meet the Press").
var titleSmallWords = set("the", "of", "and", "a", "an", "in", "on", "for", "to", "at", "de", "der", "la", "le")

// coveredByName reports whether a mention typed as an organisation, work or
// person covers the whole quoted passage: a name, not a quotation.
func (a *analyzer) coveredByName(sp *qspan) bool {
	for _, mi := range a.mentionsIn(sp.start, sp.end) {
		m := a.d.Mentions[mi]
		if m.Start <= sp.start && m.End >= sp.end && m.Kind == newsgraph.NameMention {
			return true
		}
	}
	return false
}

// mentionsIn returns the mentions (with entities) that overlap [s, e).
func (a *analyzer) mentionsIn(s, e int) []int {
	ms := a.d.Mentions
	// mentions start before e; scan back from there (mentions are short)
	hi := sort.Search(len(a.mentions), func(i int) bool { return ms[a.mentions[i]].Start >= e })
	lo := hi
	for lo > 0 && ms[a.mentions[lo-1]].Start >= s-200 {
		lo--
	}
	var out []int
	for _, mi := range a.mentions[lo:hi] {
		if ms[mi].End > s {
			out = append(out, mi)
		}
	}
	return out
}

// emit sorts the quotes, drops any that overlap an earlier one, and writes
// them to the document.
func (a *analyzer) emit() {
	sort.SliceStable(a.quotes, func(i, j int) bool { return a.quotes[i].Start < a.quotes[j].Start })
	end := -1
	for _, q := range a.quotes {
		if q.Start < end || q.End <= q.Start || q.dropped {
			continue
		}
		q.Quote.Text = a.d.Text[q.Start:q.End]
		if q.Speaker < -1 || q.Speaker >= len(a.d.Entities) {
			q.Speaker = -1
		}
		a.d.Quotes = append(a.d.Quotes, q.Quote)
		end = q.End
	}
}

// namedWork reports whether a quoted passage in title case names a work by
// the words around it: `"Broad City" star`, `"Tales From the Crypt," an HBO
// series`, `co-author of "The Trumps"`.
func (a *analyzer) namedWork(sp *qspan) bool {
	k := sp.close + 1
	for k < len(a.toks) && k <= sp.close+2 && a.toks[k].Kind == newsgraph.Punct {
		k++
	}
	if k < len(a.toks) && a.toks[k].Sentence == a.toks[sp.close].Sentence {
		if a.is(k, workNouns) || a.is(k, determiners) && a.is(k+1, workNouns) {
			return true
		}
		if (a.lowIs(k, "a") || a.lowIs(k, "an") || a.lowIs(k, "the")) && a.capitalised(k+1) && a.is(k+2, workNouns) {
			return true // `, an HBO series`
		}
	}
	p := sp.open - 1
	return p > 0 && a.lowIs(p, "of") && a.is(p-1, workNouns)
}

// workNouns name works and the people of works.
var workNouns = set("star", "stars", "series", "host", "hosts", "author", "co-author", "authors", "actor", "actress",
	"creator", "creators", "show", "episode", "episodes", "season", "album", "book", "books", "film", "films",
	"movie", "movies", "novel", "memoir", "documentary", "sitcom", "drama", "comedy", "song", "single",
	"director", "producer", "writer", "editor", "columnist", "anchor", "podcast", "column", "blog", "newsletter")

// titleAfterWorkNoun reports whether a short quoted passage names the work
// of the noun before it, set off by a comma: `her memoir, "Salt And
// Rope,"`, `the documentary, "Low Tide,"`, `Ann Lee's commentary, "Mind
// the harbour," is`. A passage not in title case must be followed by more of the
// writer's sentence, not by the end of it or a cue.
func (a *analyzer) titleAfterWorkNoun(sp *qspan, titleCase bool) bool {
	p := sp.open - 1
	if p < 1 || !a.textIs(p, ",") || !a.is(p-1, workTitleNouns) || a.toks[p].Sentence != a.toks[sp.open].Sentence {
		return false
	}
	if titleCase {
		return true
	}
	k := sp.close + 1
	return k < len(a.toks) && a.toks[k].Sentence == a.toks[sp.close].Sentence && a.word(k) && !a.capitalised(k) &&
		!a.isCueForm(k)
}

// workTitleNouns are kinds of works whose title may follow them after a
// comma.
var workTitleNouns = set("book", "memoir", "autobiography", "biography", "novel", "film", "movie", "documentary",
	"show", "program", "programme", "series", "sitcom", "thriller", "drama", "comedy", "podcast", "album", "song",
	"play", "musical", "commentary", "column", "essay", "op-ed", "editorial", "article", "ad", "advert", "spot",
	"slogan", "newsletter", "blog", "website", "site", "report", "study", "paper", "speech", "poem", "opera")
