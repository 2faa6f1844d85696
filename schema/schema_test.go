package schema

import (
	"cmp"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// update reports whether golden files should be rewritten (UPDATE_GOLDEN=1).
func update() bool { return os.Getenv("UPDATE_GOLDEN") == "1" }

// golden compares got with the file at path, or writes it when updating.
func golden(t *testing.T, path, got string) {
	t.Helper()
	if update() {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("missing golden file (run with UPDATE_GOLDEN=1): %v", err)
	}
	if got != string(want) {
		t.Errorf("%s differs:\n%s", path, lineDiff(string(want), got))
	}
}

// lineDiff shows the lines that differ between want and got.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	for i := 0; i < max(len(w), len(g)); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			b.WriteString("line " + strconv.Itoa(i+1) + ":\n  want: " + wl + "\n  got:  " + gl + "\n")
		}
	}
	return b.String()
}

// caseFiles lists the .yaml files of a testdata directory.
func caseFiles(t *testing.T, dir string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", dir, "*.yaml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no cases in testdata/%s: %v", dir, err)
	}
	return files
}

// TestValid loads every schema in testdata/valid and compares its Dump with the .dump
// golden beside it.
func TestValid(t *testing.T) {
	for _, file := range caseFiles(t, "valid") {
		name := strings.TrimSuffix(filepath.Base(file), ".yaml")
		t.Run(name, func(t *testing.T) {
			p, err := Load(file)
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			golden(t, strings.TrimSuffix(file, ".yaml")+".dump", Dump(p))
		})
	}
}

// TestBad loads every schema in testdata/bad, each of which must fail, and compares its
// diagnostics with the .golden beside it. A case without a golden fails.
func TestBad(t *testing.T) {
	for _, file := range caseFiles(t, "bad") {
		name := strings.TrimSuffix(filepath.Base(file), ".yaml")
		t.Run(name, func(t *testing.T) {
			p, err := Load(file)
			var diags Diagnostics
			if !errors.As(err, &diags) {
				t.Fatalf("Load = %v, %v; want Diagnostics", p, err)
			}
			if p != nil {
				t.Errorf("Load returned a model beside its diagnostics")
			}
			if !slices.IsSortedFunc(diags, func(a, b Diagnostic) int {
				return cmp.Or(cmp.Compare(a.Pos.Line, b.Pos.Line), cmp.Compare(a.Pos.Col, b.Pos.Col))
			}) {
				t.Errorf("diagnostics are not sorted by position:\n%v", diags)
			}
			got := filepath.ToSlash(diags.Error()) + "\n"
			golden(t, strings.TrimSuffix(file, ".yaml")+".golden", got)
		})
	}
}

// TestGoldensHaveCases fails on a golden file whose schema is gone, so stale goldens do
// not linger.
func TestGoldensHaveCases(t *testing.T) {
	for _, pat := range []string{"testdata/valid/*.dump", "testdata/bad/*.golden"} {
		gs, _ := filepath.Glob(pat)
		for _, g := range gs {
			yaml := strings.TrimSuffix(g, filepath.Ext(g)) + ".yaml"
			if _, err := os.Stat(yaml); err != nil {
				t.Errorf("%s has no schema %s", g, yaml)
			}
		}
	}
}

func TestLoadMissingFile(t *testing.T) {
	_, err := Load(filepath.Join("testdata", "no-such-file.yaml"))
	var diags Diagnostics
	if errors.As(err, &diags) {
		t.Fatalf("Load of a missing file returned Diagnostics: %v", err)
	}
	if !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("Load of a missing file = %v, want an error wrapping os.ErrNotExist", err)
	}
	if want := "load schema: open testdata/no-such-file.yaml: "; !strings.HasPrefix(err.Error(), want) {
		t.Errorf("error = %q, want prefix %q", err, want)
	}
}
