package postgres

import (
	"context"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/internal/hostile"
	"github.com/newsgraph/newsgraph/pipeline"
	"github.com/newsgraph/newsgraph/store"
	"github.com/newsgraph/newsgraph/store/postgres/pgtest"
)

func TestCheck(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, pgtest.URL(t))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	p := pipeline.Default()
	var docs []*store.Doc
	for i := range 8 {
		text := hostile.Article(5, i)
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
	res, err := db.Check(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !res.OK() || res.Documents != 8 {
		t.Fatalf("a sound store: %d documents, problems %q", res.Documents, res.Problems)
	}
	if _, err := db.pool.Exec(ctx, `DELETE FROM quotes WHERE id = (SELECT MIN(id) FROM quotes)`); err != nil {
		t.Fatal(err)
	}
	if _, err := db.pool.Exec(ctx, `INSERT INTO inputs (input, doc_id, status) VALUES ('x', 'nope', 'stored')`); err != nil {
		t.Fatal(err)
	}
	res, err = db.Check(ctx)
	if err != nil {
		t.Fatal(err)
	}
	all := strings.Join(res.Problems, "\n")
	for _, want := range []string{"quotes rows, the record has", "inputs → documents"} {
		if !strings.Contains(all, want) {
			t.Errorf("problems %q do not mention %q", res.Problems, want)
		}
	}
}
