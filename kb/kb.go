package kb

import (
	"embed"
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode"

	"github.com/newsgraph/newsgraph"
)

//go:embed data/*.tsv
var dataFS embed.FS

// Entry is one thing the knowledge base knows by name: a country, territory,
// capital, seat of government, nationality, organisation or group.
type Entry struct {
	Key       string               // "country:UA", "city:kyiv", "seat:kremlin", "org:nato", "norp:UA"
	Name      string               // canonical: "Ukraine", "Kyiv", "the Kremlin", "NATO"
	Type      newsgraph.EntityType // GPE, LOC, FAC, ORG, NORP
	StandsFor string               // for capitals, seats of government and demonyms: the country's key; else ""
	Source    string               // where the fact comes from
	Parent    string               // for territories, regions and cities: the key of the state they belong to; else ""
}

// Title is an office or role that is written before a person's name or
// stands for the person ("President", "the foreign minister", "Gen.").
type Title struct {
	Name   string // canonical lowercase form: "prime minister", "defence minister"
	Leader bool   // the title of a state's leader (head of state or of government)
	Abbrev string // the usual abbreviation ("Gen.", "Sen."), or ""
}

// MaxTitleWords is the number of words of the longest title ("minister for
// foreign affairs", "chairman of the joint chiefs of staff"): a caller that looks for titles tries spans of at most
// this many words with LookupTitle.
const MaxTitleWords = 7

// alias flags say how a written form may be matched.
const (
	aliasExactOnly = '=' // prefix in the data: matched only as written ("Time", "Sun")
)

// index is the parsed knowledge base. It is built once and never changed, so
// it is safe to share between goroutines.
type index struct {
	entries []Entry
	byKey   map[string]int32
	// exact maps each written form (and "The X"/"X" for "the X") to its entry.
	exact map[string]int32
	// folded maps the lookup key (fold, without a leading "the ") of every
	// alias that may match regardless of case.
	folded map[string]int32
	// acronyms maps the lookup key of all-capital aliases ("US", "WHO",
	// "NATO"), which match other case forms only when the input looks like an
	// acronym written in capitals or as a word ("Nato"), never "us" or "who".
	acronyms map[string]int32
	// conflicts lists the aliases that more than one entry claims, and which
	// entry won, for the tests and for people who edit the data.
	conflicts []Conflict

	titles map[string]int32 // folded title or abbreviation → titleList index
	// titleAcronyms holds the titles written in capitals ("PM", "CEO"),
	// matched only as written.
	titleAcronyms map[string]int32
	titleList     []Title
	titleWords    map[string]struct{}

	firstNames map[string]byte // folded given name → gender 'M', 'F' or '?'
}

// Conflict is an alias claimed by more than one entry. Winner is the key that
// the lookups return; Deliberate says that data/ambiguous.tsv chose it.
type Conflict struct {
	Alias      string
	Keys       []string
	Winner     string
	Deliberate bool
}

var loadIndex = sync.OnceValue(func() *index {
	ix, err := build(dataFS)
	if err != nil {
		// The data is embedded and checked by the tests: an error here is a
		// bug in the shipped files, not a condition a caller could handle.
		panic("kb: " + err.Error())
	}
	return ix
})

// Lookup finds the entry that a name or alias denotes: first exactly as
// written, then folded (case, diacritics, typographic apostrophes, a leading
// "the ", a trailing possessive "'s" or "'"). All-capital aliases such as
// "US" or "WHO" match a folded form only when the input is capitalised and
// either all capitals or at least four letters ("Nato", not "us" or "Who").
func Lookup(name string) (Entry, bool) {
	ix := loadIndex()
	if i, ok := ix.exact[name]; ok {
		return ix.entries[i], true
	}
	if e, ok := ix.lookupFold(name); ok {
		return e, true
	}
	// an abbreviation written without its last dot ("U.S government")
	if n := len(name); n >= 3 && n <= 8 && name[n-2] == '.' && name[n-1] != '.' {
		var buf [9]byte
		b := append(append(buf[:0], name...), '.')
		if i, ok := ix.exact[string(b)]; ok {
			return ix.entries[i], true
		}
	}
	return Entry{}, false
}

// LookupFold is Lookup without the exact step: only folded forms match.
func LookupFold(name string) (Entry, bool) {
	return loadIndex().lookupFold(name)
}

// Country returns the entry of a country or territory key ("country:UA").
func Country(key string) (Entry, bool) {
	if !strings.HasPrefix(key, "country:") && !strings.HasPrefix(key, "region:") {
		return Entry{}, false
	}
	return Get(key)
}

// HasDemonym reports whether the place with the given key has a people of
// its own named by a demonym ("English" for England, "Ukrainian" for
// Ukraine): a country, or a region that fields national teams.
func HasDemonym(key string) bool {
	return demonymOf()[key]
}

var demonymOf = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, e := range loadIndex().entries {
		if e.Type == newsgraph.NORP && e.StandsFor != "" {
			m[e.StandsFor] = true
		}
	}
	return m
})

// Get returns the entry with the given key, of any kind.
func Get(key string) (Entry, bool) {
	ix := loadIndex()
	if i, ok := ix.byKey[key]; ok {
		return ix.entries[i], true
	}
	return Entry{}, false
}

// Entries returns a copy of every entry, ordered by key.
func Entries() []Entry {
	ix := loadIndex()
	out := append([]Entry(nil), ix.entries...)
	sort.Slice(out, func(a, b int) bool { return out[a].Key < out[b].Key })
	return out
}

// Conflicts returns the aliases that more than one entry claims.
func Conflicts() []Conflict {
	return append([]Conflict(nil), loadIndex().conflicts...)
}

// LookupTitle finds an office title or its abbreviation, in any case:
// "prime minister", "Prime Minister", "Gen.", "defense minister". words is
// the title as written, words separated by spaces.
func LookupTitle(words string) (Title, bool) {
	ix := loadIndex()
	if i, ok := ix.titleAcronyms[words]; ok {
		return ix.titleList[i], true
	}
	var buf [foldBufSize]byte
	k := appendFold(buf[:0], words)
	if i, ok := ix.titles[string(k)]; ok {
		return ix.titleList[i], true
	}
	return Title{}, false
}

// IsTitleWord reports whether w, one word in any case, can start or belong
// to a title ("president", "Minister", "Gen."). The connectors inside titles
// ("of", "for", "the") are not title words: callers find "secretary of state"
// by trying LookupTitle on spans that start with a title word.
func IsTitleWord(w string) bool {
	ix := loadIndex()
	if _, ok := ix.titleAcronyms[w]; ok {
		return true
	}
	var buf [foldBufSize]byte
	k := appendFold(buf[:0], w)
	_, ok := ix.titleWords[string(k)]
	return ok
}

// IsFirstName reports whether w is a known given name. w must start with a
// capital letter ("Olga", "JD" and "OLGA" are names; "olga" and "will" are not),
// because in running text a lowercase word is not a name.
func IsFirstName(w string) bool {
	_, ok := FirstNameGender(w)
	return ok
}

// FirstNameGender returns 'M' or 'F' for a given name that is clearly used
// for men or for women, '?' for a known name of either or unknown gender, and
// false when w is not a known given name (see IsFirstName).
func FirstNameGender(w string) (byte, bool) {
	if w == "" || !startsUpper(w) {
		return 0, false
	}
	ix := loadIndex()
	var buf [foldBufSize]byte
	k := appendFold(buf[:0], w)
	g, ok := ix.firstNames[string(k)]
	return g, ok
}

func startsUpper(w string) bool {
	c := w[0]
	if c < 0x80 {
		return c >= 'A' && c <= 'Z'
	}
	for _, r := range w {
		return isUpperRune(r)
	}
	return false
}

// lookupFold is the folded step of Lookup.
func (ix *index) lookupFold(name string) (Entry, bool) {
	var buf [foldBufSize]byte
	k := lookupKey(buf[:0], name)
	for attempt := 0; attempt < 2; attempt++ {
		if i, ok := ix.folded[string(k)]; ok {
			return ix.entries[i], true
		}
		if i, ok := ix.acronyms[string(k)]; ok && looksLikeAcronym(name) {
			return ix.entries[i], true
		}
		// A possessive: "Kyiv's", "Americans'", "Russia’s".
		switch {
		case len(k) > 2 && k[len(k)-2] == '\'' && k[len(k)-1] == 's':
			k = k[:len(k)-2]
		case len(k) > 1 && k[len(k)-1] == '\'':
			k = k[:len(k)-1]
		default:
			return Entry{}, false
		}
	}
	return Entry{}, false
}

// lookupKey appends the folded form of name without a leading "the ".
func lookupKey(dst []byte, name string) []byte {
	k := appendFold(dst, name)
	if len(k) > 4 && string(k[:4]) == "the " {
		k = k[4:]
	}
	return k
}

// looksLikeAcronym reports whether a written name may stand for an
// all-capital alias: its first letter is a capital, and either it has no
// lowercase letter or it has at least four letters ("NATO", "Nato", "U.S.",
// but not "Us", "Who" or "us"). A leading "the " and a trailing "'s" are
// ignored.
func looksLikeAcronym(name string) bool {
	if len(name) > 4 && (name[:4] == "the " || name[:4] == "The ") {
		name = name[4:]
	}
	name = strings.TrimSuffix(name, "'s")
	name = strings.TrimSuffix(name, "\u2019s")
	letters, lower := 0, 0
	first := true
	for _, r := range name {
		isUpper, isLower := isUpperRune(r), isLowerRune(r)
		if !isUpper && !isLower {
			continue
		}
		if first && !isUpper {
			return false
		}
		first = false
		letters++
		if isLower {
			lower++
		}
	}
	return letters > 0 && (lower == 0 || letters >= 4)
}

func isUpperRune(r rune) bool {
	if r < 0x80 {
		return r >= 'A' && r <= 'Z'
	}
	return unicode.IsUpper(r)
}

func isLowerRune(r rune) bool {
	if r < 0x80 {
		return r >= 'a' && r <= 'z'
	}
	return unicode.IsLower(r)
}

// String formats an entry for test failures and debugging.
func (e Entry) String() string {
	s := fmt.Sprintf("%s %q %s", e.Key, e.Name, e.Type)
	if e.StandsFor != "" {
		s += " for " + e.StandsFor
	}
	if e.Parent != "" {
		s += " in " + e.Parent
	}
	return s
}
