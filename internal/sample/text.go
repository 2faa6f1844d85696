package sample

import (
	"errors"
	"fmt"
	"regexp"
	"regexp/syntax"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/framegen/framegen/schema"
)

// maxReps bounds how many repetitions of a starred sub-pattern the synthesis tries.
const maxReps = 64

// maxBytes bounds a synthesized string: nested repetitions grow it exponentially.
const maxBytes = 4096

// str returns a string meeting c: the field's name, padded with "x" to min_length and cut to
// max_length; with a pattern, that string if it matches, else the shortest string the
// pattern's syntax tree yields with 0, 1, 2 … repetitions that matches and fits the length
// bounds.
func str(name string, c schema.Constraints) (string, error) {
	fits := func(s string) bool {
		n := int64(utf8.RuneCountInString(s))
		return (c.MinLength == nil || n >= *c.MinLength) && (c.MaxLength == nil || n <= *c.MaxLength)
	}
	base := name
	if c.MinLength != nil {
		for int64(utf8.RuneCountInString(base)) < *c.MinLength {
			base += "x"
		}
	}
	if c.MaxLength != nil && int64(utf8.RuneCountInString(base)) > *c.MaxLength {
		base = string([]rune(base)[:*c.MaxLength])
	}
	if c.Pattern == "" {
		return base, nil
	}
	re, err := regexp.Compile(`^(?:` + c.Pattern + `)$`)
	if err != nil {
		return "", fmt.Errorf("pattern %q does not compile: %w", c.Pattern, err)
	}
	if re.MatchString(base) {
		return base, nil
	}
	tree, err := syntax.Parse(c.Pattern, syntax.Perl)
	if err != nil {
		return "", fmt.Errorf("pattern %q does not compile: %w", c.Pattern, err)
	}
	tree = tree.Simplify()
	limit := maxReps
	if c.MinLength != nil && *c.MinLength+1 < int64(limit) {
		limit = int(*c.MinLength) + 1
	}
	for reps := 0; reps <= limit; reps++ {
		var b strings.Builder
		if err := synth(&b, tree, reps); err != nil {
			break
		}
		if s := b.String(); re.MatchString(s) && fits(s) {
			return s, nil
		}
	}
	return "", fmt.Errorf("no value found that matches pattern %q and the length bounds; give the field an example", c.Pattern)
}

var (
	errNoMatch = errors.New("pattern matches nothing")
	errTooLong = errors.New("synthesized string too long")
)

// synth writes a string that the regexp tree re matches, taking each repetition reps times
// (within its bounds) and the first branch of each alternation. Anchors and word
// boundaries write nothing; the caller checks the result with the real matcher.
func synth(b *strings.Builder, re *syntax.Regexp, reps int) error {
	if b.Len() > maxBytes {
		return errTooLong
	}
	switch re.Op {
	case syntax.OpNoMatch:
		return errNoMatch
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			b.WriteString(strings.ToLower(string(re.Rune)))
		} else {
			b.WriteString(string(re.Rune))
		}
	case syntax.OpCharClass:
		r, ok := pick(re.Rune)
		if !ok {
			return errNoMatch
		}
		b.WriteRune(r)
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		b.WriteByte('a')
	case syntax.OpCapture:
		return synth(b, re.Sub[0], reps)
	case syntax.OpStar, syntax.OpPlus, syntax.OpQuest, syntax.OpRepeat:
		lo, hi := 0, -1
		switch re.Op {
		case syntax.OpPlus:
			lo = 1
		case syntax.OpQuest:
			hi = 1
		case syntax.OpRepeat:
			lo, hi = re.Min, re.Max
		}
		n := max(reps, lo)
		if hi >= 0 {
			n = min(n, hi)
		}
		for range n {
			if err := synth(b, re.Sub[0], reps); err != nil {
				return err
			}
		}
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			if err := synth(b, sub, reps); err != nil {
				return err
			}
		}
	case syntax.OpAlternate:
		return synth(b, re.Sub[0], reps)
	}
	// OpEmptyMatch, line and text anchors, word boundaries: nothing to write.
	return nil
}

// pick chooses a readable rune from a class given as [lo, hi] pairs: a lower-case letter,
// a digit or an upper-case letter when the class has one, else its first printable rune.
func pick(ranges []rune) (rune, bool) {
	in := func(r rune) bool {
		for i := 0; i+1 < len(ranges); i += 2 {
			if ranges[i] <= r && r <= ranges[i+1] {
				return true
			}
		}
		return false
	}
	for _, span := range [][2]rune{{'a', 'z'}, {'0', '9'}, {'A', 'Z'}} {
		for r := span[0]; r <= span[1]; r++ {
			if in(r) {
				return r, true
			}
		}
	}
	for i := 0; i+1 < len(ranges); i += 2 {
		for r := max(ranges[i], ' '); r <= ranges[i+1] && r < ranges[i]+0x100+' '; r++ {
			if unicode.IsPrint(r) {
				return r, true
			}
		}
	}
	if len(ranges) >= 2 {
		return ranges[0], true
	}
	return 0, false
}
