package eval

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// Converters turn public corpora into gold files so that eval can measure on
// articles nobody tuned the rules on. Their output is for evaluation only:
// PolNeAR, TempEval and CoNLL texts must never be copied into the project.

// ErrBadAnnotation reports a line of an annotation file that cannot be read.
var ErrBadAnnotation = errors.New("bad annotation")

// BratSpan is a text-bound annotation of a brat standoff file: a label and
// one or more fragments (code-point offsets, end exclusive).
type BratSpan struct {
	ID    string
	Label string
	Frags [][2]int
	Text  string
}

// Start and End bound all fragments of the span.
func (s BratSpan) Start() int { return s.Frags[0][0] }
func (s BratSpan) End() int {
	e := 0
	for _, f := range s.Frags {
		e = max(e, f[1])
	}
	return e
}

// BratRel is a relation or event line: role → span id ("Source" → "T1").
// A role given twice gets a number ("Content", "Content2"), as brat writes it.
type BratRel struct {
	ID    string
	Roles map[string]string
}

// Brat is one parsed .ann file.
type Brat struct {
	Spans map[string]BratSpan
	Rels  []BratRel
}

// ParseBrat reads a brat standoff file: T lines (spans) and E/R lines
// (relations); notes and other lines are skipped. A malformed T or E line is
// an error naming its line number.
func ParseBrat(r io.Reader) (*Brat, error) {
	b := &Brat{Spans: map[string]BratSpan{}}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 4*1024*1024)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" {
			continue
		}
		fields := strings.SplitN(line, "\t", 3)
		if len(fields) < 2 {
			continue
		}
		switch line[0] {
		case 'T':
			s, err := parseBratSpan(fields)
			if err != nil {
				return nil, fmt.Errorf("line %d: %w", n, err)
			}
			b.Spans[s.ID] = s
		case 'E', 'R':
			rel := BratRel{ID: fields[0], Roles: map[string]string{}}
			for _, part := range strings.Fields(fields[1]) {
				role, id, ok := strings.Cut(part, ":")
				if !ok {
					return nil, fmt.Errorf("line %d: %w: role %q without a span", n, ErrBadAnnotation, part)
				}
				rel.Roles[role] = id
			}
			b.Rels = append(b.Rels, rel)
		}
	}
	return b, sc.Err()
}

func parseBratSpan(fields []string) (BratSpan, error) {
	s := BratSpan{ID: fields[0]}
	if len(fields) == 3 {
		s.Text = fields[2]
	}
	label, offs, ok := strings.Cut(fields[1], " ")
	if !ok {
		return s, fmt.Errorf("%w: span %s without offsets", ErrBadAnnotation, s.ID)
	}
	s.Label = label
	for frag := range strings.SplitSeq(offs, ";") {
		a, b, ok := strings.Cut(strings.TrimSpace(frag), " ")
		start, err1 := strconv.Atoi(a)
		end, err2 := strconv.Atoi(b)
		if !ok || err1 != nil || err2 != nil || start < 0 || end < start {
			return s, fmt.Errorf("%w: span %s has offsets %q", ErrBadAnnotation, s.ID, offs)
		}
		s.Frags = append(s.Frags, [2]int{start, end})
	}
	return s, nil
}

// polnearArticle is one line of polnear-articles.jsonl.
type polnearArticle struct {
	ID              string   `json:"id"`
	Split           string   `json:"split"`
	Date            string   `json:"date"`
	Source          string   `json:"source"`
	Text            string   `json:"text"`
	AttributionFile []string `json:"attribution_files"`
}

// ConvertPolNeAR turns the articles of one split ("train", "dev", "test")
// of the PolNeAR corpus (root holds polnear-articles.jsonl and data/) into
// gold files that annotate quotes only. Each attribution relation becomes
// a quote: its content span (all fragments) is the quote, its source span
// the speaker (the span's text as the name, and the span itself); an
// attribution without a source has a null speaker. The kind comes from the
// quotation marks: content enclosed in them is direct (and the marks are
// left out of the span, as the pipeline reports quotes), content holding a
// quoted part is mixed, the rest indirect. Where several annotators
// annotated an article, the first file is used.
func ConvertPolNeAR(root, split string) ([]*Gold, error) {
	f, err := os.Open(filepath.Join(root, "polnear-articles.jsonl"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []*Gold
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		var a polnearArticle
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			return nil, fmt.Errorf("polnear-articles.jsonl: %w", err)
		}
		if a.Split != split || len(a.AttributionFile) == 0 {
			continue
		}
		files := append([]string(nil), a.AttributionFile...)
		sort.Strings(files)
		af, err := os.Open(filepath.Join(root, files[0]))
		if err != nil {
			return nil, err
		}
		ann, err := ParseBrat(af)
		af.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", files[0], err)
		}
		g := &Gold{ID: a.ID, Source: "polnear/" + a.Source, Published: a.Date, Text: a.Text}
		g.Quotes = PolNeARQuotes(a.Text, ann)
		if err := g.Check(); err != nil {
			return nil, fmt.Errorf("%s: %w", files[0], err)
		}
		out = append(out, g)
	}
	return out, sc.Err()
}

// PolNeARQuotes turns the attribution relations of one article into gold
// quotes (see ConvertPolNeAR), in text order. Relations whose spans fall
// outside the text are left out.
func PolNeARQuotes(text string, ann *Brat) []GoldQuote {
	runes := []rune(text)
	quotes := []GoldQuote{}
	for _, rel := range ann.Rels {
		_, attr := rel.Roles["Attribution"]
		_, noSrc := rel.Roles["Attribution-no-source"]
		if !attr && !noSrc {
			continue
		}
		start, end := -1, -1
		for role, id := range rel.Roles {
			if !strings.HasPrefix(role, "Content") {
				continue
			}
			s, ok := ann.Spans[id]
			if !ok || len(s.Frags) == 0 {
				continue
			}
			if start < 0 || s.Start() < start {
				start = s.Start()
			}
			end = max(end, s.End())
		}
		if start < 0 || end > len(runes) {
			continue
		}
		q := quoteSpan(runes, start, end)
		if q.End <= q.Start {
			continue
		}
		parts := [][2]int{{q.Start, q.End}}
		if q.Kind == "direct" {
			// "…," she said, "…": the pipeline reports each quoted part
			// as a quote of its own (SPEC §1), and so does the gold.
			lo, hi := max(0, q.Start-1), min(len(runes), q.End+1)
			if doubledMark(runes, q.Start-2) {
				lo = q.Start - 2
			}
			if doubledMark(runes, q.End) {
				hi = q.End + 2
			}
			if segs := quotedParts(runes, lo, hi); len(segs) > 1 {
				parts = segs
			}
		}
		if id, ok := rel.Roles["Source"]; ok {
			if s, ok := ann.Spans[id]; ok && len(s.Frags) > 0 && s.Frags[0][1] <= len(runes) {
				ss, se := s.Frags[0][0], s.Frags[0][1]
				name := string(runes[ss:se])
				q.Speaker, q.SpeakerStart, q.SpeakerEnd = &name, &ss, &se
			}
		}
		if id, ok := rel.Roles["Cue"]; ok {
			if s, ok := ann.Spans[id]; ok && len(s.Frags) > 0 && s.End() <= len(runes) {
				q.Cue = string(runes[s.Frags[0][0]:s.Frags[0][1]])
			}
		}
		for _, p := range parts {
			q.Start, q.End, q.Text = p[0], p[1], string(runes[p[0]:p[1]])
			quotes = append(quotes, q)
		}
	}
	sort.SliceStable(quotes, func(i, j int) bool {
		if quotes[i].Start != quotes[j].Start {
			return quotes[i].Start < quotes[j].Start
		}
		return quotes[i].End < quotes[j].End
	})
	return quotes
}

func isOpenMark(r rune) bool {
	return r == '"' || r == '“' || r == '„' || r == '«' || r == '‟' || r == '＂'
}
func isCloseMark(r rune) bool { return r == '"' || r == '”' || r == '»' || r == '＂' }
func isMark(r rune) bool      { return isOpenMark(r) || isCloseMark(r) }

// quoteSpan trims the content span [start,end) of runes and decides its
// kind: enclosed in quotation marks (inside the span or just outside it) is
// direct, with the marks left out; holding a quotation mark is mixed;
// otherwise indirect.
func quoteSpan(runes []rune, start, end int) GoldQuote {
	for start < end && unicode.IsSpace(runes[start]) {
		start++
	}
	for end > start && unicode.IsSpace(runes[end-1]) {
		end--
	}
	q := GoldQuote{Kind: "indirect"}
	// The mark that opens: the span's first rune, or the rune before it.
	open := start < end && isOpenMark(runes[start])
	innerStart := start
	if open {
		innerStart = start + 1
	} else if doubledMark(runes, start) && start+2 < end {
		open, innerStart = true, start+2
	} else if doubledMark(runes, start-1) && start+1 < end {
		// a span that starts between the two apostrophes
		open, innerStart = true, start+1
	} else if b := prevNonSpace(runes, start); b >= 0 && (isOpenMark(runes[b]) || doubledMark(runes, b-1)) && start-b <= 1 {
		open = true
	}
	// The mark that closes: the span's last rune (or the last before
	// trailing punctuation), or the rune after it.
	closeAt := -1
	for k := end - 1; k >= innerStart && end-k <= 3; k-- {
		if doubledMark(runes, k-1) && k-1 >= innerStart {
			closeAt = k - 1
			break
		}
		if isCloseMark(runes[k]) {
			closeAt = k
			break
		}
		if !unicode.IsPunct(runes[k]) {
			break
		}
	}
	innerEnd := end
	closed := closeAt >= 0
	if closed {
		innerEnd = closeAt
	} else if end < len(runes) && (isCloseMark(runes[end]) || doubledMark(runes, end)) {
		closed = true
	}
	if open && closed && innerEnd > innerStart {
		q.Kind = "direct"
		start, end = innerStart, innerEnd
	} else {
		for i, r := range runes[start:end] {
			if isMark(r) || doubledMark(runes, start+i) && start+i+1 < end {
				q.Kind = "mixed"
				break
			}
		}
	}
	q.Start, q.End, q.Text = start, end, string(runes[start:end])
	return q
}

// closers gives the mark that closes a quotation opened by a mark.
var closers = map[rune]rune{'"': '"', '“': '”', '„': '“', '«': '»', '‟': '”', '＂': '＂'}

// quotedParts splits runes[start:end] into the insides of its quotations
// (trimmed of spaces), pairing each opening mark with its own kind of
// closing mark so that quotations nested in another kind are kept inside.
// It returns nil when a quotation is not closed.
func quotedParts(runes []rune, start, end int) [][2]int {
	var parts [][2]int
	for i := start; i < end; i++ {
		closer, ok := closers[runes[i]]
		width := 1
		if doubledMark(runes, i) {
			closer, ok, width = '\'', true, 2
		}
		if !ok {
			continue
		}
		j := i + width
		for j < end && runes[j] != closer && !(closer == '“' && runes[j] == '”') ||
			width == 2 && j < end && !doubledMark(runes, j) {
			j++
		}
		if j >= end {
			return nil
		}
		s, e := i+width, j
		for s < e && unicode.IsSpace(runes[s]) {
			s++
		}
		for e > s && unicode.IsSpace(runes[e-1]) {
			e--
		}
		if e > s {
			parts = append(parts, [2]int{s, e})
		}
		i = j + width - 1
	}
	return parts
}

// doubledMark reports whether runes[i:i+2] is two straight apostrophes, as
// the New York Times writes a double quotation mark (”).
func doubledMark(runes []rune, i int) bool {
	return i >= 0 && i+1 < len(runes) && runes[i] == '\'' && runes[i+1] == '\''
}

func prevNonSpace(runes []rune, i int) int {
	for i--; i >= 0; i-- {
		if !unicode.IsSpace(runes[i]) {
			return i
		}
	}
	return -1
}
