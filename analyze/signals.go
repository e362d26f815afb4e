package analyze

import (
	"regexp"
	"strings"
	"unicode"
)

// A Signal is a documented phrase pattern that jobgap looks for in posting
// descriptions: a decision-authority signal, a business function the role
// works with, or a metric the role is measured by. Patterns are regular
// expressions over normalised text: lower case, every run of characters
// other than letters and digits turned into one space ("P&L" is "p l",
// "cross-functional" is "cross functional"). A posting counts once per
// signal, however often it repeats the phrase.
type Signal struct {
	ID      string `json:"id"`
	Label   string `json:"label"`
	Pattern string `json:"pattern"`
	re      *regexp.Regexp
}

func signal(id, label, pattern string) Signal {
	return Signal{ID: id, Label: label, Pattern: pattern, re: regexp.MustCompile(`\b(?:` + pattern + `)\b`)}
}

// In reports whether the normalised text (see NormText) has the signal.
func (s Signal) In(norm string) bool { return s.re.MatchString(norm) }

// NormText lower-cases s and turns every run of characters other than
// letters and digits into one space, the form Signal patterns match.
func NormText(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte(' ')
	space := true
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
			space = false
			continue
		}
		if !space {
			b.WriteByte(' ')
			space = true
		}
	}
	if !space {
		b.WriteByte(' ')
	}
	return b.String()
}

const (
	ownVerb  = `own|owns|owning|set|sets|setting|define|defines|defining|drive|drives|driving|shape|shapes|shaping`
	leadVerb = `manage|manages|managing|lead|leads|leading|run|runs|running|coach|coaches|coaching|grow|grows|growing|hire and lead|hire and grow|build and lead`
	number   = `two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[0-9]+`
)

// AuthoritySignals are the decision-making authority signals. A title's
// decision-authority score is the mean, over its postings, of how many
// distinct signals a posting has (0 to len(AuthoritySignals)); the share of
// postings with at least one is the proportion compared between titles.
var AuthoritySignals = []Signal{
	signal("roadmap", "owns the roadmap",
		`(?:`+ownVerb+`) (?:the |our |your |a )?(?:product |overall |long term |multi year )?roadmaps?|roadmap ownership|ownership of (?:the |our )?(?:product )?roadmap`),
	signal("final-say", "final say",
		`final (?:say|call|decision|decisions|word)|last word|decision making authority|decision rights|(?:make|makes|making) the (?:final )?call`),
	signal("accountable", "accountable for",
		`accountable for|accountability for|(?:full|end to end) accountability`),
	signal("strategy", "sets strategy",
		`(?:`+ownVerb+`|lead|leads|leading) (?:the |our |your |a )?(?:[a-z]+ )?(?:strategy|vision)|(?:set|sets|setting) (?:the )?direction`),
	signal("team", "manages a team",
		`(?:`+leadVerb+`) (?:a (?:small |growing )?)?team of|(?:`+leadVerb+`) (?:`+number+`) (?:product |senior )?(?:managers|owners|pms|people|engineers|designers)|(?:`+leadVerb+`) (?:other )?product (?:managers|owners|people|teams)|direct reports|people management|line management`),
	signal("budget", "owns a budget or P&L",
		`(?:own|owns|owning|manage|manages|managing|control|controls) (?:the |a |an |your )?(?:[a-z]+ )?budgets?|budget owner|budget responsibility|p l (?:ownership|responsibility)|profit and loss`),
}

// Functions are the business functions a posting may say the role works
// with. A title's cross-functional exposure is the mean, over its
// postings, of how many distinct functions a posting names.
var Functions = []Signal{
	signal("engineering", "engineering", `engineering|engineers?|developers?|software team`),
	signal("design", "design", `designers?|design team|ux|user experience|product design`),
	signal("data", "data", `data (?:science|scientists?|team|teams|engineering|engineers?)|analysts?|analytics team|bi team`),
	signal("marketing", "marketing", `marketing|marketers?`),
	signal("sales", "sales", `sales|account executives?|account managers?`),
	signal("support", "support", `customer support|support (?:team|teams|tickets|agents|leads|staff)|customer success|customer service`),
	signal("legal", "legal", `legal|compliance|counsel`),
	signal("finance", "finance", `finance|financial planning|fp a|controllers?`),
	signal("operations", "operations", `operations|ops team|operations team`),
}

// KPIs are the measures of success a posting may name for the role.
var KPIs = []Signal{
	signal("retention", "retention", `retention|retain (?:users|customers)`),
	signal("activation", "activation", `activation`),
	signal("nps", "NPS", `nps|net promoter`),
	signal("revenue", "revenue", `revenue|arr|mrr`),
	signal("okr", "OKRs", `okrs?|objectives and key results`),
	signal("delivery", "delivery dates", `delivery dates?|deadlines?|on time delivery|release dates?|ship dates?|delivered on time`),
	signal("conversion", "conversion", `conversion|conversions|conversion rates?`),
	signal("churn", "churn", `churn`),
	signal("engagement", "engagement", `engagement|daily active|monthly active|dau|mau`),
	signal("adoption", "adoption", `adoption`),
	signal("satisfaction", "customer satisfaction", `csat|customer satisfaction`),
	signal("cycle-time", "cycle time", `cycle time|lead time|time to market`),
}

// SignalCount is how many postings have one signal.
type SignalCount struct {
	ID    string `json:"id"`
	Label string `json:"label"`
	Share
}

// SignalSummary sums a set of signals over postings: Score is the mean
// number of distinct signals per posting, Any the postings with at least
// one, Signals the postings with each, in the set's order.
type SignalSummary struct {
	Score   float64       `json:"score"`
	Any     Share         `json:"any"`
	Signals []SignalCount `json:"signals"`
}

// SummarizeSignals counts sigs over the normalised descriptions.
func SummarizeSignals(sigs []Signal, norms []string) SignalSummary {
	counts := make([]int, len(sigs))
	total, anyN := 0, 0
	for _, text := range norms {
		k := 0
		for i, s := range sigs {
			if s.In(text) {
				counts[i]++
				k++
			}
		}
		total += k
		if k > 0 {
			anyN++
		}
	}
	n := len(norms)
	sum := SignalSummary{Any: NewShare(anyN, n), Signals: make([]SignalCount, len(sigs))}
	if n > 0 {
		sum.Score = float64(total) / float64(n)
	}
	for i, s := range sigs {
		sum.Signals[i] = SignalCount{ID: s.ID, Label: s.Label, Share: NewShare(counts[i], n)}
	}
	return sum
}
