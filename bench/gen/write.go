package gen

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sync"
)

// WriteJSONL writes postings from..to-1 to w, one JobPosting per line.
func (g *Generator) WriteJSONL(w io.Writer, from, to int) error {
	bw := bufio.NewWriterSize(w, 1<<20)
	for i := from; i < to; i++ {
		p := g.Posting(i)
		bw.Write(p.JSON)
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

// FileName is the name of the file WriteFiles writes postings from..
// into: postings-0000100000.jsonl.
func FileName(from int) string { return fmt.Sprintf("postings-%010d.jsonl", from) }

// WriteFiles writes postings from..from+n-1 into dir as JSON Lines files
// of at most perFile postings (PerFile when perFile ≤ 0), named by
// FileName, using every CPU. It returns the paths written, in order.
func (g *Generator) WriteFiles(ctx context.Context, dir string, from, n, perFile int) ([]string, error) {
	if perFile <= 0 {
		perFile = PerFile
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	var paths []string
	type job struct {
		path     string
		from, to int
	}
	jobs := make(chan job)
	errs := make(chan error, 1)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				if err := g.writeFile(j.path, j.from, j.to); err != nil {
					select {
					case errs <- err:
					default:
					}
				}
			}
		}()
	}
	for start := from; start < from+n; start += perFile {
		if ctx.Err() != nil {
			break
		}
		p := filepath.Join(dir, FileName(start))
		paths = append(paths, p)
		jobs <- job{p, start, min(start+perFile, from+n)}
	}
	close(jobs)
	wg.Wait()
	select {
	case err := <-errs:
		return nil, err
	default:
	}
	return paths, ctx.Err()
}

func (g *Generator) writeFile(path string, from, to int) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := g.WriteJSONL(f, from, to); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	return f.Close()
}
