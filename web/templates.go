package web

import (
	"fmt"
	"html/template"
	"io/fs"
	"net/url"
	"strings"
	"sync"
	"unicode/utf8"

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
	"pathEscape":  url.PathEscape,
	"queryEscape": url.QueryEscape,
	"deref": func(s *string) string {
		if s == nil {
			return ""
		}
		return *s
	},
	"join":        strings.Join,
	"lower":       strings.ToLower,
	"stanceWord":  stanceWord,
	"stanceClass": stanceClass,
	"plural": func(n int, one, many string) string {
		if n == 1 {
			return fmt.Sprintf("%d %s", n, one)
		}
		return fmt.Sprintf("%d %s", n, many)
	},
	"add":     func(a, b int) int { return a + b },
	"snippet": snippet,
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

// snippet renders a search snippet, whose matches the store marks with
// « and », as escaped text with <mark> elements that always balance.
func snippet(s string) template.HTML {
	var b strings.Builder
	open := false
	for _, part := range strings.SplitAfter(s, "»") {
		for {
			i := strings.IndexAny(part, "«»")
			if i < 0 {
				b.WriteString(template.HTMLEscapeString(part))
				break
			}
			b.WriteString(template.HTMLEscapeString(part[:i]))
			mark := part[i:]
			switch {
			case strings.HasPrefix(mark, "«") && !open:
				b.WriteString("<mark>")
				open = true
			case strings.HasPrefix(mark, "»") && open:
				b.WriteString("</mark>")
				open = false
			}
			_, w := utf8.DecodeRuneInString(mark)
			part = mark[w:]
		}
	}
	if open {
		b.WriteString("</mark>")
	}
	return template.HTML(b.String())
}
