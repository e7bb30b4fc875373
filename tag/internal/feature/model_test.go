package feature

import (
	"bytes"
	"testing"
)

func TestModelRoundTrip(t *testing.T) {
	m := &Model{Header: "test", Tags: []string{"DT", "NN"}, Dict: map[string]uint8{"the": 0},
		Vocab: []string{"dog"}, Classes: []uint64{2},
		Features: []Weights{{Hash: 7, Tags: []uint8{1}, Weights: []int16{-300}}, {Hash: 3, Tags: []uint8{0, 1}, Weights: []int16{5, 9}}}}
	var buf bytes.Buffer
	if err := m.Write(&buf); err != nil {
		t.Fatal(err)
	}
	got, err := Read(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if got.Header != "test" || len(got.Tags) != 2 || got.Dict["the"] != 0 || got.Vocab[0] != "dog" || got.Classes[0] != 2 {
		t.Fatalf("round trip lost data: %+v", got)
	}
	if len(got.Features) != 2 || got.Features[0].Hash != 3 || got.Features[1].Weights[0] != -300 {
		t.Fatalf("features: %+v", got.Features)
	}
}

func FuzzRead(f *testing.F) {
	m := &Model{Tags: []string{"NN"}, Dict: map[string]uint8{}, Features: []Weights{{Hash: 1, Tags: []uint8{0}, Weights: []int16{1}}}}
	var buf bytes.Buffer
	m.Write(&buf)
	f.Add(buf.Bytes())
	f.Add([]byte("NGPOS"))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := Read(data)
		if err != nil {
			return
		}
		for _, fw := range m.Features {
			for _, tg := range fw.Tags {
				if int(tg) >= len(m.Tags) {
					t.Fatalf("tag %d out of range", tg)
				}
			}
		}
	})
}

func FuzzDescribe(f *testing.F) {
	for _, s := range []string{"Trump's", "U.S.", "ÉTÉ", "1,200", "", "\xff", "İstanbul", "ǅ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, w string) {
		var a, b Info
		Describe(w, &a)
		Describe(w, &b)
		if a != b {
			t.Fatalf("Describe(%q) not deterministic", w)
		}
	})
}
