package feature

import (
	"slices"
	"testing"
	"unicode"
	"unicode/utf8"
)

var describeSeeds = []string{"", "a", "The", "U.S.", "well-known", "Trump's", "don't", "1,200", "2025", "ÉCOLE",
	"Zelenskyy", "İstanbul", "naïve", "Ünïcödé", "日本語", "é", "Kelvin", "x\xff\xfe", "a’b", "—", "Washington",
	"supercalifragilisticexpialidocious-and-then-some-more-letters-to-pass-the-stack-buffer-of-ninety-six-bytes-yes"}

// TestDescribeAsReference checks that Describe, which hashes the prefixes
// as it lowers the word, gives what one pass per prefix gives.
func TestDescribeAsReference(t *testing.T) {
	for _, w := range describeSeeds {
		var got, want Info
		Describe(w, &got)
		describeReference(w, &want)
		if got != want {
			t.Errorf("Describe(%q) = %+v, want %+v", w, got, want)
		}
	}
}

func FuzzDescribeAsReference(f *testing.F) {
	for _, w := range describeSeeds {
		f.Add(w)
	}
	f.Fuzz(func(t *testing.T, w string) {
		var got, want Info
		Describe(w, &got)
		describeReference(w, &want)
		if got != want {
			t.Errorf("Describe(%q) = %+v, want %+v", w, got, want)
		}
	})
}

// describeReference is Describe as first written, with one FNV pass per
// prefix: Describe must give the same Info.
func describeReference(form string, wi *Info) {
	var stack [96]byte
	low := stack[:0]
	var ends [128]uint8 // byte end of each rune in low, for the first runes
	nr := 0
	flags := uint32(0)
	letters, uppers := 0, 0
	var shape [24]byte
	ns := 0
	var lastClass byte
	run := 0
	for i := 0; i < len(form); {
		c := form[i]
		var r rune
		w := 1
		if c < utf8.RuneSelf {
			r = rune(c)
		} else {
			r, w = utf8.DecodeRuneInString(form[i:])
			flags |= flagNonASCII
		}
		i += w
		var class byte
		switch {
		case 'a' <= r && r <= 'z':
			class = 'x'
			letters++
		case 'A' <= r && r <= 'Z':
			class = 'X'
			letters++
			uppers++
			if nr == 0 {
				flags |= flagInitUpper
			}
			r += 'a' - 'A'
		case '0' <= r && r <= '9':
			class = 'd'
			flags |= flagDigit
		case r < utf8.RuneSelf:
			class = byte(r)
			switch r {
			case '-':
				flags |= flagHyphen
			case '.':
				flags |= flagDot
			case '\'':
				flags |= flagApos
			}
		case unicode.IsUpper(r):
			class = 'X'
			letters++
			uppers++
			if nr == 0 {
				flags |= flagInitUpper
			}
			r = unicode.ToLower(r)
		case unicode.IsLetter(r):
			class = 'x'
			letters++
		case unicode.IsDigit(r):
			class = 'd'
			flags |= flagDigit
		case r == '’':
			class = '\''
			flags |= flagApos
		case r == '‐' || r == '–' || r == '—':
			class = '-'
			flags |= flagHyphen
		default:
			class = 'o'
		}
		if class == lastClass {
			run++
		} else {
			run = 1
			lastClass = class
		}
		// runs of letters collapse to one mark; digits keep up to four
		// so that years (dddd) differ from small numbers.
		if (run == 1 || class == 'd' && run <= 4) && ns < len(shape) {
			shape[ns] = class
			ns++
		}
		if r < utf8.RuneSelf {
			low = append(low, byte(r))
		} else {
			low = utf8.AppendRune(low, r)
		}
		if nr < len(ends) {
			ends[nr] = uint8(min(len(low), 255))
		}
		nr++
	}
	if letters > 0 && uppers > 0 {
		flags |= flagUpper
		if uppers == letters {
			flags |= flagAllUpper
		}
	}
	wi.lower = fnvBytes(low)
	wi.Class = 0
	wi.LowerClass = 0
	wi.shape = fnvBytes(shape[:ns])
	wi.flags = flags
	// prefixes: the first k runes (all of the word when shorter).
	for k := 0; k < 4; k++ {
		end := len(low)
		if k < nr && k < len(ends) {
			end = int(ends[k])
		}
		wi.pre[k] = fnvBytes(low[:end])
	}
	// suffixes: the last k runes.
	for k := 0; k < 4; k++ {
		start := len(low)
		for j := 0; j <= k && start > 0; j++ {
			_, w := utf8.DecodeLastRune(low[:start])
			start -= w
		}
		wi.suf[k] = fnvBytes(low[start:])
	}
}

// TestNeighbourFeatures checks that the features PrevFeatures and
// NextFeatures name depend on the neighbour alone: the same for any
// current token, tags and farther neighbours, different for another
// neighbour.
func TestNeighbourFeatures(t *testing.T) {
	describe := func(words ...string) []Info {
		infos := make([]Info, len(words))
		for i, w := range words {
			Describe(w, &infos[i])
			infos[i].Class = uint32(len(w)) // any value the tagger might set
		}
		return infos
	}
	pick := func(out *[N]uint32, idx []int) []uint32 {
		var v []uint32
		for _, k := range idx {
			v = append(v, out[k])
		}
		return v
	}
	tests := []struct {
		name string
		a, b []string // sentences; the token at 2 has the same neighbours
		same bool
		idx  []int
	}{
		{"prev alone", []string{"We", "saw", "the", "dog", "run"}, []string{"Birds", "saw", "a", "Thames", "today"}, true, PrevFeatures[:]},
		{"prev differs", []string{"We", "saw", "the", "dog", "run"}, []string{"We", "sees", "the", "dog", "run"}, false, PrevFeatures[:]},
		{"next alone", []string{"We", "saw", "the", "dog", "run"}, []string{"Cats", "ate", "some", "dog", "."}, true, NextFeatures[:]},
		{"next differs", []string{"We", "saw", "the", "dog", "run"}, []string{"We", "saw", "the", "cat", "run"}, false, NextFeatures[:]},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var oa, ob [N]uint32
			ContextFeatures(describe(tt.a...), 2, 3, 4, &oa)
			ContextFeatures(describe(tt.b...), 2, 7, StartTag, &ob)
			a, b := pick(&oa, tt.idx), pick(&ob, tt.idx)
			if same := slices.Equal(a, b); same != tt.same {
				t.Errorf("features %v: %08x vs %08x, want same=%v", tt.idx, a, b, tt.same)
			}
		})
	}
}
