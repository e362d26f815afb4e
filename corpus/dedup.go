package corpus

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"math/bits"
	"slices"
	"strings"
	"unicode"

	bolt "go.etcd.io/bbolt"

	"github.com/jobgap/jobgap/extract"
)

// Dedup: the same job posted on two boards, or once per city, is one
// posting for counting. A posting added or changed by Put is linked to
// an earlier one (its canonical) when
//
//   - exact: they have the same exact key: SHA-256 of the normalized
//     company, the normalized title and the description's words; or
//   - near: they share the normalized company and title group (the title
//     family and seniority when the title has a family, else the
//     normalized title), and the SimHashes of their descriptions differ in
//     at most NearThreshold of 64 bits.
//
// Normalized company: lower-cased words of letters and digits, legal
// suffixes (inc, llc, ltd, gmbh, ...) dropped. A posting without a company
// or without a description is never linked; near matching needs at least
// minNearWords words of description, because the SimHash of a short text
// moves too much with one word.
//
// SimHash: each 3-word shingle of the lower-cased description words is
// hashed with 64-bit FNV-1a; bit i of the SimHash is set when more
// shingles have bit i set than not. The threshold of 6 bits was measured
// on the 84 demo postings (about 110 words each; TestSimHashThreshold):
// replacing one word moves the SimHash by at most 3 bits in about 40% of
// cases, at most 6 in about 85%, while no two different postings came
// closer than 17 bits. Longer descriptions move less.
//
// Candidates are the canonical postings of the same company and title
// group: bucket simgroup holds one key per canonical posting, group |
// SimHash | id, and link reads the group's keys (a prefix) and compares
// each. Groups are small (in 100,000 generated postings: 1.7 canonical
// postings a group, 13 at most), and one key a posting keeps the bucket,
// which an import writes at random places, small: 8 keys a posting, one
// per band of 8 bits (dedup version 1), made it the largest part of
// postings.db that an import rewrote all over, 67 MB at 100,000 postings.
// The cost is a scan of the whole group per posting, linear in its size
// where bands read 1/256 of it per band. Only canonical postings are
// entered in the buckets, so a duplicate always points at a posting that
// is not itself a duplicate, and the canonical is the posting seen first.

// NearThreshold is the largest Hamming distance between two SimHashes
// that still makes two postings of one company and title group the same
// job.
const NearThreshold = 6

// minNearWords is the fewest description words near matching works on.
const minNearWords = 40

var (
	bucketDupKey   = []byte("dupkey")   // exact key (16 bytes) -> canonical id
	bucketSimGroup = []byte("simgroup") // group (8) | simhash (8) | id -> nothing
	keyDedup       = []byte("dedup")    // meta: dedup version the links were made with
	// simband, of dedup version 1: group (8) | band (1) | band value (1)
	// | id -> simhash (8), 8 keys per canonical posting. relink drops it.
	bucketOldSimBand = []byte("simband")
)

// dedupVersion changes whenever the keys change; Open then links the
// whole store again.
//
// 2: one simgroup key per canonical posting instead of 8 simband keys;
// the links made are the same.
const dedupVersion = "2"

// dupKeys are the dedup keys of one posting.
type dupKeys struct {
	exact []byte // nil: no exact matching
	group []byte // nil: no near matching
	sim   uint64
}

var legalSuffixes = map[string]bool{
	"inc": true, "incorporated": true, "llc": true, "ltd": true, "limited": true, "gmbh": true, "ag": true,
	"bv": true, "nv": true, "sa": true, "sas": true, "sarl": true, "srl": true, "spa": true, "plc": true,
	"corp": true, "corporation": true, "co": true, "company": true, "oy": true, "ab": true, "as": true,
	"aps": true, "kg": true, "se": true, "pty": true, "pte": true, "lp": true, "llp": true,
}

// words returns the lower-cased words of letters and digits of s.
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// normCompany is the company as dedup compares it: "Acme, Inc." and
// "ACME inc" are both "acme".
func normCompany(s string) string {
	w := words(s)
	for len(w) > 1 && legalSuffixes[w[len(w)-1]] {
		w = w[:len(w)-1]
	}
	return strings.Join(w, " ")
}

func keysOf(p extract.Posting) dupKeys {
	var k dupKeys
	company := normCompany(p.Company)
	desc := words(p.Description)
	if company == "" || len(desc) == 0 {
		return k
	}
	title := strings.Join(words(p.Title), " ")
	h := sha256.New()
	for _, s := range []string{company, title} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	for _, w := range desc {
		h.Write([]byte(w))
		h.Write([]byte{' '})
	}
	k.exact = h.Sum(nil)[:16]
	if len(desc) < minNearWords {
		return k
	}
	group := title
	if p.Family != "" {
		group = p.Family + "/" + p.Seniority
	}
	g := sha256.Sum256([]byte(company + "\x00" + group))
	k.group = g[:8]
	k.sim = simHash(desc)
	return k
}

// simHash is the 64-bit SimHash of the 3-word shingles of ws: bit b is
// set when more shingles have FNV-1a hashes with bit b set than without.
//
// It runs once per posting inside the store's write transaction, so it
// is written for speed (BenchmarkSimHash: several times the plain
// loop, simHashPlain in the tests, which it must equal): the hash is
// computed over the strings without copying them, and the 64 counters
// are kept as bytes, eight to a uint64, each byte lane added with one
// table lookup and flushed before it can overflow.
func simHash(ws []string) uint64 {
	n := len(ws) - 2 // shingles
	if n <= 0 {
		return 0
	}
	var ones [64]int    // shingles with each bit set
	var lanes [8]uint64 // byte counters: lanes[j] byte k counts bit 8j+k
	pending := 0
	flush := func() {
		for j, l := range lanes {
			for k := range 8 {
				ones[8*j+k] += int(l >> (8 * k) & 0xff)
			}
		}
		lanes = [8]uint64{}
		pending = 0
	}
	for i := range n {
		v := uint64(fnvOffset)
		v = fnvString(v, ws[i])
		v = (v ^ ' ') * fnvPrime
		v = fnvString(v, ws[i+1])
		v = (v ^ ' ') * fnvPrime
		v = fnvString(v, ws[i+2])
		for j := range 8 {
			lanes[j] += spreadBits[v>>(8*j)&0xff]
		}
		if pending++; pending == 255 {
			flush()
		}
	}
	flush()
	var out uint64
	for b, c := range ones {
		if 2*c > n { // more set than unset
			out |= 1 << b
		}
	}
	return out
}

// FNV-1a, 64 bits.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func fnvString(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * fnvPrime
	}
	return h
}

// spreadBits[x] has byte k equal to bit k of x.
var spreadBits = func() (t [256]uint64) {
	for x := range t {
		for k := range 8 {
			t[x] |= uint64(x>>k&1) << (8 * k)
		}
	}
	return t
}()

// groupKey is group | sim | id.
func groupKey(group []byte, sim uint64, id string) []byte {
	k := make([]byte, len(group), len(group)+8+len(id))
	copy(k, group)
	k = binary.BigEndian.AppendUint64(k, sim)
	return append(k, id...)
}

// deduper works inside one write transaction.
type deduper struct {
	exact, groups *bolt.Bucket
}

func newDeduper(tx *bolt.Tx) deduper {
	return deduper{exact: tx.Bucket(bucketDupKey), groups: tx.Bucket(bucketSimGroup)}
}

// link finds the canonical of p (stored as id) and returns its id, or ""
// when p is canonical itself; a canonical p is entered in the buckets.
func (d deduper) link(p extract.Posting, id string) (string, error) {
	k := keysOf(p)
	if k.exact == nil {
		return "", nil
	}
	if c := d.exact.Get(k.exact); c != nil && string(c) != id {
		return string(c), nil
	}
	if k.group != nil {
		best, bestDist := "", NearThreshold+1
		n := len(k.group)
		c := d.groups.Cursor()
		for key, _ := c.Seek(k.group); key != nil && bytes.HasPrefix(key, k.group); key, _ = c.Next() {
			if len(key) <= n+8 {
				continue
			}
			dist := bits.OnesCount64(binary.BigEndian.Uint64(key[n:]) ^ k.sim)
			if dist > bestDist || string(key[n+8:]) == id {
				continue
			}
			if cid := string(key[n+8:]); dist < bestDist || cid < best {
				best, bestDist = cid, dist
			}
		}
		if best != "" {
			if d.exact.Get(k.exact) == nil {
				if err := d.exact.Put(k.exact, []byte(best)); err != nil {
					return "", err
				}
			}
			return best, nil
		}
	}
	if err := d.exact.Put(k.exact, []byte(id)); err != nil {
		return "", err
	}
	if k.group != nil {
		if err := d.groups.Put(groupKey(k.group, k.sim, id), []byte{}); err != nil {
			return "", err
		}
	}
	return "", nil
}

// unlink removes what link entered for p, stored as id, before p
// changes. Postings linked to id keep their link.
func (d deduper) unlink(p extract.Posting, id string) error {
	k := keysOf(p)
	if k.exact == nil {
		return nil
	}
	if c := d.exact.Get(k.exact); c != nil && string(c) == id {
		if err := d.exact.Delete(k.exact); err != nil {
			return err
		}
	}
	if k.group != nil {
		return d.groups.Delete(groupKey(k.group, k.sim, id))
	}
	return nil
}

// relink links every stored posting again, from empty buckets, in the
// order they were first seen, so that each canonical is the earliest of
// its duplicates. It reports whether any link changed. Open runs it when
// the store was linked by an older dedup version (or never); Reindex runs
// it after extracting again.
func (s *Store) relink() (bool, error) {
	type posting struct {
		first, seq uint64
		id         string
	}
	var order []posting
	const page = 5000 // records read per transaction
	for {
		n := len(order)
		err := s.db.View(func(tx *bolt.Tx) error {
			c := tx.Bucket(bucketRecords).Cursor()
			k, v := c.First()
			if n > 0 {
				k, v = c.Seek(seqKey(order[n-1].seq + 1))
			}
			for ; k != nil && len(order) < n+page; k, v = c.Next() {
				var st struct {
					Seq     uint64 `json:"seq"`
					First   uint64 `json:"first"`
					Posting struct {
						ID string `json:"id"`
					} `json:"posting"`
				}
				if err := json.Unmarshal(v, &st); err != nil {
					return fmt.Errorf("record %d: %w", decodeSeq(k), err)
				}
				order = append(order, posting{cmp.Or(st.First, st.Seq), decodeSeq(k), st.Posting.ID})
			}
			return nil
		})
		if err != nil {
			return false, err
		}
		if len(order) == n {
			break
		}
		unmapPages(s.db)
	}
	slices.SortFunc(order, func(a, b posting) int { return cmp.Or(cmp.Compare(a.first, b.first), strings.Compare(a.id, b.id)) })
	changed := false
	err := s.db.Update(func(tx *bolt.Tx) error {
		for _, b := range [][]byte{bucketDupKey, bucketSimGroup, bucketOldSimBand} {
			if err := tx.DeleteBucket(b); err != nil && !errors.Is(err, bolt.ErrBucketNotFound) {
				return err
			}
		}
		for _, b := range [][]byte{bucketDupKey, bucketSimGroup} {
			if _, err := tx.CreateBucket(b); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return false, err
	}
	const batch = 1000
	for start := 0; start < len(order); start += batch {
		err := s.db.Update(func(tx *bolt.Tx) error {
			ids, records := tx.Bucket(bucketIDs), tx.Bucket(bucketRecords)
			d := newDeduper(tx)
			for _, e := range order[start:min(start+batch, len(order))] {
				var st stored
				if err := json.Unmarshal(records.Get(seqKey(e.seq)), &st); err != nil {
					return fmt.Errorf("posting %s: %w", e.id, err)
				}
				dup, err := d.link(st.Posting, e.id)
				if err != nil {
					return err
				}
				if dup == st.DupOf && st.First != 0 {
					continue
				}
				changed = changed || dup != st.DupOf
				st.DupOf, st.First = dup, cmp.Or(st.First, st.Seq)
				val, err := json.Marshal(st)
				if err != nil {
					return err
				}
				if err := records.Put(seqKey(e.seq), val); err != nil {
					return err
				}
				if err := ids.Put([]byte(e.id), entryOf(st).encode()); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return changed, fmt.Errorf("link duplicates: %w", err)
		}
		unmapPages(s.db)
	}
	err = s.db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucketMeta).Put(keyDedup, []byte(dedupVersion)) })
	return changed, err
}

// DupOf returns the id of the posting that the posting id duplicates, or
// "" when it is canonical (counted).
func (s *Store) DupOf(id string) (string, error) {
	var dupOf string
	err := s.db.View(func(tx *bolt.Tx) error {
		e, ok, err := lookup(tx.Bucket(bucketIDs), id)
		if err != nil {
			return err
		}
		if !ok {
			return fmt.Errorf("posting %q: %w", id, ErrNotFound)
		}
		dupOf = e.dupOf
		return nil
	})
	return dupOf, err
}
