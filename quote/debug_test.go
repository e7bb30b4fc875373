package quote_test

import (
	"os"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/clean"
	"github.com/newsgraph/newsgraph/entity"
	"github.com/newsgraph/newsgraph/internal/shared"
	"github.com/newsgraph/newsgraph/mention"
	"github.com/newsgraph/newsgraph/quote"
	"github.com/newsgraph/newsgraph/segment"
	"github.com/newsgraph/newsgraph/tag"
	"github.com/newsgraph/newsgraph/timex"
)

func TestDebugRome(t *testing.T) {
	if os.Getenv("QUOTE_DEBUG") == "" {
		t.Skip("set QUOTE_DEBUG=1")
	}
	p := shared.Path(t, "examples/rome-meeting.txt")
	b, _ := os.ReadFile(p)
	d := analyze(t, string(b))
	for _, q := range d.Quotes {
		t.Logf("%s %q speaker=%d at=%q cue=%q venue=%q", q.Kind, q.Text, q.Speaker, d.Text[q.SpeakerAt.Start:q.SpeakerAt.End], q.Cue, q.Venue)
	}
}

// upToQuotes is the pipeline up to this stage (the later stages do not
// affect quotes).
func upToQuotes() newsgraph.Pipeline {
	return newsgraph.Pipeline{clean.Stage, segment.Stage, tag.Stage, mention.Stage, entity.Stage, timex.Stage, quote.Stage}
}

// analyze runs the stages up to this one on text.
func analyze(tb testing.TB, text string) *newsgraph.Document {
	tb.Helper()
	d := &newsgraph.Document{ID: "test", Language: "en", Raw: text}
	if err := upToQuotes().Run(d); err != nil {
		tb.Fatal(err)
	}
	return d
}

func TestDebugMentions(t *testing.T) {
	if os.Getenv("QUOTE_DEBUG") == "" {
		t.Skip("set QUOTE_DEBUG=1")
	}
	d := analyze(t, `Trump sees agreement on "most important points"`+"\n\nAccording to Trump, the talks are close.")
	for _, m := range d.Mentions {
		t.Logf("%q %s %s ent=%d", m.Text, m.Kind, m.Type, m.Entity)
	}
	for _, q := range d.Quotes {
		t.Logf("%+v", q)
	}
}
