package gen

import (
	"bytes"
	"fmt"
	"log"
	"slices"
	"testing"
	"time"

	"github.com/jobgap/jobgap/extract"
	"github.com/jobgap/jobgap/extract/taxonomy"
)

func newGen(t testing.TB, seed uint64) *Generator {
	t.Helper()
	tax, err := taxonomy.Default()
	if err != nil {
		t.Fatal(err)
	}
	g, err := New(tax, Options{Seed: seed})
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func TestDeterministic(t *testing.T) {
	a, b := newGen(t, 7), newGen(t, 7)
	for _, i := range []int{0, 1, 17, 999, 123456} {
		if pa, pb := a.Posting(i), b.Posting(i); !bytes.Equal(pa.JSON, pb.JSON) {
			t.Errorf("posting %d differs between two generators with the same seed", i)
		}
	}
	if bytes.Equal(a.Posting(3).JSON, newGen(t, 8).Posting(3).JSON) {
		t.Error("seeds 7 and 8 give the same posting 3")
	}
}

// TestTruth extracts generated postings as import does and checks that
// the tags, family, salary and size are what the generator planted.
func TestTruth(t *testing.T) {
	g := newGen(t, 1)
	if s := g.Skipped(); len(s) > 0 {
		t.Logf("not generated (not in the taxonomy, or needing context): %v", s)
	}
	if n, total := len(g.Skipped()), len(g.Rates())+len(g.Skipped()); n*10 > total {
		t.Errorf("%d of %d planned terms cannot be generated: %v", n, total, g.Skipped())
	}
	tax, _ := taxonomy.Default()
	x := extract.NewExtractor(tax)
	n := 400
	if raceEnabled || testing.Short() {
		n = 100 // extraction under -race runs at a few postings a second
	}
	var buf bytes.Buffer
	if err := g.WriteJSONL(&buf, 0, n); err != nil {
		t.Fatal(err)
	}
	raws, errs := extract.Split(extract.Document{Name: "gen.jsonl", Source: "file", Body: buf.Bytes(), FetchedAt: time.Now()})
	if len(errs) > 0 || len(raws) != n {
		t.Fatalf("split: %d records, errors %v", len(raws), errs)
	}
	wrong, dups := 0, 0
	ids := map[string]bool{}
	for i, r := range raws {
		want := g.Posting(i)
		if want.DuplicateOf >= 0 {
			dups++
		}
		p, err := x.Extract(r)
		if err != nil {
			t.Fatalf("posting %d: %v", i, err)
		}
		ids[p.ID] = true
		if p.Family != want.Family {
			t.Errorf("posting %d: title %q: family %q, want %q", i, p.Title, p.Family, want.Family)
		}
		if l := len(want.draft.desc); l < 2000 || l > 9000 {
			t.Errorf("posting %d: description of %d bytes", i, l)
		}
		var got, exp []string
		for _, tag := range p.Tags {
			got = append(got, tag.ID+":"+string(tag.Level))
		}
		for _, m := range want.Truth {
			exp = append(exp, m.ID+":"+string(m.Level))
		}
		slices.Sort(got)
		slices.Sort(exp)
		if !slices.Equal(got, exp) {
			wrong++
			if wrong <= 5 {
				t.Logf("posting %d: tags %v, planted %v", i, got, exp)
				for _, tag := range p.Tags {
					t.Logf("   %s %s: %q", tag.ID, tag.Level, tag.Evidence)
				}
			}
		}
		s := p.Salary
		if s == nil || s.Currency != want.Salary.Currency && want.Salary.InSchema {
			if want.Salary.InSchema {
				t.Errorf("posting %d: salary %+v, want %+v", i, s, want.Salary)
			}
		}
	}
	t.Logf("%d of %d postings tagged otherwise than planted; %d duplicates", wrong, n, dups)
	if wrong*100 > n {
		t.Errorf("%d of %d postings tagged otherwise than planted (more than 1%%)", wrong, n)
	}
	if len(ids) != n {
		t.Errorf("%d distinct ids for %d postings: duplicates across boards must keep their own ids", len(ids), n)
	}
	if dups == 0 && n >= 400 || dups > n/10 {
		t.Errorf("%d duplicates in %d postings", dups, n)
	}
}

func BenchmarkPosting(b *testing.B) {
	g := newGen(b, 1)
	size := 0
	for i := 0; b.Loop(); i++ {
		size += len(g.Posting(i).JSON)
	}
	b.SetBytes(int64(size / b.N))
}

func Example() {
	tax, err := taxonomy.Default()
	if err != nil {
		log.Fatal(err)
	}
	g, err := New(tax, Options{Seed: 1})
	if err != nil {
		log.Fatal(err)
	}
	p := g.Posting(0)
	fmt.Println(p.Family != "", len(p.JSON) > 2000)
	// Output: true true
}
