package golang

// Decoders: one pass over the input with the runtime's scanner. Keys are compared with
// `switch string(key)`, repeats caught with a bitset, required keys checked at the end.

import (
	"math"
	"strconv"

	"github.com/dave/jennifer/jen"

	"github.com/framegen/framegen/schema"
)

// policy is how an object decoder treats a key it does not name.
type policy uint8

const (
	policyIgnore policy = iota // skip it (repeats are still an error)
	policyReject               // KindUnknownKey
	policyParam                // the decoder's reject parameter decides
)

// staticPolicy converts a direction's rule.
func staticPolicy(reject bool) policy {
	if reject {
		return policyReject
	}
	return policyIgnore
}

// decodeGen emits decoder statements. reject is what a decoder passes on to the object and
// union decoders it calls when the policy is a parameter (p.splitPolicy): the identifier
// reject inside a body decoder, a literal in a frame decoder. It is nil otherwise.
type decodeGen struct {
	p      *protocol
	reject jen.Code
}

// member is one key an object decoder knows.
type member struct {
	key      string
	field    *field     // read into v.<field>, or
	body     []jen.Code // the case body, after the duplicate check
	required bool
}

// objectDecoder is everything about one object that a decoder reads into v.
type objectDecoder struct {
	members  []member
	tagParam bool // a union variant: skip the member the `tag` parameter names
	policy   policy
}

// fieldMembers returns the members of fields.
func fieldMembers(fields []*field) []member {
	out := make([]member, len(fields))
	for i, f := range fields {
		out[i] = member{key: f.m.Name.Wire, field: f, required: !f.m.Optional}
	}
	return out
}

// bit is the mask of member i within its word of the seen bitset.
func bit(i int) jen.Code {
	return maskLit(uint64(1) << (i % 64))
}

// maskLit writes a mask as a constant: decimal, or uint64(0x…) when the top bit is set.
func maskLit(m uint64) jen.Code {
	if m > math.MaxInt64 {
		return jen.Lit(m)
	}
	return jen.Lit(int(m))
}

// object returns the body of a decoder that reads one object into v:
//
//	if err := d.beginObject(); err != nil {
//		return err
//	}
//	var seen uint64
//	var unknown keySet
//	for {
//		key, ok, err := d.nextKey()
//		if err != nil {
//			return err
//		}
//		if !ok {
//			break
//		}
//		switch string(key) {
//		case "message":
//			if seen&2 != 0 {
//				return duplicateKey("message")
//			}
//			seen |= 2
//			if v.Message, err = d.readString(); err != nil {
//				return atKey(err, "message")
//			}
//		default:
//			if err := d.skipUnknown(&unknown); err != nil {
//				return err
//			}
//		}
//	}
//	if seen&3 != 3 {
//		if seen&1 == 0 {
//			return missingKey("code")
//		}
//		…
//	}
//	return nil
func (g *decodeGen) object(od objectDecoder) []jen.Code {
	n := len(od.members)
	if od.tagParam {
		n++
	}
	words := (n + 63) / 64
	seenAt := func(i int) *jen.Statement {
		if words > 1 {
			return jen.Id("seen").Index(jen.Lit(i / 64))
		}
		return jen.Id("seen")
	}
	// dup is the duplicate check and the mark of member i.
	dup := func(i int, key jen.Code) []jen.Code {
		return []jen.Code{
			jen.If(seenAt(i).Op("&").Add(bit(i)).Op("!=").Lit(0)).Block(jen.Return(jen.Id("duplicateKey").Call(key))),
			seenAt(i).Op("|=").Add(bit(i)),
		}
	}
	out := []jen.Code{
		jen.If(jen.Err().Op(":=").Id("d").Dot("beginObject").Call(), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
	}
	switch {
	case words == 1:
		out = append(out, jen.Var().Id("seen").Uint64())
	case words > 1:
		out = append(out, jen.Var().Id("seen").Index(jen.Lit(words)).Uint64())
	}
	if od.policy != policyReject {
		out = append(out, jen.Var().Id("unknown").Id("keySet"))
	}

	var cases []jen.Code
	for i, m := range od.members {
		body := dup(i, jen.Lit(m.key))
		if m.field != nil {
			body = append(body, g.fieldRead(m.field)...)
		} else {
			body = append(body, m.body...)
		}
		cases = append(cases, jen.Case(jen.Lit(m.key)).Block(body...))
	}
	var dflt []jen.Code
	if od.tagParam {
		skip := append(dup(n-1, jen.Id("tag")),
			jen.If(jen.Err().Op("=").Id("d").Dot("skip").Call(), jen.Err().Op("!=").Nil()).Block(
				jen.Return(jen.Id("atKey").Call(jen.Err(), jen.Id("tag")))),
			jen.Continue(),
		)
		dflt = append(dflt, jen.If(jen.Id("tag").Op("!=").Lit("").Op("&&").String().Call(jen.Id("key")).Op("==").Id("tag")).Block(skip...))
	}
	skipUnknown := jen.If(jen.Err().Op(":=").Id("d").Dot("skipUnknown").Call(jen.Op("&").Id("unknown")), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err()))
	rejectKey := jen.Return(jen.Id("unknownKey").Call(jen.Id("key")))
	switch od.policy {
	case policyIgnore:
		dflt = append(dflt, skipUnknown)
	case policyReject:
		dflt = append(dflt, rejectKey)
	case policyParam:
		dflt = append(dflt, jen.If(jen.Id("reject")).Block(rejectKey), skipUnknown)
	}
	var dispatch []jen.Code
	if len(cases) == 0 {
		dispatch = dflt
	} else {
		dispatch = []jen.Code{jen.Switch(jen.String().Call(jen.Id("key"))).Block(append(cases, jen.Default().Block(dflt...))...)}
	}
	keyVar := "key"
	if len(cases) == 0 && !od.tagParam && od.policy == policyIgnore {
		keyVar = "_" // skipUnknown knows the key
	}
	loop := append([]jen.Code{
		jen.List(jen.Id(keyVar), jen.Id("ok"), jen.Err()).Op(":=").Id("d").Dot("nextKey").Call(),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
		jen.If(jen.Op("!").Id("ok")).Block(jen.Break()),
	}, dispatch...)
	out = append(out, jen.For().Block(loop...))
	return append(append(out, g.missing(od.members, words, seenAt)...), jen.Return(jen.Nil()))
}

// missing checks, in member order, that every required member was seen. With one word of
// bits, a single comparison covers the common case.
func (g *decodeGen) missing(members []member, words int, seenAt func(int) *jen.Statement) []jen.Code {
	var checks []jen.Code
	var mask uint64
	for i, m := range members {
		if !m.required {
			continue
		}
		mask |= 1 << (i % 64)
		checks = append(checks, jen.If(seenAt(i).Op("&").Add(bit(i)).Op("==").Lit(0)).Block(
			jen.Return(jen.Id("missingKey").Call(jen.Lit(m.key)))))
	}
	if words == 1 && len(checks) > 1 {
		return []jen.Code{jen.If(jen.Id("seen").Op("&").Add(maskLit(mask)).Op("!=").Add(maskLit(mask))).Block(checks...)}
	}
	return checks
}

// fieldRead reads field f into v.<f>, per its representation, and checks its constraints:
//
//	if !d.null() {
//		var x string
//		if x, err = d.readString(); err != nil {
//			return atKey(err, "avatar_url")
//		}
//		v.AvatarURL = &x
//	}
func (g *decodeGen) fieldRead(f *field) []jen.Code {
	wire := f.m.Name.Wire
	wrap := func(err jen.Code) jen.Code { return jen.Id("atKey").Call(err, jen.Lit(wire)) }
	sel := func() *jen.Statement { return jen.Id("v").Dot(f.name) }
	t := f.m.Type
	checked := func(target *jen.Statement) []jen.Code {
		fail := func(reason jen.Code) jen.Code {
			return jen.Return(wrap(jen.Id("constraintError").Call(reason)))
		}
		out := g.value(t, target, wrap, 0)
		return append(out, g.p.constraintChecks(f, target, checkOpts{constraintsOnly: true}, fail)...)
	}
	local := func(assign jen.Code) []jen.Code {
		out := append([]jen.Code{jen.Var().Id("x").Add(g.p.goType(t))}, checked(jen.Id("x"))...)
		return append(out, assign)
	}
	switch {
	case f.repr == reprValue || t.Kind == schema.KindJSON:
		// A json field reads null as the value null.
		return checked(sel())
	case f.repr == reprNull:
		null := sel().Op("=").Op("&").Id("Null").Types(g.p.goType(t)).Values()
		set := sel().Op("=").Op("&").Id("Null").Types(g.p.goType(t)).Values(jen.Dict{
			jen.Id("V"): jen.Id("x"), jen.Id("Valid"): jen.True(),
		})
		return []jen.Code{jen.If(jen.Id("d").Dot("null").Call()).Block(null).Else().Block(local(set)...)}
	}
	var read []jen.Code
	if f.repr == reprPointer {
		read = local(sel().Op("=").Op("&").Id("x"))
	} else {
		read = checked(sel())
	}
	if f.m.Nullable {
		return []jen.Code{jen.If(jen.Op("!").Id("d").Dot("null").Call()).Block(read...)}
	}
	return read
}

// decodeArgs are the arguments of a call to the decodeJSON of struct o or of a union
// decoder (o == nil): d, the variant tag "" when o is a variant read on its own, and the
// policy when it is a parameter.
func (g *decodeGen) decodeArgs(d jen.Code, o *object) []jen.Code {
	args := []jen.Code{d}
	if o != nil && g.p.isVariant(o) {
		args = append(args, jen.Lit(""))
	}
	if g.reject != nil {
		args = append(args, g.reject)
	}
	return args
}

// value reads a value of type t into target; wrap adds the path of the value to an error:
//
//	if v.SentAt, err = d.readTime(); err != nil {
//		return atKey(err, "sent_at")
//	}
func (g *decodeGen) value(t *schema.Type, target *jen.Statement, wrap func(jen.Code) jen.Code, depth int) []jen.Code {
	fail := jen.Return(wrap(jen.Err()))
	read := func(fn string) []jen.Code {
		return []jen.Code{jen.If(jen.List(target, jen.Err()).Op("=").Id("d").Dot(fn).Call(), jen.Err().Op("!=").Nil()).Block(fail)}
	}
	check := func(call jen.Code) []jen.Code {
		return []jen.Code{jen.If(jen.Err().Op("=").Add(call), jen.Err().Op("!=").Nil()).Block(fail)}
	}
	switch t.Kind {
	case schema.KindString:
		return read("readString")
	case schema.KindBool:
		return read("readBool")
	case schema.KindInt:
		return read("readInt64")
	case schema.KindInt32:
		return read("readInt32")
	case schema.KindFloat:
		return read("readFloat64")
	case schema.KindTime:
		return read("readTime")
	case schema.KindUUID:
		return read("readUUID")
	case schema.KindBytes:
		return read("readBytes")
	case schema.KindJSON:
		return read("readRaw")
	case schema.KindEnum:
		return check(jen.Add(target).Dot("decodeJSON").Call(jen.Id("d")))
	case schema.KindObject:
		return check(jen.Add(target).Dot("decodeJSON").Call(g.decodeArgs(jen.Id("d"), g.p.objectOf[t.Object])...))
	case schema.KindUnion:
		call := jen.Id("decodeUnion" + g.p.unionOf[t.Union].name).Call(g.decodeArgs(jen.Id("d"), nil)...)
		return []jen.Code{jen.If(jen.List(target, jen.Err()).Op("=").Add(call), jen.Err().Op("!=").Nil()).Block(fail)}
	case schema.KindList:
		return g.list(t, target, wrap, depth)
	case schema.KindMap:
		return g.mapValue(t, target, wrap, depth)
	}
	return nil
}

// depthNames returns loop variable names for nesting depth: i, more, e at 0; i2 … below.
func depthNames(depth int, names ...string) []string {
	if depth == 0 {
		return names
	}
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = n + strconv.Itoa(depth+1)
	}
	return out
}

// list reads an array; the slice is non-nil, so that [] stays distinct from absent:
//
//	if err = d.beginArray(); err != nil {
//		return atKey(err, "mentions")
//	}
//	v.Mentions = []string{}
//	for i := 0; ; i++ {
//		more, err := d.nextElem()
//		if err != nil {
//			return atKey(err, "mentions")
//		}
//		if !more {
//			break
//		}
//		var e string
//		if e, err = d.readString(); err != nil {
//			return atKey(atIndex(err, i), "mentions")
//		}
//		if i == 0 {
//			v.Mentions = make([]string, 0, 4)
//		}
//		v.Mentions = append(v.Mentions, e)
//	}
func (g *decodeGen) list(t *schema.Type, target *jen.Statement, wrap func(jen.Code) jen.Code, depth int) []jen.Code {
	names := depthNames(depth, "i", "more", "e")
	i, more, e := names[0], names[1], names[2]
	inner := func(err jen.Code) jen.Code { return wrap(jen.Id("atIndex").Call(err, jen.Id(i))) }
	body := []jen.Code{
		jen.List(jen.Id(more), jen.Err()).Op(":=").Id("d").Dot("nextElem").Call(),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(wrap(jen.Err()))),
		jen.If(jen.Op("!").Id(more)).Block(jen.Break()),
		jen.Var().Id(e).Add(g.p.goType(t.Elem)),
	}
	body = append(body, g.value(t.Elem, jen.Id(e), inner, depth+1)...)
	body = append(body,
		// Room for a few elements at the first one: short lists grow once, empty ones never.
		jen.If(jen.Id(i).Op("==").Lit(0)).Block(jen.Add(target).Op("=").Make(g.p.goType(t), jen.Lit(0), jen.Lit(4))),
		jen.Add(target).Op("=").Append(target, jen.Id(e)),
	)
	return []jen.Code{
		jen.If(jen.Err().Op("=").Id("d").Dot("beginArray").Call(), jen.Err().Op("!=").Nil()).Block(jen.Return(wrap(jen.Err()))),
		jen.Add(target).Op("=").Add(g.p.goType(t)).Values(),
		jen.For(jen.Id(i).Op(":=").Lit(0), jen.Empty(), jen.Id(i).Op("++")).Block(body...),
	}
}

// mapValue reads an object into a map; a repeated key is KindDuplicateKey:
//
//	if err = d.beginObject(); err != nil {
//		return atKey(err, "labels")
//	}
//	v.Labels = map[string]string{}
//	for {
//		mk, more, err := d.nextKey()
//		if err != nil {
//			return atKey(err, "labels")
//		}
//		if !more {
//			break
//		}
//		k := string(mk)
//		if _, dup := v.Labels[k]; dup {
//			return atKey(duplicateKey(k), "labels")
//		}
//		var e string
//		if e, err = d.readString(); err != nil {
//			return atKey(atKey(err, k), "labels")
//		}
//		v.Labels[k] = e
//	}
func (g *decodeGen) mapValue(t *schema.Type, target *jen.Statement, wrap func(jen.Code) jen.Code, depth int) []jen.Code {
	names := depthNames(depth, "mk", "more", "k", "e")
	mk, more, k, e := names[0], names[1], names[2], names[3]
	inner := func(err jen.Code) jen.Code { return wrap(jen.Id("atKey").Call(err, jen.Id(k))) }
	body := []jen.Code{
		jen.List(jen.Id(mk), jen.Id(more), jen.Err()).Op(":=").Id("d").Dot("nextKey").Call(),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(wrap(jen.Err()))),
		jen.If(jen.Op("!").Id(more)).Block(jen.Break()),
		jen.Id(k).Op(":=").String().Call(jen.Id(mk)),
		jen.If(jen.List(jen.Id("_"), jen.Id("dup")).Op(":=").Add(target).Index(jen.Id(k)), jen.Id("dup")).Block(
			jen.Return(wrap(jen.Id("duplicateKey").Call(jen.Id(k))))),
		jen.Var().Id(e).Add(g.p.goType(t.Elem)),
	}
	body = append(body, g.value(t.Elem, jen.Id(e), inner, depth+1)...)
	body = append(body, jen.Add(target).Index(jen.Id(k)).Op("=").Id(e))
	return []jen.Code{
		jen.If(jen.Err().Op("=").Id("d").Dot("beginObject").Call(), jen.Err().Op("!=").Nil()).Block(jen.Return(wrap(jen.Err()))),
		jen.Add(target).Op("=").Add(g.p.goType(t)).Values(),
		jen.For().Block(body...),
	}
}
