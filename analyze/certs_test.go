package analyze

import (
	"testing"

	"github.com/jobgap/jobgap/extract"
	"github.com/jobgap/jobgap/extract/taxonomy"
)

// TestRankCertsRule pins the ranking rule on 10 postings: A mentioned in
// 8 (weighted 8·¼/10 = 0.2), B required in 3 (0.3), C preferred in 4
// (0.2, but named in fewer postings than A), D required in 1 and
// preferred in 2 (0.2, named in 3): B, A, C, D.
func TestRankCertsRule(t *testing.T) {
	var posts []extract.Posting
	for i := range 10 {
		var tags []string
		if i < 8 {
			tags = append(tags, "cert:a:mentioned")
		}
		if i < 3 {
			tags = append(tags, "cert:b:required")
		}
		if i >= 6 {
			tags = append(tags, "cert:c:preferred")
		}
		if i == 0 {
			tags = append(tags, "cert:d:required")
		}
		if i == 1 || i == 2 {
			tags = append(tags, "cert:d:preferred")
		}
		posts = append(posts, post("", tags...))
	}
	got := RankCerts(posts, nil)
	want := []struct {
		id       string
		weighted float64
		count    int
	}{{"b", 0.3, 3}, {"a", 0.2, 8}, {"c", 0.2, 4}, {"d", 0.2, 3}}
	if len(got) != len(want) {
		t.Fatalf("got %d certs", len(got))
	}
	for i, w := range want {
		if got[i].ID != w.id || got[i].Weighted != w.weighted || got[i].Count != w.count {
			t.Errorf("#%d = %s (weighted %v, count %d), want %s (%v, %d)", i+1, got[i].ID, got[i].Weighted, got[i].Count, w.id, w.weighted, w.count)
		}
	}
}

func TestCost(t *testing.T) {
	tests := []struct {
		c    taxonomy.Cost
		want string
	}{
		{taxonomy.Cost{Min: 800, Max: 1500}, "$800–$1,500"},
		{taxonomy.Cost{Min: 1000, Max: 1000}, "about $1,000"},
		{taxonomy.Cost{Max: 250}, "up to $250"},
		{taxonomy.Cost{Free: true}, "free"},
		{taxonomy.Cost{Min: 12000}, "from $12,000"},
		{taxonomy.Cost{}, "cost unknown"},
	}
	for _, tt := range tests {
		if got := (CertPick{CostUSD: tt.c}).Cost(); got != tt.want {
			t.Errorf("Cost(%+v) = %q, want %q", tt.c, got, tt.want)
		}
	}
}
