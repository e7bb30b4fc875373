package merge

import (
	"math/rand/v2"
	"slices"
	"testing"
)

func TestPlan(t *testing.T) {
	tests := []struct {
		name string
		keys []KeyDocs
		want map[string]string // key → its group's least key; keys not listed are alone
	}{
		{"middle initial", []KeyDocs{{"person:amara-j-okafor", 1}, {"person:amara-okafor", 3}},
			map[string]string{"person:amara-okafor": "person:amara-j-okafor"}},
		{"separators", []KeyDocs{{"person:hillary-clinton", 4}, {"person:hillaryclinton", 1}},
			map[string]string{"person:hillaryclinton": "person:hillary-clinton"}},
		{"a word stuck to a name", []KeyDocs{{"person:billionaire-donald-trump", 1}, {"person:donald-trump", 9}},
			map[string]string{"person:donald-trump": "person:billionaire-donald-trump"}},
		{"windows of two people", []KeyDocs{{"person:anna-maria-lopez", 1}, {"person:anna-maria", 2}, {"person:maria-lopez", 2}},
			map[string]string{}},
		{"surname of a dominant person", []KeyDocs{{"person:okafor", 2}, {"person:amara-okafor", 6}, {"person:kemi-okafor", 1}},
			map[string]string{"person:okafor": "person:amara-okafor"}},
		{"dominance counted after the middle names join", []KeyDocs{{"person:okafor", 2}, {"person:amara-okafor", 4},
			{"person:amara-j-okafor", 2}, {"person:kemi-okafor", 2}},
			map[string]string{"person:okafor": "person:amara-j-okafor", "person:amara-okafor": "person:amara-j-okafor"}},
		{"two equally prominent", []KeyDocs{{"person:okafor", 2}, {"person:amara-okafor", 6}, {"person:kemi-okafor", 5}},
			map[string]string{}},
		{"too few documents", []KeyDocs{{"person:okafor", 2}, {"person:amara-okafor", 4}},
			map[string]string{}},
		{"a given name alone", []KeyDocs{{"person:amara", 1}, {"person:amara-okafor", 7}},
			map[string]string{"person:amara-okafor": "person:amara"}},
		{"a sentence stuck to a name names no other surname", []KeyDocs{{"person:okafor", 2}, {"person:amara-okafor", 6},
			{"person:kemi-mensah", 7}, {"person:kemi-mensah-meets-okafor", 1}},
			map[string]string{"person:okafor": "person:amara-okafor", "person:kemi-mensah-meets-okafor": "person:kemi-mensah"}},
		{"not a person", []KeyDocs{{"org:okafor", 1}, {"person:amara-okafor", 7}},
			map[string]string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Plan(tt.keys)
			for _, k := range tt.keys {
				want := tt.want[k.Key]
				if want == "" {
					want = k.Key
				}
				if got[k.Key] != want {
					t.Errorf("%s in the group of %s, want %s", k.Key, got[k.Key], want)
				}
			}
		})
	}
}

// TestPlanOrderIndependent gives Plan the same keys in many orders: the
// groups must not change.
func TestPlanOrderIndependent(t *testing.T) {
	keys := []KeyDocs{{"person:okafor", 3}, {"person:amara-okafor", 8}, {"person:amara-j-okafor", 2},
		{"person:kemi-okafor", 1}, {"person:amara", 1}, {"person:lindqvist", 4}, {"person:bruno-lindqvist", 5},
		{"person:lena-lindqvist", 5}, {"person:bruno", 2}, {"person:senator-bruno-lindqvist", 1},
		{"person:brunolindqvist", 1}, {"org:lindqvist", 2}}
	want := Plan(keys)
	r := rand.New(rand.NewPCG(1, 2))
	for range 50 {
		ks := slices.Clone(keys)
		r.Shuffle(len(ks), func(i, j int) { ks[i], ks[j] = ks[j], ks[i] })
		got := Plan(ks)
		for k, g := range want {
			if got[k] != g {
				t.Fatalf("order %v: %s in %s, want %s", ks, k, got[k], g)
			}
		}
	}
	// the surname shared by two equally prominent people joins neither;
	// the given name joins Bruno Lindqvist with his other spellings
	if want["person:lindqvist"] != "person:lindqvist" || want["person:bruno"] != want["person:bruno-lindqvist"] ||
		want["person:senator-bruno-lindqvist"] != want["person:bruno-lindqvist"] || want["person:brunolindqvist"] != want["person:bruno-lindqvist"] {
		t.Errorf("groups: %v", want)
	}
}
