package quote

import (
	"strings"

	"github.com/newsgraph/newsgraph"
)

// FindForms runs the stage on d as Find does and returns, for each quote
// it writes, the form of the cue that made it (`said/plain-past/speech`,
// `claim/noun-ownerless`, `according`, `nocue:seemed`): the audit of which
// rules make the quotes that match no gold.
func FindForms(d *newsgraph.Document) []string {
	if len(d.Tokens) == 0 || len(d.Sentences) == 0 {
		Find(d)
		return nil
	}
	// the cues are read before any quote is made, so a reading of its
	// own gives the cues Find reads
	a := &analyzer{d: d, toks: d.Tokens}
	a.inQuote = make([]int32, len(d.Tokens))
	a.claimed = make([]bool, len(d.Tokens))
	a.indexMentions()
	a.pairMarks()
	a.classifySpans()
	a.findCues()
	forms := make(map[int]string, len(a.cues))
	for i := range a.cues {
		forms[a.toks[a.cues[i].tok].Start] = a.formOf(&a.cues[i])
	}
	Find(d)
	out := make([]string, len(d.Quotes))
	for i, q := range d.Quotes {
		if f, ok := forms[q.CueAt.Start]; ok && q.Cue != "" {
			out[i] = f
		} else {
			out[i] = "nocue:" + strings.ToLower(q.Cue)
		}
	}
	return out
}

var classNames = []string{"speech", "tell", "naming", "thought", "object"}

// formOf names the rule by which cue c was read.
func (a *analyzer) formOf(c *cue) string {
	low := string(a.low(c.tok))
	if c.according {
		if low == "in" {
			return "in-view/according"
		}
		return "according/according"
	}
	lemma := c.word.lemma
	if c.word.particle != "" {
		lemma = strings.Fields(lemma)[0] + "_" + c.word.particle
	}
	cls := classNames[c.word.class]
	if nounCues[low] && c.word.lemma == low && strings.HasPrefix(a.toks[c.tok].POS, "NN") {
		if c.subjS == c.tok {
			return lemma + "/noun-ownerless/" + cls
		}
		return lemma + "/noun-owned/" + cls
	}
	if c.objE > 0 {
		return lemma + "/by-agent/" + cls
	}
	if c.participleComma {
		return lemma + "/ing-comma/" + cls
	}
	k := c.tok
	s := a.d.Sentences[c.sentence]
	j := k - 1
	sawPassive := false
	for j >= s.FirstToken && a.word(j) && (a.is(j, skipBeforeCue) || a.lyAdverb(j)) {
		if a.is(j, passiveAux) {
			sawPassive = true
		}
		j--
	}
	form := ""
	switch c.word.form {
	case baseForm:
		form = "base"
	case thirdForm:
		form = "third"
	case pastForm:
		form = "past"
	case ingForm:
		form = "ing"
	}
	in := j >= s.FirstToken && a.word(j)
	switch {
	case c.word.form == baseForm && in && a.lowIs(j, "to"):
		form = "infinitive"
	case c.word.form == ingForm && j < s.FirstToken:
		form = "ing-open"
	case c.word.form == ingForm && sawPassive:
		form = "ing-prog"
	case c.word.form == ingForm && in && a.is(j, gerundPreps):
		form = "ing-prep"
	case c.word.form == ingForm && in && (a.lowIs(j, "and") || a.lowIs(j, "or")):
		form = "ing-and"
	case c.word.form == ingForm && j == k-1 && in && strings.HasPrefix(a.toks[j].POS, "NN"):
		form = "ing-noun"
	case c.word.form == ingForm && in && strings.HasPrefix(a.toks[j].POS, "VB"):
		form = "ing-verb"
	case c.inverted:
		form += "-inverted"
	case in && (a.lowIs(j, "who") || a.lowIs(j, "which")):
		form += "-relative"
	case in && (a.lowIs(j, "and") || a.lowIs(j, "but")):
		form += "-and"
	case in && a.is(j, quantifierSubjects) && j == k-1:
		form += "-quantifier"
	case j >= s.FirstToken && a.textIs(j, ","):
		form += "-comma"
	}
	return lemma + "/" + form + "/" + cls
}
