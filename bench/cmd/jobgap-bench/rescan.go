package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"maps"
	"os"
	"slices"
	"time"

	"github.com/jobgap/jobgap/corpus"
	"github.com/jobgap/jobgap/extract"
	"github.com/jobgap/jobgap/extract/taxonomy"
)

// runRescan compares counting through the index with a full rescan.
func runRescan(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("rescan", flag.ContinueOnError)
	data := fs.String("data", "", "jobgap data directory")
	title := fs.String("title", "Product Owner", "title family")
	statsFile := fs.String("stats", "", "output of 'jobgap stats --top 0 --format json' to check against")
	reps := fs.Int("reps", 5, "index counts to time (the best is reported)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	tax, err := taxonomy.Default()
	if err != nil {
		return err
	}
	fam, ok := tax.ResolveTitle(*title)
	if !ok {
		return fmt.Errorf("rescan: %q is not a title family", *title)
	}
	store, err := corpus.Open(ctx, *data, corpus.Options{})
	if err != nil {
		return err
	}
	defer store.Close()

	// By the index, as 'jobgap stats' counts.
	var byIndex corpus.Counts
	best := time.Duration(1 << 62)
	for range max(*reps, 1) {
		start := time.Now()
		byIndex, err = store.Count(ctx, corpus.Filter{Family: fam}, corpus.FieldCert, corpus.FieldSkill)
		if err != nil {
			return err
		}
		best = min(best, time.Since(start))
	}
	idx := map[string]int{}
	for _, f := range []string{corpus.FieldCert, corpus.FieldSkill} {
		maps.Copy(idx, byIndex.Terms[f])
	}

	// By a rescan of every stored posting.
	start := time.Now()
	n, total := 0, 0
	scan := map[string]int{}
	err = store.Each(ctx, func(p extract.Posting) error {
		total++
		if p.Family != fam {
			return nil
		}
		// As stats does, a job repeated on another board counts once.
		if dup, err := store.DupOf(p.ID); err != nil || dup != "" {
			return err
		}
		n++
		for _, t := range p.Tags {
			scan[t.ID]++
		}
		return nil
	})
	if err != nil {
		return err
	}
	rescan := time.Since(start)

	if n != byIndex.N || !maps.Equal(idx, scan) {
		return fmt.Errorf("rescan: the index counts %d postings and %d tags, the rescan %d and %d: %s",
			byIndex.N, len(idx), n, len(scan), diff(idx, scan))
	}
	if *statsFile != "" {
		if err := checkStats(*statsFile, n, scan); err != nil {
			return err
		}
	}
	fmt.Printf("family=%s n=%d corpus=%d tags=%d index_s=%.6f rescan_s=%.3f ratio=%.1f\n",
		fam, n, total, len(scan), best.Seconds(), rescan.Seconds(), rescan.Seconds()/best.Seconds())
	return nil
}

func diff(a, b map[string]int) string {
	var out []string
	for _, k := range slices.Sorted(maps.Keys(a)) {
		if a[k] != b[k] {
			out = append(out, fmt.Sprintf("%s %d≠%d", k, a[k], b[k]))
		}
	}
	for _, k := range slices.Sorted(maps.Keys(b)) {
		if _, ok := a[k]; !ok {
			out = append(out, fmt.Sprintf("%s missing from the index (%d)", k, b[k]))
		}
	}
	if len(out) > 10 {
		out = append(out[:10], "…")
	}
	return fmt.Sprint(out)
}

// checkStats compares the counts of 'jobgap stats --format json' with
// the rescan's.
func checkStats(path string, n int, scan map[string]int) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var st struct {
		Postings int `json:"postings"`
		Items    []struct {
			ID    string `json:"id"`
			Count int    `json:"count"`
		} `json:"items"`
	}
	if err := json.Unmarshal(b, &st); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	got := map[string]int{}
	for _, it := range st.Items {
		got[it.ID] = it.Count
	}
	if st.Postings != n || !maps.Equal(got, scan) {
		return fmt.Errorf("rescan: 'jobgap stats' counts %d postings, the rescan %d: %s", st.Postings, n, diff(got, scan))
	}
	return nil
}
