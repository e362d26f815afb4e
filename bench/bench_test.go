package bench

import (
	"context"
	"fmt"
	"maps"
	"math"
	"os"
	"slices"
	"testing"
	"time"

	"github.com/jobgap/jobgap/bench/gen"
	"github.com/jobgap/jobgap/corpus"
	"github.com/jobgap/jobgap/extract"
	"github.com/jobgap/jobgap/extract/taxonomy"
)

// ciPostings is the size of the CI run of the benchmark pipeline: 1,000
// postings, or 100 under the race detector or -short (the same steps;
// extraction under -race runs at a few postings a second).
func ciPostings() int {
	if raceEnabled || testing.Short() {
		return 100
	}
	return 1000
}

// TestPipeline runs bench/run's steps on 1,000 generated postings and
// checks the answers: every file imports, stats through the index equal
// a full rescan of the store exactly, for every family and for all
// postings, and the counts are the generator's known rates.
func TestPipeline(t *testing.T) {
	ctx := context.Background()
	tax, err := taxonomy.Default()
	if err != nil {
		t.Fatal(err)
	}
	g, err := gen.New(tax, gen.Options{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	n := ciPostings()
	perFile := n / 2
	files, err := g.WriteFiles(ctx, t.TempDir(), 0, n, perFile)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 2 {
		t.Fatalf("%d files for %d postings at %d a file", len(files), n, perFile)
	}

	// Import, as `jobgap import` does: split, extract, save in batches.
	store, err := corpus.Open(ctx, t.TempDir(), corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	x := extract.NewExtractor(tax)
	added := 0
	for _, path := range files {
		body, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		raws, errs := extract.Split(extract.Document{Name: path, Source: "file", Body: body, FetchedAt: time.Now().UTC()})
		if len(errs) > 0 {
			t.Fatalf("split %s: %v", path, errs)
		}
		var batch []corpus.Record
		for _, r := range raws {
			p, err := x.Extract(r)
			if err != nil {
				t.Fatalf("extract %s: %v", r.Origin, err)
			}
			batch = append(batch, corpus.Record{Raw: r, Posting: p})
		}
		res, err := store.Put(ctx, batch)
		if err != nil {
			t.Fatal(err)
		}
		added += res.Added
	}
	if added != n {
		t.Fatalf("%d postings added, want %d", added, n)
	}

	// What the generator put in: per family, canonical postings (a job
	// repeated on another board counts once) and the postings per term.
	type famTruth struct {
		n     int
		terms map[string]int
	}
	truth := map[string]*famTruth{}
	all := 0
	for i := range n {
		p := g.Posting(i)
		if p.DuplicateOf >= 0 {
			continue
		}
		all++
		ft := truth[p.Family]
		if ft == nil {
			ft = &famTruth{terms: map[string]int{}}
			truth[p.Family] = ft
		}
		ft.n++
		for _, m := range p.Truth {
			ft.terms[m.ID]++
		}
	}

	// The rescan: every stored posting, duplicates left out as stats does.
	rescan := map[string]*famTruth{}
	rescanAll := 0
	err = store.Each(ctx, func(p extract.Posting) error {
		if dup, err := store.DupOf(p.ID); err != nil || dup != "" {
			return err
		}
		rescanAll++
		ft := rescan[p.Family]
		if ft == nil {
			ft = &famTruth{terms: map[string]int{}}
			rescan[p.Family] = ft
		}
		ft.n++
		for _, tag := range p.Tags {
			ft.terms[tag.ID]++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}

	c, err := store.Count(ctx, corpus.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if c.N != rescanAll {
		t.Errorf("all postings: the index counts %d, the rescan %d", c.N, rescanAll)
	}
	if d := math.Abs(float64(c.N - all)); d > 0.01*float64(all) {
		t.Errorf("all postings: the index counts %d, the generator made %d distinct jobs", c.N, all)
	}
	for _, fam := range slices.Sorted(maps.Keys(g.FamilyWeights())) {
		c, err := store.Count(ctx, corpus.Filter{Family: fam}, corpus.FieldCert, corpus.FieldSkill)
		if err != nil {
			t.Fatal(err)
		}
		byIndex := map[string]int{}
		maps.Copy(byIndex, c.Terms[corpus.FieldCert])
		maps.Copy(byIndex, c.Terms[corpus.FieldSkill])
		rs := rescan[fam]
		if rs == nil {
			rs = &famTruth{terms: map[string]int{}}
		}
		// Stats via the index equal the rescan, exactly.
		if c.N != rs.n || !maps.Equal(byIndex, rs.terms) {
			t.Errorf("%s: the index counts %d postings %v, the rescan %d %v", fam, c.N, byIndex, rs.n, rs.terms)
		}
		// And both are what the generator planted, give or take the
		// odd posting the extractor reads otherwise.
		want := truth[fam]
		if want == nil {
			want = &famTruth{terms: map[string]int{}}
		}
		if !near(c.N, want.n) {
			t.Errorf("%s: %d postings, the generator made %d", fam, c.N, want.n)
		}
		for _, id := range slices.Sorted(maps.Keys(want.terms)) {
			if !near(byIndex[id], want.terms[id]) {
				t.Errorf("%s: %s in %d postings, planted in %d", fam, id, byIndex[id], want.terms[id])
			}
		}
	}

	// The generator's known rates come out of its postings.
	for _, r := range g.Rates() {
		ft := truth[r.Family]
		if ft == nil || ft.n < 30 {
			continue
		}
		exp := float64(ft.n) * r.Rate
		sd := math.Sqrt(exp * (1 - r.Rate))
		if got := float64(ft.terms[r.ID]); math.Abs(got-exp) > 4*sd+1 {
			t.Errorf("%s: %s planted in %.0f of %d postings, rate %.2f expects %.1f", r.Family, r.ID, got, ft.n, r.Rate, exp)
		}
	}
	for fam, w := range g.FamilyWeights() {
		exp := float64(all) * w
		if got := float64(truth[fam].n); math.Abs(got-exp) > 4*math.Sqrt(exp*(1-w))+1 {
			t.Errorf("%s: %.0f postings of %d, weight %.2f expects %.1f", fam, got, all, w, exp)
		}
	}
}

// near reports whether a count read back is within 2% (at least 2) of
// the count planted.
func near(got, want int) bool {
	return math.Abs(float64(got-want)) <= math.Max(2, 0.02*float64(want))
}

func Example() {
	tax, _ := taxonomy.Default()
	g, _ := gen.New(tax, gen.Options{Seed: 1})
	p := g.Posting(42)
	fmt.Println(p.Index, p.Family != "", len(p.Truth) > 0)
	// Output: 42 true true
}
