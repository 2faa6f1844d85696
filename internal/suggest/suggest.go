// Package suggest finds the known name closest to a misspelt one, for "did you mean"
// hints in diagnostics.
package suggest

import "strings"

// Closest returns the candidate nearest to name, or "" when none is near enough to be a
// plausible typo. Nearness is the edit distance (insertions, deletions, substitutions and
// swaps of neighbours), compared without case; a candidate of which name is an in-order
// abbreviation (ConnState for ConnectionState) also counts, as does a candidate of three
// runes or more that begins name (int for integer). Ties go to the earlier
// candidate, so the answer is deterministic for a given order.
func Closest(name string, candidates []string) string {
	if name == "" {
		return ""
	}
	lname := strings.ToLower(name)
	best, bestScore := "", -1
	for _, c := range candidates {
		if c == name || c == "" {
			continue
		}
		lc := strings.ToLower(c)
		d := distance(lname, lc)
		ok := d <= limit(len([]rune(lname)))
		if !ok && (abbreviates(lname, lc) || len(lc) >= 3 && strings.HasPrefix(lname, lc)) {
			ok = true
		}
		if !ok {
			continue
		}
		if bestScore < 0 || d < bestScore {
			best, bestScore = c, d
		}
	}
	return best
}

// limit is the largest edit distance still taken for a typo in a name of n runes.
func limit(n int) int {
	switch {
	case n <= 3:
		return 1
	case n <= 6:
		return 2
	}
	return n / 3
}

// abbreviates reports whether short is a subsequence of long that keeps long's first rune
// and at least half of its length, and is at least three runes long.
func abbreviates(short, long string) bool {
	s, l := []rune(short), []rune(long)
	if len(s) < 3 || len(s) >= len(l) || 2*len(s) < len(l) || s[0] != l[0] {
		return false
	}
	i := 0
	for _, r := range l {
		if i < len(s) && s[i] == r {
			i++
		}
	}
	return i == len(s)
}

// distance is the optimal string alignment distance between a and b, by runes: the
// Levenshtein distance where swapping two neighbours costs one.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	// Three rows suffice: the swap looks two rows back.
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}
