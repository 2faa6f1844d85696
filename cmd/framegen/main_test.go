package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestMain lets the test binary run as framegen inside scripts: the same run as main.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"framegen": func() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs testdata/script/*.txtar. UPDATE_GOLDEN=1 rewrites the files that `cmp`
// compares inside the scripts.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		RequireUniqueNames:  true,
		UpdateScripts:       os.Getenv("UPDATE_GOLDEN") != "",
		Setup:               setupGo,
		Cmds:                map[string]func(*testscript.TestScript, bool, []string){"exitcode": cmdExitCode},
	})
}

// setupGo lets scripts run the go command on generated code with the caller's build and
// module caches and module proxy; $FRAMEGEN_ROOT is this repository, for scripts that
// install framegen as a tool of their module. The proxy is the caller's, not "off": `go
// mod tidy` in such a module wants modules that no build of framegen downloads (cobra's
// Windows-only mousetrap, test dependencies of dependencies), which a fresh machine's
// cache does not hold. GOSUMDB stays off, so the scripts need nothing beyond the module
// proxy (these are throwaway modules; framegen's own go.sum is verified as usual).
func setupGo(env *testscript.Env) error {
	for _, v := range []string{"GOCACHE", "GOMODCACHE", "GOPROXY"} {
		out, err := exec.Command("go", "env", v).Output()
		if err != nil {
			return fmt.Errorf("go env %s: %w", v, err)
		}
		env.Setenv(v, strings.TrimSpace(string(out)))
	}
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		return err
	}
	env.Setenv("FRAMEGEN_ROOT", root)
	env.Setenv("GOPATH", filepath.Join(env.WorkDir, ".gopath"))
	env.Setenv("GOSUMDB", "off")
	env.Setenv("GOTOOLCHAIN", "local")
	env.Setenv("GOFLAGS", "-mod=mod")
	return nil
}

// cmdExitCode is `exitcode N cmd args...`: it runs cmd like exec and fails unless it exits
// with status N, so scripts tell exit 1 (problems in the input) from exit 2 (the job
// could not be done). Its stdout and stderr are kept for the next stdout/stderr commands.
func cmdExitCode(ts *testscript.TestScript, neg bool, args []string) {
	if neg {
		ts.Fatalf("unsupported: ! exitcode")
	}
	if len(args) < 2 {
		ts.Fatalf("usage: exitcode N command [args...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("exitcode: bad status %q", args[0])
	}
	err = ts.Exec(args[1], args[2:]...)
	got := 0
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		got = ee.ExitCode()
	case err != nil:
		ts.Fatalf("exitcode: %v", err)
	}
	if got != want {
		ts.Fatalf("%s exited with status %d, want %d", args[1], got, want)
	}
}
