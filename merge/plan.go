package merge

import (
	"cmp"
	"slices"
)

// KeyDocs is an actor key and the number of stored documents that name an
// entity by it.
type KeyDocs struct {
	Key  string
	Docs int
}

// Plan decides which actor keys name one global actor, from the keys and
// their document counts alone: it returns each key's group, named by the
// least key of the group. The same keys with the same counts always give
// the same groups, whatever order the documents were stored in, so a store
// that joined keys differently while documents arrived (a surname alone
// joined to whoever dominated it at that moment) can be brought to one
// answer. The rules, applied in this order:
//
//  1. a key of three words joins the key without its middle word
//     (FirstLast: donald-j-trump → donald-trump);
//  2. keys with the same Compact form join (hillary-clinton, hillaryclinton);
//  3. a key of three words or more joins the group of its Windows when they
//     all lie in one group (billionaire-donald-trump → donald-trump);
//  4. a person key of one word joins the group that dominates the groups
//     with a key of that surname or given name (Dominant), the groups'
//     documents counted after rules 1–3, the sum of their keys' counts; a
//     key joined by rule 3 names no surname or given name.
//
// Each rule reads the groups as the rules before it left them, and keys in
// sorted order within a rule, so no join depends on the order of input.
func Plan(keys []KeyDocs) map[string]string {
	ks := slices.Clone(keys)
	slices.SortFunc(ks, func(a, b KeyDocs) int { return cmp.Compare(a.Key, b.Key) })
	ks = slices.CompactFunc(ks, func(a, b KeyDocs) bool { return a.Key == b.Key })
	idx := make(map[string]int, len(ks))
	for i, k := range ks {
		idx[k.Key] = i
	}
	// union-find whose root is the least index (the least key) of a group
	parent := make([]int, len(ks))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	union := func(a, b int) {
		a, b = find(a), find(b)
		if a == b {
			return
		}
		if b < a {
			a, b = b, a
		}
		parent[b] = a
	}
	// 1: middle names
	for i, k := range ks {
		if fl := FirstLast(k.Key); fl != "" {
			if j, ok := idx[fl]; ok {
				union(i, j)
			}
		}
	}
	// 2: separators
	byCompact := make(map[string]int, len(ks))
	for i, k := range ks {
		c := Compact(k.Key)
		if j, ok := byCompact[c]; ok {
			union(i, j)
		} else {
			byCompact[c] = i
		}
	}
	// 3: words stuck to a name; such a key's first and last words are not
	// a given name and surname of its group ("hillary-clinton-says-trump"
	// names no Trump), so rule 4 does not read them
	stuck := make([]bool, len(ks))
	for i, k := range ks {
		one := -1
		for _, w := range Windows(k.Key) {
			j, ok := idx[w]
			if !ok {
				continue
			}
			if r := find(j); one >= 0 && r != one {
				one = -2 // two people named in one run of words: neither
				break
			} else {
				one = r
			}
		}
		if one >= 0 {
			union(i, one)
			stuck[i] = true
		}
	}
	// 4: a name alone, against the groups as rules 1–3 left them
	docs := make([]int, len(ks))
	for i, k := range ks {
		docs[find(i)] += k.Docs
	}
	named := map[string][]int{} // surname or given name → roots of the groups with a key of it
	for i, k := range ks {
		if stuck[i] {
			continue
		}
		r := find(i)
		for _, w := range []string{Surname(k.Key), Given(k.Key)} {
			if w != "" && !slices.Contains(named[w], r) {
				named[w] = append(named[w], r)
			}
		}
	}
	type pair struct{ a, b int }
	var joins []pair
	for i, k := range ks {
		w := SurnameOnly(k.Key)
		if w == "" || len(named[w]) == 0 {
			continue
		}
		best, first, second := -1, 0, 0
		for _, r := range named[w] {
			switch n := docs[r]; {
			case n > first || n == first && (best < 0 || r < best):
				second, first, best = first, n, r
			case n > second:
				second = n
			}
		}
		if best >= 0 && Dominant(first, second) {
			joins = append(joins, pair{i, best})
		}
	}
	for _, j := range joins {
		union(j.a, j.b)
	}
	out := make(map[string]string, len(ks))
	for i, k := range ks {
		out[k.Key] = ks[find(i)].Key
	}
	return out
}
