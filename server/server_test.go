package server

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/store"
	"github.com/newsgraph/newsgraph/store/sqlite"
	"github.com/newsgraph/newsgraph/store/storetest"
)

// newServer starts the API over a fresh SQLite store holding three reports
// of one meeting, each spelling the president differently.
func newServer(t *testing.T, o Options) (*httptest.Server, store.Store) {
	t.Helper()
	db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "api.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	for _, r := range reports(t) {
		storetest.Put(t, db, r, "")
	}
	o.Store = db
	srv := httptest.NewServer(New(o))
	t.Cleanup(srv.Close)
	return srv, db
}

func reports(t *testing.T) []*newsgraph.Record {
	var out []*newsgraph.Record
	for i, sp := range []string{"Volodymyr Zelensky", "Volodymyr Zelenskyy", "Wolodymyr Selenskyj"} {
		text := fmt.Sprintf("%s met Keir Starmer in London. \"We need more air defence,\" %s said. Story %d.", sp, sp, i)
		out = append(out, storetest.Record(t, storetest.Spec{URL: fmt.Sprintf("https://o%d.example/", i), Title: "Talks in London",
			Published: fmt.Sprintf("2025-03-0%d", i+1), Text: text,
			Entities: []storetest.Ent{
				{Key: "person:volodymyr-zelensky", Name: sp, Type: "PERSON", Spellings: []string{sp}},
				{Key: "person:keir-starmer", Name: "Keir Starmer", Type: "PERSON", Spellings: []string{"Keir Starmer"}},
			},
			Quotes: []storetest.Qt{{Text: "We need more air defence,", Speaker: 1, Cue: "said"}},
			Events: []storetest.Ev{{Type: "CONSULT", Trigger: "met", Date: "2025-02-28", Actors: []int{0}, Targets: []int{1}},
				{Type: "REQUEST", Trigger: "need", Issue: "air defence", Actors: []int{0}}},
		}))
	}
	return out
}

// do sends a request and returns the status, the headers and the body.
func do(t *testing.T, method, u string, body io.Reader, hdr ...string) (int, http.Header, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, u, body)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, b
}

// wantError checks an error response: status, JSON with error and reason.
func wantError(t *testing.T, status int, body []byte, want int) {
	t.Helper()
	if status != want {
		t.Errorf("status = %d, want %d; body %s", status, want, body)
		return
	}
	var e apiError
	if err := json.Unmarshal(body, &e); err != nil || e.Error == "" || e.Reason == "" {
		t.Errorf("error body %s is not {error, reason}: %v", body, err)
	}
}

type listBody struct {
	Items      []json.RawMessage `json:"items"`
	NextCursor *string           `json:"next_cursor"`
}

func list(t *testing.T, u string) listBody {
	t.Helper()
	st, _, b := do(t, "GET", u, nil)
	if st != http.StatusOK {
		t.Fatalf("GET %s = %d %s", u, st, b)
	}
	var l listBody
	if err := json.Unmarshal(b, &l); err != nil {
		t.Fatalf("GET %s: %v", u, err)
	}
	return l
}

func TestHealthzAndOpenAPI(t *testing.T) {
	srv, _ := newServer(t, Options{Token: "secret"})
	for _, p := range []string{"/healthz", "/api/v1/healthz"} {
		if st, _, b := do(t, "GET", srv.URL+p, nil); st != 200 || !bytes.Contains(b, []byte(`"ok"`)) {
			t.Errorf("%s = %d %s", p, st, b)
		}
	}
	st, _, b := do(t, "GET", srv.URL+"/openapi.json", nil)
	if st != 200 {
		t.Fatalf("openapi = %d", st)
	}
	var spec struct {
		OpenAPI string                    `json:"openapi"`
		Paths   map[string]map[string]any `json:"paths"`
	}
	if err := json.Unmarshal(b, &spec); err != nil || !strings.HasPrefix(spec.OpenAPI, "3.") {
		t.Fatalf("openapi.json: %v %q", err, spec.OpenAPI)
	}
	for _, p := range []string{"/api/v1/documents", "/api/v1/documents/{id}", "/api/v1/search", "/api/v1/entities", "/api/v1/entities/{id}",
		"/api/v1/quotes", "/api/v1/events", "/api/v1/events/{id}/sources", "/api/v1/positions", "/api/v1/positions/{id}/evidence", "/api/v1/export", "/healthz"} {
		if spec.Paths[p] == nil {
			t.Errorf("openapi.json lacks %s", p)
		}
	}
}

const article = `Ukrainian President Volodymyr Zelensky met US President Donald Trump in Rome on Saturday, his office said.

"It was a good meeting," Zelensky said after the talks. Trump later told reporters that Ukraine must accept a deal.`

func TestPostDocument(t *testing.T) {
	srv, _ := newServer(t, Options{})
	u := srv.URL + "/api/v1/documents"
	st, hdr, rec := do(t, "POST", u+"?published=2025-04-26&url=https://news.example/rome", strings.NewReader(article), "Content-Type", "text/plain")
	if st != http.StatusCreated || hdr.Get("Newsgraph-Status") != "stored" {
		t.Fatalf("POST = %d %s %s", st, hdr.Get("Newsgraph-Status"), rec)
	}
	var r newsgraph.Record
	if err := json.Unmarshal(rec, &r); err != nil || r.ID == "" || len(r.Entities) == 0 || r.Published == nil {
		t.Fatalf("record: %v %+v", err, r)
	}
	loc := hdr.Get("Location")
	if loc != "/api/v1/documents/"+r.ID {
		t.Errorf("Location = %q", loc)
	}
	st, _, got := do(t, "GET", srv.URL+loc, nil)
	if st != 200 || !bytes.Equal(got, rec) {
		t.Errorf("GET the posted document = %d, same bytes %v", st, bytes.Equal(got, rec))
	}
	// the same text again, as a JSON article from another URL: stored once
	body, _ := json.Marshal(map[string]string{"text": article, "url": "https://other.example/copy", "published": "2025-04-26"})
	st, hdr, again := do(t, "POST", u, bytes.NewReader(body), "Content-Type", "application/json")
	if st != http.StatusOK || hdr.Get("Newsgraph-Status") != "duplicate" || !bytes.Equal(again, rec) {
		t.Errorf("POST again = %d %s", st, hdr.Get("Newsgraph-Status"))
	}
	// HTML
	page := "<html><head><title>Harvest</title></head><body><article><p>Farmers in Kent expect a record apple harvest this year, the National Farmers Union said on Monday.</p><p>Prices are likely to fall.</p></article></body></html>"
	st, _, b := do(t, "POST", u, strings.NewReader(page), "Content-Type", "text/html; charset=utf-8")
	if st != http.StatusCreated || !bytes.Contains(b, []byte("record apple harvest")) {
		t.Errorf("POST HTML = %d %s", st, b)
	}
	st, _, b = do(t, "GET", srv.URL+"/api/v1/documents/"+r.ID+"/duplicates", nil)
	if st != 200 || !bytes.Contains(b, []byte(`"duplicates":1`)) {
		t.Errorf("duplicates = %d %s", st, b)
	}
}

func TestPostDocumentErrors(t *testing.T) {
	srv, _ := newServer(t, Options{MaxBody: 1000})
	u := srv.URL + "/api/v1/documents"
	tests := []struct {
		name       string
		url, ctype string
		body       string
		want       int
	}{
		{"empty body", u, "text/plain", "", 400},
		{"white space only", u, "text/plain", " \n\t ", 400},
		{"binary", u, "application/octet-stream", "abc\x00def", 400},
		{"JSON without text", u, "application/json", `{"title": "x"}`, 400},
		{"JSON not an object", u, "application/json", `[1, 2]`, 400},
		{"bad published date", u + "?published=yesterday", "text/plain", "Some text about things.", 400},
		{"body too large", u, "text/plain", strings.Repeat("word ", 300), 413},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, _, b := do(t, "POST", tt.url, strings.NewReader(tt.body), "Content-Type", tt.ctype)
			wantError(t, st, b, tt.want)
		})
	}
}

func TestAuth(t *testing.T) {
	srv, _ := newServer(t, Options{Token: "s3cret"})
	u := srv.URL + "/api/v1/entities"
	st, hdr, b := do(t, "GET", u, nil)
	wantError(t, st, b, http.StatusUnauthorized)
	if !strings.HasPrefix(hdr.Get("WWW-Authenticate"), "Bearer") {
		t.Errorf("WWW-Authenticate = %q", hdr.Get("WWW-Authenticate"))
	}
	for _, h := range []string{"Bearer wrong", "Bearer s3cret2", "Bearer s3cre", "s3cret", "Basic s3cret"} {
		st, _, b := do(t, "GET", u, nil, "Authorization", h)
		wantError(t, st, b, http.StatusUnauthorized)
	}
	st, _, b = do(t, "POST", srv.URL+"/api/v1/documents", strings.NewReader("text"), "Content-Type", "text/plain")
	wantError(t, st, b, http.StatusUnauthorized)
	if st, _, b := do(t, "GET", u, nil, "Authorization", "Bearer s3cret"); st != 200 {
		t.Errorf("with the token: %d %s", st, b)
	}
}

func TestNotFound(t *testing.T) {
	srv, _ := newServer(t, Options{})
	for _, p := range []string{"/api/v1/documents/nope", "/api/v1/documents/nope/duplicates", "/api/v1/entities/a99999",
		"/api/v1/entities/person:nobody", "/api/v1/events/m99999/sources", "/api/v1/positions/p99999/evidence", "/api/v1/nothing-here", "/elsewhere"} {
		st, _, b := do(t, "GET", srv.URL+p, nil)
		wantError(t, st, b, http.StatusNotFound)
	}
}

func TestBadParameters(t *testing.T) {
	srv, _ := newServer(t, Options{})
	for _, p := range []string{
		"/api/v1/quotes?cursor=not-a-cursor",
		"/api/v1/events?cursor=" + url.QueryEscape(store.EncodeCursor(3)+"=="),
		"/api/v1/entities?cursor=Zm9vYmFy",
		"/api/v1/search?q=london&cursor=%21%21",
		"/api/v1/quotes?limit=0",
		"/api/v1/quotes?limit=abc",
		"/api/v1/quotes?limit=501",
		"/api/v1/search",
		"/api/v1/search?q=+",
		"/api/v1/search?q=x&type=people",
		"/api/v1/entities?type=ALIEN",
		"/api/v1/events?type=PARTY",
		"/api/v1/events?from=last-week",
		"/api/v1/events?to=2025-13",
		"/api/v1/export?format=xml",
	} {
		st, _, b := do(t, "GET", srv.URL+p, nil)
		wantError(t, st, b, http.StatusBadRequest)
	}
}

func TestLists(t *testing.T) {
	srv, _ := newServer(t, Options{})
	api := srv.URL + "/api/v1"
	tests := []struct {
		path string
		want int
		has  string
	}{
		{"/search?q=air+defence", 3, `"snippet"`},
		{"/search?q=defen*&type=quotes", 3, `"speaker"`},
		{"/search?q=selenskyj&type=entities", 1, `person:volodymyr-zelensky`},
		{"/entities", 2, `"documents":3`},
		{"/entities?type=person&q=starmer", 1, `Keir Starmer`},
		{"/entities?type=GPE", 0, ``},
		{"/quotes?speaker=Volodymyr+Zelenskyy", 3, `We need more air defence`},
		{"/quotes?speaker=person:keir-starmer", 0, ``},
		{"/events?type=CONSULT", 1, `"source_count":3`},
		{"/events?actor=Keir+Starmer&from=2025-02&to=2025-02-28", 1, `"sources"`},
		{"/events?issue=air+defence", 3, `"REQUEST"`},
		{"/positions?actor=person:volodymyr-zelensky", 3, `"evidence"`},
		{"/positions?issue=Air+Defence", 3, `"stance":"demand"`},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			l := list(t, api+tt.path)
			if len(l.Items) != tt.want {
				t.Fatalf("%d items, want %d", len(l.Items), tt.want)
			}
			if tt.has != "" && !bytes.Contains(l.Items[0], []byte(tt.has)) {
				t.Errorf("first item %s lacks %s", l.Items[0], tt.has)
			}
		})
	}
	// a dossier by id and by key
	l := list(t, api+"/entities?q=zelensky")
	var a store.Actor
	json.Unmarshal(l.Items[0], &a)
	for _, id := range []string{a.ID, url.PathEscape(a.Key)} {
		st, _, b := do(t, "GET", api+"/entities/"+id, nil)
		var d store.Dossier
		if err := json.Unmarshal(b, &d); st != 200 || err != nil || len(d.Names) != 3 || len(d.Quotes) != 3 || d.Counts.Positions != 3 {
			t.Errorf("dossier %s = %d %s", id, st, b)
		}
	}
}

func TestPaging(t *testing.T) {
	srv, _ := newServer(t, Options{})
	seen := map[string]bool{}
	next := ""
	for pages := 0; pages < 10; pages++ {
		u := srv.URL + "/api/v1/quotes?limit=1"
		if next != "" {
			u += "&cursor=" + url.QueryEscape(next)
		}
		l := list(t, u)
		for _, it := range l.Items {
			var q store.QuoteHit
			json.Unmarshal(it, &q)
			if seen[q.Document] {
				t.Errorf("quote of %s seen twice", q.Document)
			}
			seen[q.Document] = true
		}
		if l.NextCursor == nil {
			break
		}
		next = *l.NextCursor
	}
	if len(seen) != 3 {
		t.Errorf("paged through %d quotes, want 3", len(seen))
	}
}

func TestExport(t *testing.T) {
	srv, _ := newServer(t, Options{})
	st, hdr, b := do(t, "GET", srv.URL+"/api/v1/export?format=jsonl", nil)
	if st != 200 || !strings.HasPrefix(hdr.Get("Content-Type"), "application/jsonl") {
		t.Fatalf("export jsonl = %d %s", st, hdr.Get("Content-Type"))
	}
	n := 0
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var r newsgraph.Record
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil || r.ID == "" {
			t.Errorf("line %d: %v", n+1, err)
		}
		n++
	}
	if n != 3 {
		t.Errorf("exported %d records, want 3", n)
	}
	st, _, b = do(t, "GET", srv.URL+"/api/v1/export?format=csv", nil)
	rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if st != 200 || err != nil || len(rows) != 7 || strings.Join(rows[0], ",") != strings.Join(EventCSVHeader, ",") {
		t.Errorf("export csv = %d %v, %d rows", st, err, len(rows))
	}
}

func TestMethodNotAllowed(t *testing.T) {
	srv, _ := newServer(t, Options{})
	st, hdr, b := do(t, "DELETE", srv.URL+"/api/v1/documents/x", nil)
	wantError(t, st, b, http.StatusMethodNotAllowed)
	if hdr.Get("Allow") != "GET" {
		t.Errorf("Allow = %q", hdr.Get("Allow"))
	}
}
