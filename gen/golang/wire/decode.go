package wire

import (
	"bytes"
	"encoding/binary"
	"math/bits"
	"strconv"
	"unicode/utf8"
)

// maxDepth bounds the nesting of objects and arrays, as encoding/json does, so that deep
// input cannot exhaust the stack.
const maxDepth = 10000

// strSafe[c] is 1 when byte c stands for itself inside a JSON string, both when reading and
// when writing: not a control byte, '"', '\\', or the start of a multi-byte UTF-8 sequence
// (those are checked one rune at a time). A string constant, so the table is read-only.
const strSafe = "" +
	"\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00" +
	"\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00" +
	"\x01\x01\x00\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01" +
	"\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01" +
	"\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01" +
	"\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x00\x01\x01\x01" +
	"\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01" +
	"\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01" +
	"\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00" +
	"\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00" +
	"\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00" +
	"\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00" +
	"\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00" +
	"\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00" +
	"\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00" +
	"\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"

// decoder reads one JSON text in a single pass. It lives on the caller's stack:
// decoder{data: data}.
type decoder struct {
	data []byte
	pos  int

	depth     int  // objects and arrays open
	afterOpen bool // the last structural byte read was '{' or '[': no ',' may follow

	key     keySpan // the key nextKey returned last, as it stands in data
	keyBuf  []byte  // unescaped key, when it has escapes
	scratch []byte  // unescaped string value, when it has escapes
}

// keySpan locates a key's text between its quotes; esc says it has escapes.
type keySpan struct {
	start, end int
	esc        bool
}

// isSpace reports whether c is JSON white space.
func isSpace(c byte) bool {
	return c <= ' ' && (c == ' ' || c == '\n' || c == '\r' || c == '\t')
}

// ws skips white space.
func (d *decoder) ws() {
	for d.pos < len(d.data) && isSpace(d.data[d.pos]) {
		d.pos++
	}
}

// syntaxErr reports malformed input at d.pos; want says what was expected. A byte that
// starts invalid UTF-8 is KindInvalidUTF8 instead.
func (d *decoder) syntaxErr(want string) error {
	return syntaxErrAt(d.data, d.pos, want)
}

// syntaxErrAt is syntaxErr at offset i of data.
func syntaxErrAt(data []byte, i int, want string) error {
	if i >= len(data) {
		return decodeErr(KindSyntax, "unexpected end of input, want "+want)
	}
	if invalidUTF8(data, i) {
		return invalidUTF8At(i)
	}
	return decodeErr(KindSyntax, "invalid character at offset "+strconv.Itoa(i)+", want "+want)
}

// invalidUTF8 reports whether invalid UTF-8 starts at data[i].
func invalidUTF8(data []byte, i int) bool {
	if data[i] < utf8.RuneSelf {
		return false
	}
	r, size := utf8.DecodeRune(data[i:])
	return r == utf8.RuneError && size <= 1
}

// invalidUTF8At reports invalid UTF-8 at offset i.
func invalidUTF8At(i int) error {
	return decodeErr(KindInvalidUTF8, "invalid UTF-8 at offset "+strconv.Itoa(i))
}

// typeErr reports that the value at d.pos is not a want. A malformed value is reported as
// the syntax error it is, so a type error always describes well-formed JSON.
func (d *decoder) typeErr(want string) error {
	d.ws()
	start := d.pos
	if err := d.skip(); err != nil {
		return err
	}
	return wrongType(want, d.data[start:])
}

// end checks that only white space follows the value.
func (d *decoder) end() error {
	d.ws()
	if d.pos < len(d.data) {
		if invalidUTF8(d.data, d.pos) {
			return invalidUTF8At(d.pos)
		}
		return decodeErr(KindTrailingData, "unexpected data after the value at offset "+strconv.Itoa(d.pos))
	}
	return nil
}

// null consumes a literal null if one comes next.
func (d *decoder) null() bool {
	d.ws()
	if d.pos+4 <= len(d.data) && string(d.data[d.pos:d.pos+4]) == "null" {
		d.pos += 4
		return true
	}
	return false
}

// open enters an object or an array at d.pos.
func (d *decoder) open() error {
	if d.depth >= maxDepth {
		return decodeErr(KindSyntax, "nesting deeper than "+strconv.Itoa(maxDepth)+" at offset "+strconv.Itoa(d.pos))
	}
	d.depth++
	d.pos++
	d.afterOpen = true
	return nil
}

// beginObject consumes the '{' that starts an object.
func (d *decoder) beginObject() error {
	d.ws()
	if d.pos < len(d.data) && d.data[d.pos] == '{' {
		return d.open()
	}
	return d.typeErr("object")
}

// beginArray consumes the '[' that starts an array.
func (d *decoder) beginArray() error {
	d.ws()
	if d.pos < len(d.data) && d.data[d.pos] == '[' {
		return d.open()
	}
	return d.typeErr("array")
}

// nextKey reads the separator before the next member, its key and the ':' after it. It
// returns ok false, having consumed the '}', when the object ends. The key is valid until
// the next call that reads a key.
func (d *decoder) nextKey() (key []byte, ok bool, err error) {
	d.ws()
	if d.pos >= len(d.data) {
		if d.afterOpen {
			return nil, false, d.syntaxErr("a key or '}'")
		}
		return nil, false, d.syntaxErr("',' or '}'")
	}
	c := d.data[d.pos]
	if c == '}' {
		d.afterOpen = false
		d.depth--
		d.pos++
		return nil, false, nil
	}
	if d.afterOpen {
		d.afterOpen = false
	} else {
		if c != ',' {
			return nil, false, d.syntaxErr("',' or '}'")
		}
		d.pos++
		d.ws()
	}
	if d.pos >= len(d.data) || d.data[d.pos] != '"' {
		return nil, false, d.syntaxErr("a key")
	}
	start, end, esc, err := d.scanString()
	if err != nil {
		return nil, false, err
	}
	d.key = keySpan{start: start, end: end, esc: esc}
	if esc {
		d.keyBuf = unescape(room(d.keyBuf, end-start), d.data[start:end])
		key = d.keyBuf
	} else {
		key = d.data[start:end]
	}
	d.ws()
	if d.pos >= len(d.data) || d.data[d.pos] != ':' {
		return nil, false, d.syntaxErr("':' after a key")
	}
	d.pos++
	return key, true, nil
}

// nextElem reads the separator before the next element and reports whether one follows;
// it returns false, having consumed the ']', when the array ends.
func (d *decoder) nextElem() (ok bool, err error) {
	d.ws()
	if d.pos >= len(d.data) {
		if d.afterOpen {
			return false, d.syntaxErr("a value or ']'")
		}
		return false, d.syntaxErr("',' or ']'")
	}
	c := d.data[d.pos]
	if d.afterOpen {
		d.afterOpen = false
		if c == ']' {
			d.depth--
			d.pos++
			return false, nil
		}
		return true, nil
	}
	switch c {
	case ']':
		d.depth--
		d.pos++
		return false, nil
	case ',':
		d.pos++
		d.ws()
		if d.pos < len(d.data) && d.data[d.pos] == ']' {
			return false, d.syntaxErr("a value")
		}
		return true, nil
	}
	return false, d.syntaxErr("',' or ']'")
}

// keyText returns the key at span k, unescaped, as a new string (for error paths).
func (d *decoder) keyText(k keySpan) string {
	if k.esc {
		return string(unescape(nil, d.data[k.start:k.end]))
	}
	return string(d.data[k.start:k.end])
}

// scanString scans the string whose opening quote is at d.pos and moves past its closing
// quote. It returns the span of its content and whether it has escapes, and checks
// everything: escapes, lone surrogates, control bytes and UTF-8.
func (d *decoder) scanString() (start, end int, esc bool, err error) {
	data := d.data
	i := d.pos + 1
	start = i
	for {
		i = skipSafe(data, i)
		if i >= len(data) {
			return 0, 0, false, decodeErr(KindSyntax, "unterminated string at offset "+strconv.Itoa(d.pos))
		}
		switch c := data[i]; {
		case c == '"':
			d.pos = i + 1
			return start, i, esc, nil
		case c == '\\':
			esc = true
			n, err := checkEscape(data, i)
			if err != nil {
				return 0, 0, false, err
			}
			i += n
		case c < ' ':
			return 0, 0, false, decodeErr(KindSyntax, "control character in string at offset "+strconv.Itoa(i))
		case c >= 0xC2 && c <= 0xDF && i+1 < len(data) && data[i+1]&0xC0 == 0x80:
			i += 2 // a two-byte sequence (Latin accents, Greek, Cyrillic …): valid as is
		default:
			r, size := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && size == 1 {
				return 0, 0, false, invalidUTF8At(i)
			}
			i += size
		}
	}
}

// Bytes broadcast to every lane of a uint64, for testing eight string bytes at once.
const (
	lanes01 = 0x0101010101010101
	lanes80 = 0x8080808080808080
)

// skipSafe returns the index of the first byte at or after i that is not safe (strSafe),
// or len(b). It tests eight bytes at a time while they are all plain ASCII.
func skipSafe(b []byte, i int) int {
	for i+8 <= len(b) {
		x := binary.LittleEndian.Uint64(b[i:])
		q := x ^ (lanes01 * '"')
		s := x ^ (lanes01 * '\\')
		// A lane's high bit ends up set when the byte is < 0x20, '"', '\\' or >= 0x80.
		// Borrows only carry upward, so the lowest lane set is the first such byte.
		if m := ((x-lanes01*0x20)&^x | (q-lanes01)&^q | (s-lanes01)&^s | x) & lanes80; m != 0 {
			return i + bits.TrailingZeros64(m)>>3
		}
		i += 8
	}
	for i < len(b) && strSafe[b[i]] == 1 {
		i++
	}
	return i
}

// checkEscape checks the escape sequence at data[i] (a backslash) and returns its length.
// A \u escape of a high surrogate must be followed by one of a low surrogate.
func checkEscape(data []byte, i int) (int, error) {
	if i+1 >= len(data) {
		return 0, decodeErr(KindSyntax, "unterminated string at offset "+strconv.Itoa(i))
	}
	switch data[i+1] {
	case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
		return 2, nil
	case 'u':
		r, ok := hex4(data, i+2)
		if !ok {
			return 0, decodeErr(KindSyntax, "invalid \\u escape at offset "+strconv.Itoa(i))
		}
		switch {
		case r >= 0xDC00 && r <= 0xDFFF:
			return 0, decodeErr(KindInvalidUTF8, "lone surrogate escape at offset "+strconv.Itoa(i))
		case r >= 0xD800 && r < 0xDC00:
			if i+7 < len(data) && data[i+6] == '\\' && data[i+7] == 'u' {
				if r2, ok := hex4(data, i+8); ok && r2 >= 0xDC00 && r2 <= 0xDFFF {
					return 12, nil
				}
			}
			return 0, decodeErr(KindInvalidUTF8, "lone surrogate escape at offset "+strconv.Itoa(i))
		}
		return 6, nil
	}
	return 0, decodeErr(KindSyntax, "invalid escape at offset "+strconv.Itoa(i))
}

// hex4 reads four hex digits at data[i:].
func hex4(data []byte, i int) (rune, bool) {
	if i+4 > len(data) {
		return 0, false
	}
	var r rune
	for _, c := range data[i : i+4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		case 'A' <= c && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}

// unescape appends the content of a checked string (as scanString accepted it) to dst,
// with its escapes resolved. On unchecked input it does not panic.
func unescape(dst, s []byte) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c != '\\' || i+1 >= len(s) {
			j := len(s)
			if k := bytes.IndexByte(s[i+1:], '\\'); k >= 0 {
				j = i + 1 + k
			}
			dst = append(dst, s[i:j]...)
			i = j
			continue
		}
		switch e := s[i+1]; e {
		case 'b':
			dst = append(dst, '\b')
		case 'f':
			dst = append(dst, '\f')
		case 'n':
			dst = append(dst, '\n')
		case 'r':
			dst = append(dst, '\r')
		case 't':
			dst = append(dst, '\t')
		case 'u':
			r, ok := hex4(s, i+2)
			if !ok {
				return dst
			}
			i += 6
			if r >= 0xD800 && r < 0xDC00 && i+1 < len(s) && s[i] == '\\' && s[i+1] == 'u' {
				if r2, ok := hex4(s, i+2); ok && r2 >= 0xDC00 && r2 <= 0xDFFF {
					r = (r-0xD800)<<10 | (r2 - 0xDC00) + 0x10000
					i += 6
				}
			}
			dst = utf8.AppendRune(dst, r)
			continue
		default:
			dst = append(dst, e)
		}
		i += 2
	}
	return dst
}

// room returns buf emptied, with capacity for n bytes: one allocation at most, where
// growing by append would take several.
func room(buf []byte, n int) []byte {
	if cap(buf) < n {
		return make([]byte, 0, n)
	}
	return buf[:0]
}

// stringBytes reads a string and returns its unescaped content, valid until the next read.
func (d *decoder) stringBytes(want string) ([]byte, error) {
	d.ws()
	if d.pos >= len(d.data) || d.data[d.pos] != '"' {
		return nil, d.typeErr(want)
	}
	start, end, esc, err := d.scanString()
	if err != nil {
		return nil, err
	}
	if esc {
		d.scratch = unescape(room(d.scratch, end-start), d.data[start:end])
		return d.scratch, nil
	}
	return d.data[start:end], nil
}

// readStringBytes reads a string without allocating; the bytes are valid until the next
// read.
func (d *decoder) readStringBytes() ([]byte, error) {
	return d.stringBytes("string")
}

// readString reads a string, with one allocation whether or not it has escapes.
func (d *decoder) readString() (string, error) {
	d.ws()
	if d.pos >= len(d.data) || d.data[d.pos] != '"' {
		return "", d.typeErr("string")
	}
	start, end, esc, err := d.scanString()
	if err != nil {
		return "", err
	}
	if !esc {
		return string(d.data[start:end]), nil
	}
	// Unescaping never lengthens the text: a short one fits a buffer on the stack, so the
	// string is the only allocation.
	if end-start <= shortString {
		var buf [shortString]byte
		return string(unescape(buf[:0], d.data[start:end])), nil
	}
	d.scratch = unescape(room(d.scratch, end-start), d.data[start:end])
	return string(d.scratch), nil
}

// shortString is the longest escaped string readString unescapes on the stack.
const shortString = 256

// readBool reads true or false.
func (d *decoder) readBool() (bool, error) {
	d.ws()
	if d.pos+4 <= len(d.data) && string(d.data[d.pos:d.pos+4]) == "true" {
		d.pos += 4
		return true, nil
	}
	if d.pos+5 <= len(d.data) && string(d.data[d.pos:d.pos+5]) == "false" {
		d.pos += 5
		return false, nil
	}
	return false, d.typeErr("boolean")
}
