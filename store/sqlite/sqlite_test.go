package sqlite

import (
	"context"
	"path/filepath"
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
	} {
		got, err := ftsQuery(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("ftsQuery(%q) = %q %v, want %q", tc.in, got, err, tc.want)
		}
	}
}
