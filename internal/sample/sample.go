// Package sample builds wire examples of frames: JSON text that satisfies every rule of the
// schema, for the docs and for tests that feed it to generated decoders.
//
// A value comes from the field's `example` when the schema gives one, else its `default`,
// else it is synthesized to meet the field's type and constraints. Optional fields are
// included. The output depends only on the schema, so it is the same on every run.
package sample

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/framegen/framegen/schema"
)

// UnsatisfiableError reports a field for which no value can be synthesized: a pattern the
// simple synthesis cannot match, or a type whose every value would contain itself forever.
// The fix is an `example` on the field.
type UnsatisfiableError struct {
	Path   string     // where the field is declared: `type "User": field "name"`
	Field  string     // the field's wire name
	Pos    schema.Pos // the field's position
	Reason string
}

// Error formats e as `sample: path: reason`.
func (e *UnsatisfiableError) Error() string {
	return "sample: " + e.Path + ": " + e.Reason
}

// Frame returns the canonical wire form of a sample of f as sent by side (schema.Client or
// schema.Server): the direction's envelope and tagging around the frame's fields, as
// pretty-printed JSON with a two-space indent and no trailing newline. Keys come in schema
// order: the tag, the envelope fields, then the frame's fields.
func Frame(p *schema.Protocol, f *schema.Frame, side schema.Side) ([]byte, error) {
	if side != schema.Client && side != schema.Server {
		return nil, fmt.Errorf("sample frame %q: side %v: want client or server", f.Name.Wire, side)
	}
	if !f.From.Has(side) {
		return nil, fmt.Errorf("sample frame %q: the %v does not send it", f.Name.Wire, side)
	}
	env := p.Channel(side).Envelope
	g := &gen{}
	envFields, err := g.fields(envelopeOwner(p, side), env.Fields())
	if err != nil {
		return nil, err
	}
	body, err := g.fields(frameOwner(f), f.Fields())
	if err != nil {
		return nil, err
	}

	var tag string
	if f.Tag.IsInt {
		tag = strconv.FormatInt(f.Tag.Int, 10)
	} else {
		tag = quote(f.Tag.Str)
	}
	var o object
	switch env.Tagging {
	case schema.Internal:
		o.add(env.TagKey, tag)
		o.members = append(o.members, envFields.members...)
		o.members = append(o.members, body.members...)
	case schema.Adjacent:
		o.add(env.TagKey, tag)
		o.members = append(o.members, envFields.members...)
		// Canonical form: no content key for a frame without fields, else always one.
		if len(f.Fields()) > 0 {
			o.add(env.ContentKey, body.String())
		}
	case schema.External:
		o.add(f.Tag.String(), body.String())
		o.members = append(o.members, envFields.members...)
	}
	var out bytes.Buffer
	if err := json.Indent(&out, []byte(o.String()), "", "  "); err != nil {
		return nil, fmt.Errorf("sample frame %q: %w", f.Name.Wire, err)
	}
	return out.Bytes(), nil
}

// Check tries every field of p (frames, envelopes, object types) on its own and returns one
// error for each field that cannot be satisfied, in file order, each field at most once.
func Check(p *schema.Protocol) []*UnsatisfiableError {
	var errs []*UnsatisfiableError
	seen := map[schema.Pos]bool{}
	try := func(owner string, fs []*schema.Field) {
		for _, f := range fs {
			_, err := (&gen{}).top(owner, f)
			var ue *UnsatisfiableError
			if errors.As(err, &ue) && !seen[ue.Pos] {
				seen[ue.Pos] = true
				errs = append(errs, ue)
			}
		}
	}
	for _, side := range schema.Sides {
		try(envelopeOwner(p, side), p.Channel(side).Envelope.Fields())
	}
	for _, o := range p.Objects() {
		try(objectOwner(o), o.Fields())
	}
	for _, f := range p.Frames() {
		try(frameOwner(f), f.Fields())
	}
	slices.SortStableFunc(errs, func(a, b *UnsatisfiableError) int {
		if a.Pos.File != b.Pos.File {
			return strings.Compare(a.Pos.File, b.Pos.File)
		}
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line - b.Pos.Line
		}
		return a.Pos.Col - b.Pos.Col
	})
	return errs
}

func frameOwner(f *schema.Frame) string   { return "frame " + strconv.Quote(f.Name.Wire) }
func objectOwner(o *schema.Object) string { return "type " + strconv.Quote(o.Name.Wire) }

// envelopeOwner names the envelope of side: "envelope" when both directions share one,
// `envelope "client"` when they differ.
func envelopeOwner(p *schema.Protocol, side schema.Side) string {
	if p.Channel(schema.Client).Envelope.Pos == p.Channel(schema.Server).Envelope.Pos {
		return "envelope"
	}
	return "envelope " + strconv.Quote(side.String())
}

// errCycle is returned while building a value of an object type that is already being
// built: the value would contain itself. The nearest optional, nullable or empty-able
// field on the way up drops the value; if none can, the field that could not becomes an
// UnsatisfiableError.
type errCycle struct {
	path  string
	field *schema.Field
}

func (e *errCycle) Error() string { return "cycle at " + e.path }

// gen builds values; building tracks the object types on the current path, to cut cycles.
type gen struct {
	building []*schema.Object
}

// fields builds an object of fields, owned by owner (for error paths).
func (g *gen) fields(owner string, fs []*schema.Field) (object, error) {
	var o object
	for _, f := range fs {
		get := g.field
		if len(g.building) == 0 {
			get = g.top
		}
		v, err := get(owner, f)
		if err != nil {
			return o, err
		}
		if v == "" { // dropped to cut a cycle
			continue
		}
		o.add(f.Name.Wire, v)
	}
	return o, nil
}

// field returns the JSON of f's sample value, or "" when the optional field is left out to
// cut a cycle.
func (g *gen) field(owner string, f *schema.Field) (string, error) {
	path := owner + ": field " + strconv.Quote(f.Name.Wire)
	if f.Example != nil {
		return f.Example.JSON, nil
	}
	if f.Default != nil {
		return f.Default.JSON, nil
	}
	v, err := g.value(path, f, f.Type, true)
	var c *errCycle
	if errors.As(err, &c) {
		switch {
		case f.Optional:
			return "", nil
		case f.Nullable:
			return "null", nil
		}
		if c.field == nil {
			c.path, c.field = path, f
		}
		return "", c
	}
	return v, err
}

// top builds the value of f at the top of a frame, an envelope or a check: a cycle that
// nothing above can cut becomes an UnsatisfiableError naming the field that could not.
func (g *gen) top(owner string, f *schema.Field) (string, error) {
	v, err := g.field(owner, f)
	var c *errCycle
	if errors.As(err, &c) {
		return "", &UnsatisfiableError{Path: c.path, Field: c.field.Name.Wire, Pos: c.field.Pos,
			Reason: "every value would contain itself without end; make a field on the cycle optional or nullable, or allow an empty list or map"}
	}
	return v, err
}

// value builds a value of type t for field f. own tells whether f's constraints apply (they
// bound the field's own value, not a list's elements).
func (g *gen) value(path string, f *schema.Field, t *schema.Type, own bool) (string, error) {
	var c schema.Constraints
	if own {
		c = f.Constraints
	}
	switch t.Kind {
	case schema.KindString:
		s, err := str(f.Name.Wire, c)
		if err != nil {
			return "", &UnsatisfiableError{Path: path, Field: f.Name.Wire, Pos: f.Pos, Reason: err.Error()}
		}
		return quote(s), nil
	case schema.KindBool:
		return "true", nil
	case schema.KindInt, schema.KindInt32:
		return strconv.FormatInt(intIn(1, c.Min, c.Max), 10), nil
	case schema.KindFloat:
		return strconv.FormatFloat(floatIn(1.5, c.Min, c.Max), 'g', -1, 64), nil
	case schema.KindTime:
		return `"2025-01-02T15:04:05Z"`, nil
	case schema.KindUUID:
		return `"6f1c2a9e-4b7d-4c3a-9e2f-0a1b2c3d4e5f"`, nil
	case schema.KindBytes:
		return `"aGVsbG8="`, nil // "hello"
	case schema.KindJSON:
		return "{}", nil
	case schema.KindEnum:
		return enumValue(t.Enum)
	case schema.KindList, schema.KindMap:
		return g.collection(path, f, t, c)
	case schema.KindObject:
		return g.object(t.Object, "", "")
	case schema.KindUnion:
		return g.union(path, t.Union)
	}
	return "", fmt.Errorf("sample: %s: unknown kind %v", path, t.Kind)
}

// collection builds a list or map of max(min_items, 1) elements, capped by max_items; when
// an element cannot be built for a cycle and the bounds allow, it is empty.
func (g *gen) collection(path string, f *schema.Field, t *schema.Type, c schema.Constraints) (string, error) {
	n := int64(1)
	if c.MinItems != nil && *c.MinItems > n {
		n = *c.MinItems
	}
	if c.MaxItems != nil && *c.MaxItems < n {
		n = *c.MaxItems
	}
	empty := "[]"
	if t.Kind == schema.KindMap {
		empty = "{}"
	}
	if n == 0 {
		return empty, nil
	}
	elem, err := g.value(path, f, t.Elem, false)
	var cyc *errCycle
	if errors.As(err, &cyc) && (c.MinItems == nil || *c.MinItems == 0) {
		return empty, nil
	}
	if err != nil {
		return "", err
	}
	var b strings.Builder
	if t.Kind == schema.KindList {
		b.WriteByte('[')
		for i := range n {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(elem)
		}
		b.WriteByte(']')
		return b.String(), nil
	}
	var o object
	for i := range n {
		o.add("key"+strconv.FormatInt(i+1, 10), elem)
	}
	return o.String(), nil
}

// object builds a value of o; a union's tagKey and tag, when tagKey is not "", come first.
func (g *gen) object(o *schema.Object, tagKey, tag string) (string, error) {
	if slices.Contains(g.building, o) {
		return "", &errCycle{}
	}
	g.building = append(g.building, o)
	defer func() { g.building = g.building[:len(g.building)-1] }()
	body, err := g.fields(objectOwner(o), o.Fields())
	if err != nil {
		return "", err
	}
	if tagKey != "" {
		body.members = slices.Insert(body.members, 0, member{key: tagKey, value: quote(tag)})
	}
	return body.String(), nil
}

// union builds the first variant that can be built.
func (g *gen) union(path string, u *schema.Union) (string, error) {
	var cycle error
	for _, v := range u.Variants() {
		s, err := g.object(v.Object, u.TagKey, v.Tag)
		var c *errCycle
		if errors.As(err, &c) {
			cycle = err
			continue
		}
		if err != nil {
			return "", err
		}
		return s, nil
	}
	if cycle != nil {
		return "", cycle
	}
	return "", fmt.Errorf("sample: %s: union %q has no variants", path, u.Name.Wire)
}

// enumValue returns the first value that is not deprecated (the first value if all are).
func enumValue(e *schema.Enum) (string, error) {
	vs := e.Values()
	if len(vs) == 0 {
		return "", fmt.Errorf("sample: enum %q has no values", e.Name.Wire)
	}
	v := vs[0]
	for _, c := range vs {
		if c.Deprecated == "" {
			v = c
			break
		}
	}
	if e.IsInt {
		return strconv.FormatInt(v.Value, 10), nil
	}
	return quote(v.Name.Wire), nil
}

// intIn returns want moved into [min, max].
func intIn(want int64, lo, hi *schema.Number) int64 {
	if lo != nil && want < lo.Int {
		want = lo.Int
	}
	if hi != nil && want > hi.Int {
		want = hi.Int
	}
	return want
}

// floatIn returns want moved into [min, max].
func floatIn(want float64, lo, hi *schema.Number) float64 {
	if lo != nil && want < lo.Float {
		want = lo.Float
	}
	if hi != nil && want > hi.Float {
		want = hi.Float
	}
	return want
}
