package ingest

import (
	"bytes"
	"fmt"

	trafilatura "github.com/markusmobius/go-trafilatura"

	"github.com/newsgraph/newsgraph"
)

// ParseHTML extracts the main text of a page, with its title, date and site
// name from the page's metadata when it has them.
func ParseHTML(data []byte, name string) (newsgraph.Article, error) {
	res, err := trafilatura.Extract(bytes.NewReader(data), trafilatura.Options{})
	if err != nil {
		return newsgraph.Article{}, fmt.Errorf("extract main text: %w", err)
	}
	a := newsgraph.Article{Path: name, Text: res.ContentText, Title: res.Metadata.Title,
		Source: res.Metadata.Sitename, URL: res.Metadata.URL}
	if !res.Metadata.Date.IsZero() {
		a.Published = res.Metadata.Date.Format("2006-01-02")
	}
	if len(bytes.TrimSpace([]byte(a.Text))) == 0 {
		return a, fmt.Errorf("%w: no main text found in the page", newsgraph.ErrEmpty)
	}
	return a, nil
}
