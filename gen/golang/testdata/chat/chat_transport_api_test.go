package chat

// The transport adapters over real WebSocket connections (httptest servers): the client
// sends through a sender and a writer adapter, the server runs the read loop.

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"

	coderws "github.com/coder/websocket"
	gorillaws "github.com/gorilla/websocket"
)

// transportCase ends a connection in a given way and expects the read loop's error.
type transportCase struct {
	name    string
	last    func(ctx context.Context, c *clientConn) error // the message that ends the loop
	wantErr func(err error) bool
}

// clientConn is the client end, for either library.
type clientConn struct {
	writer      FrameWriter
	writeBinary func(ctx context.Context, b []byte) error
	writeText   func(ctx context.Context, b []byte) error
}

var transportCases = []transportCase{
	{"binary message", func(ctx context.Context, c *clientConn) error { return c.writeBinary(ctx, []byte{1, 2}) },
		func(err error) bool { var b *BinaryMessageError; return errors.As(err, &b) }},
	{"decode error", func(ctx context.Context, c *clientConn) error {
		return c.writeText(ctx, []byte(`{"type":"ping","type":"ping"}`))
	},
		func(err error) bool {
			var d *DecodeError
			return errors.As(err, &d) && d.Kind == KindDuplicateKey && d.Path == "$.type"
		}},
	{"handler error", func(ctx context.Context, c *clientConn) error {
		return NewClientSender(c.writer).SendAuthRequest(ctx, AuthRequest{Token: "fail"})
	}, func(err error) bool {
		return errors.Is(err, errHandler) && strings.HasPrefix(err.Error(), "handle auth_request: ")
	}},
}

var errHandler = errors.New("handler refused")

// failingHandler is handler, failing on the token "fail".
type failingHandler struct{ handler }

func (h *failingHandler) HandleAuthRequest(ctx context.Context, f AuthRequest) error {
	h.calls = append(h.calls, "AuthRequest:"+f.Token)
	if f.Token == "fail" {
		return errHandler
	}
	return nil
}

// exercise sends two frames and the case's last message, and checks what the server's read
// loop saw and returned.
func exercise(t *testing.T, tc transportCase, c *clientConn, done <-chan error, h *failingHandler) {
	t.Helper()
	ctx := context.Background()
	s := NewClientSender(c.writer)
	if err := s.SendAuthRequest(ctx, AuthRequest{Token: "t0k"}); err != nil {
		t.Fatal(err)
	}
	if err := s.SendPing(ctx, Ping{}); err != nil {
		t.Fatal(err)
	}
	// An invalid frame is refused by the sender and never reaches the server.
	if err := s.SendAuthRequest(ctx, AuthRequest{}); err == nil {
		t.Fatal("SendAuthRequest(empty token): no error")
	}
	if err := tc.last(ctx, c); err != nil {
		t.Fatal(err)
	}
	err := <-done
	if !tc.wantErr(err) {
		t.Errorf("read loop returned %v (%T)", err, err)
	}
	want := []string{"AuthRequest:t0k", "Ping"}
	if tc.name == "handler error" {
		want = append(want, "AuthRequest:fail")
	}
	if !reflect.DeepEqual(h.calls, want) {
		t.Errorf("handler calls %q, want %q", h.calls, want)
	}
}

func TestServeCoder(t *testing.T) {
	for _, tc := range transportCases {
		t.Run(tc.name, func(t *testing.T) {
			h := &failingHandler{}
			done := make(chan error, 1)
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				conn, err := coderws.Accept(w, r, nil)
				if err != nil {
					done <- err
					return
				}
				defer conn.CloseNow()
				done <- ServeCoder(r.Context(), conn, h)
			}))
			defer srv.Close()
			ctx := context.Background()
			conn, _, err := coderws.Dial(ctx, "ws"+strings.TrimPrefix(srv.URL, "http"), nil)
			if err != nil {
				t.Fatal(err)
			}
			defer conn.CloseNow()
			exercise(t, tc, &clientConn{
				writer: CoderWriter{Conn: conn},
				writeBinary: func(ctx context.Context, b []byte) error {
					return conn.Write(ctx, coderws.MessageBinary, b)
				},
				writeText: func(ctx context.Context, b []byte) error {
					return conn.Write(ctx, coderws.MessageText, b)
				},
			}, done, h)
		})
	}
}

func TestServeGorilla(t *testing.T) {
	for _, tc := range transportCases {
		t.Run(tc.name, func(t *testing.T) {
			h := &failingHandler{}
			done := make(chan error, 1)
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				conn, err := (&gorillaws.Upgrader{}).Upgrade(w, r, nil)
				if err != nil {
					done <- err
					return
				}
				defer conn.Close()
				done <- ServeGorilla(r.Context(), conn, h)
			}))
			defer srv.Close()
			conn, _, err := gorillaws.DefaultDialer.Dial("ws"+strings.TrimPrefix(srv.URL, "http"), nil)
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			exercise(t, tc, &clientConn{
				writer: GorillaWriter{Conn: conn},
				writeBinary: func(ctx context.Context, b []byte) error {
					return conn.WriteMessage(gorillaws.BinaryMessage, b)
				},
				writeText: func(ctx context.Context, b []byte) error {
					return conn.WriteMessage(gorillaws.TextMessage, b)
				},
			}, done, h)
		})
	}
}

func TestAdapterMisuse(t *testing.T) {
	ctx := context.Background()
	if err := (CoderWriter{}).WriteFrame(ctx, []byte("{}")); err == nil || err.Error() != "coder writer: nil connection" {
		t.Errorf("CoderWriter without a connection: %v", err)
	}
	if err := (GorillaWriter{}).WriteFrame(ctx, []byte("{}")); err == nil || err.Error() != "gorilla writer: nil connection" {
		t.Errorf("GorillaWriter without a connection: %v", err)
	}
	if err := ServeCoder(ctx, nil, &handler{}); err == nil || err.Error() != "serve coder: nil connection" {
		t.Errorf("ServeCoder(nil): %v", err)
	}
	if err := ServeGorilla(ctx, nil, &handler{}); err == nil || err.Error() != "serve gorilla: nil connection" {
		t.Errorf("ServeGorilla(nil): %v", err)
	}
}
