package schema

import (
	"fmt"

	"go.yaml.in/yaml/v3"
)

func defaultEnvelope() *Envelope { return &Envelope{Tagging: Internal, TagKey: "type"} }

// frames reads the `frames` mapping and sorts the frames into the two channels.
func (l *loader) frames(p *Protocol, e entry) {
	es, ok := l.mapping(e.V, "", "frames", false)
	if ok && len(es) == 0 {
		l.errorf(e.V, "", "frames is empty; a protocol needs at least one frame")
	}
	for _, d := range es {
		if d.Key == "" {
			l.errorf(d.K, "", "frame name is empty")
			continue
		}
		f := l.frame(d)
		p.frames = append(p.frames, f)
		if f.From.Has(Client) {
			p.client.frames = append(p.client.frames, f)
		}
		if f.From.Has(Server) {
			p.server.frames = append(p.server.frames, f)
		}
	}
}

func (l *loader) frame(d entry) *Frame {
	path := fmt.Sprintf("frame %q", d.Key)
	f := &Frame{Pos: l.pos(d.K), Name: newName(d.Key, ""), Tag: Tag{Str: d.Key}}
	if isNull(d.V) {
		l.hintf(d.V, path, "add from: client, server or both", "a frame must be a mapping, not null")
		return f
	}
	m, ok := l.attrs(d.V, path, "a frame", frameKeys)
	if !ok {
		return f
	}
	if e, ok := m["from"]; !ok {
		l.hintf(d.K, path, "add from: client, server or both", "missing key \"from\"")
	} else if s, ok := l.str(e, path); ok {
		switch s {
		case "client":
			f.From = Client
		case "server":
			f.From = Server
		case "both":
			f.From = Both
		default:
			l.hintf(e.V, path, didYouMean(s, []string{"client", "server", "both"}), "from must be client, server or both, not %q", s)
		}
	}
	if e, ok := m["tag"]; ok {
		l.frameTag(f, e, path)
	}
	l.docs(m, path, &f.Name, &f.Description, &f.Deprecated)
	if e, ok := m["fields"]; ok {
		f.fields = l.fields(e, path)
	}
	return f
}

// frameTag reads `tag:`, a string or an integer.
func (l *loader) frameTag(f *Frame, e entry, path string) {
	n := e.V
	if n.Kind == yaml.ScalarNode {
		switch n.ShortTag() {
		case "!!str":
			if n.Value == "" {
				l.errorf(n, path, "tag is empty")
				return
			}
			f.Tag = Tag{Str: n.Value}
			l.tagNode[f] = n
			return
		case "!!int":
			if i, ok := intValue(n); ok {
				f.Tag = Tag{IsInt: true, Int: i}
				l.tagNode[f] = n
				return
			}
		}
	}
	l.errorf(n, path, "tag must be a string or an integer, not %s", describeNumber(n))
}

// envelopes reads `envelope`: one envelope for both directions, or {client: …, server: …}.
func (l *loader) envelopes(p *Protocol, e entry) {
	if isNull(e.V) {
		return
	}
	if !hasAnyKey(e.V, sideKeys) {
		env := l.envelope(e.V, "envelope")
		p.client.Envelope, p.server.Envelope = env, env
		l.envNodes = [2]*yaml.Node{e.V, e.V}
		return
	}
	l.perSideEn = true
	es, _ := l.mapping(e.V, "envelope", "envelope", false)
	for _, d := range es {
		switch {
		case d.Key == "client":
			p.client.Envelope = l.envelope(d.V, "envelope: client")
			l.envNodes[0] = d.V
		case d.Key == "server":
			p.server.Envelope = l.envelope(d.V, "envelope: server")
			l.envNodes[1] = d.V
		case contains(envelopeKeys, d.Key):
			l.hintf(d.K, "envelope", "move it into the client and server envelopes", "%s cannot stand beside client and server", d.Key)
		default:
			l.hintf(d.K, "envelope", didYouMean(d.Key, sideKeys), "unknown key %q", d.Key)
		}
	}
}

// hasAnyKey reports whether mapping n has one of keys.
func hasAnyKey(n *yaml.Node, keys []string) bool {
	if n.Kind != yaml.MappingNode {
		return false
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k := deref(n.Content[i]); k.Kind == yaml.ScalarNode && contains(keys, k.Value) {
			return true
		}
	}
	return false
}

// envelope reads one envelope: tagging, tag, content, fields.
func (l *loader) envelope(n *yaml.Node, path string) *Envelope {
	env := defaultEnvelope()
	env.Pos = l.pos(n)
	if isNull(n) {
		return env
	}
	m, ok := l.attrs(n, path, "an envelope", envelopeKeys)
	if !ok {
		return env
	}
	if e, ok := m["tagging"]; ok {
		if s, ok := l.str(e, path); ok {
			switch s {
			case "internal":
			case "adjacent":
				env.Tagging = Adjacent
			case "external":
				env.Tagging = External
			default:
				l.hintf(e.V, path, didYouMean(s, []string{"internal", "adjacent", "external"}), "tagging must be internal, adjacent or external, not %q", s)
			}
		}
	}
	if e, ok := m["tag"]; ok {
		if s, ok := l.str(e, path); ok {
			switch {
			case env.Tagging == External:
				l.hintf(e.K, path, "drop tag: the frame's tag is the key around its fields", "a tag key is not used with external tagging")
			case s == "":
				l.errorf(e.V, path, "tag key is empty")
			default:
				env.TagKey = s
			}
		}
	}
	if env.Tagging == Adjacent {
		env.ContentKey = "payload"
	}
	if e, ok := m["content"]; ok {
		if s, ok := l.str(e, path); ok {
			switch {
			case env.Tagging != Adjacent:
				l.hintf(e.K, path, "set tagging: adjacent, or drop content", "content is only for adjacent tagging")
			case s == "":
				l.errorf(e.V, path, "content key is empty")
			case s == env.TagKey:
				l.errorf(e.V, path, "content key %q is also the tag key", s)
			default:
				env.ContentKey = s
			}
		}
	}
	if e, ok := m["fields"]; ok {
		env.fields = l.fields(e, path)
		for _, f := range env.fields {
			fpath := fmt.Sprintf("%s: field %q", path, f.Name.Wire)
			switch f.Name.Wire {
			case env.TagKey:
				l.report(f.Pos, fpath, "", "envelope field %q has the name of the tag key", f.Name.Wire)
			case env.ContentKey:
				l.report(f.Pos, fpath, "", "envelope field %q has the name of the content key", f.Name.Wire)
			}
		}
	}
	return env
}
