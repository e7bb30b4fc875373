// Package server is the HTTP JSON API of newsgraph under /api/v1 (SPEC §4):
// documents posted for analysis and read back, full-text search, actors and
// their dossiers, quotes, merged events and positions across documents,
// export, and an OpenAPI 3 description at /openapi.json. It reads and
// writes only through store.Store.
//
// # Invariants
//   - Every error is JSON {"error": "...", "reason": "..."} with a status
//     code that says what went wrong (400 bad parameter or cursor, 401 no or
//     wrong token, 404 unknown id, 413 body too large, 500 a bug).
//   - Lists are pages: {"items": [...], "next_cursor": "..." | null}; limit
//     is 1..store.MaxLimit, the cursor opaque.
//   - No user string reaches SQL but as a parameter (the store's promise);
//     this package validates types, dates and limits before asking.
//
// # Concurrency
// A Handler is safe for concurrent use. Analyses of posted documents run at
// most GOMAXPROCS at once; further posts wait.
//
// # Performance
// Reads are one or a few indexed queries each. On a SQLite store of 30,000
// news articles (801 MB), 4 concurrent clients on loopback, 2 cores shared
// with other heavy jobs (load average 10): GET /documents/{id} p50 1.1 ms
// (p99 12 ms), /entities 1-2 ms, /positions of an actor 5 ms, /events of
// an actor 7 ms (p99 101 ms), quotes of a speaker 2 ms, a dossier 33 ms
// (p99 79 ms), /search 31-48 ms (p99 88-214 ms); with one client a search
// takes 12-14 ms and a dossier 12 ms.
package server

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	_ "embed"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/jsonl"
	"github.com/newsgraph/newsgraph/pipeline"
	"github.com/newsgraph/newsgraph/store"
)

//go:embed openapi.json
var openAPI []byte

// DefaultMaxBody is the largest request body accepted, in bytes.
const DefaultMaxBody = 4 << 20

// Options configure a Handler.
type Options struct {
	Store store.Store
	// Token, when set, must be sent as "Authorization: Bearer TOKEN" on
	// every request but /healthz and /openapi.json.
	Token string
	// ReadToken, when set, is a second token that may only read: it is
	// accepted on GET requests and refused (403) on POST /documents.
	ReadToken string
	MaxBody   int64 // bytes; 0 means DefaultMaxBody
	Log       *slog.Logger
	// Pipeline analyses posted documents; nil means pipeline.Default().
	Pipeline newsgraph.Pipeline
	// UI, when set, serves the requests outside /api/ that no API route
	// takes: the web UI (package web), behind the same logging.
	UI http.Handler
}

// Handler serves the API.
type Handler struct {
	o     Options
	mux   *http.ServeMux
	token [32]byte
	read  [32]byte      // digest of ReadToken
	slots chan struct{} // bounds concurrent analyses
}

// New returns the API handler.
func New(o Options) *Handler {
	if o.MaxBody <= 0 {
		o.MaxBody = DefaultMaxBody
	}
	if o.Log == nil {
		o.Log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if o.Pipeline == nil {
		o.Pipeline = pipeline.Default()
	}
	h := &Handler{o: o, mux: http.NewServeMux(), slots: make(chan struct{}, runtime.GOMAXPROCS(0))}
	h.token = sha256.Sum256([]byte(o.Token))
	h.read = sha256.Sum256([]byte(o.ReadToken))
	m := h.mux
	m.HandleFunc("GET /healthz", h.healthz)
	m.HandleFunc("GET /api/v1/healthz", h.healthz)
	m.HandleFunc("GET /openapi.json", h.openapi)
	m.HandleFunc("GET /api/v1/openapi.json", h.openapi)
	m.HandleFunc("POST /api/v1/documents", h.auth(h.postDocument))
	m.HandleFunc("GET /api/v1/documents/{id}", h.auth(h.getDocument))
	m.HandleFunc("GET /api/v1/documents/{id}/duplicates", h.auth(h.getDuplicates))
	m.HandleFunc("GET /api/v1/search", h.auth(h.search))
	m.HandleFunc("GET /api/v1/entities", h.auth(h.entities))
	m.HandleFunc("GET /api/v1/entities/{id}", h.auth(h.dossier))
	m.HandleFunc("GET /api/v1/quotes", h.auth(h.quotes))
	m.HandleFunc("GET /api/v1/events", h.auth(h.events))
	m.HandleFunc("GET /api/v1/events/{id}/sources", h.auth(h.eventSources))
	m.HandleFunc("GET /api/v1/positions", h.auth(h.positions))
	m.HandleFunc("GET /api/v1/positions/{id}/evidence", h.auth(h.positionEvidence))
	m.HandleFunc("GET /api/v1/export", h.auth(h.export))
	m.HandleFunc("GET /api/v1/stats", h.auth(h.stats))
	return h
}

// ServeHTTP implements http.Handler: it logs each request and turns a
// panic into a 500.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	sw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
	defer func() {
		if p := recover(); p != nil {
			h.o.Log.Error("panic", "method", r.Method, "path", r.URL.Path, "panic", p)
			if !sw.wrote {
				writeError(sw, http.StatusInternalServerError, "internal error", "the server failed; the failure is logged")
			}
		}
		lvl := slog.LevelDebug
		if sw.status >= 500 {
			lvl = slog.LevelError
		}
		h.o.Log.Log(r.Context(), lvl, "request", "method", r.Method, "path", r.URL.Path, "status", sw.status, "duration", time.Since(start))
	}()
	if _, pattern := h.mux.Handler(r); pattern == "" {
		if h.o.UI != nil && !strings.HasPrefix(r.URL.Path, "/api/") {
			h.o.UI.ServeHTTP(sw, r)
			return
		}
		h.noRoute(sw, r)
		return
	}
	// A NUL byte is text to nobody: SQLite's FTS5 and PostgreSQL's text
	// type both fail on it, which would be a 500 for bad input.
	if strings.ContainsRune(r.URL.Path, 0) || strings.Contains(r.URL.RawQuery, "%00") || strings.ContainsRune(r.URL.RawQuery, 0) {
		writeError(sw, http.StatusBadRequest, "bad parameter", "parameters may not contain NUL bytes")
		return
	}
	h.mux.ServeHTTP(sw, r)
}

// noRoute answers a request that no pattern takes, in JSON like every
// other error: 405 with Allow when the path exists for other methods.
func (h *Handler) noRoute(w http.ResponseWriter, r *http.Request) {
	var allow []string
	for _, m := range []string{http.MethodGet, http.MethodPost} {
		if m == r.Method {
			continue
		}
		r2 := r.Clone(r.Context())
		r2.Method = m
		if _, p := h.mux.Handler(r2); p != "" {
			allow = append(allow, m)
		}
	}
	if len(allow) > 0 {
		w.Header().Set("Allow", strings.Join(allow, ", "))
		writeError(w, http.StatusMethodNotAllowed, "method not allowed", fmt.Sprintf("%s takes %s", r.URL.Path, strings.Join(allow, ", ")))
		return
	}
	writeError(w, http.StatusNotFound, "not found", fmt.Sprintf("no route for %s %s", r.Method, r.URL.Path))
}

type statusWriter struct {
	http.ResponseWriter
	status int
	wrote  bool
}

func (w *statusWriter) WriteHeader(code int) {
	if !w.wrote {
		w.status, w.wrote = code, true
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	w.wrote = true
	return w.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the connection (to flush and
// extend deadlines while exporting).
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// auth checks the bearer token when one is configured. The comparison is
// of fixed-length digests in constant time, so neither the token's length
// nor its prefix leaks through timing.
//
// A read-only token (Options.ReadToken) passes on GET and HEAD only.
func (h *Handler) auth(next http.HandlerFunc) http.HandlerFunc {
	if h.o.Token == "" && h.o.ReadToken == "" {
		return next
	}
	return func(w http.ResponseWriter, r *http.Request) {
		got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		sum := sha256.Sum256([]byte(strings.TrimSpace(got)))
		full := h.o.Token != "" && subtle.ConstantTimeCompare(sum[:], h.token[:]) == 1
		read := h.o.ReadToken != "" && subtle.ConstantTimeCompare(sum[:], h.read[:]) == 1
		switch {
		case ok && full:
		case ok && read && (r.Method == http.MethodGet || r.Method == http.MethodHead):
		case ok && read:
			writeError(w, http.StatusForbidden, "forbidden", "this token may only read")
			return
		default:
			w.Header().Set("WWW-Authenticate", `Bearer realm="newsgraph"`)
			writeError(w, http.StatusUnauthorized, "unauthorized", "send the token as 'Authorization: Bearer TOKEN'")
			return
		}
		next(w, r)
	}
}

// apiError is the body of every error response.
type apiError struct {
	Error  string `json:"error"`
	Reason string `json:"reason"`
}

func writeError(w http.ResponseWriter, status int, msg, reason string) {
	writeJSON(w, status, apiError{Error: msg, Reason: reason})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}

// fail maps a store error to a response.
func (h *Handler) fail(w http.ResponseWriter, r *http.Request, err error) {
	switch {
	case errors.Is(err, store.ErrNotFound):
		writeError(w, http.StatusNotFound, "not found", err.Error())
	case errors.Is(err, store.ErrBadCursor):
		writeError(w, http.StatusBadRequest, "bad cursor", "the cursor is not one this server gave; start again without it")
	case errors.Is(err, store.ErrBadQuery):
		writeError(w, http.StatusBadRequest, "bad query", err.Error())
	case errors.Is(err, context.Canceled):
		writeError(w, 499, "canceled", "the client went away")
	default:
		h.o.Log.Error("store", "method", r.Method, "path", r.URL.Path, "err", err)
		writeError(w, http.StatusInternalServerError, "internal error", "the store failed; the failure is logged")
	}
}

// page is the body of every list response.
type page[T any] struct {
	Items      []T     `json:"items"`
	NextCursor *string `json:"next_cursor"`
}

func writePage[T any](w http.ResponseWriter, items []T, next string) {
	p := page[T]{Items: items}
	if p.Items == nil {
		p.Items = []T{}
	}
	if next != "" {
		p.NextCursor = &next
	}
	writeJSON(w, http.StatusOK, p)
}

// badParam is a parameter that does not validate.
type badParam struct{ msg string }

func (e badParam) Error() string { return e.msg }

// pageOf reads limit and cursor.
func pageOf(r *http.Request) (store.Page, error) {
	p := store.Page{Cursor: r.URL.Query().Get("cursor")}
	if s := r.URL.Query().Get("limit"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > store.MaxLimit {
			return p, badParam{fmt.Sprintf("limit must be a number from 1 to %d", store.MaxLimit)}
		}
		p.Limit = n
	}
	return p, nil
}

func (h *Handler) params(w http.ResponseWriter, r *http.Request) (store.Page, bool) {
	p, err := pageOf(r)
	if err != nil {
		writeError(w, http.StatusBadRequest, "bad parameter", err.Error())
		return p, false
	}
	return p, true
}

func (h *Handler) healthz(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

func (h *Handler) openapi(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	w.Write(openAPI)
}

// postDocument analyses the body (plain text, HTML, or a JSON article with
// "text" or "html") and stores it; it answers with the stored record, 201
// when new and 200 when the same article was stored before.
func (h *Handler) postDocument(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, h.o.MaxBody))
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			writeError(w, http.StatusRequestEntityTooLarge, "body too large", fmt.Sprintf("the body may have at most %d bytes", h.o.MaxBody))
			return
		}
		writeError(w, http.StatusBadRequest, "bad body", err.Error())
		return
	}
	art, err := parseArticle(body, r.Header.Get("Content-Type"))
	if err != nil {
		writeError(w, http.StatusBadRequest, "bad document", err.Error())
		return
	}
	q := r.URL.Query()
	for _, f := range []struct {
		dst  *string
		name string
	}{{&art.URL, "url"}, {&art.Title, "title"}, {&art.Source, "source"}, {&art.Published, "published"}, {&art.ID, "id"}} {
		if v := strings.TrimSpace(q.Get(f.name)); v != "" {
			*f.dst = v
		}
	}
	if art.Published != "" {
		if _, err := pipeline.ParseDate(art.Published); err != nil {
			writeError(w, http.StatusBadRequest, "bad parameter", err.Error())
			return
		}
	}
	select {
	case h.slots <- struct{}{}:
	case <-r.Context().Done():
		h.fail(w, r, r.Context().Err())
		return
	}
	doc, err := pipeline.Analyze(h.o.Pipeline, art)
	<-h.slots
	if err != nil {
		writeError(w, http.StatusUnprocessableEntity, "cannot analyse", err.Error())
		return
	}
	d, err := store.Prepare(doc.Record(), art.Text, "")
	if err != nil {
		h.fail(w, r, err)
		return
	}
	res, err := h.o.Store.Put(r.Context(), d)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	rec, err := h.o.Store.Document(r.Context(), res[0].ID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	w.Header().Set("Location", "/api/v1/documents/"+res[0].ID)
	w.Header().Set("Newsgraph-Status", string(res[0].Status))
	status := http.StatusCreated
	if res[0].Status == store.Duplicate {
		status = http.StatusOK
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	w.Write(rec)
}

// parseArticle reads a posted body by its content type: JSON is an article
// object, HTML goes through main text extraction, anything else is text.
func parseArticle(body []byte, contentType string) (newsgraph.Article, error) {
	mt, _, _ := mime.ParseMediaType(contentType)
	switch mt {
	case "application/json":
		return jsonl.Parse(body, "request")
	case "text/html", "application/xhtml+xml":
		if err := ingest.Check(body); err != nil {
			return newsgraph.Article{}, err
		}
		return ingest.ParseHTML(body, "request.html")
	}
	return ingest.Parse(body, "request")
}

func (h *Handler) getDocument(w http.ResponseWriter, r *http.Request) {
	rec, err := h.o.Store.Document(r.Context(), r.PathValue("id"))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Write(rec)
}

func (h *Handler) getDuplicates(w http.ResponseWriter, r *http.Request) {
	info, err := h.o.Store.DocumentInfo(r.Context(), r.PathValue("id"))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, info)
}

func (h *Handler) search(w http.ResponseWriter, r *http.Request) {
	p, ok := h.params(w, r)
	if !ok {
		return
	}
	q := r.URL.Query().Get("q")
	if strings.TrimSpace(q) == "" {
		writeError(w, http.StatusBadRequest, "bad parameter", "q is required: the words to search for")
		return
	}
	switch r.URL.Query().Get("type") {
	case "", "documents":
		items, next, err := h.o.Store.SearchDocuments(r.Context(), q, p)
		if err != nil {
			h.fail(w, r, err)
			return
		}
		writePage(w, items, next)
	case "quotes":
		items, next, err := h.o.Store.Quotes(r.Context(), store.QuoteQuery{Q: q}, p)
		if err != nil {
			h.fail(w, r, err)
			return
		}
		writePage(w, items, next)
	case "entities":
		items, next, err := h.o.Store.Actors(r.Context(), store.ActorQuery{Q: q}, p)
		if err != nil {
			h.fail(w, r, err)
			return
		}
		writePage(w, items, next)
	default:
		writeError(w, http.StatusBadRequest, "bad parameter", "type must be documents, quotes or entities")
	}
}

var entityTypes = []string{"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT"}

func (h *Handler) entities(w http.ResponseWriter, r *http.Request) {
	p, ok := h.params(w, r)
	if !ok {
		return
	}
	q := store.ActorQuery{Q: r.URL.Query().Get("q"), Type: strings.ToUpper(r.URL.Query().Get("type"))}
	if q.Type != "" && !slices.Contains(entityTypes, q.Type) {
		writeError(w, http.StatusBadRequest, "bad parameter", "type must be one of "+strings.Join(entityTypes, ", "))
		return
	}
	items, next, err := h.o.Store.Actors(r.Context(), q, p)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writePage(w, items, next)
}

func (h *Handler) dossier(w http.ResponseWriter, r *http.Request) {
	d, err := h.o.Store.Dossier(r.Context(), r.PathValue("id"))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, d)
}

func (h *Handler) quotes(w http.ResponseWriter, r *http.Request) {
	p, ok := h.params(w, r)
	if !ok {
		return
	}
	q := store.QuoteQuery{Speaker: r.URL.Query().Get("speaker"), Q: r.URL.Query().Get("q")}
	items, next, err := h.o.Store.Quotes(r.Context(), q, p)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writePage(w, items, next)
}

// validDate accepts the prefixes of a TIMEX3 day: 2025, 2025-04, 2025-04-26.
func validDate(s string) bool {
	if s == "" {
		return true
	}
	for _, l := range []string{"2006", "2006-01", "2006-01-02"} {
		if len(s) == len(l) {
			if _, err := time.Parse(l, s); err == nil {
				return true
			}
		}
	}
	return false
}

func (h *Handler) events(w http.ResponseWriter, r *http.Request) {
	p, ok := h.params(w, r)
	if !ok {
		return
	}
	v := r.URL.Query()
	q := store.EventQuery{Actor: v.Get("actor"), Type: strings.ToUpper(v.Get("type")), Issue: v.Get("issue"), From: v.Get("from"), To: v.Get("to")}
	if q.Type != "" && !slices.Contains(newsgraph.EventTypes, q.Type) {
		writeError(w, http.StatusBadRequest, "bad parameter", "type must be a PLOVER type: "+strings.Join(newsgraph.EventTypes, ", "))
		return
	}
	if !validDate(q.From) || !validDate(q.To) {
		writeError(w, http.StatusBadRequest, "bad parameter", "from and to must be dates: YYYY, YYYY-MM or YYYY-MM-DD")
		return
	}
	items, next, err := h.o.Store.Events(r.Context(), q, p)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writePage(w, items, next)
}

// eventSources pages through every report of one merged event; lists of
// events and dossiers show the first few.
func (h *Handler) eventSources(w http.ResponseWriter, r *http.Request) {
	p, ok := h.params(w, r)
	if !ok {
		return
	}
	items, next, err := h.o.Store.EventSources(r.Context(), r.PathValue("id"), p)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writePage(w, items, next)
}

// positionEvidence pages through every piece of evidence of one position;
// lists of positions and dossiers show the first few.
func (h *Handler) positionEvidence(w http.ResponseWriter, r *http.Request) {
	p, ok := h.params(w, r)
	if !ok {
		return
	}
	items, next, err := h.o.Store.PositionEvidence(r.Context(), r.PathValue("id"), p)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writePage(w, items, next)
}

func (h *Handler) positions(w http.ResponseWriter, r *http.Request) {
	p, ok := h.params(w, r)
	if !ok {
		return
	}
	q := store.PositionQuery{Actor: r.URL.Query().Get("actor"), Issue: r.URL.Query().Get("issue")}
	items, next, err := h.o.Store.Positions(r.Context(), q, p)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writePage(w, items, next)
}

func (h *Handler) stats(w http.ResponseWriter, r *http.Request) {
	s, err := h.o.Store.Stats(r.Context())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, s)
}

// EventCSVHeader is the header row of the CSV export: one row per report
// of an event, with the merged event it belongs to.
var EventCSVHeader = []string{"merged_event", "document", "event", "type", "date", "polarity", "modality", "issue", "actors", "targets", "trigger", "published", "source"}

// EventCSVRow is one row of the CSV export.
func EventCSVRow(e store.EventRow) []string {
	return []string{e.Merged, e.Document, e.Event, e.Type, e.Date, e.Polarity, e.Modality, e.Issue, e.Actors, e.Targets, e.Trigger, e.Published, e.Source}
}

// export streams every record as JSON lines, or every event report as CSV.
// The write deadline is pushed on as rows go out, so a long export is not
// cut by the server's write timeout while it makes progress.
func (h *Handler) export(w http.ResponseWriter, r *http.Request) {
	rc := http.NewResponseController(w)
	extend := func() { rc.SetWriteDeadline(time.Now().Add(time.Minute)) }
	extend()
	n := 0
	switch r.URL.Query().Get("format") {
	case "", "jsonl":
		w.Header().Set("Content-Type", "application/jsonl; charset=utf-8")
		w.Header().Set("Content-Disposition", `attachment; filename="newsgraph.jsonl"`)
		err := h.o.Store.ExportRecords(r.Context(), func(rec json.RawMessage) error {
			if _, err := w.Write(rec); err != nil {
				return err
			}
			if _, err := w.Write([]byte{'\n'}); err != nil {
				return err
			}
			if n++; n%200 == 0 {
				extend()
			}
			return nil
		})
		if err != nil {
			h.o.Log.Warn("export", "err", err)
		}
	case "csv":
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		w.Header().Set("Content-Disposition", `attachment; filename="newsgraph-events.csv"`)
		cw := csv.NewWriter(w)
		cw.Write(EventCSVHeader)
		err := h.o.Store.ExportEvents(r.Context(), func(e store.EventRow) error {
			if n++; n%1000 == 0 {
				extend()
			}
			return cw.Write(EventCSVRow(e))
		})
		cw.Flush()
		if err != nil {
			h.o.Log.Warn("export", "err", err)
		}
	default:
		writeError(w, http.StatusBadRequest, "bad parameter", "format must be jsonl or csv")
	}
}
