package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/merge"
	"github.com/newsgraph/newsgraph/store"
)

// Document implements store.Store.
func (db *DB) Document(ctx context.Context, id string) (json.RawMessage, error) {
	var rec string
	err := db.pool.QueryRow(ctx, `SELECT record FROM documents WHERE id = $1`, id).Scan(&rec)
	if errors.Is(err, pgx.ErrNoRows) {
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
	var url, title, pub *string
	err := db.pool.QueryRow(ctx, `SELECT rowid, id, url, title, published, duplicates FROM documents WHERE id = $1`, id).
		Scan(&rowid, &info.ID, &url, &title, &pub, &info.Duplicates)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, fmt.Errorf("document %q: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, err
	}
	info.URL, info.Title, info.Published = deref(url), deref(title), deref(pub)
	rows, err := db.pool.Query(ctx, `SELECT d.id, n.similarity FROM near_duplicates n JOIN documents d ON d.rowid = n.other
		WHERE n.doc = $1 ORDER BY n.similarity DESC, d.id LIMIT 100`, rowid)
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

// headline are the options of ts_headline for snippets: the matched words
// between « and », one fragment of about 16 words, as SQLite's snippet().
const headline = `StartSel=«, StopSel=», MaxWords=16, MinWords=8, ShortWord=2, MaxFragments=1, FragmentDelimiter=" … "`

// SearchDocuments implements store.Store: full-text search over titles and
// bodies, best first (ts_rank_cd, title words weigh more). The snippet is
// made for the page's rows only.
func (db *DB) SearchDocuments(ctx context.Context, q string, p store.Page) ([]store.DocumentHit, string, error) {
	off, err := store.DecodeCursor(p.Cursor)
	if err != nil {
		return nil, "", err
	}
	tq, err := tsQuery(q)
	if err != nil {
		return nil, "", err
	}
	n := p.Size()
	rows, err := db.pool.Query(ctx, `WITH q AS (SELECT to_tsquery('english', $1) AS q),
		hits AS (SELECT d.rowid, ts_rank_cd(d.tsv, q.q) AS rank FROM documents d, q WHERE d.tsv @@ q.q
			ORDER BY rank DESC, d.rowid LIMIT $2 OFFSET $3)
		SELECT d.id, d.url, d.source, d.title, d.published,
			ts_headline('english', d.record::json->>'text', q.q, '`+headline+`')
		FROM hits JOIN documents d ON d.rowid = hits.rowid, q
		ORDER BY hits.rank DESC, hits.rowid`, tq, n+1, off)
	if err != nil {
		return nil, "", err
	}
	defer rows.Close()
	out := []store.DocumentHit{}
	var ids []int64
	for rows.Next() {
		var h store.DocumentHit
		var url, src, title, pub, snip *string
		if err := rows.Scan(&h.ID, &url, &src, &title, &pub, &snip); err != nil {
			return nil, "", err
		}
		h.URL, h.Source, h.Title, h.Published, h.Snippet = deref(url), deref(src), deref(title), deref(pub), deref(snip)
		out = append(out, h)
		ids = append(ids, off+int64(len(out)))
	}
	if err := rows.Err(); err != nil {
		return nil, "", err
	}
	out, next := page(out, ids, n)
	return out, next, nil
}

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
	ids, err := db.actorIDs(ctx, `SELECT id FROM actors WHERE lower(name) = lower($1) ORDER BY docs DESC, id LIMIT 50`, s)
	if err != nil || len(ids) > 0 {
		return ids, err
	}
	return db.actorIDs(ctx, `SELECT a.id FROM actors a WHERE a.id IN (
			SELECT n.actor FROM actor_names n WHERE lower(n.name) = lower($1) AND n.kind = 'name')
		ORDER BY a.docs DESC, a.id LIMIT 50`, s)
}

// actorByKey finds the actor or the description with an actor key.
func (db *DB) actorByKey(ctx context.Context, key string) (int64, bool, error) {
	var id int64
	err := db.pool.QueryRow(ctx, `SELECT id FROM actors WHERE key = $1`, key).Scan(&id)
	if err == nil {
		return id, true, nil
	}
	if !errors.Is(err, pgx.ErrNoRows) {
		return 0, false, err
	}
	// a description's key ends with its document's id (merge.EntityKeys)
	at := strings.LastIndexByte(key, '@')
	if !strings.HasPrefix(key, merge.DescriptionPrefix) || at < 0 {
		return 0, false, nil
	}
	err = db.pool.QueryRow(ctx, `SELECT e.actor FROM documents d JOIN entities e ON e.doc = d.rowid
		WHERE d.id = $1 AND e.key = $2 LIMIT 1`, key[at+1:], key).Scan(&id)
	if errors.Is(err, pgx.ErrNoRows) {
		return 0, false, nil
	}
	return id, err == nil, err
}

// referent is a lateral subquery of the id, key, name and type of the
// actor or description that column col holds: a description's from its
// entity row, for it has no row in actors (schema step 8).
func referent(col string) string {
	return `(SELECT a.id, a.key, a.name, a.type FROM actors a WHERE a.id = ` + col + ` AND ` + col + ` < ` + descriptionRange + `
		UNION ALL (SELECT e.actor, e.key, e.name, e.type FROM entities e WHERE e.actor = ` + col + ` AND ` + col + ` >= ` + descriptionRange + ` LIMIT 1))`
}

// descriptionRange is the first description id in SQL.
var descriptionRange = strconv.FormatInt(store.DescriptionBase, 10)

func (db *DB) actorIDs(ctx context.Context, q string, args ...any) ([]int64, error) {
	rows, err := db.pool.Query(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowTo[int64])
}

// Actors implements store.Store: actors by the number of documents that
// mention them, optionally only those with a matching name or spelling.
func (db *DB) Actors(ctx context.Context, q store.ActorQuery, p store.Page) ([]store.Actor, string, error) {
	off, err := store.DecodeCursor(p.Cursor)
	if err != nil {
		return nil, "", err
	}
	n := p.Size()
	where := []string{"true"}
	var args []any
	arg := func(v any) string {
		args = append(args, v)
		return "$" + strconv.Itoa(len(args))
	}
	if q.Type != "" {
		where = append(where, "a.type = "+arg(strings.ToUpper(q.Type)))
	}
	if strings.TrimSpace(q.Q) != "" {
		tq, err := tsQuery(q.Q)
		if err != nil {
			return nil, "", err
		}
		where = append(where, `a.id IN (SELECT n.actor FROM actor_names n WHERE n.kind <> 'role' AND n.tsv @@ to_tsquery('simple', `+arg(tq)+`))`)
	}
	lim, offset := arg(n+1), arg(off)
	rows, err := db.pool.Query(ctx, `SELECT a.id, a.key, a.name, a.type, a.docs, a.mentions FROM actors a
		WHERE `+strings.Join(where, " AND ")+` ORDER BY a.docs DESC, a.id LIMIT `+lim+` OFFSET `+offset, args...)
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
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, fmt.Errorf("actor %q: %w", idOrKey, store.ErrNotFound)
	}
	if err != nil {
		return nil, err
	}
	d.ID = publicActor(id)
	d.Mentions = []store.MentionRef{}
	rows, err := db.pool.Query(ctx, `SELECT d.id, e.eid, e.mentions FROM entities e JOIN documents d ON d.rowid = e.doc
		WHERE e.actor = $1 ORDER BY e.doc, e.eid LIMIT $2`, id, store.DossierLimit)
	if err != nil {
		return nil, err
	}
	for rows.Next() && len(d.Mentions) < store.DossierLimit {
		var doc, eid, js string
		if err := rows.Scan(&doc, &eid, &js); err != nil {
			rows.Close()
			return nil, err
		}
		var ms [][4]any
		if err := json.Unmarshal([]byte(js), &ms); err != nil {
			rows.Close()
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
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	pg := store.Page{Limit: store.DossierLimit}
	pub := d.ID
	if d.Quotes, d.Next.Quotes, err = db.Quotes(ctx, store.QuoteQuery{Speaker: pub}, pg); err != nil {
		return nil, err
	}
	if d.Events, d.Next.Events, err = db.events(ctx, store.EventQuery{Actor: pub}, pg, store.DossierSources); err != nil {
		return nil, err
	}
	if d.Positions, d.Next.Positions, err = db.positions(ctx, store.PositionQuery{Actor: pub}, pg, store.DossierSources); err != nil {
		return nil, err
	}
	err = db.pool.QueryRow(ctx, `SELECT
		(SELECT count(*) FROM quotes WHERE speaker = $1),
		(SELECT count(DISTINCT merged) FROM event_actors WHERE actor = $1),
		(SELECT count(*) FROM positions WHERE actor = $1)`, id).Scan(&d.Counts.Quotes, &d.Counts.Events, &d.Counts.Positions)
	if err != nil {
		return nil, err
	}
	return d, nil
}

// actorHead fills a dossier's actor, names and roles from the actor's rows.
func (db *DB) actorHead(ctx context.Context, id int64, d *store.Dossier) error {
	err := db.pool.QueryRow(ctx, `SELECT key, name, type, docs, mentions FROM actors WHERE id = $1`, id).
		Scan(&d.Key, &d.Name, &d.Type, &d.Documents, &d.MentionCount)
	if err != nil {
		return err
	}
	d.Names, d.Roles = []store.Spelling{}, []store.Spelling{}
	rows, err := db.pool.Query(ctx, `SELECT kind, name, count FROM actor_names WHERE actor = $1 ORDER BY count DESC, name LIMIT 400`, id)
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
	var key, name, typ *string
	var eids []string
	err := db.pool.QueryRow(ctx, `SELECT count(*), min(key), min(name), min(type), count(DISTINCT doc),
			COALESCE(sum(json_array_length(mentions::json)), 0), COALESCE(array_agg(eid), '{}')
		FROM entities WHERE actor = $1`, id).Scan(&n, &key, &name, &typ, &d.Documents, &d.MentionCount, &eids)
	if err == nil && n == 0 {
		err = pgx.ErrNoRows
	}
	if err != nil {
		return err
	}
	d.Key, d.Name, d.Type = deref(key), deref(name), deref(typ)
	var raw string
	if err := db.pool.QueryRow(ctx, `SELECT record FROM documents WHERE rowid = $1`, store.DescriptionDoc(id)).Scan(&raw); err != nil {
		return err
	}
	var rec newsgraph.Record
	if err := json.Unmarshal([]byte(raw), &rec); err != nil {
		return fmt.Errorf("record of %s: %w", d.Key, err)
	}
	d.Names, d.Roles = store.DescriptionSpellings(&rec, eids)
	return nil
}

// Quotes implements store.Store, in the order stored.
func (db *DB) Quotes(ctx context.Context, q store.QuoteQuery, p store.Page) ([]store.QuoteHit, string, error) {
	after, err := store.DecodeCursor(p.Cursor)
	if err != nil {
		return nil, "", err
	}
	n := p.Size()
	where := []string{"q.id > $1"}
	args := []any{after}
	if strings.TrimSpace(q.Speaker) != "" {
		ids, err := db.resolve(ctx, q.Speaker)
		if err != nil {
			return nil, "", err
		}
		if len(ids) == 0 {
			return []store.QuoteHit{}, "", nil
		}
		args = append(args, ids)
		where = append(where, "q.speaker = ANY($"+strconv.Itoa(len(args))+")")
	}
	if strings.TrimSpace(q.Q) != "" {
		tq, err := tsQuery(q.Q)
		if err != nil {
			return nil, "", err
		}
		args = append(args, tq)
		where = append(where, "q.tsv @@ to_tsquery('english', $"+strconv.Itoa(len(args))+")")
	}
	args = append(args, n+1)
	rows, err := db.pool.Query(ctx, `SELECT q.id, d.id, q.qid, q.kind, q.text, q.start, q."end", q.cue, q.venue, d.published,
			a.id, a.key, a.name, a.type
		FROM quotes q JOIN documents d ON d.rowid = q.doc LEFT JOIN LATERAL `+referent("q.speaker")+` a ON true
		WHERE `+strings.Join(where, " AND ")+` ORDER BY q.id LIMIT $`+strconv.Itoa(len(args)), args...)
	if err != nil {
		return nil, "", err
	}
	defer rows.Close()
	out := []store.QuoteHit{}
	var ids []int64
	for rows.Next() {
		var h store.QuoteHit
		var id int64
		var cue, venue, pub, key, name, typ *string
		var aid *int64
		if err := rows.Scan(&id, &h.Document, &h.ID, &h.Kind, &h.Text, &h.Start, &h.End, &cue, &venue, &pub, &aid, &key, &name, &typ); err != nil {
			return nil, "", err
		}
		h.Cue, h.Venue, h.Published = deref(cue), deref(venue), deref(pub)
		if aid != nil {
			h.Speaker = &store.ActorRef{ID: publicActor(*aid), Key: deref(key), Name: deref(name), Type: deref(typ)}
		}
		out = append(out, h)
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		return nil, "", err
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
	where := []string{"m.id > $1"}
	args := []any{after}
	arg := func(v any) string {
		args = append(args, v)
		return "$" + strconv.Itoa(len(args))
	}
	if strings.TrimSpace(q.Actor) != "" {
		ids, err := db.resolve(ctx, q.Actor)
		if err != nil {
			return nil, "", err
		}
		if len(ids) == 0 {
			return []store.MergedEvent{}, "", nil
		}
		where = append(where, "m.id IN (SELECT merged FROM event_actors WHERE actor = ANY("+arg(ids)+"))")
	}
	if q.Type != "" {
		where = append(where, "m.type = "+arg(strings.ToUpper(q.Type)))
	}
	if q.Issue != "" {
		where = append(where, "lower(m.issue) = lower("+arg(q.Issue)+")")
	}
	if q.From != "" {
		where = append(where, "m.day >= "+arg(q.From))
	}
	if q.To != "" {
		to := arg(q.To)
		where = append(where, "left(m.day, length("+to+")) <= "+to)
	}
	lim := arg(n + 1)
	rows, err := db.pool.Query(ctx, `SELECT m.id, m.type, m.day, m.polarity, m.issue, m.sources FROM merged_events m
		WHERE `+strings.Join(where, " AND ")+` ORDER BY m.id LIMIT `+lim, args...)
	if err != nil {
		return nil, "", err
	}
	out, ids, err := scanMerged(rows)
	if err != nil {
		return nil, "", err
	}
	out, next := page(out, ids, n)
	if err := db.fillEvents(ctx, out, ids[:len(out)], sources); err != nil {
		return nil, "", err
	}
	return out, next, nil
}

func scanMerged(rows pgx.Rows) ([]store.MergedEvent, []int64, error) {
	defer rows.Close()
	out := []store.MergedEvent{}
	var ids []int64
	for rows.Next() {
		var e store.MergedEvent
		var id int64
		if err := rows.Scan(&id, &e.Type, &e.Date, &e.Polarity, &e.Issue, &e.SourceCount); err != nil {
			return nil, nil, err
		}
		e.ID = "m" + strconv.FormatInt(id, 10)
		out, ids = append(out, e), append(ids, id)
	}
	return out, ids, rows.Err()
}

// EventSources implements store.Store.
func (db *DB) EventSources(ctx context.Context, id string, p store.Page) ([]store.EventSource, string, error) {
	after, err := store.DecodeCursor(p.Cursor)
	if err != nil {
		return nil, "", err
	}
	m, ok := store.MergedEventID(id)
	var one bool
	if ok {
		if err := db.pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM merged_events WHERE id = $1)`, m).Scan(&one); err != nil {
			return nil, "", err
		}
	}
	if !one {
		return nil, "", fmt.Errorf("event %q: %w", id, store.ErrNotFound)
	}
	n := p.Size()
	rows, err := db.pool.Query(ctx, `SELECT e.id, d.id, e.vid, d.source, d.url, d.published, e.modality, e.trigger_start, e.trigger_end, e.trigger_text
		FROM events e JOIN documents d ON d.rowid = e.doc
		WHERE e.merged = $1 AND e.id > $2 ORDER BY e.id LIMIT $3`, m, after, n+1)
	if err != nil {
		return nil, "", err
	}
	defer rows.Close()
	out := []store.EventSource{}
	var ids []int64
	for rows.Next() {
		var s store.EventSource
		var rid int64
		var src, url, pub *string
		if err := rows.Scan(&rid, &s.Document, &s.Event, &src, &url, &pub, &s.Modality, &s.Trigger.Start, &s.Trigger.End, &s.Trigger.Text); err != nil {
			return nil, "", err
		}
		s.Source, s.URL, s.Published = deref(src), deref(url), deref(pub)
		out, ids = append(out, s), append(ids, rid)
	}
	if err := rows.Err(); err != nil {
		return nil, "", err
	}
	out, next := page(out, ids, n)
	return out, next, nil
}

// TopEvents returns the merged events reported by the most documents.
func (db *DB) TopEvents(ctx context.Context, n int) ([]store.MergedEvent, error) {
	rows, err := db.pool.Query(ctx, `SELECT id, type, day, polarity, issue, sources FROM merged_events ORDER BY sources DESC, id LIMIT $1`, n)
	if err != nil {
		return nil, err
	}
	out, ids, err := scanMerged(rows)
	if err != nil {
		return nil, err
	}
	return out, db.fillEvents(ctx, out, ids, store.ListSources)
}

// fillEvents loads the participants and the first sources (at most
// sources per event) of merged events.
func (db *DB) fillEvents(ctx context.Context, evs []store.MergedEvent, ids []int64, sources int) error {
	if len(evs) == 0 {
		return nil
	}
	at := make(map[int64]int, len(ids))
	for i, id := range ids {
		at[id] = i
		evs[i].Actors, evs[i].Targets, evs[i].Sources = []store.ActorRef{}, []store.ActorRef{}, []store.EventSource{}
	}
	rows, err := db.pool.Query(ctx, `SELECT ea.merged, ea.role, a.id, a.key, a.name, a.type FROM event_actors ea CROSS JOIN LATERAL `+referent("ea.actor")+` a
		WHERE ea.merged = ANY($1) ORDER BY ea.merged, ea.role, a.id`, ids)
	if err != nil {
		return err
	}
	for rows.Next() {
		var m, aid int64
		var role string
		var r store.ActorRef
		if err := rows.Scan(&m, &role, &aid, &r.Key, &r.Name, &r.Type); err != nil {
			rows.Close()
			return err
		}
		r.ID = publicActor(aid)
		e := &evs[at[m]]
		if role == "actor" {
			e.Actors = append(e.Actors, r)
		} else {
			e.Targets = append(e.Targets, r)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	rows, err = db.pool.Query(ctx, `SELECT e.merged, d.id, e.vid, d.source, d.url, d.published, e.modality, e.trigger_start, e.trigger_end, e.trigger_text
		FROM unnest($1::bigint[]) AS m(id)
		CROSS JOIN LATERAL (SELECT * FROM events WHERE events.merged = m.id ORDER BY events.id LIMIT $2) e
		JOIN documents d ON d.rowid = e.doc ORDER BY e.merged, e.id`, ids, sources)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var m int64
		var s store.EventSource
		var src, url, pub *string
		if err := rows.Scan(&m, &s.Document, &s.Event, &src, &url, &pub, &s.Modality, &s.Trigger.Start, &s.Trigger.End, &s.Trigger.Text); err != nil {
			return err
		}
		s.Source, s.URL, s.Published = deref(src), deref(url), deref(pub)
		e := &evs[at[m]]
		e.Sources = append(e.Sources, s)
	}
	return rows.Err()
}

// Positions implements store.Store, in the order first stored.
func (db *DB) Positions(ctx context.Context, q store.PositionQuery, p store.Page) ([]store.PositionRow, string, error) {
	return db.positions(ctx, q, p, store.ListSources)
}

// positions is Positions with at most evidence pieces of evidence a row.
func (db *DB) positions(ctx context.Context, q store.PositionQuery, p store.Page, evidence int) ([]store.PositionRow, string, error) {
	after, err := store.DecodeCursor(p.Cursor)
	if err != nil {
		return nil, "", err
	}
	n := p.Size()
	where := []string{"p.id > $1"}
	args := []any{after}
	arg := func(v any) string {
		args = append(args, v)
		return "$" + strconv.Itoa(len(args))
	}
	if strings.TrimSpace(q.Actor) != "" {
		ids, err := db.resolve(ctx, q.Actor)
		if err != nil {
			return nil, "", err
		}
		if len(ids) == 0 {
			return []store.PositionRow{}, "", nil
		}
		where = append(where, "p.actor = ANY("+arg(ids)+")")
	}
	if q.Issue != "" {
		where = append(where, "lower(p.issue) = lower("+arg(q.Issue)+")")
	}
	lim := arg(n + 1)
	rows, err := db.pool.Query(ctx, `SELECT p.id, p.issue, p.day, p.stance, p.polarity, a.id, a.key, a.name, a.type,
			(SELECT count(*) FROM position_evidence WHERE position = p.id)
		FROM positions p CROSS JOIN LATERAL `+referent("p.actor")+` a
		WHERE `+strings.Join(where, " AND ")+` ORDER BY p.id LIMIT `+lim, args...)
	if err != nil {
		return nil, "", err
	}
	out := []store.PositionRow{}
	var ids []int64
	for rows.Next() {
		var r store.PositionRow
		var id, aid int64
		if err := rows.Scan(&id, &r.Issue, &r.Date, &r.Stance, &r.Polarity, &aid, &r.Actor.Key, &r.Actor.Name, &r.Actor.Type, &r.EvidenceCount); err != nil {
			rows.Close()
			return nil, "", err
		}
		r.ID = "p" + strconv.FormatInt(id, 10)
		r.Actor.ID = publicActor(aid)
		r.Evidence = []store.Evidence{}
		out, ids = append(out, r), append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, "", err
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
	rows, err = db.pool.Query(ctx, `SELECT pe.position, d.id, pe.vid, pe.qid, pe.trigger_start, pe.trigger_end, pe.trigger_text,
			pe.phrase_start, pe.phrase_end, pe.phrase_text
		FROM unnest($1::bigint[]) AS p(id)
		CROSS JOIN LATERAL (SELECT * FROM position_evidence WHERE position = p.id ORDER BY doc, vid LIMIT $2) pe
		JOIN documents d ON d.rowid = pe.doc ORDER BY pe.position, pe.doc, pe.vid`, ids, evidence)
	if err != nil {
		return nil, "", err
	}
	defer rows.Close()
	for rows.Next() {
		var pid int64
		var e store.Evidence
		var qid *string
		if err := rows.Scan(&pid, &e.Document, &e.Event, &qid, &e.Trigger.Start, &e.Trigger.End, &e.Trigger.Text,
			&e.Phrase.Start, &e.Phrase.End, &e.Phrase.Text); err != nil {
			return nil, "", err
		}
		e.Quote = deref(qid)
		if e.Event == e.Quote {
			e.Event = "" // read from the quote alone
		}
		r := &out[at[pid]]
		r.Evidence = append(r.Evidence, e)
	}
	return out, next, rows.Err()
}

// PositionEvidence implements store.Store.
func (db *DB) PositionEvidence(ctx context.Context, id string, p store.Page) ([]store.Evidence, string, error) {
	off, err := store.DecodeCursor(p.Cursor)
	if err != nil {
		return nil, "", err
	}
	pid, ok := store.PositionID(id)
	var one bool
	if ok {
		if err := db.pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM positions WHERE id = $1)`, pid).Scan(&one); err != nil {
			return nil, "", err
		}
	}
	if !one {
		return nil, "", fmt.Errorf("position %q: %w", id, store.ErrNotFound)
	}
	n := p.Size()
	rows, err := db.pool.Query(ctx, `SELECT d.id, pe.vid, pe.qid, pe.trigger_start, pe.trigger_end, pe.trigger_text,
			pe.phrase_start, pe.phrase_end, pe.phrase_text
		FROM position_evidence pe JOIN documents d ON d.rowid = pe.doc
		WHERE pe.position = $1 ORDER BY pe.doc, pe.vid LIMIT $2 OFFSET $3`, pid, n+1, off)
	if err != nil {
		return nil, "", err
	}
	defer rows.Close()
	out := []store.Evidence{}
	var offs []int64
	for rows.Next() {
		var e store.Evidence
		var qid *string
		if err := rows.Scan(&e.Document, &e.Event, &qid, &e.Trigger.Start, &e.Trigger.End, &e.Trigger.Text,
			&e.Phrase.Start, &e.Phrase.End, &e.Phrase.Text); err != nil {
			return nil, "", err
		}
		e.Quote = deref(qid)
		if e.Event == e.Quote {
			e.Event = "" // read from the quote alone
		}
		out = append(out, e)
		offs = append(offs, off+int64(len(out)))
	}
	if err := rows.Err(); err != nil {
		return nil, "", err
	}
	out, next := page(out, offs, n)
	return out, next, nil
}

// ExportRecords implements store.Store. It reads in pages by rowid, so that
// no transaction stays open for the whole export.
func (db *DB) ExportRecords(ctx context.Context, fn func(json.RawMessage) error) error {
	var after int64
	for {
		rows, err := db.pool.Query(ctx, `SELECT rowid, record FROM documents WHERE rowid > $1 ORDER BY rowid LIMIT 500`, after)
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

// ExportEvents implements store.Store.
func (db *DB) ExportEvents(ctx context.Context, fn func(store.EventRow) error) error {
	var after int64
	for {
		rows, err := db.pool.Query(ctx, `SELECT e.id, e.merged, d.id, e.vid, e.type, COALESCE(e.date, ''), m.polarity, e.modality, m.issue,
				COALESCE((SELECT string_agg(a.name, '; ' ORDER BY a.id) FROM event_actors ea CROSS JOIN LATERAL `+referent("ea.actor")+` a WHERE ea.merged = e.merged AND ea.role = 'actor'), ''),
				COALESCE((SELECT string_agg(a.name, '; ' ORDER BY a.id) FROM event_actors ea CROSS JOIN LATERAL `+referent("ea.actor")+` a WHERE ea.merged = e.merged AND ea.role = 'target'), ''),
				e.trigger_text, COALESCE(d.published, ''), COALESCE(d.source, '')
			FROM events e JOIN documents d ON d.rowid = e.doc JOIN merged_events m ON m.id = e.merged
			WHERE e.id > $1 ORDER BY e.id LIMIT 1000`, after)
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

// Stats implements store.Store. The counts are exact (count(*) scans), so
// this takes seconds on a store of tens of millions of rows.
func (db *DB) Stats(ctx context.Context) (store.Stats, error) {
	var s store.Stats
	err := db.pool.QueryRow(ctx, `SELECT
		(SELECT count(*) FROM documents),
		(SELECT COALESCE(sum(duplicates), 0)::bigint FROM documents),
		(SELECT count(*) FROM near_duplicates) / 2,
		(SELECT count(*) FROM actors),
		(SELECT count(*) FROM quotes),
		(SELECT count(*) FROM events),
		(SELECT count(*) FROM merged_events),
		(SELECT count(*) FROM positions),
		(SELECT count(*) FROM failures)`).Scan(&s.Documents, &s.Duplicates, &s.NearDuplicates, &s.Actors, &s.Quotes,
		&s.Events, &s.MergedEvents, &s.Positions, &s.Failures)
	return s, err
}
