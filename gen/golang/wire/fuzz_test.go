package wire

import (
	"bytes"
	"encoding/json"
	"errors"
	"math/big"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// jsonSeeds are inputs for every fuzz target: good, bad, and the cases where SCHEMA.md is
// stricter than encoding/json.
var jsonSeeds = []string{
	`{}`, `[]`, `""`, `0`, `-0.5e+10`, `true`, `false`, `null`, ` {"a" : [1, "x", {"b": null}]} `,
	`{"a":1,"a":2}`, `{"a":{"b":1,"\u0062":2}}`, `"\ud800"`, `"\udc00\ud800"`, `"\ud83d\ude00"`,
	"\"\xff\"", "\"\xed\xa0\x80\"", "\"a\nb\"", `"\u00e9"`, `{"a":1,}`, `[1,]`, `[01]`, `1.`, `-`,
	`{"a" 1}`, `[1 2]`, `"abc`, `tru`, `nul`, `1e999`, `9223372036854775808`, `1.0`, `1e3`, `15e-1`,
	`{"type":"ping","id":"x"}`, `"2024-01-02T03:04:05.123+02:00"`, `"aGk="`, "1 2", "[\xff]",
	strings.Repeat("[", 50) + strings.Repeat("]", 50), `{"":0,"\u0000":1}`, `"\/\b\f\n\r\t\"\\"`,
}

// checkDecodeError fails unless err is a *DecodeError with a known kind and a rooted path.
func checkDecodeError(t *testing.T, in []byte, err error) *DecodeError {
	t.Helper()
	var de *DecodeError
	if !errors.As(err, &de) {
		t.Fatalf("input %q: error %v is not a *DecodeError", in, err)
	}
	if de.Kind < KindTooLarge || de.Kind > KindConstraint || !strings.HasPrefix(de.Path, "$") || de.Reason == "" {
		t.Fatalf("input %q: malformed error %+v", in, de)
	}
	return de
}

// FuzzSkipValue checks that skip accepts exactly what json.Valid accepts, except where
// SCHEMA.md is stricter: duplicate keys, invalid UTF-8 and lone surrogates.
func FuzzSkipValue(f *testing.F) {
	for _, s := range jsonSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		d := decoder{data: in}
		err := d.skip()
		if err == nil {
			err = d.end()
		}
		valid := json.Valid(in)
		if err == nil {
			if !valid {
				t.Fatalf("skip accepts %q, json.Valid does not", in)
			}
			if !validRawJSON(in) {
				t.Fatalf("validRawJSON rejects %q, skip accepts it", in)
			}
			rd := decoder{data: in}
			raw, err := rd.readRaw()
			if err != nil || !bytes.Equal(raw, bytes.TrimSpace(in)) {
				t.Fatalf("readRaw(%q) = %q, %v", in, raw, err)
			}
			return
		}
		de := checkDecodeError(t, in, atRoot(err))
		if !valid {
			return
		}
		switch {
		case de.Kind == KindDuplicateKey && hasDuplicateKey(in):
		case de.Kind == KindInvalidUTF8 && (!utf8.Valid(in) || surrogateEscape.Match(in)):
		default:
			t.Fatalf("skip rejects %q (%v), json.Valid accepts it", in, err)
		}
	})
}

// surrogateEscape matches a \u escape of a surrogate (it may also match a "\\u…" that is
// not an escape: good enough to confirm a rejection, never to make one).
var surrogateEscape = regexp.MustCompile(`\\u[dD][89abcdefABCDEF][0-9a-fA-F]{2}`)

// hasDuplicateKey reports whether valid JSON in has an object with a repeated key, found
// with encoding/json's tokenizer (an oracle independent of the scanner under test).
func hasDuplicateKey(in []byte) bool {
	type frame struct {
		object  bool
		wantKey bool
		keys    map[string]bool
	}
	var stack []*frame
	dec := json.NewDecoder(bytes.NewReader(in))
	for {
		tok, err := dec.Token()
		if err != nil {
			return false
		}
		var top *frame
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		if top != nil && top.object && top.wantKey {
			if key, ok := tok.(string); ok {
				if top.keys[key] {
					return true
				}
				top.keys[key] = true
				top.wantKey = false
				continue
			}
		}
		switch tok {
		case json.Delim('{'):
			stack = append(stack, &frame{object: true, wantKey: true, keys: map[string]bool{}})
			continue
		case json.Delim('['):
			stack = append(stack, &frame{})
			continue
		case json.Delim('}'), json.Delim(']'):
			stack = stack[:len(stack)-1]
		}
		// A value (scalar or closed container) completes its parent's member.
		if len(stack) > 0 && stack[len(stack)-1].object {
			stack[len(stack)-1].wantKey = true
		}
	}
}

// FuzzReadString checks readString against encoding/json on the same input, and that
// appendString round-trips what it reads.
func FuzzReadString(f *testing.F) {
	for _, s := range jsonSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		d := decoder{data: in}
		got, err := d.readString()
		if err == nil {
			err = d.end()
		}
		var want string
		jerr := json.Unmarshal(in, &want)
		isString := len(bytes.TrimSpace(in)) > 0 && bytes.TrimSpace(in)[0] == '"'
		if err == nil {
			if jerr != nil || got != want {
				t.Fatalf("readString(%q) = %q; encoding/json: %q, %v", in, got, want, jerr)
			}
			back := decoder{data: appendString(nil, got)}
			if again, err := back.readString(); err != nil || again != got {
				t.Fatalf("round trip of %q gives %q, %v", got, again, err)
			}
			return
		}
		de := checkDecodeError(t, in, atRoot(err))
		if jerr == nil && isString && de.Kind != KindInvalidUTF8 {
			t.Fatalf("readString rejects %q (%v), encoding/json accepts it", in, err)
		}
	})
}

// FuzzReadInt64 checks readInt64 against exact rational arithmetic.
func FuzzReadInt64(f *testing.F) {
	for _, s := range jsonSeeds {
		f.Add([]byte(s))
	}
	for _, s := range []string{"-9223372036854775808", "9.223372036854775807e18", "100e-2", "0.000e5", "12.50e1"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		d := decoder{data: in}
		n, err := d.readInt64()
		if err == nil {
			err = d.end()
		}
		text := string(bytes.TrimSpace(in))
		isNumber := json.Valid(in) && text != "" && (text[0] == '-' || isDigit(text[0]))
		if !isNumber {
			if err == nil {
				t.Fatalf("readInt64 accepts non-number %q", in)
			}
			checkDecodeError(t, in, atRoot(err))
			return
		}
		if exponentTooLong(text) {
			if err != nil {
				checkDecodeError(t, in, atRoot(err))
			}
			return
		}
		r, ok := new(big.Rat).SetString(text)
		if !ok {
			t.Fatalf("big.Rat cannot parse %q", text)
		}
		fits := r.IsInt() && r.Num().IsInt64()
		if err != nil {
			if fits {
				t.Fatalf("readInt64 rejects integral %q (%v)", in, err)
			}
			if de := checkDecodeError(t, in, atRoot(err)); de.Kind != KindWrongType {
				t.Fatalf("readInt64(%q) kind %v, want wrong type", in, de.Kind)
			}
			return
		}
		if !fits || r.Num().Int64() != n {
			t.Fatalf("readInt64(%q) = %d, exact value %s", in, n, r.RatString())
		}
	})
}

// exponentTooLong reports numbers whose exact value is too costly for big.Rat.
func exponentTooLong(s string) bool {
	i := strings.IndexAny(s, "eE")
	return i >= 0 && len(strings.TrimLeft(s[i+1:], "+-")) > 3
}

// FuzzParseTime checks that every timestamp parseTime accepts, time.Parse accepts as the
// same instant in the same offset, and that appendTime writes it back readably.
func FuzzParseTime(f *testing.F) {
	for _, s := range []string{"2024-01-02T03:04:05Z", "2024-02-29T23:59:59.999999999+14:00", "0000-01-01T00:00:00-23:59",
		"2023-02-29T00:00:00Z", "2024-01-02T03:04:05.Z", "2024-01-02T03:04:05.1234567891Z", "2024-01-02 03:04:05Z"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := parseTime([]byte(s))
		if !ok {
			return
		}
		want, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatalf("parseTime accepts %q, time.Parse does not: %v", s, err)
		}
		_, gotOff := got.Zone()
		_, wantOff := want.Zone()
		if !got.Equal(want) || gotOff != wantOff {
			t.Fatalf("parseTime(%q) = %v, time.Parse = %v", s, got, want)
		}
		d := decoder{data: appendTime(nil, got)}
		back, err := d.readTime()
		if err != nil || !back.Equal(got) {
			t.Fatalf("round trip of %v: %v, %v", got, back, err)
		}
	})
}

// FuzzAppendString checks that appendString writes valid JSON that decodes to what
// encoding/json's text for the same string decodes to.
func FuzzAppendString(f *testing.F) {
	for _, s := range stringSamples {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := appendString(nil, s)
		if !json.Valid(got) {
			t.Fatalf("appendString(%q) = %s: not valid JSON", s, got)
		}
		want, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		var gv, wv string
		if json.Unmarshal(got, &gv) != nil || json.Unmarshal(want, &wv) != nil || gv != wv {
			t.Fatalf("appendString(%q) = %s decodes to %q, encoding/json's %s to %q", s, got, gv, want, wv)
		}
	})
}
