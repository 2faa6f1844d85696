package main

import (
	"errors"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/framegen/framegen/schema"
	"github.com/framegen/framegen/schema/lint"
)

type lintOptions struct {
	Schemas []string
	Strict  bool
	Stderr  io.Writer
}

func newLintCmd() *cobra.Command {
	var opts lintOptions
	cmd := &cobra.Command{
		Use:   "lint SCHEMA...",
		Short: "Check schemas for errors and style problems",
		Long: "lint checks each schema: errors (exit 1) and style warnings, which fail only\n" +
			"with --strict. Every problem goes to stderr as file:line:col: message.",
		Args:          usageArgs(cobra.MinimumNArgs(1)),
		SilenceUsage:  true,
		SilenceErrors: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Schemas = args
			opts.Stderr = cmd.ErrOrStderr()
			return lintRun(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.Strict, "strict", false, "exit 1 on warnings too")
	return cmd
}

// lintRun checks every schema, even after one fails, so that one run shows every problem.
func lintRun(opts lintOptions) error {
	var errs, warns int
	var unreadable error
	for _, path := range opts.Schemas {
		p, err := schema.Load(path)
		var diags schema.Diagnostics
		switch {
		case errors.As(err, &diags):
			for _, d := range diags {
				fmt.Fprintln(opts.Stderr, d)
			}
			errs += len(diags)
			continue
		case err != nil:
			fmt.Fprintf(opts.Stderr, "framegen lint: %v\n", err)
			unreadable = err
			continue
		}
		for _, f := range lint.Run(p) {
			fmt.Fprintln(opts.Stderr, f)
			if f.Error {
				errs++
			} else {
				warns++
			}
		}
	}
	switch {
	case unreadable != nil:
		return &exitError{code: exitFailed}
	case errs > 0:
		return &exitError{code: exitProblems}
	case warns > 0 && opts.Strict:
		return problems("%s, and --strict makes warnings fail", plural(warns, "warning"))
	}
	return nil
}
