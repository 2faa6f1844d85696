package main

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
)

// metrics are the columns benchtable reports, in order.
var metrics = [...]string{"ns/op", "B/op", "allocs/op"}

// bench is one benchmark's samples, one slice per metric, in input order.
type bench struct {
	name    string // without the Benchmark prefix and the -GOMAXPROCS suffix
	samples [len(metrics)][]float64
}

// results holds every benchmark in the order it first appeared.
type results struct {
	benches []*bench
	byName  map[string]*bench
}

// parse reads `go test -bench` output; lines that are not benchmark results are skipped.
func parse(r io.Reader) (*results, error) {
	res := &results{byName: map[string]*bench{}}
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		f := strings.Fields(sc.Text())
		if len(f) < 4 || !strings.HasPrefix(f[0], "Benchmark") {
			continue
		}
		if _, err := strconv.Atoi(f[1]); err != nil {
			continue // "BenchmarkX ... FAIL" or a log line that starts with the name
		}
		name := trimProcs(strings.TrimPrefix(f[0], "Benchmark"))
		b := res.byName[name]
		if b == nil {
			b = &bench{name: name}
			res.byName[name] = b
			res.benches = append(res.benches, b)
		}
		for i := 2; i+1 < len(f); i += 2 {
			m := slices.Index(metrics[:], f[i+1])
			if m < 0 {
				continue // MB/s and custom metrics
			}
			v, err := strconv.ParseFloat(f[i], 64)
			if err != nil {
				return nil, fmt.Errorf("line %d: %s: %w", line, f[i+1], err)
			}
			b.samples[m] = append(b.samples[m], v)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	return res, nil
}

// trimProcs drops the -N that go test appends to a name when GOMAXPROCS is not 1.
func trimProcs(name string) string {
	i := strings.LastIndexByte(name, '-')
	if i < 0 || strings.LastIndexByte(name, '/') > i {
		return name
	}
	if _, err := strconv.Atoi(name[i+1:]); err != nil {
		return name
	}
	return name[:i]
}

// median returns the middle of xs (the mean of the two middle values for an even count),
// or NaN for no values. It does not reorder xs.
func median(xs []float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// split returns a benchmark name's group and contender: all before the last '/', and the rest.
func split(name string) (group, contender string) {
	i := strings.LastIndexByte(name, '/')
	if i < 0 {
		return "", name
	}
	return name[:i], name[i+1:]
}

// unitsOf returns N for a contender named key=N, and false for any other.
func unitsOf(contender string) (string, float64, bool) {
	key, val, ok := strings.Cut(contender, "=")
	if !ok {
		return "", 0, false
	}
	n, err := strconv.ParseFloat(val, 64)
	if err != nil || n <= 0 {
		return "", 0, false
	}
	return key, n, true
}

// target is a ratio of two benchmarks' median ns/op that must not exceed limit.
type target struct {
	num, den string
	limit    float64
}

// parseTarget reads NUM:DEN:LIMIT.
func parseTarget(s string) (target, error) {
	parts := strings.Split(s, ":")
	if len(parts) != 3 || parts[0] == "" || parts[1] == "" {
		return target{}, fmt.Errorf("target %q: want NUM:DEN:LIMIT", s)
	}
	limit, err := strconv.ParseFloat(parts[2], 64)
	if err != nil || limit <= 0 {
		return target{}, fmt.Errorf("target %q: limit must be a positive number", s)
	}
	return target{num: parts[0], den: parts[1], limit: limit}, nil
}
