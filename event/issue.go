package event

import (
	"bufio"
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/newsgraph/newsgraph"
)

//go:embed data/issues.tsv
var issuesTSV string

type issueRule struct {
	cues  []string // " cue " with spaces around, to match whole words
	also  []string
	issue string
}

var issueRules = sync.OnceValue(func() []issueRule {
	r, err := parseIssueRules(issuesTSV)
	if err != nil {
		panic(err) // embedded data: caught by the tests
	}
	return r
})

func parseIssueRules(src string) ([]issueRule, error) {
	var out []issueRule
	sc := bufio.NewScanner(strings.NewReader(src))
	ln := 0
	for sc.Scan() {
		ln++
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			return nil, fmt.Errorf("issues.tsv:%d: want 3 fields, got %d", ln, len(f))
		}
		var r issueRule
		for _, c := range strings.Split(f[0], "|") {
			r.cues = append(r.cues, " "+c+" ")
		}
		if f[1] != "-" {
			for _, c := range strings.Split(f[1], "|") {
				r.also = append(r.also, " "+c+" ")
			}
		}
		r.issue = f[2]
		out = append(out, r)
	}
	return out, sc.Err()
}

var pronounIssues = set("this", "that", "it", "them", "these", "those", "him", "her", "us", "me", "so", "anything",
	"nothing", "something", "everything", "what", "which")

// issue normalises the noun phrase at tokens [from, end) into an issue. It
// returns the entities that modify the phrase ("US security guarantees")
// so that a request can take them as its target.
func (s *state) issue(from, end int) (string, []int) {
	d := s.d
	if m := s.membership(from); m != "" {
		return m, nil
	}
	for from < end && s.is(from, cDet) {
		from++
	}
	// "the delivery of X", "the peninsula of Crimea": what follows "of"
	for j := from; j+1 < end; j++ {
		if s.w(j) == "of" && j > from && s.is(j-1, cOfHead) {
			from = j + 1
			for from < end && s.is(from, cDet) {
				from++
			}
			break
		}
	}
	if from >= end || pronounIssues[s.w(from)] && from+1 == end {
		return "", nil
	}
	// one name: the entity's canonical name
	if mi := s.tokMent[from]; mi >= 0 && s.tokMent[end-1] == mi {
		same := true
		for j := from; j < end; j++ {
			same = same && s.tokMent[j] == mi
		}
		if same {
			return d.Entities[s.ments[mi].Entity].Name, nil
		}
	}
	// leading actors modify the phrase: "US security guarantees"
	var modifiers []int
	for from < end-1 && s.tokMent[from] >= 0 {
		mi := s.tokMent[from]
		if x := s.ent(from); x >= 0 && !slices.Contains(modifiers, x) &&
			(s.d.Entities[x].Type == newsgraph.GPE || s.d.Entities[x].Type == newsgraph.NORP) {
			modifiers = append(modifiers, x)
		}
		for from < end-1 && s.tokMent[from] == mi {
			from++
		}
	}
	var b strings.Builder
	b.WriteByte(' ')
	for j := from; j < end; j++ {
		t := &d.Tokens[j]
		if t.Kind == newsgraph.Punct && t.Text != "-" {
			continue
		}
		if s.isCap(j) && s.tokMent[j] < 0 && j > s.sent.FirstToken {
			b.WriteString(t.Text) // a name the entity stage did not take: keep as written
		} else {
			b.WriteString(s.w(j))
		}
		b.WriteByte(' ')
	}
	phrase := b.String()
	lowPhrase := strings.ToLower(phrase)
	if r := s.issueRule(lowPhrase, from); r != "" {
		return r, modifiers
	}
	// the phrase's own prepositional phrases may say what it is about:
	// "access to raw materials"
	var ext strings.Builder
	ext.WriteString(lowPhrase)
	for j := end; j < s.extendPhrase(end); j++ {
		ext.WriteString(s.w(j))
		ext.WriteByte(' ')
	}
	if r := s.issueRule(ext.String(), from); r != "" {
		return r, modifiers
	}
	return strings.TrimSpace(phrase), modifiers
}

// issueRule returns the issue of the first rule of data/issues.tsv that
// fires on the lowercase phrase (spaces around every word), or "".
func (s *state) issueRule(lowPhrase string, from int) string {
	d := s.d
	for _, r := range issueRules() {
		hit := false
		for _, c := range r.cues {
			if strings.Contains(lowPhrase, c) {
				hit = true
				break
			}
		}
		if !hit {
			continue
		}
		if len(r.also) > 0 {
			ok := false
			for _, c := range r.also {
				// the word may come from the trigger's own sentence
				if strings.Contains(lowPhrase, c) || strings.Contains(" "+s.low[d.Sentences[s.d.Tokens[from].Sentence].Start:d.Sentences[s.d.Tokens[from].Sentence].End]+" ", c) {
					ok = true
					break
				}
			}
			if !ok {
				continue
			}
		}
		return r.issue
	}
	return ""
}

// membership recognises "joining NATO", "NATO membership", "accession to the
// EU", "membership in NATO" within a few tokens of j, and returns
// "<organisation> membership".
func (s *state) membership(j int) string {
	end := min(j+6, s.sent.EndToken)
	cue := false
	org := -1
	for k := j; k < end; k++ {
		switch s.w(k) {
		case "join", "joining", "joins", "joined", "membership", "accession", "accede", "admission", "entry":
			cue = true
		case ",", ";", ".":
			end = k
		}
		if mi := s.tokMent[k]; mi >= 0 && org < 0 {
			if e := s.ments[mi].Entity; s.d.Entities[e].Type == newsgraph.Org {
				org = e
			}
		}
	}
	if cue && org >= 0 {
		return s.d.Entities[org].Name + " membership"
	}
	return ""
}

// inheritGroups gives events whose subject was "both sides" or an
// unresolved "they" the parties of the latest event with two or more
// parties in the three sentences before; events that find none are dropped.
func (s *state) inheritGroups() {
	d := s.d
	keep := d.Events[:0]
	keepMeta := s.meta[:0]
	for i, v := range d.Events {
		m := s.meta[i]
		if len(v.Actors) == 0 {
			from := -1
			for j := len(keep) - 1; j >= 0 && v.Sentence-keep[j].Sentence <= 3; j-- {
				if len(keepMeta[j].participant) >= 2 && (from < 0 || keep[j].Type == v.Type && keep[from].Type != v.Type) {
					from = j
				}
			}
			for j := from; j >= 0; j = -1 {
				p := keep[j]
				{
					v.Actors = slices.Clone(p.Actors)
					for _, x := range p.Targets {
						if !slices.Contains(v.Targets, x) {
							v.Targets = append(v.Targets, x)
						}
					}
					m.participant = append(slices.Clone(v.Actors), v.Targets...)
					break
				}
			}
		}
		if len(v.Actors) == 0 {
			continue
		}
		keep = append(keep, v)
		keepMeta = append(keepMeta, m)
	}
	d.Events, s.meta = keep, keepMeta
}

// inheritDates applies the same-event rule of the package doc: an undated
// event in the first five paragraphs takes the date of an earlier dated
// event of the same type with the same parties and no other place.
func (s *state) inheritDates() {
	d := s.d
	for i := range d.Events {
		v := &d.Events[i]
		if v.Date != "" || v.Time >= 0 || s.meta[i].paragraph > 4 || v.Modality == newsgraph.Hypothetical || v.Modality == newsgraph.Intended {
			continue
		}
		for j := i - 1; j >= 0; j-- {
			p := &d.Events[j]
			if !s.meta[j].dated || p.Type != v.Type || !sameSet(s.meta[j].participant, s.meta[i].participant) {
				continue
			}
			if p.Location >= 0 && v.Location >= 0 && p.Location != v.Location {
				continue
			}
			v.Date = p.Date
			break
		}
	}
}

func sameSet(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for _, x := range a {
		if !slices.Contains(b, x) {
			return false
		}
	}
	return true
}
