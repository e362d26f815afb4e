package extract

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
)

// This file splits the Workable widget API, the Recruitee offers API and
// RSS/Atom job feeds. Their jobs map one-to-one onto schema.org
// JobPosting fields, so each becomes a FormatJobPosting record: the
// JobPosting the job maps to, with the source's own job object kept under
// the key "jobgap:source" (Parse ignores it; it is there so that a better
// mapping never needs a re-download).

// Kinds of document handled here (see detect in split.go).
const (
	kindWorkable  = "workable"
	kindRecruitee = "recruitee"
	kindFeed      = "feed"
)

// sourceKey holds the source's job object inside the JobPosting made of it.
const sourceKey = "jobgap:source"

// sniffAPI tells a Workable or Recruitee response apart from other JSON
// by its shape: a top-level "jobs" array whose first job has a
// "shortcode" (Workable), or an "offers" array (Recruitee).
func sniffAPI(body []byte) string {
	var top struct {
		Jobs   []json.RawMessage `json:"jobs"`
		Offers []json.RawMessage `json:"offers"`
	}
	if json.Unmarshal(trimBOM(body), &top) != nil {
		return ""
	}
	for _, j := range top.Jobs {
		var m map[string]json.RawMessage
		if json.Unmarshal(j, &m) == nil && m != nil {
			if _, ok := m["shortcode"]; ok {
				return kindWorkable
			}
			break
		}
	}
	if top.Offers != nil {
		return kindRecruitee
	}
	return ""
}

// apiJobs reads a JSON object whose array field key holds the jobs; it
// reports a broken document and returns nil.
func (s *splitter) apiJobs(body []byte, key, what string) (*jsonTop, []jsonElem, lineIndex) {
	lines := newLineIndex(body)
	if len(bytes.TrimSpace(body)) == 0 {
		s.fail(0, fmt.Errorf("empty %s response", what))
		return nil, nil, lines
	}
	if !json.Valid(body) {
		s.fail(jsonSyntaxError(body, lines))
		return nil, nil, lines
	}
	top, err := readJSONTop(body)
	if err != nil {
		s.fail(1, err)
		return nil, nil, lines
	}
	elems, ok := top.arrays[key]
	if top.isArray || !ok {
		s.fail(1, fmt.Errorf("%w: a %s response is an object with a %q array", ErrUnknownFormat, what, key))
		return nil, nil, lines
	}
	return top, elems, lines
}

// jobObject decodes one job of an API response, reporting what is not an
// object.
func (s *splitter) jobObject(line int, raw json.RawMessage, what string) map[string]any {
	v, err := decodeJSON(raw)
	if err != nil {
		s.fail(line, err)
		return nil
	}
	m, ok := v.(map[string]any)
	if !ok {
		s.fail(line, fmt.Errorf("%s is a JSON %s, not an object", what, jsonKind(v)))
		return nil
	}
	return m
}

// workable splits GET /api/v1/widget/accounts/{account}?details=true:
// {name, description, jobs: [{title, shortcode, employment_type,
// telecommuting, url, shortlink, published_on, created_at, city, state,
// country, locations: [{city, region, country, countryCode}],
// description, requirements?, benefits?}]}. The account name is the
// company.
func (s *splitter) workable(body []byte) {
	top, jobs, lines := s.apiJobs(trimBOM(body), "jobs", "Workable widget")
	if top == nil {
		return
	}
	var company string
	_ = json.Unmarshal(top.fields["name"], &company)
	for i, e := range jobs {
		line := lines.line(e.off)
		m := s.jobObject(line, e.raw, fmt.Sprintf("job %d", i+1))
		if m == nil {
			continue
		}
		jp := newJobPosting(m)
		jp["title"] = jstr(m["title"])
		jp["description"] = joinHTML(jstr(m["description"]), jstr(m["requirements"]), jstr(m["benefits"]))
		setNonEmpty(jp, "employmentType", jstr(m["employment_type"]))
		setNonEmpty(jp, "datePosted", firstNonEmpty(jstr(m["published_on"]), jstr(m["created_at"])))
		u := firstNonEmpty(jstr(m["url"]), jstr(m["shortlink"]))
		setNonEmpty(jp, "url", u)
		if company != "" {
			jp["hiringOrganization"] = map[string]any{"@type": "Organization", "name": company}
		}
		var places []any
		for _, l := range jlist(m["locations"]) {
			if lm, ok := l.(map[string]any); ok {
				places = appendPlace(places, jstr(lm["city"]), jstr(lm["region"]), jstr(lm["country"]))
			}
		}
		if len(places) == 0 {
			places = appendPlace(places, jstr(m["city"]), jstr(m["state"]), jstr(m["country"]))
		}
		if len(places) > 0 {
			jp["jobLocation"] = places
		}
		if jbool(m["telecommuting"]) || strings.EqualFold(jstr(m["workplace"]), "remote") {
			jp["jobLocationType"] = "TELECOMMUTE"
		}
		s.emit(FormatJobPosting, line, jstr(m["shortcode"]), resolveURL(s.doc.URL, u), encodeJSON(jp))
	}
}

// recruitee splits GET https://{company}.recruitee.com/api/offers/:
// {offers: [{id, slug, title, company_name, description, requirements,
// location, city, state_name, country, locations: [{city, state, country}],
// remote, employment_type_code, salary: {min, max, currency, period},
// careers_url, published_at, created_at, translations: {LANG: {title,
// description, requirements}}}]}. Salary amounts may be strings or null.
func (s *splitter) recruitee(body []byte) {
	top, offers, lines := s.apiJobs(trimBOM(body), "offers", "Recruitee offers")
	if top == nil {
		return
	}
	for i, e := range offers {
		line := lines.line(e.off)
		m := s.jobObject(line, e.raw, fmt.Sprintf("offer %d", i+1))
		if m == nil {
			continue
		}
		title, desc, reqs := jstr(m["title"]), jstr(m["description"]), jstr(m["requirements"])
		if title == "" || desc == "" {
			// Multi-language offers may leave the top level empty.
			tr, _ := m["translations"].(map[string]any)
			for _, lang := range sortedKeys(tr) {
				t, _ := tr[lang].(map[string]any)
				if t == nil || jstr(t["title"]) == "" {
					continue
				}
				title = firstNonEmpty(title, jstr(t["title"]))
				desc = firstNonEmpty(desc, jstr(t["description"]))
				reqs = firstNonEmpty(reqs, jstr(t["requirements"]))
				break
			}
		}
		jp := newJobPosting(m)
		jp["title"] = title
		jp["description"] = desc
		setNonEmpty(jp, "qualifications", reqs)
		setNonEmpty(jp, "employmentType", jstr(m["employment_type_code"]))
		setNonEmpty(jp, "datePosted", recruiteeTime(firstNonEmpty(jstr(m["published_at"]), jstr(m["created_at"]))))
		u := jstr(m["careers_url"])
		setNonEmpty(jp, "url", u)
		if c := jstr(m["company_name"]); c != "" {
			jp["hiringOrganization"] = map[string]any{"@type": "Organization", "name": c}
		}
		var places []any
		for _, l := range jlist(m["locations"]) {
			if lm, ok := l.(map[string]any); ok {
				places = appendPlace(places, jstr(lm["city"]), firstNonEmpty(jstr(lm["state"]), jstr(lm["state_name"])), jstr(lm["country"]))
			}
		}
		if len(places) == 0 {
			places = appendPlace(places, jstr(m["city"]), jstr(m["state_name"]), jstr(m["country"]))
		}
		if len(places) == 0 && jstr(m["location"]) != "" {
			places = append(places, map[string]any{"@type": "Place", "address": jstr(m["location"])})
		}
		if len(places) > 0 {
			jp["jobLocation"] = places
		}
		if jbool(m["remote"]) {
			jp["jobLocationType"] = "TELECOMMUTE"
		}
		if sal, ok := m["salary"].(map[string]any); ok {
			lo, okLo := jnum(sal["min"])
			hi, okHi := jnum(sal["max"])
			if (okLo && lo > 0) || (okHi && hi > 0) {
				v := map[string]any{"@type": "QuantitativeValue"}
				if okLo {
					v["minValue"] = lo
				}
				if okHi {
					v["maxValue"] = hi
				}
				setNonEmpty(v, "unitText", jstr(sal["period"]))
				jp["baseSalary"] = map[string]any{"@type": "MonetaryAmount", "currency": jstr(sal["currency"]), "value": v}
			}
		}
		s.emit(FormatJobPosting, line, jstr(m["id"]), resolveURL(s.doc.URL, u), encodeJSON(jp))
	}
}

// recruiteeTime turns "2026-01-21 09:00:00 UTC" into RFC 3339.
func recruiteeTime(t string) string {
	if d, ok := strings.CutSuffix(t, " UTC"); ok && len(d) == len("2006-01-02 15:04:05") {
		return strings.Replace(d, " ", "T", 1) + "Z"
	}
	return t
}

// feedItem is an RSS 2.0 / RSS 1.0 item or an Atom entry.
type feedItem struct {
	Title string `xml:"title"`
	Links []struct {
		Href string `xml:"href,attr"`
		Rel  string `xml:"rel,attr"`
		Text string `xml:",chardata"`
	} `xml:"link"`
	Description string   `xml:"description"`
	Encoded     string   `xml:"http://purl.org/rss/1.0/modules/content/ encoded"`
	Content     string   `xml:"content"`
	Summary     string   `xml:"summary"`
	PubDate     string   `xml:"pubDate"`
	Published   string   `xml:"published"`
	Updated     string   `xml:"updated"`
	Date        string   `xml:"http://purl.org/dc/elements/1.1/ date"`
	Creator     string   `xml:"http://purl.org/dc/elements/1.1/ creator"`
	Category    []string `xml:"category"`
}

func (it feedItem) link() string {
	for _, l := range it.Links {
		switch {
		case l.Href != "" && (l.Rel == "" || l.Rel == "alternate"):
			return strings.TrimSpace(l.Href)
		case l.Href == "" && strings.TrimSpace(l.Text) != "":
			return strings.TrimSpace(l.Text)
		}
	}
	return ""
}

// feed splits an RSS 2.0, RSS 1.0 (RDF) or Atom feed. Each item or entry
// with a title and a description (RSS description or content:encoded,
// Atom content or summary) becomes one record: the JobPosting of its
// title, description, link (the url, and so the posting's id: the page it
// links to gives the same id when it carries no identifier of its own)
// and date. Items without a description are left to the pages they link
// to, and are neither records nor errors.
func (s *splitter) feed() {
	body := toUTF8(trimBOM(s.doc.Body), s.doc.ContentType)
	lines := newLineIndex(body)
	d := xml.NewDecoder(bytes.NewReader(body))
	d.Strict = false
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil } // toUTF8 decoded it
	root := ""
	for {
		tok, err := d.Token()
		if err != nil {
			if errors.Is(err, io.EOF) {
				if root == "" {
					s.fail(0, fmt.Errorf("%w: empty feed", ErrUnknownFormat))
				}
				return
			}
			line, _ := d.InputPos()
			s.fail(line, fmt.Errorf("feed: %w", err))
			return
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if root == "" {
			root = se.Name.Local
			if root != "rss" && root != "RDF" && root != "feed" {
				s.fail(lines.line(0), fmt.Errorf("%w: root element <%s>: want <rss>, <rdf:RDF> or <feed>", ErrUnknownFormat, root))
				return
			}
			continue
		}
		if se.Name.Local != "item" && se.Name.Local != "entry" {
			continue
		}
		line, _ := d.InputPos()
		var it feedItem
		if err := d.DecodeElement(&it, &se); err != nil {
			s.fail(line, fmt.Errorf("feed %s: %w", se.Name.Local, err))
			return
		}
		desc := firstNonEmpty(strings.TrimSpace(it.Encoded), strings.TrimSpace(it.Description),
			strings.TrimSpace(it.Content), strings.TrimSpace(it.Summary))
		title := strings.TrimSpace(it.Title)
		if desc == "" || title == "" {
			continue
		}
		u := resolveURL(s.doc.URL, it.link())
		jp := map[string]any{"@context": "https://schema.org", "@type": "JobPosting", "title": title, "description": desc}
		setNonEmpty(jp, "url", u)
		setNonEmpty(jp, "datePosted", firstNonEmpty(it.Published, it.PubDate, it.Date, it.Updated))
		s.emit(FormatJobPosting, line, "", u, encodeJSON(jp))
	}
}

func newJobPosting(src map[string]any) map[string]any {
	return map[string]any{"@context": "https://schema.org", "@type": "JobPosting", sourceKey: src}
}

// appendPlace adds a Place with a PostalAddress unless every part is empty.
func appendPlace(places []any, city, region, country string) []any {
	if city == "" && region == "" && country == "" {
		return places
	}
	addr := map[string]any{"@type": "PostalAddress"}
	setNonEmpty(addr, "addressLocality", city)
	setNonEmpty(addr, "addressRegion", region)
	setNonEmpty(addr, "addressCountry", country)
	return append(places, map[string]any{"@type": "Place", "address": addr})
}

// joinHTML joins the non-empty HTML fragments.
func joinHTML(parts ...string) string {
	var out []string
	for _, p := range parts {
		if strings.TrimSpace(p) != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, "\n")
}

func setNonEmpty(m map[string]any, k, v string) {
	if v = strings.TrimSpace(v); v != "" {
		m[k] = v
	}
}

func firstNonEmpty(vs ...string) string {
	for _, v := range vs {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	// "en" first: most boards publish English, and the order must be stable.
	slices.SortFunc(keys, func(a, b string) int {
		switch {
		case a == b:
			return 0
		case a == "en":
			return -1
		case b == "en":
			return 1
		}
		return strings.Compare(a, b)
	})
	return keys
}
