package wire

import (
	"encoding/base64"
	"math"
	"math/bits"
	"strconv"
	"sync"
	"time"
	"unicode/utf8"
)

// hexDigits spells the low byte of \u00XX escapes.
const hexDigits = "0123456789abcdef"

// appendString appends s as a quoted JSON string. Runs of safe bytes are copied in one
// append; '"', '\\' and control bytes are escaped; invalid UTF-8 becomes U+FFFD, as
// encoding/json writes it.
func appendString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if strSafe[c] == 1 {
			i = skipSafeString(s, i+1)
			continue
		}
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				dst = append(dst, s[start:i]...)
				dst = append(dst, `\ufffd`...)
				i++
				start = i
				continue
			}
			i += size
			continue
		}
		dst = append(dst, s[start:i]...)
		switch c {
		case '"', '\\':
			dst = append(dst, '\\', c)
		case '\n':
			dst = append(dst, '\\', 'n')
		case '\r':
			dst = append(dst, '\\', 'r')
		case '\t':
			dst = append(dst, '\\', 't')
		case '\b':
			dst = append(dst, '\\', 'b')
		case '\f':
			dst = append(dst, '\\', 'f')
		default:
			dst = append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
		}
		i++
		start = i
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// skipSafeString is skipSafe for a string.
func skipSafeString(s string, i int) int {
	for i+8 <= len(s) {
		x := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		q := x ^ (lanes01 * '"')
		b := x ^ (lanes01 * '\\')
		if m := ((x-lanes01*0x20)&^x | (q-lanes01)&^q | (b-lanes01)&^b | x) & lanes80; m != 0 {
			return i + bits.TrailingZeros64(m)>>3
		}
		i += 8
	}
	for i < len(s) && strSafe[s[i]] == 1 {
		i++
	}
	return i
}

// appendInt appends v in decimal.
func appendInt(dst []byte, v int64) []byte {
	return strconv.AppendInt(dst, v, 10)
}

// appendBool appends true or false.
func appendBool(dst []byte, v bool) []byte {
	return strconv.AppendBool(dst, v)
}

// appendFloat appends f as encoding/json writes a float64. NaN and infinities have no JSON
// form; Validate rejects them before an encoder runs, and should one get here it is written
// as null so the output stays JSON.
func appendFloat(dst []byte, f float64) []byte {
	if !finite(f) {
		return append(dst, "null"...)
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	dst = strconv.AppendFloat(dst, f, format, -1, 64)
	if format == 'e' {
		// encoding/json writes e-07 as e-7.
		n := len(dst)
		if n >= 4 && dst[n-4] == 'e' && dst[n-3] == '-' && dst[n-2] == '0' {
			dst[n-2] = dst[n-1]
			dst = dst[:n-1]
		}
	}
	return dst
}

// finite reports whether f is neither NaN nor an infinity.
func finite(f float64) bool {
	return !math.IsNaN(f) && !math.IsInf(f, 0)
}

// appendTime appends t as a quoted RFC 3339 timestamp with as many fractional digits as it
// needs, in t's own offset.
func appendTime(dst []byte, t time.Time) []byte {
	dst = append(dst, '"')
	dst = t.AppendFormat(dst, time.RFC3339Nano)
	return append(dst, '"')
}

// appendUUID appends a UUID quoted and in lower case. s has been validated.
func appendUUID(dst []byte, s string) []byte {
	dst = append(dst, '"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'F' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return append(dst, '"')
}

// appendBase64 appends b as a quoted standard base64 string.
func appendBase64(dst []byte, b []byte) []byte {
	dst = append(dst, '"')
	dst = base64.StdEncoding.AppendEncode(dst, b)
	return append(dst, '"')
}

// appendRawJSON appends raw JSON text unchanged; empty raw is written as null.
func appendRawJSON(dst []byte, raw []byte) []byte {
	if len(raw) == 0 {
		return append(dst, "null"...)
	}
	return append(dst, raw...)
}

// maxPooledBuf is the largest buffer put back in the pool; bigger ones are left to the
// garbage collector, so that one huge frame does not pin its memory.
const maxPooledBuf = 64 << 10

// bufPool holds encode buffers. A sync.Pool, the one package-level variable here, is
// safe for concurrent use and holds no state that changes output.
var bufPool = sync.Pool{New: func() any { b := make([]byte, 0, 1024); return &b }}

// encodeBuffered runs fn on a pooled buffer and returns a copy of what it appended: one
// allocation for the result. On error it returns nil and the error.
func encodeBuffered(fn func(dst []byte) ([]byte, error)) ([]byte, error) {
	bp, ok := bufPool.Get().(*[]byte)
	if !ok { // only *[]byte is ever put in the pool; be safe anyway
		bp = new([]byte)
	}
	b, err := fn((*bp)[:0])
	var out []byte
	if err == nil {
		out = make([]byte, len(b))
		copy(out, b)
	}
	if cap(b) <= maxPooledBuf {
		*bp = b[:0]
		bufPool.Put(bp)
	}
	return out, err
}
