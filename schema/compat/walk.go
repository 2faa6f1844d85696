package compat

import (
	"fmt"
	"strconv"

	"github.com/framegen/framegen/schema"
)

// The structural walk: one pass per channel, from the frames of that channel down through
// every type they use, so a type is judged in each direction it travels.

// policy is the unknown_fields policy that applies to a body in each version.
type policy struct{ old, new schema.UnknownFields }

// walk is one channel's pass.
type walk struct {
	c    *comparer
	side schema.Side
	// done holds the pairs of named types already compared, so cycles end and a type used
	// by many frames is reported once per direction.
	done map[any]bool
}

func (c *comparer) protocol(old, new *schema.Protocol) {
	if old.Subprotocol != new.Subprotocol {
		c.add(Finding{Rule: RuleSubprotocolChanged, Severity: Breaking, Pos: new.Pos,
			Message: fmt.Sprintf("subprotocol %s → %s", quoteOrNone(old.Subprotocol), quoteOrNone(new.Subprotocol))})
	}
}

func quoteOrNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return strconv.Quote(s)
}

// bothWays returns a change that breaks whoever reads.
func bothWays(rule string, pos schema.Pos, msg string) change {
	return change{rule: rule, pos: pos, msg: msg, onNew: Breaking, onOld: Breaking}
}

// breaksNew returns a change that breaks when the new version reads.
func breaksNew(rule string, pos schema.Pos, msg string) change {
	return change{rule: rule, pos: pos, msg: msg, onNew: Breaking, onOld: Info}
}

// breaksOld returns a change that breaks when the old version reads.
func breaksOld(rule string, pos schema.Pos, msg string) change {
	return change{rule: rule, pos: pos, msg: msg, onNew: Info, onOld: Breaking}
}

func info(rule string, pos schema.Pos, msg string) change {
	return change{rule: rule, pos: pos, msg: msg, onNew: Info, onOld: Info}
}

// breaksIf is Breaking when cond holds, else Info.
func breaksIf(cond bool) Severity {
	if cond {
		return Breaking
	}
	return Info
}

func (c *comparer) channel(side schema.Side, old, new *schema.Protocol) {
	w := &walk{c: c, side: side, done: map[any]bool{}}
	oc, nc := old.Channel(side), new.Channel(side)
	pos := new.Pos
	if nc.Envelope.Pos.IsValid() {
		pos = nc.Envelope.Pos
	}
	oe, ne := oc.Envelope, nc.Envelope
	if oe.Tagging != ne.Tagging {
		w.emit(bothWays(RuleTaggingChanged, pos, fmt.Sprintf("envelope tagging %s → %s", oe.Tagging, ne.Tagging)))
	}
	// External tagging has no tag key: the frame's tag is the key.
	if oe.Tagging != schema.External && ne.Tagging != schema.External && oe.TagKey != ne.TagKey {
		w.emit(bothWays(RuleEnvelopeKeyChanged, pos, fmt.Sprintf("envelope tag key %q → %q", oe.TagKey, ne.TagKey)))
	}
	if oe.Tagging == schema.Adjacent && ne.Tagging == schema.Adjacent && oe.ContentKey != ne.ContentKey {
		w.emit(bothWays(RuleEnvelopeKeyChanged, pos, fmt.Sprintf("envelope content key %q → %q", oe.ContentKey, ne.ContentKey)))
	}
	limitPos := settingPos(new.Pos, oc.MaxFrameBytesPos, nc.MaxFrameBytesPos)
	if ol, nl := limit(oc.MaxFrameBytes), limit(nc.MaxFrameBytes); nl < ol {
		w.emit(breaksNew(RuleMaxFrameBytesLowered, limitPos, fmt.Sprintf("max_frame_bytes %s → %s", limitText(oc.MaxFrameBytes), limitText(nc.MaxFrameBytes))))
	} else if nl > ol {
		w.emit(breaksOld(RuleMaxFrameBytesRaised, limitPos, fmt.Sprintf("max_frame_bytes %s → %s", limitText(oc.MaxFrameBytes), limitText(nc.MaxFrameBytes))))
	}
	policyPos := settingPos(new.Pos, oc.UnknownFieldsPos, nc.UnknownFieldsPos)
	switch {
	case oc.UnknownFields == schema.Ignore && nc.UnknownFields == schema.Reject:
		w.emit(breaksNew(RuleUnknownFieldsRejected, policyPos, "unknown_fields ignore → reject"))
	case oc.UnknownFields == schema.Reject && nc.UnknownFields == schema.Ignore:
		w.emit(info(RuleUnknownFieldsIgnored, policyPos, "unknown_fields reject → ignore"))
	}
	w.fields("envelope", policy{oc.UnknownFields, nc.UnknownFields}, oe.Fields(), ne.Fields())
	w.frames(old, new, oc.Frames(), nc.Frames())
}

// settingPos is where a change of a channel-wide setting is reported: its value in NEW;
// when NEW no longer gives it (back to the default), its value in OLD, like a deletion;
// when neither gives it, the top of NEW.
func settingPos(top, old, new schema.Pos) schema.Pos {
	switch {
	case new.IsValid():
		return new
	case old.IsValid():
		return old
	}
	return top
}

// limit maps "no limit" (0) above every real limit.
func limit(n int64) uint64 {
	if n <= 0 {
		return ^uint64(0)
	}
	return uint64(n)
}

func limitText(n int64) string {
	if n <= 0 {
		return "(no limit)"
	}
	return strconv.FormatInt(n, 10)
}

func (w *walk) emit(ch change) { w.c.judge(w.side, ch) }

// framePolicy is the policy a frame's body is decoded with: its direction's, or the stricter
// of the two for a frame that goes both ways (DESIGN.md: body-level decoding).
func framePolicy(p *schema.Protocol, f *schema.Frame, side schema.Side) schema.UnknownFields {
	if f.From == schema.Both {
		return max(p.Channel(schema.Client).UnknownFields, p.Channel(schema.Server).UnknownFields)
	}
	return p.Channel(side).UnknownFields
}

func (w *walk) frames(old, new *schema.Protocol, ofs, nfs []*schema.Frame) {
	byName := map[string]*schema.Frame{}
	for _, f := range nfs {
		byName[f.Name.Wire] = f
	}
	matched := map[*schema.Frame]bool{}
	var gone []*schema.Frame
	for _, of := range ofs {
		nf := byName[of.Name.Wire]
		if nf == nil {
			gone = append(gone, of)
			continue
		}
		matched[nf] = true
		w.frame(old, new, of, nf)
	}
	// A frame whose key changed but whose tag did not is the same frame on the wire.
	byTag := map[schema.Tag]*schema.Frame{}
	for _, f := range nfs {
		if !matched[f] {
			byTag[f.Tag] = f
		}
	}
	for _, of := range gone {
		nf := byTag[of.Tag]
		if nf == nil {
			msg := fmt.Sprintf("frame %q (tag %s) removed", of.Name.Wire, tagText(of.Tag))
			if hasFrame(new, of.Name.Wire) {
				msg = fmt.Sprintf("frame %q (tag %s) no longer sent by the %s", of.Name.Wire, tagText(of.Tag), w.side)
			}
			w.emit(breaksNew(RuleFrameRemoved, of.Pos, msg))
			continue
		}
		delete(byTag, of.Tag)
		matched[nf] = true
		w.emit(info(RuleFrameRenamed, nf.Pos, fmt.Sprintf("frame %q renamed to %q (same tag %s)", of.Name.Wire, nf.Name.Wire, tagText(nf.Tag))))
		w.frame(old, new, of, nf)
	}
	for _, nf := range nfs {
		if !matched[nf] {
			msg := fmt.Sprintf("frame %q (tag %s) added", nf.Name.Wire, tagText(nf.Tag))
			if hasFrame(old, nf.Name.Wire) {
				msg = fmt.Sprintf("frame %q (tag %s) now sent by the %s", nf.Name.Wire, tagText(nf.Tag), w.side)
			}
			w.emit(breaksOld(RuleFrameAdded, nf.Pos, msg))
		}
	}
}

// hasFrame reports whether p has a frame with key name, in any direction.
func hasFrame(p *schema.Protocol, name string) bool {
	for _, f := range p.Frames() {
		if f.Name.Wire == name {
			return true
		}
	}
	return false
}

func tagText(t schema.Tag) string {
	if t.IsInt {
		return t.String()
	}
	return strconv.Quote(t.Str)
}

func (w *walk) frame(old, new *schema.Protocol, of, nf *schema.Frame) {
	scope := fmt.Sprintf("frame %q", nf.Name.Wire)
	if of.Tag != nf.Tag {
		w.emit(bothWays(RuleTagChanged, nf.Pos, fmt.Sprintf("%s: tag %s → %s", scope, tagText(of.Tag), tagText(nf.Tag))))
	}
	pol := policy{framePolicy(old, of, w.side), framePolicy(new, nf, w.side)}
	w.fields(scope, pol, of.Fields(), nf.Fields())
}

// fields compares two field lists matched by wire name.
func (w *walk) fields(scope string, pol policy, ofs, nfs []*schema.Field) {
	byName := map[string]*schema.Field{}
	for _, f := range nfs {
		byName[f.Name.Wire] = f
	}
	matched := map[*schema.Field]bool{}
	var gone []*schema.Field
	for _, of := range ofs {
		nf := byName[of.Name.Wire]
		if nf == nil {
			gone = append(gone, of)
			continue
		}
		matched[nf] = true
		w.field(scope, pol, of, nf)
	}
	var added []*schema.Field
	for _, nf := range nfs {
		if !matched[nf] {
			added = append(added, nf)
		}
	}
	for _, p := range renames(gone, added) {
		of, nf := p[0], p[1]
		w.emit(bothWays(RuleFieldRenamed, nf.Pos, fmt.Sprintf("%s: field %q renamed to %q on the wire", scope, of.Name.Wire, nf.Name.Wire)))
		w.field(scope, pol, of, nf)
		matched[nf] = true
		gone = deleteField(gone, of)
	}
	for _, of := range gone {
		// The old side may send it: the new reader skips it unless it rejects unknown
		// keys. The new side never sends it: an old reader that requires it fails.
		w.emit(change{rule: RuleFieldNoDelete, pos: of.Pos,
			msg:   fmt.Sprintf("%s: %s field %q removed", scope, requiredness(of), of.Name.Wire),
			onNew: breaksIf(pol.new == schema.Reject), onOld: breaksIf(!of.Optional)})
	}
	for _, nf := range nfs {
		if matched[nf] {
			continue
		}
		ch := change{pos: nf.Pos, onOld: breaksIf(pol.old == schema.Reject)}
		if nf.Optional {
			ch.rule, ch.onNew = RuleFieldAdded, Info
		} else {
			ch.rule, ch.onNew = RuleFieldRequiredAdded, Breaking
		}
		ch.msg = fmt.Sprintf("%s: %s field %q added", scope, requiredness(nf), nf.Name.Wire)
		w.emit(ch)
	}
}

func requiredness(f *schema.Field) string {
	if f.Optional {
		return "optional"
	}
	return "required"
}

// renames pairs removed and added fields that are one field under a new wire name: the
// same explicit go_name, or the only field removed and the only one added, alike in type,
// optional and nullable.
func renames(gone, added []*schema.Field) [][2]*schema.Field {
	var pairs [][2]*schema.Field
	if len(gone) == 1 && len(added) == 1 {
		o, n := gone[0], added[0]
		if o.Type.String() == n.Type.String() && o.Optional == n.Optional && o.Nullable == n.Nullable {
			return append(pairs, [2]*schema.Field{o, n})
		}
	}
	used := map[*schema.Field]bool{}
	for _, of := range gone {
		if of.Name.GoName == "" {
			continue
		}
		for _, nf := range added {
			if !used[nf] && nf.Name.GoName == of.Name.GoName {
				used[nf] = true
				pairs = append(pairs, [2]*schema.Field{of, nf})
				break
			}
		}
	}
	return pairs
}

func deleteField(fs []*schema.Field, f *schema.Field) []*schema.Field {
	out := fs[:0:0]
	for _, g := range fs {
		if g != f {
			out = append(out, g)
		}
	}
	return out
}

// field compares one field present in both versions.
func (w *walk) field(scope string, pol policy, of, nf *schema.Field) {
	in := fmt.Sprintf("%s: field %q", scope, nf.Name.Wire)
	switch {
	case of.Optional && !nf.Optional:
		w.emit(breaksNew(RuleFieldMadeRequired, nf.Pos, in+": optional → required"))
	case !of.Optional && nf.Optional:
		w.emit(breaksOld(RuleFieldMadeOptional, nf.Pos, in+": required → optional"))
	}
	// A json value accepts null whatever nullable says.
	if of.Type.Kind != schema.KindJSON && nf.Type.Kind != schema.KindJSON {
		switch {
		case !of.Nullable && nf.Nullable:
			w.emit(breaksOld(RuleNullableAdded, nf.Pos, in+": became nullable"))
		case of.Nullable && !nf.Nullable:
			w.emit(breaksNew(RuleNullableRemoved, nf.Pos, in+": no longer nullable"))
		}
	}
	// A default means something only while the key may be absent.
	if od, nd := valueText(of.Default), valueText(nf.Default); of.Optional && nf.Optional && od != nd {
		w.emit(change{rule: RuleDefaultChanged, pos: nf.Pos, msg: fmt.Sprintf("%s: default %s → %s", in, od, nd),
			onNew: Warning, onOld: Warning})
	}
	if w.typ(in, nf.Pos, pol, of.Type, nf.Type) {
		w.constraints(in, nf.Pos, of.Constraints, nf.Constraints)
	}
}

func valueText(v *schema.Value) string {
	if v == nil {
		return "(none)"
	}
	return v.JSON
}

// typ compares two type expressions at pos and reports whether they share a kind, so
// their constraints compare.
func (w *walk) typ(in string, pos schema.Pos, pol policy, ot, nt *schema.Type) bool {
	switch rule := shapeChange(ot, nt); rule {
	case "":
	case RuleConstraintTightened:
		w.emit(breaksNew(rule, pos, fmt.Sprintf("%s: type %s → %s", in, ot, nt)))
		return false
	case RuleConstraintLoosened:
		w.emit(breaksOld(rule, pos, fmt.Sprintf("%s: type %s → %s", in, ot, nt)))
		return false
	default:
		w.emit(bothWays(rule, pos, fmt.Sprintf("%s: type %s → %s", in, ot, nt)))
		return false
	}
	w.named(in, pos, pol, ot, nt)
	return true
}

// shapeChange returns "" when ot and nt have the same wire form up to named types,
// CONSTRAINT_TIGHTENED or CONSTRAINT_LOOSENED for int ↔ int32 (at any depth), and
// TYPE_CHANGED otherwise.
func shapeChange(ot, nt *schema.Type) string {
	switch {
	case ot.Kind == schema.KindInt && nt.Kind == schema.KindInt32:
		return RuleConstraintTightened
	case ot.Kind == schema.KindInt32 && nt.Kind == schema.KindInt:
		return RuleConstraintLoosened
	case ot.Kind != nt.Kind:
		return RuleTypeChanged
	case ot.Kind == schema.KindList || ot.Kind == schema.KindMap:
		return shapeChange(ot.Elem, nt.Elem)
	case ot.Kind == schema.KindEnum && ot.Enum.IsInt != nt.Enum.IsInt:
		return RuleTypeChanged
	}
	return ""
}

// named descends to the named types at the leaves of two types of the same shape.
func (w *walk) named(in string, pos schema.Pos, pol policy, ot, nt *schema.Type) {
	switch ot.Kind {
	case schema.KindList, schema.KindMap:
		w.named(in, pos, pol, ot.Elem, nt.Elem)
		return
	case schema.KindEnum, schema.KindObject, schema.KindUnion:
	default:
		return
	}
	if on, nn := ot.String(), nt.String(); on != nn {
		w.emit(info(RuleTypeRenamed, pos, fmt.Sprintf("%s: type %s → %s (same wire form)", in, on, nn)))
	}
	switch ot.Kind {
	case schema.KindEnum:
		w.enum(ot.Enum, nt.Enum)
	case schema.KindObject:
		w.object(pol, ot.Object, nt.Object)
	case schema.KindUnion:
		w.union(pol, ot.Union, nt.Union)
	}
}

type objectKey struct {
	old, new *schema.Object
	pol      policy
}

func (w *walk) object(pol policy, o, n *schema.Object) {
	k := objectKey{o, n, pol}
	if w.done[k] {
		return
	}
	w.done[k] = true
	w.fields(fmt.Sprintf("type %q", n.Name.Wire), pol, o.Fields(), n.Fields())
}

type unionKey struct {
	old, new *schema.Union
	pol      policy
}

func (w *walk) union(pol policy, o, n *schema.Union) {
	k := unionKey{o, n, pol}
	if w.done[k] {
		return
	}
	w.done[k] = true
	scope := fmt.Sprintf("union %q", n.Name.Wire)
	if o.TagKey != n.TagKey {
		w.emit(bothWays(RuleUnionTagKeyChanged, n.Pos, fmt.Sprintf("%s: tag key %q → %q", scope, o.TagKey, n.TagKey)))
	}
	nvs := map[string]*schema.Variant{}
	for _, v := range n.Variants() {
		nvs[v.Tag] = v
	}
	ovs := map[string]bool{}
	for _, ov := range o.Variants() {
		ovs[ov.Tag] = true
		nv := nvs[ov.Tag]
		if nv == nil {
			w.emit(breaksNew(RuleUnionVariantRemoved, ov.Pos, fmt.Sprintf("%s: variant %q removed", scope, ov.Tag)))
			continue
		}
		if ov.Object.Name.Wire != nv.Object.Name.Wire {
			w.emit(info(RuleTypeRenamed, nv.Pos, fmt.Sprintf("%s: variant %q: type %s → %s (same wire form)", scope, nv.Tag, ov.Object.Name.Wire, nv.Object.Name.Wire)))
		}
		w.object(pol, ov.Object, nv.Object)
	}
	for _, nv := range n.Variants() {
		if !ovs[nv.Tag] {
			w.emit(breaksOld(RuleUnionVariantAdded, nv.Pos, fmt.Sprintf("%s: variant %q added", scope, nv.Tag)))
		}
	}
}
