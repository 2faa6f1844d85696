package wire

import (
	"bytes"
	"encoding/json"
	"math"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// stringSamples are strings that exercise every escaping rule.
var stringSamples = []string{
	"", "plain", `quote " and backslash \`, "new\nline\r\ttab\b\f", "\x00\x01\x1f\x7f",
	"héllo wörld", "emoji 😀 and € and \u2028\u2029", "<html> & 'quotes'", "bad \xff utf-8 \xc3",
	"\xed\xa0\x80 encoded surrogate", strings.Repeat("long run of safe text ", 20),
}

func TestAppendStringMatchesEncodingJSON(t *testing.T) {
	for _, s := range stringSamples {
		got := appendString(nil, s)
		want, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		if !json.Valid(got) {
			t.Errorf("appendString(%q) = %s: not valid JSON", s, got)
			continue
		}
		var gv, wv string
		if err := json.Unmarshal(got, &gv); err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(want, &wv); err != nil {
			t.Fatal(err)
		}
		if gv != wv {
			t.Errorf("appendString(%q) decodes to %q, encoding/json's text to %q", s, gv, wv)
		}
		if utf8.ValidString(s) {
			d := decoder{data: got}
			back, err := d.readString()
			if err != nil || back != s {
				t.Errorf("readString(appendString(%q)) = %q, %v", s, back, err)
			}
		}
	}
}

func TestAppendStringText(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{name: "plain", in: "abc", want: `"abc"`},
		{name: "short escapes", in: "\"\\\n\r\t\b\f", want: `"\"\\\n\r\t\b\f"`},
		{name: "control", in: "\x00\x1f", want: `"\u0000\u001f"`},
		{name: "utf-8 kept", in: "é😀", want: `"é😀"`},
		{name: "invalid utf-8 replaced", in: "a\xffb", want: `"a\ufffdb"`},
		{name: "html not escaped", in: "<&>", want: `"<&>"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(appendString([]byte("x"), tt.in)); got != "x"+tt.want {
				t.Errorf("appendString(%q) = %s, want x%s", tt.in, got, tt.want)
			}
		})
	}
}

// floatSamples cover both of encoding/json's formats and their boundaries.
var floatSamples = []float64{
	0, math.Copysign(0, -1), 1, -1, 0.1, 1.5, 100, 1e20, 1e21, 1.2345e21, 123456789012345680000,
	1e-6, 1e-7, 9.99e-7, 5e-324, math.MaxFloat64, -math.MaxFloat64, math.SmallestNonzeroFloat64,
	3.141592653589793, 1.0000000000000002, 12345678.9, -0.000001234, 1e100, 2.5e-10,
}

func TestAppendFloatMatchesEncodingJSON(t *testing.T) {
	for _, f := range floatSamples {
		want, err := json.Marshal(f)
		if err != nil {
			t.Fatal(err)
		}
		if got := appendFloat(nil, f); !bytes.Equal(got, want) {
			t.Errorf("appendFloat(%v) = %s, encoding/json writes %s", f, got, want)
		}
		d := decoder{data: appendFloat(nil, f)}
		if back, err := d.readFloat64(); err != nil || back != f {
			t.Errorf("readFloat64(appendFloat(%v)) = %v, %v", f, back, err)
		}
	}
	for _, f := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		if got := string(appendFloat(nil, f)); got != "null" {
			t.Errorf("appendFloat(%v) = %s, want null", f, got)
		}
		if finite(f) {
			t.Errorf("finite(%v) = true", f)
		}
	}
	if !finite(1) {
		t.Errorf("finite(1) = false")
	}
}

func TestAppendIntRoundTrip(t *testing.T) {
	for _, n := range []int64{0, 1, -1, 42, math.MaxInt64, math.MinInt64, 1 << 53, -(1 << 53) - 1} {
		got := appendInt(nil, n)
		want, _ := json.Marshal(n)
		if !bytes.Equal(got, want) {
			t.Errorf("appendInt(%d) = %s, want %s", n, got, want)
		}
		d := decoder{data: got}
		if back, err := d.readInt64(); err != nil || back != n {
			t.Errorf("readInt64(appendInt(%d)) = %d, %v", n, back, err)
		}
	}
	if got := string(appendBool(appendBool(nil, true), false)); got != "truefalse" {
		t.Errorf("appendBool = %s", got)
	}
}

func TestAppendTimeMatchesEncodingJSON(t *testing.T) {
	zones := []*time.Location{time.UTC, time.FixedZone("", 2*3600), time.FixedZone("", -(5*3600 + 30*60)), time.FixedZone("X", 45*60)}
	stamps := []time.Time{
		time.Date(2024, 2, 29, 12, 30, 45, 0, time.UTC),
		time.Date(2024, 1, 2, 3, 4, 5, 123456789, time.UTC),
		time.Date(2024, 1, 2, 3, 4, 5, 500000000, time.UTC),
		time.Date(0, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(9999, 12, 31, 23, 59, 59, 999999999, time.UTC),
	}
	for _, ts := range stamps {
		for _, z := range zones {
			tm := ts.In(z)
			want, err := json.Marshal(tm)
			if valid := validTime(tm); valid != (err == nil) {
				t.Errorf("validTime(%v) = %v, but encoding/json's error is %v", tm, valid, err)
			}
			if err != nil {
				continue
			}
			got := appendTime(nil, tm)
			if !bytes.Equal(got, want) {
				t.Errorf("appendTime(%v) = %s, encoding/json writes %s", tm, got, want)
			}
			d := decoder{data: got}
			back, err := d.readTime()
			if err != nil {
				t.Fatalf("readTime(%s): %v", got, err)
			}
			_, off := back.Zone()
			_, wantOff := tm.Zone()
			if !back.Equal(tm) || off != wantOff {
				t.Errorf("readTime(%s) = %v (offset %d), want %v (offset %d)", got, back, off, tm, wantOff)
			}
		}
	}
}

func TestValidTime(t *testing.T) {
	tests := []struct {
		name string
		t    time.Time
		want bool
	}{
		{name: "now-ish", t: time.Date(2026, 12, 3, 19, 0, 0, 0, time.UTC), want: true},
		{name: "year 10000", t: time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC), want: false},
		{name: "year -1", t: time.Date(-1, 1, 1, 0, 0, 0, 0, time.UTC), want: false},
		{name: "offset with seconds", t: time.Date(2024, 1, 1, 0, 0, 0, 0, time.FixedZone("", 3601)), want: false},
		{name: "offset of 24 hours", t: time.Date(2024, 1, 1, 0, 0, 0, 0, time.FixedZone("", 24*3600)), want: false},
		{name: "offset under 24 hours", t: time.Date(2024, 1, 1, 0, 0, 0, 0, time.FixedZone("", -(23*3600+59*60))), want: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := validTime(tt.t); got != tt.want {
				t.Errorf("validTime(%v) = %v, want %v", tt.t, got, tt.want)
			}
		})
	}
}

func TestAppendUUID(t *testing.T) {
	const in = "123E4567-E89B-12D3-A456-426614174ABC"
	if got := string(appendUUID(nil, in)); got != `"123e4567-e89b-12d3-a456-426614174abc"` {
		t.Errorf("appendUUID = %s", got)
	}
	tests := []struct {
		in   string
		want bool
	}{
		{in, true},
		{"123e4567-e89b-12d3-a456-426614174abc", true},
		{"123e4567-e89b-12d3-a456-426614174ab", false},
		{"123e4567-e89b-12d3-a456_426614174abc", false},
		{"123e4567-e89b-12d3-a456-426614174abg", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := validUUID(tt.in); got != tt.want {
			t.Errorf("validUUID(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestAppendBase64RoundTrip(t *testing.T) {
	for _, b := range [][]byte{{}, {0}, {0xff, 0xfe}, []byte("hello"), bytes.Repeat([]byte{1, 2, 3}, 50)} {
		got := appendBase64(nil, b)
		want, _ := json.Marshal(b)
		if !bytes.Equal(got, want) {
			t.Errorf("appendBase64(%x) = %s, encoding/json writes %s", b, got, want)
		}
		d := decoder{data: got}
		back, err := d.readBytes()
		if err != nil || !bytes.Equal(back, b) {
			t.Errorf("readBytes(%s) = %x, %v", got, back, err)
		}
	}
}

func TestAppendRawJSON(t *testing.T) {
	if got := string(appendRawJSON([]byte("["), nil)); got != "[null" {
		t.Errorf("appendRawJSON(nil) = %s, want null", got)
	}
	raw := `{"a": [1, 2]}`
	if got := string(appendRawJSON(nil, []byte(raw))); got != raw {
		t.Errorf("appendRawJSON = %s, want %s unchanged", got, raw)
	}
}

func TestEncodeBuffered(t *testing.T) {
	out, err := encodeBuffered(func(dst []byte) ([]byte, error) { return appendString(dst, "hi"), nil })
	if err != nil || string(out) != `"hi"` {
		t.Fatalf("encodeBuffered = %s, %v", out, err)
	}
	wantErr := &ValidationError{Violations: []Violation{{"$", "x"}}}
	out, err = encodeBuffered(func(dst []byte) ([]byte, error) { return append(dst, "partial"...), wantErr })
	if err != wantErr || out != nil {
		t.Errorf("encodeBuffered on error = %q, %v; want nil, the error", out, err)
	}
	// A result must not share memory with the pooled buffer.
	a, _ := encodeBuffered(func(dst []byte) ([]byte, error) { return append(dst, "aaaa"...), nil })
	b, _ := encodeBuffered(func(dst []byte) ([]byte, error) { return append(dst, "bbbb"...), nil })
	if string(a) != "aaaa" || string(b) != "bbbb" {
		t.Errorf("results share memory: %q %q", a, b)
	}
	// Warm the pool, then an encode costs the result alone.
	text := strings.Repeat("x", 500)
	fn := func(dst []byte) ([]byte, error) { return appendString(dst, text), nil }
	if allocs := testing.AllocsPerRun(100, func() { _, _ = encodeBuffered(fn) }); allocs > 1 {
		t.Errorf("encodeBuffered allocates %v times, want 1", allocs)
	}
}
