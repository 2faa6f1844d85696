package wire

import (
	"fmt"
	"strings"
	"testing"
)

// decodeKnown decodes an object whose only known key is "a" (an integer), with unknown
// keys skipped (ignore) or rejected (reject), as generated code does.
func decodeKnown(d *decoder, reject bool) (any, error) {
	if err := d.beginObject(); err != nil {
		return nil, err
	}
	var seen uint64
	var unknown keySet
	var a int64
	for {
		key, ok, err := d.nextKey()
		if err != nil {
			return nil, err
		}
		if !ok {
			break
		}
		switch string(key) {
		case "a":
			if seen&1 != 0 {
				return nil, duplicateKey("a")
			}
			seen |= 1
			if a, err = d.readInt64(); err != nil {
				return nil, atKey(err, "a")
			}
		default:
			if reject {
				return nil, unknownKey(key)
			}
			if err := d.skipUnknown(&unknown); err != nil {
				return nil, err
			}
		}
	}
	if seen&1 == 0 {
		return nil, missingKey("a")
	}
	return a, nil
}

// manyKeys returns an object with n distinct unknown keys k0…, then the members in tail.
func manyKeys(n int, tail string) string {
	var b strings.Builder
	b.WriteString(`{"a":1`)
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, `,"k%d":%d`, i, i)
	}
	b.WriteString(tail)
	b.WriteString("}")
	return b.String()
}

func TestUnknownKeysIgnored(t *testing.T) {
	read := func(d *decoder) (any, error) { return decodeKnown(d, false) }
	checkRead(t, []readCase{
		{name: "known only", in: `{"a":7}`, want: int64(7)},
		{name: "unknown skipped", in: `{"x":{"y":[1,"2",null]},"a":7,"z":true}`, want: int64(7)},
		{name: "many unknown", in: manyKeys(40, ""), want: int64(1)},
		{name: "escaped known key", in: `{"\u0061":3}`, want: int64(3)},
		{name: "duplicate known", in: `{"a":1,"a":2}`, wantKind: KindDuplicateKey, wantPath: "$.a", wantReason: "duplicate key"},
		{name: "duplicate known, escaped", in: `{"a":1,"\u0061":2}`, wantKind: KindDuplicateKey, wantPath: "$.a"},
		{name: "duplicate unknown", in: `{"a":1,"x":1,"x":2}`, wantKind: KindDuplicateKey, wantPath: "$.x", wantReason: "duplicate key"},
		{name: "duplicate unknown, escaped", in: `{"x y":1,"a":1,"x\u0020y":2}`, wantKind: KindDuplicateKey, wantPath: `$["x y"]`},
		{name: "duplicate unknown past the inline set", in: manyKeys(20, `,"k13":0`), wantKind: KindDuplicateKey, wantPath: "$.k13"},
		{name: "duplicate inside unknown", in: `{"a":1,"x":[{"q":1,"q":2}]}`, wantKind: KindDuplicateKey, wantPath: "$.x[0].q"},
		{name: "malformed unknown", in: `{"a":1,"x":[1,2}`, wantKind: KindSyntax, wantPath: "$.x", wantReason: "want ',' or ']'"},
		{name: "case differs", in: `{"A":1}`, wantKind: KindMissing, wantPath: "$.a", wantReason: "missing required key"},
		{name: "missing", in: `{}`, wantKind: KindMissing, wantPath: "$.a"},
		{name: "wrong value", in: `{"a":"1"}`, wantKind: KindWrongType, wantPath: "$.a", wantReason: "want integer, got string"},
	}, read)
}

func TestUnknownKeysRejected(t *testing.T) {
	read := func(d *decoder) (any, error) { return decodeKnown(d, true) }
	checkRead(t, []readCase{
		{name: "known only", in: `{"a":7}`, want: int64(7)},
		{name: "unknown", in: `{"a":7,"b":1}`, wantKind: KindUnknownKey, wantPath: "$.b", wantReason: "unknown key"},
		{name: "unknown odd key", in: `{"b-c":1}`, wantKind: KindUnknownKey, wantPath: `$["b-c"]`},
	}, read)
}

func TestFindStringTag(t *testing.T) {
	tests := []readCase{
		{name: "first", in: `{"type":"ping","id":1}`, want: "ping"},
		{name: "later", in: `{"id":{"x":[1]},"n":2,"type":"ping"}`, want: "ping"},
		{name: "escaped", in: `{"type":"p\u0069ng"}`, want: "ping"},
		{name: "escaped key", in: `{"t\u0079pe":"ping"}`, want: "ping"},
		{name: "missing", in: `{"id":1}`, wantKind: KindMissing, wantPath: "$.type", wantReason: "missing frame tag"},
		{name: "integer tag", in: `{"type":3}`, wantKind: KindWrongType, wantPath: "$.type", wantReason: "want string, got number"},
		{name: "null tag", in: `{"type":null}`, wantKind: KindNull, wantPath: "$.type"},
		{name: "not an object", in: `["type"]`, wantKind: KindWrongType, wantPath: "$", wantReason: "want object, got array"},
		{name: "malformed before tag", in: `{"id":[1,],"type":"ping"}`, wantKind: KindSyntax, wantPath: "$.id"},
		{name: "empty", in: ``, wantKind: KindSyntax, wantPath: "$"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := decoder{data: []byte(tt.in)}
			tag, err := d.findStringTag("type")
			checkErr(t, atRoot(err), tt.wantKind, tt.wantPath, tt.wantReason)
			if err != nil {
				return
			}
			if string(tag) != tt.want {
				t.Errorf("tag = %q, want %q", tag, tt.want)
			}
			if d.pos != 0 {
				t.Errorf("decoder moved to %d, want it left at 0", d.pos)
			}
			if _, err := decodeWhole(&d); err != nil {
				t.Errorf("reading the object after findStringTag: %v", err)
			}
		})
	}
}

// decodeWhole skips the value at d and checks the end, as a frame decoder would after
// finding the tag.
func decodeWhole(d *decoder) (any, error) {
	if err := d.skip(); err != nil {
		return nil, err
	}
	return nil, d.end()
}

func TestFindIntTag(t *testing.T) {
	tests := []readCase{
		{name: "first", in: `{"op":2,"d":{}}`, want: int64(2)},
		{name: "later", in: `{"d":{},"op":10}`, want: int64(10)},
		{name: "integral float", in: `{"op":1.0}`, want: int64(1)},
		{name: "string tag", in: `{"op":"2"}`, wantKind: KindWrongType, wantPath: "$.op", wantReason: "want integer, got string"},
		{name: "fraction", in: `{"op":1.5}`, wantKind: KindWrongType, wantPath: "$.op", wantReason: "fraction"},
		{name: "missing", in: `{}`, wantKind: KindMissing, wantPath: "$.op"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := decoder{data: []byte(tt.in)}
			tag, err := d.findIntTag("op")
			checkErr(t, atRoot(err), tt.wantKind, tt.wantPath, tt.wantReason)
			if err == nil && tag != tt.want {
				t.Errorf("tag = %d, want %v", tag, tt.want)
			}
		})
	}
}

func TestFindExternalTag(t *testing.T) {
	tests := []readCase{
		{name: "alone", in: `{"ping":{}}`, want: "ping"},
		{name: "after envelope", in: `{"id":"x","seq":1,"auth":{"token":"t"}}`, want: "auth"},
		{name: "before envelope", in: `{"auth":{},"id":"x"}`, want: "auth"},
		{name: "escaped", in: `{"id":"x","\u0070ing":{}}`, want: "ping"},
		{name: "only envelope", in: `{"id":"x","seq":2}`, wantKind: KindMissing, wantPath: "$", wantReason: "missing frame tag"},
		{name: "empty object", in: `{}`, wantKind: KindMissing, wantPath: "$"},
		{name: "malformed envelope", in: `{"id":"x,"ping":{}}`, wantKind: KindSyntax, wantPath: "$"},
		{name: "string", in: `"ping"`, wantKind: KindWrongType, wantPath: "$", wantReason: "want object, got string"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := decoder{data: []byte(tt.in)}
			tag, err := d.findExternalTag("id", "seq")
			checkErr(t, atRoot(err), tt.wantKind, tt.wantPath, tt.wantReason)
			if err == nil && string(tag) != tt.want {
				t.Errorf("tag = %q, want %q", tag, tt.want)
			}
			if d.pos != 0 {
				t.Errorf("decoder moved to %d, want it left at 0", d.pos)
			}
		})
	}
}

func TestValidRawJSON(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want bool
	}{
		{name: "empty means null", in: "", want: true},
		{name: "object", in: `{"a":[1,{"b":null}]}`, want: true},
		{name: "white space around", in: " 1 ", want: true},
		{name: "two values", in: "1 2", want: false},
		{name: "duplicate key", in: `{"a":1,"a":1}`, want: false},
		{name: "lone surrogate", in: `"\udead"`, want: false},
		{name: "white space only", in: "  ", want: false},
		{name: "truncated", in: `{"a":`, want: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := validRawJSON([]byte(tt.in)); got != tt.want {
				t.Errorf("validRawJSON(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestErrorText(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want string
	}{
		{name: "decode", err: atRoot(atKey(atIndex(atKey(decodeErr(KindNull, "want string, got null"), "name"), 2), "users")), want: "$.users[2].name: want string, got null"},
		{name: "odd keys", err: atRoot(atKey(atKey(decodeErr(KindSyntax, "x"), `k"2`), "a b")), want: `$["a b"]["k\"2"]: x`},
		{name: "map key", err: atRoot(atKey(atMapKey(decodeErr(KindNull, "x"), "k"), "meta")), want: `$.meta["k"]: x`},
		{name: "digit first key", err: atRoot(atKey(decodeErr(KindSyntax, "x"), "2fa")), want: `$["2fa"]: x`},
		{name: "empty key", err: atRoot(atKey(decodeErr(KindSyntax, "x"), "")), want: `$[""]: x`},
		{name: "duplicate", err: atRoot(duplicateKey("id")), want: "$.id: duplicate key"},
		{name: "missing", err: atRoot(atKey(missingKey("token"), "payload")), want: "$.payload.token: missing required key"},
		{name: "unknown key", err: atRoot(unknownKey([]byte("x"))), want: "$.x: unknown key"},
		{name: "unknown enum", err: atRoot(atKey(unknownEnum("ConnectionState", []byte("gone"), "connecting, connected"), "state")),
			want: `$.state: unknown value "gone" of ConnectionState (want one of: connecting, connected)`},
		{name: "long enum value is cut", err: atRoot(unknownEnum("E", []byte(strings.Repeat("x", 100)), "a")),
			want: `$: unknown value "` + strings.Repeat("x", 64) + `"… of E (want one of: a)`},
		{name: "unknown int enum", err: atRoot(unknownIntEnum("CloseCode", 4000, "1000, 1008")), want: "$: unknown value 4000 of CloseCode (want one of: 1000, 1008)"},
		{name: "constraint", err: atRoot(atKey(constraintError("longer than 64 characters"), "name")), want: "$.name: longer than 64 characters"},
		{name: "too large", err: atRoot(checkSize(70000, 65536)), want: "$: frame is 70000 bytes, limit 65536"},
		{name: "unknown frame", err: &UnknownFrameError{Tag: "pong"}, want: `unknown frame "pong"`},
		{name: "other direction", err: &UnknownFrameError{Tag: "auth_request", OtherDirection: true}, want: `frame "auth_request" is sent by the other side`},
		{name: "validation", err: &ValidationError{Violations: []Violation{{"$.a", "x"}, {"$.b", "y"}}}, want: "invalid: $.a: x; $.b: y"},
		{name: "validation, empty", err: &ValidationError{}, want: "invalid"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.err.Error(); got != tt.want {
				t.Errorf("Error() = %q, want %q", got, tt.want)
			}
		})
	}
	if err := checkSize(10, 0); err != nil {
		t.Errorf("checkSize with no limit = %v, want nil", err)
	}
	if err := checkSize(10, 10); err != nil {
		t.Errorf("checkSize at the limit = %v, want nil", err)
	}
}

func TestPathHelpersPassOtherErrors(t *testing.T) {
	other := fmt.Errorf("handler: boom")
	if got := atRoot(atIndex(atKey(other, "a"), 1)); got != other {
		t.Errorf("path helpers changed a non-DecodeError: %v", got)
	}
	if got := atKey(nil, "a"); got != nil {
		t.Errorf("atKey(nil) = %v, want nil", got)
	}
}

func TestKindString(t *testing.T) {
	want := []string{"too large", "syntax", "invalid utf-8", "trailing data", "duplicate key", "unknown key",
		"missing", "null", "wrong type", "unknown enum", "constraint"}
	for i, w := range want {
		if got := DecodeErrorKind(i + 1).String(); got != w {
			t.Errorf("DecodeErrorKind(%d).String() = %q, want %q", i+1, got, w)
		}
	}
	if got := DecodeErrorKind(0).String(); got != "DecodeErrorKind(0)" {
		t.Errorf("zero kind = %q, want DecodeErrorKind(0)", got)
	}
}

// TestReasonsHideValues checks that no error about a string quotes the string.
func TestReasonsHideValues(t *testing.T) {
	const secret = "hunter2-SECRET"
	inputs := []string{
		`"` + secret + `\x"`,
		`"` + secret + "\x01\"",
		`"` + secret + "\xff\"",
		`"` + secret,
		`"` + secret + `\ud800"`,
		`"` + secret + `" trailing`,
	}
	readers := map[string]func(d *decoder) error{
		"string": func(d *decoder) error { _, err := d.readString(); return err },
		"int":    func(d *decoder) error { _, err := d.readInt64(); return err },
		"time":   func(d *decoder) error { _, err := d.readTime(); return err },
		"uuid":   func(d *decoder) error { _, err := d.readUUID(); return err },
		"bytes":  func(d *decoder) error { _, err := d.readBytes(); return err },
		"object": func(d *decoder) error { return d.beginObject() },
	}
	for name, read := range readers {
		for _, in := range append(inputs, `"`+secret+`"`) {
			d := decoder{data: []byte(in)}
			err := read(&d)
			if err == nil {
				err = d.end()
			}
			if err != nil && strings.Contains(err.Error(), "hunter2") {
				t.Errorf("%s reader on %q: error %q quotes the value", name, in, err)
			}
		}
	}
}
