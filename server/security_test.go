package server

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/store"
	"github.com/newsgraph/newsgraph/store/sqlite"
	"github.com/newsgraph/newsgraph/store/storetest"
)

// handler is the API over a SQLite store with the three reports of
// reports(), for tests that call it in process (httptest.NewRecorder).
func handler(tb testing.TB, o Options) *Handler {
	tb.Helper()
	db, err := sqlite.Open(context.Background(), filepath.Join(tb.TempDir(), "api.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	for i, sp := range []string{"Volodymyr Zelensky", "Wolodymyr Selenskyj"} {
		text := fmt.Sprintf("%s met Keir Starmer in London. \"We need more air defence,\" %s said. Story %d.", sp, sp, i)
		storetest.Put(tb, db, storetest.Record(tb, storetest.Spec{URL: fmt.Sprintf("https://o%d.example/", i), Title: "Talks in London",
			Published: fmt.Sprintf("2025-03-0%d", i+1), Text: text,
			Entities: []storetest.Ent{
				{Key: "person:volodymyr-zelensky", Name: sp, Type: "PERSON", Spellings: []string{sp}},
				{Key: "person:keir-starmer", Name: "Keir Starmer", Type: "PERSON", Spellings: []string{"Keir Starmer"}},
			},
			Quotes: []storetest.Qt{{Text: "We need more air defence,", Speaker: 1, Cue: "said"}},
			Events: []storetest.Ev{{Type: "CONSULT", Trigger: "met", Date: "2025-02-28", Actors: []int{0}, Targets: []int{1}},
				{Type: "REQUEST", Trigger: "need", Issue: "air defence", Actors: []int{0}}},
		}), "")
	}
	o.Store = db
	return New(o)
}

func serve(h http.Handler, method, target, body string, hdr ...string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, target, strings.NewReader(body))
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	return w
}

// TestTokens: the full token reads and writes, the read-only token only
// reads, anything else — no header, another scheme, a prefix or an
// extension of a token, the token of another case — is refused.
func TestTokens(t *testing.T) {
	h := handler(t, Options{Token: "s3cret-full", ReadToken: "s3cret-read"})
	post := "Officials met in Lisbon on Friday."
	for _, c := range []struct {
		name, method, path, auth string
		want                     int
	}{
		{"full token reads", "GET", "/api/v1/stats", "Bearer s3cret-full", 200},
		{"full token writes", "POST", "/api/v1/documents", "Bearer s3cret-full", 201},
		{"read token reads", "GET", "/api/v1/search?q=London", "Bearer s3cret-read", 200},
		{"read token may not write", "POST", "/api/v1/documents", "Bearer s3cret-read", 403},
		{"no header", "GET", "/api/v1/stats", "", 401},
		{"basic scheme", "GET", "/api/v1/stats", "Basic czNjcmV0LWZ1bGw=", 401},
		{"lower-case scheme", "GET", "/api/v1/stats", "bearer s3cret-full", 401},
		{"prefix of the token", "GET", "/api/v1/stats", "Bearer s3cret-ful", 401},
		{"token extended", "GET", "/api/v1/stats", "Bearer s3cret-full0", 401},
		{"token upper-cased", "GET", "/api/v1/stats", "Bearer S3CRET-FULL", 401},
		{"empty bearer", "GET", "/api/v1/stats", "Bearer ", 401},
		{"health needs none", "GET", "/healthz", "", 200},
	} {
		t.Run(c.name, func(t *testing.T) {
			w := serve(h, c.method, c.path, post, "Authorization", c.auth, "Content-Type", "text/plain")
			if w.Code != c.want {
				t.Fatalf("status %d, want %d: %s", w.Code, c.want, w.Body)
			}
			if c.want >= 400 && !json.Valid(w.Body.Bytes()) {
				t.Errorf("error body is not JSON: %s", w.Body)
			}
		})
	}
}

// TestTokenTiming: a wrong token sharing a long prefix with the real one
// takes as long to refuse as one sharing nothing (the comparison is of
// SHA-256 digests with subtle.ConstantTimeCompare). Timing in a test is
// noisy, so only a gross difference (2×) fails, and the test runs only when
// asked (NEWSGRAPH_TIMING_TESTS=1) on a quiet machine: on a shared one other
// processes' load alone makes one side twice as slow.
func TestTokenTiming(t *testing.T) {
	if os.Getenv("NEWSGRAPH_TIMING_TESTS") == "" {
		t.Skip("skipped: timing test; set NEWSGRAPH_TIMING_TESTS=1 to run it on a quiet machine")
	}
	token := strings.Repeat("k", 4096)
	h := handler(t, Options{Token: token})
	measure := func(auth string) time.Duration {
		best := time.Hour
		for range 5 {
			start := time.Now()
			for range 300 {
				serve(h, "GET", "/api/v1/stats", "", "Authorization", "Bearer "+auth)
			}
			best = min(best, time.Since(start))
		}
		return best
	}
	near := measure(token[:4095] + "x")
	far := measure("x" + token[1:])
	t.Logf("refusing 300 tokens: last byte wrong %v, first byte wrong %v", near, far)
	if near > 2*far || far > 2*near {
		t.Errorf("refusal time depends on where the token differs: %v vs %v", near, far)
	}
}

// TestLimits: the body limit, the page limit, and CORS off by default.
func TestLimits(t *testing.T) {
	h := handler(t, Options{MaxBody: 1 << 10})
	w := serve(h, "POST", "/api/v1/documents", strings.Repeat("word ", 1000), "Content-Type", "text/plain")
	if w.Code != http.StatusRequestEntityTooLarge {
		t.Errorf("body of 5000 bytes over a limit of 1024: status %d", w.Code)
	}
	for _, l := range []string{"0", "-1", "501", "99999999999999999999", "1e3", "ten"} {
		if w := serve(h, "GET", "/api/v1/entities?limit="+url.QueryEscape(l), ""); w.Code != 400 {
			t.Errorf("limit=%s: status %d, want 400", l, w.Code)
		}
	}
	w = serve(h, "GET", "/api/v1/entities?limit=500", "", "Origin", "https://evil.example")
	if w.Code != 200 {
		t.Errorf("limit=500: status %d", w.Code)
	}
	for k := range w.Header() {
		if strings.HasPrefix(strings.ToLower(k), "access-control-") {
			t.Errorf("CORS header %s sent by default", k)
		}
	}
	w = serve(h, "OPTIONS", "/api/v1/entities", "", "Origin", "https://evil.example", "Access-Control-Request-Method", "POST")
	if w.Header().Get("Access-Control-Allow-Origin") != "" || w.Code < 400 {
		t.Errorf("preflight answered %d with %v", w.Code, w.Header())
	}
}

// TestNoSQLFromStrings sends SQL and FTS syntax in every parameter: the
// answers are 200 or 400 (never 500) and the store is unchanged.
func TestNoSQLFromStrings(t *testing.T) {
	h := handler(t, Options{})
	before := serve(h, "GET", "/api/v1/stats", "").Body.String()
	for _, inj := range []string{`' OR 1=1 --`, `"); DROP TABLE documents; --`, `x" OR "1"="1`, `NEAR(a b)`, `*`, `a OR b`, `title:x`, `^x`, `{a b}:c`, "\x00", `%`, `_`} {
		for _, path := range []string{"/api/v1/search?q=", "/api/v1/search?type=quotes&q=", "/api/v1/search?type=entities&q=",
			"/api/v1/entities?q=", "/api/v1/quotes?speaker=", "/api/v1/quotes?q=", "/api/v1/events?actor=", "/api/v1/events?issue=",
			"/api/v1/positions?actor=", "/api/v1/positions?issue=", "/api/v1/documents/", "/api/v1/entities/", "/api/v1/entities?cursor="} {
			w := serve(h, "GET", path+url.QueryEscape(inj), "")
			if w.Code != 200 && w.Code != 400 && w.Code != 404 {
				t.Errorf("%s%q: status %d: %s", path, inj, w.Code, w.Body)
			}
		}
	}
	if after := serve(h, "GET", "/api/v1/stats", "").Body.String(); after != before {
		t.Errorf("stats changed: %s → %s", before, after)
	}
}

var _ store.Store = (*sqlite.DB)(nil)
