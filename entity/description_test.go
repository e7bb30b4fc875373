package entity_test

import (
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/entity"
	"github.com/newsgraph/newsgraph/mention"
	"github.com/newsgraph/newsgraph/segment"
	"github.com/newsgraph/newsgraph/tag"
)

// analyzeTagged runs the stages up to entity as the pipeline does.
func analyzeTagged(t *testing.T, text string) *newsgraph.Document {
	t.Helper()
	d := &newsgraph.Document{Text: text, Raw: text}
	if err := (newsgraph.Pipeline{segment.Stage, tag.Stage, mention.Stage, entity.Stage}).Run(d); err != nil {
		t.Fatal(err)
	}
	return d
}

// descEntity returns the entity of the mention written as text (the first
// one of that kind), or -1.
func descEntity(d *newsgraph.Document, kind newsgraph.MentionKind, text string) int {
	for _, m := range d.Mentions {
		if m.Kind == kind && m.Text == text {
			return m.Entity
		}
	}
	return -1
}

func TestDescriptionReferents(t *testing.T) {
	const desc, name = newsgraph.DescriptionMention, newsgraph.NameMention
	cases := []struct {
		name       string
		text       string
		descText   string
		joins      string // the name it joins; "" when it stands alone
		entityName string // the entity's name when it stands alone
	}{
		{"company-to-nearest-company", "General Motors filed for bankruptcy on Monday. The company said it would cut jobs.",
			"The company", "General Motors", ""},
		{"company-skips-a-publication", "Shares of Boeing rose after the contract, the New York Times reported. The company declined to comment.",
			"The company", "Boeing", ""},
		{"newspaper-to-publication", "Boeing won, The Washington Post reported. According to the newspaper, the deal is done.",
			"the newspaper", "The Washington Post", ""},
		{"appositive-after-name", "Scott Pruitt, the Republican attorney general of Oklahoma, said the rule was illegal.",
			"the Republican attorney general", "Scott Pruitt", ""},
		{"indefinite-appositive", "Michael Flynn, a top Trump surrogate, said it on Thursday.",
			"a top Trump surrogate", "Michael Flynn", ""},
		{"appositive-before-name", "His attorney, Justin Bamberg, said the video was clear.",
			"His attorney", "Justin Bamberg", ""},
		{"agency-by-its-name-word", "The Environmental Protection Agency issued a rule. The agency said it would apply in 2017.",
			"The agency", "Environmental Protection Agency", ""},
		{"no-antecedent-stands-alone", "Officials said the plant would close on Friday.",
			"Officials", "", "Officials"},
		{"indefinite-person-stands-alone", "Donald Trump spoke in Ohio. A spokesman said the rally was large.",
			"A spokesman", "", "spokesman"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := analyzeTagged(t, c.text)
			ei := descEntity(d, desc, c.descText)
			if ei < 0 {
				t.Fatalf("description %q has no entity; entities:\n%s", c.descText, dump(d))
			}
			if c.joins != "" {
				if want := descEntity(d, name, c.joins); ei != want {
					t.Fatalf("%q joined entity %d %q, want %q; entities:\n%s", c.descText, ei, d.Entities[ei].Name, c.joins, dump(d))
				}
				return
			}
			e := d.Entities[ei]
			if e.Name != c.entityName || !strings.HasPrefix(e.Key, "description:") {
				t.Fatalf("%q stands as %q [%s], want %q [description:…]", c.descText, e.Name, e.Key, c.entityName)
			}
		})
	}
}

// TestDescriptionGroups: a group described by a plural joins the same
// group said again nearby, never a he, she or it, and two groups that
// differ by their modifiers stay apart.
func TestDescriptionGroups(t *testing.T) {
	d := analyzeTagged(t, "U.S. officials met in Geneva. The officials said the talks were useful. "+
		"He said European troops would stay. US troops would leave.")
	const desc = newsgraph.DescriptionMention
	us, the := descEntity(d, desc, "U.S. officials"), descEntity(d, desc, "The officials")
	if us < 0 || us != the {
		t.Fatalf("U.S. officials %d and the officials %d should be one group:\n%s", us, the, dump(d))
	}
	if he := descEntity(d, newsgraph.PronounMention, "He"); he == us && he >= 0 {
		t.Fatalf("he joined a group:\n%s", dump(d))
	}
	eu, usT := descEntity(d, desc, "European troops"), descEntity(d, desc, "US troops")
	if eu < 0 || eu == usT {
		t.Fatalf("European troops %d and US troops %d should be two groups:\n%s", eu, usT, dump(d))
	}
}

// TestDescriptionNeverNames: a description joined to a named entity never
// becomes its canonical name or an alias.
func TestDescriptionNeverNames(t *testing.T) {
	d := analyzeTagged(t, "Apple released a phone. The company said the phone sold well. The company also said sales rose.")
	ei := descEntity(d, newsgraph.NameMention, "Apple")
	if ei < 0 {
		t.Fatalf("no Apple:\n%s", dump(d))
	}
	e := d.Entities[ei]
	if e.Name != "Apple" || len(e.Aliases) != 0 {
		t.Fatalf("Apple is named %q with aliases %q", e.Name, e.Aliases)
	}
	if descEntity(d, newsgraph.DescriptionMention, "The company") != ei {
		t.Fatalf("the company should join Apple:\n%s", dump(d))
	}
}
