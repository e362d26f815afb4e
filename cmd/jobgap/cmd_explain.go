package main

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/jobgap/jobgap/extract"
)

type explainOptions struct {
	Retag  bool
	Format string
}

func init() { commands = append(commands, newExplainCmd) }

func newExplainCmd(g *globalOptions) *cobra.Command {
	var opts explainOptions
	c := &cobra.Command{
		Use:   "explain ID [--retag] [--format table|markdown|csv|json]",
		Short: "Show a posting's tags, each with its level and the sentence it was found in",
		Long: `Explain shows what jobgap read from one posting (ids are listed by 'jobgap export'):
its title family and seniority, salary, years of experience, education,
workplace and employment type, and every certification and skill tagged,
with its requirement level (required, preferred, mentioned) and the
sentence of the description it was found in.

With --retag the posting is extracted again from its stored source with
the current catalog and taxonomy (including DATA/taxonomy.yaml), without
changing the store: use it to see what an edit of the taxonomy does.`,
		Args: func(c *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usagef("explain takes one posting id (see 'jobgap export'), got %d arguments", len(args))
			}
			return nil
		},
		RunE: func(c *cobra.Command, args []string) error {
			return runExplain(c.Context(), g, opts, args[0])
		},
	}
	c.Flags().BoolVar(&opts.Retag, "retag", false, "extract again from the stored source with the current taxonomy")
	c.Flags().StringVar(&opts.Format, "format", formatTable, "table, markdown, csv or json")
	return c
}

// explanation is the JSON shape of 'jobgap explain --format json'.
type explanation struct {
	ID             string          `json:"id"`
	Title          string          `json:"title"`
	Company        string          `json:"company,omitempty"`
	Family         string          `json:"family,omitempty"`
	Seniority      string          `json:"seniority,omitempty"`
	Salary         *extract.Salary `json:"salary,omitempty"`
	Experience     float64         `json:"experience_years,omitempty"`
	Education      string          `json:"education,omitempty"`
	Workplace      string          `json:"workplace,omitempty"`
	EmploymentType string          `json:"employment_type,omitempty"`
	Tags           []extract.Tag   `json:"tags"`
}

func runExplain(ctx context.Context, g *globalOptions, opts explainOptions, id string) error {
	if err := checkFormat(opts.Format, formatTable, formatMarkdown, formatCSV, formatJSON); err != nil {
		return err
	}
	if opts.Format == formatJSON {
		g.Quiet = true
	}
	store, err := g.readStore(ctx)
	if err != nil {
		return err
	}
	defer store.Close()
	p, err := store.Get(id)
	if err != nil {
		return fmt.Errorf("explain: %w", err)
	}
	if opts.Retag {
		x, err := g.extractor()
		if err != nil {
			return err
		}
		raw, err := store.Raw(id)
		if err != nil {
			return fmt.Errorf("explain: %w", err)
		}
		if p, err = x.Extract(raw); err != nil {
			return fmt.Errorf("explain %s: %w", id, err)
		}
	}
	e := explanation{ID: id, Title: p.Title, Company: p.Company, Family: p.Family, Seniority: p.Seniority,
		Salary: p.Salary, Experience: p.Experience, Education: p.Education, Workplace: p.Workplace,
		EmploymentType: p.EmploymentType, Tags: p.Tags}
	if e.Tags == nil {
		e.Tags = []extract.Tag{}
	}
	return writeExplanation(g.io.Out, e, opts.Format)
}

func writeExplanation(w io.Writer, e explanation, format string) error {
	if format == formatJSON {
		return writeJSON(w, e)
	}
	t := table{header: []string{"kind", "id", "name", "level", "evidence"}}
	for _, tg := range e.Tags {
		t.add(string(tg.Kind), tg.ID, tg.Name, string(tg.Level), tg.Evidence)
	}
	if format == formatCSV {
		return t.write(w, format)
	}
	facts := [][2]string{
		{"posting", e.ID},
		{"title", e.Title},
		{"company", e.Company},
		{"family", strings.TrimSpace(e.Family + " (" + e.Seniority + ")")},
		{"salary", salaryText(e.Salary)},
		{"experience", experienceText(e.Experience)},
		{"education", e.Education},
		{"workplace", e.Workplace},
		{"employment", strings.ReplaceAll(e.EmploymentType, "_", "-")},
	}
	var b strings.Builder
	for _, f := range facts {
		v := f[1]
		if v == "" || v == "()" {
			v = "-"
		}
		if format == formatMarkdown {
			fmt.Fprintf(&b, "- **%s**: %s\n", f[0], terminalSafe(v))
		} else {
			fmt.Fprintf(&b, "%-11s %s\n", f[0]+":", terminalSafe(v))
		}
	}
	b.WriteString("\n")
	if _, err := io.WriteString(w, b.String()); err != nil {
		return err
	}
	if len(t.rows) == 0 {
		_, err := io.WriteString(w, "no certifications or skills tagged\n")
		return err
	}
	return t.write(w, format)
}

// salaryText renders a salary as "USD 120,000–150,000 a year (120,000–150,000 annualised)".
func salaryText(s *extract.Salary) string {
	if s == nil {
		return ""
	}
	num := func(f float64) string {
		if f == 0 {
			return "?"
		}
		str := strconv.FormatFloat(f, 'f', -1, 64)
		if f < 1000 {
			return str
		}
		whole := strconv.FormatFloat(f, 'f', 0, 64)
		var out []byte
		for i := range whole {
			if i > 0 && (len(whole)-i)%3 == 0 {
				out = append(out, ',')
			}
			out = append(out, whole[i])
		}
		return string(out)
	}
	var b strings.Builder
	if s.Currency != "" {
		b.WriteString(s.Currency + " ")
	}
	switch {
	case s.Min == 0 && s.Max == 0:
		b.WriteString("no amount")
	case s.Min == s.Max:
		b.WriteString(num(s.Min))
	case s.Min == 0:
		b.WriteString("up to " + num(s.Max))
	case s.Max == 0:
		b.WriteString("from " + num(s.Min))
	default:
		b.WriteString(num(s.Min) + "–" + num(s.Max))
	}
	if s.Period != "" {
		b.WriteString(" a " + s.Period)
	}
	if s.Period != "" && s.Period != "year" && (s.AnnualMin > 0 || s.AnnualMax > 0) {
		fmt.Fprintf(&b, " (%s–%s a year)", num(s.AnnualMin), num(s.AnnualMax))
	}
	if s.Text != "" {
		fmt.Fprintf(&b, " from %q", s.Text)
	}
	return b.String()
}

func experienceText(y float64) string {
	if y == 0 {
		return ""
	}
	return strconv.FormatFloat(y, 'f', -1, 64) + "+ years"
}
