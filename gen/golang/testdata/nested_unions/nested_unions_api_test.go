package nestedunions

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func apiViolations(t *testing.T, err error) []Violation {
	t.Helper()
	if err == nil {
		return nil
	}
	var ve *ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("%v is not a *ValidationError", err)
	}
	return ve.Violations
}

func TestNestedUnionPaths(t *testing.T) {
	tests := []struct {
		name string
		f    interface{ Validate() error }
		want []Violation
	}{
		{"valid", Post{Content: Text{Body: "hi"}}, nil},
		{"required union nil", Post{}, []Violation{{"$.content", "missing required value"}}},
		{"deep", Post{
			Content: Group{Title: "t", Children: []Content{
				Text{Body: strings.Repeat("x", 281)},
				&Image{URL: "\xff", Caption: Ref{Target: &Leaf{N: -1}}},
				Group{ByKey: map[string]Content{"z": (*Text)(nil), "a": Ref{}}},
			}},
			ReplyTo: (*Group)(nil),
			Extra:   &Null[Inner]{Valid: true},
		}, []Violation{
			{"$.content.children[0].body", "longer than 280 characters"},
			{"$.content.children[1].url", "invalid UTF-8"},
			{"$.content.children[1].caption.target.n", "less than 0"},
			{"$.content.children[2].children", "fewer than 1 item"},
			{`$.content.children[2].by_key["a"].target`, "missing required value"},
			{`$.content.children[2].by_key["z"]`, "nil *Text"},
			{"$.reply_to", "nil *Group"},
			{"$.extra", "missing required value"},
		}},
		{"null is fine", Post{Content: Text{}, Quoted: nil, Extra: &Null[Inner]{}}, nil},
		{"list elements", Posted{Items: []Content{Text{}, nil}}, []Violation{{"$.items[1]", "missing required value"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := apiViolations(t, tt.f.Validate()); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

// A type that embeds a variant satisfies the interface, but is not a variant.
type fakeText struct{ Text }

func TestEmbeddedVariantRejected(t *testing.T) {
	got := apiViolations(t, Post{Content: fakeText{}}.Validate())
	if want := []Violation{{"$.content", "not a variant of Content"}}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	if _, err := EncodeClientFrame(Post{Content: fakeText{}}); err == nil {
		t.Error("EncodeClientFrame with an embedded variant: no error")
	}
}
