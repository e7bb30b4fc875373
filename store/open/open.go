// Package open opens the store a --db flag names: a postgres:// or
// postgresql:// URL is a PostgreSQL database (store/postgres), anything
// else a SQLite file path (store/sqlite). An empty name is the NEWSGRAPH_DB
// environment variable, and without it DefaultPath.
//
// # Concurrency
// Open is safe to call from many goroutines; each call opens its own store.
package open

import (
	"context"
	"os"

	"github.com/newsgraph/newsgraph/store"
	"github.com/newsgraph/newsgraph/store/postgres"
	"github.com/newsgraph/newsgraph/store/sqlite"
)

// DefaultPath is the store used when neither --db nor NEWSGRAPH_DB names one.
const DefaultPath = "newsgraph.db"

// EnvVar names the environment variable that gives the default store.
const EnvVar = "NEWSGRAPH_DB"

// Name is the store that db names, with the defaults applied: db itself,
// else $NEWSGRAPH_DB, else DefaultPath.
func Name(db string) string {
	if db != "" {
		return db
	}
	if e := os.Getenv(EnvVar); e != "" {
		return e
	}
	return DefaultPath
}

// IsPostgres reports whether db (after defaults) is a PostgreSQL URL.
func IsPostgres(db string) bool { return postgres.IsURL(Name(db)) }

// Open opens the store that db names (after defaults), creating it and
// bringing its schema up to date.
func Open(ctx context.Context, db string) (store.Store, error) {
	name := Name(db)
	if postgres.IsURL(name) {
		return postgres.Open(ctx, name)
	}
	return sqlite.Open(ctx, name)
}
