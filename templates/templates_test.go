package templates_test

import (
	"io/fs"
	"testing"
	"text/template"

	"github.com/framegen/framegen/templates"
)

// TestParse makes sure every embedded template parses, and that the docs template is there.
func TestParse(t *testing.T) {
	names, err := fs.Glob(templates.FS(), "*.tmpl")
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, name := range names {
		found = found || name == "docs.md.tmpl"
		if _, err := template.New(name).ParseFS(templates.FS(), name); err != nil {
			t.Errorf("parse %s: %v", name, err)
		}
	}
	if !found {
		t.Errorf("templates %v: no docs.md.tmpl", names)
	}
}
