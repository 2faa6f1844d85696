package vet

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"strconv"

	"github.com/framegen/framegen/internal/naming"
)

// describe says what value v, sent at pos, is: a generated frame, a map built at some line
// (and the generated value it holds, the founding bug's shape), or its type.
func (c *vetter) describe(pos token.Pos, v ast.Expr) string {
	t := c.pass.TypesInfo.TypeOf(v)
	if t == nil {
		return "a value"
	}
	if g := c.generatedType(t); g != nil {
		if g.side != "" {
			return fmt.Sprintf("generated frame %s.%s without its frame tag", g.pkg.Name(), g.name)
		}
		return fmt.Sprintf("%s.%s (not a frame)", g.pkg.Name(), g.name)
	}
	if lit := c.builtAt(v, 0); lit != nil {
		s := fmt.Sprintf("a %s built at %s", c.typeString(c.pass.TypesInfo.TypeOf(lit)), c.where(pos, lit.Pos()))
		if held := c.heldGenerated(lit); held != "" {
			s += " holding a " + held
		}
		return s
	}
	if types.IsInterface(t) {
		return "an interface value (" + c.typeString(t) + ")"
	}
	return "a value of type " + c.typeString(t)
}

// heldGenerated names the first generated type among the elements of a composite literal:
// a hand-built map holding a generated enum is how the founding bug looked.
func (c *vetter) heldGenerated(lit ast.Expr) string {
	cl, ok := lit.(*ast.CompositeLit)
	if !ok {
		return ""
	}
	for _, elt := range cl.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			elt = kv.Value
		}
		if g := c.generatedType(c.pass.TypesInfo.TypeOf(elt)); g != nil {
			return g.pkg.Name() + "." + g.name
		}
	}
	return ""
}

// fix says what to use instead of sending v by hand.
func (c *vetter) fix(v ast.Expr) string {
	g := c.generatedType(c.pass.TypesInfo.TypeOf(v))
	if g != nil && g.side != "" {
		return fmt.Sprintf("use (*%s.%sSender).%s or %s.Encode%sFrame",
			g.pkg.Name(), g.side, g.send, g.pkg.Name(), g.side)
	}
	if f := c.frameNamed(v); f != nil {
		return fmt.Sprintf("build a %s.%s and send it with (*%s.%sSender).%s",
			f.pkg.Name(), f.name, f.pkg.Name(), f.side, f.send)
	}
	var p string
	switch {
	case g != nil:
		p = g.pkg.Name()
	case len(c.genUsed) == 1:
		p = c.genUsed[0].Name()
	}
	if p == "" {
		return "declare the message as a frame in a framegen schema and send it with the generated sender"
	}
	return fmt.Sprintf("declare the message as a frame in the schema and send it with %s.NewServerSender or %s.NewClientSender", p, p)
}

// frameNamed returns the generated frame that a hand-built map's string value names, as
// in map[string]any{"type": "auth_error", …}: the tag of chatproto.AuthError. The tag key is
// not known here, so any string value is tried, in order.
func (c *vetter) frameNamed(v ast.Expr) *genType {
	cl, ok := c.builtAt(v, 0).(*ast.CompositeLit)
	if !ok {
		return nil
	}
	for _, elt := range cl.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		lit, ok := ast.Unparen(kv.Value).(*ast.BasicLit)
		if !ok || lit.Kind != token.STRING {
			continue
		}
		tag, err := strconv.Unquote(lit.Value)
		if err != nil {
			continue
		}
		name := naming.Go(naming.Split(tag))
		for _, p := range c.genUsed {
			if tn, ok := p.Scope().Lookup(name).(*types.TypeName); ok {
				if g := c.generatedType(tn.Type()); g != nil && g.side != "" {
					return g
				}
			}
		}
	}
	return nil
}

// where writes the position at as "line 12" when it is in the file of pos, as
// "file.go:12" when it is not.
func (c *vetter) where(pos, at token.Pos) string {
	p, a := c.pass.Fset.Position(pos), c.pass.Fset.Position(at)
	if p.Filename == a.Filename {
		return fmt.Sprintf("line %d", a.Line)
	}
	return fmt.Sprintf("%s:%d", filepath.Base(a.Filename), a.Line)
}

// typeString writes t with package names, not paths, and nothing for the package checked.
func (c *vetter) typeString(t types.Type) string {
	return types.TypeString(t, func(p *types.Package) string {
		if p == c.pass.Pkg {
			return ""
		}
		return p.Name()
	})
}
