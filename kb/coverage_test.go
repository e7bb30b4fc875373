package kb

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/internal/shared"
)

// TestCoverageCoNLL measures, on the CoNLL-2003 validation set (evaluation
// only: nothing of it is copied into the data), how many gold names the
// knowledge base knows and with which type, and how often it claims a
// capitalised word outside every gold name. The figures are logged
// (go test -run Coverage -v ./kb/) and held above floors so that a change to
// the data that loses coverage or gains false hits fails.
func TestCoverageCoNLL(t *testing.T) {
	path := filepath.Join(shared.Path(t, "data/conll2003-english"), "valid.txt")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	type span struct {
		typ   string
		words []string
	}
	var (
		spans            []span
		outside, outHits int
		outFirst         int
		cur              *span
	)
	flush := func() {
		if cur != nil {
			spans = append(spans, *cur)
			cur = nil
		}
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		cols := strings.Fields(sc.Text())
		if len(cols) != 4 || cols[0] == "-DOCSTART-" {
			flush()
			continue
		}
		word, tag := cols[0], cols[3]
		switch {
		case strings.HasPrefix(tag, "B-") || (strings.HasPrefix(tag, "I-") && (cur == nil || cur.typ != tag[2:])):
			flush()
			cur = &span{typ: tag[2:], words: []string{word}}
		case strings.HasPrefix(tag, "I-"):
			cur.words = append(cur.words, word)
		default:
			flush()
			if startsUpper(word) && strings.ToUpper(word) != word {
				outside++
				if _, ok := Lookup(word); ok {
					outHits++
				}
				if IsFirstName(word) {
					outFirst++
				}
			}
		}
	}
	flush()

	type tally struct{ n, known, typed int }
	byType := map[string]*tally{}
	per2, perFirst := 0, 0
	want := map[string][]newsgraph.EntityType{
		"LOC":  {newsgraph.GPE, newsgraph.Loc, newsgraph.Fac},
		"ORG":  {newsgraph.Org},
		"MISC": {newsgraph.NORP},
		"PER":  nil,
	}
	for _, s := range spans {
		if strings.ToUpper(strings.Join(s.words, "")) == strings.Join(s.words, "") {
			continue // all-capital headlines and sports tables say little
		}
		tl := byType[s.typ]
		if tl == nil {
			tl = &tally{}
			byType[s.typ] = tl
		}
		tl.n++
		if e, ok := Lookup(strings.Join(s.words, " ")); ok {
			tl.known++
			for _, ty := range want[s.typ] {
				if e.Type == ty {
					tl.typed++
				}
			}
		}
		if s.typ == "PER" && len(s.words) >= 2 {
			per2++
			if IsFirstName(s.words[0]) {
				perFirst++
			}
		}
	}
	pct := func(a, b int) float64 {
		if b == 0 {
			return 0
		}
		return 100 * float64(a) / float64(b)
	}
	for _, ty := range []string{"LOC", "ORG", "MISC", "PER"} {
		tl := byType[ty]
		t.Logf("%-4s %5d names: %5.1f%% known, %5.1f%% known with the right type", ty, tl.n, pct(tl.known, tl.n), pct(tl.typed, tl.n))
	}
	t.Logf("PER  %5d names of 2+ words: %5.1f%% start with a known given name", per2, pct(perFirst, per2))
	t.Logf("outside names: %d capitalised words, %.2f%% found by Lookup, %.2f%% taken for given names", outside, pct(outHits, outside), pct(outFirst, outside))

	floors := map[string]float64{"LOC": 60, "MISC": 40}
	for ty, floor := range floors {
		if tl := byType[ty]; pct(tl.typed, tl.n) < floor {
			t.Errorf("%s: %.1f%% known with the right type, want at least %.0f%%", ty, pct(tl.typed, tl.n), floor)
		}
	}
	if pct(byType["PER"].known, byType["PER"].n) > 5 {
		t.Errorf("PER: %.1f%% of person names are found by Lookup, want at most 5%%", pct(byType["PER"].known, byType["PER"].n))
	}
	if pct(perFirst, per2) < 50 {
		t.Errorf("PER: %.1f%% start with a known given name, want at least 50%%", pct(perFirst, per2))
	}
}

// TestNoCommonWordAliases guards against an alias that folds to an ordinary
// English word ("Ísland" → "island", "the West" → "west"): no word written in
// lowercase at least 6 times in UD English EWT may be found by Lookup.
func TestNoCommonWordAliases(t *testing.T) {
	path := filepath.Join(shared.Path(t, "data/ud-english-ewt"), "en_ewt-ud-train.conllu")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	counts := map[string]int{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) == 10 && cols[1] != "" && cols[1][0] >= 'a' && cols[1][0] <= 'z' {
			counts[cols[1]]++
		}
	}
	for w, n := range counts {
		if n < 6 {
			continue
		}
		if e, ok := Lookup(w); ok {
			t.Errorf("the word %q (%d times in lowercase in EWT) is found by Lookup as %v", w, n, e)
		}
	}
}
