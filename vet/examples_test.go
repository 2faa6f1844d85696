package vet_test

import (
	"testing"

	"github.com/framegen/framegen/vet"
)

// TestExamplesClean runs the analyzer, as `framegen vet --tests` does, over the project's
// own examples: the code we show users must pass the check we ask them to run.
func TestExamplesClean(t *testing.T) {
	if testing.Short() {
		t.Skip("loads and type-checks the examples with the go command")
	}
	findings, err := vet.Check(vet.Options{Tests: true}, "github.com/framegen/framegen/examples/...")
	if err != nil {
		t.Fatalf("vet examples: %v", err)
	}
	for _, f := range findings {
		t.Errorf("finding in an example: %s", f)
	}
}
