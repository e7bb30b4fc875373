package main

import (
	"bytes"
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/internal/hostile"
	"github.com/newsgraph/newsgraph/pipeline"
	"github.com/newsgraph/newsgraph/server"
	"github.com/newsgraph/newsgraph/store"
	"github.com/newsgraph/newsgraph/store/sqlite"
)

// TestLoadShort runs the load generator for a few seconds against the API
// in this process, over a SQLite store of generated articles: no errors at
// any level, and the table printed for the record.
func TestLoadShort(t *testing.T) {
	if testing.Short() {
		t.Skip("load")
	}
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "load.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	p := pipeline.Default()
	var docs []*store.Doc
	for i := range 200 {
		text := hostile.Article(21, i)
		doc, err := pipeline.Analyze(p, newsgraph.Article{Text: text, Published: "2025-04-26"})
		if err != nil {
			t.Fatal(err)
		}
		d, err := store.Prepare(doc.Record(), text, fmt.Sprint("gen-", i))
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	if _, err := db.Put(ctx, docs...); err != nil {
		t.Fatal(err)
	}
	db.Reconcile(ctx)
	srv := httptest.NewServer(server.New(server.Options{Store: db}))
	defer srv.Close()
	pid := os.Getpid()
	rs, err := Run(ctx, Config{Base: srv.URL, Levels: []int{1, 4, 16}, Duration: 2 * time.Second, Max: 50_000,
		RSS: func() int64 { return ProcRSS(pid) }})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	Table(&b, rs)
	PathTable(&b, rs)
	t.Logf("in-process API over 200 generated documents:\n%s", b.String())
	for _, r := range rs {
		if r.Errors > 0 || r.Requests == 0 {
			t.Errorf("concurrency %d: %d requests, %d errors", r.Concurrency, r.Requests, r.Errors)
		}
		var n int64
		for _, p := range r.Paths {
			n += p.Requests
			if p.Requests == 0 || p.P99 < p.P50 || p.Max < p.P99 {
				t.Errorf("concurrency %d, %s: %+v", r.Concurrency, p.Path, p)
			}
		}
		if n != r.Requests || len(r.Paths) != len(DefaultPaths) {
			t.Errorf("concurrency %d: %d requests path by path over %d paths, want %d over %d", r.Concurrency, n, len(r.Paths), r.Requests, len(DefaultPaths))
		}
	}
}

func TestRefusesOtherHosts(t *testing.T) {
	for _, base := range []string{"http://10.0.0.1:80", "http://192.168.1.1", "http://93.184.216.34:8080"} {
		if _, err := Run(context.Background(), Config{Base: base, Levels: []int{1}, Duration: time.Second}); err == nil {
			t.Errorf("%s accepted as a target", base)
		}
	}
	if _, err := Run(context.Background(), Config{Base: "http://127.0.0.1:1", Levels: []int{1}, Duration: time.Hour}); err == nil {
		t.Error("a level of an hour accepted")
	}
}
