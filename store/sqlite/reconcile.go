package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph/merge"
)

// Reconcile implements store.Store. Put joins a key to an actor only by
// what is stored before it; when a surname alone ("person:trump") or a
// middle initial ("person:donald-j-trump") arrives before the full name, it
// gets an actor of its own. Reconcile applies the same rules to the whole
// store and merges such actors, with their mentions, quotes, events and
// positions; events that then have the same participants are merged too.
// It runs in one transaction.
func (db *DB) Reconcile(ctx context.Context) (int, error) {
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()
	// a description actor is its document's own and joins nothing: it is
	// left out, which keeps these maps to the actors that can join
	keys := map[string]int64{}
	rows, err := tx.QueryContext(ctx, `SELECT key, actor FROM actor_keys WHERE substr(key, 1, 12) <> 'description:'`)
	if err != nil {
		return 0, err
	}
	for rows.Next() {
		var k string
		var a int64
		if err := rows.Scan(&k, &a); err != nil {
			rows.Close()
			return 0, err
		}
		keys[k] = a
	}
	rows.Close()
	type person struct {
		id   int64
		docs int
	}
	docs := map[int64]int{}
	compact := map[string][]int64{}
	surnames := map[string][]person{}
	givens := map[string][]person{}
	rows, err = tx.QueryContext(ctx, `SELECT id, compact, surname, given, type, docs FROM actors WHERE substr(compact, 1, 12) <> 'description:'`)
	if err != nil {
		return 0, err
	}
	for rows.Next() {
		var id int64
		var c, sn, gv, typ string
		var n int
		if err := rows.Scan(&id, &c, &sn, &gv, &typ, &n); err != nil {
			rows.Close()
			return 0, err
		}
		docs[id] = n
		compact[c] = append(compact[c], id)
		if sn != "" && typ == "PERSON" {
			surnames[sn] = append(surnames[sn], person{id, n})
			givens[gv] = append(givens[gv], person{id, n})
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, err
	}

	// into maps an actor to the one it joins; find follows the chain.
	into := map[int64]int64{}
	var find func(int64) int64
	find = func(a int64) int64 {
		if b, ok := into[a]; ok && b != a {
			r := find(b)
			into[a] = r
			return r
		}
		return a
	}
	// join unites two actors under the one in more documents, so that a
	// stray spelling never takes the name of the person it belongs to
	join := func(a, b int64) {
		a, b = find(a), find(b)
		if a == b {
			return
		}
		if docs[a] > docs[b] || docs[a] == docs[b] && a < b {
			a, b = b, a
		}
		into[a] = b
		docs[b] += docs[a]
	}
	sorted := make([]string, 0, len(keys))
	for k := range keys {
		sorted = append(sorted, k)
	}
	slices.Sort(sorted) // a fixed order, so that a rerun does the same
	for _, k := range sorted {
		if fl := merge.FirstLast(k); fl != "" {
			if to, ok := keys[fl]; ok {
				join(keys[k], to)
			}
		}
	}
	compacts := make([]string, 0, len(compact))
	for c := range compact {
		compacts = append(compacts, c)
	}
	slices.Sort(compacts) // map order would make a rerun join otherwise
	for _, c := range compacts {
		ids := compact[c]
		if len(ids) < 2 {
			continue
		}
		best := ids[0]
		for _, id := range ids[1:] {
			if docs[id] > docs[best] {
				best = id
			}
		}
		for _, id := range ids {
			join(id, best)
		}
	}
	for _, k := range sorted {
		one := int64(0)
		for _, w := range merge.Windows(k) {
			if a, ok := keys[w]; ok {
				if one != 0 && find(a) != one {
					one = -1
					break
				}
				one = find(a)
			}
		}
		if one > 0 {
			join(keys[k], one)
		}
	}
	// dominant is the person who takes a one-word key among cands, counted
	// after the joins above
	dominant := func(cands []person) (int64, bool) {
		sum := map[int64]int{}
		for _, c := range cands {
			sum[find(c.id)] = docs[find(c.id)]
		}
		var first, second int
		var best int64
		for id, n := range sum {
			switch {
			case n > first || n == first && id < best:
				second, first, best = first, n, id
			case n > second:
				second = n
			}
		}
		return best, merge.Dominant(first, second)
	}
	for _, k := range sorted {
		w := merge.SurnameOnly(k)
		if w == "" {
			continue
		}
		cands := append(slices.Clip(surnames[w]), givens[w]...)
		if len(cands) == 0 {
			continue
		}
		if best, ok := dominant(cands); ok {
			join(keys[k], best)
		}
	}
	froms := make([]int64, 0, len(into))
	for a := range into {
		froms = append(froms, a)
	}
	slices.Sort(froms)
	for _, a := range froms {
		if err := mergeActor(ctx, tx, a, find(a)); err != nil {
			return 0, fmt.Errorf("merge actor %d into %d: %w", a, find(a), err)
		}
	}
	return len(froms), tx.Commit()
}

// mergeActor moves everything of actor from to actor to and deletes from.
func mergeActor(ctx context.Context, tx *sql.Tx, from, to int64) error {
	exec := func(q string, args ...any) error {
		_, err := tx.ExecContext(ctx, q, args...)
		return err
	}
	steps := []struct {
		q    string
		args []any
	}{
		{`UPDATE actor_keys SET actor = ? WHERE actor = ?`, []any{to, from}},
		{`UPDATE entities SET actor = ? WHERE actor = ?`, []any{to, from}},
		{`UPDATE quotes SET speaker = ? WHERE speaker = ?`, []any{to, from}},
	}
	for _, s := range steps {
		if err := exec(s.q, s.args...); err != nil {
			return err
		}
	}
	// spellings: counts added where both have one; the full-text index
	// follows the rows it mirrors
	rows, err := tx.QueryContext(ctx, `SELECT f.id, f.kind, f.name, f.count, t.id FROM actor_names f
		LEFT JOIN actor_names t ON t.actor = ? AND t.kind = f.kind AND t.name = f.name WHERE f.actor = ?`, to, from)
	if err != nil {
		return err
	}
	type nameRow struct {
		id    int64
		kind  string
		name  string
		count int
		other sql.NullInt64
	}
	var names []nameRow
	for rows.Next() {
		var n nameRow
		if err := rows.Scan(&n.id, &n.kind, &n.name, &n.count, &n.other); err != nil {
			rows.Close()
			return err
		}
		names = append(names, n)
	}
	rows.Close()
	for _, n := range names {
		if !n.other.Valid {
			if err := exec(`UPDATE actor_names SET actor = ? WHERE id = ?`, to, n.id); err != nil {
				return err
			}
			continue
		}
		if err := exec(`UPDATE actor_names SET count = count + ? WHERE id = ?`, n.count, n.other.Int64); err != nil {
			return err
		}
		if err := exec(`INSERT INTO actor_names_fts (actor_names_fts, rowid, name) VALUES ('delete', ?, ?)`, n.id, n.name); err != nil {
			return err
		}
		if err := exec(`DELETE FROM actor_names WHERE id = ?`, n.id); err != nil {
			return err
		}
	}
	// positions: evidence moves to the position of the same issue, day and
	// stance where the target actor has one
	if err := exec(`UPDATE OR IGNORE position_evidence SET position = (
			SELECT t.id FROM positions f JOIN positions t ON t.actor = ? AND t.issue = f.issue AND t.day = f.day
				AND t.stance = f.stance AND t.polarity = f.polarity WHERE f.id = position_evidence.position)
		WHERE position IN (SELECT f.id FROM positions f JOIN positions t ON t.actor = ? AND t.issue = f.issue AND t.day = f.day
				AND t.stance = f.stance AND t.polarity = f.polarity WHERE f.actor = ?)`, to, to, from); err != nil {
		return err
	}
	if err := exec(`DELETE FROM position_evidence WHERE position IN (SELECT f.id FROM positions f JOIN positions t ON t.actor = ?
			AND t.issue = f.issue AND t.day = f.day AND t.stance = f.stance AND t.polarity = f.polarity WHERE f.actor = ?)`, to, from); err != nil {
		return err
	}
	if err := exec(`DELETE FROM positions WHERE actor = ? AND EXISTS (SELECT 1 FROM positions t WHERE t.actor = ? AND t.issue = positions.issue
			AND t.day = positions.day AND t.stance = positions.stance AND t.polarity = positions.polarity)`, from, to); err != nil {
		return err
	}
	if err := exec(`UPDATE positions SET actor = ? WHERE actor = ?`, to, from); err != nil {
		return err
	}
	// events: participants change, then each merged event of the target is
	// keyed again and joined with any other of the same key
	var merged []int64
	rows, err = tx.QueryContext(ctx, `SELECT DISTINCT merged FROM event_actors WHERE actor = ?`, from)
	if err != nil {
		return err
	}
	for rows.Next() {
		var m int64
		if err := rows.Scan(&m); err != nil {
			rows.Close()
			return err
		}
		merged = append(merged, m)
	}
	rows.Close()
	if err := exec(`UPDATE OR IGNORE event_actors SET actor = ? WHERE actor = ?`, to, from); err != nil {
		return err
	}
	if err := exec(`DELETE FROM event_actors WHERE actor = ?`, from); err != nil {
		return err
	}
	for _, m := range merged {
		if err := rekeyEvent(ctx, tx, m); err != nil {
			return err
		}
	}
	if err := exec(`UPDATE actors SET
			docs = (SELECT COUNT(DISTINCT doc) FROM entities WHERE actor = ?1),
			mentions = (SELECT COALESCE(SUM(json_array_length(mentions)), 0) FROM entities WHERE actor = ?1),
			quotes = (SELECT COUNT(*) FROM quotes WHERE speaker = ?1)
		WHERE id = ?1`, to); err != nil {
		return err
	}
	return exec(`DELETE FROM actors WHERE id = ?`, from)
}

// rekeyEvent computes the merge key of merged event m from its
// participants and joins it to the merged event that already has that key.
func rekeyEvent(ctx context.Context, tx *sql.Tx, m int64) error {
	var typ, day, pol string
	var oldKey sql.NullString
	if err := tx.QueryRowContext(ctx, `SELECT type, day, polarity, merge_key FROM merged_events WHERE id = ?`, m).Scan(&typ, &day, &pol, &oldKey); err != nil {
		return err
	}
	if !oldKey.Valid {
		return nil // never merged: it had no participants when stored
	}
	rows, err := tx.QueryContext(ctx, `SELECT role, actor FROM event_actors WHERE merged = ?`, m)
	if err != nil {
		return err
	}
	var actors, targets []string
	for rows.Next() {
		var role string
		var a int64
		if err := rows.Scan(&role, &a); err != nil {
			rows.Close()
			return err
		}
		if role == "actor" {
			actors = append(actors, publicActor(a))
		} else {
			targets = append(targets, publicActor(a))
		}
	}
	rows.Close()
	slices.Sort(actors)
	slices.Sort(targets)
	// the date part of the key is the last field of the old key: the day
	// column holds the same value
	key := merge.EventKeyOf(typ, pol, actors, targets, day)
	if key == oldKey.String {
		return nil
	}
	var other int64
	err = tx.QueryRowContext(ctx, `SELECT id FROM merged_events WHERE merge_key = ?`, key).Scan(&other)
	switch {
	case err == sql.ErrNoRows:
		_, err = tx.ExecContext(ctx, `UPDATE merged_events SET merge_key = ? WHERE id = ?`, key, m)
		return err
	case err != nil:
		return err
	}
	for _, q := range []string{
		`UPDATE events SET merged = ?1 WHERE merged = ?2`,
		`DELETE FROM event_actors WHERE merged = ?2`,
		`DELETE FROM merged_events WHERE id = ?2`,
		`UPDATE merged_events SET sources = (SELECT COUNT(DISTINCT doc) FROM events WHERE merged = ?1) WHERE id = ?1`,
	} {
		if _, err := tx.ExecContext(ctx, q, other, m); err != nil {
			return fmt.Errorf("%s: %w", strings.Fields(q)[0], err)
		}
	}
	return nil
}
