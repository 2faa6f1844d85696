package vet

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"
)

// Analyzer reports JSON written to or read from a WebSocket around framegen-generated code,
// with what to use instead. See the package documentation for the findings and for
// //framegen:ignore.
var Analyzer = &analysis.Analyzer{
	Name: "framegen",
	Doc: "report JSON sent on a WebSocket around framegen-generated code\n\n" +
		"Reports gorilla WriteJSON, coder wsjson.Write, json.Marshal or json.Encoder output\n" +
		"written to a WebSocket connection, and ReadJSON, wsjson.Read or encoding/json\n" +
		"decoding of a received message in packages that import a framegen-generated\n" +
		"package. A //framegen:ignore <reason> comment on the line or the line above\n" +
		"silences one finding.",
	URL: "https://github.com/framegen/framegen/blob/main/docs/vet.md",
	Run: run,
}

func run(pass *analysis.Pass) (any, error) {
	for _, f := range pass.Files {
		if hasGeneratedHeader(f) {
			return nil, nil // generated code is framegen's own business
		}
	}
	c := newVetter(pass)
	for _, f := range pass.Files {
		c.index(f)
	}
	for _, f := range pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok {
				c.checkCall(call)
			}
			return true
		})
	}
	c.report()
	return nil, nil
}

// A vetter holds what one pass has learnt about its package.
type vetter struct {
	pass     *analysis.Pass
	assigns  map[*types.Var][]assign // every value stored in a variable of the package
	encodes  []*ast.CallExpr         // every (*json.Encoder).Encode call
	gen      map[*types.Package]bool // generated packages, by the header of their files
	genUsed  []*types.Package        // generated packages this package imports, by path
	findings []finding
}

// An assign is one value stored in a variable: rhs itself, or result index of the call rhs
// when one call fills several variables (b, err := json.Marshal(v)).
type assign struct {
	rhs   ast.Expr
	index int // -1 for a single value
}

type finding struct {
	pos, end token.Pos
	msg      string
}

func newVetter(pass *analysis.Pass) *vetter {
	c := &vetter{
		pass:    pass,
		assigns: make(map[*types.Var][]assign),
		gen:     make(map[*types.Package]bool),
	}
	for _, p := range pass.Pkg.Imports() {
		if c.isGenerated(p) {
			c.genUsed = append(c.genUsed, p)
		}
	}
	slices.SortFunc(c.genUsed, func(a, b *types.Package) int { return cmp.Compare(a.Path(), b.Path()) })
	return c
}

// index records the assignments and json.Encoder calls of f, for the data flow questions
// checkCall asks.
func (c *vetter) index(f *ast.File) {
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if n.Tok == token.ASSIGN || n.Tok == token.DEFINE {
				c.indexAssign(n.Lhs, n.Rhs)
			}
		case *ast.ValueSpec:
			lhs := make([]ast.Expr, len(n.Names))
			for i, id := range n.Names {
				lhs[i] = id
			}
			c.indexAssign(lhs, n.Values)
		case *ast.CallExpr:
			if isMethod(c.callee(n), "encoding/json", "Encoder", "Encode") {
				c.encodes = append(c.encodes, n)
			}
		}
		return true
	})
}

func (c *vetter) indexAssign(lhs, rhs []ast.Expr) {
	for i, l := range lhs {
		id, ok := ast.Unparen(l).(*ast.Ident)
		if !ok {
			continue
		}
		v := c.variable(id)
		if v == nil {
			continue
		}
		switch {
		case len(rhs) == len(lhs):
			c.assigns[v] = append(c.assigns[v], assign{rhs: rhs[i], index: -1})
		case len(rhs) == 1:
			c.assigns[v] = append(c.assigns[v], assign{rhs: rhs[0], index: i})
		}
	}
}

// variable returns the variable id names, or nil for anything else (a field, a function).
func (c *vetter) variable(id *ast.Ident) *types.Var {
	v, ok := c.pass.TypesInfo.ObjectOf(id).(*types.Var)
	if !ok || v.IsField() {
		return nil
	}
	return v
}

func (c *vetter) callee(call *ast.CallExpr) *types.Func {
	return typeutil.StaticCallee(c.pass.TypesInfo, call)
}

// checkCall reports call if it moves JSON to or from a WebSocket around generated code.
func (c *vetter) checkCall(call *ast.CallExpr) {
	fn := c.callee(call)
	if fn == nil {
		if sel, ok := call.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "Write" {
			c.checkWriterWrite(call, sel) // a Write through an interface has no static callee
		}
		return
	}
	switch {
	case isMethod(fn, gorilla, "Conn", "WriteJSON"):
		c.directWrite(call, "(*websocket.Conn).WriteJSON", lastArg(call))
	case isFunc(fn, gorilla, "WriteJSON"):
		c.directWrite(call, "websocket.WriteJSON", lastArg(call))
	case isFunc(fn, coderJSON, "Write"):
		c.directWrite(call, "wsjson.Write", lastArg(call))
	case isMethod(fn, gorilla, "Conn", "WriteMessage"):
		c.bytesWrite(call, "(*websocket.Conn).WriteMessage", lastArg(call))
	case isFunc(fn, gorilla, "NewPreparedMessage"):
		c.bytesWrite(call, "websocket.NewPreparedMessage", lastArg(call))
	case isMethod(fn, coder, "Conn", "Write"):
		c.bytesWrite(call, "(*websocket.Conn).Write", lastArg(call))
	case isMethod(fn, "encoding/json", "Encoder", "Encode"):
		c.checkEncode(call)
	case isMethod(fn, gorilla, "Conn", "ReadJSON"):
		c.directRead(call, "(*websocket.Conn).ReadJSON", "(*websocket.Conn).ReadMessage")
	case isFunc(fn, gorilla, "ReadJSON"):
		c.directRead(call, "websocket.ReadJSON", "(*websocket.Conn).ReadMessage")
	case isFunc(fn, coderJSON, "Read"):
		c.directRead(call, "wsjson.Read", "(*websocket.Conn).Read")
	case isFunc(fn, "encoding/json", "Unmarshal"):
		if len(call.Args) == 2 {
			if op := c.wsMessage(call.Args[0]); op != "" {
				c.decodeRead(call, "json.Unmarshal of a message from "+op)
			}
		}
	case isFunc(fn, "encoding/json", "NewDecoder"):
		if len(call.Args) == 1 {
			if op := c.wsReader(call.Args[0]); op != "" {
				c.decodeRead(call, "json.Decoder on the reader of "+op)
			}
		}
	case fn.Name() == "Write":
		if sel, ok := call.Fun.(*ast.SelectorExpr); ok {
			c.checkWriterWrite(call, sel)
		}
	}
}

// directWrite reports a library call that encodes v as JSON and sends it.
func (c *vetter) directWrite(call *ast.CallExpr, op string, v ast.Expr) {
	if v == nil {
		return
	}
	c.addf(call, "%s writes %s as JSON, bypassing the generated encoder: %s",
		op, c.describe(call.Pos(), v), c.fix(v))
}

// bytesWrite reports a write of data when data is JSON encoded by hand.
func (c *vetter) bytesWrite(call *ast.CallExpr, op string, data ast.Expr) {
	src := c.jsonSource(data, 0)
	if src == nil {
		return
	}
	c.addf(call, "%s writes %s output (%s), bypassing the generated encoder: %s",
		op, src.fn, c.describe(call.Pos(), src.value), c.fix(src.value))
}

// checkWriterWrite reports w.Write(data) when w is a WebSocket message writer and data is
// JSON encoded by hand.
func (c *vetter) checkWriterWrite(call *ast.CallExpr, sel *ast.SelectorExpr) {
	if len(call.Args) != 1 {
		return
	}
	op := c.wsWriter(sel.X)
	if op == "" {
		return
	}
	c.bytesWrite(call, "the writer of "+op, call.Args[0])
}

// checkEncode reports enc.Encode(v) when enc writes to a WebSocket message writer.
func (c *vetter) checkEncode(call *ast.CallExpr) {
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok || len(call.Args) != 1 {
		return
	}
	ne := c.newEncoder(sel.X, 0)
	if ne == nil || len(ne.Args) != 1 {
		return
	}
	op := c.wsWriter(ne.Args[0])
	if op == "" {
		return
	}
	c.addf(call, "json.Encoder on the writer of %s writes %s, bypassing the generated encoder: %s",
		op, c.describe(call.Pos(), call.Args[0]), c.fix(call.Args[0]))
}

// directRead reports a library call that decodes JSON around the generated decoder, in a
// package that has one to use.
func (c *vetter) directRead(call *ast.CallExpr, op, read string) {
	if len(c.genUsed) == 0 {
		return
	}
	p := c.genUsed[0].Name()
	c.addf(call, "%s decodes JSON without the generated decoder: read the message with %s "+
		"and decode it with %s.DecodeClientFrame or %s.DecodeServerFrame (or Dispatch…)", op, read, p, p)
}

// decodeRead reports JSON decoding of a message read from a WebSocket, in a package that
// has a generated decoder to use.
func (c *vetter) decodeRead(call *ast.CallExpr, op string) {
	if len(c.genUsed) == 0 {
		return
	}
	p := c.genUsed[0].Name()
	c.addf(call, "%s bypasses the generated decoder: decode the message with "+
		"%s.DecodeClientFrame or %s.DecodeServerFrame (or Dispatch…)", op, p, p)
}

// addf records a finding that spans call.
func (c *vetter) addf(call *ast.CallExpr, format string, args ...any) {
	c.findings = append(c.findings, finding{pos: call.Pos(), end: call.End(), msg: fmt.Sprintf(format, args...)})
}

// report applies the //framegen:ignore directives and reports what is left, in position
// order.
func (c *vetter) report() {
	fset := c.pass.Fset
	var dirs []*directive
	for _, f := range c.pass.Files {
		dirs = append(dirs, directives(fset, f)...)
	}
	slices.SortFunc(c.findings, func(a, b finding) int { return cmp.Compare(a.pos, b.pos) })
	var out []finding
	for _, fd := range c.findings {
		if d := match(fset, dirs, fd.pos); d != nil {
			d.used = true
			continue
		}
		out = append(out, fd)
	}
	for _, d := range dirs {
		switch {
		case d.reason == "":
			out = append(out, finding{d.pos, d.end, "//framegen:ignore needs a reason: //framegen:ignore <why this is safe>"})
		case !d.used:
			out = append(out, finding{d.pos, d.end, "//framegen:ignore silences no finding on this line or the next: remove it"})
		}
	}
	slices.SortStableFunc(out, func(a, b finding) int { return cmp.Compare(a.pos, b.pos) })
	for _, fd := range out {
		c.pass.Report(analysis.Diagnostic{Pos: fd.pos, End: fd.end, Message: fd.msg})
	}
}

func lastArg(call *ast.CallExpr) ast.Expr {
	if len(call.Args) == 0 {
		return nil
	}
	return call.Args[len(call.Args)-1]
}

// The WebSocket libraries, by import path.
const (
	gorilla   = "github.com/gorilla/websocket"
	coder     = "github.com/coder/websocket"
	coderJSON = "github.com/coder/websocket/wsjson"
)

// libPath returns the import path of p as the constants above spell it: without a vendor
// prefix, and with coder's former path nhooyr.io/websocket mapped to its current one.
func libPath(p *types.Package) string {
	if p == nil {
		return ""
	}
	path := p.Path()
	if i := strings.LastIndex(path, "/vendor/"); i >= 0 {
		path = path[i+len("/vendor/"):]
	}
	if rest, ok := strings.CutPrefix(path, "nhooyr.io/websocket"); ok {
		path = coder + rest
	}
	return path
}

// isFunc reports whether fn is the package-level function name of package path.
func isFunc(fn *types.Func, path, name string) bool {
	if fn == nil || fn.Name() != name || libPath(fn.Pkg()) != path {
		return false
	}
	sig, ok := fn.Type().(*types.Signature)
	return ok && sig.Recv() == nil
}

// isMethod reports whether fn is the method name of the named type typ (or *typ) of
// package path.
func isMethod(fn *types.Func, path, typ, name string) bool {
	if fn == nil || fn.Name() != name || libPath(fn.Pkg()) != path {
		return false
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return false
	}
	t := sig.Recv().Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	named, ok := t.(*types.Named)
	return ok && named.Obj().Name() == typ
}
