package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/parser"
	"github.com/spf13/cobra"

	"github.com/jobgap/jobgap/crawl"
	"github.com/jobgap/jobgap/extract"
	"github.com/jobgap/jobgap/extract/taxonomy"
)

type crawlOptions struct {
	Titles       []string
	Boards       map[string][]string // kind -> boards or URLs from the flags
	Sources      string
	APIBase      []string // kind=URL
	Limit        int
	Delay        time.Duration
	Parallel     int
	Timeout      time.Duration
	Retries      int
	MaxBody      int
	UserAgent    string
	Contact      string
	IgnoreRobots bool
	NoCache      bool
	Format       string
}

// crawlKinds are the source kinds with a flag of their own.
var crawlKinds = []struct{ kind, value, help string }{
	{crawl.KindGreenhouse, "TOKEN", "Greenhouse board token"},
	{crawl.KindLever, "SITE", "Lever site (eu:SITE for EU tenants)"},
	{crawl.KindAshby, "BOARD", "Ashby job board name"},
	{crawl.KindSmartRecruiters, "ID", "SmartRecruiters company id"},
	{crawl.KindWorkable, "ACCOUNT", "Workable account"},
	{crawl.KindRecruitee, "COMPANY", "Recruitee company"},
	{crawl.KindSite, "URL", "career site to crawl within its host"},
	{crawl.KindFeed, "URL", "RSS or Atom job feed"},
}

func init() { commands = append(commands, newCrawlCmd) }

func newCrawlCmd(g *globalOptions) *cobra.Command {
	opts := crawlOptions{Boards: map[string][]string{}}
	c := &cobra.Command{
		Use:   "crawl [--title T]... [--greenhouse TOKEN]... [--lever SITE]... [--ashby BOARD]... [--site URL]... [--sources FILE]",
		Short: "Gather postings from job boards and career sites into the corpus, politely",
		Long: `crawl fetches postings from public job-board APIs and career sites and
saves them into the corpus as they arrive. It obeys robots.txt (and its
Crawl-delay) on career sites and feeds, waits between requests to a host,
retries failures with backoff, honours Retry-After, and never follows a
redirect off the source's host. A second run asks each source for what
changed since (ETag, Last-Modified), saves only what changed, and never
saves a posting twice; the same job found on two boards is saved twice
but counted once (see "duplicates" in the summary).

A sources file (YAML) keeps a watch list:

  titles: [Product Owner, Product Manager]   # optional; as --title
  contact: mailto:you@example.com            # optional; as --contact
  sources:
    - greenhouse: gitlab
    - lever: matchgroup
    - ashby: ramp
    - smartrecruiters: Ubisoft2
    - site: https://careers.example.com/jobs
    - feed: https://example.com/jobs.rss
    - greenhouse: acme
      base_url: https://proxy.internal/greenhouse   # optional API host`,
		Args: noArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			for _, k := range crawlKinds {
				v, _ := c.Flags().GetStringArray(k.kind)
				opts.Boards[k.kind] = v
			}
			return runCrawl(c.Context(), g, opts)
		},
	}
	f := c.Flags()
	f.StringArrayVar(&opts.Titles, "title", nil, "keep only postings for this title (repeatable)")
	for _, k := range crawlKinds {
		f.StringArray(k.kind, nil, k.help+" (repeatable)")
	}
	f.StringVar(&opts.Sources, "sources", "", "YAML file listing the sources to crawl")
	f.StringArrayVar(&opts.APIBase, "api-base", nil, "KIND=URL: use URL as the API host for KIND (tests, proxies)")
	f.IntVar(&opts.Limit, "limit", 0, "at most N pages saved per source (0: no limit)")
	f.DurationVar(&opts.Delay, "delay", time.Second, "wait between requests to one host (0: none)")
	f.IntVar(&opts.Parallel, "parallel", 2, "requests in flight per host")
	f.DurationVar(&opts.Timeout, "timeout", 30*time.Second, "per request")
	f.IntVar(&opts.Retries, "retries", 3, "retries of a failed request")
	f.IntVar(&opts.MaxBody, "max-body", 8<<20, "largest response accepted, in bytes")
	f.StringVar(&opts.UserAgent, "user-agent", "", "User-Agent (default names jobgap and its home page)")
	f.StringVar(&opts.Contact, "contact", "", "contact URL or email appended to the User-Agent")
	f.BoolVar(&opts.IgnoreRobots, "ignore-robots", false, "do not obey robots.txt (only for sites you own)")
	f.BoolVar(&opts.NoCache, "no-cache", false, "fetch every page in full, even those unchanged since the last crawl")
	f.StringVar(&opts.Format, "format", formatTable, "summary as table, markdown, csv or json")
	return c
}

// sourcesFile is the YAML watch list read by --sources.
type sourcesFile struct {
	Titles  []string            `yaml:"titles"`
	Contact string              `yaml:"contact"`
	Sources []map[string]string `yaml:"sources"`
}

// readSources reads a watch list into targets, with errors naming the file
// and line.
func readSources(path string) (sourcesFile, []crawl.Target, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return sourcesFile{}, nil, fmt.Errorf("read sources: %w", err)
	}
	var sf sourcesFile
	if err := yaml.UnmarshalWithOptions(b, &sf, yaml.Strict()); err != nil {
		return sourcesFile{}, nil, usagef("%s: %s", path, yaml.FormatError(err, false, true))
	}
	// where names an entry as FILE:LINE, for errors.
	file, _ := parser.ParseBytes(b, 0)
	where := func(i int) string {
		if file != nil {
			if p, err := yaml.PathString(fmt.Sprintf("$.sources[%d]", i)); err == nil {
				if n, err := p.FilterFile(file); err == nil && n != nil && n.GetToken() != nil {
					return fmt.Sprintf("%s:%d", path, n.GetToken().Position.Line)
				}
			}
		}
		return fmt.Sprintf("%s: sources[%d]", path, i)
	}
	var targets []crawl.Target
	for i, s := range sf.Sources {
		base := s["base_url"]
		var kinds []string
		for k := range s {
			if k != "base_url" {
				kinds = append(kinds, k)
			}
		}
		slices.Sort(kinds)
		if len(kinds) != 1 {
			return sf, nil, usagef("%s: want exactly one of %s (and optionally base_url), got %v", where(i), kindNames(), kinds)
		}
		t, err := crawl.ParseTarget(kinds[0], s[kinds[0]])
		if err != nil {
			return sf, nil, usagef("%s: %v", where(i), err)
		}
		if base != "" {
			t.BaseURL = base
			if err := t.Validate(); err != nil {
				return sf, nil, usagef("%s: %v", where(i), err)
			}
		}
		targets = append(targets, t)
	}
	return sf, targets, nil
}

func kindNames() string {
	var names []string
	for _, k := range crawlKinds {
		names = append(names, k.kind)
	}
	return strings.Join(names, ", ")
}

func runCrawl(ctx context.Context, g *globalOptions, opts crawlOptions) error {
	if err := checkFormat(opts.Format, formatTable, formatMarkdown, formatCSV, formatJSON); err != nil {
		return err
	}
	if opts.Format == formatJSON {
		g.Quiet = true
	}
	var targets []crawl.Target
	titles, contact := opts.Titles, opts.Contact
	if opts.Sources != "" {
		sf, ts, err := readSources(opts.Sources)
		if err != nil {
			return err
		}
		targets = append(targets, ts...)
		titles = append(titles, sf.Titles...)
		if contact == "" {
			contact = sf.Contact
		}
	}
	for _, k := range crawlKinds {
		for _, v := range opts.Boards[k.kind] {
			t, err := crawl.ParseTarget(k.kind, v)
			if err != nil {
				return usagef("--%s %q: %v", k.kind, v, err)
			}
			targets = append(targets, t)
		}
	}
	if len(targets) == 0 {
		return usagef("crawl needs a source: --greenhouse, --lever, --ashby, --smartrecruiters, --workable, --recruitee, --site, --feed or --sources FILE")
	}
	bases := map[string]string{}
	for _, kv := range opts.APIBase {
		k, v, ok := strings.Cut(kv, "=")
		if !ok || v == "" || !slices.ContainsFunc(crawlKinds, func(c struct{ kind, value, help string }) bool { return c.kind == k }) {
			return usagef("--api-base %q: want KIND=URL with KIND one of %s", kv, kindNames())
		}
		bases[k] = v
	}
	for i := range targets {
		if b, ok := bases[targets[i].Kind]; ok && targets[i].BaseURL == "" {
			targets[i].BaseURL = b
		}
	}

	tax, err := g.taxonomy()
	if err != nil {
		return err
	}
	x, err := g.extractor()
	if err != nil {
		return err
	}
	keep := titleKeeper(tax, titles, g.io.Err)
	store, err := g.openStore(ctx)
	if err != nil {
		return err
	}
	defer store.Close()

	bar := g.progress(-1, "crawling")
	in := newIngester(store, x)
	in.keep = keep
	in.ignoreNoPosting = true
	in.cache = store.HTTPCache()
	var cache crawl.Cache
	if !opts.NoCache {
		cache = in.cache
	}
	delay := opts.Delay
	if delay == 0 {
		delay = -1 // crawl.Options: 0 means the default, negative none
	}
	results, flushErr := crawlAndSave(ctx, in, crawl.Options{
		UserAgent:    opts.UserAgent,
		Contact:      contact,
		Delay:        delay,
		Parallelism:  opts.Parallel,
		Timeout:      opts.Timeout,
		MaxBody:      opts.MaxBody,
		Retries:      opts.Retries,
		IgnoreRobots: opts.IgnoreRobots,
		Limit:        opts.Limit,
		Progress:     barProgress{bar},
		Cache:        cache,
	}, targets)
	bar.Finish()
	sums := in.summaries(results)
	if opts.Format == formatJSON {
		if err := writeJSON(g.io.Out, map[string]any{"sources": sums}); err != nil {
			return err
		}
	} else if err := writeSources(g.io.Out, sums, opts.Format); err != nil {
		return err
	}
	in.printErrors(g.io.Err)
	for _, r := range results {
		for _, p := range r.Problems {
			fmt.Fprintf(g.io.Err, "problem: %v\n", p)
		}
	}
	if flushErr != nil {
		return flushErr
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	failed, pages := 0, 0
	for _, s := range sums {
		if s.Error != "" {
			failed++
		} else {
			pages += s.Failed
		}
	}
	switch {
	case failed > 0:
		return &partialError{failed: failed, what: "sources"}
	case pages > 0:
		return &partialError{failed: pages, what: "pages or records"}
	}
	return nil
}

// titleKeeper returns the predicate that keeps postings of the given
// titles (nil: keep all). A known title keeps its family; an unknown one
// keeps titles containing its words in order, and says so on w.
func titleKeeper(tax *taxonomy.Taxonomy, titles []string, w io.Writer) func(extract.Posting) bool {
	if len(titles) == 0 {
		return nil
	}
	families := map[string]bool{}
	var phrases []string
	for _, t := range titles {
		f := titleFilter(tax, t, w)
		if f.Family != "" {
			families[f.Family] = true
		} else if ph := titleWords(f.TitlePhrase); ph != "" {
			phrases = append(phrases, ph)
		}
	}
	return func(p extract.Posting) bool {
		if families[p.Family] {
			return true
		}
		words := " " + titleWords(p.Title) + " "
		for _, ph := range phrases {
			if strings.Contains(words, " "+ph+" ") {
				return true
			}
		}
		return false
	}
}

// titleWords lower-cases s and keeps its words, one space apart.
func titleWords(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ")
}
