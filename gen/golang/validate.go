package golang

import "github.com/dave/jennifer/jen"

// genValidate is being written; this placeholder keeps the package compiling meanwhile.
func genValidate(p *protocol, f *jen.File) {}
