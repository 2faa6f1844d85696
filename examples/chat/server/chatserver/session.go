package chatserver

import (
	"context"
	"errors"
	"log/slog"
	"sort"
	"sync"
	"time"

	"github.com/framegen/framegen/examples/chat/chatproto"
)

// Close reasons: fixed texts, so that nothing a client sent travels back in a close frame.
const (
	reasonShutdown     = "server shutting down"
	reasonAuthFailed   = "authentication failed"
	reasonAuthTimeout  = "authentication timeout"
	reasonUnavailable  = "token check unavailable"
	reasonNotAuth      = "authenticate first"
	reasonMalformed    = "malformed frame"
	reasonInvalidFirst = "first frame must be a valid auth_request"
	reasonTooLarge     = "frame too large"
	reasonBinary       = "binary messages are not supported"
	reasonSlow         = "write failed or timed out"
)

// session is one WebSocket connection: its state machine, its user once authenticated, and
// the handlers of every client frame (it implements chatproto.ClientHandler).
type session struct {
	srv *Server
	id  uint64
	c   conn
	out *chatproto.ServerSender
	// work bounds what handlers wait for (the verifier); it ends when closing begins. The
	// read loop does not use it: coder closes the socket, without a close frame, when a
	// read's context ends.
	work context.Context
	stop context.CancelFunc

	mu       sync.Mutex
	state    chatproto.ConnectionState
	user     chatproto.User // set on the move to connected
	log      *slog.Logger
	deadline time.Time      // of authentication
	async    sync.WaitGroup // closes running in other goroutines (deadline, shutdown)
}

var _ chatproto.ClientHandler = (*session)(nil)

func newSession(srv *Server, id uint64, c conn, log *slog.Logger) *session {
	work, stop := context.WithCancel(context.Background())
	return &session{srv: srv, id: id, c: c, out: chatproto.NewServerSender(c.writer()),
		work: work, stop: stop, state: chatproto.ConnectionStateConnecting, log: log}
}

// logger returns the session's logger (it gains the user's name on authentication).
func (ss *session) logger() *slog.Logger {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	return ss.log
}

// move changes the state, or returns a *transitionError; ss.mu must be held.
func (ss *session) move(to chatproto.ConnectionState) error {
	if !canMove(ss.state, to) {
		return &transitionError{from: ss.state, to: to}
	}
	if to == chatproto.ConnectionStateClosing {
		ss.stop()
	}
	ss.log.Debug("state", "from", ss.state, "to", to)
	ss.state = to
	return nil
}

// current returns the state and, when connected, the user.
func (ss *session) current() (chatproto.ConnectionState, chatproto.User) {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	return ss.state, ss.user
}

// run handles the connection until it is closed.
func (ss *session) run(ctx context.Context) {
	ss.mu.Lock()
	ss.deadline = time.Now().Add(ss.srv.cfg.AuthTimeout)
	_ = ss.move(chatproto.ConnectionStateAuthenticating)
	ss.mu.Unlock()
	timer := time.AfterFunc(ss.srv.cfg.AuthTimeout, ss.authExpired)
	defer timer.Stop()
	for {
		again, err := ss.recoverable(ctx, ss.c.serve(ctx, ss))
		if again {
			continue
		}
		ss.end(ctx, err)
		return
	}
}

// authExpired closes a connection still authenticating at its deadline with 1008, after an
// error frame that says so.
func (ss *session) authExpired() {
	ss.closeAsync(chatproto.CloseCodePolicyViolation, reasonAuthTimeout, chatproto.ConnectionStateAuthenticating,
		chatproto.ErrorFrame{Code: chatproto.ErrorCodeAuthTimeout, Message: "no auth_request within the deadline"})
}

// closeAsync starts closing the connection from outside its read loop (the auth deadline,
// Shutdown): it sends frame first when it has a code, then the close frame, in a goroutine
// that run waits for. only, when not empty, is the one state the close applies to.
func (ss *session) closeAsync(code chatproto.CloseCode, reason string, only chatproto.ConnectionState, frame chatproto.ErrorFrame) {
	ss.mu.Lock()
	if only != "" && ss.state != only || ss.move(chatproto.ConnectionStateClosing) != nil {
		ss.mu.Unlock()
		return
	}
	ss.async.Add(1)
	ss.mu.Unlock()
	go func() {
		defer ss.async.Done()
		ss.leaveRooms()
		if frame.Code != "" {
			frame.State = chatproto.ConnectionStateClosing
			frame.CloseCode = &code
			_ = ss.deliver(frame)
		}
		ss.logger().Info("closing", "code", int(code), "reason", reason)
		ss.c.close(code, reason)
	}()
}

// closeNow closes a connection that never got to run (no subprotocol, or Shutdown started).
func (ss *session) closeNow(code chatproto.CloseCode, reason string) {
	ss.mu.Lock()
	_ = ss.move(chatproto.ConnectionStateClosing)
	ss.mu.Unlock()
	ss.log.Info("closing", "code", int(code), "reason", reason)
	ss.c.close(code, reason)
	ss.c.finish()
	ss.mu.Lock()
	_ = ss.move(chatproto.ConnectionStateClosed)
	ss.mu.Unlock()
}

// end closes the connection after its read loop stopped with err, which decides the close
// code and the frame sent before it (see verdict).
func (ss *session) end(ctx context.Context, err error) {
	v := ss.verdict(ctx, err)
	ss.mu.Lock()
	mine := ss.move(chatproto.ConnectionStateClosing) == nil // else a close had begun elsewhere
	ss.mu.Unlock()
	log := ss.logger()
	if mine {
		ss.leaveRooms()
		if v.frame != nil {
			_ = ss.deliver(v.frame)
		}
		if v.cause != nil {
			log = log.With("cause", v.cause)
		}
		switch {
		case v.closed:
			log.Info("closed by the peer", "code", int(v.code))
		case v.code != 0:
			log.Info("closing", "code", int(v.code), "reason", v.reason)
			ss.c.close(v.code, v.reason)
		default:
			log.Info("connection ended")
		}
	}
	ss.async.Wait()
	ss.c.finish()
	ss.mu.Lock()
	_ = ss.move(chatproto.ConnectionStateClosed)
	ss.mu.Unlock()
	ss.stop()
	log.Debug("closed")
}

// deliver sends f on this connection, bounded by the write timeout. An invalid frame is a
// server bug: it is logged and nothing is written, and the connection stays usable. A write
// that fails breaks the connection, which is then closed.
func (ss *session) deliver(f chatproto.ServerFrame) error {
	ctx, cancel := context.WithTimeout(context.Background(), ss.srv.cfg.WriteTimeout)
	defer cancel()
	err := ss.out.Send(ctx, f)
	var invalid *chatproto.ValidationError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &invalid):
		ss.logger().Error("server built an invalid frame; nothing was sent", "frame", frameName(f), "err", err)
		return nil
	default:
		ss.logger().Info("write failed", "frame", frameName(f), "err", err)
		return &writeError{err: err}
	}
}

// writeError is a failed write: the connection is broken.
type writeError struct{ err error }

func (e *writeError) Error() string { return "write: " + e.err.Error() }
func (e *writeError) Unwrap() error { return e.err }

// leaveRooms takes the session out of every room and tells the members left.
func (ss *session) leaveRooms() {
	_, user := ss.current()
	left := ss.srv.rooms.leaveAll(ss)
	rooms := make([]string, 0, len(left))
	for room := range left {
		rooms = append(rooms, room)
	}
	sort.Strings(rooms)
	for _, room := range rooms {
		broadcast(left[room], nil, nil, func(*string) chatproto.ServerFrame {
			return chatproto.Left{RoomID: room, User: user}
		})
	}
}

// broadcast delivers the frame build returns to every connected member; from's copy has
// the request id id, the others none. A member whose write fails is closed.
func broadcast(members []*session, from *session, id *string, build func(id *string) chatproto.ServerFrame) {
	for _, m := range members {
		if st, _ := m.current(); st != chatproto.ConnectionStateConnected {
			continue
		}
		var f chatproto.ServerFrame
		if m == from {
			f = build(id)
		} else {
			f = build(nil)
		}
		if err := m.deliver(f); err != nil {
			m.closeAsync(chatproto.CloseCodePolicyViolation, reasonSlow, "", chatproto.ErrorFrame{})
		}
	}
}
