package lint

import "strconv"

func missingDescription() Rule {
	return Rule{
		Name: "missing-description",
		Doc: `frames and enums need a description
A frame's and an enum's description become doc comments in the generated code and prose in
the Markdown docs; without one, readers of both only have the name.`,
		Check: func(pass *Pass) {
			for _, f := range pass.Protocol.Frames() {
				if f.Description == "" {
					pass.Report(f.Pos, "frame "+strconv.Quote(f.Name.Wire)+" has no description")
				}
			}
			for _, e := range pass.Protocol.Enums() {
				if e.Description == "" {
					pass.Report(e.Pos, "enum "+strconv.Quote(e.Name.Wire)+" has no description")
				}
			}
		},
	}
}
