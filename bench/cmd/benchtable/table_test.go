package main

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestMedian(t *testing.T) {
	tests := []struct {
		name string
		in   []float64
		want float64
	}{
		{"one", []float64{7}, 7},
		{"odd unsorted", []float64{9, 1, 5}, 5},
		{"even is the mean of the middle two", []float64{4, 1, 3, 2}, 2.5},
		{"outliers do not move it", []float64{100, 1e9, 101, 99, 0}, 100},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := append([]float64(nil), tt.in...)
			if got := median(in); got != tt.want {
				t.Errorf("median(%v) = %v, want %v", tt.in, got, tt.want)
			}
			if !reflect.DeepEqual(in, tt.in) {
				t.Errorf("median reordered its input: %v", in)
			}
		})
	}
	if got := median(nil); !math.IsNaN(got) {
		t.Errorf("median(nil) = %v, want NaN", got)
	}
}

func TestParse(t *testing.T) {
	in := "BenchmarkA/x-4 \t 10\t 12.5 ns/op\t 3 B/op\t 1 allocs/op\n" +
		"BenchmarkA/x-4 \t 10\t 14.5 ns/op\t 5 B/op\t 1 allocs/op\n" +
		"BenchmarkA/y \t 10\t 1 ns/op\t 9.5 MB/s\n" +
		"BenchmarkA/z FAIL\n" +
		"not a benchmark 1 2 3\n"
	res, err := parse(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, b := range res.benches {
		names = append(names, b.name)
	}
	if want := []string{"A/x", "A/y"}; !reflect.DeepEqual(names, want) {
		t.Fatalf("names = %q, want %q", names, want)
	}
	x := res.byName["A/x"]
	want := [3][]float64{{12.5, 14.5}, {3, 5}, {1, 1}}
	if !reflect.DeepEqual(x.samples, want) {
		t.Errorf("A/x samples = %v, want %v", x.samples, want)
	}
	if y := res.byName["A/y"]; len(y.samples[1]) != 0 || !reflect.DeepEqual(y.samples[0], []float64{1}) {
		t.Errorf("A/y samples = %v, want ns/op only", y.samples)
	}
}

func TestParseBadNumber(t *testing.T) {
	_, err := parse(strings.NewReader("x\nBenchmarkA 10 1.2.3 ns/op\n"))
	if err == nil || !strings.Contains(err.Error(), "line 2: ns/op") {
		t.Fatalf("err = %v, want the line and metric", err)
	}
}

func TestTrimProcs(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Encode/AuthError/goccy-2", "Encode/AuthError/goccy"},
		{"Encode/AuthError/goccy", "Encode/AuthError/goccy"},
		{"Generate/frames=100-16", "Generate/frames=100"},
		{"Encode/floor-copy", "Encode/floor-copy"},
		{"a-1/b", "a-1/b"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := trimProcs(tt.in); got != tt.want {
				t.Errorf("trimProcs(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestParseTarget(t *testing.T) {
	tests := []struct {
		name, in string
		want     target
		wantErr  string
	}{
		{"ok", "A/x:A/y:1.3", target{"A/x", "A/y", 1.3}, ""},
		{"two parts", "A/x:A/y", target{}, "want NUM:DEN:LIMIT"},
		{"empty name", ":A/y:1", target{}, "want NUM:DEN:LIMIT"},
		{"bad limit", "A/x:A/y:fast", target{}, "limit must be a positive number"},
		{"zero limit", "A/x:A/y:0", target{}, "limit must be a positive number"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseTarget(tt.in)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("parseTarget(%q) = %+v, %v, want %+v", tt.in, got, err, tt.want)
			}
		})
	}
}

func TestFormat(t *testing.T) {
	tests := []struct {
		name string
		got  string
		want string
	}{
		{"thousands", fmtNum(1234567), "1,234,567"},
		{"rounds from 100", fmtNum(999.6), "1,000"},
		{"decimal below 100", fmtNum(39.25), "39.2"},
		{"integral below 100", fmtNum(18), "18"},
		{"negative", fmtNum(-4500), "-4,500"},
		{"missing", fmtNum(math.NaN()), "–"},
		{"ratio", fmtRatio(1.234), "1.23×"},
		{"small ratio", fmtRatio(0.0123), "0.012×"},
		{"no ratio", fmtRatio(math.Inf(1)), "–"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %q, want %q", tt.got, tt.want)
			}
		})
	}
}

// TestRun renders testdata/input.txt with targets, against testdata/want.md
// (UPDATE_GOLDEN=1 rewrites it), and checks the exit codes.
func TestRun(t *testing.T) {
	args := []string{
		"-target", "Encode/AuthError/framegen:Encode/AuthError/easyjson:1.0",
		"-target", "Encode/AuthError/framegen:Encode/AuthError/floor:1.3",
		"-target", "Generate/frames=100:Format/frames=100:2",
		"-target", "Generate/frames=5000:Format/frames=5000:2",
		filepath.Join("testdata", "input.txt"),
	}
	var stdout, stderr bytes.Buffer
	if code := run(args, nil, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d, want 0 without -strict; stderr: %s", code, &stderr)
	}
	golden := filepath.Join("testdata", "want.md")
	if os.Getenv("UPDATE_GOLDEN") == "1" {
		if err := os.WriteFile(golden, stdout.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got := stdout.String(); got != string(want) {
		t.Errorf("output differs from %s (UPDATE_GOLDEN=1 rewrites it)\ngot:\n%s\nwant:\n%s", golden, got, want)
	}

	stdout.Reset()
	if code := run(append([]string{"-strict"}, args...), nil, &stdout, &stderr); code != 1 {
		t.Errorf("-strict with missed targets: exit %d, want 1", code)
	}
	stderr.Reset()
	if code := run([]string{"-target", "nonsense"}, nil, &stdout, &stderr); code != 2 {
		t.Errorf("bad -target: exit %d, want 2", code)
	}
	if !strings.Contains(stderr.String(), `target "nonsense": want NUM:DEN:LIMIT`) {
		t.Errorf("bad -target: stderr = %q", stderr.String())
	}
	stderr.Reset()
	if code := run([]string{filepath.Join("testdata", "absent.txt")}, nil, &stdout, &stderr); code != 2 {
		t.Errorf("missing file: exit %d, want 2", code)
	}
	if !strings.Contains(stderr.String(), "absent.txt") {
		t.Errorf("missing file: stderr = %q, want the file named", stderr.String())
	}
}
