package ner

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
)

// Model is a trained tagger: a table of int8 weights indexed by hashed
// feature and label, and label-transition scores on the same scale. Eight
// bits keep the accuracy of sixteen (CoNLL-2003 F1 0.701 either way), make
// the file small (0.3 MB) and let the scoring loop add four labels at once.
// It is never written after it is built.
type Model struct {
	bits    uint
	weights []int8 // (1<<bits) rows of NumLabels, as trained and written
	// packed holds the same weights for scoring: each row as two words,
	// weight+128 in a byte per label (labels 0–7 in the first, 8 in the
	// second), spread into 16-bit lanes as they are added so that one
	// addition sums four labels (see tagSentence): 16 bytes a row, four to a
	// cache line, where the 16-bit lanes themselves took 24
	packed []uint64
	trans  [NumLabels + 1][NumLabels]int32
	gaz    *gazetteer // names of the training data; nil: none
	// cases says how the training texts write a word (caseLower,
	// caseUpper, caseMixed), for the words written with a capital; nil:
	// none
	cases *gazetteer
}

// Errors of Load.
var (
	ErrFormat = errors.New("ner: not a model file")
)

const magic = "NER4"

// Encode writes the model, gzip-compressed.
func (m *Model) Encode(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	le := binary.LittleEndian
	bw.WriteString(magic)
	bw.WriteByte(byte(m.bits))
	var b4 [4]byte
	for i := range m.trans {
		for j := range m.trans[i] {
			le.PutUint32(b4[:], uint32(m.trans[i][j]))
			bw.Write(b4[:])
		}
	}
	// the weights by label plane, so that the zeros of rarely used labels
	// compress into long runs
	plane := make([]byte, 1<<m.bits)
	for l := 0; l < NumLabels; l++ {
		for r := range plane {
			plane[r] = byte(m.weights[r*NumLabels+l])
		}
		bw.Write(plane)
	}
	// the gazetteer and the case table: entries sorted, as differences
	// in uvarints
	writeTable(bw, m.gaz)
	writeTable(bw, m.cases)
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// Load decodes a model written by Encode.
func Load(data []byte) (*Model, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrFormat, err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrFormat, err)
	}
	le := binary.LittleEndian
	if len(raw) < 9 || string(raw[:4]) != magic {
		return nil, ErrFormat
	}
	m := &Model{bits: uint(raw[4])}
	if m.bits < 8 || m.bits > 26 {
		return nil, fmt.Errorf("%w: %d bits", ErrFormat, m.bits)
	}
	p := raw[5:]
	short := fmt.Errorf("%w: truncated", ErrFormat)
	if len(p) < (NumLabels+1)*NumLabels*4 {
		return nil, short
	}
	for i := range m.trans {
		for j := range m.trans[i] {
			m.trans[i][j] = int32(le.Uint32(p))
			p = p[4:]
		}
	}
	rows := 1 << m.bits
	if len(p) < rows*NumLabels+4 {
		return nil, short
	}
	m.weights = make([]int8, rows*NumLabels)
	for l := 0; l < NumLabels; l++ {
		for r := 0; r < rows; r++ {
			m.weights[r*NumLabels+l] = int8(p[l*rows+r])
		}
	}
	p = p[rows*NumLabels:]
	if m.gaz, p, err = readTable(p); err != nil {
		return nil, err
	}
	if m.cases, p, err = readTable(p); err != nil {
		return nil, err
	}
	if len(p) != 0 {
		return nil, fmt.Errorf("%w: %d bytes after the tables", ErrFormat, len(p))
	}
	m.pack()
	return m, nil
}

// writeTable writes the entries of g (none for nil): their count, then
// the sorted entries as differences in uvarints.
func writeTable(bw *bufio.Writer, g *gazetteer) {
	var entries []uint32
	if g != nil {
		entries = g.entries()
	}
	var b4 [4]byte
	binary.LittleEndian.PutUint32(b4[:], uint32(len(entries)))
	bw.Write(b4[:])
	var vb [binary.MaxVarintLen32]byte
	prev := uint32(0)
	for _, e := range entries {
		bw.Write(vb[:binary.PutUvarint(vb[:], uint64(e-prev))])
		prev = e
	}
}

// readTable reads what writeTable wrote and returns the rest of p.
func readTable(p []byte) (*gazetteer, []byte, error) {
	short := fmt.Errorf("%w: truncated", ErrFormat)
	if len(p) < 4 {
		return nil, nil, short
	}
	count := int(binary.LittleEndian.Uint32(p))
	p = p[4:]
	if count > len(p) {
		return nil, nil, short
	}
	if count == 0 {
		return nil, p, nil
	}
	entries := make([]uint32, count)
	prev := uint64(0)
	for i := range entries {
		d, k := binary.Uvarint(p)
		if k <= 0 || prev+d > math.MaxUint32 {
			return nil, nil, short
		}
		p = p[k:]
		prev += d
		entries[i] = uint32(prev)
	}
	return newGazetteer(entries), p, nil
}

// quantize turns averaged float weights into a Model.
func quantize(bits uint, w []float32, trans *[NumLabels + 1][NumLabels]float32, prune int, gaz, cases *gazetteer) *Model {
	maxAbs := 0.0
	for _, v := range w {
		maxAbs = math.Max(maxAbs, math.Abs(float64(v)))
	}
	scale := 127 / maxAbs
	m := &Model{bits: bits, weights: make([]int8, len(w)), gaz: gaz, cases: cases}
	for i, v := range w {
		q := int(math.Round(float64(v) * scale))
		if q > -prune && q < prune {
			q = 0
		}
		m.weights[i] = int8(q)
	}
	for i := range trans {
		for j := range trans[i] {
			m.trans[i][j] = int32(math.Round(float64(trans[i][j]) * scale))
		}
	}
	m.pack()
	return m
}

// pack fills m.packed from m.weights.
func (m *Model) pack() {
	rows := len(m.weights) / NumLabels
	m.packed = make([]uint64, rows*packWords)
	for r := 0; r < rows; r++ {
		for l := 0; l < NumLabels; l++ {
			v := uint64(int(m.weights[r*NumLabels+l]) + 128)
			m.packed[r*packWords+l/8] |= v << (8 * (l % 8))
		}
	}
}

// packWords is the number of 64-bit words of a packed row.
const packWords = 2

// the scoring loop reads labels 0–7 from the first word of a row and 8 from
// the second, and NumFeatures×255 must fit a 16-bit lane
var _ = [1]struct{}{}[NumLabels-9]
var _ = [1]struct{}{}[NumFeatures*255>>16]
