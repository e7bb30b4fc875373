package timex

import (
	"encoding/xml"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/internal/shared"
	"github.com/newsgraph/newsgraph/segment"
)

// catDoc is the part of a MEANTIME CAT XML file that the evaluation reads.
type catDoc struct {
	Tokens []struct {
		ID       string `xml:"t_id,attr"`
		Sentence int    `xml:"sentence,attr"`
		Text     string `xml:",chardata"`
	} `xml:"token"`
	Timexes []struct {
		Type     string `xml:"type,attr"`
		Value    string `xml:"value,attr"`
		Function string `xml:"functionInDocument,attr"`
		Anchors  []struct {
			ID string `xml:"t_id,attr"`
		} `xml:"token_anchor"`
	} `xml:"Markables>TIMEX3"`
}

// readMeantime rebuilds a document's body (sentences after the headline,
// one a line, tokens joined by the usual spacing rules) and its gold TIMEX3s.
// The date line that holds the creation time is left out, and the creation
// time is returned as the publication date.
func readMeantime(data []byte) (string, []goldTimex, time.Time, error) {
	var d catDoc
	if err := xml.Unmarshal(data, &d); err != nil {
		return "", nil, time.Time{}, err
	}
	var dct time.Time
	dctTok := map[string]bool{}
	for _, tx := range d.Timexes {
		if tx.Function == "CREATION_TIME" {
			if len(tx.Value) >= 10 {
				dct, _ = time.Parse("2006-01-02", tx.Value[:10])
			}
			for _, a := range tx.Anchors {
				dctTok[a.ID] = true
			}
		}
	}
	// sentences made only of the creation date (and punctuation) are dropped
	dropSent := map[int]bool{0: true}
	keep := map[int]bool{}
	for _, t := range d.Tokens {
		if !dctTok[t.ID] && t.Text != "," && t.Text != "." {
			keep[t.Sentence] = true
		}
	}
	for _, t := range d.Tokens {
		// only the first sentences of each article were annotated
		if !keep[t.Sentence] || t.Sentence > annotatedSentences {
			dropSent[t.Sentence] = true
		}
	}
	var b strings.Builder
	start := map[string]int{}
	end := map[string]int{}
	prevSent := -1
	noSpaceAfter := false
	for _, t := range d.Tokens {
		if dropSent[t.Sentence] {
			continue
		}
		if prevSent >= 0 && t.Sentence != prevSent {
			b.WriteString("\n")
		} else if prevSent >= 0 && !noSpaceAfter && !noSpaceBefore(t.Text) {
			b.WriteByte(' ')
		}
		prevSent = t.Sentence
		start[t.ID] = b.Len()
		b.WriteString(t.Text)
		end[t.ID] = b.Len()
		noSpaceAfter = t.Text == "(" || t.Text == "$" || t.Text == "``" || t.Text == "["
	}
	var gold []goldTimex
	for _, tx := range d.Timexes {
		if tx.Function == "CREATION_TIME" || len(tx.Anchors) == 0 {
			continue
		}
		s, ok1 := start[tx.Anchors[0].ID]
		e, ok2 := end[tx.Anchors[len(tx.Anchors)-1].ID]
		if !ok1 || !ok2 || e <= s {
			continue
		}
		gold = append(gold, goldTimex{start: s, end: e, typ: tx.Type, value: tx.Value})
	}
	sort.Slice(gold, func(i, j int) bool { return gold[i].start < gold[j].start })
	return b.String(), gold, dct, nil
}

// annotatedSentences is the last sentence index that MEANTIME annotates
// (the headline is sentence 0).
const annotatedSentences = 5

func noSpaceBefore(w string) bool {
	switch w {
	case ",", ".", ":", ";", "!", "?", "%", ")", "]", "''", "'s", "n't", "'":
		return true
	}
	return false
}

// TestMeantime measures span F1 and value accuracy on the English MEANTIME
// corpus (Wikinews, CC BY), each article with its creation time as the
// publication date.
func TestMeantime(t *testing.T) {
	root := shared.Path(t, "data/meantime-english/intra-doc_annotation")
	files, _ := filepath.Glob(filepath.Join(root, "*", "*.xml"))
	if len(files) == 0 {
		t.Skip("no MEANTIME files")
	}
	sort.Strings(files)
	var sc score
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text, gold, dct, err := readMeantime(data)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		d := &newsgraph.Document{Text: text, Date: dct}
		segment.Segment(d)
		d.Times = Find(d, nil)
		sc.add(text, gold, d.Times)
	}
	_, relaxedF, acc := sc.report(t, "MEANTIME")
	if p := os.Getenv("TIMEX_EVAL_DUMP"); p != "" {
		if err := os.WriteFile(p+".meantime", []byte(strings.Join(sc.misses, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if relaxedF < 0.75 || acc < 0.70 {
		t.Errorf("MEANTIME below floor: relaxed F1 %.3f value acc %.3f", relaxedF, acc)
	}
}
