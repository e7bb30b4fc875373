package newsgraph

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// nastyText mixes one-, two-, three- and four-byte characters, combining
// accents (two code points that look like one letter), curly and German
// quotation marks, non-breaking spaces and Windows line endings.
const nastyText = "Зеленский met Trump 🇺🇸🤝🇺🇦 in Rome.\r\n" +
	"„Wir schaffen das“, said Me\u0301lanie « très » d’Arc — “quoted” ‘single’.\u00a0" +
	"Selensky (Зеленськии\u0306) 👩‍👩‍👧 said: \"Crimea\"… 5\u00a0000 € ½ 東京 ok"

// spansOf returns the byte spans of the runs of non-space characters of s
// and of every single character, so that spans start and end next to
// characters of every width.
func spansOf(s string) []Span {
	var out []Span
	start := -1
	for i, r := range s {
		out = append(out, Span{i, i + utf8.RuneLen(r)})
		if unicode.IsSpace(r) {
			if start >= 0 {
				out = append(out, Span{start, i})
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		out = append(out, Span{start, len(s)})
	}
	out = append(out, Span{0, len(s)}, Span{0, 0}, Span{len(s), len(s)})
	return out
}

func TestRunesEverySpan(t *testing.T) {
	for _, text := range []string{nastyText, "", "a", "é", "🤝", "e\u0301", strings.Repeat("Ж🙂", 100)} {
		rs := NewRunes(text)
		runes := []rune(text)
		for _, sp := range spansOf(text) {
			a, b := rs.At(sp.Start), rs.At(sp.End)
			if a < 0 || b > len(runes) || a > b {
				t.Fatalf("%q: span %v → [%d,%d) out of [0,%d]", text, sp, a, b, len(runes))
			}
			if got, want := string(runes[a:b]), text[sp.Start:sp.End]; got != want {
				t.Errorf("%q: span %v → [%d,%d) = %q, want %q", text, sp, a, b, got, want)
			}
		}
	}
}

func TestRunesBounds(t *testing.T) {
	text := "Ж🙂a"
	rs := NewRunes(text)
	tests := []struct {
		name string
		b    int
		want int
	}{
		{"negative clamps to start", -5, 0},
		{"start", 0, 0},
		{"inside two-byte letter maps to its start", 1, 0},
		{"after two-byte letter", 2, 1},
		{"inside four-byte emoji maps to its start", 4, 1},
		{"after emoji", 6, 2},
		{"end", 7, 3},
		{"past end clamps to end", 100, 3},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := rs.At(tc.b); got != tc.want {
				t.Errorf("At(%d) = %d, want %d", tc.b, got, tc.want)
			}
		})
	}
}

func TestRunesInvalidUTF8(t *testing.T) {
	// each invalid byte is one code point (U+FFFD), as Go's []rune has it
	text := "a\xffb\xe2\x80c"
	rs := NewRunes(text)
	runes := []rune(text)
	if got := rs.At(len(text)); got != len(runes) {
		t.Fatalf("At(end) = %d, want %d", got, len(runes))
	}
	if got := rs.At(strings.IndexByte(text, 'c')); string(runes[got]) != "c" {
		t.Errorf("offset of c maps to %q", string(runes[got]))
	}
}

// TestRecordOffsets checks the conversion where users meet it: every span
// of the record, sliced from the text by code points, gives its text.
func TestRecordOffsets(t *testing.T) {
	text := nastyText
	at := func(sub string) Span {
		i := strings.Index(text, sub)
		if i < 0 {
			t.Fatalf("%q not in text", sub)
		}
		return Span{i, i + len(sub)}
	}
	sel := at("Зеленский")
	trump := at("Trump")
	mel := at("Me\u0301lanie")
	sel2 := at("Зеленськии\u0306")
	q := at("Wir schaffen das")
	q2 := at("Crimea")
	tm := at("5\u00a0000 €")
	trig := at("met")
	d := &Document{ID: "x", Text: text,
		Sentences: []Sentence{{Start: 0, End: at("Rome.").End}, {Start: at("„").Start, End: at("‘single’.").End}, {Start: sel2.Start - len("Selensky ("), End: len(text)}},
		Mentions: []Mention{
			{Start: sel.Start, End: sel.End, Text: "Зеленский", Kind: NameMention, Entity: 0},
			{Start: sel2.Start, End: sel2.End, Text: "Зеленськии\u0306", Kind: NameMention, Entity: 0},
			{Start: trump.Start, End: trump.End, Text: "Trump", Kind: NameMention, Entity: 1},
			{Start: mel.Start, End: mel.End, Text: "Me\u0301lanie", Kind: NameMention, Entity: 2},
		},
		Entities: []Entity{{Name: "Зеленский", Mentions: []int{0, 1}, StandsFor: -1}, {Name: "Trump", Mentions: []int{2}, StandsFor: -1},
			{Name: "Mélanie", Mentions: []int{3}, StandsFor: -1}},
		Quotes: []Quote{{Kind: Direct, Start: q.Start, End: q.End, Text: "Wir schaffen das", Speaker: 2},
			{Kind: Direct, Start: q2.Start, End: q2.End, Text: "Crimea", Speaker: 0}},
		Times:  []Time{{Start: tm.Start, End: tm.End, Text: "5\u00a0000 €", Type: Duration}},
		Events: []Event{{Type: "CONSULT", Actors: []int{0}, Targets: []int{1}, Location: -1, Time: -1, Quote: -1, Trigger: trig, TriggerText: "met"}},
		Positions: []Position{{Actor: 0, Targets: []int{1}, Issue: "Crimea", Stance: StanceAssert, Event: -1, Quote: 1,
			Trigger: q2, TriggerText: "Crimea", Evidence: sel2, EvidenceText: "Зеленськии\u0306"}},
	}
	r := d.Record()
	runes := []rune(r.Text)
	slice := func(a, b int) string {
		if a < 0 || b > len(runes) || a > b {
			t.Fatalf("span [%d,%d) outside [0,%d]", a, b, len(runes))
		}
		return string(runes[a:b])
	}
	for i, s := range r.Sentences {
		if got, want := slice(s.Start, s.End), text[d.Sentences[i].Start:d.Sentences[i].End]; got != want {
			t.Errorf("sentence %d = %q, want %q", i, got, want)
		}
	}
	for _, e := range r.Entities {
		for _, m := range e.Mentions {
			if got := slice(m.Start, m.End); got != m.Text {
				t.Errorf("mention %q sliced as %q", m.Text, got)
			}
		}
	}
	for _, q := range r.Quotes {
		if got := slice(q.Start, q.End); got != q.Text {
			t.Errorf("quote %q sliced as %q", q.Text, got)
		}
	}
	for _, tm := range r.Times {
		if got := slice(tm.Start, tm.End); got != tm.Text {
			t.Errorf("time %q sliced as %q", tm.Text, got)
		}
	}
	for _, v := range r.Events {
		if got := slice(v.Trigger.Start, v.Trigger.End); got != v.Trigger.Text {
			t.Errorf("trigger %q sliced as %q", v.Trigger.Text, got)
		}
	}
	if len(r.Positions) != 1 {
		t.Fatalf("positions = %d, want 1", len(r.Positions))
	}
	for _, p := range r.Positions {
		if got := slice(p.Trigger.Start, p.Trigger.End); got != p.Trigger.Text {
			t.Errorf("position trigger %q sliced as %q", p.Trigger.Text, got)
		}
		if got := slice(p.Evidence.Start, p.Evidence.End); got != p.Evidence.Text {
			t.Errorf("position evidence %q sliced as %q", p.Evidence.Text, got)
		}
		if p.Actor != "e1" || p.Quote == nil || *p.Quote != "q2" || p.Event != nil || len(p.Targets) != 1 || p.Targets[0] != "e2" {
			t.Errorf("position ids = %+v", p)
		}
	}
}

func FuzzRunes(f *testing.F) {
	f.Add(nastyText)
	f.Add("a\xffb")
	f.Fuzz(func(t *testing.T, text string) {
		rs := NewRunes(text)
		runes := []rune(text)
		prev := 0
		for i := 0; i <= len(text); i++ {
			a := rs.At(i)
			if a < prev || a > len(runes) {
				t.Fatalf("At(%d) = %d after %d (of %d)", i, a, prev, len(runes))
			}
			prev = a
		}
		if !utf8.ValidString(text) {
			return
		}
		for _, sp := range spansOf(text) {
			if got, want := string(runes[rs.At(sp.Start):rs.At(sp.End)]), text[sp.Start:sp.End]; got != want {
				t.Fatalf("span %v = %q, want %q", sp, got, want)
			}
		}
	})
}
