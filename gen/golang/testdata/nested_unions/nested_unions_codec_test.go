package nestedunions

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

// Unions inside unions, to any depth: the tag key comes first on the wire, decoders find
// it wherever it stands, and errors carry the full path.

func TestNestedUnionsRoundTrip(t *testing.T) {
	deep := Group{Title: "g", Children: []Content{
		Text{Body: "a"},
		Image{URL: "u", Caption: Group{Title: "inner", Children: []Content{Ref{Target: Leaf{N: 1}}}}},
		&Ref{Target: Text{Body: "via pointer"}},
	}, ByKey: map[string]Content{"k": Text{Body: "b"}}}
	tests := []struct {
		name string
		f    ClientFrame
		wire string
		want Post
	}{
		{"required only, quoted null", Post{Content: Text{Body: "hi"}},
			`{"type":"post","content":{"kind":"text","body":"hi"},"quoted":null}`, Post{Content: Text{Body: "hi"}}},
		{"every union set", Post{Content: deep, ReplyTo: Image{URL: "r"}, Quoted: Ref{Target: Leaf{}}, Extra: &Null[Inner]{V: Leaf{N: 2}, Valid: true}},
			`{"type":"post","content":{"kind":"group","title":"g","children":[{"kind":"text","body":"a"},{"kind":"image","url":"u","caption":{"kind":"group","title":"inner","children":[{"kind":"ref","target":{"type":"leaf","n":1}}]}},{"kind":"ref","target":{"type":"text","body":"via pointer"}}],"by_key":{"k":{"kind":"text","body":"b"}}},"reply_to":{"kind":"image","url":"r"},"quoted":{"kind":"ref","target":{"type":"leaf","n":0}},"extra":{"type":"leaf","n":2}}`,
			Post{Content: Group{Title: "g", Children: []Content{
				Text{Body: "a"},
				Image{URL: "u", Caption: Group{Title: "inner", Children: []Content{Ref{Target: Leaf{N: 1}}}}},
				Ref{Target: Text{Body: "via pointer"}},
			}, ByKey: map[string]Content{"k": Text{Body: "b"}}}, ReplyTo: Image{URL: "r"}, Quoted: Ref{Target: Leaf{}}, Extra: &Null[Inner]{V: Leaf{N: 2}, Valid: true}}},
		{"optional nullable null", Post{Content: Text{}, Extra: &Null[Inner]{}},
			`{"type":"post","content":{"kind":"text","body":""},"quoted":null,"extra":null}`, Post{Content: Text{}, Extra: &Null[Inner]{}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, err := EncodeClientFrame(tt.f)
			if err != nil {
				t.Fatal(err)
			}
			if string(data) != tt.wire {
				t.Errorf("wire %s\nwant %s", data, tt.wire)
			}
			got, err := DecodeClientFrame(data)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %#v\nwant %#v", got, tt.want)
			}
		})
	}
}

func TestNestedUnionsTagAnywhere(t *testing.T) {
	in := `{"content":{"title":"g","children":[{"body":"x","kind":"text"}],"kind":"group"},"quoted":null,"type":"post"}`
	got, err := DecodeClientFrame([]byte(in))
	want := Post{Content: Group{Title: "g", Children: []Content{Text{Body: "x"}}}}
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("got %#v, %v", got, err)
	}
}

func TestNestedUnionsRejects(t *testing.T) {
	tests := []struct {
		name, in string
		kind     DecodeErrorKind
		path     string
	}{
		{"unknown inner variant", `{"type":"post","content":{"kind":"ref","target":{"type":"image"}},"quoted":null}`, KindUnknownEnum, "$.content.target.type"},
		{"deep constraint", `{"type":"post","content":{"kind":"group","title":"g","children":[{"kind":"image","url":"u","caption":{"kind":"ref","target":{"type":"leaf","n":-1}}}]},"quoted":null}`, KindConstraint, "$.content.children[0].caption.target.n"},
		{"min items in a union", `{"type":"post","content":{"kind":"group","title":"g","children":[]},"quoted":null}`, KindConstraint, "$.content.children"},
		{"map of unions", `{"type":"post","content":{"kind":"group","title":"g","children":[{"kind":"text","body":""}],"by_key":{"a b":{"kind":"text"}}},"quoted":null}`, KindMissing, `$.content.by_key["a b"].body`},
		{"tag of wrong type", `{"type":"post","content":{"kind":1},"quoted":null}`, KindWrongType, "$.content.kind"},
		{"tag missing", `{"type":"post","content":{"body":"x"},"quoted":null}`, KindMissing, "$.content.kind"},
		{"required union null", `{"type":"post","content":null,"quoted":null}`, KindNull, "$.content"},
		{"optional union null", `{"type":"post","content":{"kind":"text","body":""},"reply_to":null,"quoted":null}`, KindNull, "$.reply_to"},
		{"nullable union missing", `{"type":"post","content":{"kind":"text","body":""}}`, KindMissing, "$.quoted"},
		{"union not an object", `{"type":"post","content":"text","quoted":null}`, KindWrongType, "$.content"},
		{"text too long", `{"type":"post","content":{"kind":"text","body":"` + strings.Repeat("é", 281) + `"},"quoted":null}`, KindConstraint, "$.content.body"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := DecodeClientFrame([]byte(tt.in))
			var de *DecodeError
			if !errors.As(err, &de) {
				t.Fatalf("got %v, want a *DecodeError", err)
			}
			if de.Kind != tt.kind || de.Path != tt.path {
				t.Errorf("got %s at %s (%s), want %s at %s", de.Kind, de.Path, de.Reason, tt.kind, tt.path)
			}
		})
	}
}

func TestNestedUnionsEncodeRefusesNil(t *testing.T) {
	var nilText *Text
	for name, f := range map[string]Post{
		"nil required union":   {},
		"nil pointer variant":  {Content: nilText},
		"nil inside a group":   {Content: Group{Title: "g", Children: []Content{nil}}},
		"invalid inner member": {Content: Ref{Target: Leaf{N: -1}}},
	} {
		data, err := EncodeClientFrame(f)
		var ve *ValidationError
		if !errors.As(err, &ve) || data != nil {
			t.Errorf("%s: got %s, %v; want a *ValidationError", name, data, err)
		}
	}
}
