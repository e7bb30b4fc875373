// Package queue spreads the work of newsgraph over many processes on many
// machines through one PostgreSQL database: River jobs in the database
// that store/postgres keeps its documents in, one job kind per step, each
// a small args struct and a worker:
//
//	poll_feeds  (periodic, on the elected leader only) → fetch for every feed
//	fetch       a URL: a feed's items become articles, a page is extracted
//	analyze     one article → the pipeline's record, prepared (store.Prepare)
//	store       one analysed article → store.Put, in the job's transaction
//	merge       store.Reconcile: actors and events joined across documents
//
// Articles to analyse and analysed records waiting to be stored live in two
// tables of this package (queue_articles, queue_analysed), so that job args
// stay a row id. Enqueue writes the article row and its analyze job in one
// transaction.
//
// # Invariants
//   - Each step writes its output, enqueues the next step and completes its
//     own job in one transaction (river.JobCompleteTx). A worker killed
//     mid-job leaves nothing of that job committed; River rescues the job
//     (Config.RescueAfter) and another worker runs it again from the start.
//     A worker killed after the commit has finished the step: it is not run
//     again. So no step is done twice, and none is lost.
//   - Writes are idempotent besides: every insert is ON CONFLICT-guarded, an
//     article whose input is stored already is not analysed again, and a
//     store job whose analysed row is gone does nothing.
//   - Feeds are polled by one process of the cluster at a time: River runs
//     periodic jobs on its elected leader only.
//   - Merge jobs are unique per window of Config.MergeEvery and scheduled at
//     its end, so a stream of stores brings one Reconcile per window, after
//     the window's stores.
//
// # Concurrency
// Any number of processes may run NewClient against one database; each
// runs up to Config.Analyzers analyze jobs at once (CPU bound), Fetchers
// fetch jobs (network bound) and Storers store jobs (database bound).
// Reconcile runs under store/postgres's exclusive lock, so two merge jobs
// never overlap and stores wait while one runs.
//
// # Performance
// Measured with BenchmarkWorkers (1,500 generated articles of about 700
// bytes, worker processes with default flags, PostgreSQL 15 on the same
// 2-core machine, which other work kept busy: load average about 16):
//
//	workers  articles/s  PostgreSQL CPU/article  workers' CPU/article
//	1        50          5.4 ms                  3.5 ms
//	2        79          6.5 ms                  4.4 ms
//	4        82          6.8 ms                  5.8 ms
//
// The bottleneck is PostgreSQL's CPU: each article costs it about 6 ms
// (three River jobs fetched, inserted and completed, and the store's
// statements), more than the analysis costs the workers, so on one machine
// more workers only take CPU from the database. With the database on a
// machine of its own the workers scale with their cores until it saturates
// at roughly 1 / 6 ms per database core.
package queue

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/rivermigrate"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/store/postgres"
)

// The job kinds.
const (
	KindPoll    = "poll_feeds"
	KindFetch   = "fetch"
	KindAnalyze = "analyze"
	KindStore   = "store"
	KindMerge   = "merge"
)

// Queues, one per kind of resource a step uses, so that each process
// bounds each kind of work on its own.
const (
	QueueFetch   = "fetch"
	QueueAnalyze = "analyze"
	QueueStore   = "store"
	QueueMerge   = "merge"
)

// PollArgs asks for every registered feed to be fetched.
type PollArgs struct{}

func (PollArgs) Kind() string { return KindPoll }
func (PollArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{Queue: QueueFetch, MaxAttempts: 3}
}

// FetchArgs asks for a URL to be fetched: a feed (Feed) or an article page.
type FetchArgs struct {
	URL  string `json:"url"`
	Feed bool   `json:"feed,omitempty"`
}

func (FetchArgs) Kind() string { return KindFetch }
func (FetchArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{Queue: QueueFetch, MaxAttempts: 5}
}

// AnalyzeArgs asks for one article of queue_articles to be analysed.
type AnalyzeArgs struct {
	Article int64 `json:"article"`
}

func (AnalyzeArgs) Kind() string { return KindAnalyze }
func (AnalyzeArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{Queue: QueueAnalyze, MaxAttempts: 10}
}

// StoreArgs asks for one analysed article of queue_analysed to be stored.
type StoreArgs struct {
	Article int64 `json:"article"`
}

func (StoreArgs) Kind() string { return KindStore }
func (StoreArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{Queue: QueueStore, MaxAttempts: 25}
}

// MergeArgs asks for actors and events to be joined across documents
// (store.Reconcile); Window makes one job per window unique.
type MergeArgs struct {
	Window int64 `json:"window"` // Unix seconds of the window's start
}

func (MergeArgs) Kind() string { return KindMerge }
func (MergeArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{Queue: QueueMerge, MaxAttempts: 10, UniqueOpts: river.UniqueOpts{ByArgs: true}}
}

// migrations are the numbered steps of this package's tables, recorded in
// queue_migrations; River's own tables are migrated by rivermigrate.
var migrations = []string{
	// 1: articles waiting for analysis, records waiting to be stored, feeds.
	`
CREATE TABLE queue_articles (
	id        bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
	input     text NOT NULL UNIQUE, -- where it came from: its name in the store
	url       text NOT NULL DEFAULT '',
	source    text NOT NULL DEFAULT '',
	title     text NOT NULL DEFAULT '',
	published text NOT NULL DEFAULT '',
	text      text NOT NULL,
	added_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE queue_analysed (
	article      bigint PRIMARY KEY,
	input        text NOT NULL,
	record       text,  -- the record's JSON; NULL for a copy of a stored text
	content_hash text NOT NULL,
	keys         text NOT NULL DEFAULT '{}', -- entity id → actor key, JSON
	sketch       bytea
);

CREATE TABLE queue_feeds (
	url       text PRIMARY KEY,
	added_at  timestamptz NOT NULL DEFAULT now(),
	polled_at timestamptz,
	items     integer NOT NULL DEFAULT 0
);
`,
}

// Migrate brings River's tables and this package's up to date in the
// store's schema, under an advisory lock held for the whole of it, so that
// many workers starting at once migrate once. River's steps each run in a
// transaction of their own (one of them adds an enum value, which
// PostgreSQL does not let the same transaction use).
func Migrate(ctx context.Context, db *postgres.DB) error {
	migrator, err := rivermigrate.New(riverpgxv5.New(db.Pool()), nil)
	if err != nil {
		return fmt.Errorf("migrate queue: %w", err)
	}
	conn, err := db.Pool().Acquire(ctx)
	if err != nil {
		return fmt.Errorf("migrate queue: %w", err)
	}
	defer conn.Release()
	lock := db.LockID("migrate-queue")
	if _, err := conn.Exec(ctx, `SELECT pg_advisory_lock($1)`, lock); err != nil {
		return fmt.Errorf("migrate queue: %w", err)
	}
	defer conn.Exec(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock($1)`, lock)
	if _, err := migrator.Migrate(ctx, rivermigrate.DirectionUp, nil); err != nil {
		return fmt.Errorf("migrate river: %w", err)
	}
	tx, err := conn.Begin(ctx)
	if err != nil {
		return fmt.Errorf("migrate queue: %w", err)
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS queue_migrations (
		version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`); err != nil {
		return fmt.Errorf("migrate queue: %w", err)
	}
	var have int
	if err := tx.QueryRow(ctx, `SELECT COALESCE(MAX(version), 0) FROM queue_migrations`).Scan(&have); err != nil {
		return fmt.Errorf("migrate queue: %w", err)
	}
	if have > len(migrations) {
		return fmt.Errorf("migrate queue: the database has queue schema version %d, newer than this program's %d", have, len(migrations))
	}
	for v := have + 1; v <= len(migrations); v++ {
		if _, err := tx.Exec(ctx, migrations[v-1]); err != nil {
			return fmt.Errorf("migrate queue %d: %w", v, err)
		}
		if _, err := tx.Exec(ctx, `INSERT INTO queue_migrations (version) VALUES ($1)`, v); err != nil {
			return fmt.Errorf("migrate queue %d: %w", v, err)
		}
	}
	return tx.Commit(ctx)
}

// NewInserter returns a River client that only inserts jobs (it works
// none), for commands that enqueue.
func NewInserter(db *postgres.DB) (*river.Client[pgx.Tx], error) {
	return river.NewClient(riverpgxv5.New(db.Pool()), &river.Config{})
}

// Item is one article to enqueue, under the name (Input) the store will
// know it by.
type Item struct {
	Input   string
	Article newsgraph.Article
}

// Enqueue writes the articles and their analyze jobs in tx: an article
// whose input is queued already is skipped (it returns how many were
// added). Callers batch a few hundred articles into one transaction.
func Enqueue(ctx context.Context, tx pgx.Tx, client *river.Client[pgx.Tx], items ...Item) (int, error) {
	var jobs []river.InsertManyParams
	for _, it := range items {
		a := it.Article
		var id int64
		err := tx.QueryRow(ctx, `INSERT INTO queue_articles (input, url, source, title, published, text)
			VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (input) DO NOTHING RETURNING id`,
			it.Input, a.URL, a.Source, a.Title, a.Published, a.Text).Scan(&id)
		if err == pgx.ErrNoRows {
			continue
		}
		if err != nil {
			return 0, fmt.Errorf("enqueue %s: %w", it.Input, err)
		}
		jobs = append(jobs, river.InsertManyParams{Args: AnalyzeArgs{Article: id}})
	}
	if len(jobs) == 0 {
		return 0, nil
	}
	if _, err := client.InsertManyTx(ctx, tx, jobs); err != nil {
		return 0, fmt.Errorf("enqueue: %w", err)
	}
	return len(jobs), nil
}

// AddFeeds registers feed URLs to be polled.
func AddFeeds(ctx context.Context, db *postgres.DB, urls ...string) error {
	for _, u := range urls {
		if _, err := db.Pool().Exec(ctx, `INSERT INTO queue_feeds (url) VALUES ($1) ON CONFLICT DO NOTHING`, u); err != nil {
			return fmt.Errorf("add feed %s: %w", u, err)
		}
	}
	return nil
}

// Counts are the jobs of each kind in each state, for monitoring.
type Counts map[string]map[string]int

// Pending is the number of jobs not yet finished (neither completed,
// cancelled nor discarded).
func (c Counts) Pending() int {
	n := 0
	for _, states := range c {
		for st, k := range states {
			if st != "completed" && st != "cancelled" && st != "discarded" {
				n += k
			}
		}
	}
	return n
}

// State counts the jobs of one state across kinds.
func (c Counts) State(state string) int {
	n := 0
	for _, states := range c {
		n += states[state]
	}
	return n
}

// JobCounts counts River's jobs by kind and state.
func JobCounts(ctx context.Context, db *postgres.DB) (Counts, error) {
	rows, err := db.Pool().Query(ctx, `SELECT kind, state::text, count(*) FROM river_job GROUP BY kind, state`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := Counts{}
	for rows.Next() {
		var kind, state string
		var n int
		if err := rows.Scan(&kind, &state, &n); err != nil {
			return nil, err
		}
		if out[kind] == nil {
			out[kind] = map[string]int{}
		}
		out[kind][state] = n
	}
	return out, rows.Err()
}

// window is the start of the merge window that t falls in.
func window(t time.Time, every time.Duration) time.Time { return t.Truncate(every) }
