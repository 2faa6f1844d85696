package suggest

import "testing"

func TestClosest(t *testing.T) {
	keys := []string{"type", "optional", "nullable", "description", "deprecated", "secret",
		"example", "default", "min", "max", "min_length", "max_length", "pattern",
		"min_items", "max_items", "go_name"}
	tests := []struct {
		name       string
		in         string
		candidates []string
		want       string
	}{
		{"one substitution", "tipe", keys, "type"},
		{"swapped letters", "min_lenght", keys, "min_length"},
		{"case only", "Optional", keys, "optional"},
		{"abbreviation", "ConnState", []string{"User", "ConnectionState"}, "ConnectionState"},
		{"missing letter", "frm", []string{"from", "tag", "fields"}, "from"},
		{"too far", "colour", keys, ""},
		{"short too far", "ab", []string{"xyz"}, ""},
		{"exact match is not a suggestion", "type", []string{"type"}, ""},
		{"empty name", "", keys, ""},
		{"no candidates", "type", nil, ""},
		{"nearest wins", "mix", []string{"max", "min"}, "max"},
		{"tie goes to earlier", "mun", []string{"min", "max", "man"}, "min"},
		{"plural", "frame", []string{"frames", "enums"}, "frames"},
		{"unicode", "naïve", []string{"naive"}, "naive"},
		{"candidate begins the name", "integer", []string{"string", "int"}, "int"},
		{"short prefix is not enough", "abcdefgh", []string{"ab"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Closest(tt.in, tt.candidates); got != tt.want {
				t.Errorf("Closest(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"abc", "", 3},
		{"", "abc", 3},
		{"kitten", "sitting", 3},
		{"ab", "ba", 1},
		{"ca", "abc", 3},
		{"日本", "日本語", 1},
	}
	for _, tt := range tests {
		if got := distance(tt.a, tt.b); got != tt.want {
			t.Errorf("distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}
