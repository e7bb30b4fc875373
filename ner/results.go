package ner

import (
	"strings"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/kb"
)

// Lines of sports results ("Doncaster 3 Darlington 2", "Walsall v
// Wrexham", "CHICAGO 72 64 .529 9") name teams, and a team named after its
// town is an organisation, not a place. News agencies print such lines by
// the hundred and the training data has none, so the tagger reads them as
// places or not at all; teamLine retypes them.
//
// A results line holds nothing but capitalised runs (which may take "of",
// "de" and the like inside), numbers, punctuation and the separators "v",
// "vs" and "at". It names teams when two or more runs outside brackets
// follow one another with a number or a separator between each pair, or
// when a single run opens the line and two or more numbers follow it (a
// row of a table). A run followed by a colon is a label ("Postponed :"), a
// run in brackets a place or a note ("( Germany )"); both are left alone,
// and so is a run the tagger calls a person or that starts with a given
// name (golf and athletics rows name people).

// teamLine rewrites labels (of toks, one sentence) when the sentence is a
// results line, and reports whether it is one. The run after "at" is the
// place of the game, a place; it returns the index of its first token, or
// -1.
func teamLine(toks []newsgraph.Token, info []tokInfo, labels []int8) (int, bool) {
	n := len(toks)
	if n < 2 || n > 40 {
		return -1, false
	}
	type run struct{ a, b int } // tokens [a, b)
	var runs [12]run
	nr := 0
	numbers, seps := 0, 0
	gapOK := true    // every gap between team runs so far has a number or separator
	gapMark := false // the current gap has a number or separator
	depth := 0       // brackets open
	firstRunAt0 := false
	venue := -1 // the run after "at": the place of the game, not a team
	for i := 0; i < n; i++ {
		t := &toks[i]
		w := t.Text
		switch {
		case isSeparatorWord(w):
			seps++
			gapMark = true
		case info[i].flags&fCap != 0:
			j := i + 1
			for j < n {
				if info[j].flags&fCap != 0 && !isSeparatorWord(toks[j].Text) {
					j++
					continue
				}
				if j+1 < n && isNameConnector(info[j].lower) && info[j].flags&fCap == 0 && toks[j].Kind == newsgraph.Word &&
					info[j+1].flags&fCap != 0 && !isSeparatorWord(toks[j+1].Text) {
					j += 2
					continue
				}
				break
			}
			label := j < n && toks[j].Text == ":"
			if depth == 0 && !label {
				if nr == len(runs) {
					return -1, false
				}
				if nr > 0 && !gapMark {
					gapOK = false
				}
				if nr == 0 && i == 0 {
					firstRunAt0 = true
				}
				runs[nr] = run{i, j}
				if i > 0 && (toks[i-1].Text == "at" || toks[i-1].Text == "AT") {
					venue = nr
				}
				nr++
				gapMark = false
			}
			i = j - 1
		case isNumberToken(w):
			if len(w) == 4 && i+1 < n && toks[i+1].Text == "-" && (w[:2] == "19" || w[:2] == "20") {
				return -1, false // a date: a dateline ("DUBLIN 1996-08-31")
			}
			numbers++
			gapMark = true
		case t.Kind == newsgraph.Word && (depth > 0 || w == "and" && i > 0 && isNumberToken(toks[i-1].Text) && i+1 < n && isNumberToken(toks[i+1].Text)):
			// a note in brackets ("( K. Spiring 130 not out )"), the two
			// innings of a cricket score ("183 and 185-6")
		case t.Kind == newsgraph.Word:
			return -1, false // a lowercase word: running text
		default:
			switch w {
			case "(", "[":
				depth++
			case ")", "]":
				depth = max(0, depth-1)
			case ",", ":", ";", "-", ".", "/", "*", "–", "—":
			default:
				return -1, false
			}
		}
	}
	teams := nr >= 2 && gapOK && numbers+seps >= nr-1
	if nr == 1 && firstRunAt0 && numbers >= 2 {
		// a row of a table, if its first cell is a name: the tagger or a
		// list says so ("Current 1.30 1.35" is a row of rates)
		r := runs[0]
		teams = labels[r.a] != labelO || info[r.a].gazTypes != 0 || info[r.a].kb != 0 || numbers >= 4
	}
	if !teams {
		return -1, false
	}
	org := int8(LabelIndex("B-ORG"))
	for ri, r := range runs[:nr] {
		if ri == venue {
			loc := int8(LabelIndex("B-LOC"))
			for k := r.a; k < r.b; k++ {
				labels[k] = loc + 1
			}
			labels[r.a] = loc
			continue
		}
		if monthOrDay(toks[r.a].Text) || toks[r.a].Text == "May" {
			continue // a date ("May 15 v Kent")
		}
		// a person written in full ("Tiger Woods 70 68"), which the
		// tagger saw as a person and not across the numbers
		person := false
		for k := r.a; k < r.b; k++ {
			if Labels[labels[k]] == "B-PER" || Labels[labels[k]] == "I-PER" {
				person = r.b-r.a >= 2 && !(r.b < n && Labels[labels[r.b]] == "I-PER")
			}
		}
		if person || r.b-r.a >= 2 && info[r.a].flags&fFirstName != 0 {
			continue
		}
		for k := r.a; k < r.b; k++ {
			labels[k] = org + 1
		}
		labels[r.a] = org
		for k := r.b; k < n && labels[k]%2 == 0 && labels[k] != labelO; k++ {
			labels[k] = labelO // a name that went on past the run ends with it
		}
	}
	if venue >= 0 {
		return runs[venue].a, true
	}
	return -1, true
}

func isSeparatorWord(w string) bool {
	switch w {
	case "v", "v.", "vs", "vs.", "at", "AT":
		return true
	}
	return false
}

// isNumberToken reports whether w is a number, a score or a fraction
// ("3", "1-1", ".529", "1/2", "5-79"): digits and no letters.
func isNumberToken(w string) bool {
	digit := false
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= '0' && c <= '9':
			digit = true
		case c == '.' || c == '-' || c == '/' || c == ',' || c == ':':
		default:
			return false
		}
	}
	return digit
}

// titledPerson makes the name that follows a person's title a person
// ("President Arafat", "Cardinal Joseph Bernardin"): the tagger, which
// reads a word and its neighbours, may call it an organisation for the
// title's sake or miss it. A name the knowledge base knows as something
// else than a person is left alone, and so is a run that ends in a word
// that names a place or a body ("King Street", "Queen Mary University").
func titledPerson(text string, toks []newsgraph.Token, info []tokInfo, labels []int8) {
	n := len(toks)
	per := int8(LabelIndex("B-PER"))
	for i := 0; i+1 < n; i++ {
		if labels[i] != labelO || info[i].flags&fCap == 0 || !personTitles[toks[i].Text] {
			continue
		}
		a := i + 1
		j := a
		switch l := labels[a]; {
		case l == labelO:
			for j < n && j < a+3 && labels[j] == labelO && toks[j].Kind == newsgraph.Word &&
				info[j].flags&fCap != 0 && info[j].flags&fAllCaps == 0 && !kb.IsTitleWord(toks[j].Text) {
				j++
			}
		case l == per || l%2 == 0:
			continue
		default:
			j++
			for j < n && labels[j] == l+1 {
				j++
			}
		}
		if j == a || placeOrBodyWord(toks[j-1].Text) {
			continue
		}
		if e, ok := kb.Lookup(text[toks[a].Start:toks[j-1].End]); ok && e.Type != newsgraph.Person {
			continue
		}
		labels[a] = per
		for k := a + 1; k < j; k++ {
			labels[k] = per + 1
		}
		i = j - 1
	}
}

// placeOrBodyWord reports whether w ends the names of places and bodies
// rather than people.
func placeOrBodyWord(w string) bool {
	switch w {
	case "Street", "Road", "Avenue", "Square", "Hospital", "University", "College", "School", "Cup",
		"Award", "Prize", "Park", "Bridge", "Hotel", "Centre", "Center", "Stadium", "Island", "Islands",
		"Palace", "Hall", "Church", "Cathedral", "Foundation", "Trust", "Fund", "Institute", "Museum",
		"Airport", "Station", "Bay", "Land", "Memorial", "Day", "Act", "Law", "Line", "Lines", "Sound":
		return true
	}
	return false
}

// trimNames takes out of the names of a sentence the words that a tagger
// reading a few words at a time lets in: a lowercase word that is no
// connector ("Auxerre playmaker Corentine Martins" is two names), a
// function word or a month before a name ("But Milwaukee", "August
// National Association of Purchasing Management"), a compound adjective
// ("Bergamo-based Atalanta"); and it makes a name that ends in an event
// word ("UEFA Cup", "Atlanta Games") or follows the place a product was
// made ("US-made Patriot") a MISC name, as an event or a product is neither
// an organisation nor a place.
func trimNames(toks []newsgraph.Token, info []tokInfo, labels []int8) {
	n := len(toks)
	for i := 0; i < n; i++ {
		l := labels[i]
		if l == labelO {
			continue
		}
		t := &toks[i]
		cut := false
		switch {
		case t.Kind == newsgraph.Word && info[i].flags&(fCap|fDigit) == 0 && !isNameParticle(t.Text) &&
			(!isNameConnector(info[i].lower) || l%2 == 1):
			cut = true // a lowercase word, or a connector that would start a name ("of the House")
		case l%2 == 1 && (functionWords[t.Text] || monthOrDay(t.Text) || lowerCompound(t.Text) || isFormer(t.Text) ||
			t.Kind == newsgraph.Punct || info[i].flags&fDigit != 0 && isNumberToken(t.Text) ||
			i+2 < n && toks[i+1].Text == "of" && labels[i+1] == l+1 && personTitles[t.Text]):
			// only before the rest of a name: a number or a sign ("1979
			// Democracy Wall"), a title of a place ("Emperor of Brazil")
			cut = i+1 < n && labels[i+1] == l+1 && !(i+2 < n && toks[i+1].Text == "." && len(t.Text) == 1)
			if cut && toks[i+1].Text == "of" {
				// what follows the title is a place
				labels[i] = labelO
				i++
				if l == int8(LabelIndex("B-PER")) {
					loc := int8(LabelIndex("B-LOC"))
					for k := i + 1; k < n && labels[k] == l+1; k++ {
						labels[k] = loc + 1
					}
					l = loc
				}
				labels[i] = l + 1 // made a B- label below
			}
		case l%2 == 0 && t.Kind == newsgraph.Punct && t.Text != "." && t.Text != "&" && !(i+1 < n && labels[i+1] == l):
			cut = true // a sign that ends a name ("Chechnya !")
		}
		if cut {
			labels[i] = labelO
			if i+1 < n && labels[i+1]%2 == 0 && labels[i+1] != labelO {
				labels[i+1]-- // the rest is a name of its own
			}
		}
	}
	// a month or day that ends a name, and event words
	per := int8(LabelIndex("B-PER"))
	norp := kbTypeIndex(newsgraph.NORP)
	for i := 0; i < n; i++ {
		l := labels[i]
		if l == labelO || l%2 == 0 {
			continue
		}
		j := i + 1
		for j < n && labels[j] == l+1 {
			j++
		}
		if l == per {
			// a nationality before a person ("Australian Anthony Hill")
			// and what goes before it are not the name; a nationality that
			// is also a given name opening the name is the name
			// ("Christian Cullen")
			for k := j - 2; k >= i; k-- {
				if info[k].kb == norp && !(k == i && info[k].flags&fFirstName != 0) {
					for m := i; m <= k; m++ {
						labels[m] = labelO
					}
					labels[k+1] = per
					i = k + 1
					break
				}
			}
		}
		if j-i > 1 && monthOrDay(toks[j-1].Text) {
			labels[j-1] = labelO
			j--
		}
		if notName(info[i:j]) {
			for k := i; k < j; k++ {
				labels[k] = labelO
			}
			i = j - 1
			continue
		}
		if Labels[l] != "B-MISC" && (eventWord(toks[j-1].Text) || l != per && j-i >= 2 && holidayWord(toks[j-1].Text) ||
			i > 0 && madeBy(toks[i-1].Text) ||
			i > 1 && toks[i-2].Text == "-" && madeWord(toks[i-1].Text)) {
			misc := int8(LabelIndex("B-MISC"))
			labels[i] = misc
			for k := i + 1; k < j; k++ {
				labels[k] = misc + 1
			}
		}
		i = j - 1
	}
}

// functionWords are capitalised at the start of a sentence, never the
// first word of a name.
var functionWords = map[string]bool{
	"But": true, "And": true, "Or": true, "So": true, "Yet": true, "In": true, "On": true, "At": true,
	"For": true, "With": true, "From": true, "By": true, "As": true, "If": true, "When": true,
	"While": true, "After": true, "Before": true, "Since": true, "Although": true, "Though": true,
	"Meanwhile": true, "However": true, "Also": true, "Then": true, "Now": true, "Still": true,
	"This": true, "That": true, "These": true, "Those": true, "Its": true, "His": true, "Her": true,
	"Their": true, "Our": true, "My": true, "Your": true, "A": true, "An": true, "Some": true,
	"Many": true, "Both": true, "Every": true, "Each": true, "Under": true, "Over": true,
	"Against": true, "Despite": true, "Unlike": true, "Like": true, "Former": true, "Ex": true,
	"Where": true, "Why": true, "How": true, "What": true, "Who": true, "Which": true,
	"BUT": true, "AND": true, "IN": true, "ON": true, "FOR": true, "WITH": true, "FROM": true,
}

var monthsAndDays = map[string]bool{
	"January": true, "February": true, "March": true, "April": true, "June": true, "July": true,
	"August": true, "September": true, "October": true, "November": true, "December": true,
	"Monday": true, "Tuesday": true, "Wednesday": true, "Thursday": true, "Friday": true,
	"Saturday": true, "Sunday": true, "Jan.": true, "Feb.": true, "Aug.": true, "Sept.": true,
	"Sep.": true, "Oct.": true, "Nov.": true, "Dec.": true,
}

// monthOrDay reports whether w names a month or a day of the week ("May"
// is left out: it is also a name).
func monthOrDay(w string) bool { return monthsAndDays[w] }

// lowerCompound reports whether w is a compound adjective ending in a
// lowercase part ("Bergamo-based", "Brazilian-born", "U.S.-led").
func lowerCompound(w string) bool {
	k := -1
	for i := len(w) - 1; i > 0; i-- {
		if w[i] == '-' {
			k = i
			break
		}
	}
	if k < 0 || k+1 >= len(w) {
		return false
	}
	for i := k + 1; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}

// madeBy reports whether w says where a product was made ("US-made
// Patriot air defence systems", "Russian-built S-400"): the name after it
// is a product, a MISC name.
func madeBy(w string) bool {
	k := strings.LastIndexByte(w, '-')
	if k <= 0 {
		return false
	}
	return madeWord(w[k+1:])
}

func madeWord(w string) bool {
	switch w {
	case "made", "built", "designed", "supplied", "produced", "manufactured":
		return true
	}
	return false
}

// isInitial reports whether w is one capital letter, or two ("J" and "JR"
// of "J.R. Ewing" written apart).
func isInitial(w string) bool {
	return len(w) >= 1 && len(w) <= 2 && w[0] >= 'A' && w[0] <= 'Z' && (len(w) == 1 || w[1] >= 'A' && w[1] <= 'Z')
}

// isFormer reports whether w is an "ex-" compound ("Ex-Yankee").
func isFormer(w string) bool {
	return len(w) > 3 && (w[:3] == "Ex-" || w[:3] == "ex-" || w[:3] == "EX-")
}

// isNameParticle reports whether a lowercase word belongs inside a
// person's name ("Joost van der Westhuizen", "Kengo wa Dondo").
func isNameParticle(w string) bool {
	switch w {
	case "van", "von", "der", "den", "de", "del", "della", "di", "da", "dos", "das", "du", "la", "le",
		"bin", "ibn", "al", "el", "wa", "ter", "ten", "y", "e", "mac":
		return true
	}
	return false
}

// holidayWord reports whether a name of two words or more that ends in w
// and is not a person's ("Doris Day") is a holiday: "Labor Day",
// "Independence Day".
func holidayWord(w string) bool { return w == "Day" || w == "DAY" || w == "Eve" }

// eventWord reports whether a name that ends in w is an event: a cup, a
// tournament, games.
func eventWord(w string) bool {
	switch w {
	case "Cup", "Games", "Olympics", "Classic", "Championship", "Championships", "Trophy",
		"Tournament", "Prix", "Open", "Festival", "Marathon", "Rally", "Award", "Awards", "Prize",
		"Masters", "Invitational", "Tour", "Series", "Derby", "Expo", "Summit", "War",
		"CUP", "GAMES", "OLYMPICS", "OPEN", "CHAMPIONSHIP", "CHAMPIONSHIPS", "TROPHY", "PRIX":
		return true
	}
	return false
}

// knownPlaces makes a name of the tokens the tagger left out where the
// knowledge base is sure: a country is a place wherever it is written with
// a capital, and in a headline in capitals, where the tagger has little to
// go on ("SWEDEN BEAT LATVIA", "HENKE TAKES LEAD IN MILWAUKEE"), so is any
// town the base knows.
func knownPlaces(text string, toks []newsgraph.Token, info []tokInfo, head uint64, labels []int8) {
	n := len(toks)
	caps := head == 2
	loc := int8(LabelIndex("B-LOC"))
	gpe := kbTypeIndex(newsgraph.GPE)
	for i := 0; i < n; i++ {
		if labels[i] != labelO || info[i].flags&fCap == 0 {
			continue
		}
		// the knowledge base's longest name from here (see sentenceInfo)
		j := i + 1
		switch g := info[i].gaz; {
		case g == 2*gpe+1:
			for j < n && info[j].gaz == 2*gpe+2 {
				j++
			}
		case info[i].kb == gpe:
		default:
			continue
		}
		free := true
		for k := i; k < j; k++ {
			if labels[k] != labelO {
				free = false
			}
		}
		if !free || (j < n && labels[j]%2 == 0 && labels[j] != labelO) {
			continue
		}
		e, ok := kb.Lookup(text[toks[i].Start:toks[j-1].End])
		if !ok || !(caps || isCountryOrRegion(e.Key)) {
			continue
		}
		labels[i] = loc
		for k := i + 1; k < j; k++ {
			labels[k] = loc + 1
		}
		i = j - 1
	}
}

// initials makes a person of a name after initials ("M. Atherton", "J. R.
// Ewing"), whatever the tagger called it, and takes the initials into the
// name: an initial and a full stop stand before people's names.
func initials(toks []newsgraph.Token, info []tokInfo, labels []int8) {
	n := len(toks)
	per := int8(LabelIndex("B-PER"))
	for i := 0; i+2 < n; i++ {
		if !isInitial(toks[i].Text) || toks[i+1].Text != "." || toks[i].End != toks[i+1].Start || (i > 0 && toks[i-1].End == toks[i].Start) {
			continue
		}
		a := i
		k := i + 2 // the first token after the initials
		for k+1 < n && isInitial(toks[k].Text) && toks[k+1].Text == "." && toks[k].End == toks[k+1].Start {
			k += 2
		}
		if k >= n || toks[k].Kind != newsgraph.Word || info[k].flags&fCap == 0 || functionWords[toks[k].Text] {
			continue
		}
		j := k + 1
		if l := labels[k]; l != labelO {
			if l%2 == 0 {
				continue // inside a longer name
			}
			for j < n && labels[j] == l+1 {
				j++
			}
		} else {
			for j < n && j < k+3 && labels[j] == labelO && toks[j].Kind == newsgraph.Word && info[j].flags&fCap != 0 {
				j++
			}
		}
		labels[a] = per
		for m := a + 1; m < j; m++ {
			labels[m] = per + 1
		}
		i = j - 1
	}
}

// notNames are capitalised words and pairs that look like names and are
// not: sports that head a report ("CRICKET - ...", "Motor Racing"), time
// zones, and the abbreviations of sports statistics.
var notNames = func() map[uint64]bool {
	out := map[uint64]bool{}
	for _, n := range []string{
		"soccer", "football", "cricket", "tennis", "golf", "baseball", "basketball", "rugby", "rugby union",
		"rugby league", "athletics", "boxing", "cycling", "motor racing", "motorcycling", "formula one",
		"ice hockey", "hockey", "squash", "swimming", "skiing", "alpine skiing", "horse racing", "racing",
		"badminton", "volleyball", "handball", "rowing", "sailing", "judo", "wrestling", "weightlifting",
		"gymnastics", "fencing", "snooker", "darts", "triathlon", "nfl american football", "american football",
		"gmt", "utc", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "cet", "cest", "bst", "ist",
		"rbi", "rbis", "era",
	} {
		h := uint64(0)
		for i, w := range strings.Fields(n) {
			if i == 0 {
				h = hashString(w)
			} else {
				h = mix(h, hashString(w))
			}
		}
		out[h] = true
	}
	return out
}()

// notName reports whether the tokens of a name are one of notNames.
func notName(info []tokInfo) bool {
	if len(info) > 3 {
		return false
	}
	h := info[0].lower
	for k := 1; k < len(info); k++ {
		h = mix(h, info[k].lower)
	}
	return notNames[h]
}

// dateline makes a place of the town that opens a news agency's dateline
// ("LONDON 1996-08-30", "WASHINGTON, Aug 30"): one to three words in
// capitals at the start of a sentence, followed by a date. It reports
// whether the sentence is a dateline.
func dateline(toks []newsgraph.Token, info []tokInfo, labels []int8) bool {
	n := len(toks)
	j := 0
	for j < n && j < 3 && toks[j].Kind == newsgraph.Word && info[j].flags&fAllCaps != 0 && len(toks[j].Text) > 1 {
		j++
	}
	if j == 0 || j == n {
		return false
	}
	k := j
	if toks[k].Text == "," && k+1 < n {
		k++
	}
	w := toks[k].Text
	date := monthOrDay(w) || w == "May" || isNumberToken(w) && strings.ContainsAny(w, "-/") && len(w) >= 8 ||
		len(w) == 4 && isNumberToken(w) && k+1 < n && toks[k+1].Text == "-" // "1996 - 08 - 30" as tokens
	if !date {
		return false
	}
	for m := j; m < n && labels[m] != labelO && labels[m]%2 == 0; m++ {
		labels[m] = labelO // a name that went on into the date
	}
	loc := int8(LabelIndex("B-LOC"))
	labels[0] = loc
	for m := 1; m < j; m++ {
		labels[m] = loc + 1
	}
	return true
}

// orgOfPlace joins a body and the place it belongs to into one name where
// the tagger read two ("Bank of Canada", "National Bank of Poland",
// "University of Texas"): an organisation that ends in a word naming a body,
// "of", and a place right after it.
func orgOfPlace(toks []newsgraph.Token, labels []int8) {
	n := len(toks)
	org, loc := int8(LabelIndex("B-ORG")), int8(LabelIndex("B-LOC"))
	for i := 1; i+1 < n; i++ {
		if toks[i].Text != "of" || labels[i] != labelO || labels[i+1] != loc ||
			(labels[i-1] != org && labels[i-1] != org+1) || !bodyWord(toks[i-1].Text) {
			continue
		}
		labels[i] = org + 1
		for k := i + 1; k < n && (k == i+1 || labels[k] == loc+1); k++ {
			labels[k] = org + 1
		}
	}
}

// bodyWord reports whether a name that ends in w names a body: a bank, a
// council, a university.
func bodyWord(w string) bool {
	switch w {
	case "Bank", "Council", "Commission", "Committee", "Ministry", "Department", "Organisation", "Organization",
		"University", "Institute", "Association", "Federation", "Union", "Church", "Party", "Academy", "Court",
		"Assembly", "Chamber", "Board", "Authority", "Agency", "Office", "Society", "Corporation", "Museum",
		"College", "School", "League", "Congress", "Parliament", "Senate", "Army", "Navy", "Exchange", "Port":
		return true
	}
	return false
}

// knownTail cuts from a name the words that are not part of the place it
// ends in, where the knowledge base knows the place and not the whole: in a
// headline in capitals, the ordinary words before it ("BEAT LITHUANIA",
// "DOMINATE SCOTLAND": the verb of the headline); in a person's name, "of"
// and the country after it ("Peter Nicol of Scotland").
func knownTail(text string, toks []newsgraph.Token, info []tokInfo, head uint64, labels []int8) {
	n := len(toks)
	per, loc := int8(LabelIndex("B-PER")), int8(LabelIndex("B-LOC"))
	for i := 0; i < n; i++ {
		l := labels[i]
		if l == labelO || l%2 == 0 {
			continue
		}
		j := i + 1
		for j < n && labels[j] == l+1 {
			j++
		}
		if _, ok := kb.Lookup(text[toks[i].Start:toks[j-1].End]); ok || j-i < 2 {
			i = j - 1
			continue
		}
		cut := -1
		switch {
		case l == per:
			for k := i + 1; k < j-1; k++ {
				if toks[k].Text == "of" {
					if e, ok := kb.Lookup(text[toks[k+1].Start:toks[j-1].End]); ok && isCountryOrRegion(e.Key) {
						labels[k] = labelO
						cut = k + 1
					}
					break
				}
			}
		case head == 2:
			k := i
			for k < j-1 && info[k].caseClass == caseLower {
				k++
			}
			if k > i {
				if e, ok := kb.Lookup(text[toks[k].Start:toks[j-1].End]); ok && isCountryOrRegion(e.Key) {
					for m := i; m < k; m++ {
						labels[m] = labelO
					}
					cut = k
				}
			}
		}
		if cut >= 0 {
			labels[cut] = loc
			for m := cut + 1; m < j; m++ {
				labels[m] = loc + 1
			}
		}
		i = j - 1
	}
}

// teamCue makes a team of a place the sentence treats as one: a town or
// state (not a country, nor a region with a people of its own, whose
// national teams are places) before a word for a team's people ("Florida
// manager John Boles", "Everton striker") or on either side of "beat"
// ("Essex beat Kent"). spans are the names of one sentence.
func teamCue(d *newsgraph.Document, spans []Span) {
	toks := d.Tokens
	for k := range spans {
		s := &spans[k]
		if s.Label != "LOC" && s.Label != "ORG" {
			continue
		}
		next := ""
		if s.Last < len(toks) {
			next = toks[s.Last].Text
		}
		cue := isTeamPeople(next) ||
			beatWord(next) && k+1 < len(spans) && spans[k+1].First == s.Last+1 ||
			k > 0 && s.First >= 1 && beatWord(toks[s.First-1].Text) && spans[k-1].Last == s.First-1
		if !cue {
			continue
		}
		if e, ok := kb.Lookup(d.Text[s.Start:s.End]); ok && (strings.HasPrefix(e.Key, "country:") || kb.HasDemonym(e.Key) || e.StandsFor != "") {
			continue
		}
		s.Label, s.Type, s.Team = "ORG", newsgraph.Org, true
	}
}

// isTeamPeople reports whether w, in any case, is one of teamPeople
// (without allocating).
func isTeamPeople(w string) bool {
	var buf [16]byte
	if len(w) > len(buf) {
		return false
	}
	b := buf[:len(w)]
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return teamPeople[string(b)]
}

func beatWord(w string) bool {
	return w == "beat" || w == "beats" || w == "defeated" || w == "edged" || w == "thrashed"
}

// teamPeople are the people of a team, written after its name.
var teamPeople = map[string]bool{"coach": true, "manager": true, "striker": true, "midfielder": true,
	"defender": true, "goalkeeper": true, "captain": true, "batsman": true, "bowler": true, "pitcher": true,
	"outfielder": true, "infielder": true, "quarterback": true, "forward": true, "winger": true, "fullback": true,
	"all-rounder": true, "skipper": true, "fans": true, "supporters": true, "chairman": true}
