// Package noimport uses no generated package: its reads are not reported (there is no
// generated decoder to use), its writes are.
package noimport

import (
	"context"
	"encoding/json"

	"github.com/coder/websocket"
	"github.com/coder/websocket/wsjson"
	gws "github.com/gorilla/websocket"
)

func echo(ctx context.Context, c *websocket.Conn) error {
	var v map[string]any
	if err := wsjson.Read(ctx, c, &v); err != nil {
		return err
	}
	return wsjson.Write(ctx, c, v) // want `^wsjson\.Write writes a value of type map\[string\]any as JSON, bypassing the generated encoder: declare the message as a frame in a framegen schema and send it with the generated sender$`
}

func gorillaEcho(c *gws.Conn) error {
	var v []int
	if err := c.ReadJSON(&v); err != nil {
		return err
	}
	return nil
}

func unmarshal(c *gws.Conn) (v []int, err error) {
	_, b, err := c.ReadMessage()
	if err != nil {
		return nil, err
	}
	return v, json.Unmarshal(b, &v)
}
