package merge

import (
	"encoding/binary"
	"errors"
	"math/bits"
	"unicode"
	"unicode/utf8"
)

// Near-duplicates (a wire report republished with another headline, a
// paragraph cut or a credit line added) are found with MinHash over word
// shingles and locality-sensitive hashing: the signature is cut into bands,
// and two documents that agree on all rows of any band are candidates, whose
// similarity is then estimated from the whole signature.
const (
	SketchSize = 64 // MinHash values per document
	NumBands   = 8  // bands of SketchSize/NumBands rows: candidates from a Jaccard of about 0.77 up
	Shingle    = 5  // words per shingle
	// NearDuplicate is the estimated Jaccard similarity from which two
	// documents are linked as near-duplicates.
	NearDuplicate = 0.7
	// MaxNearLinks is how many near-duplicates a new document is linked to,
	// the most similar first. Wire copy republished by hundreds of outlets
	// would otherwise make linking quadratic in the number of copies; the
	// copies still form one connected cluster through their links.
	MaxNearLinks = 16
)

const rowsPerBand = SketchSize / NumBands

// seeds are the odd multipliers of the SketchSize hash permutations, fixed so
// that sketches stored by one version compare with those of the next.
var seeds = func() [SketchSize]uint64 {
	var s [SketchSize]uint64
	x := uint64(0x9E3779B97F4A7C15)
	for i := range s {
		x = splitmix(x)
		s[i] = x | 1
	}
	return s
}()

func splitmix(x uint64) uint64 {
	x += 0x9E3779B97F4A7C15
	x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9
	x = (x ^ (x >> 27)) * 0x94D049BB133111EB
	return x ^ (x >> 31)
}

// Sketch is the MinHash signature of a text's word 5-shingles (lower-cased
// letters and digits only). A text shorter than one shingle is one shingle.
func Sketch(text string) []uint64 {
	var sig [SketchSize]uint64
	for i := range sig {
		sig[i] = ^uint64(0)
	}
	var ring [Shingle]uint64
	n := 0
	add := func(h uint64) {
		for i := range sig {
			v := (h * seeds[i]) ^ ((h * seeds[i]) >> 29)
			if v < sig[i] {
				sig[i] = v
			}
		}
	}
	shingle := func() uint64 {
		h := uint64(14695981039346656037)
		for k := 0; k < Shingle; k++ {
			h = bits.RotateLeft64(h, 13) ^ ring[(n+k)%Shingle]
			h *= 1099511628211
		}
		return splitmix(h)
	}
	word := uint64(14695981039346656037)
	inWord := false
	flush := func() {
		ring[n%Shingle] = word
		n++
		if n >= Shingle {
			add(shingle())
		}
		word = 14695981039346656037
		inWord = false
	}
	for i := 0; i < len(text); {
		r, w := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, w = utf8.DecodeRuneInString(text[i:])
		}
		i += w
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			r = unicode.ToLower(r)
			word = (word ^ uint64(r)) * 1099511628211
			inWord = true
		} else if inWord {
			flush()
		}
	}
	if inWord {
		flush()
	}
	if n > 0 && n < Shingle {
		h := uint64(14695981039346656037)
		for k := 0; k < n; k++ {
			h = (h ^ ring[k]) * 1099511628211
		}
		add(splitmix(h))
	}
	return sig[:]
}

// Bands hashes each band of a signature into one value, with the band's
// number mixed in so that equal rows in different bands do not collide. The
// top bit is cleared so that the value fits SQL's signed 64-bit integers.
func Bands(sig []uint64) []int64 {
	out := make([]int64, NumBands)
	for b := range out {
		h := uint64(b+1) * 0x9E3779B97F4A7C15
		for _, v := range sig[b*rowsPerBand : (b+1)*rowsPerBand] {
			h = splitmix(h ^ v)
		}
		out[b] = int64(h >> 1)
	}
	return out
}

// Similarity estimates the Jaccard similarity of two texts from their
// signatures: the share of positions where they agree.
func Similarity(a, b []uint64) float64 {
	if len(a) != len(b) || len(a) == 0 {
		return 0
	}
	same := 0
	for i := range a {
		if a[i] == b[i] {
			same++
		}
	}
	return float64(same) / float64(len(a))
}

// ErrBadSketch reports a stored signature of the wrong length.
var ErrBadSketch = errors.New("merge: bad sketch encoding")

// EncodeSketch packs a signature for storage, 8 bytes a value, little end
// first.
func EncodeSketch(sig []uint64) []byte {
	out := make([]byte, 8*len(sig))
	for i, v := range sig {
		binary.LittleEndian.PutUint64(out[8*i:], v)
	}
	return out
}

// DecodeSketch unpacks what EncodeSketch packed.
func DecodeSketch(b []byte) ([]uint64, error) {
	if len(b) != 8*SketchSize {
		return nil, ErrBadSketch
	}
	out := make([]uint64, SketchSize)
	for i := range out {
		out[i] = binary.LittleEndian.Uint64(b[8*i:])
	}
	return out, nil
}
