package chatserver

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	coder "github.com/coder/websocket"

	"github.com/framegen/framegen/examples/chat/chatclient"
)

// ioTimeout bounds every read, write and dial of a test client, so no test can hang.
const ioTimeout = 10 * time.Second

// syncBuffer is a bytes.Buffer safe for the concurrent writes of a slog handler.
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

// testServer is a chat Server on an httptest server on 127.0.0.1.
type testServer struct {
	url  string // ws://127.0.0.1:PORT/ws
	srv  *Server
	logs *syncBuffer // every log line, at debug level, as JSON
	stop func()      // shuts the Server down and closes the listener; idempotent
}

// startServer starts a Server on tr; edit, when not nil, changes the config first. The
// server is shut down and closed when the test ends.
func startServer(t testing.TB, tr Transport, edit func(*Config)) *testServer {
	t.Helper()
	logs := &syncBuffer{}
	cfg := Config{
		Verifier:  DemoVerifier{},
		Transport: tr,
		Logger:    slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
	}
	if edit != nil {
		edit(&cfg)
	}
	srv, err := New(cfg)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	mux := http.NewServeMux()
	mux.Handle("/ws", srv)
	hs := httptest.NewServer(mux) // listens on 127.0.0.1
	stop := sync.OnceFunc(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
		defer cancel()
		if err := srv.Shutdown(ctx); err != nil {
			t.Errorf("Shutdown: %v", err)
		}
		hs.Close()
	})
	t.Cleanup(stop)
	return &testServer{url: "ws" + strings.TrimPrefix(hs.URL, "http") + "/ws", srv: srv, logs: logs, stop: stop}
}

// client is a test client: the generated client package over github.com/coder/websocket,
// plus raw access to send what a real client never would.
type client struct {
	t    testing.TB
	conn *coder.Conn
	raw  [][]byte // every message received, as received
}

// dial connects to url with the chat subprotocol.
func dial(t testing.TB, url string) *client {
	t.Helper()
	c, err := tryDial(url, []string{chatclient.Subprotocol})
	if err != nil {
		t.Fatalf("dial: %v", err)
	}
	t.Cleanup(func() { _ = c.conn.CloseNow() })
	c.t = t
	return c
}

// tryDial connects to url offering protos, without failing a test (for goroutines).
func tryDial(url string, protos []string) (*client, error) {
	ctx, cancel := context.WithTimeout(context.Background(), ioTimeout)
	defer cancel()
	conn, _, err := coder.Dial(ctx, url, &coder.DialOptions{Subprotocols: protos})
	if err != nil {
		return nil, err
	}
	conn.SetReadLimit(1 << 20)
	return &client{conn: conn}, nil
}

// send encodes f with the generated client codec and writes it.
func (c *client) send(f chatclient.ClientFrame) error {
	b, err := chatclient.EncodeClientFrame(f)
	if err != nil {
		return fmt.Errorf("encode: %w", err)
	}
	return c.write(coder.MessageText, b)
}

// write writes one message as is.
func (c *client) write(typ coder.MessageType, b []byte) error {
	ctx, cancel := context.WithTimeout(context.Background(), ioTimeout)
	defer cancel()
	return c.conn.Write(ctx, typ, b)
}

// next reads the next message and decodes it as a server frame. At the end of the
// connection it returns the read error (see closeCode).
func (c *client) next() (chatclient.ServerFrame, error) {
	ctx, cancel := context.WithTimeout(context.Background(), ioTimeout)
	defer cancel()
	typ, b, err := c.conn.Read(ctx)
	if err != nil {
		return nil, err
	}
	c.raw = append(c.raw, b)
	if typ != coder.MessageText {
		return nil, fmt.Errorf("server sent a %v message", typ)
	}
	f, err := chatclient.DecodeServerFrame(b)
	if err != nil {
		return nil, fmt.Errorf("decode %q: %w", b, err)
	}
	return f, nil
}

// closeCode reads until the connection ends and returns the close code the server sent
// (-1 when the connection ended without a close frame) and any frames that came first.
func (c *client) closeCode() (coder.StatusCode, []chatclient.ServerFrame, error) {
	var frames []chatclient.ServerFrame
	for range 100 {
		f, err := c.next()
		if err != nil {
			if code := coder.CloseStatus(err); code != -1 {
				return code, frames, nil
			}
			var ce coder.CloseError
			if errors.As(err, &ce) {
				return ce.Code, frames, nil
			}
			return -1, frames, err
		}
		frames = append(frames, f)
	}
	return -1, frames, errors.New("100 frames and no close")
}

// mustNext is next for the test goroutine.
func (c *client) mustNext() chatclient.ServerFrame {
	c.t.Helper()
	f, err := c.next()
	if err != nil {
		c.t.Fatalf("read: %v", err)
	}
	return f
}

// mustSend is send for the test goroutine.
func (c *client) mustSend(f chatclient.ClientFrame) {
	c.t.Helper()
	if err := c.send(f); err != nil {
		c.t.Fatalf("send %T: %v", f, err)
	}
}

// expectClose reads until the close and fails unless its code is want.
func (c *client) expectClose(want coder.StatusCode) []chatclient.ServerFrame {
	c.t.Helper()
	code, frames, err := c.closeCode()
	if err != nil {
		c.t.Fatalf("waiting for close %d: %v (frames before: %v)", want, err, frames)
	}
	if code != want {
		c.t.Fatalf("close code = %d, want %d (frames before: %v)", code, want, frames)
	}
	return frames
}

// login dials and authenticates as name, and returns the client and its user.
func login(t testing.TB, url, name string) (*client, chatclient.User) {
	t.Helper()
	c := dial(t, url)
	c.mustSend(chatclient.AuthRequest{Token: "demo:" + name})
	f := c.mustNext()
	ok, isOK := f.(chatclient.AuthSuccess)
	if !isOK {
		t.Fatalf("auth as %s: got %#v, want AuthSuccess", name, f)
	}
	return c, ok.User
}

// ptr returns a pointer to v.
func ptr[T any](v T) *T { return &v }

// goroutinesSettle waits, bounded, until the number of goroutines is at most want, and
// reports the last count and, on failure, every goroutine's stack.
func goroutinesSettle(want int) (int, string) {
	var n int
	for range 200 { // 200 × 25 ms: 5 s at most
		runtime.GC()
		if n = runtime.NumGoroutine(); n <= want {
			return n, ""
		}
		time.Sleep(25 * time.Millisecond)
	}
	buf := make([]byte, 1<<20)
	return n, string(buf[:runtime.Stack(buf, true)])
}

// forEachTransport runs f as a subtest per transport.
func forEachTransport(t *testing.T, f func(t *testing.T, tr Transport)) {
	for _, tr := range Transports() {
		t.Run(string(tr), func(t *testing.T) { f(t, tr) })
	}
}
