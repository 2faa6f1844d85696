package golang

import "github.com/dave/jennifer/jen"

// genSend is being written; this placeholder keeps the package compiling meanwhile.
func genSend(p *protocol, f *jen.File) {}
