package translit_test

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/kb"
	"github.com/newsgraph/newsgraph/translit"
)

// readGroups reads a file of lines "a | b | c # note": one group a line.
func readGroups(t testing.TB, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var groups [][]string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line, _, _ := strings.Cut(sc.Text(), " # ")
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		var g []string
		for _, v := range strings.Split(line, "|") {
			if v = strings.TrimSpace(v); v != "" {
				g = append(g, v)
			}
		}
		groups = append(groups, g)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return groups
}

// MatchScore counts a matcher's decisions on the variant and distinct
// tables: pairs on one line of variants.txt should match (recall), pairs
// across lines and the pairs of distinct.txt should not (precision).
type MatchScore struct {
	Pos, TruePos, FalsePos, Distinct, DistinctMatched int
	Missed, Wrong                                     []string
}

func (s MatchScore) P() float64 { return float64(s.TruePos) / float64(max(1, s.TruePos+s.FalsePos)) }
func (s MatchScore) R() float64 { return float64(s.TruePos) / float64(max(1, s.Pos)) }

func (s MatchScore) String() string {
	return fmt.Sprintf("precision %.3f recall %.3f (%d of %d variant pairs; %d false matches, %d of them among %d distinct pairs)",
		s.P(), s.R(), s.TruePos, s.Pos, s.FalsePos, s.DistinctMatched, s.Distinct)
}

// scoreMatcher runs match over the two tables.
func scoreMatcher(variants, distinct [][]string, match func(a, b string) bool) MatchScore {
	var s MatchScore
	for gi, g := range variants {
		for i := range g {
			for j := i + 1; j < len(g); j++ {
				s.Pos++
				if match(g[i], g[j]) {
					s.TruePos++
				} else {
					s.Missed = append(s.Missed, g[i]+" ~ "+g[j])
				}
			}
			for _, h := range variants[gi+1:] {
				for _, b := range h {
					if match(g[i], b) {
						s.FalsePos++
						s.Wrong = append(s.Wrong, g[i]+" ~ "+b)
					}
				}
			}
		}
	}
	for _, d := range distinct {
		s.Distinct++
		if match(d[0], d[1]) {
			s.FalsePos++
			s.DistinctMatched++
			s.Wrong = append(s.Wrong, d[0]+" ~ "+d[1])
		}
	}
	return s
}

// sameKB reports whether both names are known to the knowledge base under
// one key (Kyiv, Kiev; Lviv, Lemberg): the entity stage joins them so.
func sameKB(a, b string) bool {
	ea, ok1 := kb.Lookup(a)
	eb, ok2 := kb.Lookup(b)
	return ok1 && ok2 && ea.Key == eb.Key
}

// TestVariantTable measures Similar on testdata/variants.txt (names written
// by different agencies and languages) and testdata/distinct.txt (different
// people sharing a surname, near names). The figures are printed with -v;
// the test fails when they fall below the bounds the package doc gives.
func TestVariantTable(t *testing.T) {
	variants := readGroups(t, "testdata/variants.txt")
	distinct := readGroups(t, "testdata/distinct.txt")
	names := map[string]bool{}
	for _, g := range variants {
		for _, v := range g {
			names[v] = true
		}
	}
	if len(variants) < 50 {
		t.Errorf("only %d names in variants.txt", len(variants))
	}
	alone := scoreMatcher(variants, distinct, translit.Similar)
	withKB := scoreMatcher(variants, distinct, func(a, b string) bool { return translit.Similar(a, b) || sameKB(a, b) })
	t.Logf("%d names, %d spellings, %d distinct pairs", len(variants), len(names), len(distinct))
	t.Logf("Similar:                     %s", alone)
	t.Logf("Similar or knowledge base:   %s", withKB)
	if testing.Verbose() {
		for _, m := range alone.Missed {
			t.Logf("  missed: %s", m)
		}
	}
	for _, w := range alone.Wrong {
		t.Logf("  wrong: %s", w)
	}
	if alone.DistinctMatched > 0 {
		t.Errorf("%d pairs of distinct names matched", alone.DistinctMatched)
	}
	if alone.P() < minPrecision || alone.R() < minRecall {
		t.Errorf("precision %.3f recall %.3f, want at least %.2f and %.2f", alone.P(), alone.R(), minPrecision, minRecall)
	}
}

// The bounds TestVariantTable holds the matcher to: the measured figures
// rounded down, so that a change that loses ground fails.
const (
	minPrecision = 0.99
	minRecall    = 0.89
)
