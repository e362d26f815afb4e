package demo

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

// The label rules, as a careful reader applies them (see postings.yaml).
// Each id has strict patterns: the surface forms that count. A loose
// pattern catches near-misses (wrong case, other spellings) that the data
// must not contain outside the declared traps.

type rule struct {
	strict []*regexp.Regexp
	loose  *regexp.Regexp
}

var re = regexp.MustCompile

var certRules = map[string]rule{
	"cspo":                           {strict: []*regexp.Regexp{re(`\bCSPO\b`), re(`Certified Scrum Product Owner`)}, loose: re(`(?i)cspo|scrum product owner`)},
	"a-cspo":                         {strict: []*regexp.Regexp{re(`\bA-CSPO\b`), re(`Advanced Certified Scrum Product Owner`)}, loose: re(`(?i)a-cspo|advanced certified`)},
	"pspo-1":                         {strict: []*regexp.Regexp{re(`\bPSPO I\b`), re(`Professional Scrum Product Owner`)}, loose: re(`(?i)pspo|professional scrum product owner`)},
	"safe-popm":                      {strict: []*regexp.Regexp{re(`SAFe POPM\b`), re(`SAFe Product Owner/Product Manager`)}, loose: re(`(?i)\bsafe\b`)},
	"csm":                            {strict: []*regexp.Regexp{re(`Certified ScrumMaster`)}, loose: re(`(?i)\bcsm\b|scrum ?master`)},
	"psm-1":                          {strict: []*regexp.Regexp{re(`\bPSM I\b`), re(`Professional Scrum Master`)}, loose: re(`(?i)\bpsm|professional scrum master`)},
	"pmp":                            {strict: []*regexp.Regexp{re(`\bPMP\b`), re(`Project Management Professional`)}, loose: re(`(?i)\bpmp|project management professional`)},
	"pmi-acp":                        {strict: []*regexp.Regexp{re(`\bPMI-ACP\b`)}, loose: re(`(?i)acp\b`)},
	"pragmatic-pmc":                  {strict: []*regexp.Regexp{re(`Pragmatic Institute certification`)}, loose: re(`(?i)pragmatic`)},
	"aws-cloud-practitioner":         {strict: []*regexp.Regexp{re(`AWS Certified Cloud Practitioner`)}, loose: re(`(?i)cloud practitioner`)},
	"google-analytics-certification": {strict: []*regexp.Regexp{re(`Google Analytics certification`)}, loose: re(`(?i)analytics certifi`)},
}

var skillRules = map[string]rule{
	"sql":                    {strict: []*regexp.Regexp{re(`\bSQL\b`)}, loose: re(`(?i)sql`)},
	"excel":                  {strict: []*regexp.Regexp{re(`\bExcel\b`)}, loose: re(`(?i)\bexcel\b`)},
	"jira":                   {strict: []*regexp.Regexp{re(`\bJira\b`)}, loose: re(`(?i)jira`)},
	"ab-testing":             {strict: []*regexp.Regexp{re(`\bA/B test(ing|s)\b`)}, loose: re(`(?i)a/b|split test|ab test`)},
	"roadmapping":            {strict: []*regexp.Regexp{re(`(?i)\broadmap(s|ping)?\b`)}, loose: re(`(?i)road ?map`)},
	"stakeholder-management": {strict: []*regexp.Regexp{re(`(?i)\bstakeholder management\b`)}, loose: re(`(?i)stakeholder manag`)},
	"user-research":          {strict: []*regexp.Regexp{re(`(?i)\buser research\b`)}, loose: re(`(?i)user research`)},
	"python":                 {strict: []*regexp.Regexp{re(`\bPython\b`)}, loose: re(`(?i)python`)},
	"go":                     {strict: []*regexp.Regexp{re(`\bGolang\b`), re(`\bGo\b`)}, loose: re(`(?i)\bgo(lang)?\b`)},
	"figma":                  {strict: []*regexp.Regexp{re(`\bFigma\b`)}, loose: re(`(?i)figma`)},
}

// traps are phrases that look like a term but are not one; they are
// blanked out before the loose check. Each must occur in the data.
var traps = []string{
	"excel at", "go-to-market", "go-live",
	"Customer Success Manager (CSM)", "our CSM team",
}

// negated lists postings that name a term only to say it is not needed:
// the term occurs but is not labelled.
var negated = map[string][]string{
	"ks-po-no-cert": {"cspo"},
}

var (
	sentenceEnd   = re(`[.!?](\s|$)|\n`)
	csmWord       = re(`\bCSM\b`)
	goWord        = re(`\bGo\b`)
	otherLanguage = re(`\b(Python|Java|Kotlin|Ruby|TypeScript)\b`)
)

// blank replaces each occurrence of the phrases with spaces of the same
// length, so offsets stay put.
func blank(text string, phrases ...string) string {
	for _, ph := range phrases {
		text = strings.ReplaceAll(text, ph, strings.Repeat(" ", len(ph)))
	}
	return text
}

// strictCount counts the occurrences of id in text under the rules.
func strictCount(id string, r rule, text string) int {
	switch id {
	case "cspo":
		text = blank(text, "A-CSPO", "Advanced Certified Scrum Product Owner")
	case "csm":
		n := len(r.strict[0].FindAllStringIndex(text, -1))
		for _, s := range sentenceEnd.Split(text, -1) {
			if strings.Contains(s, "Scrum") {
				n += len(csmWord.FindAllStringIndex(s, -1))
			}
		}
		return n
	case "go":
		// "Go" counts only in a list of programming languages: not
		// followed by a hyphen, in a sentence naming another language.
		n := len(r.strict[0].FindAllStringIndex(text, -1))
		for _, s := range sentenceEnd.Split(text, -1) {
			if !otherLanguage.MatchString(s) {
				continue
			}
			for _, m := range goWord.FindAllStringIndex(s, -1) {
				if m[1] == len(s) || s[m[1]] != '-' {
					n++
				}
			}
		}
		return n
	}
	n := 0
	for _, x := range r.strict {
		n += len(x.FindAllStringIndex(text, -1))
	}
	return n
}

func fullText(p Posting) string { return p.Title + "\n" + p.Description }

func checkLabels(t *testing.T, p Posting, kind string, rules map[string]rule, labels []string) {
	t.Helper()
	text := fullText(p)
	for _, id := range labels {
		if _, ok := rules[id]; !ok {
			t.Errorf("%s: %s label %q is not an allowed id", p.Key, kind, id)
		}
	}
	if len(slices.Compact(slices.Sorted(slices.Values(labels)))) != len(labels) {
		t.Errorf("%s: %s labels %v repeat an id", p.Key, kind, labels)
	}
	for id, r := range rules {
		n := strictCount(id, r, text)
		labelled := slices.Contains(labels, id)
		neg := slices.Contains(negated[p.Key], id)
		switch {
		case labelled && n == 0:
			t.Errorf("%s: labelled %s %q, but no surface form of it occurs", p.Key, kind, id)
		case !labelled && n > 0 && !neg:
			t.Errorf("%s: %s %q occurs %d times but is not labelled", p.Key, kind, id, n)
		case labelled && neg:
			t.Errorf("%s: %s %q is declared negated but labelled", p.Key, kind, id)
		case neg && n == 0:
			t.Errorf("%s: %s %q is declared negated but does not occur", p.Key, kind, id)
		}
		// Every loose match must be a counted one, once traps and the
		// longer names of other certifications are blanked out.
		masked := blank(text, traps...)
		masked = blank(masked, shadows[id]...)
		if loose, strict := len(r.loose.FindAllStringIndex(masked, -1)), strictCount(id, r, masked); loose != strict {
			t.Errorf("%s: %s %q: %d near-miss spellings (%q); use a listed surface form or declare a trap",
				p.Key, kind, id, loose-strict, r.loose.FindAllString(masked, -1))
		}
	}
}

// shadows lists, per id, the names of other terms its loose pattern would
// also find.
var shadows = map[string][]string{
	"cspo": {"A-CSPO", "Advanced Certified Scrum Product Owner", "Professional Scrum Product Owner"},
	"csm":  {"Professional Scrum Master"},
}

func TestLabels(t *testing.T) {
	ps := mustLoad(t)
	for _, p := range ps {
		checkLabels(t, p, "cert", certRules, p.Certs)
		checkLabels(t, p, "skill", skillRules, p.Skills)
	}
}

// TestTraps checks the deliberate traps are in the data.
func TestTraps(t *testing.T) {
	ps := mustLoad(t)
	count := func(sub string) (n int) {
		for _, p := range ps {
			if strings.Contains(fullText(p), sub) {
				n++
			}
		}
		return n
	}
	excel := 0
	for _, p := range ps {
		if txt := fullText(p); strings.Contains(strings.ToLower(txt), "excellent") || strings.Contains(txt, "excel at") {
			excel++
		}
	}
	if excel < 3 {
		t.Errorf("%d postings say excellent/excel at; want at least 3", excel)
	}
	for _, tr := range traps {
		if count(tr) == 0 {
			t.Errorf("trap %q does not occur", tr)
		}
	}
	for _, sub := range []string{"Requires an active CSPO; PMP preferred", "no certification required", "CSPO not necessary"} {
		if count(sub) != 1 {
			t.Errorf("%q occurs in %d postings; want 1", sub, count(sub))
		}
	}
	twice := 0
	for _, p := range ps {
		if strictCount("cspo", certRules["cspo"], fullText(p)) >= 2 && slices.Contains(p.Certs, "cspo") {
			twice++
		}
	}
	if twice == 0 {
		t.Error("no posting names CSPO twice")
	}
	for key := range negated {
		if !slices.ContainsFunc(ps, func(p Posting) bool { return p.Key == key }) {
			t.Errorf("negated posting %q does not exist", key)
		}
	}
}
