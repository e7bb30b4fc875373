package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"syscall"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riversqlite"
	"github.com/riverqueue/river/rivermigrate"
	"github.com/riverqueue/river/rivertype"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/store"
)

// The queue runs ingest as durable River jobs in the store's own file, one
// job kind per step:
//
//	analyze  one article (a row of queue_inputs) → the pipeline's record,
//	         stored, the row deleted and the job completed in one transaction
//	merge    Reconcile: actors and events joined across documents
//
// Enqueue writes the article row and its analyze job in one transaction, so
// an article is never queued without its job nor the reverse. A process
// killed at any moment loses nothing: a job whose transaction did not
// commit is run again (RescueAfter), and one that committed is done.
//
// SQLite has one writer: River's own bookkeeping and the jobs' writes share
// the store's one write connection, so jobs store one document per
// transaction instead of the batches of the in-process ingest: about half
// its speed (figures in the package doc). The queue is for durability and
// for sharing the steps' code with the PostgreSQL workers (package queue),
// not for speed.

// Job kinds.
const (
	KindAnalyze = "analyze"
	KindMerge   = "merge"
)

// AnalyzeArgs names the queued article to analyse and store.
type AnalyzeArgs struct {
	Input int64 `json:"input"` // queue_inputs.id
}

// Kind implements river.JobArgs.
func (AnalyzeArgs) Kind() string { return KindAnalyze }

// InsertOpts retries a job a few times only: a document that fails the
// pipeline fails again, and is recorded as a failure instead.
func (AnalyzeArgs) InsertOpts() river.InsertOpts { return river.InsertOpts{MaxAttempts: 3} }

// MergeArgs asks for a Reconcile.
type MergeArgs struct{}

// Kind implements river.JobArgs.
func (MergeArgs) Kind() string { return KindMerge }

// InsertOpts makes a merge unique while one is waiting or running: many
// requests, one Reconcile. (A request while one runs is dropped: queue the
// merge after the documents it should see are stored.)
func (MergeArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{UniqueOpts: river.UniqueOpts{ByArgs: true,
		ByState: []rivertype.JobState{rivertype.JobStateAvailable, rivertype.JobStatePending, rivertype.JobStateRunning,
			rivertype.JobStateRetryable, rivertype.JobStateScheduled}}}
}

// Analyzer turns an article into a document ready to store; it runs on the
// queue's workers. A returned error is the article's permanent failure.
type Analyzer func(ctx context.Context, input string, a newsgraph.Article) (*store.Doc, error)

// QueueConfig configures NewQueue.
type QueueConfig struct {
	Analyze Analyzer
	Workers int           // analyze jobs at once; default 1
	Rescue  time.Duration // a running job not finished after this is run again; default 1 minute
	Log     *slog.Logger
}

// Queue is a River client over the store's file.
type Queue struct {
	db     *DB
	client *river.Client[*sql.Tx]
	lock   *os.File
}

// NewQueue migrates River's tables into the store's file and makes a
// client with the analyze and merge workers; Start runs them.
func (db *DB) NewQueue(ctx context.Context, cfg QueueConfig) (*Queue, error) {
	if cfg.Analyze == nil {
		return nil, errors.New("queue: no analyzer")
	}
	if cfg.Workers <= 0 {
		cfg.Workers = 1
	}
	if cfg.Rescue <= 0 {
		cfg.Rescue = time.Minute
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	drv := riversqlite.New(db.w)
	m, err := rivermigrate.New(drv, &rivermigrate.Config{Logger: cfg.Log})
	if err != nil {
		return nil, fmt.Errorf("queue: %w", err)
	}
	if _, err := m.Migrate(ctx, rivermigrate.DirectionUp, nil); err != nil {
		return nil, fmt.Errorf("queue: migrate: %w", err)
	}
	// One process works a file's queue at a time (the lock says which), so
	// the jobs left running by a process that died are orphans and run
	// again at once, rather than after River's rescue interval.
	lock, err := os.OpenFile(db.path+"-queue.lock", os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, fmt.Errorf("queue: %w", err)
	}
	if err := syscall.Flock(int(lock.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		lock.Close()
		return nil, fmt.Errorf("queue: another process works the queue of %s: %w", db.path, err)
	}
	if _, err := db.w.ExecContext(ctx, `UPDATE river_job SET state = 'available' WHERE state = 'running'`); err != nil {
		lock.Close()
		return nil, fmt.Errorf("queue: requeue orphaned jobs: %w", err)
	}
	q := &Queue{db: db, lock: lock}
	workers := river.NewWorkers()
	river.AddWorker(workers, &analyzeWorker{q: q, analyze: cfg.Analyze})
	river.AddWorker(workers, &mergeWorker{q: q})
	q.client, err = river.NewClient(drv, &river.Config{
		Queues:               map[string]river.QueueConfig{river.QueueDefault: {MaxWorkers: cfg.Workers}},
		Workers:              workers,
		RescueStuckJobsAfter: cfg.Rescue,
		JobTimeout:           -1, // a long article is no reason to give up; Rescue covers a dead process
		FetchCooldown:        20 * time.Millisecond,
		FetchPollInterval:    100 * time.Millisecond,
		Logger:               cfg.Log,
	})
	if err != nil {
		return nil, fmt.Errorf("queue: %w", err)
	}
	return q, nil
}

// Start starts working jobs; Stop waits for the running ones to finish.
func (q *Queue) Start(ctx context.Context) error { return q.client.Start(ctx) }

// Stop stops fetching jobs, waits for those running and lets another
// process work the queue.
func (q *Queue) Stop(ctx context.Context) error {
	err := q.client.Stop(ctx)
	q.lock.Close()
	return err
}

// Enqueue queues an article for analysis, in one transaction with its
// job. An input queued or stored before is not queued again (false).
func (q *Queue) Enqueue(ctx context.Context, input string, a newsgraph.Article) (bool, error) {
	art, err := json.Marshal(a)
	if err != nil {
		return false, err
	}
	tx, err := q.db.w.BeginTx(ctx, nil)
	if err != nil {
		return false, err
	}
	defer tx.Rollback()
	var stored int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM inputs WHERE input = ?`, input).Scan(&stored); err != nil {
		return false, err
	}
	if stored > 0 {
		return false, nil
	}
	res, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO queue_inputs (input, article) VALUES (?, ?)`, input, string(art))
	if err != nil {
		return false, err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return false, nil // queued already, with its job
	}
	id, err := res.LastInsertId()
	if err != nil {
		return false, err
	}
	if _, err := q.client.InsertTx(ctx, tx, AnalyzeArgs{Input: id}, nil); err != nil {
		return false, err
	}
	return true, tx.Commit()
}

// Merge queues a Reconcile (one while one is waiting).
func (q *Queue) Merge(ctx context.Context) error {
	_, err := q.client.Insert(ctx, MergeArgs{}, nil)
	return err
}

// Pending counts the jobs not finished yet.
func (q *Queue) Pending(ctx context.Context) (int, error) {
	var n int
	err := q.db.w.QueryRowContext(ctx, `SELECT COUNT(*) FROM river_job WHERE state NOT IN ('completed', 'cancelled', 'discarded')`).Scan(&n)
	return n, err
}

// Subscribe reports each job that finishes (completed, failed or
// cancelled) with its kind.
func (q *Queue) Subscribe() (<-chan *river.Event, func()) {
	return q.client.Subscribe(river.EventKindJobCompleted, river.EventKindJobFailed, river.EventKindJobCancelled)
}

type analyzeWorker struct {
	river.WorkerDefaults[AnalyzeArgs]
	q       *Queue
	analyze Analyzer
}

// Work analyses outside any transaction (the pipeline is the long part),
// then stores the document, deletes the article row and completes the job
// in one. An article the pipeline rejects is recorded as a failure, and
// its job completed: running it again would fail the same way.
func (w *analyzeWorker) Work(ctx context.Context, job *river.Job[AnalyzeArgs]) error {
	var input, art string
	err := w.q.db.r.QueryRowContext(ctx, `SELECT input, article FROM queue_inputs WHERE id = ?`, job.Args.Input).Scan(&input, &art)
	if errors.Is(err, sql.ErrNoRows) {
		return nil // done by an earlier run of this job
	}
	if err != nil {
		return err
	}
	var a newsgraph.Article
	if err := json.Unmarshal([]byte(art), &a); err != nil {
		return w.finish(ctx, job, input, nil, fmt.Errorf("queued article: %w", err))
	}
	doc, aerr := w.analyze(ctx, input, a)
	return w.finish(ctx, job, input, doc, aerr)
}

func (w *analyzeWorker) finish(ctx context.Context, job *river.Job[AnalyzeArgs], input string, doc *store.Doc, failure error) error {
	tx, err := w.q.db.w.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if failure != nil {
		if _, err := tx.ExecContext(ctx, `INSERT INTO failures (input, reason, attempts, at) VALUES (?, ?, 1, ?)
			ON CONFLICT (input) DO UPDATE SET reason = excluded.reason, attempts = attempts + 1, at = excluded.at`, input, failure.Error(), now()); err != nil {
			return err
		}
	} else if _, err := putInTx(ctx, tx, []*store.Doc{doc}, &w.q.db.sketches); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM queue_inputs WHERE id = ?`, job.Args.Input); err != nil {
		return err
	}
	if _, err := river.JobCompleteTx[*riversqlite.Driver](ctx, tx, job); err != nil {
		return err
	}
	return tx.Commit()
}

type mergeWorker struct {
	river.WorkerDefaults[MergeArgs]
	q *Queue
}

func (w *mergeWorker) Work(ctx context.Context, job *river.Job[MergeArgs]) error {
	_, err := w.q.db.Reconcile(ctx)
	return err
}
