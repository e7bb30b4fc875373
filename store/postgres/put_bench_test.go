package postgres

import (
	"cmp"
	"context"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/newsgraph/newsgraph/internal/shared"
	"github.com/newsgraph/newsgraph/store/postgres/pgtest"
	"github.com/newsgraph/newsgraph/store/storetest"
)

// BenchmarkPut measures the writer alone, as store/sqlite's BenchmarkPut
// does: analysed PolNeAR records put in batches of 64 into a fresh schema,
// the analysis done beforehand (NEWSGRAPH_PG_BATCH=n: n a transaction).
// NEWSGRAPH_PG_TRACE=1 times each statement
// as the client sees it and prints the statements that took the most; the
// server answers a pipelined batch at its end, so the batch's time falls on
// its first statement. NEWSGRAPH_PG_TRACE=server also has the server log
// every statement's duration.
//
//	go test ./store/postgres -run '^$' -bench Put -benchtime 3x
func BenchmarkPut(b *testing.B) {
	shared.Path(b, "data/polnear")
	docs, err := storetest.PolNeARDocs()
	if err != nil || len(docs) == 0 {
		b.Skip("no PolNeAR documents:", err)
	}
	ctx := context.Background()
	tr := &stmtTracer{took: map[string]*stmtTime{}}
	batch := 64
	if n, err := strconv.Atoi(os.Getenv("NEWSGRAPH_PG_BATCH")); err == nil && n > 0 {
		batch = n // 1: as the workers put, a document per transaction
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		db, err := Open(ctx, pgtest.URL(b))
		if err != nil {
			b.Fatal(err)
		}
		if os.Getenv("NEWSGRAPH_PG_TRACE") != "" {
			db.Close()
			cfg := db.pool.Config()
			cfg.ConnConfig.Tracer = tr
			if os.Getenv("NEWSGRAPH_PG_TRACE") == "server" {
				// every statement's duration in the server's log (a
				// superuser's setting): a batch's answers come together
				cfg.ConnConfig.RuntimeParams["log_min_duration_statement"] = "0"
			}
			if db, err = openWith(ctx, cfg); err != nil {
				b.Fatal(err)
			}
		}
		b.StartTimer()
		for j := 0; j < len(docs); j += batch {
			if _, err := db.Put(ctx, docs[j:min(j+batch, len(docs))]...); err != nil {
				b.Fatal(err)
			}
		}
		b.StopTimer()
		db.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N*len(docs)), "ms/doc")
	if len(tr.took) > 0 {
		tr.report(b, b.N*len(docs))
	}
}

// stmtTracer adds up the time of each statement, by its first words.
type stmtTracer struct {
	mu   sync.Mutex
	took map[string]*stmtTime
	last map[*pgx.Conn]time.Time
}

type stmtTime struct {
	n int
	d time.Duration
}

type traceKey struct{}

func (s *stmtTracer) add(sql string, d time.Duration) {
	sql = strings.Join(strings.Fields(sql), " ")
	if len(sql) > 90 {
		sql = sql[:90]
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	t := s.took[sql]
	if t == nil {
		t = &stmtTime{}
		s.took[sql] = t
	}
	t.n++
	t.d += d
}

func (s *stmtTracer) TraceQueryStart(ctx context.Context, _ *pgx.Conn, d pgx.TraceQueryStartData) context.Context {
	return context.WithValue(ctx, traceKey{}, [2]any{d.SQL, time.Now()})
}

func (s *stmtTracer) TraceQueryEnd(ctx context.Context, _ *pgx.Conn, _ pgx.TraceQueryEndData) {
	if v, ok := ctx.Value(traceKey{}).([2]any); ok {
		s.add(v[0].(string), time.Since(v[1].(time.Time)))
	}
}

func (s *stmtTracer) TraceBatchStart(ctx context.Context, c *pgx.Conn, _ pgx.TraceBatchStartData) context.Context {
	s.mu.Lock()
	if s.last == nil {
		s.last = map[*pgx.Conn]time.Time{}
	}
	s.last[c] = time.Now()
	s.mu.Unlock()
	return ctx
}

func (s *stmtTracer) TraceBatchQuery(ctx context.Context, c *pgx.Conn, d pgx.TraceBatchQueryData) {
	s.mu.Lock()
	prev := s.last[c]
	now := time.Now()
	s.last[c] = now
	s.mu.Unlock()
	s.add(d.SQL, now.Sub(prev))
}

func (s *stmtTracer) TraceBatchEnd(context.Context, *pgx.Conn, pgx.TraceBatchEndData) {}

func (s *stmtTracer) report(b *testing.B, docs int) {
	type row struct {
		sql string
		stmtTime
	}
	var rows []row
	var total time.Duration
	for k, v := range s.took {
		rows = append(rows, row{k, *v})
		total += v.d
	}
	slices.SortFunc(rows, func(a, b row) int { return cmp.Compare(b.d, a.d) })
	var out strings.Builder
	fmt.Fprintf(&out, "statements: %.2f ms/doc in all\n", float64(total.Microseconds())/1000/float64(docs))
	for _, r := range rows[:min(len(rows), 25)] {
		fmt.Fprintf(&out, "%7.3f ms/doc %6.2f/doc  %s\n", float64(r.d.Microseconds())/1000/float64(docs), float64(r.n)/float64(docs), r.sql)
	}
	b.Log(out.String())
}
