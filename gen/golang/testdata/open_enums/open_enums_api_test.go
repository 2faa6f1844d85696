package openenums

import (
	"errors"
	"reflect"
	"testing"
)

func TestOpenEnumsValidate(t *testing.T) {
	tests := []struct {
		name string
		f    interface{ Validate() error }
		want []Violation
	}{
		{"unknown open values are valid", Paint{
			Color: "purple", Fallback: apiRef(Color("teal")), Palette: []Color{"red", "ultraviolet"},
			ByName: map[string]Status{"a": 999},
		}, nil},
		{"closed enum beside open ones", Paint{Color: "red", Shape: apiRef(Shape("triangle"))},
			[]Violation{{"$.shape", `unknown value "triangle" of Shape (want one of: circle, square)`}}},
		{"open int enum", Painted{Status: 12345, Maybe: apiRef(Color(""))}, nil},
		// An open string enum keeps unknown values, but bytes that are not UTF-8 cannot
		// be written as a JSON string without being altered.
		{"open string enum with invalid UTF-8", Paint{
			Color: "\xff", Palette: []Color{"red", "b\xc0d"},
		}, []Violation{{"$.color", "invalid UTF-8"}, {"$.palette[1]", "invalid UTF-8"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []Violation
			if err := tt.f.Validate(); err != nil {
				var ve *ValidationError
				if !errors.As(err, &ve) {
					t.Fatalf("%v is not a *ValidationError", err)
				}
				got = ve.Violations
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func apiRef[T any](v T) *T { return &v }

func TestOpenEnumMethods(t *testing.T) {
	if got := Status(999).String(); got != "Status(999)" {
		t.Errorf("Status(999).String() = %q", got)
	}
	if got := StatusGone.String(); got != "gone" {
		t.Errorf("StatusGone.String() = %q", got)
	}
	if Color("purple").IsKnown() || !Color("purple").IsValid() || !ColorRed.IsKnown() {
		t.Error("Color: unknown values are valid but not known")
	}
	if Shape("triangle").IsValid() {
		t.Error("Shape is closed: an unknown value is not valid")
	}
	if _, err := ParseColor("purple"); err == nil {
		t.Error("ParseColor(purple): no error; Parse takes listed names only")
	}
	var p Paint
	if p.GetFallback() != ColorBlue || p.GetShape() != ShapeSquare {
		t.Errorf("defaults: %v %v", p.GetFallback(), p.GetShape())
	}
	if got := (Painted{}).GetPrevious(); got != StatusRetry {
		t.Errorf("GetPrevious() = %v", got)
	}
}
