package sqlite

import (
	"context"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/internal/hostile"
	"github.com/newsgraph/newsgraph/pipeline"
	"github.com/newsgraph/newsgraph/store"
)

// filled is a store with a few analysed generated articles, reconciled.
func filled(t *testing.T) *DB {
	t.Helper()
	db := openTemp(t)
	ctx := context.Background()
	p := pipeline.Default()
	var docs []*store.Doc
	for i := range 12 {
		text := hostile.Article(3, i)
		doc, err := pipeline.Analyze(p, newsgraph.Article{Text: text, Published: "2025-04-26"})
		if err != nil {
			t.Fatal(err)
		}
		d, err := store.Prepare(doc.Record(), text, "gen-"+string(rune('a'+i)))
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	if _, err := db.Put(ctx, docs...); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Reconcile(ctx); err != nil {
		t.Fatal(err)
	}
	return db
}

func TestCheckSound(t *testing.T) {
	db := filled(t)
	res, err := db.Check(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if !res.OK() || res.Documents != 12 {
		t.Fatalf("a sound store: %d documents, problems %q", res.Documents, res.Problems)
	}
}

// TestCheckFindsDamage damages a sound store one way at a time, through
// SQL that bypasses the store, and expects Check to name the damage.
func TestCheckFindsDamage(t *testing.T) {
	for _, c := range []struct {
		name, sql, want string
	}{
		{"a quote row lost", `DELETE FROM quotes WHERE id = (SELECT MIN(id) FROM quotes)`, "quotes rows, the record has"},
		{"an orphan entity", `INSERT INTO entities (doc, eid, actor, name, type, mentions) VALUES (999999, 'e1', 1, 'x', 'PERSON', '[]')`, "entities → documents"},
		{"an actor lost", `DELETE FROM actors WHERE id = (SELECT actor FROM entities LIMIT 1)`, "→ actors"},
		{"a record that does not parse", `UPDATE documents SET record = '{"id": ' WHERE rowid = 1`, "does not parse"},
		{"a record with a span off the text", `UPDATE documents SET record = json_set(record, '$.entities[0].mentions[0].start', 100000) WHERE rowid = 1`, "outside the text"},
		{"a record with a dangling speaker", `UPDATE documents SET record = json_set(record, '$.quotes[0].speaker', 'e999') WHERE rowid = 1`, "not there"},
		{"the text index out of step", `DELETE FROM documents_fts WHERE rowid = 1`, "documents_fts is out of step"},
		{"an input pointing nowhere", `INSERT INTO inputs (input, doc_id, status) VALUES ('x', 'nope', 'stored')`, "inputs → documents"},
		{"a key's document count wrong", `UPDATE actor_keys SET docs = docs + 1 WHERE key = (SELECT MIN(key) FROM actor_keys WHERE key NOT LIKE 'description:%')`, "actor_keys.docs"},
		{"a merged event's count wrong", `UPDATE merged_events SET sources = sources + 5 WHERE id = (SELECT MIN(id) FROM merged_events)`, "sources"},
	} {
		t.Run(c.name, func(t *testing.T) {
			db := filled(t)
			ctx := context.Background()
			if _, err := db.w.ExecContext(ctx, c.sql); err != nil {
				t.Fatalf("damage: %v", err)
			}
			res, err := db.Check(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(strings.Join(res.Problems, "\n"), c.want) {
				t.Fatalf("problems %q do not mention %q", res.Problems, c.want)
			}
		})
	}
}
