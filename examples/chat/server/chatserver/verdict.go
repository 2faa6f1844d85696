package chatserver

import (
	"context"
	"errors"

	"github.com/framegen/framegen/examples/chat/chatproto"
)

// closeRequest is what a handler returns to end the connection: frame (if any) is sent, then
// a close frame with code and reason.
type closeRequest struct {
	code   chatproto.CloseCode
	reason string
	frame  chatproto.ServerFrame
}

func (r *closeRequest) Error() string { return "close " + r.code.String() + ": " + r.reason }

// errClosing stops a handler whose connection began closing elsewhere (the deadline,
// Shutdown) while it ran: the other close wins and says why.
var errClosing = errors.New("connection is closing")

// verdict is how a connection ends, decided from the error its read loop stopped with.
type verdict struct {
	code   chatproto.CloseCode   // the close code sent or received; 0: none (a broken connection)
	reason string                // the close reason sent
	frame  chatproto.ServerFrame // sent before the close frame, when not nil
	closed bool                  // the peer closed, and the library answered its close frame
	cause  error                 // for the log; never holds client text
}

// Decode error kinds that mean the message is not well-formed JSON text: the client is
// broken, so the connection is closed with 1007 (invalid frame payload data).
func malformed(k chatproto.DecodeErrorKind) bool {
	switch k {
	case chatproto.KindSyntax, chatproto.KindInvalidUTF8, chatproto.KindTrailingData, chatproto.KindDuplicateKey:
		return true
	}
	return false
}

// verdict maps the error that ended the read loop to a close. Every client mistake gets a
// typed frame (an ErrorFrame, or AuthError for a refused token) and a close code that names
// the class of mistake; 1011 is never used.
func (ss *session) verdict(ctx context.Context, err error) verdict {
	var (
		req     *closeRequest
		decode  *chatproto.DecodeError
		unknown *chatproto.UnknownFrameError
		binary  *chatproto.BinaryMessageError
		write   *writeError
		trans   *transitionError
	)
	switch {
	case errors.As(err, &req):
		return verdict{code: req.code, reason: req.reason, frame: req.frame}
	case errors.Is(err, errClosing), errors.As(err, &trans), errors.As(err, &write), ctx.Err() != nil:
		return verdict{cause: err}
	case errors.As(err, &binary):
		return ss.protocolError(chatproto.CloseCodeUnsupportedData, reasonBinary, chatproto.ErrorCodeUnsupportedData, "binary messages are not supported; send frames as text", err)
	case errors.As(err, &decode):
		switch {
		case decode.Kind == chatproto.KindTooLarge:
			return ss.protocolError(chatproto.CloseCodeMessageTooBig, reasonTooLarge, chatproto.ErrorCodeMalformedFrame, "frame too large: "+decode.Error(), err)
		case malformed(decode.Kind):
			return ss.protocolError(chatproto.CloseCodeInvalidPayload, reasonMalformed, chatproto.ErrorCodeMalformedFrame, "malformed frame: "+decode.Error(), err)
		}
		// A well-formed frame that breaks the schema; recoverable once connected.
		return ss.protocolError(chatproto.CloseCodePolicyViolation, reasonInvalidFirst, chatproto.ErrorCodeInvalidFrame, "invalid frame: "+decode.Error(), err)
	case errors.As(err, &unknown):
		return ss.protocolError(chatproto.CloseCodePolicyViolation, reasonInvalidFirst, chatproto.ErrorCodeUnknownFrame, unknown.Error(), err)
	}
	switch end, code := ss.c.classify(err); end {
	case readPeerClose:
		// Not the error: it holds the peer's close reason, which is client text.
		return verdict{code: chatproto.CloseCode(code), closed: true}
	case readTooBig:
		// The library has sent the close frame with 1009; closing again completes the
		// handshake without a second close frame. No error frame can follow a close frame.
		return verdict{code: chatproto.CloseCodeMessageTooBig, reason: reasonTooLarge, cause: err}
	}
	return verdict{cause: err}
}

// protocolError is the verdict for a client's mistake: an ErrorFrame in state closing that
// names the close code, then the close.
func (ss *session) protocolError(code chatproto.CloseCode, reason string, ec chatproto.ErrorCode, msg string, cause error) verdict {
	c := code
	return verdict{code: code, reason: reason, cause: cause, frame: chatproto.ErrorFrame{
		Code: ec, Message: msg, State: chatproto.ConnectionStateClosing, CloseCode: &c,
	}}
}

// recoverable reports whether the read loop may go on after err, having answered it: a
// well-formed frame of an unknown type or one that breaks the schema, on an authenticated
// connection, gets an ErrorFrame and the connection stays open. Before authentication the
// first frame must be a valid auth_request, so the same errors close the connection.
// When the answer cannot be written it returns false and the write's error, which ends the
// connection instead.
func (ss *session) recoverable(ctx context.Context, err error) (bool, error) {
	if state, _ := ss.current(); state != chatproto.ConnectionStateConnected {
		return false, err
	}
	var (
		decode  *chatproto.DecodeError
		unknown *chatproto.UnknownFrameError
		msg     string
		code    chatproto.ErrorCode
	)
	switch {
	case errors.As(err, &decode) && decode.Kind != chatproto.KindTooLarge && !malformed(decode.Kind):
		code, msg = chatproto.ErrorCodeInvalidFrame, "invalid frame: "+decode.Error()
	case errors.As(err, &unknown):
		code, msg = chatproto.ErrorCodeUnknownFrame, unknown.Error()
	default:
		return false, err
	}
	ss.logger().Info("refused a frame", "err", err)
	if werr := ss.deliver(chatproto.ErrorFrame{Code: code, Message: msg, State: chatproto.ConnectionStateConnected}); werr != nil {
		return false, werr
	}
	return ctx.Err() == nil, ctx.Err()
}
