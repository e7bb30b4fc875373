package ner

import (
	"math/rand/v2"
	"testing"
)

// TestScoreAsWeights checks that the packed rows give the sums of the
// weights as trained, at the ends of the int8 range too, where a lane
// that overflowed into its neighbour would show.
func TestScoreAsWeights(t *testing.T) {
	const bits = 8
	rows := 1 << bits
	m := &Model{bits: bits, weights: make([]int8, rows*NumLabels)}
	rng := rand.New(rand.NewPCG(1, 2))
	for r := 0; r < rows; r++ {
		for l := 0; l < NumLabels; l++ {
			var w int8
			switch r {
			case 0: // all zero
			case 1:
				w = 127
			case 2:
				w = -128
			case 3: // alternating ends, neighbours as far apart as can be
				w = int8(127 - 255*(l%2))
			default:
				w = int8(rng.IntN(256) - 128)
			}
			m.weights[r*NumLabels+l] = w
		}
	}
	m.pack()
	same := func(r uint32) []uint32 {
		f := make([]uint32, NumFeatures)
		for k := range f {
			f[k] = r
		}
		return f
	}
	random := func(seed uint64) []uint32 {
		rng := rand.New(rand.NewPCG(seed, 3))
		f := make([]uint32, NumFeatures)
		for k := range f {
			f[k] = uint32(rng.IntN(rows))
		}
		return f
	}
	tests := []struct {
		name  string
		feats []uint32
	}{
		{"zero rows", same(0)},
		{"largest weights", same(1)},
		{"smallest weights", same(2)},
		{"alternating ends", same(3)},
		{"random rows", random(4)},
		{"two tokens", append(random(5), same(3)...)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := make([]int32, len(tt.feats)/NumFeatures*NumLabels)
			m.score(tt.feats, got)
			for i := range len(tt.feats) / NumFeatures {
				for l := 0; l < NumLabels; l++ {
					want := int32(0)
					for _, f := range tt.feats[i*NumFeatures : (i+1)*NumFeatures] {
						want += int32(m.weights[int(f)*NumLabels+l])
					}
					if g := got[i*NumLabels+l]; g != want {
						t.Errorf("token %d label %s: %d, want %d", i, Labels[l], g, want)
					}
				}
			}
		})
	}
}
