package sample_test

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"math"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/framegen/framegen/internal/sample"
	"github.com/framegen/framegen/schema"
)

// TestFrameConforms checks every sample of the testdata schemas against the schema with a
// small independent checker: tag and envelope, required keys and no unknown ones, JSON
// types, formats, enum values and every constraint. Until generated decoders exist, this is
// what holds the samples to "satisfies every constraint".
func TestFrameConforms(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "*", "schema.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range files {
		p, err := schema.Load(file)
		if err != nil {
			t.Fatalf("load %s: %v", file, err)
		}
		for _, f := range p.Frames() {
			for _, side := range schema.Sides {
				if !f.From.Has(side) {
					continue
				}
				b, err := sample.Frame(p, f, side)
				if err != nil {
					t.Errorf("%s: frame %s (%v): %v", file, f.Name.Wire, side, err)
					continue
				}
				for _, problem := range conform(p, f, side, b) {
					t.Errorf("%s: frame %s (%v): %s\n%s", file, f.Name.Wire, side, problem, b)
				}
			}
		}
	}
}

// TestConformCatchesMistakes makes sure the checker above can fail.
func TestConformCatchesMistakes(t *testing.T) {
	p, err := schema.Load(filepath.Join("testdata", "constraints", "schema.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	f := p.Frames()[0]
	good, err := sample.Frame(p, f, schema.Client)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ name, old, new, want string }{
		{"bound", `"count": -10`, `"count": -9`, "$.count: -9 above max -10"},
		{"enum", `"level": "low"`, `"level": "medium"`, `$.level: "medium" is no value of enum Level`},
		{"format", `"blob": "aGVsbG8="`, `"blob": "%%%"`, "$.blob: not base64"},
		{"missing", `"flag": true,`, ``, "$.flag: missing"},
		{"tag", `"type": "draw"`, `"type": "paint"`, `$.type: tag "paint", want "draw"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bad := bytes.Replace(good, []byte(tt.old), []byte(tt.new), 1)
			if bytes.Equal(bad, good) {
				t.Fatalf("sample has no %q", tt.old)
			}
			if got := conform(p, f, schema.Client, bad); !slices.Contains(got, tt.want) {
				t.Errorf("problems %q, want %q among them", got, tt.want)
			}
		})
	}
}

// conform returns every way data fails to be a valid wire form of f sent by side.
func conform(p *schema.Protocol, f *schema.Frame, side schema.Side, data []byte) []string {
	c := &checker{}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return []string{err.Error()}
	}
	top, ok := v.(map[string]any)
	if !ok {
		return []string{"$: not an object"}
	}
	env := p.Channel(side).Envelope
	var tag any = f.Tag.Str
	if f.Tag.IsInt {
		tag = json.Number(strconv.FormatInt(f.Tag.Int, 10))
	}
	var body any
	known := map[string]bool{}
	switch env.Tagging {
	case schema.Internal, schema.Adjacent:
		if top[env.TagKey] != tag {
			c.errorf("$.%s: tag %v, want %v", env.TagKey, quoteAny(top[env.TagKey]), quoteAny(tag))
		}
		known[env.TagKey] = true
		body = top
		if env.Tagging == schema.Adjacent {
			body = top[env.ContentKey]
			known[env.ContentKey] = true
			if len(f.Fields()) == 0 && body != nil {
				c.errorf("$.%s: present for a frame without fields", env.ContentKey)
			}
			if body == nil {
				body = map[string]any{}
			}
		}
	case schema.External:
		body = top[f.Tag.Str]
		known[f.Tag.Str] = true
	}
	c.fields("$", top, env.Fields(), known, false)
	if env.Tagging == schema.Internal {
		for _, fd := range f.Fields() {
			known[fd.Name.Wire] = true
		}
		c.fields("$", top, f.Fields(), known, true)
	} else {
		path := "$." + env.ContentKey
		if env.Tagging == schema.External {
			path = "$." + f.Tag.Str
		}
		obj, ok := body.(map[string]any)
		if !ok {
			c.errorf("%s: not an object", path)
		} else {
			c.fields(path, obj, f.Fields(), map[string]bool{}, true)
		}
	}
	for k := range top {
		if !known[k] {
			c.errorf("$.%s: unknown key", k)
		}
	}
	return c.problems
}

type checker struct{ problems []string }

func (c *checker) errorf(format string, args ...any) {
	c.problems = append(c.problems, fmt.Sprintf(format, args...))
}

// fields checks obj against fs; known lists keys that belong elsewhere (tag, envelope); with
// closed set, any other key is an error.
func (c *checker) fields(path string, obj map[string]any, fs []*schema.Field, known map[string]bool, closed bool) {
	for _, f := range fs {
		known[f.Name.Wire] = true
		v, ok := obj[f.Name.Wire]
		p := path + "." + f.Name.Wire
		switch {
		case !ok && !f.Optional:
			c.errorf("%s: missing", p)
		case ok && v == nil && !f.Nullable && f.Type.Kind != schema.KindJSON:
			c.errorf("%s: null", p)
		case ok && v != nil:
			c.value(p, f, f.Type, true, v)
		}
	}
	if closed {
		for k := range obj {
			if !known[k] {
				c.errorf("%s.%s: unknown key", path, k)
			}
		}
	}
}

func (c *checker) value(path string, f *schema.Field, t *schema.Type, own bool, v any) {
	var k schema.Constraints
	if own {
		k = f.Constraints
	}
	switch t.Kind {
	case schema.KindString, schema.KindTime, schema.KindUUID, schema.KindBytes:
		s, ok := v.(string)
		if !ok {
			c.errorf("%s: not a string", path)
			return
		}
		n := int64(utf8.RuneCountInString(s))
		if k.MinLength != nil && n < *k.MinLength || k.MaxLength != nil && n > *k.MaxLength {
			c.errorf("%s: length %d out of bounds", path, n)
		}
		if k.Pattern != "" && !regexp.MustCompile(`^(?:`+k.Pattern+`)$`).MatchString(s) {
			c.errorf("%s: %q does not match %q", path, s, k.Pattern)
		}
		switch t.Kind {
		case schema.KindTime:
			if _, err := time.Parse(time.RFC3339Nano, s); err != nil {
				c.errorf("%s: not RFC 3339", path)
			}
		case schema.KindUUID:
			if !regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`).MatchString(s) {
				c.errorf("%s: not a lower-case uuid", path)
			}
		case schema.KindBytes:
			if _, err := base64.StdEncoding.DecodeString(s); err != nil {
				c.errorf("%s: not base64", path)
			}
		}
	case schema.KindBool:
		if _, ok := v.(bool); !ok {
			c.errorf("%s: not a bool", path)
		}
	case schema.KindInt, schema.KindInt32, schema.KindFloat:
		num, ok := v.(json.Number)
		if !ok {
			c.errorf("%s: not a number", path)
			return
		}
		x, err := num.Float64()
		if err != nil || (t.Kind != schema.KindFloat && x != math.Trunc(x)) {
			c.errorf("%s: %s is not a valid %v", path, num, t.Kind)
		}
		if t.Kind == schema.KindInt32 && (x < math.MinInt32 || x > math.MaxInt32) {
			c.errorf("%s: %s out of int32 range", path, num)
		}
		if k.Min != nil && x < k.Min.Float {
			c.errorf("%s: %s below min %s", path, num, k.Min.Text)
		}
		if k.Max != nil && x > k.Max.Float {
			c.errorf("%s: %s above max %s", path, num, k.Max.Text)
		}
	case schema.KindJSON:
	case schema.KindList, schema.KindMap:
		var n int
		if t.Kind == schema.KindList {
			items, ok := v.([]any)
			if !ok {
				c.errorf("%s: not an array", path)
				return
			}
			n = len(items)
			for i, item := range items {
				c.value(path+"["+strconv.Itoa(i)+"]", f, t.Elem, false, item)
			}
		} else {
			m, ok := v.(map[string]any)
			if !ok {
				c.errorf("%s: not an object", path)
				return
			}
			n = len(m)
			for key, item := range m {
				c.value(path+"."+key, f, t.Elem, false, item)
			}
		}
		if k.MinItems != nil && int64(n) < *k.MinItems || k.MaxItems != nil && int64(n) > *k.MaxItems {
			c.errorf("%s: %d items out of bounds", path, n)
		}
	case schema.KindEnum:
		for _, ev := range t.Enum.Values() {
			if t.Enum.IsInt && v == json.Number(strconv.FormatInt(ev.Value, 10)) || !t.Enum.IsInt && v == ev.Name.Wire {
				return
			}
		}
		if !t.Enum.Open {
			c.errorf("%s: %s is no value of enum %s", path, quoteAny(v), t.Enum.Name.Wire)
		}
	case schema.KindObject:
		obj, ok := v.(map[string]any)
		if !ok {
			c.errorf("%s: not an object", path)
			return
		}
		c.fields(path, obj, t.Object.Fields(), map[string]bool{}, true)
	case schema.KindUnion:
		obj, ok := v.(map[string]any)
		if !ok {
			c.errorf("%s: not an object", path)
			return
		}
		for _, va := range t.Union.Variants() {
			if obj[t.Union.TagKey] == va.Tag {
				c.fields(path, obj, va.Object.Fields(), map[string]bool{t.Union.TagKey: true}, true)
				return
			}
		}
		c.errorf("%s.%s: unknown variant %s", path, t.Union.TagKey, quoteAny(obj[t.Union.TagKey]))
	}
}

func quoteAny(v any) string {
	if s, ok := v.(string); ok {
		return strconv.Quote(s)
	}
	return fmt.Sprint(v)
}
