package entity_test

import (
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/entity"
)

// TestDescribe: phrases made descriptions after the entity stage get an
// entity each (the same words the same entity), and the document keeps its
// order: mentions by position, entities by first mention, every mention
// listed by its entity.
func TestDescribe(t *testing.T) {
	text := "The heckler yelled at Ann Smith. Smith smiled. A new poll found she led. The heckler left."
	d := analyzeTagged(t, text)
	smith := descEntity(d, newsgraph.NameMention, "Ann Smith")
	if smith < 0 {
		t.Fatalf("no Ann Smith:\n%s", dump(d))
	}
	at := func(s string, n int) newsgraph.Span {
		off := 0
		for ; n > 0; n-- {
			off += strings.Index(text[off:], s) + 1
		}
		i := off - 1
		return newsgraph.Span{Start: i, End: i + len(s)}
	}
	spans := []newsgraph.Span{at("The heckler", 1), at("A new poll", 1), at("The heckler", 2), at("Ann Smith", 1)}
	ents, remap := entity.Describe(d, spans)
	if ents[0] < 0 || ents[0] != ents[2] || ents[1] < 0 || ents[1] == ents[0] {
		t.Fatalf("entities %v:\n%s", ents, dump(d))
	}
	if ents[3] != remap[smith] {
		t.Fatalf("Ann Smith is %d, want %d (remapped from %d)", ents[3], remap[smith], smith)
	}
	if e := d.Entities[ents[0]]; e.Name != "heckler" || e.Type != newsgraph.Person || !strings.HasPrefix(e.Key, "description:") {
		t.Fatalf("heckler entity %+v", e)
	}
	if e := d.Entities[ents[1]]; e.Name != "new poll" || e.Type != newsgraph.Org {
		t.Fatalf("poll entity %+v", e)
	}
	for i := 1; i < len(d.Mentions); i++ {
		if d.Mentions[i].Start < d.Mentions[i-1].Start {
			t.Fatalf("mentions out of order at %d", i)
		}
	}
	first := -1
	for ei, e := range d.Entities {
		if len(e.Mentions) == 0 {
			continue
		}
		if s := d.Mentions[e.Mentions[0]].Start; s < first {
			t.Fatalf("entity %d out of order", ei)
		} else {
			first = s
		}
		for _, mi := range e.Mentions {
			if d.Mentions[mi].Entity != ei {
				t.Fatalf("entity %d lists mention %d of entity %d", ei, mi, d.Mentions[mi].Entity)
			}
		}
	}
	for mi, m := range d.Mentions {
		if m.Entity < 0 {
			continue
		}
		found := false
		for _, x := range d.Entities[m.Entity].Mentions {
			found = found || x == mi
		}
		if !found {
			t.Fatalf("mention %d %q not listed by its entity", mi, m.Text)
		}
	}
}

// TestAttach: a mention with no entity joins one after that entity's first
// mention, never before it.
func TestAttach(t *testing.T) {
	d := analyzeTagged(t, "It was late. Acme Corp. released a statement. It said sales fell.")
	acme := descEntity(d, newsgraph.NameMention, "Acme Corp")
	var its []int
	for mi, m := range d.Mentions {
		if m.Text == "It" {
			if m.Entity >= 0 {
				t.Skipf("the entity layer resolved %q itself", m.Text)
			}
			its = append(its, mi)
		}
	}
	if acme < 0 || len(its) != 2 {
		t.Fatalf("acme %d, its %v:\n%s", acme, its, dump(d))
	}
	if entity.Attach(d, its[0], acme) {
		t.Fatalf("attached a mention before the entity's first")
	}
	if !entity.Attach(d, its[1], acme) || d.Mentions[its[1]].Entity != acme {
		t.Fatalf("did not attach the later it:\n%s", dump(d))
	}
	ms := d.Entities[acme].Mentions
	if ms[len(ms)-1] != its[1] {
		t.Fatalf("mentions of Acme %v", ms)
	}
}
