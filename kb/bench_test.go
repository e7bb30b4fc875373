package kb

import "testing"

// benchWords is a mix of what the mention stage asks about: capitalised
// words and spans of news text, most of which are not in the knowledge base.
var benchWords = []string{
	"US", "President", "Donald", "Trump", "and", "Ukrainian", "Volodymyr", "Zelensky",
	"met", "in", "Rome", "the", "White House", "Kiev", "Kremlin", "Nato", "Moscow",
	"Russia's", "Élysée", "According", "Interfax-Ukraine", "Time Magazine", "Crimea",
	"The", "However", "European", "Washington", "Witkoff", "United States of America",
}

func BenchmarkLookup(b *testing.B) {
	Lookup("warm up")
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		Lookup(benchWords[i%len(benchWords)])
	}
}

func BenchmarkLookupFoldedHit(b *testing.B) {
	Lookup("warm up")
	b.ReportAllocs()
	for b.Loop() {
		Lookup("KYIV’S")
	}
}

func BenchmarkIsTitleWord(b *testing.B) {
	IsTitleWord("warm up")
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		IsTitleWord(benchWords[i%len(benchWords)])
	}
}

func BenchmarkIsFirstName(b *testing.B) {
	IsFirstName("Warm")
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		IsFirstName(benchWords[i%len(benchWords)])
	}
}

func BenchmarkParse(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := build(dataFS); err != nil {
			b.Fatal(err)
		}
	}
}

// TestLookupsDoNotAllocate holds the promise of the package doc: the
// per-token lookups run without touching the heap.
func TestLookupsDoNotAllocate(t *testing.T) {
	Lookup("warm up")
	for _, w := range append(benchWords, "KYIV’S", "Élysée Palace", "prime minister") {
		if n := testing.AllocsPerRun(100, func() {
			Lookup(w)
			LookupFold(w)
			LookupTitle(w)
			IsTitleWord(w)
			IsFirstName(w)
		}); n != 0 {
			t.Errorf("lookups of %q allocate %.0f times", w, n)
		}
	}
}
