package golang

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/framegen/framegen/internal/difftext"
	"github.com/framegen/framegen/schema"
)

// The golden harness. testdata/ is a nested Go module (framegen.test/golden); each case is a
// directory holding schema.yaml, an optional options.json, the generated files committed
// beside them, and hand-written behaviour tests of the generated package. TestGolden
// regenerates every case and diffs it against the committed files (UPDATE_GOLDEN=1 rewrites
// them), then runs go vet and go test inside the nested module, so the behaviour tests and
// fuzz seed corpora of every case run as part of this suite.

// caseOptions is options.json: how a case is generated (every key may be left out).
type caseOptions struct {
	Package    string   `json:"package"`
	Side       string   `json:"side"` // server, client or both
	Transports []string `json:"transports"`
}

// update reports whether golden files are to be rewritten.
func update() bool { return os.Getenv("UPDATE_GOLDEN") != "" }

// goldenCases lists the case directories, sorted.
func goldenCases(t *testing.T) []string {
	t.Helper()
	matches, err := filepath.Glob(filepath.Join("testdata", "*", "schema.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var dirs []string
	for _, m := range matches {
		dirs = append(dirs, filepath.Dir(m))
	}
	slices.Sort(dirs)
	if len(dirs) == 0 {
		t.Fatal("no golden cases in testdata")
	}
	return dirs
}

// generateCase loads a case's schema and options and generates its package.
func generateCase(t *testing.T, dir string) []File {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "schema.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := schema.Parse("schema.yaml", data)
	if err != nil {
		t.Fatalf("parse %s/schema.yaml:\n%v", dir, err)
	}
	var co caseOptions
	if raw, err := os.ReadFile(filepath.Join(dir, "options.json")); err == nil {
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&co); err != nil {
			t.Fatalf("%s/options.json: %v", dir, err)
		}
	} else if !errors.Is(err, os.ErrNotExist) {
		t.Fatal(err)
	}
	opts := Options{Package: co.Package, Transports: co.Transports}
	switch co.Side {
	case "", "both":
		opts.Side = schema.Both
	case "server":
		opts.Side = schema.Server
	case "client":
		opts.Side = schema.Client
	default:
		t.Fatalf("%s/options.json: side %q: want server, client or both", dir, co.Side)
	}
	files, err := Generate(p, opts)
	if err != nil {
		t.Fatalf("generate %s: %v", dir, err)
	}
	return files
}

func TestGolden(t *testing.T) {
	for _, dir := range goldenCases(t) {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			files := generateCase(t, dir)
			want := map[string]bool{}
			for _, f := range files {
				want[f.Name] = true
				path := filepath.Join(dir, f.Name)
				if update() {
					if err := os.WriteFile(path, f.Content, 0o644); err != nil {
						t.Fatal(err)
					}
					continue
				}
				got, err := os.ReadFile(path)
				if err != nil {
					t.Errorf("%s: %v (run with UPDATE_GOLDEN=1 to create it)", path, err)
					continue
				}
				if !bytes.Equal(got, f.Content) {
					t.Errorf("%s is stale (run with UPDATE_GOLDEN=1 to rewrite it):\n%s", path,
						difftext.Unified("committed/"+f.Name, "generated/"+f.Name, got, f.Content))
				}
			}
			// A generated file that is no longer produced is stale too.
			old, _ := filepath.Glob(filepath.Join(dir, "*.gen.go"))
			for _, path := range old {
				if want[filepath.Base(path)] {
					continue
				}
				if update() {
					if err := os.Remove(path); err != nil {
						t.Fatal(err)
					}
					continue
				}
				t.Errorf("%s is no longer generated (run with UPDATE_GOLDEN=1 to remove it)", path)
			}
		})
	}
	if t.Failed() {
		return
	}
	if testing.Short() {
		t.Skip("-short: not building and testing the generated packages (go vet and go test in testdata)")
	}
	// The nested module: the generated packages compile, pass vet, and their behaviour tests
	// and fuzz seed corpora pass.
	for _, args := range [][]string{{"vet", "./..."}, {"test", "-count=1", "./..."}} {
		t.Run("go "+args[0], func(t *testing.T) {
			runGo(t, args...)
		})
	}
}

// runGo runs the go command in the nested module and fails with its output.
func runGo(t *testing.T, args ...string) {
	t.Helper()
	cmd := exec.Command("go", args...)
	cmd.Dir = "testdata"
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=readonly", "GOPROXY=off")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go %s in testdata: %v\n%s", strings.Join(args, " "), err, out)
	}
}

// TestGoldenGofmt checks that the committed generated files are gofmt-clean as written:
// Generate formats them, and this guards the runtime file and hand edits alike. (The
// hand-written tests beside them are their authors' to format.)
func TestGoldenGofmt(t *testing.T) {
	gofmt, err := exec.LookPath("gofmt")
	if err != nil {
		t.Skip("gofmt not on PATH")
	}
	args := []string{"-l"}
	for _, dir := range goldenCases(t) {
		gen, err := filepath.Glob(filepath.Join(dir, "*.gen.go"))
		if err != nil {
			t.Fatal(err)
		}
		args = append(args, gen...)
	}
	out, err := exec.Command(gofmt, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("gofmt: %v\n%s", err, out)
	}
	if len(bytes.TrimSpace(out)) != 0 {
		t.Errorf("not gofmt-clean:\n%s", out)
	}
}

// TestGoldenDocComments holds every generated file to the house rule: each exported
// declaration has a doc comment that starts with its name (constants and variables in a
// documented group excepted).
func TestGoldenDocComments(t *testing.T) {
	for _, dir := range goldenCases(t) {
		paths, err := filepath.Glob(filepath.Join(dir, "*.gen.go"))
		if err != nil {
			t.Fatal(err)
		}
		for _, path := range paths {
			fset := token.NewFileSet()
			f, err := parser.ParseFile(fset, path, nil, parser.ParseComments|parser.SkipObjectResolution)
			if err != nil {
				t.Fatal(err)
			}
			for _, msg := range undocumented(fset, f) {
				t.Error(msg)
			}
		}
	}
}

// undocumented lists the exported declarations of f without a proper doc comment.
func undocumented(fset *token.FileSet, f *ast.File) []string {
	var out []string
	check := func(pos token.Pos, name string, doc *ast.CommentGroup, mustStart bool) {
		if !ast.IsExported(name) {
			return
		}
		text := ""
		if doc != nil {
			text = doc.Text()
		}
		switch {
		case text == "":
			out = append(out, fmt.Sprintf("%s: %s has no doc comment", fset.Position(pos), name))
		case mustStart && !strings.HasPrefix(text, name+" "):
			out = append(out, fmt.Sprintf("%s: doc comment of %s does not start with its name: %q", fset.Position(pos), name, firstLine(text)))
		}
	}
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Recv != nil && !exportedRecv(d.Recv) {
				continue
			}
			check(d.Pos(), d.Name.Name, d.Doc, true)
		case *ast.GenDecl:
			for _, s := range d.Specs {
				switch s := s.(type) {
				case *ast.TypeSpec:
					doc := s.Doc
					if doc == nil && len(d.Specs) == 1 {
						doc = d.Doc
					}
					check(s.Pos(), s.Name.Name, doc, true)
				case *ast.ValueSpec:
					for _, n := range s.Names {
						doc := s.Doc
						if doc == nil {
							doc = d.Doc
						}
						check(n.Pos(), n.Name, doc, s.Doc != nil)
					}
				}
			}
		}
	}
	return out
}

// exportedRecv reports whether a method's receiver type is exported.
func exportedRecv(fl *ast.FieldList) bool {
	t := fl.List[0].Type
	if s, ok := t.(*ast.StarExpr); ok {
		t = s.X
	}
	if ix, ok := t.(*ast.IndexExpr); ok {
		t = ix.X
	}
	id, ok := t.(*ast.Ident)
	return ok && ast.IsExported(id.Name)
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

func TestUndocumented(t *testing.T) {
	src := `package p

// A is fine.
type A int

type B int

// Wrong start.
func C() {}

// String is fine.
func (A) String() string { return "" }

func (b *B) Bad() {}

// Group doc.
const (
	D = 1
	// E is fine.
	E = 2
	// wrong.
	F = 3
)

func (x *hidden) Skip() {}
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	got := undocumented(fset, f)
	want := []string{
		"p.go:6:6: B has no doc comment",
		`p.go:9:1: doc comment of C does not start with its name: "Wrong start."`,
		"p.go:14:1: Bad has no doc comment",
		`p.go:22:2: doc comment of F does not start with its name: "wrong."`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// BenchmarkGenerate measures a whole run over each golden case's schema.
func BenchmarkGenerate(b *testing.B) {
	for _, name := range []string{"chat", "all_types"} {
		data, err := os.ReadFile(filepath.Join("testdata", name, "schema.yaml"))
		if err != nil {
			b.Fatal(err)
		}
		p, err := schema.Parse("schema.yaml", data)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Generate(p, Options{Transports: []string{"coder", "gorilla"}}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestGoldenNoUnusedHelpers fails on an unexported top-level name (function, method, type,
// variable or constant) that a generated package declares and never refers to. It counts
// by name, so it is coarse for methods (one use of validate counts for every type), but it
// catches a helper emitted for nothing.
func TestGoldenNoUnusedHelpers(t *testing.T) {
	for _, dir := range goldenCases(t) {
		paths, err := filepath.Glob(filepath.Join(dir, "*.gen.go"))
		if err != nil {
			t.Fatal(err)
		}
		fset := token.NewFileSet()
		var files []*ast.File
		for _, path := range paths {
			f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
			if err != nil {
				t.Fatal(err)
			}
			files = append(files, f)
		}
		for _, name := range unusedNames(files) {
			t.Errorf("%s: %s is declared and never used", dir, name)
		}
	}
}

// unusedNames lists, sorted, the unexported top-level names of a package's files that no
// identifier outside their declarations refers to. As in staticcheck, the constants of one
// const block count as used when one of them is (an iota sequence keeps its members).
func unusedNames(files []*ast.File) []string {
	decls := map[string]int{} // name -> number of declaring identifiers
	idents := map[string]int{}
	var constBlocks [][]string
	for _, f := range files {
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				decls[d.Name.Name]++
			case *ast.GenDecl:
				var block []string
				for _, s := range d.Specs {
					switch s := s.(type) {
					case *ast.TypeSpec:
						decls[s.Name.Name]++
					case *ast.ValueSpec:
						for _, n := range s.Names {
							decls[n.Name]++
							block = append(block, n.Name)
						}
					}
				}
				if d.Tok == token.CONST && len(block) > 1 {
					constBlocks = append(constBlocks, block)
				}
			}
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				idents[id.Name]++
			}
			return true
		})
	}
	used := func(name string) bool { return idents[name] > decls[name] }
	blockUsed := map[string]bool{}
	for _, block := range constBlocks {
		if slices.ContainsFunc(block, used) {
			for _, name := range block {
				blockUsed[name] = true
			}
		}
	}
	var out []string
	for name, n := range decls {
		if blockUsed[name] {
			continue
		}
		if ast.IsExported(name) || name == "_" || name == "init" {
			continue
		}
		if idents[name] <= n {
			out = append(out, name)
		}
	}
	slices.Sort(out)
	return out
}

func TestUnusedNames(t *testing.T) {
	src := `package p

const (
	a = iota
	b
)

const lone = 1

func used() int { return a }

func unused() {}

type t struct{}

func (t) m() {}

func (t) n() {}

var _ = used
var _ = t{}.m
`
	f, err := parser.ParseFile(token.NewFileSet(), "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	got := unusedNames([]*ast.File{f})
	if want := []string{"lone", "n", "unused"}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestGoldenNoAnyInSignatures: no exported function or method of a generated package takes
// or returns any (interface{}); users pass and get typed values.
func TestGoldenNoAnyInSignatures(t *testing.T) {
	for _, dir := range goldenCases(t) {
		paths, err := filepath.Glob(filepath.Join(dir, "*.gen.go"))
		if err != nil {
			t.Fatal(err)
		}
		for _, path := range paths {
			fset := token.NewFileSet()
			f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range f.Decls {
				fd, ok := d.(*ast.FuncDecl)
				if !ok || !fd.Name.IsExported() || (fd.Recv != nil && !exportedRecv(fd.Recv)) {
					continue
				}
				for _, fl := range []*ast.FieldList{fd.Type.Params, fd.Type.Results} {
					if fl == nil {
						continue
					}
					for _, field := range fl.List {
						if isAny(field.Type) {
							t.Errorf("%s: %s has an any in its signature", fset.Position(fd.Pos()), fd.Name.Name)
						}
					}
				}
			}
		}
	}
}

// isAny reports whether a type expression is any or interface{}, alone or as the element
// of a slice, map or pointer.
func isAny(e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.Ident:
		return e.Name == "any"
	case *ast.InterfaceType:
		return len(e.Methods.List) == 0
	case *ast.StarExpr:
		return isAny(e.X)
	case *ast.ArrayType:
		return isAny(e.Elt)
	case *ast.MapType:
		return isAny(e.Key) || isAny(e.Value)
	case *ast.Ellipsis:
		return isAny(e.Elt)
	}
	return false
}
