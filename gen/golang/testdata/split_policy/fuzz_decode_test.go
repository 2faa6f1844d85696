package splitpolicy

import (
	"bytes"
	"errors"
	"testing"
)

// Fuzz targets over integer opcodes, both taggings, a union and a recursive type, with the
// policy passed down: no panic, typed errors, and decode → encode → decode stable.

var fuzzSeeds = []string{
	`{"op":1,"seq":5,"topic":"news","items":[{"name":"a","extra":[{"name":"b"}]}]}`,
	`{"op":3,"seq":1}`, `{"op":3,"seq":1,"x":1}`, `{"op":1.0,"seq":1,"topic":"a"}`, `{"op":"1"}`,
	`{"event":3,"ack":7}`, `{"event":2,"body":{"topic":"t","item":{"name":"i"},"shape":{"type":"item","name":"s"}}}`,
	`{"event":2,"new":1,"body":{"topic":"t","later":[1],"item":{"name":"i","x":{}},"shape":{"name":"s","type":"item"}}}`,
	`{"event":2,"body":null}`, `{"event":3,"body":{}}`, `{"event":2,"body":{"topic":"t","item":{"name":"i"},"shape":{"type":"circle"}}}`,
}

func fuzzDecode[F any](f *testing.F, decode func([]byte) (F, error), encode func(F) ([]byte, error)) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fr, err := decode(data)
		if err != nil {
			var de *DecodeError
			var ue *UnknownFrameError
			if !errors.As(err, &de) && !errors.As(err, &ue) {
				t.Fatalf("error %v is a %T", err, err)
			}
			return
		}
		first, err := encode(fr)
		if err != nil {
			var ve *ValidationError
			if errors.As(err, &ve) && bytes.Contains([]byte(err.Error()), []byte("encoded frame is")) {
				return // escapes can make a frame near the size limit longer on re-encoding
			}
			t.Fatalf("decoded %q but cannot encode it: %v", data, err)
		}
		again, err := decode(first)
		if err != nil {
			t.Fatalf("cannot decode our own %q: %v", first, err)
		}
		second, err := encode(again)
		if err != nil || !bytes.Equal(first, second) {
			t.Fatalf("unstable: %q then %q, %v", first, second, err)
		}
	})
}

func FuzzDecodeClientFrame(f *testing.F) { fuzzDecode(f, DecodeClientFrame, EncodeClientFrame) }

func FuzzDecodeServerFrame(f *testing.F) { fuzzDecode(f, DecodeServerFrame, EncodeServerFrame) }
