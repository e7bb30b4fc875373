// Package entity groups mentions into one entity per real-world referent.
package entity

import "github.com/newsgraph/newsgraph"

// Stage is the entity stage of the pipeline.
var Stage = newsgraph.StageFunc{StageName: "entity", Fn: func(d *newsgraph.Document) error {
	return nil
}}
