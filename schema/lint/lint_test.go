package lint_test

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/framegen/framegen/schema"
	"github.com/framegen/framegen/schema/lint"
)

// want is an expected finding: a regexp on `severity: msg (rule)` at a line.
type want struct {
	line int
	re   *regexp.Regexp
	hit  bool
}

// wants reads the `# want "regexp" ...` comments of a test schema, like analysistest's
// `// want` comments: each quoted regexp must match one finding on that line.
func wants(t *testing.T, file string) []*want {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var ws []*want
	sc := bufio.NewScanner(bytes.NewReader(data))
	for line := 1; sc.Scan(); line++ {
		_, rest, ok := strings.Cut(sc.Text(), "# want ")
		if !ok {
			continue
		}
		for rest = strings.TrimSpace(rest); rest != ""; rest = strings.TrimSpace(rest) {
			q, err := strconv.QuotedPrefix(rest)
			if err != nil {
				t.Fatalf("%s:%d: bad want comment %q: %v", file, line, rest, err)
			}
			rest = rest[len(q):]
			s, _ := strconv.Unquote(q)
			re, err := regexp.Compile(s)
			if err != nil {
				t.Fatalf("%s:%d: bad want regexp: %v", file, line, err)
			}
			ws = append(ws, &want{line: line, re: re})
		}
	}
	return ws
}

// TestRules runs every rule over each schema in testdata and fails on any finding that no
// `# want` comment on its line expects, and on any `# want` that no finding meets.
func TestRules(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no test schemas in testdata")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".yaml"), func(t *testing.T) {
			p, err := schema.Load(file)
			if err != nil {
				t.Fatalf("load: %v", err)
			}
			ws := wants(t, file)
			for _, f := range lint.Run(p) {
				if f.Pos.File != file {
					t.Errorf("finding %s: file %q, want %q", f, f.Pos.File, file)
				}
				text := strings.TrimPrefix(f.String(), f.Pos.String()+": ")
				matched := false
				for _, w := range ws {
					if !w.hit && w.line == f.Pos.Line && w.re.MatchString(text) {
						w.hit, matched = true, true
						break
					}
				}
				if !matched {
					t.Errorf("unexpected finding: %s", f)
				}
			}
			for _, w := range ws {
				if !w.hit {
					t.Errorf("%s:%d: no finding matches %q", file, w.line, w.re)
				}
			}
		})
	}
}

func TestFindingString(t *testing.T) {
	pos := schema.Pos{File: "chat.yaml", Line: 12, Col: 5}
	tests := []struct {
		name string
		f    lint.Finding
		want string
	}{
		{"warning", lint.Finding{Pos: pos, Rule: "json-field", Msg: "m"}, "chat.yaml:12:5: warning: m (json-field)"},
		{"error", lint.Finding{Pos: pos, Rule: "unsatisfiable", Msg: "m", Error: true}, "chat.yaml:12:5: error: m (unsatisfiable)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.f.String(); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

// TestRulesDocumented makes sure every rule has a unique name, a doc, and a section in
// docs/lint.md.
func TestRulesDocumented(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "..", "docs", "lint.md"))
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, r := range lint.Rules() {
		if seen[r.Name] {
			t.Errorf("rule %q listed twice", r.Name)
		}
		seen[r.Name] = true
		if r.Doc == "" || r.Check == nil {
			t.Errorf("rule %q: no Doc or no Check", r.Name)
		}
		if !bytes.Contains(doc, []byte("## "+r.Name+"\n")) {
			t.Errorf("docs/lint.md has no section %q", "## "+r.Name)
		}
	}
}

// TestRunSorted pins the whole output of Run for one schema: positions with columns, sorted
// by position and then rule, each finding once although the envelope is shared by both
// directions.
func TestRunSorted(t *testing.T) {
	const src = `framegen: 1
protocol: sorted
envelope:
  fields:
    Seq: int
enums:
  Mode: {values: [a]}
frames:
  go:
    from: both
    fields:
      mode: Mode
      blob: {type: string, pattern: "(a|bb)c", min_length: 3}
`
	p, err := schema.Parse("sorted.yaml", []byte(src))
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	var got []string
	for _, f := range lint.Run(p) {
		got = append(got, f.String())
	}
	want := []string{
		`sorted.yaml:5:5: warning: envelope: field "Seq" is not lower_snake ("seq" would be) (lower-snake)`,
		`sorted.yaml:5:5: warning: envelope: field "Seq": int without min and max within ±(2^53-1): a JavaScript client cannot hold every value exactly (bound it, or use int32) (unsafe-int)`,
		`sorted.yaml:7:3: warning: enum "Mode" has no description (missing-description)`,
		`sorted.yaml:9:3: warning: frame "go" has no description (missing-description)`,
		`sorted.yaml:13:7: error: frame "go": field "blob": no value found that matches pattern "(a|bb)c" and the length bounds; give the field an example (unsatisfiable)`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
