package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/shared"
	"github.com/newsgraph/newsgraph/store"
	"github.com/newsgraph/newsgraph/store/sqlite"
)

// ingestFiles runs the ingest machinery (reader, workers, one writer) over
// JSON lines files into a fresh SQLite file and reconciles actors.
func ingestFiles(b *testing.B, dbPath string, files ...string) (*sqlite.DB, *ingestSummary) {
	b.Helper()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, dbPath)
	if err != nil {
		b.Fatal(err)
	}
	var srcs []origin
	for _, f := range files {
		srcs = append(srcs, classify(f))
	}
	sum := &ingestSummary{}
	g := &ingester{db: db, o: ingestOpts{batch: 64}, log: slog.New(slog.NewTextHandler(io.Discard, nil)), bar: &progress{}, sum: sum}
	start := time.Now()
	if err := g.run(ctx, srcs); err != nil {
		b.Fatal(err)
	}
	rs := time.Now()
	if sum.joined, err = db.Reconcile(ctx); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(time.Since(rs).Milliseconds()), "reconcile_ms")
	sum.elapsed = time.Since(start)
	return db, sum
}

// BenchmarkIngest stores the news texts of the shared data sets (BBC,
// PolNeAR, MEANTIME, GUM Wikinews; about 3,400 articles) into a fresh
// SQLite file with the full pipeline on all cores, and reports articles/s.
func BenchmarkIngest(b *testing.B) {
	files := []string{
		shared.Path(b, "data/bbc-news-fulltext/bbc-news.jsonl"),
		shared.Path(b, "data/polnear/polnear-articles.jsonl"),
		shared.Path(b, "data/meantime-english/meantime-articles.jsonl"),
		shared.Path(b, "data/gum/gum-wikinews-docs.jsonl"),
	}
	var bytesIn int64
	for _, f := range files {
		if st, err := os.Stat(f); err == nil {
			bytesIn += st.Size()
		}
	}
	for i := 0; i < b.N; i++ {
		dbPath := filepath.Join(b.TempDir(), "bench.db")
		db, sum := ingestFiles(b, dbPath, files...)
		st, _ := db.Stats(context.Background())
		db.Close()
		fi, _ := os.Stat(dbPath)
		b.ReportMetric(float64(sum.stored+sum.duplicates)/sum.elapsed.Seconds(), "articles/s")
		b.ReportMetric(float64(bytesIn)/1e6/sum.elapsed.Seconds(), "MB/s")
		if fi != nil {
			b.ReportMetric(float64(fi.Size())/float64(max(st.Documents, 1))/1024, "KB/doc")
		}
		b.Logf("read %d stored %d duplicates %d near %d failed %d in %s; %+v", sum.read, sum.stored, sum.duplicates, sum.near, sum.failed, sum.elapsed.Round(time.Millisecond), st)
	}
}

// actorsNamed counts the PERSON actors whose canonical name is one of names
// (evaluation only: the names are the answer key, not a rule).
func actorsNamed(b *testing.B, db store.Store, q string, names ...string) []store.Actor {
	var out []store.Actor
	cursor := ""
	for {
		as, next, err := db.Actors(context.Background(), store.ActorQuery{Q: q, Type: "PERSON"}, store.Page{Limit: store.MaxLimit, Cursor: cursor})
		if err != nil {
			b.Fatal(err)
		}
		for _, a := range as {
			if slices.Contains(names, a.Name) {
				out = append(out, a)
			}
		}
		if next == "" {
			return out
		}
		cursor = next
	}
}

// BenchmarkCrossDocumentPolNeAR ingests the 1,008 PolNeAR articles (2016
// US election coverage from many outlets) and reports how many global
// PERSON actors Donald Trump and Hillary Clinton end up as (the target is
// one each) and prints the ten events reported by the most documents.
func BenchmarkCrossDocumentPolNeAR(b *testing.B) {
	file := shared.Path(b, "data/polnear/polnear-articles.jsonl")
	for i := 0; i < b.N; i++ {
		db, sum := ingestFiles(b, filepath.Join(b.TempDir(), "polnear.db"), file)
		trump := actorsNamed(b, db, "Trump", "Donald Trump", "Donald J. Trump", "Trump", "Mr. Trump", "Donald John Trump")
		clinton := actorsNamed(b, db, "Clinton", "Hillary Clinton", "Hillary Rodham Clinton", "Clinton", "Mrs. Clinton", "Hillary")
		b.ReportMetric(float64(len(trump)), "trump_actors")
		b.ReportMetric(float64(len(clinton)), "clinton_actors")
		var lines []string
		for _, a := range append(trump, clinton...) {
			lines = append(lines, fmt.Sprintf("  %s %s %q in %d documents", a.ID, a.Key, a.Name, a.Documents))
		}
		top, err := db.TopEvents(context.Background(), 10)
		if err != nil {
			b.Fatal(err)
		}
		lines = append(lines, "ten largest merged events:")
		for _, e := range top {
			var actors, targets []string
			for _, a := range e.Actors {
				actors = append(actors, a.Name)
			}
			for _, a := range e.Targets {
				targets = append(targets, a.Name)
			}
			lines = append(lines, fmt.Sprintf("  %2d sources  %-9s %-10s %s → %s  issue %q  %s", e.SourceCount, e.Type, e.Date,
				strings.Join(actors, "+"), strings.Join(targets, "+"), e.Issue, e.Polarity))
		}
		// printed, not logged: the testing package cuts a benchmark's log
		// after ten lines
		fmt.Printf("stored %d in %s, keys moved and actors joined by reconcile %d\nDonald Trump and Hillary Clinton as actors:\n%s\n",
			sum.stored, sum.elapsed.Round(time.Millisecond), sum.joined, strings.Join(lines, "\n"))
		db.Close()
	}
}
