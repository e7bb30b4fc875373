// Package store defines where analysed documents go and how they are asked
// for again: the Store interface, the domain types it returns (global actors,
// merged events, positions, quotes across documents), the errors, the opaque
// page cursor and Prepare, which turns a record into what a store writes.
// Implementations live in sub-packages (store/sqlite; PostgreSQL later) and
// all pass the conformance suite in store/storetest.
//
// # Invariants
//   - A document is stored once: a second Put of the same id, URL or
//     normalised text (merge.ContentHash) is a duplicate and changes nothing
//     but the input's bookkeeping.
//   - Each document is written atomically with everything derived from it
//     (mentions, actors, merged events, positions, near-duplicate links).
//   - Document returns the record exactly as it was put, byte for byte.
//
// # Concurrency
// A Store is safe for concurrent use; implementations serialise writes.
//
// # Performance
// Prepare does the costly work (JSON encoding, keys, MinHash) so that it runs
// on the analysis workers, not on the one writer.
package store

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/merge"
)

// Errors that callers decide on.
var (
	ErrNotFound  = errors.New("not found")
	ErrBadCursor = errors.New("bad cursor")
	ErrBadQuery  = errors.New("bad query")
)

// Limits of a page.
const (
	DefaultLimit = 50
	MaxLimit     = 500
	// SearchWindow is how many of the most recently stored documents that
	// match a search are ranked by relevance: a bound on the cost of a
	// search for a common word. Pages end after it.
	SearchWindow = 2000
)

// Store keeps analysed documents and answers questions across them.
type Store interface {
	// Put writes documents, each atomically; a batch may share one
	// transaction. Results are in the order of docs.
	Put(ctx context.Context, docs ...*Doc) ([]PutResult, error)
	// Input reports whether an input (a file path, a URL, path#line) has been
	// stored or found to be a duplicate, and the document it gave.
	Input(ctx context.Context, input string) (docID string, ok bool, err error)
	// ContentDoc returns the id of the document with this content hash.
	ContentDoc(ctx context.Context, hash string) (docID string, ok bool, err error)
	// Fail records that an input could not be read or analysed.
	Fail(ctx context.Context, input, reason string) error
	// Failures lists the inputs that failed and have not succeeded since.
	Failures(ctx context.Context, p Page) ([]Failure, string, error)

	// Document returns the record of a document exactly as it was put.
	Document(ctx context.Context, id string) (json.RawMessage, error)
	// DocumentInfo returns what is known about a stored document besides
	// its record: duplicates and near-duplicates.
	DocumentInfo(ctx context.Context, id string) (*DocumentInfo, error)
	// SearchDocuments ranks by relevance the SearchWindow most recently
	// stored documents that match q.
	SearchDocuments(ctx context.Context, q string, p Page) ([]DocumentHit, string, error)
	Actors(ctx context.Context, q ActorQuery, p Page) ([]Actor, string, error)
	Dossier(ctx context.Context, id string) (*Dossier, error)
	Quotes(ctx context.Context, q QuoteQuery, p Page) ([]QuoteHit, string, error)
	// Events lists merged events with the first ListSources sources each.
	Events(ctx context.Context, q EventQuery, p Page) ([]MergedEvent, string, error)
	// EventSources lists the reports of one merged event (its
	// MergedEvent.ID) in the order stored: all of them, where a list of
	// events shows the first few.
	EventSources(ctx context.Context, id string, p Page) ([]EventSource, string, error)
	// Positions lists positions with the first ListSources pieces of
	// evidence each.
	Positions(ctx context.Context, q PositionQuery, p Page) ([]PositionRow, string, error)
	// PositionEvidence lists every piece of evidence of one position (its
	// PositionRow.ID), by document.
	PositionEvidence(ctx context.Context, id string, p Page) ([]Evidence, string, error)
	// ExportRecords calls fn with every stored record in the order stored.
	ExportRecords(ctx context.Context, fn func(json.RawMessage) error) error
	// ExportEvents calls fn with one flat row per stored event report.
	ExportEvents(ctx context.Context, fn func(EventRow) error) error
	Stats(ctx context.Context) (Stats, error)
	// Reconcile decides every join again from the stored keys and their
	// document counts (merge.Plan): it moves keys that Put joined to an
	// actor the plan puts them apart from (a surname alone that another
	// person dominates by now), joins actors that Put could not join
	// because of the order documents came in (a surname alone before the
	// full name), and merges the events that then share their
	// participants. It returns the number of keys moved plus actors joined
	// into others.
	Reconcile(ctx context.Context) (int, error)
	Close() error
}

// Doc is a record ready to store, with everything a store derives from it
// computed by Prepare. A Doc with no Record but a ContentHash records its
// input as a duplicate of the stored document with that hash (found before
// analysis); Put fails for it when there is none.
type Doc struct {
	Record      *newsgraph.Record
	JSON        []byte // the record as returned by Document
	Input       string // where it came from, for skipping on a rerun; may be ""
	ContentHash string // merge.ContentHash of the article's text
	Sketch      []uint64
	Keys        map[string]string // entity id → actor key
}

// Prepare encodes a record and computes its keys and sketch. text is the
// article's text as read (before cleaning): the content hash is taken from
// it so that a rerun can find duplicates before analysing.
func Prepare(rec *newsgraph.Record, text, input string) (*Doc, error) {
	b, err := json.Marshal(rec)
	if err != nil {
		return nil, fmt.Errorf("encode record %s: %w", rec.ID, err)
	}
	if text == "" {
		text = rec.Text
	}
	return &Doc{Record: rec, JSON: b, Input: input, ContentHash: merge.ContentHash(text),
		Sketch: merge.Sketch(rec.Text), Keys: merge.EntityKeys(rec)}, nil
}

// PutStatus says what Put did with a document.
type PutStatus string

const (
	Stored    PutStatus = "stored"
	Duplicate PutStatus = "duplicate" // same id, URL or text as a stored document
)

// PutResult is the outcome of one document of a Put.
type PutResult struct {
	ID     string // the stored document's id (the earlier one for a duplicate)
	Status PutStatus
	// NearDuplicates are stored documents found similar enough to be copies.
	NearDuplicates []string
}

// Failure is an input that could not be stored.
type Failure struct {
	Input    string `json:"input"`
	Reason   string `json:"reason"`
	Attempts int    `json:"attempts"`
	At       string `json:"at"`
}

// Page asks for one page of a list.
type Page struct {
	Limit  int
	Cursor string
}

// Size is the page size with the default and the maximum applied.
func (p Page) Size() int {
	switch {
	case p.Limit <= 0:
		return DefaultLimit
	case p.Limit > MaxLimit:
		return MaxLimit
	}
	return p.Limit
}

// EncodeCursor makes an opaque cursor from a position in a list: the last
// id seen for lists in id order, an offset for ranked lists.
func EncodeCursor(n int64) string {
	return base64.RawURLEncoding.EncodeToString([]byte("c1:" + strconv.FormatInt(n, 10)))
}

// DecodeCursor reads a cursor made by EncodeCursor; "" is the start (0).
func DecodeCursor(c string) (int64, error) {
	if c == "" {
		return 0, nil
	}
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil || !strings.HasPrefix(string(b), "c1:") {
		return 0, ErrBadCursor
	}
	n, err := strconv.ParseInt(string(b[3:]), 10, 64)
	if err != nil || n < 0 {
		return 0, ErrBadCursor
	}
	return n, nil
}

// DocumentInfo is what a store knows about a document besides its record.
type DocumentInfo struct {
	ID             string          `json:"id"`
	URL            string          `json:"url,omitempty"`
	Title          string          `json:"title,omitempty"`
	Published      string          `json:"published,omitempty"`
	Duplicates     int             `json:"duplicates"` // times the same article was put again
	NearDuplicates []NearDuplicate `json:"near_duplicates"`
}

// NearDuplicate links a document to a stored copy of it.
type NearDuplicate struct {
	ID         string  `json:"id"`
	Similarity float64 `json:"similarity"`
}

// DocumentHit is one document found by a search.
type DocumentHit struct {
	ID        string `json:"id"`
	URL       string `json:"url,omitempty"`
	Source    string `json:"source,omitempty"`
	Title     string `json:"title,omitempty"`
	Published string `json:"published,omitempty"`
	Snippet   string `json:"snippet"`
}

// ActorRef names a global actor.
type ActorRef struct {
	ID   string `json:"id"`
	Key  string `json:"key"`
	Name string `json:"name"`
	Type string `json:"type"`
}

// Actor is one real-world referent across all documents.
type Actor struct {
	ActorRef
	Documents    int `json:"documents"`
	MentionCount int `json:"mention_count"`
}

// ActorQuery filters actors: Q searches their names and spellings, Type is
// an entity type (PERSON, ORG, …).
type ActorQuery struct {
	Q    string
	Type string
}

// Spelling is one way an actor is written, and how often.
type Spelling struct {
	Text  string `json:"text"`
	Count int    `json:"count"`
}

// MentionRef is one mention of an actor in one document.
type MentionRef struct {
	Document string `json:"document"`
	Entity   string `json:"entity"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Text     string `json:"text"`
	Kind     string `json:"kind"`
}

// Dossier is everything stored about one actor. Lists are capped at
// DossierLimit items each, the sources of each event at DossierSources;
// the counts are complete, and Next gives where each list goes on.
type Dossier struct {
	Actor
	Names     []Spelling    `json:"names"`
	Roles     []Spelling    `json:"roles"`
	Mentions  []MentionRef  `json:"mentions"`
	Quotes    []QuoteHit    `json:"quotes"`
	Events    []MergedEvent `json:"events"`
	Positions []PositionRow `json:"positions"`
	Counts    struct {
		Quotes    int `json:"quotes"`
		Events    int `json:"events"`
		Positions int `json:"positions"`
	} `json:"counts"`
	// Next holds the cursor of the next page of each list that goes on:
	// quotes?speaker=ID, events?actor=ID, positions?actor=ID; "" when
	// the list is whole. The sources of an event: EventSources.
	Next struct {
		Quotes    string `json:"quotes,omitempty"`
		Events    string `json:"events,omitempty"`
		Positions string `json:"positions,omitempty"`
	} `json:"next"`
}

// DossierLimit caps each list of a dossier.
const DossierLimit = 100

// ListSources caps the sources shown of each event of a list of events,
// and the evidence of each position of a list: wire copy gives an event
// dozens of reports, and a page of fifty such events with all of them was
// half a megabyte. EventSources and PositionEvidence give them all.
const ListSources = 10

// DossierSources caps the sources shown of each event of a dossier: an
// actor in the news for years has events of dozens of reports each, and a
// dossier that carried them all was megabytes. A list of events gives the
// first ListSources and EventSources all of them; SourceCount counts them.
const DossierSources = 3

// QuoteQuery filters quotes: Speaker is an actor id, key or name; Q searches
// the quoted text.
type QuoteQuery struct {
	Speaker string
	Q       string
}

// QuoteHit is one quote of one document.
type QuoteHit struct {
	Document  string    `json:"document"`
	ID        string    `json:"id"`
	Kind      string    `json:"kind"`
	Text      string    `json:"text"`
	Start     int       `json:"start"`
	End       int       `json:"end"`
	Speaker   *ActorRef `json:"speaker"`
	Cue       string    `json:"cue,omitempty"`
	Venue     string    `json:"venue,omitempty"`
	Published string    `json:"published,omitempty"`
}

// EventQuery filters merged events. Actor matches actors and targets (id,
// key or name); From and To bound the date (inclusive, prefixes of
// YYYY-MM-DD).
type EventQuery struct {
	Actor string
	Type  string
	Issue string
	From  string
	To    string
}

// PositionID reads the public id of a position ("p12").
func PositionID(s string) (int64, bool) {
	if len(s) < 2 || s[0] != 'p' {
		return 0, false
	}
	n, err := strconv.ParseInt(s[1:], 10, 64)
	return n, err == nil && n > 0
}

// MergedEventID reads the public id of a merged event ("m12").
func MergedEventID(s string) (int64, bool) {
	if len(s) < 2 || s[0] != 'm' {
		return 0, false
	}
	n, err := strconv.ParseInt(s[1:], 10, 64)
	return n, err == nil && n > 0
}

// EventSource is one report of a merged event.
type EventSource struct {
	Document  string                  `json:"document"`
	Event     string                  `json:"event"`
	Source    string                  `json:"source,omitempty"`
	URL       string                  `json:"url,omitempty"`
	Published string                  `json:"published,omitempty"`
	Modality  string                  `json:"modality"`
	Trigger   newsgraph.RecordTrigger `json:"trigger"`
}

// MergedEvent is one event as reported by one or more documents.
type MergedEvent struct {
	ID       string        `json:"id"`
	Type     string        `json:"type"`
	Date     string        `json:"date,omitempty"`
	Polarity string        `json:"polarity"`
	Issue    string        `json:"issue,omitempty"`
	Actors   []ActorRef    `json:"actors"`
	Targets  []ActorRef    `json:"targets"`
	Sources  []EventSource `json:"sources"`
	// SourceCount counts the documents that report the event.
	SourceCount int `json:"source_count"`
}

// PositionQuery filters positions: Actor is an id, key or name; Issue
// matches the issue (case folded).
type PositionQuery struct {
	Actor string
	Issue string
}

// Evidence is the text a position is read from: the event (or the quote,
// for a stance read from a quoted statement), the trigger word and the
// phrase that states the stance.
type Evidence struct {
	Document string                  `json:"document"`
	Event    string                  `json:"event,omitempty"`
	Quote    string                  `json:"quote,omitempty"`
	Trigger  newsgraph.RecordTrigger `json:"trigger"`
	Phrase   newsgraph.RecordTrigger `json:"phrase"`
}

// PositionRow is an actor's stance on an issue on a day, with the evidence
// from every document that states it.
type PositionRow struct {
	ID       string     `json:"id"`
	Actor    ActorRef   `json:"actor"`
	Issue    string     `json:"issue"`
	Date     string     `json:"date,omitempty"`
	Stance   string     `json:"stance"` // demand, reject, agree, concede, support, accuse, assert
	Polarity string     `json:"polarity"`
	Evidence []Evidence `json:"evidence"`
	// EvidenceCount counts the evidence, of which Evidence shows the first.
	EvidenceCount int `json:"evidence_count"`
}

// EventRow is one event report flattened for CSV.
type EventRow struct {
	Merged    string
	Document  string
	Event     string
	Type      string
	Date      string
	Polarity  string
	Modality  string
	Issue     string
	Actors    string // names joined by "; "
	Targets   string
	Trigger   string
	Published string
	Source    string
}

// Stats counts what a store holds.
type Stats struct {
	Documents      int `json:"documents"`
	Duplicates     int `json:"duplicates"`
	NearDuplicates int `json:"near_duplicates"`
	Actors         int `json:"actors"`
	Quotes         int `json:"quotes"`
	Events         int `json:"events"`
	MergedEvents   int `json:"merged_events"`
	Positions      int `json:"positions"`
	Failures       int `json:"failures"`
}
