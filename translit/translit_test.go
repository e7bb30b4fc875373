package translit

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSimilar(t *testing.T) {
	cases := []struct {
		name string
		a, b string
		want bool
	}{
		{"y-ending-vs-yi-ending", "Zelensky", "Zelenskyi", true},
		{"y-ending-vs-yy-ending", "Zelensky", "Zelenskyy", true},
		{"german-s-for-z", "Selensky", "Zelensky", true},
		{"german-yj-ending", "Selenskyj", "Zelenskyy", true},
		{"german-w-and-j", "Ljubimowa", "Lyubimova", true},
		{"diacritics", "Zelenskyj", "Zelenskýj", true},
		{"cyrillic", "Зеленский", "Zelensky", true},
		{"cyrillic-ukrainian", "Зеленський", "Zelenskyi", true},
		{"german-tsch-and-ow-ending", "Gorbatschow", "Gorbachev", true},
		{"tsch-vs-ch", "Tschaikowski", "Chaikovsky", true},
		{"kh-vs-ch", "Chodorkowski", "Khodorkovsky", true},
		{"ff-ending", "Smirnoff", "Smirnov", true},
		{"typo-dropped-letter", "Voldymyr Zelensky", "Volodymyr Zelensky", true},
		{"typo-first-name-alone", "Voldymyr", "Volodymyr", true},
		{"initial-matches-first-name", "J. Vance", "James Vance", true},
		{"case-only", "NATO", "Nato", true},
		{"different-surnames-putin-pushkin", "Putin", "Pushkin", false},
		{"vowel-substitution-short-name", "Vance", "Vince", false},
		{"different-first-names-same-surname", "Donald Trump", "Ivanka Trump", false},
		{"one-letter-first-names", "Donald Trump", "Ronald Trump", false},
		{"substitution-in-short-surname", "Smith", "Smyth", true}, // y→i makes them one key
		{"different-length-names", "Donald Trump", "Trump", false},
		{"empty", "", "", false},
		{"punctuation-only", "...", "!!", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := Similar(c.a, c.b); got != c.want {
				t.Errorf("Similar(%q, %q) = %v, want %v (keys %q, %q)", c.a, c.b, got, c.want, Key(c.a), Key(c.b))
			}
			if got := Similar(c.b, c.a); got != c.want {
				t.Errorf("Similar(%q, %q) = %v, want %v (not symmetric)", c.b, c.a, got, c.want)
			}
		})
	}
}

func TestKey(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"two-words", "Volodymyr Zelensky", "volodimir selenski"},
		{"apostrophe-dropped", "Zelens'kyi", "selenski"},
		{"spaces-collapsed", "  Olga   Lyubimova ", "olga liubimova"},
		{"empty", "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := Key(c.in); got != c.want {
				t.Errorf("Key(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

func TestDistance(t *testing.T) {
	cases := []struct {
		a, b  string
		bound int
		want  int
	}{
		{"kitten", "sitting", 5, 3},
		{"kitten", "sitting", 1, 2},
		{"abcd", "abdc", 2, 1},
		{"", "abc", 5, 3},
		{"same", "same", 0, 0},
	}
	for _, c := range cases {
		if got := Distance(c.a, c.b, c.bound); got != c.want {
			t.Errorf("Distance(%q, %q, %d) = %d, want %d", c.a, c.b, c.bound, got, c.want)
		}
	}
}

func FuzzKey(f *testing.F) {
	for _, s := range []string{"Zelensky", "Зеленський", "Ljubimowa", "Œdipe", "e\u0301", "", "ß ß", "x\xff"} {
		f.Add(s, "Selenskyj")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		k := Key(a)
		if !utf8.ValidString(k) || strings.Contains(k, "  ") || strings.HasPrefix(k, " ") || strings.HasSuffix(k, " ") {
			t.Fatalf("Key(%q) = %q: not a clean key", a, k)
		}
		if Similar(a, b) != Similar(b, a) {
			t.Fatalf("Similar not symmetric for %q, %q", a, b)
		}
		if k != "" && !Similar(a, a) {
			t.Fatalf("Similar(%q, itself) = false", a)
		}
	})
}

func BenchmarkKey(b *testing.B) {
	names := []string{"Volodymyr Zelensky", "Selenskyj", "Ljubimowa", "Steve Witkoff", "Зеленський"}
	n := 0
	for _, s := range names {
		n += len(s)
	}
	b.SetBytes(int64(n))
	for b.Loop() {
		for _, s := range names {
			Key(s)
		}
	}
}

func BenchmarkSimilar(b *testing.B) {
	for b.Loop() {
		Similar("Voldymyr Zelensky", "Volodymyr Zelenskyy")
	}
}
