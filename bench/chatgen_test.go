package bench

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/framegen/framegen/gen/golang"
	"github.com/framegen/framegen/schema"
)

// TestChatgenFresh fails when chatgen/ is not what the current generator writes for
// chat.frames.yaml, so the benchmarks never measure stale generated code. Regenerate with
// `go generate` in bench/ (doc.go holds the framegen command).
func TestChatgenFresh(t *testing.T) {
	p, err := schema.Load("chat.frames.yaml")
	if err != nil {
		t.Fatal(err)
	}
	files, err := golang.Generate(p, golang.Options{Package: "chatgen"})
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, f := range files {
		want = append(want, f.Name)
		got, err := os.ReadFile(filepath.Join("chatgen", f.Name))
		if err != nil {
			t.Errorf("chatgen/%s: %v; run go generate in bench/", f.Name, err)
			continue
		}
		if !bytes.Equal(got, f.Content) {
			t.Errorf("chatgen/%s is stale (first difference at line %d); run go generate in bench/", f.Name, firstDiffLine(got, f.Content))
		}
	}
	onDisk, err := filepath.Glob(filepath.Join("chatgen", "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range onDisk {
		if name := filepath.Base(path); !slices.Contains(want, name) {
			t.Errorf("chatgen/%s is no longer generated; run go generate in bench/", name)
		}
	}
}

// firstDiffLine returns the 1-based line where a and b first differ.
func firstDiffLine(a, b []byte) int {
	la, lb := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	for i := range min(len(la), len(lb)) {
		if la[i] != lb[i] {
			return i + 1
		}
	}
	return min(len(la), len(lb)) + 1
}
