package fetch

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/hostile"
)

// TestHostileServers: a gzip'd feed that inflates to 4 GiB, an endless
// body, a server that trickles its body, redirects to loopback and to the
// cloud metadata address, and a redirect loop. The test servers are on
// loopback; the fetcher exempts the first hop only (as if it were a public
// server), so every further hop meets the address check. 169.254.169.254
// is refused in the dialer's Control, before any packet is sent.
func TestHostileServers(t *testing.T) {
	feedHead := []byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><description>`)
	var served atomic.Int64
	mux := http.NewServeMux()
	mux.HandleFunc("/bomb.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Header().Set("Content-Encoding", "gzip")
		n, _ := io.Copy(w, hostile.GzipBomb(feedHead, 4<<30, ' ', nil))
		served.Add(n)
	})
	mux.HandleFunc("/endless", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		n, _ := io.Copy(w, hostile.Text(10*hostile.GB))
		served.Add(n)
	})
	mux.HandleFunc("/lying-length", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", "1000000000") // says 1 GB, sends 100 bytes and hangs up
		w.WriteHeader(200)
		w.Write([]byte(strings.Repeat("x", 100)))
	})
	mux.HandleFunc("/trickle", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(200)
		for range 100 {
			if _, err := w.Write([]byte("x")); err != nil {
				return
			}
			w.(http.Flusher).Flush()
			select {
			case <-time.After(100 * time.Millisecond):
			case <-r.Context().Done():
				return
			}
		}
	})
	mux.HandleFunc("/to-loopback", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://127.0.0.1:1/secret", http.StatusFound)
	})
	mux.HandleFunc("/to-metadata", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://169.254.169.254/latest/meta-data/", http.StatusFound)
	})
	mux.HandleFunc("/to-localhost-name", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://localhost:1/", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/to-file", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "file:///etc/passwd", http.StatusFound)
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop", http.StatusFound)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	exempt := netip.MustParseAddrPort(strings.TrimPrefix(srv.URL, "http://"))
	ctx := context.Background()

	cases := []struct {
		name, path string
		o          Options
		want       error
	}{
		{"gzip'd feed inflating to 4 GiB", "/bomb.xml", Options{MaxBytes: 16 << 20}, ErrTooLarge},
		{"endless body", "/endless", Options{MaxBytes: 16 << 20}, ErrTooLarge},
		{"body trickled for 10 s", "/trickle", Options{Timeout: time.Second}, context.DeadlineExceeded},
		{"redirect to 127.0.0.1", "/to-loopback", Options{}, ErrBlocked},
		{"redirect to 169.254.169.254", "/to-metadata", Options{}, ErrBlocked},
		{"redirect to localhost by name", "/to-localhost-name", Options{}, ErrBlocked},
		{"redirect to file:", "/to-file", Options{}, ErrScheme},
		{"redirect loop", "/loop", Options{}, ErrTooManyRedirects},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			served.Store(0)
			hostile.Expect(t, c.name, 10*time.Second, 96*hostile.MiB, c.want, func() error {
				_, err := newFetcher(c.o, exempt).Get(ctx, srv.URL+c.path)
				var fe *Error
				if err != nil && (!errors.As(err, &fe) || !strings.Contains(err.Error(), srv.URL)) {
					t.Errorf("error %q is not a *fetch.Error naming the URL", err)
				}
				return err
			})
			if n := served.Load(); n > 64<<20 {
				t.Errorf("the server sent %d MiB before the fetcher stopped", n>>20)
			}
		})
	}
	t.Run("lying Content-Length", func(t *testing.T) {
		hostile.Expect(t, "Content-Length 1 GB over a body of 100 bytes", 5*time.Second, 16*hostile.MiB, nil, func() error {
			_, err := newFetcher(Options{}, exempt).Get(ctx, srv.URL+"/lying-length")
			return err
		})
	})
}
