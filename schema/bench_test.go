package schema

import (
	"fmt"
	"strings"
	"testing"
)

// benchSchema builds a schema with n frames, each with four fields (one of an object type,
// one of an enum, one with constraints and an example), and n/10 object types.
func benchSchema(n int) []byte {
	var b strings.Builder
	b.WriteString("framegen: 1\nprotocol: bench\nenvelope:\n  fields:\n    seq: int?\n")
	b.WriteString("enums:\n  State: {values: [a, b, c]}\ntypes:\n")
	types := max(n/10, 1)
	for i := range types {
		fmt.Fprintf(&b, "  Type%d:\n    fields:\n      id: uuid\n      name: {type: string, max_length: 64}\n", i)
	}
	b.WriteString("frames:\n")
	for i := range n {
		fmt.Fprintf(&b, "  frame_%d:\n    from: %s\n    fields:\n", i, [...]string{"client", "server", "both"}[i%3])
		fmt.Fprintf(&b, "      ref: Type%d\n      state: State\n", i%types)
		b.WriteString("      count: {type: int, min: 0, max: 100, example: 5}\n      note: string?\n")
	}
	return []byte(b.String())
}

// BenchmarkLoad parses and checks generated schemas of growing size; ns/op divided by
// frames should stay flat if the checker is linear.
func BenchmarkLoad(b *testing.B) {
	for _, n := range []int{100, 1000, 5000} {
		data := benchSchema(n)
		if _, err := Parse("bench.yaml", data); err != nil {
			b.Fatalf("frames=%d: %v", n, err)
		}
		b.Run(fmt.Sprintf("frames=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := Parse("bench.yaml", data); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/frame")
		})
	}
}
