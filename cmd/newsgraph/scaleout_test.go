package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/store/postgres"
	"github.com/newsgraph/newsgraph/store/postgres/pgtest"
)

// runCmd runs one command line and returns its exit code and output.
func runCmd(ctx context.Context, args ...string) (int, string) {
	var out, errOut bytes.Buffer
	code := run(ctx, args, &out, &errOut)
	return code, out.String() + errOut.String()
}

// TestEnqueueWorkCopy goes the whole way of a shared store: migrate a
// PostgreSQL schema, queue articles with ingest --enqueue, let a worker
// analyse and store them, then copy the store to SQLite and back, twice
// (the second copy finds everything there).
func TestEnqueueWorkCopy(t *testing.T) {
	url := pgtest.URL(t)
	ctx := context.Background()
	dir := t.TempDir()
	people := []string{"Amara Okafor", "Bruno Lindqvist", "Chidi Petrovic", "Dagny Haddad", "Emeka Moreau"}
	for i, p := range people {
		other := people[(i+1)%len(people)]
		text := fmt.Sprintf("%s met %s in Geneva on Tuesday to discuss the ceasefire, officials said. \"We need more time,\" %s said after the talks. Report %d.",
			p, other, strings.Fields(p)[1], i)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if code, out := runCmd(ctx, "migrate", "--db", url); code != 0 || !strings.Contains(out, "schema version") {
		t.Fatalf("migrate = %d: %s", code, out)
	}
	code, out := runCmd(ctx, "ingest", "--db", url, "--enqueue", "--quiet", "--published", "2025-03-04", dir)
	if code != 0 || !strings.Contains(out, "queued 5") {
		t.Fatalf("ingest --enqueue = %d: %s", code, out)
	}
	if code, out := runCmd(ctx, "ingest", "--db", url, "--enqueue", "--quiet", dir); code != 0 || !strings.Contains(out, "queued 0") {
		t.Errorf("ingest --enqueue again = %d: %s", code, out)
	}
	if code, out := runCmd(ctx, "worker", "--db", filepath.Join(dir, "x.db")); code != 2 || !strings.Contains(out, "postgres://") {
		t.Errorf("worker on a SQLite path = %d: %s", code, out)
	}

	wctx, cancel := context.WithCancel(ctx)
	done := make(chan int)
	go func() {
		code, out := runCmd(wctx, "worker", "--db", url, "--merge-every", "1s", "--poll", "-1s", "--status-every", "0", "--quiet")
		if code != 0 {
			t.Errorf("worker = %d: %s", code, out)
		}
		done <- code
	}()
	db, err := postgres.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for deadline := time.Now().Add(60 * time.Second); ; {
		st, err := db.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if st.Documents == 5 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("documents stored by the worker: %d of 5", st.Documents)
		}
		time.Sleep(100 * time.Millisecond)
	}
	cancel()
	<-done

	lite := filepath.Join(dir, "copy.db")
	if code, out := runCmd(ctx, "copy", "--from", url, "--to", lite, "--quiet"); code != 0 || !strings.Contains(out, "copied 5 records") {
		t.Fatalf("copy to SQLite = %d: %s", code, out)
	}
	if code, out := runCmd(ctx, "copy", "--from", url, "--to", lite, "--quiet"); code != 0 || !strings.Contains(out, "copied 0 records (5 in the target already)") {
		t.Errorf("copy again = %d: %s", code, out)
	}
	back := pgtest.URL(t)
	if code, out := runCmd(ctx, "copy", "--from", lite, "--to", back, "--quiet"); code != 0 || !strings.Contains(out, "copied 5 records") {
		t.Fatalf("copy back to PostgreSQL = %d: %s", code, out)
	}
	if code, out := runCmd(ctx, "copy", "--from", lite, "--to", lite); code == 0 || !strings.Contains(out, "same store") {
		t.Errorf("copy onto itself = %d: %s", code, out)
	}
	for _, target := range []string{lite, back} {
		code, out := runCmd(ctx, "search", "--db", target, "ceasefire")
		if code != 0 || strings.Count(out, "Geneva") < 1 {
			t.Errorf("search in %s = %d: %s", target, code, out)
		}
	}
}
