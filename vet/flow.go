package vet

import (
	"go/ast"
	"go/token"
	"go/types"
)

// maxDepth bounds how many variables a data flow question follows, so that a cycle of
// assignments (a = b; b = a) ends.
const maxDepth = 16

// A jsonSrc is where bytes were JSON-encoded by hand.
type jsonSrc struct {
	fn    string   // "json.Marshal", "json.MarshalIndent" or "json.Encoder"
	value ast.Expr // the value encoded
}

// jsonSource returns where the bytes of e were JSON-encoded, following variables and
// conversions; nil when they were not, or when it cannot tell.
func (c *vetter) jsonSource(e ast.Expr, depth int) *jsonSrc {
	if depth > maxDepth {
		return nil
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		for _, a := range c.assignsOf(e) {
			if a.index == 0 {
				if s := c.marshalCall(a.rhs); s != nil {
					return s
				}
			}
			if a.index < 0 {
				if s := c.jsonSource(a.rhs, depth+1); s != nil {
					return s
				}
			}
		}
	case *ast.CallExpr:
		if c.isConversion(e) {
			return c.jsonSource(e.Args[0], depth+1)
		}
		fn := c.callee(e)
		if isMethod(fn, "bytes", "Buffer", "Bytes") || isMethod(fn, "bytes", "Buffer", "String") {
			if sel, ok := e.Fun.(*ast.SelectorExpr); ok {
				return c.bufferSource(sel.X)
			}
		}
	}
	return nil
}

// marshalCall returns the value e encodes when e calls json.Marshal or json.MarshalIndent.
func (c *vetter) marshalCall(e ast.Expr) *jsonSrc {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) == 0 {
		return nil
	}
	fn := c.callee(call)
	for _, name := range []string{"Marshal", "MarshalIndent"} {
		if isFunc(fn, "encoding/json", name) {
			return &jsonSrc{fn: "json." + name, value: call.Args[0]}
		}
	}
	return nil
}

// bufferSource returns what a json.Encoder wrote into the bytes.Buffer buf, if one did.
func (c *vetter) bufferSource(buf ast.Expr) *jsonSrc {
	v := c.rootVar(buf)
	if v == nil {
		return nil
	}
	for _, enc := range c.encodes {
		sel, ok := enc.Fun.(*ast.SelectorExpr)
		if !ok || len(enc.Args) != 1 {
			continue
		}
		ne := c.newEncoder(sel.X, 0)
		if ne != nil && len(ne.Args) == 1 && c.rootVar(ne.Args[0]) == v {
			return &jsonSrc{fn: "json.Encoder", value: enc.Args[0]}
		}
	}
	return nil
}

// newEncoder returns the json.NewEncoder call that made the encoder e, following variables.
func (c *vetter) newEncoder(e ast.Expr, depth int) *ast.CallExpr {
	if depth > maxDepth {
		return nil
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		if isFunc(c.callee(e), "encoding/json", "NewEncoder") {
			return e
		}
	case *ast.Ident:
		for _, a := range c.assignsOf(e) {
			if a.index < 0 {
				if ne := c.newEncoder(a.rhs, depth+1); ne != nil {
					return ne
				}
			}
		}
	}
	return nil
}

// wsWriter names the call that returned the WebSocket message writer e ("(*websocket.Conn).
// NextWriter"), following variables; "" when e is not one.
func (c *vetter) wsWriter(e ast.Expr) string {
	return c.callResult(e, 0, func(fn *types.Func) string {
		switch {
		case isMethod(fn, gorilla, "Conn", "NextWriter"):
			return "(*websocket.Conn).NextWriter"
		case isMethod(fn, coder, "Conn", "Writer"):
			return "(*websocket.Conn).Writer"
		}
		return ""
	}, 0)
}

// wsMessage names the call that returned the WebSocket message e ("(*websocket.Conn).
// ReadMessage"), following variables and conversions; "" when e is not one.
func (c *vetter) wsMessage(e ast.Expr) string {
	return c.callResult(e, 1, func(fn *types.Func) string {
		switch {
		case isMethod(fn, gorilla, "Conn", "ReadMessage"):
			return "(*websocket.Conn).ReadMessage"
		case isMethod(fn, coder, "Conn", "Read"):
			return "(*websocket.Conn).Read"
		}
		return ""
	}, 0)
}

// wsReader names the call that returned the WebSocket message reader e ("(*websocket.Conn).
// NextReader"), following variables; "" when e is not one.
func (c *vetter) wsReader(e ast.Expr) string {
	return c.callResult(e, 1, func(fn *types.Func) string {
		switch {
		case isMethod(fn, gorilla, "Conn", "NextReader"):
			return "(*websocket.Conn).NextReader"
		case isMethod(fn, coder, "Conn", "Reader"):
			return "(*websocket.Conn).Reader"
		}
		return ""
	}, 0)
}

// callResult follows e through variables and conversions to result number index of a
// call, and returns what name says of the callee; "" when e is no such result.
func (c *vetter) callResult(e ast.Expr, index int, name func(*types.Func) string, depth int) string {
	if depth > maxDepth {
		return ""
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		if c.isConversion(e) {
			return c.callResult(e.Args[0], index, name, depth+1)
		}
	case *ast.Ident:
		for _, a := range c.assignsOf(e) {
			switch {
			case a.index == index:
				if call, ok := ast.Unparen(a.rhs).(*ast.CallExpr); ok {
					if op := name(c.callee(call)); op != "" {
						return op
					}
				}
			case a.index < 0:
				if op := c.callResult(a.rhs, index, name, depth+1); op != "" {
					return op
				}
			}
		}
	}
	return ""
}

// builtAt returns the composite literal or make call that built the value of e, following
// variables; nil when there is none to show.
func (c *vetter) builtAt(e ast.Expr, depth int) ast.Expr {
	if depth > maxDepth {
		return nil
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		return e
	case *ast.UnaryExpr:
		if e.Op == token.AND {
			return c.builtAt(e.X, depth+1)
		}
	case *ast.CallExpr:
		if id, ok := ast.Unparen(e.Fun).(*ast.Ident); ok {
			if b, ok := c.pass.TypesInfo.Uses[id].(*types.Builtin); ok && b.Name() == "make" {
				return e
			}
		}
	case *ast.Ident:
		for _, a := range c.assignsOf(e) {
			if a.index < 0 {
				if lit := c.builtAt(a.rhs, depth+1); lit != nil {
					return lit
				}
			}
		}
	}
	return nil
}

// assignsOf returns the values stored in the variable id names.
func (c *vetter) assignsOf(id *ast.Ident) []assign {
	v := c.variable(id)
	if v == nil {
		return nil
	}
	return c.assigns[v]
}

// rootVar returns the variable behind x, &x or *x.
func (c *vetter) rootVar(e ast.Expr) *types.Var {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.UnaryExpr:
			if x.Op != token.AND {
				return nil
			}
			e = x.X
		case *ast.StarExpr:
			e = x.X
		case *ast.Ident:
			return c.variable(x)
		default:
			return nil
		}
	}
}

// isConversion reports whether call is a type conversion T(x).
func (c *vetter) isConversion(call *ast.CallExpr) bool {
	tv, ok := c.pass.TypesInfo.Types[call.Fun]
	return ok && tv.IsType() && len(call.Args) == 1
}
