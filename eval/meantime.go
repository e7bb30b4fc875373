package eval

import (
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// catDoc is the part of a MEANTIME CAT XML document that the converter reads.
type catDoc struct {
	ID     string     `xml:"doc_id,attr"`
	Name   string     `xml:"doc_name,attr"`
	Tokens []catToken `xml:"token"`
	Marks  struct {
		Mentions []catMarkable `xml:"ENTITY_MENTION"`
		Timexes  []catMarkable `xml:"TIMEX3"`
		Entities []catEntity   `xml:"ENTITY"`
		Events   []catEvent    `xml:"EVENT_MENTION"`
	} `xml:"Markables"`
	Rels struct {
		RefersTo     []catRefersTo    `xml:"REFERS_TO"`
		Participants []catParticipant `xml:"HAS_PARTICIPANT"`
	} `xml:"Relations"`
}

// catEvent is an event mention: its predicate lemma and its tokens.
type catEvent struct {
	ID       string      `xml:"m_id,attr"`
	Pred     string      `xml:"pred,attr"`
	Polarity string      `xml:"polarity,attr"`
	Anchors  []catAnchor `xml:"token_anchor"`
}

// catParticipant links an event mention to an entity mention with its
// PropBank role (Arg0 the agent, Arg1 the patient, …).
type catParticipant struct {
	Role   string `xml:"sem_role,attr"`
	Source struct {
		M string `xml:"m_id,attr"`
	} `xml:"source"`
	Target struct {
		M string `xml:"m_id,attr"`
	} `xml:"target"`
}

// meantimePLOVER maps MEANTIME event predicates (lemmas) to PLOVER types:
// the predicates whose act is one of PLOVER's in any context. MEANTIME's
// annotators mark every event mention with its lemma and its PropBank
// participants; this table only says which lemmas are PLOVER acts. Words
// whose business sense differs from PLOVER's are left out on purpose:
// "rally", "decline", "fall" (markets), "release" and "launch" (products),
// "supply", "deliver" and "order" (sales), "strike" (ambiguous), "fight"
// for market share, "challenge", "call", "conference", and "host" (an
// event, not a visitor). Events of these
// types are scored by type and actor name (Arg0).
var meantimePLOVER = map[string]string{
	"agree": "AGREE", "agreement": "AGREE", "deal": "AGREE", "accord": "AGREE", "treaty": "AGREE", "pact": "AGREE",
	"settle": "AGREE", "settlement": "AGREE", "sign": "AGREE", "accept": "AGREE", "ratify": "AGREE",
	"meet": "CONSULT", "meeting": "CONSULT", "talk": "CONSULT", "talks": "CONSULT", "negotiate": "CONSULT",
	"negotiation": "CONSULT", "discuss": "CONSULT", "discussion": "CONSULT", "visit": "CONSULT", "summit": "CONSULT",
	"consult": "CONSULT", "consultation": "CONSULT",
	"support": "SUPPORT", "endorse": "SUPPORT", "endorsement": "SUPPORT", "praise": "SUPPORT", "back": "SUPPORT",
	"welcome": "SUPPORT", "approve": "SUPPORT", "approval": "SUPPORT", "commend": "SUPPORT",
	"concede": "CONCEDE", "concession": "CONCEDE", "apologize": "CONCEDE", "apologise": "CONCEDE", "apology": "CONCEDE",
	"compromise": "CONCEDE", "yield": "CONCEDE", "relent": "CONCEDE",
	"cooperate": "COOPERATE", "cooperation": "COOPERATE", "collaborate": "COOPERATE", "collaboration": "COOPERATE",
	"partner": "COOPERATE", "partnership": "COOPERATE", "alliance": "COOPERATE", "ally": "COOPERATE",
	"team up": "COOPERATE", "joint venture": "COOPERATE",
	"aid": "AID", "donate": "AID", "donation": "AID", "assist": "AID", "assistance": "AID", "bailout": "AID",
	"bail out": "AID", "rescue": "AID",
	"withdraw": "RETREAT", "withdrawal": "RETREAT", "retreat": "RETREAT", "pull out": "RETREAT",
	"ask": "REQUEST", "demand": "REQUEST", "request": "REQUEST", "urge": "REQUEST", "call for": "REQUEST",
	"appeal": "REQUEST", "seek": "REQUEST", "petition": "REQUEST", "plead": "REQUEST",
	"accuse": "ACCUSE", "accusation": "ACCUSE", "allege": "ACCUSE", "allegation": "ACCUSE", "blame": "ACCUSE",
	"criticize": "ACCUSE", "criticise": "ACCUSE", "criticism": "ACCUSE", "condemn": "ACCUSE", "sue": "ACCUSE",
	"lawsuit": "ACCUSE", "court case": "ACCUSE", "charge": "ACCUSE", "investigate": "ACCUSE", "investigation": "ACCUSE",
	"probe": "ACCUSE", "complaint": "ACCUSE", "complain": "ACCUSE", "denounce": "ACCUSE",
	"reject": "REJECT", "rejection": "REJECT", "refuse": "REJECT", "refusal": "REJECT", "deny": "REJECT",
	"denial": "REJECT", "veto": "REJECT", "oppose": "REJECT", "opposition": "REJECT", "rebuff": "REJECT",
	"threaten": "THREATEN", "threat": "THREATEN", "warn": "THREATEN", "warning": "THREATEN", "ultimatum": "THREATEN",
	"protest": "PROTEST", "demonstrate": "PROTEST", "demonstration": "PROTEST", "boycott": "PROTEST",
	"sanction": "SANCTION", "ban": "SANCTION", "embargo": "SANCTION", "suspend": "SANCTION", "suspension": "SANCTION",
	"fine": "SANCTION", "penalize": "SANCTION", "penalise": "SANCTION", "expel": "SANCTION", "freeze": "SANCTION",
	"mobilize": "MOBILIZE", "mobilise": "MOBILIZE", "deploy": "MOBILIZE", "deployment": "MOBILIZE",
	"arrest": "COERCE", "detain": "COERCE", "seize": "COERCE", "raid": "COERCE", "confiscate": "COERCE",
	"attack": "ASSAULT", "kill": "ASSAULT", "bomb": "ASSAULT", "bombing": "ASSAULT", "shoot": "ASSAULT",
	"shooting": "ASSAULT", "assault": "ASSAULT", "invade": "ASSAULT", "invasion": "ASSAULT",
}

type catToken struct {
	ID       int    `xml:"t_id,attr"`
	Sentence int    `xml:"sentence,attr"`
	Text     string `xml:",chardata"`
}

type catAnchor struct {
	T int `xml:"t_id,attr"`
}

type catMarkable struct {
	ID       string      `xml:"m_id,attr"`
	SynType  string      `xml:"syntactic_type,attr"`
	Type     string      `xml:"type,attr"`
	Value    string      `xml:"value,attr"`
	Function string      `xml:"functionInDocument,attr"`
	Anchors  []catAnchor `xml:"token_anchor"`
}

type catEntity struct {
	ID         string `xml:"m_id,attr"`
	Type       string `xml:"ent_type,attr"`
	Descriptor string `xml:"TAG_DESCRIPTOR,attr"`
}

type catRefersTo struct {
	Sources []struct {
		M string `xml:"m_id,attr"`
	} `xml:"source"`
	Target struct {
		M string `xml:"m_id,attr"`
	} `xml:"target"`
}

// meantimeTypes maps MEANTIME entity types to ours; products, financial
// entities and mixtures have no type of ours and are left out. MEANTIME's
// LOC covers countries and cities as well as natural places and buildings.
var meantimeTypes = map[string]string{"PER": "PERSON", "ORG": "ORG", "LOC": "GPE|LOC|FAC"}

// meantimeKind maps a syntactic type to a mention kind: names, pronouns,
// and the rest (common nouns, appositions, conjunctions…) as descriptions.
// About a fifth of MEANTIME's mentions have no syntactic type; their kind is
// read from the words: a pronoun, a capitalised name, or a description.
func meantimeKind(synType string, words []string) string {
	switch synType {
	case "NAM":
		return "name"
	case "PRO":
		return "pronoun"
	case "":
	default:
		return "description"
	}
	if len(words) == 1 && pronouns[strings.ToLower(words[0])] {
		return "pronoun"
	}
	if lo, hi, ok := nameRun(words); ok && lo == 0 && hi == len(words) && !determiners[strings.ToLower(words[0])] {
		return "name"
	}
	return "description"
}

var pronouns = map[string]bool{"i": true, "me": true, "my": true, "we": true, "us": true, "our": true, "you": true,
	"your": true, "he": true, "him": true, "his": true, "she": true, "her": true, "it": true, "its": true,
	"they": true, "them": true, "their": true, "itself": true, "himself": true, "herself": true, "themselves": true}

var determiners = map[string]bool{"the": true, "a": true, "an": true, "this": true, "that": true, "these": true, "those": true}

// titles are words of titles and roles that MEANTIME's name mentions
// include before the name ("Chrysler Chief Executive Robert Nardelli").
var titles = map[string]bool{"president": true, "vice": true, "chief": true, "executive": true, "ceo": true,
	"cfo": true, "coo": true, "chairman": true, "chairwoman": true, "chair": true, "minister": true,
	"secretary": true, "senator": true, "sen.": true, "rep.": true, "governor": true, "gov.": true,
	"director": true, "officer": true, "spokesman": true, "spokeswoman": true, "spokesperson": true,
	"prime": true, "king": true, "queen": true, "prince": true, "pope": true, "mr.": true, "mrs.": true,
	"ms.": true, "dr.": true, "judge": true, "mayor": true, "commissioner": true, "chancellor": true,
	"analyst": true, "founder": true, "co-founder": true, "manager": true, "head": true, "leader": true,
	"treasurer": true, "ambassador": true}

// afterTitle moves lo past the title words in words[lo:hi] and reports
// whether a name is left after them.
func afterTitle(words []string, lo, hi int) (int, bool) {
	last := -1
	for i := lo; i < hi; i++ {
		if titles[strings.ToLower(words[i])] {
			last = i
		}
	}
	if last < 0 {
		return lo, true
	}
	return last + 1, last+1 < hi
}

// nameConnectors may stand inside a name between capitalised words.
var nameConnectors = map[string]bool{"of": true, "and": true, "&": true, "-": true, ".": true, "de": true,
	"du": true, "von": true, "van": true, "der": true, "la": true, "le": true}

// nameRun finds the name inside a MEANTIME name mention, whose extent is the
// whole noun phrase ("The United States's largest car manufacturer General
// Motors"): the last run of capitalised words, with connectors inside it,
// and without a trailing possessive. Our mentions are the name alone, with
// titles and descriptions as their own mentions. It reports false when the
// phrase does not end in a capitalised word.
func nameRun(words []string) (lo, hi int, ok bool) {
	hi = len(words)
	for hi > 1 && (words[hi-1] == "'s" || words[hi-1] == "'" || words[hi-1] == "’s") {
		hi--
	}
	capital := func(w string) bool {
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsUpper(r) || unicode.IsDigit(r)
	}
	lo = hi
	for lo > 0 {
		w := words[lo-1]
		if capital(w) {
			lo--
			continue
		}
		if nameConnectors[strings.ToLower(w)] && lo-2 >= 0 && capital(words[lo-2]) && lo < hi {
			lo--
			continue
		}
		break
	}
	return lo, hi, lo < hi
}

// noSpaceBefore and noSpaceAfter rebuild the spacing of the text from its
// tokens (the XML keeps no whitespace).
var (
	noSpaceBefore = map[string]bool{",": true, ".": true, ":": true, ";": true, "!": true, "?": true, "%": true,
		")": true, "]": true, "}": true, "''": true, "'s": true, "'S": true, "n't": true, "'": true, "'re": true,
		"'ve": true, "'ll": true, "'d": true, "'m": true, "...": true}
	noSpaceAfter = map[string]bool{"(": true, "[": true, "{": true, "$": true, "``": true}
)

// meantimeScope is the last sentence that MEANTIME annotates fully: the
// document-level annotation (every mention and time) covers the headline
// (sentence 0) and the first five sentences; later sentences hold only the
// mentions of corpus-level instances, so scoring them would count correct
// predictions as false.
const meantimeScope = 5

// ConvertMEANTIME reads one MEANTIME CAT XML document and returns its gold:
// the text of its fully annotated part (meantimeScope) rebuilt from the
// tokens (the headline, a blank line, then one sentence per line), the entities with their types and mentions (the
// REFERS_TO links give identity), and the TIMEX3 times with their values;
// the creation time is the publication date. Event mentions whose
// predicate is a PLOVER act (meantimePLOVER) become events of that type,
// with the entities of their Arg0 participants as actors and of Arg1 as
// targets; the events layer is then annotated (a list, maybe empty).
func ConvertMEANTIME(r io.Reader) (*Gold, error) {
	var doc catDoc
	if err := xml.NewDecoder(r).Decode(&doc); err != nil {
		return nil, err
	}
	sort.SliceStable(doc.Tokens, func(i, j int) bool { return doc.Tokens[i].ID < doc.Tokens[j].ID })
	var b strings.Builder
	type span struct{ start, end int } // code points
	at := make(map[int]span, len(doc.Tokens))
	tokens := make(map[int]string, len(doc.Tokens))
	n := 0 // code points written
	prevSentence, prevText := -1, ""
	for _, t := range doc.Tokens {
		if t.Sentence > meantimeScope {
			continue
		}
		text := strings.TrimSpace(t.Text)
		switch text {
		case "``":
			text = "“"
		case "''":
			text = "”"
		}
		if prevSentence >= 0 {
			sep := " "
			switch {
			case t.Sentence != prevSentence && prevSentence == 0:
				sep = "\n\n"
			case t.Sentence != prevSentence:
				sep = "\n"
			case noSpaceBefore[strings.TrimSpace(t.Text)] || noSpaceAfter[prevText],
				text == "-" || prevText == "-": // Wal-Mart, long-range: the tokens split hyphens
				sep = ""
			}
			b.WriteString(sep)
			n += len(sep)
		}
		start := n
		b.WriteString(text)
		n += utf8.RuneCountInString(text)
		at[t.ID] = span{start, n}
		tokens[t.ID] = strings.TrimSpace(t.Text)
		prevSentence, prevText = t.Sentence, strings.TrimSpace(t.Text)
	}
	g := &Gold{ID: doc.Name, Source: "meantime", Text: b.String(),
		EntityTypes: []string{"PERSON", "ORG", "GPE", "LOC", "FAC"}}
	if g.ID == "" {
		g.ID = doc.ID
	}
	extent := func(m catMarkable) (span, bool) {
		if len(m.Anchors) == 0 {
			return span{}, false
		}
		s := span{-1, -1}
		for _, a := range m.Anchors {
			ts, ok := at[a.T]
			if !ok {
				return span{}, false
			}
			if s.start < 0 || ts.start < s.start {
				s.start = ts.start
			}
			s.end = max(s.end, ts.end)
		}
		return s, true
	}
	runes := []rune(g.Text)
	// Entities: each ENTITY instance with a type of ours and the mentions
	// that refer to it.
	ents := map[string]int{}
	g.Entities = []GoldEntity{}
	for _, e := range doc.Marks.Entities {
		typ, ok := meantimeTypes[e.Type]
		if !ok || e.Descriptor == "" {
			continue
		}
		ents[e.ID] = len(g.Entities)
		g.Entities = append(g.Entities, GoldEntity{Name: e.Descriptor, Type: typ, Mentions: []GoldMention{}})
	}
	mentions := map[string]catMarkable{}
	for _, m := range doc.Marks.Mentions {
		mentions[m.ID] = m
	}
	done := map[string]bool{}
	seen := map[span]bool{}
	for _, rel := range doc.Rels.RefersTo {
		ei, ok := ents[rel.Target.M]
		if !ok {
			continue
		}
		for _, src := range rel.Sources {
			m, ok := mentions[src.M]
			if !ok || done[src.M] {
				continue
			}
			done[src.M] = true
			words := make([]string, 0, len(m.Anchors))
			ids := make([]int, 0, len(m.Anchors))
			for _, a := range m.Anchors {
				if tok, ok := tokens[a.T]; ok {
					words = append(words, tok)
					ids = append(ids, a.T)
				}
			}
			if len(ids) != len(m.Anchors) || len(ids) == 0 {
				continue
			}
			kind := meantimeKind(m.SynType, words)
			if kind == "name" {
				if lo, hi, ok := nameRun(words); !ok {
					kind = "description" // a "name" that ends in common nouns
				} else if lo, ok = afterTitle(words, lo, hi); !ok {
					kind = "role" // "Chrysler Chief Executive"
				} else {
					ids = ids[lo:hi]
				}
			}
			s := span{at[ids[0]].start, at[ids[len(ids)-1]].end}
			if seen[s] {
				continue // the same span annotated for two instances counts once
			}
			seen[s] = true
			g.Entities[ei].Mentions = append(g.Entities[ei].Mentions,
				GoldMention{Start: s.start, End: s.end, Text: string(runes[s.start:s.end]), Kind: kind})
		}
	}
	kept := g.Entities[:0]
	for _, e := range g.Entities {
		if len(e.Mentions) > 0 {
			sort.Slice(e.Mentions, func(i, j int) bool { return e.Mentions[i].Start < e.Mentions[j].Start })
			kept = append(kept, e)
		}
	}
	g.Entities = kept
	inText := make(map[int]bool, len(at))
	for id := range at {
		inText[id] = true
	}
	g.Events = meantimeEvents(&doc, inText, ents)
	g.Times = []GoldTime{}
	for _, t := range doc.Marks.Timexes {
		if t.Function == "CREATION_TIME" && g.Published == "" && validDate(t.Value) {
			g.Published = t.Value // and, when the dateline is anchored, a time of the text too
		}
		s, ok := extent(t)
		if !ok {
			continue
		}
		gt := GoldTime{Start: s.start, End: s.end, Text: string(runes[s.start:s.end]), Type: t.Type}
		if t.Value != "" {
			v := t.Value
			gt.Value = &v
		}
		g.Times = append(g.Times, gt)
	}
	sort.Slice(g.Times, func(i, j int) bool { return g.Times[i].Start < g.Times[j].Start })
	if err := g.Check(); err != nil {
		return nil, err
	}
	return g, nil
}

// validDate reports whether v is a day (YYYY-MM-DD), the form the pipeline
// takes as a publication date.
func validDate(v string) bool {
	if len(v) != 10 || v[4] != '-' || v[7] != '-' {
		return false
	}
	_, err := strconv.Atoi(v[:4] + v[5:7] + v[8:])
	return err == nil
}

// ConvertMEANTIMEDir converts every *.xml under dir.
func ConvertMEANTIMEDir(dir string) ([]*Gold, error) {
	var files []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".xml") {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	var out []*Gold
	for _, p := range files {
		f, err := os.Open(p)
		if err != nil {
			return nil, err
		}
		g, err := ConvertMEANTIME(f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		out = append(out, g)
	}
	return out, nil
}

// WriteGold writes gold files into dir, one <id>.json each (the id made
// safe as a file name).
func WriteGold(dir string, golds []*Gold) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for i, g := range golds {
		name := safeName(g.ID)
		if name == "" {
			name = "article-" + strconv.Itoa(i+1)
		}
		b, err := marshalGold(g)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, name+".json"), b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

func safeName(id string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_', r == '.':
			return r
		}
		return '_'
	}, id)
}

// meantimeEvents converts the event mentions inside the converted text
// whose predicate is a PLOVER act. kept holds the ids of the tokens in the
// converted text; ents maps the ids of entities of our types to indexes
// (the names are read from the document, since entities without a mention
// in the text are dropped afterwards).
func meantimeEvents(doc *catDoc, kept map[int]bool, ents map[string]int) []GoldEvent {
	names := map[int]string{}
	for _, e := range doc.Marks.Entities {
		if i, ok := ents[e.ID]; ok {
			names[i] = e.Descriptor
		}
	}
	entityOf := map[string]string{} // entity mention id → entity name
	for _, rel := range doc.Rels.RefersTo {
		i, ok := ents[rel.Target.M]
		if !ok {
			continue
		}
		for _, src := range rel.Sources {
			entityOf[src.M] = names[i]
		}
	}
	roles := map[string][]catParticipant{}
	for _, p := range doc.Rels.Participants {
		roles[p.Source.M] = append(roles[p.Source.M], p)
	}
	out := []GoldEvent{}
	for _, ev := range doc.Marks.Events {
		typ, ok := meantimePLOVER[strings.ToLower(strings.TrimSpace(ev.Pred))]
		if !ok || len(ev.Anchors) == 0 {
			continue
		}
		inside := true
		for _, a := range ev.Anchors {
			inside = inside && kept[a.T]
		}
		if !inside {
			continue
		}
		g := GoldEvent{Type: typ, Actors: []string{}, Note: "MEANTIME " + ev.ID + " " + ev.Pred}
		for _, p := range roles[ev.ID] {
			name, ok := entityOf[p.Target.M]
			if !ok {
				continue
			}
			switch p.Role {
			case "Arg0":
				if !slices.Contains(g.Actors, name) {
					g.Actors = append(g.Actors, name)
				}
			case "Arg1":
				if !slices.Contains(g.Targets, name) {
					g.Targets = append(g.Targets, name)
				}
			}
		}
		out = append(out, g)
	}
	return out
}
