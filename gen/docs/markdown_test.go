package docs

import "testing"

func TestEscaping(t *testing.T) {
	tests := []struct {
		name string
		fn   func(string) string
		in   string
		want string
	}{
		{"code plain", code, "a|b", "`a|b`"},
		{"code with backticks", code, "a`b``c", "```a`b``c```"},
		{"code starting with backtick", code, "`x", "`` `x ``"},
		{"code empty", code, "", "`  `"},
		{"cell pipe and lines", cell, "a | b\r\n  next line \n", `a \| b<br>next line`},
		{"cell pipe in code", cell, code("x|y"), "`x\\|y`"},
		{"text", text, "My_Type<T>*", `My_Type\<T\>\*`},
		{"anchor", func(s string) string { return anchor("type", s) }, "Chat.Message v2", "type-chat-message-v2"},
		{"mermaid label", label, "auth:ok;x y", "auth#58;ok#59;x#32;y"},
		{"mermaid label unicode", label, "né", "n#233;"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.fn(tt.in); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}
