package golang

// coder.gen.go and gorilla.gen.go: a FrameWriter and a read loop for each WebSocket
// library, emitted only when Options.Transports asks for them.

import (
	"github.com/dave/jennifer/jen"

	"github.com/framegen/framegen/schema"
)

// Import paths of the adapted libraries.
const (
	coderPath   = "github.com/coder/websocket"
	gorillaPath = "github.com/gorilla/websocket"
)

// serveSide is the direction the read loops decode: client frames when the package has the
// server half (server or both), server frames for a client-only package.
func (p *protocol) serveSide() *channel {
	if p.decodes(schema.Client) {
		return p.client
	}
	return p.server
}

// genCoder emits coder.gen.go:
//
//	// CoderWriter is a FrameWriter on a github.com/coder/websocket connection …
//	type CoderWriter struct {
//		Conn *websocket.Conn
//	}
//
//	func (w CoderWriter) WriteFrame(ctx context.Context, frame []byte) error {
//		if w.Conn == nil {
//			return errors.New("coder writer: nil connection")
//		}
//		return w.Conn.Write(ctx, websocket.MessageText, frame)
//	}
//
//	func ServeCoder(ctx context.Context, conn *websocket.Conn, h ClientHandler) error {
//		for {
//			typ, data, err := conn.Read(ctx)
//			if err != nil {
//				return err
//			}
//			if typ != websocket.MessageText {
//				return &BinaryMessageError{}
//			}
//			if err := DispatchClientFrame(ctx, h, data); err != nil {
//				return err
//			}
//		}
//	}
func genCoder(p *protocol, f *jen.File) {
	f.ImportName(coderPath, "websocket")
	conn := jen.Op("*").Qual(coderPath, "Conn")
	if p.encodesAny() {
		f.Add(doc("CoderWriter is a FrameWriter on a github.com/coder/websocket connection: each frame is one text message. Pass it to a New…Sender function."))
		f.Type().Id("CoderWriter").Struct(
			jen.Comment("Conn is the connection written to."),
			jen.Id("Conn").Add(conn.Clone()),
		)
		comment(f, "WriteFrame writes frame as one text message; ctx bounds the write, as in Conn.Write.")
		f.Func().Params(jen.Id("w").Id("CoderWriter")).Id("WriteFrame").Params(
			jen.Id("ctx").Qual("context", "Context"), jen.Id("frame").Index().Byte(),
		).Error().Block(
			nilConnCheck("coder writer"),
			jen.Return(jen.Id("w").Dot("Conn").Dot("Write").Call(jen.Id("ctx"), jen.Qual(coderPath, "MessageText"), jen.Id("frame"))),
		)
	}
	c := p.serveSide()
	f.Add(doc("ServeCoder reads messages from conn and passes each to Dispatch" + c.prefix + "Frame with h, until the first error, which it returns: the read error (when the peer closes, websocket.CloseStatus tells how), a *BinaryMessageError for a binary message (close with websocket.StatusUnsupportedData), or the decode or handler error of Dispatch" + c.prefix + "Frame. It does not close conn itself, but cancelling ctx during a read does: coder's Conn.Read closes the connection, without a close frame, when its context ends; to end a session cleanly, close conn with a status instead."))
	f.Func().Id("ServeCoder").Params(
		jen.Id("ctx").Qual("context", "Context"), jen.Id("conn").Add(conn), jen.Id("h").Id(c.prefix+"Handler"),
	).Error().Block(
		jen.If(jen.Id("conn").Op("==").Nil()).Block(jen.Return(jen.Qual("errors", "New").Call(jen.Lit("serve coder: nil connection")))),
		jen.For().Block(
			jen.List(jen.Id("typ"), jen.Id("data"), jen.Err()).Op(":=").Id("conn").Dot("Read").Call(jen.Id("ctx")),
			jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
			jen.If(jen.Id("typ").Op("!=").Qual(coderPath, "MessageText")).Block(jen.Return(jen.Op("&").Id("BinaryMessageError").Values())),
			dispatch(c),
		),
	)
}

// genGorilla emits gorilla.gen.go: the same as genCoder for github.com/gorilla/websocket,
// whose calls take no context: WriteFrame maps ctx's deadline to a write deadline, and the
// read loop checks ctx between messages.
func genGorilla(p *protocol, f *jen.File) {
	f.ImportName(gorillaPath, "websocket")
	conn := jen.Op("*").Qual(gorillaPath, "Conn")
	if p.encodesAny() {
		f.Add(doc("GorillaWriter is a FrameWriter on a github.com/gorilla/websocket connection: each frame is one text message. Gorilla allows one writer at a time; a sender serialises its own writes, so let one sender be the connection's only writer."))
		f.Type().Id("GorillaWriter").Struct(
			jen.Comment("Conn is the connection written to."),
			jen.Id("Conn").Add(conn.Clone()),
		)
		f.Add(doc("WriteFrame writes frame as one text message. Gorilla's writes take no context: WriteFrame returns ctx's error if it is already done, and sets ctx's deadline, if any, as the write deadline for this write."))
		f.Func().Params(jen.Id("w").Id("GorillaWriter")).Id("WriteFrame").Params(
			jen.Id("ctx").Qual("context", "Context"), jen.Id("frame").Index().Byte(),
		).Error().Block(
			nilConnCheck("gorilla writer"),
			jen.If(jen.Err().Op(":=").Id("ctx").Dot("Err").Call(), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
			jen.If(jen.List(jen.Id("deadline"), jen.Id("ok")).Op(":=").Id("ctx").Dot("Deadline").Call(), jen.Id("ok")).Block(
				jen.If(jen.Err().Op(":=").Id("w").Dot("Conn").Dot("SetWriteDeadline").Call(jen.Id("deadline")), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
				jen.Defer().Id("w").Dot("Conn").Dot("SetWriteDeadline").Call(jen.Qual("time", "Time").Values()),
			),
			jen.Return(jen.Id("w").Dot("Conn").Dot("WriteMessage").Call(jen.Qual(gorillaPath, "TextMessage"), jen.Id("frame"))),
		)
	}
	c := p.serveSide()
	f.Add(doc("ServeGorilla reads messages from conn and passes each to Dispatch" + c.prefix + "Frame with h, until the first error, which it returns: the read error (a *websocket.CloseError when the peer closes), a *BinaryMessageError for a binary message (close with websocket.CloseUnsupportedData), the decode or handler error of Dispatch" + c.prefix + "Frame, or ctx's error. Gorilla's reads take no context: ctx is checked between messages only, so set a read deadline or close conn to stop a loop blocked in a read. It does not close conn. A message over conn's read limit returns websocket.ErrReadLimit after gorilla has already sent the 1009 close frame: do not send a second one."))
	f.Func().Id("ServeGorilla").Params(
		jen.Id("ctx").Qual("context", "Context"), jen.Id("conn").Add(conn), jen.Id("h").Id(c.prefix+"Handler"),
	).Error().Block(
		jen.If(jen.Id("conn").Op("==").Nil()).Block(jen.Return(jen.Qual("errors", "New").Call(jen.Lit("serve gorilla: nil connection")))),
		jen.For().Block(
			jen.If(jen.Err().Op(":=").Id("ctx").Dot("Err").Call(), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
			jen.List(jen.Id("typ"), jen.Id("data"), jen.Err()).Op(":=").Id("conn").Dot("ReadMessage").Call(),
			jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
			jen.If(jen.Id("typ").Op("!=").Qual(gorillaPath, "TextMessage")).Block(jen.Return(jen.Op("&").Id("BinaryMessageError").Values())),
			dispatch(c),
		),
	)
}

// nilConnCheck returns an error for a writer without a connection, rather than panicking.
func nilConnCheck(what string) jen.Code {
	return jen.If(jen.Id("w").Dot("Conn").Op("==").Nil()).Block(
		jen.Return(jen.Qual("errors", "New").Call(jen.Lit(what + ": nil connection"))),
	)
}

// dispatch is the read loop's last step: if err := DispatchClientFrame(ctx, h, data); err != nil { return err }.
func dispatch(c *channel) jen.Code {
	return jen.If(
		jen.Err().Op(":=").Id("Dispatch"+c.prefix+"Frame").Call(jen.Id("ctx"), jen.Id("h"), jen.Id("data")),
		jen.Err().Op("!=").Nil(),
	).Block(jen.Return(jen.Err()))
}

// encodesAny reports whether the package has a sender (and so FrameWriter).
func (p *protocol) encodesAny() bool {
	return p.encodes(schema.Client) || p.encodes(schema.Server)
}
