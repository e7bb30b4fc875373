package entity_test

import (
	"os"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/entity"
	"github.com/newsgraph/newsgraph/kb"
)

// entityOf returns the entity of the n-th (0-based) mention whose text is
// text, or -1.
func entityOf(t *testing.T, d *newsgraph.Document, text string, n int) int {
	t.Helper()
	for _, m := range d.Mentions {
		if m.Text == text {
			if n == 0 {
				return m.Entity
			}
			n--
		}
	}
	t.Fatalf("no mention %q (#%d) in %s", text, n, dump(d))
	return -1
}

// personKey returns the key of the only person entity whose name contains
// word.
func personKey(t *testing.T, d *newsgraph.Document, word string) string {
	t.Helper()
	key := ""
	for _, e := range d.Entities {
		if e.Type == newsgraph.Person && strings.Contains(e.Name, word) {
			if key != "" {
				t.Fatalf("two people named %q:\n%s", word, dump(d))
			}
			key = e.Key
		}
	}
	if key == "" {
		t.Fatalf("no person named %q:\n%s", word, dump(d))
	}
	return key
}

// TestKeyAcrossSpellings: three articles that spell one man three ways give
// him one key; an article that names him by the surname alone gives the
// one-word key that the store joins to it (merge.Surname).
func TestKeyAcrossSpellings(t *testing.T) {
	articles := []struct{ text, word string }{
		{"Ukrainian President Volodymyr Zelensky met the envoy in Kyiv. Zelensky said the talks were useful.", "Zelensky"},
		{"Wolodymyr Selenskyj traf den Gesandten in Kiew. Selenskyj sagte, die Gespräche seien nützlich.", "Selenskyj"},
		{"President Volodymyr Zelenskyy spoke in Kiev on Friday. Zelenskyy said he would return.", "Zelenskyy"},
	}
	var keys []string
	for _, a := range articles {
		keys = append(keys, personKey(t, analyze(t, a.text), a.word))
	}
	for i := 1; i < len(keys); i++ {
		if keys[i] != keys[0] {
			t.Errorf("article %d keys the man %q, article 1 %q", i+1, keys[i], keys[0])
		}
	}
	if keys[0] != "person:volodimir-selenski" {
		t.Errorf("key %q, want person:volodimir-selenski", keys[0])
	}
	surnameOnly := personKey(t, analyze(t, "Zelenskyi said on Friday that the talks would go on."), "Zelenskyi")
	if !strings.HasSuffix(keys[0], "-"+strings.TrimPrefix(surnameOnly, "person:")) {
		t.Errorf("surname-only key %q is not the last word of %q", surnameOnly, keys[0])
	}
	// the places are one entity of the knowledge base whatever the spelling
	for _, c := range []string{"Kyiv", "Kiev"} {
		d := analyze(t, "The envoy arrived in "+c+" on Friday.")
		if e := entityOf(t, d, c, 0); e < 0 || d.Entities[e].Key != "city:kyiv" {
			t.Errorf("%s: entity %+v", c, d.Entities)
		}
	}
}

func TestPersonKey(t *testing.T) {
	for _, c := range []struct{ name, want string }{
		{"Volodymyr Zelensky", "person:volodimir-selenski"},
		{"Mr. Zelensky", "person:selenski"},
		{"Bill Clinton", "person:viliam-klinton"},
		{"William Clinton", "person:viliam-klinton"},
		{"Hillary Clinton", "person:hilari-klinton"},
		{"Donald Trump Jr.", "person:donald-trump-ir"},
		{"Pope Francis", "person:pope-fransis"},
		{"Bashar al-Assad", "person:basar-asad"},
		{"Muammar Gaddafi", "person:muamar-gadafi"},
	} {
		if got := entity.PersonKey(c.name); got != c.want {
			t.Errorf("PersonKey(%q) = %q, want %q", c.name, got, c.want)
		}
	}
}

// TestWithinDocument checks the joins inside one article: full name,
// surname, title with name, title alone, pronouns; people sharing a
// surname kept apart; an inanimate "it".
func TestWithinDocument(t *testing.T) {
	t.Run("surname-title-and-pronouns-join", func(t *testing.T) {
		d := analyze(t, "German Chancellor Olaf Scholz arrived in Paris on Monday. Scholz met the French president there. "+
			"The chancellor said he was pleased. His aides agreed.")
		want := entityOf(t, d, "Olaf Scholz", 0)
		for _, m := range []string{"Scholz", "he", "His"} {
			if got := entityOf(t, d, m, 0); got != want {
				t.Errorf("%q is entity %d, want %d (Olaf Scholz)\n%s", m, got, want, dump(d))
			}
		}
	})
	t.Run("possessive-before-the-subject-is-the-subject", func(t *testing.T) {
		d := analyze(t, "Standing before the crowd with Mayor Marty Walsh by her side, Senator Jane Miller turned to a subject that she had avoided. "+
			"Walsh, a former union leader, had close ties to Vice President Paul Green. But on Sunday he endorsed Miller.")
		miller, walsh := entityOf(t, d, "Jane Miller", 0), entityOf(t, d, "Marty Walsh", 0)
		for _, m := range []string{"her", "she"} {
			if got := entityOf(t, d, m, 0); got != miller {
				t.Errorf("%q is entity %d, want Jane Miller (%d)\n%s", m, got, miller, dump(d))
			}
		}
		if got := entityOf(t, d, "he", 0); got != walsh {
			t.Errorf("he is entity %d, want Marty Walsh (%d)\n%s", got, walsh, dump(d))
		}
	})
	t.Run("they-is-no-city", func(t *testing.T) {
		d := analyze(t, "Black voters have backed Miller in earlier states. But in Springfield a week ago, they supported her by a smaller margin.")
		if x := entityOf(t, d, "they", 0); x >= 0 && d.Entities[x].Name == "Springfield" {
			t.Errorf("they is Springfield\n%s", dump(d))
		}
	})
	t.Run("title-alone-joins-the-person-given-that-title", func(t *testing.T) {
		d := analyze(t, "Foreign Minister Annalena Baerbock met Sergei Lavrov in Moscow. The minister said the talks were hard.")
		if got, want := entityOf(t, d, "The minister", 0), entityOf(t, d, "Annalena Baerbock", 0); got != want {
			t.Errorf("the minister is entity %d, want %d\n%s", got, want, dump(d))
		}
	})
	t.Run("shared-surname-goes-to-the-nearest-full-name", func(t *testing.T) {
		d := analyze(t, "Hillary Clinton spoke in Ohio on Monday. Bill Clinton spoke in Iowa. Clinton told the crowd in Iowa that he would return. "+
			"Hillary Clinton flew home. Clinton said she was tired.")
		hillary, bill := entityOf(t, d, "Hillary Clinton", 0), entityOf(t, d, "Bill Clinton", 0)
		if hillary == bill {
			t.Fatalf("Hillary and Bill Clinton are one entity\n%s", dump(d))
		}
		if got := entityOf(t, d, "Clinton", 0); got != bill {
			t.Errorf("the first Clinton alone is entity %d, want Bill (%d)", got, bill)
		}
		if got := entityOf(t, d, "Hillary Clinton", 1); got != hillary {
			t.Errorf("the second Hillary Clinton is entity %d, want %d", got, hillary)
		}
		if got := entityOf(t, d, "Clinton", 1); got != hillary {
			t.Errorf("the second Clinton alone is entity %d, want Hillary (%d)\n%s", got, hillary, dump(d))
		}
		if got := entityOf(t, d, "she", 0); got != hillary {
			t.Errorf("she is entity %d, want Hillary (%d)", got, hillary)
		}
	})
	t.Run("honorific-tells-a-couple-apart", func(t *testing.T) {
		d := analyze(t, "Barack Obama and Michelle Obama visited the school. Mrs. Obama spoke first.")
		if got, want := entityOf(t, d, "Obama", 0), entityOf(t, d, "Michelle Obama", 0); got != want {
			t.Errorf("Mrs. Obama is entity %d, want Michelle (%d)\n%s", got, want, dump(d))
		}
	})
	t.Run("brothers-stay-apart", func(t *testing.T) {
		d := analyze(t, "Boris Johnson praised his brother Jo Johnson, who resigned on Thursday.")
		if entityOf(t, d, "Boris Johnson", 0) == entityOf(t, d, "Jo Johnson", 0) {
			t.Errorf("Boris and Jo Johnson are one entity\n%s", dump(d))
		}
	})
	t.Run("spelling-variants-join", func(t *testing.T) {
		d := analyze(t, "Muammar Gaddafi ruled Libya for decades. Critics of Qaddafi were jailed, and Kadhafi's sons held power.")
		want := entityOf(t, d, "Muammar Gaddafi", 0)
		for _, m := range []string{"Qaddafi", "Kadhafi"} {
			if got := entityOf(t, d, m, 0); got != want {
				t.Errorf("%q is entity %d, want %d\n%s", m, got, want, dump(d))
			}
		}
	})
	t.Run("it-goes-to-the-plan-not-the-newspaper", func(t *testing.T) {
		d := analyze(t, "The plan was leaked to the New York Times. According to the newspaper, it does not mention NATO.")
		if got := entityOf(t, d, "it", 0); got >= 0 {
			t.Errorf("it is entity %d (%s), want none: the plan is its antecedent", got, d.Entities[got].Name)
		}
	})
	t.Run("it-goes-to-the-company-not-the-country", func(t *testing.T) {
		d := analyze(t, "The US car maker General Motors said that it would cut 10,000 jobs at its European division.")
		want := entityOf(t, d, "General Motors", 0)
		for _, m := range []string{"it", "its"} {
			if got := entityOf(t, d, m, 0); got != want {
				t.Errorf("%q is entity %d, want %d (General Motors)\n%s", m, got, want, dump(d))
			}
		}
	})
	t.Run("it-never-a-person", func(t *testing.T) {
		d := analyze(t, "Angela Merkel presented the report. It was long.")
		if got := entityOf(t, d, "It", 0); got >= 0 && d.Entities[got].Type == newsgraph.Person {
			t.Errorf("It joined the person %s", d.Entities[got].Name)
		}
	})
}

// TestDistinctPeopleInOneArticle reads the full names of
// ../translit/testdata/distinct.txt (different people who share a surname)
// and checks that an article naming both keeps them apart.
func TestDistinctPeopleInOneArticle(t *testing.T) {
	raw, err := os.ReadFile("../translit/testdata/distinct.txt")
	if err != nil {
		t.Fatal(err)
	}
	n, found := 0, 0
	for _, line := range strings.Split(string(raw), "\n") {
		line, _, _ = strings.Cut(line, " # ")
		a, b, ok := strings.Cut(line, " | ")
		a, b = strings.TrimSpace(a), strings.TrimSpace(b)
		if !ok || strings.HasPrefix(line, "#") || !strings.Contains(a, " ") || !strings.Contains(b, " ") {
			continue
		}
		n++
		d := analyze(t, "Reporters questioned "+a+" on Monday. Reporters questioned "+b+" on Tuesday.")
		ea, eb := -2, -3
		for _, m := range d.Mentions {
			if m.Kind != newsgraph.NameMention {
				continue
			}
			second := strings.LastIndex(d.Text, "Reporters")
			if strings.HasSuffix(a, m.Text) && m.Start < second {
				ea = m.Entity
			} else if strings.HasPrefix(b, m.Text) && strings.Contains(m.Text, " ") && m.Start > second {
				eb = m.Entity
			}
		}
		if eb == -3 {
			// the mention stage did not find the second full name: the
			// entity stage sees only the surname, which it rightly joins
			t.Logf("%s: full name not found by the mention stage", b)
			continue
		}
		found++
		if ea == eb {
			t.Errorf("%s and %s are one entity:\n%s", a, b, dump(d))
		}
	}
	if n < 20 || found < n*3/4 {
		t.Errorf("only %d pairs of full names read, %d found by the mention stage", n, found)
	}
}

// TestNameJoinRules checks the rules that join names, on mentions given by
// hand (text and type as the mention stage might write them), so that each
// rule is tested apart from the tagger: which names are one entity and
// which stay apart.
func TestNameJoinRules(t *testing.T) {
	type men struct {
		text string
		typ  newsgraph.EntityType
	}
	P, O, G := newsgraph.Person, newsgraph.Org, newsgraph.GPE
	for _, c := range []struct {
		name     string
		text     string
		mentions []men
		same     [][2]int // indexes into mentions that must be one entity
		apart    [][2]int // indexes that must be two
	}{
		{"first-name-before-the-full-name",
			"Texas student Ahmed brought a clock. Ahmed Mohamed was arrested. Mohamed was released.",
			[]men{{"Ahmed", P}, {"Ahmed Mohamed", P}, {"Mohamed", P}},
			[][2]int{{0, 1}, {1, 2}}, nil},
		{"first-name-after-the-full-name",
			"Ahmed Mohamed was arrested. Later Ahmed was released.",
			[]men{{"Ahmed Mohamed", P}, {"Ahmed", P}},
			[][2]int{{0, 1}}, nil},
		{"first-name-shared-by-two-people-joins-neither-ahead",
			"Ahmed said so. Ahmed Mohamed and Ahmed Zewail met.",
			[]men{{"Ahmed", P}, {"Ahmed Mohamed", P}, {"Ahmed Zewail", P}},
			nil, [][2]int{{0, 1}, {0, 2}, {1, 2}}},
		{"first-name-that-is-a-surname-stays-the-surname",
			"Paul spoke. Chris Paul and Paul Smith met.",
			[]men{{"Paul", P}, {"Chris Paul", P}, {"Paul Smith", P}},
			[][2]int{{0, 1}}, [][2]int{{0, 2}}},
		{"title-and-full-name-typed-as-organisation",
			"NASA Administrator Charles Bolden spoke. Charles Bolden said it. Bolden left.",
			[]men{{"NASA Administrator Charles Bolden", O}, {"Charles Bolden", P}, {"Bolden", P}},
			[][2]int{{0, 1}, {1, 2}}, nil},
		{"organisation-whose-last-words-are-no-person-stays",
			"Bolden Capital Partners invested. Charles Bolden spoke.",
			[]men{{"Bolden Capital Partners", O}, {"Charles Bolden", P}},
			nil, [][2]int{{0, 1}}},
		{"body-named-for-what-follows-of",
			"The Church of Scientology denied it. Scientology has ships.",
			[]men{{"Church of Scientology", O}, {"Scientology", O}},
			[][2]int{{0, 1}}, nil},
		{"known-company-named-before-keeps-its-name-after-a-namesake",
			"Ford Motor Company will cut jobs. Its chief, William Clay Ford Jr., said Ford would recover.",
			[]men{{"Ford Motor Company", O}, {"William Clay Ford Jr.", P}, {"Ford", O}},
			[][2]int{{0, 2}}, [][2]int{{1, 2}}},
		{"known-company-not-named-before-yields-to-the-person",
			"William Clay Ford Jr. spoke on Monday. Ford said the plan would work.",
			[]men{{"William Clay Ford Jr.", P}, {"Ford", O}},
			[][2]int{{0, 1}}, nil},
		{"lower-case-first-word-is-no-full-name",
			"Chrysler LLC filed on Thursday, said Jim Press of Chrysler. Chrysler will close dealers.",
			[]men{{"Chrysler LLC", O}, {"of Chrysler", P}, {"Chrysler", O}},
			[][2]int{{0, 2}}, nil},
		{"last-word-cut-short",
			"Penske Auto selected to buy Saturn. The Penske Automotive Group (PAG) announced on Friday.",
			[]men{{"Penske Auto", O}, {"Penske Automotive Group", O}, {"PAG", O}},
			[][2]int{{0, 1}, {1, 2}}, nil},
		{"word-cut-to-three-letters-is-no-short-form",
			"Banco Pop said so. Banco Popular Group agreed.",
			[]men{{"Banco Pop", O}, {"Banco Popular Group", O}},
			nil, [][2]int{{0, 1}}},
		{"compass-point-alone-is-the-country-named-by-it",
			"North Korea fired shells. Seoul broadcasts propaganda into the North.",
			[]men{{"North Korea", G}, {"North", O}},
			[][2]int{{0, 1}}, nil},
		{"compass-point-with-two-such-countries-stays-apart",
			"North Korea and North Macedonia met. The North said no.",
			[]men{{"North Korea", G}, {"North Macedonia", G}, {"North", O}},
			nil, [][2]int{{0, 2}, {1, 2}}},
		{"country-before-a-known-body",
			"The United States Federal Reserve added cash. The Federal Reserve said so.",
			[]men{{"United States Federal Reserve", O}, {"Federal Reserve", O}},
			[][2]int{{0, 1}}, nil},
		{"acronym-written-inside-the-full-name",
			"Airbus parent EADS won. The European Aeronautic Defence and Space Company EADS N.V. said so.",
			[]men{{"EADS", O}, {"European Aeronautic Defence and Space Company EADS N.V.", O}},
			[][2]int{{0, 1}}, nil},
		{"definite-plural-demonym-is-the-country",
			"Belgium beat Panama. Mertens put the Belgians in the lead.",
			[]men{{"Belgium", G}, {"Belgians", newsgraph.NORP}},
			[][2]int{{0, 1}}, nil},
		{"bare-plural-demonym-is-the-people",
			"Afghanistan sent a team to show the talent of Afghans.",
			[]men{{"Afghanistan", G}, {"Afghans", newsgraph.NORP}},
			nil, [][2]int{{0, 1}}},
		{"place-after-of-is-no-alias",
			"The University of Texas said so. Texas agreed.",
			[]men{{"University of Texas", O}, {"Texas", G}},
			nil, [][2]int{{0, 1}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := &newsgraph.Document{Text: c.text, Raw: c.text}
			from := 0
			for _, m := range c.mentions {
				at := strings.Index(c.text[from:], m.text)
				if at < 0 {
					t.Fatalf("%q not in the text after %d", m.text, from)
				}
				at += from
				key := ""
				if e, ok := kb.Lookup(m.text); ok && e.Type == m.typ {
					key = e.Key
				}
				d.Mentions = append(d.Mentions, newsgraph.Mention{Start: at, End: at + len(m.text), Text: m.text,
					Kind: newsgraph.NameMention, Type: m.typ, Key: key})
				from = at + len(m.text)
			}
			entity.Resolve(d)
			for _, p := range c.same {
				if a, b := d.Mentions[p[0]].Entity, d.Mentions[p[1]].Entity; a < 0 || a != b {
					t.Errorf("%q and %q are entities %d and %d, want one\n%s", c.mentions[p[0]].text, c.mentions[p[1]].text, a, b, dump(d))
				}
			}
			for _, p := range c.apart {
				if a, b := d.Mentions[p[0]].Entity, d.Mentions[p[1]].Entity; a == b {
					t.Errorf("%q and %q are one entity %d, want two\n%s", c.mentions[p[0]].text, c.mentions[p[1]].text, a, dump(d))
				}
			}
		})
	}
}
