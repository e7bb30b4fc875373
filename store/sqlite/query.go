package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/merge"
	"github.com/newsgraph/newsgraph/store"
)

// Document implements store.Store.
func (db *DB) Document(ctx context.Context, id string) (json.RawMessage, error) {
	var rec string
	err := db.r.QueryRowContext(ctx, `SELECT record FROM documents WHERE id = ?`, id).Scan(&rec)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("document %q: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, err
	}
	return json.RawMessage(rec), nil
}

// DocumentInfo implements store.Store.
func (db *DB) DocumentInfo(ctx context.Context, id string) (*store.DocumentInfo, error) {
	var info store.DocumentInfo
	var rowid int64
	var url, title, pub sql.NullString
	err := db.r.QueryRowContext(ctx, `SELECT rowid, id, url, title, published, duplicates FROM documents WHERE id = ?`, id).
		Scan(&rowid, &info.ID, &url, &title, &pub, &info.Duplicates)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("document %q: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, err
	}
	info.URL, info.Title, info.Published = url.String, title.String, pub.String
	rows, err := db.r.QueryContext(ctx, `SELECT d.id, n.similarity FROM near_duplicates n JOIN documents d ON d.rowid = n.other
		WHERE n.doc = ? ORDER BY n.similarity DESC, d.id LIMIT 100`, rowid)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	info.NearDuplicates = []store.NearDuplicate{}
	for rows.Next() {
		var n store.NearDuplicate
		if err := rows.Scan(&n.ID, &n.Similarity); err != nil {
			return nil, err
		}
		info.NearDuplicates = append(info.NearDuplicates, n)
	}
	return &info, rows.Err()
}

// SearchDocuments implements store.Store: full-text search over titles and
// bodies, best first among the store.SearchWindow most recent matches.
func (db *DB) SearchDocuments(ctx context.Context, q string, p store.Page) ([]store.DocumentHit, string, error) {
	off, err := store.DecodeCursor(p.Cursor)
	if err != nil {
		return nil, "", err
	}
	fq, err := ftsQuery(q)
	if err != nil {
		return nil, "", err
	}
	n := p.Size()
	// Ranking every match of a common word costs time in proportion to the
	// corpus; news search ranks the SearchWindow most recently stored
	// matches instead, so that a query costs the same on a million
	// documents as on ten thousand.
	rows, err := db.r.QueryContext(ctx, `SELECT d.id, d.url, d.source, d.title, d.published,
			snippet(documents_fts, 1, '«', '»', '…', 16)
		FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid
		WHERE documents_fts MATCH ?1 AND documents_fts.rowid >= (SELECT COALESCE(MIN(rowid), 0) FROM
			(SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?1 ORDER BY rowid DESC LIMIT ?4))
		ORDER BY rank LIMIT ?2 OFFSET ?3`, fq, n+1, off, store.SearchWindow)
	if err != nil {
		return nil, "", err
	}
	defer rows.Close()
	out := []store.DocumentHit{}
	var ids []int64
	for rows.Next() {
		var h store.DocumentHit
		var url, src, title, pub, snip sql.NullString
		if err := rows.Scan(&h.ID, &url, &src, &title, &pub, &snip); err != nil {
			return nil, "", err
		}
		h.URL, h.Source, h.Title, h.Published, h.Snippet = url.String, src.String, title.String, pub.String, snip.String
		out = append(out, h)
		ids = append(ids, off+int64(len(out)))
	}
	if err := rows.Err(); err != nil {
		return nil, "", err
	}
	out, next := page(out, ids, n)
	return out, next, nil
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

// resolve finds the actors a user means by s: a public id, a canonical key,
// or a name or spelling (case folded). It returns at most 50.
func (db *DB) resolve(ctx context.Context, s string) ([]int64, error) {
	s = strings.TrimSpace(s)
	if id, ok := actorID(s); ok {
		return []int64{id}, nil
	}
	id, ok, err := db.actorByKey(ctx, s)
	if err != nil || ok {
		return []int64{id}, err
	}
	// the actors whose canonical name it is; failing those, every actor once
	// spelled so (a stray entity that took the name as an alias among them)
	ids, err := db.actorIDs(ctx, `SELECT id FROM actors WHERE name = ? COLLATE NOCASE ORDER BY docs DESC LIMIT 50`, s)
	if err != nil || len(ids) > 0 {
		return ids, err
	}
	return db.actorIDs(ctx, `SELECT DISTINCT n.actor FROM actor_names n JOIN actors a ON a.id = n.actor
		WHERE n.name = ? COLLATE NOCASE AND n.kind = 'name' ORDER BY a.docs DESC LIMIT 50`, s)
}

// actorByKey finds the actor or the description with an actor key.
func (db *DB) actorByKey(ctx context.Context, key string) (int64, bool, error) {
	var id int64
	err := db.r.QueryRowContext(ctx, `SELECT id FROM actors WHERE key = ?`, key).Scan(&id)
	if err == nil {
		return id, true, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return 0, false, err
	}
	// a description's key ends with its document's id (merge.EntityKeys)
	at := strings.LastIndexByte(key, '@')
	if !strings.HasPrefix(key, merge.DescriptionPrefix) || at < 0 {
		return 0, false, nil
	}
	err = db.r.QueryRowContext(ctx, `SELECT e.actor FROM documents d JOIN entities e ON e.doc = d.rowid
		WHERE d.id = ? AND e.key = ? LIMIT 1`, key[at+1:], key).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, false, nil
	}
	return id, err == nil, err
}

// actorRefs returns the ActorRef of each id: an actor's from its row, a
// description's from its entity row.
func (db *DB) actorRefs(ctx context.Context, ids []int64) (map[int64]store.ActorRef, error) {
	out := make(map[int64]store.ActorRef, len(ids))
	var actors, descs []int64
	for _, id := range ids {
		if _, ok := out[id]; ok {
			continue
		}
		out[id] = store.ActorRef{}
		if store.IsDescription(id) {
			descs = append(descs, id)
		} else {
			actors = append(actors, id)
		}
	}
	for _, q := range []struct {
		ids []int64
		sql string
	}{
		{actors, `SELECT id, key, name, type FROM actors WHERE id IN (%s)`},
		{descs, `SELECT actor, key, name, type FROM entities WHERE actor IN (%s)`},
	} {
		for len(q.ids) > 0 {
			chunk := q.ids[:min(len(q.ids), 500)]
			q.ids = q.ids[len(chunk):]
			list, args := inList(chunk)
			rows, err := db.r.QueryContext(ctx, fmt.Sprintf(q.sql, list), args...)
			if err != nil {
				return nil, err
			}
			for rows.Next() {
				var id int64
				var key sql.NullString
				var r store.ActorRef
				if err := rows.Scan(&id, &key, &r.Name, &r.Type); err != nil {
					rows.Close()
					return nil, err
				}
				r.ID, r.Key = publicActor(id), key.String
				out[id] = r
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return nil, err
			}
		}
	}
	for id, r := range out {
		if r.ID == "" {
			delete(out, id) // none such
		}
	}
	return out, nil
}

func (db *DB) actorIDs(ctx context.Context, q string, args ...any) ([]int64, error) {
	rows, err := db.r.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// jsonIDs returns ids as a JSON array, for json_each.
func jsonIDs(ids []int64) string {
	b := []byte{'['}
	for i, id := range ids {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, id, 10)
	}
	return string(append(b, ']'))
}

// inList returns "?, ?, ?" for n values and the values as arguments.
func inList(ids []int64) (string, []any) {
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	return strings.TrimSuffix(strings.Repeat("?, ", len(ids)), ", "), args
}

// Actors implements store.Store: actors by the number of documents that
// mention them, optionally only those with a matching name or spelling
// (a role such as "Clinton's opponent" is not searched).
func (db *DB) Actors(ctx context.Context, q store.ActorQuery, p store.Page) ([]store.Actor, string, error) {
	off, err := store.DecodeCursor(p.Cursor)
	if err != nil {
		return nil, "", err
	}
	n := p.Size()
	typ := strings.ToUpper(q.Type)
	if strings.TrimSpace(q.Q) == "" {
		where, args := "1", []any{}
		if typ != "" {
			where, args = "a.type = ?", append(args, typ)
		}
		return db.actorPage(ctx, `SELECT a.id, a.key, a.name, a.type, a.docs, a.mentions FROM actors a
			WHERE `+where+` ORDER BY a.docs DESC, a.id LIMIT ? OFFSET ?`, append(args, n+1, off), off, n)
	}
	fq, err := ftsQuery(q.Q)
	if err != nil {
		return nil, "", err
	}
	// A word that many spellings hold ("Clinton": the actors named so and
	// every description that names them) would cost a lookup per spelling
	// to rank all their actors. The actors are tried instead in order of
	// documents, the first actorScan of them, each by its own spellings;
	// when those hold the page, it is the page. Otherwise, and for a word
	// of few spellings, the matching actors are collected and sorted.
	var hits int
	if err := db.r.QueryRowContext(ctx, `SELECT COUNT(*) FROM (SELECT rowid FROM actor_names_fts WHERE actor_names_fts MATCH ? LIMIT ?)`,
		fq, actorDense).Scan(&hits); err != nil {
		return nil, "", err
	}
	if hits >= actorDense && off+int64(n) < actorScan {
		// the actors in most documents: those with at least as many
		// documents as the actorScan-th, a prefix of the order
		index, where, args := "actors_by_docs", "", []any{}
		if typ != "" {
			index, where, args = "actors_by_type", "a.type = ? AND ", append(args, typ)
		}
		var least int64
		err := db.r.QueryRowContext(ctx, `SELECT a.docs FROM actors a INDEXED BY `+index+` WHERE `+where+`1
			ORDER BY a.docs DESC, a.id LIMIT 1 OFFSET ?`, append(args, actorScan)...).Scan(&least)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return nil, "", err
		}
		args = append(args, least, fq, n+1, off)
		out, next, err := db.actorPage(ctx, `SELECT a.id, a.key, a.name, a.type, a.docs, a.mentions
			FROM actors a INDEXED BY `+index+`
			WHERE `+where+`a.docs >= ? AND EXISTS (SELECT 1 FROM actor_names n WHERE n.actor = a.id AND n.kind <> 'role'
				AND n.id IN (SELECT rowid FROM actor_names_fts WHERE actor_names_fts MATCH ?))
			ORDER BY a.docs DESC, a.id LIMIT ? OFFSET ?`, args, off, n)
		if err != nil || next != "" {
			return out, next, err
		}
	}
	where, args := "", []any{}
	if typ != "" {
		where, args = "+a.type = ? AND ", append(args, typ) // the few matching actors, not every one of the type
	}
	args = append(args, fq, n+1, off)
	return db.actorPage(ctx, `SELECT a.id, a.key, a.name, a.type, a.docs, a.mentions FROM actors a
		WHERE `+where+`a.id IN (SELECT n.actor FROM actor_names_fts f JOIN actor_names n ON n.id = f.rowid WHERE actor_names_fts MATCH ? AND n.kind <> 'role')
		ORDER BY a.docs DESC, a.id LIMIT ? OFFSET ?`, args, off, n)
}

// The bounds of the search of actors by a word (Actors): from actorDense
// spellings on, the actorScan actors in most documents are tried first.
var (
	actorDense       = 2000
	actorScan  int64 = 20000
)

// actorPage runs a query of actors (id, key, name, type, docs, mentions)
// that asks for n+1 rows from offset off.
func (db *DB) actorPage(ctx context.Context, query string, args []any, off int64, n int) ([]store.Actor, string, error) {
	rows, err := db.r.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, "", err
	}
	defer rows.Close()
	out := []store.Actor{}
	var ids []int64
	for rows.Next() {
		var a store.Actor
		var id int64
		if err := rows.Scan(&id, &a.Key, &a.Name, &a.Type, &a.Documents, &a.MentionCount); err != nil {
			return nil, "", err
		}
		a.ID = publicActor(id)
		out = append(out, a)
		ids = append(ids, off+int64(len(out)))
	}
	if err := rows.Err(); err != nil {
		return nil, "", err
	}
	out, next := page(out, ids, n)
	return out, next, nil
}

// Dossier implements store.Store.
func (db *DB) Dossier(ctx context.Context, idOrKey string) (*store.Dossier, error) {
	id, ok := actorID(idOrKey)
	if !ok {
		var err error
		if id, ok, err = db.actorByKey(ctx, idOrKey); err != nil {
			return nil, err
		}
	}
	if !ok {
		return nil, fmt.Errorf("actor %q: %w", idOrKey, store.ErrNotFound)
	}
	d := &store.Dossier{}
	var err error
	if store.IsDescription(id) {
		err = db.descriptionHead(ctx, id, d)
	} else {
		err = db.actorHead(ctx, id, d)
	}
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("actor %q: %w", idOrKey, store.ErrNotFound)
	}
	if err != nil {
		return nil, err
	}
	d.ID = publicActor(id)
	d.Mentions = []store.MentionRef{}
	rows, err := db.r.QueryContext(ctx, `SELECT e.doc, e.eid, e.mentions FROM entities e
		WHERE e.actor = ? ORDER BY e.doc, e.eid LIMIT ?`, id, store.DossierLimit)
	if err != nil {
		return nil, err
	}
	type entRow struct {
		doc     int64
		eid, js string
	}
	var ents []entRow
	for rows.Next() {
		var r entRow
		if err := rows.Scan(&r.doc, &r.eid, &r.js); err != nil {
			rows.Close()
			return nil, err
		}
		ents = append(ents, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	docs, err := db.docMetas(ctx, len(ents), func(i int) int64 { return ents[i].doc })
	if err != nil {
		return nil, err
	}
	for _, r := range ents {
		if len(d.Mentions) >= store.DossierLimit {
			break
		}
		doc, eid, js := docs[r.doc].id, r.eid, r.js
		var ms [][4]any
		if err := json.Unmarshal([]byte(js), &ms); err != nil {
			return nil, fmt.Errorf("mentions of %s %s: %w", doc, eid, err)
		}
		for _, m := range ms {
			if len(d.Mentions) == store.DossierLimit {
				break
			}
			start, _ := m[0].(float64)
			end, _ := m[1].(float64)
			text, _ := m[2].(string)
			kind, _ := m[3].(string)
			d.Mentions = append(d.Mentions, store.MentionRef{Document: doc, Entity: eid, Start: int(start), End: int(end), Text: text, Kind: kind})
		}
	}
	page := store.Page{Limit: store.DossierLimit}
	pub := d.ID
	if d.Quotes, d.Next.Quotes, err = db.Quotes(ctx, store.QuoteQuery{Speaker: pub}, page); err != nil {
		return nil, err
	}
	if d.Events, d.Next.Events, err = db.events(ctx, store.EventQuery{Actor: pub}, page, store.DossierSources); err != nil {
		return nil, err
	}
	if d.Positions, d.Next.Positions, err = db.positions(ctx, store.PositionQuery{Actor: pub}, page, store.DossierSources); err != nil {
		return nil, err
	}
	// an actor's quotes are counted in its row (schema step 11)
	quotes := `SELECT quotes FROM actors WHERE id = ?`
	if store.IsDescription(id) {
		quotes = `SELECT COUNT(*) FROM quotes WHERE speaker = ?`
	}
	for _, c := range []struct {
		dst *int
		sql string
	}{
		{&d.Counts.Quotes, quotes},
		{&d.Counts.Events, `SELECT COUNT(DISTINCT merged) FROM event_actors WHERE actor = ?`},
		{&d.Counts.Positions, `SELECT COUNT(*) FROM positions WHERE actor = ?`},
	} {
		if err := db.r.QueryRowContext(ctx, c.sql, id).Scan(c.dst); err != nil {
			return nil, err
		}
	}
	return d, nil
}

// actorHead fills a dossier's actor, names and roles from the actor's rows.
func (db *DB) actorHead(ctx context.Context, id int64, d *store.Dossier) error {
	err := db.r.QueryRowContext(ctx, `SELECT key, name, type, docs, mentions FROM actors WHERE id = ?`, id).
		Scan(&d.Key, &d.Name, &d.Type, &d.Documents, &d.MentionCount)
	if err != nil {
		return err
	}
	d.Names, d.Roles = []store.Spelling{}, []store.Spelling{}
	rows, err := db.r.QueryContext(ctx, `SELECT kind, name, count FROM actor_names WHERE actor = ? ORDER BY count DESC, name LIMIT 400`, id)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var kind string
		var s store.Spelling
		if err := rows.Scan(&kind, &s.Text, &s.Count); err != nil {
			return err
		}
		switch kind {
		case "role":
			d.Roles = append(d.Roles, s)
		case "name":
			d.Names = append(d.Names, s)
		}
	}
	return rows.Err()
}

// descriptionHead fills the dossier of a description from its entity rows
// and, for its spellings and roles, its document's record: it has no rows
// of names.
func (db *DB) descriptionHead(ctx context.Context, id int64, d *store.Dossier) error {
	var n int
	var key sql.NullString
	err := db.r.QueryRowContext(ctx, `SELECT COUNT(*), key, name, type, COUNT(DISTINCT doc), COALESCE(SUM(json_array_length(mentions)), 0)
		FROM entities WHERE actor = ?`, id).Scan(&n, &key, &d.Name, &d.Type, &d.Documents, &d.MentionCount)
	if err == nil && n == 0 {
		err = sql.ErrNoRows
	}
	if err != nil {
		return err
	}
	d.Key = key.String
	var eids []string
	rows, err := db.r.QueryContext(ctx, `SELECT eid FROM entities WHERE actor = ?`, id)
	if err != nil {
		return err
	}
	for rows.Next() {
		var eid string
		if err := rows.Scan(&eid); err != nil {
			rows.Close()
			return err
		}
		eids = append(eids, eid)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	var js string
	if err := db.r.QueryRowContext(ctx, `SELECT record FROM documents WHERE rowid = ?`, store.DescriptionDoc(id)).Scan(&js); err != nil {
		return err
	}
	rec, err := recordOf(json.RawMessage(js))
	if err != nil {
		return err
	}
	d.Names, d.Roles = store.DescriptionSpellings(rec, eids)
	return nil
}

// Quotes implements store.Store, in the order stored.
func (db *DB) Quotes(ctx context.Context, q store.QuoteQuery, p store.Page) ([]store.QuoteHit, string, error) {
	after, err := store.DecodeCursor(p.Cursor)
	if err != nil {
		return nil, "", err
	}
	n := p.Size()
	where := []string{"q.id > ?"}
	args := []any{after}
	if strings.TrimSpace(q.Speaker) != "" {
		ids, err := db.resolve(ctx, q.Speaker)
		if err != nil {
			return nil, "", err
		}
		if len(ids) == 0 {
			return []store.QuoteHit{}, "", nil
		}
		// each speaker's next quotes come in id order from the index; a
		// plain IN over several speakers would sort all their quotes
		var parts []string
		for _, id := range ids {
			parts = append(parts, `SELECT id FROM (SELECT id FROM quotes WHERE speaker = ? AND id > ? ORDER BY id LIMIT ?)`)
			args = append(args, id, after, n+1)
		}
		if strings.TrimSpace(q.Q) == "" {
			where = append(where, "q.id IN ("+strings.Join(parts, " UNION ALL ")+")")
		} else {
			// with words to match as well, the speaker's quotes are
			// filtered by the words before the limit applies
			args = args[:len(args)-3*len(ids)]
			list, a := inList(ids)
			where = append(where, "q.speaker IN ("+list+")")
			args = append(args, a...)
		}
	}
	if strings.TrimSpace(q.Q) != "" {
		fq, err := ftsQuery(q.Q)
		if err != nil {
			return nil, "", err
		}
		where = append(where, "q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)")
		args = append(args, fq)
	}
	args = append(args, n+1)
	rows, err := db.r.QueryContext(ctx, `SELECT q.id, q.doc, q.qid, q.kind, q.text, q.start, q.end, q.cue, q.venue, q.speaker
		FROM quotes q
		WHERE `+strings.Join(where, " AND ")+` ORDER BY q.id LIMIT ?`, args...)
	if err != nil {
		return nil, "", err
	}
	defer rows.Close()
	out := []store.QuoteHit{}
	var ids, docRows, speakers []int64
	for rows.Next() {
		var h store.QuoteHit
		var id, doc int64
		var cue, venue sql.NullString
		var aid sql.NullInt64
		if err := rows.Scan(&id, &doc, &h.ID, &h.Kind, &h.Text, &h.Start, &h.End, &cue, &venue, &aid); err != nil {
			return nil, "", err
		}
		h.Cue, h.Venue = cue.String, venue.String
		docRows = append(docRows, doc)
		speakers = append(speakers, aid.Int64) // 0: none
		out = append(out, h)
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		return nil, "", err
	}
	rows.Close()
	docs, err := db.docMetas(ctx, len(docRows), func(i int) int64 { return docRows[i] })
	if err != nil {
		return nil, "", err
	}
	refs, err := db.actorRefs(ctx, speakers)
	if err != nil {
		return nil, "", err
	}
	for i, doc := range docRows {
		out[i].Document, out[i].Published = docs[doc].id, docs[doc].published
		if r, ok := refs[speakers[i]]; ok {
			out[i].Speaker = &r
		}
	}
	out, next := page(out, ids, n)
	return out, next, nil
}

// Events implements store.Store: merged events in the order first stored.
func (db *DB) Events(ctx context.Context, q store.EventQuery, p store.Page) ([]store.MergedEvent, string, error) {
	return db.events(ctx, q, p, store.ListSources)
}

// events is Events with at most sources sources an event.
func (db *DB) events(ctx context.Context, q store.EventQuery, p store.Page, sources int) ([]store.MergedEvent, string, error) {
	after, err := store.DecodeCursor(p.Cursor)
	if err != nil {
		return nil, "", err
	}
	n := p.Size()
	where := []string{"m.id > ?"}
	args := []any{after}
	if strings.TrimSpace(q.Actor) != "" {
		ids, err := db.resolve(ctx, q.Actor)
		if err != nil {
			return nil, "", err
		}
		if len(ids) == 0 {
			return []store.MergedEvent{}, "", nil
		}
		list, a := inList(ids)
		where = append(where, "m.id IN (SELECT merged FROM event_actors WHERE actor IN ("+list+"))")
		args = append(args, a...)
	}
	if q.Type != "" {
		where = append(where, "m.type = ?")
		args = append(args, strings.ToUpper(q.Type))
	}
	if q.Issue != "" {
		where = append(where, "m.issue = ? COLLATE NOCASE")
		args = append(args, q.Issue)
	}
	if q.From != "" {
		where = append(where, "m.day >= ?")
		args = append(args, q.From)
	}
	if q.To != "" {
		where = append(where, "substr(m.day, 1, length(?)) <= ?")
		args = append(args, q.To, q.To)
	}
	args = append(args, n+1)
	rows, err := db.r.QueryContext(ctx, `SELECT m.id, m.type, m.day, m.polarity, m.issue, m.sources FROM merged_events m
		WHERE `+strings.Join(where, " AND ")+` ORDER BY m.id LIMIT ?`, args...)
	if err != nil {
		return nil, "", err
	}
	out := []store.MergedEvent{}
	var ids []int64
	for rows.Next() {
		var e store.MergedEvent
		var id int64
		if err := rows.Scan(&id, &e.Type, &e.Date, &e.Polarity, &e.Issue, &e.SourceCount); err != nil {
			rows.Close()
			return nil, "", err
		}
		e.ID = "m" + strconv.FormatInt(id, 10)
		out = append(out, e)
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, "", err
	}
	out, next := page(out, ids, n)
	if err := db.fillEvents(ctx, out, ids[:len(out)], sources); err != nil {
		return nil, "", err
	}
	return out, next, nil
}

// EventSources implements store.Store.
func (db *DB) EventSources(ctx context.Context, id string, p store.Page) ([]store.EventSource, string, error) {
	after, err := store.DecodeCursor(p.Cursor)
	if err != nil {
		return nil, "", err
	}
	m, ok := store.MergedEventID(id)
	var one int
	if ok {
		err = db.r.QueryRowContext(ctx, `SELECT COUNT(*) FROM merged_events WHERE id = ?`, m).Scan(&one)
		if err != nil {
			return nil, "", err
		}
	}
	if one == 0 {
		return nil, "", fmt.Errorf("event %q: %w", id, store.ErrNotFound)
	}
	n := p.Size()
	rows, err := db.r.QueryContext(ctx, `SELECT id, doc, vid, modality, trigger_start, trigger_end, trigger_text
		FROM events WHERE merged = ? AND id > ? ORDER BY id LIMIT ?`, m, after, n+1)
	if err != nil {
		return nil, "", err
	}
	defer rows.Close()
	out := []store.EventSource{}
	var ids, docRows []int64
	for rows.Next() {
		var s store.EventSource
		var rid, doc int64
		if err := rows.Scan(&rid, &doc, &s.Event, &s.Modality, &s.Trigger.Start, &s.Trigger.End, &s.Trigger.Text); err != nil {
			return nil, "", err
		}
		out, ids, docRows = append(out, s), append(ids, rid), append(docRows, doc)
	}
	if err := rows.Err(); err != nil {
		return nil, "", err
	}
	rows.Close()
	docs, err := db.docMetas(ctx, len(docRows), func(i int) int64 { return docRows[i] })
	if err != nil {
		return nil, "", err
	}
	for i, doc := range docRows {
		d := docs[doc]
		out[i].Document, out[i].Source, out[i].URL, out[i].Published = d.id, d.source, d.url, d.published
	}
	out, next := page(out, ids, n)
	return out, next, nil
}

// TopEvents returns the merged events reported by the most documents.
func (db *DB) TopEvents(ctx context.Context, n int) ([]store.MergedEvent, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT id, type, day, polarity, issue, sources FROM merged_events ORDER BY sources DESC, id LIMIT ?`, n)
	if err != nil {
		return nil, err
	}
	var out []store.MergedEvent
	var ids []int64
	for rows.Next() {
		var e store.MergedEvent
		var id int64
		if err := rows.Scan(&id, &e.Type, &e.Date, &e.Polarity, &e.Issue, &e.SourceCount); err != nil {
			rows.Close()
			return nil, err
		}
		e.ID = "m" + strconv.FormatInt(id, 10)
		out, ids = append(out, e), append(ids, id)
	}
	rows.Close()
	return out, db.fillEvents(ctx, out, ids, store.ListSources)
}

// fillEvents loads the participants and the first sources (at most
// sources) of merged events.
func (db *DB) fillEvents(ctx context.Context, evs []store.MergedEvent, ids []int64, sources int) error {
	if len(evs) == 0 {
		return nil
	}
	at := make(map[int64]int, len(ids))
	for i, id := range ids {
		at[id] = i
		evs[i].Actors, evs[i].Targets, evs[i].Sources = []store.ActorRef{}, []store.ActorRef{}, []store.EventSource{}
	}
	list, args := inList(ids)
	rows, err := db.r.QueryContext(ctx, `SELECT ea.merged, ea.role, ea.actor FROM event_actors ea
		WHERE ea.merged IN (`+list+`) ORDER BY ea.merged, ea.role, ea.actor`, args...)
	if err != nil {
		return err
	}
	type participant struct {
		m, actor int64
		role     string
	}
	var parts []participant
	var pids []int64
	for rows.Next() {
		var p participant
		if err := rows.Scan(&p.m, &p.role, &p.actor); err != nil {
			rows.Close()
			return err
		}
		parts, pids = append(parts, p), append(pids, p.actor)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	refs, err := db.actorRefs(ctx, pids)
	if err != nil {
		return err
	}
	for _, p := range parts {
		r, ok := refs[p.actor]
		if !ok {
			continue
		}
		e := &evs[at[p.m]]
		if p.role == "actor" {
			e.Actors = append(e.Actors, r)
		} else {
			e.Targets = append(e.Targets, r)
		}
	}
	// each event's first reports by the index, not every one
	rows, err = db.r.QueryContext(ctx, `SELECT e.merged, e.doc, e.vid, e.modality, e.trigger_start, e.trigger_end, e.trigger_text
		FROM json_each(?) m JOIN events e ON e.id IN (SELECT id FROM events WHERE merged = m.value ORDER BY id LIMIT ?)
		ORDER BY e.merged, e.id`, jsonIDs(ids), sources)
	if err != nil {
		return err
	}
	type source struct {
		m, doc int64
		s      store.EventSource
	}
	var srcs []source
	for rows.Next() {
		var r source
		if err := rows.Scan(&r.m, &r.doc, &r.s.Event, &r.s.Modality, &r.s.Trigger.Start, &r.s.Trigger.End, &r.s.Trigger.Text); err != nil {
			rows.Close()
			return err
		}
		if e := &evs[at[r.m]]; len(e.Sources) < sources {
			e.Sources = append(e.Sources, store.EventSource{}) // a place kept; filled below
			srcs = append(srcs, r)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	docs, err := db.docMetas(ctx, len(srcs), func(i int) int64 { return srcs[i].doc })
	if err != nil {
		return err
	}
	for i := range evs {
		evs[i].Sources = evs[i].Sources[:0]
	}
	for _, r := range srcs {
		m := docs[r.doc]
		r.s.Document, r.s.Source, r.s.URL, r.s.Published = m.id, m.source, m.url, m.published
		e := &evs[at[r.m]]
		e.Sources = append(e.Sources, r.s)
	}
	return nil
}

// Positions implements store.Store, in the order first stored.
func (db *DB) Positions(ctx context.Context, q store.PositionQuery, p store.Page) ([]store.PositionRow, string, error) {
	return db.positions(ctx, q, p, store.ListSources)
}

// positions is Positions with at most most pieces of evidence a row.
func (db *DB) positions(ctx context.Context, q store.PositionQuery, p store.Page, most int) ([]store.PositionRow, string, error) {
	after, err := store.DecodeCursor(p.Cursor)
	if err != nil {
		return nil, "", err
	}
	n := p.Size()
	where := []string{"p.id > ?"}
	args := []any{after}
	if strings.TrimSpace(q.Actor) != "" {
		ids, err := db.resolve(ctx, q.Actor)
		if err != nil {
			return nil, "", err
		}
		if len(ids) == 0 {
			return []store.PositionRow{}, "", nil
		}
		list, a := inList(ids)
		where = append(where, "p.actor IN ("+list+")")
		args = append(args, a...)
	}
	if q.Issue != "" {
		where = append(where, "p.issue = ? COLLATE NOCASE")
		args = append(args, q.Issue)
	}
	args = append(args, n+1)
	rows, err := db.r.QueryContext(ctx, `SELECT p.id, p.issue, p.day, p.stance, p.polarity, p.actor,
			(SELECT COUNT(*) FROM position_evidence WHERE position = p.id)
		FROM positions p
		WHERE `+strings.Join(where, " AND ")+` ORDER BY p.id LIMIT ?`, args...)
	if err != nil {
		return nil, "", err
	}
	out := []store.PositionRow{}
	var ids, holders []int64
	for rows.Next() {
		var r store.PositionRow
		var id, aid int64
		if err := rows.Scan(&id, &r.Issue, &r.Date, &r.Stance, &r.Polarity, &aid, &r.EvidenceCount); err != nil {
			rows.Close()
			return nil, "", err
		}
		r.ID = "p" + strconv.FormatInt(id, 10)
		r.Evidence = []store.Evidence{}
		out, ids, holders = append(out, r), append(ids, id), append(holders, aid)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, "", err
	}
	refs, err := db.actorRefs(ctx, holders)
	if err != nil {
		return nil, "", err
	}
	for i := range out {
		out[i].Actor = refs[holders[i]]
	}
	out, next := page(out, ids, n)
	ids = ids[:len(out)]
	if len(out) == 0 {
		return out, next, nil
	}
	at := make(map[int64]int, len(ids))
	for i, id := range ids {
		at[id] = i
	}
	// the evidence of each position's first documents by its key, not every one
	rows, err = db.r.QueryContext(ctx, `SELECT pe.position, pe.doc, pe.vid, pe.qid, pe.trigger_start, pe.trigger_end, pe.trigger_text,
			pe.phrase_start, pe.phrase_end, pe.phrase_text
		FROM json_each(?1) m JOIN position_evidence pe ON pe.position = m.value
			AND pe.doc IN (SELECT doc FROM position_evidence WHERE position = m.value ORDER BY doc LIMIT ?2)
		ORDER BY pe.position, pe.doc, pe.vid`, jsonIDs(ids), most)
	if err != nil {
		return nil, "", err
	}
	type evidence struct {
		pid, doc int64
		e        store.Evidence
	}
	var evs []evidence
	for rows.Next() {
		var r evidence
		var qid sql.NullString
		if err := rows.Scan(&r.pid, &r.doc, &r.e.Event, &qid, &r.e.Trigger.Start, &r.e.Trigger.End, &r.e.Trigger.Text,
			&r.e.Phrase.Start, &r.e.Phrase.End, &r.e.Phrase.Text); err != nil {
			rows.Close()
			return nil, "", err
		}
		r.e.Quote = qid.String
		if r.e.Event == r.e.Quote {
			r.e.Event = "" // read from the quote alone
		}
		if p := &out[at[r.pid]]; len(p.Evidence) < most {
			p.Evidence = append(p.Evidence, store.Evidence{}) // a place kept; filled below
			evs = append(evs, r)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, "", err
	}
	docs, err := db.docMetas(ctx, len(evs), func(i int) int64 { return evs[i].doc })
	if err != nil {
		return nil, "", err
	}
	for i := range out {
		out[i].Evidence = out[i].Evidence[:0]
	}
	for _, r := range evs {
		r.e.Document = docs[r.doc].id
		p := &out[at[r.pid]]
		p.Evidence = append(p.Evidence, r.e)
	}
	return out, next, nil
}

// PositionEvidence implements store.Store.
func (db *DB) PositionEvidence(ctx context.Context, id string, p store.Page) ([]store.Evidence, string, error) {
	off, err := store.DecodeCursor(p.Cursor)
	if err != nil {
		return nil, "", err
	}
	pid, ok := store.PositionID(id)
	var one int
	if ok {
		if err := db.r.QueryRowContext(ctx, `SELECT COUNT(*) FROM positions WHERE id = ?`, pid).Scan(&one); err != nil {
			return nil, "", err
		}
	}
	if one == 0 {
		return nil, "", fmt.Errorf("position %q: %w", id, store.ErrNotFound)
	}
	n := p.Size()
	rows, err := db.r.QueryContext(ctx, `SELECT doc, vid, qid, trigger_start, trigger_end, trigger_text, phrase_start, phrase_end, phrase_text
		FROM position_evidence WHERE position = ? ORDER BY doc, vid LIMIT ? OFFSET ?`, pid, n+1, off)
	if err != nil {
		return nil, "", err
	}
	defer rows.Close()
	out := []store.Evidence{}
	var docRows, offs []int64
	for rows.Next() {
		var e store.Evidence
		var doc int64
		var qid sql.NullString
		if err := rows.Scan(&doc, &e.Event, &qid, &e.Trigger.Start, &e.Trigger.End, &e.Trigger.Text,
			&e.Phrase.Start, &e.Phrase.End, &e.Phrase.Text); err != nil {
			return nil, "", err
		}
		e.Quote = qid.String
		if e.Event == e.Quote {
			e.Event = "" // read from the quote alone
		}
		out, docRows = append(out, e), append(docRows, doc)
		offs = append(offs, off+int64(len(out)))
	}
	if err := rows.Err(); err != nil {
		return nil, "", err
	}
	rows.Close()
	docs, err := db.docMetas(ctx, len(docRows), func(i int) int64 { return docRows[i] })
	if err != nil {
		return nil, "", err
	}
	for i, doc := range docRows {
		out[i].Document = docs[doc].id
	}
	out, next := page(out, offs, n)
	return out, next, nil
}

// ExportRecords implements store.Store.
func (db *DB) ExportRecords(ctx context.Context, fn func(json.RawMessage) error) error {
	// In pages, so that no read transaction stays open for the whole export.
	var after int64
	for {
		rows, err := db.r.QueryContext(ctx, `SELECT rowid, record FROM documents WHERE rowid > ? ORDER BY rowid LIMIT 500`, after)
		if err != nil {
			return err
		}
		var recs []string
		for rows.Next() {
			var rec string
			if err := rows.Scan(&after, &rec); err != nil {
				rows.Close()
				return err
			}
			recs = append(recs, rec)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for _, r := range recs {
			if err := fn(json.RawMessage(r)); err != nil {
				return err
			}
		}
		if len(recs) < 500 {
			return nil
		}
	}
}

// participantName is the name of the actor or description ea.actor.
const participantName = `COALESCE((SELECT a.name FROM actors a WHERE a.id = ea.actor),
	(SELECT d.name FROM entities d WHERE d.actor = ea.actor LIMIT 1))`

// ExportEvents implements store.Store.
func (db *DB) ExportEvents(ctx context.Context, fn func(store.EventRow) error) error {
	var after int64
	for {
		rows, err := db.r.QueryContext(ctx, `SELECT e.id, e.merged, d.id, e.vid, e.type, COALESCE(e.date, ''), m.polarity, e.modality, m.issue,
				COALESCE((SELECT group_concat(`+participantName+`, '; ') FROM event_actors ea WHERE ea.merged = e.merged AND ea.role = 'actor'), ''),
				COALESCE((SELECT group_concat(`+participantName+`, '; ') FROM event_actors ea WHERE ea.merged = e.merged AND ea.role = 'target'), ''),
				e.trigger_text, COALESCE(d.published, ''), COALESCE(d.source, '')
			FROM events e JOIN documents d ON d.rowid = e.doc JOIN merged_events m ON m.id = e.merged
			WHERE e.id > ? ORDER BY e.id LIMIT 1000`, after)
		if err != nil {
			return err
		}
		var batch []store.EventRow
		for rows.Next() {
			var r store.EventRow
			var merged int64
			if err := rows.Scan(&after, &merged, &r.Document, &r.Event, &r.Type, &r.Date, &r.Polarity, &r.Modality, &r.Issue,
				&r.Actors, &r.Targets, &r.Trigger, &r.Published, &r.Source); err != nil {
				rows.Close()
				return err
			}
			r.Merged = "m" + strconv.FormatInt(merged, 10)
			batch = append(batch, r)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for _, r := range batch {
			if err := fn(r); err != nil {
				return err
			}
		}
		if len(batch) < 1000 {
			return nil
		}
	}
}

// Stats implements store.Store, from the counts that triggers keep
// (schema step 9).
func (db *DB) Stats(ctx context.Context) (store.Stats, error) {
	var s store.Stats
	rows, err := db.r.QueryContext(ctx, `SELECT name, n FROM counts`)
	if err != nil {
		return s, err
	}
	defer rows.Close()
	dst := map[string]*int{"documents": &s.Documents, "duplicates": &s.Duplicates, "near_duplicates": &s.NearDuplicates,
		"actors": &s.Actors, "quotes": &s.Quotes, "events": &s.Events, "merged_events": &s.MergedEvents,
		"positions": &s.Positions, "failures": &s.Failures}
	for rows.Next() {
		var name string
		var n int
		if err := rows.Scan(&name, &n); err != nil {
			return s, err
		}
		if p, ok := dst[name]; ok {
			*p = n
		}
	}
	s.NearDuplicates /= 2 // a link is stored both ways
	return s, rows.Err()
}

// docMeta is what lists of facts show of the document each comes from.
type docMeta struct{ id, source, url, published string }

// docCacheSize bounds the documents whose docMeta a DB keeps in memory.
const docCacheSize = 200_000

// docMetas returns the docMeta of the documents of n rows (rowid(i) is the
// document of row i). A stored document does not change, so what is read
// once is kept: a dossier names thousands of documents, each a page of its
// own in the file.
func (db *DB) docMetas(ctx context.Context, n int, rowid func(int) int64) (map[int64]docMeta, error) {
	out := make(map[int64]docMeta, n)
	var miss []int64
	missing := map[int64]bool{}
	db.docMu.Lock()
	for i := range n {
		r := rowid(i)
		if _, ok := out[r]; ok || missing[r] {
			continue
		}
		if m, ok := db.docCache[r]; ok {
			out[r] = m
		} else {
			missing[r] = true
			miss = append(miss, r)
		}
	}
	db.docMu.Unlock()
	for len(miss) > 0 {
		chunk := miss[:min(len(miss), 500)]
		miss = miss[len(chunk):]
		list, args := inList(chunk)
		rows, err := db.r.QueryContext(ctx, `SELECT rowid, id, source, url, published FROM documents WHERE rowid IN (`+list+`)`, args...)
		if err != nil {
			return nil, err
		}
		got := make(map[int64]docMeta, len(chunk))
		for rows.Next() {
			var r int64
			var m docMeta
			var src, url, pub sql.NullString
			if err := rows.Scan(&r, &m.id, &src, &url, &pub); err != nil {
				rows.Close()
				return nil, err
			}
			m.source, m.url, m.published = src.String, url.String, pub.String
			got[r] = m
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
		db.docMu.Lock()
		if len(db.docCache)+len(got) > docCacheSize {
			db.docCache = nil // start again rather than track use
		}
		if db.docCache == nil {
			db.docCache = make(map[int64]docMeta, len(got))
		}
		for r, m := range got {
			out[r] = m
			db.docCache[r] = m
		}
		db.docMu.Unlock()
	}
	return out, nil
}

// recordOf decodes a stored record; used by tests.
func recordOf(b json.RawMessage) (*newsgraph.Record, error) {
	var r newsgraph.Record
	err := json.Unmarshal(b, &r)
	return &r, err
}
