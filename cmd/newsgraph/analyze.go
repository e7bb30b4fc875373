package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"runtime"
	"strings"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/pipeline"
)

type analyzeCmd struct{}

func (*analyzeCmd) Name() string     { return "analyze" }
func (*analyzeCmd) Synopsis() string { return "turn articles (files, directories, -) into records" }

func (c *analyzeCmd) Run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("analyze", "[flags] FILE|DIR|- ...", `
Reads news articles (plain text or HTML) and prints one record per article:
entities, quotes with speakers, times and PLOVER events, each with its span
of text (offsets in code points). A directory is read file by file; a file
that cannot be read is reported and the others go on.

Example:
  newsgraph analyze article.txt --published 2025-04-26 --format text`)
	published := fs.String("published", "", "publication `date` (YYYY-MM-DD or RFC 3339) to resolve relative times against; overrides the page's own")
	format := fs.String("format", "", "output `format`: json (indented), jsonl (one line per article) or text (a readable summary); default json for one file, jsonl for several")
	maxSize := fs.Int64("max-size", ingest.MaxSize, "largest input accepted, in `bytes`")
	workers := fs.Int("workers", 0, "articles analysed at once (`n`); default the number of cores")
	args, err := parseFlags(fs, args, stderr)
	if err != nil {
		return err
	}
	if len(args) == 0 {
		fmt.Fprintln(stderr, "newsgraph analyze: no input; give a file, a directory or - for standard input")
		fs.Usage()
		return errUsage
	}
	if *published != "" {
		if _, err := pipeline.ParseDate(*published); err != nil {
			return fmt.Errorf("--published: %w", err)
		}
	}
	var files []string
	walkFailed := 0
	for _, a := range args {
		fl, err := ingest.Walk(a)
		if err != nil {
			fmt.Fprintf(stderr, "newsgraph analyze: %v\n", err)
			walkFailed++
			continue
		}
		files = append(files, fl...)
	}
	f := *format
	if f == "" {
		f = "json"
		if len(files) > 1 {
			f = "jsonl"
		}
	}
	if f != "json" && f != "jsonl" && f != "text" {
		fmt.Fprintf(stderr, "newsgraph analyze: unknown --format %q: want json, jsonl or text\n", f)
		return errUsage
	}
	out := bufio.NewWriter(stdout)
	defer out.Flush()
	*published = strings.TrimSpace(*published)
	bar := newProgress(stderr, len(files), "analyzing")
	failed := walkFailed
	i := 0
	for res := range analyzeAll(ctx, files, ingest.Options{MaxSize: *maxSize}, *published, *workers) {
		bar.Add(1)
		if res.err != nil {
			bar.Clear()
			fmt.Fprintf(stderr, "newsgraph analyze: %v\n", res.err)
			failed++
			continue
		}
		if err := writeRecord(out, res.doc, f, i); err != nil {
			return err
		}
		i++
	}
	bar.Finish()
	if ctx.Err() != nil {
		return ctx.Err()
	}
	if failed > 0 {
		if len(files)+walkFailed > 1 {
			fmt.Fprintf(stderr, "newsgraph analyze: %d of %d inputs failed\n", failed, len(files)+walkFailed)
		}
		return exitError{1}
	}
	return nil
}

type analyzed struct {
	doc *newsgraph.Document
	err error
}

// analyzeAll reads and analyses the files on a few goroutines and delivers
// the results in the order of the files, so output is the same whatever
// the number of workers.
func analyzeAll(ctx context.Context, files []string, o ingest.Options, published string, workers int) <-chan analyzed {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	p := pipeline.Default()
	slots := make(chan chan analyzed, workers*2)
	out := make(chan analyzed)
	go func() {
		defer close(slots)
		sem := make(chan struct{}, workers)
		for _, path := range files {
			if ctx.Err() != nil {
				return
			}
			slot := make(chan analyzed, 1)
			select {
			case slots <- slot:
			case <-ctx.Done():
				return
			}
			sem <- struct{}{}
			go func(path string) {
				defer func() { <-sem }()
				slot <- analyzeOne(p, path, o, published)
			}(path)
		}
	}()
	go func() {
		defer close(out)
		for slot := range slots {
			out <- <-slot
		}
	}()
	return out
}

func analyzeOne(p newsgraph.Pipeline, path string, o ingest.Options, published string) analyzed {
	art, err := ingest.ReadFile(path, o)
	if err != nil {
		return analyzed{err: err}
	}
	if published != "" {
		art.Published = published
	}
	if art.Published != "" {
		if _, err := pipeline.ParseDate(art.Published); err != nil {
			art.Published = "" // a page's own unreadable date is no reason to fail
		}
	}
	doc, err := pipeline.Analyze(p, art)
	if err != nil {
		return analyzed{err: fmt.Errorf("%s: %w", path, err)}
	}
	return analyzed{doc: doc}
}

func writeRecord(w *bufio.Writer, d *newsgraph.Document, format string, i int) error {
	rec := d.Record()
	switch format {
	case "jsonl":
		b, err := json.Marshal(rec)
		if err != nil {
			return err
		}
		w.Write(b)
		w.WriteByte('\n')
	case "json":
		b, err := json.MarshalIndent(rec, "", "  ")
		if err != nil {
			return err
		}
		w.Write(b)
		w.WriteByte('\n')
	case "text":
		if i > 0 {
			w.WriteString("\n" + strings.Repeat("─", 72) + "\n\n")
		}
		WriteSummary(w, rec)
	}
	return nil
}
