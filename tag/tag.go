// Package tag tags tokens with their part of speech.
package tag

import "github.com/newsgraph/newsgraph"

// Stage is the tag stage of the pipeline.
var Stage = newsgraph.StageFunc{StageName: "tag", Fn: func(d *newsgraph.Document) error {
	return nil
}}
