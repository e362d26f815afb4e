package main

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/jobgap/jobgap/corpus"
	"github.com/jobgap/jobgap/extract"
)

type reindexOptions struct {
	KeepTags bool
}

func init() { commands = append(commands, newReindexCmd) }

func newReindexCmd(g *globalOptions) *cobra.Command {
	var opts reindexOptions
	c := &cobra.Command{
		Use:   "reindex",
		Short: "Extract every stored posting again from its source document and rebuild the index",
		Args:  noArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			return runReindex(c.Context(), g, opts)
		},
	}
	c.Flags().BoolVar(&opts.KeepTags, "keep-tags", false, "only rebuild the index; do not extract and tag again")
	return c
}

func runReindex(ctx context.Context, g *globalOptions, opts reindexOptions) error {
	store, err := g.openStore(ctx)
	if err != nil {
		return err
	}
	defer store.Close()
	var reextract func(extract.Raw) (extract.Posting, error)
	if !opts.KeepTags {
		x, err := g.extractor()
		if err != nil {
			return err
		}
		reextract = x.Extract
	}
	bar := g.progress(-1, "reindexing")
	problems, err := store.Reindex(ctx, reextract, corpus.Options{Progress: bar.Set})
	bar.Finish()
	for _, p := range problems {
		fmt.Fprintf(g.io.Err, "kept as it was: %v\n", p)
	}
	if err != nil {
		return err
	}
	n, err := store.Len()
	if err != nil {
		return err
	}
	fmt.Fprintf(g.io.Out, "reindexed %d postings\n", n)
	if len(problems) > 0 {
		return &partialError{failed: len(problems), what: "postings"}
	}
	return nil
}
