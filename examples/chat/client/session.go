package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/coder/websocket"

	"github.com/framegen/framegen/examples/chat/chatclient"
)

// session is an authenticated connection: it prints the frames that arrive (it implements
// chatclient.ServerHandler) and sends what the user types.
type session struct {
	conn    *websocket.Conn
	send    *chatclient.ClientSender
	out     *printer
	user    chatclient.User
	room    string        // the room lines are sent to; read and written by input only
	flushed chan struct{} // closed when the answer to the flush ping arrives
}

var _ chatclient.ServerHandler = (*session)(nil)

// input sends what the user types until the end of stdin or /quit.
func (s *session) input(ctx context.Context, room string, stdin io.Reader) error {
	if err := s.join(ctx, room); err != nil {
		return err
	}
	sc := bufio.NewScanner(stdin)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		cmd, arg, _ := strings.Cut(line, " ")
		var err error
		switch {
		case line == "":
			continue
		case cmd == "/quit":
			return nil
		case cmd == "/join" && arg != "":
			err = s.join(ctx, arg)
		case cmd == "/leave":
			err = s.write(ctx, chatclient.Leave{RoomID: s.room})
		case cmd == "/ping":
			err = s.write(ctx, chatclient.Ping{})
		case strings.HasPrefix(line, "/"):
			s.out.printf("commands: /join ROOM, /leave, /ping, /quit; anything else is a message to %s", s.room)
			continue
		default:
			err = s.write(ctx, chatclient.ChatMessage{RoomID: s.room, Author: s.user, Text: line, SentAt: time.Now()})
		}
		var invalid *chatclient.ValidationError
		if errors.As(err, &invalid) {
			// Checked before sending: nothing was written, the connection is fine.
			s.out.printf("not sent: %v", invalid)
			continue
		}
		if err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read input: %w", err)
	}
	return ctx.Err()
}

// join joins room and makes it the one lines go to.
func (s *session) join(ctx context.Context, room string) error {
	if err := s.write(ctx, chatclient.Join{RoomID: room}); err != nil {
		return err
	}
	s.room = room
	return nil
}

// write sends f, bounded by the timeout. A *chatclient.ValidationError means nothing was
// sent.
func (s *session) write(ctx context.Context, f chatclient.ClientFrame) error {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	err := s.send.Send(ctx, f)
	var invalid *chatclient.ValidationError
	if err != nil && !errors.As(err, &invalid) {
		return fmt.Errorf("send: %w", err)
	}
	return err
}

// HandleAuthSuccess prints a late auth_success (the server sends it once, first).
func (s *session) HandleAuthSuccess(_ context.Context, f chatclient.AuthSuccess) error {
	s.out.printf("authenticated as %s (%s)", f.User.Name, f.State)
	return nil
}

// HandleAuthError prints a refusal.
func (s *session) HandleAuthError(_ context.Context, f chatclient.AuthError) error {
	s.out.printf("auth refused: %s: %s", f.Code, f.Message)
	return nil
}

// HandleChatMessage prints a message as "[room] name: text".
func (s *session) HandleChatMessage(_ context.Context, f chatclient.ChatMessage) error {
	s.out.printf("[%s] %s: %s", f.RoomID, f.Author.Name, f.Text)
	return nil
}

// HandlePing prints the answer to /ping, and ends the session on the flush ping's answer.
func (s *session) HandlePing(_ context.Context, f chatclient.Ping) error {
	if f.ID != nil && *f.ID == flushID {
		close(s.flushed)
		return nil
	}
	s.out.printf("pong")
	return nil
}

// HandleJoined prints "* name joined room".
func (s *session) HandleJoined(_ context.Context, f chatclient.Joined) error {
	s.out.printf("* %s joined %s", f.User.Name, f.RoomID)
	return nil
}

// HandleLeft prints "* name left room".
func (s *session) HandleLeft(_ context.Context, f chatclient.Left) error {
	s.out.printf("* %s left %s", f.User.Name, f.RoomID)
	return nil
}

// HandleErrorFrame prints the server's refusal of a frame.
func (s *session) HandleErrorFrame(_ context.Context, f chatclient.ErrorFrame) error {
	s.out.printf("error: %s: %s", f.Code, f.Message)
	return nil
}
