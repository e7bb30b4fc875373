package kb

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"github.com/newsgraph/newsgraph"
)

// The data files and their columns. Every file is UTF-8 TSV; lines starting
// with "#" are comments, and a comment "# source: …" names the source of the
// rows that follow it (until the next such line). In alias lists "|"
// separates spellings and ";" separates different things (two capitals, two
// seats of government); the first spelling is the canonical name. A spelling
// written "=Time" matches only exactly as written.
const (
	countriesFile  = "data/countries.tsv"  // key type name aliases capitals seats demonyms parent
	citiesFile     = "data/cities.tsv"     // key name aliases country
	placesFile     = "data/places.tsv"     // key type name aliases parent
	orgsFile       = "data/orgs.tsv"       // key type name aliases country
	titlesFile     = "data/titles.tsv"     // names abbrevs leader
	ambiguousFile  = "data/ambiguous.tsv"  // alias winner note
	firstNamesFile = "data/firstnames.tsv" // name gender
)

// titleConnectors are the small words inside titles that are not title words
// on their own (see IsTitleWord).
var titleConnectors = map[string]bool{"of": true, "for": true, "the": true, "and": true, "on": true, "to": true, "in": true, "at": true, "de": true, "general": false}

// builder collects entries and aliases while the files are read.
type builder struct {
	ix *index
	// winners maps a folded alias to the key data/ambiguous.tsv gives it.
	winners map[string]string
	// claims maps a folded alias to every entry that claims it, for Conflicts.
	claims map[string][]int32
	// spellings maps a folded alias to one spelling of it, for Conflicts.
	spellings map[string]string
	// exactOnly maps each spelling marked "=" to the entries that claim it.
	exactOnly map[string][]int32
	// own maps an entry to the folded forms of its own names, so that a
	// capital spelled like its country ("Singapore") is not a second claim.
	own map[int32]map[string]bool
}

type row struct {
	line   int
	source string
	cols   []string
}

// readRows reads a TSV file of the knowledge base, with the source in force
// for each row.
func readRows(fsys fs.FS, name string, minCols int) ([]row, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var rows []row
	source := ""
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" {
			continue
		}
		if strings.HasPrefix(line, "#") {
			c := strings.TrimSpace(strings.TrimPrefix(line, "#"))
			if s, ok := strings.CutPrefix(c, "source:"); ok {
				source = strings.TrimSpace(s)
			}
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) < minCols {
			return nil, fmt.Errorf("%s:%d: %d columns, want at least %d", name, n, len(cols), minCols)
		}
		for i := range cols {
			cols[i] = strings.TrimSpace(cols[i])
		}
		if source == "" {
			return nil, fmt.Errorf("%s:%d: no \"# source:\" line before the first row", name, n)
		}
		rows = append(rows, row{line: n, source: source, cols: cols})
	}
	return rows, sc.Err()
}

func col(r row, i int) string {
	if i < len(r.cols) {
		return r.cols[i]
	}
	return ""
}

// splitList splits "a|b|c" into its non-empty parts.
func splitList(s, sep string) []string {
	if s == "" || s == "-" {
		return nil
	}
	var out []string
	for _, p := range strings.Split(s, sep) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// slug turns a canonical name into the part of a key after the colon:
// "the White House" → "white-house".
func slug(name string) string {
	k := Fold(strings.TrimPrefix(strings.TrimPrefix(name, "the "), "The "))
	var b strings.Builder
	dash := false
	for _, r := range k {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		case r == '\'' || r == '.':
		default:
			dash = true
		}
	}
	return b.String()
}

func build(fsys fs.FS) (*index, error) {
	b := &builder{
		ix: &index{
			byKey:         map[string]int32{},
			exact:         map[string]int32{},
			folded:        map[string]int32{},
			acronyms:      map[string]int32{},
			titles:        map[string]int32{},
			titleAcronyms: map[string]int32{},
			titleWords:    map[string]struct{}{},
			firstNames:    map[string]byte{},
		},
		winners:   map[string]string{},
		claims:    map[string][]int32{},
		spellings: map[string]string{},
		own:       map[int32]map[string]bool{},
		exactOnly: map[string][]int32{},
	}
	amb, err := readRows(fsys, ambiguousFile, 2)
	if err != nil {
		return nil, err
	}
	for _, r := range amb {
		k := aliasKey(r.cols[0])
		if strings.HasPrefix(r.cols[0], string(aliasExactOnly)) {
			k = r.cols[0]
		}
		b.winners[k] = r.cols[1]
	}
	steps := []func(fs.FS) error{b.countries, b.cities, b.places, b.orgs, b.titles, b.firstNames}
	for _, step := range steps {
		if err := step(fsys); err != nil {
			return nil, err
		}
	}
	if err := b.resolve(); err != nil {
		return nil, err
	}
	return b.ix, nil
}

func aliasKey(alias string) string {
	return string(lookupKey(nil, strings.TrimPrefix(alias, string(aliasExactOnly))))
}

// add creates an entry and registers its names.
func (b *builder) add(e Entry, names []string) (int32, error) {
	if _, dup := b.ix.byKey[e.Key]; dup {
		return 0, fmt.Errorf("duplicate key %s", e.Key)
	}
	switch e.Type {
	case newsgraph.GPE, newsgraph.Loc, newsgraph.Fac, newsgraph.Org, newsgraph.NORP:
	default:
		return 0, fmt.Errorf("%s: type %q is not GPE, LOC, FAC, ORG or NORP", e.Key, e.Type)
	}
	i := int32(len(b.ix.entries))
	b.ix.entries = append(b.ix.entries, e)
	b.ix.byKey[e.Key] = i
	b.own[i] = map[string]bool{}
	for _, n := range names {
		b.alias(i, n)
	}
	return i, nil
}

// alias registers one spelling of entry i.
func (b *builder) alias(i int32, spelling string) {
	exactOnly := strings.HasPrefix(spelling, string(aliasExactOnly))
	spelling = strings.TrimPrefix(spelling, string(aliasExactOnly))
	k := aliasKey(spelling)
	if exactOnly {
		// Matched only as written: it competes with no folded form.
		k = string(aliasExactOnly) + spelling
	}
	b.own[i][k] = true
	b.claim(k, spelling, i)
	if exactOnly {
		// Kept apart: an exact-only spelling ("=The Atlantic") wins over the
		// same letters derived from another alias ("the Atlantic" gives
		// "The Atlantic" too), in resolve.
		b.exactOnly[spelling] = append(b.exactOnly[spelling], i)
		return
	}
	forms := []string{spelling}
	if rest, ok := strings.CutPrefix(spelling, "the "); ok {
		forms = append(forms, "The "+rest, rest)
	}
	for _, f := range forms {
		if _, ok := b.ix.exact[f]; !ok {
			b.ix.exact[f] = i
		} else if b.ix.exact[f] != i {
			b.ix.exact[f] = -1 // resolved with the folded claims
		}
	}
	m := b.ix.folded
	if isAcronymAlias(spelling) {
		m = b.ix.acronyms
	}
	if _, ok := m[k]; !ok {
		m[k] = i
	} else if m[k] != i {
		m[k] = -1
	}
}

func (b *builder) claim(k, spelling string, i int32) {
	for _, j := range b.claims[k] {
		if j == i {
			return
		}
	}
	b.claims[k] = append(b.claims[k], i)
	if _, ok := b.spellings[k]; !ok {
		b.spellings[k] = spelling
	}
}

// isAcronymAlias reports whether an alias is written in capitals only
// ("US", "U.S.", "NATO", "G7"), so that its folded form must not match
// ordinary words ("us", "who").
func isAcronymAlias(s string) bool {
	letters := 0
	for _, r := range s {
		if isLowerRune(r) {
			return false
		}
		if isUpperRune(r) {
			letters++
		}
	}
	return letters > 0
}

// resolve settles aliases claimed by several entries: data/ambiguous.tsv
// names the winner, otherwise the first entry read wins and the conflict is
// reported by Conflicts (the tests fail on such undeclared conflicts).
func (b *builder) resolve() error {
	winnerOf := map[string]int32{}
	for k, idxs := range b.claims {
		if len(idxs) < 2 {
			continue
		}
		c := Conflict{Alias: b.spellings[k]}
		for _, i := range idxs {
			c.Keys = append(c.Keys, b.ix.entries[i].Key)
		}
		win := idxs[0]
		if wk, ok := b.winners[k]; ok {
			wi, ok := b.ix.byKey[wk]
			if !ok {
				return fmt.Errorf("%s: winner %s of %q is not a key", ambiguousFile, wk, c.Alias)
			}
			win, c.Deliberate = wi, true
		}
		c.Winner = b.ix.entries[win].Key
		winnerOf[k] = win
		b.ix.conflicts = append(b.ix.conflicts, c)
	}
	for _, m := range []map[string]int32{b.ix.folded, b.ix.acronyms} {
		for k, i := range m {
			if w, ok := winnerOf[k]; ok {
				m[k] = w
			} else if i < 0 {
				return fmt.Errorf("alias %q unresolved", k)
			}
		}
	}
	for f, idxs := range b.exactOnly {
		w := idxs[0]
		if win, ok := winnerOf[string(aliasExactOnly)+f]; ok {
			w = win
		}
		b.ix.exact[f] = w
	}
	for f, i := range b.ix.exact {
		if _, ok := b.exactOnly[f]; ok {
			continue
		}
		k := aliasKey(f)
		if w, ok := winnerOf[k]; ok {
			// The winner must itself claim this spelling, else keep the
			// entry that does (an exact spelling is more specific).
			if i < 0 || b.own[w][k] {
				b.ix.exact[f] = w
			}
		} else if i < 0 {
			return fmt.Errorf("spelling %q unresolved", f)
		}
	}
	sortConflicts(b.ix.conflicts)
	return nil
}

func sortConflicts(cs []Conflict) {
	for i := 1; i < len(cs); i++ {
		for j := i; j > 0 && cs[j].Alias < cs[j-1].Alias; j-- {
			cs[j], cs[j-1] = cs[j-1], cs[j]
		}
	}
}

// countries reads countries, territories, their capitals, seats of
// government and nationality words.
func (b *builder) countries(fsys fs.FS) error {
	rows, err := readRows(fsys, countriesFile, 3)
	if err != nil {
		return err
	}
	for _, r := range rows {
		key, typ, name := r.cols[0], newsgraph.EntityType(r.cols[1]), r.cols[2]
		parent := col(r, 7)
		names := append([]string{name}, splitList(col(r, 3), "|")...)
		name = strings.TrimPrefix(name, string(aliasExactOnly))
		ci, err := b.add(Entry{Key: key, Name: name, Type: typ, Source: r.source, Parent: parent}, names)
		if err != nil {
			return fmt.Errorf("%s:%d: %w", countriesFile, r.line, err)
		}
		for _, capital := range splitList(col(r, 4), ";") {
			spellings := b.notOwn(ci, splitList(capital, "|"))
			if len(spellings) == 0 {
				continue
			}
			canon := strings.TrimPrefix(splitList(capital, "|")[0], string(aliasExactOnly))
			e := Entry{Key: "city:" + slug(canon), Name: canon, Type: newsgraph.GPE, StandsFor: key, Source: r.source, Parent: key}
			if _, err := b.add(e, spellings); err != nil {
				return fmt.Errorf("%s:%d: %w", countriesFile, r.line, err)
			}
		}
		for _, seat := range splitList(col(r, 5), ";") {
			spellings := splitList(seat, "|")
			canon := strings.TrimPrefix(spellings[0], string(aliasExactOnly))
			e := Entry{Key: "seat:" + slug(canon), Name: canon, Type: newsgraph.Fac, StandsFor: key, Source: r.source, Parent: key}
			if _, err := b.add(e, spellings); err != nil {
				return fmt.Errorf("%s:%d: %w", countriesFile, r.line, err)
			}
		}
		if dem := splitList(col(r, 6), "|"); len(dem) > 0 {
			e := Entry{Key: "norp:" + strings.TrimPrefix(strings.TrimPrefix(key, "country:"), "region:"), Name: strings.TrimPrefix(dem[0], "="), Type: newsgraph.NORP, StandsFor: key, Source: r.source}
			if _, err := b.add(e, dem); err != nil {
				return fmt.Errorf("%s:%d: %w", countriesFile, r.line, err)
			}
		}
	}
	return nil
}

// notOwn drops the spellings that entry i already has, so that a capital
// named like its country ("Singapore", "Kuwait") is found as the country.
func (b *builder) notOwn(i int32, spellings []string) []string {
	var out []string
	for _, s := range spellings {
		if !b.own[i][aliasKey(s)] {
			out = append(out, s)
		}
	}
	return out
}

// cities reads cities other than capitals that the news names often.
func (b *builder) cities(fsys fs.FS) error {
	rows, err := readRows(fsys, citiesFile, 4)
	if err != nil {
		return err
	}
	for _, r := range rows {
		key, name, country := r.cols[0], r.cols[1], r.cols[3]
		names := append([]string{name}, splitList(r.cols[2], "|")...)
		name = strings.TrimPrefix(name, string(aliasExactOnly))
		if _, err := b.add(Entry{Key: key, Name: name, Type: newsgraph.GPE, Source: r.source, Parent: country}, names); err != nil {
			return fmt.Errorf("%s:%d: %w", citiesFile, r.line, err)
		}
	}
	return nil
}

// places reads continents, world regions, seas, rivers and landmarks.
func (b *builder) places(fsys fs.FS) error {
	rows, err := readRows(fsys, placesFile, 3)
	if err != nil {
		return err
	}
	for _, r := range rows {
		key, typ, name := r.cols[0], newsgraph.EntityType(r.cols[1]), r.cols[2]
		names := append([]string{name}, splitList(col(r, 3), "|")...)
		e := Entry{Key: key, Name: strings.TrimPrefix(name, string(aliasExactOnly)), Type: typ, Source: r.source, Parent: col(r, 4)}
		if _, err := b.add(e, names); err != nil {
			return fmt.Errorf("%s:%d: %w", placesFile, r.line, err)
		}
	}
	return nil
}

// orgs reads organisations and groups.
func (b *builder) orgs(fsys fs.FS) error {
	rows, err := readRows(fsys, orgsFile, 3)
	if err != nil {
		return err
	}
	for _, r := range rows {
		key, typ, name := r.cols[0], newsgraph.EntityType(r.cols[1]), r.cols[2]
		names := append([]string{name}, splitList(col(r, 3), "|")...)
		e := Entry{Key: key, Name: strings.TrimPrefix(name, "="), Type: typ, Source: r.source, Parent: col(r, 4)}
		if _, err := b.add(e, names); err != nil {
			return fmt.Errorf("%s:%d: %w", orgsFile, r.line, err)
		}
	}
	return nil
}

// titles reads office titles and their abbreviations.
func (b *builder) titles(fsys fs.FS) error {
	rows, err := readRows(fsys, titlesFile, 1)
	if err != nil {
		return err
	}
	ix := b.ix
	for _, r := range rows {
		names := splitList(r.cols[0], "|")
		abbrevs := splitList(col(r, 1), "|")
		leader := col(r, 2)
		if leader != "" && leader != "state" && leader != "government" && leader != "-" {
			return fmt.Errorf("%s:%d: leader column %q is not state, government or empty", titlesFile, r.line, leader)
		}
		t := Title{Name: Fold(names[0]), Leader: leader == "state" || leader == "government"}
		if len(abbrevs) > 0 {
			t.Abbrev = abbrevs[0]
		}
		ti := int32(len(ix.titleList))
		ix.titleList = append(ix.titleList, t)
		for _, n := range append(append([]string(nil), names...), abbrevs...) {
			for _, form := range titleForms(n) {
				if isAcronymAlias(form) {
					// "PM", "MP", "CEO": only in capitals, so that "pm" after a
					// number or the word "md" is no title.
					ix.titleAcronyms[form] = ti
					continue
				}
				k := Fold(form)
				if old, dup := ix.titles[k]; dup && old != ti {
					return fmt.Errorf("%s:%d: title %q also on an earlier line", titlesFile, r.line, form)
				}
				ix.titles[k] = ti
				if len(strings.Fields(k)) > MaxTitleWords {
					return fmt.Errorf("%s:%d: title %q longer than MaxTitleWords", titlesFile, r.line, form)
				}
				for _, w := range strings.Fields(form) {
					if isAcronymAlias(w) {
						continue // "deputy PM": "PM" is a title word only in capitals
					}
					w = Fold(w)
					if !titleConnectors[w] {
						ix.titleWords[w] = struct{}{}
					}
					for _, part := range strings.Split(w, "-") {
						if part != "" && !titleConnectors[part] {
							ix.titleWords[part] = struct{}{}
						}
					}
				}
			}
		}
	}
	return nil
}

// titleForms gives the spellings under which a title is found: as written,
// with hyphens as spaces and the reverse ("vice-president"), and for an
// abbreviation with a dot, without it ("Gen." and "Gen").
func titleForms(n string) []string {
	forms := []string{n}
	if strings.Contains(n, "-") {
		forms = append(forms, strings.ReplaceAll(n, "-", " "))
	} else if strings.Count(n, " ") == 1 && strings.HasPrefix(n, "vice ") {
		forms = append(forms, strings.ReplaceAll(n, " ", "-"))
	}
	if strings.HasSuffix(n, ".") && strings.Count(n, ".") == 1 && !strings.Contains(n, " ") {
		forms = append(forms, strings.TrimSuffix(n, "."))
	}
	return forms
}

// firstNames reads the given names built by kb/internal/build.
func (b *builder) firstNames(fsys fs.FS) error {
	rows, err := readRows(fsys, firstNamesFile, 1)
	if errors.Is(err, fs.ErrNotExist) {
		return nil // not built yet: kb/internal/build reads the rest of the data
	}
	if err != nil {
		return err
	}
	for _, r := range rows {
		g := byte('?')
		switch col(r, 1) {
		case "M":
			g = 'M'
		case "F":
			g = 'F'
		}
		b.ix.firstNames[Fold(r.cols[0])] = g
	}
	return nil
}
