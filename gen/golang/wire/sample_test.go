package wire

import (
	"time"
)

// This file holds hand-written code in the shape the generator emits for two frames of the
// chat example (SCHEMA.md), AuthError and ChatMessage: it shows the runtime in use, is
// checked against encoding/json in tests, and is what the benchmarks measure.

type sampleState string

type sampleAuthError struct {
	Code         string // enum AuthErrorCode
	Message      string
	State        sampleState
	RetryAfterMs *int64
}

type sampleUser struct {
	ID        string
	Name      string
	AvatarURL *string
}

// sampleAttachment is the union Attachment; its variants are the two structs below.
type sampleAttachment interface{ isAttachment() }

type sampleImage struct {
	URL           string
	Width, Height int64
}

type sampleFile struct {
	URL  string
	Mime string
	Size int64
}

func (sampleImage) isAttachment() {}
func (sampleFile) isAttachment()  {}

type sampleChatMessage struct {
	RoomID      string
	Author      sampleUser
	Text        string
	SentAt      time.Time
	Attachments []sampleAttachment
	Mentions    []string
}

func decodeSampleState(d *decoder) (sampleState, error) {
	b, err := d.readStringBytes()
	if err != nil {
		return "", err
	}
	switch string(b) {
	case "connecting":
		return "connecting", nil
	case "connected":
		return "connected", nil
	case "closing":
		return "closing", nil
	case "closed":
		return "closed", nil
	}
	return "", unknownEnum("ConnectionState", b, "connecting, connected, closing, closed")
}

func (v *sampleAuthError) decode(d *decoder) error {
	if err := d.beginObject(); err != nil {
		return err
	}
	var seen uint64
	var unknown keySet
	for {
		key, ok, err := d.nextKey()
		if err != nil {
			return err
		}
		if !ok {
			break
		}
		switch string(key) {
		case "type":
			if seen&1 != 0 {
				return duplicateKey("type")
			}
			seen |= 1
			if err := d.skip(); err != nil {
				return atKey(err, "type")
			}
		case "code":
			if seen&2 != 0 {
				return duplicateKey("code")
			}
			seen |= 2
			b, err := d.readStringBytes()
			if err != nil {
				return atKey(err, "code")
			}
			switch string(b) {
			case "invalid_token":
				v.Code = "invalid_token"
			case "expired":
				v.Code = "expired"
			case "forbidden":
				v.Code = "forbidden"
			default:
				return atKey(unknownEnum("AuthErrorCode", b, "invalid_token, expired, forbidden"), "code")
			}
		case "message":
			if seen&4 != 0 {
				return duplicateKey("message")
			}
			seen |= 4
			if v.Message, err = d.readString(); err != nil {
				return atKey(err, "message")
			}
		case "state":
			if seen&8 != 0 {
				return duplicateKey("state")
			}
			seen |= 8
			if v.State, err = decodeSampleState(d); err != nil {
				return atKey(err, "state")
			}
		case "retry_after_ms":
			if seen&16 != 0 {
				return duplicateKey("retry_after_ms")
			}
			seen |= 16
			n, err := d.readInt64()
			if err != nil {
				return atKey(err, "retry_after_ms")
			}
			if n < 0 {
				return atKey(constraintError("less than 0"), "retry_after_ms")
			}
			v.RetryAfterMs = &n
		default:
			if err := d.skipUnknown(&unknown); err != nil {
				return err
			}
		}
	}
	for i, k := range [...]string{"code", "message", "state"} {
		if seen&(2<<i) == 0 {
			return missingKey(k)
		}
	}
	return nil
}

func (v *sampleAuthError) appendJSON(dst []byte) []byte {
	dst = append(dst, `{"type":"auth_error","code":`...)
	switch v.Code {
	case "invalid_token":
		dst = append(dst, `"invalid_token"`...)
	case "expired":
		dst = append(dst, `"expired"`...)
	default:
		dst = append(dst, `"forbidden"`...)
	}
	dst = append(dst, `,"message":`...)
	dst = appendString(dst, v.Message)
	dst = append(dst, `,"state":`...)
	dst = appendString(dst, string(v.State)) // generated code writes a constant per value
	if v.RetryAfterMs != nil {
		dst = append(dst, `,"retry_after_ms":`...)
		dst = appendInt(dst, *v.RetryAfterMs)
	}
	return append(dst, '}')
}

func (v *sampleUser) decode(d *decoder) error {
	if err := d.beginObject(); err != nil {
		return err
	}
	var seen uint64
	var unknown keySet
	for {
		key, ok, err := d.nextKey()
		if err != nil {
			return err
		}
		if !ok {
			break
		}
		switch string(key) {
		case "id":
			if seen&1 != 0 {
				return duplicateKey("id")
			}
			seen |= 1
			if v.ID, err = d.readUUID(); err != nil {
				return atKey(err, "id")
			}
		case "name":
			if seen&2 != 0 {
				return duplicateKey("name")
			}
			seen |= 2
			if v.Name, err = d.readString(); err != nil {
				return atKey(err, "name")
			}
		case "avatar_url":
			if seen&4 != 0 {
				return duplicateKey("avatar_url")
			}
			seen |= 4
			s, err := d.readString()
			if err != nil {
				return atKey(err, "avatar_url")
			}
			v.AvatarURL = &s
		default:
			if err := d.skipUnknown(&unknown); err != nil {
				return err
			}
		}
	}
	if seen&1 == 0 {
		return missingKey("id")
	}
	if seen&2 == 0 {
		return missingKey("name")
	}
	return nil
}

func (v *sampleUser) appendJSON(dst []byte) []byte {
	dst = append(dst, `{"id":`...)
	dst = appendUUID(dst, v.ID)
	dst = append(dst, `,"name":`...)
	dst = appendString(dst, v.Name)
	if v.AvatarURL != nil {
		dst = append(dst, `,"avatar_url":`...)
		dst = appendString(dst, *v.AvatarURL)
	}
	return append(dst, '}')
}

// decodeSampleAttachment decodes the union: the tag first, then the variant's object.
func decodeSampleAttachment(d *decoder) (sampleAttachment, error) {
	tag, err := d.findStringTag("kind")
	if err != nil {
		return nil, err
	}
	switch string(tag) {
	case "image":
		var v sampleImage
		return v, decodeMembers(d, "kind", []string{"url", "width", "height"}, func(i int) error {
			var err error
			switch i {
			case 0:
				v.URL, err = d.readString()
			case 1:
				v.Width, err = d.readInt64()
			case 2:
				v.Height, err = d.readInt64()
			}
			return err
		})
	case "file":
		var v sampleFile
		err := decodeMembers(d, "kind", []string{"url", "mime", "size"}, func(i int) error {
			var err error
			switch i {
			case 0:
				v.URL, err = d.readString()
			case 1:
				v.Mime, err = d.readString()
			case 2:
				v.Size, err = d.readInt64()
			}
			return err
		})
		return v, err
	}
	return nil, atKey(unknownEnum("Attachment", tag, "image, file"), "kind")
}

// decodeMembers is a compact stand-in for a generated struct decoder (all keys required),
// enough for the union variants of the sample.
func decodeMembers(d *decoder, tagKey string, keys []string, read func(i int) error) error {
	if err := d.beginObject(); err != nil {
		return err
	}
	var seen uint64
	var unknown keySet
	for {
		key, ok, err := d.nextKey()
		if err != nil {
			return err
		}
		if !ok {
			break
		}
		if string(key) == tagKey {
			if seen&(1<<63) != 0 {
				return duplicateKey(tagKey)
			}
			seen |= 1 << 63
			if err := d.skip(); err != nil {
				return atKey(err, tagKey)
			}
			continue
		}
		i := 0
		for i < len(keys) && keys[i] != string(key) {
			i++
		}
		if i == len(keys) {
			if err := d.skipUnknown(&unknown); err != nil {
				return err
			}
			continue
		}
		if seen&(1<<i) != 0 {
			return duplicateKey(keys[i])
		}
		seen |= 1 << i
		if err := read(i); err != nil {
			return atKey(err, keys[i])
		}
	}
	for i, k := range keys {
		if seen&(1<<i) == 0 {
			return missingKey(k)
		}
	}
	return nil
}

func (v *sampleChatMessage) decode(d *decoder) error {
	if err := d.beginObject(); err != nil {
		return err
	}
	var seen uint64
	var unknown keySet
	for {
		key, ok, err := d.nextKey()
		if err != nil {
			return err
		}
		if !ok {
			break
		}
		switch string(key) {
		case "type":
			if seen&1 != 0 {
				return duplicateKey("type")
			}
			seen |= 1
			if err := d.skip(); err != nil {
				return atKey(err, "type")
			}
		case "room_id":
			if seen&2 != 0 {
				return duplicateKey("room_id")
			}
			seen |= 2
			if v.RoomID, err = d.readString(); err != nil {
				return atKey(err, "room_id")
			}
		case "author":
			if seen&4 != 0 {
				return duplicateKey("author")
			}
			seen |= 4
			if err := v.Author.decode(d); err != nil {
				return atKey(err, "author")
			}
		case "text":
			if seen&8 != 0 {
				return duplicateKey("text")
			}
			seen |= 8
			if v.Text, err = d.readString(); err != nil {
				return atKey(err, "text")
			}
		case "sent_at":
			if seen&16 != 0 {
				return duplicateKey("sent_at")
			}
			seen |= 16
			if v.SentAt, err = d.readTime(); err != nil {
				return atKey(err, "sent_at")
			}
		case "attachments":
			if seen&32 != 0 {
				return duplicateKey("attachments")
			}
			seen |= 32
			if err := d.beginArray(); err != nil {
				return atKey(err, "attachments")
			}
			v.Attachments = make([]sampleAttachment, 0, 4)
			for i := 0; ; i++ {
				ok, err := d.nextElem()
				if err != nil {
					return atKey(err, "attachments")
				}
				if !ok {
					break
				}
				a, err := decodeSampleAttachment(d)
				if err != nil {
					return atKey(atIndex(err, i), "attachments")
				}
				v.Attachments = append(v.Attachments, a)
			}
		case "mentions":
			if seen&64 != 0 {
				return duplicateKey("mentions")
			}
			seen |= 64
			if err := d.beginArray(); err != nil {
				return atKey(err, "mentions")
			}
			v.Mentions = make([]string, 0, 4)
			for i := 0; ; i++ {
				ok, err := d.nextElem()
				if err != nil {
					return atKey(err, "mentions")
				}
				if !ok {
					break
				}
				s, err := d.readString()
				if err != nil {
					return atKey(atIndex(err, i), "mentions")
				}
				v.Mentions = append(v.Mentions, s)
			}
		default:
			if err := d.skipUnknown(&unknown); err != nil {
				return err
			}
		}
	}
	for i, k := range [...]string{"room_id", "author", "text", "sent_at"} {
		if seen&(2<<i) == 0 {
			return missingKey(k)
		}
	}
	return nil
}

func (v *sampleChatMessage) appendJSON(dst []byte) []byte {
	dst = append(dst, `{"type":"chat_message","room_id":`...)
	dst = appendString(dst, v.RoomID)
	dst = append(dst, `,"author":`...)
	dst = v.Author.appendJSON(dst)
	dst = append(dst, `,"text":`...)
	dst = appendString(dst, v.Text)
	dst = append(dst, `,"sent_at":`...)
	dst = appendTime(dst, v.SentAt)
	if v.Attachments != nil {
		dst = append(dst, `,"attachments":[`...)
		for i, a := range v.Attachments {
			if i > 0 {
				dst = append(dst, ',')
			}
			switch a := a.(type) {
			case sampleImage:
				dst = append(dst, `{"kind":"image","url":`...)
				dst = appendString(dst, a.URL)
				dst = append(dst, `,"width":`...)
				dst = appendInt(dst, a.Width)
				dst = append(dst, `,"height":`...)
				dst = appendInt(dst, a.Height)
			case sampleFile:
				dst = append(dst, `{"kind":"file","url":`...)
				dst = appendString(dst, a.URL)
				dst = append(dst, `,"mime":`...)
				dst = appendString(dst, a.Mime)
				dst = append(dst, `,"size":`...)
				dst = appendInt(dst, a.Size)
			}
			dst = append(dst, '}')
		}
		dst = append(dst, ']')
	}
	if v.Mentions != nil {
		dst = append(dst, `,"mentions":[`...)
		for i, s := range v.Mentions {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = appendString(dst, s)
		}
		dst = append(dst, ']')
	}
	return append(dst, '}')
}

// decodeSampleFrame is the entry point: size check, tag, frame, end of input, root path.
func decodeSampleFrame(data []byte) (any, error) {
	if err := checkSize(len(data), 65536); err != nil {
		return nil, atRoot(err)
	}
	d := decoder{data: data}
	tag, err := d.findStringTag("type")
	if err != nil {
		return nil, atRoot(err)
	}
	var f any
	switch string(tag) {
	case "auth_error":
		var v sampleAuthError
		err, f = v.decode(&d), v
	case "chat_message":
		var v sampleChatMessage
		err, f = v.decode(&d), v
	default:
		return nil, &UnknownFrameError{Tag: string(tag)}
	}
	if err == nil {
		err = d.end()
	}
	if err != nil {
		return nil, atRoot(err)
	}
	return f, nil
}
