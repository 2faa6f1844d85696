package naming

import (
	"go/token"
	"go/types"
	"slices"
	"strings"
	"testing"
)

func TestSplit(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"snake", "room_id", []string{"room", "id"}},
		{"lower camel", "roomId", []string{"room", "Id"}},
		{"upper camel", "RoomId", []string{"Room", "Id"}},
		{"kebab", "retry-after-ms", []string{"retry", "after", "ms"}},
		{"dots", "chat.message.sent", []string{"chat", "message", "sent"}},
		{"slashes", "chat/message", []string{"chat", "message"}},
		{"spaces", "retry after  ms", []string{"retry", "after", "ms"}},
		{"tab", "a\tb", []string{"a", "b"}},
		{"capital run then word", "HTTPServer", []string{"HTTP", "Server"}},
		{"capital run at end", "serverHTTP", []string{"server", "HTTP"}},
		{"capital run alone", "ID", []string{"ID"}},
		{"plural initialism", "userIDs", []string{"user", "IDs"}},
		{"plural initialism then word", "userIDsList", []string{"user", "IDs", "List"}},
		{"plural initialism then separator", "URLs_seen", []string{"URLs", "seen"}},
		{"capital run then s word", "HTTPSend", []string{"HTTP", "Send"}},
		{"capital run then s and more", "IDset", []string{"I", "Dset"}},
		{"https run then word", "HTTPSServer", []string{"HTTPS", "Server"}},
		{"digit with word before", "oauth2_token", []string{"oauth2", "token"}},
		{"digit then capital", "oauth2Token", []string{"oauth2", "Token"}},
		{"digit in capital run", "UTF8String", []string{"UTF8", "String"}},
		{"capital run digit word", "HTTP2Server", []string{"HTTP2", "Server"}},
		{"leading digit", "2fa_code", []string{"2fa", "code"}},
		{"screaming snake", "USER_IDS", []string{"USER", "IDS"}},
		{"single letters", "aBC", []string{"a", "BC"}},
		{"empty parts dropped", "__a__b__", []string{"a", "b"}},
		{"only separators", "_-./ ", nil},
		{"empty", "", nil},
		{"unicode", "größeÄnderung", []string{"größe", "Änderung"}},
		{"other symbol kept", "a$b", []string{"a$b"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Split(tt.in)
			if !slices.Equal(got, tt.want) {
				t.Errorf("Split(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestGoSchemaTable is the table of SCHEMA.md "Names", from wire name to Go name.
func TestGoSchemaTable(t *testing.T) {
	tests := []struct {
		wire string
		want string
	}{
		{"room_id", "RoomID"},
		{"roomId", "RoomID"},
		{"avatar_url", "AvatarURL"},
		{"user_ids", "UserIDs"},
		{"userIDs", "UserIDs"},
		{"retry_after_ms", "RetryAfterMs"},
		{"oauth2_token", "Oauth2Token"},
		{"HTTPServer", "HTTPServer"},
	}
	for _, tt := range tests {
		t.Run(tt.wire, func(t *testing.T) {
			if got := Go(Split(tt.wire)); got != tt.want {
				t.Errorf("Go(Split(%q)) = %q, want %q", tt.wire, got, tt.want)
			}
		})
	}
}

func TestGo(t *testing.T) {
	tests := []struct {
		name  string
		words []string
		want  string
	}{
		{"empty", nil, ""},
		{"one word", []string{"state"}, "State"},
		{"capital run not an initialism", []string{"retry", "after", "MS"}, "RetryAfterMs"},
		{"screaming", []string{"TOKEN", "TYPE"}, "TokenType"},
		{"capitalised", []string{"Room", "Id"}, "RoomID"},
		{"plural upper", []string{"USER", "IDS"}, "UserIDs"},
		{"leading digit kept", []string{"2fa", "code"}, "2faCode"},
		{"digit inside", []string{"oauth2", "token"}, "Oauth2Token"},
		{"unicode", []string{"größe", "änderung"}, "GrößeÄnderung"},
		{"keyword stays exported", []string{"type"}, "Type"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Go(tt.words); got != tt.want {
				t.Errorf("Go(%q) = %q, want %q", tt.words, got, tt.want)
			}
		})
	}
}

// TestGoInitialisms checks every initialism on its own, in each case and as a plural.
func TestGoInitialisms(t *testing.T) {
	list := strings.Fields("ACL API ASCII CPU CSS DNS EOF GUID HTML HTTP HTTPS ID IP JSON LHS " +
		"QPS RAM RHS RPC SLA SMTP SQL SSH TCP TLS TTL UDP UI UID UUID URI URL UTF8 VM XML XMPP " +
		"XSRF XSS")
	for _, want := range list {
		t.Run(want, func(t *testing.T) {
			lower := strings.ToLower(want)
			title := want[:1] + lower[1:]
			for _, in := range []string{lower, want, title} {
				if got := Go([]string{in}); got != want {
					t.Errorf("Go([%q]) = %q, want %q", in, got, want)
				}
				if got := Go([]string{"x", in}); got != "X"+want {
					t.Errorf("Go([x %q]) = %q, want %q", in, got, "X"+want)
				}
			}
			// https is the initialism HTTPS, not a plural of HTTP; HTTPSs is not asked for.
			if want == "HTTP" || want == "HTTPS" {
				return
			}
			if got, wantPl := Go([]string{lower + "s"}), want+"s"; got != wantPl {
				t.Errorf("Go([%q]) = %q, want %q", lower+"s", got, wantPl)
			}
		})
	}
}

func TestGoNotInitialisms(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"s", "S"},
		{"ide", "Ide"},
		{"idss", "Idss"},
		{"urlx", "Urlx"},
		{"bus", "Bus"},
		{"ms", "Ms"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := Go([]string{tt.in}); got != tt.want {
				t.Errorf("Go([%q]) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestGoLower(t *testing.T) {
	tests := []struct {
		name  string
		words []string
		want  string
	}{
		{"empty", nil, ""},
		{"initialism first", []string{"id", "token"}, "idToken"},
		{"initialism alone", []string{"url"}, "url"},
		{"upper initialism first", []string{"URL", "path"}, "urlPath"},
		{"plural initialism first", []string{"IDs"}, "ids"},
		{"initialism later", []string{"avatar", "url"}, "avatarURL"},
		{"capitalised first", []string{"Room", "Id"}, "roomID"},
		{"keyword", []string{"type"}, "type_"},
		{"keyword from upper", []string{"Func"}, "func_"},
		{"predeclared type", []string{"string"}, "string_"},
		{"predeclared func", []string{"len"}, "len_"},
		{"predeclared const", []string{"nil"}, "nil_"},
		{"predeclared any", []string{"any"}, "any_"},
		{"not a keyword once joined", []string{"type", "name"}, "typeName"},
		{"leading digit kept", []string{"2FA"}, "2FA"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := GoLower(tt.words); got != tt.want {
				t.Errorf("GoLower(%q) = %q, want %q", tt.words, got, tt.want)
			}
		})
	}
}

func TestTS(t *testing.T) {
	tests := []struct {
		wire      string
		want      string
		wantLower string
	}{
		{"user_id", "UserId", "userId"},
		{"userIDs", "UserIds", "userIds"},
		{"HTTPServer", "HttpServer", "httpServer"},
		{"avatar_url", "AvatarUrl", "avatarUrl"},
		{"oauth2_token", "Oauth2Token", "oauth2Token"},
		{"2fa_code", "2faCode", "2faCode"},
		{"type", "Type", "type"},
		{"", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.wire, func(t *testing.T) {
			words := Split(tt.wire)
			if got := TS(words); got != tt.want {
				t.Errorf("TS(Split(%q)) = %q, want %q", tt.wire, got, tt.want)
			}
			if got := TSLower(words); got != tt.wantLower {
				t.Errorf("TSLower(Split(%q)) = %q, want %q", tt.wire, got, tt.wantLower)
			}
		})
	}
}

func TestIsGoIdent(t *testing.T) {
	tests := []struct {
		in           string
		wantIdent    bool
		wantExported bool
	}{
		{"RoomID", true, true},
		{"roomID", true, false},
		{"_x", true, false},
		{"Ä", true, true},
		{"x9", true, false},
		{"2faCode", false, false},
		{"", false, false},
		{"type", false, false},
		{"Type", true, true},
		{"a-b", false, false},
		{"a b", false, false},
		{"A$", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := IsGoIdent(tt.in); got != tt.wantIdent {
				t.Errorf("IsGoIdent(%q) = %v, want %v", tt.in, got, tt.wantIdent)
			}
			if got := IsExported(tt.in); got != tt.wantExported {
				t.Errorf("IsExported(%q) = %v, want %v", tt.in, got, tt.wantExported)
			}
		})
	}
}

func TestIsLowerSnake(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"room_id", true},
		{"oauth2_token", true},
		{"a", true},
		{"a_1", true},
		{"v2", true},
		{"", false},
		{"_a", false},
		{"a_", false},
		{"a__b", false},
		{"1a", false},
		{"roomId", false},
		{"room-id", false},
		{"Room", false},
		{"größe", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := IsLowerSnake(tt.in); got != tt.want {
				t.Errorf("IsLowerSnake(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestReserved(t *testing.T) {
	tests := []struct {
		name string
		got  []string
		want string
	}{
		{"package", GoPackageReserved(), "ClientFrame ServerFrame DecodeError DecodeErrorKind " +
			"KindTooLarge KindSyntax KindInvalidUTF8 KindTrailingData KindDuplicateKey " +
			"KindUnknownKey KindMissing KindNull KindWrongType KindUnknownEnum KindConstraint " +
			"UnknownFrameError ValidationError Violation Null ProtocolVersion Subprotocol " +
			"SchemaHash FrameWriter ClientSender ServerSender NewClientSender NewServerSender " +
			"ClientHandler ServerHandler EncodeClientFrame AppendClientFrame DecodeClientFrame " +
			"DispatchClientFrame EncodeServerFrame AppendServerFrame DecodeServerFrame " +
			"DispatchServerFrame CoderWriter GorillaWriter ServeCoder ServeGorilla " +
			// Emitted by gen/golang's send.gen.go since the brief's list was written.
			"BinaryMessageError ClientMaxFrameBytes ServerMaxFrameBytes"},
		{"struct", GoStructReserved(), "String GoString LogValue Validate MarshalJSON UnmarshalJSON"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := strings.Fields(tt.want)
			slices.Sort(want)
			if !slices.Equal(tt.got, want) {
				t.Errorf("got %q\nwant %q", tt.got, want)
			}
			for _, s := range tt.got {
				if !IsExported(s) {
					t.Errorf("%q is not an exported identifier", s)
				}
			}
		})
	}
}

func TestReservedFresh(t *testing.T) {
	a := GoPackageReserved()
	a[0] = "changed"
	if got := GoPackageReserved()[0]; got == "changed" {
		t.Errorf("GoPackageReserved shares its slice between calls")
	}
	b := GoStructReserved()
	b[0] = "changed"
	if got := GoStructReserved()[0]; got == "changed" {
		t.Errorf("GoStructReserved shares its slice between calls")
	}
}

// TestPredeclared compares isPredeclared with the universe scope of the Go that runs the
// test: a newer Go may add names, which then belong in the list.
func TestPredeclared(t *testing.T) {
	for _, name := range types.Universe.Names() {
		if !token.IsExported(name) && !isPredeclared(name) {
			t.Errorf("isPredeclared(%q) = false, want true", name)
		}
	}
	for _, name := range []string{"x", "typeName", "Error", "string_", "unsafe"} {
		if isPredeclared(name) {
			t.Errorf("isPredeclared(%q) = true, want false", name)
		}
	}
	for _, name := range []string{"len", "string", "nil", "any", "clear"} {
		if got := GoLower([]string{name}); got != name+"_" {
			t.Errorf("GoLower([%q]) = %q, want %q", name, got, name+"_")
		}
	}
}

// FuzzSplit checks that Split never panics, drops no letter and keeps no separator.
func FuzzSplit(f *testing.F) {
	for _, s := range []string{"room_id", "HTTPServer", "userIDs", "oauth2_token", "a\xffb", "IDs s"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		words := Split(s)
		var kept []rune
		for _, r := range []rune(s) {
			if !isSep(r) {
				kept = append(kept, r)
			}
		}
		if got := strings.Join(words, ""); got != string(kept) {
			t.Errorf("Split(%q) = %q, joined %q, want %q", s, words, got, string(kept))
		}
		for _, w := range words {
			if w == "" || strings.ContainsFunc(w, isSep) {
				t.Errorf("Split(%q) has word %q", s, w)
			}
		}
		_ = GoLower(words)
		_ = Go(words)
	})
}

func BenchmarkSplitGo(b *testing.B) {
	names := []string{"room_id", "userIDs", "HTTPServer", "retry_after_ms", "oauth2_token", "avatarURL"}
	for b.Loop() {
		for _, n := range names {
			_ = Go(Split(n))
		}
	}
}
