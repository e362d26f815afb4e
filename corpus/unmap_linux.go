package corpus

import (
	"syscall"

	bolt "go.etcd.io/bbolt"
)

// unmapPages drops this process's mapping of the pages of postings.db
// that bbolt has read (madvise MADV_DONTNEED on its read-only, shared
// mmap of the file). The pages stay in the page cache, and the next read
// of one maps it again from there (a minor fault, no I/O); what goes is
// their count in the process's resident memory, and the kernel can then
// reclaim them like any cached file page.
//
// bbolt reads through the mapping, and each page it has read stays
// counted in RSS until the file is mapped again, which it does only when
// the file grows past the mapping (in steps of up to 1 GiB). An import
// reads few pages per batch, but pages freed by one batch are reused by
// later ones all over the file, so the pages it has touched grow with
// the file: 134 MiB of postings.db at 100,000 postings. Dropped after
// each batch, they stay at what one batch reads, which still grows with
// the store: a batch of 2,000 postings into 100,000 rewrites nearly every
// leaf of ids, dupkey and simgroup (24 MB), and with the pages the kernel
// maps around each page read (fault-around: recently written records and
// sources, in the page cache) that maps up to 89 MiB by its commit.
//
// It runs inside a read transaction, which keeps bbolt from mapping the
// file again meanwhile (a remap takes the mmap lock that readers share),
// so the range is the mapping of postings.db and nothing else. An error
// is ignored: the pages then stay mapped, as without this call.
func unmapPages(db *bolt.DB) {
	_ = db.View(func(tx *bolt.Tx) error {
		unmapTx(tx)
		return nil
	})
}

// unmapTx is unmapPages from inside a read transaction, for a long read
// (Store.Postings reads thousands of records scattered over the file,
// and the kernel maps about 16 cached pages around each one read: 13,000
// records mapped over 700 MiB). Other goroutines may be reading the file
// meanwhile: what they read is mapped again from the page cache, with
// the same contents.
func unmapTx(tx *bolt.Tx) {
	if data, size := tx.DB().Info().Data, uintptr(tx.Size()); data != 0 && size > 0 {
		_, _, _ = syscall.Syscall(syscall.SYS_MADVISE, data, size, syscall.MADV_DONTNEED)
	}
}
