package kb

import "testing"

func TestLookupTitle(t *testing.T) {
	tests := []struct {
		name   string
		input  string
		title  string
		leader bool
	}{
		{"lowercase", "prime minister", "prime minister", true},
		{"title case", "Prime Minister", "prime minister", true},
		{"acronym PM", "PM", "prime minister", true},
		{"president is a leader", "President", "president", true},
		{"head of state", "head of state", "head of state", true},
		{"vice president is not", "Vice President", "vice president", false},
		{"vice-president hyphenated", "vice-president", "vice president", false},
		{"culture minister", "Culture Minister", "culture minister", false},
		{"defense spelled the American way", "defense minister", "defence minister", false},
		{"abbreviation with dot", "Gen.", "general", false},
		{"abbreviation without dot", "Gen", "general", false},
		{"multi-word abbreviation", "Lt. Gen.", "lieutenant general", false},
		{"special envoy", "special envoy", "special envoy", false},
		{"secretary of state", "Secretary of State", "secretary of state", false},
		{"spokeswoman", "spokeswoman", "spokeswoman", false},
		{"CEO", "CEO", "chief executive", false},
		{"chancellor leads a government", "Chancellor", "chancellor", true},
		{"pope", "Pope", "pope", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := LookupTitle(tt.input)
			if !ok {
				t.Fatalf("LookupTitle(%q) found nothing", tt.input)
			}
			if got.Name != tt.title || got.Leader != tt.leader {
				t.Errorf("LookupTitle(%q) = %+v, want %q leader=%v", tt.input, got, tt.title, tt.leader)
			}
		})
	}
	for _, in := range []string{"pm", "ceo", "the", "Trump", "minister of silly walks", ""} {
		if got, ok := LookupTitle(in); ok {
			t.Errorf("LookupTitle(%q) = %+v, want nothing", in, got)
		}
	}
	if got, _ := LookupTitle("general"); got.Abbrev != "Gen." {
		t.Errorf("LookupTitle(general).Abbrev = %q, want Gen.", got.Abbrev)
	}
}

func TestIsTitleWord(t *testing.T) {
	for _, w := range []string{"President", "president", "Minister", "minister", "Gen.", "Gen", "envoy", "Secretary", "PM", "vice", "Vice-President", "head"} {
		if !IsTitleWord(w) {
			t.Errorf("IsTitleWord(%q) = false", w)
		}
	}
	for _, w := range []string{"of", "the", "Trump", "Rome", "pm", "and", ""} {
		if IsTitleWord(w) {
			t.Errorf("IsTitleWord(%q) = true", w)
		}
	}
}

func TestIsFirstName(t *testing.T) {
	for _, w := range []string{"Donald", "Olga", "Vladimir", "Volodymyr", "Steve", "OLGA", "Jürgen", "Juergen"[:0] + "José"} {
		if !IsFirstName(w) {
			t.Errorf("IsFirstName(%q) = false", w)
		}
	}
	for _, w := range []string{"olga", "Ukraine", "President", "The", "Will", "Kremlin", "", "St", "New"} {
		if IsFirstName(w) {
			t.Errorf("IsFirstName(%q) = true", w)
		}
	}
	if g, _ := FirstNameGender("Olga"); g != 'F' {
		t.Errorf("FirstNameGender(Olga) = %c, want F", g)
	}
	if g, _ := FirstNameGender("Donald"); g != 'M' {
		t.Errorf("FirstNameGender(Donald) = %c, want M", g)
	}
}

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Élysée", "elysee"},
		{"E\u0301lyse\u0301e", "elysee"},
		{"Zelens’kyi", "zelens'kyi"},
		{"  New\u00a0York\t City ", "new york city"},
		{"Interfax\u2013Ukraine", "interfax-ukraine"},
		{"Straße", "strasse"},
		{"Łódź", "lodz"},
		{"Київ", "київ"},
		{"already folded", "already folded"},
		{"soft\u00adhyphen", "softhyphen"},
		{"\u1E9E\u212A\u212B", "sska"},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzFold(f *testing.F) {
	for _, s := range []string{"Élysée", "the Kremlin's", "US", "\xff\xfe", "Київ’s", " a  b ", "E\u0301"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		once := Fold(s)
		if twice := Fold(once); twice != once {
			t.Errorf("Fold not idempotent: %q → %q → %q", s, once, twice)
		}
		// The lookups must never panic, whatever the input.
		Lookup(s)
		LookupFold(s)
		LookupTitle(s)
		IsTitleWord(s)
		IsFirstName(s)
	})
}
