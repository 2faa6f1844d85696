package openenums

import (
	"encoding/json"
	"errors"
	"reflect"
	"testing"
)

// Open enums keep unknown values through decode and encode; closed ones refuse them both
// ways.

func TestOpenEnumsKeepUnknown(t *testing.T) {
	in := `{"type":"paint","color":"purple","palette":["red","ultraviolet"],"by_name":{"a":0,"b":999}}`
	got, err := DecodeClientFrame([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	want := Paint{Color: "purple", Palette: []Color{ColorRed, "ultraviolet"}, ByName: map[string]Status{"a": StatusOk, "b": 999}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %#v, want %#v", got, want)
	}
	out, err := EncodeClientFrame(got)
	if err != nil || string(out) != in {
		t.Errorf("re-encoded %s, %v; want %s", out, err, in)
	}
	if want.Color.IsKnown() || !want.Color.IsValid() {
		t.Error("purple: want unknown but valid")
	}
}

func TestOpenEnumsServer(t *testing.T) {
	tests := []struct {
		in   string
		want Painted
	}{
		{`{"type":"painted","status":4000,"maybe":null}`, Painted{Status: 4000}},
		{`{"type":"painted","status":7,"previous":410,"maybe":"teal"}`, Painted{Status: StatusRetry, Previous: refStatus(StatusGone), Maybe: refColor("teal")}},
	}
	for _, tt := range tests {
		got, err := DecodeServerFrame([]byte(tt.in))
		if err != nil || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: got %#v, %v; want %#v", tt.in, got, err, tt.want)
			continue
		}
		if out, err := EncodeServerFrame(got); err != nil || string(out) != tt.in {
			t.Errorf("re-encoded %s, %v; want %s", out, err, tt.in)
		}
	}
}

func refStatus(s Status) *Status { return &s }
func refColor(c Color) *Color    { return &c }

func TestClosedEnumBesideOpenOnes(t *testing.T) {
	_, err := DecodeClientFrame([]byte(`{"type":"paint","color":"red","palette":[],"by_name":{},"shape":"triangle"}`))
	var de *DecodeError
	if !errors.As(err, &de) || de.Kind != KindUnknownEnum || de.Path != "$.shape" ||
		de.Reason != `unknown value "triangle" of Shape (want one of: circle, square)` {
		t.Fatalf("got %v", err)
	}
	_, err = DecodeClientFrame([]byte(`{"type":"paint","color":1,"palette":[],"by_name":{}}`))
	if !errors.As(err, &de) || de.Kind != KindWrongType || de.Path != "$.color" {
		t.Errorf("a number for a string enum: %v", err)
	}
	_, err = DecodeClientFrame([]byte(`{"type":"paint","color":"red","palette":[],"by_name":{"x":1.5}}`))
	if !errors.As(err, &de) || de.Kind != KindWrongType || de.Path != "$.by_name.x" {
		t.Errorf("a fraction for an int enum: %v", err)
	}
	if _, err := EncodeClientFrame(Paint{Color: "red", Shape: refShape("triangle")}); err == nil {
		t.Error("encoded a closed enum's unknown value")
	}
}

func refShape(s Shape) *Shape { return &s }

func TestEnumMarshalers(t *testing.T) {
	tests := []struct {
		name string
		v    any
		want string
	}{
		{"open string, unknown", Color("mauve"), `"mauve"`},
		{"open int, unknown", Status(4000), `4000`},
		{"closed", ShapeSquare, `"square"`},
	}
	for _, tt := range tests {
		data, err := json.Marshal(tt.v)
		if err != nil || string(data) != tt.want {
			t.Errorf("%s: Marshal = %s, %v; want %s", tt.name, data, err, tt.want)
		}
	}
	if _, err := json.Marshal(Shape("x")); err == nil {
		t.Error("marshalled an invalid closed enum")
	}
	var s Status
	if err := s.UnmarshalText([]byte("410")); err != nil || s != StatusGone {
		t.Errorf("UnmarshalText(410) = %v, %v", s, err)
	}
	if text, err := Status(4000).MarshalText(); err != nil || string(text) != "4000" {
		t.Errorf("MarshalText = %s, %v", text, err)
	}
	var sh Shape
	err := sh.UnmarshalText([]byte("oval"))
	var de *DecodeError
	if !errors.As(err, &de) || de.Kind != KindUnknownEnum {
		t.Errorf("UnmarshalText(oval) = %v", err)
	}
	var c Color
	if err := json.Unmarshal([]byte(`"new"`), &c); err != nil || c != "new" {
		t.Errorf("Unmarshal open = %v, %v", c, err)
	}
	if err := c.UnmarshalText([]byte("\xff")); !errors.As(err, &de) || de.Kind != KindInvalidUTF8 || c != "new" {
		t.Errorf("UnmarshalText(invalid UTF-8) = %v, value %q", err, c)
	}
}
