package chatserver

import (
	"strings"
	"testing"
	"time"

	coder "github.com/coder/websocket"

	"github.com/framegen/framegen/examples/chat/chatclient"
)

// Integration group 1: a bad token gets a typed auth_error the client decodes, then close
// 1008, never 1011.
func TestAuthFailure(t *testing.T) {
	tests := []struct {
		name  string
		token string
		code  chatclient.AuthErrorCode
		msg   string // a substring of the message
	}{
		{name: "no demo prefix", token: "secret-token", code: chatclient.AuthErrorCodeInvalidToken, msg: `"demo:<name>"`},
		{name: "empty name", token: "demo:", code: chatclient.AuthErrorCodeInvalidToken, msg: "$.name: shorter than 1 character"},
		{name: "name too long", token: "demo:" + strings.Repeat("x", 65), code: chatclient.AuthErrorCodeInvalidToken, msg: "$.name: longer than 64 characters"},
	}
	forEachTransport(t, func(t *testing.T, tr Transport) {
		ts := startServer(t, tr, nil)
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				c := dial(t, ts.url)
				c.mustSend(chatclient.AuthRequest{ID: ptr("a1"), Token: tt.token})
				frames := c.expectClose(coder.StatusPolicyViolation)
				if len(frames) != 1 {
					t.Fatalf("got %d frames before the close, want 1 auth_error: %v", len(frames), frames)
				}
				ae, ok := frames[0].(chatclient.AuthError)
				if !ok {
					t.Fatalf("got %#v, want AuthError", frames[0])
				}
				if ae.Code != tt.code || ae.State != chatclient.ConnectionStateClosing || !strings.Contains(ae.Message, tt.msg) {
					t.Errorf("auth_error = code %s, state %s, message %q; want code %s, state closing, message containing %q",
						ae.Code, ae.State, ae.Message, tt.code, tt.msg)
				}
				if ae.ID == nil || *ae.ID != "a1" {
					t.Errorf("auth_error id = %v, want the request's a1", ae.ID)
				}
			})
		}
	})
}

// Integration group 2: a good token gets auth_success, then chat flows both ways.
func TestAuthSuccessThenChat(t *testing.T) {
	forEachTransport(t, func(t *testing.T, tr Transport) {
		ts := startServer(t, tr, nil)
		alice, aliceUser := login(t, ts.url, "alice")
		if aliceUser.Name != "alice" || aliceUser.ID != demoUserID("alice") {
			t.Fatalf("user = %+v, want alice with id %s", aliceUser, demoUserID("alice"))
		}
		bob, bobUser := login(t, ts.url, "bob")

		alice.mustSend(chatclient.Join{ID: ptr("j1"), RoomID: "general"})
		if j, ok := alice.mustNext().(chatclient.Joined); !ok || j.User != aliceUser || j.RoomID != "general" || j.ID == nil || *j.ID != "j1" {
			t.Fatalf("alice's join answer = %#v, want joined(general, alice, id j1)", j)
		}
		bob.mustSend(chatclient.Join{RoomID: "general"})
		for _, c := range []*client{alice, bob} {
			if j, ok := c.mustNext().(chatclient.Joined); !ok || j.User != bobUser {
				t.Fatalf("bob's join seen as %#v, want joined(general, bob)", j)
			}
		}

		// Both ways: alice to bob, bob to alice. author and sent_at are the server's.
		before := time.Now().Add(-time.Second)
		for _, tc := range []struct {
			from, to *client
			user     chatclient.User
			text     string
		}{
			{from: alice, to: bob, user: aliceUser, text: "hello bob"},
			{from: bob, to: alice, user: bobUser, text: "hi alice"},
		} {
			tc.from.mustSend(chatclient.ChatMessage{ID: ptr("m"), RoomID: "general", Text: tc.text,
				Author: chatclient.User{ID: demoUserID("mallory"), Name: "mallory"}, SentAt: time.Unix(0, 0)})
			for _, c := range []*client{tc.to, tc.from} {
				m, ok := c.mustNext().(chatclient.ChatMessage)
				if !ok || m.Text != tc.text || m.Author != tc.user || m.SentAt.Before(before) {
					t.Fatalf("received %#v, want %q from %s, sent now", m, tc.text, tc.user.Name)
				}
				if (c == tc.from) != (m.ID != nil) {
					t.Errorf("id = %v on the copy for the author=%v: only the author's copy carries the id", m.ID, c == tc.from)
				}
			}
		}

		alice.mustSend(chatclient.Ping{ID: ptr("p")})
		if p, ok := alice.mustNext().(chatclient.Ping); !ok || p.ID == nil || *p.ID != "p" {
			t.Fatalf("ping answer = %#v, want ping with id p", p)
		}
		bob.mustSend(chatclient.Leave{RoomID: "general"})
		for _, c := range []*client{bob, alice} {
			if l, ok := c.mustNext().(chatclient.Left); !ok || l.User != bobUser {
				t.Fatalf("leave seen as %#v, want left(general, bob)", l)
			}
		}
		if err := alice.conn.Close(coder.StatusNormalClosure, ""); err != nil {
			t.Errorf("close: %v", err)
		}
	})
}
