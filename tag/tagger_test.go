package tag

import (
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/segment"
	"github.com/newsgraph/newsgraph/tag/internal/feature"
)

// referenceScores scores token i of a sentence the plain way, every
// feature looked up and added one by one, without the precomputed rows of
// the vocabulary words, the tag pairs and the neighbours.
func referenceScores(t *Tagger, toks []newsgraph.Token, i int, p1, p2 uint8) [feature.MaxTags]int32 {
	infos := make([]feature.Info, len(toks))
	for k := range toks {
		feature.Describe(toks[k].Text, &infos[k])
		infos[k].Class = t.lex[toks[k].Text].class
		if infos[k].HasUpper() {
			infos[k].LowerClass = t.lowerClass(toks[k].Text)
		}
	}
	var feats [feature.N]uint32
	var scores [feature.MaxTags]int32
	feature.ContextFeatures(infos, i, p1, p2, &feats)
	feature.WordFeatures(&infos[i], &feats)
	for _, f := range feats {
		t.addAll([]uint32{f}, &scores)
	}
	return scores
}

// TestScoreAsReference checks that the tagger's precomputed rows give the
// scores of plain scoring, for every token that is scored, after several
// pairs of tags: on sentences of frequent words (whose rows are used, some
// of them in the wide tables: "to", "I", "have"), unknown ones, and one
// word (the boundary on both sides).
func TestScoreAsReference(t *testing.T) {
	tg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ name, text string }{
		{"frequent words", "I have to go to the market, and then we will see what they want."},
		{"names and numbers", "Mayor Anna Kowalczyk of Wrocław said on Tuesday that 1,200 new flats would be built by 2027."},
		{"capitals", "THE COUNCIL VOTES TODAY ON THE BUDGET"},
		{"one word", "Yes"},
		{"unknown words", "Zorblax fnargled the quixotic wibbleworts near Plimsby-under-Tarn."},
		{"clitics and hyphens", "Trump's well-known aide didn't say it's over; the U.S. can't wait."},
	}
	nt := len(tg.tags)
	pairs := [][2]uint8{{feature.StartTag, feature.StartTag}, {0, feature.StartTag}, {3, 7}, {uint8(nt - 1), 0}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &newsgraph.Document{Text: tt.text}
			segment.Segment(d)
			tg.Tag(d) // fills nothing the scores read; the sentences are tagged below
			sc := &scratch{}
			scored := 0
			for _, s := range d.Sentences {
				toks := d.Tokens[s.FirstToken:s.EndToken]
				tg.tagSentence(toks, sc) // describes the tokens into sc
				for i := range toks {
					if sc.lex[i].tag >= 0 {
						continue // tagged from the dictionary
					}
					for _, p := range pairs {
						r1, r2 := int(p[0]), int(p[1])
						if p[0] == feature.StartTag {
							r1 = nt
						}
						if p[1] == feature.StartTag {
							r2 = nt
						}
						var got [feature.MaxTags]int32
						tg.score(sc.infos[:len(toks)], sc.lex[:len(toks)], i, p[0], p[1], r1*(nt+1)+r2, &got)
						if want := referenceScores(tg, toks, i, p[0], p[1]); got != want {
							t.Errorf("%q after %v: scores %v, plain scoring %v", toks[i].Text, p, got[:nt], want[:nt])
						}
						scored++
					}
				}
			}
			if scored == 0 {
				t.Fatal("no token scored")
			}
		})
	}
}
