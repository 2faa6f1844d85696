package compat

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Format is an output format for findings.
type Format string

// The formats of `framegen diff --format`.
const (
	Text   Format = "text"   // file:line:col: severity: RULE: message [direction]
	JSON   Format = "json"   // one Report object
	GitHub Format = "github" // GitHub Actions workflow commands (annotations)
)

// Formats lists every format, for usage messages.
func Formats() []Format { return []Format{Text, JSON, GitHub} }

// ParseFormat returns the format named s, or an error naming the valid ones.
func ParseFormat(s string) (Format, error) {
	for _, f := range Formats() {
		if string(f) == s {
			return f, nil
		}
	}
	return "", fmt.Errorf("unknown format %q (want text, json or github)", s)
}

// Report is the JSON form of a comparison. Its shape is stable: fields are only ever added.
type Report struct {
	Findings []ReportFinding `json:"findings"` // sorted as Compare sorts them; [] when none
	Breaking int             `json:"breaking"` // how many findings are breaking
}

// ReportFinding is one finding in a Report.
type ReportFinding struct {
	Rule      string `json:"rule"`
	Severity  string `json:"severity"`  // "breaking", "warning" or "info"
	Direction string `json:"direction"` // "client→server", "server→client", or ""
	File      string `json:"file"`
	Line      int    `json:"line"`
	Col       int    `json:"col"`
	Message   string `json:"message"`
}

// NewReport returns the JSON form of fs.
func NewReport(fs []Finding) Report {
	r := Report{Findings: make([]ReportFinding, 0, len(fs)), Breaking: CountBreaking(fs)}
	for _, f := range fs {
		r.Findings = append(r.Findings, ReportFinding{
			Rule: f.Rule, Severity: f.Severity.String(), Direction: f.DirectionString(),
			File: f.Pos.File, Line: f.Pos.Line, Col: f.Pos.Col, Message: f.Message,
		})
	}
	return r
}

// Write writes fs to w in format.
func Write(w io.Writer, format Format, fs []Finding) error {
	bw := bufio.NewWriter(w)
	switch format {
	case Text:
		for _, f := range fs {
			fmt.Fprintln(bw, f.String())
		}
	case JSON:
		enc := json.NewEncoder(bw)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(NewReport(fs)); err != nil {
			return fmt.Errorf("write findings: %w", err)
		}
	case GitHub:
		for _, f := range fs {
			fmt.Fprintln(bw, f.Annotation())
		}
	default:
		return fmt.Errorf("write findings: unknown format %q", format)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write findings: %w", err)
	}
	return nil
}

// String formats f as `file:line:col: severity: RULE: message [direction]`.
func (f Finding) String() string {
	var b strings.Builder
	b.WriteString(f.Pos.String())
	b.WriteString(": ")
	b.WriteString(f.Severity.String())
	b.WriteString(": ")
	b.WriteString(f.Rule)
	b.WriteString(": ")
	b.WriteString(f.Message)
	if d := f.DirectionString(); d != "" {
		b.WriteString(" [")
		b.WriteString(d)
		b.WriteString("]")
	}
	return b.String()
}

// Annotation formats f as a GitHub Actions workflow command: ::error for a breaking finding,
// ::warning for a warning, ::notice for info.
func (f Finding) Annotation() string {
	cmd := "notice"
	switch f.Severity {
	case Breaking:
		cmd = "error"
	case Warning:
		cmd = "warning"
	}
	msg := f.Message
	if d := f.DirectionString(); d != "" {
		msg += " [" + d + "]"
	}
	return "::" + cmd +
		" file=" + escapeProperty(f.Pos.File) +
		",line=" + strconv.Itoa(f.Pos.Line) +
		",col=" + strconv.Itoa(f.Pos.Col) +
		",title=" + escapeProperty(f.Rule) +
		"::" + escapeData(msg)
}

// escapeData escapes a workflow command's message as the Actions runner unescapes it.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeProperty escapes a workflow command's property value.
func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
