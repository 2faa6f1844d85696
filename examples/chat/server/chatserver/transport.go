package chatserver

import (
	"context"
	"errors"
	"io"
	"net/http"
	"sync/atomic"
	"time"

	coder "github.com/coder/websocket"
	gorilla "github.com/gorilla/websocket"

	"github.com/framegen/framegen/examples/chat/chatproto"
)

// Transport names the WebSocket library a Server runs on. The session code is the same for
// both; only the glue in this file differs.
type Transport string

// The transports a Server can run on.
const (
	// TransportCoder is github.com/coder/websocket (the default).
	TransportCoder Transport = "coder"
	// TransportGorilla is github.com/gorilla/websocket.
	TransportGorilla Transport = "gorilla"
)

// Transports returns every transport, in a fixed order (for flags and test tables).
func Transports() []Transport { return []Transport{TransportCoder, TransportGorilla} }

// readEnd says how a read loop ended on the transport's side.
type readEnd int

const (
	readBroken    readEnd = iota // the connection failed or was closed under the loop
	readPeerClose                // the peer sent a close frame; the library answered it
	readTooBig                   // a message over the read limit; the library closed with 1009
)

// conn is the transport glue a session runs on. Every method but serve and finish may be
// called concurrently with serve.
type conn interface {
	// writer is the FrameWriter the session's ServerSender writes with.
	writer() chatproto.FrameWriter
	// serve is the generated read loop (ServeCoder, ServeGorilla): it returns the first read,
	// decode or handler error.
	serve(ctx context.Context, h chatproto.ClientHandler) error
	// classify tells how a read error that serve returned ended the loop, and the peer's close
	// code for readPeerClose.
	classify(err error) (readEnd, int)
	// close sends a close frame with code and reason (once; later calls do nothing) and
	// makes a serve blocked in a read return within the close timeout.
	close(code chatproto.CloseCode, reason string)
	// finish completes the close handshake, bounded by the close timeout, and releases the
	// connection. It is called once, after serve has returned for the last time.
	finish()
}

// acceptFunc upgrades an HTTP request to a WebSocket connection offering the chat
// subprotocol, and returns the glue and the subprotocol the client selected ("" for none).
type acceptFunc func(w http.ResponseWriter, r *http.Request) (conn, string, error)

// acceptCoder returns the accept function of github.com/coder/websocket.
func acceptCoder(readLimit int64) acceptFunc {
	return func(w http.ResponseWriter, r *http.Request) (conn, string, error) {
		c, err := coder.Accept(w, r, &coder.AcceptOptions{Subprotocols: []string{chatproto.Subprotocol}})
		if err != nil {
			return nil, "", err
		}
		c.SetReadLimit(readLimit)
		return coderConn{c: c}, c.Subprotocol(), nil
	}
}

// coderConn is the glue for github.com/coder/websocket, whose Close runs the whole close
// handshake itself (5 s to write, 5 s to wait for the peer) and may be called concurrently
// with a read.
type coderConn struct{ c *coder.Conn }

func (k coderConn) writer() chatproto.FrameWriter { return chatproto.CoderWriter{Conn: k.c} }

func (k coderConn) serve(ctx context.Context, h chatproto.ClientHandler) error {
	return chatproto.ServeCoder(ctx, k.c, h)
}

func (k coderConn) classify(err error) (readEnd, int) {
	if errors.Is(err, coder.ErrMessageTooBig) {
		return readTooBig, 0
	}
	if code := coder.CloseStatus(err); code != -1 {
		return readPeerClose, int(code)
	}
	return readBroken, 0
}

func (k coderConn) close(code chatproto.CloseCode, reason string) {
	_ = k.c.Close(coder.StatusCode(code), reason)
}

func (k coderConn) finish() { _ = k.c.CloseNow() }

// acceptGorilla returns the accept function of github.com/gorilla/websocket.
func acceptGorilla(readLimit int64, closeTimeout time.Duration) acceptFunc {
	up := gorilla.Upgrader{Subprotocols: []string{chatproto.Subprotocol}}
	return func(w http.ResponseWriter, r *http.Request) (conn, string, error) {
		c, err := up.Upgrade(w, r, nil)
		if err != nil {
			return nil, "", err
		}
		c.SetReadLimit(readLimit)
		g := &gorillaConn{c: c, timeout: closeTimeout}
		c.SetCloseHandler(g.onClose)
		return g, c.Subprotocol(), nil
	}
}

// gorillaConn is the glue for github.com/gorilla/websocket, which leaves the close handshake
// to the application: close writes the close frame and sets a read deadline, so a blocked
// read returns with the peer's answer or at the deadline.
type gorillaConn struct {
	c        *gorilla.Conn
	timeout  time.Duration
	sent     atomic.Bool // a close frame was written
	received atomic.Bool // the peer's close frame was read
	overRead atomic.Bool // a message over the read limit: gorilla closed with 1009 and reads no more
}

func (g *gorillaConn) writer() chatproto.FrameWriter { return chatproto.GorillaWriter{Conn: g.c} }

func (g *gorillaConn) serve(ctx context.Context, h chatproto.ClientHandler) error {
	err := chatproto.ServeGorilla(ctx, g.c, h)
	if errors.Is(err, gorilla.ErrReadLimit) {
		g.sent.Store(true) // gorilla wrote the 1009 close frame itself
		g.overRead.Store(true)
	}
	return err
}

func (g *gorillaConn) classify(err error) (readEnd, int) {
	if errors.Is(err, gorilla.ErrReadLimit) {
		return readTooBig, 0
	}
	var ce *gorilla.CloseError
	if errors.As(err, &ce) {
		return readPeerClose, ce.Code
	}
	return readBroken, 0
}

// onClose answers the peer's close frame with the same code, unless this side has already
// sent one (then the peer's frame is the answer).
func (g *gorillaConn) onClose(code int, _ string) error {
	g.received.Store(true)
	if g.sent.CompareAndSwap(false, true) {
		if code == gorilla.CloseNoStatusReceived {
			code = gorilla.CloseNormalClosure
		}
		_ = g.c.WriteControl(gorilla.CloseMessage, gorilla.FormatCloseMessage(code, ""), time.Now().Add(g.timeout))
	}
	return nil
}

func (g *gorillaConn) close(code chatproto.CloseCode, reason string) {
	if !g.sent.CompareAndSwap(false, true) {
		return
	}
	deadline := time.Now().Add(g.timeout)
	_ = g.c.WriteControl(gorilla.CloseMessage, gorilla.FormatCloseMessage(int(code), reason), deadline)
	// The net.Conn's deadline methods are safe for concurrent use, unlike gorilla's read side.
	_ = g.c.NetConn().SetReadDeadline(deadline)
}

func (g *gorillaConn) finish() {
	switch {
	case g.overRead.Load():
		// The rest of the long message and the peer's answer are still coming, and gorilla
		// will not read them: discard them from the socket until the peer closes it or the
		// deadline, so that closing does not reset a connection with unread data.
		nc := g.c.NetConn()
		_ = nc.SetReadDeadline(time.Now().Add(g.timeout))
		_, _ = io.Copy(io.Discard, nc)
	case g.sent.Load() && !g.received.Load():
		// Nobody reads any more: wait here for the peer's close frame, until the deadline
		// close set. The first error ends it (gorilla panics on many reads after an error).
		for {
			if _, _, err := g.c.NextReader(); err != nil {
				break
			}
		}
	}
	_ = g.c.Close()
}
