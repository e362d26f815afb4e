package report

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// chromium finds the browser for the end-to-end test. CI installs it (see
// .ci/run), so there a missing browser is a failure, not a skip.
func chromium(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("JOBGAP_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("no Chromium found; .ci/run installs Debian's chromium package")
	}
	t.Skip("no Chromium installed (apt-get install chromium)")
	return ""
}

// BrowserCheck is what the browser saw of a rendered page.
type BrowserCheck struct {
	Charts     [][2]float64 // width, height of each svg.chart
	Bars       int          // bars drawn with a non-zero width
	Pwned      string       // typeof window.pwned: "undefined" unless injected script ran
	Errors     []string     // exceptions and console errors
	Screenshot []byte
}

// openInChromium loads the page file in headless Chromium at the given
// viewport and reports what it drew.
func openInChromium(t *testing.T, browser, path string, width, height int64, mobile bool) BrowserCheck {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(browser),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.UserDataDir(t.TempDir()),
	}
	// A guard against a wedged browser, not a timing assertion.
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	actx, acancel := chromedp.NewExecAllocator(ctx, opts...)
	defer acancel()
	bctx, bcancel := chromedp.NewContext(actx)
	defer bcancel()

	var mu sync.Mutex
	var check BrowserCheck
	err := chromedp.Listen(bctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch ev := ev.(type) {
		case *runtime.EventExceptionThrown:
			check.Errors = append(check.Errors, ev.ExceptionDetails.Text)
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError {
				check.Errors = append(check.Errors, "console.error")
			}
		}
	})
	if err != nil {
		t.Fatalf("chromium: %v", err)
	}
	step := func(what string, a chromedp.Action[chromedp.Void]) {
		if _, err := chromedp.Run(bctx, a); err != nil {
			t.Fatalf("chromium: %s: %v", what, err)
		}
	}
	step("viewport", chromedp.EmulateViewport(width, height, chromedp.EmulateScale(1), func(p *emulation.SetDeviceMetricsOverrideParams, _ *emulation.SetTouchEmulationEnabledParams) {
		p.Mobile = mobile
	}))
	step("open", chromedp.Navigate("file://"+path))
	step("load", chromedp.WaitReady("body"))
	charts, err := chromedp.Run(bctx, chromedp.Evaluate[[][2]float64](`[...document.querySelectorAll('svg.chart')].filter(e => getComputedStyle(e).display !== 'none').map(e => { const r = e.getBoundingClientRect(); return [r.width, r.height]; })`))
	if err != nil {
		t.Fatalf("chromium: charts: %v", err)
	}
	bars, err := chromedp.Run(bctx, chromedp.Evaluate[int](`[...document.querySelectorAll('svg.chart rect.bar, svg.chart rect.box')].filter(e => e.getBoundingClientRect().width > 0).length`))
	if err != nil {
		t.Fatalf("chromium: bars: %v", err)
	}
	pwned, err := chromedp.Run(bctx, chromedp.Evaluate[string](`typeof window.pwned`))
	if err != nil {
		t.Fatalf("chromium: %v", err)
	}
	shot, err := chromedp.Run(bctx, chromedp.FullScreenshot(100)) // 100 means PNG
	if err != nil {
		t.Fatalf("chromium: screenshot: %v", err)
	}
	mu.Lock()
	defer mu.Unlock()
	check.Charts, check.Bars, check.Pwned, check.Screenshot = charts, bars, pwned, shot
	return check
}

// TestReportInChromium renders a report with hostile scraped text and
// checks, in a real browser at desktop and phone widths, that every chart
// drew, nothing was logged as an error, and the injected script did not run.
func TestReportInChromium(t *testing.T) {
	browser := chromium(t)
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
			c := openInChromium(t, browser, path, vp.width, vp.height, vp.mobile)
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
