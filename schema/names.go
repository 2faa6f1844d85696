package schema

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/framegen/framegen/internal/naming"
)

// Go names: every name must derive a valid exported identifier (or have a go_name), and no
// two names may derive the same identifier in one Go scope (SCHEMA.md, "Names").

// goIdent is the Go identifier of a schema name: its go_name, or its words in UpperCamel.
func goIdent(n Name) string {
	if n.GoName != "" {
		return n.GoName
	}
	return naming.Go(n.words)
}

// ident is one identifier that a schema name puts into a Go scope.
type ident struct {
	name   string
	pos    Pos
	path   string // where to report a clash
	what   string // how a clash with it is described: `type "User"`
	label  string // how the clash message names it; "" for `Go name "X"`
	silent bool   // clashes are reported elsewhere
	// field, when set, stands for path and what (parent: field "x", field "x"), which are
	// only spelled out for a clash: most fields never clash.
	field  *Field
	parent string
}

func (id ident) describe() (path, what string) {
	if id.field == nil {
		return id.path, id.what
	}
	what = "field " + strconv.Quote(id.field.Name.Wire)
	return id.parent + ": " + what, what
}

// goScope is one Go scope: the package, or one struct. Reserved names are shared, not
// copied into every struct's scope.
type goScope struct {
	l            *loader
	reserved     map[string]bool
	reservedWhat string // format of how a reserved name is described, with %s for it
	byName       map[string]ident
}

func newScope(l *loader, reserved map[string]bool, reservedWhat string) *goScope {
	return &goScope{l: l, reserved: reserved, reservedWhat: reservedWhat, byName: map[string]ident{}}
}

func toSet(names []string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

// add puts id into the scope, reporting a clash with an earlier identifier.
func (s *goScope) add(id ident) {
	prev, dup := s.byName[id.name]
	if !dup && s.reserved[id.name] {
		prev, dup = ident{name: id.name, what: fmt.Sprintf(s.reservedWhat, id.name)}, true
	}
	if !dup {
		s.byName[id.name] = id
		return
	}
	if id.silent {
		return
	}
	label := id.label
	if label == "" {
		label = fmt.Sprintf("Go name %q", id.name)
	}
	_, other := prev.describe()
	if prev.pos.IsValid() {
		other += " (" + at(prev.pos) + ")"
	}
	hint := "set go_name on one of them"
	if !prev.pos.IsValid() {
		hint = "set go_name"
	}
	path, _ := id.describe()
	s.l.report(id.pos, path, hint, "%s clashes with %s", label, other)
}

// named checks that a schema name derives a valid identifier and returns it.
func (l *loader) named(n Name, pos Pos, path string) (string, bool) {
	id := goIdent(n)
	if naming.IsExported(id) {
		return id, true
	}
	if n.GoName == "" {
		l.report(pos, path, "set go_name", "name %q derives no valid exported Go identifier (got %q)", n.Wire, id)
	}
	return id, false
}

// checkNames checks the package scope and every struct scope.
func (l *loader) checkNames(p *Protocol) {
	var ids []ident
	add := func(n Name, pos Pos, path, what string) (string, bool) {
		id, ok := l.named(n, pos, path)
		if ok {
			ids = append(ids, ident{name: id, pos: pos, path: path, what: what})
		}
		return id, ok
	}
	for _, f := range p.frames {
		add(f.Name, f.Pos, framePath(f), framePath(f))
	}
	for _, o := range p.objects {
		w := fmt.Sprintf("type %q", o.Name.Wire)
		add(o.Name, o.Pos, w, w)
	}
	for _, u := range p.unions {
		w := fmt.Sprintf("union %q", u.Name.Wire)
		add(u.Name, u.Pos, w, w)
	}
	for _, e := range p.enums {
		w := fmt.Sprintf("enum %q", e.Name.Wire)
		id, ok := add(e.Name, e.Pos, w, w)
		if !ok {
			continue
		}
		for _, fn := range []string{"Parse" + id, id + "Values"} {
			ids = append(ids, ident{name: fn, pos: e.Pos, path: w, what: fmt.Sprintf("function %s of %s", fn, w),
				label: fmt.Sprintf("generated function %s", fn)})
		}
		for _, v := range e.values {
			vpath := fmt.Sprintf("%s: value %q", w, v.Name.Wire)
			c := id + goIdent(v.Name)
			if !naming.IsExported(c) {
				l.report(v.Pos, vpath, "set go_name on the value", "constant %q is not a valid Go identifier", c)
				continue
			}
			ids = append(ids, ident{name: c, pos: v.Pos, path: vpath, what: fmt.Sprintf("constant %s of %s", c, w),
				label: fmt.Sprintf("constant %s", c)})
		}
	}
	slices.SortStableFunc(ids, func(a, b ident) int { return comparePos(a.pos, b.pos) })
	pkg := newScope(l, toSet(naming.GoPackageReserved()), "%s, which framegen generates")
	methods := toSet(naming.GoStructReserved())
	for _, id := range ids {
		pkg.add(id)
	}

	for _, o := range p.objects {
		s := newScope(l, methods, "the generated method %s")
		l.structFields(s, o.fields, fmt.Sprintf("type %q", o.Name.Wire), nil)
	}
	// Envelope fields are checked once per envelope, then seeded silently into each frame.
	var envs []*Envelope
	for _, side := range Sides {
		env := p.Channel(side).Envelope
		if !slices.Contains(envs, env) {
			envs = append(envs, env)
			path := "envelope"
			if l.perSideEn {
				path = "envelope: " + side.String()
			}
			s := newScope(l, methods, "the generated method %s")
			l.structFields(s, env.fields, path, nil)
		}
	}
	envIDs := [2][]envIdent{l.envIdents(p, 0), l.envIdents(p, 1)}
	for _, f := range p.frames {
		s := newScope(l, methods, "the generated method %s")
		var seen []string
		for i, side := range Sides {
			if !f.From.Has(side) {
				continue
			}
			for _, e := range envIDs[i] {
				if slices.Contains(seen, e.wire) {
					continue
				}
				seen = append(seen, e.wire)
				for _, id := range e.ids {
					s.add(id)
				}
			}
		}
		l.structFields(s, f.fields, framePath(f), seen)
	}
}

// envIdent is what one envelope field puts into the struct of each frame that carries it.
type envIdent struct {
	wire string
	ids  []ident
}

// envIdents describes, once, the identifiers of side i's envelope fields. The server
// envelope's fields meet the client's only in frames sent both ways; a clash there is
// reported once, at the server envelope's field.
func (l *loader) envIdents(p *Protocol, i int) []envIdent {
	side := Sides[i]
	var out []envIdent
	for _, ef := range p.Channel(side).Envelope.fields {
		id := goIdent(ef.Name)
		e := envIdent{wire: ef.Name.Wire, ids: []ident{{name: id, pos: ef.Pos,
			what:   fmt.Sprintf("field %q of %s", ef.Name.Wire, l.envName(side)),
			path:   fmt.Sprintf("envelope: server: field %q", ef.Name.Wire),
			silent: i == 0 || !l.perSideEn,
			label:  fmt.Sprintf("Go name %q, in frames sent both ways,", id)}}}
		if ef.Default != nil {
			e.ids = append(e.ids, ident{name: "Get" + id, pos: ef.Pos, silent: true,
				what: fmt.Sprintf("accessor Get%s of envelope field %q", id, ef.Name.Wire)})
		}
		out = append(out, e)
	}
	return out
}

// structFields adds fields, then the GetX accessors of fields with a default, to s. A field
// whose wire name is in envWire is the envelope's: checkFit reports it, so its Go name is
// not reported again.
func (l *loader) structFields(s *goScope, fields []*Field, parent string, envWire []string) {
	type got struct {
		f  *Field
		id string
	}
	var ok []got
	for _, f := range fields {
		id := goIdent(f.Name)
		if !naming.IsExported(id) {
			l.named(f.Name, f.Pos, fmt.Sprintf("%s: field %q", parent, f.Name.Wire))
			continue
		}
		s.add(ident{name: id, pos: f.Pos, field: f, parent: parent, silent: slices.Contains(envWire, f.Name.Wire)})
		ok = append(ok, got{f, id})
	}
	for _, g := range ok {
		if g.f.Default == nil {
			continue
		}
		get := "Get" + g.id
		s.add(ident{name: get, pos: g.f.Pos, path: fmt.Sprintf("%s: field %q", parent, g.f.Name.Wire),
			what: fmt.Sprintf("accessor %s of field %q", get, g.f.Name.Wire), label: fmt.Sprintf("accessor %s (for the default)", get)})
	}
}
