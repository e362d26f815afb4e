package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"slices"
	"sync"

	"github.com/jobgap/jobgap/corpus"
	"github.com/jobgap/jobgap/crawl"
	"github.com/jobgap/jobgap/extract"
)

// ingester is the one path from documents to the corpus, shared by
// import, crawl and demo: split each document into records, extract and
// tag each, and save them in batches. Records that fail are reported and
// skipped; the rest go on.
type ingester struct {
	store     *corpus.Store
	x         *extract.Extractor
	batchSize int
	keep      func(extract.Posting) bool    // nil keeps every posting
	onSaved   func(doc string, st docStats) // called once a document's postings are all saved
	// ignoreNoPosting treats a page without a JobPosting as normal (a
	// crawled index page), not as a failed record.
	ignoreNoPosting bool
	// cache, if set, gets the validators of each crawled page whose
	// records were all saved (none failed, none filtered by title), once
	// they are saved: the next crawl then skips the page while it is
	// unchanged, without losing anything.
	cache *corpus.HTTPCache

	batch   []corpus.Record
	docOf   []int        // for each record in batch, its document in pending
	pending []pendingDoc // documents whose records sit in batch

	total    docStats
	bySource map[string]*docStats
	firstErr map[string]error // the first failed record of each source
	errs     []error

	bg *background // set while pages are extracted in the background
}

// docStats counts what happened to one document's records (or, summed,
// to a whole run's).
type docStats struct {
	Records   int // records found
	Added     int
	Updated   int
	Unchanged int
	Dups      int // saved, and linked to an earlier posting of the same job
	Filtered  int // dropped by the title filter
	Failed    int // records that could not be read or extracted
}

func (s *docStats) add(o docStats) {
	s.Records += o.Records
	s.Added += o.Added
	s.Updated += o.Updated
	s.Unchanged += o.Unchanged
	s.Dups += o.Dups
	s.Filtered += o.Filtered
	s.Failed += o.Failed
}

type pendingDoc struct {
	name   string
	source string
	stats  docStats
	cache  *corpus.CacheEntry // the page's validators, for ingester.cache
	// open: the document's records are still being queued. A flush in
	// the middle of a document saves the records queued so far, but the
	// document is reported saved (and its validators cached) only by a
	// flush after its last record.
	open bool
}

// saveBatch is how many postings the ingester saves at a time (one
// store transaction, one index batch). A commit reads a page of the
// store's id and duplicate buckets for each posting, so the batch, not
// the corpus, bounds what an import maps of postings.db. On the 100,000
// bench postings, 250 instead of 500 took peak RSS from 238 to 202 MiB
// (anonymous 136 to 115) for the same import time.
const saveBatch = 250

func newIngester(store *corpus.Store, x *extract.Extractor) *ingester {
	return &ingester{store: store, x: x, batchSize: saveBatch}
}

// Document splits, extracts and queues doc's postings, saving whenever a
// batch fills.
func (in *ingester) Document(ctx context.Context, doc extract.Document) error {
	return in.document(ctx, doc, nil)
}

func (in *ingester) document(ctx context.Context, doc extract.Document, ce *corpus.CacheEntry) error {
	d := &docWork{doc: doc, cache: ce}
	in.extract(d)
	return in.queue(ctx, d)
}

// docWork is a document on its way through the ingester: extracted (by
// extract, which touches nothing of the ingester's state and may run on
// any goroutine), then queued (by queue, on one goroutine at a time).
type docWork struct {
	ctx   context.Context // of the Page call, for queue (background only)
	doc   extract.Document
	cache *corpus.CacheEntry
	raws  []extract.Raw
	errs  []error // records that could not be split out
	posts []extract.Posting
	perrs []error       // posts[i] could not be extracted
	size  int           // bytes of the document's body (background only)
	done  chan struct{} // closed once extracted (background only)
	flush chan error    // set for Flush's marker instead of a document
}

// extract splits d's document into records and extracts them.
func (in *ingester) extract(d *docWork) {
	d.raws, d.errs = extract.Split(d.doc)
	if in.ignoreNoPosting {
		d.errs = slices.DeleteFunc(d.errs, func(err error) bool { return errors.Is(err, extract.ErrNoJobPosting) })
	}
	d.posts, d.perrs = in.x.ExtractAll(d.raws)
	d.doc.Body = nil // the records hold what is kept of it
}

// queue counts d's records and queues its postings for saving, saving
// whenever a batch fills.
func (in *ingester) queue(ctx context.Context, d *docWork) error {
	doc, raws, errs := d.doc, d.raws, d.errs
	in.pending = append(in.pending, pendingDoc{name: doc.Name, source: doc.Source, cache: d.cache, open: true})
	// The document is the last pending one throughout: a flush keeps it.
	pd := func() *pendingDoc { return &in.pending[len(in.pending)-1] }
	pd().stats.Records = len(raws) + len(errs)
	pd().stats.Failed = len(errs)
	in.errs = append(in.errs, errs...)
	if len(errs) > 0 {
		in.noteErr(doc.Source, errs[0])
	}
	for i, r := range raws {
		p, err := d.posts[i], d.perrs[i]
		if err != nil {
			pd().stats.Failed++
			err = fmt.Errorf("%s: %w", r.Origin, err)
			in.errs = append(in.errs, err)
			in.noteErr(doc.Source, err)
			continue
		}
		if in.keep != nil && !in.keep(p) {
			pd().stats.Filtered++
			continue
		}
		in.batch = append(in.batch, corpus.Record{Raw: r, Posting: p})
		in.docOf = append(in.docOf, len(in.pending)-1)
		// Saved in batches in the middle of a document too: the store's
		// write transaction, and the pages of postings.db it touches, stay
		// the size of a batch however many postings a file holds.
		if len(in.batch) >= in.batchSize {
			if err := in.flush(ctx); err != nil {
				pd().open = false
				return err
			}
		}
	}
	pd().open = false
	return nil
}

// Flush saves the queued postings and reports the documents they came
// from as saved. With background extraction, it first waits for the
// pages handed on before it.
func (in *ingester) Flush(ctx context.Context) error {
	if bg := in.bg; bg != nil {
		d := &docWork{ctx: ctx, flush: make(chan error, 1)}
		bg.order <- d
		return <-d.flush
	}
	return in.flush(ctx)
}

func (in *ingester) flush(ctx context.Context) error {
	if len(in.batch) > 0 {
		res, err := in.store.Put(ctx, in.batch)
		if res.Outcomes == nil && err != nil {
			return err // nothing saved
		}
		for i, o := range res.Outcomes {
			st := &in.pending[in.docOf[i]].stats
			if res.DupOf[i] != "" {
				st.Dups++
			}
			switch o {
			case corpus.Added:
				st.Added++
			case corpus.Updated:
				st.Updated++
			case corpus.Unchanged:
				st.Unchanged++
			}
		}
		clear(in.batch) // the saved records' text is not kept past the batch
		in.batch, in.docOf = in.batch[:0], in.docOf[:0]
		if err == nil {
			err = in.saveCache(ctx)
		}
		in.report()
		return err
	}
	err := in.saveCache(ctx)
	in.report()
	return err
}

// background extracts crawled pages on several goroutines while the
// crawl goes on (see extractInBackground).
type background struct {
	work  chan *docWork // to the extracting goroutines
	order chan *docWork // to the saving goroutine, in the order handed on

	mu       sync.Mutex
	room     *sync.Cond // held went down
	held     int        // bytes of the pages in work or order
	maxBytes int        // bound of held, unless a single page is larger
	err      error      // a failure to save not yet returned
}

// Bounds of the pages waiting in the background (crawlAndSave): their
// number, and their bytes.
const (
	maxWaiting      = 256
	maxWaitingBytes = 32 << 20
)

// hold waits until n more bytes of pages fit, and counts them.
func (bg *background) hold(n int) {
	bg.mu.Lock()
	for bg.held > 0 && bg.held+n > bg.maxBytes {
		bg.room.Wait()
	}
	bg.held += n
	bg.mu.Unlock()
}

// release uncounts n bytes of pages.
func (bg *background) release(n int) {
	bg.mu.Lock()
	bg.held -= n
	bg.room.Broadcast()
	bg.mu.Unlock()
}

func (bg *background) setErr(err error) {
	bg.mu.Lock()
	bg.err = err
	bg.mu.Unlock()
}

func (bg *background) takeErr() error {
	bg.mu.Lock()
	defer bg.mu.Unlock()
	err := bg.err
	bg.err = nil
	return err
}

// extractInBackground makes Page return as soon as the page is queued.
// workers goroutines split and extract queued pages, side by side; one
// goroutine takes them in the order Page got them and does what Page
// did with them: counts, queues and saves in batches, and reports a
// page's postings only once they are saved. So the outcome is the same
// as without, but extraction (about 1 ms a posting) runs on all cores,
// while the crawler fetches and while a batch is being saved. Memory
// stays bounded: at most maxPages pages, and maxBytes of them (or one
// larger page), wait between Page and the saving goroutine.
//
// A failure to save is returned by the next Page call (without
// background extraction: by the Page call that filled the batch), since
// the crawler only counts it against a page; the records stay queued,
// and Flush saves them or returns its own failure.
//
// Flush waits for the pages queued before it. Until stop, only Page and
// Flush may be called, one at a time; call stop after the last Flush.
func (in *ingester) extractInBackground(workers, maxPages, maxBytes int) (stop func()) {
	workers = max(workers, 1)
	bg := &background{work: make(chan *docWork, workers), order: make(chan *docWork, max(maxPages-1, 0)), maxBytes: maxBytes}
	bg.room = sync.NewCond(&bg.mu)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for d := range bg.work {
				in.extract(d)
				close(d.done)
			}
		})
	}
	wg.Go(func() {
		for d := range bg.order {
			if d.flush != nil {
				d.flush <- in.flush(d.ctx)
				continue
			}
			<-d.done
			err := in.queue(d.ctx, d)
			bg.release(d.size)
			if err != nil {
				bg.setErr(err)
			}
		}
	})
	in.bg = bg
	return func() {
		close(bg.order)
		close(bg.work)
		wg.Wait()
		in.bg = nil
	}
}

// saveCache saves the validators of the pending documents whose records
// are all in the store.
func (in *ingester) saveCache(ctx context.Context) error {
	if in.cache == nil {
		return nil
	}
	var entries []corpus.CacheEntry
	for _, pd := range in.pending {
		if !pd.open && pd.cache != nil && pd.stats.Failed == 0 && pd.stats.Filtered == 0 {
			entries = append(entries, *pd.cache)
		}
	}
	return in.cache.Save(ctx, entries)
}

func (in *ingester) report() {
	keep := in.pending[:0]
	for _, pd := range in.pending {
		if pd.open {
			keep = append(keep, pd) // still being queued
			continue
		}
		in.total.add(pd.stats)
		if in.bySource == nil {
			in.bySource = map[string]*docStats{}
		}
		if in.bySource[pd.source] == nil {
			in.bySource[pd.source] = &docStats{}
		}
		in.bySource[pd.source].add(pd.stats)
		if in.onSaved != nil {
			in.onSaved(pd.name, pd.stats)
		}
	}
	in.pending = keep
}

func (in *ingester) noteErr(source string, err error) {
	if in.firstErr == nil {
		in.firstErr = map[string]error{}
	}
	if in.firstErr[source] == nil {
		in.firstErr[source] = err
	}
}

// printErrors lists the records that failed.
func (in *ingester) printErrors(w io.Writer) {
	for _, err := range in.errs {
		fmt.Fprintf(w, "skipped: %v\n", err)
	}
}

// sourceSummary is one line of a crawl's closing summary: the shape of
// each element of "sources" in `jobgap demo --format json` and
// `jobgap crawl --format json`.
type sourceSummary struct {
	Source      string `json:"source"`
	Pages       int    `json:"pages"`        // documents fetched
	NotModified int    `json:"not_modified"` // pages unchanged since the last crawl, not fetched again
	Postings    int    `json:"postings"`     // postings found in the pages fetched
	New         int    `json:"new"`
	Updated     int    `json:"updated"`
	Known       int    `json:"unchanged"`  // already in the corpus as they are
	Duplicates  int    `json:"duplicates"` // saved, but the same job as an earlier posting: counted once
	Filtered    int    `json:"filtered"`   // not the titles asked for
	Failed      int    `json:"failed"`     // records or pages that could not be read
	Error       string `json:"error,omitempty"`
}

// crawlAndSave crawls targets into in, extracting pages in the background
// on all cores, and saves what is queued even when ctx is cancelled (it
// was fetched in full). The error is Flush's.
func crawlAndSave(ctx context.Context, in *ingester, opts crawl.Options, targets []crawl.Target) ([]crawl.Result, error) {
	stop := in.extractInBackground(runtime.GOMAXPROCS(0), maxWaiting, maxWaitingBytes)
	results := crawl.New(opts, in).Run(ctx, targets)
	err := in.Flush(context.WithoutCancel(ctx))
	stop()
	return results, err
}

// Page hands a crawled page to the ingester: the crawler's sink.
func (in *ingester) Page(ctx context.Context, p crawl.Page) error {
	var ce *corpus.CacheEntry
	if in.cache != nil && p.RequestURL != "" {
		// Without validators, an old entry is forgotten.
		ce = &corpus.CacheEntry{URL: p.RequestURL, ETag: p.ETag, LastModified: p.LastModified}
	}
	doc := extract.Document{
		Name:        p.URL,
		Source:      p.Source,
		URL:         p.URL,
		Format:      p.Format,
		ContentType: p.ContentType,
		Body:        p.Body,
		FetchedAt:   p.FetchedAt,
	}
	if bg := in.bg; bg != nil {
		d := &docWork{ctx: ctx, doc: doc, cache: ce, size: len(doc.Body), done: make(chan struct{})}
		bg.hold(d.size)
		bg.order <- d // first, so that the saver waits for it in turn
		bg.work <- d
		return bg.takeErr()
	}
	return in.document(ctx, doc, ce)
}

var (
	_ crawl.Sink  = (*ingester)(nil)
	_ crawl.Cache = (*corpus.HTTPCache)(nil)
)

// summaries joins what the crawler fetched per source with what the
// ingester made of it.
func (in *ingester) summaries(results []crawl.Result) []sourceSummary {
	var out []sourceSummary
	for _, r := range results {
		s := sourceSummary{Source: r.Source, Pages: r.Pages, NotModified: r.NotModified, Failed: r.Errors}
		if st := in.bySource[r.Source]; st != nil {
			s.Postings = st.Records - st.Failed
			s.New, s.Updated, s.Known, s.Filtered = st.Added, st.Updated, st.Unchanged, st.Filtered
			s.Duplicates = st.Dups
			s.Failed += st.Failed
		}
		switch {
		case r.Err != nil:
			s.Error = r.Err.Error()
		case s.Failed > 0 && s.Postings == 0 && s.NotModified == 0:
			// Nothing came of the source: say why, on its own line.
			if err := in.firstErr[r.Source]; err != nil {
				s.Error = err.Error()
			} else if len(r.Problems) > 0 {
				s.Error = r.Problems[0].Error()
			}
		}
		out = append(out, s)
	}
	return out
}

func writeSources(w io.Writer, sources []sourceSummary, format string) error {
	t := &table{
		header: []string{"source", "pages", "not modified", "postings", "new", "unchanged", "updated", "duplicates", "filtered", "failed", "error"},
		right:  []bool{false, true, true, true, true, true, true, true, true, true, false},
	}
	for _, s := range sources {
		t.add(s.Source, fmt.Sprint(s.Pages), fmt.Sprint(s.NotModified), fmt.Sprint(s.Postings), fmt.Sprint(s.New), fmt.Sprint(s.Known),
			fmt.Sprint(s.Updated), fmt.Sprint(s.Duplicates), fmt.Sprint(s.Filtered), fmt.Sprint(s.Failed), s.Error)
	}
	return t.write(w, format)
}

// barProgress shows crawl progress on a progress bar.
type barProgress struct{ bar *progress }

func (b barProgress) Fetched(source string, n int) {
	b.bar.Describe("fetching " + source)
	b.bar.Add(1) // n counts this source's pages so far; the bar counts all
}

func (b barProgress) Failed(source string, err error) {}
