package chat

import (
	"errors"
	"strings"
	"testing"
)

// decodeCase is one input that a decoder must refuse: with a *DecodeError of Kind at Path,
// or, when tag is set, an *UnknownFrameError.
type decodeCase struct {
	name  string
	input string
	kind  DecodeErrorKind
	path  string
	// For *UnknownFrameError.
	tag   string
	other bool
}

// checkRejects runs decode on every case and checks the error.
func checkRejects(t *testing.T, decode func([]byte) (any, error), cases []decodeCase) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			got, err := decode([]byte(tt.input))
			if err == nil {
				t.Fatalf("decoded %#v, want an error", got)
			}
			if got != nil {
				t.Errorf("decoded %#v beside the error", got)
			}
			if tt.tag != "" {
				var ue *UnknownFrameError
				if !errors.As(err, &ue) {
					t.Fatalf("error %v (%T), want *UnknownFrameError", err, err)
				}
				if ue.Tag != tt.tag || ue.OtherDirection != tt.other {
					t.Errorf("got %+v, want Tag %q OtherDirection %v", *ue, tt.tag, tt.other)
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
			if strings.Contains(err.Error(), "s3cret") {
				t.Errorf("error %q shows the secret", err)
			}
		})
	}
}

func decodeClient(b []byte) (any, error) {
	f, err := DecodeClientFrame(b)
	if f == nil {
		return nil, err
	}
	return f, err
}

func decodeServer(b []byte) (any, error) {
	f, err := DecodeServerFrame(b)
	if f == nil {
		return nil, err
	}
	return f, err
}

const (
	user     = `{"id":"0b6e1c5e-6a1f-4f7a-9c1e-2d3f4a5b6c7d","name":"ann"}`
	chatHead = `{"type":"chat_message","room_id":"r","author":` + user + `,"text":"hi","sent_at":"2026-03-01T12:00:00Z"`
)

// TestDecodeRejectsClient covers SCHEMA.md "What a decoder accepts" on client frames.
func TestDecodeRejectsClient(t *testing.T) {
	checkRejects(t, decodeClient, []decodeCase{
		{name: "too large", input: `{"type":"ping","pad":"` + strings.Repeat("x", 65536) + `"}`, kind: KindTooLarge, path: "$"},
		{name: "malformed", input: `{"type":"ping"`, kind: KindSyntax, path: "$"},
		{name: "malformed value", input: `{"type":"auth_request","token":tru}`, kind: KindSyntax, path: "$.token"},
		{name: "not an object", input: `[1]`, kind: KindWrongType, path: "$"},
		{name: "empty", input: ``, kind: KindSyntax, path: "$"},
		{name: "invalid utf-8 in value", input: "{\"type\":\"auth_request\",\"token\":\"a\xff\"}", kind: KindInvalidUTF8, path: "$.token"},
		{name: "invalid utf-8 in unknown key", input: "{\"type\":\"ping\",\"\xc3\":1}", kind: KindInvalidUTF8, path: "$"},
		{name: "lone surrogate", input: `{"type":"auth_request","token":"\ud800"}`, kind: KindInvalidUTF8, path: "$.token"},
		{name: "trailing data", input: `{"type":"ping"} {}`, kind: KindTrailingData, path: "$"},
		{name: "missing tag", input: `{"id":"1"}`, kind: KindMissing, path: "$.type"},
		{name: "tag of wrong type", input: `{"type":1}`, kind: KindWrongType, path: "$.type"},
		{name: "tag null", input: `{"type":null}`, kind: KindNull, path: "$.type"},
		{name: "unknown tag", input: `{"type":"pong"}`, tag: "pong"},
		{name: "server's tag", input: `{"type":"auth_error","code":"expired","message":"","state":"closed"}`, tag: "auth_error", other: true},
		{name: "wrong-case tag", input: `{"type":"Ping"}`, tag: "Ping"},
		{name: "duplicate key", input: `{"type":"auth_request","token":"s3cret","token":"s3cret"}`, kind: KindDuplicateKey, path: "$.token"},
		{name: "duplicate tag", input: `{"type":"ping","type":"ping"}`, kind: KindDuplicateKey, path: "$.type"},
		{name: "duplicate unknown key", input: `{"type":"ping","x":1,"x":2}`, kind: KindDuplicateKey, path: "$.x"},
		{name: "duplicate inside unknown value", input: `{"type":"ping","x":{"a":1,"a":2}}`, kind: KindDuplicateKey, path: "$.x.a"},
		{name: "duplicate in nested object", input: chatHead[:len(chatHead)-len(`,"text":"hi","sent_at":"2026-03-01T12:00:00Z"`)-1] + `,"name":"b"},"text":"hi","sent_at":"2026-03-01T12:00:00Z"}`, kind: KindDuplicateKey, path: "$.author.name"},
		{name: "wrong-case key is not the key", input: `{"type":"auth_request","Token":"s3cret"}`, kind: KindMissing, path: "$.token"},
		{name: "missing required", input: `{"type":"auth_request"}`, kind: KindMissing, path: "$.token"},
		{name: "missing nested", input: `{"type":"chat_message","room_id":"r","author":{"id":"0b6e1c5e-6a1f-4f7a-9c1e-2d3f4a5b6c7d"},"text":"","sent_at":"2026-03-01T12:00:00Z"}`, kind: KindMissing, path: "$.author.name"},
		{name: "null not nullable", input: `{"type":"auth_request","token":null}`, kind: KindNull, path: "$.token"},
		{name: "null optional envelope field", input: `{"type":"ping","id":null}`, kind: KindNull, path: "$.id"},
		{name: "null optional list", input: chatHead + `,"mentions":null}`, kind: KindNull, path: "$.mentions"},
		{name: "null object", input: `{"type":"chat_message","room_id":"r","author":null}`, kind: KindNull, path: "$.author"},
		{name: "wrong type", input: `{"type":"auth_request","token":1}`, kind: KindWrongType, path: "$.token"},
		{name: "wrong type in list", input: chatHead + `,"mentions":["a","b",3]}`, kind: KindWrongType, path: "$.mentions[2]"},
		{name: "bad time", input: `{"type":"chat_message","room_id":"r","author":` + user + `,"text":"hi","sent_at":"2026-13-01T12:00:00Z"}`, kind: KindWrongType, path: "$.sent_at"},
		{name: "bad uuid", input: `{"type":"chat_message","room_id":"r","author":{"id":"nope","name":"a"}}`, kind: KindWrongType, path: "$.author.id"},
		{name: "int not integral", input: chatHead + `,"attachments":[{"kind":"image","url":"u","width":1.5,"height":1}]}`, kind: KindWrongType, path: "$.attachments[0].width"},
		{name: "unknown union variant", input: chatHead + `,"attachments":[{"kind":"video","url":"u"}]}`, kind: KindUnknownEnum, path: "$.attachments[0].kind"},
		{name: "union missing tag", input: chatHead + `,"attachments":[{"url":"u"}]}`, kind: KindMissing, path: "$.attachments[0].kind"},
		{name: "union tag repeated", input: chatHead + `,"attachments":[{"kind":"file","url":"u","mime":"m","size":1,"kind":"file"}]}`, kind: KindDuplicateKey, path: "$.attachments[0].kind"},
		{name: "union null element", input: chatHead + `,"attachments":[null]}`, kind: KindNull, path: "$.attachments[0]"},
		{name: "constraint", input: `{"type":"auth_request","token":""}`, kind: KindConstraint, path: "$.token"},
		{name: "nested constraint", input: `{"type":"chat_message","room_id":"r","author":{"id":"0b6e1c5e-6a1f-4f7a-9c1e-2d3f4a5b6c7d","name":""}}`, kind: KindConstraint, path: "$.author.name"},
		{name: "constraint in union", input: chatHead + `,"attachments":[{"kind":"image","url":"u","width":1,"height":1},{"kind":"image","url":"u","width":0,"height":1}]}`, kind: KindConstraint, path: "$.attachments[1].width"},
		{name: "max items", input: chatHead + `,"attachments":[` + strings.Repeat(`{"kind":"file","url":"u","mime":"m","size":1},`, 10) + `{"kind":"file","url":"u","mime":"m","size":1}]}`, kind: KindConstraint, path: "$.attachments"},
	})
}

// TestDecodeRejectsServer covers enums and optional ints on server frames.
func TestDecodeRejectsServer(t *testing.T) {
	const head = `{"type":"auth_error","code":"expired","message":"m"`
	checkRejects(t, decodeServer, []decodeCase{
		{name: "unknown enum", input: head + `,"state":"open"}`, kind: KindUnknownEnum, path: "$.state"},
		{name: "enum wrong case", input: head + `,"state":"Closed"}`, kind: KindUnknownEnum, path: "$.state"},
		{name: "enum wrong type", input: head + `,"state":1}`, kind: KindWrongType, path: "$.state"},
		{name: "optional int null", input: head + `,"state":"closed","retry_after_ms":null}`, kind: KindNull, path: "$.retry_after_ms"},
		{name: "int too small", input: head + `,"state":"closed","retry_after_ms":-1}`, kind: KindConstraint, path: "$.retry_after_ms"},
		{name: "int out of range", input: head + `,"state":"closed","retry_after_ms":1e19}`, kind: KindWrongType, path: "$.retry_after_ms"},
		{name: "missing state", input: head + `}`, kind: KindMissing, path: "$.state"},
		{name: "client's tag", input: `{"type":"auth_request","token":"s3cret"}`, tag: "auth_request", other: true},
	})
}

// TestDecodeAccepts covers what the rules allow: keys in any order, white space, integral
// floats, escapes, unknown keys (unknown_fields: ignore), an uppercase uuid.
func TestDecodeAccepts(t *testing.T) {
	tests := []struct {
		name  string
		input string
		want  ServerFrame
	}{
		{"tag last, white space", " {\n\t\"state\" : \"closed\", \"message\":\"m\",\"code\":\"expired\", \"retry_after_ms\": 1e3, \"type\":\"auth_error\"}\r\n",
			AuthError{Code: AuthErrorCodeExpired, Message: "m", State: ConnectionStateClosed, RetryAfterMs: refOf(int64(1000))}},
		{"unknown keys skipped", `{"type":"ping","extra":{"a":[1,2,{"b":null}]},"more":"x"}`, Ping{}},
		{"escapes", `{"type":"auth_error","code":"expired","message":"a\"\u00e9\n\ud83c\udf89","state":"closed"}`,
			AuthError{Code: AuthErrorCodeExpired, Message: "a\"é\n🎉", State: ConnectionStateClosed}},
		{"uppercase uuid", `{"type":"auth_success","user":{"id":"0B6E1C5E-6A1F-4F7A-9C1E-2D3F4A5B6C7D","name":"a"},"state":"connected"}`,
			AuthSuccess{User: User{ID: "0b6e1c5e-6a1f-4f7a-9c1e-2d3f4a5b6c7d", Name: "a"}, State: ConnectionStateConnected}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := DecodeServerFrame([]byte(tt.input))
			if err != nil {
				t.Fatal(err)
			}
			if !equalFrames(got, tt.want) {
				t.Errorf("got  %#v\nwant %#v", got, tt.want)
			}
		})
	}
}
