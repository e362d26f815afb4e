package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"sort"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/jobgap/jobgap/analyze"
	"github.com/jobgap/jobgap/corpus"
)

type initProfileOptions struct {
	Title string
	Top   int
	Out   string
	Force bool
}

func init() { commands = append(commands, newInitProfileCmd) }

func newInitProfileCmd(g *globalOptions) *cobra.Command {
	var opts initProfileOptions
	c := &cobra.Command{
		Use:   "init-profile --title T [--top N] [-o FILE] [--force]",
		Short: "Write a starter skills profile from the market's top competencies, ratings blank",
		Long: `init-profile writes a starter skills profile for a title: the
certifications and skills its postings ask for most, in the order a
first audit would rank them (see 'jobgap audit --help'), every rating
blank, with comments
explaining each field. Rate yourself, add your own competencies, and run
'jobgap audit --profile FILE'. Without -o the profile goes to stdout.`,
		Args: noArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			return runInitProfile(c.Context(), g, opts)
		},
	}
	c.Flags().StringVar(&opts.Title, "title", "", "the title you are aiming for (required)")
	c.Flags().IntVar(&opts.Top, "top", 12, "competencies to start with")
	c.Flags().StringVarP(&opts.Out, "out", "o", "", "write the profile to FILE (default stdout)")
	c.Flags().BoolVar(&opts.Force, "force", false, "replace FILE if it exists")
	return c
}

func runInitProfile(ctx context.Context, g *globalOptions, opts initProfileOptions) error {
	if opts.Title == "" {
		return usagef("init-profile needs --title, such as --title \"Product Manager\"")
	}
	if opts.Top < 1 {
		return usagef("--top %d: give a number of competencies, at least 1", opts.Top)
	}
	if opts.Out != "" && !opts.Force {
		if _, err := os.Stat(opts.Out); err == nil {
			return fmt.Errorf("init-profile: %s exists; it may hold your ratings: choose another name, or --force to replace it", opts.Out)
		} else if !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("init-profile: %w", err)
		}
	}
	m, err := g.loadMarket(ctx, opts.Title, filterOptions{}, corpus.NoDescription|corpus.NoEvidence)
	if err != nil {
		return err
	}
	tax, tg, posts, now := m.tax, m.target, m.posts, m.now
	if len(posts) == 0 {
		return fmt.Errorf("init-profile: no postings for %q to start a profile from; crawl or import postings for this title first ('jobgap crawl', 'jobgap import FILES'); nothing was written", tg.display)
	}
	warnSample(g.io.Err, tg.display, len(posts), filterSummary{})
	var buf bytes.Buffer
	starterProfile(&buf, tg.display, opts.Title, analyze.Demands(posts, tax, ""), len(posts), opts.Top, now.Format("2006-01-02"))
	if opts.Out == "" {
		_, err := g.io.Out.Write(buf.Bytes())
		return err
	}
	if err := os.WriteFile(opts.Out, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("init-profile: %w", err)
	}
	fmt.Fprintf(g.io.Err, "wrote %s: rate yourself, then run: jobgap audit --profile %s\n", opts.Out, opts.Out)
	return nil
}

// starterProfile writes the starter YAML: the top competencies in the
// order a first audit would rank them (weighted demand × (default target
// − 1), the priority of a competency not yet rated), ratings blank.
func starterProfile(w io.Writer, display, asked string, demands []analyze.Demand, n, top int, date string) {
	ds := append([]analyze.Demand(nil), demands...)
	prio := func(d analyze.Demand) float64 { return d.Weighted * float64(analyze.DefaultTarget(d, false)-1) }
	sort.SliceStable(ds, func(i, j int) bool { return prio(ds[i]) > prio(ds[j]) })
	if len(ds) > top {
		ds = ds[:top]
	}
	fmt.Fprintf(w, `# jobgap skills profile: where you stand on what %s postings ask for.
# Started by 'jobgap init-profile --title %s' on %s from %d postings.
# Rate yourself, then run: jobgap audit --profile THIS-FILE
# Update the ratings as you learn (weekly, say): each audit keeps a dated
# snapshot, and 'jobgap audit --history --profile THIS-FILE' shows the trend.
#
# title:    the job title you are aiming for
# competencies, one item each:
#   name:    a skill or certification from the catalog (name, acronym or id);
#            for one of your own that the catalog lacks, add a line "own: true"
#   current: your level now, 1 (beginner) to 5 (expert); blank = not yet rated
#   target:  the level you aim for, 1-5; blank = from the market: 4 when half
#            the postings require it, 3 when one in five names it, else 2
#   method:  how you will learn it: a course, a project, hours a week
#   due:     when you mean to reach the target, as YYYY-MM-DD
#   notes:   anything else
title: %s
competencies:
`, display, strconv.Quote(asked), date, n, strconv.Quote(display))
	for _, d := range ds {
		name := d.Name
		if d.Acronym != "" {
			name = d.Acronym + ", " + d.Name
		}
		fmt.Fprintf(w, "  # %s (%s): named in %s of %d postings, required in %s\n", name, d.Kind, pct(d.Share), d.N, pct(d.RequiredShare))
		fmt.Fprintf(w, "  - name: %s\n    current:\n    target:\n    method:\n    due:\n    notes:\n", strconv.Quote(d.Name))
	}
}
