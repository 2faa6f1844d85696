package chatserver

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"

	coder "github.com/coder/websocket"

	"github.com/framegen/framegen/examples/chat/chatclient"
	"github.com/framegen/framegen/examples/chat/chatproto"
)

// The unit tests of the founding incident's plan: the frames that carry a ConnectionState
// encode with every state, every enum value round-trips, and an invalid enum value is an
// error before anything is written, on a connection that stays usable.

var alice = chatproto.User{ID: demoUserID("alice"), Name: "alice"}

// roundTrip encodes f with the server package and decodes it with the client package.
func roundTrip(t *testing.T, f chatproto.ServerFrame) chatclient.ServerFrame {
	t.Helper()
	b, err := chatproto.EncodeServerFrame(f)
	if err != nil {
		t.Fatalf("EncodeServerFrame(%#v): %v", f, err)
	}
	got, err := chatclient.DecodeServerFrame(b)
	if err != nil {
		t.Fatalf("DecodeServerFrame(%s): %v", b, err)
	}
	return got
}

func TestAuthErrorEncodesEveryState(t *testing.T) {
	for _, state := range chatproto.ConnectionStateValues() {
		t.Run(state.String(), func(t *testing.T) {
			got := roundTrip(t, chatproto.AuthError{Code: chatproto.AuthErrorCodeExpired, Message: "m", State: state})
			want := chatclient.AuthError{Code: chatclient.AuthErrorCodeExpired, Message: "m", State: chatclient.ConnectionState(state)}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("got %#v, want %#v", got, want)
			}
		})
	}
}

func TestAuthSuccessEncodesEveryState(t *testing.T) {
	for _, state := range chatproto.ConnectionStateValues() {
		t.Run(state.String(), func(t *testing.T) {
			got := roundTrip(t, chatproto.AuthSuccess{User: alice, State: state})
			want := chatclient.AuthSuccess{User: chatclient.User{ID: alice.ID, Name: "alice"}, State: chatclient.ConnectionState(state)}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("got %#v, want %#v", got, want)
			}
		})
	}
}

// enumCase round-trips one enum value through JSON, text, Parse and the client package.
type enumCase struct {
	name string
	run  func(t *testing.T)
}

// enumCases returns one case per value of E: MarshalJSON then UnmarshalJSON, MarshalText
// then UnmarshalText, and Parse of String give the value back.
func enumCases[E interface {
	comparable
	String() string
	MarshalJSON() ([]byte, error)
	MarshalText() ([]byte, error)
}, P interface {
	*E
	UnmarshalJSON([]byte) error
	UnmarshalText([]byte) error
}](kind string, values []E, parse func(string) (E, error)) []enumCase {
	var out []enumCase
	for _, v := range values {
		out = append(out, enumCase{name: kind + "/" + v.String(), run: func(t *testing.T) {
			j, err := v.MarshalJSON()
			if err != nil {
				t.Fatalf("MarshalJSON: %v", err)
			}
			var back E
			if err := P(&back).UnmarshalJSON(j); err != nil || back != v {
				t.Errorf("UnmarshalJSON(%s) = %v, %v; want %v", j, back, err, v)
			}
			txt, err := v.MarshalText()
			if err != nil {
				t.Fatalf("MarshalText: %v", err)
			}
			back = *new(E)
			if err := P(&back).UnmarshalText(txt); err != nil || back != v {
				t.Errorf("UnmarshalText(%s) = %v, %v; want %v", txt, back, err, v)
			}
			if p, err := parse(v.String()); err != nil || p != v {
				t.Errorf("Parse(%q) = %v, %v; want %v", v.String(), p, err, v)
			}
		}})
	}
	return out
}

func TestEveryEnumValueRoundTrips(t *testing.T) {
	var cases []enumCase
	cases = append(cases, enumCases("ConnectionState", chatproto.ConnectionStateValues(), chatproto.ParseConnectionState)...)
	cases = append(cases, enumCases("AuthErrorCode", chatproto.AuthErrorCodeValues(), chatproto.ParseAuthErrorCode)...)
	cases = append(cases, enumCases("ErrorCode", chatproto.ErrorCodeValues(), chatproto.ParseErrorCode)...)
	cases = append(cases, enumCases("CloseCode", chatproto.CloseCodeValues(), chatproto.ParseCloseCode)...)
	if len(cases) != 5+4+8+8 {
		t.Fatalf("%d enum values, want 25: update this test with the schema", len(cases))
	}
	for _, c := range cases {
		t.Run(c.name, c.run)
	}
	// And inside frames, across the wire, to the client package.
	for _, code := range chatproto.AuthErrorCodeValues() {
		got := roundTrip(t, chatproto.AuthError{Code: code, Message: "m", State: chatproto.ConnectionStateClosing})
		if ae, ok := got.(chatclient.AuthError); !ok || string(ae.Code) != string(code) {
			t.Errorf("auth_error code %s arrived as %#v", code, got)
		}
	}
	for _, code := range chatproto.ErrorCodeValues() {
		for _, cc := range chatproto.CloseCodeValues() {
			got := roundTrip(t, chatproto.ErrorFrame{Code: code, Message: "m", State: chatproto.ConnectionStateClosing, CloseCode: &cc})
			if e, ok := got.(chatclient.ErrorFrame); !ok || string(e.Code) != string(code) || e.CloseCode == nil || int64(*e.CloseCode) != int64(cc) {
				t.Errorf("error frame %s / close %d arrived as %#v", code, cc, got)
			}
		}
	}
}

// invalidFrames are frames with an enum value the schema does not list, and the path each
// violation is reported at.
func invalidFrames() []struct {
	name  string
	frame chatproto.ServerFrame
	path  string
} {
	return []struct {
		name  string
		frame chatproto.ServerFrame
		path  string
	}{
		{name: "auth_error state", frame: chatproto.AuthError{Code: chatproto.AuthErrorCodeInvalidToken, Message: "m", State: "refused"}, path: "$.state"},
		{name: "auth_error code", frame: chatproto.AuthError{Code: "INVALID_TOKEN", Message: "m", State: chatproto.ConnectionStateClosing}, path: "$.code"},
		{name: "auth_error zero value", frame: chatproto.AuthError{}, path: "$.code"},
		{name: "auth_success state", frame: chatproto.AuthSuccess{User: alice, State: "Connected"}, path: "$.state"},
		{name: "auth_success zero state", frame: chatproto.AuthSuccess{User: alice}, path: "$.state"},
	}
}

func TestInvalidEnumIsAnErrorBeforeEncoding(t *testing.T) {
	for _, tt := range invalidFrames() {
		t.Run(tt.name, func(t *testing.T) {
			b, err := chatproto.EncodeServerFrame(tt.frame)
			var ve *chatproto.ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("EncodeServerFrame = %q, %v; want a *ValidationError", b, err)
			}
			if b != nil {
				t.Errorf("EncodeServerFrame returned %q with the error, want nothing", b)
			}
			if ve.Violations[0].Path != tt.path {
				t.Errorf("violations = %+v, want the first at %s", ve.Violations, tt.path)
			}
		})
	}
}

// acceptOne serves one WebSocket connection on tr and hands its glue to the test.
func acceptOne(t *testing.T, tr Transport) (conn, *client) {
	t.Helper()
	var accept acceptFunc
	switch tr {
	case TransportCoder:
		accept = acceptCoder(MaxFrameBytes)
	case TransportGorilla:
		accept = acceptGorilla(MaxFrameBytes, ioTimeout)
	}
	got := make(chan conn, 1)
	done := make(chan struct{})
	hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, _, err := accept(w, r)
		if err != nil {
			t.Errorf("accept: %v", err)
			close(got)
			return
		}
		got <- c
		<-done // the handler owns the connection until the test ends
	}))
	cl := dial(t, "ws"+strings.TrimPrefix(hs.URL, "http"))
	c, ok := <-got
	if !ok {
		t.FailNow()
	}
	t.Cleanup(func() {
		_ = cl.conn.CloseNow()
		c.close(chatproto.CloseCodeNormal, "")
		c.finish()
		close(done)
		hs.Close()
	})
	return c, cl
}

func TestInvalidEnumIsAnErrorBeforeWriting(t *testing.T) {
	forEachTransport(t, func(t *testing.T, tr Transport) {
		c, cl := acceptOne(t, tr)
		out := chatproto.NewServerSender(c.writer())
		ctx := context.Background()
		for _, tt := range invalidFrames() {
			t.Run(tt.name, func(t *testing.T) {
				err := out.Send(ctx, tt.frame)
				var ve *chatproto.ValidationError
				if !errors.As(err, &ve) || ve.Violations[0].Path != tt.path {
					t.Fatalf("Send = %v, want a *ValidationError at %s", err, tt.path)
				}
				// The typed methods too.
				switch f := tt.frame.(type) {
				case chatproto.AuthError:
					err = out.SendAuthError(ctx, f)
				case chatproto.AuthSuccess:
					err = out.SendAuthSuccess(ctx, f)
				}
				if !errors.As(err, &ve) {
					t.Fatalf("typed send = %v, want a *ValidationError", err)
				}
				// Nothing was written, and the connection is still usable: the next frame
				// is the first thing the client reads.
				valid := chatproto.AuthError{Code: chatproto.AuthErrorCodeInvalidToken, Message: tt.name, State: chatproto.ConnectionStateClosing}
				if err := out.SendAuthError(ctx, valid); err != nil {
					t.Fatalf("valid send after the invalid one: %v", err)
				}
				got := cl.mustNext()
				if ae, ok := got.(chatclient.AuthError); !ok || ae.Message != tt.name {
					t.Fatalf("client read %#v, want the valid auth_error only", got)
				}
				if raw := cl.raw[len(cl.raw)-1]; !bytes.HasPrefix(raw, []byte(`{"type":"auth_error"`)) {
					t.Errorf("client read %s", raw)
				}
			})
		}
		if n := len(cl.raw); n != len(invalidFrames()) {
			t.Errorf("client read %d messages, want %d (one valid frame per case)", n, len(invalidFrames()))
		}
	})
}

// verifierFunc adapts a function to TokenVerifier.
type verifierFunc func(ctx context.Context, token string) (chatproto.User, error)

func (f verifierFunc) Verify(ctx context.Context, token string) (chatproto.User, error) {
	return f(ctx, token)
}

// A verifier's mistakes never become a dropped connection: the client gets a valid
// auth_error and a close code that says what to do.
func TestVerifierFaults(t *testing.T) {
	tests := []struct {
		name     string
		verify   verifierFunc
		code     chatclient.AuthErrorCode
		close    coder.StatusCode
		retry    bool
		errorLog string
	}{
		{name: "invalid reject code", close: coder.StatusPolicyViolation, code: chatclient.AuthErrorCodeInvalidToken,
			verify: func(context.Context, string) (chatproto.User, error) {
				return chatproto.User{}, &RejectError{Code: "Invalid-Token"}
			}, errorLog: "invalid auth error code"},
		{name: "expired", close: coder.StatusPolicyViolation, code: chatclient.AuthErrorCodeExpired,
			verify: func(context.Context, string) (chatproto.User, error) {
				return chatproto.User{}, &RejectError{Code: chatproto.AuthErrorCodeExpired}
			}},
		{name: "backend down", close: coder.StatusTryAgainLater, code: chatclient.AuthErrorCodeUnavailable, retry: true,
			verify: func(context.Context, string) (chatproto.User, error) {
				return chatproto.User{}, errors.New("session store unreachable")
			}, errorLog: "session store unreachable"},
		{name: "invalid user", close: coder.StatusTryAgainLater, code: chatclient.AuthErrorCodeUnavailable, retry: true,
			verify: func(context.Context, string) (chatproto.User, error) {
				return chatproto.User{ID: "not-a-uuid", Name: "x"}, nil
			}, errorLog: "$.id: not a UUID"},
	}
	forEachTransport(t, func(t *testing.T, tr Transport) {
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				ts := startServer(t, tr, func(c *Config) { c.Verifier = tt.verify })
				c := dial(t, ts.url)
				c.mustSend(chatclient.AuthRequest{Token: "demo:alice"})
				frames := c.expectClose(tt.close)
				if len(frames) != 1 {
					t.Fatalf("got %v, want one auth_error", frames)
				}
				ae, ok := frames[0].(chatclient.AuthError)
				if !ok || ae.Code != tt.code || ae.State != chatclient.ConnectionStateClosing || (ae.RetryAfterMs != nil) != tt.retry {
					t.Fatalf("got %#v, want auth_error %s, state closing, retry_after_ms set: %v", frames[0], tt.code, tt.retry)
				}
				waitOpen(t, ts.srv, 0)
				logs := ts.logs.String()
				if tt.errorLog != "" && !strings.Contains(logs, tt.errorLog) {
					t.Errorf("log does not mention %q:\n%s", tt.errorLog, logs)
				}
			})
		}
	})
}
