package taxonomy

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// section is the kind of part of a posting a line sits in.
type section uint8

const (
	secNeutral   section = iota // no heading yet, or one we do not know
	secRole                     // responsibilities, about the role: mentioned
	secRequired                 // requirements, qualifications
	secPreferred                // nice to have, bonus points
	secOffer                    // benefits, about us: mentioned, cues ignored
	secNot                      // "We don't need": nothing in it is asked for
)

// Heading phrases, lower-case, checked in this order: offer, preferred,
// role, "about …", required.
var (
	headOffer = words("benefit", "benefits", "what we offer", "we offer", "perks", "compensation", "salary", "pay range",
		"equal opportunity", "eeo", "what's in it for you", "whats in it for you", "why join", "why work", "why you'll love",
		"our culture", "culture", "our values", "life at", "who we are", "the company", "about the company", "our company",
		"how to apply", "our mission", "diversity", "inclusion", "location", "working here",
		// de, fr, es, ja
		"wir bieten", "was wir bieten", "unser angebot", "deine vorteile", "ihre vorteile", "über uns", "nous offrons",
		"ce que nous offrons", "avantages", "qui sommes nous", "ofrecemos", "beneficios", "sobre nosotros",
		"wat we bieden", "wat wij bieden", "wat bieden wij", "wij bieden", "arbeidsvoorwaarden", "over ons",
		"福利厚生", "待遇", "会社概要")
	headPreferred = words("nice to have", "nice to haves", "bonus", "bonus points", "preferred", "plus", "pluses",
		"desirable", "desired", "ideally", "good to have", "extra credit", "stand out", "even better", "would be great",
		"would be nice", "advantage", "advantageous", "love to see", "optional", "an asset", "nice", "set you apart",
		"se valorará", "valoraremos", "se valora", "pluspunten", "mooi meegenomen", "assets", "asset", "mile widziane",
		"diferenciais", "desejável", "desejáveis", "será um diferencial", "it would be great if", "you might also have",
		"highly regarded", "een pré",
		"might also have", "also welcome", "we'd love", "we would love", "would set you apart", "pré",
		"wünschenswert", "von vorteil", "atouts", "un plus", "souhaité", "souhaitée", "deseable", "valorable",
		"歓迎", "尚可")
	headRole = words("responsibilities", "responsibility", "what you'll do", "what you will do", "what you'll be doing",
		"what you will be doing", "the role", "your role", "about the role", "about the job", "the job", "the position",
		"day to day", "in this role", "your impact", "what you'll own", "about the team", "the team", "overview",
		"summary", "description", "your mission", "your day", "duties", "tasks", "the opportunity", "job purpose",
		"key accountabilities", "accountabilities", "what you'll work on", "you will", "our stack", "tech stack",
		"our tech stack", "tools we use", "the gig",
		"deine aufgaben", "ihre aufgaben", "aufgaben", "vos missions", "missions", "tes missions",
		"responsabilidades", "funciones", "wat je gaat doen", "wat ga je doen", "jouw rol", "taken", "業務内容", "仕事内容")
	headRequired = words("requirements", "requirement", "qualifications", "qualification", "what you'll need",
		"what you need", "what you will need", "must have", "must haves", "what we're looking for",
		"what we are looking for", "looking for", "who you are", "about you", "you have", "you bring", "what you bring",
		"you'll bring", "skills", "experience", "minimum", "basic", "required", "essential", "your profile", "profile",
		"need to have", "you should have", "you'll have", "knowledge", "competencies", "competences", "certifications",
		"certification", "expertise", "background", "who we're looking for", "ideal candidate", "you are", "you're",
		"dein profil", "ihr profil", "profil", "anforderungen", "was du mitbringst", "was sie mitbringen",
		"qualifikationen", "voraussetzungen", "profil recherché", "votre profil", "ton profil", "compétences requises",
		"requisitos", "perfil", "lo que buscamos", "what we look for", "we look for", "what we expect", "reqs",
		"wat we vragen", "wat wij vragen", "wat vragen wij", "functie eisen", "jouw profiel", "wie ben jij", "wie jij bent",
		"selection criteria", "key selection criteria", "criteria", "exigences", "nos exigences", "wymagania",
		"qué buscamos", "que buscamos", "buscamos", "what we care about", "must", "what will make you successful",
		"make you successful", "要求", "필수", "자격요건",
		"必須", "応募資格", "必要なスキル", "求める人材")
)

// headRequiredFirst: requirement headings that hold a role phrase ("you
// will"), so they are checked before the role headings.
var headRequiredFirst = words("you will have", "you'll have", "you will need", "you'll need", "to be successful",
	"what you will bring", "you will bring", "you'll bring", "will make you successful")

// headNot: headings of what a posting does not ask for.
var headNot = words("we don't need", "we do not need", "you don't need", "you do not need", "what you don't need",
	"not required", "no need for", "what we don't need", "what we don't care about")

// headingExact are whole headings whose class the phrase order above
// gets wrong: "Desired Candidate Profile" (Indian boards) and "Desired
// Skills and Experience" (LinkedIn) are the requirements.
var headingExact = map[string]section{"desired candidate profile": secRequired, "desired profile": secRequired,
	"desired skills and experience": secRequired, "desired skills & experience": secRequired,
	"desired candidate": secRequired}

// Cue words in a clause, lower-case, hyphens as spaces.
var (
	cueRequired = words("required", "requires", "require", "must", "mandatory", "essential", "is a must",
		"need to have", "needs to have", "necessary", "needed", "compulsory", "prerequisite",
		"erforderlich", "zwingend", "vorausgesetzt", "obligatoire", "requis", "requise", "indispensable",
		"imprescindible", "obligatorio", "is expected", "are expected", "expected to have", "expected to hold",
		"exigé", "exigée", "exigés", "exigées", "vereist", "verplicht", "musts", "a must", "non negotiable",
		"wymagane", "wymagana", "req'd", "reqd", "must be", "must hold", "must have", "minimum", "at minimum",
		"at a minimum", "also accepted", "obrigatório", "obrigatória", "imprescindível", "obligatoires", "excluyente",
		"excluyentes", "table stakes", "calls for", "setzen wir voraus", "voraussetzung", "willing to obtain",
		"willingness to obtain", "must obtain", "expected to earn", "expected to obtain", "must earn", "you'll need",
		"you will need", "you need", "필수", "必須")
	cuePreferred = words("preferred", "preferably", "preference", "a plus", "big plus", "strong plus", "huge plus",
		"added plus", "nice to have", "nice to haves", "ideally", "bonus", "desirable", "desired", "an advantage",
		"advantageous", "beneficial", "good to have", "would be great", "would be nice", "optional", "welcome",
		"welcomed", "appreciated", "helpful", "an asset", "a bonus", "pluses", "is a plus", "are a plus", "extra credit",
		"wünschenswert", "von vorteil", "ein plus", "un plus", "souhaité", "souhaitable", "apprécié", "deseable",
		"valorable", "se valorará", "valoraremos", "se valora", "set you apart", "sets you apart", "even better",
		"nice extra", "un atout", "atout", "appréciée", "appréciés", "appréciées", "un plus", "een pluspunt", "pluspunt",
		"mooi meegenomen", "highly regarded", "well regarded", "regarded", "added advantage", "would help",
		"will help", "atutem", "mile widziane", "pluspunkt", "is ideal", "would be ideal", "are ideal", "real plus",
		"definite plus", "great plus", "welcome too", "fine too", "is fine too", "are welcome", "also welcome",
		"mile widziana", "mile widziany", "desejável", "desejáveis", "diferencial", "um diferencial", "nice addition",
		"nice additions", "a nice addition", "would stand out", "will stand out", "get you noticed", "vrai plus",
		"un vrai plus", "we'd love", "we would love", "een pré", "is een pré", "pré", "be prioritised", "be prioritized",
		"highly valued", "is valued", "are valued", "also valued", "valorizada", "valorizado", "valorizadas",
		"valorizados", "titolo preferenziale", "preferenziale", "gradita", "gradito", "gradite", "graditi",
		"歓迎")
	cueWeak = words("experience", "experienced", "proficiency", "proficient", "knowledge", "familiarity", "familiar",
		"expertise", "skilled", "you have", "you bring", "you'll need", "you will need", "looking for",
		"background in", "understanding of", "years", "fluent",
		"fluency", "hands on", "track record", "ability to", "strong", "solid", "deep", "working knowledge", "qualified",
		"comfortable with", "you've got", "you have got", "passed", "you can", "expert", "yrs",
		"comfortable in", "at home with", "confident", "you should have", "you'll bring", "you will bring",
		"you've", "you have run", "experiência", "experiencia minima", "erfarenhet", "conoscenza", "esperienza",
		"padronanza", "熟练", "경험",
		"kenntnisse", "erfahrung", "berufserfahrung", "wir suchen", "maîtrise", "expérience", "ervaring", "kennis",
		"connaissance", "connaissances", "experiencia", "conocimientos", "buscamos", "経験")
	negations = words("not required", "not necessary", "not needed", "not a requirement", "not mandatory",
		"not essential", "no need", "not need", "don't need", "do not need", "doesn't need", "does not need",
		"don't require", "do not require", "doesn't require", "does not require", "isn't required", "aren't required",
		"not expected", "no requirement", "not a must", "unnecessary", "not compulsory", "no prior",
		"doesn't count", "does not count", "don't count", "do not count", "won't count", "will not count",
		"not accepted", "isn't accepted", "not relevant", "doesn't qualify", "does not qualify", "irrelevant",
		"doesn't matter", "does not matter", "not important", "not sufficient", "not be sufficient", "not enough",
		"not be accepted", "won't be accepted", "won't get you", "will not get you", "don't expect", "do not expect",
		"we don't expect",
		"isn't enough", "not be enough")
	// cueOffer: the employer provides the certification or training, so
	// it is not asked of the candidate: "(we'll put you through OSHA 30)".
	cueOffer = words("we'll put you through", "we will put you through", "we'll pay for", "we will pay for",
		"we pay for", "we'll sponsor", "we will sponsor", "we sponsor", "we'll fund", "we will fund", "we fund",
		"we'll train you", "we will train you", "at our expense", "we cover the cost", "we'll cover the cost",
		"paid for by us", "we'll support you to get", "we will support you to get")
	negNo       = words("no")
	negNeeds    = words("required", "necessary", "needed", "needs", "need", "expected", "mandatory")
	negSplits   = words("but", "however", "although", "though", "whereas", "while", "yet")
	abbreviated = map[string]bool{"e.g": true, "i.e": true, "eg": true, "ie": true, "etc": true, "vs": true, "sr": true,
		"jr": true, "inc": true, "ltd": true, "co": true, "approx": true, "incl": true, "no": true, "dr": true, "mr": true,
		"ms": true, "mrs": true, "st": true, "min": true, "max": true, "fig": true, "u.s": true, "dept": true}
)

func words(ws ...string) [][]byte {
	out := make([][]byte, len(ws))
	for i, w := range ws {
		out[i] = lowerKey(normalizeForm(w))
	}
	return out
}

func containsAny(hay []byte, phrases [][]byte) bool {
	for _, p := range phrases {
		if hasWord(hay, p) {
			return true
		}
	}
	return false
}

// classifyHeading returns the section a heading text (lower-case key)
// starts, and whether it is a known one.
func classifyHeading(h []byte) (section, bool) {
	h = bytes.TrimSpace(h)
	// One pass of the heading phrases; a class found wins in the order
	// offer, preferred, role, required.
	m := headMatcher()
	found := 0
	var buf [8]cand
	for _, c := range m.scan(h, h, buf[:0]) {
		found |= 1 << m.pats[c.pat].term
	}
	if s, ok := headingExact[string(h)]; ok {
		return s, true
	}
	switch {
	case found&16 != 0:
		return secNot, true
	case found&1 != 0:
		return secOffer, true
	case found&2 != 0:
		return secPreferred, true
	case found&32 != 0:
		return secRequired, true
	case found&4 != 0:
		return secRole, true
	case found&8 != 0:
		return secRequired, true
	case bytes.HasPrefix(h, []byte("about ")) || bytes.HasPrefix(h, []byte("who is ")) || bytes.HasPrefix(h, []byte("why ")):
		return secOffer, true // "About Acme", "Why Acme"
	}
	return secNeutral, false
}

// headMatcher finds the heading phrases of every section kind in one pass.
var headMatcher = sync.OnceValue(func() *matcher {
	lists := [][][]byte{headOffer, headPreferred, headRole, headRequired, headNot, headRequiredFirst}
	terms := make([]Term, len(lists))
	for i, l := range lists {
		terms[i] = Term{ID: fmt.Sprint("heading-", i), Name: string(l[0])}
		for _, w := range l[1:] {
			terms[i].Aliases = append(terms[i].Aliases, string(w))
		}
	}
	return newMatcher(terms, nil)
})

// heading inspects one line (normalised, and its key) and reports
// whether it is a heading, the section it starts, and whether it is an
// inline heading ("Nice to have: CSPO") whose section also applies to the
// rest of the line.
func heading(line, key []byte) (sec section, ok, inline bool) {
	l := bytes.TrimSpace(line)
	k := bytes.TrimSpace(key)
	if len(l) == 0 {
		return 0, false, false
	}
	if len(l) > 100 {
		sec, ok = inlineHeading(k)
		return sec, ok, ok
	}
	if bytes.HasPrefix(l, []byte("**")) || bytes.HasPrefix(l, []byte("__")) {
		// Markdown bold: "**Who you are**", "**Pay**: $190k".
		for _, mk := range [][]byte{[]byte("**"), []byte("__")} {
			l = bytes.ReplaceAll(l, mk, nil)
			k = bytes.ReplaceAll(k, mk, nil)
		}
		l, k = bytes.TrimSpace(l), bytes.TrimSpace(k)
		if len(l) == 0 {
			return 0, false, false
		}
	}
	if l[0] == '-' || l[0] == '*' || bytes.HasPrefix(l, []byte("•")) {
		// A list item may still be an inline heading: "- Nice to have: X".
		sec, ok = inlineHeading(k)
		return sec, ok, ok
	}
	colon := l[len(l)-1] == ':'
	body := bytes.TrimRight(k, ": ")
	nw := bytes.Count(body, []byte(" ")) + 1
	last := l[len(l)-1]
	if nw <= 10 && (colon || (last != '.' && last != ',' && last != ';')) {
		if s, known := classifyHeading(body); known {
			// A long sentence with a heading word is not a heading.
			if colon || nw <= 6 {
				return s, true, false
			}
		}
		if colon || (nw <= 6 && titleCase(l)) {
			return secNeutral, true, false
		}
	}
	sec, ok = inlineHeading(k)
	return sec, ok, ok
}

// inlineHeading recognises "Requirements: …" at the start of a line.
func inlineHeading(k []byte) (section, bool) {
	k = bytes.TrimLeft(k, "-*• ")
	i := bytes.IndexByte(k, ':')
	if i <= 0 || i > 50 || bytes.Count(k[:i], []byte(" ")) > 5 {
		return 0, false
	}
	if containsAny(k[:i], noteWords) {
		return secRole, true // an aside: "Note: our CSM org is a separate team"
	}
	return classifyHeading(k[:i])
}

// noteWords label a line as an aside, which requires nothing.
var noteWords = words("note", "nb", "n.b", "please note", "ps", "p.s", "fyi", "hinweis", "remarque")

var smallWords = map[string]bool{"and": true, "of": true, "the": true, "to": true, "for": true, "in": true, "a": true,
	"an": true, "with": true, "we": true, "you": true, "at": true, "on": true, "&": true, "or": true, "our": true}

// titleCase reports whether every word of a short line starts with an
// upper-case letter or is a small word.
func titleCase(l []byte) bool {
	for _, w := range bytes.Fields(l) {
		if smallWords[string(w)] {
			continue
		}
		r, _ := utf8.DecodeRune(w)
		if 'a' <= r && r <= 'z' {
			return false
		}
		if '0' <= r && r <= '9' {
			return false
		}
	}
	return true
}

// doc is the analysis of one text given to Match.
type doc struct {
	t         *Taxonomy
	m         *matcher
	text      string
	norm, low []byte
	pos       []int32

	sec        section
	headingKey []byte

	// The list (a run of "- " lines) the current line is in: its
	// normalised span, its candidates, and per term whether the list
	// gives it context. bs == be when the line is not a list item.
	bs, be   int
	blockC   []cand
	blockCtx map[int32]bool
	blockCue int8 // 0 unknown, 1 no certification cue in the list, 2 one

	lineCands []cand // the kept candidates of the current line
	lineStart int    // normalised offset of the current line
	done      int    // normalised offset of the line after the last one read

	// Scratch of a line, kept with their arrays from line to line and,
	// through bufPool, from one Match to the next.
	units    []unit
	ui       []int  // the unit of each candidate
	keep     []bool // whether each candidate is kept
	clauses  []*clause
	nClauses int // the clauses in use, of the current line
	phr      []cand
	hits     []hit
	own      []cue
	fwd      []cue

	best  map[int32]int // term -> index in out
	rank  []int8        // level rank of out[i]
	out   []Match
	cover []bool
}

func levelRank(l string) int8 {
	switch l {
	case LevelRequired:
		return 3
	case LevelPreferred:
		return 2
	}
	return 1
}

func (d *doc) run(cands []cand) []Match {
	if d.best == nil {
		d.best = map[int32]int{}
	}
	n := len(d.norm)
	// Only the lines that hold a candidate are read in full. The lines
	// between them matter only through their headings (catchUp) and the
	// lists they are in (setBlock), which are read from them on demand.
	for ci := 0; ci < len(cands); {
		// The line of the next candidate; no form holds a newline.
		at := int(cands[ci].s)
		ls := d.done + bytes.LastIndexByte(d.norm[d.done:at], '\n') + 1
		le := at + bytes.IndexByte(d.norm[at:], '\n')
		if le < at {
			le = n
		}
		d.catchUp(ls)
		line, key := d.norm[ls:le], d.low[ls:le]
		sec, isHeading, inline := heading(line, key)
		if isHeading && inline && d.sec == secOffer && isListItem(line) {
			// "- Paid certification: …" under Benefits is a benefit.
			isHeading = false
		}
		prevSec, prevKey := d.sec, d.headingKey
		if isHeading && inline {
			d.sec, d.headingKey = sec, key
		}
		d.setBlock(ls, le, cands)
		cj := ci
		for cj < len(cands) && int(cands[cj].s) < le {
			cj++
		}
		// Terms in a heading line take the section above it.
		d.lineStart = ls
		d.line(ls, le, cands[ci:cj])
		switch {
		case isHeading && !inline:
			d.sec, d.headingKey = sec, key
		case isHeading && inline:
			// "- Nice to have: Figma" and "Requirements: SQL." speak
			// for their own line only.
			d.sec, d.headingKey = prevSec, prevKey
		}
		ci = cj
		d.done = le + 1
	}
	slices.SortFunc(d.out, func(a, b Match) int { return a.Start - b.Start })
	return d.out
}

// reuse makes d, an analysis done, the analysis of another text: it
// keeps the arrays of its scratch and of its map of terms.
func (d *doc) reuse(t *Taxonomy, m *matcher, text string, norm, low []byte, pos []int32) {
	clear(d.best)
	*d = doc{t: t, m: m, text: text, norm: norm, low: low, pos: pos,
		best: d.best, rank: d.rank[:0], cover: d.cover, lineCands: d.lineCands[:0],
		units: d.units, ui: d.ui, keep: d.keep, clauses: d.clauses,
		phr: d.phr, hits: d.hits, own: d.own, fwd: d.fwd}
}

// catchUp sets the section the line starting at ls is in, from the
// lines since d.done, which hold no candidate: the last heading among
// them that is not inline starts it (an inline heading speaks for its
// own line only), and when none is, it stays the section at d.done.
// They are read backwards from ls, up to that heading.
func (d *doc) catchUp(ls int) {
	for e := ls - 1; e >= d.done; { // the newline that ends a line
		s := d.done + bytes.LastIndexByte(d.norm[d.done:e], '\n') + 1
		if sec, ok, inline := heading(d.norm[s:e], d.low[s:e]); ok && !inline {
			d.sec, d.headingKey = sec, d.low[s:e]
			return
		}
		e = s - 1
	}
}

// unit is a sentence of a line (hard-split when long), with caches.
type unit struct {
	s, e   int
	c0, c1 int            // its candidates: cands[c0:c1]
	ctxOK  map[int32]bool // term -> has context
	fields map[string]bool
	weak   int8 // 0 unknown, 1 no weak cue, 2 a weak cue
	// usec: the section of a sentence that starts with its own label
	// ("… Permanent. Key skills: SQL, Excel."); usecState 0 unknown, 1
	// none, 2 usec.
	usec      section
	usecState int8
	clauses   []*clause
}

// clause is a part of a unit between semicolons.
type clause struct {
	s, e    int // normalised offsets
	scopes  []scope
	cues    []cue
	hasPref bool
	// parens: the parenthesised parts of the clause that hold a term
	// ("CCNA (CCNP even better)"), relative to the clause: their cues
	// speak for what is inside them only.
	parens [][2]int
	// parenNeg: indexes of parens that hold a negation.
	parenNeg []int
	// parenWe: indexes of parens that describe the employer ("(we run
	// Scrum in most teams)"): their terms are mentioned.
	parenWe []int
}

// scope is a part of a clause between "but"-like words: the reach of a
// negation.
type scope struct {
	s, e int // relative to the clause
	neg  bool
}

type cue struct {
	at    int // relative to the clause
	level string
	paren int // the parenthesis of the clause it is in that holds a term, or -1
	// forward: the cue speaks only for what follows it ("solid SQL, and
	// ideally a CBAP": ideally is not about SQL).
	forward bool
}

// forwardCues are the cue phrases that precede what they qualify.
var forwardCues = words("ideally", "preferably", "bonus if", "bonus points if", "even better if", "extra points for",
	"bonus points for", "idealerweise", "idéalement", "idealmente", "bij voorkeur")

func forwardOnly(at []byte) bool {
	for _, w := range forwardCues {
		if bytes.HasPrefix(at, w) {
			return true
		}
	}
	return false
}

const maxUnit = 600

// sentences splits line [ls,le) of norm into sentences.
func (d *doc) sentences(ls, le int) []unit {
	us := d.units[:0]
	start := ls
	for i := ls; i < le; i++ {
		c := d.norm[i]
		end := false
		switch c {
		case '.', '!', '?':
			if i+1 == le || d.norm[i+1] == ' ' {
				end = c != '.' || !abbrevBefore(d.low[start:i])
			}
		}
		if !end && i-start >= maxUnit && c == ' ' {
			end = true
		}
		if !end && i-start >= 2*maxUnit {
			end = true // no space at all: cut anyway
		}
		if end {
			us = addUnit(us, start, i+1)
			start = i + 1
		}
	}
	if start < le {
		us = addUnit(us, start, le)
	}
	d.units = us
	return us
}

// addUnit appends unit [s,e) to us, on the array of the clauses of the
// unit it replaces in us's array, if any.
func addUnit(us []unit, s, e int) []unit {
	if len(us) == cap(us) {
		return append(us, unit{s: s, e: e})
	}
	us = us[:len(us)+1]
	u := &us[len(us)-1]
	*u = unit{s: s, e: e, clauses: u.clauses[:0]}
	return us
}

// abbrevBefore reports whether the word ending a sentence candidate is an
// abbreviation ("e.g.", "Sr.") or a single letter.
func abbrevBefore(b []byte) bool {
	j := len(b)
	for j > 0 && (isWordByte(b[j-1]) || b[j-1] == '.') {
		j--
	}
	w := string(b[j:])
	if len(w) == 1 && !('0' <= w[0] && w[0] <= '9') {
		return true // "e.g. A. Smith", not "above 3."
	}
	return abbreviated[w]
}

// line handles the candidates of one line [ls,le).
func (d *doc) line(ls, le int, cands []cand) {
	m := d.m
	us := d.sentences(ls, le)
	d.nClauses = 0 // the clauses of the units of the line before
	ui := slices.Grow(d.ui[:0], len(cands))[:len(cands)]
	d.ui = ui
	{
		u := 0
		for i, c := range cands {
			for u < len(us)-1 && int(c.s) >= us[u].e {
				u++
			}
			ui[i] = u
		}
		for i := range us {
			us[i].c0, us[i].c1 = -1, -1
		}
		for i := len(cands) - 1; i >= 0; i-- {
			u := &us[ui[i]]
			if u.c1 < 0 {
				u.c1 = i + 1
			}
			u.c0 = i
		}
	}
	// Context.
	keep := slices.Grow(d.keep[:0], len(cands))[:len(cands)]
	d.keep = keep
	for i, c := range cands {
		p := &m.pats[c.pat]
		keep[i] = true
		if !p.needCtx && !p.excl && p.loose == looseNone {
			continue
		}
		u := &us[ui[i]]
		if p.loose != looseNone && !d.looseOK(u, p, cands) {
			keep[i] = false
			continue
		}
		if !p.needCtx && !p.excl {
			continue
		}
		ok, cached := u.ctxOK[p.term]
		if !cached {
			r := &m.rules[p.term]
			ok = !containsAny(d.low[u.s:u.e], r.exclude) && (!p.needCtx || d.hasContext(u, p.term, r, cands))
			if u.ctxOK == nil {
				u.ctxOK = map[int32]bool{}
			}
			u.ctxOK[p.term] = ok
		}
		keep[i] = ok
	}
	// Leftmost-longest wins within clusters of overlapping candidates.
	for i := 0; i < len(cands); {
		j, end := i+1, cands[i].e
		for j < len(cands) && cands[j].s < end {
			end = max(end, cands[j].e)
			j++
		}
		if j-i > 1 {
			d.resolve(cands[i:j], keep[i:j], int(cands[i].s), int(end))
		}
		i = j
	}
	// Shortened shared forms: "PRINCE2 Foundation & Practitioner",
	// "Google Ads and Google Analytics certifications".
	var extra []cand
	for i, c := range cands {
		if keep[i] && m.rules[m.pats[c.pat].term].kind == KindCertification {
			extra = append(extra, d.shared(c, ls, le)...)
		}
	}
	for _, x := range extra {
		// Candidates are sorted by start; none is longer than maxLen.
		i, _ := slices.BinarySearchFunc(cands, x.s-m.maxLen, func(c cand, at int32) int { return int(c.s - at) })
		for ; i < len(cands) && cands[i].s < x.e; i++ {
			if keep[i] && x.s < cands[i].e {
				keep[i] = false
			}
		}
	}
	d.lineCands = d.lineCands[:0]
	for i, c := range cands {
		if keep[i] {
			d.lineCands = append(d.lineCands, c)
		}
	}
	if len(extra) > 0 {
		d.lineCands = append(d.lineCands, extra...)
		slices.SortFunc(d.lineCands, func(a, b cand) int { return int(a.s - b.s) })
	}
	for i, c := range cands {
		if keep[i] {
			d.emit(&us[ui[i]], c)
		}
	}
	for _, x := range extra {
		k, _ := slices.BinarySearchFunc(us, int(x.s), func(u unit, at int) int {
			if u.e <= at {
				return -1
			}
			return 1
		})
		d.emit(&us[min(k, len(us)-1)], x)
	}
}

// emit records candidate c of unit u at its level, if it beats the
// term's earlier occurrences.
func (d *doc) emit(u *unit, c cand) {
	m := d.m
	term := m.pats[c.pat].term
	if m.rules[term].blocker {
		return
	}
	bi, seen := d.best[term]
	if seen && d.rank[bi] == 3 {
		return
	}
	if d.otherMeaning(c) {
		return
	}
	level, ok := d.level(u, int(c.s))
	if !ok {
		return
	}
	rk := levelRank(level)
	if seen && rk <= d.rank[bi] {
		return
	}
	mt := Match{ID: m.rules[term].id, Kind: m.rules[term].kind, Level: level}
	mt.Start, mt.End = d.origSpan(int(c.s), int(c.e))
	mt.Evidence = d.evidence(u, mt.Start, mt.End)
	if seen {
		d.out[bi], d.rank[bi] = mt, rk
	} else {
		d.best[term] = len(d.out)
		d.out = append(d.out, mt)
		d.rank = append(d.rank, rk)
	}
}

// certCues are the words that make a loose certification acronym ("pmp",
// "Cspo") one: in its sentence, its list or its heading.
var certCues = words("certified", "certification", "certifications", "certificate", "certificates", "credential",
	"credentials", "cert", "certs", "accreditation", "accredited", "zertifizierung", "zertifizierungen", "zertifikat",
	"zertifiziert", "certifié", "certifiée", "certificación", "certificaciones", "certificado", "certificering",
	"gecertificeerd", "資格")

// looseOK reports whether a loose variant (pattern p) found in unit u
// has what its kind needs. A certification acronym in another case
// needs a certification cue in its sentence, list or heading, or
// another certification in its sentence ("Cspo or Pspo"). A tool name
// in lower case needs another tool in its sentence (accept already
// checked that it is an item of an enumeration).
func (d *doc) looseOK(u *unit, p *pattern, cands []cand) bool {
	m := d.m
	for _, c := range cands[u.c0:u.c1] {
		q := &m.pats[c.pat]
		r := &m.rules[q.term]
		if q.term == p.term || r.blocker {
			continue
		}
		if p.loose == looseCert && r.kind == KindCertification || p.loose == looseTool && r.tool {
			return true
		}
	}
	if p.loose != looseCert {
		return false
	}
	if containsAny(d.low[u.s:u.e], certCues) || d.headingKey != nil && containsAny(d.headingKey, certCues) {
		return true
	}
	if d.bs == d.be {
		return false
	}
	if d.blockCue == 0 {
		d.blockCue = 1
		if containsAny(d.low[d.bs:d.be], certCues) {
			d.blockCue = 2
		}
	}
	return d.blockCue == 2
}

// certSuffixes end certification forms that a list of names can share:
// "Google Ads and Google Analytics certifications".
var certSuffixes = map[string]bool{"certification": true, "certifications": true, "certificate": true,
	"certificates": true, "certified": true}

// conjunction returns the length of the joint ("&", ",", "/", "and",
// "or") starting at i of low, after blanks, and the position after it;
// -1 when there is none.
func conjunction(low []byte, i, end int) int {
	for i < end && low[i] == ' ' {
		i++
	}
	if i >= end {
		return -1
	}
	switch low[i] {
	case ',', '/', '&':
		i++
	default:
		w := nextWord(low, i)
		if w != "and" && w != "or" && w != "und" && w != "oder" && w != "et" && w != "ou" && w != "y" && w != "o" &&
			w != "of" && w != "en" && w != "e" {
			return -1
		}
		i += len(w)
	}
	for i < end && low[i] == ' ' {
		i++
	}
	return i
}

// conjunctionBefore is conjunction read backwards from i: it returns the
// position where the joint's blanks start, -1 when there is none.
func conjunctionBefore(low []byte, i, start int) int {
	for i > start && low[i-1] == ' ' {
		i--
	}
	if i <= start {
		return -1
	}
	switch low[i-1] {
	case ',', '/', '&':
		i--
	default:
		w := prevWord(low, i)
		if w != "and" && w != "or" && w != "und" && w != "oder" && w != "et" && w != "ou" && w != "y" && w != "o" {
			return -1
		}
		i -= len(w)
	}
	for i > start && low[i-1] == ' ' {
		i--
	}
	return i
}

// certForm returns a pattern of a certification other than term whose
// form is prefix+" "+word (word = norm[ws:we]), checking case for
// case-sensitive forms.
func (d *doc) certForm(prefix []byte, casedPrefix []byte, ws, we int, term int32) (int32, bool) {
	key := make([]byte, 0, len(prefix)+1+we-ws)
	key = append(append(append(key, prefix...), ' '), d.low[ws:we]...)
	for _, pi := range d.m.certForms[string(key)] {
		p := &d.m.pats[pi]
		if p.term == term {
			continue
		}
		if p.cased != nil {
			cs := append(append(append([]byte{}, casedPrefix...), ' '), d.norm[ws:we]...)
			if len(cs) != len(p.cased) {
				continue
			}
			ok := true
			for k := range cs {
				if cs[k] != p.cased[k] && !(p.cased[k] == ' ' && cs[k] == '-') {
					ok = false
					break
				}
			}
			if !ok {
				continue
			}
		}
		return pi, true
	}
	return 0, false
}

// shared returns the certifications a kept certification candidate c
// shares its form with in a shortened list on line [ls,le):
//   - forward, its form less the last word with the next item's one or
//     two words: "PRINCE2 Foundation & Practitioner", "PSM I and II";
//   - backward, when its form ends in "certification(s)", "certified" or
//     "certificate(s)", the previous item's one to four words with that
//     word: "Google Ads and Google Analytics certifications".
func (d *doc) shared(c cand, ls, le int) []cand {
	term := d.m.pats[c.pat].term
	var out []cand
	form := d.low[c.s:c.e]
	sp := bytes.LastIndexByte(form, ' ')
	if sp <= 0 {
		return nil
	}
	prefix, casedPrefix := form[:sp], d.norm[int(c.s):int(c.s)+sp]
	suffix := form[sp+1:]
	// Forward.
	for at, n := int(c.e), 0; n < 4; n++ {
		i := conjunction(d.low, at, le)
		if i < 0 {
			break
		}
		// The next one or two words.
		var ends []int
		j := i
		for w := 0; w < 2; w++ {
			k := j
			for k < le && (isWordByte(d.low[k]) || d.low[k] == '+' || d.low[k] >= 0x80) {
				k++
			}
			if k == j || k < le && isWordByte(d.low[k]) {
				break
			}
			ends = append(ends, k)
			if k >= le || d.low[k] != ' ' {
				break
			}
			j = k + 1
		}
		found := false
		for w := len(ends) - 1; w >= 0; w-- {
			if pi, ok := d.certForm(prefix, casedPrefix, i, ends[w], term); ok {
				out = append(out, cand{pat: pi, s: int32(i), e: int32(ends[w])})
				at, found = ends[w], true
				break
			}
		}
		if !found {
			break
		}
	}
	// Backward.
	if !certSuffixes[string(suffix)] {
		return out
	}
	for at, n := int(c.s), 0; n < 4; n++ {
		j := conjunctionBefore(d.low, at, ls)
		if j < 0 {
			break
		}
		// Up to four words back from j.
		var starts []int
		k := j
		for w := 0; w < 4; w++ {
			b := k
			for b > ls && (isWordByte(d.low[b-1]) || d.low[b-1] == '+' || d.low[b-1] >= 0x80) {
				b--
			}
			if b == k {
				break
			}
			starts = append(starts, b)
			if b <= ls || d.low[b-1] != ' ' {
				break
			}
			k = b - 1
		}
		found := false
		for w := len(starts) - 1; w >= 0; w-- {
			st := starts[w]
			key := append(append(append([]byte{}, d.low[st:j]...), ' '), suffix...)
			for _, pi := range d.m.certForms[string(key)] {
				if p := &d.m.pats[pi]; p.term != term && p.cased == nil {
					out = append(out, cand{pat: pi, s: int32(st), e: int32(j)})
					at, found = st, true
					break
				}
			}
			if found {
				break
			}
		}
		if !found {
			break
		}
	}
	return out
}

// isListItem reports whether a line is a list item ("- ", "* ", "• ").
func isListItem(line []byte) bool {
	return isBullet(line)
}

// isBlockLine reports whether a line belongs to a list for context: a
// list item, or a line labelled by a heading word ("Must: SQL, Python",
// "Desirable: Rust, Go"). low is the line lower-cased.
func isBlockLine(line, low []byte) bool {
	if isBullet(line) {
		return true
	}
	i := bytes.IndexByte(low, ':')
	if i <= 0 || i > 30 || bytes.Count(low[:i], []byte(" ")) > 3 || len(bytes.TrimSpace(low[i+1:])) == 0 {
		return false
	}
	sec, ok := classifyHeading(bytes.TrimSpace(low[:i]))
	return ok && (sec == secRequired || sec == secPreferred)
}

func isBullet(line []byte) bool {
	l := bytes.TrimLeft(line, " ")
	if len(l) > 1 && (l[0] == '-' || l[0] == '*') && l[1] == ' ' {
		return true
	}
	for _, b := range bulletMarks {
		if bytes.HasPrefix(l, b) {
			return true
		}
	}
	return false
}

// bulletMarks start list items besides "- " and "* ".
var bulletMarks = [][]byte{[]byte("•"), []byte("・"), []byte("·"), []byte("→"), []byte("✔"), []byte("✓"),
	[]byte("▪"), []byte("◦"), []byte("●"), []byte("■"), []byte("➤"), []byte("►"), []byte("○")}

// setBlock finds the list the line [ls,le) is in, if it is a list item:
// the run of list lines it is in, read back to the first and on to the
// last.
func (d *doc) setBlock(ls, le int, cands []cand) {
	if !isBlockLine(d.norm[ls:le], d.low[ls:le]) {
		d.bs, d.be = ls, ls
		return
	}
	if ls >= d.bs && le <= d.be && d.bs < d.be {
		return
	}
	// The list does not reach back to a line read before: that line would
	// have found it, and it would hold this one.
	bs := ls
	for bs > 0 {
		ps := bytes.LastIndexByte(d.norm[:bs-1], '\n') + 1
		if !isBlockLine(d.norm[ps:bs-1], d.low[ps:bs-1]) {
			break
		}
		bs = ps
	}
	be := le
	for be < len(d.norm) {
		ne := be + 1 + bytes.IndexByte(d.norm[be+1:], '\n')
		if ne <= be {
			ne = len(d.norm)
		}
		if !isBlockLine(d.norm[be+1:ne], d.low[be+1:ne]) {
			break
		}
		be = ne
	}
	d.bs, d.be = bs, be
	i, _ := slices.BinarySearchFunc(cands, int32(bs), func(c cand, s int32) int { return int(c.s - s) })
	j := i
	for j < len(cands) && int(cands[j].s) < be {
		j++
	}
	d.blockC = cands[i:j]
	clear(d.blockCtx)
	d.blockCue = 0
}

// hasContext reports whether unit u, the list its line is in, or the
// current heading gives the term of rule r its context. A list is a
// skills list: "Requirements\n- Go\n- Python" makes Go the language.
func (d *doc) hasContext(u *unit, term int32, r *rule, cands []cand) bool {
	if len(r.ctxWords) == 0 && len(r.ctxFields) == 0 {
		return true
	}
	if d.unitContext(u, r, cands) {
		return true
	}
	if d.bs == d.be {
		return false
	}
	ok, cached := d.blockCtx[term]
	if !cached {
		ok = d.listContext(r)
		if d.blockCtx == nil {
			d.blockCtx = map[int32]bool{}
		}
		d.blockCtx[term] = ok
	}
	return ok
}

// listContext reports whether the current list gives rule r context: a
// word of its group, or an unambiguous term with one of its fields.
func (d *doc) listContext(r *rule) bool {
	for _, c := range d.blockC {
		p := &d.m.pats[c.pat]
		if p.needCtx {
			continue
		}
		for _, f := range d.m.rules[p.term].fields {
			if slices.Contains(r.ctxFields, f) {
				return true
			}
		}
	}
	return containsAny(d.low[d.bs:d.be], r.ctxWords)
}

// unitContext reports whether unit u (or the current heading) gives the
// term of rule r its context.
func (d *doc) unitContext(u *unit, r *rule, cands []cand) bool {
	if len(r.ctxFields) > 0 {
		if u.fields == nil {
			u.fields = map[string]bool{}
			for _, c := range cands[u.c0:u.c1] {
				p := &d.m.pats[c.pat]
				if !p.needCtx {
					for _, f := range d.m.rules[p.term].fields {
						u.fields[f] = true
					}
				}
			}
		}
		for _, f := range r.ctxFields {
			if u.fields[f] {
				return true
			}
		}
	}
	return containsAny(d.low[u.s:u.e], r.ctxWords) || (d.headingKey != nil && containsAny(d.headingKey, r.ctxWords))
}

// resolve keeps, among overlapping candidates, the leftmost-longest ones:
// the candidate starting first wins, the longest of those, then the term
// defined first. Leftmost matters: in "Professional Scrum Product Owner
// certification" the pspo-1 name starts first and must beat the later,
// longer cspo alias "Scrum Product Owner certification".
func (d *doc) resolve(cs []cand, keep []bool, s, e int) {
	order := make([]int, 0, len(cs))
	for i := range cs {
		if keep[i] {
			order = append(order, i)
		}
	}
	slices.SortStableFunc(order, func(a, b int) int {
		if cs[a].s != cs[b].s {
			return int(cs[a].s - cs[b].s)
		}
		la, lb := cs[a].e-cs[a].s, cs[b].e-cs[b].s
		return int(lb - la)
	})
	if cap(d.cover) < e-s {
		d.cover = make([]bool, e-s)
	}
	cover := d.cover[:e-s]
	clear(cover)
	for _, i := range order {
		c := cs[i]
		free := true
		for k := int(c.s) - s; k < int(c.e)-s; k++ {
			if cover[k] {
				free = false
				break
			}
		}
		if !free {
			keep[i] = false
			if d.nested(cs, keep, order, i) {
				keep[i] = true // "AWS" in "AWS Glue"
			}
			continue
		}
		for k := int(c.s) - s; k < int(c.e)-s; k++ {
			cover[k] = true
		}
	}
}

// nested reports whether skill candidate cs[i] is the first word(s) of a
// longer kept skill candidate of another term, starting where it starts:
// "AWS Glue" is AWS too, "SQL Server" is SQL. Not "C" in "C++" (the form
// must end at a blank of the longer one).
func (d *doc) nested(cs []cand, keep []bool, order []int, i int) bool {
	m := d.m
	a := cs[i]
	pa := &m.pats[a.pat]
	if m.rules[pa.term].kind != KindSkill || m.rules[pa.term].blocker || int(a.e) >= len(d.norm) || d.norm[a.e] != ' ' {
		return false
	}
	for _, j := range order {
		b := cs[j]
		if b.s > a.s {
			break // order is by start
		}
		pb := &m.pats[b.pat]
		if keep[j] && j != i && b.s == a.s && b.e > a.e && pb.term != pa.term && m.rules[pb.term].kind == KindSkill && !m.rules[pb.term].blocker {
			return true
		}
	}
	return false
}

// Phrase classes of the cue matcher.
const (
	phRequired int32 = iota
	phPreferred
	phNegation
	phSplit
	phNo
	phNeeds
	phWeak
	phNice
	phOffer
)

// cueMatcher finds every cue, negation and "but"-like phrase of a clause
// in one pass.
var cueMatcher = sync.OnceValue(func() *matcher {
	lists := [][][]byte{cueRequired, cuePreferred, negations, negSplits, negNo, negNeeds, cueWeak, words("nice", "helps", "would help"), cueOffer}
	terms := make([]Term, len(lists))
	for i, l := range lists {
		terms[i] = Term{ID: fmt.Sprint("phrase-", i), Name: string(l[0])}
		for _, w := range l[1:] {
			terms[i].Aliases = append(terms[i].Aliases, string(w))
		}
	}
	return newMatcher(terms, nil)
})

// phrases returns every cue phrase in low[from:to], in the order of
// their ends, as candidates of cueMatcher, whose term is the phrase's
// class. The slice is d's: valid until the next call.
func (d *doc) phrases(from, to int) []cand {
	d.phr = cueMatcher().scanRange(d.norm, d.low, from, to, d.phr[:0])
	return d.phr
}

// hit is a cue phrase of a clause, relative to the clause.
type hit struct {
	class   int32
	at, end int
}

// newClause returns clause [s,e) of the current line: one of an earlier
// line, emptied, with the arrays of its slices, or a new one.
func (d *doc) newClause(s, e int) *clause {
	if d.nClauses == len(d.clauses) {
		d.clauses = append(d.clauses, &clause{})
	}
	c := d.clauses[d.nClauses]
	d.nClauses++
	*c = clause{s: s, e: e, scopes: c.scopes[:0], cues: c.cues[:0], parens: c.parens[:0],
		parenNeg: c.parenNeg[:0], parenWe: c.parenWe[:0]}
	return c
}

// clauseAt returns the (cached) clause of unit u holding offset at.
func (d *doc) clauseAt(u *unit, at int) *clause {
	for _, c := range u.clauses {
		if c.s <= at && at < c.e {
			return c
		}
	}
	cs, ce := u.s, u.e
	for i := at; i > u.s; i-- {
		if d.norm[i-1] == ';' {
			cs = i
			break
		}
	}
	if i := bytes.IndexByte(d.norm[at:u.e], ';'); i >= 0 {
		ce = at + i
	}
	c := d.newClause(cs, ce)
	hits := d.hits[:0]
	cm := cueMatcher()
	for _, p := range d.phrases(cs, ce) {
		hits = append(hits, hit{cm.pats[p.pat].term, int(p.s) - cs, int(p.e) - cs})
	}
	d.hits = hits
	slices.SortStableFunc(hits, func(a, b hit) int { return a.at - b.at })
	// Parentheses that hold a term, or name something else ("(Diploma
	// desirable)", "(Cloud Practitioner alone is not enough)"): their
	// cues and negations speak for what is inside them only. A
	// parenthesis of cue words alone ("(required)", "(not needed for
	// this role)") speaks for the term before it.
	for i := cs; i < ce; i++ {
		k := bytes.IndexByte(d.norm[i:ce], '(')
		if k < 0 {
			break
		}
		i += k
		j := bytes.IndexByte(d.norm[i:ce], ')')
		if j < 0 {
			break
		}
		// The first candidate after the '(' (they are sorted by start).
		k, _ = slices.BinarySearchFunc(d.lineCands, int32(i+1), func(x cand, at int32) int { return int(x.s - at) })
		holds := k < len(d.lineCands) && int(d.lineCands[k].e) <= i+j
		we := bytes.HasPrefix(d.low[i+1:i+j], []byte("we ")) || bytes.HasPrefix(d.low[i+1:i+j], []byte("we're ")) ||
			bytes.HasPrefix(d.low[i+1:i+j], []byte("our "))
		if we && holds {
			c.parenWe = append(c.parenWe, len(c.parens))
		}
		if holds || d.namesOther(i+1, i+j, cs, func(at int) bool {
			for _, h := range hits {
				if h.at <= at-cs && at-cs < h.end {
					return true
				}
			}
			return false
		}) {
			c.parens = append(c.parens, [2]int{i - cs, i + j - cs})
		}
		i += j
	}
	// Negation scopes: the parts between "but"-like words.
	prev := 0
	for _, h := range append(hits, hit{phSplit, ce - cs, ce - cs}) {
		if h.class != phSplit || h.at < prev {
			continue
		}
		c.scopes = append(c.scopes, scope{s: prev, e: h.at})
		prev = h.at + 1
	}
	for i := range c.scopes {
		sc := &c.scopes[i]
		no, noParen := -1, -1
		for _, h := range hits {
			if h.at < sc.s || h.at >= sc.e {
				continue
			}
			p := c.parenAt(h.at)
			switch {
			case h.class == phNegation && p >= 0:
				c.parenNeg = append(c.parenNeg, p)
			case h.class == phNegation:
				sc.neg = true
			case h.class == phNo && no < 0:
				no, noParen = h.at, p
			case h.class == phNeeds && no >= 0 && h.at > no && p == noParen && p >= 0:
				c.parenNeg = append(c.parenNeg, p)
			case h.class == phNeeds && no >= 0 && h.at > no && p == noParen:
				sc.neg = true
			}
		}
	}
	for _, h := range hits {
		if h.class == phNice {
			// "nice" alone is a cue where it ends a part: "CFE nice.",
			// "AZ-400 (nice)", "nice: R or Python"; not "a nice office".
			k := cs + h.end
			for k < ce && d.norm[k] == ' ' {
				k++
			}
			if k < ce && !bytes.ContainsRune([]byte(").,;:!"), rune(d.norm[k])) && !bytes.HasPrefix(d.low[k:ce], []byte("but ")) {
				continue // "nice but not expected" is a cue
			}
			h.class = phPreferred
		}
		if h.class != phRequired && h.class != phPreferred && h.class != phOffer {
			continue
		}
		level := LevelRequired
		switch h.class {
		case phPreferred:
			level = LevelPreferred
			c.hasPref = true
		case phOffer:
			level = LevelMentioned
		}
		if sc := c.scopeAt(h.at); sc != nil && sc.neg {
			continue
		}
		c.cues = append(c.cues, cue{h.at, level, c.parenAt(h.at), forwardOnly(d.low[cs+h.at : ce])})
	}
	// The employer paying for a certificate the clause requires does not
	// make it optional: "expected to earn your CIPP/E (we cover the exam)".
	if slices.ContainsFunc(c.cues, func(x cue) bool { return x.level == LevelRequired }) {
		c.cues = slices.DeleteFunc(c.cues, func(x cue) bool { return x.level == LevelMentioned })
	}
	u.clauses = append(u.clauses, c)
	return c
}

// namesOther reports whether normalised [s,e) has a word that is not in
// a cue phrase (inCue) nor a small word and that is capitalised or holds
// a digit: a parenthesis naming something else.
func (d *doc) namesOther(s, e, cs int, inCue func(at int) bool) bool {
	for i := s; i < e; {
		for i < e && !isWordByte(d.low[i]) && d.low[i] < 0x80 {
			i++
		}
		j := i
		for j < e && (isWordByte(d.low[j]) || d.low[j] >= 0x80) {
			j++
		}
		if j > i && !inCue(i) && !parenSmallWords[string(d.low[i:j])] {
			w := d.norm[i:j]
			if w[0] >= 'A' && w[0] <= 'Z' || bytes.ContainsAny(w, "0123456789") && bytes.ContainsAny(bytes.ToLower(w), "abcdefghijklmnopqrstuvwxyz") {
				return true
			}
		}
		i = j
	}
	return false
}

var parenSmallWords = map[string]bool{"i": true, "a": true, "an": true, "the": true, "is": true, "are": true,
	"for": true, "this": true, "role": true, "position": true, "job": true, "very": true, "highly": true,
	"strongly": true, "but": true, "and": true, "or": true, "not": true, "also": true, "even": true,
	"more": true, "much": true, "really": true, "would": true, "be": true, "it": true, "if": true,
	"ideal": true, "ideally": true, "must": true, "we": true, "you": true, "us": true, "e": true, "g": true}

// negatedWord reports whether the word just before normalised offset at
// negates the term there: "not" ("JavaScript, not Java"), "no" ("no
// Java, no Jira") or "ex-" ("ex-Figma", a former employer). (low has hyphens as spaces; norm keeps them.)
func (d *doc) negatedWord(at int) bool {
	if at >= 3 && string(d.norm[at-3:at]) == "ex-" || at >= 3 && string(d.norm[at-3:at]) == "Ex-" {
		return true
	}
	if at >= 4 && (string(d.low[at-4:at]) == "not ") && (at == 4 || !isWordByte(d.low[at-5])) {
		return true // "JavaScript, not Java"
	}
	if at >= 3 && string(d.norm[at-3:at]) == "no " || at >= 3 && string(d.norm[at-3:at]) == "No " {
		// Only at the start of a part ("no Java, no Jira"): after a word,
		// "no" is Portuguese for "in the" ("relatórios no Excel").
		i := at - 3
		for i > 0 && d.low[i-1] == ' ' {
			i--
		}
		return i == 0 || bytes.IndexByte([]byte(",.;:!?(\n-•*"), d.low[i-1]) >= 0
	}
	return false
}

// parenAt returns the index of the parenthesis holding a term that rel
// is in, or -1.
func (c *clause) parenAt(rel int) int {
	for i, p := range c.parens {
		if p[0] < rel && rel < p[1] {
			return i
		}
	}
	return -1
}

func (c *clause) scopeAt(rel int) *scope {
	for i := range c.scopes {
		if c.scopes[i].s <= rel && rel < c.scopes[i].e {
			return &c.scopes[i]
		}
	}
	return nil
}

// prevClauseCues returns the cues of the clause before c in unit u when
// c is a short item (five words at most) and they all give one level.
func (d *doc) prevClauseCues(u *unit, c *clause) []cue {
	if c.s <= u.s || bytes.Count(bytes.TrimSpace(d.low[c.s:c.e]), []byte(" ")) > 4 {
		return nil
	}
	p := d.clauseAt(u, c.s-1)
	if len(p.cues) == 0 || len(p.parens) > 0 {
		return nil
	}
	for _, x := range p.cues[1:] {
		if x.level != p.cues[0].level {
			return nil
		}
	}
	return []cue{{at: 0, level: p.cues[0].level, paren: -1}}
}

// level decides the requirement level of a match at normalised offset at
// in unit u. ok is false when the match is negated.
func (d *doc) level(u *unit, at int) (string, bool) {
	sec := d.unitSection(u)
	c := d.clauseAt(u, at)
	rel := at - c.s
	if p := c.parenAt(rel); p >= 0 && slices.Contains(c.parenNeg, p) {
		return "", false // "(CEH does not count)"
	}
	if p := c.parenAt(rel); p >= 0 && slices.Contains(c.parenWe, p) && !slices.ContainsFunc(c.cues, func(x cue) bool { return x.paren == p }) {
		return LevelMentioned, true // "(we run Scrum in most teams)"
	}
	if d.negatedWord(at) {
		return "", false // "no Java, no Jira"; "ex-Figma"
	}
	if sc := c.scopeAt(rel); sc != nil && sc.neg {
		if c.hasPref {
			return LevelPreferred, true // "CSPO not required but nice to have"
		}
		return "", false
	}
	if sec == secOffer {
		return LevelMentioned, true
	}
	if sec == secNot {
		return "", false // under "We don't need"
	}
	cues := c.cues
	if len(c.parens) > 0 {
		// Inside a parenthesis holding a term, its own cues speak; outside,
		// the cues of such parentheses do not.
		p := c.parenAt(rel)
		own := d.own[:0]
		for _, x := range cues {
			if x.paren == p {
				own = append(own, x)
			}
		}
		if len(own) == 0 && p >= 0 {
			for _, x := range cues {
				if x.paren < 0 {
					own = append(own, x)
				}
			}
		}
		d.own, cues = own, own
	}
	if len(cues) > 0 {
		// Cues that qualify only what follows them do not speak for a
		// term before them.
		keep := d.fwd[:0]
		for _, x := range cues {
			if !(x.forward && x.at > rel) {
				keep = append(keep, x)
			}
		}
		d.fwd, cues = keep, keep
	}
	if len(cues) == 0 && sec == secNeutral {
		// A short item of a ';' list takes the cue of the item before:
		// "CSP required; OSHA 30 card."
		cues = d.prevClauseCues(u, c)
	}
	if len(cues) > 0 {
		same := true
		for _, x := range cues[1:] {
			if x.level != cues[0].level {
				same = false
			}
		}
		if same {
			return cues[0].level, true
		}
		// Mixed: the nearest cue in the comma segment; else the nearest
		// one before; else the nearest one after.
		text := d.low[c.s:c.e]
		ss, se := 0, len(text)
		if j := bytes.LastIndexByte(text[:rel], ','); j >= 0 {
			ss = j + 1
		}
		if j := bytes.IndexByte(text[rel:], ','); j >= 0 {
			se = rel + j
		}
		dist := func(i int) int {
			if cues[i].at < rel {
				return rel - cues[i].at
			}
			return cues[i].at - rel
		}
		bestIn, bestBefore, bestAfter := -1, -1, -1
		for i, x := range cues {
			if x.at >= ss && x.at < se && (bestIn < 0 || dist(i) < dist(bestIn)) {
				bestIn = i
			}
			if x.at < rel && (bestBefore < 0 || dist(i) < dist(bestBefore)) {
				bestBefore = i
			}
			if x.at > rel && (bestAfter < 0 || dist(i) < dist(bestAfter)) {
				bestAfter = i
			}
		}
		switch {
		case bestIn >= 0:
			return cues[bestIn].level, true
		case bestBefore >= 0:
			return cues[bestBefore].level, true
		default:
			return cues[bestAfter].level, true
		}
	}
	switch sec {
	case secRequired:
		return LevelRequired, true
	case secPreferred:
		return LevelPreferred, true
	case secRole:
		return LevelMentioned, true
	}
	if u.weak == 0 {
		u.weak = 1
		cm := cueMatcher()
		for _, p := range d.phrases(u.s, u.e) {
			if cm.pats[p.pat].term == phWeak {
				u.weak = 2
			}
		}
		if u.weak == 1 && (youDescribes(d.low[u.s:u.e]) || validCert(d.low[u.s:u.e])) {
			u.weak = 2
		}
	}
	if u.weak == 2 {
		return LevelRequired, true
	}
	return LevelMentioned, true
}

// otherMeaning reports whether an acronym match is spelled out, next to
// it, as something other than its term — "PMP (Project Management
// Plan)", "Customer Success Manager (CSM)" — or names an organisation:
// "submissions to the CMA", "with CISA, the NSA and the CIA".
func (d *doc) otherMeaning(c cand) bool {
	p := &d.m.pats[c.pat]
	acr := d.norm[c.s:c.e]
	if p.cased == nil || len(acr) < 2 || len(acr) > 10 {
		return false
	}
	var letters []byte
	for _, b := range acr {
		switch {
		case b >= 'A' && b <= 'Z':
			letters = append(letters, b)
		case b >= 'a' && b <= 'z':
			return false // a name, not an acronym
		}
	}
	if len(letters) < 2 {
		return false
	}
	same := func(s, e int) bool { // a candidate of the same term in [s,e)
		for _, x := range d.lineCands {
			if int(x.s) >= s && int(x.e) <= e && d.m.pats[x.pat].term == p.term {
				return true
			}
		}
		return false
	}
	n := len(d.norm)
	// "ACR (Spelled Out Words)"
	k := int(c.e)
	for k < n && d.norm[k] == ' ' {
		k++
	}
	if k < n && d.norm[k] == '(' {
		if j := bytes.IndexByte(d.norm[k:min(n, k+100)], ')'); j > 0 {
			if initials(d.norm[k+1:k+j]) == string(letters) && !same(k, k+j) {
				return true
			}
		}
	}
	// "Spelled Out Words (ACR)"
	b := int(c.s)
	for b > 0 && d.norm[b-1] == ' ' {
		b--
	}
	if b > 0 && d.norm[b-1] == '(' && k < n && d.norm[k] == ')' {
		ws := b - 1
		from := max(0, ws-100)
		words := bytes.Fields(d.norm[from:ws])
		var caps [][]byte
		for i := len(words) - 1; i >= 0 && len(caps) < len(letters); i-- {
			if w := words[i]; len(w) > 0 && !smallInitialWords[string(bytes.ToLower(w))] {
				caps = append([][]byte{w}, caps...)
			}
		}
		if initials(bytes.Join(caps, []byte(" "))) == string(letters) && !same(from, ws) {
			return true
		}
	}
	// "<to|with|from|by|including|and> the ACR", not followed by a
	// certification word: an organisation.
	if cs := int(c.s); cs >= 4 && string(d.low[cs-4:cs]) == "the " {
		w := d.prevWord(cs - 4)
		if orgPrepositions[w] && !certSuffixes[nextWord(d.low, k)] && nextWord(d.low, k) != "exam" {
			return true
		}
	}
	return false
}

// initials returns the capitals that start the words of s, small words
// left out: "Project Management Plan" gives "PMP".
func initials(s []byte) string {
	var out []byte
	for _, w := range bytes.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '-' || r == '/' || r == ',' }) {
		if smallInitialWords[string(bytes.ToLower(w))] {
			continue
		}
		if w[0] < 'A' || w[0] > 'Z' {
			return ""
		}
		out = append(out, w[0])
	}
	return string(out)
}

var smallInitialWords = map[string]bool{"of": true, "and": true, "&": true, "for": true, "the": true, "in": true,
	"on": true, "to": true, "a": true, "de": true, "du": true, "des": true, "la": true, "le": true, "y": true}

var orgPrepositions = map[string]bool{"to": true, "from": true, "by": true, "including": true}

// prevWord returns the lower-cased word that ends at or before low[:i].
func (d *doc) prevWord(i int) string {
	for i > 0 && d.low[i-1] == ' ' {
		i--
	}
	j := i
	for j > 0 && isWordByte(d.low[j-1]) {
		j--
	}
	return string(d.low[j:i])
}

// unitSection returns the section a unit is in: the current one, unless
// the unit starts with a label of its own in the middle of a line
// ("Salary: INR 12 LPA. Key skills: SQL, Excel." — the skills are
// required, not benefits).
func (d *doc) unitSection(u *unit) section {
	if u.usecState == 0 {
		u.usecState = 1
		if len(bytes.TrimSpace(d.low[d.lineStart:u.s])) == 0 {
			return d.sec // a label at the line's start was read with the line
		}
		k := bytes.TrimSpace(d.low[u.s:u.e])
		if s, ok := inlineHeading(k); ok {
			u.usec, u.usecState = s, 2
		}
	}
	if u.usecState == 2 {
		return u.usec
	}
	return d.sec
}

// youDescribes reports whether a sentence describes the candidate in
// the present tense ("You hold PSM I", "You write your own tooling in
// Python", "You're technical enough to read SQL"), as requirements do;
// "You'll build…" and "You will…" describe the job.
func youDescribes(low []byte) bool {
	l := bytes.TrimLeft(low, " -*•·>✔✓→")
	if !bytes.HasPrefix(l, []byte("you ")) && !bytes.HasPrefix(l, []byte("you're ")) && !bytes.HasPrefix(l, []byte("you've ")) {
		return false
	}
	if bytes.HasPrefix(l, []byte("you're ")) || bytes.HasPrefix(l, []byte("you've ")) {
		return true
	}
	w := nextWord(l, len("you "))
	return !youNotDescribing[w]
}

var youNotDescribing = map[string]bool{"will": true, "would": true, "may": true, "might": true, "could": true,
	"can't": true, "get": true, "join": true, "report": true, "work": true, "partner": true, "collaborate": true,
	"lead": true, "own": true, "drive": true, "manage": true, "help": true, "support": true, "shape": true,
	"define": true, "build": true, "ship": true, "run": true, "design": true, "create": true, "develop": true,
	"coordinate": true, "oversee": true, "sit": true, "be": true, "need": true, "must": true, "should": true}

// validCert reports whether a sentence asks for a certification or
// licence to be current ("Current BLS certification.", "valid CSCS
// card"): a requirement however it is worded.
func validCert(low []byte) bool {
	if !containsAny(low, validWords) {
		return false
	}
	return bytes.Contains(low, []byte("certif")) || bytes.Contains(low, []byte("licen")) ||
		bytes.Contains(low, []byte(" card"))
}

var validWords = words("current", "valid", "active", "up to date", "in date", "in good standing")

// origSpan maps normalised [s,e) to byte offsets in the text.
func (d *doc) origSpan(s, e int) (int, int) {
	start := int(d.pos[s])
	last := int(d.pos[e-1])
	if d.text[last] == d.norm[e-1] {
		return start, last + 1
	}
	_, size := utf8.DecodeRuneInString(d.text[last:])
	return start, last + size
}

const maxEvidence = 300

// evidence returns the sentence of unit u in the original text, trimmed
// and clipped around the match [ms,me) when long.
func (d *doc) evidence(u *unit, ms, me int) string {
	s, e := d.origSpan(u.s, u.e)
	ev := d.text[s:e]
	if len(ev) > maxEvidence {
		lo := max(s, ms-maxEvidence/2)
		hi := min(e, me+maxEvidence/2)
		for lo > s && !utf8.RuneStart(d.text[lo]) {
			lo--
		}
		for hi < e && !utf8.RuneStart(d.text[hi]) {
			hi++
		}
		ev = d.text[lo:hi]
	}
	ev = strings.TrimSpace(ev)
	ev = strings.TrimPrefix(ev, "- ")
	ev = strings.TrimPrefix(ev, "* ")
	ev = strings.TrimPrefix(ev, "• ")
	return strings.TrimSpace(ev)
}
