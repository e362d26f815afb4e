package taxonomy_test

import (
	"testing"
	"time"

	"github.com/jobgap/jobgap/bench/gen"
	"github.com/jobgap/jobgap/extract"
	"github.com/jobgap/jobgap/extract/taxonomy"
)

// postingTexts returns the descriptions of n postings of bench/gen, as
// extract.Parse makes them: the text bench/run tags (jobgap-bench text).
func postingTexts(tb testing.TB, tax *taxonomy.Taxonomy, n int) ([]string, int64) {
	tb.Helper()
	g, err := gen.New(tax, gen.Options{Seed: 1})
	if err != nil {
		tb.Fatal(err)
	}
	var texts []string
	var size int64
	for i := range n {
		raws, errs := extract.Split(extract.Document{Name: "gen", Source: "file", Body: g.Posting(i).JSON})
		if len(errs) > 0 {
			tb.Fatal(errs[0])
		}
		for _, r := range raws {
			p, err := extract.Parse(r)
			if err != nil {
				tb.Fatal(err)
			}
			texts = append(texts, p.Description)
			size += int64(len(p.Description))
		}
	}
	return texts, size
}

// BenchmarkMatchPostings tags the descriptions of 500 postings of
// bench/gen (about 2 MB: the text bench/run tags, about 4 tags in 4.5
// kB, where BenchmarkMatch's template text has two forms a line) with
// Match and, in the same run, with the reference implementation
// (MatchRef): MB/s is Match's, ref-MB/s the reference's, ref-x how many
// times faster Match is.
func BenchmarkMatchPostings(b *testing.B) {
	tax, err := taxonomy.Default()
	if err != nil {
		b.Fatal(err)
	}
	texts, size := postingTexts(b, tax, 500)
	var tMatch, tRef time.Duration
	for b.Loop() {
		s := time.Now()
		for _, t := range texts {
			tax.Match(t)
		}
		tMatch += time.Since(s)
		s = time.Now()
		for _, t := range texts {
			taxonomy.MatchRef(tax, t)
		}
		tRef += time.Since(s)
	}
	b.ReportMetric(float64(size)*float64(b.N)/1e6/tMatch.Seconds(), "MB/s")
	b.ReportMetric(float64(size)*float64(b.N)/1e6/tRef.Seconds(), "ref-MB/s")
	b.ReportMetric(float64(tRef)/float64(tMatch), "ref-x")
}
