package web

import (
	"compress/gzip"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
)

// get fetches a page from the handler and returns status, headers and body.
func get(t *testing.T, h http.Handler, path string) (int, http.Header, string) {
	t.Helper()
	req := httptest.NewRequest("GET", path, nil)
	req.Header.Set("Accept-Encoding", "gzip")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	var body io.Reader = rec.Body
	if rec.Header().Get("Content-Encoding") == "gzip" {
		zr, err := gzip.NewReader(rec.Body)
		if err != nil {
			t.Fatal(err)
		}
		body = zr
	}
	b, err := io.ReadAll(body)
	if err != nil {
		t.Fatal(err)
	}
	return rec.Code, rec.Header(), string(b)
}

func TestPages(t *testing.T) {
	st, docID := testStore(t, 0)
	h := Handler(st, Options{Logger: slog.New(slog.NewTextHandler(os.Stderr, nil))})
	zel := actorByName(t, st, "Volodymyr Zelensky")
	trump := actorByName(t, st, "Donald Trump")
	for _, tc := range []struct {
		name, path string
		status     int
		want       []string
	}{
		{"home lists actors", "/", 200, []string{"Volodymyr Zelensky", "Donald Trump", "Documents"}},
		{"search finds all kinds", "/search?q=Crimea", 200, []string{"Trump and Zelensky meet in Rome", "Crimea will remain with Russia", "/actors/"}},
		{"search quotes by speaker", "/search?q=Trump&kind=quotes", 200, []string{"Crimea will remain with Russia"}},
		{"search time filter excludes", "/search?q=Crimea&kind=documents&to=2024", 200, []string{"No document matches."}},
		{"search source filter keeps", "/search?q=Crimea&kind=documents&source=wire", 200, []string{"Trump and Zelensky meet in Rome"}},
		{"search empty", "/search", 200, []string{"Search the text"}},
		{"search bad syntax", "/search?q=%22%22%22", 0, nil},
		{"document highlights", "/documents/" + docID, 200, []string{
			`class="hl quote qk-direct" id="q`, `data-speaker="Donald Trump"`, `class="hl time" id="t1"`,
			`class="hl trig t-CONSULT" id="v`, "Captions", "AFP", "Show more", `href="#t1"`}},
		{"document missing", "/documents/nope", 404, []string{"No document with this id"}},
		{"dossier Zelensky", "/actors/" + zel, 200, []string{"Zelensky", "Zelenskyi", "Selensky", "Voldymyr Zelensky", "Volodymyr Zelensky", "rejects", "Crimea"}},
		{"dossier Trump quote", "/actors/" + trump, 200, []string{"Crimea will remain with Russia", "Time Magazine", "/documents/" + docID + "#q"}},
		{"dossier by key", "/actors/person:donald-trump", 0, nil},
		{"actor missing", "/actors/a99999", 404, nil},
		{"timeline", "/timeline", 200, []string{"<svg", `class="pt"`, "CONSULT", "/documents/" + docID + "#v"}},
		{"timeline filtered", "/timeline?type=REJECT", 200, []string{"Crimea"}},
		{"network", "/network", 200, []string{`id="network-data"`, "Donald Trump", "Volodymyr Zelensky", "CONSULT"}},
		{"positions", "/positions", 200, []string{"Volodymyr Zelensky", "Crimea", "rejects", `id="positions-data"`}},
		{"positions evidence", "/positions?sel_actor=" + zel + "&sel_issue=Crimea", 200, []string{`id="evidence"`, "/documents/" + docID + "#v"}},
		{"unknown page", "/nothing", 404, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, hd, body := get(t, h, tc.path)
			if tc.status != 0 && code != tc.status {
				t.Errorf("status = %d, want %d", code, tc.status)
			}
			if code >= 500 {
				t.Errorf("status = %d: %s", code, body)
			}
			for _, w := range tc.want {
				if !strings.Contains(body, w) {
					t.Errorf("page lacks %q", w)
				}
			}
			csp := hd.Get("Content-Security-Policy")
			if !strings.Contains(csp, "frame-ancestors 'none'") || !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") {
				t.Errorf("CSP = %q", csp)
			}
			if hd.Get("X-Content-Type-Options") != "nosniff" || hd.Get("Referrer-Policy") == "" {
				t.Errorf("security headers missing: %v", hd)
			}
			if strings.Contains(body, "<script>") || strings.Contains(body, " style=") || strings.Contains(body, " onclick") {
				t.Errorf("page has inline script or style")
			}
		})
	}
}

func TestStatic(t *testing.T) {
	st, _ := testStore(t, 0)
	h := Handler(st, Options{})
	for _, name := range []string{"app.css", "app.js"} {
		a := assets()[name]
		code, hd, body := get(t, h, "/static/"+name+"?v="+a.hash)
		if code != 200 || body != string(a.body) {
			t.Errorf("%s: status %d, %d bytes, want %d", name, code, len(body), len(a.body))
		}
		if !strings.Contains(hd.Get("Cache-Control"), "immutable") {
			t.Errorf("%s: Cache-Control = %q", name, hd.Get("Cache-Control"))
		}
	}
	if code, _, _ := get(t, h, "/static/nothing.js"); code != 404 {
		t.Errorf("missing static file: status %d", code)
	}
}

func TestToken(t *testing.T) {
	st, _ := testStore(t, 0)
	h := Handler(st, Options{Token: "s3cret"})
	for _, tc := range []struct {
		name, user, pass, bearer string
		want                     int
	}{
		{"no credentials", "", "", "", 401},
		{"wrong password", "me", "nope", "", 401},
		{"basic with the token", "anyone", "s3cret", "", 200},
		{"bearer with the token", "", "", "s3cret", 200},
		{"wrong bearer", "", "", "s3cre", 401},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req := httptest.NewRequest("GET", "/", nil)
			if tc.user != "" {
				req.SetBasicAuth(tc.user, tc.pass)
			}
			if tc.bearer != "" {
				req.Header.Set("Authorization", "Bearer "+tc.bearer)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != tc.want {
				t.Errorf("status = %d, want %d", rec.Code, tc.want)
			}
			if rec.Code == 401 && !strings.HasPrefix(rec.Header().Get("WWW-Authenticate"), "Basic") {
				t.Errorf("WWW-Authenticate = %q", rec.Header().Get("WWW-Authenticate"))
			}
			if rec.Header().Get("Content-Security-Policy") == "" {
				t.Error("no security headers on the answer")
			}
		})
	}
}
