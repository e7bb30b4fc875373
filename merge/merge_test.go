package merge

import (
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
)

func TestContentHash(t *testing.T) {
	base := "Ministers met in Geneva on Tuesday.\n\nThe talks ended late."
	tests := []struct {
		name string
		text string
		same bool
	}{
		{"other line breaks", "Ministers met in Geneva on Tuesday. The talks ended late.", true},
		{"upper case", strings.ToUpper(base), true},
		{"curly quotes and dashes", "Ministers met in Geneva on Tuesday — “The talks ended late.”", true},
		{"Windows line endings", strings.ReplaceAll(base, "\n", "\r\n"), true},
		{"leading and trailing space", "  " + base + "\n\n", true},
		{"a word changed", "Ministers met in Vienna on Tuesday. The talks ended late.", false},
		{"words joined", "Ministers metin Geneva on Tuesday. The talks ended late.", false},
	}
	h := ContentHash(base)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ContentHash(tt.text) == h; got != tt.same {
				t.Errorf("same hash = %v, want %v", got, tt.same)
			}
		})
	}
}

const wire = `Ministers from twelve countries met in Geneva on Tuesday to discuss a ceasefire along the northern border, officials said. ` +
	`The talks, hosted by the Swiss government, lasted nine hours and ended without a joint statement. ` +
	`Delegates agreed to meet again next month, and the foreign minister of Norway called the mood constructive.`

func TestSketchSimilarity(t *testing.T) {
	a := Sketch(wire)
	tests := []struct {
		name     string
		text     string
		min, max float64
	}{
		{"identical", wire, 1, 1},
		{"credit line added", "GENEVA (Wire) — " + wire, 0.75, 1},
		{"one phrase changed", strings.Replace(wire, "lasted nine hours", "lasted almost nine hours", 1), 0.7, 1},
		{"unrelated", "Farmers in the valley expect a record harvest of apples and pears this autumn after a wet spring and a warm summer.", 0, 0.1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := Sketch(tt.text)
			if len(b) != SketchSize {
				t.Fatalf("sketch size %d", len(b))
			}
			s := Similarity(a, b)
			if s < tt.min || s > tt.max {
				t.Errorf("similarity %.2f, want %.2f..%.2f", s, tt.min, tt.max)
			}
			shared := 0
			ba, bb := Bands(a), Bands(b)
			for i := range ba {
				if ba[i] == bb[i] {
					shared++
				}
			}
			if tt.min >= 0.7 && shared == 0 {
				t.Errorf("near-duplicate shares no band: never a candidate")
			}
			if tt.max < 0.5 && shared > 0 {
				t.Errorf("unrelated text shares %d bands", shared)
			}
		})
	}
	d, err := DecodeSketch(EncodeSketch(a))
	if err != nil || !slices.Equal(d, a) {
		t.Errorf("sketch encoding does not round-trip: %v", err)
	}
	if _, err := DecodeSketch([]byte{1, 2, 3}); err == nil {
		t.Error("short sketch decoded")
	}
}

func TestKeyVariants(t *testing.T) {
	tests := []struct {
		key                     string
		compact, surname, given string
		only, firstLast         string
		windows                 []string
	}{
		{"person:donald-j-trump", "person:donaldjtrump", "trump", "donald", "", "person:donald-trump",
			[]string{"person:j-trump"}},
		{"person:hillary-clinton", "person:hillaryclinton", "clinton", "hillary", "", "", nil},
		{"person:clinton", "person:clinton", "", "", "clinton", "", nil},
		{"person:donald-trump-jr", "person:donaldtrumpjr", "jr", "donald", "", "", nil},
		{"person:billionaire-donald-trump", "person:billionairedonaldtrump", "trump", "billionaire", "", "person:billionaire-trump",
			[]string{"person:billionaire-donald", "person:donald-trump"}},
		{"country:UA", "country:UA", "", "", "", "", nil},
		{"org:new-york-times", "org:newyorktimes", "", "", "", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.key, func(t *testing.T) {
			if got := Compact(tt.key); got != tt.compact {
				t.Errorf("Compact = %q, want %q", got, tt.compact)
			}
			if got := Surname(tt.key); got != tt.surname {
				t.Errorf("Surname = %q, want %q", got, tt.surname)
			}
			if got := Given(tt.key); got != tt.given {
				t.Errorf("Given = %q, want %q", got, tt.given)
			}
			if got := SurnameOnly(tt.key); got != tt.only {
				t.Errorf("SurnameOnly = %q, want %q", got, tt.only)
			}
			if got := FirstLast(tt.key); got != tt.firstLast {
				t.Errorf("FirstLast = %q, want %q", got, tt.firstLast)
			}
			if got := Windows(tt.key); !slices.Equal(got, tt.windows) {
				t.Errorf("Windows = %q, want %q", got, tt.windows)
			}
		})
	}
}

func TestActorKey(t *testing.T) {
	tests := []struct {
		e    newsgraph.RecordEntity
		want string
	}{
		{newsgraph.RecordEntity{Key: "person:volodimir-selenski", Name: "Volodymyr Zelensky"}, "person:volodimir-selenski"},
		{newsgraph.RecordEntity{Name: "Jean-Luc  Mélenchon", Type: "PERSON"}, "name:person:jean-luc-melenchon"},
		{newsgraph.RecordEntity{Name: "jean luc melenchon", Type: "PERSON"}, "name:person:jean-luc-melenchon"},
		{newsgraph.RecordEntity{Name: "  ", Type: "ORG"}, ""},
	}
	for _, tt := range tests {
		if got := ActorKey(tt.e); got != tt.want {
			t.Errorf("ActorKey(%+v) = %q, want %q", tt.e, got, tt.want)
		}
	}
}

func sp(s string) *string { return &s }

func TestEventKeyAndPositions(t *testing.T) {
	keys := map[string]string{"e1": "person:a", "e2": "country:UA", "e3": "person:a"}
	ev := newsgraph.RecordEvent{ID: "v1", Type: "REJECT", Polarity: "positive", Actors: []string{"e3", "e1"}, Targets: []string{"e2"}, Issue: sp("Crimea")}
	k1, ok := EventKey(ev, keys, "2025-04-26T10:00:00Z")
	if !ok || k1 != "REJECT|positive|person:a|country:UA|2025-04-26" {
		t.Errorf("EventKey = %q %v", k1, ok)
	}
	ev.Date = sp("2025-04-25")
	if k2, _ := EventKey(ev, keys, "2025-04-26"); k2 == k1 || !strings.HasSuffix(k2, "|2025-04-25") {
		t.Errorf("the event's own date keys it: %q", k2)
	}
	if _, ok := EventKey(newsgraph.RecordEvent{Type: "ASSAULT"}, keys, ""); ok {
		t.Error("an event without participants was given a merge key")
	}
	rec := &newsgraph.Record{Published: sp("2025-04-26"), Events: []newsgraph.RecordEvent{
		ev,
		{ID: "v2", Type: "AGREE", Polarity: "negative", Actors: []string{"e2"}, Issue: sp("the deal")},
		{ID: "v3", Type: "SUPPORT", Polarity: "negative", Actors: []string{"e2"}, Issue: sp("the deal")},
		{ID: "v4", Type: "CONSULT", Actors: []string{"e2"}, Issue: sp("the deal")},
		{ID: "v5", Type: "REQUEST", Actors: []string{"e1"}},
	}}
	ps := Positions(rec, keys)
	if len(ps) != 2 || ps[0].Stance != "reject" || ps[0].Date != "2025-04-25" || ps[1].Stance != "reject" || ps[1].Event != "v2" {
		t.Errorf("positions from events = %+v", ps)
	}
	rec.Positions = []newsgraph.RecordPosition{{Actor: "e2", Issue: "Crimea", Stance: "assert", Quote: sp("q1")}}
	ps = Positions(rec, keys)
	if len(ps) != 1 || ps[0].Stance != "assert" || ps[0].Quote != "q1" || ps[0].Date != "2025-04-26" {
		t.Errorf("positions from the record's layer = %+v", ps)
	}
}

func TestDominant(t *testing.T) {
	for _, tc := range []struct {
		first, second int
		want          bool
	}{{700, 115, true}, {4, 0, false}, {30, 11, false}, {33, 11, true}} {
		if got := Dominant(tc.first, tc.second); got != tc.want {
			t.Errorf("Dominant(%d, %d) = %v", tc.first, tc.second, got)
		}
	}
}

func FuzzSketch(f *testing.F) {
	for _, s := range []string{"", wire, "a b c", "Ünïcödé «quotes» — 🇺🇦", "\xff\xfe bad utf8", strings.Repeat("x ", 1000)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		sig := Sketch(s)
		if len(sig) != SketchSize || len(Bands(sig)) != NumBands {
			t.Fatalf("sizes %d %d", len(sig), len(Bands(sig)))
		}
		if Similarity(sig, Sketch(s)) != 1 {
			t.Fatal("sketch not deterministic")
		}
		for _, b := range Bands(sig) {
			if b < 0 {
				t.Fatal("negative band")
			}
		}
		if len(ContentHash(s)) != 32 {
			t.Fatal("hash length")
		}
	})
}

func BenchmarkSketch(b *testing.B) {
	text := strings.Repeat(wire+" ", 12) // about 4 KB
	b.SetBytes(int64(len(text)))
	for i := 0; i < b.N; i++ {
		Sketch(text)
	}
}

func TestEntityKeysKeepDescriptionsInTheirDocument(t *testing.T) {
	rec := func(id string) *newsgraph.Record {
		return &newsgraph.Record{ID: id, Entities: []newsgraph.RecordEntity{
			{ID: "e1", Name: "officials", Type: "PERSON", Key: "description:officials"},
			{ID: "e2", Name: "Hillary Clinton", Type: "PERSON", Key: "person:hilari-klinton"},
		}}
	}
	a, b := EntityKeys(rec("doc-a")), EntityKeys(rec("doc-b"))
	if a["e1"] == b["e1"] {
		t.Errorf("described actors of two documents share the key %q", a["e1"])
	}
	if a["e2"] != b["e2"] {
		t.Errorf("a named actor got two keys: %q and %q", a["e2"], b["e2"])
	}
}
