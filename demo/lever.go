package demo

import (
	"html"
	"net/http"
	"strings"
)

// Lever postings API: GET /v0/postings/{site}?mode=json, a bare array.
//
// A posting's markup is mapped the way Lever splits a posting: the
// sections before the first list go to description, each later section
// of list items becomes a lists entry, and the rest (Benefits, About us,
// closing paragraphs) goes to additional.

type leverPosting struct {
	AdditionalPlain  string          `json:"additionalPlain"`
	Additional       string          `json:"additional"`
	Categories       leverCategories `json:"categories"`
	CreatedAt        int64           `json:"createdAt"`
	DescriptionPlain string          `json:"descriptionPlain"`
	Description      string          `json:"description"`
	ID               string          `json:"id"`
	Lists            []leverList     `json:"lists"`
	Text             string          `json:"text"`
	Country          string          `json:"country"`
	WorkplaceType    string          `json:"workplaceType"`
	SalaryRange      *leverSalary    `json:"salaryRange,omitempty"`
	HostedURL        string          `json:"hostedUrl"`
	ApplyURL         string          `json:"applyUrl"`
}

type leverCategories struct {
	Commitment   string   `json:"commitment"`
	Department   string   `json:"department"`
	Location     string   `json:"location"`
	Team         string   `json:"team"`
	AllLocations []string `json:"allLocations"`
}

type leverList struct {
	Text    string `json:"text"`
	Content string `json:"content"`
}

type leverSalary struct {
	Interval string  `json:"interval"`
	Currency string  `json:"currency"`
	Min      float64 `json:"min"`
	Max      float64 `json:"max"`
}

var leverWorkplace = map[string]string{"remote": "remote", "hybrid": "hybrid", "onsite": "on-site"}
var leverInterval = map[string]string{"year": "per-year-salary", "hour": "per-hour-wage"}

func (s *server) lever(w http.ResponseWriter, r *http.Request) {
	site := r.PathValue("site")
	ps, ok := s.board("lever", site)
	if !ok {
		writeJSON(w, http.StatusNotFound, map[string]any{"ok": false, "error": "Document not found"})
		return
	}
	base := baseURL(r)
	out := []leverPosting{}
	for _, p := range ps {
		out = append(out, leverJob(p, site, base))
	}
	writeJSON(w, http.StatusOK, out)
}

func leverJob(p Posting, site, base string) leverPosting {
	id := uuidFor("lever", p.Key)
	j := leverPosting{
		Categories: leverCategories{
			Commitment:   ghEmployment[p.EmploymentType],
			Department:   department(p.Title),
			Location:     p.Location,
			Team:         team(p.Title),
			AllLocations: []string{p.Location},
		},
		CreatedAt:     postedAt(p).UnixMilli(),
		ID:            id,
		Lists:         []leverList{},
		Text:          p.Title,
		Country:       locations[p.Location].country,
		WorkplaceType: leverWorkplace[p.Workplace],
		HostedURL:     base + "/lever/" + site + "/" + id,
		ApplyURL:      base + "/lever/" + site + "/" + id + "/apply",
	}
	if sal := p.Salary; sal != nil {
		j.SalaryRange = &leverSalary{Interval: leverInterval[sal.Period], Currency: sal.Currency, Min: sal.Min, Max: sal.Max}
	}
	var desc, extra []section
	inLists := false
	for _, sec := range mustSections(p.Description) {
		benefits := strings.Contains(strings.ToLower(sec.heading), "benefit")
		switch {
		case sec.hasItems() && !benefits:
			inLists = true
			var b strings.Builder
			for _, x := range sec.blocks {
				b.WriteString("\n<li>" + html.EscapeString(x.text) + "</li>")
			}
			j.Lists = append(j.Lists, leverList{Text: sec.heading, Content: b.String()})
		case !inLists && !benefits:
			desc = append(desc, sec)
		default:
			extra = append(extra, sec)
		}
	}
	j.Description, j.DescriptionPlain = leverHTML(desc), renderPlain(desc)
	j.Additional, j.AdditionalPlain = leverHTML(extra), renderPlain(extra)
	return j
}

// leverHTML renders sections in Lever's editor style: <div>s, bold
// headings, <br> between blocks.
func leverHTML(ss []section) string {
	var b strings.Builder
	for i, sec := range ss {
		if i > 0 {
			b.WriteString("<div><br></div>")
		}
		if sec.heading != "" {
			b.WriteString("<div><b>" + html.EscapeString(sec.heading) + "</b></div>")
		}
		if sec.hasItems() {
			b.WriteString(renderBlocks(sec))
			continue
		}
		for _, x := range sec.blocks {
			b.WriteString("<div>" + html.EscapeString(x.text) + "</div>")
		}
	}
	return b.String()
}
