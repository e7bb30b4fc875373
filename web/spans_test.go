package web

import (
	"html"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestHighlight(t *testing.T) {
	for _, tc := range []struct {
		name  string
		text  string
		spans []span
		want  string
	}{
		{"no spans escapes", `a<b & "c"`, nil, `a&lt;b &amp; &#34;c&#34;`},
		{"one span", "Trump met Zelensky", []span{{Start: 6, End: 9, Class: "trig", ID: "v1"}},
			`Trump <span class="trig" id="v1">met</span> Zelensky`},
		{"nested by extent", "He said: Crimea stays", []span{{Start: 9, End: 21, Class: "quote", ID: "q1"}, {Start: 9, End: 15, Class: "ent", Rank: rankMention}},
			`He said: <span class="quote" id="q1"><span class="ent">Crimea</span> stays</span>`},
		{"same extent ordered by rank", "Rome", []span{{Start: 0, End: 4, Class: "inner", Rank: rankTrigger}, {Start: 0, End: 4, Class: "outer", Rank: rankQuote}},
			`<span class="outer"><span class="inner">Rome</span></span>`},
		{"crossing spans split and keep the id on the first piece", "abcdef", []span{{Start: 0, End: 4, Class: "x", ID: "a"}, {Start: 2, End: 6, Class: "y", ID: "b"}},
			`<span class="x" id="a">ab<span class="y" id="b">cd</span></span><span class="y cont">ef</span>`},
		{"code points, not bytes", "Selenskyj – «Krim» 🇺🇦 bleibt", []span{{Start: 13, End: 17, Class: "loc"}, {Start: 19, End: 21, Class: "flag"}},
			`Selenskyj – «<span class="loc">Krim</span>» <span class="flag">🇺🇦</span> bleibt`},
		{"combining accents count as code points", "Zelenśkyj said", []span{{Start: 0, End: 10, Class: "p"}},
			"<span class=\"p\">Zelen\u0301skyj</span> said"},
		{"out of range clamped, inverted dropped", "abc", []span{{Start: -5, End: 1, Class: "a"}, {Start: 2, End: 99, Class: "b"}, {Start: 2, End: 1, Class: "c"}},
			`<span class="a">a</span>b<span class="b">c</span>`},
		{"attributes escaped", "x", []span{{Start: 0, End: 1, Class: `a"b`, Title: `<t>`, Speaker: `"S"`}},
			`<span class="a&#34;b" title="&lt;t&gt;" data-speaker="&#34;S&#34;">x</span>`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.name == "combining accents count as code points" {
				tc.text = "Zelen\u0301skyj said"
			}
			got := string(highlight(tc.text, tc.spans))
			if got != tc.want {
				t.Errorf("highlight =\n %s\nwant\n %s", got, tc.want)
			}
			checkMarkup(t, tc.text, got)
		})
	}
}

var tagRE = regexp.MustCompile(`<(/?)span[^>]*>`)

// checkMarkup asserts the invariants of highlight's output: tags balance
// and nest, and the text without tags is the input text.
func checkMarkup(t *testing.T, text, out string) {
	t.Helper()
	depth := 0
	for _, m := range tagRE.FindAllStringSubmatch(out, -1) {
		if m[1] == "/" {
			depth--
		} else {
			depth++
		}
		if depth < 0 {
			t.Fatalf("closing tag without opening: %s", out)
		}
	}
	if depth != 0 {
		t.Fatalf("unbalanced tags (%d open): %s", depth, out)
	}
	// HTML escaping writes NUL as U+FFFD, as html/template does.
	text = strings.ReplaceAll(text, "\x00", "\uFFFD")
	if plain := html.UnescapeString(tagRE.ReplaceAllString(out, "")); plain != text {
		t.Fatalf("text changed:\n got %q\nwant %q", plain, text)
	}
}

func FuzzHighlight(f *testing.F) {
	f.Add("US President Trump met Zelensky in Rome.", 3, 18, 19, 22, 10, 40)
	f.Add("«Krim» bleibt 🇺🇦 – Selenśkyj", 1, 5, 0, 7, 14, 16)
	f.Add("a\r\nb\u00a0c", -1, 2, 2, 1, 0, 100)
	f.Fuzz(func(t *testing.T, text string, a, b, c, d, e, g int) {
		if !utf8.ValidString(text) {
			text = strings.ToValidUTF8(text, "\uFFFD")
		}
		spans := []span{{Start: a, End: b, Class: "q", ID: "q1"}, {Start: c, End: d, Class: "m", Rank: 1}, {Start: e, End: g, Class: "t", Rank: 2, ID: "t1"}}
		out := string(highlight(text, spans))
		checkMarkup(t, text, out)
		for _, id := range []string{`id="q1"`, `id="t1"`} {
			if strings.Count(out, id) > 1 {
				t.Fatalf("%s written twice: %s", id, out)
			}
		}
	})
}

func TestSnippet(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"marks", "the «Crimea» peninsula", "the <mark>Crimea</mark> peninsula"},
		{"escapes", "<b>«x»</b>", "&lt;b&gt;<mark>x</mark>&lt;/b&gt;"},
		{"unbalanced open closes", "«a b", "<mark>a b</mark>"},
		{"stray close dropped", "a» b", "a b"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := string(snippet(tc.in)); got != tc.want {
				t.Errorf("snippet(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func FuzzSnippet(f *testing.F) {
	f.Add("the «Crimea» peninsula «x")
	f.Fuzz(func(t *testing.T, s string) {
		out := string(snippet(s))
		if strings.Count(out, "<mark>") != strings.Count(out, "</mark>") {
			t.Fatalf("unbalanced: %q", out)
		}
		if strings.ContainsAny(strings.NewReplacer("<mark>", "", "</mark>", "").Replace(out), "<>") {
			t.Fatalf("unescaped: %q", out)
		}
	})
}

func TestDateRange(t *testing.T) {
	for _, tc := range []struct {
		in, start, end string
		ok             bool
	}{
		{"2014", "2014-01-01", "2015-01-01", true},
		{"2025-02", "2025-02-01", "2025-03-01", true},
		{"2025-04-26", "2025-04-26", "2025-04-27", true},
		{"2025-04-26T10:00:00Z", "2025-04-26", "2025-04-27", true},
		{"2025-W17", "2025-04-21", "2025-04-28", true},
		{"2021-W01", "2021-01-04", "2021-01-11", true},
		{"2025-13", "", "", false},
		{"XXXX-04", "", "", false},
		{"PRESENT_REF", "", "", false},
		{"", "", "", false},
	} {
		t.Run(tc.in, func(t *testing.T) {
			s, e, ok := dateRange(tc.in)
			if ok != tc.ok {
				t.Fatalf("ok = %v", ok)
			}
			if ok && (s.Format("2006-01-02") != tc.start || e.Format("2006-01-02") != tc.end) {
				t.Errorf("range = %s..%s, want %s..%s", s.Format("2006-01-02"), e.Format("2006-01-02"), tc.start, tc.end)
			}
		})
	}
}

func TestInWindow(t *testing.T) {
	for _, tc := range []struct {
		date, from, to string
		want           bool
	}{
		{"2025-04-26", "", "", true},
		{"2025-04-26", "2025", "", true},
		{"2025-04-26", "2025-05", "", false},
		{"2025-04-26", "", "2025-04", true},
		{"2025-04-26", "", "2024", false},
		{"", "2020", "", false},
	} {
		if got := inWindow(tc.date, tc.from, tc.to); got != tc.want {
			t.Errorf("inWindow(%q, %q, %q) = %v", tc.date, tc.from, tc.to, got)
		}
	}
}
