package ingest

import (
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode"

	trafilatura "github.com/markusmobius/go-trafilatura"

	"github.com/newsgraph/newsgraph/internal/shared"
)

// benchPage is one page of the article-extraction benchmark.
type benchPage struct {
	id, html, body string
}

func loadBenchmark(tb testing.TB) []benchPage {
	dir := shared.Path(tb, "data/article-extraction-benchmark")
	raw, err := os.ReadFile(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		tb.Fatal(err)
	}
	var gt map[string]struct {
		ArticleBody string `json:"articleBody"`
	}
	if err := json.Unmarshal(raw, &gt); err != nil {
		tb.Fatal(err)
	}
	var pages []benchPage
	for id, g := range gt {
		f, err := os.Open(filepath.Join(dir, "html", id+".html.gz"))
		if err != nil {
			tb.Fatal(err)
		}
		zr, err := gzip.NewReader(f)
		if err != nil {
			tb.Fatal(err)
		}
		data, err := io.ReadAll(zr)
		f.Close()
		if err != nil {
			tb.Fatal(err)
		}
		pages = append(pages, benchPage{id: id, html: string(data), body: g.ArticleBody})
	}
	sort.Slice(pages, func(i, j int) bool { return pages[i].id < pages[j].id })
	return pages
}

// bagOfWords counts the lower-cased word tokens of s (runs of letters,
// digits and underscores, as Python's \w+).
func bagOfWords(s string) map[string]int {
	bag := map[string]int{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsNumber(r) || r == '_')
	}) {
		bag[w]++
	}
	return bag
}

// prf scores extracted text against the gold body by bag-of-words overlap;
// an empty extraction scores zero.
func prf(got, want string) (p, r, f float64) {
	g, w := bagOfWords(got), bagOfWords(want)
	ng, nw, ov := 0, 0, 0
	for k, c := range g {
		ng += c
		ov += min(c, w[k])
	}
	for _, c := range w {
		nw += c
	}
	if ng == 0 {
		return 0, 0, 0
	}
	p, r = float64(ov)/float64(ng), float64(ov)/float64(max(1, nw))
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

type score struct {
	p, r, f      float64
	empty, pages int
	elapsed      time.Duration
}

func scoreOptions(pages []benchPage, opts trafilatura.Options) score {
	var s score
	start := time.Now()
	for _, pg := range pages {
		a, err := parseHTML([]byte(pg.html), pg.id+".html", opts)
		s.pages++
		if err != nil || a.Text == "" {
			s.empty++
			continue
		}
		p, r, f := prf(a.Text, pg.body)
		s.p += p
		s.r += r
		s.f += f
	}
	s.elapsed = time.Since(start)
	n := float64(s.pages)
	s.p, s.r, s.f = s.p/n, s.r/n, s.f/n
	return s
}

// TestExtractionBenchmark measures main-text extraction on the
// article-extraction benchmark as ../shared/peers/py/score_html.py does:
// bag-of-words precision, recall and F1 per page, averaged over pages.
// Set NEWSGRAPH_EXTRACT_VARIANTS=1 to compare trafilatura's options.
func TestExtractionBenchmark(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped in -short mode: reads 181 pages")
	}
	pages := loadBenchmark(t)
	report := func(name string, s score) {
		t.Logf("%-28s pages %d empty %d  P %.3f  R %.3f  F1 %.3f  (%.1fs)", name, s.pages, s.empty, s.p, s.r, s.f, s.elapsed.Seconds())
	}
	s := scoreOptions(pages, extractOptions)
	report("chosen options", s)
	if s.f < 0.95 {
		t.Errorf("extraction F1 %.3f fell below 0.95", s.f)
	}
	if os.Getenv("NEWSGRAPH_EXTRACT_VARIANTS") == "" {
		return
	}
	for _, v := range []struct {
		name string
		opts trafilatura.Options
	}{
		{"default", trafilatura.Options{ExcludeComments: true}},
		{"fallback", trafilatura.Options{ExcludeComments: true, EnableFallback: true}},
		{"recall", trafilatura.Options{ExcludeComments: true, Focus: trafilatura.FavorRecall}},
		{"precision", trafilatura.Options{ExcludeComments: true, Focus: trafilatura.FavorPrecision}},
		{"fallback+recall", trafilatura.Options{ExcludeComments: true, EnableFallback: true, Focus: trafilatura.FavorRecall}},
		{"fallback+precision", trafilatura.Options{ExcludeComments: true, EnableFallback: true, Focus: trafilatura.FavorPrecision}},
		{"fallback+no-tables", trafilatura.Options{ExcludeComments: true, EnableFallback: true, ExcludeTables: true}},
		{"fallback+dedup", trafilatura.Options{ExcludeComments: true, EnableFallback: true, Deduplicate: true}},
	} {
		report(v.name, scoreOptions(pages, v.opts))
	}
}
