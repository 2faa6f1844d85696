package golang

// Struct bodies, unions, and the frame codec of each direction.

import (
	"strconv"

	"github.com/dave/jennifer/jen"

	"github.com/framegen/framegen/schema"
)

// isVariant reports whether o is a variant of a union that some struct holds: it then has
// appendFields, and its decodeJSON takes the union's tag key.
func (p *protocol) isVariant(o *object) bool {
	for _, u := range o.unions {
		if p.unionHeld(u) {
			return true
		}
	}
	return false
}

// bodyFields returns the fields of a struct's JSON body: a frame's own fields, or all of an
// object type's.
func bodyFields(o *object) []*field {
	if o.frame != nil {
		return o.frame.own
	}
	return o.fields
}

// bodyDecodeParams are the parameters of a struct's decodeJSON.
func (p *protocol) bodyDecodeParams(o *object) []jen.Code {
	params := []jen.Code{jen.Id("d").Op("*").Id("decoder")}
	if p.isVariant(o) {
		params = append(params, jen.Id("tag").String())
	}
	if p.splitPolicy() {
		params = append(params, jen.Id("reject").Bool())
	}
	return params
}

// bodyPolicy is the unknown-key policy inside struct bodies and unions.
func (p *protocol) bodyPolicy() policy {
	if p.splitPolicy() {
		return policyParam
	}
	return staticPolicy(p.rejects(schema.Client))
}

// bodyGen is the decodeGen of a body decoder, which passes its own reject parameter on.
func (p *protocol) bodyGen() *decodeGen {
	g := &decodeGen{p: p}
	if p.splitPolicy() {
		g.reject = jen.Id("reject")
	}
	return g
}

// genObjectCodec emits a struct's JSON body methods: appendJSON, appendFields (variants),
// decodeJSON, MarshalJSON and UnmarshalJSON. For a frame, the body is its own fields: no
// tag, no envelope fields.
func (p *protocol) genObjectCodec(f *jen.File, o *object) {
	fields := bodyFields(o)
	recv := func() *jen.Statement { return jen.Id("v").Id(o.name) }
	dstParam := jen.Id("dst").Index().Byte()

	a := p.newAppender(noneWritten)
	a.text("{")
	a.members("v", fields)
	a.text("}")
	f.Line()
	f.Comment("appendJSON writes v's JSON body. Validate has accepted v.")
	f.Func().Params(recv()).Id("appendJSON").Params(dstParam.Clone()).Index().Byte().Block(a.finish()...)

	if p.isVariant(o) {
		a := p.newAppender(someWritten)
		a.members("v", fields)
		f.Line()
		f.Comment("appendFields writes v's members, each after a comma, for a union value whose tag")
		f.Comment("has been written.")
		f.Func().Params(recv()).Id("appendFields").Params(dstParam.Clone()).Index().Byte().Block(a.finish()...)
	}

	g := p.bodyGen()
	od := objectDecoder{members: fieldMembers(fields), tagParam: p.isVariant(o), policy: p.bodyPolicy()}
	f.Line()
	f.Comment("decodeJSON reads v's JSON body from d.")
	if od.tagParam {
		f.Comment("A non-empty tag names a member to skip: the union tag of a variant.")
	}
	f.Func().Params(jen.Id("v").Op("*").Id(o.name)).Id("decodeJSON").Params(p.bodyDecodeParams(o)...).Error().Block(g.object(od)...)

	f.Line()
	if o.frame != nil {
		f.Comment("MarshalJSON implements json.Marshaler for the frame's body: its own fields, without")
		f.Comment("tag or envelope fields. It returns Validate's error, if any, and writes nothing.")
	} else {
		f.Comment("MarshalJSON implements json.Marshaler. It returns Validate's error, if any, and")
		f.Comment("writes nothing.")
	}
	f.Func().Params(recv()).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).Block(
		jen.If(jen.Err().Op(":=").Id("v").Dot("Validate").Call(), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
		jen.Return(jen.Id("encodeBuffered").Call(jen.Func().Params(dstParam.Clone()).Params(jen.Index().Byte(), jen.Error()).Block(
			jen.Return(jen.Id("v").Dot("appendJSON").Call(jen.Id("dst")), jen.Nil()),
		))),
	)

	root := &decodeGen{p: p}
	if p.splitPolicy() {
		root.reject = jen.Lit(p.rootReject(o.frame))
	}
	call := jen.Id("x").Dot("decodeJSON").Call(root.decodeArgs(jen.Op("&").Id("d"), o)...)
	var keep []jen.Code
	if o.frame != nil {
		for _, fl := range o.fields {
			if fl.envelope != 0 {
				keep = append(keep, jen.Id("x").Dot(fl.name).Op("=").Id("v").Dot(fl.name))
			}
		}
	}
	f.Line()
	if o.frame != nil {
		f.Comment("UnmarshalJSON implements json.Unmarshaler for the frame's body, with every check of the")
		f.Comment("frame decoders; envelope fields keep their values. On error v is unchanged.")
	} else {
		f.Comment("UnmarshalJSON implements json.Unmarshaler with every check of the frame decoders. On")
		f.Comment("error v is unchanged.")
	}
	f.Func().Params(jen.Id("v").Op("*").Id(o.name)).Id("UnmarshalJSON").Params(jen.Id("data").Index().Byte()).Error().Block(
		unmarshalBody(o.name, call, keep...)...,
	)
}

// genUnionCodec emits a union's encoder and decoder, when a struct holds the union:
//
//	func appendUnionAttachment(dst []byte, u Attachment) []byte {
//		switch v := u.(type) {
//		case ImageAttachment:
//			dst = append(dst, "{\"kind\":\"image\""...)
//			dst = v.appendFields(dst)
//			return append(dst, '}')
//		case *ImageAttachment:
//			if v == nil {
//				break
//			}
//			…
//		}
//		return append(dst, "null"...)
//	}
//
//	func decodeUnionAttachment(d *decoder) (Attachment, error) {
//		tag, err := d.findStringTag("kind")
//		if err != nil {
//			return nil, err
//		}
//		switch string(tag) {
//		case "image":
//			var v ImageAttachment
//			if err := v.decodeJSON(d, "kind"); err != nil {
//				return nil, err
//			}
//			return v, nil
//		…
//		}
//		return nil, atKey(unknownEnum("Attachment", tag, "image, file"), "kind")
//	}
func (p *protocol) genUnionCodec(f *jen.File, u *union) {
	if !p.unionHeld(u) {
		return
	}
	tagKey := u.m.TagKey
	var cases []jen.Code
	for _, vr := range u.variants {
		write := []jen.Code{
			appendText("{" + jsonText(tagKey) + ":" + jsonText(vr.m.Tag)),
			jen.Id("dst").Op("=").Id("v").Dot("appendFields").Call(jen.Id("dst")),
			jen.Return(jen.Append(jen.Id("dst"), jen.LitRune('}'))),
		}
		cases = append(cases,
			jen.Case(jen.Id(vr.object.name)).Block(write...),
			jen.Case(jen.Op("*").Id(vr.object.name)).Block(append([]jen.Code{jen.If(jen.Id("v").Op("==").Nil()).Block(jen.Break())}, write...)...),
		)
	}
	f.Line()
	f.Commentf("appendUnion%s writes a %s value, its tag key first. Validate has accepted u; a", u.name, u.name)
	f.Comment("nil value is written as null.")
	f.Func().Id("appendUnion"+u.name).Params(jen.Id("dst").Index().Byte(), jen.Id("u").Id(u.name)).Index().Byte().Block(
		jen.Switch(jen.Id("v").Op(":=").Id("u").Assert(jen.Type())).Block(cases...),
		jen.Return(jen.Append(jen.Id("dst"), jen.Lit("null").Op("..."))),
	)

	g := p.bodyGen()
	params := []jen.Code{jen.Id("d").Op("*").Id("decoder")}
	if p.splitPolicy() {
		params = append(params, jen.Id("reject").Bool())
	}
	var dcases []jen.Code
	var tags []string
	for _, vr := range u.variants {
		args := []jen.Code{jen.Id("d"), jen.Lit(tagKey)}
		if g.reject != nil {
			args = append(args, g.reject)
		}
		dcases = append(dcases, jen.Case(jen.Lit(vr.m.Tag)).Block(
			jen.Var().Id("v").Id(vr.object.name),
			jen.If(jen.Err().Op(":=").Id("v").Dot("decodeJSON").Call(args...), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
			jen.Return(jen.Id("v"), jen.Nil()),
		))
		tags = append(tags, vr.m.Tag)
	}
	f.Line()
	f.Commentf("decodeUnion%s reads a %s value: an object whose %q member names the variant.", u.name, u.name, tagKey)
	f.Func().Id("decodeUnion"+u.name).Params(params...).Params(jen.Id(u.name), jen.Error()).Block(
		jen.List(jen.Id("tag"), jen.Err()).Op(":=").Id("d").Dot("findStringTag").Call(jen.Lit(tagKey)),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
		jen.Switch(jen.String().Call(jen.Id("tag"))).Block(dcases...),
		jen.Return(jen.Nil(), jen.Id("atKey").Call(
			jen.Id("unknownEnum").Call(jen.Lit(u.m.Name.Wire), jen.Id("tag"), jen.Lit(joinComma(tags))), jen.Lit(tagKey))),
	)
}

// joinComma joins names for error reasons: "image, file".
func joinComma(names []string) string {
	s := ""
	for i, n := range names {
		if i > 0 {
			s += ", "
		}
		s += n
	}
	return s
}

// envelopeFields returns the struct fields of fr that carry channel c's envelope fields.
func envelopeFields(fr *frame, c *channel) []*field {
	var out []*field
	for _, ef := range c.m.Envelope.Fields() {
		out = append(out, fr.fieldByWire(ef.Name.Wire))
	}
	return out
}

// tagJSON is a frame's tag as JSON text.
func tagJSON(t schema.Tag) string {
	if t.IsInt {
		return strconv.FormatInt(t.Int, 10)
	}
	return jsonText(t.Str)
}

// genFrameAppend emits a frame's wire form in direction c, per the envelope's tagging:
//
//	// appendServerFrame writes v as a server frame. Validate has accepted v.
//	func (v AuthError) appendServerFrame(dst []byte) []byte {
//		dst = append(dst, "{\"type\":\"auth_error\",\"code\":"...)
//		dst = v.Code.appendJSON(dst)
//		…
//		return append(dst, '}')
//	}
//
// adjacent: {"type":"x",<envelope>,"payload":<body>}; external: {"x":<body>,<envelope>}.
func (p *protocol) genFrameAppend(f *jen.File, fr *frame, c *channel) {
	env := c.m.Envelope
	a := p.newAppender(someWritten)
	switch env.Tagging {
	case schema.Internal:
		a.text("{" + jsonText(env.TagKey) + ":" + tagJSON(fr.m.Tag))
		a.members("v", envelopeFields(fr, c))
		a.members("v", fr.own)
	case schema.Adjacent:
		a.text("{" + jsonText(env.TagKey) + ":" + tagJSON(fr.m.Tag))
		a.members("v", envelopeFields(fr, c))
		if len(fr.own) > 0 {
			a.text("," + jsonText(env.ContentKey) + ":")
			a.add(jen.Id("dst").Op("=").Id("v").Dot("appendJSON").Call(jen.Id("dst")))
		}
	case schema.External:
		a.text("{" + tagJSON(fr.m.Tag) + ":")
		a.add(jen.Id("dst").Op("=").Id("v").Dot("appendJSON").Call(jen.Id("dst")))
		a.members("v", envelopeFields(fr, c))
	}
	a.text("}")
	name := "append" + c.prefix + "Frame"
	f.Line()
	f.Commentf("%s writes v as a %s frame. Validate has accepted v.", name, c.m.Side)
	f.Func().Params(jen.Id("v").Id(fr.name)).Id(name).Params(jen.Id("dst").Index().Byte()).Index().Byte().Block(a.finish()...)
}

// genFrameDecode emits the reader of a frame's whole wire object in direction c, called
// once the tag has chosen the frame:
//
//	func (v *AuthRequest) decodeClientFrame(d *decoder) error {
//		… the object decoder, with members "type" (skipped: the tag), the envelope fields,
//		and the own fields (internal), the content key (adjacent) or the tag (external)
//	}
func (p *protocol) genFrameDecode(f *jen.File, fr *frame, c *channel) {
	env := c.m.Envelope
	g := &decodeGen{p: p}
	if p.splitPolicy() {
		g.reject = jen.Lit(p.rejects(c.side))
	}
	od := objectDecoder{policy: staticPolicy(p.rejects(c.side))}
	skipTag := member{key: env.TagKey, body: []jen.Code{
		jen.If(jen.Err().Op("=").Id("d").Dot("skip").Call(), jen.Err().Op("!=").Nil()).Block(
			jen.Return(jen.Id("atKey").Call(jen.Err(), jen.Lit(env.TagKey)))),
	}}
	body := func(key string) []jen.Code {
		return []jen.Code{jen.If(jen.Err().Op("=").Id("v").Dot("decodeJSON").Call(g.decodeArgs(jen.Id("d"), fr.object)...), jen.Err().Op("!=").Nil()).Block(
			jen.Return(jen.Id("atKey").Call(jen.Err(), jen.Lit(key))))}
	}
	switch env.Tagging {
	case schema.Internal:
		od.members = append([]member{skipTag}, fieldMembers(envelopeFields(fr, c))...)
		od.members = append(od.members, fieldMembers(fr.own)...)
	case schema.Adjacent:
		od.members = append([]member{skipTag}, fieldMembers(envelopeFields(fr, c))...)
		required := false
		for _, fl := range fr.own {
			required = required || !fl.m.Optional
		}
		content := member{key: env.ContentKey, body: body(env.ContentKey), required: required}
		if !required {
			// No required field: the content may be absent or null.
			content.body = []jen.Code{jen.If(jen.Op("!").Id("d").Dot("null").Call()).Block(content.body...)}
		}
		od.members = append(od.members, content)
	case schema.External:
		// findExternalTag has refused any key beside the tag and the envelope fields.
		od.policy = policyReject
		tag := fr.m.Tag.Str
		od.members = append([]member{{key: tag, body: body(tag), required: true}}, fieldMembers(envelopeFields(fr, c))...)
	}
	name := "decode" + c.prefix + "Frame"
	f.Line()
	f.Commentf("%s reads v from a %s frame whose tag has chosen %s.", name, c.m.Side, fr.name)
	f.Func().Params(jen.Id("v").Op("*").Id(fr.name)).Id(name).Params(jen.Id("d").Op("*").Id("decoder")).Error().Block(g.object(od)...)
}
