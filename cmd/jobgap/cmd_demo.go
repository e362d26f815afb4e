package main

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/jobgap/jobgap/analyze"
	"github.com/jobgap/jobgap/corpus"
	"github.com/jobgap/jobgap/crawl"
	"github.com/jobgap/jobgap/demo"
)

type demoOptions struct {
	Format string
	Top    int
}

// demoTitles are the titles the demo compares.
var demoTitles = []string{"Product Owner", "Product Manager", "Product Lead"}

func init() { commands = append(commands, newDemoCmd) }

func newDemoCmd(g *globalOptions) *cobra.Command {
	var opts demoOptions
	c := &cobra.Command{
		Use:   "demo",
		Short: "Run the whole pipeline offline on bundled example postings",
		Long: `demo starts a local web server that speaks the Greenhouse, Lever and Ashby
job-board APIs and serves a career site with schema.org JobPosting pages,
all holding example postings written for jobgap. It crawls them with the
real crawler, extracts and tags them, stores and indexes them, and prints
what Product Owner, Product Manager and Product Lead postings ask for.
Nothing leaves this machine. The data goes to a temporary directory that
is removed afterwards, unless --data names one to keep.`,
		Args: noArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			return runDemo(c.Context(), g, opts)
		},
	}
	c.Flags().StringVar(&opts.Format, "format", formatTable, "table, markdown, csv or json")
	c.Flags().IntVar(&opts.Top, "top", 8, "rows per kind and title")
	return c
}

// demoResult is the shape of `jobgap demo --format json`.
type demoResult struct {
	DataDir string          `json:"data_dir,omitempty"` // empty when the data was temporary
	Sources []sourceSummary `json:"sources"`
	Titles  []analyze.Stats `json:"titles"`
}

func runDemo(ctx context.Context, g *globalOptions, opts demoOptions) error {
	if err := checkFormat(opts.Format, formatTable, formatMarkdown, formatCSV, formatJSON); err != nil {
		return err
	}
	if opts.Format == formatJSON {
		g.Quiet = true
	}
	// Only an explicit --data is used: the demo must never write into the
	// user's real corpus through $JOBGAP_DATA.
	dir, keep := g.Data, g.Data != ""
	if !keep {
		tmp, err := os.MkdirTemp("", "jobgap-demo-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		dir = tmp
	}
	x, err := g.extractor()
	if err != nil {
		return err
	}
	tax, err := g.taxonomy()
	if err != nil {
		return err
	}
	store, err := corpus.Open(ctx, dir, corpus.Options{})
	if err != nil {
		return err
	}
	defer store.Close()

	srv := httptest.NewServer(demo.Handler())
	defer srv.Close()
	var targets []crawl.Target
	for _, s := range demo.Sources(srv.URL) {
		// demo names boards as sources do ("greenhouse:northwind").
		_, board, _ := strings.Cut(s.Board, ":")
		targets = append(targets, crawl.Target{Kind: s.Kind, Board: board, URL: s.URL, BaseURL: srv.URL})
	}

	bar := g.progress(-1, "crawling the demo boards")
	in := newIngester(store, x)
	in.ignoreNoPosting = true
	results, err := crawlAndSave(ctx, in, crawl.Options{
		Delay:         -1, // the demo server is local: no politeness delay
		Backoff:       10 * time.Millisecond,
		MaxRetryAfter: time.Second,
		Progress:      barProgress{bar},
	}, targets)
	if err != nil {
		bar.Finish()
		return err
	}
	bar.Finish()
	if err := ctx.Err(); err != nil {
		return err
	}

	res := demoResult{Sources: in.summaries(results)}
	if keep {
		res.DataDir = dir
	}
	warn := g.io.Err
	for _, title := range demoTitles {
		st, err := computeStats(ctx, store, tax, title, "", opts.Top, warn)
		if err != nil {
			return err
		}
		res.Titles = append(res.Titles, st)
	}
	if opts.Format == formatJSON {
		return writeJSON(g.io.Out, res)
	}
	w := g.io.Out
	if err := writeSources(w, res.Sources, opts.Format); err != nil {
		return err
	}
	for _, st := range res.Titles {
		fmt.Fprintln(w)
		if err := writeStats(w, st, opts.Format); err != nil {
			return err
		}
	}
	if opts.Format == formatTable {
		if keep {
			fmt.Fprintf(w, "\nThe demo corpus is in %s: try 'jobgap --data %s stats --title \"Product Owner\"'.\n", dir, dir)
		} else {
			fmt.Fprintln(w, "\nThe demo data was temporary; run 'jobgap demo --data DIR' to keep it and explore with 'jobgap --data DIR stats'.")
		}
	}
	return nil
}
