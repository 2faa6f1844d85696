// Command framegen turns a WebSocket protocol schema into typed code: it generates Go
// packages from framegen.yaml, checks that generated files are current, lints schemas,
// and starts a project with a starter schema. docs/cli.md describes every command.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
