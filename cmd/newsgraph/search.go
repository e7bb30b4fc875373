package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/newsgraph/newsgraph/store"
)

type searchCmd struct{}

func (*searchCmd) Name() string     { return "search" }
func (*searchCmd) Synopsis() string { return "search the store: documents, quotes or entities" }

func (c *searchCmd) Run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("search", "[flags] QUERY", `
Searches the stored documents (title and text), quotes, or entities (names
and every spelling). Every word must match; a word ending in * matches as a
prefix.

Example:
  newsgraph search --db news.db --type quotes "security guarantees"`)
	dbPath := fs.String("db", "", "the store: a SQLite file `path` or a postgres:// URL (default $NEWSGRAPH_DB or newsgraph.db)")
	typ := fs.String("type", "documents", "what to search: documents, quotes or entities")
	limit := fs.Int("limit", 20, "results to show (`n`, at most 500)")
	asJSON := fs.Bool("json", false, "print JSON lines instead of a table")
	args, err := parseFlags(fs, args, stderr)
	if err != nil {
		return err
	}
	q := strings.TrimSpace(strings.Join(args, " "))
	if q == "" {
		fmt.Fprintln(stderr, "newsgraph search: no query")
		fs.Usage()
		return errUsage
	}
	db, err := openStore(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	p := store.Page{Limit: *limit}
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	switch *typ {
	case "documents":
		hits, _, err := db.SearchDocuments(ctx, q, p)
		if err != nil {
			return err
		}
		for _, h := range hits {
			if *asJSON {
				enc.Encode(h)
				continue
			}
			fmt.Fprintf(stdout, "%s  %s  %s\n    %s\n", h.ID, h.Published, firstOf(h.Title, h.URL), oneLine(h.Snippet))
		}
		fmt.Fprintf(stderr, "%d documents\n", len(hits))
	case "quotes":
		hits, _, err := db.Quotes(ctx, store.QuoteQuery{Q: q}, p)
		if err != nil {
			return err
		}
		for _, h := range hits {
			if *asJSON {
				enc.Encode(h)
				continue
			}
			who := "(no speaker)"
			if h.Speaker != nil {
				who = h.Speaker.Name
			}
			fmt.Fprintf(stdout, "%s/%s  %s %s: %q\n", h.Document, h.ID, who, h.Cue, oneLine(h.Text))
		}
		fmt.Fprintf(stderr, "%d quotes\n", len(hits))
	case "entities":
		hits, _, err := db.Actors(ctx, store.ActorQuery{Q: q}, p)
		if err != nil {
			return err
		}
		for _, h := range hits {
			if *asJSON {
				enc.Encode(h)
				continue
			}
			fmt.Fprintf(stdout, "%-7s %-8s %-30s %5d documents  %s\n", h.ID, h.Type, h.Name, h.Documents, h.Key)
		}
		fmt.Fprintf(stderr, "%d entities\n", len(hits))
	default:
		fmt.Fprintf(stderr, "newsgraph search: --type %q: want documents, quotes or entities\n", *typ)
		return errUsage
	}
	return nil
}

func firstOf(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
