package schema

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strings"
	"testing"
)

// parseField parses a one-frame schema whose frame has field x with the given YAML, after
// the given top-level declarations.
func parseField(t *testing.T, decls, field string) (*Field, error) {
	t.Helper()
	src := "framegen: 1\nprotocol: t\n" + decls + "frames:\n  f:\n    from: client\n    fields:\n      x: " + field + "\n"
	p, err := Parse("t.yaml", []byte(src))
	if err != nil {
		return nil, err
	}
	return p.Frames()[0].Fields()[0], nil
}

const unitDecls = `enums:
  Color: {values: [red, green]}
  Code: {type: int, values: [{name: ok, value: 200}, {name: gone, value: 410}]}
types:
  Point: {fields: {x: int, "y": {type: int, optional: true}, label: {type: string, nullable: true}}}
unions:
  Shape: {tag: kind, variants: {point: Point}}
`

func TestTypeExpressions(t *testing.T) {
	tests := []struct {
		name, expr   string
		want         string // Type.String(), "" when an error is expected
		wantOptional bool
		wantErr      string
	}{
		{"builtin", "string", "string", false, ""},
		{"optional", "string?", "string", true, ""},
		{"spaces", "' list< int >? '", "list<int>", true, ""},
		{"nested", "list<map<list<Color>>>", "list<map<list<Color>>>", false, ""},
		{"enum", "Color", "Color", false, ""},
		{"object", "Point?", "Point", true, ""},
		{"union", "map<Shape>", "map<Shape>", false, ""},
		{"every builtin", "list<json>", "list<json>", false, ""},
		{"inner optional", "list<int?>", "", false, `invalid type "int?": ? may only end a field's type`},
		{"unclosed", "map<int", "", false, `invalid type "map<int": map< is not closed by >`},
		{"map with key", "'map<string,int>'", "", false, `invalid type "map<string,int>": map keys are always strings`},
		{"bare list", "list", "", false, "list needs an element type"},
		{"empty map", "map<>", "", false, "map needs an element type"},
		{"unknown", "Colour", "", false, `unknown type "Colour"`},
		{"case matters", "String", "", false, `unknown type "String"`},
		{"generic of unknown", "set<int>", "", false, `invalid type "set<int>"`},
		{"double optional", "'int??'", "", false, `invalid type "int?": ? may only end a field's type`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := parseField(t, unitDecls, tt.expr)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error = %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := f.Type.String(); got != tt.want || f.Optional != tt.wantOptional {
				t.Errorf("got %s optional=%t, want %s optional=%t", got, f.Optional, tt.want, tt.wantOptional)
			}
		})
	}
}

func TestExampleJSON(t *testing.T) {
	tests := []struct {
		name, field string
		want        string // Example.JSON
		wantEnum    string // Example.EnumValue's name
		wantErr     string
	}{
		{"string escapes", `{type: string, example: "a\"<b>\u00e9"}`, `"a\"<b>é"`, "", ""},
		{"int as float", "{type: int, example: 1e3}", "1000", "", ""},
		{"int hex", "{type: int, example: 0x1F}", "31", "", ""},
		{"int too big", "{type: int, example: 1e19}", "", "", "want an integer, not 1e19"},
		{"int32 range", "{type: int32, example: -2147483649}", "", "", "out of the int32 range"},
		{"float integral", "{type: float, example: 2}", "2", "", ""},
		{"float large", "{type: float, example: 1e21}", "1e+21", "", ""},
		{"float bound", "{type: float, max: 0.5, example: 0.6}", "", "", "0.6 is out of range […, 0.5]"},
		{"bool", "{type: bool, example: true}", "true", "", ""},
		{"time normalised", "{type: time, example: '2024-01-02T03:04:05.500000Z'}", `"2024-01-02T03:04:05.5Z"`, "", ""},
		{"time offset kept", "{type: time, example: '2024-01-02T03:04:05+05:30'}", `"2024-01-02T03:04:05+05:30"`, "", ""},
		{"uuid lower-cased", "{type: uuid, example: 6BA7B810-9DAD-11D1-80B4-00C04FD430C8}", `"6ba7b810-9dad-11d1-80b4-00c04fd430c8"`, "", ""},
		{"bytes", "{type: bytes, example: 'AA=='}", `"AA=="`, "", ""},
		{"bytes unpadded", "{type: bytes, example: 'AA'}", "", "", "is not standard base64"},
		{"string enum by name", "{type: Color, example: green}", `"green"`, "green", ""},
		{"int enum by name", "{type: Code, example: gone}", "410", "gone", ""},
		{"int enum by number", "{type: Code, example: 410}", "", "", `write values by name: did you mean "gone"?`},
		{"enum in list has no EnumValue", "{type: list<Color>, example: [red]}", `["red"]`, "", ""},
		{"object in field order", "{type: Point, example: {label: null, x: 1}}", `{"x":1,"label":null}`, "", ""},
		{"object null not nullable", "{type: Point, example: {x: null, label: a}}", "", "", "at .x: null, but the field is not nullable"},
		{"union tag first", "{type: Shape, example: {x: 1, kind: point, label: l}}", `{"kind":"point","x":1,"label":"l"}`, "", ""},
		{"union missing tag", "{type: Shape, example: {x: 1, label: l}}", "", "", `missing the tag key "kind" of union "Shape"`},
		{"map keeps order", "{type: map<int>, example: {b: 1, a: 2}}", `{"b":1,"a":2}`, "", ""},
		{"odd key path", "{type: map<int>, example: {a b: x}}", "", "", `at ["a b"]: want a number`},
		{"json anything", "{type: json, example: {a: [1, 2.5, x, null, false]}}", `{"a":[1,2.5,"x",null,false]}`, "", ""},
		{"json null", "{type: json, example: null}", "null", "", ""},
		{"nullable null", "{type: int, nullable: true, example: ~}", "null", "", ""},
		{"alias", "{type: list<int>, example: &a [1], description: x}", "[1]", "", ""},
		{"list item path", "{type: list<Point>, example: [{x: 1, label: a}, {label: b}]}", "", "", `at [1]: missing required field "x"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := parseField(t, unitDecls, tt.field)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error = %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if f.Example == nil {
				t.Fatal("no example")
			}
			if f.Example.JSON != tt.want {
				t.Errorf("JSON = %s, want %s", f.Example.JSON, tt.want)
			}
			got := ""
			if f.Example.EnumValue != nil {
				got = f.Example.EnumValue.Name.Wire
			}
			if got != tt.wantEnum {
				t.Errorf("EnumValue = %q, want %q", got, tt.wantEnum)
			}
		})
	}
}

func TestConstraintsKeepText(t *testing.T) {
	f, err := parseField(t, "", "{type: float, min: 1.50, max: 1e3}")
	if err != nil {
		t.Fatal(err)
	}
	c := f.Constraints
	if c.Min.Text != "1.50" || c.Min.Float != 1.5 || c.Max.Text != "1e3" || c.Max.Float != 1000 {
		t.Errorf("min = %+v, max = %+v", *c.Min, *c.Max)
	}
	f, err = parseField(t, "", "{type: int, min: 0x10, max: 2e3}")
	if err != nil {
		t.Fatal(err)
	}
	if c := f.Constraints; c.Min.Int != 16 || c.Min.Text != "0x10" || c.Max.Int != 2000 {
		t.Errorf("min = %+v, max = %+v", *c.Min, *c.Max)
	}
}

// TestModel checks what generators rely on beyond the dumps: defaults, channels, hash,
// shared pointers, and accessor copies.
func TestModel(t *testing.T) {
	src := []byte(`framegen: 1
protocol: t
max_frame_bytes: {server: 100}
unknown_fields: reject
types:
  A: {fields: {x: int}}
unions:
  U: {variants: {a: A}}
frames:
  up: {from: client, fields: {u: U}}
  down: {from: server, tag: 7}
  both: {from: both, tag: 8}
`)
	_, err := Parse("t.yaml", src)
	var diags Diagnostics
	if !errors.As(err, &diags) || !strings.Contains(err.Error(), `frame "both": integer tag 8, but the tags of the frames the client sends are strings (frame "up"`) {
		t.Fatalf("mixed tags: err = %v", err)
	}
	src = []byte(strings.Replace(string(src), "up: {from: client,", "up: {from: client, tag: 1,", 1))
	p, err := Parse("t.yaml", src)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(src)
	if p.Hash != hex.EncodeToString(sum[:]) {
		t.Errorf("Hash = %s", p.Hash)
	}
	c, s := p.Channel(Client), p.Channel(Server)
	if c.Envelope != s.Envelope || c.Envelope.Tagging != Internal || c.Envelope.TagKey != "type" || c.Envelope.ContentKey != "" {
		t.Errorf("default envelope: %+v %+v", c.Envelope, s.Envelope)
	}
	if c.MaxFrameBytes != 0 || s.MaxFrameBytes != 100 || c.UnknownFields != Reject || s.UnknownFields != Reject {
		t.Errorf("channel limits: client %d %v, server %d %v", c.MaxFrameBytes, c.UnknownFields, s.MaxFrameBytes, s.UnknownFields)
	}
	if !c.IntTags || !s.IntTags {
		t.Errorf("IntTags: client %t, server %t", c.IntTags, s.IntTags)
	}
	names := func(fs []*Frame) string {
		var out []string
		for _, f := range fs {
			out = append(out, f.Name.Wire+"="+f.Tag.String())
		}
		return strings.Join(out, " ")
	}
	if got := names(c.Frames()); got != "up=1 both=8" {
		t.Errorf("client frames = %s", got)
	}
	if got := names(s.Frames()); got != "down=7 both=8" {
		t.Errorf("server frames = %s", got)
	}
	u := p.Unions()[0]
	if u.TagKey != "type" || u.Variants()[0].Object != p.Objects()[0] {
		t.Errorf("union: tag %q, variant %p, object %p", u.TagKey, u.Variants()[0].Object, p.Objects()[0])
	}
	if ft := p.Frames()[0].Fields()[0].Type; ft.Kind != KindUnion || ft.Union != u {
		t.Errorf("field type = %v", ft)
	}
	fs := p.Frames()
	fs[0] = nil
	if p.Frames()[0] == nil {
		t.Error("Frames returned the model's own slice")
	}
}

// TestDeterministic parses the same schema twice and compares the dumps and errors.
func TestDeterministic(t *testing.T) {
	for _, file := range append(caseFiles(t, "valid"), caseFiles(t, "bad")...) {
		p1, err1 := Load(file)
		p2, err2 := Load(file)
		if (err1 == nil) != (err2 == nil) || err1 != nil && err1.Error() != err2.Error() {
			t.Errorf("%s: errors differ: %v / %v", file, err1, err2)
		}
		if p1 != nil && Dump(p1) != Dump(p2) {
			t.Errorf("%s: dumps differ", file)
		}
	}
}

// TestLimits lowers the loader's limits to show that aliases which repeat mappings or
// values many times end in a diagnostic, not in exhausted memory.
func TestLimits(t *testing.T) {
	src := []byte(`framegen: 1
protocol: t
types:
  Big:
    fields: &f
      a: string
      b: string
      c: {type: json, example: &v [1, 2, 3]}
      d: {type: json, example: [*v, *v, *v, *v]}
frames:
  one: {from: client, fields: *f}
  two: {from: client, fields: *f}
`)
	tests := []struct {
		name            string
		entries, budget int
		want            string
	}{
		{"within limits", 1000, 1000, ""},
		{"mapping entries", 20, 1000, `t.yaml:5:13: frame "one": the schema is too large: its mappings, with aliases expanded, exceed 1048576 entries`},
		{"value nodes", 1000, 10, `t.yaml:8:32: frame "one": field "c": example: value is nested too deeply or too large`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := newLoader("t.yaml")
			l.entries, l.budget = tt.entries, tt.budget
			_, err := parse(l, src)
			got := ""
			if err != nil {
				got = strings.Split(err.Error(), "\n")[0]
			}
			if got != tt.want {
				t.Errorf("first error = %q\nwant %q", got, tt.want)
			}
		})
	}
}
