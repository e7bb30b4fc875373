package sqlite

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/store"
	"github.com/newsgraph/newsgraph/store/storetest"
)

// TestActorSearchPlans: a word held by many spellings is searched by trying
// the actors in order of documents (a bounded scan), a rarer one by
// collecting its actors; both must give the same pages, whether the scan
// holds the page or not.
func TestActorSearchPlans(t *testing.T) {
	db := openTemp(t)
	ctx := context.Background()
	// 40 people named Smith, person i in 1 + i%7 documents (ties in
	// documents ordered by id), and 20 people of another name.
	n := 0
	for i := range 40 {
		name := fmt.Sprintf("Anna%c Smith", 'a'+rune(i%26))
		if i >= 26 {
			name = fmt.Sprintf("Bert%c Smith", 'a'+rune(i-26))
		}
		key := "person:" + fmt.Sprint(i) + "-smith"
		for j := 0; j <= i%7; j++ {
			n++
			text := fmt.Sprintf("%s spoke in Paris on Monday, report %d said.", name, n)
			storetest.Put(t, db, storetest.Record(t, storetest.Spec{URL: fmt.Sprintf("https://s.example/%d", n), Text: text,
				Entities: []storetest.Ent{{Key: key, Name: name, Type: "PERSON", Spellings: []string{name}},
					{Key: "city:paris", Name: "Paris", Type: "GPE", Spellings: []string{"Paris"}}}}), "")
		}
	}
	for i := range 20 {
		n++
		name := fmt.Sprintf("Carl%c Jones", 'a'+rune(i))
		text := fmt.Sprintf("%s spoke in Paris on Monday, report %d said.", name, n)
		storetest.Put(t, db, storetest.Record(t, storetest.Spec{URL: fmt.Sprintf("https://s.example/%d", n), Text: text,
			Entities: []storetest.Ent{{Key: "person:" + fmt.Sprint(i) + "-jones", Name: name, Type: "PERSON", Spellings: []string{name}}}}), "")
	}
	all := func(q store.ActorQuery, size int) []string {
		var ids []string
		cursor := ""
		for {
			as, next, err := db.Actors(ctx, q, store.Page{Limit: size, Cursor: cursor})
			if err != nil {
				t.Fatal(err)
			}
			for _, a := range as {
				ids = append(ids, fmt.Sprintf("%s:%d", a.ID, a.Documents))
			}
			if next == "" {
				return ids
			}
			cursor = next
		}
	}
	defer func(d int, s int64) { actorDense, actorScan = d, s }(actorDense, actorScan)
	for _, q := range []store.ActorQuery{{Q: "smith"}, {Q: "smith", Type: "PERSON"}, {Q: "smith", Type: "ORG"}, {Q: "paris"}, {Q: "jones"}} {
		actorDense, actorScan = 1<<30, 20000 // collect and sort
		want := all(q, 7)
		if len(want) == 0 && q.Type != "ORG" {
			t.Fatalf("%+v: nothing found", q)
		}
		for _, scan := range []int64{3, 10, 30, 1000} {
			actorDense, actorScan = 1, scan // try the actors in order first
			for _, size := range []int{1, 7, 50} {
				got := all(q, size)
				if !slices.Equal(got, want) {
					t.Errorf("%+v scan %d, pages of %d:\n got %v\nwant %v", q, scan, size, got, want)
				}
			}
		}
	}
}

// TestDescriptionsMigrated: a store written before schema step 10, with an
// actor row for each description, answers the same after the step moves
// them to their entity rows (and steps 11 and 12 count quotes and copy the
// texts), and checks sound.
func TestDescriptionsMigrated(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	ctx := context.Background()
	db, err := Open(ctx, path)
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
	// the form of the store before step 10: an actor, its key and names
	// for each description
	for _, q := range []string{
		`INSERT INTO actors (key, name, type, compact, surname, given, docs, mentions)
			SELECT key, name, type, key, '', '', 1, json_array_length(mentions) FROM entities WHERE key LIKE 'description:%'`,
		`INSERT INTO actor_keys (key, actor) SELECT key, id FROM actors WHERE key LIKE 'description:%'`,
		`INSERT INTO actor_names (actor, kind, name, count) SELECT id, kind.k, name, 1 FROM actors, (SELECT 'name' AS k UNION ALL SELECT 'canonical') kind
			WHERE key LIKE 'description:%'`,
		`INSERT INTO actor_names_fts (rowid, name) SELECT id, name FROM actor_names WHERE actor IN (SELECT id FROM actors WHERE key LIKE 'description:%')`,
		`UPDATE quotes SET speaker = (SELECT a.id FROM entities e JOIN actors a ON a.key = e.key WHERE e.actor = quotes.speaker) WHERE speaker >= 1099511627776`,
		`UPDATE event_actors SET actor = (SELECT a.id FROM entities e JOIN actors a ON a.key = e.key WHERE e.actor = event_actors.actor) WHERE actor >= 1099511627776`,
		`UPDATE positions SET actor = (SELECT a.id FROM entities e JOIN actors a ON a.key = e.key WHERE e.actor = positions.actor) WHERE actor >= 1099511627776`,
		`UPDATE entities SET actor = (SELECT id FROM actors WHERE key = entities.key) WHERE key LIKE 'description:%'`,
		`ALTER TABLE entities DROP COLUMN key`,
		`ALTER TABLE actor_keys DROP COLUMN docs`,
		`ALTER TABLE actors DROP COLUMN quotes`,
		`DROP VIEW document_text`,
		`CREATE VIEW document_text AS SELECT rowid, title, json_extract(record, '$.text') AS text FROM documents`,
		`DROP TABLE document_texts`,
		`DELETE FROM schema_migrations WHERE version >= 10`,
	} {
		if _, err := db.w.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	if st, _ := db.Stats(ctx); st.Actors != 4 {
		t.Fatalf("actors before the step = %d, want 4", st.Actors)
	}
	db.Close()
	if db, err = Open(ctx, path); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if got := answers(db); got != want {
		t.Errorf("after the step:\n got %s\nwant %s", got, want)
	}
	if st, _ := db.Stats(ctx); st.Actors != 1 {
		t.Errorf("actors after the step = %d, want 1 (Keir Starmer)", st.Actors)
	}
	if res, err := db.Check(ctx); err != nil || !res.OK() {
		t.Errorf("check = %+v %v", res, err)
	}
	if found, _, err := db.Actors(ctx, store.ActorQuery{Q: "officials"}, store.Page{}); err != nil || len(found) != 0 {
		t.Errorf("actors named officials = %+v %v, want none (each is its document's)", found, err)
	}
}
