package queue

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/store"
	"github.com/newsgraph/newsgraph/store/postgres"
	"github.com/newsgraph/newsgraph/store/postgres/pgtest"
)

// openQueue opens a store in a fresh schema with the queue's tables.
func openQueue(t testing.TB) *postgres.DB {
	t.Helper()
	ctx := context.Background()
	db, err := postgres.Open(ctx, pgtest.URL(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if err := Migrate(ctx, db); err != nil {
		t.Fatal(err)
	}
	return db
}

// enqueue adds the items in transactions of 500.
func enqueue(t testing.TB, db *postgres.DB, items []Item) int {
	t.Helper()
	ctx := context.Background()
	client, err := NewInserter(db)
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for chunk := range slices.Chunk(items, 500) {
		tx, err := db.Pool().Begin(ctx)
		if err != nil {
			t.Fatal(err)
		}
		n, err := Enqueue(ctx, tx, client, chunk...)
		if err != nil {
			t.Fatal(err)
		}
		if err := tx.Commit(ctx); err != nil {
			t.Fatal(err)
		}
		total += n
	}
	return total
}

// waitDone waits until no job is left to do and returns the job counts.
func waitDone(t testing.TB, db *postgres.DB, timeout time.Duration) Counts {
	t.Helper()
	ctx := context.Background()
	deadline := time.Now().Add(timeout)
	for {
		c, err := JobCounts(ctx, db)
		if err != nil {
			t.Fatal(err)
		}
		if c.Pending() == 0 {
			return c
		}
		if time.Now().After(deadline) {
			t.Fatalf("jobs not done after %s: %v", timeout, c)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func TestEnqueueAndWork(t *testing.T) {
	ctx := context.Background()
	db := openQueue(t)
	items := genArticles(120)
	items = append(items, Item{Input: "empty.txt"}) // fails analysis: recorded, not retried
	if n := enqueue(t, db, items); n != len(items) {
		t.Fatalf("enqueued %d, want %d", n, len(items))
	}
	if n := enqueue(t, db, items[:10]); n != 0 {
		t.Errorf("the same inputs enqueued again: %d added, want 0", n)
	}
	client, err := NewClient(db, Config{MergeEvery: time.Second, PollEvery: -1, Analyzers: 2})
	if err != nil {
		t.Fatal(err)
	}
	if err := client.Start(ctx); err != nil {
		t.Fatal(err)
	}
	defer client.Stop(ctx)
	c := waitDone(t, db, 60*time.Second)
	if c.State("discarded") != 0 || c[KindMerge]["completed"] == 0 {
		t.Errorf("job counts = %v, want none discarded and a merge completed", c)
	}
	st, err := db.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Documents != 120 || st.Duplicates != 0 || st.Failures != 1 || st.Actors == 0 || st.MergedEvents == 0 {
		t.Errorf("stats = %+v, want 120 documents, no duplicate, 1 failure", st)
	}
	var left int
	if err := db.Pool().QueryRow(ctx, `SELECT (SELECT count(*) FROM queue_articles) + (SELECT count(*) FROM queue_analysed)`).Scan(&left); err != nil || left != 0 {
		t.Errorf("rows left in the queue's tables: %d %v", left, err)
	}
	if id, ok, err := db.Input(ctx, items[5].Input); !ok || err != nil || id == "" {
		t.Errorf("input of a stored article: %q %v %v", id, ok, err)
	}
	// an input stored already is analysed no more when enqueued again
	client2, _ := NewInserter(db)
	tx, _ := db.Pool().Begin(ctx)
	if _, err := tx.Exec(ctx, `DELETE FROM queue_articles`); err != nil {
		t.Fatal(err)
	}
	if _, err := Enqueue(ctx, tx, client2, items[:5]...); err != nil {
		t.Fatal(err)
	}
	tx.Commit(ctx)
	waitDone(t, db, 30*time.Second)
	if st2, _ := db.Stats(ctx); st2.Documents != 120 || st2.Duplicates != 0 {
		t.Errorf("after enqueueing stored inputs again: %+v", st2)
	}
}

// snapshot describes a store's cross-document merges without its ids, so
// that two stores filled in different orders can be compared: each actor by
// the keys joined into it, each merged event by its participants' keys and
// its reports, each position likewise.
type snapshot struct {
	actors, events, positions []string
	counts                    string
}

func takeSnapshot(t testing.TB, db *postgres.DB) snapshot {
	t.Helper()
	ctx := context.Background()
	q := func(sql string) []string {
		rows, err := db.Pool().Query(ctx, sql)
		if err != nil {
			t.Fatalf("%s: %v", sql, err)
		}
		defer rows.Close()
		var out []string
		for rows.Next() {
			var s string
			if err := rows.Scan(&s); err != nil {
				t.Fatal(err)
			}
			out = append(out, s)
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		slices.Sort(out)
		return out
	}
	const actorName = `(SELECT min(key) FROM actor_keys k WHERE k.actor = %s)`
	var s snapshot
	s.actors = q(`SELECT a.type || ' ' || (SELECT string_agg(key, ',' ORDER BY key) FROM actor_keys k WHERE k.actor = a.id)
		|| ' docs=' || a.docs || ' mentions=' || a.mentions FROM actors a`)
	// not the issue: a merged event keeps the issue of its first report
	s.events = q(`SELECT m.type || '|' || m.day || '|' || m.polarity || '|' || m.sources || '|' ||
			COALESCE((SELECT string_agg(` + fmt.Sprintf(actorName, "ea.actor") + ` || ':' || ea.role, ',' ORDER BY ` + fmt.Sprintf(actorName, "ea.actor") + ` || ':' || ea.role) FROM event_actors ea WHERE ea.merged = m.id), '') || '|' ||
			(SELECT string_agg(d.id || '/' || e.vid, ',' ORDER BY d.id, e.vid) FROM events e JOIN documents d ON d.rowid = e.doc WHERE e.merged = m.id)
		FROM merged_events m`)
	s.positions = q(`SELECT ` + fmt.Sprintf(actorName, "p.actor") + ` || '|' || p.issue || '|' || p.day || '|' || p.stance || '|' || p.polarity || '|' ||
			(SELECT string_agg(d.id || '/' || pe.vid, ',' ORDER BY d.id, pe.vid) FROM position_evidence pe JOIN documents d ON d.rowid = pe.doc WHERE pe.position = p.id)
		FROM positions p`)
	s.counts = strings.Join(q(`SELECT 'documents=' || count(*) || ' duplicates=' || COALESCE(sum(duplicates), 0) FROM documents
		UNION ALL SELECT 'inputs=' || count(*) FROM inputs UNION ALL SELECT 'mentions=' || COALESCE(sum(json_array_length(mentions::json)), 0) FROM entities
		UNION ALL SELECT 'quotes=' || count(*) FROM quotes UNION ALL SELECT 'events=' || count(*) FROM events
		UNION ALL SELECT 'failures=' || count(*) FROM failures`), " ")
	return s
}

// diff reports how two sorted lists differ, a few lines at most.
func diff(t testing.TB, what string, got, want []string) {
	t.Helper()
	if slices.Equal(got, want) {
		return
	}
	var lines []string
	for _, g := range got {
		if _, ok := slices.BinarySearch(want, g); !ok && len(lines) < 6 {
			lines = append(lines, "  extra:   "+g)
		}
	}
	for _, w := range want {
		if _, ok := slices.BinarySearch(got, w); !ok && len(lines) < 12 {
			lines = append(lines, "  missing: "+w)
		}
	}
	t.Errorf("%s differ from the single-writer run (%d vs %d):\n%s", what, len(got), len(want), strings.Join(lines, "\n"))
}

// reference stores, in a fresh schema, the records that db holds one by
// one in the order of items, as one writer does, then reconciles: the run
// a cluster's result is compared with. It takes the records from db rather
// than analysing again, so that what is compared is the storing and the
// merging, whatever the pipeline's version in the workers' binary.
func reference(t testing.TB, db *postgres.DB, items []Item) snapshot {
	t.Helper()
	ctx := context.Background()
	ref, err := postgres.Open(ctx, pgtest.URL(t))
	if err != nil {
		t.Fatal(err)
	}
	defer ref.Close()
	var batch []*store.Doc
	put := func() {
		if _, err := ref.Put(ctx, batch...); err != nil {
			t.Fatal(err)
		}
		batch = batch[:0]
	}
	for _, it := range items {
		id, ok, err := db.Input(ctx, it.Input)
		if err != nil || !ok {
			t.Fatalf("input %s not stored: %v", it.Input, err)
		}
		raw, err := db.Document(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		var rec newsgraph.Record
		if err := json.Unmarshal(raw, &rec); err != nil {
			t.Fatal(err)
		}
		d, err := store.Prepare(&rec, it.Article.Text, it.Input)
		if err != nil {
			t.Fatal(err)
		}
		d.JSON = raw
		if batch = append(batch, d); len(batch) == 100 {
			put() // in order, a hundred per transaction
		}
	}
	put()
	if _, err := ref.Reconcile(ctx); err != nil {
		t.Fatal(err)
	}
	return takeSnapshot(t, ref)
}

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

// binary builds the newsgraph command once per test run.
func binary(t testing.TB) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "newsgraph-bin")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "newsgraph")
		out, err := exec.Command("go", "build", "-o", binPath, "github.com/newsgraph/newsgraph/cmd/newsgraph").CombinedOutput()
		if err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binPath
}

// startWorker runs `newsgraph worker` on the store at url; its log goes to
// a file in dir.
func startWorker(t testing.TB, bin, url, dir string, i int, args ...string) *exec.Cmd {
	t.Helper()
	log, err := os.Create(filepath.Join(dir, fmt.Sprintf("worker%d.log", i)))
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, append([]string{"worker", "--db", url, "--id", fmt.Sprintf("w%d", i), "--poll", "-1s", "--status-every", "0"}, args...)...)
	cmd.Stdout, cmd.Stderr = log, log
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
			cmd.Wait()
		}
		log.Close()
	})
	return cmd
}

// TestWorkersKilledMidRun runs three worker processes on one database,
// kills one with SIGKILL while it works, and checks that every article is
// stored exactly once and that the cross-document merges are those of one
// writer storing the articles in order.
func TestWorkersKilledMidRun(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command and runs worker processes")
	}
	const n = 3000
	ctx := context.Background()
	start := time.Now()
	url := pgtest.URL(t)
	bin := binary(t)
	t.Logf("built the command in %s", time.Since(start).Round(time.Millisecond))
	db, err := postgres.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := Migrate(ctx, db); err != nil {
		t.Fatal(err)
	}
	items := genArticles(n)
	if got := enqueue(t, db, items); got != n {
		t.Fatalf("enqueued %d", got)
	}
	t.Logf("enqueued %d articles after %s", n, time.Since(start).Round(time.Millisecond))
	dir := t.TempDir()
	if d := os.Getenv("NEWSGRAPH_TEST_LOGS"); d != "" {
		dir = d // keep the workers' logs
	}
	flags := []string{"--analyzers", "1", "--storers", "2", "--merge-every", "2s", "--job-timeout", "4s", "--rescue-after", "5s"}
	var workers []*exec.Cmd
	for i := range 3 {
		workers = append(workers, startWorker(t, bin, url, dir, i, flags...))
	}
	// kill one when about a third is stored, or mid-run anyway after two
	// minutes (a loaded machine)
	for {
		st, err := db.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if st.Documents >= n/3 {
			break
		}
		if time.Since(start) > 2*time.Minute {
			if st.Documents == 0 {
				t.Fatalf("no document stored after two minutes")
			}
			t.Logf("only %d documents stored after two minutes: the kill comes now", st.Documents)
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if err := workers[0].Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	workers[0].Wait()
	t.Logf("killed worker 0 after %s", time.Since(start).Round(time.Millisecond))
	counts := waitDone(t, db, 5*time.Minute)
	t.Logf("all jobs done after %s: %v", time.Since(start).Round(time.Millisecond), counts)
	for _, w := range workers[1:] {
		w.Process.Signal(syscall.SIGTERM)
		w.Wait()
	}
	if counts.State("discarded") != 0 {
		t.Errorf("discarded jobs: %v", counts)
	}
	got := takeSnapshot(t, db)
	want := reference(t, db, items)
	t.Logf("single-writer reference done after %s", time.Since(start).Round(time.Millisecond))
	if got.counts != want.counts {
		t.Errorf("counts = %s\nwant     %s", got.counts, want.counts)
	}
	if !strings.Contains(got.counts, fmt.Sprintf("documents=%d duplicates=0", n)) {
		t.Errorf("not every article stored exactly once: %s", got.counts)
	}
	// Reconcile decides every join from the set of keys stored, so the
	// order in which workers finish changes nothing
	diff(t, "actors", got.actors, want.actors)
	diff(t, "merged events", got.events, want.events)
	diff(t, "positions", got.positions, want.positions)
	t.Logf("%d actors, %d merged events, %d positions; %s", len(got.actors), len(got.events), len(got.positions), got.counts)
}
