// Package kb is the knowledge base embedded in the binary: countries and
// territories with their capitals, seats of government and nationality words,
// other cities, organisations and groups, office titles, and given names. The
// mention and entity stages use it to type names ("Nato" is an ORG), to map
// metonyms to the state they stand for ("the Kremlin", "Kiev" and
// "Ukrainian" stand for country:RU and country:UA), and to tell titles and
// given names from other capitalised words.
//
// The facts live in data/*.tsv (countries, cities, places, orgs, titles,
// ambiguous, firstnames), UTF-8 tab-separated files that people edit;
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
// []byte converted to string for a map index; TestLookupsDoNotAllocate holds
// this). Figures on the 2-core project machine while other builds ran (load
// average 12), so upper bounds (go test -run X -bench . ./kb/):
//
//	BenchmarkLookup           70–135 ns/op  0 allocs/op  (news words, mostly misses)
//	BenchmarkLookupFoldedHit 115–140 ns/op  0 allocs/op  ("KYIV’S": fold, possessive)
//	BenchmarkIsTitleWord      55–60 ns/op   0 allocs/op
//	BenchmarkIsFirstName      47–94 ns/op   0 allocs/op
//	BenchmarkParse            14 ms/op, once per process
//
// At one lookup per token of about 6 bytes, 100 ns is 60 MB/s, far above
// the pipeline's 2 MB/s budget.
package kb
