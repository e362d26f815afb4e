package taxonomy

import (
	"fmt"
	"strings"
	"unicode"
)

// Family is a job-title family: the postings one analysis compares.
type Family struct {
	ID   string `yaml:"id" json:"id"`
	Name string `yaml:"name" json:"name"`
	// Titles are phrases that put a title in the family, matched as whole
	// words, case-insensitively, after abbreviations are expanded (Sr →
	// senior, Mgr → manager, VP/Vice President → vp).
	Titles []string `yaml:"titles" json:"titles"`
	// Abbrevs are short forms (PM, PO) used only when no title phrase of
	// any family matches and the title has at most four words.
	Abbrevs []string `yaml:"abbrevs,omitempty" json:"abbrevs,omitempty"`
	// Exclude are phrases that keep a title out of the family
	// ("product marketing" keeps "Head of Product Marketing" out of
	// product-lead).
	Exclude []string `yaml:"exclude,omitempty" json:"exclude,omitempty"`
	// Seniority is the seniority of a title with no seniority word
	// (default "mid").
	Seniority string `yaml:"seniority,omitempty" json:"seniority,omitempty"`
	Origin    string `yaml:"-" json:"-"`
}

// Seniorities, lowest first.
var Seniorities = []string{"intern", "junior", "mid", "senior", "staff", "principal", "lead", "head", "director", "vp"}

var seniorityRank = func() map[string]int {
	m := map[string]int{}
	for i, s := range Seniorities {
		m[s] = i + 1
	}
	return m
}()

// seniorityWords maps title words (after expansion) to seniorities.
var seniorityWords = map[string]string{
	"intern": "intern", "internship": "intern", "trainee": "intern", "apprentice": "intern", "werkstudent": "intern",
	"junior": "junior", "entry": "junior", "graduate": "junior", "grad": "junior", "associate": "junior",
	"mid": "mid", "intermediate": "mid",
	"senior": "senior", "experienced": "senior",
	"staff":     "staff",
	"principal": "principal",
	"lead":      "lead", "group": "lead",
	"head":     "head",
	"director": "director",
	"vp":       "vp", "chief": "vp", "cpo": "vp",
}

// levelNumerals are used when no seniority word is present.
var levelNumerals = map[string]string{"i": "junior", "1": "junior", "ii": "mid", "2": "mid", "iii": "senior", "3": "senior", "iv": "staff", "4": "staff"}

var titleExpand = map[string]string{
	"sr": "senior", "snr": "senior", "jr": "junior", "jnr": "junior", "mgr": "manager", "assoc": "associate",
	"dir": "director", "eng": "engineer", "engr": "engineer", "dev": "developer", "svp": "vp", "evp": "vp", "avp": "vp",
	"mgmt": "management", "prod": "product", "swe": "software engineer", "sde": "software engineer", "and": "and",
}

// normTitle lower-cases a title, turns punctuation into spaces, expands
// abbreviations and returns the words joined by single spaces.
func normTitle(s string) string {
	s = strings.ToLower(s)
	s = strings.ReplaceAll(s, "&", " and ")
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '+' || r == '#' {
			b.WriteRune(r)
		} else {
			b.WriteByte(' ')
		}
	}
	ws := strings.Fields(b.String())
	for i, w := range ws {
		if x, ok := titleExpand[w]; ok {
			ws[i] = x
		}
	}
	out := strings.Join(ws, " ")
	out = strings.ReplaceAll(" "+out+" ", " vice president ", " vp ")
	return strings.TrimSpace(out)
}

type titlePhrase struct {
	fam    int
	phrase string // normalised, padded with spaces
}

type titleIndex struct {
	fams    []Family
	phrases []titlePhrase
	abbrevs []titlePhrase
	exclude [][]string // per family, padded
	byName  map[string]int
}

func newTitleIndex(fams []Family) *titleIndex {
	ix := &titleIndex{fams: fams, exclude: make([][]string, len(fams)), byName: map[string]int{}}
	for i, f := range fams {
		ix.byName[normTitle(f.Name)] = i
		ix.byName[f.ID] = i
		for _, t := range f.Titles {
			ix.phrases = append(ix.phrases, titlePhrase{i, " " + normTitle(t) + " "})
		}
		for _, t := range f.Abbrevs {
			ix.abbrevs = append(ix.abbrevs, titlePhrase{i, " " + normTitle(t) + " "})
		}
		for _, t := range f.Exclude {
			ix.exclude[i] = append(ix.exclude[i], " "+normTitle(t)+" ")
		}
	}
	return ix
}

func validateFamily(f *Family) []error {
	var errs []error
	bad := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s: family %q: %s: %w", f.Origin, f.ID, fmt.Sprintf(format, args...), ErrInvalid))
	}
	if strings.TrimSpace(f.Name) == "" {
		bad("name is empty")
	}
	if len(f.Titles) == 0 {
		bad("titles is empty")
	}
	for _, list := range [][]string{f.Titles, f.Abbrevs, f.Exclude} {
		for _, t := range list {
			if normTitle(t) == "" {
				errs = append(errs, fmt.Errorf("%s: family %q: title %q is empty after normalising: %w", f.Origin, f.ID, t, ErrEmpty))
			}
		}
	}
	if f.Seniority != "" && seniorityRank[f.Seniority] == 0 {
		bad("seniority %q: want one of %s", f.Seniority, strings.Join(Seniorities, ", "))
	}
	return errs
}

// familyCollisions reports title phrases listed by two families.
func familyCollisions(fams []Family) []error {
	type at struct {
		fam   int
		title string
	}
	seen := map[string]at{}
	var errs []error
	for i, f := range fams {
		for _, list := range [][]string{f.Titles, f.Abbrevs} {
			for _, t := range list {
				k := normTitle(t)
				if prev, ok := seen[k]; ok && prev.fam != i {
					errs = append(errs, fmt.Errorf("%s: family %q: title %q is also a title of family %q (%s): %w",
						f.Origin, f.ID, t, fams[prev.fam].ID, fams[prev.fam].Origin, ErrCollision))
					continue
				}
				seen[k] = at{i, t}
			}
		}
	}
	return errs
}

// Classify puts a job title in a family and reads its seniority.
// family is "" when no family matches. The phrase that starts earliest
// in the title wins, the longest among those; families whose Exclude
// phrases occur are skipped. Seniority is the highest seniority word
// (intern … vp; "Sr." is senior, "Associate" junior, "Group" lead,
// "Chief" vp); without one, a level numeral (I junior, II mid, III
// senior, IV staff); without that, the family's default, else "mid".
func (t *Taxonomy) Classify(title string) (family, seniority string) {
	ix := t.titles
	if ix == nil {
		return "", ""
	}
	n := normTitle(title)
	if n == "" {
		return "", ""
	}
	padded := " " + n + " "
	best, bestAt, bestLen := -1, 0, 0
	try := func(ps []titlePhrase) {
		for _, p := range ps {
			at := strings.Index(padded, p.phrase)
			if at < 0 || ix.excluded(p.fam, padded) {
				continue
			}
			if best < 0 || at < bestAt || at == bestAt && len(p.phrase) > bestLen {
				best, bestAt, bestLen = p.fam, at, len(p.phrase)
			}
		}
	}
	try(ix.phrases)
	if best < 0 && strings.Count(n, " ") < 4 {
		try(ix.abbrevs)
	}
	sen := titleSeniority(title)
	if best < 0 {
		if sen == "" {
			sen = "mid"
		}
		return "", sen
	}
	f := ix.fams[best]
	if sen == "" {
		sen = f.Seniority
	}
	if sen == "" {
		sen = "mid"
	}
	return f.ID, sen
}

// nonSeniority are phrases whose first word is a seniority word that
// says nothing of seniority ("Lead Generation", "Group Insurance").
var nonSeniority = []string{" lead generation ", " lead gen ", " lead management ", " lead scoring ", " lead routing ",
	" lead nurturing ", " head office ", " group insurance ", " group benefits ", " staff augmentation ",
	" chief of staff ", " entry level data "}

// titleSeniority reads a title's seniority: the highest seniority word;
// without one, a level numeral (I junior, II mid, III senior, IV staff).
// Only the title's first part counts, and later parts (after a comma,
// dash, bar, colon or parenthesis) made only of seniority words and
// numerals: "Sr. Product Manager, Lead Generation" is senior;
// "Product Manager - Senior" is senior too. "" when none.
func titleSeniority(title string) string {
	parts := strings.FieldsFunc(title, func(r rune) bool {
		return r == ',' || r == '(' || r == ')' || r == '|' || r == ':' || r == '–' || r == '—' || r == '[' || r == ']'
	})
	var ws []string
	for i, part := range parts {
		for j, sub := range strings.Split(part, " - ") {
			n := " " + normTitle(sub) + " "
			for _, x := range nonSeniority {
				n = strings.ReplaceAll(n, x, " ")
			}
			pw := strings.Fields(n)
			if i > 0 || j > 0 {
				only := len(pw) > 0
				for _, w := range pw {
					_, a := seniorityWords[w]
					_, b := levelNumerals[w]
					if !a && !b && w != "level" {
						only = false
					}
				}
				if !only {
					continue
				}
			}
			ws = append(ws, pw...)
		}
	}
	sen := ""
	for _, w := range ws {
		if s, ok := seniorityWords[w]; ok && seniorityRank[s] > seniorityRank[sen] {
			sen = s
		}
	}
	if sen == "" {
		for _, w := range ws {
			if s, ok := levelNumerals[w]; ok {
				sen = s
			}
		}
	}
	return sen
}

func (ix *titleIndex) excluded(fam int, padded string) bool {
	for _, x := range ix.exclude[fam] {
		if strings.Contains(padded, x) {
			return true
		}
	}
	return false
}

// ResolveTitle turns what a user typed for a family ("product-owner",
// "Product Owner", "PO", "Senior Product Owner") into a family id.
func (t *Taxonomy) ResolveTitle(query string) (family string, ok bool) {
	ix := t.titles
	if ix == nil {
		return "", false
	}
	q := strings.TrimSpace(query)
	if i, ok := t.famByID[strings.ToLower(q)]; ok {
		return t.families[i].ID, true
	}
	n := normTitle(q)
	if i, ok := ix.byName[n]; ok {
		return ix.fams[i].ID, true
	}
	for _, p := range ix.abbrevs {
		if " "+n+" " == p.phrase {
			return ix.fams[p.fam].ID, true
		}
	}
	if f, _ := t.Classify(q); f != "" {
		return f, true
	}
	return "", false
}
