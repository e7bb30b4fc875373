package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/feed"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/jsonl"
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
one article a line) and RSS/Atom feeds. An article already stored — the same
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
	fs.IntVar(&o.batch, "batch", 64, "documents written per transaction (`n`)")
	fs.Int64Var(&o.maxSize, "max-size", ingest.MaxSize, "largest input file accepted, in `bytes`")
	retry := fs.Bool("retry-failed", false, "also try again every input recorded as failed")
	quiet := fs.Bool("quiet", false, "no progress and no log lines, only the summary")
	args, err := parseFlags(fs, args, stderr)
	if err != nil {
		return err
	}
	if len(args) == 0 && !*retry {
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
	var sources []source
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
	ing := &ingester{db: db, o: o, log: log, bar: bar, sum: &sum, logLines: bar.bar == nil && !*quiet, total: total}
	err = ing.run(ctx, sources)
	bar.Finish()
	if err == nil && sum.stored > 0 {
		// the merge step: actors that came in an order Put could not join
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
	fmt.Fprintf(w, "read %d, stored %d, duplicates %d, near-duplicates linked %d, already stored %d, failed %d in %s (%.1f articles/s); actors joined across documents %d\n",
		s.read, s.stored, s.duplicates, s.near, s.skipped.Load(), s.failed, s.elapsed.Round(time.Millisecond), rate, s.joined)
}

// source is one input that yields articles: a file read as one article, a
// JSON lines file or a feed.
type source struct {
	input string // absolute path, or "-"
	kind  string // "file", "jsonl", "feed"
	n     int    // articles expected, for the progress bar
	only  int    // for a retried JSON line: the only line to read; 0 for all
}

func (s source) count() int { return max(s.n, 1) }

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
func expandInput(arg string) ([]source, error) {
	if arg == "-" {
		return []source{{input: "-", kind: "file"}}, nil
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
	var out []source
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

// classify tells JSON lines and feeds from single articles.
func classify(path string) source {
	lower := strings.ToLower(path)
	switch {
	case strings.HasSuffix(lower, ".jsonl") || strings.HasSuffix(lower, ".ndjson"):
		return source{input: path, kind: "jsonl", n: countLines(path)}
	case strings.HasSuffix(lower, ".txt") || strings.HasSuffix(lower, ".html") || strings.HasSuffix(lower, ".htm"):
		return source{input: path, kind: "file"}
	}
	f, err := os.Open(path)
	if err != nil {
		return source{input: path, kind: "file"} // the worker reports the error
	}
	defer f.Close()
	head := make([]byte, 4096)
	n, _ := io.ReadFull(f, head)
	if feed.Sniff(head[:n]) {
		return source{input: path, kind: "feed"}
	}
	return source{input: path, kind: "file"}
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

// failedSources turns the recorded failures back into sources: a file, or
// one line of a JSON lines file ("path:line").
func failedSources(ctx context.Context, db store.Store) ([]source, error) {
	var out []source
	cursor := ""
	for {
		fs, next, err := db.Failures(ctx, store.Page{Limit: store.MaxLimit, Cursor: cursor})
		if err != nil {
			return nil, err
		}
		for _, f := range fs {
			if st, err := os.Stat(f.Input); err == nil && !st.IsDir() {
				out = append(out, classify(f.Input))
				continue
			} else if err == nil {
				if srcs, err := expandInput(f.Input); err == nil {
					out = append(out, srcs...)
				}
				continue
			}
			if i := strings.LastIndexByte(f.Input, ':'); i > 0 {
				if line, err := strconv.Atoi(f.Input[i+1:]); err == nil && line > 0 {
					if _, err := os.Stat(f.Input[:i]); err == nil {
						out = append(out, source{input: f.Input[:i], kind: "jsonl", n: 1, only: line})
						continue
					}
				}
			}
			// a feed item's URL or a vanished file: tried again by reading it as a file
			out = append(out, source{input: f.Input, kind: "file"})
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

func (g *ingester) run(ctx context.Context, sources []source) error {
	workers := g.o.workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	items := make(chan item, workers*4)
	outs := make(chan outcome, workers*4)
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
func (g *ingester) read(ctx context.Context, s source, items chan<- item) bool {
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
	case "jsonl":
		f, err := os.Open(s.input)
		if err != nil {
			return send(item{input: s.input, err: err})
		}
		defer f.Close()
		ok := true
		rerr := jsonl.Read(bufio.NewReaderSize(f, 1<<20), s.input, jsonl.Options{}, func(line int, a newsgraph.Article, err error) bool {
			if s.only > 0 && line != s.only {
				return line < s.only
			}
			ok = send(item{input: s.input + ":" + strconv.Itoa(line), art: a, err: err})
			return ok
		})
		if rerr != nil {
			return send(item{input: s.input, err: rerr})
		}
		return ok
	case "feed":
		f, err := os.Open(s.input)
		if err != nil {
			return send(item{input: s.input, err: err})
		}
		defer f.Close()
		fd, err := feed.Read(f, s.input, feed.Options{MaxSize: g.o.maxSize})
		if err != nil {
			return send(item{input: s.input, err: err})
		}
		for i, a := range fd.Items {
			in := a.URL
			if in == "" {
				in = s.input + "#" + strconv.Itoa(i+1)
			}
			var err error
			if strings.TrimSpace(a.Text) == "" {
				err = fmt.Errorf("%s: feed item %d has no text", s.input, i+1)
			}
			if !send(item{input: in, art: a, err: err}) {
				return false
			}
		}
		return true
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
	hash := merge.ContentHash(art.Text)
	if _, ok, err := g.db.ContentDoc(ctx, hash); err == nil && ok {
		return outcome{input: it.input, doc: &store.Doc{Input: it.input, ContentHash: hash}}
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
		name := it.input
		if name == "" {
			name = "standard input"
		}
		return outcome{input: it.input, err: fmt.Errorf("%s: %w", name, err)}
	}
	d, err := store.Prepare(doc.Record(), art.Text, it.input)
	if err != nil {
		return outcome{input: it.input, err: err}
	}
	return outcome{input: it.input, doc: d}
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
