// Package websocket is a stub of the github.com/gorilla/websocket API the analyzer knows.
package websocket

import "io"

// Message types.
const (
	TextMessage   = 1
	BinaryMessage = 2
)

// Conn is a WebSocket connection.
type Conn struct{}

func (c *Conn) WriteJSON(v interface{}) error                         { return nil }
func (c *Conn) ReadJSON(v interface{}) error                          { return nil }
func (c *Conn) WriteMessage(messageType int, data []byte) error       { return nil }
func (c *Conn) ReadMessage() (messageType int, p []byte, err error)   { return 0, nil, nil }
func (c *Conn) NextReader() (messageType int, r io.Reader, err error) { return 0, nil, nil }
func (c *Conn) NextWriter(messageType int) (io.WriteCloser, error)    { return nil, nil }
func (c *Conn) WritePreparedMessage(pm *PreparedMessage) error        { return nil }

// WriteJSON is the deprecated function form of (*Conn).WriteJSON.
func WriteJSON(c *Conn, v interface{}) error { return nil }

// ReadJSON is the deprecated function form of (*Conn).ReadJSON.
func ReadJSON(c *Conn, v interface{}) error { return nil }

// PreparedMessage caches the wire form of a message.
type PreparedMessage struct{}

func NewPreparedMessage(messageType int, data []byte) (*PreparedMessage, error) { return nil, nil }
