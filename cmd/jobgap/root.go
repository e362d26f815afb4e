package main

import (
	"context"
	_ "embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/jobgap/jobgap/corpus"
	"github.com/jobgap/jobgap/extract"
	"github.com/jobgap/jobgap/extract/taxonomy"
)

//go:embed manual.txt
var manual string

// commands makes every subcommand, in help order. Each cmd_*.go file
// adds its own in an init function.
var commands []func(*globalOptions) *cobra.Command

// globalOptions are the flags every command takes.
type globalOptions struct {
	Data  string
	Quiet bool
	io    *IO
	tax   *taxonomy.Taxonomy
}

// run parses args and runs the command they name.
func run(ctx context.Context, args []string, io *IO) error {
	g := &globalOptions{io: io}
	root := &cobra.Command{
		Use:           "jobgap",
		Short:         "What the job market for a role asks for, and how far you are from it",
		Long:          manual,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.PersistentFlags().StringVar(&g.Data, "data", "", "data directory (default $JOBGAP_DATA, else $XDG_DATA_HOME/jobgap, else ~/.local/share/jobgap)")
	root.PersistentFlags().BoolVarP(&g.Quiet, "quiet", "q", false, "show no progress bars")
	root.SetArgs(args)
	root.SetIn(io.In)
	root.SetOut(io.Out)
	root.SetErr(io.Err)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return usagef("%v (see 'jobgap %s --help')", err, c.Name())
	})
	for _, newCmd := range commands {
		root.AddCommand(newCmd(g))
	}
	err := root.ExecuteContext(ctx)
	if err != nil && isCobraUsage(err) {
		return usagef("%v (see 'jobgap --help')", err)
	}
	return err
}

// isCobraUsage recognises the command-line errors cobra makes itself.
func isCobraUsage(err error) bool {
	var u *usageError
	if errors.As(err, &u) {
		return false
	}
	msg := err.Error()
	for _, p := range []string{"unknown command", "unknown flag", "unknown shorthand", "accepts ", "requires at least", "requires at most", "invalid argument"} {
		if strings.HasPrefix(msg, p) {
			return true
		}
	}
	return false
}

// dataDir resolves --data, $JOBGAP_DATA, $XDG_DATA_HOME/jobgap and
// ~/.local/share/jobgap, in that order.
func (g *globalOptions) dataDir() (string, error) {
	if g.Data != "" {
		return g.Data, nil
	}
	if d := os.Getenv("JOBGAP_DATA"); d != "" {
		return d, nil
	}
	if d := os.Getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "jobgap"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("no data directory: set --data or $JOBGAP_DATA (%w)", err)
	}
	return filepath.Join(home, ".local", "share", "jobgap"), nil
}

// openStore opens the data directory, showing progress if the index has
// to be brought up to date first.
func (g *globalOptions) openStore(ctx context.Context) (*corpus.Store, error) {
	return g.open(ctx, false)
}

// readStore is openStore for a command that only reads postings: the
// index is opened without bleve's background merging (see
// corpus.Options.ReadOnly).
func (g *globalOptions) readStore(ctx context.Context) (*corpus.Store, error) {
	return g.open(ctx, true)
}

func (g *globalOptions) open(ctx context.Context, readOnly bool) (*corpus.Store, error) {
	dir, err := g.dataDir()
	if err != nil {
		return nil, err
	}
	bar := g.progress(-1, "indexing")
	defer bar.Finish()
	return corpus.Open(ctx, dir, corpus.Options{Progress: bar.Set, ReadOnly: readOnly})
}

// taxonomy returns the catalog, skill taxonomy and title families: the
// embedded ones, extended by DIR/taxonomy.yaml in the data directory when
// the user keeps one there. It is loaded once per run.
func (g *globalOptions) taxonomy() (*taxonomy.Taxonomy, error) {
	if g.tax != nil {
		return g.tax, nil
	}
	tax, err := taxonomy.Default()
	if err != nil {
		return nil, err
	}
	if dir, err := g.dataDir(); err == nil {
		path := filepath.Join(dir, userTaxonomyFile)
		b, err := os.ReadFile(path)
		switch {
		case err == nil:
			if tax, err = taxonomy.Load(tax, b, path); err != nil {
				return nil, err
			}
		case !errors.Is(err, fs.ErrNotExist):
			return nil, fmt.Errorf("read %s: %w", path, err)
		}
	}
	g.tax = tax
	return tax, nil
}

// userTaxonomyFile, in the data directory, extends the embedded catalog,
// skill taxonomy and title families (see 'jobgap taxonomy check').
const userTaxonomyFile = "taxonomy.yaml"

func (g *globalOptions) extractor() (*extract.Extractor, error) {
	tax, err := g.taxonomy()
	if err != nil {
		return nil, err
	}
	return extract.NewExtractor(tax), nil
}
