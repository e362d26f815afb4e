package main

import (
	"context"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/jobgap/jobgap/analyze"
	"github.com/jobgap/jobgap/corpus"
	"github.com/jobgap/jobgap/extract/taxonomy"
)

type statsOptions struct {
	Title   string
	Kind    string
	Top     int
	Format  string
	Filters filterOptions
}

func init() { commands = append(commands, newStatsCmd) }

func newStatsCmd(g *globalOptions) *cobra.Command {
	var opts statsOptions
	c := &cobra.Command{
		Use:   "stats [--title T] [--kind certification|skill] [--top N] [--format table|markdown|csv|json]",
		Short: "Share of postings asking for each certification and skill, with 95% intervals",
		Args:  noArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			return runStats(c.Context(), g, opts)
		},
	}
	c.Flags().StringVar(&opts.Title, "title", "", "count only postings for this title (a title family such as \"Product Owner\", else a phrase in the title)")
	c.Flags().StringVar(&opts.Kind, "kind", "", "certification or skill (default both)")
	c.Flags().IntVar(&opts.Top, "top", 15, "rows per kind (0 for all)")
	c.Flags().StringVar(&opts.Format, "format", formatTable, "table, markdown, csv or json")
	opts.Filters.addFlags(c)
	return c
}

func noArgs(c *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usagef("%s takes no arguments, got %q (see 'jobgap %s --help')", c.Name(), args[0], c.Name())
	}
	return nil
}

func (o statsOptions) check() error {
	switch o.Kind {
	case "", "certification", "skill":
	default:
		return usagef("--kind %q is not certification or skill", o.Kind)
	}
	if o.Top < 0 {
		return usagef("--top %d: give a number of rows, 0 for all", o.Top)
	}
	return checkFormat(o.Format, formatTable, formatMarkdown, formatCSV, formatJSON)
}

func runStats(ctx context.Context, g *globalOptions, opts statsOptions) error {
	if err := opts.check(); err != nil {
		return err
	}
	if opts.Format == formatJSON {
		g.Quiet = true
	}
	tax, err := g.taxonomy()
	if err != nil {
		return err
	}
	now, err := today("")
	if err != nil {
		return err
	}
	f, filters, err := opts.Filters.apply(titleFilter(tax, opts.Title, g.io.Err), now)
	if err != nil {
		return err
	}
	store, err := g.readStore(ctx)
	if err != nil {
		return err
	}
	defer store.Close()
	st, err := computeStatsFilter(ctx, store, tax, f, opts.Title, opts.Kind, opts.Top, g.io.Err)
	if err != nil {
		return err
	}
	if opts.Format == formatJSON {
		return writeJSON(g.io.Out, filteredStats{Stats: st, Filters: filters})
	}
	return writeStatsFilter(g.io.Out, st, opts.Format, filters.String())
}

// filteredStats is the shape of `jobgap stats --format json`: the
// analyze.Stats fields and the filters.
type filteredStats struct {
	analyze.Stats
	Filters filterSummary `json:"filters"`
}

// titleFilter resolves a --title value: a known title family, else a
// phrase in the posting title (and a note on w saying so).
func titleFilter(tax *taxonomy.Taxonomy, title string, w io.Writer) corpus.Filter {
	if title == "" {
		return corpus.Filter{}
	}
	if fam, ok := tax.ResolveTitle(title); ok {
		return corpus.Filter{Family: fam}
	}
	if w != nil {
		fmt.Fprintf(w, "note: %q is not a known title family; counting postings whose title contains that phrase\n", title)
	}
	return corpus.Filter{TitlePhrase: title}
}

// computeStats counts, for postings of title (all postings if empty), the
// share asking for each certification and skill of kind ("" for both),
// keeping the top rows of each kind. It warns on warn when the sample is
// small.
func computeStats(ctx context.Context, store *corpus.Store, tax *taxonomy.Taxonomy, title, kind string, top int, warn io.Writer) (analyze.Stats, error) {
	return computeStatsFilter(ctx, store, tax, titleFilter(tax, title, warn), title, kind, top, warn)
}

// computeStatsFilter is computeStats for the postings f selects.
func computeStatsFilter(ctx context.Context, store *corpus.Store, tax *taxonomy.Taxonomy, f corpus.Filter, title, kind string, top int, warn io.Writer) (analyze.Stats, error) {
	counts, err := store.Count(ctx, f, corpus.FieldCert, corpus.FieldSkill)
	if err != nil {
		return analyze.Stats{}, err
	}
	describe := func(id string) (string, string, string, bool) {
		t, ok := tax.Term(id)
		if !ok {
			return "", "", "", false
		}
		acr := ""
		if len(t.Acronyms) > 0 {
			acr = t.Acronyms[0]
		}
		return t.Name, acr, string(t.Kind), true
	}
	st := analyze.Stats{Title: title, Postings: counts.N, Items: []analyze.Item{}}
	for _, k := range []struct{ kind, field string }{{"certification", corpus.FieldCert}, {"skill", corpus.FieldSkill}} {
		if kind != "" && kind != k.kind {
			continue
		}
		items := analyze.Rank(counts.Terms[k.field], counts.N, describe)
		for i := range items {
			items[i].Kind = k.kind
		}
		if top > 0 && len(items) > top {
			items = items[:top]
		}
		st.Items = append(st.Items, items...)
	}
	if warn != nil {
		switch {
		case counts.N == 0:
			fmt.Fprintf(warn, "warning: no postings match%s; import or crawl some first\n", forTitle(title))
		case counts.N < analyze.SmallSample:
			fmt.Fprintf(warn, "warning: only %d postings%s; with fewer than %d, shares are rough: read the intervals\n", counts.N, forTitle(title), analyze.SmallSample)
		}
	}
	return st, nil
}

func forTitle(title string) string {
	if title == "" {
		return ""
	}
	return fmt.Sprintf(" for %q", title)
}

func writeStats(w io.Writer, st analyze.Stats, format string) error {
	return writeStatsFilter(w, st, format, "")
}

// writeStatsFilter is writeStats with the filters stated in the header
// ("" to state none).
func writeStatsFilter(w io.Writer, st analyze.Stats, format, filters string) error {
	if format == formatJSON {
		return writeJSON(w, st)
	}
	if format == formatTable || format == formatMarkdown && filters != "" {
		who := "all postings"
		if st.Title != "" {
			who = fmt.Sprintf("%q postings", st.Title)
		}
		line := fmt.Sprintf("%s: N = %d", who, st.Postings)
		if filters != "" {
			line += "; filters: " + filters
		}
		if format == formatMarkdown {
			line += "\n"
		}
		fmt.Fprintln(w, line)
	}
	t := &table{
		header: []string{"kind", "id", "name", "postings", "share", "95% CI"},
		right:  []bool{false, false, false, true, true, true},
	}
	if format == formatCSV {
		t.header = []string{"kind", "id", "name", "acronym", "count", "postings", "share", "ci95_low", "ci95_high"}
	}
	for _, it := range st.Items {
		name := it.Name
		// Certifications go by their acronyms ("CSPO"); a skill's acronym
		// is often just another spelling ("JIRA" for Jira).
		if it.Kind == "certification" && it.Acronym != "" && it.Acronym != it.Name {
			name = it.Acronym + " (" + it.Name + ")"
		}
		if format == formatCSV {
			t.add(it.Kind, it.ID, it.Name, it.Acronym, fmt.Sprint(it.Count), fmt.Sprint(st.Postings),
				fmt.Sprintf("%.4f", it.Share), fmt.Sprintf("%.4f", it.CI95[0]), fmt.Sprintf("%.4f", it.CI95[1]))
			continue
		}
		t.add(it.Kind, it.ID, name, fmt.Sprintf("%d of %d", it.Count, st.Postings), pct(it.Share), ci(it.CI95[0], it.CI95[1]))
	}
	return t.write(w, format)
}
