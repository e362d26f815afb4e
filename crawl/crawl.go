package crawl

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"time"
)

// DefaultUserAgent is sent when Options.UserAgent is empty.
const DefaultUserAgent = "jobgap/0.1 (+https://github.com/jobgap/jobgap)"

// Formats, the parser hints carried by Page.Format.
const (
	FormatGreenhouse      = "greenhouse"
	FormatLever           = "lever"
	FormatAshby           = "ashby"
	FormatSmartRecruiters = "smartrecruiters"
	FormatWorkable        = "workable"
	FormatRecruitee       = "recruitee"
	FormatHTML            = "html"
	FormatFeed            = "feed"
)

// maxProblems caps Result.Problems; Result.Errors keeps counting.
const maxProblems = 100

// Page is one fetched document, complete and as the server sent it (after
// content decoding; colly converts a declared non-UTF-8 charset to UTF-8, and
// ContentType then says charset=utf-8).
type Page struct {
	Source      string // "greenhouse:TOKEN", "lever:SITE", ..., "site:HOST", "feed:HOST"
	URL         string // final URL, after redirects
	RequestURL  string // the URL asked for, before redirects: the key of Options.Cache
	Format      string // parser hint: one of the Format constants
	ContentType string
	Body        []byte
	FetchedAt   time.Time
	// ETag and LastModified are the response's validators. A sink that
	// keeps a Cache saves them under RequestURL once the page's contents
	// are durable, so that the next crawl asks "changed since?".
	ETag         string
	LastModified string
}

// Cache gives the validators (ETag, Last-Modified) saved for a URL by an
// earlier crawl. With Options.Cache set, the crawler sends them
// (If-None-Match, If-Modified-Since) when it asks again for a URL that
// stands for postings: a board API response, a page listed in a sitemap,
// a feed item's page, a SmartRecruiters posting. A 304 Not Modified
// answer is counted in Result.NotModified and not handed to the sink
// again. Documents that only list other URLs (robots.txt, sitemaps, feeds,
// a site's start page, pages found through links) are always fetched in
// full, so that nothing they lead to is missed; the links of a page that
// answered 304 are not followed. The crawler only reads the cache: saving
// is the sink's job (see Page.ETag), because only the sink knows when a
// page's postings are safe. corpus.HTTPCache satisfies Cache.
type Cache interface {
	Lookup(url string) (etag, lastModified string, ok bool)
}

// Sink receives pages. A Crawler never calls Page concurrently. An error
// counts against that page only (Result.Errors) and does not stop the crawl.
// The sink may keep p.Body, and read it from other goroutines, after Page
// returns: the crawler neither changes nor reuses it.
type Sink interface {
	Page(ctx context.Context, p Page) error
}

// SinkFunc adapts a function to Sink.
type SinkFunc func(ctx context.Context, p Page) error

// Page calls f.
func (f SinkFunc) Page(ctx context.Context, p Page) error { return f(ctx, p) }

// Progress is told what happens, as it happens. A Crawler never calls it
// concurrently.
type Progress interface {
	// Fetched is called after each page the sink accepted; n is the
	// number of pages the sink has accepted from source so far.
	Fetched(source string, n int)
	// Failed is called for each page that failed and, once, for a
	// source that failed as a whole.
	Failed(source string, err error)
}

// NopProgress ignores everything.
type NopProgress struct{}

// Fetched does nothing.
func (NopProgress) Fetched(string, int) {}

// Failed does nothing.
func (NopProgress) Failed(string, error) {}

// Options configure a Crawler. The zero value of each field means its
// default; Delay and Retries take a negative value for "none".
type Options struct {
	UserAgent     string        // default DefaultUserAgent; Contact appended when set
	Contact       string        // e.g. an e-mail address, appended as "; +contact"
	Delay         time.Duration // per-host delay after each request (default 1s; <0: none)
	Parallelism   int           // requests in flight per target/host (default 2)
	Concurrency   int           // targets on distinct hosts crawled at once (default 4)
	Timeout       time.Duration // per request, body included (default 30s)
	MaxBody       int           // bytes after decompression (default 8 MiB); larger: error for that page
	Retries       int           // retries after the first attempt (default 3; <0: none)
	Backoff       time.Duration // base of exponential backoff with jitter (default 1s)
	MaxRetryAfter time.Duration // cap on Retry-After and Crawl-delay (default 2m)
	IgnoreRobots  bool          // default false: robots.txt obeyed for site and feed targets
	Limit         int           // max pages handed to the sink per target (0: no limit)
	MaxPages      int           // max URLs fetched per site or feed crawl (default 10000)
	Progress      Progress      // may be nil
	Cache         Cache         // may be nil: every request unconditional
	Transport     http.RoundTripper
}

func (o Options) withDefaults() Options {
	if o.UserAgent == "" {
		o.UserAgent = DefaultUserAgent
	}
	if o.Contact != "" {
		o.UserAgent += "; +" + o.Contact
	}
	switch {
	case o.Delay == 0:
		o.Delay = time.Second
	case o.Delay < 0:
		o.Delay = 0
	}
	if o.Parallelism <= 0 {
		o.Parallelism = 2
	}
	if o.Concurrency <= 0 {
		o.Concurrency = 4
	}
	if o.Timeout <= 0 {
		o.Timeout = 30 * time.Second
	}
	if o.MaxBody <= 0 {
		o.MaxBody = 8 << 20
	}
	switch {
	case o.Retries == 0:
		o.Retries = 3
	case o.Retries < 0:
		o.Retries = 0
	}
	if o.Backoff <= 0 {
		o.Backoff = time.Second
	}
	if o.MaxRetryAfter <= 0 {
		o.MaxRetryAfter = 2 * time.Minute
	}
	if o.Limit < 0 {
		o.Limit = 0
	}
	if o.MaxPages <= 0 {
		o.MaxPages = 10000
	}
	if o.Progress == nil {
		o.Progress = NopProgress{}
	}
	if o.Transport == nil {
		t := http.DefaultTransport.(*http.Transport).Clone()
		t.MaxIdleConnsPerHost = max(o.Parallelism, 2) * 2
		o.Transport = t
	}
	return o
}

// Result is the outcome of one target.
type Result struct {
	Target Target
	Source string // Target.Source()
	// Pages counts documents fetched with a 2xx answer: API responses,
	// sitemaps, feeds and HTML pages (robots.txt not included).
	Pages int
	// Handed counts pages the sink accepted.
	Handed int
	// NotModified counts conditional requests answered 304 Not Modified:
	// pages unchanged since the last crawl, not handed on again.
	NotModified int
	// Errors counts pages that failed (fetch or sink), all of them,
	// while Problems keeps the first 100.
	Errors int
	// Skipped counts URLs found but not fetched because robots.txt
	// disallows them.
	Skipped int
	// Err is non-nil when the source failed as a whole: invalid target,
	// board not found, first request failed, robots.txt unavailable or
	// forbidding the start URL, start page failed with nothing handed, or
	// the context was cancelled (Handed then says how many pages were
	// kept). It begins with Source and wraps the cause (StatusError,
	// ErrTooLarge, ErrRedirect, ErrTimeout, ErrDisallowed, ctx.Err()):
	// "greenhouse:foo: board not found (HTTP 404 from URL)".
	Err      error
	Problems []error
}

// Crawler fetches targets and hands pages to a Sink. Make one with New.
type Crawler struct {
	opts   Options
	sink   Sink
	client http.RoundTripper // guarded transport shared by all collectors
	pacer  *pacer
	robots *robotsCache
	types  mediaTypes

	mu sync.Mutex // serialises calls to sink and opts.Progress
}

// New returns a Crawler handing pages to sink (nil: pages are discarded).
func New(opts Options, sink Sink) *Crawler {
	opts = opts.withDefaults()
	if sink == nil {
		sink = SinkFunc(func(context.Context, Page) error { return nil })
	}
	p := newPacer()
	return &Crawler{
		opts:   opts,
		sink:   sink,
		pacer:  p,
		client: &guard{base: opts.Transport, max: int64(opts.MaxBody), pace: p},
		robots: newRobotsCache(),
	}
}

// Run crawls targets and returns one Result per target, in the same order.
// One target's failure never stops the others. Targets on the same host run
// one after the other; others run concurrently, Options.Concurrency at a time.
func (c *Crawler) Run(ctx context.Context, targets []Target) []Result {
	results := make([]Result, len(targets))
	var order []string
	groups := map[string][]int{}
	for i, t := range targets {
		k := t.hostKey()
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], i)
	}
	sem := make(chan struct{}, c.opts.Concurrency)
	var wg sync.WaitGroup
	for _, k := range order {
		wg.Add(1)
		go func(idx []int) {
			defer wg.Done()
			select {
			case sem <- struct{}{}:
				defer func() { <-sem }()
			case <-ctx.Done():
			}
			for _, i := range idx {
				results[i] = c.crawl(ctx, targets[i])
			}
		}(groups[k])
	}
	wg.Wait()
	return results
}

// crawl runs one target.
func (c *Crawler) crawl(ctx context.Context, t Target) Result {
	res := Result{Target: t, Source: t.Source()}
	err := t.Validate()
	if err == nil {
		err = ctx.Err()
	}
	if err == nil {
		j := c.newJob(ctx, t, &res)
		err = j.run(ctx)
		j.finish()
	}
	if err != nil {
		res.Err = fmt.Errorf("%s: %w", res.Source, err)
		c.mu.Lock()
		c.opts.Progress.Failed(res.Source, res.Err)
		c.mu.Unlock()
	}
	return res
}

// errLimit stops a crawl once Options.Limit pages were handed on.
var errLimit = errors.New("limit reached")
