package wire

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"
)

// readCase is one input for one reader: either a value or an error of a kind at a path
// (with a reason that contains wantReason).
type readCase struct {
	name       string
	in         string
	want       any
	wantKind   DecodeErrorKind
	wantPath   string
	wantReason string
}

// runRead reads in with read, then checks the end of input, as an entry point would, and
// returns the value and the error with its root.
func runRead(in string, read func(d *decoder) (any, error)) (any, error) {
	d := decoder{data: []byte(in)}
	v, err := read(&d)
	if err == nil {
		err = d.end()
	}
	if err != nil {
		return nil, atRoot(err)
	}
	return v, nil
}

func checkRead(t *testing.T, tests []readCase, read func(d *decoder) (any, error)) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := runRead(tt.in, read)
			checkErr(t, err, tt.wantKind, tt.wantPath, tt.wantReason)
			if tt.wantKind == 0 && !reflect.DeepEqual(got, tt.want) {
				t.Errorf("read %q = %#v, want %#v", tt.in, got, tt.want)
			}
		})
	}
}

// checkErr asserts that err is nil when kind is 0, and otherwise a *DecodeError of that
// kind and path whose reason contains reason.
func checkErr(t *testing.T, err error, kind DecodeErrorKind, path, reason string) {
	t.Helper()
	if kind == 0 {
		if err != nil {
			t.Fatalf("unexpected error: %v", err)
		}
		return
	}
	var de *DecodeError
	if !errors.As(err, &de) {
		t.Fatalf("error = %v, want a *DecodeError of kind %v", err, kind)
	}
	if de.Kind != kind || de.Path != path || !strings.Contains(de.Reason, reason) {
		t.Errorf("error = {Path: %q, Kind: %v, Reason: %q}, want {Path: %q, Kind: %v, Reason containing %q}",
			de.Path, de.Kind, de.Reason, path, kind, reason)
	}
}

func TestReadString(t *testing.T) {
	read := func(d *decoder) (any, error) { return d.readString() }
	checkRead(t, []readCase{
		{name: "plain", in: `"hello"`, want: "hello"},
		{name: "white space around", in: " \t\r\n\"x\" \n", want: "x"},
		{name: "empty", in: `""`, want: ""},
		{name: "escapes", in: `"a\"b\\c\/d\b\f\n\r\t"`, want: "a\"b\\c/d\b\f\n\r\t"},
		{name: "unicode escape", in: `"\u00e9\u20AC"`, want: "é€"},
		{name: "surrogate pair", in: `"\ud83d\ude00"`, want: "😀"},
		{name: "raw utf-8", in: `"héllo 😀"`, want: "héllo 😀"},
		{name: "lone high surrogate", in: `"a\ud800b"`, wantKind: KindInvalidUTF8, wantPath: "$", wantReason: "lone surrogate escape at offset 2"},
		{name: "lone low surrogate", in: `"\udc00"`, wantKind: KindInvalidUTF8, wantPath: "$", wantReason: "lone surrogate"},
		{name: "high then non-surrogate", in: `"\ud800\u0041"`, wantKind: KindInvalidUTF8, wantPath: "$", wantReason: "lone surrogate"},
		{name: "invalid utf-8", in: "\"a\xffb\"", wantKind: KindInvalidUTF8, wantPath: "$", wantReason: "invalid UTF-8 at offset 2"},
		{name: "encoded surrogate", in: "\"\xed\xa0\x80\"", wantKind: KindInvalidUTF8, wantPath: "$"},
		{name: "truncated utf-8", in: "\"\xc3\"", wantKind: KindInvalidUTF8, wantPath: "$"},
		{name: "overlong utf-8", in: "\"\xc0\x80\"", wantKind: KindInvalidUTF8, wantPath: "$", wantReason: "offset 1"},
		{name: "two-byte then continuation missing", in: "\"\xdf\xc0\"", wantKind: KindInvalidUTF8, wantPath: "$"},
		{name: "two-byte sequences", in: "\"\xc2\x80\xdf\xbf\"", want: "\u0080\u07ff"},
		{name: "control byte", in: "\"a\nb\"", wantKind: KindSyntax, wantPath: "$", wantReason: "control character in string at offset 2"},
		{name: "bad escape", in: `"\x"`, wantKind: KindSyntax, wantPath: "$", wantReason: "invalid escape at offset 1"},
		{name: "short unicode escape", in: `"\u12"`, wantKind: KindSyntax, wantPath: "$", wantReason: "invalid \\u escape"},
		{name: "unterminated", in: `"abc`, wantKind: KindSyntax, wantPath: "$", wantReason: "unterminated string at offset 0"},
		{name: "unterminated escape", in: `"abc\`, wantKind: KindSyntax, wantPath: "$", wantReason: "unterminated string"},
		{name: "number", in: `12`, wantKind: KindWrongType, wantPath: "$", wantReason: "want string, got number"},
		{name: "object", in: `{"a":1}`, wantKind: KindWrongType, wantPath: "$", wantReason: "want string, got object"},
		{name: "null", in: `null`, wantKind: KindNull, wantPath: "$", wantReason: "want string, got null"},
		{name: "malformed non-string", in: `[1,]`, wantKind: KindSyntax, wantPath: "$", wantReason: "invalid character at offset 3, want a value"},
		{name: "empty input", in: ``, wantKind: KindSyntax, wantPath: "$", wantReason: "unexpected end of input"},
		{name: "trailing data", in: `"a" "b"`, wantKind: KindTrailingData, wantPath: "$", wantReason: "offset 4"},
		{name: "trailing invalid utf-8", in: "\"a\" \xff", wantKind: KindInvalidUTF8, wantPath: "$"},
	}, read)
}

func TestReadStringBytesReusesScratch(t *testing.T) {
	d := decoder{data: []byte(`["a\nb", "plain", "c\td"]`)}
	var got []string
	if err := d.beginArray(); err != nil {
		t.Fatal(err)
	}
	for {
		ok, err := d.nextElem()
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			break
		}
		b, err := d.readStringBytes()
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, string(b))
	}
	want := []string{"a\nb", "plain", "c\td"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	plain := []byte(`"plain text"`)
	if allocs := testing.AllocsPerRun(100, func() {
		d := decoder{data: plain}
		if _, err := d.readStringBytes(); err != nil {
			t.Fatal(err)
		}
	}); allocs != 0 {
		t.Errorf("readStringBytes allocates %v times, want 0", allocs)
	}
}

func TestReadBool(t *testing.T) {
	read := func(d *decoder) (any, error) { return d.readBool() }
	checkRead(t, []readCase{
		{name: "true", in: `true`, want: true},
		{name: "false", in: ` false `, want: false},
		{name: "truncated", in: `tru`, wantKind: KindSyntax, wantPath: "$", wantReason: "unexpected end of input, want true"},
		{name: "misspelled", in: `fals3`, wantKind: KindSyntax, wantPath: "$", wantReason: "invalid character at offset 4, want false"},
		{name: "string", in: `"true"`, wantKind: KindWrongType, wantPath: "$", wantReason: "want boolean, got string"},
		{name: "null", in: `null`, wantKind: KindNull, wantPath: "$"},
		{name: "trailing letters", in: `truex`, wantKind: KindTrailingData, wantPath: "$"},
	}, read)
}

func TestReadInt64(t *testing.T) {
	read := func(d *decoder) (any, error) { return d.readInt64() }
	checkRead(t, []readCase{
		{name: "zero", in: `0`, want: int64(0)},
		{name: "negative zero", in: `-0`, want: int64(0)},
		{name: "positive", in: `42`, want: int64(42)},
		{name: "negative", in: `-17`, want: int64(-17)},
		{name: "18 digits", in: `999999999999999999`, want: int64(999999999999999999)},
		{name: "max", in: `9223372036854775807`, want: int64(9223372036854775807)},
		{name: "min", in: `-9223372036854775808`, want: int64(-9223372036854775808)},
		{name: "integral fraction", in: `1.0`, want: int64(1)},
		{name: "exponent", in: `1e3`, want: int64(1000)},
		{name: "exponent with fraction", in: `1.5E1`, want: int64(15)},
		{name: "negative exponent integral", in: `1500e-2`, want: int64(15)},
		{name: "zero with exponent", in: `0e999999999999`, want: int64(0)},
		{name: "long zero fraction", in: `7.000000000000000000000000000000`, want: int64(7)},
		{name: "max via exponent", in: `9.223372036854775807e18`, want: int64(9223372036854775807)},
		{name: "fraction", in: `1.5`, wantKind: KindWrongType, wantPath: "$", wantReason: "want integer, got a number with a fraction"},
		{name: "small exponent", in: `15e-1`, wantKind: KindWrongType, wantPath: "$", wantReason: "fraction"},
		{name: "overflow", in: `9223372036854775808`, wantKind: KindWrongType, wantPath: "$", wantReason: "integer out of range for int64"},
		{name: "underflow", in: `-9223372036854775809`, wantKind: KindWrongType, wantPath: "$", wantReason: "out of range"},
		{name: "huge exponent", in: `1e999999999999999999`, wantKind: KindWrongType, wantPath: "$", wantReason: "out of range"},
		{name: "overflow via exponent", in: `9.3e18`, wantKind: KindWrongType, wantPath: "$", wantReason: "out of range"},
		{name: "leading zero", in: `01`, wantKind: KindTrailingData, wantPath: "$"},
		{name: "plus sign", in: `+1`, wantKind: KindSyntax, wantPath: "$"},
		{name: "bare minus", in: `-`, wantKind: KindSyntax, wantPath: "$", wantReason: "unexpected end of input, want a digit"},
		{name: "dot without digits", in: `1.`, wantKind: KindSyntax, wantPath: "$", wantReason: "want a digit after '.'"},
		{name: "exponent without digits", in: `1e+`, wantKind: KindSyntax, wantPath: "$", wantReason: "want a digit in the exponent"},
		{name: "string", in: `"1"`, wantKind: KindWrongType, wantPath: "$", wantReason: "want integer, got string"},
		{name: "null", in: `null`, wantKind: KindNull, wantPath: "$", wantReason: "want integer, got null"},
	}, read)
}

func TestReadInt32(t *testing.T) {
	read := func(d *decoder) (any, error) { return d.readInt32() }
	checkRead(t, []readCase{
		{name: "max", in: `2147483647`, want: int32(2147483647)},
		{name: "min", in: `-2147483648`, want: int32(-2147483648)},
		{name: "overflow", in: `2147483648`, wantKind: KindWrongType, wantPath: "$", wantReason: "integer out of range for int32"},
		{name: "fraction", in: `2.5`, wantKind: KindWrongType, wantPath: "$", wantReason: "fraction"},
	}, read)
}

func TestReadFloat64(t *testing.T) {
	read := func(d *decoder) (any, error) { return d.readFloat64() }
	checkRead(t, []readCase{
		{name: "integer", in: `3`, want: 3.0},
		{name: "fraction", in: `-0.25`, want: -0.25},
		{name: "exponent", in: `1.5e-3`, want: 1.5e-3},
		{name: "max", in: `1.7976931348623157e308`, want: 1.7976931348623157e308},
		{name: "out of range", in: `1e400`, wantKind: KindWrongType, wantPath: "$", wantReason: "number out of range for float64"},
		{name: "NaN text", in: `NaN`, wantKind: KindSyntax, wantPath: "$"},
		{name: "hex", in: `0x10`, wantKind: KindTrailingData, wantPath: "$"},
		{name: "bool", in: `true`, wantKind: KindWrongType, wantPath: "$", wantReason: "want number, got boolean"},
	}, read)
}

func TestReadTime(t *testing.T) {
	read := func(d *decoder) (any, error) {
		tm, err := d.readTime()
		if err != nil {
			return nil, err
		}
		_, off := tm.Zone()
		return fmt.Sprintf("%s off=%d", tm.UTC().Format(time.RFC3339Nano), off), nil
	}
	checkRead(t, []readCase{
		{name: "utc", in: `"2024-02-29T12:30:45Z"`, want: "2024-02-29T12:30:45Z off=0"},
		{name: "fraction", in: `"2024-01-02T03:04:05.123456789Z"`, want: "2024-01-02T03:04:05.123456789Z off=0"},
		{name: "short fraction", in: `"2024-01-02T03:04:05.5Z"`, want: "2024-01-02T03:04:05.5Z off=0"},
		{name: "long fraction truncated", in: `"2024-01-02T03:04:05.1234567899Z"`, want: "2024-01-02T03:04:05.123456789Z off=0"},
		{name: "offset", in: `"2024-01-02T03:04:05+02:00"`, want: "2024-01-02T01:04:05Z off=7200"},
		{name: "negative offset", in: `"2024-01-02T03:04:05-05:30"`, want: "2024-01-02T08:34:05Z off=-19800"},
		{name: "year zero", in: `"0000-01-01T00:00:00Z"`, want: "0000-01-01T00:00:00Z off=0"},
		{name: "escaped", in: `"2024-01-02T03:04:05\u005a"`, want: "2024-01-02T03:04:05Z off=0"},
		{name: "not leap year", in: `"2023-02-29T00:00:00Z"`, wantKind: KindWrongType, wantPath: "$", wantReason: "want an RFC 3339 time"},
		{name: "hour 24", in: `"2024-01-02T24:00:00Z"`, wantKind: KindWrongType, wantPath: "$"},
		{name: "leap second", in: `"2024-01-02T23:59:60Z"`, wantKind: KindWrongType, wantPath: "$"},
		{name: "lower t", in: `"2024-01-02t03:04:05Z"`, wantKind: KindWrongType, wantPath: "$"},
		{name: "no zone", in: `"2024-01-02T03:04:05"`, wantKind: KindWrongType, wantPath: "$"},
		{name: "offset hour 24", in: `"2024-01-02T03:04:05+24:00"`, wantKind: KindWrongType, wantPath: "$"},
		{name: "empty fraction", in: `"2024-01-02T03:04:05.Z"`, wantKind: KindWrongType, wantPath: "$"},
		{name: "number", in: `20240102`, wantKind: KindWrongType, wantPath: "$", wantReason: "want string, got number"},
	}, read)
	stamp := []byte(`"2024-01-02T03:04:05.123+02:00"`)
	if allocs := testing.AllocsPerRun(100, func() {
		d := decoder{data: stamp}
		if _, err := d.readTime(); err != nil {
			t.Fatal(err)
		}
	}); allocs != 0 {
		t.Errorf("readTime allocates %v times, want 0", allocs)
	}
}

func TestReadUUID(t *testing.T) {
	read := func(d *decoder) (any, error) { return d.readUUID() }
	checkRead(t, []readCase{
		{name: "lower", in: `"123e4567-e89b-12d3-a456-426614174000"`, want: "123e4567-e89b-12d3-a456-426614174000"},
		{name: "upper", in: `"123E4567-E89B-12D3-A456-426614174ABC"`, want: "123e4567-e89b-12d3-a456-426614174abc"},
		{name: "no hyphens", in: `"123e4567e89b12d3a456426614174000"`, wantKind: KindWrongType, wantPath: "$", wantReason: "want a UUID"},
		{name: "braces", in: `"{123e4567-e89b-12d3-a456-426614174000}"`, wantKind: KindWrongType, wantPath: "$"},
		{name: "non-hex", in: `"123g4567-e89b-12d3-a456-426614174000"`, wantKind: KindWrongType, wantPath: "$"},
		{name: "null", in: `null`, wantKind: KindNull, wantPath: "$"},
	}, read)
}

func TestReadBytes(t *testing.T) {
	read := func(d *decoder) (any, error) { return d.readBytes() }
	checkRead(t, []readCase{
		{name: "empty", in: `""`, want: []byte{}},
		{name: "padded", in: `"aGk="`, want: []byte("hi")},
		{name: "two pads", in: `"aA=="`, want: []byte("h")},
		{name: "escaped slash", in: `"\/w=="`, want: []byte{0xff}},
		{name: "unpadded", in: `"aGk"`, wantKind: KindWrongType, wantPath: "$", wantReason: "want standard base64"},
		{name: "url alphabet", in: `"_w=="`, wantKind: KindWrongType, wantPath: "$"},
		{name: "line break", in: `"aGk=\naGk="`, wantKind: KindWrongType, wantPath: "$"},
		{name: "nonzero padding bits", in: `"aGl="`, wantKind: KindWrongType, wantPath: "$"},
		{name: "number", in: `1`, wantKind: KindWrongType, wantPath: "$", wantReason: "want string, got number"},
	}, read)
}

func TestReadRaw(t *testing.T) {
	read := func(d *decoder) (any, error) {
		b, err := d.readRaw()
		return string(b), err
	}
	checkRead(t, []readCase{
		{name: "object kept as is", in: ` {"a": [1, 2.5e3, "x"], "b": {}} `, want: `{"a": [1, 2.5e3, "x"], "b": {}}`},
		{name: "null", in: `null`, want: `null`},
		{name: "string", in: `"x"`, want: `"x"`},
		{name: "duplicate key", in: `{"a":1,"b":{"c":1,"c":2}}`, wantKind: KindDuplicateKey, wantPath: "$.b.c", wantReason: "duplicate key"},
		{name: "escaped duplicate", in: `{"a":1,"\u0061":2}`, wantKind: KindDuplicateKey, wantPath: "$.a"},
		{name: "duplicate after many", in: `{"a":1,"b":1,"c":1,"d":1,"e":1,"f":1,"g":1,"h":1,"i":1,"j":1,"e":2}`, wantKind: KindDuplicateKey, wantPath: "$.e"},
		{name: "odd key path", in: `{"a b":[0,{"x":1,"x":1}]}`, wantKind: KindDuplicateKey, wantPath: `$["a b"][1].x`},
		{name: "trailing comma in object", in: `{"a":1,}`, wantKind: KindSyntax, wantPath: "$", wantReason: "want a key"},
		{name: "trailing comma in array", in: `[1,]`, wantKind: KindSyntax, wantPath: "$", wantReason: "want a value"},
		{name: "missing colon", in: `{"a" 1}`, wantKind: KindSyntax, wantPath: "$", wantReason: "want ':' after a key"},
		{name: "missing comma", in: `[1 2]`, wantKind: KindSyntax, wantPath: "$", wantReason: "want ',' or ']'"},
		{name: "unclosed", in: `{"a":[1`, wantKind: KindSyntax, wantPath: "$.a", wantReason: "unexpected end of input"},
		{name: "non-string key", in: `{1:2}`, wantKind: KindSyntax, wantPath: "$", wantReason: "want a key"},
		{name: "bad literal", in: `[nul]`, wantKind: KindSyntax, wantPath: "$[0]"},
		{name: "invalid utf-8 outside strings", in: "[\xff]", wantKind: KindInvalidUTF8, wantPath: "$[0]"},
		{name: "deep", in: strings.Repeat("[", maxDepth+1) + strings.Repeat("]", maxDepth+1), wantKind: KindSyntax, wantPath: "$" + strings.Repeat("[0]", maxDepth), wantReason: "nesting deeper than 10000"},
	}, read)
}

func TestObjectIteration(t *testing.T) {
	type member struct {
		Key string
		Val int64
	}
	read := func(d *decoder) (any, error) {
		if err := d.beginObject(); err != nil {
			return nil, err
		}
		got := []member{}
		for {
			key, ok, err := d.nextKey()
			if err != nil {
				return nil, err
			}
			if !ok {
				return got, nil
			}
			k := string(key)
			n, err := d.readInt64()
			if err != nil {
				return nil, atKey(err, k)
			}
			got = append(got, member{k, n})
		}
	}
	checkRead(t, []readCase{
		{name: "empty", in: `{}`, want: []member{}},
		{name: "spaced empty", in: ` { } `, want: []member{}},
		{name: "members", in: `{"a":1, "b" : 2 }`, want: []member{{"a", 1}, {"b", 2}}},
		{name: "escaped key", in: `{"\u0061\n":1}`, want: []member{{"a\n", 1}}},
		{name: "bad value path", in: `{"a":1,"b c":"x"}`, wantKind: KindWrongType, wantPath: `$["b c"]`, wantReason: "want integer, got string"},
		{name: "leading comma", in: `{,"a":1}`, wantKind: KindSyntax, wantPath: "$", wantReason: "want a key"},
		{name: "array", in: `[]`, wantKind: KindWrongType, wantPath: "$", wantReason: "want object, got array"},
		{name: "null", in: `null`, wantKind: KindNull, wantPath: "$", wantReason: "want object, got null"},
		{name: "nothing", in: ` `, wantKind: KindSyntax, wantPath: "$", wantReason: "unexpected end of input"},
	}, read)
}

func TestArrayIteration(t *testing.T) {
	read := func(d *decoder) (any, error) {
		if err := d.beginArray(); err != nil {
			return nil, err
		}
		got := []bool{}
		for i := 0; ; i++ {
			ok, err := d.nextElem()
			if err != nil {
				return nil, err
			}
			if !ok {
				return got, nil
			}
			b, err := d.readBool()
			if err != nil {
				return nil, atIndex(err, i)
			}
			got = append(got, b)
		}
	}
	checkRead(t, []readCase{
		{name: "empty", in: `[ ]`, want: []bool{}},
		{name: "elements", in: `[true, false,true]`, want: []bool{true, false, true}},
		{name: "bad element", in: `[true,1]`, wantKind: KindWrongType, wantPath: "$[1]", wantReason: "want boolean, got number"},
		{name: "trailing comma", in: `[true,]`, wantKind: KindSyntax, wantPath: "$", wantReason: "want a value"},
		{name: "leading comma", in: `[,true]`, wantKind: KindSyntax, wantPath: "$[0]"},
		{name: "unclosed", in: `[true`, wantKind: KindSyntax, wantPath: "$", wantReason: "unexpected end of input, want ',' or ']'"},
		{name: "object", in: `{}`, wantKind: KindWrongType, wantPath: "$", wantReason: "want array, got object"},
	}, read)
}

func TestNull(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		want   bool
		wantAt int
	}{
		{name: "null", in: ` null`, want: true, wantAt: 5},
		{name: "not null", in: ` nul`, want: false, wantAt: 1},
		{name: "string", in: `"null"`, want: false, wantAt: 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := decoder{data: []byte(tt.in)}
			if got := d.null(); got != tt.want || d.pos != tt.wantAt {
				t.Errorf("null() = %v at %d, want %v at %d", got, d.pos, tt.want, tt.wantAt)
			}
		})
	}
}

// TestSkipSafe checks the eight-bytes-at-a-time scan against the table, for every byte
// value at every position of a word and across word boundaries.
func TestSkipSafe(t *testing.T) {
	for c := 0; c < 256; c++ {
		for p := 0; p < 17*6; p++ {
			// Each byte value at each position, alone or followed by a second special byte
			// (which must not hide the first).
			b := []byte(strings.Repeat("a", 19))
			b[p%17] = byte(c)
			if after := []byte{0, '"', '\\', 0x80, 0x1f}; p >= 17 {
				b[p%17+1] = after[p/17-1]
			}
			want := 0
			for want < len(b) && strSafe[b[want]] == 1 {
				want++
			}
			if got := skipSafe(b, 0); got != want {
				t.Fatalf("skipSafe(%q) = %d, want %d", b, got, want)
			}
			if got := skipSafeString(string(b), 0); got != want {
				t.Fatalf("skipSafeString(%q) = %d, want %d", b, got, want)
			}
		}
	}
	for c := 0; c < 256; c++ {
		want := 0
		if c >= 0x20 && c < 0x80 && c != '"' && c != '\\' {
			want = 1
		}
		if int(strSafe[c]) != want {
			t.Errorf("strSafe[%#x] = %d, want %d", c, strSafe[c], want)
		}
	}
}
