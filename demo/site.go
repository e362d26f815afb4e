package demo

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"html"
	"net/http"
	"slices"
	"strings"
	"time"
)

// The career site of the "site" postings: robots.txt, a sitemap, an index
// page and one page per posting carrying a schema.org JobPosting.
//
// A few pages carry the defects real career sites have, so the crawler
// and extractor meet them offline:
var (
	// nextJSPage has no ld+json tag: its JobPosting is inside a Next.js
	// flight-data push, as a JSON string.
	nextJSPage = "hl-pm-claims"
	// stringAddressPages give jobLocation.address as a plain string.
	stringAddressPages = []string{"hl-po-agent-portal", "hl-apm"}
	// repeatedAddressPage lists the same jobLocation three times.
	repeatedAddressPage = "hl-lead-pm-distribution"
)

const siteOrgURL = "https://harborline.example"

func (s *server) sitePostings() []Posting { return byBoard(s.postings, "site") }

func (s *server) robots(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	fmt.Fprintf(w, "User-agent: *\nAllow: /\nDisallow: /careers/apply/\nCrawl-delay: 0\n\nSitemap: %s/sitemap.xml\n", baseURL(r))
}

type sitemapURL struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}

type urlset struct {
	XMLName xml.Name     `xml:"urlset"`
	XMLNS   string       `xml:"xmlns,attr"`
	URLs    []sitemapURL `xml:"url"`
}

func (s *server) sitemap(w http.ResponseWriter, r *http.Request) {
	base := baseURL(r)
	set := urlset{XMLNS: "http://www.sitemaps.org/schemas/sitemap/0.9"}
	set.URLs = append(set.URLs, sitemapURL{Loc: base + "/careers/"})
	for _, p := range s.sitePostings() {
		set.URLs = append(set.URLs, sitemapURL{Loc: base + "/careers/" + p.Key, LastMod: p.DatePosted})
	}
	out, err := xml.MarshalIndent(set, "", "  ")
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/xml; charset=utf-8")
	w.Write([]byte(xml.Header))
	w.Write(out)
	w.Write([]byte("\n"))
}

// page writes a career-site HTML page around main.
func page(w http.ResponseWriter, title, head, main string) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprintf(w, `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>%s | Harborline Careers</title>
<link rel="stylesheet" href="/static/careers.css">
%s</head>
<body>
<header class="site-header">
<a class="logo" href="/careers/">Harborline Insurance</a>
<nav><ul><li><a href="/careers/">Open roles</a></li><li><a href="/careers/#teams">Teams</a></li><li><a href="/careers/#benefits">Benefits</a></li></ul></nav>
</header>
<main>
%s
</main>
<footer class="site-footer">
<p>Harborline Insurance is an equal opportunity employer. We consider all qualified applicants regardless of race, religion, sex, sexual orientation, gender identity, national origin, disability or veteran status.</p>
<p>&copy; 2026 Harborline Insurance Group &middot; <a href="/privacy">Privacy</a> &middot; <a href="/careers/">Careers</a></p>
</footer>
</body>
</html>
`, html.EscapeString(title), head, main)
}

func (s *server) careersIndex(w http.ResponseWriter, r *http.Request) {
	var b strings.Builder
	b.WriteString("<h1>Open roles</h1>\n<p>Join the team building insurance people can understand.</p>\n<ul class=\"jobs\">\n")
	for _, p := range s.sitePostings() {
		fmt.Fprintf(&b, "<li class=\"job\"><a href=\"/careers/%s\">%s</a> <span class=\"location\">%s</span></li>\n",
			p.Key, html.EscapeString(p.Title), html.EscapeString(p.Location))
	}
	b.WriteString("</ul>")
	page(w, "Open roles", "", b.String())
}

func (s *server) careersPage(w http.ResponseWriter, r *http.Request) {
	key := r.PathValue("key")
	var p *Posting
	for i := range s.postings {
		if s.postings[i].Key == key && s.postings[i].Board == "site" {
			p = &s.postings[i]
		}
	}
	if p == nil {
		http.NotFound(w, r)
		return
	}
	base := baseURL(r)
	desc := renderHTML(mustSections(p.Description))
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(jobPosting(*p, base)); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	jp := bytes.TrimSpace(buf.Bytes())
	var head, tail string
	canonical := base + "/careers/" + p.Key
	head = fmt.Sprintf("<link rel=\"canonical\" href=\"%s\">\n<meta property=\"og:title\" content=\"%s\">\n",
		html.EscapeString(canonical), html.EscapeString(p.Title))
	if p.Key == nextJSPage {
		// json.Marshal escapes <, > and & as \u003c etc., as Next.js
		// does, so the string cannot close the script element.
		str, _ := json.Marshal(string(jp))
		tail = "<script>(self.__next_f=self.__next_f||[]).push([0])</script>\n" +
			"<script>self.__next_f.push([1," + string(str) + "])</script>\n"
	} else {
		// HTML stays raw, as most sites write it; only "</" is escaped
		// (as "<\/", which JSON allows) so the script element stays open.
		ld := strings.ReplaceAll(string(jp), "</", `<\/`)
		head += "<script type=\"application/ld+json\">" + ld + "</script>\n"
	}
	main := fmt.Sprintf(`<article class="job">
<h1>%s</h1>
<p class="meta"><span class="location">%s</span> &middot; <span class="posted">Posted %s</span></p>
<div class="description">%s</div>
<p><a class="apply" href="/careers/apply/%s">Apply now</a></p>
</article>
%s`, html.EscapeString(p.Title), html.EscapeString(p.Location), p.DatePosted, desc, p.Key, tail)
	page(w, p.Title, head, main)
}

// schema.org JobPosting, in the field order career sites usually write.
type jsonJobPosting struct {
	Context            string         `json:"@context"`
	Type               string         `json:"@type"`
	Title              string         `json:"title"`
	Description        string         `json:"description"`
	Identifier         propertyValue  `json:"identifier"`
	DatePosted         string         `json:"datePosted"`
	ValidThrough       string         `json:"validThrough"`
	EmploymentType     string         `json:"employmentType"`
	HiringOrganization organization   `json:"hiringOrganization"`
	JobLocation        any            `json:"jobLocation,omitempty"`
	JobLocationType    string         `json:"jobLocationType,omitempty"`
	ApplicantLocation  *country       `json:"applicantLocationRequirements,omitempty"`
	BaseSalary         *monetaryValue `json:"baseSalary,omitempty"`
	DirectApply        bool           `json:"directApply"`
	URL                string         `json:"url"`
}

type propertyValue struct {
	Type  string `json:"@type"`
	Name  string `json:"name"`
	Value string `json:"value"`
}

type organization struct {
	Type   string `json:"@type"`
	Name   string `json:"name"`
	SameAs string `json:"sameAs"`
	Logo   string `json:"logo"`
}

type jobPlace struct {
	Type    string `json:"@type"`
	Address any    `json:"address"`
}

type postalAddress struct {
	Type     string `json:"@type"`
	Locality string `json:"addressLocality"`
	Region   string `json:"addressRegion"`
	Country  string `json:"addressCountry"`
}

type country struct {
	Type string `json:"@type"`
	Name string `json:"name"`
}

type monetaryValue struct {
	Type     string            `json:"@type"`
	Currency string            `json:"currency"`
	Value    quantitativeValue `json:"value"`
}

type quantitativeValue struct {
	Type     string  `json:"@type"`
	MinValue float64 `json:"minValue"`
	MaxValue float64 `json:"maxValue"`
	UnitText string  `json:"unitText"`
}

var schemaEmployment = map[string]string{"full_time": "FULL_TIME", "part_time": "PART_TIME", "contract": "CONTRACTOR"}

func jobPosting(p Posting, base string) jsonJobPosting {
	posted, _ := time.Parse(time.DateOnly, p.DatePosted)
	end := posted.AddDate(0, 0, 60)
	end = time.Date(end.Year(), end.Month(), end.Day(), 23, 59, 59, 0, eastern(end.Add(12*time.Hour)).Location())
	jp := jsonJobPosting{
		Context:        "https://schema.org",
		Type:           "JobPosting",
		Title:          p.Title,
		Description:    renderHTML(mustSections(p.Description)),
		Identifier:     propertyValue{Type: "PropertyValue", Name: p.Company, Value: p.Key},
		DatePosted:     p.DatePosted,
		ValidThrough:   end.Format(time.RFC3339),
		EmploymentType: schemaEmployment[p.EmploymentType],
		HiringOrganization: organization{
			Type: "Organization", Name: p.Company, SameAs: siteOrgURL, Logo: siteOrgURL + "/logo.png",
		},
		DirectApply: true,
		URL:         base + "/careers/" + p.Key,
	}
	loc := locations[p.Location]
	switch {
	case loc.remote:
		jp.JobLocationType = "TELECOMMUTE"
		jp.ApplicantLocation = &country{Type: "Country", Name: loc.country}
	case slices.Contains(stringAddressPages, p.Key):
		jp.JobLocation = jobPlace{Type: "Place", Address: p.Location + ", " + loc.country}
	default:
		place := jobPlace{Type: "Place", Address: postalAddress{
			Type: "PostalAddress", Locality: loc.locality, Region: loc.region, Country: loc.country,
		}}
		if p.Key == repeatedAddressPage {
			jp.JobLocation = []jobPlace{place, place, place}
		} else {
			jp.JobLocation = place
		}
	}
	if s := p.Salary; s != nil {
		jp.BaseSalary = &monetaryValue{Type: "MonetaryAmount", Currency: s.Currency, Value: quantitativeValue{
			Type: "QuantitativeValue", MinValue: s.Min, MaxValue: s.Max, UnitText: strings.ToUpper(s.Period),
		}}
	}
	return jp
}
