package chat

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

// Fuzz targets of the generated decoders: no input panics, every refusal is a typed error,
// and whatever decodes re-encodes to a text that decodes and encodes to the same bytes.

// fuzzSeeds are hand-picked inputs beside the encoded sample frames: near misses of every
// decoder rule.
var fuzzSeeds = []string{
	``, `{}`, `null`, `[]`, `"ping"`, `{"type":"ping"}`, `{"type":"ping"} x`, `{"type":1}`,
	`{"type":"ping","type":"ping"}`, `{"type":"ping","x":{"a":1,"a":2}}`, `{"type":"ping","id":null}`,
	"{\"type\":\"auth_request\",\"token\":\"a\xff\"}", `{"type":"auth_request","token":"\ud800"}`,
	`{"type":"auth_request","Token":"x"}`, `{"type":"auth_request","token":""}`,
	`{"type":"auth_error","code":"expired","message":"m","state":"open","retry_after_ms":1e3}`,
	`{"type":"auth_error","code":"expired","message":"m","state":"closed","retry_after_ms":-1}`,
	`{"type":"auth_success","user":{"id":"0B6E1C5E-6A1F-4F7A-9C1E-2D3F4A5B6C7D","name":"a"},"state":"connected"}`,
	chatHead + `,"attachments":[{"kind":"image","url":"u","width":1.0,"height":2}],"mentions":["\u00e9"]}`,
	chatHead + `,"attachments":[{"kind":"video","url":"u"}]}`,
	chatHead + `,"attachments":[{"url":"u","kind":"file","mime":"m","size":0}],"mentions":[]}`,
	`{"type":"chat_message","room_id":"r","author":{"id":"0b6e1c5e-6a1f-4f7a-9c1e-2d3f4a5b6c7d","name":"a"},"text":"t","sent_at":"2026-03-01T12:00:00.5+05:30"}`,
	strings.Repeat(`[`, 20) + strings.Repeat(`]`, 20),
}

func FuzzDecodeClientFrame(f *testing.F) {
	for _, fr := range clientFrames() {
		data, err := EncodeClientFrame(fr)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fr, err := DecodeClientFrame(data)
		if err != nil {
			checkDecodeError(t, fr != nil, err)
			return
		}
		stable(t, data, func(b []byte) (any, error) { return DecodeClientFrame(b) }, func() ([]byte, error) { return EncodeClientFrame(fr) },
			func(x any) ([]byte, error) { return EncodeClientFrame(x.(ClientFrame)) })
	})
}

func FuzzDecodeServerFrame(f *testing.F) {
	for _, fr := range serverFrames() {
		data, err := EncodeServerFrame(fr)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fr, err := DecodeServerFrame(data)
		if err != nil {
			checkDecodeError(t, fr != nil, err)
			return
		}
		stable(t, data, func(b []byte) (any, error) { return DecodeServerFrame(b) }, func() ([]byte, error) { return EncodeServerFrame(fr) },
			func(x any) ([]byte, error) { return EncodeServerFrame(x.(ServerFrame)) })
	})
}

// checkDecodeError fails unless err is one of the decoders' typed errors, alone.
func checkDecodeError(t *testing.T, gotFrame bool, err error) {
	t.Helper()
	if gotFrame {
		t.Fatalf("a frame beside error %v", err)
	}
	var de *DecodeError
	var ue *UnknownFrameError
	if !errors.As(err, &de) && !errors.As(err, &ue) {
		t.Fatalf("error %v is a %T, want *DecodeError or *UnknownFrameError", err, err)
	}
	if de != nil && (de.Kind < KindTooLarge || de.Kind > KindConstraint || !strings.HasPrefix(de.Path, "$")) {
		t.Fatalf("bad DecodeError %+v", *de)
	}
}

// stable checks decode → encode → decode → encode: a decoded frame encodes (the encoder
// accepts whatever the decoder accepted), and the second text equals the first.
func stable(t *testing.T, input []byte, decode func([]byte) (any, error), encode1 func() ([]byte, error), encode func(any) ([]byte, error)) {
	t.Helper()
	first, err := encode1()
	if err != nil {
		var ve *ValidationError
		if errors.As(err, &ve) && strings.Contains(err.Error(), "encoded frame is") {
			return // escapes can make a frame near the size limit longer on re-encoding
		}
		t.Fatalf("decoded %q but cannot encode it: %v", input, err)
	}
	again, err := decode(first)
	if err != nil {
		t.Fatalf("cannot decode our own encoding %q of %q: %v", first, input, err)
	}
	second, err := encode(again)
	if err != nil {
		t.Fatalf("cannot re-encode %q: %v", first, err)
	}
	if !bytes.Equal(first, second) {
		t.Fatalf("unstable:\nfirst  %s\nsecond %s", first, second)
	}
}
