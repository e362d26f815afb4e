package main

import (
	"context"
	"fmt"
	"io"
	"math"
	"os"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/jobgap/jobgap/analyze"
	"github.com/jobgap/jobgap/corpus"
	"github.com/jobgap/jobgap/extract"
	"github.com/jobgap/jobgap/extract/taxonomy"
)

// filterOptions are the posting filters that stats, brief, compare, certs
// and audit share.
type filterOptions struct {
	Since     string
	Location  string
	Remote    string
	Seniority string
	Company   string
}

func (o *filterOptions) addFlags(c *cobra.Command) {
	fs := c.Flags()
	fs.StringVar(&o.Since, "since", "", "only postings posted on or after DATE (YYYY-MM-DD, or 90d for the last 90 days)")
	fs.StringVar(&o.Location, "location", "", "only postings whose location has all these words")
	fs.StringVar(&o.Remote, "remote", "", "only remote postings (--remote=false: only on-site or hybrid)")
	fs.Lookup("remote").NoOptDefVal = "true"
	fs.StringVar(&o.Seniority, "seniority", "", "only postings of this seniority ("+strings.Join(taxonomy.Seniorities, ", ")+")")
	fs.StringVar(&o.Company, "company", "", "only postings of this company (exact name, any case)")
}

// filterSummary is the filters a result was computed under, as stated in
// its header and its JSON ("filters": {} when none).
type filterSummary struct {
	Since     string `json:"since,omitempty"`
	Location  string `json:"location,omitempty"`
	Remote    *bool  `json:"remote,omitempty"`
	Seniority string `json:"seniority,omitempty"`
	Company   string `json:"company,omitempty"`
}

func (s filterSummary) String() string {
	var parts []string
	if s.Since != "" {
		parts = append(parts, "since "+s.Since)
	}
	if s.Location != "" {
		parts = append(parts, fmt.Sprintf("location %q", s.Location))
	}
	if s.Remote != nil {
		if *s.Remote {
			parts = append(parts, "remote only")
		} else {
			parts = append(parts, "not remote")
		}
	}
	if s.Seniority != "" {
		parts = append(parts, "seniority "+s.Seniority)
	}
	if s.Company != "" {
		parts = append(parts, fmt.Sprintf("company %q", s.Company))
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, ", ")
}

var relativeDays = regexp.MustCompile(`^([0-9]+)d$`)

// apply adds the filters to f; today anchors a relative --since.
func (o filterOptions) apply(f corpus.Filter, today time.Time) (corpus.Filter, filterSummary, error) {
	var s filterSummary
	if v := strings.TrimSpace(o.Since); v != "" {
		if m := relativeDays.FindStringSubmatch(v); m != nil {
			days, _ := strconv.Atoi(m[1])
			f.Since = today.AddDate(0, 0, -days)
		} else {
			d, err := time.Parse("2006-01-02", v)
			if err != nil {
				return f, s, usagef("--since %q is not a date: give YYYY-MM-DD, or 90d for the last 90 days", o.Since)
			}
			f.Since = d
		}
		s.Since = f.Since.Format("2006-01-02")
	}
	if v := strings.TrimSpace(o.Location); v != "" {
		f.Location, s.Location = v, v
	}
	if v := strings.TrimSpace(o.Remote); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			return f, s, usagef("--remote=%q: give true or false", o.Remote)
		}
		f.Remote, s.Remote = &b, &b
	}
	if v := strings.ToLower(strings.TrimSpace(o.Seniority)); v != "" {
		ok := false
		for _, sen := range taxonomy.Seniorities {
			ok = ok || sen == v
		}
		if !ok {
			return f, s, usagef("--seniority %q is not one of %s", o.Seniority, strings.Join(taxonomy.Seniorities, ", "))
		}
		f.Seniority, s.Seniority = v, v
	}
	if v := strings.TrimSpace(o.Company); v != "" {
		f.Company, s.Company = v, v
	}
	return f, s, nil
}

// todayEnv names the environment variable that fixes "today"
// (YYYY-MM-DD) for due dates, snapshots and relative --since, so that
// runs can be reproduced.
const todayEnv = "JOBGAP_TODAY"

// today returns the date of flag (YYYY-MM-DD) if set, else of
// $JOBGAP_TODAY, else of the clock, as midnight UTC.
func today(flag string) (time.Time, error) {
	v, what := strings.TrimSpace(flag), "--today"
	if v == "" {
		v, what = strings.TrimSpace(os.Getenv(todayEnv)), "$"+todayEnv
	}
	if v == "" {
		now := time.Now()
		return time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC), nil
	}
	d, err := time.Parse("2006-01-02", v)
	if err != nil {
		return time.Time{}, usagef("%s %q is not a date: give YYYY-MM-DD", what, v)
	}
	return d, nil
}

// target is a title resolved for counting: the filter that selects its
// postings and the name to show.
type target struct {
	filter  corpus.Filter
	display string
}

// resolveTarget turns a --title into a filter (a family, else a phrase in
// the title, with a note on warn) with the shared filters applied.
func resolveTarget(tax *taxonomy.Taxonomy, title string, fo filterOptions, now time.Time, warn io.Writer) (target, filterSummary, error) {
	f := titleFilter(tax, title, warn)
	display := strings.TrimSpace(title)
	if f.Family != "" {
		if fam, ok := tax.Family(f.Family); ok {
			display = fam.Name
		}
	}
	if display == "" {
		display = "all"
	}
	f, sum, err := fo.apply(f, now)
	return target{filter: f, display: display}, sum, err
}

// market is the postings of one title, as the result commands read them.
type market struct {
	tax     *taxonomy.Taxonomy
	target  target
	filters filterSummary
	posts   []extract.Posting
	now     time.Time
}

// loadMarket resolves title with the shared filters, then reads its
// postings from the store (opened and closed here), leaving out what
// lean says. Callers warn about
// the sample (warnSample) as fits them.
func (g *globalOptions) loadMarket(ctx context.Context, title string, fo filterOptions, lean corpus.Lean) (market, error) {
	now, err := today("")
	if err != nil {
		return market{}, err
	}
	tax, err := g.taxonomy()
	if err != nil {
		return market{}, err
	}
	tg, filters, err := resolveTarget(tax, title, fo, now, g.io.Err)
	if err != nil {
		return market{}, err
	}
	store, err := g.readStore(ctx)
	if err != nil {
		return market{}, err
	}
	defer store.Close()
	posts, err := loadPostings(ctx, store, tg.filter, lean)
	if err != nil {
		return market{}, err
	}
	return market{tax: tax, target: tg, filters: filters, posts: posts, now: now}, nil
}

// loadPostings reads the postings f selects, in id order, leaving out
// what lean says (see corpus.Lean): the commands that only count tags
// do not need the descriptions, and none but explain reads a tag's
// evidence.
func loadPostings(ctx context.Context, store *corpus.Store, f corpus.Filter, lean corpus.Lean) ([]extract.Posting, error) {
	ids, err := store.IDs(ctx, f)
	if err != nil {
		return nil, err
	}
	posts, err := store.PostingsLean(ctx, ids, lean)
	if err != nil {
		return nil, fmt.Errorf("read postings: %w", err)
	}
	return posts, nil
}

// warnSample tells warn when there are no postings or few.
func warnSample(warn io.Writer, display string, n int, filters filterSummary) {
	what := fmt.Sprintf("%q", display)
	if f := filters.String(); f != "none" {
		what += " (filters: " + f + ")"
	}
	switch {
	case n == 0:
		fmt.Fprintf(warn, "warning: no postings for %s; crawl or import some first ('jobgap crawl', 'jobgap import'), or loosen the filters\n", what)
	case n < analyze.SmallSample:
		fmt.Fprintf(warn, "warning: only %d postings for %s; with fewer than %d, shares are rough: read the intervals\n", n, what, analyze.SmallSample)
	}
}

// writeHeader writes lines above a table or markdown result; CSV and JSON
// carry theirs in their cells and fields.
func writeHeader(w io.Writer, format string, lines ...string) {
	switch format {
	case formatTable:
		for _, l := range lines {
			fmt.Fprintln(w, terminalSafe(l))
		}
		fmt.Fprintln(w)
	case formatMarkdown:
		for _, l := range lines {
			fmt.Fprintf(w, "%s\n\n", terminalSafe(l))
		}
	}
}

// writeFooter writes notes below a table or markdown result.
func writeFooter(w io.Writer, format string, lines ...string) {
	if format != formatTable && format != formatMarkdown {
		return
	}
	fmt.Fprintln(w)
	for _, l := range lines {
		if format == formatMarkdown {
			fmt.Fprintf(w, "%s\n\n", l)
		} else {
			fmt.Fprintln(w, l)
		}
	}
}

// nLine is the header line stating N, the dates and the filters.
func nLine(display string, n int, from, to string, filters filterSummary) string {
	s := fmt.Sprintf("%s postings: N = %d", display, n)
	if from != "" {
		s += fmt.Sprintf(", posted %s to %s", from, to)
	}
	if n > 0 && n < analyze.SmallSample {
		s += " (small sample: read the intervals)"
	}
	return s + "; filters: " + filters.String()
}

// money writes an annual amount compactly: 128000 → "128k".
func money(x float64) string {
	if x >= 1000 {
		return fmt.Sprintf("%.0fk", x/1000)
	}
	return fmt.Sprintf("%.0f", x)
}

func shareCI(s analyze.Share) string {
	return fmt.Sprintf("%s (%s)", pct(s.Share), ci(s.CI95[0], s.CI95[1]))
}

func years(x float64) string {
	return strconv.FormatFloat(math.Round(x*10)/10, 'f', -1, 64)
}
