package taxonomy

import (
	"slices"
	"strings"
	"sync"
)

// Match is one term found in a text. Match returns at most one per term.
type Match struct {
	ID       string
	Kind     Kind
	Start    int    // byte offsets in the text given to Match
	End      int    //
	Level    string // LevelRequired, LevelPreferred or LevelMentioned
	Evidence string // the sentence or list item the match sits in
}

// pattern is one surface form compiled into the automaton.
type pattern struct {
	term    int32
	n       int32  // length in normalised bytes
	cased   []byte // normalised with case, for case-sensitive forms; nil otherwise
	needCtx bool
	excl    bool   // the term's Exclude phrases apply
	leftB   bool   // a word boundary is needed before
	rightB  bool   // and after
	loose   uint8  // looseCert or looseTool: a case-insensitive variant
	strict  []byte // the case-sensitive form it relaxes
}

// rule is what the matcher needs of a term besides its patterns.
type rule struct {
	ctxWords  [][]byte
	ctxFields []string
	exclude   [][]byte
	notBefore map[string]bool
	notAfter  map[string]bool
	noHyphen  bool
	fields    []string
	id        string
	kind      Kind
	tool      bool // a skill of category tool
	// blocker: the name of an issuer of certifications ("Scrum
	// Alliance", "Kanban University"); it is never reported, and a skill
	// form inside it is not the skill.
	blocker bool
}

// matcher is an Aho–Corasick automaton, compiled to a DFA over byte
// classes, of every surface form of every term.
type matcher struct {
	class    [256]uint8
	nclass   int32
	delta    []int32 // state*nclass+class -> state
	outStart []int32 // outputs of state s: outList[outStart[s]:outStart[s+1]]
	outList  []int32
	pats     []pattern
	rules    []rule
	// certForms: the patterns of certification forms that need no
	// context, by key, to read shortened shared forms ("PRINCE2
	// Foundation & Practitioner").
	certForms map[string][]int32
	maxLen    int32 // the longest pattern, in bytes
}

func newMatcher(terms []Term, contexts map[string]*ContextGroup) *matcher {
	m := &matcher{}
	m.rules = make([]rule, len(terms))
	for i, t := range terms {
		r := rule{id: t.ID, kind: t.Kind, fields: t.Fields, noHyphen: t.NoHyphen, tool: t.Kind == KindSkill && t.Category == CategoryTool}
		if g := contexts[t.Context]; t.Context != "" && g != nil {
			for _, w := range g.Words {
				r.ctxWords = append(r.ctxWords, lowerKey(normalizeForm(w)))
			}
			r.ctxFields = g.Fields
		}
		for _, w := range t.Exclude {
			r.exclude = append(r.exclude, lowerKey(normalizeForm(w)))
		}
		if len(t.NotBefore) > 0 {
			r.notBefore = map[string]bool{}
			for _, w := range t.NotBefore {
				r.notBefore[string(lowerKey(normalizeForm(w)))] = true
			}
		}
		if len(t.NotAfter) > 0 {
			r.notAfter = map[string]bool{}
			for _, w := range t.NotAfter {
				r.notAfter[string(lowerKey(normalizeForm(w)))] = true
			}
		}
		m.rules[i] = r
	}
	blocker := int32(len(terms))
	m.rules = append(m.rules, rule{blocker: true})
	m.certForms = map[string][]int32{}

	// Trie.
	type node struct {
		next map[byte]int32
		out  []int32
	}
	nodes := []node{{}}
	used := [256]bool{}
	forms := termForms(terms)
	forms = append(forms, issuerForms(terms, forms, int(blocker))...)
	for _, f := range forms {
		key := []byte(f.key)
		p := pattern{term: int32(f.term), n: int32(len(key)), needCtx: f.needCtx, loose: f.loose}
		if f.term < len(terms) {
			p.excl = len(terms[f.term].Exclude) > 0 && (f.needCtx || len(terms[f.term].NeedsContext) == 0)
		}
		if f.cased != "" {
			p.cased = []byte(f.cased)
		}
		if f.loose != looseNone {
			p.strict = []byte(f.strict)
		}
		p.leftB = edgeIsWord(key, false)
		p.rightB = edgeIsWord(key, true)
		pi := int32(len(m.pats))
		m.pats = append(m.pats, p)
		m.maxLen = max(m.maxLen, p.n)
		if f.term < len(terms) && terms[f.term].Kind == KindCertification && !f.needCtx && f.loose == looseNone {
			m.certForms[f.key] = append(m.certForms[f.key], pi)
		}
		s := int32(0)
		for _, c := range key {
			used[c] = true
			nx, ok := nodes[s].next[c]
			if !ok {
				nx = int32(len(nodes))
				nodes = append(nodes, node{})
				if nodes[s].next == nil {
					nodes[s].next = map[byte]int32{}
				}
				nodes[s].next[c] = nx
			}
			s = nx
		}
		nodes[s].out = append(nodes[s].out, pi)
	}

	// Byte classes: 0 for bytes in no pattern.
	m.nclass = 1
	for c := 0; c < 256; c++ {
		if used[c] {
			m.class[c] = uint8(m.nclass)
			m.nclass++
		}
	}
	if m.nclass > 255 {
		panic("taxonomy: too many byte classes") // cannot happen: at most 256 bytes, class 0 shared
	}
	nc := m.nclass
	n := int32(len(nodes))
	m.delta = make([]int32, n*nc)
	fail := make([]int32, n)
	outs := make([][]int32, n)
	// BFS.
	queue := make([]int32, 0, n)
	for c, nx := range nodes[0].next {
		m.delta[int32(m.class[c])] = nx
		fail[nx] = 0
		queue = append(queue, nx)
	}
	outs[0] = nodes[0].out
	// Children sorted for a deterministic build.
	slices.Sort(queue)
	for qi := 0; qi < len(queue); qi++ {
		s := queue[qi]
		outs[s] = append(slices.Clone(nodes[s].out), outs[fail[s]]...)
		row := m.delta[s*nc : (s+1)*nc]
		copy(row, m.delta[fail[s]*nc:(fail[s]+1)*nc])
		children := make([]int32, 0, len(nodes[s].next))
		for c, nx := range nodes[s].next {
			fail[nx] = m.delta[fail[s]*nc+int32(m.class[c])]
			row[m.class[c]] = nx
			children = append(children, nx)
		}
		slices.Sort(children)
		queue = append(queue, children...)
	}
	m.outStart = make([]int32, n+1)
	for s := int32(0); s < n; s++ {
		m.outStart[s] = int32(len(m.outList))
		m.outList = append(m.outList, outs[s]...)
	}
	m.outStart[n] = int32(len(m.outList))
	return m
}

// cand is a surface form found in the normalised text.
type cand struct {
	pat  int32
	s, e int32 // normalised offsets
}

type buffers struct {
	norm, low []byte
	pos       []int32
	cands     []cand
}

var bufPool = sync.Pool{New: func() any { return new(buffers) }}

// Match tags text with every term it mentions: one Match per term id,
// the strongest occurrence (required over preferred over mentioned; the
// first among equals), sorted by Start. See the package documentation
// for the rules.
func (t *Taxonomy) Match(text string) []Match {
	m := t.m
	if m == nil || len(text) == 0 {
		return nil
	}
	buf := bufPool.Get().(*buffers)
	defer bufPool.Put(buf)
	if buf.pos == nil {
		buf.pos = make([]int32, 0, len(text)) // non-nil: normalize records positions
	}
	buf.norm, buf.low, buf.pos = normalize(text, buf.norm[:0], buf.low[:0], buf.pos[:0])
	norm, low := buf.norm, buf.low

	cands := m.scan(norm, low, buf.cands[:0])
	buf.cands = cands
	if len(cands) == 0 {
		return nil
	}
	slices.SortFunc(cands, func(a, b cand) int {
		if a.s != b.s {
			return int(a.s - b.s)
		}
		if a.e != b.e {
			return int(b.e - a.e)
		}
		return int(m.pats[a.pat].term - m.pats[b.pat].term)
	})
	d := &doc{t: t, m: m, text: text, norm: norm, low: low, pos: buf.pos}
	return d.run(cands)
}

// scan appends to cands every form in low (the key of norm) that accept
// takes, in the order of their ends, and for one end in the order of
// the outputs of matcher.delta: the one pass over the text.
func (m *matcher) scan(norm, low []byte, cands []cand) []cand {
	delta, class, nc, outStart := m.delta, &m.class, m.nclass, m.outStart
	s := int32(0)
	for i, c := range low {
		s = delta[s*nc+int32(class[c])]
		if o, oe := outStart[s], outStart[s+1]; o != oe {
			for _, pi := range m.outList[o:oe] {
				if c, ok := m.accept(norm, pi, int32(i+1)); ok {
					cands = append(cands, c)
				}
			}
		}
	}
	return cands
}

// accept applies the local rules (boundaries, case, hyphens, next and
// previous word) to a form ending at e.
func (m *matcher) accept(norm []byte, pi, e int32) (cand, bool) {
	p := &m.pats[pi]
	s := e - p.n
	if p.leftB && wordBefore(norm, int(s)) {
		return cand{}, false
	}
	if p.rightB && wordAfter(norm, int(e)) {
		return cand{}, false
	}
	if p.cased != nil {
		for k, pc := range p.cased {
			c := norm[int(s)+k]
			if c != pc && !(pc == ' ' && c == '-') {
				return cand{}, false
			}
		}
	}
	if p.loose != looseNone {
		same := true
		for k, pc := range p.strict {
			c := norm[int(s)+k]
			if c != pc && !(pc == ' ' && c == '-') {
				same = false
				break
			}
		}
		if same {
			return cand{}, false // the strict form has it
		}
		// All in lower case ("pmp", "excel"), or, for a certification,
		// capitalised ("Cspo"); a hyphen of the form stays a hyphen ("a
		// CSPO" is not "A-CSPO").
		for k, pc := range p.strict {
			c := norm[int(s)+k]
			switch {
			case pc == '-' && c != '-':
				return cand{}, false
			case 'A' <= c && c <= 'Z' && !(k == 0 && p.loose == looseCert):
				return cand{}, false
			}
		}
		if p.loose == looseTool && !(listEdge(norm, int(s), false) && listEdge(norm, int(e), true)) {
			return cand{}, false
		}
	}
	r := &m.rules[p.term]
	if r.noHyphen && (s > 0 && norm[s-1] == '-' || int(e) < len(norm) && norm[e] == '-') {
		return cand{}, false
	}
	if r.notBefore != nil && r.notBefore[nextWord(norm, int(e))] {
		return cand{}, false
	}
	if r.notAfter != nil && r.notAfter[prevWord(norm, int(s))] {
		return cand{}, false
	}
	return cand{pat: pi, s: s, e: e}, true
}

// nextWord returns the lower-cased word after position i (skipping one space).
func nextWord(b []byte, i int) string {
	if i < len(b) && b[i] == ' ' {
		i++
	}
	j := i
	for j < len(b) && j-i < 32 && (isWordByte(b[j]) || b[j] == '\'') {
		j++
	}
	return string(lowerKey(b[i:j]))
}

// prevWord returns the lower-cased word before position i (skipping one space).
func prevWord(b []byte, i int) string {
	if i > 0 && b[i-1] == ' ' {
		i--
	}
	j := i
	for j > 0 && i-j < 32 && (isWordByte(b[j-1]) || b[j-1] == '\'') {
		j--
	}
	return string(lowerKey(b[j:i]))
}

// listEdge reports whether position i of b (the start of a form, or its
// end when after) is an edge of an enumeration item: the line's start or
// end, a list marker, a separator (, / & + ; : ( ) . |) or "and"/"or".
func listEdge(b []byte, i int, after bool) bool {
	if after {
		for i < len(b) && b[i] == ' ' {
			i++
		}
		if i >= len(b) || b[i] == '\n' {
			return true
		}
		switch b[i] {
		case ',', '/', '&', '+', ';', ')', '.', '|', ':', '(':
			return true
		}
		w := nextWord(b, i)
		return w == "and" || w == "or" || w == "und" || w == "et" || w == "y" || w == "o" || w == "oder" || w == "ou"
	}
	for i > 0 && b[i-1] == ' ' {
		i--
	}
	if i == 0 || b[i-1] == '\n' {
		return true
	}
	switch b[i-1] {
	case ',', '/', '&', '+', ';', '(', ':', '|':
		return true
	case '-', '*':
		return i == 1 || b[i-2] == '\n' || b[i-2] == ' '
	}
	w := prevWord(b, i)
	return w == "and" || w == "or" || w == "und" || w == "et" || w == "y" || w == "o" || w == "oder" || w == "ou"
}

// issuerForms returns the names of the issuers of certifications that
// hold a skill form ("Scrum Alliance", "Scrum.org", "Kanban University",
// "Project Management Institute") as forms of the blocker rule: the
// longer issuer name wins the overlap, so "Scrum" in "Scrum Alliance" is
// not the skill. Names that are themselves a form ("Amazon Web
// Services", "Salesforce") are left out.
func issuerForms(terms []Term, forms []form, blocker int) []form {
	all := map[string]bool{}
	for _, f := range forms {
		all[f.key] = true
	}
	var skillKeys [][]byte
	for _, f := range forms {
		if terms[f.term].Kind == KindSkill && f.loose == looseNone {
			skillKeys = append(skillKeys, []byte(f.key))
		}
	}
	seen := map[string]bool{}
	var out []form
	for _, t := range terms {
		if t.Kind != KindCertification || t.Issuer == "" {
			continue
		}
		for _, name := range strings.FieldsFunc(t.Issuer, func(r rune) bool { return strings.ContainsRune("()/&,;", r) }) {
			n := normalizeForm(name)
			key := string(lowerKey(n))
			if len(key) < 4 || all[key] || seen[key] {
				continue
			}
			for _, sk := range skillKeys {
				if hasWord([]byte(key), sk) {
					seen[key] = true
					out = append(out, form{term: blocker, text: name, key: key})
					break
				}
			}
		}
	}
	return out
}
