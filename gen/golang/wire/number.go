package wire

import (
	"math"
	"strconv"
)

// isDigit reports whether c is an ASCII digit.
func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// scanNumber checks the JSON number at d.pos against the grammar
// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? and moves past it. plain reports that it
// has neither fraction nor exponent.
func (d *decoder) scanNumber() (start int, plain bool, err error) {
	data := d.data
	start = d.pos
	i := start
	if i < len(data) && data[i] == '-' {
		i++
	}
	switch {
	case i < len(data) && data[i] == '0':
		i++
	case i < len(data) && isDigit(data[i]):
		for i < len(data) && isDigit(data[i]) {
			i++
		}
	default:
		return 0, false, syntaxErrAt(data, i, "a digit")
	}
	plain = true
	if i < len(data) && data[i] == '.' {
		plain = false
		i++
		if i >= len(data) || !isDigit(data[i]) {
			return 0, false, syntaxErrAt(data, i, "a digit after '.'")
		}
		for i < len(data) && isDigit(data[i]) {
			i++
		}
	}
	if i < len(data) && (data[i] == 'e' || data[i] == 'E') {
		plain = false
		i++
		if i < len(data) && (data[i] == '+' || data[i] == '-') {
			i++
		}
		if i >= len(data) || !isDigit(data[i]) {
			return 0, false, syntaxErrAt(data, i, "a digit in the exponent")
		}
		for i < len(data) && isDigit(data[i]) {
			i++
		}
	}
	d.pos = i
	return start, plain, nil
}

// atNumber reports whether a number starts at d.pos (after white space).
func (d *decoder) atNumber() bool {
	d.ws()
	return d.pos < len(d.data) && (d.data[d.pos] == '-' || isDigit(d.data[d.pos]))
}

// readInt64 reads an integral number: 1.0 and 1e3 are integers, 1.5 and numbers beyond
// int64 are KindWrongType.
func (d *decoder) readInt64() (int64, error) {
	if !d.atNumber() {
		return 0, d.typeErr("integer")
	}
	start, plain, err := d.scanNumber()
	if err != nil {
		return 0, err
	}
	b := d.data[start:d.pos]
	if plain && len(b) <= 18 {
		// At most 18 digits: no overflow possible.
		neg := b[0] == '-'
		if neg {
			b = b[1:]
		}
		var n int64
		for _, c := range b {
			n = n*10 + int64(c-'0')
		}
		if neg {
			n = -n
		}
		return n, nil
	}
	n, reason := parseIntegral(b)
	if reason != "" {
		return 0, decodeErr(KindWrongType, reason)
	}
	return n, nil
}

// readInt32 reads an integral number within int32.
func (d *decoder) readInt32() (int32, error) {
	n, err := d.readInt64()
	if err != nil {
		return 0, err
	}
	if n < math.MinInt32 || n > math.MaxInt32 {
		return 0, decodeErr(KindWrongType, "integer out of range for int32")
	}
	return int32(n), nil
}

// readFloat64 reads a number.
func (d *decoder) readFloat64() (float64, error) {
	if !d.atNumber() {
		return 0, d.typeErr("number")
	}
	start, _, err := d.scanNumber()
	if err != nil {
		return 0, err
	}
	// string(...) of a short, non-escaping conversion does not allocate.
	f, err := strconv.ParseFloat(string(d.data[start:d.pos]), 64)
	if err != nil {
		return 0, decodeErr(KindWrongType, "number out of range for float64")
	}
	return f, nil
}

// maxExp caps exponents while parsing: beyond it, no input that fits in memory has
// enough digits to bring the value back into int64 range.
const maxExp = 1 << 40

// parseIntegral converts a number that scanNumber accepted to int64, or says why it cannot
// ("" when it can).
func parseIntegral(b []byte) (int64, string) {
	neg := b[0] == '-'
	if neg {
		b = b[1:]
	}
	intEnd := 0
	for intEnd < len(b) && isDigit(b[intEnd]) {
		intEnd++
	}
	intPart, rest := b[:intEnd], b[intEnd:]
	var frac []byte
	if len(rest) > 0 && rest[0] == '.' {
		j := 1
		for j < len(rest) && isDigit(rest[j]) {
			j++
		}
		frac, rest = rest[1:j], rest[j:]
	}
	var exp int64
	if len(rest) > 0 { // 'e' or 'E'
		rest = rest[1:]
		expNeg := false
		if rest[0] == '+' || rest[0] == '-' {
			expNeg = rest[0] == '-'
			rest = rest[1:]
		}
		for _, c := range rest {
			if exp < maxExp {
				exp = exp*10 + int64(c-'0')
			}
		}
		if expNeg {
			exp = -exp
		}
	}
	// The digits of intPart and frac, read as one run; digit j has the place value
	// 10^(len(intPart)-1-j+exp).
	n := len(intPart) + len(frac)
	digit := func(j int) byte {
		if j < len(intPart) {
			return intPart[j]
		}
		return frac[j-len(intPart)]
	}
	first, last := -1, -1
	for j := 0; j < n; j++ {
		if digit(j) != '0' {
			if first < 0 {
				first = j
			}
			last = j
		}
	}
	if first < 0 {
		return 0, ""
	}
	power := int64(len(intPart)-1-last) + exp
	if power < 0 {
		return 0, "want integer, got a number with a fraction"
	}
	if int64(last-first+1)+power > 19 {
		return 0, "integer out of range for int64"
	}
	limit := uint64(math.MaxInt64)
	if neg {
		limit++
	}
	var u uint64
	for j := first; j <= last; j++ {
		u = u*10 + uint64(digit(j)-'0') // at most 19 digits: fits in uint64
	}
	for ; power > 0; power-- {
		if u > limit/10 {
			return 0, "integer out of range for int64"
		}
		u *= 10
	}
	if u > limit {
		return 0, "integer out of range for int64"
	}
	if neg {
		return -int64(u), ""
	}
	return int64(u), ""
}
