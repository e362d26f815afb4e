package demo

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"time"
)

// The source ids and times of a posting are derived from its key, so they
// are the same on every run and do not change when postings are added.

func keyHash(salt, key string) [32]byte { return sha256.Sum256([]byte(salt + "\x00" + key)) }

// greenhouseID returns a Greenhouse-style job id (ten digits ending in
// 002, like the real ones) and internal job id.
func greenhouseID(key string) (id, internal int64) {
	h := keyHash("greenhouse", key)
	n := int64(binary.BigEndian.Uint64(h[:8]) % 9_000_000)
	return (1_000_000+n)*1000 + 2, (5_000_000+n%1_000_000)*1000 + 2
}

// uuidFor returns a version-4-shaped UUID for key.
func uuidFor(salt, key string) string {
	h := keyHash(salt, key)
	h[6] = h[6]&0x0f | 0x40
	h[8] = h[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", h[0:4], h[4:6], h[6:8], h[8:10], h[10:16])
}

// postedAt returns when a posting went live: its date_posted, at a
// working hour derived from its key, in UTC.
func postedAt(p Posting) time.Time {
	d, _ := time.Parse(time.DateOnly, p.DatePosted)
	h := keyHash("time", p.Key)
	return d.Add(time.Duration(13+int(h[0])%8)*time.Hour +
		time.Duration(int(h[1])%60)*time.Minute +
		time.Duration(int(h[2])%60)*time.Second +
		time.Duration(int(h[3])%1000)*time.Millisecond)
}

// updatedAt is a little after postedAt, as boards touch postings again.
func updatedAt(p Posting) time.Time {
	h := keyHash("updated", p.Key)
	return postedAt(p).Add(time.Duration(int(h[0])%72) * time.Hour).Add(time.Duration(int(h[1])%60) * time.Minute)
}

// eastern returns t in US Eastern time, as Greenhouse reports times
// (daylight time until the first Sunday of November 2026).
func eastern(t time.Time) time.Time {
	if t.Before(time.Date(2026, 11, 1, 6, 0, 0, 0, time.UTC)) {
		return t.In(time.FixedZone("EDT", -4*3600))
	}
	return t.In(time.FixedZone("EST", -5*3600))
}

// smallID returns a Greenhouse-style id for a named thing (a department,
// an office), the same for the same name.
func smallID(salt, name string) int64 {
	h := keyHash(salt, name)
	return (4_000_000+int64(binary.BigEndian.Uint32(h[:4])%1_000_000))*1000 + 2
}
