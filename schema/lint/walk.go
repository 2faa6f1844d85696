package lint

import (
	"strconv"

	"github.com/framegen/framegen/schema"
)

// ownedField is a field with the name of what declares it, for messages.
type ownedField struct {
	owner string // `frame "chat_message"`, `type "User"`, `envelope`
	field *schema.Field
}

// path returns `owner: field "name"`, the prefix of a finding about the field.
func (o ownedField) path() string {
	return o.owner + ": field " + strconv.Quote(o.field.Name.Wire)
}

// allFields lists every declared field once: envelope fields (both directions), then object
// types' fields, then frames' fields, each in file order.
func allFields(p *schema.Protocol) []ownedField {
	var out []ownedField
	seen := map[*schema.Field]bool{}
	shared := p.Channel(schema.Client).Envelope.Pos == p.Channel(schema.Server).Envelope.Pos
	for _, side := range schema.Sides {
		owner := "envelope"
		if !shared {
			owner = "envelope " + strconv.Quote(side.String())
		}
		for _, f := range p.Channel(side).Envelope.Fields() {
			if !seen[f] {
				seen[f] = true
				out = append(out, ownedField{owner, f})
			}
		}
	}
	for _, o := range p.Objects() {
		for _, f := range o.Fields() {
			out = append(out, ownedField{"type " + strconv.Quote(o.Name.Wire), f})
		}
	}
	for _, fr := range p.Frames() {
		for _, f := range fr.Fields() {
			out = append(out, ownedField{"frame " + strconv.Quote(fr.Name.Wire), f})
		}
	}
	return out
}

// innermost returns the type a list or map holds, through any nesting: t itself otherwise.
func innermost(t *schema.Type) *schema.Type {
	for t.Kind == schema.KindList || t.Kind == schema.KindMap {
		t = t.Elem
	}
	return t
}
