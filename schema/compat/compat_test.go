package compat_test

import (
	"bytes"
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/framegen/framegen/internal/difftext"
	"github.com/framegen/framegen/schema"
	"github.com/framegen/framegen/schema/compat"
)

// update rewrites golden files instead of comparing them (UPDATE_GOLDEN=1 go test ./...).
func update() bool { return os.Getenv("UPDATE_GOLDEN") != "" }

// golden compares got with the file at path, or rewrites it when updating.
func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if update() {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with UPDATE_GOLDEN=1 to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (UPDATE_GOLDEN=1 rewrites it):\n%s", path, difftext.Unified("want", "got", want, got))
	}
}

func parse(t *testing.T, dir, name string) *schema.Protocol {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	p, err := schema.Parse(name, data)
	if err != nil {
		var diags schema.Diagnostics
		if errors.As(err, &diags) {
			t.Fatalf("%s does not check:\n%v", name, diags)
		}
		t.Fatal(err)
	}
	return p
}

// TestCompare walks testdata/<case>/: old.yaml and new.yaml are compared, with the options
// listed in the optional file `options`, and the text report must equal want.golden. A case
// named after a rule must produce at least one finding of that rule.
func TestCompare(t *testing.T) {
	entries, err := os.ReadDir("testdata")
	if err != nil {
		t.Fatal(err)
	}
	ruleIDs := map[string]bool{}
	for _, r := range compat.Rules() {
		ruleIDs[r.ID] = true
	}
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		t.Run(e.Name(), func(t *testing.T) {
			dir := filepath.Join("testdata", e.Name())
			var opts compat.Options
			if data, err := os.ReadFile(filepath.Join(dir, "options")); err == nil {
				for _, o := range strings.Fields(string(data)) {
					switch o {
					case "both-ways":
						opts.BothWays = true
					default:
						t.Fatalf("options: unknown option %q", o)
					}
				}
			} else if !errors.Is(err, os.ErrNotExist) {
				t.Fatal(err)
			}
			fs := compat.Compare(parse(t, dir, "old.yaml"), parse(t, dir, "new.yaml"), opts)
			var buf bytes.Buffer
			if err := compat.Write(&buf, compat.Text, fs); err != nil {
				t.Fatal(err)
			}
			golden(t, filepath.Join(dir, "want.golden"), buf.Bytes())
			if ruleIDs[e.Name()] && !slices.ContainsFunc(fs, func(f compat.Finding) bool { return f.Rule == e.Name() }) {
				t.Errorf("no %s finding in:\n%s", e.Name(), buf.String())
			}
		})
	}
}

// TestRulesDocumented holds every Rule* constant of the package to Rules(), to a section
// of docs/breaking.md, and to a testdata case.
func TestRulesDocumented(t *testing.T) {
	consts := ruleConstants(t)
	var listed []string
	for _, r := range compat.Rules() {
		listed = append(listed, r.ID)
		if r.Summary == "" {
			t.Errorf("rule %s has no summary", r.ID)
		}
	}
	if got, want := sorted(listed), sorted(consts); !slices.Equal(got, want) {
		t.Errorf("Rules() lists %v\nconstants are %v", got, want)
	}
	doc, err := os.ReadFile(filepath.Join("..", "..", "docs", "breaking.md"))
	if err != nil {
		t.Fatal(err)
	}
	headings := map[string]bool{}
	for _, m := range regexp.MustCompile(`(?m)^### ([A-Z_]+)$`).FindAllStringSubmatch(string(doc), -1) {
		headings[m[1]] = true
	}
	for _, id := range consts {
		if !headings[id] {
			t.Errorf("docs/breaking.md has no section %q", "### "+id)
		}
		if _, err := os.Stat(filepath.Join("testdata", id, "want.golden")); err != nil {
			t.Errorf("rule %s has no testdata case: %v", id, err)
		}
	}
	for h := range headings {
		if !slices.Contains(consts, h) {
			t.Errorf("docs/breaking.md documents %s, which is not a rule", h)
		}
	}
}

// ruleConstants returns the values of the package's string constants named Rule*.
func ruleConstants(t *testing.T) []string {
	t.Helper()
	fset := token.NewFileSet()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			vs, ok := n.(*ast.ValueSpec)
			if !ok {
				return true
			}
			for i, id := range vs.Names {
				if !strings.HasPrefix(id.Name, "Rule") || i >= len(vs.Values) {
					continue
				}
				lit, ok := vs.Values[i].(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					continue
				}
				s, err := strconv.Unquote(lit.Value)
				if err != nil {
					t.Fatal(err)
				}
				ids = append(ids, s)
			}
			return true
		})
	}
	if len(ids) == 0 {
		t.Fatal("found no Rule constants")
	}
	return ids
}

func sorted(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return s
}

// TestWrite renders findings whose text needs escaping in every format.
func TestWrite(t *testing.T) {
	fs := []compat.Finding{
		{Rule: compat.RuleFieldNoDelete, Severity: compat.Breaking, Direction: schema.Server,
			Pos: schema.Pos{File: "api/chat,v1.yaml", Line: 12, Col: 7}, Message: `frame "welcome": required field "room" removed`},
		{Rule: compat.RuleFrameDeprecated, Severity: compat.Warning, Direction: 0,
			Pos: schema.Pos{File: "c:chat.yaml", Line: 3, Col: 5}, Message: "frame \"hello\": deprecated: 100% gone\nsoon"},
		{Rule: compat.RuleFieldAdded, Severity: compat.Info, Direction: schema.Client,
			Pos: schema.Pos{File: "chat.yaml", Line: 9, Col: 7}, Message: `frame "hello": optional field "nick" added`},
	}
	for _, tc := range []struct {
		name   string
		format compat.Format
		golden string
	}{
		{"text", compat.Text, "format.txt.golden"},
		{"json", compat.JSON, "format.json.golden"},
		{"github", compat.GitHub, "format.github.golden"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := compat.Write(&buf, tc.format, fs); err != nil {
				t.Fatal(err)
			}
			golden(t, filepath.Join("testdata", tc.golden), buf.Bytes())
		})
	}
	t.Run("json_empty", func(t *testing.T) {
		var buf bytes.Buffer
		if err := compat.Write(&buf, compat.JSON, nil); err != nil {
			t.Fatal(err)
		}
		if got, want := buf.String(), "{\n  \"findings\": [],\n  \"breaking\": 0\n}\n"; got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	})
}

func TestParseFormat(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     compat.Format
		wantErr  string
	}{
		{"text", "text", compat.Text, ""},
		{"json", "json", compat.JSON, ""},
		{"github", "github", compat.GitHub, ""},
		{"unknown", "yaml", "", `unknown format "yaml" (want text, json or github)`},
		{"case matters", "JSON", "", `unknown format "JSON" (want text, json or github)`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := compat.ParseFormat(tc.in)
			gotErr := ""
			if err != nil {
				gotErr = err.Error()
			}
			if got != tc.want || gotErr != tc.wantErr {
				t.Errorf("ParseFormat(%q) = %q, %q; want %q, %q", tc.in, got, gotErr, tc.want, tc.wantErr)
			}
		})
	}
}

func TestCountBreaking(t *testing.T) {
	fs := []compat.Finding{{Severity: compat.Breaking}, {Severity: compat.Info}, {Severity: compat.Breaking}, {Severity: compat.Warning}}
	if got := compat.CountBreaking(fs); got != 2 {
		t.Errorf("CountBreaking = %d, want 2", got)
	}
}
