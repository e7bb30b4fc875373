package eval

import (
	"context"
	"fmt"
	"io"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/pipeline"
)

// Analyze runs the pipeline p on the gold's text and published date and
// returns the prediction in the gold's offsets.
func Analyze(p newsgraph.Pipeline, g *Gold) (Pred, error) {
	id := g.ID
	if id == "" {
		id = g.path
	}
	d, err := pipeline.Analyze(p, newsgraph.Article{ID: id, Path: g.path, Published: g.Published, Text: g.Text})
	if err != nil {
		return Pred{}, err
	}
	return FromDocument(d, g.Text), nil
}

// Options of Run.
type Options struct {
	Only     map[string]bool       // layers to score; nil: all
	Progress func(done, total int) // called after each file; may be nil
}

// Run scores the pipeline on every gold file. A file that cannot be read
// or analysed is reported in errs and the others go on.
func Run(ctx context.Context, p newsgraph.Pipeline, files []string, opt Options) (total Scores, errs []error) {
	for i, f := range files {
		if ctx.Err() != nil {
			return total, append(errs, ctx.Err())
		}
		g, err := ReadGold(f)
		if err == nil {
			var pred Pred
			pred, err = Analyze(p, g)
			if err == nil {
				total.Add(Score(g, pred, opt.Only))
			} else {
				err = fmt.Errorf("%s: %w", f, err)
			}
		}
		if err != nil {
			errs = append(errs, err)
		}
		if opt.Progress != nil {
			opt.Progress(i+1, len(files))
		}
	}
	return total, errs
}

// WriteTable prints the scores as an aligned table for people; layers that
// no gold file annotated are left out. Accuracy rows give the number judged
// under "gold", the number correct under "match" and the accuracy under F1.
func WriteTable(w io.Writer, s Scores) error {
	const row = "%-24s %6s %7s %7s %7s %6s %6s %6s\n"
	fmt.Fprintf(w, row, "score", "files", "gold", "pred", "match", "P", "R", "F1")
	num := func(x int) string { return fmt.Sprint(x) }
	fig := func(ok bool, x float64) string {
		if !ok {
			return "-"
		}
		return fmt.Sprintf("%.3f", x)
	}
	prf := func(name string, files int, x PRF) {
		fmt.Fprintf(w, row, name, num(files), num(x.Gold), num(x.Pred), num(x.Match),
			fig(x.Pred > 0, x.P()), fig(x.Gold > 0, x.R()), fig(x.Pred > 0 || x.Gold > 0, x.F1()))
	}
	acc := func(name string, files int, a Acc) {
		fmt.Fprintf(w, row, name, num(files), num(a.N), "", num(a.Correct), "", "", fig(a.N > 0, a.Value()))
	}
	if s.EntityFiles > 0 {
		prf("entity mentions (name)", s.EntityFiles, s.Mentions)
		prf("entity identity (pairs)", s.EntityFiles, s.Identity)
		prf("  name-name", s.EntityFiles, s.IdentityNames)
		prf("  name-name, both found", s.EntityFiles, s.IdentityNamesFound)
		prf("  with a pronoun", s.EntityFiles, s.IdentityPronouns)
		prf("  with a description", s.EntityFiles, s.IdentityDescriptions)
		acc("pronoun antecedents", s.EntityFiles, s.Pronouns)
	}
	if s.QuoteFiles > 0 {
		prf("quotes", s.QuoteFiles, s.Quotes)
		prf("  direct", s.QuoteFiles, s.DirectQuotes)
		prf("  indirect", s.QuoteFiles, s.IndirectQuote)
		prf("  mixed", s.QuoteFiles, s.MixedQuotes)
		acc("speaker accuracy", s.QuoteFiles, s.Speakers)
		if s.DirectSpeakers.N+s.IndirectSpeakers.N+s.MixedSpeakers.N > 0 {
			acc("  direct", s.QuoteFiles, s.DirectSpeakers)
			acc("  indirect", s.QuoteFiles, s.IndirectSpeakers)
			acc("  mixed", s.QuoteFiles, s.MixedSpeakers)
		}
	}
	if s.TimeFiles > 0 {
		prf("times (exact span)", s.TimeFiles, s.TimesExact)
		prf("times (overlap)", s.TimeFiles, s.TimesOverlap)
		acc("time value accuracy", s.TimeFiles, s.TimeValues)
	}
	if s.EventFiles > 0 {
		prf("events", s.EventFiles, s.Events)
	}
	if s.Files == 0 {
		_, err := fmt.Fprintln(w, "(no gold files scored)")
		return err
	}
	return nil
}
