package analyze

import (
	"regexp"
	"regexp/syntax"
	"runtime"
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/jobgap/jobgap/extract"
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
	// c holds the compiled pattern, made when the signal is first
	// matched: compiling every signal's regexps when the package loads
	// would slow the start of every command, most of which never match
	// a signal.
	c *signalCode
}

// signalCode is a signal's compiled pattern.
type signalCode struct {
	once sync.Once
	re   *regexp.Regexp
	// branches are the alternatives of the pattern, each matched on its
	// own (see signalSet): the text has the signal when it has one.
	branches []branch

	aloneOnce sync.Once
	alone     *signalSet // this signal alone, for In
}

// branch is one alternative of a signal's pattern.
type branch struct {
	re  *regexp.Regexp
	pre *prefilter // nil: none, re runs over the whole text
}

func signal(id, label, pattern string) Signal {
	return Signal{ID: id, Label: label, Pattern: pattern, c: &signalCode{}}
}

// code returns s's compiled pattern, compiling it on first use (every
// use, for a Signal not made by signal).
func (s Signal) code() *signalCode {
	c := s.c
	if c == nil {
		c = &signalCode{}
	}
	c.once.Do(func() {
		c.re = regexp.MustCompile(`\b(?:` + s.Pattern + `)\b`)
		for _, alt := range alternatives(s.Pattern) {
			b := `\b(?:` + alt + `)\b`
			c.branches = append(c.branches, branch{re: regexp.MustCompile(b), pre: newPrefilter(b)})
		}
	})
	return c
}

// In reports whether the normalised text (see NormText) has the signal.
func (s Signal) In(norm string) bool {
	c := s.code()
	c.aloneOnce.Do(func() { c.alone = newSignalSet([]Signal{s}) })
	return c.alone.match(norm, make([]bool, 1)) == 1
}

// alternatives splits pattern at its top-level '|'.
func alternatives(pattern string) []string {
	var out []string
	depth, class, from := 0, false, 0
	for i := 0; i < len(pattern); i++ {
		switch c := pattern[i]; {
		case c == '\\':
			i++
		case class:
			class = c != ']'
		case c == '[':
			class = true
			if strings.HasPrefix(pattern[i+1:], "]") || strings.HasPrefix(pattern[i+1:], "^]") {
				i += strings.Index(pattern[i:], "]") // a leading ']' is a member
			}
		case c == '(':
			depth++
		case c == ')':
			depth--
		case c == '|' && depth == 0:
			out = append(out, pattern[from:i])
			from = i + 1
		}
	}
	return append(out, pattern[from:])
}

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
	return summarize([][]Signal{sigs}, len(norms), func(i int) string { return norms[i] })[0]
}

// summarizePostings is SummarizeSignals for each of sets over the
// postings' descriptions, each normalised once, when its turn comes:
// holding the normalised text of every posting at once (as much again
// as the descriptions) is what a large title's summary needed most
// memory for.
func summarizePostings(sets [][]Signal, posts []extract.Posting) []SignalSummary {
	return summarize(sets, len(posts), func(i int) string { return NormText(posts[i].Description) })
}

// summarize counts each of sets over the n normalised texts text(i).
func summarize(sets [][]Signal, n int, text func(i int) string) []SignalSummary {
	type tally struct {
		counts          []int
		total, anyCount int
	}
	matchers := make([]*signalSet, len(sets))
	tallies := make([]tally, len(sets))
	for k, sigs := range sets {
		matchers[k] = newSignalSet(sigs)
		tallies[k].counts = make([]int, len(sigs))
	}
	var mu sync.Mutex
	inParallel(n, func(from, to int) {
		part := make([]tally, len(sets))
		has := make([][]bool, len(sets))
		for k, sigs := range sets {
			part[k].counts = make([]int, len(sigs))
			has[k] = make([]bool, len(sigs))
		}
		for i := from; i < to; i++ {
			t := text(i)
			for k, m := range matchers {
				found := m.match(t, has[k])
				for j, ok := range has[k] {
					if ok {
						part[k].counts[j]++
					}
				}
				part[k].total += found
				if found > 0 {
					part[k].anyCount++
				}
			}
		}
		mu.Lock()
		defer mu.Unlock()
		for k := range sets {
			for j, c := range part[k].counts {
				tallies[k].counts[j] += c
			}
			tallies[k].total += part[k].total
			tallies[k].anyCount += part[k].anyCount
		}
	})
	out := make([]SignalSummary, len(sets))
	for k, sigs := range sets {
		tl := tallies[k]
		sum := SignalSummary{Any: NewShare(tl.anyCount, n), Signals: make([]SignalCount, len(sigs))}
		if n > 0 {
			sum.Score = float64(tl.total) / float64(n)
		}
		for j, sg := range sigs {
			sum.Signals[j] = SignalCount{ID: sg.ID, Label: sg.Label, Share: NewShare(tl.counts[j], n)}
		}
		out[k] = sum
	}
	return out
}

// minParallel is the fewest items inParallel shares between cores.
const minParallel = 256

// inParallel calls fn over [0, n) split in consecutive parts, one per
// core, and returns when all are done; fn must only write to what its
// part owns.
func inParallel(n int, fn func(from, to int)) {
	parts := min(runtime.GOMAXPROCS(0), n/minParallel)
	if parts <= 1 {
		fn(0, n)
		return
	}
	var wg sync.WaitGroup
	for p := range parts {
		wg.Go(func() { fn(p*n/parts, (p+1)*n/parts) })
	}
	wg.Wait()
}

// Matching many signals over long descriptions with the regular
// expressions alone is slow: Go's regexp runs its NFA over every byte of
// a text for every signal. So each signal gets a prefilter, derived from
// its pattern's syntax: a set of literals, one of which every match
// contains, and the most spaces a match can hold. A text is scanned once
// for the literals of all the signals; a signal none of whose literals
// occur is absent, and otherwise its regexp runs only on the words around
// each occurrence, far enough out that any match holding the occurrence
// fits. The answer is the regexp's answer on the whole text: at the edges
// of a window (a space, or an end of the text) \b sees the same thing as
// in the whole text, and a match cannot reach past them.

// prefilter is what a signal's pattern guarantees about its matches.
type prefilter struct {
	lits   []string // every match contains one of these
	spaces int      // no match holds more spaces than this
}

// newPrefilter derives a prefilter from pattern, or returns nil when the
// pattern guarantees no literal or allows unbounded spaces.
func newPrefilter(pattern string) *prefilter {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return nil
	}
	re = re.Simplify()
	if !wordAssertionsOnly(re) {
		return nil
	}
	lits, ok := requiredLits(re)
	if !ok || len(lits) == 0 {
		return nil
	}
	spaces := maxSpaces(re)
	if spaces < 0 {
		return nil
	}
	// A literal that holds another is redundant: the other occurs
	// wherever it does.
	slices.Sort(lits)
	lits = slices.Compact(lits)
	var min []string
	for _, l := range lits {
		if !slices.ContainsFunc(lits, func(o string) bool { return o != l && strings.Contains(l, o) }) {
			min = append(min, l)
		}
	}
	return &prefilter{lits: min, spaces: spaces}
}

// wordAssertionsOnly reports whether re has no empty-width assertion
// other than \b and \B (a window's edges would change ^, $, \A, \z),
// and no case folding (the literals are matched as they are).
func wordAssertionsOnly(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText:
		return false
	case syntax.OpLiteral, syntax.OpCharClass:
		if re.Flags&syntax.FoldCase != 0 {
			return false
		}
	}
	for _, sub := range re.Sub {
		if !wordAssertionsOnly(sub) {
			return false
		}
	}
	return true
}

// maxLits bounds the sets of strings worked with: a larger set of
// literals filters little and costs a lot.
const maxLits = 64

// goodLit is the literal length beyond which a longer literal is not
// worth more literals: one that long is rare enough in text.
const goodLit = 6

// exactSet returns the strings re matches when they are few (at most
// maxLits), ignoring \b and \B.
func exactSet(re *syntax.Regexp) ([]string, bool) {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return []string{""}, true
	case syntax.OpLiteral:
		return []string{string(re.Rune)}, true
	case syntax.OpCharClass:
		var out []string
		for i := 0; i < len(re.Rune); i += 2 {
			if int(re.Rune[i+1]-re.Rune[i])+1+len(out) > maxLits {
				return nil, false
			}
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				out = append(out, string(r))
			}
		}
		return out, true
	case syntax.OpCapture:
		return exactSet(re.Sub[0])
	case syntax.OpQuest:
		sub, ok := exactSet(re.Sub[0])
		if !ok || len(sub) >= maxLits {
			return nil, false
		}
		return append(sub, ""), true
	case syntax.OpAlternate:
		var out []string
		for _, sub := range re.Sub {
			l, ok := exactSet(sub)
			if !ok || len(out)+len(l) > maxLits {
				return nil, false
			}
			out = append(out, l...)
		}
		return out, true
	case syntax.OpConcat:
		return product(re.Sub)
	}
	return nil, false
}

// product returns the strings the concatenation of subs matches, when
// each is exact and there are at most maxLits of them.
func product(subs []*syntax.Regexp) ([]string, bool) {
	out := []string{""}
	for _, sub := range subs {
		l, ok := exactSet(sub)
		if !ok || len(out)*len(l) > maxLits {
			return nil, false
		}
		next := make([]string, 0, len(out)*len(l))
		for _, a := range out {
			for _, b := range l {
				next = append(next, a+b)
			}
		}
		out = next
	}
	return out, true
}

// better reports whether the literals a filter better than b (nil b: any
// a is better): longer shortest literal, up to goodLit, then fewer.
func better(a, b []string) bool {
	if b == nil {
		return true
	}
	short := func(l []string) int {
		n := goodLit
		for _, s := range l {
			n = min(n, len(s))
		}
		return n
	}
	if sa, sb := short(a), short(b); sa != sb {
		return sa > sb
	}
	return len(a) < len(b)
}

// requiredLits returns non-empty literals one of which every match of re
// contains; ok is false when there are none to give.
func requiredLits(re *syntax.Regexp) (lits []string, ok bool) {
	if l, ok := exactSet(re); ok && !slices.Contains(l, "") {
		return l, true
	}
	switch re.Op {
	case syntax.OpCapture, syntax.OpPlus:
		return requiredLits(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min < 1 {
			return nil, false
		}
		return requiredLits(re.Sub[0])
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			l, ok := requiredLits(sub)
			if !ok {
				return nil, false
			}
			lits = append(lits, l...)
		}
		return lits, true
	case syntax.OpConcat:
		// Every match holds a match of each part, and of each run of
		// consecutive parts: take the one that filters best.
		var best []string
		for i := range re.Sub {
			if l, ok := requiredLits(re.Sub[i]); ok && better(l, best) {
				best = l
			}
			for j := i + 2; j <= len(re.Sub); j++ {
				l, ok := product(re.Sub[i:j])
				if !ok {
					break
				}
				if !slices.Contains(l, "") && better(l, best) {
					best = l
				}
			}
		}
		return best, best != nil
	}
	return nil, false
}

// maxSpaces returns the most spaces a match of re can hold, or -1 for no
// bound.
func maxSpaces(re *syntax.Regexp) int {
	switch re.Op {
	case syntax.OpLiteral:
		return strings.Count(string(re.Rune), " ")
	case syntax.OpCharClass:
		for i := 0; i < len(re.Rune); i += 2 {
			if re.Rune[i] <= ' ' && ' ' <= re.Rune[i+1] {
				return 1
			}
		}
		return 0
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return 1
	case syntax.OpCapture, syntax.OpQuest:
		return maxSpaces(re.Sub[0])
	case syntax.OpStar, syntax.OpPlus, syntax.OpRepeat:
		n := maxSpaces(re.Sub[0])
		switch {
		case n == 0:
			return 0
		case n < 0 || re.Op != syntax.OpRepeat || re.Max < 0:
			return -1
		}
		return n * re.Max
	case syntax.OpConcat, syntax.OpAlternate:
		total := 0
		for _, sub := range re.Sub {
			n := maxSpaces(sub)
			if n < 0 {
				return -1
			}
			if re.Op == syntax.OpConcat {
				total += n
			} else {
				total = max(total, n)
			}
		}
		return total
	}
	return 0 // empty matches and assertions
}

// signalSet matches several signals in one scan of a text.
type signalSet struct {
	sigs     []Signal
	branches []setBranch
	// lits are the literals of all prefiltered branches; owners[i] the
	// branches whose prefilter holds lits[i].
	lits   []string
	owners [][]int
	// byPair[pairs[a<<8|b]-1] lists the literals (index in lits) of two
	// or more bytes starting with bytes a, b (pairs 0: none); byByte[a]
	// those of one byte a.
	pairs  [1 << 16]uint16
	byPair [][]int
	byByte [256][]int
}

type setBranch struct {
	branch
	sig int // index in sigs
}

func newSignalSet(sigs []Signal) *signalSet {
	set := &signalSet{sigs: sigs}
	index := map[string]int{}
	for i, s := range sigs {
		for _, b := range s.code().branches {
			set.branches = append(set.branches, setBranch{b, i})
			if b.pre == nil {
				continue
			}
			for _, l := range b.pre.lits {
				j, ok := index[l]
				if !ok {
					j = len(set.lits)
					index[l] = j
					set.lits = append(set.lits, l)
					set.owners = append(set.owners, nil)
					if len(l) == 1 {
						set.byByte[l[0]] = append(set.byByte[l[0]], j)
					} else {
						k := uint16(l[0])<<8 | uint16(l[1])
						if set.pairs[k] == 0 {
							set.byPair = append(set.byPair, nil)
							set.pairs[k] = uint16(len(set.byPair))
						}
						set.byPair[set.pairs[k]-1] = append(set.byPair[set.pairs[k]-1], j)
					}
				}
				set.owners[j] = append(set.owners[j], len(set.branches)-1)
			}
		}
	}
	return set
}

// window is a stretch of text around a literal found in it.
type window struct{ branch, from, to int }

// match sets has[i] to whether text has sigs[i] and returns how many it
// has.
func (set *signalSet) match(text string, has []bool) int {
	clear(has)
	var wins []window
	if len(set.lits) > 0 {
		for i := 0; i < len(text); i++ {
			for _, j := range set.byByte[text[i]] {
				wins = set.found(wins, text, j, i)
			}
			if i+1 == len(text) {
				break
			}
			if p := set.pairs[uint16(text[i])<<8|uint16(text[i+1])]; p != 0 {
				for _, j := range set.byPair[p-1] {
					if strings.HasPrefix(text[i:], set.lits[j]) {
						wins = set.found(wins, text, j, i)
					}
				}
			}
		}
	}
	n := 0
	for i, b := range set.branches {
		if has[b.sig] {
			continue
		}
		if b.pre == nil {
			has[b.sig] = b.re.MatchString(text)
		} else {
			has[b.sig] = b.matchWindows(text, wins, i)
		}
		if has[b.sig] {
			n++
		}
	}
	return n
}

// found notes the window of each branch owning literal j, found at at.
func (set *signalSet) found(wins []window, text string, j, at int) []window {
	for _, b := range set.owners[j] {
		from, to := spanWords(text, at, at+len(set.lits[j]), set.branches[b].pre.spaces)
		wins = append(wins, window{b, from, to})
	}
	return wins
}

// spanWords widens text[from:to] by spaces+1 spaces each way, stopping
// short of the last space it passes (or at an end of the text): any
// match holding text[from:to] and at most spaces spaces lies inside.
func spanWords(text string, from, to, spaces int) (int, int) {
	for k := 0; from > 0; from-- {
		if text[from-1] == ' ' {
			if k == spaces {
				break
			}
			k++
		}
	}
	for k := 0; to < len(text); to++ {
		if text[to] == ' ' {
			if k == spaces {
				break
			}
			k++
		}
	}
	return from, to
}

// maxWindow bounds the windows matchWindows merges: the regexp package
// runs a fast backtracker over short texts only.
const maxWindow = 256

// matchWindows runs the branch's regexp over its windows (in the order
// found, so by start), merging those that overlap while short.
func (b branch) matchWindows(text string, wins []window, id int) bool {
	from, to := -1, -1
	for _, w := range wins {
		if w.branch != id {
			continue
		}
		if from >= 0 && w.from <= to && max(to, w.to)-from <= maxWindow {
			to = max(to, w.to)
			continue
		}
		if from >= 0 && b.re.MatchString(text[from:to]) {
			return true
		}
		from, to = w.from, w.to
	}
	return from >= 0 && b.re.MatchString(text[from:to])
}
