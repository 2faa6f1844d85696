// Package websocket is a stub of the github.com/coder/websocket API the analyzer knows.
package websocket

import (
	"context"
	"io"
)

// MessageType is the type of a message.
type MessageType int

// Message types.
const (
	MessageText MessageType = iota + 1
	MessageBinary
)

// Conn is a WebSocket connection.
type Conn struct{}

func (c *Conn) Write(ctx context.Context, typ MessageType, p []byte) error          { return nil }
func (c *Conn) Writer(ctx context.Context, typ MessageType) (io.WriteCloser, error) { return nil, nil }
func (c *Conn) Reader(ctx context.Context) (MessageType, io.Reader, error)          { return 0, nil, nil }
func (c *Conn) Read(ctx context.Context) (MessageType, []byte, error)               { return 0, nil, nil }
