// Package corpus keeps postings durably on disk and counts them.
//
// A Store owns one data directory:
//
//	DIR/LOCK          pid of the jobgap process holding the store (flock'd)
//	DIR/postings.db   the durable store (bbolt): every posting as extracted,
//	                  and its source document, so that postings can be
//	                  extracted again without fetching anything
//	DIR/index.bleve/  a bleve v2 index derived from postings.db; rebuilt
//	                  when it was made by another mapping version
//	DIR/history/      dated audit snapshots (see SaveSnapshot), each
//	                  written to a temporary file and renamed
//	DIR/taxonomy.yaml optional: the user's extension of the catalog (read
//	                  by the command layer)
//
// postings.db is the truth; the index can always be rebuilt from it.
// Buckets in postings.db:
//
//	raw       posting id -> extract.Raw (JSON)
//	postings  posting id -> record (JSON: seq, first, hash, dup_of,
//	          extract.Posting); first is the seq the id was first added
//	          with, dup_of the id of the posting it duplicates
//	seq       big-endian uint64 sequence -> posting id; every add or
//	          change gets the next sequence number
//	meta      "seq" -> the last sequence number used;
//	          "dedup" -> the dedup version the links were made with
//	dupkey    exact dedup key (16 bytes) -> id of the canonical posting
//	simband   near-dedup candidates: company/title group (8 bytes) |
//	          band (1) | band value (1) | id -> SimHash (8 bytes,
//	          big-endian); canonical postings only
//	http      URL -> validators of its last saved response (JSON: etag,
//	          last_modified, saved), for conditional re-crawls
//
// # Duplicates
//
// The same job posted on two boards, or once per city, is stored once per
// posting id but counted once: Put links a posting to the earliest posting
// of the same job (exact key, or SimHash within NearThreshold bits among
// postings of the same company and title group; see dedup.go for the
// rules and the measured threshold). Duplicates are kept, never deleted:
// the record's dup_of names the canonical posting, the index has the
// fields "duplicate" (bool) and "dup_of", and Count and IDs leave
// duplicates out unless Filter.IncludeDuplicates is set. Each, Get and Len
// see every posting. Links are made when a posting is added or changed;
// Reindex with re-extraction, and Open of a store linked by another dedup
// version, link the whole store again in first-seen order. The buckets
// hold a bounded amount per canonical posting (one exact key, 8 band
// entries), so memory does not grow with the store: candidates are read
// from disk.
//
// # HTTP cache
//
// HTTPCache (bucket http) remembers the ETag and Last-Modified of each
// crawled URL whose postings were all saved; the crawler sends them back
// (If-None-Match, If-Modified-Since) and skips a page the server answers
// 304 Not Modified. Entries are saved only after the postings they stand
// for, so a crash never leaves a URL marked as seen whose postings are
// missing.
//
// Put commits to postings.db (bbolt fsyncs each commit) before it returns,
// so a posting that Put reported as saved survives a crash at any moment
// after. Put then indexes the batch and records, in the same bleve batch,
// the highest sequence number indexed. Open compares that number with the
// store's and indexes whatever the index missed; an index that cannot be
// opened is rebuilt from the store.
//
// Only one process may hold a data directory; Open fails at once with an
// *InUseError naming the holder's pid instead of waiting on a lock.
package corpus
