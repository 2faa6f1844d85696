package compat_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/framegen/framegen/schema"
	"github.com/framegen/framegen/schema/compat"
)

// benchSchema returns a schema of n frames, alternating directions, each with a few
// fields, an object type and an enum of its own; changed alters every frame a little.
func benchSchema(n int, changed bool) string {
	var b strings.Builder
	b.WriteString("framegen: 1\nprotocol: bench\nenums:\n")
	for i := range n {
		fmt.Fprintf(&b, "  State%d:\n    values: [a, b, c", i)
		if changed {
			b.WriteString(", d")
		}
		b.WriteString("]\n")
	}
	b.WriteString("types:\n")
	for i := range n {
		maxLen := 64
		if changed {
			maxLen = 32
		}
		fmt.Fprintf(&b, "  Item%d:\n    fields:\n      id: uuid\n      name: {type: string, max_length: %d}\n      state: State%d\n", i, maxLen, i)
	}
	b.WriteString("frames:\n")
	for i := range n {
		from := "client"
		if i%2 == 1 {
			from = "server"
		}
		fmt.Fprintf(&b, "  frame_%d:\n    from: %s\n    fields:\n      seq: int\n      items: list<Item%d>\n      note: string?\n", i, from, i)
		if changed {
			b.WriteString("      extra: string\n")
		}
	}
	return b.String()
}

// BenchmarkCompare compares two versions of schemas of growing size, where every frame
// changed.
func BenchmarkCompare(b *testing.B) {
	for _, n := range []int{10, 100, 1000} {
		b.Run(fmt.Sprintf("frames=%d", n), func(b *testing.B) {
			old, err := schema.Parse("old.yaml", []byte(benchSchema(n, false)))
			if err != nil {
				b.Fatal(err)
			}
			new, err := schema.Parse("new.yaml", []byte(benchSchema(n, true)))
			if err != nil {
				b.Fatal(err)
			}
			var fs []compat.Finding
			b.ReportAllocs()
			for b.Loop() {
				fs = compat.Compare(old, new, compat.Options{})
			}
			if want := 3 * n; len(fs) != want {
				b.Fatalf("%d findings, want %d", len(fs), want)
			}
		})
	}
}
