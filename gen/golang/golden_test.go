package golang

import (
	"bytes"
	"encoding/json"
	"errors"
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
// Generate formats them, and this guards the runtime file and hand edits alike.
func TestGoldenGofmt(t *testing.T) {
	gofmt, err := exec.LookPath("gofmt")
	if err != nil {
		t.Skip("gofmt not on PATH")
	}
	args := []string{"-l"}
	for _, dir := range goldenCases(t) {
		args = append(args, dir)
	}
	out, err := exec.Command(gofmt, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("gofmt: %v\n%s", err, out)
	}
	if len(bytes.TrimSpace(out)) != 0 {
		t.Errorf("not gofmt-clean:\n%s", out)
	}
}
