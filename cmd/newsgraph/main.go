// Command newsgraph reads news and turns it into a record of who said and did
// what with whom, where and when, each fact tied to its span of text.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
)

// command is one subcommand: its own flags and its own run function, so that
// each can be tested alone.
type command interface {
	Name() string
	Synopsis() string
	Run(ctx context.Context, args []string, stdout, stderr io.Writer) error
}

func commands() []command {
	return []command{&analyzeCmd{}, &evalCmd{}, &convertCmd{}, &ingestCmd{}, &serveCmd{}, &searchCmd{}, &exportCmd{}, &migrateCmd{}, &copyCmd{}, &workerCmd{}, &checkCmd{}}
}

// exitError carries an exit code chosen by a command.
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit %d", e.code) }

// helpOut is where --help prints; a variable so that tests can catch it.
var helpOut io.Writer = os.Stdout

// errUsage marks a usage error: the message has been printed with the help.
var errUsage = errors.New("usage")

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdout, os.Stderr))
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		if len(args) > 1 {
			return run(ctx, []string{args[1], "--help"}, stdout, stderr)
		}
		usage(stdout)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	for _, c := range commands() {
		if c.Name() != args[0] {
			continue
		}
		err := c.Run(ctx, args[1:], stdout, stderr)
		var ee exitError
		switch {
		case err == nil:
			return 0
		case errors.Is(err, flag.ErrHelp):
			return 0
		case errors.Is(err, errUsage):
			return 2
		case errors.As(err, &ee):
			return ee.code
		default:
			fmt.Fprintf(stderr, "newsgraph %s: %v\n", c.Name(), err)
			return 1
		}
	}
	fmt.Fprintf(stderr, "newsgraph: unknown command %q\n\n", args[0])
	usage(stderr)
	return 2
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "newsgraph reads news and records who said and did what with whom, where and when.")
	fmt.Fprintln(w, "\nUsage: newsgraph COMMAND [flags] [arguments]\n\nCommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-9s %s\n", c.Name(), c.Synopsis())
	}
	fmt.Fprintln(w, "\nRun 'newsgraph COMMAND --help' for the flags of a command.")
}

// parseFlags parses args with fs, accepting flags before, between and after
// the positional arguments, as people type them. The standard flag package
// stops at the first argument, so parsing resumes after each one; "--" ends
// the flags.
func parseFlags(fs *flag.FlagSet, args []string, stderr io.Writer) ([]string, error) {
	for _, a := range args {
		if a == "--" {
			break
		}
		if a == "-h" || a == "-help" || a == "--help" {
			// help asked for goes to standard output, so it can be paged
			fs.SetOutput(helpOut)
			fs.Usage()
			return nil, flag.ErrHelp
		}
	}
	fs.SetOutput(stderr)
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, errUsage
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if len(args) > 0 && len(rest) < len(args) && args[len(args)-len(rest)-1] == "--" {
			return append(pos, rest...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// newFlagSet makes a command's flag set with a help text that shows the
// synopsis, the usage line and the flags.
func newFlagSet(name, usageLine, about string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.Usage = func() {
		w := fs.Output()
		fmt.Fprintf(w, "Usage: newsgraph %s %s\n\n%s\n\nFlags:\n", name, usageLine, strings.TrimSpace(about))
		fs.PrintDefaults()
	}
	return fs
}
