package main

import (
	"context"
	"fmt"
	"io"

	"github.com/newsgraph/newsgraph/queue"
	"github.com/newsgraph/newsgraph/store/open"
	"github.com/newsgraph/newsgraph/store/postgres"
	"github.com/newsgraph/newsgraph/store/sqlite"
)

type migrateCmd struct{}

func (*migrateCmd) Name() string { return "migrate" }
func (*migrateCmd) Synopsis() string {
	return "create or bring up to date a store's schema (and the job queue's, in PostgreSQL)"
}

func (c *migrateCmd) Run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("migrate", "[flags]", `
Creates the store's tables, or applies the schema steps it lacks; in
PostgreSQL also the job queue's (River's tables and the queue's own). Every
command migrates the store it opens, so this is for doing it once, ahead,
with a role that may create tables. Safe to run again, and from many
machines at once.

Examples:
  newsgraph migrate --db postgres://news@db.example:5432/news
  newsgraph migrate --db 'postgres://news@db.example/news?search_path=newsgraph'`)
	dbName := fs.String("db", "", "the store: a SQLite file `path` or a postgres:// URL (default $NEWSGRAPH_DB, else newsgraph.db)")
	if _, err := parseFlags(fs, args, stderr); err != nil {
		return err
	}
	s, err := open.Open(ctx, *dbName)
	if err != nil {
		return err
	}
	defer s.Close()
	switch db := s.(type) {
	case *postgres.DB:
		if err := queue.Migrate(ctx, db); err != nil {
			return err
		}
		v, err := db.SchemaVersion(ctx)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "PostgreSQL store in schema %s: schema version %d; job queue ready\n", db.Schema(), v)
	case *sqlite.DB:
		v, err := db.SchemaVersion(ctx)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "SQLite store %s: schema version %d\n", open.Name(*dbName), v)
	}
	return nil
}
