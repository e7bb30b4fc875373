package eval

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// gumTypes maps GUM entity types to ours; GUM's other types (event, time,
// abstract, object, substance, animal, plant) have none of ours. A GUM place
// may be a country, a natural place or a building.
var gumTypes = map[string]string{"person": "PERSON", "organization": "ORG", "place": "GPE|LOC|FAC"}

// gumToken is one word of a GUM CoNLL-U file as the converter needs it.
type gumToken struct {
	form, upos string
	start, end int // code points into the rebuilt text
}

// gumOpen is a mention whose closing bracket has not been read yet.
type gumOpen struct {
	entity  string // the document's entity number
	etype   string
	minspan []int // 1-based positions of the head words inside the mention
	first   int   // index of its first token in the document
}

// gumMention is a complete mention: tokens first..last of the document.
type gumMention struct {
	entity, etype string
	minspan       []int
	first, last   int
}

// ConvertGUM reads one GUM document in CoNLL-U (dep/GUM_*.conllu) and returns
// its gold: the text rebuilt from the tokens (sentences of a paragraph
// joined by a space, paragraphs by a blank line), and the people,
// organisations and places of its coreference layer (the Entity= brackets
// of the MISC column) with their mentions. A mention whose head word is a
// proper noun is a name, cut to the name itself as for MEANTIME (no
// determiner, title or possessive); a lone pronoun is a pronoun; every other
// mention is a description. The creation date is the publication date.
func ConvertGUM(r io.Reader) (*Gold, error) {
	var (
		b        strings.Builder
		n        int // code points written
		toks     []gumToken
		opens    []gumOpen
		mentions []gumMention
		g        = &Gold{Source: "gum", EntityTypes: []string{"PERSON", "ORG", "GPE", "LOC", "FAC"}}
		newPar   = true
		sentTok  = 0  // index of the sentence's first token in toks
		mwtEnd   = -1 // last word id covered by a multi-word token
		mwtSpan  [2]int
		mwtForm  string  // the part of the multi-word token's surface not yet given to a word
		spaceOK  = false // a space is owed before the next token
		wroteAny = false
	)
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	line := 0
	for sc.Scan() {
		line++
		l := sc.Text()
		switch {
		case strings.HasPrefix(l, "# newdoc id = "):
			g.ID = strings.TrimSpace(strings.TrimPrefix(l, "# newdoc id = "))
			continue
		case strings.HasPrefix(l, "# meta::dateCreated = "):
			if v := strings.TrimSpace(strings.TrimPrefix(l, "# meta::dateCreated = ")); validDate(v) {
				g.Published = v
			}
			continue
		case l == "# newpar" || strings.HasPrefix(l, "# newpar "):
			newPar = true
			continue
		case strings.HasPrefix(l, "#"):
			continue
		case l == "":
			sentTok, mwtEnd = len(toks), -1 // word ids start again at 1
			continue
		}
		cols := strings.Split(l, "\t")
		if len(cols) != 10 {
			return nil, fmt.Errorf("line %d: %d columns, want 10", line, len(cols))
		}
		id := cols[0]
		if strings.Contains(id, ".") {
			continue // an empty node
		}
		if lo, hi, ok := strings.Cut(id, "-"); ok {
			// a multi-word token: its surface form is written once and its
			// words share its span
			_, err1 := strconv.Atoi(lo)
			z, err2 := strconv.Atoi(hi)
			if err1 != nil || err2 != nil {
				return nil, fmt.Errorf("line %d: bad token range %q", line, id)
			}
			mwtEnd = z
			start := writeSep(&b, &n, wroteAny, newPar, len(toks) == sentTok, spaceOK)
			b.WriteString(cols[1])
			n += utf8.RuneCountInString(cols[1])
			mwtSpan = [2]int{start, n}
			mwtForm = cols[1]
			wroteAny, newPar = true, false
			spaceOK = !strings.Contains(cols[9], "SpaceAfter=No")
			continue
		}
		wid, err := strconv.Atoi(id)
		if err != nil {
			return nil, fmt.Errorf("line %d: bad token id %q", line, id)
		}
		var tk gumToken
		tk.form, tk.upos = cols[1], cols[3]
		if wid <= mwtEnd {
			// a word spelled out in the surface form (it + ’s in it’s) takes
			// its own part of it; otherwise it shares the whole span
			tk.start, tk.end = mwtSpan[0], mwtSpan[1]
			if strings.HasPrefix(mwtForm, tk.form) && tk.form != "" {
				tk.start = mwtSpan[1] - utf8.RuneCountInString(mwtForm)
				mwtForm = mwtForm[len(tk.form):]
				tk.end = tk.start + utf8.RuneCountInString(tk.form)
				if wid == mwtEnd {
					tk.end = mwtSpan[1]
				}
			}
		} else {
			tk.start = writeSep(&b, &n, wroteAny, newPar, len(toks) == sentTok, spaceOK)
			b.WriteString(tk.form)
			n += utf8.RuneCountInString(tk.form)
			tk.end = n
			wroteAny, newPar = true, false
			spaceOK = !strings.Contains(cols[9], "SpaceAfter=No")
		}
		ti := len(toks)
		toks = append(toks, tk)
		for _, f := range strings.Split(cols[9], "|") {
			if v, ok := strings.CutPrefix(f, "Entity="); ok {
				var err error
				opens, mentions, err = gumBrackets(v, ti, opens, mentions)
				if err != nil {
					return nil, fmt.Errorf("line %d: %w", line, err)
				}
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(opens) > 0 {
		return nil, fmt.Errorf("%d mentions never closed", len(opens))
	}
	g.Text = b.String()
	runes := []rune(g.Text)
	sort.SliceStable(mentions, func(i, j int) bool {
		if mentions[i].first != mentions[j].first {
			return mentions[i].first < mentions[j].first
		}
		return mentions[i].last > mentions[j].last
	})
	ents := map[string]int{}
	g.Entities = []GoldEntity{}
	seen := map[[2]int]bool{}
	for _, m := range mentions {
		typ, ok := gumTypes[m.etype]
		if !ok {
			continue
		}
		words := make([]string, 0, m.last-m.first+1)
		for k := m.first; k <= m.last; k++ {
			words = append(words, toks[k].form)
		}
		kind, lo, hi := gumKind(toks[m.first:m.last+1], words, m.minspan)
		s := [2]int{toks[m.first+lo].start, toks[m.first+hi-1].end}
		if seen[s] || s[0] >= s[1] {
			continue
		}
		seen[s] = true
		ei, ok := ents[m.entity]
		if !ok {
			ei = len(g.Entities)
			ents[m.entity] = ei
			g.Entities = append(g.Entities, GoldEntity{Name: string(runes[s[0]:s[1]]), Type: typ, Mentions: []GoldMention{}})
		}
		if kind == "name" && !isName(kindOfName(g.Entities[ei])) {
			g.Entities[ei].Name = string(runes[s[0]:s[1]])
		}
		g.Entities[ei].Mentions = append(g.Entities[ei].Mentions,
			GoldMention{Start: s[0], End: s[1], Text: string(runes[s[0]:s[1]]), Kind: kind})
	}
	g.Times = nil
	if err := g.Check(); err != nil {
		return nil, err
	}
	return g, nil
}

// kindOfName is the kind of the mention that gave the entity its name so
// far: "name" once a name mention has named it.
func kindOfName(e GoldEntity) string {
	for _, m := range e.Mentions {
		if m.Kind == "name" && m.Text == e.Name {
			return "name"
		}
	}
	return "description"
}

// writeSep writes what separates the next token from the text before it
// and returns the code-point offset where the token starts.
func writeSep(b *strings.Builder, n *int, wroteAny, newPar, newSent, spaceOK bool) int {
	if wroteAny {
		sep := ""
		switch {
		case newPar:
			sep = "\n\n"
		case newSent || spaceOK:
			sep = " "
		}
		b.WriteString(sep)
		*n += len(sep)
	}
	return *n
}

// gumBrackets reads the Entity= value of token ti: openings
// "(id-etype-infstat-salience-centering-minspan-link[-identity]", each
// closed on the same token by ")" or later by "id)".
func gumBrackets(v string, ti int, opens []gumOpen, out []gumMention) ([]gumOpen, []gumMention, error) {
	for v != "" {
		switch {
		case v[0] == '(':
			end := strings.IndexAny(v[1:], "()")
			body := v[1:]
			closed := false
			if end >= 0 {
				body = v[1 : 1+end]
				closed = v[1+end] == ')'
				v = v[1+end:]
				if closed {
					v = v[1:]
				}
			} else {
				v = ""
			}
			f := strings.SplitN(body, "-", 8)
			if len(f) < 7 {
				return opens, out, fmt.Errorf("bad entity %q", body)
			}
			o := gumOpen{entity: f[0], etype: f[1], first: ti}
			for _, p := range strings.Split(f[5], ",") {
				if k, err := strconv.Atoi(p); err == nil {
					o.minspan = append(o.minspan, k)
				}
			}
			if closed {
				out = append(out, gumMention{o.entity, o.etype, o.minspan, ti, ti})
			} else {
				opens = append(opens, o)
			}
		default:
			end := strings.IndexByte(v, ')')
			if end < 0 {
				return opens, out, fmt.Errorf("bad entity closing %q", v)
			}
			id := v[:end]
			v = v[end+1:]
			found := false
			for k := len(opens) - 1; k >= 0; k-- {
				if opens[k].entity == id {
					o := opens[k]
					out = append(out, gumMention{o.entity, o.etype, o.minspan, o.first, ti})
					opens = append(opens[:k], opens[k+1:]...)
					found = true
					break
				}
			}
			if !found {
				return opens, out, fmt.Errorf("entity %s closed but not open", id)
			}
		}
	}
	return opens, out, nil
}

// gumKind decides a mention's kind and the words of it that the gold keeps
// (words[lo:hi]): for a name, the run of capitalised words around its head
// without titles; otherwise the whole mention.
func gumKind(toks []gumToken, words []string, minspan []int) (kind string, lo, hi int) {
	// the part of speech says it ("US" is a name, "us" a pronoun); the word
	// list serves only where the tag is missing
	if len(toks) == 1 && (toks[0].upos == "PRON" || (toks[0].upos == "_" || toks[0].upos == "") && pronouns[strings.ToLower(words[0])]) {
		return "pronoun", 0, 1
	}
	head := -1
	if len(minspan) > 0 && minspan[0] >= 1 && minspan[0] <= len(toks) {
		head = minspan[0] - 1
	}
	if head < 0 || toks[head].upos != "PROPN" {
		return "description", 0, len(toks)
	}
	// the name runs from its head to the right over capitalised words and
	// connectors, then nameRun finds its start
	end := head + 1
	for end < len(words) {
		w := words[end]
		r, _ := utf8.DecodeRuneInString(w)
		if toks[end].upos == "PROPN" || isUpperRune(r) {
			end++
			continue
		}
		if nameConnectors[strings.ToLower(w)] && end+1 < len(words) && toks[end+1].upos == "PROPN" {
			end += 2
			continue
		}
		break
	}
	lo, hi, ok := nameRun(words[:end])
	if !ok {
		return "description", 0, len(toks)
	}
	lo, ok = afterTitle(words, lo, hi)
	if !ok {
		return "role", 0, len(toks)
	}
	return "name", lo, hi
}

func isUpperRune(r rune) bool { return unicode.IsUpper(r) }

// ConvertGUMDir converts every dep/GUM_*.conllu under dir (the corpus root
// or its dep folder) whose genre (the second part of the name: news,
// interview, bio…) is in genres; all genres when genres is empty.
func ConvertGUMDir(dir string, genres ...string) ([]*Gold, error) {
	if st, err := os.Stat(filepath.Join(dir, "dep")); err == nil && st.IsDir() {
		dir = filepath.Join(dir, "dep")
	}
	files, err := filepath.Glob(filepath.Join(dir, "GUM_*.conllu"))
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	var out []*Gold
	for _, p := range files {
		if len(genres) > 0 {
			parts := strings.SplitN(filepath.Base(p), "_", 3)
			if len(parts) < 3 || !containsString(genres, parts[1]) {
				continue
			}
		}
		f, err := os.Open(p)
		if err != nil {
			return nil, err
		}
		g, err := ConvertGUM(f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		out = append(out, g)
	}
	return out, nil
}

func containsString(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
