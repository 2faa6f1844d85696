package schema

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// FuzzParse feeds Parse arbitrary bytes, seeded with every schema in testdata. Whatever the
// input, Parse must not panic, and must return either a model or Diagnostics whose every
// position points into the input.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*", "*.yaml"))
	if len(files) == 0 {
		f.Fatal("no seed files")
	}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Parse("fuzz.yaml", data)
		if err == nil {
			if p == nil {
				t.Fatal("Parse returned neither a model nor an error")
			}
			_ = Dump(p) // must not panic on any model Parse returns
			for _, s := range Sides {
				if p.Channel(s) == nil || p.Channel(s).Envelope == nil {
					t.Fatalf("Channel(%v) or its envelope is nil", s)
				}
			}
			return
		}
		var diags Diagnostics
		if !errors.As(err, &diags) {
			t.Fatalf("Parse error is not Diagnostics: %v", err)
		}
		if p != nil {
			t.Fatal("Parse returned a model beside its diagnostics")
		}
		if len(diags) == 0 {
			t.Fatal("empty Diagnostics")
		}
		lines := maxLine(data)
		for _, d := range diags {
			if d.Pos.File != "fuzz.yaml" || d.Pos.Line < 1 || d.Pos.Line > lines || d.Pos.Col < 1 {
				t.Fatalf("diagnostic %q has a position outside the input (%d lines)", d, lines)
			}
			if d.Msg == "" {
				t.Fatalf("diagnostic without a message at %v", d.Pos)
			}
		}
	})
}
