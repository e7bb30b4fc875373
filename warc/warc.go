// Package warc reads web archives — WARC files, plain or gzip-compressed
// record by record, as CC-NEWS and other crawls publish them — and turns
// each HTML page in them into an article: the page's main text through
// ingest.ParseHTML, its URL from WARC-Target-URI, its date from the page's
// metadata or else the crawl's WARC-Date.
//
// Only `response` records (and `resource` records holding HTML) with a 2xx
// HTTP status and an HTML body become articles; requests, metadata,
// warcinfo, revisits, redirects and non-HTML bodies are counted as skipped.
// A record that is broken — truncated, a Content-Length that does not match
// what follows, a body over Options.MaxPage, a page without main text — is
// reported through the callback as an *Error naming the file, the offset of
// the record and its URI, and reading goes on with the next record. Only
// damage that leaves no way to find the next record (corrupt gzip, a
// record over Options.MaxRecord, a line of megabytes) stops the file; then
// Read returns an *Error. A Content-Length that is too long swallows the
// records after it up to its length (the record is reported, those are
// lost); one that is too short is found when the next record turns up
// later than it should, and the cut article is reported instead of passed
// on.
//
// Records are parsed by github.com/nlnwa/gowarc/v3. gowarc reads a whole
// record (caching its block in memory) before handing it over, and reads
// header lines without a length limit, so this package puts a guard
// between the file and gowarc: it decompresses the file itself and lets no
// record be longer than MaxRecord bytes and no line longer than 8 MiB. Random
// binary bodies have a newline byte every few hundred bytes; only a
// hostile or broken file has a run of megabytes without one.
//
// Invariants: every article passed to the callback has a non-empty,
// valid UTF-8 Text (bodies in other charsets are converted using the HTTP
// header, a byte order mark or a <meta> declaration).
//
// # Concurrency
//
// Read holds no state between calls; one call reads one stream on the
// calling goroutine. To use more cores, read several files at once.
//
// # Performance
//
// Reading records runs at about 60 MB/s of uncompressed WARC on one core
// (go test ./warc -bench Records, pages not extracted); a third of that is
// gowarc computing each block's digest, which it does while caching the
// block and which cannot be turned off without losing the block. Main text
// extraction of the pages (ingest.ParseHTML, about 2.5 ms for a small page,
// most of it trafilatura's language detection) sets the pace of Read
// (BenchmarkRead).
package warc

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httputil"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/klauspost/compress/gzip"
	gowarc "github.com/nlnwa/gowarc/v3"
	"golang.org/x/net/html/charset"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/ingest"
)

// Defaults of Options.
const (
	MaxRecord = 64 << 20
	MaxPage   = ingest.MaxSize
	maxLine   = 8 << 20
)

// Errors of WARC input.
var (
	ErrRecordTooLarge = errors.New("WARC record too large")
	ErrLineTooLong    = errors.New("line too long for a WARC file")
	ErrTruncated      = errors.New("truncated record or wrong Content-Length")
	ErrEncoding       = errors.New("unsupported Content-Encoding")
	ErrNotWARC        = errors.New("not a WARC file")
)

// Error is the failure of one record, or of the file when URI is empty and
// Read returns it.
type Error struct {
	Path   string
	Offset int64 // of the record in the uncompressed stream
	URI    string
	Err    error
}

func (e *Error) Error() string {
	s := fmt.Sprintf("%s@%d", e.Path, e.Offset)
	if e.URI != "" {
		s += " " + e.URI
	}
	return s + ": " + e.Err.Error()
}

func (e *Error) Unwrap() error { return e.Err }

// Options control reading.
type Options struct {
	MaxRecord int64 // bytes of one record (plus up to 2 MiB read ahead); 0 means MaxRecord
	MaxPage   int64 // bytes of one HTML body; 0 means MaxPage
}

// Stats count what a file held.
type Stats struct {
	Records  int // records read
	Articles int // passed to the callback without error
	Skipped  int // not HTML pages: requests, metadata, redirects, images…
	Failed   int // passed to the callback with an error
}

// ReadFile opens a WARC or WARC.gz file and reads it with Read.
func ReadFile(path string, o Options, yield func(a newsgraph.Article, err error) bool) (Stats, error) {
	f, err := os.Open(path)
	if err != nil {
		return Stats{}, &Error{Path: path, Err: err}
	}
	defer f.Close()
	return Read(f, path, o, yield)
}

// Read reads the records of a WARC stream, plain or gzip-compressed, and
// calls yield with each article or failed record; yield returns false to
// stop. name names the input in articles and errors.
func Read(r io.Reader, name string, o Options, yield func(a newsgraph.Article, err error) bool) (st Stats, err error) {
	if o.MaxRecord <= 0 {
		o.MaxRecord = MaxRecord
	}
	if o.MaxPage <= 0 {
		o.MaxPage = MaxPage
	}
	br := bufio.NewReaderSize(r, 64<<10)
	magic, _ := br.Peek(5)
	var plain io.Reader = br
	switch {
	case len(magic) >= 2 && magic[0] == 0x1f && magic[1] == 0x8b:
		gz, err := gzip.NewReader(br) // multistream: one member per record
		if err != nil {
			return st, &Error{Path: name, Err: fmt.Errorf("gzip: %w", err)}
		}
		defer gz.Close()
		plain = gz
	case !bytes.Equal(magic, []byte("WARC/")):
		return st, &Error{Path: name, Err: ErrNotWARC}
	}
	g := &guard{r: plain}
	wr, err := gowarc.NewWarcFileReaderFromStream(g, 0, gowarc.WithBufferMaxMemBytes(o.MaxRecord+1))
	if err != nil {
		return st, &Error{Path: name, Err: err}
	}
	defer wr.Close()
	// gowarc is third-party code run on untrusted input: a panic in it is
	// this file's failure, not the batch's
	defer func() {
		if p := recover(); p != nil {
			err = &Error{Path: name, Err: fmt.Errorf("internal error in the WARC reader: %v", p)}
		}
	}()
	// An article is held back until the next record is read: a record
	// found past where the previous one should have ended means that one's
	// Content-Length was too short, and its article is cut.
	var pending *newsgraph.Article
	var pendingAt int64
	flush := func() bool {
		if pending == nil {
			return true
		}
		a := *pending
		pending = nil
		st.Articles++
		return yield(a, nil)
	}
	for {
		g.budget = o.MaxRecord + 2<<20 // gowarc reads ahead up to 1 MiB
		rec, err := wr.Next()
		if err == io.EOF {
			flush()
			return st, nil
		}
		if err != nil {
			rec.Close()
			if errors.Is(err, io.ErrUnexpectedEOF) {
				err = fmt.Errorf("%w: %w", ErrTruncated, err)
			}
			if !flush() {
				return st, nil
			}
			return st, &Error{Path: name, Offset: rec.Offset, Err: err}
		}
		st.Records++
		if pending != nil && foundLate(rec) {
			st.Failed++
			a := *pending
			pending = nil
			if !yield(a, &Error{Path: name, Offset: pendingAt, URI: a.URL, Err: fmt.Errorf("%w: the next record starts later than Content-Length says", ErrTruncated)}) {
				return st, nil
			}
		}
		if !flush() {
			return st, nil
		}
		a, ok, rerr := article(rec, name, o)
		rec.Close()
		switch {
		case rerr != nil:
			st.Failed++
			if !yield(a, rerr) {
				return st, nil
			}
		case !ok:
			st.Skipped++
		default:
			pending, pendingAt = &a, rec.Offset
		}
	}
}

// foundLate reports whether gowarc had to skip more than a few bytes to
// find this record: a few are blank lines some writers put between
// records; more is the tail of a record whose Content-Length was short.
func foundLate(rec gowarc.Record) bool {
	for _, v := range rec.Validation {
		msg := v.Error()
		if i := strings.Index(msg, "record was found "); i >= 0 && strings.Contains(msg, "after expected offset") {
			var skipped int
			if _, err := fmt.Sscanf(msg[i:], "record was found %d bytes", &skipped); err == nil && skipped > maxGap {
				return true
			}
		}
	}
	return false
}

// maxGap is how many stray bytes between records are taken for padding.
const maxGap = 8

// article turns one record into an article; ok is false for records that
// are not HTML pages.
func article(rec gowarc.Record, name string, o Options) (a newsgraph.Article, ok bool, err error) {
	wrec := rec.WarcRecord
	h := wrec.WarcHeader()
	uri := strings.Trim(h.Get(gowarc.WarcTargetURI), "<> ")
	fail := func(err error) (newsgraph.Article, bool, error) {
		return newsgraph.Article{Path: name, URL: uri}, false, &Error{Path: name, Offset: rec.Offset, URI: uri, Err: err}
	}
	var (
		contentType string
		body        io.Reader
		header      http.Header
	)
	switch wrec.Type() {
	case gowarc.Response:
		hb, isHTTP := wrec.Block().(gowarc.HttpResponseBlock)
		if !isHTTP {
			return a, false, nil // dns: and other non-HTTP responses
		}
		if code := hb.HttpStatusCode(); code < 200 || code > 299 {
			return a, false, nil
		}
		if hh := hb.HttpHeader(); hh != nil {
			header = *hh
		}
		contentType = header.Get("Content-Type")
		body, err = hb.PayloadBytes()
	case gowarc.Resource:
		contentType = h.Get(gowarc.ContentType)
		body, err = wrec.Block().RawBytes()
	default:
		return a, false, nil
	}
	if err != nil {
		return fail(err)
	}
	for _, v := range rec.Validation {
		var cl *gowarc.ContentLengthError
		if errors.As(v, &cl) {
			return fail(fmt.Errorf("%w: Content-Length says %d bytes, %d found", ErrTruncated, cl.Expected, cl.Actual))
		}
		if strings.Contains(v.Error(), "end of record") {
			return fail(fmt.Errorf("%w: %v", ErrTruncated, v))
		}
	}
	mt := mediaType(contentType)
	if mt != "" && mt != "text/html" && mt != "application/xhtml+xml" {
		return a, false, nil
	}
	body, err = decode(body, header)
	if err != nil {
		return fail(err)
	}
	data, err := io.ReadAll(io.LimitReader(body, o.MaxPage+1))
	if err != nil {
		return fail(fmt.Errorf("read body: %w", err))
	}
	if int64(len(data)) > o.MaxPage {
		return fail(fmt.Errorf("%w: page over %d bytes", newsgraph.ErrTooLarge, o.MaxPage))
	}
	if mt == "" && !ingest.LooksLikeHTML(data, "") {
		return a, false, nil
	}
	data = toUTF8(data, contentType)
	a, err = ingest.ParseHTML(data, name)
	if err != nil {
		return fail(err)
	}
	a.Path = name
	if uri != "" {
		a.URL = uri
	}
	if a.Source == "" {
		if u, err := url.Parse(a.URL); err == nil {
			a.Source = strings.TrimPrefix(u.Hostname(), "www.")
		}
	}
	if a.Published == "" {
		if t, err := time.Parse(time.RFC3339Nano, h.Get(gowarc.WarcDate)); err == nil {
			a.Published = t.Format(time.RFC3339)
		}
	}
	return a, true, nil
}

// decode undoes the transfer and content encodings that some crawlers
// keep in the archive (Common Crawl removes them and renames the headers).
func decode(body io.Reader, header http.Header) (io.Reader, error) {
	if header == nil {
		return body, nil
	}
	if strings.EqualFold(strings.TrimSpace(header.Get("Transfer-Encoding")), "chunked") {
		body = httputil.NewChunkedReader(body)
	}
	switch enc := strings.ToLower(strings.TrimSpace(header.Get("Content-Encoding"))); enc {
	case "", "identity":
		return body, nil
	case "gzip", "x-gzip":
		gz, err := gzip.NewReader(body)
		if err != nil {
			return nil, fmt.Errorf("Content-Encoding gzip: %w", err)
		}
		return gz, nil
	default:
		return nil, fmt.Errorf("%w %q", ErrEncoding, enc)
	}
}

func mediaType(contentType string) string {
	mt, _, _ := strings.Cut(contentType, ";")
	return strings.ToLower(strings.TrimSpace(mt))
}

// toUTF8 converts a page to UTF-8 by the HTML5 sniffing rules and replaces
// what is still invalid.
func toUTF8(data []byte, contentType string) []byte {
	enc, name, _ := charset.DetermineEncoding(data, contentType)
	if name != "utf-8" && enc != nil {
		if out, err := enc.NewDecoder().Bytes(data); err == nil {
			data = out
		}
	}
	return bytes.ToValidUTF8(data, []byte("\uFFFD"))
}

// guard sits between the decompressed file and gowarc and bounds what one
// record and one line may take (see the package doc).
type guard struct {
	r      io.Reader
	budget int64 // bytes left for the record being read
	run    int   // bytes since the last newline
	// failed is sticky: gowarc goes on reading after an error (to find the
	// next record), and an endless line must not be read to its end.
	failed error
}

func (g *guard) Read(p []byte) (int, error) {
	if g.failed != nil {
		return 0, g.failed
	}
	n, err := g.r.Read(p)
	g.budget -= int64(n)
	if g.budget < 0 {
		return n, ErrRecordTooLarge
	}
	if i := bytes.LastIndexByte(p[:n], '\n'); i >= 0 {
		g.run = n - i - 1
	} else {
		g.run += n
	}
	if g.run > maxLine {
		g.failed = fmt.Errorf("%w: more than %d bytes without a newline", ErrLineTooLong, maxLine)
		return n, g.failed
	}
	return n, err
}
