package lint

import "github.com/framegen/framegen/internal/sample"

func unsatisfiable() Rule {
	return Rule{
		Name:  "unsatisfiable",
		Error: true,
		Doc: `every field needs a value the sample generator can build
The docs show a wire example of every frame, and tests decode those examples with the
generated decoders. A field takes its example, else its default, else a synthesized value;
synthesis handles lengths, bounds, formats, enums and simple patterns. A pattern it cannot
match, or a type whose every value would contain itself forever, is an error: give the field
an example (or make the cycle optional).`,
		Check: func(pass *Pass) {
			for _, e := range sample.Check(pass.Protocol) {
				pass.Report(e.Pos, e.Path+": "+e.Reason)
			}
		},
	}
}
