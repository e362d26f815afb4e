package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/jobgap/jobgap/analyze"
	"github.com/jobgap/jobgap/corpus"
)

type briefOptions struct {
	Title   string
	Top     int
	Format  string
	Filters filterOptions
}

func init() { commands = append(commands, newBriefCmd) }

func newBriefCmd(g *globalOptions) *cobra.Command {
	var opts briefOptions
	c := &cobra.Command{
		Use:   "brief --title T [--top N] [filters] [--format table|markdown|csv|json]",
		Short: "The one-page brief of a role: what it owns, what it asks for, how it is measured and paid",
		Long: `brief writes the one-page role brief a person writes before anything else,
from the postings for a title, each line with its share of N postings:

  owns            what postings say the role owns: the words after "own",
                  "owning", "ownership of", "responsible for", "accountable
                  for" ("Own the backlog for onboarding" → backlog)
  competency      the skills asked for, required first
  certification   ranked as by 'jobgap certs'
  seniority       the ladder seen in titles (junior → senior → lead)
  measured by     the metrics named: retention, activation, NPS, revenue,
                  OKRs, delivery dates, conversion, churn, engagement,
                  adoption, customer satisfaction, cycle time
  experience      years asked (median and quartiles of those stating it)
  pay             annualised, by currency, with how many state pay

It is the reference the audit's default targets start from.`,
		Args: noArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			return runBrief(c.Context(), g, opts)
		},
	}
	c.Flags().StringVar(&opts.Title, "title", "", "the title to brief (required)")
	c.Flags().IntVar(&opts.Top, "top", 8, "rows per section (0 for all)")
	c.Flags().StringVar(&opts.Format, "format", formatTable, "table, markdown, csv or json")
	opts.Filters.addFlags(c)
	return c
}

// briefResult is the shape of `jobgap brief --format json`.
type briefResult struct {
	Filters filterSummary `json:"filters"`
	analyze.Brief
}

func runBrief(ctx context.Context, g *globalOptions, opts briefOptions) error {
	if err := checkFormat(opts.Format, formatTable, formatMarkdown, formatCSV, formatJSON); err != nil {
		return err
	}
	if opts.Title == "" {
		return usagef("brief needs --title, such as --title \"Product Manager\"")
	}
	if opts.Top < 0 {
		return usagef("--top %d: give a number of rows, 0 for all", opts.Top)
	}
	if opts.Format == formatJSON {
		g.Quiet = true
	}
	m, err := g.loadMarket(ctx, opts.Title, opts.Filters, corpus.NoEvidence)
	if err != nil {
		return err
	}
	tax, tg, filters, posts := m.tax, m.target, m.filters, m.posts
	warnSample(g.io.Err, tg.display, len(posts), filters)
	res := briefResult{Filters: filters, Brief: analyze.NewBrief(tg.display, posts, tax, opts.Top)}
	if opts.Format == formatJSON {
		return writeJSON(g.io.Out, res)
	}
	return writeBrief(g.io.Out, res, opts.Format)
}

func writeBrief(w io.Writer, res briefResult, format string) error {
	b := res.Brief
	writeHeader(w, format, "Role brief: "+nLine(b.Title, b.Postings, b.From, b.To, res.Filters))
	t := &table{header: []string{"section", "item", "postings", "share", "95% CI"}, right: []bool{false, false, true, true, true}}
	if format == formatCSV {
		t.header = []string{"section", "item", "count", "postings", "share", "ci95_low", "ci95_high", "detail"}
	}
	add := func(section, item string, s analyze.Share, detail string) {
		if format == formatCSV {
			t.add(section, item, fmt.Sprint(s.Count), fmt.Sprint(s.N), fmt.Sprintf("%.4f", s.Share),
				fmt.Sprintf("%.4f", s.CI95[0]), fmt.Sprintf("%.4f", s.CI95[1]), detail)
			return
		}
		if detail != "" {
			item += " (" + detail + ")"
		}
		t.add(section, item, fmt.Sprintf("%d of %d", s.Count, s.N), pct(s.Share), ci(s.CI95[0], s.CI95[1]))
	}
	note := func(section, item, detail string) {
		if format == formatCSV {
			t.add(section, item, "", "", "", "", "", detail)
			return
		}
		t.add(section, item+": "+detail, "", "", "")
	}
	for _, p := range b.Owns {
		add("owns", p.Phrase, p.Share, "")
	}
	for _, d := range b.Competencies {
		add("competency", d.Label(), analyze.Share{Count: d.Count, N: d.N, Share: d.Share, CI95: d.CI95},
			fmt.Sprintf("%s required", pct(d.RequiredShare)))
	}
	for _, c := range b.Certifications {
		add("certification", c.Label(), analyze.Share{Count: c.Count, N: c.N, Share: c.Share, CI95: c.CI95},
			fmt.Sprintf("%s required; %s", pct(c.RequiredShare), c.Cost()))
	}
	for _, l := range b.Ladder {
		add("seniority", l.Seniority, l.Share, "")
	}
	for _, k := range b.KPIs {
		add("measured by", k.Label, k.Share, "")
	}
	if e := b.Experience; e.Count > 0 {
		note("experience", "years asked", fmt.Sprintf("median %s, quartiles %s–%s; %d of %d postings state it",
			years(e.Median), years(e.Q1), years(e.Q3), e.Count, e.Postings))
	} else {
		note("experience", "years asked", fmt.Sprintf("no posting of %d states it", e.Postings))
	}
	note("pay", "stated", fmt.Sprintf("%d of %d postings", b.Salary.Stated, b.Salary.Postings))
	for _, c := range b.Salary.Currencies {
		note("pay", c.Currency, fmt.Sprintf("median %s, quartiles %s–%s, range %s–%s; %d postings",
			money(c.Median), money(c.Q1), money(c.Q3), money(c.Min), money(c.Max), c.Count))
	}
	if err := t.write(w, format); err != nil {
		return err
	}
	var empty []string
	if len(b.Owns) == 0 {
		empty = append(empty, "what it owns")
	}
	if len(b.KPIs) == 0 {
		empty = append(empty, "measures of success")
	}
	if len(empty) > 0 {
		writeFooter(w, format, "No posting states "+strings.Join(empty, " or ")+".")
	}
	return nil
}
