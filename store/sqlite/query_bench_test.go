package sqlite

import (
	"context"
	"os"
	"testing"

	"github.com/newsgraph/newsgraph/store"
)

// BenchmarkQueries measures the reads of the API on a store that
// $NEWSGRAPH_BENCH_DB names (a file made by `newsgraph ingest`, say of the
// benchmark corpus of tools/benchcorpus); it skips without one.
// $NEWSGRAPH_BENCH_ACTOR picks the actor of the dossier (default: the one in
// most documents).
func BenchmarkQueries(b *testing.B) {
	path := os.Getenv("NEWSGRAPH_BENCH_DB")
	if path == "" {
		b.Skip("set NEWSGRAPH_BENCH_DB to a store file")
	}
	ctx := context.Background()
	db, err := Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	actor := os.Getenv("NEWSGRAPH_BENCH_ACTOR")
	if actor == "" {
		top, _, err := db.Actors(ctx, store.ActorQuery{}, store.Page{Limit: 1})
		if err != nil || len(top) == 0 {
			b.Fatal("no actor", err)
		}
		actor = top[0].ID
	}
	page := store.Page{Limit: 20}
	for _, c := range []struct {
		name string
		fn   func() error
	}{
		{"dossier", func() error { _, err := db.Dossier(ctx, actor); return err }},
		{"entities-q", func() error { _, _, err := db.Actors(ctx, store.ActorQuery{Q: "Clinton"}, page); return err }},
		{"entities-person-q", func() error {
			_, _, err := db.Actors(ctx, store.ActorQuery{Q: "an", Type: "PERSON"}, page)
			return err
		}},
		{"entities", func() error { _, _, err := db.Actors(ctx, store.ActorQuery{}, page); return err }},
		{"quotes-speaker", func() error { _, _, err := db.Quotes(ctx, store.QuoteQuery{Speaker: actor}, page); return err }},
		{"events-actor", func() error { _, _, err := db.Events(ctx, store.EventQuery{Actor: actor}, page); return err }},
		{"positions-actor", func() error {
			_, _, err := db.Positions(ctx, store.PositionQuery{Actor: actor}, page)
			return err
		}},
		{"search", func() error { _, _, err := db.SearchDocuments(ctx, "minister", page); return err }},
		{"stats", func() error { _, err := db.Stats(ctx); return err }},
	} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				if err := c.fn(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
