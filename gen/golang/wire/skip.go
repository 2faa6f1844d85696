package wire

import "bytes"

// keySetInline is how many keys a keySet holds before it switches to a map.
const keySetInline = 8

// keySet remembers the keys of one object that a decoder did not name, to reject a repeat.
// The zero value is empty; it lives on the caller's stack.
type keySet struct {
	n      int
	inline [keySetInline]keySpan
	more   map[string]struct{}
}

// add records the key at span k of data and reports whether it was new.
func (s *keySet) add(data []byte, k keySpan) bool {
	if s.more != nil {
		key := keyString(data, k)
		if _, dup := s.more[key]; dup {
			return false
		}
		s.more[key] = struct{}{}
		return true
	}
	for _, o := range s.inline[:s.n] {
		if sameKey(data, o, k) {
			return false
		}
	}
	if s.n < keySetInline {
		s.inline[s.n] = k
		s.n++
		return true
	}
	s.more = make(map[string]struct{}, 2*keySetInline)
	for _, o := range s.inline[:s.n] {
		s.more[keyString(data, o)] = struct{}{}
	}
	s.more[keyString(data, k)] = struct{}{}
	return true
}

// keyString returns the unescaped key at span k of data.
func keyString(data []byte, k keySpan) string {
	if k.esc {
		return string(unescape(nil, data[k.start:k.end]))
	}
	return string(data[k.start:k.end])
}

// sameKey reports whether the keys at spans a and b of data are equal once unescaped.
func sameKey(data []byte, a, b keySpan) bool {
	if !a.esc && !b.esc {
		return bytes.Equal(data[a.start:a.end], data[b.start:b.end])
	}
	return keyString(data, a) == keyString(data, b)
}

// skipUnknown handles a member whose key (just returned by nextKey) the decoder does not
// name: a second member with the same key is KindDuplicateKey, otherwise the value is
// skipped (and checked).
func (d *decoder) skipUnknown(ks *keySet) error {
	k := d.key
	if !ks.add(d.data, k) {
		return &DecodeError{Path: pathKey(d.keyText(k)), Kind: KindDuplicateKey, Reason: "duplicate key"}
	}
	if err := d.skip(); err != nil {
		return atKey(err, d.keyText(k))
	}
	return nil
}

// skip moves past one value, checking it as strictly as the readers do: syntax, UTF-8,
// lone surrogates, and duplicate keys at any depth.
func (d *decoder) skip() error {
	d.ws()
	if d.pos >= len(d.data) {
		return d.syntaxErr("a value")
	}
	switch c := d.data[d.pos]; c {
	case '"':
		_, _, _, err := d.scanString()
		return err
	case '{':
		return d.skipObject()
	case '[':
		return d.skipArray()
	case 't':
		return d.literal("true")
	case 'f':
		return d.literal("false")
	case 'n':
		return d.literal("null")
	default:
		if c == '-' || isDigit(c) {
			_, _, err := d.scanNumber()
			return err
		}
		return d.syntaxErr("a value")
	}
}

// literal consumes the literal lit (true, false or null) at d.pos.
func (d *decoder) literal(lit string) error {
	if d.pos+len(lit) <= len(d.data) && string(d.data[d.pos:d.pos+len(lit)]) == lit {
		d.pos += len(lit)
		return nil
	}
	for i := 0; i < len(lit); i++ {
		if d.pos+i >= len(d.data) || d.data[d.pos+i] != lit[i] {
			return syntaxErrAt(d.data, d.pos+i, lit)
		}
	}
	return nil
}

// skipObject skips an object, rejecting duplicate keys.
func (d *decoder) skipObject() error {
	if err := d.open(); err != nil {
		return err
	}
	var ks keySet
	for {
		_, ok, err := d.nextKey()
		if err != nil || !ok {
			return err
		}
		k := d.key
		if !ks.add(d.data, k) {
			return &DecodeError{Path: pathKey(d.keyText(k)), Kind: KindDuplicateKey, Reason: "duplicate key"}
		}
		if err := d.skip(); err != nil {
			return atKey(err, d.keyText(k))
		}
	}
}

// skipArray skips an array.
func (d *decoder) skipArray() error {
	if err := d.open(); err != nil {
		return err
	}
	for i := 0; ; i++ {
		ok, err := d.nextElem()
		if err != nil || !ok {
			return err
		}
		if err := d.skip(); err != nil {
			return atIndex(err, i)
		}
	}
}

// readRaw reads any value, checked as skip checks it, and returns a copy of its text.
func (d *decoder) readRaw() ([]byte, error) {
	d.ws()
	start := d.pos
	if err := d.skip(); err != nil {
		return nil, err
	}
	return bytes.Clone(d.data[start:d.pos]), nil
}

// validRawJSON reports whether b is one well-formed JSON value (white space around it
// allowed) without duplicate keys. Empty b counts as valid: appendRawJSON writes it as null.
func validRawJSON(b []byte) bool {
	if len(b) == 0 {
		return true
	}
	d := decoder{data: b}
	return d.skip() == nil && d.end() == nil
}

// findStringTag returns the string value of member key of the object at d.pos, wherever
// the member stands, without moving d. Members before it are checked on the way.
func (d *decoder) findStringTag(key string) ([]byte, error) {
	s := *d
	if err := s.seekMember(key); err != nil {
		return nil, err
	}
	b, err := s.readStringBytes()
	d.scratch, d.keyBuf = s.scratch, s.keyBuf // keep grown buffers
	if err != nil {
		return nil, atKey(err, key)
	}
	return b, nil
}

// findIntTag is findStringTag for integer tags.
func (d *decoder) findIntTag(key string) (int64, error) {
	s := *d
	if err := s.seekMember(key); err != nil {
		return 0, err
	}
	d.scratch, d.keyBuf = s.scratch, s.keyBuf
	n, err := s.readInt64()
	if err != nil {
		return 0, atKey(err, key)
	}
	return n, nil
}

// seekMember enters the object at d.pos and moves to the value of member key.
func (d *decoder) seekMember(key string) error {
	if err := d.beginObject(); err != nil {
		return err
	}
	for {
		k, ok, err := d.nextKey()
		if err != nil {
			return err
		}
		if !ok {
			return &DecodeError{Path: pathKey(key), Kind: KindMissing, Reason: "missing frame tag"}
		}
		if string(k) == key {
			return nil
		}
		span := d.key
		if err := d.skip(); err != nil {
			return atKey(err, d.keyText(span))
		}
	}
}

// findExternalTag returns the first key of the object at d.pos that is not among
// envelope, without moving d: with external tagging, that key is the frame's tag. An
// object with no such key is KindMissing. The frame decoder that reads the object next
// rejects any further key that is neither the tag nor an envelope field.
func (d *decoder) findExternalTag(envelope ...string) ([]byte, error) {
	s := *d
	if err := s.beginObject(); err != nil {
		return nil, err
	}
	for {
		k, ok, err := s.nextKey()
		if err != nil {
			return nil, err
		}
		if !ok {
			return nil, decodeErr(KindMissing, "missing frame tag: no key besides the envelope fields")
		}
		isEnvelope := false
		for _, e := range envelope {
			if string(k) == e {
				isEnvelope = true
				break
			}
		}
		if !isEnvelope {
			d.scratch, d.keyBuf = s.scratch, s.keyBuf
			return k, nil
		}
		span := s.key
		if err := s.skip(); err != nil {
			return nil, atKey(err, s.keyText(span))
		}
	}
}
