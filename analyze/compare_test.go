package analyze

import (
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/jobgap/jobgap/extract"
)

// post builds a posting from a description and tags written "id:level"
// (kind from a "cert:" prefix: "cert:cspo:required").
func post(desc string, tags ...string) extract.Posting {
	p := extract.Posting{Description: desc}
	for _, t := range tags {
		kind := extract.KindSkill
		if strings.HasPrefix(t, "cert:") {
			kind, t = extract.KindCertification, t[5:]
		}
		id, level, _ := strings.Cut(t, ":")
		p.Tags = append(p.Tags, extract.Tag{ID: id, Kind: kind, Name: id, Level: extract.Level(level)})
	}
	return p
}

func TestTwoProportionP(t *testing.T) {
	tests := []struct {
		name           string
		k1, n1, k2, n2 int
		want           float64 // worked by hand: z, then erfc(|z|/√2)
	}{
		// Real: p = 0.5, se = sqrt(0.25·(1/50+1/50)) = 0.1, z = 0.6/0.1 = 6.
		{"real difference", 40, 50, 10, 50, 1.973e-9},
		// Noise: p = 22/60, se = sqrt(0.36667·0.63333·(2/30)) = 0.12442,
		// z = (0.4−0.33333)/0.12442 = 0.5358.
		{"noise", 12, 30, 10, 30, 0.5921},
		{"same shares", 5, 10, 10, 20, 1},
		{"nothing to compare", 0, 10, 0, 20, 1},
		{"empty sample", 3, 10, 0, 0, 1},
	}
	for _, tt := range tests {
		got := TwoProportionP(tt.k1, tt.n1, tt.k2, tt.n2)
		if math.Abs(got-tt.want) > tt.want*1e-3+1e-12 {
			t.Errorf("%s: TwoProportionP(%d/%d, %d/%d) = %.6g, want %.4g", tt.name, tt.k1, tt.n1, tt.k2, tt.n2, got, tt.want)
		}
	}
}

func TestNewcombe(t *testing.T) {
	tests := []struct {
		k1, n1, k2, n2 int
		lo, hi         float64
	}{
		// Newcombe (1998), table II, method 10.
		{56, 70, 48, 80, 0.0524, 0.3339},
		{9, 10, 3, 10, 0.1705, 0.8090},
		{5, 56, 0, 29, -0.0381, 0.1926},
	}
	for _, tt := range tests {
		lo, hi := Newcombe(tt.k1, tt.n1, tt.k2, tt.n2)
		if math.Abs(lo-tt.lo) > 0.0006 || math.Abs(hi-tt.hi) > 0.0006 {
			t.Errorf("Newcombe(%d/%d − %d/%d) = [%.4f, %.4f], want [%.4f, %.4f]", tt.k1, tt.n1, tt.k2, tt.n2, lo, hi, tt.lo, tt.hi)
		}
	}
}

func TestHolm(t *testing.T) {
	// Sorted: 0.005·4 = 0.02; 0.01·3 = 0.03; 0.03·2 = 0.06; 0.04·1 =
	// 0.04, raised to 0.06 to keep the order.
	got := Holm([]float64{0.01, 0.04, 0.03, 0.005})
	want := []float64{0.03, 0.06, 0.06, 0.02}
	for i := range want {
		if math.Abs(got[i]-want[i]) > 1e-12 {
			t.Fatalf("Holm = %v, want %v", got, want)
		}
	}
	if got := Holm([]float64{0.6, 0.9}); got[0] != 1 || got[1] != 1 {
		t.Errorf("Holm caps at 1: got %v", got)
	}
}

// TestCompareRealAndNoise compares two titles of 50 postings: CSPO in 40
// and 10 (a real difference), SQL in 22 and 20 (noise).
func TestCompareRealAndNoise(t *testing.T) {
	var a, b []extract.Posting
	for i := range 50 {
		pa, pb := post(""), post("")
		if i < 40 {
			pa.Tags = append(pa.Tags, post("", "cert:cspo:required").Tags...)
		}
		if i < 10 {
			pb.Tags = append(pb.Tags, post("", "cert:cspo:preferred").Tags...)
		}
		if i < 22 {
			pa.Tags = append(pa.Tags, post("", "sql:mentioned").Tags...)
		}
		if i < 20 {
			pb.Tags = append(pb.Tags, post("", "sql:required").Tags...)
		}
		a, b = append(a, pa), append(b, pb)
	}
	c := Compare([]TitleSummary{Summarize("PO", a, nil), Summarize("PM", b, nil)}, 5)
	// Measures: cert:cspo, skill:sql, remote, authority → four tests.
	if len(c.Differences) != 4 {
		t.Fatalf("got %d tests, want 4: %+v", len(c.Differences), c.Differences)
	}
	byMeasure := map[string]Difference{}
	for _, d := range c.Differences {
		byMeasure[d.Measure] = d
	}
	cspo := byMeasure["cert:cspo"]
	if !cspo.Significant || math.Abs(cspo.Diff-0.6) > 1e-12 || cspo.PHolm != 4*cspo.P || cspo.P > 1e-8 {
		t.Errorf("CSPO 40/50 vs 10/50 should differ: %+v", cspo)
	}
	if cspo.CI95[0] <= 0 {
		t.Errorf("Newcombe interval of a real difference should exclude 0: %v", cspo.CI95)
	}
	sql := byMeasure["skill:sql"]
	if sql.Significant || math.Abs(sql.P-0.685) > 0.002 || sql.PHolm != 1 {
		t.Errorf("SQL 22/50 vs 20/50 is noise: %+v", sql)
	}
	if sql.CI95[0] >= 0 || sql.CI95[1] <= 0 {
		t.Errorf("Newcombe interval of noise should hold 0: %v", sql.CI95)
	}
	for _, m := range []string{"remote", "authority"} {
		if d := byMeasure[m]; d.Significant || d.P != 1 {
			t.Errorf("%s 0/50 vs 0/50: %+v", m, d)
		}
	}
}

// TestHolmHidesWhatOneTestWouldShow: 12/30 vs 4/30 has p ≈ 0.018 alone,
// but among enough other tests Holm does not mark it.
func TestHolmHidesWhatOneTestWouldShow(t *testing.T) {
	p := TwoProportionP(12, 30, 4, 30)
	if p > 0.05 || p < 0.01 {
		t.Fatalf("p = %v, want about 0.018", p)
	}
	ps := []float64{p, 0.5, 0.6, 0.7}
	if adj := Holm(ps)[0]; adj < 0.05 {
		t.Errorf("Holm-adjusted p = %v with 4 tests, want ≥ 0.05", adj)
	}
}

func TestSummarize(t *testing.T) {
	day := func(s string) time.Time { d, _ := time.Parse("2006-01-02", s); return d }
	posts := []extract.Posting{
		{Description: "You will own the roadmap and manage a team of four. Work with engineers and designers.",
			Remote: true, Seniority: "senior", DatePosted: day("2026-09-10"), Experience: 5},
		{Description: "Accountable for revenue. Partner with sales, marketing and legal.",
			Seniority: "senior", DatePosted: day("2026-08-01"), Experience: 3},
		{Description: "Write user stories.", Seniority: "mid", DatePosted: day("2026-10-02")},
		{Description: "Keep the Jira board tidy with the engineering team.", Seniority: "lead"},
	}
	s := Summarize("PM", posts, nil)
	if s.Postings != 4 || !s.SmallSample || s.From != "2026-08-01" || s.To != "2026-10-02" {
		t.Errorf("N, dates: %+v", s)
	}
	if s.Remote.Count != 1 {
		t.Errorf("remote = %d, want 1", s.Remote.Count)
	}
	// Years: 3 and 5 stated, median 4.
	if s.Experience.Count != 2 || s.Experience.Median != 4 {
		t.Errorf("experience = %+v, want 2 stating, median 4", s.Experience)
	}
	// Authority: roadmap + team, accountable, none, none = 3 signals over
	// 4 postings = 0.75; two postings have any.
	if s.Authority.Score != 0.75 || s.Authority.Any.Count != 2 {
		t.Errorf("authority = %+v, want score 0.75, any 2", s.Authority)
	}
	// Functions: engineering+design, sales+marketing+legal, none,
	// engineering = 6 over 4 = 1.5.
	if s.CrossFunctional.Score != 1.5 || s.CrossFunctional.Signals[0].Count != 2 {
		t.Errorf("cross-functional = %+v, want 1.5 with engineering in 2", s.CrossFunctional)
	}
	var mix []string
	for _, l := range s.Seniority {
		mix = append(mix, fmt.Sprintf("%s %d", l.Seniority, l.Count))
	}
	if got := strings.Join(mix, ", "); got != "mid 1, senior 2, lead 1" {
		t.Errorf("seniority mix = %s", got)
	}
}
