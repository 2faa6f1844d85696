package docs_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/framegen/framegen/gen/docs"
	"github.com/framegen/framegen/schema"
)

// benchSchema returns a schema of n frames, each with a nested type, an enum and a few
// constrained fields, so that every part of the document grows with n.
func benchSchema(n int) string {
	var b strings.Builder
	b.WriteString("framegen: 1\nprotocol: bench\nenums:\n")
	for i := range n {
		fmt.Fprintf(&b, "  Enum%d:\n    description: Values.\n    values: [a%d, b%d]\n", i, i, i)
	}
	b.WriteString("types:\n")
	for i := range n {
		fmt.Fprintf(&b, "  Type%d:\n    fields:\n      name: {type: string, min_length: 1, max_length: 8}\n      kind: Enum%d\n", i, i)
	}
	b.WriteString("frames:\n")
	for i := range n {
		fmt.Fprintf(&b, "  frame_%d:\n    from: client\n    description: Frame %d.\n    fields:\n"+
			"      item: Type%d\n      items: {type: \"list<Type%d>\", min_items: 2}\n"+
			"      code: {type: string, pattern: \"^[A-Z]{3}-[0-9]{2}$\"}\n      count: {type: int32, min: 1, max: 9}\n", i, i, i, i)
	}
	return b.String()
}

// BenchmarkGenerate measures docs.Generate on schemas of 10, 100 and 1,000 frames; cost
// should grow linearly. Run: go test -run XXX -bench Generate -benchmem ./gen/docs
func BenchmarkGenerate(b *testing.B) {
	for _, n := range []int{10, 100, 1000} {
		p, err := schema.Parse("bench.yaml", []byte(benchSchema(n)))
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("frames=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := docs.Generate(p); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
