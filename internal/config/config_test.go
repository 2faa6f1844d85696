package config

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/framegen/framegen/schema"
)

func TestParseValid(t *testing.T) {
	src := `version: 1
schemas:
  - schema: api/chat.frames.yaml
    go:
      out: internal/chatproto
      package: chatproto
      side: server
      transports: [coder, gorilla]
    docs: {out: docs/protocol/chat.md}
  - schema: /abs/other.frames.yaml
    docs:
      out: other.md
`
	got, err := Parse(filepath.Join("conf", "framegen.yaml"), []byte(src))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	p := func(line, col int) schema.Pos { return schema.Pos{File: "conf/framegen.yaml", Line: line, Col: col} }
	want := &Config{
		Path: "conf/framegen.yaml",
		Schemas: []Entry{
			{
				Pos:    p(3, 5),
				Schema: "conf/api/chat.frames.yaml",
				Go: &Go{
					Pos: p(5, 7), Out: "conf/internal/chatproto", Package: "chatproto",
					Side: schema.Server, Transports: []string{"coder", "gorilla"},
				},
				Docs: &Docs{Pos: p(9, 11), Out: "conf/docs/protocol/chat.md"},
			},
			{
				Pos:    p(10, 5),
				Schema: "/abs/other.frames.yaml",
				Docs:   &Docs{Pos: p(12, 7), Out: "conf/other.md"},
			},
		},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Parse:\ngot  %+v\nwant %+v", got, want)
		for i := range min(len(got.Schemas), len(want.Schemas)) {
			t.Errorf("entry %d:\ngot  go %+v docs %+v\nwant go %+v docs %+v", i,
				got.Schemas[i].Go, got.Schemas[i].Docs, want.Schemas[i].Go, want.Schemas[i].Docs)
		}
	}
}

func TestParseDefaults(t *testing.T) {
	got, err := Parse("framegen.yaml", []byte("version: 1\nschemas:\n  - {schema: a.yaml, go: {out: a}}\n"))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	g := got.Schemas[0].Go
	if g.Side != schema.Both || g.Package != "" || g.Transports != nil || g.Out != "a" {
		t.Errorf("defaults: got %+v, want side both, no package, no transports, out a", g)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want string // every diagnostic, one per line
	}{
		{
			name: "empty",
			src:  "",
			want: "f.yaml:1:1: empty config: want a mapping with version and schemas",
		},
		{
			name: "not a mapping",
			src:  "- a\n",
			want: "f.yaml:1:1: config must be a mapping with version and schemas, not a list",
		},
		{
			name: "yaml syntax",
			src:  "version: 1\nschemas: [\n",
			want: "f.yaml:2:1: yaml: did not find expected node content",
		},
		{
			name: "missing everything",
			src:  "{}\n",
			want: "f.yaml:1:1: missing key schemas\nf.yaml:1:1: missing key version (add version: 1)",
		},
		{
			name: "version 2",
			src:  "version: 2\nschemas: [{schema: a, go: {out: b}}]\n",
			want: "f.yaml:1:10: version: unsupported version 2 (only 1 exists)",
		},
		{
			name: "version as a string",
			src:  "version: \"1\"\nschemas: [{schema: a, go: {out: b}}]\n",
			want: `f.yaml:1:10: version: want the integer 1, not "1"`,
		},
		{
			name: "unknown top-level key",
			src:  "version: 1\nschema: a\nschemas: [{schema: a, go: {out: b}}]\n",
			want: `f.yaml:2:1: unknown key "schema" (did you mean "schemas"?)`,
		},
		{
			name: "duplicate key",
			src:  "version: 1\nversion: 1\nschemas: [{schema: a, go: {out: b}}]\n",
			want: `f.yaml:2:1: version: duplicate key "version"`,
		},
		{
			name: "schemas empty",
			src:  "version: 1\nschemas: []\n",
			want: "f.yaml:2:10: schemas: empty list: name at least one schema",
		},
		{
			name: "schemas not a list",
			src:  "version: 1\nschemas: {schema: a}\n",
			want: "f.yaml:2:10: schemas: want a list of schemas, not a mapping",
		},
		{
			name: "entry problems",
			src: `version: 1
schemas:
  - go: {out: a, pakage: x}
  - schema: b
  - schema: c
    go: {out: c, side: sever, transports: [coder, gorila, coder]}
  - schema: d
    go: {out: d, package: "my-pkg", transports: coder}
  - schema: ""
    go: []
    docs: {}
`,
			want: strings.Join([]string{
				`f.yaml:3:5: schemas[0]: missing key schema`,
				`f.yaml:3:18: schemas[0]: go: unknown key "pakage" (did you mean "package"?)`,
				`f.yaml:4:5: schemas[1]: no output: give go, docs or both`,
				`f.yaml:6:24: schemas[2]: go: side: unknown side "sever": want server, client or both (did you mean "server"?)`,
				`f.yaml:6:51: schemas[2]: go: transports: unknown transport "gorila": want coder or gorilla (did you mean "gorilla"?)`,
				`f.yaml:6:59: schemas[2]: go: transports: transport "coder" listed twice`,
				`f.yaml:8:27: schemas[3]: go: package: "my-pkg" is not a valid Go package name`,
				`f.yaml:8:49: schemas[3]: go: transports: want a list such as [coder, gorilla], not "coder"`,
				`f.yaml:9:13: schemas[4]: schema: empty string`,
				`f.yaml:10:9: schemas[4]: go: want a mapping with out, package, side and transports, not a list`,
				`f.yaml:11:11: schemas[4]: docs: missing key out (the Markdown file)`,
			}, "\n"),
		},
		{
			name: "typescript and jsonschema not supported",
			src: `version: 1
schemas:
  - schema: a
    go: {out: a}
    typescript: {out: web/a.ts}
    jsonschema: {out: a.json}
`,
			want: "f.yaml:5:5: schemas[0]: typescript: the typescript output is not supported yet (remove it; see docs/config.md)\n" +
				"f.yaml:6:5: schemas[0]: jsonschema: the jsonschema output is not supported yet (remove it; see docs/config.md)",
		},
		{
			name: "two outputs in one place",
			src: `version: 1
schemas:
  - {schema: a, go: {out: proto}, docs: {out: a.md}}
  - {schema: b, go: {out: ./proto}, docs: {out: a.md}}
`,
			want: `f.yaml:4:21: schemas[1]: go: out "proto" is also the output of schemas[0]: go` + "\n" +
				`f.yaml:4:43: schemas[1]: docs: out "a.md" is also the output of schemas[0]: docs`,
		},
		{
			name: "null and non-string values",
			src:  "version: 1\nschemas:\n  - schema: ~\n    go:\n      out: [a]\n",
			want: "f.yaml:3:13: schemas[0]: schema: want a string, not null\n" +
				"f.yaml:5:12: schemas[0]: go: out: want a string, not a list",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("f.yaml", []byte(tt.src))
			var diags schema.Diagnostics
			if !errors.As(err, &diags) {
				t.Fatalf("Parse error %v, want schema.Diagnostics", err)
			}
			if got := diags.Error(); got != tt.want {
				t.Errorf("diagnostics:\ngot:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

func TestLoadUnreadable(t *testing.T) {
	_, err := Load(filepath.Join(t.TempDir(), "missing.yaml"))
	if !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("Load of a missing file: got %v, want an os.ErrNotExist", err)
	}
	if !strings.HasPrefix(err.Error(), "read config: ") {
		t.Errorf("error %q does not start with its context", err)
	}
}

func TestFind(t *testing.T) {
	root := t.TempDir()
	mk := func(rel, data string) {
		p := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// root/framegen.yaml lies outside the module mod/, so mod/ must never find it.
	mk("framegen.yaml", "")
	mk("mod/go.mod", "module m\n")
	mk("mod/a/framegen.yaml", "")
	mk("mod/a/b/c/x.go", "")
	mk("mod/z/x.go", "")
	mk("nomod/a/x", "")
	mk("nomod/framegen.yaml", "")
	tests := []struct {
		name, dir string
		want      string // relative to root; "" means ErrNotFound
	}{
		{name: "in the directory", dir: "mod/a", want: "mod/a/framegen.yaml"},
		{name: "in a parent", dir: "mod/a/b/c", want: "mod/a/framegen.yaml"},
		{name: "stops at the module root", dir: "mod/z", want: ""},
		{name: "outside a module only the directory", dir: "nomod/a", want: ""},
		{name: "outside a module in the directory", dir: "nomod", want: "nomod/framegen.yaml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Find(filepath.Join(root, filepath.FromSlash(tt.dir)))
			if tt.want == "" {
				if !errors.Is(err, ErrNotFound) {
					t.Fatalf("Find = %q, %v; want ErrNotFound", got, err)
				}
				return
			}
			if err != nil {
				t.Fatalf("Find: %v", err)
			}
			if want := filepath.Join(root, filepath.FromSlash(tt.want)); got != want {
				t.Errorf("Find = %q, want %q", got, want)
			}
		})
	}
}

// FuzzParse checks that no input panics and that every rejection is positioned.
func FuzzParse(f *testing.F) {
	f.Add("version: 1\nschemas:\n  - {schema: a, go: {out: b, side: server, transports: [coder]}, docs: {out: c}}\n")
	f.Add("version: 1\nschemas: [{schema: a, go: {out: b}}, {schema: a, go: {out: b}}]\n")
	f.Add("version: 1\nschemas:\n  - &x {schema: a, go: {out: b}}\n  - *x\n")
	f.Add("version: [1]\nschemas: {a: b}\n")
	f.Add(": :\n\t- [")
	f.Fuzz(func(t *testing.T, src string) {
		cfg, err := Parse("f.yaml", []byte(src))
		if err == nil {
			if cfg == nil || len(cfg.Schemas) == 0 {
				t.Fatalf("Parse(%q) accepted a config without schemas", src)
			}
			return
		}
		var diags schema.Diagnostics
		if !errors.As(err, &diags) || len(diags) == 0 {
			t.Fatalf("Parse(%q) = %v, want diagnostics", src, err)
		}
		for _, d := range diags {
			if !d.Pos.IsValid() || d.Pos.File != "f.yaml" {
				t.Errorf("Parse(%q): diagnostic without a position: %v", src, d)
			}
		}
	})
}
