package corpus

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// mappedKiB is the resident size of this process's mappings of files
// named name, from /proc/self/smaps.
func mappedKiB(t *testing.T, name string) int {
	t.Helper()
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	kib, in := 0, false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if fields := strings.Fields(line); len(fields) > 0 && strings.Contains(fields[0], "-") && !strings.HasSuffix(fields[0], ":") {
			in = len(fields) >= 6 && strings.HasSuffix(fields[len(fields)-1], name)
			continue
		}
		var n int
		if in && strings.HasPrefix(line, "Rss:") {
			if _, err := fmt.Sscanf(line, "Rss: %d kB", &n); err == nil {
				kib += n
			}
		}
	}
	return kib
}

func TestUnmapPagesDropsMappedPages(t *testing.T) {
	s, _ := openTest(t)
	ctx := context.Background()
	var recs []Record
	for i := range 400 {
		r := posting(fmt.Sprintf("p%03d", i), "product-owner")
		r.Posting.Description = strings.Repeat(fmt.Sprintf("words of posting %d ", i), 400) // 8 KB
		recs = append(recs, r)
	}
	if _, err := s.Put(ctx, recs); err != nil {
		t.Fatal(err)
	}
	// Read every record through the mapping (Each would drop them itself).
	_ = s.db.View(func(tx *bolt.Tx) error {
		c := tx.Bucket(bucketRecords).Cursor()
		for k, v := c.First(); k != nil; k, v = c.Next() {
			_ = v[len(v)-1]
		}
		return nil
	})
	before := mappedKiB(t, "postings.db")
	unmapPages(s.db)
	after := mappedKiB(t, "postings.db")
	t.Logf("postings.db resident: %d KiB after reading every record, %d KiB after unmapPages", before, after)
	if before < 2048 || after > before/4 {
		t.Errorf("postings.db resident: %d KiB after reading every record, %d KiB after unmapPages; want at least 2048, then under a quarter", before, after)
	}
	// The pages are read again from the page cache.
	if p, err := s.Get("p123"); err != nil || p.Description != recs[123].Posting.Description {
		t.Errorf("Get after unmapPages: %v", err)
	}
}

// TestPostingsDropsMappedPages reads more records than unmapRecords with
// Postings and checks that the pages of postings.db it mapped were
// dropped on the way: only those read since the last drop stay.
func TestPostingsDropsMappedPages(t *testing.T) {
	s, _ := openTest(t)
	ctx := context.Background()
	const n = 4 * unmapRecords
	var recs []Record
	var ids []string
	for i := range n {
		id := fmt.Sprintf("p%05d", i)
		r := posting(id, "product-owner")
		r.Posting.Description = strings.Repeat(fmt.Sprintf("words of posting %d ", i), 400) // 8 KB
		recs = append(recs, r)
		ids = append(ids, id)
	}
	for from := 0; from < n; from += 500 {
		if _, err := s.Put(ctx, recs[from:min(from+500, n)]); err != nil {
			t.Fatal(err)
		}
	}
	unmapPages(s.db)
	posts, err := s.Postings(ctx, ids)
	if err != nil {
		t.Fatal(err)
	}
	if len(posts) != n || posts[n-1].Description != recs[n-1].Posting.Description {
		t.Fatalf("Postings read %d postings, or the last one wrong", len(posts))
	}
	total := n * 8 // KiB of descriptions alone
	mapped := mappedKiB(t, "postings.db")
	t.Logf("postings.db resident after reading %d records (%d KiB of descriptions): %d KiB", n, total, mapped)
	if mapped > total/2 {
		t.Errorf("postings.db resident after Postings: %d KiB, want under %d (half of what it read)", mapped, total/2)
	}
}
