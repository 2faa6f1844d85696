package golang

// The JSON codec of a generated package (codec.gen.go): reflection-free append encoders and
// single-pass strict decoders on the runtime in gen/golang/wire. docs/codec.md describes the
// behaviour for users.
//
// Names codec.gen.go emits (for engineer A and the runtime engineer):
//
//	(v E) MarshalText, MarshalJSON; (v *E) UnmarshalText, UnmarshalJSON   every enum
//	(v T) MarshalJSON; (v *T) UnmarshalJSON                              every struct (a frame: its body)
//	(v E) appendJSON(dst []byte) []byte                                  enum value, written by a switch
//	(v *E) decodeJSON(d *decoder) error                                  enum value, matched on bytes
//	(v T) appendJSON(dst []byte) []byte                                  struct body: {"k":v,…}
//	(v T) appendFields(dst []byte) []byte                                union variants: ,"k":v… after the union tag
//	(v *T) decodeJSON(d *decoder[, tag string][, reject bool]) error     struct body; tag: variants only
//	appendUnion<U>(dst []byte, u U) []byte                               union value, tag key first
//	decodeUnion<U>(d *decoder[, reject bool]) (U, error)                 union value
//	(v F) append<Side>Frame(dst []byte) []byte                           a frame's wire form, one direction
//	(v *F) decode<Side>Frame(d *decoder) error                           the same, read back
//	encodeError(reason string) error                                     *ValidationError at $
//	Encode<Side>Frame, Append<Side>Frame, Decode<Side>Frame              the exported frame codec
//
// The `reject bool` parameter exists only when the two directions have different
// unknown_fields policies (p.splitPolicy): a frame's decoder then passes its direction's
// policy down to the objects and unions it holds. With one policy, decoders apply it
// statically.

import (
	"encoding/json"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/framegen/framegen/schema"
)

// genCodec emits codec.gen.go: JSON methods on every enum and struct, union helpers, and
// the frame codec of each direction the package encodes or decodes.
func genCodec(p *protocol, f *jen.File) {
	for _, e := range p.enums {
		p.genEnumCodec(f, e)
	}
	for _, o := range p.objects {
		p.genObjectCodec(f, o)
	}
	for _, u := range p.unions {
		p.genUnionCodec(f, u)
	}
	for _, fr := range p.frames {
		p.genObjectCodec(f, fr.object)
		for _, s := range schema.Sides {
			if !fr.m.From.Has(s) {
				continue
			}
			if p.encodes(s) {
				p.genFrameAppend(f, fr, p.channel(s))
			}
			if p.decodes(s) {
				p.genFrameDecode(f, fr, p.channel(s))
			}
		}
	}
	for _, s := range schema.Sides {
		c := p.channel(s)
		if p.encodes(s) {
			p.genChannelEncode(f, c)
		}
		if p.decodes(s) {
			p.genChannelDecode(f, c)
		}
	}
	if p.usesEncodeError() {
		f.Line()
		f.Comment("encodeError reports a value that cannot be encoded, as a *ValidationError at the root.")
		f.Func().Id("encodeError").Params(jen.Id("reason").String()).Error().Block(
			jen.Return(jen.Op("&").Id("ValidationError").Values(jen.Dict{
				jen.Id("Violations"): jen.Index().Id("Violation").Values(jen.Values(jen.Dict{
					jen.Id("Path"):   jen.Lit("$"),
					jen.Id("Reason"): jen.Id("reason"),
				})),
			})),
		)
	}
}

// usesEncodeError reports whether some emitted code calls encodeError: closed enums'
// marshalers and the frame encoders do.
func (p *protocol) usesEncodeError() bool {
	for _, e := range p.enums {
		if !e.m.Open {
			return true
		}
	}
	return p.encodes(schema.Client) || p.encodes(schema.Server)
}

// splitPolicy reports whether the two directions differ in unknown_fields, so that body
// decoders take the policy as a parameter.
func (p *protocol) splitPolicy() bool {
	return p.client.m.UnknownFields != p.server.m.UnknownFields
}

// rejects reports whether side s rejects unknown keys.
func (p *protocol) rejects(s schema.Side) bool {
	return p.channel(s).m.UnknownFields == schema.Reject
}

// rootReject is the policy of a decoder entered from UnmarshalJSON: the stricter of the
// directions a value travels in. For an object or union (which may travel both ways) that
// is the stricter of the two channels; for a frame, of its own directions.
func (p *protocol) rootReject(fr *frame) bool {
	if fr == nil {
		return p.rejects(schema.Client) || p.rejects(schema.Server)
	}
	return (fr.m.From.Has(schema.Client) && p.rejects(schema.Client)) ||
		(fr.m.From.Has(schema.Server) && p.rejects(schema.Server))
}

// jsonText returns the JSON text of string s, as the generator writes keys and tags into
// constants.
func jsonText(s string) string {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes
	return strings.TrimSuffix(b.String(), "\n")
}

// dstAppend is `dst = append(dst, args...)`.
func dstAppend(args ...jen.Code) jen.Code {
	return jen.Id("dst").Op("=").Append(append([]jen.Code{jen.Id("dst")}, args...)...)
}

// appendText is `dst = append(dst, "text"...)`, or a single byte.
func appendText(s string) jen.Code {
	if len(s) == 1 {
		return dstAppend(jen.LitRune(rune(s[0])))
	}
	return dstAppend(jen.Lit(s).Op("..."))
}

// genEnumCodec emits an enum's JSON and text methods:
//
//	// appendJSON writes v as JSON; a listed value is a constant.
//	func (v ConnectionState) appendJSON(dst []byte) []byte {
//		switch v {
//		case ConnectionStateConnecting:
//			return append(dst, "\"connecting\""...)
//		…
//		}
//		return appendString(dst, string(v))
//	}
//
//	func (v *ConnectionState) decodeJSON(d *decoder) error {
//		b, err := d.readStringBytes()
//		if err != nil {
//			return err
//		}
//		switch string(b) {
//		case "connecting":
//			*v = ConnectionStateConnecting
//		…
//		default:
//			return unknownEnum("ConnectionState", b, "connecting, connected, closing, closed")
//		}
//		return nil
//	}
//
// plus MarshalJSON, UnmarshalJSON, MarshalText and UnmarshalText.
func (p *protocol) genEnumCodec(f *jen.File, e *enum) {
	typ := e.name
	recv := jen.Id("v").Id(typ)
	precv := jen.Id("v").Op("*").Id(typ)
	wire := e.m.Name.Wire

	// The error a closed enum's marshalers return for a value it does not list.
	var valid jen.Code = jen.Null()
	if !e.m.Open {
		var shown *jen.Statement
		if e.m.IsInt {
			shown = jen.Qual("strconv", "FormatInt").Call(jen.Int64().Call(jen.Id("v")), jen.Lit(10))
		} else {
			shown = jen.Qual("strconv", "Quote").Call(jen.String().Call(jen.Id("v")))
		}
		valid = jen.If(jen.Op("!").Id("v").Dot("IsValid").Call()).Block(jen.Return(jen.Nil(), jen.Id("encodeError").Call(
			jen.Lit("invalid value ").Op("+").Add(shown).Op("+").Lit(" of "+wire+" (want one of: "+e.allowed()+")"))))
	}

	// appendJSON
	f.Line()
	f.Comment("appendJSON writes v as JSON. Validate, or IsValid, has accepted v.")
	if e.m.IsInt {
		f.Func().Params(recv.Clone()).Id("appendJSON").Params(jen.Id("dst").Index().Byte()).Index().Byte().Block(
			jen.Return(jen.Id("appendInt").Call(jen.Id("dst"), jen.Int64().Call(jen.Id("v")))),
		)
	} else {
		var cases []jen.Code
		for _, v := range e.values {
			cases = append(cases, jen.Case(jen.Id(v.name)).Block(
				jen.Return(jen.Append(jen.Id("dst"), jen.Lit(jsonText(v.m.Name.Wire)).Op("...")))))
		}
		f.Func().Params(recv.Clone()).Id("appendJSON").Params(jen.Id("dst").Index().Byte()).Index().Byte().Block(
			jen.Switch(jen.Id("v")).Block(cases...),
			jen.Return(jen.Id("appendString").Call(jen.Id("dst"), jen.String().Call(jen.Id("v")))),
		)
	}

	// decodeJSON
	f.Line()
	f.Comment("decodeJSON reads a value of " + typ + " from d.")
	var body []jen.Code
	if e.m.IsInt {
		body = append(body,
			jen.List(jen.Id("n"), jen.Err()).Op(":=").Id("d").Dot("readInt64").Call(),
			jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
		)
		if e.m.Open {
			body = append(body, jen.Op("*").Id("v").Op("=").Id(typ).Call(jen.Id("n")), jen.Return(jen.Nil()))
		} else {
			var vals []jen.Code
			for _, v := range e.values {
				vals = append(vals, jen.Id(v.name))
			}
			body = append(body,
				jen.Switch(jen.Id(typ).Call(jen.Id("n"))).Block(jen.Case(vals...).Block(
					jen.Op("*").Id("v").Op("=").Id(typ).Call(jen.Id("n")),
					jen.Return(jen.Nil()),
				)),
				jen.Return(jen.Id("unknownIntEnum").Call(jen.Lit(wire), jen.Id("n"), jen.Lit(e.allowed()))),
			)
		}
	} else {
		var cases []jen.Code
		for _, v := range e.values {
			cases = append(cases, jen.Case(jen.Lit(v.m.Name.Wire)).Block(jen.Op("*").Id("v").Op("=").Id(v.name)))
		}
		if e.m.Open {
			cases = append(cases, jen.Default().Block(jen.Op("*").Id("v").Op("=").Id(typ).Call(jen.Id("b"))))
		} else {
			cases = append(cases, jen.Default().Block(jen.Return(
				jen.Id("unknownEnum").Call(jen.Lit(wire), jen.Id("b"), jen.Lit(e.allowed())))))
		}
		body = append(body,
			jen.List(jen.Id("b"), jen.Err()).Op(":=").Id("d").Dot("readStringBytes").Call(),
			jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
			jen.Switch(jen.String().Call(jen.Id("b"))).Block(cases...),
			jen.Return(jen.Nil()),
		)
	}
	f.Func().Params(precv.Clone()).Id("decodeJSON").Params(jen.Id("d").Op("*").Id("decoder")).Error().Block(body...)

	// MarshalJSON
	f.Line()
	if e.m.Open {
		f.Comment("MarshalJSON implements json.Marshaler: the wire value, listed or not.")
	} else {
		f.Comment("MarshalJSON implements json.Marshaler; a value that " + typ + " does not list is an error.")
	}
	f.Func().Params(recv.Clone()).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).Block(
		valid,
		jen.Return(jen.Id("v").Dot("appendJSON").Call(jen.Nil()), jen.Nil()),
	)

	// UnmarshalJSON
	f.Line()
	f.Comment("UnmarshalJSON implements json.Unmarshaler with the strict decoder; an unknown value is")
	if e.m.Open {
		f.Comment("kept.")
	} else {
		f.Comment("a *DecodeError naming the type, the value and the allowed values.")
	}
	f.Func().Params(precv.Clone()).Id("UnmarshalJSON").Params(jen.Id("data").Index().Byte()).Error().Block(
		unmarshalBody(typ, jen.Id("x").Dot("decodeJSON").Call(jen.Op("&").Id("d")))...,
	)

	// MarshalText
	f.Line()
	if e.m.IsInt {
		f.Comment("MarshalText implements encoding.TextMarshaler: the wire value in decimal.")
		f.Func().Params(recv.Clone()).Id("MarshalText").Params().Params(jen.Index().Byte(), jen.Error()).Block(
			valid,
			jen.Return(jen.Qual("strconv", "AppendInt").Call(jen.Nil(), jen.Int64().Call(jen.Id("v")), jen.Lit(10)), jen.Nil()),
		)
	} else {
		f.Comment("MarshalText implements encoding.TextMarshaler: the wire value.")
		f.Func().Params(recv.Clone()).Id("MarshalText").Params().Params(jen.Index().Byte(), jen.Error()).Block(
			valid,
			jen.Return(jen.Index().Byte().Call(jen.Id("v")), jen.Nil()),
		)
	}

	// UnmarshalText
	f.Line()
	if e.m.IsInt {
		f.Comment("UnmarshalText implements encoding.TextUnmarshaler: the wire value in decimal.")
		f.Func().Params(precv.Clone()).Id("UnmarshalText").Params(jen.Id("text").Index().Byte()).Error().Block(
			jen.Return(jen.Id("v").Dot("UnmarshalJSON").Call(jen.Id("text"))),
		)
		return
	}
	f.Comment("UnmarshalText implements encoding.TextUnmarshaler: the wire value.")
	var cases []jen.Code
	for _, v := range e.values {
		cases = append(cases, jen.Case(jen.Lit(v.m.Name.Wire)).Block(jen.Op("*").Id("v").Op("=").Id(v.name)))
	}
	if e.m.Open {
		// The JSON decoder checks UTF-8 as it reads; text arrives unchecked.
		cases = append(cases, jen.Default().Block(
			jen.If(jen.Op("!").Qual("unicode/utf8", "Valid").Call(jen.Id("text"))).Block(
				jen.Return(jen.Op("&").Id("DecodeError").Values(jen.Dict{
					jen.Id("Path"): jen.Lit("$"), jen.Id("Kind"): jen.Id("KindInvalidUTF8"), jen.Id("Reason"): jen.Lit("invalid UTF-8"),
				}))),
			jen.Op("*").Id("v").Op("=").Id(typ).Call(jen.Id("text")),
		))
	} else {
		cases = append(cases, jen.Default().Block(jen.Return(jen.Id("atRoot").Call(
			jen.Id("unknownEnum").Call(jen.Lit(wire), jen.Id("text"), jen.Lit(e.allowed()))))))
	}
	f.Func().Params(precv.Clone()).Id("UnmarshalText").Params(jen.Id("text").Index().Byte()).Error().Block(
		jen.Switch(jen.String().Call(jen.Id("text"))).Block(cases...),
		jen.Return(jen.Nil()),
	)
}

// unmarshalBody is the body of an UnmarshalJSON that decodes into a fresh value, so that
// *v is left alone on error:
//
//	d := decoder{data: data}
//	var x T
//	err := x.decodeJSON(&d)
//	if err == nil {
//		err = d.end()
//	}
//	if err != nil {
//		return atRoot(err)
//	}
//	*v = x
//	return nil
func unmarshalBody(typ string, call jen.Code, keep ...jen.Code) []jen.Code {
	out := []jen.Code{
		jen.Id("d").Op(":=").Id("decoder").Values(jen.Dict{jen.Id("data"): jen.Id("data")}),
		jen.Var().Id("x").Id(typ),
		jen.Err().Op(":=").Add(call),
		jen.If(jen.Err().Op("==").Nil()).Block(jen.Err().Op("=").Id("d").Dot("end").Call()),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Id("atRoot").Call(jen.Err()))),
	}
	out = append(out, keep...)
	return append(out, jen.Op("*").Id("v").Op("=").Id("x"), jen.Return(jen.Nil()))
}
