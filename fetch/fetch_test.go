package fetch

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// Every server in these tests listens on loopback; nothing else is contacted.

func TestGet(t *testing.T) {
	var gotUA string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/page":
			gotUA = r.UserAgent()
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, "<p>hello</p>")
		case "/moved":
			http.Redirect(w, r, "/page", http.StatusFound)
		case "/loop":
			http.Redirect(w, r, "/loop", http.StatusFound)
		case "/big":
			w.Header().Set("Content-Length", "5000")
			fmt.Fprint(w, strings.Repeat("x", 5000))
		case "/big-chunked":
			for range 10 {
				fmt.Fprint(w, strings.Repeat("x", 500))
				w.(http.Flusher).Flush()
			}
		case "/slow":
			select {
			case <-time.After(3 * time.Second):
			case <-r.Context().Done():
			}
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	f := New(Options{AllowPrivate: true, MaxBytes: 1000, Timeout: 300 * time.Millisecond, MaxRedirects: 3})
	tests := []struct {
		name    string
		path    string
		want    string
		wantErr error
	}{
		{"page", "/page", "<p>hello</p>", nil},
		{"redirect followed", "/moved", "<p>hello</p>", nil},
		{"redirect loop stops", "/loop", "", ErrTooManyRedirects},
		{"content-length over limit", "/big", "", ErrTooLarge},
		{"chunked body over limit", "/big-chunked", "", ErrTooLarge},
		{"not found", "/nothing", "", ErrStatus},
		{"slow server times out", "/slow", "", context.DeadlineExceeded},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			u := srv.URL + tc.path
			resp, err := f.Get(context.Background(), u)
			if tc.wantErr != nil {
				if !errors.Is(err, tc.wantErr) {
					t.Fatalf("err = %v, want %v", err, tc.wantErr)
				}
				if !strings.Contains(err.Error(), u) {
					t.Errorf("error %q does not name the URL", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if string(resp.Body) != tc.want {
				t.Errorf("body = %q, want %q", resp.Body, tc.want)
			}
			if !strings.HasSuffix(resp.URL, "/page") {
				t.Errorf("final URL = %q", resp.URL)
			}
		})
	}
	if !strings.HasPrefix(gotUA, "newsgraph/") || !strings.Contains(gotUA, "+https://github.com/newsgraph/newsgraph") {
		t.Errorf("User-Agent = %q", gotUA)
	}
}

func TestRefusesPrivateAddresses(t *testing.T) {
	var hits atomic.Int32
	target := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		fmt.Fprint(w, "internal secret")
	}))
	defer target.Close()
	redirector := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, target.URL+"/latest/meta-data/", http.StatusFound)
	}))
	defer redirector.Close()
	tu, _ := url.Parse(target.URL)
	port := tu.Port()

	t.Run("loopback URL", func(t *testing.T) {
		_, err := New(Options{}).Get(context.Background(), target.URL)
		if !errors.Is(err, ErrBlocked) || !strings.Contains(err.Error(), "loopback") {
			t.Fatalf("err = %v, want ErrBlocked naming loopback", err)
		}
	})
	t.Run("name resolving to loopback", func(t *testing.T) {
		_, err := New(Options{}).Get(context.Background(), "http://localhost:"+port+"/")
		if !errors.Is(err, ErrBlocked) {
			t.Fatalf("err = %v, want ErrBlocked", err)
		}
	})
	t.Run("redirect to 127.0.0.1", func(t *testing.T) {
		// the redirector alone is exempt, as a public server would be;
		// the hop it sends us on must be refused at dial time
		exempt := netip.MustParseAddrPort(strings.TrimPrefix(redirector.URL, "http://"))
		_, err := newFetcher(Options{}, exempt).Get(context.Background(), redirector.URL)
		if !errors.Is(err, ErrBlocked) {
			t.Fatalf("err = %v, want ErrBlocked", err)
		}
		if !strings.Contains(err.Error(), redirector.URL) {
			t.Errorf("error %q does not name the URL", err)
		}
	})
	t.Run("allowed when AllowPrivate", func(t *testing.T) {
		resp, err := New(Options{AllowPrivate: true}).Get(context.Background(), redirector.URL)
		if err != nil || string(resp.Body) != "internal secret" {
			t.Fatalf("resp = %v, err = %v", resp, err)
		}
	})
	if n := hits.Load(); n != 1 {
		t.Errorf("target was reached %d times, want once (only with AllowPrivate)", n)
	}
}

func TestSchemes(t *testing.T) {
	f := New(Options{})
	for _, u := range []string{"file:///etc/passwd", "ftp://example.com/x", "gopher://x", "javascript:alert(1)", "http:///nohost"} {
		if _, err := f.Get(context.Background(), u); err == nil {
			t.Errorf("%s: no error", u)
		}
	}
}

func TestPerHostLimit(t *testing.T) {
	var inFlight, most atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := inFlight.Add(1)
		defer inFlight.Add(-1)
		for {
			m := most.Load()
			if n <= m || most.CompareAndSwap(m, n) {
				break
			}
		}
		time.Sleep(30 * time.Millisecond)
		fmt.Fprint(w, "ok")
	}))
	defer srv.Close()
	f := New(Options{AllowPrivate: true, PerHost: 2})
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if _, err := f.Get(context.Background(), srv.URL); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if m := most.Load(); m > 2 || m < 1 {
		t.Errorf("at most %d requests in flight, want 1..2", m)
	}
}

func TestForbidden(t *testing.T) {
	tests := []struct {
		ip   string
		want string
	}{
		{"127.0.0.1", "loopback"},
		{"127.8.9.1", "loopback"},
		{"::1", "loopback"},
		{"::ffff:127.0.0.1", "loopback"},
		{"10.1.2.3", "private"},
		{"172.16.0.1", "private"},
		{"192.168.1.1", "private"},
		{"fd00:ec2::254", "private"},
		{"169.254.169.254", "link-local"},
		{"fe80::1", "link-local"},
		{"224.0.0.1", "multicast"},
		{"ff02::1", "multicast"},
		{"0.0.0.0", "unspecified"},
		{"::", "unspecified"},
		{"0.1.2.3", "\"this network\""},
		{"100.64.0.1", "shared (carrier-grade NAT)"},
		{"255.255.255.255", "broadcast"},
		{"8.8.8.8", ""},
		{"2001:4860:4860::8888", ""},
		{"172.32.0.1", ""},
	}
	for _, tc := range tests {
		if got := Forbidden(netip.MustParseAddr(tc.ip)); got != tc.want {
			t.Errorf("Forbidden(%s) = %q, want %q", tc.ip, got, tc.want)
		}
	}
}

func TestUTF8(t *testing.T) {
	tests := []struct {
		name, body, contentType, want string
	}{
		{"utf-8 untouched", "Zürich „quote“", "text/html; charset=utf-8", "Zürich „quote“"},
		{"latin-1 header", "Z\xfcrich", "text/html; charset=iso-8859-1", "Zürich"},
		{"meta charset", "<meta charset=\"windows-1251\"><p>\xcc\xee\xf1\xea\xe2\xe0", "text/html", "<meta charset=\"windows-1251\"><p>Москва"},
		{"invalid bytes replaced", "ok \xff\xfe", "text/plain; charset=utf-8", "ok \uFFFD"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := string(UTF8([]byte(tc.body), tc.contentType)); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}
