package corpus

import (
	"context"
	"encoding/json"
	"fmt"
	"math/bits"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"github.com/jobgap/jobgap/demo"
	"github.com/jobgap/jobgap/extract"
)

const poDescription = `Acme builds scheduling software for clinics. As Product Owner you own the backlog of
the booking team, write user stories with acceptance criteria, run refinement and sprint reviews, and
work with designers and engineers every day. You have three years of experience in Scrum teams, a CSPO
or PSPO certificate, and you speak with customers often. SQL and Jira are a plus.
What you will do: turn what clinics tell us into a clear, ordered backlog; decide what ships first and
say why; measure whether a release helped and share the numbers with the team; keep stakeholders in
sales, support and finance informed without drowning them in detail.
What we offer: a hybrid week with two office days, learning budget, and a team that writes things down.`

const dataDescription = `Acme builds scheduling software for clinics. As Data Engineer you build the
pipelines that move booking events into the warehouse, model them with dbt, and keep Airflow healthy.
You have three years of experience with Python and SQL, you care about tests, and Kafka is a plus.`

func job(id, source, company, title, family, desc string) Record {
	p := extract.Posting{ID: id, Source: source, Company: company, Title: title, Family: family, Description: desc}
	return Record{Raw: extract.Raw{Format: extract.FormatText, Source: source, Body: title}, Posting: p}
}

func TestSimHashOneWordChange(t *testing.T) {
	a := simHash(words(poDescription))
	b := simHash(words(strings.Replace(poDescription, "booking team", "billing team", 1)))
	c := simHash(words(dataDescription))
	if d := bits.OnesCount64(a ^ b); d > NearThreshold {
		t.Errorf("one word changed: distance %d, want <= %d", d, NearThreshold)
	}
	if d := bits.OnesCount64(a ^ c); d <= NearThreshold {
		t.Errorf("different jobs: distance %d, want > %d", d, NearThreshold)
	}
}

// TestSimHashThreshold measures NearThreshold on the demo postings, which
// are all different jobs: none may be near another, and most one-word
// edits of each must be.
func TestSimHashThreshold(t *testing.T) {
	ps, err := demo.Load()
	if err != nil {
		t.Fatal(err)
	}
	var hs []uint64
	for _, p := range ps {
		hs = append(hs, simHash(words(p.Description)))
	}
	closest := 64
	for i := range hs {
		for j := i + 1; j < len(hs); j++ {
			closest = min(closest, bits.OnesCount64(hs[i]^hs[j]))
		}
	}
	if closest <= NearThreshold+4 {
		t.Errorf("two different demo postings are %d bits apart; the threshold %d leaves too little margin", closest, NearThreshold)
	}
	r := rand.New(rand.NewPCG(1, 2))
	near, n := 0, 0
	for _, p := range ps {
		w := words(p.Description)
		for range 10 {
			w2 := slices.Clone(w)
			w2[r.IntN(len(w2))] = "changed"
			n++
			if bits.OnesCount64(simHash(w)^simHash(w2)) <= NearThreshold {
				near++
			}
		}
	}
	if near*100 < n*80 {
		t.Errorf("only %d of %d one-word edits are within %d bits", near, n, NearThreshold)
	}
	t.Logf("closest different postings: %d bits; one-word edits within %d bits: %d of %d", closest, NearThreshold, near, n)
}

func TestDedup(t *testing.T) {
	s, dir := openTest(t)
	ctx := context.Background()
	recs := []Record{
		job("gh-1", "greenhouse:acme", "Acme", "Product Owner", "product-owner", poDescription),
		// The same job on another board, company written differently.
		job("lv-1", "lever:acme", "ACME, Inc.", "Product Owner", "product-owner", poDescription),
		// Once per city: one word changed.
		job("gh-2", "greenhouse:acme", "Acme", "Product Owner", "product-owner", strings.Replace(poDescription, "booking team", "billing team", 1)),
		// A different job of the same company.
		job("gh-3", "greenhouse:acme", "Acme", "Data Engineer", "", dataDescription),
		// The same text at another company is another job.
		job("ab-1", "ashby:globex", "Globex", "Product Owner", "product-owner", poDescription),
	}
	res, err := s.Put(ctx, recs)
	if err != nil {
		t.Fatal(err)
	}
	wantDup := []string{"", "gh-1", "gh-1", "", ""}
	if fmt.Sprint(res.DupOf) != fmt.Sprint(wantDup) || res.Duplicates != 2 || res.Added != 5 {
		t.Fatalf("put: dup_of %q, duplicates %d, added %d; want %q, 2, 5", res.DupOf, res.Duplicates, res.Added, wantDup)
	}
	for i, r := range recs {
		got, err := s.DupOf(r.Posting.ID)
		if err != nil || got != wantDup[i] {
			t.Errorf("DupOf(%s) = %q, %v; want %q", r.Posting.ID, got, err, wantDup[i])
		}
	}
	count := func(f Filter) int {
		t.Helper()
		c, err := s.Count(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		return c.N
	}
	if n := count(Filter{}); n != 3 {
		t.Errorf("count = %d, want 3 jobs", n)
	}
	if n := count(Filter{IncludeDuplicates: true}); n != 5 {
		t.Errorf("count with duplicates = %d, want 5", n)
	}
	if n := count(Filter{Family: "product-owner"}); n != 2 {
		t.Errorf("product owners = %d, want 2 (Acme's once, Globex's)", n)
	}
	ids, err := s.IDs(ctx, Filter{})
	if err != nil || strings.Join(ids, " ") != "ab-1 gh-1 gh-3" {
		t.Errorf("IDs = %v, %v", ids, err)
	}
	if n, _ := s.Len(); n != 5 {
		t.Errorf("Len = %d: duplicates are kept", n)
	}

	// Importing again changes nothing.
	res, err = s.Put(ctx, recs)
	if err != nil || res.Unchanged != 5 || fmt.Sprint(res.DupOf) != fmt.Sprint(wantDup) {
		t.Fatalf("second put = %+v, %v", res, err)
	}
	// In reverse order in a fresh store, the earliest seen is canonical.
	s2, _ := openTest(t)
	rev := []Record{recs[2], recs[1], recs[0]}
	res, err = s2.Put(ctx, rev)
	if want := []string{"", "gh-2", "gh-2"}; err != nil || fmt.Sprint(res.DupOf) != fmt.Sprint(want) {
		t.Errorf("reverse order: dup_of %q, %v; want %q", res.DupOf, err, want)
	}

	// Reopening, re-indexing and re-extracting keep the links.
	s.Close()
	s, err = Open(ctx, dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if n := count(Filter{}); n != 3 {
		t.Errorf("after reopen: count = %d, want 3", n)
	}
	if _, err := s.Reindex(ctx, nil, Options{}); err != nil {
		t.Fatal(err)
	}
	if n := count(Filter{}); n != 3 {
		t.Errorf("after reindex: count = %d, want 3", n)
	}
	reextract := func(r extract.Raw) (extract.Posting, error) {
		for _, rec := range recs {
			if rec.Raw.Source == r.Source && rec.Raw.Body == r.Body {
				return rec.Posting, nil
			}
		}
		return extract.Posting{}, fmt.Errorf("unknown raw")
	}
	if _, err := s.Reindex(ctx, reextract, Options{}); err != nil {
		t.Fatal(err)
	}
	if n := count(Filter{}); n != 3 {
		t.Errorf("after re-extract: count = %d, want 3", n)
	}
	if got, _ := s.DupOf("gh-2"); got != "gh-1" {
		t.Errorf("after re-extract: DupOf(gh-2) = %q, want gh-1", got)
	}

	// A canonical that changes into another job stops taking new links,
	// and a posting changed into a copy is linked.
	res, err = s.Put(ctx, []Record{job("gh-3", "greenhouse:acme", "Acme", "Product Owner", "product-owner", poDescription)})
	if err != nil || res.Updated != 1 || res.DupOf[0] != "gh-1" {
		t.Errorf("changed into a copy: %+v, %v", res, err)
	}
	if n := count(Filter{}); n != 2 {
		t.Errorf("count = %d, want 2", n)
	}
}

func TestDedupNeedsCompanyAndText(t *testing.T) {
	s, _ := openTest(t)
	ctx := context.Background()
	res, err := s.Put(ctx, []Record{
		job("a", "file", "", "Product Owner", "product-owner", poDescription),
		job("b", "file", "", "Product Owner", "product-owner", poDescription),
		job("c", "greenhouse:acme", "Acme", "Product Owner", "product-owner", ""),
		job("d", "lever:acme", "Acme", "Product Owner", "product-owner", ""),
		// Short texts are matched exactly only.
		job("e", "greenhouse:acme", "Acme", "Analyst", "", "Excel and SQL every day."),
		job("f", "lever:acme", "Acme", "Analyst", "", "Excel and SQL every week."),
		job("g", "ashby:acme", "Acme", "Analyst", "", "Excel and SQL, every day!"),
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"", "", "", "", "", "", "e"}; fmt.Sprint(res.DupOf) != fmt.Sprint(want) {
		t.Errorf("dup_of = %q, want %q", res.DupOf, want)
	}
}

// TestOpenLinksOldStore: a store written before dedup existed gets its
// duplicates linked, and its index rebuilt, on Open.
func TestOpenLinksOldStore(t *testing.T) {
	s, dir := openTest(t)
	ctx := context.Background()
	recs := []Record{
		job("gh-1", "greenhouse:acme", "Acme", "Product Owner", "product-owner", poDescription),
		job("lv-1", "lever:acme", "Acme", "Product Owner", "product-owner", poDescription),
	}
	if _, err := s.Put(ctx, recs); err != nil {
		t.Fatal(err)
	}
	// Forget the links and the dedup version, as an old store has neither.
	if err := s.db.Update(func(tx *bolt.Tx) error {
		ids, records := tx.Bucket(bucketIDs), tx.Bucket(bucketRecords)
		for _, id := range []string{"gh-1", "lv-1"} {
			st, err := record(tx, id)
			if err != nil {
				return err
			}
			st.DupOf, st.First = "", 0
			v, _ := json.Marshal(st)
			if err := records.Put(seqKey(st.Seq), v); err != nil {
				return err
			}
			if err := ids.Put([]byte(id), entryOf(*st).encode()); err != nil {
				return err
			}
		}
		for _, b := range [][]byte{bucketDupKey, bucketSimGroup} {
			if err := tx.DeleteBucket(b); err != nil {
				return err
			}
			if _, err := tx.CreateBucket(b); err != nil {
				return err
			}
		}
		return tx.Bucket(bucketMeta).Delete(keyDedup)
	}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err := Open(ctx, dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got, _ := s.DupOf("lv-1"); got != "gh-1" {
		t.Errorf("DupOf(lv-1) = %q, want gh-1", got)
	}
	if c, _ := s.Count(ctx, Filter{}); c.N != 1 {
		t.Errorf("count = %d, want 1", c.N)
	}
}

func TestHTTPCache(t *testing.T) {
	s, dir := openTest(t)
	ctx := context.Background()
	c := s.HTTPCache()
	if _, _, ok := c.Lookup("https://a.example/x"); ok {
		t.Fatal("empty cache found an entry")
	}
	err := c.Save(ctx, []CacheEntry{
		{URL: "https://a.example/x", ETag: `"v1"`},
		{URL: "https://a.example/y", LastModified: "Mon, 02 Mar 2026 10:00:00 GMT"},
		{URL: "https://a.example/z"},
	})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = Open(ctx, dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	c = s.HTTPCache()
	if e, l, ok := c.Lookup("https://a.example/x"); !ok || e != `"v1"` || l != "" {
		t.Errorf("x = %q %q %v", e, l, ok)
	}
	if e, l, ok := c.Lookup("https://a.example/y"); !ok || e != "" || l == "" {
		t.Errorf("y = %q %q %v", e, l, ok)
	}
	if _, _, ok := c.Lookup("https://a.example/z"); ok {
		t.Error("z without validators is cached")
	}
	if err := c.Save(ctx, []CacheEntry{{URL: "https://a.example/x"}}); err != nil {
		t.Fatal(err)
	}
	if _, _, ok := c.Lookup("https://a.example/x"); ok {
		t.Error("x still cached after saving it without validators")
	}
}
