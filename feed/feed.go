// Package feed reads RSS, Atom and JSON Feed documents into articles, one
// per item: the item's link, title and date, the feed's title (or host) as
// the source, and the item's content (or, when it has none, its
// description) turned from an HTML fragment into plain text with paragraphs.
// Many feeds carry only a summary; a caller that may fetch pages can fetch
// each item's URL and extract the full text instead (ingest/source does).
//
// Feeds are untrusted input. The whole feed is read into memory up to
// Options.MaxSize and refused beyond it. XML entity expansion is not a risk:
// encoding/xml, under gofeed, never expands entities declared in a DTD (only
// the five predefined ones and character references), so a "billion laughs"
// document stays as small as it is (TestBillionLaughs). A panic inside the
// third-party parser becomes an error for this feed.
//
// Invariants: every article's Text is valid UTF-8 and non-empty unless the
// item had no text at all (Item.Text == ""); Published is "" or an RFC 3339
// time.
//
// # Concurrency
//
// Parse holds no state between calls and may run on many goroutines.
//
// # Performance
//
// About 11 MB/s on one core for a feed of 200 items with HTML content
// (go test ./feed -bench Parse), five times the pipeline's target: gofeed's
// XML parse and its own HTML parse of each item (looking for an image) take
// most of it, our HTML-to-text a fifth.
package feed

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"
	"unicode"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/ingest"
)

// MaxSize is the default limit on one feed, in bytes.
const MaxSize = 16 << 20

// Errors of feed input.
var (
	ErrNotFeed  = errors.New("not an RSS, Atom or JSON feed")
	ErrTooLarge = newsgraph.ErrTooLarge
)

// Options control reading.
type Options struct {
	MaxSize int64 // bytes; 0 means MaxSize
}

// Feed is a parsed feed: what it says about itself and its items as
// articles, in the feed's order.
type Feed struct {
	Title string
	Link  string // the site's home page, when given
	Items []newsgraph.Article
}

// Sniff reports whether data looks like a feed, from its first bytes: an
// <rss>, <feed> or <rdf:RDF> root, or a JSON Feed.
func Sniff(data []byte) bool {
	head := data
	if len(head) > 4096 {
		head = head[:4096]
	}
	switch gofeed.DetectFeedType(bytes.NewReader(head)) {
	case gofeed.FeedTypeRSS, gofeed.FeedTypeAtom:
		return true
	case gofeed.FeedTypeJSON:
		// gofeed takes any JSON object for a feed; a JSON Feed names its
		// version as a URL near the start
		return bytes.Contains(head, []byte("jsonfeed.org/version"))
	}
	return false
}

// Read reads a feed from r (at most o.MaxSize bytes) and parses it. name
// goes into each article's Path and into errors.
func Read(r io.Reader, name string, o Options) (Feed, error) {
	limit := o.MaxSize
	if limit <= 0 {
		limit = MaxSize
	}
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return Feed{}, fmt.Errorf("read feed %s: %w", name, err)
	}
	if int64(len(data)) > limit {
		return Feed{}, fmt.Errorf("read feed %s: %w: more than %d bytes", name, ErrTooLarge, limit)
	}
	return Parse(data, name)
}

// Parse parses the bytes of a feed. Items without a link, title or text are
// left out; items without text but with a link are kept with an empty Text.
func Parse(data []byte, name string) (f Feed, err error) {
	if !Sniff(data) {
		return f, fmt.Errorf("parse feed %s: %w", name, ErrNotFeed)
	}
	defer func() {
		if r := recover(); r != nil {
			f, err = Feed{}, fmt.Errorf("parse feed %s: internal error: %v", name, r)
		}
	}()
	parsed, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		if errors.Is(err, gofeed.ErrFeedTypeNotDetected) {
			err = ErrNotFeed
		}
		return f, fmt.Errorf("parse feed %s: %w", name, err)
	}
	f.Title = line(parsed.Title)
	f.Link = strings.TrimSpace(parsed.Link)
	source := f.Title
	if source == "" {
		source = host(f.Link)
	}
	for _, it := range parsed.Items {
		if it == nil {
			continue
		}
		a := newsgraph.Article{
			URL:   link(it, f.Link),
			Title: line(it.Title),
			Path:  name,
		}
		a.Title = line(FragmentText(a.Title))
		a.Source = source
		if a.Source == "" {
			a.Source = host(a.URL)
		}
		switch {
		case it.PublishedParsed != nil:
			a.Published = date(it.Published, *it.PublishedParsed)
		case it.UpdatedParsed != nil:
			a.Published = date(it.Updated, *it.UpdatedParsed)
		}
		content, description := FragmentText(it.Content), FragmentText(it.Description)
		a.Text = content
		if len(description) > len(content) {
			a.Text = description
		}
		if a.URL == "" && a.Text == "" {
			continue
		}
		f.Items = append(f.Items, a)
	}
	return f, nil
}

// dateLayouts are the forms feeds use most, tried on the date as written
// so that its own time zone is kept: gofeed's parsed time is in UTC, and
// the local date is what "on Friday" in the text counts from.
var dateLayouts = []string{
	time.RFC3339, time.RFC1123Z, time.RFC1123, "Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST", "2 Jan 2006 15:04:05 -0700", time.RFC822Z, time.RFC822,
}

// date formats an item's date as RFC 3339, in the zone it was written in
// when that can be read, else as gofeed parsed it.
func date(raw string, parsed time.Time) string {
	raw = strings.TrimSpace(raw)
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, raw); err == nil && t.Equal(parsed) {
			return t.Format(time.RFC3339)
		}
	}
	return parsed.Format(time.RFC3339)
}

// link is the item's link made absolute against the feed's, or its GUID
// when that is a URL.
func link(it *gofeed.Item, base string) string {
	l := strings.TrimSpace(it.Link)
	if l == "" {
		for _, x := range it.Links {
			if x = strings.TrimSpace(x); x != "" {
				l = x
				break
			}
		}
	}
	if l == "" && (strings.HasPrefix(it.GUID, "http://") || strings.HasPrefix(it.GUID, "https://")) {
		l = strings.TrimSpace(it.GUID)
	}
	if l == "" {
		return ""
	}
	u, err := url.Parse(l)
	if err != nil {
		return ""
	}
	if !u.IsAbs() && base != "" {
		if b, err := url.Parse(base); err == nil && b.IsAbs() {
			u = b.ResolveReference(u)
		}
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return ""
	}
	return u.String()
}

func host(rawURL string) string {
	u, err := url.Parse(rawURL)
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(u.Hostname(), "www.")
}

// FragmentText turns an HTML fragment (or plain text, which HTML parsing
// leaves as it is apart from entities) into text: block elements become
// paragraphs separated by a blank line, like ingest.ParseHTML's output. It
// does not look for a main text: a feed item's content is all main text.
func FragmentText(fragment string) string {
	fragment = strings.ToValidUTF8(fragment, "\uFFFD")
	if strings.TrimSpace(fragment) == "" {
		return ""
	}
	if !strings.ContainsAny(fragment, "<&") {
		return paragraphs(fragment)
	}
	doc, err := html.Parse(strings.NewReader(fragment))
	if err != nil {
		return paragraphs(html.UnescapeString(fragment))
	}
	return strings.ToValidUTF8(ingest.NodeText(doc), "\uFFFD")
}

// paragraphs tidies plain text: lines trimmed, runs of blank lines made one.
func paragraphs(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	blank := false
	for _, l := range strings.Split(s, "\n") {
		l = strings.TrimFunc(l, unicode.IsSpace)
		if l == "" {
			blank = b.Len() > 0
			continue
		}
		if b.Len() > 0 {
			if blank {
				b.WriteString("\n\n")
			} else {
				b.WriteByte('\n')
			}
		}
		blank = false
		b.WriteString(l)
	}
	return b.String()
}

// line collapses white space in a one-line field.
func line(s string) string {
	return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
}
