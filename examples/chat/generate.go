// Package chat holds the example chat protocol: its schema (chat.frames.yaml), the
// framegen.yaml that generates the server half (chatproto), the client half (chatclient)
// and the protocol docs (chat.md), and the example server and client that use them. See
// docs/example-chat.md.
package chat

//go:generate go run ../../cmd/framegen generate -c framegen.yaml
