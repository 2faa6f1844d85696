// Package stdjson holds the chat frames AuthError and ChatMessage as the plain Go structs a
// backend would write for encoding/json, with enums that validate in MarshalText and
// UnmarshalText. The encoding/json, goccy/go-json, go-faster/jx and hand-written contenders
// all work on these types, and the equality test uses them as the common value every
// contender must decode to.
package stdjson

import (
	"errors"
	"time"
)

// ErrEnum is returned by the enums' text methods for a value the schema does not list.
var ErrEnum = errors.New("invalid enum value")

// ConnectionState is the schema's closed enum ConnectionState.
type ConnectionState string

// The values of ConnectionState.
const (
	ConnectionStateConnecting ConnectionState = "connecting"
	ConnectionStateConnected  ConnectionState = "connected"
	ConnectionStateClosing    ConnectionState = "closing"
	ConnectionStateClosed     ConnectionState = "closed"
)

// IsValid reports whether s is one of the listed values.
func (s ConnectionState) IsValid() bool {
	switch s {
	case ConnectionStateConnecting, ConnectionStateConnected, ConnectionStateClosing, ConnectionStateClosed:
		return true
	}
	return false
}

// MarshalText refuses a value the schema does not list, so it never reaches the wire.
func (s ConnectionState) MarshalText() ([]byte, error) {
	if !s.IsValid() {
		return nil, ErrEnum
	}
	return []byte(s), nil
}

// UnmarshalText refuses a value the schema does not list.
func (s *ConnectionState) UnmarshalText(b []byte) error {
	v := ConnectionState(b)
	if !v.IsValid() {
		return ErrEnum
	}
	*s = v
	return nil
}

// AuthErrorCode is the schema's closed enum AuthErrorCode.
type AuthErrorCode string

// The values of AuthErrorCode.
const (
	AuthErrorCodeInvalidToken AuthErrorCode = "invalid_token"
	AuthErrorCodeExpired      AuthErrorCode = "expired"
	AuthErrorCodeForbidden    AuthErrorCode = "forbidden"
)

// IsValid reports whether c is one of the listed values.
func (c AuthErrorCode) IsValid() bool {
	switch c {
	case AuthErrorCodeInvalidToken, AuthErrorCodeExpired, AuthErrorCodeForbidden:
		return true
	}
	return false
}

// MarshalText refuses a value the schema does not list, so it never reaches the wire.
func (c AuthErrorCode) MarshalText() ([]byte, error) {
	if !c.IsValid() {
		return nil, ErrEnum
	}
	return []byte(c), nil
}

// UnmarshalText refuses a value the schema does not list.
func (c *AuthErrorCode) UnmarshalText(b []byte) error {
	v := AuthErrorCode(b)
	if !v.IsValid() {
		return ErrEnum
	}
	*c = v
	return nil
}

// AuthError is the wire form of frame auth_error, tag included.
type AuthError struct {
	Type         string          `json:"type"`
	ID           *string         `json:"id,omitempty"`
	Code         AuthErrorCode   `json:"code"`
	Message      string          `json:"message"`
	State        ConnectionState `json:"state"`
	RetryAfterMs *int64          `json:"retry_after_ms,omitempty"`
}

// User is the schema's object type User.
type User struct {
	ID        string  `json:"id"`
	Name      string  `json:"name"`
	AvatarURL *string `json:"avatar_url,omitempty"`
}

// Attachment flattens the union Attachment the way a hand-written backend does: Kind is the
// union tag ("image" or "file"), and only that variant's fields are set.
type Attachment struct {
	Kind   string `json:"kind"`
	URL    string `json:"url"`
	Width  int64  `json:"width,omitempty"`
	Height int64  `json:"height,omitempty"`
	Mime   string `json:"mime,omitempty"`
	Size   *int64 `json:"size,omitempty"`
}

// ChatMessage is the wire form of frame chat_message, tag included.
type ChatMessage struct {
	Type        string       `json:"type"`
	ID          *string      `json:"id,omitempty"`
	RoomID      string       `json:"room_id"`
	Author      User         `json:"author"`
	Text        string       `json:"text"`
	SentAt      time.Time    `json:"sent_at"`
	Attachments []Attachment `json:"attachments,omitempty"`
	Mentions    []string     `json:"mentions,omitempty"`
}

// Attachment kinds, the union's tag values.
const (
	KindImage = "image"
	KindFile  = "file"
)

// Frame tags.
const (
	TagAuthError   = "auth_error"
	TagChatMessage = "chat_message"
)
