// Package bench compares the code framegen generates for the chat example (chatgen) with
// what a Go backend would use instead: map[string]any and typed structs through
// encoding/json, mailru/easyjson, goccy/go-json, go-faster/jx written by hand, and a
// hand-written append encoder as the floor. It also measures how framegen's generator scales
// with the number of frames. docs/benchmarks.md explains how to run it and read the table.
//
// This package holds the payloads every contender encodes and the conversions between each
// contender's types and the common stdjson types; the benchmarks and the equality test are
// in its test files.
package bench

//go:generate go run github.com/framegen/framegen/cmd/framegen generate --schema chat.frames.yaml --go-out chatgen --go-package chatgen
//go:generate ./easyjson.sh
