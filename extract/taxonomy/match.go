package taxonomy

import (
	"encoding/binary"
	"math/bits"
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

// matcher finds every surface form of every term in a text, with an
// automaton of them (wordDFA), and holds the rules they are accepted by.
type matcher struct {
	pats  []pattern
	keys  [][]byte // the forms' keys (see form), by pattern: the tests' plainDFA is built from them
	rules []rule
	// certForms: the patterns of certification forms that need no
	// context, by key, to read shortened shared forms ("PRINCE2
	// Foundation & Practitioner").
	certForms map[string][]int32
	maxLen    int32 // the longest pattern, in bytes
	// words is the automaton Match scans a text with (see wordDFA).
	words wordDFA
}

// wordDFA is the automaton Match scans a text with: the Aho–Corasick
// automaton of the forms (the plain one, which the tests keep as the
// reference: plainDFA in reference_test.go), but one that starts a form
// whose first byte is an ASCII word byte only at a word's start, where
// no ASCII word byte precedes it. Such a form needs a word boundary
// before it (pattern.leftB), so accept would reject every occurrence it
// leaves out: at every end it reports the outputs of the plain
// automaton less those, in the same order, and scan finds the same
// candidates as the plain automaton.
//
// It has two roots: state rootState, after a non-word byte (and at the
// start of the text), and state inWordState, after an ASCII word byte,
// where every word byte leads back to it. At a root scan reads a whole
// word at a time (a run of ASCII word bytes) instead of stepping
// through the automaton:
//   - inside a word, it skips the rest of the word;
//   - at a word's start, it looks the word up in firstWords, the first
//     words of the forms that start with an ASCII word byte, with the
//     state the automaton is in after it. A form that starts at a word
//     of the text has that word as its first word: where the form's
//     first word ends, it goes on with a non-word byte or ends, and its
//     boundary (pattern.rightB) then needs a non-word byte after it. So
//     a word that is no form's first word starts nothing, and inside a
//     first word the automaton could only report forms that end inside
//     a word, which accept rejects (rightB);
//   - after a first word that is no form itself, and at a non-word byte
//     that starts a form, it goes on through the automaton only if the
//     next two bytes may continue a form (next, continues): otherwise
//     the automaton would be back where the root is within two bytes,
//     having reported nothing more.
//
// When the automaton, off the roots, starts a new form at a word's
// start (enters a state of depth 1 for an ASCII word byte: the states
// from firstWordState to deepState), scan goes back to rootState there
// and reads that word from the root.
type wordDFA struct {
	class  [256]uint8 // no class holds both ASCII word bytes and others
	nclass int32
	// state*nclass+class -> state, in 16 bits when the states fit
	// (half the cache), in delta32 otherwise.
	delta16 []uint16
	delta32 []uint32
	// The outputs of state s are outList[outStart[s]:outStart[s+1]].
	// The states from outFrom on have outputs, the states from
	// deepState to outFrom none.
	outStart  []int32
	outList   []int32
	deepState int32
	outFrom   int32
	// rootDead: the non-word bytes that start no form: they lead both
	// roots to rootState.
	rootDead [256]bool
	// firstWords: the first words of the forms, by wordKey (see
	// lookup); a bit set in filter for each, to skip most other words
	// without reading the table.
	firstWords []firstWordEntry
	firstTails []string // the bytes after the 8th, of the longer words
	filter     [1 << (filterBits - 6)]uint64
	// next holds, by nextKey, for the state after a first word, or
	// after a non-word byte that starts a form, that is no form itself,
	// the two bytes that may follow it in a form (a second byte of
	// nextAny when the form ends after the first): most first words in
	// a text, and most periods, are not followed by the rest of a form.
	next [1 << (filterBits - 6)]uint64
}

// nextAny stands for any byte, or none, in a key of wordDFA.next.
const nextAny = 256

// nextKey hashes state s followed by bytes c1 and c2 on filterBits bits.
func nextKey(s uint32, c1 byte, c2 int) uint64 {
	return (uint64(s)<<17 | uint64(c1)<<9 | uint64(c2)) * 0x9E3779B97F4A7C15 >> (64 - filterBits)
}

// continues reports whether the text after a first word, or after a
// non-word byte that starts a form, rest, may go on with a form from
// state s, the state after it, which has no outputs. When it may not, no
// form starts at the word or byte.
func (w *wordDFA) continues(s uint32, rest []byte) bool {
	if len(rest) == 0 {
		return false
	}
	if k := nextKey(s, rest[0], nextAny); w.next[k/64]&(1<<(k%64)) != 0 {
		return true
	}
	if len(rest) == 1 {
		return false
	}
	k := nextKey(s, rest[0], int(rest[1]))
	return w.next[k/64]&(1<<(k%64)) != 0
}

// firstWordEntry is the first word of some forms, as wordAt reads it,
// and the state after it (from rootState).
type firstWordEntry struct {
	x     uint64 // the first 8 bytes, little-endian, zero past the word
	n     int32  // its length, 0 for an empty entry
	state int32
}

// maxStates16 is the most states wordDFA keeps in 16 bits (a variable
// for the tests).
var maxStates16 int32 = 1 << 16

const (
	rootState      = 0
	inWordState    = 1
	firstWordState = 2
	filterBits     = 16
)

// wordKey hashes a word of n bytes starting with the 8 bytes x
// (little-endian, zero past the word).
func wordKey(x uint64, n int) uint64 {
	return (x + uint64(n)) * 0x9E3779B97F4A7C15
}

// lookup returns the state after a word of the text read from
// rootState — word, starting with the 8 bytes x as wordAt returns them,
// h its wordKey — or inWordState if it is not the first word of a form.
// scan checks the filter before.
func (w *wordDFA) lookup(h, x uint64, word []byte) int32 {
	mask := uint64(len(w.firstWords) - 1)
	for k := h >> 32 & mask; ; k = (k + 1) & mask {
		e := &w.firstWords[k]
		if e.n == 0 {
			return inWordState
		}
		if e.x == x && int(e.n) == len(word) && (len(word) <= 8 || w.firstTails[k] == string(word[8:])) {
			return e.state
		}
	}
}

// wordBytes returns the high bit of each byte of x that is an ASCII word
// byte (isWordByte), the others zero.
func wordBytes(x uint64) uint64 {
	// Per byte, on 7 bits so that no sum carries into the next byte:
	// v + (0x80-lo) has the high bit set when v >= lo.
	x7 := x &^ msb
	l := x7 | 0x20*lsb // letters in lower case
	letter := (l + (0x80-'a')*lsb) &^ (l + (0x80-'z'-1)*lsb)
	digit := (x7 + (0x80-'0')*lsb) &^ (x7 + (0x80-'9'-1)*lsb)
	under := ^((x7 ^ '_'*lsb) + 0x7f*lsb)
	return (letter | digit | under) &^ x & msb
}

// wordAt returns the end of the run of ASCII word bytes starting at
// b[i], and the run's first 8 bytes (little-endian, zero past the run).
func wordAt(b []byte, i int) (int, uint64) {
	if i+8 <= len(b) {
		x := binary.LittleEndian.Uint64(b[i:])
		if nw := ^wordBytes(x) & msb; nw != 0 {
			n := bits.TrailingZeros64(nw) / 8
			return i + n, x & (1<<(8*n) - 1)
		}
		return wordEnd(b, i+8), x
	}
	var x uint64
	j := i
	for j < len(b) && asciiWord[b[j]] {
		x |= uint64(b[j]) << (8 * (j - i))
		j++
	}
	return j, x
}

// wordEnd returns the end of the run of ASCII word bytes that b[j-1] is
// in, from j.
func wordEnd(b []byte, j int) int {
	for ; j+8 <= len(b); j += 8 {
		if nw := ^wordBytes(binary.LittleEndian.Uint64(b[j:])) & msb; nw != 0 {
			return j + bits.TrailingZeros64(nw)/8
		}
	}
	for j < len(b) && asciiWord[b[j]] {
		j++
	}
	return j
}

// asciiWord[c] is isWordByte(c).
var asciiWord = func() (t [256]bool) {
	for c := range t {
		t[c] = isWordByte(byte(c))
	}
	return t
}()

// trieNode is a node of the trie newMatcher builds its automata from.
type trieNode struct {
	next map[byte]int32
	out  []int32
}

// newWordDFA builds the word automaton of a trie of pats, whose keys
// are keys (see wordDFA).
func newWordDFA(nodes []trieNode, used *[256]bool, keys [][]byte) wordDFA {
	w := wordDFA{}
	// Byte classes: 0 for the non-word bytes in no pattern, one shared
	// class for the word bytes in no pattern.
	w.nclass = 1
	unusedWord := uint8(0)
	for c := 0; c < 256; c++ {
		switch {
		case used[c]:
			w.class[c] = uint8(w.nclass)
			w.nclass++
		case asciiWord[c]:
			if unusedWord == 0 {
				unusedWord = uint8(w.nclass)
				w.nclass++
			}
			w.class[c] = unusedWord
		}
	}
	if w.nclass > 255 {
		panic("taxonomy: too many byte classes") // cannot happen: at most 256 bytes, class 0 shared
	}
	// A representative byte of each class, to know whether it is a word byte.
	var rep [256]byte
	for c := 255; c >= 0; c-- {
		rep[w.class[c]] = byte(c)
	}
	// The automaton, on the trie's nodes numbered breadth first after the
	// two roots.
	children := func(nd int32) []int32 {
		cs := make([]int32, 0, len(nodes[nd].next))
		for _, nx := range nodes[nd].next {
			cs = append(cs, nx)
		}
		slices.Sort(cs)
		return cs
	}
	id := make([]int32, len(nodes)) // trie node -> state
	bfs := []int32{0}               // trie nodes, breadth first
	for qi := 0; qi < len(bfs); qi++ {
		for _, nx := range children(bfs[qi]) {
			id[nx] = int32(len(bfs) + 1)
			bfs = append(bfs, nx)
		}
	}
	nc := w.nclass
	states := int32(len(bfs) + 1)
	delta := make([]int32, states*nc)
	fail := make([]int32, states)
	outs := make([][]int32, states)
	// The roots: a child of the trie's root starts there unless its first
	// byte is a word byte and the text is inside a word.
	rootRow, wordRow := delta[rootState*nc:(rootState+1)*nc], delta[inWordState*nc:(inWordState+1)*nc]
	for k := int32(0); k < nc; k++ {
		if asciiWord[rep[k]] {
			rootRow[k], wordRow[k] = inWordState, inWordState
		}
	}
	startsWord := make([]bool, states) // depth 1, an ASCII word byte
	for c, nx := range nodes[0].next {
		k, t := w.class[c], id[nx]
		rootRow[k] = t
		if asciiWord[c] {
			fail[t] = inWordState
			startsWord[t] = true
		} else {
			wordRow[k] = t
			fail[t] = rootState
		}
	}
	// Breadth first: a state's failure state is shallower, its row done.
	// The failure state is the longest proper suffix that is a node and
	// may start where it does, or the root the last byte leaves.
	for _, n := range bfs[1:] {
		s := id[n]
		nd := &nodes[n]
		outs[s] = append(slices.Clone(nd.out), outs[fail[s]]...)
		row := delta[s*nc : (s+1)*nc]
		copy(row, delta[fail[s]*nc:(fail[s]+1)*nc])
		for c, nx := range nd.next {
			t := id[nx]
			fail[t] = delta[fail[s]*nc+int32(w.class[c])]
			row[w.class[c]] = t
		}
	}
	for c := range w.rootDead {
		k := w.class[c]
		w.rootDead[c] = rootRow[k] == rootState && wordRow[k] == rootState
	}

	// Renumber the states: the roots, the states that start a word, the
	// others without outputs, then those with outputs, so that scan
	// tells them apart by their numbers.
	perm := make([]int32, states) // old number -> new
	perm[rootState], perm[inWordState] = rootState, inWordState
	n := int32(firstWordState)
	for group := range 3 {
		switch group {
		case 1:
			w.deepState = n
		case 2:
			w.outFrom = n
		}
		for s := int32(firstWordState); s < states; s++ {
			g := 2
			switch {
			case startsWord[s]:
				g = 0
			case len(outs[s]) == 0:
				g = 1
			}
			if g == group {
				perm[s] = n
				n++
			}
		}
	}
	w.outStart = make([]int32, states+1)
	for s := range states {
		w.outStart[perm[s]+1] = int32(len(outs[s]))
	}
	for k := 1; k < len(w.outStart); k++ {
		w.outStart[k] += w.outStart[k-1]
	}
	w.outList = make([]int32, w.outStart[states])
	for s := range states {
		copy(w.outList[w.outStart[perm[s]]:], outs[s])
	}
	moved := make([]int32, len(delta))
	for s := range states {
		to := moved[perm[s]*nc : (perm[s]+1)*nc]
		for k, t := range delta[s*nc : (s+1)*nc] {
			to[k] = perm[t]
		}
	}
	if states <= maxStates16 {
		w.delta16 = make([]uint16, len(moved))
		for i, t := range moved {
			w.delta16[i] = uint16(t)
		}
	} else {
		w.delta32 = make([]uint32, len(moved))
		for i, t := range moved {
			w.delta32[i] = uint32(t)
		}
	}

	// The first words, and the trie node after each.
	first := map[string]int32{}
	for _, k := range keys {
		j := 0
		for j < len(k) && asciiWord[k[j]] {
			j++
		}
		if j == 0 {
			continue
		}
		nd := int32(0)
		for _, c := range k[:j] {
			nd = nodes[nd].next[c]
		}
		first[string(k[:j])] = nd
	}
	// What may follow a first word, or a non-word byte that starts a
	// form, when it is no form itself.
	markNext := func(nd int32) {
		if len(nodes[nd].out) > 0 {
			return // a form: continues is not asked
		}
		mark := func(c1 byte, c2 int) {
			h := nextKey(uint32(perm[id[nd]]), c1, c2)
			w.next[h/64] |= 1 << (h % 64)
		}
		for c1, nd1 := range nodes[nd].next {
			if len(nodes[nd1].out) > 0 {
				mark(c1, nextAny)
			}
			for c2 := range nodes[nd1].next {
				mark(c1, int(c2))
			}
		}
	}
	for _, nd := range first {
		markNext(nd)
	}
	for c, nd := range nodes[0].next {
		if !asciiWord[c] {
			markNext(nd)
		}
	}
	size := 1
	for size < 2*len(first) {
		size *= 2
	}
	w.firstWords = make([]firstWordEntry, size)
	w.firstTails = make([]string, size)
	for word, nd := range first {
		state := perm[id[nd]]
		jw, x := wordAt([]byte(word), 0)
		if jw != len(word) {
			panic("taxonomy: a first word is not a word") // cannot happen
		}
		h := wordKey(x, len(word))
		f := h >> (64 - filterBits)
		w.filter[f/64] |= 1 << (f % 64)
		k := h >> 32 & uint64(size-1)
		for w.firstWords[k].n != 0 {
			k = (k + 1) & uint64(size-1)
		}
		w.firstWords[k] = firstWordEntry{x: x, n: int32(len(word)), state: state}
		if len(word) > 8 {
			w.firstTails[k] = word[8:]
		}
	}
	return w
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

	forms := termForms(terms)
	forms = append(forms, issuerForms(terms, forms, int(blocker))...)
	m.keys = make([][]byte, len(forms))
	for pi, f := range forms {
		key := []byte(f.key)
		m.keys[pi] = key
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
		m.pats = append(m.pats, p)
		m.maxLen = max(m.maxLen, p.n)
		if f.term < len(terms) && terms[f.term].Kind == KindCertification && !f.needCtx && f.loose == looseNone {
			m.certForms[f.key] = append(m.certForms[f.key], int32(pi))
		}
	}
	nodes, used := newTrie(m.keys)
	m.words = newWordDFA(nodes, &used, m.keys)
	return m
}

// newTrie returns the trie of keys, node 0 its root, whose node where
// key i ends has output i, and the bytes the keys hold.
func newTrie(keys [][]byte) ([]trieNode, [256]bool) {
	nodes := []trieNode{{}}
	var used [256]bool
	for pi, key := range keys {
		s := int32(0)
		for _, c := range key {
			used[c] = true
			nx, ok := nodes[s].next[c]
			if !ok {
				nx = int32(len(nodes))
				nodes = append(nodes, trieNode{})
				if nodes[s].next == nil {
					nodes[s].next = map[byte]int32{}
				}
				nodes[s].next[c] = nx
			}
			s = nx
		}
		nodes[s].out = append(nodes[s].out, int32(pi))
	}
	return nodes, used
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
	doc       doc // its scratch (see doc.reuse)
}

var bufPool = sync.Pool{New: func() any { return new(buffers) }}

// Match tags text with every term it mentions: one Match per term id,
// the strongest occurrence (required over preferred over mentioned; the
// first among equals), sorted by Start. See the package documentation
// for the rules.
func (t *Taxonomy) Match(text string) []Match {
	m := t.m()
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
	m.sortCands(cands)
	d := &buf.doc
	d.reuse(t, m, text, norm, low, buf.pos)
	out := d.run(cands)
	d.text, d.out = "", nil // the pool keeps neither the text nor the result
	return out
}

// scan appends to cands every form in low (the key of norm) that accept
// takes, in the order of their ends, and for one end in the order of
// the outputs of the plain automaton: the one pass over the text.
func (m *matcher) scan(norm, low []byte, cands []cand) []cand {
	return m.scanRange(norm, low, 0, len(low), cands)
}

// scanRange is scan of the forms that lie in low[from:to], accepted
// against the whole of norm: what the plain automaton finds when it
// starts from its root at from.
func (m *matcher) scanRange(norm, low []byte, from, to int, cands []cand) []cand {
	// After an ASCII word byte, a form that starts with one is no form
	// (accept would reject it: pattern.leftB).
	s := uint32(rootState)
	if from > 0 && asciiWord[low[from-1]] {
		s = inWordState
	}
	if m.words.delta16 != nil {
		return scanWords(m, m.words.delta16, norm, low[:to], from, s, cands)
	}
	return scanWords(m, m.words.delta32, norm, low[:to], from, s, cands)
}

// scanWords scans low from i, in state s (rootState or inWordState).
func scanWords[S uint16 | uint32](m *matcher, delta []S, norm, low []byte, i int, s uint32, cands []cand) []cand {
	w := &m.words
	class, nc := &w.class, uint32(w.nclass)
	firstDepth1, nDepth1, outFrom := uint32(firstWordState), uint32(w.deepState-firstWordState), uint32(w.outFrom)
	for i < len(low) {
		if s <= inWordState {
			// At a root: a word at a time.
			c := low[i]
			if asciiWord[c] {
				// wordAt and the first-word filter, inlined for the common
				// case.
				var j int
				var x uint64
				if i+8 <= len(low) {
					x = binary.LittleEndian.Uint64(low[i:])
					if nw := ^wordBytes(x) & msb; nw != 0 {
						n := bits.TrailingZeros64(nw) / 8
						j, x = i+n, x&(1<<(8*n)-1)
					} else {
						j = wordEnd(low, i+8)
					}
				} else {
					j, x = wordAt(low, i)
				}
				if s == rootState {
					s = inWordState
					h := wordKey(x, j-i)
					if f := h >> (64 - filterBits); w.filter[f/64]&(1<<(f%64)) != 0 {
						if s = uint32(w.lookup(h, x, low[i:j])); s != inWordState {
							if o, oe := w.outStart[s], w.outStart[s+1]; o != oe {
								cands = m.acceptAll(norm, w.outList[o:oe], int32(j), cands)
							} else if !w.continues(s, low[j:]) {
								s = inWordState
							}
						}
					}
				}
				i = j
				if s == inWordState && i+1 < len(low) && low[i] == ' ' && w.rootDead[' '] && asciiWord[low[i+1]] {
					i, s = i+1, rootState // a space, then the next word
				}
				continue
			}
			if w.rootDead[c] {
				i, s = i+1, rootState
				continue
			}
			// A non-word byte that starts a form ('.' of ".NET"): on
			// unless what follows may continue one.
			if t := uint32(delta[class[c]]); t < outFrom && !w.continues(t, low[i+1:]) {
				i, s = i+1, rootState
				continue
			}
			s = rootState
		}
		t := uint32(delta[s*nc+uint32(class[low[i]])])
		if t-firstDepth1 < nDepth1 {
			// A new form starts at this word: read it from the root.
			s = rootState
			continue
		}
		s = t
		i++
		if s >= outFrom {
			cands = m.acceptAll(norm, w.outList[w.outStart[s]:w.outStart[s+1]], int32(i), cands)
		}
	}
	return cands
}

// acceptAll appends to cands the forms of pats ending at e that accept
// takes.
func (m *matcher) acceptAll(norm []byte, pats []int32, e int32, cands []cand) []cand {
	for _, pi := range pats {
		if c, ok := m.accept(norm, pi, e); ok {
			cands = append(cands, c)
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

// sortCands puts candidates in the order doc.run reads them: by start,
// longest first, then by term.
func (m *matcher) sortCands(cands []cand) {
	slices.SortFunc(cands, func(a, b cand) int {
		if a.s != b.s {
			return int(a.s - b.s)
		}
		if a.e != b.e {
			return int(b.e - a.e)
		}
		return int(m.pats[a.pat].term - m.pats[b.pat].term)
	})
}
