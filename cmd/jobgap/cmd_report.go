package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/jobgap/jobgap/analyze"
	"github.com/jobgap/jobgap/corpus"
	"github.com/jobgap/jobgap/extract"
	"github.com/jobgap/jobgap/report"
)

type reportOptions struct {
	Titles  []string
	Profile string
	Out     string
	Open    bool
	Top     int
	Today   string
	Filters filterOptions
}

func init() { commands = append(commands, newReportCmd) }

func newReportCmd(g *globalOptions) *cobra.Command {
	var opts reportOptions
	c := &cobra.Command{
		Use:   "report [--title T]... [--profile FILE] --out report.html [--open]",
		Short: "Write one self-contained HTML page with charts: demand, comparison, salaries, your gap list and progress",
		Long: `report writes one HTML file that opens offline in any browser, on a
phone too, and prints cleanly: the sample, each title's brief and its
certification and skill demand (bars with 95% interval whiskers), the
titles side by side, salary spreads per currency, your prioritised gap
list and your ratings over time (with --profile), and how every number
is made. Its numbers are the ones compare, brief and audit print; the
page embeds them as JSON too (<script type="application/json"
id="jobgap-data">).

Titles default to the profile's title, else to the three title families
with the most postings. The report never writes an audit snapshot: run
'jobgap audit' for that.`,
		Args: noArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			return runReport(c.Context(), g, opts)
		},
	}
	c.Flags().StringArrayVar(&opts.Titles, "title", nil, "a title to report on (repeatable)")
	c.Flags().StringVar(&opts.Profile, "profile", "", "your skills profile (YAML), for the gap list and progress")
	c.Flags().StringVarP(&opts.Out, "out", "o", "report.html", "file to write")
	c.Flags().BoolVar(&opts.Open, "open", false, "open the report in your browser")
	c.Flags().IntVar(&opts.Top, "top", 10, "certifications and skills per title")
	c.Flags().StringVar(&opts.Today, "today", "", "the date to judge due dates by (YYYY-MM-DD; default today)")
	opts.Filters.addFlags(c)
	return c
}

// reportData is the JSON embedded in the report: the same shapes as
// `compare --format json` and `audit --format json`.
type reportData struct {
	Compare compareResult `json:"compare"`
	Audit   *auditResult  `json:"audit,omitempty"`
}

func runReport(ctx context.Context, g *globalOptions, opts reportOptions) error {
	if opts.Out == "" {
		return usagef("--out needs a file name, such as --out report.html")
	}
	if opts.Top < 1 {
		return usagef("--top %d: give a number of rows, at least 1", opts.Top)
	}
	now, err := today(opts.Today)
	if err != nil {
		return err
	}
	tax, err := g.taxonomy()
	if err != nil {
		return err
	}
	var prof analyze.Profile
	if opts.Profile != "" {
		if prof, err = readProfile(opts.Profile, tax); err != nil {
			return err
		}
	}
	store, err := g.readStore(ctx)
	if err != nil {
		return err
	}
	defer store.Close()

	titles := opts.Titles
	if len(titles) == 0 && prof.Title != "" {
		titles = []string{prof.Title}
	}
	if len(titles) == 0 {
		if titles, err = biggestFamilies(ctx, g, store, 3); err != nil {
			return err
		}
	}
	if len(titles) == 0 {
		return fmt.Errorf("report: the corpus in %s has no postings of a known title; crawl or import some first, or name one with --title", store.Dir())
	}

	var (
		targets []target
		filters filterSummary
		posts   [][]extract.Posting
		sums    []analyze.TitleSummary
	)
	for _, t := range titles {
		tg, fs, err := resolveTarget(tax, t, opts.Filters, now, g.io.Err)
		if err != nil {
			return err
		}
		ps, err := loadPostings(ctx, store, tg.filter, corpus.NoEvidence)
		if err != nil {
			return err
		}
		warnSample(g.io.Err, tg.display, len(ps), fs)
		targets, filters = append(targets, tg), fs
		posts = append(posts, ps)
		sums = append(sums, analyze.Summarize(tg.display, ps, tax))
	}
	cmp := compareResult{Filters: filters, Comparison: analyze.Compare(sums, 5)}
	r := report.Report{
		Title:     strings.Join(titlesOf(targets), " vs "),
		Generated: now,
		Sample:    sampleOf(posts, filters),
		Methods:   methods,
	}
	data := reportData{Compare: cmp}
	for i, tg := range targets {
		sec := report.TitleSection{Title: tg.display, Postings: len(posts[i]), Small: len(posts[i]) < analyze.SmallSample}
		sec.Brief = briefLines(analyze.NewBrief(tg.display, posts[i], tax, 3), analyze.RankCerts(posts[i], tax))
		sec.Certs = demandBars(sums[i].Certs, opts.Top)
		sec.Skills = demandBars(sums[i].Skills, opts.Top)
		r.Titles = append(r.Titles, sec)
	}
	if len(sums) > 1 {
		t, tests := compareTable(cmp)
		r.Tables = append(r.Tables, reportTable(t, "compare", "Titles side by side",
			fmt.Sprintf("A>B marks a difference beyond noise: two-proportion z test, Holm-adjusted over all %d tests, p < %.2f.", tests, cmp.Alpha)))
	}
	r.Salaries = salaryGroups(sums)

	if opts.Profile != "" {
		i := 0 // the profile's title is the first, or the one given first
		if len(posts[i]) > 0 {
			res := newAuditResult(opts.Profile, prof, targets[i], filters, posts[i], tax, now, defaultMinShare)
			data.Audit = &res
			gaps := reportTable(auditTable(res, formatTable), "gaps", "Your prioritised gap list for "+targets[i].display,
				"priority = weighted demand × gap; weighted demand = (required + ½ preferred + ¼ mentioned) / N. target* comes from the market; (new): the market asks for it and your profile lacks it.")
			r.Gaps = &gaps
		}
		snaps, _, err := loadHistory(store, targets[i])
		if err != nil {
			return err
		}
		r.Progress = progressSeries(analyze.History(snaps), 6)
	}
	r.Data = data

	if err := writeFileAtomic(opts.Out, func(f *os.File) error { return report.Render(f, r) }); err != nil {
		return err
	}
	fmt.Fprintf(g.io.Out, "wrote %s\n", opts.Out)
	if opts.Open {
		if err := openBrowser(opts.Out); err != nil {
			fmt.Fprintf(g.io.Err, "could not open a browser (%v); open %s yourself\n", err, opts.Out)
		}
	}
	return nil
}

func titlesOf(ts []target) []string {
	var out []string
	for _, t := range ts {
		out = append(out, t.display)
	}
	return out
}

// biggestFamilies names the n title families with the most postings.
func biggestFamilies(ctx context.Context, g *globalOptions, store *corpus.Store, n int) ([]string, error) {
	tax, err := g.taxonomy()
	if err != nil {
		return nil, err
	}
	c, err := store.Count(ctx, corpus.Filter{}, corpus.FieldFamily)
	if err != nil {
		return nil, err
	}
	type fc struct {
		id string
		n  int
	}
	var fams []fc
	for id, k := range c.Terms[corpus.FieldFamily] {
		fams = append(fams, fc{id, k})
	}
	sort.Slice(fams, func(i, j int) bool {
		if fams[i].n != fams[j].n {
			return fams[i].n > fams[j].n
		}
		return fams[i].id < fams[j].id
	})
	var names []string
	for _, f := range fams[:min(n, len(fams))] {
		if fam, ok := tax.Family(f.id); ok {
			names = append(names, fam.Name)
		}
	}
	return names, nil
}

// sampleOf describes the distinct postings behind the report.
func sampleOf(posts [][]extract.Posting, filters filterSummary) report.Sample {
	seen := map[string]bool{}
	bySource := map[string]int{}
	var s report.Sample
	for _, ps := range posts {
		for _, p := range ps {
			if seen[p.ID] {
				continue
			}
			seen[p.ID] = true
			s.Postings++
			bySource[p.Source]++
			if d := p.DatePosted; !d.IsZero() {
				if s.From.IsZero() || d.Before(s.From) {
					s.From = d
				}
				if d.After(s.To) {
					s.To = d
				}
			}
		}
	}
	for src, n := range bySource {
		s.Sources = append(s.Sources, report.Count{Label: src, N: n})
	}
	sort.Slice(s.Sources, func(i, j int) bool {
		if s.Sources[i].N != s.Sources[j].N {
			return s.Sources[i].N > s.Sources[j].N
		}
		return s.Sources[i].Label < s.Sources[j].Label
	})
	if f := filters.String(); f != "none" {
		s.Filters = []string{f}
	}
	return s
}

// demandBars turns the top demands into chart bars; a bar is drawn as
// "required" when most postings naming it require it.
func demandBars(ds []analyze.Demand, top int) []report.Bar {
	var bars []report.Bar
	for _, d := range ds[:min(top, len(ds))] {
		b := report.Bar{Label: d.Label(), Share: d.Share, Lo: d.CI95[0], Hi: d.CI95[1], Note: fmt.Sprintf("%d of %d", d.Count, d.N)}
		if d.Required*2 >= d.Count {
			b.Class = "required"
		}
		bars = append(bars, b)
	}
	return bars
}

// briefLines says the brief in a few plain sentences, each with its share
// and N.
func briefLines(b analyze.Brief, certs []analyze.CertPick) []string {
	var lines []string
	for _, c := range certs[:min(2, len(certs))] {
		lines = append(lines, c.Plain(b.Title))
	}
	if len(b.Owns) > 0 {
		var parts []string
		for _, o := range b.Owns {
			parts = append(parts, fmt.Sprintf("%s (%s)", o.Phrase, pct(o.Share.Share)))
		}
		lines = append(lines, "Asked to own: "+strings.Join(parts, ", ")+".")
	}
	if len(b.KPIs) > 0 {
		var parts []string
		for _, k := range b.KPIs[:min(4, len(b.KPIs))] {
			parts = append(parts, fmt.Sprintf("%s (%s)", k.Label, pct(k.Share.Share)))
		}
		lines = append(lines, "Measured by: "+strings.Join(parts, ", ")+".")
	}
	if e := b.Experience; e.Count > 0 {
		lines = append(lines, fmt.Sprintf("Experience asked: median %s years (%d of %d postings say).", years(e.Median), e.Count, e.Postings))
	}
	for _, c := range b.Salary.Currencies[:min(1, len(b.Salary.Currencies))] {
		lines = append(lines, fmt.Sprintf("Pay: median %s %s a year, middle half %s–%s (%d of %d postings state pay in %s).",
			c.Currency, money(c.Median), money(c.Q1), money(c.Q3), c.Count, b.Postings, c.Currency))
	}
	return lines
}

// salaryGroups gathers each title's pay spread per currency.
func salaryGroups(sums []analyze.TitleSummary) []report.SalaryGroup {
	var groups []report.SalaryGroup
	index := map[string]int{}
	for _, s := range sums {
		for _, c := range s.Salary.Currencies {
			if c.Count == 0 {
				continue
			}
			i, ok := index[c.Currency]
			if !ok {
				i = len(groups)
				index[c.Currency] = i
				groups = append(groups, report.SalaryGroup{Currency: c.Currency})
			}
			groups[i].Spreads = append(groups[i].Spreads, report.Spread{Label: s.Title,
				Min: c.Min, Q1: c.Q1, Median: c.Median, Q3: c.Q3, Max: c.Max, N: c.Count})
		}
	}
	return groups
}

// progressSeries keeps the rated competencies with the longest history.
func progressSeries(rows []analyze.HistoryRow, n int) []report.Series {
	var out []report.Series
	for _, r := range rows {
		s := report.Series{Label: r.Name}
		for _, p := range r.Points {
			d, err := time.Parse("2006-01-02", p.Date)
			if err != nil || p.Current == 0 {
				continue
			}
			s.Points = append(s.Points, report.Point{Date: d, Value: float64(p.Current)})
		}
		if len(s.Points) > 0 {
			out = append(out, s)
		}
		if len(out) == n {
			break
		}
	}
	return out
}

// reportTable turns a result table into the report's.
func reportTable(t *table, id, caption, note string) report.Table {
	rt := report.Table{ID: id, Caption: caption, Note: note, Header: t.header}
	for _, row := range t.rows {
		var cells []report.Cell
		for i, c := range row {
			cell := report.Cell{Text: c}
			if i < len(t.right) && t.right[i] {
				cell.Class = "num"
			}
			cells = append(cells, cell)
		}
		rt.Rows = append(rt.Rows, cells)
	}
	return rt
}

// writeFileAtomic writes path through a temporary file in the same
// folder, so an interrupted run never leaves half a report.
func writeFileAtomic(path string, write func(*os.File) error) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer os.Remove(f.Name())
	if err := write(f); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Chmod(f.Name(), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// openBrowser opens path with the desktop's opener.
func openBrowser(path string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "darwin":
		cmd = exec.Command("open", abs)
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", abs)
	default:
		cmd = exec.Command("xdg-open", abs)
	}
	return cmd.Start()
}

// methods explains, in plain words, how the report's numbers are made.
var methods = []report.Method{
	{Heading: "Shares and intervals", Text: "A share is the number of postings that name a certification or skill, out of all the postings for the title (N). A posting counts once however often it names it. The whisker on each bar is the 95% Wilson score interval: the range the true share plausibly lies in, given N. With fewer than 30 postings the interval is wide; read it, not the bar."},
	{Heading: "Tagging", Text: "Certifications and skills are found with a catalog of names, acronyms and spelling variants, on word boundaries, with case rules for acronyms and context rules for ambiguous words (\"Excel\" is not \"excellent\", \"Go\" is not \"go-to-market\", CSM is not Customer Success Manager). Each tag is required, preferred or mentioned, from the section it sits in and the words of its sentence; \"not required\" turns a tag off."},
	{Heading: "Comparing titles", Text: "Two titles differ on a share only when a two-proportion z test says so after Holm's correction over every test in the table, at p < 0.05. More rows and titles mean a difference must be stronger to be marked."},
	{Heading: "Salaries", Text: "Pay is each posting's stated base pay, annualised (hourly × 2080, daily × 260, weekly × 52, monthly × 12), at the midpoint of its range, and never converted between currencies. The boxes show the middle half and the median; the count says how many postings stated pay."},
	{Heading: "Decision authority and cross-functional exposure", Text: "Authority counts phrases such as \"owns the roadmap\", \"final say\", \"accountable for\", \"sets strategy\" and \"manages a team\"; exposure counts the distinct functions a posting says the role works with (engineering, design, data, marketing, sales, support, legal, finance, operations). Both are averages per posting."},
	{Heading: "Your gap list", Text: "Gap is target minus current rating (not yet rated counts as 1). Priority is weighted demand × gap, where weighted demand counts postings that require a competency fully, prefer it by half and mention it by a quarter, over N. Competencies the market asks for that your profile lacks are added as not yet rated."},
}
