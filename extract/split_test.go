package extract

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// want is what a test expects of one parsed posting. Every field is
// compared exactly, except Desc and NoDesc: substrings the Description
// must and must not hold.
type want struct {
	Title          string
	Company        string
	Locations      []string
	Workplace      string
	EmploymentType string
	DatePosted     string // RFC 3339, UTC; "" for none
	SourceID       string
	URL            string
	Origin         string
	Format         Format
	Salary         *Salary
	Desc           []string
	NoDesc         []string
}

// wantErr is an expected *RecordError: its line and a substring.
type wantErr struct {
	Line int
	Msg  string
}

type splitCase struct {
	name     string
	file     string   // in testdata/
	doc      Document // Name, Body and Source are filled from file if empty
	posts    []want   // the records that parse, in order
	parseErr []string // substrings of the Parse errors, in order
	errs     []wantErr
}

var splitCases = []splitCase{
	{
		name: "greenhouse board, double-escaped content",
		file: "greenhouse_board.json",
		doc:  Document{Source: "greenhouse:quillfeather"},
		posts: []want{{
			Title: "Senior Data Engineer", Company: "Quillfeather Labs",
			Locations: []string{"Remote, Portugal"}, Workplace: "remote",
			DatePosted: "2026-02-20T14:30:00Z", SourceID: "7100200001",
			URL:    "https://job-boards.greenhouse.io/quillfeather/jobs/7100200001",
			Origin: "greenhouse_board.json:3", Format: FormatGreenhouse,
			Desc: []string{
				"Quillfeather Labs builds ledgers for small bakeries.\n\nWhat you'll do\n\n- Own our Airflow pipelines & dbt models.\n- Tune PostgreSQL queries.\n\nNice to have\n\nAWS Certified Data Engineer – Associate.\nSome Kafka.",
			},
			NoDesc: []string{"&lt;", "&amp;", "<p>", "\u00a0"},
		}, {
			Title: "Scrum Master", Company: "Quillfeather Labs",
			Locations:  []string{"Lisbon", "Porto"},
			DatePosted: "2026-03-05T08:00:00Z", SourceID: "7100200002",
			URL:    "https://job-boards.greenhouse.io/quillfeather/jobs/7100200002",
			Origin: "greenhouse_board.json:44", Format: FormatGreenhouse,
			Desc: []string{"Plain HTML this time: PSM I or CSM preferred."},
		}},
		parseErr: []string{"greenhouse_board.json:62: no title"},
	},
	{
		name: "lever postings, lists, salaryRange, ms createdAt",
		file: "lever_postings.json",
		doc:  Document{Source: "lever:brambleworks"},
		posts: []want{{
			Title: "Product Owner, Payments", Company: "brambleworks",
			Locations: []string{"Austin, Texas", "Denver, Colorado"}, Workplace: "hybrid",
			EmploymentType: "full_time", DatePosted: "2026-01-01T00:00:00Z",
			SourceID: "0c5e7a10-1111-4d2e-9a3b-5f6e7d8c9b01",
			URL:      "https://jobs.lever.co/brambleworks/0c5e7a10-1111-4d2e-9a3b-5f6e7d8c9b01",
			Origin:   "lever_postings.json:2", Format: FormatLever,
			Salary: &Salary{Min: 120000, Max: 145000, Currency: "USD", Period: "year", AnnualMin: 120000, AnnualMax: 145000},
			Desc: []string{
				"Brambleworks makes garden robots\nWe ship firmware weekly.",
				"What you'll do\n- Backlog: Own the backlog as Product Owner.\n- Write user stories with the team.",
				"What we're looking for\n- CSPO or PSPO I certification.\n- Experience with Jira & SQL.",
				"Perks\nA bike & a plant.",
			},
		}, {
			Title: "Support Specialist", Company: "brambleworks",
			Locations: []string{"Remote - US"}, Workplace: "remote",
			EmploymentType: "contract", DatePosted: "2026-02-01T00:00:00Z",
			SourceID: "0c5e7a10-2222-4d2e-9a3b-5f6e7d8c9b02",
			URL:      "https://jobs.lever.co/brambleworks/0c5e7a10-2222-4d2e-9a3b-5f6e7d8c9b02",
			Origin:   "lever_postings.json:47", Format: FormatLever,
			Salary: &Salary{Min: 28, Max: 34.5, Currency: "USD", Period: "hour", AnnualMin: 58240, AnnualMax: 71760},
			Desc:   []string{"Help gardeners.\n\nAnswer the phones; ITIL 4 Foundation a plus."},
		}},
	},
	{
		name: "ashby board, compensation tiers with equity and nulls",
		file: "ashby_board.json",
		doc:  Document{Source: "ashby:larchmont"},
		posts: []want{{
			Title: "Platform Engineer", Company: "larchmont",
			Locations: []string{"Toronto, ON (HQ)", "Montreal, QC"}, Workplace: "hybrid",
			EmploymentType: "full_time", DatePosted: "2026-01-15T14:05:09.12Z",
			SourceID: "5b0d2c4e-aaaa-4b1c-8d2e-000000000001",
			URL:      "https://jobs.ashbyhq.com/larchmont/5b0d2c4e-aaaa-4b1c-8d2e-000000000001",
			Origin:   "ashby_board.json:4", Format: FormatAshby,
			Salary: &Salary{Min: 150000, Max: 190000, Currency: "CAD", Period: "year", AnnualMin: 150000, AnnualMax: 190000},
			Desc:   []string{"About Larchmont\n\nWe run schedulers.\n\nYou have\n\n- Kubernetes (CKA welcome)\n- Terraform\n- modules"},
		}, {
			Title: "Warehouse Associate", Company: "larchmont",
			Locations: []string{"Calgary, AB"}, Workplace: "onsite",
			EmploymentType: "part_time", DatePosted: "2026-02-01T00:00:00Z",
			SourceID: "5b0d2c4e-aaaa-4b1c-8d2e-000000000002",
			URL:      "https://jobs.ashbyhq.com/larchmont/5b0d2c4e-aaaa-4b1c-8d2e-000000000002",
			Origin:   "ashby_board.json:77", Format: FormatAshby,
			Salary: &Salary{Min: 21, Max: 26, Currency: "CAD", Period: "hour", AnnualMin: 43680, AnnualMax: 54080},
			Desc:   []string{"Forklift certification required."},
		}},
	},
	{
		name: "smartrecruiters posting detail",
		file: "smartrecruiters_detail.json",
		doc:  Document{Source: "smartrecruiters:Tessellate3"},
		posts: []want{{
			Title: "QA Automation Engineer", Company: "Tessellate Games",
			Locations: []string{"Lyon, ARA, France"}, Workplace: "hybrid",
			EmploymentType: "full_time", DatePosted: "2026-04-03T12:00:00Z",
			SourceID: "744000999000111",
			URL:      "https://jobs.smartrecruiters.com/Tessellate3/744000999000111-qa-automation-engineer",
			Origin:   "smartrecruiters_detail.json:1", Format: FormatSmartRecruiters,
			Desc: []string{
				"Company Description\nTessellate Games makes puzzle games.\n\nJob Description\n- Automate tests with Selenium & Python.\n- Track bugs in Jira.\n\nQualifications\nISTQB Foundation Level is a plus.",
			},
		}},
	},
	{
		name: "smartrecruiters list: records without description",
		file: "smartrecruiters_list.json",
		doc:  Document{Source: "smartrecruiters:Tessellate3"},
		posts: []want{{
			Title: "Level Designer", Company: "Tessellate Games",
			Locations: []string{"Lyon, ARA, France"}, EmploymentType: "internship",
			DatePosted: "2026-04-01T09:15:30.5Z", SourceID: "744000999000222",
			URL:    "https://jobs.smartrecruiters.com/Tessellate3/744000999000222",
			Origin: "smartrecruiters_list.json:6", Format: FormatSmartRecruiters,
		}, {
			Title: "Community Manager", Company: "Tessellate Games",
			Locations: []string{"Montreal, QC, Canada"}, Workplace: "remote", EmploymentType: "temporary",
			DatePosted: "2026-03-28T17:00:00Z", SourceID: "744000999000333",
			URL:    "https://jobs.smartrecruiters.com/Tessellate3/744000999000333",
			Origin: "smartrecruiters_list.json:35", Format: FormatSmartRecruiters,
		}},
	},
	{
		name: "json-ld single: PropertyValue identifier, escaped \\n, relative url, salary",
		file: "jsonld_single.html",
		doc:  Document{Source: "site:careers.ostrava.example", URL: "https://careers.ostrava.example/jobs/42"},
		posts: []want{{
			Title: "Robotics Test Engineer (m/f/d)", Company: "Ostrava Robotics s.r.o.",
			Locations:      []string{"Ostrava, Moravian-Silesian, CZ"},
			EmploymentType: "full_time", DatePosted: "2026-01-10T00:00:00Z",
			SourceID: "a7d3c9e0-1234-4bcd-9ef0-0a1b2c3d4e5f",
			URL:      "https://careers.ostrava.example/jobs/robotics-test-engineer?utm_source=feed",
			Origin:   "jsonld_single.html:6", Format: FormatJobPosting,
			Salary: &Salary{Min: 900000, Max: 1200000, Currency: "CZK", Period: "year", AnnualMin: 900000, AnnualMax: 1200000},
			Desc:   []string{"Your mission & challenges\n\nYou validate our arms & grippers.\n\n- Write test plans\n- Automate with ROS 2"},
			NoDesc: []string{`\n`, "&amp;"},
		}},
	},
	{
		name: "json-ld @graph, escaped description, string address, telecommute; other block without JobPosting",
		file: "jsonld_graph.html",
		doc:  Document{Source: "site:careers.example.net", URL: "https://careers.example.net/support-lead"},
		posts: []want{{
			Title: "Support Lead & Trainer", Company: "Halvard & Sons",
			Locations: []string{"Storgata 1, 0155 Oslo, Norway"}, Workplace: "remote",
			EmploymentType: "part_time", DatePosted: "2026-02-14T08:00:00Z",
			SourceID: "HS-77", URL: "https://careers.example.net/support-lead",
			Origin: "jsonld_graph.html:5", Format: FormatJobPosting,
			Salary: &Salary{Min: 52000, Max: 52000, Currency: "NOK", Period: "month", AnnualMin: 624000, AnnualMax: 624000},
			Desc:   []string{"Lead a team of five.\n\n- Zendesk\n- ITIL"},
		}},
	},
	{
		name: "json-ld array of two, full type IRI, hiringOrganization string",
		file: "jsonld_array.html",
		doc:  Document{Source: "site:crumb.example.be"},
		posts: []want{{
			Title: "Night Baker", Company: "Crumb Collective", Locations: []string{"Ghent, Belgium"},
			EmploymentType: "full_time", DatePosted: "2026-03-01T04:00:00Z",
			URL: "https://crumb.example.be/jobs/night-baker", Origin: "jsonld_array.html:2", Format: FormatJobPosting,
			Desc: []string{"Bake bread at night. HACCP certificate required."},
		}, {
			Title: "Pastry Intern", Company: "Crumb Collective", Locations: []string{"Ghent, BE"},
			EmploymentType: "internship",
			URL:            "https://crumb.example.be/jobs/pastry-intern", Origin: "jsonld_array.html:2", Format: FormatJobPosting,
			Desc: []string{"Learn laminated doughs."},
		}},
	},
	{
		name: "json-ld broken blocks are reported, repairable block is used",
		file: "jsonld_broken.html",
		doc:  Document{Source: "site:fjordline.example"},
		posts: []want{{
			Title: "Database Administrator", Company: "Fjordline Data", Locations: []string{"Bergen, NO"},
			Origin: "jsonld_broken.html:6", Format: FormatJobPosting,
			Desc: []string{"Run Oracle and PostgreSQL.\nOracle Certified Professional preferred."},
		}},
		errs: []wantErr{{5, "JSON-LD block: invalid character"}, {15, "JSON-LD block"}},
	},
	{
		name: "json-ld repeated addresses with distinct place names, country name array, nbsp lists",
		file: "jsonld_repeated.html",
		doc:  Document{Source: "site:kelpie.example"},
		posts: []want{{
			Title: "Site Reliability Engineer", Company: "Kelpie Systems",
			Locations:      []string{"Fremont, CA", "Tacoma, WA", "Boise, ID"},
			EmploymentType: "full_time", DatePosted: "2026-05-04T20:07:44Z",
			Origin: "jsonld_repeated.html:1", Format: FormatJobPosting,
			Desc: []string{
				"Responsibilities\nRun on-call rotations for core services\nAutomate toil with Go and Terraform\nWrite postmortems",
				"Qualifications\n5+ years operating Linux in production\nKubernetes experience; CKA a plus\n",
			},
			NoDesc: []string{"&nbsp;"},
		}},
	},
	{
		name: "json-ld repeated identical addresses deduped, addressCountry array, hybrid in location",
		file: "jsonld_country_array.html",
		doc:  Document{Source: "site:lindenhof.example"},
		posts: []want{{
			Title: "Werkstudent IT-Support", Company: "Lindenhof AG",
			Locations: []string{"Leipzig, DE", "Hybrid Leipzig, DE"}, Workplace: "hybrid",
			EmploymentType: "part_time", DatePosted: "2026-05-31T22:00:00Z",
			Origin: "jsonld_country_array.html:2", Format: FormatJobPosting,
			Salary: &Salary{Min: 15.5, Max: 15.5, Currency: "EUR", Period: "hour", AnnualMin: 32240, AnnualMax: 32240},
			Desc:   []string{"Hilf bei Microsoft 365."},
		}},
	},
	{
		name: "page without JobPosting",
		file: "jsonld_none.html",
		errs: []wantErr{{0, "no schema.org JobPosting found"}},
	},
	{
		name: "Next.js flight payload split over two pushes",
		file: "nextjs.html",
		doc:  Document{Source: "site:careers.pinegrove.example"},
		posts: []want{{
			Title: "Frontend Developer", Company: "Pinegrove Health", Locations: []string{"Utrecht, NL"},
			EmploymentType: "full_time", DatePosted: "2026-06-20T10:00:00Z", SourceID: "PG-3141",
			URL:    "https://careers.pinegrove.example/jobs/frontend-developer",
			Origin: "nextjs.html:5", Format: FormatJobPosting,
			Desc: []string{"Build our React app.\n\n- TypeScript\n- Next.js"},
		}},
	},
	{
		name: "microdata",
		file: "microdata.html",
		doc:  Document{Source: "site:voltmere.example", URL: "https://voltmere.example/jobs/electrician"},
		posts: []want{{
			Title: "Industrial Electrician", Company: "Voltmere Energy", Locations: []string{"Aarhus, Denmark"},
			EmploymentType: "full_time", DatePosted: "2026-07-01T00:00:00Z",
			URL: "https://voltmere.example/jobs/electrician", Origin: "microdata.html:6", Format: FormatJobPosting,
			Salary: &Salary{Min: 210, Max: 260, Currency: "DKK", Period: "hour", AnnualMin: 436800, AnnualMax: 540800},
			Desc:   []string{"Maintain PLC cabinets & switchgear.\n\n- Siemens S7\n- Authorised electrician (autorisation)"},
			NoDesc: []string{"Jobs"},
		}},
	},
	{
		name: "windows-1252 declared in meta",
		file: "cp1252_meta.html",
		posts: []want{{
			Title: "Chef de Café – Zürich", Company: "Mövenhaus", Locations: []string{"Zürich, CH"},
			Origin: "cp1252_meta.html:5", Format: FormatJobPosting,
			Desc: []string{"Espresso & crème brûlée. € bonus."},
		}},
	},
	{
		name: "windows-1252 declared in the Content-Type header",
		file: "cp1252_nodecl.html",
		doc:  Document{ContentType: "text/html; charset=windows-1252"},
		posts: []want{{
			Title: "Chef de Café – Zürich", Company: "Mövenhaus", Locations: []string{"Zürich, CH"},
			Origin: "cp1252_nodecl.html:4", Format: FormatJobPosting,
			Desc: []string{"Espresso & crème brûlée. € bonus."},
		}},
	},
	{
		name: "windows-1252 undeclared",
		file: "cp1252_nodecl.html",
		doc:  Document{ContentType: "text/html"},
		posts: []want{{
			Title: "Chef de Café – Zürich", Company: "Mövenhaus", Locations: []string{"Zürich, CH"},
			Origin: "cp1252_nodecl.html:4", Format: FormatJobPosting,
			Desc: []string{"Espresso & crème brûlée. € bonus."},
		}},
	},
	{
		name: "JSON Lines with bad lines",
		file: "postings.jsonl",
		doc:  Document{Source: "file"},
		posts: []want{{
			Title: "Payroll Specialist", Company: "Tallow & Wick", Locations: []string{"Leeds, GB"},
			EmploymentType: "full_time", DatePosted: "2026-04-02T00:00:00Z",
			URL: "https://tallow.example/jobs/1", Origin: "postings.jsonl:1", Format: FormatJobPosting,
			Desc: []string{"Run payroll in Sage. CIPP qualification preferred."},
		}, {
			Title: "Bookkeeper", Company: "Tallow & Wick", SourceID: "TW-2",
			Origin: "postings.jsonl:2", Format: FormatJobPosting,
			Desc: []string{"AAT Level 3 required."},
		}, {
			Title: "Warehouse Lead", Origin: "postings.jsonl:7", Format: FormatJobPosting,
			Salary: &Salary{Min: 31000, Max: 35000, Currency: "GBP", Period: "year", AnnualMin: 31000, AnnualMax: 35000},
			Desc:   []string{"Forklift licence."},
		}},
		errs: []wantErr{
			{3, "line is not one JSON object: invalid JSON"},
			{5, "line is a JSON array, not an object"},
			{6, "holds no schema.org JobPosting"},
		},
	},
	{
		name: "CSV with synonyms, multi-line field and a short row",
		file: "postings.csv",
		doc:  Document{Source: "file"},
		posts: []want{{
			Title: "Accountant", Company: "Harbor & Pine", Locations: []string{"Halifax"},
			DatePosted: "2026-05-01T00:00:00Z", URL: "https://harborpine.example/jobs/acct",
			Origin: "postings.csv:2", Format: FormatCSV,
			Salary: &Salary{Min: 70000, Max: 85000, Currency: "CAD", Period: "year", AnnualMin: 70000, AnnualMax: 85000},
			Desc:   []string{"Prepare statements. CPA required."},
		}, {
			Title: "Data Analyst", Company: "Harbor & Pine", Locations: []string{"Remote"}, Workplace: "remote",
			DatePosted: "2026-05-14T00:00:00Z", URL: "https://harborpine.example/jobs/da",
			Origin: "postings.csv:3", Format: FormatCSV,
			Salary: &Salary{Min: 45, Max: 55, Currency: "CAD", Period: "hour", AnnualMin: 93600, AnnualMax: 114400},
			Desc:   []string{"Build dashboards.\nTableau and SQL.\nPL-300 is a plus."},
		}, {
			Title: "Office Manager", Company: "Harbor & Pine", Locations: []string{"Halifax", "Hybrid"}, Workplace: "hybrid",
			DatePosted: "2026-04-13T00:00:00Z", Origin: "postings.csv:7", Format: FormatCSV,
		}},
		errs: []wantErr{{6, "row has 3 fields, the header has 10"}},
	},
	{
		name: "CSV salary column",
		file: "postings_salary.csv",
		doc:  Document{Source: "file"},
		posts: []want{{
			Title: "Line Cook", Company: "Gristmill Diner", Locations: []string{"Boise"}, SourceID: "GD-1",
			Origin: "postings_salary.csv:2", Format: FormatCSV,
			Salary: &Salary{Min: 18, Max: 22, Currency: "USD", Period: "hour", AnnualMin: 37440, AnnualMax: 45760, Text: "$18 - $22 per hour"},
			Desc:   []string{"Grill & prep."},
		}, {
			Title: "Chef", Company: "Gristmill Diner", Locations: []string{"Boise"}, SourceID: "GD-2",
			Origin: "postings_salary.csv:3", Format: FormatCSV,
			Salary: &Salary{Min: 55000, Max: 65000, Currency: "EUR", Text: "€55,000–€65,000"},
			Desc:   []string{"Run the kitchen."},
		}, {
			Title: "Dishwasher", Company: "Gristmill Diner", Locations: []string{"Boise"}, SourceID: "GD-3",
			Origin: "postings_salary.csv:4", Format: FormatCSV,
			Salary: &Salary{Text: "competitive"},
			Desc:   []string{"Keep it clean."},
		}},
	},
	{
		name: "plain text",
		file: "posting.txt",
		doc:  Document{Source: "file"},
		posts: []want{{
			Title: "Senior Cloud Architect", Origin: "posting.txt:3", Format: FormatText,
			Desc: []string{"Company: Nimbus Ridge\n\nWe need AWS Solutions Architect – Professional.\n\nAlso Azure."},
		}},
	},
	{
		name: "format hint overrides the extension",
		file: "smartrecruiters_detail.json",
		doc:  Document{Name: "detail.bin", Format: "smartrecruiters", Source: "smartrecruiters:Tessellate3"},
		posts: []want{{
			Title: "QA Automation Engineer", Company: "Tessellate Games",
			Locations: []string{"Lyon, ARA, France"}, Workplace: "hybrid",
			EmploymentType: "full_time", DatePosted: "2026-04-03T12:00:00Z",
			SourceID: "744000999000111",
			URL:      "https://jobs.smartrecruiters.com/Tessellate3/744000999000111-qa-automation-engineer",
			Origin:   "detail.bin:1", Format: FormatSmartRecruiters,
			Desc: []string{"ISTQB Foundation Level is a plus."},
		}},
	},
}

func loadCase(t testing.TB, c splitCase) Document {
	t.Helper()
	doc := c.doc
	if c.file != "" {
		b, err := os.ReadFile(filepath.Join("testdata", c.file))
		if err != nil {
			t.Fatal(err)
		}
		doc.Body = b
		if doc.Name == "" {
			doc.Name = c.file
		}
	}
	if doc.Source == "" {
		doc.Source = "file"
	}
	return doc
}

func TestSplitAndParse(t *testing.T) {
	fetched := time.Date(2026, 7, 1, 12, 0, 0, 0, time.UTC)
	for _, c := range splitCases {
		t.Run(c.name, func(t *testing.T) {
			doc := loadCase(t, c)
			doc.FetchedAt = fetched
			raws, errs := Split(doc)
			checkErrs(t, doc.Name, errs, c.errs)
			var got []Posting
			var parseErrs []string
			for _, r := range raws {
				if r.Source != doc.Source || !r.FetchedAt.Equal(fetched) {
					t.Errorf("raw %s: Source %q FetchedAt %v, want %q %v", r.Origin, r.Source, r.FetchedAt, doc.Source, fetched)
				}
				p, err := Parse(r)
				if err != nil {
					parseErrs = append(parseErrs, err.Error())
					continue
				}
				checkPosting(t, p, r, c.posts, len(got))
				got = append(got, p)
			}
			if len(got) != len(c.posts) {
				t.Errorf("parsed %d postings, want %d", len(got), len(c.posts))
			}
			if len(parseErrs) != len(c.parseErr) {
				t.Fatalf("Parse errors %q, want %q", parseErrs, c.parseErr)
			}
			for i, e := range parseErrs {
				if !strings.Contains(e, c.parseErr[i]) {
					t.Errorf("Parse error %q, want it to contain %q", e, c.parseErr[i])
				}
			}
		})
	}
}

func checkErrs(t *testing.T, name string, errs []error, wantErrs []wantErr) {
	t.Helper()
	if len(errs) != len(wantErrs) {
		t.Fatalf("Split errors %v, want %d: %v", errs, len(wantErrs), wantErrs)
	}
	for i, err := range errs {
		var re *RecordError
		if !errors.As(err, &re) {
			t.Fatalf("error %v is a %T, want *RecordError", err, err)
		}
		if re.Name != name || re.Line != wantErrs[i].Line || !strings.Contains(err.Error(), wantErrs[i].Msg) {
			t.Errorf("error %d = %q (line %d), want line %d containing %q", i, err, re.Line, wantErrs[i].Line, wantErrs[i].Msg)
		}
	}
}

func checkPosting(t *testing.T, p Posting, r Raw, posts []want, i int) {
	t.Helper()
	if i >= len(posts) {
		t.Errorf("unexpected posting %q from %s", p.Title, r.Origin)
		return
	}
	w := posts[i]
	date := ""
	if !p.DatePosted.IsZero() {
		if p.DatePosted.Location() != time.UTC {
			t.Errorf("%s: DatePosted %v not in UTC", p.Title, p.DatePosted)
		}
		date = p.DatePosted.Format(time.RFC3339Nano)
	}
	got := want{
		Title: p.Title, Company: p.Company, Locations: p.Locations, Workplace: p.Workplace,
		EmploymentType: p.EmploymentType, DatePosted: date, SourceID: p.SourceID, URL: p.URL,
		Origin: r.Origin, Format: r.Format, Salary: p.Salary, Desc: w.Desc, NoDesc: w.NoDesc,
	}
	if !reflect.DeepEqual(got, w) {
		t.Errorf("posting %d:\n got %+v\nwant %+v", i, got, w)
		if got.Salary != nil || w.Salary != nil {
			t.Errorf("salary: got %+v want %+v", got.Salary, w.Salary)
		}
	}
	if p.Remote != (p.Workplace == "remote") {
		t.Errorf("%s: Remote %v with Workplace %q", p.Title, p.Remote, p.Workplace)
	}
	if p.URL != r.URL || p.SourceID != r.SourceID {
		t.Errorf("%s: Posting URL/SourceID %q/%q differ from Raw %q/%q", p.Title, p.URL, p.SourceID, r.URL, r.SourceID)
	}
	for _, s := range w.Desc {
		if !strings.Contains(p.Description, s) {
			t.Errorf("%s: Description\n%s\nlacks\n%s", p.Title, p.Description, s)
		}
	}
	for _, s := range w.NoDesc {
		if strings.Contains(p.Description, s) {
			t.Errorf("%s: Description\n%s\nholds %q", p.Title, p.Description, s)
		}
	}
	if p.ID == "" || p.Tags != nil || p.Family != "" || p.Seniority != "" {
		t.Errorf("%s: ID %q, Tags %v, Family %q, Seniority %q: want an ID and no tagging", p.Title, p.ID, p.Tags, p.Family, p.Seniority)
	}
}

// TestSplitInline covers shapes that need no fixture file.
func TestSplitInline(t *testing.T) {
	tests := []struct {
		name    string
		doc     Document
		formats []Format
		errs    []wantErr
	}{
		{
			name:    "JSON detected without a name",
			doc:     Document{Name: "stdin", Body: []byte(`  {"@context":"https://schema.org","@type":"JobPosting","title":"A"}`)},
			formats: []Format{FormatJobPosting},
		},
		{
			name:    "JSON Lines detected by shape",
			doc:     Document{Name: "stdin", Body: []byte("{\"@type\":\"JobPosting\",\"title\":\"A\"}\n{\"@type\":\"JobPosting\",\"title\":\"B\"}\n")},
			formats: []Format{FormatJobPosting, FormatJobPosting},
		},
		{
			name:    "HTML detected by Content-Type",
			doc:     Document{Name: "https://x.example/job?id=1", ContentType: "text/html; charset=utf-8", Body: []byte(`<script type="application/ld+json">{"@type":"JobPosting","title":"A"}</script>`)},
			formats: []Format{FormatJobPosting},
		},
		{
			name:    "CSV detected by header",
			doc:     Document{Name: "stdin", Body: []byte("Position,Company\nA,B\n")},
			formats: []Format{FormatCSV},
		},
		{
			name:    "text detected",
			doc:     Document{Name: "stdin", Body: []byte("Welder\nMIG and TIG.\n")},
			formats: []Format{FormatText},
		},
		{
			name:    "greenhouse-shaped elements in a bare array",
			doc:     Document{Name: "a.json", Body: []byte(`[{"id":1,"absolute_url":"https://x/1","title":"A","content":""}]`)},
			formats: []Format{FormatGreenhouse},
		},
		{
			name:    "lever posting alone",
			doc:     Document{Name: "a.json", Body: []byte(`{"id":"x","text":"A","hostedUrl":"https://jobs.lever.co/a/x","lists":[]}`)},
			formats: []Format{FormatLever},
		},
		{
			name:    "non-object job is reported, the rest kept",
			doc:     Document{Name: "gh.json", Format: "greenhouse", Body: []byte("{\"jobs\": [\n  42,\n  {\"id\": 7, \"title\": \"A\", \"absolute_url\": \"https://x/7\"}\n]}")},
			formats: []Format{FormatGreenhouse},
			errs:    []wantErr{{2, "job 1 is a JSON number, not an object"}},
		},
		{
			name: "broken JSON reports the line of the fault",
			doc:  Document{Name: "bad.json", Body: []byte("[\n {\"title\": \"A\"},\n {\"title\" \"B\"}\n]")},
			errs: []wantErr{{3, "invalid JSON"}},
		},
		{
			name: "JSON without postings",
			doc:  Document{Name: "x.json", Body: []byte(`{"hello": "world"}`)},
			errs: []wantErr{{1, "no job postings in this JSON"}},
		},
		{
			name: "empty jobs list is not an error",
			doc:  Document{Name: "gh.json", Body: []byte(`{"jobs": [], "meta": {"total": 0}}`)},
		},
		{
			name: "CSV without a title column",
			doc:  Document{Name: "a.csv", Body: []byte("name,company\nA,B\n")},
			errs: []wantErr{{1, "no title column"}},
		},
		{
			name: "empty text",
			doc:  Document{Name: "a.txt", Body: []byte("\n  \n")},
			errs: []wantErr{{0, "empty text document"}},
		},
		{
			name: "unknown hint",
			doc:  Document{Name: "a", Format: "xml", Body: []byte("<a/>")},
			errs: []wantErr{{0, "unrecognised format"}},
		},
		{
			name:    "JSON-LD wrapped in a WebPage mainEntity, in an HTML comment",
			doc:     Document{Name: "p.html", Body: []byte("<script type=\"application/ld+json\"><!--\n{\"@type\":\"WebPage\",\"mainEntity\":{\"@type\":\"schema:JobPosting\",\"title\":\"A\"}}\n--></script>")},
			formats: []Format{FormatJobPosting},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			raws, errs := Split(tt.doc)
			checkErrs(t, tt.doc.Name, errs, tt.errs)
			var got []Format
			for _, r := range raws {
				got = append(got, r.Format)
			}
			if !reflect.DeepEqual(got, tt.formats) {
				t.Errorf("formats %v, want %v", got, tt.formats)
			}
		})
	}
}

func TestSplitTooLarge(t *testing.T) {
	raws, errs := Split(Document{Name: "big.json", Body: make([]byte, MaxDocumentSize+1)})
	if len(raws) != 0 || len(errs) != 1 || !errors.Is(errs[0], ErrTooLarge) {
		t.Fatalf("got %d records, errors %v; want ErrTooLarge", len(raws), errs)
	}
}

func TestRecordError(t *testing.T) {
	inner := errors.New("boom")
	for _, tt := range []struct {
		e    *RecordError
		want string
	}{
		{&RecordError{Name: "a.csv", Line: 7, Err: inner}, "a.csv:7: boom"},
		{&RecordError{Name: "a.html", Err: inner}, "a.html: boom"},
	} {
		if got := tt.e.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
		if !errors.Is(tt.e, inner) {
			t.Errorf("%v does not unwrap to its Err", tt.e)
		}
	}
}

func TestSplitPageURL(t *testing.T) {
	block := func(title string) string {
		return `<script type="application/ld+json">{"@type":"JobPosting","title":"` + title + `"}</script>`
	}
	for _, tt := range []struct {
		name, page string
		urls       []string
	}{
		{"one posting gets the page URL", block("A"), []string{"https://x.example/p"}},
		{"a repeated posting is one posting", block("A") + block("A"), []string{"https://x.example/p"}},
		{"several postings do not share it", block("A") + block("B"), []string{"", ""}},
	} {
		raws, errs := Split(Document{Name: "p.html", URL: "https://x.example/p", Body: []byte(tt.page)})
		var urls, ids []string
		for _, r := range raws {
			urls = append(urls, r.URL)
			p, err := Parse(r)
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, p.ID)
		}
		if len(errs) != 0 || !reflect.DeepEqual(urls, tt.urls) {
			t.Errorf("%s: URLs %q, errors %v; want %q", tt.name, urls, errs, tt.urls)
		}
		if len(ids) == 2 && ids[0] == ids[1] {
			t.Errorf("%s: both postings have id %q", tt.name, ids[0])
		}
	}
}
