package corpus

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"
)

var bucketHTTP = []byte("http") // URL -> cacheValue (JSON)

// HTTPCache keeps, per URL, the validators (ETag, Last-Modified) of the
// last response whose postings were saved, so that a re-crawl can ask
// "changed since?" and skip what did not change. It satisfies
// crawl.Cache. Get one with Store.HTTPCache.
type HTTPCache struct {
	s *Store
}

// CacheEntry is the validators of one URL.
type CacheEntry struct {
	URL          string
	ETag         string
	LastModified string
}

type cacheValue struct {
	ETag         string    `json:"etag,omitempty"`
	LastModified string    `json:"last_modified,omitempty"`
	Saved        time.Time `json:"saved"`
}

// HTTPCache returns the store's HTTP cache.
func (s *Store) HTTPCache() *HTTPCache { return &HTTPCache{s: s} }

// Lookup returns the validators saved for url.
func (c *HTTPCache) Lookup(url string) (etag, lastModified string, ok bool) {
	var v cacheValue
	_ = c.s.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketHTTP).Get([]byte(url))
		ok = b != nil && json.Unmarshal(b, &v) == nil
		return nil
	})
	return v.ETag, v.LastModified, ok && (v.ETag != "" || v.LastModified != "")
}

// Save records entries in one transaction. An entry with neither
// validator forgets its URL. Save only after the postings of those
// responses are saved: a URL in the cache is not fetched again while the
// server says it has not changed.
func (c *HTTPCache) Save(ctx context.Context, entries []CacheEntry) error {
	if len(entries) == 0 {
		return nil
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	now := time.Now().UTC()
	err := c.s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketHTTP)
		for _, e := range entries {
			if e.URL == "" {
				continue
			}
			if e.ETag == "" && e.LastModified == "" {
				if err := b.Delete([]byte(e.URL)); err != nil {
					return err
				}
				continue
			}
			v, err := json.Marshal(cacheValue{ETag: e.ETag, LastModified: e.LastModified, Saved: now})
			if err != nil {
				return err
			}
			if err := b.Put([]byte(e.URL), v); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("save HTTP cache: %w", err)
	}
	return nil
}

// Forget removes url from the cache.
func (c *HTTPCache) Forget(url string) error {
	return c.s.db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucketHTTP).Delete([]byte(url)) })
}
