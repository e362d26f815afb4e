package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/jobgap/jobgap/report"
	"github.com/jobgap/jobgap/report/reporttest"
)

const reportProfile = `title: Product Owner
competencies:
  - name: CSPO
    current: 2
    target: 4
    method: two-day course
    due: 2026-12-15
  - name: SQL
    current: 3
    due: 2026-11-01
  - name: Jira
    current: 4
    target: 4
`

// TestReportFromDemo renders the report from the demo data and checks
// that its numbers are the ones `compare` and `audit` print as JSON, and
// that it draws in a real browser without running anything it should not.
func TestReportFromDemo(t *testing.T) {
	data, dir := t.TempDir(), t.TempDir()
	if _, errOut, code := runJobgap(t, "--data", data, "demo", "--format", "json"); code != 0 {
		t.Fatalf("demo: exit %d: %s", code, errOut)
	}
	prof := filepath.Join(dir, "profile.yaml")
	if err := os.WriteFile(prof, []byte(reportProfile), 0o644); err != nil {
		t.Fatal(err)
	}
	titles := []string{"Product Owner", "Product Manager", "Product Lead"}
	// Two audits a week apart give the progress chart a line.
	if _, errOut, code := runJobgap(t, "--data", data, "audit", "--profile", prof, "--today", "2026-11-23"); code != 0 {
		t.Fatalf("audit: exit %d: %s", code, errOut)
	}
	if err := os.WriteFile(prof, []byte(strings.Replace(reportProfile, "current: 2", "current: 3", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	auditOut, errOut, code := runJobgap(t, "--data", data, "audit", "--profile", prof, "--today", "2026-11-30", "--format", "json")
	if code != 0 {
		t.Fatalf("audit: exit %d: %s", code, errOut)
	}
	out := filepath.Join(dir, "report.html")
	args := []string{"--data", data, "report", "--profile", prof, "--out", out, "--today", "2026-11-30"}
	for _, ti := range titles {
		args = append(args, "--title", ti)
	}
	if _, errOut, code := runJobgap(t, args...); code != 0 {
		t.Fatalf("report: exit %d: %s", code, errOut)
	}
	page, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	embedded, err := report.EmbeddedData(page)
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Compare json.RawMessage `json:"compare"`
		Audit   struct {
			Competencies json.RawMessage `json:"competencies"`
		} `json:"audit"`
	}
	if err := json.Unmarshal(embedded, &got); err != nil {
		t.Fatal(err)
	}

	cmpOut, errOut, code := runJobgap(t, append([]string{"--data", data, "compare", "--format", "json"}, titles...)...)
	if code != 0 {
		t.Fatalf("compare: exit %d: %s", code, errOut)
	}
	if !sameJSON(t, got.Compare, []byte(cmpOut)) {
		t.Errorf("the report's comparison differs from `compare --format json`")
	}
	var audit struct {
		Competencies json.RawMessage `json:"competencies"`
	}
	if err := json.Unmarshal([]byte(auditOut), &audit); err != nil {
		t.Fatal(err)
	}
	if !sameJSON(t, got.Audit.Competencies, audit.Competencies) {
		t.Errorf("the report's gap list differs from `audit --format json`")
	}
	html := string(page)
	for _, want := range []string{"Product Owner", "Titles side by side", "Your prioritised gap list", `id="progress"`, "How these numbers are made"} {
		if !strings.Contains(html, want) {
			t.Errorf("report lacks %q", want)
		}
	}

	browser := reporttest.Chromium(t)
	for _, vp := range []struct {
		name          string
		width, height int64
		mobile        bool
	}{{"desktop", 1280, 900, false}, {"phone", 390, 844, true}} {
		c := reporttest.Open(t, browser, out, vp.width, vp.height, vp.mobile)
		// Three titles × (certs, skills) + salary currencies + progress.
		if len(c.Charts) < 8 {
			t.Errorf("%s: %d charts shown, want at least 8", vp.name, len(c.Charts))
		}
		for i, wh := range c.Charts {
			if wh[0] <= 0 || wh[1] <= 0 {
				t.Errorf("%s: chart %d drew at %vx%v", vp.name, i, wh[0], wh[1])
			}
		}
		if len(c.Errors) > 0 || c.Pwned != "undefined" {
			t.Errorf("%s: errors %v, pwned %q", vp.name, c.Errors, c.Pwned)
		}
		if keep := os.Getenv("JOBGAP_SCREENSHOTS"); keep != "" {
			_ = os.WriteFile(filepath.Join(keep, "demo-"+vp.name+".png"), c.Screenshot, 0o644)
		}
	}
}

// TestReportEscapesTitles gives a title that is markup: it must show as
// text.
func TestReportEscapesTitles(t *testing.T) {
	data, dir := t.TempDir(), t.TempDir()
	if _, errOut, code := runJobgap(t, "--data", data, "demo", "--format", "json"); code != 0 {
		t.Fatalf("demo: exit %d: %s", code, errOut)
	}
	out := filepath.Join(dir, "r.html")
	hostile := `Owner <script>window.pwned=1</script>`
	if _, errOut, code := runJobgap(t, "--data", data, "report", "--title", hostile, "--out", out); code != 0 {
		t.Fatalf("report: exit %d: %s", code, errOut)
	}
	page, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(page), "<script>window.pwned") {
		t.Fatal("a title reached the page as markup")
	}
	if !strings.Contains(string(page), "Owner &lt;script&gt;window.pwned=1&lt;/script&gt;") {
		t.Error("the title is not shown as text")
	}
}

func sameJSON(t *testing.T, a, b []byte) bool {
	t.Helper()
	var x, y any
	if err := json.Unmarshal(a, &x); err != nil {
		t.Fatalf("%v in %s", err, a)
	}
	if err := json.Unmarshal(b, &y); err != nil {
		t.Fatalf("%v in %s", err, b)
	}
	return reflect.DeepEqual(x, y)
}
