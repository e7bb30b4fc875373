// Package quote finds direct, indirect and mixed quotes with their speakers, cues and venues.
package quote

import "github.com/newsgraph/newsgraph"

// Stage is the quote stage of the pipeline.
var Stage = newsgraph.StageFunc{StageName: "quote", Fn: func(d *newsgraph.Document) error {
	return nil
}}
