package storetest

import (
	"bufio"
	"os"
	"path/filepath"
	"sync"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/internal/shared"
	"github.com/newsgraph/newsgraph/jsonl"
	"github.com/newsgraph/newsgraph/pipeline"
	"github.com/newsgraph/newsgraph/store"
)

// PolNeARDocs analyses the first 300 PolNeAR articles of the shared data
// once per process, for the writers' benchmarks: both stores put the same
// prepared documents, the analysis done beforehand. Callers skip when the
// data is absent (shared.Path).
var PolNeARDocs = sync.OnceValues(func() ([]*store.Doc, error) {
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
