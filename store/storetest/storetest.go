// Package storetest is the conformance suite that every store.Store must
// pass: written once, run for SQLite in store/sqlite and for any later
// store. Each test gets a fresh, empty store from the factory.
//
// The records are built by hand (Article and Record helpers) rather than by
// the pipeline, so that what is tested is the store, not the analysis.
package storetest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/newsgraph/newsgraph/merge"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/store"
)

// Factory makes a fresh empty store; it registers its own cleanup.
type Factory func(t *testing.T) store.Store

// Run runs every conformance test against stores made by f.
func Run(t *testing.T, f Factory) {
	tests := []struct {
		name string
		fn   func(*testing.T, store.Store)
	}{
		{"RecordRoundTripsExactly", testRoundTrip},
		{"SameArticleTwiceStoredOnce", testSameArticleTwice},
		{"SameTextOtherURLStoredOnce", testSameTextOtherURL},
		{"SameURLOtherTextStoredOnce", testSameURLOtherText},
		{"InputsRemembered", testInputs},
		{"FailuresRecordedAndCleared", testFailures},
		{"NearDuplicatesLinked", testNearDuplicates},
		{"NearDuplicateLinksBounded", testNearDuplicateLinksBounded},
		{"SpellingsJoinIntoOneActor", testActorsJoin},
		{"EventsMergedAcrossOutlets", testEventsMerged},
		{"VariantKeysJoinOnPut", testVariantKeys},
		{"SurnameFirstReconciled", testReconcile},
		{"PositionsWithEvidence", testPositions},
		{"DescriptionsAnswerAsActors", testDescriptions},
		{"SearchDocumentsQuotesActors", testSearch},
		{"SearchSyntaxIsNotInjected", testSearchSyntax},
		{"PagingWithCursors", testPaging},
		{"BadCursorRejected", testBadCursor},
		{"NotFound", testNotFound},
		{"ExportAll", testExport},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.fn(t, f(t))
		})
	}
	// tests that compare stores of their own
	t.Run("ReconcileOrderIndependent", func(t *testing.T) { testReconcileOrder(t, f) })
}

// Ent describes an entity of a test record: its mentions are found in the
// text by the spellings given (every occurrence).
type Ent struct {
	Key, Name, Type string
	Spellings       []string
	Roles           []string
}

// Ev describes an event of a test record by entity indexes.
type Ev struct {
	Type, Trigger, Date, Issue, Polarity string
	Actors, Targets                      []int
	Quote                                int // index into the record's quotes + 1; 0 for none
}

// Spec describes a whole test record.
type Spec struct {
	ID, URL, Source, Title, Published, Text string
	Entities                                []Ent
	Quotes                                  []Qt
	Events                                  []Ev
}

// Qt is a quote of a test record: its text is found in the record's text.
type Qt struct {
	Text    string
	Speaker int // entity index + 1; 0 for none
	Cue     string
}

// Record builds a record from a spec, with code-point offsets found in the
// text. It fails the test when a spelling, quote or trigger is not there.
func Record(t testing.TB, s Spec) *newsgraph.Record {
	t.Helper()
	runes := newsgraph.NewRunes(s.Text)
	sp := func(v string) *string {
		if v == "" {
			return nil
		}
		return &v
	}
	rec := &newsgraph.Record{ID: s.ID, URL: sp(s.URL), Source: sp(s.Source), Title: sp(s.Title), Published: sp(s.Published),
		Language: "en", Text: s.Text, Captions: []newsgraph.RecordCaption{}, Dropped: []string{},
		Sentences: []newsgraph.RecordSpan{{Start: 0, End: runes.At(len(s.Text))}},
		Entities:  []newsgraph.RecordEntity{}, Quotes: []newsgraph.RecordQuote{}, Times: []newsgraph.RecordTime{}, Events: []newsgraph.RecordEvent{}}
	if rec.ID == "" {
		rec.ID = newsgraph.DocumentID(s.URL, s.Text)
	}
	for i, e := range s.Entities {
		re := newsgraph.RecordEntity{ID: fmt.Sprintf("e%d", i+1), Name: e.Name, Type: e.Type, Key: e.Key,
			Aliases: []string{}, Roles: append([]string{}, e.Roles...), Mentions: []newsgraph.RecordMention{}}
		for _, sp := range e.Spellings {
			if sp != e.Name && !slices.Contains(re.Aliases, sp) {
				re.Aliases = append(re.Aliases, sp)
			}
			found := false
			for off := 0; ; {
				k := strings.Index(s.Text[off:], sp)
				if k < 0 {
					break
				}
				b := off + k
				re.Mentions = append(re.Mentions, newsgraph.RecordMention{Start: runes.At(b), End: runes.At(b + len(sp)), Text: sp, Kind: "name"})
				off = b + len(sp)
				found = true
			}
			if !found {
				t.Fatalf("spelling %q not in the text of %s", sp, rec.ID)
			}
		}
		rec.Entities = append(rec.Entities, re)
	}
	for i, q := range s.Quotes {
		b := strings.Index(s.Text, q.Text)
		if b < 0 {
			t.Fatalf("quote %q not in the text", q.Text)
		}
		rq := newsgraph.RecordQuote{ID: fmt.Sprintf("q%d", i+1), Kind: "direct", Text: q.Text, Start: runes.At(b), End: runes.At(b + len(q.Text)), Cue: sp(q.Cue)}
		if q.Speaker > 0 {
			rq.Speaker = sp(fmt.Sprintf("e%d", q.Speaker))
		}
		rec.Quotes = append(rec.Quotes, rq)
	}
	for i, ev := range s.Events {
		b := strings.Index(s.Text, ev.Trigger)
		if b < 0 {
			t.Fatalf("trigger %q not in the text", ev.Trigger)
		}
		pol := ev.Polarity
		if pol == "" {
			pol = "positive"
		}
		re := newsgraph.RecordEvent{ID: fmt.Sprintf("v%d", i+1), Type: ev.Type, Actors: []string{}, Targets: []string{},
			Date: sp(ev.Date), Polarity: pol, Modality: "asserted", Issue: sp(ev.Issue),
			Trigger: newsgraph.RecordTrigger{Start: runes.At(b), End: runes.At(b + len(ev.Trigger)), Text: ev.Trigger}}
		for _, a := range ev.Actors {
			re.Actors = append(re.Actors, fmt.Sprintf("e%d", a+1))
		}
		for _, a := range ev.Targets {
			re.Targets = append(re.Targets, fmt.Sprintf("e%d", a+1))
		}
		if ev.Quote > 0 {
			re.Quote = sp(fmt.Sprintf("q%d", ev.Quote))
		}
		rec.Events = append(rec.Events, re)
	}
	return rec
}

// Put prepares and stores one record with the given input name.
func Put(t testing.TB, s store.Store, rec *newsgraph.Record, input string) store.PutResult {
	t.Helper()
	d, err := store.Prepare(rec, rec.Text, input)
	if err != nil {
		t.Fatal(err)
	}
	res, err := s.Put(context.Background(), d)
	if err != nil {
		t.Fatalf("put %s: %v", rec.ID, err)
	}
	return res[0]
}

func stats(t *testing.T, s store.Store) store.Stats {
	t.Helper()
	st, err := s.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// wire is a report long enough for shingles, with variants below.
const wire = `Ministers from twelve countries met in Geneva on Tuesday to discuss a ceasefire along the northern border, officials said. ` +
	`The talks, hosted by the Swiss government, lasted nine hours and ended without a joint statement. ` +
	`Delegates agreed to meet again next month, and the foreign minister of Norway called the mood constructive. ` +
	`Aid agencies warned that the humanitarian situation in the border towns had worsened sharply since the winter.`

func testRoundTrip(t *testing.T, s store.Store) {
	rec := Record(t, Spec{URL: "https://example.org/a", Title: "Talks in Geneva", Published: "2025-04-26",
		Text:     wire + " Ünïcödé «quotes» — and emoji 🇺🇦 stay.",
		Entities: []Ent{{Key: "city:geneva", Name: "Geneva", Type: "GPE", Spellings: []string{"Geneva"}}}})
	res := Put(t, s, rec, "a.txt")
	if res.Status != store.Stored || res.ID != rec.ID {
		t.Fatalf("put = %+v, want stored %s", res, rec.ID)
	}
	want, _ := json.Marshal(rec)
	got, err := s.Document(context.Background(), rec.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("record changed in the store:\n got %s\nwant %s", got, want)
	}
}

func testSameArticleTwice(t *testing.T, s store.Store) {
	rec := Record(t, Spec{URL: "https://example.org/a", Text: wire})
	if r := Put(t, s, rec, "a.txt"); r.Status != store.Stored {
		t.Fatalf("first put = %v", r.Status)
	}
	if r := Put(t, s, rec, "a.txt"); r.Status != store.Duplicate || r.ID != rec.ID {
		t.Fatalf("second put = %+v, want duplicate of %s", r, rec.ID)
	}
	if st := stats(t, s); st.Documents != 1 || st.Duplicates != 1 {
		t.Errorf("stats = %+v, want 1 document, 1 duplicate", st)
	}
}

func testSameTextOtherURL(t *testing.T, s store.Store) {
	a := Record(t, Spec{URL: "https://one.example/a", Text: wire})
	// the same text with other line breaks and case is the same article
	b := Record(t, Spec{URL: "https://two.example/b", Text: strings.ReplaceAll(strings.ToUpper(wire), ". ", ".\n\n")})
	Put(t, s, a, "one")
	r := Put(t, s, b, "two")
	if r.Status != store.Duplicate || r.ID != a.ID {
		t.Errorf("put of the same text from another URL = %+v, want duplicate of %s", r, a.ID)
	}
	if st := stats(t, s); st.Documents != 1 {
		t.Errorf("documents = %d, want 1", st.Documents)
	}
	if id, ok, err := s.Input(context.Background(), "two"); err != nil || !ok || id != a.ID {
		t.Errorf("Input(two) = %q %v %v, want %s", id, ok, err, a.ID)
	}
}

func testSameURLOtherText(t *testing.T, s store.Store) {
	a := Record(t, Spec{URL: "https://one.example/a", Text: wire})
	b := Record(t, Spec{URL: "https://one.example/a", Text: "An update to the story. " + wire})
	Put(t, s, a, "")
	if r := Put(t, s, b, ""); r.Status != store.Duplicate {
		t.Errorf("same URL put again = %v, want duplicate", r.Status)
	}
}

func testInputs(t *testing.T, s store.Store) {
	ctx := context.Background()
	if _, ok, err := s.Input(ctx, "x.txt"); ok || err != nil {
		t.Fatalf("unknown input found: %v %v", ok, err)
	}
	rec := Record(t, Spec{Text: wire})
	Put(t, s, rec, "x.txt")
	if id, ok, err := s.Input(ctx, "x.txt"); !ok || err != nil || id != rec.ID {
		t.Errorf("Input = %q %v %v", id, ok, err)
	}
	d, _ := store.Prepare(rec, rec.Text, "")
	if id, ok, err := s.ContentDoc(ctx, d.ContentHash); !ok || err != nil || id != rec.ID {
		t.Errorf("ContentDoc = %q %v %v", id, ok, err)
	}
}

func testFailures(t *testing.T, s store.Store) {
	ctx := context.Background()
	if err := s.Fail(ctx, "bad.bin", "binary content"); err != nil {
		t.Fatal(err)
	}
	if err := s.Fail(ctx, "bad.bin", "binary content again"); err != nil {
		t.Fatal(err)
	}
	if err := s.Fail(ctx, "late.txt", "timeout"); err != nil {
		t.Fatal(err)
	}
	fs, _, err := s.Failures(ctx, store.Page{})
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) != 2 || fs[0].Input != "bad.bin" || fs[0].Attempts != 2 || fs[0].Reason != "binary content again" {
		t.Fatalf("failures = %+v", fs)
	}
	// a later success clears the failure
	Put(t, s, Record(t, Spec{Text: wire}), "late.txt")
	fs, _, _ = s.Failures(ctx, store.Page{})
	if len(fs) != 1 || fs[0].Input != "bad.bin" {
		t.Errorf("after success failures = %+v", fs)
	}
}

func testNearDuplicates(t *testing.T, s store.Store) {
	ctx := context.Background()
	orig := Record(t, Spec{URL: "https://wire.example/1", Text: wire})
	// republished: a credit line and one sentence changed
	copyText := "GENEVA (Wire) — " + strings.Replace(wire, "lasted nine hours", "lasted almost nine hours", 1)
	republished := Record(t, Spec{URL: "https://paper.example/2", Text: copyText})
	other := Record(t, Spec{URL: "https://paper.example/3", Text: strings.Repeat("Farmers in the valley expect a record harvest of apples and pears this autumn after a wet spring. ", 3)})
	Put(t, s, orig, "")
	r := Put(t, s, republished, "")
	if r.Status != store.Stored {
		t.Fatalf("near-duplicate stored as %v; it is a separate document", r.Status)
	}
	if !slices.Contains(r.NearDuplicates, orig.ID) {
		t.Errorf("near duplicates of the republished copy = %v, want %s", r.NearDuplicates, orig.ID)
	}
	if r := Put(t, s, other, ""); len(r.NearDuplicates) != 0 {
		t.Errorf("unrelated article linked to %v", r.NearDuplicates)
	}
	info, err := s.DocumentInfo(ctx, orig.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(info.NearDuplicates) != 1 || info.NearDuplicates[0].ID != republished.ID || info.NearDuplicates[0].Similarity < 0.7 {
		t.Errorf("info of the original = %+v", info)
	}
}

// testNearDuplicateLinksBounded: wire copy republished many times links each
// new copy to at most merge.MaxNearLinks earlier ones, so storing stays
// linear in the number of copies.
func testNearDuplicateLinksBounded(t *testing.T, s store.Store) {
	n := merge.MaxNearLinks + 4
	var last store.PutResult
	for i := range n {
		text := fmt.Sprintf("PLACE%d (Wire) — ", i) + wire
		last = Put(t, s, Record(t, Spec{URL: fmt.Sprintf("https://paper%d.example/wire", i), Text: text}), "")
	}
	if len(last.NearDuplicates) != merge.MaxNearLinks {
		t.Errorf("copy %d linked to %d near-duplicates, want %d", n, len(last.NearDuplicates), merge.MaxNearLinks)
	}
}

// three reports spelling one man three ways, each with the same key.
func threeSpellings(t *testing.T) []*newsgraph.Record {
	spell := []string{"Volodymyr Zelensky", "Volodymyr Zelenskyy", "Wolodymyr Selenskyj"}
	var recs []*newsgraph.Record
	for i, sp := range spell {
		text := fmt.Sprintf("%s met Keir Starmer in London on Friday. \"We need more air defence,\" %s said. Report %d.", sp, sp, i)
		recs = append(recs, Record(t, Spec{URL: fmt.Sprintf("https://outlet%d.example/x", i), Source: fmt.Sprintf("outlet%d", i),
			Published: "2025-03-0" + string(rune('1'+i)), Text: text,
			Entities: []Ent{
				{Key: "person:volodymyr-zelensky", Name: sp, Type: "PERSON", Spellings: []string{sp}, Roles: []string{"Ukrainian President"}},
				{Key: "person:keir-starmer", Name: "Keir Starmer", Type: "PERSON", Spellings: []string{"Keir Starmer"}},
				{Key: "city:london", Name: "London", Type: "GPE", Spellings: []string{"London"}},
			},
			Quotes: []Qt{{Text: "We need more air defence,", Speaker: 1, Cue: "said"}},
			Events: []Ev{{Type: "CONSULT", Trigger: "met", Date: "2025-02-28", Actors: []int{0}, Targets: []int{1}},
				{Type: "REQUEST", Trigger: "need", Issue: "air defence", Actors: []int{0}, Quote: 1}},
		}))
	}
	return recs
}

func testActorsJoin(t *testing.T, s store.Store) {
	ctx := context.Background()
	for _, r := range threeSpellings(t) {
		Put(t, s, r, "")
	}
	actors, _, err := s.Actors(ctx, store.ActorQuery{Type: "PERSON"}, store.Page{})
	if err != nil {
		t.Fatal(err)
	}
	if len(actors) != 2 {
		t.Fatalf("PERSON actors = %+v, want 2", actors)
	}
	z := actors[0]
	if z.Key != "person:volodymyr-zelensky" || z.Documents != 3 || z.MentionCount != 6 {
		t.Errorf("actor = %+v, want the key, 3 documents, 6 mentions", z)
	}
	for _, sp := range []string{"Selenskyj", "Zelenskyy", "zelensky"} {
		found, _, err := s.Actors(ctx, store.ActorQuery{Q: sp}, store.Page{})
		if err != nil || len(found) != 1 || found[0].ID != z.ID {
			t.Errorf("search %q = %+v %v, want %s", sp, found, err, z.ID)
		}
	}
	// a role is no name: "President" finds nobody named so ("Clinton's
	// opponent" would otherwise rank Trump first for "Clinton")
	if found, _, err := s.Actors(ctx, store.ActorQuery{Q: "president"}, store.Page{}); err != nil || len(found) != 0 {
		t.Errorf("search by a word of a role = %+v %v, want none", found, err)
	}
	d, err := s.Dossier(ctx, z.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Names) != 3 || len(d.Mentions) != 6 || len(d.Quotes) != 3 || d.Counts.Quotes != 3 || len(d.Roles) != 1 || d.Roles[0].Count != 3 {
		t.Errorf("dossier names %v roles %v mentions %d quotes %d", d.Names, d.Roles, len(d.Mentions), len(d.Quotes))
	}
	if len(d.Events) != 4 || d.Counts.Events != 4 || d.Counts.Positions != 3 { // one merged CONSULT, three REQUESTs on three days
		t.Errorf("dossier events %d (count %d) positions %d", len(d.Events), d.Counts.Events, d.Counts.Positions)
	}
	byKey, err := s.Dossier(ctx, "person:volodymyr-zelensky")
	if err != nil || byKey.ID != z.ID {
		t.Errorf("dossier by key = %v %v", byKey, err)
	}
}

func testEventsMerged(t *testing.T, s store.Store) {
	ctx := context.Background()
	for _, r := range threeSpellings(t) {
		Put(t, s, r, "")
	}
	evs, _, err := s.Events(ctx, store.EventQuery{Type: "CONSULT"}, store.Page{})
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != 1 {
		t.Fatalf("CONSULT events = %d, want 1 merged from 3 outlets", len(evs))
	}
	e := evs[0]
	if e.SourceCount != 3 || len(e.Sources) != 3 || e.Date != "2025-02-28" || len(e.Actors) != 1 || len(e.Targets) != 1 || e.Targets[0].Name != "Keir Starmer" {
		t.Errorf("merged event = %+v", e)
	}
	// every report of the event, paged
	all := allPages(t, func(p store.Page) ([]store.EventSource, string, error) {
		p.Limit = 2
		return s.EventSources(ctx, e.ID, p)
	})
	if len(all) != 3 || !slices.EqualFunc(all, e.Sources, func(a, b store.EventSource) bool { return a == b }) {
		t.Errorf("sources of %s = %+v, want %+v", e.ID, all, e.Sources)
	}
	for _, id := range []string{"m999999", "x1", ""} {
		if _, _, err := s.EventSources(ctx, id, store.Page{}); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("EventSources(%q): %v, want not found", id, err)
		}
	}
	// REQUEST has no date of its own: the days of publication differ, so three events
	evs, _, _ = s.Events(ctx, store.EventQuery{Type: "request"}, store.Page{})
	if len(evs) != 3 {
		t.Errorf("REQUEST events on three days = %d, want 3", len(evs))
	}
	for _, tc := range []struct {
		name string
		q    store.EventQuery
		want int
	}{
		{"actor by name", store.EventQuery{Actor: "Keir Starmer"}, 1},
		{"actor by key", store.EventQuery{Actor: "person:volodymyr-zelensky"}, 4},
		{"unknown actor", store.EventQuery{Actor: "Nobody Atall"}, 0},
		{"issue", store.EventQuery{Issue: "Air Defence"}, 3},
		{"from", store.EventQuery{From: "2025-03-02"}, 2},
		{"to month", store.EventQuery{To: "2025-02"}, 1},
		{"from to", store.EventQuery{From: "2025-03-01", To: "2025-03-01"}, 1},
	} {
		evs, _, err := s.Events(ctx, tc.q, store.Page{})
		if err != nil || len(evs) != tc.want {
			t.Errorf("%s: %d events (%v), want %d", tc.name, len(evs), err, tc.want)
		}
	}
}

// testDescriptions: an entity known only by a description ("officials")
// is its document's own referent; as a speaker, an event's actor, a
// position's holder and a dossier it answers like an actor, with its key.
func testDescriptions(t *testing.T, s store.Store) {
	ctx := context.Background()
	var ids []string
	for i, day := range []string{"2025-03-01", "2025-03-02"} {
		rec := Record(t, Spec{URL: fmt.Sprintf("https://d.example/%d", i), Published: day,
			Text: fmt.Sprintf(`Officials in Kyiv rejected the plan on day %d. "We will not accept it," the officials told Keir Starmer.`, i),
			Entities: []Ent{{Key: "description:officials", Name: "officials", Type: "PERSON", Spellings: []string{"Officials", "officials"}, Roles: []string{"spokesman"}},
				{Key: "person:keir-starmer", Name: "Keir Starmer", Type: "PERSON", Spellings: []string{"Keir Starmer"}}},
			Quotes: []Qt{{Text: "We will not accept it", Speaker: 1, Cue: "told"}},
			Events: []Ev{{Type: "REJECT", Trigger: "rejected", Issue: "the plan", Actors: []int{0}, Targets: []int{1}}}})
		Put(t, s, rec, "")
		ids = append(ids, rec.ID)
	}
	qs, _, err := s.Quotes(ctx, store.QuoteQuery{}, store.Page{})
	if err != nil || len(qs) != 2 {
		t.Fatalf("quotes = %+v %v", qs, err)
	}
	for i, q := range qs {
		if q.Speaker == nil || q.Speaker.Name != "officials" || q.Speaker.Key != "description:officials@"+ids[i] || q.Speaker.Type != "PERSON" {
			t.Fatalf("speaker of %s = %+v", q.Document, q.Speaker)
		}
	}
	if qs[0].Speaker.ID == qs[1].Speaker.ID {
		t.Errorf("the officials of two articles are one actor %s", qs[0].Speaker.ID)
	}
	evs, _, err := s.Events(ctx, store.EventQuery{Type: "REJECT"}, store.Page{})
	if err != nil || len(evs) != 2 {
		t.Fatalf("REJECT events = %+v %v, want one an article", evs, err)
	}
	for _, e := range evs {
		if len(e.Actors) != 1 || !strings.HasPrefix(e.Actors[0].Key, "description:officials@") || len(e.Targets) != 1 || e.Targets[0].Name != "Keir Starmer" {
			t.Errorf("event %+v", e)
		}
	}
	sp := qs[0].Speaker
	for _, who := range []string{sp.ID, sp.Key} {
		d, err := s.Dossier(ctx, who)
		if err != nil {
			t.Fatalf("dossier of %s: %v", who, err)
		}
		if d.ID != sp.ID || d.Key != sp.Key || d.Documents != 1 || d.MentionCount != 2 || len(d.Mentions) != 2 ||
			len(d.Quotes) != 1 || len(d.Events) != 1 || d.Counts.Positions != 1 || len(d.Roles) != 1 {
			t.Errorf("dossier of %s = %+v", who, d)
		}
		if !slices.ContainsFunc(d.Names, func(n store.Spelling) bool { return n.Text == "Officials" }) {
			t.Errorf("dossier names %v, want Officials among them", d.Names)
		}
	}
	for _, q := range []func() (int, error){
		func() (int, error) {
			r, _, err := s.Quotes(ctx, store.QuoteQuery{Speaker: sp.Key}, store.Page{})
			return len(r), err
		},
		func() (int, error) {
			r, _, err := s.Events(ctx, store.EventQuery{Actor: sp.ID}, store.Page{})
			return len(r), err
		},
		func() (int, error) {
			r, _, err := s.Positions(ctx, store.PositionQuery{Actor: sp.ID}, store.Page{})
			if err == nil && (len(r) != 1 || r[0].Actor != *sp) {
				t.Errorf("positions of %s = %+v", sp.ID, r)
			}
			return len(r), err
		},
	} {
		if n, err := q(); n != 1 || err != nil {
			t.Errorf("a list of the description's facts = %d %v, want 1", n, err)
		}
	}
	var rows []store.EventRow
	if err := s.ExportEvents(ctx, func(r store.EventRow) error { rows = append(rows, r); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || rows[0].Actors != "officials" || rows[0].Targets != "Keir Starmer" {
		t.Errorf("exported events = %+v", rows)
	}
	if _, err := s.Dossier(ctx, "description:officials@nosuchdocument"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("dossier of an unknown description: %v", err)
	}
	// no actor of its own to list, and none for Reconcile to join or move
	if found, _, err := s.Actors(ctx, store.ActorQuery{Q: "officials"}, store.Page{}); err != nil || len(found) != 0 {
		t.Errorf("actors named officials = %+v %v, want none (each is its document's)", found, err)
	}
	if _, err := s.Reconcile(ctx); err != nil {
		t.Fatal(err)
	}
	if again, _, err := s.Quotes(ctx, store.QuoteQuery{Speaker: sp.Key}, store.Page{}); err != nil || len(again) != 1 || *again[0].Speaker != *sp {
		t.Errorf("quotes of %s after Reconcile = %+v %v", sp.Key, again, err)
	}
	if c, ok := s.(store.Checker); ok {
		res, err := c.Check(ctx)
		if err != nil || !res.OK() {
			t.Errorf("check = %+v %v", res, err)
		}
	}
}

func testPositions(t *testing.T, s store.Store) {
	ctx := context.Background()
	text := "Zelensky rejected any deal on Crimea. He also accused Moscow of stalling."
	rec := Record(t, Spec{Published: "2025-04-26", Text: text,
		Entities: []Ent{{Key: "person:volodymyr-zelensky", Name: "Volodymyr Zelensky", Type: "PERSON", Spellings: []string{"Zelensky"}},
			{Key: "country:RU", Name: "Russia", Type: "GPE", Spellings: []string{"Moscow"}}},
		Events: []Ev{{Type: "REJECT", Trigger: "rejected", Issue: "Crimea", Actors: []int{0}},
			{Type: "ACCUSE", Trigger: "accused", Actors: []int{0}, Targets: []int{1}}, // no issue: no position
			{Type: "CONSULT", Trigger: "deal", Issue: "Crimea", Actors: []int{0}}},    // not a stance
	})
	Put(t, s, rec, "")
	ps, _, err := s.Positions(ctx, store.PositionQuery{Actor: "Volodymyr Zelensky"}, store.Page{})
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 1 {
		t.Fatalf("positions = %+v, want 1", ps)
	}
	p := ps[0]
	if p.Issue != "Crimea" || p.Stance != "reject" || p.Date != "2025-04-26" || p.Polarity != "positive" ||
		len(p.Evidence) != 1 || p.Evidence[0].Document != rec.ID || p.Evidence[0].Trigger.Text != "rejected" {
		t.Errorf("position = %+v", p)
	}
	if ps, _, _ := s.Positions(ctx, store.PositionQuery{Issue: "crimea"}, store.Page{}); len(ps) != 1 {
		t.Errorf("by issue: %d", len(ps))
	}
	if ps, _, _ := s.Positions(ctx, store.PositionQuery{Issue: "NATO"}, store.Page{}); len(ps) != 0 {
		t.Errorf("other issue: %d", len(ps))
	}
	// the same stance reported by more documents than a list shows
	for i := range store.ListSources + 2 {
		Put(t, s, Record(t, Spec{Published: "2025-04-26", Text: fmt.Sprintf("Zelensky rejected any deal on Crimea, report %d says.", i),
			Entities: []Ent{{Key: "person:volodymyr-zelensky", Name: "Volodymyr Zelensky", Type: "PERSON", Spellings: []string{"Zelensky"}}},
			Events:   []Ev{{Type: "REJECT", Trigger: "rejected", Issue: "Crimea", Actors: []int{0}}}}), "")
	}
	ps, _, err = s.Positions(ctx, store.PositionQuery{Actor: "Volodymyr Zelensky"}, store.Page{})
	if err != nil || len(ps) != 1 || len(ps[0].Evidence) != store.ListSources || ps[0].EvidenceCount != store.ListSources+3 {
		t.Fatalf("position of %d documents = %+v %v", store.ListSources+3, ps, err)
	}
	all := allPages(t, func(p store.Page) ([]store.Evidence, string, error) {
		p.Limit = 5
		return s.PositionEvidence(ctx, ps[0].ID, p)
	})
	if len(all) != store.ListSources+3 || !slices.Equal(all[:store.ListSources], ps[0].Evidence) {
		t.Errorf("evidence = %+v, want %d beginning with the list's", all, store.ListSources+3)
	}
	for _, id := range []string{"p999999", "m1", ""} {
		if _, _, err := s.PositionEvidence(ctx, id, store.Page{}); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("PositionEvidence(%q): %v, want not found", id, err)
		}
	}
}

func testSearch(t *testing.T, s store.Store) {
	ctx := context.Background()
	for _, r := range threeSpellings(t) {
		Put(t, s, r, "")
	}
	Put(t, s, Record(t, Spec{Title: "Harvest", Text: "Farmers expect a record harvest of apples."}), "")
	hits, _, err := s.SearchDocuments(ctx, "harvest apples", store.Page{})
	if err != nil || len(hits) != 1 || hits[0].Title != "Harvest" || !strings.Contains(hits[0].Snippet, "harvest") {
		t.Errorf("search documents = %+v %v", hits, err)
	}
	hits, _, _ = s.SearchDocuments(ctx, "Starmer", store.Page{})
	if len(hits) != 3 {
		t.Errorf("search Starmer = %d hits, want 3", len(hits))
	}
	hits, _, _ = s.SearchDocuments(ctx, "harv*", store.Page{})
	if len(hits) != 1 {
		t.Errorf("prefix search = %d hits, want 1", len(hits))
	}
	qs, _, err := s.Quotes(ctx, store.QuoteQuery{Q: "air defence"}, store.Page{})
	if err != nil || len(qs) != 3 || qs[0].Speaker == nil || qs[0].Speaker.Key != "person:volodymyr-zelensky" {
		t.Errorf("quotes = %+v %v", qs, err)
	}
	qs, _, _ = s.Quotes(ctx, store.QuoteQuery{Speaker: "Wolodymyr Selenskyj"}, store.Page{})
	if len(qs) != 3 {
		t.Errorf("quotes by a spelling of the speaker = %d, want 3", len(qs))
	}
	qs, _, _ = s.Quotes(ctx, store.QuoteQuery{Speaker: "Keir Starmer"}, store.Page{})
	if len(qs) != 0 {
		t.Errorf("quotes of a silent actor = %d", len(qs))
	}
	as, _, _ := s.Actors(ctx, store.ActorQuery{Q: "london"}, store.Page{})
	if len(as) != 1 || as[0].Type != "GPE" {
		t.Errorf("actors london = %+v", as)
	}
	as, _, _ = s.Actors(ctx, store.ActorQuery{Q: "london", Type: "PERSON"}, store.Page{})
	if len(as) != 0 {
		t.Errorf("actors london of type PERSON = %+v", as)
	}
}

func testSearchSyntax(t *testing.T, s store.Store) {
	ctx := context.Background()
	Put(t, s, Record(t, Spec{Text: wire}), "")
	for _, q := range []string{`"unbalanced`, `NEAR(a b)`, `a OR b`, `title:x`, `-minus`, `a AND`, `*`, `'; DROP TABLE documents; --`, `^start`, `(`, `{x}`} {
		_, _, err := s.SearchDocuments(ctx, q, store.Page{})
		if err != nil && !errors.Is(err, store.ErrBadQuery) {
			t.Errorf("search %q: %v, want results or ErrBadQuery", q, err)
		}
		if _, _, err := s.Quotes(ctx, store.QuoteQuery{Q: q}, store.Page{}); err != nil && !errors.Is(err, store.ErrBadQuery) {
			t.Errorf("quotes %q: %v", q, err)
		}
	}
	if _, _, err := s.SearchDocuments(ctx, "  ", store.Page{}); !errors.Is(err, store.ErrBadQuery) {
		t.Errorf("empty search: %v, want ErrBadQuery", err)
	}
	if st := stats(t, s); st.Documents != 1 {
		t.Errorf("documents after odd queries = %d", st.Documents)
	}
}

func testPaging(t *testing.T, s store.Store) {
	ctx := context.Background()
	for _, r := range threeSpellings(t) {
		Put(t, s, r, "")
	}
	// every list pages through all its items, each once
	collect := func(name string, list func(store.Page) (int, string, error), want int) {
		t.Helper()
		total, cursor, pages := 0, "", 0
		for {
			n, next, err := list(store.Page{Limit: 1, Cursor: cursor})
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			total += n
			pages++
			if next == "" || pages > 100 {
				break
			}
			cursor = next
		}
		if total != want {
			t.Errorf("%s: %d items over %d pages, want %d", name, total, pages, want)
		}
	}
	collect("quotes", func(p store.Page) (int, string, error) {
		r, n, err := s.Quotes(ctx, store.QuoteQuery{}, p)
		return len(r), n, err
	}, 3)
	collect("events", func(p store.Page) (int, string, error) {
		r, n, err := s.Events(ctx, store.EventQuery{}, p)
		return len(r), n, err
	}, 4)
	collect("actors", func(p store.Page) (int, string, error) {
		r, n, err := s.Actors(ctx, store.ActorQuery{}, p)
		return len(r), n, err
	}, 3)
	collect("documents", func(p store.Page) (int, string, error) {
		r, n, err := s.SearchDocuments(ctx, "Starmer", p)
		return len(r), n, err
	}, 3)
	collect("positions", func(p store.Page) (int, string, error) {
		r, n, err := s.Positions(ctx, store.PositionQuery{}, p)
		return len(r), n, err
	}, 3)
}

func testBadCursor(t *testing.T, s store.Store) {
	ctx := context.Background()
	for _, c := range []string{"nonsense!", "Zm9v", store.EncodeCursor(1) + "x"} {
		if _, _, err := s.Quotes(ctx, store.QuoteQuery{}, store.Page{Cursor: c}); !errors.Is(err, store.ErrBadCursor) {
			t.Errorf("quotes cursor %q: %v", c, err)
		}
		if _, _, err := s.SearchDocuments(ctx, "x", store.Page{Cursor: c}); !errors.Is(err, store.ErrBadCursor) {
			t.Errorf("search cursor %q: %v", c, err)
		}
		if _, _, err := s.Events(ctx, store.EventQuery{}, store.Page{Cursor: c}); !errors.Is(err, store.ErrBadCursor) {
			t.Errorf("events cursor %q: %v", c, err)
		}
	}
}

func testNotFound(t *testing.T, s store.Store) {
	ctx := context.Background()
	if _, err := s.Document(ctx, "nope"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Document: %v", err)
	}
	if _, err := s.DocumentInfo(ctx, "nope"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("DocumentInfo: %v", err)
	}
	for _, id := range []string{"a999", "person:nobody", ""} {
		if _, err := s.Dossier(ctx, id); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("Dossier(%q): %v", id, err)
		}
	}
}

func testExport(t *testing.T, s store.Store) {
	ctx := context.Background()
	recs := threeSpellings(t)
	for _, r := range recs {
		Put(t, s, r, "")
	}
	var ids []string
	err := s.ExportRecords(ctx, func(b json.RawMessage) error {
		var r newsgraph.Record
		if err := json.Unmarshal(b, &r); err != nil {
			return err
		}
		ids = append(ids, r.ID)
		return nil
	})
	if err != nil || len(ids) != 3 || ids[0] != recs[0].ID {
		t.Errorf("exported %v %v", ids, err)
	}
	var rows []store.EventRow
	if err := s.ExportEvents(ctx, func(r store.EventRow) error { rows = append(rows, r); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(rows) != 6 || rows[0].Type != "CONSULT" || rows[0].Actors == "" || rows[0].Targets != "Keir Starmer" {
		t.Errorf("event rows = %d, first %+v", len(rows), rows[0])
	}
}

// person makes a one-person report with a CONSULT event against Berlin.
func person(t *testing.T, i int, key, spelling string) *newsgraph.Record {
	text := fmt.Sprintf("%s met officials in Berlin on Monday, report number %d said.", spelling, i)
	return Record(t, Spec{URL: fmt.Sprintf("https://p.example/%d", i), Published: "2025-05-05", Text: text,
		Entities: []Ent{{Key: key, Name: spelling, Type: "PERSON", Spellings: []string{spelling}},
			{Key: "city:berlin", Name: "Berlin", Type: "GPE", Spellings: []string{"Berlin"}}},
		Events: []Ev{{Type: "CONSULT", Trigger: "met", Actors: []int{0}, Targets: []int{1}}}})
}

func personActors(t *testing.T, s store.Store) []store.Actor {
	t.Helper()
	as, _, err := s.Actors(context.Background(), store.ActorQuery{Type: "PERSON"}, store.Page{})
	if err != nil {
		t.Fatal(err)
	}
	return as
}

func testVariantKeys(t *testing.T, s store.Store) {
	Put(t, s, person(t, 1, "person:ana-maria-lopez", "Ana Maria Lopez"), "")
	Put(t, s, person(t, 2, "person:ana-lopez", "Ana Lopez"), "")                                             // middle name dropped: not the same key
	Put(t, s, person(t, 3, "person:anamarialopez", "AnaMariaLopez"), "")                                     // run together
	Put(t, s, person(t, 4, "person:ana-m-lopez", "Ana M. Lopez"), "")                                        // first and last words of Ana Lopez
	Put(t, s, person(t, 5, "person:critic-ana-maria-lopez", "Critic Ana Maria Lopez"), "")                   // a word stuck before the name
	Put(t, s, person(t, 6, "person:ana-lopez-jr", "Ana Lopez Jr."), "")                                      // the next generation: another person
	Put(t, s, person(t, 7, "person:ana-lopez-meets-ana-maria-lopez", "Ana Lopez Meets Ana Maria Lopez"), "") // two people: neither
	docs := map[string]int{}
	for _, a := range personActors(t, s) {
		docs[a.Key] = a.Documents
	}
	want := map[string]int{"person:ana-maria-lopez": 3, "person:ana-lopez": 2, "person:ana-lopez-jr": 1, "person:ana-lopez-meets-ana-maria-lopez": 1}
	if !maps.Equal(docs, want) {
		t.Errorf("documents by actor = %v, want %v", docs, want)
	}
}

func testReconcile(t *testing.T, s store.Store) {
	ctx := context.Background()
	// the surname alone comes first, then the full name in six reports and
	// another person of the same surname once
	Put(t, s, person(t, 0, "person:okafor", "Okafor"), "")
	for i := 1; i <= 6; i++ {
		Put(t, s, person(t, i, "person:chidi-okafor", "Chidi Okafor"), "")
	}
	Put(t, s, person(t, 9, "person:ngozi-okafor", "Ngozi Okafor"), "")
	if n := len(personActors(t, s)); n != 3 {
		t.Fatalf("before reconcile: %d PERSON actors, want 3", n)
	}
	n, err := s.Reconcile(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if n != 1 {
		t.Errorf("reconcile joined %d actors, want 1", n)
	}
	as := personActors(t, s)
	if len(as) != 2 || as[0].Key != "person:chidi-okafor" || as[0].Documents != 7 || as[0].MentionCount != 7 {
		t.Fatalf("after reconcile: %+v", as)
	}
	d, err := s.Dossier(ctx, as[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Names) != 2 {
		t.Errorf("names = %v, want Chidi Okafor and Okafor", d.Names)
	}
	// a dossier shows the first sources of an event and counts them all
	if len(d.Events) != 1 || d.Events[0].SourceCount != 7 || len(d.Events[0].Sources) != store.DossierSources ||
		d.Next.Events != "" || d.Next.Quotes != "" || d.Next.Positions != "" {
		t.Errorf("dossier events = %+v, next %+v", d.Events, d.Next)
	}
	// the surname-only report's event joined the merged event of the six
	evs, _, err := s.Events(ctx, store.EventQuery{Actor: as[0].ID}, store.Page{})
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != 1 || evs[0].SourceCount != 7 || len(evs[0].Sources) != 7 {
		t.Errorf("events of the joined actor = %+v", evs)
	}
	// a second run finds nothing to do
	if n, err := s.Reconcile(ctx); n != 0 || err != nil {
		t.Errorf("second reconcile = %d %v", n, err)
	}
	// a surname alone after the full name joins on Put
	Put(t, s, person(t, 10, "person:okafor", "Okafor"), "")
	Put(t, s, person(t, 11, "person:mensah", "Mensah"), "") // no full name: its own actor
	if as := personActors(t, s); len(as) != 3 || as[0].Documents != 8 {
		t.Errorf("after more reports: %+v", as)
	}
}

// allPages reads every page of a list through list, following its cursors.
func allPages[T any](t *testing.T, list func(store.Page) ([]T, string, error)) []T {
	t.Helper()
	var all []T
	for cursor := ""; ; {
		page, next, err := list(store.Page{Cursor: cursor})
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, page...)
		if next == "" {
			return all
		}
		cursor = next
	}
}
