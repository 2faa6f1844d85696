// Package templates holds the embedded text/template files of the generators that emit text
// (docs now, TypeScript later). A template only ranges and formats: every decision (naming,
// ordering, escaping) is made in Go by the generator before it renders.
package templates

import (
	"embed"
	"io/fs"
)

//go:embed *.tmpl
var files embed.FS

// FS returns the template files, read-only, named as in this directory ("docs.md.tmpl").
func FS() fs.FS { return files }
