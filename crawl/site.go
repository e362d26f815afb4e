package crawl

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"path"
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

type itemKind int

const (
	kindPage    itemKind = iota // HTML page: hand on, follow links
	kindSitemap                 // sitemap or sitemap index
	kindLeaf                    // HTML page: hand on, do not follow links (feed items)
	kindDetail                  // API detail: caller decides
)

type item struct {
	url      string
	kind     itemKind
	seed     bool // the start URL
	optional bool // a probe (/sitemap.xml): 4xx is not a problem
	cond     bool // ask with the cached validators (see Cache)
}

// frontier is a bounded FIFO of URLs with a bounded seen set: at most max
// URLs are ever admitted, so both stay within max entries.
type frontier struct {
	mu      sync.Mutex
	cond    *sync.Cond
	seen    map[string]struct{}
	queue   []item
	active  int
	max     int
	stopped bool
}

func newFrontier(max int) *frontier {
	f := &frontier{seen: map[string]struct{}{}, max: max}
	f.cond = sync.NewCond(&f.mu)
	return f
}

// add admits it unless seen, full or stopped.
func (f *frontier) add(it item) bool { return f.addKey(it, normURL(it.url)) }

// addURL is add(it) with it.url set to u.String(), without parsing that
// again.
func (f *frontier) addURL(it item, u *url.URL) bool {
	it.url = u.String()
	return f.addKey(it, urlKey(u, it.url))
}

// addKey admits it under key, normURL(it.url).
func (f *frontier) addKey(it item, key string) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.stopped || len(f.seen) >= f.max {
		return false
	}
	if _, ok := f.seen[key]; ok {
		return false
	}
	f.seen[key] = struct{}{}
	f.queue = append(f.queue, it)
	f.cond.Signal()
	return true
}

// next blocks until an item is ready or the crawl is over.
func (f *frontier) next() (item, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for len(f.queue) == 0 && f.active > 0 && !f.stopped {
		f.cond.Wait()
	}
	if f.stopped || len(f.queue) == 0 {
		f.cond.Broadcast()
		return item{}, false
	}
	it := f.queue[0]
	f.queue[0] = item{}
	f.queue = f.queue[1:]
	f.active++
	return it, true
}

func (f *frontier) done() {
	f.mu.Lock()
	f.active--
	if f.active == 0 && len(f.queue) == 0 {
		f.cond.Broadcast()
	}
	f.mu.Unlock()
}

func (f *frontier) stop() {
	f.mu.Lock()
	f.stopped = true
	f.queue = nil
	f.cond.Broadcast()
	f.mu.Unlock()
}

// pool runs visit over the frontier with Parallelism workers (the
// collector's LimitRule then paces them). colly's Async mode is not used:
// it starts a goroutine per URL, unbounded, and those cannot be cancelled
// while they wait for a LimitRule slot.
func (j *job) pool(ctx context.Context, f *frontier, visit func(context.Context, item, *frontier)) {
	defer context.AfterFunc(ctx, f.stop)()
	var wg sync.WaitGroup
	for range j.c.opts.Parallelism {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				it, ok := f.next()
				if !ok {
					return
				}
				visit(ctx, it, f)
				f.done()
			}
		}()
	}
	wg.Wait()
}

// normURL is the key of the seen set: no fragment, lower-case scheme and
// host, "/" for an empty path.
func normURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return raw
	}
	return keyOf(*u)
}

// urlKey is normURL(s) for s == u.String(), made from u: most URLs are
// their own key, and the others need no parsing.
func urlKey(u *url.URL, s string) string {
	if u.Fragment == "" && u.RawFragment == "" && u.Path != "" &&
		strings.ToLower(u.Scheme) == u.Scheme && strings.ToLower(u.Host) == u.Host {
		return s
	}
	return keyOf(*u)
}

// keyOf is u (a copy) without its fragment, with scheme and host lower
// case and "/" for an empty path.
func keyOf(u url.URL) string {
	u.Fragment, u.RawFragment = "", ""
	u.Scheme = strings.ToLower(u.Scheme)
	u.Host = strings.ToLower(u.Host)
	if u.Path == "" {
		u.Path = "/"
	}
	return u.String()
}

// scope says which URLs a site crawl follows.
type scope struct {
	hosts  map[string]bool // host[:port], lower case
	prefix string          // path prefix ending in "/"
}

var (
	jobPathRE = regexp.MustCompile(`(?i)(job|career|position|opening|vacanc|posting|stelle)`)
	skipExtRE = regexp.MustCompile(`(?i)\.(pdf|jpe?g|png|gif|webp|svg|ico|css|js|mjs|json|zip|gz|tgz|rar|7z|mp[34]|mov|avi|webm|woff2?|ttf|eot|docx?|xlsx?|pptx?|exe|dmg)$`)
)

func newScope(start *url.URL) scope {
	h := strings.ToLower(start.Host)
	s := scope{hosts: map[string]bool{h: true}}
	twin := wwwTwin(strings.ToLower(start.Hostname()))
	if p := start.Port(); p != "" {
		twin += ":" + p
	}
	s.hosts[twin] = true
	p := start.Path
	switch {
	case p == "" || p == "/":
		p = "/"
	case strings.HasSuffix(p, "/"):
	case path.Ext(p) != "":
		p = p[:strings.LastIndex(p, "/")+1]
	default:
		p += "/"
	}
	s.prefix = p
	return s
}

// in returns the normalised URL and whether the crawl follows it.
func (s scope) in(raw string) (*url.URL, bool) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return nil, false
	}
	return s.inURL(u)
}

// inLink is in(u.String()) for a link, without parsing it again. Only a
// query can end u.String() in white space, which in trims: such a link
// goes the long way.
func (s scope) inLink(u *url.URL) (*url.URL, bool) {
	if u.Fragment == "" && u.RawQuery != "" {
		if r, _ := utf8.DecodeLastRuneInString(u.RawQuery); unicode.IsSpace(r) {
			return s.in(u.String())
		}
	}
	return s.inURL(u)
}

// inURL is in for a parsed URL; u is not changed.
func (s scope) inURL(u0 *url.URL) (*url.URL, bool) {
	if (u0.Scheme != "http" && u0.Scheme != "https") || !s.hosts[strings.ToLower(u0.Host)] {
		return nil, false
	}
	u := new(url.URL)
	*u = *u0
	u.Fragment, u.RawFragment = "", ""
	if u.Path == "" {
		u.Path = "/"
	}
	if skipExtRE.MatchString(u.Path) {
		return nil, false
	}
	if u.Path+"/" == s.prefix || strings.HasPrefix(u.Path, s.prefix) || jobPathRE.MatchString(u.Path) {
		return u, true
	}
	return nil, false
}

// Bounds of sitemap reading, besides MaxPages and MaxBody.
const maxSitemaps = 100

// site crawls a career site.
func (j *job) site(ctx context.Context) error {
	start, err := url.Parse(j.t.URL)
	if err != nil {
		return err
	}
	rb, err := j.robots(ctx, start)
	if err != nil {
		return err
	}
	j.applyCrawlDelay(start.Host, rb)
	if !rb.allowed(start) {
		return fmt.Errorf("%s: %w", start, ErrDisallowed)
	}
	sc := newScope(start)

	// Sitemaps first, all of them, so that every page they list is known
	// (and asked for conditionally: see Cache) before any page is fetched,
	// whatever the timing. At most MaxPages URLs are kept in all.
	sms := newFrontier(maxSitemaps)
	if rb != nil {
		for _, sm := range rb.sitemaps {
			if u, err := start.Parse(strings.TrimSpace(sm)); err == nil && sc.hosts[strings.ToLower(u.Host)] {
				sms.add(item{url: u.String(), kind: kindSitemap})
			}
		}
	}
	sms.add(item{url: start.Scheme + "://" + start.Host + "/sitemap.xml", kind: kindSitemap, optional: true})
	var (
		listed []listedURL
		mu     sync.Mutex
	)
	j.pool(ctx, sms, func(ctx context.Context, it item, fr *frontier) {
		locs, index, err := j.sitemap(ctx, it)
		if err != nil {
			return
		}
		for _, loc := range locs {
			if index {
				if u, err := url.Parse(loc); err == nil && sc.hosts[strings.ToLower(u.Host)] {
					fr.add(item{url: u.String(), kind: kindSitemap})
				}
			} else if u, ok := sc.in(loc); ok {
				mu.Lock()
				if len(listed) < j.c.opts.MaxPages {
					us := u.String()
					listed = append(listed, listedURL{us, urlKey(u, us)})
				}
				mu.Unlock()
			}
		}
	})
	if err := ctx.Err(); err != nil {
		return err
	}

	fr := newFrontier(j.c.opts.MaxPages)
	fr.add(item{url: start.String(), kind: kindPage, seed: true})
	for _, l := range listed {
		fr.addKey(item{url: l.url, kind: kindPage, cond: true}, l.key)
	}
	listed = nil
	var seedErr error
	j.pool(ctx, fr, func(ctx context.Context, it item, fr *frontier) {
		links, err := j.page(ctx, it, rb, fr)
		if err != nil {
			if it.seed {
				seedErr = err
			}
			return
		}
		for _, l := range links {
			if u, ok := sc.inLink(l); ok {
				fr.addURL(item{kind: kindPage}, u)
			}
		}
	})
	if err := ctx.Err(); err != nil {
		return err
	}
	if seedErr != nil && j.handedCount() == 0 {
		return seedErr
	}
	return nil
}

// listedURL is a page listed in a sitemap, and its key (normURL).
type listedURL struct{ url, key string }

// page fetches an HTML page and hands it on; it returns its links.
// Failures are recorded as problems and returned.
func (j *job) page(ctx context.Context, it item, rb *robots, fr *frontier) ([]*url.URL, error) {
	u, err := url.Parse(it.url)
	if err != nil {
		return nil, err
	}
	if !rb.allowed(u) {
		j.skipped()
		return nil, fmt.Errorf("%s: %w", u, ErrDisallowed)
	}
	f, err := j.get(ctx, it.url, it.kind == kindPage, it.cond)
	if errors.Is(err, errNotModified) {
		j.notModified()
		return nil, nil
	}
	if err != nil {
		if ctx.Err() == nil {
			j.problem(err)
		}
		return nil, err
	}
	j.fetchedOK()
	if !f.html {
		return nil, nil
	}
	if err := j.hand(ctx, f, FormatHTML); err != nil {
		fr.stop()
		return nil, nil
	}
	return f.links, nil
}

// sitemap fetches and reads one sitemap; index says it lists sitemaps.
func (j *job) sitemap(ctx context.Context, it item) (locs []string, index bool, err error) {
	f, err := j.get(ctx, it.url, false, false)
	if err != nil {
		var se *StatusError
		if !(it.optional && errors.As(err, &se) && se.Code >= 400 && se.Code < 500) && ctx.Err() == nil {
			j.problem(fmt.Errorf("sitemap: %w", err))
		}
		return nil, false, err
	}
	j.fetchedOK()
	locs, index, err = parseSitemap(f.body, j.c.opts.MaxPages)
	if err != nil {
		err = fmt.Errorf("sitemap %s: %w", f.url, err)
		if !it.optional {
			j.problem(err)
		}
		return nil, false, err
	}
	return locs, index, nil
}

// parseSitemap reads <urlset><url><loc> or <sitemapindex><sitemap><loc>,
// keeping at most max locations.
func parseSitemap(b []byte, max int) (locs []string, index bool, err error) {
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = false
	depth := 0
	root := ""
	for len(locs) < max {
		tok, err := d.Token()
		if err != nil {
			if errors.Is(err, io.EOF) {
				break
			}
			return nil, false, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if depth == 1 {
				root = t.Name.Local
				if root != "urlset" && root != "sitemapindex" {
					return nil, false, fmt.Errorf("root element <%s>: want <urlset> or <sitemapindex>", root)
				}
			}
			if depth == 3 && t.Name.Local == "loc" {
				var s string
				if err := d.DecodeElement(&s, &t); err != nil {
					return nil, false, err
				}
				depth--
				if s = strings.TrimSpace(s); s != "" {
					locs = append(locs, s)
				}
			}
		case xml.EndElement:
			depth--
		}
	}
	if root == "" {
		return nil, false, errors.New("empty document")
	}
	return locs, root == "sitemapindex", nil
}

// feed hands on an RSS or Atom feed, then the pages its items link to on
// the same host.
func (j *job) feed(ctx context.Context) error {
	start, err := url.Parse(j.t.URL)
	if err != nil {
		return err
	}
	rb, err := j.robots(ctx, start)
	if err != nil {
		return err
	}
	j.applyCrawlDelay(start.Host, rb)
	if !rb.allowed(start) {
		return fmt.Errorf("%s: %w", start, ErrDisallowed)
	}
	f, err := j.get(ctx, start.String(), false, false)
	if err != nil {
		return err
	}
	j.fetchedOK()
	if err := j.hand(ctx, f, FormatFeed); err != nil {
		if errors.Is(err, errLimit) {
			return nil
		}
		return err
	}
	links, err := feedLinks(f.body)
	if err != nil {
		j.problem(fmt.Errorf("feed %s: %w", f.url, err))
		return nil
	}
	base, _ := url.Parse(f.url)
	fr := newFrontier(j.c.opts.MaxPages)
	hosts := newScope(start).hosts
	for _, l := range links {
		u, err := base.Parse(strings.TrimSpace(l))
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || !hosts[strings.ToLower(u.Host)] {
			continue
		}
		fr.add(item{url: u.String(), kind: kindLeaf, cond: true})
	}
	j.pool(ctx, fr, func(ctx context.Context, it item, fr *frontier) {
		_, _ = j.page(ctx, it, rb, fr)
	})
	return ctx.Err()
}

// feedLinks reads item links of RSS 2.0, RSS 1.0 (RDF) and Atom.
func feedLinks(b []byte) ([]string, error) {
	type link struct {
		Href string `xml:"href,attr"`
		Rel  string `xml:"rel,attr"`
		Text string `xml:",chardata"`
	}
	type entry struct {
		Links []link `xml:"link"`
	}
	var doc struct {
		XMLName xml.Name
		Channel struct {
			Items []entry `xml:"item"`
		} `xml:"channel"`
		Items   []entry `xml:"item"`  // RSS 1.0
		Entries []entry `xml:"entry"` // Atom
	}
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = false
	if err := d.Decode(&doc); err != nil {
		return nil, err
	}
	switch doc.XMLName.Local {
	case "rss", "RDF", "feed":
	default:
		return nil, fmt.Errorf("root element <%s>: want <rss>, <rdf:RDF> or <feed>", doc.XMLName.Local)
	}
	var out []string
entries:
	for _, e := range append(append(doc.Channel.Items, doc.Items...), doc.Entries...) {
		for _, l := range e.Links {
			switch {
			case l.Href != "" && (l.Rel == "" || l.Rel == "alternate"):
				out = append(out, l.Href)
				continue entries
			case l.Href == "" && strings.TrimSpace(l.Text) != "":
				out = append(out, strings.TrimSpace(l.Text))
				continue entries
			}
		}
	}
	return out, nil
}
