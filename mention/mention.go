// Package mention finds names of people, organisations and places, titles and roles, pronouns and descriptions.
package mention

import "github.com/newsgraph/newsgraph"

// Stage is the mention stage of the pipeline.
var Stage = newsgraph.StageFunc{StageName: "mention", Fn: func(d *newsgraph.Document) error {
	return nil
}}
