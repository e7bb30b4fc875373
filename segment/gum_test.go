package segment

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/internal/shared"
)

// gumDoc rebuilds the text of a GUM document from its sentences: sentences
// of a paragraph joined by a space, paragraphs by a blank line. It returns
// the text and the byte offsets where gold sentences end.
func gumDoc(tb testing.TB, path string) (string, map[int]bool) {
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var b strings.Builder
	ends := map[int]bool{}
	newPar := true
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "# newpar"):
			newPar = true
		case strings.HasPrefix(line, "# text = "):
			if b.Len() > 0 {
				if newPar {
					b.WriteString("\n\n")
				} else {
					b.WriteString(" ")
				}
			}
			newPar = false
			b.WriteString(strings.TrimPrefix(line, "# text = "))
			ends[b.Len()] = true
		}
	}
	return b.String(), ends
}

// TestSentenceBoundariesGUM measures sentence boundaries on the news and
// interview documents of GUM (Wikinews texts): precision and recall of
// sentence ends inside paragraphs (paragraph ends are given, so they are
// not counted).
func TestSentenceBoundariesGUM(t *testing.T) {
	dir := shared.Path(t, "data/gum/dep")
	var files []string
	for _, g := range []string{"GUM_news_*.conllu", "GUM_interview_*.conllu"} {
		m, _ := filepath.Glob(filepath.Join(dir, g))
		files = append(files, m...)
	}
	tp, fp, fn := 0, 0, 0
	for _, path := range files {
		text, gold := gumDoc(t, path)
		d := &newsgraph.Document{Text: text}
		Segment(d)
		paraEnd := map[int]bool{}
		for _, p := range d.Paragraphs {
			paraEnd[p.End] = true
		}
		got := map[int]bool{}
		for _, s := range d.Sentences {
			if !paraEnd[s.End] {
				got[s.End] = true
			}
		}
		for e := range gold {
			if paraEnd[e] {
				continue
			}
			if got[e] {
				tp++
			} else {
				fn++
				if testing.Verbose() {
					t.Logf("%s: missed end: %q|%q", filepath.Base(path), text[max(0, e-40):e], text[e:min(len(text), e+30)])
				}
			}
		}
		for e := range got {
			if !gold[e] {
				fp++
				if testing.Verbose() {
					t.Logf("%s: false end: %q|%q", filepath.Base(path), text[max(0, e-40):e], text[e:min(len(text), e+30)])
				}
			}
		}
	}
	p := float64(tp) / float64(max(1, tp+fp))
	r := float64(tp) / float64(max(1, tp+fn))
	f := 2 * p * r / max(1e-9, p+r)
	t.Logf("GUM news+interview, %d docs: sentence ends inside paragraphs P %.3f R %.3f F1 %.3f (tp %d fp %d fn %d)", len(files), p, r, f, tp, fp, fn)
	if f < 0.90 {
		t.Errorf("sentence boundary F1 %.3f below 0.90", f)
	}
}
