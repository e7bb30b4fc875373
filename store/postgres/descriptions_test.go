package postgres

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/store"
	"github.com/newsgraph/newsgraph/store/postgres/pgtest"
	"github.com/newsgraph/newsgraph/store/storetest"
)

// TestDescriptionsMigrated: a store written before schema step 8, with an
// actor row for each description, answers the same after the step moves
// them to their entity rows, and checks sound.
func TestDescriptionsMigrated(t *testing.T) {
	url := pgtest.URL(t)
	ctx := context.Background()
	db, err := Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 3 {
		storetest.Put(t, db, storetest.Record(t, storetest.Spec{URL: fmt.Sprintf("https://d.example/%d", i), Published: "2025-03-01",
			Text: fmt.Sprintf(`Officials rejected the plan, report %d said. "We will not accept it," the officials told Keir Starmer.`, i),
			Entities: []storetest.Ent{{Key: "description:officials", Name: "officials", Type: "PERSON", Spellings: []string{"Officials", "officials"}},
				{Key: "person:keir-starmer", Name: "Keir Starmer", Type: "PERSON", Spellings: []string{"Keir Starmer"}}},
			Quotes: []storetest.Qt{{Text: "We will not accept it", Speaker: 1}},
			Events: []storetest.Ev{{Type: "REJECT", Trigger: "rejected", Issue: "the plan", Actors: []int{0}, Targets: []int{1}}}}), "")
	}
	answers := func(db *DB) string {
		t.Helper()
		qs, _, err := db.Quotes(ctx, store.QuoteQuery{}, store.Page{})
		if err != nil {
			t.Fatal(err)
		}
		evs, _, err := db.Events(ctx, store.EventQuery{}, store.Page{})
		if err != nil {
			t.Fatal(err)
		}
		ps, _, err := db.Positions(ctx, store.PositionQuery{}, store.Page{})
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		for _, q := range qs {
			fmt.Fprintf(&b, "quote %s %s %s|", q.Document, q.Speaker.Key, q.Speaker.Name)
			d, err := db.Dossier(ctx, q.Speaker.Key)
			if err != nil {
				t.Fatalf("dossier of %s: %v", q.Speaker.Key, err)
			}
			fmt.Fprintf(&b, "dossier %s %d %d %d %d|", d.Key, d.Documents, d.MentionCount, len(d.Names), d.Counts.Events)
		}
		for _, e := range evs {
			fmt.Fprintf(&b, "event %s %s %s %d|", e.Actors[0].Key, e.Targets[0].Name, e.Sources[0].Document, e.SourceCount)
		}
		for _, p := range ps {
			fmt.Fprintf(&b, "position %s %s|", p.Actor.Key, p.Issue)
		}
		return b.String()
	}
	want := answers(db)
	if st, _ := db.Stats(ctx); st.Actors != 1 {
		t.Fatalf("actors = %d, want 1 (Keir Starmer)", st.Actors)
	}
	// the form of the store before step 8: an actor, its key and names
	// for each description
	for _, q := range []string{
		`INSERT INTO actors (key, name, type, compact, surname, given, docs, mentions)
			SELECT key, name, type, key, '', '', 1, json_array_length(mentions::json) FROM entities WHERE actor >= 1099511627776`,
		`INSERT INTO actor_keys (key, actor, docs) SELECT key, id, 1 FROM actors WHERE key LIKE 'description:%'`,
		`INSERT INTO actor_names (actor, kind, name, count) SELECT id, kind.k, name, 1 FROM actors, (VALUES ('name'), ('canonical')) kind(k)
			WHERE key LIKE 'description:%'`,
		`UPDATE quotes SET speaker = (SELECT a.id FROM entities e JOIN actors a ON a.key = e.key WHERE e.actor = quotes.speaker) WHERE speaker >= 1099511627776`,
		`UPDATE event_actors SET actor = (SELECT a.id FROM entities e JOIN actors a ON a.key = e.key WHERE e.actor = event_actors.actor) WHERE actor >= 1099511627776`,
		`UPDATE positions SET actor = (SELECT a.id FROM entities e JOIN actors a ON a.key = e.key WHERE e.actor = positions.actor) WHERE actor >= 1099511627776`,
		`UPDATE entities SET actor = (SELECT id FROM actors WHERE key = entities.key) WHERE actor >= 1099511627776`,
		`DELETE FROM schema_migrations WHERE version >= 8`,
	} {
		if _, err := db.pool.Exec(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	if st, _ := db.Stats(ctx); st.Actors != 4 {
		t.Fatalf("actors before the step = %d, want 4", st.Actors)
	}
	db.Close()
	if db, err = Open(ctx, url); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if got := answers(db); got != want {
		t.Errorf("after the step:\n got %s\nwant %s", got, want)
	}
	if st, _ := db.Stats(ctx); st.Actors != 1 {
		t.Errorf("actors after the step = %d, want 1 (Keir Starmer)", st.Actors)
	}
	var left int
	if err := db.pool.QueryRow(ctx, `SELECT (SELECT count(*) FROM actor_keys) + (SELECT count(*) FROM actor_names WHERE actor NOT IN (SELECT id FROM actors))`).Scan(&left); err != nil || left != 1 {
		t.Errorf("actor keys and stray names after the step = %d %v, want 1", left, err)
	}
	if res, err := db.Check(ctx); err != nil || !res.OK() {
		t.Errorf("check = %+v %v", res, err)
	}
	if found, _, err := db.Actors(ctx, store.ActorQuery{Q: "officials"}, store.Page{}); err != nil || len(found) != 0 {
		t.Errorf("actors named officials = %+v %v, want none (each is its document's)", found, err)
	}
	// Reconcile leaves the descriptions as they are
	if _, err := db.Reconcile(ctx); err != nil {
		t.Fatal(err)
	}
	if got := answers(db); got != want {
		t.Errorf("after Reconcile:\n got %s\nwant %s", got, want)
	}
}
