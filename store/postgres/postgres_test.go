package postgres

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/store"
	"github.com/newsgraph/newsgraph/store/postgres/pgtest"
	"github.com/newsgraph/newsgraph/store/storetest"
)

func openTemp(t *testing.T) *DB {
	t.Helper()
	db, err := Open(context.Background(), pgtest.URL(t))
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
	url := pgtest.URL(t)
	ctx := context.Background()
	for i := 0; i < 2; i++ {
		db, err := Open(ctx, url)
		if err != nil {
			t.Fatalf("open %d: %v", i, err)
		}
		v, err := db.SchemaVersion(ctx)
		if err != nil || v != len(migrations) {
			t.Errorf("schema version = %d %v, want %d", v, err, len(migrations))
		}
		db.Close()
	}
}

func TestOpenCreatesSchema(t *testing.T) {
	url := pgtest.URL(t) // a schema that exists, for the cleanup of the one below
	ctx := context.Background()
	db, err := Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	other := db.Schema() + "_x"
	t.Cleanup(func() { db.pool.Exec(context.Background(), `DROP SCHEMA IF EXISTS "`+other+`" CASCADE`) })
	db2, err := Open(ctx, pgtest.WithSchema(pgtest.ServerURL(), other))
	if err != nil {
		t.Fatal(err)
	}
	defer db2.Close()
	if db2.Schema() != other {
		t.Errorf("schema = %q, want %q", db2.Schema(), other)
	}
}

func TestTSQuery(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"harvest apples", `'harvest' & 'apples'`},
		{`"unbalanced`, `'unbalanced'`},
		{"harv*", `'harv':*`},
		{"NEAR(a b)", `'NEAR' & 'a' & 'b'`},
		{"title:x", `'title' & 'x'`},
		{"a|b !c <-> d", `'a' & 'b' & 'c' & 'd'`},
		{"O'Brien", `'O' & 'Brien'`},
		{"Zürich café", `'Zürich' & 'café'`},
	} {
		got, err := tsQuery(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("tsQuery(%q) = %q %v, want %q", tc.in, got, err, tc.want)
		}
	}
	for _, in := range []string{"", "  ", "*", "'\"", "<->"} {
		if _, err := tsQuery(in); !errors.Is(err, store.ErrBadQuery) {
			t.Errorf("tsQuery(%q) = %v, want ErrBadQuery", in, err)
		}
	}
}

// FuzzTSQuery checks that whatever a user types, the query is made of
// quoted words joined by & and never carries tsquery syntax.
func FuzzTSQuery(f *testing.F) {
	for _, s := range []string{"harvest apples", "harv*", `"x`, "a | b", "!(a & b)", "a <-> b", "x:*A", "'; DROP", "Ünï cödé 🇺🇦"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		got, err := tsQuery(q)
		if err != nil {
			return
		}
		for _, term := range strings.Split(got, " & ") {
			term = strings.TrimSuffix(term, ":*")
			if len(term) < 3 || term[0] != '\'' || term[len(term)-1] != '\'' || strings.ContainsAny(term[1:len(term)-1], `'\&|!():<>* `) {
				t.Fatalf("tsQuery(%q) = %q: bad term %q", q, got, term)
			}
		}
	})
}

func TestRedact(t *testing.T) {
	if got := redact("postgres://u:secret@h/db"); strings.Contains(got, "secret") {
		t.Errorf("redact = %q", got)
	}
}
