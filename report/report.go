// Package report renders jobgap's findings as one self-contained HTML
// page: styles and SVG charts inline, no script and no network needed to
// open it, readable on a phone and printable.
//
// The page is drawn with html/template, so every string that came from a
// posting (titles, company names, evidence) is escaped: scraped text can
// never run in the report. The numbers come in ready-made, from the same
// analysis the command line prints; Render only lays them out, and embeds
// Data as JSON so that tools (and tests) can read exactly what was shown.
package report

import (
	"bytes"
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"time"
)

//go:embed report.html
var pageTemplate string

var page = template.Must(template.New("report").Funcs(template.FuncMap{
	"wide":      func() layout { return wide },
	"narrow":    func() layout { return narrow },
	"barChart":  newBarChart,
	"boxChart":  newBoxChart,
	"lineChart": newLineChart,
	"pct":       func(x float64) string { return fmt.Sprintf("%.0f%%", x*100) },
	"date":      func(t time.Time) string { return t.Format("2 Jan 2006") },
	"add":       func(a, b float64) float64 { return a + b },
	"sub":       func(a, b float64) float64 { return a - b },
}).Parse(pageTemplate))

// Report is everything the page shows. Sections with nothing in them are
// left out.
type Report struct {
	Title     string
	Generated time.Time
	Sample    Sample
	Titles    []TitleSection // one per title asked for
	Tables    []Table        // the title comparison and other tables
	Salaries  []SalaryGroup  // one chart per currency
	Gaps      *Table         // the prioritized gap list
	Progress  []Series       // ratings over time, from audit history
	Methods   []Method       // how the numbers are computed, in plain words
	Data      any            // embedded as JSON in <script type="application/json" id="jobgap-data">
}

// Sample describes the postings behind the numbers.
type Sample struct {
	Postings int
	Sources  []Count
	From, To time.Time
	Filters  []string
}

// Count is a labelled number.
type Count struct {
	Label string
	N     int
}

// TitleSection is what postings of one title ask for.
type TitleSection struct {
	Title    string
	Postings int
	Small    bool     // fewer postings than a share can rest on
	Brief    []string // plain-words lines, each with its share and N
	Certs    []Bar
	Skills   []Bar
}

// Table is a table of text cells.
type Table struct {
	ID      string
	Caption string
	Note    string
	Header  []string
	Rows    [][]Cell
}

// Cell is one table cell.
type Cell struct {
	Text  string
	Class string // "num", "strong", "muted", "good", "bad"
	Title string // tooltip
}

// SalaryGroup is the salary spreads of several titles in one currency.
type SalaryGroup struct {
	Currency string
	Spreads  []Spread
}

// Method is one paragraph of the methods section.
type Method struct {
	Heading string
	Text    string
}

// Render writes the report as one HTML page.
func Render(w io.Writer, r Report) error {
	if r.Generated.IsZero() {
		r.Generated = time.Now()
	}
	return page.Execute(w, r)
}

// EmbeddedData returns the JSON that Render embedded in a page.
func EmbeddedData(page []byte) ([]byte, error) {
	const open = `<script type="application/json" id="jobgap-data">`
	i := bytes.Index(page, []byte(open))
	if i < 0 {
		return nil, fmt.Errorf("no jobgap data block in the page")
	}
	rest := page[i+len(open):]
	j := bytes.Index(rest, []byte("</script>"))
	if j < 0 {
		return nil, fmt.Errorf("unterminated jobgap data block")
	}
	return bytes.TrimSpace(rest[:j]), nil
}
