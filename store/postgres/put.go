package postgres

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/jackc/pgx/v5"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/merge"
	"github.com/newsgraph/newsgraph/store"
)

// errNoRecord is the error of a Put without a record whose content hash
// matches no stored document.
var errNoRecord = errors.New("no record, and no stored document with its content hash")

// maxIndexedText bounds the text given to to_tsvector: a tsvector holds at
// most 1 MB, and an article longer than this is a dump, not news. The record
// keeps the whole text; only the search index sees less.
const maxIndexedText = 512 << 10

// maxAttempts bounds the retries of a Put that lost a deadlock.
const maxAttempts = 8

// Put implements store.Store. The batch is one transaction: if any document
// fails to be written, none of the batch is, and the error says which. A
// transaction that another aborted (deadlock, serialisation failure) runs
// again, and so does one that lost its connection (whileLost).
func (db *DB) Put(ctx context.Context, docs ...*store.Doc) ([]store.PutResult, error) {
	if len(docs) == 0 {
		return nil, nil
	}
	var res []store.PutResult
	err := db.whileLost(ctx, func() error {
		var err error
		res, err = db.put(ctx, docs)
		return err
	})
	return res, err
}

// put is Put's transaction, run again when another aborted it.
func (db *DB) put(ctx context.Context, docs []*store.Doc) ([]store.PutResult, error) {
	for attempt := 1; ; attempt++ {
		res, err := db.putOnce(ctx, docs)
		if err == nil {
			return res, nil
		}
		if !retryable(err) || attempt == maxAttempts || ctx.Err() != nil {
			return nil, err
		}
		time.Sleep(time.Duration(rand.IntN(20*attempt)+1) * time.Millisecond)
	}
}

func (db *DB) putOnce(ctx context.Context, docs []*store.Doc) ([]store.PutResult, error) {
	tx, err := db.pool.Begin(ctx)
	if err != nil {
		return nil, fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback(ctx)
	res, err := db.PutTx(ctx, tx, docs...)
	if err != nil {
		return nil, err
	}
	if err := tx.Commit(ctx); err != nil {
		return nil, fmt.Errorf("commit: %w", err)
	}
	return res, nil
}

// PutTx writes documents inside the caller's transaction, so that a job
// queue can mark its job done in the same commit (river.JobCompleteTx): then
// a job killed before the commit did nothing and one killed after it is not
// run again. The caller commits, and retries when the error is a deadlock.
func (db *DB) PutTx(ctx context.Context, tx pgx.Tx, docs ...*store.Doc) ([]store.PutResult, error) {
	// The commit does not wait for the WAL to reach the disk: a server
	// that crashes may lose the last transactions of a fraction of a
	// second, each whole, with the queue job or the input record that
	// would have marked it done, so it is stored again; a worker's crash
	// loses nothing. It halves the cost of a document's transaction.
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock_shared($1), set_config('synchronous_commit', 'off', true)`, db.reconcileLock); err != nil {
		return nil, fmt.Errorf("lock: %w", err)
	}
	p := &putTx{ctx: ctx, tx: tx, db: db, pending: &actorBumps{}}
	out := make([]store.PutResult, len(docs))
	for i, d := range docs {
		res, err := p.put(d)
		if err != nil {
			return nil, fmt.Errorf("store %s: %w", docName(d), err)
		}
		out[i] = res
	}
	b := &pgx.Batch{}
	p.pending.queue(b)
	if err := p.send(b); err != nil {
		return nil, fmt.Errorf("actors: %w", err)
	}
	db.wrote(len(docs))
	return out, nil
}

// actorBumps is what the documents of a transaction add to the shared rows
// of actors and keys, written once at its end (queue): a popular actor's
// row gets one new version a transaction, not one a document.
type actorBumps struct {
	docs, mentions map[int64]int
	canonical      map[nameKey]bool // kind "canonical": the names the documents gave
	keys           map[string]int   // documents a key
}

func (ab *actorBumps) add(actor int64, docs, mentions int) {
	if ab.docs == nil {
		ab.docs, ab.mentions, ab.canonical, ab.keys = map[int64]int{}, map[int64]int{}, map[nameKey]bool{}, map[string]int{}
	}
	ab.docs[actor] += docs
	ab.mentions[actor] += mentions
}

// queue queues the updates: the keys' counts in key order, then the actors'
// rows locked in id order and their counters and canonical names updated
// in one statement (each new version of an actor's row is an entry in
// every one of its indexes). The canonical name is the full name (of more
// than one word) that most documents give the actor, a one-word name only
// while there is none.
func (ab *actorBumps) queue(b *pgx.Batch) {
	if len(ab.docs) == 0 {
		return
	}
	if len(ab.keys) > 0 {
		ks := sortedKeys(ab.keys)
		ns := make([]int32, len(ks))
		for i, k := range ks {
			ns[i] = int32(ab.keys[k])
		}
		b.Queue(`UPDATE actor_keys SET docs = docs + u.n FROM unnest($1::text[], $2::int[]) AS u(k, n) WHERE actor_keys.key = u.k`, ks, ns)
	}
	ids := sortedKeys(ab.docs)
	bDocs, bMentions := make([]int32, len(ids)), make([]int32, len(ids))
	for i, a := range ids {
		bDocs[i], bMentions[i] = int32(ab.docs[a]), int32(ab.mentions[a])
	}
	cActor, cName := []int64{}, []string{}
	for k := range ab.canonical {
		cActor, cName = append(cActor, k.actor), append(cName, k.name)
	}
	b.Queue(`SELECT 1 FROM actors WHERE id = ANY($1) ORDER BY id FOR UPDATE`, ids)
	const better = `n.name IS NOT NULL AND (n.full AND position(' ' in actors.name) = 0
		OR n.full = (position(' ' in actors.name) > 0) AND n.count > actors.name_count)`
	b.Queue(`UPDATE actors SET docs = actors.docs + u.d, mentions = actors.mentions + u.m,
			name = CASE WHEN `+better+` THEN n.name ELSE actors.name END,
			name_count = CASE WHEN `+better+` THEN n.count ELSE actors.name_count END
		FROM unnest($1::bigint[], $2::int[], $3::int[]) AS u(id, d, m)
		LEFT JOIN (SELECT DISTINCT ON (a.actor) a.actor, a.name, a.count, position(' ' in a.name) > 0 AS full
			FROM unnest($4::bigint[], $5::text[]) AS c(actor, name)
			JOIN actor_names a ON a.actor = c.actor AND a.kind = 'canonical' AND a.name = c.name
			ORDER BY a.actor, 4 DESC, a.count DESC, a.name) n ON n.actor = u.id
		WHERE actors.id = u.id`, ids, bDocs, bMentions, cActor, cName)
	*ab = actorBumps{}
}

// putTx is one write transaction.
type putTx struct {
	ctx     context.Context
	tx      pgx.Tx
	db      *DB
	pending *actorBumps // written at the end of the transaction; nil: at once
}

// send runs a batch of statements in one round trip and reports the first
// error.
func (p *putTx) send(b *pgx.Batch) error {
	if b.Len() == 0 {
		return nil
	}
	return p.tx.SendBatch(p.ctx, b).Close()
}

// findDup looks for a stored document with the id, the content hash or the
// URL.
func (p *putTx) findDup(id, hash, url string) (rowid int64, existing string, found bool, err error) {
	err = p.tx.QueryRow(p.ctx, `SELECT rowid, id FROM documents WHERE id = $1 OR content_hash = $2 OR ($3 <> '' AND url = $3) LIMIT 1`,
		id, hash, url).Scan(&rowid, &existing)
	if errors.Is(err, pgx.ErrNoRows) {
		return 0, "", false, nil
	}
	return rowid, existing, err == nil, err
}

func (p *putTx) duplicate(d *store.Doc, rowid int64, existing string) (store.PutResult, error) {
	b := &pgx.Batch{}
	b.Queue(`UPDATE documents SET duplicates = duplicates + 1 WHERE rowid = $1`, rowid)
	p.queueInput(b, d.Input, existing, store.Duplicate)
	if err := p.send(b); err != nil {
		return store.PutResult{}, err
	}
	return store.PutResult{ID: existing, Status: store.Duplicate}, nil
}

func (p *putTx) put(d *store.Doc) (store.PutResult, error) {
	rec := d.Record
	var id, url string
	if rec != nil {
		id, url = rec.ID, deref(rec.URL)
	}
	rowid, existing, found, err := p.findDup(id, d.ContentHash, url)
	switch {
	case err != nil:
		return store.PutResult{}, err
	case found:
		return p.duplicate(d, rowid, existing)
	case rec == nil || rec.ID == "":
		return store.PutResult{}, errNoRecord
	}
	if err := p.lockKeys(d); err != nil {
		return store.PutResult{}, err
	}
	var doc int64
	err = p.tx.QueryRow(p.ctx, `INSERT INTO documents (id, url, content_hash, source, title, published, record, sketch, tsv)
		VALUES ($1, NULLIF($2, ''), $3, $4, $5, $6, $7, $8,
			setweight(to_tsvector('english', $5), 'A') || setweight(to_tsvector('english', $9), 'B'))
		ON CONFLICT DO NOTHING RETURNING rowid`,
		rec.ID, deref(rec.URL), d.ContentHash, deref(rec.Source), deref(rec.Title), deref(rec.Published),
		string(d.JSON), merge.EncodeSketch(d.Sketch), indexable(rec.Text)).Scan(&doc)
	if errors.Is(err, pgx.ErrNoRows) {
		// another writer stored the same document since findDup
		rowid, existing, found, err := p.findDup(id, d.ContentHash, url)
		if err != nil {
			return store.PutResult{}, err
		}
		if !found {
			return store.PutResult{}, errors.New("document conflicts with one that cannot be found")
		}
		return p.duplicate(d, rowid, existing)
	}
	if err != nil {
		return store.PutResult{}, err
	}
	near, err := p.nearDuplicates(doc, d.Sketch)
	if err != nil {
		return store.PutResult{}, fmt.Errorf("near-duplicates: %w", err)
	}
	actors, err := p.entities(doc, d, true)
	if err != nil {
		return store.PutResult{}, fmt.Errorf("actors: %w", err)
	}
	b := &pgx.Batch{}
	p.queueQuotes(b, doc, rec, actors)
	p.queueTimes(b, doc, rec)
	if err := p.send(b); err != nil {
		return store.PutResult{}, fmt.Errorf("quotes and times: %w", err)
	}
	if err := p.events(doc, d, actors); err != nil {
		return store.PutResult{}, fmt.Errorf("events: %w", err)
	}
	b = &pgx.Batch{}
	p.queuePositions(b, doc, d, actors)
	p.queueInput(b, d.Input, rec.ID, store.Stored)
	if err := p.send(b); err != nil {
		return store.PutResult{}, fmt.Errorf("positions: %w", err)
	}
	return store.PutResult{ID: rec.ID, Status: store.Stored, NearDuplicates: near}, nil
}

// indexable cuts text to maxIndexedText bytes on a character boundary.
func indexable(text string) string {
	if len(text) <= maxIndexedText {
		return text
	}
	i := maxIndexedText
	for i > 0 && !utf8.RuneStart(text[i]) {
		i--
	}
	return text[:i]
}

// lockKeys takes the advisory locks of the compact forms of the document's
// actor keys (and of their first-and-last forms), in sorted order: two
// writers resolving spellings of one actor then go one after the other, and
// the second finds the actor the first created.
func (p *putTx) lockKeys(d *store.Doc) error {
	var ids []int64
	described := describedKeys(d)
	for _, key := range d.Keys {
		if _, ok := described[key]; key == "" || ok {
			continue // a description joins no actor
		}
		ids = append(ids, p.db.LockID("actor:"+merge.Compact(key)))
		if fl := merge.FirstLast(key); fl != "" {
			ids = append(ids, p.db.LockID("actor:"+merge.Compact(fl)))
		}
	}
	if len(ids) == 0 {
		return nil
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	_, err := p.tx.Exec(p.ctx, `SELECT pg_advisory_xact_lock(k) FROM unnest($1::bigint[]) AS k`, ids)
	return err
}

func (p *putTx) queueInput(b *pgx.Batch, input, docID string, st store.PutStatus) {
	if input == "" {
		return
	}
	b.Queue(`INSERT INTO inputs (input, doc_id, status) VALUES ($1, $2, $3)
		ON CONFLICT (input) DO UPDATE SET doc_id = excluded.doc_id, status = excluded.status`, input, docID, string(st))
	b.Queue(`DELETE FROM failures WHERE input = $1`, input)
}

// nearDuplicates finds stored documents that share a band with the sketch
// (at most 64 per band), links those similar enough, and indexes the
// sketch's bands.
func (p *putTx) nearDuplicates(doc int64, sketch []uint64) ([]string, error) {
	if len(sketch) != merge.SketchSize {
		return nil, nil // no sketch: nothing to compare
	}
	bands := merge.Bands(sketch)
	rows, err := p.tx.Query(p.ctx, `SELECT d.rowid, d.id, d.sketch FROM documents d WHERE d.rowid IN (
			SELECT b.doc FROM unnest($1::bigint[]) AS u(band)
			CROSS JOIN LATERAL (SELECT doc FROM doc_bands WHERE doc_bands.band = u.band LIMIT 64) b)
		ORDER BY d.rowid`, bands)
	if err != nil {
		return nil, err
	}
	type cand struct {
		rowid int64
		id    string
		sim   float64
	}
	var near []cand
	for rows.Next() {
		var c cand
		var blob []byte
		if err := rows.Scan(&c.rowid, &c.id, &blob); err != nil {
			rows.Close()
			return nil, err
		}
		other, err := merge.DecodeSketch(blob)
		if err != nil {
			continue
		}
		if c.sim = merge.Similarity(sketch, other); c.sim >= merge.NearDuplicate {
			near = append(near, c)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	// the most similar first, the earlier stored first among equals
	slices.SortStableFunc(near, func(a, b cand) int { return cmp.Compare(b.sim, a.sim) })
	if len(near) > merge.MaxNearLinks {
		near = near[:merge.MaxNearLinks]
	}
	b := &pgx.Batch{}
	var ids []string
	for _, c := range near {
		b.Queue(`INSERT INTO near_duplicates (doc, other, similarity) VALUES ($1, $2, $3), ($2, $1, $3) ON CONFLICT DO NOTHING`, doc, c.rowid, c.sim)
		ids = append(ids, c.id)
	}
	b.Queue(`INSERT INTO doc_bands (band, doc) SELECT DISTINCT u, $2::bigint FROM unnest($1::bigint[]) AS u ON CONFLICT DO NOTHING`, bands, doc)
	return ids, p.send(b)
}

// entities joins the document's entities to global actors and stores their
// names, the entities and their mentions; it returns entity id → actor id.
// Actors are resolved in the record's order (as SQLite does), then the
// shared rows are updated in actor order. count adds the document to its
// keys' counts (actor_keys.docs); Reconcile storing a document's entities
// again does not.
func (p *putTx) entities(doc int64, d *store.Doc, count bool) (map[string]int64, error) {
	rec := d.Record
	described := describedKeys(d)
	var keys []string
	keyed := false
	for _, e := range rec.Entities {
		if k := d.Keys[e.ID]; k != "" {
			keyed = true
			if _, ok := described[k]; !ok {
				keys = append(keys, k)
			}
		}
	}
	actors := make(map[string]int64, len(rec.Entities))
	if !keyed {
		return actors, nil
	}
	known := make(map[string]int64, len(keys))
	for k, n := range described {
		known[k] = store.DescriptionID(doc, n)
	}
	rows, err := p.tx.Query(p.ctx, `SELECT key, actor FROM actor_keys WHERE key = ANY($1)`, keys)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var k string
		var a int64
		if err := rows.Scan(&k, &a); err != nil {
			rows.Close()
			return nil, err
		}
		known[k] = a
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}

	type bump struct{ docs, mentions int }
	bumps := map[int64]*bump{}
	names := map[nameKey]*nameUse{}
	var ents struct {
		actor                         []int64
		eid, key, name, typ, mentions []string
	}
	docKeys := map[string]int64{} // the document's keys and their actors
	var unknown []newsgraph.RecordEntity
	for _, e := range rec.Entities {
		if key := d.Keys[e.ID]; key != "" {
			if _, ok := known[key]; !ok && !slices.ContainsFunc(unknown, func(u newsgraph.RecordEntity) bool { return d.Keys[u.ID] == key }) {
				unknown = append(unknown, e)
			}
		}
	}
	if len(unknown) > 0 {
		if err := p.resolveActors(unknown, d.Keys, known); err != nil {
			return nil, err
		}
	}
	for _, e := range rec.Entities {
		key := d.Keys[e.ID]
		if key == "" {
			continue
		}
		actor := known[key]
		actors[e.ID] = actor
		if store.IsDescription(actor) {
			// its document's own referent: the entity row is all there is
			ents.actor = append(ents.actor, actor)
			ents.eid, ents.key, ents.name, ents.typ = append(ents.eid, e.ID), append(ents.key, key), append(ents.name, e.Name), append(ents.typ, e.Type)
			ents.mentions = append(ents.mentions, mentionsJSON(e.Mentions))
			continue
		}
		docKeys[key] = actor
		bp := bumps[actor]
		if bp == nil {
			bp = &bump{docs: 1}
			bumps[actor] = bp
		}
		bp.mentions += len(e.Mentions)
		useNames(names, actor, e)
		ents.actor = append(ents.actor, actor)
		ents.eid, ents.key, ents.name, ents.typ = append(ents.eid, e.ID), append(ents.key, key), append(ents.name, e.Name), append(ents.typ, e.Type)
		ents.mentions = append(ents.mentions, mentionsJSON(e.Mentions))
	}

	// shared rows, each kind in one statement: the names in (actor, kind,
	// name) order now, the actors' counters and canonical names and the
	// keys' counts with the transaction's other documents' (actorBumps)
	ab := p.pending
	if ab == nil {
		ab = &actorBumps{}
	}
	for a, bp := range bumps {
		ab.add(a, bp.docs, bp.mentions)
	}
	if count && ab.keys != nil {
		for k := range docKeys {
			ab.keys[k]++
		}
	}
	b := &pgx.Batch{}
	nks := make([]nameKey, 0, 2*len(names))
	for k, u := range names {
		nks = append(nks, k)
		if u.canonical > 0 {
			nks = append(nks, nameKey{k.actor, "canonical", k.name})
		}
	}
	slices.SortFunc(nks, func(a, b nameKey) int {
		return cmp.Or(cmp.Compare(a.actor, b.actor), cmp.Compare(a.kind, b.kind), cmp.Compare(a.name, b.name))
	})
	nActor, nKind, nName, nCount := make([]int64, len(nks)), make([]string, len(nks)), make([]string, len(nks)), make([]int32, len(nks))
	for i, k := range nks {
		nActor[i], nKind[i], nName[i] = k.actor, k.kind, k.name
		if k.kind == "canonical" {
			nCount[i] = int32(names[nameKey{k.actor, "name", k.name}].canonical)
			ab.canonical[k] = true
		} else {
			nCount[i] = int32(names[k].n)
		}
	}
	if len(nks) > 0 {
		b.Queue(`INSERT INTO actor_names (actor, kind, name, count)
			SELECT u.a, u.k, u.n, u.c FROM unnest($1::bigint[], $2::text[], $3::text[], $4::int[]) WITH ORDINALITY AS u(a, k, n, c, i) ORDER BY u.i
			ON CONFLICT (actor, kind, name) DO UPDATE SET count = actor_names.count + excluded.count`, nActor, nKind, nName, nCount)
	}
	b.Queue(`INSERT INTO entities (doc, eid, actor, name, type, mentions, key)
		SELECT $1::bigint, * FROM unnest($2::text[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[]) ON CONFLICT DO NOTHING`,
		doc, ents.eid, ents.actor, ents.name, ents.typ, ents.mentions, ents.key)
	if p.pending == nil {
		ab.queue(b)
	}
	return actors, p.send(b)
}

// describedKeys numbers the document's description keys (merge.
// DescriptionPrefix: "officials", "the company") from 1 in the record's
// order: each is the document's own referent, joined to no actor.
func describedKeys(d *store.Doc) map[string]int64 {
	var out map[string]int64
	for _, e := range d.Record.Entities {
		k := d.Keys[e.ID]
		if !strings.HasPrefix(k, merge.DescriptionPrefix) {
			continue
		}
		if _, ok := out[k]; ok || int64(len(out))+1 >= store.DescriptionsPerDoc {
			continue
		}
		if out == nil {
			out = map[string]int64{}
		}
		out[k] = int64(len(out)) + 1
	}
	return out
}

// nameKey is one spelling or role of an actor, a row of actor_names.
type nameKey struct {
	actor      int64
	kind, name string
}

// nameUse counts a document's uses of a name.
type nameUse struct {
	n, canonical int // uses, and uses as an entity's name
}

// useNames counts the names and roles that entity e, joined to actor,
// gives it.
func useNames(names map[nameKey]*nameUse, actor int64, e newsgraph.RecordEntity) {
	use := func(k nameKey, canonical bool) {
		u := names[k]
		if u == nil {
			u = &nameUse{}
			names[k] = u
		}
		u.n++
		if canonical {
			u.canonical++
		}
	}
	all := append([]string{e.Name}, e.Aliases...)
	for i, n := range all {
		if n == "" || slices.Contains(all[:i], n) {
			continue
		}
		use(nameKey{actor, "name", n}, i == 0)
	}
	for i, r := range e.Roles {
		if r == "" || slices.Contains(e.Roles[:i], r) {
			continue
		}
		use(nameKey{actor, "role", r}, false)
	}
}

// resolveActors finds the global actors of the entity keys that actor_keys
// does not list, in the record's order, and adds them to known: an actor
// whose key differs only in middle names (Donald J. Trump), in separators
// (HillaryClinton), or by words stuck to the name (Windows), or, for a
// surname alone, the person who dominates that surname (merge.Dominant);
// else a new actor. What is stored is read in one round trip for all the
// keys, the new actors are made in one statement, and a key of the
// document sees the keys before it as if they were stored. These joins are
// provisional: Reconcile decides them again from all the keys stored.
func (p *putTx) resolveActors(ents []newsgraph.RecordEntity, keyOf map[string]string, known map[string]int64) error {
	var probe, compacts, words []string
	for _, e := range ents {
		k := keyOf[e.ID]
		probe = append(probe, k)
		if fl := merge.FirstLast(k); fl != "" {
			probe = append(probe, fl)
		}
		probe = append(probe, merge.Windows(k)...)
		compacts = append(compacts, merge.Compact(k))
		if w := merge.SurnameOnly(k); w != "" {
			words = append(words, w)
		}
	}
	b := &pgx.Batch{}
	byKey := map[string]int64{}
	byCompact := map[string]int64{}
	type cand struct {
		id   int64
		docs int
	}
	byWord := map[string][]cand{}
	b.Queue(`SELECT key, actor FROM actor_keys WHERE key = ANY($1)`, probe).Query(func(rows pgx.Rows) error {
		var k string
		var a int64
		_, err := pgx.ForEachRow(rows, []any{&k, &a}, func() error { byKey[k] = a; return nil })
		return err
	})
	b.Queue(`SELECT DISTINCT ON (compact) compact, id FROM actors WHERE compact = ANY($1) ORDER BY compact, docs DESC, id`, compacts).Query(func(rows pgx.Rows) error {
		var c string
		var a int64
		_, err := pgx.ForEachRow(rows, []any{&c, &a}, func() error { byCompact[c] = a; return nil })
		return err
	})
	if len(words) > 0 {
		b.Queue(`SELECT w, x.id, x.docs FROM unnest($1::text[]) AS w CROSS JOIN LATERAL (
				(SELECT id, docs FROM actors WHERE surname = w AND type = 'PERSON' ORDER BY docs DESC LIMIT 2)
				UNION (SELECT id, docs FROM actors WHERE given = w AND type = 'PERSON' ORDER BY docs DESC LIMIT 2)) x`, words).Query(func(rows pgx.Rows) error {
			var w string
			var c cand
			_, err := pgx.ForEachRow(rows, []any{&w, &c.id, &c.docs}, func() error {
				if !slices.Contains(byWord[w], c) {
					byWord[w] = append(byWord[w], c)
				}
				return nil
			})
			return err
		})
	}
	if err := p.send(b); err != nil {
		return err
	}
	// a key joins a stored actor (> 0) or the new actor of an earlier key
	// of the document (-i-1, i its index in fresh)
	to := map[string]int64{}
	var fresh []newsgraph.RecordEntity
	lookup := func(k string) (int64, bool) {
		if a, ok := byKey[k]; ok {
			return a, true
		}
		a, ok := to[k]
		return a, ok
	}
	for _, e := range ents {
		k := keyOf[e.ID]
		a, found := lookup(k)
		if !found {
			if fl := merge.FirstLast(k); fl != "" {
				a, found = lookup(fl)
			}
		}
		if !found {
			a, found = byCompact[merge.Compact(k)]
		}
		if !found {
			one := int64(0)
			for _, w := range merge.Windows(k) {
				if x, ok := lookup(w); ok {
					if one != 0 && x != one {
						one = 0 // two people named in one run of words: neither
						break
					}
					one = x
				}
			}
			a, found = one, one != 0
		}
		if !found {
			if w := merge.SurnameOnly(k); w != "" {
				var first, second int
				var best int64
				for _, c := range byWord[w] {
					switch {
					case c.docs > first || c.docs == first && c.id < best:
						second, first, best = first, c.docs, c.id
					case c.docs > second:
						second = c.docs
					}
				}
				a, found = best, best > 0 && merge.Dominant(first, second)
			}
		}
		if !found {
			fresh = append(fresh, e)
			a = -int64(len(fresh))
			byCompact[merge.Compact(k)] = a
		}
		to[k] = a
	}
	ids := make([]int64, len(fresh))
	if len(fresh) > 0 {
		n := len(fresh)
		key, name, typ, compact, surname, given := make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n)
		for i, e := range fresh {
			k := keyOf[e.ID]
			key[i], name[i], typ[i], compact[i], surname[i], given[i] = k, e.Name, e.Type, merge.Compact(k), merge.Surname(k), merge.Given(k)
		}
		made := map[string]int64{}
		rows, err := p.tx.Query(p.ctx, `INSERT INTO actors (key, name, type, compact, surname, given)
			SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
			ON CONFLICT (key) DO NOTHING RETURNING key, id`, key, name, typ, compact, surname, given)
		if err != nil {
			return err
		}
		var k string
		var id int64
		if _, err := pgx.ForEachRow(rows, []any{&k, &id}, func() error { made[k] = id; return nil }); err != nil {
			return err
		}
		if len(made) < n {
			// an actor made by that key before, and joined elsewhere since
			rows, err := p.tx.Query(p.ctx, `SELECT key, id FROM actors WHERE key = ANY($1)`, key)
			if err != nil {
				return err
			}
			if _, err := pgx.ForEachRow(rows, []any{&k, &id}, func() error { made[k] = id; return nil }); err != nil {
				return err
			}
		}
		for i, k := range key {
			if ids[i] = made[k]; ids[i] == 0 {
				return fmt.Errorf("actor of key %s neither made nor found", k)
			}
		}
	}
	var ks []string
	var as []int64
	for _, e := range ents {
		k := keyOf[e.ID]
		a := to[k]
		if a < 0 {
			a = ids[-a-1]
		}
		known[k] = a
		ks, as = append(ks, k), append(as, a)
	}
	_, err := p.tx.Exec(p.ctx, `INSERT INTO actor_keys (key, actor) SELECT * FROM unnest($1::text[], $2::bigint[]) ON CONFLICT DO NOTHING`, ks, as)
	return err
}

func (p *putTx) queueQuotes(b *pgx.Batch, doc int64, rec *newsgraph.Record, actors map[string]int64) {
	if len(rec.Quotes) == 0 {
		return
	}
	n := len(rec.Quotes)
	qid, kind, text, cue, venue := make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n)
	start, end := make([]int32, n), make([]int32, n)
	speaker := make([]*int64, n)
	for i, q := range rec.Quotes {
		qid[i], kind[i], text[i], cue[i], venue[i] = q.ID, q.Kind, q.Text, deref(q.Cue), deref(q.Venue)
		start[i], end[i] = int32(q.Start), int32(q.End)
		if q.Speaker != nil {
			if a, ok := actors[*q.Speaker]; ok {
				speaker[i] = &a
			}
		}
	}
	b.Queue(`INSERT INTO quotes (doc, qid, kind, text, start, "end", speaker, cue, venue)
		SELECT $1::bigint, u.q, u.k, u.t, u.s, u.e, u.sp, NULLIF(u.c, ''), NULLIF(u.v, '')
		FROM unnest($2::text[], $3::text[], $4::text[], $5::int[], $6::int[], $7::bigint[], $8::text[], $9::text[])
			WITH ORDINALITY AS u(q, k, t, s, e, sp, c, v, n)
		ORDER BY u.n`, doc, qid, kind, text, start, end, speaker, cue, venue)
}

func (p *putTx) queueTimes(b *pgx.Batch, doc int64, rec *newsgraph.Record) {
	if len(rec.Times) == 0 {
		return
	}
	n := len(rec.Times)
	tid, text, typ, value := make([]string, n), make([]string, n), make([]string, n), make([]string, n)
	start, end := make([]int32, n), make([]int32, n)
	for i, t := range rec.Times {
		tid[i], text[i], typ[i], value[i] = t.ID, t.Text, t.Type, deref(t.Value)
		start[i], end[i] = int32(t.Start), int32(t.End)
	}
	b.Queue(`INSERT INTO times (doc, tid, start, "end", text, type, value)
		SELECT $1::bigint, * FROM unnest($2::text[], $3::int[], $4::int[], $5::text[], $6::text[], $7::text[]) ON CONFLICT DO NOTHING`,
		doc, tid, start, end, text, typ, value)
}

// events stores each event report under the merged event of its key. A
// document that reports one event twice counts as one source. The merged
// events of the document are upserted in key order, one round trip for
// all, so that writers lock them in one order.
func (p *putTx) events(doc int64, d *store.Doc, actors map[string]int64) error {
	rec := d.Record
	if len(rec.Events) == 0 {
		return nil
	}
	pub := deref(rec.Published)
	ids := actorKeys(actors)
	keys := make([]string, len(rec.Events))
	oks := make([]bool, len(rec.Events))
	var sorted []string
	for i, ev := range rec.Events {
		keys[i], oks[i] = merge.EventKey(ev, ids, pub)
		if oks[i] {
			sorted = append(sorted, keys[i])
		}
	}
	slices.Sort(sorted)
	sorted = slices.Compact(sorted)
	first := make(map[string]int, len(sorted)) // key → index of its first event
	for i := len(rec.Events) - 1; i >= 0; i-- {
		if oks[i] {
			first[keys[i]] = i
		}
	}
	merged := make([]int64, len(rec.Events))
	b := &pgx.Batch{}
	type target struct {
		ev  int // event index
		key bool
	}
	var order []target
	for _, k := range sorted {
		ev := rec.Events[first[k]]
		b.Queue(`INSERT INTO merged_events (merge_key, type, day, polarity, issue, sources) VALUES ($1, $2, $3, $4, $5, 1)
			ON CONFLICT (merge_key) DO UPDATE SET sources = merged_events.sources + 1 RETURNING id, sources`,
			k, ev.Type, merge.EventDate(ev, pub), ev.Polarity, deref(ev.Issue))
		order = append(order, target{first[k], true})
	}
	for i, ev := range rec.Events {
		if !oks[i] {
			b.Queue(`INSERT INTO merged_events (merge_key, type, day, polarity, issue, sources) VALUES (NULL, $1, $2, $3, $4, 1)
				RETURNING id, sources`, ev.Type, merge.EventDate(ev, pub), ev.Polarity, deref(ev.Issue))
			order = append(order, target{i, false})
		}
	}
	br := p.tx.SendBatch(p.ctx, b)
	newMerged := map[int]bool{} // event index whose merged event this document created
	for _, t := range order {
		var m int64
		var sources int
		if err := br.QueryRow().Scan(&m, &sources); err != nil {
			br.Close()
			return err
		}
		merged[t.ev] = m
		if !t.key || sources == 1 {
			newMerged[t.ev] = true
		}
	}
	if err := br.Close(); err != nil {
		return err
	}
	var ea struct {
		merged, actor []int64
		role          []string
	}
	n := len(rec.Events)
	vid, typ, date, modality, mode, quote, trig := make([]string, n), make([]string, n), make([]*string, n), make([]string, n), make([]*string, n), make([]*string, n), make([]string, n)
	ts, te := make([]int32, n), make([]int32, n)
	for i, ev := range rec.Events {
		if oks[i] {
			merged[i] = merged[first[keys[i]]]
		}
		if newMerged[i] {
			for _, role := range []struct {
				name string
				ids  []string
			}{{"actor", ev.Actors}, {"target", ev.Targets}} {
				for _, e := range role.ids {
					if a, ok := actors[e]; ok {
						ea.merged, ea.role, ea.actor = append(ea.merged, merged[i]), append(ea.role, role.name), append(ea.actor, a)
					}
				}
			}
		}
		vid[i], typ[i], date[i], modality[i], mode[i], quote[i], trig[i] = ev.ID, ev.Type, nonNil(ev.Date), ev.Modality, nonNil(ev.Mode), nonNil(ev.Quote), ev.Trigger.Text
		ts[i], te[i] = int32(ev.Trigger.Start), int32(ev.Trigger.End)
	}
	b = &pgx.Batch{}
	if len(ea.merged) > 0 {
		b.Queue(`INSERT INTO event_actors (merged, role, actor) SELECT * FROM unnest($1::bigint[], $2::text[], $3::bigint[]) ON CONFLICT DO NOTHING`,
			ea.merged, ea.role, ea.actor)
	}
	b.Queue(`INSERT INTO events (doc, vid, merged, type, date, modality, mode, quote, trigger_start, trigger_end, trigger_text)
		SELECT $1::bigint, u.v, u.m, u.t, u.d, u.mo, u.md, u.q, u.s, u.e, u.x
		FROM unnest($2::text[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::int[], $10::int[], $11::text[])
			WITH ORDINALITY AS u(v, m, t, d, mo, md, q, s, e, x, n)
		ORDER BY u.n`, doc, vid, merged, typ, date, modality, mode, quote, ts, te, trig)
	return p.send(b)
}

// mentionsJSON packs an entity's mentions as [[start, end, text, kind], …],
// as store/sqlite keeps them.
func mentionsJSON(ms []newsgraph.RecordMention) string {
	b := make([]byte, 0, 32*len(ms)+2)
	b = append(b, '[')
	for i, m := range ms {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '[')
		b = strconv.AppendInt(b, int64(m.Start), 10)
		b = append(b, ',')
		b = strconv.AppendInt(b, int64(m.End), 10)
		b = append(b, ',')
		t, _ := json.Marshal(m.Text)
		b = append(b, t...)
		b = append(b, ',')
		k, _ := json.Marshal(m.Kind)
		b = append(b, k...)
		b = append(b, ']')
	}
	return string(append(b, ']'))
}

// nonNil passes a string pointer on as the store's SQLite twin writes it:
// the value, or "" for nil (a NULL only where the record has none at all
// would differ between the stores).
func nonNil(s *string) *string {
	v := deref(s)
	return &v
}

// queuePositions queues the positions the document states, in key order,
// each with its evidence.
func (p *putTx) queuePositions(b *pgx.Batch, doc int64, d *store.Doc, actors map[string]int64) {
	type pos struct {
		actor int64
		merge.Position
	}
	var ps []pos
	for _, x := range merge.Positions(d.Record, actorKeys(actors)) {
		a, ok := actorID(x.ActorKey)
		if !ok {
			continue
		}
		ps = append(ps, pos{a, x})
	}
	slices.SortStableFunc(ps, func(a, b pos) int {
		return cmp.Or(cmp.Compare(a.actor, b.actor), cmp.Compare(a.Issue, b.Issue), cmp.Compare(a.Date, b.Date),
			cmp.Compare(a.Stance, b.Stance), cmp.Compare(a.Polarity, b.Polarity))
	})
	for _, x := range ps {
		// the key of the evidence is the event, or the quote for a stance
		// read from a quote alone
		ref := x.Event
		if ref == "" {
			ref = x.Quote
		}
		b.Queue(`WITH p AS (INSERT INTO positions (actor, issue, day, stance, polarity) VALUES ($1, $2, $3, $4, $5)
				ON CONFLICT (actor, issue, day, stance, polarity) DO UPDATE SET actor = excluded.actor RETURNING id)
			INSERT INTO position_evidence (position, doc, vid, qid, trigger_start, trigger_end, trigger_text, phrase_start, phrase_end, phrase_text)
			SELECT p.id, $6, $7, NULLIF($8, ''), $9, $10, $11, $12, $13, $14 FROM p ON CONFLICT DO NOTHING`,
			x.actor, x.Issue, x.Date, x.Stance, x.Polarity, doc, ref, x.Quote, x.Trigger.Start, x.Trigger.End, x.Trigger.Text,
			x.Phrase.Start, x.Phrase.End, x.Phrase.Text)
	}
}

// actorKeys maps entity ids to the public ids of their actors, the keys
// under which events are merged and positions kept: two spellings joined to
// one actor then merge too.
func actorKeys(actors map[string]int64) map[string]string {
	out := make(map[string]string, len(actors))
	for eid, a := range actors {
		out[eid] = publicActor(a)
	}
	return out
}

// actorID reads a public actor id ("a12").
func actorID(s string) (int64, bool) {
	if len(s) < 2 || s[0] != 'a' {
		return 0, false
	}
	n, err := strconv.ParseInt(s[1:], 10, 64)
	return n, err == nil && n > 0
}

func publicActor(id int64) string { return "a" + strconv.FormatInt(id, 10) }

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func docName(d *store.Doc) string {
	if d.Record != nil && d.Record.ID != "" {
		return d.Record.ID
	}
	return d.Input
}
