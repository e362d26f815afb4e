package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/jobgap/jobgap/analyze"
	"github.com/jobgap/jobgap/corpus"
	"github.com/jobgap/jobgap/extract"
	"github.com/jobgap/jobgap/extract/taxonomy"
)

type auditOptions struct {
	Profile  string
	Title    string
	Today    string
	MinShare float64
	History  bool
	Format   string
	Filters  filterOptions
}

func init() { commands = append(commands, newAuditCmd) }

func newAuditCmd(g *globalOptions) *cobra.Command {
	var opts auditOptions
	c := &cobra.Command{
		Use:   "audit --profile FILE [--title T] [--today DATE] [filters] [--format table|markdown|csv|json]\n  jobgap audit --history (--profile FILE | --title T)",
		Short: "Your prioritised skills gap against the market, kept as a dated history",
		Long: `audit joins your skills profile (see 'jobgap init-profile') with what the
postings for its title ask for, and prints the prioritised gap list:

  demand     share of postings naming the competency, and requiring it
  target     yours, or from the market when blank: 4 when at least half
             the postings require it, 3 when at least one in five names
             it (or it is your own, not in the catalog), else 2
  gap        target − current, never below 0; not yet rated counts as 1
  priority   weighted demand × gap, where weighted demand is (postings
             requiring it × 1 + preferring it × ½ + only mentioning it × ¼)
             / N: required always weighs more than preferred. A
             competency no posting names has priority 0.
  status     not yet rated; done (current ≥ target); overdue (due date
             before today); on track (due today or later); no due date

Competencies the market asks for that your profile lacks (named by at
least --min-share of the postings, and two postings at least) are added
as "not yet rated" rows: the gaps you did not know about.

Every run keeps a dated snapshot of the ratings and the market shares it
used in DATA/history/ (one per title and day; a second run on the same
day replaces that day's). 'audit --history' shows, per competency, the
ratings over time ("2 → 3 → 4 over 6 weeks") and how demand moved.

--today (or $JOBGAP_TODAY) sets the date that judges due dates and stamps
the snapshot, for reproducible runs; the default is the clock's date.`,
		Args: noArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			return runAudit(c.Context(), g, opts)
		},
	}
	c.Flags().StringVar(&opts.Profile, "profile", "", "your skills profile (YAML; start one with 'jobgap init-profile')")
	c.Flags().StringVar(&opts.Title, "title", "", "audit against this title instead of the profile's")
	c.Flags().StringVar(&opts.Today, "today", "", "the date to judge due dates and stamp the snapshot, YYYY-MM-DD (default $"+todayEnv+", else today)")
	c.Flags().Float64Var(&opts.MinShare, "min-share", defaultMinShare, "add market competencies you lack that at least this share of postings name")
	c.Flags().BoolVar(&opts.History, "history", false, "show how ratings and demand moved over the stored snapshots")
	c.Flags().StringVar(&opts.Format, "format", formatTable, "table, markdown, csv or json")
	opts.Filters.addFlags(c)
	return c
}

// auditResult is the shape of `jobgap audit --format json`.
type auditResult struct {
	Profile  string        `json:"profile"`
	Filters  filterSummary `json:"filters"`
	From     string        `json:"from,omitempty"`
	To       string        `json:"to,omitempty"`
	Snapshot string        `json:"snapshot"` // file name in DATA/history
	analyze.AuditResult
}

// historyResult is the shape of `jobgap audit --history --format json`.
type historyResult struct {
	Title        string               `json:"title"`
	Snapshots    []string             `json:"snapshots"` // dates, oldest first
	Competencies []analyze.HistoryRow `json:"competencies"`
}

func (o auditOptions) check() error {
	if err := checkFormat(o.Format, formatTable, formatMarkdown, formatCSV, formatJSON); err != nil {
		return err
	}
	if o.MinShare < 0 || o.MinShare > 1 {
		return usagef("--min-share %v: give a share between 0 and 1, such as 0.1", o.MinShare)
	}
	if o.History {
		if o.Profile == "" && o.Title == "" {
			return usagef("audit --history needs --profile FILE or --title T")
		}
		return nil
	}
	if o.Profile == "" {
		return usagef("audit needs --profile FILE (start one with: jobgap init-profile --title \"Product Manager\" -o profile.yaml)")
	}
	return nil
}

func readProfile(path string, tax *taxonomy.Taxonomy) (analyze.Profile, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return analyze.Profile{}, fmt.Errorf("read profile: %w", err)
	}
	return analyze.ParseProfile(b, path, tax)
}

var slugRE = regexp.MustCompile(`[^a-z0-9]+`)

// historyPrefix is the snapshot name prefix of a title's audits:
// "audit-FAMILY-" (or the title phrase, lower-cased and hyphenated).
func historyPrefix(f corpus.Filter) string {
	key := f.Family
	if key == "" {
		key = strings.Trim(slugRE.ReplaceAllString(strings.ToLower(f.TitlePhrase), "-"), "-")
	}
	if key == "" {
		key = "all"
	}
	return "audit-" + key + "-"
}

func runAudit(ctx context.Context, g *globalOptions, opts auditOptions) error {
	if err := opts.check(); err != nil {
		return err
	}
	if opts.Format == formatJSON {
		g.Quiet = true
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
	title := opts.Title
	if title == "" {
		title = prof.Title
	}
	tg, filters, err := resolveTarget(tax, title, opts.Filters, now, g.io.Err)
	if err != nil {
		return err
	}
	store, err := g.readStore(ctx)
	if err != nil {
		return err
	}
	defer store.Close()
	if opts.History {
		return runAuditHistory(g, store, tg, opts.Format)
	}
	posts, err := loadPostings(ctx, store, tg.filter, corpus.NoDescription|corpus.NoEvidence)
	if err != nil {
		return err
	}
	if len(posts) == 0 {
		what := fmt.Sprintf("%q", tg.display)
		if f := filters.String(); f != "none" {
			what += " (filters: " + f + ")"
		}
		return fmt.Errorf("audit %s: no postings for %s, so there is no market to audit against; crawl or import postings for this title first ('jobgap crawl', 'jobgap import FILES'), or loosen the filters; nothing was saved", opts.Profile, what)
	}
	warnSample(g.io.Err, tg.display, len(posts), filters)
	res := newAuditResult(opts.Profile, prof, tg, filters, posts, tax, now, opts.MinShare)

	snap, err := json.MarshalIndent(res.AuditResult.Snapshot(filters.String()), "", "  ")
	if err != nil {
		return err
	}
	res.Snapshot = historyPrefix(tg.filter) + res.Today + ".json"
	if err := store.SaveSnapshot(res.Snapshot, append(snap, '\n')); err != nil {
		return err
	}
	if opts.Format == formatJSON {
		return writeJSON(g.io.Out, res)
	}
	return writeAudit(g.io.Out, res, opts.Format)
}

func writeAudit(w io.Writer, res auditResult, format string) error {
	added := 0
	for _, r := range res.Rows {
		if !r.InProfile {
			added++
		}
	}
	writeHeader(w, format,
		fmt.Sprintf("Skills audit on %s against %s", res.Today, nLine(res.Title, res.Postings, res.From, res.To, res.Filters)),
		fmt.Sprintf("Profile %s: %d competencies, and %d more the market asks for that it lacks.", res.Profile, len(res.Rows)-added, added))
	t := auditTable(res, format)
	if err := t.write(w, format); err != nil {
		return err
	}
	writeFooter(w, format,
		"priority = weighted demand × gap; weighted demand = (required + ½ preferred + ¼ mentioned) / N; not yet rated counts as 1.",
		"target* comes from the market: 4 when half the postings require it, 3 when one in five names it, else 2. (new): the market asks for it and your profile lacks it.",
		"Snapshot kept as history/"+res.Snapshot+"; see how it moves with: jobgap audit --history --profile "+res.Profile)
	return nil
}

// defaultMinShare is the share of postings from which a competency the
// profile lacks is added to the gap list.
const defaultMinShare = 0.10

// newAuditResult audits a profile against the postings of its title: the
// one computation behind both audit and report.
func newAuditResult(path string, prof analyze.Profile, tg target, filters filterSummary, posts []extract.Posting,
	tax *taxonomy.Taxonomy, now time.Time, minShare float64) auditResult {
	prof.Title = tg.display
	res := auditResult{Profile: path, Filters: filters,
		AuditResult: analyze.Audit(prof, analyze.Demands(posts, tax, ""), len(posts), now, minShare)}
	res.From, res.To = analyze.DateRange(posts)
	return res
}

// auditTable lays out the prioritised gap list; CSV gets every field.
func auditTable(res auditResult, format string) *table {
	t := &table{
		header: []string{"#", "competency", "status", "current", "target", "gap", "demand", "required", "priority", "due", "method"},
		right:  []bool{true, false, false, true, true, true, true, true, true, false, false},
	}
	if format == formatCSV {
		t.header = []string{"rank", "competency", "id", "kind", "in_profile", "status", "current", "target", "target_from", "gap",
			"count", "postings", "share", "ci95_low", "ci95_high", "required_share", "weighted_demand", "priority", "due", "method", "notes"}
	}
	for i, r := range res.Rows {
		cur := ""
		if r.Current > 0 {
			cur = fmt.Sprint(r.Current)
		}
		if format == formatCSV {
			t.add(fmt.Sprint(i+1), r.Label(), r.ID, r.Kind, fmt.Sprint(r.InProfile), r.Status, cur, fmt.Sprint(r.Target), r.TargetFrom,
				fmt.Sprint(r.Gap), fmt.Sprint(r.Demand.Count), fmt.Sprint(r.Demand.N), fmt.Sprintf("%.4f", r.Demand.Share),
				fmt.Sprintf("%.4f", r.Demand.CI95[0]), fmt.Sprintf("%.4f", r.Demand.CI95[1]), fmt.Sprintf("%.4f", r.RequiredShare),
				fmt.Sprintf("%.4f", r.Weighted), fmt.Sprintf("%.4f", r.Priority), r.Due, r.Method, r.Notes)
			continue
		}
		if cur == "" {
			cur = "–"
		}
		target := fmt.Sprint(r.Target)
		if r.TargetFrom == "market" {
			target += "*"
		}
		name := r.Label()
		if !r.InProfile {
			name += " (new)"
		}
		t.add(fmt.Sprint(i+1), name, r.Status, cur, target, fmt.Sprint(r.Gap), shareCI(r.Demand),
			pct(r.RequiredShare), fmt.Sprintf("%.2f", r.Priority), r.Due, r.Method)
	}
	return t
}

// loadHistory reads the audit snapshots kept for a title, and the set of
// filters they were taken with.
func loadHistory(store *corpus.Store, tg target) ([]analyze.Snapshot, map[string]bool, error) {
	stored, err := store.Snapshots(historyPrefix(tg.filter))
	if err != nil {
		return nil, nil, err
	}
	var snaps []analyze.Snapshot
	filters := map[string]bool{}
	for _, s := range stored {
		var snap analyze.Snapshot
		if err := json.Unmarshal(s.Data, &snap); err != nil {
			return nil, nil, fmt.Errorf("read snapshot history/%s: %w", s.Name, err)
		}
		snaps = append(snaps, snap)
		filters[snap.Filters] = true
	}
	return snaps, filters, nil
}

func runAuditHistory(g *globalOptions, store *corpus.Store, tg target, format string) error {
	snaps, filters, err := loadHistory(store, tg)
	if err != nil {
		return err
	}
	if len(snaps) == 0 {
		return errors.New("no audit history for " + fmt.Sprintf("%q", tg.display) + " yet: run 'jobgap audit --profile FILE' (each run keeps a dated snapshot)")
	}
	rows := analyze.History(snaps)
	res := historyResult{Title: tg.display, Competencies: rows}
	for _, s := range snaps {
		res.Snapshots = append(res.Snapshots, s.Date)
	}
	if format == formatJSON {
		return writeJSON(g.io.Out, res)
	}
	w := g.io.Out
	lines := []string{fmt.Sprintf("Audit history for %s: %d snapshots, %s to %s", tg.display, len(snaps), snaps[0].Date, snaps[len(snaps)-1].Date)}
	if len(filters) > 1 {
		lines = append(lines, "note: the snapshots were taken with different filters, so demand moved partly because of them")
	} else {
		lines[0] += "; filters: " + snaps[0].Filters
	}
	writeHeader(w, format, lines...)
	t := &table{header: []string{"competency", "ratings", "over", "target", "demand (share of postings)", "snapshots"},
		right: []bool{false, false, false, true, false, true}}
	if format == formatCSV {
		t.header = []string{"competency", "key", "ratings", "over", "target", "demand", "snapshots", "first_date", "last_date", "first_share", "last_share"}
	}
	for _, r := range rows {
		first, last := r.Points[0], r.Points[len(r.Points)-1]
		if format == formatCSV {
			t.add(r.Name, r.Key, r.Ratings, r.Span, fmt.Sprint(last.Target), r.Demand, fmt.Sprint(len(r.Points)),
				first.Date, last.Date, fmt.Sprintf("%.4f", first.Share), fmt.Sprintf("%.4f", last.Share))
			continue
		}
		over := r.Span
		if over == "" {
			over = "–"
		}
		t.add(r.Name, r.Ratings, over, fmt.Sprint(last.Target), r.Demand, fmt.Sprint(len(r.Points)))
	}
	if err := t.write(w, format); err != nil {
		return err
	}
	writeFooter(w, format, "ratings: your current rating at each snapshot, repeats collapsed, – while not rated.")
	return nil
}
