package chatserver

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/framegen/framegen/examples/chat/chatproto"
)

func TestDemoVerifier(t *testing.T) {
	tests := []struct {
		name  string
		token string
		user  string // the accepted user's name; "" for a refusal
		msg   string // a substring of the refusal's message
	}{
		{name: "demo token", token: "demo:alice", user: "alice"},
		{name: "name with colon and spaces", token: "demo:Ada: Lovelace", user: "Ada: Lovelace"},
		{name: "64 characters", token: "demo:" + strings.Repeat("é", 64), user: strings.Repeat("é", 64)},
		{name: "65 characters", token: "demo:" + strings.Repeat("é", 65), msg: "$.name: longer than 64 characters"},
		{name: "empty name", token: "demo:", msg: "$.name: shorter than 1 character"},
		{name: "invalid UTF-8", token: "demo:\xff", msg: "$.name: invalid UTF-8"},
		{name: "no prefix", token: "alice", msg: `"demo:<name>"`},
		{name: "wrong case prefix", token: "Demo:alice", msg: `"demo:<name>"`},
		{name: "empty", token: "", msg: `"demo:<name>"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, err := DemoVerifier{}.Verify(context.Background(), tt.token)
			if tt.user != "" {
				if err != nil || u.Name != tt.user || u.ID != demoUserID(tt.user) || u.Validate() != nil {
					t.Fatalf("Verify(%q) = %+v, %v; want valid user %q", tt.token, u, err, tt.user)
				}
				return
			}
			var rej *RejectError
			if !errors.As(err, &rej) || rej.Code != chatproto.AuthErrorCodeInvalidToken || !strings.Contains(rej.Message, tt.msg) {
				t.Fatalf("Verify(%q) = %v; want a RejectError invalid_token with %q", tt.token, err, tt.msg)
			}
		})
	}
}

func TestDemoUserID(t *testing.T) {
	a, b := demoUserID("alice"), demoUserID("bob")
	if a == b || a != demoUserID("alice") {
		t.Errorf("ids alice %s, bob %s: want stable and distinct", a, b)
	}
	if err := (chatproto.User{ID: a, Name: "alice"}).Validate(); err != nil {
		t.Errorf("id %s: %v", a, err)
	}
	if a[14] != '5' || !strings.ContainsRune("89ab", rune(a[19])) {
		t.Errorf("id %s: want version 5, RFC 4122 variant", a)
	}
}

func TestStateMachine(t *testing.T) {
	const (
		connecting     = chatproto.ConnectionStateConnecting
		authenticating = chatproto.ConnectionStateAuthenticating
		connected      = chatproto.ConnectionStateConnected
		closing        = chatproto.ConnectionStateClosing
		closed         = chatproto.ConnectionStateClosed
	)
	allowed := map[[2]chatproto.ConnectionState]bool{
		{connecting, authenticating}: true,
		{connecting, closing}:        true,
		{authenticating, connected}:  true,
		{authenticating, closing}:    true,
		{connected, closing}:         true,
		{closing, closed}:            true,
	}
	states := append(chatproto.ConnectionStateValues(), "bogus")
	for _, from := range states {
		for _, to := range states {
			if got, want := canMove(from, to), allowed[[2]chatproto.ConnectionState{from, to}]; got != want {
				t.Errorf("canMove(%s, %s) = %v, want %v", from, to, got, want)
			}
		}
	}
}
