package compat_test

import (
	"fmt"
	"os"

	"github.com/framegen/framegen/schema"
	"github.com/framegen/framegen/schema/compat"
)

func ExampleCompare() {
	old, err := schema.Parse("old.yaml", []byte(`framegen: 1
protocol: chat
enums:
  State: {values: [online, away]}
frames:
  hello: {from: client, fields: {state: State}}
  welcome: {from: server, fields: {state: State}}
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	new, err := schema.Parse("new.yaml", []byte(`framegen: 1
protocol: chat
enums:
  State: {values: [online, away, busy]}
frames:
  hello: {from: client, fields: {state: State}}
  welcome: {from: server, fields: {state: State}}
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	// The enum travels both ways: old clients cannot read "busy" from the new server, while
	// the new server reads everything old clients send.
	fs := compat.Compare(old, new, compat.Options{})
	if err := compat.Write(os.Stdout, compat.Text, fs); err != nil {
		fmt.Println(err)
	}
	fmt.Println("breaking:", compat.CountBreaking(fs))
	// Output:
	// new.yaml:4:34: info: ENUM_VALUE_ADDED: enum "State": value "busy" added [client→server]
	// new.yaml:4:34: breaking: ENUM_VALUE_ADDED: enum "State": value "busy" added [server→client]
	// breaking: 1
}
