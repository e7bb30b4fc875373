package ner_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/internal/shared"
	"github.com/newsgraph/newsgraph/ner"
	"github.com/newsgraph/newsgraph/segment"
	"github.com/newsgraph/newsgraph/tag"
)

// BenchmarkNER measures the tagger alone (segmentation and POS tags done
// beforehand) over the model article and the MEANTIME texts.
func BenchmarkNER(b *testing.B) {
	var texts []string
	if data, err := os.ReadFile("../../shared/examples/rome-meeting.txt"); err == nil {
		texts = append(texts, string(data))
	}
	if p := shared.Path(b, "data/meantime-english/meantime-articles.jsonl"); p != "" {
		data, err := os.ReadFile(filepath.Clean(p))
		if err != nil {
			b.Fatal(err)
		}
		for _, line := range strings.Split(string(data), "\n") {
			var rec struct{ Text string }
			if json.Unmarshal([]byte(line), &rec) == nil && rec.Text != "" {
				texts = append(texts, rec.Text)
			}
		}
	}
	m, err := ner.Default()
	if err != nil {
		b.Fatal(err)
	}
	docs := make([]*newsgraph.Document, len(texts))
	size := 0
	for i, t := range texts {
		d := &newsgraph.Document{Text: t}
		segment.Segment(d)
		if err := tag.Stage.Process(d); err != nil {
			b.Fatal(err)
		}
		docs[i] = d
		size += len(t)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	var spans []ner.Span
	for _, d := range docs { // scratch memory grown before the timing
		spans = m.AppendSpans(spans[:0], d)
	}
	b.ResetTimer()
	cpu0 := cpuTime()
	for range b.N {
		for _, d := range docs {
			spans = m.AppendSpans(spans[:0], d)
		}
	}
	// the CPU time, which a loaded machine does not inflate as it does the
	// wall-clock time
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(size)*float64(b.N)/1e6/cpu.Seconds(), "cpu-MB/s")
	}
}

// cpuTime is the user and system CPU time the process has used so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkLoad measures decoding the embedded model.
func BenchmarkLoad(b *testing.B) {
	data, err := os.ReadFile("model/ner.bin.gz")
	if err != nil {
		b.Fatal(err)
	}
	for range b.N {
		if _, err := ner.Load(data); err != nil {
			b.Fatal(err)
		}
	}
}

// FuzzFind checks that any text gives valid spans and no panic.
func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"Barack Obama met Mitt Romney in Texas on Monday.",
		"„Putin’s envoy“ said «nothing» to the U.S.-led coalition’s chief, Mr. O'Neill.",
		"SOCCER - JAPAN GET LUCKY WIN , CHINA IN SURPRISE DEFEAT .",
		"Зеленский встретился с Трампом в Риме.\r\n\r\nThe Kremlin's 🇺🇦 reply\u00a0came.",
		"",
		"a\u0301 B\u0301 C",
	} {
		f.Add(s)
	}
	m, err := ner.Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		d := &newsgraph.Document{Text: text}
		segment.Segment(d)
		if err := tag.Stage.Process(d); err != nil {
			t.Fatal(err)
		}
		last := 0
		for _, s := range m.Find(d) {
			if s.Start < last || s.End <= s.Start || s.End > len(text) {
				t.Fatalf("bad span %+v after %d in %q", s, last, text)
			}
			if s.First < 0 || s.Last > len(d.Tokens) || s.First >= s.Last ||
				d.Tokens[s.First].Start != s.Start || d.Tokens[s.Last-1].End < s.End {
				t.Fatalf("span %+v does not match its tokens in %q", s, text)
			}
			if d.Tokens[s.First].Sentence != d.Tokens[s.Last-1].Sentence {
				t.Fatalf("span %+v crosses sentences in %q", s, text)
			}
			last = s.End
		}
	})
}
