package sample

import (
	"strings"
	"testing"

	"github.com/framegen/framegen/schema"
)

func ptr(n int64) *int64 { return &n }

func TestStr(t *testing.T) {
	tests := []struct {
		name    string
		c       schema.Constraints
		want    string
		wantErr string // substring of the error; "" for none
	}{
		{"plain", schema.Constraints{}, "title", ""},
		{"padded", schema.Constraints{MinLength: ptr(8)}, "titlexxx", ""},
		{"cut", schema.Constraints{MaxLength: ptr(3)}, "tit", ""},
		{"empty", schema.Constraints{MaxLength: ptr(0)}, "", ""},
		{"name matches pattern", schema.Constraints{Pattern: "[a-z]+"}, "title", ""},
		{"fixed repeat", schema.Constraints{Pattern: `^[A-Z]{3}-\d{4}$`}, "AAA-0000", ""},
		{"plus and quest grow to min length", schema.Constraints{Pattern: "(ab|cd)+x?", MinLength: ptr(5)}, "ababx", ""},
		{"alternation takes first branch", schema.Constraints{Pattern: "(?:v[0-9]|latest)"}, "v0", ""},
		{"negated class", schema.Constraints{Pattern: `[^a-z0-9]`}, "A", ""},
		{"any char", schema.Constraints{Pattern: `x.y`}, "xay", ""},
		{"case folded literal", schema.Constraints{Pattern: `(?i)hello`}, "hello", ""},
		{"dot star", schema.Constraints{Pattern: `id-.*`, MinLength: ptr(5)}, "id-aa", ""},
		{"length excludes every match", schema.Constraints{Pattern: `[a-z]+\d`, MaxLength: ptr(1)}, "", `no value found that matches pattern "[a-z]+\\d"`},
		{"second branch needed", schema.Constraints{Pattern: `(a|bb)c`, MinLength: ptr(3)}, "", "give the field an example"},
		{"impossible boundaries", schema.Constraints{Pattern: `\bx\b\by`}, "", "no value found"},
		{"no match", schema.Constraints{Pattern: `[^\x00-\x{10FFFF}]`}, "", "no value found"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := str("title", tt.c)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("str() = %q, %v; want error containing %q", got, err, tt.wantErr)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("str() = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}
