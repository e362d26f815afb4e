package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/jobgap/jobgap/extract"
)

type exportOptions struct {
	Title  string
	Format string
}

func init() { commands = append(commands, newExportCmd) }

func newExportCmd(g *globalOptions) *cobra.Command {
	var opts exportOptions
	c := &cobra.Command{
		Use:   "export [--title T] [--format jsonl|csv]",
		Short: "Write every posting with its fields and tags, for spreadsheets and other tools",
		Args:  noArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			return runExport(c.Context(), g, opts)
		},
	}
	c.Flags().StringVar(&opts.Title, "title", "", "export only postings for this title")
	c.Flags().StringVar(&opts.Format, "format", "jsonl", "jsonl or csv")
	return c
}

// exportHeader is the CSV export's columns. Tags are "id:level" joined
// with "; ".
var exportHeader = []string{"id", "source", "url", "title", "family", "seniority", "company", "locations",
	"workplace", "remote", "employment_type", "date_posted", "salary_min", "salary_max", "salary_currency",
	"salary_period", "salary_annual_min", "salary_annual_max", "certifications", "skills", "description"}

func runExport(ctx context.Context, g *globalOptions, opts exportOptions) error {
	if err := checkFormat(opts.Format, "jsonl", formatCSV); err != nil {
		return err
	}
	tax, err := g.taxonomy()
	if err != nil {
		return err
	}
	store, err := g.readStore(ctx)
	if err != nil {
		return err
	}
	defer store.Close()
	ids, err := store.IDs(ctx, titleFilter(tax, opts.Title, g.io.Err))
	if err != nil {
		return err
	}
	enc := json.NewEncoder(g.io.Out)
	enc.SetEscapeHTML(false)
	var rows [][]string
	flush := func() error {
		if len(rows) == 0 {
			return nil
		}
		err := writeCSVRows(g.io.Out, rows)
		rows = rows[:0]
		return err
	}
	if opts.Format == formatCSV {
		if err := writeCSV(g.io.Out, exportHeader, nil); err != nil {
			return err
		}
	}
	for _, id := range ids {
		if err := ctx.Err(); err != nil {
			return err
		}
		p, err := store.Get(id)
		if err != nil {
			return err
		}
		if opts.Format == "jsonl" {
			if err := enc.Encode(p); err != nil {
				return err
			}
			continue
		}
		rows = append(rows, exportRow(p))
		if len(rows) == 500 {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	return flush()
}

func exportRow(p extract.Posting) []string {
	var certs, skills []string
	for _, t := range p.Tags {
		s := t.ID + ":" + string(t.Level)
		if t.Kind == extract.KindCertification {
			certs = append(certs, s)
		} else {
			skills = append(skills, s)
		}
	}
	num := func(f float64) string {
		if f == 0 {
			return ""
		}
		return fmt.Sprintf("%.0f", f)
	}
	var sal extract.Salary
	if p.Salary != nil {
		sal = *p.Salary
	}
	date := ""
	if !p.DatePosted.IsZero() {
		date = p.DatePosted.Format("2006-01-02")
	}
	return []string{p.ID, p.Source, p.URL, p.Title, p.Family, p.Seniority, p.Company, strings.Join(p.Locations, "; "),
		p.Workplace, fmt.Sprint(p.Remote), p.EmploymentType, date, num(sal.Min), num(sal.Max), sal.Currency,
		sal.Period, num(sal.AnnualMin), num(sal.AnnualMax), strings.Join(certs, "; "), strings.Join(skills, "; "), p.Description}
}
