package corpus

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/jobgap/jobgap/extract"
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
	if err := s.Each(ctx, func(extract.Posting) error { return nil }); err != nil {
		t.Fatal(err)
	}
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
