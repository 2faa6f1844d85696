// Package floor is the hand-written append encoder: the fastest a Go encoder of these
// frames can reasonably be (../../shared/PERF.md, "What mattered"). Straight-line code,
// keys and punctuation as constants, enums checked with a switch, strings escaped with a
// table of safe bytes, times formatted in place, and nothing allocated when dst has room.
// It checks the closed enums and nothing else, so it is a floor, not a peer.
package floor

import (
	"errors"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/framegen/framegen/bench/stdjson"
)

// ErrInvalid is returned for a value that must not reach the wire (an unlisted enum value,
// an unknown attachment kind).
var ErrInvalid = errors.New("floor: invalid value")

// AppendAuthError appends the wire form of v to dst.
func AppendAuthError(dst []byte, v *stdjson.AuthError) ([]byte, error) {
	b := append(dst, `{"type":"auth_error"`...)
	if v.ID != nil {
		b = append(b, `,"id":`...)
		b = appendString(b, *v.ID)
	}
	switch v.Code {
	case stdjson.AuthErrorCodeInvalidToken:
		b = append(b, `,"code":"invalid_token"`...)
	case stdjson.AuthErrorCodeExpired:
		b = append(b, `,"code":"expired"`...)
	case stdjson.AuthErrorCodeForbidden:
		b = append(b, `,"code":"forbidden"`...)
	default:
		return dst, ErrInvalid
	}
	b = append(b, `,"message":`...)
	b = appendString(b, v.Message)
	var err error
	if b, err = appendState(b, v.State); err != nil {
		return dst, err
	}
	if v.RetryAfterMs != nil {
		b = append(b, `,"retry_after_ms":`...)
		b = strconv.AppendInt(b, *v.RetryAfterMs, 10)
	}
	return append(b, '}'), nil
}

func appendState(b []byte, s stdjson.ConnectionState) ([]byte, error) {
	switch s {
	case stdjson.ConnectionStateConnecting:
		return append(b, `,"state":"connecting"`...), nil
	case stdjson.ConnectionStateConnected:
		return append(b, `,"state":"connected"`...), nil
	case stdjson.ConnectionStateClosing:
		return append(b, `,"state":"closing"`...), nil
	case stdjson.ConnectionStateClosed:
		return append(b, `,"state":"closed"`...), nil
	}
	return b, ErrInvalid
}

// AppendChatMessage appends the wire form of v to dst.
func AppendChatMessage(dst []byte, v *stdjson.ChatMessage) ([]byte, error) {
	b := append(dst, `{"type":"chat_message"`...)
	if v.ID != nil {
		b = append(b, `,"id":`...)
		b = appendString(b, *v.ID)
	}
	b = append(b, `,"room_id":`...)
	b = appendString(b, v.RoomID)
	b = append(b, `,"author":{"id":`...)
	b = appendString(b, v.Author.ID)
	b = append(b, `,"name":`...)
	b = appendString(b, v.Author.Name)
	if v.Author.AvatarURL != nil {
		b = append(b, `,"avatar_url":`...)
		b = appendString(b, *v.Author.AvatarURL)
	}
	b = append(b, `},"text":`...)
	b = appendString(b, v.Text)
	b = append(b, `,"sent_at":"`...)
	b = v.SentAt.AppendFormat(b, time.RFC3339Nano)
	b = append(b, '"')
	if v.Attachments != nil {
		b = append(b, `,"attachments":[`...)
		for i := range v.Attachments {
			if i > 0 {
				b = append(b, ',')
			}
			a := &v.Attachments[i]
			switch a.Kind {
			case stdjson.KindImage:
				b = append(b, `{"kind":"image","url":`...)
				b = appendString(b, a.URL)
				b = append(b, `,"width":`...)
				b = strconv.AppendInt(b, a.Width, 10)
				b = append(b, `,"height":`...)
				b = strconv.AppendInt(b, a.Height, 10)
			case stdjson.KindFile:
				if a.Size == nil {
					return dst, ErrInvalid
				}
				b = append(b, `{"kind":"file","url":`...)
				b = appendString(b, a.URL)
				b = append(b, `,"mime":`...)
				b = appendString(b, a.Mime)
				b = append(b, `,"size":`...)
				b = strconv.AppendInt(b, *a.Size, 10)
			default:
				return dst, ErrInvalid
			}
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	if v.Mentions != nil {
		b = append(b, `,"mentions":[`...)
		for i, m := range v.Mentions {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendString(b, m)
		}
		b = append(b, ']')
	}
	return append(b, '}'), nil
}

const hex = "0123456789abcdef"

// appendString writes s as a JSON string, copying runs of bytes that need no escape in one
// append (a comparison is as fast as a 256-entry table here, and is not package state).
// Invalid UTF-8 becomes U+FFFD, as encoding/json does.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i++
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
