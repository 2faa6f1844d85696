package sample

import (
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

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

// FuzzStr feeds patterns and length bounds to str: it must never panic, and whatever it
// returns without error must match the pattern and fit the bounds.
func FuzzStr(f *testing.F) {
	for _, seed := range []struct {
		pattern  string
		min, max int64
	}{
		{"[a-z]+", -1, -1},
		{`^[A-Z]{3}-\d{4}$`, -1, -1},
		{"(ab|cd)+x?", 5, -1},
		{`[a-z]+\d`, -1, 1},
		{`(a|bb)c`, 3, -1},
		{`\bx\b\by`, -1, -1},
		{`(?i)héllo|wörld`, 2, 9},
		{`[^\x00-\x{10FFFF}]`, 0, 0},
		{`x{2,5}y*z{0,3}`, 4, 6},
	} {
		f.Add(seed.pattern, seed.min, seed.max)
	}
	f.Fuzz(func(t *testing.T, pattern string, minLen, maxLen int64) {
		if _, err := regexp.Compile(pattern); err != nil || pattern == "" {
			return // the checker rejects a bad pattern; "" means no pattern
		}
		var c schema.Constraints
		c.Pattern = pattern
		if minLen >= 0 && minLen < 1000 {
			c.MinLength = &minLen
		}
		if maxLen >= 0 && maxLen < 1000 {
			c.MaxLength = &maxLen
		}
		if c.MinLength != nil && c.MaxLength != nil && minLen > maxLen {
			return // min_length > max_length is a schema error
		}
		s, err := str("field", c)
		if err != nil {
			return
		}
		if !regexp.MustCompile(`^(?:` + pattern + `)$`).MatchString(s) {
			t.Errorf("str() = %q, which does not match %q", s, pattern)
		}
		n := int64(utf8.RuneCountInString(s))
		if c.MinLength != nil && n < minLen || c.MaxLength != nil && n > maxLen {
			t.Errorf("str() = %q: %d code points, want within [%d, %d]", s, n, minLen, maxLen)
		}
	})
}
