package analyze_test

import (
	"fmt"
	"time"

	"github.com/jobgap/jobgap/analyze"
	"github.com/jobgap/jobgap/extract"
	"github.com/jobgap/jobgap/extract/taxonomy"
)

// postings returns n postings, the first k of them tagged id at level.
func postings(n, k int, kind extract.Kind, id string, level extract.Level) []extract.Posting {
	out := make([]extract.Posting, n)
	for i := range k {
		out[i].Tags = []extract.Tag{{ID: id, Kind: kind, Level: level}}
	}
	return out
}

func ExampleCertPick_Plain() {
	tax, _ := taxonomy.Default()
	// 50 Product Owner postings: 7 require CSPO, 12 more mention it.
	posts := postings(50, 19, extract.KindCertification, "cspo", extract.LevelMentioned)
	for i := range 7 {
		posts[i].Tags[0].Level = extract.LevelRequired
	}
	top := analyze.RankCerts(posts, tax)[0]
	fmt.Println(top.Plain("Product Owner"))
	// Output: CSPO: 38% of 50 Product Owner postings (26–52%), 14% required; 2-day course (16 hours), no exam; $800–$1,500
}

func ExampleCompare() {
	// CSPO in 40 of 50 Product Owner postings and 10 of 50 Product
	// Manager postings: a real difference. SQL in 22 and 20: noise.
	po := postings(50, 40, extract.KindCertification, "cspo", extract.LevelRequired)
	pm := postings(50, 10, extract.KindCertification, "cspo", extract.LevelRequired)
	for i := range 22 {
		po[i].Tags = append(po[i].Tags, extract.Tag{ID: "sql", Kind: extract.KindSkill, Level: extract.LevelMentioned})
	}
	for i := range 20 {
		pm[i].Tags = append(pm[i].Tags, extract.Tag{ID: "sql", Kind: extract.KindSkill, Level: extract.LevelMentioned})
	}
	c := analyze.Compare([]analyze.TitleSummary{
		analyze.Summarize("Product Owner", po, nil),
		analyze.Summarize("Product Manager", pm, nil),
	}, 5)
	// Intervals worked by hand: Wilson 40/50 = [0.670, 0.888] and 10/50 =
	// [0.112, 0.330], so Newcombe = 0.6 ∓ sqrt(0.130² + 0.130²), +
	// sqrt(0.088² + 0.088²) = [0.416, 0.724].
	for _, d := range c.Differences {
		fmt.Printf("%-9s %2d/%d vs %2d/%d  diff %+.2f [%+.2f, %+.2f]  Holm p %.3f  differs: %v\n",
			d.Measure, d.KA, d.NA, d.KB, d.NB, d.Diff, d.CI95[0], d.CI95[1], d.PHolm, d.Significant)
	}
	// Output:
	// cert:cspo 40/50 vs 10/50  diff +0.60 [+0.42, +0.72]  Holm p 0.000  differs: true
	// skill:sql 22/50 vs 20/50  diff +0.04 [-0.15, +0.22]  Holm p 1.000  differs: false
	// remote     0/50 vs  0/50  diff +0.00 [-0.07, +0.07]  Holm p 1.000  differs: false
	// authority  0/50 vs  0/50  diff +0.00 [-0.07, +0.07]  Holm p 1.000  differs: false
}

func ExampleAudit() {
	// 10 postings: SQL required in 6, Excel mentioned in 4.
	posts := postings(10, 6, extract.KindSkill, "sql", extract.LevelRequired)
	for i := 6; i < 10; i++ {
		posts[i].Tags = []extract.Tag{{ID: "excel", Name: "Excel", Kind: extract.KindSkill, Level: extract.LevelMentioned}}
	}
	due, _ := time.Parse("2006-01-02", "2026-10-01")
	p := analyze.Profile{Title: "Product Manager", Competencies: []analyze.Competency{
		{Name: "SQL", ID: "sql", Current: 2, Due: due},
	}}
	today, _ := time.Parse("2006-01-02", "2026-10-15")
	res := analyze.Audit(p, analyze.Demands(posts, nil, ""), len(posts), today, 0.10)
	for _, r := range res.Rows {
		fmt.Printf("%-5s demand %.0f%% (req %.0f%%)  current %d  target %d  gap %d  priority %.2f  %s\n",
			r.Name, r.Demand.Share*100, r.RequiredShare*100, r.Current, r.Target, r.Gap, r.Priority, r.Status)
	}
	// Output:
	// SQL   demand 60% (req 60%)  current 2  target 4  gap 2  priority 1.20  overdue
	// Excel demand 40% (req 0%)  current 0  target 3  gap 2  priority 0.20  not yet rated
}

func ExampleHistory() {
	week := func(d string, current int, share float64) analyze.Snapshot {
		return analyze.Snapshot{Date: d, Postings: 50, Competencies: []analyze.SnapshotEntry{
			{Key: "sprint-planning", Name: "sprint planning", Current: current, Share: share},
		}}
	}
	rows := analyze.History([]analyze.Snapshot{
		week("2026-09-01", 2, 0.30), week("2026-09-22", 3, 0.30), week("2026-10-13", 4, 0.34),
	})
	r := rows[0]
	fmt.Printf("%s %s over %s; demand %s\n", r.Name, r.Ratings, r.Span, r.Demand)
	// Output: sprint planning 2 → 3 → 4 over 6 weeks; demand 30% of 50 → 34% of 50
}
