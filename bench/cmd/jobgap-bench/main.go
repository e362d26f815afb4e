// Command jobgap-bench holds the baselines that bench/run measures jobgap
// against, and the tools it needs to prepare them. Each subcommand prints
// one line of "key=value" figures on stdout, which bench/run reads.
//
//	jobgap-bench bleve -index DIR FILE.jsonl...
//	    Bleve's own batch indexing of the same documents, the baseline for
//	    `jobgap import`: each JSON line is decoded and indexed as it is
//	    (raw JSON-LD, description HTML and all) with bleve.NewIndexMapping()
//	    defaults, in batches of 500. Prints docs, seconds, docs_per_s.
//
//	jobgap-bench text -out DIR [-terms FILE] FILE.jsonl...
//	    Writes each posting's clean description text (as extract.Parse
//	    makes it) to DIR, one file per input file, postings separated by a
//	    form feed line; with -terms, writes every surface form of every
//	    taxonomy term to FILE, one a line (ripgrep's -f pattern file).
//
//	jobgap-bench tag DIR
//	    Tags every posting text in DIR's files with taxonomy.Match, using
//	    every CPU. Prints bytes, postings, tags, seconds, mb_per_s.
//
//	jobgap-bench rescan -data DIR -title T [-stats FILE] [-reps N]
//	    Opens the store and counts, for the title's family, the postings
//	    carrying each certification and skill twice: by the index
//	    (corpus.Store.Count, as `jobgap stats` does; best of -reps runs) and
//	    by a full rescan of the stored postings (Store.Each, leaving out
//	    the postings Store.DupOf links to an earlier one). Fails unless
//	    both give the same counts, and, with -stats (the output of `jobgap
//	    stats --top 0 --format json`), the same counts as the command.
//	    Prints n, index_s, rescan_s, ratio.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "jobgap-bench:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string) error {
	if len(args) == 0 {
		return fmt.Errorf("usage: jobgap-bench bleve|text|tag|rescan ... (see the package doc)")
	}
	switch args[0] {
	case "bleve":
		return runBleve(ctx, args[1:])
	case "text":
		return runText(ctx, args[1:])
	case "tag":
		return runTag(ctx, args[1:])
	case "rescan":
		return runRescan(ctx, args[1:])
	}
	return fmt.Errorf("unknown subcommand %q: bleve, text, tag or rescan", args[0])
}
