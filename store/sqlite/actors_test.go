package sqlite

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/newsgraph/newsgraph/store"
	"github.com/newsgraph/newsgraph/store/storetest"
)

// TestActorSearchPlans: a word held by many spellings is searched by trying
// the actors in order of documents (a bounded scan), a rarer one by
// collecting its actors; both must give the same pages, whether the scan
// holds the page or not.
func TestActorSearchPlans(t *testing.T) {
	db := openTemp(t)
	ctx := context.Background()
	// 40 people named Smith, person i in 1 + i%7 documents (ties in
	// documents ordered by id), and 20 people of another name.
	n := 0
	for i := range 40 {
		name := fmt.Sprintf("Anna%c Smith", 'a'+rune(i%26))
		if i >= 26 {
			name = fmt.Sprintf("Bert%c Smith", 'a'+rune(i-26))
		}
		key := "person:" + fmt.Sprint(i) + "-smith"
		for j := 0; j <= i%7; j++ {
			n++
			text := fmt.Sprintf("%s spoke in Paris on Monday, report %d said.", name, n)
			storetest.Put(t, db, storetest.Record(t, storetest.Spec{URL: fmt.Sprintf("https://s.example/%d", n), Text: text,
				Entities: []storetest.Ent{{Key: key, Name: name, Type: "PERSON", Spellings: []string{name}},
					{Key: "city:paris", Name: "Paris", Type: "GPE", Spellings: []string{"Paris"}}}}), "")
		}
	}
	for i := range 20 {
		n++
		name := fmt.Sprintf("Carl%c Jones", 'a'+rune(i))
		text := fmt.Sprintf("%s spoke in Paris on Monday, report %d said.", name, n)
		storetest.Put(t, db, storetest.Record(t, storetest.Spec{URL: fmt.Sprintf("https://s.example/%d", n), Text: text,
			Entities: []storetest.Ent{{Key: "person:" + fmt.Sprint(i) + "-jones", Name: name, Type: "PERSON", Spellings: []string{name}}}}), "")
	}
	all := func(q store.ActorQuery, size int) []string {
		var ids []string
		cursor := ""
		for {
			as, next, err := db.Actors(ctx, q, store.Page{Limit: size, Cursor: cursor})
			if err != nil {
				t.Fatal(err)
			}
			for _, a := range as {
				ids = append(ids, fmt.Sprintf("%s:%d", a.ID, a.Documents))
			}
			if next == "" {
				return ids
			}
			cursor = next
		}
	}
	defer func(d int, s int64) { actorDense, actorScan = d, s }(actorDense, actorScan)
	for _, q := range []store.ActorQuery{{Q: "smith"}, {Q: "smith", Type: "PERSON"}, {Q: "smith", Type: "ORG"}, {Q: "paris"}, {Q: "jones"}} {
		actorDense, actorScan = 1<<30, 20000 // collect and sort
		want := all(q, 7)
		if len(want) == 0 && q.Type != "ORG" {
			t.Fatalf("%+v: nothing found", q)
		}
		for _, scan := range []int64{3, 10, 30, 1000} {
			actorDense, actorScan = 1, scan // try the actors in order first
			for _, size := range []int{1, 7, 50} {
				got := all(q, size)
				if !slices.Equal(got, want) {
					t.Errorf("%+v scan %d, pages of %d:\n got %v\nwant %v", q, scan, size, got, want)
				}
			}
		}
	}
}
