package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/jobgap/jobgap/extract/taxonomy"
)

func init() { commands = append(commands, newTaxonomyCmd) }

func newTaxonomyCmd(g *globalOptions) *cobra.Command {
	c := &cobra.Command{
		Use:   "taxonomy list|check",
		Short: "List the certification catalog, skill taxonomy and title families, or check a user file",
		Long: `The catalog of certifications, the skill taxonomy and the title families
are embedded in jobgap and extended by DATA/taxonomy.yaml when it exists
(same keys as the embedded files: certifications, skills, families,
contexts, disable).

  jobgap taxonomy list [--kind certification|skill|family] [--format ...]
  jobgap taxonomy check FILE`,
		Args: noArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			return usagef("taxonomy needs a subcommand: list or check (see 'jobgap taxonomy --help')")
		},
	}
	c.AddCommand(newTaxonomyListCmd(g), newTaxonomyCheckCmd(g))
	return c
}

type taxonomyListOptions struct {
	Kind   string
	Format string
}

func newTaxonomyListCmd(g *globalOptions) *cobra.Command {
	var opts taxonomyListOptions
	c := &cobra.Command{
		Use:   "list [--kind certification|skill|family] [--format table|markdown|csv|json]",
		Short: "List certifications, skills and title families in use (embedded and DATA/taxonomy.yaml)",
		Args:  noArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			return runTaxonomyList(c.Context(), g, opts)
		},
	}
	c.Flags().StringVar(&opts.Kind, "kind", "", "certification, skill or family (default certifications and skills)")
	c.Flags().StringVar(&opts.Format, "format", formatTable, "table, markdown, csv or json")
	return c
}

func runTaxonomyList(_ context.Context, g *globalOptions, opts taxonomyListOptions) error {
	switch opts.Kind {
	case "", "certification", "skill", "family":
	default:
		return usagef("--kind %q is not certification, skill or family", opts.Kind)
	}
	if err := checkFormat(opts.Format, formatTable, formatMarkdown, formatCSV, formatJSON); err != nil {
		return err
	}
	tax, err := g.taxonomy()
	if err != nil {
		return err
	}
	if opts.Kind == "family" {
		fams := tax.Families()
		if opts.Format == formatJSON {
			return writeJSON(g.io.Out, fams)
		}
		t := table{header: []string{"id", "name", "titles", "exclude"}}
		for _, f := range fams {
			t.add(f.ID, f.Name, strings.Join(f.Titles, "; "), strings.Join(f.Exclude, "; "))
		}
		return t.write(g.io.Out, opts.Format)
	}
	terms := tax.Terms(taxonomy.Kind(opts.Kind))
	if opts.Format == formatJSON {
		if terms == nil {
			terms = []taxonomy.Term{}
		}
		return writeJSON(g.io.Out, terms)
	}
	t := table{header: []string{"kind", "id", "name", "acronyms", "category", "issuer", "cost_usd", "checked", "fields"},
		right: []bool{false, false, false, false, false, false, true, true}}
	for _, term := range terms {
		cost, checked := "", ""
		if term.CostUSD.Max > 0 {
			cost = strconv.Itoa(term.CostUSD.Min)
			if term.CostUSD.Max != term.CostUSD.Min {
				cost += "-" + strconv.Itoa(term.CostUSD.Max)
			}
		}
		if term.Checked > 0 {
			checked = strconv.Itoa(term.Checked)
		}
		t.add(string(term.Kind), term.ID, term.Name, strings.Join(term.Acronyms, " "), term.Category, term.Issuer, cost, checked,
			strings.Join(term.Fields, " "))
	}
	return t.write(g.io.Out, opts.Format)
}

func newTaxonomyCheckCmd(g *globalOptions) *cobra.Command {
	return &cobra.Command{
		Use:   "check FILE",
		Short: "Check a taxonomy extension file: YAML, duplicate ids, colliding or empty forms",
		Long: `Check reads FILE as an extension of the embedded catalog and taxonomy, as
jobgap would read DATA/taxonomy.yaml, and reports every problem on stderr
as FILE:LINE: subject: problem: YAML errors, unknown fields, duplicate
ids, a surface form (name, acronym, alias) that another term already
uses, an empty form, a context group that is not defined. It exits 1
when there is a problem, 0 when the file is fine.`,
		Args: func(c *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usagef("taxonomy check takes one file, got %d arguments", len(args))
			}
			return nil
		},
		RunE: func(c *cobra.Command, args []string) error {
			return runTaxonomyCheck(g, args[0])
		},
	}
}

func runTaxonomyCheck(g *globalOptions, path string) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("taxonomy check: %w", err)
	}
	base, err := taxonomy.Default()
	if err != nil {
		return err
	}
	if errs := base.Check(b, path); len(errs) > 0 {
		for _, e := range errs {
			for _, line := range strings.Split(e.Error(), "\n") {
				fmt.Fprintln(g.io.Err, terminalSafe(line))
			}
		}
		n := countProblems(errs)
		plural := "s"
		if n == 1 {
			plural = ""
		}
		return fmt.Errorf("taxonomy check %s: %d problem%s", path, n, plural)
	}
	ext, err := taxonomy.Load(base, b, path)
	if err != nil {
		return err
	}
	return writeCheckSummary(g.io.Out, path, base, ext)
}

// countProblems counts the errors, looking inside joined ones.
func countProblems(errs []error) int {
	n := 0
	for _, e := range errs {
		var j interface{ Unwrap() []error }
		if errors.As(e, &j) {
			n += countProblems(j.Unwrap())
			continue
		}
		n++
	}
	return n
}

func writeCheckSummary(w io.Writer, path string, base, ext *taxonomy.Taxonomy) error {
	_, err := fmt.Fprintf(w, "%s: ok: %d certifications, %d skills, %d title families (embedded: %d, %d, %d)\n", path,
		len(ext.Terms(taxonomy.KindCertification)), len(ext.Terms(taxonomy.KindSkill)), len(ext.Families()),
		len(base.Terms(taxonomy.KindCertification)), len(base.Terms(taxonomy.KindSkill)), len(base.Families()))
	return err
}
