package clean

import (
	"strings"
	"testing"
)

// TestPrefixLengths checks the bounds that the allocation-free lowering in
// isLabel and hasLowerPrefix relies on.
func TestPrefixLengths(t *testing.T) {
	if maxLabelBytes >= labelBufBytes {
		t.Errorf("longest residue label %d bytes, buffer %d", maxLabelBytes, labelBufBytes)
	}
	for _, list := range [][]string{residuePrefixes, subscribePrefixes, callsToAction} {
		for _, p := range list {
			if len(p) > maxPrefixBytes || p != strings.ToLower(p) {
				t.Errorf("prefix %q longer than %d bytes or not lower case", p, maxPrefixBytes)
			}
		}
	}
}

// TestLoweringAsToLower compares the allocation-free tests with their
// definitions through strings.ToLower and strings.ToUpper on lines with
// capitals, non-ASCII letters that change length when lowered, and
// decorations.
func TestLoweringAsToLower(t *testing.T) {
	lines := []string{"", "Show More", "SHOW MORE", "» Read more", "Click Here To subscribe", "CLICK HERE FOR more",
		"Sign Up For our newsletter", "İstanbul", "Lın\u212Aedin", "LIN\u212AEDIN", "ARTICLE CONTINUES BELOW ADVERTISEMENT",
		"Article continues below advertisement and more text than any label holds", "ẞhare", "REUTERS", "Reuters",
		"GETTY IMAGES", "Getty Images", "dpa", "DPA", "Jane Doe", "ÉPA", "AP Photo/Jane Doe via Getty Images",
		"x\u00a0\u00a0", "Photo:\u00a0Jane Doe", "J. Smith  and  K. Jones", "\u2003Reuters\u2003"}
	for _, s := range lines {
		if got, want := isLabel(s), residueLabels[strings.ToLower(s)]; got != want {
			t.Errorf("isLabel(%q) = %v, want %v", s, got, want)
		}
		for _, list := range [][]string{residuePrefixes, subscribePrefixes, callsToAction} {
			want := false
			for _, p := range list {
				want = want || strings.HasPrefix(strings.ToLower(s), p)
			}
			if got := hasLowerPrefix(s, list); got != want {
				t.Errorf("hasLowerPrefix(%q) = %v, want %v", s, got, want)
			}
		}
		if got, want := isUpperForm(s), s == strings.ToUpper(s); got != want {
			t.Errorf("isUpperForm(%q) = %v, want %v", s, got, want)
		}
		for n := 0; n < 6; n++ {
			if got, want := moreFields(s, n), len(strings.Fields(s)) > n; got != want {
				t.Errorf("moreFields(%q, %d) = %v, want %v", s, n, got, want)
			}
		}
		var words []string
		for w, rest := nextField(s); w != ""; w, rest = nextField(rest) {
			words = append(words, w)
		}
		if want := strings.Fields(s); strings.Join(words, "|") != strings.Join(want, "|") {
			t.Errorf("nextField words of %q = %q, want %q", s, words, want)
		}
		if got, want := trimRightSpaceNBSP(s), strings.TrimRight(s, " \u00a0"); got != want {
			t.Errorf("trimRightSpaceNBSP(%q) = %q, want %q", s, got, want)
		}
	}
}
