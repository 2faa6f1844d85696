package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"

	"github.com/spf13/cobra"

	"github.com/framegen/framegen/schema"
	"github.com/framegen/framegen/schema/compat"
)

type diffOptions struct {
	Old, New string // file paths, or git:REF:PATH
	Format   string
	BothWays bool
	Stdout   io.Writer
	Stderr   io.Writer
}

func newDiffCmd() *cobra.Command {
	var opts diffOptions
	cmd := &cobra.Command{
		Use:   "diff OLD NEW",
		Short: "Report the breaking changes between two versions of a schema",
		Long: "diff compares two versions of a schema and reports every change, judged per\n" +
			"direction: servers deploy first, so the new server must read old clients, and old\n" +
			"clients must read the new server (--both-ways also checks clients first).\n" +
			"OLD and NEW are files, or git:REF:PATH to read a file with `git show REF:PATH`.\n" +
			"Exit 1 when a change is breaking. docs/breaking.md describes every rule.",
		Example:       "  framegen diff git:origin/main:api/chat.frames.yaml api/chat.frames.yaml --format github",
		Args:          usageArgs(cobra.ExactArgs(2)),
		SilenceUsage:  true,
		SilenceErrors: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Old, opts.New = args[0], args[1]
			opts.Stdout, opts.Stderr = cmd.OutOrStdout(), cmd.ErrOrStderr()
			return diffRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Format, "format", string(compat.Text), "output format: text, json or github")
	cmd.Flags().BoolVar(&opts.BothWays, "both-ways", false, "also judge the reverse deployment order, clients first")
	return cmd
}

func diffRun(ctx context.Context, opts diffOptions) error {
	format, err := compat.ParseFormat(opts.Format)
	if err != nil {
		return usagef("--format: %w", err)
	}
	// Read both before checking either, so one run shows every problem.
	var protos [2]*schema.Protocol
	var bad int
	for i, src := range []string{opts.Old, opts.New} {
		name, data, err := readSchemaSource(ctx, src)
		if err != nil {
			return err
		}
		p, err := schema.Parse(name, data)
		var diags schema.Diagnostics
		switch {
		case errors.As(err, &diags):
			for _, d := range diags {
				fmt.Fprintln(opts.Stderr, d)
			}
			bad++
			continue
		case err != nil:
			return fmt.Errorf("parse %s: %w", src, err)
		}
		protos[i] = p
	}
	if bad > 0 {
		return problems("cannot compare: %s with errors", plural(bad, "schema"))
	}
	fs := compat.Compare(protos[0], protos[1], compat.Options{BothWays: opts.BothWays})
	if err := compat.Write(opts.Stdout, format, fs); err != nil {
		return err
	}
	if n := compat.CountBreaking(fs); n > 0 {
		return problems("%s", plural(n, "breaking change"))
	}
	return nil
}

// readSchemaSource reads a file path, or git:REF:PATH with `git show` in the current
// directory. The name it returns is what positions show: the path as given, or for git
// the path inside the repository, so annotations point at the file in a pull request.
func readSchemaSource(ctx context.Context, src string) (name string, data []byte, err error) {
	rest, ok := strings.CutPrefix(src, "git:")
	if !ok {
		data, err := os.ReadFile(src)
		if err != nil {
			return "", nil, fmt.Errorf("read %s: %w", src, err)
		}
		return src, data, nil
	}
	// A ref cannot contain ':' (git check-ref-format), so the first one ends it.
	ref, path, ok := strings.Cut(rest, ":")
	if !ok || ref == "" || path == "" {
		return "", nil, usagef("%q: want git:REF:PATH", src)
	}
	if strings.HasPrefix(ref, "-") {
		// git would take it for an option.
		return "", nil, usagef("%q: a git ref cannot start with '-'", src)
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, "git", "show", "--no-textconv", ref+":"+path)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		if msg := strings.TrimSpace(stderr.String()); msg != "" {
			err = fmt.Errorf("%w: %s", err, firstLine(msg))
		}
		return "", nil, fmt.Errorf("read %s: git show %s:%s: %w", src, ref, path, err)
	}
	return strings.TrimPrefix(path, "./"), stdout.Bytes(), nil
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
