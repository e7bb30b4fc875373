package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/newsgraph/newsgraph/fetch"
	"github.com/newsgraph/newsgraph/queue"
	"github.com/newsgraph/newsgraph/store/open"
	"github.com/newsgraph/newsgraph/store/postgres"
)

type workerCmd struct{}

func (*workerCmd) Name() string { return "worker" }
func (*workerCmd) Synopsis() string {
	return "work the job queue of a PostgreSQL store: fetch, analyze, store, merge"
}

// stringList is a flag that may be given many times.
type stringList []string

func (s *stringList) String() string     { return strings.Join(*s, ",") }
func (s *stringList) Set(v string) error { *s = append(*s, v); return nil }

func (c *workerCmd) Run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("worker", "[flags]", `
Takes jobs from the queue in a PostgreSQL store and works them until
interrupted: fetch feeds and pages, analyze articles, store records, merge
actors and events across documents. Run one on each machine, as many as
you like: each job is done once, a worker killed mid-job loses nothing
(another does the job again), and feeds are polled by one worker of the
cluster at a time. Articles come from 'newsgraph ingest --enqueue' and from
the feeds given with --feed.

Example:
  newsgraph worker --db postgres://news@db.example:5432/news --feed https://example.org/rss`)
	dbURL := fs.String("db", "", "the store: a postgres:// `URL` (default $NEWSGRAPH_DB)")
	var cfg queue.Config
	fs.IntVar(&cfg.Analyzers, "analyzers", 0, "articles analysed at once (`n`); default the number of cores")
	fs.IntVar(&cfg.Storers, "storers", 0, "records written at once (`n`); default 2")
	fs.IntVar(&cfg.Fetchers, "fetchers", 0, "URLs fetched at once (`n`); default 8")
	fs.DurationVar(&cfg.PollEvery, "poll", 0, "how often feeds are polled (`duration`), by one worker of the cluster; default 15m, negative never")
	fs.DurationVar(&cfg.MergeEvery, "merge-every", 0, "window of the merge step across documents (`duration`); default 1m")
	fs.DurationVar(&cfg.JobTimeout, "job-timeout", 0, "longest a job may run (`duration`); default 1m")
	fs.DurationVar(&cfg.RescueAfter, "rescue-after", 0, "a job running this long (`duration`) is taken to be a dead worker's and run again; default 10m")
	fs.StringVar(&cfg.ID, "id", "", "this worker's name in the queue's tables; default host and process id")
	allowPrivate := fs.Bool("allow-private", false, "let fetches reach loopback and private addresses (intranet sources, tests)")
	statusEvery := fs.Duration("status-every", 30*time.Second, "how often to log the queue's counts (`duration`); 0 never")
	quiet := fs.Bool("quiet", false, "log warnings and errors only")
	var feeds stringList
	fs.Var(&feeds, "feed", "a feed `URL` to poll (may be repeated; kept in the database for every worker)")
	if _, err := parseFlags(fs, args, stderr); err != nil {
		return err
	}
	name := open.Name(*dbURL)
	if !postgres.IsURL(name) {
		fmt.Fprintf(stderr, "newsgraph worker: --db must be a postgres:// URL (the queue lives in PostgreSQL), not %q\n", name)
		return errUsage
	}
	level := slog.LevelInfo
	if *quiet {
		level = slog.LevelWarn
	}
	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: level}))
	cfg.Logger = log
	cfg.Fetch = fetch.Options{AllowPrivate: *allowPrivate}
	if cfg.ID == "" {
		host, _ := os.Hostname()
		cfg.ID = fmt.Sprintf("%s-%d", host, os.Getpid())
	}

	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	db, err := postgres.Open(ctx, name)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := queue.Migrate(ctx, db); err != nil {
		return err
	}
	if err := queue.AddFeeds(ctx, db, feeds...); err != nil {
		return err
	}
	client, err := queue.NewClient(db, cfg)
	if err != nil {
		return err
	}
	// the client runs on its own context: an interrupt stops it gracefully
	if err := client.Start(context.WithoutCancel(ctx)); err != nil {
		return err
	}
	log.Info("worker started", "id", cfg.ID, "schema", db.Schema())
	var tick <-chan time.Time
	if *statusEvery > 0 {
		t := time.NewTicker(*statusEvery)
		defer t.Stop()
		tick = t.C
	}
	for done := false; !done; {
		select {
		case <-ctx.Done():
			done = true
		case <-tick:
			if counts, err := queue.JobCounts(ctx, db); err == nil {
				log.Info("queue", "pending", counts.Pending(), "running", counts.State("running"),
					"retryable", counts.State("retryable"), "discarded", counts.State("discarded"), "completed", counts.State("completed"))
			}
		}
	}
	log.Info("stopping: finishing the jobs in hand (interrupt again to cancel them)")
	stopCtx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	go func() {
		sig := make(chan os.Signal, 1)
		signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
		<-sig
		cancel()
	}()
	if err := client.Stop(stopCtx); err != nil && !errors.Is(err, context.Canceled) && !errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	if stopCtx.Err() != nil {
		// jobs cancelled mid-way are run again by another worker
		return client.StopAndCancel(context.Background())
	}
	return nil
}
