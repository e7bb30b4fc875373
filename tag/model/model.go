// Package model holds the trained part-of-speech model of package tag, as
// data only. See SOURCE.md for the data it was trained on, its licence and
// the command that rebuilds it.
package model

import _ "embed"

// POS is the gzip-compressed model file (format in tag/internal/feature).
//
//go:embed pos.bin.gz
var POS []byte
