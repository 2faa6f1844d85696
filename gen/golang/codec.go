package golang

import "github.com/dave/jennifer/jen"

// genCodec is being written; this placeholder keeps the package compiling meanwhile.
func genCodec(p *protocol, f *jen.File) {}
