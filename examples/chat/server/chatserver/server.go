// Package chatserver is the example chat backend: every frame in and out goes through the
// generated package chatproto, so a frame that breaks the schema is an error before a byte is
// written, and the client always learns why it is refused before the close.
//
// A Server is an http.Handler for the WebSocket endpoint. It runs the same session code on
// github.com/coder/websocket or github.com/gorilla/websocket (Config.Transport), through the
// generated adapters. See docs/example-chat.md for the protocol flow and the close codes.
package chatserver

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/framegen/framegen/examples/chat/chatproto"
)

// MaxFrameBytes is the schema's max_frame_bytes for client frames, used as the transport's
// read limit: a longer message is closed with 1009 by the WebSocket library before it is
// decoded. TestMaxFrameBytes checks that the generated decoder accepts a frame of exactly
// this size and refuses one byte more.
const MaxFrameBytes = chatproto.ClientMaxFrameBytes

// Config configures a Server. The zero value of every field but Verifier is usable.
type Config struct {
	// Verifier checks tokens; required.
	Verifier TokenVerifier
	// Transport is the WebSocket library; default TransportCoder.
	Transport Transport
	// AuthTimeout bounds the time from the WebSocket handshake to a valid auth_request;
	// default 10s.
	AuthTimeout time.Duration
	// WriteTimeout bounds each frame written; default 5s.
	WriteTimeout time.Duration
	// CloseTimeout bounds the wait for the peer's answer to a close frame on gorilla; default
	// 5s. coder's Close has its own fixed bounds (5s to write, 5s to wait).
	CloseTimeout time.Duration
	// Logger receives the server's logs; default a logger that discards them.
	Logger *slog.Logger
}

// Server is the chat backend. Create one with New, mount it where the socket is served (the
// example uses /ws) and call Shutdown to close every connection with 1001.
type Server struct {
	cfg    Config
	log    *slog.Logger
	accept acceptFunc
	rooms  *hub
	nextID atomic.Uint64

	mu       sync.Mutex
	closing  bool // Shutdown has started: no new sessions
	sessions map[*session]struct{}
	running  sync.WaitGroup // one per session, until it is closed
}

// New returns a Server for cfg, or an error when cfg is not usable.
func New(cfg Config) (*Server, error) {
	if cfg.Verifier == nil {
		return nil, errors.New("new chat server: no token verifier")
	}
	if cfg.AuthTimeout <= 0 {
		cfg.AuthTimeout = 10 * time.Second
	}
	if cfg.WriteTimeout <= 0 {
		cfg.WriteTimeout = 5 * time.Second
	}
	if cfg.CloseTimeout <= 0 {
		cfg.CloseTimeout = 5 * time.Second
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	s := &Server{cfg: cfg, log: cfg.Logger, rooms: newHub(), sessions: make(map[*session]struct{})}
	switch cfg.Transport {
	case "", TransportCoder:
		s.cfg.Transport = TransportCoder
		s.accept = acceptCoder(MaxFrameBytes)
	case TransportGorilla:
		s.accept = acceptGorilla(MaxFrameBytes, cfg.CloseTimeout)
	default:
		return nil, fmt.Errorf("new chat server: unknown transport %q (want coder or gorilla)", cfg.Transport)
	}
	return s, nil
}

// ServeHTTP upgrades the request to a WebSocket connection with the chat subprotocol and
// runs the connection until it is closed. A client that does not offer the subprotocol is
// closed with 1008.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	id := s.nextID.Add(1)
	log := s.log.With("conn", id, "transport", string(s.cfg.Transport), "remote", r.RemoteAddr)
	s.mu.Lock()
	closing := s.closing
	s.mu.Unlock()
	if closing {
		http.Error(w, "server shutting down", http.StatusServiceUnavailable)
		return
	}
	log.Debug("state", "state", chatproto.ConnectionStateConnecting)
	c, proto, err := s.accept(w, r)
	if err != nil {
		// The library has answered the request; the error says what was wrong with it.
		log.Info("websocket handshake failed", "err", err)
		return
	}
	ss := newSession(s, id, c, log)
	if proto != chatproto.Subprotocol {
		ss.closeNow(chatproto.CloseCodePolicyViolation, "subprotocol "+chatproto.Subprotocol+" required")
		return
	}
	if !s.add(ss) {
		ss.closeNow(chatproto.CloseCodeGoingAway, reasonShutdown)
		return
	}
	defer s.remove(ss)
	ss.run(r.Context())
}

// add registers a session, unless Shutdown has started.
func (s *Server) add(ss *session) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closing {
		return false
	}
	s.sessions[ss] = struct{}{}
	s.running.Add(1)
	return true
}

// remove unregisters a session that has closed.
func (s *Server) remove(ss *session) {
	s.mu.Lock()
	delete(s.sessions, ss)
	s.mu.Unlock()
	s.running.Done()
}

// Shutdown refuses new connections, closes every open one with 1001 (going away) and waits
// until all are closed or ctx is done, whichever comes first; it returns ctx's error in the
// second case. It does not stop the http.Server the Server is mounted on: hijacked
// connections are not the http.Server's any more.
func (s *Server) Shutdown(ctx context.Context) error {
	s.mu.Lock()
	s.closing = true
	open := make([]*session, 0, len(s.sessions))
	for ss := range s.sessions {
		open = append(open, ss)
	}
	s.mu.Unlock()
	s.log.Info("shutting down", "open", len(open))
	for _, ss := range open {
		ss.closeAsync(chatproto.CloseCodeGoingAway, reasonShutdown, "", chatproto.ErrorFrame{})
	}
	done := make(chan struct{})
	go func() {
		s.running.Wait()
		close(done)
	}()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("shut down chat server: %w", ctx.Err())
	}
}

// Open returns the number of open connections (authenticating or connected).
func (s *Server) Open() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.sessions)
}
