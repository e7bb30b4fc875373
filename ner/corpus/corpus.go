// Package corpus reads the annotated corpora that the named-entity tagger is
// trained and measured on into one form: a text rebuilt from the corpus's
// tokens and the names in it as byte spans with a CoNLL-style type (PER, ORG,
// LOC; MISC for other names where a corpus marks them).
//
// Training may use only WikiANN, the GUM Wikinews documents and MEANTIME
// (their licences allow shipping what is learned). ReadCoNLL exists for
// measurement only: CoNLL-2003 text is never copied into the project.
//
// # Invariants
// Every span lies inside its Doc's Text, spans are ordered by Start and do
// not overlap, and Text[s.Start:s.End] has no leading or trailing space.
//
// # Concurrency
// The readers keep no state; they are safe to call from many goroutines.
package corpus

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/ner"
)

// Span is a name in a Doc's Text.
type Span struct {
	Start, End int
	Type       string // PER, ORG, LOC or MISC
}

// Doc is a text rebuilt from a corpus's tokens, sentences separated by blank
// lines, with the names in it.
type Doc struct {
	ID    string
	Text  string
	Spans []Span
	// Partial says that the corpus annotates only some of the names in
	// the text (MEANTIME marks those taking part in its events).
	Partial bool
}

// builder joins tokens into a text and records the spans of labelled runs.
type builder struct {
	b     strings.Builder
	spans []Span
	line  bool // at the start of a sentence
	// the open name: its type and where it started
	openType  string
	openStart int
	openEnd   int
	noSpace   bool // the previous token asked for no space after it
}

// noSpaceBefore are tokens written without a space before them when the
// corpus does not say how the text was spaced.
var noSpaceBefore = map[string]bool{
	",": true, ".": true, ":": true, ";": true, "!": true, "?": true, "%": true, ")": true, "]": true,
	"'s": true, "'S": true, "n't": true, "'re": true, "'ve": true, "'ll": true, "'d": true, "'m": true, "’s": true,
}

// noSpaceAfter are tokens written without a space after them.
var noSpaceAfter = map[string]bool{"(": true, "[": true, "$": true}

// token adds a word. typ is its name type ("" for none); begin says it starts
// a new name even when the previous token had the same type; spaceAfter
// false glues the next token to it (-1: guess from the tokens).
func (bd *builder) token(word, typ string, begin bool, spaceAfter int) {
	if !bd.line && !bd.noSpace && !(spaceAfter < 0 && noSpaceBefore[word]) {
		bd.b.WriteByte(' ')
	}
	if typ == "" || begin || typ != bd.openType {
		bd.close()
	}
	bd.line = false
	start := bd.b.Len()
	bd.b.WriteString(word)
	if typ != "" {
		if bd.openType == "" {
			bd.openType, bd.openStart = typ, start
		}
		bd.openEnd = bd.b.Len()
	}
	switch spaceAfter {
	case 0:
		bd.noSpace = true
	case 1:
		bd.noSpace = false
	default:
		bd.noSpace = noSpaceAfter[word]
	}
}

func (bd *builder) close() {
	if bd.openType != "" {
		bd.spans = append(bd.spans, Span{bd.openStart, bd.openEnd, bd.openType})
	}
	bd.openType = ""
}

// endSentence closes the sentence with a blank line.
func (bd *builder) endSentence() {
	bd.close()
	if !bd.line {
		bd.b.WriteString("\n\n")
	}
	bd.line, bd.noSpace = true, false
}

func (bd *builder) doc(id string) Doc {
	bd.endSentence()
	d := Doc{ID: id, Text: strings.TrimRight(bd.b.String(), "\n"), Spans: bd.spans}
	bd.b.Reset()
	bd.spans = nil
	return d
}

// ReadWikiANN reads a WikiANN file (lines "en:word<TAB>B-PER"). Sentences are
// grouped into documents of perDoc sentences, which makes no claim that they
// belong together: WikiANN sentences are independent.
//
// WikiANN marks "Sioux Falls, South Dakota" and "Aberdeen (Scotland)" as one
// name; the reader splits names at commas and brackets, as news corpora
// annotate them. With fragments false, the sentences that are nothing but
// names (list items and titles, more than half of WikiANN) are left out.
func ReadWikiANN(path string, perDoc int, fragments bool) ([]Doc, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	var docs []Doc
	var bd builder
	bd.line = true
	n := 0
	type wikiToken struct {
		word, typ string
		begin     bool
	}
	var sent []wikiToken
	outside := 0   // words of the sentence outside names
	split := false // a name was cut at punctuation
	sc := bufio.NewScanner(fh)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if line == "" {
			if fragments || outside > 0 {
				for _, t := range sent {
					bd.token(t.word, t.typ, t.begin, -1)
				}
				bd.endSentence()
				n++
				if n%perDoc == 0 {
					docs = append(docs, bd.doc(fmt.Sprintf("%s:%d", filepath.Base(path), len(docs))))
				}
			}
			sent, outside = sent[:0], 0
			continue
		}
		word, tag, ok := strings.Cut(line, "\t")
		if !ok {
			return nil, fmt.Errorf("wikiann %s: line %q has no tab", path, line)
		}
		word = strings.TrimPrefix(word, "en:")
		typ, begin := iob(tag)
		switch word {
		case ",", "(", ")", ";", ":", "[", "]":
			if typ != "" {
				typ, split = "", true
			}
		default:
			if split && typ != "" {
				begin = true
			}
			split = false
			if typ == "" && strings.ContainsFunc(word, unicode.IsLetter) {
				outside++
			}
		}
		sent = append(sent, wikiToken{word, typ, begin})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("wikiann %s: %w", path, err)
	}
	if d := bd.doc(fmt.Sprintf("%s:%d", filepath.Base(path), len(docs))); d.Text != "" {
		docs = append(docs, d)
	}
	return docs, nil
}

func iob(tag string) (typ string, begin bool) {
	if len(tag) < 3 || tag == "O" {
		return "", false
	}
	return tag[2:], tag[0] == 'B'
}

// ReadCoNLL reads a CoNLL-2003 file (word POS chunk NER, IOB2), one Doc per
// -DOCSTART-. For measurement only.
func ReadCoNLL(path string) ([]Doc, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	var docs []Doc
	var bd builder
	bd.line = true
	sc := bufio.NewScanner(fh)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "-DOCSTART-") {
			if d := bd.doc(fmt.Sprint(len(docs))); d.Text != "" {
				docs = append(docs, d)
			}
			continue
		}
		if line == "" {
			bd.endSentence()
			continue
		}
		cols := strings.Fields(line)
		typ, begin := iob(cols[len(cols)-1])
		// the words are joined by spaces, as in the mention stage's test
		bd.token(cols[0], typ, begin, 1)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("conll %s: %w", path, err)
	}
	if d := bd.doc(fmt.Sprint(len(docs))); d.Text != "" {
		docs = append(docs, d)
	}
	return docs, nil
}

// GUMWikinews lists the GUM documents that come from Wikinews (news and
// interviews, CC BY 2.5) in dir/dep, sorted.
func GUMWikinews(dir string) ([]string, error) {
	var ids []string
	for _, pat := range []string{"GUM_news_*.conllu", "GUM_interview_*.conllu"} {
		m, err := filepath.Glob(filepath.Join(dir, "dep", pat))
		if err != nil {
			return nil, err
		}
		for _, p := range m {
			ids = append(ids, strings.TrimSuffix(filepath.Base(p), ".conllu"))
		}
	}
	sort.Strings(ids)
	return ids, nil
}

// GUMTest lists the documents of the test split in dir/splits.md; they are
// held out of training.
func GUMTest(dir string) (map[string]bool, error) {
	data, err := os.ReadFile(filepath.Join(dir, "splits.md"))
	if err != nil {
		return nil, err
	}
	out := map[string]bool{}
	section := ""
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "## ") {
			section = strings.TrimSpace(line[3:])
			continue
		}
		if section == "test" {
			if id, ok := strings.CutPrefix(strings.TrimSpace(line), "* "); ok {
				out[id] = true
			}
		}
	}
	return out, nil
}

// gumToken is one token of a GUM sentence.
type gumToken struct {
	form, xpos string
	spaceAfter bool
}

// gumMention is an entity mention of GUM: tokens [first, last] of a sentence.
type gumMention struct {
	first, last int
	etype       string
	head        int // the first token of its minimal span, 0-based in the sentence
}

// ReadGUM reads one GUM document (dir/dep/ID.conllu). Names are the runs of
// proper-noun tokens (NNP, NNPS, joined by "of", "and", "&", "de", "for")
// around the head of each person, place or organisation mention whose head
// is a proper noun, without a leading title word that isTitle reports
// ("President Bush" → "Bush"). Place → LOC, person → PER, organisation →
// ORG; other mentions with a proper-noun head → MISC.
func ReadGUM(dir, id string, isTitle func(string) bool) (Doc, error) {
	path := filepath.Join(dir, "dep", id+".conllu")
	fh, err := os.Open(path)
	if err != nil {
		return Doc{}, err
	}
	defer fh.Close()
	var bd builder
	bd.line = true
	var toks []gumToken
	var ments []gumMention
	var open []gumMention // open brackets, innermost last
	flush := func() {
		if len(toks) == 0 {
			return
		}
		labels := gumLabels(toks, ments, isTitle)
		for i, t := range toks {
			sa := 1
			if !t.spaceAfter {
				sa = 0
			}
			bd.token(t.form, labels[i].typ, labels[i].begin, sa)
		}
		bd.endSentence()
		toks, ments, open = toks[:0], ments[:0], open[:0]
	}
	sc := bufio.NewScanner(fh)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if line == "" {
			flush()
			continue
		}
		if line[0] == '#' {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) < 10 || strings.ContainsAny(cols[0], "-.") {
			continue
		}
		i := len(toks)
		toks = append(toks, gumToken{form: cols[1], xpos: cols[4], spaceAfter: !strings.Contains(cols[9], "SpaceAfter=No")})
		for _, f := range strings.Split(cols[9], "|") {
			ent, ok := strings.CutPrefix(f, "Entity=")
			if !ok {
				continue
			}
			// a sequence of "(id-type-…" openings and "id)" closings
			for ent != "" {
				switch {
				case ent[0] == '(':
					j := strings.IndexAny(ent[1:], "()")
					body := ent[1:]
					if j >= 0 {
						body = ent[1 : 1+j]
					}
					parts := strings.Split(body, "-")
					m := gumMention{first: i, last: -1, head: i}
					if len(parts) > 1 {
						m.etype = parts[1]
					}
					if len(parts) > 5 {
						if h, err := strconv.Atoi(strings.Split(parts[5], ",")[0]); err == nil {
							m.head = i + h - 1
						}
					}
					if j >= 0 && ent[1+j] == ')' {
						// opened and closed on this token: "(3-…-Iodine)"
						m.last = i
						ments = append(ments, m)
						ent = ent[2+j:]
					} else {
						open = append(open, m)
						if j < 0 {
							ent = ""
						} else {
							ent = ent[1+j:]
						}
					}
				default:
					// "7)" closes the innermost open mention with that id;
					// ids are not kept, so close the innermost one
					j := strings.IndexByte(ent, ')')
					if j < 0 {
						ent = ""
						continue
					}
					if len(open) > 0 {
						m := open[len(open)-1]
						open = open[:len(open)-1]
						m.last = i
						ments = append(ments, m)
					}
					ent = ent[j+1:]
				}
			}
		}
	}
	flush()
	if err := sc.Err(); err != nil {
		return Doc{}, fmt.Errorf("gum %s: %w", path, err)
	}
	return bd.doc(id), nil
}

type tokLabel struct {
	typ   string
	begin bool
}

func isProper(xpos string) bool { return xpos == "NNP" || xpos == "NNPS" }

func gumLabels(toks []gumToken, ments []gumMention, isTitle func(string) bool) []tokLabel {
	labels := make([]tokLabel, len(toks))
	// outer mentions first, so that nested ones ("England" in "Bank of
	// England") do not split the outer name
	sort.SliceStable(ments, func(i, j int) bool {
		return ments[i].last-ments[i].first > ments[j].last-ments[j].first
	})
	for _, m := range ments {
		if m.last < m.first || m.head < m.first || m.head > m.last || m.head >= len(toks) || !isProper(toks[m.head].xpos) {
			continue
		}
		a, b := m.head, m.head // inclusive
		for a > m.first && (isProper(toks[a-1].xpos) || a-2 >= m.first && isConnector(toks[a-1].form) && isProper(toks[a-2].xpos)) {
			a--
		}
		for b < m.last && (isProper(toks[b+1].xpos) || b+2 <= m.last && isConnector(toks[b+1].form) && isProper(toks[b+2].xpos)) {
			b++
		}
		// a title inside the run ("NASA Administrator Charles Bolden"):
		// the name is what follows the last title word. This also cuts
		// names that are no person's ("United States Air Force" →
		// "Force"); cutting only persons' runs was tried: GUM F1 0.586 →
		// 0.598, CoNLL-2003 valid 0.833 → 0.831, and the model article's
		// names changed for the worse ("Voldymyr Zelensky" read as ORG),
		// so the model keeps being trained on these labels
		if isTitle != nil {
			for i := b - 1; i >= a; i-- {
				if isTitle(toks[i].form) {
					a = i + 1
					break
				}
			}
			if a > b {
				continue
			}
		}
		for a < b && isConnector(toks[a].form) {
			a++
		}
		allTitles := true
		for i := a; i <= b; i++ {
			if isTitle == nil || !isTitle(toks[i].form) {
				allTitles = false
			}
		}
		if allTitles {
			continue // "the General", "Foreign Affairs" left of a title
		}
		typ := "MISC"
		switch m.etype {
		case "person":
			typ = "PER"
			if a == b && toks[a].xpos == "NNPS" {
				typ = "MISC" // "Americans", "Democrats": a group named by its nationality or party
			}
		case "place":
			typ = "LOC"
		case "organization":
			typ = "ORG"
		}
		taken := false
		for i := a; i <= b; i++ {
			if labels[i].typ != "" {
				taken = true
			}
		}
		if taken {
			continue
		}
		for i := a; i <= b; i++ {
			labels[i] = tokLabel{typ: typ, begin: i == a}
		}
	}
	return labels
}

func isConnector(w string) bool {
	switch w {
	case "of", "and", "&", "de", "for", "the", "on":
		return true
	}
	return false
}

// MEANTIMEHeldOut reports whether a MEANTIME document is held out of
// training for measurement: every fourth, by its numeric id.
func MEANTIMEHeldOut(id string) bool {
	n, err := strconv.Atoi(id)
	return err == nil && n%4 == 0
}

type catDoc struct {
	DocID  string `xml:"doc_id,attr"`
	Tokens []struct {
		ID       string `xml:"t_id,attr"`
		Sentence int    `xml:"sentence,attr"`
		Text     string `xml:",chardata"`
	} `xml:"token"`
	Markables struct {
		Mentions []struct {
			ID      string `xml:"m_id,attr"`
			Syntax  string `xml:"syntactic_type,attr"`
			Anchors []struct {
				ID string `xml:"t_id,attr"`
			} `xml:"token_anchor"`
		} `xml:"ENTITY_MENTION"`
		Entities []struct {
			ID   string `xml:"m_id,attr"`
			Type string `xml:"ent_type,attr"`
		} `xml:"ENTITY"`
	} `xml:"Markables"`
	Relations struct {
		RefersTo []struct {
			Sources []struct {
				ID string `xml:"m_id,attr"`
			} `xml:"source"`
			Target struct {
				ID string `xml:"m_id,attr"`
			} `xml:"target"`
		} `xml:"REFERS_TO"`
	} `xml:"Relations"`
}

// ReadMEANTIME reads every article of the MEANTIME English corpus under
// dir/intra_cross-doc_annotation, sorted by file name. Names are the mentions
// of syntactic type NAM, typed by the entity they refer to (PER, ORG, LOC;
// products, finance and mixed entities → MISC). Sentence 0, the headline, is
// kept.
//
// MEANTIME's name mentions take in what the name is said to be ("Airbus
// parent company European Aeronautic Defence and Space Company EADS N.V.
// (EADS"); each is cut to its name proper by nameCore. A name mention that
// refers to no typed entity is typed by guess (nil: MISC).
func ReadMEANTIME(dir string, guess func(name string) string) ([]Doc, error) {
	files, err := filepath.Glob(filepath.Join(dir, "intra_cross-doc_annotation", "*", "*.xml"))
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	var docs []Doc
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			return nil, err
		}
		d, err := readCAT(fh, guess)
		fh.Close()
		if err != nil {
			return nil, fmt.Errorf("meantime %s: %w", f, err)
		}
		docs = append(docs, d)
	}
	return docs, nil
}

func readCAT(r io.Reader, guess func(string) string) (Doc, error) {
	var cd catDoc
	if err := xml.NewDecoder(r).Decode(&cd); err != nil {
		return Doc{}, err
	}
	entType := map[string]string{}
	for _, e := range cd.Markables.Entities {
		entType[e.ID] = e.Type
	}
	mentType := map[string]string{}
	for _, rel := range cd.Relations.RefersTo {
		t := entType[rel.Target.ID]
		for _, s := range rel.Sources {
			mentType[s.ID] = t
		}
	}
	tokIndex := map[string]int{}
	for i, t := range cd.Tokens {
		tokIndex[t.ID] = i
	}
	labels := make([]tokLabel, len(cd.Tokens))
	for _, m := range cd.Markables.Mentions {
		if m.Syntax != "NAM" || len(m.Anchors) == 0 {
			continue
		}
		var idx []int
		for _, a := range m.Anchors {
			if i, ok := tokIndex[a.ID]; ok {
				idx = append(idx, i)
			}
		}
		sort.Ints(idx)
		words := make([]string, len(idx))
		for k, i := range idx {
			words[k] = cd.Tokens[i].Text
		}
		a, b := nameCore(words)
		if a >= b {
			continue
		}
		typ := ""
		switch mentType[m.ID] {
		case "PER", "ORG", "LOC":
			typ = mentType[m.ID]
		case "":
			if guess != nil {
				typ = guess(strings.Join(words[a:b], " "))
			}
		}
		if typ == "" {
			typ = "MISC"
		}
		for k := a; k < b; k++ {
			labels[idx[k]] = tokLabel{typ: typ, begin: k == a || idx[k] != idx[k-1]+1}
		}
	}
	var bd builder
	bd.line = true
	for i, t := range cd.Tokens {
		if i > 0 && t.Sentence != cd.Tokens[i-1].Sentence {
			bd.endSentence()
		}
		bd.token(t.Text, labels[i].typ, labels[i].begin, -1)
	}
	return bd.doc(cd.DocID), nil
}

// nameCore returns the part words[a:b] of a name mention that is the name:
// before any bracket, after the last lowercase word that is not a connector
// inside a name, without leading or trailing lowercase words.
func nameCore(words []string) (a, b int) {
	b = len(words)
	for i, w := range words {
		if w == "(" || w == "," {
			b = i
			break
		}
	}
	for i := 0; i < b; i++ {
		if w := words[i]; !startsCapital(w) && !isConnector(w) && !startsDigit(w) {
			a = i + 1
		}
	}
	for a < b && !startsCapital(words[a]) {
		a++
	}
	for b > a && !startsCapital(words[b-1]) && !startsDigit(words[b-1]) {
		b--
	}
	return a, b
}

func startsCapital(w string) bool {
	r := []rune(w)
	return len(r) > 0 && unicode.IsUpper(r[0])
}

func startsDigit(w string) bool { return w != "" && w[0] >= '0' && w[0] <= '9' }

// Labels gives every token of d (segmented from doc.Text) the index in
// ner.Labels of its BIO label: the first token that overlaps a name is B-,
// the others I-.
func Labels(d *newsgraph.Document, spans []Span) []int8 {
	out := make([]int8, len(d.Tokens))
	k := 0
	for _, s := range spans {
		for k < len(d.Tokens) && d.Tokens[k].End <= s.Start {
			k++
		}
		b := int8(ner.LabelIndex("B-" + s.Type))
		for j := k; j < len(d.Tokens) && d.Tokens[j].Start < s.End; j++ {
			if out[j] != 0 {
				continue // a token shared by two names keeps the first
			}
			if j == k {
				out[j] = b
			} else {
				out[j] = b + 1
			}
		}
	}
	return out
}
