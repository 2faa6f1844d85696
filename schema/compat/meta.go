package compat

import (
	"fmt"
	"strconv"

	"github.com/framegen/framegen/internal/naming"
	"github.com/framegen/framegen/schema"
)

// The metadata pass: documentation, deprecations, Go names and secrecy. None of them travels
// on the wire, so they are compared definition by definition (matched by name) and carry no
// direction.

// meta is what the pass compares on every named node.
type meta struct {
	pos         schema.Pos
	name        schema.Name
	description string
	deprecated  string
}

func (c *comparer) meta(old, new *schema.Protocol) {
	if old.Description != new.Description {
		c.add(Finding{Rule: RuleDescriptionChanged, Severity: Info, Pos: new.Pos, Message: "protocol: description changed"})
	}
	for _, p := range pairs(old.Enums(), new.Enums(), func(e *schema.Enum) string { return e.Name.Wire }) {
		o, n := p[0], p[1]
		scope := fmt.Sprintf("enum %q", n.Name.Wire)
		c.node(scope, meta{o.Pos, o.Name, o.Description, o.Deprecated}, meta{n.Pos, n.Name, n.Description, n.Deprecated})
		for _, v := range pairs(o.Values(), n.Values(), func(v *schema.EnumValue) string { return v.Name.Wire }) {
			c.node(scope+fmt.Sprintf(": value %q", v[1].Name.Wire),
				meta{v[0].Pos, v[0].Name, v[0].Description, v[0].Deprecated},
				meta{v[1].Pos, v[1].Name, v[1].Description, v[1].Deprecated})
		}
	}
	for _, p := range pairs(old.Objects(), new.Objects(), func(o *schema.Object) string { return o.Name.Wire }) {
		o, n := p[0], p[1]
		scope := fmt.Sprintf("type %q", n.Name.Wire)
		c.node(scope, meta{o.Pos, o.Name, o.Description, o.Deprecated}, meta{n.Pos, n.Name, n.Description, n.Deprecated})
		c.metaFields(scope, o.Fields(), n.Fields())
	}
	for _, p := range pairs(old.Unions(), new.Unions(), func(u *schema.Union) string { return u.Name.Wire }) {
		o, n := p[0], p[1]
		c.node(fmt.Sprintf("union %q", n.Name.Wire), meta{o.Pos, o.Name, o.Description, o.Deprecated}, meta{n.Pos, n.Name, n.Description, n.Deprecated})
	}
	for _, p := range pairs(old.Frames(), new.Frames(), func(f *schema.Frame) string { return f.Name.Wire }) {
		o, n := p[0], p[1]
		scope := fmt.Sprintf("frame %q", n.Name.Wire)
		oldDeprecated := o.Deprecated
		if o.Deprecated == "" && n.Deprecated != "" {
			// Peers that still send or expect it need to move off it: say so louder, once.
			c.add(Finding{Rule: RuleFrameDeprecated, Severity: Warning, Pos: n.Pos,
				Message: fmt.Sprintf("%s: deprecated: %q", scope, n.Deprecated)})
			oldDeprecated = n.Deprecated
		}
		c.node(scope, meta{o.Pos, o.Name, o.Description, oldDeprecated}, meta{n.Pos, n.Name, n.Description, n.Deprecated})
		c.metaFields(scope, o.Fields(), n.Fields())
	}
	for _, side := range schema.Sides {
		c.metaFields("envelope", old.Channel(side).Envelope.Fields(), new.Channel(side).Envelope.Fields())
	}
}

func (c *comparer) metaFields(scope string, ofs, nfs []*schema.Field) {
	for _, p := range pairs(ofs, nfs, func(f *schema.Field) string { return f.Name.Wire }) {
		o, n := p[0], p[1]
		in := fmt.Sprintf("%s: field %q", scope, n.Name.Wire)
		c.node(in, meta{o.Pos, o.Name, o.Description, o.Deprecated}, meta{n.Pos, n.Name, n.Description, n.Deprecated})
		if o.Secret && !n.Secret {
			c.add(Finding{Rule: RuleSecretRemoved, Severity: Warning, Pos: n.Pos,
				Message: in + ": no longer secret: its value may now appear in logs and errors"})
		}
	}
}

// node compares the metadata of one named node.
func (c *comparer) node(scope string, o, n meta) {
	if o.description != n.description {
		c.add(Finding{Rule: RuleDescriptionChanged, Severity: Info, Pos: n.pos, Message: scope + ": description changed"})
	}
	if o.deprecated != n.deprecated {
		var msg string
		switch {
		case o.deprecated == "":
			msg = "deprecated: " + strconv.Quote(n.deprecated)
		case n.deprecated == "":
			msg = "no longer deprecated"
		default:
			msg = fmt.Sprintf("deprecation %q → %q", o.deprecated, n.deprecated)
		}
		c.add(Finding{Rule: RuleDeprecationChanged, Severity: Info, Pos: n.pos, Message: scope + ": " + msg})
	}
	if o.name.GoName != n.name.GoName {
		c.add(Finding{Rule: RuleGoNameChanged, Severity: Info, Pos: n.pos,
			Message: fmt.Sprintf("%s: Go name %s → %s", scope, strconv.Quote(goName(o.name)), strconv.Quote(goName(n.name)))})
	}
}

// goName is the Go identifier a name gets: its go_name, or the one derived from its words.
func goName(n schema.Name) string {
	if n.GoName != "" {
		return n.GoName
	}
	return naming.Go(n.Words())
}

// pairs returns the elements of old and new that share a key, in new's order.
func pairs[T any](old, new []T, key func(T) string) [][2]T {
	byKey := make(map[string]T, len(old))
	for _, o := range old {
		byKey[key(o)] = o
	}
	var out [][2]T
	for _, n := range new {
		if o, ok := byKey[key(n)]; ok {
			out = append(out, [2]T{o, n})
		}
	}
	return out
}
