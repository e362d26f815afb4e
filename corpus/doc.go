// Package corpus keeps postings durably on disk and counts them.
//
// A Store owns one data directory:
//
//	DIR/LOCK          pid of the jobgap process holding the store (flock'd)
//	DIR/postings.db   the durable store (bbolt): every posting as extracted,
//	                  and its source document, so that postings can be
//	                  extracted again without fetching anything
//	DIR/index.bleve/  a bleve v2 index derived from postings.db
//
// postings.db is the truth; the index can always be rebuilt from it.
// Buckets in postings.db:
//
//	raw       posting id -> extract.Raw (JSON)
//	postings  posting id -> record (JSON: seq, hash, extract.Posting)
//	seq       big-endian uint64 sequence -> posting id; every add or
//	          change gets the next sequence number
//	meta      "seq" -> the last sequence number used
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
