package corpus

import (
	"fmt"
	"hash/fnv"
	"math/rand"
	"strings"
	"testing"
	"time"
)

// simHashPlain is simHash written plainly: the reference it must equal.
func simHashPlain(ws []string) uint64 {
	var counts [64]int
	h := fnv.New64a()
	for i := 0; i+3 <= len(ws); i++ {
		h.Reset()
		h.Write([]byte(ws[i]))
		h.Write([]byte{' '})
		h.Write([]byte(ws[i+1]))
		h.Write([]byte{' '})
		h.Write([]byte(ws[i+2]))
		v := h.Sum64()
		for b := range 64 {
			if v&(1<<b) != 0 {
				counts[b]++
			} else {
				counts[b]--
			}
		}
	}
	var out uint64
	for b := range 64 {
		if counts[b] > 0 {
			out |= 1 << b
		}
	}
	return out
}

// randomWords returns n words drawn from a small vocabulary, so that
// shingles repeat as they do in postings.
func randomWords(r *rand.Rand, n int) []string {
	vocab := strings.Fields("the a product owner backlog team sql jira stakeholders we you will own roadmap data with and of to in for é ü 数据 x")
	ws := make([]string, n)
	for i := range ws {
		ws[i] = vocab[r.Intn(len(vocab))]
	}
	return ws
}

func TestSimHashMatchesPlain(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	// Lengths around the byte counters' flush (every 255 shingles) and
	// the ties an even number of shingles allows.
	for _, n := range []int{0, 1, 2, 3, 4, 5, 10, 40, 256, 257, 258, 511, 512, 513, 1000, 5000} {
		for range 20 {
			ws := randomWords(r, n)
			if got, want := simHash(ws), simHashPlain(ws); got != want {
				t.Fatalf("%d words: simHash %016x, plain %016x", n, got, want)
			}
		}
	}
	ws := words(poDescription)
	if got, want := simHash(ws), simHashPlain(ws); got != want {
		t.Fatalf("poDescription: simHash %016x, plain %016x", got, want)
	}
}

func FuzzSimHash(f *testing.F) {
	f.Add(poDescription)
	f.Add("a b c d e f")
	f.Add(strings.Repeat("one two three ", 300))
	f.Fuzz(func(t *testing.T, text string) {
		ws := words(text)
		if got, want := simHash(ws), simHashPlain(ws); got != want {
			t.Fatalf("simHash %016x, plain %016x for %q", got, want, text)
		}
	})
}

// BenchmarkSimHash hashes 700-word descriptions with simHash and, in the
// same run, with simHashPlain: plain-x is how many times faster simHash
// is.
func BenchmarkSimHash(b *testing.B) {
	r := rand.New(rand.NewSource(2))
	var docs [][]string
	for range 50 {
		docs = append(docs, randomWords(r, 700))
	}
	var tFast, tPlain time.Duration
	var sink uint64
	for b.Loop() {
		s := time.Now()
		for _, d := range docs {
			sink ^= simHash(d)
		}
		tFast += time.Since(s)
		s = time.Now()
		for _, d := range docs {
			sink ^= simHashPlain(d)
		}
		tPlain += time.Since(s)
	}
	b.ReportMetric(float64(tPlain)/float64(tFast), "plain-x")
	_ = fmt.Sprint(sink)
}
