package ud

import (
	"strings"
	"testing"
)

const sample = "# sent_id = s1\n" +
	"1\tTrump\tTrump\tPROPN\tNNP\t_\t3\tnmod\t_\tSpaceAfter=No\n" +
	"2\t's\t's\tPART\tPOS\t_\t1\tcase\t_\t_\n" +
	"3\tmeeting\tmeeting\tNOUN\tNN\t_\t0\troot\t_\t_\n" +
	"4-5\tcannot\t_\t_\t_\t_\t_\t_\t_\t_\n" +
	"4\tca\tcan\tAUX\tMD\t_\t6\taux\t_\t_\n" +
	"5\tnot\tnot\tPART\tRB\t_\t6\tadvmod\t_\t_\n" +
	"6\twell\twell\tADV\tRB\t_\t8\tadvmod\t_\tSpaceAfter=No\n" +
	"7\t-\t-\tPUNCT\tHYPH\t_\t8\tpunct\t_\tSpaceAfter=No\n" +
	"8\tknown\tknow\tVERB\tVBN\t_\t3\tamod\t_\tSpaceAfter=No\n" +
	"9\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n"

func TestReadJoinsLikeOurSegmenter(t *testing.T) {
	sents, err := Read(strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	if len(sents) != 1 {
		t.Fatalf("%d sentences, want 1", len(sents))
	}
	s := sents[0]
	var got []string
	for i, tok := range s.Tokens {
		got = append(got, tok.Text+"/"+s.Gold[i])
	}
	want := "Trump's/NNP meeting/NN cannot/MD well-known/VBN ./."
	if strings.Join(got, " ") != want {
		t.Errorf("got %s, want %s", strings.Join(got, " "), want)
	}
}

func FuzzRead(f *testing.F) {
	f.Add(sample)
	f.Add("1-2\tx\n")
	f.Add("1\ta\ta\tX\tNN\t_\t0\troot\t_\t_\n2-9\tb\t_\t_\t_\t_\t_\t_\t_\t_\n")
	f.Fuzz(func(t *testing.T, in string) {
		sents, err := Read(strings.NewReader(in))
		if err != nil {
			return
		}
		for _, s := range sents {
			if len(s.Gold) != len(s.Tokens) || len(s.Partial) != len(s.Tokens) {
				t.Fatalf("gold %d, partial %d for %d tokens", len(s.Gold), len(s.Partial), len(s.Tokens))
			}
			for i, tok := range s.Tokens {
				if s.Text[tok.Start:tok.End] != tok.Text {
					t.Fatalf("token %d %q does not match its span", i, tok.Text)
				}
				if s.Gold[i] == "" {
					t.Fatalf("token %d %q has no gold tag", i, tok.Text)
				}
			}
		}
	})
}
