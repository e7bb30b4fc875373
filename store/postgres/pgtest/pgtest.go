// Package pgtest gives tests a PostgreSQL schema of their own: the server
// is NEWSGRAPH_TEST_POSTGRES (default
// postgres://root@127.0.0.1:5432/test?sslmode=disable), each test gets a
// fresh schema, named after it, that is dropped when it ends, and a test
// skips with a message saying so when no server answers.
//
// # Concurrency
// Schemas are unique per call, so tests and packages run in parallel on one
// database without seeing each other's tables.
package pgtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// DefaultURL is the server tests use when NEWSGRAPH_TEST_POSTGRES is unset.
const DefaultURL = "postgres://root@127.0.0.1:5432/test?sslmode=disable"

// ServerURL is the URL of the test server, without a schema.
func ServerURL() string {
	if u := os.Getenv("NEWSGRAPH_TEST_POSTGRES"); u != "" {
		return u
	}
	return DefaultURL
}

// URL creates a fresh schema for the test and returns the server URL with
// search_path set to it; the schema is dropped at the end of the test. It
// skips the test when the server cannot be reached.
func URL(t testing.TB) string {
	t.Helper()
	base := ServerURL()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, base)
	if err != nil {
		if os.Getenv("NEWSGRAPH_REQUIRE_POSTGRES") != "" {
			t.Fatalf("PostgreSQL at %s is required (NEWSGRAPH_REQUIRE_POSTGRES) but cannot be reached: %v", base, err)
		}
		t.Skipf("PostgreSQL tests skipped: no server at %s (set NEWSGRAPH_TEST_POSTGRES to a reachable database): %v", base, err)
	}
	defer conn.Close(ctx)
	schema := Schema(t)
	if _, err := conn.Exec(ctx, `CREATE SCHEMA `+pgx.Identifier{schema}.Sanitize()); err != nil {
		t.Fatalf("create schema %s: %v", schema, err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		conn, err := pgx.Connect(ctx, base)
		if err != nil {
			t.Logf("drop schema %s: %v", schema, err)
			return
		}
		defer conn.Close(ctx)
		if _, err := conn.Exec(ctx, `DROP SCHEMA `+pgx.Identifier{schema}.Sanitize()+` CASCADE`); err != nil {
			t.Logf("drop schema %s: %v", schema, err)
		}
	})
	return WithSchema(base, schema)
}

// Schema is a new schema name for the test: its name, folded to what an
// identifier holds, and a random suffix.
func Schema(t testing.TB) string {
	var b strings.Builder
	b.WriteString("t_")
	for _, r := range strings.ToLower(t.Name()) {
		if b.Len() >= 40 {
			break
		}
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		} else {
			b.WriteByte('_')
		}
	}
	var rnd [4]byte
	rand.Read(rnd[:])
	return b.String() + "_" + hex.EncodeToString(rnd[:])
}

// WithSchema returns base with search_path set to schema.
func WithSchema(base, schema string) string {
	u, err := url.Parse(base)
	if err != nil {
		sep := "?"
		if strings.Contains(base, "?") {
			sep = "&"
		}
		return base + sep + "search_path=" + url.QueryEscape(schema)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}
