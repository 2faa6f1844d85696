package chatserver

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	coder "github.com/coder/websocket"

	"github.com/framegen/framegen/examples/chat/chatclient"
	"github.com/framegen/framegen/examples/chat/chatproto"
)

// padded returns a ping frame padded with trailing white space to n bytes.
func padded(n int) []byte {
	b := []byte(`{"type":"ping"}`)
	return append(b, bytes.Repeat([]byte(" "), n-len(b))...)
}

// TestMaxFrameBytes holds MaxFrameBytes, the transport read limit, equal to the limit the
// generated decoder enforces (the schema's max_frame_bytes for client frames).
func TestMaxFrameBytes(t *testing.T) {
	if _, err := chatproto.DecodeClientFrame(padded(MaxFrameBytes)); err != nil {
		t.Errorf("a frame of MaxFrameBytes: %v, want it decoded", err)
	}
	_, err := chatproto.DecodeClientFrame(padded(MaxFrameBytes + 1))
	var de *chatproto.DecodeError
	if !errors.As(err, &de) || de.Kind != chatproto.KindTooLarge {
		t.Errorf("a frame of MaxFrameBytes+1: %v, want a too-large DecodeError", err)
	}
}

// Integration group 5: bad frames get a typed error frame, a close code that fits, or both;
// never a crash, never 1011. A case with close 0 keeps the connection usable.
func TestBadFrames(t *testing.T) {
	text := coder.MessageText
	tests := []struct {
		name      string
		authFirst bool
		typ       coder.MessageType
		msg       []byte
		code      chatclient.ErrorCode       // the error frame's code; "" for no frame
		state     chatclient.ConnectionState // the error frame's state
		close     coder.StatusCode           // 0: the connection stays open
		message   string                     // a substring of the error frame's message
		pong      bool                       // msg is a ping: want its answer instead of an error frame
	}{
		{name: "malformed JSON", authFirst: true, typ: text, msg: []byte(`{"type":"ping"`),
			code: chatclient.ErrorCodeMalformedFrame, state: chatclient.ConnectionStateClosing, close: coder.StatusInvalidFramePayloadData, message: "malformed frame: $"},
		{name: "not JSON", authFirst: true, typ: text, msg: []byte(`hello`),
			code: chatclient.ErrorCodeMalformedFrame, state: chatclient.ConnectionStateClosing, close: coder.StatusInvalidFramePayloadData},
		{name: "empty message", authFirst: true, typ: text, msg: []byte{},
			code: chatclient.ErrorCodeMalformedFrame, state: chatclient.ConnectionStateClosing, close: coder.StatusInvalidFramePayloadData},
		{name: "duplicate key", authFirst: true, typ: text, msg: []byte(`{"type":"join","room_id":"a","room_id":"b"}`),
			code: chatclient.ErrorCodeMalformedFrame, state: chatclient.ConnectionStateClosing, close: coder.StatusInvalidFramePayloadData, message: "room_id"},
		{name: "invalid UTF-8", authFirst: true, typ: text, msg: []byte("{\"type\":\"join\",\"room_id\":\"\xff\"}"),
			code: chatclient.ErrorCodeMalformedFrame, state: chatclient.ConnectionStateClosing, close: coder.StatusInvalidFramePayloadData, message: "UTF-8"},
		{name: "trailing data", authFirst: true, typ: text, msg: []byte(`{"type":"ping"} {}`),
			code: chatclient.ErrorCodeMalformedFrame, state: chatclient.ConnectionStateClosing, close: coder.StatusInvalidFramePayloadData},
		{name: "binary message", authFirst: true, typ: coder.MessageBinary, msg: []byte(`{"type":"ping"}`),
			code: chatclient.ErrorCodeUnsupportedData, state: chatclient.ConnectionStateClosing, close: coder.StatusUnsupportedData},
		{name: "oversize", authFirst: true, typ: text, msg: padded(MaxFrameBytes + 1),
			close: coder.StatusMessageTooBig},
		{name: "largest allowed", authFirst: true, typ: text, msg: padded(MaxFrameBytes), pong: true},
		{name: "unknown type", authFirst: true, typ: text, msg: []byte(`{"type":"dance"}`),
			code: chatclient.ErrorCodeUnknownFrame, state: chatclient.ConnectionStateConnected, message: `"dance"`},
		{name: "server's frame", authFirst: true, typ: text, msg: []byte(`{"type":"joined","room_id":"r","user":{"id":"00000000-0000-0000-0000-000000000000","name":"x"}}`),
			code: chatclient.ErrorCodeUnknownFrame, state: chatclient.ConnectionStateConnected, message: "other side"},
		{name: "no type", authFirst: true, typ: text, msg: []byte(`{"room_id":"r"}`),
			code: chatclient.ErrorCodeInvalidFrame, state: chatclient.ConnectionStateConnected, message: "invalid frame"},
		{name: "missing field", authFirst: true, typ: text, msg: []byte(`{"type":"join"}`),
			code: chatclient.ErrorCodeInvalidFrame, state: chatclient.ConnectionStateConnected, message: "room_id"},
		{name: "wrong case key", authFirst: true, typ: text, msg: []byte(`{"type":"join","Room_id":"r"}`),
			code: chatclient.ErrorCodeInvalidFrame, state: chatclient.ConnectionStateConnected, message: "room_id"},
		{name: "broken constraint", authFirst: true, typ: text, msg: []byte(`{"type":"join","room_id":""}`),
			code: chatclient.ErrorCodeInvalidFrame, state: chatclient.ConnectionStateConnected, message: "$.room_id"},
		{name: "chat in a room not joined", authFirst: true, typ: text,
			msg:  []byte(`{"type":"chat_message","room_id":"r","author":{"id":"00000000-0000-0000-0000-000000000000","name":"x"},"text":"t","sent_at":"2026-01-01T00:00:00Z"}`),
			code: chatclient.ErrorCodeNotInRoom, state: chatclient.ConnectionStateConnected},
		{name: "leave a room not joined", authFirst: true, typ: text, msg: []byte(`{"type":"leave","room_id":"r"}`),
			code: chatclient.ErrorCodeNotInRoom, state: chatclient.ConnectionStateConnected},

		// Before authentication the first frame must be a valid auth_request.
		{name: "malformed before auth", typ: text, msg: []byte(`{"type":`),
			code: chatclient.ErrorCodeMalformedFrame, state: chatclient.ConnectionStateClosing, close: coder.StatusInvalidFramePayloadData},
		{name: "unknown type before auth", typ: text, msg: []byte(`{"type":"dance"}`),
			code: chatclient.ErrorCodeUnknownFrame, state: chatclient.ConnectionStateClosing, close: coder.StatusPolicyViolation},
		{name: "auth_request without token", typ: text, msg: []byte(`{"type":"auth_request"}`),
			code: chatclient.ErrorCodeInvalidFrame, state: chatclient.ConnectionStateClosing, close: coder.StatusPolicyViolation, message: "token"},
		{name: "auth_request with empty token", typ: text, msg: []byte(`{"type":"auth_request","token":""}`),
			code: chatclient.ErrorCodeInvalidFrame, state: chatclient.ConnectionStateClosing, close: coder.StatusPolicyViolation, message: "$.token"},
		{name: "binary before auth", typ: coder.MessageBinary, msg: []byte{0, 1, 2},
			code: chatclient.ErrorCodeUnsupportedData, state: chatclient.ConnectionStateClosing, close: coder.StatusUnsupportedData},
		{name: "oversize before auth", typ: text, msg: padded(2 * MaxFrameBytes), close: coder.StatusMessageTooBig},
	}
	forEachTransport(t, func(t *testing.T, tr Transport) {
		ts := startServer(t, tr, nil)
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				var c *client
				if tt.authFirst {
					c, _ = login(t, ts.url, "alice")
				} else {
					c = dial(t, ts.url)
				}
				if err := c.write(tt.typ, tt.msg); err != nil {
					t.Fatalf("write: %v", err)
				}
				var got []chatclient.ServerFrame
				if tt.close != 0 {
					got = c.expectClose(tt.close)
				} else {
					c.mustSend(chatclient.Ping{ID: ptr("after")})
					for {
						f := c.mustNext()
						if p, ok := f.(chatclient.Ping); ok && p.ID != nil && *p.ID == "after" {
							break // the connection is still usable
						}
						got = append(got, f)
					}
				}
				if tt.pong {
					if len(got) != 1 {
						t.Fatalf("got %v, want one ping", got)
					}
					if _, ok := got[0].(chatclient.Ping); !ok {
						t.Fatalf("got %#v, want a ping", got[0])
					}
					return
				}
				switch {
				case tt.code == "" && len(got) != 0:
					t.Fatalf("got frames %v, want none", got)
				case tt.code == "":
				case len(got) != 1:
					t.Fatalf("got %d frames, want 1 error frame: %v", len(got), got)
				default:
					e := expectErrorFrame(t, got[0], tt.code, tt.state, chatclient.CloseCode(tt.close))
					if !strings.Contains(e.Message, tt.message) {
						t.Errorf("error frame message %q does not contain %q", e.Message, tt.message)
					}
				}
			})
		}
		if logs := ts.logs.String(); strings.Contains(logs, `"code":1011`) || strings.Contains(logs, `"level":"ERROR"`) {
			t.Errorf("a client's mistake was logged as an error or closed with 1011:\n%s", logs)
		}
	})
}
