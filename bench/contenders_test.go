package bench

import (
	"bytes"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/go-faster/jx"
	gojson "github.com/goccy/go-json"
	"github.com/mailru/easyjson"

	"github.com/framegen/framegen/bench/chatgen"
	"github.com/framegen/framegen/bench/easy"
	"github.com/framegen/framegen/bench/floor"
	"github.com/framegen/framegen/bench/jxcodec"
	"github.com/framegen/framegen/bench/stdjson"
)

// Payload names, the middle element of every benchmark name.
const (
	payloadAuthError   = "AuthError"
	payloadChatMessage = "ChatMessage"
)

// encodeCase is one contender encoding one payload. encode is what a benchmark iteration
// runs; any value it needs is prepared once, outside it. Every contender gets a pointer, so
// none pays for boxing a struct into an interface.
type encodeCase struct {
	payload, contender string
	encode             func() ([]byte, error)
}

// decodeCase is one contender decoding one payload: decode is what a benchmark iteration
// runs, into a fresh value; common converts the last decoded value to the stdjson type
// (stdjson.AuthError or stdjson.ChatMessage), for the equality test.
type decodeCase struct {
	payload, contender string
	decode             func([]byte) error
	common             func() (any, error)
}

// encodeCases returns every encode contender for both payloads, in the order they run
// and print.
func encodeCases(tb testing.TB) []encodeCase {
	tb.Helper()
	ae, cm := AuthError(), ChatMessage()
	gae := ToChatgenAuthError(ae)
	gcm, err := ToChatgenChatMessage(cm)
	if err != nil {
		tb.Fatal(err)
	}
	eae, ecm := ToEasyAuthError(ae), ToEasyChatMessage(cm)
	buf := make([]byte, 0, 4096)
	var enc jx.Encoder
	return []encodeCase{
		{payloadAuthError, "map_json", func() ([]byte, error) { return json.Marshal(MapAuthError(&ae)) }},
		{payloadAuthError, "struct_json", func() ([]byte, error) { return json.Marshal(&ae) }},
		{payloadAuthError, "easyjson", func() ([]byte, error) { return easyjson.Marshal(&eae) }},
		{payloadAuthError, "goccy", func() ([]byte, error) { return gojson.Marshal(&ae) }},
		{payloadAuthError, "jx", func() ([]byte, error) {
			enc.Reset()
			err := jxcodec.EncodeAuthError(&enc, &ae)
			return enc.Bytes(), err
		}},
		{payloadAuthError, "floor", func() ([]byte, error) { return floor.AppendAuthError(buf[:0], &ae) }},
		{payloadAuthError, "floor_copy", func() ([]byte, error) {
			b, err := floor.AppendAuthError(buf[:0], &ae)
			return bytes.Clone(b), err
		}},
		{payloadAuthError, "framegen", func() ([]byte, error) { return chatgen.EncodeServerFrame(&gae) }},
		{payloadAuthError, "framegen_append", func() ([]byte, error) { return chatgen.AppendServerFrame(buf[:0], &gae) }},

		{payloadChatMessage, "map_json", func() ([]byte, error) { return json.Marshal(MapChatMessage(&cm)) }},
		{payloadChatMessage, "struct_json", func() ([]byte, error) { return json.Marshal(&cm) }},
		{payloadChatMessage, "easyjson", func() ([]byte, error) { return easyjson.Marshal(&ecm) }},
		{payloadChatMessage, "goccy", func() ([]byte, error) { return gojson.Marshal(&cm) }},
		{payloadChatMessage, "jx", func() ([]byte, error) {
			enc.Reset()
			err := jxcodec.EncodeChatMessage(&enc, &cm)
			return enc.Bytes(), err
		}},
		{payloadChatMessage, "floor", func() ([]byte, error) { return floor.AppendChatMessage(buf[:0], &cm) }},
		{payloadChatMessage, "floor_copy", func() ([]byte, error) {
			b, err := floor.AppendChatMessage(buf[:0], &cm)
			return bytes.Clone(b), err
		}},
		{payloadChatMessage, "framegen", func() ([]byte, error) { return chatgen.EncodeServerFrame(&gcm) }},
		{payloadChatMessage, "framegen_append", func() ([]byte, error) { return chatgen.AppendServerFrame(buf[:0], &gcm) }},
	}
}

// decodeCases returns every decode contender for both payloads.
func decodeCases() []decodeCase {
	var (
		mapV   map[string]any
		stdAE  stdjson.AuthError
		stdCM  stdjson.ChatMessage
		easyAE easy.AuthError
		easyCM easy.ChatMessage
		gen    chatgen.ServerFrame
		dec    jx.Decoder
	)
	mapDecode := func(data []byte) error { mapV = nil; return json.Unmarshal(data, &mapV) }
	genDecode := func(data []byte) (err error) { gen, err = chatgen.DecodeServerFrame(data); return err }
	return []decodeCase{
		{payloadAuthError, "map_json", mapDecode,
			func() (any, error) { return FromMapAuthError(mapV) }},
		{payloadAuthError, "struct_json", func(data []byte) error { stdAE = stdjson.AuthError{}; return json.Unmarshal(data, &stdAE) },
			func() (any, error) { return stdAE, nil }},
		{payloadAuthError, "easyjson", func(data []byte) error { easyAE = easy.AuthError{}; return easyjson.Unmarshal(data, &easyAE) },
			func() (any, error) { return FromEasyAuthError(easyAE), nil }},
		{payloadAuthError, "goccy", func(data []byte) error { stdAE = stdjson.AuthError{}; return gojson.Unmarshal(data, &stdAE) },
			func() (any, error) { return stdAE, nil }},
		{payloadAuthError, "jx", func(data []byte) error {
			stdAE = stdjson.AuthError{}
			dec.ResetBytes(data)
			return jxcodec.DecodeAuthError(&dec, &stdAE)
		}, func() (any, error) { return stdAE, nil }},
		{payloadAuthError, "framegen", genDecode, func() (any, error) {
			v, ok := gen.(chatgen.AuthError)
			if !ok {
				return nil, fmt.Errorf("decoded %T, want chatgen.AuthError", gen)
			}
			return FromChatgenAuthError(v), nil
		}},

		{payloadChatMessage, "map_json", mapDecode,
			func() (any, error) { return FromMapChatMessage(mapV) }},
		{payloadChatMessage, "struct_json", func(data []byte) error { stdCM = stdjson.ChatMessage{}; return json.Unmarshal(data, &stdCM) },
			func() (any, error) { return stdCM, nil }},
		{payloadChatMessage, "easyjson", func(data []byte) error { easyCM = easy.ChatMessage{}; return easyjson.Unmarshal(data, &easyCM) },
			func() (any, error) { return FromEasyChatMessage(easyCM), nil }},
		{payloadChatMessage, "goccy", func(data []byte) error { stdCM = stdjson.ChatMessage{}; return gojson.Unmarshal(data, &stdCM) },
			func() (any, error) { return stdCM, nil }},
		{payloadChatMessage, "jx", func(data []byte) error {
			stdCM = stdjson.ChatMessage{}
			dec.ResetBytes(data)
			return jxcodec.DecodeChatMessage(&dec, &stdCM)
		}, func() (any, error) { return stdCM, nil }},
		{payloadChatMessage, "framegen", genDecode, func() (any, error) {
			v, ok := gen.(chatgen.ChatMessage)
			if !ok {
				return nil, fmt.Errorf("decoded %T, want chatgen.ChatMessage", gen)
			}
			return FromChatgenChatMessage(v)
		}},
	}
}
