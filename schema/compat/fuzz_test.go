package compat_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/framegen/framegen/schema"
	"github.com/framegen/framegen/schema/compat"
)

// seedSchemas returns every schema of the rule cases and the chat example.
func seedSchemas(t testing.TB) map[string][]byte {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("testdata", "*", "*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	paths = append(paths, filepath.Join("..", "..", "examples", "chat", "chat.frames.yaml"))
	out := map[string][]byte{}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		out[p] = data
	}
	return out
}

// TestCompareSelf: a schema compared with itself has no findings, in either mode.
func TestCompareSelf(t *testing.T) {
	for path, data := range seedSchemas(t) {
		t.Run(path, func(t *testing.T) {
			p, err := schema.Parse(path, data)
			if err != nil {
				t.Fatal(err)
			}
			for _, opts := range []compat.Options{{}, {BothWays: true}} {
				if fs := compat.Compare(p, p, opts); len(fs) != 0 {
					t.Errorf("Compare(p, p, %+v) = %v, want none", opts, fs)
				}
			}
		})
	}
}

// FuzzCompare: any two schemas that check compare without panicking, deterministically,
// and --both-ways never finds less than the default order.
func FuzzCompare(f *testing.F) {
	dirs, err := filepath.Glob(filepath.Join("testdata", "*", "old.yaml"))
	if err != nil {
		f.Fatal(err)
	}
	for _, old := range dirs {
		o, err1 := os.ReadFile(old)
		n, err2 := os.ReadFile(filepath.Join(filepath.Dir(old), "new.yaml"))
		if err1 != nil || err2 != nil {
			f.Fatal(err1, err2)
		}
		f.Add(o, n)
	}
	f.Fuzz(func(t *testing.T, oldSrc, newSrc []byte) {
		old, err := schema.Parse("old.yaml", oldSrc)
		if err != nil {
			return
		}
		new, err := schema.Parse("new.yaml", newSrc)
		if err != nil {
			return
		}
		fs := compat.Compare(old, new, compat.Options{})
		if again := compat.Compare(old, new, compat.Options{}); !slices.Equal(fs, again) {
			t.Fatalf("not deterministic:\n%v\n%v", fs, again)
		}
		both := compat.Compare(old, new, compat.Options{BothWays: true})
		if len(both) != len(fs) {
			t.Fatalf("--both-ways has %d findings, the default %d", len(both), len(fs))
		}
		type key struct {
			rule, msg string
			dir       schema.Side
			pos       schema.Pos
		}
		bothSev := map[key]compat.Severity{}
		for _, f := range both {
			bothSev[key{f.Rule, strings.TrimSuffix(f.Message, " (breaks when clients deploy first)"), f.Direction, f.Pos}] = f.Severity
		}
		for _, f := range fs {
			if sev, ok := bothSev[key{f.Rule, f.Message, f.Direction, f.Pos}]; !ok || sev < f.Severity {
				t.Fatalf("--both-ways lost or softened %v", f)
			}
		}
		if self := compat.Compare(new, new, compat.Options{BothWays: true}); len(self) != 0 {
			t.Fatalf("a schema differs from itself: %v", self)
		}
	})
}
