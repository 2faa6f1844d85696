// Package compat finds the changes between two versions of a schema and judges, per
// direction, whether each one breaks peers that still run the other version.
//
// The judgement follows the usual order of deployment, servers before clients: a change is
// breaking when the new server cannot read what old clients send, or when old clients cannot
// read what the new server sends. Options.BothWays adds the reverse order (clients first).
// docs/breaking.md documents every rule.
package compat

import (
	"cmp"
	"slices"

	"github.com/framegen/framegen/schema"
)

// Severity is how bad a finding is.
type Severity uint8

const (
	Info     Severity = iota + 1 // a change worth knowing about; nothing breaks
	Warning                      // nothing fails to decode, but behaviour or guarantees change
	Breaking                     // a peer on the other version rejects frames
)

// String returns "info", "warning" or "breaking".
func (s Severity) String() string {
	switch s {
	case Info:
		return "info"
	case Warning:
		return "warning"
	case Breaking:
		return "breaking"
	}
	return "severity?"
}

// Finding is one change between two schemas.
type Finding struct {
	Rule     string // a stable rule ID, such as FIELD_NO_DELETE
	Severity Severity
	// Direction is the channel the change is on: schema.Client for frames the client sends
	// (client→server), schema.Server for frames the server sends (server→client), and 0 for
	// changes that travel on no channel (documentation, Go names, the subprotocol).
	Direction schema.Side
	// Pos is in the new schema, or in the old one for something deleted.
	Pos     schema.Pos
	Message string
}

// DirectionString returns "client→server", "server→client", or "" when f has no direction.
func (f Finding) DirectionString() string {
	switch f.Direction {
	case schema.Client:
		return "client→server"
	case schema.Server:
		return "server→client"
	}
	return ""
}

// Options tunes Compare.
type Options struct {
	// BothWays also judges the reverse order of deployment, clients before servers: new
	// clients sending to old servers, and old servers sending to new clients.
	BothWays bool
}

// Compare returns every change from old to new, sorted by position, then rule, direction and
// message. It never fails: two checked schemas can always be compared.
func Compare(old, new *schema.Protocol, opts Options) []Finding {
	c := &comparer{opts: opts, seen: map[findingKey]bool{}}
	c.protocol(old, new)
	for _, side := range schema.Sides {
		c.channel(side, old, new)
	}
	c.meta(old, new)
	fs := c.findings
	Sort(fs)
	return fs
}

// CountBreaking returns how many findings are breaking.
func CountBreaking(fs []Finding) int {
	n := 0
	for _, f := range fs {
		if f.Severity == Breaking {
			n++
		}
	}
	return n
}

// Sort orders findings by file, line, column, rule, direction, then message, so output is
// deterministic.
func Sort(fs []Finding) {
	slices.SortStableFunc(fs, func(a, b Finding) int {
		return cmp.Or(
			cmp.Compare(a.Pos.File, b.Pos.File),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Col, b.Pos.Col),
			cmp.Compare(a.Rule, b.Rule),
			cmp.Compare(a.Direction, b.Direction),
			cmp.Compare(a.Message, b.Message),
		)
	})
}

// role is who decodes in one pairing of versions.
type role uint8

const (
	newReads role = iota // the new version decodes what the old one encodes
	oldReads             // the old version decodes what the new one encodes
)

// change is a difference found by the walk, with its severity for each reading role.
type change struct {
	rule         string
	pos          schema.Pos
	msg          string
	onNew, onOld Severity
}

type findingKey struct {
	rule string
	dir  schema.Side
	pos  schema.Pos
	msg  string
}

// comparer collects findings. It is built per Compare call.
type comparer struct {
	opts     Options
	findings []Finding
	seen     map[findingKey]bool
}

func (c *comparer) add(f Finding) {
	k := findingKey{f.Rule, f.Direction, f.Pos, f.Message}
	if c.seen[k] {
		return
	}
	c.seen[k] = true
	c.findings = append(c.findings, f)
}

// judge turns a change on a channel into a finding. Servers deploy first, so on the client
// channel the new server reads old clients, and on the server channel old clients read the
// new server; BothWays adds the other role on each channel.
func (c *comparer) judge(side schema.Side, ch change) {
	first, second := newReads, oldReads
	if side == schema.Server {
		first, second = oldReads, newReads
	}
	sev := ch.severity(first)
	msg := ch.msg
	if c.opts.BothWays {
		if rev := ch.severity(second); rev > sev {
			sev = rev
			if rev == Breaking {
				msg += " (breaks when clients deploy first)"
			}
		}
	}
	c.add(Finding{Rule: ch.rule, Severity: sev, Direction: side, Pos: ch.pos, Message: msg})
}

func (ch change) severity(r role) Severity {
	if r == newReads {
		return ch.onNew
	}
	return ch.onOld
}
