package crawl

import (
	"bufio"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"time"
)

// ErrTooLarge is wrapped by the error of a page whose body, after
// decompression, is larger than Options.MaxBody.
var ErrTooLarge = errors.New("response body too large")

// ErrRedirect is wrapped by the error of a page whose redirect was refused:
// to another host, to a scheme other than http(s), or more than 10 in a row.
var ErrRedirect = errors.New("redirect refused")

// guard wraps the caller's transport. colly's MaxBodySize truncates
// silently and colly gunzips .xml.gz bodies without bound, so the guard:
// refuses non-http(s) URLs; spaces requests by Crawl-delay; decompresses
// gzip itself; and makes any body larger than max an error (ErrTooLarge)
// instead of a truncation. It marks responses Uncompressed so colly does
// not decompress again.
type guard struct {
	base http.RoundTripper
	max  int64
	pace *pacer
}

func (g *guard) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
		return nil, fmt.Errorf("%w: scheme %q is not http or https", ErrRedirect, req.URL.Scheme)
	}
	if err := g.pace.wait(req.Context(), strings.ToLower(req.URL.Host)); err != nil {
		return nil, err
	}
	res, err := g.base.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	if res.ContentLength > g.max {
		res.Body.Close()
		return nil, fmt.Errorf("%w: Content-Length %d, limit %d bytes", ErrTooLarge, res.ContentLength, g.max)
	}
	var r io.Reader = res.Body
	ce := strings.ToLower(res.Header.Get("Content-Encoding"))
	ct := strings.ToLower(res.Header.Get("Content-Type"))
	if !res.Uncompressed && (strings.Contains(ce, "gzip") || (ce == "" && strings.Contains(ct, "gzip")) ||
		strings.HasSuffix(strings.ToLower(req.URL.Path), ".gz")) {
		br := bufio.NewReader(res.Body)
		r = br
		if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
			zr, err := gzip.NewReader(br)
			if err != nil {
				res.Body.Close()
				return nil, fmt.Errorf("gzip: %w", err)
			}
			r = zr
			res.Header.Del("Content-Encoding")
			res.Header.Del("Content-Length")
			res.ContentLength = -1
		}
	}
	res.Uncompressed = true // whatever needed decoding is decoded: colly must not gunzip
	res.Body = &cappedBody{r: r, c: res.Body, left: g.max, max: g.max}
	return res, nil
}

// cappedBody errors once more than max bytes were read.
type cappedBody struct {
	r         io.Reader
	c         io.Closer
	left, max int64
}

func (b *cappedBody) Read(p []byte) (int, error) {
	if b.left < 0 {
		return 0, b.tooLarge()
	}
	if int64(len(p)) > b.left+1 {
		p = p[:b.left+1]
	}
	n, err := b.r.Read(p)
	b.left -= int64(n)
	if b.left < 0 {
		return n, b.tooLarge()
	}
	return n, err
}

func (b *cappedBody) tooLarge() error {
	return fmt.Errorf("%w: more than %d bytes", ErrTooLarge, b.max)
}

func (b *cappedBody) Close() error { return b.c.Close() }

// pacer spaces the starts of requests to a host by its Crawl-delay,
// across all targets of a Crawler. Waiting honours the request context.
type pacer struct {
	mu    sync.Mutex
	hosts map[string]*pace
}

type pace struct {
	gap  time.Duration
	next time.Time
}

func newPacer() *pacer { return &pacer{hosts: map[string]*pace{}} }

// set makes requests to host (host[:port]) start at least gap apart.
func (p *pacer) set(host string, gap time.Duration) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if gap <= 0 {
		delete(p.hosts, host)
		return
	}
	p.hosts[host] = &pace{gap: gap}
}

func (p *pacer) gap(host string) time.Duration {
	p.mu.Lock()
	defer p.mu.Unlock()
	if h := p.hosts[strings.ToLower(host)]; h != nil {
		return h.gap
	}
	return 0
}

func (p *pacer) wait(ctx context.Context, host string) error {
	p.mu.Lock()
	h := p.hosts[host]
	if h == nil {
		p.mu.Unlock()
		return nil
	}
	now := time.Now()
	at := h.next
	if at.Before(now) {
		at = now
	}
	h.next = at.Add(h.gap)
	p.mu.Unlock()
	return sleep(ctx, time.Until(at))
}

// sleep waits d or until ctx is done.
func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
