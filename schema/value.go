package schema

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// Examples and defaults: each is checked against its field's type and constraints, as a
// decoder would check the same value on the wire, and turned into compact JSON in wire form.

// maxValueDepth bounds the nesting of an example, so that no input exhausts the stack.
const maxValueDepth = 200

var uuidForm = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)

// valueError is the first problem found in a value: where, and what.
type valueError struct {
	n    *yaml.Node
	at   string // JSON path inside the value: "" for the value itself, ".name", "[2]"
	msg  string
	hint string
}

// checkValues checks every example and default found while building.
func (l *loader) checkValues() {
	for _, pv := range l.pending {
		what := "example"
		if pv.isDefault {
			what = "default"
		}
		var ev *EnumValue
		js, err := l.value(pv.n, pv.f.Type, pv.f.Nullable, &pv.f.Constraints, "", 0, &ev)
		if err != nil {
			msg := fmt.Sprintf("%s: %s", what, err.msg)
			if err.at != "" {
				msg = fmt.Sprintf("%s: at %s: %s", what, err.at, err.msg)
			}
			l.hintf(err.n, pv.path, err.hint, "%s", msg)
			continue
		}
		v := &Value{Pos: l.pos(pv.n), JSON: js, EnumValue: ev}
		if pv.isDefault {
			pv.f.Default = v
		} else {
			pv.f.Example = v
		}
	}
}

// value checks YAML node n as a value of type t with constraints c (nil inside lists and
// maps), and returns its JSON. For a value of enum type, *ev is set to the value named.
func (l *loader) value(n *yaml.Node, t *Type, nullable bool, c *Constraints, at string, depth int, ev **EnumValue) (string, *valueError) {
	n, leave, err := l.enter(n, depth)
	if err != nil {
		return "", err
	}
	defer leave()
	fail := func(format string, args ...any) (string, *valueError) {
		return "", &valueError{n: n, at: at, msg: fmt.Sprintf(format, args...)}
	}
	if isNull(n) {
		if nullable || t.Kind == KindJSON {
			return "null", nil
		}
		return fail("null, but the field is not nullable")
	}
	tag := n.ShortTag()
	isStr := n.Kind == yaml.ScalarNode && (tag == "!!str" || tag == "!!timestamp" || tag == "!!binary")
	switch t.Kind {
	case KindString:
		if !isStr {
			return fail("want a string, not %s", describe(n))
		}
		return l.stringValue(n, c, at)
	case KindBool:
		if tag != "!!bool" {
			return fail("want true or false, not %s", describe(n))
		}
		if n.Value == "true" || n.Value == "True" || n.Value == "TRUE" {
			return "true", nil
		}
		return "false", nil
	case KindInt, KindInt32:
		return numberValue(n, t.Kind, c, at)
	case KindFloat:
		return numberValue(n, t.Kind, c, at)
	case KindTime:
		if !isStr {
			return fail("want an RFC 3339 time, not %s", describe(n))
		}
		tm, err := time.Parse(time.RFC3339Nano, n.Value)
		if err != nil {
			return fail("%q is not an RFC 3339 time", n.Value)
		}
		return quote(tm.Format(time.RFC3339Nano)), nil
	case KindUUID:
		if !isStr || !uuidForm.MatchString(n.Value) {
			return fail("want a UUID (8-4-4-4-12 hex digits), not %s", shown(n))
		}
		return quote(strings.ToLower(n.Value)), nil
	case KindBytes:
		if !isStr {
			return fail("want base64 text, not %s", describe(n))
		}
		if _, err := base64.StdEncoding.DecodeString(n.Value); err != nil {
			return fail("%q is not standard base64", n.Value)
		}
		return quote(n.Value), nil
	case KindJSON:
		return l.anyJSON(n, at, depth)
	case KindEnum:
		return l.enumValueJSON(n, t.Enum, at, ev)
	case KindList:
		if n.Kind != yaml.SequenceNode {
			return fail("want a list, not %s", describe(n))
		}
		if msg := countFits(len(n.Content), c, "items"); msg != "" {
			return fail("%s", msg)
		}
		parts := make([]string, 0, len(n.Content))
		for i, e := range n.Content {
			js, err := l.value(e, t.Elem, false, nil, fmt.Sprintf("%s[%d]", at, i), depth+1, nil)
			if err != nil {
				return "", err
			}
			parts = append(parts, js)
		}
		return "[" + strings.Join(parts, ",") + "]", nil
	case KindMap:
		es, err := l.valueMapping(n, at)
		if err != nil {
			return "", err
		}
		if msg := countFits(len(es), c, "entries"); msg != "" {
			return fail("%s", msg)
		}
		parts := make([]string, 0, len(es))
		for _, e := range es {
			js, err := l.value(e.V, t.Elem, false, nil, at+memberPath(e.Key), depth+1, nil)
			if err != nil {
				return "", err
			}
			parts = append(parts, quote(e.Key)+":"+js)
		}
		return "{" + strings.Join(parts, ",") + "}", nil
	case KindObject:
		return l.objectValue(n, t.Object, "", "", at, depth)
	case KindUnion:
		return l.unionValue(n, t.Union, at, depth)
	}
	return fail("no value can be checked for this type")
}

// enter follows an alias and guards against values that never end: an alias inside its own
// anchor, nesting past maxValueDepth, or more nodes than the budget (aliases can repeat a
// subtree many times). leave must be called when the node is done.
func (l *loader) enter(n *yaml.Node, depth int) (*yaml.Node, func(), *valueError) {
	l.budget--
	if depth > maxValueDepth || l.budget < 0 {
		return nil, nil, &valueError{n: n, msg: "value is nested too deeply or too large"}
	}
	if n.Kind != yaml.AliasNode || n.Alias == nil {
		return n, func() {}, nil
	}
	target := n.Alias
	if l.inAlias[target] {
		return nil, nil, &valueError{n: n, msg: fmt.Sprintf("alias *%s refers to itself", n.Value)}
	}
	l.inAlias[target] = true
	return target, func() { delete(l.inAlias, target) }, nil
}

// shown is how a scalar appears in a message: quoted as written, or what the node is.
func shown(n *yaml.Node) string {
	if n.Kind == yaml.ScalarNode && !isNull(n) {
		return strconv.Quote(n.Value)
	}
	return describe(n)
}

// quote writes s as a JSON string, without the HTML escapes of json.Marshal.
func quote(s string) string {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes
	return strings.TrimSuffix(b.String(), "\n")
}

// memberPath is the JSON path step to key: .name, or ["odd key"].
func memberPath(key string) string {
	for i, r := range key {
		if !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || i > 0 && r >= '0' && r <= '9') {
			return "[" + quote(key) + "]"
		}
	}
	if key == "" {
		return `[""]`
	}
	return "." + key
}

func (l *loader) stringValue(n *yaml.Node, c *Constraints, at string) (string, *valueError) {
	s := n.Value
	fail := func(format string, args ...any) (string, *valueError) {
		return "", &valueError{n: n, at: at, msg: fmt.Sprintf(format, args...)}
	}
	if !utf8.ValidString(s) {
		return fail("not valid UTF-8")
	}
	if c != nil {
		runes := int64(utf8.RuneCountInString(s))
		if c.MinLength != nil && runes < *c.MinLength {
			return fail("%q is shorter than min_length %d", s, *c.MinLength)
		}
		if c.MaxLength != nil && runes > *c.MaxLength {
			return fail("%q is longer than max_length %d", s, *c.MaxLength)
		}
		if c.Pattern != "" {
			re, err := regexp.Compile(`^(?:` + c.Pattern + `)$`)
			if err == nil && !re.MatchString(s) {
				return fail("%q does not match pattern %q", s, c.Pattern)
			}
		}
	}
	return quote(s), nil
}

// numberValue checks an int, int32 or float value against its type and bounds.
func numberValue(n *yaml.Node, k Kind, c *Constraints, at string) (string, *valueError) {
	fail := func(format string, args ...any) (string, *valueError) {
		return "", &valueError{n: n, at: at, msg: fmt.Sprintf(format, args...)}
	}
	f, ok := floatValue(n)
	if !ok {
		switch n.ShortTag() {
		case "!!float":
			return fail("%s is not a finite number", n.Value)
		case "!!int":
			return fail("%s is out of range", n.Value)
		}
		return fail("want a number, not %s", describe(n))
	}
	var js string
	if k == KindFloat {
		b, _ := json.Marshal(f) // finite, so it marshals
		js = string(b)
	} else {
		i, ok := intValue(n)
		if !ok {
			return fail("want an integer, not %s", n.Value)
		}
		if k == KindInt32 && (i < -1<<31 || i > 1<<31-1) {
			return fail("%s is out of the int32 range", n.Value)
		}
		js = strconv.FormatInt(i, 10)
		if c != nil && (c.Min != nil && i < c.Min.Int || c.Max != nil && i > c.Max.Int) {
			return fail("%s is out of range [%s, %s]", n.Value, boundText(c.Min), boundText(c.Max))
		}
		return js, nil
	}
	if c != nil && (c.Min != nil && f < c.Min.Float || c.Max != nil && f > c.Max.Float) {
		return fail("%s is out of range [%s, %s]", n.Value, boundText(c.Min), boundText(c.Max))
	}
	return js, nil
}

func boundText(n *Number) string {
	if n == nil {
		return "…"
	}
	return n.Text
}

// countFits checks a list's or map's size against min_items and max_items.
func countFits(size int, c *Constraints, what string) string {
	if c == nil {
		return ""
	}
	if c.MinItems != nil && int64(size) < *c.MinItems {
		return fmt.Sprintf("%d %s, fewer than min_items %d", size, what, *c.MinItems)
	}
	if c.MaxItems != nil && int64(size) > *c.MaxItems {
		return fmt.Sprintf("%d %s, more than max_items %d", size, what, *c.MaxItems)
	}
	return ""
}

// enumValueJSON resolves a value written by name to its wire form.
func (l *loader) enumValueJSON(n *yaml.Node, e *Enum, at string, ev **EnumValue) (string, *valueError) {
	names := make([]string, len(e.values))
	for i, v := range e.values {
		names[i] = v.Name.Wire
		if n.Kind == yaml.ScalarNode && n.ShortTag() == "!!str" && v.Name.Wire == n.Value {
			if ev != nil {
				*ev = v
			}
			if e.IsInt {
				return strconv.FormatInt(v.Value, 10), nil
			}
			return quote(v.Name.Wire), nil
		}
	}
	err := &valueError{n: n, at: at, msg: fmt.Sprintf("%s is not a value of enum %q", shown(n), e.Name.Wire)}
	if n.Kind == yaml.ScalarNode {
		err.hint = didYouMean(n.Value, names)
		if i, ok := intValue(n); ok && e.IsInt {
			for _, v := range e.values {
				if v.Value == i {
					err.hint = fmt.Sprintf("write values by name: did you mean %q?", v.Name.Wire)
				}
			}
		}
	}
	return "", err
}

// valueMapping reads the keys of a mapping inside a value; duplicate keys were already
// reported by the loader, so here the first one counts silently.
func (l *loader) valueMapping(n *yaml.Node, at string) ([]entry, *valueError) {
	if n.Kind != yaml.MappingNode {
		return nil, &valueError{n: n, at: at, msg: "want a mapping, not " + describe(n)}
	}
	var es []entry
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := deref(n.Content[i]), deref(n.Content[i+1])
		if k.Kind != yaml.ScalarNode || k.ShortTag() == "!!merge" {
			return nil, &valueError{n: k, at: at, msg: "a key must be a string, not " + describe(k)}
		}
		if seen[k.Value] {
			return nil, &valueError{n: k, at: at, msg: fmt.Sprintf("duplicate key %q", k.Value)}
		}
		seen[k.Value] = true
		es = append(es, entry{Key: k.Value, K: k, V: v})
	}
	return es, nil
}

// objectValue checks a mapping against an object type's fields, in the type's field order;
// skip names a key the caller has handled (a union's tag), and prefix is JSON to write
// first.
func (l *loader) objectValue(n *yaml.Node, o *Object, skip, prefix, at string, depth int) (string, *valueError) {
	es, err := l.valueMapping(n, at)
	if err != nil {
		return "", err
	}
	byKey := make(map[string]entry, len(es))
	names := make([]string, len(o.fields))
	for i, f := range o.fields {
		names[i] = f.Name.Wire
	}
	for _, e := range es {
		if e.Key == skip {
			continue
		}
		if !contains(names, e.Key) {
			return "", &valueError{n: e.K, at: at, msg: fmt.Sprintf("type %q has no field %q", o.Name.Wire, e.Key), hint: didYouMean(e.Key, names)}
		}
		byKey[e.Key] = e
	}
	parts := []string{}
	if prefix != "" {
		parts = append(parts, prefix)
	}
	for _, f := range o.fields {
		e, ok := byKey[f.Name.Wire]
		if !ok {
			if !f.Optional {
				return "", &valueError{n: n, at: at, msg: fmt.Sprintf("missing required field %q of type %q", f.Name.Wire, o.Name.Wire)}
			}
			continue
		}
		if f.Type == nil {
			continue
		}
		js, err := l.value(e.V, f.Type, f.Nullable, &f.Constraints, at+memberPath(f.Name.Wire), depth+1, nil)
		if err != nil {
			return "", err
		}
		parts = append(parts, quote(f.Name.Wire)+":"+js)
	}
	return "{" + strings.Join(parts, ",") + "}", nil
}

// unionValue checks a mapping whose tag key selects a variant.
func (l *loader) unionValue(n *yaml.Node, u *Union, at string, depth int) (string, *valueError) {
	es, err := l.valueMapping(n, at)
	if err != nil {
		return "", err
	}
	tags := make([]string, len(u.variants))
	for i, v := range u.variants {
		tags[i] = v.Tag
	}
	for _, e := range es {
		if e.Key != u.TagKey {
			continue
		}
		if e.V.Kind == yaml.ScalarNode && e.V.ShortTag() == "!!str" {
			for _, v := range u.variants {
				if v.Tag == e.V.Value {
					return l.objectValue(n, v.Object, u.TagKey, quote(u.TagKey)+":"+quote(v.Tag), at, depth)
				}
			}
		}
		return "", &valueError{n: e.V, at: at + memberPath(u.TagKey), msg: fmt.Sprintf("%s is not a variant of union %q", shown(e.V), u.Name.Wire), hint: didYouMean(e.V.Value, tags)}
	}
	return "", &valueError{n: n, at: at, msg: fmt.Sprintf("missing the tag key %q of union %q", u.TagKey, u.Name.Wire)}
}

// anyJSON converts any YAML value to JSON, for fields of type json.
func (l *loader) anyJSON(n *yaml.Node, at string, depth int) (string, *valueError) {
	n, leave, err := l.enter(n, depth)
	if err != nil {
		return "", err
	}
	defer leave()
	switch n.Kind {
	case yaml.SequenceNode:
		parts := make([]string, 0, len(n.Content))
		for i, e := range n.Content {
			js, err := l.anyJSON(e, fmt.Sprintf("%s[%d]", at, i), depth+1)
			if err != nil {
				return "", err
			}
			parts = append(parts, js)
		}
		return "[" + strings.Join(parts, ",") + "]", nil
	case yaml.MappingNode:
		es, err := l.valueMapping(n, at)
		if err != nil {
			return "", err
		}
		parts := make([]string, 0, len(es))
		for _, e := range es {
			js, err := l.anyJSON(e.V, at+memberPath(e.Key), depth+1)
			if err != nil {
				return "", err
			}
			parts = append(parts, quote(e.Key)+":"+js)
		}
		return "{" + strings.Join(parts, ",") + "}", nil
	case yaml.ScalarNode:
		switch n.ShortTag() {
		case "!!null":
			return "null", nil
		case "!!bool":
			var b bool
			if n.Decode(&b) == nil && b {
				return "true", nil
			}
			return "false", nil
		case "!!int", "!!float":
			if i, ok := intValue(n); ok && n.ShortTag() == "!!int" {
				return strconv.FormatInt(i, 10), nil
			}
			f, ok := floatValue(n)
			if !ok {
				return "", &valueError{n: n, at: at, msg: fmt.Sprintf("%s cannot be written as JSON", n.Value)}
			}
			b, _ := json.Marshal(f)
			return string(b), nil
		case "!!str", "!!timestamp", "!!binary":
			if !utf8.ValidString(n.Value) {
				return "", &valueError{n: n, at: at, msg: "not valid UTF-8"}
			}
			return quote(n.Value), nil
		}
	}
	return "", &valueError{n: n, at: at, msg: describe(n) + " cannot be written as JSON"}
}
