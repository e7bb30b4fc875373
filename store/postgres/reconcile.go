package postgres

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/merge"
	"github.com/newsgraph/newsgraph/store"
)

// Reconcile implements store.Store. Put joins a key to an actor by what is
// stored before it, so a surname alone or a middle initial that arrives
// before the full name — or, with many writers, at the same moment — gets
// an actor of its own, and a surname alone may join whoever dominated it
// at that moment. Reconcile decides the joins again from the keys and
// their document counts alone (merge.Plan): a key joined to an actor the
// plan puts it apart from is moved out, with its documents' entities,
// quotes, events and positions (moveKeys); then the actors of each group
// are merged, with their mentions, quotes, events and positions, and the
// events that then share their participants. The store it leaves depends
// on the set of documents stored, not on the order they came in or on how
// many writers stored them.
//
// It runs in one transaction under the store's exclusive lock, which every
// Put takes shared: writers wait while it runs. It reads every actor key
// into memory (about 100 bytes a key). A run that lost its connection runs
// again (whileLost). It returns the number of actors merged and keys moved.
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
	n, err := merge.Reconcile(&reconciler{ctx, tx})
	if err != nil {
		return 0, err
	}
	return n, tx.Commit(ctx)
}

// reconciler is merge.Reconciler within transaction tx.
type reconciler struct {
	ctx context.Context
	tx  pgx.Tx
}

func (r *reconciler) Keys() ([]merge.KeyActor, error) { return loadKeys(r.ctx, r.tx) }

func (r *reconciler) MoveKeys(moves []merge.Move, kept map[int64]string) error {
	return moveKeys(r.ctx, r.tx, moves, kept)
}

func (r *reconciler) ActorDocs(ids []int64) (map[int64]int, error) {
	rows, err := r.tx.Query(r.ctx, `SELECT id, docs FROM actors WHERE id = ANY($1)`, ids)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	docs := map[int64]int{}
	for rows.Next() {
		var id int64
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			return nil, err
		}
		docs[id] = n
	}
	return docs, rows.Err()
}

func (r *reconciler) MergeActor(from, to int64) error { return mergeActor(r.ctx, r.tx, from, to) }

// loadKeys reads every actor key with its actor and document count, in
// key order.
func loadKeys(ctx context.Context, tx pgx.Tx) ([]merge.KeyActor, error) {
	rows, err := tx.Query(ctx, `SELECT key, actor, docs FROM actor_keys ORDER BY key`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var keys []merge.KeyActor
	for rows.Next() {
		var k merge.KeyActor
		if err := rows.Scan(&k.Key, &k.Actor, &k.Docs); err != nil {
			return nil, err
		}
		keys = append(keys, k)
	}
	return keys, rows.Err()
}

func sortedKeys[K cmp.Ordered, V any](m map[K]V) []K {
	out := make([]K, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// moveKeys moves each move's keys out of their actor, into the actor the
// move names or into a new one; kept is the key each losing actor keeps
// (merge.Moves). The documents that name an entity by a moved key are
// stored again (restore): their entities, quotes' speakers, events and
// positions follow the keys; then the counts and canonical names of every
// actor they touch are counted again.
func moveKeys(ctx context.Context, tx pgx.Tx, moves []merge.Move, kept map[int64]string) error {
	// an actor keeps the key it was made by unless that key moves
	for _, m := range moves {
		nk := kept[m.From]
		if _, err := tx.Exec(ctx, `UPDATE actors SET key = $2, compact = $3, surname = $4, given = $5 WHERE id = $1 AND key = ANY($6)`,
			m.From, nk, merge.Compact(nk), merge.Surname(nk), merge.Given(nk), m.Keys); err != nil {
			return err
		}
	}
	touched := map[int64]bool{}
	docSet := map[int64]bool{}
	made := map[string]int64{} // group → the actor made for it
	for i := range moves {
		m := &moves[i]
		if m.To == 0 {
			m.To = made[m.Group]
		}
		if m.To == 0 {
			var name, typ string
			err := tx.QueryRow(ctx, `SELECT name, type FROM entities WHERE actor = $1 AND key = ANY($2) ORDER BY doc, eid LIMIT 1`,
				m.From, m.Keys).Scan(&name, &typ)
			if errors.Is(err, pgx.ErrNoRows) {
				name, typ = m.Keys[0], ""
				err = tx.QueryRow(ctx, `SELECT type FROM actors WHERE id = $1`, m.From).Scan(&typ)
			}
			if err != nil {
				return err
			}
			k := m.Keys[0]
			if err := tx.QueryRow(ctx, `INSERT INTO actors (key, name, type, compact, surname, given) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
				k, name, typ, merge.Compact(k), merge.Surname(k), merge.Given(k)).Scan(&m.To); err != nil {
				return err
			}
			made[m.Group] = m.To
		}
		touched[m.From], touched[m.To] = true, true
		rows, err := tx.Query(ctx, `SELECT DISTINCT doc FROM entities WHERE actor = $1 AND key = ANY($2)`, m.From, m.Keys)
		if err != nil {
			return err
		}
		ds, err := pgx.CollectRows(rows, pgx.RowTo[int64])
		if err != nil {
			return err
		}
		for _, d := range ds {
			docSet[d] = true
		}
		if _, err := tx.Exec(ctx, `UPDATE actor_keys SET actor = $2 WHERE key = ANY($1)`, m.Keys, m.To); err != nil {
			return err
		}
	}
	p := &putTx{ctx: ctx, tx: tx}
	for _, doc := range sortedKeys(docSet) {
		if err := p.restore(doc, touched); err != nil {
			return fmt.Errorf("document %d: %w", doc, err)
		}
	}
	ids := sortedKeys(touched)
	if _, err := tx.Exec(ctx, `UPDATE actors SET
			docs = (SELECT count(DISTINCT doc) FROM entities WHERE actor = actors.id),
			mentions = (SELECT COALESCE(sum(json_array_length(mentions::json)), 0) FROM entities WHERE actor = actors.id)
		WHERE id = ANY($1)`, ids); err != nil {
		return err
	}
	_, err := tx.Exec(ctx, `UPDATE actors SET name = n.name, name_count = n.count FROM (
			SELECT DISTINCT ON (actor) actor, name, count FROM actor_names WHERE kind = 'canonical' AND actor = ANY($1)
			ORDER BY actor, position(' ' in name) > 0 DESC, count DESC, name) n
		WHERE actors.id = n.actor`, ids)
	return err
}

// restore stores again what document doc derives across documents — its
// entities and their names, its quotes' speakers, its events and positions
// — after the keys of actor_keys have moved: first it takes away what the
// document added, then it stores it as Put does, by the keys as they are
// now. The actors it touches are added to touched; their counts are
// counted again by the caller.
func (p *putTx) restore(doc int64, touched map[int64]bool) error {
	var raw string
	if err := p.tx.QueryRow(p.ctx, `SELECT record FROM documents WHERE rowid = $1`, doc).Scan(&raw); err != nil {
		return err
	}
	rec := new(newsgraph.Record)
	if err := json.Unmarshal([]byte(raw), rec); err != nil {
		return fmt.Errorf("decode record: %w", err)
	}
	d := &store.Doc{Record: rec, Keys: merge.EntityKeys(rec)}
	old := map[string]int64{}
	rows, err := p.tx.Query(p.ctx, `SELECT eid, actor FROM entities WHERE doc = $1`, doc)
	if err != nil {
		return err
	}
	for rows.Next() {
		var eid string
		var a int64
		if err := rows.Scan(&eid, &a); err != nil {
			rows.Close()
			return err
		}
		old[eid] = a
		touched[a] = true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	names := map[nameKey]*nameUse{}
	for _, e := range rec.Entities {
		if a, ok := old[e.ID]; ok && !store.IsDescription(a) {
			useNames(names, a, e)
		}
	}
	var nActor []int64
	var nKind, nName []string
	var nCount []int32
	for k, u := range names {
		nActor, nKind, nName, nCount = append(nActor, k.actor), append(nKind, k.kind), append(nName, k.name), append(nCount, int32(u.n))
		if u.canonical > 0 {
			nActor, nKind, nName, nCount = append(nActor, k.actor), append(nKind, "canonical"), append(nName, k.name), append(nCount, int32(u.canonical))
		}
	}
	b := &pgx.Batch{}
	b.Queue(`UPDATE actor_names n SET count = n.count - u.c FROM unnest($1::bigint[], $2::text[], $3::text[], $4::int[]) AS u(a, k, n, c)
		WHERE n.actor = u.a AND n.kind = u.k AND n.name = u.n`, nActor, nKind, nName, nCount)
	b.Queue(`DELETE FROM actor_names WHERE actor = ANY($1) AND count <= 0`, nActor)
	b.Queue(`DELETE FROM entities WHERE doc = $1`, doc)
	b.Queue(`WITH gone AS (DELETE FROM events WHERE doc = $1 RETURNING merged),
			m AS (UPDATE merged_events SET sources = sources - 1 WHERE id IN (SELECT merged FROM gone) RETURNING id, sources)
		DELETE FROM event_actors WHERE merged IN (SELECT id FROM m WHERE sources = 0)`, doc)
	b.Queue(`DELETE FROM merged_events WHERE sources = 0`)
	b.Queue(`WITH gone AS (DELETE FROM position_evidence WHERE doc = $1 RETURNING position)
		DELETE FROM positions p WHERE p.id IN (SELECT position FROM gone)
			AND NOT EXISTS (SELECT 1 FROM position_evidence e WHERE e.position = p.id AND e.doc <> $1)`, doc)
	if err := p.send(b); err != nil {
		return fmt.Errorf("take away: %w", err)
	}
	actors, err := p.entities(doc, d, false)
	if err != nil {
		return err
	}
	for _, a := range actors {
		touched[a] = true
	}
	if len(rec.Quotes) > 0 {
		var qid []string
		var speaker []*int64
		for _, q := range rec.Quotes {
			var sp *int64
			if q.Speaker != nil {
				if a, ok := actors[*q.Speaker]; ok {
					sp = &a
				}
			}
			qid, speaker = append(qid, q.ID), append(speaker, sp)
		}
		if _, err := p.tx.Exec(p.ctx, `UPDATE quotes q SET speaker = u.s FROM unnest($2::text[], $3::bigint[]) AS u(q, s)
			WHERE q.doc = $1 AND q.qid = u.q`, doc, qid, speaker); err != nil {
			return err
		}
	}
	if err := p.events(doc, d, actors); err != nil {
		return err
	}
	b = &pgx.Batch{}
	p.queuePositions(b, doc, d, actors)
	return p.send(b)
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

// backfillKeys gives the entities stored before schema step 7 their actor
// keys, read from their documents' records, and counts each key's
// documents.
func backfillKeys(ctx context.Context, tx pgx.Tx) error {
	var any bool
	if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM entities)`).Scan(&any); err != nil || !any {
		return err
	}
	for after := int64(0); ; {
		rows, err := tx.Query(ctx, `SELECT rowid, record FROM documents WHERE rowid > $1 ORDER BY rowid LIMIT 500`, after)
		if err != nil {
			return err
		}
		var docs []int64
		var eids, keys []string
		n := 0
		for rows.Next() {
			var raw string
			if err := rows.Scan(&after, &raw); err != nil {
				rows.Close()
				return err
			}
			n++
			var rec newsgraph.Record
			if err := json.Unmarshal([]byte(raw), &rec); err != nil {
				continue // check reports it
			}
			for eid, k := range merge.EntityKeys(&rec) {
				docs, eids, keys = append(docs, after), append(eids, eid), append(keys, k)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		if n == 0 {
			break
		}
		if _, err := tx.Exec(ctx, `UPDATE entities e SET key = u.k FROM unnest($1::bigint[], $2::text[], $3::text[]) AS u(d, e, k)
			WHERE e.doc = u.d AND e.eid = u.e`, docs, eids, keys); err != nil {
			return err
		}
	}
	_, err := tx.Exec(ctx, `UPDATE actor_keys k SET docs = c.n FROM (SELECT key, count(DISTINCT doc) AS n FROM entities GROUP BY key) c
		WHERE k.key = c.key`)
	return err
}
