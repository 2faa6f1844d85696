package chatserver

// side: server emits the server's half only: it encodes and sends server frames, and
// decodes and dispatches the other side's.

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"testing"
)

// The half that must be there, used so that a missing name fails to compile.
var (
	_ = NewServerSender
	_ = (*ServerSender).Send
	_ = EncodeServerFrame
	_ = AppendServerFrame
	_ = DecodeClientFrame
	_ = DispatchClientFrame
	_ ClientHandler
	_             = ServeCoder
	_ FrameWriter = CoderWriter{}
)

func TestSideHalf(t *testing.T) {
	declared := map[string]bool{}
	files, err := filepath.Glob("*.gen.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, name := range files {
		f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Recv == nil {
					declared[d.Name.Name] = true
				}
			case *ast.GenDecl:
				for _, s := range d.Specs {
					if ts, ok := s.(*ast.TypeSpec); ok {
						declared[ts.Name.Name] = true
					}
				}
			}
		}
	}
	absent := []string{"NewClientSender", "ClientSender", "EncodeClientFrame", "AppendClientFrame",
		"DecodeServerFrame", "DispatchServerFrame", "ServerHandler"}
	var present []string
	for _, name := range absent {
		if declared[name] {
			present = append(present, name)
		}
	}
	if len(present) > 0 {
		t.Errorf("side: server package declares %v, the other half", present)
	}
	for _, name := range []string{"ClientFrame", "ServerFrame", "AuthError", "AuthRequest", "ConnectionState"} {
		if !declared[name] {
			t.Errorf("side: server package lacks %s", name)
		}
	}
	if !slices.Contains(files, "wire.gen.go") {
		t.Errorf("files %v: no wire.gen.go", files)
	}
}
