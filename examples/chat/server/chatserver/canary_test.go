package chatserver

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	coder "github.com/coder/websocket"

	"github.com/framegen/framegen/examples/chat/chatclient"
	"github.com/framegen/framegen/examples/chat/chatproto"
)

// canary is a token that must never come back: not in a log line, an error, or a frame.
// Nothing but the token carries this text, so finding it anywhere is a leak.
const canary = "tok_CANARY_3f9d1e0b"

// canaryVerifier accepts the canary token as user carol and refuses any other.
type canaryVerifier struct{}

func (canaryVerifier) Verify(_ context.Context, token string) (chatproto.User, error) {
	if token == canary {
		return chatproto.User{ID: demoUserID("carol"), Name: "carol"}, nil
	}
	return chatproto.User{}, &RejectError{Code: chatproto.AuthErrorCodeExpired}
}

// TestCanaryToken runs the whole flow, and every way a token can be mistreated, with the
// canary token, then looks for it everywhere the server or the generated code could echo it.
func TestCanaryToken(t *testing.T) {
	// Raw messages that carry the canary in a bad frame; the server must answer without it.
	badFrames := [][]byte{
		[]byte(`{"type":"auth_request","token":"` + canary + `","token":"` + canary + `"}`), // duplicate key
		[]byte(`{"type":"auth_request","token":"` + canary + "\xff" + `"}`),                 // invalid UTF-8 in the token
		[]byte(`{"type":"auth_request","token":"` + canary + `"`),                           // malformed
		[]byte(`{"type":"auth_request","token":"` + canary + `"} trailing`),                 // trailing data
		[]byte(`{"type":"auth_request","token":["` + canary + `"]}`),                        // wrong type
		[]byte(`{"type":"auth_request","token":"` + canary + `","id":5}`),                   // wrong envelope type
	}
	forEachTransport(t, func(t *testing.T, tr Transport) {
		ts := startServer(t, tr, func(c *Config) { c.Verifier = canaryVerifier{} })
		var seen [][]byte // every message every client received
		var errs []error  // every error the flow produced

		// The whole flow with the good token.
		c := dial(t, ts.url)
		c.mustSend(chatclient.AuthRequest{ID: ptr("a"), Token: canary})
		if _, ok := c.mustNext().(chatclient.AuthSuccess); !ok {
			t.Fatal("the canary token was not accepted")
		}
		c.mustSend(chatclient.Join{RoomID: "r"})
		c.mustSend(chatclient.ChatMessage{RoomID: "r", Text: "hello", Author: chatclient.User{ID: demoUserID("carol"), Name: "carol"}})
		c.mustSend(chatclient.AuthRequest{Token: canary}) // again: already authenticated
		c.mustSend(chatclient.Ping{ID: ptr("end")})
		for {
			f := c.mustNext()
			if p, ok := f.(chatclient.Ping); ok && p.ID != nil && *p.ID == "end" {
				break
			}
		}
		if err := c.conn.Close(coder.StatusNormalClosure, ""); err != nil {
			errs = append(errs, err)
		}
		seen = append(seen, c.raw...)

		// A refused token, and each bad frame on a fresh connection.
		refused := dial(t, ts.url)
		refused.mustSend(chatclient.AuthRequest{Token: canary + "-wrong"})
		refused.expectClose(coder.StatusPolicyViolation)
		seen = append(seen, refused.raw...)
		for _, msg := range badFrames {
			b := dial(t, ts.url)
			if err := b.write(coder.MessageText, msg); err != nil {
				t.Fatalf("write: %v", err)
			}
			_, _, err := b.closeCode()
			if err != nil {
				errs = append(errs, err)
			}
			if len(b.raw) == 0 {
				t.Errorf("no answer to %q", msg)
			}
			seen = append(seen, b.raw...)
			_, err = chatproto.DecodeClientFrame(msg)
			errs = append(errs, err)
		}
		waitOpen(t, ts.srv, 0)

		// Errors and printed forms of the generated types.
		req := chatproto.AuthRequest{Token: canary + "\xff"}
		errs = append(errs, req.Validate())
		var printed bytes.Buffer
		fmt.Fprintf(&printed, "%v %+v %#v %s", req, req, req, req)
		slog.New(slog.NewTextHandler(&printed, nil)).Info("req", "req", req, "ptr", &req)

		for i, m := range seen {
			if bytes.Contains(m, []byte(canary)) {
				t.Errorf("frame %d sent back holds the token: %s", i, m)
			}
		}
		for _, err := range errs {
			if err != nil && strings.Contains(err.Error(), canary) {
				t.Errorf("error holds the token: %v", err)
			}
		}
		if strings.Contains(printed.String(), canary) {
			t.Errorf("printed AuthRequest holds the token: %s", printed.String())
		}
		logs := ts.logs.String()
		if strings.Count(logs, "\n") < 20 {
			t.Fatalf("only %d log lines: the capture is not working", strings.Count(logs, "\n"))
		}
		for _, line := range strings.Split(logs, "\n") {
			if strings.Contains(line, canary) {
				t.Errorf("log line holds the token: %s", line)
			}
		}
	})
}
