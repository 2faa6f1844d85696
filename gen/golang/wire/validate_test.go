package wire

import (
	"errors"
	"reflect"
	"testing"
)

func TestVpathString(t *testing.T) {
	root := &vpath{}
	author := root.field("author")
	atts := root.field("attachments")
	att1 := atts.index(1)
	meta := root.field("meta")
	odd := root.field("a b")
	tests := []struct {
		name string
		p    vpath
		want string
	}{
		{name: "root", p: *root, want: "$"},
		{name: "field", p: author.field("name"), want: "$.author.name"},
		{name: "index", p: att1, want: "$.attachments[1]"},
		{name: "field of element", p: att1.field("url"), want: "$.attachments[1].url"},
		{name: "map key", p: meta.mapKey("k"), want: `$.meta["k"]`},
		{name: "map key needing quotes", p: meta.mapKey("a\"b"), want: `$.meta["a\"b"]`},
		{name: "odd field", p: odd.field("x"), want: `$["a b"].x`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.p.String(); got != tt.want {
				t.Errorf("String() = %q, want %q", got, tt.want)
			}
		})
	}
	var nilPath *vpath
	if got := nilPath.String(); got != "$" {
		t.Errorf("nil path = %q, want $", got)
	}
}

func TestViolations(t *testing.T) {
	var c violations
	if err := c.err(); err != nil {
		t.Fatalf("empty collector err() = %v, want nil", err)
	}
	root := &vpath{}
	c.add(root.field("a"), "x")
	author := root.field("author")
	c.add(author.field("name"), "longer than 64 characters")
	err := c.err()
	var ve *ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("err() = %T, want *ValidationError", err)
	}
	want := []Violation{{Path: "$.a", Reason: "x"}, {Path: "$.author.name", Reason: "longer than 64 characters"}}
	if !reflect.DeepEqual(ve.Violations, want) {
		t.Errorf("violations = %v, want %v", ve.Violations, want)
	}
	if got, wantText := err.Error(), "invalid: $.a: x; $.author.name: longer than 64 characters"; got != wantText {
		t.Errorf("Error() = %q, want %q", got, wantText)
	}
}

func TestVpathDoesNotAllocate(t *testing.T) {
	var c violations
	walk := func(p *vpath, depth int) {}
	allocs := testing.AllocsPerRun(100, func() {
		root := vpath{}
		a := root.field("author")
		n := a.field("name")
		l := n.index(3)
		walk(&l, 3)
		if c.err() != nil {
			t.Fatal("unexpected violation")
		}
	})
	if allocs != 0 {
		t.Errorf("building paths allocates %v times, want 0", allocs)
	}
}
