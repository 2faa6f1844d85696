package chat

import (
	"context"
	"testing"
)

// discard is a FrameWriter that drops frames.
type discard struct{ n int }

func (d *discard) WriteFrame(ctx context.Context, frame []byte) error {
	d.n += len(frame)
	return nil
}

func BenchmarkValidateChatMessage(b *testing.B) {
	m := validChatMessage()
	b.ReportAllocs()
	for b.Loop() {
		if err := m.Validate(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSendAuthError(b *testing.B) {
	s := NewServerSender(&discard{})
	f := AuthError{Code: AuthErrorCodeExpired, Message: "token expired", State: ConnectionStateClosed, RetryAfterMs: apiPtr(int64(500))}
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if err := s.SendAuthError(ctx, f); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSendChatMessage(b *testing.B) {
	s := NewServerSender(&discard{})
	m := validChatMessage()
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if err := s.SendChatMessage(ctx, m); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDispatchChatMessage(b *testing.B) {
	data, err := EncodeClientFrame(validChatMessage())
	if err != nil {
		b.Fatal(err)
	}
	h := &nopHandler{}
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if err := DispatchClientFrame(ctx, h, data); err != nil {
			b.Fatal(err)
		}
	}
}

// nopHandler accepts every client frame.
type nopHandler struct{}

func (nopHandler) HandleAuthRequest(context.Context, AuthRequest) error { return nil }
func (nopHandler) HandleChatMessage(context.Context, ChatMessage) error { return nil }
func (nopHandler) HandlePing(context.Context, Ping) error               { return nil }
