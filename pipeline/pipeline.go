// Package pipeline assembles the stages of the analysis in their order and
// turns an article into an analysed document.
//
// # Concurrency
// A Pipeline holds no per-document state: one value serves any number of
// goroutines.
//
// # Performance
// BenchmarkAnalyze (go test -run '^$' -bench Analyze -benchmem ./pipeline)
// reports wall-clock MB/s and cpu-MB/s, bytes per second of the process's
// CPU time, which a machine shared with other jobs inflates less. On the
// 2-core AMD EPYC with a load average of 4–6, three runs: the 123 MEANTIME
// articles (218 kB) at 2.06–2.24 cpu-MB/s (1.86–2.04 wall), 13.8 MB and
// 55 k allocations a pass; the model article at 2.45–2.58 cpu-MB/s. Before
// the speed changes to tag, clean, timex, quote and event (the record
// unchanged): 1.76–1.87 and 1.96–2.25 cpu-MB/s, 97.5 k allocations. CPU
// profile per MEANTIME pass: 88 ms (109 before), of which mention with the
// named-entity tagger 34, tag 24 (35), entity 8, event 7, quote 4, clean 4
// (8), segment 4, timex 2 (5).
//
// The binary pays about 0.27 s of CPU and 100 MB of memory at start, most
// of it go-dateparser's package initialisation (its locale data, linked
// through the HTML extractor) before any text is read. `newsgraph analyze
// DIR --workers 1 --published 2010-01-01` over the MEANTIME texts 1×, 4×
// and 16× (0.22, 0.87 and 3.5 MB) takes 0.39, 0.76 and 2.13 s of CPU: 0.55,
// 0.56 and 0.53 s a MB above the start-up, linear in the input (1.8–1.9 MB
// per CPU-second). With --workers 2 over 20× (4.3 MB) the peak RSS is
// 130–139 MB.
package pipeline

import (
	"fmt"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/clean"
	"github.com/newsgraph/newsgraph/entity"
	"github.com/newsgraph/newsgraph/event"
	"github.com/newsgraph/newsgraph/mention"
	"github.com/newsgraph/newsgraph/quote"
	"github.com/newsgraph/newsgraph/segment"
	"github.com/newsgraph/newsgraph/tag"
	"github.com/newsgraph/newsgraph/timex"
)

// Default returns the full pipeline. Each stage reads what the stages before
// it wrote: tags feed mentions; entities give quotes their speakers; times
// and quotes feed events.
func Default() newsgraph.Pipeline {
	return newsgraph.Pipeline{
		clean.Stage,
		segment.Stage,
		tag.Stage,
		mention.Stage,
		entity.Stage,
		timex.Stage,
		quote.Stage,
		event.Stage,
	}
}

// NewDocument prepares a document from an article: it parses the
// publication date and derives an id when none is given.
func NewDocument(a newsgraph.Article) (*newsgraph.Document, error) {
	d := &newsgraph.Document{ID: a.ID, URL: a.URL, Source: a.Source, Title: a.Title,
		Published: a.Published, Language: "en", Raw: a.Text}
	if a.Published != "" {
		t, err := ParseDate(a.Published)
		if err != nil {
			return nil, err
		}
		d.Date = t
	}
	if d.ID == "" {
		src := a.URL
		if src == "" {
			src = a.Source
		}
		d.ID = newsgraph.DocumentID(src, a.Text)
	}
	return d, nil
}

// Analyze runs the pipeline p over one article.
func Analyze(p newsgraph.Pipeline, a newsgraph.Article) (*newsgraph.Document, error) {
	d, err := NewDocument(a)
	if err != nil {
		return nil, err
	}
	if err := p.Run(d); err != nil {
		return nil, err
	}
	return d, nil
}

var dateLayouts = []string{"2006-01-02", time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02T15:04:05Z0700", time.RFC1123Z, time.RFC1123}

// ParseDate reads a publication date given as a day (2025-04-26) or a time
// (RFC 3339 and the usual variants).
func ParseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("%w %q: want YYYY-MM-DD or an RFC 3339 time", newsgraph.ErrBadDate, s)
}
