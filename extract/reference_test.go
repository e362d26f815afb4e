package extract

import (
	"math"
	"strconv"
	"strings"
)

// Reference versions of the fact readers, as they were before they were
// made faster, kept to check that the fast ones read every text the same
// (TestFactsMatchReference, FuzzFactsReference) and to measure the gain
// in one run (BenchmarkFactsVsReference). Each is the old function as it
// was, renamed; the regexps and tables they use are shared.

// refExperienceFromText is ExperienceFromText with only the unit words
// as its line filter (before mayHoldYears).
func refExperienceFromText(text string) float64 {
	best := 0.0
	for _, line := range strings.Split(text, "\n") {
		low := strings.ToLower(line)
		if strings.Contains(low, "month") {
			for _, m := range monthsRe.FindAllStringSubmatch(line, -1) {
				n, _ := strconv.ParseFloat(m[1]+m[2]+m[3]+m[4], 64)
				if n > 0 && n < 24 && (best == 0 || n/12 < best) {
					best = math.Round(n/12*100) / 100
				}
			}
		}
		if strings.Contains(line, "年以上") && (strings.Contains(line, "経験") || strings.Contains(line, "经验")) {
			for _, m := range cjkYearsRe.FindAllStringSubmatch(line, -1) {
				if n, _ := strconv.ParseFloat(m[1], 64); n > 0 && n <= 40 && (best == 0 || n < best) {
					best = n
				}
			}
		}
		if strings.Contains(low, "decade") {
			if m := decadeRe.FindStringSubmatch(line); m != nil {
				n := 10.0
				if strings.EqualFold(m[1], "two") {
					n = 20
				}
				if best == 0 || n < best {
					best = n
				}
			}
		}
		if !hasAny(low, yearUnits) {
			continue
		}
		// Whether the sentence speaks of the company: read once a
		// sentence (up to 300 bytes around), so that a long line of "N
		// years in …" stays linear.
		companyAt, companyOK := -1, false
		company := func(at int) bool {
			s := strings.LastIndex(line[max(0, at-300):at], ". ")
			if s < 0 {
				s = max(0, at-300)
			} else {
				s += max(0, at-300) + 2
			}
			if s != companyAt {
				e := strings.Index(line[at:min(len(line), at+300)], ". ")
				if e < 0 {
					e = min(len(line), at+300)
				} else {
					e += at
				}
				companyAt, companyOK = s, companyRe.MatchString(line[s:e])
			}
			return companyOK
		}
		seenInLine := false
		for _, m := range yearsRe.FindAllStringSubmatchIndex(line, -1) {
			get := func(g int) string {
				if m[2*g] < 0 {
					return ""
				}
				return line[m[2*g]:m[2*g+1]]
			}
			var n float64
			switch {
			case get(2) != "":
				n, _ = strconv.ParseFloat(get(2), 64)
			case get(1) != "":
				n = numberWords[strings.ToLower(get(1))]
			default:
				n, _ = strconv.ParseFloat(get(3), 64)
			}
			if n <= 0 || n > 40 {
				continue
			}
			after := line[m[1]:min(len(line), m[1]+100)]
			before := line[:m[0]+1]
			if m[2*3] >= 0 {
				before = line[:m[2*3]]
			} else if m[2*1] >= 0 {
				before = line[:m[2*1]]
			}
			before = tail(before, 60)
			plus := get(4) != "" || get(6) != ""
			// "8+ years in product, including 3+ years managing PMs": the
			// second is part of the first, not a lower minimum.
			if seenInLine && subReqRe.MatchString(before) {
				continue
			}
			if notExpRe.MatchString(after) {
				continue
			}
			// "5+ years" and "at least 5 years" are experience unless
			// they are a company's age (checked above).
			ok := expAfterRe.MatchString(after) || expBeforeRe.MatchString(before) ||
				plus || minBeforeRe.MatchString(before) ||
				expLooseRe.MatchString(after) && !company(m[0])
			if !ok {
				continue
			}
			seenInLine = true
			if best == 0 || n < best {
				best = n
			}
		}
	}
	return best
}

// refWorkplaceFromText is WorkplaceFromText before it split and
// lower-cased the text once, and before the line filters of
// workplacePatterns.
func refWorkplaceFromText(text string) string {
	// Each pattern is run only on the lines holding a word it needs: the
	// regexps are the costliest step of extraction.
	lower := strings.ToLower(text)
	if hasAny(lower, []string{"hybrid", "híbrid", "hybryd", "ibrid"}) {
		for _, m := range hybridRe.FindAllStringSubmatch(text, -1) {
			if m[1] == "" {
				// "Remote within Germany, or hybrid from Berlin": remote is
				// on offer.
				if refMatchLines(text, []string{"remot", "teletrabajo", "télétravail"}, remoteOrHybridRe) {
					return "remote"
				}
				return "hybrid"
			}
		}
	}
	if strings.Contains(lower, "day") && refMatchLines(text, []string{"office", "hq", "studio", "site"}, daysOffRe) {
		return "hybrid"
	}
	if refMatchLines(text, []string{"remot", "home", "mobil", "télétravail", "teletrabajo", "wfh", "smart working", "zdaln", "thuis", "%"}, daysRemoteRe) {
		return "hybrid"
	}
	if refMatchLines(text, []string{"office", "hq", "studio"}, weekdaysOfficeRe) {
		return "hybrid"
	}
	if refMatchLines(text, []string{"week", "週"}, daysCityRe) {
		return "hybrid"
	}
	if refMatchLines(text, []string{"bureau", "büro", "kantoor", "oficina", "ufficio", "biur", "domova", "zdalnej", "home", "remote", "wfh", "site", "office", "週", "télétravail", "teletrabajo", "mobile"}, daysBureauRe) {
		return "hybrid"
	}
	// A role the posting puts in the office full time, even at a
	// remote-first company.
	if refMatchLines(text, []string{"office", "site", "week"}, fullOfficeRe) {
		return "onsite"
	}
	if !strings.Contains(lower, "remot") && !hasAny(lower, onsiteWords) && !hasAny(lower, remoteWords) {
		return ""
	}
	if refMatchLines(text, []string{"remot", "homeoffice", "home office"}, notRemote) {
		return "onsite"
	}
	if refMatchLines(text, remoteWords, remoteRe) {
		return "remote"
	}
	if refMatchLines(text, []string{"remote"}, remoteLine) {
		return "remote"
	}
	if refMatchLines(text, onsiteWords, onsiteRe) {
		return "onsite"
	}
	return ""
}

// refMatchLines is matchLines as refWorkplaceFromText used it: it splits
// and lower-cases text on each call.
func refMatchLines(text string, words []string, re *lazyRE) bool {
	for line := range strings.SplitSeq(text, "\n") {
		if hasAny(strings.ToLower(line), words) && re.MatchString(line) {
			return true
		}
	}
	return false
}
