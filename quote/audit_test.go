package quote_test

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/clean"
	"github.com/newsgraph/newsgraph/entity"
	"github.com/newsgraph/newsgraph/eval"
	"github.com/newsgraph/newsgraph/mention"
	"github.com/newsgraph/newsgraph/pipeline"
	"github.com/newsgraph/newsgraph/quote"
	"github.com/newsgraph/newsgraph/segment"
	"github.com/newsgraph/newsgraph/tag"
	"github.com/newsgraph/newsgraph/timex"
)

// TestAuditForms writes, for the gold files of AUDIT_GOLD, one line per
// predicted quote to AUDIT_OUT: the file, 1 when it matches a gold quote
// of any kind as eval matches them (0 when not), its kind, the kind of the
// gold it matches, the form of its cue (quote.FindForms) and its text.
// It is a tool for finding the rules whose quotes are mostly wrong, not a
// check.
func TestAuditForms(t *testing.T) {
	dir, out := os.Getenv("AUDIT_GOLD"), os.Getenv("AUDIT_OUT")
	if dir == "" || out == "" {
		t.Skip("set AUDIT_GOLD to a folder of gold files and AUDIT_OUT to a file")
	}
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(files)
	w := &strings.Builder{}
	before := newsgraph.Pipeline{clean.Stage, segment.Stage, tag.Stage, mention.Stage, entity.Stage, timex.Stage}
	for _, f := range files {
		g, err := eval.ReadGold(f)
		if err != nil {
			t.Fatal(err)
		}
		d, err := pipeline.NewDocument(newsgraph.Article{ID: g.ID, Published: g.Published, Text: g.Text})
		if err != nil {
			continue
		}
		if err := before.Run(d); err != nil {
			continue
		}
		forms := quote.FindForms(d)
		pred := eval.FromDocument(d, g.Text)
		match := make([]int, len(pred.Quotes))
		for i := range match {
			match[i] = -1
		}
		for _, m := range eval.QuoteMisses(g.Quotes, pred) {
			if m.Gold < 0 {
				match[m.Pred] = -2
			}
		}
		// matched predictions are the ones QuoteMisses does not list as FP;
		// their gold is the best overlapping one
		runes := []rune(g.Text)
		for i, q := range pred.Quotes {
			ok, gk := 1, "-"
			if match[i] == -2 {
				ok = 0
			} else {
				best, bo := -1, 0
				for gi, gq := range g.Quotes {
					o := min(gq.End, q.End) - max(gq.Start, q.Start)
					if o > bo {
						best, bo = gi, o
					}
				}
				if best >= 0 {
					gk = string(g.Quotes[best].Kind)
				}
			}
			s, e := max(0, q.Start), min(len(runes), q.End)
			txt := strings.ReplaceAll(string(runes[s:e]), "\n", "¶")
			if n := []rune(txt); len(n) > 140 {
				txt = string(n[:70]) + " … " + string(n[len(n)-60:])
			}
			pre := strings.ReplaceAll(string(runes[max(0, s-60):s]), "\n", "¶")
			fmt.Fprintf(w, "%s\t%d\t%s\t%s\t%s\t%s⟦%s⟧\n", filepath.Base(f), ok, q.Kind, gk, forms[i], pre, txt)
		}
	}
	if err := os.WriteFile(out, []byte(w.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}
