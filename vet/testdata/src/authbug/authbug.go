// Package authbug is the founding bug: an auth error built as a map holding an enum value
// and written with gorilla's WriteJSON. Encoding failed and the connection died with 1011.
package authbug

import (
	"context"

	"example.com/chatproto"
	"github.com/gorilla/websocket"
)

type Server struct{}

func (s *Server) HandleAuth(conn *websocket.Conn, req chatproto.AuthRequest) error {
	if req.Token == "" {
		return s.rejectAuth(conn, "missing token", chatproto.ConnectionStateUnauthenticated)
	}
	return nil
}

func (s *Server) rejectAuth(conn *websocket.Conn, reason string, state chatproto.ConnectionState) error {
	resp := map[string]any{
		"type":   "auth_error",
		"reason": reason,
		"state":  state,
	}
	return conn.WriteJSON(resp) // want `^\(\*websocket\.Conn\)\.WriteJSON writes a map\[string\]any built at line 22 holding a chatproto\.ConnectionState as JSON, bypassing the generated encoder: build a chatproto\.AuthError and send it with \(\*chatproto\.ServerSender\)\.SendAuthError$`
}

// rejectAuthFixed is the fix: the generated sender validates the frame and writes nothing
// when it is invalid, so the client gets an error frame or the server gets an error.
func (s *Server) rejectAuthFixed(ctx context.Context, send *chatproto.ServerSender, reason string, state chatproto.ConnectionState) error {
	return send.SendAuthError(ctx, chatproto.AuthError{Reason: reason, State: state})
}
