package crawl

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"maps"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// --- helpers ---

func fixture(t testing.TB, name, origin string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	if origin == "" {
		return b // a template, filled in later
	}
	return bytes.ReplaceAll(b, []byte("{{ORIGIN}}"), []byte(origin))
}

// memSink keeps pages and notices concurrent calls.
type memSink struct {
	mu         sync.Mutex
	pages      []Page
	inflight   atomic.Int32
	concurrent atomic.Bool
	onPage     func(n int)
}

func (s *memSink) Page(ctx context.Context, p Page) error {
	if s.inflight.Add(1) > 1 {
		s.concurrent.Store(true)
	}
	defer s.inflight.Add(-1)
	s.mu.Lock()
	s.pages = append(s.pages, p)
	n := len(s.pages)
	s.mu.Unlock()
	if s.onPage != nil {
		s.onPage(n)
	}
	return nil
}

func (s *memSink) urls() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for _, p := range s.pages {
		out = append(out, p.URL)
	}
	slices.Sort(out)
	return out
}

// testOptions: no delay, tiny backoff, short caps.
func testOptions() Options {
	return Options{
		Contact:       "test@example.com",
		Delay:         -1,
		Backoff:       time.Millisecond,
		MaxRetryAfter: 20 * time.Millisecond,
		Timeout:       5 * time.Second,
		Parallelism:   2,
	}
}

// counter counts requests per path.
type counter struct {
	mu sync.Mutex
	n  map[string]int
}

func (c *counter) wrap(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c.mu.Lock()
		if c.n == nil {
			c.n = map[string]int{}
		}
		c.n[r.URL.Path]++
		c.mu.Unlock()
		h.ServeHTTP(w, r)
	})
}

func (c *counter) get(path string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.n[path]
}

func serve(t testing.TB, h http.Handler) (*httptest.Server, *counter) {
	t.Helper()
	c := &counter{}
	s := httptest.NewServer(c.wrap(h))
	t.Cleanup(s.Close)
	return s, c
}

func runOne(t testing.TB, opts Options, tg Target) (Result, *memSink) {
	t.Helper()
	sink := &memSink{}
	res := New(opts, sink).Run(context.Background(), []Target{tg})
	if len(res) != 1 {
		t.Fatalf("got %d results, want 1", len(res))
	}
	if sink.concurrent.Load() {
		t.Error("sink called concurrently")
	}
	return res[0], sink
}

func jsonHandler(body []byte) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.Write(body)
	}
}

// --- adapters ---

func TestGreenhouse(t *testing.T) {
	body := fixture(t, "greenhouse_board.json", "")
	var ua, query atomic.Value
	mux := http.NewServeMux()
	mux.HandleFunc("GET /v1/boards/acme/jobs", func(w http.ResponseWriter, r *http.Request) {
		ua.Store(r.UserAgent())
		query.Store(r.URL.RawQuery)
		jsonHandler(body)(w, r)
	})
	s, _ := serve(t, mux)
	res, sink := runOne(t, testOptions(), Target{Kind: KindGreenhouse, Board: "acme", BaseURL: s.URL})
	if res.Err != nil || res.Handed != 1 || res.Pages != 1 || res.Errors != 0 {
		t.Fatalf("result = %+v", res)
	}
	p := sink.pages[0]
	if p.Source != "greenhouse:acme" || p.Format != FormatGreenhouse || p.URL != s.URL+"/v1/boards/acme/jobs?content=true" ||
		!bytes.Equal(p.Body, body) || !strings.HasPrefix(p.ContentType, "application/json") || p.FetchedAt.IsZero() {
		t.Errorf("page = %+v", p)
	}
	if q := query.Load(); q != "content=true" {
		t.Errorf("query = %q", q)
	}
	if got := ua.Load().(string); got != DefaultUserAgent+"; +test@example.com" {
		t.Errorf("User-Agent = %q", got)
	}
}

func TestLeverPaging(t *testing.T) {
	two := fixture(t, "lever_postings.json", "")
	// A full page of 100 postings, then the two of the fixture.
	var full bytes.Buffer
	full.WriteString("[")
	for i := range 100 {
		if i > 0 {
			full.WriteString(",")
		}
		fmt.Fprintf(&full, `{"id":"p%d","text":"Role %d","categories":{},"hostedUrl":"https://jobs.lever.co/acme/p%d"}`, i, i, i)
	}
	full.WriteString("]")
	mux := http.NewServeMux()
	mux.HandleFunc("GET /v0/postings/acme", func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		if q.Get("mode") != "json" || q.Get("limit") != "100" {
			http.Error(w, "bad query", http.StatusBadRequest)
			return
		}
		switch q.Get("skip") {
		case "0":
			jsonHandler(full.Bytes())(w, r)
		case "100":
			jsonHandler(two)(w, r)
		default:
			jsonHandler([]byte("[]"))(w, r)
		}
	})
	s, c := serve(t, mux)
	res, sink := runOne(t, testOptions(), Target{Kind: KindLever, Board: "acme", BaseURL: s.URL})
	if res.Err != nil || res.Handed != 2 || c.get("/v0/postings/acme") != 2 {
		t.Fatalf("result = %+v, requests %d", res, c.get("/v0/postings/acme"))
	}
	if sink.pages[1].Format != FormatLever || !bytes.Equal(sink.pages[1].Body, two) || sink.pages[0].Source != "lever:acme" {
		t.Errorf("pages = %+v", sink.pages)
	}
}

func TestSingleAdapters(t *testing.T) {
	for _, tc := range []struct {
		kind, path, query, file, format string
	}{
		{KindAshby, "/posting-api/job-board/acme", "includeCompensation=true", "ashby_board.json", FormatAshby},
		{KindWorkable, "/api/v1/widget/accounts/acme", "details=true", "workable_account.json", FormatWorkable},
		{KindRecruitee, "/api/offers/", "", "recruitee_offers.json", FormatRecruitee},
		{KindGreenhouse, "/v1/boards/acme/jobs", "content=true", "greenhouse_empty.json", FormatGreenhouse}, // empty board
	} {
		t.Run(tc.kind+"/"+tc.file, func(t *testing.T) {
			body := fixture(t, tc.file, "")
			mux := http.NewServeMux()
			mux.HandleFunc("GET "+tc.path, func(w http.ResponseWriter, r *http.Request) {
				if r.URL.RawQuery != tc.query {
					http.Error(w, "bad query "+r.URL.RawQuery, http.StatusBadRequest)
					return
				}
				jsonHandler(body)(w, r)
			})
			s, _ := serve(t, mux)
			res, sink := runOne(t, testOptions(), Target{Kind: tc.kind, Board: "acme", BaseURL: s.URL})
			if res.Err != nil || res.Handed != 1 {
				t.Fatalf("result = %+v", res)
			}
			if p := sink.pages[0]; p.Format != tc.format || !bytes.Equal(p.Body, body) || p.Source != tc.kind+":acme" {
				t.Errorf("page = %+v", p)
			}
		})
	}
}

func smartRecruitersServer(t *testing.T, total int) (*httptest.Server, *counter) {
	detail := fixture(t, "smartrecruiters_detail.json", "")
	mux := http.NewServeMux()
	mux.HandleFunc("GET /v1/companies/Acme1/postings", func(w http.ResponseWriter, r *http.Request) {
		offset, _ := strconv.Atoi(r.URL.Query().Get("offset"))
		limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
		if limit != 100 {
			http.Error(w, "limit", http.StatusBadRequest)
			return
		}
		var items []string
		for i := offset; i < min(offset+limit, total); i++ {
			items = append(items, fmt.Sprintf(`{"id":"7440%05d","name":"Role %d","uuid":"u%d","refNumber":"R%d","company":{"identifier":"Acme1","name":"Acme"},"location":{"city":"Montreal","country":"ca"}}`, i, i, i, i))
		}
		fmt.Fprintf(w, `{"offset":%d,"limit":%d,"totalFound":%d,"content":[%s]}`, offset, limit, total, strings.Join(items, ","))
	})
	mux.HandleFunc("GET /v1/companies/Acme1/postings/{id}", func(w http.ResponseWriter, r *http.Request) {
		jsonHandler(bytes.ReplaceAll(detail, []byte("{{ID}}"), []byte(r.PathValue("id"))))(w, r)
	})
	return serve(t, mux)
}

func TestSmartRecruiters(t *testing.T) {
	s, c := smartRecruitersServer(t, 150)
	opts := testOptions()
	opts.Parallelism = 4
	res, sink := runOne(t, opts, Target{Kind: KindSmartRecruiters, Board: "Acme1", BaseURL: s.URL})
	if res.Err != nil || res.Handed != 150 || res.Pages != 152 || c.get("/v1/companies/Acme1/postings") != 2 {
		t.Fatalf("result = %+v", res)
	}
	urls := sink.urls()
	if len(slices.Compact(urls)) != 150 || !strings.HasSuffix(urls[0], "/v1/companies/Acme1/postings/744000000") {
		t.Errorf("urls = %v...", urls[:3])
	}
	if sink.pages[0].Format != FormatSmartRecruiters || !bytes.Contains(sink.pages[0].Body, []byte("Jenkins")) {
		t.Errorf("page = %+v", sink.pages[0])
	}

	// Limit stops detail fetches early; an empty company is no error.
	opts.Limit = 5
	res, _ = runOne(t, opts, Target{Kind: KindSmartRecruiters, Board: "Acme1", BaseURL: s.URL})
	if res.Err != nil || res.Handed != 5 {
		t.Errorf("limited result = %+v", res)
	}
	empty, _ := smartRecruitersServer(t, 0)
	res, _ = runOne(t, testOptions(), Target{Kind: KindSmartRecruiters, Board: "Acme1", BaseURL: empty.URL})
	if res.Err != nil || res.Handed != 0 || res.Pages != 1 {
		t.Errorf("empty result = %+v", res)
	}
}

// --- faults ---

func TestBoardNotFound(t *testing.T) {
	s, c := serve(t, http.NotFoundHandler())
	res, sink := runOne(t, testOptions(), Target{Kind: KindGreenhouse, Board: "foo", BaseURL: s.URL})
	want := "greenhouse:foo: board not found (HTTP 404 from " + s.URL + "/v1/boards/foo/jobs?content=true)"
	if res.Err == nil || res.Err.Error() != want {
		t.Fatalf("Err = %v, want %s", res.Err, want)
	}
	var se *StatusError
	if !errors.As(res.Err, &se) || se.Code != 404 {
		t.Errorf("not a StatusError 404: %v", res.Err)
	}
	if len(sink.pages) != 0 || c.get("/v1/boards/foo/jobs") != 1 {
		t.Errorf("pages %d, requests %d (4xx must not be retried)", len(sink.pages), c.get("/v1/boards/foo/jobs"))
	}
}

// flaky answers with the given statuses first, then the body.
func flaky(body []byte, header http.Header, statuses ...int) http.Handler {
	var n atomic.Int32
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		i := int(n.Add(1)) - 1
		if i < len(statuses) {
			for k, v := range header {
				w.Header()[k] = v
			}
			http.Error(w, http.StatusText(statuses[i]), statuses[i])
			return
		}
		jsonHandler(body)(w, r)
	})
}

func TestRetries(t *testing.T) {
	body := fixture(t, "ashby_board.json", "")
	const path = "/posting-api/job-board/acme"
	date := time.Now().Add(time.Hour).UTC().Format(http.TimeFormat)
	for _, tc := range []struct {
		name     string
		header   http.Header
		statuses []int
		wantErr  bool
		requests int
	}{
		{"429 Retry-After seconds", http.Header{"Retry-After": {"3600"}}, []int{429}, false, 2},
		{"503 Retry-After date", http.Header{"Retry-After": {date}}, []int{503, 503}, false, 3},
		{"429 without Retry-After", nil, []int{429}, false, 2},
		{"500s then success", nil, []int{500, 502}, false, 3},
		{"500 forever", nil, []int{500, 500, 500, 500, 500, 500}, true, 4},
		{"403 not retried", nil, []int{403}, true, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, c := serve(t, flaky(body, tc.header, tc.statuses...))
			res, sink := runOne(t, testOptions(), Target{Kind: KindAshby, Board: "acme", BaseURL: s.URL})
			if got := c.get(path); got != tc.requests {
				t.Errorf("requests = %d, want %d", got, tc.requests)
			}
			if tc.wantErr {
				var se *StatusError
				if res.Err == nil || !errors.As(res.Err, &se) || se.Code != tc.statuses[0] || len(sink.pages) != 0 {
					t.Errorf("result = %+v", res)
				}
				return
			}
			if res.Err != nil || len(sink.pages) != 1 || !bytes.Equal(sink.pages[0].Body, body) {
				t.Errorf("result = %+v", res)
			}
		})
	}
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	for in, want := range map[string]time.Duration{
		"120":                           2 * time.Minute,
		"0":                             0,
		"Sun, 01 Mar 2026 12:00:30 GMT": 30 * time.Second,
		"Sun, 01 Mar 2026 11:00:00 GMT": 0, // in the past
	} {
		if got, ok := parseRetryAfter(in, now); !ok || got != want {
			t.Errorf("parseRetryAfter(%q) = %v, %v; want %v", in, got, ok, want)
		}
	}
	for _, in := range []string{"", "soon", "-5"} {
		if _, ok := parseRetryAfter(in, now); ok {
			t.Errorf("parseRetryAfter(%q) ok", in)
		}
	}
}

func TestTimeouts(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/silent/posting-api/job-board/acme", func(w http.ResponseWriter, r *http.Request) {
		<-r.Context().Done() // never answers
	})
	mux.HandleFunc("/trickle/posting-api/job-board/acme", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusOK)
		w.Write([]byte(`{"jobs":[`))
		for {
			w.(http.Flusher).Flush()
			select {
			case <-r.Context().Done():
				return
			case <-time.After(5 * time.Millisecond):
			}
			if _, err := w.Write([]byte(" ")); err != nil {
				return
			}
		}
	})
	s, c := serve(t, mux)
	opts := testOptions()
	opts.Timeout = 150 * time.Millisecond
	opts.Retries = 1
	for _, prefix := range []string{"/silent", "/trickle"} {
		res, sink := runOne(t, opts, Target{Kind: KindAshby, Board: "acme", BaseURL: s.URL + prefix})
		if res.Err == nil || len(sink.pages) != 0 {
			t.Errorf("%s: result = %+v", prefix, res)
		}
		if !errors.Is(res.Err, ErrTimeout) {
			t.Errorf("%s: Err = %v, want a timeout", prefix, res.Err)
		}
		if got := c.get(prefix + "/posting-api/job-board/acme"); got != 2 {
			t.Errorf("%s: requests = %d, want 2 (timeouts are retried)", prefix, got)
		}
	}
}

func TestHugeBody(t *testing.T) {
	const size = 100 << 20
	mux := http.NewServeMux()
	stream := func(w http.ResponseWriter) {
		buf := bytes.Repeat([]byte("a"), 32<<10)
		for sent := 0; sent < size; sent += len(buf) {
			if _, err := w.Write(buf); err != nil {
				return
			}
		}
	}
	mux.HandleFunc("/chunked/posting-api/job-board/acme", func(w http.ResponseWriter, r *http.Request) {
		stream(w) // no Content-Length: the cap must be met while reading
	})
	mux.HandleFunc("/declared/posting-api/job-board/acme", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", strconv.Itoa(size))
		stream(w)
	})
	s, c := serve(t, mux)
	for _, prefix := range []string{"/chunked", "/declared"} {
		res, sink := runOne(t, testOptions(), Target{Kind: KindAshby, Board: "acme", BaseURL: s.URL + prefix})
		if !errors.Is(res.Err, ErrTooLarge) || len(sink.pages) != 0 {
			t.Errorf("%s: result = %+v", prefix, res)
		}
		if got := c.get(prefix + "/posting-api/job-board/acme"); got != 1 {
			t.Errorf("%s: requests = %d, want 1 (too large is not retried)", prefix, got)
		}
	}
}

// bomb is 64 concatenated gzip members of 1 MiB of zeros each: 64 MiB
// once decompressed (gzip readers read multistream), ~64 KiB on the wire.
var bomb = sync.OnceValue(func() []byte {
	var m bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&m, gzip.BestCompression)
	zw.Write(make([]byte, 1<<20))
	zw.Close()
	return bytes.Repeat(m.Bytes(), 64)
})

func TestGzipBomb(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/posting-api/job-board/acme", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(bomb())
	})
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "User-agent: *\nAllow: /\nSitemap: http://%s/sitemaps/bomb.xml.gz\n", r.Host)
	})
	mux.HandleFunc("/sitemaps/bomb.xml.gz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/x-gzip")
		w.Write(bomb())
	})
	mux.HandleFunc("/careers/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		io.WriteString(w, "<html><body>No jobs today</body></html>")
	})
	s, _ := serve(t, mux)
	opts := testOptions()
	opts.MaxBody = 1 << 20

	res, sink := runOne(t, opts, Target{Kind: KindAshby, Board: "acme", BaseURL: s.URL})
	if !errors.Is(res.Err, ErrTooLarge) || len(sink.pages) != 0 {
		t.Errorf("Content-Encoding bomb: result = %+v", res)
	}

	// A bombed sitemap costs that sitemap only.
	res, sink = runOne(t, opts, Target{Kind: KindSite, URL: s.URL + "/careers/"})
	if res.Err != nil || res.Handed != 1 || res.Errors != 1 || !errors.Is(res.Problems[0], ErrTooLarge) {
		t.Errorf(".xml.gz bomb: result = %+v", res)
	}
}

func TestRedirects(t *testing.T) {
	other, otherCount := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "<html>elsewhere</html>")
	}))
	otherURL := strings.Replace(other.URL, "127.0.0.1", "localhost", 1) // another host name
	mux := http.NewServeMux()
	mux.HandleFunc("/loop/a", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop/b", http.StatusFound) })
	mux.HandleFunc("/loop/b", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop/a", http.StatusFound) })
	mux.HandleFunc("/away", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, otherURL+"/jobs", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/file", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Location", "file:///etc/passwd")
		w.WriteHeader(http.StatusFound)
	})
	mux.HandleFunc("/ok", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/careers/", http.StatusFound) })
	mux.HandleFunc("/careers/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		io.WriteString(w, "<html>careers</html>")
	})
	s, _ := serve(t, mux)
	for _, p := range []string{"/loop/a", "/away", "/file"} {
		res, sink := runOne(t, testOptions(), Target{Kind: KindSite, URL: s.URL + p})
		if !errors.Is(res.Err, ErrRedirect) || len(sink.pages) != 0 {
			t.Errorf("%s: result = %+v", p, res)
		}
	}
	if n := otherCount.get("/jobs"); n != 0 {
		t.Errorf("other host was asked %d times", n)
	}
	// A same-host redirect is followed, and the page carries the final URL.
	res, sink := runOne(t, testOptions(), Target{Kind: KindSite, URL: s.URL + "/ok"})
	if res.Err != nil || len(sink.pages) != 1 || sink.pages[0].URL != s.URL+"/careers/" {
		t.Errorf("same-host redirect: result = %+v, pages %v", res, sink.urls())
	}
}

// --- site crawl ---

// siteServer serves the fixture site: robots.txt → sitemap index →
// gzipped urlset; /careers/ links; job pages at /careers/jobs/N and /jobs/N.
func siteServer(t *testing.T, robots string) (*httptest.Server, *counter) {
	t.Helper()
	var origin string
	mux := http.NewServeMux()
	html := func(w http.ResponseWriter, b []byte) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(b)
	}
	mux.HandleFunc("GET /robots.txt", func(w http.ResponseWriter, r *http.Request) {
		if robots == "" {
			http.NotFound(w, r)
			return
		}
		io.WriteString(w, strings.ReplaceAll(robots, "{{ORIGIN}}", origin))
	})
	mux.HandleFunc("GET /sitemap_index.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/xml")
		w.Write(fixture(t, "sitemap_index.xml", origin))
	})
	mux.HandleFunc("GET /sitemaps/jobs.xml.gz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/x-gzip")
		zw := gzip.NewWriter(w)
		zw.Write(fixture(t, "sitemap_jobs.xml", origin))
		zw.Close()
	})
	mux.HandleFunc("GET /careers/{$}", func(w http.ResponseWriter, r *http.Request) {
		html(w, fixture(t, "careers.html", origin))
	})
	job := func(w http.ResponseWriter, r *http.Request) {
		b := fixture(t, "job_page.html", origin)
		b = bytes.ReplaceAll(b, []byte("{{TITLE}}"), []byte("Job "+r.PathValue("id")))
		html(w, bytes.ReplaceAll(b, []byte("{{SELF}}"), []byte(r.URL.Path)))
	}
	mux.HandleFunc("GET /careers/jobs/{id}", job)
	mux.HandleFunc("GET /jobs/{id}", job)
	mux.HandleFunc("GET /careers/private/{id}", job)
	mux.HandleFunc("GET /careers/brochure.pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		io.WriteString(w, "%PDF-1.4")
	})
	mux.HandleFunc("GET /about", func(w http.ResponseWriter, r *http.Request) { html(w, []byte("<html>about</html>")) })
	mux.HandleFunc("GET /feed.rss", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write(fixture(t, "feed.rss", origin))
	})
	mux.HandleFunc("GET /feed.atom", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/atom+xml")
		w.Write(fixture(t, "feed.atom", origin))
	})
	s, c := serve(t, mux)
	origin = s.URL
	return s, c
}

func TestSiteDiscovery(t *testing.T) {
	s, c := siteServer(t, string(fixture(t, "robots.txt", "")))
	opts := testOptions()
	opts.Parallelism = 3
	res, sink := runOne(t, opts, Target{Kind: KindSite, URL: s.URL + "/careers/"})
	want := []string{
		s.URL + "/careers/",
		s.URL + "/careers/jobs/1",
		s.URL + "/careers/jobs/2", // sitemap only
		s.URL + "/careers/jobs/3",
		s.URL + "/careers/jobs/4", // link only, relative
		s.URL + "/jobs/5",         // job-like path outside /careers/
	}
	if got := sink.urls(); !slices.Equal(got, want) {
		t.Errorf("handed\n%v\nwant\n%v", got, want)
	}
	if res.Err != nil || res.Errors != 0 || res.Handed != 6 || res.Skipped != 1 {
		t.Errorf("result = %+v", res)
	}
	// 6 pages + sitemap index + gzipped urlset (+ /sitemap.xml is a 404 probe).
	if res.Pages != 8 {
		t.Errorf("Pages = %d, want 8", res.Pages)
	}
	for _, p := range []string{"/careers/private/6", "/about", "/blog/2026/hello", "/careers/brochure.pdf"} {
		if n := c.get(p); n != 0 {
			t.Errorf("%s requested %d times", p, n)
		}
	}
	for _, p := range []string{"/careers/jobs/1", "/robots.txt"} {
		if n := c.get(p); n != 1 {
			t.Errorf("%s requested %d times, want 1", p, n)
		}
	}
	for _, p := range sink.pages {
		if p.Format != FormatHTML || p.Source != "site:"+strings.TrimPrefix(s.URL, "http://") {
			t.Errorf("page %s: format %q source %q", p.URL, p.Format, p.Source)
		}
	}
}

func TestSiteLimitAndMaxPages(t *testing.T) {
	s, _ := siteServer(t, "")
	opts := testOptions()
	opts.Limit = 2
	res, sink := runOne(t, opts, Target{Kind: KindSite, URL: s.URL + "/careers/"})
	if res.Err != nil || res.Handed != 2 || len(sink.pages) != 2 {
		t.Errorf("Limit: result = %+v", res)
	}
	opts = testOptions()
	opts.MaxPages = 3
	res, _ = runOne(t, opts, Target{Kind: KindSite, URL: s.URL + "/careers/"})
	if res.Err != nil || res.Pages > 3 {
		t.Errorf("MaxPages: result = %+v", res)
	}
}

func TestRobots(t *testing.T) {
	// Our group disallows everything: the crawl never starts.
	s, c := siteServer(t, "User-agent: *\nAllow: /\n\nUser-agent: jobgap\nDisallow: /\n")
	res, sink := runOne(t, testOptions(), Target{Kind: KindSite, URL: s.URL + "/careers/"})
	if !errors.Is(res.Err, ErrDisallowed) || len(sink.pages) != 0 || c.get("/careers/") != 0 {
		t.Errorf("disallowed: result = %+v", res)
	}
	// ... unless told to ignore robots.txt.
	opts := testOptions()
	opts.IgnoreRobots = true
	res, _ = runOne(t, opts, Target{Kind: KindSite, URL: s.URL + "/careers/"})
	if res.Err != nil || res.Handed != 6 || c.get("/careers/private/6") != 1 {
		t.Errorf("IgnoreRobots: result = %+v", res)
	}

	// A robots.txt that fails with 5xx means: do not crawl.
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "down", 500) })
	s2, c2 := serve(t, mux)
	res, _ = runOne(t, testOptions(), Target{Kind: KindSite, URL: s2.URL + "/careers/"})
	if res.Err == nil || c2.get("/careers/") != 0 || !strings.Contains(res.Err.Error(), "robots.txt unavailable") {
		t.Errorf("robots 5xx: result = %+v", res)
	}
}

func TestCrawlDelay(t *testing.T) {
	s, _ := siteServer(t, string(fixture(t, "robots.txt", "")))
	opts := testOptions()
	c := New(opts, nil)
	res := c.Run(context.Background(), []Target{{Kind: KindSite, URL: s.URL + "/careers/"}})
	if res[0].Err != nil {
		t.Fatal(res[0].Err)
	}
	host := strings.TrimPrefix(s.URL, "http://")
	e := c.robots.m[s.URL]
	if e == nil || e.r.crawlDelay != 2*time.Second {
		t.Fatalf("Crawl-delay not parsed: %+v", e)
	}
	if got := c.pacer.gap(host); got != opts.MaxRetryAfter {
		t.Errorf("pacing gap = %v, want Crawl-delay 2s capped at %v", got, opts.MaxRetryAfter)
	}
}

func TestFeed(t *testing.T) {
	s, _ := siteServer(t, "")
	for _, tc := range []struct {
		path string
		want []string
	}{
		{"/feed.rss", []string{s.URL + "/careers/jobs/1", s.URL + "/careers/jobs/2", s.URL + "/feed.rss"}},
		{"/feed.atom", []string{s.URL + "/careers/jobs/1", s.URL + "/careers/jobs/3", s.URL + "/feed.atom"}},
	} {
		res, sink := runOne(t, testOptions(), Target{Kind: KindFeed, URL: s.URL + tc.path})
		if res.Err != nil || !slices.Equal(sink.urls(), tc.want) {
			t.Errorf("%s: result = %+v, urls %v", tc.path, res, sink.urls())
			continue
		}
		for _, p := range sink.pages {
			if want := map[bool]string{true: FormatFeed, false: FormatHTML}[p.URL == s.URL+tc.path]; p.Format != want {
				t.Errorf("%s: format %q", p.URL, p.Format)
			}
		}
	}
}

func TestCancelKeepsHandedPages(t *testing.T) {
	var origin string
	mux := http.NewServeMux()
	mux.HandleFunc("/sitemap.xml", func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`)
		for i := range 40 {
			fmt.Fprintf(w, "<url><loc>%s/jobs/%d</loc></url>", origin, i)
		}
		io.WriteString(w, "</urlset>")
	})
	mux.HandleFunc("/jobs/{id}", func(w http.ResponseWriter, r *http.Request) {
		if id, _ := strconv.Atoi(r.PathValue("id")); id >= 8 {
			<-r.Context().Done() // hangs: only cancellation ends it
			return
		}
		w.Header().Set("Content-Type", "text/html")
		io.WriteString(w, "<html>job</html>")
	})
	s, _ := serve(t, mux)
	origin = s.URL
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	sink := &memSink{onPage: func(n int) {
		if n == 5 {
			cancel()
		}
	}}
	opts := testOptions()
	opts.Delay = 20 * time.Millisecond // cancellation must not wait for queued URLs
	opts.Parallelism = 2
	res := New(opts, sink).Run(ctx, []Target{{Kind: KindSite, URL: s.URL + "/jobs/0"}})[0]
	if !errors.Is(res.Err, context.Canceled) {
		t.Errorf("Err = %v, want context.Canceled", res.Err)
	}
	if len(sink.pages) < 5 || len(sink.pages) != res.Handed || res.Handed > 5+opts.Parallelism {
		t.Errorf("handed %d, sink has %d", res.Handed, len(sink.pages))
	}
}

// --- targets and Run ---

func TestParseTarget(t *testing.T) {
	for _, tc := range []struct {
		kind, value string
		want        Target
	}{
		{"greenhouse", "gitlab", Target{Kind: "greenhouse", Board: "gitlab"}},
		{"Greenhouse", " https://job-boards.greenhouse.io/gitlab/jobs/123 ", Target{Kind: "greenhouse", Board: "gitlab"}},
		{"lever", "eu:acme", Target{Kind: "lever", Board: "acme", BaseURL: leverEUBase}},
		{"lever", "https://jobs.eu.lever.co/acme", Target{Kind: "lever", Board: "acme", BaseURL: leverEUBase}},
		{"ashby", "https://jobs.ashbyhq.com/ramp", Target{Kind: "ashby", Board: "ramp"}},
		{"smartrecruiters", "Ubisoft2", Target{Kind: "smartrecruiters", Board: "Ubisoft2"}},
		{"recruitee", "acme-nl", Target{Kind: "recruitee", Board: "acme-nl"}},
		{"site", "https://example.com/careers", Target{Kind: "site", URL: "https://example.com/careers"}},
		{"feed", "http://example.com/jobs.rss", Target{Kind: "feed", URL: "http://example.com/jobs.rss"}},
	} {
		got, err := ParseTarget(tc.kind, tc.value)
		if err != nil || got != tc.want {
			t.Errorf("ParseTarget(%q, %q) = %+v, %v; want %+v", tc.kind, tc.value, got, err, tc.want)
		}
	}
	for _, tc := range []struct{ kind, value, mention string }{
		{"greenhouse", "foo bar", `"foo bar"`},
		{"greenhouse", "", "token"},
		{"lever", "../etc", `"../etc"`},
		{"recruitee", "acme.nl", "subdomain"},
		{"greenhouse", "https://example.com/gitlab", "board URL"},
		{"site", "example.com/careers", "absolute http or https"},
		{"feed", "file:///etc/passwd", "absolute http or https"},
		{"monster", "x", "want one of"},
	} {
		_, err := ParseTarget(tc.kind, tc.value)
		if err == nil || !strings.Contains(err.Error(), tc.mention) {
			t.Errorf("ParseTarget(%q, %q) error = %v; want one mentioning %s", tc.kind, tc.value, err, tc.mention)
		}
	}
}

func TestRunIsolatesFailures(t *testing.T) {
	gh := fixture(t, "greenhouse_board.json", "")
	mux := http.NewServeMux()
	mux.HandleFunc("GET /v1/boards/good/jobs", jsonHandler(gh))
	mux.HandleFunc("GET /v1/boards/broken/jobs", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "x", 500) })
	s, _ := serve(t, mux)
	ash, _ := serve(t, jsonHandler(fixture(t, "ashby_board.json", "")))
	targets := []Target{
		{Kind: KindGreenhouse, Board: "broken", BaseURL: s.URL},
		{Kind: KindGreenhouse, Board: "good", BaseURL: s.URL},
		{Kind: KindSite, URL: "not a url"},
		{Kind: KindAshby, Board: "acme", BaseURL: ash.URL},
	}
	sink := &memSink{}
	var prog progressLog
	opts := testOptions()
	opts.Progress = &prog
	res := New(opts, sink).Run(context.Background(), targets)
	if len(res) != 4 {
		t.Fatalf("%d results", len(res))
	}
	for i, want := range []bool{true, false, true, false} {
		if (res[i].Err != nil) != want || res[i].Target != targets[i] {
			t.Errorf("result %d = %+v", i, res[i])
		}
	}
	if len(sink.pages) != 2 || prog.fetched.Load() != 2 || prog.failed.Load() != 2 {
		t.Errorf("pages %d, progress fetched %d failed %d", len(sink.pages), prog.fetched.Load(), prog.failed.Load())
	}
}

type progressLog struct{ fetched, failed atomic.Int32 }

func (p *progressLog) Fetched(string, int)  { p.fetched.Add(1) }
func (p *progressLog) Failed(string, error) { p.failed.Add(1) }

func TestSinkErrorIsPerPage(t *testing.T) {
	s, _ := siteServer(t, string(fixture(t, "robots.txt", "")))
	sink := SinkFunc(func(ctx context.Context, p Page) error {
		if strings.HasSuffix(p.URL, "/jobs/2") {
			return errors.New("disk full")
		}
		return nil
	})
	res := New(testOptions(), sink).Run(context.Background(), []Target{{Kind: KindSite, URL: s.URL + "/careers/"}})[0]
	if res.Err != nil || res.Errors != 1 || res.Handed != 5 || !strings.Contains(res.Problems[0].Error(), "disk full") {
		t.Errorf("result = %+v", res)
	}
}

func TestParseSitemapAndFeed(t *testing.T) {
	locs, index, err := parseSitemap(fixture(t, "sitemap_jobs.xml", "https://x"), 2)
	if err != nil || index || !slices.Equal(locs, []string{"https://x/careers/jobs/1", "https://x/careers/jobs/2"}) {
		t.Errorf("urlset: %v %v %v", locs, index, err)
	}
	locs, index, err = parseSitemap(fixture(t, "sitemap_index.xml", "https://x"), 10)
	if err != nil || !index || len(locs) != 2 {
		t.Errorf("index: %v %v %v", locs, index, err)
	}
	if _, _, err := parseSitemap([]byte("<html><body>nope</body></html>"), 10); err == nil {
		t.Error("HTML accepted as a sitemap")
	}
	links, err := feedLinks(fixture(t, "feed.atom", "https://x"))
	if err != nil || !slices.Equal(links, []string{"https://x/careers/jobs/1", "https://x/careers/jobs/3"}) {
		t.Errorf("atom: %v %v", links, err)
	}
}

func TestCharsetConverted(t *testing.T) {
	s, _ := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/careers/" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=iso-8859-1")
		w.Write([]byte("<html><body>Caf\xe9 d\xe9veloppeur</body></html>"))
	}))
	res, sink := runOne(t, testOptions(), Target{Kind: KindSite, URL: s.URL + "/careers/"})
	if res.Err != nil || len(sink.pages) != 1 {
		t.Fatalf("result = %+v", res)
	}
	p := sink.pages[0]
	if !bytes.Contains(p.Body, []byte("Café développeur")) || p.ContentType != "text/html; charset=utf-8" {
		t.Errorf("body %q, content type %q", p.Body, p.ContentType)
	}
}

// --- conditional re-crawl ---

// etagged answers with an ETag (a hash of the body) and 304 when the
// request's If-None-Match holds it, as http.ServeContent does.
func etagged(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, r)
		if rec.Code != http.StatusOK {
			maps.Copy(w.Header(), rec.Header())
			w.WriteHeader(rec.Code)
			w.Write(rec.Body.Bytes())
			return
		}
		etag := fmt.Sprintf(`"%x"`, sha256.Sum256(rec.Body.Bytes()))
		if r.Header.Get("If-None-Match") == etag {
			w.Header().Set("ETag", etag)
			w.WriteHeader(http.StatusNotModified)
			return
		}
		maps.Copy(w.Header(), rec.Header())
		w.Header().Set("ETag", etag)
		w.Write(rec.Body.Bytes())
	})
}

// memCache is a Cache whose entries the sink saves, as the corpus does.
type memCache struct {
	mu sync.Mutex
	m  map[string]string
}

func (c *memCache) Lookup(u string) (string, string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.m[u]
	return e, "", ok
}

func (c *memCache) Page(_ context.Context, p Page) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil {
		c.m = map[string]string{}
	}
	if p.ETag != "" {
		c.m[p.RequestURL] = p.ETag
	}
	return nil
}

func TestConditionalRecrawl(t *testing.T) {
	var origin string
	changed := atomic.Bool{}
	mux := http.NewServeMux()
	mux.Handle("GET /v1/boards/acme/jobs", jsonHandler(fixture(t, "greenhouse_board.json", "")))
	mux.HandleFunc("GET /sitemap.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/xml")
		fmt.Fprintf(w, `<urlset><url><loc>%[1]s/careers/jobs/1</loc></url><url><loc>%[1]s/careers/jobs/2</loc></url><url><loc>%[1]s/careers/jobs/3</loc></url></urlset>`, origin)
	})
	mux.HandleFunc("GET /careers/{$}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		io.WriteString(w, `<html><a href="/careers/jobs/4">Job 4</a></html>`)
	})
	mux.HandleFunc("GET /careers/jobs/{id}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		b := fixture(t, "job_page.html", origin)
		title := "Job " + r.PathValue("id")
		if changed.Load() && r.PathValue("id") == "2" {
			title += " (changed)"
		}
		b = bytes.ReplaceAll(b, []byte("{{TITLE}}"), []byte(title))
		w.Write(bytes.ReplaceAll(b, []byte("{{SELF}}"), []byte(r.URL.Path)))
	})
	s, c := serve(t, etagged(mux))
	origin = s.URL

	opts := testOptions()
	opts.Parallelism = 2
	cache := &memCache{}
	opts.Cache = cache
	targets := []Target{
		{Kind: KindGreenhouse, Board: "acme", BaseURL: s.URL},
		{Kind: KindSite, URL: s.URL + "/careers/"},
	}
	run := func() []Result {
		t.Helper()
		return New(opts, cache).Run(context.Background(), targets)
	}
	first := run()
	if first[0].Handed != 1 || first[0].NotModified != 0 || first[1].Handed != 5 || first[1].NotModified != 0 {
		t.Fatalf("first run: %+v", first)
	}
	changed.Store(true)
	second := run()
	// The board and the unchanged sitemap pages answer 304; the start page
	// and the page found only through a link are fetched in full; the
	// changed page is handed again.
	if r := second[0]; r.Handed != 0 || r.NotModified != 1 || r.Err != nil {
		t.Errorf("greenhouse, second run: %+v", r)
	}
	if r := second[1]; r.Handed != 3 || r.NotModified != 2 || r.Err != nil || r.Errors != 0 {
		t.Errorf("site, second run: handed %d, not modified %d, err %v, errors %d; want 3 (start page, link-only page, changed page), 2",
			r.Handed, r.NotModified, r.Err, r.Errors)
	}
	if n := c.get("/careers/jobs/1"); n != 2 {
		t.Errorf("/careers/jobs/1 requested %d times, want 2", n)
	}
	// Without a cache, every request is unconditional.
	opts.Cache = nil
	if r := run()[0]; r.Handed != 1 || r.NotModified != 0 {
		t.Errorf("without a cache: %+v", r)
	}
}
