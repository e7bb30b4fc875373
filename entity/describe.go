package entity

import (
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph"
)

// Describe makes each noun phrase at spans[i] of d a description mention
// with an entity, for a later stage that finds an actor the mention stage
// did not: the subject of a report (`the heckler yelled`, `a new poll
// found`, `the ad says`). A span that a mention already covers exactly
// keeps that mention's entity; a pronoun or description mention there with
// no entity gets one of its own, and so does a first- or second-person
// pronoun no mention covers (the writer's `I said`): one entity per
// pronoun (I, me and my are one) or description as written, keyed
// "description:…". A new description joins the entity of an
// earlier description written the same way (without its determiner),
// else stands alone, keyed "description:…" as other descriptions with no
// antecedent are; it is a person when its head names one (`organizer`,
// `voters`), else an organisation (`the ad`, `the poll`: the body whose
// voice it is).
//
// Mentions stay in text order and entities in order of first mention:
// ents[i] is the entity of spans[i] (-1 for an empty or bad span) and
// remap[e] the new index of entity e as it was before the call.
func Describe(d *newsgraph.Document, spans []newsgraph.Span) (ents []int, remap []int) {
	remap = make([]int, len(d.Entities))
	for i := range remap {
		remap[i] = i
	}
	ents = make([]int, len(spans))
	type add struct {
		span int
		m    newsgraph.Mention
	}
	var adds []add
	var owns []int // spans of pronoun and description mentions with no entity
	byKey := map[string]int{}
	for ei, e := range d.Entities {
		if strings.HasPrefix(e.Key, "description:") {
			if _, ok := byKey[e.Key]; !ok {
				byKey[e.Key] = ei
			}
		}
	}
	for i, sp := range spans {
		ents[i] = -1
		if sp.Start < 0 || sp.End > len(d.Text) || sp.Start >= sp.End {
			continue
		}
		found := false
		for _, m := range d.Mentions {
			if m.Start == sp.Start && m.End == sp.End {
				ents[i], found = m.Entity, true
				if m.Entity < 0 && (m.Kind == newsgraph.PronounMention || m.Kind == newsgraph.DescriptionMention) {
					owns = append(owns, i)
				}
				break
			}
		}
		if found {
			continue
		}
		text := d.Text[sp.Start:sp.End]
		kind, typ := newsgraph.DescriptionMention, describedType(text)
		if ownPronoun(text) {
			kind, typ = newsgraph.PronounMention, pronounType(text)
		}
		adds = append(adds, add{i, newsgraph.Mention{Start: sp.Start, End: sp.End, Text: text,
			Kind: kind, Type: typ, Entity: -1, Sentence: d.SentenceOf(sp.Start)}})
	}
	if len(adds) == 0 && len(owns) == 0 {
		return ents, remap
	}
	sort.SliceStable(adds, func(a, b int) bool { return adds[a].m.Start < adds[b].m.Start })
	// new entities, or those of the same words said before
	for _, a := range adds {
		name := trimDeterminer(a.m.Text)
		key := descKey(name)
		if a.m.Kind == newsgraph.PronounMention {
			name, key = a.m.Text, descKey(pronounKey(a.m.Text))
		}
		ei, ok := byKey[key]
		if !ok {
			d.Entities = append(d.Entities, newsgraph.Entity{Name: name, Type: a.m.Type, Key: key, StandsFor: -1})
			ei = len(d.Entities) - 1
			byKey[key] = ei
		}
		ents[a.span] = ei
	}
	// insert the mentions in text order and renumber the entities' lists
	old := d.Mentions
	ms := make([]newsgraph.Mention, 0, len(old)+len(adds))
	newIdx := make([]int, len(old))
	var added []int
	ai := 0
	put := func(a add) {
		a.m.Entity = ents[a.span]
		added = append(added, len(ms))
		ms = append(ms, a.m)
	}
	for oi, m := range old {
		for ai < len(adds) && adds[ai].m.Start < m.Start {
			put(adds[ai])
			ai++
		}
		newIdx[oi] = len(ms)
		ms = append(ms, m)
	}
	for ; ai < len(adds); ai++ {
		put(adds[ai])
	}
	d.Mentions = ms
	for ei := range d.Entities {
		e := &d.Entities[ei]
		for k, mi := range e.Mentions {
			if mi >= 0 && mi < len(newIdx) {
				e.Mentions[k] = newIdx[mi]
			}
		}
	}
	for _, mi := range added {
		e := &d.Entities[d.Mentions[mi].Entity]
		e.Mentions = append(e.Mentions, mi)
	}
	// a pronoun or description the entity layer found no antecedent for
	// stands for itself (the writer's I, a we or you, `the mayor`): one
	// entity per pronoun or description as written
	for _, i := range owns {
		sp := spans[i]
		mi := sort.Search(len(ms), func(k int) bool { return ms[k].Start >= sp.Start })
		for ; mi < len(ms) && ms[mi].Start == sp.Start && ms[mi].End != sp.End; mi++ {
		}
		if mi == len(ms) || ms[mi].Start != sp.Start || ms[mi].Entity >= 0 && ms[mi].Entity != ents[i] {
			continue
		}
		if ms[mi].Entity < 0 {
			name, key, typ := ms[mi].Text, descKey(pronounKey(ms[mi].Text)), pronounType(ms[mi].Text)
			if ms[mi].Kind == newsgraph.DescriptionMention {
				name = trimDeterminer(name)
				key, typ = descKey(name), ms[mi].Type
				if typ == "" {
					typ = describedType(name)
				}
			}
			ei, ok := byKey[key]
			if !ok {
				d.Entities = append(d.Entities, newsgraph.Entity{Name: name, Type: typ, Key: key, StandsFor: -1})
				ei = len(d.Entities) - 1
				byKey[key] = ei
			}
			ms[mi].Entity = ei
			d.Entities[ei].Mentions = append(d.Entities[ei].Mentions, mi)
		}
		ents[i] = ms[mi].Entity
	}
	for ei := range d.Entities {
		sort.Ints(d.Entities[ei].Mentions)
	}
	// entities in order of first mention
	order := reorderEntities(d)
	for e := range remap {
		remap[e] = order[e]
	}
	for i, e := range ents {
		if e >= 0 {
			ents[i] = order[e]
		}
	}
	return ents, remap
}

// reorderEntities sorts d's entities by first mention, as Resolve leaves
// them, and returns the new index of each old one.
func reorderEntities(d *newsgraph.Document) []int {
	r := resolver{d: d}
	n := len(d.Entities)
	first := make([]int, n)
	for ei := range d.Entities {
		first[ei] = 1 << 30
		if ms := d.Entities[ei].Mentions; len(ms) > 0 {
			first[ei] = d.Mentions[ms[0]].Start
		}
	}
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return first[order[a]] < first[order[b]] })
	newIndex := make([]int, n)
	for ni, oi := range order {
		newIndex[oi] = ni
	}
	r.reorder()
	return newIndex
}

// describedType is the type of an entity known only by a description:
// a person when the head is a noun of people, else an organisation.
func describedType(text string) newsgraph.EntityType {
	h := descHead(text)
	if personHeads[h] {
		return newsgraph.Person
	}
	sing := strings.TrimSuffix(h, "s")
	for _, suf := range []string{"er", "or", "ist", "ian", "ant", "ent", "ee"} {
		if strings.HasSuffix(sing, suf) && !thingHeads[sing] {
			return newsgraph.Person
		}
	}
	return newsgraph.Org
}

// personHeads are nouns of people that the suffixes miss.
var personHeads = setOf(`man men woman women people person crowd audience voters voter fans fan critics critic
	aide aides staff staffer staffers official officials attendee attendees guest guests delegate delegates
	couple family families parents mother father son daughter wife husband friend friends host hosts
	candidate candidates nominee senator governor mayor judge jury panel majority minority democrats
	republicans conservatives liberals progressives americans`)

// thingHeads end like nouns of people but are things.
var thingHeads = setOf(`letter paper poster flyer filter report monitor chapter quarter number order
	document statement comment amendment agreement argument element segment trailer`)

// Attach makes mention mi of d, which has no entity, a mention of entity
// ei, for a later stage that learns whom it stands for (the "it" of `It
// added, "…"` after a company's statement). It refuses a mention before
// the entity's first one, which would change the order of the entities,
// and reports whether it attached.
func Attach(d *newsgraph.Document, mi, ei int) bool {
	if mi < 0 || mi >= len(d.Mentions) || ei < 0 || ei >= len(d.Entities) || d.Mentions[mi].Entity >= 0 {
		return false
	}
	e := &d.Entities[ei]
	if len(e.Mentions) == 0 || d.Mentions[e.Mentions[0]].Start > d.Mentions[mi].Start {
		return false
	}
	d.Mentions[mi].Entity = ei
	e.Mentions = append(e.Mentions, mi)
	sort.Ints(e.Mentions)
	return true
}

// pronounKey is the form under which a pronoun with no antecedent keys its
// entity: the same pronoun in any case and form of one person (I, me, my)
// is one entity.
func pronounKey(text string) string {
	if !ownPronoun(text) {
		return "pronoun " + strings.ToLower(text)
	}
	switch strings.ToLower(text) {
	case "i", "me", "my", "mine", "myself":
		return "pronoun i"
	case "we", "us", "our", "ours", "ourselves":
		return "pronoun we"
	case "you", "your", "yours", "yourself", "yourselves":
		return "pronoun you"
	}
	return "pronoun " + strings.ToLower(text)
}

// ownPronoun reports whether text is a pronoun of the first or second
// person, which the mention stage leaves out: one that stands for the
// writer, or those the writer speaks for or to.
func ownPronoun(text string) bool {
	switch strings.ToLower(text) {
	case "i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves", "you", "your", "yours", "yourself", "yourselves":
		return true
	}
	return false
}

// pronounType is the type of an entity known only by a pronoun: a person
// for I, you, he and she, else an organisation (we, it, they).
func pronounType(text string) newsgraph.EntityType {
	switch strings.ToLower(text) {
	case "i", "me", "my", "you", "your", "he", "him", "his", "she", "her":
		return newsgraph.Person
	}
	return newsgraph.Org
}
