package sqlite

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/store"
	"github.com/newsgraph/newsgraph/store/storetest"
)

// TestQueue runs articles through River jobs in the store's file with a
// stand-in analyzer: each is stored once, an input queued twice is queued
// once, an article the analyzer rejects is a recorded failure, and a
// second queue on the same file is refused while the first works it.
func TestQueue(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	analyze := func(ctx context.Context, input string, a newsgraph.Article) (*store.Doc, error) {
		if strings.Contains(a.Text, "reject me") {
			return nil, errors.New("no sentence")
		}
		rec := storetest.Record(t, storetest.Spec{ID: a.ID, Text: a.Text,
			Entities: []storetest.Ent{{Key: "city:oslo", Name: "Oslo", Type: "GPE", Spellings: []string{"Oslo"}}}})
		return store.Prepare(rec, a.Text, input)
	}
	q, err := db.NewQueue(ctx, QueueConfig{Analyze: analyze, Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.NewQueue(ctx, QueueConfig{Analyze: analyze}); err == nil {
		t.Error("a second queue on the same file was allowed")
	}
	const n = 20
	for i := range n {
		a := newsgraph.Article{ID: fmt.Sprint("a", i), Text: fmt.Sprintf("Talks number %d were held in Oslo on day %d.", i, i*7)}
		if ok, err := q.Enqueue(ctx, fmt.Sprint("in", i), a); !ok || err != nil {
			t.Fatalf("enqueue %d = %v %v", i, ok, err)
		}
	}
	if ok, _ := q.Enqueue(ctx, "in3", newsgraph.Article{Text: "again"}); ok {
		t.Error("an input queued twice")
	}
	q.Enqueue(ctx, "bad", newsgraph.Article{ID: "bad", Text: "reject me"})
	if err := q.Start(ctx); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(30 * time.Second)
	for {
		p, err := q.Pending(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if p == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d jobs still pending", p)
		}
		time.Sleep(50 * time.Millisecond)
	}
	if err := q.Merge(ctx); err != nil {
		t.Fatal(err)
	}
	if err := q.Stop(ctx); err != nil {
		t.Fatal(err)
	}
	st, _ := db.Stats(ctx)
	if st.Documents != n || st.Failures != 1 || st.Actors != 1 {
		t.Errorf("stats = %+v, want %d documents, 1 failure, 1 actor", st, n)
	}
	if ok, _ := q.Enqueue(ctx, "in5", newsgraph.Article{Text: "stored already"}); ok {
		t.Error("a stored input was queued again")
	}
	// the lock is free again
	q2, err := db.NewQueue(ctx, QueueConfig{Analyze: analyze})
	if err != nil {
		t.Fatalf("queue after the first stopped: %v", err)
	}
	q2.lock.Close()
}
