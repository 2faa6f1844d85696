package wire

import (
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The two frames of PERF.md, on the wire.
const (
	authErrorJSON = `{"type":"auth_error","code":"expired","message":"Your session expired. Sign in again to continue.","state":"closed","retry_after_ms":1500}`

	chatMessageJSON = `{"type":"chat_message","room_id":"general",` +
		`"author":{"id":"7c9e6679-7425-40de-944b-e07fc1f90ae7","name":"Zoë O'Brien","avatar_url":"https://cdn.example.com/avatars/7c9e6679-7425-40de-944b-e07fc1f90ae7.png"},` +
		`"text":"Has anyone seen the \"quarterly\" numbers?\nThe café on the corner says they're great, résumé attached 😀 — let me know before Friday, thanks!",` +
		`"sent_at":"2024-05-01T12:34:56.789+02:00",` +
		`"attachments":[{"kind":"image","url":"https://cdn.example.com/i/2024/05/01/chart.png","width":1280,"height":720},` +
		`{"kind":"file","url":"https://cdn.example.com/f/2024/05/01/quarterly-report.pdf","mime":"application/pdf","size":482113}],` +
		`"mentions":["alice","bob","carol"]}`
)

// The same frames as encoding/json structs: the baseline.
type jsonAuthError struct {
	Type         string `json:"type"`
	Code         string `json:"code"`
	Message      string `json:"message"`
	State        string `json:"state"`
	RetryAfterMs *int64 `json:"retry_after_ms,omitempty"`
}

type jsonChatMessage struct {
	Type   string `json:"type"`
	RoomID string `json:"room_id"`
	Author struct {
		ID        string  `json:"id"`
		Name      string  `json:"name"`
		AvatarURL *string `json:"avatar_url,omitempty"`
	} `json:"author"`
	Text        string    `json:"text"`
	SentAt      time.Time `json:"sent_at"`
	Attachments []struct {
		Kind   string `json:"kind"`
		URL    string `json:"url"`
		Width  int64  `json:"width,omitempty"`
		Height int64  `json:"height,omitempty"`
		Mime   string `json:"mime,omitempty"`
		Size   int64  `json:"size,omitempty"`
	} `json:"attachments,omitempty"`
	Mentions []string `json:"mentions,omitempty"`
}

// TestSampleRoundTrip decodes both frames, checks them against encoding/json, and
// encodes them back to text equal as a value to the input.
func TestSampleRoundTrip(t *testing.T) {
	for _, in := range []string{authErrorJSON, chatMessageJSON} {
		f, err := decodeSampleFrame([]byte(in))
		if err != nil {
			t.Fatalf("decode: %v", err)
		}
		var out []byte
		switch f := f.(type) {
		case sampleAuthError:
			out = f.appendJSON(nil)
		case sampleChatMessage:
			var want jsonChatMessage
			if err := json.Unmarshal([]byte(in), &want); err != nil {
				t.Fatal(err)
			}
			if f.Text != want.Text || f.Author.Name != want.Author.Name || !f.SentAt.Equal(want.SentAt) || len(f.Attachments) != 2 {
				t.Errorf("decoded %+v, encoding/json %+v", f, want)
			}
			out = f.appendJSON(nil)
		}
		var a, b any
		if err := json.Unmarshal([]byte(in), &a); err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(out, &b); err != nil {
			t.Fatalf("encoded text is not JSON: %v\n%s", err, out)
		}
		if !reflect.DeepEqual(a, b) {
			t.Errorf("round trip differs:\n in: %s\nout: %s", in, out)
		}
	}
}

func TestSampleErrors(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		wantKind DecodeErrorKind
		wantPath string
	}{
		{name: "tag not first", in: `{"code":"expired","message":"m","state":"closed","type":"auth_error"}`},
		{name: "duplicate tag", in: `{"type":"auth_error","type":"auth_error","code":"expired","message":"m","state":"closed"}`, wantKind: KindDuplicateKey, wantPath: "$.type"},
		{name: "unknown enum", in: `{"type":"auth_error","code":"expired","message":"m","state":"gone"}`, wantKind: KindUnknownEnum, wantPath: "$.state"},
		{name: "constraint", in: `{"type":"auth_error","code":"expired","message":"m","state":"closed","retry_after_ms":-1}`, wantKind: KindConstraint, wantPath: "$.retry_after_ms"},
		{name: "missing", in: `{"type":"auth_error","code":"expired","state":"closed"}`, wantKind: KindMissing, wantPath: "$.message"},
		{name: "deep path", in: strings.Replace(chatMessageJSON, `"width":1280`, `"width":"wide"`, 1), wantKind: KindWrongType, wantPath: "$.attachments[0].width"},
		{name: "union tag", in: strings.Replace(chatMessageJSON, `"kind":"file"`, `"kind":"video"`, 1), wantKind: KindUnknownEnum, wantPath: "$.attachments[1].kind"},
		{name: "bad uuid", in: strings.Replace(chatMessageJSON, `"7c9e6679-7425`, `"7c9e6679_7425`, 1), wantKind: KindWrongType, wantPath: "$.author.id"},
		{name: "trailing", in: authErrorJSON + `{}`, wantKind: KindTrailingData, wantPath: "$"},
		{name: "too large", in: `{"type":"` + strings.Repeat("x", 70000) + `"}`, wantKind: KindTooLarge, wantPath: "$"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := decodeSampleFrame([]byte(tt.in))
			checkErr(t, err, tt.wantKind, tt.wantPath, "")
		})
	}
	_, err := decodeSampleFrame([]byte(`{"type":"pong"}`))
	if ufe, ok := err.(*UnknownFrameError); !ok || ufe.Tag != "pong" {
		t.Errorf("unknown tag: error %v, want *UnknownFrameError for pong", err)
	}
}

func benchDecode(b *testing.B, in string, decode func([]byte) error) {
	data := []byte(in)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if err := decode(data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecode(b *testing.B) {
	wire := func(data []byte) error { _, err := decodeSampleFrame(data); return err }
	b.Run("AuthError/wire", func(b *testing.B) { benchDecode(b, authErrorJSON, wire) })
	b.Run("AuthError/encoding_json", func(b *testing.B) {
		benchDecode(b, authErrorJSON, func(data []byte) error { var v jsonAuthError; return json.Unmarshal(data, &v) })
	})
	b.Run("ChatMessage/wire", func(b *testing.B) { benchDecode(b, chatMessageJSON, wire) })
	b.Run("ChatMessage/encoding_json", func(b *testing.B) {
		benchDecode(b, chatMessageJSON, func(data []byte) error { var v jsonChatMessage; return json.Unmarshal(data, &v) })
	})
}

func BenchmarkEncode(b *testing.B) {
	af, _ := decodeSampleFrame([]byte(authErrorJSON))
	cf, _ := decodeSampleFrame([]byte(chatMessageJSON))
	ae, cm := af.(sampleAuthError), cf.(sampleChatMessage)
	var ja jsonAuthError
	var jc jsonChatMessage
	_ = json.Unmarshal([]byte(authErrorJSON), &ja)
	_ = json.Unmarshal([]byte(chatMessageJSON), &jc)
	run := func(name string, enc func() ([]byte, error)) {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := enc(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	run("AuthError/wire", func() ([]byte, error) {
		return encodeBuffered(func(dst []byte) ([]byte, error) { return ae.appendJSON(dst), nil })
	})
	run("AuthError/encoding_json", func() ([]byte, error) { return json.Marshal(&ja) })
	run("ChatMessage/wire", func() ([]byte, error) {
		return encodeBuffered(func(dst []byte) ([]byte, error) { return cm.appendJSON(dst), nil })
	})
	run("ChatMessage/encoding_json", func() ([]byte, error) { return json.Marshal(&jc) })
}

// BenchmarkScan measures the scanner's primitives on their own.
func BenchmarkScan(b *testing.B) {
	cases := []struct {
		name string
		in   string
		read func(d *decoder) error
	}{
		{"readStringBytes/ascii-100", `"` + strings.Repeat("abcdefghij", 10) + `"`, func(d *decoder) error { _, err := d.readStringBytes(); return err }},
		{"readStringBytes/ascii-1000", `"` + strings.Repeat("abcdefghij", 100) + `"`, func(d *decoder) error { _, err := d.readStringBytes(); return err }},
		{"readStringBytes/escaped-100", `"` + strings.Repeat(`abc\"defg\n`, 10) + `"`, func(d *decoder) error { _, err := d.readStringBytes(); return err }},
		{"readStringBytes/accents-100", `"` + strings.Repeat("café ünï ", 10) + `"`, func(d *decoder) error { _, err := d.readStringBytes(); return err }},
		{"readString/ascii-100", `"` + strings.Repeat("abcdefghij", 10) + `"`, func(d *decoder) error { _, err := d.readString(); return err }},
		{"readInt64/small", `1500`, func(d *decoder) error { _, err := d.readInt64(); return err }},
		{"readInt64/exponent", `1.5e3`, func(d *decoder) error { _, err := d.readInt64(); return err }},
		{"readFloat64", `-12345.6789e-3`, func(d *decoder) error { _, err := d.readFloat64(); return err }},
		{"readTime", `"2024-05-01T12:34:56.789+02:00"`, func(d *decoder) error { _, err := d.readTime(); return err }},
		{"readUUID", `"7C9E6679-7425-40DE-944B-E07FC1F90AE7"`, func(d *decoder) error { _, err := d.readUUID(); return err }},
		{"skip/chat-message", chatMessageJSON, func(d *decoder) error { return d.skip() }},
		{"findStringTag/first", chatMessageJSON, func(d *decoder) error { _, err := d.findStringTag("type"); return err }},
		{"findStringTag/last", `{"a":1,"b":[1,2,3],"c":{"d":"e"},"type":"x"}`, func(d *decoder) error { _, err := d.findStringTag("type"); return err }},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			data := []byte(c.in)
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				d := decoder{data: data}
				if err := c.read(&d); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkAppend measures the encoders on their own, into a reused buffer.
func BenchmarkAppend(b *testing.B) {
	ascii := strings.Repeat("abcdefghij", 10)
	text := strings.Repeat("Has anyone seen the \"quarterly\" numbers? café 😀\n", 3)
	tm := time.Date(2024, 5, 1, 12, 34, 56, 789000000, time.FixedZone("", 7200))
	cases := []struct {
		name string
		fn   func(dst []byte) []byte
	}{
		{"appendString/ascii-100", func(dst []byte) []byte { return appendString(dst, ascii) }},
		{"appendString/mixed-150", func(dst []byte) []byte { return appendString(dst, text) }},
		{"appendInt", func(dst []byte) []byte { return appendInt(dst, 1234567) }},
		{"appendFloat", func(dst []byte) []byte { return appendFloat(dst, 12345.6789) }},
		{"appendTime", func(dst []byte) []byte { return appendTime(dst, tm) }},
		{"appendUUID", func(dst []byte) []byte { return appendUUID(dst, "7C9E6679-7425-40DE-944B-E07FC1F90AE7") }},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			buf := make([]byte, 0, 1024)
			b.ReportAllocs()
			for b.Loop() {
				buf = c.fn(buf[:0])
			}
		})
	}
}

// BenchmarkSkipSizes shows how validating skip grows with input size: arrays of 1, 10 and
// 100 ChatMessage frames.
func BenchmarkSkipSizes(b *testing.B) {
	for _, n := range []int{1, 10, 100} {
		data := []byte("[" + strings.Repeat(chatMessageJSON+",", n-1) + chatMessageJSON + "]")
		b.Run("frames-"+strconv.Itoa(n), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				d := decoder{data: data}
				if err := d.skip(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
