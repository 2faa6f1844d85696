package chatserver

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	coder "github.com/coder/websocket"

	"github.com/framegen/framegen/examples/chat/chatclient"
	"github.com/framegen/framegen/examples/chat/chatproto"
)

// expectErrorFrame fails unless f is an ErrorFrame with code and state, and, when closeCode
// is not 0, that close code.
func expectErrorFrame(t *testing.T, f chatclient.ServerFrame, code chatclient.ErrorCode, state chatclient.ConnectionState, closeCode chatclient.CloseCode) chatclient.ErrorFrame {
	t.Helper()
	e, ok := f.(chatclient.ErrorFrame)
	if !ok {
		t.Fatalf("got %#v, want an error frame %s", f, code)
	}
	if e.Code != code || e.State != state {
		t.Errorf("error frame = code %s, state %s (%q); want code %s, state %s", e.Code, e.State, e.Message, code, state)
	}
	switch {
	case closeCode == 0 && e.CloseCode != nil:
		t.Errorf("error frame close_code = %v, want none: the connection stays open", *e.CloseCode)
	case closeCode != 0 && (e.CloseCode == nil || *e.CloseCode != closeCode):
		t.Errorf("error frame close_code = %v, want %d", e.CloseCode, closeCode)
	}
	return e
}

// Integration group 3: the state machine, frame by frame.
func TestFrameBeforeAuth(t *testing.T) {
	tests := []struct {
		name  string
		frame chatclient.ClientFrame
	}{
		{name: "chat_message", frame: chatclient.ChatMessage{ID: ptr("x"), RoomID: "general", Text: "hi",
			Author: chatclient.User{ID: demoUserID("eve"), Name: "eve"}, SentAt: time.Unix(1, 0)}},
		{name: "join", frame: chatclient.Join{ID: ptr("x"), RoomID: "general"}},
		{name: "ping", frame: chatclient.Ping{ID: ptr("x")}},
	}
	forEachTransport(t, func(t *testing.T, tr Transport) {
		ts := startServer(t, tr, nil)
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				c := dial(t, ts.url)
				c.mustSend(tt.frame)
				frames := c.expectClose(coder.StatusPolicyViolation)
				if len(frames) != 1 {
					t.Fatalf("got %d frames before the close, want 1: %v", len(frames), frames)
				}
				e := expectErrorFrame(t, frames[0], chatclient.ErrorCodeNotAuthenticated, chatclient.ConnectionStateClosing, chatclient.CloseCodePolicyViolation)
				if e.ID == nil || *e.ID != "x" {
					t.Errorf("error frame id = %v, want the frame's x", e.ID)
				}
			})
		}
	})
}

func TestSecondAuthRequest(t *testing.T) {
	forEachTransport(t, func(t *testing.T, tr Transport) {
		ts := startServer(t, tr, nil)
		c, _ := login(t, ts.url, "alice")
		c.mustSend(chatclient.AuthRequest{Token: "demo:bob"})
		expectErrorFrame(t, c.mustNext(), chatclient.ErrorCodeAlreadyAuthenticated, chatclient.ConnectionStateConnected, 0)
		// Still alice, still usable.
		c.mustSend(chatclient.Join{RoomID: "r"})
		if j, ok := c.mustNext().(chatclient.Joined); !ok || j.User.Name != "alice" {
			t.Fatalf("join after a second auth_request = %#v, want joined by alice", j)
		}
	})
}

// waitOpen waits, bounded, until the server has want open connections.
func waitOpen(t *testing.T, srv *Server, want int) {
	t.Helper()
	for range 400 { // 400 × 10 ms
		if srv.Open() == want {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("server has %d open connections, want %d", srv.Open(), want)
}

func TestClientClosesMidAuth(t *testing.T) {
	tests := []struct {
		name   string
		send   bool // send auth_request first, then close without waiting for the answer
		abrupt bool // drop the socket without a close frame
	}{
		{name: "close frame before auth_request"},
		{name: "close frame after auth_request", send: true},
		{name: "socket dropped before auth_request", abrupt: true},
		{name: "socket dropped after auth_request", send: true, abrupt: true},
	}
	forEachTransport(t, func(t *testing.T, tr Transport) {
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				ts := startServer(t, tr, nil)
				c := dial(t, ts.url)
				if tt.send {
					c.mustSend(chatclient.AuthRequest{Token: "demo:alice"})
				}
				if tt.abrupt {
					_ = c.conn.CloseNow()
				} else if err := c.conn.Close(coder.StatusNormalClosure, "bye"); err != nil {
					t.Errorf("close: %v", err)
				}
				waitOpen(t, ts.srv, 0)
				if strings.Contains(ts.logs.String(), `"code":1011`) {
					t.Errorf("a close with 1011 was logged:\n%s", ts.logs)
				}
			})
		}
	})
}

func TestAuthDeadline(t *testing.T) {
	forEachTransport(t, func(t *testing.T, tr Transport) {
		// Long enough for a login under a loaded -race run to finish before it.
		const deadline = time.Second
		ts := startServer(t, tr, func(c *Config) { c.AuthTimeout = deadline })
		c := dial(t, ts.url)
		frames := c.expectClose(coder.StatusPolicyViolation)
		if len(frames) != 1 {
			t.Fatalf("got %d frames before the close, want 1: %v", len(frames), frames)
		}
		expectErrorFrame(t, frames[0], chatclient.ErrorCodeAuthTimeout, chatclient.ConnectionStateClosing, chatclient.CloseCodePolicyViolation)
		// An authenticated connection outlives the deadline.
		a, _ := login(t, ts.url, "alice")
		time.Sleep(deadline + 100*time.Millisecond) // past the deadline: not a timing assertion, a state one
		a.mustSend(chatclient.Ping{})
		if _, ok := a.mustNext().(chatclient.Ping); !ok {
			t.Fatal("an authenticated connection did not answer a ping after the auth deadline")
		}
	})
}

// blockingVerifier blocks every Verify until its context ends, after telling entered.
type blockingVerifier struct{ entered chan<- struct{} }

func (v blockingVerifier) Verify(ctx context.Context, _ string) (chatproto.User, error) {
	v.entered <- struct{}{}
	<-ctx.Done()
	return chatproto.User{}, ctx.Err()
}

func TestShutdownWhileAuthenticating(t *testing.T) {
	const idle, verifying = 10, 10
	forEachTransport(t, func(t *testing.T, tr Transport) {
		entered := make(chan struct{}, verifying)
		ts := startServer(t, tr, func(c *Config) { c.Verifier = blockingVerifier{entered: entered} })
		var clients []*client
		for i := range idle + verifying {
			c := dial(t, ts.url)
			if i >= idle {
				c.mustSend(chatclient.AuthRequest{Token: "demo:x"})
			}
			clients = append(clients, c)
		}
		for range verifying {
			<-entered // bounded: every client sent its auth_request above
		}
		waitOpen(t, ts.srv, idle+verifying)

		codes := make([]coder.StatusCode, len(clients))
		var wg sync.WaitGroup
		for i, c := range clients {
			wg.Add(1)
			go func() {
				defer wg.Done()
				codes[i], _, _ = c.closeCode()
			}()
		}
		ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
		defer cancel()
		if err := ts.srv.Shutdown(ctx); err != nil {
			t.Fatalf("Shutdown: %v (a connection hung)", err)
		}
		wg.Wait() // each client read is bounded by ioTimeout
		for i, code := range codes {
			if code != coder.StatusGoingAway {
				t.Errorf("client %d: close code %d, want 1001", i, code)
			}
		}
		if ts.srv.Open() != 0 {
			t.Errorf("%d connections open after Shutdown", ts.srv.Open())
		}
		// A client that comes after Shutdown is refused.
		if c, err := tryDial(ts.url, []string{chatclient.Subprotocol}); err == nil {
			_ = c.conn.CloseNow()
			t.Error("dial after Shutdown succeeded, want refused")
		}
	})
}

func TestSubprotocolRequired(t *testing.T) {
	forEachTransport(t, func(t *testing.T, tr Transport) {
		ts := startServer(t, tr, nil)
		c, err := tryDial(ts.url, nil)
		if err != nil {
			t.Fatalf("dial: %v", err)
		}
		c.t = t
		defer c.conn.CloseNow()
		c.expectClose(coder.StatusPolicyViolation)
	})
}
