package externaldemo

import (
	"encoding/json"
	"errors"
	"reflect"
	"testing"
)

// Codec behaviour under external tagging, with a required envelope field seq.

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

func TestExternalWire(t *testing.T) {
	enc := func(f ClientFrame) func() ([]byte, error) {
		return func() ([]byte, error) { return EncodeClientFrame(f) }
	}
	encS := func(f ServerFrame) func() ([]byte, error) {
		return func() ([]byte, error) { return EncodeServerFrame(f) }
	}
	raw := json.RawMessage(`{"b":[1,2.50,"x"],"a":null}`)
	checkWire(t, []wireCase{
		{"bye", enc(Bye{}), decodeClient, `{"bye":{},"seq":0}`, Bye{}},
		{"bye pointer", encS(&Bye{Seq: 3}), decodeServer, `{"bye":{},"seq":3}`, Bye{Seq: 3}},
		{"put keeps json as written", enc(Put{Seq: 1, Key: "k", Value: raw}), decodeClient,
			`{"put":{"key":"k","value":{"b":[1,2.50,"x"],"a":null}},"seq":1}`, Put{Seq: 1, Key: "k", Value: raw}},
		{"put json null", enc(Put{Key: "k", Value: json.RawMessage("null")}), decodeClient,
			`{"put":{"key":"k","value":null},"seq":0}`, Put{Key: "k", Value: json.RawMessage("null")}},
		{"got nil json is null", encS(Got{Key: "k", Version: -1}), decodeServer,
			`{"got":{"key":"k","value":null,"version":-1},"seq":0}`, Got{Key: "k", Value: json.RawMessage("null"), Version: -1}},
	})
}

func TestExternalAccepts(t *testing.T) {
	// White space anywhere, the envelope field first, and an unknown key inside the body
	// (unknown_fields: ignore; only the top level is closed).
	got, err := DecodeClientFrame([]byte(` { "seq" : 2 , "bye" : { "later" : [ ] } } `))
	if err != nil || !reflect.DeepEqual(got, Bye{Seq: 2}) {
		t.Fatalf("got %#v, %v", got, err)
	}
}

func TestExternalRejects(t *testing.T) {
	checkRejects(t, decodeClient, []rejectCase{
		{name: "no tag", input: `{}`, kind: KindMissing, path: "$"},
		{name: "only envelope fields", input: `{"seq":1}`, kind: KindMissing, path: "$"},
		{name: "second key", input: `{"bye":{},"seq":1,"extra":1}`, kind: KindUnknownKey, path: "$.extra"},
		{name: "two tags", input: `{"bye":{},"put":{}}`, kind: KindUnknownKey, path: "$.put"},
		{name: "tag repeated", input: `{"bye":{},"bye":{},"seq":1}`, kind: KindDuplicateKey, path: "$.bye"},
		{name: "body null", input: `{"bye":null,"seq":1}`, kind: KindNull, path: "$.bye"},
		{name: "body not an object", input: `{"bye":1,"seq":1}`, kind: KindWrongType, path: "$.bye"},
		{name: "missing envelope field", input: `{"bye":{}}`, kind: KindMissing, path: "$.seq"},
		{name: "envelope constraint", input: `{"bye":{},"seq":-1}`, kind: KindConstraint, path: "$.seq"},
		{name: "envelope field repeated", input: `{"seq":1,"bye":{},"seq":1}`, kind: KindDuplicateKey, path: "$.seq"},
		{name: "unknown key repeated in body", input: `{"bye":{"x":1,"x":1},"seq":1}`, kind: KindDuplicateKey, path: "$.bye.x"},
		{name: "json missing", input: `{"put":{"key":"k"},"seq":1}`, kind: KindMissing, path: "$.put.value"},
		{name: "duplicate key inside json", input: `{"put":{"key":"k","value":{"a":1,"a":2}},"seq":1}`, kind: KindDuplicateKey, path: "$.put.value.a"},
		{name: "malformed json value", input: `{"put":{"key":"k","value":[1,]},"seq":1}`, kind: KindSyntax, path: "$.put.value"},
		{name: "not an object", input: `"bye"`, kind: KindWrongType, path: "$"},
		{name: "server's frame", input: `{"got":{"key":"k","value":1,"version":1},"seq":1}`, tag: "got", other: true},
		{name: "unknown frame", input: `{"jump":{},"seq":1}`, tag: "jump"},
	})
	checkRejects(t, decodeServer, []rejectCase{
		{name: "int32 out of range", input: `{"got":{"key":"k","value":1,"version":2147483648},"seq":1}`, kind: KindWrongType, path: "$.got.version"},
	})
}

func TestExternalEncodeRefuses(t *testing.T) {
	for _, f := range []ClientFrame{Put{Key: "k", Value: json.RawMessage(`{"a":1,"a":2}`)}, Put{Key: "k", Value: json.RawMessage(`{`)}, Bye{Seq: -1}} {
		data, err := EncodeClientFrame(f)
		var ve *ValidationError
		if !errors.As(err, &ve) || data != nil {
			t.Errorf("EncodeClientFrame(%+v) = %s, %v; want a *ValidationError", f, data, err)
		}
	}
}
