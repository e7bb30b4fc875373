// Package event finds PLOVER events with their actors, targets, place, time, polarity and modality.
package event

import "github.com/newsgraph/newsgraph"

// Stage is the event stage of the pipeline.
var Stage = newsgraph.StageFunc{StageName: "event", Fn: func(d *newsgraph.Document) error {
	return nil
}}
