package queue

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/newsgraph/newsgraph"
)

// Words of the generated articles: made-up people, real places.
var (
	givenNames = []string{"Amara", "Bruno", "Chidi", "Dagny", "Emeka", "Farida", "Goran", "Hana", "Ivo", "Jelena",
		"Kofi", "Lena", "Marek", "Nadia", "Oskar", "Priya", "Rafael", "Sigrid", "Tomas", "Ulla"}
	// one surname per person: a surname alone then names one person, the
	// same whatever order the articles are stored in
	surnames = []string{"Okafor", "Lindqvist", "Petrovic", "Haddad", "Moreau", "Nakamura", "Brennan", "Castillo",
		"Kowalski", "Adeyemi", "Varga", "Horvath", "Silva", "Jensen", "Rahman", "Duarte", "Mensah", "Ferreira", "Novak", "Tanaka"}
	cities = []string{"Geneva", "Nairobi", "Lisbon", "Warsaw", "Jakarta", "Lima", "Oslo", "Accra", "Hanoi", "Dublin",
		"Vienna", "Manila", "Bogota", "Tunis", "Riga"}
	issues   = []string{"the ceasefire", "grain exports", "the border dispute", "fishing rights", "the pipeline", "refugee quotas", "tariffs"}
	weekdays = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"}
	outlets  = []string{"Daily Ledger", "Morning Post", "Evening Star", "Coastal Times", "Valley Herald"}
)

type person struct{ given, middle, surname string }

func (p person) full() string { return p.given + " " + p.surname }

// written is how an article names the person first: with a middle initial
// now and then, so that actors must be joined across spellings.
func (p person) written(r *rand.Rand) string {
	if r.IntN(8) == 0 {
		return p.given + " " + p.middle + ". " + p.surname
	}
	return p.full()
}

// genArticles makes n distinct news articles of about 700 bytes from a
// fixed seed: meetings, quotes, rejections and accusations among a few
// dozen people, in a few dozen variants of sentence, so that many articles
// report the same events and mention the same actors.
func genArticles(n int) []Item {
	r := rand.New(rand.NewPCG(7, 11))
	var people []person
	for i, g := range givenNames {
		people = append(people, person{g, string(rune('A' + (i*7)%26)), surnames[i]})
	}
	items := make([]Item, n)
	for i := range items {
		a, b := people[r.IntN(len(people))], people[r.IntN(len(people))]
		for b == a {
			b = people[r.IntN(len(people))]
		}
		city, issue, day := cities[r.IntN(len(cities))], issues[r.IntN(len(issues))], weekdays[r.IntN(len(weekdays))]
		outlet := outlets[r.IntN(len(outlets))]
		var s []string
		s = append(s, fmt.Sprintf("%s met %s in %s on %s to discuss %s, officials said.", a.written(r), b.written(r), city, day, issue))
		switch r.IntN(3) {
		case 0:
			s = append(s, fmt.Sprintf("\"We need more time to settle %s,\" %s said after the talks.", issue, a.surname))
		case 1:
			s = append(s, fmt.Sprintf("%s said the two sides were still far apart on %s.", a.surname, issue))
		default:
			s = append(s, fmt.Sprintf("\"There is no agreement yet,\" %s told reporters in %s.", a.surname, city))
		}
		switch r.IntN(3) {
		case 0:
			s = append(s, fmt.Sprintf("%s rejected any deal on %s that did not include guarantees.", b.surname, issue))
		case 1:
			s = append(s, fmt.Sprintf("%s accused %s of stalling the negotiations.", b.surname, a.surname))
		default:
			s = append(s, fmt.Sprintf("%s praised the talks as constructive and promised to return next month.", b.surname))
		}
		s = append(s, fmt.Sprintf("Delegations from %d countries attended the meeting, which lasted %d hours.", 3+r.IntN(20), 2+r.IntN(9)))
		if r.IntN(2) == 0 {
			s = append(s, fmt.Sprintf("Analysts in %s said a compromise on %s could come within weeks.", cities[r.IntN(len(cities))], issue))
		}
		s = append(s, fmt.Sprintf("This is report number %d of the %s.", i+1, outlet))
		text := strings.Join(s, " ")
		items[i] = Item{Input: fmt.Sprintf("gen/%05d.txt", i+1), Article: newsgraph.Article{
			URL: fmt.Sprintf("https://news.example/%05d", i+1), Source: outlet,
			Title: fmt.Sprintf("%s and %s meet in %s", a.surname, b.surname, city), Published: fmt.Sprintf("2025-03-%02d", 1+i%28), Text: text,
		}}
	}
	return items
}
