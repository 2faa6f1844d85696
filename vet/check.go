package vet

import (
	"cmp"
	"errors"
	"fmt"
	"go/token"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// Options says which packages Check loads.
type Options struct {
	// Dir is the directory the patterns are relative to, and the one finding paths are
	// written relative to; "" means the current directory.
	Dir string
	// Tests includes the packages' test files. Off by default: tests often send malformed
	// JSON on purpose, to see a server reject it.
	Tests bool
}

// A Finding is one report of Analyzer.
type Finding struct {
	Pos     token.Position // Filename relative to Options.Dir when it lies below it
	Message string
}

// String formats f as file:line:col: message.
func (f Finding) String() string { return f.Pos.String() + ": " + f.Message }

// LoadError lists what kept packages from loading or type-checking, one line each
// (file:line:col: message where a position is known), sorted.
type LoadError struct {
	Errs []string
}

func (e *LoadError) Error() string {
	return "load packages: " + strings.Join(e.Errs, "; ")
}

// Check loads the packages patterns name (go list patterns such as ./...) and runs
// Analyzer on them. It returns the findings sorted by position; a *LoadError when a
// package cannot be loaded or type-checked, or when no package matches.
func Check(opts Options, patterns ...string) ([]Finding, error) {
	dir, err := filepath.Abs(cmp.Or(opts.Dir, "."))
	if err != nil {
		return nil, fmt.Errorf("vet: %w", err)
	}
	cfg := &packages.Config{
		Mode: packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles |
			packages.NeedImports | packages.NeedTypes | packages.NeedTypesSizes |
			packages.NeedSyntax | packages.NeedTypesInfo | packages.NeedModule,
		Dir:   dir,
		Tests: opts.Tests,
	}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		return nil, &LoadError{Errs: []string{err.Error()}}
	}
	if err := loadErrors(dir, pkgs, patterns); err != nil {
		return nil, err
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{Analyzer}, pkgs, nil)
	if err != nil {
		return nil, fmt.Errorf("vet: %w", err)
	}
	var out []Finding
	seen := make(map[Finding]bool) // a test variant repeats its package's files
	var errs []error
	for _, act := range graph.Roots {
		if act.Err != nil {
			errs = append(errs, fmt.Errorf("vet %s: %w", act.Package.PkgPath, act.Err))
			continue
		}
		for _, d := range act.Diagnostics {
			f := Finding{Pos: act.Package.Fset.Position(d.Pos), Message: d.Message}
			f.Pos.Filename = relFile(dir, f.Pos.Filename)
			if !seen[f] {
				seen[f] = true
				out = append(out, f)
			}
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	slices.SortFunc(out, func(a, b Finding) int {
		return cmp.Or(
			cmp.Compare(a.Pos.Filename, b.Pos.Filename),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Column, b.Pos.Column),
			cmp.Compare(a.Message, b.Message))
	})
	return out, nil
}

// loadErrors returns a *LoadError listing the errors of pkgs and their dependencies, or
// nil when there are none. When the type checker explains a failure, the go command's
// report of the same failed build ("# pkg" and compiler output) is left out.
func loadErrors(dir string, pkgs []*packages.Package, patterns []string) error {
	if len(pkgs) == 0 {
		return &LoadError{Errs: []string{fmt.Sprintf("no packages match %s", strings.Join(patterns, " "))}}
	}
	var all []packages.Error
	checked := false
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			all = append(all, e)
			checked = checked || e.Kind == packages.TypeError || e.Kind == packages.ParseError
		}
	})
	var errs []string
	for _, e := range all {
		if checked && e.Kind == packages.ListError && strings.HasPrefix(e.Msg, "# ") {
			continue
		}
		errs = append(errs, formatError(dir, e))
	}
	if len(errs) == 0 {
		return nil
	}
	slices.Sort(errs)
	return &LoadError{Errs: slices.Compact(errs)}
}

// formatError writes e as file:line:col: message, the file relative to dir when it lies
// below it, or as the message alone when e has no position.
func formatError(dir string, e packages.Error) string {
	if e.Pos == "" || e.Pos == "-" {
		return e.Msg
	}
	return relPos(dir, e.Pos) + ": " + e.Msg
}

// relPos makes the file of a "file:line:col" position relative to dir.
func relPos(dir, pos string) string {
	file, rest := pos, ""
	for range 2 {
		i := strings.LastIndexByte(file, ':')
		if i < 0 || strings.Trim(file[i+1:], "0123456789") != "" {
			break
		}
		file, rest = file[:i], file[i:]+rest
	}
	return relFile(dir, file) + rest
}

// relFile returns file relative to dir when it lies below it, file itself otherwise.
func relFile(dir, file string) string {
	rel, err := filepath.Rel(dir, file)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return file
	}
	return rel
}
