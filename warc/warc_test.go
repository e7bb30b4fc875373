package warc

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph"
)

// The WARC files of these tests are written here, record by record, the
// way crawlers write them.

type record struct {
	typ, uri, contentType string
	block                 string
	contentLength         int // -1: the true length
}

func (r record) bytes() []byte {
	cl := r.contentLength
	if cl < 0 {
		cl = len(r.block)
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "WARC/1.0\r\nWARC-Type: %s\r\nWARC-Date: 2025-04-26T09:15:00Z\r\nWARC-Record-ID: <urn:uuid:%08d-0000-0000-0000-000000000000>\r\n", r.typ, len(r.block))
	if r.uri != "" {
		fmt.Fprintf(&b, "WARC-Target-URI: %s\r\n", r.uri)
	}
	fmt.Fprintf(&b, "Content-Type: %s\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n", r.contentType, cl, r.block)
	return b.Bytes()
}

func httpResponse(status, header, body string) string {
	return "HTTP/1.1 " + status + "\r\n" + header + "\r\n" + body
}

func page(title, para string) string {
	return "<!doctype html><html><head><title>" + title + "</title></head><body><nav><a href=/>Home</a></nav><article><h1>" + title +
		"</h1><p>" + para + "</p><p>The delegations will meet again next week in Geneva, officials from both sides said on Friday evening.</p></article></body></html>"
}

const httpMsg = "application/http; msgtype=response"

var (
	warcinfo = record{"warcinfo", "", "application/warc-fields", "software: test\r\nformat: WARC File Format 1.0\r\n", -1}
	request  = record{"request", "https://news.example/a", "application/http; msgtype=request", "GET /a HTTP/1.1\r\nHost: news.example\r\n\r\n", -1}
	pageA    = record{"response", "https://news.example/a", httpMsg,
		httpResponse("200 OK", "Content-Type: text/html; charset=utf-8\r\n", page("Talks resume", "Ministers from Kyiv and Zürich met on Thursday „to talk“ 🙂 about the ceasefire and the next round.")), -1}
	pageB = record{"response", "https://www.other.example/b", httpMsg,
		httpResponse("200 OK", "Content-Type: text/html; charset=iso-8859-1\r\n", page("Caf\xe9 owners protest", "Caf\xe9 owners in Montr\xe9al protested on Monday against the new tax on terraces and outdoor seating.")), -1}
	image    = record{"response", "https://news.example/logo.png", httpMsg, httpResponse("200 OK", "Content-Type: image/png\r\n", "\x89PNG\r\n\x1a\n\x00\x00binary"), -1}
	redirect = record{"response", "https://news.example/old", httpMsg, httpResponse("301 Moved Permanently", "Location: /a\r\n", ""), -1}
	metadata = record{"metadata", "https://news.example/a", "application/warc-fields", "fetchTimeMs: 12\r\n", -1}
	noText   = record{"response", "https://news.example/empty", httpMsg, httpResponse("200 OK", "Content-Type: text/html\r\n", "<html><body><script>x()</script></body></html>"), -1}
)

func plainWARC(recs ...record) []byte {
	var b bytes.Buffer
	for _, r := range recs {
		b.Write(r.bytes())
	}
	return b.Bytes()
}

// gzipWARC compresses each record as its own gzip member, as CC-NEWS does.
func gzipWARC(recs ...record) []byte {
	var b bytes.Buffer
	for _, r := range recs {
		zw := gzip.NewWriter(&b)
		zw.Write(r.bytes())
		zw.Close()
	}
	return b.Bytes()
}

type item struct {
	a   newsgraph.Article
	err error
}

func read(t testing.TB, data []byte, o Options) ([]item, Stats, error) {
	var items []item
	st, err := Read(bytes.NewReader(data), "test.warc", o, func(a newsgraph.Article, err error) bool {
		items = append(items, item{a, err})
		return true
	})
	return items, st, err
}

func TestRead(t *testing.T) {
	all := []record{warcinfo, request, pageA, image, redirect, metadata, pageB}
	want := []newsgraph.Article{
		{URL: "https://news.example/a", Title: "Talks resume", Source: "news.example", Published: "2025-04-26T09:15:00Z", Path: "test.warc"},
		{URL: "https://www.other.example/b", Title: "Café owners protest", Source: "other.example", Published: "2025-04-26T09:15:00Z", Path: "test.warc"},
	}
	wantText := []string{"Ministers from Kyiv and Zürich met on Thursday „to talk“ 🙂", "Café owners in Montréal protested"}
	for _, tc := range []struct {
		name string
		data []byte
	}{{"plain", plainWARC(all...)}, {"gzip", gzipWARC(all...)}} {
		t.Run(tc.name, func(t *testing.T) {
			items, st, err := read(t, tc.data, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if st != (Stats{Records: 7, Articles: 2, Skipped: 5}) {
				t.Errorf("stats = %+v", st)
			}
			if len(items) != 2 {
				t.Fatalf("%d items: %+v", len(items), items)
			}
			for i, it := range items {
				if it.err != nil {
					t.Fatal(it.err)
				}
				if !strings.Contains(it.a.Text, wantText[i]) {
					t.Errorf("item %d text %q lacks %q", i, it.a.Text, wantText[i])
				}
				it.a.Text = ""
				if it.a != want[i] {
					t.Errorf("item %d:\n got %+v\nwant %+v", i, it.a, want[i])
				}
			}
		})
	}
}

func TestBrokenRecords(t *testing.T) {
	truncated := plainWARC(pageA, pageB)
	truncated = truncated[:len(truncated)-200]
	gzTruncated := gzipWARC(pageA, pageB)
	gzTruncated = gzTruncated[:len(gzTruncated)-40]
	shortCL, longCL := pageB, pageB
	shortCL.contentLength = len(pageB.block) - 300
	longCL.contentLength = len(pageB.block) + 5000
	chunked := record{"response", "https://news.example/c", httpMsg,
		httpResponse("200 OK", "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n", chunk(page("Chunked", "A chunked page body with enough words in it to count as the main text of an article."))), -1}
	huge := record{"response", "https://news.example/huge", httpMsg, httpResponse("200 OK", "Content-Type: text/html\r\n", strings.Repeat("<p>many words</p>\n", 200_000)), -1}
	brotli := record{"response", "https://news.example/br", httpMsg, httpResponse("200 OK", "Content-Type: text/html\r\nContent-Encoding: br\r\n", "\x1b\x00"), -1}

	tests := []struct {
		name      string
		data      []byte
		opts      Options
		articles  int    // good articles
		itemErr   error  // an error item expected (nil: none)
		fileErr   error  // Read's error expected (nil: none)
		wantInMsg string // in the first error's message
	}{
		{"truncated last record", truncated, Options{}, 1, ErrTruncated, nil, "test.warc@"},
		{"gzip truncated last record", gzTruncated, Options{}, 1, nil, errors.New(""), "test.warc"},
		{"Content-Length too short, next record still read", plainWARC(shortCL, pageA), Options{}, 1, ErrTruncated, nil, "https://www.other.example/b"},
		{"Content-Length too long swallows the rest", plainWARC(pageA, longCL), Options{}, 1, ErrTruncated, nil, "https://www.other.example/b"},
		{"gzip Content-Length too long swallows the rest", gzipWARC(longCL, pageA), Options{}, 0, ErrTruncated, nil, "https://www.other.example/b"},
		{"page without text", plainWARC(noText, pageA), Options{}, 1, errAny, nil, "https://news.example/empty"},
		{"page over MaxPage", plainWARC(pageA), Options{MaxPage: 100}, 0, newsgraph.ErrTooLarge, nil, "https://news.example/a"},
		{"record over MaxRecord stops the file", plainWARC(pageA, huge), Options{MaxRecord: 1000}, 1, nil, ErrRecordTooLarge, "test.warc@"},
		{"chunked transfer encoding", plainWARC(chunked), Options{}, 1, nil, nil, ""},
		{"unknown content encoding", plainWARC(brotli, pageA), Options{}, 1, ErrEncoding, nil, "https://news.example/br"},
		{"not a WARC", []byte("<html><body>hello</body></html>"), Options{}, 0, nil, ErrNotWARC, "test.warc"},
		{"blank lines between records are skipped", append(append(plainWARC(pageA), "\r\n\r\n"...), plainWARC(pageB)...), Options{}, 2, nil, nil, ""},
		{"garbage between records makes the record before suspect", append(append(plainWARC(pageA), "garbage garbage garbage\r\n"...), plainWARC(pageB)...), Options{}, 1, ErrTruncated, nil, "https://news.example/a"},
		{"empty input", nil, Options{}, 0, nil, ErrNotWARC, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			items, _, err := read(t, tc.data, tc.opts)
			good := 0
			var firstErr error
			for _, it := range items {
				if it.err == nil {
					good++
					if !utf8.ValidString(it.a.Text) || it.a.Text == "" {
						t.Errorf("bad text %q", it.a.Text)
					}
				} else if firstErr == nil {
					firstErr = it.err
				}
			}
			if good != tc.articles {
				t.Errorf("%d articles, want %d (items %+v, err %v)", good, tc.articles, items, err)
			}
			switch {
			case tc.fileErr == nil && err != nil:
				t.Errorf("file error %v", err)
			case tc.fileErr != nil && err == nil:
				t.Errorf("no file error, want %v", tc.fileErr)
			case tc.fileErr != nil && tc.fileErr.Error() != "" && !errors.Is(err, tc.fileErr):
				t.Errorf("file error %v, want %v", err, tc.fileErr)
			}
			if tc.itemErr == errAny && firstErr != nil {
				// any error will do
			} else if tc.itemErr != nil && !errors.Is(firstErr, tc.itemErr) {
				t.Errorf("item error %v, want %v", firstErr, tc.itemErr)
			}
			if tc.itemErr == nil && firstErr != nil {
				t.Errorf("unexpected item error %v", firstErr)
			}
			if tc.wantInMsg != "" {
				msg := fmt.Sprint(firstErr)
				if firstErr == nil {
					msg = fmt.Sprint(err)
				}
				if !strings.Contains(msg, tc.wantInMsg) {
					t.Errorf("error %q lacks %q", msg, tc.wantInMsg)
				}
			}
		})
	}
}

var errAny = errors.New("any error")

func chunk(s string) string {
	var b strings.Builder
	for len(s) > 0 {
		n := min(len(s), 100)
		fmt.Fprintf(&b, "%x\r\n%s\r\n", n, s[:n])
		s = s[n:]
	}
	b.WriteString("0\r\n\r\n")
	return b.String()
}

func TestLongLineStopsTheFile(t *testing.T) {
	data := append(plainWARC(pageA), "WARC/1.0\r\nWARC-Type: response\r\nX-Long: "...)
	data = append(data, bytes.Repeat([]byte("a"), maxLine+10)...)
	items, _, err := read(t, data, Options{})
	if !errors.Is(err, ErrLineTooLong) {
		t.Errorf("err = %v, want ErrLineTooLong", err)
	}
	if len(items) != 1 || items[0].err != nil {
		t.Errorf("items before the long line: %+v", items)
	}
}

func TestStop(t *testing.T) {
	n := 0
	_, err := Read(bytes.NewReader(plainWARC(pageA, pageB)), "x", Options{}, func(newsgraph.Article, error) bool { n++; return false })
	if err != nil || n != 1 {
		t.Errorf("n = %d, err = %v", n, err)
	}
}

func FuzzWARC(f *testing.F) {
	f.Add(plainWARC(warcinfo, pageA, image))
	f.Add(gzipWARC(request, pageB, redirect))
	short := pageA
	short.contentLength = 40
	f.Add(plainWARC(short, metadata))
	f.Add(plainWARC(pageA)[:300])
	f.Fuzz(func(t *testing.T, data []byte) {
		start := time.Now()
		_, err := Read(bytes.NewReader(data), "fuzz.warc", Options{MaxRecord: 1 << 20}, func(a newsgraph.Article, err error) bool {
			if err != nil {
				if !strings.HasPrefix(err.Error(), "fuzz.warc@") {
					t.Fatalf("error %q does not name the file", err)
				}
				return true
			}
			if a.Text == "" || !utf8.ValidString(a.Text) || !utf8.ValidString(a.Title) {
				t.Fatalf("bad article %+v", a)
			}
			return true
		})
		if err != nil && !strings.HasPrefix(err.Error(), "fuzz.warc") {
			t.Fatalf("error %q does not name the file", err)
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Fatalf("took %v", d)
		}
	})
}

// BenchmarkRecords measures record reading alone: every record is an
// image, so no page is extracted.
func BenchmarkRecords(b *testing.B) {
	img := record{"response", "https://news.example/i.png", httpMsg,
		httpResponse("200 OK", "Content-Type: image/png\r\n", strings.Repeat("binary\x00data\n", 4000)), -1}
	var recs []record
	for range 200 {
		recs = append(recs, request, img, metadata)
	}
	data := plainWARC(recs...)
	b.SetBytes(int64(len(data)))
	for range b.N {
		_, st, err := read(b, data, Options{})
		if err != nil || st.Records != 600 {
			b.Fatal(st, err)
		}
	}
}

func BenchmarkRead(b *testing.B) {
	var recs []record
	for range 50 {
		recs = append(recs, request, pageA, metadata, pageB)
	}
	data := gzipWARC(recs...)
	b.SetBytes(int64(len(plainWARC(recs...))))
	for range b.N {
		_, st, err := read(b, data, Options{})
		if err != nil || st.Articles != 100 {
			b.Fatal(st, err)
		}
	}
}
