package pipeline_test

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/internal/hostile"
	"github.com/newsgraph/newsgraph/internal/shared"
	"github.com/newsgraph/newsgraph/pipeline"
	"github.com/newsgraph/newsgraph/store"
)

// perInput bounds one analysis: the pipeline runs at megabytes per second,
// and fuzz inputs are kilobytes, so a second is a hang, not slowness.
const perInput = 2 * time.Second

// seedRecord adds the model article, generated articles and a few real
// articles read at test time (never copied into the repository).
func seedRecord(f *testing.F) {
	f.Add("Zelensky said on Friday: \"We will not give up.\"", "2025-04-26")
	f.Add("«Nous verrons», a dit M. Macron lundi. “Yes,” he said — ‘no’.\r\nÉmigré 😀 …", "")
	f.Add("\u00a0\u200b\ufeffA\u0301 said\x00 it.", "2025-01-01T10:00:00Z")
	for i := range 3 {
		f.Add(hostile.Article(1, i), "2025-04-26")
	}
	if d := shared.Dir(); d != "" {
		if b, err := os.ReadFile(filepath.Join(d, "examples", "rome-meeting.txt")); err == nil {
			f.Add(string(b), "2025-04-26")
		}
		if fh, err := os.Open(filepath.Join(d, "data", "bbc-news-fulltext", "bbc-news.jsonl")); err == nil {
			defer fh.Close()
			sc := bufio.NewScanner(fh)
			sc.Buffer(nil, 1<<20)
			for n := 0; n < 4 && sc.Scan(); n++ {
				var a struct {
					Text string `json:"text"`
				}
				if json.Unmarshal(sc.Bytes(), &a) == nil && a.Text != "" {
					f.Add(a.Text, "")
				}
			}
		}
	}
}

// FuzzPipelineRecord runs every stage on fuzzed text and checks the
// document and its record: no panic; inside Go, byte offsets in the text,
// ordered, and Text[Start:End] equal to each span's text; in the record
// (store.CheckRecord), code-point offsets that slice to their texts, every
// id referenced existing, every type from its set; all within perInput.
func FuzzPipelineRecord(f *testing.F) {
	seedRecord(f)
	p := pipeline.Default()
	f.Fuzz(func(t *testing.T, text, published string) {
		if !utf8.ValidString(text) {
			return // readers refuse it before the pipeline (ingest.Check)
		}
		if _, err := pipeline.ParseDate(published); err != nil {
			published = ""
		}
		type result struct {
			doc *newsgraph.Document
			err error
		}
		done := make(chan result, 1)
		go func() {
			doc, err := pipeline.Analyze(p, newsgraph.Article{Text: text, Published: published})
			done <- result{doc, err}
		}()
		var r result
		select {
		case r = <-done:
		case <-time.After(perInput):
			t.Fatalf("analysis of %d bytes still running after %v", len(text), perInput)
		}
		if r.err != nil {
			return // empty and unreadable texts are refused, which is fine
		}
		d := r.doc
		span := func(what string, s, e int, want string, check bool) {
			if s < 0 || e < s || e > len(d.Text) {
				t.Fatalf("%s [%d,%d) outside the text of %d bytes", what, s, e, len(d.Text))
			}
			if check && d.Text[s:e] != want {
				t.Fatalf("%s: Text[%d:%d] = %q, field says %q", what, s, e, d.Text[s:e], want)
			}
		}
		last := 0
		for _, s := range d.Sentences {
			span("sentence", s.Start, s.End, "", false)
			if s.Start < last {
				t.Fatalf("sentence at %d before the end of the one before (%d)", s.Start, last)
			}
			last = s.End
		}
		for _, tk := range d.Tokens {
			span("token", tk.Start, tk.End, tk.Text, true)
		}
		for _, m := range d.Mentions {
			span("mention", m.Start, m.End, m.Text, true)
		}
		for _, tm := range d.Times {
			span("time", tm.Start, tm.End, tm.Text, true)
		}
		for _, q := range d.Quotes {
			span("quote", q.Start, q.End, "", false)
		}
		for _, v := range d.Events {
			span("event trigger", v.Trigger.Start, v.Trigger.End, v.TriggerText, true)
		}
		rec := d.Record()
		if probs := store.CheckRecord(rec); len(probs) > 0 {
			t.Fatalf("record invalid: %q", probs)
		}
		if _, err := json.Marshal(rec); err != nil {
			t.Fatalf("record does not encode: %v", err)
		}
	})
}
