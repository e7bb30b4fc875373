package web

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/internal/shared"
	"github.com/newsgraph/newsgraph/pipeline"
	"github.com/newsgraph/newsgraph/store"
	"github.com/newsgraph/newsgraph/store/sqlite"
)

// modelArticle is the article every view is checked on.
const modelArticle = "../testdata/rome-meeting.txt"

// testStore builds a SQLite store in a temporary folder from the model
// article (published 2025-04-26) and, when polnear > 0 and the shared data
// is there, that many PolNeAR articles spread over the file. It returns
// the store and the model article's document id.
func testStore(t testing.TB, polnear int) (store.Store, string) {
	t.Helper()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "web.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	text, err := os.ReadFile(modelArticle)
	if err != nil {
		t.Fatal(err)
	}
	p := pipeline.Default()
	put := func(a newsgraph.Article, input string) string {
		d, err := pipeline.Analyze(p, a)
		if err != nil {
			t.Fatalf("analyse %s: %v", input, err)
		}
		doc, err := store.Prepare(d.Record(), a.Text, input)
		if err != nil {
			t.Fatal(err)
		}
		res, err := db.Put(ctx, doc)
		if err != nil {
			t.Fatalf("put %s: %v", input, err)
		}
		return res[0].ID
	}
	id := put(newsgraph.Article{Text: string(text), Published: "2025-04-26", Source: "wire", Title: "Trump and Zelensky meet in Rome"}, modelArticle)
	if polnear > 0 {
		if path := polnearPath(); path != "" {
			f, err := os.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			sc := bufio.NewScanner(f)
			sc.Buffer(make([]byte, 1<<20), 8<<20)
			// A spread of outlets and dates: every step-th article.
			step := max(1, 1000/polnear)
			for line, n := 0, 0; sc.Scan() && n < polnear; line++ {
				if line%step != 0 {
					continue
				}
				var a struct{ ID, Title, Date, Source, Text string }
				if json.Unmarshal(sc.Bytes(), &a) != nil || a.Text == "" {
					continue
				}
				put(newsgraph.Article{Text: a.Text, Title: a.Title, Published: a.Date, Source: a.Source}, "polnear:"+a.ID)
				n++
			}
		}
	}
	return db, id
}

// polnearPath is the PolNeAR articles file, or "" when the shared data is
// absent (the tests then use the model article alone).
func polnearPath() string {
	d := shared.Dir()
	if d == "" {
		return ""
	}
	p := filepath.Join(d, "data/polnear/polnear-articles.jsonl")
	if _, err := os.Stat(p); err != nil {
		return ""
	}
	return p
}

// actorByName is the id of the actor with this canonical name.
func actorByName(t testing.TB, st store.Store, name string) string {
	t.Helper()
	as, _, err := st.Actors(context.Background(), store.ActorQuery{Q: name}, store.Page{})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range as {
		if a.Name == name {
			return a.ID
		}
	}
	t.Fatalf("no actor named %q", name)
	return ""
}
