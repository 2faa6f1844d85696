package vet

import (
	"go/ast"
	"go/token"
	"strings"
)

// A directive is one //framegen:ignore comment.
type directive struct {
	pos    token.Pos
	end    token.Pos
	file   string
	line   int
	reason string
	used   bool
}

// directives returns the //framegen:ignore comments of f, in order.
func directives(fset *token.FileSet, f *ast.File) []*directive {
	var out []*directive
	for _, cg := range f.Comments {
		for _, cm := range cg.List {
			rest, ok := strings.CutPrefix(cm.Text, "//framegen:ignore")
			if !ok || (rest != "" && rest[0] != ' ' && rest[0] != '\t') {
				continue
			}
			p := fset.Position(cm.Pos())
			out = append(out, &directive{pos: cm.Pos(), end: cm.End(), file: p.Filename, line: p.Line, reason: strings.TrimSpace(rest)})
		}
	}
	return out
}

// match returns the unused directive, with a reason, that silences a finding at pos: one on
// its line, else one on the line above.
func match(fset *token.FileSet, dirs []*directive, pos token.Pos) *directive {
	p := fset.Position(pos)
	for _, line := range []int{p.Line, p.Line - 1} {
		for _, d := range dirs {
			if !d.used && d.reason != "" && d.file == p.Filename && d.line == line {
				return d
			}
		}
	}
	return nil
}
