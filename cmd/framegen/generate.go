package main

import (
	"errors"
	"fmt"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/framegen/framegen/internal/config"
	"github.com/framegen/framegen/internal/fsutil"
	"github.com/framegen/framegen/schema"
)

// outputFlags are the flags that name one schema and its outputs without a config file.
type outputFlags struct {
	Schema     string
	GoOut      string
	GoPackage  string
	Side       string
	Transports []string
	DocsOut    string
}

// any reports whether any output flag was given.
func (f outputFlags) any() bool {
	return f.Schema != "" || f.GoOut != "" || f.GoPackage != "" || f.Side != "" ||
		len(f.Transports) > 0 || f.DocsOut != ""
}

type generateOptions struct {
	ConfigPath string
	Flags      outputFlags
	Stdout     io.Writer
	Stderr     io.Writer
}

func newGenerateCmd() *cobra.Command {
	var opts generateOptions
	cmd := &cobra.Command{
		Use:   "generate [-c framegen.yaml | --schema FILE --go-out DIR]",
		Short: "Generate every output the config names",
		Long: "generate writes every output of framegen.yaml (found in the current directory or\n" +
			"its parents up to the module root, or given with -c), or of one schema named by\n" +
			"flags. It writes all of its files or none, and removes generated Go files that are\n" +
			"no longer produced.",
		Args:          usageArgs(cobra.NoArgs),
		SilenceUsage:  true,
		SilenceErrors: true,
		RunE: func(cmd *cobra.Command, _ []string) error {
			opts.Stdout, opts.Stderr = cmd.OutOrStdout(), cmd.ErrOrStderr()
			return generateRun(opts)
		},
	}
	cmd.Flags().StringVarP(&opts.ConfigPath, "config", "c", "", "config `file` (default: framegen.yaml here or in a parent up to the module root)")
	addOutputFlags(cmd, &opts.Flags)
	return cmd
}

// addOutputFlags declares the flags of outputFlags on cmd.
func addOutputFlags(cmd *cobra.Command, f *outputFlags) {
	fs := cmd.Flags()
	fs.StringVar(&f.Schema, "schema", "", "schema `file` to generate from, instead of a config")
	fs.StringVar(&f.GoOut, "go-out", "", "`dir`ectory of the generated Go package")
	fs.StringVar(&f.GoPackage, "go-package", "", "Go package `name` (default: the protocol name without underscores)")
	fs.StringVar(&f.Side, "side", "", "half of the Go API to emit: server, client or both (default both)")
	fs.StringSliceVar(&f.Transports, "transport", nil, "transport adapters to emit: coder, gorilla (comma-separated or repeated)")
	fs.StringVar(&f.DocsOut, "docs-out", "", "Markdown `file` to write the protocol's docs to")
}

func generateRun(opts generateOptions) error {
	entries, err := resolveEntries(opts.ConfigPath, opts.Flags, opts.Stderr)
	if err != nil {
		return err
	}
	pl, err := planOutputs(entries, opts.Stderr)
	if err != nil {
		return err
	}
	return fsutil.Commit(pl.changed(), pl.removes)
}

// resolveEntries returns the schemas and outputs of a run: from the output flags when
// given, else from the config file (configPath, or the one config.Find finds).
func resolveEntries(configPath string, f outputFlags, stderr io.Writer) ([]config.Entry, error) {
	if f.any() {
		if configPath != "" {
			return nil, usagef("-c cannot be combined with --schema and the output flags")
		}
		e, err := flagEntry(f)
		if err != nil {
			return nil, err
		}
		return []config.Entry{e}, nil
	}
	if configPath == "" {
		wd, err := os.Getwd()
		if err != nil {
			return nil, err
		}
		found, err := config.Find(wd)
		if errors.Is(err, config.ErrNotFound) {
			return nil, fmt.Errorf("%w; give -c FILE, or --schema and --go-out (framegen init writes a starter)", err)
		}
		if err != nil {
			return nil, err
		}
		configPath = relToWD(wd, found)
	}
	cfg, err := config.Load(configPath)
	var diags schema.Diagnostics
	if errors.As(err, &diags) {
		for _, d := range diags {
			fmt.Fprintln(stderr, d)
		}
		return nil, problems("%s has errors; no output changed", configPath)
	}
	if err != nil {
		return nil, err
	}
	return cfg.Schemas, nil
}

// flagEntry checks the output flags and builds the one entry they describe.
func flagEntry(f outputFlags) (config.Entry, error) {
	var e config.Entry
	if f.Schema == "" {
		return e, usagef("--schema is required with the output flags")
	}
	if f.GoOut == "" && f.DocsOut == "" {
		return e, usagef("give --go-out, --docs-out or both")
	}
	e.Schema = f.Schema
	if f.DocsOut != "" {
		e.Docs = &config.Docs{Out: f.DocsOut}
	}
	if f.GoOut == "" {
		if f.GoPackage != "" || f.Side != "" || len(f.Transports) > 0 {
			return e, usagef("--go-package, --side and --transport need --go-out")
		}
		return e, nil
	}
	g := &config.Go{Out: f.GoOut, Package: f.GoPackage, Side: schema.Both}
	if f.GoPackage != "" && !token.IsIdentifier(f.GoPackage) {
		return e, usagef("--go-package: %q is not a valid Go package name", f.GoPackage)
	}
	if f.Side != "" {
		side, ok := config.ParseSide(f.Side)
		if !ok {
			return e, usagef("--side: unknown side %q: want server, client or both", f.Side)
		}
		g.Side = side
	}
	for _, t := range f.Transports {
		t = strings.TrimSpace(t)
		switch {
		case !slices.Contains(config.Transports(), t):
			return e, usagef("--transport: unknown transport %q: want %s", t, strings.Join(config.Transports(), " or "))
		case slices.Contains(g.Transports, t):
			return e, usagef("--transport: %q given twice", t)
		}
		g.Transports = append(g.Transports, t)
	}
	e.Go = g
	return e, nil
}

// relToWD returns path relative to the working directory wd when it is below it or near
// it, for shorter messages; otherwise path itself.
func relToWD(wd, path string) string {
	rel, err := filepath.Rel(wd, path)
	if err != nil {
		return path
	}
	return rel
}
