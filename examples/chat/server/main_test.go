package main

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"

	"github.com/framegen/framegen/examples/chat/chatclient"
)

// TestRun starts the command on a free port on each transport, checks the line it prints,
// authenticates a client, and stops it the way a signal would: every client gets 1001 and
// the command exits 0.
func TestRun(t *testing.T) {
	for _, tr := range []string{"coder", "gorilla"} {
		t.Run(tr, func(t *testing.T) {
			ctx, stop := context.WithCancel(context.Background())
			defer stop()
			outR, outW := io.Pipe()
			var stderr bytes.Buffer
			done := make(chan int, 1)
			go func() {
				done <- run(ctx, []string{"-addr", "127.0.0.1:0", "-transport", tr}, outW, &stderr)
				outW.Close()
			}()
			line, err := bufio.NewReader(outR).ReadString('\n')
			if err != nil {
				t.Fatalf("reading stdout: %v", err)
			}
			m := regexp.MustCompile(`^listening on (ws://127\.0\.0\.1:[0-9]+/ws)\n$`).FindStringSubmatch(line)
			if m == nil {
				t.Fatalf("stdout line %q, want listening on ws://127.0.0.1:PORT/ws", line)
			}
			go io.Copy(io.Discard, outR)

			dctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			conn, _, err := websocket.Dial(dctx, m[1], &websocket.DialOptions{Subprotocols: []string{chatclient.Subprotocol}})
			if err != nil {
				t.Fatalf("dial: %v", err)
			}
			defer conn.CloseNow()
			b, _ := chatclient.EncodeClientFrame(chatclient.AuthRequest{Token: "demo:alice"})
			if err := conn.Write(dctx, websocket.MessageText, b); err != nil {
				t.Fatal(err)
			}
			if _, b, err = conn.Read(dctx); err != nil || !strings.HasPrefix(string(b), `{"type":"auth_success"`) {
				t.Fatalf("read %s, %v; want auth_success", b, err)
			}

			stop() // as SIGINT does
			if _, _, err := conn.Read(dctx); websocket.CloseStatus(err) != websocket.StatusGoingAway {
				t.Errorf("after the signal the client read %v, want close 1001", err)
			}
			select {
			case code := <-done:
				if code != 0 {
					t.Errorf("exit %d, want 0; stderr:\n%s", code, stderr.String())
				}
			case <-time.After(30 * time.Second):
				t.Fatal("the server did not stop")
			}
			if !strings.Contains(stderr.String(), "msg=authenticated") || strings.Contains(stderr.String(), "demo:alice") {
				t.Errorf("stderr should log the authentication and never the token:\n%s", stderr.String())
			}
		})
	}
}

func TestRunUsage(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{name: "unknown transport", args: []string{"-transport", "nope"}, code: 2, stderr: `unknown transport "nope"`},
		{name: "bad level", args: []string{"-log-level", "loud"}, code: 2, stderr: "invalid value"},
		{name: "extra argument", args: []string{"x"}, code: 2, stderr: `unexpected argument "x"`},
		{name: "bad address", args: []string{"-addr", "127.0.0.1:-1"}, code: 1, stderr: "server: listen"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(context.Background(), tt.args, &stdout, &stderr)
			if code != tt.code || !strings.Contains(stderr.String(), tt.stderr) || stdout.Len() != 0 {
				t.Errorf("exit %d, stdout %q, stderr %q; want %d, nothing, %q", code, stdout.String(), stderr.String(), tt.code, tt.stderr)
			}
		})
	}
}
