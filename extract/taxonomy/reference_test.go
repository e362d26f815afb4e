package taxonomy

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
)

// This file keeps the straightforward implementation of Match —
// normalizeRef, a byte-by-byte normalisation, scanRef, every byte
// through plainDFA, the plain Aho–Corasick automaton, and runRef, every
// line read — and checks that normalize, matcher.scan and doc.run,
// which a faster path may replace, give exactly what it gives: the same
// normalised text, the same candidates in the same order, and the same
// matches.

// normalizeRef is normalize as it was: one append per byte.
func normalizeRef(text string, norm, low []byte, pos []int32) ([]byte, []byte, []int32) {
	withPos := pos != nil
	emit := func(c byte, at int) {
		norm = append(norm, c)
		l := c
		if 'A' <= c && c <= 'Z' {
			l = c + 'a' - 'A'
		} else if c == '-' {
			l = ' '
		}
		low = append(low, l)
		if withPos {
			pos = append(pos, int32(at))
		}
	}
	space := func(at int) {
		if n := len(norm); n > 0 && norm[n-1] == ' ' {
			return
		}
		emit(' ', at)
	}
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			switch c {
			case ' ', '\t', '\r', '\f', '\v':
				space(i)
			default:
				emit(c, i)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		switch b, keep := foldRune(r); {
		case keep:
			for k := 0; k < size; k++ {
				emit(text[i+k], i+k)
			}
		case b == ' ':
			space(i)
		case b != 0:
			emit(b, i)
		}
		i += size
	}
	return norm, low, pos
}

// plainDFA is the plain Aho–Corasick automaton of a matcher's forms,
// compiled to a DFA over byte classes: the automaton newMatcher built
// before wordDFA, which gives the same candidates.
type plainDFA struct {
	class    [256]uint8
	nclass   int32
	delta    []int32 // state*nclass+class -> state
	outStart []int32 // outputs of state s: outList[outStart[s]:outStart[s+1]]
	outList  []int32
}

// plainDFAs holds the plainDFA of each matcher the tests use, by
// *matcher.
var plainDFAs sync.Map

// plain returns the plain automaton of m's forms.
func (m *matcher) plain() *plainDFA {
	if p, ok := plainDFAs.Load(m); ok {
		return p.(*plainDFA)
	}
	p, _ := plainDFAs.LoadOrStore(m, newPlainDFA(m.keys))
	return p.(*plainDFA)
}

// newPlainDFA builds the plain automaton of keys: the trie of newTrie,
// breadth first, with each node's row that of its failure node
// completed by its own children.
func newPlainDFA(keys [][]byte) *plainDFA {
	nodes, used := newTrie(keys)
	a := &plainDFA{}
	// Byte classes: 0 for bytes in no pattern.
	a.nclass = 1
	for c := 0; c < 256; c++ {
		if used[c] {
			a.class[c] = uint8(a.nclass)
			a.nclass++
		}
	}
	nc := a.nclass
	n := int32(len(nodes))
	a.delta = make([]int32, n*nc)
	fail := make([]int32, n)
	outs := make([][]int32, n)
	queue := make([]int32, 0, n)
	for c, nx := range nodes[0].next {
		a.delta[int32(a.class[c])] = nx
		queue = append(queue, nx)
	}
	outs[0] = nodes[0].out
	// Children sorted for a deterministic build.
	slices.Sort(queue)
	for qi := 0; qi < len(queue); qi++ {
		s := queue[qi]
		outs[s] = append(slices.Clone(nodes[s].out), outs[fail[s]]...)
		row := a.delta[s*nc : (s+1)*nc]
		copy(row, a.delta[fail[s]*nc:(fail[s]+1)*nc])
		children := make([]int32, 0, len(nodes[s].next))
		for c, nx := range nodes[s].next {
			fail[nx] = a.delta[fail[s]*nc+int32(a.class[c])]
			row[a.class[c]] = nx
			children = append(children, nx)
		}
		slices.Sort(children)
		queue = append(queue, children...)
	}
	a.outStart = make([]int32, n+1)
	for s := int32(0); s < n; s++ {
		a.outStart[s] = int32(len(a.outList))
		a.outList = append(a.outList, outs[s]...)
	}
	a.outStart[n] = int32(len(a.outList))
	return a
}

// scanRef is matcher.scan as it was: every byte of low through the
// plain automaton, every output through accept.
func (m *matcher) scanRef(norm, low []byte, cands []cand) []cand {
	return m.scanRangeRef(norm, low, 0, len(low), cands)
}

// scanRangeRef is scanRange as the plain automaton reads it: from its
// root at from.
func (m *matcher) scanRangeRef(norm, low []byte, from, to int, cands []cand) []cand {
	a := m.plain()
	delta, class, nc, outStart := a.delta, &a.class, a.nclass, a.outStart
	s := int32(0)
	for i := from; i < to; i++ {
		s = delta[s*nc+int32(class[low[i]])]
		if o, oe := outStart[s], outStart[s+1]; o != oe {
			for _, pi := range a.outList[o:oe] {
				if c, ok := m.accept(norm, pi, int32(i+1)); ok {
					cands = append(cands, c)
				}
			}
		}
	}
	return cands
}

// matchRef is Match on the reference implementation.
func (t *Taxonomy) matchRef(text string) []Match {
	m := t.m()
	if m == nil || len(text) == 0 {
		return nil
	}
	buf := bufPool.Get().(*buffers)
	defer bufPool.Put(buf)
	if buf.pos == nil {
		buf.pos = make([]int32, 0, len(text)) // non-nil: normalize records positions
	}
	buf.norm, buf.low, buf.pos = normalizeRef(text, buf.norm[:0], buf.low[:0], buf.pos[:0])
	norm, low, pos := buf.norm, buf.low, buf.pos
	cands := m.scanRef(norm, low, buf.cands[:0])
	buf.cands = cands
	if len(cands) == 0 {
		return nil
	}
	m.sortCands(cands)
	d := &doc{t: t, m: m, text: text, norm: norm, low: low, pos: pos}
	return d.runRef(cands)
}

// runRef is doc.run as it was: every line read in turn, its heading
// and its list (setBlockRef) whether or not it holds a candidate.
func (d *doc) runRef(cands []cand) []Match {
	d.best = map[int32]int{}
	ci := 0
	n := len(d.norm)
	for ls := 0; ls < n; {
		le := ls + bytes.IndexByte(d.norm[ls:], '\n')
		if le < ls {
			le = n
		}
		line, key := d.norm[ls:le], d.low[ls:le]
		sec, isHeading, inline := heading(line, key)
		if isHeading && inline && d.sec == secOffer && isListItem(line) {
			isHeading = false
		}
		prevSec, prevKey := d.sec, d.headingKey
		if isHeading && inline {
			d.sec, d.headingKey = sec, key
		}
		d.setBlockRef(ls, le, cands)
		cj := ci
		for cj < len(cands) && int(cands[cj].s) < le {
			cj++
		}
		if cj > ci {
			d.lineStart = ls
			d.line(ls, le, cands[ci:cj])
		}
		switch {
		case isHeading && !inline:
			d.sec, d.headingKey = sec, key
		case isHeading && inline:
			d.sec, d.headingKey = prevSec, prevKey
		}
		ci = cj
		ls = le + 1
	}
	slices.SortFunc(d.out, func(a, b Match) int { return a.Start - b.Start })
	return d.out
}

// setBlockRef is setBlock as it was, called on every line: a list
// starts at the first of its lines read.
func (d *doc) setBlockRef(ls, le int, cands []cand) {
	if !isBlockLine(d.norm[ls:le], d.low[ls:le]) {
		d.bs, d.be = ls, ls
		return
	}
	if ls >= d.bs && le <= d.be && d.bs < d.be {
		return
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
	d.bs, d.be = ls, be
	i, _ := slices.BinarySearchFunc(cands, int32(ls), func(c cand, s int32) int { return int(c.s - s) })
	j := i
	for j < len(cands) && int(cands[j].s) < be {
		j++
	}
	d.blockC = cands[i:j]
	clear(d.blockCtx)
	d.blockCue = 0
}

// normPieces are the bytes and characters normalize treats specially.
var normPieces = []string{" ", " ", "  ", "\t", "\r\n", "\n", "\f", "\v", "\u00a0", "\u2003", "\u3000", "\u202f",
	"®", "™", "\u200b", "\u00ad", "\u2028", "\u0085", "‑", "–", "—", "\u2212", "’", "“", "”", "-", "'", ".", ",",
	"é", "É", "ß", "の", "SQL", "Go", "go", "a", "Z", "_", "0", "9", "\xff", "\xe2\x80", "\xc3", "x"}

// randomNormText returns a text of n pieces of normPieces.
func randomNormText(rng *rand.Rand, n int) string {
	var b strings.Builder
	for range n {
		b.WriteString(normPieces[rng.IntN(len(normPieces))])
	}
	return b.String()
}

func checkNormalize(t *testing.T, text, prefix string) {
	t.Helper()
	for _, withPos := range []bool{false, true} {
		mk := func() ([]byte, []byte, []int32) {
			var pos []int32
			if withPos {
				pos = make([]int32, len(prefix), len(prefix)+1)
			}
			return []byte(prefix), []byte(prefix), pos
		}
		n1, l1, p1 := mk()
		n1, l1, p1 = normalize(text, n1, l1, p1)
		n2, l2, p2 := mk()
		n2, l2, p2 = normalizeRef(text, n2, l2, p2)
		if string(n1) != string(n2) || string(l1) != string(l2) || !slices.Equal(p1, p2) || (p1 == nil) != (p2 == nil) {
			t.Fatalf("normalize(%q) after %q, pos %v:\n got %q %q %v\nwant %q %q %v", text, prefix, withPos, n1, l1, p1, n2, l2, p2)
		}
	}
}

// TestNormalizeMatchesReference compares normalize with normalizeRef on
// random texts of the characters it treats specially.
func TestNormalizeMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	for _, text := range []string{"", " ", "  a  ", "a\u00a0 b", "\xff", "x ®  y"} {
		checkNormalize(t, text, "")
		checkNormalize(t, text, "a ")
	}
	for range 20000 {
		text := randomNormText(rng, rng.IntN(24))
		checkNormalize(t, text, []string{"", "a", "a "}[rng.IntN(3)])
	}
}

// randomFormText returns a text of n pieces: forms of the taxonomy,
// whole or cut, in any case, joined by separators or none, so that forms
// start and end inside words, at boundaries and next to punctuation and
// non-ASCII letters.
func randomFormText(rng *rand.Rand, forms []string, n int) string {
	seps := []string{" ", " ", " ", "", "", "-", ".", ", ", "\n", "\n- ", "/", "(", ")", "+", "#", "_", "é", "の",
		"\u00a0", "’s ", ": ", " and ", " or ", " required", " a plus", "x", "9"}
	var b strings.Builder
	for range n {
		f := forms[rng.IntN(len(forms))]
		switch rng.IntN(8) {
		case 0:
			f = f[:rng.IntN(len(f)+1)]
		case 1:
			f = f[rng.IntN(len(f)+1):]
		case 2:
			f = strings.ToLower(f)
		case 3:
			f = strings.ToUpper(f)
		}
		b.WriteString(f)
		b.WriteString(seps[rng.IntN(len(seps))])
	}
	return b.String()
}

func checkScan(t *testing.T, tx *Taxonomy, text string) {
	t.Helper()
	m := tx.m()
	norm, low, _ := normalize(text, nil, nil, nil)
	got := m.scan(norm, low, nil)
	want := m.scanRef(norm, low, nil)
	if !slices.Equal(got, want) {
		t.Fatalf("scan(%q):\n got %v\nwant %v", text, got, want)
	}
	if g, w := tx.Match(text), tx.matchRef(text); !reflect.DeepEqual(g, w) {
		t.Fatalf("Match(%q):\n got %+v\nwant %+v", text, g, w)
	}
}

// TestScanMatchesReference compares matcher.scan with scanRef, and Match
// with matchRef, on random texts made of the taxonomy's forms.
func TestScanMatchesReference(t *testing.T) {
	tx := defaultTaxonomy(t)
	forms := allForms(tx)
	for _, tt := range matchTests {
		checkScan(t, tx, tt.text)
	}
	rng := rand.New(rand.NewPCG(3, 5))
	n := 5000
	if testing.Short() {
		n = 500
	}
	for range n {
		checkScan(t, tx, randomFormText(rng, forms, 1+rng.IntN(12)))
	}
	for _, p := range generatedPostings(tx, 1<<16) {
		checkScan(t, tx, p)
	}
}

// FuzzMatchReference checks Match against matchRef on any text.
func FuzzMatchReference(f *testing.F) {
	for _, tt := range matchTests {
		f.Add(tt.text)
	}
	f.Add("Go Go Go Go; no; but, - \n\n- \xff\xfe®™ ‑–")
	f.Add("javago_sql SQLを使った c++ .net C#/F# node.js A/B ci/cd")
	tx, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkNormalize(t, text, "")
		checkScan(t, tx, text)
	})
}

// BenchmarkMatchReference is BenchmarkMatch on matchRef, the
// implementation before the fast path: compare MB/s.
func BenchmarkMatchReference(b *testing.B) {
	tx := defaultTaxonomy(b)
	ps := generatedPostings(tx, 1<<20)
	b.SetBytes(totalLen(ps))
	for b.Loop() {
		for _, p := range ps {
			tx.matchRef(p)
		}
	}
}

// TestSWAR checks the 8-bytes-at-a-time helpers against their byte by
// byte meaning, for every byte at every position among random others.
func TestSWAR(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for c := 0; c < 256; c++ {
		for k := 0; k < 8; k++ {
			for range 8 {
				var b [8]byte
				for i := range b {
					b[i] = byte(rng.IntN(256))
				}
				b[k] = byte(c)
				x := binary.LittleEndian.Uint64(b[:])
				wb := wordBytes(x)
				eq := bytesEqual(x, byte(c))
				for i, v := range b {
					bit := uint64(0x80) << (8 * i)
					if (wb&bit != 0) != isWordByte(v) {
						t.Fatalf("wordBytes(% x): byte %d (%#x) %v", b, i, v, wb&bit != 0)
					}
					if (eq&bit != 0) != (v == byte(c)) {
						t.Fatalf("bytesEqual(% x, %#x): byte %d %v", b, c, i, eq&bit != 0)
					}
				}
				if wb&^msb != 0 || eq&^msb != 0 {
					t.Fatalf("bits besides the high ones: % x", b)
				}
				// ASCII only, as normalize calls them.
				var a [8]byte
				for i := range b {
					a[i] = b[i] & 0x7f
				}
				xa := binary.LittleEndian.Uint64(a[:])
				ctl, low := controls(xa), lowerKey8(xa)
				for i, v := range a {
					bit := uint64(0x80) << (8 * i)
					if (ctl&bit != 0) != (v < 0x20 && v != '\n') {
						t.Fatalf("controls(% x): byte %d %v", a, i, ctl&bit != 0)
					}
					if got := byte(low >> (8 * i)); got != lowerByte[v] {
						t.Fatalf("lowerKey8(% x): byte %d %#x, want %#x", a, i, got, lowerByte[v])
					}
				}
			}
		}
	}
}

// TestWordAt compares wordAt with a byte by byte loop.
func TestWordAt(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 8))
	alphabet := []byte("aZ9_ -.\n\xc3\xa9xyz")
	for range 20000 {
		b := make([]byte, rng.IntN(40))
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		i := 0
		if len(b) > 0 {
			i = rng.IntN(len(b))
		}
		for i < len(b) && !isWordByte(b[i]) {
			i++
		}
		if i == len(b) {
			continue
		}
		j, x := wordAt(b, i)
		wj := i
		for wj < len(b) && isWordByte(b[wj]) {
			wj++
		}
		var wx [8]byte
		copy(wx[:], b[i:min(wj, i+8)])
		if j != wj || x != binary.LittleEndian.Uint64(wx[:]) {
			t.Fatalf("wordAt(%q, %d) = %d, %#x; want %d, %#x", b, i, j, x, wj, binary.LittleEndian.Uint64(wx[:]))
		}
	}
}

// oddTaxonomy is a taxonomy of forms that start or end with other than a
// letter, hold digits, underscores, hyphens, non-ASCII letters, are
// single letters or long words, and one that starts with a hyphen (its
// key with a space), so that spaces start a form.
func oddTaxonomy(t *testing.T) *Taxonomy {
	forms := [][]string{
		{".NET", ".net core", "c#"}, {"C++", "c"}, {"-foo", "-foo bar"}, {"node.js", "nodejs"},
		{"ágil", "métodos ágiles"}, {"資格"}, {"a/b testing", "a b"}, {"x_y", "x"},
		{"verylongfirstword second", "verylongfirstwordish"}, {"r", "r studio"}, {"team lead", "team leadership"},
		{"(beta)", "beta."}, {"9to5", "24/7"},
	}
	tx := &Taxonomy{byID: map[string]int{}}
	for i, fs := range forms {
		term := Term{ID: fmt.Sprint("odd-", i), Name: fs[0], Aliases: fs[1:], Kind: KindSkill}
		tx.byID[term.ID] = i
		tx.terms = append(tx.terms, term)
	}
	odd := newMatcher(tx.terms, nil)
	tx.m = func() *matcher { return odd }
	if odd.words.rootDead[' '] {
		t.Fatal("no form starts with a space")
	}
	return tx
}

// TestScanOddForms compares scan with scanRef on a taxonomy of unusual
// forms, and on the default taxonomy with its transitions in 32 bits.
func TestScanOddForms(t *testing.T) {
	odd := oddTaxonomy(t)
	old := maxStates16
	maxStates16 = 0
	def := defaultTaxonomy(t)
	wm := newMatcher(def.terms, def.contexts)
	wide := &Taxonomy{terms: def.terms, byID: def.byID, contexts: def.contexts, m: func() *matcher { return wm }}
	maxStates16 = old
	if wm.words.delta32 == nil {
		t.Fatal("not in 32 bits")
	}
	rng := rand.New(rand.NewPCG(9, 9))
	for _, tx := range []*Taxonomy{odd, wide} {
		forms := allForms(tx)
		for range 3000 {
			text := randomFormText(rng, forms, 1+rng.IntN(10))
			norm, low, _ := normalize(text, nil, nil, nil)
			if got, want := tx.m().scan(norm, low, nil), tx.m().scanRef(norm, low, nil); !slices.Equal(got, want) {
				t.Fatalf("scan(%q):\n got %v\nwant %v", text, got, want)
			}
		}
	}
}

// TestScanRangeMatchesReference compares scanRange with the plain
// automaton started at the range (scanRangeRef) for the matchers of
// the cue phrases (phrases) and of the headings (classifyHeading, which
// scans a whole heading) and for the default taxonomy's, on random
// texts of their forms and random ranges of them.
func TestScanRangeMatchesReference(t *testing.T) {
	tx := defaultTaxonomy(t)
	rng := rand.New(rand.NewPCG(13, 21))
	for _, m := range []*matcher{cueMatcher(), headMatcher(), tx.m()} {
		var forms []string
		for _, k := range m.keys {
			forms = append(forms, string(k))
		}
		for k := range 6000 {
			text := randomFormText(rng, forms, 1+rng.IntN(12))
			norm, low, _ := normalize(text, nil, nil, nil)
			from, to := 0, len(low)
			if k%3 != 0 {
				from = rng.IntN(len(low) + 1)
				to = from + rng.IntN(len(low)-from+1)
			}
			got := m.scanRange(norm, low, from, to, nil)
			want := m.scanRangeRef(norm, low, from, to, nil)
			if !slices.Equal(got, want) {
				t.Fatalf("scanRange(%q, %d, %d):\n got %v\nwant %v", text, from, to, got, want)
			}
		}
	}
}
