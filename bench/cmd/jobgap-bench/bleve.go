package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/blevesearch/bleve/v2"
)

// runBleve indexes the JSON lines of the files as they are, with bleve's
// default mapping, in batches of 500.
func runBleve(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("bleve", flag.ContinueOnError)
	dir := fs.String("index", "", "index directory to create (must not exist)")
	batchSize := fs.Int("batch", 500, "documents per batch")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *dir == "" || fs.NArg() == 0 {
		return fmt.Errorf("bleve: give -index DIR and JSON Lines files")
	}
	start := time.Now()
	n, err := bleveIndex(ctx, *dir, *batchSize, fs.Args())
	if err != nil {
		return err
	}
	secs := time.Since(start).Seconds()
	fmt.Printf("docs=%d seconds=%.3f docs_per_s=%.1f\n", n, secs, float64(n)/secs)
	return nil
}

func bleveIndex(ctx context.Context, dir string, batchSize int, files []string) (int, error) {
	idx, err := bleve.New(dir, bleve.NewIndexMapping())
	if err != nil {
		return 0, err
	}
	defer idx.Close()
	n := 0
	b := idx.NewBatch()
	for _, path := range files {
		f, err := os.Open(path)
		if err != nil {
			return n, err
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 64<<20)
		for line := 1; sc.Scan(); line++ {
			if err := ctx.Err(); err != nil {
				f.Close()
				return n, err
			}
			var doc map[string]any
			if err := json.Unmarshal(sc.Bytes(), &doc); err != nil {
				f.Close()
				return n, fmt.Errorf("%s:%d: %w", path, line, err)
			}
			id := fmt.Sprintf("%s:%d", path, line)
			if u, ok := doc["url"].(string); ok {
				id = u
			}
			if err := b.Index(id, doc); err != nil {
				f.Close()
				return n, err
			}
			n++
			if b.Size() >= batchSize {
				if err := idx.Batch(b); err != nil {
					f.Close()
					return n, err
				}
				b.Reset()
			}
		}
		f.Close()
		if err := sc.Err(); err != nil {
			return n, fmt.Errorf("%s: %w", path, err)
		}
	}
	if b.Size() > 0 {
		if err := idx.Batch(b); err != nil {
			return n, err
		}
	}
	return n, nil
}
