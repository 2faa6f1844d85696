package opcodes

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
)

// Codec behaviour with per-direction envelopes and integer opcodes: the client sends
// internal frames on "op" with a req_id and is held strictly (unknown_fields: reject, 1024
// bytes); the server sends adjacent frames on "op"/"d" with an optional seq and is read
// tolerantly (ignore, 4096 bytes).

// wireCase is a frame, its canonical wire form, and the decoder that reads it back.
type wireCase struct {
	name   string
	encode func() ([]byte, error)
	decode func([]byte) (any, error)
	wire   string
	want   any // the decoded frame
}

// checkWire encodes each frame, compares the text with the canonical form, and decodes it
// back to the same value.
func checkWire(t *testing.T, cases []wireCase) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			data, err := tt.encode()
			if err != nil {
				t.Fatalf("encode: %v", err)
			}
			if string(data) != tt.wire {
				t.Errorf("encoded %s\nwant    %s", data, tt.wire)
			}
			got, err := tt.decode(data)
			if err != nil {
				t.Fatalf("decode %s: %v", data, err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("decoded %#v\nwant    %#v", got, tt.want)
			}
		})
	}
}

// rejectCase is an input a decoder must refuse: a *DecodeError of kind at path, or, when
// tag is set, an *UnknownFrameError.
type rejectCase struct {
	name  string
	input string
	kind  DecodeErrorKind
	path  string
	tag   string
	other bool
}

func checkRejects(t *testing.T, decode func([]byte) (any, error), cases []rejectCase) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			got, err := decode([]byte(tt.input))
			if err == nil {
				t.Fatalf("decoded %#v, want an error", got)
			}
			if tt.tag != "" {
				var ue *UnknownFrameError
				if !errors.As(err, &ue) || ue.Tag != tt.tag || ue.OtherDirection != tt.other {
					t.Fatalf("error %v (%T), want UnknownFrameError{Tag: %q, OtherDirection: %v}", err, err, tt.tag, tt.other)
				}
				return
			}
			var de *DecodeError
			if !errors.As(err, &de) {
				t.Fatalf("error %v (%T), want *DecodeError", err, err)
			}
			if de.Kind != tt.kind || de.Path != tt.path {
				t.Errorf("got %s at %s (%q), want %s at %s", de.Kind, de.Path, de.Reason, tt.kind, tt.path)
			}
		})
	}
}

func decodeClient(b []byte) (any, error) {
	f, err := DecodeClientFrame(b)
	if err != nil {
		return nil, err
	}
	return f, nil
}

func decodeServer(b []byte) (any, error) {
	f, err := DecodeServerFrame(b)
	if err != nil {
		return nil, err
	}
	return f, nil
}

func TestOpcodesWire(t *testing.T) {
	seq, last := int64(42), int64(41)
	enc := func(f ClientFrame) func() ([]byte, error) {
		return func() ([]byte, error) { return EncodeClientFrame(f) }
	}
	encS := func(f ServerFrame) func() ([]byte, error) {
		return func() ([]byte, error) { return EncodeServerFrame(f) }
	}
	payload := json.RawMessage(`{"guild":"1"}`)
	checkWire(t, []wireCase{
		{"identify", enc(Identify{ReqID: 1, Token: "s3cret", Intents: 513}), decodeClient,
			`{"op":2,"req_id":1,"token":"s3cret","intents":513}`, Identify{ReqID: 1, Token: "s3cret", Intents: 513}},
		{"resume", enc(Resume{ReqID: 2, SessionID: "0B6E1C5E-6A1F-4F7A-9C1E-2D3F4A5B6C7D"}), decodeClient,
			`{"op":6,"req_id":2,"session_id":"0b6e1c5e-6a1f-4f7a-9c1e-2d3f4a5b6c7d"}`, Resume{ReqID: 2, SessionID: "0b6e1c5e-6a1f-4f7a-9c1e-2d3f4a5b6c7d"}},
		{"heartbeat from the client, null", enc(Heartbeat{ReqID: 3, Seq: &seq}), decodeClient,
			`{"op":1,"req_id":3,"last_seq":null}`, Heartbeat{ReqID: 3}},
		{"heartbeat from the server", encS(Heartbeat{ReqID: 3, Seq: &seq, LastSeq: &last}), decodeServer,
			`{"op":1,"seq":42,"d":{"last_seq":41}}`, Heartbeat{Seq: &seq, LastSeq: &last}},
		{"hello", encS(Hello{HeartbeatIntervalMs: 41250}), decodeServer, `{"op":10,"d":{"heartbeat_interval_ms":41250}}`, Hello{HeartbeatIntervalMs: 41250}},
		{"dispatch, opcode 0", encS(Dispatch{Seq: &seq, Event: "READY", Payload: payload}), decodeServer,
			`{"op":0,"seq":42,"d":{"event":"READY","payload":{"guild":"1"}}}`, Dispatch{Seq: &seq, Event: "READY", Payload: payload}},
	})
}

func TestOpcodesServerTolerant(t *testing.T) {
	// The server's frames may carry keys this client does not know, at any level.
	in := `{"t":"READY","op":0,"s":1,"d":{"later":1,"event":"READY","payload":null}}`
	got, err := DecodeServerFrame([]byte(in))
	want := Dispatch{Event: "READY", Payload: json.RawMessage("null")}
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("got %#v, %v; want %#v", got, err, want)
	}
	checkRejects(t, decodeServer, []rejectCase{
		{name: "repeated unknown key", input: `{"op":1,"x":1,"x":2,"d":{"last_seq":1}}`, kind: KindDuplicateKey, path: "$.x"},
		{name: "content missing", input: `{"op":10}`, kind: KindMissing, path: "$.d"},
		{name: "required null field", input: `{"op":1,"d":{}}`, kind: KindMissing, path: "$.d.last_seq"},
		{name: "constraint", input: `{"op":10,"d":{"heartbeat_interval_ms":999}}`, kind: KindConstraint, path: "$.d.heartbeat_interval_ms"},
		{name: "string opcode", input: `{"op":"10"}`, kind: KindWrongType, path: "$.op"},
		{name: "fractional opcode", input: `{"op":1.5}`, kind: KindWrongType, path: "$.op"},
		{name: "client's opcode", input: `{"op":2}`, tag: "2", other: true},
		{name: "unknown opcode", input: `{"op":42}`, tag: "42"},
		{name: "too large", input: `{"op":1,"pad":"` + strings.Repeat("x", 4096) + `","d":{"last_seq":1}}`, kind: KindTooLarge, path: "$"},
	})
}

func TestOpcodesClientStrict(t *testing.T) {
	checkRejects(t, decodeClient, []rejectCase{
		{name: "unknown key", input: `{"op":1,"req_id":1,"last_seq":1,"x":1}`, kind: KindUnknownKey, path: "$.x"},
		{name: "server's envelope field", input: `{"op":1,"req_id":1,"last_seq":1,"seq":1}`, kind: KindUnknownKey, path: "$.seq"},
		{name: "content key of the server", input: `{"op":1,"req_id":1,"d":{"last_seq":1}}`, kind: KindUnknownKey, path: "$.d"},
		{name: "missing envelope field", input: `{"op":1,"last_seq":1}`, kind: KindMissing, path: "$.req_id"},
		{name: "envelope constraint", input: `{"op":1,"req_id":0,"last_seq":1}`, kind: KindConstraint, path: "$.req_id"},
		{name: "bad uuid", input: `{"op":6,"req_id":1,"session_id":"0b6e1c5e6a1f4f7a9c1e2d3f4a5b6c7d"}`, kind: KindWrongType, path: "$.session_id"},
		{name: "secret wrong type", input: `{"op":2,"req_id":1,"token":1,"intents":0}`, kind: KindWrongType, path: "$.token"},
		{name: "string opcode", input: `{"op":"1"}`, kind: KindWrongType, path: "$.op"},
		{name: "opcode repeated", input: `{"op":1,"op":1,"req_id":1,"last_seq":1}`, kind: KindDuplicateKey, path: "$.op"},
		{name: "server's opcode", input: `{"op":10}`, tag: "10", other: true},
		{name: "too large", input: `{"op":1,"req_id":1,"pad":"` + strings.Repeat("x", 1024) + `"}`, kind: KindTooLarge, path: "$"},
	})
}

func TestOpcodesIntegralOpcode(t *testing.T) {
	// Integer tags follow the int rules: 1.0 and 1e0 are the integer 1.
	for _, in := range []string{`{"op":1.0,"req_id":1,"last_seq":null}`, `{"op":1e0,"req_id":1,"last_seq":null}`} {
		if got, err := DecodeClientFrame([]byte(in)); err != nil || !reflect.DeepEqual(got, Heartbeat{ReqID: 1}) {
			t.Errorf("%s: got %#v, %v", in, got, err)
		}
	}
}

func TestOpcodesLimits(t *testing.T) {
	// Each encoder refuses what the receiving side would refuse.
	_, err := EncodeClientFrame(Identify{ReqID: 1, Token: strings.Repeat("t", 1000)})
	var ve *ValidationError
	if !errors.As(err, &ve) || !strings.Contains(err.Error(), "over the server's limit of 1024") {
		t.Errorf("client frame over 1024 bytes: %v", err)
	}
	if strings.Contains(err.Error(), "ttt") {
		t.Errorf("the size error shows the secret: %v", err)
	}
	if _, err := EncodeServerFrame(Dispatch{Event: strings.Repeat("e", 2000), Payload: json.RawMessage("1")}); err != nil {
		t.Errorf("server frame under 4096 bytes: %v", err)
	}
}

func TestOpcodesBodyPolicy(t *testing.T) {
	// A frame's body takes its direction's policy; a both frame's, the stricter one.
	var d Dispatch
	if err := d.UnmarshalJSON([]byte(`{"event":"e","payload":1,"x":1}`)); err != nil {
		t.Errorf("server body with an unknown key: %v", err)
	}
	for _, body := range []struct {
		name string
		u    interface{ UnmarshalJSON([]byte) error }
		in   string
	}{
		{"client frame", &Identify{}, `{"token":"t","intents":1,"x":1}`},
		{"both frame", &Heartbeat{}, `{"last_seq":1,"x":1}`},
	} {
		err := body.u.UnmarshalJSON([]byte(body.in))
		var de *DecodeError
		if !errors.As(err, &de) || de.Kind != KindUnknownKey || de.Path != "$.x" {
			t.Errorf("%s: got %v, want unknown key at $.x", body.name, err)
		}
	}
}

func TestOpcodesBodyKeepsEnvelope(t *testing.T) {
	// A frame's body has no envelope fields: MarshalJSON leaves them out, UnmarshalJSON
	// keeps the receiver's.
	f := Identify{ReqID: 5, Token: "s3cret", Intents: 1}
	data, err := f.MarshalJSON()
	if err != nil || string(data) != `{"token":"s3cret","intents":1}` {
		t.Fatalf("MarshalJSON = %s, %v", data, err)
	}
	got := Identify{ReqID: 9, Token: "old", Intents: 7}
	if err := got.UnmarshalJSON([]byte(`{"token":"new","intents":2}`)); err != nil {
		t.Fatal(err)
	}
	if want := (Identify{ReqID: 9, Token: "new", Intents: 2}); got != want {
		t.Errorf("got %+v, want %+v", got, want)
	}
	if err := got.UnmarshalJSON([]byte(`{"token":"x"}`)); err == nil || got.Token != "new" {
		t.Errorf("a failed UnmarshalJSON: %v, and the value became %+v", err, got)
	}
}
