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

	batch   []corpus.Record
	docOf   []int        // for each record in batch, its document in pending
	pending []pendingDoc // documents whose records sit in batch

	total    docStats
	bySource map[string]*docStats
	errs     []error
}

// docStats counts what happened to one document's records (or, summed,
// to a whole run's).
type docStats struct {
	Records   int // records found
	Added     int
	Updated   int
	Unchanged int
	Filtered  int // dropped by the title filter
	Failed    int // records that could not be read or extracted
}

func (s *docStats) add(o docStats) {
	s.Records += o.Records
	s.Added += o.Added
	s.Updated += o.Updated
	s.Unchanged += o.Unchanged
	s.Filtered += o.Filtered
	s.Failed += o.Failed
}

type pendingDoc struct {
	name   string
	source string
	stats  docStats
}

func newIngester(store *corpus.Store, x *extract.Extractor) *ingester {
	return &ingester{store: store, x: x, batchSize: 500}
}

// Document splits, extracts and queues doc's postings, saving whenever a
// batch fills.
func (in *ingester) Document(ctx context.Context, doc extract.Document) error {
	raws, errs := extract.Split(doc)
	if in.ignoreNoPosting {
		errs = slices.DeleteFunc(errs, func(err error) bool { return errors.Is(err, extract.ErrNoJobPosting) })
	}
	pd := pendingDoc{name: doc.Name, source: doc.Source}
	pd.stats.Records = len(raws) + len(errs)
	pd.stats.Failed = len(errs)
	in.errs = append(in.errs, errs...)
	for _, r := range raws {
		p, err := in.x.Extract(r)
		if err != nil {
			pd.stats.Failed++
			in.errs = append(in.errs, fmt.Errorf("%s: %w", r.Origin, err))
			continue
		}
		if in.keep != nil && !in.keep(p) {
			pd.stats.Filtered++
			continue
		}
		in.batch = append(in.batch, corpus.Record{Raw: r, Posting: p})
		in.docOf = append(in.docOf, len(in.pending))
	}
	in.pending = append(in.pending, pd)
	if len(in.batch) >= in.batchSize {
		return in.Flush(ctx)
	}
	return nil
}

// Flush saves the queued postings and reports the documents they came
// from as saved.
func (in *ingester) Flush(ctx context.Context) error {
	if len(in.batch) > 0 {
		res, err := in.store.Put(ctx, in.batch)
		if res.Outcomes == nil && err != nil {
			return err // nothing saved
		}
		for i, o := range res.Outcomes {
			st := &in.pending[in.docOf[i]].stats
			switch o {
			case corpus.Added:
				st.Added++
			case corpus.Updated:
				st.Updated++
			case corpus.Unchanged:
				st.Unchanged++
			}
		}
		in.batch, in.docOf = in.batch[:0], in.docOf[:0]
		in.report()
		return err
	}
	in.report()
	return nil
}

func (in *ingester) report() {
	for _, pd := range in.pending {
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
	in.pending = in.pending[:0]
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
	Source   string `json:"source"`
	Pages    int    `json:"pages"`    // documents fetched
	Postings int    `json:"postings"` // postings found in them
	New      int    `json:"new"`
	Updated  int    `json:"updated"`
	Known    int    `json:"unchanged"` // already in the corpus as they are
	Filtered int    `json:"filtered"`  // not the titles asked for
	Failed   int    `json:"failed"`    // records or pages that could not be read
	Error    string `json:"error,omitempty"`
}

// Page hands a crawled page to the ingester: the crawler's sink.
func (in *ingester) Page(ctx context.Context, p crawl.Page) error {
	return in.Document(ctx, extract.Document{
		Name:        p.URL,
		Source:      p.Source,
		URL:         p.URL,
		Format:      p.Format,
		ContentType: p.ContentType,
		Body:        p.Body,
		FetchedAt:   p.FetchedAt,
	})
}

var _ crawl.Sink = (*ingester)(nil)

// summaries joins what the crawler fetched per source with what the
// ingester made of it.
func (in *ingester) summaries(results []crawl.Result) []sourceSummary {
	var out []sourceSummary
	for _, r := range results {
		s := sourceSummary{Source: r.Source, Pages: r.Pages, Failed: r.Errors}
		if st := in.bySource[r.Source]; st != nil {
			s.Postings = st.Records - st.Failed
			s.New, s.Updated, s.Known, s.Filtered = st.Added, st.Updated, st.Unchanged, st.Filtered
			s.Failed += st.Failed
		}
		if r.Err != nil {
			s.Error = r.Err.Error()
		}
		out = append(out, s)
	}
	return out
}

func writeSources(w io.Writer, sources []sourceSummary, format string) error {
	t := &table{
		header: []string{"source", "pages", "postings", "new", "unchanged", "updated", "filtered", "failed", "error"},
		right:  []bool{false, true, true, true, true, true, true, true, false},
	}
	for _, s := range sources {
		t.add(s.Source, fmt.Sprint(s.Pages), fmt.Sprint(s.Postings), fmt.Sprint(s.New), fmt.Sprint(s.Known),
			fmt.Sprint(s.Updated), fmt.Sprint(s.Filtered), fmt.Sprint(s.Failed), s.Error)
	}
	return t.write(w, format)
}

// barProgress shows crawl progress on a progress bar.
type barProgress struct{ bar *progress }

func (b barProgress) Fetched(source string, n int) {
	b.bar.Describe("fetching " + source)
	b.bar.Add(n)
}

func (b barProgress) Failed(source string, err error) {}
