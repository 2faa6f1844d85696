package golang

import "github.com/dave/jennifer/jen"

// genTypes is being written; this placeholder keeps the package compiling meanwhile.
func genTypes(p *protocol, f *jen.File) {}
