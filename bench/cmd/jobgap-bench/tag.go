package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jobgap/jobgap/extract/taxonomy"
)

// runTag tags the posting texts of a directory's files, a file per
// worker at a time, and reports the throughput. The files are read
// (while the taxonomy loads) before the clock starts, as ripgrep's are
// from the page cache.
func runTag(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("tag", flag.ContinueOnError)
	workers := fs.Int("j", runtime.GOMAXPROCS(0), "workers")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("tag: give the directory that 'text' wrote")
	}
	// The taxonomy loads while the files are read.
	type loaded struct {
		tax *taxonomy.Taxonomy
		err error
	}
	load := make(chan loaded, 1)
	go func() {
		tax, err := taxonomy.Default()
		load <- loaded{tax, err}
	}()
	paths, err := filepath.Glob(filepath.Join(fs.Arg(0), "*.txt"))
	if err != nil || len(paths) == 0 {
		return fmt.Errorf("tag: no .txt files in %s", fs.Arg(0))
	}
	var texts [][]string
	var size int64
	for _, p := range paths {
		text, err := readString(p)
		if err != nil {
			return err
		}
		size += int64(len(text))
		// One string per file, the postings slices of it: no copy each.
		var docs []string
		for _, d := range strings.Split(text, separator) {
			if len(strings.TrimSpace(d)) > 0 {
				docs = append(docs, d)
			}
		}
		texts = append(texts, docs)
	}
	l := <-load
	if l.err != nil {
		return l.err
	}
	tax := l.tax
	// Build the lazily built parts (the matcher, and the cue and heading
	// matchers a line with a candidate needs) before the clock starts.
	tax.Match("Requirements:\n- A CSPO certification is required, SQL is a plus.")
	var postings, tags atomic.Int64
	next := atomic.Int64{}
	start := time.Now()
	var wg sync.WaitGroup
	for range *workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= len(texts) || ctx.Err() != nil {
					return
				}
				for _, d := range texts[i] {
					tags.Add(int64(len(tax.Match(d))))
					postings.Add(1)
				}
			}
		}()
	}
	wg.Wait()
	secs := time.Since(start).Seconds()
	fmt.Printf("bytes=%d postings=%d tags=%d workers=%d seconds=%.3f mb_per_s=%.1f\n",
		size, postings.Load(), tags.Load(), *workers, secs, float64(size)/1e6/secs)
	return ctx.Err()
}

// readString returns the content of a file as a string, read straight
// into it (os.ReadFile and a conversion would copy it twice).
func readString(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	var b strings.Builder
	if st, err := f.Stat(); err == nil {
		b.Grow(int(st.Size()))
	}
	if _, err := io.Copy(&b, f); err != nil {
		return "", err
	}
	return b.String(), nil
}
