package merge

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
)

// KeyActor is an actor key as a store holds it: the actor it is joined to
// and the number of stored documents that name an entity by it.
type KeyActor struct {
	Key   string
	Actor int64
	Docs  int
}

// Move is the keys of one plan group that leave actor From. To is the
// actor that already holds keys of that group and of no other (the least
// id), or 0 when there is none: the store then makes one, and the other
// moves of the group go to it too.
type Move struct {
	Keys  []string // sorted
	From  int64
	Group string
	To    int64
}

// Moves decides which keys leave their actor so that no actor holds keys
// of two groups of plan (Plan of keys): an actor holding keys of several
// keeps the group whose keys it holds name the most documents (then the
// group of the most documents, then the least group), and the keys of
// each other group move out: the fewest documents are stored again, and
// the actor stays the one of the referent it was mostly about ("Clinton"
// leaves Bill Clinton's actor for Hillary Clinton's, not Bill Clinton's
// keys the actor). kept gives each actor that
// loses keys the least key it keeps, its new key when the key it was made
// by moves. The moves are in the order of their actors, then groups.
func Moves(keys []KeyActor, plan map[string]string) (moves []Move, kept map[int64]string) {
	type hold struct {
		a int64
		g string
	}
	groupDocs := map[string]int{}
	holdDocs := map[hold]int{}
	for _, k := range keys {
		groupDocs[plan[k.Key]] += k.Docs
		holdDocs[hold{k.Actor, plan[k.Key]}] += k.Docs
	}
	// the groups each actor holds keys of, and those keys
	held := map[int64]map[string][]string{}
	for _, k := range keys {
		g := plan[k.Key]
		if held[k.Actor] == nil {
			held[k.Actor] = map[string][]string{}
		}
		held[k.Actor][g] = append(held[k.Actor][g], k.Key)
	}
	alone := map[string]int64{} // group → the least actor holding its keys and no other's
	actors := slices.Sorted(maps.Keys(held))
	for _, a := range actors {
		if len(held[a]) == 1 {
			for g := range held[a] {
				if alone[g] == 0 {
					alone[g] = a
				}
			}
		}
	}
	kept = map[int64]string{}
	for _, a := range actors {
		gs := held[a]
		if len(gs) < 2 {
			continue
		}
		names := slices.Sorted(maps.Keys(gs))
		slices.SortStableFunc(names, func(x, y string) int {
			return cmp.Or(cmp.Compare(holdDocs[hold{a, y}], holdDocs[hold{a, x}]), cmp.Compare(groupDocs[y], groupDocs[x]))
		})
		kept[a] = slices.Min(gs[names[0]])
		for _, g := range names[1:] {
			ks := slices.Clone(gs[g])
			slices.Sort(ks)
			moves = append(moves, Move{Keys: ks, From: a, Group: g, To: alone[g]})
		}
	}
	return moves, kept
}

// Joins returns the actors holding keys of each group of plan that more
// than one actor holds keys of, each group's actors in id order, the
// groups in the order of their names.
func Joins(keys []KeyActor, plan map[string]string) [][]int64 {
	actorsOf := map[string][]int64{}
	for _, k := range keys {
		g := plan[k.Key]
		if !slices.Contains(actorsOf[g], k.Actor) {
			actorsOf[g] = append(actorsOf[g], k.Actor)
		}
	}
	var out [][]int64
	for _, g := range slices.Sorted(maps.Keys(actorsOf)) {
		if as := actorsOf[g]; len(as) > 1 {
			slices.Sort(as)
			out = append(out, as)
		}
	}
	return out
}

// Into chooses, for each group of actors, the one the others join: the
// one in most documents (docs), the least id among equals, so that a stray
// spelling never takes the name of the person it belongs to. It returns
// each other actor's target.
func Into(groups [][]int64, docs map[int64]int) map[int64]int64 {
	into := map[int64]int64{}
	for _, as := range groups {
		to := as[0]
		for _, a := range as[1:] {
			if docs[a] > docs[to] || docs[a] == docs[to] && a < to {
				to = a
			}
		}
		for _, a := range as {
			if a != to {
				into[a] = to
			}
		}
	}
	return into
}

// Reconciler is what Reconcile asks of a store, all within one of its
// transactions.
type Reconciler interface {
	// Keys returns every actor key that can join (not a description's),
	// with its actor and document count, in key order.
	Keys() ([]KeyActor, error)
	// MoveKeys moves each move's keys out of their actor, with what the
	// documents that name them derive; kept is as Moves returns it.
	MoveKeys(moves []Move, kept map[int64]string) error
	// ActorDocs returns the number of documents of each actor of ids.
	ActorDocs(ids []int64) (map[int64]int, error)
	// MergeActor moves everything of actor from to actor to and deletes from.
	MergeActor(from, to int64) error
}

// Reconcile decides the joins of a store again from its keys and their
// document counts alone (Plan): keys joined to an actor the plan puts them
// apart from move out (Moves), then the actors of each group merge into
// the one in most documents (Joins, Into), in id order. The store it
// leaves depends on the set of documents stored, not on their order. It
// returns the number of keys moved and actors merged.
func Reconcile(r Reconciler) (int, error) {
	keys, err := r.Keys()
	if err != nil {
		return 0, err
	}
	kd := make([]KeyDocs, len(keys))
	for i, k := range keys {
		kd[i] = KeyDocs{Key: k.Key, Docs: k.Docs}
	}
	plan := Plan(kd)
	moves, kept := Moves(keys, plan)
	moved := 0
	if len(moves) > 0 {
		if err := r.MoveKeys(moves, kept); err != nil {
			return 0, fmt.Errorf("move keys: %w", err)
		}
		for _, m := range moves {
			moved += len(m.Keys)
		}
		if keys, err = r.Keys(); err != nil {
			return 0, err
		}
	}
	groups := Joins(keys, plan)
	docs := map[int64]int{}
	if len(groups) > 0 {
		if docs, err = r.ActorDocs(slices.Concat(groups...)); err != nil {
			return 0, err
		}
	}
	into := Into(groups, docs)
	for _, a := range slices.Sorted(maps.Keys(into)) {
		if err := r.MergeActor(a, into[a]); err != nil {
			return 0, fmt.Errorf("merge actor %d into %d: %w", a, into[a], err)
		}
	}
	return len(into) + moved, nil
}
