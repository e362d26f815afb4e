package corpus

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"testing"
	"time"

	"github.com/jobgap/jobgap/extract"
)

// openTest opens a fresh store in a temporary directory.
func openTest(t *testing.T) (*Store, string) {
	t.Helper()
	dir := t.TempDir()
	s, err := Open(context.Background(), dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, dir
}

func posting(id, family string, certs ...string) Record {
	p := extract.Posting{ID: id, Source: "test", Title: "Title " + id, Family: family, Description: "text of " + id,
		DatePosted: time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)}
	for _, c := range certs {
		p.Tags = append(p.Tags, extract.Tag{ID: c, Kind: extract.KindCertification, Level: extract.LevelRequired})
	}
	return Record{Raw: extract.Raw{Format: extract.FormatText, Source: "test", Body: "Title " + id}, Posting: p}
}

func TestPutIsIdempotent(t *testing.T) {
	s, _ := openTest(t)
	ctx := context.Background()
	recs := []Record{posting("a", "product-owner", "cspo"), posting("b", "product-owner"), posting("c", "product-manager", "pmp")}
	res, err := s.Put(ctx, recs)
	if err != nil {
		t.Fatal(err)
	}
	if res.Added != 3 || res.Updated != 0 || res.Unchanged != 0 {
		t.Fatalf("first put = %+v, want 3 added", res)
	}
	res, err = s.Put(ctx, recs)
	if err != nil {
		t.Fatal(err)
	}
	if res.Added != 0 || res.Unchanged != 3 {
		t.Fatalf("second put = %+v, want 3 unchanged", res)
	}
	changed := posting("a", "product-owner", "cspo", "csm")
	res, err = s.Put(ctx, []Record{changed})
	if err != nil {
		t.Fatal(err)
	}
	if res.Updated != 1 || len(res.Outcomes) != 1 || res.Outcomes[0] != Updated {
		t.Fatalf("changed put = %+v, want 1 updated", res)
	}
	if n, _ := s.Len(); n != 3 {
		t.Fatalf("Len = %d, want 3", n)
	}
	c, err := s.Count(ctx, Filter{}, FieldCert)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"cspo": 1, "csm": 1, "pmp": 1}
	if c.N != 3 || fmt.Sprint(c.Terms[FieldCert]) != fmt.Sprint(want) {
		t.Fatalf("Count = %d %v, want 3 %v", c.N, c.Terms[FieldCert], want)
	}
}

func TestCountByFamilyAndPhrase(t *testing.T) {
	s, _ := openTest(t)
	ctx := context.Background()
	var recs []Record
	for i := range 10 {
		certs := []string{}
		if i%2 == 0 {
			certs = append(certs, "cspo")
		}
		recs = append(recs, posting(fmt.Sprintf("po%d", i), "product-owner", certs...))
	}
	for i := range 4 {
		recs = append(recs, posting(fmt.Sprintf("pm%d", i), "product-manager", "cspo", "pmp"))
	}
	if _, err := s.Put(ctx, recs); err != nil {
		t.Fatal(err)
	}
	c, err := s.Count(ctx, Filter{Family: "product-owner"}, FieldCert)
	if err != nil {
		t.Fatal(err)
	}
	if c.N != 10 || c.Terms[FieldCert]["cspo"] != 5 || c.Terms[FieldCert]["pmp"] != 0 {
		t.Fatalf("product-owner: N=%d certs=%v, want N=10 cspo=5", c.N, c.Terms[FieldCert])
	}
	c, err = s.Count(ctx, Filter{TitlePhrase: "title pm2"}, FieldCert)
	if err != nil {
		t.Fatal(err)
	}
	if c.N != 1 {
		t.Fatalf("phrase: N=%d, want 1", c.N)
	}
	ids, err := s.IDs(ctx, Filter{Family: "product-manager"})
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(ids) != "[pm0 pm1 pm2 pm3]" {
		t.Fatalf("IDs = %v", ids)
	}
}

func TestIDsPagesThroughLargeResults(t *testing.T) {
	s, _ := openTest(t)
	var recs []Record
	for i := range 2500 {
		recs = append(recs, posting(fmt.Sprintf("p%05d", i), "product-owner"))
	}
	if _, err := s.Put(context.Background(), recs); err != nil {
		t.Fatal(err)
	}
	ids, err := s.IDs(context.Background(), Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(ids) != 2500 || !sort.StringsAreSorted(ids) || ids[0] != "p00000" || ids[2499] != "p02499" {
		t.Fatalf("IDs: %d ids, sorted=%v", len(ids), sort.StringsAreSorted(ids))
	}
}

func TestSecondOpenFailsAtOnce(t *testing.T) {
	_, dir := openTest(t)
	// Open must not wait: were it to block on the lock, this test would
	// hang rather than pass.
	_, err := Open(context.Background(), dir, Options{})
	var inUse *InUseError
	if !errors.As(err, &inUse) {
		t.Fatalf("second Open: err = %v, want *InUseError", err)
	}
	if inUse.PID != os.Getpid() {
		t.Errorf("InUseError.PID = %d, want %d", inUse.PID, os.Getpid())
	}
}

func TestReopenAndRebuildBrokenIndex(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	s, err := Open(ctx, dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Put(ctx, []Record{posting("a", "product-owner", "cspo"), posting("b", "product-owner")}); err != nil {
		t.Fatal(err)
	}
	s.Close()

	// Destroy the index: the store must rebuild it on open.
	if err := os.RemoveAll(filepath.Join(dir, "index.bleve")); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "index.bleve"), []byte("garbage"), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err = Open(ctx, dir, Options{})
	if err != nil {
		t.Fatalf("open with broken index: %v", err)
	}
	defer s.Close()
	c, err := s.Count(ctx, Filter{Family: "product-owner"}, FieldCert)
	if err != nil {
		t.Fatal(err)
	}
	if c.N != 2 || c.Terms[FieldCert]["cspo"] != 1 {
		t.Fatalf("after rebuild: N=%d certs=%v", c.N, c.Terms[FieldCert])
	}
}

func TestOpenCatchesUpALaggingIndex(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	s, err := Open(ctx, dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Put(ctx, []Record{posting("a", "product-owner")}); err != nil {
		t.Fatal(err)
	}
	// Simulate a crash between the store commit and the index batch:
	// the index is told it has seen nothing.
	if err := s.index.setSeq(0); err != nil {
		t.Fatal(err)
	}
	if err := s.index.Delete("a"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = Open(ctx, dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	c, err := s.Count(ctx, Filter{}, FieldCert)
	if err != nil {
		t.Fatal(err)
	}
	if c.N != 1 {
		t.Fatalf("after catch-up: N=%d, want 1", c.N)
	}
}

func TestReindexReextracts(t *testing.T) {
	s, _ := openTest(t)
	ctx := context.Background()
	if _, err := s.Put(ctx, []Record{posting("a", "product-owner"), posting("b", "product-owner")}); err != nil {
		t.Fatal(err)
	}
	// A new taxonomy tags everything CSPO, except b which fails to extract.
	problems, err := s.Reindex(ctx, func(r extract.Raw) (extract.Posting, error) {
		if r.Body == "Title b" {
			return extract.Posting{}, errors.New("cannot parse")
		}
		return posting("ignored", "product-owner", "cspo").Posting, nil
	}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(problems) != 1 {
		t.Fatalf("problems = %v, want one", problems)
	}
	p, err := s.Get("a")
	if err != nil {
		t.Fatal(err)
	}
	if p.ID != "a" || len(p.Tags) != 1 {
		t.Fatalf("re-extracted a = %+v, want id a with one tag", p)
	}
	c, err := s.Count(ctx, Filter{}, FieldCert)
	if err != nil {
		t.Fatal(err)
	}
	if c.N != 2 || c.Terms[FieldCert]["cspo"] != 1 {
		t.Fatalf("after reindex N=%d certs=%v, want 2 and cspo=1", c.N, c.Terms[FieldCert])
	}
}

func TestEachVisitsEveryPosting(t *testing.T) {
	s, _ := openTest(t)
	var recs []Record
	for i := range 1234 {
		recs = append(recs, posting(fmt.Sprintf("p%04d", i), ""))
	}
	if _, err := s.Put(context.Background(), recs); err != nil {
		t.Fatal(err)
	}
	n := 0
	last := ""
	err := s.Each(context.Background(), func(p extract.Posting) error {
		if p.ID <= last {
			t.Fatalf("Each out of order: %s after %s", p.ID, last)
		}
		last = p.ID
		n++
		return nil
	})
	if err != nil || n != 1234 {
		t.Fatalf("Each visited %d, err %v; want 1234", n, err)
	}
}

func TestPostingsReadsInOrder(t *testing.T) {
	s, _ := openTest(t)
	ctx := context.Background()
	var recs []Record
	for i := range 1500 {
		recs = append(recs, posting(fmt.Sprintf("p%05d", i), "product-owner"))
	}
	if _, err := s.Put(ctx, recs); err != nil {
		t.Fatal(err)
	}
	ids, err := s.IDs(ctx, Filter{Family: "product-owner"})
	if err != nil {
		t.Fatal(err)
	}
	ids = append(ids, "p00007") // twice is fine
	got, err := s.Postings(ctx, ids)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(ids) {
		t.Fatalf("Postings: %d postings for %d ids", len(got), len(ids))
	}
	for i, p := range got {
		want, err := s.Get(ids[i])
		if err != nil {
			t.Fatal(err)
		}
		if p.ID != ids[i] || p.Description != want.Description {
			t.Fatalf("Postings[%d] = %s %q, want %s %q", i, p.ID, p.Description, ids[i], want.Description)
		}
	}
	if _, err := s.Postings(ctx, []string{"p00001", "nope"}); !errors.Is(err, ErrNotFound) {
		t.Errorf("Postings with an unknown id: %v, want ErrNotFound", err)
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := s.Postings(cancelled, ids); !errors.Is(err, context.Canceled) {
		t.Errorf("Postings with a cancelled context: %v, want context.Canceled", err)
	}
	if got, err := s.Postings(ctx, nil); err != nil || len(got) != 0 {
		t.Errorf("Postings(nil) = %d postings, %v", len(got), err)
	}
}

func TestPostingsLeanLeavesOutOnlyWhatItSays(t *testing.T) {
	s, _ := openTest(t)
	ctx := context.Background()
	r := posting("a", "product-owner", "cspo", "pmp")
	for i := range r.Posting.Tags {
		r.Posting.Tags[i].Evidence = "A CSPO or PMP is required."
	}
	if _, err := s.Put(ctx, []Record{r}); err != nil {
		t.Fatal(err)
	}
	full, err := s.Get("a")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		lean           Lean
		desc, evidence bool // kept
	}{
		{0, true, true},
		{NoEvidence, true, false},
		{NoDescription, false, true},
		{NoDescription | NoEvidence, false, false},
	} {
		got, err := s.PostingsLean(ctx, []string{"a"}, tc.lean)
		if err != nil {
			t.Fatal(err)
		}
		p := got[0]
		if (p.Description != "") != tc.desc || (p.Tags[0].Evidence != "") != tc.evidence {
			t.Errorf("lean %b: description %q, evidence %q", tc.lean, p.Description, p.Tags[0].Evidence)
		}
		// Everything else as stored.
		p.Description = full.Description
		for i := range p.Tags {
			p.Tags[i].Evidence = full.Tags[i].Evidence
		}
		if !reflect.DeepEqual(p, full) {
			t.Errorf("lean %b changed other fields:\n got %+v\nwant %+v", tc.lean, p, full)
		}
	}
	// The lean copies share nothing with what a later full read returns.
	if got, _ := s.Postings(ctx, []string{"a"}); got[0].Tags[0].Evidence == "" {
		t.Error("a lean read cleared the evidence of a later full read")
	}
}
