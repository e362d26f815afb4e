package report

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"
	"testing"
	"time"
)

// hostile is scraped text that tries to run in the report.
const hostile = `Product Owner <script>window.pwned=1</script><img src=x onerror="window.pwned=2">`

// sampleReport is a report with every section filled, and hostile text
// wherever scraped text can appear.
func sampleReport() Report {
	day := func(d int) time.Time { return time.Date(2026, 10, d, 0, 0, 0, 0, time.UTC) }
	return Report{
		Title:     "Product Owner vs Product Manager",
		Generated: day(30),
		Sample: Sample{Postings: 60, From: day(1), To: day(29),
			Sources: []Count{{Label: "greenhouse:acme", N: 40}, {Label: hostile, N: 20}},
			Filters: []string{"posted since 2026-10-01"}},
		Titles: []TitleSection{{
			Title: "Product Owner", Postings: 24, Small: true,
			Brief: []string{"CSPO: 38% of 24 postings (21–58%)", hostile},
			Certs: []Bar{{Label: "CSPO", Share: 0.38, Lo: 0.21, Hi: 0.58, Note: "9 of 24", Class: "required"},
				{Label: hostile, Share: 0.1, Lo: 0.02, Hi: 0.3}},
			Skills: []Bar{{Label: "SQL", Share: 0.5, Lo: 0.3, Hi: 0.7}},
		}},
		Tables: []Table{{ID: "compare", Caption: "Titles side by side", Header: []string{"", "PO", "PM"},
			Rows: [][]Cell{{{Text: "postings"}, {Text: "24", Class: "num"}, {Text: "36", Class: "num"}},
				{{Text: hostile}, {Text: "1"}, {Text: "2"}}}}},
		Salaries: []SalaryGroup{{Currency: "USD", Spreads: []Spread{
			{Label: "Product Owner", Min: 90000, Q1: 110000, Median: 120000, Q3: 135000, Max: 160000, N: 12},
			{Label: "Product Manager", Min: 100000, Q1: 125000, Median: 140000, Q3: 155000, Max: 190000, N: 20}}}},
		Gaps: &Table{Caption: "Your gap list", Header: []string{"competency", "gap"},
			Rows: [][]Cell{{{Text: "SQL"}, {Text: "2", Class: "num"}}}},
		Progress: []Series{{Label: "SQL", Points: []Point{{Date: day(1), Value: 2}, {Date: day(8), Value: 3}, {Date: day(15), Value: 3}}},
			{Label: "Sprint planning", Points: []Point{{Date: day(1), Value: 1}, {Date: day(15), Value: 4}}}},
		Methods: []Method{{Heading: "Shares", Text: "A share is postings naming a term out of all postings."}},
		Data:    map[string]any{"title": hostile, "postings": 60},
	}
}

func TestRenderEscapesScrapedText(t *testing.T) {
	var b bytes.Buffer
	if err := Render(&b, sampleReport()); err != nil {
		t.Fatal(err)
	}
	html := b.String()
	if strings.Contains(html, "<script>window.pwned") || strings.Contains(html, `<img src=x`) {
		t.Fatalf("scraped markup reached the page unescaped")
	}
	if n := strings.Count(html, "<script"); n != 1 {
		t.Errorf("page has %d script elements, want only the JSON data block", n)
	}
	for _, want := range []string{`id="sample"`, `class="chart bars wide"`, `class="chart boxes narrow"`, `class="chart lines wide"`, `id="compare"`, `id="gaps"`, `id="methods"`} {
		if !strings.Contains(html, want) {
			t.Errorf("page lacks %s", want)
		}
	}
}

func TestRenderEmbedsData(t *testing.T) {
	var b bytes.Buffer
	if err := Render(&b, sampleReport()); err != nil {
		t.Fatal(err)
	}
	data, err := EmbeddedData(b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(data, &got); err != nil {
		t.Fatalf("embedded data is not JSON: %v\n%s", err, data)
	}
	if got["title"] != hostile || got["postings"] != float64(60) {
		t.Errorf("embedded data = %v", got)
	}
}

func TestBarGeometry(t *testing.T) {
	c := newBarChart(wide, "x", []Bar{{Label: "A", Share: 0.5, Lo: 0.25, Hi: 0.75}, {Label: "B", Share: 0, Lo: 0, Hi: 0.1}})
	plot := wide.Width - wide.ValueWidth - wide.LabelWidth
	if got := c.Rows[0].BarW; got != plot/2 {
		t.Errorf("50%% bar width = %v, want %v", got, plot/2)
	}
	if c.Rows[0].LoX != wide.LabelWidth+plot/4 || c.Rows[0].HiX != wide.LabelWidth+plot*3/4 {
		t.Errorf("whiskers at %v..%v", c.Rows[0].LoX, c.Rows[0].HiX)
	}
	if c.Rows[1].BarW != 0 || c.Rows[1].Y <= c.Rows[0].Y {
		t.Errorf("second row: %+v", c.Rows[1])
	}
}

var numAttr = regexp.MustCompile(`(?:x|y|width|height|x1|x2|y1|y2|cx|cy)="([^"]*)"`)

func TestChartsHaveFiniteCoordinates(t *testing.T) {
	r := sampleReport()
	r.Salaries[0].Spreads = append(r.Salaries[0].Spreads, Spread{Label: "one value", Min: 5, Q1: 5, Median: 5, Q3: 5, Max: 5, N: 1})
	r.Progress = append(r.Progress, Series{Label: "single point", Points: []Point{{Date: time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC), Value: 3}}})
	var b bytes.Buffer
	if err := Render(&b, r); err != nil {
		t.Fatal(err)
	}
	for _, m := range numAttr.FindAllStringSubmatch(b.String(), -1) {
		if strings.Contains(m[1], "NaN") || strings.Contains(m[1], "Inf") || strings.HasPrefix(m[1], "-") {
			t.Errorf("bad coordinate %s", m[0])
		}
	}
}
