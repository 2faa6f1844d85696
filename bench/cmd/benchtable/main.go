// Command benchtable reads `go test -bench` output and prints, as Markdown, the median of
// each benchmark's ns/op, B/op and allocs/op over all its runs, its ratio to baseline
// contenders, and whether each target ratio is met.
//
// A benchmark named Benchmark<Group...>/<contender> belongs to the group <Group...>; ratios
// compare contenders within one group. A contender named key=N (frames=1000) also gets a
// per-unit column, ns/op divided by N, which shows how cost grows with size.
//
// Usage:
//
//	benchtable [-base map_json,easyjson] [-target NUM:DEN:LIMIT]... [file...]
//
// With no files it reads stdin. A target such as
// Encode/ChatMessage/framegen:Encode/ChatMessage/goccy:1.0 is met when the median ns/op of
// the first benchmark is at most LIMIT times that of the second.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run is main without the process: it returns the exit code (0 done, 1 a target missed,
// 2 bad usage or unreadable input).
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("benchtable", flag.ContinueOnError)
	fs.SetOutput(stderr)
	base := fs.String("base", "map_json,easyjson", "comma-separated contenders every other one is compared with, within its group")
	var targets []target
	fs.Func("target", "NUM:DEN:LIMIT, met when median ns/op of NUM <= LIMIT x that of DEN (repeatable)", func(s string) error {
		t, err := parseTarget(s)
		if err != nil {
			return err
		}
		targets = append(targets, t)
		return nil
	})
	strict := fs.Bool("strict", false, "exit 1 when a target is missed")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	var inputs []io.Reader
	for _, name := range fs.Args() {
		f, err := os.Open(name)
		if err != nil {
			fmt.Fprintf(stderr, "benchtable: %v\n", err)
			return 2
		}
		defer f.Close()
		inputs = append(inputs, f)
	}
	if len(inputs) == 0 {
		inputs = append(inputs, stdin)
	}
	res, err := parse(io.MultiReader(inputs...))
	if err != nil {
		fmt.Fprintf(stderr, "benchtable: %v\n", err)
		return 2
	}
	var bases []string
	for _, b := range strings.Split(*base, ",") {
		if b = strings.TrimSpace(b); b != "" {
			bases = append(bases, b)
		}
	}
	missed, err := render(stdout, res, bases, targets)
	if err != nil {
		fmt.Fprintf(stderr, "benchtable: %v\n", err)
		return 2
	}
	if missed > 0 && *strict {
		return 1
	}
	return 0
}
