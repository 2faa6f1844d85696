package splitpolicy

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

// Codec behaviour with per-direction envelopes: the client sends internal frames with
// integer opcodes on "op" and a seq field, and is held strictly (unknown_fields: reject,
// 512 bytes); the server sends adjacent frames on "event"/"body" with an optional ack, and
// is read tolerantly (ignore, 4096 bytes).

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

func TestEnvelopesWire(t *testing.T) {
	ack := int64(7)
	enc := func(f ClientFrame) func() ([]byte, error) {
		return func() ([]byte, error) { return EncodeClientFrame(f) }
	}
	encS := func(f ServerFrame) func() ([]byte, error) {
		return func() ([]byte, error) { return EncodeServerFrame(f) }
	}
	item := Item{Name: "a", Extra: []Item{{Name: "b"}}}
	checkWire(t, []wireCase{
		{"subscribe", enc(Subscribe{Seq: 5, Topic: "news", Items: []Item{item}}), decodeClient,
			`{"op":1,"seq":5,"topic":"news","items":[{"name":"a","extra":[{"name":"b"}]}]}`, Subscribe{Seq: 5, Topic: "news", Items: []Item{item}}},
		{"heartbeat from the client", enc(Heartbeat{Seq: 1, Ack: &ack}), decodeClient, `{"op":3,"seq":1}`, Heartbeat{Seq: 1}},
		{"heartbeat from the server", encS(Heartbeat{Seq: 1, Ack: &ack}), decodeServer, `{"event":3,"ack":7}`, Heartbeat{Ack: &ack}},
		{"publish", encS(Publish{Topic: "t", Item: Item{Name: "i"}, Shape: Item{Name: "s"}}), decodeServer,
			`{"event":2,"body":{"topic":"t","item":{"name":"i"},"shape":{"type":"item","name":"s"}}}`, Publish{Topic: "t", Item: Item{Name: "i"}, Shape: Item{Name: "s"}}},
		{"publish pointer variant", encS(Publish{Topic: "t", Item: Item{Name: "i"}, Shape: &Item{Name: "s"}}), decodeServer,
			`{"event":2,"body":{"topic":"t","item":{"name":"i"},"shape":{"type":"item","name":"s"}}}`, Publish{Topic: "t", Item: Item{Name: "i"}, Shape: Item{Name: "s"}}},
	})
}

func TestEnvelopesServerTolerant(t *testing.T) {
	// The server's frames may carry keys this client does not know, at any depth.
	in := `{"event":2,"new":1,"body":{"topic":"t","later":[1],"item":{"name":"i","x":{}},"shape":{"name":"s","type":"item","y":null}}}`
	got, err := DecodeServerFrame([]byte(in))
	want := Publish{Topic: "t", Item: Item{Name: "i"}, Shape: Item{Name: "s"}}
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("got %#v, %v; want %#v", got, err, want)
	}
	checkRejects(t, decodeServer, []rejectCase{
		{name: "repeated unknown key", input: `{"event":3,"new":1,"new":2}`, kind: KindDuplicateKey, path: "$.new"},
		{name: "unknown variant", input: `{"event":2,"body":{"topic":"t","item":{"name":"i"},"shape":{"type":"circle"}}}`, kind: KindUnknownEnum, path: "$.body.shape.type"},
		{name: "variant tag repeated", input: `{"event":2,"body":{"topic":"t","item":{"name":"i"},"shape":{"type":"item","name":"s","type":"item"}}}`, kind: KindDuplicateKey, path: "$.body.shape.type"},
		{name: "body missing", input: `{"event":2}`, kind: KindMissing, path: "$.body"},
		{name: "string opcode", input: `{"event":"2"}`, kind: KindWrongType, path: "$.event"},
		{name: "fractional opcode", input: `{"event":2.5}`, kind: KindWrongType, path: "$.event"},
		{name: "client's opcode", input: `{"event":1}`, tag: "1", other: true},
		{name: "unknown opcode", input: `{"event":42}`, tag: "42"},
		{name: "too large", input: `{"event":3,"pad":"` + strings.Repeat("x", 4096) + `"}`, kind: KindTooLarge, path: "$"},
	})
}

func TestEnvelopesClientStrict(t *testing.T) {
	checkRejects(t, decodeClient, []rejectCase{
		{name: "unknown key", input: `{"op":3,"seq":1,"x":1}`, kind: KindUnknownKey, path: "$.x"},
		{name: "server's envelope field", input: `{"op":3,"seq":1,"ack":1}`, kind: KindUnknownKey, path: "$.ack"},
		{name: "unknown key in an object", input: `{"op":1,"seq":1,"topic":"a","items":[{"name":"a","x":1}]}`, kind: KindUnknownKey, path: "$.items[0].x"},
		{name: "unknown key deeper", input: `{"op":1,"seq":1,"topic":"a","items":[{"name":"a","extra":[{"name":"b","x":1}]}]}`, kind: KindUnknownKey, path: "$.items[0].extra[0].x"},
		{name: "missing seq", input: `{"op":3}`, kind: KindMissing, path: "$.seq"},
		{name: "pattern", input: `{"op":1,"seq":1,"topic":"News"}`, kind: KindConstraint, path: "$.topic"},
		{name: "string opcode", input: `{"op":"1","seq":1}`, kind: KindWrongType, path: "$.op"},
		{name: "server's opcode", input: `{"op":2}`, tag: "2", other: true},
		{name: "too large", input: `{"op":3,"seq":1,"pad":"` + strings.Repeat("x", 512) + `"}`, kind: KindTooLarge, path: "$"},
	})
}

func TestEnvelopesLimits(t *testing.T) {
	// Each encoder refuses what the receiving side would refuse.
	items := make([]Item, 60)
	_, err := EncodeClientFrame(Subscribe{Topic: "t", Items: items})
	var ve *ValidationError
	if !errors.As(err, &ve) || !strings.Contains(err.Error(), "over the server's limit of 512") {
		t.Errorf("client frame over 512 bytes: %v", err)
	}
	if _, err := EncodeServerFrame(Publish{Topic: strings.Repeat("t", 600), Item: Item{Name: "i"}}); err != nil {
		t.Errorf("server frame under 4096 bytes: %v", err)
	}
}

func TestEnvelopesUnmarshalIsStrict(t *testing.T) {
	// Outside a frame, a shared object uses the stricter of the two policies.
	var it Item
	err := it.UnmarshalJSON([]byte(`{"name":"a","x":1}`))
	var de *DecodeError
	if !errors.As(err, &de) || de.Kind != KindUnknownKey || de.Path != "$.x" {
		t.Errorf("got %v, want unknown key at $.x", err)
	}
	// A server frame's body takes the server's policy.
	var p Publish
	if err := p.UnmarshalJSON([]byte(`{"topic":"t","item":{"name":"i"},"x":1}`)); err != nil {
		t.Errorf("server body with an unknown key: %v", err)
	}
	var s Subscribe
	if err := s.UnmarshalJSON([]byte(`{"topic":"t","x":1}`)); err == nil {
		t.Error("client body with an unknown key was accepted")
	}
}
