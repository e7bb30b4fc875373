package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"

	"github.com/newsgraph/newsgraph"
)

// Errors of HTML input.
var (
	ErrTooDeep    = errors.New("HTML nested too deeply")
	ErrTooManyEls = errors.New("HTML has too many elements")
	ErrNoText     = errors.New("no main text found in the page")
)

// MaxNodes bounds the number of nodes of one page; real pages have tens of
// thousands at most. (Nesting is bounded by the HTML parser itself, which
// refuses more than 512 open elements.)
const MaxNodes = 1 << 20

// extractOptions are trafilatura's options as measured on the article
// extraction benchmark (TestExtractionBenchmark, bag-of-words F1 averaged
// over 181 pages): FavorRecall 0.964, default 0.961, with the readability
// and dom-distiller fallback 0.962 at twice the time, FavorPrecision 0.918.
// Comments are not the article.
var extractOptions = trafilatura.Options{
	ExcludeComments: true,
	Focus:           trafilatura.FavorRecall,
}

// ParseHTML extracts the main text of a page, with its title, date, site
// name and URL from the page's metadata when it has them. Paragraphs of the
// page become paragraphs of the text, separated by a blank line.
func ParseHTML(data []byte, name string) (a newsgraph.Article, err error) {
	return parseHTML(data, name, extractOptions)
}

func parseHTML(data []byte, name string, opts trafilatura.Options) (a newsgraph.Article, err error) {
	a.Path = name
	if len(data) > MaxSize {
		return a, fmt.Errorf("%w: more than %d bytes", newsgraph.ErrTooLarge, MaxSize)
	}
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		if strings.Contains(err.Error(), "open stack of elements exceeds") {
			return a, fmt.Errorf("%w: more than 512 open elements", ErrTooDeep)
		}
		return a, fmt.Errorf("parse HTML: %w", err)
	}
	if n := countNodes(doc, MaxNodes+1); n > MaxNodes {
		return a, fmt.Errorf("%w: more than %d", ErrTooManyEls, MaxNodes)
	}
	// the extractor is third-party code run on untrusted input: a panic in
	// it is this input's failure, not the batch's
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("extract main text: internal error: %v", r)
		}
	}()
	res, err := trafilatura.ExtractDocument(doc, opts)
	if err != nil {
		return a, fmt.Errorf("extract main text: %w", err)
	}
	a.Title = cleanLine(res.Metadata.Title)
	a.Source = cleanLine(res.Metadata.Sitename)
	a.URL = strings.TrimSpace(res.Metadata.URL)
	if !res.Metadata.Date.IsZero() {
		a.Published = res.Metadata.Date.Format("2006-01-02")
	}
	a.Text = pruneBoilerplate(NodeText(res.ContentNode), a.Title)
	if a.Text == "" {
		a.Text = strings.TrimSpace(res.ContentText)
	}
	if a.Text == "" {
		return a, fmt.Errorf("%w: %w", newsgraph.ErrEmpty, ErrNoText)
	}
	return a, nil
}

// countNodes counts the nodes of a tree, stopping at limit.
func countNodes(n *html.Node, limit int) int {
	count := 0
	stack := []*html.Node{n}
	for len(stack) > 0 && count < limit {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		count++
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			stack = append(stack, c)
		}
	}
	return count
}

// blockTags break the text into paragraphs: each starts a new one. Both
// HTML's names and those of trafilatura's output are listed.
var blockTags = map[string]bool{
	"p": true, "div": true, "section": true, "article": true, "main": true, "header": true,
	"footer": true, "aside": true, "nav": true, "blockquote": true, "pre": true, "figure": true,
	"figcaption": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"ul": true, "ol": true, "dl": true, "li": true, "dt": true, "dd": true, "table": true,
	"tr": true, "caption": true, "details": true, "summary": true, "address": true, "form": true,
	"hr": true, "head": true, "list": true, "item": true, "quote": true, "row": true, "body": true,
	"html": true, "center": true, "fieldset": true, "code": false,
}

// cellTags are separated by a space within their row.
var cellTags = map[string]bool{"td": true, "th": true, "cell": true}

// skipTags hold no readable text.
var skipTags = map[string]bool{"script": true, "style": true, "noscript": true, "template": true, "svg": true, "head": false}

// NodeText renders the text of a content node: block elements become
// paragraphs separated by a blank line, <br> a line break, and runs of
// white space inside a paragraph one space (non-breaking spaces are kept).
func NodeText(n *html.Node) string {
	if n == nil {
		return ""
	}
	w := &textWriter{}
	w.walk(n, 0)
	w.endPara()
	return strings.TrimRight(w.out.String(), "\n")
}

type textWriter struct {
	out     strings.Builder
	para    strings.Builder // the paragraph being written
	space   bool            // a space is due before the next text
	newline bool            // a line break is due before the next text
}

// maxWalkDepth guards the walk; the parser bounds depth already, but a
// content node may come from another source.
const maxWalkDepth = 1024

func (w *textWriter) walk(n *html.Node, depth int) {
	if depth > maxWalkDepth {
		return
	}
	switch n.Type {
	case html.TextNode:
		w.text(n.Data)
		return
	case html.ElementNode:
	case html.DocumentNode:
	default:
		return
	}
	tag := n.Data
	if skipTags[tag] {
		return
	}
	switch {
	case tag == "br" || tag == "lb":
		if w.para.Len() > 0 {
			w.newline = true
			w.space = false
		}
		return
	case blockTags[tag]:
		w.endPara()
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			w.walk(c, depth+1)
		}
		w.endPara()
		return
	case cellTags[tag]:
		w.space = w.para.Len() > 0
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c, depth+1)
	}
	if cellTags[tag] {
		w.space = w.para.Len() > 0
	}
}

// text appends text to the paragraph, collapsing ASCII white space.
func (w *textWriter) text(s string) {
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' {
			if w.para.Len() > 0 {
				w.space = true
			}
			s = s[size:]
			continue
		}
		if w.newline {
			w.para.WriteByte('\n')
			w.newline, w.space = false, false
		} else if w.space {
			w.para.WriteByte(' ')
			w.space = false
		}
		w.para.WriteString(s[:size])
		s = s[size:]
	}
}

func (w *textWriter) endPara() {
	p := strings.TrimFunc(w.para.String(), func(r rune) bool { return r == ' ' || r == '\n' })
	if p != "" {
		if w.out.Len() > 0 {
			w.out.WriteString("\n\n")
		}
		w.out.WriteString(p)
	}
	w.para.Reset()
	w.space, w.newline = false, false
}

// cleanLine collapses white space in a one-line field such as a title.
func cleanLine(s string) string {
	return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
}

// pruneBoilerplate removes what extractors commonly leave around an article:
// the headline repeated as the first paragraph (it is the title), runs of
// menu entries (several very short paragraphs in a row without sentence
// punctuation) and copyright notices.
func pruneBoilerplate(text, title string) string {
	if text == "" {
		return text
	}
	paras := strings.Split(text, "\n\n")
	keep := make([]bool, len(paras))
	for i := range keep {
		keep[i] = true
	}
	normTitle := strings.ToLower(cleanLine(title))
	for i := 0; i < len(paras) && i < 3; i++ {
		if normTitle != "" && strings.ToLower(cleanLine(paras[i])) == normTitle {
			keep[i] = false
		}
	}
	for i := 0; i < len(paras); {
		j := i
		for j < len(paras) && menuEntry(paras[j]) {
			j++
		}
		if j-i >= minMenuRun {
			for k := i; k < j; k++ {
				keep[k] = false
			}
		}
		i = max(j, i+1)
	}
	for i, p := range paras {
		if copyrightNotice(p) {
			keep[i] = false
		}
	}
	dropRepeats(paras, keep)
	var b strings.Builder
	for i, p := range paras {
		if !keep[i] {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(p)
	}
	return b.String()
}

// dropRepeats marks paragraphs that only repeat text given before them: an
// exact repeat, or a paragraph made of the earlier paragraphs run together
// (the extractor's fallback on short pages appends the page's whole text as
// one more paragraph, glued without spaces).
func dropRepeats(paras []string, keep []bool) {
	var before strings.Builder // the kept paragraphs so far, without white space
	for i, p := range paras {
		if !keep[i] {
			continue
		}
		np := squeeze(p)
		if np == "" {
			continue
		}
		prev := before.String()
		if i > 0 && (strings.Contains(prev, np) && len(np) >= 20 ||
			len(prev) >= 20 && strings.Contains(np, prev) && len(prev)*5 >= len(np)*4) {
			keep[i] = false
			continue
		}
		before.WriteString(np)
	}
}

// squeeze removes white space from s.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// minMenuRun is how many menu-like paragraphs in a row make a menu.
const minMenuRun = 5

// menuEntry is a paragraph of at most three words with no sentence
// punctuation: a link of a menu or a tag list.
func menuEntry(p string) bool {
	if len(p) > 40 || strings.ContainsAny(p, ".!?:;,\n") {
		return false
	}
	return len(strings.Fields(p)) <= 3
}

// copyrightNotice is a short paragraph claiming the rights to the page.
func copyrightNotice(p string) bool {
	if len(p) > 300 {
		return false
	}
	low := strings.ToLower(p)
	return strings.Contains(low, "all rights reserved") ||
		(strings.HasPrefix(low, "copyright") || strings.HasPrefix(low, "©")) && len(strings.Fields(p)) <= 12
}
