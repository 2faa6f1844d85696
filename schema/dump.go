package schema

import (
	"fmt"
	"strconv"
	"strings"
)

// Dump renders p as indented text, one node a line with its position, for debugging and
// golden tests. The output is deterministic: it follows the model's order.
func Dump(p *Protocol) string {
	d := &dumper{}
	d.line(0, "protocol %s%s %s", p.Name.Wire, words(p.Name), pos(p.Pos))
	d.str(1, "version", p.Version)
	d.str(1, "subprotocol", p.Subprotocol)
	d.str(1, "description", p.Description)
	d.line(1, "hash %s", p.Hash)
	var envs []*Envelope
	for _, s := range Sides {
		c := p.Channel(s)
		d.line(0, "channel %s max_frame_bytes=%d unknown_fields=%s int_tags=%t", s, c.MaxFrameBytes, c.UnknownFields, c.IntTags)
		if i := indexOf(envs, c.Envelope); i >= 0 {
			d.line(1, "envelope: same as %s", Sides[i])
		} else {
			d.envelope(c.Envelope)
		}
		envs = append(envs, c.Envelope)
		names := make([]string, len(c.frames))
		for i, f := range c.frames {
			names[i] = f.Name.Wire
		}
		d.line(1, "frames [%s]", strings.Join(names, " "))
	}
	for _, e := range p.enums {
		kind := "string"
		if e.IsInt {
			kind = "int"
		}
		open := "closed"
		if e.Open {
			open = "open"
		}
		d.line(0, "enum %s%s %s %s %s", e.Name.Wire, words(e.Name), kind, open, pos(e.Pos))
		d.docs(1, e.Description, e.Deprecated)
		for _, v := range e.values {
			val := ""
			if e.IsInt {
				val = " = " + strconv.FormatInt(v.Value, 10)
			}
			d.line(1, "value %s%s%s %s", v.Name.Wire, words(v.Name), val, pos(v.Pos))
			d.docs(2, v.Description, v.Deprecated)
		}
	}
	for _, o := range p.objects {
		d.line(0, "type %s%s %s", o.Name.Wire, words(o.Name), pos(o.Pos))
		d.docs(1, o.Description, o.Deprecated)
		d.fields(1, o.fields)
	}
	for _, u := range p.unions {
		d.line(0, "union %s%s tag_key=%q %s", u.Name.Wire, words(u.Name), u.TagKey, pos(u.Pos))
		d.docs(1, u.Description, u.Deprecated)
		for _, v := range u.variants {
			d.line(1, "variant %q -> %s %s", v.Tag, v.Object.Name.Wire, pos(v.Pos))
		}
	}
	for _, f := range p.frames {
		tag := strconv.Quote(f.Tag.Str)
		if f.Tag.IsInt {
			tag = strconv.FormatInt(f.Tag.Int, 10)
		}
		d.line(0, "frame %s%s from=%s tag=%s %s", f.Name.Wire, words(f.Name), f.From, tag, pos(f.Pos))
		d.docs(1, f.Description, f.Deprecated)
		d.fields(1, f.fields)
	}
	return d.b.String()
}

type dumper struct{ b strings.Builder }

func (d *dumper) line(indent int, format string, args ...any) {
	d.b.WriteString(strings.Repeat("  ", indent))
	fmt.Fprintf(&d.b, format, args...)
	d.b.WriteByte('\n')
}

func (d *dumper) str(indent int, key, s string) {
	if s != "" {
		d.line(indent, "%s %q", key, s)
	}
}

func (d *dumper) docs(indent int, desc, depr string) {
	d.str(indent, "description", desc)
	d.str(indent, "deprecated", depr)
}

func (d *dumper) envelope(e *Envelope) {
	content := ""
	if e.ContentKey != "" {
		content = fmt.Sprintf(" content_key=%q", e.ContentKey)
	}
	d.line(1, "envelope %s tag_key=%q%s %s", e.Tagging, e.TagKey, content, pos(e.Pos))
	d.fields(2, e.fields)
}

func (d *dumper) fields(indent int, fs []*Field) {
	for _, f := range fs {
		var flags []string
		for _, fl := range [...]struct {
			on   bool
			name string
		}{{f.Optional, "optional"}, {f.Nullable, "nullable"}, {f.Secret, "secret"}} {
			if fl.on {
				flags = append(flags, fl.name)
			}
		}
		typ := "<nil>"
		if f.Type != nil {
			typ = f.Type.String()
		}
		d.line(indent, "field %s%s %s%s %s", f.Name.Wire, words(f.Name), typ, prefixed(flags), pos(f.Pos))
		d.docs(indent+1, f.Description, f.Deprecated)
		if c := f.Constraints; !c.IsZero() {
			d.line(indent+1, "constraints%s", prefixed(constraintList(c)))
		}
		for _, v := range [...]struct {
			key string
			v   *Value
		}{{"example", f.Example}, {"default", f.Default}} {
			if v.v == nil {
				continue
			}
			ev := ""
			if v.v.EnumValue != nil {
				ev = " enum_value=" + v.v.EnumValue.Name.Wire
			}
			d.line(indent+1, "%s %s%s %s", v.key, v.v.JSON, ev, pos(v.v.Pos))
		}
	}
}

func constraintList(c Constraints) []string {
	var out []string
	num := func(k string, n *Number) {
		if n != nil {
			out = append(out, fmt.Sprintf("%s=%s(int %d, float %v)", k, n.Text, n.Int, n.Float))
		}
	}
	count := func(k string, n *int64) {
		if n != nil {
			out = append(out, fmt.Sprintf("%s=%d", k, *n))
		}
	}
	num("min", c.Min)
	num("max", c.Max)
	count("min_length", c.MinLength)
	count("max_length", c.MaxLength)
	if c.Pattern != "" {
		out = append(out, fmt.Sprintf("pattern=%q", c.Pattern))
	}
	count("min_items", c.MinItems)
	count("max_items", c.MaxItems)
	return out
}

func prefixed(parts []string) string {
	if len(parts) == 0 {
		return ""
	}
	return " " + strings.Join(parts, " ")
}

// words shows a name's words and its go_name, when given.
func words(n Name) string {
	s := " [" + strings.Join(n.words, " ") + "]"
	if n.GoName != "" {
		s += " go_name=" + n.GoName
	}
	return s
}

func pos(p Pos) string {
	if !p.IsValid() {
		return "@-"
	}
	return fmt.Sprintf("@%d:%d", p.Line, p.Col)
}

func indexOf(envs []*Envelope, e *Envelope) int {
	for i, x := range envs {
		if x == e {
			return i
		}
	}
	return -1
}
