package crawl

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

const benchPages = 5000
const benchParallel = 4

// benchServer serves /sitemap.xml listing benchPages small posting pages.
func benchServer(b *testing.B) *httptest.Server {
	page := fixture(b, "job_page.html", "")
	page = bytes.ReplaceAll(page, []byte("{{TITLE}}"), []byte("Go Engineer"))
	page = bytes.ReplaceAll(page, []byte("{{SELF}}"), []byte("/jobs/0"))
	page = bytes.ReplaceAll(page, []byte("/careers/"), []byte("/jobs/"))
	var sitemap strings.Builder
	var s *httptest.Server
	mux := http.NewServeMux()
	mux.HandleFunc("/sitemap.xml", func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, sitemap.String())
	})
	mux.HandleFunc("/jobs/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(page)
	})
	s = httptest.NewServer(mux)
	b.Cleanup(s.Close)
	sitemap.WriteString(`<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`)
	for i := range benchPages {
		fmt.Fprintf(&sitemap, "<url><loc>%s/jobs/%d</loc></url>", s.URL, i)
	}
	sitemap.WriteString("</urlset>")
	return s
}

func BenchmarkCrawlSite(b *testing.B) {
	s := benchServer(b)
	opts := Options{Delay: -1, Parallelism: benchParallel, Backoff: 1, MaxRetryAfter: 1}
	b.ResetTimer()
	for range b.N {
		c := New(opts, SinkFunc(func(context.Context, Page) error { return nil }))
		r := c.Run(context.Background(), []Target{{Kind: KindSite, URL: s.URL + "/jobs/"}})[0]
		// The start page /jobs/ plus every posting.
		if r.Err != nil || r.Handed != benchPages+1 {
			b.Fatalf("result = %+v", r)
		}
	}
	b.ReportMetric(float64(b.N*benchPages)/b.Elapsed().Seconds(), "pages/s")
}

// BenchmarkPlainGET fetches the same pages with net/http alone, as many at
// a time: the floor that BenchmarkCrawlSite is measured against.
func BenchmarkPlainGET(b *testing.B) {
	s := benchServer(b)
	client := plainClient()
	b.ResetTimer()
	for range b.N {
		plainGET(b, client, s.URL)
	}
	b.ReportMetric(float64(b.N*benchPages)/b.Elapsed().Seconds(), "pages/s")
}

// BenchmarkCrawlVsGET runs BenchmarkCrawlSite's crawl and
// BenchmarkPlainGET's fetches in the same iteration, one after the other,
// and reports their ratio: on a shared machine the ratio of one run is
// steadier than pages/s taken from two runs.
//
// The comparison is even: both keep benchParallel requests in flight and
// reuse connections (MaxIdleConnsPerHost ≥ parallelism on both sides).
// The crawl does more, as a crawl must: it asks for robots.txt, the
// sitemap and the start page, keeps every body and reads its links.
//
// cpu-ratio is the same ratio by the CPU time the process (client and
// server) spent on each leg, where the platform tells (unix): when other
// processes load the machine, it moves less than the ratio of wall times.
func BenchmarkCrawlVsGET(b *testing.B) {
	s := benchServer(b)
	client := plainClient()
	opts := Options{Delay: -1, Parallelism: benchParallel, Backoff: 1, MaxRetryAfter: 1}
	var bare, full, bareCPU, fullCPU time.Duration
	for range b.N {
		start, cpu := time.Now(), cpuTime()
		plainGET(b, client, s.URL)
		bare += time.Since(start)
		bareCPU += cpuTime() - cpu

		start, cpu = time.Now(), cpuTime()
		c := New(opts, SinkFunc(func(context.Context, Page) error { return nil }))
		r := c.Run(context.Background(), []Target{{Kind: KindSite, URL: s.URL + "/jobs/"}})[0]
		full += time.Since(start)
		fullCPU += cpuTime() - cpu
		if r.Err != nil || r.Handed != benchPages+1 {
			b.Fatalf("result = %+v", r)
		}
	}
	pages := float64(b.N * benchPages)
	b.ReportMetric(pages/full.Seconds(), "pages/s")
	b.ReportMetric(pages/bare.Seconds(), "bare-pages/s")
	b.ReportMetric(bare.Seconds()/full.Seconds(), "ratio")
	if fullCPU > 0 {
		b.ReportMetric(bareCPU.Seconds()/fullCPU.Seconds(), "cpu-ratio")
	}
}

func plainClient() *http.Client {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConnsPerHost = benchParallel * 2
	return &http.Client{Transport: t}
}

// plainGET fetches every posting page once, benchParallel at a time.
func plainGET(b *testing.B, client *http.Client, base string) {
	urls := make(chan string)
	var wg sync.WaitGroup
	for range benchParallel {
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
	for i := range benchPages {
		urls <- fmt.Sprintf("%s/jobs/%d", base, i)
	}
	close(urls)
	wg.Wait()
}
