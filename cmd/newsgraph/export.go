package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/newsgraph/newsgraph/server"
	"github.com/newsgraph/newsgraph/store"
)

type exportCmd struct{}

func (*exportCmd) Name() string { return "export" }
func (*exportCmd) Synopsis() string {
	return "write the store out: records as JSON lines, events as CSV"
}

func (c *exportCmd) Run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("export", "[flags]", `
Writes every stored record as JSON lines (the format of analyze --format
jsonl), or every event report as CSV, one row each with the merged event it
belongs to, its actors, targets, issue and date.

Example:
  newsgraph export --db news.db --format csv --out events.csv`)
	dbPath := fs.String("db", "", "the store: a SQLite file `path` or a postgres:// URL (default $NEWSGRAPH_DB or newsgraph.db)")
	format := fs.String("format", "jsonl", "jsonl (records) or csv (events)")
	out := fs.String("out", "", "write to this `file` instead of standard output")
	args, err := parseFlags(fs, args, stderr)
	if err != nil {
		return err
	}
	if len(args) > 0 {
		fmt.Fprintf(stderr, "newsgraph export: unexpected argument %q\n", args[0])
		return errUsage
	}
	if *format != "jsonl" && *format != "csv" {
		fmt.Fprintf(stderr, "newsgraph export: --format %q: want jsonl or csv\n", *format)
		return errUsage
	}
	db, err := openStore(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	w := stdout
	var f *os.File
	if *out != "" {
		if f, err = os.Create(*out); err != nil {
			return err
		}
		defer f.Close()
		w = f
	}
	bw := bufio.NewWriterSize(w, 256<<10)
	n := 0
	if *format == "jsonl" {
		err = db.ExportRecords(ctx, func(rec json.RawMessage) error {
			n++
			bw.Write(rec)
			return bw.WriteByte('\n')
		})
	} else {
		cw := csv.NewWriter(bw)
		cw.Write(server.EventCSVHeader)
		err = db.ExportEvents(ctx, func(e store.EventRow) error {
			n++
			return cw.Write(server.EventCSVRow(e))
		})
		cw.Flush()
		if err == nil {
			err = cw.Error()
		}
	}
	if err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if f != nil {
		if err := f.Close(); err != nil {
			return err
		}
	}
	what := "records"
	if *format == "csv" {
		what = "event rows"
	}
	fmt.Fprintf(stderr, "%d %s exported\n", n, what)
	return nil
}
