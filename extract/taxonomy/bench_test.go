package taxonomy

import (
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// generatedPostings returns postings of about size bytes in all, built
// from sentence templates filled with forms of terms drawn from the
// whole catalog and taxonomy (seeded: the same text every run), with
// the usual sections, filler prose and a few traps.
func generatedPostings(tx *Taxonomy, size int) []string {
	rng := rand.New(rand.NewPCG(4, 2026))
	terms := tx.Terms("")
	form := func() string {
		t := terms[rng.IntN(len(terms))]
		fs := append(append([]string{t.Name}, t.Aliases...), t.Acronyms...)
		return fs[rng.IntN(len(fs))]
	}
	templates := []string{
		"- %d+ years of experience with %s and %s.",
		"- Hands-on knowledge of %s; %s is a plus.",
		"- %s certification required, %s preferred.",
		"- Own the roadmap with %s, working closely with %s teams.",
		"- Nice to have: %s or %s.",
		"We use %s, %s and a lot of coffee to ship every week.",
	}
	filler := []string{
		"About us",
		"We are a remote-first company of 300 people building tools that help teams plan, ship and learn from customers.",
		"What you'll do",
		"Requirements",
		"Nice to have",
		"Benefits",
		"- Competitive salary, 401(k), 30 days of holiday and a learning budget. Let's go!",
		"- You excel at turning ambiguity into clear plans and go the extra mile for customers.",
	}
	var out []string
	total := 0
	for total < size {
		var b strings.Builder
		b.WriteString("Senior Product Manager\n")
		for i := 0; i < 24; i++ {
			if i%4 == 0 {
				b.WriteString(filler[rng.IntN(len(filler))])
				b.WriteByte('\n')
			}
			tpl := templates[rng.IntN(len(templates))]
			if strings.HasPrefix(tpl, "- %d") {
				fmt.Fprintf(&b, tpl, 1+rng.IntN(9), form(), form())
			} else {
				fmt.Fprintf(&b, tpl, form(), form())
			}
			b.WriteByte('\n')
		}
		out = append(out, b.String())
		total += b.Len()
	}
	return out
}

func totalLen(ps []string) int64 {
	n := 0
	for _, p := range ps {
		n += len(p)
	}
	return int64(n)
}

// allForms returns every surface form of the taxonomy, one per term form.
func allForms(tx *Taxonomy) []string {
	var out []string
	for _, t := range tx.Terms("") {
		out = append(out, t.Name)
		out = append(out, t.Aliases...)
		out = append(out, t.Acronyms...)
		out = append(out, t.Exact...)
	}
	return out
}

// BenchmarkMatch tags 1 MiB of generated postings, one Match per
// posting, with the full catalog and taxonomy. Read MB/s. Every line of
// this text holds two forms, so the requirement levels (level.go) take
// most of the time; bench/run tags bench/gen descriptions, with about
// one tag per kB, where finding the forms does: BenchmarkMatchPostings
// tags that text.
func BenchmarkMatch(b *testing.B) {
	tx := defaultTaxonomy(b)
	ps := generatedPostings(tx, 1<<20)
	b.SetBytes(totalLen(ps))
	for b.Loop() {
		for _, p := range ps {
			tx.Match(p)
		}
	}
}

// naiveRegexps is the approach Match replaces: one regexp per term.
func naiveRegexps(tx *Taxonomy) []*regexp.Regexp {
	var res []*regexp.Regexp
	for _, t := range tx.Terms("") {
		var alts []string
		for _, f := range append(append([]string{t.Name}, t.Aliases...), append(t.Acronyms, t.Exact...)...) {
			alts = append(alts, regexp.QuoteMeta(f))
		}
		res = append(res, regexp.MustCompile(`(?i)\b(?:`+strings.Join(alts, "|")+`)\b`))
	}
	return res
}

func naiveMatch(res []*regexp.Regexp, ps []string) int {
	n := 0
	for _, p := range ps {
		for _, re := range res {
			n += len(re.FindAllStringIndex(p, -1))
		}
	}
	return n
}

// BenchmarkNaiveRegexp finds every term of the same postings with one
// regexp per term (128 KiB: it is slow). Compare MB/s with BenchmarkMatch.
func BenchmarkNaiveRegexp(b *testing.B) {
	tx := defaultTaxonomy(b)
	res := naiveRegexps(tx)
	ps := generatedPostings(tx, 1<<17)
	b.SetBytes(totalLen(ps))
	for b.Loop() {
		naiveMatch(res, ps)
	}
}

// ripgrep writes the postings to files (64 to a file) and the term
// list to terms.txt in dir, and returns a command counting the lines
// with any term, as 'rg -c -F -f terms.txt' plus flags ("-i", "-w").
func ripgrep(tb testing.TB, tx *Taxonomy, ps []string, flags ...string) func() {
	tb.Helper()
	rg, err := exec.LookPath("rg")
	if err != nil {
		tb.Skip("rg (ripgrep) is not on PATH; apt-get install ripgrep to compare")
	}
	dir := tb.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "terms.txt"), []byte(strings.Join(allForms(tx), "\n")+"\n"), 0o644); err != nil {
		tb.Fatal(err)
	}
	docs := filepath.Join(dir, "postings")
	if err := os.Mkdir(docs, 0o755); err != nil {
		tb.Fatal(err)
	}
	for i := 0; i < len(ps); i += 64 {
		text := strings.Join(ps[i:min(i+64, len(ps))], "\n")
		if err := os.WriteFile(filepath.Join(docs, fmt.Sprintf("%04d.txt", i/64)), []byte(text), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	return func() {
		args := append([]string{"-c", "-F", "-j1", "--no-config"}, flags...)
		cmd := exec.Command(rg, append(args, "-f", filepath.Join(dir, "terms.txt"), docs)...)
		out, err := cmd.Output()
		if err != nil || len(out) == 0 {
			tb.Fatalf("rg: %v: %s", err, out)
		}
	}
}

// BenchmarkRipgrep counts the same term list over the same postings,
// written to files, with ripgrep on one thread (process start
// included): -F alone (case-sensitive, no word boundaries: less than
// Match does) and -F -i -w (closer to Match); skipped when rg is not
// installed.
func BenchmarkRipgrep(b *testing.B) {
	tx := defaultTaxonomy(b)
	ps := generatedPostings(tx, 1<<20)
	for _, flags := range [][]string{nil, {"-i", "-w"}} {
		b.Run("F"+strings.Join(flags, ""), func(b *testing.B) {
			run := ripgrep(b, tx, ps, flags...)
			b.SetBytes(totalLen(ps))
			for b.Loop() {
				run()
			}
		})
	}
}

// BenchmarkRatios measures Match, the naive loop and ripgrep on the same
// postings in the same run and reports how many times faster Match is
// (naive-x, want >= 50) and how many times slower than 'rg -c -F' is
// (rg-x, want <= 3; below 1 means faster). The naive loop runs on the first 1/8 of the text and is
// scaled.
func BenchmarkRatios(b *testing.B) {
	tx := defaultTaxonomy(b)
	ps := generatedPostings(tx, 1<<20)
	res := naiveRegexps(tx)
	small := ps[:len(ps)/8]
	var run func()
	if _, err := exec.LookPath("rg"); err == nil {
		run = ripgrep(b, tx, ps) // -F: the fastest ripgrep can be
	}
	var tMatch, tNaive, tRg time.Duration
	b.SetBytes(totalLen(ps))
	for b.Loop() {
		s := time.Now()
		for _, p := range ps {
			tx.Match(p)
		}
		tMatch += time.Since(s)
		s = time.Now()
		naiveMatch(res, small)
		tNaive += time.Since(s)
		if run != nil {
			s = time.Now()
			run()
			tRg += time.Since(s)
		}
	}
	scale := float64(totalLen(ps)) / float64(totalLen(small))
	b.ReportMetric(float64(tNaive)*scale/float64(tMatch), "naive-x")
	if run != nil {
		b.ReportMetric(float64(tMatch)/float64(tRg), "rg-x")
	}
}
