package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"time"

	"github.com/newsgraph/newsgraph/store"
)

type checkCmd struct{}

func (*checkCmd) Name() string { return "check" }
func (*checkCmd) Synopsis() string {
	return "verify the store: database integrity, records, derived rows, indexes"
}

func (c *checkCmd) Run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("check", "[flags]", `
Reads the whole store and verifies it: the database's own integrity check
(SQLite's PRAGMA integrity_check), full-text indexes against their tables,
no row pointing at a document, actor, event or position that is not there,
every stored record parsing and valid (offsets inside the text, spans
matching their text, ids referenced existing, types from their sets), and
the rows derived from each record agreeing with it in number.

Prints the checks and every problem found; exits 1 when there is any.

Example:
  newsgraph check --db news.db`)
	dbPath := fs.String("db", "", "the store: a SQLite file `path` or a postgres:// URL (default $NEWSGRAPH_DB or newsgraph.db)")
	asJSON := fs.Bool("json", false, "print the result as JSON")
	args, err := parseFlags(fs, args, stderr)
	if err != nil {
		return err
	}
	if len(args) > 0 {
		fmt.Fprintf(stderr, "newsgraph check: unexpected argument %q\n", args[0])
		return errUsage
	}
	db, err := openStore(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	ck, ok := db.(store.Checker)
	if !ok {
		return fmt.Errorf("this store (%T) has no checks", db)
	}
	start := time.Now()
	res, err := ck.Check(ctx)
	if err != nil {
		return fmt.Errorf("check: %w", err)
	}
	if *asJSON {
		if res.Problems == nil {
			res.Problems = []string{}
		}
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(res); err != nil {
			return err
		}
	} else {
		fmt.Fprintf(stdout, "checked %d documents in %s: %d checks\n", res.Documents, time.Since(start).Round(time.Millisecond), len(res.Checks))
		for _, p := range res.Problems {
			fmt.Fprintln(stdout, "problem:", p)
		}
		if res.Truncated {
			fmt.Fprintf(stdout, "problem: more than %d problems; the rest are not listed\n", store.MaxProblems)
		}
		if res.OK() {
			fmt.Fprintln(stdout, "ok")
		} else {
			fmt.Fprintf(stdout, "%d problems\n", len(res.Problems))
		}
	}
	if !res.OK() {
		return exitError{1}
	}
	return nil
}
