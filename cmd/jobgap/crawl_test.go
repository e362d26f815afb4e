package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/jobgap/jobgap/corpus"
	"github.com/jobgap/jobgap/demo"
	"github.com/jobgap/jobgap/extract"
	"github.com/jobgap/jobgap/extract/taxonomy"
)

// etagged gives every 200 answer an ETag (a hash of the body) and answers
// 304 to a request whose If-None-Match holds it, as real boards and CDNs
// do. demo.Handler sends no validators of its own.
func etagged(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, r)
		maps.Copy(w.Header(), rec.Header())
		if rec.Code == http.StatusOK {
			etag := fmt.Sprintf(`"%x"`, sha256.Sum256(rec.Body.Bytes()))
			w.Header().Set("ETag", etag)
			if r.Header.Get("If-None-Match") == etag {
				w.WriteHeader(http.StatusNotModified)
				return
			}
		}
		w.WriteHeader(rec.Code)
		w.Write(rec.Body.Bytes())
	})
}

// demoArgs are the crawl flags for every board and the site of the demo
// server at base.
func demoArgs(base string) []string {
	var args []string
	for _, s := range demo.Sources(base) {
		_, board, _ := strings.Cut(s.Board, ":")
		if s.Kind == "site" {
			args = append(args, "--site", s.URL)
		} else {
			args = append(args, "--"+s.Kind, board)
		}
	}
	for _, k := range []string{"greenhouse", "lever", "ashby"} {
		args = append(args, "--api-base", k+"="+base)
	}
	return append(args, "--delay", "0", "--retries", "1", "--format", "json")
}

type crawlOut struct {
	Sources []sourceSummary `json:"sources"`
}

func crawlJSON(t *testing.T, out string) crawlOut {
	t.Helper()
	var res crawlOut
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("crawl json: %v\n%s", err, out)
	}
	return res
}

func sum(ss []sourceSummary, f func(sourceSummary) int) int {
	n := 0
	for _, s := range ss {
		n += f(s)
	}
	return n
}

// storedTitles opens the corpus in dir and returns the sorted titles of
// all postings in it (duplicates included), and the number counted.
func storedTitles(t *testing.T, dir string) ([]string, int) {
	t.Helper()
	ctx := context.Background()
	s, err := corpus.Open(ctx, dir, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var titles []string
	if err := s.Each(ctx, func(p extract.Posting) error {
		titles = append(titles, p.Title)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	slices.Sort(titles)
	c, err := s.Count(ctx, corpus.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	return titles, c.N
}

// TestCrawlDemoBoards crawls local servers speaking Greenhouse, Lever and
// Ashby plus a JSON-LD career site with a sitemap: it must collect exactly
// the Product Owner postings served, once each, and a second run must add
// nothing.
func TestCrawlDemoBoards(t *testing.T) {
	srv := httptest.NewServer(etagged(demo.Handler()))
	defer srv.Close()
	tax, err := taxonomy.Default()
	if err != nil {
		t.Fatal(err)
	}
	posts, err := demo.Load()
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, p := range posts {
		if fam, _ := tax.Classify(p.Title); fam == "product-owner" {
			want = append(want, p.Title)
		}
	}
	slices.Sort(want)
	if len(want) != 30 {
		t.Fatalf("the demo serves %d Product Owner postings, want 30", len(want))
	}

	data := t.TempDir()
	args := append([]string{"--data", data, "crawl", "--title", "Product Owner"}, demoArgs(srv.URL)...)
	out, errOut, code := runJobgap(t, args...)
	if code != 0 {
		t.Fatalf("crawl exit %d\n%s\n%s", code, out, errOut)
	}
	res := crawlJSON(t, out)
	if len(res.Sources) != 5 {
		t.Fatalf("%d sources in the summary, want 5", len(res.Sources))
	}
	for _, s := range res.Sources {
		if s.Error != "" || s.Failed != 0 || s.Pages == 0 {
			t.Errorf("source %+v", s)
		}
	}
	if n := sum(res.Sources, func(s sourceSummary) int { return s.New }); n != 30 {
		t.Errorf("saved %d new postings, want 30", n)
	}
	if n := sum(res.Sources, func(s sourceSummary) int { return s.Filtered }); n != 84-30 {
		t.Errorf("filtered %d postings, want %d", n, 84-30)
	}
	titles, counted := storedTitles(t, data)
	if !slices.Equal(titles, want) || counted != 30 {
		t.Errorf("stored %d postings (%d counted):\n%q\nwant the 30 served:\n%q", len(titles), counted, titles, want)
	}

	// Again: nothing new, nothing changed; the pages that hold only
	// Product Owner postings are not even fetched again.
	out, errOut, code = runJobgap(t, args...)
	if code != 0 {
		t.Fatalf("second crawl exit %d\n%s", code, errOut)
	}
	res = crawlJSON(t, out)
	for _, s := range res.Sources {
		if s.New != 0 || s.Updated != 0 || s.Error != "" || s.Failed != 0 {
			t.Errorf("second run, source %+v", s)
		}
	}
	notModified := sum(res.Sources, func(s sourceSummary) int { return s.NotModified })
	unchanged := sum(res.Sources, func(s sourceSummary) int { return s.Known })
	// The 30 PO postings are each either unchanged or on a page answered 304.
	site := res.Sources[len(res.Sources)-1]
	if notModified == 0 || site.NotModified == 0 || unchanged+site.NotModified != 30 {
		t.Errorf("second run: %d unchanged, %d not modified (site %d); want the 30 split between them",
			unchanged, notModified, site.NotModified)
	}
	if titles, counted := storedTitles(t, data); len(titles) != 30 || counted != 30 {
		t.Errorf("after the second run: %d stored, %d counted; want 30", len(titles), counted)
	}

	// --no-cache fetches everything again, and still adds nothing.
	out, _, code = runJobgap(t, append(args, "--no-cache")...)
	res = crawlJSON(t, out)
	if code != 0 || sum(res.Sources, func(s sourceSummary) int { return s.NotModified }) != 0 ||
		sum(res.Sources, func(s sourceSummary) int { return s.Known }) != 30 {
		t.Errorf("--no-cache: exit %d, %+v", code, res.Sources)
	}
}

// TestCrawlDuplicatesCountedOnce: the same job on two boards is saved
// from both, reported as a duplicate, and counted once by stats.
func TestCrawlDuplicatesCountedOnce(t *testing.T) {
	job := `{"id": %d, "title": "Product Owner", "company_name": "Acme", "absolute_url": "https://boards.example/acme/jobs/%d",
	  "location": {"name": "%s"}, "updated_at": "2026-03-01T10:00:00Z",
	  "content": "&lt;p&gt;Acme builds scheduling software for clinics. As Product Owner you own the backlog of the booking team, write user stories with acceptance criteria, run refinement and sprint reviews, and work with designers and engineers every day. You have three years of experience in Scrum teams and a CSPO certificate.&lt;/p&gt;"}`
	mux := http.NewServeMux()
	mux.HandleFunc("GET /v1/boards/acme/jobs", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `{"jobs": [`+job+`, `+job+`], "meta": {"total": 2}}`, 1, 1, "Berlin", 2, 2, "Munich")
	})
	mux.HandleFunc("GET /v1/boards/acme-eu/jobs", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `{"jobs": [`+job+`], "meta": {"total": 1}}`, 3, 3, "Berlin")
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	data := t.TempDir()
	out, errOut, code := runJobgap(t, "--data", data, "crawl", "--greenhouse", "acme", "--greenhouse", "acme-eu",
		"--api-base", "greenhouse="+srv.URL, "--delay", "0", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	res := crawlJSON(t, out)
	if n := sum(res.Sources, func(s sourceSummary) int { return s.New }); n != 3 {
		t.Errorf("new = %d, want 3 saved", n)
	}
	if n := sum(res.Sources, func(s sourceSummary) int { return s.Duplicates }); n != 2 {
		t.Errorf("duplicates = %d, want 2 (once per city, and on the second board)", n)
	}
	out, errOut, code = runJobgap(t, "--data", data, "stats", "--title", "Product Owner", "--format", "json")
	if code != 0 || !strings.Contains(out, `"postings": 1`) {
		t.Errorf("stats: exit %d, want 1 posting counted\n%s\n%s", code, out, errOut)
	}
}

// faultServer serves one good Greenhouse board and boards that fail in
// each way a real one can.
func faultServer(t *testing.T) *httptest.Server {
	good, err := os.ReadFile(filepath.Join("..", "..", "crawl", "testdata", "greenhouse_board.json"))
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /v1/boards/good/jobs", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write(good)
	})
	mux.HandleFunc("GET /v1/boards/broken/jobs", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"jobs": [{"id": 1, "title": "Product Owner",`)
	})
	mux.HandleFunc("GET /v1/boards/down/jobs", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "oops", http.StatusInternalServerError)
	})
	mux.HandleFunc("GET /v1/boards/silent/jobs", func(w http.ResponseWriter, r *http.Request) {
		<-r.Context().Done() // never answers; the client gives up
	})
	mux.HandleFunc("/", http.NotFound)
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

// TestCrawlFaults: each failing source gets its own summary line saying
// what went wrong, the good source's postings are saved, and the run
// exits 3.
func TestCrawlFaults(t *testing.T) {
	srv := faultServer(t)
	data := t.TempDir()
	args := []string{"--data", data, "crawl", "--api-base", "greenhouse=" + srv.URL, "--delay", "0",
		"--retries", "1", "--timeout", "300ms"}
	for _, b := range []string{"good", "nosuchboard", "down", "broken", "silent"} {
		args = append(args, "--greenhouse", b)
	}
	args = append(args, "--format", "json")
	out, errOut, code := runJobgap(t, args...)
	if code != exitPartial {
		t.Fatalf("exit %d, want %d\n%s\n%s", code, exitPartial, out, errOut)
	}
	res := crawlJSON(t, out)
	want := map[string]string{
		"greenhouse:good":        "",
		"greenhouse:nosuchboard": "board not found (HTTP 404",
		"greenhouse:down":        "HTTP 500",
		"greenhouse:broken":      "invalid JSON",
		"greenhouse:silent":      "request timed out",
	}
	for _, s := range res.Sources {
		w, ok := want[s.Source]
		if !ok {
			t.Errorf("unexpected source %q", s.Source)
			continue
		}
		delete(want, s.Source)
		if w == "" && (s.Error != "" || s.New == 0) || w != "" && !strings.Contains(s.Error, w) {
			t.Errorf("%s: error %q, new %d; want an error containing %q", s.Source, s.Error, s.New, w)
		}
	}
	if len(want) != 0 {
		t.Errorf("no summary line for %v", want)
	}
	if !strings.Contains(errOut, "finished with 4 failed sources") {
		t.Errorf("stderr does not count the failed sources:\n%s", errOut)
	}
	if titles, _ := storedTitles(t, data); len(titles) == 0 {
		t.Error("the good board's postings were not saved")
	}

	// The table says the same, one line per source.
	args[len(args)-1] = "table"
	out, _, _ = runJobgap(t, args...)
	for _, s := range []string{"greenhouse:nosuchboard", "greenhouse:down", "greenhouse:broken", "greenhouse:silent"} {
		line := ""
		for l := range strings.SplitSeq(out, "\n") {
			if strings.HasPrefix(l, s+" ") {
				line = l
			}
		}
		if line == "" || !strings.Contains(line, "HTTP") && !strings.Contains(line, "JSON") && !strings.Contains(line, "timed out") {
			t.Errorf("table line for %s = %q", s, line)
		}
	}
}

// TestCrawlInterrupted: cancelling the run (Ctrl-C) keeps every posting
// already saved, and exits 130.
func TestCrawlInterrupted(t *testing.T) {
	demoSrv := demo.Handler()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var site atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/careers/") && r.URL.Path != "/careers/" {
			// The fifth posting page is where the user loses patience.
			if site.Add(1) == 5 {
				cancel()
				<-r.Context().Done()
				return
			}
		}
		demoSrv.ServeHTTP(w, r)
	}))
	defer srv.Close()
	data := t.TempDir()
	args := []string{"--data", data, "crawl", "--greenhouse", "northwind", "--api-base", "greenhouse=" + srv.URL,
		"--site", srv.URL + "/careers/", "--delay", "0", "--parallel", "1", "--format", "json"}
	var out, errb bytes.Buffer
	code := exitCode(run(ctx, args, &IO{In: strings.NewReader(""), Out: &out, Err: &errb}), &IO{Out: &out, Err: &errb})
	if code != exitInterrupted {
		t.Fatalf("exit %d, want %d\n%s\n%s", code, exitInterrupted, out.String(), errb.String())
	}
	res := crawlJSON(t, out.String())
	saved := sum(res.Sources, func(s sourceSummary) int { return s.New })
	titles, _ := storedTitles(t, data)
	if saved == 0 || len(titles) != saved {
		t.Errorf("summary says %d saved, the corpus holds %d", saved, len(titles))
	}
	if len(titles) >= 84 {
		t.Errorf("the crawl was not interrupted: %d postings", len(titles))
	}
}

func TestCrawlSourcesFile(t *testing.T) {
	srv := httptest.NewServer(demo.Handler())
	defer srv.Close()
	dir := t.TempDir()
	write := func(s string) string {
		p := filepath.Join(dir, "boards.yaml")
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	for _, c := range []struct{ file, msg string }{
		{"sources:\n  - greenhouse: northwind\n  - lever: kestrel\n    ashby: brightpath\n", "boards.yaml:3: want exactly one of"},
		{"sources:\n  - greenhouse: northwind\n\n  - greenhouse: 'not a token'\n", "boards.yaml:4: greenhouse board \"not a token\""},
		{"sources:\n  - site: ftp://example.com/\n", "boards.yaml:2: site URL"},
		{"sources:\n  - greenhouse: northwind\n    base_url: localhost\n", "boards.yaml:2: greenhouse base URL"},
		{"titles: [PO]\nsourcez:\n  - greenhouse: x\n", "boards.yaml"},
		{"sources:\n  - greenhouse: [a, b]\n", "boards.yaml"},
	} {
		_, errOut, code := runJobgap(t, "--data", filepath.Join(dir, "data"), "crawl", "--sources", write(c.file))
		if code != exitUsage || !strings.Contains(errOut, c.msg) {
			t.Errorf("sources file\n%s: exit %d, stderr %q; want 2 and %q", c.file, code, errOut, c.msg)
		}
	}
	// A good watch list, with base_url per source and titles.
	p := write(fmt.Sprintf("titles: [Product Owner]\nsources:\n  - greenhouse: northwind\n    base_url: %[1]s\n  - lever: kestrel\n    base_url: %[1]s\n", srv.URL))
	out, errOut, code := runJobgap(t, "--data", filepath.Join(dir, "data"), "crawl", "--sources", p, "--delay", "0", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	res := crawlJSON(t, out)
	if len(res.Sources) != 2 || sum(res.Sources, func(s sourceSummary) int { return s.New }) == 0 ||
		sum(res.Sources, func(s sourceSummary) int { return s.Filtered }) == 0 {
		t.Errorf("watch list crawl: %+v", res.Sources)
	}
}
