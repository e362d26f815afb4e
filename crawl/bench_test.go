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
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConnsPerHost = benchParallel * 2
	client := &http.Client{Transport: t}
	b.ResetTimer()
	for range b.N {
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
			urls <- fmt.Sprintf("%s/jobs/%d", s.URL, i)
		}
		close(urls)
		wg.Wait()
	}
	b.ReportMetric(float64(b.N*benchPages)/b.Elapsed().Seconds(), "pages/s")
}
