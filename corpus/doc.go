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
// Buckets in postings.db (layout 2):
//
//	ids       posting id -> seq (8 bytes, big-endian) | hash (16 bytes) |
//	          dup_of (the rest): where the posting's record and source are,
//	          and what Put needs to tell an unchanged posting from a
//	          changed one without reading its record
//	records   seq -> record (JSON: seq, first, hash, dup_of,
//	          extract.Posting); first is the seq the id was first added
//	          with, dup_of the id of the posting it duplicates
//	sources   seq -> extract.Raw (JSON), the source document of the
//	          record with the same seq
//	meta      "seq" -> the last sequence number used;
//	          "layout" -> the layout version ("2");
//	          "dedup" -> the dedup version the links were made with
//	dupkey    exact dedup key (16 bytes) -> id of the canonical posting
//	simgroup  near-dedup candidates: company/title group (8 bytes) |
//	          SimHash (8 bytes, big-endian) | id -> nothing; canonical
//	          postings only
//	http      URL -> validators of its last saved response (JSON: etag,
//	          last_modified, saved), for conditional re-crawls
//
// Every add or change of a posting gets the next sequence number (seq):
// its record and source are written under it, and those of the posting's
// previous seq, if any, are deleted in the same transaction. The records
// bucket in seq order is thus the order in which the index catches up,
// and a batch of new postings is appended at the end of records and
// sources, the buckets that hold nearly all of the file, instead of
// rewriting pages all over it (posting ids are hashes): an import touches
// the end of the file and the small buckets keyed by id or hash, whose
// pages are the only ones it reads all over. Re-extraction (Reindex) and
// relinking change records in place, under the same seq, and rebuild the
// index after. After each batch, Put, and the loops that read the whole
// store (index rebuild, re-extraction, relinking, migration), drop the
// process's mapping of the pages bbolt has read (unmap_linux.go), so
// that pages read once do not stay counted in its resident memory.
//
// Layout 1, the first, keyed postings and raw by posting id and had a
// seq bucket mapping seq -> id. Open migrates such a store in batches,
// resumably; it empties the old buckets only once every posting is
// copied, and deletes them in its last transaction (see migrate.go). An older jobgap finds no postings in a layout-2 store
// (though its index still counts them); what it writes there, in layout
// 1, the next Open migrates.
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
// hold a bounded amount per canonical posting (one exact key, one group
// key), so memory does not grow with the store: candidates are read from
// disk.
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
