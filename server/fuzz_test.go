package server

import (
	"encoding/json"
	"net/url"
	"strings"
	"testing"
	"time"
)

var fuzzRoutes = []string{
	"/api/v1/search", "/api/v1/entities", "/api/v1/quotes", "/api/v1/events",
	"/api/v1/positions", "/api/v1/documents/", "/api/v1/entities/", "/api/v1/stats",
	"/api/v1/documents/{id}/duplicates",
}

// FuzzAPIParams sends fuzzed query strings and path ids to every GET route
// of the API in process: no panic, no 500 (every bad parameter is a 400,
// every unknown id a 404, a path cleaned onto another route 405 or a
// redirect), the body is JSON, and the answer comes within a
// second.
func FuzzAPIParams(f *testing.F) {
	for _, q := range []string{"q=London", "q=London&limit=1", "limit=0", "limit=501", "cursor=Yzox", "cursor=!!",
		"type=quotes&q=air*", "type=entities&q=Zel", "type=bogus&q=x", "from=2025-02&to=2025-03-31", "from=2025-13",
		"actor=person:volodymyr-zelensky", "speaker=Zelensky&q=defence", "issue=air%20defence", "q=%22%28%29%2A%5E",
		"q=a&q=b", "q=%FF%FE", "limit=%2B5", "type=PERSON", "type=consult"} {
		f.Add(uint8(0), q, "")
		f.Add(uint8(3), q, "")
	}
	f.Add(uint8(5), "", "doc-1")
	f.Add(uint8(6), "", "person:keir-starmer")
	f.Add(uint8(6), "", "1")
	h := handler(f, Options{})
	f.Fuzz(func(t *testing.T, route uint8, rawQuery, id string) {
		path := fuzzRoutes[int(route)%len(fuzzRoutes)]
		if strings.HasSuffix(path, "/") || strings.Contains(path, "{id}") {
			if id == "" {
				id = "x"
			}
			path = strings.Replace(path, "{id}", url.PathEscape(id), 1)
			if strings.HasSuffix(path, "/") {
				path += url.PathEscape(id)
			}
		}
		u := &url.URL{Path: path, RawQuery: rawQuery}
		target := u.String()
		if _, err := url.ParseRequestURI("http://api.test" + target); err != nil || strings.ContainsAny(target, " \t\r\n#") {
			return // not a request line a client can send
		}
		done := make(chan int, 1)
		var body []byte
		go func() {
			w := serve(h, "GET", "http://api.test"+target, "")
			body = w.Body.Bytes()
			done <- w.Code
		}()
		var code int
		select {
		case code = <-done:
		case <-time.After(time.Second):
			t.Fatalf("GET %s: no answer within a second", target)
		}
		switch code {
		case 200, 400, 404, 405: // 405: a path that cleans to a POST-only route
		case 301, 307, 308: // the mux's redirect to the cleaned path
			return
		default:
			t.Fatalf("GET %s: status %d: %s", target, code, body)
		}
		if !json.Valid(body) {
			t.Fatalf("GET %s: body is not JSON: %q", target, body)
		}
	})
}
