// Package mermaidcheck holds a Node script, check.mjs, that parses every Mermaid block of
// Markdown files with the real mermaid parser, and the Go test that runs it over the docs
// generator's golden files. It has no Go API: install its dependencies with
// `npm ci --prefix internal/mermaidcheck` and run `go test ./internal/mermaidcheck`.
package mermaidcheck
