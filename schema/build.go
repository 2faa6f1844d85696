package schema

import (
	"fmt"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/framegen/framegen/internal/naming"
)

// Building the model from YAML nodes: every node is read once, every problem reported, and
// the model is filled as far as it can be. Cross-cutting rules (tags, envelopes, names,
// cycles) run afterwards on the model, in check.go.

var (
	topKeys       = []string{"framegen", "protocol", "version", "subprotocol", "description", "max_frame_bytes", "unknown_fields", "envelope", "enums", "types", "unions", "frames"}
	envelopeKeys  = []string{"tagging", "tag", "content", "fields"}
	sideKeys      = []string{"client", "server"}
	enumKeys      = []string{"type", "unknown", "values", "description", "deprecated", "go_name"}
	enumValueKeys = []string{"name", "value", "description", "deprecated", "go_name"}
	objectKeys    = []string{"fields", "description", "deprecated", "go_name"}
	unionKeys     = []string{"tag", "variants", "description", "deprecated", "go_name"}
	frameKeys     = []string{"from", "tag", "fields", "description", "deprecated", "go_name"}
)

var (
	protocolName = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
	// A Sec-WebSocket-Protocol value is an HTTP token (RFC 6455 §4.1, RFC 7230 §3.2.6).
	httpToken = regexp.MustCompile("^[!#$%&'*+.^_`|~0-9A-Za-z-]+$")
)

// maxEntries bounds the mapping entries one schema may have, counting each repetition by an
// alias: far above any real schema (the benchmark's 5,000 frames are about 58,000), far below exhausting
// memory.
const maxEntries = 1 << 20

// loader holds the state of one Parse: the diagnostics found so far, the declared names,
// and the node positions that checks after building need.
type loader struct {
	file  string
	lines int // how many lines the file has, as YAML counts them
	diags Diagnostics

	enums     map[string]*Enum
	objects   map[string]*Object
	unions    map[string]*Union
	declared  []string // enum, type and union names in file order, for did-you-mean
	pending   []pendingValue
	tagNode   map[*Frame]*yaml.Node // a frame's `tag:` value, when given
	envNodes  [2]*yaml.Node         // where each side's envelope was written, if anywhere
	perSideEn bool                  // envelope given as {client: …, server: …}
	budget    int                   // YAML nodes that example and default values may still visit
	entries   int                   // mapping entries the loader may still read (aliases repeat them)
	tooLarge  bool                  // entries ran out, and that was reported
	inAlias   map[*yaml.Node]bool   // anchors being expanded, to stop an alias inside itself
}

func newLoader(file string) *loader {
	return &loader{
		file:    file,
		enums:   map[string]*Enum{},
		objects: map[string]*Object{},
		unions:  map[string]*Union{},
		tagNode: map[*Frame]*yaml.Node{},
		inAlias: map[*yaml.Node]bool{},
		budget:  1 << 20,
		entries: maxEntries,
	}
}

// newName splits a wire name into words.
func newName(wire, goName string) Name { return NewName(wire, goName, naming.Split(wire)) }

// protocol builds the whole model from the document's root node.
func (l *loader) protocol(root *yaml.Node) *Protocol {
	p := &Protocol{Pos: l.pos(root)}
	env := defaultEnvelope() // one envelope for both sides unless the schema says otherwise
	p.client = &Channel{Side: Client, Envelope: env}
	p.server = &Channel{Side: Server, Envelope: env}
	m, ok := l.attrs(root, "", "the schema", topKeys)
	if !ok {
		return p
	}
	l.header(root, m, p)
	if e, ok := m["max_frame_bytes"]; ok {
		c, s := perSide(l, e, l.maxFrameBytes)
		p.client.MaxFrameBytes, p.client.MaxFrameBytesPos = c.v, c.pos
		p.server.MaxFrameBytes, p.server.MaxFrameBytesPos = s.v, s.pos
	}
	if e, ok := m["unknown_fields"]; ok {
		c, s := perSide(l, e, l.unknownFields)
		p.client.UnknownFields, p.client.UnknownFieldsPos = c.v, c.pos
		p.server.UnknownFields, p.server.UnknownFieldsPos = s.v, s.pos
	}
	// Declare every named type first: fields may refer to names defined later.
	var enumEs, objectEs, unionEs []entry
	if e, ok := m["enums"]; ok {
		enumEs = l.declare(e, "enum", func(e entry) { l.declareEnum(p, e) })
	}
	if e, ok := m["types"]; ok {
		objectEs = l.declare(e, "type", func(e entry) { l.declareObject(p, e) })
	}
	if e, ok := m["unions"]; ok {
		unionEs = l.declare(e, "union", func(e entry) { l.declareUnion(p, e) })
	}
	for _, e := range enumEs {
		if en := l.enums[e.Key]; en != nil && en.Pos == l.pos(e.K) {
			l.enum(en, e)
		}
	}
	for _, e := range objectEs {
		if o := l.objects[e.Key]; o != nil && o.Pos == l.pos(e.K) {
			l.object(o, e)
		}
	}
	for _, e := range unionEs {
		if u := l.unions[e.Key]; u != nil && u.Pos == l.pos(e.K) {
			l.union(u, e)
		}
	}
	if e, ok := m["envelope"]; ok {
		l.envelopes(p, e)
	}
	if e, ok := m["frames"]; ok {
		l.frames(p, e)
	} else {
		l.hintf(root, "", "every schema declares the frames of its protocol", "missing key \"frames\"")
	}
	l.checkValues()
	l.check(p)
	return p
}

// header reads the protocol's identity: framegen, protocol, version, subprotocol,
// description.
func (l *loader) header(root *yaml.Node, m map[string]entry, p *Protocol) {
	if e, ok := m["framegen"]; !ok {
		l.hintf(root, "", "add framegen: 1", "missing key \"framegen\" (the schema language version)")
	} else if v, ok := intValue(e.V); !ok {
		l.hintf(e.V, "framegen", "write framegen: 1", "framegen must be the integer 1, not %s", describe(e.V))
	} else if v != 1 {
		l.hintf(e.V, "framegen", "1 is the only version", "unsupported schema language version %d", v)
	}
	if e, ok := m["protocol"]; !ok {
		l.hintf(root, "", "add protocol: <lower_snake name>", "missing key \"protocol\"")
	} else if s, ok := l.str(e, "protocol"); ok {
		if protocolName.MatchString(s) {
			p.Name = newName(s, "")
		} else {
			hint := ""
			if w := naming.Split(s); len(w) > 0 {
				if snake := strings.ToLower(strings.Join(w, "_")); protocolName.MatchString(snake) {
					hint = fmt.Sprintf("did you mean %q?", snake)
				}
			}
			l.hintf(e.V, "protocol", hint, "protocol name %q is not lower_snake (a-z, 0-9, _; starting with a letter)", s)
		}
	}
	if e, ok := m["version"]; ok {
		p.Version, _ = l.text(e, "version")
	}
	if e, ok := m["subprotocol"]; ok {
		if s, ok := l.text(e, "subprotocol"); ok {
			if httpToken.MatchString(s) {
				p.Subprotocol = s
			} else {
				l.errorf(e.V, "subprotocol", "subprotocol %q is not an HTTP token (no spaces, commas, quotes or brackets)", s)
			}
		}
	}
	if e, ok := m["description"]; ok {
		p.Description, _ = l.text(e, "description")
	}
}

// sided is one direction's value of a setting, and where the schema gives it.
type sided[T any] struct {
	v   T
	pos Pos
}

// perSide reads a setting that is either one value for both directions or a mapping
// {client: …, server: …}; a direction left out keeps the zero value and no position.
func perSide[T any](l *loader, e entry, read func(e entry, path string) (T, bool)) (client, server sided[T]) {
	if e.V.Kind != yaml.MappingNode {
		v, _ := read(e, e.Key)
		both := sided[T]{v, l.pos(e.V)}
		return both, both
	}
	m, _ := l.attrs(e.V, e.Key, e.Key, sideKeys)
	if c, ok := m["client"]; ok {
		client.v, _ = read(c, e.Key)
		client.pos = l.pos(c.V)
	}
	if s, ok := m["server"]; ok {
		server.v, _ = read(s, e.Key)
		server.pos = l.pos(s.V)
	}
	return client, server
}

func (l *loader) maxFrameBytes(e entry, path string) (int64, bool) {
	v, ok := l.integer(e, path)
	if ok && v <= 0 {
		l.errorf(e.V, path, "max_frame_bytes must be a positive integer, not %d", v)
		return 0, false
	}
	return v, ok
}

func (l *loader) unknownFields(e entry, path string) (UnknownFields, bool) {
	s, ok := l.str(e, path)
	if !ok {
		return Ignore, false
	}
	switch s {
	case "ignore":
		return Ignore, true
	case "reject":
		return Reject, true
	}
	l.hintf(e.V, path, didYouMean(s, []string{"ignore", "reject"}), "unknown_fields must be ignore or reject, not %q", s)
	return Ignore, false
}

// declare reads one of enums, types, unions: a mapping of names. It checks each name and
// calls add for the ones that are new.
func (l *loader) declare(e entry, what string, add func(entry)) []entry {
	es, _ := l.mapping(e.V, "", e.Key, true)
	for _, d := range es {
		path := fmt.Sprintf("%s %q", what, d.Key)
		switch {
		case d.Key == "":
			l.errorf(d.K, "", "%s name is empty", what)
			continue
		case strings.ContainsAny(d.Key, "<>?,") || strings.IndexFunc(d.Key, isSpace) >= 0:
			l.errorf(d.K, path, "a type name cannot contain spaces or any of < > ? ,")
			continue
		case builtinKinds[d.Key] != 0 || d.Key == "list" || d.Key == "map":
			l.errorf(d.K, path, "%q is a built-in type", d.Key)
			continue
		}
		if prev := l.declaredAt(d.Key); prev != "" {
			l.errorf(d.K, path, "%q is already declared as %s", d.Key, prev)
			continue
		}
		l.declared = append(l.declared, d.Key)
		add(d)
	}
	return es
}

func isSpace(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\r' }

// declaredAt describes an earlier declaration of name, or returns "".
func (l *loader) declaredAt(name string) string {
	at := func(kind string, p Pos) string { return fmt.Sprintf("%s at line %d:%d", kind, p.Line, p.Col) }
	if e := l.enums[name]; e != nil {
		return at("an enum", e.Pos)
	}
	if o := l.objects[name]; o != nil {
		return at("a type", o.Pos)
	}
	if u := l.unions[name]; u != nil {
		return at("a union", u.Pos)
	}
	return ""
}

func (l *loader) declareEnum(p *Protocol, e entry) {
	en := &Enum{Pos: l.pos(e.K), Name: newName(e.Key, "")}
	l.enums[e.Key] = en
	p.enums = append(p.enums, en)
}

func (l *loader) declareObject(p *Protocol, e entry) {
	o := &Object{Pos: l.pos(e.K), Name: newName(e.Key, "")}
	l.objects[e.Key] = o
	p.objects = append(p.objects, o)
}

func (l *loader) declareUnion(p *Protocol, e entry) {
	u := &Union{Pos: l.pos(e.K), Name: newName(e.Key, ""), TagKey: "type"}
	l.unions[e.Key] = u
	p.unions = append(p.unions, u)
}

// docs reads description, deprecated and go_name, which frames, types, enums, unions,
// enum values and fields share.
func (l *loader) docs(m map[string]entry, path string, name *Name, desc, depr *string) {
	if e, ok := m["description"]; ok {
		*desc, _ = l.text(e, path)
	}
	if e, ok := m["deprecated"]; ok {
		if s, ok := l.text(e, path); ok {
			if s == "" {
				l.hintf(e.V, path, `give the reason, e.g. deprecated: "use X instead"`, "deprecated must be a non-empty reason")
			}
			*depr = s
		} else if e.V.ShortTag() == "!!bool" {
			// l.text reported it; the hint is what a user needs.
			l.diags[len(l.diags)-1].Hint = `give the reason, e.g. deprecated: "use X instead"`
		}
	}
	if e, ok := m["go_name"]; ok {
		if s, ok := l.str(e, path); ok {
			if naming.IsExported(s) {
				*name = NewName(name.Wire, s, name.Words())
			} else {
				l.errorf(e.V, path, "go_name %q is not an exported Go identifier", s)
			}
		}
	}
}

func (l *loader) enum(en *Enum, d entry) {
	path := fmt.Sprintf("enum %q", d.Key)
	m, ok := l.attrs(d.V, path, "an enum", enumKeys)
	if !ok {
		return
	}
	l.docs(m, path, &en.Name, &en.Description, &en.Deprecated)
	if e, ok := m["type"]; ok {
		if s, ok := l.str(e, path); ok {
			switch s {
			case "string":
			case "int":
				en.IsInt = true
			default:
				l.hintf(e.V, path, didYouMean(s, []string{"string", "int"}), "enum type must be string or int, not %q", s)
			}
		}
	}
	if e, ok := m["unknown"]; ok {
		if s, ok := l.str(e, path); ok {
			switch s {
			case "reject":
			case "keep":
				en.Open = true
			default:
				l.hintf(e.V, path, didYouMean(s, []string{"reject", "keep"}), "unknown must be reject or keep, not %q", s)
			}
		}
	}
	e, ok := m["values"]
	if !ok {
		l.errorf(d.K, path, "missing key \"values\"")
		return
	}
	if e.V.Kind != yaml.SequenceNode {
		l.errorf(e.V, path, "values must be a list, not %s", describe(e.V))
		return
	}
	if len(e.V.Content) == 0 {
		l.errorf(e.V, path, "an enum needs at least one value")
	}
	names := map[string]*EnumValue{}
	ints := map[int64]*EnumValue{}
	for _, vn := range e.V.Content {
		v, hasValue := l.enumValue(en, deref(vn), path)
		if v == nil {
			continue
		}
		vpath := fmt.Sprintf("%s: value %q", path, v.Name.Wire)
		if prev := names[v.Name.Wire]; prev != nil {
			l.report(v.Pos, vpath, "", "duplicate value name %q (first at line %d:%d)", v.Name.Wire, prev.Pos.Line, prev.Pos.Col)
			continue
		}
		names[v.Name.Wire] = v
		if en.IsInt && hasValue {
			if prev := ints[v.Value]; prev != nil {
				l.report(v.Pos, vpath, "", "duplicate value %d (also %q at line %d:%d)", v.Value, prev.Name.Wire, prev.Pos.Line, prev.Pos.Col)
			}
			ints[v.Value] = v
		}
		en.values = append(en.values, v)
	}
}

// enumValue reads one entry of values: a name, or {name, value, description, deprecated,
// go_name}.
func (l *loader) enumValue(en *Enum, n *yaml.Node, path string) (v *EnumValue, hasValue bool) {
	if n.Kind == yaml.ScalarNode {
		name, ok := l.str(entry{Key: "a value name", V: n}, path)
		if !ok || !l.valueName(n, path, name) {
			return nil, false
		}
		v := &EnumValue{Pos: l.pos(n), Name: newName(name, "")}
		if en.IsInt {
			l.hintf(n, fmt.Sprintf("%s: value %q", path, name), fmt.Sprintf("write {name: %s, value: <int>}", name), "an int enum value needs a value")
		}
		return v, false
	}
	m, ok := l.attrs(n, path, "a value", enumValueKeys)
	if !ok {
		return nil, false
	}
	ne, ok := m["name"]
	if !ok {
		l.errorf(n, path, "missing key \"name\"")
		return nil, false
	}
	name, ok := l.str(ne, path)
	if !ok || !l.valueName(ne.V, path, name) {
		return nil, false
	}
	v = &EnumValue{Pos: l.pos(ne.V), Name: newName(name, "")}
	vpath := fmt.Sprintf("%s: value %q", path, name)
	l.docs(m, vpath, &v.Name, &v.Description, &v.Deprecated)
	ve, hasValue := m["value"]
	switch {
	case en.IsInt && !hasValue:
		l.hintf(ne.V, vpath, "add value: <int>", "an int enum value needs a value")
	case !en.IsInt && hasValue:
		l.hintf(ve.K, vpath, "set type: int on the enum for integer values", "value is only for int enums; a string enum's wire value is its name")
	case hasValue:
		v.Value, hasValue = l.integer(ve, vpath)
	}
	return v, hasValue && en.IsInt
}

func (l *loader) valueName(n *yaml.Node, path, name string) bool {
	if name == "" {
		l.errorf(n, path, "a value name is empty")
		return false
	}
	return true
}

func (l *loader) object(o *Object, d entry) {
	path := fmt.Sprintf("type %q", d.Key)
	m, ok := l.attrs(d.V, path, "a type", objectKeys)
	if !ok {
		return
	}
	l.docs(m, path, &o.Name, &o.Description, &o.Deprecated)
	if e, ok := m["fields"]; ok {
		o.fields = l.fields(e, path)
	}
}

func (l *loader) union(u *Union, d entry) {
	path := fmt.Sprintf("union %q", d.Key)
	m, ok := l.attrs(d.V, path, "a union", unionKeys)
	if !ok {
		return
	}
	l.docs(m, path, &u.Name, &u.Description, &u.Deprecated)
	if e, ok := m["tag"]; ok {
		if s, ok := l.str(e, path); ok {
			if s == "" {
				l.errorf(e.V, path, "tag key is empty")
			} else {
				u.TagKey = s
			}
		}
	}
	e, ok := m["variants"]
	if !ok {
		l.errorf(d.K, path, "missing key \"variants\"")
		return
	}
	es, ok := l.mapping(e.V, path, "variants", false)
	if ok && len(es) == 0 {
		l.errorf(e.V, path, "a union needs at least one variant")
	}
	seen := map[*Object]*Variant{}
	for _, ve := range es {
		vpath := fmt.Sprintf("%s: variant %q", path, ve.Key)
		if ve.Key == "" {
			l.errorf(ve.K, path, "variant tag is empty")
			continue
		}
		name, ok := l.str(entry{Key: "a variant", V: ve.V}, vpath)
		if !ok {
			continue
		}
		o := l.objects[name]
		if o == nil {
			l.badVariant(ve.V, vpath, name)
			continue
		}
		v := &Variant{Pos: l.pos(ve.K), Tag: ve.Key, Object: o}
		if prev := seen[o]; prev != nil {
			l.errorf(ve.V, vpath, "type %q is already variant %q of this union; a value's type must tell its tag", name, prev.Tag)
			continue
		}
		seen[o] = v
		u.variants = append(u.variants, v)
	}
}

// badVariant explains why name is not an object type.
func (l *loader) badVariant(n *yaml.Node, path, name string) {
	switch {
	case l.enums[name] != nil:
		l.errorf(n, path, "variant type %q is an enum; variants must be object types", name)
	case l.unions[name] != nil:
		l.errorf(n, path, "variant type %q is a union; variants must be object types", name)
	case builtinKinds[name] != 0 || strings.ContainsAny(name, "<?"):
		l.errorf(n, path, "variant type %q is not an object type; variants must be object types from types", name)
	default:
		names := make([]string, 0, len(l.objects))
		for _, d := range l.declared {
			if l.objects[d] != nil {
				names = append(names, d)
			}
		}
		l.hintf(n, path, didYouMean(name, names), "unknown type %q", name)
	}
}
