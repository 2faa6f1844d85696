package main

import (
	"errors"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/framegen/framegen/vet"
)

type vetOptions struct {
	Patterns []string
	Tests    bool
	Stderr   io.Writer
}

func newVetCmd() *cobra.Command {
	var opts vetOptions
	cmd := &cobra.Command{
		Use:   "vet [packages]",
		Short: "Report JSON sent on a WebSocket around generated code",
		Long: "vet loads Go packages (go list patterns, default \".\") and reports every place\n" +
			"where JSON reaches a WebSocket without going through framegen-generated code:\n" +
			"gorilla WriteJSON, coder wsjson.Write, json.Marshal or json.Encoder output written\n" +
			"to a connection, and ReadJSON or wsjson.Read in packages that import generated\n" +
			"code. Findings go to stderr as file:line:col: message; exit 1 when there are any,\n" +
			"2 when packages cannot be loaded. A //framegen:ignore <reason> comment on the line\n" +
			"or the line above silences one finding. See docs/vet.md.",
		Args:          cobra.ArbitraryArgs,
		SilenceUsage:  true,
		SilenceErrors: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Patterns = args
			if len(opts.Patterns) == 0 {
				opts.Patterns = []string{"."}
			}
			opts.Stderr = cmd.ErrOrStderr()
			return vetRun(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.Tests, "tests", false, "vet test files too")
	return cmd
}

func vetRun(opts vetOptions) error {
	findings, err := vet.Check(vet.Options{Tests: opts.Tests}, opts.Patterns...)
	var le *vet.LoadError
	if errors.As(err, &le) {
		for _, e := range le.Errs {
			fmt.Fprintln(opts.Stderr, e)
		}
		return &exitError{code: exitFailed, summary: "cannot load packages"}
	}
	if err != nil {
		return err
	}
	for _, f := range findings {
		fmt.Fprintln(opts.Stderr, f)
	}
	if len(findings) > 0 {
		return problems("%s", plural(len(findings), "finding"))
	}
	return nil
}
