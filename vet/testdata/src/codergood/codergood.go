package codergood

import (
	"context"
	"encoding/json"

	"example.com/chatproto"
	"github.com/coder/websocket"
)

func send(ctx context.Context, c *websocket.Conn, f chatproto.ServerFrame) error {
	b, err := chatproto.EncodeServerFrame(f)
	if err != nil {
		return err
	}
	return c.Write(ctx, websocket.MessageText, b)
}

func sendRawMessage(ctx context.Context, c *websocket.Conn, raw json.RawMessage) error {
	return c.Write(ctx, websocket.MessageBinary, raw)
}

func receive(ctx context.Context, c *websocket.Conn) (chatproto.ClientFrame, error) {
	_, b, err := c.Read(ctx)
	if err != nil {
		return nil, err
	}
	return chatproto.DecodeClientFrame(b)
}
