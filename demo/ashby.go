package demo

import (
	"fmt"
	"math"
	"net/http"
)

// Ashby public posting API:
// GET /posting-api/job-board/{board}?includeCompensation=true.

type ashbyBoard struct {
	APIVersion string     `json:"apiVersion"`
	Jobs       []ashbyJob `json:"jobs"`
}

type ashbyJob struct {
	ID                 string             `json:"id"`
	Title              string             `json:"title"`
	Department         string             `json:"department"`
	Team               string             `json:"team"`
	EmploymentType     string             `json:"employmentType"`
	Location           string             `json:"location"`
	ShouldDisplayComp  bool               `json:"shouldDisplayCompensationOnJobPostings"`
	SecondaryLocations []ashbyLocation    `json:"secondaryLocations"`
	PublishedAt        string             `json:"publishedAt"`
	IsListed           bool               `json:"isListed"`
	IsRemote           bool               `json:"isRemote"`
	WorkplaceType      string             `json:"workplaceType"`
	JobURL             string             `json:"jobUrl"`
	ApplyURL           string             `json:"applyUrl"`
	DescriptionHTML    string             `json:"descriptionHtml"`
	DescriptionPlain   string             `json:"descriptionPlain"`
	Compensation       *ashbyCompensation `json:"compensation,omitempty"`
}

type ashbyLocation struct {
	Location string `json:"location"`
}

type ashbyCompensation struct {
	TierSummary       *string          `json:"compensationTierSummary"`
	SalarySummary     *string          `json:"scrapeableCompensationSalarySummary"`
	Tiers             []ashbyTier      `json:"compensationTiers"`
	SummaryComponents []ashbyComponent `json:"summaryComponents"`
}

type ashbyTier struct {
	ID                    string           `json:"id"`
	TierSummary           string           `json:"tierSummary"`
	Title                 string           `json:"title"`
	AdditionalInformation *string          `json:"additionalInformation"`
	Components            []ashbyComponent `json:"components"`
}

type ashbyComponent struct {
	ID               string   `json:"id,omitempty"`
	Summary          string   `json:"summary,omitempty"`
	CompensationType string   `json:"compensationType"`
	Interval         string   `json:"interval"`
	CurrencyCode     string   `json:"currencyCode"`
	MinValue         *float64 `json:"minValue"`
	MaxValue         *float64 `json:"maxValue"`
}

var ashbyEmployment = map[string]string{"full_time": "FullTime", "part_time": "PartTime", "contract": "Contract"}
var ashbyWorkplace = map[string]string{"remote": "Remote", "hybrid": "Hybrid", "onsite": "OnSite"}

func (s *server) ashby(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("board")
	ps, ok := s.board("ashby", name)
	if !ok {
		writeJSON(w, http.StatusNotFound, map[string]any{"success": false, "error": "Job board not found"})
		return
	}
	withComp := r.URL.Query().Get("includeCompensation") == "true"
	base := baseURL(r)
	out := ashbyBoard{APIVersion: "1", Jobs: []ashbyJob{}}
	for _, p := range ps {
		out.Jobs = append(out.Jobs, ashbyPosting(p, name, base, withComp))
	}
	writeJSON(w, http.StatusOK, out)
}

func ashbyPosting(p Posting, board, base string, withComp bool) ashbyJob {
	id := uuidFor("ashby", p.Key)
	ss := mustSections(p.Description)
	j := ashbyJob{
		ID:                 id,
		Title:              p.Title,
		Department:         department(p.Title),
		Team:               team(p.Title),
		EmploymentType:     ashbyEmployment[p.EmploymentType],
		Location:           p.Location,
		ShouldDisplayComp:  p.Salary != nil,
		SecondaryLocations: []ashbyLocation{},
		PublishedAt:        postedAt(p).Format("2006-01-02T15:04:05.000+00:00"),
		IsListed:           true,
		IsRemote:           p.Workplace == "remote",
		WorkplaceType:      ashbyWorkplace[p.Workplace],
		JobURL:             base + "/ashby/" + board + "/" + id,
		ApplyURL:           base + "/ashby/" + board + "/" + id + "/application",
		DescriptionHTML:    renderHTML(ss),
		DescriptionPlain:   renderPlain(ss),
	}
	if withComp {
		j.Compensation = ashbyComp(p)
	}
	return j
}

func ashbyComp(p Posting) *ashbyCompensation {
	c := &ashbyCompensation{Tiers: []ashbyTier{}, SummaryComponents: []ashbyComponent{}}
	sal := p.Salary
	if sal == nil {
		return c
	}
	interval := map[string]string{"year": "1 YEAR", "hour": "1 HOUR"}[sal.Period]
	rng := moneyRange(sal)
	salary := ashbyComponent{
		ID:               uuidFor("ashby-salary", p.Key),
		Summary:          rng,
		CompensationType: "Salary",
		Interval:         interval,
		CurrencyCode:     sal.Currency,
		MinValue:         &sal.Min,
		MaxValue:         &sal.Max,
	}
	comps := []ashbyComponent{salary}
	tier, summary := rng, rng
	if p.EmploymentType == "full_time" {
		// Salaried roles also offer equity, which Ashby lists first and
		// without amounts.
		salary.Summary = "Target Base Salary " + rng
		equity := ashbyComponent{
			ID:               uuidFor("ashby-equity", p.Key),
			Summary:          "Offers Equity",
			CompensationType: "EquityCashValue",
			Interval:         interval,
			CurrencyCode:     sal.Currency,
		}
		comps = []ashbyComponent{equity, salary}
		tier, summary = salary.Summary+" • Offers Equity", rng+" • Offers Equity"
	}
	scrape := moneyRangeASCII(sal)
	c.TierSummary, c.SalarySummary = &summary, &scrape
	c.Tiers = []ashbyTier{{
		ID:          uuidFor("ashby-tier", p.Key),
		TierSummary: tier,
		Title:       p.Location,
		Components:  comps,
	}}
	for _, x := range comps {
		x.ID, x.Summary = "", ""
		c.SummaryComponents = append(c.SummaryComponents, x)
	}
	return c
}

var currencySymbol = map[string]string{"USD": "$", "EUR": "€", "GBP": "£"}

// moneyRange formats pay as Ashby summarises it: "$120K – $150K" for a
// year, "$70 – $85 / hr" for an hour.
func moneyRange(s *Salary) string {
	sym := currencySymbol[s.Currency]
	if s.Period == "hour" {
		return fmt.Sprintf("%s%s – %s%s / hr", sym, amount(s.Min), sym, amount(s.Max))
	}
	return fmt.Sprintf("%s%sK – %s%sK", sym, amount(s.Min/1000), sym, amount(s.Max/1000))
}

// moneyRangeASCII is moneyRange with a hyphen, as in scrapeableCompensationSalarySummary.
func moneyRangeASCII(s *Salary) string {
	sym := currencySymbol[s.Currency]
	if s.Period == "hour" {
		return fmt.Sprintf("%s%s - %s%s / hr", sym, amount(s.Min), sym, amount(s.Max))
	}
	return fmt.Sprintf("%s%sK - %s%sK", sym, amount(s.Min/1000), sym, amount(s.Max/1000))
}

func amount(v float64) string {
	if v == math.Trunc(v) {
		return fmt.Sprintf("%.0f", v)
	}
	return fmt.Sprintf("%.2f", v)
}
