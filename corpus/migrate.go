package corpus

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// Layout 1, before the records were keyed by sequence number:
//
//	raw       posting id -> extract.Raw (JSON)
//	postings  posting id -> stored (JSON)
//	seq       sequence number -> posting id
//
// Posting ids are hashes, so each batch of new postings went to random
// places in raw and postings, and bbolt read and rewrote pages across
// the whole file: an import's resident memory grew with the store.
var (
	bucketOldRaw      = []byte("raw")
	bucketOldPostings = []byte("postings")
	bucketOldSeq      = []byte("seq")
	// keyMigrated, in meta while a migration runs: the last layout-1
	// sequence number copied.
	keyMigrated = []byte("migrated")
)

// migrateBatch is the number of postings migrate copies per transaction
// (a variable for tests).
var migrateBatch = 1000

// afterMigrateBatch, when set (by tests), is called after each committed
// batch of a migration; an error stops the migration there, as a crash
// would.
var afterMigrateBatch func() error

// migrate copies a store of layout 1 into the buckets of layout 2, then
// empties the old buckets and, in one last transaction, deletes them and
// records the layout. The copy is made in batches, each one transaction
// that also records how far it got (meta "migrated"), so an interrupted
// migration resumes where it stopped; until every posting is copied the
// old buckets are untouched and remain the truth, so no posting can be
// lost. Every step works in batches and drops the pages it read from
// the process's mapping (unmapPages), so its memory does not grow with
// the store; deleting the old buckets whole would read them whole in one
// transaction.
//
// The copy goes in sequence order through the old seq bucket, so the new
// buckets are written in key order. A posting the ids bucket already has
// under a later sequence number (written by this version, should an older
// jobgap have written to the store after it was migrated) is not copied
// over it. A posting of the old postings bucket that the seq bucket did
// not name, which layout 1 never wrote, is copied under a new sequence
// number, so the index catches up with it.
func migrate(ctx context.Context, db *bolt.DB) error {
	var old bool
	_ = db.View(func(tx *bolt.Tx) error {
		old = tx.Bucket(bucketOldPostings) != nil
		return nil
	})
	if !old {
		return nil
	}
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		n := 0
		err := db.Update(func(tx *bolt.Tx) error {
			meta, seqs := tx.Bucket(bucketMeta), tx.Bucket(bucketOldSeq)
			if seqs == nil {
				return nil
			}
			var last uint64
			c := seqs.Cursor()
			for k, v := c.Seek(seqKey(decodeSeq(meta.Get(keyMigrated)) + 1)); k != nil && n < migrateBatch; k, v = c.Next() {
				last = decodeSeq(k)
				n++
				if err := migrateOne(tx, string(v), last, false); err != nil {
					return err
				}
			}
			if n == 0 {
				return nil
			}
			return meta.Put(keyMigrated, seqKey(last))
		})
		if err != nil {
			return fmt.Errorf("migrate to layout %s: %w", layoutVersion, err)
		}
		if n == 0 {
			break
		}
		unmapPages(db)
		if afterMigrateBatch != nil {
			if err := afterMigrateBatch(); err != nil {
				return err
			}
		}
	}
	// Postings the seq bucket did not name, read in pages of keys.
	var missed []string
	var after []byte
	for {
		n := 0
		err := db.View(func(tx *bolt.Tx) error {
			ids := tx.Bucket(bucketIDs)
			c := tx.Bucket(bucketOldPostings).Cursor()
			k, _ := c.First()
			if after != nil {
				if k, _ = c.Seek(after); k != nil && bytes.Equal(k, after) {
					k, _ = c.Next()
				}
			}
			for ; k != nil && n < 5*migrateBatch; k, _ = c.Next() {
				n++
				if ids.Get(k) == nil {
					missed = append(missed, string(k))
				}
				after = append(after[:0], k...)
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("migrate to layout %s: %w", layoutVersion, err)
		}
		unmapPages(db)
		if n == 0 {
			break
		}
	}
	var err error
	for start := 0; err == nil && start < len(missed); start += migrateBatch {
		err = db.Update(func(tx *bolt.Tx) error {
			for _, id := range missed[start:min(start+migrateBatch, len(missed))] {
				if err := migrateOne(tx, id, 0, true); err != nil {
					return err
				}
			}
			return nil
		})
	}
	// Every layout-1 posting is now in layout 2, as it is or superseded
	// by a later version. The old buckets are emptied in batches (a
	// bucket deleted whole is read whole, in one transaction) and then
	// deleted with the layout recorded. Should this stop halfway, the
	// next Open finds nothing more to copy above, and goes on here.
	for _, name := range [][]byte{bucketOldSeq, bucketOldPostings, bucketOldRaw} {
		for err == nil {
			n := 0
			err = db.Update(func(tx *bolt.Tx) error {
				b := tx.Bucket(name)
				if b == nil {
					return nil
				}
				var keys [][]byte
				c := b.Cursor()
				for k, _ := c.First(); k != nil && len(keys) < migrateBatch; k, _ = c.Next() {
					keys = append(keys, bytes.Clone(k))
				}
				n = len(keys)
				for _, k := range keys {
					if err := b.Delete(k); err != nil {
						return err
					}
				}
				return nil
			})
			unmapPages(db)
			if n == 0 {
				break
			}
			if err == nil && afterMigrateBatch != nil {
				err = afterMigrateBatch()
			}
		}
	}
	if err == nil {
		err = db.Update(func(tx *bolt.Tx) error {
			for _, b := range [][]byte{bucketOldRaw, bucketOldPostings, bucketOldSeq} {
				if err := tx.DeleteBucket(b); err != nil && !errors.Is(err, bolt.ErrBucketNotFound) {
					return err
				}
			}
			meta := tx.Bucket(bucketMeta)
			if err := meta.Delete(keyMigrated); err != nil {
				return err
			}
			return meta.Put(keyLayout, []byte(layoutVersion))
		})
	}
	if err != nil {
		return fmt.Errorf("migrate to layout %s: %w", layoutVersion, err)
	}
	return nil
}

// migrateOne copies the layout-1 posting id, which the old seq bucket
// names at seq, into the layout-2 buckets. With renumber, it gets the
// next sequence number instead.
func migrateOne(tx *bolt.Tx, id string, seq uint64, renumber bool) error {
	v := tx.Bucket(bucketOldPostings).Get([]byte(id))
	if v == nil {
		return nil // a stale seq entry: nothing to copy
	}
	var st stored
	if err := json.Unmarshal(v, &st); err != nil {
		return fmt.Errorf("posting %s: %w", id, err)
	}
	if !renumber && st.Seq != seq {
		return nil // a stale seq entry: the posting's own is elsewhere
	}
	ids, records, sources, meta := tx.Bucket(bucketIDs), tx.Bucket(bucketRecords), tx.Bucket(bucketSources), tx.Bucket(bucketMeta)
	appendOnly(records, sources)
	have, ok, err := lookup(ids, id)
	if err != nil {
		return err
	}
	if ok {
		if have.seq >= st.Seq {
			return nil // layout 2 has this posting as it was later
		}
		// Layout 2 has an earlier version: replace it.
		if err := records.Delete(seqKey(have.seq)); err != nil {
			return err
		}
		if err := sources.Delete(seqKey(have.seq)); err != nil {
			return err
		}
	}
	if renumber {
		last := decodeSeq(meta.Get(keySeq))
		if err := meta.Put(keySeq, seqKey(last+1)); err != nil {
			return err
		}
		st.First, st.Seq = cmp.Or(st.First, st.Seq), last+1
		if v, err = json.Marshal(st); err != nil {
			return err
		}
	}
	if err := records.Put(seqKey(st.Seq), v); err != nil {
		return err
	}
	if raw := tx.Bucket(bucketOldRaw).Get([]byte(id)); raw != nil {
		if err := sources.Put(seqKey(st.Seq), raw); err != nil {
			return err
		}
	}
	return ids.Put([]byte(id), entryOf(st).encode())
}
