// Package naming turns wire names into identifiers: it splits a name into words (SCHEMA.md,
// "Names") and joins words in the spelling of each target language.
package naming

import (
	"go/token"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Split splits a wire name into words, as SCHEMA.md "Names" defines: at `_`, `-`, `.`, `/`
// and white space, at a change from a lower-case letter or digit to an upper-case letter,
// and before the last capital of a capital run followed by lower case (HTTPServer → HTTP,
// Server), except that a capital run followed by a lone `s` that ends the word is a plural
// (userIDs → user, IDs). Digits stay with the word before them (oauth2_token → oauth2,
// token). Words keep their case; empty words are dropped.
func Split(name string) []string {
	rs := []rune(name)
	var words []string
	start := -1 // index of the first rune of the current word, -1 between words
	for i, r := range rs {
		if isSep(r) {
			if start >= 0 {
				words = append(words, string(rs[start:i]))
				start = -1
			}
			continue
		}
		if start >= 0 && i > start && unicode.IsUpper(r) && startsWord(rs, i) {
			words = append(words, string(rs[start:i]))
			start = i
		}
		if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		words = append(words, string(rs[start:]))
	}
	return words
}

// startsWord reports whether the capital rs[i], which is not the first rune of its word,
// begins a new word.
func startsWord(rs []rune, i int) bool {
	if !unicode.IsUpper(rs[i-1]) {
		return true // lower case, digit or other: roomId, oauth2Token
	}
	// Inside a capital run: only its last capital, before lower case, starts a word.
	if i+1 >= len(rs) || !unicode.IsLower(rs[i+1]) {
		return false
	}
	return !isPluralS(rs, i+1)
}

// isPluralS reports whether rs[j] is a lone `s` that ends its word (userIDs, URLsFor).
func isPluralS(rs []rune, j int) bool {
	if rs[j] != 's' {
		return false
	}
	return j+1 == len(rs) || isSep(rs[j+1]) || unicode.IsUpper(rs[j+1])
}

func isSep(r rune) bool {
	switch r {
	case '_', '-', '.', '/':
		return true
	}
	return unicode.IsSpace(r)
}

// isInitialism reports whether up, in capitals, is one of golint's common initialisms.
func isInitialism(up string) bool {
	switch up {
	case "ACL", "API", "ASCII", "CPU", "CSS", "DNS", "EOF", "GUID", "HTML", "HTTP", "HTTPS",
		"ID", "IP", "JSON", "LHS", "QPS", "RAM", "RHS", "RPC", "SLA", "SMTP", "SQL", "SSH",
		"TCP", "TLS", "TTL", "UDP", "UI", "UID", "UUID", "URI", "URL", "UTF8", "VM", "XML",
		"XMPP", "XSRF", "XSS":
		return true
	}
	return false
}

// initialism returns the capitalised spelling of word if it is one of golint's common
// initialisms, or one followed by a plural s (ids → IDs), whatever its case.
func initialism(word string) (string, bool) {
	up := strings.ToUpper(word)
	if isInitialism(up) {
		return up, true
	}
	if n := len(up); n > 1 && up[n-1] == 'S' && isInitialism(up[:n-1]) {
		return up[:n-1] + "s", true
	}
	return "", false
}

// Go joins words in UpperCamelCase for an exported Go identifier. Initialisms are written
// in capitals (ID, URL, IDs); any other word is capitalised with the rest in lower case
// (MS → Ms, TOKEN → Token). A word that starts with a digit is kept as is, so the result
// may not be an identifier: check it with IsGoIdent.
func Go(words []string) string {
	var b strings.Builder
	for _, w := range words {
		if s, ok := initialism(w); ok {
			b.WriteString(s)
			continue
		}
		b.WriteString(title(w))
	}
	return b.String()
}

// GoLower joins words in lowerCamelCase for an unexported Go identifier: the first word is
// all lower case (even an initialism: id_token → idToken), the others as Go writes them. A
// result that is a Go keyword or predeclared identifier gets a trailing underscore
// (type → type_, len → len_).
func GoLower(words []string) string {
	if len(words) == 0 {
		return ""
	}
	s := lowerFirstWord(words[0]) + Go(words[1:])
	if token.IsKeyword(s) || isPredeclared(s) {
		s += "_"
	}
	return s
}

// TS joins words in UpperCamelCase without initialism rules (user_id → UserId,
// HTTPServer → HttpServer), for TypeScript type names.
func TS(words []string) string {
	var b strings.Builder
	for _, w := range words {
		b.WriteString(title(w))
	}
	return b.String()
}

// TSLower joins words in lowerCamelCase without initialism rules (user_id → userId), for
// TypeScript properties and functions. It does not escape reserved words.
func TSLower(words []string) string {
	if len(words) == 0 {
		return ""
	}
	return lowerFirstWord(words[0]) + TS(words[1:])
}

// title capitalises the first rune of w and lower-cases the rest; a word that starts with
// a digit is returned unchanged.
func title(w string) string {
	r, n := utf8.DecodeRuneInString(w)
	if n == 0 || unicode.IsDigit(r) {
		return w
	}
	return string(unicode.ToUpper(r)) + strings.ToLower(w[n:])
}

// lowerFirstWord lower-cases the first word of a lowerCamel name; a word that starts with a
// digit is returned unchanged, like title.
func lowerFirstWord(w string) string {
	r, _ := utf8.DecodeRuneInString(w)
	if unicode.IsDigit(r) {
		return w
	}
	return strings.ToLower(w)
}

// IsGoIdent reports whether s is a valid Go identifier, exported or not, that is not a
// keyword.
func IsGoIdent(s string) bool { return token.IsIdentifier(s) }

// IsExported reports whether s is a valid Go identifier (IsGoIdent) that is exported.
func IsExported(s string) bool { return token.IsIdentifier(s) && token.IsExported(s) }

// IsLowerSnake reports whether s is lower_snake_case: ^[a-z][a-z0-9]*(_[a-z0-9]+)*$.
func IsLowerSnake(s string) bool {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return false
	}
	for i := 1; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case c == '_':
			if i+1 == len(s) || s[i+1] == '_' {
				return false
			}
		default:
			return false
		}
	}
	return true
}
