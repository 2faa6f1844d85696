package main

import (
	"errors"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/framegen/framegen/internal/suggest"
)

// Exit codes (DESIGN.md, "The CLI").
const (
	exitOK       = 0 // done
	exitProblems = 1 // the input has problems: a bad schema, stale outputs, findings
	exitFailed   = 2 // the job could not be done: wrong usage, unreadable files
)

// run is the whole program: it builds a fresh command tree, runs it on args, reports an
// error on stderr, and returns the exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	root := newRootCmd()
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	cmd, err := root.ExecuteC()
	return report(cmd, err, stderr)
}

// newRootCmd returns the framegen command with every subcommand. Each subcommand comes
// from its own newXCmd in its own file; adding one is adding a line here.
func newRootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   "framegen",
		Short: "Typed code for WebSocket protocols",
		Long: "framegen turns a WebSocket protocol schema into typed code, so that no invalid\n" +
			"frame can reach a socket. See docs/cli.md.",
		Args:          cobra.ArbitraryArgs,
		RunE:          rootRun,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.CompletionOptions.DisableDefaultCmd = true
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error {
		return &usageError{err: err}
	})
	root.AddCommand(
		newVersionCmd(),
		newLintCmd(),
		newGenerateCmd(),
		newCheckCmd(),
		newInitCmd(),
		newDiffCmd(),
		newVetCmd(),
	)
	return root
}

// rootRun handles `framegen` alone and `framegen <unknown>`: both are usage mistakes.
func rootRun(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return &usageError{err: errors.New("no command given")}
	}
	var names []string
	for _, c := range cmd.Commands() {
		if c.IsAvailableCommand() {
			names = append(names, c.Name())
		}
	}
	if s := suggest.Closest(args[0], names); s != "" {
		return usagef("unknown command %q (did you mean %q?)", args[0], s)
	}
	return usagef("unknown command %q", args[0])
}

// usageError is a mistake in the command line: exit 2, with a pointer to --help.
type usageError struct{ err error }

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

// usagef returns a usageError with a formatted message.
func usagef(format string, args ...any) error {
	return &usageError{err: fmt.Errorf(format, args...)}
}

// exitError ends the run with code after its details went to stderr already; summary,
// when set, is printed after them.
type exitError struct {
	code    int
	summary string
}

func (e *exitError) Error() string {
	if e.summary != "" {
		return e.summary
	}
	return fmt.Sprintf("exit status %d", e.code)
}

// problems returns the error of a run that found problems in its input (exit 1).
func problems(format string, args ...any) error {
	return &exitError{code: exitProblems, summary: fmt.Sprintf(format, args...)}
}

// report prints err for the command that ran and returns the exit code.
func report(cmd *cobra.Command, err error, stderr io.Writer) int {
	if err == nil {
		return exitOK
	}
	name := "framegen"
	if cmd != nil {
		name = cmd.CommandPath()
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.summary != "" {
			fmt.Fprintf(stderr, "%s: %s\n", name, ee.summary)
		}
		return ee.code
	}
	var ue *usageError
	if errors.As(err, &ue) {
		fmt.Fprintf(stderr, "%s: %v\nRun '%s --help' for usage.\n", name, ue.err, name)
		return exitFailed
	}
	fmt.Fprintf(stderr, "%s: %v\n", name, err)
	return exitFailed
}

// usageArgs wraps a cobra argument check so that its complaint is a usageError.
func usageArgs(check cobra.PositionalArgs) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if err := check(cmd, args); err != nil {
			return &usageError{err: err}
		}
		return nil
	}
}

// plural returns "1 file" or "2 files".
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
