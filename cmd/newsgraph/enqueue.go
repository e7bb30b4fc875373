package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/queue"
	"github.com/newsgraph/newsgraph/store/postgres"
)

// enqueueBatch is the number of articles written per transaction by
// ingest --enqueue.
const enqueueBatch = 200

// enqueueAll is ingest --enqueue: it reads the inputs as ingest does
// (skipping those stored already) and, instead of analysing them, writes
// each article with its analyze job into the queue of a PostgreSQL store,
// a batch per transaction, for 'newsgraph worker' processes to do the rest.
func (g *ingester) enqueueAll(ctx context.Context, sources []origin, stdout io.Writer) error {
	db, ok := g.db.(*postgres.DB)
	if !ok {
		return errors.New("--enqueue needs a PostgreSQL store (--db postgres://…): the job queue lives there")
	}
	if err := queue.Migrate(ctx, db); err != nil {
		return err
	}
	client, err := queue.NewInserter(db)
	if err != nil {
		return err
	}
	start := time.Now()
	items := make(chan item, 64)
	go func() {
		defer close(items)
		for _, s := range sources {
			if !g.read(ctx, s, items) {
				return
			}
		}
	}()
	wctx := context.WithoutCancel(ctx) // a batch in hand is committed even when interrupted
	var batch []queue.Item
	added, read := 0, 0
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		tx, err := db.Pool().Begin(wctx)
		if err != nil {
			return err
		}
		defer tx.Rollback(wctx)
		n, err := queue.Enqueue(wctx, tx, client, batch...)
		if err != nil {
			return err
		}
		if err := tx.Commit(wctx); err != nil {
			return err
		}
		added += n
		g.bar.Add(len(batch))
		batch = batch[:0]
		return nil
	}
	for it := range items {
		if ctx.Err() != nil {
			continue // drain the reader
		}
		read++
		art := it.art
		if it.err == nil && it.path != "" {
			art, it.err = ingest.ReadFile(it.path, ingest.Options{MaxSize: g.o.maxSize})
		}
		if it.err == nil && it.input == "" {
			it.err = errors.New("standard input has no name to be queued under; give a file")
		}
		if it.err != nil {
			g.sum.read++
			g.bar.Add(1)
			g.fail(wctx, it.input, it.err)
			continue
		}
		if g.o.published != "" {
			art.Published = g.o.published
		}
		batch = append(batch, queue.Item{Input: it.input, Article: art})
		if len(batch) >= enqueueBatch {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	if err := flush(); err != nil {
		return err
	}
	elapsed := time.Since(start)
	fmt.Fprintf(stdout, "read %d, queued %d (%d queued before), already stored %d, failed %d in %s; 'newsgraph worker' analyses and stores them\n",
		read, added, read-added-g.sum.failed, g.sum.skipped.Load(), g.sum.failed, elapsed.Round(time.Millisecond))
	if g.sum.failed > 0 {
		return exitError{1}
	}
	return nil
}
