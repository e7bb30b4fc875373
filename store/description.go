package store

import (
	"slices"

	"github.com/newsgraph/newsgraph"
)

// A description ("officials", "the company") is its document's own
// referent, joined to no other: both stores give it no actor row but an id
// of its own range, DescriptionBase + the document's rowid ×
// DescriptionsPerDoc + its number in the document, from 1. The id is
// unique without a row, far above any actor's, and names its document. A
// document's descriptions past the last number get actors.
const (
	DescriptionBase    int64 = 1 << 40
	DescriptionsPerDoc       = 1 << 16
)

// DescriptionID is the id of a document's n-th description.
func DescriptionID(doc, n int64) int64 { return DescriptionBase + doc*DescriptionsPerDoc + n }

// IsDescription tells a description's id from an actor's.
func IsDescription(id int64) bool { return id >= DescriptionBase }

// DescriptionDoc is the rowid of the document of a description's id.
func DescriptionDoc(id int64) int64 { return (id - DescriptionBase) / DescriptionsPerDoc }

// DescriptionSpellings are the names and roles that the record's entities
// eids (one description) are given, each once and sorted: the spellings of
// a description's dossier, which one document gives.
func DescriptionSpellings(rec *newsgraph.Record, eids []string) (names, roles []Spelling) {
	var ns, rs []string
	for _, e := range rec.Entities {
		if !slices.Contains(eids, e.ID) {
			continue
		}
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			if n != "" && !slices.Contains(ns, n) {
				ns = append(ns, n)
			}
		}
		for _, r := range e.Roles {
			if r != "" && !slices.Contains(rs, r) {
				rs = append(rs, r)
			}
		}
	}
	slices.Sort(ns)
	slices.Sort(rs)
	names, roles = []Spelling{}, []Spelling{}
	for _, n := range ns {
		names = append(names, Spelling{Text: n, Count: 1})
	}
	for _, r := range rs {
		roles = append(roles, Spelling{Text: r, Count: 1})
	}
	return names, roles
}
