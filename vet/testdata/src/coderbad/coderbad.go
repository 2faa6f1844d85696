package coderbad

import (
	"context"
	"encoding/json"

	"example.com/chatproto"
	"github.com/coder/websocket"
	"github.com/coder/websocket/wsjson"
)

func wsjsonWrite(ctx context.Context, c *websocket.Conn, state chatproto.ConnectionState) error {
	return wsjson.Write(ctx, c, map[string]any{"type": "auth_error", "state": state}) // want `^wsjson\.Write writes a map\[string\]any built at line 13 holding a chatproto\.ConnectionState as JSON, bypassing the generated encoder: build a chatproto\.AuthError and send it with \(\*chatproto\.ServerSender\)\.SendAuthError$`
}

func wsjsonWriteFrame(ctx context.Context, c *websocket.Conn) error {
	return wsjson.Write(ctx, c, chatproto.AuthRequest{Token: "t"}) // want `^wsjson\.Write writes generated frame chatproto\.AuthRequest without its frame tag as JSON, bypassing the generated encoder: use \(\*chatproto\.ClientSender\)\.Send or chatproto\.EncodeClientFrame$`
}

func writeMarshalled(ctx context.Context, c *websocket.Conn, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return c.Write(ctx, websocket.MessageText, b) // want `^\(\*websocket\.Conn\)\.Write writes json\.Marshal output \(an interface value \(any\)\), bypassing the generated encoder`
}

func writerEncoder(ctx context.Context, c *websocket.Conn) error {
	w, err := c.Writer(ctx, websocket.MessageText)
	if err != nil {
		return err
	}
	defer w.Close()
	return json.NewEncoder(w).Encode(map[string]any{"type": "hello"}) // want `^json\.Encoder on the writer of \(\*websocket\.Conn\)\.Writer writes a map\[string\]any built at line 34, bypassing the generated encoder`
}

func writerWrite(ctx context.Context, c *websocket.Conn) error {
	w, err := c.Writer(ctx, websocket.MessageText)
	if err != nil {
		return err
	}
	var b []byte
	b, err = json.Marshal([]any{1, "two"})
	if err != nil {
		return err
	}
	_, err = w.Write(b) // want `^the writer of \(\*websocket\.Conn\)\.Writer writes json\.Marshal output \(a \[\]any built at line 43\)`
	return err
}

func wsjsonRead(ctx context.Context, c *websocket.Conn) (chatproto.AuthRequest, error) {
	var req chatproto.AuthRequest
	err := wsjson.Read(ctx, c, &req) // want `^wsjson\.Read decodes JSON without the generated decoder: read the message with \(\*websocket\.Conn\)\.Read and decode it with chatproto\.DecodeClientFrame or chatproto\.DecodeServerFrame \(or Dispatch…\)$`
	return req, err
}

func unmarshalMessage(ctx context.Context, c *websocket.Conn) (chatproto.AuthRequest, error) {
	var req chatproto.AuthRequest
	_, b, err := c.Read(ctx)
	if err != nil {
		return req, err
	}
	s := string(b)
	return req, json.Unmarshal([]byte(s), &req) // want `^json\.Unmarshal of a message from \(\*websocket\.Conn\)\.Read bypasses the generated decoder`
}

func decodeReader(ctx context.Context, c *websocket.Conn) (any, error) {
	_, r, err := c.Reader(ctx)
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(r) // want `^json\.Decoder on the reader of \(\*websocket\.Conn\)\.Reader bypasses the generated decoder`
	var v any
	return v, dec.Decode(&v)
}
