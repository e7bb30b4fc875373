// Package sqlite is the Store of newsgraph in one SQLite file: WAL journal,
// a busy timeout, schema migrations numbered in code, FTS5 indexes over
// document text, quotes and actor names. It is pure Go (modernc.org/sqlite),
// so the binary needs nothing installed.
//
// # Invariants
//   - Every document is written in one transaction with all that is derived
//     from it; a process killed at any moment leaves the file consistent and
//     every committed document whole.
//   - No SQL text is built from user strings: filters choose among fixed
//     fragments and pass values as parameters; full-text queries are
//     rebuilt from their words (ftsQuery).
//
// # Concurrency
// Writes go through one connection (SQLite has one writer); reads use a
// pool of connections that WAL lets run beside the writer. A DB is safe for
// concurrent use.
//
// # Performance
// The analysis workers prepare everything (store.Prepare); the writer only
// writes, a batch of documents per transaction (ingest uses 256), with the
// statements prepared once per batch, no RETURNING on the hot statements
// (three times the cost in this driver), mentions kept as JSON in their
// entity's row, and the full-text indexes of quotes and names filled once
// per batch. BenchmarkPut (analysed PolNeAR articles, about 4 KB and 30
// entities each): 5.6 ms a document on a 2-core machine shared with other
// heavy jobs, 11.4 ms before those changes. A file holds about 27 KB a
// document (half of it the record JSON): 10,000 news articles made 268 MB.
// Through the queue (ingest --queue, queue.go) a document costs a
// transaction of its own and River's bookkeeping shares the one write
// connection: PolNeAR went in at 68 articles/s against 136 in batches, on
// the same machine at the same time.
// Reads on that file, one client: a record 0.2 ms, a search for the
// commonest word 11 ms (ranking is bounded by store.SearchWindow), an
// actor's dossier 7 ms, events or positions of an actor 1-5 ms.
// On 100,000 articles (tools/benchcorpus: the shared news texts repeated
// as wire copy) the writer's cost per article stays flat: sketches in a
// table of their own (and kept in memory once compared), actor indexes
// without the document count, lookups remembered within a batch, Stats
// from counts kept by triggers, and no actor rows for descriptions
// ("officials": nine of ten entities of news, each its document's own;
// schema step 10), which halved the writer's statements. The 100k ingest
// took 9 min 54 s on 2 cores shared with other jobs (12 min 41 s before,
// quiet); the file is 3.3 GB. A dossier of the most named actor (22,117
// documents) is 250 KB of JSON, 14 ms at the median with one client; the
// search of actors by a common surname 2 ms (README).
package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"runtime"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"modernc.org/sqlite" // the database/sql driver "sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/newsgraph/newsgraph/store"
)

// DB is a Store in one SQLite file.
type DB struct {
	w    *sql.DB // one connection: the writer
	r    *sql.DB // readers
	path string

	docMu    sync.Mutex
	docCache map[int64]docMeta // what docMetas has read

	sketches sketchCache // what the writer compared new documents with
}

var _ store.Store = (*DB)(nil)

// Open opens (creating if needed) the store at path and brings its schema
// up to date.
func Open(ctx context.Context, path string) (*DB, error) {
	if path == "" {
		return nil, errors.New("sqlite: empty path")
	}
	q := url.Values{}
	for _, p := range []string{"busy_timeout(10000)", "journal_mode(WAL)", "synchronous(NORMAL)", "foreign_keys(OFF)", "cache_size(-65536)"} {
		q.Add("_pragma", p)
	}
	// the writer: a larger page cache (the indexes it updates are spread
	// over the whole file) and a checkpoint every 32 MB of WAL instead of
	// 4 MB (a page written by many transactions reaches the file once)
	wq := url.Values{"_pragma": append(append([]string{}, q["_pragma"]...), "cache_size(-196608)", "wal_autocheckpoint(8192)")}
	w, err := sql.Open("sqlite", path+"?"+wq.Encode()+"&_txlock=immediate")
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	w.SetMaxOpenConns(1)
	w.SetConnMaxIdleTime(0)
	db := &DB{w: w, path: path}
	if err := db.migrate(ctx); err != nil {
		w.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	q.Add("_pragma", "query_only(1)")
	r, err := sql.Open("sqlite", path+"?"+q.Encode())
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	n := max(4, runtime.GOMAXPROCS(0)*2)
	r.SetMaxOpenConns(n)
	r.SetMaxIdleConns(n)
	db.r = r
	return db, nil
}

// Close closes the connections; the WAL is checkpointed by the last one.
func (db *DB) Close() error {
	err := db.r.Close()
	if e := db.w.Close(); err == nil {
		err = e
	}
	return err
}

// migrate applies the steps of migrations that schema_migrations does not
// list yet, each in its own transaction. Each step reads the version inside
// its (immediate, so write-locked) transaction: two processes opening a new
// file at once apply every step once, the second finding it done. SQLite
// answers "busy" without waiting in a few cases its busy timeout does not
// cover (a connection switching a new file to WAL, a snapshot gone stale
// between its read and its write), so a busy step is tried again, for as
// long as the busy timeout would have waited.
func (db *DB) migrate(ctx context.Context) error {
	deadline := time.Now().Add(busyWait)
	for pause := time.Millisecond; ; {
		done, err := db.migrateStep(ctx)
		switch {
		case err == nil && done:
			return nil
		case err == nil:
			continue
		case !isBusy(err) || time.Now().After(deadline):
			return err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(pause):
		}
		pause = min(2*pause, 100*time.Millisecond)
	}
}

// busyWait is how long a writer waits for another one (busy_timeout).
const busyWait = 10 * time.Second

// isBusy reports whether err is SQLite's SQLITE_BUSY or SQLITE_LOCKED (any
// extended code).
func isBusy(err error) bool {
	var e *sqlite.Error
	if !errors.As(err, &e) {
		return false
	}
	code := e.Code() & 0xff
	return code == sqlite3.SQLITE_BUSY || code == sqlite3.SQLITE_LOCKED
}

// migrateStep applies the next step, if any, and reports whether none was left.
func (db *DB) migrateStep(ctx context.Context) (done bool, err error) {
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return false, fmt.Errorf("migrate: %w", err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)`); err != nil {
		return false, fmt.Errorf("migrate: %w", err)
	}
	var have int
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&have); err != nil {
		return false, fmt.Errorf("migrate: %w", err)
	}
	if have > len(migrations) {
		return false, fmt.Errorf("migrate: the file has schema version %d, newer than this program's %d", have, len(migrations))
	}
	if have == len(migrations) {
		return true, nil
	}
	v := have + 1
	if _, err := tx.ExecContext(ctx, migrations[v-1]); err != nil {
		return false, fmt.Errorf("migrate %d: %w", v, err)
	}
	if v == keysStep {
		if err := backfillKeys(ctx, tx); err != nil {
			return false, fmt.Errorf("migrate %d: %w", v, err)
		}
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)`, v, now()); err != nil {
		return false, fmt.Errorf("migrate %d: %w", v, err)
	}
	if err := tx.Commit(); err != nil {
		return false, fmt.Errorf("migrate %d: %w", v, err)
	}
	return false, nil
}

// SchemaVersion is the number of migration steps applied.
func (db *DB) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	err := db.r.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&v)
	return v, err
}

// IntegrityCheck runs PRAGMA integrity_check and returns its first line
// ("ok" when the file is sound).
func (db *DB) IntegrityCheck(ctx context.Context) (string, error) {
	var s string
	err := db.w.QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&s)
	return s, err
}

func now() string { return time.Now().UTC().Format(time.RFC3339) }

// Input implements store.Store.
func (db *DB) Input(ctx context.Context, input string) (string, bool, error) {
	var id string
	err := db.r.QueryRowContext(ctx, `SELECT doc_id FROM inputs WHERE input = ?`, input).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	return id, err == nil, err
}

// ContentDoc implements store.Store.
func (db *DB) ContentDoc(ctx context.Context, hash string) (string, bool, error) {
	var id string
	err := db.r.QueryRowContext(ctx, `SELECT id FROM documents WHERE content_hash = ?`, hash).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	return id, err == nil, err
}

// Fail implements store.Store.
func (db *DB) Fail(ctx context.Context, input, reason string) error {
	_, err := db.w.ExecContext(ctx, `INSERT INTO failures (input, reason, attempts, at) VALUES (?, ?, 1, ?)
		ON CONFLICT (input) DO UPDATE SET reason = excluded.reason, attempts = attempts + 1, at = excluded.at`,
		input, reason, now())
	if err != nil {
		return fmt.Errorf("record failure of %s: %w", input, err)
	}
	return nil
}

// Failures implements store.Store.
func (db *DB) Failures(ctx context.Context, p store.Page) ([]store.Failure, string, error) {
	after, err := store.DecodeCursor(p.Cursor)
	if err != nil {
		return nil, "", err
	}
	n := p.Size()
	rows, err := db.r.QueryContext(ctx, `SELECT rowid, input, reason, attempts, at FROM failures WHERE rowid > ? ORDER BY rowid LIMIT ?`, after, n+1)
	if err != nil {
		return nil, "", err
	}
	defer rows.Close()
	var out []store.Failure
	var ids []int64
	for rows.Next() {
		var f store.Failure
		var id int64
		if err := rows.Scan(&id, &f.Input, &f.Reason, &f.Attempts, &f.At); err != nil {
			return nil, "", err
		}
		out, ids = append(out, f), append(ids, id)
	}
	if err := rows.Err(); err != nil {
		return nil, "", err
	}
	out, next := page(out, ids, n)
	return out, next, nil
}

// page trims the one extra row fetched to learn whether a next page exists,
// and returns the cursor after the last row kept (ids[i] is row i's keyset
// id or offset).
func page[T any](out []T, ids []int64, n int) ([]T, string) {
	if len(out) <= n {
		return out, ""
	}
	return out[:n], store.EncodeCursor(ids[n-1])
}

// ftsQuery rebuilds a user's search as an FTS5 query of quoted words (all
// must match), so that no FTS5 syntax from the user reaches the engine: a
// word is a run of letters, digits and marks (what the unicode61 tokenizer
// indexes), everything else separates words. A word typed with a final *
// matches as a prefix.
func ftsQuery(q string) (string, error) {
	var terms []string
	var b strings.Builder
	end := func(prefix bool) {
		if b.Len() == 0 || len(terms) >= 32 {
			b.Reset()
			return
		}
		t := `"` + b.String() + `"`
		if prefix {
			t += "*"
		}
		terms = append(terms, t)
		b.Reset()
	}
	for _, r := range q {
		switch {
		case r == utf8.RuneError:
			end(false)
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
			b.WriteRune(r)
		case r == '*':
			end(true)
		default:
			end(false)
		}
	}
	end(false)
	if len(terms) == 0 {
		return "", fmt.Errorf("%w: no words to search for in %q", store.ErrBadQuery, q)
	}
	return strings.Join(terms, " "), nil
}
