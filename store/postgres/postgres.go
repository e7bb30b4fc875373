// Package postgres is the Store of newsgraph in one PostgreSQL database (or
// one schema of it), for many writers and readers on many machines: the
// same Store interface, the same conformance suite (store/storetest) and the
// same numbered schema steps as store/sqlite, with PostgreSQL's full-text
// search (tsvector columns, GIN indexes) where SQLite has FTS5.
//
// Open takes a URL (postgres://user@host:5432/db?sslmode=disable); any
// parameter pgx does not know is a session setting, so
// "&search_path=newsgraph" puts the store in its own schema.
//
// # Invariants
//   - Every document is written in one transaction with all that is derived
//     from it; a writer killed at any moment leaves every committed document
//     whole and nothing of the others.
//   - Writes are idempotent: a document is found again by id, URL or content
//     hash, and every insert of a derived row is ON CONFLICT-guarded, so a
//     retried write stores nothing twice (it counts a duplicate, as SQLite
//     does). PutTx lets a job queue complete its job in the same
//     transaction, so that a retried job does not even count one.
//   - A write (Put, Fail, Reconcile) whose connection is lost — the server
//     ended it, is restarting, the network dropped it — runs again on a new
//     connection for up to a minute (whileLost): a transaction that failed
//     so committed nothing, and one whose COMMIT's answer was lost is found
//     stored when run again.
//   - No SQL text is built from user strings: filters choose among fixed
//     fragments and pass values as parameters; full-text queries are
//     rebuilt from their words (tsQuery) and parsed by to_tsquery.
//   - A Put commits without waiting for its WAL to reach the disk
//     (synchronous_commit off for its transaction): a crash of the server
//     may lose the last fraction of a second of transactions, each whole,
//     together with the queue job or input record that marked it done, so
//     the queue or the next ingest stores it again.
//   - Reconcile leaves the actors, merged events and positions that the set
//     of stored documents gives, whatever order they came in (merge.Plan);
//     Put's own joins are provisional.
//
// # Concurrency
// A DB is safe for concurrent use, and any number of processes may write
// to one database at once. Writers do not serialise on the whole store:
// each Put takes, in one sorted order, transaction-scoped advisory locks on
// the compact keys of its actors (so that two spellings of one new actor
// cannot both create it) and then updates shared counter rows (actors,
// names, merged events, positions) in sorted order, so that two writers
// cannot deadlock; a deadlock or serialisation failure that happens anyway
// (documents batched into one Put) is retried. Reconcile takes an exclusive
// lock that every Put takes shared: it runs alone, and writers wait for it.
// Advisory lock ids are hashed with the schema's name, so stores in two
// schemas of one database do not block each other.
//
// # Indexes
// Which query uses which index, so that each stays an index lookup at tens
// of millions of rows:
//   - Put: documents' unique indexes on id, url and content_hash (duplicates);
//     doc_bands' primary key (near-duplicate candidates, 64 per band);
//     actor_keys' primary key, actors_by_compact and actors_by_surname
//     (actor resolution); the unique indexes behind every ON CONFLICT.
//   - Input, ContentDoc, Document, DocumentInfo: inputs' primary key,
//     documents' unique indexes, near_duplicates' primary key.
//   - SearchDocuments: documents_tsv (GIN); ranking (ts_rank_cd) reads the
//     matching rows' tsvectors, so a query matching millions of documents is
//     as slow as that: the cost grows with the matches, not the store.
//   - Actors: actors_by_docs or actors_by_type; a name search goes through
//     actor_names_tsv (GIN). Dossier and resolve: actors' key index,
//     actor_names_by_name (lower(name)), mentions' and entities' indexes
//     that lead with the actor. A description (schema step 8) has no actor
//     row: its key (…@document) is found through documents' id index and
//     entities' primary key, its name in a list of quotes, events or
//     positions through entities_by_actor (referent).
//   - Quotes: the primary key in id order, quotes_by_speaker for a speaker,
//     quotes_tsv (GIN) for words.
//   - Events: the primary key, merged_events_by_type, _by_issue, _by_day,
//     event_actors_by_actor for an actor; events_by_merged fills sources.
//   - Positions: positions' unique index (it leads with the actor),
//     positions_by_issue; position_evidence's primary key.
//   - Exports page by primary key (keyset), never holding one snapshot open.
//
// Tables are not partitioned: every hot query is an index lookup by a key
// that is not time, so partitions by date would add a probe per partition
// to each lookup and win only bulk deletion of old documents, which nothing
// does. Stats counts rows exactly (count(*)), which takes seconds at tens
// of millions; it is for the command line, not for a page per request.
//
// # Performance
// A Put is a few round trips whatever the document's size: derived rows go
// in pipelined batches (pgx.Batch), lookups that need an answer are made
// for all of a document's keys at once, new actors made in one statement. Callers that store many documents
// from one process batch them into one Put, which shares the transaction.
// 1,500 generated articles of about 700 bytes put one by one over one
// connection took 6.3 s (4.2 ms each) on a loaded 2-core machine; see
// queue's BenchmarkWorkers for the whole path with worker processes.
package postgres

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"net"
	"strings"
	"sync/atomic"
	"syscall"
	"time"
	"unicode"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/newsgraph/newsgraph/store"
)

// DB is a Store in a PostgreSQL database.
type DB struct {
	pool   *pgxpool.Pool
	schema string // the schema the store lives in (current_schema())
	// reconcileLock is the advisory lock that Reconcile takes exclusive and
	// Put shared.
	reconcileLock int64
	// down is set when a write gave up waiting for a lost connection
	// (whileLost), and cleared by the next write that succeeds.
	down atomic.Bool
	// stored counts the documents this handle has written; when it passes
	// nextAnalyze (which then doubles), analyze brings the planner's
	// statistics up to date in the background (analyzing: one at a time)
	stored, nextAnalyze atomic.Int64
	analyzing           atomic.Bool
}

// firstAnalyze is the number of documents written after which the tables'
// statistics are first brought up to date.
const firstAnalyze = 1000

// wrote counts n documents written and starts analyze when they pass the
// next threshold: 1,000, 2,000, 4,000 … The plans of the prepared
// statements are made from the statistics; a store filled from empty while
// autovacuum is off or behind would go on with the plans made for empty
// tables (a sequential scan of the actors for every lookup).
func (db *DB) wrote(n int) {
	next := db.nextAnalyze.Load()
	if next == 0 {
		db.nextAnalyze.CompareAndSwap(0, firstAnalyze)
		next = firstAnalyze
	}
	if db.stored.Add(int64(n)) < next || !db.nextAnalyze.CompareAndSwap(next, 2*next) {
		return
	}
	if db.analyzing.CompareAndSwap(false, true) {
		go func() {
			defer db.analyzing.Store(false)
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
			defer cancel()
			db.analyze(ctx)
		}()
	}
}

// analyze runs ANALYZE on the store's tables that have changed by more
// than a fifth since their statistics were taken. Errors are ignored: the
// statistics only guide the planner.
func (db *DB) analyze(ctx context.Context) {
	rows, err := db.pool.Query(ctx, `SELECT relname FROM pg_stat_user_tables
		WHERE schemaname = current_schema() AND n_mod_since_analyze > 1000 + n_live_tup / 5`)
	if err != nil {
		return
	}
	tables, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return
	}
	for _, t := range tables {
		if _, err := db.pool.Exec(ctx, `ANALYZE `+pgx.Identifier{t}.Sanitize()); err != nil {
			return
		}
	}
}

var _ store.Store = (*DB)(nil)

// IsURL reports whether s names a PostgreSQL database rather than a file.
func IsURL(s string) bool {
	return strings.HasPrefix(s, "postgres://") || strings.HasPrefix(s, "postgresql://")
}

// Open connects to the database at url and brings the store's schema up to
// date (creating the schema named by search_path if it does not exist).
func Open(ctx context.Context, url string) (*DB, error) {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("postgres: %w", err)
	}
	if cfg.MaxConns < 8 {
		cfg.MaxConns = 8
	}
	if sp := cfg.ConnConfig.RuntimeParams["search_path"]; sp != "" {
		// the first schema of the path is where the tables go; make it
		// exist before any connection relies on it
		first := strings.TrimSpace(strings.Split(sp, ",")[0])
		if err := createSchema(ctx, cfg.ConnConfig, first); err != nil {
			return nil, err
		}
	}
	return openWith(ctx, cfg)
}

// openWith opens the store with a parsed pool configuration whose schema
// exists.
func openWith(ctx context.Context, cfg *pgxpool.Config) (*DB, error) {
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("postgres: %w", err)
	}
	db := &DB{pool: pool}
	if err := pool.QueryRow(ctx, `SELECT current_schema()`).Scan(&db.schema); err != nil {
		pool.Close()
		return nil, fmt.Errorf("postgres: connect %s: %w", redact(cfg.ConnString()), err)
	}
	db.reconcileLock = db.LockID("reconcile")
	// a connection lost while migrating (the server restarting, or ending
	// connections) migrates again: each step is one transaction
	if err := db.whileLost(ctx, func() error { return db.Migrate(ctx) }); err != nil {
		pool.Close()
		return nil, err
	}
	return db, nil
}

// createSchema makes the schema a search_path names, over a connection of
// its own (the pool's connections would fail to set a path that names a
// missing schema only silently).
func createSchema(ctx context.Context, cc *pgx.ConnConfig, schema string) error {
	if schema == "" || schema == "$user" || schema == "public" {
		return nil
	}
	c := cc.Copy()
	delete(c.RuntimeParams, "search_path")
	conn, err := pgx.ConnectConfig(ctx, c)
	if err != nil {
		return fmt.Errorf("postgres: connect: %w", err)
	}
	defer conn.Close(ctx)
	_, err = conn.Exec(ctx, `CREATE SCHEMA IF NOT EXISTS `+pgx.Identifier{strings.Trim(schema, `"`)}.Sanitize())
	if err != nil {
		var pe *pgconn.PgError
		if errors.As(err, &pe) && pe.Code == "23505" { // created by another process at the same moment
			return nil
		}
		return fmt.Errorf("postgres: create schema %s: %w", schema, err)
	}
	return nil
}

// redact drops the password from a URL for error messages.
func redact(url string) string {
	if i := strings.Index(url, "://"); i >= 0 {
		if at := strings.IndexByte(url[i+3:], '@'); at >= 0 {
			cred := url[i+3 : i+3+at]
			if c := strings.IndexByte(cred, ':'); c >= 0 {
				return url[:i+3] + cred[:c] + ":***" + url[i+3+at:]
			}
		}
	}
	return url
}

// Pool is the connection pool, for a job queue that shares the database.
func (db *DB) Pool() *pgxpool.Pool { return db.pool }

// Schema is the schema the store's tables are in.
func (db *DB) Schema() string { return db.schema }

// Close closes the pool.
func (db *DB) Close() error {
	db.pool.Close()
	return nil
}

// LockID is the advisory lock id of name in this store's schema.
func (db *DB) LockID(name string) int64 {
	h := fnv.New64a()
	h.Write([]byte(db.schema))
	h.Write([]byte{0})
	h.Write([]byte(name))
	return int64(h.Sum64())
}

// Migrate applies the steps of migrations that schema_migrations does not
// list yet, in one transaction under an advisory lock, so that many
// processes starting at once migrate once.
func (db *DB) Migrate(ctx context.Context) error {
	tx, err := db.pool.Begin(ctx)
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, db.LockID("migrate")); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	var have int
	if err := tx.QueryRow(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&have); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	if have > len(migrations) {
		return fmt.Errorf("migrate: the database has schema version %d, newer than this program's %d", have, len(migrations))
	}
	for v := have + 1; v <= len(migrations); v++ {
		if _, err := tx.Exec(ctx, migrations[v-1]); err != nil {
			return fmt.Errorf("migrate %d: %w", v, err)
		}
		if v == keysStep {
			if err := backfillKeys(ctx, tx); err != nil {
				return fmt.Errorf("migrate %d: %w", v, err)
			}
		}
		if _, err := tx.Exec(ctx, `INSERT INTO schema_migrations (version) VALUES ($1)`, v); err != nil {
			return fmt.Errorf("migrate %d: %w", v, err)
		}
	}
	if err := tx.Commit(ctx); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	return nil
}

// SchemaVersion is the number of migration steps applied.
func (db *DB) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	err := db.pool.QueryRow(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&v)
	return v, err
}

func now() string { return time.Now().UTC().Format(time.RFC3339) }

// Input implements store.Store.
func (db *DB) Input(ctx context.Context, input string) (string, bool, error) {
	var id string
	err := db.pool.QueryRow(ctx, `SELECT doc_id FROM inputs WHERE input = $1`, input).Scan(&id)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", false, nil
	}
	return id, err == nil, err
}

// ContentDoc implements store.Store.
func (db *DB) ContentDoc(ctx context.Context, hash string) (string, bool, error) {
	var id string
	err := db.pool.QueryRow(ctx, `SELECT id FROM documents WHERE content_hash = $1`, hash).Scan(&id)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", false, nil
	}
	return id, err == nil, err
}

// Fail implements store.Store.
func (db *DB) Fail(ctx context.Context, input, reason string) error {
	return db.whileLost(ctx, func() error { return db.fail(ctx, db.pool, input, reason) })
}

// FailTx records a failure inside the caller's transaction, so that a job
// queue can complete the job that found it in the same commit.
func (db *DB) FailTx(ctx context.Context, tx pgx.Tx, input, reason string) error {
	return db.fail(ctx, tx, input, reason)
}

func (db *DB) fail(ctx context.Context, q interface {
	Exec(context.Context, string, ...any) (pgconn.CommandTag, error)
}, input, reason string) error {
	_, err := q.Exec(ctx, `INSERT INTO failures (input, reason, attempts, at) VALUES ($1, $2, 1, $3)
		ON CONFLICT (input) DO UPDATE SET reason = excluded.reason, attempts = failures.attempts + 1, at = excluded.at`,
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
	rows, err := db.pool.Query(ctx, `SELECT rowid, input, reason, attempts, at FROM failures WHERE rowid > $1 ORDER BY rowid LIMIT $2`, after, n+1)
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

// tsQuery rebuilds a user's search as a to_tsquery text of quoted words that
// must all match, so that no tsquery syntax (| ! <-> : parentheses) from the
// user reaches the parser: every character that is not a letter or a digit
// separates words. A word ending in * matches as a prefix.
func tsQuery(q string) (string, error) {
	var terms []string
	for _, f := range strings.Fields(q) {
		prefix := strings.HasSuffix(f, "*")
		words := strings.FieldsFunc(f, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r) })
		for i, w := range words {
			t := "'" + w + "'"
			if prefix && i == len(words)-1 {
				t += ":*"
			}
			terms = append(terms, t)
		}
		if len(terms) > 32 {
			break
		}
	}
	if len(terms) == 0 {
		return "", fmt.Errorf("%w: no words to search for in %q", store.ErrBadQuery, q)
	}
	return strings.Join(terms, " & "), nil
}

// reconnectFor is how long a write goes on trying while the connection to
// the server is lost: long enough for a server's restart or a failover.
const reconnectFor = time.Minute

// whileLost runs fn, one transaction, again while it fails because the
// connection was lost (connLost), for up to reconnectFor, waiting a little
// longer each time; the pool drops a dead connection and dials anew. Without
// it a dropped connection would fail the write, and ingest would record a
// good input as failed (or fail to record even that, on the same dead
// connection). Once a write has waited the whole reconnectFor in vain, the
// next ones try once each until one succeeds, so that a caller going
// through a batch one document at a time does not wait a minute for each.
func (db *DB) whileLost(ctx context.Context, fn func() error) error {
	start := time.Now()
	for try := 0; ; try++ {
		err := fn()
		if err == nil {
			db.down.Store(false)
			return nil
		}
		if !connLost(err) || ctx.Err() != nil || db.down.Load() {
			return err
		}
		if time.Since(start) > reconnectFor {
			db.down.Store(true)
			return err
		}
		select {
		case <-ctx.Done():
			return err
		case <-time.After(min(10*time.Millisecond<<min(try, 8), 2*time.Second)):
		}
	}
}

// connLost reports whether err says that the connection is gone — the
// server ended it (pg_terminate_backend, a shutdown), is starting up, or the
// network dropped it — rather than anything about the statements. A
// transaction that fails so did not commit; or, when what was lost is the
// answer to its COMMIT, it did, and running it again finds its documents
// stored (counted as duplicates, as a retried write is).
func connLost(err error) bool {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return false // the caller's doing (context.DeadlineExceeded is a net.Error too)
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		// connection exceptions; admin_shutdown, crash_shutdown,
		// cannot_connect_now
		return strings.HasPrefix(pe.Code, "08") || pe.Code == "57P01" || pe.Code == "57P02" || pe.Code == "57P03"
	}
	var ne net.Error
	return pgconn.SafeToRetry(err) || errors.Is(err, pgconn.ErrConnClosed) || errors.As(err, &ne) ||
		errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) ||
		errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.EPIPE)
}

// retryable reports whether a transaction failed only because of another
// one (deadlock, serialisation) and may simply run again.
func retryable(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && (pe.Code == "40P01" || pe.Code == "40001")
}
