// Package difftext renders the difference between two texts as a unified diff, the form
// `git diff` and `diff -u` print and `patch` applies.
package difftext

import (
	"bytes"
	"fmt"
	"strings"
)

// Context is the number of unchanged lines shown around each change.
const Context = 3

// maxEdits bounds the work of the line matcher. Past it, the changed region between the
// common prefix and suffix is shown as deleted and then added whole: a correct diff, only
// a longer one, and never a slow or memory-hungry one.
const maxEdits = 1000

// DevNull is the label of a side that does not exist (a file to create or delete).
const DevNull = "/dev/null"

// Unified returns the unified diff that turns old into new, with headers `--- oldLabel`
// and `+++ newLabel`, or "" when the texts are equal. A text that does not end in a
// newline gets git's `\ No newline at end of file` marker.
func Unified(oldLabel, newLabel string, old, new []byte) string {
	if bytes.Equal(old, new) {
		return ""
	}
	a, b := splitLines(old), splitLines(new)
	ops := diffLines(a, b)
	var sb strings.Builder
	fmt.Fprintf(&sb, "--- %s\n+++ %s\n", oldLabel, newLabel)
	for _, h := range hunks(ops) {
		writeHunk(&sb, a, b, ops[h.start:h.end])
	}
	return sb.String()
}

// line is one line of a text, with its newline when it has one.
type line = string

// splitLines cuts text after each newline; the last line may lack one.
func splitLines(text []byte) []line {
	var lines []line
	for len(text) > 0 {
		i := bytes.IndexByte(text, '\n')
		if i < 0 {
			lines = append(lines, string(text))
			break
		}
		lines = append(lines, string(text[:i+1]))
		text = text[i+1:]
	}
	return lines
}

// opKind says what an edit does with a line.
type opKind uint8

const (
	keep opKind = iota
	del
	add
)

// op is one step of the edit script: keep a[ai] (== b[bi]), delete a[ai], or add b[bi].
type op struct {
	kind   opKind
	ai, bi int
}

// diffLines returns an edit script from a to b: the common prefix and suffix kept, and the
// middle matched by Myers' algorithm (bounded by maxEdits).
func diffLines(a, b []line) []op {
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	ops := make([]op, 0, len(a)+len(b))
	for i := 0; i < pre; i++ {
		ops = append(ops, op{keep, i, i})
	}
	ops = append(ops, myers(a[pre:len(a)-suf], b[pre:len(b)-suf], pre, pre)...)
	for i := 0; i < suf; i++ {
		ops = append(ops, op{keep, len(a) - suf + i, len(b) - suf + i})
	}
	return ops
}

// myers returns a shortest edit script from a to b (Myers 1986, the greedy forward
// search), with line indexes offset by ao and bo. Deletions come before additions in each
// changed run, as diff tools print them.
func myers(a, b []line, ao, bo int) []op {
	n, m := len(a), len(b)
	if n == 0 || m == 0 {
		return replaceAll(n, m, ao, bo)
	}
	dmax := min(n+m, maxEdits)
	off := dmax + 1
	v := make([]int, 2*dmax+3)
	// trace[d] is v before step d, for diagonals -d..d (index k+d): all the walk back needs.
	var trace [][]int
	found := -1
	for d := 0; d <= dmax && found < 0; d++ {
		trace = append(trace, append([]int(nil), v[off-d:off+d+1]...))
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || (k != d && v[off+k-1] < v[off+k+1]) {
				x = v[off+k+1] // down: an addition
			} else {
				x = v[off+k-1] + 1 // right: a deletion
			}
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x++
				y++
			}
			v[off+k] = x
			if x >= n && y >= m {
				found = d
				break
			}
		}
	}
	if found < 0 {
		return replaceAll(n, m, ao, bo)
	}
	// Walk the trace back from (n, m), collecting the script in reverse.
	var rev []op
	x, y := n, m
	for d := found; d > 0; d-- {
		vd := trace[d]
		k := x - y
		var prevK int
		if k == -d || (k != d && vd[d+k-1] < vd[d+k+1]) {
			prevK = k + 1
		} else {
			prevK = k - 1
		}
		prevX := vd[d+prevK]
		prevY := prevX - prevK
		for x > prevX && y > prevY {
			x--
			y--
			rev = append(rev, op{keep, ao + x, bo + y})
		}
		if x == prevX {
			y--
			rev = append(rev, op{add, ao + x, bo + y})
		} else {
			x--
			rev = append(rev, op{del, ao + x, bo + y})
		}
	}
	for x > 0 && y > 0 {
		x--
		y--
		rev = append(rev, op{keep, ao + x, bo + y})
	}
	ops := make([]op, len(rev))
	for i, o := range rev {
		ops[len(rev)-1-i] = o
	}
	return deletesFirst(ops)
}

// replaceAll is the script that deletes all n lines of a and adds all m lines of b.
func replaceAll(n, m, ao, bo int) []op {
	ops := make([]op, 0, n+m)
	for i := 0; i < n; i++ {
		ops = append(ops, op{del, ao + i, bo})
	}
	for j := 0; j < m; j++ {
		ops = append(ops, op{add, ao + n, bo + j})
	}
	return ops
}

// deletesFirst reorders each run of changes so that its deletions precede its additions.
func deletesFirst(ops []op) []op {
	out := make([]op, 0, len(ops))
	for i := 0; i < len(ops); {
		if ops[i].kind == keep {
			out = append(out, ops[i])
			i++
			continue
		}
		j := i
		for j < len(ops) && ops[j].kind != keep {
			j++
		}
		for _, o := range ops[i:j] {
			if o.kind == del {
				out = append(out, o)
			}
		}
		for _, o := range ops[i:j] {
			if o.kind == add {
				out = append(out, o)
			}
		}
		i = j
	}
	return out
}

// span is a range of ops that forms one hunk.
type span struct{ start, end int }

// hunks groups the changes of ops, with Context lines around each, merging groups whose
// context would overlap or touch.
func hunks(ops []op) []span {
	var out []span
	for i := 0; i < len(ops); i++ {
		if ops[i].kind == keep {
			continue
		}
		start := max(i-Context, 0)
		end := i
		for end < len(ops) {
			if ops[end].kind != keep {
				end++
				continue
			}
			// Count the run of kept lines; a run longer than twice the context ends the hunk.
			j := end
			for j < len(ops) && ops[j].kind == keep {
				j++
			}
			if j == len(ops) || j-end > 2*Context {
				end = min(end+Context, len(ops))
				break
			}
			end = j
		}
		if n := len(out); n > 0 && start <= out[n-1].end {
			out[n-1].end = end
		} else {
			out = append(out, span{start, end})
		}
		i = end - 1
	}
	return out
}

// writeHunk writes one hunk: its `@@ -l,s +l,s @@` header and its lines.
func writeHunk(sb *strings.Builder, a, b []line, ops []op) {
	var na, nb int
	for _, o := range ops {
		switch o.kind {
		case keep:
			na++
			nb++
		case del:
			na++
		case add:
			nb++
		}
	}
	// A hunk starts at its first line, or for an empty side at the insertion point: the
	// smallest index of the side either way (a deletion moved before additions may carry a
	// later insertion point).
	fa, fb := ops[0].ai, ops[0].bi
	for _, o := range ops {
		fa, fb = min(fa, o.ai), min(fb, o.bi)
	}
	fmt.Fprintf(sb, "@@ -%s +%s @@\n", rangeOf(fa, na), rangeOf(fb, nb))
	for _, o := range ops {
		switch o.kind {
		case keep:
			writeLine(sb, ' ', a[o.ai])
		case del:
			writeLine(sb, '-', a[o.ai])
		case add:
			writeLine(sb, '+', b[o.bi])
		}
	}
}

// rangeOf formats a hunk range as diff does: "start,count" with 1-based start, "start"
// alone for one line, and the line before for an empty range.
func rangeOf(first, count int) string {
	switch count {
	case 0:
		return fmt.Sprintf("%d,0", first)
	case 1:
		return fmt.Sprintf("%d", first+1)
	}
	return fmt.Sprintf("%d,%d", first+1, count)
}

// writeLine writes a prefixed line, marking a missing final newline.
func writeLine(sb *strings.Builder, prefix byte, l line) {
	sb.WriteByte(prefix)
	sb.WriteString(l)
	if !strings.HasSuffix(l, "\n") {
		sb.WriteString("\n\\ No newline at end of file\n")
	}
}
