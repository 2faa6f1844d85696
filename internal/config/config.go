// Package config reads framegen.yaml, the file that names each schema and the outputs to
// generate from it (DESIGN.md, "The CLI"), and finds it from a working directory.
//
// Problems in a config are schema.Diagnostics, positioned like a schema's, so the CLI
// prints both the same way.
package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/framegen/framegen/schema"
)

// FileName is the name Find looks for.
const FileName = "framegen.yaml"

// Config is a checked config file.
type Config struct {
	// Path is the config file's path as given to Load or Parse.
	Path    string
	Schemas []Entry
}

// Entry is one schema and its outputs. Paths are resolved against the config file's
// directory: relative when the config's path is relative.
type Entry struct {
	Pos    schema.Pos // of the entry's mapping
	Schema string
	Go     *Go   // nil when the entry has no Go output
	Docs   *Docs // nil when the entry has no docs output
}

// Go is the Go output of a schema: a package directory.
type Go struct {
	Pos     schema.Pos // of the `go` mapping
	Out     string     // the package directory
	Package string     // "" means the generator's default (the protocol name)
	// Side is the half of the API to emit; schema.Both unless the config says otherwise.
	Side schema.Side
	// Transports lists the transport adapters to emit, in config order.
	Transports []string
}

// Docs is the Markdown output of a schema: one file.
type Docs struct {
	Pos schema.Pos // of the `docs` mapping
	Out string
}

// Transports returns the names of the transport adapters the Go generator can emit.
func Transports() []string { return []string{"coder", "gorilla"} }

// ParseSide returns the Side a config or flag spells as "server", "client" or "both".
func ParseSide(s string) (schema.Side, bool) {
	switch s {
	case "server":
		return schema.Server, true
	case "client":
		return schema.Client, true
	case "both":
		return schema.Both, true
	}
	return 0, false
}

// Load reads and checks the config file at path. A config with problems returns
// schema.Diagnostics, every problem at once; a file that cannot be read returns the
// read error.
func Load(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read config: %w", err)
	}
	return Parse(path, data)
}

// ErrNotFound is returned by Find when no config file is in reach.
var ErrNotFound = errors.New("no " + FileName + " found")

// Find returns the path of the config file for work done in dir: dir's own FileName, or
// else the nearest one in its parents up to the module root (the nearest directory with a
// go.mod). Outside a module only dir itself is searched. The path returned is absolute.
func Find(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", fmt.Errorf("find config: %w", err)
	}
	root, err := moduleRoot(dir)
	if err != nil {
		return "", fmt.Errorf("find config: %w", err)
	}
	for d := dir; ; d = filepath.Dir(d) {
		p := filepath.Join(d, FileName)
		if ok, err := isFile(p); err != nil {
			return "", fmt.Errorf("find config: %w", err)
		} else if ok {
			return p, nil
		}
		if root == "" || d == root || filepath.Dir(d) == d {
			break
		}
	}
	if root == "" {
		return "", fmt.Errorf("%w in %s; outside a Go module only the current directory is searched", ErrNotFound, dir)
	}
	return "", fmt.Errorf("%w in %s or its parents up to the module root %s", ErrNotFound, dir, root)
}

// moduleRoot returns the nearest directory at or above dir that holds a go.mod, or ""
// when there is none.
func moduleRoot(dir string) (string, error) {
	for d := dir; ; d = filepath.Dir(d) {
		if ok, err := isFile(filepath.Join(d, "go.mod")); err != nil {
			return "", err
		} else if ok {
			return d, nil
		}
		if filepath.Dir(d) == d {
			return "", nil
		}
	}
}

// isFile reports whether path is an existing regular file (or a link to one).
func isFile(path string) (bool, error) {
	fi, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	return fi.Mode().IsRegular(), nil
}
