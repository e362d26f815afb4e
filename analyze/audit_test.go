package analyze

import (
	"fmt"
	"testing"
	"time"

	"github.com/jobgap/jobgap/extract"
)

func date(s string) time.Time {
	d, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return d
}

// auditMarket is 10 postings: SQL required in 6 and preferred in 2;
// Excel mentioned in 4; CSPO preferred in 2; Figma mentioned in 2; Jira
// mentioned in 1.
func auditMarket() []extract.Posting {
	var posts []extract.Posting
	for i := range 10 {
		var tags []string
		switch {
		case i < 6:
			tags = append(tags, "sql:required")
		case i < 8:
			tags = append(tags, "sql:preferred")
		}
		if i < 4 {
			tags = append(tags, "excel:mentioned")
		}
		if i == 8 || i == 9 {
			tags = append(tags, "cert:cspo:preferred", "figma:mentioned")
		}
		if i == 0 {
			tags = append(tags, "jira:mentioned")
		}
		posts = append(posts, post("", tags...))
	}
	return posts
}

func auditProfile() Profile {
	return Profile{Title: "PM", Competencies: []Competency{
		{Name: "SQL", ID: "sql", Current: 2, Due: date("2026-10-01")},
		{Name: "Excel", ID: "excel", Current: 4, Target: 3},
		{Name: "Workshops", Own: true, Current: 2, Target: 4},
		{Name: "Jira", ID: "jira", Current: 1, Target: 2, Due: date("2026-10-15")},
		{Name: "Python", ID: "python"},
	}}
}

func TestAudit(t *testing.T) {
	posts := auditMarket()
	res := Audit(auditProfile(), Demands(posts, nil, ""), len(posts), date("2026-10-15"), 0.10)
	// Worked by hand (weighted demand = (req + ½ pref + ¼ mentioned)/10;
	// gap = target − max(current, 1); priority = weighted × gap):
	//   SQL     (6 + 1)/10 = 0.7, req 60% → target 4, gap 2, 1.4, due 10-01 < today: overdue
	//   CSPO    not in profile, 20% → target 3, gap 2, weighted 0.1 → 0.2
	//   Figma   not in profile, 20% → target 3, gap 2, weighted 0.05 → 0.1
	//   Python  in profile, unnamed → target 2, gap 1, weighted 0 → 0, not yet rated
	//   Jira    1 posting, weighted 0.025, target 2, gap 1 → 0.025, due today: on track
	//   Excel   weighted 0.1, current 4 ≥ target 3 → gap 0, done
	//   Workshops  own, no market → target 4 (set), gap 2, priority 0, no due date
	// Jira's single posting is under the 2-posting floor, but it is in the
	// profile; nothing else in the market is missing.
	want := []struct {
		name     string
		target   int
		gap      int
		priority float64
		status   string
		inProf   bool
	}{
		{"SQL", 4, 2, 1.4, StatusOverdue, true},
		{"cspo", 3, 2, 0.2, StatusNotRated, false},
		{"figma", 3, 2, 0.1, StatusNotRated, false},
		{"Jira", 2, 1, 0.025, StatusOnTrack, true},
		{"Excel", 3, 0, 0, StatusDone, true},
		{"Workshops", 4, 2, 0, StatusNoDate, true}, // ties on 0: the wider gap first
		{"Python", 2, 1, 0, StatusNotRated, true},
	}
	if len(res.Rows) != len(want) {
		for _, r := range res.Rows {
			t.Logf("%+v", r)
		}
		t.Fatalf("got %d rows, want %d", len(res.Rows), len(want))
	}
	for i, w := range want {
		r := res.Rows[i]
		if r.Name != w.name || r.Target != w.target || r.Gap != w.gap || r.Priority != w.priority || r.Status != w.status || r.InProfile != w.inProf {
			t.Errorf("row %d = %s target %d gap %d priority %v %s in profile %v; want %+v",
				i+1, r.Name, r.Target, r.Gap, r.Priority, r.Status, r.InProfile, w)
		}
	}
	if res.Rows[0].TargetFrom != "market" || res.Rows[4].TargetFrom != "profile" {
		t.Errorf("target sources: %s, %s", res.Rows[0].TargetFrom, res.Rows[4].TargetFrom)
	}
	if res.Postings != 10 || res.Today != "2026-10-15" || !res.SmallSample {
		t.Errorf("header fields: %+v", res)
	}
}

// TestAuditRequiredOverPreferred: the same share of postings, required
// in one case and preferred in the other, gives twice the priority.
func TestAuditRequiredOverPreferred(t *testing.T) {
	var posts []extract.Posting
	for i := range 4 {
		if i < 2 {
			posts = append(posts, post("", "sql:required", "excel:preferred"))
		} else {
			posts = append(posts, post(""))
		}
	}
	p := Profile{Title: "PM", Competencies: []Competency{
		{Name: "SQL", ID: "sql", Current: 1, Target: 3},
		{Name: "Excel", ID: "excel", Current: 1, Target: 3},
	}}
	res := Audit(p, Demands(posts, nil, ""), 4, date("2026-01-01"), 0.1)
	// SQL: 2/4 · 2 = 1.0; Excel: (2·½)/4 · 2 = 0.5.
	if res.Rows[0].Name != "SQL" || res.Rows[0].Priority != 1 || res.Rows[1].Priority != 0.5 {
		t.Errorf("rows = %+v", res.Rows)
	}
}

func TestDefaultTarget(t *testing.T) {
	tests := []struct {
		d    Demand
		own  bool
		want int
	}{
		{Demand{N: 10, Count: 5, Required: 5}, false, 4},
		{Demand{N: 10, Count: 9, Required: 4}, false, 3},
		{Demand{N: 10, Count: 2}, false, 3},
		{Demand{N: 10, Count: 1}, false, 2},
		{Demand{N: 10}, true, 3},
		{Demand{}, false, 2},
	}
	for _, tt := range tests {
		tt.d.finish()
		if got := DefaultTarget(tt.d, tt.own); got != tt.want {
			t.Errorf("DefaultTarget(%d of %d, %d required, own %v) = %d, want %d", tt.d.Count, tt.d.N, tt.d.Required, tt.own, got, tt.want)
		}
	}
}

func TestHistory(t *testing.T) {
	snap := func(d string, n int, sqlCur int, sqlShare float64, figma int) Snapshot {
		s := Snapshot{Date: d, Title: "PM", Postings: n, Competencies: []SnapshotEntry{
			{Key: "sql", Name: "SQL", InProfile: true, Current: sqlCur, Target: 4, Share: sqlShare},
		}}
		if figma >= 0 {
			s.Competencies = append(s.Competencies, SnapshotEntry{Key: "figma", Name: "Figma", Current: figma, Target: 3, Share: 0.2})
		}
		return s
	}
	// Out of order on purpose: History sorts by date.
	rows := History([]Snapshot{
		snap("2026-09-15", 55, 3, 0.40, 2),
		snap("2026-09-01", 50, 2, 0.38, 0),
		snap("2026-10-13", 62, 4, 0.41, -1),
	})
	if len(rows) != 2 {
		t.Fatalf("rows = %+v", rows)
	}
	sql, figma := rows[0], rows[1]
	if sql.Ratings != "2 → 3 → 4" || sql.Span != "6 weeks" || sql.Demand != "38% of 50 → 41% of 62" || len(sql.Points) != 3 {
		t.Errorf("SQL history = %+v", sql)
	}
	if figma.Ratings != "– → 2" || figma.Span != "14 days" && figma.Span != "2 weeks" || figma.Demand != "20% of 50 → 20% of 55" {
		t.Errorf("Figma history = %+v", figma)
	}
	if got := span("2026-09-01", "2026-09-05"); got != "4 days" {
		t.Errorf("span = %q", got)
	}
}

func TestSnapshotOfAudit(t *testing.T) {
	posts := auditMarket()
	res := Audit(auditProfile(), Demands(posts, nil, ""), len(posts), date("2026-10-15"), 0.10)
	s := res.Snapshot("none")
	if s.Date != "2026-10-15" || s.Postings != 10 || len(s.Competencies) != len(res.Rows) {
		t.Fatalf("snapshot = %+v", s)
	}
	got := fmt.Sprintf("%s %d %.2f", s.Competencies[0].Key, s.Competencies[0].Current, s.Competencies[0].Share)
	if got != "sql 2 0.80" {
		t.Errorf("first entry = %s", got)
	}
	if s.Competencies[5].Key != "own:workshops" {
		t.Errorf("own key = %s", s.Competencies[5].Key)
	}
}
