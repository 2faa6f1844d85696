package bench

import (
	"fmt"
	"go/format"
	"strings"
	"testing"

	"github.com/framegen/framegen/gen/golang"
	"github.com/framegen/framegen/schema"
)

// generatorSizes are the frame counts of the generator benchmarks.
var generatorSizes = []int{100, 1000, 5000}

// syntheticSchema returns a schema with n frames over the chat example's enums, types and
// union. Frames take turns at the three directions and at four shapes (scalars with
// constraints, a nested object and a closed enum, a list of the union, optional and
// nullable fields), so each frame costs about what a real one does.
func syntheticSchema(n int) []byte {
	var sb strings.Builder
	sb.WriteString(`framegen: 1
protocol: synthetic
unknown_fields: ignore
enums:
  ConnectionState:
    values: [connecting, connected, closing, closed]
  AuthErrorCode:
    values: [invalid_token, expired, forbidden]
types:
  User:
    fields:
      id: uuid
      name: {type: string, min_length: 1, max_length: 64}
      avatar_url: string?
  ImageAttachment:
    fields:
      url: string
      width: {type: int, min: 1}
      height: {type: int, min: 1}
  FileAttachment:
    fields:
      url: string
      mime: string
      size: {type: int, min: 0}
unions:
  Attachment:
    tag: kind
    variants:
      image: ImageAttachment
      file: FileAttachment
frames:
`)
	dirs := [...]string{"client", "server", "both"}
	shapes := [...]string{
		`      room_id: string
      seq: {type: int, min: 0}
      text: {type: string, max_length: 4000}
      sent_at: time
`,
		`      author: User
      state: ConnectionState
      code: AuthErrorCode
      ratio: {type: float, min: 0, max: 1}
`,
		`      attachments: {type: "list<Attachment>", optional: true, max_items: 10}
      mentions: list<string>?
      meta: map<string>?
`,
		`      note: {type: string, nullable: true, optional: true}
      retry_after_ms: {type: int, optional: true, min: 0}
      payload: json
      blob: bytes?
`,
	}
	for i := range n {
		fmt.Fprintf(&sb, "  frame_%d:\n    from: %s\n    description: Synthetic frame number %d.\n    fields:\n%s",
			i, dirs[i%len(dirs)], i, shapes[i%len(shapes)])
	}
	return []byte(sb.String())
}

// generate loads and checks a schema, then generates its Go package: what
// `framegen generate` does, without the file writes.
func generate(data []byte) ([]golang.File, error) {
	p, err := schema.Parse("synthetic.frames.yaml", data)
	if err != nil {
		return nil, fmt.Errorf("load: %w", err)
	}
	files, err := golang.Generate(p, golang.Options{})
	if err != nil {
		return nil, fmt.Errorf("generate: %w", err)
	}
	return files, nil
}

// TestSyntheticSchema checks that the generator benchmarks' schema loads and generates, and
// that its frames take every direction and shape, so the benchmarks measure real work.
func TestSyntheticSchema(t *testing.T) {
	files, err := generate(syntheticSchema(12))
	if err != nil {
		t.Fatal(err)
	}
	var all strings.Builder
	for _, f := range files {
		all.Write(f.Content)
	}
	for _, want := range []string{"type Frame0 struct", "type Frame11 struct", "Attachments []Attachment", "func DecodeClientFrame(", "func EncodeServerFrame("} {
		if !strings.Contains(all.String(), want) {
			t.Errorf("generated code lacks %q", want)
		}
	}
}

// BenchmarkGenerate measures load + check + generate (jennifer rendering and gofmt
// included, as framegen runs them) for n-frame schemas.
func BenchmarkGenerate(b *testing.B) {
	for _, n := range generatorSizes {
		data := syntheticSchema(n)
		b.Run(fmt.Sprintf("frames=%d", n), func(b *testing.B) {
			files, err := generate(data)
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(outputSize(files))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := generate(data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkFormat measures go/format.Source on the very files BenchmarkGenerate produces
// for the same schema: the yardstick for the generator's own cost.
func BenchmarkFormat(b *testing.B) {
	for _, n := range generatorSizes {
		files, err := generate(syntheticSchema(n))
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("frames=%d", n), func(b *testing.B) {
			b.SetBytes(outputSize(files))
			b.ReportAllocs()
			for b.Loop() {
				for _, f := range files {
					if _, err := format.Source(f.Content); err != nil {
						b.Fatalf("%s: %v", f.Name, err)
					}
				}
			}
		})
	}
}

func outputSize(files []golang.File) int64 {
	n := 0
	for _, f := range files {
		n += len(f.Content)
	}
	return int64(n)
}
