package main

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// render writes one Markdown table per group and, when there are targets, a table of
// target ratios. It returns how many targets were missed (a target whose benchmarks are
// absent counts as missed).
func render(w io.Writer, res *results, bases []string, targets []target) (int, error) {
	var groups []string
	members := map[string][]*bench{}
	for _, b := range res.benches {
		g, _ := split(b.name)
		if _, seen := members[g]; !seen {
			groups = append(groups, g)
		}
		members[g] = append(members[g], b)
	}
	var sb strings.Builder
	for i, g := range groups {
		if i > 0 {
			sb.WriteByte('\n')
		}
		writeGroup(&sb, g, members[g], bases)
	}
	missed := 0
	if len(targets) > 0 {
		sb.WriteString("\n### Targets\n\n| target | ratio of median ns/op | limit | result |\n|---|--:|--:|---|\n")
		for _, t := range targets {
			ratio, ok := math.NaN(), false
			n, d := res.byName[t.num], res.byName[t.den]
			if n != nil && d != nil {
				ratio = median(n.samples[0]) / median(d.samples[0])
				ok = !math.IsNaN(ratio) && ratio <= t.limit
			}
			result := "met"
			switch {
			case math.IsNaN(ratio):
				result = "no data"
			case !ok:
				result = "missed"
			}
			if !ok {
				missed++
			}
			fmt.Fprintf(&sb, "| %s ÷ %s | %s | ≤ %s | %s |\n", t.num, t.den, fmtRatio(ratio), fmtRatio(t.limit), result)
		}
	}
	_, err := io.WriteString(w, sb.String())
	return missed, err
}

// writeGroup writes one group's table: a row per contender, with a ratio column per base
// contender the group has and a per-unit column when contenders are named key=N.
func writeGroup(sb *strings.Builder, group string, bs []*bench, bases []string) {
	medians := map[string]float64{}
	unitKey := ""
	for _, b := range bs {
		_, c := split(b.name)
		medians[c] = median(b.samples[0])
		if key, _, ok := unitsOf(c); ok && unitKey == "" {
			unitKey = key
		}
	}
	var present []string
	for _, base := range bases {
		if _, ok := medians[base]; ok {
			present = append(present, base)
		}
	}
	title := group
	if title == "" {
		title = "(ungrouped)"
	}
	fmt.Fprintf(sb, "### %s\n\n| contender | runs | ns/op | B/op | allocs/op |", title)
	align := "|---|--:|--:|--:|--:|"
	if unitKey != "" {
		fmt.Fprintf(sb, " ns/op per %s |", strings.TrimSuffix(unitKey, "s"))
		align += "--:|"
	}
	for _, base := range present {
		fmt.Fprintf(sb, " × %s |", base)
		align += "--:|"
	}
	sb.WriteString("\n" + align + "\n")
	for _, b := range bs {
		_, c := split(b.name)
		ns := median(b.samples[0])
		fmt.Fprintf(sb, "| %s | %d | %s | %s | %s |", c, len(b.samples[0]), fmtNum(ns), fmtNum(median(b.samples[1])), fmtNum(median(b.samples[2])))
		if unitKey != "" {
			per := "–"
			if _, n, ok := unitsOf(c); ok {
				per = fmtNum(ns / n)
			}
			fmt.Fprintf(sb, " %s |", per)
		}
		for _, base := range present {
			fmt.Fprintf(sb, " %s |", fmtRatio(ns/medians[base]))
		}
		sb.WriteByte('\n')
	}
}

// fmtNum writes a value with thousands separators: integral from 100 up, one decimal
// below, "–" for a missing value.
func fmtNum(v float64) string {
	switch {
	case math.IsNaN(v):
		return "–"
	case math.Abs(v) < 100 && v != math.Trunc(v):
		return strconv.FormatFloat(v, 'f', 1, 64)
	}
	s := strconv.FormatInt(int64(math.Round(v)), 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var out []byte
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, s[i])
	}
	if neg {
		return "-" + string(out)
	}
	return string(out)
}

// fmtRatio writes a ratio with two decimals (three below 0.1) and a ×, or "–" when it is not a number.
func fmtRatio(r float64) string {
	if math.IsNaN(r) || math.IsInf(r, 0) {
		return "–"
	}
	prec := 2
	if r < 0.1 {
		prec = 3 // a hundredfold speed-up still shows as a number, not 0.00×
	}
	return strconv.FormatFloat(r, 'f', prec, 64) + "×"
}
