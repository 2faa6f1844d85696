package schema

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"strconv"

	"go.yaml.in/yaml/v3"
)

// Load reads and parses the schema file at path. A file that cannot be read is an ordinary
// wrapped error; a schema with problems is a Diagnostics error.
func Load(path string) (*Protocol, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("load schema: %w", err)
	}
	return Parse(path, data)
}

// Parse parses and checks the schema in data; filename is used in positions only. It
// returns the resolved model, or nil and a Diagnostics error that lists every problem,
// sorted by position.
func Parse(filename string, data []byte) (*Protocol, error) {
	l := newLoader(filename)
	sum := sha256.Sum256(data)
	root := l.decode(data)
	if root == nil {
		return nil, l.result()
	}
	p := l.protocol(root)
	if err := l.result(); err != nil {
		return nil, err
	}
	p.Hash = hex.EncodeToString(sum[:])
	return p, nil
}

// result returns the diagnostics, sorted and without repeats, or nil when there are none.
func (l *loader) result() error {
	if len(l.diags) == 0 {
		return nil
	}
	l.diags.Sort()
	out := l.diags[:1]
	for _, d := range l.diags[1:] {
		if d != out[len(out)-1] {
			out = append(out, d)
		}
	}
	return out
}

// yamlErrLine finds the line in yaml's error text, which has no column.
var yamlErrLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// decode parses data as exactly one YAML document and returns its root node, with aliases
// followed, or nil after reporting why it cannot.
func (l *loader) decode(data []byte) (root *yaml.Node) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := l.decodeDoc(dec, &doc); err != nil {
		if errors.Is(err, io.EOF) {
			l.report(Pos{File: l.file, Line: 1, Col: 1}, "", "", "the schema is empty")
		} else {
			l.syntaxError(err)
		}
		return nil
	}
	var next yaml.Node
	switch err := l.decodeDoc(dec, &next); {
	case err == nil:
		l.errorf(&next, "", "a schema is one YAML document; this is a second one")
		return nil
	case !errors.Is(err, io.EOF):
		l.syntaxError(err)
		return nil
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		l.report(Pos{File: l.file, Line: 1, Col: 1}, "", "", "the schema is empty")
		return nil
	}
	return deref(doc.Content[0])
}

// decodeDoc decodes one document. The YAML library is not ours: a panic inside it is turned
// into an error, so that no input can crash a caller.
func (l *loader) decodeDoc(dec *yaml.Decoder, n *yaml.Node) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("yaml: invalid YAML (%v)", r)
		}
	}()
	return dec.Decode(n)
}

// syntaxError reports a YAML parse error at the line the library names, column 1 (it
// gives no column).
func (l *loader) syntaxError(err error) {
	msg := err.Error()
	p := Pos{File: l.file, Line: 1, Col: 1}
	if m := yamlErrLine.FindStringSubmatch(msg); m != nil {
		if line, err := strconv.Atoi(m[1]); err == nil && line > 0 {
			p.Line = line
		}
		msg = m[2]
	} else if len(msg) > 6 && msg[:6] == "yaml: " {
		msg = msg[6:]
	}
	l.report(p, "", "", "YAML syntax error: %s", msg)
}
