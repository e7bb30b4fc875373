package timex

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/internal/shared"
	"github.com/newsgraph/newsgraph/segment"
)

// benchFind measures the stage alone: the documents are segmented once,
// then Find runs over each of them.
func benchFind(b *testing.B, docs []*newsgraph.Document) {
	n := 0
	for _, d := range docs {
		segment.Segment(d)
		n += len(d.Text)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		for _, d := range docs {
			d.Times = Find(d, d.Times[:0])
		}
	}
}

// BenchmarkFind runs the stage over the model article and the MEANTIME
// articles. Measured on one core of the development machine (go test
// -bench Find -run XXX ./timex): see the package doc's # Performance.
func BenchmarkFind(b *testing.B) {
	b.Run("model-article", func(b *testing.B) {
		data, err := os.ReadFile(shared.Path(b, "examples/rome-meeting.txt"))
		if err != nil {
			b.Fatal(err)
		}
		benchFind(b, []*newsgraph.Document{{Text: string(data), Date: time.Date(2025, 4, 26, 0, 0, 0, 0, time.UTC)}})
	})
	b.Run("meantime", func(b *testing.B) {
		f, err := os.Open(shared.Path(b, "data/meantime-english/meantime-articles.jsonl"))
		if err != nil {
			b.Fatal(err)
		}
		defer f.Close()
		var docs []*newsgraph.Document
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<24)
		for sc.Scan() {
			var a struct{ Text, Date string }
			if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
				b.Fatal(err)
			}
			d := &newsgraph.Document{Text: strings.TrimSpace(a.Text)}
			if len(a.Date) >= 10 {
				d.Date, _ = time.Parse("2006-01-02", a.Date[:10])
			}
			docs = append(docs, d)
		}
		benchFind(b, docs)
	})
}
