package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/feed"
	"github.com/newsgraph/newsgraph/fetch"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/ingest/source"
	"github.com/newsgraph/newsgraph/merge"
	"github.com/newsgraph/newsgraph/pipeline"
	"github.com/newsgraph/newsgraph/store"
	"github.com/newsgraph/newsgraph/store/open"
)

type ingestCmd struct{}

func (*ingestCmd) Name() string { return "ingest" }
func (*ingestCmd) Synopsis() string {
	return "analyse inputs and store them (files, directories, globs, JSON lines, feeds)"
}

// openStore opens the store that --db names: a file path is SQLite, a
// postgres:// URL is PostgreSQL.
func openStore(ctx context.Context, db string) (store.Store, error) {
	return open.Open(ctx, db)
}

// ingestOpts are the flags of ingest.
type ingestOpts struct {
	published string
	workers   int
	batch     int
	maxSize   int64
}

func (c *ingestCmd) Run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("ingest", "[flags] INPUT...", `
Reads articles and stores their records: plain text and HTML files,
directories (read recursively), globs ("news/*.html"), JSON lines (.jsonl,
one article a line), RSS/Atom feeds, WARC archives and, with --fetch,
http(s) URLs of pages and feeds. An article already stored — the same
input, the same URL, or the same text — is stored once. Inputs that cannot
be read or analysed are recorded with the reason; --retry-failed tries them
again. Interrupting loses nothing committed: run the same command again to
continue.

Example:
  newsgraph ingest --db news.db articles/ feeds/*.xml`)
	dbPath := fs.String("db", "", "the store: a SQLite file `path` or a postgres:// URL (default $NEWSGRAPH_DB or newsgraph.db)")
	var o ingestOpts
	fs.StringVar(&o.published, "published", "", "publication `date` (YYYY-MM-DD or RFC 3339) for every article, overriding their own")
	fs.IntVar(&o.workers, "workers", 0, "articles analysed at once (`n`); default the number of cores")
	fs.IntVar(&o.batch, "batch", 256, "documents written per transaction (`n`)")
	fs.Int64Var(&o.maxSize, "max-size", ingest.MaxSize, "largest input file accepted, in `bytes`")
	retry := fs.Bool("retry-failed", false, "also try again every input recorded as failed")
	allowFetch := fs.Bool("fetch", false, "allow http(s) URLs as inputs (public addresses only, with timeouts and size limits)")
	fetchItems := fs.Bool("fetch-items", false, "fetch the page of each feed item for its full text (needs --fetch)")
	quiet := fs.Bool("quiet", false, "no progress and no log lines, only the summary")
	enqueue := fs.Bool("enqueue", false, "with a PostgreSQL store: queue the articles for 'newsgraph worker' processes instead of analysing them here")
	useQueue := fs.Bool("queue", false, "with a SQLite store: run the work as durable River jobs in the store's file (analyze, merge); an interrupted run's jobs are finished by the next")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the run to `file`")
	args, err := parseFlags(fs, args, stderr)
	if err != nil {
		return err
	}
	stopProfile, err := startCPUProfile(*cpuProfile)
	if err != nil {
		return err
	}
	defer stopProfile()
	if len(args) == 0 && !*retry && !*useQueue {
		fmt.Fprintln(stderr, "newsgraph ingest: no input; give files, directories or globs (or --retry-failed)")
		fs.Usage()
		return errUsage
	}
	if o.published != "" {
		if _, err := pipeline.ParseDate(o.published); err != nil {
			return fmt.Errorf("--published: %w", err)
		}
	}
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	db, err := openStore(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer db.Close()

	log := slog.New(slog.NewTextHandler(stderr, nil))
	if *quiet {
		log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	var sources []origin
	var sum ingestSummary
	for _, a := range args {
		srcs, err := expandInput(a)
		if err != nil {
			log.Error("input", "input", a, "err", err)
			if a != "-" {
				if ferr := db.Fail(ctx, a, err.Error()); ferr != nil {
					return ferr
				}
			}
			sum.failed++
			continue
		}
		sources = append(sources, srcs...)
	}
	if *retry {
		srcs, err := failedSources(ctx, db)
		if err != nil {
			return err
		}
		sources = append(sources, srcs...)
	}
	sources = withoutStore(sources, open.Name(*dbPath))
	total := 0
	for _, s := range sources {
		total += s.count()
	}
	var bar *progress
	if !*quiet {
		bar = newProgress(stderr, total, "ingesting")
	} else {
		bar = &progress{}
	}
	start := time.Now()
	src := source.Options{Options: ingest.Options{MaxSize: o.maxSize}}
	if *allowFetch {
		src.Fetch = fetch.New(fetch.Options{})
		src.FetchItems = *fetchItems
	}
	ing := &ingester{src: src, db: db, o: o, log: log, bar: bar, sum: &sum, logLines: bar.bar == nil && !*quiet, total: total}
	if *enqueue {
		err = ing.enqueueAll(ctx, sources, stdout)
		bar.Finish()
		return err
	}
	if *useQueue {
		return ing.queueAll(ctx, sources, stdout)
	}
	err = ing.run(ctx, sources)
	bar.Finish()
	// the merge step: actors that came in an order Put could not join. A
	// run that found inputs stored already may follow one killed between
	// its last commit and this step, so it runs then too.
	if err == nil && (sum.stored > 0 || sum.duplicates > 0 || sum.skipped.Load() > 0) {
		n, rerr := db.Reconcile(context.WithoutCancel(ctx))
		if rerr != nil {
			return fmt.Errorf("reconcile actors: %w", rerr)
		}
		sum.joined = n
	}
	sum.elapsed = time.Since(start)
	sum.print(stdout)
	if err != nil {
		return err
	}
	if ctx.Err() != nil {
		fmt.Fprintln(stderr, "newsgraph ingest: interrupted; everything counted as stored is committed, run the same command again to continue")
		return exitError{130}
	}
	if sum.failed > 0 {
		return exitError{1}
	}
	return nil
}

// ingestSummary counts what happened to the inputs.
type ingestSummary struct {
	read, stored, duplicates, near, failed int
	joined                                 int          // actors joined by Reconcile
	skipped                                atomic.Int64 // counted by the reader goroutine
	elapsed                                time.Duration
}

func (s *ingestSummary) print(w io.Writer) {
	rate := 0.0
	if secs := s.elapsed.Seconds(); secs > 0 {
		rate = float64(s.stored+s.duplicates) / secs
	}
	fmt.Fprintf(w, "read %d, stored %d, duplicates %d, near-duplicates linked %d, already stored %d, failed %d in %s (%.1f articles/s)",
		s.read, s.stored, s.duplicates, s.near, s.skipped.Load(), s.failed, s.elapsed.Round(time.Millisecond), rate)
	if s.joined >= 0 {
		fmt.Fprintf(w, "; names joined or moved across documents %d", s.joined)
	}
	fmt.Fprintln(w)
}

// origin is one input that yields articles: a file read as one article, or
// a container of many (JSON lines, a feed, a WARC archive, a URL).
type origin struct {
	input string // absolute path, or "-"
	kind  string // "file": one article read in a worker; "expand": read by package source
	n     int    // articles expected, for the progress bar
}

func (s origin) count() int { return max(s.n, 1) }

// item is one article to analyse, or the failure to read one. input names
// it in the store ("" for standard input: not remembered).
type item struct {
	input string
	path  string // a file still to read in the worker
	art   newsgraph.Article
	err   error
}

// expandInput turns one argument into sources: a glob is expanded, a
// directory walked, and each file's kind told by its name or first bytes.
func expandInput(arg string) ([]origin, error) {
	if arg == "-" {
		return []origin{{input: "-", kind: "file"}}, nil
	}
	if l := strings.ToLower(arg); strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://") {
		return []origin{{input: arg, kind: "expand"}}, nil
	}
	paths := []string{arg}
	if _, err := os.Stat(arg); err != nil && strings.ContainsAny(arg, "*?[") {
		m, gerr := filepath.Glob(arg)
		if gerr != nil {
			return nil, fmt.Errorf("glob %s: %w", arg, gerr)
		}
		if len(m) == 0 {
			return nil, fmt.Errorf("%s: no file matches", arg)
		}
		paths = m
	}
	var out []origin
	for _, p := range paths {
		files, err := ingest.Walk(p)
		if err != nil {
			return nil, err
		}
		for _, f := range files {
			abs, err := filepath.Abs(f)
			if err != nil {
				abs = f
			}
			out = append(out, classify(abs))
		}
	}
	return out, nil
}

// withoutStore drops the store's own files (the database, its WAL, its
// queue lock) from the inputs: "newsgraph ingest ." in the folder that
// holds newsgraph.db must not try to read it as an article.
func withoutStore(srcs []origin, db string) []origin {
	abs, err := filepath.Abs(db)
	if err != nil {
		return srcs
	}
	out := srcs[:0]
	for _, s := range srcs {
		if s.input == abs || strings.HasPrefix(s.input, abs+"-") {
			continue
		}
		out = append(out, s)
	}
	return out
}

// classify tells containers of many articles (JSON lines, feeds, WARC),
// read by package source, from single articles, read in the workers so that
// HTML extraction runs on all cores.
func classify(path string) origin {
	lower := strings.ToLower(path)
	switch {
	case strings.HasSuffix(lower, ".jsonl") || strings.HasSuffix(lower, ".ndjson"):
		return origin{input: path, kind: "expand", n: countLines(path)}
	case strings.HasSuffix(lower, ".warc") || strings.HasSuffix(lower, ".warc.gz") ||
		strings.HasSuffix(lower, ".rss") || strings.HasSuffix(lower, ".atom") || strings.HasSuffix(lower, ".xml"):
		return origin{input: path, kind: "expand"}
	case strings.HasSuffix(lower, ".txt") || strings.HasSuffix(lower, ".html") || strings.HasSuffix(lower, ".htm"):
		return origin{input: path, kind: "file"}
	}
	f, err := os.Open(path)
	if err != nil {
		return origin{input: path, kind: "file"} // the worker reports the error
	}
	defer f.Close()
	head := make([]byte, 4096)
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	if feed.Sniff(head) || bytes.HasPrefix(head, []byte("WARC/")) || len(head) >= 2 && head[0] == 0x1f && head[1] == 0x8b {
		return origin{input: path, kind: "expand"}
	}
	return origin{input: path, kind: "file"}
}

func countLines(path string) int {
	f, err := os.Open(path)
	if err != nil {
		return 1
	}
	defer f.Close()
	n := 0
	buf := make([]byte, 256<<10)
	for {
		k, err := f.Read(buf)
		n += bytes.Count(buf[:k], []byte{'\n'})
		if err != nil {
			return n
		}
	}
}

// failedSources turns the recorded failures back into sources: a file is
// read again whole (what of it is stored is skipped), for a failed line,
// record or item ("file:12", "file@4096", "feed.xml#3") too; a URL is
// fetched again.
func failedSources(ctx context.Context, db store.Store) ([]origin, error) {
	var out []origin
	seen := map[string]bool{}
	add := func(s origin) {
		if !seen[s.input] {
			seen[s.input] = true
			out = append(out, s)
		}
	}
	cursor := ""
	for {
		fs, next, err := db.Failures(ctx, store.Page{Limit: store.MaxLimit, Cursor: cursor})
		if err != nil {
			return nil, err
		}
		for _, f := range fs {
			in := f.Input
			if l := strings.ToLower(in); strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://") {
				add(origin{input: in, kind: "expand"})
				continue
			}
			if _, err := os.Stat(in); err != nil {
				if i := strings.LastIndexAny(in, ":@#"); i > 0 {
					if _, err := os.Stat(in[:i]); err == nil {
						in = in[:i]
					}
				}
			}
			if srcs, err := expandInput(in); err == nil {
				for _, s := range srcs {
					add(s)
				}
			} else {
				add(origin{input: in, kind: "file"}) // fails again, with its reason
			}
		}
		if next == "" {
			return out, nil
		}
		cursor = next
	}
}

// ingester runs the three stages of ingest: one reader goroutine turns
// sources into items, a pool of workers analyses them, and one writer
// batches the records into transactions.
type ingester struct {
	src      source.Options // how package source reads containers and URLs
	db       store.Store
	o        ingestOpts
	log      *slog.Logger
	bar      *progress
	sum      *ingestSummary
	logLines bool
	total    int
}

// outcome is what a worker hands the writer.
type outcome struct {
	input string
	doc   *store.Doc // nil with err
	err   error
}

func (g *ingester) run(ctx context.Context, sources []origin) error {
	workers := g.o.workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	items := make(chan item, workers*4)
	// room for a batch of analysed documents while the writer commits the last
	outs := make(chan outcome, max(workers*4, g.o.batch))
	// the reader
	go func() {
		defer close(items)
		for _, s := range sources {
			if !g.read(ctx, s, items) {
				return
			}
		}
	}()
	// the workers
	var wg sync.WaitGroup
	p := pipeline.Default()
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for it := range items {
				if ctx.Err() != nil {
					continue // drain
				}
				outs <- g.analyse(ctx, p, it)
			}
		}()
	}
	go func() {
		wg.Wait()
		close(outs)
	}()
	return g.write(ctx, outs)
}

// read sends the items of one source; it returns false when ingest is
// cancelled. Inputs already stored are counted and skipped here, before any
// analysis.
func (g *ingester) read(ctx context.Context, s origin, items chan<- item) bool {
	send := func(it item) bool {
		if it.input != "" && it.err == nil {
			if _, ok, err := g.db.Input(ctx, it.input); err == nil && ok {
				g.sum.skipped.Add(1)
				g.bar.Add(1)
				return ctx.Err() == nil
			}
		}
		select {
		case items <- it:
			return true
		case <-ctx.Done():
			return false
		}
	}
	switch s.kind {
	case "expand":
		ok := true
		source.Expand(ctx, []string{s.input}, g.src, func(it source.Item) bool {
			ok = send(item{input: it.Input, art: it.Article, err: it.Err})
			return ok
		})
		return ok && ctx.Err() == nil
	default:
		in := s.input
		if in == "-" {
			in = ""
		}
		return send(item{input: in, path: s.input})
	}
}

// analyse reads (when the item is a file), checks for a stored copy of the
// same text, and runs the pipeline.
func (g *ingester) analyse(ctx context.Context, p newsgraph.Pipeline, it item) outcome {
	if it.err != nil {
		return outcome{input: it.input, err: it.err}
	}
	art := it.art
	if it.path != "" {
		var err error
		art, err = ingest.ReadFile(it.path, ingest.Options{MaxSize: g.o.maxSize})
		if err != nil {
			return outcome{input: it.input, err: err}
		}
	}
	d, err := g.prepare(ctx, p, it.input, art)
	if err != nil {
		return outcome{input: it.input, err: err}
	}
	return outcome{input: it.input, doc: d}
}

// prepare analyses one article and makes it ready to store; an article
// whose text is stored already is not analysed (the Doc then only says so).
func (g *ingester) prepare(ctx context.Context, p newsgraph.Pipeline, input string, art newsgraph.Article) (*store.Doc, error) {
	hash := merge.ContentHash(art.Text)
	if _, ok, err := g.db.ContentDoc(ctx, hash); err == nil && ok {
		return &store.Doc{Input: input, ContentHash: hash}, nil
	}
	if g.o.published != "" {
		art.Published = g.o.published
	}
	if art.Published != "" {
		if _, err := pipeline.ParseDate(art.Published); err != nil {
			art.Published = "" // an unreadable date of the input is no reason to fail
		}
	}
	doc, err := pipeline.Analyze(p, art)
	if err != nil {
		name := input
		if name == "" {
			name = "standard input"
		}
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return store.Prepare(doc.Record(), art.Text, input)
}

// write is the one writer: it batches documents into transactions and
// records failures. On cancellation it still commits what it holds.
func (g *ingester) write(ctx context.Context, outs <-chan outcome) error {
	wctx := context.WithoutCancel(ctx)
	batch := make([]*store.Doc, 0, g.o.batch)
	maxBatch := max(g.o.batch, 1)
	tick := time.NewTicker(250 * time.Millisecond)
	defer tick.Stop()
	lastLog := time.Now()
	start := time.Now()
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		res, err := g.db.Put(wctx, batch...)
		if err != nil {
			// one bad document must not lose the batch: write them one by one
			res = res[:0]
			for _, d := range batch {
				r, err := g.db.Put(wctx, d)
				if err != nil {
					g.fail(wctx, d.Input, err)
					res = append(res, store.PutResult{})
					continue
				}
				res = append(res, r[0])
			}
		}
		for _, r := range res {
			switch r.Status {
			case store.Stored:
				g.sum.stored++
				g.sum.near += len(r.NearDuplicates)
			case store.Duplicate:
				g.sum.duplicates++
			}
		}
		g.sum.read += len(batch)
		g.bar.Add(len(batch))
		batch = batch[:0]
		if g.logLines && time.Since(lastLog) > 5*time.Second {
			lastLog = time.Now()
			done := g.sum.read + int(g.sum.skipped.Load())
			rate := float64(g.sum.read) / time.Since(start).Seconds()
			g.log.Info("ingest", "done", done, "of", g.total, "stored", g.sum.stored, "duplicates", g.sum.duplicates,
				"failed", g.sum.failed, "articles_per_s", fmt.Sprintf("%.1f", rate))
		}
		return nil
	}
	for {
		select {
		case o, ok := <-outs:
			if !ok {
				return flush()
			}
			if o.err != nil {
				g.sum.read++
				g.bar.Add(1)
				g.fail(wctx, o.input, o.err)
				continue
			}
			batch = append(batch, o.doc)
			if len(batch) >= maxBatch {
				if err := flush(); err != nil {
					return err
				}
			}
		case <-tick.C:
			if err := flush(); err != nil {
				return err
			}
		}
	}
}

func (g *ingester) fail(ctx context.Context, input string, err error) {
	g.sum.failed++
	g.bar.Clear()
	g.log.Warn("failed", "input", input, "err", err)
	if input == "" {
		return
	}
	if ferr := g.db.Fail(ctx, input, err.Error()); ferr != nil {
		g.log.Error("record failure", "input", input, "err", ferr)
	}
}
