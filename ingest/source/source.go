// Package source expands the inputs of `newsgraph ingest` — files,
// directories, globs, standard input, feeds, WARC archives, JSON lines and,
// when fetching is allowed, http(s) URLs — into a stream of articles.
//
// The kind of a file is told by its name and then by its first bytes:
// .warc and .warc.gz (or a body starting with "WARC/" or gzip holding one)
// are web archives (package warc); .jsonl and .ndjson are JSON lines
// (package jsonl); .rss, .atom, .xml, or anything whose first bytes are an
// RSS, Atom or JSON Feed document, are feeds (package feed); everything
// else is a text or HTML page (ingest.ReadFile). A URL is fetched (package
// fetch) and its body told apart the same way: a feed becomes its items,
// a page one article.
//
// Each failure of one input, record, item or line is an Item with Err set,
// naming the input and the reason, and the rest goes on. Expand never
// stops early except when yield returns false or ctx is done.
//
// This package sits beside ingest rather than in it because the readers it
// combines use ingest's HTML extraction themselves.
//
// # Concurrency
//
// Expand reads its inputs one after another on the calling goroutine and
// calls yield there. Options.Fetch may be shared with other goroutines.
//
// # Performance
//
// Expand adds nothing measurable to the readers; HTML extraction and, for
// URLs, the network set the pace.
package source

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/feed"
	"github.com/newsgraph/newsgraph/fetch"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/jsonl"
	"github.com/newsgraph/newsgraph/warc"
)

// Errors of inputs.
var (
	ErrNoMatch    = errors.New("no file matches the pattern")
	ErrNoFetching = errors.New("URLs are fetched only when fetching is allowed")
)

// Options control Expand.
type Options struct {
	ingest.Options // MaxSize of one file, page or feed

	// Fetch gets http(s) inputs; nil refuses them (ErrNoFetching).
	Fetch *fetch.Fetcher
	// FetchItems fetches each feed item's page for its full text (feeds
	// often carry only a summary). Needs Fetch. When the page fails, the
	// item's own text is used if it has any.
	FetchItems bool

	WARC  warc.Options
	JSONL jsonl.Options
}

// Item is one article or one failure.
type Item struct {
	// Input names where the article came from: a file, a URL, "file:line"
	// for JSON lines, "file@offset" for WARC records, "feed#n" for the
	// n-th item of a feed (1-based).
	Input   string
	Article newsgraph.Article
	Err     error // nil for an article
}

// Expand reads every input and calls yield with each article or failure,
// in input order; yield returns false to stop.
func Expand(ctx context.Context, inputs []string, o Options, yield func(Item) bool) {
	e := &expander{ctx: ctx, o: o, yield: yield}
	for _, in := range inputs {
		if !e.input(in) {
			return
		}
	}
}

type expander struct {
	ctx   context.Context
	o     Options
	yield func(Item) bool
}

// emit passes an item on; false means stop.
func (e *expander) emit(it Item) bool {
	if e.ctx.Err() != nil {
		return false
	}
	return e.yield(it)
}

func (e *expander) fail(input string, err error) bool {
	return e.emit(Item{Input: input, Err: err})
}

func (e *expander) input(in string) bool {
	if e.ctx.Err() != nil {
		return false
	}
	switch {
	case isURL(in):
		return e.url(in)
	case in == "-":
		return e.file("-")
	}
	if strings.ContainsAny(in, "*?[") {
		if _, err := os.Stat(in); err != nil { // a real name with brackets is a file
			matches, err := filepath.Glob(in)
			if err != nil {
				return e.fail(in, fmt.Errorf("%s: %w", in, err))
			}
			if len(matches) == 0 {
				return e.fail(in, fmt.Errorf("%s: %w", in, ErrNoMatch))
			}
			for _, m := range matches {
				if !e.path(m) {
					return false
				}
			}
			return true
		}
	}
	return e.path(in)
}

// path reads a file or every file under a directory.
func (e *expander) path(p string) bool {
	files, err := ingest.Walk(p)
	if err != nil {
		return e.fail(p, err)
	}
	for _, f := range files {
		if !e.file(f) {
			return false
		}
	}
	return true
}

func isURL(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

// kind of input, by name and then by content
type kind int

const (
	page kind = iota
	feedKind
	warcKind
	jsonlKind
)

func kindByName(name string) (kind, bool) {
	l := strings.ToLower(name)
	switch {
	case strings.HasSuffix(l, ".warc"), strings.HasSuffix(l, ".warc.gz"):
		return warcKind, true
	case strings.HasSuffix(l, ".jsonl"), strings.HasSuffix(l, ".ndjson"):
		return jsonlKind, true
	case strings.HasSuffix(l, ".rss"), strings.HasSuffix(l, ".atom"), strings.HasSuffix(l, ".xml"):
		return feedKind, true
	}
	return page, false
}

func kindByContent(head []byte) kind {
	switch {
	case bytes.HasPrefix(head, []byte("WARC/")), len(head) >= 2 && head[0] == 0x1f && head[1] == 0x8b:
		return warcKind
	case feed.Sniff(head):
		return feedKind
	}
	return page
}

// file reads one file by its kind.
func (e *expander) file(name string) bool {
	var r io.Reader
	if name == "-" {
		r = os.Stdin
	} else {
		f, err := os.Open(name)
		if err != nil {
			return e.fail(name, &ingest.Error{Path: name, Err: errors.Unwrap(err)})
		}
		defer f.Close()
		r = f
	}
	br := bufio.NewReaderSize(r, 64<<10)
	k, named := kindByName(name)
	if !named {
		head, _ := br.Peek(4096)
		k = kindByContent(head)
	}
	switch k {
	case warcKind:
		_, err := warc.Read(br, name, e.o.WARC, func(a newsgraph.Article, err error) bool {
			return e.emit(warcItem(name, a, err))
		})
		if err != nil {
			return e.fail(name, err)
		}
		return e.ctx.Err() == nil
	case jsonlKind:
		stopped := false
		err := jsonl.Read(br, name, e.o.JSONL, func(line int, a newsgraph.Article, err error) bool {
			if !e.emit(Item{Input: fmt.Sprintf("%s:%d", name, line), Article: a, Err: err}) {
				stopped = true
				return false
			}
			return true
		})
		if err != nil {
			return e.fail(name, err)
		}
		return !stopped
	case feedKind:
		f, err := feed.Read(br, name, feed.Options{MaxSize: e.o.MaxSize})
		if err != nil {
			return e.fail(name, err)
		}
		return e.feedItems(name, f)
	}
	data, err := io.ReadAll(io.LimitReader(br, e.maxSize()+1))
	if err != nil {
		return e.fail(name, &ingest.Error{Path: name, Err: err})
	}
	if int64(len(data)) > e.maxSize() {
		return e.fail(name, &ingest.Error{Path: name, Err: fmt.Errorf("%w: more than %d bytes", newsgraph.ErrTooLarge, e.maxSize())})
	}
	a, err := ingest.Parse(data, name)
	if err != nil {
		return e.fail(name, &ingest.Error{Path: name, Err: err})
	}
	return e.emit(Item{Input: name, Article: a})
}

func (e *expander) maxSize() int64 {
	if e.o.MaxSize <= 0 {
		return ingest.MaxSize
	}
	return e.o.MaxSize
}

func warcItem(name string, a newsgraph.Article, err error) Item {
	input := name
	var we *warc.Error
	if errors.As(err, &we) {
		input = fmt.Sprintf("%s@%d", name, we.Offset)
	} else if a.URL != "" {
		input = name + " " + a.URL
	}
	return Item{Input: input, Article: a, Err: err}
}

// feedItems passes on the items of a feed, fetching their pages when
// asked to.
func (e *expander) feedItems(name string, f feed.Feed) bool {
	for i, a := range f.Items {
		input := fmt.Sprintf("%s#%d", name, i+1)
		if e.o.FetchItems && e.o.Fetch != nil && a.URL != "" {
			full, err := e.fetchPage(a.URL)
			switch {
			case err == nil:
				// the feed's metadata is the publisher's own; the page's
				// extraction fills what the feed lacks
				full.URL = a.URL
				full.Title = first(a.Title, full.Title)
				full.Published = first(a.Published, full.Published)
				full.Source = first(a.Source, full.Source)
				full.Path = name
				a = full
			case a.Text == "":
				if !e.fail(input, err) {
					return false
				}
				continue
			}
		}
		if a.Text == "" {
			err := fmt.Errorf("%s: item %d (%s): %w: the item has no text (fetch its page to read it)", name, i+1, a.URL, newsgraph.ErrEmpty)
			if !e.fail(input, err) {
				return false
			}
			continue
		}
		if !e.emit(Item{Input: input, Article: a}) {
			return false
		}
	}
	return true
}

func first(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// url fetches an http(s) input: a feed becomes its items, a page one
// article.
func (e *expander) url(u string) bool {
	if e.o.Fetch == nil {
		return e.fail(u, fmt.Errorf("%s: %w", u, ErrNoFetching))
	}
	resp, err := e.o.Fetch.Get(e.ctx, u)
	if err != nil {
		return e.fail(u, err)
	}
	mt := fetch.MediaType(resp.ContentType)
	if mt != "text/html" && mt != "application/xhtml+xml" && feed.Sniff(resp.Body) {
		f, err := feed.Parse(resp.Body, u)
		if err != nil {
			return e.fail(u, err)
		}
		return e.feedItems(u, f)
	}
	a, err := pageArticle(resp)
	if err != nil {
		return e.fail(u, err)
	}
	return e.emit(Item{Input: u, Article: a})
}

// fetchPage fetches a page and extracts its article.
func (e *expander) fetchPage(u string) (newsgraph.Article, error) {
	resp, err := e.o.Fetch.Get(e.ctx, u)
	if err != nil {
		return newsgraph.Article{}, err
	}
	return pageArticle(resp)
}

func pageArticle(resp *fetch.Response) (newsgraph.Article, error) {
	mt := fetch.MediaType(resp.ContentType)
	body := fetch.UTF8(resp.Body, resp.ContentType)
	var (
		a   newsgraph.Article
		err error
	)
	switch {
	case mt == "text/html" || mt == "application/xhtml+xml" || (mt == "" && ingest.LooksLikeHTML(body, "")):
		a, err = ingest.ParseHTML(body, resp.URL)
	case strings.HasPrefix(mt, "text/"):
		a, err = ingest.Parse(body, resp.URL+".txt")
	default:
		err = fmt.Errorf("cannot read content of type %q", mt)
	}
	if err != nil {
		return a, &fetch.Error{URL: resp.URL, Err: err}
	}
	a.URL = resp.URL
	a.Path = resp.URL
	return a, nil
}
