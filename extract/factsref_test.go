package extract

import (
	"bytes"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jobgap/jobgap/bench/gen"
	"github.com/jobgap/jobgap/extract/taxonomy"
)

// refPair is a fact reader and its reference version (reference_test.go),
// each giving its result as a string.
type refPair struct {
	name     string
	ref, new func(text string) string
}

var refPairs = []refPair{
	{"experience",
		func(s string) string { return fmt.Sprint(refExperienceFromText(s)) },
		func(s string) string { return fmt.Sprint(ExperienceFromText(s)) }},
	{"workplace", refWorkplaceFromText, WorkplaceFromText},
}

// genDescriptions returns the descriptions of the first n postings of
// bench/gen (seed 1), as import reads them.
func genDescriptions(tb testing.TB, n int) []string {
	tb.Helper()
	tax, err := taxonomy.Default()
	if err != nil {
		tb.Fatal(err)
	}
	g, err := gen.New(tax, gen.Options{Seed: 1})
	if err != nil {
		tb.Fatal(err)
	}
	var buf bytes.Buffer
	if err := g.WriteJSONL(&buf, 0, n); err != nil {
		tb.Fatal(err)
	}
	raws, errs := Split(Document{Name: "gen.jsonl", Source: "file", Body: buf.Bytes(), FetchedAt: time.Now()})
	if len(errs) > 0 {
		tb.Fatal(errs[0])
	}
	var out []string
	for _, r := range raws {
		p, err := Parse(r)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, p.Description)
	}
	return out
}

// snippetTexts returns the texts of the labelled and held-out snippets,
// as the accuracy tests read them.
func snippetTexts(tb testing.TB) []string {
	tb.Helper()
	var out []string
	for _, dir := range []string{"labelled", "heldout"} {
		for _, c := range loadLabelled(tb, dir) {
			if c.HTML {
				out = append(out, HTMLToText(c.Text))
			} else {
				out = append(out, c.Text)
			}
		}
	}
	return out
}

// testTexts returns the texts the filters and fast readers are checked
// on: the labelled snippets and 300 generated postings, and every
// distinct line of them (one in ten of all these under -race or
// -short). It reads them once for all tests.
func testTexts(tb testing.TB) []string {
	tb.Helper()
	testTextsOnce.Do(func() {
		testTextsCache = withLines(append(snippetTexts(tb), genDescriptions(tb, 300)...))
		if raceEnabled || testing.Short() {
			// One text in ten.
			for i := range len(testTextsCache) / 10 {
				testTextsCache[i] = testTextsCache[i*10]
			}
			testTextsCache = testTextsCache[:len(testTextsCache)/10]
		}
	})
	return slices.Clone(testTextsCache)
}

var (
	testTextsOnce  sync.Once
	testTextsCache []string
)

// withLines returns texts, every distinct line of them, and every
// distinct pair of adjacent lines (a match at the end of a line that is
// not the end of the text: the filters look at whole texts first).
func withLines(texts []string) []string {
	out := append([]string(nil), texts...)
	seen := map[string]bool{}
	add := func(s string) {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	for _, t := range texts {
		lines := strings.Split(t, "\n")
		for i, l := range lines {
			add(l)
			if i > 0 {
				add(lines[i-1] + "\n" + l)
			}
		}
	}
	return out
}

// TestFactsMatchReference checks that each fast fact reader reads what
// its reference version reads, on testTexts.
func TestFactsMatchReference(t *testing.T) {
	texts := testTexts(t)
	for _, p := range refPairs {
		diff := 0
		for _, s := range texts {
			if got, want := p.new(s), p.ref(s); got != want {
				if diff++; diff <= 5 {
					t.Errorf("%s(%q) = %s, reference %s", p.name, clip(s, 300), got, want)
				}
			}
		}
		if diff > 0 {
			t.Errorf("%s: %d of %d texts read differently", p.name, diff, len(texts))
		}
	}
}

// TestMayHoldYears checks the line filter of ExperienceFromText: every
// line where yearsRe matches, and that has a unit word (the filter
// before it), passes it.
func TestMayHoldYears(t *testing.T) {
	lines := testTexts(t)
	lines = append(lines, "five (5) years", "3 - years", "3 or more years", "two to three+ yrs",
		"FIVE YEARS", "fünf Jahre", "två år", "ſix years", "3 anſ", "10yrs", "trois ans", "3 -\tyears")
	for _, l := range lines {
		if missesYears(l) {
			t.Errorf("mayHoldYears misses %q", l)
		}
	}
}

// TestMoneyMatches checks that moneyMatches finds what moneyRe does in
// the whole line.
func TestMoneyMatches(t *testing.T) {
	lines := testTexts(t)
	lines = append(lines, moneyLines...)
	for _, l := range lines {
		if !sameMoneyMatches(l) {
			t.Errorf("moneyMatches(%q) = %v, moneyRe finds %v", l, moneyMatches(l, maxAmountsPerLine),
				moneyRe.FindAllStringSubmatchIndex(l, maxAmountsPerLine))
		}
	}
}

// moneyLines are lines at the edges of moneyMatches' windows.
var moneyLines = []string{
	"HKD ₹ 5", "HKD ₹\u00a05", "ſGD $ 1,000", "DKK 1 000 000 thouſand dollarſ", "1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 kr",
	"Rſ. 12,00,000 lakhſ", "abc123k", "x" + strings.Repeat("9", 40) + " billion", "€ 1.234.567,89 EUR", "\xff\xfe5 $ \xe2\x82",
	"12’000 CHF", "120\u202f000 €", strings.Repeat("$1 ", 100), "1\u00a0000\u00a0000 zł", "5万円", "年収600万円",
}

// sameMoneyMatches reports whether moneyMatches finds in line what moneyRe
// does.
func sameMoneyMatches(line string) bool {
	return reflect.DeepEqual(moneyMatches(line, maxAmountsPerLine), moneyRe.FindAllStringSubmatchIndex(line, maxAmountsPerLine))
}

// missesYears reports whether mayHoldYears turns away a line yearsRe
// matches in and that has a unit word.
func missesYears(line string) bool {
	low := strings.ToLower(line)
	return hasAny(low, yearUnits) && yearsRe.MatchString(line) && !mayHoldYears(low)
}

// FuzzFactsReference compares each fact reader with its reference on any
// text, and checks the line filters (mayHoldYears, moneyMatches, the
// workplace patterns') against the regexps they spare.
func FuzzFactsReference(f *testing.F) {
	for _, s := range snippetTexts(f) {
		f.Add(s)
	}
	for _, s := range moneyLines {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, p := range refPairs {
			if got, want := p.new(text), p.ref(text); got != want {
				t.Fatalf("%s(%q) = %s, reference %s", p.name, text, got, want)
			}
		}
		for l := range strings.SplitSeq(text, "\n") {
			if !sameMoneyMatches(l) {
				t.Fatalf("moneyMatches(%q) differs from moneyRe", l)
			}
			if missesYears(l) {
				t.Fatalf("mayHoldYears misses %q", l)
			}
			for _, c := range workplaceFilterCases {
				if missesWorkplace(c.p, l) {
					t.Fatalf("%s: filter turns away %q", c.name, l)
				}
			}
		}
	})
}

// BenchmarkFactsVsReference runs each fact reader and its reference
// version on the descriptions of 500 generated postings, alternately in
// one run, and reports the time of the fast one over the reference's
// (new/ref, lower is better) and the fast one's time per posting.
func BenchmarkFactsVsReference(b *testing.B) {
	descs := genDescriptions(b, 500)
	for _, p := range refPairs {
		b.Run(p.name, func(b *testing.B) {
			var tRef, tNew time.Duration
			for range b.N {
				start := time.Now()
				for _, d := range descs {
					p.ref(d)
				}
				mid := time.Now()
				for _, d := range descs {
					p.new(d)
				}
				tRef, tNew = tRef+mid.Sub(start), tNew+time.Since(mid)
			}
			b.ReportMetric(float64(tNew)/float64(tRef), "new/ref")
			b.ReportMetric(float64(tNew.Microseconds())/float64(b.N*len(descs)), "new-µs/posting")
			b.ReportMetric(float64(tRef.Microseconds())/float64(b.N*len(descs)), "ref-µs/posting")
		})
	}
}

// BenchmarkMoneyMatchesVsRegexp compares moneyMatches with moneyRe run on
// the whole line, on the lines of 500 generated postings that
// salariesInLine reads amounts in, and reports new/ref as above.
func BenchmarkMoneyMatchesVsRegexp(b *testing.B) {
	var lines []string
	for _, d := range genDescriptions(b, 500) {
		for l := range strings.SplitSeq(d, "\n") {
			if strings.ContainsAny(l, "0123456789") && hasCurrencyMarker(l) {
				lines = append(lines, l)
			}
		}
	}
	var tRef, tNew time.Duration
	for range b.N {
		start := time.Now()
		for _, l := range lines {
			moneyRe.FindAllStringSubmatchIndex(l, maxAmountsPerLine)
		}
		mid := time.Now()
		for _, l := range lines {
			moneyMatches(l, maxAmountsPerLine)
		}
		tRef, tNew = tRef+mid.Sub(start), tNew+time.Since(mid)
	}
	b.ReportMetric(float64(tNew)/float64(tRef), "new/ref")
	b.ReportMetric(float64(tNew.Microseconds())/float64(b.N*len(lines)), "new-µs/line")
	b.ReportMetric(float64(tRef.Microseconds())/float64(b.N*len(lines)), "ref-µs/line")
}

// TestWorkplaceAtLineEnd checks phrases that match only at the end of a
// line ("…, Remote") when more text follows: the filters look at the
// whole text first, where the line's end is a line break, not the end.
func TestWorkplaceAtLineEnd(t *testing.T) {
	for _, text := range []string{
		"Senior Product Manager | Remote\nAbout us: we build tools.",
		"Location: Berlin, Germany, Remote\nAbout the job",
		"Fully flexible, remote\nApply today.",
		"Team: product; remote \nBenefits: lots",
		"Team: product; remote\r\nBenefits: lots",
	} {
		if got, want := WorkplaceFromText(text), refWorkplaceFromText(text); got != want || got != "remote" {
			t.Errorf("WorkplaceFromText(%q) = %q, reference %q; want remote", text, got, want)
		}
	}
}

// TestWorkplaceWordsCoverPatterns checks phrases each regexp matches
// through an alternative without the words its line filter once
// required ("2 days on-site" has no "office"; "5-day work week in the"
// neither "office" nor "site").
func TestWorkplaceWordsCoverPatterns(t *testing.T) {
	for text, want := range map[string]string{
		"You will work 2 days on-site with the team.": "hybrid",
		"We keep a 5-day work week in the studio.":    "onsite",
		"Expect a five-day workweek in our HQ.":       "onsite",
	} {
		if got := WorkplaceFromText(text); got != want {
			t.Errorf("WorkplaceFromText(%q) = %q, want %q", text, got, want)
		}
		if got, ref := WorkplaceFromText(text), refWorkplaceFromText(text); got != ref {
			t.Errorf("WorkplaceFromText(%q) = %q, reference %q", text, got, ref)
		}
	}
}
