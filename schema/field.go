package schema

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

var fieldKeys = []string{"type", "optional", "nullable", "description", "deprecated", "secret", "example", "default", "min", "max", "min_length", "max_length", "pattern", "min_items", "max_items", "go_name"}

// builtinKinds maps the scalar type names to their kinds.
var builtinKinds = map[string]Kind{
	"string": KindString, "bool": KindBool, "int": KindInt, "int32": KindInt32,
	"float": KindFloat, "time": KindTime, "uuid": KindUUID, "bytes": KindBytes, "json": KindJSON,
}

// builtinNames lists the built-in type names in a fixed order, for did-you-mean.
var builtinNames = []string{"string", "bool", "int", "int32", "float", "time", "uuid", "bytes", "json", "list", "map"}

// pendingValue is an example or default, checked once every type is complete.
type pendingValue struct {
	f         *Field
	n         *yaml.Node
	path      string
	isDefault bool
}

// fields reads a `fields` mapping.
func (l *loader) fields(e entry, parent string) []*Field {
	es, _ := l.mapping(e.V, parent, "fields", true)
	var out []*Field
	for _, fe := range es {
		if fe.Key == "" {
			l.errorf(fe.K, parent, "field name is empty")
			continue
		}
		out = append(out, l.field(fe, parent))
	}
	return out
}

// field reads `name: TYPE` or `name: {type: TYPE, …}`.
func (l *loader) field(e entry, parent string) *Field {
	path := fmt.Sprintf("%s: field %q", parent, e.Key)
	f := &Field{Pos: l.pos(e.K), Name: newName(e.Key, "")}
	if e.V.Kind != yaml.MappingNode {
		if s, ok := l.typeText(e.V, path); ok {
			f.Type, f.Optional = l.typeExpr(s, e.V, path)
		}
		return f
	}
	m, ok := l.attrs(e.V, path, "a field", fieldKeys)
	if !ok {
		return f
	}
	te, ok := m["type"]
	if !ok {
		l.errorf(e.K, path, "missing key \"type\"")
	} else if s, ok := l.typeText(te.V, path); ok {
		f.Type, f.Optional = l.typeExpr(s, te.V, path)
	}
	if oe, ok := m["optional"]; ok {
		if b, ok := l.boolean(oe, path); ok {
			if f.Optional && !b {
				l.errorf(oe.V, path, "optional: false contradicts the ? that ends the type")
			}
			f.Optional = f.Optional || b
		}
	}
	if ne, ok := m["nullable"]; ok {
		f.Nullable, _ = l.boolean(ne, path)
	}
	if se, ok := m["secret"]; ok {
		f.Secret, _ = l.boolean(se, path)
		if f.Secret && f.Type != nil && f.Type.Kind != KindString && f.Type.Kind != KindBytes {
			l.errorf(se.K, path, "secret is only for string and bytes fields, not %s", f.Type)
		}
	}
	l.docs(m, path, &f.Name, &f.Description, &f.Deprecated)
	l.constraints(f, m, path)
	if de, ok := m["default"]; ok {
		switch {
		case !f.Optional:
			l.hintf(de.K, path, "a required field is always present: make it optional or drop the default", "default is only for optional fields")
		case f.Type == nil:
		case !defaultKinds[f.Type.Kind]:
			l.errorf(de.K, path, "default is only for string, bool, int, int32, float and enum fields, not %s", f.Type)
		default:
			l.pending = append(l.pending, pendingValue{f: f, n: de.V, path: path, isDefault: true})
		}
	}
	if ee, ok := m["example"]; ok && f.Type != nil {
		l.pending = append(l.pending, pendingValue{f: f, n: ee.V, path: path})
	}
	return f
}

var defaultKinds = map[Kind]bool{KindString: true, KindBool: true, KindInt: true, KindInt32: true, KindFloat: true, KindEnum: true}

// typeText reads a type expression, which must be a string.
func (l *loader) typeText(n *yaml.Node, path string) (string, bool) {
	if n.Kind == yaml.ScalarNode && n.ShortTag() == "!!str" {
		return n.Value, true
	}
	if isNull(n) {
		l.errorf(n, path, "missing type")
		return "", false
	}
	l.errorf(n, path, "a type must be a type expression, not %s", describe(n))
	return "", false
}

// typeExpr parses and resolves a field's type expression; a trailing ? makes the field
// optional.
func (l *loader) typeExpr(s string, n *yaml.Node, path string) (*Type, bool) {
	expr := strings.TrimSpace(s)
	optional := strings.HasSuffix(expr, "?")
	if optional {
		expr = strings.TrimSpace(expr[:len(expr)-1])
	}
	t, msg, hint := l.parseType(expr)
	if msg != "" {
		l.hintf(n, path, hint, "%s", msg)
		return nil, optional
	}
	return t, optional
}

// parseType resolves the grammar T = name | list<T> | map<T>. On failure it returns a
// message and maybe a hint.
func (l *loader) parseType(s string) (t *Type, msg, hint string) {
	s = strings.TrimSpace(s)
	for _, c := range [...]struct {
		word string
		kind Kind
	}{{"list", KindList}, {"map", KindMap}} {
		if s == c.word {
			return nil, fmt.Sprintf("%s needs an element type", c.word), fmt.Sprintf("write %s<T>", c.word)
		}
		if !strings.HasPrefix(s, c.word+"<") {
			continue
		}
		if !strings.HasSuffix(s, ">") {
			if strings.Contains(s, ">") {
				return nil, fmt.Sprintf("invalid type %q", s), "write a type name, list<T>, map<T>, or one of those followed by ?"
			}
			return nil, fmt.Sprintf("invalid type %q: %s< is not closed by >", s, c.word), ""
		}
		inner := s[len(c.word)+1 : len(s)-1]
		if strings.TrimSpace(inner) == "" {
			return nil, fmt.Sprintf("%s needs an element type", c.word), fmt.Sprintf("write %s<T>", c.word)
		}
		if c.kind == KindMap && strings.Contains(inner, ",") {
			return nil, fmt.Sprintf("invalid type %q: map keys are always strings", s), "write map<T>"
		}
		elem, msg, hint := l.parseType(inner)
		if msg != "" {
			return nil, msg, hint
		}
		return &Type{Kind: c.kind, Elem: elem}, "", ""
	}
	switch {
	case s == "":
		return nil, "missing type", ""
	case strings.HasSuffix(s, "?"):
		return nil, fmt.Sprintf("invalid type %q: ? may only end a field's type", s), "? makes a field optional; list and map elements cannot be"
	case strings.ContainsAny(s, "<>?,") || strings.IndexFunc(s, isSpace) >= 0:
		return nil, fmt.Sprintf("invalid type %q", s), "write a type name, list<T>, map<T>, or one of those followed by ?"
	}
	if k := builtinKinds[s]; k != 0 {
		return &Type{Kind: k}, "", ""
	}
	if e := l.enums[s]; e != nil {
		return &Type{Kind: KindEnum, Enum: e}, "", ""
	}
	if o := l.objects[s]; o != nil {
		return &Type{Kind: KindObject, Object: o}, "", ""
	}
	if u := l.unions[s]; u != nil {
		return &Type{Kind: KindUnion, Union: u}, "", ""
	}
	return nil, fmt.Sprintf("unknown type %q", s), didYouMean(s, append(slices.Clone(l.declared), builtinNames...))
}

// constraints reads min, max, min_length, max_length, pattern, min_items and max_items,
// and checks that each fits the field's type.
func (l *loader) constraints(f *Field, m map[string]entry, path string) {
	c := &f.Constraints
	kind := Kind(0)
	if f.Type != nil {
		kind = f.Type.Kind
	}
	fits := func(e entry, kinds string, ok bool) bool {
		if f.Type != nil && !ok {
			l.errorf(e.K, path, "%s is only for %s fields, not %s", e.Key, kinds, f.Type)
			return false
		}
		return true
	}
	numeric := kind == KindInt || kind == KindInt32 || kind == KindFloat
	var maxE entry
	for _, key := range [...]string{"min", "max"} {
		e, ok := m[key]
		if !ok || !fits(e, "int, int32 and float", numeric) {
			continue
		}
		if n := l.number(e, path, kind); n != nil {
			if key == "min" {
				c.Min = n
			} else {
				c.Max, maxE = n, e
			}
		}
	}
	if c.Min != nil && c.Max != nil && c.Min.Float > c.Max.Float {
		l.errorf(maxE.V, path, "min %s is greater than max %s", c.Min.Text, c.Max.Text)
	}
	c.MinLength, c.MaxLength = l.bounds(m, path, "min_length", "max_length", func(e entry) bool {
		return fits(e, "string", kind == KindString)
	})
	if e, ok := m["pattern"]; ok && fits(e, "string", kind == KindString) {
		if s, ok := l.str(e, path); ok {
			if _, err := regexp.Compile(s); err != nil {
				l.errorf(e.V, path, "pattern %q is not an RE2 regular expression: %s", s, strings.TrimPrefix(err.Error(), "error parsing regexp: "))
			} else {
				c.Pattern = s
			}
		}
	}
	c.MinItems, c.MaxItems = l.bounds(m, path, "min_items", "max_items", func(e entry) bool {
		return fits(e, "list and map", kind == KindList || kind == KindMap)
	})
}

// bounds reads a pair of non-negative counts and checks lo <= hi.
func (l *loader) bounds(m map[string]entry, path, loKey, hiKey string, fits func(entry) bool) (lo, hi *int64) {
	read := func(key string) *int64 {
		e, ok := m[key]
		if !ok || !fits(e) {
			return nil
		}
		v, ok := l.integer(e, path)
		if !ok {
			return nil
		}
		if v < 0 {
			l.errorf(e.V, path, "%s must not be negative, not %d", key, v)
			return nil
		}
		return &v
	}
	lo, hi = read(loKey), read(hiKey)
	if lo != nil && hi != nil && *lo > *hi {
		l.errorf(m[hiKey].V, path, "%s %d is greater than %s %d", loKey, *lo, hiKey, *hi)
	}
	return lo, hi
}

// number reads a bound for a field of kind k: integral and in range for int and int32,
// finite for float.
func (l *loader) number(e entry, path string, k Kind) *Number {
	n := e.V
	f, ok := floatValue(n)
	if !ok {
		l.errorf(n, path, "%s must be a finite number, not %s", e.Key, describeNumber(n))
		return nil
	}
	num := &Number{Float: f, Text: n.Value}
	if k != KindInt && k != KindInt32 {
		return num
	}
	i, ok := intValue(n)
	if !ok {
		l.errorf(n, path, "%s must be an integer for %s fields, not %s", e.Key, k, describeNumber(n))
		return nil
	}
	if k == KindInt32 && (i < math.MinInt32 || i > math.MaxInt32) {
		l.errorf(n, path, "%s %s is out of the int32 range", e.Key, n.Value)
		return nil
	}
	num.Int = i
	return num
}
