// Package entity groups the mentions of a document into one entity per
// real-world referent (in-document coreference) and gives each entity a
// canonical key that is the same across documents and spellings.
//
// Names the knowledge base knows join by their key: "US", "USA" and "the
// United States of America" are one entity; so is a name the mention stage
// left without a key where another mention of it carries one. A demonym used
// as an adjective ("Ukrainian raw materials") is a mention of its country; a
// demonym that stands for a group of its own ("European allies", a plural
// such as "Americans") stays a NORP entity. Capitals and seats of
// government (Moscow, Washington, the White House) keep their own entity,
// with StandsFor pointing to the state they act for (created when the text
// never names it); descriptions of a state's leadership ("the leadership in
// Moscow", "the Ukrainian side") join the state itself.
//
// Before any name is resolved, the document's names are read once: a name
// the mention stage typed differently in two places gets the type most of
// its mentions have; a single word that is the surname of a full name in
// the document is that person (a known place only after the full name and
// not after "in", "from"…: Valeska Paris … Paris said); an organisation's
// short name joins its full name (Apple, Apple Computer; Lockheed,
// Lockheed Martin; Federal Reserve, United States Federal Reserve) unless
// the full name is a body of its own (University of Texas Press).
//
// People join by surname, compared with translit so that Zelensky,
// Zelenskyi and Selensky are one name, and by first name where both have
// one: two first names join when one is missing, an initial, a short form
// (Bill, William), or a spelling or typo of the other (Voldymyr,
// Volodymyr); names of two genders (Justin, Justine) or two different known
// names (Donald, Ivanka) keep two people apart, and so do honorifics (Mrs.
// Obama is not Barack). A surname alone joins the person with that surname
// mentioned last (the nearest full mention: "Clinton" after Bill is Bill,
// after Hillary again is Hillary); only if none has that surname does it
// join a person whose first name it is ("Francis" after "Pope Francis"). A
// title before a name joins the name's entity as a role; a title alone
// ("the head of state", "the minister") joins the person last given that
// title, or the person last mentioned within two sentences. Descriptions by
// a common noun ("officials", "the company", "a top Trump surrogate") join
// a name in apposition, an earlier description with the same head, or the
// organisation or titled person they describe, else stand as an entity of
// their own keyed "description:…" (description.go); a plural one is a
// group that they and them may refer to, never he, she or it.
//
// He and she join the best-scored person of their sentence and the three
// before: never one of the other gender; the subject of the pronoun's
// sentence, or of the sentence before when the pronoun opens its own, is
// preferred, then nearness, names that are surely a person's (a known first
// name, a title, an honorific) over capitalised phrases only guessed to be
// one, and salience; a possessive joins the subject of its own clause
// ("demanded that Zelensky withdraw his decree"). It and its join the
// organisation or state that acts in their sentence or the one before (an
// organisation before a place, the subject of a verb before a modifier such
// as "US car maker", never a publication when anything else fits), and
// nothing when a plan, proposal, document or other thing stands nearer
// ("the plan … According to the newspaper, it …") or when "it" is empty
// ("it is likely that"). They and them join an organisation or place that
// opens their sentence. A he or she right before a verb of speech with no
// person of its gender that near looks back eight sentences for one not
// named inside quotation marks, as news writing runs a speaker's
// quotations between the name and the pronoun (speaker.go). A relative
// "who" right after a mention is made a pronoun mention of that entity (of
// the person before a place: "Reed of Ohio, who"), so that a report in the
// relative clause has its speaker's mention. Describe and Attach let a
// later stage add a description mention or attach a pronoun (describe.go).
//
// The canonical name is the full name written most often, preferring a
// first name that the knowledge base knows (so the correctly spelled one of
// two variants wins); the knowledge base's name when the entity is known.
//
// # Keys
//
// Entity.Key is the knowledge base's key when the entity is known
// ("country:UA", "city:kyiv", "org:nato"). A person's key is PersonKey of
// the canonical name: "person:" and the transliteration keys of its words
// (person:volodimir-selenski for Volodymyr Zelensky, Wolodymyr Selenskyj and
// Volodymyr Zelenskyy alike). A person named only by the surname gets the
// one-word key of the surname (person:selenski): the store joins it to the
// full-name key ending in that word when one person of that surname
// dominates (merge.Surname, merge.Dominant), so a later full-name document
// takes in an earlier surname-only one where that is safe, and a surname
// two prominent people share stays apart. Other names are keyed by type
// and folded name ("org:general-motors").
//
// # Measured
//
// Pairwise identity over the gold mentions (`newsgraph convert meantime`,
// `newsgraph convert gum --genre news,interview`, then `newsgraph eval
// --gold DIR --only entities`), with names found at their exact spans by the
// mention stage ("name-name, both found") — MEANTIME (120 documents): P
// 0.975 R 0.957 F1 0.966; GUM news and interviews (43): P 0.947 R 0.941 F1
// 0.944; all 237 GUM documents: F1 0.888. Pronoun antecedents (the share of
// third-person gold pronouns with an earlier name or description whose
// resolution is right): MEANTIME 0.639, GUM news 0.408.
// With descriptions by a common noun (description.go), pairs with a
// description: MEANTIME F1 0.221 → 0.389, GUM news 0.040 → 0.089; pronoun
// antecedents MEANTIME 0.639 → 0.716, GUM news 0.408 → 0.532 (the same
// commands; the tree's name mentions changed meanwhile, so the name figures
// above are from before). Most remaining identity errors are names the
// mention stage typed or cut wrongly and descriptions whose span differs
// from the gold's (relative clauses, conjunctions).
// With the mention stage following the tagger where its rules only guess
// (more names found at their exact spans: name mention F1 MEANTIME 0.679 →
// 0.763, GUM news and interviews 0.575 → 0.643): name-name, both found,
// MEANTIME P 0.973 R 0.954 F1 0.964, GUM news and interviews 0.942 (P 0.945
// R 0.939), all GUM 0.892; pronoun antecedents MEANTIME 0.742, GUM news and
// interviews 0.547. The pairs now counted include names newly found ("North"
// for North Korea), which the gold joins and the resolver does not.
//
// # Invariants
// Every mention belongs to at most one entity and Mention.Entity says which
// (-1 for none); Entity.Mentions are in text order; StandsFor is -1 or a
// valid index; every person has a key (FuzzResolve checks these).
//
// # Concurrency
// Resolve keeps no state between documents and is safe for concurrent use;
// its tables are built once at init and never changed.
//
// # Performance
// Linear in the number of mentions times the number of people and names in
// the document (names are compared pairwise once, at the start).
// BenchmarkResolve (the stage alone over the model article and the 120
// MEANTIME texts, 210 KB) measured 13–22 ms an iteration on a loaded
// 2-core machine, about 10–16 MB/s on one core.
package entity

import (
	"sort"
	"strings"
	"unicode"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/kb"
	"github.com/newsgraph/newsgraph/translit"
)

// Stage is the entity stage of the pipeline.
var Stage = newsgraph.StageFunc{StageName: "entity", Fn: func(d *newsgraph.Document) error {
	Resolve(d)
	return nil
}}

// person holds what is known of a person while the mentions are read.
type person struct {
	first   string // first name as written, "" when unknown
	surname string
	gender  byte // 'M', 'F' or 0
	titles  []string
	// sure is set when something beyond capitals says the name is a
	// person's: a known first name, an honorific, a title
	sure       bool
	generation string // "Jr", "Sr", "III"… written after the full name, "" if none
}

type resolver struct {
	d     *newsgraph.Document
	byKey map[string]int // entity index by canonical key
	// nameType is the type a name without a knowledge-base key is given in
	// the document (the mention stage may type one name differently in two
	// places); personKB marks known names that the document uses as a
	// person's surname (Valeska Paris … Paris said); orgAlias maps the slug
	// of an organisation's short name to that of its full name (Apple →
	// Apple Computer, Federal Reserve → United States Federal Reserve)
	nameType map[string]newsgraph.EntityType
	personKB map[int]bool
	slugKB   map[string]string // knowledge-base key of a name that some mention carries
	slugs    []string          // slug of each name mention, computed once
	orgAlias map[string]string
	// firstOf maps a first name to the surname of the one full name in the
	// document that has it, so that the first name written alone, before or
	// after the full name, is that person ("Ahmed" … "Ahmed Mohamed")
	firstOf map[string]string
	people  map[int]*person
	persons []int // the keys of people in the order they were created, for a stable result
	subject []int // per sentence: entity of its first person mention, -1
	objSubj []int // per sentence: entity of its first non-person mention, -1
	desc    descState
}

// Resolve fills d.Entities and sets Mention.Entity.
func Resolve(d *newsgraph.Document) {
	d.Entities = d.Entities[:0]
	r := resolver{d: d, byKey: map[string]int{}, people: map[int]*person{}}
	r.subject = make([]int, len(d.Sentences))
	r.objSubj = make([]int, len(d.Sentences))
	for i := range r.subject {
		r.subject[i], r.objSubj[i] = -1, -1
	}
	relativeMentions(d)
	for i := range d.Mentions {
		d.Mentions[i].Entity = -1
	}
	r.unify()
	// names first, so that roles, descriptions and pronouns find them
	for i := range d.Mentions {
		m := &d.Mentions[i]
		if m.Kind == newsgraph.NameMention || m.Kind == newsgraph.DescriptionMention && m.Key != "" {
			r.name(i)
		}
	}
	for i := range d.Mentions {
		m := &d.Mentions[i]
		switch {
		case m.Kind == newsgraph.RoleMention:
			r.role(i)
		case m.Kind == newsgraph.DescriptionMention && m.Key == "":
			r.description(i)
		case m.Kind == newsgraph.PronounMention:
			r.pronoun(i)
		}
		if m.Entity >= 0 {
			r.noteSubject(i)
		}
	}
	r.finish()
}

// noteSubject records the first person and the first other mention of each
// sentence, the likely antecedents of a pronoun that opens the next one.
func (r *resolver) noteSubject(i int) {
	m := &r.d.Mentions[i]
	if m.Sentence < 0 || m.Sentence >= len(r.subject) {
		return
	}
	e := &r.d.Entities[m.Entity]
	if r.isGroup(m.Entity) {
		return // "officials" is no antecedent of he, she or it
	}
	if e.Type == newsgraph.Person {
		if r.subject[m.Sentence] < 0 {
			r.subject[m.Sentence] = m.Entity
		}
	} else if r.objSubj[m.Sentence] < 0 && !inside(r.d.Mentions, i) {
		r.objSubj[m.Sentence] = m.Entity
	}
}

// inside reports whether mention i lies inside an earlier, longer mention.
func inside(ms []newsgraph.Mention, i int) bool {
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		if ms[j].Start <= ms[i].Start && ms[i].End <= ms[j].End && ms[j].End-ms[j].Start > ms[i].End-ms[i].Start {
			return true
		}
	}
	return false
}

func (r *resolver) newEntity(name string, typ newsgraph.EntityType, key string) int {
	r.d.Entities = append(r.d.Entities, newsgraph.Entity{Name: name, Type: typ, Key: key, StandsFor: -1})
	if key != "" {
		r.byKey[key] = len(r.d.Entities) - 1
	}
	return len(r.d.Entities) - 1
}

func (r *resolver) attach(mi, ei int) {
	r.d.Mentions[mi].Entity = ei
	r.d.Entities[ei].Mentions = append(r.d.Entities[ei].Mentions, mi)
}

// kbEntity returns the entity of a knowledge-base key, creating it.
func (r *resolver) kbEntity(key string, fallback newsgraph.EntityType, fallbackName string) int {
	if ei, ok := r.byKey[key]; ok {
		return ei
	}
	name, typ := fallbackName, fallback
	if e, ok := kb.Get(key); ok {
		name, typ = e.Name, e.Type
	}
	ei := r.newEntity(name, typ, key)
	if e, ok := kb.Get(key); ok && e.StandsFor != "" && e.Type != newsgraph.NORP {
		st := r.kbEntity(e.StandsFor, newsgraph.GPE, e.StandsFor)
		r.d.Entities[ei].StandsFor = st
	}
	return ei
}

func (r *resolver) name(i int) {
	m := &r.d.Mentions[i]
	if r.personKB[i] {
		r.personName(i)
		return
	}
	if m.Key != "" {
		key := m.Key
		if m.Type == newsgraph.NORP && (!groupNoun(m.Text) || r.theBefore(i)) {
			if e, ok := kb.Get(m.Key); ok && e.StandsFor != "" {
				if _, ok := kb.Country(e.StandsFor); ok {
					key = e.StandsFor // "Ukrainian" → Ukraine
				}
			}
		}
		r.attach(i, r.kbEntity(key, m.Type, m.Text))
		return
	}
	typ := m.Type
	sl := r.slugs[i]
	if t, ok := r.nameType[sl]; ok {
		typ = t
	}
	if key, ok := r.slugKB[sl]; ok {
		// the name is known where the document writes it elsewhere
		r.attach(i, r.kbEntity(key, typ, m.Text))
		return
	}
	if long, ok := r.orgAlias[sl]; ok {
		sl = long
		if t, ok := r.nameType[long]; ok {
			typ = t
		}
	}
	if typ == newsgraph.Person {
		r.personName(i)
		return
	}
	key := typePrefix(typ) + sl
	if ei, ok := r.byKey[key]; ok {
		r.attach(i, ei)
		return
	}
	// an acronym of a name seen before: "European Union" … "EU"
	if ei := r.acronymOf(m.Text); ei >= 0 {
		r.attach(i, ei)
		return
	}
	r.attach(i, r.newEntity(trimThe(m.Text), typ, key))
}

// theBefore reports whether "the" is written just before mention i: "the
// Belgians" is the side that plays or acts, the country, where "Afghans"
// or "many Texans" are people of it.
func (r *resolver) theBefore(i int) bool {
	before := strings.TrimRight(r.d.Text[:r.d.Mentions[i].Start], " ")
	return strings.HasSuffix(before, " the") || strings.HasSuffix(before, " The") || before == "the" || before == "The"
}

// groupNoun reports whether a demonym is written as a plural noun
// ("Americans", "Afghans"): the people, a group of its own, not the
// country that the adjective ("American") refers to.
func groupNoun(text string) bool {
	n := len(text)
	return n > 3 && text[n-1] == 's' && text[n-2] != 's' && text[n-2] != '\''
}

// unify reads the names of the document before any is resolved: it gives
// each name without a knowledge-base key one type (the type most of its
// mentions have; a person's surname written alone is a person), marks
// known names used as a person's surname, and maps short names of
// organisations to their full names.
func (r *resolver) unify() {
	ms := r.d.Mentions
	r.slugs = make([]string, len(ms))
	for i := range ms {
		if ms[i].Kind == newsgraph.NameMention {
			r.slugs[i] = slug(ms[i].Text)
		}
	}
	count := map[string]*votes{}
	surnames := map[string]int{} // surname of a full name → index of its first full mention
	for i := range ms {
		m := &ms[i]
		if m.Kind == newsgraph.NameMention && m.Key != "" && m.Type != newsgraph.NORP {
			if r.slugKB == nil {
				r.slugKB = map[string]string{}
			}
			if _, ok := r.slugKB[r.slugs[i]]; !ok {
				r.slugKB[r.slugs[i]] = m.Key
			}
		}
		if m.Kind != newsgraph.NameMention || m.Key != "" {
			continue
		}
		sl := r.slugs[i]
		v := count[sl]
		if v == nil {
			v = &votes{first: m.Type, text: trimThe(m.Text)}
			v.words = strings.Fields(v.text)
			count[sl] = v
		}
		v.n[typeRank(m.Type)]++
		v.total++
		if m.Type == newsgraph.Person {
			// a first name is capitalised: "of Chrysler" is no full name
			if first, surname := nameWords(m.Text); first != "" && !startsLower(first) {
				if _, ok := surnames[surname]; !ok {
					surnames[surname] = i
				}
			}
		}
	}
	if len(count) == 0 && len(surnames) == 0 {
		return
	}
	r.firstNames(surnames)
	r.nameType = make(map[string]newsgraph.EntityType, len(count))
	for sl, v := range count {
		best := typeRank(v.first)
		for t, n := range v.n {
			if n > v.n[best] {
				best = t
			}
		}
		r.nameType[sl] = rankType[best]
	}
	// a title and a full name typed as one organisation ("NASA
	// Administrator Charles Bolden") is the person when the full name is
	// written as a person's elsewhere
	for sl, v := range count {
		if r.nameType[sl] == newsgraph.Person || len(v.words) < 3 {
			continue
		}
		first, surname := nameWords(v.text)
		at, ok := surnames[surname]
		if !ok || first == "" || !strings.HasSuffix(v.text, " "+first+" "+surname) {
			continue
		}
		if f, _ := nameWords(ms[at].Text); f == first {
			r.nameType[sl] = newsgraph.Person
		}
	}
	// a single word that is the surname of a full name in the document is
	// that person, however it was typed; a known place or organisation only
	// after the full name and not after a preposition of place
	for i := range ms {
		m := &ms[i]
		if m.Kind != newsgraph.NameMention || strings.ContainsRune(m.Text, ' ') {
			continue
		}
		at, ok := surnames[m.Text]
		if !ok && m.Key == "" {
			// a spelling of the surname ("Qaddafi", "Kadhafi" after
			// "Muammar Gaddafi"): a guessed type yields to it too
			ok = similarSurname(m.Text, surnames)
		}
		if !ok {
			continue
		}
		if m.Key == "" {
			r.nameType[r.slugs[i]] = newsgraph.Person
			continue
		}
		if at < i && m.Type != newsgraph.NORP && !r.afterPlacePreposition(i) && !r.orgBefore(m.Key, at) {
			if r.personKB == nil {
				r.personKB = map[int]bool{}
			}
			r.personKB[i] = true
		}
	}
	r.orgAliases(count, surnames)
	r.knownOrgAliases(count)
	r.compassNames(count)
}

// compassNames joins a point of the compass written alone ("the North")
// to the one country of the document whose name begins with it (North
// Korea).
func (r *resolver) compassNames(count map[string]*votes) {
	for sl, v := range count {
		if len(v.words) != 1 || !compass[v.words[0]] {
			continue
		}
		key := ""
		for _, m := range r.d.Mentions {
			if m.Kind != newsgraph.NameMention || m.Key == "" || !strings.HasPrefix(m.Text, v.words[0]+" ") || m.Key == key {
				continue
			}
			if e, ok := kb.Get(m.Key); !ok || e.Type != newsgraph.GPE {
				continue
			}
			if key != "" {
				key = "-" // two: South Korea and South Africa
				break
			}
			key = m.Key
		}
		if key != "" && key != "-" {
			r.slugKB[sl] = key
		}
	}
}

var compass = map[string]bool{"North": true, "South": true, "East": true, "West": true}

// startsLower reports whether w begins with a lower-case letter.
func startsLower(w string) bool {
	for _, c := range w {
		return unicode.IsLower(c)
	}
	return false
}

// orgBefore reports whether key is an organisation of the knowledge base
// that a name mention before mention at already stands for: "Ford" in an
// article on the Ford Motor Company stays the company after "William Clay
// Ford Jr.".
func (r *resolver) orgBefore(key string, at int) bool {
	if e, ok := kb.Get(key); !ok || e.Type != newsgraph.Org {
		return false
	}
	for j := 0; j < at; j++ {
		if m := &r.d.Mentions[j]; m.Kind == newsgraph.NameMention && m.Key == key {
			return true
		}
	}
	return false
}

// firstNames fills r.firstOf: each first name of a full person name in the
// document that no other full name shares and that is no one's surname.
func (r *resolver) firstNames(surnames map[string]int) {
	ms := r.d.Mentions
	of := map[string]string{}
	for _, at := range surnames {
		first, surname := nameWords(ms[at].Text)
		if _, ok := surnames[first]; ok || len(first) < 3 || strings.HasSuffix(first, ".") {
			continue
		}
		if sn, ok := of[first]; ok && sn != surname {
			of[first] = "" // two people share it
			continue
		}
		of[first] = surname
	}
	for f, sn := range of {
		if sn == "" {
			continue
		}
		if r.firstOf == nil {
			r.firstOf = map[string]string{}
		}
		r.firstOf[f] = sn
	}
}

// similarSurname reports whether w is a spelling of one of the surnames
// (translit.SimilarWord), for words of four letters or more.
func similarSurname(w string, surnames map[string]int) bool {
	if len(w) < 4 {
		return false
	}
	for sn := range surnames {
		if translit.SimilarWord(w, sn) {
			return true
		}
	}
	return false
}

// knownOrgAliases joins an organisation's full name to the knowledge-base
// entity of its short name when the words it adds only say what kind of
// company it is (Apple, Apple Computer; Aer Lingus, Aer Lingus Group PLC;
// Boeing, Boeing Commercial Airplanes), and a short name to the known
// entity of its full name (Lockheed, Lockheed Martin).
func (r *resolver) knownOrgAliases(count map[string]*votes) {
	ms := r.d.Mentions
	type known struct {
		words []string
		key   string
	}
	var kn []known
	seen := map[string]bool{}
	for i := range ms {
		m := &ms[i]
		if m.Kind != newsgraph.NameMention || m.Key == "" || m.Type != newsgraph.Org || seen[m.Key+m.Text] {
			continue
		}
		seen[m.Key+m.Text] = true
		kn = append(kn, known{strings.Fields(trimThe(m.Text)), m.Key})
	}
	for sl, v := range count {
		if _, ok := r.slugKB[sl]; ok {
			continue
		}
		t := r.nameType[sl]
		ws := v.words
		// a known organisation with its legal form or trade: "General
		// Motors Corporation" is General Motors, however it is written
		// elsewhere ("GM")
		if t == newsgraph.Org && len(ws) >= 2 {
			found := false
			for n := len(ws) - 1; n >= 1 && industryWords(ws[n:]); n-- {
				if e, ok := kb.Lookup(strings.Join(ws[:n], " ")); ok && e.Type == newsgraph.Org {
					if r.slugKB == nil {
						r.slugKB = map[string]string{}
					}
					r.slugKB[sl] = e.Key
					found = true
					break
				}
			}
			if found {
				continue
			}
		}
		for _, k := range kn {
			switch {
			case len(ws) > len(k.words) && wordsEqual(ws[:len(k.words)], k.words) && t == newsgraph.Org &&
				industryWords(ws[len(k.words):]):
			case len(ws) < len(k.words) && wordsEqual(k.words[:len(ws)], ws) && len(ws[0]) > 2 &&
				!orgHeads[strings.ToLower(k.words[len(k.words)-1])] && !kb.IsFirstName(ws[0]):
			case len(ws) > len(k.words) && t == newsgraph.Org && wordsEqual(ws[len(ws)-len(k.words):], k.words) &&
				placeWords(ws[:len(ws)-len(k.words)]):
				// the country written before it: United States Federal Reserve
			default:
				continue
			}
			if r.slugKB == nil {
				r.slugKB = map[string]string{}
			}
			r.slugKB[sl] = k.key
			break
		}
	}
}

// placeWords reports whether words are the name of a country, place or
// people of the knowledge base ("United States", "US", "American").
func placeWords(words []string) bool {
	e, ok := kb.Lookup(strings.Join(words, " "))
	return ok && (e.Type == newsgraph.GPE || e.Type == newsgraph.NORP)
}

// industryWords reports whether words only say what kind of company a
// name is: legal forms and trades (Computer, Commercial Airplanes, Group).
func industryWords(words []string) bool {
	for _, w := range words {
		w = strings.ToLower(strings.TrimSuffix(w, "."))
		if !orgDesignators[w] && !industries[w] {
			return false
		}
	}
	return true
}

var industries = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`computer computers commercial airplanes aircraft auto autos cars software
		electronics pharmaceuticals pharma chemicals steel mining foods beverages brands stores retail energy
		petroleum telecom telecommunications communications entertainment studios pictures networks semiconductor
		semiconductors financial capital`) {
		m[w] = true
	}
	return m
}()

// votes counts the types one name is given in a document.
type votes struct {
	n     [8]int
	first newsgraph.EntityType
	text  string   // the name as first written, without "the"
	words []string // its words
	total int
}

// typeRank numbers the types for the vote of unify; on a tie the first
// mention's type wins.
func typeRank(t newsgraph.EntityType) int {
	for i, x := range rankType {
		if x == t {
			return i
		}
	}
	return len(rankType) - 1
}

var rankType = [8]newsgraph.EntityType{newsgraph.Person, newsgraph.Org, newsgraph.GPE, newsgraph.Loc,
	newsgraph.Fac, newsgraph.NORP, newsgraph.EventT, ""}

// afterPlacePreposition reports whether the word before mention i is a
// preposition that introduces a place ("in Paris").
func (r *resolver) afterPlacePreposition(i int) bool {
	m := &r.d.Mentions[i]
	k := sort.Search(len(r.d.Tokens), func(k int) bool { return r.d.Tokens[k].Start >= m.Start })
	if k == 0 {
		return false
	}
	switch strings.ToLower(r.d.Tokens[k-1].Text) {
	case "in", "at", "from", "to", "near", "across", "outside", "inside", "throughout", "toward", "towards", "of", "into", "via":
		return true
	}
	return false
}

// orgAliases maps the short name of an organisation to its full name when
// the document writes both: the full name starts with the short one
// (Apple, Apple Computer; Lockheed, Lockheed Martin; China Eastern, China
// Eastern Airlines) or adds a place before it (Federal Reserve, United
// States Federal Reserve; RAF, UK RAF). A short name that several full
// names start with is mapped only when they differ by legal or
// organisational words alone (Chrysler Group, Chrysler LLC).
func (r *resolver) orgAliases(count map[string]*votes, surnames map[string]int) {
	type cand struct {
		slug string
		tail []string // the words of the full name that the short one lacks
	}
	for short, v := range count {
		t := r.nameType[short]
		ws := v.words
		if t == newsgraph.Person && (len(ws) != 1 || kb.IsFirstName(ws[0])) {
			continue
		}
		if _, ok := surnames[v.text]; ok {
			continue
		}
		var cands []cand
		for long, lv := range count {
			if long == short || r.nameType[long] != newsgraph.Org {
				continue
			}
			lws := lv.words
			if len(lws) <= len(ws) || orgHeads[strings.ToLower(lws[len(lws)-1])] {
				continue // University of Texas Press is not University of Texas
			}
			if len(ws) == 1 && t == newsgraph.Org && len(ws[0]) >= 2 && strings.ToUpper(ws[0]) == ws[0] && containsWord(lws[1:], ws[0]) {
				// the acronym written inside the full name: European
				// Aeronautic Defence and Space Company EADS N.V. … EADS
				cands = append(cands, cand{long, nil})
			} else if wordsEqual(lws[:len(ws)], ws) || t == newsgraph.Org && shortened(ws, lws[:len(ws)]) {
				cands = append(cands, cand{long, lws[len(ws):]})
			} else if wordsEqual(lws[len(lws)-len(ws):], ws) {
				if t == newsgraph.Org && len(lws) > len(ws)+1 && lws[len(lws)-len(ws)-1] == "of" {
					// a body named for what it serves: Church of Scientology … Scientology
					cands = append(cands, cand{long, nil})
					continue
				}
				if e, ok := kb.Lookup(strings.Join(lws[:len(lws)-len(ws)], " ")); ok && (e.Type == newsgraph.GPE || e.Type == newsgraph.NORP) {
					cands = append(cands, cand{long, nil})
				}
			}
		}
		if len(cands) == 0 {
			continue
		}
		best := cands[0]
		for _, c := range cands[1:] {
			if !designators(c.tail) || !designators(best.tail) {
				best.slug = ""
				break
			}
			if count[c.slug].total > count[best.slug].total || count[c.slug].total == count[best.slug].total && c.slug < best.slug {
				best = c
			}
		}
		if best.slug == "" {
			continue
		}
		if r.orgAlias == nil {
			r.orgAlias = map[string]string{}
		}
		r.orgAlias[short] = best.slug
	}
	// a full name that is itself the short name of a longer one: follow
	for short, long := range r.orgAlias {
		for n := 0; n < 4; n++ {
			next, ok := r.orgAlias[long]
			if !ok || next == short {
				break
			}
			long = next
		}
		r.orgAlias[short] = long
	}
}

func wordsEqual(a, b []string) bool {
	for i := range a {
		if !strings.EqualFold(strings.TrimSuffix(a[i], "'s"), strings.TrimSuffix(b[i], "'s")) {
			return false
		}
	}
	return true
}

func containsWord(ws []string, w string) bool {
	for _, x := range ws {
		if x == w {
			return true
		}
	}
	return false
}

// shortened reports whether the words short are the words long with the
// last one cut to its first letters: Penske Auto, Penske Automotive. The
// other words are equal and the cut word keeps four letters or more.
func shortened(short, long []string) bool {
	n := len(short)
	if n < 2 || !wordsEqual(short[:n-1], long[:n-1]) {
		return false
	}
	w, lw := strings.TrimSuffix(short[n-1], "."), long[n-1]
	return len(w) >= 4 && len(w) < len(lw) && strings.HasPrefix(lw, w)
}

// designators reports whether words only say what kind of body a name is
// (Group, Inc., LLC, Airways): Chrysler Group and Chrysler LLC are one
// company.
func designators(words []string) bool {
	for _, w := range words {
		if !orgDesignators[strings.ToLower(strings.TrimSuffix(w, "."))] {
			return false
		}
	}
	return true
}

// orgHeads are last words of a name that make it a body of its own, part
// of or beside the one named by its first words.
var orgHeads = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`association council committee commission foundation press institute center centre
		school college university department office party union society league museum hospital clinic complex
		club team board bureau agency fund trust academy church branch division unit chapter station airport
		stadium park library review journal times post news magazine prize award awards`) {
		m[w] = true
	}
	return m
}()

var orgDesignators = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`group inc corp corporation company co llc ltd limited plc spa s.p.a sa ag gmbh nv bv
		holding holdings international intl airlines airline airways motors motor automotive industries enterprises
		incorporated lp llp partners technologies systems`) {
		m[w] = true
	}
	return m
}()

func (r *resolver) acronymOf(text string) int {
	if len(text) < 2 || len(text) > 6 || strings.ToUpper(text) != text {
		return -1
	}
	for ei := range r.d.Entities {
		e := &r.d.Entities[ei]
		if e.Type == newsgraph.Person {
			continue
		}
		if acronymFits(text, e.Name) {
			return ei
		}
		// or of another name it is written as: Penske Auto … Penske
		// Automotive Group … PAG
		for _, mi := range e.Mentions {
			if m := &r.d.Mentions[mi]; m.Kind == newsgraph.NameMention && m.Text != e.Name && acronymFits(text, trimThe(m.Text)) {
				return ei
			}
		}
	}
	return -1
}

// acronymFits reports whether text is the acronym of the name, with or
// without its legal form (GM, General Motors Corporation).
func acronymFits(text, name string) bool {
	if !strings.Contains(name, " ") {
		return false
	}
	ws := strings.Fields(name)
	if initials(ws) == text {
		return true
	}
	for n := len(ws) - 1; n >= 2 && designators(ws[n:]); n-- {
		if initials(ws[:n]) == text {
			return true
		}
	}
	return false
}

// initials returns the capital initials of the words ("General Motors" →
// "GM").
func initials(ws []string) string {
	var b strings.Builder
	for _, w := range ws {
		if w[0] >= 'A' && w[0] <= 'Z' {
			b.WriteByte(w[0])
		}
	}
	return b.String()
}

// nameWords splits a person's name into first name and surname, leaving out
// honorifics, titles that belong to the name ("Pope"), places written
// before it ("United States Barack Obama"), a word that is not a first name
// before a first name ("Scientologist Tom Cruise"), what follows "of"
// ("Nathan Law of Demosisto") and initials' dots.
func nameWords(text string) (first, surname string) {
	first, surname, _ = nameParts(text)
	return first, surname
}

// nameParts is nameWords that also returns the gender an honorific gives
// (Mr → 'M', Mrs, Ms, Miss → 'F'), 0 when none.
func nameParts(text string) (first, surname string, gender byte) {
	ws := strings.Fields(text)
	for i, w := range ws {
		if i > 0 && w == "of" {
			ws = ws[:i]
			break
		}
	}
	for len(ws) > 1 && (kb.IsTitleWord(strings.TrimSuffix(ws[0], ".")) || honorific(ws[0])) {
		if g := honorificGender(ws[0]); g != 0 {
			gender = g
		}
		ws = ws[1:]
	}
	// a place or people before the name: "United States Barack Obama"
	for k := min(len(ws)-2, 3); k >= 1 && !kb.IsFirstName(ws[0]); k-- {
		if e, ok := kb.Lookup(strings.Join(ws[:k], " ")); ok && (e.Type == newsgraph.GPE || e.Type == newsgraph.NORP) {
			ws = ws[k:]
			break
		}
	}
	// words before the first known first name are no part of the name:
	// "Scientologist Tom Cruise", "NASA Administrator Charles Bolden"
	if len(ws) >= 3 && !kb.IsFirstName(ws[0]) && !strings.HasSuffix(ws[0], ".") {
		for k := 1; k < len(ws)-1; k++ {
			if kb.IsFirstName(ws[k]) {
				ws = ws[k:]
				break
			}
		}
	}
	// suffixes: Jr., Sr., III
	for len(ws) > 1 {
		w := strings.TrimSuffix(ws[len(ws)-1], ".")
		if w == "Jr" || w == "Sr" || w == "II" || w == "III" || w == "IV" {
			ws = ws[:len(ws)-1]
			continue
		}
		break
	}
	if len(ws) == 0 {
		return "", "", gender
	}
	if len(ws) == 1 {
		return "", ws[0], gender
	}
	return ws[0], ws[len(ws)-1], gender
}

func honorific(w string) bool {
	switch strings.ToLower(strings.TrimSuffix(w, ".")) {
	case "mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lady", "lord":
		return true
	}
	return false
}

func honorificGender(w string) byte {
	switch strings.ToLower(strings.TrimSuffix(w, ".")) {
	case "mr", "sir", "lord", "king", "prince":
		return 'M'
	case "mrs", "ms", "miss", "dame", "lady", "queen", "princess":
		return 'F'
	}
	return 0
}

// firstCompatible reports whether two first names may be the same person's:
// one is missing, one is an initial of the other, one is a short form of
// the other (Bill, William), or they are the same name allowing for
// transliteration and typos (Voldymyr, Volodymyr; Kristin, Kristen) — but
// never two names the knowledge base gives different genders (Justin,
// Justine) or two known names that are not a typo apart (Donald, Ivanka).
func firstCompatible(a, b string) bool {
	if a == "" || b == "" {
		return true
	}
	ka, kb2 := translit.WordKey(a), translit.WordKey(b)
	if len(ka) <= 2 || len(kb2) <= 2 {
		return ka != "" && kb2 != "" && ka[0] == kb2[0]
	}
	ga, knownA := kb.FirstNameGender(a)
	gb, knownB := kb.FirstNameGender(b)
	if knownA && knownB && (ga == 'M' && gb == 'F' || ga == 'F' && gb == 'M') {
		return false
	}
	if ka == kb2 || sameGivenName(a, b) {
		return true
	}
	return translit.SimilarWord(a, b)
}

func (r *resolver) personName(i int) {
	m := &r.d.Mentions[i]
	first, surname, gender := nameParts(m.Text)
	if surname == "" {
		return
	}
	gen := generationOf(m.Text)
	if gender == 0 {
		gender = r.honorificBefore(i)
	}
	// the person with this surname mentioned last; failing that, the
	// person mentioned last whose first name this single word is
	// ("Francis" after "Pope Francis")
	best, byFirst := -1, -1
	for _, ei := range r.persons {
		p := r.people[ei]
		if gender != 0 && p.gender != 0 && p.gender != gender {
			continue // Mr Clinton is not Hillary Clinton
		}
		if !translit.SimilarWord(surname, p.surname) {
			if first == "" && p.first != "" && translit.SimilarWord(surname, p.first) &&
				(byFirst < 0 || r.lastMention(ei) > r.lastMention(byFirst)) {
				byFirst = ei
			}
			continue
		}
		if !firstCompatible(first, p.first) {
			continue
		}
		if first != "" && p.first != "" && gen != p.generation {
			continue // Donald Trump Jr. is not his father
		}
		if best < 0 || r.lastMention(ei) > r.lastMention(best) {
			best = ei
		}
	}
	if best < 0 {
		best = byFirst
	}
	if best < 0 {
		best = r.newEntity(m.Text, newsgraph.Person, "")
		p := &person{surname: surname}
		if sn, ok := r.firstOf[surname]; ok && first == "" && gender == 0 {
			// a first name alone whose full name comes later
			p.first, p.surname = surname, sn
		}
		r.people[best] = p
		r.persons = append(r.persons, best)
	}
	p := r.people[best]
	if p.first == "" && first != "" {
		p.first = first
		p.generation = gen
	}
	if gender != 0 || m.Role != "" || first != "" && kb.IsFirstName(first) || r.personKB[i] {
		p.sure = true
	}
	if p.gender == 0 && gender != 0 {
		p.gender = gender
	}
	if p.gender == 0 && first != "" {
		if g, ok := kb.FirstNameGender(first); ok && (g == 'M' || g == 'F') {
			p.gender = g
		}
	}
	r.attach(i, best)
}

// honorificBefore returns the gender of an honorific written just before
// mention i and left outside it ("Mrs. Clinton"), 0 when none.
func (r *resolver) honorificBefore(i int) byte {
	text := r.d.Text[:r.d.Mentions[i].Start]
	j := len(text)
	for j > 0 && (text[j-1] == ' ' || text[j-1] == '.') {
		j--
	}
	k := j
	for k > 0 && (text[k-1] >= 'a' && text[k-1] <= 'z' || text[k-1] >= 'A' && text[k-1] <= 'Z') {
		k--
	}
	if j-k < 2 || j-k > 8 {
		return 0
	}
	return honorificGender(text[k:j])
}

// lastMention is the index of the entity's last mention so far (-1 if none).
func (r *resolver) lastMention(ei int) int {
	ms := r.d.Entities[ei].Mentions
	if len(ms) == 0 {
		return -1
	}
	return ms[len(ms)-1]
}

// role joins a title to the name written after it.
func (r *resolver) role(i int) {
	m := &r.d.Mentions[i]
	for j := i + 1; j < len(r.d.Mentions); j++ {
		n := &r.d.Mentions[j]
		if n.Start > m.End+2 || n.Sentence != m.Sentence {
			break
		}
		if n.Kind == newsgraph.NameMention && n.Start >= m.End && n.Entity >= 0 {
			r.attach(i, n.Entity)
			if p := r.people[n.Entity]; p != nil {
				p.titles = append(p.titles, titleOf(m.Text))
				p.sure = true
			}
			return
		}
	}
}

// titleOf strips a possessive determiner from a role ("his special envoy").
func titleOf(role string) string {
	for _, p := range [...]string{"his ", "her ", "their ", "its ", "our ", "the ", "The ", "a ", "A ", "an ", "An "} {
		role = strings.TrimPrefix(role, p)
	}
	return role
}

// description joins "the head of state" to the person last given that title,
// or to the person last mentioned within the two sentences before.
func (r *resolver) description(i int) {
	m := &r.d.Mentions[i]
	if m.Role == "" {
		r.commonDescription(i) // "officials", "the company"
		return
	}
	if m.Type != newsgraph.Person {
		return
	}
	title := strings.ToLower(titleOf(m.Role))
	if title == "" {
		title = strings.ToLower(titleOf(m.Text))
	}
	best, bestAt := -1, -1
	for _, ei := range r.persons {
		p := r.people[ei]
		for _, t := range p.titles {
			if tl := strings.ToLower(t); tl == title || strings.HasSuffix(tl, " "+title) {
				if at := r.lastBefore(ei, i); at > bestAt {
					best, bestAt = ei, at
				}
			}
		}
	}
	if best < 0 {
		best = r.nearestPerson(i, 0, 2)
	}
	if best >= 0 {
		r.attach(i, best)
	}
}

// lastBefore is the index of the entity's last mention before mention i.
func (r *resolver) lastBefore(ei, i int) int {
	at := -1
	for _, mi := range r.d.Entities[ei].Mentions {
		if mi < i {
			at = mi
		}
	}
	return at
}

// nearestPerson returns the entity of the nearest person mention before
// mention i within maxBack sentences whose gender agrees with g (0: any).
func (r *resolver) nearestPerson(i int, g byte, maxBack int) int {
	si := r.d.Mentions[i].Sentence
	for j := i - 1; j >= 0; j-- {
		n := &r.d.Mentions[j]
		if n.Sentence < si-maxBack {
			break
		}
		if n.Entity < 0 || r.d.Entities[n.Entity].Type != newsgraph.Person || n.End > r.d.Mentions[i].Start || r.isGroup(n.Entity) {
			continue
		}
		if p := r.people[n.Entity]; p != nil && g != 0 && p.gender != 0 && p.gender != g {
			continue
		}
		return n.Entity
	}
	return -1
}

func (r *resolver) pronoun(i int) {
	m := &r.d.Mentions[i]
	lower := strings.ToLower(m.Text)
	switch lower {
	case "he", "him", "his", "she", "her", "hers":
		g := byte('M')
		if lower[0] == 's' || lower == "her" || lower == "hers" {
			g = 'F'
		}
		ei := r.cataphor(i, g)
		if ei < 0 {
			ei = r.personAntecedent(i, g)
		}
		if ei < 0 && (lower == "he" || lower == "she") && r.speechSubject(i) {
			ei = r.farSpeaker(i, g)
		}
		if ei >= 0 {
			if p := r.people[ei]; p != nil && p.gender == 0 {
				p.gender = g
			}
			r.attach(i, ei)
		}
	case "it", "its":
		if lower == "it" && r.expletive(i) {
			return
		}
		if ei := r.thingAntecedent(i); ei >= 0 {
			r.attach(i, ei)
		}
	case "who":
		if ei := r.relativeAntecedent(i); ei >= 0 {
			r.attach(i, ei)
			m.Type = r.d.Entities[ei].Type
		}
	case "they", "them", "their":
		// the first organisation or place of this sentence before the pronoun
		for j := i - 1; j >= 0; j-- {
			n := &r.d.Mentions[j]
			if n.Sentence != m.Sentence {
				break
			}
			if n.Entity >= 0 && r.d.Entities[n.Entity].Type != newsgraph.Person && !inside(r.d.Mentions, j) && r.objSubj[m.Sentence] == n.Entity &&
				!r.placeOnly(n.Entity) {
				r.attach(i, n.Entity)
				return
			}
		}
		if ei := r.groupAntecedent(i); ei >= 0 {
			r.attach(i, ei) // "Officials said … they"
		}
	}
}

// placeOnly reports a place that is not a state: a city, region or
// unknown place is no "they" ("in Michigan a week ago, they supported
// her": the voters).
func (r *resolver) placeOnly(ei int) bool {
	e := &r.d.Entities[ei]
	switch e.Type {
	case newsgraph.Loc, newsgraph.Fac:
		return e.StandsFor < 0
	case newsgraph.GPE:
		return e.StandsFor < 0 && !strings.HasPrefix(e.Key, "country:")
	}
	return false
}

// cataphor returns the person a his/her (gender g) in an opening phrase
// without a finite verb refers to when that phrase ends with a comma and
// the person's name follows it as the subject: "Standing … with Mayor
// Walsh by her side, Hillary Clinton turned …"; -1 otherwise.
func (r *resolver) cataphor(i int, g byte) int {
	m := &r.d.Mentions[i]
	if m.Sentence < 0 || m.Sentence >= len(r.d.Sentences) {
		return -1
	}
	s := r.d.Sentences[m.Sentence]
	comma := -1
	for k := s.FirstToken; k < s.EndToken; k++ {
		t := &r.d.Tokens[k]
		if t.Start >= m.End && t.Text == "," {
			comma = k
			break
		}
		switch t.POS {
		case "VBD", "VBZ", "VBP", "MD":
			return -1 // a clause of its own: "After Obama met Putin in his office, …"
		}
		if t.Kind == newsgraph.QuoteMark || t.Text == ";" || t.Text == ":" || k-s.FirstToken > 40 {
			return -1
		}
	}
	if comma < 0 || comma+1 >= s.EndToken {
		return -1
	}
	next := r.d.Tokens[comma+1].Start
	for j := i + 1; j < len(r.d.Mentions); j++ {
		n := &r.d.Mentions[j]
		if n.Start < next {
			continue
		}
		if n.Start > next {
			return -1
		}
		if n.Kind == newsgraph.RoleMention && j+1 < len(r.d.Mentions) && r.d.Mentions[j+1].Start <= n.End+1 {
			// "Senator Jane Miller": the name after the title
			next = r.d.Mentions[j+1].Start
			continue
		}
		if n.Entity < 0 || n.Kind != newsgraph.NameMention {
			return -1
		}
		if r.d.Entities[n.Entity].Type != newsgraph.Person || r.isGroup(n.Entity) || !r.genderFits(n.Entity, g) ||
			r.after(n.End) != verbAfter {
			return -1
		}
		return n.Entity
	}
	return -1
}

// personAntecedent chooses the person a he or she (gender g) refers to among
// the people mentioned in its sentence and the three before: a person of
// another gender is never chosen; the subject of the pronoun's sentence,
// or of the sentence before when the pronoun opens its own, is preferred;
// then nearness, a name that is surely a person's (a known first name, a
// title, an honorific) over a capitalised phrase only guessed to be one,
// and how often the person has been mentioned so far.
func (r *resolver) personAntecedent(i int, g byte) int {
	m := &r.d.Mentions[i]
	si := m.Sentence
	type cand struct {
		last, count int // last mention before i; mentions before i
	}
	cands := map[int]*cand{}
	var order []int
	for j := i - 1; j >= 0; j-- {
		n := &r.d.Mentions[j]
		if n.Sentence < si-3 {
			break
		}
		if n.Entity < 0 || n.End > m.Start || r.d.Entities[n.Entity].Type != newsgraph.Person || r.isGroup(n.Entity) {
			continue
		}
		if !r.genderFits(n.Entity, g) {
			continue
		}
		c := cands[n.Entity]
		if c == nil {
			c = &cand{last: j}
			cands[n.Entity] = c
			order = append(order, n.Entity)
		}
	}
	if len(order) == 0 {
		return -1
	}
	for _, ei := range order {
		for _, mi := range r.d.Entities[ei].Mentions {
			if mi < i {
				cands[ei].count++
			}
		}
	}
	opens := r.opensSentence(i)
	possessive := strings.EqualFold(m.Text, "his") || strings.EqualFold(m.Text, "her")
	subj := r.subjectBefore(i)
	best, bestScore := -1, 0.0
	for _, ei := range order { // nearest first: ties go to the nearer
		c := cands[ei]
		n := &r.d.Mentions[c.last]
		score := -1.0 * float64(si-n.Sentence)
		if subj == ei {
			score += 1.5
		}
		if si > 0 && si-1 < len(r.subject) && r.subject[si-1] == ei && (opens || r.subject[si] < 0) {
			score += 1.5
		}
		if p := r.people[ei]; p != nil {
			if p.gender == g {
				score += 0.5
			}
			if p.sure {
				score += 1
			} else {
				score -= 0.5
			}
		}
		score += 0.25 * float64(min(c.count, 6))
		if r.isDescOnly(ei) {
			score -= 0.5 // "a spokesman" is less often the he of a report than a named person
		}
		if ei == order[0] && n.Sentence == si && possessive && r.after(n.End) == verbAfter {
			score += 1 // "demanded that Zelensky withdraw his decree": the subject of the clause
		}
		if best < 0 || score > bestScore {
			best, bestScore = ei, score
		}
	}
	return best
}

// subjectBefore returns the subject of the sentence of pronoun i: its
// first person mention, unless that mention is the object of a preposition
// ("with Mayor Walsh by her side, Hillary Clinton turned …"); then the
// first later person before the pronoun that a verb follows.
func (r *resolver) subjectBefore(i int) int {
	m := &r.d.Mentions[i]
	si := m.Sentence
	if si < 0 || si >= len(r.subject) {
		return -1
	}
	first := r.subject[si]
	if first < 0 {
		return -1
	}
	for j := i - 1; j >= 0 && r.d.Mentions[j].Sentence == si; j-- {
		n := &r.d.Mentions[j]
		if n.Entity != first || r.lastBefore(first, j) >= 0 && r.d.Mentions[r.lastBefore(first, j)].Sentence == si {
			continue
		}
		// n is the first mention of first in the sentence
		if !r.afterPreposition(n.Start) {
			return first
		}
		for k := j + 1; k < i; k++ {
			c := &r.d.Mentions[k]
			if c.Entity >= 0 && c.Entity != first && c.Kind != newsgraph.PronounMention &&
				r.d.Entities[c.Entity].Type == newsgraph.Person && !r.isGroup(c.Entity) &&
				!r.afterPreposition(c.Start) && r.after(c.End) == verbAfter {
				return c.Entity
			}
		}
		return first
	}
	return first
}

// subjectPreps introduce a name that is no subject.
var subjectPreps = map[string]bool{"with": true, "by": true, "to": true, "for": true, "of": true, "from": true,
	"at": true, "beside": true, "alongside": true, "near": true, "against": true, "among": true, "behind": true}

// afterPreposition reports whether the word before offset at is a
// preposition, over at most one title or capitalised word ("with Mayor
// Marty Walsh").
func (r *resolver) afterPreposition(at int) bool {
	k := sort.Search(len(r.d.Tokens), func(k int) bool { return r.d.Tokens[k].Start >= at })
	for n := 0; k > 0 && n < 2; n++ {
		k--
		t := &r.d.Tokens[k]
		if lowerIn(subjectPreps, t.Text) {
			return true
		}
		if !startsUpperASCII(t.Text) {
			return false
		}
	}
	return false
}

// thingAntecedent chooses the organisation, place or state an "it" or
// "its" refers to among the non-person entities of its sentence and the
// one before: organisations before places, the subject of a verb
// ("Ryanair announced that it") before a modifier ("US car maker",
// "Russia's"), nearer before farther; publications only when nothing else
// fits. It returns -1 when a plan, proposal, document or other thing that
// is no entity stands between the pronoun and every candidate: the pronoun
// most likely refers to that.
func (r *resolver) thingAntecedent(i int) int {
	m := &r.d.Mentions[i]
	si := m.Sentence
	best, bestScore := -1, 0.0
	for j := i - 1; j >= 0; j-- {
		n := &r.d.Mentions[j]
		if n.Sentence < si-1 || n.Sentence == si-1 && !r.opensSentence(i) && r.objSubj[si] >= 0 {
			break
		}
		if n.Entity < 0 || n.End > m.Start || n.Kind == newsgraph.PronounMention && n.Entity < 0 || r.isGroup(n.Entity) {
			continue
		}
		if n.Sentence == si && r.accordingTo(n.Start) {
			continue // "According to the newspaper, it …": the source is not what it says
		}
		e := &r.d.Entities[n.Entity]
		if e.Type == newsgraph.Person || e.Type == newsgraph.NORP {
			continue
		}
		if (e.Type == newsgraph.GPE || e.Type == newsgraph.Loc || e.Type == newsgraph.Fac) && !strings.HasPrefix(e.Key, "country:") &&
			r.afterPlacePreposition(j) && r.after(n.End) != verbAfter {
			continue // "signed … in Rome last October …, providing it is ratified": where, not what
		}
		if r.thingBetween(n.End, m.Start) {
			break // "the plan … it": the nearer thing is the antecedent
		}
		after := r.after(n.End)
		if n.Sentence < si && after != verbAfter && r.thingBetween(r.d.Sentences[n.Sentence].Start, n.Start) {
			continue // "the plan … makes no mention of … Russia. … it": the plan is the subject
		}
		score := -0.5 * float64(si-n.Sentence)
		switch e.Type {
		case newsgraph.Org:
			score += 2
		case newsgraph.GPE:
			score += 0.5
		}
		if publication(e.Name) {
			score -= 2.5
		}
		if inside(r.d.Mentions, j) {
			score -= 2
		}
		switch after {
		case verbAfter:
			score += 2
		case modifierAfter:
			score -= 1.5
		}
		if r.objSubj[n.Sentence] == n.Entity {
			score += 0.5
		}
		if best < 0 || score > bestScore {
			best, bestScore = n.Entity, score
		}
	}
	if bestScore < 0 {
		return -1
	}
	return best
}

// publication reports whether a name is a newspaper's, magazine's or
// agency's: "it" in a report is rarely the paper.
func publication(name string) bool {
	ws := strings.Fields(name)
	if len(ws) == 0 {
		return false
	}
	switch strings.ToLower(ws[len(ws)-1]) {
	case "times", "post", "journal", "herald", "tribune", "gazette", "telegraph", "guardian", "magazine", "news",
		"press", "review", "chronicle", "observer", "mirror", "express", "independent", "daily", "weekly", "reuters",
		"afp", "interfax", "tass", "bloomberg":
		return true
	}
	return false
}

// thingNouns are nouns of things that "it" refers to more often than to an
// organisation named before them: "the plan", "a proposal", "the document".
var thingNouns = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`plan plans proposal proposals document documents deal agreement bill law report
		statement letter treaty ceasefire truce offer draft resolution measure decision program programme initiative
		framework memorandum accord pact text idea list system project strategy policy budget contract order
		ruling verdict judgment sanction package scheme reform study survey book film video article interview
		website site campaign move step process product service device model technology machine weapon missile
		drone vehicle car plane aircraft ship building bridge road question issue problem situation war conflict
		attack operation mission crisis economy market company firm government team group party newspaper paper`) {
		m[w] = true
	}
	return m
}()

// thingDeterminers open the noun phrase of a thing: "the plan", "his new
// proposal".
var thingDeterminers = map[string]bool{"the": true, "a": true, "an": true, "this": true, "that": true,
	"his": true, "her": true, "their": true, "its": true, "our": true, "new": true, "same": true}

// thingBetween reports whether a noun of a thing stands, after a
// determiner, between byte offsets a and b ("… told reporters the plan …
// it").
func (r *resolver) thingBetween(a, b int) bool {
	k := sort.Search(len(r.d.Tokens), func(k int) bool { return r.d.Tokens[k].Start >= a })
	for ; k < len(r.d.Tokens) && r.d.Tokens[k].End <= b; k++ {
		t := &r.d.Tokens[k]
		if t.Kind != newsgraph.Word || k == 0 || !lowerIn(thingNouns, t.Text) {
			continue
		}
		if lowerIn(thingDeterminers, r.d.Tokens[k-1].Text) || k >= 2 && lowerIn(thingDeterminers, r.d.Tokens[k-2].Text) {
			return true
		}
	}
	return false
}

// What follows a mention: a verb (it acts), a noun or possessive (it
// describes), or neither.
const (
	otherAfter = iota
	verbAfter
	modifierAfter
)

func (r *resolver) after(end int) int {
	k := sort.Search(len(r.d.Tokens), func(k int) bool { return r.d.Tokens[k].Start >= end })
	if k >= len(r.d.Tokens) {
		return otherAfter
	}
	t := &r.d.Tokens[k]
	if strings.HasPrefix(t.Text, "'") || strings.HasPrefix(t.Text, "’") {
		return modifierAfter
	}
	if lowerIn(afterVerbs, t.Text) {
		return verbAfter
	}
	if lowerIn(afterOther, t.Text) {
		return otherAfter
	}
	if t.POS != "" {
		switch {
		case strings.HasPrefix(t.POS, "VB") || t.POS == "MD":
			return verbAfter
		case t.POS == "NN" || t.POS == "NNP" || t.POS == "NNPS" || t.POS == "POS":
			return modifierAfter // a plural noun may be a mis-tagged verb ("speaks")
		}
		return otherAfter
	}
	if startsUpperASCII(t.Text) {
		return modifierAfter
	}
	if t.Kind == newsgraph.Word && t.Text[0] >= 'a' && t.Text[0] <= 'z' {
		return verbAfter // untagged: a lowercase word after a name is most often its verb
	}
	return otherAfter
}

var afterVerbs = map[string]bool{"said": true, "says": true, "has": true, "had": true, "have": true, "is": true,
	"was": true, "will": true, "would": true, "announced": true, "told": true, "plans": true, "planned": true,
	"reported": true, "stated": true, "added": true, "can": true, "could": true, "may": true, "might": true,
	"must": true, "should": true, "wants": true, "intends": true, "did": true, "does": true, "also": true,
	"agreed": true, "filed": true, "posted": true, "released": true, "speaks": true, "spoke": true}

var afterOther = map[string]bool{"and": true, "or": true, "but": true, "of": true, "in": true, "on": true,
	"at": true, "to": true, "for": true, "with": true, "from": true, "by": true, "as": true, "who": true,
	"whom": true, "whose": true, "which": true, "that": true, "the": true, "a": true, "an": true, "than": true,
	"into": true, "about": true, "after": true, "before": true, "during": true}

// lowerIn looks w up in m by its ASCII lowercase form without allocating.
func lowerIn(m map[string]bool, w string) bool {
	var buf [24]byte
	if len(w) > len(buf) {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return m[string(buf[:len(w)])]
}

func startsUpperASCII(w string) bool { return w != "" && w[0] >= 'A' && w[0] <= 'Z' }

func (r *resolver) genderFits(ei int, g byte) bool {
	p := r.people[ei]
	return p == nil || p.gender == 0 || p.gender == g
}

// opensSentence reports whether mention i is the first word of its sentence
// (after quotation marks and connectives such as "However,").
func (r *resolver) opensSentence(i int) bool {
	m := &r.d.Mentions[i]
	if m.Sentence < 0 || m.Sentence >= len(r.d.Sentences) {
		return false
	}
	s := r.d.Sentences[m.Sentence]
	words := 0
	for k := s.FirstToken; k < s.EndToken && r.d.Tokens[k].Start < m.Start; k++ {
		if r.d.Tokens[k].Kind == newsgraph.Word {
			words++
		}
		if r.d.Tokens[k].Text == "," || r.d.Tokens[k].Kind == newsgraph.QuoteMark {
			words = 0
		}
	}
	return words == 0
}

// expletive reports whether "it" is the empty subject of "it was the first
// meeting", "it is likely that", "it seems": a form of be followed by an
// adjective or participle that takes a clause, or a verb of seeming.
// "It would cut jobs" and "it is exercising its options" refer.
func (r *resolver) expletive(i int) bool {
	m := &r.d.Mentions[i]
	k := sort.Search(len(r.d.Tokens), func(k int) bool { return r.d.Tokens[k].Start >= m.End })
	if k >= len(r.d.Tokens) {
		return false
	}
	switch strings.ToLower(r.d.Tokens[k].Text) {
	case "seems", "seemed", "appears", "appeared", "takes", "took":
		return true
	case "is", "was", "'s", "’s", "remains", "remained", "would", "will", "has", "had":
	default:
		return false
	}
	for j := k + 1; j < len(r.d.Tokens) && j <= k+3; j++ {
		w := strings.ToLower(r.d.Tokens[j].Text)
		if expletiveWords[w] {
			return true
		}
		if w != "not" && w != "be" && w != "been" && w != "also" && w != "still" && w != "now" && w != "very" && w != "the" && w != "a" && w != "an" {
			return false
		}
	}
	return false
}

// expletiveWords follow "it is" when "it" stands for a clause that comes
// later: "it is likely that", "it was reported that", "it is time to".
var expletiveWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`likely unlikely clear unclear possible impossible important necessary essential
		time first last second third true false obvious evident certain uncertain known unknown hoped feared
		expected believed thought said reported understood estimated claimed alleged rumoured rumored agreed
		decided announced confirmed planned difficult hard easy hoped unusual rare common worth enough too
		surprising remarkable sad good bad better best worse fair unfair right wrong up about`) {
		m[w] = true
	}
	return m
}()

// finish names the entities, lists aliases and roles, and orders
// everything by first mention.
func (r *resolver) finish() {
	d := r.d
	for ei := range d.Entities {
		e := &d.Entities[ei]
		sort.Ints(e.Mentions)
		names := map[string]int{}
		var order []string
		var roles []string
		for _, mi := range e.Mentions {
			m := &d.Mentions[mi]
			switch m.Kind {
			case newsgraph.NameMention:
				if names[m.Text] == 0 {
					order = append(order, m.Text)
				}
				names[m.Text]++
			case newsgraph.RoleMention:
				roles = appendUnique(roles, titleOf(m.Text))
			case newsgraph.DescriptionMention:
				if e.Type == newsgraph.Person {
					roles = appendUnique(roles, titleOf(m.Text))
				}
			}
		}
		e.Roles = roles
		if _, known := kb.Get(e.Key); !known || e.Key == "" {
			if len(order) > 0 {
				e.Name = canonical(order, names, e.Type)
			}
			if e.Type == newsgraph.Person && !r.isDescOnly(ei) {
				e.Key = PersonKey(e.Name)
			}
		}
		e.Aliases = e.Aliases[:0]
		for _, n := range order {
			if trimThe(n) != trimThe(e.Name) {
				e.Aliases = append(e.Aliases, n)
			}
		}
	}
	r.reorder()
}

// PersonKey is the canonical key of a person whom the knowledge base does
// not know, from the canonical name: "person:" and the transliteration keys
// (see translit.Key) of the name's words without honorifics, titles and the
// places written before it, joined by hyphens, so that Volodymyr Zelensky,
// Wolodymyr Selenskyj and Volodymyr Zelenskyy all have the key
// person:volodimir-selenski. A short form of a given name is keyed as the
// formal name when it has only one (Bill → William, Larry → Lawrence); middle
// names and initials stay, and so does a generation (Jr., III), since a
// son is another person.
//
// A person named only by the surname in a document gets the one-word key of
// the surname (person:selenski). Across documents such a key is joined to
// the full-name key whose last word it is, where that is safe: when one
// person of that surname dominates the store (merge.Surname,
// merge.Dominant); a surname shared by two prominent people stays apart.
func PersonKey(name string) string {
	first, surname, _ := nameParts(name)
	if surname == "" {
		return "person:" + strings.ReplaceAll(translit.Key(name), " ", "-")
	}
	ws := strings.Fields(name)
	// the words from the first name to the surname, and a generation after it
	var parts []string
	if first != "" {
		from := -1
		for i, w := range ws {
			if w == first {
				from = i
				break
			}
		}
		for i := from; from >= 0 && i < len(ws); i++ {
			parts = append(parts, ws[i])
			if ws[i] == surname && i > from {
				if i+1 < len(ws) && generation(ws[i+1]) {
					parts = append(parts, ws[i+1])
				}
				break
			}
		}
		if formal := nicknames[strings.ToLower(first)]; len(formal) == 1 && len(parts) > 0 {
			parts[0] = formal[0]
		}
	}
	if len(parts) == 0 {
		parts = []string{surname}
		// a regnal or religious name keeps its title: Pope Francis, King Charles
		for i := len(ws) - 1; i > 0; i-- {
			if ws[i] == surname && regnalTitles[strings.ToLower(ws[i-1])] {
				parts = []string{ws[i-1], surname}
				break
			}
		}
	}
	return "person:" + strings.ReplaceAll(translit.Key(strings.Join(parts, " ")), " ", "-")
}

var regnalTitles = map[string]bool{"pope": true, "king": true, "queen": true, "prince": true, "princess": true,
	"emperor": true, "empress": true, "sheikh": true, "emir": true, "sultan": true, "patriarch": true, "ayatollah": true,
	"saint": true, "st.": true}

// generationOf returns the generation written at the end of a name
// ("Jr" of "Donald Trump Jr."), "" when none.
func generationOf(name string) string {
	i := strings.LastIndexByte(strings.TrimRight(name, " "), ' ')
	if i < 0 {
		return ""
	}
	w := strings.TrimSuffix(name[i+1:], ".")
	if generation(w) {
		return w
	}
	return ""
}

func generation(w string) bool {
	switch strings.TrimSuffix(w, ".") {
	case "Jr", "Sr", "II", "III", "IV":
		return true
	}
	return false
}

// canonical picks the name of an entity from its written names: for people
// the full name with a known first name, written most often, longest; for
// others the name written most often, then the longest.
func canonical(order []string, count map[string]int, typ newsgraph.EntityType) string {
	score := func(n string) (int, int, int) {
		full, known := 0, 0
		if typ == newsgraph.Person {
			first, _ := nameWords(n)
			if first != "" {
				full = 1
				if kb.IsFirstName(first) {
					known = 1
				}
			}
		}
		return full*2 + known, count[n], len(n)
	}
	best := order[0]
	for _, n := range order[1:] {
		a1, a2, a3 := score(n)
		b1, b2, b3 := score(best)
		if a1 > b1 || a1 == b1 && (a2 > b2 || a2 == b2 && a3 > b3) {
			best = n
		}
	}
	return trimThe(best)
}

func appendUnique(list []string, s string) []string {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return list
		}
	}
	return append(list, s)
}

// reorder sorts entities by their first mention (states created only for a
// capital come after it) and renumbers the indexes that point at them.
func (r *resolver) reorder() {
	d := r.d
	n := len(d.Entities)
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	first := func(ei int) int {
		if len(d.Entities[ei].Mentions) == 0 {
			return 1 << 30
		}
		return d.Mentions[d.Entities[ei].Mentions[0]].Start
	}
	sort.SliceStable(order, func(a, b int) bool { return first(order[a]) < first(order[b]) })
	newIndex := make([]int, n)
	for ni, oi := range order {
		newIndex[oi] = ni
	}
	ents := make([]newsgraph.Entity, n)
	for ni, oi := range order {
		ents[ni] = d.Entities[oi]
		if ents[ni].StandsFor >= 0 {
			ents[ni].StandsFor = newIndex[ents[ni].StandsFor]
		}
	}
	copy(d.Entities, ents)
	for i := range d.Mentions {
		if e := d.Mentions[i].Entity; e >= 0 {
			d.Mentions[i].Entity = newIndex[e]
		}
	}
}

func typePrefix(t newsgraph.EntityType) string {
	switch t {
	case newsgraph.Org:
		return "org:"
	case newsgraph.GPE:
		return "gpe:"
	case newsgraph.Loc:
		return "loc:"
	case newsgraph.Fac:
		return "fac:"
	case newsgraph.NORP:
		return "norp:"
	}
	return "other:"
}

// slug is the key of a name that the knowledge base does not know: folded,
// without "the", words joined by hyphens.
func slug(name string) string {
	return strings.ReplaceAll(translit.Key(trimThe(name)), " ", "-")
}

func trimThe(s string) string {
	for _, p := range [...]string{"the ", "The ", "THE "} {
		if strings.HasPrefix(s, p) {
			return s[len(p):]
		}
	}
	return s
}
