package chatserver

import (
	"context"
	"crypto/sha1"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"

	"github.com/framegen/framegen/examples/chat/chatproto"
)

// TokenVerifier checks the token of an auth_request and returns the user it belongs to. A
// real backend plugs in its own (a JWT check, a session store lookup); the server never logs
// or echoes the token, and neither should a verifier's errors.
//
// Verify returns a *RejectError when the token is refused (the client gets auth_error with its
// code, then close 1008), or any other error when it cannot decide now (the client gets
// auth_error with code unavailable, then close 1013). The returned user must pass
// User.Validate; one that does not is treated as a verifier failure. Verify is called
// concurrently, with a context that ends at the connection's auth deadline.
type TokenVerifier interface {
	Verify(ctx context.Context, token string) (chatproto.User, error)
}

// RejectError is a TokenVerifier's refusal of a token: Code goes into the auth_error frame,
// and Message, when not empty, replaces the frame's default message. Neither may contain the
// token.
type RejectError struct {
	Code    chatproto.AuthErrorCode
	Message string
}

// Error returns the code and the message.
func (e *RejectError) Error() string {
	if e.Message == "" {
		return "token rejected: " + e.Code.String()
	}
	return "token rejected: " + e.Code.String() + ": " + e.Message
}

// DemoVerifier accepts tokens of the form "demo:<name>" and returns the user <name>, with an
// id derived from the name (the same name always gets the same id). Anything else is refused
// with invalid_token. It is for the example and its tests only: it proves nothing about who
// the client is.
type DemoVerifier struct{}

// demoPrefix starts every token DemoVerifier accepts.
const demoPrefix = "demo:"

// Verify implements TokenVerifier.
func (DemoVerifier) Verify(_ context.Context, token string) (chatproto.User, error) {
	name, ok := strings.CutPrefix(token, demoPrefix)
	if !ok {
		return chatproto.User{}, &RejectError{Code: chatproto.AuthErrorCodeInvalidToken, Message: `the demo server accepts tokens of the form "demo:<name>"`}
	}
	u := chatproto.User{ID: demoUserID(name), Name: name}
	if err := u.Validate(); err != nil {
		// The violation names the field, never the value, so it cannot carry the token.
		return chatproto.User{}, &RejectError{Code: chatproto.AuthErrorCodeInvalidToken, Message: fmt.Sprintf("the name in the token is not a valid user name: %v", err)}
	}
	return u, nil
}

// demoUserID derives a stable uuid (version 5 layout, from SHA-1) from a user name.
func demoUserID(name string) string {
	sum := sha1.Sum([]byte("framegen chat demo user\x00" + name))
	b := sum[:16]
	b[6] = b[6]&0x0f | 0x50 // version 5
	b[8] = b[8]&0x3f | 0x80 // RFC 4122 variant
	h := hex.EncodeToString(b)
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:32]
}

// errInvalidUser wraps a user that a verifier returned and that does not validate.
var errInvalidUser = errors.New("verifier returned an invalid user")
