package bench

import (
	"time"

	"github.com/framegen/framegen/bench/stdjson"
)

// Text is the chat message body: about 120 characters with quotes, a newline, accents and
// an emoji, so that string escaping and UTF-8 handling are on the measured path.
const Text = "Meet at \"Café Zoë\" at 10:30?\nBring the slides — and the naïve budget draft 🎉; ask Jürgen whether it's really final, please."

// AuthError returns the AuthError payload: two enums, a string and the optional integer.
func AuthError() stdjson.AuthError {
	retry := int64(1500)
	return stdjson.AuthError{
		Type:         stdjson.TagAuthError,
		Code:         stdjson.AuthErrorCodeInvalidToken,
		Message:      "token signature does not verify; sign in again",
		State:        stdjson.ConnectionStateClosing,
		RetryAfterMs: &retry,
	}
}

// ChatMessage returns the ChatMessage payload: a nested author, the unicode Text, a time
// with fractional seconds, two attachments (one of each kind) and three mentions.
func ChatMessage() stdjson.ChatMessage {
	avatar := "https://cdn.example.com/avatars/3f2b8c4e.png"
	size := int64(482133)
	return stdjson.ChatMessage{
		Type:   stdjson.TagChatMessage,
		RoomID: "room-general-eu",
		Author: stdjson.User{
			ID:        "3f2b8c4e-1d5a-4e6f-9a7b-2c8d0e1f3a4b",
			Name:      "Zoë Ångström",
			AvatarURL: &avatar,
		},
		Text:   Text,
		SentAt: time.Date(2026, 3, 14, 9, 26, 53, 589793000, time.UTC),
		Attachments: []stdjson.Attachment{
			{Kind: stdjson.KindImage, URL: "https://cdn.example.com/uploads/7d1e/whiteboard.png", Width: 1920, Height: 1080},
			{Kind: stdjson.KindFile, URL: "https://cdn.example.com/uploads/7d1e/budget-q3.pdf", Mime: "application/pdf", Size: &size},
		},
		Mentions: []string{"ann", "bob.smith", "jürgen"},
	}
}
