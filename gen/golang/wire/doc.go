// Package wire is the runtime that every generated Go package carries: a strict,
// reflection-free JSON scanner, append-style encoders, validation helpers, and the exported
// error types of DESIGN.md "Errors".
//
// It is ordinary, tested Go. The generator (gen/golang, runtime.go) embeds these files,
// renames the package, drops every unexported declaration that the generated code does not
// reach, and writes the rest as wire.gen.go. Everything here therefore depends on the
// standard library only, and every unexported top-level name below is reserved in a
// generated package (runtimeNames in gen/golang lists them).
//
// # Exported API (always kept)
//
//	type DecodeError struct{ Path string; Kind DecodeErrorKind; Reason string } // Error: Path + ": " + Reason
//	type DecodeErrorKind int // KindTooLarge … KindConstraint; String: "too large", "syntax", …
//	type UnknownFrameError struct{ Tag string; OtherDirection bool }
//	type ValidationError struct{ Violations []Violation } // Error: "invalid: $.a: x; $.b: y"
//	type Violation struct{ Path, Reason string }
//	type Null[T any] struct{ V T; Valid bool }
//
// # Paths in decode errors
//
// A reader returns a *DecodeError whose Path is relative to the value it read ("" for the
// value itself). Generated code adds the step it was on while unwinding, only on the error
// path, and its entry point adds the root once:
//
//	atKey(err error, key string) error // ".key", or `["k e y"]` when key is not [A-Za-z_][A-Za-z0-9_]*
//	atIndex(err error, i int) error    // "[i]"
//	atMapKey(err error, key string) error // `["key"]`, always quoted: an entry of a map<T>
//	atRoot(err error) error            // "$" in front; call exactly once, at the top
//
// Errors that are about a member of an object (duplicateKey, missingKey, unknownKey, and
// whatever nextKey or skipUnknown return) are relative to the object and already name the
// key: return them without atKey. Other errors (from the generated code itself, say) pass
// through atKey, atIndex and atRoot unchanged.
//
// # Decoder
//
// A decoder is a value on the caller's stack: d := decoder{data: data}. Each reader skips
// the white space in front of its value itself and consumes exactly that value. No reader
// panics, whatever the input; invalid UTF-8 anywhere is KindInvalidUTF8. Nesting deeper than
// 10000 objects and arrays is KindSyntax (as in encoding/json).
//
//	checkSize(n, max int) error                  // KindTooLarge when max > 0 && n > max; call before parsing
//	(d *decoder) ws()                            // skip white space
//	(d *decoder) end() error                     // only white space may follow: else KindTrailingData
//	(d *decoder) null() bool                     // consume a literal null if one comes next
//	(d *decoder) beginObject() error             // '{'; null is KindNull, anything else KindWrongType
//	(d *decoder) nextKey() (key []byte, ok bool, err error) // next member's key and ':'; ok false after '}'
//	(d *decoder) beginArray() error              // '['; null is KindNull, anything else KindWrongType
//	(d *decoder) nextElem() (ok bool, err error) // true when an element follows; false after ']'
//	(d *decoder) readString() (string, error)    // one allocation; checks UTF-8, control bytes, lone surrogates
//	(d *decoder) readStringBytes() ([]byte, error) // as readString, no allocation; valid until the next read
//	(d *decoder) readBool() (bool, error)
//	(d *decoder) readInt64() (int64, error)      // integral numbers: 1.0 and 1e3 accepted, 1.5 not
//	(d *decoder) readInt32() (int32, error)      // readInt64, range-checked
//	(d *decoder) readFloat64() (float64, error)  // out of float64 range is KindWrongType
//	(d *decoder) readTime() (time.Time, error)   // RFC 3339, in the offset given (UTC for Z)
//	(d *decoder) readUUID() (string, error)      // 8-4-4-4-12 hex, either case; returned lower-case
//	(d *decoder) readBytes() ([]byte, error)     // standard base64 with padding, strict
//	(d *decoder) readRaw() ([]byte, error)       // any value, validated (duplicate keys too), copied
//	(d *decoder) skip() error                    // any value, validated (duplicate keys too)
//	(d *decoder) skipUnknown(ks *keySet) error   // after nextKey: reject a repeat of this unknown key, skip its value
//	(d *decoder) findStringTag(key string) ([]byte, error) // see "Frames"; does not move d
//	(d *decoder) findIntTag(key string) (int64, error)     // see "Frames"; does not move d
//	(d *decoder) findExternalTag(envelope ...string) ([]byte, error) // see "Frames"; does not move d
//
// The key from nextKey and the bytes from readStringBytes and the tag finders point into the
// input or into the decoder's scratch space: use them at once (switch string(key) does not
// allocate) and copy what you keep.
//
// Error constructors, each relative to the object (member errors) or to the value:
//
//	duplicateKey(key string) error  // KindDuplicateKey at ".key": a known key seen twice
//	missingKey(key string) error    // KindMissing at ".key", reason "missing required key"
//	unknownKey(key []byte) error    // KindUnknownKey at ".key" (unknown_fields: reject)
//	unknownEnum(typ string, value []byte, allowed string) error // KindUnknownEnum: unknown value "x" of T (want one of: a, b)
//	unknownIntEnum(typ string, value int64, allowed string) error
//	constraintError(reason string) error // KindConstraint at the value
//	wrongType(want string, got []byte) error // KindWrongType: "want <want>, got <kind of got>"
//
// # Frames
//
// findStringTag and findIntTag look at the object that starts at d's position and return
// the value of member key, wherever it stands (a fast path when it is the first member).
// A missing key is KindMissing at ".key", a value of the wrong JSON type KindWrongType at
// ".key"; members before it are validated on the way. findExternalTag returns the first key
// of that object that is not among envelope (none is KindMissing at ""); the frame decoder
// must then reject any other key beside the tag and the envelope fields with unknownKey,
// whatever unknown_fields says. All three leave d where it was, so the generated frame
// decoder then reads the object from its start (the tag key is a known member: checked for
// duplicates, its value skipped).
//
// # Encoders
//
//	appendString(dst []byte, s string) []byte  // quoted; invalid UTF-8 becomes U+FFFD as in encoding/json
//	appendInt(dst []byte, v int64) []byte
//	appendBool(dst []byte, v bool) []byte
//	appendFloat(dst []byte, f float64) []byte  // encoding/json's text; NaN and ±Inf (which Validate rejects) write null
//	appendTime(dst []byte, t time.Time) []byte // quoted RFC3339Nano in t's own offset
//	appendUUID(dst []byte, s string) []byte    // quoted, lower-cased
//	appendBase64(dst []byte, b []byte) []byte  // quoted standard base64
//	appendRawJSON(dst []byte, raw []byte) []byte // raw unchanged; empty writes null
//	encodeBuffered(fn func(dst []byte) ([]byte, error)) ([]byte, error) // pooled buffer, one copy of the result
//	bufPool sync.Pool; maxPooledBuf        // the pool itself (*[]byte), for senders that write without copying
//
// # Validation
//
//	type vpath struct{ … }                 // a lazy path; the zero value is the root "$"
//	(p *vpath) field(name string) vpath    // $.a.name, or $.a["we ird"]
//	(p *vpath) index(i int) vpath          // $.a[1]
//	(p *vpath) mapKey(k string) vpath      // $.a["k"], always bracketed
//	(p *vpath) String() string
//	type violations struct{ … }
//	(c *violations) add(p vpath, reason string)
//	(c *violations) err() error            // nil, or *ValidationError with every violation in order
//	validUUID(s string) bool               // 8-4-4-4-12 hex, either case
//	validTime(t time.Time) bool            // year 0..9999, offset whole minutes within ±24h
//	validRawJSON(b []byte) bool            // one well-formed value, no duplicate keys; empty means null
//	finite(f float64) bool
//
// Length limits count code points with utf8.RuneCountInString; strings are checked with
// utf8.ValidString. Both are the standard library's, called directly.
//
// # A sketch of generated code
//
// For `User: {id: uuid, name: string, avatar_url: string?}` with unknown_fields: ignore:
//
//	func (v *User) decode(d *decoder) error {
//		if err := d.beginObject(); err != nil {
//			return err
//		}
//		var seen uint64
//		var unknown keySet
//		for {
//			key, ok, err := d.nextKey()
//			if err != nil {
//				return err
//			}
//			if !ok {
//				break
//			}
//			switch string(key) {
//			case "id":
//				if seen&1 != 0 {
//					return duplicateKey("id")
//				}
//				seen |= 1
//				if v.ID, err = d.readUUID(); err != nil {
//					return atKey(err, "id")
//				}
//			case "avatar_url":
//				if seen&4 != 0 {
//					return duplicateKey("avatar_url")
//				}
//				seen |= 4
//				s, err := d.readString()
//				if err != nil {
//					return atKey(err, "avatar_url")
//				}
//				v.AvatarURL = &s
//			// case "name": …
//			default:
//				if err := d.skipUnknown(&unknown); err != nil { // reject: return unknownKey(key)
//					return err
//				}
//			}
//		}
//		if seen&1 == 0 {
//			return missingKey("id")
//		}
//		return nil
//	}
//
//	func (v *User) UnmarshalJSON(data []byte) error {
//		d := decoder{data: data}
//		err := v.decode(&d)
//		if err == nil {
//			err = d.end()
//		}
//		return atRoot(err)
//	}
//
//	func (v User) appendJSON(dst []byte) []byte {
//		dst = append(dst, `{"id":`...)
//		dst = appendUUID(dst, v.ID)
//		dst = append(dst, `,"name":`...)
//		dst = appendString(dst, v.Name)
//		if v.AvatarURL != nil {
//			dst = append(dst, `,"avatar_url":`...)
//			dst = appendString(dst, *v.AvatarURL)
//		}
//		return append(dst, '}')
//	}
//
//	func (v User) validate(c *violations, p *vpath) {
//		if !validUUID(v.ID) {
//			c.add(p.field("id"), "not a UUID")
//		}
//		if n := utf8.RuneCountInString(v.Name); n > 64 {
//			c.add(p.field("name"), "longer than 64 characters")
//		}
//	}
//
//	func (v User) Validate() error {
//		var c violations
//		v.validate(&c, &vpath{})
//		return c.err()
//	}
//
//	func EncodeServerFrame(f ServerFrame) ([]byte, error) {
//		return encodeBuffered(func(dst []byte) ([]byte, error) { return AppendServerFrame(dst, f) })
//	}
//
// A frame decoder (internal tagging on "type") starts with checkSize, then
// tag, err := d.findStringTag("type"), switches on string(tag), and decodes the chosen frame
// from the start of the object; an unknown tag is &UnknownFrameError{Tag: string(tag)}.
// Its errors go through atRoot once.
package wire
