package compat

import (
	"fmt"
	"strconv"

	"github.com/framegen/framegen/schema"
)

// constraints compares the constraints of two fields of the same kind. A lower bound that
// rises, or an upper bound that falls, accepts fewer values: the new reader rejects what old
// writers may send. The reverse accepts more: old readers reject what new writers may send.
func (w *walk) constraints(in string, pos schema.Pos, o, n schema.Constraints) {
	w.numBound(in, pos, "min", o.Min, n.Min, true)
	w.numBound(in, pos, "max", o.Max, n.Max, false)
	w.intBound(in, pos, "min_length", o.MinLength, n.MinLength, true)
	w.intBound(in, pos, "max_length", o.MaxLength, n.MaxLength, false)
	w.intBound(in, pos, "min_items", o.MinItems, n.MinItems, true)
	w.intBound(in, pos, "max_items", o.MaxItems, n.MaxItems, false)
	switch {
	case o.Pattern == n.Pattern:
	case o.Pattern == "":
		w.emit(breaksNew(RuleConstraintTightened, pos, fmt.Sprintf("%s: pattern %q added", in, n.Pattern)))
	case n.Pattern == "":
		w.emit(breaksOld(RuleConstraintLoosened, pos, fmt.Sprintf("%s: pattern %q removed", in, o.Pattern)))
	default:
		// Two regular expressions cannot be ordered: assume each accepts something the
		// other does not.
		w.emit(bothWays(RuleConstraintChanged, pos, fmt.Sprintf("%s: pattern %q → %q", in, o.Pattern, n.Pattern)))
	}
}

// bound compares one bound. cmp is -1, 0 or 1 for new below, equal to or above old; given
// reports which versions set the bound; lower is true for a lower bound.
func (w *walk) bound(in string, pos schema.Pos, key, ot, nt string, oSet, nSet bool, cmp int, lower bool) {
	var tighter bool
	switch {
	case !oSet && !nSet:
		return
	case !oSet:
		tighter = true
	case !nSet:
		tighter = false
	case cmp == 0:
		return
	default:
		tighter = (cmp > 0) == lower
	}
	msg := fmt.Sprintf("%s: %s %s → %s", in, key, ot, nt)
	if tighter {
		w.emit(breaksNew(RuleConstraintTightened, pos, msg))
	} else {
		w.emit(breaksOld(RuleConstraintLoosened, pos, msg))
	}
}

func (w *walk) numBound(in string, pos schema.Pos, key string, o, n *schema.Number, lower bool) {
	cmp := 0
	if o != nil && n != nil {
		switch {
		case n.Float < o.Float:
			cmp = -1
		case n.Float > o.Float:
			cmp = 1
		case n.Int < o.Int:
			cmp = -1
		case n.Int > o.Int:
			cmp = 1
		}
	}
	w.bound(in, pos, key, numText(o), numText(n), o != nil, n != nil, cmp, lower)
}

func numText(n *schema.Number) string {
	if n == nil {
		return "(none)"
	}
	if n.Text != "" {
		return n.Text
	}
	return strconv.FormatFloat(n.Float, 'g', -1, 64)
}

func (w *walk) intBound(in string, pos schema.Pos, key string, o, n *int64, lower bool) {
	cmp := 0
	if o != nil && n != nil {
		switch {
		case *n < *o:
			cmp = -1
		case *n > *o:
			cmp = 1
		}
	}
	w.bound(in, pos, key, intText(o), intText(n), o != nil, n != nil, cmp, lower)
}

func intText(n *int64) string {
	if n == nil {
		return "(none)"
	}
	return strconv.FormatInt(*n, 10)
}
