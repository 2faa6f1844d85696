package wire

import "strconv"

// The kinds of step a vpath takes from its parent.
const (
	stepRoot   = iota // the zero vpath: $
	stepField         // .name or ["we ird"]
	stepIndex         // [1]
	stepMapKey        // ["k"]
)

// vpath is a path to a value being validated, built on the stack as Validate descends and
// rendered only when a violation is recorded. The zero value is the root, $.
type vpath struct {
	parent *vpath
	key    string
	i      int
	step   uint8
}

// field returns the path to member name of the object at p.
func (p *vpath) field(name string) vpath {
	return vpath{parent: p, key: name, step: stepField}
}

// index returns the path to element i of the array at p.
func (p *vpath) index(i int) vpath {
	return vpath{parent: p, i: i, step: stepIndex}
}

// mapKey returns the path to the value at key k of the map at p.
func (p *vpath) mapKey(k string) vpath {
	return vpath{parent: p, key: k, step: stepMapKey}
}

// String renders the path: $.attachments[1].url, $.meta["k"].
func (p *vpath) String() string {
	return string(p.appendTo(nil))
}

// appendTo appends the rendered path, root first.
func (p *vpath) appendTo(dst []byte) []byte {
	if p == nil {
		return append(dst, '$')
	}
	if p.step == stepRoot {
		return append(dst, '$')
	}
	dst = p.parent.appendTo(dst)
	switch p.step {
	case stepField:
		if isIdent(p.key) {
			dst = append(dst, '.')
			return append(dst, p.key...)
		}
		fallthrough
	case stepMapKey:
		dst = append(dst, '[')
		dst = strconv.AppendQuote(dst, p.key)
		return append(dst, ']')
	}
	dst = append(dst, '[')
	dst = strconv.AppendInt(dst, int64(p.i), 10)
	return append(dst, ']')
}

// violations collects what Validate finds, in the order found.
type violations struct {
	list []Violation
}

// add records a violation at path p.
func (c *violations) add(p vpath, reason string) {
	c.list = append(c.list, Violation{Path: p.String(), Reason: reason})
}

// err returns nil when nothing was recorded, or a *ValidationError with every violation.
func (c *violations) err() error {
	if len(c.list) == 0 {
		return nil
	}
	return &ValidationError{Violations: c.list}
}
