package analyze

import (
	"fmt"
	"sort"
	"strings"

	"github.com/jobgap/jobgap/extract"
	"github.com/jobgap/jobgap/extract/taxonomy"
)

// CertPick is one certification ranked for a title, with the catalog's
// facts about getting it.
type CertPick struct {
	Demand
	Issuer  string        `json:"issuer,omitempty"`
	CostUSD taxonomy.Cost `json:"cost_usd,omitzero"`
	Prep    string        `json:"prep,omitempty"`
	Checked int           `json:"checked,omitempty"` // year the catalog facts were checked; 0 not yet
}

// RankCerts ranks the certifications named in posts. The ranking rule:
// highest weighted demand first (Required·1 + Preferred·½ + Mentioned·¼,
// over N), so a certification that postings require outranks one they
// only mention more often; ties go to more postings naming it, then more
// requiring it, then by id.
func RankCerts(posts []extract.Posting, tax *taxonomy.Taxonomy) []CertPick {
	ds := Demands(posts, tax, extract.KindCertification)
	out := make([]CertPick, 0, len(ds))
	for _, d := range ds {
		c := CertPick{Demand: d}
		if tax != nil {
			if t, ok := tax.Term(d.ID); ok {
				c.Issuer, c.CostUSD, c.Prep, c.Checked = t.Issuer, t.CostUSD, t.Prep, t.Checked
			}
		}
		out = append(out, c)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Weighted != b.Weighted {
			return a.Weighted > b.Weighted
		}
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

// Cost says the catalog's price in words: "about $1,000" for one figure,
// "$800–$1,500" for a range, "cost unknown" for none.
func (c CertPick) Cost() string {
	lo, hi := c.CostUSD.Min, c.CostUSD.Max
	switch {
	case c.CostUSD.Free:
		return "free"
	case lo <= 0 && hi <= 0:
		return "cost unknown"
	case lo <= 0:
		return "up to $" + thousands(hi)
	case lo == hi:
		return "about $" + thousands(lo)
	case hi <= 0:
		return "from $" + thousands(lo)
	}
	return "$" + thousands(lo) + "–$" + thousands(hi)
}

// Plain is the certification in one plain sentence, e.g. "CSPO: 38% of 50
// Product Owner postings (26–52%), 14% required; 2-day course, no exam;
// $800–$1,500".
func (c CertPick) Plain(title string) string {
	var b strings.Builder
	who := "postings"
	if title != "" {
		who = title + " postings"
	}
	fmt.Fprintf(&b, "%s: %.0f%% of %d %s (%.0f–%.0f%%), %.0f%% required", c.Label(), c.Share*100, c.N, who,
		c.CI95[0]*100, c.CI95[1]*100, c.RequiredShare*100)
	if c.Prep != "" {
		b.WriteString("; " + c.Prep)
	}
	b.WriteString("; " + c.Cost())
	return b.String()
}

func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
