package report

import (
	"fmt"
	"math"
	"strings"
	"time"
	"unicode/utf8"
)

// The charts are SVG drawn by the templates in report.html from the
// geometry computed here: no script, no network, and every label goes
// through html/template's escaping.

// layout is the geometry of one chart width. Each chart is drawn twice:
// wide for screens and print, and narrow, with labels above the bars, for
// phones; CSS shows one of the two.
type layout struct {
	Class      string  // "wide" or "narrow"
	Width      float64 // of the viewBox
	LabelWidth float64 // left of the plot; 0: labels sit above the bars
	ValueWidth float64 // right of the plot
	RowHeight  float64
	LabelChars int
}

var (
	wide   = layout{Class: "wide", Width: 640, LabelWidth: 230, ValueWidth: 110, RowHeight: 26, LabelChars: 30}
	narrow = layout{Class: "narrow", Width: 360, LabelWidth: 0, ValueWidth: 96, RowHeight: 40, LabelChars: 44}
)

const chartMargin = 8.0

// plot returns the x range of the plot area.
func (l layout) plot() (x0, x1 float64) {
	x0 = l.LabelWidth
	if x0 == 0 {
		x0 = 14
	}
	return x0, l.Width - l.ValueWidth
}

// rowTop returns where, within a row starting at y, the bar starts, and
// where the label's baseline is.
func (l layout) rowTop(y float64) (bar, label float64) {
	if l.LabelWidth == 0 {
		return y + 18, y + 13
	}
	return y + 5, y + l.RowHeight/2 + 4
}

// Bar is one row of a share chart: a share with its 95% interval.
type Bar struct {
	Label string
	Share float64 // 0..1
	Lo    float64 // 95% interval
	Hi    float64
	Note  string // shown after the value, e.g. "12 of 30"
	Class string // CSS class for the bar: "required", "preferred", "" (default)
}

// barChart is the geometry of a share chart.
type barChart struct {
	Layout        layout
	Width, Height float64
	Axis          []tick
	Rows          []barRow
	Label         string // aria-label
}

type tick struct {
	X     float64
	Label string
}

type barRow struct {
	Y, TextY         float64
	LabelX           float64
	LabelAnchor      string
	ValueY           float64
	Label, Value     string
	Title            string // full label and numbers, for the tooltip
	BarX, BarW       float64
	LoX, HiX         float64
	WhiskY1, WhiskY2 float64
	MidY             float64
	ValueX           float64
	Class            string
}

func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

// newBarChart lays out bars (already in display order) with a 0–100% axis.
func newBarChart(l layout, label string, bars []Bar) barChart {
	plotX0, plotX1 := l.plot()
	x := func(v float64) float64 { return plotX0 + math.Max(0, math.Min(1, v))*(plotX1-plotX0) }
	c := barChart{Layout: l, Width: l.Width, Label: label}
	top := chartMargin + 14 // room for the axis labels
	for i := 0; i <= 4; i++ {
		v := float64(i) / 4
		c.Axis = append(c.Axis, tick{X: x(v), Label: fmt.Sprintf("%.0f%%", v*100)})
	}
	for i, b := range bars {
		y := top + float64(i)*l.RowHeight
		barY, textY := l.rowTop(y)
		r := barRow{
			Y: barY, TextY: textY, ValueY: barY + 12,
			LabelX: plotX0 - 8, LabelAnchor: "end",
			Label: truncate(b.Label, l.LabelChars),
			Value: fmt.Sprintf("%.0f%%", b.Share*100),
			Title: fmt.Sprintf("%s: %.0f%% (95%% CI %.0f–%.0f%%)", b.Label, b.Share*100, b.Lo*100, b.Hi*100),
			BarX:  plotX0, BarW: x(b.Share) - plotX0,
			LoX: x(b.Lo), HiX: x(b.Hi),
			WhiskY1: barY + 3, WhiskY2: barY + 13, MidY: barY + 8,
			ValueX: plotX1 + 8,
			Class:  b.Class,
		}
		if l.LabelWidth == 0 {
			r.LabelX, r.LabelAnchor = plotX0, "start"
		}
		if b.Note != "" {
			r.Value += " · " + b.Note
			r.Title += " — " + b.Note
		}
		c.Rows = append(c.Rows, r)
	}
	c.Height = top + float64(len(bars))*l.RowHeight + chartMargin
	return c
}

// Spread is a distribution summary drawn as a box: quartiles and the
// range, in one currency.
type Spread struct {
	Label                    string
	Min, Q1, Median, Q3, Max float64
	N                        int // values behind it
}

type boxChart struct {
	Layout        layout
	Width, Height float64
	Axis          []tick
	Rows          []boxRow
	Label         string
}

type boxRow struct {
	Y, TextY, MidY             float64
	LabelX, ValueX, ValueY     float64
	LabelAnchor                string
	Label, Value, Title        string
	MinX, Q1X, MedX, Q3X, MaxX float64
	BoxY, BoxH                 float64
}

// niceStep returns a round tick step for a range.
func niceStep(span float64, ticks int) float64 {
	if span <= 0 {
		return 1
	}
	raw := span / float64(ticks)
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if raw <= m*mag {
			return m * mag
		}
	}
	return 10 * mag
}

func money(v float64, currency string) string {
	sym := map[string]string{"USD": "$", "EUR": "€", "GBP": "£"}[currency]
	if sym == "" {
		sym = currency + " "
	}
	if math.Abs(v) >= 1000 {
		return fmt.Sprintf("%s%.0fk", sym, v/1000)
	}
	return fmt.Sprintf("%s%.0f", sym, v)
}

// newBoxChart lays out salary spreads in one currency on a shared axis.
func newBoxChart(l layout, label, currency string, rows []Spread) boxChart {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, r := range rows {
		lo, hi = math.Min(lo, r.Min), math.Max(hi, r.Max)
	}
	if math.IsInf(lo, 0) {
		lo, hi = 0, 1
	}
	step := niceStep(hi-lo, 4)
	lo = math.Floor(lo/step) * step
	hi = math.Ceil(hi/step) * step
	if hi <= lo {
		hi = lo + step
	}
	plotX0, plotX1 := l.plot()
	x := func(v float64) float64 { return plotX0 + (v-lo)/(hi-lo)*(plotX1-plotX0) }
	c := boxChart{Layout: l, Width: l.Width, Label: label}
	for v := lo; v <= hi+step/2; v += step {
		c.Axis = append(c.Axis, tick{X: x(v), Label: money(v, currency)})
	}
	top := chartMargin + 14
	h := l.RowHeight + 8
	for i, r := range rows {
		y := top + float64(i)*h
		boxY, textY := l.rowTop(y)
		boxY += 3
		row := boxRow{
			Y: y, TextY: textY, MidY: boxY + 9,
			LabelX: plotX0 - 8, LabelAnchor: "end",
			ValueX: plotX1 + 8, ValueY: boxY + 13,
			Label: truncate(r.Label, l.LabelChars),
			Value: fmt.Sprintf("%s · n=%d", money(r.Median, currency), r.N),
			Title: fmt.Sprintf("%s: median %s, middle half %s–%s, range %s–%s, from %d postings",
				r.Label, money(r.Median, currency), money(r.Q1, currency), money(r.Q3, currency),
				money(r.Min, currency), money(r.Max, currency), r.N),
			MinX: x(r.Min), Q1X: x(r.Q1), MedX: x(r.Median), Q3X: x(r.Q3), MaxX: x(r.Max),
			BoxY: boxY, BoxH: 18,
		}
		if l.LabelWidth == 0 {
			row.LabelX, row.LabelAnchor = plotX0, "start"
		}
		c.Rows = append(c.Rows, row)
	}
	c.Height = top + float64(len(rows))*h + chartMargin
	return c
}

// Series is one competency's ratings over time.
type Series struct {
	Label  string
	Points []Point
}

// Point is a rating on a date.
type Point struct {
	Date  time.Time
	Value float64 // 1..5
}

type lineChart struct {
	Layout                         layout
	Width, Height                  float64
	XAxis, YAxis                   []tick
	Lines                          []line
	Label                          string
	PlotX0, PlotX1, PlotY0, PlotY1 float64
}

type line struct {
	Label, Points, Class string
	Dots                 []dot
	LabelX, LabelY       float64
}

type dot struct {
	X, Y  float64
	Title string
}

// newLineChart lays out ratings (1–5) over time.
func newLineChart(l layout, label string, series []Series) lineChart {
	var t0, t1 time.Time
	for _, s := range series {
		for _, p := range s.Points {
			if t0.IsZero() || p.Date.Before(t0) {
				t0 = p.Date
			}
			if p.Date.After(t1) {
				t1 = p.Date
			}
		}
	}
	if !t1.After(t0) {
		t1 = t0.Add(24 * time.Hour)
	}
	c := lineChart{Layout: l, Width: l.Width, Label: label, PlotX0: 30, PlotX1: l.Width - 120, PlotY0: 16, PlotY1: 196}
	c.Height = c.PlotY1 + 30
	x := func(t time.Time) float64 {
		return c.PlotX0 + float64(t.Sub(t0))/float64(t1.Sub(t0))*(c.PlotX1-c.PlotX0)
	}
	y := func(v float64) float64 { return c.PlotY1 - (v-1)/4*(c.PlotY1-c.PlotY0) }
	for v := 1; v <= 5; v++ {
		c.YAxis = append(c.YAxis, tick{X: y(float64(v)), Label: fmt.Sprint(v)})
	}
	c.XAxis = []tick{{X: x(t0), Label: t0.Format("2 Jan")}, {X: x(t1), Label: t1.Format("2 Jan")}}
	for i, s := range series {
		l := line{Label: truncate(s.Label, 22), Class: fmt.Sprintf("s%d", i%6)}
		var pts []string
		for _, p := range s.Points {
			px, py := x(p.Date), y(p.Value)
			pts = append(pts, fmt.Sprintf("%.1f,%.1f", px, py))
			l.Dots = append(l.Dots, dot{X: px, Y: py, Title: fmt.Sprintf("%s: %g on %s", s.Label, p.Value, p.Date.Format("2006-01-02"))})
			l.LabelX, l.LabelY = px+6, py+4
		}
		l.Points = strings.Join(pts, " ")
		c.Lines = append(c.Lines, l)
	}
	return c
}
