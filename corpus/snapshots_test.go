package corpus

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestSnapshotsSaveAndList(t *testing.T) {
	s, dir := openTest(t)
	if got, err := s.Snapshots("audit-"); err != nil || got != nil {
		t.Fatalf("no history yet: got %v, %v", got, err)
	}
	for _, sn := range []Snapshot{
		{"audit-pm-2026-10-15.json", []byte(`{"week":2}`)},
		{"audit-pm-2026-10-01.json", []byte(`{"week":1}`)},
		{"audit-po-2026-10-01.json", []byte(`{"other":true}`)},
	} {
		if err := s.SaveSnapshot(sn.Name, sn.Data); err != nil {
			t.Fatal(err)
		}
	}
	// The same day again replaces that day's snapshot.
	if err := s.SaveSnapshot("audit-pm-2026-10-15.json", []byte(`{"week":2,"again":true}`)); err != nil {
		t.Fatal(err)
	}
	got, err := s.Snapshots("audit-pm-")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Name != "audit-pm-2026-10-01.json" || string(got[1].Data) != `{"week":2,"again":true}` {
		t.Errorf("snapshots = %q", got)
	}
	if _, err := os.Stat(filepath.Join(dir, HistoryDir, "audit-po-2026-10-01.json")); err != nil {
		t.Errorf("snapshot not in DIR/history: %v", err)
	}
}

// TestSnapshotInterruptedWrite: a temporary file left by a save that was
// interrupted before its rename is never read as a snapshot, the old
// snapshot is intact, and the next save clears the leftover.
func TestSnapshotInterruptedWrite(t *testing.T) {
	s, dir := openTest(t)
	if err := s.SaveSnapshot("audit-pm-2026-10-01.json", []byte(`{"ok":1}`)); err != nil {
		t.Fatal(err)
	}
	hist := filepath.Join(dir, HistoryDir)
	stale := filepath.Join(hist, ".tmp-audit-pm-2026-10-01.json-123")
	if err := os.WriteFile(stale, []byte(`{"half`), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := s.Snapshots("")
	if err != nil || len(got) != 1 || string(got[0].Data) != `{"ok":1}` {
		t.Fatalf("after an interrupted write: %q, %v", got, err)
	}
	if err := s.SaveSnapshot("audit-pm-2026-10-08.json", []byte(`{"ok":2}`)); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("stale temporary file not removed: %v", err)
	}
}

func TestSnapshotNames(t *testing.T) {
	s, _ := openTest(t)
	for _, name := range []string{"", "../escape.json", "a/b.json", ".hidden", `a\b`} {
		if err := s.SaveSnapshot(name, []byte("{}")); !errors.Is(err, ErrSnapshotName) {
			t.Errorf("SaveSnapshot(%q) = %v, want ErrSnapshotName", name, err)
		}
	}
}
