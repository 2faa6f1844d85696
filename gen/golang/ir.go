package golang

import (
	"github.com/dave/jennifer/jen"

	"github.com/framegen/framegen/internal/naming"
	"github.com/framegen/framegen/schema"
)

// The Go view of a protocol, derived once from the model (as ogen's gen/ir): every Go
// spelling, every field's representation, and which half of the API to emit. The genX
// functions read it and nothing else derives names.

// protocol is the Go view of a whole schema.
type protocol struct {
	m    *schema.Protocol
	pkg  string      // Go package name
	side schema.Side // which half of the API to emit (Both when the options leave it zero)
	// transports lists the adapter files to emit, in the order given.
	transports []string

	enums   []*enum
	objects []*object // the schema's object types, file order
	unions  []*union
	frames  []*frame
	client  *channel // frames the client sends
	server  *channel // frames the server sends

	enumOf   map[*schema.Enum]*enum
	objectOf map[*schema.Object]*object
	unionOf  map[*schema.Union]*union

	// patterns names the regexp variable of each field with a pattern (validate.go);
	// patternOrder lists those fields in declaration order.
	patterns     map[*schema.Field]string
	patternOrder []*schema.Field
}

// channel is one direction: the frames one side sends and the rules for them.
type channel struct {
	m      *schema.Channel
	side   schema.Side // Client or Server
	prefix string      // "Client" or "Server": ClientFrame, DecodeClientFrame …
	frames []*frame
}

// enum is a Go enum type.
type enum struct {
	m      *schema.Enum
	name   string // ConnectionState
	values []*enumValue
}

// enumValue is one Go constant of an enum.
type enumValue struct {
	m    *schema.EnumValue
	name string // ConnectionStateConnected
}

// object is a Go struct: an object type (frame == nil) or a frame's struct.
type object struct {
	name        string
	description string
	deprecated  string
	// fields in struct order: for a frame, the envelope fields of the directions it is sent
	// in (client's first), then its own fields.
	fields []*field
	// unions lists the unions this object is a variant of, in file order.
	unions []*union
	// secret is set when a secret value is reachable from the struct (a secret field, or a
	// field whose type holds one, through lists, maps, objects and unions).
	secret bool
	src    *schema.Object // nil for frames
	frame  *frame         // nil for object types
}

// field is one struct field.
type field struct {
	m    *schema.Field
	name string // Go field name
	// envelope is the direction whose envelope the field comes from (schema.Client or
	// schema.Server); zero for a frame's or object's own field.
	envelope schema.Side
	repr     repr
}

// repr is how a field's Go type wraps its value type T (DESIGN.md's optional/nullable table).
type repr uint8

const (
	reprValue   repr = iota // T: required and not nullable
	reprPointer             // *T: optional or nullable; nil is absent or null
	reprNilable             // T itself for list, map, bytes, json, union: nil is absent or null
	reprNull                // *Null[T]: optional and nullable (nil absent, &Null[T]{} null)
)

// frame is a frame: its struct, and the channels it is sent on.
type frame struct {
	m *schema.Frame
	*object
	// own is the frame's own fields (its body), a subset of object.fields in file order.
	own []*field
}

// union is a Go sealed interface.
type union struct {
	m        *schema.Union
	name     string
	variants []*variant
}

// variant is one member of a union.
type variant struct {
	m      *schema.Variant
	object *object
}

func newProtocol(m *schema.Protocol, opts Options) *protocol {
	p := &protocol{
		m:          m,
		pkg:        opts.Package,
		side:       opts.Side,
		transports: opts.Transports,
		enumOf:     map[*schema.Enum]*enum{},
		objectOf:   map[*schema.Object]*object{},
		unionOf:    map[*schema.Union]*union{},
	}
	if p.pkg == "" {
		p.pkg = defaultPackage(m.Name.Wire)
	}
	if p.side == 0 {
		p.side = schema.Both
	}
	for _, e := range m.Enums() {
		ge := &enum{m: e, name: goName(e.Name)}
		for _, v := range e.Values() {
			ge.values = append(ge.values, &enumValue{m: v, name: ge.name + goName(v.Name)})
		}
		p.enums = append(p.enums, ge)
		p.enumOf[e] = ge
	}
	for _, o := range m.Objects() {
		g := &object{name: goName(o.Name), description: o.Description, deprecated: o.Deprecated, src: o}
		for _, f := range o.Fields() {
			g.fields = append(g.fields, newField(f, 0))
		}
		p.objects = append(p.objects, g)
		p.objectOf[o] = g
	}
	for _, u := range m.Unions() {
		gu := &union{m: u, name: goName(u.Name)}
		for _, v := range u.Variants() {
			o := p.objectOf[v.Object]
			o.unions = append(o.unions, gu)
			gu.variants = append(gu.variants, &variant{m: v, object: o})
		}
		p.unions = append(p.unions, gu)
		p.unionOf[u] = gu
	}
	frameOf := map[*schema.Frame]*frame{}
	for _, f := range m.Frames() {
		gf := &frame{m: f, object: &object{name: goName(f.Name), description: f.Description, deprecated: f.Deprecated}}
		gf.object.frame = gf
		for _, s := range schema.Sides {
			if !f.From.Has(s) {
				continue
			}
			for _, ef := range m.Channel(s).Envelope.Fields() {
				if gf.fieldByWire(ef.Name.Wire) == nil { // a field in both envelopes is one field
					gf.fields = append(gf.fields, newField(ef, s))
				}
			}
		}
		for _, ff := range f.Fields() {
			fld := newField(ff, 0)
			gf.fields = append(gf.fields, fld)
			gf.own = append(gf.own, fld)
		}
		p.frames = append(p.frames, gf)
		frameOf[f] = gf
	}
	newChannel := func(s schema.Side, prefix string) *channel {
		c := &channel{m: m.Channel(s), side: s, prefix: prefix}
		for _, f := range c.m.Frames() {
			c.frames = append(c.frames, frameOf[f])
		}
		return c
	}
	p.client = newChannel(schema.Client, "Client")
	p.server = newChannel(schema.Server, "Server")
	p.markSecrets()
	p.namePatterns()
	return p
}

func newField(f *schema.Field, envelope schema.Side) *field {
	return &field{m: f, name: goName(f.Name), envelope: envelope, repr: reprOf(f)}
}

// reprOf applies DESIGN.md's optional/nullable table.
func reprOf(f *schema.Field) repr {
	nilable := false
	switch f.Type.Kind {
	case schema.KindList, schema.KindMap, schema.KindBytes, schema.KindUnion:
		nilable = true
	case schema.KindJSON:
		// json.RawMessage holds null itself, so nil is only ever "absent".
		return reprNilable
	}
	switch {
	case f.Optional && f.Nullable:
		return reprNull
	case f.Optional || f.Nullable:
		if nilable {
			return reprNilable
		}
		return reprPointer
	}
	if nilable {
		return reprNilable
	}
	return reprValue
}

// markSecrets sets object.secret to a fixed point: a struct holds a secret when one of its
// fields is secret or has a type that holds one.
func (p *protocol) markSecrets() {
	all := p.structs()
	for changed := true; changed; {
		changed = false
		for _, o := range all {
			if o.secret {
				continue
			}
			for _, f := range o.fields {
				if f.m.Secret || p.typeHoldsSecret(f.m.Type) {
					o.secret, changed = true, true
					break
				}
			}
		}
	}
}

func (p *protocol) typeHoldsSecret(t *schema.Type) bool {
	switch t.Kind {
	case schema.KindList, schema.KindMap:
		return p.typeHoldsSecret(t.Elem)
	case schema.KindObject:
		return p.objectOf[t.Object].secret
	case schema.KindUnion:
		for _, v := range p.unionOf[t.Union].variants {
			if v.object.secret {
				return true
			}
		}
	}
	return false
}

// structs returns every Go struct: object types, then frames, in file order.
func (p *protocol) structs() []*object {
	out := append([]*object(nil), p.objects...)
	for _, f := range p.frames {
		out = append(out, f.object)
	}
	return out
}

// channel returns the channel of sending side s (schema.Client or schema.Server).
func (p *protocol) channel(s schema.Side) *channel {
	if s == schema.Client {
		return p.client
	}
	return p.server
}

// encodes reports whether the emitted half of the API encodes and sends the frames of side
// s: a server encodes server frames, a client client frames.
func (p *protocol) encodes(s schema.Side) bool { return p.side.Has(s) }

// decodes reports whether the emitted half decodes and dispatches the frames of side s: a
// server decodes client frames.
func (p *protocol) decodes(s schema.Side) bool { return p.side.Has(other(s)) }

// other returns the opposite single side.
func other(s schema.Side) schema.Side {
	if s == schema.Client {
		return schema.Server
	}
	return schema.Client
}

// fieldByWire returns the field with wire name w, or nil.
func (o *object) fieldByWire(w string) *field {
	for _, f := range o.fields {
		if f.m.Name.Wire == w {
			return f
		}
	}
	return nil
}

// goType returns the Go type of a value of t (no optional/nullable wrapping).
func (p *protocol) goType(t *schema.Type) *jen.Statement {
	switch t.Kind {
	case schema.KindString, schema.KindUUID:
		return jen.String()
	case schema.KindBool:
		return jen.Bool()
	case schema.KindInt:
		return jen.Int64()
	case schema.KindInt32:
		return jen.Int32()
	case schema.KindFloat:
		return jen.Float64()
	case schema.KindTime:
		return jen.Qual("time", "Time")
	case schema.KindBytes:
		return jen.Index().Byte()
	case schema.KindJSON:
		return jen.Qual("encoding/json", "RawMessage")
	case schema.KindList:
		return jen.Index().Add(p.goType(t.Elem))
	case schema.KindMap:
		return jen.Map(jen.String()).Add(p.goType(t.Elem))
	case schema.KindEnum:
		return jen.Id(p.enumOf[t.Enum].name)
	case schema.KindObject:
		return jen.Id(p.objectOf[t.Object].name)
	case schema.KindUnion:
		return jen.Id(p.unionOf[t.Union].name)
	}
	panic("golang: unknown kind " + t.Kind.String()) // a checked model has no other kind
}

// fieldType returns the Go type of the struct field f: its value type wrapped per f.repr.
func (p *protocol) fieldType(f *field) *jen.Statement {
	t := p.goType(f.m.Type)
	switch f.repr {
	case reprPointer:
		return jen.Op("*").Add(t)
	case reprNull:
		return jen.Op("*").Id("Null").Types(t)
	}
	return t
}

// goName returns the Go identifier of a schema name: its go_name, or its words joined.
func goName(n schema.Name) string {
	if n.GoName != "" {
		return n.GoName
	}
	return naming.Go(n.Words())
}

// defaultPackage is the protocol name without underscores (SCHEMA.md, "Names").
func defaultPackage(protocol string) string {
	b := make([]byte, 0, len(protocol))
	for i := 0; i < len(protocol); i++ {
		if protocol[i] != '_' {
			b = append(b, protocol[i])
		}
	}
	return string(b)
}
