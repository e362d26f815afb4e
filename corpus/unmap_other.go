//go:build !linux

package corpus

import bolt "go.etcd.io/bbolt"

// unmapPages does nothing here; see unmap_linux.go.
func unmapPages(*bolt.DB) {}

// unmapTx does nothing here; see unmap_linux.go.
func unmapTx(*bolt.Tx) {}
