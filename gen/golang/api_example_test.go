package golang

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/framegen/framegen/schema"
)

// exampleProtocol is the Go view of a small schema, for the examples below.
func exampleProtocol() *protocol {
	m, err := schema.Parse("example.yaml", []byte(`framegen: 1
protocol: example
enums:
  State: {values: [open, closed]}
types:
  User:
    fields:
      name: {type: string, min_length: 1, max_length: 64, pattern: "[a-z]+"}
      tags: {type: "list<string>", optional: true, max_items: 3}
      state: State?
frames:
  hello: {from: client, fields: {user: User}}
`))
	if err != nil {
		panic(err) // a broken example schema is a bug in this file
	}
	return newProtocol(m, Options{})
}

// fail records a violation, as Validate does.
func exampleFail(path string) func(reason jen.Code) jen.Code {
	return func(reason jen.Code) jen.Code {
		return jen.Id("c").Dot("add").Call(jen.Id("p").Dot("field").Call(jen.Lit(path)), reason)
	}
}

// The checks of a string field: UTF-8, then its lengths and its pattern.
func Example_constraintChecks() {
	p := exampleProtocol()
	name := p.objects[0].fields[0]
	for _, c := range p.constraintChecks(name, jen.Id("v").Dot("Name"), checkOpts{}, exampleFail("name")) {
		fmt.Printf("%#v\n", c)
	}
	// Output:
	// if !utf8.ValidString(v.Name) {
	// 	c.add(p.field("name"), "invalid UTF-8")
	// }
	// if len(v.Name) < 4 || len(v.Name) > 64 {
	// 	if n := utf8.RuneCountInString(v.Name); n < 1 {
	// 		c.add(p.field("name"), "shorter than 1 character")
	// 	} else if n > 64 {
	// 		c.add(p.field("name"), "longer than 64 characters")
	// 	}
	// }
	// if !patternUserName.MatchString(v.Name) {
	// 	c.add(p.field("name"), "does not match pattern [a-z]+")
	// }
}

// A decoder asks for the constraints only: it has checked UTF-8 while reading.
func Example_constraintChecksDecoder() {
	p := exampleProtocol()
	tags := p.objects[0].fields[1]
	fail := func(reason jen.Code) jen.Code {
		return jen.Return(jen.Id("constraintError").Call(reason))
	}
	for _, c := range p.constraintChecks(tags, jen.Id("tags"), checkOpts{constraintsOnly: true}, fail) {
		fmt.Printf("%#v\n", c)
	}
	// Output:
	// if len(tags) > 3 {
	// 	return constraintError("more than 3 items")
	// }
}

// A closed enum names the value and the allowed values. Through a pointer (an optional
// field), checks read *v.State and call methods on v.State.
func Example_constraintChecksPointer() {
	p := exampleProtocol()
	state := p.objects[0].fields[2]
	for _, c := range p.constraintChecks(state, jen.Id("v").Dot("State"), checkOpts{pointer: true}, exampleFail("state")) {
		fmt.Printf("%#v\n", c)
	}
	// Output:
	// if !v.State.IsValid() {
	// 	c.add(p.field("state"), "unknown value "+strconv.Quote(string(*v.State))+" of State (want one of: open, closed)")
	// }
}

// Long doc text is wrapped; paragraphs and indented lines are kept.
func Example_doc() {
	fmt.Printf("%#v\n", doc(paragraphs("use Other",
		"Hello is the frame \"hello\", sent by the client with tag \"hello\", the first frame on every connection of the example protocol.",
		"Indented lines stay whole:\n\n\tif err := Send(ctx, f); err != nil {")))
	// Output:
	// // Hello is the frame "hello", sent by the client with tag "hello", the first frame on every
	// // connection of the example protocol.
	// //
	// // Indented lines stay whole:
	// //
	// // 	if err := Send(ctx, f); err != nil {
	// //
	// // Deprecated: use Other
}
