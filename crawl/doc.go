// Package crawl fetches job postings from public job-board APIs and career
// sites and hands the raw response bodies to a [Sink]. It knows nothing of
// posting formats: package extract parses what crawl hands on, using
// [Page.Format] as a hint. Keeping raw bodies means that changing the
// parsing never needs a re-download.
//
// Use:
//
//	t, err := crawl.ParseTarget("greenhouse", "gitlab")
//	...
//	c := crawl.New(crawl.Options{Contact: "me@example.com"}, store)
//	for _, r := range c.Run(ctx, []crawl.Target{t}) {
//		// r.Err: the source failed as a whole; r.Problems: single pages
//	}
//
// # Sources
//
// Each [Target] is fetched by an adapter. API hosts can be overridden with
// [Target.BaseURL] (tests, proxies).
//
//   - greenhouse: GET {base}/v1/boards/{token}/jobs?content=true, base
//     https://boards-api.greenhouse.io. One page, the whole board.
//   - lever: GET {base}/v0/postings/{site}?mode=json&skip=N&limit=100, base
//     https://api.lever.co. A board value "eu:SITE" (or a jobs.eu.lever.co URL)
//     selects https://api.eu.lever.co. One page per 100 postings; the next
//     page is asked for while a page holds exactly 100.
//   - ashby: GET {base}/posting-api/job-board/{board}?includeCompensation=true,
//     base https://api.ashbyhq.com. One page.
//   - smartrecruiters: GET {base}/v1/companies/{id}/postings?offset=N&limit=100
//     (base https://api.smartrecruiters.com), paged by totalFound, then
//     GET {base}/v1/companies/{id}/postings/{postingId} for each posting; one
//     page per posting detail (the list holds no descriptions and is not
//     handed on).
//   - workable: GET {base}/api/v1/widget/accounts/{account}?details=true, base
//     https://apply.workable.com. One page.
//   - recruitee: GET https://{company}.recruitee.com/api/offers/ (with BaseURL:
//     {base}/api/offers/). One page.
//   - site: a career page. robots.txt is read (rules, Crawl-delay, Sitemap
//     lines), sitemaps (urlset, sitemapindex, .xml.gz) are read from robots.txt
//     and {origin}/sitemap.xml, and a[href] (and area[href]) links, read
//     as an HTML tokenizer reads them and resolved against the page URL or its <base>,
//     are followed within the host and path scope (see below). Every HTML page fetched is handed on
//     as Format "html"; sitemaps are not.
//   - feed: an RSS or Atom feed, handed on as Format "feed"; each item's link
//     on the same host is then fetched and handed on as "html".
//
// # Scope of a site crawl
//
// Links and sitemap entries are followed when they are http(s), on the start
// URL's host (or its www./bare twin, same port), and either under the start
// URL's path ("/careers" and "/careers/" both scope to "/careers/...", a file
// such as "/jobs/index.html" scopes to "/jobs/...") or with a job-like word in
// the path (job, career, position, opening, vacanc, posting, stelle). Obvious
// binaries (.pdf, images, archives, ...) are skipped. All sitemaps (at most
// 100) are read before any page is fetched; then at most MaxPages pages
// are fetched per site. The sets of URLs seen are capped at the same
// numbers, so memory stays bounded (about 100 bytes a URL).
// colly's own visited store is not used (AllowURLRevisit), which also lets
// retries re-request a URL.
//
// # Politeness
//
// Requests carry an honest User-Agent (Options.UserAgent plus Contact). Each
// target gets its own colly collector with a LimitRule (Parallelism, Delay,
// RandomDelay = Delay/2); targets on the same host run one after the other,
// targets on different hosts run concurrently (Options.Concurrency). For site
// and feed targets robots.txt is obeyed unless IgnoreRobots: it is fetched
// once per host and run, with the package's own client path (colly's check
// neither exposes Crawl-delay nor treats a 5xx robots.txt as "disallow all"),
// and its Crawl-delay, capped at MaxRetryAfter, spaces all requests to that
// host. A robots.txt answering 5xx (after retries) or not at all stops the
// crawl of that site. The documented board APIs are not crawled pages and
// are not checked against robots.txt.
//
// # Faults
//
// 429 and 503 are retried after Retry-After (seconds or an HTTP date, capped at
// MaxRetryAfter) or, without it, after backoff; other 5xx, timeouts and
// connection errors are retried with exponential backoff and jitter, up to
// Retries times. Other 4xx are not retried; a 404 or 410 on a board API is
// reported as "board not found". Bodies larger than MaxBody (counted after
// decompression, so gzip bombs are refused too) are an error for that page,
// never handed on truncated. Redirects are followed only to http(s) URLs on
// the target's hosts, at most 10 in a row. Each request, body included, ends
// at Timeout. Cancelling the context stops the crawl promptly (within one
// Delay); pages already handed to the sink stay handed.
//
// # Re-crawls
//
// With Options.Cache, URLs that stand for postings (board API responses,
// pages listed in a sitemap, feed items' pages, SmartRecruiters postings)
// are asked for with the validators of the last saved response
// (If-None-Match, If-Modified-Since); a 304 answer is counted in
// Result.NotModified and not handed on. robots.txt, sitemaps, feeds, the
// start page and pages found only through links are always fetched in
// full, so that nothing they lead to is missed. A Lever page answered 304
// is taken as full, so the next page is still asked for. Pages carry their
// validators (Page.ETag, Page.LastModified, keyed by Page.RequestURL); the
// sink saves them once the page's postings are safe. See Cache.
//
// # Concurrency
//
// The Sink and Progress methods are never called concurrently: a Crawler
// serialises its calls to them, across all targets.
package crawl
