package feed

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph"
)

const rss = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>Daily  Wire News</title>
  <link>https://news.example.org/</link>
  <item>
    <title>Talks in Geneva &amp; after</title>
    <link>https://news.example.org/2025/04/talks</link>
    <pubDate>Sat, 26 Apr 2025 10:00:00 +0200</pubDate>
    <description>Short summary.</description>
    <content:encoded><![CDATA[<p>The ministers met on Friday.</p><p>“We agreed,” she said.&nbsp;Zürich — Київ 🙂</p><script>x()</script>]]></content:encoded>
  </item>
  <item>
    <title>Summary only</title>
    <link>/2025/04/summary</link>
    <pubDate>2025-04-25</pubDate>
    <description>&lt;b&gt;Bold&lt;/b&gt; lead.&lt;br&gt;Second line.</description>
  </item>
  <item>
    <title>Link only</title>
    <guid>https://news.example.org/guid-link</guid>
  </item>
  <item><title>Nothing at all</title></item>
</channel>
</rss>`

const atom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="text">Example Atom</title>
  <link href="https://atom.example.com/"/>
  <updated>2025-04-26T12:00:00Z</updated>
  <entry>
    <title>Atom entry</title>
    <link rel="alternate" href="https://atom.example.com/a/1"/>
    <published>2025-04-26T08:30:00-04:00</published>
    <updated>2025-04-27T08:30:00Z</updated>
    <summary>Summary text.</summary>
    <content type="html">&lt;p&gt;First paragraph.&lt;/p&gt;&lt;p&gt;Second paragraph, longer than the summary.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Updated only</title>
    <link href="https://atom.example.com/a/2"/>
    <updated>2025-04-20T00:00:00Z</updated>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>XHTML body.</p></div></content>
  </entry>
</feed>`

const jsonFeed = `{"version":"https://jsonfeed.org/version/1.1","title":"JSON News","home_page_url":"https://json.example.net/",
"items":[{"id":"1","url":"https://json.example.net/1","title":"J1","content_html":"<p>Hello JSON.</p>","date_published":"2025-01-02T03:04:05Z"}]}`

func TestParse(t *testing.T) {
	tests := []struct {
		name  string
		input string
		title string
		want  []newsgraph.Article
	}{
		{"rss with content:encoded and summaries", rss, "Daily Wire News", []newsgraph.Article{
			{URL: "https://news.example.org/2025/04/talks", Title: "Talks in Geneva & after", Source: "Daily Wire News",
				Published: "2025-04-26T10:00:00+02:00",
				Text:      "The ministers met on Friday.\n\n“We agreed,” she said.\u00a0Zürich — Київ 🙂"},
			{URL: "https://news.example.org/2025/04/summary", Title: "Summary only", Source: "Daily Wire News",
				Published: "2025-04-25T00:00:00Z", Text: "Bold lead.\nSecond line."},
			{URL: "https://news.example.org/guid-link", Title: "Link only", Source: "Daily Wire News"},
		}},
		{"atom prefers the longer content, published over updated", atom, "Example Atom", []newsgraph.Article{
			{URL: "https://atom.example.com/a/1", Title: "Atom entry", Source: "Example Atom",
				Published: "2025-04-26T08:30:00-04:00", Text: "First paragraph.\n\nSecond paragraph, longer than the summary."},
			{URL: "https://atom.example.com/a/2", Title: "Updated only", Source: "Example Atom",
				Published: "2025-04-20T00:00:00Z", Text: "XHTML body."},
		}},
		{"json feed", jsonFeed, "JSON News", []newsgraph.Article{
			{URL: "https://json.example.net/1", Title: "J1", Source: "JSON News", Published: "2025-01-02T03:04:05Z", Text: "Hello JSON."},
		}},
		{"untitled feed falls back to the host", `<rss version="2.0"><channel><link>https://www.host.example/</link>
			<item><link>https://www.host.example/x</link><description>Text.</description></item></channel></rss>`, "",
			[]newsgraph.Article{{URL: "https://www.host.example/x", Source: "host.example", Text: "Text."}}},
		{"javascript links are dropped", `<rss version="2.0"><channel><title>T</title>
			<item><link>javascript:alert(1)</link><description>Body.</description></item></channel></rss>`, "T",
			[]newsgraph.Article{{Source: "T", Text: "Body."}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, err := Parse([]byte(tc.input), "in.xml")
			if err != nil {
				t.Fatal(err)
			}
			if f.Title != tc.title {
				t.Errorf("title = %q, want %q", f.Title, tc.title)
			}
			if len(f.Items) != len(tc.want) {
				t.Fatalf("%d items, want %d: %+v", len(f.Items), len(tc.want), f.Items)
			}
			for i, want := range tc.want {
				want.Path = "in.xml"
				if f.Items[i] != want {
					t.Errorf("item %d:\n got %+v\nwant %+v", i, f.Items[i], want)
				}
			}
		})
	}
}

func TestErrors(t *testing.T) {
	tests := []struct {
		name  string
		input string
		want  error
	}{
		{"html page", "<!doctype html><html><body><p>x</p></body></html>", ErrNotFeed},
		{"empty", "", ErrNotFeed},
		{"plain text", "just words", ErrNotFeed},
		{"broken xml", `<rss version="2.0"><channel><title>x</title><item><title>`, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Read(strings.NewReader(tc.input), "bad.xml", Options{})
			if err == nil {
				t.Fatal("no error")
			}
			if tc.want != nil && !errors.Is(err, tc.want) {
				t.Errorf("err = %v, want %v", err, tc.want)
			}
			if !strings.Contains(err.Error(), "bad.xml") {
				t.Errorf("error %q does not name the input", err)
			}
		})
	}
	_, err := Read(strings.NewReader(rss), "big.xml", Options{MaxSize: 100})
	if !errors.Is(err, ErrTooLarge) {
		t.Errorf("over MaxSize: err = %v", err)
	}
}

// TestBillionLaughs: entities declared in a DTD are not expanded, so the
// classic exponential document stays small and fast.
func TestBillionLaughs(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY lol "lol">`)
	for i := 1; i <= 9; i++ {
		fmt.Fprintf(&b, `<!ENTITY lol%d "%s">`, i, strings.Repeat(fmt.Sprintf("&lol%d;", i-1), 10))
	}
	b.WriteString(`]><rss version="2.0"><channel><title>&lol9;</title><item><link>https://x.example/</link><description>&lol9; &lol9;</description></item></channel></rss>`)
	start := time.Now()
	f, err := Parse([]byte(b.String()), "laughs.xml")
	if time.Since(start) > 2*time.Second {
		t.Fatalf("took %v", time.Since(start))
	}
	if err != nil {
		return // refusing it is fine too
	}
	for _, it := range f.Items {
		if len(it.Text) > 1000 || len(f.Title) > 1000 {
			t.Fatalf("entities were expanded: %d bytes", len(it.Text))
		}
	}
}

func TestSniff(t *testing.T) {
	for input, want := range map[string]bool{
		rss: true, atom: true, jsonFeed: true,
		`<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel/></rdf:RDF>`: true,
		"<html><body>x</body></html>": false,
		`{"url": "x", "text": "y"}`:   false,
		"":                            false,
	} {
		if got := Sniff([]byte(input)); got != want {
			t.Errorf("Sniff(%.40q) = %v, want %v", input, got, want)
		}
	}
}

func TestFragmentText(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "  one line  ", "one line"},
		{"plain paragraphs", "a\r\n\r\n\r\nb\nc", "a\n\nb\nc"},
		{"entities only", "AT&amp;T &lt;3", "AT&T <3"},
		{"bare ampersand", "Q&A", "Q&A"},
		{"blocks", "<div><h2>Head</h2><p>One <i>two</i></p><ul><li>a</li><li>b</li></ul></div>", "Head\n\nOne two\n\na\n\nb"},
		{"scripts and styles gone", "<style>p{}</style><p>x</p><script>y</script>", "x"},
		{"invalid utf-8 replaced", "caf\xe9 <b>ok</b>", "caf\uFFFD ok"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := FragmentText(tc.in); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func FuzzFeed(f *testing.F) {
	for _, s := range []string{rss, atom, jsonFeed,
		`<rss version="2.0"><channel><item><description><![CDATA[<p>x</p>]]></description><link>http://a/</link></item></channel></rss>`,
		`<feed xmlns="http://www.w3.org/2005/Atom"><entry><content type="html">&lt;p</content></entry></feed>`,
		`<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><item><title>caf\xe9</title><link>http://a/</link></item></channel></rss>`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		start := time.Now()
		feed, err := Parse(data, "fuzz.xml")
		if d := time.Since(start); d > 2*time.Second {
			t.Fatalf("took %v on %d bytes", d, len(data))
		}
		if err != nil {
			return
		}
		for _, a := range feed.Items {
			for _, s := range []string{a.Text, a.Title, a.Source} {
				if !utf8.ValidString(s) {
					t.Fatalf("invalid UTF-8: %q", s)
				}
			}
			if a.Published != "" {
				if _, err := time.Parse(time.RFC3339, a.Published); err != nil {
					t.Fatalf("published %q: %v", a.Published, err)
				}
			}
			if a.URL == "" && a.Text == "" {
				t.Fatal("item with neither link nor text")
			}
		}
	})
}

func BenchmarkParse(b *testing.B) {
	var sb strings.Builder
	sb.WriteString(`<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Bench</title>`)
	for i := range 200 {
		fmt.Fprintf(&sb, `<item><title>Item %d</title><link>https://b.example/%d</link><pubDate>Sat, 26 Apr 2025 10:00:00 GMT</pubDate><content:encoded><![CDATA[%s]]></content:encoded></item>`,
			i, i, strings.Repeat("<p>The minister said on Friday that talks would go on, “in good faith”.</p>", 20))
	}
	sb.WriteString(`</channel></rss>`)
	data := []byte(sb.String())
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for range b.N {
		if _, err := Parse(data, "bench.xml"); err != nil {
			b.Fatal(err)
		}
	}
}
