// Package demo holds a bundled, invented set of job postings and an HTTP
// handler that serves them in the shapes of real job-board APIs and of a
// company career site, so that `jobgap demo` can run the whole pipeline
// (crawl → extract → corpus → analyze → render) without a network.
//
// Use it with net/http/httptest:
//
//	srv := httptest.NewServer(demo.Handler())
//	defer srv.Close()
//	for _, src := range demo.Sources(srv.URL) {
//		// crawl src.URL as a source of kind src.Kind
//	}
//
// The postings live in postings.yaml, embedded in the binary. Each one
// carries hand labels (Certs, Skills) of the catalog ids its title and
// description contain, so that tests can measure the tagger against them.
//
// Handler serves, for every request host:
//
//	GET /v1/boards/{token}/jobs?content=true             Greenhouse job board API
//	GET /v0/postings/{site}?mode=json                    Lever postings API
//	GET /posting-api/job-board/{board}?includeCompensation=true  Ashby posting API
//	GET /robots.txt, /sitemap.xml                        the career site's crawl files
//	GET /careers/                                        the career site's index page
//	GET /careers/{key}                                   one posting page with schema.org JobPosting
//
// Everything else is 404; an unknown board gets the 404 JSON body of the
// API it asked. Responses depend only on the data and the request host, so
// they are the same on every run. The hosted job-page URLs inside API
// payloads (absolute_url, hostedUrl, jobUrl) point at the demo server
// under /greenhouse/, /lever/ and /ashby/ and are not served.
package demo

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/goccy/go-yaml"
)

//go:embed postings.yaml
var postingsYAML []byte

// Salary is structured pay as a job board states it.
type Salary struct {
	Min      float64 `yaml:"min" json:"min"`
	Max      float64 `yaml:"max" json:"max"`
	Currency string  `yaml:"currency" json:"currency"` // USD, EUR or GBP
	Period   string  `yaml:"period" json:"period"`     // year or hour
}

// Posting is one bundled posting with its hand labels.
type Posting struct {
	Key            string  `yaml:"key" json:"key"`     // unique slug; the career-site path and the seed of every source id
	Board          string  `yaml:"board" json:"board"` // "greenhouse:northwind", "greenhouse:lumen", "lever:kestrel", "ashby:brightpath" or "site"
	Title          string  `yaml:"title" json:"title"`
	Company        string  `yaml:"company" json:"company"`
	Location       string  `yaml:"location" json:"location"`
	Workplace      string  `yaml:"workplace" json:"workplace"`             // remote, hybrid or onsite
	EmploymentType string  `yaml:"employment_type" json:"employment_type"` // full_time, part_time or contract
	DatePosted     string  `yaml:"date_posted" json:"date_posted"`         // YYYY-MM-DD
	Salary         *Salary `yaml:"salary" json:"salary,omitempty"`         // nil when the board states none (always nil on Greenhouse)
	// Description is light markup, one block a line: "## " starts a
	// section heading, "- " a list item, anything else is a paragraph. A
	// section holds either paragraphs or list items, not both.
	Description string   `yaml:"description" json:"description"`
	Certs       []string `yaml:"certs" json:"certs"`   // certification ids the text names, each once
	Skills      []string `yaml:"skills" json:"skills"` // skill ids the text names, each once
}

// boards are the board values a Posting may have, in Sources order.
var boards = []string{"greenhouse:northwind", "greenhouse:lumen", "lever:kestrel", "ashby:brightpath", "site"}

// Source is one thing to crawl on a demo server.
type Source struct {
	Kind  string // "greenhouse", "lever", "ashby" or "site"
	Board string // the Posting.Board value of the postings it yields
	URL   string // the API URL, or for a site its careers index
}

// Sources returns what to crawl on a server running Handler at baseURL
// (e.g. an httptest.Server's URL): one source per job board, then the
// career site.
func Sources(baseURL string) []Source {
	base := strings.TrimSuffix(baseURL, "/")
	var out []Source
	for _, b := range boards {
		kind, token, _ := strings.Cut(b, ":")
		var u string
		switch kind {
		case "greenhouse":
			u = base + "/v1/boards/" + token + "/jobs?content=true"
		case "lever":
			u = base + "/v0/postings/" + token + "?mode=json"
		case "ashby":
			u = base + "/posting-api/job-board/" + token + "?includeCompensation=true"
		case "site":
			u = base + "/careers/"
		}
		out = append(out, Source{Kind: kind, Board: b, URL: u})
	}
	return out
}

var load = sync.OnceValues(func() ([]Posting, error) { return parse(postingsYAML) })

// Load returns the bundled postings, sorted by key, or the error that
// made the embedded data unusable. The slice is the caller's own.
func Load() ([]Posting, error) {
	ps, err := load()
	if err != nil {
		return nil, err
	}
	return clonePostings(ps), nil
}

// Postings is Load without the error: it returns nil if the embedded
// data is broken (which the package tests rule out). It never panics.
func Postings() []Posting {
	ps, _ := Load()
	return ps
}

func clonePostings(ps []Posting) []Posting {
	out := slices.Clone(ps)
	for i := range out {
		if out[i].Salary != nil {
			s := *out[i].Salary
			out[i].Salary = &s
		}
		out[i].Certs = slices.Clone(out[i].Certs)
		out[i].Skills = slices.Clone(out[i].Skills)
	}
	return out
}

// parse decodes and checks postings YAML.
func parse(data []byte) ([]Posting, error) {
	var ps []Posting
	if err := yaml.UnmarshalWithOptions(data, &ps, yaml.Strict()); err != nil {
		return nil, fmt.Errorf("demo: postings.yaml: %w", err)
	}
	seen := make(map[string]bool)
	for i := range ps {
		p := &ps[i]
		p.Description = strings.TrimSpace(p.Description)
		if err := check(p); err != nil {
			return nil, fmt.Errorf("demo: postings.yaml: posting %d (%q): %w", i+1, p.Key, err)
		}
		if seen[p.Key] {
			return nil, fmt.Errorf("demo: postings.yaml: posting %d: key %q is used twice", i+1, p.Key)
		}
		seen[p.Key] = true
	}
	slices.SortFunc(ps, func(a, b Posting) int { return strings.Compare(a.Key, b.Key) })
	return ps, nil
}

func check(p *Posting) error {
	switch {
	case p.Key == "" || strings.Trim(p.Key, "abcdefghijklmnopqrstuvwxyz0123456789-") != "":
		return fmt.Errorf("key must be a non-empty slug of a-z, 0-9 and -")
	case !slices.Contains(boards, p.Board):
		return fmt.Errorf("board %q is not one of %s", p.Board, strings.Join(boards, ", "))
	case p.Title == "" || p.Company == "" || p.Description == "":
		return fmt.Errorf("title, company and description are required")
	case !slices.Contains([]string{"remote", "hybrid", "onsite"}, p.Workplace):
		return fmt.Errorf("workplace %q is not remote, hybrid or onsite", p.Workplace)
	case !slices.Contains([]string{"full_time", "part_time", "contract"}, p.EmploymentType):
		return fmt.Errorf("employment_type %q is not full_time, part_time or contract", p.EmploymentType)
	}
	if _, ok := locations[p.Location]; !ok {
		return fmt.Errorf("location %q is not in the location table (demo/location.go)", p.Location)
	}
	if _, err := time.Parse(time.DateOnly, p.DatePosted); err != nil {
		return fmt.Errorf("date_posted %q is not YYYY-MM-DD", p.DatePosted)
	}
	if s := p.Salary; s != nil {
		if strings.HasPrefix(p.Board, "greenhouse:") {
			return fmt.Errorf("salary: the Greenhouse API has no salary field; state pay in the description")
		}
		if s.Min <= 0 || s.Max < s.Min {
			return fmt.Errorf("salary: want 0 < min <= max, have %v..%v", s.Min, s.Max)
		}
		if !slices.Contains([]string{"USD", "EUR", "GBP"}, s.Currency) || !slices.Contains([]string{"year", "hour"}, s.Period) {
			return fmt.Errorf("salary: currency %q period %q; want USD|EUR|GBP and year|hour", s.Currency, s.Period)
		}
	}
	if _, err := parseMarkup(p.Description); err != nil {
		return fmt.Errorf("description: %w", err)
	}
	return nil
}

// byBoard returns the postings of one board, newest first, then by key.
func byBoard(ps []Posting, board string) []Posting {
	var out []Posting
	for _, p := range ps {
		if p.Board == board {
			out = append(out, p)
		}
	}
	slices.SortStableFunc(out, func(a, b Posting) int { return strings.Compare(b.DatePosted, a.DatePosted) })
	return out
}
