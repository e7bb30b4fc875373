package jsonl

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph"
)

type result struct {
	line int
	a    newsgraph.Article
	err  error
}

func readAll(t testing.TB, input string, o Options) []result {
	var out []result
	err := Read(strings.NewReader(input), "in.jsonl", o, func(n int, a newsgraph.Article, err error) bool {
		out = append(out, result{n, a, err})
		return true
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestRead(t *testing.T) {
	input := strings.Join([]string{
		`{"id": "a1", "url": "https://x.example/1", "title": "One", "published": "2025-04-26", "source": "X", "text": "Zürich „quote“ 🙂\n\nSecond."}`,
		``,
		`{"id": 42, "date": "2025-04-26T10:00:00+02:00", "text": "Numbered id, date field."}`,
		`{"text": "no newline at the end`,
		`not json`,
		`{"title": "no text"}`,
		`{"text": "bad date", "published": "last Friday"}`,
		`["an", "array"]`,
		`{"html": "<html><head><title>Page</title></head><body><article><p>The minister said on Friday that the talks in Geneva would go on for another week at least.</p><p>Negotiators from both sides arrived late on Thursday evening.</p></article></body></html>", "source": "Given"}`,
		`{"text": "windows line end"}` + "\r",
		`{"text": "date with space", "published": "2025-04-26 10:00:00"}`,
		`{"text": "last line without newline"}`,
	}, "\n")
	got := readAll(t, input, Options{})
	want := []struct {
		line int
		a    newsgraph.Article
		err  error
	}{
		{1, newsgraph.Article{ID: "a1", URL: "https://x.example/1", Title: "One", Published: "2025-04-26", Source: "X", Text: "Zürich „quote“ 🙂 Second."}, nil},
		{3, newsgraph.Article{ID: "42", Published: "2025-04-26T10:00:00+02:00", Text: "Numbered id, date field."}, nil},
		{4, newsgraph.Article{}, errors.New("bad JSON")},
		{5, newsgraph.Article{}, ErrNotObject},
		{6, newsgraph.Article{}, ErrNoText},
		{7, newsgraph.Article{}, newsgraph.ErrBadDate},
		{8, newsgraph.Article{}, ErrNotObject},
		{9, newsgraph.Article{Title: "Page", Source: "Given", Text: "The minister said on Friday that the talks in Geneva would go on for another week at least.\n\nNegotiators from both sides arrived late on Thursday evening."}, nil},
		{10, newsgraph.Article{Text: "windows line end"}, nil},
		{11, newsgraph.Article{Text: "date with space", Published: "2025-04-26T10:00:00Z"}, nil},
		{12, newsgraph.Article{Text: "last line without newline"}, nil},
	}
	if len(got) != len(want) {
		for _, g := range got {
			t.Logf("%d %+v %v", g.line, g.a, g.err)
		}
		t.Fatalf("%d results, want %d", len(got), len(want))
	}
	for i, w := range want {
		g := got[i]
		if g.line != w.line {
			t.Errorf("result %d: line %d, want %d", i, g.line, w.line)
		}
		if w.err != nil {
			var le *LineError
			if !errors.As(g.err, &le) || le.Line != w.line || le.Path != "in.jsonl" {
				t.Errorf("line %d: err = %v, want a LineError for this line", w.line, g.err)
			} else if !errors.Is(g.err, w.err) && !strings.Contains(g.err.Error(), w.err.Error()) {
				t.Errorf("line %d: err = %v, want %v", w.line, g.err, w.err)
			}
			if !strings.HasPrefix(fmt.Sprint(g.err), fmt.Sprintf("in.jsonl:%d: ", w.line)) {
				t.Errorf("error %q does not start with the input and line", g.err)
			}
			continue
		}
		if g.err != nil {
			t.Errorf("line %d: %v", w.line, g.err)
			continue
		}
		w.a.Path = fmt.Sprintf("in.jsonl:%d", w.line)
		// white space and paragraphs of extracted HTML are ingest.ParseHTML's
		// business (it joins short pages' paragraphs without a space today)
		g.a.Text = strings.Join(strings.Fields(g.a.Text), "")
		w.a.Text = strings.Join(strings.Fields(w.a.Text), "")
		if g.a != w.a {
			t.Errorf("line %d:\n got %+v\nwant %+v", w.line, g.a, w.a)
		}
	}
}

func TestLongLine(t *testing.T) {
	long := `{"text": "` + strings.Repeat("x", 5000) + `"}`
	input := `{"text": "before"}` + "\n" + long + "\n" + `{"text": "after"}` + "\n" + long
	got := readAll(t, input, Options{MaxLine: 1000})
	if len(got) != 4 {
		t.Fatalf("%d results, want 4", len(got))
	}
	if got[0].a.Text != "before" || got[2].a.Text != "after" || got[2].line != 3 {
		t.Errorf("neighbours of the long line: %+v %+v", got[0], got[2])
	}
	for _, i := range []int{1, 3} {
		if !errors.Is(got[i].err, ErrLineTooLong) {
			t.Errorf("result %d: err = %v, want ErrLineTooLong", i, got[i].err)
		}
	}
	// a line of exactly the limit is fine
	exact := `{"text": "` + strings.Repeat("y", 1000-12) + `"}`
	if got := readAll(t, exact+"\n", Options{MaxLine: 1000}); len(got) != 1 || got[0].err != nil {
		t.Errorf("line of exactly MaxLine bytes: %+v", got)
	}
}

func TestStop(t *testing.T) {
	n := 0
	err := Read(strings.NewReader("{\"text\":\"a\"}\n{\"text\":\"b\"}\n"), "x", Options{}, func(int, newsgraph.Article, error) bool {
		n++
		return false
	})
	if err != nil || n != 1 {
		t.Errorf("n = %d, err = %v", n, err)
	}
}

func TestNormalizeDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2025-04-26", "2025-04-26"},
		{" 2025-04-26T10:00:00Z ", "2025-04-26T10:00:00Z"},
		{"2025-04-26T10:00:00.123+02:00", "2025-04-26T10:00:00+02:00"},
		{"2025-04-26T10:00:00", "2025-04-26T10:00:00Z"},
		{"Sat, 26 Apr 2025 10:00:00 +0200", "2025-04-26T10:00:00+02:00"},
		{"26/04/2025", ""},
		{"2025-13-01", ""},
		{"yesterday", ""},
	}
	for _, tc := range tests {
		got, err := NormalizeDate(tc.in)
		if tc.want == "" {
			if !errors.Is(err, newsgraph.ErrBadDate) {
				t.Errorf("NormalizeDate(%q) = %q, %v; want ErrBadDate", tc.in, got, err)
			}
			continue
		}
		if got != tc.want || err != nil {
			t.Errorf("NormalizeDate(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
}

func FuzzJSONL(f *testing.F) {
	f.Add([]byte(`{"id": "a1", "url": "https://x.example/1", "title": "One", "published": "2025-04-26", "source": "X", "text": "Zürich"}` + "\n" + `{"id": 3, "date": "2025-04-26T10:00:00Z", "text": "x"}`))
	f.Add([]byte(`{"html": "<p>Hello <b>world</b>, a sentence long enough to be text.</p>"}`))
	f.Add([]byte("{\"text\": \"a\\u0000b\\ud800\"}\r\n\n\nnot json\n{\"text\": \"\xff\xfe\"}"))
	f.Add([]byte(`{"text": "x", "id": {"nested": 1}, "published": 5}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		start := time.Now()
		lastLine := 0
		err := Read(strings.NewReader(string(data)), "fuzz", Options{MaxLine: 4096}, func(n int, a newsgraph.Article, err error) bool {
			if n <= lastLine {
				t.Fatalf("line %d after %d", n, lastLine)
			}
			lastLine = n
			if err != nil {
				var le *LineError
				if !errors.As(err, &le) || le.Line != n {
					t.Fatalf("error %v is not a LineError for line %d", err, n)
				}
				return true
			}
			if strings.TrimSpace(a.Text) == "" || !utf8.ValidString(a.Text) {
				t.Fatalf("bad text %q", a.Text)
			}
			if a.Published != "" {
				if _, err := NormalizeDate(a.Published); err != nil {
					t.Fatalf("published %q not normal", a.Published)
				}
			}
			return true
		})
		if err != nil {
			t.Fatal(err)
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Fatalf("took %v", d)
		}
	})
}

func BenchmarkRead(b *testing.B) {
	var sb strings.Builder
	for i := range 1000 {
		fmt.Fprintf(&sb, `{"id": %d, "url": "https://b.example/%d", "title": "T", "published": "2025-04-26", "text": %q}`+"\n",
			i, i, strings.Repeat("The minister said on Friday that talks would go on, “in good faith”. ", 30))
	}
	data := sb.String()
	b.SetBytes(int64(len(data)))
	for range b.N {
		n := 0
		_ = Read(strings.NewReader(data), "bench", Options{}, func(int, newsgraph.Article, error) bool { n++; return true })
		if n != 1000 {
			b.Fatal(n)
		}
	}
}
