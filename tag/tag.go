// Package tag gives every token its part of speech, as a Penn Treebank tag
// (NN, NNP, VBD, IN, …) in Token.POS.
//
// The tagger is an averaged perceptron with greedy left-to-right decoding
// over hashed features: the lowercased word, its prefixes and suffixes of
// one to four letters, its shape (Xx, xx, X.X., dddd), whether it has a
// hyphen, a digit or a capital and starts the sentence, the words two to
// the left and right, and the two tags before it. Frequent words that take
// one tag almost always (the, of, said, commas) are tagged from a dictionary
// without scoring. The model (package tag/model) was trained on UD English
// EWT, re-tokenised by our segmenter so that the tagger sees at run time
// the tokens it saw in training: Trump's, don't, U.S. and well-known are one
// token each. A word with a glued clitic takes the tag of the word before the
// clitic (Trump's NNP, don't VBP, it's PRP); a hyphenated compound takes the
// tag of its last part. To retrain (deterministic; about a minute):
//
//	go run ./tag/internal/train -ud ../shared/data/ud-english-ewt \
//	    -gum ../shared/data/ud-english-gum -out tag/model/pos.bin.gz
//
// # Invariants
// After the stage, every token of the document has a non-empty POS, one of
// the strings of Tagger.Tags (shared, never allocated per token).
//
// # Concurrency
// The model is decoded once, at first use (sync.OnceValues), and is never
// written after: one Tagger serves any number of goroutines. Tagging keeps
// its scratch on the stack or in one slice per document.
//
// # Performance
// See the figures measured by BenchmarkTag in the package's tests, copied
// here: PERFORMANCE.
package tag

import (
	"sync"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/tag/internal/feature"
	"github.com/newsgraph/newsgraph/tag/model"
)

// Stage is the tag stage of the pipeline.
var Stage = newsgraph.StageFunc{StageName: "tag", Fn: func(d *newsgraph.Document) error {
	t, err := Default()
	if err != nil {
		return err
	}
	t.Tag(d)
	return nil
}}

// Default returns the tagger of the embedded model, decoded at the first
// call.
var Default = sync.OnceValues(func() (*Tagger, error) { return Load(model.POS) })

// Load decodes a model file as written by the trainer.
func Load(data []byte) (*Tagger, error) {
	m, err := feature.Read(data)
	if err != nil {
		return nil, err
	}
	return newTagger(m)
}
