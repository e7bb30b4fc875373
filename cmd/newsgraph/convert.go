package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/newsgraph/newsgraph/eval"
)

type convertCmd struct{}

func (*convertCmd) Name() string { return "convert" }
func (*convertCmd) Synopsis() string {
	return "turn annotated corpora into gold files for eval"
}

func (c *convertCmd) Run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("convert", "polnear|meantime|tempeval|gum [flags] SRC OUTDIR", `
Converts an annotated corpus into gold files (one JSON per article) that
'newsgraph eval --gold OUTDIR' scores the pipeline against.

  polnear SRC   SRC is the PolNeAR folder holding polnear-articles.jsonl;
                attributions become quotes with their source as speaker.
  meantime SRC  SRC is a folder of MEANTIME CAT XML files (searched
                recursively; given the corpus root, its
                intra_cross-doc_annotation folder is used); entities with
                their mentions and TIMEX3 times with their values.
  tempeval SRC  SRC is a folder of TimeML files (*.tml, searched
                recursively: TempEval-3, TimeBank); TIMEX3 times.
  gum SRC       SRC is the GUM corpus root (or its dep folder of
                CoNLL-U files); people, organisations and places with
                their coreference chains. --genre picks genres.

The output is for evaluation only: write it outside the project.

Example:
  newsgraph convert polnear --split dev ../shared/data/polnear /tmp/polnear-dev
  newsgraph eval --gold /tmp/polnear-dev --only quotes`)
	split := fs.String("split", "dev", "PolNeAR `split`: train, dev or test")
	genre := fs.String("genre", "", "GUM `genres`, comma-separated (news,interview,…); empty: all")
	args, err := parseFlags(fs, args, stderr)
	if err != nil {
		return err
	}
	if len(args) != 3 {
		fmt.Fprintln(stderr, "newsgraph convert: want a corpus name, SRC and OUTDIR")
		fs.Usage()
		return errUsage
	}
	corpus, src, out := args[0], args[1], args[2]
	var golds []*eval.Gold
	switch corpus {
	case "polnear":
		if *split != "train" && *split != "dev" && *split != "test" {
			fmt.Fprintf(stderr, "newsgraph convert: unknown --split %q: want train, dev or test\n", *split)
			return errUsage
		}
		golds, err = eval.ConvertPolNeAR(src, *split)
	case "tempeval":
		golds, err = eval.ConvertTimeMLDir(src)
	case "gum":
		var genres []string
		if *genre != "" {
			genres = strings.Split(*genre, ",")
		}
		golds, err = eval.ConvertGUMDir(src, genres...)
	case "meantime":
		if st, err := os.Stat(filepath.Join(src, "intra_cross-doc_annotation")); err == nil && st.IsDir() {
			src = filepath.Join(src, "intra_cross-doc_annotation")
		}
		golds, err = eval.ConvertMEANTIMEDir(src)
	default:
		fmt.Fprintf(stderr, "newsgraph convert: unknown corpus %q: want polnear, meantime, tempeval or gum\n", corpus)
		return errUsage
	}
	if err != nil {
		return fmt.Errorf("%s %s: %w", corpus, src, err)
	}
	if len(golds) == 0 {
		return fmt.Errorf("%s %s: no articles found", corpus, src)
	}
	if err := eval.WriteGold(out, golds); err != nil {
		return err
	}
	fmt.Fprintf(stderr, "newsgraph convert: wrote %d gold files to %s\n", len(golds), out)
	return nil
}
