package chat

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
)

// Behaviour tests of the generated codec (gen/golang/codec*.go) on SCHEMA.md's chat
// example: round trips, equality with encoding/json, and every decoder rule.

func refOf[T any](v T) *T { return &v }

var sentAt = time.Date(2026, 3, 1, 12, 30, 45, 123456789, time.UTC)

func sampleUser() User {
	return User{ID: "0b6e1c5e-6a1f-4f7a-9c1e-2d3f4a5b6c7d", Name: "Zoë", AvatarURL: refOf("https://example.com/a.png")}
}

func sampleChat() ChatMessage {
	return ChatMessage{
		ID:     refOf("req-1"),
		RoomID: "lobby",
		Author: sampleUser(),
		Text:   "He said \"héllo\"\nand left 🎉 <b>&</b>",
		SentAt: sentAt,
		Attachments: []Attachment{
			ImageAttachment{URL: "https://example.com/i.png", Width: 640, Height: 480},
			FileAttachment{URL: "https://example.com/f.pdf", Mime: "application/pdf", Size: 0},
		},
		Mentions: []string{"ann", "bob", "çelik"},
	}
}

// clientFrames and serverFrames cover every frame, with optional fields absent, present
// and zero, and lists empty as well as nil.
func clientFrames() map[string]ClientFrame {
	bare := sampleChat()
	bare.ID, bare.Attachments, bare.Mentions = nil, nil, nil
	bare.Author.AvatarURL = nil
	empty := sampleChat()
	empty.Attachments, empty.Mentions = []Attachment{}, []string{}
	return map[string]ClientFrame{
		"auth_request":          AuthRequest{Token: "s3cret"},
		"auth_request_with_id":  AuthRequest{ID: refOf(""), Token: "s3cret"},
		"chat_message":          sampleChat(),
		"chat_message_bare":     bare,
		"chat_message_empty":    empty,
		"ping":                  Ping{},
		"ping_with_id":          Ping{ID: refOf("7")},
		"chat_message_pointer":  refOf(sampleChat()),
		"chat_message_no_extra": ChatMessage{RoomID: "r", Author: User{ID: "0b6e1c5e-6a1f-4f7a-9c1e-2d3f4a5b6c7d", Name: "x"}, SentAt: sentAt},
	}
}

func serverFrames() map[string]ServerFrame {
	return map[string]ServerFrame{
		"auth_success":       AuthSuccess{User: sampleUser(), State: ConnectionStateConnected},
		"auth_error":         AuthError{Code: AuthErrorCodeExpired, Message: "token expired", State: ConnectionStateClosing},
		"auth_error_retry_0": AuthError{ID: refOf("1"), Code: AuthErrorCodeForbidden, Message: "", State: ConnectionStateClosed, RetryAfterMs: refOf(int64(0))},
		"chat_message":       sampleChat(),
		"ping":               Ping{},
	}
}

// deref returns the frame value a pointer points to, since decoders return values.
func deref(f any) any {
	if v := reflect.ValueOf(f); v.Kind() == reflect.Pointer {
		return v.Elem().Interface()
	}
	return f
}

func TestRoundTripClient(t *testing.T) {
	for name, f := range clientFrames() {
		t.Run(name, func(t *testing.T) {
			data, err := EncodeClientFrame(f)
			if err != nil {
				t.Fatalf("EncodeClientFrame: %v", err)
			}
			got, err := DecodeClientFrame(data)
			if err != nil {
				t.Fatalf("DecodeClientFrame(%s): %v", data, err)
			}
			if want := deref(f); !reflect.DeepEqual(got, want) {
				t.Errorf("decode(encode(x)) != x\ngot  %#v\nwant %#v\nwire %s", got, want, data)
			}
			again, err := EncodeClientFrame(got)
			if err != nil || !bytes.Equal(again, data) {
				t.Errorf("re-encoding differs: %s, %v\nfirst %s", again, err, data)
			}
		})
	}
}

func TestRoundTripServer(t *testing.T) {
	for name, f := range serverFrames() {
		t.Run(name, func(t *testing.T) {
			data, err := EncodeServerFrame(f)
			if err != nil {
				t.Fatalf("EncodeServerFrame: %v", err)
			}
			got, err := DecodeServerFrame(data)
			if err != nil {
				t.Fatalf("DecodeServerFrame(%s): %v", data, err)
			}
			if want := deref(f); !reflect.DeepEqual(got, want) {
				t.Errorf("decode(encode(x)) != x\ngot  %#v\nwant %#v\nwire %s", got, want, data)
			}
		})
	}
}

// TestTimeOffsetKept checks that a time keeps the offset it was given.
func TestTimeOffsetKept(t *testing.T) {
	m := sampleChat()
	m.SentAt = time.Date(2026, 3, 1, 12, 30, 45, 5000, time.FixedZone("", -(3*3600+30*60)))
	data, err := EncodeServerFrame(m)
	if err != nil {
		t.Fatal(err)
	}
	if want := `"sent_at":"2026-03-01T12:30:45.000005-03:30"`; !bytes.Contains(data, []byte(want)) {
		t.Errorf("got %s, want it to contain %s", data, want)
	}
	got, err := DecodeServerFrame(data)
	if err != nil {
		t.Fatal(err)
	}
	at := got.(ChatMessage).SentAt
	if _, off := at.Zone(); !at.Equal(m.SentAt) || off != -(3*3600+30*60) {
		t.Errorf("got %v, want %v in the same offset", at, m.SentAt)
	}
}

// jsonValue parses JSON text into a generic value, for comparing texts as values.
func jsonValue(t *testing.T, data []byte) any {
	t.Helper()
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatalf("%s: %v", data, err)
	}
	return v
}

// Plain structs with the wire shape, for encoding/json to encode.
type (
	plainUser struct {
		ID        string  `json:"id"`
		Name      string  `json:"name"`
		AvatarURL *string `json:"avatar_url,omitempty"`
	}
	plainAuthError struct {
		Type         string  `json:"type"`
		ID           *string `json:"id,omitempty"`
		Code         string  `json:"code"`
		Message      string  `json:"message"`
		State        string  `json:"state"`
		RetryAfterMs *int64  `json:"retry_after_ms,omitempty"`
	}
	plainChat struct {
		Type        string           `json:"type"`
		ID          *string          `json:"id,omitempty"`
		RoomID      string           `json:"room_id"`
		Author      plainUser        `json:"author"`
		Text        string           `json:"text"`
		SentAt      time.Time        `json:"sent_at"`
		Attachments []map[string]any `json:"attachments,omitempty"`
		Mentions    []string         `json:"mentions,omitempty"`
	}
)

// TestEqualsEncodingJSON compares our wire form, as a JSON value, with what encoding/json
// writes for equivalent plain structs and maps.
func TestEqualsEncodingJSON(t *testing.T) {
	m := sampleChat()
	plain := plainChat{
		Type: "chat_message", ID: m.ID, RoomID: m.RoomID,
		Author: plainUser{ID: m.Author.ID, Name: m.Author.Name, AvatarURL: m.Author.AvatarURL},
		Text:   m.Text, SentAt: m.SentAt,
		Attachments: []map[string]any{
			{"kind": "image", "url": "https://example.com/i.png", "width": 640, "height": 480},
			{"kind": "file", "url": "https://example.com/f.pdf", "mime": "application/pdf", "size": 0},
		},
		Mentions: m.Mentions,
	}
	ae := AuthError{ID: refOf("9"), Code: AuthErrorCodeInvalidToken, Message: "bad \"token\"", State: ConnectionStateClosed, RetryAfterMs: refOf(int64(1500))}
	tests := []struct {
		name  string
		ours  func() ([]byte, error)
		plain any
	}{
		{"chat_message struct", func() ([]byte, error) { return EncodeClientFrame(m) }, plain},
		{"auth_error struct", func() ([]byte, error) { return EncodeServerFrame(ae) }, plainAuthError{
			Type: "auth_error", ID: ae.ID, Code: "invalid_token", Message: ae.Message, State: "closed", RetryAfterMs: ae.RetryAfterMs,
		}},
		{"auth_error map", func() ([]byte, error) {
			return EncodeServerFrame(AuthError{Code: AuthErrorCodeExpired, State: ConnectionStateConnecting})
		}, map[string]any{
			"type": "auth_error", "code": "expired", "message": "", "state": "connecting",
		}},
		{"ping map", func() ([]byte, error) { return EncodeServerFrame(Ping{}) }, map[string]any{"type": "ping"}},
		{"user body", func() ([]byte, error) { return json.Marshal(m.Author) }, plain.Author},
		{"chat body", func() ([]byte, error) { return json.Marshal(m) }, map[string]any{
			"room_id": m.RoomID, "author": plain.Author, "text": m.Text, "sent_at": m.SentAt,
			"attachments": plain.Attachments, "mentions": m.Mentions,
		}},
		{"enum", func() ([]byte, error) { return json.Marshal(CloseCodePolicyViolation) }, 1008},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ours, err := tt.ours()
			if err != nil {
				t.Fatal(err)
			}
			theirs, err := json.Marshal(tt.plain)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := jsonValue(t, ours), jsonValue(t, theirs); !reflect.DeepEqual(got, want) {
				t.Errorf("ours  %s\nwant  %s", ours, theirs)
			}
		})
	}
}

// TestFoundingBug: an auth error with an invalid connection state fails before a byte is
// written, in Encode and in Append.
func TestFoundingBug(t *testing.T) {
	bad := AuthError{Code: AuthErrorCodeExpired, Message: "x", State: "open"}
	if data, err := EncodeServerFrame(bad); err == nil || data != nil {
		t.Fatalf("EncodeServerFrame = %q, %v; want nil and an error", data, err)
	}
	dst := []byte("prefix")
	out, err := AppendServerFrame(dst, bad)
	var verr *ValidationError
	if !errors.As(err, &verr) || len(verr.Violations) != 1 || verr.Violations[0].Path != "$.state" {
		t.Fatalf("AppendServerFrame error = %v; want a *ValidationError at $.state", err)
	}
	if string(out) != "prefix" {
		t.Errorf("AppendServerFrame appended: %q", out)
	}
}

func TestEncodeErrors(t *testing.T) {
	var nilChat *ChatMessage
	long := sampleChat()
	long.Text = strings.Repeat("a", 4000)
	long.Mentions = make([]string, 4000) // 4000 × `,""` and more text: over 65536 bytes
	for i := range long.Mentions {
		long.Mentions[i] = "mention-mention"
	}
	tests := []struct {
		name   string
		encode func() ([]byte, error)
		reason string
	}{
		{"nil frame", func() ([]byte, error) { return EncodeClientFrame(nil) }, "$: nil frame"},
		{"nil pointer", func() ([]byte, error) { return EncodeClientFrame(nilChat) }, "$: nil *ChatMessage"},
		{"too large", func() ([]byte, error) { return EncodeClientFrame(long) }, "$: encoded frame is 76406 bytes, over the server's limit of 65536"},
		{"invalid enum marshal", func() ([]byte, error) { return json.Marshal(ConnectionState("open")) }, "json: error calling MarshalJSON for type chat.ConnectionState: invalid: $: invalid value \"open\" of ConnectionState (want one of: connecting, connected, closing, closed)"},
		{"invalid body marshal", func() ([]byte, error) { return json.Marshal(AuthRequest{}) }, "json: error calling MarshalJSON for type chat.AuthRequest: invalid: $.token: shorter than 1 character"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, err := tt.encode()
			if err == nil {
				t.Fatalf("got %d bytes, want error %q", len(data), tt.reason)
			}
			if got := err.Error(); got != "invalid: "+tt.reason && got != tt.reason {
				t.Errorf("error %q\nwant  %q", got, tt.reason)
			}
			if data != nil {
				t.Errorf("got %d bytes beside the error, want nil", len(data))
			}
		})
	}
}

// TestAppendNoAlloc: Append into a buffer with room allocates nothing.
func TestAppendNoAlloc(t *testing.T) {
	var f ServerFrame = sampleChat()
	buf := make([]byte, 0, 4096)
	allocs := testing.AllocsPerRun(100, func() {
		if _, err := AppendServerFrame(buf[:0], f); err != nil {
			t.Fatal(err)
		}
	})
	if allocs != 0 {
		t.Errorf("AppendServerFrame allocates %v times, want 0", allocs)
	}
}

func equalFrames(a, b any) bool { return reflect.DeepEqual(a, b) }

// TestEncodeOneAlloc: Encode allocates the result and nothing else (the pool may be
// emptied by a collection now and then, hence the margin).
func TestEncodeOneAlloc(t *testing.T) {
	var f ServerFrame = AuthError{Code: AuthErrorCodeExpired, Message: "m", State: ConnectionStateClosed, RetryAfterMs: refOf(int64(5))}
	allocs := testing.AllocsPerRun(200, func() {
		if _, err := EncodeServerFrame(f); err != nil {
			t.Fatal(err)
		}
	})
	if allocs >= 1.5 {
		t.Errorf("EncodeServerFrame allocates %v times per call, want 1", allocs)
	}
}
