package alltypes

// Behaviour tests of the API surface over every field type: Validate paths through
// pointers, Null, lists, maps, unions and recursion; GetX defaults; nested redaction.

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

const apiUUID = "0b6e1c5e-6a1f-4f7a-9c1e-2d3f4a5b6c7d"

func apiEverything() Everything {
	return Everything{
		Scalars: Scalars{
			S: "s", T: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC), U: apiUUID,
			J: json.RawMessage(`{"a":[1,2]}`), Level: LevelLow, Code: CodeOne,
		},
		Constrained: Constrained{Name: "ab", Code: "ABC", Ratio: 1.5, Tags: []string{"t"}},
		Tree:        Tree{Value: 1, Children: []Tree{{Matrix: [][]string{{apiUUID}}}}},
	}
}

func apiViolations(t *testing.T, err error) []Violation {
	t.Helper()
	if err == nil {
		return nil
	}
	var ve *ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("error %v (%T) is not a *ValidationError", err, err)
	}
	return ve.Violations
}

func TestValidateEveryType(t *testing.T) {
	nan := math.NaN()
	tests := []struct {
		name   string
		modify func(e *Everything)
		want   []Violation
	}{
		{"valid", func(e *Everything) {}, nil},
		{"scalar formats", func(e *Everything) {
			e.Scalars.S = "\xff"
			e.Scalars.F = math.Inf(1)
			e.Scalars.T = time.Date(2026, 1, 1, 0, 0, 0, 0, time.FixedZone("odd", 30))
			e.Scalars.U = "0B6E1C5E6A1F4F7A9C1E2D3F4A5B6C7D"
			e.Scalars.J = nil
			e.Scalars.Level = "mid"
			e.Scalars.Code = 3
		}, []Violation{
			{"$.scalars.s", "invalid UTF-8"},
			{"$.scalars.f", "not a finite number"},
			{"$.scalars.t", "time outside RFC 3339 (year 0-9999, offset in whole minutes)"},
			{"$.scalars.u", "not a UUID"},
			{"$.scalars.j", "missing required value"},
			{"$.scalars.level", `unknown value "mid" of Level (want one of: low, high)`},
			{"$.scalars.code", "unknown value 3 of Code (want one of: 1, 2)"},
		}},
		{"malformed json", func(e *Everything) { e.Scalars.J = json.RawMessage(`{"a":1,"a":2}`) },
			[]Violation{{"$.scalars.j", "not well-formed JSON"}}},
		{"optionals present", func(e *Everything) {
			bad, u := "\xfe", "nope"
			lvl := Level("x")
			e.Optionals = Optionals{S: &bad, U: &u, Level: &lvl, F: &nan,
				J: json.RawMessage(`[`), Map: map[string]string{"k": "\xff"},
				Obj:   &Scalars{U: apiUUID, J: json.RawMessage(`1`), Level: LevelHigh, Code: CodeTwo, F: nan},
				Union: &Circle{Radius: nan}}
		}, []Violation{
			{"$.optionals.s", "invalid UTF-8"},
			{"$.optionals.f", "not a finite number"},
			{"$.optionals.u", "not a UUID"},
			{"$.optionals.j", "not well-formed JSON"},
			{"$.optionals.level", `unknown value "x" of Level (want one of: low, high)`},
			{`$.optionals.map["k"]`, "invalid UTF-8"},
			{"$.optionals.obj.f", "not a finite number"},
			{"$.optionals.union.radius", "not a finite number"},
		}},
		{"nullables present", func(e *Everything) {
			e.Nullables = Nullables{F: &nan, List: []string{"ok", "\xff"}, Union: (*Square)(nil)}
		}, []Violation{
			{"$.nullables.f", "not a finite number"},
			{"$.nullables.list[1]", "invalid UTF-8"},
			{"$.nullables.union", "nil *Square"},
		}},
		{"optional and nullable", func(e *Everything) {
			e.Both = Both{
				S:     &Null[string]{}, // null: nothing to check
				I:     &Null[int64]{V: 0, Valid: true},
				U:     &Null[string]{V: "x", Valid: true},
				List:  &Null[[]string]{V: []string{apiUUID, "y"}, Valid: true},
				Union: &Null[Shape]{V: Square{Side: -1}, Valid: true},
			}
		}, []Violation{
			{"$.both.i", "less than 1"},
			{"$.both.u", "not a UUID"},
			{"$.both.list[1]", "not a UUID"},
			{"$.both.union.side", "less than 0"},
		}},
		{"constraints", func(e *Everything) {
			nick := "abcd"
			e.Constrained = Constrained{Name: "Abcdef", Code: "abc", Age: 151, Small: -11, Ratio: 1.6,
				Scores: map[string]float64{"c": 1, "b": 2, "a": nan}, Nick: &nick}
		}, []Violation{
			{"$.constrained.name", "longer than 5 characters"},
			{"$.constrained.name", "does not match pattern [a-z]+"},
			{"$.constrained.code", "does not match pattern ^[A-Z]{3}$"},
			{"$.constrained.age", "greater than 150"},
			{"$.constrained.small", "less than -10"},
			{"$.constrained.ratio", "greater than 1.5"},
			{"$.constrained.tags", "fewer than 1 item"},
			{"$.constrained.scores", "more than 2 items"},
			{`$.constrained.scores["a"]`, "not a finite number"},
			{"$.constrained.nick", "longer than 3 characters"},
		}},
		{"recursion", func(e *Everything) {
			e.Tree = Tree{
				Children: []Tree{{}, {Children: []Tree{{}, {Matrix: [][]string{{apiUUID, "bad"}}}}}},
				Named:    map[string]Tree{"we ird": {Matrix: [][]string{{"bad"}}}},
				Parent:   &Tree{Matrix: [][]string{nil, {"bad"}}},
			}
		}, []Violation{
			{"$.tree.children[1].children[1].matrix[0][1]", "not a UUID"},
			{`$.tree.named["we ird"].matrix[0][0]`, "not a UUID"},
			{"$.tree.parent.matrix[1][0]", "not a UUID"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := apiEverything()
			tt.modify(&e)
			for range 3 { // map order must not change the result
				got := apiViolations(t, e.Validate())
				if !reflect.DeepEqual(got, tt.want) {
					t.Fatalf("got  %q\nwant %q", got, tt.want)
				}
			}
		})
	}
}

func TestValidateRequiredUnion(t *testing.T) {
	got := apiViolations(t, Login{Vault: Vault{Main: Credentials{Password: "12345678"}}, Otp: "x"}.Validate())
	want := []Violation{{"$.vault.shape", "missing required value"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestGetDefaults(t *testing.T) {
	var d Defaults
	if got := d.GetS(); got != `hi "there"` {
		t.Errorf("GetS() = %q", got)
	}
	if got := d.GetB(); got != true {
		t.Errorf("GetB() = %v", got)
	}
	if got := d.GetI(); got != -3 {
		t.Errorf("GetI() = %v", got)
	}
	if got := d.GetI32(); got != 7 {
		t.Errorf("GetI32() = %v", got)
	}
	if got := d.GetF(); got != 0.25 {
		t.Errorf("GetF() = %v", got)
	}
	if got := d.GetLevel(); got != LevelHigh {
		t.Errorf("GetLevel() = %v", got)
	}
	if got := d.GetCode(); got != CodeTwo {
		t.Errorf("GetCode() = %v", got)
	}
	if got, want := d.GetN(), (Null[int64]{V: 5, Valid: true}); got != want {
		t.Errorf("GetN() = %+v, want %+v", got, want)
	}
	// A present value wins, even the zero value or null.
	s, b, i, lvl := "", false, int64(0), LevelLow
	d = Defaults{S: &s, B: &b, I: &i, Level: &lvl, N: &Null[int64]{}}
	if d.GetS() != "" || d.GetB() != false || d.GetI() != 0 || d.GetLevel() != LevelLow || d.GetN() != (Null[int64]{}) {
		t.Errorf("present values: got %q %v %v %v %+v", d.GetS(), d.GetB(), d.GetI(), d.GetLevel(), d.GetN())
	}
}

const (
	apiPassword = "hunter2-hunter2"
	apiOTP      = "918273"
	apiKeyBytes = "KEYBYTES"
	apiCircle   = "secret-apiCircle"
)

func TestNestedRedaction(t *testing.T) {
	name := apiCircle
	cred := Credentials{User: "ann", Password: apiPassword, Key: []byte(apiKeyBytes)}
	login := Login{
		Vault: Vault{
			Main:   cred,
			Backup: &cred,
			All:    []Credentials{cred, cred},
			ByName: map[string]Credentials{"a": cred},
			Shape:  &Circle{Radius: 1, SecretName: &name},
		},
		Otp: apiOTP,
	}
	for _, v := range []any{login, &login, login.Vault, cred, Both{Union: &Null[Shape]{V: Circle{SecretName: &name}, Valid: true}}} {
		outputs := map[string]string{
			"%v":   fmt.Sprintf("%v", v),
			"%+v":  fmt.Sprintf("%+v", v),
			"%#v":  fmt.Sprintf("%#v", v),
			"%s":   fmt.Sprintf("%s", v),
			"json": apiLog(slog.NewJSONHandler, v),
			"text": apiLog(slog.NewTextHandler, v),
		}
		for how, out := range outputs {
			for _, s := range []string{apiPassword, apiOTP, apiKeyBytes, apiCircle} {
				if strings.Contains(out, s) {
					t.Errorf("%T %s shows secret %q: %s", v, how, s, out)
				}
			}
			if !strings.Contains(out, "[REDACTED]") {
				t.Errorf("%T %s shows no [REDACTED]: %s", v, how, out)
			}
		}
	}
	if got, want := cred.String(), "{User:ann Password:[REDACTED] Key:[REDACTED]}"; got != want {
		t.Errorf("String() = %s, want %s", got, want)
	}
	// Validation errors name the path, never the value.
	err := Login{Vault: Vault{Main: Credentials{Password: "tiny"}, Shape: Square{}}, Otp: apiOTP}.Validate()
	if got := apiViolations(t, err); !reflect.DeepEqual(got, []Violation{{"$.vault.main.password", "shorter than 8 characters"}}) {
		t.Errorf("got %q", got)
	}
	if strings.Contains(err.Error(), "tiny") {
		t.Errorf("error quotes the password: %v", err)
	}
}

func apiLog[H slog.Handler](newHandler func(w io.Writer, o *slog.HandlerOptions) H, v any) string {
	var buf bytes.Buffer
	slog.New(newHandler(&buf, nil)).Info("m", "v", v)
	return buf.String()
}

// TestLengthsCountCharacters pins min_length and max_length to characters, not bytes, on
// both sides of the byte-length shortcut that skips counting: "é" is two bytes and "🎉" four.
func TestLengthsCountCharacters(t *testing.T) {
	base := Constrained{Name: "ab", Code: "ABC", Tags: []string{"t"}}
	for _, tc := range []struct {
		nick, name string
		want       []Violation
	}{
		{nick: "🎉🎉🎉", name: "éé"},    // 12 and 4 bytes: within both bounds
		{nick: "abc", name: "ééééé"}, // 10 bytes, 5 characters: the upper bound
		{nick: "🎉🎉🎉🎉", name: "ab", want: []Violation{{"$.nick", "longer than 3 characters"}}},
		{nick: "a", name: "é", want: []Violation{{"$.name", "shorter than 2 characters"}}},
		{nick: "a", name: "éééééé", want: []Violation{{"$.name", "longer than 5 characters"}}},
	} {
		v := base
		v.Nick, v.Name = &tc.nick, tc.name
		var got []Violation
		for _, vi := range apiViolations(t, v.Validate()) {
			if vi.Reason != "does not match pattern [a-z]+" {
				got = append(got, vi)
			}
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("Validate(name %q, nick %q) = %v, want %v", tc.name, tc.nick, got, tc.want)
		}
	}
	for _, pw := range []struct {
		s    string
		fail bool
	}{{"éééééééé", false}, {"ééééééé", true}, {"🎉🎉🎉🎉🎉🎉🎉🎉", false}, {"12345678", false}, {"1234567", true}} {
		err := Credentials{User: "ann", Password: pw.s}.Validate()
		if (err != nil) != pw.fail {
			t.Errorf("Validate(password of %d characters) = %v, want failure %v", utf8.RuneCountInString(pw.s), err, pw.fail)
		}
	}
}
