package docs

import (
	"strconv"
	"strings"

	"github.com/framegen/framegen/schema"
)

// diagram returns the lines of a Mermaid sequenceDiagram: the WebSocket handshake, then the
// frames whose names start with "auth" (the usual first exchange), then every other frame,
// in file order. A `both` frame shows one arrow each way.
func diagram(p *schema.Protocol) []string {
	lines := []string{
		"sequenceDiagram",
		"    participant Client",
		"    participant Server",
	}
	upgrade := "WebSocket upgrade (HTTP GET)"
	if p.Subprotocol != "" {
		upgrade = "WebSocket upgrade, Sec-WebSocket-Protocol#58; " + label(p.Subprotocol)
	}
	lines = append(lines,
		"    Client->>Server: "+upgrade,
		"    Server-->>Client: 101 Switching Protocols",
	)
	var auth, rest []*schema.Frame
	for _, f := range p.Frames() {
		if strings.HasPrefix(f.Name.Wire, "auth") {
			auth = append(auth, f)
		} else {
			rest = append(rest, f)
		}
	}
	arrows := func(fs []*schema.Frame) {
		for _, f := range fs {
			if f.From.Has(schema.Client) {
				lines = append(lines, "    Client-)Server: "+label(f.Name.Wire))
			}
			if f.From.Has(schema.Server) {
				lines = append(lines, "    Server-)Client: "+label(f.Name.Wire))
			}
		}
	}
	arrows(auth)
	if len(rest) > 0 {
		note := "then, in any order"
		if len(auth) == 0 {
			note = "in any order"
		}
		lines = append(lines, "    Note over Client,Server: "+note)
		arrows(rest)
	}
	return lines
}

// label writes s for a Mermaid message text: letters, digits and `_ . -` as they are, any
// other character as a Mermaid entity code (#59; for ';'), which the parser accepts
// everywhere in text.
func label(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '_', r == '.', r == '-':
			b.WriteRune(r)
		default:
			b.WriteString("#" + strconv.Itoa(int(r)) + ";")
		}
	}
	return b.String()
}
