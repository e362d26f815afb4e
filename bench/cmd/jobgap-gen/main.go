// Command jobgap-gen writes generated job postings (see package
// bench/gen) as JSON Lines files that `jobgap import` reads.
//
//	jobgap-gen [-n 100000] [-from 0] [-seed 1] [-per-file 2000] -out DIR
//
// Postings from..from+n-1 go to DIR/postings-<from>.jsonl files of at most
// -per-file postings each. The same seed and indexes always give the same
// postings, so `-from 100000 -n 1000` writes 1,000 postings that a corpus
// of the first 100,000 does not have. A summary goes to stderr.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"time"

	"github.com/jobgap/jobgap/bench/gen"
	"github.com/jobgap/jobgap/extract/taxonomy"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "jobgap-gen:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("jobgap-gen", flag.ContinueOnError)
	n := fs.Int("n", 100000, "number of postings")
	from := fs.Int("from", 0, "index of the first posting")
	seed := fs.Uint64("seed", 1, "seed")
	perFile := fs.Int("per-file", gen.PerFile, "postings per file")
	dup := fs.Float64("dup", 0.05, "share of postings repeating an earlier job on another board")
	out := fs.String("out", "", "output directory (required)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *out == "" || *n < 0 || *from < 0 {
		fs.Usage()
		return fmt.Errorf("give -out DIR, and -n and -from of 0 or more")
	}
	if *dup == 0 {
		*dup = -1
	}
	tax, err := taxonomy.Default()
	if err != nil {
		return err
	}
	start := time.Now()
	g, err := gen.New(tax, gen.Options{Seed: *seed, DupRate: *dup})
	if err != nil {
		return err
	}
	paths, err := g.WriteFiles(ctx, *out, *from, *n, *perFile)
	if err != nil {
		return err
	}
	var size int64
	for _, p := range paths {
		if st, err := os.Stat(p); err == nil {
			size += st.Size()
		}
	}
	fmt.Fprintf(os.Stderr, "wrote %d postings (%d..%d) in %d files, %.1f MB, in %.2fs\n",
		*n, *from, *from+*n-1, len(paths), float64(size)/1e6, time.Since(start).Seconds())
	return nil
}
