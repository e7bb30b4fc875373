package main

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestServeShutsDownGracefully starts serve, answers a request, and stops
// with code 0 when its context ends (as on SIGINT or SIGTERM).
func TestServeShutsDownGracefully(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var out, errOut bytes.Buffer
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"serve", "--addr", addr, "--db", filepath.Join(t.TempDir(), "s.db"), "--token", "t0k"}, &out, &errOut)
	}()
	var resp *http.Response
	for i := 0; i < 100; i++ {
		time.Sleep(50 * time.Millisecond)
		req, _ := http.NewRequest("GET", "http://"+addr+"/api/v1/stats", nil)
		req.Header.Set("Authorization", "Bearer t0k")
		if resp, err = http.DefaultClient.Do(req); err == nil {
			break
		}
	}
	if err != nil {
		t.Fatalf("server did not answer: %v\n%s", err, errOut.String())
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(b), `"documents":0`) {
		t.Errorf("stats = %d %s", resp.StatusCode, b)
	}
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("serve exited %d: %s", code, errOut.String())
		}
	case <-time.After(20 * time.Second):
		t.Fatal("serve did not stop")
	}
	if !strings.Contains(errOut.String(), "shutting down") {
		t.Errorf("log lacks the shutdown: %s", errOut.String())
	}
}
