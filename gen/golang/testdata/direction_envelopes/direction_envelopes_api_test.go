package opcodes

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

type apiRecorder struct{ frames []string }

func (r *apiRecorder) WriteFrame(ctx context.Context, frame []byte) error {
	r.frames = append(r.frames, string(frame))
	return nil
}

type apiHandler struct{ calls []string }

var errAPI = errors.New("refused")

func (h *apiHandler) HandleIdentify(ctx context.Context, f Identify) error {
	h.calls = append(h.calls, fmt.Sprintf("identify req=%d", f.ReqID))
	return errAPI
}

func (h *apiHandler) HandleResume(ctx context.Context, f Resume) error {
	h.calls = append(h.calls, "resume "+f.SessionID)
	return nil
}

func (h *apiHandler) HandleHeartbeat(ctx context.Context, f Heartbeat) error {
	h.calls = append(h.calls, fmt.Sprintf("heartbeat req=%d", f.ReqID))
	return nil
}

// Envelope fields are ordinary fields: validated, sent, and handed to the handler.
func TestEnvelopeFields(t *testing.T) {
	var ve *ValidationError
	err := Identify{ReqID: 0, Token: "t", Intents: -1}.Validate()
	if !errors.As(err, &ve) || !reflect.DeepEqual(ve.Violations, []Violation{{"$.req_id", "less than 1"}, {"$.intents", "less than 0"}}) {
		t.Fatalf("Validate: %v", err)
	}
	rec := &apiRecorder{}
	ctx := context.Background()
	s := NewClientSender(rec)
	if err := s.SendIdentify(ctx, Identify{ReqID: 7, Token: "t"}); err != nil {
		t.Fatal(err)
	}
	if err := s.SendResume(ctx, Resume{ReqID: 8, SessionID: "0B6E1C5E-6A1F-4F7A-9C1E-2D3F4A5B6C7D"}); err != nil {
		t.Fatal(err)
	}
	if err := s.SendHeartbeat(ctx, Heartbeat{ReqID: 9}); err != nil {
		t.Fatal(err)
	}
	h := &apiHandler{}
	var errs []string
	for _, f := range rec.frames {
		if err := DispatchClientFrame(ctx, h, []byte(f)); err != nil {
			errs = append(errs, err.Error())
			if !errors.Is(err, errAPI) {
				t.Errorf("%v does not wrap the handler's error", err)
			}
		}
	}
	if want := []string{"identify req=7", "resume 0b6e1c5e-6a1f-4f7a-9c1e-2d3f4a5b6c7d", "heartbeat req=9"}; !reflect.DeepEqual(h.calls, want) {
		t.Errorf("calls %q, want %q", h.calls, want)
	}
	// Integer tags name the frame in wrapped errors.
	if want := []string{"handle 2: refused"}; !reflect.DeepEqual(errs, want) {
		t.Errorf("errors %q, want %q", errs, want)
	}
}

func TestIdentifyRedacted(t *testing.T) {
	f := Identify{ReqID: 1, Token: "Bot abc.def"}
	for _, out := range []string{fmt.Sprint(f), fmt.Sprintf("%+v", f), fmt.Sprintf("%#v", &f)} {
		if strings.Contains(out, "abc.def") || !strings.Contains(out, "[REDACTED]") {
			t.Errorf("not redacted: %s", out)
		}
	}
}

// A frame both sides send carries both envelopes' fields; each side is held only to its own.
func TestBothWaysEnvelopes(t *testing.T) {
	ctx := context.Background()
	hb := Heartbeat{Seq: apiRef(int64(5))} // no req_id: the server's envelope has none
	if err := hb.Validate(); err != nil {
		t.Errorf("Validate: %v", err)
	}
	rec := &apiRecorder{}
	if err := NewServerSender(rec).SendHeartbeat(ctx, hb); err != nil {
		t.Fatalf("server SendHeartbeat: %v", err)
	}
	if want := []string{`{"op":1,"seq":5,"d":{"last_seq":null}}`}; !reflect.DeepEqual(rec.frames, want) {
		t.Errorf("server wrote %q, want %q", rec.frames, want)
	}
	err := NewClientSender(rec).SendHeartbeat(ctx, hb)
	var ve *ValidationError
	if !errors.As(err, &ve) || !reflect.DeepEqual(ve.Violations, []Violation{{"$.req_id", "less than 1"}}) {
		t.Errorf("client SendHeartbeat without req_id: %v, want $.req_id: less than 1", err)
	}
	if len(rec.frames) != 1 {
		t.Errorf("the client's invalid frame was written: %q", rec.frames)
	}
}

func apiRef[T any](v T) *T { return &v }
