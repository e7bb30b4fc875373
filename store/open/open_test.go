package open

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/newsgraph/newsgraph/store/postgres"
	"github.com/newsgraph/newsgraph/store/postgres/pgtest"
	"github.com/newsgraph/newsgraph/store/sqlite"
)

func TestName(t *testing.T) {
	t.Setenv(EnvVar, "")
	if got := Name(""); got != DefaultPath {
		t.Errorf("Name(\"\") without env = %q", got)
	}
	t.Setenv(EnvVar, "postgres://x/y")
	if got := Name(""); got != "postgres://x/y" || !IsPostgres("") {
		t.Errorf("Name(\"\") with env = %q", got)
	}
	if got := Name("a.db"); got != "a.db" || IsPostgres("a.db") {
		t.Errorf("Name(a.db) = %q", got)
	}
	for _, u := range []string{"postgres://h/db", "postgresql://u@h:5432/db?sslmode=disable"} {
		if !IsPostgres(u) {
			t.Errorf("IsPostgres(%q) = false", u)
		}
	}
}

func TestOpenPicksTheStore(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "x.db"))
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := s.(*sqlite.DB); !ok {
		t.Errorf("a path opened %T", s)
	}
	s.Close()
	s, err = Open(ctx, pgtest.URL(t))
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := s.(*postgres.DB); !ok {
		t.Errorf("a URL opened %T", s)
	}
	s.Close()
}
