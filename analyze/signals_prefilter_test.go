package analyze

import (
	"math/rand/v2"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/jobgap/jobgap/extract"
)

// Every built-in signal has a prefilter: without one, it is matched by
// its regexp over the whole text, which is slow on long descriptions.
func TestSignalsHavePrefilters(t *testing.T) {
	for _, set := range [][]Signal{AuthoritySignals, Functions, KPIs} {
		for _, s := range set {
			for _, b := range s.code().branches {
				if b.pre == nil {
					t.Errorf("signal %s: no prefilter derived from %s", s.ID, b.re)
				}
			}
		}
	}
}

// signalVocabulary is every word of the signal patterns, with some
// others, to build texts that come close to matching.
func signalVocabulary() []string {
	seen := map[string]bool{}
	words := []string{"the", "a", "team", "of", "and", "x", "3", "12", "product", "role", "s", "ing", "foo"}
	word := regexp.MustCompile(`[a-z0-9]+`)
	for _, set := range [][]Signal{AuthoritySignals, Functions, KPIs} {
		for _, s := range set {
			for _, w := range word.FindAllString(s.Pattern, -1) {
				if !seen[w] {
					seen[w] = true
					words = append(words, w)
				}
			}
		}
	}
	return words
}

// The prefiltered match gives the regexp's answer over the whole text.
func TestSignalPrefilterSameAsRegexp(t *testing.T) {
	words := signalVocabulary()
	r := rand.New(rand.NewPCG(1, 2))
	all := append(append(append([]Signal{}, AuthoritySignals...), Functions...), KPIs...)
	var norms []string
	for range 6000 {
		var b strings.Builder
		for range 1 + r.IntN(40) {
			w := words[r.IntN(len(words))]
			switch r.IntN(10) {
			case 0:
				w += words[r.IntN(len(words))] // glued: "teamof"
			case 1:
				w += "é" // a letter \b counts as a boundary
			}
			b.WriteString(w)
			b.WriteString([]string{" ", " ", " ", ", ", "-", "&"}[r.IntN(6)])
		}
		norms = append(norms, NormText(b.String()))
	}
	counts := make([]int, len(all))
	for _, norm := range norms {
		for i, s := range all {
			want := s.code().re.MatchString(norm)
			if want {
				counts[i]++
			}
			if got := s.In(norm); got != want {
				t.Fatalf("signal %s on %q: In = %v, regexp = %v", s.ID, norm, got, want)
			}
		}
	}
	sum := SummarizeSignals(all, norms)
	for i, s := range all {
		if sum.Signals[i].Count != counts[i] {
			t.Errorf("signal %s: SummarizeSignals counts %d, regexp %d", s.ID, sum.Signals[i].Count, counts[i])
		}
		if counts[i] == 0 {
			t.Errorf("signal %s never matched: the test texts do not exercise it", s.ID)
		}
	}
}

func TestPrefilterFallback(t *testing.T) {
	for _, p := range []string{`a.*b`, `^own`, `(?i)own`, `x*`, `[a-z ]+ roadmap`} {
		if s := signal("x", "x", p); s.code().branches[0].pre != nil {
			t.Errorf("pattern %q: prefilter %+v, want none", p, *s.code().branches[0].pre)
		}
	}
	// A signal without a prefilter still matches, through its regexp.
	s := signal("x", "x", `a.*b`)
	if !s.In(" a x b ") || s.In(" b a ") {
		t.Error("fallback to the regexp does not match as it should")
	}
	if got := SummarizeSignals([]Signal{s, KPIs[0]}, []string{" a x b retention "}); got.Score != 2 {
		t.Errorf("mixed set: score %v, want 2", got.Score)
	}
}

// OwnedPhrases skips clauses without a word mayOwn looks for: every lead
// must hold one.
func TestAlternatives(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{`a`, []string{`a`}},
		{`a|b c|d`, []string{`a`, `b c`, `d`}},
		{`(?:a|b) c|d(e|f)`, []string{`(?:a|b) c`, `d(e|f)`}},
		{`[|]x|\|y|[]|]`, []string{`[|]x`, `\|y`, `[]|]`}},
	} {
		if got := alternatives(c.in); !slices.Equal(got, c.want) {
			t.Errorf("alternatives(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestMayOwnCoversLeads(t *testing.T) {
	for _, l := range ownLead {
		for _, w := range l {
			if w != "in" && w != "of" && w != "for" && !mayOwn(w) {
				t.Errorf("lead %q: mayOwn(%q) is false", l, w)
			}
		}
		if !mayOwn(strings.Join(l, " ")) {
			t.Errorf("lead %q: mayOwn is false", l)
		}
	}
}

// TestSummarizePostingsMatchesSummarizeSignals checks that counting
// several sets at once over postings, normalising each description on
// the fly and in parallel parts, gives what SummarizeSignals gives for
// each set over the normalised texts.
func TestSummarizePostingsMatchesSummarizeSignals(t *testing.T) {
	texts := []string{
		"You will own the product roadmap and manage a team of four product managers.",
		"Work with engineering, design and data science; report NPS and retention.",
		"Final say on pricing. Accountable for P&L. Partner with Sales and Legal.",
		"Nothing to see here.",
		"",
	}
	var posts []extract.Posting
	var ns []string
	for i := range 3 * minParallel { // enough for several parts
		d := texts[i%len(texts)]
		if i%7 == 0 {
			d += " We drive the OKRs and churn down."
		}
		posts = append(posts, extract.Posting{Description: d})
		ns = append(ns, NormText(d))
	}
	sets := [][]Signal{AuthoritySignals, Functions, KPIs}
	got := summarizePostings(sets, posts)
	for k, sigs := range sets {
		if want := SummarizeSignals(sigs, ns); !reflect.DeepEqual(got[k], want) {
			t.Errorf("set %d: summarizePostings %+v, SummarizeSignals %+v", k, got[k], want)
		}
	}
}
