package schema

import (
	"fmt"
	"slices"
	"strings"
)

// Rules that span several parts of the model: tags per direction, frames that must fit
// their envelopes, union variants, cycles of required fields. Name rules are in names.go.

func (l *loader) check(p *Protocol) {
	l.checkTags(p)
	l.checkFit(p)
	l.checkEnvelopePair(p)
	l.checkVariants(p)
	l.checkCycles(p)
	l.checkNames(p)
}

func at(p Pos) string { return fmt.Sprintf("line %d:%d", p.Line, p.Col) }

func framePath(f *Frame) string { return fmt.Sprintf("frame %q", f.Name.Wire) }

// tagPos is where a frame's tag is written: its `tag:` value, or its key.
func (l *loader) tagPos(f *Frame) Pos {
	if n := l.tagNode[f]; n != nil {
		return l.pos(n)
	}
	return f.Pos
}

func tagText(t Tag) string {
	if t.IsInt {
		return fmt.Sprintf("integer tag %d", t.Int)
	}
	return fmt.Sprintf("tag %q", t.Str)
}

// checkTags enforces, per direction: unique tags, one JSON type of tag, no integer tags
// under external tagging. A frame is reported once, whichever direction shows the problem.
func (l *loader) checkTags(p *Protocol) {
	reported := map[*Frame]bool{}
	for _, s := range Sides {
		ch := p.Channel(s)
		if len(ch.frames) == 0 {
			continue
		}
		first := ch.frames[0]
		ch.IntTags = first.Tag.IsInt
		seen := map[Tag]*Frame{}
		for _, f := range ch.frames {
			if reported[f] {
				continue
			}
			switch prev := seen[f.Tag]; {
			case prev != nil:
				l.report(l.tagPos(f), framePath(f), "set tag: on one of them", "%s is already used by frame %q (%s) among the frames the %s sends", tagText(f.Tag), prev.Name.Wire, at(prev.Pos), s)
				reported[f] = true
			case f.Tag.IsInt != first.Tag.IsInt:
				kind := "strings"
				if first.Tag.IsInt {
					kind = "integers"
				}
				l.report(l.tagPos(f), framePath(f), "", "%s, but the tags of the frames the %s sends are %s (frame %q, %s)", tagText(f.Tag), s, kind, first.Name.Wire, at(first.Pos))
				reported[f] = true
			case f.Tag.IsInt && ch.Envelope.Tagging == External:
				l.report(l.tagPos(f), framePath(f), "use string tags, or internal or adjacent tagging", "%s cannot be used with external tagging (JSON keys are strings)", tagText(f.Tag))
				reported[f] = true
			}
			if seen[f.Tag] == nil {
				seen[f.Tag] = f
			}
		}
	}
}

// envName names an envelope in messages: "the envelope" or "the client envelope".
func (l *loader) envName(s Side) string {
	if l.perSideEn {
		return "the " + s.String() + " envelope"
	}
	return "the envelope"
}

// checkFit reports frame fields that have the wire name of the tag key, the content key or
// an envelope field of an envelope the frame travels in, and external tags that are the
// name of an envelope field.
func (l *loader) checkFit(p *Protocol) {
	for _, f := range p.frames {
		var done []*Envelope
		for _, s := range Sides {
			if !f.From.Has(s) {
				continue
			}
			env := p.Channel(s).Envelope
			if slices.Contains(done, env) {
				continue
			}
			done = append(done, env)
			envFields := env.fields
			if env.Tagging == External && !f.Tag.IsInt {
				for _, ef := range envFields {
					if ef.Name.Wire == f.Tag.Str {
						l.report(l.tagPos(f), framePath(f), "set tag: to another name", "tag %q is the name of a field of %s", f.Tag.Str, l.envName(s))
					}
				}
			}
			for _, fd := range f.fields {
				path := func() string { return fmt.Sprintf("%s: field %q", framePath(f), fd.Name.Wire) }
				switch {
				case env.Tagging != External && fd.Name.Wire == env.TagKey:
					l.report(fd.Pos, path(), "rename the field, or set another tag key", "field %q has the name of the tag key of %s", fd.Name.Wire, l.envName(s))
				case env.Tagging == Adjacent && fd.Name.Wire == env.ContentKey:
					l.report(fd.Pos, path(), "rename the field, or set another content key", "field %q has the name of the content key of %s", fd.Name.Wire, l.envName(s))
				default:
					for _, ef := range envFields {
						if ef.Name.Wire == fd.Name.Wire {
							l.report(fd.Pos, path(), "drop it: every frame carries the envelope's fields", "field %q has the name of a field of %s (%s)", fd.Name.Wire, l.envName(s), at(ef.Pos))
						}
					}
				}
			}
		}
	}
}

// checkEnvelopePair: with per-direction envelopes, a both frame carries the fields of both,
// so two envelope fields of one name must agree.
func (l *loader) checkEnvelopePair(p *Protocol) {
	if !l.perSideEn || !slices.ContainsFunc(p.frames, func(f *Frame) bool { return f.From == Both }) {
		return
	}
	for _, sf := range p.server.Envelope.fields {
		for _, cf := range p.client.Envelope.fields {
			if cf.Name.Wire != sf.Name.Wire || cf.Type == nil || sf.Type == nil {
				continue
			}
			if fieldShape(cf) != fieldShape(sf) {
				l.report(sf.Pos, fmt.Sprintf("envelope: server: field %q", sf.Name.Wire), "give them the same type",
					"field %q is %s here but %s in the client envelope (%s); frames sent both ways carry both", sf.Name.Wire, fieldShape(sf), fieldShape(cf), at(cf.Pos))
			}
		}
	}
}

// fieldShape is a field's type as a schema writes it, with ? and nullable.
func fieldShape(f *Field) string {
	s := f.Type.String()
	if f.Optional {
		s += "?"
	}
	if f.Nullable {
		s += " (nullable)"
	}
	return s
}

// checkVariants: a variant's own fields may not use its union's tag key.
func (l *loader) checkVariants(p *Protocol) {
	for _, u := range p.unions {
		for _, v := range u.variants {
			for _, f := range v.Object.fields {
				if f.Name.Wire == u.TagKey {
					l.report(v.Pos, fmt.Sprintf("union %q: variant %q", u.Name.Wire, v.Tag), "rename the field, or set another tag key on the union",
						"type %q has a field %q (%s), the union's tag key", v.Object.Name.Wire, f.Name.Wire, at(f.Pos))
				}
			}
		}
	}
}

// A node of the graph of required references: an object or a union.
type cycleNode struct {
	pos   Pos
	name  string
	path  string
	edges []cycleEdge
}

type cycleEdge struct {
	to   *cycleNode
	pos  Pos
	path string // path of the field or variant
	step string // "User.best_friend", "Attachment[image]"
}

// checkCycles reports every cycle of required, non-nullable fields through objects and
// unions (a union reaches each of its variants): no finite value could be written.
func (l *loader) checkCycles(p *Protocol) {
	nodes := map[any]*cycleNode{}
	var order []*cycleNode
	for _, o := range p.objects {
		n := &cycleNode{pos: o.Pos, name: o.Name.Wire, path: fmt.Sprintf("type %q", o.Name.Wire)}
		nodes[o] = n
		order = append(order, n)
	}
	for _, u := range p.unions {
		n := &cycleNode{pos: u.Pos, name: u.Name.Wire, path: fmt.Sprintf("union %q", u.Name.Wire)}
		nodes[u] = n
		order = append(order, n)
	}
	for _, o := range p.objects {
		n := nodes[o]
		for _, f := range o.fields {
			if f.Optional || f.Nullable || f.Type == nil {
				continue
			}
			var to *cycleNode
			switch f.Type.Kind {
			case KindObject:
				to = nodes[f.Type.Object]
			case KindUnion:
				to = nodes[f.Type.Union]
			}
			if to != nil {
				n.edges = append(n.edges, cycleEdge{to: to, pos: f.Pos, path: fmt.Sprintf("%s: field %q", n.path, f.Name.Wire), step: o.Name.Wire + "." + f.Name.Wire})
			}
		}
	}
	for _, u := range p.unions {
		n := nodes[u]
		for _, v := range u.variants {
			n.edges = append(n.edges, cycleEdge{to: nodes[v.Object], pos: v.Pos, path: fmt.Sprintf("%s: variant %q", n.path, v.Tag), step: fmt.Sprintf("%s[%s]", u.Name.Wire, v.Tag)})
		}
	}
	slices.SortStableFunc(order, func(a, b *cycleNode) int { return comparePos(a.pos, b.pos) })
	const (
		white = iota
		grey
		black
	)
	color := map[*cycleNode]int{}
	var stack []cycleEdge
	var visit func(n *cycleNode)
	visit = func(n *cycleNode) {
		color[n] = grey
		for _, e := range n.edges {
			switch color[e.to] {
			case white:
				stack = append(stack, e)
				visit(e.to)
				stack = stack[:len(stack)-1]
			case grey:
				// The cycle runs from e.to along the stack back to n, then over e.
				i := len(stack)
				for i > 0 && stack[i-1].to != e.to {
					i--
				}
				cyc := append(slices.Clone(stack[i:]), e)
				if e.to == n {
					cyc = []cycleEdge{e}
				}
				steps := make([]string, len(cyc))
				for j, c := range cyc {
					steps[j] = c.step
				}
				start := cyc[0]
				l.report(start.pos, start.path, "make one of these fields optional or nullable, or reach the type through a list or map",
					"required fields form a cycle, so no value can be written: %s → %s", strings.Join(steps, " → "), e.to.name)
			}
		}
		color[n] = black
	}
	for _, n := range order {
		if color[n] == white {
			visit(n)
		}
	}
}

func comparePos(a, b Pos) int {
	if a.Line != b.Line {
		return a.Line - b.Line
	}
	return a.Col - b.Col
}
