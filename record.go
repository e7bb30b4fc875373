package newsgraph

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"unicode/utf8"
)

// Record is the JSON form of an analysed article (SPEC §2). Offsets in a
// record count Unicode code points, end exclusive, so that users in Python
// and JavaScript can slice the text with them directly.
type Record struct {
	ID        string           `json:"id"`
	URL       *string          `json:"url"`
	Source    *string          `json:"source"`
	Title     *string          `json:"title"`
	Published *string          `json:"published"`
	Language  string           `json:"language"`
	Text      string           `json:"text"`
	Captions  []RecordCaption  `json:"captions"`
	Dropped   []string         `json:"dropped"`
	Sentences []RecordSpan     `json:"sentences"`
	Entities  []RecordEntity   `json:"entities"`
	Quotes    []RecordQuote    `json:"quotes"`
	Times     []RecordTime     `json:"times"`
	Events    []RecordEvent    `json:"events"`
	Positions []RecordPosition `json:"positions"`
}

type RecordCaption struct {
	Text   string `json:"text"`
	Credit string `json:"credit,omitempty"`
}

type RecordSpan struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

type RecordEntity struct {
	ID        string          `json:"id"`
	Name      string          `json:"name"`
	Type      string          `json:"type"`
	Key       string          `json:"key,omitempty"`
	StandsFor string          `json:"stands_for,omitempty"`
	Aliases   []string        `json:"aliases"`
	Roles     []string        `json:"roles"`
	Mentions  []RecordMention `json:"mentions"`
}

type RecordMention struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Kind  string `json:"kind"`
}

type RecordQuote struct {
	ID      string  `json:"id"`
	Kind    string  `json:"kind"`
	Text    string  `json:"text"`
	Start   int     `json:"start"`
	End     int     `json:"end"`
	Speaker *string `json:"speaker"`
	Cue     *string `json:"cue"`
	Venue   *string `json:"venue"`
}

type RecordTime struct {
	ID    string  `json:"id"`
	Text  string  `json:"text"`
	Start int     `json:"start"`
	End   int     `json:"end"`
	Type  string  `json:"type"`
	Value *string `json:"value"`
}

type RecordEvent struct {
	ID       string        `json:"id"`
	Type     string        `json:"type"`
	Mode     *string       `json:"mode"`
	Actors   []string      `json:"actors"`
	Targets  []string      `json:"targets"`
	Location *string       `json:"location"`
	Time     *string       `json:"time"`
	Date     *string       `json:"date"`
	Polarity string        `json:"polarity"`
	Modality string        `json:"modality"`
	Issue    *string       `json:"issue"`
	Quote    *string       `json:"quote"`
	Trigger  RecordTrigger `json:"trigger"`
}

// RecordPosition is a Position in the record: an actor's stance on an issue
// with its evidence (the event, the quote, the trigger and the phrase).
type RecordPosition struct {
	Actor    string        `json:"actor"`
	Targets  []string      `json:"targets"`
	Issue    string        `json:"issue"`
	Stance   string        `json:"stance"`
	Date     *string       `json:"date"`
	Event    *string       `json:"event"`
	Quote    *string       `json:"quote"`
	Trigger  RecordTrigger `json:"trigger"`
	Evidence RecordTrigger `json:"evidence"`
}

type RecordTrigger struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// DocumentID derives a stable id from the source and the text, so that the
// same article read twice gets the same id.
func DocumentID(source, text string) string {
	h := sha256.New()
	h.Write([]byte(source))
	h.Write([]byte{0})
	h.Write([]byte(text))
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// Runes converts byte offsets of one text to code-point offsets. It walks the
// text once; offsets that fall inside a multi-byte character map to the
// character's start.
type Runes struct {
	idx []int32 // idx[b] = code points before byte b, for b in [0, len(text)]
}

// NewRunes prepares the conversion for text.
func NewRunes(text string) *Runes {
	idx := make([]int32, len(text)+1)
	n := int32(0)
	for i := 0; i < len(text); {
		_, w := utf8.DecodeRuneInString(text[i:])
		for k := 0; k < w; k++ {
			idx[i+k] = n
		}
		i += w
		n++
	}
	idx[len(text)] = n
	return &Runes{idx: idx}
}

// At converts one byte offset to a code-point offset.
func (r *Runes) At(b int) int {
	if b < 0 {
		return 0
	}
	if b >= len(r.idx) {
		return int(r.idx[len(r.idx)-1])
	}
	return int(r.idx[b])
}

func strp(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// EntityID is the record id of entity i.
func EntityID(i int) string { return "e" + strconv.Itoa(i+1) }

// Record builds the JSON record of the document, converting byte offsets to
// code points.
func (d *Document) Record() *Record {
	rs := NewRunes(d.Text)
	r := &Record{
		ID: d.ID, URL: strp(d.URL), Source: strp(d.Source), Title: strp(d.Title),
		Published: strp(d.Published), Language: d.Language, Text: d.Text,
		Dropped: nonNil(d.Dropped),
	}
	if r.Language == "" {
		r.Language = "en"
	}
	r.Captions = []RecordCaption{}
	for _, c := range d.Captions {
		r.Captions = append(r.Captions, RecordCaption{Text: c.Text, Credit: c.Credit})
	}
	r.Sentences = make([]RecordSpan, 0, len(d.Sentences))
	for _, s := range d.Sentences {
		r.Sentences = append(r.Sentences, RecordSpan{rs.At(s.Start), rs.At(s.End)})
	}
	eid := func(i int) *string {
		if i < 0 || i >= len(d.Entities) {
			return nil
		}
		s := EntityID(i)
		return &s
	}
	eids := func(is []int) []string {
		out := []string{}
		for _, i := range is {
			if p := eid(i); p != nil {
				out = append(out, *p)
			}
		}
		return out
	}
	r.Entities = make([]RecordEntity, 0, len(d.Entities))
	for i, e := range d.Entities {
		re := RecordEntity{ID: EntityID(i), Name: e.Name, Type: string(e.Type), Key: e.Key,
			Aliases: nonNil(e.Aliases), Roles: nonNil(e.Roles), Mentions: []RecordMention{}}
		if p := eid(e.StandsFor); p != nil {
			re.StandsFor = *p
		}
		for _, mi := range e.Mentions {
			m := d.Mentions[mi]
			re.Mentions = append(re.Mentions, RecordMention{rs.At(m.Start), rs.At(m.End), m.Text, string(m.Kind)})
		}
		r.Entities = append(r.Entities, re)
	}
	r.Quotes = make([]RecordQuote, 0, len(d.Quotes))
	for i, q := range d.Quotes {
		r.Quotes = append(r.Quotes, RecordQuote{ID: "q" + strconv.Itoa(i+1), Kind: string(q.Kind), Text: q.Text,
			Start: rs.At(q.Start), End: rs.At(q.End), Speaker: eid(q.Speaker), Cue: strp(q.Cue), Venue: strp(q.Venue)})
	}
	r.Times = make([]RecordTime, 0, len(d.Times))
	for i, t := range d.Times {
		r.Times = append(r.Times, RecordTime{ID: "t" + strconv.Itoa(i+1), Text: t.Text, Start: rs.At(t.Start),
			End: rs.At(t.End), Type: string(t.Type), Value: strp(t.Value)})
	}
	r.Events = make([]RecordEvent, 0, len(d.Events))
	for i, v := range d.Events {
		re := RecordEvent{ID: "v" + strconv.Itoa(i+1), Type: v.Type, Mode: strp(v.Mode),
			Actors: eids(v.Actors), Targets: eids(v.Targets), Location: eid(v.Location),
			Date: strp(v.Date), Polarity: string(v.Polarity), Modality: string(v.Modality), Issue: strp(v.Issue),
			Trigger: RecordTrigger{rs.At(v.Trigger.Start), rs.At(v.Trigger.End), v.TriggerText}}
		if v.Time >= 0 && v.Time < len(d.Times) {
			s := "t" + strconv.Itoa(v.Time+1)
			re.Time = &s
		}
		if v.Quote >= 0 && v.Quote < len(d.Quotes) {
			s := "q" + strconv.Itoa(v.Quote+1)
			re.Quote = &s
		}
		if re.Polarity == "" {
			re.Polarity = string(Positive)
		}
		if re.Modality == "" {
			re.Modality = string(Asserted)
		}
		r.Events = append(r.Events, re)
	}
	r.Positions = make([]RecordPosition, 0, len(d.Positions))
	for _, p := range d.Positions {
		a := eid(p.Actor)
		if a == nil {
			continue
		}
		rp := RecordPosition{Actor: *a, Targets: eids(p.Targets), Issue: p.Issue, Stance: string(p.Stance),
			Date:     strp(p.Date),
			Trigger:  RecordTrigger{rs.At(p.Trigger.Start), rs.At(p.Trigger.End), p.TriggerText},
			Evidence: RecordTrigger{rs.At(p.Evidence.Start), rs.At(p.Evidence.End), p.EvidenceText}}
		if p.Event >= 0 && p.Event < len(d.Events) {
			s := "v" + strconv.Itoa(p.Event+1)
			rp.Event = &s
		}
		if p.Quote >= 0 && p.Quote < len(d.Quotes) {
			s := "q" + strconv.Itoa(p.Quote+1)
			rp.Quote = &s
		}
		r.Positions = append(r.Positions, rp)
	}
	return r
}
