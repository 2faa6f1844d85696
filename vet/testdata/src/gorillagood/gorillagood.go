package gorillagood

import (
	"context"
	"encoding/json"

	"example.com/chatproto"
	"github.com/gorilla/websocket"
)

func sendEncoded(c *websocket.Conn, f chatproto.AuthError) error {
	b, err := chatproto.EncodeServerFrame(f)
	if err != nil {
		return err
	}
	return c.WriteMessage(websocket.TextMessage, b)
}

func sendWithSender(ctx context.Context, s *chatproto.ServerSender) error {
	return s.Send(ctx, chatproto.AuthError{Reason: "expired"})
}

func sendNotJSON(c *websocket.Conn) error {
	if err := c.WriteMessage(websocket.TextMessage, []byte("ping")); err != nil {
		return err
	}
	w, err := c.NextWriter(websocket.BinaryMessage)
	if err != nil {
		return err
	}
	b, _ := chatproto.EncodeServerFrame(chatproto.Ping{})
	_, err = w.Write(b)
	return err
}

// marshalNotSent encodes JSON that never reaches a socket.
func marshalNotSent() ([]byte, error) {
	return json.Marshal(map[string]any{"log": "line"})
}

func receive(c *websocket.Conn) (chatproto.ClientFrame, error) {
	_, b, err := c.ReadMessage()
	if err != nil {
		return nil, err
	}
	return chatproto.DecodeClientFrame(b)
}
