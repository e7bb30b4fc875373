package merge

import (
	"fmt"
	"maps"
	"slices"
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

// fakeStore is a Reconciler over keys in memory: a move gives its keys to
// its target (a new actor 100+ when it has none), a merge gives from's keys
// to to.
type fakeStore struct {
	keys   []KeyActor
	docs   map[int64]int
	merged []string
}

func (f *fakeStore) Keys() ([]KeyActor, error) { return f.keys, nil }

func (f *fakeStore) MoveKeys(moves []Move, kept map[int64]string) error {
	for i, m := range moves {
		to := m.To
		if to == 0 {
			to = int64(100 + i)
		}
		for j := range f.keys {
			if f.keys[j].Actor == m.From && slices.Contains(m.Keys, f.keys[j].Key) {
				f.keys[j].Actor = to
				f.docs[to] += f.keys[j].Docs
			}
		}
	}
	return nil
}

func (f *fakeStore) ActorDocs(ids []int64) (map[int64]int, error) { return f.docs, nil }

func (f *fakeStore) MergeActor(from, to int64) error {
	f.merged = append(f.merged, fmt.Sprintf("%d→%d", from, to))
	for j := range f.keys {
		if f.keys[j].Actor == from {
			f.keys[j].Actor = to
		}
	}
	return nil
}

// Reconcile moves a surname out of the actor it joined while another
// person dominated it, then merges it with the person it names now.
func TestReconcile(t *testing.T) {
	f := &fakeStore{
		keys: []KeyActor{{"person:bill-clinton", 1, 4}, {"person:clinton", 1, 3}, {"person:hillary-clinton", 2, 12},
			{"person:hillary-r-clinton", 3, 1}},
		docs: map[int64]int{1: 7, 2: 12, 3: 1},
	}
	n, err := Reconcile(f)
	if err != nil {
		t.Fatal(err)
	}
	// clinton moves to actor 2 (Hillary's, the one holding her group alone);
	// then actor 3 (hillary-r-clinton) merges into 2
	if n != 2 || fmt.Sprint(f.merged) != "[3→2]" {
		t.Errorf("Reconcile = %d, merges %v; want 2, [3→2]", n, f.merged)
	}
	for _, k := range f.keys {
		if want := map[bool]int64{true: 1, false: 2}[k.Key == "person:bill-clinton"]; k.Actor != want {
			t.Errorf("%s is with actor %d, want %d", k.Key, k.Actor, want)
		}
	}
}
