package analyze

import (
	"math"
	"sort"
	"strings"

	"github.com/jobgap/jobgap/extract"
	"github.com/jobgap/jobgap/extract/taxonomy"
)

// LevelCount is how many postings are at one seniority.
type LevelCount struct {
	Seniority string `json:"seniority"`
	Share
}

// TitleSummary is what the postings for one title ask for and offer: one
// column of `jobgap compare`.
type TitleSummary struct {
	Title       string        `json:"title"`
	Postings    int           `json:"postings"`
	SmallSample bool          `json:"small_sample"`   // fewer than SmallSample postings
	From        string        `json:"from,omitempty"` // earliest date posted (YYYY-MM-DD)
	To          string        `json:"to,omitempty"`   // latest
	Certs       []Demand      `json:"certifications"`
	Skills      []Demand      `json:"skills"`
	Salary      SalarySummary `json:"salary"`
	Seniority   []LevelCount  `json:"seniority"` // in taxonomy.Seniorities order, then others
	Remote      Share         `json:"remote"`
	Experience  Experience    `json:"experience_years"`
	// Authority is the decision-authority score: AuthoritySignals per
	// posting, with the count of each signal.
	Authority SignalSummary `json:"decision_authority"`
	// CrossFunctional counts the Functions named: Score is the mean number
	// of distinct functions per posting.
	CrossFunctional SignalSummary `json:"cross_functional"`
}

// DateRange returns the earliest and latest DatePosted of posts as
// YYYY-MM-DD ("" when none is dated).
func DateRange(posts []extract.Posting) (from, to string) {
	for _, p := range posts {
		if p.DatePosted.IsZero() {
			continue
		}
		d := p.DatePosted.UTC().Format("2006-01-02")
		if from == "" || d < from {
			from = d
		}
		if d > to {
			to = d
		}
	}
	return from, to
}

// SeniorityMix counts postings per seniority, in taxonomy.Seniorities
// order; postings with no seniority are "unknown", last.
func SeniorityMix(posts []extract.Posting) []LevelCount {
	counts := map[string]int{}
	for _, p := range posts {
		s := p.Seniority
		if s == "" {
			s = "unknown"
		}
		counts[s]++
	}
	var extra []string
	for s := range counts {
		if s != "unknown" && !contains(taxonomy.Seniorities, s) {
			extra = append(extra, s)
		}
	}
	sort.Strings(extra)
	out := []LevelCount{}
	for _, group := range [][]string{taxonomy.Seniorities, extra, {"unknown"}} {
		for _, s := range group {
			if counts[s] > 0 {
				out = append(out, LevelCount{Seniority: s, Share: NewShare(counts[s], len(posts))})
			}
		}
	}
	return out
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// Summarize describes the postings for one title. tax names the tags and
// may be nil.
func Summarize(title string, posts []extract.Posting, tax *taxonomy.Taxonomy) TitleSummary {
	n := len(posts)
	s := TitleSummary{Title: title, Postings: n, SmallSample: n < SmallSample}
	s.From, s.To = DateRange(posts)
	s.Certs = Demands(posts, tax, extract.KindCertification)
	s.Skills = Demands(posts, tax, extract.KindSkill)
	s.Salary = Salaries(posts)
	s.Seniority = SeniorityMix(posts)
	remote := 0
	for _, p := range posts {
		if p.Remote {
			remote++
		}
	}
	s.Remote = NewShare(remote, n)
	s.Experience = YearsAsked(posts)
	sums := summarizePostings([][]Signal{AuthoritySignals, Functions}, posts)
	s.Authority, s.CrossFunctional = sums[0], sums[1]
	return s
}

// TwoProportionP is the two-sided p-value of the pooled two-proportion z
// test of k1/n1 against k2/n2: z = (p1 − p2) / sqrt(p(1−p)(1/n1 + 1/n2))
// with p = (k1+k2)/(n1+n2). It is 1 when either sample is empty or the
// pooled share is 0 or 1 (nothing to tell apart).
func TwoProportionP(k1, n1, k2, n2 int) float64 {
	if n1 <= 0 || n2 <= 0 {
		return 1
	}
	p := float64(k1+k2) / float64(n1+n2)
	if p <= 0 || p >= 1 {
		return 1
	}
	se := math.Sqrt(p * (1 - p) * (1/float64(n1) + 1/float64(n2)))
	z := (float64(k1)/float64(n1) - float64(k2)/float64(n2)) / se
	return math.Erfc(math.Abs(z) / math.Sqrt2)
}

// Newcombe returns the 95% interval of p1 − p2 by Newcombe's hybrid score
// method (method 10 of Newcombe 1998), built from the two Wilson
// intervals; it stays inside [−1, 1] and behaves at 0 and N.
func Newcombe(k1, n1, k2, n2 int) (lo, hi float64) {
	p1, p2 := 0.0, 0.0
	if n1 > 0 {
		p1 = float64(k1) / float64(n1)
	}
	if n2 > 0 {
		p2 = float64(k2) / float64(n2)
	}
	l1, u1 := Wilson(k1, n1, Z95)
	l2, u2 := Wilson(k2, n2, Z95)
	d := p1 - p2
	lo = d - math.Sqrt((p1-l1)*(p1-l1)+(u2-p2)*(u2-p2))
	hi = d + math.Sqrt((u1-p1)*(u1-p1)+(p2-l2)*(p2-l2))
	return max(lo, -1), min(hi, 1)
}

// Holm adjusts p-values for multiple comparisons by Holm's step-down
// method: with the m p-values sorted ascending, the i-th (from 1) becomes
// max over j ≤ i of min(1, (m−j+1)·p(j)). It controls the chance of any
// false "differs" at α across all the tests, without assuming they are
// independent. The result is in the order of ps.
func Holm(ps []float64) []float64 {
	m := len(ps)
	idx := make([]int, m)
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return ps[idx[a]] < ps[idx[b]] })
	adj := make([]float64, m)
	running := 0.0
	for rank, i := range idx {
		v := min(1, float64(m-rank)*ps[i])
		running = max(running, v)
		adj[i] = running
	}
	return adj
}

// Alpha is the family-wise error rate of Compare's markers.
const Alpha = 0.05

// Difference is one test of one measure between two titles.
type Difference struct {
	Measure string     `json:"measure"` // "cert:cspo", "skill:sql", "remote", "authority"
	Label   string     `json:"label"`
	A       string     `json:"a"` // title
	B       string     `json:"b"`
	KA      int        `json:"count_a"`
	NA      int        `json:"postings_a"`
	KB      int        `json:"count_b"`
	NB      int        `json:"postings_b"`
	Diff    float64    `json:"difference"` // share A − share B
	CI95    [2]float64 `json:"ci95"`       // Newcombe hybrid score interval of Diff
	P       float64    `json:"p"`          // two-proportion z test, two-sided
	PHolm   float64    `json:"p_holm"`     // Holm-adjusted over every test in the comparison
	// Significant is PHolm < Alpha: the titles differ on this measure
	// beyond what the samples' noise explains.
	Significant bool `json:"significant"`
}

// Measure is one row of a comparison that is a share of postings, tested
// between titles.
type Measure struct {
	ID    string `json:"id"` // as Difference.Measure
	Label string `json:"label"`
	Kind  string `json:"kind"` // certification, skill, remote, authority
}

// Comparison is the answer of `jobgap compare`.
type Comparison struct {
	Titles      []TitleSummary `json:"titles"`
	Measures    []Measure      `json:"measures"`
	Differences []Difference   `json:"differences"`
	Correction  string         `json:"correction"` // "holm"
	Alpha       float64        `json:"alpha"`
}

// count returns k of n for measure m in summary s.
func (s TitleSummary) count(m string) (k, n int) {
	switch {
	case m == "remote":
		return s.Remote.Count, s.Postings
	case m == "authority":
		return s.Authority.Any.Count, s.Postings
	case strings.HasPrefix(m, "cert:"):
		return demandCount(s.Certs, m[5:]), s.Postings
	case strings.HasPrefix(m, "skill:"):
		return demandCount(s.Skills, m[6:]), s.Postings
	}
	return 0, s.Postings
}

func demandCount(ds []Demand, id string) int {
	for _, d := range ds {
		if d.ID == id {
			return d.Count
		}
	}
	return 0
}

// Compare tests every title against every other on the measures: the
// certifications and skills in any title's top (by postings naming them),
// the remote share and the share of postings with any decision-authority
// signal. Each pair and measure gets a two-proportion z test; the p-values
// of all the tests are adjusted together by Holm's method, and a
// difference is marked significant when its adjusted p is below Alpha. So
// the more titles and rows compared, the stronger a difference must be to
// be marked, and a difference the samples cannot support is never shown.
func Compare(sums []TitleSummary, top int) Comparison {
	c := Comparison{Titles: sums, Correction: "holm", Alpha: Alpha, Differences: []Difference{}}
	seen := map[string]bool{}
	add := func(id, label, kind string) {
		if !seen[id] {
			seen[id] = true
			c.Measures = append(c.Measures, Measure{ID: id, Label: label, Kind: kind})
		}
	}
	for _, kind := range []string{"certification", "skill"} {
		for _, s := range sums {
			ds := s.Certs
			prefix := "cert:"
			if kind == "skill" {
				ds, prefix = s.Skills, "skill:"
			}
			for i, d := range ds {
				if top > 0 && i >= top {
					break
				}
				add(prefix+d.ID, d.Label(), kind)
			}
		}
	}
	add("remote", "remote", "remote")
	add("authority", "any decision-authority signal", "authority")
	var ps []float64
	for _, m := range c.Measures {
		for i := 0; i < len(sums); i++ {
			for j := i + 1; j < len(sums); j++ {
				ka, na := sums[i].count(m.ID)
				kb, nb := sums[j].count(m.ID)
				d := Difference{Measure: m.ID, Label: m.Label, A: sums[i].Title, B: sums[j].Title, KA: ka, NA: na, KB: kb, NB: nb}
				if na > 0 && nb > 0 {
					d.Diff = float64(ka)/float64(na) - float64(kb)/float64(nb)
				}
				d.CI95[0], d.CI95[1] = Newcombe(ka, na, kb, nb)
				d.P = TwoProportionP(ka, na, kb, nb)
				ps = append(ps, d.P)
				c.Differences = append(c.Differences, d)
			}
		}
	}
	for i, p := range Holm(ps) {
		c.Differences[i].PHolm = p
		c.Differences[i].Significant = p < Alpha
	}
	return c
}
