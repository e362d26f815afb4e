package main

import (
	"bytes"
	"context"
	"encoding/json"
	"sort"
	"strings"
	"testing"

	"github.com/jobgap/jobgap/analyze"
	"github.com/jobgap/jobgap/demo"
	"github.com/jobgap/jobgap/extract/taxonomy"
)

// runJobgap runs the command in-process and returns stdout, stderr and the
// exit code.
func runJobgap(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	io := &IO{In: strings.NewReader(""), Out: &out, Err: &errb}
	code := exitCode(run(context.Background(), args, io), io)
	return out.String(), errb.String(), code
}

// labelledSkills are the skills the demo postings are hand-labelled for.
var labelledSkills = []string{"sql", "excel", "jira", "ab-testing", "roadmapping", "stakeholder-management", "user-research", "python", "go", "figma"}

// expectedCounts counts the demo's hand labels per title family.
func expectedCounts(t *testing.T) (map[string]int, map[string]map[string]int) {
	t.Helper()
	tax, err := taxonomy.Default()
	if err != nil {
		t.Fatal(err)
	}
	posts, err := demo.Load()
	if err != nil {
		t.Fatal(err)
	}
	n := map[string]int{}
	counts := map[string]map[string]int{}
	for _, p := range posts {
		fam, _ := tax.Classify(p.Title)
		n[fam]++
		if counts[fam] == nil {
			counts[fam] = map[string]int{}
		}
		for _, id := range append(append([]string{}, p.Certs...), p.Skills...) {
			counts[fam][id]++
		}
	}
	return n, counts
}

func itemCounts(st analyze.Stats) map[string]int {
	m := map[string]int{}
	for _, it := range st.Items {
		m[it.ID] = it.Count
	}
	return m
}

// TestDemoCountsMatchLabels runs the demo end to end (serve, crawl, extract,
// store, index, count) and checks every labelled certification and skill
// count per title against the hand labels of the bundled postings.
func TestDemoCountsMatchLabels(t *testing.T) {
	data := t.TempDir()
	out, errOut, code := runJobgap(t, "--data", data, "demo", "--format", "json", "--top", "0")
	if code != 0 {
		t.Fatalf("demo exit %d\nstderr: %s", code, errOut)
	}
	var res demoResult
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("demo json: %v\n%s", err, out)
	}
	total := 0
	for _, s := range res.Sources {
		if s.Error != "" || s.Failed != 0 {
			t.Errorf("source %s: failed %d, error %q", s.Source, s.Failed, s.Error)
		}
		total += s.New
	}
	if total != 84 {
		t.Errorf("demo saved %d postings, want the 84 bundled", total)
	}

	wantN, want := expectedCounts(t)
	families := map[string]string{"Product Owner": "product-owner", "Product Manager": "product-manager", "Product Lead": "product-lead"}
	if wantN["product-owner"] != 30 || wantN["product-manager"] != 30 || wantN["product-lead"] != 15 {
		t.Fatalf("bundled titles classify as %v; want 30 PO, 30 PM, 15 lead", wantN)
	}
	certIDs := map[string]bool{}
	for _, p := range demo.Postings() {
		for _, c := range p.Certs {
			certIDs[c] = true
		}
	}
	var ids []string
	for id := range certIDs {
		ids = append(ids, id)
	}
	ids = append(ids, labelledSkills...)
	sort.Strings(ids)

	check := func(st analyze.Stats, where string) {
		fam := families[st.Title]
		if st.Postings != wantN[fam] {
			t.Errorf("%s %q: N = %d, want %d", where, st.Title, st.Postings, wantN[fam])
		}
		got := itemCounts(st)
		for _, id := range ids {
			if got[id] != want[fam][id] {
				t.Errorf("%s %q: %s counted in %d postings, labels say %d", where, st.Title, id, got[id], want[fam][id])
			}
		}
	}
	for _, st := range res.Titles {
		check(st, "demo")
	}

	// The same data through `stats`, as a user would run it next.
	out, errOut, code = runJobgap(t, "--data", data, "stats", "--title", "Product Owner", "--format", "json", "--top", "0")
	if code != 0 {
		t.Fatalf("stats exit %d: %s", code, errOut)
	}
	var st analyze.Stats
	if err := json.Unmarshal([]byte(out), &st); err != nil {
		t.Fatal(err)
	}
	check(st, "stats")
	if strings.Contains(errOut, "warning") {
		t.Errorf("30 postings should not warn of a small sample: %s", errOut)
	}
}
