package clean

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/newsgraph/newsgraph/internal/shared"
)

// BenchmarkTextMEANTIME cleans the MEANTIME news articles.
func BenchmarkTextMEANTIME(b *testing.B) {
	f, err := os.Open(shared.Path(b, filepath.Join("data", "meantime-english", "meantime-articles.jsonl")))
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	var texts []string
	n := 0
	dec := json.NewDecoder(f)
	for {
		var a struct{ Text string }
		if err := dec.Decode(&a); err != nil {
			break
		}
		texts = append(texts, a.Text)
		n += len(a.Text)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range texts {
			Text(s)
		}
	}
}
