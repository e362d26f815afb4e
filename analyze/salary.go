package analyze

import (
	"math"
	"sort"

	"github.com/jobgap/jobgap/extract"
)

// Quantile returns the q-quantile (0 ≤ q ≤ 1) of xs by linear
// interpolation between order statistics (Hyndman & Fan type 7, the
// default of R and NumPy): with xs sorted, position h = (n−1)·q, and the
// value xs[⌊h⌋] + (h−⌊h⌋)·(xs[⌊h⌋+1] − xs[⌊h⌋]). It returns NaN for no
// values. xs need not be sorted and is not changed.
func Quantile(xs []float64, q float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	return quantileSorted(s, q)
}

func quantileSorted(s []float64, q float64) float64 {
	q = min(max(q, 0), 1)
	h := float64(len(s)-1) * q
	lo := int(math.Floor(h))
	if lo+1 >= len(s) {
		return s[len(s)-1]
	}
	return s[lo] + (h-float64(lo))*(s[lo+1]-s[lo])
}

// Spread is the median and quartiles of some values, with how many there
// were.
type Spread struct {
	Count  int     `json:"count"`
	Min    float64 `json:"min"`
	Q1     float64 `json:"q1"`
	Median float64 `json:"median"`
	Q3     float64 `json:"q3"`
	Max    float64 `json:"max"`
}

// NewSpread summarises xs (the zero Spread for none).
func NewSpread(xs []float64) Spread {
	if len(xs) == 0 {
		return Spread{}
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	return Spread{Count: len(s), Min: s[0], Q1: quantileSorted(s, 0.25), Median: quantileSorted(s, 0.5),
		Q3: quantileSorted(s, 0.75), Max: s[len(s)-1]}
}

// SalaryStats is annual pay in one currency.
type SalaryStats struct {
	Currency string `json:"currency"`
	Spread
}

// SalarySummary is the pay postings state: per currency, most postings
// first, and how many of the postings stated any.
type SalarySummary struct {
	Stated     int           `json:"stated"`   // postings stating annualised pay with a currency
	Postings   int           `json:"postings"` // N
	Currencies []SalaryStats `json:"currencies"`
}

// SalaryValue is the one annual figure a posting's pay counts as: the
// midpoint of its annualised range, or whichever end it states. ok is
// false when the posting states no annualised pay or no currency.
func SalaryValue(p extract.Posting) (currency string, annual float64, ok bool) {
	s := p.Salary
	if s == nil || s.Currency == "" {
		return "", 0, false
	}
	switch {
	case s.AnnualMin > 0 && s.AnnualMax > 0:
		return s.Currency, (s.AnnualMin + s.AnnualMax) / 2, true
	case s.AnnualMin > 0:
		return s.Currency, s.AnnualMin, true
	case s.AnnualMax > 0:
		return s.Currency, s.AnnualMax, true
	}
	return "", 0, false
}

// Salaries summarises pay by currency: each posting's SalaryValue, never
// converted between currencies (exchange rates move; a median of mixed
// currencies means nothing). Currencies with more postings come first,
// then by code.
func Salaries(posts []extract.Posting) SalarySummary {
	by := map[string][]float64{}
	sum := SalarySummary{Postings: len(posts), Currencies: []SalaryStats{}}
	for _, p := range posts {
		if cur, v, ok := SalaryValue(p); ok {
			by[cur] = append(by[cur], v)
			sum.Stated++
		}
	}
	for cur, xs := range by {
		sum.Currencies = append(sum.Currencies, SalaryStats{Currency: cur, Spread: NewSpread(xs)})
	}
	sort.Slice(sum.Currencies, func(i, j int) bool {
		a, b := sum.Currencies[i], sum.Currencies[j]
		if a.Count != b.Count {
			return a.Count > b.Count
		}
		return a.Currency < b.Currency
	})
	return sum
}

// Experience is the years of experience postings ask for: the spread over
// the postings that state a number (Count), out of Postings.
type Experience struct {
	Postings int `json:"postings"`
	Spread
}

// YearsAsked summarises Posting.Experience over the postings that state it.
func YearsAsked(posts []extract.Posting) Experience {
	var xs []float64
	for _, p := range posts {
		if p.Experience > 0 {
			xs = append(xs, p.Experience)
		}
	}
	return Experience{Postings: len(posts), Spread: NewSpread(xs)}
}
