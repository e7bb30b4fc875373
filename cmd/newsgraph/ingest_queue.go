package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"runtime"
	"time"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/merge"
	"github.com/newsgraph/newsgraph/pipeline"
	"github.com/newsgraph/newsgraph/store"
	"github.com/newsgraph/newsgraph/store/sqlite"
)

// queueAll is ingest --queue on a SQLite store: every article is written
// with its River analyze job into the store's file (one transaction each),
// and this process works the jobs as they come; a merge job ends the run.
// Jobs left by an interrupted run are worked first, so running the command
// again, with or without inputs, finishes them.
func (g *ingester) queueAll(ctx context.Context, sources []origin, stdout io.Writer) error {
	db, ok := g.db.(*sqlite.DB)
	if !ok {
		return errors.New("--queue needs a SQLite store; with PostgreSQL use --enqueue and 'newsgraph worker'")
	}
	workers := g.o.workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	p := pipeline.Default()
	q, err := db.NewQueue(ctx, sqlite.QueueConfig{
		Workers: workers,
		Log:     slog.New(warnOnly{g.log.Handler()}),
		Analyze: func(ctx context.Context, input string, a newsgraph.Article) (*store.Doc, error) {
			return g.prepare(ctx, p, input, a)
		},
	})
	if err != nil {
		return err
	}
	before, err := db.Stats(ctx)
	if err != nil {
		return err
	}
	start := time.Now()
	if err := q.Start(context.WithoutCancel(ctx)); err != nil {
		return err
	}
	defer q.Stop(context.WithoutCancel(ctx))

	// read and enqueue
	items := make(chan item, 64)
	go func() {
		defer close(items)
		for _, s := range sources {
			if !g.read(ctx, s, items) {
				return
			}
		}
	}()
	queued := 0
	for it := range items {
		if it.err == nil && it.path != "" {
			it.art, it.err = ingest.ReadFile(it.path, ingest.Options{MaxSize: g.o.maxSize})
		}
		if it.err != nil {
			g.fail(context.WithoutCancel(ctx), it.input, it.err)
			g.bar.Add(1)
			continue
		}
		in := it.input
		if in == "" {
			in = "stdin:" + merge.ContentHash(it.art.Text)
		}
		ok, err := q.Enqueue(ctx, in, it.art)
		if err != nil {
			if ctx.Err() != nil {
				break
			}
			return fmt.Errorf("enqueue %s: %w", in, err)
		}
		if ok {
			queued++
		} else {
			g.sum.skipped.Add(1)
			g.bar.Add(1)
		}
	}
	// wait for the analyze jobs, then merge
	if err := g.drain(ctx, q); err != nil {
		return err
	}
	if ctx.Err() == nil {
		if err := q.Merge(ctx); err != nil {
			return err
		}
		if err := g.drain(ctx, q); err != nil {
			return err
		}
	}
	after, err := db.Stats(context.WithoutCancel(ctx))
	if err != nil {
		return err
	}
	g.sum.read = queued + int(g.sum.skipped.Load())
	g.sum.stored = after.Documents - before.Documents
	g.sum.duplicates = after.Duplicates - before.Duplicates
	g.sum.near = after.NearDuplicates - before.NearDuplicates
	g.sum.failed += after.Failures - before.Failures
	g.sum.elapsed = time.Since(start)
	g.sum.joined = -1
	g.bar.Finish()
	fmt.Fprintf(stdout, "queued %d; ", queued)
	g.sum.print(stdout)
	if ctx.Err() != nil {
		fmt.Fprintln(stdout, "interrupted: the queued jobs stay in the store; run 'newsgraph ingest --queue' again to finish them")
		return exitError{130}
	}
	if g.sum.failed > 0 {
		return exitError{1}
	}
	return nil
}

// drain waits until no job is left, moving the bar as jobs finish.
func (g *ingester) drain(ctx context.Context, q *sqlite.Queue) error {
	last := -1
	for ctx.Err() == nil {
		n, err := q.Pending(ctx)
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return err
		}
		if last >= 0 && n < last {
			g.bar.Add(last - n)
		}
		last = n
		if n == 0 {
			return nil
		}
		time.Sleep(200 * time.Millisecond)
	}
	return nil
}

// warnOnly passes on the warnings and errors of River, not its chatter.
type warnOnly struct{ slog.Handler }

func (h warnOnly) Enabled(ctx context.Context, l slog.Level) bool {
	return l >= slog.LevelWarn && h.Handler.Enabled(ctx, l)
}
