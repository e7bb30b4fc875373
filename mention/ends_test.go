package mention

import "testing"

// TestActorNounEnds checks that the filter never rejects a word that
// lowerLookup finds in actorNouns.
func TestActorNounEnds(t *testing.T) {
	words := []string{"Officials", "OFFICIAL", "spokesman's", "Police", "table", "the", "x",
		"Reporter", "reporters", "Ölfirma", "co-founder", "aides", "a very long word beyond the filter's reach"}
	for w := range actorNouns {
		words = append(words, w)
	}
	for _, w := range words {
		if _, ok := lowerLookup(actorNouns, w); ok && !actorNounEnds.mayHold(w) {
			t.Errorf("mayHold(%q) = false, but actorNouns holds it", w)
		}
	}
}
