package docs

import (
	"strconv"
	"strings"

	"github.com/framegen/framegen/schema"
)

// code returns s as a Markdown code span, with a fence longer than any backtick run in s.
func code(s string) string {
	longest, run := 0, 0
	for _, r := range s {
		if r == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", longest+1)
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") || s == "" {
		return fence + " " + s + " " + fence
	}
	return fence + s + fence
}

// text escapes the Markdown punctuation that could start markup in a name printed as plain
// text (a heading); "_" inside a word is plain text in CommonMark, so it stays.
func text(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune("\\`*[]<>|&~", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// cell makes Markdown fit in one table cell: pipes escaped (GitHub honours `\|` inside code
// spans in tables too), line breaks as <br>.
func cell(s string) string {
	s = strings.ReplaceAll(s, "|", `\|`)
	s = strings.ReplaceAll(s, "\r\n", "\n")
	lines := strings.Split(strings.TrimSpace(s), "\n")
	for i := range lines {
		lines[i] = strings.TrimSpace(lines[i])
	}
	return strings.Join(lines, "<br>")
}

// anchor turns a name into an HTML id: letters, digits, '-' and '_' kept, anything else '-'.
// The prefix keeps kinds apart (a frame and a type may share a wire name).
func anchor(prefix, name string) string {
	var b strings.Builder
	b.WriteString(prefix)
	b.WriteByte('-')
	for _, r := range strings.ToLower(name) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '-', r == '_':
			b.WriteRune(r)
		default:
			b.WriteByte('-')
		}
	}
	return b.String()
}

func frameAnchor(f *schema.Frame) string   { return anchor("frame", f.Name.Wire) }
func objectAnchor(o *schema.Object) string { return anchor("type", o.Name.Wire) }
func enumAnchor(e *schema.Enum) string     { return anchor("enum", e.Name.Wire) }
func unionAnchor(u *schema.Union) string   { return anchor("union", u.Name.Wire) }

// typeLink writes a type expression with named types linked to their sections, ready for
// a table cell: `list&lt;[Attachment](#union-attachment)&gt;`.
func typeLink(t *schema.Type) string {
	switch t.Kind {
	case schema.KindList, schema.KindMap:
		return t.Kind.String() + "&lt;" + typeLink(t.Elem) + "&gt;"
	case schema.KindEnum:
		return "[" + t.Enum.Name.Wire + "](#" + enumAnchor(t.Enum) + ")"
	case schema.KindObject:
		return "[" + t.Object.Name.Wire + "](#" + objectAnchor(t.Object) + ")"
	case schema.KindUnion:
		return "[" + t.Union.Name.Wire + "](#" + unionAnchor(t.Union) + ")"
	}
	return t.Kind.String()
}

// constraints lists a field's checks and default, one per line, in schema spelling.
func constraints(f *schema.Field) string {
	c := f.Constraints
	var out []string
	num := func(name string, n *schema.Number) {
		if n != nil {
			out = append(out, name+": "+code(n.Text))
		}
	}
	count := func(name string, n *int64) {
		if n != nil {
			out = append(out, name+": "+code(strconv.FormatInt(*n, 10)))
		}
	}
	num("min", c.Min)
	num("max", c.Max)
	count("min_length", c.MinLength)
	count("max_length", c.MaxLength)
	if c.Pattern != "" {
		out = append(out, "pattern: "+code(c.Pattern))
	}
	count("min_items", c.MinItems)
	count("max_items", c.MaxItems)
	if f.Default != nil {
		out = append(out, "default: "+code(f.Default.JSON))
	}
	return strings.Join(out, "\n")
}

// envelopes describes the wire format of each direction: one section when both directions
// share their envelope and rules, else one per direction.
func envelopes(p *schema.Protocol) []envelope {
	c, s := p.Channel(schema.Client), p.Channel(schema.Server)
	if c.Envelope.Pos == s.Envelope.Pos && c.MaxFrameBytes == s.MaxFrameBytes &&
		c.UnknownFields == s.UnknownFields && c.IntTags == s.IntTags {
		return []envelope{newEnvelope("Both directions", c)}
	}
	return []envelope{newEnvelope("Client → server", c), newEnvelope("Server → client", s)}
}

func newEnvelope(title string, ch *schema.Channel) envelope {
	e := ch.Envelope
	ev := envelope{Title: title, Fields: fields(e.Fields())}
	tagType := "string"
	if ch.IntTags {
		tagType = "integer"
	}
	ev.Facts = append(ev.Facts, fact{"Tagging", e.Tagging.String()})
	if e.Tagging != schema.External { // the tag is the key itself: no tag key
		ev.Facts = append(ev.Facts, fact{"Tag key", code(e.TagKey)})
	}
	ev.Facts = append(ev.Facts, fact{"Tag type", tagType})
	switch e.Tagging {
	case schema.Internal:
		ev.Shape = "Each frame is one JSON object: the tag under " + code(e.TagKey) + ", beside the frame's fields."
	case schema.Adjacent:
		ev.Facts = append(ev.Facts, fact{"Content key", code(e.ContentKey)})
		ev.Shape = "Each frame is one JSON object: the tag under " + code(e.TagKey) + ", and the frame's fields in an object under " +
			code(e.ContentKey) + ". A frame without fields has no " + code(e.ContentKey) + " key."
	case schema.External:
		ev.Shape = "Each frame is one JSON object whose only key, beside the envelope fields, is the frame's tag; it holds an object of the frame's fields (`{}` when it has none)."
	}
	if len(ev.Fields) > 0 {
		ev.Shape += " Every frame also carries the envelope fields below at the top level."
	}
	limit := "no limit"
	if ch.MaxFrameBytes > 0 {
		limit = strconv.FormatInt(ch.MaxFrameBytes, 10) + " bytes"
	}
	unknown := "ignored"
	if ch.UnknownFields == schema.Reject {
		unknown = "rejected"
	}
	ev.Facts = append(ev.Facts, fact{"Maximum frame size", limit}, fact{"Unknown keys", unknown})
	return ev
}
