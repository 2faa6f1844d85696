package vet_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/framegen/framegen/vet"
)

// TestAnalyzer runs the analyzer over testdata/src, where each finding it must report is a
// `// want` comment; a finding without one, or a want without a finding, fails.
func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), vet.Analyzer,
		"authbug", "gorillabad", "gorillagood", "coderbad", "codergood", "noimport", "ignore",
		"example.com/chatproto")
}
