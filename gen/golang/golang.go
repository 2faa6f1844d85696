// Package golang generates the Go API of a protocol (DESIGN.md, "The generated Go API") from
// the resolved schema model, with github.com/dave/jennifer.
package golang

import (
	"errors"

	"github.com/framegen/framegen/schema"
)

// Options selects what Generate emits.
type Options struct {
	// Package is the Go package name; "" means the protocol name without underscores.
	Package string
	// Side is the half of the API to emit: schema.Server (decode client frames, encode and
	// send server frames), schema.Client, or schema.Both (the default when zero).
	Side schema.Side
	// Transports lists the adapter files to emit: "coder", "gorilla".
	Transports []string
}

// File is one generated file: a base name within the output directory, and its bytes.
type File struct {
	Name    string
	Content []byte
}

// Generate returns every file of the Go package for p, gofmt'd, in a fixed order. It writes
// nothing.
func Generate(p *schema.Protocol, opts Options) ([]File, error) {
	return nil, errors.New("generate go: not built yet")
}
