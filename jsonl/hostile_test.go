package jsonl_test

import (
	"bytes"
	"errors"
	"io"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/internal/hostile"
	"github.com/newsgraph/newsgraph/jsonl"
)

// TestHostileJSONL: an endless line, NUL bytes and invalid UTF-8 inside
// the JSON, and a JSON value nested a million deep. Each bad line gets a
// LineError and the good line after it is still read.
func TestHostileJSONL(t *testing.T) {
	good := `{"text": "The minister said on Friday that talks would continue.", "url": "https://example.com/a"}` + "\n"
	read := func(r io.Reader, o jsonl.Options) (arts []newsgraph.Article, first error) {
		err := jsonl.Read(r, "hostile.jsonl", o, func(line int, a newsgraph.Article, err error) bool {
			if err != nil && first == nil {
				first = err
			} else if err == nil {
				arts = append(arts, a)
			}
			return true
		})
		if err != nil && first == nil {
			first = err
		}
		return arts, first
	}
	t.Run("endless line", func(t *testing.T) {
		// The rest of a line over the limit is read and dropped (the next
		// line may be good), so a line of n bytes costs time in n but no
		// memory: 1 GB here, to keep the test short.
		c := &hostile.Counter{R: io.MultiReader(bytes.NewReader([]byte(`{"text": "`)), hostile.Text(hostile.GB), bytes.NewReader([]byte("\"}\n"+good)))}
		var arts []newsgraph.Article
		u := hostile.Expect(t, "JSON line of 1 GB", 30*time.Second, 128*hostile.MiB, jsonl.ErrLineTooLong, func() error {
			var err error
			arts, err = read(c, jsonl.Options{})
			return err
		})
		if len(arts) != 1 {
			t.Errorf("%d articles after the long line, want 1", len(arts))
		}
		t.Logf("skipping a long line runs at %.0f MB/s", float64(c.N())/1e6/u.Elapsed.Seconds())
	})
	for _, c := range []struct {
		name string
		line string
		want error
	}{
		{"NUL in the text", `{"text": "a\u0000b said on Friday"}`, nil},
		{"raw NUL", "{\"text\": \"a\x00b\"}", nil},
		{"invalid UTF-8", "{\"text\": \"" + string(hostile.InvalidUTF8()) + "\"}", nil},
		{"nested a million deep", `{"text": ` + string(bytes.Repeat([]byte("["), 1_000_000)), nil},
		{"not an object", `[1, 2, 3]`, jsonl.ErrNotObject},
	} {
		t.Run(c.name, func(t *testing.T) {
			var arts []newsgraph.Article
			u := hostile.Measure(10*time.Second, func() { arts, _ = read(bytes.NewReader([]byte(c.line+"\n"+good)), jsonl.Options{}) })
			_, err := read(bytes.NewReader([]byte(c.line+"\n")), jsonl.Options{})
			t.Logf("hostile JSON line %s: %v (%s)", c.name, err, u)
			if u.TimedOut || u.PeakHeap > 128*hostile.MiB {
				t.Fatalf("%s: %s", c.name, u)
			}
			if c.want != nil && !errors.Is(err, c.want) {
				t.Errorf("%s: err %v, want %v", c.name, err, c.want)
			}
			for _, a := range arts {
				if bytes.IndexByte([]byte(a.Text), 0) >= 0 && err == nil {
					t.Logf("%s: accepted with a NUL in the text", c.name)
				}
			}
			if len(arts) == 0 {
				t.Errorf("the good line after %s was lost", c.name)
			}
		})
	}
}
