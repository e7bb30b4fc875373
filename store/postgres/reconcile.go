package postgres

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/newsgraph/newsgraph/merge"
)

// Reconcile implements store.Store with store/sqlite's rules: Put joins a
// key to an actor only by what is stored before it, so a surname alone or
// a middle initial that arrives before the full name — or, with many
// writers, at the same moment — gets an actor of its own; Reconcile applies
// the rules to the whole store and merges such actors with their mentions,
// quotes, events and positions, and the events that then share their
// participants.
//
// It runs in one transaction under the store's exclusive lock, which every
// Put takes shared: writers wait while it runs. It reads every actor key
// into memory (about 100 bytes a key). A run that lost its connection runs
// again (whileLost).
func (db *DB) Reconcile(ctx context.Context) (int, error) {
	var n int
	err := db.whileLost(ctx, func() error {
		var err error
		n, err = db.reconcile(ctx)
		return err
	})
	return n, err
}

func (db *DB) reconcile(ctx context.Context) (int, error) {
	tx, err := db.pool.Begin(ctx)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, db.reconcileLock); err != nil {
		return 0, err
	}
	keys := map[string]int64{}
	rows, err := tx.Query(ctx, `SELECT key, actor FROM actor_keys`)
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
	if err := rows.Err(); err != nil {
		return 0, err
	}
	var actors []actorRow
	rows, err = tx.Query(ctx, `SELECT id, compact, surname, given, type, docs FROM actors`)
	if err != nil {
		return 0, err
	}
	for rows.Next() {
		var a actorRow
		if err := rows.Scan(&a.id, &a.compact, &a.surname, &a.given, &a.typ, &a.docs); err != nil {
			rows.Close()
			return 0, err
		}
		actors = append(actors, a)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, err
	}
	into := reconcilePlan(keys, actors)
	froms := make([]int64, 0, len(into))
	for a := range into {
		froms = append(froms, a)
	}
	slices.Sort(froms)
	for _, a := range froms {
		if err := mergeActor(ctx, tx, a, into[a]); err != nil {
			return 0, fmt.Errorf("merge actor %d into %d: %w", a, into[a], err)
		}
	}
	return len(froms), tx.Commit(ctx)
}

// actorRow is what reconcilePlan needs of an actor.
type actorRow struct {
	id                           int64
	compact, surname, given, typ string
	docs                         int
}

// reconcilePlan decides which actors join which: it returns actor → the
// actor it is merged into (never itself). It is store/sqlite's Reconcile
// computation, over the same rows, so both stores join the same actors.
func reconcilePlan(keys map[string]int64, actorRows []actorRow) map[int64]int64 {
	type person struct {
		id   int64
		docs int
	}
	docs := map[int64]int{}
	compact := map[string][]int64{}
	surnames := map[string][]person{}
	givens := map[string][]person{}
	for _, a := range actorRows {
		docs[a.id] = a.docs
		compact[a.compact] = append(compact[a.compact], a.id)
		if a.surname != "" && a.typ == "PERSON" {
			surnames[a.surname] = append(surnames[a.surname], person{a.id, a.docs})
			givens[a.given] = append(givens[a.given], person{a.id, a.docs})
		}
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
	slices.Sort(compacts)
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
	out := make(map[int64]int64, len(into))
	for a := range into {
		if r := find(a); r != a {
			out[a] = r
		}
	}
	return out
}

// mergeActor moves everything of actor from to actor to and deletes from.
func mergeActor(ctx context.Context, tx pgx.Tx, from, to int64) error {
	steps := []string{
		`UPDATE actor_keys SET actor = $2 WHERE actor = $1`,
		`UPDATE entities SET actor = $2 WHERE actor = $1`,
		`UPDATE quotes SET speaker = $2 WHERE speaker = $1`,
		// spellings: counts added where both have one
		`UPDATE actor_names t SET count = t.count + f.count FROM actor_names f
			WHERE f.actor = $1 AND t.actor = $2 AND t.kind = f.kind AND t.name = f.name`,
		`DELETE FROM actor_names f USING actor_names t
			WHERE f.actor = $1 AND t.actor = $2 AND t.kind = f.kind AND t.name = f.name`,
		`UPDATE actor_names SET actor = $2 WHERE actor = $1`,
		// positions: evidence moves to the position of the same issue, day
		// and stance where the target actor has one
		`INSERT INTO position_evidence (position, doc, vid, qid, trigger_start, trigger_end, trigger_text)
			SELECT t.id, pe.doc, pe.vid, pe.qid, pe.trigger_start, pe.trigger_end, pe.trigger_text
			FROM positions f JOIN positions t ON t.actor = $2 AND t.issue = f.issue AND t.day = f.day
				AND t.stance = f.stance AND t.polarity = f.polarity
			JOIN position_evidence pe ON pe.position = f.id
			WHERE f.actor = $1 ON CONFLICT DO NOTHING`,
		`DELETE FROM position_evidence WHERE position IN (SELECT f.id FROM positions f JOIN positions t ON t.actor = $2
			AND t.issue = f.issue AND t.day = f.day AND t.stance = f.stance AND t.polarity = f.polarity WHERE f.actor = $1)`,
		`DELETE FROM positions f USING positions t WHERE f.actor = $1 AND t.actor = $2
			AND t.issue = f.issue AND t.day = f.day AND t.stance = f.stance AND t.polarity = f.polarity`,
		`UPDATE positions SET actor = $2 WHERE actor = $1`,
	}
	for _, q := range steps {
		args := []any{from, to}
		if !strings.Contains(q, "$2") {
			args = args[:1]
		}
		if _, err := tx.Exec(ctx, q, args...); err != nil {
			return err
		}
	}
	// events: participants change, then each merged event of the target is
	// keyed again and joined with any other of the same key
	rows, err := tx.Query(ctx, `SELECT DISTINCT merged FROM event_actors WHERE actor = $1 ORDER BY merged`, from)
	if err != nil {
		return err
	}
	merged, err := pgx.CollectRows(rows, pgx.RowTo[int64])
	if err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, `INSERT INTO event_actors (merged, role, actor)
		SELECT merged, role, $2 FROM event_actors WHERE actor = $1 ON CONFLICT DO NOTHING`, from, to); err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, `DELETE FROM event_actors WHERE actor = $1`, from); err != nil {
		return err
	}
	for _, m := range merged {
		if err := rekeyEvent(ctx, tx, m); err != nil {
			return err
		}
	}
	if _, err := tx.Exec(ctx, `UPDATE actors SET
			docs = (SELECT count(DISTINCT doc) FROM entities WHERE actor = $1),
			mentions = (SELECT COALESCE(sum(json_array_length(mentions::json)), 0) FROM entities WHERE actor = $1)
		WHERE id = $1`, to); err != nil {
		return err
	}
	_, err = tx.Exec(ctx, `DELETE FROM actors WHERE id = $1`, from)
	return err
}

// rekeyEvent computes the merge key of merged event m from its
// participants and joins it to the merged event that already has that key.
func rekeyEvent(ctx context.Context, tx pgx.Tx, m int64) error {
	var typ, day, pol string
	var oldKey *string
	if err := tx.QueryRow(ctx, `SELECT type, day, polarity, merge_key FROM merged_events WHERE id = $1`, m).Scan(&typ, &day, &pol, &oldKey); err != nil {
		if errors.Is(err, pgx.ErrNoRows) {
			return nil // joined into another already
		}
		return err
	}
	if oldKey == nil {
		return nil // never merged: it had no participants when stored
	}
	rows, err := tx.Query(ctx, `SELECT role, actor FROM event_actors WHERE merged = $1`, m)
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
	if err := rows.Err(); err != nil {
		return err
	}
	slices.Sort(actors)
	slices.Sort(targets)
	// the date part of the key is the last field of the old key: the day
	// column holds the same value
	key := merge.EventKeyOf(typ, pol, actors, targets, day)
	if key == *oldKey {
		return nil
	}
	var other int64
	err = tx.QueryRow(ctx, `SELECT id FROM merged_events WHERE merge_key = $1`, key).Scan(&other)
	if errors.Is(err, pgx.ErrNoRows) {
		_, err = tx.Exec(ctx, `UPDATE merged_events SET merge_key = $1 WHERE id = $2`, key, m)
		return err
	}
	if err != nil {
		return err
	}
	for _, st := range []struct {
		q    string
		args []any
	}{
		{`UPDATE events SET merged = $1 WHERE merged = $2`, []any{other, m}},
		{`DELETE FROM event_actors WHERE merged = $1`, []any{m}},
		{`DELETE FROM merged_events WHERE id = $1`, []any{m}},
		{`UPDATE merged_events SET sources = (SELECT count(DISTINCT doc) FROM events WHERE merged = $1) WHERE id = $1`, []any{other}},
	} {
		if _, err := tx.Exec(ctx, st.q, st.args...); err != nil {
			return fmt.Errorf("rekey event %d: %w", m, err)
		}
	}
	return nil
}
