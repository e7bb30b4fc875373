package timex

import (
	"testing"

	dateparser "github.com/markusmobius/go-dateparser"
)

// TestAbsoluteDatesAgreeWithDateparser checks the grammar's reading of
// absolute dates against go-dateparser, a general parser, on the spans the
// scanner finds. The parser is too slow to run over whole text in the
// stage (see the package doc), but on short spans it is a good referee.
func TestAbsoluteDatesAgreeWithDateparser(t *testing.T) {
	cfg := &dateparser.Configuration{Languages: []string{"en"}}
	for _, text := range []string{
		"It was signed on 26 April 2025 in Rome.",
		"It was signed on April 26, 2025 in Rome.",
		"It was signed on Aug. 7, 1998 in Rome.",
		"It was signed on 26/04/2025 in Rome.",
		"It was signed on 2025-04-26 in Rome.",
		"It was signed on the 3rd of March 2021 in Rome.",
		"It was signed on Sept. 30, 1989 in Rome.",
		"It was signed on December 31, 1999 in Rome.",
	} {
		d := run(t, text, "2025-04-26")
		if len(d.Times) != 1 {
			t.Errorf("%q: want one time, got %+v", text, d.Times)
			continue
		}
		tm := d.Times[0]
		ref, err := dateparser.Parse(cfg, tm.Text)
		if err != nil {
			t.Errorf("%q: dateparser: %v", tm.Text, err)
			continue
		}
		if want := ref.Time.Format("2006-01-02"); tm.Value != want {
			t.Errorf("%q: got %q, dateparser reads %q", tm.Text, tm.Value, want)
		}
	}
}
