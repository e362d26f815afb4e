package corpus

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// treeState lists the files under dir with their sizes and times.
func treeState(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		m[path] = fmt.Sprint(info.ModTime(), info.Size())
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestReadOnlyCountsAndRefusesWrites(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	s, err := Open(ctx, dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	// One Put per posting: many small segments, which bleve's merger
	// would merge on a writable open.
	for _, id := range []string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"} {
		if _, err := s.Put(ctx, []Record{posting(id, "product-owner", "cspo")}); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	before := treeState(t, filepath.Join(dir, "index.bleve"))

	r, err := Open(ctx, dir, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if !r.readOnly {
		t.Fatal("store not marked read-only")
	}
	c, err := r.Count(ctx, Filter{Family: "product-owner"}, FieldCert)
	if err != nil {
		t.Fatal(err)
	}
	if c.N != 12 || c.Terms[FieldCert]["cspo"] != 12 {
		t.Errorf("read-only count: N=%d cspo=%d, want 12 and 12", c.N, c.Terms[FieldCert]["cspo"])
	}
	if _, err := r.Put(ctx, []Record{posting("z", "product-owner")}); !errors.Is(err, ErrReadOnly) {
		t.Errorf("Put on a read-only store: %v, want ErrReadOnly", err)
	}
	if _, err := r.Reindex(ctx, nil, Options{}); !errors.Is(err, ErrReadOnly) {
		t.Errorf("Reindex on a read-only store: %v, want ErrReadOnly", err)
	}
	if err := r.Close(); err != nil {
		t.Fatal(err)
	}
	after := treeState(t, filepath.Join(dir, "index.bleve"))
	if len(before) != len(after) {
		t.Errorf("a read-only open changed the index: %d files before, %d after", len(before), len(after))
	}
	for path, st := range before {
		if after[path] != st {
			t.Errorf("a read-only open changed %s", path)
		}
	}
}

func TestReadOnlyStillBringsALaggingIndexUpToDate(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	s, err := Open(ctx, dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Put(ctx, []Record{posting("a", "product-owner"), posting("b", "product-manager")}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	// An index that is gone, as after a crash or a user deleting it: a
	// read-only open must rebuild it rather than count nothing.
	if err := os.RemoveAll(filepath.Join(dir, "index.bleve")); err != nil {
		t.Fatal(err)
	}
	r, err := Open(ctx, dir, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	c, err := r.Count(ctx, Filter{}, FieldCert)
	if err != nil {
		t.Fatal(err)
	}
	if c.N != 2 {
		t.Errorf("read-only open of a store without an index: N=%d, want 2", c.N)
	}
	if _, err := r.Put(ctx, []Record{posting("z", "product-owner")}); !errors.Is(err, ErrReadOnly) {
		t.Errorf("Put: %v, want ErrReadOnly", err)
	}
}
