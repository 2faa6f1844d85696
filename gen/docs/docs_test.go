package docs_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/framegen/framegen/gen/docs"
	"github.com/framegen/framegen/internal/difftext"
	"github.com/framegen/framegen/schema"
)

// TestGenerateGolden renders each testdata/<case>/schema.yaml and compares with want.md;
// UPDATE_GOLDEN=1 rewrites the goldens. internal/mermaidcheck parses their diagrams.
func TestGenerateGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "*", "schema.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no testdata schemas")
	}
	for _, file := range files {
		dir := filepath.Dir(file)
		t.Run(filepath.Base(dir), func(t *testing.T) {
			p, err := schema.Load(file)
			if err != nil {
				t.Fatalf("load: %v", err)
			}
			got, err := docs.Generate(p)
			if err != nil {
				t.Fatalf("generate: %v", err)
			}
			again, err := docs.Generate(p)
			if err != nil || !bytes.Equal(got, again) {
				t.Fatalf("second run differs (err %v):\n%s", err, difftext.Unified("first", "second", got, again))
			}
			want := filepath.Join(dir, "want.md")
			if os.Getenv("UPDATE_GOLDEN") != "" {
				if err := os.WriteFile(want, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			data, err := os.ReadFile(want)
			if err != nil {
				t.Fatalf("%v (run with UPDATE_GOLDEN=1 to create it)", err)
			}
			if !bytes.Equal(data, got) {
				t.Errorf("output differs from %s (UPDATE_GOLDEN=1 rewrites it):\n%s", want, difftext.Unified(want, "got", data, got))
			}
		})
	}
}

// TestGenerateUnsatisfiable makes sure a field no sample can satisfy fails the docs, naming
// the frame and the field.
func TestGenerateUnsatisfiable(t *testing.T) {
	const src = `framegen: 1
protocol: bad
frames:
  start:
    from: client
    fields:
      code: {type: string, pattern: "(a|bb)c", min_length: 3}
`
	p, err := schema.Parse("bad.yaml", []byte(src))
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	_, err = docs.Generate(p)
	const want = `generate docs: frame "start": sample: frame "start": field "code": no value found that matches pattern "(a|bb)c" and the length bounds; give the field an example`
	if err == nil || err.Error() != want {
		t.Errorf("error = %v\nwant    %s", err, want)
	}
}
