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
	"strconv"
	"strings"
	"sync"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/merge"
	"github.com/newsgraph/newsgraph/store"
)

// The statements of Put, prepared once per transaction batch.
var putSQL = map[string]string{
	"findDup": `SELECT rowid, id FROM documents WHERE content_hash = ?1 OR (?2 <> '' AND url = ?2) LIMIT 1`,
	"idTaken": `SELECT COUNT(*) FROM documents WHERE id = ?`,
	"dupSeen": `UPDATE documents SET duplicates = duplicates + 1 WHERE rowid = ?`,
	// the sketch is kept in doc_sketches (schema step 8)
	"insDoc": `INSERT INTO documents (id, url, content_hash, source, title, published, record, sketch, added_at)
		VALUES (?, NULLIF(?, ''), ?, ?, ?, ?, ?, x'', ?)`,
	"bandDocs":      `SELECT doc FROM doc_bands WHERE band = ? LIMIT 64`,
	"insSketch":     `INSERT INTO doc_sketches (doc, sketch) VALUES (?, ?)`,
	"keyActor":      `SELECT k.actor, a.name FROM actor_keys k JOIN actors a ON a.id = k.actor WHERE k.key = ?`,
	"compactActor":  `SELECT id FROM actors WHERE compact = ? ORDER BY docs DESC, id LIMIT 1`,
	"surnameActors": `SELECT id, docs FROM actors WHERE surname = ?1 AND surname <> '' AND +type = 'PERSON' ORDER BY docs DESC, id LIMIT 2`,
	"givenActors":   `SELECT id, docs FROM actors WHERE given = ?1 AND given <> '' AND +type = 'PERSON' ORDER BY docs DESC, id LIMIT 2`,
	"insActor":      `INSERT INTO actors (key, name, type, compact, surname, given) VALUES (?, ?, ?, ?, ?, ?)`,
	"insKey":        `INSERT OR IGNORE INTO actor_keys (key, actor) VALUES (?, ?)`,
	"bumpActor":     `UPDATE actors SET docs = docs + ?, mentions = mentions + ? WHERE id = ?`,
	"bumpQuotes":    `UPDATE actors SET quotes = quotes + ? WHERE id = ?`,
	// the actor's name becomes ?2 when it is a full name and the name is
	// not, or when it is as full and more documents give it
	"bestName": `UPDATE actors SET name = n.name, name_count = n.count
		FROM (SELECT name, count, instr(name, ' ') > 0 AS full FROM actor_names WHERE actor = ?1 AND kind = 'canonical' AND name = ?2) AS n
		WHERE actors.id = ?1 AND actors.name <> ?2 AND (n.full AND instr(actors.name, ' ') = 0 OR n.full = (instr(actors.name, ' ') > 0)
			AND n.count > COALESCE((SELECT count FROM actor_names WHERE actor = ?1 AND kind = 'canonical' AND name = actors.name), 0))`,
	"upMerged": `INSERT INTO merged_events (merge_key, type, day, polarity, issue, sources) VALUES (?, ?, ?, ?, ?, 1)
		ON CONFLICT (merge_key) DO UPDATE SET sources = sources + 1 RETURNING id, sources`,
	"findMerged": `SELECT id FROM merged_events WHERE merge_key = ?`,
	"insEvActor": `INSERT OR IGNORE INTO event_actors (merged, role, actor) VALUES (?, ?, ?)`,
	"insEvent": `INSERT INTO events (doc, vid, merged, type, date, modality, mode, quote, trigger_start, trigger_end, trigger_text)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
	"upPosition": `INSERT INTO positions (actor, issue, day, stance, polarity) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (actor, issue, day, stance, polarity) DO UPDATE SET actor = actor RETURNING id`,
	"insEvidence": `INSERT OR IGNORE INTO position_evidence (position, doc, vid, qid, trigger_start, trigger_end, trigger_text,
			phrase_start, phrase_end, phrase_text)
		VALUES (?, ?, ?, NULLIF(?, ''), ?, ?, ?, ?, ?, ?)`,
	"upInput": `INSERT INTO inputs (input, doc_id, status) VALUES (?, ?, ?) ON CONFLICT (input) DO UPDATE SET doc_id = excluded.doc_id, status = excluded.status`,
	"delFail": `DELETE FROM failures WHERE input = ?`,
}

// sketchCache keeps the sketches and ids of stored documents that the
// writer compared with new ones: wire copy makes the same few dozen
// documents the candidates of every copy that follows, each a row read
// and decoded again. Only documents committed before the transaction that
// reads them are kept (a rolled-back rowid is given again); a stored
// document never changes.
type sketchCache struct {
	mu sync.Mutex
	m  map[int64]cachedSketch
}

type cachedSketch struct {
	id     string
	sketch []uint64
}

// sketchCacheSize bounds the documents a sketchCache holds (about 600
// bytes each).
const sketchCacheSize = 100_000

func (c *sketchCache) get(doc int64) (cachedSketch, bool) {
	if c == nil {
		return cachedSketch{}, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	s, ok := c.m[doc]
	return s, ok
}

func (c *sketchCache) put(doc int64, s cachedSketch) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil || len(c.m) >= sketchCacheSize {
		c.m = make(map[int64]cachedSketch, 1024) // start again rather than track use
	}
	c.m[doc] = s
}

// errNoRecord is the error of a Put without a record whose content hash
// matches no stored document.
var errNoRecord = errors.New("no record, and no stored document with its content hash")

// putTx is one write transaction with its prepared statements.
type putTx struct {
	ctx   context.Context
	tx    *sql.Tx
	stmts map[string]*sql.Stmt
	// What this transaction has read or written of actors, so that the
	// documents of a batch, which name the same actors again and again, do
	// not look them up again: a key's actor (a key once joined is never
	// moved by Put), and an actor's canonical name while it is known.
	keys  map[string]int64
	names map[int64]string
	// the documents' rowid, title and text for their full-text index,
	// written at the end of the batch: an FTS5 table written to in the
	// transaction flushes its pending terms as a segment of its own at
	// every later statement that opens a savepoint, a segment and merges
	// per document (a fifth of the writer's time) instead of one a batch
	docText []any
	// sketches of documents up to rowid committed (stored before the
	// transaction began) are read through cache
	cache     *sketchCache
	committed int64
	// quotes of each actor in this batch, added to its row at the end
	spoken map[int64]int
	// documents of each actor key in this batch, added to actor_keys.docs
	// at the end; nil where the documents were counted before (Reconcile
	// storing a document's entities again)
	keyDocs map[string]int
}

func (p *putTx) stmt(name string) *sql.Stmt {
	if s, ok := p.stmts[name]; ok {
		return s
	}
	s, err := p.tx.PrepareContext(p.ctx, putSQL[name])
	if err != nil {
		panic(fmt.Sprintf("sqlite: prepare %s: %v", name, err)) // a bug in putSQL
	}
	p.stmts[name] = s
	return s
}

func (p *putTx) exec(name string, args ...any) (sql.Result, error) {
	return p.stmt(name).ExecContext(p.ctx, args...)
}

func (p *putTx) row(name string, args ...any) *sql.Row {
	return p.stmt(name).QueryRowContext(p.ctx, args...)
}

// Put implements store.Store. The whole batch is one transaction: if any
// document fails to be written, none of the batch is, and the error says
// which; callers then retry the documents one by one.
func (db *DB) Put(ctx context.Context, docs ...*store.Doc) ([]store.PutResult, error) {
	if len(docs) == 0 {
		return nil, nil
	}
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("begin: %w", err)
	}
	out, err := putInTx(ctx, tx, docs, &db.sketches)
	if err != nil {
		tx.Rollback()
		return nil, err
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("commit: %w", err)
	}
	return out, nil
}

// putInTx writes docs in tx, which the caller commits or rolls back (the
// queue completes its job in the same transaction).
func putInTx(ctx context.Context, tx *sql.Tx, docs []*store.Doc, cache *sketchCache) ([]store.PutResult, error) {
	p := &putTx{ctx: ctx, tx: tx, stmts: map[string]*sql.Stmt{}, keys: map[string]int64{}, names: map[int64]string{}, cache: cache, spoken: map[int64]int{},
		keyDocs: map[string]int{}}
	defer func() {
		for _, s := range p.stmts {
			s.Close()
		}
	}()
	// The full-text indexes of quotes and names are filled once per batch
	// from the rows the batch added: one FTS5 statement instead of one per
	// row halves the cost of a write.
	var lastQuote, lastName int64
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE((SELECT MAX(id) FROM quotes), 0), COALESCE((SELECT MAX(id) FROM actor_names), 0),
		COALESCE((SELECT MAX(rowid) FROM documents), 0)`).Scan(&lastQuote, &lastName, &p.committed); err != nil {
		return nil, err
	}
	out := make([]store.PutResult, len(docs))
	for i, d := range docs {
		res, err := p.put(d)
		if err != nil {
			return nil, fmt.Errorf("store %s: %w", docName(d), err)
		}
		out[i] = res
	}
	if err := p.multi(`INSERT INTO document_texts (doc, title, text) VALUES `, 3, p.docText, ""); err != nil {
		return nil, fmt.Errorf("texts: %w", err)
	}
	if err := p.multi(`INSERT INTO documents_fts (rowid, title, text) VALUES `, 3, p.docText, ""); err != nil {
		return nil, fmt.Errorf("index: %w", err)
	}
	if len(p.keyDocs) > 0 {
		b, err := json.Marshal(p.keyDocs)
		if err != nil {
			return nil, err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE actor_keys SET docs = docs + j.value FROM json_each(?) AS j WHERE actor_keys.key = j.key`,
			string(b)); err != nil {
			return nil, fmt.Errorf("key counts: %w", err)
		}
	}
	speakers := slices.Sorted(maps.Keys(p.spoken))
	for _, a := range speakers {
		if _, err := p.exec("bumpQuotes", p.spoken[a], a); err != nil {
			return nil, err
		}
	}
	for _, q := range []string{
		`INSERT INTO quotes_fts (rowid, text) SELECT id, text FROM quotes WHERE id > ?`,
		`INSERT INTO actor_names_fts (rowid, name) SELECT id, name FROM actor_names WHERE id > ?`,
	} {
		last := lastQuote
		if strings.Contains(q, "actor_names") {
			last = lastName
		}
		if _, err := tx.ExecContext(ctx, q, last); err != nil {
			return nil, fmt.Errorf("index: %w", err)
		}
	}
	return out, nil
}

func (p *putTx) put(d *store.Doc) (store.PutResult, error) {
	rec := d.Record
	var url string
	if rec != nil {
		url = deref(rec.URL)
	}
	var rowid int64
	var existing string
	err := p.row("findDup", d.ContentHash, url).Scan(&rowid, &existing)
	switch {
	case err == nil:
		if _, err := p.exec("dupSeen", rowid); err != nil {
			return store.PutResult{}, err
		}
		if err := p.input(d.Input, existing, store.Duplicate); err != nil {
			return store.PutResult{}, err
		}
		return store.PutResult{ID: existing, Status: store.Duplicate}, nil
	case !errors.Is(err, sql.ErrNoRows):
		return store.PutResult{}, err
	case rec == nil || rec.ID == "":
		return store.PutResult{}, errNoRecord
	}
	// An id given to another article (two sources numbering their articles
	// alike) must not make this one a duplicate: it is stored under the id
	// with its content hash added.
	var taken int
	if err := p.row("idTaken", rec.ID).Scan(&taken); err != nil {
		return store.PutResult{}, err
	}
	if taken > 0 {
		rec.ID += "~" + d.ContentHash[:min(8, len(d.ContentHash))]
		b, err := json.Marshal(rec)
		if err != nil {
			return store.PutResult{}, err
		}
		d.JSON = b
	}

	res, err := p.exec("insDoc", rec.ID, deref(rec.URL), d.ContentHash, deref(rec.Source), deref(rec.Title),
		deref(rec.Published), string(d.JSON), now())
	if err != nil {
		return store.PutResult{}, err
	}
	doc, _ := res.LastInsertId()
	if _, err := p.exec("insSketch", doc, merge.EncodeSketch(d.Sketch)); err != nil {
		return store.PutResult{}, err
	}
	p.docText = append(p.docText, doc, deref(rec.Title), rec.Text)
	near, err := p.nearDuplicates(doc, d.Sketch)
	if err != nil {
		return store.PutResult{}, err
	}
	actors, err := p.entities(doc, d)
	if err != nil {
		return store.PutResult{}, err
	}
	if err := p.quotes(doc, rec, actors); err != nil {
		return store.PutResult{}, err
	}
	times := make([]any, 0, 7*len(rec.Times))
	for _, t := range rec.Times {
		times = append(times, doc, t.ID, t.Start, t.End, t.Text, t.Type, deref(t.Value))
	}
	if err := p.multi(`INSERT OR IGNORE INTO times (doc, tid, start, end, text, type, value) VALUES `, 7, times, ""); err != nil {
		return store.PutResult{}, err
	}
	if err := p.events(doc, d, actors); err != nil {
		return store.PutResult{}, err
	}
	if err := p.positions(doc, d, actors); err != nil {
		return store.PutResult{}, err
	}
	if err := p.input(d.Input, rec.ID, store.Stored); err != nil {
		return store.PutResult{}, err
	}
	return store.PutResult{ID: rec.ID, Status: store.Stored, NearDuplicates: near}, nil
}

func (p *putTx) input(input, docID string, st store.PutStatus) error {
	if input == "" {
		return nil
	}
	if _, err := p.exec("upInput", input, docID, string(st)); err != nil {
		return err
	}
	_, err := p.exec("delFail", input)
	return err
}

// nearDuplicates finds stored documents that share a band with the sketch,
// links those similar enough, and indexes the sketch's bands.
func (p *putTx) nearDuplicates(doc int64, sketch []uint64) ([]string, error) {
	bands := merge.Bands(sketch)
	var cands []int64
	for _, b := range bands {
		rows, err := p.stmt("bandDocs").QueryContext(p.ctx, b)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var o int64
			if err := rows.Scan(&o); err != nil {
				rows.Close()
				return nil, err
			}
			if !slices.Contains(cands, o) {
				cands = append(cands, o)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	type scored struct {
		rowid int64
		sim   float64
	}
	var found []scored
	known := make(map[int64]cachedSketch, len(cands))
	var miss []int64
	for _, o := range cands {
		if c, ok := p.cache.get(o); ok {
			known[o] = c
		} else {
			miss = append(miss, o)
		}
	}
	for len(miss) > 0 {
		chunk := miss[:min(len(miss), 500)]
		miss = miss[len(chunk):]
		list, args := inList(chunk)
		rows, err := p.tx.QueryContext(p.ctx, `SELECT s.doc, d.id, s.sketch FROM doc_sketches s JOIN documents d ON d.rowid = s.doc
			WHERE s.doc IN (`+list+`)`, args...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var o int64
			var id string
			var blob []byte
			if err := rows.Scan(&o, &id, &blob); err != nil {
				rows.Close()
				return nil, err
			}
			sk, err := merge.DecodeSketch(blob)
			if err != nil {
				continue
			}
			c := cachedSketch{id: id, sketch: sk}
			known[o] = c
			if o <= p.committed {
				p.cache.put(o, c)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	for _, o := range cands {
		c, ok := known[o]
		if !ok {
			continue
		}
		if sim := merge.Similarity(sketch, c.sketch); sim >= merge.NearDuplicate {
			found = append(found, scored{o, sim})
		}
	}
	// the most similar first, the earlier stored first among equals
	slices.SortStableFunc(found, func(a, b scored) int { return cmp.Compare(b.sim, a.sim) })
	if len(found) > merge.MaxNearLinks {
		found = found[:merge.MaxNearLinks]
	}
	var near []string
	links := make([]any, 0, 6*len(found))
	for _, c := range found {
		links = append(links, doc, c.rowid, c.sim, c.rowid, doc, c.sim)
		near = append(near, known[c.rowid].id)
	}
	if err := p.multi(`INSERT OR IGNORE INTO near_duplicates (doc, other, similarity) VALUES `, 3, links, ""); err != nil {
		return nil, err
	}
	rows := make([]any, 0, 2*len(bands))
	for _, b := range bands {
		rows = append(rows, b, doc)
	}
	if err := p.multi(`INSERT OR IGNORE INTO doc_bands (band, doc) VALUES `, 2, rows, ""); err != nil {
		return nil, err
	}
	return near, nil
}

// entities joins the document's entities to global actors and stores them
// with their mentions; it returns entity id → actor id. The rows of one
// document go in a few multi-row statements: a statement costs more than
// its rows here.
func (p *putTx) entities(doc int64, d *store.Doc) (map[string]int64, error) {
	ents := d.Record.Entities
	actors := make(map[string]int64, len(ents))
	type nameKey struct {
		actor      int64
		kind, name string
	}
	names := make(map[nameKey]bool, 3*len(ents))
	var order []nameKey // names in a fixed order, for reproducible row ids
	addName := func(k nameKey) {
		if k.name != "" && !names[k] {
			names[k] = true
			order = append(order, k)
		}
	}
	mentions := map[int64]int{}
	var actorOrder []int64
	var entityRows []any
	descriptions := map[string]int64{} // description key → its id in this document
	keyed := map[string]bool{}         // the keys counted for this document
	for _, e := range ents {
		key := d.Keys[e.ID]
		if key == "" {
			continue
		}
		if strings.HasPrefix(key, merge.DescriptionPrefix) {
			id, ok := descriptions[key]
			if !ok && len(descriptions)+1 < store.DescriptionsPerDoc {
				id, ok = store.DescriptionID(doc, int64(len(descriptions)+1)), true
				descriptions[key] = id
			}
			if ok {
				// its document's own referent: the entity row is all there is
				actors[e.ID] = id
				entityRows = append(entityRows, doc, e.ID, id, e.Name, e.Type, mentionsJSON(e.Mentions), key)
				continue
			}
		}
		actor, err := p.resolveActor(key, e)
		if err != nil {
			return nil, err
		}
		actors[e.ID] = actor
		if _, ok := mentions[actor]; !ok {
			actorOrder = append(actorOrder, actor)
		}
		mentions[actor] += len(e.Mentions)
		entityNames(e, func(kind, name string) { addName(nameKey{actor, kind, name}) })
		if p.keyDocs != nil && !keyed[key] {
			keyed[key] = true
			p.keyDocs[key]++
		}
		entityRows = append(entityRows, doc, e.ID, actor, e.Name, e.Type, mentionsJSON(e.Mentions), key)
	}
	// a document counts once for each actor and each of its spellings
	for _, a := range actorOrder {
		if _, err := p.exec("bumpActor", 1, mentions[a], a); err != nil {
			return nil, err
		}
	}
	if err := p.multi(`INSERT OR IGNORE INTO entities (doc, eid, actor, name, type, mentions, key) VALUES `, 7, entityRows, ""); err != nil {
		return nil, err
	}
	nameRows := make([]any, 0, 3*len(order))
	for _, k := range order {
		nameRows = append(nameRows, k.actor, k.kind, k.name)
	}
	if err := p.multi(`INSERT INTO actor_names (actor, kind, name, count) VALUES `, 3, nameRows,
		` ON CONFLICT (actor, kind, name) DO UPDATE SET count = count + 1`, "1"); err != nil {
		return nil, err
	}
	// the canonical name: the full name (of more than one word) that most
	// documents give the actor, a one-word name only while there is none
	for _, k := range order {
		if k.kind != "canonical" {
			continue
		}
		if n, ok := p.names[k.actor]; ok && n == k.name {
			continue // the actor's name already: nothing to change
		}
		res, err := p.exec("bestName", k.actor, k.name)
		if err != nil {
			return nil, err
		}
		if n, _ := res.RowsAffected(); n > 0 {
			p.names[k.actor] = k.name
		}
	}
	return actors, nil
}

// entityNames calls add with each spelling, canonical name and role that
// entity e gives its actor: a document counts once for each (actor_names
// rows).
func entityNames(e newsgraph.RecordEntity, add func(kind, name string)) {
	add("canonical", e.Name)
	add("name", e.Name)
	for _, a := range e.Aliases {
		add("name", a)
	}
	for _, r := range e.Roles {
		add("role", r)
	}
}

// multi runs one INSERT of many rows (prefix, then "(?, …)" per row of
// width values, then suffix), in chunks that stay under SQLite's limit of
// bound values. consts are literal values appended to each row.
func (p *putTx) multi(prefix string, width int, vals []any, suffix string, consts ...string) error {
	per := 900 / width
	for start := 0; start < len(vals); start += per * width {
		end := min(start+per*width, len(vals))
		var b strings.Builder
		b.WriteString(prefix)
		for r := start; r < end; r += width {
			if r > start {
				b.WriteString(", ")
			}
			b.WriteByte('(')
			b.WriteString(strings.TrimSuffix(strings.Repeat("?, ", width), ", "))
			for _, c := range consts {
				b.WriteString(", " + c)
			}
			b.WriteByte(')')
		}
		b.WriteString(suffix)
		// prepared once a batch for each number of rows
		q := b.String()
		st, ok := p.stmts[q]
		if !ok {
			var err error
			if st, err = p.tx.PrepareContext(p.ctx, q); err != nil {
				return err
			}
			p.stmts[q] = st
		}
		if _, err := st.ExecContext(p.ctx, vals[start:end]...); err != nil {
			return err
		}
	}
	return nil
}

// resolveActor finds the global actor of an entity key: the actor the key
// was joined to before; else an actor whose key differs only in middle
// names (Donald J. Trump), in separators (HillaryClinton), or, for a
// surname alone, the person who dominates that surname (merge.Dominant);
// else a new actor.
func (p *putTx) resolveActor(key string, e newsgraph.RecordEntity) (int64, error) {
	actor, found, err := p.keyActor(key)
	if err != nil || found {
		return actor, err
	}
	if fl := merge.FirstLast(key); fl != "" {
		if actor, found, err = p.keyActor(fl); err != nil {
			return 0, err
		}
	}
	// a description is its document's own actor: no spelling joins it
	if !found && !strings.HasPrefix(key, merge.DescriptionPrefix) {
		if err := p.row("compactActor", merge.Compact(key)).Scan(&actor); err == nil {
			found = true
		} else if !errors.Is(err, sql.ErrNoRows) {
			return 0, err
		}
	}
	if !found {
		var one int64
		for _, w := range merge.Windows(key) {
			a, ok, err := p.keyActor(w)
			if err != nil {
				return 0, err
			}
			if ok {
				if one != 0 && a != one {
					one = -1 // two people named in one run of words: neither
					break
				}
				one = a
			}
		}
		if one > 0 {
			actor, found = one, true
		}
	}
	if !found {
		if w := merge.SurnameOnly(key); w != "" {
			a, ok, err := p.dominant(w)
			if err != nil {
				return 0, err
			}
			actor, found = a, ok
		}
	}
	if !found {
		res, err := p.exec("insActor", key, e.Name, e.Type, merge.Compact(key), merge.Surname(key), merge.Given(key))
		if err != nil {
			return 0, err
		}
		if actor, err = res.LastInsertId(); err != nil {
			return 0, err
		}
		p.names[actor] = e.Name
	}
	if _, err = p.exec("insKey", key, actor); err != nil {
		return 0, err
	}
	p.keys[key] = actor
	return actor, nil
}

// keyActor returns the actor a key was joined to, if any.
func (p *putTx) keyActor(key string) (int64, bool, error) {
	if a, ok := p.keys[key]; ok {
		return a, true, nil
	}
	var actor int64
	var name string
	err := p.row("keyActor", key).Scan(&actor, &name)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return 0, false, nil
	case err != nil:
		return 0, false, err
	}
	p.keys[key] = actor
	if _, ok := p.names[actor]; !ok {
		p.names[actor] = name
	}
	return actor, true, nil
}

// dominant returns the person who takes a one-word key, if one dominates
// the people with that word as surname or given name.
func (p *putTx) dominant(word string) (actor int64, ok bool, err error) {
	docs := map[int64]int{}
	for _, st := range []string{"surnameActors", "givenActors"} {
		rows, err := p.stmt(st).QueryContext(p.ctx, word)
		if err != nil {
			return 0, false, err
		}
		for rows.Next() {
			var id int64
			var n int
			if err := rows.Scan(&id, &n); err != nil {
				rows.Close()
				return 0, false, err
			}
			docs[id] = n
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return 0, false, err
		}
	}
	var first, second int
	for id, n := range docs {
		switch {
		case n > first || n == first && id < actor:
			second, first, actor = first, n, id
		case n > second:
			second = n
		}
	}
	return actor, merge.Dominant(first, second), nil
}

// mentionsJSON packs an entity's mentions as [[start, end, text, kind], …].
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

func (p *putTx) quotes(doc int64, rec *newsgraph.Record, actors map[string]int64) error {
	rows := make([]any, 0, 9*len(rec.Quotes))
	for _, q := range rec.Quotes {
		var speaker any
		if q.Speaker != nil {
			if a, ok := actors[*q.Speaker]; ok {
				speaker = a
				if !store.IsDescription(a) {
					p.spoken[a]++
				}
			}
		}
		rows = append(rows, doc, q.ID, q.Kind, q.Text, q.Start, q.End, speaker, nullable(deref(q.Cue)), nullable(deref(q.Venue)))
	}
	return p.multi(`INSERT INTO quotes (doc, qid, kind, text, start, end, speaker, cue, venue) VALUES `, 9, rows, "")
}

// events stores each event report under the merged event of its key. A
// document that reports one event twice counts as one source.
func (p *putTx) events(doc int64, d *store.Doc, actors map[string]int64) error {
	rec := d.Record
	seen := map[string]int64{}
	ids := actorKeys(actors)
	for _, ev := range rec.Events {
		key, ok := merge.EventKey(ev, ids, deref(rec.Published))
		var merged int64
		switch {
		case !ok:
			if err := p.row("upMerged", nil, ev.Type, merge.EventDate(ev, deref(rec.Published)), ev.Polarity, deref(ev.Issue)).Scan(&merged, new(int)); err != nil {
				return err
			}
		case seen[key] != 0:
			merged = seen[key]
		default:
			var sources int
			if err := p.row("upMerged", key, ev.Type, merge.EventDate(ev, deref(rec.Published)), ev.Polarity, deref(ev.Issue)).Scan(&merged, &sources); err != nil {
				return err
			}
			seen[key] = merged
			if sources == 1 {
				if err := p.eventActors(merged, ev, actors); err != nil {
					return err
				}
			}
		}
		if !ok {
			if err := p.eventActors(merged, ev, actors); err != nil {
				return err
			}
		}
		if _, err := p.exec("insEvent", doc, ev.ID, merged, ev.Type, deref(ev.Date), ev.Modality, deref(ev.Mode), deref(ev.Quote),
			ev.Trigger.Start, ev.Trigger.End, ev.Trigger.Text); err != nil {
			return err
		}
	}
	return nil
}

func (p *putTx) eventActors(merged int64, ev newsgraph.RecordEvent, actors map[string]int64) error {
	for _, role := range []struct {
		name string
		ids  []string
	}{{"actor", ev.Actors}, {"target", ev.Targets}} {
		for _, e := range role.ids {
			a, ok := actors[e]
			if !ok {
				continue
			}
			if _, err := p.exec("insEvActor", merged, role.name, a); err != nil {
				return err
			}
		}
	}
	return nil
}

func (p *putTx) positions(doc int64, d *store.Doc, actors map[string]int64) error {
	for _, pos := range merge.Positions(d.Record, actorKeys(actors)) {
		a, ok := actorID(pos.ActorKey)
		if !ok {
			continue
		}
		var id int64
		if err := p.row("upPosition", a, pos.Issue, pos.Date, pos.Stance, pos.Polarity).Scan(&id); err != nil {
			return err
		}
		// the key of the evidence is the event, or the quote for a stance read from a quote alone
		ref := pos.Event
		if ref == "" {
			ref = pos.Quote
		}
		if _, err := p.exec("insEvidence", id, doc, ref, pos.Quote, pos.Trigger.Start, pos.Trigger.End, pos.Trigger.Text,
			pos.Phrase.Start, pos.Phrase.End, pos.Phrase.Text); err != nil {
			return err
		}
	}
	return nil
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

// nullable is s, or SQL NULL for "".
func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

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
