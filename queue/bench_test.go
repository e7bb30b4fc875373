package queue

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/store/postgres"
	"github.com/newsgraph/newsgraph/store/postgres/pgtest"
)

// postgresCPU is the CPU time that the machine's PostgreSQL processes
// (server and backends) have used so far, from /proc.
func postgresCPU() time.Duration {
	ents, err := os.ReadDir("/proc")
	if err != nil {
		return 0
	}
	var ticks int64
	for _, e := range ents {
		if _, err := strconv.Atoi(e.Name()); err != nil {
			continue
		}
		b, err := os.ReadFile("/proc/" + e.Name() + "/stat")
		if err != nil {
			continue
		}
		s := string(b)
		open, close := strings.IndexByte(s, '('), strings.LastIndexByte(s, ')')
		if open < 0 || close < open || s[open+1:close] != "postgres" {
			continue
		}
		f := strings.Fields(s[close+2:]) // state ppid … utime(12) stime(13)
		if len(f) > 13 {
			u, _ := strconv.ParseInt(f[11], 10, 64)
			k, _ := strconv.ParseInt(f[12], 10, 64)
			ticks += u + k
		}
	}
	return time.Duration(ticks) * time.Second / 100 // USER_HZ
}

// BenchmarkWorkers measures the throughput of the cluster: N articles
// enqueued, then worked by 1, 2 and 4 worker processes (default flags) on
// one database. It reports articles/s and where the CPU time went: the
// workers' own and PostgreSQL's (its processes' CPU time, from /proc).
//
//	go test ./queue -run '^$' -bench Workers -benchtime 1x
func BenchmarkWorkers(b *testing.B) {
	n := 1500
	if s := os.Getenv("NEWSGRAPH_BENCH_ARTICLES"); s != "" {
		n, _ = strconv.Atoi(s)
	}
	items := genArticles(n)
	for _, workers := range []int{1, 2, 4} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			for range b.N {
				runCluster(b, items, workers)
			}
		})
	}
}

func runCluster(b *testing.B, items []Item, workers int) {
	b.StopTimer()
	ctx := context.Background()
	url := pgtest.URL(b)
	bin := binary(b)
	db, err := postgres.Open(ctx, url)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	if err := Migrate(ctx, db); err != nil {
		b.Fatal(err)
	}
	enqueue(b, db, items)
	dir := b.TempDir()
	pg0 := postgresCPU()
	start := time.Now()
	b.StartTimer()
	var cmds []*exec.Cmd
	for i := range workers {
		cmds = append(cmds, startWorker(b, bin, url, dir, i, "--merge-every", "5s", "--quiet"))
	}
	waitDone(b, db, 10*time.Minute)
	b.StopTimer()
	wall := time.Since(start)
	pg := postgresCPU() - pg0 // before the workers close their connections
	var workerCPU time.Duration
	for _, c := range cmds {
		c.Process.Signal(syscall.SIGTERM)
		c.Wait()
		workerCPU += c.ProcessState.UserTime() + c.ProcessState.SystemTime()
	}
	st, err := db.Stats(ctx)
	if err != nil {
		b.Fatal(err)
	}
	if st.Documents != len(items) {
		b.Fatalf("%d documents stored of %d", st.Documents, len(items))
	}
	b.ReportMetric(float64(len(items))/wall.Seconds(), "articles/s")
	b.ReportMetric(workerCPU.Seconds(), "worker-cpu-s")
	b.ReportMetric(pg.Seconds(), "postgres-cpu-s")
	b.ReportMetric(1000*workerCPU.Seconds()/float64(len(items)), "worker-cpu-ms/article")
	b.ReportMetric(1000*pg.Seconds()/float64(len(items)), "postgres-cpu-ms/article")
}
