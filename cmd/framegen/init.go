package main

import (
	"errors"
	"fmt"
	"go/parser"
	"go/token"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/spf13/cobra"

	"github.com/framegen/framegen/internal/fsutil"
)

// The files framegen init writes, in the current directory.
const (
	starterSchemaFile = "protocol.frames.yaml"
	starterDocFile    = "doc.go"
)

type initOptions struct {
	Dir    string
	Stdout io.Writer
	Stderr io.Writer
}

func newInitCmd() *cobra.Command {
	var opts initOptions
	return &cobra.Command{
		Use:   "init",
		Short: "Write a starter schema, framegen.yaml and a go:generate line here",
		Long: "init writes, in the current directory, " + starterSchemaFile + " (a small protocol to\n" +
			"edit), framegen.yaml (its Go output in ./protocol) and doc.go with the line\n" +
			"//go:generate go tool framegen generate. It never overwrites a file: if any of\n" +
			"them exists it writes nothing and exits 1.",
		Args:          usageArgs(cobra.NoArgs),
		SilenceUsage:  true,
		SilenceErrors: true,
		RunE: func(cmd *cobra.Command, _ []string) error {
			opts.Stdout, opts.Stderr = cmd.OutOrStdout(), cmd.ErrOrStderr()
			return initRun(opts)
		},
	}
}

func initRun(opts initOptions) error {
	dir := opts.Dir
	if dir == "" {
		wd, err := os.Getwd()
		if err != nil {
			return err
		}
		dir = wd
	}
	pkg, err := packageName(dir)
	if err != nil {
		return err
	}
	files := []fsutil.File{
		{Path: starterSchemaFile, Data: []byte(starterSchema)},
		{Path: "framegen.yaml", Data: []byte(starterConfig)},
		{Path: starterDocFile, Data: []byte(fmt.Sprintf(starterDoc, pkg))},
	}
	var exist []string
	for i, f := range files {
		files[i].Path = filepath.Join(dir, f.Path)
		if _, err := os.Lstat(files[i].Path); err == nil {
			exist = append(exist, f.Path)
		} else if !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	if len(exist) > 0 {
		for _, name := range exist {
			fmt.Fprintf(opts.Stderr, "framegen init: %s already exists\n", name)
		}
		return problems("nothing written (init never overwrites a file)")
	}
	if err := fsutil.Commit(files, nil); err != nil {
		return err
	}
	fmt.Fprintf(opts.Stdout, "wrote %s, framegen.yaml and %s\n", starterSchemaFile, starterDocFile)
	fmt.Fprintf(opts.Stdout, "next, once per module:  go get -tool %s/cmd/framegen\n", modulePath)
	fmt.Fprintf(opts.Stdout, "then, after each schema change:  go generate ./...\n")
	return nil
}

// packageName returns the package of the Go files in dir, so that doc.go joins it; in a
// directory without Go files, a name made from the directory's (lower case letters and
// digits), or "main" when that leaves nothing usable.
func packageName(dir string) (string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return "", err
	}
	fset := token.NewFileSet()
	for _, e := range entries {
		n := e.Name()
		if !e.Type().IsRegular() || !strings.HasSuffix(n, ".go") || strings.HasSuffix(n, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, filepath.Join(dir, n), nil, parser.PackageClauseOnly)
		if err != nil {
			continue // a broken file says nothing reliable
		}
		return f.Name.Name, nil
	}
	var b strings.Builder
	for _, r := range strings.ToLower(filepath.Base(dir)) {
		if r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			b.WriteRune(r)
		}
	}
	name := b.String()
	if name == "" || !token.IsIdentifier(name) {
		return "main", nil
	}
	return name, nil
}

// starterSchema is a small, lint-clean protocol in the shape of the bug framegen exists
// for: an auth error that carries a connection-state enum.
const starterSchema = `# A starter protocol. Edit it, then run go generate ./... (or framegen generate).
# The schema language: https://github.com/framegen/framegen (SCHEMA.md).
framegen: 1
protocol: app
version: "0.1.0"
description: Frames between the app's client and its server.
max_frame_bytes: 65536

enums:
  ConnectionState:
    description: Where a connection is in its lifecycle.
    values: [connecting, connected, closing, closed]
  AuthErrorCode:
    description: Why authentication failed.
    values:
      - {name: invalid_token, description: The token could not be parsed or verified.}
      - {name: expired, description: The token is no longer valid.}

frames:
  auth_request:
    from: client
    description: First frame on every connection.
    fields:
      token: {type: string, secret: true, min_length: 1}
  auth_success:
    from: server
    description: The server accepted the token.
    fields:
      user_id: uuid
      state: ConnectionState
  auth_error:
    from: server
    description: The server refused the token; it closes the connection after this frame.
    fields:
      code: AuthErrorCode
      message: string
      state: ConnectionState
      retry_after_ms: {type: int, optional: true, min: 0, max: 3600000}
  ping:
    from: both
    description: Keeps the connection alive.
`

// starterConfig generates the starter schema's Go package into ./protocol.
const starterConfig = `# framegen configuration (docs/config.md). Paths are relative to this file.
version: 1
schemas:
  - schema: protocol.frames.yaml
    go:
      out: protocol        # directory of the generated package
      package: protocol
      side: both           # server | client | both: which half of the API to emit
      # transports: [coder]  # adapters for github.com/coder/websocket, gorilla/websocket
`

// starterDoc holds the go:generate line; %s is the package of the directory.
const starterDoc = `package %s

// The package in ./protocol is generated from protocol.frames.yaml, as framegen.yaml says.
// Run go generate ./... after changing the schema.
//go:generate go tool framegen generate
`
