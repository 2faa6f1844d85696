package lint

import (
	"strconv"

	"github.com/framegen/framegen/schema"
)

func unused() Rule {
	return Rule{
		Name: "unused",
		Doc: `every type, union and enum should be reachable from a frame
A type, union or enum that no frame or envelope field reaches, directly or through other
types, lists, maps and union variants, is dead weight in every output. Types that only
refer to each other are unused too.`,
		Check: func(pass *Pass) {
			p := pass.Protocol
			used := reachable(p)
			for _, e := range p.Enums() {
				if !used[e] {
					pass.Report(e.Pos, "enum "+strconv.Quote(e.Name.Wire)+" is never used by a frame")
				}
			}
			for _, o := range p.Objects() {
				if !used[o] {
					pass.Report(o.Pos, "type "+strconv.Quote(o.Name.Wire)+" is never used by a frame")
				}
			}
			for _, u := range p.Unions() {
				if !used[u] {
					pass.Report(u.Pos, "union "+strconv.Quote(u.Name.Wire)+" is never used by a frame")
				}
			}
		},
	}
}

// reachable returns the enums, objects and unions (as map keys) that frames and envelope
// fields reach.
func reachable(p *schema.Protocol) map[any]bool {
	used := map[any]bool{}
	var visitType func(t *schema.Type)
	var visitFields func(fs []*schema.Field)
	visitType = func(t *schema.Type) {
		t = innermost(t)
		switch t.Kind {
		case schema.KindEnum:
			used[t.Enum] = true
		case schema.KindObject:
			if !used[t.Object] {
				used[t.Object] = true
				visitFields(t.Object.Fields())
			}
		case schema.KindUnion:
			if !used[t.Union] {
				used[t.Union] = true
				for _, v := range t.Union.Variants() {
					if !used[v.Object] {
						used[v.Object] = true
						visitFields(v.Object.Fields())
					}
				}
			}
		}
	}
	visitFields = func(fs []*schema.Field) {
		for _, f := range fs {
			visitType(f.Type)
		}
	}
	for _, side := range schema.Sides {
		visitFields(p.Channel(side).Envelope.Fields())
	}
	for _, f := range p.Frames() {
		visitFields(f.Fields())
	}
	return used
}
