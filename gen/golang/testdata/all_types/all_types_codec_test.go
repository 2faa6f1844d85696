package alltypes

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
)

// Codec round trips over every field type and every optional/nullable representation:
// absent, null, zero and set stay apart through encode and decode.

func ref[T any](v T) *T { return &v }

var (
	when = time.Date(2026, 2, 3, 4, 5, 6, 7000, time.UTC)
	uuid = "0b6e1c5e-6a1f-4f7a-9c1e-2d3f4a5b6c7d"
)

func scalars() Scalars {
	return Scalars{S: "s\u00e9\"", B: true, I: -1 << 62, I32: -1 << 31, F: 0.1, T: when, U: uuid,
		Raw: []byte{0, 1, 2, 255}, J: json.RawMessage(`{"k":[true,null]}`), Level: LevelHigh, Code: CodeTwo}
}

func constrained() Constrained {
	return Constrained{Name: "ab", Code: "ABC", Age: 150, Small: -10, Ratio: 1.5, Tags: []string{"t"}, Scores: map[string]float64{}}
}

func tree() Tree {
	return Tree{
		Value:    1,
		Children: []Tree{{Value: 2, Children: []Tree{}, Matrix: [][]string{}}},
		Named:    map[string]Tree{"x": {Value: 3, Children: []Tree{}, Matrix: [][]string{{uuid}}}},
		Parent:   &Tree{Value: 0, Children: []Tree{}, Matrix: [][]string{}},
		Matrix:   [][]string{{}, {uuid, uuid}},
		Nested:   map[string][]Leaf{"a": {{N: 1}}, "b": {}},
	}
}

// everything returns frames that cover the representations: set, zero, null and absent.
func everything() map[string]Everything {
	base := Everything{Scalars: scalars(), Constrained: constrained(), Tree: tree(),
		// nil required json and slices: written as null, [] and {}, read back as such
		Nullables: Nullables{J: json.RawMessage("null")}}
	set := base
	set.Optionals = Optionals{S: ref(""), B: ref(false), I: ref(int64(0)), I32: ref(int32(0)), F: ref(0.0), T: ref(when), U: ref(uuid),
		Raw: []byte{}, J: json.RawMessage(`"x"`), Level: ref(LevelLow), List: []int64{}, Map: map[string]string{},
		Obj: ref(scalars()), Union: Square{Side: 0}}
	set.Nullables = Nullables{S: ref("a"), I: ref(int64(1)), F: ref(-2.5), T: ref(when), Raw: []byte("r"), J: json.RawMessage(`[]`),
		Level: ref(LevelHigh), List: []string{"a"}, Map: map[string]int64{"k": 1}, Obj: &Leaf{N: 1}, Union: Circle{Radius: 1, SecretName: ref("n")}}
	set.Both = Both{S: &Null[string]{V: "", Valid: true}, I: &Null[int64]{V: 1, Valid: true}, U: &Null[string]{V: uuid, Valid: true},
		Level: &Null[Level]{V: LevelLow, Valid: true}, List: &Null[[]string]{V: []string{}, Valid: true},
		Obj: &Null[Leaf]{Valid: true}, Union: &Null[Shape]{V: Square{Side: 2}, Valid: true}, J: json.RawMessage("null")}
	set.Defaults = Defaults{S: ref(""), B: ref(false), I: ref(int64(0)), I32: ref(int32(0)), F: ref(0.0), Level: ref(LevelLow), Code: ref(CodeOne), N: &Null[int64]{}}
	set.Old = &OldThing{LegacyValue: "old"}
	null := base
	null.Both = Both{S: &Null[string]{}, I: &Null[int64]{}, U: &Null[string]{}, Level: &Null[Level]{}, List: &Null[[]string]{},
		Obj: &Null[Leaf]{}, Union: &Null[Shape]{}}
	return map[string]Everything{"absent and null": base, "set and zero": set, "null in optional nullables": null}
}

func TestAllTypesRoundTrip(t *testing.T) {
	for name, f := range everything() {
		t.Run(name, func(t *testing.T) {
			data, err := EncodeClientFrame(f)
			if err != nil {
				t.Fatalf("encode: %v", err)
			}
			got, err := DecodeClientFrame(data)
			if err != nil {
				t.Fatalf("decode %s: %v", data, err)
			}
			if !reflect.DeepEqual(got, f) {
				t.Errorf("decode(encode(x)) != x\ngot  %#v\nwant %#v\nwire %s", got, f, data)
			}
			again, err := EncodeClientFrame(got)
			if err != nil || !bytes.Equal(again, data) {
				t.Errorf("re-encoding differs: %v\n%s\n%s", err, again, data)
			}
		})
	}
}

func TestAllTypesWireForms(t *testing.T) {
	frames := everything()
	tests := []struct {
		frame string
		want  []string // fragments of the wire form
		not   []string
	}{
		{"absent and null", []string{
			`"optionals":{}`, // every optional absent
			`"nullables":{"s":null,"i":null,"f":null,"t":null,"raw":null,"j":null,"level":null,"list":null,"map":null,"obj":null,"union":null}`,
			`"both":{}`, `"defaults":{}`,
			`"scalars":{"s":"sé\"","b":true,"i":-4611686018427387904,"i32":-2147483648,"f":0.1,"t":"2026-02-03T04:05:06.000007Z","u":"0b6e1c5e-6a1f-4f7a-9c1e-2d3f4a5b6c7d","raw":"AAEC/w==","j":{"k":[true,null]},"level":"high","code":2}`,
		}, []string{`"old"`}},
		{"set and zero", []string{
			`"optionals":{"s":"","b":false,"i":0,"i32":0,"f":0,`, `"raw":"","j":"x","level":"low","list":[],"map":{},`,
			`"union":{"type":"square","side":0}`, `"union":{"type":"circle","radius":1,"secret_name":"n"}`,
			`"both":{"s":"","i":1,"u":"0b6e1c5e-6a1f-4f7a-9c1e-2d3f4a5b6c7d","level":"low","list":[],"obj":{"n":0},"union":{"type":"square","side":2},"j":null}`,
			`"defaults":{"s":"","b":false,"i":0,"i32":0,"f":0,"level":"low","code":1,"n":null}`,
			`"tree":{"value":1,"children":[{"value":2,"children":[],"matrix":[]}],"named":{"x":`, `"nested":{"a":[{"n":1}],"b":[]}`,
		}, nil},
		{"null in optional nullables", []string{`"both":{"s":null,"i":null,"u":null,"level":null,"list":null,"obj":null,"union":null}`}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.frame, func(t *testing.T) {
			data, err := EncodeClientFrame(frames[tt.frame])
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.want {
				if !strings.Contains(string(data), w) {
					t.Errorf("wire form lacks %s\n%s", w, data)
				}
			}
			for _, w := range tt.not {
				if strings.Contains(string(data), w) {
					t.Errorf("wire form has %s\n%s", w, data)
				}
			}
		})
	}
}

// TestAllTypesEqualsEncodingJSON compares scalars with what encoding/json writes for a
// plain struct of the same shape.
func TestAllTypesEqualsEncodingJSON(t *testing.T) {
	s := scalars()
	plain := struct {
		S     string          `json:"s"`
		B     bool            `json:"b"`
		I     int64           `json:"i"`
		I32   int32           `json:"i32"`
		F     float64         `json:"f"`
		T     time.Time       `json:"t"`
		U     string          `json:"u"`
		Raw   []byte          `json:"raw"`
		J     json.RawMessage `json:"j"`
		Level string          `json:"level"`
		Code  int             `json:"code"`
	}{s.S, s.B, s.I, s.I32, s.F, s.T, s.U, s.Raw, s.J, "high", 2}
	for _, f := range []float64{0.1, 1e21, 1e-7, -0, 123456789, 5e-324} {
		s.F, plain.F = f, f
		ours, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		theirs, err := json.Marshal(plain)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(ours, theirs) {
			t.Errorf("ours   %s\ntheirs %s", ours, theirs)
		}
	}
}

func TestAllTypesRejects(t *testing.T) {
	valid, err := EncodeClientFrame(everything()["absent and null"])
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, from, to string
		kind           DecodeErrorKind
		path           string
	}{
		{"null where not nullable", `"optionals":{}`, `"optionals":{"s":null}`, KindNull, "$.optionals.s"},
		{"int32 out of range", `"i32":-2147483648`, `"i32":-2147483649`, KindWrongType, "$.scalars.i32"},
		{"bad base64", `"raw":"AAEC/w=="`, `"raw":"AAEC/w="`, KindWrongType, "$.scalars.raw"},
		{"closed int enum", `"code":2}`, `"code":3}`, KindUnknownEnum, "$.scalars.code"},
		{"duplicate in json", `"j":{"k":[true,null]}`, `"j":{"k":1,"k":2}`, KindDuplicateKey, "$.scalars.j.k"},
		{"duplicate map key", `"b":[]}`, `"b":[],"b":[]}`, KindDuplicateKey, `$.tree.nested.b`},
		{"map key path", `"b":[]}`, `"b":[{"n":"x"}]}`, KindWrongType, `$.tree.nested.b[0].n`},
		{"nested list path", `"matrix":[[],`, `"matrix":[[],[1],`, KindWrongType, "$.tree.matrix[1][0]"},
		{"unknown shape", `"optionals":{}`, `"optionals":{"union":{"type":"hexagon"}}`, KindUnknownEnum, "$.optionals.union.type"},
		{"constraint on Null", `"both":{}`, `"both":{"i":0}`, KindConstraint, "$.both.i"},
		{"pattern", `"code":"ABC"`, `"code":"abc"`, KindConstraint, "$.constrained.code"},
		{"min items", `"tags":["t"]`, `"tags":[]`, KindConstraint, "$.constrained.tags"},
		{"max length in runes", `"name":"ab"`, `"name":"ééééé€"`, KindConstraint, "$.constrained.name"},
		{"float range", `"ratio":1.5`, `"ratio":1.5000001`, KindConstraint, "$.constrained.ratio"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := strings.Replace(string(valid), tt.from, tt.to, 1)
			if in == string(valid) {
				t.Fatalf("%s not in %s", tt.from, valid)
			}
			_, err := DecodeClientFrame([]byte(in))
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

// TestAllTypesSecretsInErrors: decode errors about secret fields never quote the value.
func TestAllTypesSecretsInErrors(t *testing.T) {
	in := `{"type":"login","otp":"123456","vault":{"main":{"user":"u","password":"pw12"},"all":[],"by_name":{},"shape":{"type":"square","side":1}}}`
	_, err := DecodeClientFrame([]byte(in))
	var de *DecodeError
	if !errors.As(err, &de) || de.Kind != KindConstraint || de.Path != "$.vault.main.password" {
		t.Fatalf("got %v, want a constraint error at $.vault.main.password", err)
	}
	if strings.Contains(err.Error(), "pw12") {
		t.Errorf("error %q shows the secret", err)
	}
}
