package analyze

import (
	"sort"

	"github.com/jobgap/jobgap/extract"
	"github.com/jobgap/jobgap/extract/taxonomy"
)

// Weights of the requirement levels in weighted demand: a posting that
// requires a term counts 1, one that prefers it ½, one that only mentions
// it ¼. Weighted demand ranks certifications (RankCerts) and drives the
// audit's priority (Audit), so that required is always worth more than
// preferred.
const (
	WeightRequired  = 1.0
	WeightPreferred = 0.5
	WeightMentioned = 0.25
)

// Demand is how many of N postings name one certification or skill, at
// each requirement level (a posting counts once, at its strongest level).
type Demand struct {
	ID            string     `json:"id"`
	Name          string     `json:"name"`
	Acronym       string     `json:"acronym,omitempty"`
	Kind          string     `json:"kind"`
	Count         int        `json:"count"`
	Required      int        `json:"required"`
	Preferred     int        `json:"preferred"`
	Mentioned     int        `json:"mentioned"`
	N             int        `json:"postings"`
	Share         float64    `json:"share"`
	CI95          [2]float64 `json:"ci95"`
	RequiredShare float64    `json:"required_share"`
	// Weighted is (Required·1 + Preferred·½ + Mentioned·¼) / N, in [0, 1].
	Weighted float64 `json:"weighted"`
}

// Label is the acronym when the term has one, else its name.
func (d Demand) Label() string {
	if d.Acronym != "" {
		return d.Acronym
	}
	return d.Name
}

func (d *Demand) finish() {
	s := NewShare(d.Count, d.N)
	d.Share, d.CI95 = s.Share, s.CI95
	if d.N > 0 {
		d.RequiredShare = float64(d.Required) / float64(d.N)
		d.Weighted = (WeightRequired*float64(d.Required) + WeightPreferred*float64(d.Preferred) +
			WeightMentioned*float64(d.Mentioned)) / float64(d.N)
	}
}

// Demands counts the tags of kind ("" for both) over posts, most postings
// first, then most required, then by id. Names come from tax when it
// knows the id (tax may be nil).
func Demands(posts []extract.Posting, tax *taxonomy.Taxonomy, kind extract.Kind) []Demand {
	by := map[string]*Demand{}
	for _, p := range posts {
		seen := map[string]bool{}
		for _, t := range p.Tags {
			if (kind != "" && t.Kind != kind) || seen[t.ID] {
				continue
			}
			seen[t.ID] = true
			d := by[t.ID]
			if d == nil {
				d = &Demand{ID: t.ID, Name: t.Name, Kind: string(t.Kind)}
				if d.Name == "" {
					d.Name = t.ID
				}
				if tax != nil {
					if term, ok := tax.Term(t.ID); ok {
						d.Name = term.Name
						if len(term.Acronyms) > 0 {
							d.Acronym = term.Acronyms[0]
						}
					}
				}
				by[t.ID] = d
			}
			d.Count++
			switch t.Level {
			case extract.LevelRequired:
				d.Required++
			case extract.LevelPreferred:
				d.Preferred++
			default:
				d.Mentioned++
			}
		}
	}
	out := make([]Demand, 0, len(by))
	for _, d := range by {
		d.N = len(posts)
		d.finish()
		out = append(out, *d)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Count != b.Count {
			return a.Count > b.Count
		}
		if a.Required != b.Required {
			return a.Required > b.Required
		}
		return a.ID < b.ID
	})
	return out
}
