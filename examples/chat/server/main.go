// Command server is the example chat backend built on the package framegen generates from
// examples/chat/chat.frames.yaml. It serves the chat protocol at /ws with the subprotocol
// chat.v2 and accepts demo tokens ("demo:<name>").
//
//	go run ./examples/chat/server [-addr 127.0.0.1:8080] [-transport coder|gorilla] [-auth-timeout 10s] [-log-level info]
//
// It prints "listening on ws://HOST:PORT/ws" on stdout once it accepts connections, logs to
// stderr, and on SIGINT or SIGTERM closes every connection with 1001 before it exits. See
// docs/example-chat.md.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/framegen/framegen/examples/chat/server/chatserver"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// options are the command's flags.
type options struct {
	addr        string
	transport   string
	authTimeout time.Duration
	logLevel    slog.Level
}

// parseFlags reads the flags; a usage error has been printed when it returns one.
func parseFlags(args []string, stderr io.Writer) (options, error) {
	var o options
	fs := flag.NewFlagSet("server", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&o.addr, "addr", "127.0.0.1:8080", "listen address (127.0.0.1:0 picks a free port)")
	fs.StringVar(&o.transport, "transport", string(chatserver.TransportCoder), "WebSocket library: coder or gorilla")
	fs.DurationVar(&o.authTimeout, "auth-timeout", 10*time.Second, "time a client has to authenticate")
	fs.TextVar(&o.logLevel, "log-level", slog.LevelInfo, "log level: debug, info, warn or error")
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	if fs.NArg() > 0 {
		err := fmt.Errorf("unexpected argument %q", fs.Arg(0))
		fmt.Fprintln(stderr, "server:", err)
		return o, err
	}
	return o, nil
}

// run serves until ctx is done, then shuts down; it returns the exit code: 0 after a clean
// shutdown, 1 when serving failed, 2 for a usage error.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	o, err := parseFlags(args, stderr)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: o.logLevel}))
	srv, err := chatserver.New(chatserver.Config{
		Verifier:    chatserver.DemoVerifier{},
		Transport:   chatserver.Transport(o.transport),
		AuthTimeout: o.authTimeout,
		Logger:      log,
	})
	if err != nil {
		fmt.Fprintln(stderr, "server:", err)
		return 2
	}
	ln, err := net.Listen("tcp", o.addr)
	if err != nil {
		fmt.Fprintln(stderr, "server:", err)
		return 1
	}
	mux := http.NewServeMux()
	mux.Handle("/ws", srv)
	hs := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second, ErrorLog: slog.NewLogLogger(log.Handler(), slog.LevelWarn)}
	served := make(chan error, 1)
	go func() { served <- hs.Serve(ln) }()
	fmt.Fprintf(stdout, "listening on ws://%s/ws\n", ln.Addr())

	select {
	case err := <-served:
		log.Error("serve", "err", err)
		return 1
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	code := 0
	// The chat server first, so each client gets its 1001 before the listener goes away.
	if err := srv.Shutdown(sctx); err != nil {
		log.Error("shutdown", "err", err)
		code = 1
	}
	if err := hs.Shutdown(sctx); err != nil {
		log.Error("shutdown http", "err", err)
		code = 1
	}
	log.Info("stopped")
	return code
}
