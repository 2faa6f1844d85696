package sample_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/framegen/framegen/internal/difftext"
	"github.com/framegen/framegen/internal/sample"
	"github.com/framegen/framegen/schema"
)

// golden compares got with the file want, or rewrites it when UPDATE_GOLDEN is set.
func golden(t *testing.T, want string, got []byte) {
	t.Helper()
	if os.Getenv("UPDATE_GOLDEN") != "" {
		if err := os.WriteFile(want, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	data, err := os.ReadFile(want)
	if err != nil {
		t.Fatalf("%v (run with UPDATE_GOLDEN=1 to create it)", err)
	}
	if !bytes.Equal(data, got) {
		t.Errorf("output differs from %s (UPDATE_GOLDEN=1 rewrites it):\n%s", want, difftext.Unified(want, "got", data, got))
	}
}

// TestFrameGolden writes a sample of every frame of each testdata schema, for each side
// that sends it, and compares with want.txt. Every sample must be valid JSON.
func TestFrameGolden(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join("testdata", "*", "schema.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(dirs) == 0 {
		t.Fatal("no testdata schemas")
	}
	for _, file := range dirs {
		dir := filepath.Dir(file)
		t.Run(filepath.Base(dir), func(t *testing.T) {
			p, err := schema.Load(file)
			if err != nil {
				t.Fatalf("load: %v", err)
			}
			var out bytes.Buffer
			for _, f := range p.Frames() {
				for _, side := range schema.Sides {
					if !f.From.Has(side) {
						continue
					}
					fmt.Fprintf(&out, "== %s, sent by the %v\n", f.Name.Wire, side)
					b, err := sample.Frame(p, f, side)
					if err != nil {
						fmt.Fprintf(&out, "error: %v\n", err)
						continue
					}
					if !json.Valid(b) {
						t.Errorf("frame %s (%v): invalid JSON:\n%s", f.Name.Wire, side, b)
					}
					out.Write(b)
					out.WriteByte('\n')
				}
			}
			golden(t, filepath.Join(dir, "want.txt"), out.Bytes())
		})
	}
}

// TestFrameDeterministic builds the same samples twice from two loads.
func TestFrameDeterministic(t *testing.T) {
	file := filepath.Join("testdata", "constraints", "schema.yaml")
	var runs [2][]byte
	for i := range runs {
		p, err := schema.Load(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range p.Frames() {
			b, err := sample.Frame(p, f, schema.Client)
			if err != nil {
				t.Fatal(err)
			}
			runs[i] = append(runs[i], b...)
		}
	}
	if !bytes.Equal(runs[0], runs[1]) {
		t.Errorf("two runs differ:\n%s", difftext.Unified("run 1", "run 2", runs[0], runs[1]))
	}
}

func TestFrameErrors(t *testing.T) {
	const src = `framegen: 1
protocol: bad
types:
  Loop:
    fields:
      next: {type: "list<Loop>", min_items: 1}
frames:
  start:
    from: client
    fields:
      code: {type: string, pattern: "(a|bb)c", min_length: 3}
  spin:
    from: server
    fields:
      first: Loop
`
	p, err := schema.Parse("bad.yaml", []byte(src))
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	frames := map[string]*schema.Frame{}
	for _, f := range p.Frames() {
		frames[f.Name.Wire] = f
	}
	tests := []struct {
		name  string
		frame string
		side  schema.Side
		want  *sample.UnsatisfiableError // nil: a plain error with message msg
		msg   string
	}{
		{"pattern", "start", schema.Client, &sample.UnsatisfiableError{
			Path: `frame "start": field "code"`, Field: "code", Pos: schema.Pos{File: "bad.yaml", Line: 11, Col: 7},
			Reason: `no value found that matches pattern "(a|bb)c" and the length bounds; give the field an example`}, ""},
		{"cycle", "spin", schema.Server, &sample.UnsatisfiableError{
			Path: `type "Loop": field "next"`, Field: "next", Pos: schema.Pos{File: "bad.yaml", Line: 6, Col: 7},
			Reason: "every value would contain itself without end; make a field on the cycle optional or nullable, or allow an empty list or map"}, ""},
		{"wrong side", "start", schema.Server, nil, `sample frame "start": the server does not send it`},
		{"both is no side", "start", schema.Both, nil, `sample frame "start": side both: want client or server`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := sample.Frame(p, frames[tt.frame], tt.side)
			if err == nil {
				t.Fatal("no error")
			}
			var ue *sample.UnsatisfiableError
			if tt.want == nil {
				if errors.As(err, &ue) || err.Error() != tt.msg {
					t.Fatalf("error %q (%T), want %q", err, err, tt.msg)
				}
				return
			}
			if !errors.As(err, &ue) {
				t.Fatalf("error %q is no *UnsatisfiableError", err)
			}
			if *ue != *tt.want {
				t.Errorf("got  %+v\nwant %+v", *ue, *tt.want)
			}
		})
	}
}
