package crawl

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"mime"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/gocolly/colly/v2"
)

// StatusError is a non-2xx answer.
type StatusError struct {
	URL        string
	Code       int
	RetryAfter string // the Retry-After header, if any
}

func (e *StatusError) Error() string { return fmt.Sprintf("HTTP %d from %s", e.Code, e.URL) }

const maxRedirects = 10

// job is the crawl of one target: a colly collector and the counts.
type job struct {
	c       *Crawler
	t       Target
	src     string
	col     *colly.Collector
	allowed map[string]bool // hostnames requests and redirects may go to

	mu       sync.Mutex
	res      *Result
	reserved int // pages handed or being handed, for Options.Limit
}

// outcome collects what colly's callbacks saw of one request.
type outcome struct {
	resp *colly.Response
	ok   bool // OnResponse ran: 2xx
}

const outcomeKey = "jobgap.outcome"

func (c *Crawler) newJob(ctx context.Context, t Target, res *Result) *job {
	j := &job{c: c, t: t, src: res.Source, res: res, allowed: map[string]bool{}}
	if u, err := url.Parse(t.startURL()); err == nil {
		h := strings.ToLower(u.Hostname())
		j.allowed[h] = true
		if t.Kind == KindSite || t.Kind == KindFeed {
			j.allowed[wwwTwin(h)] = true
		}
	}
	hosts := make([]string, 0, len(j.allowed))
	for h := range j.allowed {
		hosts = append(hosts, h)
	}
	o := c.opts
	col := colly.NewCollector(
		colly.UserAgent(o.UserAgent),
		colly.StdlibContext(ctx),
		colly.AllowedDomains(hosts...),
		colly.AllowURLRevisit(), // our frontier dedups (bounded); retries re-request
		colly.MaxBodySize(0),    // the guard transport enforces MaxBody as an error
	)
	col.IgnoreRobotsTxt = true // robots.txt is handled by robotsCache (Crawl-delay, 5xx)
	col.WithTransport(c.client)
	col.SetRequestTimeout(o.Timeout)
	col.SetRedirectHandler(j.checkRedirect)
	// One LimitRule per collector, and one collector per target, so the
	// rule is per host (colly's rules share one semaphore per rule).
	_ = col.Limit(&colly.LimitRule{
		DomainGlob:  "*",
		Parallelism: o.Parallelism,
		Delay:       o.Delay,
		RandomDelay: o.Delay / 2,
	})
	col.OnResponse(func(r *colly.Response) {
		if o := outcomeOf(r.Ctx); o != nil {
			o.resp, o.ok = r, true
		}
	})
	col.OnError(func(r *colly.Response, _ error) {
		if o := outcomeOf(r.Ctx); o != nil && r.StatusCode != 0 && !o.ok {
			o.resp = r
		}
	})
	// No OnHTML callback: colly would build a goquery DOM of every page
	// and resolve each link with a WHATWG URL parser, which took about
	// half of the crawler's CPU time. Links are read in place by a
	// scanner that follows html.Tokenizer's rules instead (htmlLinks),
	// only from pages whose links are followed.
	j.col = col
	return j
}

func outcomeOf(ctx *colly.Context) *outcome {
	if ctx == nil {
		return nil
	}
	o, _ := ctx.GetAny(outcomeKey).(*outcome)
	return o
}

func wwwTwin(h string) string {
	if rest, ok := strings.CutPrefix(h, "www."); ok {
		return rest
	}
	return "www." + h
}

func (j *job) checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) >= maxRedirects {
		return fmt.Errorf("%w: stopped after %d redirects", ErrRedirect, maxRedirects)
	}
	if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
		return fmt.Errorf("%w: to %s: only http and https", ErrRedirect, req.URL.Redacted())
	}
	if !j.allowed[strings.ToLower(req.URL.Hostname())] {
		return fmt.Errorf("%w: to %s: another host", ErrRedirect, req.URL.Redacted())
	}
	return nil
}

// run dispatches to the adapter.
func (j *job) run(ctx context.Context) error {
	switch j.t.Kind {
	case KindGreenhouse:
		return j.single(ctx, j.t.base()+"/v1/boards/"+url.PathEscape(j.t.Board)+"/jobs?content=true", FormatGreenhouse)
	case KindLever:
		return j.lever(ctx)
	case KindAshby:
		return j.single(ctx, j.t.base()+"/posting-api/job-board/"+url.PathEscape(j.t.Board)+"?includeCompensation=true", FormatAshby)
	case KindSmartRecruiters:
		return j.smartRecruiters(ctx)
	case KindWorkable:
		return j.single(ctx, j.t.base()+"/api/v1/widget/accounts/"+url.PathEscape(j.t.Board)+"?details=true", FormatWorkable)
	case KindRecruitee:
		return j.single(ctx, j.t.base()+"/api/offers/", FormatRecruitee)
	case KindSite:
		return j.site(ctx)
	case KindFeed:
		return j.feed(ctx)
	}
	return fmt.Errorf("target kind %q: no adapter", j.t.Kind)
}

// finish waits for colly's goroutines (none in sync mode) and settles.
func (j *job) finish() { j.col.Wait() }

// fetched is a 2xx response.
type fetched struct {
	req    string // URL asked for
	url    string // final URL
	header http.Header
	body   []byte
	links  []*url.URL // a[href] of an HTML page, when asked for
	html   bool       // text/html or application/xhtml+xml
}

// errNotModified: a conditional request was answered 304.
var errNotModified = errors.New("not modified")

// get fetches u, retrying as Options say. Errors name u. With cond, the
// request carries the validators Options.Cache holds for u, and a 304
// answer is an error wrapping errNotModified.
func (j *job) get(ctx context.Context, u string, links, cond bool) (*fetched, error) {
	var hdr http.Header
	if cond && j.c.opts.Cache != nil {
		if etag, lm, ok := j.c.opts.Cache.Lookup(u); ok {
			hdr = http.Header{}
			if etag != "" {
				hdr.Set("If-None-Match", etag)
			}
			if lm != "" {
				hdr.Set("If-Modified-Since", lm)
			}
		}
	}
	for attempt := 0; ; attempt++ {
		f, err := j.once(u, links, hdr)
		if err == nil {
			f.req = u
			return f, nil
		}
		if errors.Is(err, errNotModified) {
			return nil, err
		}
		if ctx.Err() != nil {
			return nil, fmt.Errorf("GET %s: %w", u, ctx.Err())
		}
		if isTimeout(err) {
			err = fmt.Errorf("%w (%v): %w", ErrTimeout, j.c.opts.Timeout, err)
		}
		wait, retry := j.c.retryWait(attempt, err)
		if !retry || attempt >= j.c.opts.Retries {
			if attempt > 0 {
				err = fmt.Errorf("%w (after %d attempts)", err, attempt+1)
			}
			return nil, err
		}
		if err := sleep(ctx, wait); err != nil {
			return nil, fmt.Errorf("GET %s: %w", u, err)
		}
	}
}

// once makes one request through colly.
func (j *job) once(u string, links bool, hdr http.Header) (*fetched, error) {
	o := &outcome{}
	cctx := colly.NewContext()
	cctx.Put(outcomeKey, o)
	if hdr != nil {
		hdr = hdr.Clone() // colly adds to it
	}
	err := j.col.Request(http.MethodGet, u, nil, cctx, hdr)
	if o.ok && o.resp.StatusCode >= 200 && o.resp.StatusCode < 300 {
		f := &fetched{url: o.resp.Request.URL.String(), header: *o.resp.Headers, body: o.resp.Body}
		f.html = j.c.types.isHTML(f)
		if links && f.html {
			f.links = htmlLinks(f.body, o.resp.Request.URL)
		}
		return f, nil
	}
	if r := o.resp; r != nil && r.StatusCode != 0 {
		if r.StatusCode >= 200 && r.StatusCode < 300 { // colly calls 203..299 errors
			f := &fetched{url: r.Request.URL.String(), header: *r.Headers, body: r.Body}
			f.html = j.c.types.isHTML(f)
			return f, nil
		}
		if r.StatusCode == http.StatusNotModified && hdr != nil {
			return nil, fmt.Errorf("GET %s: %w", u, errNotModified)
		}
		se := &StatusError{URL: r.Request.URL.String(), Code: r.StatusCode}
		if r.Headers != nil {
			se.RetryAfter = r.Headers.Get("Retry-After")
		}
		return nil, se
	}
	if err == nil {
		err = errors.New("no response")
	}
	if errors.Is(err, colly.ErrForbiddenDomain) && !errors.Is(err, ErrRedirect) {
		// Start URLs are checked before; only a redirect gets here.
		err = fmt.Errorf("%w: %w", ErrRedirect, err)
	}
	return nil, fmt.Errorf("GET %s: %w", u, err)
}

// ErrTimeout is wrapped by the error of a request, body included, that
// took longer than Options.Timeout.
var ErrTimeout = errors.New("request timed out")

func isTimeout(err error) bool {
	var ne net.Error
	return errors.Is(err, context.DeadlineExceeded) || (errors.As(err, &ne) && ne.Timeout())
}

// retryWait says whether err is worth another attempt, and after how long.
func (c *Crawler) retryWait(attempt int, err error) (time.Duration, bool) {
	var se *StatusError
	if errors.As(err, &se) {
		switch {
		case se.Code == http.StatusTooManyRequests || se.Code == http.StatusServiceUnavailable:
			if d, ok := parseRetryAfter(se.RetryAfter, time.Now()); ok {
				return min(d, c.opts.MaxRetryAfter), true
			}
			return c.backoff(attempt), true
		case se.Code >= 500:
			return c.backoff(attempt), true
		}
		return 0, false
	}
	if errors.Is(err, ErrTooLarge) || errors.Is(err, ErrRedirect) || errors.Is(err, context.Canceled) {
		return 0, false
	}
	if errors.Is(err, ErrTimeout) || isTimeout(err) {
		return c.backoff(attempt), true
	}
	var op *net.OpError
	if errors.As(err, &op) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) ||
		errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.ECONNREFUSED) {
		return c.backoff(attempt), true
	}
	return 0, false
}

// backoff is Backoff·2^attempt, jittered to [½, 1] of that, capped at
// MaxRetryAfter.
func (c *Crawler) backoff(attempt int) time.Duration {
	d := c.opts.Backoff << min(attempt, 20)
	if d <= 0 || d > c.opts.MaxRetryAfter {
		d = c.opts.MaxRetryAfter
	}
	return d/2 + rand.N(d/2+1)
}

// parseRetryAfter reads delay-seconds or an HTTP date.
func parseRetryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if n, err := strconv.Atoi(v); err == nil {
		if n < 0 {
			return 0, false
		}
		return time.Duration(n) * time.Second, true
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(t.Sub(now), 0), true
	}
	return 0, false
}

// hand gives p to the sink unless the Limit is reached or ctx is done.
// It returns errLimit once no more pages are wanted.
func (j *job) hand(ctx context.Context, f *fetched, format string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	limit := j.c.opts.Limit
	j.mu.Lock()
	if limit > 0 && j.reserved >= limit {
		j.mu.Unlock()
		return errLimit
	}
	j.reserved++
	j.mu.Unlock()

	p := Page{
		Source:       j.src,
		URL:          f.url,
		RequestURL:   f.req,
		Format:       format,
		ContentType:  j.c.types.get(f.header.Get("Content-Type")).utf8,
		Body:         f.body,
		FetchedAt:    time.Now().UTC(),
		ETag:         f.header.Get("ETag"),
		LastModified: f.header.Get("Last-Modified"),
	}
	j.c.mu.Lock()
	err := j.c.sink.Page(ctx, p)
	if err == nil {
		j.mu.Lock()
		j.res.Handed++
		n := j.res.Handed
		j.mu.Unlock()
		j.c.opts.Progress.Fetched(j.src, n)
	}
	j.c.mu.Unlock()
	if err != nil {
		j.mu.Lock()
		j.reserved--
		j.mu.Unlock()
		j.problem(fmt.Errorf("sink: %s: %w", f.url, err))
		return nil
	}
	j.mu.Lock()
	full := limit > 0 && j.reserved >= limit
	j.mu.Unlock()
	if full {
		return errLimit
	}
	return nil
}

// problem records a per-page failure.
func (j *job) problem(err error) {
	err = fmt.Errorf("%s: %w", j.src, err)
	j.mu.Lock()
	j.res.Errors++
	if len(j.res.Problems) < maxProblems {
		j.res.Problems = append(j.res.Problems, err)
	}
	j.mu.Unlock()
	j.c.mu.Lock()
	j.c.opts.Progress.Failed(j.src, err)
	j.c.mu.Unlock()
}

func (j *job) fetchedOK() {
	j.mu.Lock()
	j.res.Pages++
	j.mu.Unlock()
}

func (j *job) notModified() {
	j.mu.Lock()
	j.res.NotModified++
	j.mu.Unlock()
}

func (j *job) skipped() {
	j.mu.Lock()
	j.res.Skipped++
	j.mu.Unlock()
}

func (j *job) handedCount() int {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.res.Handed
}

// mediaTypes memoises what a Crawler makes of Content-Type values: the
// pages of a site mostly share one, and parsing it (mime.ParseMediaType)
// two or three times a page was a few per cent of a crawl's CPU time.
type mediaTypes struct {
	mu sync.Mutex
	m  map[string]mediaType
}

// mediaType is what a Content-Type value says.
type mediaType struct {
	html bool   // text/html or application/xhtml+xml
	utf8 string // the value for Page.ContentType: see utf8ContentType
}

// Bounds of mediaTypes: values kept, and length of a value kept.
const (
	maxMediaTypes   = 64
	maxMediaTypeLen = 256
)

func (t *mediaTypes) get(ct string) mediaType {
	t.mu.Lock()
	mt, ok := t.m[ct]
	t.mu.Unlock()
	if ok {
		return mt
	}
	m, _, _ := mime.ParseMediaType(ct)
	mt = mediaType{html: m == "text/html" || m == "application/xhtml+xml", utf8: utf8ContentType(ct)}
	if len(ct) <= maxMediaTypeLen {
		t.mu.Lock()
		if t.m == nil {
			t.m = map[string]mediaType{}
		}
		if len(t.m) < maxMediaTypes {
			t.m[ct] = mt
		}
		t.mu.Unlock()
	}
	return mt
}

// isHTML says whether f is an HTML page, by its Content-Type or, without
// one, its first bytes.
func (t *mediaTypes) isHTML(f *fetched) bool {
	ct := f.header.Get("Content-Type")
	if ct == "" {
		ct = http.DetectContentType(f.body)
	}
	return t.get(ct).html
}

// utf8ContentType rewrites a declared non-UTF-8 charset of a textual type
// to utf-8, because colly converted the body.
func utf8ContentType(ct string) string {
	mt, params, err := mime.ParseMediaType(ct)
	if err != nil {
		return ct
	}
	cs := strings.ToLower(params["charset"])
	if cs == "" || cs == "utf-8" || cs == "utf8" {
		return ct
	}
	for _, p := range []string{"image/", "video/", "audio/", "font/"} {
		if strings.HasPrefix(mt, p) {
			return ct
		}
	}
	params["charset"] = "utf-8"
	return mime.FormatMediaType(mt, params)
}

// notFound turns a 404/410 from a board API into "board not found".
func notFound(err error) error {
	var se *StatusError
	if errors.As(err, &se) && (se.Code == http.StatusNotFound || se.Code == http.StatusGone) {
		return fmt.Errorf("board not found (%w)", err)
	}
	return err
}
