package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/store"
	"github.com/newsgraph/newsgraph/store/sqlite"
)

// genArticle writes a short news report that differs from every other i in
// its names, numbers and words, so no two are duplicates.
func genArticle(i int) string {
	first := []string{"Anna", "Boris", "Carla", "Dmitri", "Elena", "Farid", "Grace", "Hassan", "Ines", "Jonas"}
	last := []string{"Novak", "Okafor", "Petrov", "Quinn", "Rossi", "Sato", "Tanaka", "Ueda", "Varga", "Weber"}
	city := []string{"Vienna", "Geneva", "Oslo", "Madrid", "Warsaw", "Lisbon", "Prague", "Dublin", "Athens", "Riga"}
	topic := []string{"energy prices", "grain exports", "border controls", "fishing rights", "rail links", "water supplies"}
	p := first[i%10] + " " + last[(i/10)%10]
	return fmt.Sprintf("%s, the minister for %s, met officials in %s on Tuesday to discuss %s, report %d said.\n\n"+
		"\"We want an agreement on %s within %d days,\" %s told reporters after the talks. %s rejected any delay and "+
		"accused the opposition of blocking a vote on %s, according to a statement issued in %s on day %d.\n",
		p, topic[i%6], city[i%10], topic[(i/6)%6], i, topic[(i+1)%6], 10+i, last[(i/10)%10], last[(i/10)%10], topic[(i+2)%6], city[(i+3)%10], i)
}

func writeArticles(t *testing.T, dir string, n int) {
	t.Helper()
	for i := range n {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%04d.txt", i)), []byte(genArticle(i)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func openDB(t *testing.T, path string) *sqlite.DB {
	t.Helper()
	db, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestIngestStoresOnce(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	os.Mkdir(in, 0o755)
	writeArticles(t, in, 5)
	// the same text as a0000 under another name, with other line breaks
	os.WriteFile(filepath.Join(in, "copy.txt"), []byte(strings.ReplaceAll(genArticle(0), "\n\n", "\n")), 0o644)
	dbPath := filepath.Join(dir, "t.db")
	code, out, errOut := runCLI(t, "ingest", "--quiet", "--db", dbPath, in)
	if code != 0 || !strings.Contains(out, "read 6, stored 5, duplicates 1") {
		t.Fatalf("first ingest = %d %q %q", code, out, errOut)
	}
	code, out, _ = runCLI(t, "ingest", "--quiet", "--db", dbPath, in, filepath.Join(in, "a000*.txt"))
	if code != 0 || !strings.Contains(out, "stored 0, duplicates 0") || !strings.Contains(out, "already stored 11") {
		t.Errorf("second ingest = %d %q", code, out)
	}
	st, err := openDB(t, dbPath).Stats(context.Background())
	if err != nil || st.Documents != 5 {
		t.Errorf("documents = %d %v, want 5", st.Documents, err)
	}
	// the store in the folder ingested is not read as an input, on the
	// first run nor on the next (with its WAL beside it)
	inner := filepath.Join(in, "inner.db")
	for i := 0; i < 2; i++ {
		if code, out, e := runCLI(t, "ingest", "--quiet", "--db", inner, in); code != 0 || !strings.Contains(out, "failed 0") {
			t.Errorf("ingest of the folder holding the store = %d %q %q", code, out, e)
		}
	}
}

func TestIngestRetryFailed(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.txt")
	os.WriteFile(bad, []byte("\x00\x01binary"), 0o644)
	os.WriteFile(filepath.Join(dir, "good.txt"), []byte(genArticle(1)), 0o644)
	dbPath := filepath.Join(t.TempDir(), "t.db")
	code, out, _ := runCLI(t, "ingest", "--quiet", "--db", dbPath, dir, filepath.Join(dir, "missing.txt"))
	if code != 1 || !strings.Contains(out, "stored 1") || !strings.Contains(out, "failed 2") {
		t.Fatalf("ingest with bad inputs = %d %q", code, out)
	}
	db := openDB(t, dbPath)
	fs, _, err := db.Failures(context.Background(), store.Page{})
	if err != nil || len(fs) != 2 || !strings.Contains(fs[0].Reason+fs[1].Reason, "binary") {
		t.Fatalf("failures = %+v %v", fs, err)
	}
	os.WriteFile(bad, []byte(genArticle(2)), 0o644)
	os.WriteFile(filepath.Join(dir, "missing.txt"), []byte(genArticle(3)), 0o644)
	code, out, _ = runCLI(t, "ingest", "--quiet", "--db", dbPath, "--retry-failed")
	if code != 0 || !strings.Contains(out, "stored 2") {
		t.Errorf("retry = %d %q", code, out)
	}
	if fs, _, _ := db.Failures(context.Background(), store.Page{}); len(fs) != 0 {
		t.Errorf("failures after retry = %+v", fs)
	}
}

func TestCrossDocumentSpellings(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"Volodymyr Zelensky", "Volodymyr Zelenskyy", "Wolodymyr Selenskyj"} {
		text := fmt.Sprintf("Ukrainian President %s met French President Emmanuel Macron in Paris on Monday.\n\n"+
			"\"We need more air defence,\" %s said after the meeting.\n", n, n)
		os.WriteFile(filepath.Join(dir, strings.ReplaceAll(n, " ", "_")+".txt"), []byte(text), 0o644)
	}
	dbPath := filepath.Join(t.TempDir(), "x.db")
	if code, out, e := runCLI(t, "ingest", "--quiet", "--db", dbPath, dir); code != 0 {
		t.Fatalf("ingest = %d %s %s", code, out, e)
	}
	db := openDB(t, dbPath)
	var found []store.Actor
	for _, q := range []string{"Zelensky", "Zelenskyy", "Selenskyj"} {
		as, _, err := db.Actors(context.Background(), store.ActorQuery{Q: q, Type: "PERSON"}, store.Page{})
		if err != nil {
			t.Fatal(err)
		}
		found = append(found, as...)
	}
	if len(found) != 3 || found[0].ID != found[1].ID || found[1].ID != found[2].ID || found[0].Documents != 3 {
		t.Errorf("actors found by the three spellings = %+v, want one actor in 3 documents", found)
	}
	code, out, _ := runCLI(t, "search", "--db", dbPath, "--type", "quotes", "air defence")
	if code != 0 || strings.Count(out, "air defence") != 3 {
		t.Errorf("search quotes = %d %q", code, out)
	}
	outFile := filepath.Join(t.TempDir(), "events.csv")
	if code, _, e := runCLI(t, "export", "--db", dbPath, "--format", "csv", "--out", outFile); code != 0 {
		t.Errorf("export = %d %s", code, e)
	}
	if b, _ := os.ReadFile(outFile); !strings.HasPrefix(string(b), "merged_event,document,") {
		t.Errorf("export csv starts %.60q", b)
	}
}

// TestIngestSurvivesKill builds the binary, kills an ingest with SIGKILL
// while it writes, runs it again, and checks that every article is stored
// exactly once and the file is sound.
func TestIngestSurvivesKill(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	if runtime.GOOS == "windows" {
		t.Skip("SIGKILL")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "newsgraph")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	in := filepath.Join(dir, "in")
	os.Mkdir(in, 0o755)
	const n = 300
	writeArticles(t, in, n)
	for _, mode := range []string{"batches", "queue"} {
		t.Run(mode, func(t *testing.T) {
			var flags []string
			if mode == "queue" {
				flags = []string{"--queue"}
			}
			killAndRerun(t, bin, in, filepath.Join(t.TempDir(), "k.db"), n, flags)
		})
	}
}

// killAndRerun runs ingest over in, kills it with SIGKILL once documents
// are committed, runs it again and checks the store.
func killAndRerun(t *testing.T, bin, in, dbPath string, n int, flags []string) {
	args := append([]string{"ingest", "--quiet", "--batch", "4", "--db", dbPath}, flags...)
	cmd := exec.Command(bin, append(args, in)...)
	var firstOut strings.Builder
	cmd.Stdout, cmd.Stderr = &firstOut, &firstOut
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// kill it once some documents are committed
	deadline := time.Now().Add(60 * time.Second)
	stored := 0
	for time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
		if _, err := os.Stat(dbPath); err != nil {
			continue
		}
		db, err := sqlite.Open(context.Background(), dbPath)
		if err != nil {
			continue
		}
		st, err := db.Stats(context.Background())
		db.Close()
		if err == nil && st.Documents >= 20 {
			stored = st.Documents
			break
		}
	}
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	if stored == 0 {
		t.Fatalf("no document stored within a minute; the run said:\n%s", firstOut.String())
	}
	t.Logf("killed after at least %d of %d documents", stored, n)
	out, err := exec.Command(bin, append(args, in)...).CombinedOutput()
	if err != nil {
		t.Fatalf("second ingest: %v\n%s", err, out)
	}
	t.Logf("second run: %s", out)
	if !strings.Contains(string(out), "duplicates 0") || strings.Contains(string(out), "already stored 0,") {
		t.Errorf("second run should skip what was stored and find no duplicate: %s", out)
	}
	db := openDB(t, dbPath)
	ctx := context.Background()
	if s, err := db.IntegrityCheck(ctx); err != nil || s != "ok" {
		t.Errorf("integrity_check = %q %v", s, err)
	}
	st, err := db.Stats(ctx)
	if err != nil || st.Documents != n || st.Failures != 0 {
		t.Errorf("after the rerun: %+v %v, want %d documents", st, err, n)
	}
	for i := range n {
		in := filepath.Join(in, fmt.Sprintf("a%04d.txt", i))
		if _, ok, err := db.Input(ctx, in); !ok || err != nil {
			t.Errorf("%s not recorded as stored: %v", in, err)
			break
		}
	}
}
