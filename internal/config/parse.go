package config

import (
	"fmt"
	"go/token"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/framegen/framegen/internal/suggest"
	"github.com/framegen/framegen/schema"
)

// The known keys of each mapping, in the order the docs list them.
func topKeys() []string   { return []string{"version", "schemas"} }
func entryKeys() []string { return []string{"schema", "go", "docs", "typescript", "jsonschema"} }
func goKeys() []string    { return []string{"out", "package", "side", "transports"} }
func docsKeys() []string  { return []string{"out"} }

// Parse checks a config file's bytes; path names the file in positions and is the base of
// its relative paths. A config with problems returns schema.Diagnostics.
func Parse(path string, data []byte) (*Config, error) {
	p := parser{file: path, dir: filepath.Dir(path)}
	cfg := p.parse(data)
	if len(p.diags) > 0 {
		p.diags.Sort()
		return nil, p.diags
	}
	return cfg, nil
}

// parser collects every problem of one config file.
type parser struct {
	file  string
	dir   string
	diags schema.Diagnostics
}

func (p *parser) pos(n *yaml.Node) schema.Pos {
	return schema.Pos{File: p.file, Line: n.Line, Col: n.Column}
}

func (p *parser) errorf(n *yaml.Node, path, hint, format string, args ...any) {
	p.diags = append(p.diags, schema.Diagnostic{
		Pos: p.pos(n), Path: path, Msg: fmt.Sprintf(format, args...), Hint: hint,
	})
}

// yamlLine finds the line number in a YAML syntax error ("yaml: line 3: …").
var yamlLine = regexp.MustCompile(`^yaml: line (\d+): `)

func (p *parser) parse(data []byte) *Config {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		msg := err.Error()
		line := 1
		if m := yamlLine.FindStringSubmatch(msg); m != nil {
			line, _ = strconv.Atoi(m[1])
			msg = msg[len(m[0]):]
		} else {
			msg = strings.TrimPrefix(msg, "yaml: ")
		}
		p.diags = append(p.diags, schema.Diagnostic{
			Pos: schema.Pos{File: p.file, Line: line, Col: 1},
			Msg: "yaml: " + msg,
		})
		return nil
	}
	if len(doc.Content) == 0 {
		p.diags = append(p.diags, schema.Diagnostic{
			Pos: schema.Pos{File: p.file, Line: 1, Col: 1},
			Msg: "empty config: want a mapping with version and schemas",
		})
		return nil
	}
	top := deref(doc.Content[0])
	if top.Kind != yaml.MappingNode {
		p.errorf(top, "", "", "config must be a mapping with version and schemas, not %s", kindOf(top))
		return nil
	}
	keys := p.mapping(top, "", topKeys())
	cfg := &Config{Path: p.file}
	if v, ok := keys["version"]; !ok {
		p.errorf(top, "", "", "missing key version (add version: 1)")
	} else if v.Kind != yaml.ScalarNode || v.Tag != "!!int" {
		p.errorf(v, "version", "", "want the integer 1, not %s", kindOf(v))
	} else if v.Value != "1" {
		p.errorf(v, "version", "", "unsupported version %s (only 1 exists)", v.Value)
	}
	s, ok := keys["schemas"]
	switch {
	case !ok:
		p.errorf(top, "", "", "missing key schemas")
	case s.Kind != yaml.SequenceNode:
		p.errorf(s, "schemas", "", "want a list of schemas, not %s", kindOf(s))
	case len(s.Content) == 0:
		p.errorf(s, "schemas", "", "empty list: name at least one schema")
	default:
		for i, n := range s.Content {
			if e, ok := p.entry(deref(n), fmt.Sprintf("schemas[%d]", i)); ok {
				cfg.Schemas = append(cfg.Schemas, e)
			}
		}
		p.overlaps(cfg.Schemas)
	}
	return cfg
}

// entry checks one item of schemas.
func (p *parser) entry(n *yaml.Node, path string) (Entry, bool) {
	e := Entry{Pos: p.pos(n)}
	if n.Kind != yaml.MappingNode {
		p.errorf(n, path, "", "want a mapping with schema and its outputs, not %s", kindOf(n))
		return e, false
	}
	keys := p.mapping(n, path, entryKeys())
	if v, ok := keys["schema"]; !ok {
		p.errorf(n, path, "", "missing key schema")
	} else {
		e.Schema = p.path(v, path+": schema")
	}
	if v, ok := keys["go"]; ok {
		e.Go = p.goOut(v, path+": go")
	}
	if v, ok := keys["docs"]; ok {
		e.Docs = p.docsOut(v, path+": docs")
	}
	for _, k := range []string{"typescript", "jsonschema"} {
		if _, ok := keys[k]; ok {
			p.errorf(keyNode(n, k), path+": "+k, "remove it; see docs/config.md",
				"the %s output is not supported yet", k)
		}
	}
	if _, ok := keys["go"]; !ok {
		if _, ok := keys["docs"]; !ok {
			p.errorf(n, path, "", "no output: give go, docs or both")
		}
	}
	return e, true
}

func (p *parser) goOut(n *yaml.Node, path string) *Go {
	g := &Go{Pos: p.pos(n), Side: schema.Both}
	if n.Kind != yaml.MappingNode {
		p.errorf(n, path, "", "want a mapping with out, package, side and transports, not %s", kindOf(n))
		return g
	}
	keys := p.mapping(n, path, goKeys())
	if v, ok := keys["out"]; !ok {
		p.errorf(n, path, "", "missing key out (the package directory)")
	} else {
		g.Out = p.path(v, path+": out")
	}
	if v, ok := keys["package"]; ok {
		if s, ok := p.str(v, path+": package"); ok && !token.IsIdentifier(s) {
			p.errorf(v, path+": package", "", "%q is not a valid Go package name", s)
		} else {
			g.Package = s
		}
	}
	if v, ok := keys["side"]; ok {
		if s, ok := p.str(v, path+": side"); ok {
			side, ok := ParseSide(s)
			if !ok {
				p.errorf(v, path+": side", didYouMean(s, []string{"server", "client", "both"}),
					"unknown side %q: want server, client or both", s)
			}
			g.Side = side
		}
	}
	if v, ok := keys["transports"]; ok {
		g.Transports = p.transports(v, path+": transports")
	}
	return g
}

func (p *parser) transports(n *yaml.Node, path string) []string {
	if n.Kind != yaml.SequenceNode {
		p.errorf(n, path, "", "want a list such as [coder, gorilla], not %s", kindOf(n))
		return nil
	}
	var out []string
	for _, item := range n.Content {
		item = deref(item)
		s, ok := p.str(item, path)
		if !ok {
			continue
		}
		switch {
		case !slices.Contains(Transports(), s):
			p.errorf(item, path, didYouMean(s, Transports()),
				"unknown transport %q: want %s", s, strings.Join(Transports(), " or "))
		case slices.Contains(out, s):
			p.errorf(item, path, "", "transport %q listed twice", s)
		default:
			out = append(out, s)
		}
	}
	return out
}

func (p *parser) docsOut(n *yaml.Node, path string) *Docs {
	d := &Docs{Pos: p.pos(n)}
	if n.Kind != yaml.MappingNode {
		p.errorf(n, path, "", "want a mapping with out, not %s", kindOf(n))
		return d
	}
	keys := p.mapping(n, path, docsKeys())
	if v, ok := keys["out"]; !ok {
		p.errorf(n, path, "", "missing key out (the Markdown file)")
	} else {
		d.Out = p.path(v, path+": out")
	}
	return d
}

// overlaps reports two outputs written to the same place: the second would overwrite the
// first, and each Go output would remove the other's files as stale.
func (p *parser) overlaps(entries []Entry) {
	seen := map[string]string{} // cleaned out path -> where it was first given
	claim := func(out string, pos schema.Pos, what string) {
		if out == "" {
			return
		}
		key := filepath.Clean(out)
		if first, ok := seen[key]; ok {
			p.diags = append(p.diags, schema.Diagnostic{
				Pos: pos, Path: what, Msg: fmt.Sprintf("out %q is also the output of %s", out, first),
			})
			return
		}
		seen[key] = what
	}
	for i, e := range entries {
		if e.Go != nil {
			claim(e.Go.Out, e.Go.Pos, fmt.Sprintf("schemas[%d]: go", i))
		}
		if e.Docs != nil {
			claim(e.Docs.Out, e.Docs.Pos, fmt.Sprintf("schemas[%d]: docs", i))
		}
	}
}

// mapping returns the values of a mapping by key, reporting unknown and duplicate keys.
func (p *parser) mapping(n *yaml.Node, path string, known []string) map[string]*yaml.Node {
	keys := make(map[string]*yaml.Node, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := deref(n.Content[i]), deref(n.Content[i+1])
		at := join(path, k.Value)
		switch {
		case k.Kind != yaml.ScalarNode:
			p.errorf(k, path, "", "a key must be a plain name, not %s", kindOf(k))
		case !slices.Contains(known, k.Value):
			p.errorf(k, path, didYouMean(k.Value, known), "unknown key %q", k.Value)
		case keys[k.Value] != nil:
			p.errorf(k, at, "", "duplicate key %q", k.Value)
		default:
			keys[k.Value] = v
		}
	}
	return keys
}

// str returns a non-empty scalar's text.
func (p *parser) str(n *yaml.Node, path string) (string, bool) {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		p.errorf(n, path, "", "want a string, not %s", kindOf(n))
		return "", false
	}
	if n.Value == "" {
		p.errorf(n, path, "", "empty string")
		return "", false
	}
	return n.Value, true
}

// path returns a path value resolved against the config's directory.
func (p *parser) path(n *yaml.Node, path string) string {
	s, ok := p.str(n, path)
	if !ok {
		return ""
	}
	s = filepath.FromSlash(s)
	if filepath.IsAbs(s) {
		return filepath.Clean(s)
	}
	return filepath.Join(p.dir, s)
}

// keyNode returns the key node of key in mapping n.
func keyNode(n *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i]
		}
	}
	return n
}

func deref(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

// kindOf names a node's kind for messages: "a list", "a mapping", "the string "x"".
func kindOf(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!null":
			return "null"
		case "!!str":
			return strconv.Quote(n.Value)
		}
		return n.Value
	}
	return "an alias"
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + ": " + key
}

func didYouMean(got string, known []string) string {
	if s := suggest.Closest(got, known); s != "" {
		return fmt.Sprintf("did you mean %q?", s)
	}
	return ""
}
