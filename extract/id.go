package extract

import (
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"strings"
)

// idPrefixes are the short id prefixes of the known source kinds.
var idPrefixes = map[string]string{
	"greenhouse":      "gh",
	"lever":           "lv",
	"ashby":           "ab",
	"smartrecruiters": "sr",
	"site":            "site",
	"file":            "file",
}

// PostingID returns a stable, filesystem-safe id ([a-z0-9-], at most 40
// bytes) for a posting, so that importing the same posting twice gives the
// same id:
//
//   - with a source id: prefix of the source kind + "-" + hash of
//     Raw.Source + ":" + SourceID ("gh-3f2a…"). For a source that names no
//     board (no ':' in it, e.g. "file"), the company is hashed too, since
//     such ids are only unique within one company.
//   - else with a URL: "u-" + hash of the normalised URL (scheme and host
//     lower-cased, http as https, default port, fragment, utm_* and other
//     tracking parameters, and trailing slash dropped; parameters sorted).
//   - else: "c-" + hash of title, company and description, white space
//     collapsed and lower-cased.
//
// The hash is the first 16 hex digits of SHA-256.
func PostingID(p Posting, r Raw) string {
	sourceID := r.SourceID
	if sourceID == "" {
		sourceID = p.SourceID
	}
	u := r.URL
	if u == "" {
		u = p.URL
	}
	source := r.Source
	if source == "" {
		source = p.Source
	}
	switch {
	case sourceID != "":
		kind, _, hasBoard := strings.Cut(source, ":")
		key := source + ":" + sourceID
		if !hasBoard {
			key = source + ":" + normText(p.Company) + ":" + sourceID
		}
		return idPrefix(kind) + "-" + shortHash(key)
	case u != "":
		return "u-" + shortHash(NormalizeURL(u))
	}
	return "c-" + shortHash(normText(p.Title)+"\x00"+normText(p.Company)+"\x00"+normText(p.Description))
}

func idPrefix(kind string) string {
	kind = strings.ToLower(kind)
	if p, ok := idPrefixes[kind]; ok {
		return p
	}
	var b strings.Builder
	for _, r := range kind {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
		}
		if b.Len() == 12 {
			break
		}
	}
	if b.Len() == 0 {
		return "x"
	}
	return b.String()
}

func shortHash(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:8])
}

func normText(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(s)), " ")
}

// trackingParams are query parameters that do not change the page.
var trackingParams = map[string]bool{
	"gclid": true, "fbclid": true, "msclkid": true, "mc_cid": true, "mc_eid": true,
	"gh_src": true, "ref": true, "source": true, "src": true,
}

// NormalizeURL returns u in the form PostingID hashes: scheme and host
// lower-cased, "http" as "https", default ports, the fragment, tracking
// parameters (utm_*, gclid, fbclid, gh_src, ref, source, ...) and a
// trailing slash dropped, and the other parameters sorted. A string that
// does not parse as an absolute URL is returned trimmed.
func NormalizeURL(u string) string {
	u = strings.TrimSpace(u)
	pu, err := url.Parse(u)
	if err != nil || pu.Host == "" {
		return u
	}
	pu.Scheme = strings.ToLower(pu.Scheme)
	if pu.Scheme == "http" {
		pu.Scheme = "https"
	}
	host := strings.ToLower(pu.Host)
	host = strings.TrimSuffix(host, ":443")
	host = strings.TrimSuffix(host, ":80")
	pu.Host = host
	pu.Fragment, pu.RawFragment = "", ""
	pu.User = nil
	q := pu.Query()
	for k := range q {
		lk := strings.ToLower(k)
		if strings.HasPrefix(lk, "utm_") || trackingParams[lk] {
			q.Del(k)
		}
	}
	pu.RawQuery = q.Encode() // sorted by key
	pu.Path = strings.TrimRight(pu.Path, "/")
	pu.RawPath = ""
	return pu.String()
}
