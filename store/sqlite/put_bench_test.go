package sqlite

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/newsgraph/newsgraph/internal/shared"
	"github.com/newsgraph/newsgraph/store/storetest"
)

// BenchmarkPut measures the writer alone: analysed PolNeAR records put in
// batches of 64 into a fresh file, the analysis done beforehand.
func BenchmarkPut(b *testing.B) {
	shared.Path(b, "data/polnear")
	docs, err := storetest.PolNeARDocs()
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
