#!/bin/sh
# easyjson.sh regenerates easy/types_easyjson.go with mailru/easyjson's generator, pinned to
# the version in go.mod, so the committed code matches the library it runs on.
# Run from anywhere: ./easyjson.sh (bench/ is the working directory it needs).
set -eu
cd "$(dirname "$0")"
version=$(go list -m -f '{{.Version}}' github.com/mailru/easyjson)
go run "github.com/mailru/easyjson/easyjson@${version}" -all easy/types.go
gofmt -l easy
