package main

import (
	"fmt"
	"io"
	"runtime"
	"runtime/debug"

	"github.com/spf13/cobra"
)

// modulePath is framegen's module, whose version `framegen version` reports.
const modulePath = "github.com/framegen/framegen"

type versionOptions struct {
	Out io.Writer
}

func newVersionCmd() *cobra.Command {
	return &cobra.Command{
		Use:           "version",
		Short:         "Print framegen's version and the Go version it was built with",
		Args:          usageArgs(cobra.NoArgs),
		SilenceUsage:  true,
		SilenceErrors: true,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return versionRun(versionOptions{Out: cmd.OutOrStdout()})
		},
	}
}

func versionRun(opts versionOptions) error {
	bi, _ := debug.ReadBuildInfo()
	_, err := fmt.Fprintf(opts.Out, "framegen %s %s\n", moduleVersion(bi), runtime.Version())
	return err
}

// moduleVersion finds framegen's version in the build info: the main module's when
// framegen is built on its own, a dependency's when it runs as a tool of another module
// (`go tool framegen`). "(devel)" when the build does not say.
func moduleVersion(bi *debug.BuildInfo) string {
	if bi == nil {
		return "(devel)"
	}
	m := &bi.Main
	if m.Path != modulePath {
		m = nil
		for _, d := range bi.Deps {
			if d.Path == modulePath {
				m = d
				break
			}
		}
	}
	if m == nil {
		return "(devel)"
	}
	if m.Replace != nil && m.Replace.Version != "" {
		return m.Replace.Version
	}
	if m.Version == "" {
		return "(devel)"
	}
	return m.Version
}
