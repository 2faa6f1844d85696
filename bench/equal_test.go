package bench

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/framegen/framegen/bench/chatgen"
)

// goldenJSON is each payload's wire form as framegen writes it, in testdata/<payload>.json:
// what every encoder must match semantically and what every decoder reads (also in the
// benchmarks). UPDATE_GOLDEN=1 rewrites the files from framegen's encoder.
func goldenJSON(tb testing.TB, payload string) []byte {
	tb.Helper()
	path := filepath.Join("testdata", payload+".json")
	if os.Getenv("UPDATE_GOLDEN") == "1" {
		var f chatgen.ServerFrame
		switch payload {
		case payloadAuthError:
			v := ToChatgenAuthError(AuthError())
			f = v
		case payloadChatMessage:
			v, err := ToChatgenChatMessage(ChatMessage())
			if err != nil {
				tb.Fatal(err)
			}
			f = v
		}
		data, err := chatgen.EncodeServerFrame(f)
		if err != nil {
			tb.Fatalf("encode %s: %v", payload, err)
		}
		if err := os.WriteFile(path, append(data, '\n'), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatalf("%v (run with UPDATE_GOLDEN=1 to create it)", err)
	}
	return bytes.TrimSuffix(data, []byte("\n"))
}

// wantValue is each payload as the common stdjson value.
func wantValue(payload string) any {
	if payload == payloadAuthError {
		return AuthError()
	}
	return ChatMessage()
}

// jsonValue decodes data into generic JSON values, numbers kept as text, so that two
// encodings compare equal exactly when they mean the same: key order and escaping aside.
func jsonValue(data []byte) (any, error) {
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	var v any
	err := d.Decode(&v)
	return v, err
}

// TestEncodersAgree checks, before any benchmark means something, that every contender
// writes JSON that is semantically equal to framegen's.
func TestEncodersAgree(t *testing.T) {
	for _, c := range encodeCases(t) {
		t.Run(c.payload+"/"+c.contender, func(t *testing.T) {
			want, err := jsonValue(goldenJSON(t, c.payload))
			if err != nil {
				t.Fatalf("golden: %v", err)
			}
			data, err := c.encode()
			if err != nil {
				t.Fatalf("encode: %v", err)
			}
			got, err := jsonValue(data)
			if err != nil {
				t.Fatalf("encode wrote invalid JSON: %v\n%s", err, data)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("encoded JSON differs from testdata/%s.json\ngot:  %s\nwant: %s", c.payload, data, goldenJSON(t, c.payload))
			}
		})
	}
}

// TestDecodersAgree checks that every contender decodes framegen's JSON to the payload it
// was written from.
func TestDecodersAgree(t *testing.T) {
	for _, c := range decodeCases() {
		t.Run(c.payload+"/"+c.contender, func(t *testing.T) {
			if err := c.decode(goldenJSON(t, c.payload)); err != nil {
				t.Fatalf("decode: %v", err)
			}
			got, err := c.common()
			if err != nil {
				t.Fatalf("convert: %v", err)
			}
			if want := wantValue(c.payload); !reflect.DeepEqual(got, want) {
				t.Errorf("decoded value differs\ngot:  %+v\nwant: %+v", got, want)
			}
		})
	}
}
