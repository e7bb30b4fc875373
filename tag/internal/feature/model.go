package feature

import (
	"bufio"
	"bytes"
	"cmp"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"slices"
)

// The model file is gzip-compressed binary:
//
//	magic "NGPOS" and formatVersion (one byte)
//	header    uvarint length + UTF-8 text: the data, its licence, the command
//	tags      uvarint count, then each as uvarint length + bytes
//	dict      uvarint count, then each word as uvarint length + bytes, tag byte
//	vocab     uvarint count, then each word as uvarint length + bytes and
//	          its ambiguity class as a uvarint bit set of tags
//	weights   uvarint feature count, then per feature, in increasing hash
//	          order: uvarint hash delta, count byte, count × (tag byte,
//	          zigzag varint weight)
//
// Weights are the averaged perceptron weights scaled to int16; only their
// order matters for tagging, so the scale is not stored.
const (
	magic         = "NGPOS"
	formatVersion = 1
	MaxTags       = 64
)

// ErrBadModel reports a model file that cannot be read.
var ErrBadModel = errors.New("tag: malformed model")

// Weights are the weights of one feature for the tags it has any.
type Weights struct {
	Hash    uint32
	Tags    []uint8
	Weights []int16
}

// Model is a model as stored: what the trainer writes and the loader
// reads.
type Model struct {
	Header   string
	Tags     []string
	Dict     map[string]uint8 // words that always take one tag
	Vocab    []string         // frequent words whose word features the tagger sums once at load
	Classes  []uint64         // the ambiguity class of each vocabulary word (bit i = tag i)
	Features []Weights
}

func (m *Model) Write(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	var tmp [binary.MaxVarintLen64]byte
	uv := func(x uint64) { bw.Write(tmp[:binary.PutUvarint(tmp[:], x)]) }
	sv := func(x int64) { bw.Write(tmp[:binary.PutVarint(tmp[:], x)]) }
	str := func(s string) { uv(uint64(len(s))); bw.WriteString(s) }

	bw.WriteString(magic)
	bw.WriteByte(formatVersion)
	str(m.Header)
	uv(uint64(len(m.Tags)))
	for _, t := range m.Tags {
		str(t)
	}
	words := make([]string, 0, len(m.Dict))
	for w := range m.Dict {
		words = append(words, w)
	}
	slices.Sort(words)
	uv(uint64(len(words)))
	for _, w := range words {
		str(w)
		bw.WriteByte(m.Dict[w])
	}
	uv(uint64(len(m.Vocab)))
	for i, w := range m.Vocab {
		str(w)
		uv(m.Classes[i])
	}
	feats := slices.Clone(m.Features)
	slices.SortFunc(feats, func(a, b Weights) int { return cmp.Compare(a.Hash, b.Hash) })
	uv(uint64(len(feats)))
	prev := uint32(0)
	for _, f := range feats {
		uv(uint64(f.Hash - prev))
		prev = f.Hash
		bw.WriteByte(byte(len(f.Tags)))
		for k, t := range f.Tags {
			bw.WriteByte(t)
			sv(int64(f.Weights[k]))
		}
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// Read decodes a model file.
func Read(compressed []byte) (*Model, error) {
	zr, err := gzip.NewReader(bytes.NewReader(compressed))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadModel, err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadModel, err)
	}
	r := &byteReader{b: raw}
	if string(r.next(len(magic))) != magic || r.byte() != formatVersion {
		return nil, fmt.Errorf("%w: not a tagger model of format %d", ErrBadModel, formatVersion)
	}
	m := &Model{}
	m.Header = r.str()
	nt := r.uv()
	if nt == 0 || nt > MaxTags {
		return nil, fmt.Errorf("%w: %d tags", ErrBadModel, nt)
	}
	for range nt {
		m.Tags = append(m.Tags, r.str())
	}
	nd := r.uv()
	m.Dict = make(map[string]uint8, min(nd, 1<<20))
	for range nd {
		w := r.str()
		t := r.byte()
		if int(t) >= len(m.Tags) {
			r.err = true
		}
		m.Dict[w] = t
	}
	nv := r.uv()
	if nv > 1<<22 {
		return nil, fmt.Errorf("%w: %d vocabulary words", ErrBadModel, nv)
	}
	for range nv {
		if r.err {
			break
		}
		m.Vocab = append(m.Vocab, r.str())
		m.Classes = append(m.Classes, r.uv())
	}
	nf := r.uv()
	if nf > 1<<24 {
		return nil, fmt.Errorf("%w: %d features", ErrBadModel, nf)
	}
	m.Features = make([]Weights, 0, nf)
	hash := uint32(0)
	for range nf {
		if r.err {
			break
		}
		hash += uint32(r.uv())
		n := int(r.byte())
		f := Weights{Hash: hash, Tags: make([]uint8, n), Weights: make([]int16, n)}
		for k := range n {
			f.Tags[k] = r.byte()
			f.Weights[k] = int16(r.sv())
			if int(f.Tags[k]) >= len(m.Tags) {
				r.err = true
			}
		}
		m.Features = append(m.Features, f)
	}
	if r.err {
		return nil, fmt.Errorf("%w: truncated or out of range", ErrBadModel)
	}
	return m, nil
}

// byteReader reads the model's varints; err stays set after the first
// failure so that a truncated file is reported once at the end.
type byteReader struct {
	b   []byte
	err bool
}

func (r *byteReader) next(n int) []byte {
	if n < 0 || n > len(r.b) {
		r.err = true
		r.b = nil
		return nil
	}
	s := r.b[:n]
	r.b = r.b[n:]
	return s
}

func (r *byteReader) byte() byte {
	s := r.next(1)
	if s == nil {
		return 0
	}
	return s[0]
}

func (r *byteReader) uv() uint64 {
	x, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.err = true
		r.b = nil
		return 0
	}
	r.b = r.b[n:]
	return x
}

func (r *byteReader) sv() int64 {
	x, n := binary.Varint(r.b)
	if n <= 0 {
		r.err = true
		r.b = nil
		return 0
	}
	r.b = r.b[n:]
	return x
}

func (r *byteReader) str() string {
	n := r.uv()
	if n > uint64(len(r.b)) {
		r.err = true
		r.b = nil
		return ""
	}
	return string(r.next(int(n)))
}
