package quote_test

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/eval"
	"github.com/newsgraph/newsgraph/pipeline"
)

// TestEvalMisses prints, for the gold files of QUOTE_GOLD (a folder written
// by `newsgraph convert`), the quotes the stage missed (FN), those it made
// that match nothing (FP) and the wrong speakers (SPK), as eval scores
// them. It is a tool for reading errors, not a check.
func TestEvalMisses(t *testing.T) {
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
		pred, err := eval.Analyze(p, g)
		if err != nil {
			t.Fatal(err)
		}
		runes := []rune(g.Text)
		txt := func(s, e int) string {
			s, e = max(0, s), min(len(runes), e)
			if e <= s {
				return ""
			}
			r := string(runes[s:e])
			r = strings.ReplaceAll(r, "\n", "¶")
			if len(r) > 160 {
				r = r[:80] + " … " + r[len(r)-70:]
			}
			return r
		}
		ctx := func(s, e int) string { return txt(s-60, s) + "⟦" + txt(s, e) + "⟧" + txt(e, e+30) }
		gm := make([]int, len(g.Quotes))
		for i := range gm {
			gm[i] = -1
		}
		pm := make([]int, len(pred.Quotes))
		for i := range pm {
			pm[i] = -1
		}
		for gi, gq := range g.Quotes {
			best, bv := -1, 0.0
			for pi, pq := range pred.Quotes {
				if pm[pi] >= 0 {
					continue
				}
				o := min(gq.End, pq.End) - max(gq.Start, pq.Start)
				u := max(gq.End, pq.End) - min(gq.Start, pq.Start)
				if o > 0 && float64(o)/float64(u) >= 0.5 && float64(o)/float64(u) > bv {
					best, bv = pi, float64(o)/float64(u)
				}
			}
			if best >= 0 {
				gm[gi], pm[best] = best, gi
			}
		}
		name := filepath.Base(f)
		for gi, gq := range g.Quotes {
			spk := ""
			if gq.Speaker != nil {
				spk = *gq.Speaker
			}
			if gm[gi] < 0 {
				fmt.Fprintf(out, "FN %s %s cue=%q src=%q %s\n", gq.Kind, name, gq.Cue, spk, ctx(gq.Start, gq.End))
				continue
			}
			pq := pred.Quotes[gm[gi]]
			if pq.Kind != gq.Kind {
				fmt.Fprintf(out, "KIND %s->%s %s %s\n", gq.Kind, pq.Kind, name, ctx(gq.Start, gq.End))
			}
			ok := false
			if pq.Speaker >= 0 && gq.SpeakerStart != nil {
				for _, mi := range pred.Entities[pq.Speaker].Mentions {
					m := pred.Mentions[mi]
					if m.Start < *gq.SpeakerEnd && m.End > *gq.SpeakerStart {
						ok = true
					}
				}
				for _, n := range pred.Entities[pq.Speaker].Names {
					if n == eval.Fold(spk) {
						ok = true
					}
				}
			}
			if gq.SpeakerStart == nil && pq.Speaker < 0 {
				ok = true
			}
			if !ok {
				got := "-"
				if pq.Speaker >= 0 {
					got = strings.Join(pred.Entities[pq.Speaker].Names, "|")
				}
				fmt.Fprintf(out, "SPK %s %s want=%q got=%q cue=%q %s\n", gq.Kind, name, spk, got, gq.Cue, ctx(gq.Start, gq.End))
			}
		}
		for pi, pq := range pred.Quotes {
			if pm[pi] < 0 {
				fmt.Fprintf(out, "FP %s %s %s\n", pq.Kind, name, ctx(pq.Start, pq.End))
			}
		}
	}
	if o := os.Getenv("QUOTE_OUT"); o != "" {
		os.WriteFile(o, []byte(out.String()), 0o644)
		return
	}
	t.Log(out.String())
}
