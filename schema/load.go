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
	"strings"
	"unicode/utf8"

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
	return parse(newLoader(filename), data)
}

// parse runs l over data; tests call it with a loader whose limits are lowered.
func parse(l *loader, data []byte) (*Protocol, error) {
	l.lines = maxLine(data)
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
			l.syntaxError(err, data)
		}
		return nil
	}
	var next yaml.Node
	switch err := l.decodeDoc(dec, &next); {
	case err == nil:
		l.errorf(&next, "", "a schema is one YAML document; this is a second one")
		return nil
	case !errors.Is(err, io.EOF):
		l.syntaxError(err, data)
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

// maxLine is the most lines YAML can see in data: it breaks lines at \n, \r, and the
// Unicode breaks NEL, LS and PS, so positions past the count of \n are possible.
func maxLine(data []byte) int {
	n := 1 + bytes.Count(data, []byte("\n")) + bytes.Count(data, []byte("\r"))
	for _, br := range []string{"\u0085", "\u2028", "\u2029"} {
		n += bytes.Count(data, []byte(br))
	}
	return n
}

// isParserError reports whether msg comes from the YAML parser rather than its scanner.
func isParserError(msg string) bool {
	for _, p := range []string{"did not find expected", "found duplicate %", "found incompatible YAML", "found undefined tag handle"} {
		if strings.HasPrefix(msg, p) {
			return true
		}
	}
	return false
}

// flowOptional finds a type ending in ? inside a flow collection ({type: string?}), which
// the YAML library cannot parse unquoted.
var flowOptional = regexp.MustCompile(`[\w>]\?\s*[,}\]]`)

// syntaxError reports a YAML parse error at the line the library names, column 1 (it
// gives no column), unless the line shows a known trap.
func (l *loader) syntaxError(err error, data []byte) {
	msg := err.Error()
	p := Pos{File: l.file, Line: 1, Col: 1}
	lines := strings.Split(string(data), "\n")
	if m := yamlErrLine.FindStringSubmatch(msg); m != nil {
		msg = m[2]
		if line, err := strconv.Atoi(m[1]); err == nil && line > 0 {
			// The library counts lines from 0 for parser errors, from 1 for scanner ones.
			if isParserError(msg) {
				line++
			}
			p.Line = min(line, maxLine(data))
		}
	} else if len(msg) > 6 && msg[:6] == "yaml: " {
		msg = msg[6:]
	}
	hint := ""
	if msg == "found character that cannot start any token" && p.Line <= len(lines) {
		if i := strings.IndexByte(lines[p.Line-1], '\t'); i >= 0 {
			p.Col = utf8.RuneCountInString(lines[p.Line-1][:i]) + 1
			hint = "indent with spaces: YAML does not allow tabs there"
		}
	}
	if strings.HasPrefix(msg, "did not find expected ',' or") {
		// The line is where the collection starts; the ? may be a few lines on.
		for i := min(p.Line, len(lines)) - 1; i < min(len(lines), p.Line+20); i++ {
			if loc := flowOptional.FindStringIndex(lines[i]); loc != nil {
				p.Line, p.Col = i+1, utf8.RuneCountInString(lines[i][:loc[0]+1])+1
				hint = `inside {…} or […], quote a type that ends in ?: "string?"`
				break
			}
		}
	}
	l.report(p, "", hint, "YAML syntax error: %s", msg)
}
