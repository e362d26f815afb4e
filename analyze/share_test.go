package analyze

import (
	"fmt"
	"math"
	"testing"
)

func TestWilsonKnownValues(t *testing.T) {
	// Values worked out by hand from the Wilson formula and checked
	// against published tables (e.g. Newcombe 1998, table I).
	tests := []struct {
		k, n   int
		lo, hi float64 // to 3 decimals
	}{
		{19, 50, 0.259, 0.518},
		{0, 20, 0.000, 0.161},
		{20, 20, 0.839, 1.000},
		{1, 29, 0.006, 0.172},
		{81, 263, 0.2553, 0.3662}, // Newcombe (1998) table I, method 3
		{15, 148, 0.0624, 0.1605},
		{0, 10, 0.000, 0.278},
		{10, 10, 0.722, 1.000},
	}
	for _, tt := range tests {
		lo, hi := Wilson(tt.k, tt.n, Z95)
		if math.Abs(lo-tt.lo) > 0.0006 || math.Abs(hi-tt.hi) > 0.0006 {
			t.Errorf("Wilson(%d, %d) = [%.4f, %.4f], want [%.3f, %.3f]", tt.k, tt.n, lo, hi, tt.lo, tt.hi)
		}
	}
}

func TestWilsonEdges(t *testing.T) {
	if lo, hi := Wilson(0, 0, Z95); lo != 0 || hi != 1 {
		t.Errorf("Wilson(0,0) = [%v,%v], want [0,1]", lo, hi)
	}
	for n := 1; n <= 200; n++ {
		for k := 0; k <= n; k++ {
			lo, hi := Wilson(k, n, Z95)
			p := float64(k) / float64(n)
			if lo < 0 || hi > 1 || lo > p || hi < p {
				t.Fatalf("Wilson(%d,%d) = [%v,%v] does not contain %v inside [0,1]", k, n, lo, hi, p)
			}
			// Symmetry: the interval for n-k failures mirrors k successes.
			lo2, hi2 := Wilson(n-k, n, Z95)
			if math.Abs(lo-(1-hi2)) > 1e-12 || math.Abs(hi-(1-lo2)) > 1e-12 {
				t.Fatalf("Wilson(%d,%d) not symmetric with Wilson(%d,%d)", k, n, n-k, n)
			}
		}
	}
}

func TestRankOrderAndShares(t *testing.T) {
	counts := map[string]int{"pmp": 5, "cspo": 19, "csm": 5, "gone": 0}
	describe := func(id string) (string, string, string, bool) {
		if id == "cspo" {
			return "Certified Scrum Product Owner", "CSPO", "certification", true
		}
		return "", "", "", false
	}
	got := Rank(counts, 50, describe)
	if len(got) != 3 {
		t.Fatalf("Rank returned %d items, want 3 (zero counts dropped): %+v", len(got), got)
	}
	if got[0].ID != "cspo" || got[1].ID != "csm" || got[2].ID != "pmp" {
		t.Errorf("order = %s, %s, %s; want cspo, csm, pmp", got[0].ID, got[1].ID, got[2].ID)
	}
	if got[0].Name != "Certified Scrum Product Owner" || got[0].Acronym != "CSPO" || got[1].Name != "csm" {
		t.Errorf("names not described: %+v", got)
	}
	if got[0].Share != 0.38 {
		t.Errorf("share = %v, want 0.38", got[0].Share)
	}
}

func ExampleNewShare() {
	s := NewShare(19, 50)
	fmt.Printf("CSPO appears in %.0f%% of %d postings (95%% CI %.0f–%.0f%%)\n", s.Share*100, s.N, s.CI95[0]*100, s.CI95[1]*100)
	// Output: CSPO appears in 38% of 50 postings (95% CI 26–52%)
}
