package chatserver

import (
	"fmt"

	"github.com/framegen/framegen/examples/chat/chatproto"
)

// A connection moves through the generated ConnectionState values in one direction only:
//
//	connecting ─► authenticating ─► connected ─► closing ─► closed
//	                    └─────────────────────────►┘
//
// connecting lasts until the WebSocket handshake is done (a failed handshake never gets a
// session); authenticating until a valid auth_request or the deadline; any state may go to
// closing (a refused token, a protocol error, shutdown, the peer's close), and closing ends in
// closed once the connection is released.

// transitionError is a move the state machine does not allow. The session treats it as a
// lost race (a close that started first), never as a client's mistake.
type transitionError struct {
	from, to chatproto.ConnectionState
}

func (e *transitionError) Error() string {
	return fmt.Sprintf("connection state: cannot go from %s to %s", e.from, e.to)
}

// canMove reports whether a connection in state from may move to state to.
func canMove(from, to chatproto.ConnectionState) bool {
	switch from {
	case chatproto.ConnectionStateConnecting:
		return to == chatproto.ConnectionStateAuthenticating || to == chatproto.ConnectionStateClosing
	case chatproto.ConnectionStateAuthenticating:
		return to == chatproto.ConnectionStateConnected || to == chatproto.ConnectionStateClosing
	case chatproto.ConnectionStateConnected:
		return to == chatproto.ConnectionStateClosing
	case chatproto.ConnectionStateClosing:
		return to == chatproto.ConnectionStateClosed
	}
	return false
}
