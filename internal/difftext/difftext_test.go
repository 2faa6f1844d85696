package difftext

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
)

func TestUnified(t *testing.T) {
	tests := []struct {
		name     string
		old, new string
		want     string
	}{
		{name: "equal", old: "a\nb\n", new: "a\nb\n", want: ""},
		{name: "both empty", old: "", new: "", want: ""},
		{
			name: "create",
			old:  "", new: "a\nb\n",
			want: "--- a/f\n+++ b/f\n@@ -0,0 +1,2 @@\n+a\n+b\n",
		},
		{
			name: "delete",
			old:  "a\n", new: "",
			want: "--- a/f\n+++ b/f\n@@ -1 +0,0 @@\n-a\n",
		},
		{
			name: "change one line in the middle",
			old:  "1\n2\n3\n4\n5\n6\n7\n8\n9\n",
			new:  "1\n2\n3\n4\nfive\n6\n7\n8\n9\n",
			want: "--- a/f\n+++ b/f\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n",
		},
		{
			name: "two hunks far apart",
			old:  "a\n1\n2\n3\n4\n5\n6\n7\n8\nz\n",
			new:  "A\n1\n2\n3\n4\n5\n6\n7\n8\nZ\n",
			want: "--- a/f\n+++ b/f\n@@ -1,4 +1,4 @@\n-a\n+A\n 1\n 2\n 3\n" +
				"@@ -7,4 +7,4 @@\n 6\n 7\n 8\n-z\n+Z\n",
		},
		{
			name: "close changes merge into one hunk",
			old:  "a\n1\n2\n3\n4\n5\n6\nz\n",
			new:  "A\n1\n2\n3\n4\n5\n6\nZ\n",
			want: "--- a/f\n+++ b/f\n@@ -1,8 +1,8 @@\n-a\n+A\n 1\n 2\n 3\n 4\n 5\n 6\n-z\n+Z\n",
		},
		{
			name: "insert at the start",
			old:  "b\nc\n", new: "a\nb\nc\n",
			want: "--- a/f\n+++ b/f\n@@ -1,2 +1,3 @@\n+a\n b\n c\n",
		},
		{
			name: "insert after the first line",
			old:  "a\nc\n", new: "a\nb\nc\n",
			want: "--- a/f\n+++ b/f\n@@ -1,2 +1,3 @@\n a\n+b\n c\n",
		},
		{
			name: "missing final newline",
			old:  "a\nb", new: "a\nb\n",
			want: "--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n",
		},
		{
			name: "deletions print before additions",
			old:  "x\na\ny\n", new: "x\nb\nc\ny\n",
			want: "--- a/f\n+++ b/f\n@@ -1,3 +1,4 @@\n x\n-a\n+b\n+c\n y\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Unified("a/f", "b/f", []byte(tt.old), []byte(tt.new))
			if got != tt.want {
				t.Errorf("Unified:\ngot:\n%s\nwant:\n%s", got, tt.want)
			}
			if got != "" {
				if back := apply(t, tt.old, got); back != tt.new {
					t.Errorf("patch does not apply: got %q, want %q", back, tt.new)
				}
			}
		})
	}
}

// TestUnifiedRandom applies the diffs of random edits and checks they rebuild the new text
// with no more changed lines than the shortest script has.
func TestUnifiedRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 500 {
		old := randomText(r, r.IntN(30))
		new := mutate(r, old)
		t.Run(strconv.Itoa(i), func(t *testing.T) {
			d := Unified("a", "b", []byte(old), []byte(new))
			if got := apply(t, old, d); got != new {
				t.Fatalf("old %q new %q: patch gives %q\n%s", old, new, got, d)
			}
			a, b := splitLines([]byte(old)), splitLines([]byte(new))
			if got, want := changed(d), len(a)+len(b)-2*lcs(a, b); got != want {
				t.Errorf("old %q new %q: %d changed lines, shortest script has %d\n%s", old, new, got, want, d)
			}
		})
	}
}

// TestUnifiedLarge checks that a change too big to match line by line still gives a
// correct diff.
func TestUnifiedLarge(t *testing.T) {
	var a, b strings.Builder
	for i := range 3 * maxEdits {
		fmt.Fprintf(&a, "old %d\n", i)
		fmt.Fprintf(&b, "new %d\n", i)
	}
	d := Unified("a", "b", []byte(a.String()), []byte(b.String()))
	if got := apply(t, a.String(), d); got != b.String() {
		t.Fatalf("patch does not rebuild the new text")
	}
}

func randomText(r *rand.Rand, n int) string {
	var sb strings.Builder
	for range n {
		sb.WriteString(string(rune('a' + r.IntN(4))))
		sb.WriteByte('\n')
	}
	if n > 0 && r.IntN(5) == 0 {
		return strings.TrimSuffix(sb.String(), "\n")
	}
	return sb.String()
}

func mutate(r *rand.Rand, s string) string {
	lines := strings.SplitAfter(s, "\n")
	var out []string
	for _, l := range lines {
		switch r.IntN(6) {
		case 0: // drop
		case 1:
			out = append(out, string(rune('a'+r.IntN(4)))+"\n", l)
		default:
			out = append(out, l)
		}
	}
	return strings.Join(out, "")
}

// changed counts the added and deleted lines of a diff.
func changed(d string) int {
	n := 0
	for _, l := range strings.Split(d, "\n") {
		if strings.HasPrefix(l, "---") || strings.HasPrefix(l, "+++") {
			continue
		}
		if strings.HasPrefix(l, "+") || strings.HasPrefix(l, "-") {
			n++
		}
	}
	return n
}

func lcs(a, b []string) int {
	dp := make([][]int, len(a)+1)
	for i := range dp {
		dp[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				dp[i][j] = dp[i+1][j+1] + 1
			} else {
				dp[i][j] = max(dp[i+1][j], dp[i][j+1])
			}
		}
	}
	return dp[0][0]
}

// apply is a small, strict patch: it checks every header count and context line.
func apply(t *testing.T, old, diff string) string {
	t.Helper()
	if diff == "" {
		return old
	}
	a := splitLines([]byte(old))
	dl := splitLines([]byte(diff))
	if len(dl) < 2 || !strings.HasPrefix(dl[0], "--- ") || !strings.HasPrefix(dl[1], "+++ ") {
		t.Fatalf("bad headers:\n%s", diff)
	}
	var out []string
	next := 0 // next line of a to copy
	for i := 2; i < len(dl); {
		var as, ac, bs, bc int
		h := strings.TrimSuffix(dl[i], "\n")
		if _, err := fmt.Sscanf(normalizeHeader(h), "@@ -%d,%d +%d,%d @@", &as, &ac, &bs, &bc); err != nil {
			t.Fatalf("bad hunk header %q: %v", h, err)
		}
		i++
		start := as - 1
		if ac == 0 {
			start = as
		}
		if start < next {
			t.Fatalf("hunk %q overlaps the previous one", h)
		}
		out = append(out, a[next:start]...)
		next = start
		gotA, gotB := 0, 0
		for i < len(dl) && !strings.HasPrefix(dl[i], "@@") {
			l := dl[i]
			i++
			if i < len(dl) && dl[i] == "\\ No newline at end of file\n" {
				l = strings.TrimSuffix(l, "\n")
				i++
			}
			body := l[1:]
			switch l[0] {
			case ' ', '-':
				if next >= len(a) || a[next] != body {
					t.Fatalf("hunk %q: line %d is %q, diff says %q", h, next+1, at(a, next), body)
				}
				next++
				gotA++
				if l[0] == ' ' {
					out = append(out, body)
					gotB++
				}
			case '+':
				out = append(out, body)
				gotB++
			default:
				t.Fatalf("bad diff line %q", l)
			}
		}
		if gotA != ac || gotB != bc {
			t.Fatalf("hunk %q: counted -%d +%d", h, gotA, gotB)
		}
	}
	out = append(out, a[next:]...)
	return strings.Join(out, "")
}

func at(a []string, i int) string {
	if i < len(a) {
		return a[i]
	}
	return "<end of file>"
}

// normalizeHeader spells out the implied count of one-line ranges ("-3" is "-3,1").
func normalizeHeader(h string) string {
	f := strings.Fields(h)
	for i := 1; i <= 2 && i < len(f); i++ {
		if !strings.Contains(f[i], ",") {
			f[i] += ",1"
		}
	}
	return strings.Join(f, " ")
}

// FuzzUnified checks that every diff applies and rebuilds the new text.
func FuzzUnified(f *testing.F) {
	f.Add("a\nb\nc\n", "a\nc\nd\n")
	f.Add("", "x")
	f.Add("x\ny", "x\ny\n")
	f.Add("1\n2\n3\n4\n5\n6\n7\n8\n9\n", "0\n2\n3\n4\n5\n6\n7\n8\n0\n")
	f.Fuzz(func(t *testing.T, old, new string) {
		d := Unified("a", "b", []byte(old), []byte(new))
		if (d == "") != (old == new) {
			t.Fatalf("Unified(%q, %q) = %q", old, new, d)
		}
		if got := apply(t, old, d); got != new {
			t.Fatalf("old %q new %q: patch gives %q\n%s", old, new, got, d)
		}
	})
}

// BenchmarkUnified diffs texts of several sizes: with ten changed lines (a stale generated
// file), and with every line changed (the matcher's bound at work).
func BenchmarkUnified(b *testing.B) {
	for _, n := range []int{1000, 10000, 100000} {
		var old, few, all strings.Builder
		for i := range n {
			fmt.Fprintf(&old, "line %d\n", i)
			if i%(n/10) == 0 {
				fmt.Fprintf(&few, "changed %d\n", i)
			} else {
				fmt.Fprintf(&few, "line %d\n", i)
			}
			fmt.Fprintf(&all, "other %d\n", i)
		}
		for _, c := range []struct {
			name string
			new  string
		}{{"few", few.String()}, {"all", all.String()}} {
			b.Run(fmt.Sprintf("%s/lines=%d", c.name, n), func(b *testing.B) {
				o, nw := []byte(old.String()), []byte(c.new)
				b.ReportAllocs()
				for b.Loop() {
					Unified("a", "b", o, nw)
				}
			})
		}
	}
}
