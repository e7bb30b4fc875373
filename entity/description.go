package entity

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph"
)

// Descriptions by a common noun ("officials", "the company", "a spokesman
// for the campaign", "the ad's narrator"), as the mention stage finds them
// (Kind description, no Role, no Key), join their referent in this order:
//
//   - an appositive: the name right before it and a comma ("Scott Pruitt,
//     the Republican attorney general of Oklahoma,"; "Flynn, a top Trump
//     surrogate,"), or the name right after it ("his attorney, Justin
//     Bamberg,"), of a compatible type;
//   - an earlier description with the same head word ("the Clinton
//     campaign" … "the campaign"; "the Indian government" … "the
//     government"), for a plural only within a few sentences;
//   - for "the company", "the firm", "the automaker": the nearest
//     organisation named before that is no publication, government body or
//     party; for "the newspaper", "the network": the nearest publication;
//     for "the agency", "the court", "the party": the nearest organisation
//     whose name holds that word; for "the spokesman" and other titles: the
//     person last given that title.
//
// A description with no antecedent is an entity of its own, named by the
// description without its determiner ("officials", "ad's narrator"), keyed
// "description:" and the folded name so that it never takes a name's key,
// and marked as a group when its head is plural: he, she and it never
// refer to a group. A description never names an entity that has a name:
// the canonical name comes from name mentions only.

// descState is what the resolver knows of description entities.
type descState struct {
	only  map[int]bool // entities made from a description alone
	group map[int]bool // of those, the ones whose head is plural
	// byHead lists the description mentions by head word, in text order
	// (built once, on the first description by a common noun)
	byHead map[string][]int
	// words holds the lowercase words of an entity's name, computed once
	words map[int][]string
}

func (r *resolver) isDescOnly(ei int) bool { return r.desc.only[ei] }
func (r *resolver) isGroup(ei int) bool    { return r.desc.group[ei] }

// descHead returns the lowercase head word of a description: the last word
// before a preposition, without a possessive ending.
func descHead(text string) string {
	h := ""
	for i := 0; i < len(text); {
		for i < len(text) && text[i] == ' ' {
			i++
		}
		j := i
		for j < len(text) && text[j] != ' ' {
			j++
		}
		if j == i {
			break
		}
		w := text[i:j]
		if h != "" && (w == "of" || w == "for" || w == "from" || w == "at" || w == "with" || w == "in") {
			break
		}
		h = w
		i = j
	}
	h = strings.TrimSuffix(strings.TrimSuffix(h, "'s"), "’s")
	return strings.ToLower(h)
}

// pluralHead reports whether a head word is a plural (or a collective that
// acts as one: police, media).
func pluralHead(h string) bool {
	switch h {
	case "police", "people", "media", "staff", "public", "press", "military", "management", "leadership":
		return true
	case "men", "women", "children", "spokesmen", "spokeswomen", "congressmen", "chairmen", "gunmen", "data":
		return true
	}
	n := len(h)
	return n > 3 && h[n-1] == 's' && h[n-2] != 's' && h[n-2] != 'i' && h[n-2] != 'u' && h != "news"
}

// definite reports whether a description opens with the, this or that.
func definite(text string) bool {
	w, _, _ := strings.Cut(text, " ")
	switch strings.ToLower(w) {
	case "the", "this", "that":
		return true
	}
	return false
}

// trimDeterminer drops the determiner that opens a description.
func trimDeterminer(text string) string {
	w, rest, ok := strings.Cut(text, " ")
	if !ok {
		return text
	}
	switch strings.ToLower(w) {
	case "the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its", "our", "my", "your":
		return rest
	}
	return text
}

// companyHeads describe a business: their antecedent is the nearest
// organisation named before that is no publication or public body.
var companyHeads = setOf(`company firm automaker carmaker manufacturer maker airline carrier retailer insurer
	lender bank business corporation conglomerate giant operator provider developer producer chain brand
	startup utility publisher studio label group`)

// publicationHeads describe a newspaper or broadcaster.
var publicationHeads = setOf(`newspaper paper magazine daily tabloid outlet network broadcaster channel website
	station publication`)

// publicBodyWords end the names of bodies that are no company.
var publicBodyWords = setOf(`ministry department party court committee commission council parliament senate
	congress agency army navy police union assembly government administration office house`)

func setOf(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// commonDescription joins a description by a common noun to its referent,
// or makes it an entity of its own.
func (r *resolver) commonDescription(i int) {
	m := &r.d.Mentions[i]
	head := descHead(m.Text)
	plural := pluralHead(head)
	if ei := r.appositive(i, plural); ei >= 0 {
		r.attach(i, ei)
		return
	}
	if ei := r.sameHead(i, head, plural); ei >= 0 {
		r.attach(i, ei)
		return
	}
	if !plural && definite(m.Text) {
		if ei := r.describedName(i, head); ei >= 0 {
			r.attach(i, ei)
			return
		}
	}
	ei := r.newEntity(trimDeterminer(m.Text), m.Type, descKey(trimDeterminer(m.Text)))
	if r.desc.only == nil {
		r.desc.only, r.desc.group = map[int]bool{}, map[int]bool{}
	}
	r.desc.only[ei] = true
	if plural {
		r.desc.group[ei] = true
	}
	r.attach(i, ei)
}

// compatible reports whether a description of type dt may stand for an
// entity of type et.
func compatible(dt, et newsgraph.EntityType, head string) bool {
	switch dt {
	case newsgraph.Person:
		return et == newsgraph.Person
	case newsgraph.Org:
		return et == newsgraph.Org || et == newsgraph.GPE && stateHeads[head]
	}
	return dt == et
}

// stateHeads are heads of descriptions that may stand for a state.
var stateHeads = setOf(`government administration regime authorities leadership`)

// appositive returns the entity of the name that a description stands in
// apposition to: "X, the former governor, said", "his attorney, Justin
// Bamberg,". It returns -1 when there is none.
func (r *resolver) appositive(i int, plural bool) int {
	if plural {
		return -1
	}
	d := r.d
	m := &d.Mentions[i]
	toks := d.Tokens
	k := sort.Search(len(toks), func(k int) bool { return toks[k].Start >= m.Start })
	e := sort.Search(len(toks), func(k int) bool { return toks[k].Start >= m.End })
	head := descHead(m.Text)
	// "X, DESC," / "X, DESC." / "X (DESC)"
	if k >= 2 && (toks[k-1].Text == "," || toks[k-1].Text == "(") && toks[k-1].Sentence == m.Sentence && r.appositionEnds(e, m.Sentence) {
		before := toks[k-2].End
		if toks[k-2].Text == ")" {
			// "Rep. Jim Jordan (R-Ohio), an oversight panel member,"
			for p := k - 3; p >= 0 && p > k-12; p-- {
				if toks[p].Text == "(" {
					if p > 0 {
						before = toks[p-1].End
					}
					break
				}
			}
		}
		for j := i - 1; j >= 0 && j >= i-8; j-- {
			n := &d.Mentions[j]
			if n.End < before {
				break
			}
			if n.End == before && n.Entity >= 0 && n.Kind == newsgraph.NameMention && !inside(d.Mentions, j) &&
				compatible(m.Type, d.Entities[n.Entity].Type, head) {
				return n.Entity
			}
		}
	}
	// "DESC, NAME," for a person
	if m.Type == newsgraph.Person && e+1 < len(toks) && toks[e].Text == "," && toks[e].Sentence == m.Sentence {
		at := toks[e+1].Start
		for j := i + 1; j < len(d.Mentions) && d.Mentions[j].Start <= at; j++ {
			n := &d.Mentions[j]
			if n.Start != at || n.Kind != newsgraph.NameMention || n.Entity < 0 || d.Entities[n.Entity].Type != newsgraph.Person {
				continue
			}
			after := sort.Search(len(toks), func(k int) bool { return toks[k].Start >= n.End })
			if after < len(toks) && (toks[after].Text == "," || toks[after].Text == "(") {
				return n.Entity
			}
		}
	}
	return -1
}

// appositionEnds reports whether token e closes an appositive of sentence
// si: a comma, a bracket, a dash, the end of the sentence, "and", "who".
func (r *resolver) appositionEnds(e, si int) bool {
	toks := r.d.Tokens
	if e >= len(toks) || toks[e].Sentence != si {
		return true
	}
	switch strings.ToLower(toks[e].Text) {
	case ",", ".", ";", ")", "—", "–", "--", "and", "who", "whose", "!", "?", ":":
		return true
	}
	return false
}

// sameHead returns the entity of the nearest earlier description with the
// same head word (within three sentences for a plural), -1 if none.
func (r *resolver) sameHead(i int, head string, plural bool) int {
	d := r.d
	m := &d.Mentions[i]
	if r.desc.byHead == nil {
		r.desc.byHead = map[string][]int{}
		for j := range d.Mentions {
			if d.Mentions[j].Kind == newsgraph.DescriptionMention {
				h := descHead(d.Mentions[j].Text)
				r.desc.byHead[h] = append(r.desc.byHead[h], j)
			}
		}
	}
	cands := r.desc.byHead[head]
	for c := len(cands) - 1; c >= 0; c-- {
		j := cands[c]
		if j >= i {
			continue
		}
		n := &d.Mentions[j]
		if plural && n.Sentence < m.Sentence-3 {
			break
		}
		if n.Entity < 0 || n.End > m.Start || !wordsWithin(m.Text, n.Text) {
			continue
		}
		if !compatible(m.Type, d.Entities[n.Entity].Type, head) && d.Entities[n.Entity].Type != m.Type {
			continue
		}
		if !plural && !definite(m.Text) && !r.isDescOnly(n.Entity) {
			continue // "a spokesman" is not "the spokesman" of a named person
		}
		return n.Entity
	}
	return -1
}

// describedName returns the named entity that a definite singular
// description most likely stands for, -1 if none (see the package doc of
// this file).
func (r *resolver) describedName(i int, head string) int {
	d := r.d
	m := &d.Mentions[i]
	if m.Type == newsgraph.Person {
		best, bestAt := -1, -1
		for _, ei := range r.persons {
			for _, t := range r.people[ei].titles {
				if tl := strings.ToLower(t); tl == head || strings.HasSuffix(tl, " "+head) {
					if at := r.lastBefore(ei, i); at > bestAt {
						best, bestAt = ei, at
					}
				}
			}
		}
		return best
	}
	if m.Type != newsgraph.Org {
		return -1
	}
	for j := i - 1; j >= 0; j-- {
		n := &d.Mentions[j]
		if n.Sentence < m.Sentence-12 {
			break
		}
		if n.Kind != newsgraph.NameMention || n.Entity < 0 || n.End > m.Start {
			continue
		}
		e := &d.Entities[n.Entity]
		if e.Type != newsgraph.Org {
			continue
		}
		words := r.nameWordsOf(n.Entity)
		if len(words) == 0 {
			continue
		}
		last := words[len(words)-1]
		switch {
		case publicationHeads[head]:
			if publication(e.Name) || last == "tv" || last == "radio" || last == "network" || last == "broadcasting" {
				return n.Entity
			}
		case companyHeads[head]:
			if !publication(e.Name) && !publicBodyWords[last] && !r.isDescOnly(n.Entity) {
				return n.Entity
			}
		default:
			for _, w := range words {
				if w == head {
					return n.Entity
				}
			}
		}
	}
	return -1
}

// wordsWithin reports whether the words of description a (without its
// determiner) all stand in description b: "the campaign" in "the Clinton
// campaign", "officials" in "U.S. officials", but not "US troops" in
// "European troops".
func wordsWithin(a, b string) bool {
	a, b = trimDeterminer(a), trimDeterminer(b)
	for i := 0; i < len(a); {
		j := strings.IndexByte(a[i:], ' ')
		if j < 0 {
			j = len(a) - i
		}
		if w := a[i : i+j]; w != "" && !hasWordFold(b, w) {
			return false
		}
		i += j + 1
	}
	return true
}

// hasWordFold reports whether s holds w as a whole word, ignoring case.
func hasWordFold(s, w string) bool {
	for i := 0; i < len(s); {
		j := strings.IndexByte(s[i:], ' ')
		if j < 0 {
			j = len(s) - i
		}
		if strings.EqualFold(s[i:i+j], w) {
			return true
		}
		i += j + 1
	}
	return false
}

// accordingTo reports whether "according to" stands right before byte
// offset at (past a determiner).
func (r *resolver) accordingTo(at int) bool {
	toks := r.d.Tokens
	k := sort.Search(len(toks), func(k int) bool { return toks[k].Start >= at })
	if k >= 1 && lowerIn(thingDeterminers, toks[k-1].Text) && !strings.EqualFold(toks[k-1].Text, "to") {
		k--
	}
	return k >= 2 && strings.EqualFold(toks[k-1].Text, "to") && strings.EqualFold(toks[k-2].Text, "according")
}

// groupAntecedent returns the group described by a plural ("officials",
// "the companies") nearest before a they, them or their in its sentence or
// the two before, -1 if none.
func (r *resolver) groupAntecedent(i int) int {
	m := &r.d.Mentions[i]
	for j := i - 1; j >= 0; j-- {
		n := &r.d.Mentions[j]
		if n.Sentence < m.Sentence-2 {
			break
		}
		if n.Entity >= 0 && n.End <= m.Start && r.isGroup(n.Entity) && !inside(r.d.Mentions, j) {
			return n.Entity
		}
	}
	return -1
}

// nameWordsOf returns the lowercase words of entity ei's name, computed once.
func (r *resolver) nameWordsOf(ei int) []string {
	if ws, ok := r.desc.words[ei]; ok {
		return ws
	}
	if r.desc.words == nil {
		r.desc.words = map[int][]string{}
	}
	ws := strings.Fields(strings.ToLower(r.d.Entities[ei].Name))
	r.desc.words[ei] = ws
	return ws
}

// descKey is the key of an entity made from a description alone:
// "description:" and the description's letters and digits in lowercase,
// words joined by hyphens ("description:ad-s-narrator"). It is cheap (no
// transliteration): the key only marks the entity as described, not named.
func descKey(text string) string {
	b := make([]byte, 0, len("description:")+len(text))
	b = append(b, "description:"...)
	sep := false
	for _, r := range text {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r >= 0x80 && unicode.IsLetter(r):
		case r >= 'A' && r <= 'Z' || r >= 0x80 && unicode.IsUpper(r):
			r = unicode.ToLower(r)
		default:
			sep = true
			continue
		}
		if sep && len(b) > len("description:") {
			b = append(b, '-')
		}
		sep = false
		b = utf8.AppendRune(b, r)
	}
	return string(b)
}
