package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/framegen/framegen/internal/difftext"
)

type checkOptions struct {
	ConfigPath string
	Flags      outputFlags
	Stdout     io.Writer
	Stderr     io.Writer
}

func newCheckCmd() *cobra.Command {
	var opts checkOptions
	cmd := &cobra.Command{
		Use:   "check [-c framegen.yaml | --schema FILE --go-out DIR]",
		Short: "Exit 1 with a diff when generated files are out of date",
		Long: "check regenerates every output in memory and compares it with the disk. For each\n" +
			"stale, missing or extra generated file it prints a unified diff on stdout (the\n" +
			"change generate would make) and exits 1. It never writes.",
		Args:          usageArgs(cobra.NoArgs),
		SilenceUsage:  true,
		SilenceErrors: true,
		RunE: func(cmd *cobra.Command, _ []string) error {
			opts.Stdout, opts.Stderr = cmd.OutOrStdout(), cmd.ErrOrStderr()
			return checkRun(opts)
		},
	}
	cmd.Flags().StringVarP(&opts.ConfigPath, "config", "c", "", "config `file` (default: framegen.yaml here or in a parent up to the module root)")
	addOutputFlags(cmd, &opts.Flags)
	return cmd
}

func checkRun(opts checkOptions) error {
	entries, err := resolveEntries(opts.ConfigPath, opts.Flags, opts.Stderr)
	if err != nil {
		return err
	}
	pl, err := planOutputs(entries, opts.Stderr)
	if err != nil {
		return err
	}
	stale := 0
	for _, w := range pl.writes {
		newLabel := "b/" + filepath.ToSlash(w.Path)
		old, err := os.ReadFile(w.Path)
		if errors.Is(err, fs.ErrNotExist) {
			d := difftext.Unified(difftext.DevNull, newLabel, nil, w.Data)
			if d == "" { // an empty file to create still needs saying
				d = "--- " + difftext.DevNull + "\n+++ " + newLabel + "\n"
			}
			fmt.Fprint(opts.Stdout, d)
			stale++
			continue
		}
		if err != nil {
			return fmt.Errorf("read %s: %w", w.Path, err)
		}
		if d := difftext.Unified("a/"+filepath.ToSlash(w.Path), newLabel, old, w.Data); d != "" {
			fmt.Fprint(opts.Stdout, d)
			stale++
		}
	}
	for _, path := range pl.removes {
		old, err := os.ReadFile(path)
		if err != nil {
			return fmt.Errorf("read %s: %w", path, err)
		}
		oldLabel := "a/" + filepath.ToSlash(path)
		d := difftext.Unified(oldLabel, difftext.DevNull, old, nil)
		if d == "" {
			d = "--- " + oldLabel + "\n+++ " + difftext.DevNull + "\n"
		}
		fmt.Fprint(opts.Stdout, d)
		stale++
	}
	if stale > 0 {
		return problems("%s out of date; run framegen generate", plural(stale, "file"))
	}
	return nil
}
