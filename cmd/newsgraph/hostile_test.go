package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/hostile"
	"github.com/newsgraph/newsgraph/store"
	"github.com/newsgraph/newsgraph/store/sqlite"
)

// TestHostileIngestHarmsNothing stores a good article, then feeds hostile
// inputs through ingest — a sparse 10 GB file, 10 GB on standard input,
// HTML nested 100,000 deep, NUL bytes, invalid UTF-8, a billion-laughs
// feed, random bytes — and checks that each fails with its reason recorded,
// within bounds, and that the good article and the file are untouched
// (newsgraph check passes).
func TestHostileIngestHarmsNothing(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "h.db")
	good := filepath.Join(dir, "good.txt")
	os.WriteFile(good, []byte(hostile.Article(31, 0)), 0o644)
	var out, errb bytes.Buffer
	if code := run(ctx, []string{"ingest", "--quiet", "--db", dbPath, good}, &out, &errb); code != 0 {
		t.Fatalf("good ingest: exit %d: %s %s", code, out.String(), errb.String())
	}
	db, err := sqlite.Open(ctx, dbPath)
	if err != nil {
		t.Fatal(err)
	}
	id, _, _ := db.Input(ctx, good)
	before, err := db.Document(ctx, id)
	db.Close()
	if err != nil {
		t.Fatal(err)
	}

	bad := filepath.Join(dir, "bad")
	os.Mkdir(bad, 0o755)
	write := func(name string, data []byte) {
		if err := os.WriteFile(filepath.Join(bad, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("deep.html", hostile.DeepHTML(100_000, "div"))
	write("nul.txt", hostile.NULs())
	write("utf8.txt", hostile.InvalidUTF8())
	write("laughs.xml", hostile.BillionLaughs(9))
	write("random.bin", hostile.Garbage(1<<20, 5))
	if f, err := os.Create(filepath.Join(bad, "huge.txt")); err == nil {
		f.Truncate(10 * hostile.GB)
		f.Close()
	}
	out.Reset()
	errb.Reset()
	code := -1
	u := hostile.Measure(60*time.Second, func() {
		code = run(ctx, []string{"ingest", "--quiet", "--db", dbPath, bad}, &out, &errb)
	})
	t.Logf("hostile folder: exit %d, %s (%s)", code, strings.TrimSpace(out.String()), u)
	if u.TimedOut || code != 1 || u.PeakHeap > 1<<30 {
		t.Fatalf("hostile folder: exit %d, %s", code, u)
	}

	// 10 GB on standard input
	r, w, _ := os.Pipe()
	c := &hostile.Counter{R: hostile.Text(10 * hostile.GB)}
	go func() { io.Copy(w, c); w.Close() }()
	saved := os.Stdin
	os.Stdin = r
	out.Reset()
	u = hostile.Measure(30*time.Second, func() {
		code = run(ctx, []string{"ingest", "--quiet", "--db", dbPath, "-"}, &out, &errb)
	})
	os.Stdin = saved
	r.Close()
	t.Logf("10 GB on standard input: exit %d after reading %d MiB, %s (%s)", code, c.N()>>20, strings.TrimSpace(out.String()), u)
	if u.TimedOut || code != 1 || c.N() > 64<<20 {
		t.Errorf("10 GB on standard input: exit %d, read %d bytes, %s", code, c.N(), u)
	}

	db, err = sqlite.Open(ctx, dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	after, err := db.Document(ctx, id)
	if err != nil || !bytes.Equal(before, after) {
		t.Errorf("the good document changed or went: %v", err)
	}
	// the billion-laughs feed's one item has text of its own and is
	// stored, its entities left unexpanded
	st, _ := db.Stats(ctx)
	if st.Documents != 2 {
		t.Errorf("%d documents after hostile input, want the good one and the feed's item", st.Documents)
	}
	db.ExportRecords(ctx, func(rec json.RawMessage) error {
		if len(rec) > 100<<10 {
			t.Errorf("a record of %d bytes: entities expanded?", len(rec))
		}
		return nil
	})
	fs, _, _ := db.Failures(ctx, store.Page{Limit: 100})
	for _, f := range fs {
		t.Logf("failure recorded: %s: %s", filepath.Base(f.Input), f.Reason)
	}
	res, err := db.Check(ctx)
	if err != nil || !res.OK() {
		t.Errorf("check after hostile input: %v %q", err, res.Problems)
	}
}
