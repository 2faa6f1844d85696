// Command client is a small CLI for the example chat server, built on the client half that
// framegen generates from examples/chat/chat.frames.yaml (package chatclient, side: client).
//
//	CHAT_TOKEN=demo:alice go run ./examples/chat/client [-url ws://127.0.0.1:8080/ws] [-room general]
//
// It connects, authenticates, joins the room, sends each line of stdin as a chat message and
// prints what arrives. Lines starting with a slash are commands: /join ROOM, /leave, /ping,
// /quit. At the end of stdin it waits for the server to answer a ping, so every reply to
// what it sent is printed, then closes with 1000. See docs/example-chat.md.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sync"
	"time"

	"github.com/coder/websocket"

	"github.com/framegen/framegen/examples/chat/chatclient"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], os.Getenv("CHAT_TOKEN"), os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// timeout bounds the dial, each write, authentication and the final flush.
const timeout = 10 * time.Second

// options are the command's flags.
type options struct {
	url, token, room string
}

func parseFlags(args []string, envToken string, stderr io.Writer) (options, error) {
	o := options{token: envToken}
	fs := flag.NewFlagSet("client", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&o.url, "url", "ws://127.0.0.1:8080/ws", "the chat server's WebSocket URL")
	fs.StringVar(&o.token, "token", o.token, "the token to authenticate with (default $CHAT_TOKEN; a flag is visible to other users of the machine)")
	fs.StringVar(&o.room, "room", "general", "the room to join first")
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	if fs.NArg() > 0 {
		err := fmt.Errorf("unexpected argument %q", fs.Arg(0))
		fmt.Fprintln(stderr, "client:", err)
		return o, err
	}
	if o.token == "" {
		err := errors.New("no token: set CHAT_TOKEN or -token (the demo server accepts demo:<name>)")
		fmt.Fprintln(stderr, "client:", err)
		return o, err
	}
	return o, nil
}

// run is the command; it returns the exit code: 0 when the session ended at the end of
// input or /quit, 1 when the server refused or closed it or the connection failed, 2 for a
// usage error.
func run(ctx context.Context, args []string, envToken string, stdin io.Reader, stdout, stderr io.Writer) int {
	o, err := parseFlags(args, envToken, stderr)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	out := &printer{w: stdout}
	if err := chat(ctx, o, stdin, out); err != nil {
		fmt.Fprintln(stderr, "client:", err)
		return 1
	}
	return 0
}

// printer serialises lines written by the read loop and the input loop.
type printer struct {
	mu sync.Mutex
	w  io.Writer
}

func (p *printer) printf(format string, args ...any) {
	p.mu.Lock()
	defer p.mu.Unlock()
	fmt.Fprintf(p.w, format+"\n", args...)
}

// chat runs one session.
func chat(ctx context.Context, o options, stdin io.Reader, out *printer) error {
	dctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	conn, _, err := websocket.Dial(dctx, o.url, &websocket.DialOptions{Subprotocols: []string{chatclient.Subprotocol}})
	if err != nil {
		return fmt.Errorf("connect: %w", err)
	}
	defer conn.CloseNow()
	if conn.Subprotocol() != chatclient.Subprotocol {
		return fmt.Errorf("connect: the server does not speak %s", chatclient.Subprotocol)
	}
	conn.SetReadLimit(1 << 20)
	send := chatclient.NewClientSender(chatclient.CoderWriter{Conn: conn})

	user, err := authenticate(dctx, conn, send, o.token, out)
	if err != nil {
		return err
	}
	s := &session{conn: conn, send: send, out: out, user: user, flushed: make(chan struct{})}
	done := make(chan error, 1)
	go func() { done <- chatclient.ServeCoder(ctx, conn, s) }()

	typed := make(chan error, 1)
	go func() { typed <- s.input(ctx, o.room, stdin) }()
	select {
	case err := <-typed:
		if err != nil {
			return err
		}
	case err := <-done:
		return closed(err, out) // the input goroutine ends with the process
	}
	// Flush: the server answers frames in order, so its answer to this ping comes after
	// the answers to everything sent before.
	id := flushID
	if err := s.write(ctx, chatclient.Ping{ID: &id}); err != nil {
		return err
	}
	select {
	case <-s.flushed:
	case err := <-done:
		return closed(err, out)
	case <-time.After(timeout):
		out.printf("no answer from the server; closing")
	case <-ctx.Done():
	}
	_ = conn.Close(websocket.StatusNormalClosure, "")
	return nil
}

// flushID is the id of the ping that ends a session.
const flushID = "client-flush"

// authenticate sends the token and reads the answer, which must be the first frame.
func authenticate(ctx context.Context, conn *websocket.Conn, send *chatclient.ClientSender, token string, out *printer) (chatclient.User, error) {
	if err := send.SendAuthRequest(ctx, chatclient.AuthRequest{Token: token}); err != nil {
		return chatclient.User{}, fmt.Errorf("authenticate: %w", err)
	}
	typ, data, err := conn.Read(ctx)
	if err != nil {
		return chatclient.User{}, closed(err, out)
	}
	if typ != websocket.MessageText {
		return chatclient.User{}, errors.New("authenticate: the server sent a binary message")
	}
	f, err := chatclient.DecodeServerFrame(data)
	if err != nil {
		return chatclient.User{}, fmt.Errorf("authenticate: %w", err)
	}
	switch f := f.(type) {
	case chatclient.AuthSuccess:
		out.printf("authenticated as %s (%s)", f.User.Name, f.State)
		return f.User, nil
	case chatclient.AuthError:
		out.printf("auth refused: %s: %s", f.Code, f.Message)
	case chatclient.ErrorFrame:
		out.printf("error: %s: %s", f.Code, f.Message)
	default:
		return chatclient.User{}, fmt.Errorf("authenticate: unexpected first frame %T", f)
	}
	// A refusal: the close frame that follows says how the connection ended.
	_, _, err = conn.Read(ctx)
	return chatclient.User{}, closed(err, out)
}

// closed reports the end of a connection the server closed.
func closed(err error, out *printer) error {
	var ce websocket.CloseError
	if errors.As(err, &ce) {
		out.printf("closed: %d %s", int(ce.Code), ce.Reason)
		return fmt.Errorf("the server closed the connection with %d (%s)", int(ce.Code), chatclient.CloseCode(ce.Code))
	}
	return fmt.Errorf("connection lost: %w", err)
}
