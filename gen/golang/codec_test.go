package golang

import (
	"fmt"
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"

	"github.com/framegen/framegen/internal/difftext"
	"github.com/framegen/framegen/schema"
)

// Tests of the codec builders' output shapes. The golden cases in testdata compile and run
// the whole generated package; these pin the details a reader of codec.go relies on.

const codecSchema = `framegen: 1
protocol: shapes
types:
  First:
    fields:
      a: string
      b: int?
      c: {type: string, nullable: true}
  Late:
    fields:
      a: int?
      b: int?
      c: bool
      d: {type: int, optional: true, nullable: true}
frames:
  f:
    from: client
    fields:
      x: First
      y: Late
`

func parseCodecSchema(t *testing.T, src string) *protocol {
	t.Helper()
	m, err := schema.Parse("shapes.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return newProtocol(m, Options{})
}

// renderBody prints statements as Go, as a function body.
func renderBody(stmts []jen.Code) string {
	return fmt.Sprintf("%#v", jen.Func().Id("f").Params().Block(stmts...))
}

func TestAppendMembers(t *testing.T) {
	p := parseCodecSchema(t, codecSchema)
	tests := []struct {
		object string
		want   string
	}{
		{"First", `func f() {
	dst = append(dst, "{\"a\":"...)
	dst = appendString(dst, v.A)
	if v.B != nil {
		dst = append(dst, ",\"b\":"...)
		dst = appendInt(dst, *v.B)
	}
	dst = append(dst, ",\"c\":"...)
	if v.C == nil {
		dst = append(dst, "null"...)
	} else {
		dst = appendString(dst, *v.C)
	}
	return append(dst, '}')
}`},
		// Leading optional members: a comma only once something has been written.
		{"Late", `func f() {
	dst = append(dst, '{')
	start := len(dst)
	if v.A != nil {
		dst = append(dst, "\"a\":"...)
		dst = appendInt(dst, *v.A)
	}
	if v.B != nil {
		if len(dst) > start {
			dst = append(dst, ',')
		}
		dst = append(dst, "\"b\":"...)
		dst = appendInt(dst, *v.B)
	}
	if len(dst) > start {
		dst = append(dst, ',')
	}
	dst = append(dst, "\"c\":"...)
	dst = appendBool(dst, v.C)
	if v.D != nil {
		dst = append(dst, ",\"d\":"...)
		if v.D.Valid {
			dst = appendInt(dst, v.D.V)
		} else {
			dst = append(dst, "null"...)
		}
	}
	return append(dst, '}')
}`},
	}
	for _, tt := range tests {
		t.Run(tt.object, func(t *testing.T) {
			var o *object
			for _, c := range p.objects {
				if c.name == tt.object {
					o = c
				}
			}
			a := p.newAppender(noneWritten)
			a.text("{")
			a.members("v", o.fields)
			a.text("}")
			if got := renderBody(a.finish()); got != tt.want {
				t.Errorf("got:\n%s\ndiff:\n%s", got, difftext.Unified("want", "got", []byte(tt.want), []byte(got)))
			}
		})
	}
}

// TestManyFields: more than 64 known keys take a bitset of several words.
func TestManyFields(t *testing.T) {
	var b strings.Builder
	b.WriteString("framegen: 1\nprotocol: wide\nframes:\n  w:\n    from: client\n    fields:\n")
	for i := range 70 {
		fmt.Fprintf(&b, "      f%d: int\n", i)
	}
	m, err := schema.Parse("wide.yaml", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	files, err := Generate(m, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var codec string
	for _, f := range files {
		if f.Name == "codec.gen.go" {
			codec = string(f.Content)
		}
	}
	for _, want := range []string{
		"var seen [2]uint64",
		"if seen[1]&32 != 0 {\n\t\t\t\treturn duplicateKey(\"f69\")",
		"if seen[1]&32 == 0 {\n\t\treturn missingKey(\"f69\")",
		"if seen[0]&uint64(0x8000000000000000) != 0 {", // f63, the top bit of the first word
	} {
		if !strings.Contains(codec, want) {
			t.Errorf("codec.gen.go lacks %q", want)
		}
	}
}

func TestJSONText(t *testing.T) {
	for in, want := range map[string]string{
		"room_id": `"room_id"`,
		`a"b\c`:   `"a\"b\\c"`,
		"<é>":     `"<é>"`,
		"tab\t":   `"tab\t"`,
	} {
		if got := jsonText(in); got != want {
			t.Errorf("jsonText(%q) = %s, want %s", in, got, want)
		}
	}
}

// TestSharedTag: tags are unique per direction only, so a tag of the other side that is
// also one of ours is not listed as the other side's (a duplicate case would not compile).
func TestSharedTag(t *testing.T) {
	m, err := schema.Parse("shared.yaml", []byte(`framegen: 1
protocol: shared
frames:
  ping: {from: client, tag: p}
  pong: {from: server, tag: p}
  hello: {from: server}
`))
	if err != nil {
		t.Fatal(err)
	}
	files, err := Generate(m, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var codec string
	for _, f := range files {
		if f.Name == "codec.gen.go" {
			codec = string(f.Content)
		}
	}
	client := codec[strings.Index(codec, "func DecodeClientFrame"):]
	client = client[:strings.Index(client, "\n}\n")]
	server := codec[strings.Index(codec, "func DecodeServerFrame"):]
	server = server[:strings.Index(server, "\n}\n")]
	if strings.Count(client, `case "p":`) != 1 || !strings.Contains(client, "case \"hello\":\n\t\treturn nil, &UnknownFrameError{") {
		t.Errorf("DecodeClientFrame:\n%s", client)
	}
	if strings.Count(server, `case "p":`) != 1 || strings.Contains(server, "OtherDirection") {
		t.Errorf("DecodeServerFrame:\n%s", server)
	}
}
