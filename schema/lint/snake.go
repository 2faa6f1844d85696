package lint

import (
	"strconv"
	"strings"

	"github.com/framegen/framegen/internal/naming"
	"github.com/framegen/framegen/schema"
)

func lowerSnake() Rule {
	return Rule{
		Name: "lower-snake",
		Doc: `wire names should be lower_snake
Field keys, frame names, the values of string enums and union variant tags travel on the
wire exactly as written. One spelling convention keeps clients in every language
consistent, and mixing roomId with room_id produces names that clash in generated code.
Integer enums put numbers on the wire, so their value names are not checked.`,
		Check: func(pass *Pass) {
			p := pass.Protocol
			check := func(pos schema.Pos, what, wire string) {
				if naming.IsLowerSnake(wire) {
					return
				}
				msg := what + " " + strconv.Quote(wire) + " is not lower_snake"
				if s := snake(wire); naming.IsLowerSnake(s) {
					msg += " (" + strconv.Quote(s) + " would be)"
				}
				pass.Report(pos, msg)
			}
			for _, of := range allFields(p) {
				check(of.field.Pos, of.owner+": field", of.field.Name.Wire)
			}
			for _, f := range p.Frames() {
				check(f.Pos, "frame", f.Name.Wire)
			}
			for _, e := range p.Enums() {
				if e.IsInt {
					continue
				}
				for _, v := range e.Values() {
					check(v.Pos, "enum "+strconv.Quote(e.Name.Wire)+": value", v.Name.Wire)
				}
			}
			for _, u := range p.Unions() {
				for _, v := range u.Variants() {
					check(v.Pos, "union "+strconv.Quote(u.Name.Wire)+": variant", v.Tag)
				}
			}
		},
	}
}

// snake spells the words of wire (SCHEMA.md, "Names") in lower_snake.
func snake(wire string) string {
	return strings.ToLower(strings.Join(naming.Split(wire), "_"))
}
