// Package tag gives every token its part of speech, as a Penn Treebank tag
// (NN, NNP, VBD, IN, …) in Token.POS.
//
// The tagger is an averaged perceptron with greedy left-to-right decoding
// over hashed features: the lowercased word, its prefixes and suffixes of
// one to four letters, its shape (Xx, xx, X.X., dddd), whether it has a
// hyphen, a digit or a capital and starts the sentence, the words two to
// the left and right, and the two tags before it. Frequent words that take
// one tag almost always (the, of, commas) are tagged from a dictionary
// without scoring. The ambiguity class of a word (the set of tags it took
// in training), of the next word and of the lowercased form of a capitalised
// word give the greedy decoder a view of what lies to the right. The model (package tag/model) was trained on UD English
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
// # Accuracy
// Token accuracy against the gold XPOS, on our own tokens (go run
// ./tag/internal/train prints these; TestAccuracyEWTDev checks dev):
// EWT dev 0.9426, EWT test 0.9423; GUM dev 0.9394 and GUM test 0.9402 (out
// of domain: other genres, news among them). The commonest errors are
// NNP↔NN on capitalised words of web text, JJ↔NN and VBD↔VBN.
//
// # Performance
// BenchmarkTag tags the model article and the 120 MEANTIME articles
// (209 kB, 40 k tokens), already segmented: median 8.9 MB per CPU-second
// (cpu-MB/s, 5 runs; 1.56 M tokens/s) on one core of an AMD EPYC shared
// with other jobs, against 6.0 before the changes below (same tags on the
// 610 k tokens of MEANTIME, GUM, PolNeAR and BBC texts); two allocations
// per document. Most of the time is the weight-table lookups, which are
// cache misses, so the tagger does fewer of them and overlaps the rest:
//   - a vocabulary word's row holds the sum of its word features and, after
//     the first word of a sentence, of its token features (shape, flags,
//     classes): one row instead of fifteen lookups;
//   - the two tags before a token are scored from one row per pair;
//   - the features that look at the word before or after a token alone
//     (its form, suffix, shape, class) are summed once per vocabulary word,
//     in int16 where they fit: two rows instead of six lookups a token,
//     which took the stage from 372 M to 323 M instructions and from 717 k
//     to 642 k misses of a simulated 512 kB cache over MEANTIME (callgrind),
//     and model loading from about 100 to 130 ms;
//   - addAll finds every feature's slot and loads its first entry before
//     adding any, so that the misses of the 10–25 features overlap;
//   - the lexicon's short forms sit inline in an open-addressing table,
//     one slot read a token, and Describe hashes the prefixes as it lowers.
//
// In the whole pipeline the tag stage is a quarter to a third of the CPU
// time (the other stages evict its tables from the cache). Decoding the
// embedded model (1.2 MB gzip, 104 k features, 50 tags) and building the
// tables takes about 40 ms of CPU (BenchmarkLoad).
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
