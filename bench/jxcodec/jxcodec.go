// Package jxcodec encodes and decodes the stdjson frames with github.com/go-faster/jx,
// written by hand the way a jx user would: a reused jx.Encoder or jx.Decoder, keys compared
// as bytes, enums checked with a switch. Like the other peers it does not reject duplicate
// or wrong-case keys.
package jxcodec

import (
	"errors"
	"fmt"
	"time"

	"github.com/go-faster/jx"

	"github.com/framegen/framegen/bench/stdjson"
)

// ErrInvalid is returned for a value that must not reach the wire, or a decoded value the
// schema does not allow (an unlisted enum value, an unknown attachment kind).
var ErrInvalid = errors.New("jxcodec: invalid value")

// EncodeAuthError writes v to e.
func EncodeAuthError(e *jx.Encoder, v *stdjson.AuthError) error {
	if !v.Code.IsValid() || !v.State.IsValid() {
		return ErrInvalid
	}
	e.ObjStart()
	e.FieldStart("type")
	e.Str(stdjson.TagAuthError)
	if v.ID != nil {
		e.FieldStart("id")
		e.Str(*v.ID)
	}
	e.FieldStart("code")
	e.Str(string(v.Code))
	e.FieldStart("message")
	e.Str(v.Message)
	e.FieldStart("state")
	e.Str(string(v.State))
	if v.RetryAfterMs != nil {
		e.FieldStart("retry_after_ms")
		e.Int64(*v.RetryAfterMs)
	}
	e.ObjEnd()
	return nil
}

// EncodeChatMessage writes v to e.
func EncodeChatMessage(e *jx.Encoder, v *stdjson.ChatMessage) error {
	for i := range v.Attachments {
		if k := v.Attachments[i].Kind; k != stdjson.KindImage && k != stdjson.KindFile {
			return ErrInvalid
		}
	}
	e.ObjStart()
	e.FieldStart("type")
	e.Str(stdjson.TagChatMessage)
	if v.ID != nil {
		e.FieldStart("id")
		e.Str(*v.ID)
	}
	e.FieldStart("room_id")
	e.Str(v.RoomID)
	e.FieldStart("author")
	e.ObjStart()
	e.FieldStart("id")
	e.Str(v.Author.ID)
	e.FieldStart("name")
	e.Str(v.Author.Name)
	if v.Author.AvatarURL != nil {
		e.FieldStart("avatar_url")
		e.Str(*v.Author.AvatarURL)
	}
	e.ObjEnd()
	e.FieldStart("text")
	e.Str(v.Text)
	e.FieldStart("sent_at")
	var tb [64]byte
	e.ByteStr(v.SentAt.AppendFormat(tb[:0], time.RFC3339Nano))
	if v.Attachments != nil {
		e.FieldStart("attachments")
		e.ArrStart()
		for i := range v.Attachments {
			a := &v.Attachments[i]
			e.ObjStart()
			e.FieldStart("kind")
			e.Str(a.Kind)
			e.FieldStart("url")
			e.Str(a.URL)
			if a.Kind == stdjson.KindImage {
				e.FieldStart("width")
				e.Int64(a.Width)
				e.FieldStart("height")
				e.Int64(a.Height)
			} else {
				e.FieldStart("mime")
				e.Str(a.Mime)
				if a.Size != nil {
					e.FieldStart("size")
					e.Int64(*a.Size)
				}
			}
			e.ObjEnd()
		}
		e.ArrEnd()
	}
	if v.Mentions != nil {
		e.FieldStart("mentions")
		e.ArrStart()
		for _, m := range v.Mentions {
			e.Str(m)
		}
		e.ArrEnd()
	}
	e.ObjEnd()
	return nil
}

// DecodeAuthError reads an AuthError from d.
func DecodeAuthError(d *jx.Decoder, v *stdjson.AuthError) error {
	return d.ObjBytes(func(d *jx.Decoder, key []byte) error {
		switch string(key) {
		case "type":
			b, err := d.StrBytes()
			if err != nil {
				return err
			}
			if string(b) != stdjson.TagAuthError {
				return fmt.Errorf("type: %w", ErrInvalid)
			}
			v.Type = stdjson.TagAuthError
		case "id":
			s, err := d.Str()
			if err != nil {
				return err
			}
			v.ID = &s
		case "code":
			b, err := d.StrBytes()
			if err != nil {
				return err
			}
			switch c := stdjson.AuthErrorCode(b); c {
			case stdjson.AuthErrorCodeInvalidToken, stdjson.AuthErrorCodeExpired, stdjson.AuthErrorCodeForbidden:
				v.Code = c // the conversion in a switch on constants does not allocate
			default:
				return fmt.Errorf("code: %w", ErrInvalid)
			}
		case "message":
			s, err := d.Str()
			if err != nil {
				return err
			}
			v.Message = s
		case "state":
			s, err := decodeState(d)
			if err != nil {
				return err
			}
			v.State = s
		case "retry_after_ms":
			n, err := d.Int64()
			if err != nil {
				return err
			}
			v.RetryAfterMs = &n
		default:
			return d.Skip()
		}
		return nil
	})
}

func decodeState(d *jx.Decoder) (stdjson.ConnectionState, error) {
	b, err := d.StrBytes()
	if err != nil {
		return "", err
	}
	switch string(b) {
	case "connecting":
		return stdjson.ConnectionStateConnecting, nil
	case "connected":
		return stdjson.ConnectionStateConnected, nil
	case "closing":
		return stdjson.ConnectionStateClosing, nil
	case "closed":
		return stdjson.ConnectionStateClosed, nil
	}
	return "", fmt.Errorf("state: %w", ErrInvalid)
}

// DecodeChatMessage reads a ChatMessage from d.
func DecodeChatMessage(d *jx.Decoder, v *stdjson.ChatMessage) error {
	return d.ObjBytes(func(d *jx.Decoder, key []byte) error {
		var err error
		switch string(key) {
		case "type":
			b, err := d.StrBytes()
			if err != nil {
				return err
			}
			if string(b) != stdjson.TagChatMessage {
				return fmt.Errorf("type: %w", ErrInvalid)
			}
			v.Type = stdjson.TagChatMessage
		case "id":
			s, err := d.Str()
			if err != nil {
				return err
			}
			v.ID = &s
		case "room_id":
			v.RoomID, err = d.Str()
		case "author":
			err = decodeUser(d, &v.Author)
		case "text":
			v.Text, err = d.Str()
		case "sent_at":
			b, err := d.StrBytes()
			if err != nil {
				return err
			}
			if v.SentAt, err = time.Parse(time.RFC3339Nano, string(b)); err != nil {
				return err
			}
		case "attachments":
			v.Attachments = v.Attachments[:0]
			err = d.Arr(func(d *jx.Decoder) error {
				v.Attachments = append(v.Attachments, stdjson.Attachment{})
				return decodeAttachment(d, &v.Attachments[len(v.Attachments)-1])
			})
		case "mentions":
			v.Mentions = v.Mentions[:0]
			err = d.Arr(func(d *jx.Decoder) error {
				s, err := d.Str()
				v.Mentions = append(v.Mentions, s)
				return err
			})
		default:
			err = d.Skip()
		}
		return err
	})
}

func decodeUser(d *jx.Decoder, u *stdjson.User) error {
	return d.ObjBytes(func(d *jx.Decoder, key []byte) error {
		var err error
		switch string(key) {
		case "id":
			u.ID, err = d.Str()
		case "name":
			u.Name, err = d.Str()
		case "avatar_url":
			var s string
			s, err = d.Str()
			u.AvatarURL = &s
		default:
			err = d.Skip()
		}
		return err
	})
}

func decodeAttachment(d *jx.Decoder, a *stdjson.Attachment) error {
	err := d.ObjBytes(func(d *jx.Decoder, key []byte) error {
		var err error
		switch string(key) {
		case "kind":
			var b []byte
			if b, err = d.StrBytes(); err != nil {
				return err
			}
			switch string(b) {
			case stdjson.KindImage:
				a.Kind = stdjson.KindImage
			case stdjson.KindFile:
				a.Kind = stdjson.KindFile
			default:
				return fmt.Errorf("kind: %w", ErrInvalid)
			}
		case "url":
			a.URL, err = d.Str()
		case "width":
			a.Width, err = d.Int64()
		case "height":
			a.Height, err = d.Int64()
		case "mime":
			a.Mime, err = d.Str()
		case "size":
			var n int64
			n, err = d.Int64()
			a.Size = &n
		default:
			err = d.Skip()
		}
		return err
	})
	if err == nil && a.Kind == "" {
		return fmt.Errorf("kind: %w", ErrInvalid)
	}
	return err
}
