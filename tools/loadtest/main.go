// Command loadtest sends a bounded load of API requests to a newsgraph
// server on this machine and prints, for each level of concurrency,
// requests per second, the 50th and 99th percentile latency, errors, and
// the server's resident memory before and after (from /proc/PID/status).
//
// It refuses any address that is not loopback, and every run is bounded in
// time (-duration per level, at most 10 minutes) and in count (-max per
// level): it stops by itself.
//
//	newsgraph serve --db news.db --addr 127.0.0.1:8080 &
//	go run ./tools/loadtest -addr 127.0.0.1:8080 -pid $! -levels 1,4,16,64 -duration 10s
//	go run ./tools/loadtest -addr 127.0.0.1:8080 -pid $! -soak 5m   # one level, 16 clients, 5 minutes
//	go run ./tools/loadtest -addr 127.0.0.1:8080 -levels 1,4 -by-path -paths '/api/v1/entities/a1,/api/v1/entities?q=Clinton'
//
// # Concurrency
// One goroutine per simulated client, sharing one http.Client whose pool
// holds a connection per client.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// DefaultPaths are the read requests of the API that a user makes most:
// search, actors, quotes, events, positions, stats.
var DefaultPaths = []string{
	"/api/v1/search?q=minister", "/api/v1/search?q=talks&type=quotes", "/api/v1/entities?limit=20",
	"/api/v1/entities?type=PERSON&q=an", "/api/v1/quotes?limit=20", "/api/v1/events?limit=20",
	"/api/v1/positions?limit=20", "/api/v1/stats", "/healthz",
}

// Config is one load run.
type Config struct {
	Base     string // http://127.0.0.1:PORT
	Paths    []string
	Token    string
	Levels   []int
	Duration time.Duration // per level
	Max      int64         // requests per level at most
	RSS      func() int64  // the server's resident set in bytes; nil when unknown
}

// Result is one level of concurrency.
type Result struct {
	Concurrency   int
	Requests      int64
	Errors        int64 // transport errors and statuses ≥ 400
	Elapsed       time.Duration
	P50, P99, Max time.Duration
	RSSStart      int64
	RSSEnd        int64
	Paths         []PathResult // the same, path by path, in the order of Config.Paths
}

// PathResult is one path's share of a level.
type PathResult struct {
	Path          string
	Requests      int64
	Errors        int64
	P50, P99, Max time.Duration
}

// percentiles sorts d and returns its 50th and 99th percentiles and maximum.
func percentiles(d []time.Duration) (p50, p99, mx time.Duration) {
	if len(d) == 0 {
		return 0, 0, 0
	}
	slices.Sort(d)
	return d[len(d)/2], d[min(len(d)-1, len(d)*99/100)], d[len(d)-1]
}

// RPS is requests per second.
func (r Result) RPS() float64 { return float64(r.Requests) / r.Elapsed.Seconds() }

const maxDuration = 10 * time.Minute

// checkLoopback refuses a target that is not on this machine.
func checkLoopback(base string) error {
	host := strings.TrimPrefix(strings.TrimPrefix(base, "http://"), "https://")
	if i := strings.IndexByte(host, '/'); i >= 0 {
		host = host[:i]
	}
	h, _, err := net.SplitHostPort(host)
	if err != nil {
		h = host
	}
	ips, err := net.LookupIP(h)
	if err != nil {
		return fmt.Errorf("resolve %s: %w", h, err)
	}
	for _, ip := range ips {
		if !ip.IsLoopback() {
			return fmt.Errorf("%s is %s, not a loopback address: loadtest only targets this machine", h, ip)
		}
	}
	return nil
}

// Run runs every level in turn.
func Run(ctx context.Context, c Config) ([]Result, error) {
	if err := checkLoopback(c.Base); err != nil {
		return nil, err
	}
	if c.Duration <= 0 || c.Duration > maxDuration {
		return nil, fmt.Errorf("duration %v: must be in (0, %v]", c.Duration, maxDuration)
	}
	if c.Max <= 0 {
		c.Max = 1_000_000
	}
	if len(c.Paths) == 0 {
		c.Paths = DefaultPaths
	}
	var out []Result
	for _, n := range c.Levels {
		r := level(ctx, c, n)
		out = append(out, r)
		if ctx.Err() != nil {
			break
		}
	}
	return out, nil
}

func level(ctx context.Context, c Config, n int) Result {
	client := &http.Client{
		Timeout:   30 * time.Second,
		Transport: &http.Transport{MaxIdleConnsPerHost: n, MaxConnsPerHost: n, Proxy: nil},
	}
	defer client.CloseIdleConnections()
	res := Result{Concurrency: n}
	if c.RSS != nil {
		res.RSSStart = c.RSS()
	}
	ctx, cancel := context.WithTimeout(ctx, c.Duration)
	defer cancel()
	var sent, errs atomic.Int64
	lat := make([][]time.Duration, n)
	type sample struct {
		path int
		d    time.Duration
		err  bool
	}
	samples := make([][]sample, n)
	var wg sync.WaitGroup
	start := time.Now()
	for w := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; ctx.Err() == nil; i += n {
				if sent.Add(1) > c.Max {
					sent.Add(-1)
					return
				}
				path := i % len(c.Paths)
				req, _ := http.NewRequestWithContext(ctx, http.MethodGet, c.Base+c.Paths[path], nil)
				if c.Token != "" {
					req.Header.Set("Authorization", "Bearer "+c.Token)
				}
				t0 := time.Now()
				resp, err := client.Do(req)
				if err == nil {
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
				}
				d := time.Since(t0)
				if ctx.Err() != nil && err != nil {
					sent.Add(-1) // cut off by the end of the level, not an answer
					return
				}
				bad := err != nil || resp.StatusCode >= 400
				if bad {
					errs.Add(1)
				}
				lat[w] = append(lat[w], d)
				samples[w] = append(samples[w], sample{path, d, bad})
			}
		}()
	}
	wg.Wait()
	res.Elapsed = time.Since(start)
	res.Requests, res.Errors = sent.Load(), errs.Load()
	res.P50, res.P99, res.Max = percentiles(slices.Concat(lat...))
	byPath := make([][]time.Duration, len(c.Paths))
	res.Paths = make([]PathResult, len(c.Paths))
	for _, ss := range samples {
		for _, x := range ss {
			byPath[x.path] = append(byPath[x.path], x.d)
			if x.err {
				res.Paths[x.path].Errors++
			}
		}
	}
	for i, p := range c.Paths {
		r := &res.Paths[i]
		r.Path, r.Requests = p, int64(len(byPath[i]))
		r.P50, r.P99, r.Max = percentiles(byPath[i])
	}
	if c.RSS != nil {
		res.RSSEnd = c.RSS()
	}
	return res
}

// ProcRSS reads VmRSS of a process from /proc, in bytes; 0 when it cannot.
func ProcRSS(pid int) int64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			f := strings.Fields(rest)
			if len(f) > 0 {
				kb, _ := strconv.ParseInt(f[0], 10, 64)
				return kb << 10
			}
		}
	}
	return 0
}

// PathTable prints the results path by path.
func PathTable(w io.Writer, rs []Result) {
	fmt.Fprintf(w, "%11s %-40s %9s %9s %9s %9s %7s\n", "concurrency", "path", "requests", "p50", "p99", "max", "errors")
	for _, r := range rs {
		for _, p := range r.Paths {
			fmt.Fprintf(w, "%11d %-40s %9d %9s %9s %9s %7d\n", r.Concurrency, p.Path, p.Requests,
				p.P50.Round(10*time.Microsecond), p.P99.Round(10*time.Microsecond), p.Max.Round(10*time.Microsecond), p.Errors)
		}
	}
}

// Table prints the results.
func Table(w io.Writer, rs []Result) {
	fmt.Fprintf(w, "%11s %9s %10s %9s %9s %9s %7s %9s %9s\n", "concurrency", "requests", "req/s", "p50", "p99", "max", "errors", "RSS start", "RSS end")
	for _, r := range rs {
		fmt.Fprintf(w, "%11d %9d %10.0f %9s %9s %9s %7d %8.1fM %8.1fM\n", r.Concurrency, r.Requests, r.RPS(),
			r.P50.Round(10*time.Microsecond), r.P99.Round(10*time.Microsecond), r.Max.Round(10*time.Microsecond), r.Errors,
			float64(r.RSSStart)/(1<<20), float64(r.RSSEnd)/(1<<20))
	}
}

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "the server's `address` (loopback only)")
	pid := flag.Int("pid", 0, "the server's process id, for its RSS (0: not reported)")
	levels := flag.String("levels", "1,4,16,64", "concurrency `levels`, comma-separated")
	duration := flag.Duration("duration", 10*time.Second, "time per level (at most 10m)")
	maxReq := flag.Int64("max", 1_000_000, "requests per level at most")
	soak := flag.Duration("soak", 0, "soak mode: one level of 16 clients for this long (at most 10m)")
	token := flag.String("token", os.Getenv("NEWSGRAPH_TOKEN"), "bearer token")
	paths := flag.String("paths", "", "comma-separated request paths (default: search, entities, quotes, events, positions, stats)")
	byPath := flag.Bool("by-path", false, "also print p50, p99 and max path by path")
	flag.Parse()
	c := Config{Base: "http://" + *addr, Token: *token, Duration: *duration, Max: *maxReq}
	for _, f := range strings.Split(*levels, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 || n > 1024 {
			fmt.Fprintf(os.Stderr, "loadtest: bad level %q\n", f)
			os.Exit(2)
		}
		c.Levels = append(c.Levels, n)
	}
	if *soak > 0 {
		c.Levels, c.Duration = []int{16}, *soak
	}
	if *paths != "" {
		c.Paths = strings.Split(*paths, ",")
	}
	if *pid > 0 {
		p := *pid
		c.RSS = func() int64 { return ProcRSS(p) }
	}
	rs, err := Run(context.Background(), c)
	if err != nil {
		fmt.Fprintln(os.Stderr, "loadtest:", err)
		os.Exit(1)
	}
	Table(os.Stdout, rs)
	if *byPath {
		fmt.Println()
		PathTable(os.Stdout, rs)
	}
	for _, r := range rs {
		if r.Errors > 0 {
			os.Exit(1)
		}
	}
}
