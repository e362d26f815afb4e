// Package reporttest opens rendered reports in a real browser for tests:
// headless Chromium driven by chromedp, with the flags this sandbox needs.
package reporttest

import (
	"context"
	"os"
	"os/exec"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// Chromium finds the browser for the end-to-end test. CI installs it (see
// .ci/run), so there a missing browser is a failure, not a skip.
func Chromium(t testing.TB) string {
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

// Check is what the browser saw of a rendered page.
type Check struct {
	Charts     [][2]float64 // width, height of each svg.chart
	Bars       int          // bars drawn with a non-zero width
	Pwned      string       // typeof window.pwned: "undefined" unless injected script ran
	Errors     []string     // exceptions and console errors
	Screenshot []byte
}

// Open loads the page file in headless Chromium at the given
// viewport and reports what it drew.
func Open(t testing.TB, browser, path string, width, height int64, mobile bool) Check {
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
	var check Check
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
