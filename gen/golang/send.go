package golang

// send.gen.go: FrameWriter, the senders of the directions the package encodes, and the
// handlers and dispatchers of the directions it decodes.

import (
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/framegen/framegen/schema"
)

// genSend emits send.gen.go.
func genSend(p *protocol, f *jen.File) {
	encodes := false
	for _, s := range schema.Sides {
		encodes = encodes || p.encodes(s)
	}
	if encodes {
		genFrameWriter(f)
	}
	for _, s := range schema.Sides {
		if p.encodes(s) {
			genSender(f, p.channel(s))
		}
	}
	for _, s := range schema.Sides {
		if p.decodes(s) {
			genHandler(f, p.channel(s))
		}
	}
	if len(p.transports) > 0 {
		genBinaryMessageError(f)
	}
}

// genFrameWriter emits the one-method interface senders write to, and the helper that
// encodes into a pooled buffer and writes it:
//
//	type FrameWriter interface {
//		WriteFrame(ctx context.Context, frame []byte) error
//	}
//
//	func sendFrame(ctx context.Context, turn chan struct{}, w FrameWriter, encode func(dst []byte) ([]byte, error)) error
//	func writeInTurn(ctx context.Context, turn chan struct{}, w FrameWriter, frame []byte) error
func genFrameWriter(f *jen.File) {
	f.Add(doc("FrameWriter writes one encoded frame as one WebSocket text message. Like io.Writer, WriteFrame must not keep the slice after it returns: senders reuse it.\n\n" +
		"CoderWriter and GorillaWriter, when generated, adapt the common WebSocket libraries; anything with this method will do (a test fake, say)."))
	f.Type().Id("FrameWriter").Interface(
		jen.Comment("WriteFrame writes frame as one message, or returns why it could not."),
		jen.Id("WriteFrame").Params(jen.Id("ctx").Qual("context", "Context"), jen.Id("frame").Index().Byte()).Error(),
	)
	bp, b := jen.Id("bp"), jen.Id("b")
	comment(f, "sendFrame encodes a frame with encode into a pooled buffer and writes it with one WriteFrame, in turn (writeInTurn); when encode fails nothing is written.")
	f.Func().Id("sendFrame").Params(
		jen.Id("ctx").Qual("context", "Context"),
		jen.Id("turn").Chan().Struct(),
		jen.Id("w").Id("FrameWriter"),
		jen.Id("encode").Func().Params(jen.Id("dst").Index().Byte()).Params(jen.Index().Byte(), jen.Error()),
	).Error().Block(
		jen.If(jen.Id("w").Op("==").Nil()).Block(
			jen.Return(jen.Qual("errors", "New").Call(jen.Lit("send frame: the sender has no FrameWriter (use a New…Sender function)"))),
		),
		bp.Clone().Op(":=").Id("bufPool").Dot("Get").Call().Assert(jen.Op("*").Index().Byte()),
		jen.List(b.Clone(), jen.Err()).Op(":=").Id("encode").Call(jen.Parens(jen.Op("*").Add(bp.Clone())).Index(jen.Empty(), jen.Lit(0))),
		jen.If(jen.Err().Op("==").Nil()).Block(
			jen.Err().Op("=").Id("writeInTurn").Call(jen.Id("ctx"), jen.Id("turn"), jen.Id("w"), b.Clone()),
		),
		jen.If(jen.Cap(b.Clone()).Op("<=").Id("maxPooledBuf")).Block(
			jen.Op("*").Add(bp.Clone()).Op("=").Add(b.Clone()).Index(jen.Empty(), jen.Lit(0)),
			jen.Id("bufPool").Dot("Put").Call(bp.Clone()),
		),
		jen.Return(jen.Err()),
	)
	comment(f, "writeInTurn writes frame with w while holding turn's one slot, and gives the slot back even if WriteFrame panics. A free slot is taken at once; a send that finds it taken waits, and gives up with ctx's error when ctx is done first, so a send stuck behind a slow write ends when its caller does.")
	f.Func().Id("writeInTurn").Params(
		jen.Id("ctx").Qual("context", "Context"),
		jen.Id("turn").Chan().Struct(),
		jen.Id("w").Id("FrameWriter"),
		jen.Id("frame").Index().Byte(),
	).Error().Block(
		jen.Select().Block(
			jen.Case(jen.Id("turn").Op("<-").Struct().Values()),
			jen.Default().Block(
				jen.Select().Block(
					jen.Case(jen.Id("turn").Op("<-").Struct().Values()),
					jen.Case(jen.Op("<-").Id("ctx").Dot("Done").Call()).Block(
						jen.Return(jen.Id("ctx").Dot("Err").Call()),
					),
				),
			),
		),
		jen.Defer().Func().Params().Block(jen.Op("<-").Id("turn")).Call(),
		jen.Return(jen.Id("w").Dot("WriteFrame").Call(jen.Id("ctx"), jen.Id("frame"))),
	)
}

// genSender emits a direction's sender:
//
//	// ServerSender sends server frames on one connection …
//	type ServerSender struct {
//		turn chan struct{} // one slot: whoever holds it writes
//		w    FrameWriter
//	}
//
//	func NewServerSender(w FrameWriter) *ServerSender
//	func (s *ServerSender) Send(ctx context.Context, f ServerFrame) error
//	func (s *ServerSender) SendAuthError(ctx context.Context, f AuthError) error
func genSender(f *jen.File, c *channel) {
	side := strings.ToLower(c.prefix)
	name := c.prefix + "Sender"
	iface := c.prefix + "Frame"
	f.Add(doc(name + " sends " + side + " frames on one connection. Each send validates the frame, encodes it into a pooled buffer and writes it with one WriteFrame call; an invalid frame returns a *ValidationError and nothing is written. Concurrent sends are serialised, so a " + name + " may be shared by goroutines; it must be the connection's only writer. A send that waits for another to finish gives up with ctx's error when ctx is done first.\n\n" +
		"Create one with New" + name + "; the zero value has no FrameWriter and every send returns an error."))
	f.Type().Id(name).Struct(
		jen.Id("turn").Chan().Struct().Comment("one slot: whoever holds it writes"),
		jen.Id("w").Id("FrameWriter"),
	)
	commentf(f, "New%s returns a %s that writes to w.", name, name)
	f.Func().Id("New" + name).Params(jen.Id("w").Id("FrameWriter")).Op("*").Id(name).Block(
		jen.Return(jen.Op("&").Id(name).Values(jen.Dict{
			jen.Id("turn"): jen.Make(jen.Chan().Struct(), jen.Lit(1)),
			jen.Id("w"):    jen.Id("w"),
		})),
	)
	recv := jen.Id("s").Op("*").Id(name)
	ctx := jen.Id("ctx").Qual("context", "Context")
	f.Add(doc("Send validates f, encodes it as Append" + iface + " does and writes it. It returns the *ValidationError of an invalid frame, an error for a nil frame or nil pointer, the FrameWriter's error, unwrapped, or ctx's error when ctx is done while another send holds the connection; nothing is written unless the frame is valid."))
	f.Func().Params(recv.Clone()).Id("Send").Params(ctx.Clone(), jen.Id("f").Id(iface)).Error().Block(
		jen.Return(jen.Id("sendFrame").Call(jen.Id("ctx"), jen.Id("s").Dot("turn"), jen.Id("s").Dot("w"),
			jen.Func().Params(jen.Id("dst").Index().Byte()).Params(jen.Index().Byte(), jen.Error()).Block(
				jen.Return(jen.Id("Append"+iface).Call(jen.Id("dst"), jen.Id("f"))),
			))),
	)
	for _, fr := range c.frames {
		commentf(f, "Send%s sends the %s frame f, as Send does.", fr.name, fr.name)
		f.Func().Params(recv.Clone()).Id("Send"+fr.name).Params(ctx.Clone(), jen.Id("f").Id(fr.name)).Error().Block(
			jen.Return(jen.Id("s").Dot("Send").Call(jen.Id("ctx"), jen.Id("f"))),
		)
	}
}

// genHandler emits a direction's handler interface and dispatcher:
//
//	type ClientHandler interface {
//		HandleAuthRequest(ctx context.Context, f AuthRequest) error
//	}
//
//	func DispatchClientFrame(ctx context.Context, h ClientHandler, data []byte) error {
//		f, err := DecodeClientFrame(data)
//		if err != nil {
//			return err
//		}
//		switch f := f.(type) {
//		case AuthRequest:
//			if err := h.HandleAuthRequest(ctx, f); err != nil {
//				return fmt.Errorf("handle auth_request: %w", err)
//			}
//		}
//		return nil
//	}
func genHandler(f *jen.File, c *channel) {
	side := strings.ToLower(c.prefix)
	name := c.prefix + "Handler"
	ctx := jen.Id("ctx").Qual("context", "Context")
	var methods, cases []jen.Code
	for _, fr := range c.frames {
		m := "Handle" + fr.name
		methods = append(methods,
			jen.Commentf("%s handles each %s frame that Dispatch%sFrame decodes.", m, fr.name, c.prefix),
			jen.Id(m).Params(ctx.Clone(), jen.Id("f").Id(fr.name)).Error())
		wrap := "handle " + strings.ReplaceAll(fr.m.Tag.String(), "%", "%%") + ": %w"
		cases = append(cases, jen.Case(jen.Id(fr.name)).Block(
			jen.If(jen.Err().Op(":=").Id("h").Dot(m).Call(jen.Id("ctx"), jen.Id("f")), jen.Err().Op("!=").Nil()).Block(
				jen.Return(jen.Qual("fmt", "Errorf").Call(jen.Lit(wrap), jen.Err())),
			),
		))
	}
	f.Add(doc(name + " handles the frames the " + side + " sends, one method per frame; Dispatch" + c.prefix + "Frame calls them."))
	f.Type().Id(name).Interface(methods...)

	decode := jen.Id("Decode" + c.prefix + "Frame").Call(jen.Id("data"))
	body := []jen.Code{
		jen.List(jen.Id("f"), jen.Err()).Op(":=").Add(decode),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
		jen.Switch(jen.Id("f").Op(":=").Id("f").Assert(jen.Type())).Block(cases...),
		jen.Return(jen.Nil()),
	}
	if len(c.frames) == 0 {
		body = []jen.Code{
			jen.List(jen.Id("_"), jen.Err()).Op(":=").Add(decode),
			jen.Return(jen.Err()),
		}
	}
	f.Add(doc("Dispatch" + c.prefix + "Frame decodes data as a " + side + " frame and calls the matching method of h. A decode error (a *DecodeError or an *UnknownFrameError) is returned as is, without calling h; an error from h is wrapped with the frame's tag (\"handle <tag>: …\"), so errors.Is and errors.As still see it."))
	f.Func().Id("Dispatch"+c.prefix+"Frame").Params(ctx.Clone(), jen.Id("h").Id(name), jen.Id("data").Index().Byte()).Error().Block(body...)
}

// genBinaryMessageError emits the error the transport read loops return for a binary
// message.
func genBinaryMessageError(f *jen.File) {
	f.Add(doc("BinaryMessageError is what ServeCoder and ServeGorilla return when a binary message arrives: the protocol's frames are text. Close the connection with status 1003 (unsupported data)."))
	f.Type().Id("BinaryMessageError").Struct()
	comment(f, "Error says that a binary message arrived.")
	f.Func().Params(jen.Op("*").Id("BinaryMessageError")).Id("Error").Params().String().Block(
		jen.Return(jen.Lit("binary message received: the protocol's frames are text messages")),
	)
}
