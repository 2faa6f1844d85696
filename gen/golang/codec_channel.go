package golang

// The exported frame codec of one direction: Encode<Side>Frame, Append<Side>Frame and
// Decode<Side>Frame.

import (
	"strconv"

	"github.com/dave/jennifer/jen"

	"github.com/framegen/framegen/schema"
)

// genChannelEncode emits the encoders of the frames c's side sends:
//
//	func EncodeServerFrame(f ServerFrame) ([]byte, error) {
//		return encodeBuffered(func(dst []byte) ([]byte, error) { return AppendServerFrame(dst, f) })
//	}
//
//	func AppendServerFrame(dst []byte, f ServerFrame) ([]byte, error) {
//		out := dst
//		var err error
//		switch v := f.(type) {
//		case AuthError:
//			if err = v.Validate(); err == nil {
//				out = v.appendServerFrame(dst)
//			}
//		case *AuthError:
//			if v == nil {
//				err = encodeError("nil *AuthError")
//			} else if err = v.Validate(); err == nil {
//				out = v.appendServerFrame(dst)
//			}
//		…
//		case nil:
//			err = encodeError("nil frame")
//		default:
//			err = encodeError("not a frame generated in this package")
//		}
//		if err != nil {
//			return dst, err
//		}
//		if n := len(out) - len(dst); n > 65536 {
//			return dst, encodeError("encoded frame is " + strconv.Itoa(n) + " bytes, over the client's limit of 65536")
//		}
//		return out, nil
//	}
func (p *protocol) genChannelEncode(f *jen.File, c *channel) {
	iface := c.prefix + "Frame"
	appendName := "Append" + iface
	method := "append" + iface

	f.Line()
	f.Commentf("Encode%s returns the wire form of f, after f.Validate has accepted it; on error it", iface)
	f.Comment("returns nil and the error (a *ValidationError). A pointer to a frame is accepted and")
	f.Comment("dereferenced; nil is an error.")
	f.Func().Id("Encode"+iface).Params(jen.Id("f").Id(iface)).Params(jen.Index().Byte(), jen.Error()).Block(
		jen.Return(jen.Id("encodeBuffered").Call(jen.Func().Params(jen.Id("dst").Index().Byte()).Params(jen.Index().Byte(), jen.Error()).Block(
			jen.Return(jen.Id(appendName).Call(jen.Id("dst"), jen.Id("f"))),
		))),
	)

	var cases []jen.Code
	for _, fr := range c.frames {
		write := jen.Id("out").Op("=").Id("v").Dot(method).Call(jen.Id("dst"))
		validate := jen.Err().Op("=").Id("v").Dot(p.frameValidator(fr, c.side)).Call()
		cases = append(cases,
			jen.Case(jen.Id(fr.name)).Block(jen.If(validate, jen.Err().Op("==").Nil()).Block(write)),
			jen.Case(jen.Op("*").Id(fr.name)).Block(
				jen.If(jen.Id("v").Op("==").Nil()).Block(
					jen.Err().Op("=").Id("encodeError").Call(jen.Lit("nil *"+fr.name)),
				).Else().If(validate.Clone(), jen.Err().Op("==").Nil()).Block(write.Clone()),
			),
		)
	}
	cases = append(cases,
		jen.Case(jen.Nil()).Block(jen.Err().Op("=").Id("encodeError").Call(jen.Lit("nil frame"))),
		jen.Default().Block(jen.Err().Op("=").Id("encodeError").Call(jen.Lit("not a frame generated in this package"))),
	)
	subject := jen.Id("f").Assert(jen.Type())
	if len(c.frames) > 0 {
		subject = jen.Id("v").Op(":=").Add(subject)
	}
	body := []jen.Code{
		jen.Id("out").Op(":=").Id("dst"),
		jen.Var().Err().Error(),
		jen.Switch(subject).Block(cases...),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Id("dst"), jen.Err())),
	}
	limit := c.m.MaxFrameBytes
	if limit > 0 {
		// The receiving side would refuse a longer frame before parsing it.
		reason := jen.Lit("encoded frame is ").Op("+").Qual("strconv", "Itoa").Call(jen.Id("n")).Op("+").
			Lit(" bytes, over the " + receiver(c) + "'s limit of " + strconv.FormatInt(limit, 10))
		body = append(body, jen.If(
			jen.Id("n").Op(":=").Len(jen.Id("out")).Op("-").Len(jen.Id("dst")),
			jen.Id("n").Op(">").Id(c.prefix+"MaxFrameBytes"),
		).Block(jen.Return(jen.Id("dst"), jen.Id("encodeError").Call(reason))))
	}
	body = append(body, jen.Return(jen.Id("out"), jen.Nil()))
	f.Line()
	f.Commentf("%s appends the wire form of f to dst, after f.Validate has accepted it. It", appendName)
	f.Comment("allocates nothing when dst has room. On error (a *ValidationError) it returns dst as it")
	f.Comment("was: nothing is appended, though bytes beyond len(dst) may have been overwritten.")
	if limit > 0 {
		f.Commentf("A frame longer than %d bytes, which the %s would refuse, is an error.", limit, receiver(c))
	}
	f.Func().Id(appendName).Params(jen.Id("dst").Index().Byte(), jen.Id("f").Id(iface)).Params(jen.Index().Byte(), jen.Error()).Block(body...)
}

// receiver names the side that decodes c's frames.
func receiver(c *channel) string {
	return other(c.side).String()
}

// genChannelDecode emits the decoder of the frames c's side sends:
//
//	func DecodeClientFrame(data []byte) (ClientFrame, error) {
//		if err := checkSize(len(data), 65536); err != nil {
//			return nil, atRoot(err)
//		}
//		d := decoder{data: data}
//		tag, err := d.findStringTag("type")
//		if err != nil {
//			return nil, atRoot(err)
//		}
//		var f ClientFrame
//		switch string(tag) {
//		case "auth_request":
//			var v AuthRequest
//			if err := v.decodeClientFrame(&d); err != nil {
//				return nil, atRoot(err)
//			}
//			f = v
//		…
//		case "auth_success", "auth_error":
//			return nil, &UnknownFrameError{Tag: string(tag), OtherDirection: true}
//		default:
//			return nil, &UnknownFrameError{Tag: string(tag)}
//		}
//		if err := d.end(); err != nil {
//			return nil, atRoot(err)
//		}
//		return f, nil
//	}
func (p *protocol) genChannelDecode(f *jen.File, c *channel) {
	iface := c.prefix + "Frame"
	env := c.m.Envelope
	var body []jen.Code
	if c.m.MaxFrameBytes > 0 {
		body = append(body, jen.If(
			jen.Err().Op(":=").Id("checkSize").Call(jen.Len(jen.Id("data")), jen.Id(c.prefix+"MaxFrameBytes")),
			jen.Err().Op("!=").Nil(),
		).Block(jen.Return(jen.Nil(), jen.Id("atRoot").Call(jen.Err()))))
	}
	var find jen.Code
	switch {
	case env.Tagging == schema.External:
		var keys []jen.Code
		for _, ef := range env.Fields() {
			keys = append(keys, jen.Lit(ef.Name.Wire))
		}
		find = jen.Id("d").Dot("findExternalTag").Call(keys...)
	case c.m.IntTags:
		find = jen.Id("d").Dot("findIntTag").Call(jen.Lit(env.TagKey))
	default:
		find = jen.Id("d").Dot("findStringTag").Call(jen.Lit(env.TagKey))
	}
	body = append(body,
		jen.Id("d").Op(":=").Id("decoder").Values(jen.Dict{jen.Id("data"): jen.Id("data")}),
		jen.List(jen.Id("tag"), jen.Err()).Op(":=").Add(find),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Id("atRoot").Call(jen.Err()))),
	)

	tagLit := func(fr *frame) jen.Code {
		if fr.m.Tag.IsInt {
			return jen.Lit(int(fr.m.Tag.Int))
		}
		return jen.Lit(fr.m.Tag.Str)
	}
	tagString := jen.String().Call(jen.Id("tag"))
	subject := jen.String().Call(jen.Id("tag"))
	if c.m.IntTags {
		tagString = jen.Qual("strconv", "FormatInt").Call(jen.Id("tag"), jen.Lit(10))
		subject = jen.Id("tag")
	}
	var cases []jen.Code
	for _, fr := range c.frames {
		cases = append(cases, jen.Case(tagLit(fr)).Block(
			jen.Var().Id("v").Id(fr.name),
			jen.If(jen.Err().Op(":=").Id("v").Dot("decode"+iface).Call(jen.Op("&").Id("d")), jen.Err().Op("!=").Nil()).Block(
				jen.Return(jen.Nil(), jen.Id("atRoot").Call(jen.Err()))),
			jen.Id("f").Op("=").Id("v"),
		))
	}
	// Tags only the other side sends, when they have this side's JSON type (tags are unique
	// per direction only: the other side's frame may share a tag with one of ours).
	own := map[schema.Tag]bool{}
	for _, fr := range c.frames {
		own[fr.m.Tag] = true
	}
	oc := p.channel(other(c.side))
	var others []jen.Code
	if oc.m.IntTags == c.m.IntTags {
		for _, fr := range oc.frames {
			if !own[fr.m.Tag] {
				others = append(others, tagLit(fr))
			}
		}
	}
	unknown := func(otherDir bool) jen.Code {
		d := jen.Dict{jen.Id("Tag"): tagString.Clone()}
		if otherDir {
			d[jen.Id("OtherDirection")] = jen.True()
		}
		return jen.Return(jen.Nil(), jen.Op("&").Id("UnknownFrameError").Values(d))
	}
	if len(others) > 0 {
		cases = append(cases, jen.Case(others...).Block(unknown(true)))
	}
	if len(c.frames) == 0 {
		// Nothing to decode: every tag is unknown.
		if len(cases) > 0 {
			body = append(body, jen.Switch(subject).Block(cases...))
		}
		body = append(body, unknown(false))
	} else {
		cases = append(cases, jen.Default().Block(unknown(false)))
		body = append(body,
			jen.Var().Id("f").Id(iface),
			jen.Switch(subject).Block(cases...),
			jen.If(jen.Err().Op(":=").Id("d").Dot("end").Call(), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Id("atRoot").Call(jen.Err()))),
			jen.Return(jen.Id("f"), jen.Nil()),
		)
	}
	f.Line()
	f.Commentf("Decode%s reads one %s frame and returns it as a value (a type switch reads", iface, c.m.Side)
	f.Commentf("case %s:). It applies every rule of the schema: malformed or oversized input, a", exampleFrame(c))
	f.Comment("missing or repeated key, null or a wrong type, an unknown enum value or a broken")
	f.Comment("constraint is a *DecodeError whose Path is the path in data; a tag no frame of this")
	f.Comment("direction has is an *UnknownFrameError.")
	f.Func().Id("Decode"+iface).Params(jen.Id("data").Index().Byte()).Params(jen.Id(iface), jen.Error()).Block(body...)
}

// exampleFrame names a frame of c for doc comments.
func exampleFrame(c *channel) string {
	if len(c.frames) > 0 {
		return c.frames[0].name
	}
	return c.prefix + "Frame"
}
