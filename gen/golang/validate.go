package golang

// Validate methods (validate.gen.go), and constraintChecks, which the codec shares.
//
// For engineer B (codec): call p.constraintChecks(f, v, checkOpts{constraintsOnly: true},
// fail) from decoders. The pattern variables it names (patternVar) are declared once, in
// validate.gen.go. Decisions the codec must agree with:
//   - a required list, map or bytes field that is nil is valid and means empty ([], {}, "");
//   - a required, non-nullable json field that is nil is a violation ("missing required
//     value"); an optional one that is nil is absent; a nullable one that is nil is null;
//   - a union value may be a variant or a non-nil pointer to one; a nil pointer, or a type
//     that only embeds a variant, is a violation;
//   - an encoder checks a frame with v.<p.frameValidator(fr, side)>(), not v.Validate(): a
//     frame sent both ways under envelopes with different fields has validateClientFrame
//     and validateServerFrame, which add their direction's envelope fields to Validate.

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/dave/jennifer/jen"

	"github.com/framegen/framegen/schema"
)

// checkOpts tunes constraintChecks for its two callers.
type checkOpts struct {
	// constraintsOnly leaves out the format rules of the field's type (valid UTF-8, uuid,
	// time range, finite floats, closed enums, well-formed json), which a decoder enforces
	// while it reads the value, and keeps only the field's Constraints.
	constraintsOnly bool
	// pointer says that v is a pointer to the value (an optional field's *T, known to be
	// non-nil): checks then read *v, and call methods on v itself.
	pointer bool
}

// constraintChecks returns statements that check the value v of field f (already unwrapped
// from its pointer or Null) against the format rules of f's type and f's constraints. fail
// returns the statement to run on a violation, given the reason (a string expression that
// never quotes a secret value). v is an operand (a name or a selector), or a non-nil
// pointer to the value when o.pointer is set. Lists and maps are checked for their length
// only; their elements are the caller's (Validate walks them).
//
//	if !utf8.ValidString(v.Name) {
//		fail("invalid UTF-8")
//	}
//	if len(v.Name) < 4 || len(v.Name) > 64 {
//		if n := utf8.RuneCountInString(v.Name); n < 1 {
//			fail("shorter than 1 character")
//		} else if n > 64 {
//			fail("longer than 64 characters")
//		}
//	}
//	if !patternUserName.MatchString(v.Name) {
//		fail("does not match pattern ^[a-z]+$")
//	}
func (p *protocol) constraintChecks(f *field, v *jen.Statement, o checkOpts, fail func(reason jen.Code) jen.Code) []jen.Code {
	var out []jen.Code
	recv := v
	if o.pointer {
		v = jen.Op("*").Add(v)
	}
	if !o.constraintsOnly {
		out = append(out, p.valueFormatChecks(f.m.Type, v, recv, fail)...)
	}
	c := f.m.Constraints
	switch f.m.Type.Kind {
	case schema.KindInt, schema.KindInt32:
		if c.Min != nil {
			out = append(out, jen.If(v.Clone().Op("<").Lit(int(c.Min.Int))).Block(fail(jen.Lit("less than "+c.Min.Text))))
		}
		if c.Max != nil {
			out = append(out, jen.If(v.Clone().Op(">").Lit(int(c.Max.Int))).Block(fail(jen.Lit("greater than "+c.Max.Text))))
		}
	case schema.KindFloat:
		if c.Min != nil {
			out = append(out, jen.If(v.Clone().Op("<").Lit(c.Min.Float)).Block(fail(jen.Lit("less than "+c.Min.Text))))
		}
		if c.Max != nil {
			out = append(out, jen.If(v.Clone().Op(">").Lit(c.Max.Float)).Block(fail(jen.Lit("greater than "+c.Max.Text))))
		}
	case schema.KindString:
		count := jen.Qual("unicode/utf8", "RuneCountInString").Call(v.Clone())
		lo := lowerBound(c.MinLength)
		checks := boundChecks(count, lo, c.MaxLength, "shorter than", "longer than", "character", fail)
		if open := lengthOpen(v, lo, c.MaxLength); open != nil && checks != nil {
			checks = []jen.Code{jen.If(open).Block(checks...)}
		}
		out = append(out, checks...)
		if c.Pattern != "" {
			out = append(out, jen.If(jen.Op("!").Id(p.patternVar(f)).Dot("MatchString").Call(v.Clone())).Block(
				fail(jen.Lit("does not match pattern "+c.Pattern))))
		}
	case schema.KindList, schema.KindMap:
		out = append(out, boundChecks(jen.Len(v.Clone()), lowerBound(c.MinItems), c.MaxItems, "fewer than", "more than", "item", fail)...)
	}
	return out
}

// boundChecks checks a count against inclusive bounds:
//
//	if n := count; n < 1 {
//		fail("shorter than 1 character")
//	} else if n > 64 {
//		fail("longer than 64 characters")
//	}
func boundChecks(count *jen.Statement, lo, hi *int64, under, over, unit string, fail func(jen.Code) jen.Code) []jen.Code {
	switch {
	case lo == nil && hi == nil:
		return nil
	case lo == nil:
		return []jen.Code{jen.If(count.Op(">").Lit(int(*hi))).Block(fail(jen.Lit(over + " " + units(*hi, unit))))}
	case hi == nil:
		return []jen.Code{jen.If(count.Op("<").Lit(int(*lo))).Block(fail(jen.Lit(under + " " + units(*lo, unit))))}
	}
	return []jen.Code{jen.If(jen.Id("n").Op(":=").Add(count), jen.Id("n").Op("<").Lit(int(*lo))).Block(
		fail(jen.Lit(under + " " + units(*lo, unit))),
	).Else().If(jen.Id("n").Op(">").Lit(int(*hi))).Block(
		fail(jen.Lit(over + " " + units(*hi, unit))),
	)}
}

// lowerBound returns lo, or nil when it is 0: no count is below 0, so such a bound checks
// nothing and emits no code.
func lowerBound(lo *int64) *int64 {
	if lo != nil && *lo <= 0 {
		return nil
	}
	return lo
}

// lengthOpen returns the condition under which the byte length of string v leaves its
// length bounds in characters open, or nil when it never settles them. A character is one
// to four bytes, so a string of at most hi bytes has at most hi characters and one of at
// least 4*lo bytes has at least lo: counting runes, a scan of the whole string that the
// encode profile showed (bench/RESULTS.md), is then skipped.
//
//	len(v.Name) < 4 || len(v.Name) > 64
func lengthOpen(v *jen.Statement, lo, hi *int64) *jen.Statement {
	const bigLength = 1 << 28 // 4*lo stays far from overflowing an int
	if lo != nil && (*lo > bigLength || hi != nil && *hi < *lo*utf8.UTFMax) {
		return nil // always open
	}
	var open *jen.Statement
	if lo != nil {
		open = jen.Len(v.Clone()).Op("<").Lit(int(*lo * utf8.UTFMax))
	}
	if hi != nil {
		over := jen.Len(v.Clone()).Op(">").Lit(int(*hi))
		if open == nil {
			return over
		}
		open = open.Op("||").Add(over)
	}
	return open
}

// units spells a count with its unit: "1 character", "64 characters".
func units(n int64, unit string) string {
	s := strconv.FormatInt(n, 10) + " " + unit
	if n != 1 {
		s += "s"
	}
	return s
}

// formatChecks returns the checks of a value's type alone (no field constraints): what
// Validate checks in list and map elements, and in fields before their constraints.
func (p *protocol) formatChecks(t *schema.Type, v *jen.Statement, fail func(jen.Code) jen.Code) []jen.Code {
	return p.valueFormatChecks(t, v, v, fail)
}

// valueFormatChecks is formatChecks with the receiver of method calls apart from the
// value: v.Level for the value *v.Level.
func (p *protocol) valueFormatChecks(t *schema.Type, v, recv *jen.Statement, fail func(jen.Code) jen.Code) []jen.Code {
	check := func(bad *jen.Statement, reason string) []jen.Code {
		return []jen.Code{jen.If(bad).Block(fail(jen.Lit(reason)))}
	}
	switch t.Kind {
	case schema.KindString:
		return check(jen.Op("!").Qual("unicode/utf8", "ValidString").Call(v.Clone()), "invalid UTF-8")
	case schema.KindUUID:
		return check(jen.Op("!").Id("validUUID").Call(v.Clone()), "not a UUID")
	case schema.KindTime:
		return check(jen.Op("!").Id("validTime").Call(v.Clone()), "time outside RFC 3339 (year 0-9999, offset in whole minutes)")
	case schema.KindFloat:
		return check(jen.Op("!").Id("finite").Call(v.Clone()), "not a finite number")
	case schema.KindJSON:
		return check(jen.Op("!").Id("validRawJSON").Call(v.Clone()), "not well-formed JSON")
	case schema.KindEnum:
		e := p.enumOf[t.Enum]
		if e.m.Open {
			if e.m.IsInt {
				return nil
			}
			// An open string enum keeps any string, but only valid UTF-8 can be written.
			return check(jen.Op("!").Qual("unicode/utf8", "ValidString").Call(jen.String().Call(v.Clone())), "invalid UTF-8")
		}
		var shown *jen.Statement
		if e.m.IsInt {
			shown = jen.Qual("strconv", "FormatInt").Call(jen.Int64().Call(v.Clone()), jen.Lit(10))
		} else {
			shown = jen.Qual("strconv", "Quote").Call(jen.String().Call(v.Clone()))
		}
		reason := jen.Lit("unknown value ").Op("+").Add(shown).Op("+").Lit(" of " + e.name + " (want one of: " + e.allowed() + ")")
		return []jen.Code{jen.If(jen.Op("!").Add(recv.Clone()).Dot("IsValid").Call()).Block(fail(reason))}
	}
	return nil
}

// allowed lists the enum's wire names, for error reasons: "connecting, connected".
func (e *enum) allowed() string {
	names := make([]string, len(e.values))
	for i, v := range e.values {
		names[i] = v.m.Name.Wire
		if e.m.IsInt {
			names[i] = strconv.FormatInt(v.m.Value, 10)
		}
	}
	return strings.Join(names, ", ")
}

// namePatterns gives every field with a pattern its package-level regexp variable:
// pattern<Struct><Field>, or pattern<Side>Envelope<Field> for envelope fields, with a
// number appended on the (unlikely) clash.
func (p *protocol) namePatterns() {
	p.patterns = map[*schema.Field]string{}
	taken := map[string]bool{}
	add := func(f *schema.Field, base string) {
		if f.Constraints.Pattern == "" || p.patterns[f] != "" {
			return
		}
		name := base
		for i := 2; taken[name]; i++ {
			name = base + strconv.Itoa(i)
		}
		taken[name] = true
		p.patterns[f] = name
		p.patternOrder = append(p.patternOrder, f)
	}
	for _, o := range p.structs() {
		for _, f := range o.fields {
			owner := o.name
			if f.envelope != 0 {
				owner = p.channel(f.envelope).prefix + "Envelope"
			}
			add(f.m, "pattern"+owner+f.name)
		}
	}
}

// patternVar returns the name of the regexp variable of f's pattern.
func (p *protocol) patternVar(f *field) string { return p.patterns[f.m] }

// validator holds what genValidate derives once: which structs have anything to check.
type validator struct {
	p       *protocol
	checked map[*object]bool
}

// genValidate emits the pattern variables, Validate and validate on every struct, and a
// validate<Union> function for every union a field holds.
//
//	var patternUserName = regexp.MustCompile("^(?:[a-z]+)$")
//
//	// Validate reports every way v breaks the schema …
//	func (v User) Validate() error {
//		var c violations
//		v.validate(&c, &vpath{})
//		return c.err()
//	}
//
//	// validate adds v's violations to c, at paths under p.
//	func (v User) validate(c *violations, p *vpath) { … }
func genValidate(p *protocol, f *jen.File) {
	g := &validator{p: p, checked: p.checkedStructs()}
	if len(p.patternOrder) > 0 {
		var defs []jen.Code
		for _, fm := range p.patternOrder {
			defs = append(defs, jen.Id(p.patterns[fm]).Op("=").Qual("regexp", "MustCompile").Call(jen.Lit("^(?:"+fm.Constraints.Pattern+")$")))
		}
		comment(f, "Patterns of string fields, anchored: a pattern must match the whole string.")
		f.Var().Defs(defs...)
	}
	for _, o := range p.structs() {
		g.genStruct(f, o)
	}
	for _, u := range p.unions {
		if p.unionHeld(u) {
			g.genUnion(f, u)
		}
	}
}

// checkedStructs finds, to a fixed point, the structs whose validate has anything to check.
func (p *protocol) checkedStructs() map[*object]bool {
	checked := map[*object]bool{}
	for changed := true; changed; {
		changed = false
		for _, o := range p.structs() {
			if checked[o] {
				continue
			}
			for _, f := range o.fields {
				if fieldChecked(f, checked, p) {
					checked[o], changed = true, true
					break
				}
			}
		}
	}
	return checked
}

func fieldChecked(f *field, checked map[*object]bool, p *protocol) bool {
	if !f.m.Constraints.IsZero() || f.m.Type.Kind == schema.KindUnion {
		return true
	}
	return typeChecked(f.m.Type, checked, p)
}

// typeChecked reports whether a value of t can break a rule by itself.
func typeChecked(t *schema.Type, checked map[*object]bool, p *protocol) bool {
	switch t.Kind {
	case schema.KindString, schema.KindUUID, schema.KindTime, schema.KindFloat, schema.KindJSON, schema.KindUnion:
		return true
	case schema.KindEnum:
		return !t.Enum.Open || !t.Enum.IsInt
	case schema.KindList, schema.KindMap:
		return typeChecked(t.Elem, checked, p)
	case schema.KindObject:
		return checked[p.objectOf[t.Object]]
	}
	return false
}

// unionHeld reports whether some struct field holds u (in a list or map too), so that its
// validate function has a caller.
func (p *protocol) unionHeld(u *union) bool {
	for _, o := range p.structs() {
		for _, f := range o.fields {
			t := f.m.Type
			for t.Kind == schema.KindList || t.Kind == schema.KindMap {
				t = t.Elem
			}
			if t.Kind == schema.KindUnion && p.unionOf[t.Union] == u {
				return true
			}
		}
	}
	return false
}

func (g *validator) genStruct(f *jen.File, o *object) {
	// A frame that both sides send under envelopes with different fields checks, in
	// Validate, what both directions share; each direction's own envelope fields are
	// checked by validate<Side>Frame, which that direction's encoder calls.
	split := o.frame != nil && g.p.splitFrame(o.frame)
	var common []jen.Code
	sideOnly := map[schema.Side][]jen.Code{}
	for _, fld := range o.fields {
		checks := g.fieldChecks(fld)
		if s := g.p.envelopeSides(fld); split && fld.envelope != 0 && s != schema.Both {
			sideOnly[s] = append(sideOnly[s], checks...)
			continue
		}
		common = append(common, checks...)
	}
	what := "the schema"
	switch {
	case split:
		what = "the schema in its own fields and the envelope fields both directions share (the encoders also check their own direction's envelope fields)"
	case o.frame != nil:
		what = "the schema (its envelope fields too)"
	}
	commentf(f, "Validate reports every way v breaks %s, as a *ValidationError that lists each violation with its path ($.field); it returns nil for a valid value.", what)
	if len(common) == 0 {
		comment(f, o.name+" has no rule a value can break, so it always returns nil.")
		f.Func().Params(jen.Id("v").Id(o.name)).Id("Validate").Params().Error().Block(jen.Return(jen.Nil()))
	} else {
		f.Func().Params(jen.Id("v").Id(o.name)).Id("Validate").Params().Error().Block(
			jen.Var().Id("c").Id("violations"),
			jen.Id("v").Dot("validate").Call(jen.Op("&").Id("c"), jen.Op("&").Id("vpath").Values()),
			jen.Return(jen.Id("c").Dot("err").Call()),
		)
		f.Line()
		comment(f, "validate adds v's violations to c, at paths under p.")
		f.Func().Params(jen.Id("v").Id(o.name)).Id("validate").Params(jen.Id("c").Op("*").Id("violations"), jen.Id("p").Op("*").Id("vpath")).Block(common...)
	}
	if !split {
		return
	}
	for _, side := range schema.Sides {
		if !g.p.encodes(side) {
			continue // no encoder of this side to call it
		}
		name := g.p.frameValidator(o.frame, side)
		f.Line()
		commentf(f, "%s checks v as the %s sends it: what Validate checks, and the %s envelope's own fields.", name, side, side)
		if len(sideOnly[side]) == 0 {
			f.Func().Params(jen.Id("v").Id(o.name)).Id(name).Params().Error().Block(jen.Return(jen.Id("v").Dot("Validate").Call()))
			continue
		}
		body := []jen.Code{
			jen.Var().Id("c").Id("violations"),
			jen.Id("p").Op(":=").Op("&").Id("vpath").Values(),
		}
		if len(common) > 0 {
			body = append(body, jen.Id("v").Dot("validate").Call(jen.Op("&").Id("c"), jen.Id("p")))
		}
		body = append(body, sideOnly[side]...)
		body = append(body, jen.Return(jen.Id("c").Dot("err").Call()))
		f.Func().Params(jen.Id("v").Id(o.name)).Id(name).Params().Error().Block(body...)
	}
}

// envelopeSides returns the directions whose envelope has field fl (0 for a frame's or an
// object's own field).
func (p *protocol) envelopeSides(fl *field) schema.Side {
	var sides schema.Side
	if fl.envelope == 0 {
		return 0
	}
	for _, s := range schema.Sides {
		for _, ef := range p.channel(s).m.Envelope.Fields() {
			if ef.Name.Wire == fl.m.Name.Wire {
				sides |= s
			}
		}
	}
	return sides
}

// splitFrame reports whether fr is sent both ways and carries an envelope field of one
// direction only, so that what may be sent depends on the direction.
func (p *protocol) splitFrame(fr *frame) bool {
	if fr.m.From != schema.Both {
		return false
	}
	for _, fl := range fr.fields {
		if fl.envelope != 0 && p.envelopeSides(fl) != schema.Both {
			return true
		}
	}
	return false
}

// frameValidator is the method an encoder of side s calls to check frame fr before writing
// it: validateClientFrame or validateServerFrame for a frame whose directions carry different
// envelope fields (splitFrame), else Validate.
func (p *protocol) frameValidator(fr *frame, s schema.Side) string {
	if p.splitFrame(fr) {
		return "validate" + p.channel(s).prefix + "Frame"
	}
	return "Validate"
}

// pathRef is where a value sits: an expression of type vpath, and whether it is a variable
// (addressable, so that &name and name.index(i) work).
type pathRef struct {
	expr  func() *jen.Statement
	bound bool
}

func boundPath(name string) pathRef {
	return pathRef{expr: func() *jen.Statement { return jen.Id(name) }, bound: true}
}

// bind makes at addressable, declaring name := at when it is not.
func bind(at pathRef, name string) ([]jen.Code, pathRef) {
	if at.bound {
		return nil, at
	}
	return []jen.Code{jen.Id(name).Op(":=").Add(at.expr())}, boundPath(name)
}

// fieldChecks checks one field of v: presence, then its value per repr.
//
//	if v.RetryAfterMs != nil {
//		if *v.RetryAfterMs < 0 {
//			c.add(p.field("retry_after_ms"), "less than 0")
//		}
//	}
func (g *validator) fieldChecks(fl *field) []jen.Code {
	if !fieldChecked(fl, g.checked, g.p) {
		return nil
	}
	wire := fl.m.Name.Wire
	at := pathRef{expr: func() *jen.Statement { return jen.Id("p").Dot("field").Call(jen.Lit(wire)) }}
	pathVar := "path" + fl.name // unique, as the struct's field names are
	sel := func() *jen.Statement { return jen.Id("v").Dot(fl.name) }
	required := !fl.m.Optional && !fl.m.Nullable
	switch fl.repr {
	case reprValue:
		return g.valueChecks(fl.m.Type, fl, sel(), false, at, pathVar, 0)
	case reprPointer:
		// The checks read *v.X, and call methods on v.X, which dereferences by itself.
		return guard(sel().Op("!=").Nil(), g.valueChecks(fl.m.Type, fl, sel(), true, at, pathVar, 0))
	case reprNull:
		return guard(sel().Op("!=").Nil().Op("&&").Add(sel()).Dot("Valid"),
			g.valueChecks(fl.m.Type, fl, sel().Dot("V"), false, at, pathVar, 0))
	}
	// reprNilable: list, map, bytes, json, union.
	switch k := fl.m.Type.Kind; {
	case k == schema.KindJSON && required:
		return []jen.Code{jen.If(sel().Op("==").Nil()).Block(
			jen.Id("c").Dot("add").Call(at.expr(), jen.Lit("missing required value")),
		).Else().Block(g.valueChecks(fl.m.Type, fl, sel(), false, at, pathVar, 0)...)}
	case k == schema.KindJSON, k == schema.KindUnion && required, (k == schema.KindList || k == schema.KindMap) && required:
		// json: nil is absent or null; union: validateX reports nil; list, map: nil is empty.
		return g.valueChecks(fl.m.Type, fl, sel(), false, at, pathVar, 0)
	}
	return guard(sel().Op("!=").Nil(), g.valueChecks(fl.m.Type, fl, sel(), false, at, pathVar, 0))
}

// guard wraps checks in `if cond { … }`, or drops them when there are none.
func guard(cond *jen.Statement, checks []jen.Code) []jen.Code {
	if len(checks) == 0 {
		return nil
	}
	return []jen.Code{jen.If(cond).Block(checks...)}
}

// valueChecks checks value v of type t at path at: f's constraints and format rules (or,
// for an element, f == nil, its type's format rules), then its contents. depth numbers the
// loop variables of nested lists and maps.
//
//	pathAttachments := p.field("attachments")
//	if len(v.Attachments) > 10 {
//		c.add(pathAttachments, "more than 10 items")
//	}
//	for i, e := range v.Attachments {
//		itemPath := pathAttachments.index(i)
//		validateAttachment(c, &itemPath, e)
//	}
func (g *validator) valueChecks(t *schema.Type, f *field, v *jen.Statement, pointer bool, at pathRef, pathVar string, depth int) []jen.Code {
	var decl, inner []jen.Code
	switch t.Kind {
	case schema.KindObject:
		if g.checked[g.p.objectOf[t.Object]] {
			decl, at = bind(at, pathVar)
			inner = []jen.Code{v.Clone().Dot("validate").Call(jen.Id("c"), jen.Op("&").Add(at.expr()))}
		}
	case schema.KindUnion:
		decl, at = bind(at, pathVar)
		inner = []jen.Code{jen.Id("validate"+g.p.unionOf[t.Union].name).Call(jen.Id("c"), jen.Op("&").Add(at.expr()), v.Clone())}
	case schema.KindList, schema.KindMap:
		if typeChecked(t.Elem, g.checked, g.p) {
			decl, at = bind(at, pathVar)
			inner = g.elemChecks(t, v, at, depth)
		}
	}
	fail := func(reason jen.Code) jen.Code { return jen.Id("c").Dot("add").Call(at.expr(), reason) }
	var own []jen.Code
	if f != nil {
		own = g.p.constraintChecks(f, v, checkOpts{pointer: pointer}, fail)
	} else {
		own = g.p.formatChecks(t, v, fail)
	}
	return append(append(decl, own...), inner...)
}

// elemChecks walks the elements of list or map value v, whose path variable is at; map
// keys are taken in order, so that violations come out in the same order every time.
//
//	for _, k := range slices.Sorted(maps.Keys(v.Scores)) {
//		e := v.Scores[k]
//		itemPath := pathScores.mapKey(k)
//		if !finite(e) {
//			c.add(itemPath, "not a finite number")
//		}
//	}
func (g *validator) elemChecks(t *schema.Type, v *jen.Statement, at pathRef, depth int) []jen.Code {
	suffix := ""
	if depth > 0 {
		suffix = strconv.Itoa(depth + 1)
	}
	i, k, e, item := "i"+suffix, "k"+suffix, "e"+suffix, "itemPath"+suffix
	checks := g.valueChecks(t.Elem, nil, jen.Id(e), false, boundPath(item), "", depth+1)
	if t.Kind == schema.KindList {
		body := append([]jen.Code{jen.Id(item).Op(":=").Add(at.expr()).Dot("index").Call(jen.Id(i))}, checks...)
		return []jen.Code{jen.For(jen.List(jen.Id(i), jen.Id(e)).Op(":=").Range().Add(v.Clone())).Block(body...)}
	}
	body := append([]jen.Code{
		jen.Id(e).Op(":=").Add(v.Clone()).Index(jen.Id(k)),
		jen.Id(item).Op(":=").Add(at.expr()).Dot("mapKey").Call(jen.Id(k)),
	}, checks...)
	keys := jen.Qual("slices", "Sorted").Call(jen.Qual("maps", "Keys").Call(v.Clone()))
	return []jen.Code{jen.For(jen.List(jen.Id("_"), jen.Id(k)).Op(":=").Range().Add(keys)).Block(body...)}
}

// genUnion emits the check of a union value:
//
//	// validateAttachment adds the violations of union value u to c, at path p.
//	func validateAttachment(c *violations, p *vpath, u Attachment) {
//		switch u := u.(type) {
//		case nil:
//			c.add(*p, "missing required value")
//		case ImageAttachment:
//			u.validate(c, p)
//		case *ImageAttachment:
//			if u == nil {
//				c.add(*p, "nil *ImageAttachment")
//			} else {
//				u.validate(c, p)
//			}
//		default:
//			c.add(*p, "not a variant of Attachment")
//		}
//	}
func (g *validator) genUnion(f *jen.File, u *union) {
	var cases []jen.Code
	cases = append(cases, jen.Case(jen.Nil()).Block(jen.Id("c").Dot("add").Call(jen.Op("*").Id("p"), jen.Lit("missing required value"))))
	for _, vr := range u.variants {
		name := vr.object.name
		nilCheck := jen.Id("c").Dot("add").Call(jen.Op("*").Id("p"), jen.Lit("nil *"+name))
		if g.checked[vr.object] {
			call := jen.Id("u").Dot("validate").Call(jen.Id("c"), jen.Id("p"))
			cases = append(cases,
				jen.Case(jen.Id(name)).Block(call.Clone()),
				jen.Case(jen.Op("*").Id(name)).Block(jen.If(jen.Id("u").Op("==").Nil()).Block(nilCheck).Else().Block(call.Clone())),
			)
			continue
		}
		cases = append(cases,
			jen.Case(jen.Id(name)),
			jen.Case(jen.Op("*").Id(name)).Block(jen.If(jen.Id("u").Op("==").Nil()).Block(nilCheck)),
		)
	}
	cases = append(cases, jen.Default().Block(jen.Id("c").Dot("add").Call(jen.Op("*").Id("p"), jen.Lit("not a variant of "+u.name))))
	subject := jen.Id("u").Op(":=").Id("u").Assert(jen.Type())
	f.Line()
	commentf(f, "validate%s adds the violations of union value u to c, at path p.", u.name)
	f.Func().Id("validate"+u.name).Params(
		jen.Id("c").Op("*").Id("violations"), jen.Id("p").Op("*").Id("vpath"), jen.Id("u").Id(u.name),
	).Block(jen.Switch(subject).Block(cases...))
}
