package quote_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/internal/shared"
	"github.com/newsgraph/newsgraph/segment"
)

// goldAttribution is one PolNeAR attribution relation, in byte offsets of
// the article text.
type goldAttribution struct {
	content newsgraph.Span
	parts   []newsgraph.Span // the content's fragments when it is split around its cue
	source  []newsgraph.Span
	kind    newsgraph.QuoteKind
}

// TestPolNeAR measures quote detection and speakers on PolNeAR (evaluation
// only: nothing of it is kept in the project). A predicted quote matches a
// gold content span when they overlap by at least half of their union; a
// speaker is right when its entity has a mention overlapping the gold
// source (and, as a check of the cue and subject rules alone, when the
// subject read for the cue overlaps it). QUOTE_SPLIT picks the split (dev by
// default); QUOTE_DEBUG=1 prints the misses.
func TestPolNeAR(t *testing.T) {
	dir := shared.Path(t, "data/polnear")
	split := os.Getenv("QUOTE_SPLIT")
	if split == "" {
		split = "dev"
	}
	f, err := os.Open(filepath.Join(dir, "polnear-articles.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	debug := os.Getenv("QUOTE_DEBUG") != ""
	type counts struct{ pred, predOK, gold, goldOK, spkN, spkOK, atOK int }
	var by = map[newsgraph.QuoteKind]*counts{newsgraph.Direct: {}, newsgraph.Mixed: {}, newsgraph.Indirect: {}}
	var all counts
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	articles := 0
	for sc.Scan() {
		var art struct {
			ID, Split, Text string
			Files           []string `json:"attribution_files"`
		}
		if err := json.Unmarshal(sc.Bytes(), &art); err != nil {
			t.Fatal(err)
		}
		if art.Split != split || len(art.Files) == 0 {
			continue
		}
		gold, err := readAnn(filepath.Join(dir, art.Files[0]), art.Text)
		if err != nil {
			t.Fatal(err)
		}
		articles++
		// the text as given, so that the offsets agree: the stages after clean
		d := &newsgraph.Document{ID: art.ID, Language: "en", Raw: art.Text, Text: art.Text}
		if err := afterClean().Run(d); err != nil {
			t.Fatal(err)
		}
		matched := make([]bool, len(gold))
		for _, q := range d.Quotes {
			qs := newsgraph.Span{Start: q.Start, End: q.End}
			c := by[q.Kind]
			c.pred++
			all.pred++
			hit := -1
			for gi, g := range gold {
				if matchGold(qs, g) {
					hit = gi
					break
				}
			}
			if hit < 0 {
				if debug {
					for _, g := range gold {
						if qs.Overlaps(g.content) {
							t.Logf("   overlaps gold %s %q", g.kind, clip(art.Text[g.content.Start:g.content.End]))
						}
					}
					t.Logf("FP %s %q cue=%q spk=%d at=%q", q.Kind, clip(q.Text), q.Cue, q.Speaker, d.Text[q.SpeakerAt.Start:q.SpeakerAt.End])
				}
				continue
			}
			c.predOK++
			all.predOK++
			if matched[hit] {
				continue
			}
			matched[hit] = true
			g := gold[hit]
			if len(g.source) == 0 {
				continue
			}
			gc := by[g.kind]
			gc.spkN++
			all.spkN++
			if speakerRight(d, q, g.source) {
				gc.spkOK++
				all.spkOK++
			} else if debug {
				t.Logf("SPK %s %q: got %q, want %q", q.Kind, clip(q.Text), d.Text[q.SpeakerAt.Start:q.SpeakerAt.End], art.Text[g.source[0].Start:g.source[0].End])
			}
			if overlapsAny(q.SpeakerAt, g.source) {
				gc.atOK++
				all.atOK++
			}
		}
		for gi, g := range gold {
			c := by[g.kind]
			c.gold++
			all.gold++
			if matched[gi] {
				c.goldOK++
				all.goldOK++
			} else if debug {
				t.Logf("FN %s %q", g.kind, clip(art.Text[g.content.Start:g.content.End]))
			}
		}
	}
	if articles == 0 {
		t.Skipf("no %s articles", split)
	}
	report := func(name string, c counts) {
		p := ratio(c.predOK, c.pred)
		r := ratio(c.goldOK, c.gold)
		f1 := 0.0
		if p+r > 0 {
			f1 = 2 * p * r / (p + r)
		}
		t.Logf("%-9s gold %5d pred %5d  P %.3f R %.3f F1 %.3f  speaker %.3f (subject span %.3f, n=%d)",
			name, c.gold, c.pred, p, r, f1, ratio(c.spkOK, c.spkN), ratio(c.atOK, c.spkN), c.spkN)
	}
	t.Logf("PolNeAR %s: %d articles", split, articles)
	for _, k := range []newsgraph.QuoteKind{newsgraph.Direct, newsgraph.Mixed, newsgraph.Indirect} {
		report(string(k), *by[k])
	}
	report("all", all)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func clip(s string) string {
	if len(s) > 100 {
		return s[:100] + "…"
	}
	return s
}

func match(a, b newsgraph.Span) bool {
	inter := min(a.End, b.End) - max(a.Start, b.Start)
	union := max(a.End, b.End) - min(a.Start, b.Start)
	return inter > 0 && 2*inter >= union
}

func matchGold(q newsgraph.Span, g goldAttribution) bool {
	if match(q, g.content) {
		return true
	}
	for _, p := range g.parts {
		if match(q, p) {
			return true
		}
	}
	return false
}

func overlapsAny(s newsgraph.Span, spans []newsgraph.Span) bool {
	for _, g := range spans {
		if s.Overlaps(g) {
			return true
		}
	}
	return false
}

func speakerRight(d *newsgraph.Document, q newsgraph.Quote, source []newsgraph.Span) bool {
	if q.Speaker < 0 || q.Speaker >= len(d.Entities) {
		return false
	}
	for _, mi := range d.Entities[q.Speaker].Mentions {
		m := d.Mentions[mi]
		if overlapsAny(newsgraph.Span{Start: m.Start, End: m.End}, source) {
			return true
		}
	}
	return false
}

// readAnn reads a brat standoff file of PolNeAR. Its offsets count code
// points of the text; they are turned into byte offsets here.
func readAnn(path, text string) ([]goldAttribution, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	// code point → byte
	cp := make([]int, 0, len(text)+1)
	for i := range text {
		cp = append(cp, i)
	}
	cp = append(cp, len(text))
	type tb struct {
		label string
		spans []newsgraph.Span
	}
	spans := map[string]tb{}
	var rels [][]string
	for _, line := range strings.Split(string(b), "\n") {
		fields := strings.Split(line, "\t")
		if len(fields) < 2 {
			continue
		}
		switch line[0] {
		case 'T':
			head := strings.SplitN(fields[1], " ", 2)
			if len(head) < 2 {
				continue
			}
			var sps []newsgraph.Span
			for _, frag := range strings.Split(head[1], ";") {
				se := strings.Fields(frag)
				if len(se) != 2 {
					continue
				}
				s, err1 := strconv.Atoi(se[0])
				e, err2 := strconv.Atoi(se[1])
				if err1 != nil || err2 != nil || s < 0 || e >= len(cp) || s > e {
					return nil, fmt.Errorf("%s: bad span %q", path, frag)
				}
				sps = append(sps, newsgraph.Span{Start: cp[s], End: cp[e]})
			}
			if len(fields) >= 3 && len(sps) > 0 && !strings.HasPrefix(text[sps[0].Start:], strings.SplitN(fields[2], " ", 2)[0]) {
				return nil, fmt.Errorf("%s: span %v is %q, file says %q", path, sps[0], text[sps[0].Start:sps[0].End], fields[2])
			}
			spans[fields[0]] = tb{head[0], sps}
		case 'E':
			rels = append(rels, strings.Fields(fields[1]))
		}
	}
	var out []goldAttribution
	for _, r := range rels {
		var g goldAttribution
		var content []newsgraph.Span
		for _, arg := range r {
			role, id, ok := strings.Cut(arg, ":")
			if !ok {
				continue
			}
			switch {
			case strings.HasPrefix(role, "Content"):
				content = append(content, spans[id].spans...)
			case strings.HasPrefix(role, "Source"):
				g.source = append(g.source, spans[id].spans...)
			}
		}
		if len(content) == 0 {
			continue
		}
		g.content = content[0]
		for _, c := range content[1:] {
			g.content.Start = min(g.content.Start, c.Start)
			g.content.End = max(g.content.End, c.End)
		}
		g.parts = content
		g.kind = goldKind(text, g.content)
		out = append(out, g)
	}
	return out, nil
}

// goldKind tells a direct attribution (its content is in quotation marks)
// from a mixed one (a quoted part) and an indirect one.
func goldKind(text string, c newsgraph.Span) newsgraph.QuoteKind {
	s := strings.TrimSpace(text[c.Start:c.End])
	marks := 0
	for _, r := range s {
		switch r {
		case '"', '“', '”', '«', '»', '„':
			marks++
		}
	}
	before, _ := utf8.DecodeLastRuneInString(strings.TrimRight(text[:c.Start], " "))
	first, _ := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	opens := first == '"' || first == '“' || isOpen(before)
	closes := last == '"' || last == '”' || strings.HasSuffix(s, "\",") || strings.HasSuffix(s, "”,") ||
		strings.HasPrefix(text[c.End:], "\"") || strings.HasPrefix(text[c.End:], "”") ||
		strings.HasPrefix(text[c.End:], ",\"") || strings.HasPrefix(text[c.End:], ",”") ||
		strings.HasPrefix(text[c.End:], ".\"") || strings.HasPrefix(text[c.End:], ".”")
	inner := marks
	if first == '"' || first == '“' {
		inner--
	}
	if last == '"' || last == '”' {
		inner--
	}
	switch {
	case opens && closes && inner <= 0:
		return newsgraph.Direct
	case marks > 0:
		return newsgraph.Mixed
	}
	return newsgraph.Indirect
}

func isOpen(r rune) bool { return r == '"' || r == '“' || r == '«' || r == '„' }

// afterClean is the pipeline from segmentation to this stage.
func afterClean() newsgraph.Pipeline {
	p := upToQuotes()
	for i, s := range p {
		if s.Name() == segment.Stage.Name() {
			return p[i:]
		}
	}
	return p
}
