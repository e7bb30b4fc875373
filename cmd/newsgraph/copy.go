package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/store"
	"github.com/newsgraph/newsgraph/store/open"
)

type copyCmd struct{}

func (*copyCmd) Name() string { return "copy" }
func (*copyCmd) Synopsis() string {
	return "copy every stored record from one store into another (SQLite ⇄ PostgreSQL)"
}

func (c *copyCmd) Run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("copy", "--from STORE --to STORE [flags]", `
Streams every record of one store into another, in the order stored, and
the recorded failures; the target derives actors, merged events and
positions again as it stores them, then joins actors across documents.
Records already in the target are skipped, so an interrupted copy is
finished by running it again. A store is a SQLite file path or a
postgres:// URL.

Example:
  newsgraph copy --from newsgraph.db --to postgres://news@db.example:5432/news`)
	from := fs.String("from", "", "the store to read (`path or URL`)")
	to := fs.String("to", "", "the store to write (`path or URL`)")
	batch := fs.Int("batch", 200, "records written per transaction (`n`)")
	quiet := fs.Bool("quiet", false, "no progress bar")
	if _, err := parseFlags(fs, args, stderr); err != nil {
		return err
	}
	if *from == "" || *to == "" {
		fmt.Fprintln(stderr, "newsgraph copy: give both --from and --to")
		fs.Usage()
		return errUsage
	}
	if open.Name(*from) == open.Name(*to) {
		return errors.New("--from and --to name the same store")
	}
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	src, err := open.Open(ctx, *from)
	if err != nil {
		return fmt.Errorf("--from: %w", err)
	}
	defer src.Close()
	dst, err := open.Open(ctx, *to)
	if err != nil {
		return fmt.Errorf("--to: %w", err)
	}
	defer dst.Close()
	st, err := src.Stats(ctx)
	if err != nil {
		return err
	}
	bar := &progress{}
	if !*quiet {
		bar = newProgress(stderr, st.Documents, "copying")
	}
	start := time.Now()
	sum, err := copyStore(ctx, src, dst, max(*batch, 1), bar.Add)
	bar.Finish()
	if err != nil {
		return err
	}
	sum.elapsed = time.Since(start)
	fmt.Fprintf(stdout, "copied %d records (%d in the target already), %d failures, actors joined %d, in %s (%.0f records/s)\n",
		sum.copied, sum.skipped, sum.failures, sum.joined, sum.elapsed.Round(time.Millisecond),
		float64(sum.copied+sum.skipped)/max(sum.elapsed.Seconds(), 1e-9))
	return nil
}

// copySummary counts what copyStore did.
type copySummary struct {
	copied, skipped, failures, joined int
	elapsed                           time.Duration
}

// copyStore streams src's records into dst in batches, skipping records
// dst has (by id), then copies the failures and reconciles dst. done is
// told of every record read.
func copyStore(ctx context.Context, src, dst store.Store, batch int, done func(int)) (copySummary, error) {
	var sum copySummary
	wctx := context.WithoutCancel(ctx) // a batch in hand is written even when interrupted
	var docs []*store.Doc
	flush := func() error {
		if len(docs) == 0 {
			return nil
		}
		res, err := dst.Put(wctx, docs...)
		if err != nil {
			return err
		}
		for _, r := range res {
			if r.Status == store.Stored {
				sum.copied++
			} else {
				sum.skipped++
			}
		}
		done(len(docs))
		docs = docs[:0]
		return nil
	}
	errStop := errors.New("interrupted")
	err := src.ExportRecords(ctx, func(raw json.RawMessage) error {
		if ctx.Err() != nil {
			return errStop
		}
		var rec newsgraph.Record
		if err := json.Unmarshal(raw, &rec); err != nil {
			return fmt.Errorf("decode a record: %w", err)
		}
		if _, err := dst.DocumentInfo(ctx, rec.ID); err == nil {
			sum.skipped++
			done(1)
			return nil
		} else if !errors.Is(err, store.ErrNotFound) {
			return err
		}
		d, err := store.Prepare(&rec, rec.Text, "")
		if err != nil {
			return err
		}
		d.JSON = append([]byte(nil), raw...) // byte for byte as the source returns it
		docs = append(docs, d)
		if len(docs) >= batch {
			return flush()
		}
		return nil
	})
	if ferr := flush(); err == nil {
		err = ferr
	}
	if errors.Is(err, errStop) {
		return sum, fmt.Errorf("interrupted after %d records; run the same command again to finish", sum.copied+sum.skipped)
	}
	if err != nil {
		return sum, err
	}
	// failures the target has are not counted again
	have := map[string]bool{}
	if err := eachFailure(ctx, dst, func(f store.Failure) error { have[f.Input] = true; return nil }); err != nil {
		return sum, err
	}
	err = eachFailure(ctx, src, func(f store.Failure) error {
		if have[f.Input] {
			return nil
		}
		if _, ok, err := dst.Input(ctx, f.Input); err != nil || ok {
			return err // stored in the target since
		}
		sum.failures++
		return dst.Fail(ctx, f.Input, f.Reason)
	})
	if err != nil {
		return sum, err
	}
	if sum.copied > 0 {
		n, err := dst.Reconcile(wctx)
		if err != nil {
			return sum, fmt.Errorf("reconcile: %w", err)
		}
		sum.joined = n
	}
	return sum, nil
}

// eachFailure calls fn with every failure s records.
func eachFailure(ctx context.Context, s store.Store, fn func(store.Failure) error) error {
	for cursor := ""; ; {
		fs, next, err := s.Failures(ctx, store.Page{Limit: store.MaxLimit, Cursor: cursor})
		if err != nil {
			return err
		}
		for _, f := range fs {
			if err := fn(f); err != nil {
				return err
			}
		}
		if next == "" {
			return nil
		}
		cursor = next
	}
}
