package chat

import (
	"encoding/json"
	"errors"
	"strconv"
	"testing"
	"time"
)

// Benchmarks of the generated codec against encoding/json, in one run (../shared/PERF.md):
//
//	cd gen/golang/testdata && go test ./chat -run '^$' -bench . -benchmem -count 5 -cpu 1
//
// framegen: EncodeServerFrame / DecodeServerFrame. struct_json: a plain struct with the wire
// shape, enums with a validating MarshalText, through encoding/json. map_json: a
// map[string]any built at the call site (what the founding incident's backend did).

// benchText is ~120 characters with quotes, a newline, accents and an emoji.
const benchText = "Meet at \"Café Zoë\" at 10:30?\nBring the slides — and the naïve budget draft 🎉; ask Jürgen whether it's final."

func benchAuthError() AuthError {
	return AuthError{Code: AuthErrorCodeInvalidToken, Message: "token signature does not verify", State: ConnectionStateClosing, RetryAfterMs: refOf(int64(1500))}
}

func benchChat() ChatMessage {
	m := sampleChat()
	m.Text = benchText
	return m
}

// Plain types for encoding/json, with enums that validate like ours.
type (
	jsonState string
	jsonCode  string

	jsonAuthError struct {
		Type         string    `json:"type"`
		ID           *string   `json:"id,omitempty"`
		Code         jsonCode  `json:"code"`
		Message      string    `json:"message"`
		State        jsonState `json:"state"`
		RetryAfterMs *int64    `json:"retry_after_ms,omitempty"`
	}
	jsonAttachment struct {
		Kind   string `json:"kind"`
		URL    string `json:"url"`
		Width  int64  `json:"width,omitempty"`
		Height int64  `json:"height,omitempty"`
		Mime   string `json:"mime,omitempty"`
		Size   *int64 `json:"size,omitempty"`
	}
	jsonChat struct {
		Type        string           `json:"type"`
		ID          *string          `json:"id,omitempty"`
		RoomID      string           `json:"room_id"`
		Author      plainUser        `json:"author"`
		Text        string           `json:"text"`
		SentAt      time.Time        `json:"sent_at"`
		Attachments []jsonAttachment `json:"attachments,omitempty"`
		Mentions    []string         `json:"mentions,omitempty"`
	}
)

var errBenchEnum = errors.New("invalid enum value")

func (s jsonState) MarshalText() ([]byte, error) {
	switch s {
	case "connecting", "connected", "closing", "closed":
		return []byte(s), nil
	}
	return nil, errBenchEnum
}

func (s *jsonState) UnmarshalText(b []byte) error {
	switch string(b) {
	case "connecting", "connected", "closing", "closed":
		*s = jsonState(b)
		return nil
	}
	return errBenchEnum
}

func (c jsonCode) MarshalText() ([]byte, error) {
	switch c {
	case "invalid_token", "expired", "forbidden":
		return []byte(c), nil
	}
	return nil, errBenchEnum
}

func (c *jsonCode) UnmarshalText(b []byte) error {
	switch string(b) {
	case "invalid_token", "expired", "forbidden":
		*c = jsonCode(b)
		return nil
	}
	return errBenchEnum
}

func jsonAuthErrorOf(v AuthError) jsonAuthError {
	return jsonAuthError{Type: "auth_error", ID: v.ID, Code: jsonCode(v.Code), Message: v.Message, State: jsonState(v.State), RetryAfterMs: v.RetryAfterMs}
}

func jsonChatOf(m ChatMessage) jsonChat {
	size := int64(0)
	return jsonChat{
		Type: "chat_message", ID: m.ID, RoomID: m.RoomID,
		Author: plainUser{ID: m.Author.ID, Name: m.Author.Name, AvatarURL: m.Author.AvatarURL},
		Text:   m.Text, SentAt: m.SentAt,
		Attachments: []jsonAttachment{
			{Kind: "image", URL: "https://example.com/i.png", Width: 640, Height: 480},
			{Kind: "file", URL: "https://example.com/f.pdf", Mime: "application/pdf", Size: &size},
		},
		Mentions: m.Mentions,
	}
}

// mapAuthError and mapChat build the payload by hand, as the founding incident did.
func mapAuthError(v AuthError) map[string]any {
	m := map[string]any{"type": "auth_error", "code": string(v.Code), "message": v.Message, "state": string(v.State)}
	if v.RetryAfterMs != nil {
		m["retry_after_ms"] = *v.RetryAfterMs
	}
	return m
}

func mapChat(c ChatMessage) map[string]any {
	return map[string]any{
		"type": "chat_message", "id": *c.ID, "room_id": c.RoomID,
		"author":  map[string]any{"id": c.Author.ID, "name": c.Author.Name, "avatar_url": *c.Author.AvatarURL},
		"text":    c.Text,
		"sent_at": c.SentAt.Format(time.RFC3339Nano),
		"attachments": []any{
			map[string]any{"kind": "image", "url": "https://example.com/i.png", "width": 640, "height": 480},
			map[string]any{"kind": "file", "url": "https://example.com/f.pdf", "mime": "application/pdf", "size": 0},
		},
		"mentions": []any{c.Mentions[0], c.Mentions[1], c.Mentions[2]},
	}
}

func BenchmarkEncode(b *testing.B) {
	ae, cm := benchAuthError(), benchChat()
	run := func(name string, f func() ([]byte, error)) {
		b.Run(name, func(b *testing.B) {
			data, err := f()
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := f(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	run("AuthError/framegen", func() ([]byte, error) { return EncodeServerFrame(ae) })
	run("AuthError/struct_json", func() ([]byte, error) { return json.Marshal(jsonAuthErrorOf(ae)) })
	run("AuthError/map_json", func() ([]byte, error) { return json.Marshal(mapAuthError(ae)) })
	run("ChatMessage/framegen", func() ([]byte, error) { return EncodeServerFrame(cm) })
	run("ChatMessage/struct_json", func() ([]byte, error) { return json.Marshal(jsonChatOf(cm)) })
	run("ChatMessage/map_json", func() ([]byte, error) { return json.Marshal(mapChat(cm)) })
	buf := make([]byte, 0, 4096)
	run("AuthError/framegen_append", func() ([]byte, error) { return AppendServerFrame(buf[:0], ae) })
	run("ChatMessage/framegen_append", func() ([]byte, error) { return AppendServerFrame(buf[:0], cm) })
}

func BenchmarkDecode(b *testing.B) {
	ae, err := EncodeServerFrame(benchAuthError())
	if err != nil {
		b.Fatal(err)
	}
	cm, err := EncodeServerFrame(benchChat())
	if err != nil {
		b.Fatal(err)
	}
	run := func(name string, data []byte, f func([]byte) error) {
		b.Run(name, func(b *testing.B) {
			if err := f(data); err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if err := f(data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	framegen := func(data []byte) error { _, err := DecodeServerFrame(data); return err }
	run("AuthError/framegen", ae, framegen)
	run("AuthError/struct_json", ae, func(data []byte) error { var v jsonAuthError; return json.Unmarshal(data, &v) })
	run("AuthError/map_json", ae, func(data []byte) error { var v map[string]any; return json.Unmarshal(data, &v) })
	run("ChatMessage/framegen", cm, framegen)
	run("ChatMessage/struct_json", cm, func(data []byte) error { var v jsonChat; return json.Unmarshal(data, &v) })
	run("ChatMessage/map_json", cm, func(data []byte) error { var v map[string]any; return json.Unmarshal(data, &v) })
}

// BenchmarkSizes shows how encode and decode grow with a frame's size: ChatMessage with
// 1 to 1000 mentions (about 0.6 to 20 KB), beside encoding/json on the plain struct.
func BenchmarkSizes(b *testing.B) {
	for _, n := range []int{1, 10, 100, 1000} {
		m := benchChat()
		m.Mentions = make([]string, n)
		for i := range m.Mentions {
			m.Mentions[i] = "member-" + strconv.Itoa(i)
		}
		plain := jsonChatOf(m)
		data, err := EncodeServerFrame(m)
		if err != nil {
			b.Fatal(err)
		}
		name := "mentions=" + strconv.Itoa(n)
		bench := func(sub string, f func() error) {
			b.Run(name+"/"+sub, func(b *testing.B) {
				b.SetBytes(int64(len(data)))
				b.ReportAllocs()
				for b.Loop() {
					if err := f(); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
		bench("encode/framegen", func() error { _, err := EncodeServerFrame(m); return err })
		bench("encode/struct_json", func() error { _, err := json.Marshal(plain); return err })
		bench("decode/framegen", func() error { _, err := DecodeServerFrame(data); return err })
		bench("decode/struct_json", func() error { var v jsonChat; return json.Unmarshal(data, &v) })
	}
}
