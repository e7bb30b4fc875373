// Command build regenerates kb/data/firstnames.tsv, the list of given names
// that kb.IsFirstName answers from, out of the licensed corpora in the shared
// data folder and the hand-written list given-names.txt beside this file:
//
//	go run ./kb/internal/build            # from the module root
//	go run ./kb/internal/build -check     # fail if the file is out of date
//
// A word becomes a given name when it starts a person's name (a PER span,
// a person entity, a PROPN with a flat dependent) followed by at least -min
// different surnames over all corpora, has the shape of a name, is no title
// or knowledge-base name, is not more often an ordinary lowercase word in UD
// English EWT, and is not more often outside person names (tagged O, or in a
// place or organisation) than at their start in WikiANN. Only corpora whose licence allows shipped data are read:
// WikiANN English (train and dev; test is left for evaluation), the Wikinews
// documents of GUM, MEANTIME English, and UD English EWT.
//
// The output is sorted and carries no date, so that running the command
// twice on the same inputs gives the same bytes.
package main

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"math/bits"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/kb"
)

// Source bits say which corpus gave evidence for a name.
const (
	srcWikiANN = 1 << iota
	srcGUM
	srcMEANTIME
	srcEWT
	srcHand
)

var sourceNames = []string{"wikiann", "gum", "meantime", "ewt", "hand"}

// evidence is what the corpora say about one candidate given name.
type evidence struct {
	spellings map[string]int      // spelling → count
	surnames  map[string]struct{} // distinct folded words that followed it in a name
	starts    int                 // how often it started a person's name
	sources   int
	gender    byte // from the hand list: 'M', 'F', '?' or 0
}

type collector struct {
	names map[string]*evidence // folded name → evidence
	// other counts the uses of each folded word in WikiANN that are not the
	// start of a person's name: tagged O (not first in its sentence) or
	// inside a place or organisation ("Virgin Islands", "Hong Kong").
	other map[string]int
}

func (c *collector) get(name string) *evidence {
	k := kb.Fold(name)
	e := c.names[k]
	if e == nil {
		e = &evidence{spellings: map[string]int{}, surnames: map[string]struct{}{}}
		c.names[k] = e
	}
	e.spellings[name]++
	return e
}

// add records that given was followed by surname in a person's name.
func (c *collector) add(given, surname string, src int) {
	if !nameShape(given) || !nameShape(surname) {
		return
	}
	e := c.get(given)
	e.surnames[kb.Fold(surname)] = struct{}{}
	e.starts++
	e.sources |= src
}

// nameShape reports whether w looks like a given name or surname: a capital
// letter, then at least one lowercase letter, letters, hyphens and
// apostrophes only ("Jean-Pierre", "O'Neill"; not "JD", "St." or "3M").
func nameShape(w string) bool {
	r, size := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) || len(w) == size {
		return false
	}
	lower := 0
	for _, r := range w[size:] {
		switch {
		case unicode.IsLower(r):
			lower++
		case unicode.IsUpper(r), r == '-', r == '\'', r == '\u2019':
		default:
			return false
		}
	}
	return lower > 0
}

// particles start names but are not given names ("de Gaulle", "Al Qaeda",
// "Van Gogh"), and some capitalised words start PER spans in the corpora
// because of how they were annotated.
var particles = map[string]bool{
	"de": true, "del": true, "della": true, "der": true, "di": true, "da": true, "du": true, "dos": true, "das": true,
	"van": true, "von": true, "vom": true, "ter": true, "ten": true, "le": true, "la": true, "les": true, "el": true,
	"al": true, "bin": true, "ibn": true, "abu": true, "mac": true, "mc": true, "st": true,
	"san": true, "santa": true, "saint": true, "sainte": true, "sao": true, "the": true, "mr": true, "mrs": true,
	"ms": true, "dr": true, "sir": true, "dame": true, "lord": true, "lady": true, "uncle": true, "aunt": true,
	"big": true, "little": true, "young": true, "old": true, "great": true, "mount": true, "lake": true,
	"new": true, "north": true, "south": true, "east": true, "west": true, "upper": true, "lower": true,
	"his": true, "her": true, "my": true, "our": true, "their": true, "and": true, "of": true,
	"antipope": true, "dowager": true, "infanta": true, "infante": true, "swami": true, "champion": true,
	"farmer": true, "guggenheim": true, "harlem": true, "doc": true, "fats": true, "blessed": true,
	// Months and days are names in the corpora ("June Carter") but far more
	// often dates in news.
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
}

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "build:", err)
		os.Exit(1)
	}
}

func run() error {
	root, err := moduleRoot()
	if err != nil {
		return err
	}
	sharedDir := flag.String("shared", "", "the shared data folder (default $NEWSGRAPH_SHARED or ../shared beside the module)")
	out := flag.String("out", filepath.Join(root, "kb", "data", "firstnames.tsv"), "the file to write")
	minSurnames := flag.Int("min", 2, "how many different surnames must follow a word in the corpora (one fewer suffices for a word attested twice or by two corpora)")
	check := flag.Bool("check", false, "do not write; fail if the file differs from what would be written")
	flag.Parse()
	if *sharedDir == "" {
		*sharedDir = os.Getenv("NEWSGRAPH_SHARED")
	}
	if *sharedDir == "" {
		*sharedDir = filepath.Join(filepath.Dir(root), "shared")
	}
	text, err := generate(root, filepath.Join(*sharedDir, "data"), *minSurnames)
	if err != nil {
		return err
	}
	if *check {
		old, err := os.ReadFile(*out)
		if err != nil {
			return err
		}
		if !bytes.Equal(old, text) {
			return fmt.Errorf("%s is out of date: run go run ./kb/internal/build", *out)
		}
		return nil
	}
	return os.WriteFile(*out, text, 0o644)
}

// generate builds the text of firstnames.tsv from the corpora under data
// and the hand list in the module at root.
func generate(root, data string, minSurnames int) ([]byte, error) {
	c := &collector{names: map[string]*evidence{}, other: map[string]int{}}
	steps := []struct {
		name string
		fn   func(string, *collector) error
	}{
		{"WikiANN", readWikiANN},
		{"GUM", readGUM},
		{"MEANTIME", readMEANTIME},
		{"EWT", readEWTNames},
	}
	for _, s := range steps {
		if err := s.fn(data, c); err != nil {
			return nil, fmt.Errorf("%s: %w", s.name, err)
		}
	}
	lower, err := lowercaseCounts(data)
	if err != nil {
		return nil, fmt.Errorf("EWT: %w", err)
	}
	hand, err := readHand(filepath.Join(root, "kb", "internal", "build", "given-names.txt"))
	if err != nil {
		return nil, err
	}
	return render(c, hand, lower, minSurnames), nil
}

// moduleRoot finds the folder of go.mod above the working directory.
func moduleRoot() (string, error) {
	d, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d, nil
		}
		if filepath.Dir(d) == d {
			return "", errors.New("no go.mod above the working directory")
		}
		d = filepath.Dir(d)
	}
}

// skipTitles drops leading title words ("President Barack Obama").
func skipTitles(words []string) []string {
	for len(words) > 0 && (kb.IsTitleWord(strings.TrimSuffix(words[0], ".")) || kb.IsTitleWord(words[0])) {
		words = words[1:]
	}
	return words
}

// readWikiANN reads the PER spans of the train and dev files.
func readWikiANN(data string, c *collector) error {
	for _, split := range []string{"train", "dev"} {
		f, err := os.Open(filepath.Join(data, "wikiann-english", split))
		if err != nil {
			return err
		}
		sc := bufio.NewScanner(f)
		var span []string
		flush := func() {
			if w := skipTitles(span); len(w) >= 2 {
				c.add(w[0], w[1], srcWikiANN)
			}
			span = span[:0]
		}
		first := true
		for sc.Scan() {
			tok, tag, ok := strings.Cut(sc.Text(), "\t")
			tok = strings.TrimPrefix(tok, "en:")
			if ok && !strings.HasSuffix(tag, "-PER") && !(first && tag == "O") {
				c.other[kb.Fold(tok)]++
			}
			first = !ok
			switch {
			case ok && tag == "B-PER":
				flush()
				span = append(span, tok)
			case ok && tag == "I-PER" && len(span) > 0:
				span = append(span, tok)
			default:
				flush()
			}
		}
		flush()
		f.Close()
		if err := sc.Err(); err != nil {
			return err
		}
	}
	return nil
}

// conllToken is the part of a CoNLL-U token line the builder uses.
type conllToken struct {
	id, head     string
	form, upos   string
	deprel, misc string
}

// readConllu calls fn with the tokens of each sentence of a CoNLL-U file.
func readConllu(path string, fn func([]conllToken)) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<16), 1<<22)
	var sent []conllToken
	for sc.Scan() {
		line := sc.Text()
		if line == "" {
			if len(sent) > 0 {
				fn(sent)
			}
			sent = sent[:0]
			continue
		}
		if line[0] == '#' {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 10 || strings.ContainsAny(cols[0], "-.") {
			continue // multiword ranges and empty nodes
		}
		sent = append(sent, conllToken{id: cols[0], form: cols[1], upos: cols[3], head: cols[6], deprel: cols[7], misc: cols[9]})
	}
	if len(sent) > 0 {
		fn(sent)
	}
	return sc.Err()
}

var entityPart = regexp.MustCompile(`\((\d+)-([a-z]+)[^()|]*(\))?|(\d+)\)`)

// readGUM reads the person entities of GUM's Wikinews documents (news and
// interviews): the last run of proper nouns in each mention, without
// leading titles, gives a given name and a surname.
func readGUM(data string, c *collector) error {
	paths, err := filepath.Glob(filepath.Join(data, "gum", "dep", "GUM_*.conllu"))
	if err != nil {
		return err
	}
	for _, p := range paths {
		base := filepath.Base(p)
		if !strings.HasPrefix(base, "GUM_news_") && !strings.HasPrefix(base, "GUM_interview_") {
			continue // only the Wikinews documents are licensed for shipped data
		}
		err := readConllu(p, func(sent []conllToken) {
			type open struct {
				start int
				etype string
			}
			opened := map[string][]open{}
			for i, t := range sent {
				ent := ""
				for _, m := range strings.Split(t.misc, "|") {
					if v, ok := strings.CutPrefix(m, "Entity="); ok {
						ent = v
					}
				}
				for _, m := range entityPart.FindAllStringSubmatch(ent, -1) {
					switch {
					case m[1] != "" && m[3] == ")":
						// a one-token mention: no given name and surname in it
					case m[1] != "":
						opened[m[1]] = append(opened[m[1]], open{i, m[2]})
					case m[4] != "":
						st := opened[m[4]]
						if len(st) == 0 {
							continue
						}
						o := st[len(st)-1]
						opened[m[4]] = st[:len(st)-1]
						if o.etype == "person" {
							gumPerson(sent[o.start:i+1], c)
						}
					}
				}
			}
		})
		if err != nil {
			return err
		}
	}
	return nil
}

func gumPerson(toks []conllToken, c *collector) {
	end := len(toks)
	for end > 0 && toks[end-1].upos != "PROPN" {
		end--
	}
	start := end
	for start > 0 && toks[start-1].upos == "PROPN" {
		start--
	}
	var words []string
	for _, t := range toks[start:end] {
		words = append(words, t.form)
	}
	if w := skipTitles(words); len(w) >= 2 {
		c.add(w[0], w[1], srcGUM)
	}
}

var (
	entityElem = regexp.MustCompile(`<ENTITY\s[^>]*>`)
	attr       = regexp.MustCompile(`([A-Za-z_]+)="([^"]*)"`)
)

// readMEANTIME reads the PER entity instances of MEANTIME's cross-document
// annotation: their descriptor is the person's name.
func readMEANTIME(data string, c *collector) error {
	root := filepath.Join(data, "meantime-english", "intra_cross-doc_annotation")
	return filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".xml") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		seen := map[string]bool{}
		for _, el := range entityElem.FindAll(b, -1) {
			attrs := map[string]string{}
			for _, m := range attr.FindAllSubmatch(el, -1) {
				attrs[string(m[1])] = string(m[2])
			}
			name := attrs["TAG_DESCRIPTOR"]
			if attrs["ent_type"] != "PER" || seen[name] {
				continue
			}
			seen[name] = true
			if w := skipTitles(strings.Fields(name)); len(w) >= 2 {
				c.add(w[0], w[1], srcMEANTIME)
			}
		}
		return nil
	})
}

var ewtFiles = []string{"en_ewt-ud-train.conllu", "en_ewt-ud-dev.conllu"}

// readEWTNames reads names from UD English EWT: a proper noun whose next
// token is a proper noun attached to it as "flat" (the UD relation for the
// parts of a person's name).
func readEWTNames(data string, c *collector) error {
	for _, name := range ewtFiles {
		err := readConllu(filepath.Join(data, "ud-english-ewt", name), func(sent []conllToken) {
			for i := 0; i+1 < len(sent); i++ {
				t, next := sent[i], sent[i+1]
				if t.upos == "PROPN" && next.upos == "PROPN" && next.deprel == "flat" && next.head == t.id {
					if i > 0 && sent[i-1].upos == "PROPN" && !kb.IsTitleWord(sent[i-1].form) {
						continue // inside a longer name: not its first word
					}
					c.add(t.form, next.form, srcEWT)
				}
			}
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// lowercaseCounts counts how often each word occurs in lowercase in EWT, to
// keep ordinary words ("will", "rose") out of the list of names.
func lowercaseCounts(data string) (map[string]int, error) {
	counts := map[string]int{}
	for _, name := range ewtFiles {
		err := readConllu(filepath.Join(data, "ud-english-ewt", name), func(sent []conllToken) {
			for _, t := range sent {
				if t.form != "" && unicode.IsLower([]rune(t.form)[0]) {
					counts[kb.Fold(t.form)]++
				}
			}
		})
		if err != nil {
			return nil, err
		}
	}
	return counts, nil
}

// readHand reads given-names.txt: lines "M: names…", "F: …", "?: …".
func readHand(path string) (map[string]handName, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	out := map[string]handName{}
	for _, line := range strings.Split(string(b), "\n") {
		g, names, ok := strings.Cut(line, ":")
		if !ok || strings.HasPrefix(line, "#") || len(g) != 1 || !strings.Contains("MF?", g) {
			continue
		}
		for _, n := range strings.Fields(names) {
			k := kb.Fold(n)
			h, seen := out[k]
			switch {
			case !seen:
				h = handName{spelling: n, gender: g[0]}
			case h.gender != g[0]:
				h.gender = '?' // listed for men and for women
			}
			out[k] = h
		}
	}
	return out, nil
}

type handName struct {
	spelling string
	gender   byte
}

const header = `# Given names, for telling a person's name from other capitalised words.
# Columns (tab-separated): name, gender (M: clearly used for men, F: for women, ?: both or unknown),
# surnames (how many different surnames follow it in the corpora), sources.
#
# GENERATED by "go run ./kb/internal/build" from the corpora below; do not edit by hand
# (edit kb/internal/build/given-names.txt or the builder, and run it again).
# A corpus word is kept when it starts person names with at least %d different surnames (one fewer
# if it starts names twice or in two corpora), has the shape of a name, is no title or knowledge-base
# name, is not more often a lowercase word in EWT,
# and is not more often outside person names than at their start in WikiANN.
#
# source: wikiann = WikiANN English (Pan et al. 2017; Rahimi et al. 2019 split), PER spans of train and dev; from Wikipedia, CC BY-SA
# source: gum = GUM (Zeldes 2017), person entities of the Wikinews documents only; annotations CC BY 4.0, texts CC BY 2.5
# source: meantime = NewsReader MEANTIME English (Minard et al. 2016), PER entity instances; CC BY 4.0, texts Wikinews CC BY 2.5
# source: ewt = UD English EWT (Silveira et al. 2014), PROPN with a flat PROPN dependent; CC BY-SA 4.0
# source: hand = kb/internal/build/given-names.txt, common given names and their usual gender (public facts from national statistics offices' name lists)
`

// render writes the TSV: the hand names, and the corpus names that pass.
func render(c *collector, hand map[string]handName, lower map[string]int, minSurnames int) []byte {
	type row struct {
		name     string
		gender   byte
		surnames int
		sources  int
	}
	rows := map[string]row{}
	for k, e := range c.names {
		n := len(e.surnames)
		if _, inHand := hand[k]; !inHand {
			// The frequency threshold: minSurnames different surnames, or
			// one fewer when more than one corpus or occurrence attests it.
			attested := n >= minSurnames || (n == minSurnames-1 && n > 0 && (e.starts >= 2 || bits.OnesCount(uint(e.sources)) >= 2))
			if !attested || particles[k] || strings.HasSuffix(k, "-") {
				continue
			}
			if kb.IsTitleWord(k) {
				continue
			}
			if _, ok := kb.Lookup(bestSpelling(e)); ok {
				continue // a place, organisation or nationality
			}
			if lower[k] > n {
				continue // more often an ordinary word
			}
			if c.other[k] > e.starts {
				continue // more often part of another kind of name, or a word
			}
		}
		rows[k] = row{name: bestSpelling(e), gender: '?', surnames: n, sources: e.sources}
	}
	for k, h := range hand {
		r, ok := rows[k]
		if !ok {
			r = row{name: h.spelling}
		}
		r.gender = h.gender
		r.sources |= srcHand
		rows[k] = r
	}
	keys := make([]string, 0, len(rows))
	for k := range rows {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b bytes.Buffer
	fmt.Fprintf(&b, header, minSurnames)
	for _, k := range keys {
		r := rows[k]
		var src []string
		for i, s := range sourceNames {
			if r.sources&(1<<i) != 0 {
				src = append(src, s)
			}
		}
		fmt.Fprintf(&b, "%s\t%c\t%d\t%s\n", r.name, r.gender, r.surnames, strings.Join(src, ","))
	}
	return b.Bytes()
}

// bestSpelling is the most frequent spelling, ties broken alphabetically so
// that the output does not depend on map order.
func bestSpelling(e *evidence) string {
	best, n := "", -1
	for s, c := range e.spellings {
		if c > n || (c == n && s < best) {
			best, n = s, c
		}
	}
	return best
}
