package main

import (
	"context"
	"errors"
	"io"
)

type evalCmd struct{}

func (*evalCmd) Name() string     { return "eval" }
func (*evalCmd) Synopsis() string { return "score the pipeline against gold files" }

func (c *evalCmd) Run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	return errors.New("not yet")
}
