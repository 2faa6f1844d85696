package chatserver

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/framegen/framegen/examples/chat/chatproto"
)

// retryAfterUnavailable is the retry_after_ms of an auth_error with code unavailable.
const retryAfterUnavailable int64 = 1000

// HandleAuthRequest checks the token. A good one moves the connection to connected and gets
// auth_success; a refused one gets auth_error in state closing, then close 1008. A second
// auth_request on an authenticated connection gets an ErrorFrame and changes nothing.
func (ss *session) HandleAuthRequest(_ context.Context, f chatproto.AuthRequest) error {
	state, _ := ss.current()
	switch state {
	case chatproto.ConnectionStateConnected:
		return ss.reply(chatproto.ErrorFrame{ID: f.ID, Code: chatproto.ErrorCodeAlreadyAuthenticated,
			Message: "this connection is already authenticated", State: chatproto.ConnectionStateConnected})
	case chatproto.ConnectionStateAuthenticating:
	default:
		return errClosing
	}
	ss.mu.Lock()
	deadline := ss.deadline
	ss.mu.Unlock()
	vctx, cancel := context.WithDeadline(ss.work, deadline)
	defer cancel()
	user, err := ss.srv.cfg.Verifier.Verify(vctx, f.Token)
	if state, _ := ss.current(); state != chatproto.ConnectionStateAuthenticating {
		return errClosing // the deadline or Shutdown came first and says why
	}
	if err == nil {
		if verr := user.Validate(); verr != nil {
			err = fmt.Errorf("%w: %w", errInvalidUser, verr)
		}
	}
	if err != nil {
		return ss.refuse(f, err)
	}
	ss.mu.Lock()
	if err := ss.move(chatproto.ConnectionStateConnected); err != nil {
		ss.mu.Unlock()
		return errClosing // the deadline or Shutdown came first
	}
	ss.user = user
	ss.log = ss.log.With("user", user.Name)
	log := ss.log
	ss.mu.Unlock()
	log.Info("authenticated")
	return ss.reply(chatproto.AuthSuccess{ID: f.ID, User: user, State: chatproto.ConnectionStateConnected})
}

// refuse answers a token the verifier did not accept: auth_error, then close 1008 for a
// refusal, or 1013 when the verifier could not decide.
func (ss *session) refuse(f chatproto.AuthRequest, err error) error {
	var rej *RejectError
	if errors.As(err, &rej) {
		code := rej.Code
		if !code.IsValid() {
			// The founding bug, from a verifier: an enum value the protocol does not have.
			// The frame would be refused before writing, and the client would never learn
			// why; send one that is valid instead.
			ss.logger().Error("token verifier returned an invalid auth error code; sending invalid_token", "code", string(code))
			code = chatproto.AuthErrorCodeInvalidToken
		}
		msg := rej.Message
		if msg == "" {
			msg = "the token was refused"
		}
		ss.logger().Info("authentication refused", "code", code)
		return &closeRequest{code: chatproto.CloseCodePolicyViolation, reason: reasonAuthFailed, frame: chatproto.AuthError{
			ID: f.ID, Code: code, Message: msg, State: chatproto.ConnectionStateClosing,
		}}
	}
	ss.logger().Error("token verifier failed", "err", err)
	retry := retryAfterUnavailable
	return &closeRequest{code: chatproto.CloseCodeTryAgainLater, reason: reasonUnavailable, frame: chatproto.AuthError{
		ID: f.ID, Code: chatproto.AuthErrorCodeUnavailable, Message: "the server could not check the token now; try again later",
		State: chatproto.ConnectionStateClosing, RetryAfterMs: &retry,
	}}
}

// connected returns the user of an authenticated connection, or the close request for a
// frame that came before authentication (an ErrorFrame, then close 1008).
func (ss *session) connected(id *string) (chatproto.User, error) {
	state, user := ss.current()
	switch state {
	case chatproto.ConnectionStateConnected:
		return user, nil
	case chatproto.ConnectionStateAuthenticating:
		code := chatproto.CloseCodePolicyViolation
		return user, &closeRequest{code: code, reason: reasonNotAuth, frame: chatproto.ErrorFrame{
			ID: id, Code: chatproto.ErrorCodeNotAuthenticated, Message: "the first frame must be auth_request",
			State: chatproto.ConnectionStateClosing, CloseCode: &code,
		}}
	}
	return user, errClosing
}

// HandlePing answers with a ping that carries the same id.
func (ss *session) HandlePing(_ context.Context, f chatproto.Ping) error {
	if _, err := ss.connected(f.ID); err != nil {
		return err
	}
	return ss.reply(chatproto.Ping{ID: f.ID})
}

// HandleJoin adds the connection to a room and sends joined to every member; joining a room
// again sends joined to this connection only.
func (ss *session) HandleJoin(_ context.Context, f chatproto.Join) error {
	user, err := ss.connected(f.ID)
	if err != nil {
		return err
	}
	members, isNew := ss.srv.rooms.join(f.RoomID, ss)
	if !isNew {
		members = []*session{ss}
	}
	ss.logger().Debug("join", "room", f.RoomID, "new", isNew)
	broadcast(members, ss, f.ID, func(id *string) chatproto.ServerFrame {
		return chatproto.Joined{ID: id, RoomID: f.RoomID, User: user}
	})
	return nil
}

// HandleLeave takes the connection out of a room and sends left to it and to the members
// left; leaving a room it is not in gets an ErrorFrame.
func (ss *session) HandleLeave(_ context.Context, f chatproto.Leave) error {
	user, err := ss.connected(f.ID)
	if err != nil {
		return err
	}
	members, was := ss.srv.rooms.leave(f.RoomID, ss)
	if !was {
		return ss.notInRoom(f.ID)
	}
	ss.logger().Debug("leave", "room", f.RoomID)
	broadcast(append([]*session{ss}, members...), ss, f.ID, func(id *string) chatproto.ServerFrame {
		return chatproto.Left{ID: id, RoomID: f.RoomID, User: user}
	})
	return nil
}

// HandleChatMessage sends the message to every member of its room, the author included,
// with the authenticated user as author and the server's time as sent_at: a client cannot
// speak for someone else or date its messages.
func (ss *session) HandleChatMessage(_ context.Context, f chatproto.ChatMessage) error {
	user, err := ss.connected(f.ID)
	if err != nil {
		return err
	}
	members, in := ss.srv.rooms.members(f.RoomID, ss)
	if !in {
		return ss.notInRoom(f.ID)
	}
	f.Author = user
	f.SentAt = time.Now().UTC()
	broadcast(members, ss, f.ID, func(id *string) chatproto.ServerFrame {
		m := f
		m.ID = id
		return m
	})
	return nil
}

// notInRoom answers a frame for a room the connection has not joined.
func (ss *session) notInRoom(id *string) error {
	return ss.reply(chatproto.ErrorFrame{ID: id, Code: chatproto.ErrorCodeNotInRoom,
		Message: "join the room first", State: chatproto.ConnectionStateConnected})
}

// reply sends f to this connection from a handler; only a failed write ends the connection.
func (ss *session) reply(f chatproto.ServerFrame) error {
	return ss.deliver(f)
}

// frameName names a frame for the log (never its content).
func frameName(f chatproto.ServerFrame) string {
	switch f.(type) {
	case chatproto.AuthSuccess:
		return "auth_success"
	case chatproto.AuthError:
		return "auth_error"
	case chatproto.ChatMessage:
		return "chat_message"
	case chatproto.Ping:
		return "ping"
	case chatproto.Joined:
		return "joined"
	case chatproto.Left:
		return "left"
	case chatproto.ErrorFrame:
		return "error"
	}
	return fmt.Sprintf("%T", f)
}
