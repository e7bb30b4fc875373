package main

// Faults of the PostgreSQL store and its job queue, with the built command
// in separate processes: ingest (analysis in the ingest process) killed
// with SIGKILL at random moments, or its connections ended by the server;
// ingest --enqueue killed after its first batch, then worker processes
// killed at random while they work the queue; the server ending every
// connection of the workers (pg_terminate_backend); and, only when asked,
// the server restarted under ingest and under the workers. Each ends with
// `newsgraph check` passing, every input stored exactly once or recorded as
// failed, the queue empty, and the statistics of a run without faults
// (verifyPostgresStore, compareStats). TestPostgresIngestKilledBeforeReconcile
// sets up the one moment a random kill rarely hits: after ingest's last
// commit, before its merge step.
//
// The restart tests stop the whole server, which breaks the connections of
// every other client of it (other tests on the machine); they run only with
// NEWSGRAPH_PG_RESTART_TEST=1, as root, on a cluster that pg_ctlcluster
// manages:
//
//	NEWSGRAPH_PG_RESTART_TEST=1 go test -v -run PostgresRestart ./cmd/newsgraph
//
// The others run by default, each within 90 s, and skip without a server
// (pgtest) and under -short (they build the command). NEWSGRAPH_TEST_LOGS=DIR
// keeps the workers' logs.

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/pipeline"
	"github.com/newsgraph/newsgraph/queue"
	"github.com/newsgraph/newsgraph/store"
	"github.com/newsgraph/newsgraph/store/postgres"
	"github.com/newsgraph/newsgraph/store/postgres/pgtest"
)

// pgFaultURL is a fresh schema's URL for the test, with an application_name
// of its own, so that pg_terminate_backend can pick out the connections
// of this test's processes and no other's.
func pgFaultURL(t *testing.T) (url, app string) {
	t.Helper()
	url = pgtest.URL(t) // skips without a server
	schema := url[strings.LastIndex(url, "search_path=")+len("search_path="):]
	if i := strings.IndexByte(schema, '&'); i >= 0 {
		schema = schema[:i]
	}
	app = "ngfault_" + schema
	if len(app) > 63 {
		app = app[:63]
	}
	return url + "&application_name=" + app, app
}

// verifyPostgresStore runs `newsgraph check` on the store and checks that
// every input is stored exactly once or recorded as failed, that stored is
// want documents with no duplicate count, that the binary input is the one
// failure, and that the queue (when there is one) has nothing left.
func verifyPostgresStore(t *testing.T, bin, url string, inputs []string, want int) store.Stats {
	t.Helper()
	out, err := exec.Command(bin, "check", "--db", url).CombinedOutput()
	if err != nil {
		t.Errorf("check: %v\n%s", err, out)
	} else {
		t.Logf("check: %s", bytes.ReplaceAll(bytes.TrimSpace(out), []byte("\n"), []byte("; ")))
	}
	ctx := context.Background()
	db, err := postgres.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	failed := map[string]bool{}
	fs, _, err := db.Failures(ctx, store.Page{Limit: store.MaxLimit})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fs {
		failed[f.Input] = true
		if !strings.HasSuffix(f.Input, "zz-binary.txt") {
			t.Errorf("failure recorded for a good input: %s: %s", f.Input, f.Reason)
		}
	}
	docs := map[string]string{}
	stored := 0
	for _, p := range inputs {
		id, ok, err := db.Input(ctx, p)
		switch {
		case err != nil:
			t.Fatal(err)
		case ok && failed[p]:
			t.Errorf("%s both stored and failed", p)
		case !ok && !failed[p]:
			t.Errorf("%s neither stored nor recorded as failed", p)
		case ok:
			stored++
			if other, dup := docs[id]; dup {
				t.Errorf("%s and %s gave one document %s", p, other, id)
			}
			docs[id] = p
		}
	}
	st, err := db.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Documents != want || stored != want || len(failed) != 1 || st.Duplicates != 0 {
		t.Errorf("stats %+v, inputs stored %d, failures %d: want %d documents stored once and the binary file failed",
			st, stored, len(failed), want)
	}
	var hasQueue bool
	if err := db.Pool().QueryRow(ctx, `SELECT to_regclass('queue_articles') IS NOT NULL`).Scan(&hasQueue); err != nil {
		t.Fatal(err)
	}
	if hasQueue {
		var left int
		if err := db.Pool().QueryRow(ctx, `SELECT (SELECT count(*) FROM queue_articles) + (SELECT count(*) FROM queue_analysed)`).Scan(&left); err != nil {
			t.Fatal(err)
		}
		counts, err := queue.JobCounts(ctx, db)
		if err != nil {
			t.Fatal(err)
		}
		if left != 0 || counts.Pending() != 0 || counts.State("discarded") != 0 {
			t.Errorf("queue not finished cleanly: %d articles left in its tables, jobs %v", left, counts)
		}
		// how many jobs the faults reached: run more than once, or failed once
		var again, errored int
		if err := db.Pool().QueryRow(ctx, `SELECT count(*) FILTER (WHERE attempt > 1),
			count(*) FILTER (WHERE cardinality(errors) > 0) FROM river_job`).Scan(&again, &errored); err != nil {
			t.Fatal(err)
		}
		t.Logf("jobs: %v; %d run more than once, %d with an error", counts, again, errored)
	}
	t.Logf("stats: %+v", st)
	return st
}

// referenceStats ingests the folder in into a fresh schema with no fault
// (ingest, one process) and returns its statistics, which a run with faults
// must end with too: the same actors, merged events and positions.
func referenceStats(t *testing.T, bin, in string) store.Stats {
	t.Helper()
	url := pgtest.URL(t)
	out, err := exec.Command(bin, "ingest", "--quiet", "--db", url, in).CombinedOutput()
	if ee, ok := err.(*exec.ExitError); err != nil && (!ok || ee.ExitCode() != 1) {
		t.Fatalf("reference ingest: %v\n%s", err, out)
	}
	db := openPG(t, url)
	st, err := db.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// compareStats fails the test when a run's statistics are not the
// reference's: what was stored and what merging derives across documents
// (actors, merged events, positions, near-duplicate links) must be the
// same, whatever order the writers finished in.
func compareStats(t *testing.T, got, want store.Stats) {
	t.Helper()
	if got != want {
		t.Errorf("stats after the faults differ from a run without:\ngot  %+v\nwant %+v", got, want)
	}
}

// TestPostgresIngestKilledAtRandom kills `ingest --db postgres://…` (the
// analysis in the ingest process, no queue) with SIGKILL at random moments,
// several times, then lets it finish.
func TestPostgresIngestKilledAtRandom(t *testing.T) {
	url, _ := pgFaultURL(t)
	bin := binary(t)
	const n = 1200 // about 6 s of ingest: the kills land mid-run
	in, inputs := generated(t, n, 21)
	seed := uint64(time.Now().UnixNano())
	r := rand.New(rand.NewPCG(seed, 2))
	t.Logf("seed %d", seed)
	start := time.Now()
	kills := 0
	for round := range 6 {
		cmd := exec.Command(bin, "ingest", "--quiet", "--batch", "8", "--db", url, in)
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		wait := time.Duration(200+r.IntN(2300)) * time.Millisecond
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case err := <-done:
			t.Logf("round %d finished before the kill at %v: %v %s", round, wait, err, bytes.TrimSpace(out.Bytes()))
		case <-time.After(wait):
			cmd.Process.Signal(syscall.SIGKILL)
			<-done
			kills++
			t.Logf("round %d: killed after %v", round, wait)
		}
	}
	out, err := exec.Command(bin, "ingest", "--quiet", "--db", url, in).CombinedOutput()
	if ee, ok := err.(*exec.ExitError); err != nil && (!ok || ee.ExitCode() != 1) {
		t.Fatalf("final ingest: %v\n%s", err, out) // exit 1: the binary file failed, as it should
	}
	t.Logf("%d kills in %v; final run: %s", kills, time.Since(start).Round(time.Millisecond), bytes.TrimSpace(out))
	if strings.Contains(string(out), "already stored 0,") {
		t.Logf("no kill came after a commit: the kills only tested start-up")
	}
	got := verifyPostgresStore(t, bin, url, inputs, n)
	t.Logf("done in %v", time.Since(start).Round(time.Millisecond))
	compareStats(t, got, referenceStats(t, bin, in))
}

// TestPostgresIngestConnectionsTerminated ends every connection of a
// running `ingest --db postgres://…` from the server's side, three times:
// ingest must go on and store every input; none may be recorded as failed
// for what was the database's fault.
func TestPostgresIngestConnectionsTerminated(t *testing.T) {
	url, app := pgFaultURL(t)
	bin := binary(t)
	ingestUnderFaults(t, bin, url, 25, 3, func() string {
		return fmt.Sprintf("%d connections ended", terminateBackends(t, app))
	})
}

// ingestUnderFaults ingests 1,200 generated articles (and a binary file)
// into the store at url, calling fault once a second while ingest runs, up
// to faults times; then ingest must have ended by itself with every good
// input stored once, and the statistics of a run without faults.
func ingestUnderFaults(t *testing.T, bin, url string, seed uint64, faults int, fault func() string) {
	t.Helper()
	const n = 1200
	in, inputs := generated(t, n, seed)
	start := time.Now()
	// not --quiet: the log says what the faults did
	cmd := exec.Command(bin, "ingest", "--batch", "8", "--db", url, in)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	var err error
wait:
	for round := 0; ; round++ {
		select {
		case err = <-done:
			break wait
		case <-time.After(time.Second):
		}
		if round < faults {
			at := time.Since(start)
			what := fault()
			t.Logf("fault %d at %v: %s", round, at.Round(time.Millisecond), what)
		}
		if time.Since(start) > 80*time.Second {
			cmd.Process.Kill()
			t.Fatalf("ingest still running after 80 s: %s", lastLines(out.String(), 5))
		}
	}
	t.Logf("ingest: %v in %v: %s", err, time.Since(start).Round(time.Millisecond), lastLines(out.String(), 1))
	if msgs := strings.Count(out.String(), "level=WARN") + strings.Count(out.String(), "level=ERROR"); msgs > 1 {
		t.Logf("%d warnings and errors (one for the binary file), e.g. %s", msgs, firstLines(out.String(), 4))
	}
	if ee, ok := err.(*exec.ExitError); err != nil && (!ok || ee.ExitCode() != 1) {
		t.Errorf("ingest: %v", err) // exit 1: the binary file failed, as it should
	}
	got := verifyPostgresStore(t, bin, url, inputs, n)
	compareStats(t, got, referenceStats(t, bin, in))
}

// restartServer restarts the PostgreSQL cluster with pg_ctlcluster, when
// NEWSGRAPH_PG_RESTART_TEST=1 asks for it (it skips the test otherwise,
// and where no cluster is managed so), and returns how long it took.
func restartServer(t *testing.T) time.Duration {
	t.Helper()
	canRestart(t)
	versions, err := os.ReadDir("/etc/postgresql")
	if err != nil || len(versions) == 0 {
		t.Skipf("no cluster that pg_ctlcluster manages: %v", err)
	}
	if _, err := exec.LookPath("pg_ctlcluster"); err != nil {
		t.Skip("no pg_ctlcluster")
	}
	start := time.Now()
	out, err := exec.Command("pg_ctlcluster", "--skip-systemctl-redirect", versions[0].Name(), "main", "restart").CombinedOutput()
	if err != nil {
		t.Fatalf("pg_ctlcluster restart: %v\n%s", err, out)
	}
	return time.Since(start)
}

// canRestart skips the test unless a restart was asked for, before it
// builds or starts anything.
func canRestart(t *testing.T) {
	t.Helper()
	if os.Getenv("NEWSGRAPH_PG_RESTART_TEST") != "1" {
		t.Skip("restarts the PostgreSQL server, breaking every other client's connections: set NEWSGRAPH_PG_RESTART_TEST=1 to run")
	}
}

// TestPostgresRestartUnderIngest restarts the whole server while `ingest
// --db postgres://…` runs. Only with NEWSGRAPH_PG_RESTART_TEST=1.
func TestPostgresRestartUnderIngest(t *testing.T) {
	canRestart(t)
	url, _ := pgFaultURL(t)
	bin := binary(t)
	ingestUnderFaults(t, bin, url, 26, 1, func() string {
		return fmt.Sprintf("server restarted in %v", restartServer(t).Round(time.Millisecond))
	})
}

// workerFlags make a killed worker's jobs come back within seconds: a job
// in the hands of a dead worker is rescued once it has run --rescue-after.
var workerFlags = []string{"--analyzers", "1", "--storers", "2", "--merge-every", "2s",
	"--job-timeout", "5s", "--rescue-after", "6s", "--poll", "-1s", "--status-every", "0"}

// pgWorker is one `newsgraph worker` process, its log in a file.
type pgWorker struct {
	cmd  *exec.Cmd
	log  string
	done chan struct{} // closed when the process has ended; err is then set
	err  error
}

func startPGWorker(t *testing.T, bin, url, dir string, i int) *pgWorker {
	t.Helper()
	path := filepath.Join(dir, fmt.Sprintf("worker%02d.log", i))
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	args := append([]string{"worker", "--db", url, "--id", fmt.Sprintf("w%02d", i)}, workerFlags...)
	cmd := exec.Command(bin, args...)
	cmd.Stdout, cmd.Stderr = f, f
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	w := &pgWorker{cmd: cmd, log: path, done: make(chan struct{})}
	go func() {
		w.err = cmd.Wait()
		f.Close()
		close(w.done)
	}()
	t.Cleanup(w.kill)
	return w
}

// kill ends the worker with SIGKILL (if it still runs) and waits for it.
func (w *pgWorker) kill() {
	w.cmd.Process.Signal(syscall.SIGKILL)
	<-w.done
}

// stop asks the worker to finish its jobs in hand (SIGTERM) and returns
// how it exited.
func (w *pgWorker) stop() error {
	w.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-w.done:
		return w.err
	case <-time.After(30 * time.Second):
		w.kill()
		return fmt.Errorf("still running 30 s after SIGTERM")
	}
}

// exited reports whether the worker has ended, and how.
func (w *pgWorker) exited() (bool, error) {
	select {
	case <-w.done:
		return true, w.err
	default:
		return false, nil
	}
}

// enqueueInputs queues the inputs with `ingest --enqueue`: exit 1, for the
// binary file that cannot be read, is expected.
func enqueueInputs(t *testing.T, bin, url, in string) {
	t.Helper()
	out, err := exec.Command(bin, "ingest", "--quiet", "--enqueue", "--db", url, in).CombinedOutput()
	if ee, ok := err.(*exec.ExitError); err != nil && (!ok || ee.ExitCode() != 1) {
		t.Fatalf("ingest --enqueue: %v\n%s", err, out)
	}
	t.Logf("enqueue: %s", bytes.TrimSpace(out))
}

// queueProgress is how far the queue is: documents stored, jobs pending.
type queueProgress struct {
	stored, pending, left int
	counts                queue.Counts
}

func (p queueProgress) String() string {
	return fmt.Sprintf("stored %d, jobs pending %d (running %d, retryable %d), articles in the queue %d",
		p.stored, p.pending, p.counts.State("running"), p.counts.State("retryable"), p.left)
}

func progressOf(ctx context.Context, db *postgres.DB) (queueProgress, error) {
	var p queueProgress
	var err error
	if p.counts, err = queue.JobCounts(ctx, db); err != nil {
		return p, err
	}
	p.pending = p.counts.Pending()
	err = db.Pool().QueryRow(ctx, `SELECT (SELECT count(*) FROM documents),
		(SELECT count(*) FROM queue_articles) + (SELECT count(*) FROM queue_analysed)`).Scan(&p.stored, &p.left)
	return p, err
}

// waitQueue waits until no job is pending and no article is left in the
// queue's tables, or until the deadline, or until every worker has exited.
// Errors from the database (a restart, terminated connections) are
// tolerated until the deadline: the pool reconnects.
func waitQueue(t *testing.T, db *postgres.DB, workers []*pgWorker, deadline time.Time) queueProgress {
	t.Helper()
	var last queueProgress
	var lastErr error
	lastLog := time.Now()
	for {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		p, err := progressOf(ctx, db)
		cancel()
		if err == nil {
			last, lastErr = p, nil
			if p.pending == 0 && p.left == 0 {
				return p
			}
		} else {
			lastErr = err
		}
		alive := 0
		for _, w := range workers {
			if ok, _ := w.exited(); !ok {
				alive++
			}
		}
		if alive == 0 {
			t.Fatalf("every worker has exited with work left: %v (last error %v)", last, lastErr)
		}
		if time.Now().After(deadline) {
			t.Fatalf("queue not done by the deadline: %v (last error %v)", last, lastErr)
		}
		if time.Since(lastLog) > 10*time.Second {
			lastLog = time.Now()
			t.Logf("waiting: %v", last)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// openPG opens the store at url for the test's own queries.
func openPG(t *testing.T, url string) *postgres.DB {
	t.Helper()
	db, err := postgres.Open(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// stopWorkers stops the workers that still run and fails the test for one
// that exited badly; a worker's log is shown when it did.
func stopWorkers(t *testing.T, workers []*pgWorker) {
	t.Helper()
	for _, w := range workers {
		if ok, _ := w.exited(); ok {
			continue
		}
		if err := w.stop(); err != nil {
			b, _ := os.ReadFile(w.log)
			t.Errorf("worker %s: %v\n%s", filepath.Base(w.log), err, lastLines(string(b), 15))
		}
	}
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

// workerLogErrors counts the log lines at level ERROR in the workers' logs
// and returns a few, for the test's log: they show what the faults did.
func workerLogErrors(dir string) (int, []string) {
	paths, _ := filepath.Glob(filepath.Join(dir, "worker*.log"))
	n := 0
	var some []string
	for _, p := range paths {
		b, _ := os.ReadFile(p)
		for _, line := range strings.Split(string(b), "\n") {
			if strings.Contains(line, "level=ERROR") {
				n++
				if len(some) < 3 {
					some = append(some, firstLines(line, 1))
				}
			}
		}
	}
	return n, some
}

// logDir is where the workers' logs go: NEWSGRAPH_TEST_LOGS keeps them.
func logDir(t *testing.T) string {
	if d := os.Getenv("NEWSGRAPH_TEST_LOGS"); d != "" {
		d = filepath.Join(d, t.Name())
		os.MkdirAll(d, 0o755)
		return d
	}
	return t.TempDir()
}

// TestPostgresWorkersKilledAtRandom fills the queue with `ingest --enqueue`,
// then, for several rounds, keeps three worker processes running and kills
// a random one to all of them with SIGKILL at a random moment; the last
// workers are left to finish (a dead worker's jobs come back after
// --rescue-after, and its leadership when its term ends).
func TestPostgresWorkersKilledAtRandom(t *testing.T) {
	url, _ := pgFaultURL(t)
	bin := binary(t)
	const n = 300 // two batches of ingest --enqueue
	in, inputs := generated(t, n, 22)
	seed := uint64(time.Now().UnixNano())
	r := rand.New(rand.NewPCG(seed, 3))
	t.Logf("seed %d", seed)
	start := time.Now()
	db := openPG(t, url)
	if err := queue.Migrate(context.Background(), db); err != nil {
		t.Fatal(err)
	}
	// a first `ingest --enqueue` killed once its first batch (one
	// transaction of 200) is committed, then one that finishes
	enq := exec.Command(bin, "ingest", "--quiet", "--enqueue", "--db", url, in)
	if err := enq.Start(); err != nil {
		t.Fatal(err)
	}
	for queued := 0; queued == 0 && time.Since(start) < 20*time.Second; time.Sleep(2 * time.Millisecond) {
		db.Pool().QueryRow(context.Background(), `SELECT count(*) FROM queue_articles`).Scan(&queued)
	}
	enq.Process.Signal(syscall.SIGKILL)
	t.Logf("first enqueue: %v", enq.Wait())
	enqueueInputs(t, bin, url, in)
	dir := logDir(t)

	var running, all []*pgWorker
	kills := 0
	for round := range 5 {
		for len(running) < 3 {
			w := startPGWorker(t, bin, url, dir, len(all))
			running = append(running, w)
			all = append(all, w)
		}
		time.Sleep(time.Duration(500+r.IntN(3000)) * time.Millisecond)
		r.Shuffle(len(running), func(i, j int) { running[i], running[j] = running[j], running[i] })
		k := 1 + r.IntN(len(running))
		for _, w := range running[:k] {
			w.kill()
			kills++
		}
		running = running[k:]
		p, err := progressOf(context.Background(), db)
		t.Logf("round %d at %v: killed %d of 3; %v %v", round, time.Since(start).Round(time.Millisecond), k, p, err)
	}
	for len(running) < 2 {
		w := startPGWorker(t, bin, url, dir, len(all))
		running = append(running, w)
		all = append(all, w)
	}
	p := waitQueue(t, db, running, start.Add(80*time.Second))
	t.Logf("%d kills; queue done at %v: %v", kills, time.Since(start).Round(time.Millisecond), p)
	stopWorkers(t, running)
	if n, some := workerLogErrors(dir); n > 0 {
		t.Logf("%d error lines in the workers' logs, e.g.\n%s", n, strings.Join(some, "\n"))
	}
	got := verifyPostgresStore(t, bin, url, inputs, n)
	t.Logf("done in %v", time.Since(start).Round(time.Millisecond))
	compareStats(t, got, referenceStats(t, bin, in))
}

// terminateBackends ends, from the server's side, every connection whose
// application_name is app (pg_terminate_backend): what a crashed or
// failed-over server does to its clients. It returns how many it ended.
func terminateBackends(t *testing.T, app string) int {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	db, err := postgres.Open(ctx, pgtest.ServerURL())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	err = db.Pool().QueryRow(ctx, `SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity
		WHERE application_name = $1 AND pid <> pg_backend_pid()) t`, app).Scan(&n)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestPostgresConnectionsTerminated has three workers work a queue while
// the server ends all their connections, three times: the workers must
// reconnect and finish, with the end state of an undisturbed run. It is
// the lighter stand-in for a server restart that runs by default.
func TestPostgresConnectionsTerminated(t *testing.T) {
	url, app := pgFaultURL(t)
	bin := binary(t)
	const n = 200
	in, inputs := generated(t, n, 23)
	start := time.Now()
	enqueueInputs(t, bin, url, in)
	// the test's own connections have another name, so they stay
	monitorURL := strings.Replace(url, "application_name="+app, "application_name=monitor", 1)
	db := openPG(t, monitorURL)
	dir := logDir(t)
	var workers []*pgWorker
	for i := range 3 {
		workers = append(workers, startPGWorker(t, bin, url, dir, i))
	}
	cuts := 0
	for round := range 3 {
		// the first cut when the workers have started working
		for time.Since(start) < 60*time.Second {
			p, err := progressOf(context.Background(), db)
			if err == nil && (p.stored > n/6*(round+1) || p.pending == 0) {
				break
			}
			time.Sleep(100 * time.Millisecond)
		}
		k := terminateBackends(t, app)
		cuts += k
		p, err := progressOf(context.Background(), db)
		t.Logf("cut %d at %v: %d connections ended; %v %v", round, time.Since(start).Round(time.Millisecond), k, p, err)
		if k == 0 {
			t.Errorf("no connection of the workers to end")
		}
	}
	p := waitQueue(t, db, workers, start.Add(80*time.Second))
	t.Logf("%d connections ended; queue done at %v: %v", cuts, time.Since(start).Round(time.Millisecond), p)
	for i, w := range workers {
		if ok, err := w.exited(); ok {
			b, _ := os.ReadFile(w.log)
			t.Errorf("worker %d exited on its own after its connections were ended: %v\n%s", i, err, lastLines(string(b), 10))
		}
	}
	stopWorkers(t, workers)
	if n, some := workerLogErrors(dir); n > 0 {
		t.Logf("%d error lines in the workers' logs, e.g.\n%s", n, strings.Join(some, "\n"))
	}
	got := verifyPostgresStore(t, bin, monitorURL, inputs, n)
	t.Logf("done in %v", time.Since(start).Round(time.Millisecond))
	compareStats(t, got, referenceStats(t, bin, in))
}

// TestPostgresRestartUnderLoad restarts the whole PostgreSQL server
// (pg_ctlcluster) while three workers work a queue. Only with
// NEWSGRAPH_PG_RESTART_TEST=1: every other client of the server loses its
// connections too.
func TestPostgresRestartUnderLoad(t *testing.T) {
	canRestart(t)
	url, _ := pgFaultURL(t)
	bin := binary(t)
	const n = 200
	in, inputs := generated(t, n, 24)
	start := time.Now()
	enqueueInputs(t, bin, url, in)
	db := openPG(t, url)
	dir := logDir(t)
	var workers []*pgWorker
	for i := range 3 {
		workers = append(workers, startPGWorker(t, bin, url, dir, i))
	}
	for time.Since(start) < 60*time.Second {
		p, err := progressOf(context.Background(), db)
		if err == nil && (p.stored > n/4 || p.pending == 0) {
			t.Logf("restart at %v: %v", time.Since(start).Round(time.Millisecond), p)
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	restartAt := time.Now()
	t.Logf("server restarted in %v", restartServer(t).Round(time.Millisecond))
	p := waitQueue(t, db, workers, start.Add(85*time.Second))
	t.Logf("queue done at %v (%v after the restart): %v", time.Since(start).Round(time.Millisecond),
		time.Since(restartAt).Round(time.Millisecond), p)
	for i, w := range workers {
		if ok, err := w.exited(); ok {
			b, _ := os.ReadFile(w.log)
			t.Errorf("worker %d exited on its own after the restart: %v\n%s", i, err, lastLines(string(b), 10))
		}
	}
	stopWorkers(t, workers)
	if n, some := workerLogErrors(dir); n > 0 {
		t.Logf("%d error lines in the workers' logs, e.g.\n%s", n, strings.Join(some, "\n"))
	}
	got := verifyPostgresStore(t, bin, url, inputs, n)
	t.Logf("done in %v", time.Since(start).Round(time.Millisecond))
	compareStats(t, got, referenceStats(t, bin, in))
}

// TestPostgresIngestKilledBeforeReconcile leaves the store as an ingest
// killed after its last commit and before its merge step (Reconcile) leaves
// it — documents stored by Put alone, one spelling of a person (with a
// middle initial, stored first) an actor apart from the full name — and
// runs ingest again on the same inputs: every input is stored already, and
// the run must still do the merge step it finds undone.
func TestPostgresIngestKilledBeforeReconcile(t *testing.T) {
	url, _ := pgFaultURL(t)
	bin := binary(t)
	ctx := context.Background()
	dir := t.TempDir()
	texts := []string{
		"Foreign Minister Amara J. Okafor met Bruno Lindqvist in Geneva on Tuesday, officials said. \"The talks must go on,\" Okafor said.",
		"Amara Okafor rejected a proposal from Bruno Lindqvist in Geneva on Wednesday. \"We will not accept it,\" Okafor told reporters.",
	}
	db := openPG(t, url)
	var paths []string
	for i, text := range texts {
		p := filepath.Join(dir, fmt.Sprintf("a%d.txt", i))
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
		// what ingest does for each input before its merge step
		doc, err := pipeline.Analyze(pipeline.Default(), newsgraph.Article{Text: text, Published: "2025-03-04"})
		if err != nil {
			t.Fatal(err)
		}
		d, err := store.Prepare(doc.Record(), text, p)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Put(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	before, err := db.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "ingest", "--quiet", "--db", url, dir).CombinedOutput()
	if err != nil {
		t.Fatalf("ingest again: %v\n%s", err, out)
	}
	after, err := db.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("before the second run: %d actors; ingest: %s; after: %d actors", before.Actors, bytes.TrimSpace(out), after.Actors)
	if !strings.Contains(string(out), "already stored 2,") {
		t.Errorf("the second run did not find both inputs stored: %s", out)
	}
	// the merge step is done: another joins nothing
	if n, err := db.Reconcile(ctx); err != nil || n != 0 {
		t.Errorf("Reconcile after the second run joined %d actors (%v): the run left the merge step undone", n, err)
	}
	if after.Actors >= before.Actors {
		t.Errorf("actors %d before the second run, %d after: the two spellings of one person were not joined", before.Actors, after.Actors)
	}
}
