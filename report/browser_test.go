package report

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/jobgap/jobgap/report/reporttest"
)

// TestReportInChromium renders a report with hostile scraped text and
// checks, in a real browser at desktop and phone widths, that every chart
// drew, nothing was logged as an error, and the injected script did not run.
func TestReportInChromium(t *testing.T) {
	browser := reporttest.Chromium(t)
	var b bytes.Buffer
	if err := Render(&b, sampleReport()); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "report.html")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, vp := range []struct {
		name          string
		width, height int64
		mobile        bool
	}{{"desktop", 1280, 900, false}, {"phone", 390, 844, true}} {
		t.Run(vp.name, func(t *testing.T) {
			c := reporttest.Open(t, browser, path, vp.width, vp.height, vp.mobile)
			if len(c.Charts) != 4 { // certs, skills, salaries, progress; wide or narrow
				t.Errorf("%d charts shown, want 4", len(c.Charts))
			}
			for i, wh := range c.Charts {
				if wh[0] <= 0 || wh[1] <= 0 {
					t.Errorf("chart %d drew at %vx%v", i, wh[0], wh[1])
				}
				if wh[0] > float64(vp.width) {
					t.Errorf("chart %d is %v wide, wider than the %d px viewport", i, wh[0], vp.width)
				}
			}
			if c.Bars < 5 { // 2 cert bars, 1 skill bar, 2 salary boxes
				t.Errorf("%d bars drew with a width, want at least 5", c.Bars)
			}
			if c.Pwned != "undefined" {
				t.Errorf("injected script ran: typeof window.pwned = %q", c.Pwned)
			}
			if len(c.Errors) > 0 {
				t.Errorf("browser logged errors: %v", c.Errors)
			}
			shot := filepath.Join(dir, "report-"+vp.name+".png")
			if err := os.WriteFile(shot, c.Screenshot, 0o644); err != nil {
				t.Fatal(err)
			}
			if keep := os.Getenv("JOBGAP_SCREENSHOTS"); keep != "" {
				_ = os.WriteFile(filepath.Join(keep, "report-"+vp.name+".png"), c.Screenshot, 0o644)
			}
		})
	}
}
