package entity_test

import (
	"os"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/entity"
	"github.com/newsgraph/newsgraph/internal/shared"
	"github.com/newsgraph/newsgraph/mention"
	"github.com/newsgraph/newsgraph/segment"
)

// BenchmarkResolve measures the entity stage alone over the model article
// and the MEANTIME texts, with their mentions found once beforehand.
func BenchmarkResolve(b *testing.B) {
	raw, err := os.ReadFile(shared.Path(b, "examples/rome-meeting.txt"))
	if err != nil {
		b.Fatal(err)
	}
	texts := []string{string(raw)}
	if mt, err := os.ReadFile(shared.Path(b, "data/meantime-english/meantime-articles.jsonl")); err == nil {
		for _, line := range strings.Split(string(mt), "\n") {
			if i := strings.Index(line, `"text": "`); i >= 0 {
				texts = append(texts, strings.ReplaceAll(line[i+9:], `\n`, "\n"))
			}
		}
	}
	docs := make([]*newsgraph.Document, len(texts))
	n := 0
	for i, s := range texts {
		docs[i] = &newsgraph.Document{Text: s}
		segment.Segment(docs[i])
		mention.Find(docs[i])
		n += len(s)
	}
	b.SetBytes(int64(n))
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			entity.Resolve(d)
		}
	}
}
