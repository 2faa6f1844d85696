package sample

import (
	"bytes"
	"encoding/json"
	"strings"
)

// object is a JSON object under construction: members in the order they were added, each
// value already JSON text.
type object struct {
	members []member
}

type member struct {
	key   string
	value string // JSON text
}

func (o *object) add(key, value string) { o.members = append(o.members, member{key, value}) }

// String returns the object as compact JSON.
func (o object) String() string {
	var b strings.Builder
	b.WriteByte('{')
	for i, m := range o.members {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(quote(m.key))
		b.WriteByte(':')
		b.WriteString(m.value)
	}
	b.WriteByte('}')
	return b.String()
}

// quote returns s as a JSON string, without the HTML escaping of json.Marshal, so that docs
// show `<` as `<`.
func quote(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes
	return strings.TrimSuffix(b.String(), "\n")
}
