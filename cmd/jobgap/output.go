package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"unicode/utf8"
)

// Output formats of result commands.
const (
	formatTable    = "table"
	formatMarkdown = "markdown"
	formatCSV      = "csv"
	formatJSON     = "json"
)

func checkFormat(f string, allowed ...string) error {
	for _, a := range allowed {
		if f == a {
			return nil
		}
	}
	return usagef("--format %q is not one of %s", f, strings.Join(allowed, ", "))
}

// table is a result laid out in rows, rendered as an aligned text table,
// a markdown table or CSV.
type table struct {
	header []string
	right  []bool // right-align column i (numbers)
	rows   [][]string
}

func (t *table) add(cells ...string) { t.rows = append(t.rows, cells) }

func (t *table) write(w io.Writer, format string) error {
	switch format {
	case formatMarkdown:
		return t.markdown(w)
	case formatCSV:
		return writeCSV(w, t.header, t.rows)
	default:
		return t.text(w)
	}
}

func (t *table) text(w io.Writer) error {
	var buf strings.Builder
	tw := tabwriter.NewWriter(&buf, 0, 0, 2, ' ', 0)
	line := func(cells []string) {
		for i, c := range cells {
			if i > 0 {
				fmt.Fprint(tw, "\t")
			}
			fmt.Fprint(tw, terminalSafe(c))
		}
		fmt.Fprintln(tw)
	}
	line(t.header)
	for _, r := range t.rows {
		line(r)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	// Empty last cells would leave padding at line ends.
	var out strings.Builder
	for _, l := range strings.SplitAfter(buf.String(), "\n") {
		if l == "" {
			continue
		}
		out.WriteString(strings.TrimRight(l, " \n"))
		out.WriteString("\n")
	}
	_, err := io.WriteString(w, out.String())
	return err
}

func (t *table) markdown(w io.Writer) error {
	var b strings.Builder
	cell := func(s string) string {
		s = strings.ReplaceAll(terminalSafe(s), "|", `\|`)
		return strings.ReplaceAll(s, "\n", " ")
	}
	b.WriteString("|")
	for _, h := range t.header {
		b.WriteString(" " + cell(h) + " |")
	}
	b.WriteString("\n|")
	for i := range t.header {
		if i < len(t.right) && t.right[i] {
			b.WriteString("---:|")
		} else {
			b.WriteString("---|")
		}
	}
	b.WriteString("\n")
	for _, r := range t.rows {
		b.WriteString("|")
		for _, c := range r {
			b.WriteString(" " + cell(c) + " |")
		}
		b.WriteString("\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// writeCSV writes a header and rows. Cells are scraped text: one that a
// spreadsheet would read as a formula (=, +, -, @ first) is prefixed
// with a quote so that opening the file never runs anything.
func writeCSV(w io.Writer, header []string, rows [][]string) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(header); err != nil {
		return err
	}
	cw.Flush()
	return writeCSVRows(w, rows)
}

// writeCSVRows writes rows without a header, made safe as writeCSV does.
func writeCSVRows(w io.Writer, rows [][]string) error {
	cw := csv.NewWriter(w)
	for _, r := range rows {
		safe := make([]string, len(r))
		for i, c := range r {
			safe[i] = csvSafe(c)
		}
		if err := cw.Write(safe); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func csvSafe(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '@', '\t', '\r':
		return "'" + s
	case '-':
		// Negative numbers are data, not formulas.
		if _, err := fmt.Sscanf(s, "%g", new(float64)); err == nil && !strings.ContainsAny(s, " (") {
			return s
		}
		return "'" + s
	}
	return s
}

// terminalSafe drops control characters (escape sequences in scraped
// titles could otherwise rewrite the user's terminal) and invalid UTF-8.
func terminalSafe(s string) string {
	clean := true
	for _, r := range s {
		if r == utf8.RuneError || (r < 0x20 && r != '\t') || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n' || r == '\t':
			b.WriteRune(' ')
		case r == utf8.RuneError || r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

func pct(x float64) string { return fmt.Sprintf("%.0f%%", x*100) }

func ci(lo, hi float64) string { return fmt.Sprintf("%.0f–%.0f%%", lo*100, hi*100) }
