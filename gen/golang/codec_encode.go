package golang

// Encoders: statements that append a struct's members, or a value, to dst. Constant text
// (keys with their quotes, colon and comma; brackets) is merged into one append per run.

import (
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/framegen/framegen/schema"
)

// commaState is what an appender knows, while emitting, about the members already written
// into the object it is filling.
type commaState uint8

const (
	noneWritten  commaState = iota // none: the next key needs no comma
	someWritten                    // at least one: the next key needs a comma
	maybeWritten                   // depends on optional members: compare len(dst) with start
)

// appender collects the statements that append JSON to dst.
type appender struct {
	p     *protocol
	lit   strings.Builder // constant text not yet appended
	stmts []jen.Code
	state commaState
	depth int // nesting of lists and maps, for loop variable names
	// startAt is where `start := len(dst)` goes, when a maybeWritten key needs it; root is
	// the appender that holds it (nested blocks write into children).
	startAt   int
	needStart bool
	root      *appender
}

func (p *protocol) newAppender(state commaState) *appender {
	a := &appender{p: p, state: state, startAt: -1}
	a.root = a
	return a
}

// text queues constant text.
func (a *appender) text(s string) { a.lit.WriteString(s) }

// flush appends the queued constant text.
func (a *appender) flush() {
	if a.lit.Len() == 0 {
		return
	}
	a.stmts = append(a.stmts, appendText(a.lit.String()))
	a.lit.Reset()
}

// add flushes, then adds statements.
func (a *appender) add(c ...jen.Code) {
	a.flush()
	a.stmts = append(a.stmts, c...)
}

// child returns an appender for a nested block that continues a's object.
func (a *appender) child() *appender {
	return &appender{p: a.p, state: a.state, depth: a.depth, startAt: -1, root: a.root}
}

// block returns the child's statements, flushed.
func (c *appender) block() []jen.Code {
	c.flush()
	return c.stmts
}

// finish returns a's statements, ending with `return dst` (or `return append(dst, …)`).
func (a *appender) finish() []jen.Code {
	var ret jen.Code
	if a.lit.Len() > 0 {
		s := a.lit.String()
		a.lit.Reset()
		if len(s) == 1 {
			ret = jen.Return(jen.Append(jen.Id("dst"), jen.LitRune(rune(s[0]))))
		} else {
			ret = jen.Return(jen.Append(jen.Id("dst"), jen.Lit(s).Op("...")))
		}
	} else {
		ret = jen.Return(jen.Id("dst"))
	}
	out := a.stmts
	if a.needStart {
		decl := jen.Id("start").Op(":=").Len(jen.Id("dst"))
		out = append(out[:a.startAt:a.startAt], append([]jen.Code{decl}, out[a.startAt:]...)...)
	}
	return append(out, ret)
}

// key writes a member's key, with the comma the state calls for.
func (a *appender) key(wire string) {
	switch a.state {
	case noneWritten:
		a.text(jsonText(wire) + ":")
	case someWritten:
		a.text("," + jsonText(wire) + ":")
	case maybeWritten:
		a.root.needStart = true
		a.add(jen.If(jen.Len(jen.Id("dst")).Op(">").Id("start")).Block(dstAppend(jen.LitRune(','))))
		a.text(jsonText(wire) + ":")
	}
	a.state = someWritten
}

// cond emits `if cond { … }` around members that may be left out.
func (a *appender) cond(cond jen.Code, build func(c *appender)) {
	a.flush()
	if a.state == noneWritten && a.root == a && a.startAt < 0 {
		a.startAt = len(a.stmts)
	}
	c := a.child()
	build(c)
	a.stmts = append(a.stmts, jen.If(cond).Block(c.block()...))
	if a.state != someWritten {
		a.state = maybeWritten
	}
}

// members writes fields of the struct value recv:
//
//	dst = append(dst, "{\"code\":"...)
//	dst = v.Code.appendJSON(dst)
//	dst = append(dst, ",\"message\":"...)
//	dst = appendString(dst, v.Message)
//	if v.RetryAfterMs != nil {
//		dst = append(dst, ",\"retry_after_ms\":"...)
//		dst = appendInt(dst, *v.RetryAfterMs)
//	}
func (a *appender) members(recv string, fields []*field) {
	for _, f := range fields {
		a.member(recv, f)
	}
}

// member writes one field, per its representation (DESIGN.md's optional/nullable table):
// an absent optional field is left out, a null one is written as null.
func (a *appender) member(recv string, f *field) {
	sel := func() *jen.Statement { return jen.Id(recv).Dot(f.name) }
	t := f.m.Type
	wire := f.m.Name.Wire
	switch {
	case f.repr == reprNull:
		a.cond(sel().Op("!=").Nil(), func(c *appender) {
			c.key(wire)
			c.ifElse(sel().Dot("Valid"), func(c *appender) { c.value(t, sel().Dot("V")) }, func(c *appender) { c.text("null") })
		})
	case f.repr == reprValue:
		a.key(wire)
		a.value(t, sel())
	case f.m.Optional:
		a.cond(sel().Op("!=").Nil(), func(c *appender) {
			c.key(wire)
			c.value(t, deref(f, sel()))
		})
	case f.m.Nullable && t.Kind != schema.KindJSON:
		a.key(wire)
		a.ifElse(sel().Op("==").Nil(), func(c *appender) { c.text("null") }, func(c *appender) { c.value(t, deref(f, sel())) })
	default:
		// Required and nilable: a nil list, map or bytes is empty; a nil json is null, and a
		// nil union cannot pass Validate.
		a.key(wire)
		a.value(t, sel())
	}
}

// deref unwraps a reprPointer field's value. Methods of enums and objects have value
// receivers, so the pointer itself serves there.
func deref(f *field, sel *jen.Statement) *jen.Statement {
	if f.repr != reprPointer {
		return sel
	}
	switch f.m.Type.Kind {
	case schema.KindEnum, schema.KindObject:
		return sel
	}
	return jen.Op("*").Add(sel)
}

// ifElse emits `if cond { … } else { … }`; the state after it is the branches' (they write
// the same members).
func (a *appender) ifElse(cond jen.Code, then, els func(c *appender)) {
	a.flush()
	t, e := a.child(), a.child()
	then(t)
	els(e)
	a.stmts = append(a.stmts, jen.If(cond).Block(t.block()...).Else().Block(e.block()...))
	a.state = t.state
}

// loopVars returns the names of a loop's index, element and key variables at a's depth.
func (a *appender) loopVars() (i, e, k string) {
	if a.depth == 0 {
		return "i", "e", "k"
	}
	n := strconv.Itoa(a.depth + 1)
	return "i" + n, "e" + n, "k" + n
}

// value writes the value x of type t:
//
//	dst = appendString(dst, v.Text)
//	dst = append(dst, ",\"mentions\":["...)
//	for i, e := range v.Mentions {
//		if i > 0 {
//			dst = append(dst, ',')
//		}
//		dst = appendString(dst, e)
//	}
//	dst = append(dst, ']')
func (a *appender) value(t *schema.Type, x *jen.Statement) {
	call := func(fn string) { a.add(jen.Id("dst").Op("=").Id(fn).Call(jen.Id("dst"), x)) }
	switch t.Kind {
	case schema.KindString:
		call("appendString")
	case schema.KindBool:
		call("appendBool")
	case schema.KindInt:
		call("appendInt")
	case schema.KindInt32:
		a.add(jen.Id("dst").Op("=").Id("appendInt").Call(jen.Id("dst"), jen.Int64().Call(x)))
	case schema.KindFloat:
		call("appendFloat")
	case schema.KindTime:
		call("appendTime")
	case schema.KindUUID:
		call("appendUUID")
	case schema.KindBytes:
		call("appendBase64")
	case schema.KindJSON:
		call("appendRawJSON")
	case schema.KindEnum, schema.KindObject:
		a.add(jen.Id("dst").Op("=").Add(x).Dot("appendJSON").Call(jen.Id("dst")))
	case schema.KindUnion:
		call("appendUnion" + a.p.unionOf[t.Union].name)
	case schema.KindList:
		i, e, _ := a.loopVars()
		a.text("[")
		a.flush()
		c := a.child()
		c.depth++
		c.value(t.Elem, jen.Id(e))
		body := append([]jen.Code{jen.If(jen.Id(i).Op(">").Lit(0)).Block(dstAppend(jen.LitRune(',')))}, c.block()...)
		a.stmts = append(a.stmts, jen.For(jen.List(jen.Id(i), jen.Id(e)).Op(":=").Range().Add(x)).Block(body...))
		a.text("]")
	case schema.KindMap:
		// Keys in order, as encoding/json writes them, so that output is deterministic.
		i, _, k := a.loopVars()
		a.text("{")
		a.flush()
		c := a.child()
		c.depth++
		c.add(jen.Id("dst").Op("=").Id("appendString").Call(jen.Id("dst"), jen.Id(k)))
		c.text(":")
		c.value(t.Elem, jen.Add(x).Index(jen.Id(k)))
		body := append([]jen.Code{jen.If(jen.Id(i).Op(">").Lit(0)).Block(dstAppend(jen.LitRune(',')))}, c.block()...)
		keys := jen.Qual("slices", "Sorted").Call(jen.Qual("maps", "Keys").Call(x))
		a.stmts = append(a.stmts, jen.For(jen.List(jen.Id(i), jen.Id(k)).Op(":=").Range().Add(keys)).Block(body...))
		a.text("}")
	}
}
