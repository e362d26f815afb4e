package extract

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// Fixtures written for jobgap in the shapes the real APIs answer with.
const workableAccount = `{
  "name": "Anvil & Co",
  "description": "<p>We make anvils.</p>",
  "jobs": [
    {
      "title": "Product Owner",
      "shortcode": "AB12CD34EF",
      "code": "",
      "employment_type": "Full-time",
      "telecommuting": false,
      "department": "Product",
      "url": "https://apply.workable.com/j/AB12CD34EF",
      "shortlink": "https://apply.workable.com/j/AB12CD34EF",
      "application_url": "https://apply.workable.com/j/AB12CD34EF/apply",
      "published_on": "2026-02-14",
      "created_at": "2026-02-13",
      "country": "Greece", "city": "Athens", "state": "",
      "locations": [{"country": "Greece", "countryCode": "GR", "city": "Athens", "region": "Attica"},
                    {"country": "Cyprus", "countryCode": "CY", "city": "Limassol", "region": ""}],
      "description": "<p>Own the backlog.</p><ul><li>CSPO preferred</li></ul>"
    },
    {
      "title": "Data Engineer",
      "shortcode": "ZZ99",
      "employment_type": "Contract",
      "telecommuting": true,
      "url": "https://apply.workable.com/j/ZZ99",
      "published_on": "2026-03-01",
      "country": "Greece", "city": "", "state": "",
      "description": "<p>Spark and SQL.</p>"
    },
    "not a job"
  ]
}`

const recruiteeOffers = `{
  "offers": [
    {
      "id": 900001,
      "slug": "product-manager",
      "title": "Product Manager",
      "company_name": "Tulip BV",
      "status": "published",
      "employment_type_code": "fulltime_permanent",
      "remote": false,
      "hybrid": true,
      "city": "Utrecht", "state_name": "Utrecht", "country": "Netherlands", "country_code": "NL",
      "location": "Utrecht, Netherlands",
      "careers_url": "https://tulip.recruitee.com/o/product-manager",
      "published_at": "2026-01-21 09:00:00 UTC",
      "created_at": "2026-01-20 09:00:00 UTC",
      "description": "<p>Shape the roadmap.</p>",
      "requirements": "<ul><li>3 years of product management</li></ul>",
      "salary": {"min": "4500", "max": "6000", "currency": "EUR", "period": "month"}
    },
    {
      "id": 900002,
      "title": "",
      "remote": true,
      "careers_url": "https://tulip.recruitee.com/o/backend",
      "created_at": "2026-01-22 10:30:00 UTC",
      "salary": {"min": null, "max": null, "currency": null, "period": null},
      "translations": {
        "nl": {"title": "Backend ontwikkelaar", "description": "<p>Go.</p>"},
        "en": {"title": "Backend Developer", "description": "<p>Go and PostgreSQL.</p>"}
      }
    }
  ]
}`

const jobFeed = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
<title>Acme jobs</title><link>https://acme.example/careers/</link>
<item>
  <title>Product Owner</title>
  <link>https://acme.example/careers/po</link>
  <guid>po-1</guid>
  <pubDate>Mon, 02 Mar 2026 10:00:00 +0000</pubDate>
  <description>&lt;p&gt;Own the backlog. CSPO a plus.&lt;/p&gt;</description>
</item>
<item>
  <title>Designer</title>
  <link>https://acme.example/careers/designer</link>
</item>
</channel>
</rss>`

const atomFeed = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Jobs</title>
  <entry>
    <title>Product Manager</title>
    <link rel="alternate" href="/jobs/pm"/>
    <id>urn:pm</id>
    <published>2026-03-03T08:00:00Z</published>
    <content type="html">&lt;p&gt;Discovery and delivery.&lt;/p&gt;</content>
  </entry>
</feed>`

func parseAll(t *testing.T, doc Document) ([]Posting, []Raw, []error) {
	t.Helper()
	raws, errs := Split(doc)
	var ps []Posting
	for _, r := range raws {
		p, err := Parse(r)
		if err != nil {
			t.Fatalf("parse %s: %v", r.Origin, err)
		}
		ps = append(ps, p)
	}
	return ps, raws, errs
}

func TestSplitWorkable(t *testing.T) {
	for _, doc := range []Document{
		{Name: "https://apply.workable.com/api/v1/widget/accounts/anvil?details=true", Source: "workable:anvil", Format: "workable", Body: []byte(workableAccount)},
		{Name: "anvil.json", Source: "workable:anvil", Body: []byte(workableAccount)}, // recognised by shape
	} {
		ps, raws, errs := parseAll(t, doc)
		if len(errs) != 1 || !strings.Contains(errs[0].Error(), "job 3 is a JSON string") {
			t.Errorf("%s: errors = %v, want one for job 3", doc.Name, errs)
		}
		if len(ps) != 2 {
			t.Fatalf("%s: %d postings, want 2", doc.Name, len(ps))
		}
		po := ps[0]
		if po.Title != "Product Owner" || po.Company != "Anvil & Co" || po.SourceID != "AB12CD34EF" ||
			po.URL != "https://apply.workable.com/j/AB12CD34EF" || po.EmploymentType != "full_time" ||
			!po.DatePosted.Equal(time.Date(2026, 2, 14, 0, 0, 0, 0, time.UTC)) || po.Remote {
			t.Errorf("%s: posting 1 = %+v", doc.Name, po)
		}
		if strings.Join(po.Locations, "|") != "Athens, Attica, Greece|Limassol, Cyprus" {
			t.Errorf("locations = %q", po.Locations)
		}
		if !strings.Contains(po.Description, "Own the backlog.") || !strings.Contains(po.Description, "CSPO preferred") {
			t.Errorf("description = %q", po.Description)
		}
		de := ps[1]
		if !de.Remote || de.EmploymentType != "contract" || strings.Join(de.Locations, "|") != "Greece" {
			t.Errorf("posting 2 = %+v", de)
		}
		if raws[0].Format != FormatJobPosting || !strings.Contains(raws[0].Body, `"jobgap:source"`) {
			t.Errorf("raw = %s %s, want a JobPosting keeping the source job", raws[0].Format, raws[0].Body)
		}
		if !strings.HasPrefix(po.ID, "workable-") {
			t.Errorf("id = %q", po.ID)
		}
	}
}

func TestSplitRecruitee(t *testing.T) {
	ps, _, errs := parseAll(t, Document{Name: "https://tulip.recruitee.com/api/offers/", Source: "recruitee:tulip", Format: "recruitee", Body: []byte(recruiteeOffers)})
	if len(errs) != 0 || len(ps) != 2 {
		t.Fatalf("%d postings, errors %v; want 2 and none", len(ps), errs)
	}
	pm := ps[0]
	if pm.Title != "Product Manager" || pm.Company != "Tulip BV" || pm.SourceID != "900001" ||
		pm.EmploymentType != "full_time" || pm.URL != "https://tulip.recruitee.com/o/product-manager" ||
		!pm.DatePosted.Equal(time.Date(2026, 1, 21, 9, 0, 0, 0, time.UTC)) ||
		strings.Join(pm.Locations, "|") != "Utrecht, Netherlands" {
		t.Errorf("posting 1 = %+v", pm)
	}
	if !strings.Contains(pm.Description, "Shape the roadmap.") || !strings.Contains(pm.Description, "3 years of product management") {
		t.Errorf("description = %q", pm.Description)
	}
	if s := pm.Salary; s == nil || s.Min != 4500 || s.Max != 6000 || s.Currency != "EUR" || s.Period != "month" || s.AnnualMax != 72000 {
		t.Errorf("salary = %+v", pm.Salary)
	}
	be := ps[1]
	if be.Title != "Backend Developer" || !strings.Contains(be.Description, "PostgreSQL") || !be.Remote || be.Salary != nil ||
		be.Company != "tulip" {
		t.Errorf("posting 2 = %+v (want the English translation, remote, no salary, the board as company)", be)
	}
}

func TestSplitFeeds(t *testing.T) {
	ps, _, errs := parseAll(t, Document{Name: "https://acme.example/jobs.rss", URL: "https://acme.example/jobs.rss", Source: "feed:acme.example", Format: "feed", Body: []byte(jobFeed)})
	if len(errs) != 0 || len(ps) != 1 {
		t.Fatalf("rss: %d postings, errors %v; want 1 (the item without a description is left out) and none", len(ps), errs)
	}
	if p := ps[0]; p.Title != "Product Owner" || p.URL != "https://acme.example/careers/po" || !strings.Contains(p.Description, "CSPO a plus") ||
		!p.DatePosted.Equal(time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)) {
		t.Errorf("rss posting = %+v", p)
	}
	// Detected from the Content-Type, relative links resolved.
	ps, _, errs = parseAll(t, Document{Name: "https://jobs.example/feed", URL: "https://jobs.example/feed", Source: "feed:jobs.example", ContentType: "application/atom+xml", Body: []byte(atomFeed)})
	if len(errs) != 0 || len(ps) != 1 || ps[0].URL != "https://jobs.example/jobs/pm" || ps[0].Description != "Discovery and delivery." {
		t.Fatalf("atom: %+v %v", ps, errs)
	}
	// Not a feed.
	_, errs = Split(Document{Name: "x", Format: "feed", Body: []byte("<html><body>hi</body></html>")})
	if len(errs) != 1 || !errors.Is(errs[0], ErrUnknownFormat) {
		t.Errorf("html as feed: %v", errs)
	}
	// A broken feed keeps the items before the fault.
	broken := strings.Replace(jobFeed, "<item>\n  <title>Designer", "<item>\n  <title>Designer</titl", 1)
	raws, errs := Split(Document{Name: "b.rss", Body: []byte(broken)})
	if len(raws) != 1 || len(errs) != 1 {
		t.Errorf("broken feed: %d records, errors %v", len(raws), errs)
	}
}

func TestSplitAPIBrokenJSON(t *testing.T) {
	for _, f := range []string{"workable", "recruitee"} {
		_, errs := Split(Document{Name: "x", Format: f, Body: []byte(`{"jobs": [`)})
		if len(errs) != 1 || !strings.Contains(errs[0].Error(), "invalid JSON") {
			t.Errorf("%s: %v", f, errs)
		}
		_, errs = Split(Document{Name: "x", Format: f, Body: []byte(`{"other": []}`)})
		if len(errs) != 1 || !errors.Is(errs[0], ErrUnknownFormat) {
			t.Errorf("%s wrong shape: %v", f, errs)
		}
	}
}
