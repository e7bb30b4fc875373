package source

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/fetch"
)

const article = "<!doctype html><html><head><title>Talks resume</title></head><body><article><p>Ministers from both countries met on Thursday in Geneva to talk about the ceasefire and the next round of negotiations.</p><p>The delegations will meet again next week, officials said on Friday.</p></article></body></html>"

const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>One</title><link>%s/one</link><description>Summary one.</description></item>
<item><title>Two</title><link>%s/two</link></item>
</channel></rss>`

func warcGz(uri, body string) []byte {
	block := "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body
	rec := fmt.Sprintf("WARC/1.0\r\nWARC-Type: response\r\nWARC-Date: 2025-04-26T09:15:00Z\r\nWARC-Record-ID: <urn:uuid:1>\r\nWARC-Target-URI: %s\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n", uri, len(block), block)
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write([]byte(rec))
	zw.Close()
	return b.Bytes()
}

func collect(t *testing.T, inputs []string, o Options) []Item {
	var items []Item
	Expand(context.Background(), inputs, o, func(it Item) bool {
		items = append(items, it)
		return true
	})
	return items
}

func summary(items []Item) []string {
	var out []string
	for _, it := range items {
		if it.Err != nil {
			out = append(out, "ERR "+it.Input)
		} else {
			out = append(out, it.Input+" "+it.Article.Title)
		}
	}
	return out
}

func TestExpandFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	txt := write("a/plain.txt", []byte("Zürich, Friday. The council met."))
	htm := write("a/page.html", []byte(article))
	feedNoExt := write("b/feed", []byte(fmt.Sprintf(rss, "https://w.example", "https://w.example")))
	wg := write("c/crawl.warc.gz", warcGz("https://news.example/a", article))
	wnoext := write("c/crawl.bin", warcGz("https://news.example/b", article))
	jl := write("d/articles.jsonl", []byte("{\"title\": \"J\", \"text\": \"Line one.\"}\nnot json\n{\"title\": \"K\", \"text\": \"Line three.\"}\n"))
	write("a/.hidden", []byte("skip me"))

	tests := []struct {
		name   string
		inputs []string
		want   []string
	}{
		{"text and html files", []string{txt, htm}, []string{txt + " ", htm + " Talks resume"}},
		{"directory, hidden files skipped", []string{filepath.Join(dir, "a")}, []string{htm + " Talks resume", txt + " "}},
		{"feed sniffed, item without text fails", []string{feedNoExt}, []string{feedNoExt + "#1 One", "ERR " + feedNoExt + "#2"}},
		{"warc by name and by content", []string{wg, wnoext}, []string{wg + " https://news.example/a Talks resume", wnoext + " https://news.example/b Talks resume"}},
		{"json lines with a bad line", []string{jl}, []string{jl + ":1 J", "ERR " + jl + ":2", jl + ":3 K"}},
		{"glob", []string{filepath.Join(dir, "a", "*.txt")}, []string{txt + " "}},
		{"glob without match", []string{filepath.Join(dir, "*.nothing")}, []string{"ERR " + filepath.Join(dir, "*.nothing")}},
		{"missing file, the rest goes on", []string{filepath.Join(dir, "missing.txt"), txt}, []string{"ERR " + filepath.Join(dir, "missing.txt"), txt + " "}},
		{"URL without fetching", []string{"https://example.com/"}, []string{"ERR https://example.com/"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := summary(collect(t, tc.inputs, Options{}))
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
	items := collect(t, []string{filepath.Join(dir, "missing.txt"), "https://example.com/"}, Options{})
	if !strings.Contains(items[0].Err.Error(), "missing.txt") || !errors.Is(items[1].Err, ErrNoFetching) {
		t.Errorf("errors do not name the input: %v / %v", items[0].Err, items[1].Err)
	}
	n := 0
	Expand(context.Background(), []string{txt, htm}, Options{}, func(Item) bool { n++; return false })
	if n != 1 {
		t.Errorf("yield returning false: %d items", n)
	}
}

// TestExpandURLs fetches from a loopback server only.
func TestExpandURLs(t *testing.T) {
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/feed":
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprintf(w, rss, srv.URL, srv.URL)
		case "/one", "/two", "/page":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, article)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	f := fetch.New(fetch.Options{AllowPrivate: true})
	tests := []struct {
		name   string
		inputs []string
		o      Options
		want   []string
	}{
		{"page", []string{srv.URL + "/page"}, Options{Fetch: f}, []string{srv.URL + "/page Talks resume"}},
		{"feed, items as given", []string{srv.URL + "/feed"}, Options{Fetch: f}, []string{srv.URL + "/feed#1 One", "ERR " + srv.URL + "/feed#2"}},
		{"feed, item pages fetched", []string{srv.URL + "/feed"}, Options{Fetch: f, FetchItems: true}, []string{srv.URL + "/feed#1 One", srv.URL + "/feed#2 Two"}},
		{"not found", []string{srv.URL + "/gone"}, Options{Fetch: f}, []string{"ERR " + srv.URL + "/gone"}},
		{"loopback refused without AllowPrivate", []string{srv.URL + "/page"}, Options{Fetch: fetch.New(fetch.Options{})}, []string{"ERR " + srv.URL + "/page"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			items := collect(t, tc.inputs, tc.o)
			got := summary(items)
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
			for _, it := range items {
				if it.Err == nil && !strings.Contains(it.Article.Text, "Geneva") && !strings.Contains(it.Article.Text, "Summary") {
					t.Errorf("%s: text %q", it.Input, it.Article.Text)
				}
			}
		})
	}
}
