package web

import (
	"fmt"
	"html/template"
	"io/fs"
	"net/url"
	"strings"
	"sync"

	"github.com/newsgraph/newsgraph/store"
)

// funcs are the helpers the templates call.
var funcs = template.FuncMap{
	// asset names a static file with its content hash, so that it can be
	// cached for a year and still change with the binary.
	"asset": func(name string) (string, error) {
		a := assets()[name]
		if a == nil {
			return "", fmt.Errorf("no static file %q", name)
		}
		return name + "?v=" + a.hash, nil
	},
	"pathEscape": url.PathEscape,
	"queryEscape": url.QueryEscape,
	"deref": func(s *string) string {
		if s == nil {
			return ""
		}
		return *s
	},
	"join":       strings.Join,
	"lower":      strings.ToLower,
	"stanceWord": stanceWord,
	"plural": func(n int, one, many string) string {
		if n == 1 {
			return fmt.Sprintf("%d %s", n, one)
		}
		return fmt.Sprintf("%d %s", n, many)
	},
	"add": func(a, b int) int { return a + b },
	// evlist passes the link prefix along with a list of events to the
	// "events" template, which has no other way to reach it.
	"evlist": func(prefix string, evs []store.MergedEvent) any {
		return struct {
			P      string
			Events []store.MergedEvent
		}{prefix, evs}
	},
	"short": func(s string, n int) string {
		r := []rune(s)
		if len(r) <= n {
			return s
		}
		return string(r[:n]) + "…"
	},
}

// templates are the pages, each parsed with the layout, once.
var templates = sync.OnceValue(func() map[string]*template.Template {
	names, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		panic(err)
	}
	out := map[string]*template.Template{}
	for _, n := range names {
		base := strings.TrimSuffix(strings.TrimPrefix(n, "templates/"), ".html")
		if base == "layout" {
			continue
		}
		out[base] = template.Must(template.New(base).Funcs(funcs).ParseFS(templateFS, "templates/layout.html", n))
	}
	return out
})
