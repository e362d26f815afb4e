package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"

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

func newIngester(store *corpus.Store, x *extract.Extractor) *ingester {
	return &ingester{store: store, x: x, batchSize: 500}
}

// Document splits, extracts and queues doc's postings, saving whenever a
// batch fills, in the middle of a document too: the store's write
// transaction, and the pages of postings.db it rewrites, stay the size of
// a batch however many postings a file holds.
func (in *ingester) Document(ctx context.Context, doc extract.Document) error {
	return in.document(ctx, doc, nil)
}

func (in *ingester) document(ctx context.Context, doc extract.Document, ce *corpus.CacheEntry) error {
	raws, errs := extract.Split(doc)
	if in.ignoreNoPosting {
		errs = slices.DeleteFunc(errs, func(err error) bool { return errors.Is(err, extract.ErrNoJobPosting) })
	}
	in.pending = append(in.pending, pendingDoc{name: doc.Name, source: doc.Source, cache: ce, open: true})
	// doc is always the last pending document: a flush keeps the open one.
	pd := func() *pendingDoc { return &in.pending[len(in.pending)-1] }
	pd().stats.Records = len(raws) + len(errs)
	pd().stats.Failed = len(errs)
	in.errs = append(in.errs, errs...)
	if len(errs) > 0 {
		in.noteErr(doc.Source, errs[0])
	}
	posts, perrs := in.x.ExtractAll(raws)
	for i, r := range raws {
		p, err := posts[i], perrs[i]
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
		if len(in.batch) >= in.batchSize {
			if err := in.Flush(ctx); err != nil {
				return err
			}
		}
	}
	pd().open = false
	return nil
}

// Flush saves the queued postings and reports the documents they came
// from as saved, but for a document whose records are still being
// queued.
func (in *ingester) Flush(ctx context.Context) error {
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
	open := in.pending[:0]
	for _, pd := range in.pending {
		if pd.open {
			open = append(open, pd)
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
	in.pending = open
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

// Page hands a crawled page to the ingester: the crawler's sink.
func (in *ingester) Page(ctx context.Context, p crawl.Page) error {
	var ce *corpus.CacheEntry
	if in.cache != nil && p.RequestURL != "" {
		// Without validators, an old entry is forgotten.
		ce = &corpus.CacheEntry{URL: p.RequestURL, ETag: p.ETag, LastModified: p.LastModified}
	}
	return in.document(ctx, extract.Document{
		Name:        p.URL,
		Source:      p.Source,
		URL:         p.URL,
		Format:      p.Format,
		ContentType: p.ContentType,
		Body:        p.Body,
		FetchedAt:   p.FetchedAt,
	}, ce)
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
