package sqlite

import (
	"bytes"
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/store"
	"github.com/newsgraph/newsgraph/store/storetest"
)

func openTemp(t *testing.T) *DB {
	t.Helper()
	db, err := Open(context.Background(), filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store { return openTemp(t) })
}

func TestMigrationsReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "m.db")
	ctx := context.Background()
	for i := 0; i < 2; i++ {
		db, err := Open(ctx, path)
		if err != nil {
			t.Fatalf("open %d: %v", i, err)
		}
		v, err := db.SchemaVersion(ctx)
		if err != nil || v != len(migrations) {
			t.Errorf("schema version = %d %v, want %d", v, err, len(migrations))
		}
		if s, err := db.IntegrityCheck(ctx); err != nil || s != "ok" {
			t.Errorf("integrity = %q %v", s, err)
		}
		db.Close()
	}
}

func TestFTSQuery(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"harvest apples", `"harvest" "apples"`},
		{`"unbalanced`, `"unbalanced"`},
		{"harv*", `"harv"*`},
		{"NEAR(a b)", `"NEAR" "a" "b"`},
		{"title:x", `"title" "x"`},
		{"U.S. policy", `"U" "S" "policy"`},
		{"x\x00y", `"x" "y"`},
		{"a*b*", `"a"* "b"*`},
	} {
		got, err := ftsQuery(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("ftsQuery(%q) = %q %v, want %q", tc.in, got, err, tc.want)
		}
	}
}

// FuzzFTSQuery checks that whatever a user types, the rebuilt query is
// valid FTS5 (the engine never reports a syntax error) or ErrBadQuery.
func FuzzFTSQuery(f *testing.F) {
	for _, s := range []string{"harvest apples", `"unbalanced`, "NEAR(a b)", "a OR b", "title:x", "-minus", "*", `'; DROP TABLE documents; --`,
		"^start", "(", "{x}", "a AND", "ünïcödé 🇺🇦", "x\x00y", "AND OR NOT", `""`, "a*b*", "-", "+"} {
		f.Add(s)
	}
	db, err := Open(context.Background(), filepath.Join(f.TempDir(), "fuzz.db"))
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { db.Close() })
	f.Fuzz(func(t *testing.T, q string) {
		fq, err := ftsQuery(q)
		if err != nil {
			if !errors.Is(err, store.ErrBadQuery) {
				t.Fatalf("ftsQuery(%q): %v", q, err)
			}
			return
		}
		if strings.Count(fq, `"`)%2 != 0 {
			t.Fatalf("unbalanced quotes in %q", fq)
		}
		rows, err := db.r.Query(`SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?`, fq)
		if err != nil {
			t.Fatalf("MATCH %q (from %q): %v", fq, q, err)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			t.Fatalf("MATCH %q (from %q): %v", fq, q, err)
		}
	})
}

// TestSameIDOtherArticleStoredApart: two sources numbering their articles
// alike must not lose one of them as a duplicate. (To join the conformance
// suite once store/postgres does the same.)
func TestSameIDOtherArticleStoredApart(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	a := storetest.Record(t, storetest.Spec{ID: "42", Text: "Ministers from twelve countries met in Geneva on Tuesday to discuss a ceasefire along the northern border, officials said."})
	b := storetest.Record(t, storetest.Spec{ID: "42", Text: "Farmers in the valley expect a record harvest of apples and pears this autumn."})
	storetest.Put(t, s, a, "one.jsonl:1")
	r := storetest.Put(t, s, b, "two.jsonl:1")
	if r.Status != store.Stored || r.ID == "42" || !strings.HasPrefix(r.ID, "42") {
		t.Fatalf("another article with a taken id = %+v, want stored under a new id", r)
	}
	rec, err := s.Document(ctx, r.ID)
	if err != nil || !bytes.Contains(rec, []byte(`"id":"`+r.ID+`"`)) {
		t.Errorf("record under %s: %v %.80s", r.ID, err, rec)
	}
	if st, _ := s.Stats(ctx); st.Documents != 2 {
		t.Errorf("documents = %d, want 2", st.Documents)
	}
}

// Processes that open a new file at the same moment (an ingest and a server
// started together) each bring the schema up to date without tripping over
// the other's steps.
func TestMigrationsConcurrentOpen(t *testing.T) {
	for round := range 5 {
		path := filepath.Join(t.TempDir(), "c.db")
		errs := make(chan error, 4)
		for range cap(errs) {
			go func() {
				db, err := Open(context.Background(), path)
				if err == nil {
					err = db.Close()
				}
				errs <- err
			}()
		}
		for range cap(errs) {
			if err := <-errs; err != nil {
				t.Fatalf("round %d: %v", round, err)
			}
		}
		db, err := Open(context.Background(), path)
		if err != nil {
			t.Fatal(err)
		}
		v, err := db.SchemaVersion(context.Background())
		db.Close()
		if err != nil || v != len(migrations) {
			t.Fatalf("round %d: schema version %d (%v), want %d", round, v, err, len(migrations))
		}
	}
}
