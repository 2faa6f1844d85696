package chat

import (
	"os/exec"
	"testing"
)

// TestGeneratedUpToDate fails when a checked-in output differs from what framegen generates
// now from chat.frames.yaml (run `go generate ./examples/chat` to refresh them). It runs the
// real command, `framegen check`, which prints the diff and exits 1 on stale output.
func TestGeneratedUpToDate(t *testing.T) {
	out, err := exec.Command("go", "run", "../../cmd/framegen", "check", "-c", "framegen.yaml").CombinedOutput()
	if err != nil {
		t.Fatalf("framegen check: %v\n%s", err, out)
	}
}
