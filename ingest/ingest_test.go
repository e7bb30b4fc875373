package ingest

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph"
)

// TestReadFileErrors checks that every unreadable input gets a one-line
// error that names the file and the reason.
func TestReadFileErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tests := []struct {
		name   string
		path   string
		opts   Options
		reason string
		is     error
	}{
		{"missing file", filepath.Join(dir, "missing.txt"), Options{}, "no such file or directory", os.ErrNotExist},
		{"directory", dir, Options{}, "is a directory", nil},
		{"binary", write("photo.jpg", []byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01")), Options{}, "binary content", newsgraph.ErrBinary},
		{"invalid utf-8", write("latin1.txt", []byte("Caf\xe9 au lait, na\xefve.")), Options{}, "invalid UTF-8", newsgraph.ErrNotUTF8},
		{"empty", write("empty.txt", nil), Options{}, "empty document", newsgraph.ErrEmpty},
		{"only white space", write("blank.txt", []byte(" \n\t\r\n")), Options{}, "empty document", newsgraph.ErrEmpty},
		{"over the size limit", write("big.txt", []byte(strings.Repeat("word ", 100))), Options{MaxSize: 64}, "more than 64 bytes", newsgraph.ErrTooLarge},
		{"html without text", write("empty.html", []byte("<html><body><nav></nav></body></html>")), Options{}, "", nil},
		{"html nested too deeply", write("deep.html", []byte("<html><body>"+strings.Repeat("<div>", 600)+"text")), Options{}, "nested too deeply", ErrTooDeep},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadFile(tc.path, tc.opts)
			if err == nil {
				t.Fatal("no error")
			}
			msg := err.Error()
			if strings.Contains(msg, "\n") {
				t.Errorf("error has several lines: %q", msg)
			}
			if !strings.HasPrefix(msg, tc.path+": ") {
				t.Errorf("error %q does not start with the file name", msg)
			}
			if !strings.Contains(msg, tc.reason) {
				t.Errorf("error %q does not say %q", msg, tc.reason)
			}
			if tc.is != nil && !errors.Is(err, tc.is) {
				t.Errorf("error %q is not %v", msg, tc.is)
			}
			var ie *Error
			if !errors.As(err, &ie) || ie.Path != tc.path {
				t.Errorf("error %q is not an *Error for the path", msg)
			}
		})
	}
}

func TestReadFilePlainText(t *testing.T) {
	p := filepath.Join(t.TempDir(), "a.txt")
	text := "Зеленский met Trump.\r\n\r\nNBSP\u00a0stays 👍"
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	a, err := ReadFile(p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if a.Text != text || a.Path != p {
		t.Errorf("got %+v", a)
	}
}

func TestParseHTMLLegacyEncoding(t *testing.T) {
	page := "<html><head><meta charset=\"iso-8859-1\"><title>Caf\xe9</title></head><body><article>" +
		strings.Repeat("<p>Le caf\xe9 na\xeff est ouvert depuis lundi, disent les habitants du quartier.</p>", 6) +
		"</article></body></html>"
	a, err := Parse([]byte(page), "page.html")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Text, "Le café naïf est ouvert") {
		t.Errorf("text not decoded: %q", a.Text)
	}
	// without a declaration an invalid page stays an error
	if _, err := Parse([]byte(strings.ReplaceAll(page, "<meta charset=\"iso-8859-1\">", "")), "page.html"); !errors.Is(err, newsgraph.ErrNotUTF8) {
		t.Errorf("undeclared encoding: err = %v", err)
	}
}

func TestParseHTMLFixture(t *testing.T) {
	a, err := ReadFile(filepath.Join("testdata", "article.html"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Leaders meet in Geneva for first talks in a year" {
		t.Errorf("title = %q", a.Title)
	}
	if a.Source != "Example Daily" {
		t.Errorf("source = %q", a.Source)
	}
	if a.Published != "2024-03-08" {
		t.Errorf("published = %q", a.Published)
	}
	if a.URL != "https://news.example.org/world/leaders-meet-geneva" {
		t.Errorf("url = %q", a.URL)
	}
	paras := strings.Split(a.Text, "\n\n")
	wantStarts := []string{
		"The two leaders met in Geneva on Friday",
		"“We had a frank and useful exchange,”",
		"Both delegations said that working groups",
		"Years of tension",
		"Relations between the two countries",
		"Analysts in the region said",
	}
	for _, w := range wantStarts {
		found := false
		for _, p := range paras {
			if strings.HasPrefix(p, w) {
				found = true
			}
		}
		if !found {
			t.Errorf("no paragraph starts with %q; text:\n%s", w, a.Text)
		}
	}
	if !strings.Contains(a.Text, "constructive.\nA joint statement") {
		t.Errorf("<br> did not become a line break:\n%s", a.Text)
	}
	for _, junk := range []string{"Home", "Storm hits coast", "All rights reserved", "window.tracking", "font-family"} {
		if strings.Contains(a.Text, junk) {
			t.Errorf("text holds %q:\n%s", junk, a.Text)
		}
	}
	if strings.HasPrefix(a.Text, a.Title) {
		t.Errorf("headline repeated at the start of the text")
	}
}

func TestNodeTextWhiteSpace(t *testing.T) {
	a, err := Parse([]byte("<html><body><article><p>  One\n  two\tthree\u00a0four  </p><div>Five <b>six</b><span>seven</span></div>"+
		"<ul><li>eight</li><li>nine</li></ul>"+strings.Repeat("<p>A sentence of filler text that makes the page long enough to extract.</p>", 5)+
		"</article></body></html>"), "x.html")
	if err != nil {
		t.Fatal(err)
	}
	// white space collapses (trafilatura turns the non-breaking space into
	// a plain one), blocks and list items become paragraphs
	for _, want := range []string{"One two three four\n\nFive", "\n\neight\n\nnine\n\nA sentence"} {
		if !strings.Contains(a.Text, want) {
			t.Errorf("%q not in %q", want, a.Text)
		}
	}
}

func TestLooksLikeHTML(t *testing.T) {
	tests := []struct {
		name, file, data string
		want             bool
	}{
		{"html extension", "a.html", "plain", true},
		{"txt extension wins", "a.txt", "<html>", false},
		{"doctype", "-", "  <!DOCTYPE html><html>", true},
		{"body tag", "a", "<div><body>", true},
		{"plain text", "a", "Hello <b> world", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := LooksLikeHTML([]byte(tc.data), tc.file); got != tc.want {
				t.Errorf("got %v", got)
			}
		})
	}
}

func TestWalk(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{"b.txt", "a.html", "sub/c.txt", ".hidden/d.txt", ".e.txt"} {
		full := filepath.Join(dir, p)
		os.MkdirAll(filepath.Dir(full), 0o755)
		if err := os.WriteFile(full, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	files, err := Walk(dir)
	if err != nil {
		t.Fatal(err)
	}
	var rel []string
	for _, f := range files {
		r, _ := filepath.Rel(dir, f)
		rel = append(rel, r)
	}
	if got, want := strings.Join(rel, ","), "a.html,b.txt,sub/c.txt"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	if _, err := Walk(filepath.Join(dir, "nope")); err == nil || !strings.Contains(err.Error(), "nope: no such file") {
		t.Errorf("missing path: %v", err)
	}
}

// checkArticle asserts what every successful parse promises.
func checkArticle(t *testing.T, a newsgraph.Article) {
	t.Helper()
	if strings.TrimSpace(a.Text) == "" {
		t.Fatal("success with empty text")
	}
	for _, s := range []string{a.Text, a.Title, a.Source, a.URL, a.Published} {
		if !utf8.ValidString(s) {
			t.Fatalf("invalid UTF-8 in %q", s)
		}
	}
	if strings.ContainsAny(a.Title, "\n\r") || strings.ContainsAny(a.Source, "\n\r") {
		t.Fatalf("line break in title %q or source %q", a.Title, a.Source)
	}
}

func FuzzParse(f *testing.F) {
	fixture, _ := os.ReadFile(filepath.Join("testdata", "article.html"))
	for _, s := range []string{"Plain text.\r\n\r\nMore.", "\x00\x01", "Caf\xe9", " ", string(fixture), "<html><body><p>x"} {
		f.Add([]byte(s), "in.txt")
		f.Add([]byte(s), "in.html")
	}
	f.Fuzz(func(t *testing.T, data []byte, name string) {
		a, err := Parse(data, name)
		if err != nil {
			if strings.Contains(err.Error(), "\n") {
				t.Fatalf("multi-line error %q", err)
			}
			return
		}
		checkArticle(t, a)
	})
}

func FuzzParseHTML(f *testing.F) {
	fixture, _ := os.ReadFile(filepath.Join("testdata", "article.html"))
	for _, s := range []string{string(fixture), "<p>a<br>b</p>", "<table><tr><td>1<td>2</table>", "<div><div><p>x</div>",
		"<html><head><title>\n T \n</title></head><body>" + strings.Repeat("<p>Some text here.</p>", 20)} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if !utf8.Valid(data) {
			return // Parse rejects it before extraction
		}
		a, err := ParseHTML(data, "in.html")
		if err != nil {
			return
		}
		checkArticle(t, a)
		if strings.Contains(a.Text, "\n\n\n") {
			t.Fatalf("more than one blank line in %q", a.Text)
		}
	})
}
