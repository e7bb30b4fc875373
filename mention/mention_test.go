package mention_test

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/entity"
	"github.com/newsgraph/newsgraph/internal/shared"
	"github.com/newsgraph/newsgraph/mention"
	"github.com/newsgraph/newsgraph/segment"
	"github.com/newsgraph/newsgraph/tag"
)

func find(text string) []newsgraph.Mention {
	d := &newsgraph.Document{Text: text}
	segment.Segment(d)
	if err := tag.Stage.Process(d); err != nil { // as in the pipeline, when the tagger loads
		for i := range d.Tokens {
			d.Tokens[i].POS = ""
		}
	}
	mention.Find(d)
	return d.Mentions
}

// has reports whether ms holds a mention "kind/type/text" (type may be "").
func has(ms []newsgraph.Mention, want string) bool {
	for _, m := range ms {
		if fmt.Sprintf("%s/%s/%s", m.Kind, m.Type, m.Text) == want || fmt.Sprintf("%s//%s", m.Kind, m.Text) == want {
			return true
		}
	}
	return false
}

func list(ms []newsgraph.Mention) string {
	var b []string
	for _, m := range ms {
		b = append(b, fmt.Sprintf("%s/%s/%s", m.Kind, m.Type, m.Text))
	}
	return strings.Join(b, ", ")
}

func TestFind(t *testing.T) {
	cases := []struct {
		name    string
		text    string
		want    []string
		notWant []string
	}{
		{"title-before-full-name", "US President Donald Trump arrived.",
			[]string{"role/PERSON/US President", "name/PERSON/Donald Trump", "name/GPE/US"}, nil},
		{"possessive-stays-outside", "Trump's meeting ended. Aides said Trump left.",
			[]string{"name/PERSON/Trump"}, []string{"name/PERSON/Trump's"}},
		{"sentence-initial-common-word", "Furthermore, Zelensky expects help. Following the talks, Moscow agreed. Although Kyiv said no, they met.",
			[]string{"name//Zelensky", "name/GPE/Moscow"}, []string{"name//Furthermore", "name//Following", "name//Although"}},
		{"demonym-title", "Ukrainian President Zelensky spoke.",
			[]string{"role/PERSON/Ukrainian President", "name/NORP/Ukrainian", "name/PERSON/Zelensky"}, nil},
		{"lowercase-title", "Kremlin leader Vladimir Putin has demanded it.",
			[]string{"role/PERSON/Kremlin leader", "name/PERSON/Vladimir Putin"}, nil},
		{"possessive-determiner-role", "talks held by his special envoy Steve Witkoff in Moscow",
			[]string{"role/PERSON/his special envoy", "name/PERSON/Steve Witkoff"}, nil},
		{"minister-with-department", "Russia was represented by Culture Minister Olga Lyubimova.",
			[]string{"role/PERSON/Culture Minister", "name/PERSON/Olga Lyubimova"}, nil},
		{"title-only-description", "Later the head of state told reporters he was pleased.",
			[]string{"description/PERSON/the head of state", "pronoun/PERSON/he"}, nil},
		{"state-description-in-city", "Although the leadership in Moscow speaks of progress, it waits.",
			[]string{"description/GPE/the leadership in Moscow", "name/GPE/Moscow"}, nil},
		{"state-description-demonym", "These points were non-negotiable for the Ukrainian side.",
			[]string{"description/GPE/the Ukrainian side"}, nil},
		{"quoted-publication", `In an interview with "Time Magazine", he spoke.`,
			[]string{"name/ORG/Time Magazine"}, nil},
		{"facility-with-possessive", "They sat in St. Peter's Basilica on a chair.",
			[]string{"name/FAC/St. Peter's Basilica"}, nil},
		{"sea-is-location", "It lies on the Black Sea coast.", []string{"name/LOC/Black Sea"}, nil},
		{"org-suffix", "He spoke to Acme Widgets Ltd on Monday.", []string{"name/ORG/Acme Widgets Ltd"}, []string{"name//Monday"}},
		{"says-verb-makes-person", "Okonkwo said the plan would fail.", []string{"name/PERSON/Okonkwo"}, nil},
		{"tagger-types-unknown-company", "Shares in Goldman Sachs rose on Tuesday.",
			[]string{"name/ORG/Goldman Sachs"}, []string{"name/PERSON/Goldman Sachs"}},
		{"place-cue", "The firm moved to Tbilisopolis last year.", []string{"name/GPE/Tbilisopolis"}, nil},
		{"based-cue", "A Zorgrad-based group said so.", []string{"name/GPE/Zorgrad"}, nil},
		{"kb-country-variants", "The USA and the United States of America are one.",
			[]string{"name/GPE/USA", "name/GPE/United States of America"}, nil},
		{"org-follower", "Interfax-Ukraine journalists asked.", []string{"name/ORG/Interfax-Ukraine"}, nil},
		{"pope-keeps-title", "the funeral service for Pope Francis.", []string{"name/PERSON/Pope Francis"}, nil},
		{"day-is-not-name", "On Friday the talks ended.", nil, []string{"name//Friday"}},
		{"headline-title-case", "Report Speculates About Territorial Cessions", nil,
			[]string{"name//Report Speculates About Territorial Cessions", "name//Speculates"}},
		{"first-name-makes-person", "Olga Petrenko arrived.", []string{"name/PERSON/Olga Petrenko"}, nil},
		{"product-is-no-person", "He urged the delivery of further US-made Patriot air defense systems.",
			[]string{"name/GPE/US"}, []string{"name/PERSON/Patriot", "name/ORG/Patriot"}},
		{"group-is-no-person", "He told Interfax-Ukraine journalists that this did not require US troops in Ukraine.",
			[]string{"description/NORP/Interfax-Ukraine journalists", "description/NORP/US troops", "name/ORG/Interfax-Ukraine"}, nil},
		{"report-is-no-actor", "According to a media report, Kiev has drawn up a counter-proposal.", nil,
			[]string{"description/ORG/a media report"}},
		{"title-word-inside-name", "Prime Minister John Major says the union will survive.",
			[]string{"role/PERSON/Prime Minister", "name/PERSON/John Major"}, []string{"description/PERSON/Prime Minister John Major"}},
		{"title-inside-event", "NYMEX will be closed Monday due to Labor Day.", nil, []string{"role/PERSON/Labor"}},
		{"tagger-splits-titled-name", "Security Council President Tono Eitel of Germany said so.",
			[]string{"name/PERSON/Tono Eitel", "name/GPE/Germany"}, []string{"name/PERSON/Tono Eitel of Germany"}},
		{"pronouns", "She said it was theirs and their own; them too.",
			[]string{"pronoun/PERSON/She", "pronoun//their", "pronoun//them"}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ms := find(c.text)
			for _, w := range c.want {
				if !has(ms, w) {
					t.Errorf("missing %s in %s", w, list(ms))
				}
			}
			for _, w := range c.notWant {
				if has(ms, w) {
					t.Errorf("unexpected %s in %s", w, list(ms))
				}
			}
		})
	}
}

// checkInvariants checks what every document must satisfy after the mention
// and entity stages.
func checkInvariants(t *testing.T, d *newsgraph.Document) {
	t.Helper()
	owner := map[int]int{}
	for i, m := range d.Mentions {
		if m.Start < 0 || m.End > len(d.Text) || m.Start >= m.End {
			t.Fatalf("mention %d span %d-%d out of bounds (len %d)", i, m.Start, m.End, len(d.Text))
		}
		if d.Text[m.Start:m.End] != m.Text {
			t.Fatalf("mention %d text %q != %q", i, m.Text, d.Text[m.Start:m.End])
		}
		if i > 0 && d.Mentions[i-1].Start > m.Start {
			t.Fatalf("mentions not ordered at %d", i)
		}
		if m.Entity < -1 || m.Entity >= len(d.Entities) {
			t.Fatalf("mention %d entity %d out of range", i, m.Entity)
		}
	}
	for ei, e := range d.Entities {
		if e.StandsFor < -1 || e.StandsFor >= len(d.Entities) {
			t.Fatalf("entity %d stands for %d", ei, e.StandsFor)
		}
		for _, mi := range e.Mentions {
			if mi < 0 || mi >= len(d.Mentions) {
				t.Fatalf("entity %d mention %d out of range", ei, mi)
			}
			if o, ok := owner[mi]; ok {
				t.Fatalf("mention %d in entities %d and %d", mi, o, ei)
			}
			owner[mi] = ei
			if d.Mentions[mi].Entity != ei {
				t.Fatalf("mention %d says entity %d, listed in %d", mi, d.Mentions[mi].Entity, ei)
			}
		}
	}
}

func FuzzMentionEntity(f *testing.F) {
	for _, s := range []string{
		"US President Donald Trump's meeting with Ukrainian President Zelensky in Washington.",
		"«Selenskyj» sagte: „Nein“. He said, \"Time Magazine\" — the head of state.",
		"the leadership in Moscow\r\nthe Ukrainian side 🙂 St. Peter's Basilica",
		"Зеленський і Путін. e\u0301 al-Ani bin Laden of the",
		"\"A\" 'B' the the the President",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		d := &newsgraph.Document{Text: text}
		if err := (newsgraph.Pipeline{segment.Stage, mention.Stage, entity.Stage}).Run(d); err != nil {
			t.Fatal(err)
		}
		checkInvariants(t, d)
	})
}

// BenchmarkMentionEntity measures the mention and entity stages together on
// the model article and the MEANTIME news texts (segmentation excluded).
func BenchmarkMentionEntity(b *testing.B) {
	var texts []string
	raw, err := os.ReadFile(shared.Path(b, "examples/rome-meeting.txt"))
	if err != nil {
		b.Fatal(err)
	}
	texts = append(texts, string(raw))
	if mt, err := os.ReadFile(shared.Path(b, "data/meantime-english/meantime-articles.jsonl")); err == nil {
		for _, line := range strings.Split(string(mt), "\n") {
			if i := strings.Index(line, `"text": "`); i >= 0 {
				texts = append(texts, strings.ReplaceAll(line[i+9:], `\n`, "\n"))
			}
		}
	}
	docs := make([]*newsgraph.Document, len(texts))
	n := 0
	for i, s := range texts {
		docs[i] = &newsgraph.Document{Text: s}
		segment.Segment(docs[i])
		n += len(s)
	}
	b.SetBytes(int64(n))
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			d.Mentions = d.Mentions[:0]
			mention.Find(d)
			entity.Resolve(d)
		}
	}
}

// A document may open with a name the tagger re-reads (a title-case
// headline); dropping that replaced guess must not look before the first kept
// mention.
func TestFindOpensWithReplacedName(t *testing.T) {
	for _, text := range []string{
		"Board Announces Closing Of Old Club For Boston Republicans.\n\nPeople in Boston met.",
		"Board Announces Closing Of Old Club For Boston Republicans.",
	} {
		ms := find(text)
		for i := 1; i < len(ms); i++ {
			if ms[i].Start < ms[i-1].Start {
				t.Errorf("%q: mentions out of order: %s", text, list(ms))
			}
		}
	}
}
