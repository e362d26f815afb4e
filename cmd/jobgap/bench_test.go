package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jobgap/jobgap/corpus"
	"github.com/jobgap/jobgap/crawl"
	"github.com/jobgap/jobgap/extract"
	"github.com/jobgap/jobgap/extract/taxonomy"
)

const crawlBenchPages = 5000

// postingSite serves a sitemap of n distinct JSON-LD posting pages.
func postingSite(b *testing.B, n int) *httptest.Server {
	b.Helper()
	var sitemap strings.Builder
	mux := http.NewServeMux()
	mux.HandleFunc("/sitemap.xml", func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, sitemap.String()) })
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "User-agent: *\nAllow: /\n") })
	mux.HandleFunc("/jobs/", func(w http.ResponseWriter, r *http.Request) {
		id := strings.TrimPrefix(r.URL.Path, "/jobs/")
		if id == "" {
			io.WriteString(w, "<html><body>Open positions</body></html>")
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!DOCTYPE html><html><head><title>Job %[1]s</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"JobPosting","title":"Product Owner %[1]s",
"hiringOrganization":{"@type":"Organization","name":"Company %[1]s"},"datePosted":"2026-10-01","url":"/jobs/%[1]s",
"description":"<h3>About the role</h3><p>You own the product backlog for team %[1]s and work with engineering and design every day.</p><h3>Requirements</h3><ul><li>CSPO or PSPO I certification</li><li>3+ years as a product owner</li><li>SQL, Jira and A/B testing</li><li>Excellent stakeholder management</li></ul><h3>Nice to have</h3><ul><li>SAFe POPM</li><li>Python</li></ul><p>The base salary range is $110,000–$140,000.</p>"}
</script></head><body><h1>Product Owner %[1]s</h1></body></html>`, id)
	})
	s := httptest.NewServer(mux)
	b.Cleanup(s.Close)
	sitemap.WriteString(`<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`)
	for i := range n {
		fmt.Fprintf(&sitemap, "<url><loc>%s/jobs/%d</loc></url>", s.URL, i)
	}
	sitemap.WriteString("</urlset>")
	return s
}

// plainGET fetches every page with net/http alone, parallel at a time.
func plainGET(b *testing.B, base string, n, parallel int) {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConnsPerHost = parallel * 2
	client := &http.Client{Transport: t}
	urls := make(chan string)
	var wg sync.WaitGroup
	for range parallel {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for u := range urls {
				resp, err := client.Get(u)
				if err != nil {
					b.Error(err)
					continue
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
			}
		}()
	}
	for i := range n {
		urls <- fmt.Sprintf("%s/jobs/%d", base, i)
	}
	close(urls)
	wg.Wait()
}

// BenchmarkCrawlStore crawls 5,000 posting pages from a local server
// through the whole path a crawl takes (fetch, extract, tag, dedup, save,
// index) and, in the same iteration, fetches the same pages with bare
// net/http GETs: the ratio is the figure to read (issue 3's goal: 0.5).
// cores is the CPU time of the crawl over its wall time: below 2 on two
// cores, other processes had the rest (or the crawl waited).
func BenchmarkCrawlStore(b *testing.B) {
	const parallel = 4
	s := postingSite(b, crawlBenchPages)
	tax, err := taxonomy.Default()
	if err != nil {
		b.Fatal(err)
	}
	x := extract.NewExtractor(tax)
	var bare, full, fullCPU time.Duration
	for range b.N {
		start := time.Now()
		plainGET(b, s.URL, crawlBenchPages, parallel)
		bare += time.Since(start)

		store, err := corpus.Open(context.Background(), b.TempDir(), corpus.Options{})
		if err != nil {
			b.Fatal(err)
		}
		in := newIngester(store, x)
		in.ignoreNoPosting = true
		start = time.Now()
		cpu0 := cpuTime()
		opts := crawl.Options{Delay: -1, Parallelism: parallel, Backoff: 1, MaxRetryAfter: 1}
		rs, err := crawlAndSave(context.Background(), in, opts, []crawl.Target{{Kind: crawl.KindSite, URL: s.URL + "/jobs/"}})
		if err != nil {
			b.Fatal(err)
		}
		r := rs[0]
		full += time.Since(start)
		fullCPU += cpuTime() - cpu0
		if r.Err != nil || in.total.Added != crawlBenchPages {
			b.Fatalf("crawl: %+v, saved %d of %d", r.Err, in.total.Added, crawlBenchPages)
		}
		store.Close()
	}
	pages := float64(b.N * crawlBenchPages)
	b.ReportMetric(pages/full.Seconds(), "pages/s")
	b.ReportMetric(pages/bare.Seconds(), "bare-pages/s")
	b.ReportMetric(bare.Seconds()/full.Seconds(), "ratio")
	if fullCPU > 0 {
		// CPU time over wall time of the crawl: how many cores it had.
		b.ReportMetric(fullCPU.Seconds()/full.Seconds(), "cores")
	}
}
