package store

import (
	"context"
	"fmt"
	"slices"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph"
)

// Checker is implemented by stores that can verify themselves: the
// database's own integrity check, then the store's invariants — every
// stored record parses and is valid (CheckRecord), the rows derived from
// each record agree with it in number, full-text indexes agree with their
// tables, and no row points at a document, actor, event or position that
// is not there. `newsgraph check` runs it.
type Checker interface {
	// Check reads the whole store. It returns an error only when it could
	// not run; what it finds wrong is in CheckResult.Problems.
	Check(ctx context.Context) (*CheckResult, error)
}

// CheckResult is what Check found.
type CheckResult struct {
	Documents int      `json:"documents"` // records read and validated
	Checks    []string `json:"checks"`    // the checks that ran, in order
	Problems  []string `json:"problems"`  // empty when the store is sound
	// Truncated is set when more problems were found than MaxProblems.
	Truncated bool `json:"truncated,omitempty"`
}

// MaxProblems caps the list of problems: past it a broken store would only
// repeat itself.
const MaxProblems = 1000

// Add records a problem.
func (r *CheckResult) Add(format string, args ...any) {
	if len(r.Problems) >= MaxProblems {
		r.Truncated = true
		return
	}
	r.Problems = append(r.Problems, fmt.Sprintf(format, args...))
}

// OK reports whether no problem was found.
func (r *CheckResult) OK() bool { return len(r.Problems) == 0 }

var (
	entityTypes  = []string{"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT"}
	mentionKinds = []string{"name", "role", "pronoun", "description"}
	quoteKinds   = []string{"direct", "indirect", "mixed"}
	timeTypes    = []string{"DATE", "TIME", "DURATION", "SET"}
	polarities   = []string{"positive", "negative"}
	modalities   = []string{"asserted", "intended", "demanded", "hypothetical", "reported"}
)

// CheckRecord lists what is wrong with a record against SPEC §2: offsets
// are code points inside the text, start ≤ end, and a span's text is the
// text it covers; ids are unique and every id referenced exists; types,
// kinds, polarities and modalities are from their closed sets. An empty
// list means the record is valid. The fuzz tests of the pipeline and
// `newsgraph check` both use it.
func CheckRecord(rec *newsgraph.Record) []string {
	var out []string
	bad := func(format string, args ...any) {
		if len(out) < 50 {
			out = append(out, fmt.Sprintf(format, args...))
		}
	}
	if rec.ID == "" {
		bad("no id")
	}
	if !utf8.ValidString(rec.Text) {
		bad("text is not valid UTF-8")
	}
	runes := []rune(rec.Text)
	span := func(what string, start, end int, text *string) {
		if start < 0 || end < start || end > len(runes) {
			bad("%s: span [%d,%d) outside the text of %d code points", what, start, end, len(runes))
			return
		}
		if text != nil && string(runes[start:end]) != *text {
			bad("%s: span [%d,%d) is %q, not %q", what, start, end, string(runes[start:end]), *text)
		}
	}
	last := 0
	for i, s := range rec.Sentences {
		span(fmt.Sprintf("sentence %d", i+1), s.Start, s.End, nil)
		if s.Start < last {
			bad("sentence %d starts at %d, before the end of the one before (%d)", i+1, s.Start, last)
		}
		last = s.End
	}
	ids := map[string]string{} // id → kind of thing
	define := func(kind, id string) {
		if id == "" {
			bad("%s without an id", kind)
			return
		}
		if k, ok := ids[id]; ok {
			bad("id %s used by a %s and a %s", id, k, kind)
		}
		ids[id] = kind
	}
	for _, e := range rec.Entities {
		define("entity", e.ID)
	}
	for _, q := range rec.Quotes {
		define("quote", q.ID)
	}
	for _, t := range rec.Times {
		define("time", t.ID)
	}
	for _, v := range rec.Events {
		define("event", v.ID)
	}
	ref := func(what, kind string, id *string) {
		if id == nil {
			return
		}
		if k, ok := ids[*id]; !ok || k != kind {
			bad("%s refers to %s %q, which is not there", what, kind, *id)
		}
	}
	oneOf := func(what, v string, set []string) {
		if !slices.Contains(set, v) {
			bad("%s %q is not one of %v", what, v, set)
		}
	}
	for _, e := range rec.Entities {
		oneOf("entity "+e.ID+" type", e.Type, entityTypes)
		if e.StandsFor != "" {
			ref("entity "+e.ID+" stands_for", "entity", &e.StandsFor)
		}
		for j, m := range e.Mentions {
			span(fmt.Sprintf("entity %s mention %d", e.ID, j+1), m.Start, m.End, &m.Text)
			oneOf("entity "+e.ID+" mention kind", m.Kind, mentionKinds)
		}
	}
	for _, q := range rec.Quotes {
		span("quote "+q.ID, q.Start, q.End, nil)
		oneOf("quote "+q.ID+" kind", q.Kind, quoteKinds)
		ref("quote "+q.ID+" speaker", "entity", q.Speaker)
	}
	for _, t := range rec.Times {
		span("time "+t.ID, t.Start, t.End, &t.Text)
		oneOf("time "+t.ID+" type", t.Type, timeTypes)
	}
	for _, v := range rec.Events {
		oneOf("event "+v.ID+" type", v.Type, newsgraph.EventTypes)
		oneOf("event "+v.ID+" polarity", v.Polarity, polarities)
		oneOf("event "+v.ID+" modality", v.Modality, modalities)
		span("event "+v.ID+" trigger", v.Trigger.Start, v.Trigger.End, &v.Trigger.Text)
		for _, a := range v.Actors {
			ref("event "+v.ID+" actor", "entity", &a)
		}
		for _, a := range v.Targets {
			ref("event "+v.ID+" target", "entity", &a)
		}
		ref("event "+v.ID+" location", "entity", v.Location)
		ref("event "+v.ID+" time", "time", v.Time)
		ref("event "+v.ID+" quote", "quote", v.Quote)
	}
	for i, p := range rec.Positions {
		what := fmt.Sprintf("position %d", i+1)
		ref(what+" actor", "entity", &p.Actor)
		for _, a := range p.Targets {
			ref(what+" target", "entity", &a)
		}
		ref(what+" event", "event", p.Event)
		ref(what+" quote", "quote", p.Quote)
		span(what+" trigger", p.Trigger.Start, p.Trigger.End, &p.Trigger.Text)
		span(what+" evidence", p.Evidence.Start, p.Evidence.End, &p.Evidence.Text)
	}
	return out
}
