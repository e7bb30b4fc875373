package newsgraph

import (
	"errors"
	"fmt"
	"time"
)

// Article is one input before analysis: the text of a news report and what is
// known about where it came from. Readers in ingest/ produce it.
type Article struct {
	ID        string // given by the caller; derived from source and text when empty
	URL       string
	Source    string
	Title     string
	Published string // "2025-04-26" or an RFC 3339 time; empty when unknown
	Path      string // the file it was read from, for error messages
	Text      string // plain text, paragraphs separated by blank lines
}

// Document is an article under analysis. Each stage reads the layers that
// earlier stages wrote and adds its own; the text is never changed after the
// clean stage. All offsets inside Go are byte offsets into Text, and every
// stage keeps Text[x.Start:x.End] == x.Text.
type Document struct {
	ID        string
	URL       string
	Source    string
	Title     string
	Published string    // as given
	Date      time.Time // Published parsed; zero when unknown (relative times then stay unresolved)
	Language  string

	Raw      string // the text as read, before cleaning
	Text     string // the cleaned body
	Captions []Caption
	Dropped  []string

	Paragraphs []Span
	Sentences  []Sentence
	Tokens     []Token

	Mentions []Mention
	Entities []Entity
	Quotes   []Quote
	Times    []Time
	Events   []Event
	// Positions are the stances on issues that the events and quotes
	// state, one per actor (SPEC §3); the event stage fills them.
	Positions []Position
}

// Span is a half-open byte range of Document.Text.
type Span struct {
	Start, End int
}

// Len is the length of the span in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Overlaps reports whether two spans share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// Contains reports whether o lies inside s.
func (s Span) Contains(o Span) bool { return s.Start <= o.Start && o.End <= s.End }

// Caption is a photo caption removed from the body, with its credit.
type Caption struct {
	Text   string
	Credit string
}

// Sentence is a sentence of the body and the tokens it holds
// (Tokens[FirstToken:EndToken]).
type Sentence struct {
	Start, End int
	FirstToken int
	EndToken   int
	Paragraph  int
}

// TokenKind tells words from numbers, punctuation and quotation marks.
type TokenKind uint8

const (
	Word TokenKind = iota
	Number
	Punct
	QuoteMark // a quotation mark; Token.Quote says which way it faces
	Symbol
)

// QuoteDir says whether a quotation mark opens or closes a quotation, as far
// as the segmenter can tell from the mark and its neighbours.
type QuoteDir uint8

const (
	NotQuote QuoteDir = iota
	OpenQuote
	CloseQuote
	AmbiguousQuote // a straight " or ' with letters or spaces on both sides
)

// Token is a word, number, punctuation mark or quotation mark. Tokens never
// overlap and are ordered by Start.
type Token struct {
	Start, End int
	Text       string
	Kind       TokenKind
	Quote      QuoteDir
	Sentence   int
	POS        string // part-of-speech tag (Penn), when a tagger has run
}

// EntityType is one of the types of SPEC §2.
type EntityType string

const (
	Person EntityType = "PERSON"
	Org    EntityType = "ORG"
	GPE    EntityType = "GPE"
	Loc    EntityType = "LOC"
	Fac    EntityType = "FAC"
	NORP   EntityType = "NORP"
	EventT EntityType = "EVENT"
)

// MentionKind says how a mention refers to its entity.
type MentionKind string

const (
	NameMention        MentionKind = "name"
	RoleMention        MentionKind = "role"
	PronounMention     MentionKind = "pronoun"
	DescriptionMention MentionKind = "description"
)

// Mention is one place in the text that refers to an actor, place or group.
// Mentions may nest (the GPE "US" inside the role "US President").
type Mention struct {
	Start, End int
	Text       string
	Kind       MentionKind
	Type       EntityType
	Key        string // knowledge-base key when the name is known ("country:RU"), else ""
	Role       string // for a name: the title written before it ("US President")
	Entity     int    // index into Document.Entities; -1 until the entity stage runs
	Sentence   int
}

// Entity is one real-world referent of the document with all its mentions.
type Entity struct {
	Name     string // canonical name: the longest full name seen, or the knowledge base's
	Type     EntityType
	Key      string   // canonical key, stable across documents and spellings
	Aliases  []string // other names it is written as
	Roles    []string // titles and descriptions it is given
	Mentions []int    // indexes into Document.Mentions, in text order
	// StandsFor is the entity of the state that this capital or seat of
	// government stands for when it acts (Moscow, the Kremlin → Russia); -1 if none.
	StandsFor int
}

// QuoteKind tells direct quotes from indirect and mixed ones.
type QuoteKind string

const (
	Direct   QuoteKind = "direct"
	Indirect QuoteKind = "indirect"
	Mixed    QuoteKind = "mixed"
)

// Quote is a statement attributed (or not) to a speaker.
type Quote struct {
	Kind       QuoteKind
	Start, End int // the reported content, without its quotation marks
	Text       string
	Speaker    int  // entity index, -1 when the text does not say
	SpeakerAt  Span // the mention that names the speaker in or near the quote; zero if none
	Cue        string
	CueAt      Span
	Venue      string // "Time Magazine", "a statement", "Twitter"; "" when none
	VenueAt    Span
}

// TimeType is a TIMEX3 type.
type TimeType string

const (
	Date      TimeType = "DATE"
	TimeOfDay TimeType = "TIME"
	Duration  TimeType = "DURATION"
	Set       TimeType = "SET"
)

// Time is a time expression and its TIMEX3 value ("" when it cannot be
// resolved, for example a relative date with no publication date).
type Time struct {
	Start, End int
	Text       string
	Type       TimeType
	Value      string
	Sentence   int
}

// Polarity says whether an event took place or was said not to.
type Polarity string

const (
	Positive Polarity = "positive"
	Negative Polarity = "negative"
)

// Modality says how the text commits to an event.
type Modality string

const (
	Asserted     Modality = "asserted"
	Intended     Modality = "intended"
	Demanded     Modality = "demanded"
	Hypothetical Modality = "hypothetical"
	Reported     Modality = "reported"
)

// Event is a PLOVER event (SPEC §3).
type Event struct {
	Type        string // AGREE, CONSULT, …
	Mode        string // "" when none
	Actors      []int  // entity indexes
	Targets     []int
	Location    int    // entity index, -1 if none
	Time        int    // index into Document.Times, -1 if none
	Date        string // the event's date as a TIMEX3 value, "" if unknown
	Polarity    Polarity
	Modality    Modality
	Issue       string // normalised noun phrase, "" if none
	Quote       int    // index into Document.Quotes, -1 if none
	Trigger     Span
	TriggerText string
	Sentence    int
}

// Stance is how an actor holds an issue in a position.
type Stance string

const (
	StanceDemand  Stance = "demand"  // asks for it (REQUEST)
	StanceReject  Stance = "reject"  // refuses it (REJECT; a negated AGREE or CONCEDE)
	StanceAgree   Stance = "agree"   // accepts it (AGREE; a negated REJECT)
	StanceConcede Stance = "concede" // gives it up or stops insisting (CONCEDE; a negated REQUEST)
	StanceSupport Stance = "support" // backs it (SUPPORT)
	StanceAccuse  Stance = "accuse"  // blames someone for it (ACCUSE)
	StanceAssert  Stance = "assert"  // states what will become of it, in a quote ("X will remain with Y")
)

// Position is one actor's stance on one issue as the document states it:
// the row of the actor × issue × time view of SPEC §3, with its evidence.
// Positions are read from the events of the position types that have an
// issue (Event is then the event's index), and from quoted statements about
// what will become of a place or an issue (Event is then -1 and Quote says
// which quote). A negated event flips the stance ("does not insist on X" is
// a concession) so that a reader of the table need not read polarity.
type Position struct {
	Actor        int   // entity index
	Targets      []int // entity indexes: whom the stance is addressed to or concerns; may be empty
	Issue        string
	Stance       Stance
	Date         string // TIMEX3 value of when the stance was stated or held; "" if unknown
	Event        int    // index into Document.Events, -1 if none
	Quote        int    // index into Document.Quotes, -1 if none
	Trigger      Span   // the words that state the stance
	TriggerText  string
	Evidence     Span // the phrase that states it, from the verb group to the issue
	EvidenceText string
}

// EventTypes are the 16 PLOVER event types.
var EventTypes = []string{
	"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
	"ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}

// Stage is one step of the analysis: it reads the layers that earlier stages
// wrote and adds its own. A stage must be safe to run on many documents at
// once; it keeps no state between documents.
type Stage interface {
	Name() string
	Process(*Document) error
}

// StageFunc adapts a function to a Stage.
type StageFunc struct {
	StageName string
	Fn        func(*Document) error
}

func (s StageFunc) Name() string              { return s.StageName }
func (s StageFunc) Process(d *Document) error { return s.Fn(d) }

// Pipeline runs stages in order.
type Pipeline []Stage

// Errors of the analysis.
var (
	ErrEmpty    = errors.New("empty document")
	ErrTooLarge = errors.New("input too large")
	ErrBinary   = errors.New("binary content")
	ErrNotUTF8  = errors.New("invalid UTF-8")
	ErrBadDate  = errors.New("invalid publication date")
)

// StageError reports which stage failed on which document.
type StageError struct {
	Stage string
	Doc   string
	Err   error
}

func (e *StageError) Error() string { return fmt.Sprintf("%s: stage %s: %v", e.Doc, e.Stage, e.Err) }
func (e *StageError) Unwrap() error { return e.Err }

// Run passes the document through every stage. A panic in a stage is a bug;
// it is turned into an error naming the stage so that a batch can go on.
func (p Pipeline) Run(d *Document) (err error) {
	for _, s := range p {
		if err := runStage(s, d); err != nil {
			return err
		}
	}
	return nil
}

func runStage(s Stage, d *Document) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = &StageError{Stage: s.Name(), Doc: d.ID, Err: fmt.Errorf("panic: %v", r)}
		}
	}()
	if err := s.Process(d); err != nil {
		return &StageError{Stage: s.Name(), Doc: d.ID, Err: err}
	}
	return nil
}

// SentenceOf returns the index of the sentence holding byte offset off, or -1.
func (d *Document) SentenceOf(off int) int {
	lo, hi := 0, len(d.Sentences)
	for lo < hi {
		m := (lo + hi) / 2
		switch {
		case off < d.Sentences[m].Start:
			hi = m
		case off >= d.Sentences[m].End:
			lo = m + 1
		default:
			return m
		}
	}
	return -1
}

// SentenceTokens returns the tokens of sentence i.
func (d *Document) SentenceTokens(i int) []Token {
	s := d.Sentences[i]
	return d.Tokens[s.FirstToken:s.EndToken]
}

// EntityOfMention returns the entity index of the mention covering exactly
// span sp, or -1.
func (d *Document) EntityAt(sp Span) int {
	for _, m := range d.Mentions {
		if m.Start == sp.Start && m.End == sp.End {
			return m.Entity
		}
	}
	return -1
}
