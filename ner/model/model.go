// Package model holds the trained named-entity model of package ner,
// embedded in the binary. It is data only: package ner decodes it once.
//
// ner.bin.gz is written by tools/train-ner (see SOURCE.md for the data it
// was learned from and their licences) and is not edited by hand.
package model

import _ "embed"

// NER is the gzip-compressed model file.
//
//go:embed ner.bin.gz
var NER []byte
