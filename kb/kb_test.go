package kb

import (
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
)

func TestLookup(t *testing.T) {
	tests := []struct {
		name      string
		input     string
		key       string
		typ       newsgraph.EntityType
		standsFor string
	}{
		{"capital Kyiv", "Kyiv", "city:kyiv", newsgraph.GPE, "country:UA"},
		{"capital old spelling Kiev", "Kiev", "city:kyiv", newsgraph.GPE, "country:UA"},
		{"capital possessive", "Kyiv's", "city:kyiv", newsgraph.GPE, "country:UA"},
		{"seat the Kremlin", "the Kremlin", "seat:kremlin", newsgraph.Fac, "country:RU"},
		{"seat Kremlin without article", "Kremlin", "seat:kremlin", newsgraph.Fac, "country:RU"},
		{"seat The Kremlin capitalised article", "The Kremlin", "seat:kremlin", newsgraph.Fac, "country:RU"},
		{"demonym Ukrainian", "Ukrainian", "norp:UA", newsgraph.NORP, "country:UA"},
		{"demonym plural", "Ukrainians", "norp:UA", newsgraph.NORP, "country:UA"},
		{"org Nato as a word", "Nato", "org:nato", newsgraph.Org, ""},
		{"org NATO", "NATO", "org:nato", newsgraph.Org, ""},
		{"country US", "US", "country:US", newsgraph.GPE, ""},
		{"country USA", "USA", "country:US", newsgraph.GPE, ""},
		{"country U.S.", "U.S.", "country:US", newsgraph.GPE, ""},
		{"abbreviation without its last dot", "U.S", "country:US", newsgraph.GPE, ""},
		{"country long form", "the United States of America", "country:US", newsgraph.GPE, ""},
		{"country possessive of acronym", "US's", "country:US", newsgraph.GPE, ""},
		{"capital Washington", "Washington", "city:washington", newsgraph.GPE, "country:US"},
		{"seat White House", "the White House", "seat:white-house", newsgraph.Fac, "country:US"},
		{"seat Elysee without accents", "the Elysee", "seat:elysee", newsgraph.Fac, "country:FR"},
		{"seat Élysée folded", "ÉLYSÉE", "seat:elysee", newsgraph.Fac, "country:FR"},
		{"seat Downing Street", "Downing Street", "seat:downing-street", newsgraph.Fac, "country:GB"},
		{"capital Moscow", "Moscow", "city:moscow", newsgraph.GPE, "country:RU"},
		{"capital Rome", "Rome", "city:rome", newsgraph.GPE, "country:IT"},
		{"capital Beijing", "Beijing", "city:beijing", newsgraph.GPE, "country:CN"},
		{"country Russia", "Russia", "country:RU", newsgraph.GPE, ""},
		{"country Russian Federation", "Russian Federation", "country:RU", newsgraph.GPE, ""},
		{"country Britain", "Britain", "country:GB", newsgraph.GPE, ""},
		{"demonym British", "British", "norp:GB", newsgraph.NORP, "country:GB"},
		{"region Crimea", "Crimea", "region:crimea", newsgraph.GPE, ""},
		{"region Donbass", "Donbass", "region:donbas", newsgraph.Loc, ""},
		{"territory Hong Kong", "Hong Kong", "country:HK", newsgraph.GPE, ""},
		{"org Interfax-Ukraine", "Interfax-Ukraine", "org:interfax-ukraine", newsgraph.Org, ""},
		{"org New York Times", "the New York Times", "org:nyt", newsgraph.Org, ""},
		{"org Time Magazine", "Time Magazine", "org:time-magazine", newsgraph.Org, ""},
		{"org AFP", "AFP", "org:afp", newsgraph.Org, ""},
		{"org Associated Press", "The Associated Press", "org:ap", newsgraph.Org, ""},
		{"curly apostrophe", "People’s Liberation Army", "org:pla", newsgraph.Org, ""},
		{"city-state capital is the country", "Singapore", "country:SG", newsgraph.GPE, ""},
		{"extra spaces", "  New   York  ", "city:new-york", newsgraph.GPE, ""},
		{"sea", "the Black Sea", "loc:black-sea", newsgraph.Loc, ""},
		{"landmark", "St. Peter's Basilica", "fac:st-peters-basilica", newsgraph.Fac, ""},
		{"ocean with lowercase article", "the Atlantic", "loc:atlantic", newsgraph.Loc, ""},
		{"magazine with capital article", "The Atlantic", "org:the-atlantic", newsgraph.Org, ""},
		{"continent", "Europe", "loc:europe", newsgraph.Loc, ""},
		{"US state", "Texas", "region:texas", newsgraph.GPE, ""},
		{"party", "Republicans", "org:republican-party", newsgraph.Org, ""},
		{"religious group", "Muslims", "norp:muslim", newsgraph.NORP, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, ok := Lookup(tt.input)
			if !ok {
				t.Fatalf("Lookup(%q) found nothing", tt.input)
			}
			if e.Key != tt.key || e.Type != tt.typ || e.StandsFor != tt.standsFor {
				t.Errorf("Lookup(%q) = %v, want %s %s for %q", tt.input, e, tt.key, tt.typ, tt.standsFor)
			}
			if e.Source == "" {
				t.Errorf("Lookup(%q) = %v has no source", tt.input, e)
			}
		})
	}
}

func TestLookupRejects(t *testing.T) {
	for _, in := range []string{
		"us", "Us", "who", "Who", "time", "Time", "reunion", "turkey", "the states", "", "the", "labour",
		"male", "total", "shell", "the alliance", "Nat", "Kremlinology", "island", "economist", "west", "guardian", "mirror", "GB",
	} {
		t.Run(in, func(t *testing.T) {
			if e, ok := Lookup(in); ok && !(in == "Time" && e.Key == "org:time-magazine") {
				t.Errorf("Lookup(%q) = %v, want nothing", in, e)
			}
		})
	}
}

func TestLookupExactOnly(t *testing.T) {
	if e, ok := Lookup("Time"); !ok || e.Key != "org:time-magazine" {
		t.Errorf(`Lookup("Time") = %v, %v; want the magazine when written exactly`, e, ok)
	}
	if e, ok := LookupFold("Time"); ok {
		t.Errorf(`LookupFold("Time") = %v; an exact-only alias must not match folded`, e)
	}
	if e, ok := Lookup("Turkey"); !ok || e.Key != "country:TR" {
		t.Errorf(`Lookup("Turkey") = %v, %v`, e, ok)
	}
}

func TestCountry(t *testing.T) {
	e, ok := Country("country:UA")
	if !ok || e.Name != "Ukraine" {
		t.Fatalf("Country(country:UA) = %v, %v", e, ok)
	}
	if _, ok := Country("org:nato"); ok {
		t.Errorf("Country(org:nato) found an entry")
	}
	if _, ok := Country("country:ZZ"); ok {
		t.Errorf("Country(country:ZZ) found an entry")
	}
}

func TestReferencedKeysExist(t *testing.T) {
	for _, e := range Entries() {
		for _, ref := range []string{e.StandsFor, e.Parent} {
			if ref == "" {
				continue
			}
			if _, ok := Get(ref); !ok {
				t.Errorf("%v refers to %s, which is no key", e, ref)
			}
		}
		if e.Source == "" {
			t.Errorf("%v has no source", e)
		}
		if strings.HasPrefix(e.Key, "city:") || strings.HasPrefix(e.Key, "seat:") {
			if e.Parent == "" {
				t.Errorf("%v: a city or seat needs the state it lies in", e)
			}
		}
	}
}

func TestConflictsAreDeliberate(t *testing.T) {
	for _, c := range Conflicts() {
		if c.Deliberate {
			t.Logf("shared alias %q: %v → %s (data/ambiguous.tsv)", c.Alias, c.Keys, c.Winner)
			continue
		}
		t.Errorf("alias %q is claimed by %v; name the winner in data/ambiguous.tsv or drop one", c.Alias, c.Keys)
	}
}

func TestCounts(t *testing.T) {
	counts := map[string]int{}
	for _, e := range Entries() {
		counts[e.Key[:strings.IndexByte(e.Key, ':')]]++
	}
	t.Logf("entries by kind: %v", counts)
	if counts["country"] < 240 {
		t.Errorf("%d countries and territories, want at least 240", counts["country"])
	}
	if counts["org"] < 200 {
		t.Errorf("%d organisations, want at least 200", counts["org"])
	}
}
