package corpus

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/newsgraph/newsgraph/internal/shared"
	"github.com/newsgraph/newsgraph/kb"
)

func checkDocs(t *testing.T, docs []Doc) (n int) {
	t.Helper()
	for _, d := range docs {
		last := 0
		for _, s := range d.Spans {
			if s.Start < last || s.End <= s.Start || s.End > len(d.Text) {
				t.Fatalf("%s: bad span %+v", d.ID, s)
			}
			last = s.End
			n++
		}
	}
	return n
}

func show(t *testing.T, d Doc, max int) {
	if os.Getenv("CORPUS_SHOW") == "" {
		return
	}
	for i, s := range d.Spans {
		if i >= max {
			break
		}
		t.Logf("%s %s %q", d.ID, s.Type, d.Text[s.Start:s.End])
	}
}

func TestReadGUM(t *testing.T) {
	dir := shared.Path(t, "data/gum")
	ids, err := GUMWikinews(dir)
	if err != nil {
		t.Fatal(err)
	}
	test, err := GUMTest(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(ids) != 43 || len(test) == 0 {
		t.Fatalf("%d Wikinews documents, %d test", len(ids), len(test))
	}
	var docs []Doc
	for _, id := range ids {
		d, err := ReadGUM(dir, id, kb.IsTitleWord)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	n := checkDocs(t, docs)
	show(t, docs[0], 40)
	t.Logf("GUM Wikinews: %d docs, %d names", len(docs), n)
}

func TestReadMEANTIME(t *testing.T) {
	docs, err := ReadMEANTIME(shared.Path(t, "data/meantime-english"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 120 {
		t.Fatalf("%d docs", len(docs))
	}
	n := checkDocs(t, docs)
	show(t, docs[0], 40)
	t.Logf("MEANTIME: %d docs, %d names", len(docs), n)
}

func TestReadWikiANN(t *testing.T) {
	docs, err := ReadWikiANN(filepath.Join(shared.Path(t, "data/wikiann-english"), "dev"), 50, true)
	if err != nil {
		t.Fatal(err)
	}
	n := checkDocs(t, docs)
	show(t, docs[0], 20)
	t.Logf("WikiANN dev: %d docs, %d names", len(docs), n)
}
