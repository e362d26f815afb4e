package main

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/jobgap/jobgap/corpus"
	"github.com/jobgap/jobgap/extract"
	"github.com/jobgap/jobgap/extract/taxonomy"
)

// TestIngesterSavesLargeDocumentsInBatches: a document of more postings
// than a batch is saved in batches, and reported (once, with all its
// postings) only after its last batch is saved.
func TestIngesterSavesLargeDocumentsInBatches(t *testing.T) {
	ctx := context.Background()
	store, err := corpus.Open(ctx, t.TempDir(), corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	tax, err := taxonomy.Default()
	if err != nil {
		t.Fatal(err)
	}
	in := newIngester(store, extract.NewExtractor(tax))
	in.batchSize = 4
	saved := map[string]docStats{}
	var stored []int // postings in the store at each report
	in.onSaved = func(name string, st docStats) {
		saved[name] = st
		n, _ := store.Len()
		stored = append(stored, n)
	}
	paths := writePostingFiles(t, t.TempDir(), 2, 10)
	for i, path := range paths {
		body, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := in.Document(ctx, extract.Document{Name: path, Source: "file", Body: body, FetchedAt: time.Now()}); err != nil {
			t.Fatal(err)
		}
		// 10 postings in batches of 4: after the first document, 8 are
		// saved and 2 queued; it is not reported yet.
		if i == 0 {
			if n, _ := store.Len(); n != 8 || len(saved) != 0 {
				t.Fatalf("after the first document: %d saved, %d reported; want 8 saved and none reported", n, len(saved))
			}
		}
	}
	if err := in.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	if len(saved) != 2 || saved[paths[0]].Added != 10 || saved[paths[1]].Added != 10 {
		t.Fatalf("reported %+v; want both documents with 10 new postings each", saved)
	}
	// The first document is reported at the first flush after its last
	// posting (4 of the second document's with it: 12), the second at
	// the last flush.
	if len(stored) != 2 || stored[0] != 12 || stored[1] != 20 {
		t.Errorf("postings stored when each document was reported: %v, want [12 20]", stored)
	}
	if in.total.Added != 20 || len(in.pending) != 0 {
		t.Errorf("total %+v, %d documents still pending", in.total, len(in.pending))
	}
}
