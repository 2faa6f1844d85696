package schema

import (
	"fmt"
	"slices"
	"strconv"
)

// The resolved model. Generators, lint, diff and docs read it and nothing else.
//
// It is plain data: references are resolved to pointers, defaults are applied, names keep
// their wire spelling plus their words, and every node keeps its source position. Slices sit
// behind accessors that return copies; the exported scalar fields are read-only by contract
// (the model is shared by every generator of a run).

// Pos is a position in a schema file. Line and Col are 1-based; a zero Pos means "no
// position" (a default that the file did not spell out).
type Pos struct {
	File string
	Line int
	Col  int
}

// String formats p as file:line:col, the prefix of every diagnostic.
func (p Pos) String() string {
	return p.File + ":" + strconv.Itoa(p.Line) + ":" + strconv.Itoa(p.Col)
}

// IsValid reports whether p points into a file.
func (p Pos) IsValid() bool { return p.Line > 0 }

// Name is an identifier from the schema: its exact wire spelling, the words it splits into
// (internal/naming.Split), and the go_name override, if the schema gives one.
type Name struct {
	Wire   string
	GoName string // as written in the schema; "" when not overridden
	words  []string
}

// NewName returns a Name. Loaders and tests build names through it so that words are
// always set.
func NewName(wire, goName string, words []string) Name {
	return Name{Wire: wire, GoName: goName, words: slices.Clone(words)}
}

// Words returns the words Wire splits into, each as written (case kept).
func (n Name) Words() []string { return slices.Clone(n.words) }

// String returns the wire name.
func (n Name) String() string { return n.Wire }

// Side is a sender: the client, the server, or both.
type Side uint8

const (
	Client Side = 1 << iota // frames the client sends (the server decodes them)
	Server                  // frames the server sends (the client decodes them)
	Both   = Client | Server
)

// String returns the schema spelling: "client", "server" or "both".
func (s Side) String() string {
	switch s {
	case Client:
		return "client"
	case Server:
		return "server"
	case Both:
		return "both"
	}
	return "Side(" + strconv.Itoa(int(s)) + ")"
}

// Has reports whether s includes side o (Both has Client and Server).
func (s Side) Has(o Side) bool { return s&o == o && o != 0 }

// Sides lists the two single sides in a fixed order, for loops over directions.
var Sides = [2]Side{Client, Server}

// UnknownFields is the policy for object keys the schema does not name.
type UnknownFields uint8

const (
	Ignore UnknownFields = iota // skipped (the default)
	Reject                      // a decode error
)

// String returns the schema spelling.
func (u UnknownFields) String() string {
	if u == Reject {
		return "reject"
	}
	return "ignore"
}

// Tagging is how a frame's tag travels (serde's enum representations).
type Tagging uint8

const (
	Internal Tagging = iota // {"type":"x", ...fields}
	Adjacent                // {"type":"x", "payload":{...fields}}
	External                // {"x":{...fields}}
)

// String returns the schema spelling.
func (t Tagging) String() string {
	switch t {
	case Adjacent:
		return "adjacent"
	case External:
		return "external"
	}
	return "internal"
}

// Protocol is a whole, checked schema.
type Protocol struct {
	Pos         Pos // of the document's top-level mapping
	Name        Name
	Version     string // "" when not given
	Subprotocol string // "" when not given
	Description string
	// Hash is the hex SHA-256 of the schema file's bytes.
	Hash string

	client, server *Channel
	enums          []*Enum
	objects        []*Object
	unions         []*Union
	frames         []*Frame
}

// Channel returns the rules and frames of one sending side: Channel(Client) governs what
// the client sends and the server decodes. s must be Client or Server.
func (p *Protocol) Channel(s Side) *Channel {
	switch s {
	case Client:
		return p.client
	case Server:
		return p.server
	}
	panic(fmt.Sprintf("schema: Channel(%v): want Client or Server", s))
}

// Enums returns the enums in file order.
func (p *Protocol) Enums() []*Enum { return slices.Clone(p.enums) }

// Objects returns the object types (the schema's `types`) in file order.
func (p *Protocol) Objects() []*Object { return slices.Clone(p.objects) }

// Unions returns the unions in file order.
func (p *Protocol) Unions() []*Union { return slices.Clone(p.unions) }

// Frames returns every frame in file order, whatever its direction.
func (p *Protocol) Frames() []*Frame { return slices.Clone(p.frames) }

// Channel is one direction of the protocol: the frames one side sends and the rules the
// receiving side's decoder applies to them.
type Channel struct {
	Side Side // Client or Server: who sends
	// MaxFrameBytes caps the encoded size of a frame; 0 means no limit.
	MaxFrameBytes int64
	UnknownFields UnknownFields
	// MaxFrameBytesPos and UnknownFieldsPos are where the schema gives this direction's
	// value (the scalar, or its client: or server: entry); zero when defaulted.
	MaxFrameBytesPos Pos
	UnknownFieldsPos Pos
	Envelope         *Envelope
	// IntTags reports whether this direction's tags are integers (all of them are, or
	// none is).
	IntTags bool
	frames  []*Frame
}

// Frames returns the frames this side sends (its own and the `both` ones), in file order.
func (c *Channel) Frames() []*Frame { return slices.Clone(c.frames) }

// Envelope is the shape around a frame's fields, for one direction.
type Envelope struct {
	Pos        Pos // of the envelope mapping; zero when defaulted
	Tagging    Tagging
	TagKey     string // default "type"
	ContentKey string // adjacent tagging only; default "payload"
	fields     []*Field
}

// Fields returns the envelope fields, carried at the top level of every frame of the
// direction, in file order.
func (e *Envelope) Fields() []*Field { return slices.Clone(e.fields) }

// Tag is a frame's tag: a string, or an integer for protocols with numeric opcodes.
type Tag struct {
	IsInt bool
	Str   string // when !IsInt
	Int   int64  // when IsInt
}

// String returns the tag as text: the string itself, or the integer in decimal.
func (t Tag) String() string {
	if t.IsInt {
		return strconv.FormatInt(t.Int, 10)
	}
	return t.Str
}

// Frame is a message one side sends.
type Frame struct {
	Pos         Pos
	Name        Name // the key in `frames`
	From        Side
	Tag         Tag // the name unless the schema sets `tag:`
	Description string
	Deprecated  string // the reason; "" when not deprecated
	fields      []*Field
}

// Fields returns the frame's own fields in file order (not the envelope's).
func (f *Frame) Fields() []*Field { return slices.Clone(f.fields) }

// Object is a named object type (an entry of `types`).
type Object struct {
	Pos         Pos
	Name        Name
	Description string
	Deprecated  string
	fields      []*Field
}

// Fields returns the object's fields in file order.
func (o *Object) Fields() []*Field { return slices.Clone(o.fields) }

// Union is a closed set of object types told apart by a tag key inside the object.
type Union struct {
	Pos         Pos
	Name        Name
	Description string
	Deprecated  string
	TagKey      string // default "type"
	variants    []*Variant
}

// Variants returns the variants in file order.
func (u *Union) Variants() []*Variant { return slices.Clone(u.variants) }

// Variant is one member of a union: a tag value and the object type it selects.
type Variant struct {
	Pos    Pos
	Tag    string
	Object *Object
}

// Enum is a named set of values.
type Enum struct {
	Pos         Pos
	Name        Name
	Description string
	Deprecated  string
	IsInt       bool // `type: int`: values travel as integers
	Open        bool // `unknown: keep`: unknown values decode and round-trip
	values      []*EnumValue
}

// Values returns the values in file order.
func (e *Enum) Values() []*EnumValue { return slices.Clone(e.values) }

// EnumValue is one value of an enum.
type EnumValue struct {
	Pos         Pos
	Name        Name  // the wire value of a string enum
	Value       int64 // the wire value of an int enum; 0 for string enums
	Description string
	Deprecated  string
}

// Field is a key of an object, a frame or an envelope.
type Field struct {
	Pos         Pos
	Name        Name // the exact JSON key
	Type        *Type
	Optional    bool // the key may be absent
	Nullable    bool // the value may be null
	Secret      bool
	Description string
	Deprecated  string
	Example     *Value // nil when not given
	Default     *Value // nil when not given; only on optional fields
	Constraints Constraints
}

// Constraints are a field's checks beyond its type. Nil pointers and "" mean "not given".
// They apply to the field's own value (a list's items bounds its length, not its elements').
type Constraints struct {
	Min, Max             *Number // int, int32, float
	MinLength, MaxLength *int64  // string, in Unicode code points
	Pattern              string  // string; RE2, must match the whole string
	MinItems, MaxItems   *int64  // list, map
}

// IsZero reports whether no constraint is given.
func (c Constraints) IsZero() bool { return c == Constraints{} }

// Number is a numeric bound. For int and int32 fields it is integral and Int holds it; Float
// always holds it (rounded, for integers beyond 2^53).
type Number struct {
	Int   int64
	Float float64
	Text  string // as written in the schema
}

// Value is a literal from the schema (a field's example or default) as compact JSON in its
// wire form: an enum value is its wire value ("connected", or 1000 for an int enum).
type Value struct {
	Pos  Pos
	JSON string
	// EnumValue is the value named, for fields of enum type; nil otherwise.
	EnumValue *EnumValue
}

// Kind is the kind of a type expression.
type Kind uint8

const (
	KindString Kind = iota + 1
	KindBool
	KindInt
	KindInt32
	KindFloat
	KindTime
	KindUUID
	KindBytes
	KindJSON
	KindList
	KindMap
	KindEnum
	KindObject
	KindUnion
)

var kindNames = [...]string{
	KindString: "string", KindBool: "bool", KindInt: "int", KindInt32: "int32",
	KindFloat: "float", KindTime: "time", KindUUID: "uuid", KindBytes: "bytes",
	KindJSON: "json", KindList: "list", KindMap: "map", KindEnum: "enum",
	KindObject: "object", KindUnion: "union",
}

// String returns the kind's schema spelling ("list", "enum" …).
func (k Kind) String() string {
	if int(k) < len(kindNames) && kindNames[k] != "" {
		return kindNames[k]
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// Type is a resolved type expression.
type Type struct {
	Kind   Kind
	Elem   *Type   // KindList, KindMap
	Enum   *Enum   // KindEnum
	Object *Object // KindObject
	Union  *Union  // KindUnion
}

// String returns the type expression as a schema would write it: "list<Attachment>".
func (t *Type) String() string {
	switch t.Kind {
	case KindList, KindMap:
		return t.Kind.String() + "<" + t.Elem.String() + ">"
	case KindEnum:
		return t.Enum.Name.Wire
	case KindObject:
		return t.Object.Name.Wire
	case KindUnion:
		return t.Union.Name.Wire
	}
	return t.Kind.String()
}

// IsScalar reports whether values of t are a single JSON string, number or boolean.
func (t *Type) IsScalar() bool {
	switch t.Kind {
	case KindList, KindMap, KindObject, KindUnion, KindJSON:
		return false
	}
	return true
}
