package analyze

import (
	"math"
	"testing"

	"github.com/jobgap/jobgap/extract"
)

func TestQuantile(t *testing.T) {
	tests := []struct {
		xs        []float64
		q1, m, q3 float64
	}{
		// Type 7: h = (n−1)q. n = 5: h = 1, 2, 3 → order statistics.
		{[]float64{200, 100, 130, 110, 120}, 110, 120, 130},
		// n = 4: h = 0.75, 1.5, 2.25.
		{[]float64{4, 1, 3, 2}, 1.75, 2.5, 3.25},
		{[]float64{7}, 7, 7, 7},
	}
	for _, tt := range tests {
		s := NewSpread(tt.xs)
		if s.Q1 != tt.q1 || s.Median != tt.m || s.Q3 != tt.q3 || s.Count != len(tt.xs) {
			t.Errorf("NewSpread(%v) = %+v, want Q1 %v median %v Q3 %v", tt.xs, s, tt.q1, tt.m, tt.q3)
		}
	}
	if !math.IsNaN(Quantile(nil, 0.5)) {
		t.Error("Quantile of nothing should be NaN")
	}
}

func TestSalaries(t *testing.T) {
	pay := func(cur string, lo, hi float64) extract.Posting {
		return extract.Posting{Salary: &extract.Salary{Currency: cur, AnnualMin: lo, AnnualMax: hi}}
	}
	posts := []extract.Posting{
		pay("USD", 100000, 120000), // 110k
		pay("USD", 90000, 0),       // 90k
		pay("USD", 0, 150000),      // 150k
		pay("EUR", 50000, 70000),   // 60k
		pay("", 50000, 70000),      // no currency: not counted
		{},                         // no pay
	}
	s := Salaries(posts)
	if s.Stated != 4 || s.Postings != 6 || len(s.Currencies) != 2 {
		t.Fatalf("summary = %+v", s)
	}
	usd, eur := s.Currencies[0], s.Currencies[1]
	if usd.Currency != "USD" || usd.Count != 3 || usd.Median != 110000 || usd.Q1 != 100000 || usd.Q3 != 130000 {
		t.Errorf("USD = %+v, want 3, median 110k, Q1 100k, Q3 130k", usd)
	}
	if eur.Currency != "EUR" || eur.Median != 60000 {
		t.Errorf("EUR = %+v", eur)
	}
}
