package demo

import (
	"encoding/json"
	"encoding/xml"
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func mustLoad(t *testing.T) []Posting {
	t.Helper()
	ps, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	return ps
}

// family classifies a title the way the tests count: noise titles first,
// then lead titles, then Product Owner, then Product Manager.
func family(title string) string {
	switch t := strings.ToLower(title); {
	case strings.Contains(t, "marketing"), strings.Contains(t, "project manager"), strings.Contains(t, "designer"),
		strings.Contains(t, "customer success"), strings.Contains(t, "program manager"):
		return "noise"
	case strings.Contains(t, "lead product manager"), strings.Contains(t, "group product manager"),
		strings.Contains(t, "head of product"), strings.Contains(t, "product lead"):
		return "lead"
	case strings.Contains(t, "product owner"):
		return "po"
	case strings.Contains(t, "product manager"):
		return "pm"
	}
	return "unknown"
}

func TestLoad(t *testing.T) {
	ps := mustLoad(t)
	if len(ps) != 84 {
		t.Fatalf("%d postings; want 84", len(ps))
	}
	fam := map[string]int{}
	keys := map[string]bool{}
	for _, p := range ps {
		fam[family(p.Title)]++
		if keys[p.Key] {
			t.Errorf("key %q repeats", p.Key)
		}
		keys[p.Key] = true
		if n := utf8.RuneCountInString(p.Description); n < 600 || n > 1500 {
			t.Errorf("%s: description is %d characters; want 600..1500", p.Key, n)
		}
		if p.DatePosted < "2026-08-01" || p.DatePosted > "2026-11-30" {
			t.Errorf("%s: date_posted %s is outside 2026-08..2026-11", p.Key, p.DatePosted)
		}
		if locations[p.Location].remote != (p.Workplace == "remote") {
			t.Errorf("%s: location %q does not fit workplace %q", p.Key, p.Location, p.Workplace)
		}
		if strings.HasPrefix(p.Board, "greenhouse:") && p.Salary != nil {
			t.Errorf("%s: Greenhouse posting has a structured salary", p.Key)
		}
	}
	want := map[string]int{"po": 30, "pm": 30, "lead": 15, "noise": 9}
	for f, n := range want {
		if fam[f] != n {
			t.Errorf("family %s: %d postings; want %d", f, fam[f], n)
		}
	}
	if fam["unknown"] != 0 {
		t.Errorf("%d titles in no family", fam["unknown"])
	}
	// Load hands out copies.
	ps[0].Certs = append(ps[0].Certs, "x")
	ps[0].Title = "changed"
	if again := mustLoad(t); again[0].Title == "changed" || slices.Contains(again[0].Certs, "x") {
		t.Error("Load returned shared data")
	}
	if len(Postings()) != 84 {
		t.Error("Postings disagrees with Load")
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct{ name, yaml, want string }{
		{"unknown field", "- key: a\n  colour: red\n", "colour"},
		{"bad board", "- {key: a, board: x, title: t, company: c, location: Remote (US), workplace: remote, employment_type: full_time, date_posted: 2026-08-01, description: d}\n", "board"},
		{"greenhouse salary", "- {key: a, board: \"greenhouse:lumen\", title: t, company: c, location: Remote (US), workplace: remote, employment_type: full_time, date_posted: 2026-08-01, description: d, salary: {min: 1, max: 2, currency: USD, period: year}}\n", "salary"},
		{"mixed section", "- {key: a, board: site, title: t, company: c, location: Remote (US), workplace: remote, employment_type: full_time, date_posted: 2026-08-01, description: \"## A\\np\\n- i\"}\n", "mixes"},
		{"bad date", "- {key: a, board: site, title: t, company: c, location: Remote (US), workplace: remote, employment_type: full_time, date_posted: 2026-8-1, description: d}\n", "date_posted"},
	} {
		_, err := parse([]byte(tc.yaml))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v; want one mentioning %q", tc.name, err, tc.want)
		}
	}
}

func get(t *testing.T, url string) (int, string, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, resp.Header.Get("Content-Type"), string(body)
}

func getJSON(t *testing.T, url string, v any) {
	t.Helper()
	code, ctype, body := get(t, url)
	if code != 200 || !strings.HasPrefix(ctype, "application/json") {
		t.Fatalf("GET %s: %d %s", url, code, ctype)
	}
	if err := json.Unmarshal([]byte(body), v); err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
}

func boardCounts(ps []Posting) map[string]int {
	n := map[string]int{}
	for _, p := range ps {
		n[p.Board]++
	}
	return n
}

func TestSources(t *testing.T) {
	srcs := Sources("http://x/")
	var kinds []string
	for _, s := range srcs {
		kinds = append(kinds, s.Kind)
	}
	if !slices.Equal(kinds, []string{"greenhouse", "greenhouse", "lever", "ashby", "site"}) {
		t.Errorf("kinds %v", kinds)
	}
	if srcs[4].URL != "http://x/careers/" || srcs[0].URL != "http://x/v1/boards/northwind/jobs?content=true" {
		t.Errorf("urls %v", srcs)
	}
}

func TestGreenhouse(t *testing.T) {
	srv := httptest.NewServer(Handler())
	defer srv.Close()
	ps := mustLoad(t)
	counts := boardCounts(ps)
	ids := map[int64]bool{}
	for _, src := range Sources(srv.URL)[:2] {
		var board struct {
			Jobs []map[string]any    `json:"jobs"`
			Meta struct{ Total int } `json:"meta"`
		}
		getJSON(t, src.URL, &board)
		if len(board.Jobs) != counts[src.Board] || board.Meta.Total != counts[src.Board] {
			t.Errorf("%s: %d jobs, total %d; want %d", src.Board, len(board.Jobs), board.Meta.Total, counts[src.Board])
		}
		for _, j := range board.Jobs {
			for _, k := range []string{"id", "internal_job_id", "title", "updated_at", "first_published", "requisition_id",
				"absolute_url", "location", "company_name", "content", "departments", "offices", "metadata", "data_compliance", "language"} {
				if _, ok := j[k]; !ok {
					t.Errorf("%s: job lacks %q", src.Board, k)
				}
			}
			id := int64(j["id"].(float64))
			if ids[id] || id%1000 != 2 {
				t.Errorf("id %d repeats or is not Greenhouse-shaped", id)
			}
			ids[id] = true
			content := j["content"].(string)
			if strings.ContainsAny(content, "<>") || !strings.Contains(content, "&lt;p&gt;") {
				t.Errorf("%v: content is not entity-escaped: %.80s", j["title"], content)
			}
			inner := html.UnescapeString(content)
			if !strings.HasPrefix(inner, "<") || !strings.Contains(inner, "<li>") {
				t.Errorf("%v: unescaped content is not HTML: %.80s", j["title"], inner)
			}
		}
	}
	code, ctype, body := get(t, srv.URL+"/v1/boards/nosuchboard/jobs?content=true")
	if code != 404 || !strings.HasPrefix(ctype, "application/json") || !json.Valid([]byte(body)) {
		t.Errorf("unknown board: %d %s %s", code, ctype, body)
	}
}

// blockTexts returns the text of every paragraph and list item of a posting.
func blockTexts(p Posting) []string {
	var out []string
	for _, s := range mustSections(p.Description) {
		for _, b := range s.blocks {
			out = append(out, b.text)
		}
	}
	return out
}

func TestLever(t *testing.T) {
	srv := httptest.NewServer(Handler())
	defer srv.Close()
	ps := mustLoad(t)
	byTitle := map[string]Posting{}
	for _, p := range ps {
		if p.Board == "lever:kestrel" {
			byTitle[p.Title+"|"+p.Location] = p
		}
	}
	var jobs []leverPosting
	getJSON(t, Sources(srv.URL)[2].URL, &jobs)
	if len(jobs) != len(byTitle) {
		t.Fatalf("%d postings; want %d", len(jobs), len(byTitle))
	}
	for _, j := range jobs {
		p, ok := byTitle[j.Text+"|"+j.Categories.Location]
		if !ok {
			t.Fatalf("unexpected posting %q", j.Text)
		}
		if (j.SalaryRange != nil) != (p.Salary != nil) || len(j.Lists) == 0 || j.CreatedAt < 1.7e12 {
			t.Errorf("%s: salaryRange %v lists %d createdAt %d", p.Key, j.SalaryRange, len(j.Lists), j.CreatedAt)
		}
		all := j.Description + j.Additional
		for _, l := range j.Lists {
			all += l.Text + l.Content
		}
		for _, txt := range blockTexts(p) {
			if !strings.Contains(all, html.EscapeString(txt)) {
				t.Errorf("%s: %q is lost in the Lever mapping", p.Key, txt)
			}
		}
	}
	if code, _, body := get(t, srv.URL+"/v0/postings/nosuch?mode=json"); code != 404 || !json.Valid([]byte(body)) {
		t.Errorf("unknown site: %d %s", code, body)
	}
}

func TestAshby(t *testing.T) {
	srv := httptest.NewServer(Handler())
	defer srv.Close()
	ps := mustLoad(t)
	var board ashbyBoard
	getJSON(t, Sources(srv.URL)[3].URL, &board)
	if board.APIVersion != "1" || len(board.Jobs) != boardCounts(ps)["ashby:brightpath"] {
		t.Fatalf("apiVersion %q, %d jobs", board.APIVersion, len(board.Jobs))
	}
	salaried := 0
	for _, p := range ps {
		if p.Board == "ashby:brightpath" && p.Salary != nil {
			salaried++
		}
	}
	withTiers := 0
	for _, j := range board.Jobs {
		if j.Compensation == nil {
			t.Fatalf("%s: no compensation object", j.Title)
		}
		if len(j.Compensation.Tiers) > 0 {
			withTiers++
			var sal *ashbyComponent
			for _, c := range j.Compensation.Tiers[0].Components {
				if c.CompensationType == "Salary" {
					sal = &c
				}
			}
			if sal == nil || sal.MinValue == nil || *sal.MaxValue < *sal.MinValue || sal.CurrencyCode == "" {
				t.Errorf("%s: bad salary component %+v", j.Title, sal)
			}
		}
		if !strings.Contains(j.DescriptionHTML, "<h3>") || j.WorkplaceType == "" || j.EmploymentType == "" {
			t.Errorf("%s: %+v", j.Title, j)
		}
	}
	if withTiers != salaried {
		t.Errorf("%d jobs with compensation tiers; want %d", withTiers, salaried)
	}
	if code, _, body := get(t, srv.URL+"/posting-api/job-board/nosuch?includeCompensation=true"); code != 404 || !json.Valid([]byte(body)) {
		t.Errorf("unknown board: %d %s", code, body)
	}
}

var (
	ldJSON   = regexp.MustCompile(`(?s)<script type="application/ld\+json">(.*?)</script>`)
	nextPush = regexp.MustCompile(`(?s)<script>self\.__next_f\.push\(\[1,(".*?")\]\)</script>`)
	hrefRE   = regexp.MustCompile(`href="(/careers/[a-z0-9-]+)"`)
)

func TestSite(t *testing.T) {
	srv := httptest.NewServer(Handler())
	defer srv.Close()
	ps := mustLoad(t)
	site := map[string]Posting{}
	for _, p := range ps {
		if p.Board == "site" {
			site[p.Key] = p
		}
	}

	_, _, robots := get(t, srv.URL+"/robots.txt")
	if !strings.Contains(robots, "Sitemap: "+srv.URL+"/sitemap.xml") || !strings.Contains(robots, "Crawl-delay: 0") {
		t.Errorf("robots.txt:\n%s", robots)
	}

	_, _, sm := get(t, srv.URL+"/sitemap.xml")
	var set urlset
	if err := xml.Unmarshal([]byte(sm), &set); err != nil {
		t.Fatal(err)
	}
	if len(set.URLs) != len(site)+1 || set.URLs[0].Loc != srv.URL+"/careers/" {
		t.Errorf("sitemap has %d URLs; want %d", len(set.URLs), len(site)+1)
	}

	_, _, index := get(t, srv.URL+"/careers/")
	links := hrefRE.FindAllStringSubmatch(index, -1)
	if len(links) != len(site) {
		t.Errorf("index links %d pages; want %d", len(links), len(site))
	}

	kinds := map[string]int{}
	for _, l := range links {
		code, ctype, body := get(t, srv.URL+l[1])
		key := strings.TrimPrefix(l[1], "/careers/")
		p := site[key]
		if code != 200 || !strings.HasPrefix(ctype, "text/html") {
			t.Fatalf("%s: %d %s", l[1], code, ctype)
		}
		var raw string
		if m := ldJSON.FindStringSubmatch(body); m != nil {
			raw = m[1]
		} else if m := nextPush.FindStringSubmatch(body); m != nil {
			if err := json.Unmarshal([]byte(m[1]), &raw); err != nil {
				t.Fatalf("%s: next push: %v", key, err)
			}
			kinds["next"]++
		} else {
			t.Fatalf("%s: no JobPosting", key)
		}
		var jp map[string]any
		if err := json.Unmarshal([]byte(raw), &jp); err != nil {
			t.Fatalf("%s: %v", key, err)
		}
		if jp["@type"] != "JobPosting" || jp["title"] != p.Title || jp["datePosted"] != p.DatePosted {
			t.Errorf("%s: %v %v %v", key, jp["@type"], jp["title"], jp["datePosted"])
		}
		if (jp["baseSalary"] != nil) != (p.Salary != nil) {
			t.Errorf("%s: baseSalary %v, salary %v", key, jp["baseSalary"], p.Salary)
		}
		switch loc := jp["jobLocation"].(type) {
		case nil:
			if jp["jobLocationType"] != "TELECOMMUTE" || jp["applicantLocationRequirements"] == nil || p.Workplace != "remote" {
				t.Errorf("%s: no jobLocation but not a remote posting", key)
			}
			kinds["remote"]++
		case []any:
			if len(loc) != 3 || !reflectEqual(loc[0], loc[2]) {
				t.Errorf("%s: jobLocation %v", key, loc)
			}
			kinds["repeated"]++
		case map[string]any:
			if _, ok := loc["address"].(string); ok {
				kinds["string"]++
			} else if a, ok := loc["address"].(map[string]any); !ok || a["addressLocality"] == "" {
				t.Errorf("%s: address %v", key, loc["address"])
			}
		}
	}
	if kinds["next"] != 1 || kinds["string"] != 2 || kinds["repeated"] != 1 || kinds["remote"] == 0 {
		t.Errorf("page variants %v; want next 1, string 2, repeated 1, some remote", kinds)
	}
	for _, path := range []string{"/careers/nosuch", "/nosuch", "/careers/" + firstNonSite(ps)} {
		if code, _, _ := get(t, srv.URL+path); code != 404 {
			t.Errorf("GET %s: %d; want 404", path, code)
		}
	}
}

func reflectEqual(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return string(x) == string(y)
}

func firstNonSite(ps []Posting) string {
	for _, p := range ps {
		if p.Board != "site" {
			return p.Key
		}
	}
	return ""
}

// TestBoardsCoverAll checks every posting is served by exactly one source.
func TestBoardsCoverAll(t *testing.T) {
	ps := mustLoad(t)
	counts := boardCounts(ps)
	total := 0
	for _, b := range boards {
		if counts[b] < 15 || counts[b] > 19 {
			t.Errorf("board %s has %d postings; want about 17", b, counts[b])
		}
		total += counts[b]
	}
	if total != len(ps) {
		t.Errorf("boards hold %d postings; want %d", total, len(ps))
	}
}

func TestDeterministic(t *testing.T) {
	srv := httptest.NewServer(Handler())
	defer srv.Close()
	for _, src := range Sources(srv.URL) {
		_, _, a := get(t, src.URL)
		_, _, b := get(t, src.URL)
		if a != b {
			t.Errorf("%s: two responses differ", src.URL)
		}
	}
}
