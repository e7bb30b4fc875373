package sqlite

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/newsgraph/newsgraph/store/storetest"
)

// TestBackfillKeys opens a store made before schema step 13: its entities
// get their keys from the records and its keys their document counts, the
// same as Put gives them; a description's entity keeps the key it had.
func TestBackfillKeys(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	for i, name := range []string{"Amara Okafor", "Amara Okafor", "Amara Okafor", "Okafor"} {
		key := "person:amara-okafor"
		if name == "Okafor" {
			key = "person:okafor"
		}
		text := fmt.Sprintf("%s told officials on Monday that the plan would wait, report %d said.", name, i)
		storetest.Put(t, db, storetest.Record(t, storetest.Spec{URL: fmt.Sprintf("https://b.example/%d", i), Text: text,
			Entities: []storetest.Ent{{Key: key, Name: name, Type: "PERSON", Spellings: []string{name}},
				{Key: "description:officials", Name: "officials", Type: "PERSON", Spellings: []string{"officials"}}}}), "")
	}
	const state = `SELECT (SELECT group_concat(doc || '/' || eid || '=' || key, ',') FROM (SELECT * FROM entities ORDER BY doc, eid)) || ' ' ||
		(SELECT group_concat(key || '=' || docs, ',') FROM (SELECT * FROM actor_keys ORDER BY key))`
	var want string
	if err := db.w.QueryRowContext(ctx, state).Scan(&want); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`UPDATE entities SET key = NULL WHERE key NOT LIKE 'description:%'`,
		`ALTER TABLE actor_keys DROP COLUMN docs`,
		`DELETE FROM schema_migrations WHERE version >= 13`,
	} {
		if _, err := db.w.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	db.Close()
	if db, err = Open(ctx, path); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var got string
	if err := db.w.QueryRowContext(ctx, state).Scan(&got); err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Errorf("after the backfill:\n%s\nwant\n%s", got, want)
	}
}
