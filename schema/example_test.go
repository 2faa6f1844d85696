package schema_test

import (
	"errors"
	"fmt"
	"strings"

	"github.com/framegen/framegen/schema"
)

func ExampleParse() {
	src := []byte(`framegen: 1
protocol: chat
enums:
  ConnectionState: {values: [connecting, connected]}
frames:
  auth_error:
    from: server
    fields:
      state: ConnState
      message: {type: string, min_length: 5, max_length: 1}
`)
	_, err := schema.Parse("chat.frames.yaml", src)
	var diags schema.Diagnostics
	if errors.As(err, &diags) {
		for _, d := range diags {
			fmt.Println(d)
		}
	}
	// Output:
	// chat.frames.yaml:9:14: frame "auth_error": field "state": unknown type "ConnState" (did you mean "ConnectionState"?)
	// chat.frames.yaml:10:58: frame "auth_error": field "message": min_length 5 is greater than max_length 1
}

func ExampleDump() {
	p, err := schema.Parse("ping.yaml", []byte(`framegen: 1
protocol: ping
frames:
  ping: {from: both, fields: {seq: {type: int, min: 0, example: 1}}}
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	// The hash of the bytes above is shortened for the example.
	fmt.Print(strings.Replace(schema.Dump(p), p.Hash, "…", 1))
	// Output:
	// protocol ping [ping] @1:1
	//   hash …
	// channel client max_frame_bytes=0 unknown_fields=ignore int_tags=false
	//   envelope internal tag_key="type" @-
	//   frames [ping]
	// channel server max_frame_bytes=0 unknown_fields=ignore int_tags=false
	//   envelope: same as client
	//   frames [ping]
	// frame ping [ping] from=both tag="ping" @4:3
	//   field seq [seq] int @4:31
	//     constraints min=0(int 0, float 0)
	//     example 1 @4:65
}
