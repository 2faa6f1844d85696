package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/coder/websocket"

	"github.com/framegen/framegen/examples/chat/chatclient"
	"github.com/framegen/framegen/examples/chat/server/chatserver"
)

// syncBuffer is a bytes.Buffer that the client's goroutines and the test share.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// waitFor waits, bounded, until out holds line as a whole line.
func waitFor(t *testing.T, out *syncBuffer, line string) {
	t.Helper()
	for range 500 { // 500 × 10 ms
		if strings.Contains("\n"+out.String(), "\n"+line+"\n") {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("output has no line %q:\n%s", line, out.String())
}

// startServer runs the example server on tr on 127.0.0.1 and returns its URL.
func startServer(t *testing.T, tr chatserver.Transport) string {
	t.Helper()
	srv, err := chatserver.New(chatserver.Config{Verifier: chatserver.DemoVerifier{}, Transport: tr})
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.Handle("/ws", srv)
	hs := httptest.NewServer(mux)
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
		defer cancel()
		if err := srv.Shutdown(ctx); err != nil {
			t.Errorf("Shutdown: %v", err)
		}
		hs.Close()
	})
	return "ws" + strings.TrimPrefix(hs.URL, "http") + "/ws"
}

// peer is a second participant, on the generated client package directly.
type peer struct {
	t    *testing.T
	conn *websocket.Conn
	send *chatclient.ClientSender
}

func newPeer(t *testing.T, url, name, room string) *peer {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	conn, _, err := websocket.Dial(ctx, url, &websocket.DialOptions{Subprotocols: []string{chatclient.Subprotocol}})
	if err != nil {
		t.Fatalf("dial: %v", err)
	}
	t.Cleanup(func() { _ = conn.CloseNow() })
	p := &peer{t: t, conn: conn, send: chatclient.NewClientSender(chatclient.CoderWriter{Conn: conn})}
	p.mustSend(chatclient.AuthRequest{Token: "demo:" + name})
	if _, ok := p.next().(chatclient.AuthSuccess); !ok {
		t.Fatal("peer not authenticated")
	}
	p.mustSend(chatclient.Join{RoomID: room})
	if _, ok := p.next().(chatclient.Joined); !ok {
		t.Fatal("peer did not join")
	}
	return p
}

func (p *peer) mustSend(f chatclient.ClientFrame) {
	p.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := p.send.Send(ctx, f); err != nil {
		p.t.Fatalf("send: %v", err)
	}
}

func (p *peer) next() chatclient.ServerFrame {
	p.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_, b, err := p.conn.Read(ctx)
	if err != nil {
		p.t.Fatalf("read: %v", err)
	}
	f, err := chatclient.DecodeServerFrame(b)
	if err != nil {
		p.t.Fatalf("decode: %v", err)
	}
	return f
}

// result is how a run of the client ended.
type result struct {
	code   int
	stderr string
}

// start runs the client in a goroutine with stdin from the returned pipe.
func start(args []string, token string, stdout io.Writer) (*io.PipeWriter, <-chan result) {
	in, w := io.Pipe()
	done := make(chan result, 1)
	go func() {
		var stderr bytes.Buffer
		code := run(context.Background(), args, token, in, stdout, &stderr)
		_ = in.Close()
		done <- result{code: code, stderr: stderr.String()}
	}()
	return w, done
}

// wait waits, bounded, for the client to exit.
func wait(t *testing.T, done <-chan result) result {
	t.Helper()
	select {
	case r := <-done:
		return r
	case <-time.After(30 * time.Second):
		t.Fatal("the client did not exit")
		return result{}
	}
}

func TestClientChats(t *testing.T) {
	for _, tr := range chatserver.Transports() {
		t.Run(string(tr), func(t *testing.T) {
			url := startServer(t, tr)
			bob := newPeer(t, url, "bob", "general")
			var out syncBuffer
			stdin, done := start([]string{"-url", url}, "demo:alice", &out)

			waitFor(t, &out, "authenticated as alice (connected)")
			waitFor(t, &out, "* alice joined general")
			if j, ok := bob.next().(chatclient.Joined); !ok || j.User.Name != "alice" {
				t.Fatalf("bob saw %#v, want alice joining", j)
			}
			io.WriteString(stdin, "hello bob\n")
			waitFor(t, &out, "[general] alice: hello bob")
			if m, ok := bob.next().(chatclient.ChatMessage); !ok || m.Text != "hello bob" || m.Author.Name != "alice" {
				t.Fatalf("bob received %#v, want alice's message", m)
			}
			bob.mustSend(chatclient.ChatMessage{RoomID: "general", Author: chatclient.User{ID: "00000000-0000-0000-0000-000000000000", Name: "bob"}, Text: "hi alice"})
			waitFor(t, &out, "[general] bob: hi alice")
			if m, ok := bob.next().(chatclient.ChatMessage); !ok || m.Author.Name != "bob" {
				t.Fatalf("bob received %#v, want the echo of his message", m)
			}

			io.WriteString(stdin, "/ping\n"+strings.Repeat("x", 4001)+"\n/bogus\n/leave\n")
			waitFor(t, &out, "pong")
			waitFor(t, &out, "not sent: invalid: $.text: longer than 4000 characters")
			waitFor(t, &out, "commands: /join ROOM, /leave, /ping, /quit; anything else is a message to general")
			waitFor(t, &out, "* alice left general")
			io.WriteString(stdin, "after leaving\n")
			waitFor(t, &out, "error: not_in_room: join the room first")
			stdin.Close()

			r := wait(t, done)
			if r.code != 0 || r.stderr != "" {
				t.Fatalf("exit %d, stderr %q; want 0 and nothing\nstdout:\n%s", r.code, r.stderr, out.String())
			}
			if l, ok := bob.next().(chatclient.Left); !ok || l.User.Name != "alice" || l.RoomID != "general" {
				t.Fatalf("bob saw %#v, want alice leaving general", l)
			}
		})
	}
}

func TestClientRefused(t *testing.T) {
	url := startServer(t, chatserver.TransportCoder)
	var out syncBuffer
	_, done := start([]string{"-url", url, "-token", "not-a-demo-token"}, "", &out)
	r := wait(t, done)
	want := "auth refused: invalid_token: the demo server accepts tokens of the form \"demo:<name>\"\nclosed: 1008 authentication failed\n"
	if r.code != 1 || out.String() != want {
		t.Errorf("exit %d, stdout:\n%s\nwant exit 1, stdout:\n%s", r.code, out.String(), want)
	}
	if !strings.Contains(r.stderr, "client: the server closed the connection with 1008 (policy_violation)") {
		t.Errorf("stderr = %q", r.stderr)
	}
	if strings.Contains(out.String()+r.stderr, "not-a-demo-token") {
		t.Error("the token was printed")
	}
}

func TestClientServerShutdown(t *testing.T) {
	srv, err := chatserver.New(chatserver.Config{Verifier: chatserver.DemoVerifier{}})
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(srv)
	defer hs.Close()
	var out syncBuffer
	stdin, done := start([]string{"-url", "ws" + strings.TrimPrefix(hs.URL, "http")}, "demo:alice", &out)
	defer stdin.Close()
	waitFor(t, &out, "* alice joined general")
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	if err := srv.Shutdown(ctx); err != nil {
		t.Fatalf("Shutdown: %v", err)
	}
	r := wait(t, done)
	waitFor(t, &out, "closed: 1001 server shutting down")
	if r.code != 1 {
		t.Errorf("exit %d, want 1", r.code)
	}
}

func TestClientUsage(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		token  string
		code   int
		stderr string
	}{
		{name: "no token", code: 2, stderr: "client: no token: set CHAT_TOKEN or -token"},
		{name: "extra argument", args: []string{"x"}, token: "demo:a", code: 2, stderr: `client: unexpected argument "x"`},
		{name: "unknown flag", args: []string{"-nope"}, token: "demo:a", code: 2, stderr: "flag provided but not defined: -nope"},
		{name: "no server", args: []string{"-url", "ws://127.0.0.1:1/ws"}, token: "demo:a", code: 1, stderr: "client: connect:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(context.Background(), tt.args, tt.token, strings.NewReader(""), &stdout, &stderr)
			if code != tt.code || !strings.Contains(stderr.String(), tt.stderr) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, stderr.String(), tt.code, tt.stderr)
			}
		})
	}
}
