package extract

import (
	"regexp"
	"testing"
	"time"
)

var idRe = regexp.MustCompile(`^[a-z0-9-]{1,40}$`)

// TestPostingIDStable splits and parses every fixture twice, at different
// times, and wants the same ids, well-formed and distinct within a file.
func TestPostingIDStable(t *testing.T) {
	for _, c := range splitCases {
		seen := map[string]bool{}
		ids := func(at time.Time) []string {
			doc := loadCase(t, c)
			doc.FetchedAt = at
			raws, _ := Split(doc)
			var out []string
			for _, r := range raws {
				if p, err := Parse(r); err == nil {
					out = append(out, p.ID)
				}
			}
			return out
		}
		a, b := ids(time.Unix(1, 0)), ids(time.Now())
		if len(a) != len(b) {
			t.Fatalf("%s: %d then %d postings", c.name, len(a), len(b))
		}
		for i := range a {
			if a[i] != b[i] {
				t.Errorf("%s: id %q then %q", c.name, a[i], b[i])
			}
			if !idRe.MatchString(a[i]) {
				t.Errorf("%s: id %q is not [a-z0-9-]{1,40}", c.name, a[i])
			}
			if seen[a[i]] {
				t.Errorf("%s: id %q twice", c.name, a[i])
			}
			seen[a[i]] = true
		}
	}
}

func TestPostingID(t *testing.T) {
	p := Posting{Title: "Baker", Company: "Crumb", Description: "Bake  bread."}
	tests := []struct {
		name string
		a, b Raw
		pa   Posting
		pb   Posting
		same bool
	}{
		{"same source id", Raw{Source: "greenhouse:acme", SourceID: "1", URL: "https://a/1"}, Raw{Source: "greenhouse:acme", SourceID: "1", URL: "https://a/other"}, p, p, true},
		{"same id, other board", Raw{Source: "greenhouse:acme", SourceID: "1"}, Raw{Source: "greenhouse:zeta", SourceID: "1"}, p, p, false},
		{"file ids are scoped by company", Raw{Source: "file", SourceID: "1"}, Raw{Source: "file", SourceID: "1"}, p, Posting{Title: "Baker", Company: "Other"}, false},
		{"url tracking params, fragment, slash, case, http", Raw{URL: "HTTP://Jobs.Example.com/a/1/?utm_source=x&b=2&a=1#apply"}, Raw{URL: "https://jobs.example.com/a/1?a=1&b=2"}, p, p, true},
		{"different urls", Raw{URL: "https://jobs.example.com/a/1"}, Raw{URL: "https://jobs.example.com/a/2"}, p, p, false},
		{"content, case and space", Raw{}, Raw{}, p, Posting{Title: "BAKER", Company: "crumb", Description: "bake bread."}, true},
		{"content differs", Raw{}, Raw{}, p, Posting{Title: "Baker", Company: "Crumb", Description: "Fry."}, false},
	}
	for _, tt := range tests {
		a, b := PostingID(tt.pa, tt.a), PostingID(tt.pb, tt.b)
		if (a == b) != tt.same {
			t.Errorf("%s: ids %q and %q, want same=%v", tt.name, a, b, tt.same)
		}
		for _, id := range []string{a, b} {
			if !idRe.MatchString(id) {
				t.Errorf("%s: id %q is not [a-z0-9-]{1,40}", tt.name, id)
			}
		}
	}
	if id := PostingID(p, Raw{Source: "greenhouse:acme", SourceID: "1"}); id[:3] != "gh-" {
		t.Errorf("greenhouse id %q, want prefix gh-", id)
	}
	if id := PostingID(p, Raw{Source: "Some Weird:Kind!", SourceID: "1"}); !idRe.MatchString(id) {
		t.Errorf("id %q is not [a-z0-9-]{1,40}", id)
	}
}

func TestNormalizeURL(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"HTTPS://Example.COM:443/Jobs/1/?utm_medium=a&gh_src=b&id=3#x", "https://example.com/Jobs/1?id=3"},
		{"http://example.com/", "https://example.com"},
		{"https://example.com/a?b=2&a=1&fbclid=z", "https://example.com/a?a=1&b=2"},
		{"not a url", "not a url"},
	} {
		if got := NormalizeURL(tt.in); got != tt.want {
			t.Errorf("NormalizeURL(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
