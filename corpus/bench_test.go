package corpus

// Benchmarks of import + index on generated postings (package bench/gen),
// side by side with the baselines they are judged against, in one run:
//
//	go test -run '^$' -bench . -benchtime 1x ./corpus
//
//	BenchmarkImport/postings=N   what `jobgap import` does: extract.Split,
//	                             Extractor.Extract, Store.Put in batches of
//	                             500 into a fresh store
//	BenchmarkExtract             Split + Extract alone (no disk)
//	BenchmarkReindex             Store.Reindex: the index alone rebuilt
//	                             from the store, batches of 500
//	BenchmarkBleveBare           bleve's own batch indexing of the same
//	                             JSON-LD documents as they are, with
//	                             bleve.NewIndexMapping() defaults: the
//	                             baseline
//
// Each reports postings/s and peak-live-MB, the most live heap seen while
// it ran (as of each collection, sampled every few milliseconds) above
// what was live before, so not counting the generated documents the
// benchmark holds: import's should not grow with the number of postings
// beyond the batch in flight.

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"runtime"
	"runtime/metrics"
	"sync"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"

	"github.com/jobgap/jobgap/bench/gen"
	"github.com/jobgap/jobgap/extract"
	"github.com/jobgap/jobgap/extract/taxonomy"
)

// benchDocs returns n generated postings as JSON Lines documents of
// gen.PerFile postings each, as import reads them from files.
func benchDocs(b *testing.B, n int) []extract.Document {
	b.Helper()
	tax, err := taxonomy.Default()
	if err != nil {
		b.Fatal(err)
	}
	g, err := gen.New(tax, gen.Options{Seed: 1})
	if err != nil {
		b.Fatal(err)
	}
	var docs []extract.Document
	for from := 0; from < n; from += gen.PerFile {
		var buf bytes.Buffer
		if err := g.WriteJSONL(&buf, from, min(from+gen.PerFile, n)); err != nil {
			b.Fatal(err)
		}
		docs = append(docs, extract.Document{Name: gen.FileName(from), Source: "file", Body: buf.Bytes(),
			FetchedAt: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)})
	}
	return docs
}

// peakHeap samples the live heap (as the collector last marked it) until
// stop is called, and returns the most seen above what was live when it
// started, in bytes: what the code measured holds, not the garbage it has
// left for the collector, nor the benchmark's own input.
func peakHeap() (stop func() uint64) {
	runtime.GC()
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(sample)
	base := sample[0].Value.Uint64()
	var peak uint64
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(5 * time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(sample)
			peak = max(peak, sample[0].Value.Uint64())
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	return func() uint64 {
		close(done)
		wg.Wait()
		return peak - min(peak, base)
	}
}

func report(b *testing.B, n int, peak uint64) {
	b.ReportMetric(float64(b.N*n)/b.Elapsed().Seconds(), "postings/s")
	b.ReportMetric(float64(peak)/(1<<20), "peak-live-MB")
}

// importDocs does what the import command does with docs.
func importDocs(ctx context.Context, s *Store, x *extract.Extractor, docs []extract.Document) (int, error) {
	n := 0
	batch := make([]Record, 0, 500)
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		res, err := s.Put(ctx, batch)
		n += res.Added + res.Updated + res.Unchanged
		batch = batch[:0]
		return err
	}
	for _, d := range docs {
		raws, errs := extract.Split(d)
		if len(errs) > 0 {
			return n, errs[0]
		}
		posts, perrs := x.ExtractAll(raws)
		for i, r := range raws {
			p, err := posts[i], perrs[i]
			if err != nil {
				return n, err
			}
			batch = append(batch, Record{Raw: r, Posting: p})
			if len(batch) == cap(batch) {
				if err := flush(); err != nil {
					return n, err
				}
			}
		}
	}
	return n, flush()
}

func BenchmarkImport(b *testing.B) {
	tax, err := taxonomy.Default()
	if err != nil {
		b.Fatal(err)
	}
	x := extract.NewExtractor(tax)
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("postings=%d", n), func(b *testing.B) {
			docs := benchDocs(b, n)
			ctx := context.Background()
			var peak uint64
			b.ResetTimer()
			for range b.N {
				b.StopTimer()
				dir := b.TempDir()
				b.StartTimer()
				stop := peakHeap()
				s, err := Open(ctx, dir, Options{})
				if err != nil {
					b.Fatal(err)
				}
				got, err := importDocs(ctx, s, x, docs)
				if err != nil {
					b.Fatal(err)
				}
				if err := s.Close(); err != nil {
					b.Fatal(err)
				}
				peak = max(peak, stop())
				if got != n {
					b.Fatalf("imported %d postings, want %d", got, n)
				}
			}
			report(b, n, peak)
		})
	}
}

func BenchmarkExtract(b *testing.B) {
	const n = 2000
	tax, err := taxonomy.Default()
	if err != nil {
		b.Fatal(err)
	}
	x := extract.NewExtractor(tax)
	docs := benchDocs(b, n)
	var peak uint64
	b.ResetTimer()
	for range b.N {
		stop := peakHeap()
		for _, d := range docs {
			raws, _ := extract.Split(d)
			for _, r := range raws {
				if _, err := x.Extract(r); err != nil {
					b.Fatal(err)
				}
			}
		}
		peak = max(peak, stop())
	}
	report(b, n, peak)
}

// BenchmarkReindex rebuilds the index of a store of generated postings
// (Store.Reindex): the index build alone, with our mapping, reading the
// postings from the store.
func BenchmarkReindex(b *testing.B) {
	const n = 5000
	tax, err := taxonomy.Default()
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	s, err := Open(ctx, b.TempDir(), Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	if _, err := importDocs(ctx, s, extract.NewExtractor(tax), benchDocs(b, n)); err != nil {
		b.Fatal(err)
	}
	var peak uint64
	b.ResetTimer()
	for range b.N {
		stop := peakHeap()
		if _, err := s.Reindex(ctx, nil, Options{}); err != nil {
			b.Fatal(err)
		}
		peak = max(peak, stop())
	}
	report(b, n, peak)
}

func BenchmarkBleveBare(b *testing.B) {
	const n = 5000
	var lines [][]byte
	for _, d := range benchDocs(b, n) {
		for line := range bytes.Lines(d.Body) {
			lines = append(lines, line)
		}
	}
	var peak uint64
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		dir := b.TempDir()
		b.StartTimer()
		stop := peakHeap()
		idx, err := bleve.New(dir+"/bare.bleve", bleve.NewIndexMapping())
		if err != nil {
			b.Fatal(err)
		}
		batch := idx.NewBatch()
		for i, line := range lines {
			var d map[string]any // decoded here, as the baseline program reads its files
			if err := json.Unmarshal(line, &d); err != nil {
				b.Fatal(err)
			}
			if err := batch.Index(fmt.Sprint(i), d); err != nil {
				b.Fatal(err)
			}
			if batch.Size() == 500 || i == len(lines)-1 {
				if err := idx.Batch(batch); err != nil {
					b.Fatal(err)
				}
				batch.Reset()
			}
		}
		if err := idx.Close(); err != nil {
			b.Fatal(err)
		}
		peak = max(peak, stop())
	}
	report(b, n, peak)
}
