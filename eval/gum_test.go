package eval

import (
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/shared"
)

// gumSample is a two-sentence GUM document in CoNLL-U with a title before a
// name, a pronoun inside a multi-word token's neighbour, nested mentions and
// a possessive.
const gumSample = `# newdoc id = GUM_news_sample
# meta::dateCreated = 2017-07-18
# newpar
# sent_id = GUM_news_sample-1
# text = US President Donald Trump met Ann Lee's team.
1	US	US	PROPN	NNP	_	2	compound	_	Entity=(1-person-new-sssss-cf1-4-coref-Donald_Trump(2-place-new-sssss-cf2-1-sgl-United_States)
2	President	president	PROPN	NNP	_	4	compound	_	_
3	Donald	Donald	PROPN	NNP	_	4	compound	_	_
4	Trump	Trump	PROPN	NNP	_	5	nsubj	_	Entity=1)
5	met	meet	VERB	VBD	_	0	root	_	_
6	Ann	Ann	PROPN	NNP	_	9	nmod:poss	_	Entity=(3-organization-new-sssss-cf1-4-coref(4-person-new-sssss-cf1-1,2-coref-Ann_Lee
7	Lee	Lee	PROPN	NNP	_	6	flat	_	SpaceAfter=No
8	's	's	PART	POS	_	6	case	_	Entity=4)
9	team	team	NOUN	NN	_	5	obj	_	Entity=3)|SpaceAfter=No
10	.	.	PUNCT	.	_	5	punct	_	_

# newpar
# sent_id = GUM_news_sample-2
# text = She's sure he can't.
1-2	She's	_	_	_	_	_	_	_	_
1	She	she	PRON	PRP	_	3	nsubj	_	Entity=(4-person-giv:act-sssss-cf1-1-coref-Ann_Lee)
2	's	be	AUX	VBZ	_	3	cop	_	_
3	sure	sure	ADJ	JJ	_	0	root	_	_
4	he	he	PRON	PRP	_	6	nsubj	_	Entity=(1-person-giv:act-sssss-cf1-1-coref-Donald_Trump)
5-6	can't	_	_	_	_	_	_	_	SpaceAfter=No
5	ca	can	AUX	MD	_	3	ccomp	_	_
6	n't	not	PART	RB	_	5	advmod	_	_
7	.	.	PUNCT	.	_	3	punct	_	_
`

func TestConvertGUM(t *testing.T) {
	g, err := ConvertGUM(strings.NewReader(gumSample))
	if err != nil {
		t.Fatal(err)
	}
	if g.ID != "GUM_news_sample" || g.Published != "2017-07-18" {
		t.Errorf("id %q published %q", g.ID, g.Published)
	}
	if want := "US President Donald Trump met Ann Lee's team.\n\nShe's sure he can't."; g.Text != want {
		t.Errorf("text %q, want %q", g.Text, want)
	}
	got := map[string]string{}
	for _, e := range g.Entities {
		var ms []string
		for _, m := range e.Mentions {
			ms = append(ms, m.Text+"/"+m.Kind)
		}
		got[e.Name+" "+e.Type] = strings.Join(ms, ", ")
	}
	want := map[string]string{
		"Donald Trump PERSON": "Donald Trump/name, he/pronoun",
		"US GPE|LOC|FAC":      "US/name",
		"Ann Lee's team ORG":  "Ann Lee's team/description",
		"Ann Lee PERSON":      "Ann Lee/name, She/pronoun",
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("entity %s: mentions %q, want %q (all: %v)", k, got[k], v, got)
		}
	}
	if len(got) != len(want) {
		t.Errorf("entities %v, want %v", got, want)
	}
}

func TestConvertGUMCorpus(t *testing.T) {
	dir := shared.Path(t, "data/gum")
	golds, err := ConvertGUMDir(dir, "news")
	if err != nil {
		t.Fatal(err)
	}
	if len(golds) != 24 {
		t.Errorf("%d news documents, want 24", len(golds))
	}
	names := 0
	for _, g := range golds {
		for _, e := range g.Entities {
			for _, m := range e.Mentions {
				if m.Kind == "name" {
					names++
				}
			}
		}
	}
	if names < 500 {
		t.Errorf("only %d name mentions in the news documents", names)
	}
}

func FuzzConvertGUM(f *testing.F) {
	f.Add(gumSample)
	f.Add("1\ta\ta\tX\tX\t_\t0\troot\t_\tEntity=(1-person-new-s-cf1-1-coref\n")
	f.Add("1-2\tab\t_\t_\t_\t_\t_\t_\t_\t_\n1\ta\ta\tX\tX\t_\t0\troot\t_\tEntity=1)\n")
	f.Fuzz(func(t *testing.T, in string) {
		g, err := ConvertGUM(strings.NewReader(in))
		if err != nil {
			return
		}
		if err := g.Check(); err != nil {
			t.Fatalf("converted gold fails its check: %v", err)
		}
	})
}

func TestScoreIdentityByKind(t *testing.T) {
	// Ann(0-3) … Ann Lee(10-17) … she(20-23) | Bob(30-33) … he(40-42)
	gold := []GoldEntity{
		{Name: "Ann Lee", Type: "PERSON", Mentions: []GoldMention{{Start: 0, End: 3, Text: "Ann"}, {Start: 10, End: 17, Text: "Ann Lee"}, {Start: 20, End: 23, Text: "she", Kind: "pronoun"}}},
		{Name: "Bob", Type: "PERSON", Mentions: []GoldMention{{Start: 30, End: 33, Text: "Bob"}, {Start: 40, End: 42, Text: "he", Kind: "pronoun"}}},
	}
	pred := Pred{Mentions: []PredMention{
		{0, 3, "name", "PERSON", 0}, {10, 17, "name", "PERSON", 0}, {20, 23, "pronoun", "PERSON", 1},
		{30, 33, "name", "PERSON", 1}, {40, 42, "pronoun", "PERSON", 1},
	}}
	k := ScoreIdentityByKind(gold, pred)
	if k.Names != (PRF{Gold: 1, Pred: 1, Match: 1}) {
		t.Errorf("names %+v", k.Names)
	}
	// pronoun pairs: she-Ann, she-AnnLee gold; she-Bob, she-he, he-Bob pred
	if k.Pronouns != (PRF{Gold: 3, Pred: 3, Match: 1}) {
		t.Errorf("pronouns %+v", k.Pronouns)
	}
	if k.All != ScoreIdentity(gold, pred) {
		t.Errorf("all %+v differs from ScoreIdentity %+v", k.All, ScoreIdentity(gold, pred))
	}
	// she is given Bob (wrong), he is given Bob (right)
	if a := ScorePronouns(gold, pred); a != (Acc{N: 2, Correct: 1}) {
		t.Errorf("pronouns %+v, want 1 of 2", a)
	}
}
