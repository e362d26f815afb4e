package corpus

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// HistoryDir is the directory, inside the data directory, that holds
// dated snapshots (of audits):
//
//	DIR/history/NAME   one snapshot, written whole or not at all
//
// A snapshot is written to a temporary file in the same directory
// (".tmp-*"), fsynced, renamed over NAME, and the directory is fsynced,
// so an interrupted write leaves either the old snapshot or the new one,
// never a mixture; leftover temporary files are ignored (and removed by
// the next save).
const HistoryDir = "history"

// ErrSnapshotName is returned for a snapshot name that is not a plain
// file name.
var ErrSnapshotName = errors.New("invalid snapshot name")

// Snapshot is one stored snapshot.
type Snapshot struct {
	Name string // file name in DIR/history
	Data []byte
}

func checkSnapshotName(name string) error {
	if name == "" || strings.HasPrefix(name, ".") || strings.ContainsAny(name, `/\`) || name != filepath.Base(name) {
		return fmt.Errorf("snapshot %q: %w", name, ErrSnapshotName)
	}
	return nil
}

// SaveSnapshot writes data as DIR/history/NAME atomically, replacing a
// snapshot of the same name.
func (s *Store) SaveSnapshot(name string, data []byte) error {
	if err := checkSnapshotName(name); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	dir := filepath.Join(s.dir, HistoryDir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("save snapshot %s: %w", name, err)
	}
	removeStaleTemps(dir)
	if err := writeAtomic(dir, name, data); err != nil {
		return fmt.Errorf("save snapshot %s: %w", name, err)
	}
	return nil
}

func writeAtomic(dir, name string, data []byte) (err error) {
	tmp, err := os.CreateTemp(dir, ".tmp-"+name+"-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if err = os.Rename(tmp.Name(), filepath.Join(dir, name)); err != nil {
		return err
	}
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}

// removeStaleTemps removes temporary files an interrupted save left.
// Writers hold the store, so none is in progress.
func removeStaleTemps(dir string) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range ents {
		if strings.HasPrefix(e.Name(), ".tmp-") {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// Snapshots returns the snapshots whose names start with prefix, in name
// order; none (and no error) when there is no history yet.
func (s *Store) Snapshots(prefix string) ([]Snapshot, error) {
	dir := filepath.Join(s.dir, HistoryDir)
	ents, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read history: %w", err)
	}
	var out []Snapshot
	for _, e := range ents {
		name := e.Name()
		if strings.HasPrefix(name, ".") || !e.Type().IsRegular() || !strings.HasPrefix(name, prefix) {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			return nil, fmt.Errorf("read snapshot %s: %w", name, err)
		}
		out = append(out, Snapshot{Name: name, Data: b})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}
