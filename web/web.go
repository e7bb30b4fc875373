// Package web is the browser interface of newsgraph: server-rendered HTML
// pages over a store.Store — search, a document with its facts highlighted
// in the text, an actor's dossier, a timeline of events, a network of who
// does what to whom, and a positions matrix (actors × issues over time).
// Templates and static assets are embedded, so `go build` alone makes a
// binary whose UI works offline; the one script (static/app.js) is built at
// development time from web/ui with esbuild and committed.
//
// # Invariants
//   - Every page works without JavaScript; the script only lays out the
//     network and moves the positions matrix along its time slider.
//   - Every response carries a Content-Security-Policy without inline
//     scripts or styles (script-src 'self', frame-ancestors 'none'),
//     X-Content-Type-Options, Referrer-Policy and X-Frame-Options; data for
//     the script travels in <script type="application/json"> blocks, which
//     the browser never executes.
//   - Record offsets are code points (SPEC §2); they become byte offsets in
//     one place (spans.go), which clamps and orders whatever it is given, so
//     a bad record renders with fewer highlights, never with broken HTML.
//   - Charts have fixed sizes in the markup (viewBox and CSS aspect ratio),
//     so nothing moves when the script runs.
//
// # Concurrency
// The handler holds no per-request state beyond the request; templates and
// assets are parsed and compressed once, at first use, and read-only after.
// It is safe for concurrent use as the store is.
//
// # Performance
// A page is one request to the store per list it shows (lists are capped:
// ListCap events or positions for the charts, maxTableEvents rows under the
// timeline, maxTableLinks under the network), plus two static files that
// carry a content hash in their URL and are cached for a year: app.css
// (about 3 kB gzipped) and app.js (d3-force and the two small modules,
// 18 kB, about 7 kB gzipped). Pages are gzipped when the browser accepts it.
// Measured in headless Chromium with the cache off, over loopback, on the
// model article and 40 PolNeAR articles (go test -run Browser -v ./web),
// every view transfers 13–20 kB in three requests and has no layout shift;
// the server answers in under 20 ms. On all 1,012 PolNeAR articles
// (NEWSGRAPH_WEB_POLNEAR=1012) the heaviest view is the unfiltered timeline
// with every event a point: about 70 kB transferred (450 kB decoded).
package web

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"embed"
	"encoding/hex"
	"errors"
	"io"
	"io/fs"
	"log/slog"
	"mime"
	"net/http"
	"path"
	"strings"
	"sync"
	"time"

	"github.com/newsgraph/newsgraph/store"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// ListCap bounds how many merged events or positions one chart reads from
// the store, so that a page stays fast on a store of millions of events.
const ListCap = 2000

// Options configure the UI.
type Options struct {
	// Prefix is the path the handler is mounted under (without a trailing
	// slash), for links; "" when it serves the root. The caller strips it
	// (http.StripPrefix) before the handler sees the request.
	Prefix string
	// Logger receives errors from the store; nil discards them.
	Logger *slog.Logger
	// Title is shown in the header; "newsgraph" when empty.
	Title string
	// Token, when set, is asked for before any page: the browser prompts
	// for it (HTTP Basic authentication, any user name, the token as the
	// password), and tools may send it as a bearer token, as to the API.
	Token string
}

// ui is the handler with its store and options.
type ui struct {
	st   store.Store
	opts Options
	log  *slog.Logger
	mux  *http.ServeMux
}

// Handler returns the web UI over st. It serves the pages at /, /search,
// /documents/{id}, /actors/{id}, /timeline, /network and /positions, and
// static files under /static/.
func Handler(st store.Store, opts Options) http.Handler {
	if opts.Title == "" {
		opts.Title = "newsgraph"
	}
	opts.Prefix = strings.TrimSuffix(opts.Prefix, "/")
	u := &ui{st: st, opts: opts, log: opts.Logger, mux: http.NewServeMux()}
	if u.log == nil {
		u.log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	u.mux.HandleFunc("GET /{$}", u.home)
	u.mux.HandleFunc("GET /search", u.search)
	u.mux.HandleFunc("GET /documents/{id}", u.document)
	u.mux.HandleFunc("GET /actors/{id}", u.actor)
	u.mux.HandleFunc("GET /timeline", u.timeline)
	u.mux.HandleFunc("GET /network", u.network)
	u.mux.HandleFunc("GET /positions", u.positions)
	u.mux.HandleFunc("GET /static/{file}", serveStatic)
	u.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		u.fail(w, r, http.StatusNotFound, "No such page.", nil)
	})
	var h http.Handler = u.mux
	if opts.Token != "" {
		h = requireToken(h, opts.Token)
	}
	return secure(h)
}

// requireToken lets a request through when it carries the token, as the
// password of Basic authentication or as a bearer token. Digests of equal
// length are compared in constant time, so timing tells nothing of it.
func requireToken(h http.Handler, token string) http.Handler {
	want := sha256.Sum256([]byte(token))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if !ok {
			_, got, ok = r.BasicAuth()
		}
		sum := sha256.Sum256([]byte(strings.TrimSpace(got)))
		if !ok || subtle.ConstantTimeCompare(sum[:], want[:]) != 1 {
			w.Header().Set("WWW-Authenticate", `Basic realm="newsgraph", charset="UTF-8"`)
			http.Error(w, "The token is needed: give any user name and the token as the password.", http.StatusUnauthorized)
			return
		}
		h.ServeHTTP(w, r)
	})
}

// contentSecurityPolicy allows only this origin's script and style, no
// inline code, no framing and no form posts elsewhere.
const contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

// secure sets the security headers on every response.
func secure(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hd := w.Header()
		hd.Set("Content-Security-Policy", contentSecurityPolicy)
		hd.Set("X-Content-Type-Options", "nosniff")
		hd.Set("Referrer-Policy", "no-referrer")
		hd.Set("X-Frame-Options", "DENY")
		hd.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.ServeHTTP(w, r)
	})
}

// asset is one static file, with its gzipped form and content hash.
type asset struct {
	body, gz []byte
	ctype    string
	hash     string
}

// assets are the static files, loaded and compressed once.
var assets = sync.OnceValue(func() map[string]*asset {
	m := map[string]*asset{}
	entries, err := fs.ReadDir(staticFS, "static")
	if err != nil {
		panic(err)
	}
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		b, err := staticFS.ReadFile("static/" + e.Name())
		if err != nil {
			panic(err)
		}
		sum := sha256.Sum256(b)
		var gz bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
		zw.Write(b)
		zw.Close()
		ct := mime.TypeByExtension(path.Ext(e.Name()))
		if ct == "" {
			ct = "application/octet-stream"
		}
		m[e.Name()] = &asset{body: b, gz: gz.Bytes(), ctype: ct, hash: hex.EncodeToString(sum[:6])}
	}
	return m
})

// serveStatic serves an embedded file; a URL with the file's hash (as the
// pages write it) may be cached for a year.
func serveStatic(w http.ResponseWriter, r *http.Request) {
	a := assets()[r.PathValue("file")]
	if a == nil {
		http.NotFound(w, r)
		return
	}
	hd := w.Header()
	hd.Set("Content-Type", a.ctype)
	hd.Set("Vary", "Accept-Encoding")
	if r.URL.Query().Get("v") == a.hash {
		hd.Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		hd.Set("Cache-Control", "no-cache")
	}
	hd.Set("ETag", `"`+a.hash+`"`)
	if r.Header.Get("If-None-Match") == `"`+a.hash+`"` {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	body := a.body
	if acceptsGzip(r) {
		hd.Set("Content-Encoding", "gzip")
		body = a.gz
	}
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(body))
}

func acceptsGzip(r *http.Request) bool {
	for _, p := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		if strings.TrimSpace(strings.SplitN(p, ";", 2)[0]) == "gzip" {
			return true
		}
	}
	return false
}

// page is what every template gets.
type page struct {
	Title   string // of the page, before the site's title
	Site    string
	Prefix  string
	Nav     string // which item of the navigation is current
	Query   string // the search box's text
	Data    any
	Message string // for error pages
}

// render executes the page template name into a buffer first, so that an
// error becomes a clean 500 rather than half a page.
func (u *ui) render(w http.ResponseWriter, r *http.Request, status int, name string, p page) {
	p.Site, p.Prefix = u.opts.Title, u.opts.Prefix
	t := templates()[name]
	if t == nil {
		panic("web: no template " + name)
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout", p); err != nil {
		u.log.Error("render", "page", name, "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	hd := w.Header()
	hd.Set("Content-Type", "text/html; charset=utf-8")
	hd.Set("Cache-Control", "no-store")
	hd.Set("Vary", "Accept-Encoding")
	if acceptsGzip(r) && buf.Len() > 1024 {
		hd.Set("Content-Encoding", "gzip")
		w.WriteHeader(status)
		zw := gzip.NewWriter(w)
		zw.Write(buf.Bytes())
		zw.Close()
		return
	}
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// fail renders an error page; err, when given, is logged, not shown.
func (u *ui) fail(w http.ResponseWriter, r *http.Request, status int, msg string, err error) {
	if err != nil {
		u.log.Error("web", "path", r.URL.Path, "err", err)
	}
	u.render(w, r, status, "error", page{Title: http.StatusText(status), Message: msg})
}

// storeError maps a store error to a page.
func (u *ui) storeError(w http.ResponseWriter, r *http.Request, what string, err error) {
	switch {
	case errors.Is(err, store.ErrNotFound):
		u.fail(w, r, http.StatusNotFound, "No "+what+" with this id is stored.", nil)
	case errors.Is(err, store.ErrBadQuery), errors.Is(err, store.ErrBadCursor):
		u.fail(w, r, http.StatusBadRequest, "The query could not be read: "+err.Error(), nil)
	case errors.Is(err, context.Canceled):
	default:
		u.fail(w, r, http.StatusInternalServerError, "The store could not answer.", err)
	}
}
