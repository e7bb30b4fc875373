package ner

import (
	"math/rand/v2"
	"slices"
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

// TestViterbiAsSearch checks viterbi against a search of every label
// sequence that allowed permits, on random scores without ties, in int32
// as at run time and float32 as in training.
func TestViterbiAsSearch(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for _, n := range []int{1, 2, 3, 4} {
		for trial := range 20 {
			scores := make([]int32, n*NumLabels)
			var trans [NumLabels + 1][NumLabels]int32
			// distinct values, so that no two sequences tie, small enough
			// for float32 to sum them exactly
			for i := range scores {
				scores[i] = int32(rng.IntN(1<<12))<<4 | int32(i%16)
			}
			for i := range trans {
				for j := range trans[i] {
					trans[i][j] = int32(rng.IntN(1<<12)) - 1<<11
				}
			}
			want := searchLabels(scores, &trans, n)
			got := make([]int8, n)
			viterbi(scores, &trans, n, make([]int8, n*NumLabels), got)
			fs := make([]float32, len(scores))
			for i, v := range scores {
				fs[i] = float32(v)
			}
			var ft [NumLabels + 1][NumLabels]float32
			for i := range trans {
				for j := range trans[i] {
					ft[i][j] = float32(trans[i][j])
				}
			}
			gotF := make([]int8, n)
			viterbi(fs, &ft, n, make([]int8, n*NumLabels), gotF)
			if !slices.Equal(got, want) || !slices.Equal(gotF, want) {
				t.Errorf("n=%d trial %d: %v (float32 %v), search %v", n, trial, got, gotF, want)
			}
		}
	}
}

// searchLabels returns the best sequence of labels under allowed, an I-
// label never first, by trying them all.
func searchLabels(scores []int32, trans *[NumLabels + 1][NumLabels]int32, n int) []int8 {
	seq := make([]int8, n)
	var best []int8
	var top int64
	var walk func(i int, sum int64)
	walk = func(i int, sum int64) {
		if i == n {
			if best == nil || sum > top {
				best, top = append([]int8(nil), seq...), sum
			}
			return
		}
		for l := 0; l < NumLabels; l++ {
			from := NumLabels // the start row of trans
			if i > 0 {
				from = int(seq[i-1])
				if !allowed(from, l) {
					continue
				}
			} else if l != 0 && l%2 == 0 {
				continue
			}
			seq[i] = int8(l)
			walk(i+1, sum+int64(scores[i*NumLabels+l])+int64(trans[from][l]))
		}
	}
	walk(0, 0)
	return best
}
