package analyze

import (
	"sort"
	"strings"

	"github.com/jobgap/jobgap/extract"
	"github.com/jobgap/jobgap/extract/taxonomy"
)

// Phrase is a phrase and the postings that use it.
type Phrase struct {
	Phrase string `json:"phrase"`
	Share
}

var ownLead = [][]string{
	{"own"}, {"owns"}, {"owning"}, {"ownership", "of"}, {"responsible", "for"}, {"accountable", "for"}, {"in", "charge", "of"},
}

var ownSkip = map[string]bool{"the": true, "our": true, "your": true, "their": true, "a": true, "an": true, "its": true, "this": true, "all": true}

// ownBefore are the words that may come before the verb: the role is
// the one that owns ("You will own", "- Own", "you are responsible for"),
// not another team ("the growth team owns").
var ownBefore = map[string]bool{"you": true, "will": true, "ll": true, "to": true, "and": true, "also": true, "role": true,
	"who": true, "fully": true, "directly": true, "would": true, "should": true, "must": true, "help": true, "be": true,
	"are": true, "is": true, "re": true, "take": true, "then": true,
	"manager": true, "owner": true, "lead": true}

var ownPronoun = map[string]bool{"it": true, "them": true, "this": true, "that": true, "these": true, "those": true, "up": true}

var ownStop = map[string]bool{"for": true, "with": true, "and": true, "or": true, "to": true, "of": true, "in": true, "on": true,
	"across": true, "from": true, "that": true, "which": true, "so": true, "by": true, "at": true, "as": true, "while": true,
	"end": true, "into": true, "through": true, "you": true, "we": true, "is": true, "are": true, "will": true, "be": true,
	"inside": true, "between": true, "within": true, "every": true, "each": true, "but": true, "then": true}

// OwnedPhrases returns what a posting's text says the role owns: the one
// to three words after "own", "owns", "owning", "ownership of",
// "responsible for", "accountable for" or "in charge of" (at the start
// of a clause or list item, or after "you", "will", "to", "and", "is",
// "are"...: what the role owns, not what another team does), skipping
// articles and possessives ("the", "our", "your") and stopping at
// punctuation or a joining word ("for", "with", "and", "across"...). So
// "Own the backlog for carrier onboarding" gives "backlog", and "You will
// own the API backlog: versioning" gives "api backlog". Each phrase once.
func OwnedPhrases(text string) []string {
	seen := map[string]bool{}
	var out []string
	for _, clause := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return strings.ContainsRune(".,;:()!?\n\"“”", r)
	}) {
		if !mayOwn(clause) {
			continue
		}
		var words []string
		for _, w := range strings.FieldsFunc(clause, func(r rune) bool {
			return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '/' || r == '&' || r > 127)
		}) {
			if w = strings.Trim(w, "-/&"); w != "" {
				words = append(words, w)
			}
		}
		for i := 0; i < len(words); i++ {
			n := leadLen(words[i:])
			if n == 0 || i > 0 && !ownBefore[words[i-1]] {
				continue
			}
			j := i + n
			for j < len(words) && ownSkip[words[j]] {
				j++
			}
			var obj []string
			for ; j < len(words) && len(obj) < 3 && !ownStop[words[j]]; j++ {
				obj = append(obj, words[j])
			}
			if len(obj) == 0 || ownPronoun[obj[0]] {
				continue
			}
			p := strings.Join(obj, " ")
			if !seen[p] {
				seen[p] = true
				out = append(out, p)
			}
			i = j - 1
		}
	}
	return out
}

// mayOwn reports whether a lower-cased clause may hold a lead of
// ownLead: each has a word that holds one of these, and a clause without
// any of them has no words to find.
func mayOwn(clause string) bool {
	return strings.Contains(clause, "own") || strings.Contains(clause, "responsible") ||
		strings.Contains(clause, "accountable") || strings.Contains(clause, "charge")
}

func leadLen(words []string) int {
	for _, l := range ownLead {
		if len(words) >= len(l) {
			ok := true
			for k, w := range l {
				if words[k] != w {
					ok = false
					break
				}
			}
			if ok {
				return len(l)
			}
		}
	}
	return 0
}

// CountPhrases counts, over posts, the postings whose description has each
// phrase fn returns; most postings first, then alphabetical. fn is called
// from several goroutines at once.
func CountPhrases(posts []extract.Posting, fn func(string) []string) []Phrase {
	phrases := make([][]string, len(posts))
	inParallel(len(posts), func(from, to int) {
		for i := from; i < to; i++ {
			phrases[i] = fn(posts[i].Description)
		}
	})
	counts := map[string]int{}
	for _, ps := range phrases {
		for _, ph := range ps {
			counts[ph]++
		}
	}
	out := make([]Phrase, 0, len(counts))
	for ph, k := range counts {
		out = append(out, Phrase{Phrase: ph, Share: NewShare(k, len(posts))})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Phrase < out[j].Phrase
	})
	return out
}

// Brief is the one-page role brief of `jobgap brief`.
type Brief struct {
	Title       string `json:"title"`
	Postings    int    `json:"postings"`
	SmallSample bool   `json:"small_sample"`
	From        string `json:"from,omitempty"`
	To          string `json:"to,omitempty"`
	// Owns is what postings say the role owns (OwnedPhrases), most
	// postings first.
	Owns []Phrase `json:"owns"`
	// Competencies are the skills most asked for (the top by postings
	// naming them), listed required first: most postings requiring, then
	// most naming, then by id.
	Competencies []Demand `json:"competencies"`
	// Certifications in RankCerts order.
	Certifications []CertPick `json:"certifications"`
	// Ladder is the seniority seen in titles, lowest first.
	Ladder []LevelCount `json:"ladder"`
	// KPIs are the measures of success named (KPIs), most postings first;
	// only those named at least once.
	KPIs       []SignalCount `json:"kpis"`
	Experience Experience    `json:"experience_years"`
	Salary     SalarySummary `json:"salary"`
}

// NewBrief writes the brief of a title from its postings, keeping the top
// rows of each list (0 for all).
func NewBrief(title string, posts []extract.Posting, tax *taxonomy.Taxonomy, top int) Brief {
	b := Brief{Title: title, Postings: len(posts), SmallSample: len(posts) < SmallSample}
	b.From, b.To = DateRange(posts)
	b.Owns = CountPhrases(posts, OwnedPhrases)
	b.Competencies = Demands(posts, tax, extract.KindSkill)
	if top > 0 {
		b.Competencies = b.Competencies[:min(top, len(b.Competencies))]
	}
	sort.SliceStable(b.Competencies, func(i, j int) bool {
		return b.Competencies[i].Required > b.Competencies[j].Required
	})
	b.Certifications = RankCerts(posts, tax)
	b.Ladder = SeniorityMix(posts)
	b.KPIs = []SignalCount{}
	for _, k := range summarizePostings([][]Signal{KPIs}, posts)[0].Signals {
		if k.Count > 0 {
			b.KPIs = append(b.KPIs, k)
		}
	}
	sort.SliceStable(b.KPIs, func(i, j int) bool { return b.KPIs[i].Count > b.KPIs[j].Count })
	b.Experience = YearsAsked(posts)
	b.Salary = Salaries(posts)
	if top > 0 {
		b.Owns = b.Owns[:min(top, len(b.Owns))]
		b.Competencies = b.Competencies[:min(top, len(b.Competencies))]
		b.Certifications = b.Certifications[:min(top, len(b.Certifications))]
		b.KPIs = b.KPIs[:min(top, len(b.KPIs))]
	}
	return b
}
