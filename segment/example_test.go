package segment_test

import (
	"fmt"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/segment"
)

func ExampleSegment() {
	d := &newsgraph.Document{Text: "Gen. J. K. Smith flew to the U.S. The talks began.\n\n„Wir schaffen das“, sagte sie."}
	segment.Segment(d)
	for _, s := range d.Sentences {
		fmt.Printf("%d: %s\n", s.Paragraph, d.Text[s.Start:s.End])
	}
	for _, t := range d.Tokens {
		if t.Kind == newsgraph.QuoteMark {
			fmt.Printf("%s open=%v\n", t.Text, t.Quote == newsgraph.OpenQuote)
		}
	}
	// Output:
	// 0: Gen. J. K. Smith flew to the U.S.
	// 0: The talks began.
	// 1: „Wir schaffen das“, sagte sie.
	// „ open=true
	// “ open=false
}
