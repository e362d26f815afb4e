package corpus

import (
	"bytes"
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/jobgap/jobgap/extract"
)

// The buckets of layout 2 (see doc.go). The large values, records and
// source documents, are keyed by sequence number, which only grows, so
// a batch of new postings is appended at the end of the file instead of
// being spread over its whole length; ids, the only bucket keyed by
// posting id, holds 30 to 70 bytes a posting.
var (
	bucketIDs     = []byte("ids")     // posting id -> entry (see entry)
	bucketRecords = []byte("records") // seq -> stored (JSON)
	bucketSources = []byte("sources") // seq -> extract.Raw (JSON)
	bucketMeta    = []byte("meta")
	keySeq        = []byte("seq")
	keyLayout     = []byte("layout") // meta: layoutVersion
)

// layoutVersion is the version of the buckets' layout, in meta "layout";
// a store without one has layout 1 and is migrated by Open (migrate.go).
const layoutVersion = "2"

// ErrNotFound is returned by Get and Raw for an unknown posting id.
var ErrNotFound = errors.New("no such posting")

// Store is an open data directory. It is safe for use by several
// goroutines, but only one process may open a directory at a time.
type Store struct {
	mu    sync.Mutex // serialises writers: store commit, then index, in order
	dir   string
	lock  *dirLock
	db    *bolt.DB
	index *index
	// readOnly: opened with Options.ReadOnly; Put and Reindex refuse.
	readOnly bool
}

// Options tune Open.
type Options struct {
	// Progress, if set, is told how far catching up or rebuilding the
	// index has got, in postings.
	Progress func(done, total int)
	// BatchSize is the number of postings per index batch; default 500.
	BatchSize int
	// ReadOnly opens the store for a command that adds or changes no
	// posting: Put and Reindex fail (audit snapshots and the HTTP cache
	// are still written). When the index is up to date, it is opened
	// without bleve's background merging, which would otherwise rewrite
	// index segments (and take a core) while a command that only counts
	// runs. Open still migrates the store and brings the index up to
	// date when they need it.
	ReadOnly bool
}

// ErrReadOnly is returned by Put and Reindex on a store opened with
// Options.ReadOnly.
var ErrReadOnly = errors.New("store opened read-only")

func (o Options) batchSize() int {
	if o.BatchSize > 0 {
		return o.BatchSize
	}
	return 500
}

// Open opens (creating if needed) the store in dir. It fails at once with
// an *InUseError when another process holds dir. If the index is missing,
// cannot be opened, or lags the store (after a crash), Open brings it up
// to date from the store before returning.
func Open(ctx context.Context, dir string, opts Options) (*Store, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("open data dir: %w", err)
	}
	lock, err := lockDir(dir)
	if err != nil {
		return nil, err
	}
	db, err := bolt.Open(filepath.Join(dir, "postings.db"), 0o644, &bolt.Options{Timeout: time.Second})
	if err != nil {
		lock.unlock()
		return nil, fmt.Errorf("open %s: %w", filepath.Join(dir, "postings.db"), err)
	}
	err = prepare(db)
	if err == nil {
		err = migrate(ctx, db)
	}
	if err != nil {
		db.Close()
		lock.unlock()
		return nil, fmt.Errorf("open %s: %w", dir, err)
	}
	s := &Store{dir: dir, lock: lock, db: db, readOnly: opts.ReadOnly}
	if opts.ReadOnly {
		if idx := s.openUpToDate(); idx != nil {
			s.index = idx
			return s, nil
		}
	}
	if idx, err := openIndex(filepath.Join(dir, "index.bleve"), false); err == nil && idx.current() {
		s.index = idx
	} else {
		if err == nil {
			idx.close() // made by an older version: rebuilt below
		}
		if err := s.resetIndex(); err != nil {
			// The index is derived data: resetIndex started it again, and
			// catchUp below fills it from the store.
			s.Close()
			return nil, err
		}
	}
	if err := s.checkLinks(); err != nil {
		s.Close()
		return nil, err
	}
	if err := s.catchUp(ctx, opts); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// openUpToDate opens the index read-only when nothing Open does would
// change it: duplicates linked by this dedup version, the index built
// with this mapping and holding every posting of the store. It returns
// nil otherwise, or when the index does not open.
func (s *Store) openUpToDate() *index {
	if !s.linkedByThisVersion() {
		return nil
	}
	want, err := s.lastSeq()
	if err != nil {
		return nil
	}
	idx, err := openIndex(filepath.Join(s.dir, "index.bleve"), true)
	if err != nil {
		return nil
	}
	if have, err := idx.seq(); err != nil || have != want || !idx.current() {
		idx.close()
		return nil
	}
	return idx
}

// buckets are the buckets of the current layout.
var buckets = [][]byte{bucketIDs, bucketRecords, bucketSources, bucketMeta, bucketDupKey, bucketSimGroup, bucketHTTP}

// prepare creates the buckets of the current layout and records the
// layout in a new store. A store that has them all is only read: a
// write transaction costs an fsync, which a command that only reads
// (stats, compare) should not pay on every start.
func prepare(db *bolt.DB) error {
	ready := false
	err := db.View(func(tx *bolt.Tx) error {
		for _, b := range buckets {
			if tx.Bucket(b) == nil {
				return nil
			}
		}
		ready = tx.Bucket(bucketOldPostings) == nil && string(tx.Bucket(bucketMeta).Get(keyLayout)) == layoutVersion
		return nil
	})
	if err != nil || ready {
		return err
	}
	return db.Update(func(tx *bolt.Tx) error {
		for _, b := range buckets {
			if _, err := tx.CreateBucketIfNotExists(b); err != nil {
				return err
			}
		}
		if tx.Bucket(bucketOldPostings) == nil {
			return tx.Bucket(bucketMeta).Put(keyLayout, []byte(layoutVersion))
		}
		return nil // layout 1: migrated by migrate
	})
}

// Dir returns the data directory.
func (s *Store) Dir() string { return s.dir }

// Close closes the index and the store and releases the directory.
func (s *Store) Close() error {
	var errs []error
	if s.index != nil {
		errs = append(errs, s.index.close())
		s.index = nil
	}
	if s.db != nil {
		errs = append(errs, s.db.Close())
		s.db = nil
	}
	if s.lock != nil {
		s.lock.unlock()
		s.lock = nil
	}
	return errors.Join(errs...)
}

// Record is one posting with the source document it was extracted from.
type Record struct {
	Raw     extract.Raw
	Posting extract.Posting
}

// linkedByThisVersion reports whether the store's duplicates were linked
// by this dedupVersion.
func (s *Store) linkedByThisVersion() bool {
	same := false
	_ = s.db.View(func(tx *bolt.Tx) error {
		same = string(tx.Bucket(bucketMeta).Get(keyDedup)) == dedupVersion
		return nil
	})
	return same
}

// checkLinks links duplicates again when the store was linked by another
// dedup version (or before dedup existed), and then rebuilds the index.
func (s *Store) checkLinks() error {
	if s.linkedByThisVersion() {
		return nil
	}
	changed, err := s.relink()
	if err != nil {
		return err
	}
	if changed {
		return s.resetIndex()
	}
	return nil
}

// Outcome is what Put did with one record.
type Outcome int

// Outcomes of Put.
const (
	Added     Outcome = iota + 1 // an id not seen before
	Updated                      // an id seen before whose posting changed
	Unchanged                    // an id seen before with the same posting: nothing written
)

// PutResult says what Put did with the records: totals, and the outcome
// of each record in the order given. DupOf holds, for each record, the id
// of the posting it duplicates ("" for none: see dedup.go); Duplicates
// counts the records with one, whatever their outcome.
type PutResult struct {
	Added      int
	Updated    int
	Unchanged  int
	Duplicates int
	Outcomes   []Outcome
	DupOf      []string
}

func (r *PutResult) note(o Outcome, dupOf string) {
	r.Outcomes = append(r.Outcomes, o)
	r.DupOf = append(r.DupOf, dupOf)
	if dupOf != "" {
		r.Duplicates++
	}
	switch o {
	case Added:
		r.Added++
	case Updated:
		r.Updated++
	case Unchanged:
		r.Unchanged++
	}
}

// stored is the value in the records bucket.
type stored struct {
	Seq     uint64          `json:"seq"`
	First   uint64          `json:"first,omitempty"` // Seq when the id was first added
	Hash    string          `json:"hash"`
	DupOf   string          `json:"dup_of,omitempty"` // the canonical posting this one duplicates
	Posting extract.Posting `json:"posting"`
}

// entry is the value in the ids bucket: where a posting's record and
// source are, and what Put needs to tell an unchanged posting without
// reading its record: seq (8 bytes, big-endian) | hash (16 bytes, the
// record's Hash decoded) | dup_of (the rest, empty for none).
type entry struct {
	seq   uint64
	hash  [16]byte
	dupOf string
}

func (e entry) encode() []byte {
	v := make([]byte, 24, 24+len(e.dupOf))
	binary.BigEndian.PutUint64(v, e.seq)
	copy(v[8:], e.hash[:])
	return append(v, e.dupOf...)
}

func decodeEntry(v []byte) (entry, error) {
	if len(v) < 24 {
		return entry{}, fmt.Errorf("bad ids entry of %d bytes", len(v))
	}
	e := entry{seq: binary.BigEndian.Uint64(v), dupOf: string(v[24:])}
	copy(e.hash[:], v[8:24])
	return e, nil
}

// entryOf is the ids entry of a record.
func entryOf(st stored) entry {
	return entry{seq: st.Seq, hash: hashBytes(st.Hash), dupOf: st.DupOf}
}

// hashBytes decodes a record's Hash. One that does not decode (none is
// written) gives zeros: the posting then counts as changed when it is
// next put, and is written again, which is harmless.
func hashBytes(h string) (b [16]byte) {
	_, _ = hex.Decode(b[:], []byte(h))
	return b
}

// lookup returns the ids entry of id; ok is false when there is none.
func lookup(ids *bolt.Bucket, id string) (e entry, ok bool, err error) {
	v := ids.Get([]byte(id))
	if v == nil {
		return entry{}, false, nil
	}
	e, err = decodeEntry(v)
	if err != nil {
		return entry{}, false, fmt.Errorf("posting %s: %w", id, err)
	}
	return e, true, nil
}

// record reads the record of the posting id, nil when there is none.
func record(tx *bolt.Tx, id string) (*stored, error) {
	e, ok, err := lookup(tx.Bucket(bucketIDs), id)
	if err != nil || !ok {
		return nil, err
	}
	v := tx.Bucket(bucketRecords).Get(seqKey(e.seq))
	if v == nil {
		return nil, fmt.Errorf("posting %s: no record at sequence %d", id, e.seq)
	}
	var st stored
	if err := json.Unmarshal(v, &st); err != nil {
		return nil, fmt.Errorf("posting %s: %w", id, err)
	}
	return &st, nil
}

func hashPosting(p extract.Posting) (string, []byte, error) {
	b, err := json.Marshal(p)
	if err != nil {
		return "", nil, err
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:16]), b, nil
}

func seqKey(n uint64) []byte {
	var k [8]byte
	binary.BigEndian.PutUint64(k[:], n)
	return k[:]
}

// appendOnly sets the fill percent of buckets keyed by sequence number:
// keys only ever go at the end, so pages split full (bbolt's default,
// 0.5, leaves every page half empty when keys come in order). It is a
// property of the bucket handle, so it is set in each transaction.
func appendOnly(bs ...*bolt.Bucket) {
	for _, b := range bs {
		b.FillPercent = 1.0
	}
}

// Put saves records in one transaction, then indexes them. Records whose
// id is already stored with an identical posting are left alone, so
// importing the same postings twice keeps one of each. A record added or
// changed is linked to the posting it duplicates, if any (see dedup.go):
// it is kept, and counted only with Filter.IncludeDuplicates. When Put returns
// without error every record is durable on disk; an error from indexing
// is returned too, but the records are saved and the next Open indexes
// them.
//
// A changed posting is written under a new sequence number, and its old
// record and source deleted, in the same transaction: new and changed
// postings are appended at the end of the records and sources buckets.
func (s *Store) Put(ctx context.Context, recs []Record) (PutResult, error) {
	var res PutResult
	if err := ctx.Err(); err != nil {
		return res, err
	}
	if s.readOnly {
		return res, ErrReadOnly
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	changed := make([]indexed, 0, len(recs))
	var prev, last uint64
	err := s.db.Update(func(tx *bolt.Tx) error {
		ids, records, sources, meta := tx.Bucket(bucketIDs), tx.Bucket(bucketRecords), tx.Bucket(bucketSources), tx.Bucket(bucketMeta)
		appendOnly(records, sources)
		dd := newDeduper(tx)
		prev = decodeSeq(meta.Get(keySeq))
		next := prev
		inBatch := make(map[string]int, len(recs)) // id -> index in changed
		for _, r := range recs {
			p := r.Posting
			if p.ID == "" {
				return fmt.Errorf("put: posting %q has no id", p.Title)
			}
			hash, _, err := hashPosting(p)
			if err != nil {
				return fmt.Errorf("put %s: %w", p.ID, err)
			}
			outcome := Added
			first := next + 1
			old, ok, err := lookup(ids, p.ID)
			if err != nil {
				return fmt.Errorf("put: %w", err)
			}
			if ok {
				if old.hash == hashBytes(hash) {
					res.note(Unchanged, old.dupOf)
					continue
				}
				// Changed: the old record is needed to unlink it. It is
				// deleted only here, in the transaction that writes the
				// new one.
				var st stored
				if err := json.Unmarshal(records.Get(seqKey(old.seq)), &st); err != nil {
					return fmt.Errorf("put %s: stored record: %w", p.ID, err)
				}
				if err := records.Delete(seqKey(old.seq)); err != nil {
					return err
				}
				if err := sources.Delete(seqKey(old.seq)); err != nil {
					return err
				}
				if err := dd.unlink(st.Posting, p.ID); err != nil {
					return err
				}
				outcome, first = Updated, cmp.Or(st.First, st.Seq)
				if _, dup := inBatch[p.ID]; dup {
					outcome = Unchanged // the same id twice in one batch: the later wins
				}
			}
			dupOf, err := dd.link(p, p.ID)
			if err != nil {
				return fmt.Errorf("put %s: link duplicates: %w", p.ID, err)
			}
			res.note(outcome, dupOf)
			next++
			st := stored{Seq: next, First: first, Hash: hash, DupOf: dupOf, Posting: p}
			val, err := json.Marshal(st)
			if err != nil {
				return fmt.Errorf("put %s: %w", p.ID, err)
			}
			rawVal, err := json.Marshal(r.Raw)
			if err != nil {
				return fmt.Errorf("put %s: raw: %w", p.ID, err)
			}
			if err := records.Put(seqKey(next), val); err != nil {
				return err
			}
			if err := sources.Put(seqKey(next), rawVal); err != nil {
				return err
			}
			if err := ids.Put([]byte(p.ID), entryOf(st).encode()); err != nil {
				return err
			}
			if i, dup := inBatch[p.ID]; dup {
				changed[i] = indexed{p, dupOf}
			} else {
				inBatch[p.ID] = len(changed)
				changed = append(changed, indexed{p, dupOf})
			}
		}
		last = next
		return meta.Put(keySeq, seqKey(next))
	})
	if err != nil {
		return PutResult{}, fmt.Errorf("save postings: %w", err)
	}
	unmapPages(s.db)
	if len(changed) == 0 {
		return res, nil
	}
	have, err := s.index.seq()
	if err == nil {
		if have == prev {
			err = s.index.put(changed, last)
		} else {
			// An earlier batch did not reach the index: catch up instead.
			err = s.indexFrom(ctx, have, last, Options{})
		}
	}
	if err != nil {
		return res, fmt.Errorf("index postings (they are saved; the next open indexes them): %w", err)
	}
	return res, nil
}

func decodeSeq(b []byte) uint64 {
	if len(b) != 8 {
		return 0
	}
	return binary.BigEndian.Uint64(b)
}

// lastSeq returns the highest sequence number the store has used.
func (s *Store) lastSeq() (uint64, error) {
	var n uint64
	err := s.db.View(func(tx *bolt.Tx) error {
		n = decodeSeq(tx.Bucket(bucketMeta).Get(keySeq))
		return nil
	})
	return n, err
}

// catchUp indexes every posting whose sequence number is above the one the
// index last recorded.
func (s *Store) catchUp(ctx context.Context, opts Options) error {
	have, err := s.index.seq()
	if err != nil {
		return err
	}
	want, err := s.lastSeq()
	if err != nil {
		return err
	}
	if have == want {
		return nil
	}
	if have > want {
		// The index claims postings the store never had: it belongs to
		// another store. Start it again.
		if err := s.resetIndex(); err != nil {
			return err
		}
		have = 0
	}
	return s.indexFrom(ctx, have, want, opts)
}

// indexFrom indexes postings with sequence numbers in (from, to], reading
// the records bucket in order.
func (s *Store) indexFrom(ctx context.Context, from, to uint64, opts Options) error {
	total := 0
	_ = s.db.View(func(tx *bolt.Tx) error {
		if from == 0 {
			// Every posting: counted in the small ids bucket rather than
			// by reading a key from each page of records.
			total = tx.Bucket(bucketIDs).Stats().KeyN
			return nil
		}
		c := tx.Bucket(bucketRecords).Cursor()
		for k, _ := c.Seek(seqKey(from + 1)); k != nil; k, _ = c.Next() {
			total++
		}
		return nil
	})
	done := 0
	batch := make([]indexed, 0, opts.batchSize())
	flush := func(upto uint64) error {
		if err := s.index.put(batch, upto); err != nil {
			return fmt.Errorf("rebuild index: %w", err)
		}
		done += len(batch)
		batch = batch[:0]
		if opts.Progress != nil {
			opts.Progress(done, total)
		}
		return nil
	}
	cursor := from
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		var upto uint64
		err := s.db.View(func(tx *bolt.Tx) error {
			c := tx.Bucket(bucketRecords).Cursor()
			for k, v := c.Seek(seqKey(cursor + 1)); k != nil && len(batch) < cap(batch); k, v = c.Next() {
				var st stored
				if err := json.Unmarshal(v, &st); err != nil {
					return fmt.Errorf("record %d: %w", decodeSeq(k), err)
				}
				batch = append(batch, indexed{st.Posting, st.DupOf})
				upto = decodeSeq(k)
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("rebuild index: %w", err)
		}
		if len(batch) == 0 {
			break
		}
		cursor = upto
		unmapPages(s.db)
		if err := flush(upto); err != nil {
			return err
		}
	}
	// Record the store's sequence even if the last postings were
	// replaced (their old numbers are gone), so the next Open is quiet.
	return s.index.setSeq(to)
}

func (s *Store) resetIndex() error {
	path := filepath.Join(s.dir, "index.bleve")
	if s.index != nil {
		_ = s.index.close()
		s.index = nil
	}
	if err := os.RemoveAll(path); err != nil {
		return fmt.Errorf("remove index: %w", err)
	}
	idx, err := createIndex(path)
	if err != nil {
		return err
	}
	s.index = idx
	return nil
}

// Reindex rebuilds the index from the store. When extract is non-nil,
// every posting is first extracted again from its stored source document
// (after a taxonomy change, say); a source document that no longer
// extracts keeps its old posting and is reported in the returned errors.
func (s *Store) Reindex(ctx context.Context, reextract func(extract.Raw) (extract.Posting, error), opts Options) ([]error, error) {
	if s.readOnly {
		return nil, ErrReadOnly
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var problems []error
	if reextract != nil {
		var err error
		problems, err = s.reextract(ctx, reextract, opts)
		if err != nil {
			return problems, err
		}
		// Titles and descriptions may have changed: link again.
		if _, err := s.relink(); err != nil {
			return problems, err
		}
	}
	if err := s.resetIndex(); err != nil {
		return problems, err
	}
	last, err := s.lastSeq()
	if err != nil {
		return problems, err
	}
	return problems, s.indexFrom(ctx, 0, last, opts)
}

func (s *Store) reextract(ctx context.Context, fn func(extract.Raw) (extract.Posting, error), opts Options) ([]error, error) {
	var problems []error
	var after uint64 // the last sequence number done
	for {
		if err := ctx.Err(); err != nil {
			return problems, err
		}
		n := 0
		err := s.db.Update(func(tx *bolt.Tx) error {
			ids, records, sources := tx.Bucket(bucketIDs), tx.Bucket(bucketRecords), tx.Bucket(bucketSources)
			// The sequence numbers of this batch first: a cursor is not
			// for a bucket that is being written.
			var seqs []uint64
			c := records.Cursor()
			for k, _ := c.Seek(seqKey(after + 1)); k != nil && len(seqs) < opts.batchSize(); k, _ = c.Next() {
				seqs = append(seqs, decodeSeq(k))
			}
			n = len(seqs)
			for _, seq := range seqs {
				after = seq
				var st stored
				if err := json.Unmarshal(records.Get(seqKey(seq)), &st); err != nil {
					return fmt.Errorf("record %d: %w", seq, err)
				}
				id := st.Posting.ID
				var r extract.Raw
				if err := json.Unmarshal(sources.Get(seqKey(seq)), &r); err != nil {
					problems = append(problems, fmt.Errorf("posting %s: stored source: %w", id, err))
					continue
				}
				p, err := fn(r)
				if err != nil {
					problems = append(problems, fmt.Errorf("posting %s (%s): %w", id, r.Origin, err))
					continue
				}
				p.ID = id // the id stays: other records and snapshots point to it
				hash, _, err := hashPosting(p)
				if err != nil {
					return err
				}
				if hash == st.Hash {
					continue
				}
				// Changed in place, under the same sequence number: the
				// whole index is rebuilt after.
				st.Hash, st.Posting = hash, p
				val, err := json.Marshal(st)
				if err != nil {
					return err
				}
				if err := records.Put(seqKey(seq), val); err != nil {
					return err
				}
				if err := ids.Put([]byte(id), entryOf(st).encode()); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return problems, fmt.Errorf("re-extract: %w", err)
		}
		unmapPages(s.db)
		if n == 0 {
			return problems, nil
		}
	}
}

// Len returns the number of postings stored.
func (s *Store) Len() (int, error) {
	var n int
	err := s.db.View(func(tx *bolt.Tx) error {
		n = tx.Bucket(bucketIDs).Stats().KeyN
		return nil
	})
	return n, err
}

// Get returns the posting with the given id.
func (s *Store) Get(id string) (extract.Posting, error) {
	var p extract.Posting
	err := s.db.View(func(tx *bolt.Tx) error {
		st, err := record(tx, id)
		if err != nil {
			return err
		}
		if st == nil {
			return fmt.Errorf("posting %q: %w", id, ErrNotFound)
		}
		p = st.Posting
		return nil
	})
	return p, err
}

// unmapRecords is how many records Postings reads
// between drops of its mapping of postings.db (unmapTx).
const unmapRecords = 1024

// Lean says what PostingsLean leaves out of each posting, for callers
// that do not read it: the postings of a title can run to hundreds of
// megabytes, most of it descriptions.
type Lean uint8

// What PostingsLean can leave out.
const (
	NoEvidence    Lean = 1 << iota // each tag's Evidence
	NoDescription                  // the Description
)

// Postings returns the postings with the given ids, in the same order,
// decoded on every core, each core in one read transaction. An unknown id
// is an error wrapping ErrNotFound.
func (s *Store) Postings(ctx context.Context, ids []string) ([]extract.Posting, error) {
	return s.PostingsLean(ctx, ids, 0)
}

// PostingsLean is Postings leaving out of each posting what lean says,
// as it is read.
func (s *Store) PostingsLean(ctx context.Context, ids []string, lean Lean) ([]extract.Posting, error) {
	const chunk = 64 // ids a worker takes at a time: the workers finish together
	out := make([]extract.Posting, len(ids))
	workers := min(runtime.GOMAXPROCS(0), (len(ids)+chunk-1)/chunk)
	errs := make([]error, workers)
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := range workers {
		// A bbolt transaction is not for several goroutines: one each.
		wg.Go(func() {
			errs[w] = s.db.View(func(tx *bolt.Tx) error {
				for {
					if err := ctx.Err(); err != nil {
						return err
					}
					from := int(next.Add(chunk)) - chunk
					if from >= len(ids) {
						return nil
					}
					if from > 0 && from%unmapRecords < chunk {
						// Once per unmapRecords, by the worker that took
						// this chunk: it drops every worker's pages.
						unmapTx(tx)
					}
					for i := from; i < min(from+chunk, len(ids)); i++ {
						st, err := record(tx, ids[i])
						if err != nil {
							return err
						}
						if st == nil {
							return fmt.Errorf("posting %q: %w", ids[i], ErrNotFound)
						}
						out[i] = st.Posting
						if lean&NoDescription != 0 {
							out[i].Description = ""
						}
						if lean&NoEvidence != 0 {
							for j := range out[i].Tags {
								out[i].Tags[j].Evidence = ""
							}
						}
					}
				}
			})
			if errs[w] != nil {
				next.Store(int64(len(ids))) // stop the others
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Raw returns the source document of the posting with the given id.
func (s *Store) Raw(id string) (extract.Raw, error) {
	var r extract.Raw
	err := s.db.View(func(tx *bolt.Tx) error {
		e, ok, err := lookup(tx.Bucket(bucketIDs), id)
		if err != nil {
			return err
		}
		if !ok {
			return fmt.Errorf("posting %q: %w", id, ErrNotFound)
		}
		v := tx.Bucket(bucketSources).Get(seqKey(e.seq))
		if v == nil {
			return fmt.Errorf("posting %s: no source at sequence %d", id, e.seq)
		}
		return json.Unmarshal(v, &r)
	})
	return r, err
}

// Each calls fn for every stored posting in id order, stopping at the
// first error. Postings are read in pages, so fn may take its time without
// holding the store.
func (s *Store) Each(ctx context.Context, fn func(extract.Posting) error) error {
	const page = 500
	var after []byte
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		var batch []extract.Posting
		err := s.db.View(func(tx *bolt.Tx) error {
			records := tx.Bucket(bucketRecords)
			c := tx.Bucket(bucketIDs).Cursor()
			var k, v []byte
			if after == nil {
				k, v = c.First()
			} else {
				k, v = c.Seek(after)
				if k != nil && bytes.Equal(k, after) {
					k, v = c.Next()
				}
			}
			for ; k != nil && len(batch) < page; k, v = c.Next() {
				e, err := decodeEntry(v)
				if err != nil {
					return fmt.Errorf("posting %s: %w", k, err)
				}
				var st stored
				if err := json.Unmarshal(records.Get(seqKey(e.seq)), &st); err != nil {
					return fmt.Errorf("posting %s: %w", k, err)
				}
				batch = append(batch, st.Posting)
				after = append(after[:0], k...)
			}
			return nil
		})
		if err != nil {
			return err
		}
		if len(batch) == 0 {
			return nil
		}
		for _, p := range batch {
			if err := fn(p); err != nil {
				return err
			}
		}
	}
}
