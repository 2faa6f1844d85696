package chat

// Behaviour tests of the API surface: Validate, enums, redaction, senders, dispatchers.

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// recorder is a FrameWriter that keeps a copy of every frame and fails when two writes
// overlap (senders must serialise them).
type recorder struct {
	mu       sync.Mutex
	frames   [][]byte
	inFlight atomic.Int32
	overlaps atomic.Int32
	err      error // returned by every write, when set
}

func (r *recorder) WriteFrame(ctx context.Context, frame []byte) error {
	if r.inFlight.Add(1) > 1 {
		r.overlaps.Add(1)
	}
	defer r.inFlight.Add(-1)
	r.mu.Lock()
	defer r.mu.Unlock()
	r.frames = append(r.frames, bytes.Clone(frame))
	// Scribble over the slice: the sender must not rely on it after the call.
	for i := range frame {
		frame[i] = 'x'
	}
	return r.err
}

func (r *recorder) written() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []string
	for _, f := range r.frames {
		out = append(out, string(f))
	}
	return out
}

func validUser() User {
	return User{ID: "0B6E1C5E-6A1F-4F7A-9C1E-2D3F4A5B6C7D", Name: "Zoë"}
}

func validChatMessage() ChatMessage {
	return ChatMessage{
		RoomID: "lobby",
		Author: validUser(),
		Text:   "hello",
		SentAt: time.Date(2026, 3, 1, 12, 30, 45, 0, time.UTC),
		Attachments: []Attachment{
			ImageAttachment{URL: "https://example.com/i.png", Width: 640, Height: 480},
			&FileAttachment{URL: "https://example.com/f.pdf", Mime: "application/pdf", Size: 0},
		},
	}
}

// violations returns the violations of a *ValidationError, failing on any other error.
func violationsOf(t *testing.T, err error) []Violation {
	t.Helper()
	if err == nil {
		return nil
	}
	var ve *ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("error %v (%T) is not a *ValidationError", err, err)
	}
	return ve.Violations
}

// The founding bug: an auth error whose connection state is not one of the enum's values
// must fail in Validate, in the encoder and in the sender, with nothing written.
func TestFoundingCase(t *testing.T) {
	bad := AuthError{Code: AuthErrorCodeExpired, Message: "token expired", State: ConnectionState("authenticating")}
	want := []Violation{{Path: "$.state", Reason: `unknown value "authenticating" of ConnectionState (want one of: connecting, connected, closing, closed)`}}

	if got := violationsOf(t, bad.Validate()); !reflect.DeepEqual(got, want) {
		t.Errorf("Validate: got %+v, want %+v", got, want)
	}
	b, err := EncodeServerFrame(bad)
	if got := violationsOf(t, err); !reflect.DeepEqual(got, want) || b != nil {
		t.Errorf("EncodeServerFrame: got %q, %+v; want nil, %+v", b, got, want)
	}
	rec := &recorder{}
	err = NewServerSender(rec).SendAuthError(context.Background(), bad)
	if got := violationsOf(t, err); !reflect.DeepEqual(got, want) {
		t.Errorf("SendAuthError: got %+v, want %+v", got, want)
	}
	if w := rec.written(); len(w) != 0 {
		t.Errorf("SendAuthError wrote %q, want nothing", w)
	}

	// Fixed, the same frame goes out as one write.
	bad.State = ConnectionStateClosed
	if err := NewServerSender(rec).SendAuthError(context.Background(), bad); err != nil {
		t.Fatalf("SendAuthError(valid): %v", err)
	}
	wantFrame := `{"type":"auth_error","code":"expired","message":"token expired","state":"closed"}`
	if w := rec.written(); len(w) != 1 || !jsonEqual(t, w[0], wantFrame) {
		t.Errorf("SendAuthError wrote %q, want [%s]", w, wantFrame)
	}
}

func jsonEqual(t *testing.T, a, b string) bool {
	t.Helper()
	var x, y any
	if err := json.Unmarshal([]byte(a), &x); err != nil {
		t.Fatalf("%s: %v", a, err)
	}
	if err := json.Unmarshal([]byte(b), &y); err != nil {
		t.Fatalf("%s: %v", b, err)
	}
	return reflect.DeepEqual(x, y)
}

func TestValidatePaths(t *testing.T) {
	long := strings.Repeat("é", 65)
	tests := []struct {
		name  string
		value interface{ Validate() error }
		want  []Violation
	}{
		{"valid", validChatMessage(), nil},
		{"nested object", func() ChatMessage {
			m := validChatMessage()
			m.Author.Name = long
			m.Author.ID = "not-a-uuid"
			return m
		}(), []Violation{
			{"$.author.id", "not a UUID"},
			{"$.author.name", "longer than 64 characters"},
		}},
		{"every violation, in field order", func() ChatMessage {
			m := validChatMessage()
			m.RoomID = "bad\xff"
			m.Author.Name = ""
			m.Text = strings.Repeat("a", 4001)
			m.SentAt = time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)
			m.Attachments = []Attachment{
				nil,
				ImageAttachment{URL: "u", Width: 0, Height: -1},
				(*FileAttachment)(nil),
				&FileAttachment{URL: "u", Mime: "m", Size: -5},
			}
			m.Mentions = []string{"ok", "\xc3"}
			return m
		}(), []Violation{
			{"$.room_id", "invalid UTF-8"},
			{"$.author.name", "shorter than 1 character"},
			{"$.text", "longer than 4000 characters"},
			{"$.sent_at", "time outside RFC 3339 (year 0-9999, offset in whole minutes)"},
			{"$.attachments[0]", "missing required value"},
			{"$.attachments[1].width", "less than 1"},
			{"$.attachments[1].height", "less than 1"},
			{"$.attachments[2]", "nil *FileAttachment"},
			{"$.attachments[3].size", "less than 0"},
			{"$.mentions[1]", "invalid UTF-8"},
		}},
		{"max items", func() ChatMessage {
			m := validChatMessage()
			for range 10 {
				m.Attachments = append(m.Attachments, ImageAttachment{URL: "u", Width: 1, Height: 1})
			}
			return m
		}(), []Violation{{"$.attachments", "more than 10 items"}}},
		{"optional field present", AuthError{Code: AuthErrorCodeExpired, State: ConnectionStateClosed, RetryAfterMs: apiPtr(int64(-1))},
			[]Violation{{"$.retry_after_ms", "less than 0"}}},
		{"closed enums", AuthError{Code: "nope", State: ""}, []Violation{
			{"$.code", `unknown value "nope" of AuthErrorCode (want one of: invalid_token, expired, forbidden)`},
			{"$.state", `unknown value "" of ConnectionState (want one of: connecting, connected, closing, closed)`},
		}},
		{"envelope field", AuthRequest{ID: apiPtr("\xff"), Token: "t"}, []Violation{{"$.id", "invalid UTF-8"}}},
		{"variant on its own", FileAttachment{Mime: "m", Size: -1}, []Violation{{"$.size", "less than 0"}}},
		{"frame without rules", Ping{}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := violationsOf(t, tt.value.Validate())
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func apiPtr[T any](v T) *T { return &v }

// A valid value validates without allocating: the path is built only for a violation.
func TestValidateAllocs(t *testing.T) {
	m := validChatMessage()
	m.Mentions = []string{"a", "b"}
	if n := testing.AllocsPerRun(100, func() {
		if err := m.Validate(); err != nil {
			t.Fatal(err)
		}
	}); n != 0 {
		t.Errorf("Validate of a valid ChatMessage: %v allocations, want 0", n)
	}
}

func TestEnums(t *testing.T) {
	tests := []struct {
		name         string
		v            fmt.Stringer
		str          string
		known, valid bool
	}{
		{name: "string known", v: ConnectionStateClosing, str: "closing", known: true, valid: true},
		{name: "string unknown, closed", v: ConnectionState("gone"), str: "gone", known: false, valid: false},
		{name: "int known", v: CloseCodePolicyViolation, str: "policy_violation", known: true, valid: true},
		{name: "int unknown, open", v: CloseCode(4000), str: "CloseCode(4000)", known: false, valid: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			type enum interface {
				String() string
				IsKnown() bool
				IsValid() bool
			}
			e := tt.v.(enum)
			if got := e.String(); got != tt.str {
				t.Errorf("String() = %q, want %q", got, tt.str)
			}
			if got := fmt.Sprint(e); got != tt.str {
				t.Errorf("fmt.Sprint = %q, want %q", got, tt.str)
			}
			if got := e.IsKnown(); got != tt.known {
				t.Errorf("IsKnown() = %v, want %v", got, tt.known)
			}
			if got := e.IsValid(); got != tt.valid {
				t.Errorf("IsValid() = %v, want %v", got, tt.valid)
			}
		})
	}

	if got, err := ParseCloseCode("internal_error"); got != CloseCodeInternalError || err != nil {
		t.Errorf("ParseCloseCode(internal_error) = %v, %v", got, err)
	}
	if got, err := ParseConnectionState("connected"); got != ConnectionStateConnected || err != nil {
		t.Errorf("ParseConnectionState(connected) = %v, %v", got, err)
	}
	_, err := ParseConnectionState("Connected")
	if want := `parse ConnectionState: unknown name "Connected" (want one of: connecting, connected, closing, closed)`; err == nil || err.Error() != want {
		t.Errorf("ParseConnectionState(Connected) error = %v, want %s", err, want)
	}
	if _, err := ParseCloseCode("1000"); err == nil {
		t.Errorf("ParseCloseCode(1000): no error, want one (it parses names)")
	}
	if got, want := CloseCodeValues(), []CloseCode{1000, 1008, 1011}; !reflect.DeepEqual(got, want) {
		t.Errorf("CloseCodeValues() = %v, want %v", got, want)
	}
	if got, want := AuthErrorCodeValues(), []AuthErrorCode{"invalid_token", "expired", "forbidden"}; !reflect.DeepEqual(got, want) {
		t.Errorf("AuthErrorCodeValues() = %v, want %v", got, want)
	}
}

const secret = "s3cr3t-T0ken"

func TestRedaction(t *testing.T) {
	id := "req-1"
	for _, v := range []any{AuthRequest{ID: &id, Token: secret}, &AuthRequest{Token: secret}} {
		outputs := map[string]string{
			"String":   fmt.Sprint(v),
			"%v":       fmt.Sprintf("%v", v),
			"%+v":      fmt.Sprintf("%+v", v),
			"%#v":      fmt.Sprintf("%#v", v),
			"%s":       fmt.Sprintf("%s", v),
			"%q":       fmt.Sprintf("%q", v),
			"slog":     logJSON(t, v),
			"slogText": logText(v),
		}
		for name, out := range outputs {
			if strings.Contains(out, secret) {
				t.Errorf("%T %s shows the secret: %s", v, name, out)
			}
			if !strings.Contains(out, "[REDACTED]") {
				t.Errorf("%T %s does not show [REDACTED]: %s", v, name, out)
			}
		}
	}
	if got, want := (AuthRequest{ID: apiPtr("x"), Token: secret}).String(), "{ID:"; !strings.HasPrefix(got, want) || !strings.HasSuffix(got, " Token:[REDACTED]}") {
		t.Errorf("String() = %q, want {ID:0x… Token:[REDACTED]}", got)
	}
	if got, want := (AuthRequest{Token: secret}).GoString(), `chat.AuthRequest{ID:(*string)(nil), Token:"[REDACTED]"}`; got != want {
		t.Errorf("GoString() = %s, want %s", got, want)
	}
	if got, want := logJSON(t, AuthRequest{ID: &id, Token: secret}), `{"msg":"m","frame":{"id":"req-1","token":"[REDACTED]"}}`; got != want {
		t.Errorf("slog JSON = %s, want %s", got, want)
	}
	// Error messages never quote the secret either.
	_, err := DecodeClientFrame([]byte(`{"type":"auth_request","token":"` + secret + `\x"}`))
	if err == nil || strings.Contains(err.Error(), secret) {
		t.Errorf("decode error %v: want an error without the token", err)
	}
}

func logJSON(t *testing.T, v any) string {
	t.Helper()
	var buf bytes.Buffer
	h := slog.NewJSONHandler(&buf, &slog.HandlerOptions{ReplaceAttr: func(groups []string, a slog.Attr) slog.Attr {
		if len(groups) == 0 && (a.Key == slog.TimeKey || a.Key == slog.LevelKey) {
			return slog.Attr{}
		}
		return a
	}})
	slog.New(h).Info("m", "frame", v)
	return strings.TrimSpace(buf.String())
}

func logText(v any) string {
	var buf bytes.Buffer
	slog.New(slog.NewTextHandler(&buf, nil)).Info("m", "frame", v)
	return buf.String()
}

func TestSenderNil(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name string
		send func(s *ServerSender) error
	}{
		{"nil interface", func(s *ServerSender) error { return s.Send(ctx, nil) }},
		{"nil pointer", func(s *ServerSender) error { return s.Send(ctx, (*AuthError)(nil)) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := &recorder{}
			err := tt.send(NewServerSender(rec))
			if err == nil {
				t.Fatal("no error, want one")
			}
			if w := rec.written(); len(w) != 0 {
				t.Errorf("wrote %q, want nothing", w)
			}
		})
	}
	if err := new(ServerSender).SendPing(ctx, Ping{}); err == nil || !strings.Contains(err.Error(), "no FrameWriter") {
		t.Errorf("zero ServerSender: error %v, want one about the missing FrameWriter", err)
	}
	if _, err := EncodeClientFrame((*ChatMessage)(nil)); err == nil {
		t.Error("EncodeClientFrame(nil pointer): no error")
	}
}

func TestSenderPointerAndWriteError(t *testing.T) {
	rec := &recorder{}
	ctx := context.Background()
	if err := NewClientSender(rec).Send(ctx, &AuthRequest{Token: "t"}); err != nil {
		t.Fatalf("Send(pointer): %v", err)
	}
	if got, want := rec.written(), []string{`{"type":"auth_request","token":"t"}`}; !reflect.DeepEqual(got, want) {
		t.Errorf("wrote %q, want %q", got, want)
	}
	boom := errors.New("boom")
	rec = &recorder{err: boom}
	if err := NewClientSender(rec).SendPing(ctx, Ping{}); !errors.Is(err, boom) {
		t.Errorf("SendPing with a failing writer: %v, want %v", err, boom)
	}
}

func TestConcurrentSends(t *testing.T) {
	rec := &recorder{}
	s := NewServerSender(rec)
	const goroutines, each = 8, 50
	var wg sync.WaitGroup
	for g := range goroutines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				m := validChatMessage()
				m.Text = fmt.Sprintf("g%d-%d", g, i)
				if err := s.SendChatMessage(context.Background(), m); err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	wg.Wait()
	if n := rec.overlaps.Load(); n != 0 {
		t.Errorf("%d overlapping WriteFrame calls, want 0", n)
	}
	frames := rec.written()
	if len(frames) != goroutines*each {
		t.Fatalf("%d frames written, want %d", len(frames), goroutines*each)
	}
	seen := map[string]bool{}
	for _, f := range frames {
		got, err := DecodeServerFrame([]byte(f))
		if err != nil {
			t.Fatalf("frame %s: %v", f, err)
		}
		seen[got.(ChatMessage).Text] = true
	}
	if len(seen) != goroutines*each {
		t.Errorf("%d distinct frames, want %d", len(seen), goroutines*each)
	}
}

// stuckWriter's WriteFrame signals started, then blocks until release is closed: a peer
// that stopped reading.
type stuckWriter struct {
	started chan struct{}
	release chan struct{}
	frames  atomic.Int32
}

func (w *stuckWriter) WriteFrame(ctx context.Context, frame []byte) error {
	if w.frames.Add(1) == 1 {
		close(w.started)
		<-w.release
	}
	return nil
}

// TestSendWaitingGivesUpWithCtx: a send queued behind a write that does not return ends
// with its own ctx's error, writing nothing, and the sender works again once the stuck
// write returns.
func TestSendWaitingGivesUpWithCtx(t *testing.T) {
	w := &stuckWriter{started: make(chan struct{}), release: make(chan struct{})}
	s := NewServerSender(w)
	first := make(chan error, 1)
	go func() { first <- s.SendPing(context.Background(), Ping{}) }()
	<-w.started

	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	if err := s.SendPing(ctx, Ping{}); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("send behind a stuck write: %v, want context.DeadlineExceeded", err)
	}
	if n := w.frames.Load(); n != 1 {
		t.Errorf("%d WriteFrame calls, want 1 (the waiting send must not write)", n)
	}
	close(w.release)
	if err := <-first; err != nil {
		t.Errorf("the stuck send: %v", err)
	}
	if err := s.SendPing(context.Background(), Ping{}); err != nil {
		t.Errorf("send after the stuck write returned: %v", err)
	}
	if n := w.frames.Load(); n != 2 {
		t.Errorf("%d WriteFrame calls, want 2", n)
	}
}

// TestSendDoneCtxFreeSlot: a send whose ctx is already done still reaches WriteFrame when
// no other send holds the connection (WriteFrame gets ctx and decides), every time.
func TestSendDoneCtxFreeSlot(t *testing.T) {
	rec := &recorder{}
	s := NewServerSender(rec)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for range 100 {
		if err := s.SendPing(ctx, Ping{}); err != nil {
			t.Fatalf("SendPing with a done ctx and a free connection: %v, want the write", err)
		}
	}
	if n := len(rec.written()); n != 100 {
		t.Errorf("%d frames written, want 100", n)
	}
}

// panicWriter's WriteFrame panics on its first call.
type panicWriter struct{ calls atomic.Int32 }

func (w *panicWriter) WriteFrame(ctx context.Context, frame []byte) error {
	if w.calls.Add(1) == 1 {
		panic("boom")
	}
	return nil
}

// TestSendAfterWritePanic: a WriteFrame that panics gives the connection back, so the next
// send is not blocked forever.
func TestSendAfterWritePanic(t *testing.T) {
	w := &panicWriter{}
	s := NewServerSender(w)
	func() {
		defer func() {
			if recover() == nil {
				t.Error("the first send did not panic")
			}
		}()
		_ = s.SendPing(context.Background(), Ping{})
	}()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := s.SendPing(ctx, Ping{}); err != nil {
		t.Errorf("send after a panicking write: %v", err)
	}
}

// handler records which method ran, and returns err.
type handler struct {
	calls []string
	err   error
}

func (h *handler) HandleAuthRequest(ctx context.Context, f AuthRequest) error {
	h.calls = append(h.calls, "AuthRequest:"+f.Token)
	return h.err
}

func (h *handler) HandleChatMessage(ctx context.Context, f ChatMessage) error {
	h.calls = append(h.calls, "ChatMessage:"+f.Text)
	return h.err
}

func (h *handler) HandlePing(ctx context.Context, f Ping) error {
	h.calls = append(h.calls, "Ping")
	return h.err
}

func TestDispatch(t *testing.T) {
	boom := errors.New("boom")
	tests := []struct {
		name      string
		data      string
		herr      error
		wantCalls []string
		wantErr   string
	}{
		{"auth request", `{"type":"auth_request","token":"t"}`, nil, []string{"AuthRequest:t"}, ""},
		{"ping", `{"type":"ping","id":"1"}`, nil, []string{"Ping"}, ""},
		{"handler error wrapped", `{"type":"chat_message","room_id":"r","author":{"id":"0b6e1c5e-6a1f-4f7a-9c1e-2d3f4a5b6c7d","name":"n"},"text":"hi","sent_at":"2026-01-01T00:00:00Z"}`,
			boom, []string{"ChatMessage:hi"}, "handle chat_message: boom"},
		{"decode error, no call", `{"type":"auth_request"}`, nil, nil, "$.token: missing required key"},
		{"server frame, no call", `{"type":"auth_error","code":"expired","message":"m","state":"closed"}`, nil, nil, `frame "auth_error" is sent by the other side`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := &handler{err: tt.herr}
			err := DispatchClientFrame(context.Background(), h, []byte(tt.data))
			if !reflect.DeepEqual(h.calls, tt.wantCalls) {
				t.Errorf("calls %q, want %q", h.calls, tt.wantCalls)
			}
			got := ""
			if err != nil {
				got = err.Error()
			}
			if got != tt.wantErr {
				t.Errorf("error %q, want %q", got, tt.wantErr)
			}
			if tt.herr != nil && !errors.Is(err, tt.herr) {
				t.Errorf("errors.Is(%v, handler error) = false", err)
			}
		})
	}
	var de *DecodeError
	if err := DispatchClientFrame(context.Background(), &handler{}, []byte(`{"type":1}`)); !errors.As(err, &de) || de.Kind != KindWrongType {
		t.Errorf("tag of the wrong type: %v, want a *DecodeError of KindWrongType", err)
	}
	var ue *UnknownFrameError
	if err := DispatchClientFrame(context.Background(), &handler{}, []byte(`{"type":"nope"}`)); !errors.As(err, &ue) || ue.Tag != "nope" || ue.OtherDirection {
		t.Errorf("unknown tag: %v, want *UnknownFrameError{Tag: nope}", err)
	}
}

// The sealed interfaces: frames of one direction only.
func TestSealed(t *testing.T) {
	var _ ClientFrame = AuthRequest{}
	var _ ClientFrame = &ChatMessage{}
	var _ ServerFrame = ChatMessage{}
	var _ ServerFrame = AuthError{}
	if _, ok := any(AuthRequest{}).(ServerFrame); ok {
		t.Error("AuthRequest implements ServerFrame")
	}
	if _, ok := any(AuthError{}).(ClientFrame); ok {
		t.Error("AuthError implements ClientFrame")
	}
	if _, ok := any(map[string]any{}).(ServerFrame); ok {
		t.Error("a map implements ServerFrame")
	}
	if _, ok := any(User{}).(Attachment); ok {
		t.Error("User implements Attachment")
	}
}

func TestConstants(t *testing.T) {
	if ProtocolVersion != "2.3.0" || Subprotocol != "chat.v2" || len(SchemaHash) != 64 {
		t.Errorf("constants: %q %q %q", ProtocolVersion, Subprotocol, SchemaHash)
	}
}
