package wire

import (
	"encoding/base64"
	"time"
)

// readTime reads an RFC 3339 timestamp, in the offset it was given (UTC for Z).
func (d *decoder) readTime() (time.Time, error) {
	b, err := d.stringBytes("string")
	if err != nil {
		return time.Time{}, err
	}
	t, ok := parseTime(b)
	if !ok {
		return time.Time{}, decodeErr(KindWrongType, "want an RFC 3339 time")
	}
	return t, nil
}

// parseTime parses an RFC 3339 timestamp from bytes, without allocating: what
// time.Parse(time.RFC3339, s) accepts on its strict path (4-digit year, 'T', seconds,
// optional fraction, Z or ±hh:mm), checking day of month and ranges.
func parseTime(s []byte) (time.Time, bool) {
	if len(s) < len("2006-01-02T15:04:05Z") {
		return time.Time{}, false
	}
	ok := true
	num := func(b []byte, min, max int) int {
		x := 0
		for _, c := range b {
			if !isDigit(c) {
				ok = false
				return min
			}
			x = x*10 + int(c-'0')
		}
		if x < min || x > max {
			ok = false
			return min
		}
		return x
	}
	year := num(s[0:4], 0, 9999)
	month := num(s[5:7], 1, 12)
	day := num(s[8:10], 1, daysIn(month, year))
	hour := num(s[11:13], 0, 23)
	minute := num(s[14:16], 0, 59)
	sec := num(s[17:19], 0, 59)
	if !ok || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':' {
		return time.Time{}, false
	}
	s = s[19:]
	nsec := 0
	if len(s) >= 2 && s[0] == '.' && isDigit(s[1]) {
		n := 1
		for n < len(s) && isDigit(s[n]) {
			if n <= 9 {
				nsec = nsec*10 + int(s[n]-'0')
			}
			n++
		}
		for i := n; i <= 9; i++ { // scale to nanoseconds; digits past the ninth are dropped
			nsec *= 10
		}
		s = s[n:]
	}
	if len(s) == 1 && s[0] == 'Z' {
		return time.Date(year, time.Month(month), day, hour, minute, sec, nsec, time.UTC), true
	}
	if len(s) != len("+07:00") || (s[0] != '+' && s[0] != '-') || s[3] != ':' {
		return time.Time{}, false
	}
	oh := num(s[1:3], 0, 23)
	om := num(s[4:6], 0, 59)
	if !ok {
		return time.Time{}, false
	}
	offset := (oh*60 + om) * 60
	if s[0] == '-' {
		offset = -offset
	}
	// FixedZone caches whole-hour offsets, so the common case does not allocate.
	return time.Date(year, time.Month(month), day, hour, minute, sec, nsec, time.FixedZone("", offset)), true
}

// daysIn returns the number of days in month of year (proleptic Gregorian).
func daysIn(month, year int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// validTime reports whether t can be written as RFC 3339 and read back unchanged: a year
// within 0..9999 and an offset of whole minutes within ±24 hours.
func validTime(t time.Time) bool {
	if y := t.Year(); y < 0 || y > 9999 {
		return false
	}
	_, off := t.Zone()
	return off%60 == 0 && off > -24*3600 && off < 24*3600
}

// readUUID reads a UUID in 8-4-4-4-12 hex form, either case, and returns it in lower case.
func (d *decoder) readUUID() (string, error) {
	b, err := d.stringBytes("string")
	if err != nil {
		return "", err
	}
	var out [36]byte
	if !uuidLower(&out, b) {
		return "", decodeErr(KindWrongType, "want a UUID (8-4-4-4-12 hex digits)")
	}
	return string(out[:]), nil
}

// uuidLower writes b in lower case to out and reports whether b is a UUID in 8-4-4-4-12
// hex form.
func uuidLower[S []byte | string](out *[36]byte, b S) bool {
	if len(b) != 36 {
		return false
	}
	for i := 0; i < 36; i++ {
		c := b[i]
		switch i {
		case 8, 13, 18, 23:
			if c != '-' {
				return false
			}
		default:
			switch {
			case isDigit(c), 'a' <= c && c <= 'f':
			case 'A' <= c && c <= 'F':
				c += 'a' - 'A'
			default:
				return false
			}
		}
		out[i] = c
	}
	return true
}

// validUUID reports whether s is a UUID in 8-4-4-4-12 hex form, either case.
func validUUID(s string) bool {
	var out [36]byte
	return uuidLower(&out, s)
}

// readBytes reads a standard base64 string (with padding, no line breaks, zero padding
// bits, so that the text round-trips).
func (d *decoder) readBytes() ([]byte, error) {
	b, err := d.stringBytes("string")
	if err != nil {
		return nil, err
	}
	if !canonicalBase64(b) {
		return nil, decodeErr(KindWrongType, "want standard base64")
	}
	out := make([]byte, base64.StdEncoding.DecodedLen(len(b)))
	n, err := base64.StdEncoding.Decode(out, b)
	if err != nil {
		return nil, decodeErr(KindWrongType, "want standard base64")
	}
	return out[:n], nil
}

// canonicalBase64 rejects what base64.StdEncoding would forgive: line breaks, and
// padding bits that are not zero.
func canonicalBase64(b []byte) bool {
	if len(b)%4 != 0 {
		return false
	}
	for _, c := range b {
		if c == '\r' || c == '\n' {
			return false
		}
	}
	n := len(b)
	switch {
	case n >= 4 && b[n-1] == '=' && b[n-2] == '=':
		return b64val(b[n-3])&0xF == 0
	case n >= 4 && b[n-1] == '=':
		return b64val(b[n-2])&0x3 == 0
	}
	return true
}

// b64val returns the 6-bit value of a standard base64 digit (0 for anything else; the
// decoder rejects those).
func b64val(c byte) byte {
	switch {
	case 'A' <= c && c <= 'Z':
		return c - 'A'
	case 'a' <= c && c <= 'z':
		return c - 'a' + 26
	case isDigit(c):
		return c - '0' + 52
	case c == '+':
		return 62
	case c == '/':
		return 63
	}
	return 0
}
