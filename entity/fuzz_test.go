package entity_test

import (
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/entity"
	"github.com/newsgraph/newsgraph/mention"
	"github.com/newsgraph/newsgraph/segment"
)

// FuzzResolve checks the invariants of the entity stage on any text: every
// mention's entity is -1 or valid and lists the mention; entities' mentions
// are in text order and point back; StandsFor is -1 or valid; every entity
// has a type and every person a key.
func FuzzResolve(f *testing.F) {
	for _, s := range []string{
		"US President Donald Trump met Volodymyr Zelensky in Rome. Zelensky said he was pleased. It was the first meeting.",
		"Hillary Clinton and Bill Clinton spoke. Mrs. Clinton said she would return; Clinton said it is likely.",
		"Apple Computer said Apple would cut jobs. The plan was leaked; it says the firm's Apple Inc. unit …",
		"Мr. Зеленський and Selenskyj — al-Assad, el-Sisi; Kim Jong-un. „Er“ sagte: «sie» …\r\n",
		"the president the minister he she his her it its they them their",
		"",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		d := &newsgraph.Document{Text: text, Raw: text}
		segment.Segment(d)
		mention.Find(d)
		entity.Resolve(d)
		for mi, m := range d.Mentions {
			if m.Entity < -1 || m.Entity >= len(d.Entities) {
				t.Fatalf("mention %d %q has entity %d of %d", mi, m.Text, m.Entity, len(d.Entities))
			}
			if m.Entity >= 0 && !contains(d.Entities[m.Entity].Mentions, mi) {
				t.Fatalf("mention %d %q is not listed by its entity %d", mi, m.Text, m.Entity)
			}
		}
		for ei, e := range d.Entities {
			if e.Type == "" {
				t.Fatalf("entity %d %q has no type", ei, e.Name)
			}
			if e.Type == newsgraph.Person && e.Key == "" {
				t.Fatalf("person %q has no key", e.Name)
			}
			if e.StandsFor < -1 || e.StandsFor >= len(d.Entities) {
				t.Fatalf("entity %d stands for %d", ei, e.StandsFor)
			}
			for k, mi := range e.Mentions {
				if mi < 0 || mi >= len(d.Mentions) || d.Mentions[mi].Entity != ei {
					t.Fatalf("entity %d lists mention %d that is not its own", ei, mi)
				}
				if k > 0 && d.Mentions[e.Mentions[k-1]].Start > d.Mentions[mi].Start {
					t.Fatalf("entity %d mentions out of text order", ei)
				}
			}
		}
	})
}

func contains(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
