package sqlite

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/merge"
	"github.com/newsgraph/newsgraph/store"
)

// Reconcile implements store.Store. Put joins a key to an actor by what is
// stored before it, so a surname alone ("person:clinton") or a middle
// initial that arrives before the full name gets an actor of its own, and
// a surname alone may join whoever dominated it at that moment (Bill
// Clinton, before Hillary Clinton did). Reconcile decides the joins again
// from the keys and their document counts alone (merge.Plan): a key joined
// to an actor the plan puts it apart from is moved out, with its
// documents' entities, names, quotes, events and positions (moveKeys);
// then the actors of each group are merged, with the same rows, and the
// events that then share their participants. The store it leaves depends
// on the set of documents stored, not on the order they came in.
//
// It runs in one transaction, the writer's: Put waits while it runs. It
// reads every actor key into memory (about 100 bytes a key). It returns
// the number of actors merged and keys moved.
func (db *DB) Reconcile(ctx context.Context) (int, error) {
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()
	n, err := merge.Reconcile(&reconciler{ctx, tx})
	if err != nil {
		return 0, err
	}
	return n, tx.Commit()
}

// reconciler is merge.Reconciler within the writer's transaction tx.
type reconciler struct {
	ctx context.Context
	tx  *sql.Tx
}

func (r *reconciler) Keys() ([]merge.KeyActor, error) { return loadKeys(r.ctx, r.tx) }

func (r *reconciler) MoveKeys(moves []merge.Move, kept map[int64]string) error {
	return moveKeys(r.ctx, r.tx, moves, kept)
}

func (r *reconciler) ActorDocs(ids []int64) (map[int64]int, error) {
	docs := map[int64]int{}
	err := eachRow(r.ctx, r.tx, `SELECT id, docs FROM actors WHERE id IN (SELECT value FROM json_each(?))`, func(rows *sql.Rows) error {
		var id int64
		var n int
		err := rows.Scan(&id, &n)
		docs[id] = n
		return err
	}, jsonArray(ids))
	return docs, err
}

func (r *reconciler) MergeActor(from, to int64) error { return mergeActor(r.ctx, r.tx, from, to) }

// loadKeys reads every actor key with its actor and document count, in
// key order. A description's key beyond those a document numbers
// (store.DescriptionsPerDoc) has an actor of its own but joins nothing: it
// is left out.
func loadKeys(ctx context.Context, tx *sql.Tx) ([]merge.KeyActor, error) {
	var keys []merge.KeyActor
	err := eachRow(ctx, tx, `SELECT key, actor, docs FROM actor_keys WHERE substr(key, 1, 12) <> 'description:' ORDER BY key`,
		func(rows *sql.Rows) error {
			var k merge.KeyActor
			err := rows.Scan(&k.Key, &k.Actor, &k.Docs)
			keys = append(keys, k)
			return err
		})
	return keys, err
}

// eachRow runs query q in tx and calls scan for each row.
func eachRow(ctx context.Context, tx *sql.Tx, q string, scan func(*sql.Rows) error, args ...any) error {
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// jsonArray encodes a list (ids, keys, rows as arrays) as a JSON array,
// which one bound value carries into SQL (json_each, ->>), however long.
func jsonArray[T any](v []T) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// moveKeys moves each move's keys out of their actor, into the actor the
// move names or into a new one; kept is the key each losing actor keeps
// (merge.Moves). The documents that name an entity by a moved key are
// stored again (restore): their entities, names, quotes' speakers, events
// and positions follow the keys; then the canonical names of the actors
// that lost or gained keys are chosen again.
func moveKeys(ctx context.Context, tx *sql.Tx, moves []merge.Move, kept map[int64]string) error {
	// an actor keeps the key it was made by unless that key moves
	for _, m := range moves {
		nk := kept[m.From]
		if _, err := tx.ExecContext(ctx, `UPDATE actors SET key = ?, compact = ?, surname = ?, given = ?
			WHERE id = ? AND key IN (SELECT value FROM json_each(?))`,
			nk, merge.Compact(nk), merge.Surname(nk), merge.Given(nk), m.From, jsonArray(m.Keys)); err != nil {
			return err
		}
	}
	changed := map[int64]bool{}
	docSet := map[int64]bool{}
	made := map[string]int64{} // group → the actor made for it
	for i := range moves {
		m := &moves[i]
		ks := jsonArray(m.Keys)
		if m.To == 0 {
			m.To = made[m.Group]
		}
		if m.To == 0 {
			var name, typ string
			err := tx.QueryRowContext(ctx, `SELECT name, type FROM entities WHERE actor = ? AND key IN (SELECT value FROM json_each(?))
				ORDER BY doc, eid LIMIT 1`, m.From, ks).Scan(&name, &typ)
			if errors.Is(err, sql.ErrNoRows) {
				name = m.Keys[0]
				err = tx.QueryRowContext(ctx, `SELECT type FROM actors WHERE id = ?`, m.From).Scan(&typ)
			}
			if err != nil {
				return err
			}
			k := m.Keys[0]
			if err := tx.QueryRowContext(ctx, `INSERT INTO actors (key, name, type, compact, surname, given) VALUES (?, ?, ?, ?, ?, ?) RETURNING id`,
				k, name, typ, merge.Compact(k), merge.Surname(k), merge.Given(k)).Scan(&m.To); err != nil {
				return err
			}
			made[m.Group] = m.To
		}
		changed[m.From], changed[m.To] = true, true
		err := eachRow(ctx, tx, `SELECT DISTINCT doc FROM entities WHERE actor = ? AND key IN (SELECT value FROM json_each(?))`,
			func(rows *sql.Rows) error {
				var d int64
				err := rows.Scan(&d)
				docSet[d] = true
				return err
			}, m.From, ks)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE actor_keys SET actor = ? WHERE key IN (SELECT value FROM json_each(?))`, m.To, ks); err != nil {
			return err
		}
	}
	if err := restore(ctx, tx, slices.Sorted(maps.Keys(docSet))); err != nil {
		return err
	}
	// the canonical name: the full name (of more than one word) that most
	// documents give the actor, a one-word name only while there is none
	_, err := tx.ExecContext(ctx, `UPDATE actors SET name = n.name, name_count = n.count FROM (
			SELECT actor, name, count, ROW_NUMBER() OVER (PARTITION BY actor ORDER BY instr(name, ' ') > 0 DESC, count DESC, name) AS r
			FROM actor_names WHERE kind = 'canonical' AND actor IN (SELECT value FROM json_each(?))) AS n
		WHERE n.r = 1 AND actors.id = n.actor`, jsonArray(slices.Sorted(maps.Keys(changed))))
	return err
}

// restored is a document stored again, with the actors it named before.
type restored struct {
	doc    int64
	d      *store.Doc
	actors map[string]int64 // entity id → its actor before
	spoke  map[string]int64 // quote id → its speaker before
}

// restore stores again what documents docs derive across documents —
// their entities and names, their quotes' speakers, their events and
// positions — after the keys of actor_keys have moved: it takes away what
// the documents added (takeAway), then stores it as Put does (putTx), by
// the keys as they are now. A quote keeps its row, its speaker changed
// where its entity's actor is.
func restore(ctx context.Context, tx *sql.Tx, docs []int64) error {
	rs, err := readRestored(ctx, tx, docs)
	if err != nil {
		return err
	}
	unused, err := takeAway(ctx, tx, rs)
	if err != nil {
		return fmt.Errorf("take away: %w", err)
	}
	var lastName int64
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(id), 0) FROM actor_names`).Scan(&lastName); err != nil {
		return err
	}
	p := &putTx{ctx: ctx, tx: tx, stmts: map[string]*sql.Stmt{}, keys: map[string]int64{}, names: map[int64]string{}, spoken: map[int64]int{}}
	defer func() {
		for _, s := range p.stmts {
			s.Close()
		}
	}()
	for _, r := range rs {
		actors, err := p.entities(r.doc, r.d)
		if err != nil {
			return fmt.Errorf("document %d: %w", r.doc, err)
		}
		for _, q := range r.d.Record.Quotes {
			var speaker int64
			if q.Speaker != nil {
				speaker = actors[*q.Speaker]
			}
			if was := r.spoke[q.ID]; speaker != was {
				if _, err := tx.ExecContext(ctx, `UPDATE quotes SET speaker = NULLIF(?, 0) WHERE doc = ? AND qid = ?`, speaker, r.doc, q.ID); err != nil {
					return err
				}
				p.spoken[was]--
				p.spoken[speaker]++
			}
		}
		if err := p.events(r.doc, r.d, actors); err != nil {
			return fmt.Errorf("document %d: %w", r.doc, err)
		}
		if err := p.positions(r.doc, r.d, actors); err != nil {
			return fmt.Errorf("document %d: %w", r.doc, err)
		}
	}
	for _, a := range slices.Sorted(maps.Keys(p.spoken)) {
		if a == 0 || store.IsDescription(a) || p.spoken[a] == 0 {
			continue
		}
		if _, err := p.exec("bumpQuotes", p.spoken[a], a); err != nil {
			return err
		}
	}
	// the full-text index follows the rows it mirrors; the names that no
	// document gives any longer go
	for _, q := range []string{
		`INSERT INTO actor_names_fts (rowid, name) SELECT id, name FROM actor_names WHERE id > ?1`,
		`INSERT INTO actor_names_fts (actor_names_fts, rowid, name) SELECT 'delete', id, name FROM actor_names
			WHERE id IN (SELECT value FROM json_each(?2)) AND count <= 0`,
		`DELETE FROM actor_names WHERE id IN (SELECT value FROM json_each(?2)) AND count <= 0`,
	} {
		if _, err := tx.ExecContext(ctx, q, lastName, jsonArray(unused)); err != nil {
			return err
		}
	}
	return nil
}

// readRestored reads the records of docs, the actors their entities are
// joined to and the speakers of their quotes.
func readRestored(ctx context.Context, tx *sql.Tx, docs []int64) ([]*restored, error) {
	var rs []*restored
	byDoc := map[int64]*restored{}
	ds := jsonArray(docs)
	err := eachRow(ctx, tx, `SELECT rowid, record FROM documents WHERE rowid IN (SELECT value FROM json_each(?)) ORDER BY rowid`,
		func(rows *sql.Rows) error {
			var doc int64
			var raw string
			if err := rows.Scan(&doc, &raw); err != nil {
				return err
			}
			rec := new(newsgraph.Record)
			if err := json.Unmarshal([]byte(raw), rec); err != nil {
				return fmt.Errorf("document %d: decode record: %w", doc, err)
			}
			r := &restored{doc: doc, d: &store.Doc{Record: rec, Keys: merge.EntityKeys(rec)}, actors: map[string]int64{}, spoke: map[string]int64{}}
			rs = append(rs, r)
			byDoc[doc] = r
			return nil
		}, ds)
	if err != nil {
		return nil, err
	}
	err = eachRow(ctx, tx, `SELECT doc, eid, actor FROM entities WHERE doc IN (SELECT value FROM json_each(?))`, func(rows *sql.Rows) error {
		var doc, a int64
		var eid string
		err := rows.Scan(&doc, &eid, &a)
		byDoc[doc].actors[eid] = a
		return err
	}, ds)
	if err != nil {
		return nil, err
	}
	err = eachRow(ctx, tx, `SELECT doc, qid, speaker FROM quotes WHERE doc IN (SELECT value FROM json_each(?)) AND speaker IS NOT NULL`,
		func(rows *sql.Rows) error {
			var doc, a int64
			var qid string
			err := rows.Scan(&doc, &qid, &a)
			byDoc[doc].spoke[qid] = a
			return err
		}, ds)
	return rs, err
}

// takeAway takes away what documents rs added to the store across
// documents but their quotes: each counted once in the documents and
// mentions of each of its actors and in each of their names (entityNames),
// its entities, its reports of merged events and its evidence of
// positions. It returns the names that no document gives now, for the
// caller to delete once the documents are stored again (most are given
// again then). The rows of actors and names are each changed in one
// statement, the changes as a JSON array of rows: a statement a row took a
// third of restore's time.
func takeAway(ctx context.Context, tx *sql.Tx, rs []*restored) (unused []int64, err error) {
	type nameKey struct {
		actor      int64
		kind, name string
	}
	uses := map[nameKey]int{}
	type counts struct{ docs, mentions int }
	less := map[int64]*counts{}
	for _, r := range rs {
		seen := map[nameKey]bool{}
		named := map[int64]bool{}
		for _, e := range r.d.Record.Entities {
			a, ok := r.actors[e.ID]
			if !ok || store.IsDescription(a) {
				continue
			}
			c := less[a]
			if c == nil {
				c = &counts{}
				less[a] = c
			}
			if !named[a] {
				named[a] = true
				c.docs++
			}
			c.mentions += len(e.Mentions)
			entityNames(e, func(kind, name string) {
				if k := (nameKey{a, kind, name}); name != "" && !seen[k] {
					seen[k] = true
					uses[k]++
				}
			})
		}
	}
	var actorRows [][3]int64
	for _, a := range slices.Sorted(maps.Keys(less)) {
		actorRows = append(actorRows, [3]int64{a, int64(less[a].docs), int64(less[a].mentions)})
	}
	if _, err := tx.ExecContext(ctx, `UPDATE actors SET docs = docs - u.d, mentions = mentions - u.m
		FROM (SELECT value ->> 0 AS id, value ->> 1 AS d, value ->> 2 AS m FROM json_each(?)) AS u
		WHERE actors.id = u.id`, jsonArray(actorRows)); err != nil {
		return nil, err
	}
	var nameRows [][4]any
	for _, k := range slices.SortedFunc(maps.Keys(uses), func(x, y nameKey) int {
		return cmp.Or(cmp.Compare(x.actor, y.actor), cmp.Compare(x.kind, y.kind), cmp.Compare(x.name, y.name))
	}) {
		nameRows = append(nameRows, [4]any{k.actor, k.kind, k.name, uses[k]})
	}
	err = eachRow(ctx, tx, `UPDATE actor_names SET count = count - u.n
		FROM (SELECT value ->> 0 AS actor, value ->> 1 AS kind, value ->> 2 AS name, value ->> 3 AS n FROM json_each(?)) AS u
		WHERE actor_names.actor = u.actor AND actor_names.kind = u.kind AND actor_names.name = u.name
		RETURNING actor_names.id, actor_names.count`, func(rows *sql.Rows) error {
		var id int64
		var count int
		err := rows.Scan(&id, &count)
		if count <= 0 {
			unused = append(unused, id)
		}
		return err
	}, jsonArray(nameRows))
	if err != nil {
		return nil, err
	}
	docs := make([]int64, len(rs))
	for i, r := range rs {
		docs[i] = r.doc
	}
	ds := jsonArray(docs)
	var positions []int64
	err = eachRow(ctx, tx, `SELECT DISTINCT position FROM position_evidence WHERE doc IN (SELECT value FROM json_each(?))`,
		func(rows *sql.Rows) error {
			var id int64
			err := rows.Scan(&id)
			positions = append(positions, id)
			return err
		}, ds)
	if err != nil {
		return nil, err
	}
	for _, st := range []struct {
		q   string
		arg string
	}{
		{`DELETE FROM entities WHERE doc IN (SELECT value FROM json_each(?1))`, ds},
		// a document that reports one event twice is one source of it
		{`UPDATE merged_events SET sources = sources - (SELECT COUNT(DISTINCT doc) FROM events
				WHERE merged = merged_events.id AND doc IN (SELECT value FROM json_each(?1)))
			WHERE id IN (SELECT merged FROM events WHERE doc IN (SELECT value FROM json_each(?1)))`, ds},
		{`DELETE FROM events WHERE doc IN (SELECT value FROM json_each(?1))`, ds},
		{`DELETE FROM event_actors WHERE merged IN (SELECT id FROM merged_events WHERE sources <= 0)`, ""},
		{`DELETE FROM merged_events WHERE sources <= 0`, ""},
		{`DELETE FROM position_evidence WHERE doc IN (SELECT value FROM json_each(?1))`, ds},
		{`DELETE FROM positions WHERE id IN (SELECT value FROM json_each(?1))
			AND NOT EXISTS (SELECT 1 FROM position_evidence e WHERE e.position = positions.id)`, jsonArray(positions)},
	} {
		var args []any
		if st.arg != "" {
			args = append(args, st.arg)
		}
		if _, err := tx.ExecContext(ctx, st.q, args...); err != nil {
			return nil, err
		}
	}
	return unused, nil
}

// backfillKeys gives the entities stored before schema step 13 their
// actor keys, read from their documents' records, and counts each key's
// documents.
func backfillKeys(ctx context.Context, tx *sql.Tx) error {
	var any bool
	if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM entities)`).Scan(&any); err != nil || !any {
		return err
	}
	set, err := tx.PrepareContext(ctx, `UPDATE entities SET key = ? WHERE doc = ? AND eid = ? AND key IS NULL`)
	if err != nil {
		return err
	}
	defer set.Close()
	for after := int64(0); ; {
		rows, err := tx.QueryContext(ctx, `SELECT rowid, record FROM documents WHERE rowid > ? ORDER BY rowid LIMIT 500`, after)
		if err != nil {
			return err
		}
		type entityKey struct {
			doc      int64
			eid, key string
		}
		var keys []entityKey
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
				continue // Check reports it
			}
			for eid, k := range merge.EntityKeys(&rec) {
				keys = append(keys, entityKey{after, eid, k})
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		if n == 0 {
			break
		}
		for _, k := range keys {
			if _, err := set.ExecContext(ctx, k.key, k.doc, k.eid); err != nil {
				return err
			}
		}
	}
	_, err = tx.ExecContext(ctx, `UPDATE actor_keys SET docs = c.n FROM (SELECT key, COUNT(DISTINCT doc) AS n FROM entities
		WHERE key IS NOT NULL GROUP BY key) AS c WHERE actor_keys.key = c.key`)
	return err
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
