package analyze

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"time"
)

// Audit statuses.
const (
	StatusDone     = "done"          // current rating at or above target
	StatusOverdue  = "overdue"       // below target and the due date has passed
	StatusOnTrack  = "on track"      // below target, due date today or later
	StatusNoDate   = "no due date"   // below target, no due date set
	StatusNotRated = "not yet rated" // no current rating, or not in the profile at all
)

// AuditRow is one competency in the gap list.
type AuditRow struct {
	Name      string `json:"name"`
	ID        string `json:"id,omitempty"` // catalog id; "" for the person's own
	Acronym   string `json:"acronym,omitempty"`
	Kind      string `json:"kind,omitempty"`
	InProfile bool   `json:"in_profile"` // false: the market asks for it and the profile lacks it
	Current   int    `json:"current"`    // 0 not yet rated
	Target    int    `json:"target"`
	// TargetFrom is "profile" when the person set the target, else
	// "market" (DefaultTarget).
	TargetFrom    string  `json:"target_from"`
	Gap           int     `json:"gap"`
	Demand        Share   `json:"demand"` // postings naming it, of N
	Required      int     `json:"required"`
	Preferred     int     `json:"preferred"`
	RequiredShare float64 `json:"required_share"`
	Weighted      float64 `json:"weighted_demand"`
	Priority      float64 `json:"priority"`
	Status        string  `json:"status"`
	Method        string  `json:"method,omitempty"`
	Due           string  `json:"due,omitempty"`
	Notes         string  `json:"notes,omitempty"`
}

// Label is the acronym when there is one, else the name.
func (r AuditRow) Label() string {
	if r.Acronym != "" {
		return r.Acronym
	}
	return r.Name
}

// AuditResult is the prioritised gap list of `jobgap audit`.
type AuditResult struct {
	Title       string     `json:"title"`
	Postings    int        `json:"postings"`
	SmallSample bool       `json:"small_sample"`
	Today       string     `json:"today"`
	MinShare    float64    `json:"min_share"` // market competencies at or above this share are added when missing
	Rows        []AuditRow `json:"competencies"`
}

// DefaultTarget is the target rating when the profile sets none: 4 when at
// least half the postings require the competency (a must-have), 3 when at
// least one in five names it, or for a competency of the person's own
// (the market says nothing, the person chose it), else 2.
func DefaultTarget(d Demand, own bool) int {
	switch {
	case d.N > 0 && d.RequiredShare >= 0.5:
		return 4
	case own || d.N > 0 && d.Share >= 0.2:
		return 3
	}
	return 2
}

// Audit joins a profile with the market's demand (Demands over the N
// postings for the profile's title) on date today:
//
//   - gap = target − current, never below 0; a competency not yet rated
//     counts as 1, the bottom of the scale;
//   - priority = weighted demand × gap, where weighted demand is
//     (required·1 + preferred·½ + mentioned·¼) / N: what the market asks
//     for, required above preferred, times how far there is to go. A
//     competency no posting names has priority 0, however wide its gap;
//   - status: not yet rated, done (current ≥ target), overdue (due date
//     before today), on track (due today or later) or no due date;
//   - market competencies named by at least minShare of the postings (and
//     by two postings at least) that the profile lacks are added as "not
//     yet rated" rows, with the default target.
//
// Rows are in priority order, highest first; ties by weighted demand,
// then gap, then name.
func Audit(p Profile, demands []Demand, n int, today time.Time, minShare float64) AuditResult {
	res := AuditResult{Title: p.Title, Postings: n, SmallSample: n < SmallSample,
		Today: today.Format("2006-01-02"), MinShare: minShare, Rows: []AuditRow{}}
	byID := map[string]Demand{}
	for _, d := range demands {
		byID[d.ID] = d
	}
	day := time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, time.UTC)
	inProfile := map[string]bool{}
	for _, c := range p.Competencies {
		d := byID[c.ID]
		if c.ID == "" {
			d = Demand{N: n}
		} else if d.ID == "" {
			d = Demand{ID: c.ID, N: n}
			d.finish()
		}
		inProfile[c.ID] = c.ID != ""
		row := auditRow(d, c.Own)
		row.Name, row.ID, row.Kind, row.InProfile, row.Acronym = c.Name, c.ID, c.Kind, true, ""
		row.Current, row.Method, row.Notes = c.Current, c.Method, c.Notes
		if c.Target > 0 {
			row.Target, row.TargetFrom = c.Target, "profile"
		}
		if !c.Due.IsZero() {
			row.Due = c.Due.Format("2006-01-02")
		}
		row.score()
		switch {
		case row.Current == 0:
			row.Status = StatusNotRated
		case row.Current >= row.Target:
			row.Status = StatusDone
		case c.Due.IsZero():
			row.Status = StatusNoDate
		case c.Due.Before(day):
			row.Status = StatusOverdue
		default:
			row.Status = StatusOnTrack
		}
		res.Rows = append(res.Rows, row)
	}
	for _, d := range demands {
		if inProfile[d.ID] || d.Count < 2 || d.Share < minShare {
			continue
		}
		row := auditRow(d, false)
		row.Name, row.ID, row.Acronym, row.Kind = d.Name, d.ID, d.Acronym, d.Kind
		row.Status = StatusNotRated
		row.score()
		res.Rows = append(res.Rows, row)
	}
	sort.SliceStable(res.Rows, func(i, j int) bool {
		a, b := res.Rows[i], res.Rows[j]
		if a.Priority != b.Priority {
			return a.Priority > b.Priority
		}
		if a.Weighted != b.Weighted {
			return a.Weighted > b.Weighted
		}
		if a.Gap != b.Gap {
			return a.Gap > b.Gap
		}
		return strings.ToLower(a.Name) < strings.ToLower(b.Name)
	})
	return res
}

func auditRow(d Demand, own bool) AuditRow {
	return AuditRow{
		Acronym: d.Acronym, Target: DefaultTarget(d, own), TargetFrom: "market",
		Demand: NewShare(d.Count, d.N), Required: d.Required, Preferred: d.Preferred,
		RequiredShare: d.RequiredShare, Weighted: d.Weighted,
	}
}

func (r *AuditRow) score() {
	r.Gap = max(r.Target-max(r.Current, 1), 0)
	// Rounded to 4 places so that scores equal on paper sort as equal.
	r.Priority = math.Round(r.Weighted*float64(r.Gap)*1e4) / 1e4
}

// Snapshot is what one audit run keeps in the history: the ratings and
// the market shares it used.
type Snapshot struct {
	Date         string          `json:"date"` // YYYY-MM-DD
	Title        string          `json:"title"`
	Filters      string          `json:"filters,omitempty"`
	Postings     int             `json:"postings"`
	Competencies []SnapshotEntry `json:"competencies"`
}

// SnapshotEntry is one competency in a Snapshot.
type SnapshotEntry struct {
	Key           string  `json:"key"` // catalog id, or "own:" + name
	Name          string  `json:"name"`
	InProfile     bool    `json:"in_profile"`
	Current       int     `json:"current"`
	Target        int     `json:"target"`
	Count         int     `json:"count"`
	Share         float64 `json:"share"`
	RequiredShare float64 `json:"required_share"`
	Priority      float64 `json:"priority"`
}

// Snapshot returns what the history keeps of this audit.
func (r AuditResult) Snapshot(filters string) Snapshot {
	s := Snapshot{Date: r.Today, Title: r.Title, Filters: filters, Postings: r.Postings, Competencies: []SnapshotEntry{}}
	for _, row := range r.Rows {
		key := row.ID
		if key == "" {
			key = Competency{Name: row.Name}.Key()
		}
		s.Competencies = append(s.Competencies, SnapshotEntry{Key: key, Name: row.Label(), InProfile: row.InProfile,
			Current: row.Current, Target: row.Target, Count: row.Demand.Count, Share: row.Demand.Share,
			RequiredShare: row.RequiredShare, Priority: row.Priority})
	}
	return s
}

// HistoryPoint is one competency in one snapshot.
type HistoryPoint struct {
	Date     string  `json:"date"`
	Current  int     `json:"current"` // 0 not yet rated
	Target   int     `json:"target"`
	Count    int     `json:"count"`
	Postings int     `json:"postings"`
	Share    float64 `json:"share"`
}

// HistoryRow is one competency over time.
type HistoryRow struct {
	Key    string         `json:"key"`
	Name   string         `json:"name"`
	Points []HistoryPoint `json:"points"`
	// Ratings is the current rating over time with repeats collapsed,
	// "–" while not rated: "2 → 3 → 4".
	Ratings string `json:"ratings"`
	// Span is the time from the first to the last snapshot holding the
	// competency: "6 weeks", or "4 days" under two weeks; "" for one
	// snapshot.
	Span string `json:"span"`
	// Demand is the share of postings naming it, first and last: "38% of
	// 50 → 41% of 62", or one figure when it did not move.
	Demand string `json:"demand"`
}

// History follows each competency through snapshots (any order; they are
// sorted by date). Rows are in the order of the latest snapshot, then
// competencies that dropped out, by name.
func History(snaps []Snapshot) []HistoryRow {
	snaps = append([]Snapshot(nil), snaps...)
	sort.SliceStable(snaps, func(i, j int) bool { return snaps[i].Date < snaps[j].Date })
	rows := map[string]*HistoryRow{}
	var order []string
	for _, s := range snaps {
		for _, e := range s.Competencies {
			r := rows[e.Key]
			if r == nil {
				r = &HistoryRow{Key: e.Key}
				rows[e.Key] = r
				order = append(order, e.Key)
			}
			r.Name = e.Name
			r.Points = append(r.Points, HistoryPoint{Date: s.Date, Current: e.Current, Target: e.Target,
				Count: e.Count, Postings: s.Postings, Share: e.Share})
		}
	}
	rank := map[string]int{}
	if len(snaps) > 0 {
		for i, e := range snaps[len(snaps)-1].Competencies {
			rank[e.Key] = i + 1
		}
	}
	sort.SliceStable(order, func(i, j int) bool {
		ri, rj := rank[order[i]], rank[order[j]]
		switch {
		case ri > 0 && rj > 0:
			return ri < rj
		case ri > 0 || rj > 0:
			return ri > 0
		}
		return rows[order[i]].Name < rows[order[j]].Name
	})
	out := make([]HistoryRow, 0, len(order))
	for _, k := range order {
		r := rows[k]
		var rs []string
		for _, pt := range r.Points {
			v := "–"
			if pt.Current > 0 {
				v = fmt.Sprint(pt.Current)
			}
			if len(rs) == 0 || rs[len(rs)-1] != v {
				rs = append(rs, v)
			}
		}
		r.Ratings = strings.Join(rs, " → ")
		first, last := r.Points[0], r.Points[len(r.Points)-1]
		r.Span = span(first.Date, last.Date)
		d1 := fmt.Sprintf("%.0f%% of %d", first.Share*100, first.Postings)
		d2 := fmt.Sprintf("%.0f%% of %d", last.Share*100, last.Postings)
		r.Demand = d1
		if d2 != d1 {
			r.Demand = d1 + " → " + d2
		}
		out = append(out, *r)
	}
	return out
}

func span(from, to string) string {
	a, err1 := time.Parse("2006-01-02", from)
	b, err2 := time.Parse("2006-01-02", to)
	if err1 != nil || err2 != nil {
		return ""
	}
	days := int(b.Sub(a).Hours() / 24)
	switch {
	case days <= 0:
		return ""
	case days == 1:
		return "1 day"
	case days < 14:
		return fmt.Sprintf("%d days", days)
	}
	return fmt.Sprintf("%d weeks", int(math.Round(float64(days)/7)))
}
