package adjacentdemo

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
)

// Codec behaviour under adjacent tagging: tag "kind", content "data", unknown_fields:
// reject.

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

func TestAdjacentWire(t *testing.T) {
	enc := func(f ClientFrame) func() ([]byte, error) {
		return func() ([]byte, error) { return EncodeClientFrame(f) }
	}
	encS := func(f ServerFrame) func() ([]byte, error) {
		return func() ([]byte, error) { return EncodeServerFrame(f) }
	}
	nick := "Zoë \"z\""
	at := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	checkWire(t, []wireCase{
		{"join", enc(Join{Room: "lobby-1", Nick: &nick}), decodeClient,
			`{"kind":"join","data":{"room":"lobby-1","nick":"Zoë \"z\""}}`, Join{Room: "lobby-1", Nick: &nick}},
		{"join pointer", enc(&Join{Room: "a"}), decodeClient, `{"kind":"join","data":{"room":"a"}}`, Join{Room: "a"}},
		{"joined with empty list", encS(Joined{Room: "a", Members: []string{}}), decodeServer,
			`{"kind":"joined","data":{"room":"a","members":[]}}`, Joined{Room: "a", Members: []string{}}},
		{"leave has no content key", enc(Leave{}), decodeClient, `{"kind":"leave"}`, Leave{}},
		{"heartbeat with nothing set has a content key", encS(Heartbeat{}), decodeServer, `{"kind":"heartbeat","data":{}}`, Heartbeat{}},
		{"heartbeat", enc(Heartbeat{At: &at}), decodeClient, `{"kind":"heartbeat","data":{"at":"2026-01-02T03:04:05Z"}}`, Heartbeat{At: &at}},
	})
}

func TestAdjacentAccepts(t *testing.T) {
	tests := []struct {
		name, input string
		want        any
	}{
		{"content absent, no required field", `{"kind":"heartbeat"}`, Heartbeat{}},
		{"content null, no required field", `{"data":null,"kind":"heartbeat"}`, Heartbeat{}},
		{"frame without fields, content absent", `{"kind":"leave"}`, Leave{}},
		{"frame without fields, content null", `{"kind":"leave","data":null}`, Leave{}},
		{"frame without fields, content empty", `{"kind":"leave","data":{}}`, Leave{}},
		{"content first", `{"data":{"room":"r"},"kind":"join"}`, Join{Room: "r"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := decodeClient([]byte(tt.input))
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %#v, want %#v", got, tt.want)
			}
		})
	}
}

func TestAdjacentRejects(t *testing.T) {
	checkRejects(t, decodeClient, []rejectCase{
		{name: "content missing", input: `{"kind":"join"}`, kind: KindMissing, path: "$.data"},
		{name: "content null", input: `{"kind":"join","data":null}`, kind: KindNull, path: "$.data"},
		{name: "content not an object", input: `{"kind":"join","data":[]}`, kind: KindWrongType, path: "$.data"},
		{name: "content repeated", input: `{"kind":"heartbeat","data":{},"data":{}}`, kind: KindDuplicateKey, path: "$.data"},
		{name: "constraint in content", input: `{"kind":"join","data":{"room":""}}`, kind: KindConstraint, path: "$.data.room"},
		{name: "pattern in content", input: `{"kind":"join","data":{"room":"Lobby"}}`, kind: KindConstraint, path: "$.data.room"},
		{name: "missing in content", input: `{"kind":"join","data":{"nick":"a"}}`, kind: KindMissing, path: "$.data.room"},
		{name: "null in content", input: `{"kind":"join","data":{"room":"a","nick":null}}`, kind: KindNull, path: "$.data.nick"},
		{name: "bad time in content", input: `{"kind":"heartbeat","data":{"at":"yesterday"}}`, kind: KindWrongType, path: "$.data.at"},
		{name: "unknown key at top", input: `{"kind":"heartbeat","extra":1}`, kind: KindUnknownKey, path: "$.extra"},
		{name: "unknown key in content", input: `{"kind":"heartbeat","data":{"extra":1}}`, kind: KindUnknownKey, path: "$.data.extra"},
		{name: "unknown key in an empty frame's content", input: `{"kind":"leave","data":{"x":1}}`, kind: KindUnknownKey, path: "$.data.x"},
		{name: "field beside the content", input: `{"kind":"join","room":"a","data":{"room":"a"}}`, kind: KindUnknownKey, path: "$.room"},
		{name: "wrong-case content key", input: `{"kind":"join","Data":{"room":"a"}}`, kind: KindUnknownKey, path: "$.Data"},
		{name: "tag wrong type", input: `{"kind":true}`, kind: KindWrongType, path: "$.kind"},
		{name: "missing tag", input: `{"data":{}}`, kind: KindMissing, path: "$.kind"},
		{name: "tag repeated", input: `{"kind":"leave","kind":"leave"}`, kind: KindDuplicateKey, path: "$.kind"},
		{name: "trailing", input: `{"kind":"leave"}]`, kind: KindTrailingData, path: "$"},
		{name: "server's frame", input: `{"kind":"joined","data":{"room":"a","members":[]}}`, tag: "joined", other: true},
		{name: "unknown frame", input: `{"kind":"wave"}`, tag: "wave"},
	})
	checkRejects(t, decodeServer, []rejectCase{
		{name: "max items", input: `{"kind":"joined","data":{"room":"a","members":[` + strings.Repeat(`"m",`, 100) + `"m"]}}`, kind: KindConstraint, path: "$.data.members"},
		{name: "members null", input: `{"kind":"joined","data":{"room":"a","members":null}}`, kind: KindNull, path: "$.data.members"},
		{name: "client's frame", input: `{"kind":"leave"}`, tag: "leave", other: true},
	})
}

func TestAdjacentBody(t *testing.T) {
	// MarshalJSON and UnmarshalJSON handle the body only, with the same checks.
	j := Join{Room: "lobby"}
	data, err := j.MarshalJSON()
	if err != nil || string(data) != `{"room":"lobby"}` {
		t.Fatalf("MarshalJSON = %s, %v", data, err)
	}
	var got Join
	if err := got.UnmarshalJSON(data); err != nil || !reflect.DeepEqual(got, j) {
		t.Fatalf("UnmarshalJSON = %+v, %v; want %+v", got, err, j)
	}
	err = got.UnmarshalJSON([]byte(`{"kind":"join","room":"a"}`))
	var de *DecodeError
	if !errors.As(err, &de) || de.Kind != KindUnknownKey || de.Path != "$.kind" {
		t.Errorf("UnmarshalJSON with the tag: %v, want unknown key at $.kind", err)
	}
	if _, err := (Join{Room: "UPPER"}).MarshalJSON(); err == nil {
		t.Error("MarshalJSON accepted a room that breaks its pattern")
	}
}
