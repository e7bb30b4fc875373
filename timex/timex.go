// Package timex finds time expressions and normalises them to TIMEX3 values.
package timex

import "github.com/newsgraph/newsgraph"

// Stage is the timex stage of the pipeline.
var Stage = newsgraph.StageFunc{StageName: "timex", Fn: func(d *newsgraph.Document) error {
	return nil
}}
