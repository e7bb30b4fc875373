package event_test

import (
	"encoding/xml"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/event"
	"github.com/newsgraph/newsgraph/internal/shared"
	"github.com/newsgraph/newsgraph/pipeline"
)

// TestMeantime runs the pipeline (without the clean stage, so that offsets
// stay those of the rebuilt text) over the English MEANTIME articles and
// compares the events found with MEANTIME's annotated event mentions.
//
// Mapping of MEANTIME to PLOVER. MEANTIME annotates every event mention
// (class OTHER, SPEECH_COGNITIVE, GRAMMATICAL, MIX) with its predicate
// lemma. GRAMMATICAL mentions (light and aspectual verbs) never map;
// SPEECH_COGNITIVE ones map only when the speech act itself is a PLOVER act
// (accuse, deny, demand, urge, reject, threaten, warn, praise, criticise);
// OTHER ones map when the act is one of PLOVER's. In practice all three
// come down to the predicate: a mention is "PLOVER-relevant" when its pred
// is the first word of an entry of our trigger lexicon (agree, meet, deal,
// sign, attack, ban, sanction, deliver, supply, sue, …). This is generous
// to recall's denominator: MEANTIME's business news use many of these
// words in senses PLOVER ignores ("deliver aircraft", "deal" as a sale),
// which our need= rules reject on purpose.
//
// Recall: relevant mentions whose token an event trigger of ours overlaps.
// Agreement: our events whose trigger overlaps any MEANTIME event mention
// (a floor on precision: MEANTIME does not annotate every event).
// Measured (see the package doc): a sample of events is logged with -v for
// reading by hand.
func TestMeantime(t *testing.T) {
	dir := shared.Path(t, "data/meantime-english/intra-doc_annotation")
	files, _ := filepath.Glob(filepath.Join(dir, "*", "*.xml"))
	if len(files) == 0 {
		t.Skip("no MEANTIME files")
	}
	stages := pipeline.Default()
	if stages[0].Name() == "clean" {
		stages = stages[1:]
	}
	relevantPreds := event.TriggerLemmas()
	var relevant, found, events, agreeing int
	missed := map[string]int{}
	var sample []string
	for fi, f := range files {
		doc, err := readMeantime(f)
		if err != nil {
			t.Fatal(err)
		}
		d := &newsgraph.Document{ID: doc.id, Text: doc.text, Language: "en"}
		if doc.date != "" {
			d.Published = doc.date
			d.Date, _ = pipeline.ParseDate(doc.date)
		}
		if err := stages.Run(d); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		covered := func(sp newsgraph.Span) bool {
			for _, v := range d.Events {
				if v.Trigger.Overlaps(sp) {
					return true
				}
			}
			return false
		}
		for _, m := range doc.events {
			if !relevantPreds[m.pred] {
				continue
			}
			relevant++
			if covered(m.span) {
				found++
			} else {
				missed[m.pred]++
			}
		}
		for _, v := range d.Events {
			events++
			ok := false
			for _, m := range doc.events {
				if v.Trigger.Overlaps(m.span) {
					ok = true
					break
				}
			}
			if ok {
				agreeing++
			}
			if fi%5 == 0 && len(sample) < 25 {
				s := d.Sentences[v.Sentence]
				var a []string
				for _, x := range v.Actors {
					a = append(a, d.Entities[x].Name)
				}
				var tg []string
				for _, x := range v.Targets {
					tg = append(tg, d.Entities[x].Name)
				}
				sample = append(sample, v.Type+" ["+strings.Join(a, ",")+" → "+strings.Join(tg, ",")+"] «"+v.TriggerText+"» issue="+v.Issue+
					" :: "+d.Text[s.Start:s.End])
			}
		}
	}
	t.Logf("MEANTIME: %d articles; PLOVER-relevant event mentions %d, found %d (recall %.2f); our events %d, on an annotated mention %d (%.2f)",
		len(files), relevant, found, ratio(found, relevant), events, agreeing, ratio(agreeing, events))
	type kv struct {
		k string
		v int
	}
	var ms []kv
	for k, v := range missed {
		ms = append(ms, kv{k, v})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].v > ms[j].v })
	if len(ms) > 15 {
		ms = ms[:15]
	}
	t.Logf("most missed predicates: %v", ms)
	for _, s := range sample {
		t.Log(s)
	}
	if events == 0 {
		t.Error("no events found in MEANTIME")
	}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

type meantimeMention struct {
	pred string
	span newsgraph.Span
}

type meantimeDoc struct {
	id, text, date string
	events         []meantimeMention
}

// readMeantime rebuilds the text of a MEANTIME file from its tokens (one
// sentence a paragraph, tokens separated by spaces) and maps its event
// mentions to byte spans of that text.
func readMeantime(path string) (*meantimeDoc, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var x struct {
		ID     string `xml:"doc_id,attr"`
		Tokens []struct {
			ID       string `xml:"t_id,attr"`
			Sentence int    `xml:"sentence,attr"`
			Text     string `xml:",chardata"`
		} `xml:"token"`
		Markables struct {
			Events []struct {
				Pred    string `xml:"pred,attr"`
				Anchors []struct {
					ID string `xml:"t_id,attr"`
				} `xml:"token_anchor"`
			} `xml:"EVENT_MENTION"`
			Timex []struct {
				Function string `xml:"functionInDocument,attr"`
				Value    string `xml:"value,attr"`
			} `xml:"TIMEX3"`
		} `xml:"Markables"`
	}
	if err := xml.Unmarshal(raw, &x); err != nil {
		return nil, err
	}
	var b strings.Builder
	at := map[string]newsgraph.Span{}
	prev := -1
	for _, tk := range x.Tokens {
		if prev >= 0 {
			if tk.Sentence != prev {
				b.WriteString("\n\n")
			} else {
				b.WriteByte(' ')
			}
		}
		prev = tk.Sentence
		st := b.Len()
		b.WriteString(tk.Text)
		at[tk.ID] = newsgraph.Span{Start: st, End: b.Len()}
	}
	doc := &meantimeDoc{id: x.ID, text: b.String()}
	for _, tm := range x.Markables.Timex {
		if tm.Function == "CREATION_TIME" && len(tm.Value) >= 10 {
			doc.date = tm.Value[:10]
		}
	}
	for _, e := range x.Markables.Events {
		if len(e.Anchors) == 0 {
			continue
		}
		sp := newsgraph.Span{Start: -1}
		for _, a := range e.Anchors {
			s, ok := at[a.ID]
			if !ok {
				continue
			}
			if sp.Start < 0 || s.Start < sp.Start {
				sp.Start = s.Start
			}
			sp.End = max(sp.End, s.End)
		}
		if sp.Start >= 0 {
			doc.events = append(doc.events, meantimeMention{pred: strings.ToLower(e.Pred), span: sp})
		}
	}
	return doc, nil
}
