package main

import (
	"context"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/jobgap/jobgap/analyze"
	"github.com/jobgap/jobgap/corpus"
)

type certsOptions struct {
	Title   string
	Top     int
	Plain   int
	Format  string
	Filters filterOptions
}

func init() { commands = append(commands, newCertsCmd) }

func newCertsCmd(g *globalOptions) *cobra.Command {
	var opts certsOptions
	c := &cobra.Command{
		Use:   "certs --title T [--top N] [filters] [--format table|markdown|csv|json]",
		Short: "Certifications ranked for a title, with share, interval, cost and preparation",
		Long: `certs ranks the certifications that postings for a title name: the share
of postings naming each, with its 95% interval, the shares that require
and prefer it, the issuer, and the typical cost and preparation time
from the catalog. The top picks get a line in plain words.

Ranking rule: highest weighted demand first, where weighted demand is
(postings requiring it × 1 + preferring it × ½ + only mentioning it × ¼)
/ N, so a certification postings require outranks one they merely
mention more often; ties go to more postings naming it, then more
requiring it, then the catalog id.`,
		Args: noArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			return runCerts(c.Context(), g, opts)
		},
	}
	c.Flags().StringVar(&opts.Title, "title", "", "the title to rank certifications for (required)")
	c.Flags().IntVar(&opts.Top, "top", 10, "rows (0 for all)")
	c.Flags().IntVar(&opts.Plain, "plain", 3, "top picks described in plain words (table and markdown)")
	c.Flags().StringVar(&opts.Format, "format", formatTable, "table, markdown, csv or json")
	opts.Filters.addFlags(c)
	return c
}

// certsResult is the shape of `jobgap certs --format json`.
type certsResult struct {
	Title    string             `json:"title"`
	Filters  filterSummary      `json:"filters"`
	Postings int                `json:"postings"`
	Certs    []analyze.CertPick `json:"certifications"`
}

func runCerts(ctx context.Context, g *globalOptions, opts certsOptions) error {
	if err := checkFormat(opts.Format, formatTable, formatMarkdown, formatCSV, formatJSON); err != nil {
		return err
	}
	if opts.Title == "" {
		return usagef("certs needs --title, such as --title \"Product Owner\"")
	}
	if opts.Top < 0 || opts.Plain < 0 {
		return usagef("--top and --plain take a number of rows, 0 for all")
	}
	if opts.Format == formatJSON {
		g.Quiet = true
	}
	m, err := g.loadMarket(ctx, opts.Title, opts.Filters, corpus.NoDescription|corpus.NoEvidence)
	if err != nil {
		return err
	}
	tax, tg, filters, posts := m.tax, m.target, m.filters, m.posts
	warnSample(g.io.Err, tg.display, len(posts), filters)
	res := certsResult{Title: tg.display, Filters: filters, Postings: len(posts), Certs: analyze.RankCerts(posts, tax)}
	if opts.Top > 0 && len(res.Certs) > opts.Top {
		res.Certs = res.Certs[:opts.Top]
	}
	if opts.Format == formatJSON {
		return writeJSON(g.io.Out, res)
	}
	from, to := analyze.DateRange(posts)
	return writeCerts(g.io.Out, res, opts.Format, opts.Plain, nLine(tg.display, len(posts), from, to, filters))
}

func writeCerts(w io.Writer, res certsResult, format string, plain int, header string) error {
	writeHeader(w, format, header)
	t := &table{
		header: []string{"#", "certification", "postings", "share", "95% CI", "required", "preferred", "issuer", "cost (USD)", "preparation"},
		right:  []bool{true, false, true, true, true, true, true, false, false, false},
	}
	if format == formatCSV {
		t.header = []string{"rank", "id", "name", "acronym", "count", "postings", "share", "ci95_low", "ci95_high",
			"required", "preferred", "mentioned", "weighted_demand", "issuer", "cost_usd_min", "cost_usd_max", "prep", "checked"}
	}
	unchecked := false
	for i, c := range res.Certs {
		unchecked = unchecked || c.Checked == 0
		if format == formatCSV {
			t.add(fmt.Sprint(i+1), c.ID, c.Name, c.Acronym, fmt.Sprint(c.Count), fmt.Sprint(c.N),
				fmt.Sprintf("%.4f", c.Share), fmt.Sprintf("%.4f", c.CI95[0]), fmt.Sprintf("%.4f", c.CI95[1]),
				fmt.Sprint(c.Required), fmt.Sprint(c.Preferred), fmt.Sprint(c.Mentioned), fmt.Sprintf("%.4f", c.Weighted),
				c.Issuer, fmt.Sprint(c.CostUSD.Min), fmt.Sprint(c.CostUSD.Max), c.Prep, fmt.Sprint(c.Checked))
			continue
		}
		name := c.Name
		if c.Acronym != "" {
			name = c.Acronym + " (" + c.Name + ")"
		}
		t.add(fmt.Sprint(i+1), name, fmt.Sprintf("%d of %d", c.Count, c.N), pct(c.Share), ci(c.CI95[0], c.CI95[1]),
			pct(c.RequiredShare), pct(float64(c.Preferred)/float64(max(c.N, 1))), c.Issuer, c.Cost(), c.Prep)
	}
	if err := t.write(w, format); err != nil {
		return err
	}
	if format != formatTable && format != formatMarkdown {
		return nil
	}
	var notes []string
	if len(res.Certs) == 0 {
		notes = append(notes, "No posting names a certification.")
	}
	for i, c := range res.Certs {
		if plain > 0 && i >= plain {
			break
		}
		notes = append(notes, c.Plain(res.Title))
	}
	notes = append(notes, "Ranked by weighted demand: required counts 1, preferred ½, mentioned ¼ (see 'jobgap certs --help').")
	if unchecked {
		notes = append(notes, "Costs and preparation are the catalog's typical figures, not yet checked against the issuers: confirm before you pay.")
	}
	writeFooter(w, format, notes...)
	return nil
}
