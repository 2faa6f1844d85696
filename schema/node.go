package schema

import (
	"fmt"
	"math"

	"go.yaml.in/yaml/v3"

	"github.com/framegen/framegen/internal/suggest"
)

// Reading YAML nodes: positions, mappings in file order with duplicate keys reported, and
// scalars by their resolved YAML tag. Nothing here leaves the package.

// entry is one key of a mapping: the key text, the key node (for positions) and the value,
// with aliases followed.
type entry struct {
	Key  string
	K, V *yaml.Node
}

func (l *loader) pos(n *yaml.Node) Pos {
	if n == nil {
		return Pos{File: l.file, Line: 1, Col: 1}
	}
	if n.Line > l.lines && l.lines > 0 {
		// The library places an empty value at the very end of a file on the line after
		// the last one; keep positions inside the file.
		return Pos{File: l.file, Line: l.lines, Col: 1}
	}
	return Pos{File: l.file, Line: n.Line, Col: n.Column}
}

// errorf reports a problem at node n.
func (l *loader) errorf(n *yaml.Node, path, format string, args ...any) {
	l.report(l.pos(n), path, "", format, args...)
}

// hintf reports a problem at node n with a hint.
func (l *loader) hintf(n *yaml.Node, path, hint, format string, args ...any) {
	l.report(l.pos(n), path, hint, format, args...)
}

func (l *loader) report(p Pos, path, hint, format string, args ...any) {
	l.diags = append(l.diags, Diagnostic{Pos: p, Path: path, Msg: fmt.Sprintf(format, args...), Hint: hint})
}

// didYouMean formats a hint naming the closest candidate, or "" when none is close.
func didYouMean(name string, candidates []string) string {
	if s := suggest.Closest(name, candidates); s != "" {
		return fmt.Sprintf("did you mean %q?", s)
	}
	return ""
}

// deref follows an alias to the node it names. The parser guarantees an alias names an
// anchored node, never another alias.
func deref(n *yaml.Node) *yaml.Node {
	if n != nil && n.Kind == yaml.AliasNode && n.Alias != nil {
		return n.Alias
	}
	return n
}

// describe names what n holds, for messages: "a list", "an integer" …
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		switch n.ShortTag() {
		case "!!null":
			return "null"
		case "!!bool":
			return "a boolean"
		case "!!int":
			return "an integer"
		case "!!float":
			return "a number"
		case "!!str", "!!timestamp", "!!binary":
			return "a string"
		}
		return "a value tagged " + n.Tag
	}
	return "an unsupported YAML node"
}

func isNull(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null" }

// mapping returns the entries of mapping n in file order. Duplicate keys are reported and
// dropped (the first one counts), as are keys that are not scalars. A null n is an empty
// mapping when nullOK. ok is false when n is not a mapping at all (reported, as what).
func (l *loader) mapping(n *yaml.Node, path, what string, nullOK bool) (es []entry, ok bool) {
	if nullOK && isNull(n) {
		return nil, true
	}
	if n.Kind != yaml.MappingNode {
		l.errorf(n, path, "%s must be a mapping, not %s", what, describe(n))
		return nil, false
	}
	// Aliases can repeat a mapping many times over; stop before that exhausts memory.
	l.entries -= len(n.Content) / 2
	if l.entries < 0 {
		if !l.tooLarge {
			l.tooLarge = true
			l.errorf(n, path, "the schema is too large: its mappings, with aliases expanded, exceed %d entries", maxEntries)
		}
		return nil, false
	}
	first := make(map[string]*yaml.Node, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := deref(n.Content[i]), deref(n.Content[i+1])
		if k.Kind != yaml.ScalarNode {
			l.errorf(k, path, "a mapping key must be a string, not %s", describe(k))
			continue
		}
		if k.ShortTag() == "!!merge" {
			l.hintf(k, path, "write the keys out", "YAML merge keys (<<) are not supported")
			continue
		}
		if f, dup := first[k.Value]; dup {
			l.errorf(k, path, "duplicate key %q (first at line %d:%d)", k.Value, f.Line, f.Column)
			continue
		}
		first[k.Value] = k
		es = append(es, entry{Key: k.Value, K: k, V: v})
	}
	return es, true
}

// attrs reads a mapping whose keys are fixed: it reports unknown keys with a did-you-mean
// from known and returns the known ones by key.
func (l *loader) attrs(n *yaml.Node, path, what string, known []string) (map[string]entry, bool) {
	es, ok := l.mapping(n, path, what, false)
	if !ok {
		return nil, false
	}
	m := make(map[string]entry, len(es))
	for _, e := range es {
		if !contains(known, e.Key) {
			l.hintf(e.K, path, didYouMean(e.Key, known), "unknown key %q", e.Key)
			continue
		}
		m[e.Key] = e
	}
	return m, true
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// text reads a string setting. Plain numbers are taken as written (version: 2.10 is
// "2.10"); booleans, null and collections are errors.
func (l *loader) text(e entry, path string) (string, bool) {
	n := e.V
	if n.Kind == yaml.ScalarNode {
		switch n.ShortTag() {
		case "!!str", "!!int", "!!float", "!!timestamp":
			return n.Value, true
		}
	}
	l.errorf(n, path, "%s must be a string, not %s", e.Key, describe(n))
	return "", false
}

// str reads a value that must be a YAML string (quoted, or plain text that is not a
// number, boolean or null).
func (l *loader) str(e entry, path string) (string, bool) {
	n := e.V
	if n.Kind == yaml.ScalarNode && n.ShortTag() == "!!str" {
		return n.Value, true
	}
	l.errorf(n, path, "%s must be a string, not %s", e.Key, describe(n))
	return "", false
}

// boolean reads true or false.
func (l *loader) boolean(e entry, path string) (bool, bool) {
	n := e.V
	if n.Kind == yaml.ScalarNode && n.ShortTag() == "!!bool" {
		var b bool
		if err := n.Decode(&b); err == nil {
			return b, true
		}
	}
	l.errorf(n, path, "%s must be true or false, not %s", e.Key, describe(n))
	return false, false
}

// integer reads a whole number that fits in 64 bits; 1e3 and 1.0 count as whole.
func (l *loader) integer(e entry, path string) (int64, bool) {
	if i, ok := intValue(e.V); ok {
		return i, true
	}
	l.errorf(e.V, path, "%s must be an integer, not %s", e.Key, describeNumber(e.V))
	return 0, false
}

// intValue returns the integer n holds, if it is a YAML integer, or a float with an
// integral value, within int64.
func intValue(n *yaml.Node) (int64, bool) {
	if n.Kind != yaml.ScalarNode {
		return 0, false
	}
	switch n.ShortTag() {
	case "!!int":
		var i int64
		if err := n.Decode(&i); err == nil {
			return i, true
		}
	case "!!float":
		f, ok := floatValue(n)
		if ok && f == math.Trunc(f) && f >= -(1<<63) && f < 1<<63 {
			return int64(f), true
		}
	}
	return 0, false
}

// floatValue returns the finite number n holds, if it is a YAML integer or float.
func floatValue(n *yaml.Node) (float64, bool) {
	if n.Kind != yaml.ScalarNode {
		return 0, false
	}
	switch n.ShortTag() {
	case "!!int", "!!float":
		var f float64
		if err := n.Decode(&f); err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
			return 0, false
		}
		return f, true
	}
	return 0, false
}

// describeNumber is describe, but says why a number is not an acceptable integer.
func describeNumber(n *yaml.Node) string {
	if n.Kind == yaml.ScalarNode {
		switch n.ShortTag() {
		case "!!int":
			return "the out-of-range number " + n.Value
		case "!!float":
			f, ok := floatValue(n)
			switch {
			case !ok:
				return "the non-finite number " + n.Value
			case f != math.Trunc(f):
				return "the fraction " + n.Value
			}
			return "the out-of-range number " + n.Value
		}
	}
	return describe(n)
}
