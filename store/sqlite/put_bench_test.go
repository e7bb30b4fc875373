package sqlite

import (
	"bufio"
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/internal/shared"
	"github.com/newsgraph/newsgraph/jsonl"
	"github.com/newsgraph/newsgraph/pipeline"
	"github.com/newsgraph/newsgraph/store"
)

// polnearDocs analyses the first n PolNeAR articles once per process.
var polnearDocs = sync.OnceValues(func() ([]*store.Doc, error) {
	path := filepath.Join(shared.Dir(), "data/polnear/polnear-articles.jsonl")
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	p := pipeline.Default()
	var docs []*store.Doc
	err = jsonl.Read(bufio.NewReader(f), path, jsonl.Options{}, func(line int, a newsgraph.Article, err error) bool {
		if err != nil {
			return true
		}
		d, err := pipeline.Analyze(p, a)
		if err != nil {
			return true
		}
		sd, err := store.Prepare(d.Record(), a.Text, "")
		if err == nil {
			docs = append(docs, sd)
		}
		return len(docs) < 300
	})
	return docs, err
})

// BenchmarkPut measures the writer alone: analysed PolNeAR records put in
// batches of 64 into a fresh file, the analysis done beforehand.
func BenchmarkPut(b *testing.B) {
	shared.Path(b, "data/polnear")
	docs, err := polnearDocs()
	if err != nil || len(docs) == 0 {
		b.Skip("no PolNeAR documents:", err)
	}
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		db, err := Open(ctx, filepath.Join(b.TempDir(), "put.db"))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		for j := 0; j < len(docs); j += 64 {
			if _, err := db.Put(ctx, docs[j:min(j+64, len(docs))]...); err != nil {
				b.Fatal(err)
			}
		}
		b.StopTimer()
		db.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N*len(docs)), "ms/doc")
}
