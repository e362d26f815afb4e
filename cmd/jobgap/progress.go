package main

import (
	"time"

	"github.com/schollz/progressbar/v3"
)

// progress is a progress bar on stderr, or nothing when stderr is not a
// terminal or the user asked for quiet or JSON output. Its methods are
// safe on a disabled bar.
type progress struct {
	bar *progressbar.ProgressBar
}

// progress starts a bar for total steps (-1: unknown).
func (g *globalOptions) progress(total int, desc string) *progress {
	if g.Quiet || g.io == nil || !g.io.ErrIsTerm {
		return &progress{}
	}
	bar := progressbar.NewOptions(total,
		progressbar.OptionSetWriter(g.io.Err),
		progressbar.OptionSetDescription(desc),
		progressbar.OptionShowCount(),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionSetElapsedTime(true),
		progressbar.OptionOnCompletion(func() {}),
	)
	return &progress{bar: bar}
}

// Add moves the bar on by n.
func (p *progress) Add(n int) {
	if p.bar != nil {
		_ = p.bar.Add(n)
	}
}

// Set moves the bar to done of total.
func (p *progress) Set(done, total int) {
	if p.bar != nil {
		if total > 0 && p.bar.GetMax() != total {
			p.bar.ChangeMax(total)
		}
		_ = p.bar.Set(done)
	}
}

// Describe changes the bar's label.
func (p *progress) Describe(s string) {
	if p.bar != nil {
		p.bar.Describe(s)
	}
}

// Finish clears the bar.
func (p *progress) Finish() {
	if p.bar != nil {
		_ = p.bar.Finish()
		_ = p.bar.Clear()
	}
}
