package main

import (
	"context"
	"fmt"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jobgap/jobgap/corpus"
	"github.com/jobgap/jobgap/crawl"
	"github.com/jobgap/jobgap/extract"
	"github.com/jobgap/jobgap/extract/taxonomy"
)

// ingestPages are crawled pages of every kind the ingester meets: posting
// pages, the same job on two sources, a page re-crawled unchanged, index
// pages without a posting, postings that fail (no title) and postings the
// title filter drops.
func ingestPages() []crawl.Page {
	var pages []crawl.Page
	at := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	page := func(src string, i int, title string) crawl.Page {
		u := fmt.Sprintf("https://%s.example/jobs/%d", strings.TrimPrefix(src, "site:"), i)
		body := "<html><body>Open positions</body></html>"
		if title != "-" {
			body = fmt.Sprintf(`<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"JobPosting","title":%q,
"hiringOrganization":{"@type":"Organization","name":"Company %d"},"datePosted":"2026-10-01","url":%q,
"description":"<p>Team %d.</p><ul><li>CSPO or PSPO I certification</li><li>SQL and Jira</li></ul>"}</script></head></html>`, title, i%7, u, i)
		}
		return crawl.Page{Source: src, URL: u, RequestURL: u, Format: crawl.FormatHTML, ContentType: "text/html; charset=utf-8",
			Body: []byte(body), FetchedAt: at, ETag: fmt.Sprintf(`"%d"`, i)}
	}
	for i := range 40 {
		title := fmt.Sprintf("Product Owner %d", i)
		switch {
		case i%9 == 4:
			title = "-" // an index page
		case i%11 == 5:
			title = "" // fails: no title
		case i%5 == 3:
			title = fmt.Sprintf("Data Engineer %d", i) // filtered
		}
		pages = append(pages, page("site:a", i, title))
		if i%6 == 0 {
			pages = append(pages, page("site:b", i, title)) // the same job elsewhere
		}
		if i%10 == 1 {
			pages = append(pages, page("site:a", i, title)) // again, unchanged
		}
	}
	return pages
}

// ingestOutcome is everything an ingester run leaves behind.
type ingestOutcome struct {
	Saved    []string // onSaved calls, in order
	Total    docStats
	BySource map[string]docStats
	Errs     []string
	Stored   []string // title and duplicate link of each stored posting
	Cached   []string // pages whose validators were saved
}

// runIngester hands ingestPages to an ingester, with background
// extraction if workers > 0.
func runIngester(t *testing.T, workers, maxPages, maxBytes int) (afterFlush, afterStop ingestOutcome) {
	t.Helper()
	ctx := context.Background()
	tax, err := taxonomy.Default()
	if err != nil {
		t.Fatal(err)
	}
	store, err := corpus.Open(ctx, t.TempDir(), corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	in := newIngester(store, extract.NewExtractor(tax))
	in.batchSize = 7 // several batches, saved while pages still come
	in.ignoreNoPosting = true
	in.cache = store.HTTPCache()
	in.keep = func(p extract.Posting) bool { return strings.HasPrefix(p.Title, "Product Owner") }
	var saved []string
	in.onSaved = func(name string, st docStats) { saved = append(saved, name+": "+st.summary()) }
	stop := func() {}
	if workers > 0 {
		stop = in.extractInBackground(workers, maxPages, maxBytes)
	}
	pages := ingestPages()
	for _, p := range pages {
		if err := in.Page(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	if err := in.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	outcome := func() ingestOutcome {
		o := ingestOutcome{Saved: slices.Clone(saved), Total: in.total, BySource: map[string]docStats{}}
		for k, v := range in.bySource {
			o.BySource[k] = *v
		}
		for _, err := range in.errs {
			o.Errs = append(o.Errs, err.Error())
		}
		err := store.Each(ctx, func(p extract.Posting) error {
			o.Stored = append(o.Stored, p.Title)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		slices.Sort(o.Stored)
		for _, p := range pages {
			if etag, _, ok := in.cache.Lookup(p.RequestURL); ok {
				o.Cached = append(o.Cached, p.RequestURL+" "+etag)
			}
		}
		return o
	}
	afterFlush = outcome()
	stop()
	return afterFlush, outcome()
}

// Extracting in the background changes when the work is done, not what
// comes of it: same counts, same order of reports and errors, same
// postings and validators saved, all of it done by the time Flush
// returns.
func TestBackgroundExtractionSavesAsInline(t *testing.T) {
	want, _ := runIngester(t, 0, 0, 0)
	if want.Total.Added == 0 || want.Total.Failed == 0 || want.Total.Filtered == 0 || want.Total.Unchanged == 0 || want.Total.Dups == 0 {
		t.Fatalf("the pages do not cover every case: %+v", want.Total)
	}
	for _, c := range []struct{ workers, maxPages, maxBytes int }{
		{3, maxWaiting, maxWaitingBytes},
		{1, 1, 1},   // one page at a time
		{2, 100, 1}, // one page at a time, by bytes
		{4, 2, 1 << 20},
	} {
		flushed, stopped := runIngester(t, c.workers, c.maxPages, c.maxBytes)
		if !reflect.DeepEqual(flushed, want) {
			t.Errorf("background %+v, after Flush:\n%+v\ninline:\n%+v", c, flushed, want)
		}
		if !reflect.DeepEqual(stopped, want) {
			t.Errorf("background %+v, after stop:\n%+v\ninline:\n%+v", c, stopped, want)
		}
	}
}

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
