package event

import (
	"bufio"
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/newsgraph/newsgraph"
)

//go:embed data/triggers.tsv
var triggersTSV string

// entry is one line of the trigger lexicon.
type entry struct {
	phrase  string
	words   []int32 // lemma ids, in order
	typ     string
	mode    string
	pos     byte // 'V', 'N' or '*'
	recip   bool
	comp    bool
	lc      bool
	noinf   bool
	self    bool
	noobj   bool
	compreq bool
	mood    bool
	nostate bool
	place   bool
	neg     string
	need    []string
}

// lexicon is the trigger lexicon with every inflected form of every word
// that occurs in it, so that a token is looked up once.
type lexicon struct {
	entries []entry
	lemmaID map[string]int32
	forms   map[string][]int32 // lowercase word form → lemma ids it may be a form of
	first   map[int32][]int    // first lemma → entries, longest phrase first
}

var lex = sync.OnceValue(func() *lexicon {
	l, err := parseLexicon(triggersTSV)
	if err != nil {
		panic(err) // the file is embedded: a bad line is a bug caught by the tests
	}
	return l
})

func parseLexicon(src string) (*lexicon, error) {
	l := &lexicon{lemmaID: map[string]int32{}, forms: map[string][]int32{}, first: map[int32][]int{}}
	valid := map[string]bool{}
	for _, t := range newsgraph.EventTypes {
		valid[t] = true
	}
	sc := bufio.NewScanner(strings.NewReader(src))
	ln := 0
	for sc.Scan() {
		ln++
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 5 {
			return nil, fmt.Errorf("triggers.tsv:%d: want 5 fields, got %d", ln, len(f))
		}
		e := entry{phrase: f[0], typ: f[1], pos: f[3][0]}
		if !valid[e.typ] {
			return nil, fmt.Errorf("triggers.tsv:%d: unknown type %q", ln, e.typ)
		}
		if f[2] != "-" {
			e.mode = f[2]
		}
		if f[4] != "-" {
			for _, fl := range strings.Split(f[4], ",") {
				switch {
				case fl == "recip":
					e.recip = true
				case fl == "comp":
					e.comp = true
				case fl == "lc":
					e.lc = true
				case fl == "noinf":
					e.noinf = true
				case fl == "self":
					e.self = true
				case fl == "noobj":
					e.noobj = true
				case fl == "compreq":
					e.compreq = true
				case fl == "mood":
					e.mood = true
				case fl == "nostate":
					e.nostate = true
				case fl == "place":
					e.place = true
				case strings.HasPrefix(fl, "neg="):
					e.neg = fl[4:]
					if !valid[e.neg] {
						return nil, fmt.Errorf("triggers.tsv:%d: unknown type %q", ln, e.neg)
					}
				case strings.HasPrefix(fl, "need="):
					e.need = strings.Split(fl[5:], "|")
				default:
					return nil, fmt.Errorf("triggers.tsv:%d: unknown flag %q", ln, fl)
				}
			}
		}
		for _, w := range strings.Fields(e.phrase) {
			id, ok := l.lemmaID[w]
			if !ok {
				id = int32(len(l.lemmaID))
				l.lemmaID[w] = id
			}
			e.words = append(e.words, id)
			// only the head of a phrase inflects in practice, but listing
			// every form of every word is harmless and simpler
			verb := e.pos != 'N'
			for _, form := range inflections(w, verb, e.pos != 'V') {
				if !slices.Contains(l.forms[form], id) {
					l.forms[form] = append(l.forms[form], id)
				}
			}
		}
		l.entries = append(l.entries, e)
		i := len(l.entries) - 1
		l.first[e.words[0]] = append(l.first[e.words[0]], i)
	}
	for k, v := range l.first {
		slices.SortStableFunc(v, func(a, b int) int { return len(l.entries[b].words) - len(l.entries[a].words) })
		l.first[k] = v
	}
	return l, sc.Err()
}

// irregular verb forms of the lexicon's verbs (and of light verbs).
var irregular = map[string][]string{
	"meet": {"met"}, "hold": {"held"}, "give": {"gave", "given"}, "seek": {"sought"},
	"fight": {"fought"}, "strike": {"struck", "stricken"}, "shoot": {"shot"},
	"withdraw": {"withdrew", "withdrawn"}, "take": {"took", "taken"}, "send": {"sent"},
	"speak": {"spoke", "spoken"}, "lead": {"led"}, "make": {"made"}, "freeze": {"froze", "frozen"},
	"go": {"went", "gone"}, "stand": {"stood"}, "cut": {"cut"}, "put": {"put"},
	"break": {"broke", "broken"}, "bring": {"brought"}, "forbid": {"forbade", "forbidden"},
	"sell": {"sold"}, "buy": {"bought"}, "win": {"won"}, "lose": {"lost"}, "tell": {"told"},
	"say": {"said"}, "begin": {"began", "begun"}, "draw": {"drew", "drawn"}, "fall": {"fell", "fallen"},
	"overthrow": {"overthrew", "overthrown"}, "slay": {"slew", "slain"}, "outlaw": {"outlawed"},
	"shell": {"shelled", "shelling"}, "mislead": {"misled"}, "undertake": {"undertook", "undertaken"},
}

// inflections lists the forms of a lexicon word: itself, and for verbs the
// -s, -ed and -ing forms, for nouns the plural. Doubled final consonants
// (banned, expelled) are generated as well; forms that are not words never
// occur in text, so over-generating costs nothing but a little memory.
func inflections(w string, verb, noun bool) []string {
	out := []string{w}
	out = append(out, irregular[w]...)
	if strings.ContainsAny(w, " -") && len(w) > 0 && !verb && !noun {
		return out
	}
	n := len(w)
	last := w[n-1]
	consY := n > 1 && last == 'y' && !strings.ContainsRune("aeiou", rune(w[n-2]))
	sibilant := strings.HasSuffix(w, "s") || strings.HasSuffix(w, "x") || strings.HasSuffix(w, "z") ||
		strings.HasSuffix(w, "ch") || strings.HasSuffix(w, "sh")
	plural := func() {
		switch {
		case consY:
			out = append(out, w[:n-1]+"ies")
		case sibilant:
			out = append(out, w+"es")
		default:
			out = append(out, w+"s")
		}
	}
	if noun {
		plural()
	}
	if verb {
		plural()
		switch {
		case strings.HasSuffix(w, "ee"):
			out = append(out, w+"d", w+"ing")
		case last == 'e':
			out = append(out, w+"d", w[:n-1]+"ing")
		case consY:
			out = append(out, w[:n-1]+"ied", w+"ing")
		default:
			out = append(out, w+"ed", w+"ing")
			if !strings.ContainsRune("aeiouwyx", rune(last)) {
				out = append(out, w+string(last)+"ed", w+string(last)+"ing")
			}
		}
	}
	return out
}

// TriggerLemmas returns the one-word triggers of the lexicon that need no
// particular object (verbs in the base form, nouns as listed), for
// measuring against corpora that annotate events by lemma. The map is new
// on every call.
func TriggerLemmas() map[string]bool {
	out := map[string]bool{}
	for _, e := range lex().entries {
		if len(e.words) == 1 && len(e.need) == 0 {
			out[e.phrase] = true
		}
	}
	return out
}
