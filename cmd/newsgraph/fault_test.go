package main

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/hostile"
	"github.com/newsgraph/newsgraph/store"
	"github.com/newsgraph/newsgraph/store/sqlite"
)

var (
	binOnce sync.Once
	binPath string
	binErr  error
)

// binary builds newsgraph once for the tests of this file.
func binary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary")
	}
	binOnce.Do(func() {
		dir, err := os.MkdirTemp("", "newsgraph-bin")
		if err != nil {
			binErr = err
			return
		}
		binPath = filepath.Join(dir, "newsgraph")
		if out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput(); err != nil {
			binErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if binErr != nil {
		t.Fatal(binErr)
	}
	return binPath
}

// generated writes n generated articles (and one that cannot be read) into
// a new folder and returns it with the inputs' paths.
func generated(t *testing.T, n int, seed uint64) (string, []string) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "in")
	os.Mkdir(dir, 0o755)
	var paths []string
	for i := range n {
		p := filepath.Join(dir, fmt.Sprintf("g%04d.txt", i))
		if err := os.WriteFile(p, []byte(hostile.Article(seed, i)), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	bad := filepath.Join(dir, "zz-binary.txt")
	os.WriteFile(bad, hostile.NULs(), 0o644)
	return dir, append(paths, bad)
}

// TestIngestKilledAtRandom kills ingest with SIGKILL at random moments,
// several times, then lets it finish: `newsgraph check` passes, and every
// input is stored exactly once or recorded as failed.
func TestIngestKilledAtRandom(t *testing.T) {
	bin := binary(t)
	const n = 240
	in, inputs := generated(t, n, 11)
	dbPath := filepath.Join(t.TempDir(), "kill.db")
	r := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 1))
	kills := 0
	for round := range 6 {
		cmd := exec.Command(bin, "ingest", "--quiet", "--batch", "8", "--db", dbPath, in)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		wait := time.Duration(300+r.IntN(3200)) * time.Millisecond
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case <-done:
			t.Logf("round %d finished before the kill at %v", round, wait)
		case <-time.After(wait):
			cmd.Process.Signal(syscall.SIGKILL)
			<-done
			kills++
			t.Logf("round %d: killed after %v", round, wait)
		}
	}
	out, err := exec.Command(bin, "ingest", "--quiet", "--db", dbPath, in).CombinedOutput()
	if ee, ok := err.(*exec.ExitError); err != nil && (!ok || ee.ExitCode() != 1) {
		t.Fatalf("final ingest: %v\n%s", err, out) // exit 1: the binary file failed, as it should
	}
	t.Logf("%d kills; final run: %s", kills, bytes.TrimSpace(out))
	if strings.Contains(string(out), "already stored 0,") {
		t.Logf("no kill came after a commit: the kills only tested start-up")
	}
	out, err = exec.Command(bin, "check", "--db", dbPath).CombinedOutput()
	if err != nil {
		t.Fatalf("check after %d kills: %v\n%s", kills, err, out)
	}
	t.Logf("check: %s", bytes.TrimSpace(out))

	ctx := context.Background()
	db, err := sqlite.Open(ctx, dbPath)
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
	}
	docs := map[string]string{}
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
	if st.Documents != n || len(failed) != 1 || st.Duplicates != 0 {
		t.Errorf("stats %+v, failures %d: want %d documents stored once and the binary file failed", st, len(failed), n)
	}
}

// TestIngestDiskFull ingests into a 2 MB tmpfs: ingest must stop with an
// error that says the disk is full, and what it committed must pass
// `newsgraph check`. Needs root (mount); skipped otherwise.
func TestIngestDiskFull(t *testing.T) {
	bin := binary(t)
	mnt := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", mnt).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs here: %v %s", err, out)
	}
	defer exec.Command("umount", "-l", mnt).Run()
	in, _ := generated(t, 400, 12)
	dbPath := filepath.Join(mnt, "full.db")
	start := time.Now()
	cmd := exec.Command(bin, "ingest", "--db", dbPath, in)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	elapsed := time.Since(start)
	t.Logf("ingest on a full disk: %v in %v\nstdout: %s\nstderr (first lines): %s", err, elapsed.Round(time.Millisecond),
		bytes.TrimSpace(stdout.Bytes()), firstLines(stderr.String(), 4))
	if err == nil {
		t.Fatalf("ingest into 2 MB succeeded")
	}
	if !strings.Contains(stderr.String()+stdout.String(), "full") {
		t.Errorf("no message says the disk is full")
	}
	if elapsed > time.Minute {
		t.Errorf("took %v to give up", elapsed)
	}
	// the file as left on the full disk, checked where it lies, then a
	// copy with room to spare
	out, err := exec.Command(bin, "check", "--db", dbPath).CombinedOutput()
	t.Logf("check on the full disk: %v %s", err, firstLines(string(out), 5))
	if err != nil && !strings.Contains(string(out), "full") {
		t.Errorf("check on the full disk found problems: %s", out)
	}
	cp := filepath.Join(t.TempDir(), "copy.db")
	for _, suffix := range []string{"", "-wal"} {
		if b, err := os.ReadFile(dbPath + suffix); err == nil {
			os.WriteFile(cp+suffix, b, 0o644)
		}
	}
	out, err = exec.Command(bin, "check", "--db", cp).CombinedOutput()
	if err != nil {
		t.Errorf("check of the copy: %v\n%s", err, out)
	}
	t.Logf("check of a copy: %s", bytes.TrimSpace(out))
}

func firstLines(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	if len(lines) > n {
		lines = lines[:n]
	}
	return strings.Join(lines, "\n")
}
