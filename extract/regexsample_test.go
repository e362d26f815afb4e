package extract

import (
	"regexp"
	"regexp/syntax"
	"strings"
	"testing"
)

// regexSamples returns strings built from the syntax of re to match it:
// every alternative of every alternation, each optional part with and
// without it, a few runes of each class, and each case-insensitive
// literal as written, in upper case and with the long s and the Kelvin
// sign for s and k (which (?i) reads as them). Parts are combined so
// that every sample of every part is in some string (all combinations
// when there are at most limit). Not every string matches (assertions
// are left out): callers keep those that do. The line filters of the
// fact readers are checked on them, so that a phrase of a regexp that a
// filter forgot shows even when no test text has it.
func regexSamples(tb testing.TB, re *regexp.Regexp, limit int) []string {
	tb.Helper()
	r, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		tb.Fatal(err)
	}
	return samplesOf(r, limit)
}

func samplesOf(r *syntax.Regexp, limit int) []string {
	switch r.Op {
	case syntax.OpLiteral:
		s := string(r.Rune)
		if r.Flags&syntax.FoldCase == 0 {
			return []string{s}
		}
		odd := strings.NewReplacer("s", "ſ", "S", "ſ", "k", "\u212a", "K", "\u212a").Replace(s)
		return []string{s, strings.ToUpper(s), odd}
	case syntax.OpCharClass:
		var all []string
		for i := 0; i+1 < len(r.Rune); i += 2 {
			all = append(all, string(r.Rune[i]))
			if r.Rune[i+1] != r.Rune[i] && r.Rune[i+1] <= 0xFFFF {
				all = append(all, string(r.Rune[i+1]))
			}
		}
		// Keep about eight, spread over the class, and every ASCII one
		// of small classes (the punctuation of a separator).
		if len(all) <= 12 {
			return all
		}
		var out []string
		for i := 0; i < len(all); i += len(all) / 8 {
			out = append(out, all[i])
		}
		return out
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return []string{"x"}
	case syntax.OpCapture:
		return samplesOf(r.Sub[0], limit)
	case syntax.OpStar, syntax.OpQuest:
		return append([]string{""}, samplesOf(r.Sub[0], limit)...)
	case syntax.OpPlus:
		return samplesOf(r.Sub[0], limit)
	case syntax.OpRepeat:
		sub := samplesOf(r.Sub[0], limit)
		var parts [][]string
		for range r.Min {
			parts = append(parts, sub)
		}
		out := combine(parts, limit)
		if r.Max < 0 || r.Max > r.Min {
			out = append(out, combine(append(parts, sub), limit)...)
		}
		return out
	case syntax.OpConcat:
		var parts [][]string
		for _, s := range r.Sub {
			parts = append(parts, samplesOf(s, limit))
		}
		return combine(parts, limit)
	case syntax.OpAlternate:
		var out []string
		for _, s := range r.Sub {
			out = append(out, samplesOf(s, limit)...)
		}
		return out
	default: // empty match and assertions
		return []string{""}
	}
}

// combine returns the concatenations of one string of each part: all of
// them when there are at most limit, else enough that each string of
// each part is in some of them.
func combine(parts [][]string, limit int) []string {
	total, most := 1, 1
	for _, p := range parts {
		if len(p) == 0 {
			return nil
		}
		total = min(total*len(p), limit+1)
		most = max(most, len(p))
	}
	if total <= limit {
		out := []string{""}
		for _, p := range parts {
			var next []string
			for _, a := range out {
				for _, b := range p {
					next = append(next, a+b)
				}
			}
			out = next
		}
		return out
	}
	// Each string of each part with the first string of every other
	// part (the shortest: an optional part's first string is empty),
	// then strings with all parts turning.
	var out []string
	for i, p := range parts {
		for _, x := range p {
			var b strings.Builder
			for j, q := range parts {
				if j == i {
					b.WriteString(x)
				} else {
					b.WriteString(q[0])
				}
			}
			out = append(out, b.String())
		}
	}
	for _, pace := range []int{1, 7} {
		for k := range most {
			var b strings.Builder
			for i, p := range parts {
				b.WriteString(p[(k*pace+i)%len(p)])
			}
			out = append(out, b.String())
		}
	}
	return out
}

// workplaceFilterCases are the workplace patterns that have a line filter.
var workplaceFilterCases = []struct {
	name string
	p    workplacePattern
}{
	{"daysOff", daysOff}, {"daysRemote", daysRemote}, {"weekdaysOffice", weekdaysOffice}, {"daysCity", daysCity},
	{"daysBureau", daysBureau}, {"fullOffice", fullOffice}, {"notRemote", notRemoteP}, {"remote", remoteP},
	{"remoteOrHybrid", remoteOrHybrid}, {"remoteLine", remoteLineP}, {"onsite", onsiteP},
}

// missesWorkplace reports whether p's filters (its words and its may)
// turn away line though its regexp matches it.
func missesWorkplace(p workplacePattern, line string) bool {
	low := strings.ToLower(line)
	return !matchLines(&lowerText{text: line, lower: low}, p) && p.re.MatchString(line) && !strings.Contains(low, "ſ")
}

// TestWorkplaceFilters checks that no line filter of the workplace
// patterns, nor mayHoldYears, turns away a line its regexp matches in:
// on strings generated from each regexp, alone and within other text,
// and on the lines of testTexts.
func TestWorkplaceFilters(t *testing.T) {
	frame := func(s string) []string {
		// A line has no line break (\s of a sample may be one).
		s = strings.ReplaceAll(s, "\n", " ")
		return []string{s, "x " + s + " y", "- " + s + ".", "We offer: " + s + ", and more"}
	}
	step := 1
	if raceEnabled || testing.Short() {
		step = 10 // one sample in ten
	}
	for _, c := range workplaceFilterCases {
		n, matched := 0, 0
		samples := regexSamples(t, c.p.re.get(), 2000)
		for i := 0; i < len(samples); i += step {
			s := samples[i]
			for _, l := range frame(s) {
				n++
				if c.p.re.MatchString(l) {
					matched++
				}
				if missesWorkplace(c.p, l) {
					t.Errorf("%s: filter turns away %q", c.name, l)
				}
			}
		}
		if matched < n/10 { // the samples would say little
			t.Errorf("%s: only %d of %d samples match", c.name, matched, n)
		}
	}
	samples := regexSamples(t, yearsRe.get(), 2000)
	for i := 0; i < len(samples); i += step {
		for _, l := range frame(samples[i]) {
			if missesYears(l) {
				t.Errorf("mayHoldYears turns away %q", l)
			}
		}
	}
	for _, l := range testTexts(t) {
		if strings.Contains(l, "\n") {
			continue // a whole text: its lines follow
		}
		for _, c := range workplaceFilterCases {
			if missesWorkplace(c.p, l) {
				t.Errorf("%s: filter turns away %q", c.name, l)
			}
		}
	}
}

// TestEducationWordsCoverPatterns checks that hasEducationWord lets
// through every generated match of the education patterns: a pattern
// phrase without a word in educationWords would never be read.
func TestEducationWordsCoverPatterns(t *testing.T) {
	res := []*lazyRE{degreeRe, noDegreeRe}
	for _, e := range eduRes {
		res = append(res, e.re)
	}
	step := 1
	if raceEnabled || testing.Short() {
		step = 10
	}
	for _, re := range res {
		samples := regexSamples(t, re.get(), 2000)
		for i := 0; i < len(samples); i += step {
			s := strings.ReplaceAll(samples[i], "\n", " ")
			if re.MatchString(s) && !hasEducationWord(s) && !strings.Contains(s, "ſ") {
				t.Errorf("hasEducationWord turns away %q, which %s matches", s, re)
			}
		}
	}
}
