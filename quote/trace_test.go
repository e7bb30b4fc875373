package quote_test

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/eval"
	"github.com/newsgraph/newsgraph/pipeline"
)

// TestTrace prints the quotes, mentions and entities found in the text of
// QUOTE_TEXT, for reading how a sentence is taken.
func TestTrace(t *testing.T) {
	text := os.Getenv("QUOTE_TEXT")
	if text == "" {
		t.Skip("set QUOTE_TEXT to a text")
	}
	d := analyze(t, text)
	if os.Getenv("QUOTE_POS") != "" {
		var b strings.Builder
		for _, tok := range d.Tokens {
			fmt.Fprintf(&b, "%s/%s ", tok.Text, tok.POS)
		}
		t.Log(b.String())
	}
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

// TestSpeakerMisses prints, for the gold files of QUOTE_GOLD, each matched
// quote whose speaker eval judges wrong, with what stands at the gold
// source span: the mentions there, their kind and entity, and the span
// and cue the stage read. QUOTE_OUT writes the list to a file.
func TestSpeakerMisses(t *testing.T) {
	dir := os.Getenv("QUOTE_GOLD")
	if dir == "" {
		t.Skip("set QUOTE_GOLD to a folder of gold files")
	}
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(files)
	out := &strings.Builder{}
	p := pipeline.Default()
	for _, f := range files {
		g, err := eval.ReadGold(f)
		if err != nil {
			t.Fatal(err)
		}
		d, err := pipeline.Analyze(p, newsgraph.Article{ID: g.ID, Published: g.Published, Text: g.Text})
		if err != nil {
			continue
		}
		pred := eval.FromDocument(d, g.Text)
		runes := []rune(g.Text)
		txt := func(s, e int) string {
			s, e = max(0, s), min(len(runes), e)
			if e <= s {
				return ""
			}
			return strings.ReplaceAll(string(runes[s:e]), "\n", "¶")
		}
		for _, m := range eval.QuoteMisses(g.Quotes, pred) {
			if m.Gold < 0 || m.Pred < 0 || !m.SpeakerBad {
				continue
			}
			gq := g.Quotes[m.Gold]
			q := d.Quotes[m.Pred]
			pq := pred.Quotes[m.Pred]
			spk := "-"
			if q.Speaker >= 0 {
				spk = d.Entities[q.Speaker].Name
			}
			at := "?"
			if gq.SpeakerStart != nil && gq.SpeakerEnd != nil {
				var ms []string
				for _, pm := range pred.Mentions {
					if pm.Start < *gq.SpeakerEnd && pm.End > *gq.SpeakerStart {
						e := "-"
						if pm.Entity >= 0 {
							e = d.Entities[pm.Entity].Name
						}
						ms = append(ms, fmt.Sprintf("%s:%s/%s=%s", txt(pm.Start, pm.End), pm.Kind, pm.Type, e))
					}
				}
				at = fmt.Sprintf("src=%q ctx=%q mentions=%v", txt(*gq.SpeakerStart, *gq.SpeakerEnd),
					txt(*gq.SpeakerStart-40, *gq.SpeakerEnd+30), ms)
			}
			dist := 0 // bytes between the quote and its cue: far when the speaker was carried over
			if q.Cue != "" {
				dist = max(q.CueAt.Start-q.End, q.Start-q.CueAt.End, 0)
			}
			fmt.Fprintf(out, "SPK %s->%s %s got=%q read=%q cue=%q goldcue=%q dist=%d %s\n", gq.Kind, pq.Kind, filepath.Base(f), spk,
				d.Text[q.SpeakerAt.Start:q.SpeakerAt.End], q.Cue, gq.Cue, dist, at)
		}
	}
	if o := os.Getenv("QUOTE_OUT"); o != "" {
		if err := os.WriteFile(o, []byte(out.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Log(out.String())
}
