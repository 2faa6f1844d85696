package compat

import (
	"fmt"
	"strconv"

	"github.com/framegen/framegen/schema"
)

// enum compares two enums of the same wire type. String enums match values by name, int
// enums by number: that is what travels.
func (w *walk) enum(o, n *schema.Enum) {
	k := [2]*schema.Enum{o, n}
	if w.done[k] {
		return
	}
	w.done[k] = true
	scope := fmt.Sprintf("enum %q", n.Name.Wire)
	switch {
	case !o.Open && n.Open:
		w.emit(change{rule: RuleEnumOpened, pos: n.Pos, msg: scope + ": unknown reject → keep", onNew: Info, onOld: Warning})
	case o.Open && !n.Open:
		w.emit(change{rule: RuleEnumClosed, pos: n.Pos, msg: scope + ": unknown keep → reject", onNew: Warning, onOld: Info})
	}
	wire := func(v *schema.EnumValue) string {
		if n.IsInt {
			return strconv.FormatInt(v.Value, 10)
		}
		return v.Name.Wire
	}
	nvs := map[string]*schema.EnumValue{}
	for _, v := range n.Values() {
		nvs[wire(v)] = v
	}
	ovs := map[string]bool{}
	for _, ov := range o.Values() {
		ovs[wire(ov)] = true
		nv := nvs[wire(ov)]
		switch {
		case nv == nil:
			// Old peers may send it; a new closed enum rejects it.
			w.emit(change{rule: RuleEnumValueRemoved, pos: ov.Pos, msg: fmt.Sprintf("%s: value %s removed", scope, valueName(o, ov)),
				onNew: breaksIf(!n.Open), onOld: Info})
		case nv.Name.Wire != ov.Name.Wire:
			w.emit(info(RuleEnumValueRenamed, nv.Pos, fmt.Sprintf("%s: value %d renamed %q → %q", scope, nv.Value, ov.Name.Wire, nv.Name.Wire)))
		}
	}
	for _, nv := range n.Values() {
		if !ovs[wire(nv)] {
			// New peers may send it; an old closed enum rejects it.
			w.emit(change{rule: RuleEnumValueAdded, pos: nv.Pos, msg: fmt.Sprintf("%s: value %s added", scope, valueName(n, nv)),
				onNew: Info, onOld: breaksIf(!o.Open)})
		}
	}
}

func valueName(e *schema.Enum, v *schema.EnumValue) string {
	if e.IsInt {
		return fmt.Sprintf("%q (%d)", v.Name.Wire, v.Value)
	}
	return strconv.Quote(v.Name.Wire)
}
