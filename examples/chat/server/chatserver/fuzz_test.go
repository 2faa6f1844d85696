package chatserver

import (
	"context"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/framegen/framegen/examples/chat/chatclient"
	"github.com/framegen/framegen/examples/chat/chatproto"
)

// fakeConn is transport glue that records the frames written, for tests without sockets.
type fakeConn struct {
	mu     sync.Mutex
	frames [][]byte
}

func (f *fakeConn) WriteFrame(_ context.Context, b []byte) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.frames = append(f.frames, append([]byte(nil), b...))
	return nil
}

func (f *fakeConn) writer() chatproto.FrameWriter                        { return f }
func (f *fakeConn) serve(context.Context, chatproto.ClientHandler) error { return nil }
func (f *fakeConn) classify(error) (readEnd, int)                        { return readBroken, 0 }
func (f *fakeConn) close(chatproto.CloseCode, string)                    {}
func (f *fakeConn) finish()                                              {}

var _ conn = (*fakeConn)(nil)

// written returns the frames written so far.
func (f *fakeConn) written() [][]byte {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.frames
}

// FuzzRefusal feeds any message the generated decoder refuses to the server's refusal logic,
// in both states where frames are read: the answer is always one error frame that encodes and
// that the client decodes, and the close code is one of those the docs list, never 1011.
func FuzzRefusal(f *testing.F) {
	for _, seed := range []string{
		`{"type":"ping"`, `hello`, ``, `{"type":"join","room_id":"a","room_id":"b"}`,
		"{\"type\":\"join\",\"room_id\":\"\xff\"}", `{"type":"ping"} {}`, `{"type":"dance"}`,
		`{"type":"joined"}`, `{"room_id":"r"}`, `{"type":"join"}`, `{"type":"join","Room_id":"r"}`,
		`{"type":"join","room_id":""}`, `{"type":"auth_request"}`, `{"type":"auth_request","token":""}`,
		`{"type":1}`, `[]`, `{"type":"chat_message","sent_at":"yesterday"}`, "\"\\ud800\"",
	} {
		f.Add([]byte(seed))
	}
	srv := &Server{cfg: Config{WriteTimeout: time.Second}, rooms: newHub()}
	log := slog.New(slog.DiscardHandler)
	f.Fuzz(func(t *testing.T, data []byte) {
		_, derr := chatproto.DecodeClientFrame(data)
		if derr == nil {
			return // a valid frame goes to a handler, not to the refusal logic
		}
		for _, state := range []chatproto.ConnectionState{chatproto.ConnectionStateAuthenticating, chatproto.ConnectionStateConnected} {
			fc := &fakeConn{}
			ss := newSession(srv, 1, fc, log)
			ss.state = state
			var frame chatproto.ServerFrame
			again, err := ss.recoverable(context.Background(), derr)
			if again {
				if state != chatproto.ConnectionStateConnected {
					t.Fatalf("%s: recovered from %v before authentication", state, derr)
				}
				if len(fc.written()) != 1 {
					t.Fatalf("%s: %d frames written for %v, want 1", state, len(fc.written()), derr)
				}
			} else {
				v := ss.verdict(context.Background(), err)
				switch v.code {
				case chatproto.CloseCodeUnsupportedData, chatproto.CloseCodeInvalidPayload, chatproto.CloseCodePolicyViolation, chatproto.CloseCodeMessageTooBig:
				default:
					t.Fatalf("%s: %v closes with %d", state, derr, v.code)
				}
				frame = v.frame
				b, err := chatproto.EncodeServerFrame(frame)
				if err != nil {
					t.Fatalf("%s: the refusal of %v does not encode: %v", state, derr, err)
				}
				fc.frames = [][]byte{b}
			}
			got, err := chatclient.DecodeServerFrame(fc.written()[0])
			if err != nil {
				t.Fatalf("%s: the client cannot decode the refusal %s: %v", state, fc.written()[0], err)
			}
			if _, ok := got.(chatclient.ErrorFrame); !ok {
				t.Fatalf("%s: refusal is %T, want an error frame", state, got)
			}
		}
	})
}
