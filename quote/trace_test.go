package quote_test

import (
	"os"
	"testing"
)

// TestTrace prints the quotes, mentions and entities found in the text of
// QUOTE_TEXT, for reading how a sentence is taken.
func TestTrace(t *testing.T) {
	text := os.Getenv("QUOTE_TEXT")
	if text == "" {
		t.Skip("set QUOTE_TEXT to a text")
	}
	d := analyze(t, text)
	for _, m := range d.Mentions {
		name := ""
		if m.Entity >= 0 {
			name = d.Entities[m.Entity].Name
		}
		t.Logf("mention %q %s %s ent=%d %q", m.Text, m.Kind, m.Type, m.Entity, name)
	}
	for _, q := range d.Quotes {
		spk := ""
		if q.Speaker >= 0 {
			spk = d.Entities[q.Speaker].Name
		}
		t.Logf("%s %q speaker=%q at=%q cue=%q", q.Kind, q.Text, spk, d.Text[q.SpeakerAt.Start:q.SpeakerAt.End], q.Cue)
	}
}
