package lint

import "github.com/framegen/framegen/schema"

func jsonField() Rule {
	return Rule{
		Name: "json-field",
		Doc: `a json field escapes the schema
A field of type json (or a list or map of json) accepts any well-formed JSON: no generated
code checks its shape, and clients get an untyped value. Use it for data that is free-form by
nature (GraphQL variables, say) and describe the expected shape.`,
		Check: func(pass *Pass) {
			for _, of := range allFields(pass.Protocol) {
				if innermost(of.field.Type).Kind == schema.KindJSON {
					pass.Report(of.field.Pos, of.path()+": type "+of.field.Type.String()+" is free-form: nothing checks its shape")
				}
			}
		},
	}
}
