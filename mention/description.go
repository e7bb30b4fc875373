package mention

import (
	"strings"

	"github.com/newsgraph/newsgraph"
)

// Descriptions of actors by a common noun: "officials", "the company", "a
// spokesman for the campaign", "the ad's narrator", "White House aides",
// "police". They let quotes and events name speakers and actors that the
// text gives only by description, and coreference join them to the names
// they stand for (the entity stage decides which).
//
// A description is a noun phrase whose head is a word of actorNouns: the
// head is the last noun of the phrase ("campaign aides": aides, not
// campaign), so a head noun followed by another noun is not one. Going
// left from the head, the phrase takes modifiers (adjectives, nouns,
// numbers, hyphenated ages, names already found as mentions), a possessive
// ("the ad's", "Trump's") and stops after a determiner ("the", "a", "his",
// "several"). A singular head needs a determiner or a possessive ("the
// company"; not "company" in "company policy"); a plural or a collective
// head stands alone ("officials said", "police"). To the right it takes a
// preposition and a name ("members of Congress", "a spokesman for Clinton",
// "officials from the Kremlin"). Nouns of documents ("the report", "a
// poll") are descriptions only where the document speaks: before a verb of
// saying or finding, or after "according to"; an indefinite one that names
// no author ("according to a media report") stands for no actor and is
// left out.
//
// The mention's Type is PERSON, ORG or NORP as the head says (a plural of
// people is a group, NORP: "officials", "US troops"); Role stays
// empty (descriptions that are titles, found by description(), carry
// their title in Role), Key stays empty.

// nounClass says what a head noun describes.
type nounClass uint8

const (
	personNoun     nounClass = iota + 1 // a person: spokesman, narrator
	peopleNoun                          // people: officials, critics
	orgNoun                             // an organisation: company, campaign
	orgsNoun                            // organisations: companies, banks
	collectiveNoun                      // a body named by a singular that needs no article: police
	groupNoun                           // a group of people of a kind (NORP): conservatives
	documentNoun                        // a document that speaks: report, poll
)

// actorNouns maps the head nouns of descriptions (lowercase) to their class.
var actorNouns = func() map[string]nounClass {
	m := map[string]nounClass{}
	add := func(c nounClass, words string) {
		for _, w := range strings.Fields(words) {
			m[w] = c
		}
	}
	add(personNoun, `spokesman spokeswoman spokesperson official aide adviser advisor critic analyst expert
		economist strategist lawmaker legislator narrator announcer reader viewer listener caller writer author
		reporter correspondent columnist commentator editor attorney lawyer prosecutor judge juror investigator
		detective officer trooper soldier agent diplomat envoy negotiator source insider resident witness voter
		supporter opponent protester protestor demonstrator activist advocate organizer organiser consultant
		pollster researcher scientist scholar historian professor teacher student doctor physician nurse
		surgeon worker employee executive manager owner founder donor candidate nominee challenger incumbent
		candidate senator congressman congresswoman representative delegate member leader chairman chairwoman
		president director governor mayor minister secretary commissioner administrator chief
		man woman boy girl child person friend neighbor neighbour relative wife husband mother father son
		daughter brother sister niece nephew uncle aunt cousin grandmother grandfather widow widower
		questioner interviewer moderator narrator veteran victim survivor suspect defendant plaintiff
		user customer passenger driver pilot farmer miner immigrant refugee citizen surrogate fellow
		architect partner colleague ally rival successor predecessor counterpart staffer operative
		campaigner lobbyist banker trader investor shareholder creditor taxpayer consumer fan skeptic
		sceptic proponent backer rebel militant fighter gunman regulator inspector commander ambassador`)
	add(peopleNoun, `officials aides advisers advisors critics analysts experts economists strategists lawmakers
		legislators readers viewers listeners callers writers authors reporters journalists correspondents
		columnists commentators editors attorneys lawyers prosecutors judges jurors investigators detectives
		officers troopers soldiers troops agents diplomats envoys negotiators sources insiders residents
		witnesses voters supporters opponents protesters protestors demonstrators activists advocates
		organizers organisers consultants pollsters researchers scientists scholars historians professors
		teachers students doctors physicians nurses workers employees executives managers owners founders
		donors candidates nominees senators congressmen representatives delegates members leaders
		environmentalists conservationists economists observers people men women children parents families
		friends neighbors neighbours relatives veterans victims survivors suspects defendants plaintiffs users
		customers passengers drivers pilots farmers miners immigrants refugees citizens fans critics skeptics
		sceptics proponents backers allies rivals opponents rebels militants fighters insurgents gunmen
		separatists regulators authorities spokesmen spokeswomen spokespeople staffers operatives surrogates
		campaigners lobbyists bankers traders investors shareholders creditors taxpayers consumers
		homeowners parishioners worshippers pilgrims mourners onlookers bystanders organizers participants
		attendees delegates inspectors monitors experts commanders generals ministers governors mayors
		presidents directors chairmen chiefs`)
	add(orgNoun, `company firm campaign party agency ministry government administration committee commission
		council court union coalition alliance group organization organisation bank automaker carmaker
		manufacturer maker airline carrier retailer insurer lender network newspaper paper magazine
		broadcaster channel website station department board bureau office school university college
		hospital club team league fund foundation institute regime management business corporation
		conglomerate giant operator provider developer producer chain brand startup utility charity
		publisher studio label federation association society church army navy military militia
		legislature parliament senate congress cabinet panel tribunal jury outlet tabloid daily`)
	add(orgsNoun, `companies firms campaigns parties agencies ministries governments committees commissions
		councils courts unions coalitions groups organizations organisations banks automakers carmakers
		manufacturers makers airlines carriers retailers insurers lenders networks newspapers broadcasters
		media institutions businesses corporations operators providers developers producers utilities
		charities publishers federations associations militias outlets`)
	add(collectiveNoun, `police staff press public leadership military management media`)
	add(groupNoun, `conservatives liberals progressives moderates evangelicals centrists populists nationalists
		socialists libertarians independents loyalists royalists unionists hardliners`)
	add(documentNoun, `report reports study studies survey surveys poll polls letter statement ad ads
		advertisement commercial book ruling analysis article piece memo filing lawsuit complaint indictment
		transcript video clip film documentary post tweet data figures estimate estimates document
		documents records research review audit assessment finding findings editorial column
		decision opinion order verdict motion petition proposal release announcement`)
	return m
}()

// determinerWords open a description and end the walk to the left.
var determinerWords = map[string]bool{
	"the": true, "a": true, "an": true, "this": true, "that": true, "these": true, "those": true,
	"his": true, "her": true, "their": true, "its": true, "our": true, "my": true, "your": true,
	"some": true, "many": true, "most": true, "several": true, "both": true, "all": true, "few": true,
	"another": true, "each": true, "every": true, "no": true, "any": true, "one": true, "two": true,
	"three": true, "four": true, "five": true, "six": true, "seven": true, "eight": true, "nine": true,
	"ten": true, "numerous": true, "various": true, "certain": true, "such": true,
}

// modifierWords may stand between a determiner and a head without a tag
// to say so: "other officials", "senior aides", "local police".
var modifierWords = map[string]bool{
	"other": true, "senior": true, "top": true, "local": true, "federal": true, "state": true, "city": true,
	"former": true, "current": true, "independent": true, "anonymous": true, "unnamed": true,
	"foreign": true, "western": true, "international": true, "national": true, "regional": true,
	"campaign": true, "government": true, "administration": true, "company": true, "party": true,
	"military": true, "police": true, "security": true, "intelligence": true, "industry": true,
	"election": true, "health": true, "defense": true, "defence": true, "financial": true, "legal": true,
	"private": true, "public": true, "young": true, "old": true, "new": true, "same": true, "first": true,
	"last": true, "leading": true, "ruling": true, "governing": true, "opposition": true, "rival": true,
	"chief": true, "deputy": true, "assistant": true, "executive": true, "special": true, "press": true,
}

// prepositions that attach a name to a description on its right: "members
// of Congress", "a spokesman for Clinton".
var descriptionPreps = map[string]bool{"of": true, "for": true, "from": true, "at": true}

// documentVerbs follow a document that speaks: "the report says".
var documentVerbs = map[string]bool{
	"says": true, "said": true, "say": true, "found": true, "finds": true, "find": true, "shows": true,
	"showed": true, "show": true, "concluded": true, "concludes": true, "noted": true, "notes": true,
	"stated": true, "states": true, "reads": true, "read": true, "argued": true, "argues": true,
	"warned": true, "warns": true, "estimated": true, "estimates": true, "suggests": true, "suggested": true,
	"predicts": true, "predicted": true, "claims": true, "claimed": true, "added": true, "adds": true,
	"reported": true, "reports": true, "indicated": true, "indicates": true, "revealed": true,
	"reveals": true, "asserted": true, "asserts": true, "alleged": true, "alleges": true, "called": true,
	"calls": true, "recommended": true, "recommends": true, "described": true, "describes": true,
	"explained": true, "explains": true, "urged": true, "urges": true, "accused": true, "accuses": true,
	"asked": true, "asks": true, "declared": true, "declares": true, "wrote": true, "writes": true,
	"shown": true, "mentions": true, "mentioned": true, "cited": true, "cites": true, "projected": true,
	"projects": true,
}

// documentAux may stand between a document and its verb: "the report also
// says", "studies have shown".
var documentAux = map[string]bool{"also": true, "further": true, "has": true, "have": true, "had": true,
	"previously": true, "recently": true}

// actorNounEnds is the filter of actorNouns (endsFilter), so that most
// words cost no lookup in descriptions.
var actorNounEnds = endsFilter(actorNouns)

// wordEnds says which lowercase keys a map holds by their first and last
// bytes (endClass) and length: bit n of [first][last] is set when a key of
// n bytes (n < 32) begins and ends so.
type wordEnds [27][27]uint32

func endsFilter[V any](m map[string]V) *wordEnds {
	var e wordEnds
	for w := range m {
		if len(w) > 0 && len(w) < 32 {
			e[endClass(w[0])][endClass(w[len(w)-1])] |= 1 << len(w)
		}
	}
	return &e
}

// mayHold reports whether the map of e may hold w lowercased as
// lowerLookup does; false means it does not.
func (e *wordEnds) mayHold(w string) bool {
	if len(w) == 0 || len(w) >= 32 {
		return true
	}
	return e[endClass(asciiLower(w[0]))][endClass(asciiLower(w[len(w)-1]))]&(1<<len(w)) != 0
}

// endClass is 0–25 for a lowercase ASCII letter, 26 for any other byte.
func endClass(c byte) int {
	if c >= 'a' && c <= 'z' {
		return int(c - 'a')
	}
	return 26
}

func asciiLower(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// descriptions finds the descriptions of sentence si; the mentions found so
// far in the sentence are f.out[before:].
func (f *finder) descriptions(si, before int) {
	if f.headline {
		return
	}
	s := f.d.Sentences[si]
	lo, hi := s.FirstToken, s.EndToken
	for k := lo; k < hi; k++ {
		t := &f.toks[k]
		if t.Kind != newsgraph.Word || len(t.Text) < 3 || len(t.Text) > 24 {
			continue
		}
		w := t.Text
		poss := possessiveLen(w)
		w = w[:len(w)-poss]
		if !actorNounEnds.mayHold(w) {
			continue
		}
		class, ok := lowerLookup(actorNouns, w)
		if !ok {
			continue
		}
		if startsUpper(w) && !f.initialWord(k, lo) || allUpper(w) {
			continue // a capitalised head inside a sentence belongs to a name ("the Senate")
		}
		if f.covered(k, before) {
			continue
		}
		if poss == 0 && f.nounFollows(k, hi) {
			continue // "company officials": the head comes later
		}
		plural := class == peopleNoun || class == orgsNoun || class == groupNoun ||
			class == documentNoun && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "is")
		start, det, possessor := f.descriptionStart(k, lo, before, plural)
		if start < 0 {
			continue
		}
		if start == t.Start && !f.accordingTo(k) && !f.verbFollows(k, hi) &&
			(strings.HasPrefix(t.POS, "VB") || k > lo && strings.EqualFold(f.toks[k-1].Text, "to")) {
			continue // a verb: "he monitors", "to press for"
		}
		if class == collectiveNoun && poss == 0 && !f.collectiveStands(k, hi) {
			continue // "a military presence", "public opinion"
		}
		end := t.End - poss
		switch class {
		case personNoun, orgNoun:
			if !det && !possessor {
				continue // "campaign finance", "party line"
			}
		case documentNoun:
			if !f.documentSpeaks(k, start, hi) {
				continue
			}
			// "according to a media report": an indefinite document that
			// nobody is said to have written stands for no actor
			if d := f.toks[f.tokenAt(start)].Text; strings.EqualFold(d, "a") || strings.EqualFold(d, "an") {
				if _, et := f.descriptionPP(k, hi, before); et <= k+1 {
					continue
				}
			}
		}
		endTok := k + 1
		if poss == 0 {
			if e, et := f.descriptionPP(k, hi, before); et > endTok {
				end, endTok = e, et
			}
		}
		if f.crosses(start, end, before) {
			continue
		}
		typ := newsgraph.Person
		switch class {
		case orgNoun, orgsNoun, collectiveNoun, documentNoun:
			typ = newsgraph.Org
			if class == collectiveNoun && (strings.EqualFold(w, "staff") || strings.EqualFold(w, "public")) {
				typ = newsgraph.Person
			}
		case groupNoun, peopleNoun:
			// a plural of people is a group, not a person: "the European
			// allies", "US troops", "Interfax-Ukraine journalists"
			typ = newsgraph.NORP
		}
		f.emit(start, end, newsgraph.DescriptionMention, typ, "", "", si)
		k = endTok - 1
	}
}

// covered reports whether token k lies inside a mention found before in the
// sentence.
func (f *finder) covered(k, before int) bool {
	t := &f.toks[k]
	for i := before; i < len(f.out); i++ {
		m := &f.out[i]
		if m.Start <= t.Start && t.End <= m.End {
			return true
		}
	}
	return false
}

// crosses reports whether [start, end) would cross a mention found before
// in the sentence (overlap it without either holding the other).
func (f *finder) crosses(start, end, before int) bool {
	for i := before; i < len(f.out); i++ {
		m := &f.out[i]
		if m.Start < end && start < m.End && !(start <= m.Start && m.End <= end) && !(m.Start <= start && end <= m.End) {
			return true
		}
	}
	return false
}

// nounFollows reports whether the word after token k continues a noun
// compound of which k is not the head: "campaign aides", "company policy".
func (f *finder) nounFollows(k, hi int) bool {
	n := k + 1
	if n >= hi || f.toks[n].Kind != newsgraph.Word || !f.gapIsSpace(k) {
		return false
	}
	w := f.toks[n].Text
	if _, ok := lowerLookup(documentVerbs, w); ok {
		return false // "the letter reads", "the company reports"
	}
	if _, ok := lowerLookup(actorNouns, w[:len(w)-possessiveLen(w)]); ok && !startsUpper(w) {
		return true
	}
	switch f.toks[n].POS {
	case "NN", "NNS":
		return true
	case "NNP", "NNPS":
		return startsUpper(w) // "spokesman Sean Spicer": a role, found with the name
	case "":
		return capWord(w) && !notNames[w]
	}
	return false
}

// descriptionStart walks left from head k over the modifiers, possessive
// and determiner of its phrase. It returns the byte offset where the phrase
// starts (-1 when it cannot be read), whether a determiner opens it and
// whether a possessive stands in it.
func (f *finder) descriptionStart(k, lo, before int, plural bool) (start int, det, possessor bool) {
	start = f.toks[k].Start
	j := k - 1
	for n := 0; j >= lo && n < 8; n++ {
		t := &f.toks[j]
		glued := t.End == f.toks[j+1].Start
		if !glued && !f.gapIsSpace(j) {
			break
		}
		// a hyphen glued on both sides: "34-year-old"
		if t.Text == "-" && glued && j > lo && f.toks[j-1].End == t.Start {
			start = t.Start
			j--
			continue
		}
		if t.Kind == newsgraph.Number {
			start = t.Start
			j--
			continue
		}
		if t.Kind != newsgraph.Word {
			break
		}
		lw := t.Text
		if _, ok := lowerLookup(determinerWords, lw); ok {
			if startsUpper(lw) && !f.initialWord(j, lo) || plural && (strings.EqualFold(lw, "that") || strings.EqualFold(lw, "this")) {
				break // "said that officials": a conjunction
			}
			start = t.Start
			det = true
			break
		}
		// a name found before: "White House aides", "Hillary Clinton's spokesman"
		if m := f.mentionEndingAt(t.End, before); m >= 0 && f.out[m].Kind != newsgraph.PronounMention {
			start = f.out[m].Start
			if possessiveLen(t.Text) > 0 {
				possessor = true
			}
			j = f.tokenAt(start) - 1
			continue
		}
		if poss := possessiveLen(lw); poss > 0 {
			// "the ad's narrator": a possessive noun and its own phrase
			start = t.Start
			possessor = true
			j--
			continue
		}
		if !f.modifierWord(j) {
			break
		}
		start = t.Start
		j--
	}
	return start, det, possessor
}

// mentionEndingAt returns the index of the longest mention of the sentence
// that ends at byte end (or at end less a possessive), -1 if none.
func (f *finder) mentionEndingAt(end, before int) int {
	best := -1
	for i := before; i < len(f.out); i++ {
		m := &f.out[i]
		if m.End != end && !(m.End < end && end-m.End <= 4 && possessiveLen(f.d.Text[m.Start:end]) == end-m.End) {
			continue
		}
		if best < 0 || m.End-m.Start > f.out[best].End-f.out[best].Start {
			best = i
		}
	}
	return best
}

// modifierWord reports whether token j can modify a head noun inside a
// description: an adjective, a noun, a participle used as an adjective, a
// proper noun.
func (f *finder) modifierWord(j int) bool {
	t := &f.toks[j]
	if _, ok := lowerLookup(modifierWords, t.Text); ok {
		return true
	}
	if _, ok := lowerLookup(roleModifiers, t.Text); ok {
		return true
	}
	if _, ok := lowerLookup(actorNouns, t.Text); ok && !startsUpper(t.Text) {
		return true // "campaign aides", "police officers"
	}
	switch t.POS {
	case "JJ", "JJR", "JJS", "NN", "NNP", "NNPS", "VBN":
		if _, stop := lowerLookup(saysVerbs, t.Text); stop {
			return false
		}
		return t.POS != "VBN" || !startsUpper(t.Text)
	case "":
		return strings.IndexByte(t.Text, '-') > 0 && !startsUpper(t.Text)
	}
	return false
}

// documentSpeaks reports whether the document noun at k is the subject of a
// verb of saying or finding ("the report says") or the source of "according
// to the report".
func (f *finder) documentSpeaks(k, start, hi int) bool {
	if n := k + 1; n < hi && f.toks[n].Kind == newsgraph.Word {
		if _, ok := lowerLookup(documentVerbs, f.toks[n].Text); ok {
			return true
		}
		// "the report also says", "studies have shown"
		if _, ok := lowerLookup(documentAux, f.toks[n].Text); ok && n+1 < hi {
			if _, ok := lowerLookup(documentVerbs, f.toks[n+1].Text); ok {
				return true
			}
		}
	}
	p := f.tokenAt(start)
	if f.accordingTo(p) {
		return true
	}
	// "…, said the ruling."
	if p-1 >= 0 && f.toks[p-1].Kind == newsgraph.Word {
		if _, ok := lowerLookup(saysVerbs, f.toks[p-1].Text); ok {
			n := k + 1
			return n >= hi || f.toks[n].Kind == newsgraph.Punct
		}
	}
	return false
}

// accordingTo reports whether "according to" stands right before token k.
func (f *finder) accordingTo(k int) bool {
	return k >= 2 && strings.EqualFold(f.toks[k-1].Text, "to") && strings.EqualFold(f.toks[k-2].Text, "according")
}

// verbFollows reports whether a verb of saying or an auxiliary follows
// token k: then k is a noun ("sources said", "aides have"), whatever
// its tag.
func (f *finder) verbFollows(k, hi int) bool {
	n := k + 1
	if n >= hi || f.toks[n].Kind != newsgraph.Word {
		return false
	}
	if _, ok := lowerLookup(saysVerbs, f.toks[n].Text); ok {
		return true
	}
	switch strings.ToLower(f.toks[n].Text) {
	case "have", "had", "were", "are", "will", "would", "say", "tell", "told":
		return true
	}
	return false
}

// descriptionPP extends a description over a preposition and the name
// after it: "members of Congress", "officials from the Kremlin". It returns
// the new end and the token after it, or (0, 0).
func (f *finder) descriptionPP(k, hi, before int) (int, int) {
	p := k + 1
	if p+1 >= hi || f.toks[p].Kind != newsgraph.Word || !f.gapIsSpace(k) || !descriptionPreps[f.toks[p].Text] {
		return 0, 0
	}
	n := p + 1
	if isThe(f.toks[n].Text) && n+1 < hi {
		n++
	}
	for i := before; i < len(f.out); i++ {
		m := &f.out[i]
		if m.Start != f.toks[n].Start || m.Kind != newsgraph.NameMention {
			continue
		}
		switch m.Type {
		case newsgraph.Person, newsgraph.Org, newsgraph.GPE, newsgraph.NORP:
		default:
			continue
		}
		if f.toks[p].Text == "at" && m.Type != newsgraph.Org {
			continue // "officials at Boeing", not "protesters at Rome"
		}
		// the longest name that starts there
		end := m.End
		for j := i + 1; j < len(f.out); j++ {
			if f.out[j].Start == m.Start && f.out[j].End > end {
				end = f.out[j].End
			}
		}
		et := n
		for et < hi && f.toks[et].Start < end {
			et++
		}
		return end, et
	}
	return 0, 0
}

// collectiveStands reports whether a collective noun that is also an
// adjective (military, public, press) stands as a noun at k: the phrase
// ends there, or a verb follows it.
func (f *finder) collectiveStands(k, hi int) bool {
	n := k + 1
	if n >= hi || f.toks[n].Kind != newsgraph.Word {
		return true
	}
	if f.toks[n].POS != "" {
		p := f.toks[n].POS
		return strings.HasPrefix(p, "VB") || p == "MD" || p == "IN" || p == "CC" || p == "RB" || p == "WDT" || p == "WP"
	}
	_, ok := lowerLookup(collectiveFollowers, f.toks[n].Text)
	return ok
}

// collectiveFollowers are words after which a collective noun has ended:
// verbs and auxiliaries ("police said", "the military has"), conjunctions
// and prepositions.
var collectiveFollowers = func() map[string]bool {
	m := map[string]bool{}
	for w := range saysVerbs {
		m[w] = true
	}
	for _, w := range strings.Fields(`is are was were has have had will would could can may might must should
		did does do also and or but in on at of for from to with who which that arrested found reported
		confirmed released killed shot opened fired detained charged responded arrived began`) {
		m[w] = true
	}
	return m
}()
