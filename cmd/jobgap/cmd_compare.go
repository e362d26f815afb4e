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

type compareOptions struct {
	Top     int
	Format  string
	Filters filterOptions
}

func init() { commands = append(commands, newCompareCmd) }

func newCompareCmd(g *globalOptions) *cobra.Command {
	var opts compareOptions
	c := &cobra.Command{
		Use:   "compare TITLE TITLE [TITLE...] [--top N] [filters] [--format table|markdown|csv|json]",
		Short: "Compare titles side by side: certifications, skills, pay, seniority, authority, and which differences are real",
		Long: `compare puts the postings of two or more titles side by side, one column
per title: N and the dates posted; the top certifications and skills with
their share, 95% interval and the share that requires them; pay by
currency (median and quartiles of each posting's annualised midpoint,
never converted between currencies, with how many postings state pay);
the seniority mix; the remote share; the median years of experience
asked (of the postings that state a number); the decision-authority
score; and cross-functional exposure.

Decision authority: the mean number of these signals per posting, with
the postings showing each: owns the roadmap ("own/set/define the
roadmap"), final say ("final say/call/decision", "decision rights"),
accountable for, sets strategy ("set/define/own the ... strategy or
vision", "set direction"), manages a team ("lead/manage/coach N product
managers", "team of", "direct reports"), owns a budget or P&L.

Cross-functional exposure: the mean number of distinct functions a
posting names: engineering, design, data, marketing, sales, support,
legal, finance, operations.

The "differs" column marks a difference between two titles only when the
data support it: each share (certifications and skills shown, remote,
any decision-authority signal) is tested between every pair of titles
with a two-proportion z test, all the p-values together are adjusted by
Holm's method, and "A>B" is shown when the adjusted p is below 0.05. The
JSON output gives every test with its Newcombe 95% interval of the
difference, p and Holm-adjusted p.`,
		Args: func(c *cobra.Command, args []string) error {
			if len(args) < 2 {
				return usagef("compare needs at least two titles, such as: jobgap compare \"Product Owner\" \"Product Manager\"")
			}
			return nil
		},
		RunE: func(c *cobra.Command, args []string) error {
			return runCompare(c.Context(), g, opts, args)
		},
	}
	c.Flags().IntVar(&opts.Top, "top", 5, "certifications and skills per title (0 for all)")
	c.Flags().StringVar(&opts.Format, "format", formatTable, "table, markdown, csv or json")
	opts.Filters.addFlags(c)
	return c
}

// compareResult is the shape of `jobgap compare --format json`.
type compareResult struct {
	Filters filterSummary `json:"filters"`
	analyze.Comparison
}

func runCompare(ctx context.Context, g *globalOptions, opts compareOptions, titles []string) error {
	if err := checkFormat(opts.Format, formatTable, formatMarkdown, formatCSV, formatJSON); err != nil {
		return err
	}
	if opts.Top < 0 {
		return usagef("--top %d: give a number of rows, 0 for all", opts.Top)
	}
	if opts.Format == formatJSON {
		g.Quiet = true
	}
	now, err := today("")
	if err != nil {
		return err
	}
	tax, err := g.taxonomy()
	if err != nil {
		return err
	}
	var targets []target
	var filters filterSummary
	seen := map[string]string{}
	for _, t := range titles {
		tg, fs, err := resolveTarget(tax, t, opts.Filters, now, g.io.Err)
		if err != nil {
			return err
		}
		key := tg.filter.Family + "|" + strings.ToLower(tg.filter.TitlePhrase)
		if prev, dup := seen[key]; dup {
			return usagef("%q and %q are the same title; compare different ones", prev, t)
		}
		seen[key] = t
		targets, filters = append(targets, tg), fs
	}
	store, err := g.readStore(ctx)
	if err != nil {
		return err
	}
	defer store.Close()
	var sums []analyze.TitleSummary
	for _, tg := range targets {
		posts, err := loadPostings(ctx, store, tg.filter, corpus.NoEvidence)
		if err != nil {
			return err
		}
		warnSample(g.io.Err, tg.display, len(posts), filters)
		sums = append(sums, analyze.Summarize(tg.display, posts, tax))
	}
	res := compareResult{Filters: filters, Comparison: analyze.Compare(sums, opts.Top)}
	if opts.Format == formatJSON {
		return writeJSON(g.io.Out, res)
	}
	return writeCompare(g.io.Out, res, opts.Format)
}

func letter(i int) string { return string(rune('A' + i)) }

func writeCompare(w io.Writer, res compareResult, format string) error {
	sums := res.Titles
	var heads []string
	for i, s := range sums {
		heads = append(heads, fmt.Sprintf("%s: %s (N = %d)", letter(i), s.Title, s.Postings))
	}
	writeHeader(w, format, "Comparing "+strings.Join(heads, "; ")+"; filters: "+res.Filters.String())
	t, tests := compareTable(res)
	if err := t.write(w, format); err != nil {
		return err
	}
	writeFooter(w, format,
		fmt.Sprintf("differs: \"A>B\" when A's share is higher than B's beyond noise: two-proportion z test, Holm-adjusted over all %d tests, p < %.2f.", tests, res.Alpha),
		"Shares are of postings, with 95% Wilson intervals; \"req\" is the share that requires it. Pay is each posting's annualised midpoint.")
	return nil
}

// compareTable lays out a comparison, one column per title, and says how
// many tests the significance marks were corrected over.
func compareTable(res compareResult) (*table, int) {
	sums := res.Titles
	t := &table{header: []string{"measure"}}
	for i, s := range sums {
		t.header = append(t.header, letter(i)+": "+s.Title)
	}
	t.header = append(t.header, "differs")
	t.right = make([]bool, len(t.header))
	// differs[measure] lists the significant pairs as "A>B".
	differs := map[string][]string{}
	index := map[string]int{}
	for i, s := range sums {
		index[s.Title] = i
	}
	tests := 0
	for _, d := range res.Differences {
		tests++
		if !d.Significant {
			continue
		}
		a, b := letter(index[d.A]), letter(index[d.B])
		if d.Diff < 0 {
			a, b = b, a
		}
		differs[d.Measure] = append(differs[d.Measure], a+">"+b)
	}
	row := func(label, measure string, cell func(analyze.TitleSummary) string) {
		cells := []string{label}
		for _, s := range sums {
			cells = append(cells, cell(s))
		}
		t.add(append(cells, strings.Join(differs[measure], " "))...)
	}
	row("postings", "", func(s analyze.TitleSummary) string {
		if s.SmallSample && s.Postings > 0 {
			return fmt.Sprintf("%d (small sample)", s.Postings)
		}
		return fmt.Sprint(s.Postings)
	})
	row("posted", "", func(s analyze.TitleSummary) string {
		if s.From == "" {
			return "–"
		}
		return s.From + " to " + s.To
	})
	demandCell := func(ds []analyze.Demand, id string, n int) string {
		for _, d := range ds {
			if d.ID == id {
				return fmt.Sprintf("%s (%s), %s req", pct(d.Share), ci(d.CI95[0], d.CI95[1]), pct(d.RequiredShare))
			}
		}
		lo, hi := analyze.Wilson(0, n, analyze.Z95)
		return fmt.Sprintf("0%% (%s)", ci(lo, hi))
	}
	for _, m := range res.Measures {
		switch m.Kind {
		case "certification":
			id := strings.TrimPrefix(m.ID, "cert:")
			row("cert "+m.Label, m.ID, func(s analyze.TitleSummary) string { return demandCell(s.Certs, id, s.Postings) })
		case "skill":
			id := strings.TrimPrefix(m.ID, "skill:")
			row("skill "+m.Label, m.ID, func(s analyze.TitleSummary) string { return demandCell(s.Skills, id, s.Postings) })
		}
	}
	row("pay stated", "", func(s analyze.TitleSummary) string {
		return fmt.Sprintf("%d of %d", s.Salary.Stated, s.Postings)
	})
	var currencies []string
	for _, s := range sums {
		for _, c := range s.Salary.Currencies {
			if !contains(currencies, c.Currency) {
				currencies = append(currencies, c.Currency)
			}
		}
	}
	for _, cur := range currencies {
		row("pay "+cur+" median (Q1–Q3)", "", func(s analyze.TitleSummary) string {
			for _, c := range s.Salary.Currencies {
				if c.Currency == cur {
					return fmt.Sprintf("%s (%s–%s), %d postings", money(c.Median), money(c.Q1), money(c.Q3), c.Count)
				}
			}
			return "–"
		})
	}
	row("seniority", "", func(s analyze.TitleSummary) string {
		var parts []string
		for _, l := range s.Seniority {
			parts = append(parts, fmt.Sprintf("%s %s", l.Seniority, pct(l.Share.Share)))
		}
		return strings.Join(parts, ", ")
	})
	row("remote", "remote", func(s analyze.TitleSummary) string { return shareCI(s.Remote) })
	row("years asked, median", "", func(s analyze.TitleSummary) string {
		if s.Experience.Count == 0 {
			return fmt.Sprintf("– (0 of %d state it)", s.Postings)
		}
		return fmt.Sprintf("%s (%d of %d state it)", years(s.Experience.Median), s.Experience.Count, s.Postings)
	})
	row("decision authority", "", func(s analyze.TitleSummary) string {
		return fmt.Sprintf("%.2f signals per posting", s.Authority.Score)
	})
	row("  any signal", "authority", func(s analyze.TitleSummary) string { return shareCI(s.Authority.Any) })
	for i, sig := range analyze.AuthoritySignals {
		row("  "+sig.Label, "", func(s analyze.TitleSummary) string {
			c := s.Authority.Signals[i]
			return fmt.Sprintf("%d (%s)", c.Count, pct(c.Share.Share))
		})
	}
	row("cross-functional", "", func(s analyze.TitleSummary) string {
		return fmt.Sprintf("%.2f functions per posting", s.CrossFunctional.Score)
	})
	for i, fn := range analyze.Functions {
		row("  "+fn.Label, "", func(s analyze.TitleSummary) string {
			c := s.CrossFunctional.Signals[i]
			return fmt.Sprintf("%d (%s)", c.Count, pct(c.Share.Share))
		})
	}
	return t, tests
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}
