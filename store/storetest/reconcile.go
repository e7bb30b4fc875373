package storetest

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/store"
)

// speaker makes report i of one person: a meeting in Berlin, a rejection
// (a position on tariffs) and a quote.
func speaker(t *testing.T, i int, key, name string) *newsgraph.Record {
	text := fmt.Sprintf("%s met officials in Berlin on Monday. %s rejected the tariffs. \"No deal,\" %s said in report %d.", name, name, name, i)
	return Record(t, Spec{URL: fmt.Sprintf("https://r.example/%d", i), Published: "2025-05-05", Text: text,
		Entities: []Ent{{Key: key, Name: name, Type: "PERSON", Spellings: []string{name}, Roles: []string{"minister"}},
			{Key: "city:berlin", Name: "Berlin", Type: "GPE", Spellings: []string{"Berlin"}}},
		Quotes: []Qt{{Text: "No deal,", Speaker: 1, Cue: "said"}},
		Events: []Ev{{Type: "CONSULT", Trigger: "met", Actors: []int{0}, Targets: []int{1}},
			{Type: "REJECT", Trigger: "rejected", Issue: "tariffs", Actors: []int{0}}}})
}

// testReconcileOrder stores one set of reports in several orders into
// fresh stores, reconciling now and then as the merge jobs do. A surname
// alone that Put joined to the person who dominated it at the time must
// leave when another person of that surname takes the lead ("Berg" from
// Tomas Berg to Ilse Berg) or when no one dominates it any longer
// ("Okafor" once Kemi Okafor comes): every order ends with the same
// actors, counts, spellings, merged events, positions and quotes.
func testReconcileOrder(t *testing.T, f Factory) {
	ctx := context.Background()
	var recs []*newsgraph.Record
	add := func(n int, key, name string) {
		for range n {
			recs = append(recs, speaker(t, len(recs), key, name))
		}
	}
	add(6, "person:amara-okafor", "Amara Okafor")
	add(1, "person:amara-j-okafor", "Amara J. Okafor")
	add(3, "person:okafor", "Okafor")
	add(3, "person:kemi-okafor", "Kemi Okafor")
	add(1, "person:amara", "Amara")
	add(5, "person:tomas-berg", "Tomas Berg")
	add(2, "person:berg", "Berg")
	add(16, "person:ilse-berg", "Ilse Berg")
	forward := make([]int, len(recs))
	for i := range forward {
		forward[i] = i
	}
	backward := slices.Clone(forward)
	slices.Reverse(backward)
	orders := [][]int{
		forward,  // each surname joins the first person on Put; the second comes later
		backward, // the surnames come after the people
		rand.New(rand.NewPCG(3, 4)).Perm(len(recs)),
	}
	var want string
	for n, order := range orders {
		s := f(t)
		for i, j := range order {
			Put(t, s, recs[j], "")
			if i%3 == 2 {
				if _, err := s.Reconcile(ctx); err != nil {
					t.Fatalf("order %d: reconcile: %v", n, err)
				}
			}
		}
		if _, err := s.Reconcile(ctx); err != nil {
			t.Fatalf("order %d: reconcile: %v", n, err)
		}
		if k, err := s.Reconcile(ctx); k != 0 || err != nil {
			t.Errorf("order %d: a second reconcile = %d %v", n, k, err)
		}
		if c, ok := s.(store.Checker); ok {
			res, err := c.Check(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if !res.OK() {
				t.Errorf("order %d: check: %v", n, res.Problems)
			}
		}
		got := snapshot(t, s)
		if n == 0 {
			want = got
			for _, line := range []string{
				"actor Okafor docs=3 ",
				"actor Amara/Amara J. Okafor/Amara Okafor docs=8 ",
				"actor Berg/Ilse Berg docs=18 ",
				"actor Tomas Berg docs=5 ",
			} {
				if !strings.Contains(got, line) {
					t.Errorf("the store after order %d has no %q:\n%s", n, line, got)
				}
			}
			continue
		}
		if got != want {
			t.Errorf("order %d gives another store:\n%s\nwant\n%s", n, got, want)
		}
	}
}

// snapshot describes a store's actors, merged events, positions and quotes
// without ids: each actor is named by its spellings.
func snapshot(t *testing.T, s store.Store) string {
	t.Helper()
	ctx := context.Background()
	all := func(fetch func(p store.Page) (string, error)) {
		t.Helper()
		for p := (store.Page{Limit: store.MaxLimit}); ; {
			next, err := fetch(p)
			if err != nil {
				t.Fatal(err)
			}
			if next == "" {
				return
			}
			p.Cursor = next
		}
	}
	var out []string
	label := map[string]string{}
	all(func(p store.Page) (string, error) {
		as, next, err := s.Actors(ctx, store.ActorQuery{}, p)
		for _, a := range as {
			d, err := s.Dossier(ctx, a.ID)
			if err != nil {
				return "", err
			}
			var names, spelled []string
			for _, n := range d.Names {
				names = append(names, n.Text)
				spelled = append(spelled, fmt.Sprintf("%s:%d", n.Text, n.Count))
			}
			slices.Sort(names)
			slices.Sort(spelled)
			label[a.ID] = strings.Join(names, "/")
			out = append(out, fmt.Sprintf("actor %s docs=%d mentions=%d spellings=%s quotes=%d events=%d positions=%d",
				label[a.ID], a.Documents, a.MentionCount, strings.Join(spelled, ","), d.Counts.Quotes, d.Counts.Events, d.Counts.Positions))
		}
		return next, err
	})
	labels := func(as []store.ActorRef) string {
		var ls []string
		for _, a := range as {
			ls = append(ls, label[a.ID])
		}
		slices.Sort(ls)
		return strings.Join(ls, "+")
	}
	all(func(p store.Page) (string, error) {
		evs, next, err := s.Events(ctx, store.EventQuery{}, p)
		for _, e := range evs {
			var srcs []string
			all(func(p store.Page) (string, error) {
				ss, next, err := s.EventSources(ctx, e.ID, p)
				for _, src := range ss {
					srcs = append(srcs, src.Document+"/"+src.Event)
				}
				return next, err
			})
			slices.Sort(srcs)
			out = append(out, fmt.Sprintf("event %s %s %s %d actors=%s targets=%s sources=%s", e.Type, e.Date, e.Issue, e.SourceCount,
				labels(e.Actors), labels(e.Targets), strings.Join(srcs, ",")))
		}
		return next, err
	})
	all(func(p store.Page) (string, error) {
		ps, next, err := s.Positions(ctx, store.PositionQuery{}, p)
		for _, pos := range ps {
			var ev []string
			all(func(p store.Page) (string, error) {
				es, next, err := s.PositionEvidence(ctx, pos.ID, p)
				for _, e := range es {
					ev = append(ev, e.Document+"/"+e.Event+"/"+e.Quote)
				}
				return next, err
			})
			slices.Sort(ev)
			out = append(out, fmt.Sprintf("position %s %s %s %s evidence=%s", label[pos.Actor.ID], pos.Issue, pos.Date, pos.Stance, strings.Join(ev, ",")))
		}
		return next, err
	})
	all(func(p store.Page) (string, error) {
		qs, next, err := s.Quotes(ctx, store.QuoteQuery{}, p)
		for _, q := range qs {
			sp := "-"
			if q.Speaker != nil {
				sp = label[q.Speaker.ID]
			}
			out = append(out, fmt.Sprintf("quote %s/%s %s", q.Document, q.ID, sp))
		}
		return next, err
	})
	slices.Sort(out)
	return strings.Join(out, "\n")
}
