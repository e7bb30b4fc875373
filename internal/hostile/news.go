package hostile

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

var (
	given    = []string{"Anna", "Boris", "Clara", "David", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kofi", "Lena"}
	surnames = []string{"Novak", "Okafor", "Petrov", "Quinn", "Rossi", "Sato", "Tanaka", "Ulrich", "Varga", "Weber", "Yilmaz", "Zhang"}
	places   = []string{"Lisbon", "Nairobi", "Oslo", "Lima", "Hanoi", "Accra", "Quito", "Riga"}
	orgs     = []string{"the United Nations", "the European Union", "the World Bank", "NATO", "the African Union"}
	issues   = []string{"the ceasefire", "trade tariffs", "the grain deal", "sanctions", "the border dispute"}
	verbs    = []string{"met", "criticised", "praised", "called on", "rejected a proposal from"}
)

// Article is a generated news article of a few paragraphs: people with
// titles and quotes, places, organisations, dates relative to a weekday.
// Article i of a seed is always the same text, and different from every
// other i.
func Article(seed uint64, i int) string {
	r := rand.New(rand.NewPCG(seed, uint64(i)+1))
	pick := func(s []string) string { return s[r.IntN(len(s))] }
	a := pick(given) + " " + pick(surnames)
	b := pick(given) + " " + pick(surnames)
	last := a[strings.IndexByte(a, ' ')+1:]
	var s strings.Builder
	fmt.Fprintf(&s, "Report %d from %s.\n\n", i, pick(places))
	fmt.Fprintf(&s, "Foreign Minister %s %s %s in %s on Friday, officials said.\n\n", a, pick(verbs), b, pick(places))
	fmt.Fprintf(&s, "\"We will not accept %s as it stands,\" %s told reporters. \"The talks must go on.\"\n\n", pick(issues), last)
	fmt.Fprintf(&s, "%s said that %s would send a delegation to %s next week to discuss %s.\n\n", b, pick(orgs), pick(places), pick(issues))
	fmt.Fprintf(&s, "According to %s, the meeting lasted %d hours and ended without an agreement on %s.\n", pick(orgs), 1+r.IntN(9), pick(issues))
	return s.String()
}
