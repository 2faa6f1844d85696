package bench

import (
	"fmt"
	"time"

	"github.com/framegen/framegen/bench/chatgen"
	"github.com/framegen/framegen/bench/easy"
	"github.com/framegen/framegen/bench/stdjson"
)

// ToChatgenAuthError converts v to the generated type.
func ToChatgenAuthError(v stdjson.AuthError) chatgen.AuthError {
	return chatgen.AuthError{
		ID:           v.ID,
		Code:         chatgen.AuthErrorCode(v.Code),
		Message:      v.Message,
		State:        chatgen.ConnectionState(v.State),
		RetryAfterMs: v.RetryAfterMs,
	}
}

// FromChatgenAuthError converts v back to the common type.
func FromChatgenAuthError(v chatgen.AuthError) stdjson.AuthError {
	return stdjson.AuthError{
		Type:         stdjson.TagAuthError,
		ID:           v.ID,
		Code:         stdjson.AuthErrorCode(v.Code),
		Message:      v.Message,
		State:        stdjson.ConnectionState(v.State),
		RetryAfterMs: v.RetryAfterMs,
	}
}

// ToChatgenChatMessage converts v to the generated type. An attachment of unknown kind is
// an error.
func ToChatgenChatMessage(v stdjson.ChatMessage) (chatgen.ChatMessage, error) {
	m := chatgen.ChatMessage{
		ID:       v.ID,
		RoomID:   v.RoomID,
		Author:   chatgen.User{ID: v.Author.ID, Name: v.Author.Name, AvatarURL: v.Author.AvatarURL},
		Text:     v.Text,
		SentAt:   v.SentAt,
		Mentions: v.Mentions,
	}
	if v.Attachments != nil {
		m.Attachments = make([]chatgen.Attachment, len(v.Attachments))
	}
	for i, a := range v.Attachments {
		switch a.Kind {
		case stdjson.KindImage:
			m.Attachments[i] = chatgen.ImageAttachment{URL: a.URL, Width: a.Width, Height: a.Height}
		case stdjson.KindFile:
			if a.Size == nil {
				return chatgen.ChatMessage{}, fmt.Errorf("attachment %d: file without size", i)
			}
			m.Attachments[i] = chatgen.FileAttachment{URL: a.URL, Mime: a.Mime, Size: *a.Size}
		default:
			return chatgen.ChatMessage{}, fmt.Errorf("attachment %d: unknown kind %q", i, a.Kind)
		}
	}
	return m, nil
}

// FromChatgenChatMessage converts v back to the common type.
func FromChatgenChatMessage(v chatgen.ChatMessage) (stdjson.ChatMessage, error) {
	m := stdjson.ChatMessage{
		Type:     stdjson.TagChatMessage,
		ID:       v.ID,
		RoomID:   v.RoomID,
		Author:   stdjson.User{ID: v.Author.ID, Name: v.Author.Name, AvatarURL: v.Author.AvatarURL},
		Text:     v.Text,
		SentAt:   v.SentAt,
		Mentions: v.Mentions,
	}
	if v.Attachments != nil {
		m.Attachments = make([]stdjson.Attachment, len(v.Attachments))
	}
	for i, a := range v.Attachments {
		switch a := a.(type) {
		case chatgen.ImageAttachment:
			m.Attachments[i] = stdjson.Attachment{Kind: stdjson.KindImage, URL: a.URL, Width: a.Width, Height: a.Height}
		case chatgen.FileAttachment:
			size := a.Size
			m.Attachments[i] = stdjson.Attachment{Kind: stdjson.KindFile, URL: a.URL, Mime: a.Mime, Size: &size}
		default:
			return stdjson.ChatMessage{}, fmt.Errorf("attachment %d: unexpected %T", i, a)
		}
	}
	return m, nil
}

// ToEasyAuthError converts v to easyjson's copy of the type.
func ToEasyAuthError(v stdjson.AuthError) easy.AuthError {
	return easy.AuthError{
		Type: v.Type, ID: v.ID, Code: easy.AuthErrorCode(v.Code), Message: v.Message,
		State: easy.ConnectionState(v.State), RetryAfterMs: v.RetryAfterMs,
	}
}

// FromEasyAuthError converts v back to the common type.
func FromEasyAuthError(v easy.AuthError) stdjson.AuthError {
	return stdjson.AuthError{
		Type: v.Type, ID: v.ID, Code: stdjson.AuthErrorCode(v.Code), Message: v.Message,
		State: stdjson.ConnectionState(v.State), RetryAfterMs: v.RetryAfterMs,
	}
}

// ToEasyChatMessage converts v to easyjson's copy of the type.
func ToEasyChatMessage(v stdjson.ChatMessage) easy.ChatMessage {
	m := easy.ChatMessage{
		Type: v.Type, ID: v.ID, RoomID: v.RoomID, Author: easy.User(v.Author),
		Text: v.Text, SentAt: v.SentAt, Mentions: v.Mentions,
	}
	if v.Attachments != nil {
		m.Attachments = make([]easy.Attachment, len(v.Attachments))
		for i, a := range v.Attachments {
			m.Attachments[i] = easy.Attachment(a)
		}
	}
	return m
}

// FromEasyChatMessage converts v back to the common type.
func FromEasyChatMessage(v easy.ChatMessage) stdjson.ChatMessage {
	m := stdjson.ChatMessage{
		Type: v.Type, ID: v.ID, RoomID: v.RoomID, Author: stdjson.User(v.Author),
		Text: v.Text, SentAt: v.SentAt, Mentions: v.Mentions,
	}
	if v.Attachments != nil {
		m.Attachments = make([]stdjson.Attachment, len(v.Attachments))
		for i, a := range v.Attachments {
			m.Attachments[i] = stdjson.Attachment(a)
		}
	}
	return m
}

// MapAuthError builds v as a map, the way the founding incident's backend built its frames
// at the call site.
func MapAuthError(v *stdjson.AuthError) map[string]any {
	m := map[string]any{
		"type":    stdjson.TagAuthError,
		"code":    string(v.Code),
		"message": v.Message,
		"state":   string(v.State),
	}
	if v.ID != nil {
		m["id"] = *v.ID
	}
	if v.RetryAfterMs != nil {
		m["retry_after_ms"] = *v.RetryAfterMs
	}
	return m
}

// MapChatMessage builds v as a map, at the call site.
func MapChatMessage(v *stdjson.ChatMessage) map[string]any {
	author := map[string]any{"id": v.Author.ID, "name": v.Author.Name}
	if v.Author.AvatarURL != nil {
		author["avatar_url"] = *v.Author.AvatarURL
	}
	m := map[string]any{
		"type":    stdjson.TagChatMessage,
		"room_id": v.RoomID,
		"author":  author,
		"text":    v.Text,
		"sent_at": v.SentAt,
	}
	if v.ID != nil {
		m["id"] = *v.ID
	}
	if v.Attachments != nil {
		atts := make([]any, len(v.Attachments))
		for i, a := range v.Attachments {
			if a.Kind == stdjson.KindImage {
				atts[i] = map[string]any{"kind": a.Kind, "url": a.URL, "width": a.Width, "height": a.Height}
			} else {
				atts[i] = map[string]any{"kind": a.Kind, "url": a.URL, "mime": a.Mime, "size": *a.Size}
			}
		}
		m["attachments"] = atts
	}
	if v.Mentions != nil {
		m["mentions"] = v.Mentions
	}
	return m
}

// FromMapAuthError reads the map encoding/json decoded back into the common type.
func FromMapAuthError(m map[string]any) (stdjson.AuthError, error) {
	r := mapReader{m: m}
	v := stdjson.AuthError{
		Type:    r.str("type"),
		ID:      r.optStr("id"),
		Code:    stdjson.AuthErrorCode(r.str("code")),
		Message: r.str("message"),
		State:   stdjson.ConnectionState(r.str("state")),
	}
	if _, ok := m["retry_after_ms"]; ok {
		n := r.int("retry_after_ms")
		v.RetryAfterMs = &n
	}
	return v, r.err
}

// FromMapChatMessage reads the map encoding/json decoded back into the common type.
func FromMapChatMessage(m map[string]any) (stdjson.ChatMessage, error) {
	r := mapReader{m: m}
	v := stdjson.ChatMessage{
		Type:   r.str("type"),
		ID:     r.optStr("id"),
		RoomID: r.str("room_id"),
		Text:   r.str("text"),
	}
	var err error
	if v.SentAt, err = time.Parse(time.RFC3339Nano, r.str("sent_at")); err != nil {
		return v, fmt.Errorf("sent_at: %w", err)
	}
	a := mapReader{m: r.obj("author")}
	v.Author = stdjson.User{ID: a.str("id"), Name: a.str("name"), AvatarURL: a.optStr("avatar_url")}
	if a.err != nil {
		return v, fmt.Errorf("author: %w", a.err)
	}
	if list, ok := m["attachments"].([]any); ok {
		v.Attachments = make([]stdjson.Attachment, len(list))
		for i, e := range list {
			em, _ := e.(map[string]any)
			er := mapReader{m: em}
			at := stdjson.Attachment{Kind: er.str("kind"), URL: er.str("url"), Mime: er.optString("mime")}
			if _, ok := em["width"]; ok {
				at.Width, at.Height = er.int("width"), er.int("height")
			}
			if _, ok := em["size"]; ok {
				n := er.int("size")
				at.Size = &n
			}
			if er.err != nil {
				return v, fmt.Errorf("attachments[%d]: %w", i, er.err)
			}
			v.Attachments[i] = at
		}
	}
	if list, ok := m["mentions"].([]any); ok {
		v.Mentions = make([]string, len(list))
		for i, e := range list {
			s, ok := e.(string)
			if !ok {
				return v, fmt.Errorf("mentions[%d]: not a string", i)
			}
			v.Mentions[i] = s
		}
	}
	return v, r.err
}

// mapReader reads typed values out of a decoded JSON object, keeping the first error.
type mapReader struct {
	m   map[string]any
	err error
}

func (r *mapReader) fail(key, want string) {
	if r.err == nil {
		r.err = fmt.Errorf("%s: want %s, got %T", key, want, r.m[key])
	}
}

func (r *mapReader) str(key string) string {
	s, ok := r.m[key].(string)
	if !ok {
		r.fail(key, "string")
	}
	return s
}

func (r *mapReader) optString(key string) string {
	if _, ok := r.m[key]; !ok {
		return ""
	}
	return r.str(key)
}

func (r *mapReader) optStr(key string) *string {
	if _, ok := r.m[key]; !ok {
		return nil
	}
	s := r.str(key)
	return &s
}

func (r *mapReader) int(key string) int64 {
	f, ok := r.m[key].(float64)
	if !ok || f != float64(int64(f)) {
		r.fail(key, "integer")
	}
	return int64(f)
}

func (r *mapReader) obj(key string) map[string]any {
	o, ok := r.m[key].(map[string]any)
	if !ok {
		r.fail(key, "object")
	}
	return o
}
