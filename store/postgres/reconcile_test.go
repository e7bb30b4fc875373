package postgres

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/store/postgres/pgtest"
	"github.com/newsgraph/newsgraph/store/storetest"
)

// speaker makes report i of one person: a meeting in Berlin, a rejection
// (a position on tariffs) and a quote.
func speaker(t *testing.T, i int, key, name string) *newsgraph.Record {
	text := fmt.Sprintf("%s met officials in Berlin on Monday. %s rejected the tariffs. \"No deal,\" %s said in report %d.", name, name, name, i)
	return storetest.Record(t, storetest.Spec{URL: fmt.Sprintf("https://r.example/%d", i), Published: "2025-05-05", Text: text,
		Entities: []storetest.Ent{{Key: key, Name: name, Type: "PERSON", Spellings: []string{name}, Roles: []string{"minister"}},
			{Key: "city:berlin", Name: "Berlin", Type: "GPE", Spellings: []string{"Berlin"}}},
		Quotes: []storetest.Qt{{Text: "No deal,", Speaker: 1, Cue: "said"}},
		Events: []storetest.Ev{{Type: "CONSULT", Trigger: "met", Actors: []int{0}, Targets: []int{1}},
			{Type: "REJECT", Trigger: "rejected", Issue: "tariffs", Actors: []int{0}}}})
}

// snapshot describes the store's merges without its ids: each actor by
// its keys and counts, each merged event by its participants' keys and
// its reports, each position likewise, each quote by its speaker's keys.
func snapshot(t *testing.T, db *DB) string {
	t.Helper()
	ctx := context.Background()
	var out []string
	for _, q := range []string{
		`SELECT 'actor ' || (SELECT string_agg(key, ',' ORDER BY key) FROM actor_keys k WHERE k.actor = a.id)
			|| ' docs=' || a.docs || ' mentions=' || a.mentions || ' names=' ||
			(SELECT string_agg(kind || ':' || name || ':' || count, ',' ORDER BY kind, name) FROM actor_names n WHERE n.actor = a.id) FROM actors a`,
		`SELECT 'event ' || m.type || '|' || m.day || '|' || m.sources || '|' ||
			(SELECT string_agg((SELECT min(key) FROM actor_keys k WHERE k.actor = ea.actor) || ':' || ea.role, ',' ORDER BY 1) FROM event_actors ea WHERE ea.merged = m.id) || '|' ||
			(SELECT string_agg(d.id || '/' || e.vid, ',' ORDER BY d.id, e.vid) FROM events e JOIN documents d ON d.rowid = e.doc WHERE e.merged = m.id)
		FROM merged_events m`,
		`SELECT 'position ' || (SELECT min(key) FROM actor_keys k WHERE k.actor = p.actor) || '|' || p.issue || '|' || p.stance || '|' ||
			(SELECT string_agg(d.id || '/' || pe.vid, ',' ORDER BY d.id, pe.vid) FROM position_evidence pe JOIN documents d ON d.rowid = pe.doc WHERE pe.position = p.id)
		FROM positions p`,
		`SELECT 'quote ' || d.id || '/' || q.qid || ' ' || COALESCE((SELECT min(key) FROM actor_keys k WHERE k.actor = q.speaker), '-')
		FROM quotes q JOIN documents d ON d.rowid = q.doc`,
	} {
		rows, err := db.pool.Query(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var s string
			if err := rows.Scan(&s); err != nil {
				t.Fatal(err)
			}
			out = append(out, s)
		}
		rows.Close()
	}
	slices.Sort(out)
	return strings.Join(out, "\n")
}

// TestReconcileOrderIndependent stores one set of reports in several
// orders, reconciling now and then: a surname alone that Put joined to
// the person who dominated it at the time must leave when another person
// of that surname makes the first no longer dominant, so that every order
// ends with the same actors, merged events, positions and quotes.
func TestReconcileOrderIndependent(t *testing.T) {
	ctx := context.Background()
	var recs []*newsgraph.Record
	for i := range 6 {
		recs = append(recs, speaker(t, i, "person:amara-okafor", "Amara Okafor"))
	}
	recs = append(recs, speaker(t, 6, "person:amara-j-okafor", "Amara J. Okafor"))
	for i := 7; i < 10; i++ {
		recs = append(recs, speaker(t, i, "person:okafor", "Okafor"))
	}
	for i := 10; i < 13; i++ {
		recs = append(recs, speaker(t, i, "person:kemi-okafor", "Kemi Okafor"))
	}
	recs = append(recs, speaker(t, 13, "person:amara", "Amara"))
	orders := [][]int{
		{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13}, // the surname joins Amara Okafor on Put, Kemi Okafor comes later
		{10, 11, 12, 7, 8, 9, 13, 0, 1, 2, 3, 4, 5, 6}, // no one dominates when the surname comes
	}
	r := rand.New(rand.NewPCG(3, 4))
	for range 4 {
		orders = append(orders, r.Perm(len(recs)))
	}
	var want string
	for n, order := range orders {
		db := openTemp(t)
		for i, j := range order {
			storetest.Put(t, db, recs[j], "")
			if i%3 == 2 || i == 8 { // Reconcile mid-run, as the merge jobs do
				if _, err := db.Reconcile(ctx); err != nil {
					t.Fatalf("order %v: reconcile: %v", order, err)
				}
			}
		}
		if _, err := db.Reconcile(ctx); err != nil {
			t.Fatal(err)
		}
		if n, err := db.Reconcile(ctx); n != 0 || err != nil {
			t.Errorf("order %v: a second reconcile = %d %v", order, n, err)
		}
		res, err := db.Check(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if !res.OK() {
			t.Errorf("order %v: check: %v", order, res.Problems)
		}
		got := snapshot(t, db)
		if n == 0 {
			want = got
			t.Logf("the store after order %v:\n%s", order, got)
			if !strings.Contains(got, "actor person:okafor docs=3") || !strings.Contains(got, "actor person:amara,person:amara-j-okafor,person:amara-okafor docs=8") {
				t.Errorf("the surname alone should stand apart (no one dominates it), the given name join Amara Okafor")
			}
			continue
		}
		if got != want {
			t.Errorf("order %v gives another store:\n%s\nwant\n%s", order, got, want)
		}
	}
}

// TestBackfillKeys opens a store made before schema step 7: its entities
// get their keys from the records and its keys their document counts, the
// same as Put gives them.
func TestBackfillKeys(t *testing.T) {
	ctx := context.Background()
	url := pgtest.URL(t)
	db, err := Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 4 {
		storetest.Put(t, db, speaker(t, i, "person:amara-okafor", "Amara Okafor"), "")
	}
	storetest.Put(t, db, speaker(t, 4, "person:okafor", "Okafor"), "")
	const state = `SELECT (SELECT string_agg(doc || '/' || eid || '=' || key, ',' ORDER BY doc, eid) FROM entities) || ' ' ||
		(SELECT string_agg(key || '=' || docs, ',' ORDER BY key) FROM actor_keys)`
	var want string
	if err := db.pool.QueryRow(ctx, state).Scan(&want); err != nil {
		t.Fatal(err)
	}
	if _, err := db.pool.Exec(ctx, `ALTER TABLE entities DROP COLUMN key; ALTER TABLE actor_keys DROP COLUMN docs;
		DELETE FROM schema_migrations WHERE version >= 7`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if db, err = Open(ctx, url); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var got string
	if err := db.pool.QueryRow(ctx, state).Scan(&got); err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Errorf("after the backfill:\n%s\nwant\n%s", got, want)
	}
}
