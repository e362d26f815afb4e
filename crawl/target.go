package crawl

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
)

// Target kinds.
const (
	KindGreenhouse      = "greenhouse"
	KindLever           = "lever"
	KindAshby           = "ashby"
	KindSmartRecruiters = "smartrecruiters"
	KindWorkable        = "workable"
	KindRecruitee       = "recruitee"
	KindSite            = "site"
	KindFeed            = "feed"
)

// Default API hosts.
const (
	greenhouseBase      = "https://boards-api.greenhouse.io"
	leverBase           = "https://api.lever.co"
	leverEUBase         = "https://api.eu.lever.co"
	ashbyBase           = "https://api.ashbyhq.com"
	smartRecruitersBase = "https://api.smartrecruiters.com"
	workableBase        = "https://apply.workable.com"
)

// Target is one source to crawl. Board is the token of the API kinds; URL
// the start page of site and feed; BaseURL, when set, replaces the API
// host of an adapter (scheme://host[:port][/prefix], for tests and proxies).
type Target struct {
	Kind    string
	Board   string
	URL     string
	BaseURL string
}

var (
	boardRE     = regexp.MustCompile(`^[A-Za-z0-9_.-]+$`)
	subdomainRE = regexp.MustCompile(`^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$`)
)

var kinds = []string{KindGreenhouse, KindLever, KindAshby, KindSmartRecruiters, KindWorkable, KindRecruitee, KindSite, KindFeed}

// ParseTarget makes a Target from a kind and a value as a user writes them:
// a board token ("gitlab"), "eu:SITE" for a Lever EU tenant, a public board
// URL (boards.greenhouse.io/TOKEN, jobs.lever.co/SITE, jobs.ashbyhq.com/BOARD)
// or, for site and feed, an absolute http(s) URL.
func ParseTarget(kind, value string) (Target, error) {
	kind = strings.ToLower(strings.TrimSpace(kind))
	value = strings.TrimSpace(value)
	t := Target{Kind: kind}
	switch kind {
	case KindSite, KindFeed:
		t.URL = value
	case KindGreenhouse, KindLever, KindAshby, KindSmartRecruiters, KindWorkable, KindRecruitee:
		t.Board = value
		if strings.HasPrefix(value, "http://") || strings.HasPrefix(value, "https://") {
			b, base, ok := boardFromURL(kind, value)
			if !ok {
				return Target{}, fmt.Errorf("%s board %q: not a known %s board URL; give the board token instead (e.g. %q)", kind, value, kind, "acme")
			}
			t.Board, t.BaseURL = b, base
		} else if kind == KindLever && len(value) > 3 && strings.EqualFold(value[:3], "eu:") {
			t.Board, t.BaseURL = value[3:], leverEUBase
		}
	default:
		return Target{}, fmt.Errorf("target kind %q: want one of %s", kind, strings.Join(kinds, ", "))
	}
	if err := t.Validate(); err != nil {
		return Target{}, err
	}
	return t, nil
}

// boardFromURL takes the token from a public board page URL.
func boardFromURL(kind, raw string) (board, base string, ok bool) {
	u, err := url.Parse(raw)
	if err != nil {
		return "", "", false
	}
	seg, _, _ := strings.Cut(strings.TrimPrefix(u.Path, "/"), "/")
	host := strings.ToLower(u.Hostname())
	switch {
	case kind == KindGreenhouse && (host == "boards.greenhouse.io" || host == "job-boards.greenhouse.io"):
	case kind == KindLever && host == "jobs.lever.co":
	case kind == KindLever && host == "jobs.eu.lever.co":
		base = leverEUBase
	case kind == KindAshby && host == "jobs.ashbyhq.com":
	default:
		return "", "", false
	}
	return seg, base, seg != ""
}

// Validate checks a Target, however it was made (ParseTarget validates
// what it returns; a Target built by hand, or given a BaseURL later, may
// be checked with Validate).
func (t Target) Validate() error {
	switch t.Kind {
	case KindSite, KindFeed:
		u, err := url.Parse(t.URL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return fmt.Errorf("%s URL %q: want an absolute http or https URL (e.g. https://example.com/careers)", t.Kind, t.URL)
		}
	case KindGreenhouse, KindLever, KindAshby, KindSmartRecruiters, KindWorkable, KindRecruitee:
		if !boardRE.MatchString(t.Board) {
			return fmt.Errorf("%s board %q: want a token of letters, digits, '.', '_' or '-' (e.g. %q)", t.Kind, t.Board, "acme")
		}
		if t.Kind == KindRecruitee && t.BaseURL == "" && !subdomainRE.MatchString(t.Board) {
			return fmt.Errorf("recruitee company %q: want the subdomain of COMPANY.recruitee.com: letters, digits and '-'", t.Board)
		}
		if t.BaseURL != "" {
			u, err := url.Parse(t.BaseURL)
			if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
				return fmt.Errorf("%s base URL %q: want an absolute http or https URL (e.g. http://127.0.0.1:8080)", t.Kind, t.BaseURL)
			}
		}
	default:
		return fmt.Errorf("target kind %q: want one of %s", t.Kind, strings.Join(kinds, ", "))
	}
	return nil
}

// Source names the target in Pages and Results: "KIND:BOARD", or
// "site:HOST" and "feed:HOST".
func (t Target) Source() string {
	switch t.Kind {
	case KindSite, KindFeed:
		if u, err := url.Parse(t.URL); err == nil && u.Host != "" {
			return t.Kind + ":" + u.Host
		}
		return t.Kind + ":" + t.URL
	}
	return t.Kind + ":" + t.Board
}

// base is the API origin (and optional path prefix) of an adapter.
func (t Target) base() string {
	if t.BaseURL != "" {
		return strings.TrimRight(t.BaseURL, "/")
	}
	switch t.Kind {
	case KindGreenhouse:
		return greenhouseBase
	case KindLever:
		return leverBase
	case KindAshby:
		return ashbyBase
	case KindSmartRecruiters:
		return smartRecruitersBase
	case KindWorkable:
		return workableBase
	case KindRecruitee:
		return "https://" + strings.ToLower(t.Board) + ".recruitee.com"
	}
	return ""
}

// startURL is the first URL the target asks for.
func (t Target) startURL() string {
	switch t.Kind {
	case KindSite, KindFeed:
		return t.URL
	}
	return t.base() + "/"
}

// hostKey groups targets that must not run concurrently (same host).
func (t Target) hostKey() string {
	if u, err := url.Parse(t.startURL()); err == nil && u.Host != "" {
		return strings.ToLower(u.Host)
	}
	return t.Kind + ":" + t.Board + t.URL
}
