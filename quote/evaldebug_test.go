package quote_test

import (
	"encoding/json"
	"fmt"
	"github.com/newsgraph/newsgraph"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/eval"
	"github.com/newsgraph/newsgraph/pipeline"
)

// TestEvalMisses prints, for the gold files of QUOTE_GOLD (a folder written
// by `newsgraph convert`), the quotes the stage missed (FN, with the
// prediction overlapping most as "near"), those it made that match nothing
// (FP), the wrong kinds (KIND) and the wrong speakers (SPK), as eval scores
// them. QUOTE_OUT writes the list to a file; QUOTE_JSON writes each article
// with its gold and predicted quotes as JSON lines. It is a tool for reading
// errors, not a check.
func TestEvalMisses(t *testing.T) {
	dir := os.Getenv("QUOTE_GOLD")
	if dir == "" {
		t.Skip("set QUOTE_GOLD to a folder of gold files")
	}
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		files = []string{dir}
	}
	sort.Strings(files)
	out := &strings.Builder{}
	var dump *json.Encoder
	if o := os.Getenv("QUOTE_JSON"); o != "" {
		f, err := os.Create(o)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		dump = json.NewEncoder(f)
	}
	p := pipeline.Default()
	for _, f := range files {
		g, err := eval.ReadGold(f)
		if err != nil {
			t.Fatal(err)
		}
		d, err := pipeline.Analyze(p, newsgraph.Article{ID: g.ID, Published: g.Published, Text: g.Text})
		if err != nil {
			t.Logf("%s: %v", f, err) // eval skips the file too
			continue
		}
		pred := eval.FromDocument(d, g.Text) // one predicted quote per quote of d, in order
		if dump != nil {
			// the article, its gold quotes and the predicted ones, for
			// reading the errors with other tools
			if err := dump.Encode(map[string]any{"file": filepath.Base(f), "text": g.Text, "gold": g.Quotes, "pred": pred.Quotes, "cues": cues(d)}); err != nil {
				t.Fatal(err)
			}
		}
		runes := []rune(g.Text)
		txt := func(s, e int) string {
			s, e = max(0, s), min(len(runes), e)
			if e <= s {
				return ""
			}
			r := strings.ReplaceAll(string(runes[s:e]), "\n", "¶")
			if n := []rune(r); len(n) > 160 {
				r = string(n[:80]) + " … " + string(n[len(n)-70:])
			}
			return r
		}
		ctx := func(s, e int) string { return txt(s-60, s) + "⟦" + txt(s, e) + "⟧" + txt(e, e+30) }
		speaker := func(q eval.PredQuote) string {
			if q.Speaker < 0 || q.Speaker >= len(pred.Entities) {
				return "-"
			}
			if n := pred.Entities[q.Speaker].Names; len(n) > 0 {
				return n[0]
			}
			return "?"
		}
		name := filepath.Base(f)
		for _, m := range eval.QuoteMisses(g.Quotes, pred) {
			if m.Gold < 0 {
				q := pred.Quotes[m.Pred]
				near := ""
				if m.Best >= 0 {
					b := g.Quotes[m.Best]
					near = fmt.Sprintf(" near=%s⟦%s⟧", b.Kind, txt(b.Start, b.End))
				}
				fmt.Fprintf(out, "FP %s %s cue=%q spk=%q %s%s\n", q.Kind, name, d.Quotes[m.Pred].Cue, speaker(q), ctx(q.Start, q.End), near)
				continue
			}
			gq := g.Quotes[m.Gold]
			spk := ""
			if gq.Speaker != nil {
				spk = *gq.Speaker
			}
			switch {
			case m.Pred < 0:
				near := ""
				if m.Best >= 0 {
					b := pred.Quotes[m.Best]
					near = fmt.Sprintf(" near=%s⟦%s⟧", b.Kind, txt(b.Start, b.End))
				}
				fmt.Fprintf(out, "FN %s %s cue=%q src=%q %s%s\n", gq.Kind, name, gq.Cue, spk, ctx(gq.Start, gq.End), near)
			default:
				pq := pred.Quotes[m.Pred]
				if m.KindWrong {
					fmt.Fprintf(out, "KIND %s->%s %s %s\n", gq.Kind, pq.Kind, name, ctx(gq.Start, gq.End))
				}
				if m.SpeakerBad {
					dq := d.Quotes[m.Pred]
					at := ""
					if dq.SpeakerAt.End > dq.SpeakerAt.Start && dq.SpeakerAt.End <= len(d.Text) {
						at = d.Text[dq.SpeakerAt.Start:dq.SpeakerAt.End]
					}
					fmt.Fprintf(out, "SPK %s %s want=%q got=%q at=%q pcue=%q cue=%q %s\n", gq.Kind, name, spk, speaker(pq), at, dq.Cue, gq.Cue, ctx(gq.Start, gq.End))
				}
			}
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

func cues(d *newsgraph.Document) []string {
	out := make([]string, len(d.Quotes))
	for i, q := range d.Quotes {
		out[i] = q.Cue
	}
	return out
}
