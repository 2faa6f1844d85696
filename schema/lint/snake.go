package lint

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/framegen/framegen/schema"
)

// lowerSnakeRE is lower_snake: lower-case letters and digits in words joined by single
// underscores, starting with a letter.
var lowerSnakeRE = regexp.MustCompile(`^[a-z][a-z0-9]*(_[a-z0-9]+)*$`)

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
			check := func(pos schema.Pos, what string, n schema.Name) {
				if lowerSnakeRE.MatchString(n.Wire) {
					return
				}
				msg := what + " " + strconv.Quote(n.Wire) + " is not lower_snake"
				if s := snake(n); lowerSnakeRE.MatchString(s) {
					msg += " (" + strconv.Quote(s) + " would be)"
				}
				pass.Report(pos, msg)
			}
			for _, of := range allFields(p) {
				check(of.field.Pos, of.owner+": field", of.field.Name)
			}
			for _, f := range p.Frames() {
				check(f.Pos, "frame", f.Name)
			}
			for _, e := range p.Enums() {
				if e.IsInt {
					continue
				}
				for _, v := range e.Values() {
					check(v.Pos, "enum "+strconv.Quote(e.Name.Wire)+": value", v.Name)
				}
			}
			for _, u := range p.Unions() {
				for _, v := range u.Variants() {
					check(v.Pos, "union "+strconv.Quote(u.Name.Wire)+": variant", schema.NewName(v.Tag, "", nil))
				}
			}
		},
	}
}

// snake spells n's words in lower_snake.
func snake(n schema.Name) string {
	return strings.ToLower(strings.Join(n.Words(), "_"))
}
