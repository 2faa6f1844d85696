// Package lint checks a resolved schema for style problems that are not errors of the
// schema language (SCHEMA.md) but that users should hear about: missing descriptions, wire
// names that are not lower_snake, free-form json, unused types, integers a JavaScript client
// cannot hold, and fields no sample value can satisfy.
//
// A rule is a value (Rule, like golang.org/x/tools/go/analysis's Analyzer), one per file;
// Run applies all of them.
package lint

import (
	"cmp"
	"slices"

	"github.com/framegen/framegen/schema"
)

// Rule is one check. Check reads the protocol from the Pass and reports what it finds.
type Rule struct {
	Name  string // short kebab-case identifier, printed after each finding
	Doc   string // what the rule finds and why it matters; first line is a summary
	Error bool   // findings are errors (the schema cannot be used as is), not warnings
	Check func(*Pass)
}

// Pass is what a rule's Check gets: the protocol, and Report to record a finding.
type Pass struct {
	Protocol *schema.Protocol
	// Report records a finding at pos with message msg.
	Report func(pos schema.Pos, msg string)
}

// Finding is one problem reported by a rule.
type Finding struct {
	Pos   schema.Pos
	Rule  string
	Msg   string
	Error bool
}

// String formats f as `file:line:col: warning: msg (rule)`, or with `error:` for errors.
func (f Finding) String() string {
	sev := "warning"
	if f.Error {
		sev = "error"
	}
	return f.Pos.String() + ": " + sev + ": " + f.Msg + " (" + f.Rule + ")"
}

// Rules returns every rule, in the order docs/lint.md lists them.
func Rules() []Rule {
	return []Rule{
		missingDescription(),
		lowerSnake(),
		jsonField(),
		unused(),
		unsafeInt(),
		unsatisfiable(),
	}
}

// Run applies every rule to p and returns the findings sorted by position, then rule and
// message; a finding reported twice (an envelope shared by both directions) is kept once.
func Run(p *schema.Protocol) []Finding {
	return RunRules(p, Rules())
}

// RunRules applies rules to p, like Run.
func RunRules(p *schema.Protocol, rules []Rule) []Finding {
	var fs []Finding
	for _, r := range rules {
		pass := &Pass{
			Protocol: p,
			Report: func(pos schema.Pos, msg string) {
				fs = append(fs, Finding{Pos: pos, Rule: r.Name, Msg: msg, Error: r.Error})
			},
		}
		r.Check(pass)
	}
	slices.SortFunc(fs, func(a, b Finding) int {
		return cmp.Or(
			cmp.Compare(a.Pos.File, b.Pos.File),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Col, b.Pos.Col),
			cmp.Compare(a.Rule, b.Rule),
			cmp.Compare(a.Msg, b.Msg),
		)
	})
	return slices.Compact(fs)
}
