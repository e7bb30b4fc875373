package pipeline

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/internal/shared"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// modelArticle is the project's model article (SPEC: examples/rome-meeting.txt)
// and its publication date.
var modelArticle = filepath.Join("..", "testdata", "rome-meeting.txt")

const modelPublished = "2025-04-26"

func analyzeModel(t testing.TB) *newsgraph.Document {
	t.Helper()
	raw, err := os.ReadFile(modelArticle)
	if err != nil {
		t.Fatal(err)
	}
	d, err := Analyze(Default(), newsgraph.Article{Path: modelArticle, Published: modelPublished, Text: string(raw)})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestModelArticleGolden compares the whole record of the model article with
// testdata/rome-meeting.golden.json, so that every change of a rule or a
// model shows as a diff of the record; `go test ./pipeline -update`
// rewrites the file after the diff has been read.
func TestModelArticleGolden(t *testing.T) {
	got, err := json.MarshalIndent(analyzeModel(t).Record(), "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	golden := filepath.Join("..", "testdata", "rome-meeting.golden.json")
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./pipeline -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("record of %s differs from %s (go test ./pipeline -update rewrites it):\n%s",
			modelArticle, golden, firstDiff(string(want), string(got)))
	}
}

// firstDiff shows the first differing line of two texts with a little
// context, enough to see what changed without a diff tool.
func firstDiff(want, got string) string {
	wl, gl := splitLines(want), splitLines(got)
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return "line " + itoa(i+1) + ":\n  want: " + w + "\n  got:  " + g
		}
	}
	return "(no line differs)"
}

func splitLines(s string) []string {
	var out []string
	sc := bufio.NewScanner(bytes.NewBufferString(s))
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		out = append(out, sc.Text())
	}
	return out
}

func itoa(i int) string {
	b, _ := json.Marshal(i)
	return string(b)
}

// TestRecordOffsetsSliceText checks the record's promise to its users: the
// code-point offsets of every mention, quote, time and trigger slice the
// text to the span's text, as Python's text[start:end] would.
func TestRecordOffsetsSliceText(t *testing.T) {
	for _, c := range []struct{ name, text string }{
		{"model article", ""},
		{"multi-byte text", "Präsident Wolodymyr Selenskyj sagte „Nein“ — «non» — on Friday. " +
			"\"We will not give up Crimea,\" Zelenskyy told Reuters in Kyiv on 3 March 2025. 🇺🇦 " +
			"He said that Ukraine wants NATO membership.\r\n\r\nTrump met Zelensky in Rome this week."},
	} {
		t.Run(c.name, func(t *testing.T) {
			var d *newsgraph.Document
			if c.text == "" {
				d = analyzeModel(t)
			} else {
				var err error
				d, err = Analyze(Default(), newsgraph.Article{Published: modelPublished, Text: c.text})
				if err != nil {
					t.Fatal(err)
				}
			}
			checkRecordOffsets(t, d.Record())
		})
	}
}

func checkRecordOffsets(t *testing.T, r *newsgraph.Record) {
	t.Helper()
	runes := []rune(r.Text)
	check := func(what string, s, e int, text string) {
		t.Helper()
		if s < 0 || e < s || e > len(runes) {
			t.Errorf("%s %q: offsets [%d,%d) outside the text (%d code points)", what, text, s, e, len(runes))
			return
		}
		if got := string(runes[s:e]); got != text {
			t.Errorf("%s: text[%d:%d] = %q, record says %q", what, s, e, got, text)
		}
	}
	for _, e := range r.Entities {
		for _, m := range e.Mentions {
			check("mention of "+e.ID, m.Start, m.End, m.Text)
		}
	}
	for _, q := range r.Quotes {
		check("quote "+q.ID, q.Start, q.End, q.Text)
	}
	for _, tm := range r.Times {
		check("time "+tm.ID, tm.Start, tm.End, tm.Text)
	}
	for _, v := range r.Events {
		if v.Trigger.Text != "" {
			check("trigger of "+v.ID, v.Trigger.Start, v.Trigger.End, v.Trigger.Text)
		}
	}
	prev := 0
	for i, s := range r.Sentences {
		if s.Start < prev || s.End < s.Start || s.End > len(runes) {
			t.Errorf("sentence %d [%d,%d) out of order or outside the text", i, s.Start, s.End)
		}
		prev = s.End
	}
}

// BenchmarkAnalyze measures the whole pipeline in bytes of text per second
// (the target is 2 MB/s on one core) on the model article and on the
// MEANTIME news articles. Besides the wall-clock MB/s it reports cpu-MB/s,
// the bytes per second of CPU time the process used (user+sys, garbage
// collection included): on a machine shared with other jobs the wall clock
// counts the time spent waiting for a core, the CPU time does not.
func BenchmarkAnalyze(b *testing.B) {
	b.Run("model-article", func(b *testing.B) {
		raw, err := os.ReadFile(modelArticle)
		if err != nil {
			b.Fatal(err)
		}
		benchArticles(b, []newsgraph.Article{{Published: modelPublished, Text: string(raw)}})
	})
	b.Run("meantime", func(b *testing.B) {
		path := shared.Path(b, filepath.Join("data", "meantime-english", "meantime-articles.jsonl"))
		f, err := os.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		defer f.Close()
		var arts []newsgraph.Article
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<24)
		for sc.Scan() {
			var a struct{ ID, Date, Text string }
			if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
				b.Fatal(err)
			}
			if _, err := ParseDate(a.Date); err != nil {
				a.Date = "" // a few MEANTIME dates are not ISO ("03-02-2009")
			}
			arts = append(arts, newsgraph.Article{ID: a.ID, Published: a.Date, Text: a.Text})
		}
		if err := sc.Err(); err != nil {
			b.Fatal(err)
		}
		benchArticles(b, arts)
	})
}

func benchArticles(b *testing.B, arts []newsgraph.Article) {
	n := 0
	for _, a := range arts {
		n += len(a.Text)
	}
	p := Default()
	// Models and tables load on first use; that is not what is measured.
	if _, err := Analyze(p, arts[0]); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	runs := 0
	for b.Loop() {
		for _, a := range arts {
			if _, err := Analyze(p, a); err != nil {
				b.Fatal(err)
			}
		}
		runs++
	}
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(n)*float64(runs)/1e6/cpu.Seconds(), "cpu-MB/s")
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
