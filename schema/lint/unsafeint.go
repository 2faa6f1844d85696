package lint

import (
	"github.com/framegen/framegen/schema"
)

// maxSafe is Number.MAX_SAFE_INTEGER: the largest integer a float64 (a JavaScript number)
// holds exactly, with every integer below it.
const maxSafe = 1<<53 - 1

func unsafeInt() Rule {
	return Rule{
		Name: "unsafe-int",
		Doc: `an int field should be bounded within ±(2^53-1)
An int is 64-bit, but a JavaScript client parses JSON numbers as float64 and silently
rounds integers beyond 2^53-1. A field of type int is safe when it has both min and max
within ±(2^53-1); a list or map of int cannot be bounded (min and max bound the field's own
value), so it is always reported. Use int32, or give min and max.`,
		Check: func(pass *Pass) {
			for _, of := range allFields(pass.Protocol) {
				f := of.field
				switch {
				case f.Type.Kind == schema.KindInt:
					if !safe(f.Constraints.Min) || !safe(f.Constraints.Max) {
						pass.Report(f.Pos, of.path()+": int without min and max within ±(2^53-1): a JavaScript client cannot hold every value exactly (bound it, or use int32)")
					}
				case innermost(f.Type).Kind == schema.KindInt:
					pass.Report(f.Pos, of.path()+": "+f.Type.String()+" holds unbounded ints: a JavaScript client cannot hold every value exactly (use int32)")
				}
			}
		},
	}
}

// safe reports whether bound is given and within ±(2^53-1).
func safe(bound *schema.Number) bool {
	return bound != nil && bound.Int >= -maxSafe && bound.Int <= maxSafe
}
