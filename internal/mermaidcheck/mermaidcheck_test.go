package mermaidcheck

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// checker returns the command line that runs check.mjs, or skips (fails under CI) when node
// or the installed mermaid package is missing.
func checker(t *testing.T) []string {
	t.Helper()
	missing := func(why string) {
		msg := why + "; run `npm ci --prefix internal/mermaidcheck` (node 18+) to check Mermaid diagrams"
		if os.Getenv("CI") != "" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	node, err := exec.LookPath("node")
	if err != nil {
		missing("node is not on PATH")
	}
	if _, err := os.Stat(filepath.Join("node_modules", "mermaid", "package.json")); err != nil {
		missing("internal/mermaidcheck/node_modules has no mermaid")
	}
	return []string{node, "check.mjs"}
}

// run runs check.mjs over files and returns its exit code and stderr.
func run(t *testing.T, files ...string) (int, string) {
	t.Helper()
	argv := append(checker(t), files...)
	cmd := exec.Command(argv[0], argv[1:]...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case err == nil:
		return 0, stderr.String()
	case errors.As(err, &exit):
		return exit.ExitCode(), stderr.String()
	}
	t.Fatalf("run %v: %v", argv, err)
	return 0, ""
}

// TestDocsGoldens parses every Mermaid block of the docs generator's golden files, in one
// run of node (each start loads mermaid, which takes a while).
func TestDocsGoldens(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "..", "gen", "docs", "testdata", "*", "want.md"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no golden files under gen/docs/testdata")
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(data, []byte("```mermaid\n")) {
			t.Errorf("%s has no mermaid block", f)
		}
	}
	if code, stderr := run(t, files...); code != 0 {
		t.Errorf("check.mjs: exit %d, want 0\n%s", code, stderr)
	}
}

// TestBrokenDiagram makes sure the checker really parses: a broken block must fail, and the
// message must name the file and the line of the block.
func TestBrokenDiagram(t *testing.T) {
	f := filepath.Join("testdata", "broken.md")
	code, stderr := run(t, f)
	if code != 1 {
		t.Fatalf("check.mjs %s: exit %d, want 1\n%s", f, code, stderr)
	}
	if want := f + ":12: mermaid: Parse error"; !strings.Contains(stderr, want) {
		t.Errorf("stderr = %q, want it to contain %q", stderr, want)
	}
	if strings.Contains(stderr, f+":5:") {
		t.Errorf("stderr = %q: the valid block at line 5 was reported", stderr)
	}
}
