package corpus

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// layout1 writes recs into postings.db in dir in layout 1, as the Put of
// that layout did: one sequence number per record, a record put
// again replacing its earlier version and sequence number. No dedup links
// and no index: Open makes them.
type layout1 struct {
	db  *bolt.DB
	seq uint64
}

func newLayout1(t *testing.T, dir string) *layout1 {
	t.Helper()
	db, err := bolt.Open(filepath.Join(dir, "postings.db"), 0o644, nil)
	if err != nil {
		t.Fatal(err)
	}
	l := &layout1{db: db}
	err = db.Update(func(tx *bolt.Tx) error {
		for _, b := range [][]byte{bucketOldRaw, bucketOldPostings, bucketOldSeq, bucketMeta, bucketHTTP} {
			if _, err := tx.CreateBucketIfNotExists(b); err != nil {
				return err
			}
		}
		l.seq = decodeSeq(tx.Bucket(bucketMeta).Get(keySeq))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func (l *layout1) put(t *testing.T, recs ...Record) {
	t.Helper()
	err := l.db.Update(func(tx *bolt.Tx) error {
		raw, posts, seqs := tx.Bucket(bucketOldRaw), tx.Bucket(bucketOldPostings), tx.Bucket(bucketOldSeq)
		for _, r := range recs {
			id := []byte(r.Posting.ID)
			hash, _, err := hashPosting(r.Posting)
			if err != nil {
				return err
			}
			l.seq++
			st := stored{Seq: l.seq, First: l.seq, Hash: hash, Posting: r.Posting}
			if v := posts.Get(id); v != nil {
				var old stored
				if err := json.Unmarshal(v, &old); err != nil {
					return err
				}
				if err := seqs.Delete(seqKey(old.Seq)); err != nil {
					return err
				}
				st.First = old.First
			}
			val, _ := json.Marshal(st)
			rawVal, _ := json.Marshal(r.Raw)
			if err := posts.Put(id, val); err != nil {
				return err
			}
			if err := raw.Put(id, rawVal); err != nil {
				return err
			}
			if err := seqs.Put(seqKey(l.seq), id); err != nil {
				return err
			}
		}
		return tx.Bucket(bucketMeta).Put(keySeq, seqKey(l.seq))
	})
	if err != nil {
		t.Fatal(err)
	}
}

func (l *layout1) close(t *testing.T) {
	t.Helper()
	if err := l.db.Close(); err != nil {
		t.Fatal(err)
	}
}

// checkMigrated checks that s holds want (id -> record as last put) in
// layout 2, found by id, by sequence and through the index.
func checkMigrated(t *testing.T, s *Store, want map[string]Record) {
	t.Helper()
	ctx := context.Background()
	err := s.db.View(func(tx *bolt.Tx) error {
		for _, b := range [][]byte{bucketOldRaw, bucketOldPostings, bucketOldSeq, bucketOldSimBand} {
			if tx.Bucket(b) != nil {
				t.Errorf("old bucket %s is still there", b)
			}
		}
		meta := tx.Bucket(bucketMeta)
		if v := meta.Get(keyLayout); string(v) != layoutVersion {
			t.Errorf("layout = %q, want %q", v, layoutVersion)
		}
		if v := meta.Get(keyMigrated); v != nil {
			t.Errorf("meta still has %s", keyMigrated)
		}
		if n, m := tx.Bucket(bucketRecords).Stats().KeyN, tx.Bucket(bucketSources).Stats().KeyN; n != len(want) || m != len(want) {
			t.Errorf("%d records and %d sources, want %d", n, m, len(want))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n, err := s.Len(); err != nil || n != len(want) {
		t.Errorf("Len = %d, %v; want %d", n, err, len(want))
	}
	for id, r := range want {
		p, err := s.Get(id)
		if err != nil {
			t.Fatalf("Get(%s): %v", id, err)
		}
		if p.Title != r.Posting.Title || p.Description != r.Posting.Description {
			t.Errorf("Get(%s) = %q %q, want %q %q", id, p.Title, p.Description, r.Posting.Title, r.Posting.Description)
		}
		raw, err := s.Raw(id)
		if err != nil || raw.Body != r.Raw.Body {
			t.Errorf("Raw(%s) = %q, %v; want %q", id, raw.Body, err, r.Raw.Body)
		}
	}
	c, err := s.Count(ctx, Filter{IncludeDuplicates: true})
	if err != nil || c.N != len(want) {
		t.Errorf("index counts %d, %v; want %d", c.N, err, len(want))
	}
	// Putting the same postings again changes nothing.
	var recs []Record
	for _, r := range want {
		recs = append(recs, r)
	}
	res, err := s.Put(ctx, recs)
	if err != nil || res.Unchanged != len(want) {
		t.Errorf("put again: %+v, %v; want all %d unchanged", res, err, len(want))
	}
}

// TestOpenMigratesLayout1: a store written in layout 1, with a changed
// posting, a stale seq entry and a posting the seq bucket missed, opens
// with every posting, linked and indexed, and keeps working.
func TestOpenMigratesLayout1(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	l := newLayout1(t, dir)
	a := posting("a", "product-owner", "cspo")
	l.put(t, a, posting("b", "product-owner"), posting("c", "product-manager", "pmp"))
	a = posting("a", "product-owner", "cspo", "csm") // changed: seq 1 is gone, a is 4
	a.Raw.Body = "Title a, changed"
	l.put(t, a)
	gh := job("gh-1", "greenhouse:acme", "Acme", "Product Owner", "product-owner", poDescription)
	lv := job("lv-1", "lever:acme", "Acme", "Product Owner", "product-owner", poDescription)
	l.put(t, gh, lv)
	straggler := posting("s", "product-owner")
	l.put(t, straggler)
	err := l.db.Update(func(tx *bolt.Tx) error {
		// Dedup version 1 had 8 simband keys per canonical posting.
		band, err := tx.CreateBucket(bucketOldSimBand)
		if err != nil {
			return err
		}
		if err := band.Put([]byte("group123\x00\x01gh-1"), []byte("simhash1")); err != nil {
			return err
		}
		if err := tx.Bucket(bucketMeta).Put(keyDedup, []byte("1")); err != nil {
			return err
		}
		seqs := tx.Bucket(bucketOldSeq)
		if err := seqs.Delete(seqKey(l.seq)); err != nil { // s: in postings, not in seq
			return err
		}
		return seqs.Put(seqKey(l.seq+1), []byte("gone")) // names no posting
	})
	if err != nil {
		t.Fatal(err)
	}
	l.close(t)

	s, err := Open(ctx, dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]Record{"a": a, "b": posting("b", "product-owner"), "c": posting("c", "product-manager", "pmp"),
		"gh-1": gh, "lv-1": lv, "s": straggler}
	checkMigrated(t, s, want)
	if got, _ := s.DupOf("lv-1"); got != "gh-1" {
		t.Errorf("DupOf(lv-1) = %q, want gh-1", got)
	}
	c, err := s.Count(ctx, Filter{}, FieldCert)
	if err != nil {
		t.Fatal(err)
	}
	if c.N != 5 || c.Terms[FieldCert]["csm"] != 1 {
		t.Errorf("Count = %d %v, want 5 with csm 1", c.N, c.Terms[FieldCert])
	}
	// The straggler got a new sequence number; first-seen order is kept.
	err = s.db.View(func(tx *bolt.Tx) error {
		st, err := record(tx, "s")
		if err != nil {
			return err
		}
		if st.Seq != 8 || st.First != 7 {
			t.Errorf("straggler: seq %d first %d, want 8 and 7", st.Seq, st.First)
		}
		if st, _ := record(tx, "a"); st.Seq != 4 || st.First != 1 {
			t.Errorf("a: seq %d first %d, want 4 and 1", st.Seq, st.First)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// A change after the migration: a new sequence number, the old record gone.
	b := posting("b", "product-owner", "pmp")
	if res, err := s.Put(ctx, []Record{b}); err != nil || res.Updated != 1 {
		t.Fatalf("put changed b: %+v, %v", res, err)
	}
	want["b"] = b
	s.Close()
	s, err = Open(ctx, dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	checkMigrated(t, s, want)
}

// TestMigrationResumes: a migration stopped between two batches, as by a
// crash, leaves layout 1 whole and finishes on the next Open.
func TestMigrationResumes(t *testing.T) {
	testMigrationResumes(t, 2)
}

// TestMigrationResumesDeleting: a migration stopped while it empties the
// old buckets, everything copied, finishes on the next Open.
func TestMigrationResumesDeleting(t *testing.T) {
	testMigrationResumes(t, 5)
}

func testMigrationResumes(t *testing.T, crashAt int) {
	dir := t.TempDir()
	ctx := context.Background()
	l := newLayout1(t, dir)
	want := map[string]Record{}
	var recs []Record
	for i := range 250 {
		r := posting(fmt.Sprintf("p%03d", i), "product-owner")
		recs = append(recs, r)
		want[r.Posting.ID] = r
	}
	l.put(t, recs...)
	l.close(t)

	defer func(n int) { migrateBatch, afterMigrateBatch = n, nil }(migrateBatch)
	migrateBatch = 100
	crash := errors.New("crash")
	batches := 0
	afterMigrateBatch = func() error {
		batches++
		if batches == crashAt {
			return crash
		}
		return nil
	}
	if _, err := Open(ctx, dir, Options{}); !errors.Is(err, crash) {
		t.Fatalf("Open with a crash in the migration: %v", err)
	}
	// Batches 1-3 copy 100, 100 and 50 postings, 4-6 delete the old seq
	// bucket's keys. At 2: layout 1 whole, 200 copied; at 5: all copied,
	// 200 seq keys deleted.
	db, err := bolt.Open(filepath.Join(dir, "postings.db"), 0o644, nil)
	if err != nil {
		t.Fatal(err)
	}
	_ = db.View(func(tx *bolt.Tx) error {
		if n := tx.Bucket(bucketOldPostings).Stats().KeyN; n != 250 {
			t.Errorf("layout 1 holds %d postings after the crash, want 250", n)
		}
		copied, seqs := 200, 250
		if crashAt == 5 {
			copied, seqs = 250, 50
		}
		if n := tx.Bucket(bucketIDs).Stats().KeyN; n != copied {
			t.Errorf("layout 2 holds %d postings after the crash, want %d", n, copied)
		}
		if n := tx.Bucket(bucketOldSeq).Stats().KeyN; n != seqs {
			t.Errorf("the old seq bucket holds %d keys after the crash, want %d", n, seqs)
		}
		if v := tx.Bucket(bucketMeta).Get(keyLayout); v != nil {
			t.Errorf("layout %q recorded before the migration finished", v)
		}
		return nil
	})
	db.Close()

	afterMigrateBatch = nil
	s, err := Open(ctx, dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	checkMigrated(t, s, want)
}

// TestOpenMergesLayout1WrittenLater: what an older jobgap writes, in
// layout 1, to a store already in layout 2 is migrated by the next Open:
// a posting it changed replaces the layout-2 version, and one it added
// joins the others.
func TestOpenMergesLayout1WrittenLater(t *testing.T) {
	s, dir := openTest(t)
	ctx := context.Background()
	a, b := posting("a", "product-owner"), posting("b", "product-owner")
	if _, err := s.Put(ctx, []Record{a, b}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	l := newLayout1(t, dir)
	a2, c := posting("a", "product-owner", "cspo"), posting("c", "product-manager")
	l.put(t, a2, c)
	l.close(t)
	s, err := Open(ctx, dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	checkMigrated(t, s, map[string]Record{"a": a2, "b": b, "c": c})
	if c, err := s.Count(ctx, Filter{}, FieldCert); err != nil || c.N != 3 || c.Terms[FieldCert]["cspo"] != 1 {
		t.Errorf("Count = %+v, %v; want 3 with cspo 1", c, err)
	}
}
