package crawl

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/temoto/robotstxt"
)

// ErrDisallowed is wrapped by the error of a start URL that robots.txt
// disallows.
var ErrDisallowed = errors.New("disallowed by robots.txt")

// robots is what robots.txt says of one host.
type robots struct {
	data       *robotstxt.RobotsData // nil: everything allowed
	group      *robotstxt.Group      // data's rules for our agent, looked up once
	agent      string
	crawlDelay time.Duration // as written, before capping
	sitemaps   []string
}

func (r *robots) allowed(u *url.URL) bool {
	if r == nil || r.data == nil {
		return true
	}
	p := u.EscapedPath()
	if p == "" {
		p = "/"
	}
	if u.RawQuery != "" {
		p += "?" + u.RawQuery
	}
	// As r.data.TestAgent(p, r.agent), without finding the group again
	// for every URL. (TestAgent also denies everything for a 5xx
	// robots.txt; fetchRobots never keeps one.)
	return r.group.Test(p)
}

// robotsCache keeps robots.txt per scheme://host for a Crawler.
type robotsCache struct {
	mu sync.Mutex
	m  map[string]*robotsEntry
}

type robotsEntry struct {
	mu   sync.Mutex
	done bool
	r    *robots
	err  error
}

func newRobotsCache() *robotsCache { return &robotsCache{m: map[string]*robotsEntry{}} }

// robots returns robots.txt of u's origin, fetching it once per Crawler.
// With IgnoreRobots the rules are dropped but Sitemap lines are kept (and
// a failure to fetch is not an error).
func (j *job) robots(ctx context.Context, u *url.URL) (*robots, error) {
	origin := u.Scheme + "://" + u.Host
	rc := j.c.robots
	rc.mu.Lock()
	e := rc.m[origin]
	if e == nil {
		e = &robotsEntry{}
		rc.m[origin] = e
	}
	rc.mu.Unlock()
	e.mu.Lock()
	if !e.done {
		e.r, e.err = j.fetchRobots(ctx, origin)
		e.done = ctx.Err() == nil // an interrupted fetch is not an answer
	}
	r, err := e.r, e.err
	e.mu.Unlock()
	if err != nil {
		if j.c.opts.IgnoreRobots {
			return nil, nil
		}
		return nil, err
	}
	if j.c.opts.IgnoreRobots {
		return &robots{sitemaps: r.sitemaps}, nil
	}
	return r, nil
}

func (j *job) fetchRobots(ctx context.Context, origin string) (*robots, error) {
	u := origin + "/robots.txt"
	status, body := 200, []byte(nil)
	f, err := j.get(ctx, u, false, false)
	if err != nil {
		var se *StatusError
		if !errors.As(err, &se) {
			return nil, fmt.Errorf("robots.txt unavailable, not crawling: %w", err)
		}
		if se.Code >= 500 {
			return nil, fmt.Errorf("robots.txt unavailable (server error), not crawling: %w", err)
		}
		status = se.Code
	} else {
		body = f.body
	}
	data, err := robotstxt.FromStatusAndBytes(status, body)
	if err != nil {
		// Unparsable: crawl as if there were none, but say so.
		j.problem(fmt.Errorf("robots.txt %s: %w", u, err))
		return &robots{}, nil
	}
	r := &robots{data: data, agent: j.c.opts.UserAgent, sitemaps: data.Sitemaps}
	r.group = data.FindGroup(r.agent) // never nil
	r.crawlDelay = r.group.CrawlDelay
	return r, nil
}

// applyCrawlDelay spaces requests to host by the Crawl-delay, capped at
// MaxRetryAfter, when it is longer than the LimitRule's Delay.
func (j *job) applyCrawlDelay(host string, r *robots) {
	if r == nil || r.crawlDelay <= 0 || j.c.opts.IgnoreRobots {
		return
	}
	d := min(r.crawlDelay, j.c.opts.MaxRetryAfter)
	if d > j.c.opts.Delay && d > j.c.pacer.gap(strings.ToLower(host)) {
		j.c.pacer.set(strings.ToLower(host), d)
	}
}
