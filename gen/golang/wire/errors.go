package wire

import (
	"strconv"
	"strings"
)

// DecodeError reports why received JSON was refused: where (Path, a JSON path in the
// received text such as $.payload.token), what class of problem (Kind, for mapping to close
// codes without matching text), and a human reason. Reason never quotes a string value from
// the input, so a secret cannot leak through it.
type DecodeError struct {
	Path   string
	Kind   DecodeErrorKind
	Reason string
}

// Error returns Path + ": " + Reason.
func (e *DecodeError) Error() string {
	return e.Path + ": " + e.Reason
}

// DecodeErrorKind classifies a DecodeError.
type DecodeErrorKind int

// The kinds of DecodeError. The zero value is not a kind.
const (
	KindTooLarge     DecodeErrorKind = iota + 1 // input longer than max_frame_bytes
	KindSyntax                                  // malformed JSON
	KindInvalidUTF8                             // invalid UTF-8, or an escaped lone surrogate
	KindTrailingData                            // more than white space after the value
	KindDuplicateKey                            // a key repeated in one object
	KindUnknownKey                              // a key the schema does not name, when unknown_fields: reject
	KindMissing                                 // a required key, or the frame tag, is absent
	KindNull                                    // null where the value is not nullable
	KindWrongType                               // a value of the wrong JSON type or out of range
	KindUnknownEnum                             // a value a closed enum does not list
	KindConstraint                              // a broken constraint (min, max_length, pattern …)
)

// String returns the kind in words, such as "duplicate key".
func (k DecodeErrorKind) String() string {
	switch k {
	case KindTooLarge:
		return "too large"
	case KindSyntax:
		return "syntax"
	case KindInvalidUTF8:
		return "invalid utf-8"
	case KindTrailingData:
		return "trailing data"
	case KindDuplicateKey:
		return "duplicate key"
	case KindUnknownKey:
		return "unknown key"
	case KindMissing:
		return "missing"
	case KindNull:
		return "null"
	case KindWrongType:
		return "wrong type"
	case KindUnknownEnum:
		return "unknown enum"
	case KindConstraint:
		return "constraint"
	}
	return "DecodeErrorKind(" + strconv.Itoa(int(k)) + ")"
}

// UnknownFrameError reports a frame whose tag no frame of the decoded direction has. When
// OtherDirection is set, the tag names a frame that only the other side may send. Integer
// tags appear as decimal text.
type UnknownFrameError struct {
	Tag            string
	OtherDirection bool
}

// Error names the tag and, when it is the other side's, says so.
func (e *UnknownFrameError) Error() string {
	if e.OtherDirection {
		return "frame " + quoteShort(e.Tag) + " is sent by the other side"
	}
	return "unknown frame " + quoteShort(e.Tag)
}

// ValidationError lists every way a value breaks the schema. Validate, the encoders and
// the senders return it; nothing is written when they do.
type ValidationError struct {
	Violations []Violation
}

// Error lists the violations: "invalid: $.a: x; $.b: y".
func (e *ValidationError) Error() string {
	var b strings.Builder
	b.WriteString("invalid")
	for i, v := range e.Violations {
		if i == 0 {
			b.WriteString(": ")
		} else {
			b.WriteString("; ")
		}
		b.WriteString(v.Path)
		b.WriteString(": ")
		b.WriteString(v.Reason)
	}
	return b.String()
}

// Violation is one broken rule: the path of the offending value, relative to the validated
// value ($.author.name), and the reason.
type Violation struct {
	Path   string
	Reason string
}

// Null holds a value that is optional and nullable at once: a nil *Null[T] is an absent
// key, a Null[T] with Valid false is JSON null, and Valid true carries V.
type Null[T any] struct {
	V     T
	Valid bool
}

// maxQuoted bounds how much of an enum value or tag an error message quotes, so a huge
// input does not become a huge message.
const maxQuoted = 64

// quoteShort quotes s as Go would, cut to maxQuoted bytes.
func quoteShort(s string) string {
	if len(s) > maxQuoted {
		return strconv.Quote(s[:maxQuoted]) + "…"
	}
	return strconv.Quote(s)
}

// decodeErr returns a *DecodeError at the value being read (an empty relative path).
func decodeErr(kind DecodeErrorKind, reason string) error {
	return &DecodeError{Kind: kind, Reason: reason}
}

// pathKey renders one object step: .key for identifier-like keys, ["key"] otherwise.
func pathKey(key string) string {
	if isIdent(key) {
		return "." + key
	}
	return "[" + strconv.Quote(key) + "]"
}

// isIdent reports whether s matches [A-Za-z_][A-Za-z0-9_]*.
func isIdent(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '_', 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z':
		case '0' <= c && c <= '9' && i > 0:
		default:
			return false
		}
	}
	return true
}

// atKey puts the object member key in front of a DecodeError's path, for errors from the
// member's value. Other errors pass through.
func atKey(err error, key string) error {
	if e, ok := err.(*DecodeError); ok {
		e.Path = pathKey(key) + e.Path
	}
	return err
}

// atMapKey puts a map entry's key in front of a DecodeError's path, always quoted
// (["k"]), as validation paths write map keys.
func atMapKey(err error, key string) error {
	if e, ok := err.(*DecodeError); ok {
		e.Path = "[" + strconv.Quote(key) + "]" + e.Path
	}
	return err
}

// atIndex puts the array index i in front of a DecodeError's path.
func atIndex(err error, i int) error {
	if e, ok := err.(*DecodeError); ok {
		e.Path = "[" + strconv.Itoa(i) + "]" + e.Path
	}
	return err
}

// atRoot puts $ in front of a DecodeError's path. Entry points call it once.
func atRoot(err error) error {
	if e, ok := err.(*DecodeError); ok {
		e.Path = "$" + e.Path
	}
	return err
}

// duplicateKey reports a known key that an object repeats.
func duplicateKey(key string) error {
	return &DecodeError{Path: pathKey(key), Kind: KindDuplicateKey, Reason: "duplicate key"}
}

// missingKey reports a required key that an object lacks.
func missingKey(key string) error {
	return &DecodeError{Path: pathKey(key), Kind: KindMissing, Reason: "missing required key"}
}

// unknownKey reports a key the schema does not name, under unknown_fields: reject.
func unknownKey(key []byte) error {
	return &DecodeError{Path: pathKey(string(key)), Kind: KindUnknownKey, Reason: "unknown key"}
}

// unknownEnum reports a value that closed enum typ does not list; allowed is the list of
// wire names, comma-separated. Enum values are never secret, so the value is quoted.
func unknownEnum(typ string, value []byte, allowed string) error {
	return decodeErr(KindUnknownEnum, "unknown value "+quoteShort(string(value))+" of "+typ+" (want one of: "+allowed+")")
}

// unknownIntEnum is unknownEnum for integer enums.
func unknownIntEnum(typ string, value int64, allowed string) error {
	return decodeErr(KindUnknownEnum, "unknown value "+strconv.FormatInt(value, 10)+" of "+typ+" (want one of: "+allowed+")")
}

// constraintError reports a value that breaks a schema constraint.
func constraintError(reason string) error {
	return decodeErr(KindConstraint, reason)
}

// wrongType reports a value of the wrong JSON type; got is the value's text (or its first
// byte), of which only the JSON type is named.
func wrongType(want string, got []byte) error {
	g := jsonKind(got)
	if g == "null" {
		return decodeErr(KindNull, "want "+want+", got null")
	}
	return decodeErr(KindWrongType, "want "+want+", got "+g)
}

// jsonKind names the JSON type of the value that b starts with.
func jsonKind(b []byte) string {
	if len(b) == 0 {
		return "end of input"
	}
	switch c := b[0]; {
	case c == '"':
		return "string"
	case c == '{':
		return "object"
	case c == '[':
		return "array"
	case c == 't', c == 'f':
		return "boolean"
	case c == 'n':
		return "null"
	case c == '-', '0' <= c && c <= '9':
		return "number"
	}
	return "invalid character"
}

// checkSize refuses input longer than max bytes before any parsing; max <= 0 means no limit.
func checkSize(n, max int) error {
	if max > 0 && n > max {
		return decodeErr(KindTooLarge, "frame is "+strconv.Itoa(n)+" bytes, limit "+strconv.Itoa(max))
	}
	return nil
}
