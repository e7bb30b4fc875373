// Package ud reads Universal Dependencies treebanks (CoNLL-U) as training
// and test data for the tagger, re-tokenised by our own segmenter so that
// the tagger learns from the tokens it will see at run time.
//
// Each sentence's text is rebuilt from the surface forms and their
// SpaceAfter=No marks, then cut by segment.Tokenize. Each of our tokens
// takes the Penn tag (XPOS) of the treebank words it covers:
//
//   - a word with a clitic glued to it (Trump's = Trump + 's, don't =
//     do + n't, it's, I'm, cannot = can + not) takes the tag of the word
//     before the clitic: Trump's is NNP, don't is VBP, it's is PRP. The
//     possessive or the contraction stays visible in the token's text;
//     the tag says what the token heads.
//   - words joined by hyphens or slashes (Al-Zaman, well-known,
//     twenty-five, U.S.-led) take the tag of the last word that is not
//     punctuation, the head of an English compound.
//   - when our segmenter cuts one treebank word into several tokens (a
//     URL, "Inc." into Inc and "."), the word pieces keep its tag and the
//     punctuation pieces take the tag of their mark.
package ud

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/segment"
)

// Sentence is one treebank sentence as our segmenter tokenises it, with the
// gold tag of each token.
type Sentence struct {
	ID     string
	Text   string
	Tokens []newsgraph.Token
	Gold   []string
	// Partial marks tokens that are a piece of a longer treebank word (a
	// piece of a URL or an e-mail address): their gold tag is the whole
	// word's, which the piece alone rarely shows.
	Partial []bool
}

// unit is one surface token of the treebank: a plain word, or a multiword
// token with the words it stands for.
type unit struct {
	form       string
	spaceAfter bool
	forms      []string // the syntactic words
	tags       []string // their XPOS
	start, end int      // byte span in the rebuilt text
}

// Read parses a CoNLL-U stream.
func Read(r io.Reader) ([]Sentence, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	var out []Sentence
	var units []unit
	var id string
	mwtEnd := 0 // last word id covered by the current multiword token
	line := 0
	flush := func() {
		if len(units) > 0 {
			out = append(out, build(id, units))
		}
		units = units[:0]
		id = ""
		mwtEnd = 0
	}
	for sc.Scan() {
		line++
		l := sc.Text()
		if l == "" {
			flush()
			continue
		}
		if strings.HasPrefix(l, "#") {
			if v, ok := strings.CutPrefix(l, "# sent_id = "); ok {
				id = v
			}
			continue
		}
		cols := strings.Split(l, "\t")
		if len(cols) != 10 {
			return nil, fmt.Errorf("line %d: %d columns, want 10", line, len(cols))
		}
		idc := cols[0]
		if strings.Contains(idc, ".") {
			continue // empty node
		}
		space := !strings.Contains(cols[9], "SpaceAfter=No")
		if a, b, ok := strings.Cut(idc, "-"); ok {
			var lo, hi int
			if _, err := fmt.Sscanf(a+" "+b, "%d %d", &lo, &hi); err != nil {
				return nil, fmt.Errorf("line %d: bad range %q", line, idc)
			}
			units = append(units, unit{form: cols[1], spaceAfter: space})
			mwtEnd = hi
			continue
		}
		if cols[4] == "" {
			cols[4] = "_" // as CoNLL-U writes a missing value
		}
		var n int
		if _, err := fmt.Sscanf(idc, "%d", &n); err != nil {
			return nil, fmt.Errorf("line %d: bad id %q", line, idc)
		}
		if n <= mwtEnd && len(units) > 0 {
			u := &units[len(units)-1]
			u.forms = append(u.forms, cols[1])
			u.tags = append(u.tags, cols[4])
			continue
		}
		units = append(units, unit{form: cols[1], spaceAfter: space, forms: []string{cols[1]}, tags: []string{cols[4]}})
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	flush()
	return out, nil
}

// build rebuilds the text of a sentence and tags our tokens of it.
func build(id string, units []unit) Sentence {
	var b strings.Builder
	for i := range units {
		u := &units[i]
		u.start = b.Len()
		b.WriteString(u.form)
		u.end = b.Len()
		if u.spaceAfter && i+1 < len(units) {
			b.WriteByte(' ')
		}
	}
	text := b.String()
	toks := segment.Tokenize(text, newsgraph.Span{Start: 0, End: len(text)}, nil)
	s := Sentence{ID: id, Text: text, Tokens: toks, Gold: make([]string, len(toks)), Partial: make([]bool, len(toks))}
	k := 0
	for i, t := range toks {
		for k < len(units) && units[k].end <= t.Start {
			k++
		}
		first := k
		last := k
		for last+1 < len(units) && units[last+1].start < t.End {
			last++
		}
		if first >= len(units) {
			s.Gold[i] = punctTag(t.Text)
			continue
		}
		covered := units[first : last+1]
		whole := covered[0].start >= t.Start && covered[len(covered)-1].end <= t.End
		s.Partial[i] = !whole
		if !whole && len(covered) == 1 && t.Kind == newsgraph.Punct {
			// a piece of a longer treebank word, such as the dot of "Inc."
			s.Gold[i] = punctTag(t.Text)
			continue
		}
		s.Gold[i] = joinedTag(covered)
	}
	return s
}

// joinedTag is the tag of a token made of the given treebank units.
func joinedTag(us []unit) string {
	var forms, tags []string
	for _, u := range us {
		forms = append(forms, u.forms...)
		tags = append(tags, u.tags...)
	}
	if len(tags) == 0 {
		return "NFP" // a multiword token without its words: malformed input
	}
	if len(us) == 1 && len(forms) > 1 {
		// a multiword token: the word before the clitic heads it
		// (cannot, gonna, don't written as one token).
		return tags[0]
	}
	for j := 1; j < len(forms); j++ {
		if isClitic(forms[j]) {
			for h := j - 1; h >= 0; h-- {
				if !isPunctTag(tags[h]) {
					return tags[h]
				}
			}
			return tags[j-1]
		}
	}
	for h := len(tags) - 1; h >= 0; h-- {
		if !isPunctTag(tags[h]) {
			return tags[h]
		}
	}
	return tags[len(tags)-1]
}

// isClitic reports whether a treebank word is a clitic that English writes
// glued to the word before it.
func isClitic(form string) bool {
	f := strings.ToLower(strings.ReplaceAll(form, "’", "'"))
	switch f {
	case "'s", "'re", "'ve", "'ll", "'d", "'m", "n't", "nt", "s", "'", "na", "ta", "not":
		return true
	}
	return false
}

func isPunctTag(t string) bool {
	switch t {
	case "HYPH", ",", ".", ":", "``", "''", "-LRB-", "-RRB-", "NFP", "SYM":
		return true
	}
	return false
}

// punctTag is the Penn tag of a punctuation mark on its own.
func punctTag(p string) string {
	switch p {
	case ".", "!", "?", "...", "…":
		return "."
	case ",":
		return ","
	case ":", ";", "-", "–", "—", "--":
		return ":"
	case "(", "[", "{":
		return "-LRB-"
	case ")", "]", "}":
		return "-RRB-"
	case "\"", "“", "«", "„", "‘":
		return "``"
	case "”", "»", "’", "'":
		return "''"
	case "$", "€", "£", "¥":
		return "$"
	case "#":
		return "#"
	case "/", "&", "%", "*", "+", "=", "@", "~", "|", "<", ">", "^", "\\":
		return "SYM"
	}
	return "NFP"
}
