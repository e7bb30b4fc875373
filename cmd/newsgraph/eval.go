package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph/eval"
	"github.com/newsgraph/newsgraph/pipeline"
)

type evalCmd struct{}

func (*evalCmd) Name() string     { return "eval" }
func (*evalCmd) Synopsis() string { return "score the pipeline against gold files" }

// progressEvery is how many files pass between two progress lines; runs of
// fewer files print none.
const progressEvery = 25

// maxErrors is how many failed gold files are named one by one; when a
// stage fails on every file, the first few say why.
const maxErrors = 10

func (c *evalCmd) Run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("eval", "--gold DIR [flags]", `
Runs the pipeline on every gold file (one JSON per article, in the record
format with names instead of ids; see the eval package) and scores entity
mentions, entity identity, quotes and their speakers, times and events.
Counts are summed over the files (micro-average).

Example:
  newsgraph eval --gold testdata/gold
  newsgraph eval --gold /tmp/polnear-dev --only quotes --json`)
	gold := fs.String("gold", "", "`dir`ectory of gold files (*.json), or one gold file")
	asJSON := fs.Bool("json", false, "write the scores as JSON instead of a table")
	only := fs.String("only", "", "comma-separated `layers` to score: "+strings.Join(eval.Layers, ","))
	args, err := parseFlags(fs, args, stderr)
	if err != nil {
		return err
	}
	if *gold == "" && len(args) == 1 {
		*gold = args[0]
	} else if len(args) > 0 {
		fmt.Fprintf(stderr, "newsgraph eval: unexpected arguments %q\n", args)
		return errUsage
	}
	if *gold == "" {
		fmt.Fprintln(stderr, "newsgraph eval: no --gold directory")
		fs.Usage()
		return errUsage
	}
	var layers map[string]bool
	if *only != "" {
		layers = map[string]bool{}
		for l := range strings.SplitSeq(*only, ",") {
			l = strings.TrimSpace(l)
			if !slices.Contains(eval.Layers, l) {
				fmt.Fprintf(stderr, "newsgraph eval: unknown layer %q in --only: want %s\n", l, strings.Join(eval.Layers, ","))
				return errUsage
			}
			layers[l] = true
		}
	}
	files, err := eval.GoldFiles(*gold)
	if err != nil {
		return err
	}
	opt := eval.Options{Only: layers}
	if len(files) > progressEvery {
		opt.Progress = func(done, total int) {
			if done%progressEvery == 0 || done == total {
				fmt.Fprintf(stderr, "eval: %d/%d files\n", done, total)
			}
		}
	}
	scores, errs := eval.Run(ctx, pipeline.Default(), files, opt)
	for i, e := range errs {
		if i == maxErrors {
			fmt.Fprintf(stderr, "newsgraph eval: … and %d more errors\n", len(errs)-maxErrors)
			break
		}
		fmt.Fprintf(stderr, "newsgraph eval: %v\n", e)
	}
	if *asJSON {
		b, err := json.MarshalIndent(scores, "", "  ")
		if err != nil {
			return err
		}
		if _, err := fmt.Fprintf(stdout, "%s\n", b); err != nil {
			return err
		}
	} else if err := eval.WriteTable(stdout, scores); err != nil {
		return err
	}
	if len(errs) > 0 {
		fmt.Fprintf(stderr, "newsgraph eval: %d of %d gold files failed\n", len(errs), len(files))
		return exitError{1}
	}
	return nil
}
