package queue

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/feed"
	"github.com/newsgraph/newsgraph/fetch"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/merge"
	"github.com/newsgraph/newsgraph/pipeline"
	"github.com/newsgraph/newsgraph/store"
	"github.com/newsgraph/newsgraph/store/postgres"
)

// Config sets how much of each kind of work one process does at once and
// how the cluster's periodic work is paced. Zero values take the defaults.
type Config struct {
	Analyzers int // analyze jobs at once; default GOMAXPROCS
	Storers   int // store jobs at once; default 2
	Fetchers  int // fetch jobs at once; default 8
	// PollEvery is how often the leader polls the registered feeds; 0 is
	// 15 minutes, negative never.
	PollEvery time.Duration
	// MergeEvery is the window of merge jobs (Reconcile); default 1 minute.
	MergeEvery time.Duration
	// JobTimeout bounds one job (default 1 minute, merge jobs 30); a job
	// running longer than RescueAfter (default 10 minutes) is taken to
	// belong to a dead worker and is run again.
	JobTimeout  time.Duration
	RescueAfter time.Duration
	// ID names this process in River's tables (default host and pid).
	ID       string
	Fetch    fetch.Options
	Pipeline newsgraph.Pipeline // default pipeline.Default()
	Logger   *slog.Logger
}

func (c *Config) defaults() {
	if c.Analyzers <= 0 {
		c.Analyzers = runtime.GOMAXPROCS(0)
	}
	if c.Storers <= 0 {
		c.Storers = 2
	}
	if c.Fetchers <= 0 {
		c.Fetchers = 8
	}
	if c.PollEvery == 0 {
		c.PollEvery = 15 * time.Minute
	}
	if c.MergeEvery <= 0 {
		c.MergeEvery = time.Minute
	}
	if c.JobTimeout <= 0 {
		c.JobTimeout = time.Minute
	}
	if c.RescueAfter <= c.JobTimeout {
		c.RescueAfter = max(10*time.Minute, 2*c.JobTimeout)
	}
	if c.Pipeline == nil {
		c.Pipeline = pipeline.Default()
	}
	if c.Logger == nil {
		c.Logger = slog.Default()
	}
}

// NewClient returns a River client that works every kind of job of this
// package against the store db; Start it, and Stop it to finish the jobs
// in hand. The database must be migrated (Migrate).
func NewClient(db *postgres.DB, cfg Config) (*river.Client[pgx.Tx], error) {
	cfg.defaults()
	w := &workers{db: db, cfg: cfg, fetcher: fetch.New(cfg.Fetch),
		analyzing: make(chan struct{}, cfg.Analyzers), storing: make(chan struct{}, cfg.Storers)}
	ws := river.NewWorkers()
	river.AddWorker(ws, &pollWorker{w: w})
	river.AddWorker(ws, &fetchWorker{w: w})
	river.AddWorker(ws, &analyzeWorker{w: w})
	river.AddWorker(ws, &storeWorker{w: w})
	river.AddWorker(ws, &mergeWorker{w: w})
	var periodic []*river.PeriodicJob
	if cfg.PollEvery > 0 {
		periodic = append(periodic, river.NewPeriodicJob(river.PeriodicInterval(cfg.PollEvery),
			func() (river.JobArgs, *river.InsertOpts) { return PollArgs{}, nil },
			&river.PeriodicJobOpts{RunOnStart: true, ID: KindPoll}))
	}
	rc := &river.Config{
		ID:      cfg.ID,
		Logger:  cfg.Logger,
		Workers: ws,
		Queues: map[string]river.QueueConfig{
			QueueFetch: {MaxWorkers: cfg.Fetchers},
			// River fetches at most MaxWorkers jobs per round, a round
			// every FetchCooldown at best: more jobs in hand than are
			// worked at once (the semaphores) keep the workers busy
			QueueAnalyze: {MaxWorkers: prefetch * cfg.Analyzers},
			QueueStore:   {MaxWorkers: prefetch * cfg.Storers},
			QueueMerge:   {MaxWorkers: 1},
		},
		PeriodicJobs:         periodic,
		JobTimeout:           cfg.JobTimeout,
		RescueStuckJobsAfter: cfg.RescueAfter,
		FetchCooldown:        5 * time.Millisecond,
		FetchPollInterval:    200 * time.Millisecond,
	}
	return river.NewClient(riverpgxv5.New(db.Pool()), rc)
}

// prefetch is how many jobs of a queue a process holds per job it works.
const prefetch = 4

// workers holds what every worker shares.
type workers struct {
	db      *postgres.DB
	cfg     Config
	fetcher *fetch.Fetcher
	// semaphores: the analyses and the store transactions under way
	analyzing, storing chan struct{}
}

// acquire takes a place in sem, or fails when ctx ends.
func acquire(ctx context.Context, sem chan struct{}) (release func(), err error) {
	select {
	case sem <- struct{}{}:
		return func() { <-sem }, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// inTx runs fn in a transaction that also completes job: both commit or
// neither does.
func inTx[T river.JobArgs](ctx context.Context, w *workers, job *river.Job[T], fn func(tx pgx.Tx) error) error {
	tx, err := w.db.Pool().Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	if err := fn(tx); err != nil {
		return err
	}
	if _, err := river.JobCompleteTx[*riverpgxv5.Driver](ctx, tx, job); err != nil {
		return fmt.Errorf("complete job: %w", err)
	}
	return tx.Commit(ctx)
}

// pollWorker enqueues a fetch of every registered feed.
type pollWorker struct {
	river.WorkerDefaults[PollArgs]
	w *workers
}

func (p *pollWorker) Work(ctx context.Context, job *river.Job[PollArgs]) error {
	return inTx(ctx, p.w, job, func(tx pgx.Tx) error {
		rows, err := tx.Query(ctx, `UPDATE queue_feeds SET polled_at = now() RETURNING url`)
		if err != nil {
			return err
		}
		urls, err := pgx.CollectRows(rows, pgx.RowTo[string])
		if err != nil {
			return err
		}
		var jobs []river.InsertManyParams
		for _, u := range urls {
			jobs = append(jobs, river.InsertManyParams{Args: FetchArgs{URL: u, Feed: true},
				InsertOpts: &river.InsertOpts{UniqueOpts: river.UniqueOpts{ByArgs: true, ByPeriod: p.w.cfg.PollEvery}}})
		}
		if len(jobs) == 0 {
			return nil
		}
		client := river.ClientFromContext[pgx.Tx](ctx)
		_, err = client.InsertManyTx(ctx, tx, jobs)
		return err
	})
}

// fetchWorker fetches a feed or a page and enqueues what it finds.
type fetchWorker struct {
	river.WorkerDefaults[FetchArgs]
	w *workers
}

func (f *fetchWorker) Work(ctx context.Context, job *river.Job[FetchArgs]) error {
	u := job.Args.URL
	if _, ok, err := f.w.db.Input(ctx, u); err != nil {
		return err
	} else if ok && !job.Args.Feed {
		return nil // the page is stored already
	}
	resp, err := f.w.fetcher.Get(ctx, u)
	if err != nil {
		return err // River retries with backoff; the last attempt's error stays on the job
	}
	client := river.ClientFromContext[pgx.Tx](ctx)
	if !job.Args.Feed {
		art, err := ingest.Parse(fetch.UTF8(resp.Body, resp.ContentType), resp.URL)
		if err != nil {
			if ferr := f.w.db.Fail(ctx, u, err.Error()); ferr != nil {
				return ferr
			}
			return nil // a page that is no article is recorded, not retried
		}
		if art.URL == "" {
			art.URL = u
		}
		return inTx(ctx, f.w, job, func(tx pgx.Tx) error {
			_, err := Enqueue(ctx, tx, client, Item{Input: u, Article: art})
			return err
		})
	}
	fd, err := feed.Parse(resp.Body, u)
	if err != nil {
		if ferr := f.w.db.Fail(ctx, u, err.Error()); ferr != nil {
			return ferr
		}
		return nil
	}
	var items []Item
	var pages []river.InsertManyParams
	for i, a := range fd.Items {
		in := a.URL
		if in == "" {
			in = u + "#" + strconv.Itoa(i+1)
		}
		if strings.TrimSpace(a.Text) == "" || len(a.Text) < 400 && a.URL != "" {
			// a teaser: the article is on its page
			if a.URL != "" {
				pages = append(pages, river.InsertManyParams{Args: FetchArgs{URL: a.URL},
					InsertOpts: &river.InsertOpts{UniqueOpts: river.UniqueOpts{ByArgs: true}}})
			}
			continue
		}
		items = append(items, Item{Input: in, Article: a})
	}
	return inTx(ctx, f.w, job, func(tx pgx.Tx) error {
		n, err := Enqueue(ctx, tx, client, items...)
		if err != nil {
			return err
		}
		if len(pages) > 0 {
			if _, err := client.InsertManyTx(ctx, tx, pages); err != nil {
				return err
			}
		}
		_, err = tx.Exec(ctx, `UPDATE queue_feeds SET items = items + $2 WHERE url = $1`, u, n+len(pages))
		return err
	})
}

// analyzeWorker runs the pipeline over one article and leaves the prepared
// record for a store job.
type analyzeWorker struct {
	river.WorkerDefaults[AnalyzeArgs]
	w *workers
}

func (a *analyzeWorker) Work(ctx context.Context, job *river.Job[AnalyzeArgs]) error {
	var in string
	var art newsgraph.Article
	err := a.w.db.Pool().QueryRow(ctx, `SELECT input, url, source, title, published, text FROM queue_articles WHERE id = $1`, job.Args.Article).
		Scan(&in, &art.URL, &art.Source, &art.Title, &art.Published, &art.Text)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil // stored and cleared by an earlier run of this step
	}
	if err != nil {
		return err
	}
	row := analysed{article: job.Args.Article, input: in, hash: merge.ContentHash(art.Text), keys: "{}"}
	if _, ok, err := a.w.db.Input(ctx, in); err != nil {
		return err
	} else if ok {
		// stored already (ingested twice): nothing to analyse or store
		return inTx(ctx, a.w, job, func(tx pgx.Tx) error { return clearArticle(ctx, tx, job.Args.Article) })
	}
	if _, ok, err := a.w.db.ContentDoc(ctx, row.hash); err != nil {
		return err
	} else if !ok {
		if art.Published != "" {
			if _, err := pipeline.ParseDate(art.Published); err != nil {
				art.Published = "" // an unreadable date of the input is no reason to fail
			}
		}
		release, err := acquire(ctx, a.w.analyzing)
		if err != nil {
			return err
		}
		err = ingest.Check([]byte(art.Text))
		var doc *newsgraph.Document
		if err == nil {
			doc, err = pipeline.Analyze(a.w.cfg.Pipeline, art)
		}
		release()
		if err != nil {
			// bad input: recorded as the ingest command records it, not retried
			return inTx(ctx, a.w, job, func(tx pgx.Tx) error {
				if err := a.w.db.FailTx(ctx, tx, in, fmt.Sprintf("%s: %v", in, err)); err != nil {
					return err
				}
				return clearArticle(ctx, tx, job.Args.Article)
			})
		}
		d, err := store.Prepare(doc.Record(), art.Text, in)
		if err != nil {
			return err
		}
		keys, err := json.Marshal(d.Keys)
		if err != nil {
			return err
		}
		row.record, row.keys, row.sketch = d.JSON, string(keys), merge.EncodeSketch(d.Sketch)
	}
	return inTx(ctx, a.w, job, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `INSERT INTO queue_analysed (article, input, record, content_hash, keys, sketch)
			VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (article) DO NOTHING`,
			row.article, row.input, nullable(row.record), row.hash, row.keys, row.sketch); err != nil {
			return err
		}
		_, err := river.ClientFromContext[pgx.Tx](ctx).InsertTx(ctx, tx, StoreArgs{Article: job.Args.Article}, nil)
		return err
	})
}

// analysed is a row of queue_analysed.
type analysed struct {
	article     int64
	input, hash string
	record      []byte
	keys        string
	sketch      []byte
}

func nullable(b []byte) any {
	if b == nil {
		return nil
	}
	return string(b)
}

func clearArticle(ctx context.Context, tx pgx.Tx, id int64) error {
	if _, err := tx.Exec(ctx, `DELETE FROM queue_analysed WHERE article = $1`, id); err != nil {
		return err
	}
	_, err := tx.Exec(ctx, `DELETE FROM queue_articles WHERE id = $1`, id)
	return err
}

// storeWorker puts one analysed record into the store, in the job's
// transaction, and asks for a merge at the end of the window.
type storeWorker struct {
	river.WorkerDefaults[StoreArgs]
	w *workers
}

func (s *storeWorker) Work(ctx context.Context, job *river.Job[StoreArgs]) error {
	var row analysed
	var record *string
	err := s.w.db.Pool().QueryRow(ctx, `SELECT input, record, content_hash, keys, sketch FROM queue_analysed WHERE article = $1`, job.Args.Article).
		Scan(&row.input, &record, &row.hash, &row.keys, &row.sketch)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil // stored by an earlier run of this step
	}
	if err != nil {
		return err
	}
	d := &store.Doc{Input: row.input, ContentHash: row.hash}
	if record != nil {
		d.JSON = []byte(*record)
		d.Record = new(newsgraph.Record)
		if err := json.Unmarshal(d.JSON, d.Record); err != nil {
			return fmt.Errorf("decode record of article %d: %w", job.Args.Article, err)
		}
		if err := json.Unmarshal([]byte(row.keys), &d.Keys); err != nil {
			return fmt.Errorf("decode keys of article %d: %w", job.Args.Article, err)
		}
		if d.Sketch, err = merge.DecodeSketch(row.sketch); err != nil {
			return fmt.Errorf("decode sketch of article %d: %w", job.Args.Article, err)
		}
	}
	every := s.w.cfg.MergeEvery
	release, err := acquire(ctx, s.w.storing)
	if err != nil {
		return err
	}
	defer release()
	return inTx(ctx, s.w, job, func(tx pgx.Tx) error {
		if _, err := s.w.db.PutTx(ctx, tx, d); err != nil {
			return err // a deadlock too: River runs the job again
		}
		if err := clearArticle(ctx, tx, job.Args.Article); err != nil {
			return err
		}
		win := window(time.Now(), every)
		_, err := river.ClientFromContext[pgx.Tx](ctx).InsertTx(ctx, tx, MergeArgs{Window: win.Unix()},
			&river.InsertOpts{ScheduledAt: win.Add(every)})
		return err
	})
}

// mergeWorker joins actors and events across documents.
type mergeWorker struct {
	river.WorkerDefaults[MergeArgs]
	w *workers
}

// Timeout lets Reconcile take as long as the store's size needs, short of
// being taken for a dead worker's job.
func (m *mergeWorker) Timeout(*river.Job[MergeArgs]) time.Duration {
	return max(m.w.cfg.JobTimeout, m.w.cfg.RescueAfter*9/10)
}

func (m *mergeWorker) Work(ctx context.Context, job *river.Job[MergeArgs]) error {
	start := time.Now()
	n, err := m.w.db.Reconcile(ctx)
	if err != nil {
		return err
	}
	m.w.cfg.Logger.Info("merge", "actors_joined", n, "took", time.Since(start).Round(time.Millisecond))
	return nil
}
