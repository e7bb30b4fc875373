package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/merge"
	"github.com/newsgraph/newsgraph/store"
)

var _ store.Checker = (*DB)(nil)

// orphanChecks are the references between tables that must resolve: each
// query counts the rows whose reference points nowhere. The same list as
// the SQLite store's: the schemas have the same tables and columns.
var orphanChecks = []struct{ name, query string }{
	{"entities → documents", `SELECT COUNT(*) FROM entities WHERE doc NOT IN (SELECT rowid FROM documents)`},
	{"quotes → documents", `SELECT COUNT(*) FROM quotes WHERE doc NOT IN (SELECT rowid FROM documents)`},
	{"times → documents", `SELECT COUNT(*) FROM times WHERE doc NOT IN (SELECT rowid FROM documents)`},
	{"events → documents", `SELECT COUNT(*) FROM events WHERE doc NOT IN (SELECT rowid FROM documents)`},
	{"doc_bands → documents", `SELECT COUNT(*) FROM doc_bands WHERE doc NOT IN (SELECT rowid FROM documents)`},
	{"near_duplicates → documents", `SELECT COUNT(*) FROM near_duplicates WHERE doc NOT IN (SELECT rowid FROM documents) OR other NOT IN (SELECT rowid FROM documents)`},
	{"position_evidence → documents", `SELECT COUNT(*) FROM position_evidence WHERE doc NOT IN (SELECT rowid FROM documents)`},
	{"inputs → documents", `SELECT COUNT(*) FROM inputs WHERE doc_id NOT IN (SELECT id FROM documents)`},
	{"entities → actors", `SELECT COUNT(*) FROM entities WHERE actor NOT IN (SELECT id FROM actors)
		AND NOT (actor >= ` + descriptionRange + ` AND key LIKE 'description:%' AND (actor - ` + descriptionRange + `) / ` + descriptionStep + ` = doc)`},
	{"actor_keys → actors", `SELECT COUNT(*) FROM actor_keys WHERE actor NOT IN (SELECT id FROM actors)`},
	{"actor_names → actors", `SELECT COUNT(*) FROM actor_names WHERE actor NOT IN (SELECT id FROM actors)`},
	{"quotes → speakers", `SELECT COUNT(*) FROM quotes WHERE speaker IS NOT NULL AND speaker NOT IN (SELECT id FROM actors)
		AND speaker NOT IN ` + descriptionIDs + `)`},
	{"event_actors → actors", `SELECT COUNT(*) FROM event_actors WHERE actor NOT IN (SELECT id FROM actors) AND actor NOT IN ` + descriptionIDs + `)`},
	{"positions → actors", `SELECT COUNT(*) FROM positions WHERE actor NOT IN (SELECT id FROM actors) AND actor NOT IN ` + descriptionIDs + `)`},
	{"events → merged_events", `SELECT COUNT(*) FROM events WHERE merged NOT IN (SELECT id FROM merged_events)`},
	{"event_actors → merged_events", `SELECT COUNT(*) FROM event_actors WHERE merged NOT IN (SELECT id FROM merged_events)`},
	{"position_evidence → positions", `SELECT COUNT(*) FROM position_evidence WHERE position NOT IN (SELECT id FROM positions)`},
	{"merged_events without a report", `SELECT COUNT(*) FROM merged_events WHERE id NOT IN (SELECT merged FROM events)`},
	{"positions without evidence", `SELECT COUNT(*) FROM positions WHERE id NOT IN (SELECT position FROM position_evidence)`},
	{"merged_events.sources ≠ documents reporting", `SELECT COUNT(*) FROM merged_events m
		WHERE sources <> (SELECT COUNT(DISTINCT doc) FROM events WHERE merged = m.id)`},
	{"failures of inputs since stored", `SELECT COUNT(*) FROM failures WHERE input IN (SELECT input FROM inputs)`},
	{"documents without a search vector", `SELECT COUNT(*) FROM documents WHERE tsv IS NULL OR (length(tsv) = 0 AND length(record) > 200)`},
}

// The description ids (schema step 8) in SQL: the step between documents,
// and those stored.
var (
	descriptionStep = strconv.Itoa(store.DescriptionsPerDoc)
	descriptionIDs  = `(SELECT actor FROM entities WHERE actor >= ` + descriptionRange
)

// Check implements store.Checker. PostgreSQL has no whole-database check
// that a client can run cheaply (amcheck is an extension, not always
// installed), so this checks what the store promises: references between
// tables, every record valid (store.CheckRecord), and the rows derived
// from each record agreeing with it in number. The search vectors of
// quotes and names are generated columns and cannot drift.
func (db *DB) Check(ctx context.Context) (*store.CheckResult, error) {
	res := &store.CheckResult{}
	for _, c := range orphanChecks {
		res.Checks = append(res.Checks, c.name)
		var n int64
		if err := db.pool.QueryRow(ctx, c.query).Scan(&n); err != nil {
			return nil, fmt.Errorf("%s: %w", c.name, err)
		}
		if n > 0 {
			res.Add("%s: %d rows", c.name, n)
		}
	}
	res.Checks = append(res.Checks, "records valid", "derived rows per record")
	counts := map[string]map[int64]int{}
	for _, t := range []string{"entities", "quotes", "times", "events"} {
		m := map[int64]int{}
		rows, err := db.pool.Query(ctx, `SELECT doc, COUNT(*) FROM `+t+` GROUP BY doc`)
		if err != nil {
			return nil, fmt.Errorf("count %s: %w", t, err)
		}
		for rows.Next() {
			var doc, n int64
			if err := rows.Scan(&doc, &n); err != nil {
				rows.Close()
				return nil, err
			}
			m[doc] = int(n)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
		counts[t] = m
	}
	rows, err := db.pool.Query(ctx, `SELECT rowid, id, content_hash, record FROM documents ORDER BY rowid`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var rowid int64
		var id, hash, raw string
		if err := rows.Scan(&rowid, &id, &hash, &raw); err != nil {
			return nil, err
		}
		res.Documents++
		var rec newsgraph.Record
		if err := json.Unmarshal([]byte(raw), &rec); err != nil {
			res.Add("document %s: record does not parse: %v", id, err)
			continue
		}
		if rec.ID != id {
			res.Add("document %s: record has id %q", id, rec.ID)
		}
		if hash == "" {
			res.Add("document %s: no content hash", id)
		}
		if probs := store.CheckRecord(&rec); len(probs) > 0 {
			res.Add("document %s: %s", id, strings.Join(probs, "; "))
		}
		keyed := 0
		for _, k := range merge.EntityKeys(&rec) {
			if k != "" {
				keyed++
			}
		}
		for _, c := range []struct {
			table string
			want  int
		}{{"entities", keyed}, {"quotes", len(rec.Quotes)}, {"times", len(rec.Times)}, {"events", len(rec.Events)}} {
			if got := counts[c.table][rowid]; got != c.want {
				res.Add("document %s: %d %s rows, the record has %d", id, got, c.table, c.want)
			}
		}
	}
	return res, rows.Err()
}
