package analyze

import (
	"math"
	"sort"
)

// Z95 is the standard normal quantile for a two-sided 95% interval.
const Z95 = 1.959963984540054

// SmallSample is the number of postings below which shares are flagged as
// resting on a small sample.
const SmallSample = 30

// Wilson returns the Wilson score interval for k successes in n trials at
// the normal quantile z. Unlike the textbook p ± z·sqrt(p(1-p)/n), it stays
// inside [0, 1] and does not collapse to a point at k = 0 or k = n, which
// matters for the small samples career changers collect. n = 0 gives the
// uninformative interval [0, 1].
func Wilson(k, n int, z float64) (lo, hi float64) {
	if n <= 0 {
		return 0, 1
	}
	k = min(max(k, 0), n)
	nf := float64(n)
	p := float64(k) / nf
	z2 := z * z
	denom := 1 + z2/nf
	centre := (p + z2/(2*nf)) / denom
	half := z / denom * math.Sqrt(p*(1-p)/nf+z2/(4*nf*nf))
	lo, hi = centre-half, centre+half
	// Exact at the edges, where rounding could leave 1e-17 outside.
	if k == 0 {
		lo = 0
	}
	if k == n {
		hi = 1
	}
	return max(lo, 0), min(hi, 1)
}

// Share is a count out of a number of postings.
type Share struct {
	Count int        `json:"count"`
	N     int        `json:"postings"`
	Share float64    `json:"share"`
	CI95  [2]float64 `json:"ci95"`
}

// NewShare returns k of n with its share and 95% Wilson interval. The share
// of no postings is 0 with the interval [0, 1].
func NewShare(k, n int) Share {
	s := Share{Count: k, N: n}
	if n > 0 {
		s.Share = float64(k) / float64(n)
	}
	s.CI95[0], s.CI95[1] = Wilson(k, n, Z95)
	return s
}

// Item is one certification or skill with its share of postings.
type Item struct {
	ID      string     `json:"id"`
	Name    string     `json:"name"`
	Acronym string     `json:"acronym,omitempty"`
	Kind    string     `json:"kind"`
	Count   int        `json:"count"`
	Share   float64    `json:"share"`
	CI95    [2]float64 `json:"ci95"`
}

// Describe gives an item's display name, acronym and kind by id; ok is
// false for an id the catalog no longer knows.
type Describe func(id string) (name, acronym, kind string, ok bool)

// Rank turns per-id posting counts out of n postings into items, most
// frequent first; ties go by id so output is stable. Ids that describe
// does not know keep their id as name.
func Rank(counts map[string]int, n int, describe Describe) []Item {
	items := make([]Item, 0, len(counts))
	for id, k := range counts {
		if k <= 0 {
			continue
		}
		it := Item{ID: id, Name: id, Count: k}
		if describe != nil {
			if name, acr, kind, ok := describe(id); ok {
				it.Name, it.Acronym, it.Kind = name, acr, kind
			}
		}
		s := NewShare(k, n)
		it.Share, it.CI95 = s.Share, s.CI95
		items = append(items, it)
	}
	sort.Slice(items, func(i, j int) bool {
		if items[i].Count != items[j].Count {
			return items[i].Count > items[j].Count
		}
		return items[i].ID < items[j].ID
	})
	return items
}

// Stats is the answer to "what do postings for this title ask for": the
// shape of `jobgap stats --format json`.
type Stats struct {
	Title    string `json:"title"`
	Postings int    `json:"postings"`
	Items    []Item `json:"items"`
}
