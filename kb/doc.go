// Package kb is the knowledge base embedded in the binary: countries and
// territories with their capitals, seats of government and nationality words,
// other cities, organisations and groups, office titles, and given names. The
// mention and entity stages use it to type names ("Nato" is an ORG), to map
// metonyms to the state they stand for ("the Kremlin", "Kiev" and
// "Ukrainian" stand for country:RU and country:UA), and to tell titles and
// given names from other capitalised words.
//
// The facts live in data/*.tsv, UTF-8 tab-separated files that people edit;
// each names its sources in "# source:" comment lines, and every Entry carries
// the source of its row. data/firstnames.tsv is derived from annotated corpora
// by kb/internal/build (go run ./kb/internal/build) and is not edited by hand.
//
// # Invariants
//
//   - Every key is unique; every StandsFor and Parent key names an entry.
//   - An alias claimed by two entries resolves to the one data/ambiguous.tsv
//     names; the tests fail on any other shared alias (see Conflicts).
//   - Lookups never match an all-capital alias ("US", "WHO") against an
//     ordinary word ("us", "who"), nor an alias marked exact-only in the data
//     ("=Time", "=Turkey") against anything but its exact spelling.
//   - Fold is idempotent, and every lookup compares folded forms only with
//     folded forms.
//
// # Concurrency
//
// The data is parsed once, on first use (sync.OnceValue), into maps that are
// never written again. Every function is safe to call from many goroutines.
//
// # Performance
//
// The lookups run once per token or candidate span. Each is one or two map
// hits: the exact spelling first, then the folded form, which is built into
// a stack buffer so that a lookup does not allocate (Go does not copy a
// []byte converted to string for a map index). Figures on one core of the
// project machine (go test -bench . ./kb/):
//
//	BenchmarkLookup          ~60 ns/op   0 allocs/op  (mixed hits and misses)
//	BenchmarkIsTitleWord     ~20 ns/op   0 allocs/op
//	BenchmarkIsFirstName     ~20 ns/op   0 allocs/op
//
// Parsing the embedded data takes a few milliseconds, once.
package kb
