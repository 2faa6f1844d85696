package golang

import (
	"strings"
	"testing"

	"github.com/framegen/framegen/schema"
)

func TestGenerateRejectsBadPackageName(t *testing.T) {
	for _, tc := range []struct {
		name, protocol, pkg, want string
	}{
		{"keyword protocol", "type", "", `generate go: package name "type" is not a Go identifier`},
		{"bad option", "chat", "chat-proto", `generate go: package name "chat-proto" is not a Go identifier`},
		{"blank", "chat", "_", `generate go: package name "_" is not a Go identifier`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := "framegen: 1\nprotocol: " + tc.protocol + "\nframes:\n  ping: {from: both}\n"
			p, err := schema.Parse("t.yaml", []byte(src))
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			_, err = Generate(p, Options{Package: tc.pkg})
			if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
				t.Fatalf("Generate error = %v, want prefix %q", err, tc.want)
			}
		})
	}
}

func TestGenerateRejectsUnknownTransport(t *testing.T) {
	p, err := schema.Parse("t.yaml", []byte("framegen: 1\nprotocol: chat\nframes:\n  ping: {from: both}\n"))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	_, err = Generate(p, Options{Transports: []string{"nhooyr"}})
	want := `generate go: unknown transport "nhooyr" (want coder or gorilla)`
	if err == nil || err.Error() != want {
		t.Fatalf("Generate error = %v, want %q", err, want)
	}
}
