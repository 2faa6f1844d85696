// Package schema loads a framegen schema file (the language of SCHEMA.md), checks every rule
// of it, and resolves it into the model that generators, lint, diff and docs consume.
//
//	p, err := schema.Load("chat.frames.yaml")
//	var diags schema.Diagnostics
//	if errors.As(err, &diags) { … every problem, sorted by position … }
//
// A schema with problems yields no model, only its Diagnostics.
package schema
