// Command benchcorpus writes the corpus of the store benchmark: N articles
// as JSON lines {id, url, title, published, source, text}, made from every
// news text in the shared data folder (BBC News, PolNeAR, MEANTIME, the
// Wikinews documents of GUM), repeated until there are N.
//
//	go run ./tools/benchcorpus -data ../shared/data -n 100000 -o /tmp/bench-100k.jsonl
//
// The first pass gives each article as it is. Repeat r (r ≥ 1) gives it a
// distinct id and URL, its paragraphs rotated by r, and a first line
// "Copy r." — so that no two lines have the same text (the store would keep
// one of them), while a repeat still shares almost all its word shingles
// with the original, like wire copy republished by many outlets, and is
// linked to it as a near-duplicate. The publication date is kept, so that
// the events of the repeats merge with those of the original.
//
// The output depends only on the data and the flags: the sources are read
// in a fixed order, each in file order.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/merge"
)

// sources are the files read, in order, relative to the data folder.
var sources = []struct{ name, path string }{
	{"bbc", "bbc-news-fulltext/bbc-news.jsonl"},
	{"polnear", "polnear/polnear-articles.jsonl"},
	{"meantime", "meantime-english/meantime-articles.jsonl"},
	{"gum", "gum/gum-wikinews-docs.jsonl"},
}

// article is one news text as the source files give it.
type article struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Date   string `json:"date"`
	Source string `json:"source"`
	URL    string `json:"url"`
	Text   string `json:"text"`
	corpus string
}

// line is one line of the output, as `newsgraph ingest` reads JSON lines.
type line struct {
	ID        string `json:"id"`
	URL       string `json:"url"`
	Title     string `json:"title,omitempty"`
	Published string `json:"published,omitempty"`
	Source    string `json:"source,omitempty"`
	Text      string `json:"text"`
}

func main() {
	data := flag.String("data", defaultData(), "the shared data `folder`")
	n := flag.Int("n", 100000, "articles to write")
	out := flag.String("o", "-", "output `file` (- for standard output)")
	flag.Parse()
	if err := run(*data, *n, *out); err != nil {
		fmt.Fprintln(os.Stderr, "benchcorpus:", err)
		os.Exit(1)
	}
}

func defaultData() string {
	if d := os.Getenv("NEWSGRAPH_SHARED"); d != "" {
		return filepath.Join(d, "data")
	}
	return "../shared/data"
}

func run(data string, n int, out string) error {
	arts, err := load(data)
	if err != nil {
		return err
	}
	if len(arts) == 0 {
		return fmt.Errorf("no articles in %s", data)
	}
	var w io.Writer = os.Stdout
	if out != "-" {
		f, err := os.Create(out)
		if err != nil {
			return err
		}
		defer f.Close()
		w = f
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	if err := write(bw, arts, n); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if f, ok := w.(*os.File); ok && out != "-" {
		if err := f.Sync(); err != nil {
			return err
		}
		fmt.Fprintf(os.Stderr, "benchcorpus: %d articles (%d distinct sources, %d passes) to %s\n", n, len(arts), (n+len(arts)-1)/len(arts), out)
	}
	return nil
}

// load reads every source file; a source that is missing is an error, so
// that two corpora made on two machines are the same. A text that an
// earlier article has already (the same words, merge.ContentHash) is left
// out, so that every line of the output is stored.
func load(data string) ([]article, error) {
	var arts []article
	seen := map[string]bool{}
	for _, s := range sources {
		f, err := os.Open(filepath.Join(data, s.path))
		if err != nil {
			return nil, err
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 64<<20)
		for ln := 1; sc.Scan(); ln++ {
			if strings.TrimSpace(sc.Text()) == "" {
				continue
			}
			var a article
			if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
				f.Close()
				return nil, fmt.Errorf("%s:%d: %w", s.path, ln, err)
			}
			if strings.TrimSpace(a.Text) == "" {
				continue
			}
			if a.ID == "" {
				a.ID = strconv.Itoa(ln)
			}
			a.corpus = s.name
			if h := merge.ContentHash(a.Text); !seen[h] {
				seen[h] = true // a text given twice by the sources is used once
				arts = append(arts, a)
			}
		}
		err = sc.Err()
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", s.path, err)
		}
	}
	return arts, nil
}

// write writes n lines: pass 0 the articles as they are, pass r ≥ 1 their
// variants (variant).
func write(w io.Writer, arts []article, n int) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for i := 0; i < n; i++ {
		a := arts[i%len(arts)]
		r := i / len(arts)
		id := a.corpus + "/" + a.ID
		if r > 0 {
			id += "/copy-" + strconv.Itoa(r)
		}
		l := line{ID: id, URL: "https://bench.example/" + urlPath(id), Title: a.Title,
			Published: a.Date, Source: a.Source, Text: variant(a.Text, r)}
		if err := enc.Encode(l); err != nil {
			return err
		}
	}
	return nil
}

// variant is repeat r of a text: the paragraphs (split at blank lines)
// rotated left by r, after a line "Copy r."; repeat 0 is the text itself.
func variant(text string, r int) string {
	if r == 0 {
		return text
	}
	paras := strings.Split(strings.TrimSpace(text), "\n\n")
	k := r % len(paras)
	rot := append(append([]string{}, paras[k:]...), paras[:k]...)
	return "Copy " + strconv.Itoa(r) + ".\n\n" + strings.Join(rot, "\n\n")
}

// urlPath makes an id safe in a URL path, segment by segment.
func urlPath(id string) string {
	segs := strings.Split(id, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	return strings.Join(segs, "/")
}
