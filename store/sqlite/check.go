package sqlite

import (
	"context"
	"database/sql"
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
// query counts the rows whose reference points nowhere.
var orphanChecks = []struct{ name, query string }{
	{"entities → documents", `SELECT COUNT(*) FROM entities WHERE doc NOT IN (SELECT rowid FROM documents)`},
	{"quotes → documents", `SELECT COUNT(*) FROM quotes WHERE doc NOT IN (SELECT rowid FROM documents)`},
	{"times → documents", `SELECT COUNT(*) FROM times WHERE doc NOT IN (SELECT rowid FROM documents)`},
	{"events → documents", `SELECT COUNT(*) FROM events WHERE doc NOT IN (SELECT rowid FROM documents)`},
	{"document_texts ↔ documents", `SELECT (SELECT COUNT(*) FROM document_texts WHERE doc NOT IN (SELECT rowid FROM documents))
		+ (SELECT COUNT(*) FROM documents WHERE rowid NOT IN (SELECT doc FROM document_texts))`},
	{"doc_bands → documents", `SELECT COUNT(*) FROM doc_bands WHERE doc NOT IN (SELECT rowid FROM documents)`},
	{"near_duplicates → documents", `SELECT COUNT(*) FROM near_duplicates WHERE doc NOT IN (SELECT rowid FROM documents) OR other NOT IN (SELECT rowid FROM documents)`},
	{"position_evidence → documents", `SELECT COUNT(*) FROM position_evidence WHERE doc NOT IN (SELECT rowid FROM documents)`},
	{"inputs → documents", `SELECT COUNT(*) FROM inputs WHERE doc_id NOT IN (SELECT id FROM documents)`},
	{"entities → actors", `SELECT COUNT(*) FROM entities WHERE actor NOT IN (SELECT id FROM actors)
		AND NOT (actor >= ` + descriptionRange + ` AND key IS NOT NULL AND (actor - ` + descriptionRange + `) / ` + descriptionStep + ` = doc)`},
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
	{"actor_keys.docs ≠ documents naming the key", `SELECT COUNT(*) FROM actor_keys k
		LEFT JOIN (SELECT key, COUNT(DISTINCT doc) AS n FROM entities WHERE key IS NOT NULL GROUP BY key) e ON e.key = k.key
		WHERE substr(k.key, 1, 12) <> 'description:' AND k.docs <> COALESCE(e.n, 0)`},
	{"actors.quotes ≠ quotes spoken", `SELECT COUNT(*) FROM actors a WHERE quotes <> (SELECT COUNT(*) FROM quotes WHERE speaker = a.id)`},
	{"failures of inputs since stored", `SELECT COUNT(*) FROM failures WHERE input IN (SELECT input FROM inputs)`},
	{"counts of Stats ≠ rows", `SELECT COUNT(*) FROM counts c WHERE n <> CASE name
		WHEN 'documents' THEN (SELECT COUNT(*) FROM documents)
		WHEN 'duplicates' THEN (SELECT COALESCE(SUM(duplicates), 0) FROM documents)
		WHEN 'near_duplicates' THEN (SELECT COUNT(*) FROM near_duplicates)
		WHEN 'actors' THEN (SELECT COUNT(*) FROM actors)
		WHEN 'quotes' THEN (SELECT COUNT(*) FROM quotes)
		WHEN 'events' THEN (SELECT COUNT(*) FROM events)
		WHEN 'merged_events' THEN (SELECT COUNT(*) FROM merged_events)
		WHEN 'positions' THEN (SELECT COUNT(*) FROM positions)
		WHEN 'failures' THEN (SELECT COUNT(*) FROM failures)
		ELSE n END`},
}

// The description ids (schema step 10) in SQL: the first, the step between
// documents, and those stored.
var (
	descriptionRange = strconv.FormatInt(store.DescriptionBase, 10)
	descriptionStep  = strconv.Itoa(store.DescriptionsPerDoc)
	descriptionIDs   = `(SELECT actor FROM entities WHERE actor >= ` + descriptionRange
)

// ftsTables are the external-content FTS5 indexes; FTS5's integrity-check
// with rank 1 compares each with its content table.
var ftsTables = []string{"documents_fts", "quotes_fts", "actor_names_fts"}

// Check implements store.Checker: PRAGMA integrity_check, the FTS5
// indexes against their tables, references between tables, then every
// record read and validated (store.CheckRecord) with the counts of its
// entities, quotes, times and events compared with their rows.
func (db *DB) Check(ctx context.Context) (*store.CheckResult, error) {
	res := &store.CheckResult{}
	res.Checks = append(res.Checks, "PRAGMA integrity_check")
	rows, err := db.w.QueryContext(ctx, `PRAGMA integrity_check`)
	if err != nil {
		return nil, fmt.Errorf("integrity_check: %w", err)
	}
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			rows.Close()
			return nil, err
		}
		if line != "ok" {
			res.Add("integrity_check: %s", line)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if !res.OK() {
		return res, nil // the file is damaged: what follows would read garbage
	}

	for _, t := range ftsTables {
		res.Checks = append(res.Checks, t+" integrity-check")
		// a write statement that changes nothing; on the writer, inside a
		// transaction that is rolled back to be sure
		tx, err := db.w.BeginTx(ctx, nil)
		if err != nil {
			return nil, err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO `+t+`(`+t+`, rank) VALUES ('integrity-check', 1)`)
		tx.Rollback()
		if err != nil {
			res.Add("%s is out of step with its table: %v", t, err)
		}
	}

	for _, c := range orphanChecks {
		res.Checks = append(res.Checks, c.name)
		var n int
		if err := db.r.QueryRowContext(ctx, c.query).Scan(&n); err != nil {
			return nil, fmt.Errorf("%s: %w", c.name, err)
		}
		if n > 0 {
			res.Add("%s: %d rows", c.name, n)
		}
	}

	res.Checks = append(res.Checks, "records valid", "derived rows per record")
	counts := map[string]map[int64]int{}
	for _, t := range []string{"entities", "quotes", "times", "events"} {
		m, err := db.countByDoc(ctx, t)
		if err != nil {
			return nil, err
		}
		counts[t] = m
	}
	rows, err = db.r.QueryContext(ctx, `SELECT rowid, id, content_hash, record FROM documents ORDER BY rowid`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var rowid int64
		var id, hash string
		var raw sql.RawBytes
		if err := rows.Scan(&rowid, &id, &hash, &raw); err != nil {
			return nil, err
		}
		res.Documents++
		var rec newsgraph.Record
		if err := json.Unmarshal(raw, &rec); err != nil {
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
			delete(counts[c.table], rowid)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return res, nil
}

// countByDoc counts the rows of a table per document.
func (db *DB) countByDoc(ctx context.Context, table string) (map[int64]int, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT doc, COUNT(*) FROM `+table+` GROUP BY doc`)
	if err != nil {
		return nil, fmt.Errorf("count %s: %w", table, err)
	}
	defer rows.Close()
	m := map[int64]int{}
	for rows.Next() {
		var doc int64
		var n int
		if err := rows.Scan(&doc, &n); err != nil {
			return nil, err
		}
		m[doc] = n
	}
	return m, rows.Err()
}
