package merge

import (
	"fmt"
	"maps"
	"testing"
)

func TestMoves(t *testing.T) {
	tests := []struct {
		name  string
		keys  []KeyActor
		moves string // each move as from:keys→to
		kept  map[int64]string
	}{
		{"a surname joined to who dominated it then",
			[]KeyActor{{"person:clinton", 1, 3}, {"person:bill-clinton", 1, 4}, {"person:hillary-clinton", 2, 12}},
			"[{[person:clinton] 1 person:clinton 2}]", map[int64]string{1: "person:bill-clinton"}},
		{"a new actor when none holds the group alone",
			[]KeyActor{{"person:bill-clinton", 1, 9}, {"person:hillary-clinton", 1, 2}},
			"[{[person:hillary-clinton] 1 person:hillary-clinton 0}]", map[int64]string{1: "person:bill-clinton"}},
		{"keys go to the actor that holds their group alone",
			[]KeyActor{{"person:clinton", 3, 3}, {"person:bill-clinton", 3, 4}, {"person:hillary-clinton", 2, 12}, {"person:hillary-r-clinton", 1, 1}},
			"[{[person:clinton] 3 person:clinton 1}]", map[int64]string{3: "person:bill-clinton"}},
		{"the group the actor holds most documents of stays",
			[]KeyActor{{"person:clinton", 1, 5}, {"person:bill-clinton", 1, 4}, {"person:hillary-clinton", 2, 12}},
			"[{[person:bill-clinton] 1 person:bill-clinton 0}]", map[int64]string{1: "person:clinton"}},
		{"nothing to move", []KeyActor{{"person:amara-okafor", 1, 3}, {"person:amara-j-okafor", 1, 1}}, "[]", map[int64]string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			kd := make([]KeyDocs, len(tt.keys))
			for i, k := range tt.keys {
				kd[i] = KeyDocs{k.Key, k.Docs}
			}
			plan := Plan(kd)
			moves, kept := Moves(tt.keys, plan)
			if got := fmt.Sprint(moves); got != tt.moves && !(len(moves) == 0 && tt.moves == "[]") {
				t.Errorf("moves = %s, want %s (plan %v)", got, tt.moves, plan)
			}
			if !maps.Equal(kept, tt.kept) {
				t.Errorf("kept = %v, want %v", kept, tt.kept)
			}
		})
	}
}

func TestMovesTo(t *testing.T) {
	// Hillary Clinton's keys on actor 1 with Bill's, and on actor 2 alone
	keys := []KeyActor{{"person:bill-clinton", 1, 9}, {"person:hillary-clinton", 1, 2}, {"person:hillaryclinton", 2, 1}}
	kd := make([]KeyDocs, len(keys))
	for i, k := range keys {
		kd[i] = KeyDocs{k.Key, k.Docs}
	}
	moves, _ := Moves(keys, Plan(kd))
	if len(moves) != 1 || moves[0].To != 2 || moves[0].From != 1 {
		t.Errorf("moves = %+v, want person:hillary-clinton from 1 to 2", moves)
	}
}

func TestInto(t *testing.T) {
	tests := []struct {
		name   string
		groups [][]int64
		docs   map[int64]int
		want   map[int64]int64
	}{
		{"most documents", [][]int64{{1, 2, 3}}, map[int64]int{1: 1, 2: 6, 3: 2}, map[int64]int64{1: 2, 3: 2}},
		{"the least id among equals", [][]int64{{4, 7}}, map[int64]int{4: 2, 7: 2}, map[int64]int64{7: 4}},
		{"groups apart", [][]int64{{1, 2}, {3, 4}}, map[int64]int{1: 1, 2: 2, 3: 5, 4: 1}, map[int64]int64{1: 2, 4: 3}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Into(tt.groups, tt.docs); !maps.Equal(got, tt.want) {
				t.Errorf("Into = %v, want %v", got, tt.want)
			}
		})
	}
}
